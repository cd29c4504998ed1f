"""Every kind of bad input gets its one clear error, and the rest of the corpus is still checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from checker.config import Config
from checker.model.diagnostics import errors_among
from checker.pipeline import check_corpus
from tests.corpus_builder import write_corpus

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))["cases"]
GOOD = {"id": "good", "text": "It is $500 billion.\n",
        "claims": [{"id": "v", "subject": "acme", "property": "deal-value",
                    "value": {"kind": "money", "text": "$500 billion"}, "quote": "$500 billion"}]}


def write(root: Path, relative: str, content) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    elif "hex" in content:
        path.write_bytes(bytes.fromhex(content["hex"]))
    elif "repeat" in content:
        path.write_bytes((content["repeat"] * content["times"]).encode("utf-8"))
    else:
        os.symlink(content["symlink"], path)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_input_gets_its_exact_error(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = write_corpus(Path("corpus"), [GOOD])
    for relative, content in case["files"].items():
        write(root, relative, content)
    result = check_corpus(root, Config())
    assert [d.format() for d in errors_among(result.diagnostics)] == case["expect"]  # and no more
    assert "good/v" in {claim.uid for claim in result.corpus.claims} or case["name"].startswith("duplicate")
