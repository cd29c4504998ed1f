"""The basic date shapes: days, weekdays, months, quarters, halves, years, decades, windows.

Each form takes the significant tokens of a date (see `dates.date_words`) and
returns a DateSpan, or None when the tokens do not have its shape. A form that
recognizes its shape but finds it invalid ("Feb 30, 2025") raises.

Decisions on the missing year, with the publication date R ("looking ahead" is
set by "by ...", which points forward):

- "Nov. 20": the year of R, unless that date lies more than two calendar months
  after R (then the year before). Looking ahead: the first such date on or after R.
- "October", "Q3", "the second half": R's year, unless the period starts after R
  (then the year before). Looking ahead: the first such period not over by R.
- Windows count back or forward from R: "the past few months", "in recent
  months" and "recently" are the 6 months up to R ("few", "several" and "recent" mean 6 of the
  unit); "over the next three to five years" is R to R + 5 years (the larger
  number); "the past year" is R - 1 year to R.
- "last week/month/quarter/year" is the previous calendar period; weeks run
  Monday to Sunday. "last decade" and "next decade" are windows of 10 years.
- "last Friday", "on Friday", "Friday": the latest Friday on or before R, so
  R itself when R is a Friday. Read in the future tense (`tense="future"`, or a
  claim with a future modality) "Friday" is the first Friday on or after R.
  "this Friday" is the Friday of R's week (Monday to Sunday); "next Friday" and
  "this coming Friday" the first Friday after R; "this past Friday" the latest
  before R.
- Future tense moves every missing year forward as "by" does: "June" is the
  first June not over by R, "Nov. 20" the first on or after R.
- A weekday the text names stays on the span as its `weekday` constraint even
  once resolved, so a rule can tell "Friday" from "November 21"; month and day
  constraints are set only when no year could be found (without R).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from checker.model.values import WEEKDAY_NAMES, DateSpan, Granularity, Hedge
from checker.normalize import calendar_spans as cal
from checker.normalize.errors import NeedsPublicationDate, NormalizationError, quoted
from checker.normalize.tokens import Token, TokenKind

NAMED_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "now": 0, "currently": 0, "presently": 0}
RELATIVE_STEPS = {"this": 0, "last": -1, "next": 1, "previous": -1, "current": 0, "following": 1}
WINDOW_DIRECTIONS = {"past": -1, "last": -1, "recent": -1, "previous": -1, "next": 1, "coming": 1}
VAGUE_COUNTS = {"few": 6, "several": 6, "couple": 2}
CALENDAR_UNITS = {"week", "month", "quarter", "year", "decade"}
# unit -> (months per unit, days per unit); exactly one is non-zero
WINDOW_UNITS = {"day": (0, 1), "week": (0, 7), "month": (1, 0), "quarter": (3, 0), "year": (12, 0), "decade": (120, 0)}
UNIT_GRANULARITY = {
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
    "decade": Granularity.MULTI_YEAR,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
RECENT_MONTHS = (Token(TokenKind.WORD, "recent"), Token(TokenKind.WORD, "months"))  # what "recently" means


@dataclass(frozen=True)
class Context:
    text: str
    reference: dt.date | None
    looks_ahead: bool = False  # a missing year is the next one ("by ...", future tense)
    future: bool = False  # the text is in the future tense: a bare weekday is the next one

    def publication_date(self) -> dt.date:
        if self.reference is None:
            raise NeedsPublicationDate(
                f"{quoted(self.text)} is relative, so it needs the article's publication date.",
                "Pass the publication date as the reference, or write an absolute date such as 'November 2025'.",
            )
        return self.reference


def make_span(
    days: cal.Days | tuple[dt.date | None, dt.date | None] | None,
    granularity: Granularity,
    *,
    hedge: Hedge | None = None,
    **constraints: int | None,
) -> DateSpan:
    start, end = days if days is not None else (None, None)
    for day in (start, end):
        if day is not None:
            cal.checked_year(day.year)
    try:
        return DateSpan(start=start, end=end, granularity=granularity, hedge=hedge, **constraints)
    except ValidationError as error:
        raise NormalizationError(f"Not a valid date span: {error.errors()[0]['msg']}.") from None


def named_day(words: Sequence[Token], context: Context) -> DateSpan | None:
    if len(words) != 1 or words[0].text not in NAMED_DAYS:
        return None
    day = cal.add_days(context.publication_date(), NAMED_DAYS[words[0].text])
    return make_span((day, day), Granularity.DAY)


# words before a weekday -> where it lies from R: latest on or before, this week, first after, latest before
WEEKDAY_DIRECTIONS = {("last",): "latest", ("this",): "this-week", ("next",): "after", ("coming",): "after",
                      ("this", "coming"): "after", ("this", "past"): "before", ("past",): "before"}  # fmt: skip


def weekday(words: Sequence[Token], context: Context) -> DateSpan | None:
    direction = None
    for length in (2, 1):
        key = tuple(word.text for word in words[:length])
        if len(words) == length + 1 and key in WEEKDAY_DIRECTIONS:
            direction, words = WEEKDAY_DIRECTIONS[key], words[length:]
            break
    number = weekday_of(words[0]) if len(words) == 1 else None
    if number is None:
        return None
    if context.reference is None and direction in (None, "latest"):
        return make_span(None, Granularity.DAY, weekday=number)
    reference = context.publication_date()
    if direction is None:
        direction = "on-or-after" if context.future else "latest"
    day = cal.weekday_from(reference, number, direction)
    return make_span((day, day), Granularity.DAY, weekday=number)


def calendar_day(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'November 20, 2025', '20 Nov 2025', '2025-11-20', 'Nov. 20', 'Friday, November 21, 2025'."""
    stated_weekday = weekday_of(words[0]) if words else None
    parts = _month_day_year(words[1:] if stated_weekday is not None else words)
    if parts is None:
        return None
    month, day_number, year = parts
    # 2000 is a leap year, so February 29 passes here: some year has it.
    if not 1 <= day_number <= cal.days_in_month(2000, month):
        raise NormalizationError(f"{calendar.month_name[month]} has no day {day_number}.", "Check the date.")
    if year is None and context.reference is None:
        return make_span(None, Granularity.DAY, month=month, day=day_number, weekday=stated_weekday)
    if year is None:
        day = _day_in_inferred_year(month, day_number, context)
    else:
        day = cal.checked_date(year, month, day_number)
    if stated_weekday is not None and day.weekday() != stated_weekday:
        raise NormalizationError(
            f"{day:%B} {day.day}, {day.year} is a {WEEKDAY_NAMES[day.weekday()]}, "
            f"not a {WEEKDAY_NAMES[stated_weekday]}.",
            "Check the weekday and the date against the source.",
        )
    return make_span((day, day), Granularity.DAY, weekday=stated_weekday)


def period(words: Sequence[Token], context: Context) -> DateSpan | None:
    """A calendar period: a year, a month, a quarter, a half, a decade, "this year", "last month"."""
    for form in (_relative_period, _half_or_quarter, _year, _month, _decade):
        span = form(words, context)
        if span is not None:
            return span
    return None


def weekday_of(token: Token) -> int | None:
    return cal.WEEKDAY_NAMES.get(token.text) if token.is_word() else None


def month_of(token: Token) -> int | None:
    return cal.MONTH_NAMES.get(token.text) if token.is_word() else None


def digits_of(token: Token) -> int | None:
    """A whole number written in plain digits; more than 18 digits is no day, year or count."""
    text = token.text
    return int(text) if token.is_number and text.isascii() and text.isdigit() and len(text) <= 18 else None


def year_of(token: Token) -> int | None:
    """A year, for a whole number of three or more digits; refuses one outside the supported range."""
    number = digits_of(token)
    return None if number is None or len(token.text) < 3 else cal.checked_year(number)


def _month_day_year(words: Sequence[Token]) -> tuple[int, int, int | None] | None:
    if len(words) == 1 and words[0].is_number and "-" in words[0].text:
        year, month, day = (int(part) for part in words[0].text.split("-"))
        if not 1 <= month <= 12:
            raise NormalizationError(f"{words[0].text} has no month {month}.", "Write ISO dates as YYYY-MM-DD.")
        return month, day, cal.checked_year(year)
    if len(words) not in (2, 3):
        return None
    year = year_of(words[2]) if len(words) == 3 else None
    if len(words) == 3 and year is None:
        return None
    for month_token, day_token in ((words[0], words[1]), (words[1], words[0])):
        month, day = month_of(month_token), digits_of(day_token)
        if month is not None and day is not None and len(day_token.text) <= 2:
            return month, day, year
    return None


def _day_in_inferred_year(month: int, day_number: int, context: Context) -> dt.date:
    reference = context.publication_date()
    year = reference.year
    # Clamping February 29 only places the date; checked_date below still refuses it in a common year.
    candidate = dt.date(year, month, min(day_number, cal.days_in_month(year, month)))
    if context.looks_ahead and candidate < reference:
        year += 1
    elif not context.looks_ahead and candidate > cal.add_months(reference, 2):
        year -= 1
    return cal.checked_date(year, month, day_number)


def infer_period_year(days_for: Callable[[int], cal.Days], context: Context) -> cal.Days:
    reference = context.publication_date()
    days = days_for(reference.year)
    if context.looks_ahead and days[1] < reference:
        return days_for(reference.year + 1)
    if not context.looks_ahead and days[0] > reference:
        return days_for(reference.year - 1)
    return days


def _relative_period(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'this week', 'last month', 'next year'; a bare 'the year' ('by the end of the year') is this one."""
    if len(words) == 1 and words[0].text in CALENDAR_UNITS:
        step, unit = 0, words[0].text
    elif len(words) == 2 and words[0].text in RELATIVE_STEPS and words[1].text in CALENDAR_UNITS:
        step, unit = RELATIVE_STEPS[words[0].text], words[1].text
    else:
        return None
    if unit == "decade" and step:
        return None  # "the last decade" is ten years back, a window, not the 2010s
    reference = context.publication_date()
    if unit == "week":
        return make_span(cal.week_days(cal.add_days(reference, 7 * step)), Granularity.WEEK)
    if unit == "month":
        day = cal.add_months(reference, step)
        return make_span(cal.month_days(day.year, day.month), Granularity.MONTH)
    if unit == "quarter":
        day = cal.add_months(reference, 3 * step)
        return make_span(cal.quarter_days(day.year, cal.quarter_of(day)), Granularity.QUARTER)
    if unit == "year":
        return make_span(cal.year_days(reference.year + step), Granularity.YEAR)
    return make_span(cal.decade_days(reference.year // 10 * 10), Granularity.MULTI_YEAR)


def _half_or_quarter(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the second half of 2026', 'H2 2026', 'Q3 2025', 'the third quarter', 'first half of next year'."""
    if not words:
        return None
    head = words[0].text
    if len(head) == 2 and head[0] in "hq" and head[1] in "1234":
        kind, number, rest = ("half" if head[0] == "h" else "quarter"), int(head[1]), words[1:]
    elif len(words) >= 2 and words[1].text in ("half", "quarter"):
        kind, number, rest = words[1].text, ORDINALS.get(head, digits_of(words[0])), words[2:]
    else:
        return None
    if number is None or not 1 <= number <= (2 if kind == "half" else 4):
        return None
    is_year, year = _year_words(rest, context)
    if not is_year:
        return None
    days_for = (lambda y: cal.half_days(y, number)) if kind == "half" else (lambda y: cal.quarter_days(y, number))
    days = infer_period_year(days_for, context) if year is None else days_for(year)
    return make_span(days, Granularity.HALF if kind == "half" else Granularity.QUARTER)


def _year_words(words: Sequence[Token], context: Context) -> tuple[bool, int | None]:
    """Whether the words that end a period phrase are a year (or nothing), and which year."""
    if not words:
        return True, None
    if len(words) == 1:
        year = year_of(words[0])
        return year is not None, year
    if len(words) == 2 and words[0].text in RELATIVE_STEPS and words[1].is_word("year"):
        return True, context.publication_date().year + RELATIVE_STEPS[words[0].text]
    return False, None


def _year(words: Sequence[Token], context: Context) -> DateSpan | None:
    if len(words) == 2 and words[0].is_word("year"):
        words = words[1:]
    year = year_of(words[0]) if len(words) == 1 else None
    return None if year is None else make_span(cal.year_days(year), Granularity.YEAR)


def _month(words: Sequence[Token], context: Context) -> DateSpan | None:
    month = month_of(words[0]) if words and len(words) <= 2 else None
    if month is None:
        return None
    if len(words) == 2:
        year = year_of(words[1])
        return None if year is None else make_span(cal.month_days(year, month), Granularity.MONTH)
    if context.reference is None:
        return make_span(None, Granularity.MONTH, month=month)
    return make_span(infer_period_year(lambda y: cal.month_days(y, month), context), Granularity.MONTH)


def _two_digit_decade(decade: int, reference: dt.date | None) -> int:
    if reference is None:
        return 2000 + decade if decade <= 20 else 1900 + decade
    century = reference.year // 100 * 100
    return century + decade if century + decade <= reference.year else century - 100 + decade


def _decade(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the 1990s' (the decade; 'the 2000s' is 2000-2009, but 'the 1800s' and 'the 1900s' are centuries)."""
    if len(words) != 1 or not words[0].text.endswith("s") or not words[0].text[:-1].isdigit():
        return None
    first_year = int(words[0].text[:-1])
    if len(words[0].text) == 3:  # "the '70s": the latest such decade begun by R, else the 1900s ('00s-'20s: 2000s)
        first_year = _two_digit_decade(first_year, context.reference)
    if first_year % 10:
        raise NormalizationError(f"{quoted(words[0].text)} is not a decade.", "Write a decade like 'the 1990s'.")
    if first_year % 100 == 0 and first_year != 2000:  # "the 1800s" is the century, as TIMEX3 reads it
        return make_span((cal.year_days(first_year)[0], cal.year_days(first_year + 99)[1]), Granularity.MULTI_YEAR)
    return make_span(cal.decade_days(first_year), Granularity.MULTI_YEAR)
