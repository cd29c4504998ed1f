"""Calendar arithmetic for date spans: months, quarters, halves, weeks, decades.

Every helper returns (first day, last day), both inclusive, and refuses dates
outside MIN_YEAR..MAX_YEAR with a NormalizationError, so no caller meets
Python's OverflowError or ValueError.
"""

from __future__ import annotations

import calendar
import datetime as dt

from checker.normalize.errors import NormalizationError

MIN_YEAR = 1800
MAX_YEAR = 2200
"""Years outside MIN_YEAR..MAX_YEAR are typos in a news claim."""

Days = tuple[dt.date, dt.date]

MONTH_NAMES: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
WEEKDAY_NAMES: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(calendar.day_name)},
    **{name.lower(): number for number, name in enumerate(calendar.day_abbr)},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}  # fmt: skip


def checked_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise NormalizationError(
            f"The year {year} is outside the supported range {MIN_YEAR}-{MAX_YEAR}.",
            "Check the year for a typo.",
        )
    return year


def checked_date(year: int, month: int, day: int) -> dt.date:
    checked_year(year)
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        raise NormalizationError(
            f"{calendar.month_name[month]} {year} has no day {day}; it has {last} days.",
            "Check the day of the month.",
        )
    return dt.date(year, month, day)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_days(day: dt.date, days: int) -> dt.date:
    ordinal = day.toordinal() + days
    if not dt.date(MIN_YEAR, 1, 1).toordinal() <= ordinal <= dt.date(MAX_YEAR, 12, 31).toordinal():
        raise NormalizationError(
            f"The date lies outside the supported years {MIN_YEAR}-{MAX_YEAR}.", "Check the number of days or years."
        )
    return dt.date.fromordinal(ordinal)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    checked_year(year)
    return dt.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def year_days(year: int) -> Days:
    return dt.date(checked_year(year), 1, 1), dt.date(year, 12, 31)


def month_days(year: int, month: int) -> Days:
    return dt.date(checked_year(year), month, 1), dt.date(year, month, days_in_month(year, month))


def months_days(year: int, first_month: int, last_month: int) -> Days:
    return month_days(year, first_month)[0], month_days(year, last_month)[1]


def quarter_days(year: int, quarter: int) -> Days:
    return months_days(year, 3 * quarter - 2, 3 * quarter)


def half_days(year: int, half: int) -> Days:
    return months_days(year, 6 * half - 5, 6 * half)


def week_days(day: dt.date) -> Days:
    """Monday to Sunday of the week holding `day`."""
    monday = add_days(day, -day.weekday())
    return monday, add_days(monday, 6)


def decade_days(first_year: int) -> Days:
    return year_days(first_year)[0], year_days(first_year + 9)[1]


def latest_weekday(reference: dt.date, weekday: int) -> dt.date:
    """The latest day with that weekday on or before the reference: within the 7 days ending there."""
    return add_days(reference, -((reference.weekday() - weekday) % 7))


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def weekday_from(reference: dt.date, weekday: int, direction: str) -> dt.date:
    """The day with that weekday: "latest" on or before R, "on-or-after" R, "after" R, "before" R, or in R's week."""
    if direction == "latest":
        return latest_weekday(reference, weekday)
    if direction == "before":
        return latest_weekday(add_days(reference, -1), weekday)
    if direction == "this-week":
        return add_days(week_days(reference)[0], weekday)
    first_day = reference if direction == "on-or-after" else add_days(reference, 1)
    return add_days(first_day, (weekday - first_day.weekday()) % 7)
