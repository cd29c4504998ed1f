"""Scale words after a number: "million", "bn", "lakh crore", a glued "m" ("$100m")."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from checker.normalize.tokens import Token

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
    "grand": Decimal(10) ** 3,
    "mio": Decimal(10) ** 6,
    "mrd": Decimal(10) ** 9,
    "mds": Decimal(10) ** 9,
}
RAW_SCALE_WORDS = {"MM": Decimal(10) ** 6}  # finance's million, as written: "35 mm" may be millimetres
GLUED_SCALE_LETTERS: dict[str, Decimal] = {
    "k": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
}
SPACED_SCALE_LETTERS = frozenset({"k", "K", "M", "B"})  # as written: "12 k", "$2-4 B"; never "5 m"


def read_scales(tokens: Sequence[Token], start: int) -> tuple[Decimal | None, int]:
    """The product of the scale words at `start` ("lakh crore" = 1e12), or None if there are none."""
    product: Decimal | None = None
    position = start
    if _hyphen_before_scale(tokens, start):  # "a $5-billion deal"
        position += 1
    while position < len(tokens):
        token = tokens[position]
        factor = (SCALE_WORDS.get(token.text) or RAW_SCALE_WORDS.get(token.raw)) if token.is_word() else None
        first = position == start or (position == start + 1 and tokens[start].is_symbol("-"))
        if factor is None and token.is_word() and first and (token.glued or token.raw in SPACED_SCALE_LETTERS):
            factor = GLUED_SCALE_LETTERS.get(token.text)
        if factor is None:
            break
        product = factor if product is None else product * factor
        position += 1
    return product, position


def _hyphen_before_scale(tokens: Sequence[Token], start: int) -> bool:
    if start + 1 >= len(tokens) or not tokens[start].is_symbol("-") or not tokens[start].glued:
        return False
    following = tokens[start + 1]
    return following.glued and following.is_word() and following.text in SCALE_WORDS | GLUED_SCALE_LETTERS
