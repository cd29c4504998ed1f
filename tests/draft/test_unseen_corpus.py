"""The held-out corpus of the drafter's benchmark stays a valid corpus as the models change."""

from __future__ import annotations

from pathlib import Path

from checker.load.corpus import load_corpus

UNSEEN = Path(__file__).resolve().parents[2] / "benchmarks" / "draft_unseen"


def test_the_held_out_corpus_loads_without_input_errors():
    result = load_corpus(UNSEEN)
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    assert len(result.corpus.articles) >= 3
    assert all(any(c.article == article for c in result.corpus.claims) for article in result.corpus.articles)
