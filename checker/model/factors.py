"""The factor an article states between two figures: "double" is 2, "triple" 3, "halve" 0.5."""

from __future__ import annotations

from fractions import Fraction

FACTOR_WORDS = {
    "double": Fraction(2), "doubles": Fraction(2), "twice": Fraction(2), "triple": Fraction(3),
    "triples": Fraction(3), "treble": Fraction(3), "quadruple": Fraction(4), "quadruples": Fraction(4),
    "halve": Fraction(1, 2), "halves": Fraction(1, 2), "half": Fraction(1, 2), "a third": Fraction(1, 3),
    "a quarter": Fraction(1, 4),
}
_MULTIPLE_SUFFIXES = (" times", "-fold", " fold", "x")


def factor_of(stated: str | int | float) -> Fraction | None:
    """`triple` = 3, `halve` = 1/2, `2.5 times` = 5/2, `3x` = 3, `2` = 2; None when unreadable or not above 0."""
    if isinstance(stated, bool):
        return None
    words = " ".join(str(stated).lower().split())
    if words in FACTOR_WORDS:
        return FACTOR_WORDS[words]
    for suffix in _MULTIPLE_SUFFIXES:
        words = words.removesuffix(suffix)
    try:
        number = Fraction(words)
    except (ValueError, ZeroDivisionError):
        return None
    return number if number > 0 else None
