"""The newsroom's loop, end to end, in a git repository as CI sees it: a branch adds an article that
contradicts the corpus, an editor reviews it, the article is corrected, a quote behind an old
decision is edited. Every step through the CLI, with the exit code and the annotations CI gets."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from checker.cli import main
from tests.conftest import CONFLICTING_TEXT, SEED_CORPUS, conflicting_claims

FRIDAY_CONFLICT = "CC102-a0ddb3e60f7f"  # Friday against November 20, 2025, between two seed articles
ADDED_TEXT, ADDED_CLAIMS = CONFLICTING_TEXT, conflicting_claims("added-article")
ADDED_CLAIM_LINE = 7


def git(root: Path, *args: str) -> str:
    identity = ["-c", "user.name=Desk", "-c", "user.email=desk@example.org", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", "-C", str(root), *identity, *args], check=True, capture_output=True, text=True).stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A", "claims")
    git(root, "commit", "-qm", message)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "the seed corpus")
    return tmp_path


def check(capsys, *options: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["check", "--base", "main", "--no-cache", *options])
    return status, capsys.readouterr().out


def conflicts_of(capsys, article: str) -> list[str]:
    _status, out = check(capsys, "--format", "json")
    return [finding["id"] for finding in json.loads(out)["findings"] if finding["status"] == "conflict"
            and article in {item["article"] for item in finding["evidence"]}]


def review(finding: str, decision: str, reason: str) -> None:
    assert main(["review", finding, "--decision", decision, "--reviewer", "A. Editor", "--reason", reason,
                 "--date", "2025-11-24", "--no-cache"]) == 0


def test_add_review_correct_and_edit_an_article_on_a_branch(newsroom, capsys):
    # an editor adds an article that contradicts the corpus, on a branch
    git(newsroom, "checkout", "-q", "-b", "add-article")
    (newsroom / "claims" / "articles" / "added-article.txt").write_text(ADDED_TEXT, encoding="utf-8")
    (newsroom / "claims" / "added-article.claims.yaml").write_text(ADDED_CLAIMS, encoding="utf-8")
    commit(newsroom, "add an article")
    status, annotations = check(capsys, "--format", "github")
    assert status == 1
    errors = [line for line in annotations.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and all(line.startswith(f"::error file=claims/added-article.claims.yaml,line="
                                                    f"{ADDED_CLAIM_LINE},") for line in errors)
    assert FRIDAY_CONFLICT not in annotations  # the old seed conflict does not fail this change: not an error

    # the desk confirms the new article is wrong: recorded, CI passes, listed right after the conflicts
    new_conflicts = conflicts_of(capsys, "added-article")
    for finding in new_conflicts:
        review(finding, "confirmed-error", "Stargate is $500 billion; the article is wrong")
    commit(newsroom, "review the new article")
    assert check(capsys, "--format", "markdown", "--output", "report.md")[0] == 0
    report = (newsroom / "report.md").read_text(encoding="utf-8")
    assert report.index("## Conflicts to review") < report.index("## Confirmed errors awaiting correction (1)")

    # the article is corrected: its findings are gone, the decisions resolved, still on record
    (newsroom / "claims" / "articles" / "added-article.txt").write_text(ADDED_TEXT.replace("$400", "$500"), encoding="utf-8")
    path = newsroom / "claims" / "added-article.claims.yaml"
    path.write_text(ADDED_CLAIMS.replace("$400", "$500"), encoding="utf-8")
    commit(newsroom, "correct the article")
    assert check(capsys, "--format", "markdown", "--output", "report.md")[0] == 0
    resolved = (newsroom / "report.md").read_text(encoding="utf-8").split("<summary>Resolved since the last review (1)")[1]
    assert all(f"- `{finding}`: confirmed-error by A. Editor" in resolved for finding in new_conflicts)
    assert main(["review", "--archive", "--date", "2025-11-25", "--no-cache"]) == 0
    recorded = yaml.safe_load((newsroom / "claims" / "reviews.yaml").read_text(encoding="utf-8"))["reviews"]
    assert sorted((r["finding"], r["decision"], str(r["resolved"])) for r in recorded) == sorted(
        (finding, "confirmed-error", "2025-11-25") for finding in new_conflicts)
    commit(newsroom, "archive resolved decisions")
    assert check(capsys)[0] == 0

    # an old conflict dismissed, then the quote behind it edited: the decision is stale, CI fails
    review(FRIDAY_CONFLICT, "dismissed", "Announced Friday in Taipei, Thursday evening in the US")
    commit(newsroom, "dismiss the Friday conflict")
    assert check(capsys)[0] == 0
    friday = newsroom / "claims" / "friday-unveiling.claims.yaml"
    text = friday.read_text(encoding="utf-8")
    assert 'quote: "unveiled a new partnership on Friday"' in text
    friday.write_text(text.replace('quote: "unveiled a new partnership on Friday"', 'quote: "a new partnership on Friday"'),
                      encoding="utf-8")
    commit(newsroom, "a shorter quote")
    status, report = check(capsys, "--format", "markdown")
    assert status == 1 and "**Stale review**" in report


def hook_arguments(hook_id: str) -> list[str]:
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *arguments = next(hook for hook in hooks if hook["id"] == hook_id)["entry"].split()
    assert program == "claimcheck"
    return arguments


def stage_article(root: Path, claims: str, text: str = ADDED_TEXT) -> None:
    (root / "claims" / "articles" / "added-article.txt").write_text(text, encoding="utf-8")
    (root / "claims" / "added-article.claims.yaml").write_text(claims, encoding="utf-8")
    git(root, "add", "claims")


def test_the_pre_commit_hook_checks_only_what_the_staged_files_touch(newsroom, capsys):
    arguments = hook_arguments("claimcheck")
    assert main([*arguments, "--no-cache"]) == 0  # nothing staged; the seed's two old conflicts do not block
    assert "nothing to check" in capsys.readouterr().err

    stage_article(newsroom, ADDED_CLAIMS.replace("$400", "$500"), ADDED_TEXT.replace("$400", "$500"))
    assert main([*arguments, "--no-cache"]) == 0  # agrees with the corpus
    stage_article(newsroom, ADDED_CLAIMS)
    for cache in (["--no-cache"], [], []):  # afresh; with the cache, then from the snapshot the first left
        capsys.readouterr()
        assert main([*arguments, *cache]) == 1
        assert "added-article" in capsys.readouterr().out
    stage_article(newsroom, ADDED_CLAIMS.replace('"a $400 billion plan"', '"a $300 billion plan"'))
    assert main([*arguments, "--no-cache"]) == 2  # an input error in a staged file


def test_staged_outside_a_git_repository_is_a_usage_error(tmp_path, monkeypatch, capsys):
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above the temporary directory
    assert main(["check", "--staged", "--no-cache"]) == 2
    assert "claimcheck: error: --staged:" in capsys.readouterr().err
