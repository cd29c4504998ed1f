"""Windows and horizons: "the past few months", "over the next three to five years", "within seven years".

A window counts back or forward from the publication date R (see `date_forms`
for the readings). A forward window is a horizon: it starts at R and keeps its
length in years on the span (`horizon_years`, the larger end of a range, and
`horizon_min_years`, the smaller), so rules can compare horizons.
"within", "over", "over the course of" and "over a period of" before a count
of units make a horizon too: "within seven years" is R to R + 7 years.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from checker.model.values import DateSpan, Granularity
from checker.normalize import calendar_spans as cal
from checker.normalize.date_forms import (
    RECENT_MONTHS,
    UNIT_GRANULARITY,
    VAGUE_COUNTS,
    WINDOW_DIRECTIONS,
    WINDOW_UNITS,
    Context,
    make_span,
)
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.numbers import read_amount, tidy
from checker.normalize.tokens import Token

HORIZON_NOUNS = frozenset({"period", "span", "stretch", "time", "timeframe", "horizon"})


def window(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the past few months', 'in recent months', 'over the next three to five years'."""
    if len(words) == 1 and words[0].is_word("recently"):
        words = RECENT_MONTHS
    if len(words) < 2 or words[0].text not in WINDOW_DIRECTIONS:
        return None
    unit_word = words[-1].text
    unit = unit_word.removesuffix("s")
    if unit not in WINDOW_UNITS:
        return None
    counts = window_counts(words[1:-1], plural=unit_word != unit, text=context.text)
    if counts is None:
        return None
    return counted_window(counts, unit, WINDOW_DIRECTIONS[words[0].text], context)


def horizon(words: Sequence[Token], context: Context) -> DateSpan | None:
    """After 'within' or 'over': 'seven years', 'a five-year period', 'the next two to four years'."""
    if words and words[-1].text in HORIZON_NOUNS:
        words = words[:-1]
    if words and WINDOW_DIRECTIONS.get(words[0].text, 0) > 0:
        words = words[1:]
    if len(words) < 2 or words[0].text in WINDOW_DIRECTIONS:
        return None
    unit_word = words[-1].text
    unit = unit_word.removesuffix("s")
    if unit not in WINDOW_UNITS:
        return None
    counted = words[:-1]
    counts = (1, 1) if len(counted) == 1 and counted[0].is_word("a", "an", "one") else None
    counts = counts or window_counts(counted, plural=unit_word != unit, text=context.text)
    return None if counts is None else counted_window(counts, unit, 1, context)


def counted_window(counts: tuple[int, int], unit: str, direction: int, context: Context) -> DateSpan:
    """From R back or forward by the larger count of units; forward, a horizon that keeps its length in years."""
    smaller, count = counts
    reference = context.publication_date()
    months, days = WINDOW_UNITS[unit]
    step = count * direction
    other_end = cal.add_months(reference, months * step) if months else cal.add_days(reference, days * step)
    granularity = UNIT_GRANULARITY[unit]
    if unit in ("year", "decade") and count > 1:
        granularity = Granularity.MULTI_YEAR
    span = make_span((min(reference, other_end), max(reference, other_end)), granularity)
    if direction < 0:
        return span
    shorter = None if smaller == count else _years(months * smaller, days * smaller)
    return span.model_copy(update={"horizon_years": _years(months * count, days * count), "horizon_min_years": shorter})


def _years(months: int, days: int) -> Decimal:
    """A length in years: whole months exactly, days in years of 365.25 days; three places at most."""
    years = Decimal(months) / 12 if months else Decimal(days) / Decimal("365.25")
    return tidy(years.quantize(Decimal("0.001")))


def window_counts(words: Sequence[Token], plural: bool, text: str) -> tuple[int, int] | None:
    """The smaller and the larger count of units: (3, 5) for "three to five", (6, 6) for "few"."""
    if not words:
        return (6, 6) if plural else (1, 1)
    if words[0].is_word("a"):
        words = words[1:]
    if len(words) == 1 and words[0].text in VAGUE_COUNTS:
        return VAGUE_COUNTS[words[0].text], VAGUE_COUNTS[words[0].text]
    first = read_amount(words, 0) if words else None
    if first is None:
        return None
    amount, after = first
    smaller = amount.low
    if after < len(words) and words[after].is_word("to", "or"):
        after += 1
    if after < len(words):  # "three to five": the window reaches the larger number
        second = read_amount(words, after)
        if second is None or second[1] != len(words) or second[0].low < amount.low:
            return None
        amount, after = second[0], second[1]
    if after != len(words) or not amount.is_point:
        return None
    for count in (smaller, amount.low):
        if count != count.to_integral_value() or count < 1:
            message = f"{quoted(text)} counts a window in a whole number of units."
            raise NormalizationError(message, "Write 'two years'.")
    return int(smaller), int(amount.low)
