"""Fractions of a whole: "more than half", "a third", "two-thirds", "40%", "most", "one in five".

A fraction is an interval within [0, 1].

Decisions:

- "most" and "the majority" are (0.5, 1] with hedge MORE_THAN; "a minority" is
  [0, 0.5) with hedge LESS_THAN; "all" is 1 and "none" is 0.
- "a third" is the Decimal nearest 1/3 (28 significant digits); a third of a
  whole is never exact in decimal.
- Hedges work as for money and every bound is capped at 1: "about 95%" is
  [0.855, 1], "more than half" is (0.5, 1], "less than a third" is [0, 1/3).
- A bare number ("40", "0.4") is refused: write "40%" or "40 percent".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from checker.model.values import Fraction, Hedge
from checker.normalize.errors import NormalizationError, UnreadableValue, quoted
from checker.normalize.examples import suggesting
from checker.normalize.expressions import (
    PERCENT,
    PERCENT_PHRASES,
    Item,
    Side,
    Stated,
    filler_reader,
    marker_reader,
    parse_expression,
    read_connector,
    read_hedge,
    read_items,
    read_plus,
    read_stated,
    read_trailing_hedge,
)
from checker.normalize.intervals import bounds_of, interval_model
from checker.normalize.numbers import Amount, read_amount
from checker.normalize.options import DEFAULT_OPTIONS, NormalizeOptions, checked_options
from checker.normalize.tokens import PhraseTable, Token, tokenize

FRACTION_HINT = (
    "Write a share like '40%', '40 percent', 'a third', 'two-thirds', 'more than half', "
    "'most', 'the majority' or 'one in five'."
)
SHARE = "share"  # tags an amount that is already a fraction of one, unlike the 40 of "40%"
WHOLE = Decimal(1)

NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}  # fmt: skip
MAJORITY = Amount(low=Decimal("0.5"), high=WHOLE, low_inclusive=False, implied_hedge=Hedge.MORE_THAN)
MINORITY = Amount(low=Decimal(0), high=Decimal("0.5"), high_inclusive=False, implied_hedge=Hedge.LESS_THAN)


def _share_words() -> dict[str, Amount]:
    words = {
        "half": Amount.point(Decimal("0.5")),
        "all": Amount.point(WHOLE),
        "none": Amount.point(Decimal(0)),
        "most": MAJORITY,
        **dict.fromkeys(["majority", "vast majority", "overwhelming majority", "large majority"], MAJORITY),
        **dict.fromkeys(["minority", "small minority", "tiny minority"], MINORITY),
    }
    for numerator, top in NUMERATORS.items():
        for denominator, bottom in DENOMINATORS.items():
            share = Amount.point(Decimal(top) / Decimal(bottom))
            words[f"{numerator} {denominator}"] = words[f"{numerator}-{denominator}"] = share
    return words


SHARE_WORDS: PhraseTable[Amount] = PhraseTable(_share_words())
RATIO_WORDS: PhraseTable[bool] = PhraseTable(dict.fromkeys(["in", "out of", "/"], True))
FRACTION_FILLERS: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(["of", "the", "a", "an", "stake", "share", "its", "their"], True)
)


def _read_share_word(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = SHARE_WORDS.match(tokens, start)
    return None if found is None else (Stated(found[0], tag=SHARE), found[1])


def _read_ratio(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    """'one in five', '1 out of 4', '2/3'."""
    part = read_amount(tokens, start)
    if part is None or not part[0].is_point or part[1] >= len(tokens):
        return None
    joiner = RATIO_WORDS.match(tokens, part[1])
    whole = read_amount(tokens, joiner[1]) if joiner is not None and joiner[1] < len(tokens) else None
    if whole is None or not whole[0].is_point or whole[0].low == 0:
        return None
    return Stated(Amount.point(part[0].low / whole[0].low), tag=SHARE), whole[1]


FRACTION_READERS = (
    read_hedge,
    read_plus,
    read_trailing_hedge,
    read_connector,
    _read_share_word,
    _read_ratio,
    marker_reader(PERCENT_PHRASES),
    read_stated,
    filler_reader(FRACTION_FILLERS),
)


@suggesting("fraction")
def parse_fraction(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> Fraction:
    """The interval within [0, 1] a share of a whole states."""
    options = checked_options(options)
    items = read_items(tokenize(text), FRACTION_READERS, text, FRACTION_HINT)
    expression = parse_expression(items, text, FRACTION_HINT)
    amounts = [_share_of(side, text) for side in expression.sides]
    bounds = bounds_of(expression, amounts, options, text, ceiling=WHOLE)
    return interval_model(Fraction, bounds, text)


def _share_of(side: Side, text: str) -> Amount:
    percent = PERCENT in side.markers
    if side.tag == SHARE and not percent:
        amount = side.amount
    elif side.tag is None and percent:
        amount = side.amount.times(Decimal("0.01"))
    else:
        raise UnreadableValue(f"{quoted(text)} does not say what share it is.", FRACTION_HINT)
    if amount.low < 0 or amount.high > WHOLE:
        raise NormalizationError(
            f"{quoted(text)} is not a share between 0% and 100%.",
            "Growth such as 'up 150%' is a change, not a share of a whole.",
        )
    return amount
