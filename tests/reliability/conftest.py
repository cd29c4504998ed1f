"""Small corpora and a way to run claimcheck as a user does, for the reliability suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.corpus_builder import write_corpus

CONFLICTING = [
    {"id": "a", "text": "Acme said the deal is worth $500 billion.",
     "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
                 "value": {"kind": "money", "text": "$500 billion"}, "quote": "worth $500 billion"}]},
    {"id": "b", "text": "Sources put the deal at $400 billion.",
     "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
                 "value": {"kind": "money", "text": "$400 billion"}, "quote": "at $400 billion"}]},
]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A working directory holding a corpus `claims/` with one conflict."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "claims", CONFLICTING)
    return tmp_path


def run_claimcheck(*args: str, cwd: Path, env: dict | None = None, user: str | None = None,
                   timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """claimcheck in a fresh process, optionally as another user (setpriv), as a newsroom runs it."""
    command = [sys.executable, "-m", "checker", *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", "--regid=65534", "--clear-groups", *command]
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, timeout=timeout, **kwargs)


def can_drop_privileges() -> bool:
    """Permission faults can only be shown by a user the permissions bind: root reads anything."""
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


needs_setpriv = pytest.mark.skipif(not can_drop_privileges(),
                                   reason="needs root and setpriv to run claimcheck as an unprivileged user")
