"""The editor's loop on a pull request: a new article, its findings, a decision, an edit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import REPO

SIXTH_TEXT = "OpenAI's Stargate venture with Oracle and SoftBank is a $400 billion plan, the outlet reported.\n"
SIXTH_CLAIMS = """\
article:
  id: sixth-article
  text: articles/sixth-article.txt
claims:
  - id: stargate-value
    subject: stargate
    property: deal-value
    value: {kind: money, text: "$400 billion"}
    quote: "a $400 billion plan"
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def add_sixth_article(root: Path, text: str = SIXTH_TEXT, claims: str = SIXTH_CLAIMS) -> Path:
    (root / "claims" / "articles" / "sixth-article.txt").write_text(text, encoding="utf-8")
    path = root / "claims" / "sixth-article.claims.yaml"
    path.write_text(claims, encoding="utf-8")
    return path


def new_conflict_ids(report: str) -> list[str]:
    section = report.split("## What this change brings", 1)[1].split("\n## ", 1)[0]
    return [row.split("`")[1] for row in section.splitlines() if [cell.strip() for cell in row.split("|")[2:3]] == ["conflict"]]


def review_all(findings: list[str], decision: str = "confirmed-error") -> None:
    for finding in findings:
        assert main(["review", finding, "--decision", decision, "--reviewer", "A. Editor",
                     "--reason", "Stargate is $500 billion; the new article is wrong", "--date", "2025-11-24"]) == 0


def test_a_contradicting_article_is_shown_first_reviewed_then_made_stale(repo, capsys):
    new = add_sixth_article(repo)
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 1
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert report.index("## What this change brings") < report.index("## Conflicts to review")
    assert "`sixth-article/stargate-value` | contradicts the corpus" in report
    findings = new_conflict_ids(report)
    # one finding for the fact, naming the new article as the outlier against the two sources of the majority
    assert len(findings) == 1 and findings[0].startswith("CC101-")

    review_all(findings)
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 0
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert "## Reviewed (1)" in report and "confirmed-error" in report

    add_sixth_article(repo, SIXTH_TEXT.replace("$400", "$450"), SIXTH_CLAIMS.replace("$400", "$450"))
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 1
    assert "**Stale review**" in (repo / "report.md").read_text(encoding="utf-8")


def test_a_review_of_a_finding_that_no_longer_exists_is_reported(repo, capsys):
    new = add_sixth_article(repo)
    main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"])
    [finding] = new_conflict_ids((repo / "report.md").read_text(encoding="utf-8"))
    review_all([finding], "dismissed")
    new.unlink()
    (repo / "claims" / "articles" / "sixth-article.txt").unlink()
    capsys.readouterr()
    assert main(["check", "--format", "markdown", "--output", "report.md"]) == 2
    assert f"CC060 review names finding {finding}, which no longer exists" in capsys.readouterr().err
    assert "## Reviews of findings that no longer exist" in (repo / "report.md").read_text(encoding="utf-8")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_check_against_a_git_base_reports_what_the_branch_adds(repo):
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "claims")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "seed corpus")
    add_sixth_article(repo)
    assert main(["check", "--base", "HEAD", "--format", "markdown", "--output", "report.md"]) == 1
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert "## What this change brings (against HEAD)" in report
    assert "New or edited articles: `sixth-article`." in report


def test_an_unknown_git_ref_is_a_usage_error(repo, capsys):
    git(repo, "init", "-q")
    assert main(["check", "--base", "no-such-ref"]) == 2
    assert "claimcheck: error:" in capsys.readouterr().err
