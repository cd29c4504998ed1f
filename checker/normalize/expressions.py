"""The grammar money, quantities and fractions share: hedge words, ranges, "-plus".

    expression := [scope] [hedge] [scope] [between | from] side [(and | to | -) side] [plus | hedge]
                | [scope] lower-bound side (and | but) upper-bound side      (either order)
    side       := marker* amount marker*      (markers before the amount: money only)

A domain (money, quantity, fraction) turns tokens into items with its own
readers, which add its markers: currencies, units, "%". This module parses the
items into an `Expression`; `intervals.bounds_of` decides what its hedge means.

Decision:

- A range without a scale word on its first side borrows the second side's
  ("$2-3 billion" = [2e9, 3e9]) unless that would put the first side above the
  second ("$500,000 to $2 million" stays [5e5, 2e6]). Markers are borrowed the
  same way ("$2-3 billion": the 3 is in dollars too).
- A bound word may follow the amount ("$300 billion at least", "$2 billion or
  less", "$5 billion or so"); it means what it means before the amount.
- Two bounds joined by "and" or "but" make a range whose ends are inclusive
  as the words say: "more than 10 and at most 40" is (10, 40].
- A scope word before the amount ("an initial $2 billion", "a further 5 GW")
  is kept on the value as `scope_word`; it never changes the interval.
- A verb of growth before the amount names its target, not a bound: "build up
  to $80 billion" and "grow to $20 billion" are the amount itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from checker.model.values import Hedge
from checker.normalize.errors import NormalizationError, UnreadableValue, quoted
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
        **dict.fromkeys(["larger than", "bigger than", "higher than", "well over", "well above", "well in excess of",
                         "a little over", "a little more than", "slightly more than", "slightly over", "slightly above",
                         "just above", "just more than", "far more than", "much more than"], Hedge.MORE_THAN),
        **dict.fromkeys(["well under", "well below", "far less than", "much less than", "well short of"],
                        Hedge.LESS_THAN),
        **dict.fromkeys(["just below", "slightly less than", "slightly under", "slightly below", "a little under",
                         "a little less than", "a little below"], Hedge.NEARLY),
        **dict.fromkeys(["as little as", "as few as", "as low as"], Hedge.AT_LEAST),
        **dict.fromkeys(
            ["at least", "no less than", "no fewer than", "not less than", "a minimum of", "greater than or equal to",
             "more than or equal to", "at a minimum", "at minimum"],
            Hedge.AT_LEAST,
        ),
        **dict.fromkeys(
            ["up to", "as much as", "as many as", "at most", "no more than", "not more than", "a maximum of",
             "less than or equal to", "fewer than or equal to", "smaller than or equal to", "at the most",
             "at a maximum", "at maximum"],
            Hedge.UP_TO,
        ),
        **dict.fromkeys(["less than", "fewer than", "under", "below", "smaller than", "lower than"], Hedge.LESS_THAN),
        **dict.fromkeys(["nearly", "almost", "just under", "just shy of", "not quite"], Hedge.NEARLY),
    }
)
CONNECTOR_PHRASES: PhraseTable[str] = PhraseTable(
    {"between": "between", "from": "from", "to": "to", "through": "to", "and": "and", "&": "and", "-": "-",
     "but": "but"}
)
PLUS_PHRASES: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(["plus", "- plus", "+", "or more", "and up", "and above", "or above", "or higher", "or over",
                   "and over", "or greater", "and more"], True)
)
TRAILING_HEDGE_PHRASES: PhraseTable[Hedge] = PhraseTable(
    {
        **dict.fromkeys(["or less", "or fewer", "or lower", "or below", "or under", "and under", "and below",
                         "max", "maximum", "tops", "at the most"], Hedge.UP_TO),
        **dict.fromkeys(["minimum", "at minimum", "at the least"], Hedge.AT_LEAST),
        **dict.fromkeys(["or so", "or thereabouts"], Hedge.APPROXIMATE),
    }
)
SCOPE_PHRASES: PhraseTable[str] = PhraseTable(
    {word: word for word in ("initial", "additional", "further", "extra", "fresh", "new", "another", "first",
                             "combined", "remaining", "incremental", "upfront", "up-front", "preliminary",
                             "planned", "proposed", "potential", "cumulative", "overall")}
)  # fmt: skip
TARGET_VERBS: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(
        [f"{form} {particle}" for forms, particle in (
            (("build", "builds", "building", "built", "ramp", "ramps", "ramping", "ramped", "scale", "scales",
              "scaling", "scaled", "step", "steps", "stepping", "stepped", "add", "adds", "adding", "added"), "up to"),
            (("grow", "grows", "growing", "grew", "grown", "rise", "rises", "rising", "rose", "risen", "increase",
              "increases", "increasing", "increased", "climb", "climbs", "climbing", "climbed", "expand", "expands",
              "expanding", "expanded", "jump", "jumps", "jumping", "jumped", "swell", "swells", "swelling",
              "swelled", "boost", "boosts", "boosting", "boosted", "raise", "raises", "raising", "raised", "lift",
              "lifts", "lifting", "bring", "brings", "bringing", "brought", "ramp up", "scale up", "build up"), "to"),
            (("reach", "reaches", "reaching", "reached", "hit", "hits", "hitting", "total", "totals",
              "totaling", "totalling", "totaled", "totalled"), ""),
        ) for form in forms],
        True,
    )
)  # fmt: skip
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
class TrailingHedge:
    """A bound word that only follows an amount: "or less", "or so"."""

    hedge: Hedge


@dataclass(frozen=True)
class ScopeWord:
    word: str


@dataclass(frozen=True)
class Marker:
    """A domain word that qualifies an amount: a currency, a unit, "%"."""

    value: Hashable


@dataclass(frozen=True)
class Stated:
    """An amount as written; `tag` lets a domain tell its own kinds apart (a fraction word)."""

    amount: Amount
    tag: str | None = None


Item = HedgeWord | TrailingHedge | ScopeWord | Connector | PlusSuffix | Marker | Stated
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
    bounds: tuple[Hedge, Hedge] | None = None  # "more than 10 and at most 40": one hedge per side
    scope_word: str | None = None


def read_hedge(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = HEDGE_PHRASES.match(tokens, start)
    return None if found is None else (HedgeWord(found[0]), found[1])


def read_connector(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = CONNECTOR_PHRASES.match(tokens, start)
    return None if found is None else (Connector(found[0]), found[1])


def read_plus(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = PLUS_PHRASES.match(tokens, start)
    if found is None or _amount_follows(tokens, found[1]):  # "below $2,500 and above $2,000"
        return None
    return PlusSuffix(), found[1]


def read_trailing_hedge(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    found = TRAILING_HEDGE_PHRASES.match(tokens, start)
    if found is None or start == 0 or _amount_follows(tokens, found[1]):
        return None
    return TrailingHedge(found[0]), found[1]


def read_scope_word(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    """'initial' before an amount; after it ("20 new factories") the word is the domain's to read."""
    found = SCOPE_PHRASES.match(tokens, start)
    return None if found is None or not _amount_follows(tokens, found[1]) else (ScopeWord(found[0]), found[1])


def read_target_verb(tokens: Sequence[Token], start: int) -> tuple[Item | None, int] | None:
    """'build up to', 'grow to', 'reach': the amount after it is the target itself, so the verb is dropped."""
    found = TARGET_VERBS.match(tokens, start)
    return None if found is None else (None, found[1])


def _amount_follows(tokens: Sequence[Token], start: int) -> bool:
    """A number within the next three tokens (past "than" and a currency sign)."""
    return any(read_amount(tokens, position) is not None for position in range(start, min(start + 3, len(tokens))))


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
            raise UnreadableValue(f"I could not read {describe(tokens[position])} in {quoted(text)}.", hint)
    return items


def parse_expression(items: Sequence[Item], text: str, hint: str, markers_lead: bool = False) -> Expression:
    """The expression the items form; `markers_lead` lets markers precede the amount ("$5", not "GW 5")."""
    cursor = _Cursor(items, text, hint, markers_lead)
    scope = cursor.take(ScopeWord)
    hedge_word = cursor.take(HedgeWord)
    scope = scope or cursor.take(ScopeWord)
    hedge = hedge_word.hedge if isinstance(hedge_word, HedgeWord) else None
    opener = cursor.take_connector("between", "from")
    sides = [cursor.read_side()]
    opener_word = opener.word if opener else None
    bounds = None
    if hedge is not None and opener is None and cursor.second_bound_follows():
        cursor.take_connector("and", "but")
        second = cursor.take(HedgeWord)
        assert isinstance(second, HedgeWord)
        sides.append(cursor.read_side())
        bounds, hedge = (hedge, second.hedge), None
    elif cursor.take_connector(*RANGE_SEPARATORS[opener_word]) is not None or cursor.take_up_to(opener_word):
        sides.append(cursor.read_side())
    elif opener is not None:
        raise UnreadableValue(f"{quoted(text)} starts a range with '{opener_word}' but has one end.", hint)
    plus = cursor.take(PlusSuffix) is not None
    trailing = None if plus or bounds else cursor.take(HedgeWord) or cursor.take(TrailingHedge)
    if plus or trailing:
        last = sides[-1]
        sides[-1] = replace(last, markers=last.markers + cursor.take_markers())
    if isinstance(trailing, HedgeWord | TrailingHedge):
        if hedge is not None:
            message = f"{quoted(text)} has two hedges, before and after the amount."
            raise NormalizationError(message, "Keep one of them.")
        hedge = trailing.hedge
    cursor.expect_end()
    shared = _shared_sides(sides)
    for side in shared:
        if side.amount.ambiguous_text is not None:
            raise ambiguity_error(side.amount.ambiguous_text)
    scope_word = scope.word if isinstance(scope, ScopeWord) else None
    return Expression(hedge=hedge, sides=shared, plus=plus, bounds=bounds, scope_word=scope_word)


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

    def take_up_to(self, opener: str | None) -> bool:
        """'from $1bn up to $2bn': after "from", "up to" closes the range."""
        item = self.peek()
        if opener == "from" and isinstance(item, HedgeWord) and item.hedge is Hedge.UP_TO:
            self.position += 1
            return True
        return False

    def second_bound_follows(self) -> bool:
        """'more than 10 and less than 40': a connector then a hedge word."""
        item = self.peek()
        following = self.items[self.position + 1] if self.position + 1 < len(self.items) else None
        return isinstance(item, Connector) and item.word in ("and", "but") and isinstance(following, HedgeWord)

    def take_markers(self) -> tuple[Hashable, ...]:
        markers = []
        while isinstance(marker := self.peek(), Marker):
            markers.append(marker.value)
            self.position += 1
        return tuple(markers)

    def read_side(self) -> Side:
        before = self.take_markers()
        if before and not self.markers_lead:
            raise UnreadableValue(f"{quoted(self.text)} puts its unit before the number.", self.hint)
        if self.take_connector("-") is not None:
            raise NormalizationError(f"{quoted(self.text)} is negative.", "Amounts must be zero or more.")
        stated = self.take(Stated)
        if not isinstance(stated, Stated):
            raise UnreadableValue(f"{quoted(self.text)} has no amount where one is expected.", self.hint)
        return Side(stated.amount, before + self.take_markers(), stated.tag)

    def expect_end(self) -> None:
        item = self.peek()
        if item is None:
            return
        if isinstance(item, Stated | Connector):
            message = f"{quoted(self.text)} has more than one value; I read one amount or one range."
        else:
            message = f"{quoted(self.text)} has a word I cannot place after the amount."
        raise UnreadableValue(message, self.hint)


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
