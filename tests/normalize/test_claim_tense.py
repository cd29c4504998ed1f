"""A claim's tense: a future modality or `tense: future` reads a bare date forward."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.load.corpus import load_corpus
from tests.corpus_builder import write_corpus

TEXT = "Acme and Globex will meet on Monday to sign the deal, Acme said on Friday."


def claim(claim_id: str, quote: str, **qualifiers: str) -> dict:
    return {"id": claim_id, "subject": "acme-globex-deal", "property": "announced-on",
            "value": {"kind": "date", "text": "Monday"}, "qualifiers": qualifiers, "quote": quote}


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        ({}, date(2025, 11, 17)),  # news past tense: the Monday before the Friday
        ({"modality": "expects"}, date(2025, 11, 24)),
        ({"modality": "intends"}, date(2025, 11, 24)),
        ({"modality": "prospective"}, date(2025, 11, 24)),
        ({"tense": "future"}, date(2025, 11, 24)),
        ({"modality": "expects", "tense": "past"}, date(2025, 11, 17)),  # the claim's own tense wins
    ],
)
def test_a_future_claim_resolves_a_bare_weekday_forward(tmp_path: Path, qualifiers: dict, expected: date) -> None:
    article = {"id": "a", "text": TEXT, "published": "2025-11-21",
               "claims": [claim("meeting", "meet on Monday", **qualifiers)]}
    result = load_corpus(write_corpus(tmp_path / "claims", [article]))
    assert not result.diagnostics
    (loaded,) = result.corpus.claims
    assert (loaded.value.start, loaded.value.end) == (expected, expected)
