"""Speed work must not change a single finding: the findings of a generated corpus, checked
without a cache, with a cold one and with a warm one, equal the reference recorded before it.

The reference (`tests/fixtures/reference/`) was written by the check as it stood on 2026-12-01
(commit c4d51ca) and is compared as JSON text, so a failure prints a readable diff. When a change
to the rules is meant to change findings, regenerate it (`python -m tests.test_reference_report`)
and review that diff like any other.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import io
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from checker.bench.generate import generate_corpus
from checker.cli.main import main

ARTICLES, SEED = 50, "3"  # enough files for a cold check to load them in worker processes
REFERENCE = Path(__file__).parent / "fixtures" / "reference" / "generated-50-seed3.json.gz"
CORPUS_DIGEST = Path(__file__).parent / "fixtures" / "reference" / "generated-50-seed3.corpus-sha256"


def corpus_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def json_report(*options: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", "--format", "json", *options, "corpus"])
    return out.getvalue()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("reference")
    generate_corpus(root / "corpus", ARTICLES, SEED)
    return root


def _diff(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "reference", "now", lineterm="", n=2)
    return "\n".join(list(lines)[:80])


def test_the_generator_still_writes_the_reference_corpus(workdir):
    assert corpus_digest(workdir / "corpus") == CORPUS_DIGEST.read_text().strip(), (
        "the generator's output changed: the reference findings no longer describe this corpus")


@pytest.mark.parametrize("options", [("--no-cache",), ("--cache-dir", "cache"), ("--cache-dir", "cache")],
                         ids=["no cache", "cold cache", "warm cache"])
def test_findings_equal_the_reference(workdir, monkeypatch, options):
    monkeypatch.chdir(workdir)
    expected = gzip.decompress(REFERENCE.read_bytes()).decode("utf-8")
    actual = json_report(*options)
    assert actual == expected, _diff(expected, actual)


if __name__ == "__main__":  # regenerate the reference: review the diff before committing it
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        generate_corpus(Path(scratch) / "corpus", ARTICLES, SEED)
        os.chdir(scratch)
        CORPUS_DIGEST.write_text(corpus_digest(Path("corpus")) + "\n")
        REFERENCE.write_bytes(gzip.compress(json_report("--no-cache").encode("utf-8"), mtime=0))
    sys.exit(0)
