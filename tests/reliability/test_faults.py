"""Faults of the system end in one clear line; the cache never blocks a check."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from checker.cli import commands, main
from tests.cache_entries import overwrite_entry, stored_entries
from tests.corpus_builder import write_corpus
from tests.reliability.conftest import CONFLICTING, needs_setpriv, run_claimcheck


def _report(capsys, *args) -> tuple[int, str]:
    code = main(["check", "--format", "json", *args])
    return code, capsys.readouterr().out


def test_a_cache_dir_that_is_a_file_warns_once_and_checks_without_it(workdir, capsys):
    (workdir / "cachefile").write_text("not a directory", encoding="utf-8")
    assert main(["check", "--cache-dir", "cachefile"]) == 1
    err = capsys.readouterr().err
    assert err.count("is not a directory; checking without the cache") == 1 and "Traceback" not in err


def test_a_cache_dir_inside_the_corpus_is_refused(workdir, capsys):
    assert main(["check", "--cache-dir", "claims/.cache"]) == 2
    assert "inside the corpus" in capsys.readouterr().err
    assert not (workdir / "claims" / ".cache").exists()


@pytest.mark.parametrize("damage", [[], {"meta": 3}, {"meta": None, "loaded": True, "text": None, "claims": "x"},
                                    "text", {"claims": [[{"id": 1}, 1, 1, [1, 2]]]}])
def test_a_cache_entry_with_the_right_key_and_the_wrong_shape_is_a_miss(workdir, capsys, damage):
    _, clean = _report(capsys, "--no-cache")
    _report(capsys)  # fills the cache
    for key, _ in stored_entries(workdir / ".claimcheck-cache"):
        overwrite_entry(workdir / ".claimcheck-cache", key, json.dumps({"key": key, "value": damage}).encode())
    assert _report(capsys) == (1, clean)
    assert _report(capsys, "--new", "claims/b.claims.yaml", "--only-changes")[0] == 1


def test_a_damaged_snapshot_is_rebuilt_and_the_answer_is_the_same(workdir, capsys):
    _report(capsys)
    expected = _report(capsys, "--new", "claims/b.claims.yaml", "--only-changes")
    for snapshot in (workdir / ".claimcheck-cache").glob("snapshot-*.sqlite"):
        with sqlite3.connect(snapshot) as database:
            database.execute("DROP TABLE tags")
    assert _report(capsys, "--new", "claims/b.claims.yaml", "--only-changes") == expected
    assert _report(capsys)[0] == 1


def test_an_unwritable_job_summary_is_said_and_the_check_keeps_its_exit_code(workdir, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(workdir))  # a directory cannot be appended to
    assert main(["check", "--format", "github"]) == 1
    err = capsys.readouterr().err
    assert "the job summary" in err and "cannot be written" in err and "exits 1" in err


def test_a_stdout_that_cannot_encode_the_report_gets_escapes_not_a_crash(workdir):
    (workdir / "claims" / "articles" / "a.txt").write_text("Acme said the deal is worth $500 billion \u2014 \u4e2d.",
                                                           encoding="utf-8")
    result = run_claimcheck("check", "--format", "markdown", cwd=workdir, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1, result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_an_os_error_is_one_line_naming_the_path_and_what_to_do(monkeypatch, capsys):
    def full_disk(_args):
        raise OSError(errno.ENOSPC, "No space left on device", "reports/discrepancies.md")

    monkeypatch.setattr(commands, "run_rules_listing", full_disk)
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert err == "claimcheck: error: reports/discrepancies.md: No space left on device (free some disk space)\n"


@needs_setpriv
def test_an_unwritable_output_directory_and_cache_are_clear_errors_not_crashes():
    top = Path(tempfile.mkdtemp(prefix="claimcheck-ro-"))
    try:
        top.chmod(0o755)
        write_corpus(top / "claims", CONFLICTING)
        (top / "locked").mkdir(mode=0o755)  # owned by root: nobody cannot write in it
        result = run_claimcheck("check", "--output", "locked/report.md", "--cache-dir", "locked/cache", cwd=top,
                                user="nobody")
        err = result.stderr.decode()
        assert result.returncode == 2 and "Traceback" not in err and "internal error" not in err
        assert "locked/report.md" in err and "Permission denied" in err
        assert "the cache cannot be written" in err  # said once, and the check still ran
    finally:
        shutil.rmtree(top)


def test_base_with_a_symlink_in_the_base_commit_is_checked(workdir):
    (workdir / "claims" / "outside-link").symlink_to("/etc/passwd")
    (workdir / "claims" / "inside-link.txt").symlink_to("articles/a.txt")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"],
                    ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "base"]):
        subprocess.run(["git", *command], cwd=workdir, check=True)
    result = run_claimcheck("check", "--base", "main", "--no-cache", cwd=workdir)
    assert result.returncode in (0, 1), result.stderr.decode()
    assert b"internal error" not in result.stderr
