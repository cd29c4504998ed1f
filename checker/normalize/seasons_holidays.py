"""Seasons and holidays: "winter 2023", "last autumn", "the fall", "Christmas Day", "Thanksgiving 2024".

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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from checker.model.values import DateSpan, Granularity
from checker.normalize import calendar_spans as cal
from checker.normalize import date_forms as forms
from checker.normalize.date_forms import Context, make_span
from checker.normalize.tokens import Token

SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # the first month
SEASON_STEPS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
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
    **dict.fromkeys(["new year day", "new years day"], _fixed(1, 1)),  # not "the new year": the coming year
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


# ---- holidays ----------------------------------------------------------------------------------


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
