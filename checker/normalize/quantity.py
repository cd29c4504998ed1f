"""Quantities: "10GW", "1,000 racks a week", "more than 20 factories", "tens of thousands of GPUs".

The unit is canonical: a singular lowercase noun ("gigawatt", "factory", "gpu",
"data center"), a rate as "noun/period" ("rack/week"), "percent" for "%", and
None for a bare count ("five", "more than 20").

Decisions:

- Measurement units are read from a table ("GW", "gigawatts" -> "gigawatt");
  any other noun counts things and is folded to its singular by a few English
  rules ("facilities" -> "facility", "GPUs" -> "gpu", "switches" -> "switch").
- "10 gigawatts of capacity": after a measurement unit, the words following
  "of" describe what is measured and are dropped, leaving "gigawatt".
- "5m users" is five million users (news style), never five metres.
- A hyphen between a number and its unit joins them: "45-GW", "a 5-gigawatt
  campus", "a 400-truck fleet". Nouns after a hyphenated measurement unit
  describe what is measured ("a 5-gigawatt campus" is 5 gigawatts) and are
  dropped; "5 GW facilities" is still refused as two units.
- "monthly", "weekly", "daily", "annual" and "yearly" make a rate like "per
  month"; "run-rate", "pace" and "rate" add nothing: "a 400-truck monthly
  run-rate" is 400 truck/month.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from checker.model.values import Quantity
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.examples import suggesting
from checker.normalize.expressions import (
    CONNECTOR_PHRASES,
    HEDGE_PHRASES,
    PERCENT,
    PERCENT_PHRASES,
    PLUS_PHRASES,
    SCOPE_PHRASES,
    Item,
    Marker,
    Side,
    Stated,
    filler_reader,
    marker_reader,
    parse_expression,
    read_connector,
    read_hedge,
    read_items,
    read_plus,
    read_scope_word,
    read_stated,
    read_target_verb,
    read_trailing_hedge,
)
from checker.normalize.intervals import Bounds, alternative_reading, bounds_of, interval_model
from checker.normalize.numbers import (
    SCALE_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    VAGUE_PLURALS,
    Amount,
    check_magnitude,
    read_amount,
    tidy,
)
from checker.normalize.options import DEFAULT_OPTIONS, NormalizeOptions, checked_options
from checker.normalize.tokens import PhraseTable, Token, tokenize

QUANTITY_HINT = (
    "Write a number with its unit, like '10 GW', '1,000 racks per week', 'more than 20 factories', "
    "'tens of thousands of GPUs' or 'three to five years'."
)

# (dimension, size in the dimension's base unit) for `convert`.
MEASUREMENT_UNITS: dict[str, tuple[str, Decimal]] = {
    "watt": ("power", Decimal(1)),
    "kilowatt": ("power", Decimal(10) ** 3),
    "megawatt": ("power", Decimal(10) ** 6),
    "gigawatt": ("power", Decimal(10) ** 9),
    "terawatt": ("power", Decimal(10) ** 12),
    "watt-hour": ("energy", Decimal(1)),
    "kilowatt-hour": ("energy", Decimal(10) ** 3),
    "megawatt-hour": ("energy", Decimal(10) ** 6),
    "gigawatt-hour": ("energy", Decimal(10) ** 9),
    "terawatt-hour": ("energy", Decimal(10) ** 12),
}
_UNIT_ABBREVIATIONS = {"kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "tw": "terawatt"}


def _unit_names() -> dict[str, str]:
    """Every spelling of a measurement unit: "GW", "gigawatts", "GWh", "gigawatt-hours"."""
    names: dict[str, str] = {}
    for abbreviation, power in _UNIT_ABBREVIATIONS.items():
        names[abbreviation], names[abbreviation + "h"] = power, power + "-hour"
    for power in (unit for unit in MEASUREMENT_UNITS if not unit.endswith("-hour")):
        names[power] = names[power + "s"] = power
        for spelling in (f"{power}-hour", f"{power}-hours", f"{power} hour", f"{power} hours"):
            names[spelling] = power + "-hour"
    return names


@dataclass(frozen=True)
class _Measure:
    unit: str


@dataclass(frozen=True)
class _Noun:
    word: str


@dataclass(frozen=True)
class _Rate:
    per: str


@dataclass(frozen=True)
class _Of:
    """The "of" in "10 gigawatts of capacity": what follows describes, it does not count."""


UNIT_PHRASES: PhraseTable[Hashable] = PhraseTable({name: _Measure(unit) for name, unit in _unit_names().items()})
RATE_WORDS = frozenset({"per", "a", "an", "each", "every"})
TIME_ABBREVIATIONS = {"yr": "year", "yrs": "year", "wk": "week", "wks": "week", "hr": "hour", "hrs": "hour"}
IRREGULAR_SINGULARS = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot", "lives": "life",
    "data": "data", "media": "media", "series": "series", "species": "species", "news": "news",
    "indices": "index", "analyses": "analysis", "crises": "crisis", "buses": "bus", "campuses": "campus",
    "viruses": "virus", "statuses": "status", "gpus": "gpu", "cpus": "cpu", "tpus": "tpu",
}  # fmt: skip
OF = _Of()
HYPHEN = "unit-hyphen"  # the marker of the hyphen in "a 5-gigawatt campus"


def _reserved_words() -> frozenset[str]:
    """Words that are grammar, never part of a unit: "20 factories in Texas" is refused, not "factory texas"."""
    tables = (HEDGE_PHRASES, CONNECTOR_PHRASES, PLUS_PHRASES)
    grammar = {word for table in tables for word in table.words()}
    stop_words = {"in", "for", "at", "by", "with", "on", "or", "the", "of", "out", "worth", "most", "all", "none"}
    numbers = set(UNIT_WORDS) | set(TENS_WORDS) | set(SCALE_WORDS) | set(VAGUE_PLURALS)
    return frozenset(grammar | stop_words | numbers | RATE_WORDS)


RESERVED_WORDS = _reserved_words()
SCOPE_WORDS = SCOPE_PHRASES.words()  # "a further 2 GW" is no rate


def _read_noun(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    token = tokens[start]
    if not token.is_word() or token.text in RESERVED_WORDS:
        return None
    if _is_acronym_plural(token.raw):
        return Marker(_Noun(token.text[:-1])), start + 1
    return Marker(_Noun(token.text)), start + 1


def _is_acronym_plural(raw: str) -> bool:
    """'GPUs', 'ASICs': capitals then a lowercase s, which no singular rule would fold."""
    return len(raw) > 2 and raw.endswith("s") and raw[:-1].isupper()


def _read_rate(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    """'per week', 'a week', '/week'."""
    token = tokens[start]
    if not (token.is_symbol("/") or token.is_word(*RATE_WORDS)) or start + 1 >= len(tokens):
        return None
    period = tokens[start + 1]
    if not period.is_word() or period.text in RESERVED_WORDS or period.text in SCOPE_WORDS:
        return None
    return Marker(_Rate(singular(TIME_ABBREVIATIONS.get(period.text, period.text)))), start + 2


RATE_ADJECTIVES: PhraseTable[Hashable] = PhraseTable(
    {word: _Rate(period) for period, words in (
        ("month", ("monthly",)), ("week", ("weekly",)), ("day", ("daily",)),
        ("year", ("annual", "annually", "yearly", "per annum")), ("quarter", ("quarterly",)),
    ) for word in words}
)  # fmt: skip
QUANTITY_FILLERS: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(["the", "a", "an", "run-rate", "run rate", "rate", "pace", "clip"], True)
)


def _read_unit_hyphen(tokens: Sequence[Token], start: int) -> tuple[Item | None, int] | None:
    """The hyphen of '45-GW' or 'a 400-truck run': between a number and the word that names its unit."""
    token = tokens[start]
    if not (token.is_symbol("-") and token.glued and 0 < start < len(tokens) - 1):
        return None
    before, after = tokens[start - 1], tokens[start + 1]
    number_before = before.is_number or before.text in SCALE_WORDS or before.text in UNIT_WORDS
    unit_after = after.glued and after.is_word() and after.text not in RESERVED_WORDS
    if not (number_before and unit_after) or read_amount(tokens, start + 1) is not None:
        return None
    return Marker(HYPHEN), start + 1


def _read_one_unit(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    """'a gigawatt', 'an MW': one of a measurement unit."""
    if not tokens[start].is_word("a", "an") or UNIT_PHRASES.match(tokens, start + 1) is None:
        return None
    return Stated(Amount.point(Decimal(1))), start + 1


QUANTITY_READERS = (
    _read_one_unit,
    read_target_verb,
    read_hedge,
    read_plus,
    read_trailing_hedge,
    marker_reader(PERCENT_PHRASES),
    _read_unit_hyphen,
    read_connector,
    read_stated,
    marker_reader(UNIT_PHRASES),
    marker_reader(RATE_ADJECTIVES),
    _read_rate,
    marker_reader(PhraseTable({"of": OF})),
    read_scope_word,
    filler_reader(QUANTITY_FILLERS),
    _read_noun,
)


@suggesting("quantity")
def parse_quantity(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> Quantity:
    """The interval a counted or measured amount states, with its canonical unit."""
    options = checked_options(options)
    items = read_items(tokenize(text), QUANTITY_READERS, text, QUANTITY_HINT)
    expression = parse_expression(items, text, QUANTITY_HINT)
    units = {_unit_of(side, text) for side in expression.sides}
    if len(units) > 1:
        raise NormalizationError(
            f"{quoted(text)} mixes units ({', '.join(sorted(map(str, units)))}).",
            "Give both ends of a range in one unit, or convert one first.",
        )
    amounts = [check_magnitude(side.amount, text) for side in expression.sides]
    bounds = bounds_of(expression, amounts, options, text)
    alternative = alternative_reading(expression, amounts, options, text)
    return interval_model(
        Quantity, bounds, text, unit=units.pop(), scope_word=expression.scope_word, alternative=alternative
    )


def convert(quantity: Quantity, unit: str) -> Quantity:
    """The same quantity in another unit of its dimension: power (W..TW) or energy (Wh..TWh)."""
    if not isinstance(quantity, Quantity):
        raise NormalizationError(f"Expected a Quantity, got {type(quantity).__name__}.", "Convert a parsed quantity.")
    target = _canonical_measurement(unit)
    source = quantity.unit
    if source not in MEASUREMENT_UNITS or MEASUREMENT_UNITS[source][0] != MEASUREMENT_UNITS[target][0]:
        raise NormalizationError(
            f"Cannot convert {source or 'a bare count'} to {target}.",
            "Conversion works within power (watt to terawatt) or energy (watt-hour to terawatt-hour).",
        )
    factor = MEASUREMENT_UNITS[source][1] / MEASUREMENT_UNITS[target][1]
    low = None if quantity.low is None else tidy(quantity.low * factor)
    high = None if quantity.high is None else tidy(quantity.high * factor)
    bounds = Bounds(low, high, quantity.low_inclusive, quantity.high_inclusive, quantity.hedge)
    return interval_model(Quantity, bounds, unit, unit=target)


def singular(word: str) -> str:
    """The singular of a lowercase English noun, by a few rules that cover news counts."""
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 1:
        return word[:-1]
    return word


def _unit_of(side: Side, text: str) -> str | None:
    markers = list(side.markers)
    if PERCENT in markers:
        if len(markers) > 1:
            raise NormalizationError(f"{quoted(text)} has a unit besides '%'.", QUANTITY_HINT)
        return PERCENT
    measured = {marker.unit for marker in markers if isinstance(marker, _Measure)}
    hyphenated = len(markers) > 1 and markers[0] == HYPHEN and isinstance(markers[1], _Measure)
    if hyphenated:  # "a 5-gigawatt campus": the campus is what is measured
        markers = markers[:2]
    markers = [marker for marker in markers if marker != HYPHEN]
    described = markers[: markers.index(OF)] if measured and OF in markers else markers
    nouns = [marker.word for marker in described if isinstance(marker, _Noun)]
    rates = [marker.per for marker in markers if isinstance(marker, _Rate)]
    if len(measured) > 1 or (measured and nouns) or len(rates) > 1:
        raise NormalizationError(f"{quoted(text)} has more than one unit.", QUANTITY_HINT)
    base = None
    if measured:
        base = measured.pop()
    elif nouns:
        base = " ".join([*nouns[:-1], singular(nouns[-1])])
    if rates and base is None:
        raise NormalizationError(f"{quoted(text)} gives a rate without saying what is counted.", QUANTITY_HINT)
    return f"{base}/{rates[0]}" if rates else base


def _canonical_measurement(unit: str) -> str:
    if unit in MEASUREMENT_UNITS:
        return unit
    tokens = tokenize(unit)
    found = UNIT_PHRASES.match(tokens, 0)
    if found is None or found[1] != len(tokens):
        raise NormalizationError(
            f"{quoted(unit)} is not a unit I can convert to.", "Use a power or energy unit such as 'GW' or 'MWh'."
        )
    return found[0].unit  # type: ignore[attr-defined]
