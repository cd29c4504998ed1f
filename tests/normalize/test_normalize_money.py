"""parse_money: one row per surface form the newsroom writes, expected values worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D

import pytest

from checker.model.values import Hedge
from checker.normalize import (
    NormalizationError,
    NormalizeOptions,
    parse_date,
    parse_fraction,
    parse_money,
    parse_quantity,
)

BILLION = D(10) ** 9
MILLION = D(10) ** 6
TRILLION = D(10) ** 12
CRORE = D(10) ** 7


def exact(value: D, currency: str = "USD") -> tuple:
    return (value, value, True, True, currency, None)


FIVE_BN = 5 * BILLION

# text -> (low, high, low_inclusive, high_inclusive, currency, hedge)
EXAMPLES = {
    # scale words and abbreviations
    "$1.4 trillion": exact(D("1.4") * TRILLION),
    "$1.4tn": exact(D("1.4") * TRILLION),
    "$1T": exact(TRILLION),
    "$1.37 billion": exact(D("1370000000")),
    "$1.37bn": exact(D("1370000000")),
    "$2.5B": exact(D("2500000000")),
    "$100M": exact(100 * MILLION),
    "$100 million": exact(100 * MILLION),
    "$3.5 mln": exact(D("3500000")),
    "$100k": exact(D(100_000)),
    "$1 lakh crore": exact(TRILLION),
    # "-plus" and "+"
    "$100 million-plus": (100 * MILLION, None, True, True, "USD", Hedge.AT_LEAST),
    "$100m+": (100 * MILLION, None, True, True, "USD", Hedge.AT_LEAST),
    "$100 million or more": (100 * MILLION, None, True, True, "USD", Hedge.AT_LEAST),
    # ranges
    "between $2 billion and $3 billion": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "$2 billion to $3 billion": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "from $2bn to $3bn": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "$2-3 billion": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "$2–3 billion": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "$2—3 billion": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "$1.2-$1.5 billion": (D("1.2") * BILLION, D("1.5") * BILLION, True, True, "USD", Hedge.RANGE),
    "between 2 and 3 billion dollars": (2 * BILLION, 3 * BILLION, True, True, "USD", Hedge.RANGE),
    "$500,000 to $2 million": (D(500_000), 2 * MILLION, True, True, "USD", Hedge.RANGE),
    "about $2-3 billion": (D("1.8") * BILLION, D("3.3") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    # open above
    "more than $5 billion": (FIVE_BN, None, False, True, "USD", Hedge.MORE_THAN),
    "over $5 billion": (FIVE_BN, None, False, True, "USD", Hedge.MORE_THAN),
    "upwards of $5 billion": (FIVE_BN, None, False, True, "USD", Hedge.MORE_THAN),
    "in excess of $5 billion": (FIVE_BN, None, False, True, "USD", Hedge.MORE_THAN),
    "at least $5 billion": (FIVE_BN, None, True, True, "USD", Hedge.AT_LEAST),
    # bounded above; money is never negative, so the floor is 0
    "up to $5 billion": (D(0), FIVE_BN, True, True, "USD", Hedge.UP_TO),
    "as much as $5 billion": (D(0), FIVE_BN, True, True, "USD", Hedge.UP_TO),
    "at most $5 billion": (D(0), FIVE_BN, True, True, "USD", Hedge.UP_TO),
    "less than $5 billion": (D(0), FIVE_BN, True, False, "USD", Hedge.LESS_THAN),
    "under $5 billion": (D(0), FIVE_BN, True, False, "USD", Hedge.LESS_THAN),
    # approximate: +-10% by default
    "around $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "about $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "roughly $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "approximately $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "some $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "close to $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "an estimated $5 billion": (D("4.5") * BILLION, D("5.5") * BILLION, True, True, "USD", Hedge.ESTIMATED),
    # nearly: [X*0.9, X)
    "nearly $5 billion": (D("4.5") * BILLION, FIVE_BN, True, False, "USD", Hedge.NEARLY),
    "almost $5 billion": (D("4.5") * BILLION, FIVE_BN, True, False, "USD", Hedge.NEARLY),
    "just under $5 billion": (D("4.5") * BILLION, FIVE_BN, True, False, "USD", Hedge.NEARLY),
    # vague amounts
    # a plural is at least two of its unit: "hundreds" is [200, 1000)
    "hundreds of billions of dollars": (200 * BILLION, TRILLION, True, False, "USD", Hedge.VAGUE),
    "tens of billions of dollars": (20 * BILLION, 100 * BILLION, True, False, "USD", Hedge.VAGUE),
    "billions of dollars": (2 * BILLION, TRILLION, True, False, "USD", Hedge.VAGUE),
    "$ billions": (2 * BILLION, TRILLION, True, False, "USD", Hedge.VAGUE),
    "several billion dollars": (3 * BILLION, 10 * BILLION, True, False, "USD", Hedge.VAGUE),
    "a few million dollars": (2 * MILLION, 10 * MILLION, True, False, "USD", Hedge.VAGUE),
    "some tens of millions of euros": (20 * MILLION, 100 * MILLION, True, False, "EUR", Hedge.VAGUE),
    "multibillion-dollar deals": (2 * BILLION, TRILLION, True, False, "USD", Hedge.VAGUE),
    "a multi-million dollar contract": (2 * MILLION, 1000 * MILLION, True, False, "USD", Hedge.VAGUE),
    # number words
    "half a billion dollars": exact(500 * MILLION),
    "a billion dollars": exact(BILLION),
    "5 billion dollars": exact(FIVE_BN),
    "two million dollars": exact(2 * MILLION),
    # currencies
    "US$5 billion": exact(FIVE_BN),
    "USD 5 billion": exact(FIVE_BN),
    "5 billion USD": exact(FIVE_BN),
    "5 billion US dollars": exact(FIVE_BN),
    "€2bn": exact(2 * BILLION, "EUR"),
    "EUR 2 billion": exact(2 * BILLION, "EUR"),
    "2 billion euros": exact(2 * BILLION, "EUR"),
    "£300m": exact(300 * MILLION, "GBP"),
    "¥10 billion": exact(10 * BILLION, "JPY"),
    "NT$10 billion": exact(10 * BILLION, "TWD"),
    "NT$10 billion dollars": exact(10 * BILLION, "TWD"),
    "HK$10 billion": exact(10 * BILLION, "HKD"),
    "A$10 billion": exact(10 * BILLION, "AUD"),
    "C$10 billion": exact(10 * BILLION, "CAD"),
    "S$10 billion": exact(10 * BILLION, "SGD"),
    "Rs 500 crore": exact(500 * CRORE, "INR"),
    "Rs. 500 crore": exact(500 * CRORE, "INR"),
    "₹500 crore": exact(500 * CRORE, "INR"),
    "Rs 5 lakh": exact(D(500_000), "INR"),
    "1 trillion yuan": exact(TRILLION, "CNY"),
    # digit grouping
    "$1,000": exact(D(1000)),
    "$1,000,000": exact(MILLION),
    "$100.000 billion": exact(100 * BILLION),  # a scale word means a small figure; `alternative` keeps 100,000
    "€1.234.567": exact(D(1_234_567), "EUR"),
    "€1.000": exact(D(1000), "EUR"),
    "€1,5 billion": exact(D("1.5") * BILLION, "EUR"),
    "$1.234 billion": exact(D("1234000000")),
    "$1.234-1.5 billion": (D("1234000000"), D("1.5") * BILLION, True, True, "USD", Hedge.RANGE),
    "$1,234.5": exact(D("1234.5")),
    "€1.234,5": exact(D("1234.5"), "EUR"),
    "$.5 billion": exact(500 * MILLION),
    # words around the amount that do not change it
    "a deal worth $5 billion": exact(FIVE_BN),
    "a $5 billion deal": exact(FIVE_BN),
    "in $5 billion": exact(FIVE_BN),
    "valued at $5 billion": exact(FIVE_BN),
    "a $1.37 billion investment": exact(D("1370000000")),
    "$100 billion agreement": exact(100 * BILLION),
    "an estimated $1 trillion": (D("0.9") * TRILLION, D("1.1") * TRILLION, True, True, "USD", Hedge.ESTIMATED),
    "worth more than $5 billion": (FIVE_BN, None, False, True, "USD", Hedge.MORE_THAN),
    "$0": exact(D(0)),
    "$1,000,000 trillion": exact(D(10) ** 18),
}


@pytest.mark.parametrize("text", list(EXAMPLES))
def test_money_examples(text: str) -> None:
    money = parse_money(text)
    actual = (money.low, money.high, money.low_inclusive, money.high_inclusive, money.currency, money.hedge)
    assert actual == EXAMPLES[text]


def test_exact_amounts_are_plain_integers_not_exponents() -> None:
    assert str(parse_money("$1.37 billion").low) == "1370000000"


def test_bare_dollar_uses_the_default_currency() -> None:
    assert parse_money("$5 billion", NormalizeOptions(default_currency="CAD")).currency == "CAD"
    assert parse_money("NT$5 billion", NormalizeOptions(default_currency="CAD")).currency == "TWD"


def test_tolerances_come_from_options() -> None:
    options = NormalizeOptions(
        approximate_tolerance=D("0.2"), estimated_tolerance=D("0.05"), nearly_tolerance=D("0.01")
    )
    around = parse_money("about $10", options)
    assert (around.low, around.high) == (D(8), D(12))
    estimated = parse_money("an estimated $100", options)
    assert (estimated.low, estimated.high) == (D(95), D(105))
    nearly = parse_money("nearly $100", options)
    assert (nearly.low, nearly.high, nearly.high_inclusive) == (D(99), D(100), False)


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("1.4 trillion", "no currency"),
        ("hundreds of billions", "no currency"),
        ("", "empty"),
        ("   ", "empty"),
        ("$" + "1" * 600, "limited to 500"),
        ("NaN", "'NaN'"),
        ("Infinity", "'Infinity'"),
        ("$NaN", "'NaN'"),
        ("1e999", "'e'"),
        ("$1e999", "'e'"),
        ("$-5 billion", "negative"),
        ("-$5 billion", "negative"),
        ("$2 trillion trillion", "largest accepted amount"),
        ("$1,000,001 trillion", "largest accepted amount"),
        ("$" + "9" * 30, "more than 24 digits"),
        ("€1.234", "could mean 1234"),
        ("$1,2,3", "uneven"),
        ("$5 billion to €6 billion", "mixes currencies"),
        ("€5 dollars", "calls EUR dollars"),
        ("€5 £6", "more than one value"),
        ("€£5", "more than one currency"),
        ("$3 billion to $2 billion", "backwards"),
        ("more than $5 billion-plus", "two hedges"),
        ("more than $2-3 billion", "before a range"),
        ("$2-3 billion-plus", "after a range"),
        ("more than billions of dollars", "already vague"),
        ("$5 billion $6 billion", "more than one value"),
        ("$5 billion in revenue", "'revenue'"),
        ("between $2 billion and $3 billion annually", "'annually' makes this a rate"),
        ("$20 billion in annualised revenue", "'annualised' makes this a rate"),
        ("$2 billion a year", "'a year' makes this a rate"),
        ("$2 billion per month", "'per month' makes this a rate"),
        ("between $2 billion", "one end"),
        ("less than $0", "empty interval"),
        ("$", "no amount"),
        ("\x00", "control character"),
    ],
)
def test_money_errors(text: str, in_message: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_money(text)
    assert in_message in caught.value.message
    assert caught.value.hint, "every error tells the editor how to fix it"


def test_missing_currency_hint_names_the_symbol() -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_money("1.4 trillion")
    assert "currency symbol" in caught.value.hint


@pytest.mark.parametrize("value", [None, 5, b"$5", ["$5"]])
def test_non_text_is_a_normalization_error(value: object) -> None:
    with pytest.raises(NormalizationError):
        parse_money(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "parse", [parse_money, parse_quantity, parse_fraction, lambda text, options: parse_date(text, None, options)]
)
def test_options_of_the_wrong_type_are_a_normalization_error(parse: Callable[[str, object], object]) -> None:
    with pytest.raises(NormalizationError):
        parse("5", {"approximate_tolerance": 0.1})


def test_options_refuse_nonsense_tolerances() -> None:
    with pytest.raises(NormalizationError):
        NormalizeOptions(approximate_tolerance=D("-0.1"))
    with pytest.raises(NormalizationError):
        NormalizeOptions(nearly_tolerance=D("NaN"))
    with pytest.raises(NormalizationError):
        NormalizeOptions(default_currency="dollars")
