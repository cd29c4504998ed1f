"""claims/ is the newsroom's live corpus: the project's tests must pass whatever valid articles it holds.

The proof is a copy of the repository with one more article, one that contradicts the
corpus, on which the suite runs as CI runs it (`.ci/run`'s test command).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONFLICTING_TEXT, REPO, conflicting_claims

INSIDE_THE_COPY = "CLAIMCHECK_SUITE_IN_A_COPY"  # set for the suite run inside the copy: no copy of a copy
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", ".ci-venv", ".ci-tools", "__pycache__", "*.egg-info",
                                    ".pytest_cache", ".hypothesis", ".claimcheck-cache", "build", "dist")
ADDED_TEXT, ADDED_CLAIMS = CONFLICTING_TEXT, conflicting_claims("added-by-the-newsroom")


def test_claims_directory_is_a_valid_corpus(monkeypatch):
    from checker.load.corpus import load_corpus

    monkeypatch.chdir(REPO)
    assert [diagnostic.format() for diagnostic in load_corpus(Path("claims")).diagnostics] == []


def ci_test_command() -> list[str]:
    """The last command of `.ci/run`'s last line (`.venv/bin/python -m pytest ...`), run with this interpreter."""
    last_line = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    program, *arguments = shlex.split(last_line.split("&&")[-1])
    assert program.endswith("/python"), last_line
    return [sys.executable, *arguments]


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1200,
                          env={**os.environ, **env})


@pytest.mark.skipif(bool(os.environ.get(INSIDE_THE_COPY)), reason="this is the suite running inside the copy")
def test_the_suite_passes_on_a_copy_whose_corpus_gained_a_conflicting_article(tmp_path):
    copy = tmp_path / "repository"
    shutil.copytree(REPO, copy, ignore=NOT_COPIED)
    (copy / "claims" / "articles" / "added-by-the-newsroom.txt").write_text(ADDED_TEXT, encoding="utf-8")
    (copy / "claims" / "added-by-the-newsroom.claims.yaml").write_text(ADDED_CLAIMS, encoding="utf-8")

    where = run([sys.executable, "-c", "import checker; print(checker.__file__)"], copy)
    assert Path(where.stdout.strip()).is_relative_to(copy), "the copy must test its own code"
    # what the editor guide asks after adding an article: regenerate the committed report
    checked = run([sys.executable, "-m", "checker", "check", "--format", "markdown",
                   "--output", "reports/discrepancies.md", "--no-cache"], copy)
    assert checked.returncode == 1, checked.stderr  # the new article contradicts the corpus: that is a finding
    assert "added-by-the-newsroom" in (copy / "reports" / "discrepancies.md").read_text(encoding="utf-8")

    suite = run(ci_test_command(), copy, **{INSIDE_THE_COPY: "1"})
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
