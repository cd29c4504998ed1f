"""More date shapes: seasons, holidays, centuries, "N units ago", weekends, "the week of",
and a part of the day around a day ("Tuesday night", "early Friday").

Each form takes the significant tokens of a date (see `dates.date_words`) and
returns a DateSpan, or None when the tokens do not have its shape.

Decisions:

- Seasons are meteorological, northern hemisphere: spring March-May, summer
  June-August, autumn (fall) September-November, winter December-February.
  "winter 2023" is the winter that starts in December 2023. A bare season
  ("the fall") is the latest one begun by R (future tense: the first not over
  by R); "last summer" the latest one over before R; "next spring" the first
  one starting after R; "this winter" the one holding R, else the nearest.
  Granularity QUARTER (three months).
- Holidays: the US federal calendar (Martin Luther King Jr. Day, Presidents'
  Day, Memorial Day, Juneteenth, Independence Day, Labor Day, Columbus Day,
  Veterans Day, Thanksgiving, Christmas Day, New Year's Day) plus Christmas
  Eve, New Year's Eve, Boxing Day, Valentine's Day, St. Patrick's Day,
  Halloween, May Day, Black Friday, Cyber Monday and (Western) Easter, Good
  Friday and Easter Monday. Without a year, a holiday is placed like "Dec. 25":
  R's year unless more than two months after R (future tense: the first on or after R).
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
from collections.abc import Callable, Sequence
from dataclasses import replace

from checker.normalize import calendar_spans as cal
from checker.normalize import date_forms as forms
from checker.normalize import windows
from checker.normalize.date_forms import Context, make_span
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.tokens import Token, TokenKind
from checker.values import DateSpan, Granularity

SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # the first month
SEASON_STEPS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}

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


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _nth_weekday(month: int, weekday: int, nth: int) -> Callable[[int], dt.date]:
    """The nth (1-based; -1 = last) weekday of a month."""

    def day_in(year: int) -> dt.date:
        if nth > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        last = dt.date(year, month, cal.days_in_month(year, month))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)

    return day_in


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _shifted(rule: Callable[[int], dt.date], days: int) -> Callable[[int], dt.date]:
    return lambda year: rule(year) + dt.timedelta(days=days)


_THANKSGIVING = _nth_weekday(11, 3, 4)
_HOLIDAY_NAMES: dict[tuple[str, ...], Callable[[int], dt.date]] = {
    **dict.fromkeys(["new year day", "new years day", "new year"], _fixed(1, 1)),
    **dict.fromkeys(["new year eve", "new years eve"], _fixed(12, 31)),
    **dict.fromkeys(["christmas", "christmas day", "xmas"], _fixed(12, 25)),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    **dict.fromkeys(["independence day", "fourth july", "july fourth"], _fixed(7, 4)),
    **dict.fromkeys(["valentine day", "valentines day"], _fixed(2, 14)),
    **dict.fromkeys(["st patrick day", "saint patrick day", "st patricks day"], _fixed(3, 17)),
    "halloween": _fixed(10, 31),
    "veterans day": _fixed(11, 11),
    "juneteenth": _fixed(6, 19),
    "may day": _fixed(5, 1),
    **dict.fromkeys(["martin luther king day", "martin luther king jr day", "mlk day"], _nth_weekday(1, 0, 3)),
    **dict.fromkeys(["presidents day", "president day", "washington birthday"], _nth_weekday(2, 0, 3)),
    "memorial day": _nth_weekday(5, 0, -1),
    **dict.fromkeys(["labor day", "labour day"], _nth_weekday(9, 0, 1)),
    **dict.fromkeys(["columbus day", "indigenous peoples day"], _nth_weekday(10, 0, 2)),
    **dict.fromkeys(["thanksgiving", "thanksgiving day"], _THANKSGIVING),
    "black friday": _shifted(_THANKSGIVING, 1),
    "cyber monday": _shifted(_THANKSGIVING, 4),
    **dict.fromkeys(["easter", "easter sunday", "easter day"], easter),
    "good friday": _shifted(easter, -2),
    "easter monday": _shifted(easter, 1),
}  # type: ignore[dict-item]
HOLIDAYS = {tuple(name.split()): rule for name, rule in _HOLIDAY_NAMES.items()}  # type: ignore[union-attr]
LONGEST_HOLIDAY = max(len(name) for name in HOLIDAYS)


def _texts(words: Sequence[Token]) -> tuple[str, ...]:
    return tuple(word.text for word in words)


# ---- seasons ---------------------------------------------------------------------------------


def season_days(year: int, first_month: int) -> cal.Days:
    end = cal.add_months(dt.date(cal.checked_year(year), first_month, 1), 2)
    return dt.date(year, first_month, 1), dt.date(end.year, end.month, cal.days_in_month(end.year, end.month))


def season(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'winter 2023', 'the fall', 'last autumn', 'next spring', 'this summer'."""
    texts = _texts(words)
    step = SEASON_STEPS.get(texts[0]) if len(texts) == 2 else None
    name = texts[-1] if step is not None else texts[0] if texts else None
    if name not in SEASONS:
        return None
    first_month = SEASONS[name]
    if len(texts) == 2 and step is None:
        year = forms.year_of(words[1])
        return None if year is None else make_span(season_days(year, first_month), Granularity.QUARTER)
    if len(texts) > 2:
        return None
    reference = context.publication_date()
    candidates = [season_days(year, first_month) for year in range(reference.year - 2, reference.year + 2)]
    return make_span(_pick_season(candidates, reference, step, context.looks_ahead), Granularity.QUARTER)


def _pick_season(candidates: list[cal.Days], reference: dt.date, step: int | None, ahead: bool) -> cal.Days:
    if step == -1:
        return max(days for days in candidates if days[1] < reference)
    if step == 1:
        return min(days for days in candidates if days[0] > reference)
    if step == 0:
        return min(candidates, key=lambda days: _distance(days, reference))
    if ahead:
        return min(days for days in candidates if days[1] >= reference)
    return max(days for days in candidates if days[0] <= reference)


def _distance(days: cal.Days, reference: dt.date) -> int:
    if days[0] <= reference <= days[1]:
        return 0
    return min(abs((days[0] - reference).days), abs((days[1] - reference).days))


# ---- holidays and centuries -------------------------------------------------------------------


def holiday(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'Christmas Day', 'New Year's Eve', 'Thanksgiving 2024', 'Labor Day'."""
    texts = _texts(words)
    for length in range(min(LONGEST_HOLIDAY, len(texts)), 0, -1):
        rule = HOLIDAYS.get(texts[:length])
        if rule is None:
            continue
        rest = words[length:]
        if len(rest) > 1 or (rest and forms.year_of(rest[0]) is None):
            return None
        year = forms.year_of(rest[0]) if rest else None
        if year is not None:
            day = rule(year)
        else:
            day = _holiday_in_inferred_year(rule, context)
        return make_span((day, day), Granularity.DAY)
    return None


def _holiday_in_inferred_year(rule: Callable[[int], dt.date], context: Context) -> dt.date:
    reference = context.publication_date()
    year = cal.checked_year(reference.year)
    if context.looks_ahead:
        return rule(year) if rule(year) >= reference else rule(cal.checked_year(year + 1))
    return rule(year) if rule(year) <= cal.add_months(reference, 2) else rule(cal.checked_year(year - 1))


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
    for form in (forms.named_day, forms.weekday, forms.calendar_day, directed_day, holiday):
        span = form(words, context)
        if span is not None:
            return span if span.granularity is Granularity.DAY else None
    return None


DATE_FORMS = (season, holiday, century, units_ago, weekend, week_of, directed_day, part_of_day)
