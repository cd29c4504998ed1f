"""The grammar money, quantities and fractions share: hedge words, ranges, "-plus".

    expression := [hedge] [between | from] side [(and | to | -) side] [plus]
    side       := marker* amount marker*      (markers before the amount: money only)

A domain (money, quantity, fraction) turns tokens into items with its own
readers, which add its markers: currencies, units, "%". This module parses the
items into an `Expression`; `intervals.bounds_of` decides what its hedge means.

Decision:

- A range without a scale word on its first side borrows the second side's
  ("$2-3 billion" = [2e9, 3e9]) unless that would put the first side above the
  second ("$500,000 to $2 million" stays [5e5, 2e6]). Markers are borrowed the
  same way ("$2-3 billion": the 3 is in dollars too).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from checker.model.values import Hedge
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.numbers import Amount, ambiguity_error, read_amount
from checker.normalize.tokens import PhraseTable, Token, describe

HEDGE_PHRASES: PhraseTable[Hedge] = PhraseTable(
    {
        **dict.fromkeys(
            ["around", "about", "roughly", "approximately", "approx", "some", "circa", "close to", "~"],
            Hedge.APPROXIMATE,
        ),
        **dict.fromkeys(["an estimated", "estimated", "est"], Hedge.ESTIMATED),
        **dict.fromkeys(
            ["more than", "over", "upwards of", "upward of", "in excess of", "above", "greater than",
             "north of", "just over", "exceeding"],
            Hedge.MORE_THAN,
        ),
        **dict.fromkeys(
            ["at least", "no less than", "no fewer than", "not less than", "a minimum of"], Hedge.AT_LEAST
        ),
        **dict.fromkeys(
            ["up to", "as much as", "as many as", "at most", "no more than", "not more than", "a maximum of"],
            Hedge.UP_TO,
        ),
        **dict.fromkeys(["less than", "fewer than", "under", "below"], Hedge.LESS_THAN),
        **dict.fromkeys(["nearly", "almost", "just under", "just shy of", "not quite"], Hedge.NEARLY),
    }
)
CONNECTOR_PHRASES: PhraseTable[str] = PhraseTable(
    {"between": "between", "from": "from", "to": "to", "through": "to", "and": "and", "-": "-"}
)
PLUS_PHRASES: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(["plus", "- plus", "+", "or more", "and up", "and above", "or above", "or higher"], True)
)
PERCENT = "percent"
PERCENT_PHRASES: PhraseTable[Hashable] = PhraseTable(dict.fromkeys(["%", "percent", "per cent", "pct"], PERCENT))
RANGE_SEPARATORS = {"between": ("and", "-", "to"), "from": ("to", "-"), None: ("to", "-")}


@dataclass(frozen=True)
class HedgeWord:
    hedge: Hedge


@dataclass(frozen=True)
class Connector:
    word: str


@dataclass(frozen=True)
class PlusSuffix:
    pass


@dataclass(frozen=True)
class Marker:
    """A domain word that qualifies an amount: a currency, a unit, "%"."""

    value: Hashable


@dataclass(frozen=True)
class Stated:
    """An amount as written; `tag` lets a domain tell its own kinds apart (a fraction word)."""

    amount: Amount
    tag: str | None = None


Item = HedgeWord | Connector | PlusSuffix | Marker | Stated
Reader = Callable[[Sequence[Token], int], "tuple[Item | None, int] | None"]


@dataclass(frozen=True)
class Side:
    amount: Amount
    markers: tuple[Hashable, ...] = ()
    tag: str | None = None


@dataclass(frozen=True)
class Expression:
    hedge: Hedge | None
    sides: tuple[Side, ...]
    plus: bool = False


def read_hedge(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = HEDGE_PHRASES.match(tokens, start)
    return None if found is None else (HedgeWord(found[0]), found[1])


def read_connector(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = CONNECTOR_PHRASES.match(tokens, start)
    return None if found is None else (Connector(found[0]), found[1])


def read_plus(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = PLUS_PHRASES.match(tokens, start)
    return None if found is None else (PlusSuffix(), found[1])


def read_stated(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = read_amount(tokens, start)
    return None if found is None else (Stated(found[0]), found[1])


def marker_reader(table: PhraseTable[Hashable]) -> Reader:
    def read_marker(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
        found = table.match(tokens, start)
        return None if found is None else (Marker(found[0]), found[1])

    return read_marker


def filler_reader(table: PhraseTable[bool]) -> Reader:
    """Words the grammar ignores ("worth", "in", "of"): read, then dropped."""

    def read_filler(tokens: Sequence[Token], start: int) -> tuple[Item | None, int] | None:
        found = table.match(tokens, start)
        return None if found is None else (None, found[1])

    return read_filler


def read_items(tokens: Sequence[Token], readers: Sequence[Reader], text: str, hint: str) -> list[Item]:
    """Items in text order; the first reader that recognizes a position wins."""
    items: list[Item] = []
    position = 0
    while position < len(tokens):
        for reader in readers:
            found = reader(tokens, position)
            if found is not None:
                item, position = found
                if item is not None:
                    items.append(item)
                break
        else:
            raise NormalizationError(f"I could not read {describe(tokens[position])} in {quoted(text)}.", hint)
    return items


def parse_expression(items: Sequence[Item], text: str, hint: str, markers_lead: bool = False) -> Expression:
    """The expression the items form; `markers_lead` lets markers precede the amount ("$5", not "GW 5")."""
    cursor = _Cursor(items, text, hint, markers_lead)
    hedge_word = cursor.take(HedgeWord)
    opener = cursor.take_connector("between", "from")
    sides = [cursor.read_side()]
    opener_word = opener.word if opener else None
    if cursor.take_connector(*RANGE_SEPARATORS[opener_word]) is not None:
        sides.append(cursor.read_side())
    elif opener is not None:
        raise NormalizationError(f"{quoted(text)} starts a range with '{opener_word}' but has one end.", hint)
    plus = cursor.take(PlusSuffix) is not None
    if plus:
        last = sides[-1]
        sides[-1] = replace(last, markers=last.markers + cursor.take_markers())
    cursor.expect_end()
    hedge = hedge_word.hedge if isinstance(hedge_word, HedgeWord) else None
    shared = _shared_sides(sides)
    for side in shared:
        if side.amount.ambiguous_text is not None:
            raise ambiguity_error(side.amount.ambiguous_text)
    return Expression(hedge=hedge, sides=shared, plus=plus)


class _Cursor:
    def __init__(self, items: Sequence[Item], text: str, hint: str, markers_lead: bool) -> None:
        self.items, self.text, self.hint, self.position = items, text, hint, 0
        self.markers_lead = markers_lead

    def peek(self) -> Item | None:
        return self.items[self.position] if self.position < len(self.items) else None

    def take(self, kind: type) -> Item | None:
        item = self.peek()
        if not isinstance(item, kind):
            return None
        self.position += 1
        return item

    def take_connector(self, *words: str) -> Connector | None:
        item = self.peek()
        if isinstance(item, Connector) and item.word in words:
            self.position += 1
            return item
        return None

    def take_markers(self) -> tuple[Hashable, ...]:
        markers = []
        while isinstance(marker := self.peek(), Marker):
            markers.append(marker.value)
            self.position += 1
        return tuple(markers)

    def read_side(self) -> Side:
        before = self.take_markers()
        if before and not self.markers_lead:
            raise NormalizationError(f"{quoted(self.text)} puts its unit before the number.", self.hint)
        if self.take_connector("-") is not None:
            raise NormalizationError(f"{quoted(self.text)} is negative.", "Amounts must be zero or more.")
        stated = self.take(Stated)
        if not isinstance(stated, Stated):
            raise NormalizationError(f"{quoted(self.text)} has no amount where one is expected.", self.hint)
        return Side(stated.amount, before + self.take_markers(), stated.tag)

    def expect_end(self) -> None:
        item = self.peek()
        if item is None:
            return
        if isinstance(item, Stated | Connector):
            message = f"{quoted(self.text)} has more than one value; I read one amount or one range."
        else:
            message = f"{quoted(self.text)} has a word I cannot place after the amount."
        raise NormalizationError(message, self.hint)


def _shared_sides(sides: list[Side]) -> tuple[Side, ...]:
    if len(sides) != 2:
        return tuple(sides)
    first, second = sides
    first, second = _with_markers_of(first, second), _with_markers_of(second, first)
    if first.amount.scale is None and first.amount.is_point and second.amount.scale is not None:
        borrowed = first.amount.times(second.amount.scale)
        if borrowed.low <= second.amount.low:
            first = replace(first, amount=replace(borrowed, scale=second.amount.scale, ambiguous_text=None))
    return first, second


def _with_markers_of(side: Side, other: Side) -> Side:
    if side.markers or side.tag is not None:
        return side
    return replace(side, markers=other.markers)
