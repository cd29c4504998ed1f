"""The drafter on short invented articles: each pattern of issue 15 gives the claims it should."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.draft.drafter import draft_article
from checker.draft.writer import claim_data
from checker.load.corpus import load_registries
from checker.load.provenance import FoldedText

HERE = Path(__file__).resolve().parent
CASES = yaml.safe_load((HERE / "patterns.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def registries():
    found, problems = load_registries(HERE / "corpus")
    assert not problems
    return found


def contains(actual, expected) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(contains(actual.get(key), value) for key, value in expected.items())
    return actual == expected


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_each_pattern_gives_its_claims(case, registries):
    draft = draft_article(case["text"], registries.entities, registries.properties)
    drafted = [claim_data(claim, "x") for claim in draft.claims]
    for expected in case.get("expect", []):
        assert any(contains(claim, expected) for claim in drafted), (expected, drafted)
    for unexpected in case.get("absent", []):
        assert not any(contains(claim, unexpected) for claim in drafted), (unexpected, drafted)
    folded = FoldedText(case["text"])
    for claim in draft.claims:
        assert len(folded.occurrences(claim.quote.exact, claim.quote.prefix)) == 1


def test_an_unknown_company_is_proposed_not_added(registries):
    draft = draft_article("Umbrella Corp will invest $2 billion with Acme.", registries.entities, registries.properties)
    assert "Umbrella Corp" in draft.unknown_names
    assert all(claim.subject in registries.entities for claim in draft.claims)


def test_a_repeated_sentence_is_pinned_with_a_prefix_and_drafted_once(registries):
    text = "First, Acme said so.\nAcme will invest $2 billion.\nLater: Acme will invest $2 billion."
    draft = draft_article(text, registries.entities, registries.properties)
    [money] = [claim for claim in draft.claims if claim.value["kind"] == "money"]
    assert money.quote.prefix
    assert len(FoldedText(text).occurrences(money.quote.exact, money.quote.prefix)) == 1


def test_drafting_is_deterministic(registries):
    text = " ".join(case["text"] for case in CASES)
    first = draft_article(text, registries.entities, registries.properties)
    assert draft_article(text, registries.entities, registries.properties) == first
