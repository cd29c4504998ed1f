"""Ctrl-C and SIGTERM stop a check at once: their exit codes, no traceback, no orphan worker,
and the old report whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.bench.generate import generate_corpus
from tests.conftest import REPO


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory) -> Path:
    """Enough articles that a cold check loads in worker processes for several seconds."""
    root = tmp_path_factory.mktemp("signals") / "corpus"
    generate_corpus(root, articles=600, seed=7)
    return root


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped (an exited worker whose parent is gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from /proc")
@pytest.mark.parametrize(("name", "expected"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_stops_a_check_within_two_seconds(large_corpus, tmp_path, name, expected):
    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-cache", "--format", "markdown",
                                "--output", str(report), str(large_corpus)], cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120  # a loaded machine starts Python slowly
    while not _children(process.pid) and time.monotonic() < deadline:  # wait for the workers to start
        time.sleep(0.05)
    workers = _children(process.pid)
    assert workers, "the check started no worker processes"
    sent = time.monotonic()
    if name == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    else:
        os.kill(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - sent < 2
    assert process.returncode == expected
    assert b"Traceback" not in err, err.decode()
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    time.sleep(0.5)
    assert [pid for pid in workers if _running(pid)] == []
