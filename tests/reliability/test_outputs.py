"""Outputs never replace inputs or special files; an interrupted write leaves nothing behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from checker.cli import main
from checker.cli.output import write_atomically


def _digest(root: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("target", ["claims/a.claims.yaml", "claims/reviews.yaml", "claims/registry/entities.yaml",
                                    "claims/articles/a.txt", "claims/new-report.md"])
def test_an_output_inside_the_corpus_is_refused_and_nothing_changes(workdir, capsys, target):
    before = _digest(workdir / "claims")
    assert main(["check", "--format", "markdown", "--output", target]) == 2
    assert "inside the corpus" in capsys.readouterr().err
    assert _digest(workdir / "claims") == before


def test_a_directory_a_fifo_and_a_device_are_refused_not_replaced(workdir, capsys):
    os.mkfifo(workdir / "pipe.md")
    for target, word in [(workdir, "directory"), (workdir / "pipe.md", "not a regular file"),
                         (Path(os.devnull), "not a regular file")]:
        assert main(["check", "--output", str(target)]) == 2
        assert word in capsys.readouterr().err
    assert stat.S_ISFIFO((workdir / "pipe.md").stat().st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlinked_output_is_written_through_and_stays_a_link(workdir):
    (workdir / "reports").mkdir()
    real = workdir / "reports" / "real.md"
    real.write_text("old", encoding="utf-8")
    (workdir / "link.md").symlink_to(real)
    assert main(["check", "--format", "markdown", "--output", "link.md", "--fail-on", "never"]) == 0
    assert (workdir / "link.md").is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Discrepancy report")


def test_an_existing_report_keeps_its_permissions(workdir):
    report = workdir / "report.md"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    main(["check", "--format", "markdown", "--output", "report.md"])
    assert stat.S_IMODE(report.stat().st_mode) == 0o640 and report.read_text(encoding="utf-8") != "old"


def test_stale_temporary_files_of_an_interrupted_write_are_cleaned_up(tmp_path):
    target = tmp_path / "report.md"
    dead = tmp_path / ".report.md.99999999.x1y2.tmp"  # no process has such a pid
    dead.write_text("half a report", encoding="utf-8")
    live = tmp_path / f".report.md.{os.getpid()}.keep.tmp"  # another write of this process, still going
    live.write_text("in progress", encoding="utf-8")
    write_atomically(target, "whole report")
    assert target.read_text(encoding="utf-8") == "whole report"
    assert not dead.exists() and live.exists()
