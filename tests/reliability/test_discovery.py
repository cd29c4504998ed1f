"""Nothing under the corpus is skipped silently."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from checker.cli import main
from tests.corpus_builder import write_corpus
from tests.reliability.conftest import CONFLICTING, needs_setpriv, run_claimcheck


def _errors(capsys) -> str:
    return capsys.readouterr().err


def test_near_miss_names_are_reported_with_a_hint(workdir, capsys):
    (workdir / "claims" / "c.claims.yml").write_text("article: {}\n", encoding="utf-8")
    (workdir / "claims" / "D.Claims.YAML").write_text("article: {}\n", encoding="utf-8")
    assert main(["check"]) == 2
    err = _errors(capsys)
    assert "claims/c.claims.yml:1:1: CC004 not loaded" in err and "claims/D.Claims.YAML:1:1: CC004" in err


def test_a_symlinked_directory_is_reported_not_silently_skipped(workdir, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (workdir / "claims" / "more").symlink_to(elsewhere, target_is_directory=True)
    assert main(["check"]) == 2
    assert "claims/more:1:1: CC043 directory link not followed" in _errors(capsys)


def test_a_fifo_named_like_a_claim_file_is_reported_and_does_not_hang(workdir, capsys):
    os.mkfifo(workdir / "claims" / "pipe.claims.yaml")
    assert main(["check"]) == 2  # with the cache: it must not read the FIFO's bytes
    assert "pipe.claims.yaml:1:1: CC001 not a regular file" in _errors(capsys)


def test_a_file_name_that_is_not_utf8_is_reported(workdir, capsys):
    os.close(os.open(os.fsencode(str(workdir / "claims")) + b"/bad\xff.claims.yaml", os.O_CREAT | os.O_WRONLY))
    assert main(["check"]) == 2
    assert "bad\\xff.claims.yaml:1:1: CC001 file name is not UTF-8" in _errors(capsys)


@needs_setpriv
def test_an_unreadable_directory_is_an_error_and_the_rest_is_still_checked():
    top = Path(tempfile.mkdtemp(prefix="claimcheck-unreadable-"))  # pytest's own tmp is closed to others
    try:
        top.chmod(0o755)
        write_corpus(top / "claims", CONFLICTING)
        hidden = top / "claims" / "locked"
        hidden.mkdir()
        (hidden / "x.claims.yaml").write_text("article: {}\n", encoding="utf-8")
        hidden.chmod(0)
        result = run_claimcheck("check", "--no-cache", cwd=top, user="nobody")
    finally:
        shutil.rmtree(top)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert "claims/locked:1:1: CC001 directory cannot be read: Permission denied" in err
    assert "CC101" in result.stdout.decode()  # the readable articles were still compared
