"""The held-out corpora of the drafter's benchmark stay valid corpora as the models change."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.load.corpus import load_corpus

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.parametrize("name", ["draft_unseen", "draft_unseen_b"])
def test_a_held_out_corpus_loads_without_input_errors(name):
    result = load_corpus(BENCHMARKS / name)
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    assert len(result.corpus.articles) >= 3
    assert all(any(c.article == article for c in result.corpus.claims) for article in result.corpus.articles)
