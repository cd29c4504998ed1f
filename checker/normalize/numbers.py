"""Numbers as news writes them: "1.37", "1,000,000", "€1,5", "two million", "a dozen",
"half a billion", "tens of billions", "several million".

Each reader takes a token list and a start index and returns an `Amount` plus the
index after it, or None when no number starts there.

Decisions (deterministic, so a claim always reads the same way):

- Separators. "," or "." repeated ("1,000,000", "1.234.567") groups thousands.
  With both, the last one is the decimal mark ("1,234.5", "1.234,5"). A single
  "," followed by exactly three digits groups thousands ("1,000"); otherwise it is
  a decimal comma ("€1,5 billion"). A single "." followed by anything but three
  digits is a decimal point ("1.37"). "X.YYY" is ambiguous: before a scale word
  it is a decimal point ("$1.234 billion" = 1,234,000,000, also one lent by a
  range: "$1.234-1.5 billion"); without one it groups thousands when YYY is
  "000" ("€1.000" = 1,000, because no one writes three trailing zeros after a
  decimal point), and otherwise ("€1.234" alone) it is refused as ambiguous;
  "1,234" or "1.2340" say which is meant.
- A scale word means the figure before it is small: "$200.000 million" is 200
  million, not 200,000 million. Where a single separator before three digits
  could group thousands or mark decimals ("$200.000 million", "$1,500 million"),
  the amount keeps the other reading in `alternative`; "$1,500 million" stays
  1,500 million (a comma before three digits is English grouping).
- Digits grouped by spaces ("25 000", "1 000 000", thin or no-break spaces
  too) are one number when every group after the first has three digits.
- Single-letter scales ("k", "m", "b", "t") count when glued to the number
  ("$100m", "$2.5B", "$1T", "100k", "5-million"); apart from it only "k", "K",
  "M" and "B" do ("12 k", "$2-4 B"), so "5 m" is never five million.
- Fractions of a scale word: "half a billion", "half billion", "a quarter
  billion", "three and a half billion", "a billion and a half".
- Vague plurals mean at least two of the unit, up to the next named scale:
  "hundreds" [200, 1,000), "thousands" [2e3, 1e6), "millions" [2e6, 1e9),
  "billions" [2e9, 1e12), "trillions" [2e12, 1e15), "lakhs" [2e5, 1e7),
  "crores" [2e7, 1e9), "tens" [20, 100), "dozens" [24, 100). "hundreds of
  billions" multiplies by the unit: [2e11, 1e12); "hundreds of billion" (a
  misspelt plural) reads the same.
- Number words join with "and" or "&" inside a number ("four hundred and six",
  "two thousand and five hundred", "ninety & nine") but never across a range's
  two ends ("between two hundred and three hundred").
- "a few" is [2, 10) and "several" is [3, 10) times the scale that follows
  ("several billion" = [3e9, 1e10)); "a couple (of)" is [2, 3].
- "multibillion" is [2e9, 1e12): at least two billion, below the next scale;
  "multimillion" [2e6, 1e9), "multitrillion" [2e12, 1e15).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from checker.model.values import Hedge
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.number_words import TENS_WORDS, UNIT_WORDS, read_word_number
from checker.normalize.scales import GLUED_SCALE_LETTERS, SCALE_WORDS, read_scales
from checker.normalize.tokens import PhraseTable, Token

MAX_AMOUNT = Decimal(10) ** 18
"""Largest amount accepted, in base units (dollars, watts, items): larger is a typo."""

MAX_NUMBER_DIGITS = 24
"""More digits than this in one number is a typo, and would lose Decimal precision."""

# plural -> (one unit, low, high): "hundreds" is at least two hundred, below a thousand.
VAGUE_PLURALS: dict[str, tuple[Decimal, Decimal, Decimal]] = {
    "tens": (Decimal(10), Decimal(20), Decimal(100)),
    "dozens": (Decimal(12), Decimal(24), Decimal(100)),
    "hundreds": (Decimal(100), Decimal(200), Decimal(10) ** 3),
    "thousands": (Decimal(10) ** 3, 2 * Decimal(10) ** 3, Decimal(10) ** 6),
    "millions": (Decimal(10) ** 6, 2 * Decimal(10) ** 6, Decimal(10) ** 9),
    "billions": (Decimal(10) ** 9, 2 * Decimal(10) ** 9, Decimal(10) ** 12),
    "trillions": (Decimal(10) ** 12, 2 * Decimal(10) ** 12, Decimal(10) ** 15),
    "lakhs": (Decimal(10) ** 5, 2 * Decimal(10) ** 5, Decimal(10) ** 7),
    "crores": (Decimal(10) ** 7, 2 * Decimal(10) ** 7, Decimal(10) ** 9),
}
# The scale after "of" in "hundreds of billions", with the misspelt singular too.
SCALE_AFTER_OF: dict[str, Decimal] = {
    word: VAGUE_PLURALS[plural][0]
    for plural in ("thousands", "millions", "billions", "trillions", "lakhs", "crores")
    for word in (plural, plural[:-1])
}


# (low, high, high inclusive) in units of the scale word that follows, if any.
FEW_WORDS: PhraseTable[tuple[Decimal, Decimal, bool]] = PhraseTable(
    {
        "a few": (Decimal(2), Decimal(10), False),
        "few": (Decimal(2), Decimal(10), False),
        "several": (Decimal(3), Decimal(10), False),
        "a couple of": (Decimal(2), Decimal(3), True),
        "a couple": (Decimal(2), Decimal(3), True),
    }
)

MULTI_WORDS: PhraseTable[Decimal] = PhraseTable(
    {
        f"{spelling}{scale}": SCALE_WORDS[scale]
        for scale in ("million", "billion", "trillion")
        for spelling in ("multi", "multi-", "multi ")
    }
)


@dataclass(frozen=True)
class Amount:
    """One stated amount before any hedge: a point, or the interval a vague phrase spans.

    `scale` is the multiplier of the scale word written with it (1e9 for
    "3 billion"), so "$2-3 billion" can lend "billion" to the 2.
    """

    low: Decimal
    high: Decimal
    low_inclusive: bool = True
    high_inclusive: bool = True
    implied_hedge: Hedge | None = None
    scale: Decimal | None = None
    ambiguous_text: str | None = None  # "1.234" read as a decimal until a range lends it a scale word
    alternative: Decimal | None = None  # the other reading of "$200.000 million", in base units

    @classmethod
    def point(cls, value: Decimal, scale: Decimal | None = None) -> Amount:
        return cls(low=value, high=value, scale=scale)

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.implied_hedge is None

    def times(self, factor: Decimal) -> Amount:
        alternative = None if self.alternative is None else self.alternative * factor
        return replace(self, low=self.low * factor, high=self.high * factor, alternative=alternative)


def tidy(value: Decimal) -> Decimal:
    """The same number without a stray exponent or trailing zeros: 1370000000, not 1.37E+9."""
    if abs(value) >= Decimal(10) ** 26:
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def check_magnitude(amount: Amount, text: str) -> Amount:
    if amount.low < 0:
        raise NormalizationError(f"{quoted(text)} is negative.", "Amounts must be zero or more.")
    if amount.high > MAX_AMOUNT:
        raise NormalizationError(
            f"{quoted(text)} is above the largest accepted amount, 10^18.",
            "Check the number and its scale word (million, billion, trillion).",
        )
    return amount


def read_amount(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    """A number in digits or words, or a vague amount, starting at `start`."""
    if start >= len(tokens):
        return None
    for reader in (_read_vague_plural, _read_few, _read_multi, _read_digits, _read_words):
        found = reader(tokens, start)
        if found is not None:
            return found
    return None


def parse_number_text(text: str, scaled: bool) -> Decimal:
    """The value of a NUMBER token's text; `scaled` says a scale word follows it."""
    if sum(char.isdigit() for char in text) > MAX_NUMBER_DIGITS:
        raise NormalizationError(
            f"The number {quoted(text)} has more than {MAX_NUMBER_DIGITS} digits.",
            "Use a scale word instead of many zeros, such as '1.4 trillion'.",
        )
    if text.startswith("."):
        return _checked_decimal("0" + text, text)
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        whole, fraction = text.rsplit(decimal_mark, 1)
        group_mark = "." if decimal_mark == "," else ","
        return _grouped(whole, group_mark, text) + _checked_decimal("0." + fraction, text)
    if not (commas or dots):
        return Decimal(text)
    mark = "," if commas else "."
    if commas + dots > 1:
        return _grouped(text, mark, text)
    head, tail = text.split(mark)
    if not (len(tail) == 3 and _is_group_head(head)):
        return _checked_decimal(f"{head}.{tail}", text)
    if mark == "," or (tail == "000" and not scaled):
        return _grouped(text, mark, text)
    if scaled:
        return _checked_decimal(text, text)
    raise ambiguity_error(text)


def other_reading(text: str) -> Decimal | None:
    """Before a scale word, the reading of one separator that `parse_number_text` did not take.

    "200.000" was read as 200 (the decimal point), so the other reading is
    200000; "1,500" was read as 1500, so the other reading is 1.5.
    """
    commas, dots = text.count(","), text.count(".")
    if commas + dots != 1:
        return None
    mark = "," if commas else "."
    head, tail = text.split(mark)
    if len(tail) != 3 or not _is_group_head(head) or not tail.isdigit():
        return None
    return Decimal(f"{head}.{tail}") if mark == "," else Decimal(head + tail)


def is_ambiguous(text: str) -> bool:
    """'1.234': a dot then three digits (not '000'), which a scale word would settle as a decimal."""
    head, dot, tail = text.partition(".")
    three_digits = len(tail) == 3 and tail.isdigit() and tail != "000"
    return bool(dot) and "," not in text and three_digits and _is_group_head(head)


def ambiguity_error(text: str) -> NormalizationError:
    head, _, tail = text.partition(".")
    return NormalizationError(
        f"{quoted(text)} could mean {head}{tail} (a dot grouping thousands) or {head}.{tail} (a decimal point).",
        f"Write {head},{tail} for the whole number, or {head}.{tail}0 or '{head}.{tail} million' for the decimal.",
    )


def _is_group_head(head: str) -> bool:
    return 1 <= len(head) <= 3 and not head.startswith("0")


def _grouped(text: str, mark: str, original: str) -> Decimal:
    groups = text.split(mark)
    if not _is_group_head(groups[0]) or any(len(group) != 3 for group in groups[1:]):
        raise NormalizationError(
            f"{quoted(original)} is not a number I can read: its digit groups are uneven.",
            "Group thousands in threes ('1,234,567') or leave them ungrouped ('1234567').",
        )
    return Decimal("".join(groups))


def _checked_decimal(text: str, original: str) -> Decimal:
    if text.count(".") > 1 or "," in text:
        raise NormalizationError(f"{quoted(original)} is not a number I can read.", "Write a number like '1.37'.")
    return Decimal(text)


def _read_digits(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    token = tokens[start]
    if not token.is_number:
        return None
    text, after_number = _space_grouped(tokens, start)
    scale, after = read_scales(tokens, after_number)
    if scale is None and is_ambiguous(text):
        value = Decimal(text)
        return Amount(low=value, high=value, ambiguous_text=text), after
    value = parse_number_text(text, scaled=scale is not None)
    if scale is None:
        return Amount.point(value), after
    alternative = other_reading(text)
    amount = Amount.point(value * scale, scale)
    return (amount if alternative is None else replace(amount, alternative=alternative * scale)), after


def _space_grouped(tokens: Sequence[Token], start: int) -> tuple[str, int]:
    """'25 000' and '1 000 000' as one number's text: plain groups of three digits after a short head."""
    text, position = tokens[start].text, start + 1
    if not (text.isdigit() and _is_group_head(text)):
        return text, position
    while position < len(tokens):
        following = tokens[position]
        group = following.text
        if not (following.is_number and not following.glued and group[:3].isdigit()):
            break
        if len(group) != 3 and not (len(group) > 4 and group[3] in ",." and group[4:].isdigit()):
            break
        text, position = text + group, position + 1
        if len(group) != 3:
            break
    return text, position


def _read_vague_plural(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    bounds = VAGUE_PLURALS.get(tokens[start].text) if tokens[start].is_word() else None
    if bounds is None:
        return None
    _, low, high = bounds
    after = start + 1
    if after + 1 < len(tokens) and tokens[after].is_word("of") and tokens[after + 1].text in SCALE_AFTER_OF:
        multiplier = SCALE_AFTER_OF[tokens[after + 1].text]
        low, high, after = low * multiplier, high * multiplier, after + 2
    return Amount(low=low, high=high, high_inclusive=False, implied_hedge=Hedge.VAGUE), after


def _read_few(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    found = FEW_WORDS.match(tokens, start)
    if found is None:
        return None
    (low, high, high_inclusive), after = found
    scale, after = read_scales(tokens, after)
    factor = scale or Decimal(1)
    amount = Amount(
        low=low * factor,
        high=high * factor,
        high_inclusive=high_inclusive,
        implied_hedge=Hedge.VAGUE,
        scale=scale,
    )
    return amount, after


def _read_multi(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    found = MULTI_WORDS.match(tokens, start)
    if found is None:
        return None
    scale, after = found
    return Amount(low=2 * scale, high=1000 * scale, high_inclusive=False, implied_hedge=Hedge.VAGUE), after



def _read_words(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    found = read_word_number(tokens, start)
    if found is None:
        return None
    total, first_scale, after = found
    return Amount.point(total, first_scale), after


__all__ = ["GLUED_SCALE_LETTERS", "SCALE_WORDS", "TENS_WORDS", "UNIT_WORDS"]  # re-exported for the unit readers
