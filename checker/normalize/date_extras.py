"""More date shapes: centuries, "N units ago", weekends, "the week of", "the first nine
months of 1989", and a part of the day around a day ("Tuesday night", "early Friday").
Seasons and holidays are in `seasons_holidays`.

Each form takes the significant tokens of a date (see `dates.date_words`) and
returns a DateSpan, or None when the tokens do not have its shape.

Decisions:

- "the 20th century" is 1900-1999 (TIMEX3 reads it as the 1900s), "this
  century" the one holding R. Centuries before the 19th are refused: the
  supported years start at 1800.
- "seven years ago" is the year seven years before R's, "six months ago" the
  month, "nine days ago" the day, "two weeks ago" and "a fortnight ago" the
  week (Monday to Sunday) holding R minus 14 days, "a decade ago" the year ten
  years back; "two to three years ago" spans both. "from now" counts forward.
- A weekend is Saturday and Sunday (granularity WEEK). "this weekend" is the
  one of R's week, "last weekend" the one of the week before, "next weekend"
  of the week after; "the weekend" and "over the weekend" the latest begun by
  R (future tense: the first not over by R).
- "the week of October 12" is the Monday-to-Sunday week holding October 12.
- "the third quarter ended Sept. 30" is the three months up to Sept. 30,
  "the nine months ended June 30, 2025" the nine months up to that day (a
  fiscal period, whatever the calendar quarter).
- "the first nine months of 1989" runs from the period's first day, "the last
  three months of the year" to its last (the year of R when none is named);
  "1988's second quarter" is "the second quarter of 1988".
- "this coming Tuesday, June 3" places a date without a year forward from R,
  "this past Friday, Nov. 21" back; the weekday must agree with the date.
- A part of the day ("morning", "afternoon", "evening", "night", "overnight")
  after a day, or "early"/"late" before it, keeps the day and names the part
  in `part_of_day`; "earlier Monday" and "later Monday" are that Monday, read
  in the past and the future. "tonight", "last night", "this morning" are R or
  the day before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from checker.model.values import DateSpan, Granularity
from checker.normalize import calendar_spans as cal
from checker.normalize import date_forms as forms
from checker.normalize import seasons_holidays, windows
from checker.normalize.date_forms import Context, make_span
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.tokens import Token, TokenKind

CENTURY_ORDINALS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
AGO_UNITS = {
    "day": ("day", 1),
    "week": ("week", 1),
    "fortnight": ("week", 2),
    "month": ("month", 1),
    "quarter": ("quarter", 1),
    "year": ("year", 1),
    "decade": ("year", 10),
    "century": ("year", 100),
}
VAGUE_AGO = {("few",): (2, 6), ("several",): (3, 6), ("couple",): (2, 2), ("couple", "of"): (2, 2)}
AGO_WORDS = {("ago",): -1, ("from", "now"): 1, ("hence",): 1}
PARTS_OF_DAY = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
                "overnight": "night", "midday": "midday", "noon": "midday", "lunchtime": "midday"}  # fmt: skip
DAY_EDGES = {"early": "early", "late": "late", "earlier": None, "later": None}
NIGHT_WORDS = {"tonight": (0, "night"), "overnight": (0, "night")}
# "last night", "this morning": the day as an offset from R, and the part
LAST_PARTS = {("last", "night"): (-1, "night"), ("last", "evening"): (-1, "evening")}


def _texts(words: Sequence[Token]) -> tuple[str, ...]:
    return tuple(word.text for word in words)


# ---- centuries -------------------------------------------------------------------------------


def century(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the 20th century', 'the twenty-first century', 'this century', 'last century'."""
    if not words or not words[-1].is_word("century", "centuries"):
        return None
    head = _texts(words[:-1])
    if head in (("this",), ("current",), ("last",), ("previous",), ("next",)):
        step = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[head[0]]
        number = context.publication_date().year // 100 + 1 + step
    else:
        number = _century_number(words[:-1])
    if number is None:
        return None
    first_year = (number - 1) * 100
    if first_year < cal.MIN_YEAR:
        raise NormalizationError(
            f"{quoted(context.text)} lies before {cal.MIN_YEAR}, where the supported years start.",
            "Centuries from the 19th (the 1800s) are supported; write the claim without the date.",
        )
    return make_span((cal.year_days(first_year)[0], cal.year_days(first_year + 99)[1]), Granularity.MULTI_YEAR)


def _century_number(words: Sequence[Token]) -> int | None:
    texts = _texts(words)
    if len(texts) == 1 and forms.digits_of(words[0]) is not None and len(texts[0]) <= 2:
        return forms.digits_of(words[0])
    if len(texts) == 1:
        return CENTURY_ORDINALS.get(texts[0])
    if len(texts) == 2 and texts[0] == "twenty" and texts[1] in CENTURY_ORDINALS:
        return 20 + CENTURY_ORDINALS[texts[1]]
    return None


# ---- ago, weekends, the week of ---------------------------------------------------------------


def units_ago(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'seven years ago', 'a fortnight ago', 'two to three years ago', 'two weeks from now'."""
    for ending, direction in AGO_WORDS.items():
        if len(words) > len(ending) + 0 and _texts(words[-len(ending) :]) == ending:
            break
    else:
        return None
    body = words[: -len(ending)]
    if not body or body[-1].text.removesuffix("s") not in AGO_UNITS and body[-1].text != "centuries":
        return None
    unit_word = "century" if body[-1].text == "centuries" else body[-1].text.removesuffix("s")
    counted = body[:-1]
    vague = _texts(counted[1:] if counted and counted[0].is_word("a") else counted)
    counts = (1, 1) if len(counted) == 1 and counted[0].is_word("a", "an", "one") else VAGUE_AGO.get(vague)
    counts = counts or windows.window_counts(counted, plural=unit_word != body[-1].text, text=context.text)
    if counts is None:
        return None
    unit, size = AGO_UNITS[unit_word]
    reference = context.publication_date()
    near, far = (_unit_back(reference, unit, direction * size * count) for count in counts)
    first, last = (far, near) if direction < 0 else (near, far)
    granularity = forms.UNIT_GRANULARITY[unit]
    if unit == "year" and counts[0] != counts[1]:
        granularity = Granularity.MULTI_YEAR
    return make_span((first[0], last[1]), granularity)


def _unit_back(reference: dt.date, unit: str, steps: int) -> cal.Days:
    """The calendar unit holding R moved by `steps` units (negative: back)."""
    if unit == "day":
        day = cal.add_days(reference, steps)
        return day, day
    if unit == "week":
        return cal.week_days(cal.add_days(reference, 7 * steps))
    if unit == "month":
        day = cal.add_months(reference, steps)
        return cal.month_days(day.year, day.month)
    if unit == "quarter":
        day = cal.add_months(reference, 3 * steps)
        return cal.quarter_days(day.year, cal.quarter_of(day))
    return cal.year_days(reference.year + steps)


def weekend(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'this weekend', 'last weekend', 'next weekend', 'over the weekend', 'this past weekend'."""
    if not words or not words[-1].is_word("weekend"):
        return None
    head = _texts(words[:-1])
    offsets = {(): None, ("this",): 0, ("last",): -7, ("past",): -7, ("this", "past"): -7, ("previous",): -7,
               ("next",): 7, ("coming",): None, ("this", "coming"): None, ("following",): 7}  # fmt: skip
    if head not in offsets:
        return None
    reference = context.publication_date()
    offset = offsets[head]
    if offset is None:
        ahead = context.looks_ahead or "coming" in head
        on_weekend = reference.weekday() >= 5
        offset = 0 if on_weekend or ahead else -7
        if "coming" in head and on_weekend:
            offset = 7
    monday = cal.week_days(cal.add_days(reference, offset))[0]
    return make_span((cal.add_days(monday, 5), cal.add_days(monday, 6)), Granularity.WEEK)


def week_of(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the week of October 12': the Monday-to-Sunday week holding that day."""
    if len(words) < 3 or not words[0].is_word("week"):
        return None
    day = forms.calendar_day(words[1:], context)
    if day is None or day.start is None:
        return None
    return make_span(cal.week_days(day.start), Granularity.WEEK)


DAY_DIRECTIONS = {("this", "coming"): True, ("coming",): True, ("next",): True, ("this", "past"): False,
                  ("past",): False, ("last",): False}  # fmt: skip


def directed_day(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'this coming Tuesday, June 3', 'this past Friday, Nov. 21': the direction settles a missing year."""
    for length in (2, 1):
        ahead = DAY_DIRECTIONS.get(_texts(words[:length]))
        if ahead is not None and len(words) > length + 1:
            return forms.calendar_day(words[length:], replace(context, looks_ahead=ahead, future=ahead))
    return None


# ---- part of the day --------------------------------------------------------------------------


def part_of_day(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'Tuesday night', 'early Friday', 'late Saturday night', 'earlier Monday', 'last night', 'tonight'."""
    texts = _texts(words)
    if texts in LAST_PARTS or (len(texts) == 1 and texts[0] in NIGHT_WORDS):
        offset, part = LAST_PARTS.get(texts) or NIGHT_WORDS[texts[0]]
        day = cal.add_days(context.publication_date(), offset)
        return make_span((day, day), Granularity.DAY).model_copy(update={"part_of_day": part})
    edge, part = None, None
    if texts and texts[0] in DAY_EDGES:
        edge, words = texts[0], words[1:]
        if edge in ("earlier", "later"):
            context = replace(context, future=edge == "later", looks_ahead=edge == "later")
    if words and words[-1].text in PARTS_OF_DAY:
        part, words = PARTS_OF_DAY[words[-1].text], words[:-1]
    if (edge is None and part is None) or not words:
        return None
    if len(words) == 1 and words[0].is_word("this") and part is not None:
        words = [Token(TokenKind.WORD, "today")]
    span = _day_form(words, context)
    if span is None:
        return None
    named = DAY_EDGES.get(edge or "")
    label = " ".join(filter(None, (named, part))) or None
    return span.model_copy(update={"part_of_day": label})


def _day_form(words: Sequence[Token], context: Context) -> DateSpan | None:
    for form in (forms.named_day, forms.weekday, forms.calendar_day, directed_day, seasons_holidays.holiday):
        span = form(words, context)
        if span is not None:
            return span if span.granularity is Granularity.DAY else None
    return None


def first_units(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the first nine months of 1989', 'the last three months of the year', 'the first two weeks of June'."""
    if len(words) < 3 or not words[0].is_word("first", "last"):
        return None
    unit_at = next((index for index, word in enumerate(words) if word.text in FIRST_UNITS), None)
    if unit_at is None or unit_at < 2:
        return None
    counts = windows.window_counts(words[1:unit_at], plural=True, text=context.text)
    rest = words[unit_at + 1 :] or [Token(TokenKind.WORD, "year")]
    whole = forms.period(rest, context)
    if counts is None or counts[0] != counts[1] or whole is None or whole.start is None or whole.end is None:
        return None
    unit = FIRST_UNITS[words[unit_at].text]
    if words[0].text == "first":
        end = cal.add_days(_moved(whole.start, unit, counts[0]), -1)
        days = (whole.start, min(end, whole.end))
    else:
        start = _moved(cal.add_days(whole.end, 1), unit, -counts[0])
        days = (max(start, whole.start), whole.end)
    return make_span(days, forms.UNIT_GRANULARITY[unit])


def _moved(day: dt.date, unit: str, count: int) -> dt.date:
    return cal.add_months(day, count) if unit == "month" else cal.add_days(day, 7 * count)


FIRST_UNITS = {"months": "month", "weeks": "week"}


def year_first(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'1988's second quarter', '2026's first half': the year before its part."""
    year = forms.year_of(words[0]) if len(words) >= 3 and words[0].is_number else None
    if year is None or words[-1].text not in ("quarter", "half"):
        return None
    return forms.period([*words[1:], words[0]], context)


PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12, "month": 1}
ENDED_WORDS = frozenset({"ended", "ending", "ends", "end"})


def period_ended(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the third quarter ended Sept. 30', 'the nine months ended June 30, 2025', 'the year ending March 31'."""
    cut = next((index for index, word in enumerate(words) if word.text in ENDED_WORDS and index), None)
    if cut is None or cut + 1 >= len(words):
        return None
    last = forms.calendar_day(words[cut + 1 :], context)
    head = words[:cut]
    unit_word = head[-1].text
    if last is None or last.start is None:
        return None
    if unit_word in PERIOD_MONTHS:  # "the (third) quarter", "the (fiscal) year": the ordinal adds nothing here
        months = PERIOD_MONTHS[unit_word]
        granularity = {3: Granularity.QUARTER, 6: Granularity.HALF, 12: Granularity.YEAR, 1: Granularity.MONTH}[months]
    elif unit_word == "months" and len(head) >= 2:
        counts = windows.window_counts(head[-2:-1], plural=True, text=context.text)
        if counts is None:
            return None
        months, granularity = counts[0], Granularity.MONTH
    else:
        return None
    first = cal.add_months(cal.add_days(last.start, 1), -months)
    return make_span((first, last.start), granularity)


DATE_FORMS = (
    seasons_holidays.season,
    seasons_holidays.holiday,
    century,
    units_ago,
    weekend,
    week_of,
    directed_day,
    part_of_day,
    first_units,
    year_first,
    period_ended,
)
