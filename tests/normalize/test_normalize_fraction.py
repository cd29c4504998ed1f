"""parse_fraction: shares of a whole, as intervals within [0, 1]."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from checker.model.values import Hedge
from checker.normalize import NormalizationError, parse_fraction

THIRD = D(1) / D(3)
TWO_THIRDS = D(2) / D(3)


def exact(value: D) -> tuple:
    return (value, value, True, True, None)


MAJORITY = (D("0.5"), D(1), False, True, Hedge.MORE_THAN)

# text -> (low, high, low_inclusive, high_inclusive, hedge)
EXAMPLES = {
    "more than half": MAJORITY,
    "over half": MAJORITY,
    "most": MAJORITY,
    "the majority": MAJORITY,
    "a majority": MAJORITY,
    "majority": MAJORITY,
    "the vast majority": MAJORITY,
    "a minority": (D(0), D("0.5"), True, False, Hedge.LESS_THAN),
    "half": exact(D("0.5")),
    "one half": exact(D("0.5")),
    "a third": exact(THIRD),
    "one-third": exact(THIRD),
    "two-thirds": exact(TWO_THIRDS),
    "two thirds": exact(TWO_THIRDS),
    "a quarter": exact(D("0.25")),
    "three-quarters": exact(D("0.75")),
    "a fifth": exact(D("0.2")),
    "all": exact(D(1)),
    "none": exact(D(0)),
    "40%": exact(D("0.4")),
    "40 percent": exact(D("0.4")),
    "40 per cent": exact(D("0.4")),
    "40 pct": exact(D("0.4")),
    "12.5%": exact(D("0.125")),
    "one in five": exact(D("0.2")),
    "1 in 4": exact(D("0.25")),
    "one out of three": exact(THIRD),
    "2/3": exact(TWO_THIRDS),
    "around 40%": (D("0.36"), D("0.44"), True, True, Hedge.APPROXIMATE),
    "about a quarter": (D("0.225"), D("0.275"), True, True, Hedge.APPROXIMATE),
    "about 95%": (D("0.855"), D(1), True, True, Hedge.APPROXIMATE),
    "nearly half": (D("0.45"), D("0.5"), True, False, Hedge.NEARLY),
    "nearly all": (D("0.9"), D(1), True, False, Hedge.NEARLY),
    "less than a third": (D(0), THIRD, True, False, Hedge.LESS_THAN),
    "at least half": (D("0.5"), D(1), True, True, Hedge.AT_LEAST),
    "up to a quarter": (D(0), D("0.25"), True, True, Hedge.UP_TO),
    "more than 40%": (D("0.4"), D(1), False, True, Hedge.MORE_THAN),
    "40-50%": (D("0.4"), D("0.5"), True, True, Hedge.RANGE),
    "between 40% and 50%": (D("0.4"), D("0.5"), True, True, Hedge.RANGE),
    "between a third and a half": (THIRD, D("0.5"), True, True, Hedge.RANGE),
    "a few percent": (D("0.02"), D("0.1"), True, False, Hedge.VAGUE),
    "more than half of the": MAJORITY,
}


@pytest.mark.parametrize("text", list(EXAMPLES))
def test_fraction_examples(text: str) -> None:
    fraction = parse_fraction(text)
    actual = (fraction.low, fraction.high, fraction.low_inclusive, fraction.high_inclusive, fraction.hedge)
    assert actual == EXAMPLES[text]


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("150%", "between 0% and 100%"),
        ("three halves", "between 0% and 100%"),
        ("40", "does not say what share"),
        ("0.4", "does not say what share"),
        ("a third %", "does not say what share"),
        ("more than 100%", "empty interval"),
        ("less than 0%", "empty interval"),
        ("nearly most", "already vague"),
        ("-5%", "negative"),
        ("a bunch", "'bunch'"),
        ("", "empty"),
    ],
)
def test_fraction_errors(text: str, in_message: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_fraction(text)
    assert in_message in caught.value.message
