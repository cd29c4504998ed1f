"""Pure comparisons the rules share: do two intervals, two date spans, two quotes agree?"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cache

from checker.model.typography import fold
from checker.model.values import DateSpan, Interval

EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2200, 12, 31)


def intervals_agree(a: Interval, b: Interval, relative_tolerance: float = 0.0) -> bool:
    tolerance = Decimal(str(relative_tolerance))
    return a.widened(tolerance).overlaps(b.widened(tolerance))


def is_open(span: DateSpan) -> bool:
    """A span with no bound on either side: only constraints such as a weekday are known."""
    return span.start is None and span.end is None


def first_common_day(a: DateSpan, b: DateSpan, slack_days: int = 0) -> dt.date | None:
    """The earliest day both spans allow (bounds widened by slack), or None if there is none."""
    slack = dt.timedelta(days=slack_days)
    low = max(_lower(a) - slack, _lower(b) - slack, EARLIEST)
    high = min(_upper(a) + slack, _upper(b) + slack, LATEST)
    if low > high:
        return None
    constraint = _merged_constraints(a, b)
    if constraint is None:
        return None
    weekday, month, day = constraint
    for candidate in _candidates(low, high, month, day):
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return None


def _lower(span: DateSpan) -> dt.date:
    return span.start or EARLIEST


def _upper(span: DateSpan) -> dt.date:
    return span.end or LATEST


def _merged_constraints(a: DateSpan, b: DateSpan) -> tuple[int | None, int | None, int | None] | None:
    merged = []
    for left, right in ((a.weekday, b.weekday), (a.month, b.month), (a.day, b.day)):
        if left is not None and right is not None and left != right:
            return None
        merged.append(left if left is not None else right)
    return merged[0], merged[1], merged[2]


def _candidates(low: dt.date, high: dt.date, month: int | None, day: int | None) -> Iterator[dt.date]:
    """Days in [low, high] with the month and day asked for, in order; cheap for wide ranges."""
    if month is None and day is None:
        for offset in range(min(7, (high - low).days + 1)):
            yield low + dt.timedelta(days=offset)
        return
    for year in range(low.year, high.year + 1):
        for month_number in [month] if month is not None else range(1, 13):
            for day_number in [day] if day is not None else range(1, 32):
                try:
                    candidate = dt.date(year, month_number, day_number)
                except ValueError:
                    continue
                if low <= candidate <= high:
                    yield candidate


def nearest_weekday_offset(day: dt.date, weekday: int) -> int:
    """Days from `day` to the nearest day with `weekday` (negative: earlier), ties towards later."""
    forward = (weekday - day.weekday()) % 7
    return forward if forward <= 3 else forward - 7


# ---- quotes ---------------------------------------------------------------------------------


class QuoteMatch(StrEnum):
    VERBATIM = "verbatim"
    VARIANT = "variant"  # same words up to typography, case or spelling (reindustrialize/-ise)
    PARAPHRASE = "paraphrase"
    MISQUOTE = "misquote"
    UNRELATED = "unrelated"


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_BRITISH = ((re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"), (re.compile(r"yse(s|d)?$"), r"yze\1"),
            (re.compile(r"our(s)?$"), r"or\1"), (re.compile(r"tre(s)?$"), r"ter\1"))
PARAPHRASE_SIMILARITY = 0.3
MISQUOTE_SIMILARITY = 0.6


_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # U.K., E.U., U.S.A.


def words(text: str) -> list[str]:
    folded = _DOTTED.sub(lambda match: match.group(0).replace(".", "") + " ", fold(text))
    return _WORD.findall(folded.casefold())


@cache
def singular(word: str) -> str:
    """A plural folded to its singular, crudely but the same way for every quote (partners/partner)."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def folded_words(text: str) -> list[str]:
    """Words compared across renderings: typography, case, dotted abbreviations, British
    spelling and plurals folded."""
    return [singular(american_spelling(word)) for word in words(text)]


@cache  # asked for every word of every pair of quotes compared; a corpus has a bounded vocabulary
def american_spelling(word: str) -> str:
    if len(word) <= 5:
        return word
    for pattern, replacement in _BRITISH:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word


def similarity(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def classify_quotes(a_text: str, a_verbatim: bool, b_text: str, b_verbatim: bool) -> QuoteMatch:
    """How two renderings of what one speaker said relate. One contained in the other counts as
    the same words: outlets often quote a part of a longer sentence."""
    a_plain, b_plain = " ".join(a_text.split()), " ".join(b_text.split())
    if _within(a_plain, b_plain):
        return QuoteMatch.VERBATIM
    a_words, b_words = folded_words(a_text), folded_words(b_text)
    if _within(" ".join(a_words), " ".join(b_words)):
        return QuoteMatch.VARIANT
    score = similarity(a_words, b_words)
    if a_verbatim and b_verbatim:
        return QuoteMatch.MISQUOTE if score >= MISQUOTE_SIMILARITY else QuoteMatch.UNRELATED
    if score >= PARAPHRASE_SIMILARITY or _shared_run(a_words, b_words) >= 4:
        return QuoteMatch.PARAPHRASE
    return QuoteMatch.UNRELATED


def _within(a: str, b: str) -> bool:
    """Either text stands whole-word inside the other."""
    if not a or not b:
        return False
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _shared_run(a: list[str], b: list[str]) -> int:
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def changed_words(reference: list[str], other: list[str]) -> list[str]:
    """The words that differ, as `old -> new` (or `+ added`, `- dropped`)."""
    changes = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, reference, other, autojunk=False).get_opcodes():
        old, new = " ".join(reference[i1:i2]), " ".join(other[j1:j2])
        if op == "replace":
            changes.append(f"\u201c{old}\u201d \u2192 \u201c{new}\u201d")
        elif op == "delete":
            changes.append(f"\u201c{old}\u201d dropped")
        elif op == "insert":
            changes.append(f"\u201c{new}\u201d added")
    return changes
