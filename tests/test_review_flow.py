"""The editor's loop on a pull request: a new article, its findings, a decision, an edit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import CONFLICTING_TEXT, SEED_CORPUS, conflicting_claims

SIXTH_TEXT, SIXTH_CLAIMS = CONFLICTING_TEXT, conflicting_claims("sixth-article")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def add_sixth_article(root: Path, text: str = SIXTH_TEXT, claims: str = SIXTH_CLAIMS) -> Path:
    (root / "claims" / "articles" / "sixth-article.txt").write_text(text, encoding="utf-8")
    path = root / "claims" / "sixth-article.claims.yaml"
    path.write_text(claims, encoding="utf-8")
    return path


def new_conflict_ids(report: str) -> list[str]:
    section = report.split("## This change (against", 1)[1].split("\n## ", 1)[0]
    return [line.rsplit("`", 2)[1] for line in section.splitlines() if line.startswith("- **conflict**:")]


def review_all(findings: list[str], decision: str = "confirmed-error") -> None:
    for finding in findings:
        assert main(["review", finding, "--decision", decision, "--reviewer", "A. Editor",
                     "--reason", "Stargate is $500 billion; the new article is wrong", "--date", "2025-11-24"]) == 0


def test_a_contradicting_article_is_shown_first_reviewed_then_made_stale(repo, capsys):
    new = add_sixth_article(repo)
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 1
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert report.index("## This change (against") < report.index("## Conflicts to review")
    assert "`sixth-article/stargate-value` | contradicts the corpus" in report
    findings = new_conflict_ids(report)
    # one finding for the fact, naming the new article as the outlier against the two sources of the majority
    assert len(findings) == 1 and findings[0].startswith("CC101-")

    review_all(findings)
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 0
    report = (repo / "report.md").read_text(encoding="utf-8")
    confirmed = report.split("## Confirmed errors awaiting correction (1)", 1)[1].split("\n## ", 1)[0]
    assert all(finding in confirmed for finding in findings) and "do not fail the check" in confirmed
    # what an editor must do first: conflicts to review, then errors awaiting correction
    assert report.index("## Conflicts to review") < report.index("## Confirmed errors awaiting correction")

    add_sixth_article(repo, SIXTH_TEXT.replace("$400", "$450"), SIXTH_CLAIMS.replace("$400", "$450"))
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 1
    assert "**Stale review**" in (repo / "report.md").read_text(encoding="utf-8")


def test_a_review_whose_finding_is_gone_is_resolved_kept_and_archived_only_when_asked(repo, capsys):
    new = add_sixth_article(repo)
    main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"])
    [finding] = new_conflict_ids((repo / "report.md").read_text(encoding="utf-8"))
    review_all([finding], "dismissed")
    new.unlink()
    (repo / "claims" / "articles" / "sixth-article.txt").unlink()
    recorded = (repo / "claims" / "reviews.yaml").read_text(encoding="utf-8")
    capsys.readouterr()

    assert main(["check", "--format", "markdown", "--output", "report.md", "--fail-on", "never"]) == 0
    assert "CC060" not in capsys.readouterr().err
    resolved = (repo / "report.md").read_text(encoding="utf-8").split("<summary>Resolved since the last review (1)")[1]
    assert f"- `{finding}`: dismissed by A. Editor" in resolved.split("</details>")[0]
    assert (repo / "claims" / "reviews.yaml").read_text(encoding="utf-8") == recorded  # a check writes nothing

    assert main(["review", "--archive", "--date", "2025-12-01"]) == 0
    assert f"resolved, kept on record in claims/reviews.yaml: {finding} dismissed" in capsys.readouterr().err
    archived = (repo / "claims" / "reviews.yaml").read_text(encoding="utf-8")
    assert archived == recorded + "    resolved: 2025-12-01\n"
    assert main(["check", "--format", "markdown", "--output", "report.md", "--fail-on", "never"]) == 0
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert "<summary>Resolved since the last review (0)</summary>" in report and "None. 1 decision resolved earlier is on record in `claims/reviews.yaml` with the date it resolved" in report
    assert main(["review", "--archive"]) == 0 and (repo / "claims" / "reviews.yaml").read_text(encoding="utf-8") == archived


def test_review_remove_deletes_only_the_named_decisions_and_prints_them(repo, capsys):
    new = add_sixth_article(repo)
    main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"])
    [first] = new_conflict_ids((repo / "report.md").read_text(encoding="utf-8"))
    review_all([first], "disputed")
    path = repo / "claims" / "reviews.yaml"
    second = "CC101-aaaaaaaaaaaa"  # an older decision, on a finding gone since: resolved, kept on record
    path.write_text(path.read_text(encoding="utf-8").replace("reviews:\n", "reviews:  # by the desk\n")
                    + f"  - {{finding: {second}, decision: dismissed, reviewer: B. Editor, date: 2025-11-20, "
                      "reason: an older figure, evidence: aaaaaaaaaaaa}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["review", "--remove", first]) == 0
    assert f"removed from claims/reviews.yaml: {first} disputed by A. Editor" in capsys.readouterr().err
    text = path.read_text(encoding="utf-8")
    assert first not in text and second in text and "# by the desk" in text
    assert main(["review", "--remove", first]) == 2  # nothing left to remove: said, not silent
    assert main(["review", "--remove", second]) == 0
    assert "reviews: []" in path.read_text(encoding="utf-8")
    assert main(["check", "--new", str(new), "--fail-on", "conflict", "--output", "out.txt"]) == 1  # first is open again
    review_all([first], "dismissed")  # the emptied file takes new decisions again
    assert main(["check", "--new", str(new), "--fail-on", "conflict", "--output", "out.txt"]) == 0


def test_recording_a_decision_needs_decision_reviewer_and_reason(repo, capsys):
    assert main(["review", "CC101-000000000000", "--decision", "dismissed", "--reviewer", "A. Editor"]) == 2
    assert "missing: --reason" in capsys.readouterr().err


def test_confirmed_errors_fail_the_check_when_the_policy_says_so(repo):
    new = add_sixth_article(repo)
    main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"])
    review_all(new_conflict_ids((repo / "report.md").read_text(encoding="utf-8")))
    assert main(["check", "--new", str(new), "--output", "out.txt"]) == 0
    (repo / "claimcheck.toml").write_text('confirmed-errors = "fail"\n', encoding="utf-8")
    assert main(["check", "--new", str(new), "--format", "markdown", "--output", "report.md"]) == 1
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert "They fail every check until corrected" in report
    assert "This check fails on 1 confirmed error until corrected." in report


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_check_against_a_git_base_reports_what_the_branch_adds(repo):
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "claims")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "seed corpus")
    add_sixth_article(repo)
    assert main(["check", "--base", "HEAD", "--format", "markdown", "--output", "report.md"]) == 1
    report = (repo / "report.md").read_text(encoding="utf-8")
    assert "## This change (against HEAD)" in report and "change against HEAD" in report
    assert "New or edited articles: `sixth-article`." in report


def test_an_unknown_git_ref_is_a_usage_error(repo, capsys):
    git(repo, "init", "-q")
    assert main(["check", "--base", "no-such-ref"]) == 2
    assert "claimcheck: error:" in capsys.readouterr().err
