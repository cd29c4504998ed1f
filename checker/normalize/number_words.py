"""Numbers in words: "five", "twenty-five", "two million, four hundred and six", "half a billion"."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from checker.normalize.scales import read_scales
from checker.normalize.tokens import Token

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
HALF_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
PLURAL_PARTS = {"quarters": Decimal("0.25"), "halves": Decimal("0.5")}


def read_word_number(tokens: Sequence[Token], start: int) -> tuple[Decimal, Decimal | None, int] | None:
    """The value, the first scale word's multiplier and the index after a number in words.

    Groups below a thousand join with their scale words, largest first ("two
    million, four hundred and six"); a group after "and" continues the number
    only when its scale is smaller than the one before, so "between two thousand
    and five thousand" stays a range.
    """
    total, first_scale, last_scale, position = Decimal(0), None, None, start
    while position < len(tokens):
        group_start = position + 1 if position > start and _is_and(tokens[position]) else position
        group = _read_word_group(tokens, group_start)
        if group is None:
            break
        value, after_group, needs_scale = group
        scale, after_scale = read_scales(tokens, after_group)
        if (needs_scale and scale is None) or (last_scale is not None and (scale or 1) >= last_scale):
            break
        total += value * (scale or Decimal(1))
        first_scale, last_scale, position = first_scale or scale, scale, after_scale
        if scale is None:
            break
        half = _and_a_half(tokens, position)
        if half is not None:  # "a billion and a half"
            total, position = total + half[0] * scale, half[1]
            break
    if position == start:
        return None
    return total, first_scale, position


def _is_and(token: Token) -> bool:
    return token.is_word("and") or token.is_symbol("&")


def _and_a_half(tokens: Sequence[Token], start: int) -> tuple[Decimal, int] | None:
    """'and a half' or 'and a quarter': the fraction and the index after it."""
    words = tokens[start : start + 3]
    if len(words) == 3 and _is_and(words[0]) and words[1].is_word("a") and words[2].text in HALF_WORDS:
        return HALF_WORDS[words[2].text], start + 3
    return None


def _read_word_group(tokens: Sequence[Token], start: int) -> tuple[Decimal, int, bool] | None:
    """A number below a thousand in words; the flag says it only counts before a scale word."""
    if start >= len(tokens):
        return None
    token = tokens[start]
    following = tokens[start + 1] if start + 1 < len(tokens) else None
    if token.is_word("a", "an") and following is not None and following.is_word(*HALF_WORDS):
        return _half_of(tokens, start + 1)  # "a quarter billion", "a quarter of a billion"
    if token.is_word("a", "an"):
        return Decimal(1), start + 1, True
    if token.is_word(*HALF_WORDS):  # "half a billion", "half billion", "quarter of a billion"
        return _half_of(tokens, start)
    below_hundred = _read_below_hundred(tokens, start)
    if below_hundred is None:
        return None
    value, position = below_hundred
    if position < len(tokens) and tokens[position].text in PLURAL_PARTS:  # "three quarters of a billion"
        part = tokens[position].text
        return _half_of_parts(tokens, position, value * PLURAL_PARTS[part])
    if position < len(tokens) and tokens[position].is_word("hundred"):
        value, position = value * 100, position + 1
        rest = _read_below_hundred(tokens, position + 1 if _joins(tokens, position) else position)
        if rest is not None and not _hundred_follows(tokens, rest[1]):
            value, position = value + rest[0], rest[1]
    half = _and_a_half(tokens, position)
    if half is not None:  # "three and a half billion"
        return value + half[0], half[1], True
    return value, position, False


def _half_of(tokens: Sequence[Token], start: int) -> tuple[Decimal, int, bool]:
    """'half', 'half a', 'quarter of a': a fraction that only counts before a scale word."""
    position = start + 1
    if position < len(tokens) and tokens[position].is_word("of"):
        position += 1
    if position < len(tokens) and tokens[position].is_word("a", "an"):
        position += 1
    return HALF_WORDS[tokens[start].text], position, True


def _half_of_parts(tokens: Sequence[Token], position: int, value: Decimal) -> tuple[Decimal, int, bool]:
    position += 1
    if position < len(tokens) and tokens[position].is_word("of"):
        position += 1
    if position < len(tokens) and tokens[position].is_word("a", "an"):
        position += 1
    return value, position, True


def _joins(tokens: Sequence[Token], position: int) -> bool:
    return position < len(tokens) and _is_and(tokens[position])


def _hundred_follows(tokens: Sequence[Token], position: int) -> bool:
    """'between two hundred and three hundred': the 'three' starts another number."""
    return position < len(tokens) and tokens[position].is_word("hundred")


def _read_below_hundred(tokens: Sequence[Token], start: int) -> tuple[Decimal, int] | None:
    token = tokens[start] if start < len(tokens) else None
    if token is None or not token.is_word():
        return None
    if token.text in UNIT_WORDS:
        return UNIT_WORDS[token.text], start + 1
    if token.text not in TENS_WORDS:
        return None
    value, position = TENS_WORDS[token.text], start + 1
    if position < len(tokens) and (tokens[position].is_symbol("-") or tokens[position].is_symbol("&")):
        position += 1
    following = tokens[position] if position < len(tokens) else None
    if following is not None and following.is_word() and 0 < UNIT_WORDS.get(following.text, 0) < 10:
        return value + UNIT_WORDS[following.text], position + 1
    # A dash not followed by a digit word belongs to a range ("twenty-thirty"), not to this number.
    return value, start + 1
