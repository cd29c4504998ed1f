"""Value spans: the words of a sentence the project's normalizers read as a value.

Around each word that may start or end a value (a digit, a number word, a month, a
weekday, "half", "recent" ...) windows of words are tried with each normalizer; the
longest window that one of them reads wins, then words at its edges that do not change
the value ("in" of "$1.4 trillion in") are let go. Hedges, bounds and ranges are kept
because they change the value. The normalizers decide what a value is: nothing here
parses a number itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.draft.text import Sentence, Word
from checker.model.values import NormalizedValue
from checker.normalize import (
    NeedsPublicationDate,
    NormalizationError,
    parse_date,
    parse_fraction,
    parse_money,
    parse_quantity,
)

_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
fifty hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens half
third thirds quarter quarters multibillion multimillion multi-billion multi-million percent""".split())
_DATE_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow recent past last next earlier later this year years month months week weeks decade
quarter""".split())
_TRIGGER = re.compile(r"\d")
MAX_WORDS = 8  # "between $2 billion and $3 billion annually" is seven
BEFORE = 4  # words a window may start before its trigger ("more than half", "the second half of")

Parser = Callable[[str], NormalizedValue]


@dataclass(frozen=True)
class ValueSpan:
    kind: str  # money, quantity, count, fraction, date
    start: int  # offsets in the article
    end: int
    text: str
    value: NormalizedValue
    first_word: int  # index in the sentence's words
    last_word: int


def parsers(published: dt.date | None) -> list[tuple[str, Parser]]:
    return [("money", parse_money), ("fraction", parse_fraction), ("quantity", parse_quantity),
            ("date", lambda text: parse_date(text, published))]


@lru_cache(maxsize=4096)
def _read_cached(kind: str, published: dt.date | None, text: str) -> NormalizedValue | None:
    return _read(kind, dict(parsers(published))[kind], text)


def _read(kind: str, parser: Parser, text: str) -> NormalizedValue | None:
    try:
        return parser(text)
    except NeedsPublicationDate:
        return _UNDATED if kind == "date" else None
    except (NormalizationError, ValueError, ArithmeticError):
        return None


class _Undated:
    """A date the normalizer reads but cannot place without a publication date ("in recent months")."""

    def __eq__(self, other: object) -> bool:
        return other is self

    def __hash__(self) -> int:
        return 0


_UNDATED: NormalizedValue = _Undated()  # type: ignore[assignment]


def is_trigger(word: Word) -> bool:
    lower = word.lower.strip("$%")
    return bool(_TRIGGER.search(word.text)) or lower in _NUMBER_WORDS or lower in _DATE_WORDS or \
        any(part in _NUMBER_WORDS for part in lower.split("-"))


def value_spans(text: str, sentence: Sentence, published: dt.date | None) -> list[ValueSpan]:
    """The values of one sentence, longest first, none overlapping another."""
    words = sentence.words
    found: list[ValueSpan] = []
    triggers = [index for index, word in enumerate(words) if is_trigger(word)]
    for trigger in triggers:
        best = _longest_at(text, words, trigger, published)
        if best is not None and not (best.value is _UNDATED and best.first_word == best.last_word):
            found.append(best)  # "year", "months" alone say nothing checkable
    return _without_overlaps(found)


def _longest_at(text: str, words: Sequence[Word], trigger: int, published) -> ValueSpan | None:
    for length in range(MAX_WORDS, 0, -1):
        for first in range(max(0, trigger - BEFORE), trigger + 1):
            last = first + length - 1
            if last < trigger or last >= len(words):
                continue
            span = _parse_window(text, words, first, last, published)
            if span is not None:
                return _trimmed(text, words, span, published)
    return None


def _parse_window(text, words, first, last, published) -> ValueSpan | None:
    surface = text[words[first].start:words[last].end]
    if len(surface) > 200 or "\n" in surface:
        return None
    if surface.count(",") > 2 or surface.count(";") or surface.count(". "):
        return None
    for kind, _parser in parsers(published):
        value = _read_cached(kind, published, surface)
        if value is None:
            continue
        kind = _kind_of(kind, value, surface, published)
        if kind is None:
            continue
        return ValueSpan(kind, words[first].start, words[last].end, surface, value, first, last)
    return None


def _kind_of(kind: str, value, surface: str, published) -> str | None:
    """Quantity or count, and a bare year ("in 2018") as a date rather than a number."""
    if kind != "quantity":
        return kind
    if getattr(value, "unit", None) is None:
        if re.fullmatch(r"\D*\b(1[89]\d\d|2[01]\d\d)\b\D*", surface) and _read("date", lambda t: parse_date(t, published), surface):
            return "date"
        if not re.search(r"[A-Za-z]", surface.replace("percent", "")) and not re.search(r"\d", surface):
            return None
        return "count"
    if value.unit == "percent":
        return None  # the fraction parser reads it (a failed fraction: "140%" is left to the editor)
    unit_words = set(re.findall(r"[a-z]+", value.unit.lower()))
    if unit_words & _NOT_UNIT_WORDS or re.search(r",(?!\d)", surface) or len(unit_words) > 3:
        return None  # "2018, the company began ...": words after a number are not all its unit
    return "quantity"


_NOT_UNIT_WORDS = frozenset("""the a an is are was were be been have has had to that which what who and or will would
this these its their it they we he she for from with by on in at as said says new other more most""".split())
_EDGE_WORDS = frozenset("in on at the of for to and with from as its their".split())


def _trimmed(text, words, span: ValueSpan, published) -> ValueSpan:
    first, last = span.first_word, span.last_word
    kinds = dict(parsers(published))
    parser_kind = "quantity" if span.kind == "count" else span.kind
    parser = kinds[parser_kind]
    changed = True
    while changed and first < last:
        changed = False
        for new_first, new_last in ((first, last - 1), (first + 1, last)):
            surface = text[words[new_first].start:words[new_last].end]
            dropped = words[last if new_last < last else first].lower
            same = _read(parser_kind, parser, surface) == span.value
            if span.value is _UNDATED:  # any undated text equals any other: let only filler words go
                same = dropped in _EDGE_WORDS and _read(parser_kind, parser, surface) is _UNDATED
            if same:
                first, last, changed = new_first, new_last, True
                break
    surface = text[words[first].start:words[last].end]
    return ValueSpan(span.kind, words[first].start, words[last].end, surface, span.value, first, last)


def _without_overlaps(found: list[ValueSpan]) -> list[ValueSpan]:
    kept: list[ValueSpan] = []
    for span in sorted(found, key=lambda item: (-(item.end - item.start), item.start)):
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda item: item.start)


_CURRENCY_WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "CNY": "yuan", "INR": "rupees",
                   "TWD": "Taiwan dollars", "KRW": "won", "CHF": "francs"}
_MAGNITUDE_WORDS = re.compile(r"(?:(?:hundreds|tens|dozens) of )?(?:thousands|millions|billions|trillions)", re.IGNORECASE)


def with_inherited_currency(spans: Sequence[ValueSpan], published: dt.date | None) -> list[ValueSpan]:
    """"$20 billion this year and hundreds of billions by 2030": a magnitude in words after an amount of money
    in the same sentence is money in its currency ("hundreds of billions of dollars")."""
    result = []
    for span in spans:
        money = [other for other in spans if other.kind == "money" and other.end <= span.start]
        currency = getattr(money[-1].value, "currency", None) if money else None
        if span.kind == "count" and currency in _CURRENCY_WORDS and _MAGNITUDE_WORDS.fullmatch(span.text):
            text = f"{span.text} of {_CURRENCY_WORDS[currency]}"
            value = _read_cached("money", published, text)
            if value is not None:
                span = ValueSpan("money", span.start, span.end, text, value, span.first_word, span.last_word)
        result.append(span)
    return result
