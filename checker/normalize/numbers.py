"""Numbers as news writes them: "1.37", "1,000,000", "€1,5", "two million", "a dozen",
"half a billion", "tens of billions", "several million".

Each reader takes a token list and a start index and returns an `Amount` plus the
index after it, or None when no number starts there.

Decisions (deterministic, so a claim always reads the same way):

- Separators. "," or "." repeated ("1,000,000", "1.234.567") groups thousands.
  With both, the last one is the decimal mark ("1,234.5", "1.234,5"). A single
  "," followed by exactly three digits groups thousands ("1,000"); otherwise it is
  a decimal comma ("€1,5 billion"). A single "." followed by anything but three
  digits is a decimal point ("1.37"). "X.YYY" is ambiguous: it groups thousands
  when YYY is "000" ("$100.000 billion" = 100,000 billion, "€1.000" = 1,000,
  because no one writes three trailing zeros after a decimal point), it is a
  decimal point before a scale word ("$1.234 billion" = 1,234,000,000, also one
  lent by a range: "$1.234-1.5 billion"), and otherwise ("€1.234" alone) it is
  refused as ambiguous; "1,234" or "1.2340" say which is meant.
- Single-letter scales ("k", "m", "b", "t") only count when glued to the number
  ("$100m", "$2.5B", "$1T", "100k"), so "5 m" is never five million.
- Vague plurals span up to the next named scale: "hundreds" [100, 1,000),
  "thousands" [1e3, 1e6), "millions" [1e6, 1e9), "billions" [1e9, 1e12),
  "trillions" [1e12, 1e15), "lakhs" [1e5, 1e7), "crores" [1e7, 1e9),
  "tens" [10, 100), "dozens" [24, 100). "hundreds of billions" multiplies:
  [1e11, 1e12).
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
from checker.normalize.tokens import PhraseTable, Token

MAX_AMOUNT = Decimal(10) ** 18
"""Largest amount accepted, in base units (dollars, watts, items): larger is a typo."""

MAX_NUMBER_DIGITS = 24
"""More digits than this in one number is a typo, and would lose Decimal precision."""

SCALE_WORDS: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "lakh": Decimal(10) ** 5,
    "lac": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "cr": Decimal(10) ** 7,
    "dozen": Decimal(12),
}
GLUED_SCALE_LETTERS: dict[str, Decimal] = {
    "k": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
}

UNIT_WORDS = {
    word: Decimal(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS_WORDS = {
    word: Decimal(10 * (index + 2))
    for index, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}

VAGUE_PLURALS: dict[str, tuple[Decimal, Decimal]] = {
    "tens": (Decimal(10), Decimal(100)),
    "dozens": (Decimal(24), Decimal(100)),
    "hundreds": (Decimal(100), Decimal(10) ** 3),
    "thousands": (Decimal(10) ** 3, Decimal(10) ** 6),
    "millions": (Decimal(10) ** 6, Decimal(10) ** 9),
    "billions": (Decimal(10) ** 9, Decimal(10) ** 12),
    "trillions": (Decimal(10) ** 12, Decimal(10) ** 15),
    "lakhs": (Decimal(10) ** 5, Decimal(10) ** 7),
    "crores": (Decimal(10) ** 7, Decimal(10) ** 9),
}
SCALE_PLURALS = frozenset({"thousands", "millions", "billions", "trillions", "lakhs", "crores"})

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

    @classmethod
    def point(cls, value: Decimal, scale: Decimal | None = None) -> Amount:
        return cls(low=value, high=value, scale=scale)

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.implied_hedge is None

    def times(self, factor: Decimal) -> Amount:
        return replace(self, low=self.low * factor, high=self.high * factor)


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
    for reader in (_read_vague_plural, _read_few, _read_multi, _read_digits, _read_word_number):
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
    if mark == "," or tail == "000":
        return _grouped(text, mark, text)
    if scaled:
        return _checked_decimal(text, text)
    raise ambiguity_error(text)


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


def _read_scales(tokens: Sequence[Token], start: int) -> tuple[Decimal | None, int]:
    """The product of the scale words at `start` ("lakh crore" = 1e12), or None if there are none."""
    product: Decimal | None = None
    position = start
    while position < len(tokens):
        token = tokens[position]
        factor = SCALE_WORDS.get(token.text) if token.is_word() else None
        if factor is None and token.is_word() and token.glued and position == start:
            factor = GLUED_SCALE_LETTERS.get(token.text)
        if factor is None:
            break
        product = factor if product is None else product * factor
        position += 1
    return product, position


def _read_digits(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    token = tokens[start]
    if not token.is_number:
        return None
    scale, after = _read_scales(tokens, start + 1)
    if scale is None and is_ambiguous(token.text):
        value = Decimal(token.text)
        return Amount(low=value, high=value, ambiguous_text=token.text), after
    value = parse_number_text(token.text, scaled=scale is not None)
    return Amount.point(value if scale is None else value * scale, scale), after


def _read_vague_plural(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    bounds = VAGUE_PLURALS.get(tokens[start].text) if tokens[start].is_word() else None
    if bounds is None:
        return None
    low, high = bounds
    after = start + 1
    if after + 1 < len(tokens) and tokens[after].is_word("of") and tokens[after + 1].text in SCALE_PLURALS:
        multiplier = VAGUE_PLURALS[tokens[after + 1].text][0]
        low, high, after = low * multiplier, high * multiplier, after + 2
    return Amount(low=low, high=high, high_inclusive=False, implied_hedge=Hedge.VAGUE), after


def _read_few(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    found = FEW_WORDS.match(tokens, start)
    if found is None:
        return None
    (low, high, high_inclusive), after = found
    scale, after = _read_scales(tokens, after)
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


def _read_word_number(tokens: Sequence[Token], start: int) -> tuple[Amount, int] | None:
    """'five', 'twenty-five', 'two hundred fifty thousand', 'a dozen', 'half a billion'."""
    total, first_scale, position = Decimal(0), None, start
    while position < len(tokens):
        group = _read_word_group(tokens, position)
        if group is None:
            break
        value, after_group, needs_scale = group
        scale, after_scale = _read_scales(tokens, after_group)
        if needs_scale and scale is None:
            break
        total += value * (scale or Decimal(1))
        first_scale = first_scale or scale
        position = after_scale
        if scale is None:
            break
    if position == start:
        return None
    return Amount.point(total, first_scale), position


def _read_word_group(tokens: Sequence[Token], start: int) -> tuple[Decimal, int, bool] | None:
    """A number below a thousand in words; the flag says it only counts before a scale word."""
    token = tokens[start]
    if token.is_word("a", "an"):
        return Decimal(1), start + 1, True
    if token.is_word("half") and start + 1 < len(tokens) and tokens[start + 1].is_word("a", "an"):
        return Decimal("0.5"), start + 2, True
    below_hundred = _read_below_hundred(tokens, start)
    if below_hundred is None:
        return None
    value, position = below_hundred
    if position < len(tokens) and tokens[position].is_word("hundred"):
        value, position = value * 100, position + 1
        rest = _read_below_hundred(tokens, position)
        if rest is not None:
            value, position = value + rest[0], rest[1]
    return value, position, False


def _read_below_hundred(tokens: Sequence[Token], start: int) -> tuple[Decimal, int] | None:
    token = tokens[start] if start < len(tokens) else None
    if token is None or not token.is_word():
        return None
    if token.text in UNIT_WORDS:
        return UNIT_WORDS[token.text], start + 1
    if token.text not in TENS_WORDS:
        return None
    value, position = TENS_WORDS[token.text], start + 1
    if position < len(tokens) and tokens[position].is_symbol("-"):
        position += 1
    following = tokens[position] if position < len(tokens) else None
    if following is not None and following.is_word() and 0 < UNIT_WORDS.get(following.text, 0) < 10:
        return value + UNIT_WORDS[following.text], position + 1
    # A dash not followed by a digit word belongs to a range ("twenty-thirty"), not to this number.
    return value, start + 1
