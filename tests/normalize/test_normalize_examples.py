"""The accepted examples all read, and an unreadable value's hint names the closest of them."""

from __future__ import annotations

from datetime import date

import pytest

from checker.load.claim_values import PARSERS
from checker.normalize import NeedsPublicationDate, NormalizationError, NormalizeOptions, parse_date, parse_money
from checker.normalize.examples import EXAMPLES, closest_example

FRI = date(2025, 11, 21)


@pytest.mark.parametrize(("kind", "text"), [(kind, text) for kind, texts in EXAMPLES.items() for text in texts])
def test_every_accepted_example_reads(kind: str, text: str) -> None:
    PARSERS[kind](text, FRI, NormalizeOptions())


@pytest.mark.parametrize(
    ("kind", "text", "closest"),
    [
        ("money", "abot $2 billion", "about $2 billion"),
        ("money", "$5 billion or thereabout", "$5 billion or more"),
        ("money", "betwen $2 billion and $3 billion", "between $2 billion and $3 billion"),
        ("date", "wihtin seven years", "within seven years"),
        ("date", "lst weekend", "last weekend"),
        ("date", "Novembr 20, 2025", "November 20, 2025"),
        ("fraction", "more then half", "more than half"),
        ("quantity", "more then 20 factories", "more than 20 factories"),
    ],
)
def test_the_hint_names_the_closest_accepted_wording(kind: str, text: str, closest: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        PARSERS[kind](text, FRI, NormalizeOptions())
    assert f"The closest accepted wording is '{closest}'." in caught.value.hint
    assert closest_example(kind, text) == closest


def test_a_missing_publication_date_is_not_an_unreadable_value() -> None:
    with pytest.raises(NeedsPublicationDate) as caught:
        parse_date("last weekend")
    assert "closest accepted wording" not in caught.value.hint


def test_the_original_hint_is_kept_after_the_suggestion() -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_money("a lot of money")
    assert caught.value.hint.startswith("The closest accepted wording is ")
    assert "Write an amount with its currency" in caught.value.hint


@pytest.mark.parametrize("text", ["$-5 billion", "$3 billion to $2 billion", "1.4 trillion", "$2 trillion trillion"])
def test_a_value_read_but_wrong_keeps_its_own_hint(text: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_money(text)
    assert "closest accepted wording" not in caught.value.hint
