"""Date forms from news and annotated corpora (TIMEX3-style): centuries, decades, seasons, holidays,
"N units ago", weekends, parts of the day, period ends, horizons and the tense a bare date is read in.

Expected spans are worked out by hand against a calendar. FRI is Friday 2025-11-21.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from checker.model.values import Granularity as G
from checker.normalize import NeedsPublicationDate, NormalizationError, parse_date

FRI = date(2025, 11, 21)
assert FRI.weekday() == 4
MARCH = date(2025, 3, 12)  # a Wednesday
JAN = date(2026, 1, 15)  # a Thursday, in meteorological winter
SUN = date(2025, 11, 23)


def day(year: int, month: int, day_of_month: int) -> tuple:
    return (date(year, month, day_of_month), date(year, month, day_of_month), G.DAY)


# (text, reference) -> (start, end, granularity), read in the default past tense
PAST = {
    # centuries and decades
    ("the 20th century", None): (date(1900, 1, 1), date(1999, 12, 31), G.MULTI_YEAR),
    ("the nineteenth century", None): (date(1800, 1, 1), date(1899, 12, 31), G.MULTI_YEAR),
    ("the twenty-first century", None): (date(2000, 1, 1), date(2099, 12, 31), G.MULTI_YEAR),
    ("this century", FRI): (date(2000, 1, 1), date(2099, 12, 31), G.MULTI_YEAR),
    ("the late 19th century", None): (date(1866, 1, 1), date(1899, 12, 31), G.MULTI_YEAR),
    ("the end of the 20th century", None): (date(1990, 1, 1), date(1999, 12, 31), G.MULTI_YEAR),
    ("the 1980s", None): (date(1980, 1, 1), date(1989, 12, 31), G.MULTI_YEAR),
    ("the 1900s", None): (date(1900, 1, 1), date(1999, 12, 31), G.MULTI_YEAR),  # a century, as TIMEX3 reads it
    ("the early 1900s", None): (date(1900, 1, 1), date(1932, 12, 31), G.MULTI_YEAR),
    ("the 2000s", None): (date(2000, 1, 1), date(2009, 12, 31), G.MULTI_YEAR),  # the decade
    ("the '80s", None): (date(1980, 1, 1), date(1989, 12, 31), G.MULTI_YEAR),
    ("the ’60s", FRI): (date(1960, 1, 1), date(1969, 12, 31), G.MULTI_YEAR),
    ("the '20s", FRI): (date(2020, 1, 1), date(2029, 12, 31), G.MULTI_YEAR),  # the latest begun by R
    ("the '30s", FRI): (date(1930, 1, 1), date(1939, 12, 31), G.MULTI_YEAR),
    ("the mid-1970s", None): (date(1974, 1, 1), date(1976, 12, 31), G.MULTI_YEAR),
    ("the late '90s", None): (date(1997, 1, 1), date(1999, 12, 31), G.MULTI_YEAR),
    # seasons: meteorological, northern hemisphere
    ("summer 2024", None): (date(2024, 6, 1), date(2024, 8, 31), G.QUARTER),
    ("winter 2023", None): (date(2023, 12, 1), date(2024, 2, 29), G.QUARTER),
    ("the spring of 2022", None): (date(2022, 3, 1), date(2022, 5, 31), G.QUARTER),
    ("last autumn", MARCH): (date(2024, 9, 1), date(2024, 11, 30), G.QUARTER),
    ("last summer", FRI): (date(2025, 6, 1), date(2025, 8, 31), G.QUARTER),
    ("last winter", JAN): (date(2024, 12, 1), date(2025, 2, 28), G.QUARTER),
    ("next spring", FRI): (date(2026, 3, 1), date(2026, 5, 31), G.QUARTER),
    ("this winter", FRI): (date(2025, 12, 1), date(2026, 2, 28), G.QUARTER),  # the nearest
    ("this summer", FRI): (date(2025, 6, 1), date(2025, 8, 31), G.QUARTER),
    ("the fall", FRI): (date(2025, 9, 1), date(2025, 11, 30), G.QUARTER),  # holds R
    ("in the spring", FRI): (date(2025, 3, 1), date(2025, 5, 31), G.QUARTER),
    ("the winter", JAN): (date(2025, 12, 1), date(2026, 2, 28), G.QUARTER),
    ("late summer", FRI): (date(2025, 8, 1), date(2025, 8, 31), G.MONTH),
    # holidays: fixed and US federal rules
    ("Christmas Day", FRI): day(2025, 12, 25),  # within two months ahead, like "Dec. 25"
    ("Christmas", MARCH): day(2024, 12, 25),
    ("Christmas Eve 2019", None): day(2019, 12, 24),
    ("New Year's Eve", FRI): day(2025, 12, 31),
    ("New Year's Day 2026", None): day(2026, 1, 1),
    ("Thanksgiving 2024", None): day(2024, 11, 28),  # the fourth Thursday of November
    ("Thanksgiving", FRI): day(2025, 11, 27),
    ("Black Friday 2023", None): day(2023, 11, 24),
    ("Labor Day 2025", None): day(2025, 9, 1),  # the first Monday of September
    ("Memorial Day 2024", None): day(2024, 5, 27),  # the last Monday of May
    ("Martin Luther King Jr. Day 2026", None): day(2026, 1, 19),
    ("Presidents' Day 2025", None): day(2025, 2, 17),
    ("Columbus Day 2025", None): day(2025, 10, 13),
    ("the Fourth of July", FRI): day(2025, 7, 4),
    ("Independence Day 2020", None): day(2020, 7, 4),
    ("Veterans Day", FRI): day(2025, 11, 11),
    ("Halloween", FRI): day(2025, 10, 31),
    ("Easter 2024", None): day(2024, 3, 31),
    ("Good Friday 2025", None): day(2025, 4, 18),
    # "N units ago", at the unit's granularity
    ("seven years ago", FRI): (date(2018, 1, 1), date(2018, 12, 31), G.YEAR),
    ("six months ago", FRI): (date(2025, 5, 1), date(2025, 5, 31), G.MONTH),
    ("nine days ago", FRI): day(2025, 11, 12),
    ("two weeks ago", FRI): (date(2025, 11, 3), date(2025, 11, 9), G.WEEK),
    ("a fortnight ago", FRI): (date(2025, 11, 3), date(2025, 11, 9), G.WEEK),
    ("a decade ago", FRI): (date(2015, 1, 1), date(2015, 12, 31), G.YEAR),
    ("three quarters ago", FRI): (date(2025, 1, 1), date(2025, 3, 31), G.QUARTER),
    ("two to three years ago", FRI): (date(2022, 1, 1), date(2023, 12, 31), G.MULTI_YEAR),
    ("a year ago", FRI): (date(2024, 1, 1), date(2024, 12, 31), G.YEAR),
    ("two years from now", FRI): (date(2027, 1, 1), date(2027, 12, 31), G.YEAR),
    # weekends, Saturday and Sunday
    ("this weekend", FRI): (date(2025, 11, 22), date(2025, 11, 23), G.WEEK),
    ("last weekend", FRI): (date(2025, 11, 15), date(2025, 11, 16), G.WEEK),
    ("next weekend", FRI): (date(2025, 11, 29), date(2025, 11, 30), G.WEEK),
    ("over the weekend", FRI): (date(2025, 11, 15), date(2025, 11, 16), G.WEEK),
    ("over the weekend", SUN): (date(2025, 11, 22), date(2025, 11, 23), G.WEEK),
    ("this past weekend", SUN): (date(2025, 11, 15), date(2025, 11, 16), G.WEEK),
    ("this coming weekend", FRI): (date(2025, 11, 22), date(2025, 11, 23), G.WEEK),
    # weekdays with a direction, and with a date
    ("this Wednesday", FRI): day(2025, 11, 19),
    ("next Tuesday", FRI): day(2025, 11, 25),
    ("this coming Monday", FRI): day(2025, 11, 24),
    ("this past Friday", FRI): day(2025, 11, 14),
    ("this coming Tuesday, June 3", date(2025, 5, 30)): day(2025, 6, 3),
    ("on Monday, Nov. 3", FRI): day(2025, 11, 3),
    ("Wednesday, Oct. 8", FRI): day(2025, 10, 8),
    # year and period ends
    ("the close of the year", FRI): (date(2025, 12, 1), date(2025, 12, 31), G.MONTH),
    ("the year's end", FRI): (date(2025, 12, 1), date(2025, 12, 31), G.MONTH),
    ("year-end 2027", None): (date(2027, 12, 1), date(2027, 12, 31), G.MONTH),
    ("closing 2027", None): (date(2027, 12, 1), date(2027, 12, 31), G.MONTH),
    ("end-2026", None): (date(2026, 12, 1), date(2026, 12, 31), G.MONTH),
    ("the quarter's end", FRI): (date(2025, 12, 1), date(2025, 12, 31), G.MONTH),
    ("this quarter", FRI): (date(2025, 10, 1), date(2025, 12, 31), G.QUARTER),
    ("the previous quarter", FRI): (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER),
    ("the previous month", FRI): (date(2025, 10, 1), date(2025, 10, 31), G.MONTH),
    ("the second half of next year", FRI): (date(2026, 7, 1), date(2026, 12, 31), G.HALF),
    ("1H 2027", None): (date(2027, 1, 1), date(2027, 6, 30), G.HALF),
    ("2H 2025", None): (date(2025, 7, 1), date(2025, 12, 31), G.HALF),
    ("H2 2024", None): (date(2024, 7, 1), date(2024, 12, 31), G.HALF),
    ("3Q 2025", None): (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER),
    ("early this week", FRI): (date(2025, 11, 17), date(2025, 11, 18), G.DAY),
    ("late last week", FRI): (date(2025, 11, 14), date(2025, 11, 16), G.DAY),
    ("the end of the week", FRI): (date(2025, 11, 21), date(2025, 11, 23), G.DAY),
    ("the early part of next year", FRI): (date(2026, 1, 1), date(2026, 4, 30), G.QUARTER),
    ("early in the third quarter", FRI): (date(2025, 7, 1), date(2025, 7, 31), G.MONTH),
    ("the mid-2020s", None): (date(2024, 1, 1), date(2026, 12, 31), G.MULTI_YEAR),
    ("the week of October 12", FRI): (date(2025, 10, 6), date(2025, 10, 12), G.WEEK),
    ("the week of March 3, 2025", None): (date(2025, 3, 3), date(2025, 3, 9), G.WEEK),
    ("the first nine months of 2024", None): (date(2024, 1, 1), date(2024, 9, 30), G.MONTH),
    ("the first six months of the year", FRI): (date(2025, 1, 1), date(2025, 6, 30), G.MONTH),
    ("the last three months of 2023", None): (date(2023, 10, 1), date(2023, 12, 31), G.MONTH),
    ("the first two weeks of June 2025", None): (date(2025, 6, 1), date(2025, 6, 14), G.WEEK),
    ("2024's second quarter", None): (date(2024, 4, 1), date(2024, 6, 30), G.QUARTER),
    ("now", FRI): day(2025, 11, 21),
    ("currently", FRI): day(2025, 11, 21),
    ("for the past two years", FRI): (date(2023, 11, 21), FRI, G.MULTI_YEAR),
    # a year in two digits after an apostrophe
    ("Q3 '25", FRI): (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER),
    ("summer ’24", FRI): (date(2024, 6, 1), date(2024, 8, 31), G.QUARTER),
    ("Dec. '98", FRI): (date(1998, 12, 1), date(1998, 12, 31), G.MONTH),
    ("Dec. 24", FRI): day(2025, 12, 24),  # without the apostrophe, a day
    ("H1 '27", None): (date(2027, 1, 1), date(2027, 6, 30), G.HALF),
    # fiscal periods ending on a day
    ("the third quarter ended Sept. 30, 2025", None): (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER),
    ("the quarter ending Jan. 31, 2025", None): (date(2024, 11, 1), date(2025, 1, 31), G.QUARTER),
    ("the nine months ended June 30, 2025", None): (date(2024, 10, 1), date(2025, 6, 30), G.MONTH),
    ("the fiscal year ended June 30, 2024", None): (date(2023, 7, 1), date(2024, 6, 30), G.YEAR),
    # ranges of dates: the first end borrows the second's year
    ("from April to June 2024", None): (date(2024, 4, 1), date(2024, 6, 30), G.MONTH),
    ("between 2019 and 2022", None): (date(2019, 1, 1), date(2022, 12, 31), G.YEAR),
    ("2021-2023", None): (date(2021, 1, 1), date(2023, 12, 31), G.YEAR),
    ("from 2018 through 2021", None): (date(2018, 1, 1), date(2021, 12, 31), G.YEAR),
    ("Sept. 8-10, 2025", None): (date(2025, 9, 8), date(2025, 9, 10), G.DAY),
    ("from June 2024 to May 2025", None): (date(2024, 6, 1), date(2025, 5, 31), G.MONTH),
    ("Q1 to Q3 2025", None): (date(2025, 1, 1), date(2025, 9, 30), G.QUARTER),
    ("Monday to Wednesday", FRI): (date(2025, 11, 17), date(2025, 11, 19), G.DAY),
    # bounds
    ("until 2027", None): (None, date(2027, 12, 31), G.OPEN),
    ("through March 2026", None): (None, date(2026, 3, 31), G.OPEN),
    ("before 2030", None): (None, date(2029, 12, 31), G.OPEN),
    ("prior to June 2024", None): (None, date(2024, 5, 31), G.OPEN),
}


@pytest.mark.parametrize(("text", "reference"), list(PAST))
def test_date_forms(text: str, reference: date | None) -> None:
    span = parse_date(text, reference)
    assert (span.start, span.end, span.granularity) == PAST[(text, reference)]


@pytest.mark.parametrize(
    ("text", "reference", "expected", "part"),
    [
        ("Tuesday night", FRI, date(2025, 11, 18), "night"),
        ("Thursday morning", FRI, date(2025, 11, 20), "morning"),
        ("early Friday", FRI, date(2025, 11, 21), "early"),
        ("late Saturday", FRI, date(2025, 11, 15), "late"),
        ("late Monday night", FRI, date(2025, 11, 17), "late night"),
        ("earlier Monday", FRI, date(2025, 11, 17), None),
        ("later Monday", FRI, date(2025, 11, 24), None),
        ("last night", FRI, date(2025, 11, 20), "night"),
        ("tonight", FRI, date(2025, 11, 21), "night"),
        ("this morning", FRI, date(2025, 11, 21), "morning"),
        ("yesterday afternoon", FRI, date(2025, 11, 20), "afternoon"),
        ("early on Nov. 3", FRI, date(2025, 11, 3), "early"),
    ],
)
def test_a_part_of_the_day_keeps_the_day(text: str, reference: date, expected: date, part: str | None) -> None:
    span = parse_date(text, reference)
    assert (span.start, span.end, span.granularity, span.part_of_day) == (expected, expected, G.DAY, part)


@pytest.mark.parametrize(
    ("text", "end", "granularity", "years", "min_years"),
    [
        ("within seven years", date(2032, 11, 21), G.MULTI_YEAR, D(7), None),
        ("over six years", date(2031, 11, 21), G.MULTI_YEAR, D(6), None),
        ("over the course of three years", date(2028, 11, 21), G.MULTI_YEAR, D(3), None),
        ("in the next two to four years", date(2029, 11, 21), G.MULTI_YEAR, D(4), D(2)),
        ("over the next three to five years", date(2030, 11, 21), G.MULTI_YEAR, D(5), D(3)),
        ("within 18 months", date(2027, 5, 21), G.MONTH, D("1.5"), None),
        ("within a decade", date(2035, 11, 21), G.MULTI_YEAR, D(10), None),
        ("over a five-year period", date(2030, 11, 21), G.MULTI_YEAR, D(5), None),
        ("within a year", date(2026, 11, 21), G.YEAR, D(1), None),
        ("the next two years", date(2027, 11, 21), G.MULTI_YEAR, D(2), None),
    ],
)
def test_a_horizon_starts_at_the_reference_and_keeps_its_length(
    text: str, end: date, granularity: G, years: D, min_years: D | None
) -> None:
    span = parse_date(text, FRI)
    assert (span.start, span.end, span.granularity) == (FRI, end, granularity)
    assert (span.horizon_years, span.horizon_min_years) == (years, min_years)


def test_a_backward_window_is_no_horizon() -> None:
    span = parse_date("over the past three years", FRI)
    assert (span.start, span.end, span.horizon_years) == (date(2022, 11, 21), FRI, None)


@pytest.mark.parametrize(
    "text", ["within seven years", "over six years", "seven years ago", "this weekend", "Christmas", "the fall",
             "last night", "this century"],
)  # fmt: skip
def test_relative_forms_need_the_publication_date(text: str) -> None:
    with pytest.raises(NeedsPublicationDate):
        parse_date(text)


# (text, reference) -> the day or period in the future tense, then in the default past tense
TENSE = {
    ("Monday", FRI): (day(2025, 11, 24), day(2025, 11, 17)),
    ("Friday", FRI): (day(2025, 11, 21), day(2025, 11, 21)),  # R itself either way
    ("June", MARCH): (
        (date(2025, 6, 1), date(2025, 6, 30), G.MONTH),
        (date(2024, 6, 1), date(2024, 6, 30), G.MONTH),
    ),
    ("Q3", MARCH): (
        (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER),
        (date(2024, 7, 1), date(2024, 9, 30), G.QUARTER),
    ),
    ("the second half", MARCH): (
        (date(2025, 7, 1), date(2025, 12, 31), G.HALF),
        (date(2024, 7, 1), date(2024, 12, 31), G.HALF),
    ),
    ("the spring", FRI): (
        (date(2026, 3, 1), date(2026, 5, 31), G.QUARTER),
        (date(2025, 3, 1), date(2025, 5, 31), G.QUARTER),
    ),
    ("Feb. 3", FRI): (day(2026, 2, 3), day(2025, 2, 3)),
    ("Easter", FRI): (day(2026, 4, 5), day(2025, 4, 20)),
    ("the weekend", date(2025, 11, 19)): (
        (date(2025, 11, 22), date(2025, 11, 23), G.WEEK),
        (date(2025, 11, 15), date(2025, 11, 16), G.WEEK),
    ),
}


@pytest.mark.parametrize(("text", "reference"), list(TENSE))
def test_the_future_tense_resolves_a_bare_date_forward(text: str, reference: date) -> None:
    future, past = TENSE[(text, reference)]
    future_span = parse_date(text, reference, tense="future")
    past_span = parse_date(text, reference)
    assert (future_span.start, future_span.end, future_span.granularity) == future
    assert (past_span.start, past_span.end, past_span.granularity) == past


def test_an_explicit_year_ignores_the_tense() -> None:
    assert parse_date("June 2024", MARCH, tense="future") == parse_date("June 2024", MARCH)


def test_an_unknown_tense_is_refused() -> None:
    with pytest.raises(NormalizationError):
        parse_date("Monday", FRI, tense="present")


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("the 18th century", "before 1800"),
        ("this coming Tuesday, June 4, 2025", "not a Tuesday"),
        ("the '75s", "not a decade"),
    ],
)
def test_date_form_errors(text: str, in_message: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_date(text, FRI)
    assert in_message in caught.value.message
