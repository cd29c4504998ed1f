"""parse_date: spans of days read against the publication date, expected spans worked out by hand.

PUB is Sunday 2025-11-23, so "Friday" is 2025-11-21 and "this week" runs
Monday 2025-11-17 to Sunday 2025-11-23.
"""

from __future__ import annotations

import calendar
import datetime as dt
from datetime import date

import pytest

from checker.model.values import Granularity as G
from checker.model.values import Hedge
from checker.normalize import NormalizationError, parse_date

PUB = date(2025, 11, 23)
assert PUB.weekday() == 6  # the tables below rely on PUB being a Sunday


def day(year: int, month: int, day_of_month: int) -> tuple:
    return (date(year, month, day_of_month), date(year, month, day_of_month), G.DAY, None)


# text -> (start, end, granularity, hedge), read with reference PUB
WITH_REFERENCE = {
    "November 20, 2025": day(2025, 11, 20),
    "Nov. 20, 2025": day(2025, 11, 20),
    "Nov 20 2025": day(2025, 11, 20),
    "Nov 20,2025": day(2025, 11, 20),
    "Nov 20th, 2025": day(2025, 11, 20),
    "20 November 2025": day(2025, 11, 20),
    "2025-11-20": day(2025, 11, 20),
    "2025/11/20": day(2025, 11, 20),
    "on November 20, 2025": day(2025, 11, 20),
    "Friday, November 21, 2025": day(2025, 11, 21),
    "Nov. 20": day(2025, 11, 20),
    "November 20": day(2025, 11, 20),
    "Dec. 20": day(2025, 12, 20),  # 27 days after PUB: within two months, same year
    "Feb. 3": day(2025, 2, 3),
    "Friday": day(2025, 11, 21),
    "on Friday": day(2025, 11, 21),
    "last Friday": day(2025, 11, 21),
    "on Thursday": day(2025, 11, 20),
    "Monday": day(2025, 11, 17),
    "Sunday": day(2025, 11, 23),  # the reference itself is within the 7 days ending there
    "today": day(2025, 11, 23),
    "yesterday": day(2025, 11, 22),
    "tomorrow": day(2025, 11, 24),
    "in October": (date(2025, 10, 1), date(2025, 10, 31), G.MONTH, None),
    "October": (date(2025, 10, 1), date(2025, 10, 31), G.MONTH, None),
    "November": (date(2025, 11, 1), date(2025, 11, 30), G.MONTH, None),
    "December": (date(2024, 12, 1), date(2024, 12, 31), G.MONTH, None),  # starts after PUB: last year's
    "October 2025": (date(2025, 10, 1), date(2025, 10, 31), G.MONTH, None),
    "Sept. 2024": (date(2024, 9, 1), date(2024, 9, 30), G.MONTH, None),
    "this week": (date(2025, 11, 17), date(2025, 11, 23), G.WEEK, None),
    "last week": (date(2025, 11, 10), date(2025, 11, 16), G.WEEK, None),
    "next week": (date(2025, 11, 24), date(2025, 11, 30), G.WEEK, None),
    "this month": (date(2025, 11, 1), date(2025, 11, 30), G.MONTH, None),
    "last month": (date(2025, 10, 1), date(2025, 10, 31), G.MONTH, None),
    "next month": (date(2025, 12, 1), date(2025, 12, 31), G.MONTH, None),
    "this quarter": (date(2025, 10, 1), date(2025, 12, 31), G.QUARTER, None),
    "last quarter": (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER, None),
    "this year": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None),
    "last year": (date(2024, 1, 1), date(2024, 12, 31), G.YEAR, None),
    "next year": (date(2026, 1, 1), date(2026, 12, 31), G.YEAR, None),
    "2025": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None),
    "in 2025": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None),
    "in 2025 alone": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None),
    "the year 2025": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None),
    "in 2018": (date(2018, 1, 1), date(2018, 12, 31), G.YEAR, None),
    "earlier in 2025": (date(2025, 1, 1), PUB, G.YEAR, None),
    "earlier this year": (date(2025, 1, 1), PUB, G.YEAR, None),
    "earlier in 2024": (date(2024, 1, 1), date(2024, 12, 31), G.YEAR, None),
    "later this year": (PUB, date(2025, 12, 31), G.YEAR, None),
    "later in 2026": (date(2026, 1, 1), date(2026, 12, 31), G.YEAR, None),
    "earlier this month": (date(2025, 11, 1), PUB, G.MONTH, None),
    "second half of 2026": (date(2026, 7, 1), date(2026, 12, 31), G.HALF, None),
    "the second half of 2026": (date(2026, 7, 1), date(2026, 12, 31), G.HALF, None),
    "H2 2026": (date(2026, 7, 1), date(2026, 12, 31), G.HALF, None),
    "2nd half of 2026": (date(2026, 7, 1), date(2026, 12, 31), G.HALF, None),
    "first half": (date(2025, 1, 1), date(2025, 6, 30), G.HALF, None),
    "the first half of next year": (date(2026, 1, 1), date(2026, 6, 30), G.HALF, None),
    "H1 2026": (date(2026, 1, 1), date(2026, 6, 30), G.HALF, None),
    "Q3 2025": (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER, None),
    "third quarter of 2025": (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER, None),
    "the third quarter": (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER, None),
    "Q4": (date(2025, 10, 1), date(2025, 12, 31), G.QUARTER, None),
    "fourth-quarter": (date(2025, 10, 1), date(2025, 12, 31), G.QUARTER, None),
    "early 2026": (date(2026, 1, 1), date(2026, 4, 30), G.QUARTER, None),
    "mid-2026": (date(2026, 5, 1), date(2026, 8, 31), G.QUARTER, None),
    "late 2026": (date(2026, 9, 1), date(2026, 12, 31), G.QUARTER, None),
    "in late 2026": (date(2026, 9, 1), date(2026, 12, 31), G.QUARTER, None),
    "late last year": (date(2024, 9, 1), date(2024, 12, 31), G.QUARTER, None),
    "early October": (date(2025, 10, 1), date(2025, 10, 10), G.WEEK, None),
    "mid-October 2024": (date(2024, 10, 11), date(2024, 10, 20), G.WEEK, None),
    "late February 2024": (date(2024, 2, 21), date(2024, 2, 29), G.WEEK, None),
    "the early 1990s": (date(1990, 1, 1), date(1993, 12, 31), G.MULTI_YEAR, None),
    "end of 2029": (date(2029, 12, 1), date(2029, 12, 31), G.MONTH, None),
    "the end of 2029": (date(2029, 12, 1), date(2029, 12, 31), G.MONTH, None),
    "the end of the year": (date(2025, 12, 1), date(2025, 12, 31), G.MONTH, None),
    "by the end of the decade": (None, date(2029, 12, 31), G.OPEN, Hedge.BY),
    "later in the year": (PUB, date(2025, 12, 31), G.YEAR, None),
    "the beginning of 2026": (date(2026, 1, 1), date(2026, 1, 31), G.MONTH, None),
    "the end of the second quarter of 2026": (date(2026, 6, 1), date(2026, 6, 30), G.MONTH, None),
    "by the end of 2029": (None, date(2029, 12, 31), G.OPEN, Hedge.BY),
    "by end-2029": (None, date(2029, 12, 31), G.OPEN, Hedge.BY),
    "by 2030": (None, date(2030, 12, 31), G.OPEN, Hedge.BY),
    "no later than 2030": (None, date(2030, 12, 31), G.OPEN, Hedge.BY),
    "by mid-2026": (None, date(2026, 8, 31), G.OPEN, Hedge.BY),
    "by October": (None, date(2026, 10, 31), G.OPEN, Hedge.BY),  # looking ahead: October 2025 is over
    "by December": (None, date(2025, 12, 31), G.OPEN, Hedge.BY),
    "since 2018": (date(2018, 1, 1), PUB, G.OPEN, Hedge.SINCE),
    "since October": (date(2025, 10, 1), PUB, G.OPEN, Hedge.SINCE),
    "since last year": (date(2024, 1, 1), PUB, G.OPEN, Hedge.SINCE),
    "the past few months": (date(2025, 5, 23), PUB, G.MONTH, None),
    "in the past few months": (date(2025, 5, 23), PUB, G.MONTH, None),
    "over the past few months": (date(2025, 5, 23), PUB, G.MONTH, None),
    "in recent months": (date(2025, 5, 23), PUB, G.MONTH, None),
    "recently": (date(2025, 5, 23), PUB, G.MONTH, None),
    "in recent years": (date(2019, 11, 23), PUB, G.MULTI_YEAR, None),
    "by the end of this year": (None, date(2025, 12, 31), G.OPEN, Hedge.BY),
    "the past three months": (date(2025, 8, 23), PUB, G.MONTH, None),
    "the past year": (date(2024, 11, 23), PUB, G.YEAR, None),
    "the last five years": (date(2020, 11, 23), PUB, G.MULTI_YEAR, None),
    "the past two weeks": (date(2025, 11, 9), PUB, G.WEEK, None),
    "the last decade": (date(2015, 11, 23), PUB, G.MULTI_YEAR, None),
    "over the next three to five years": (PUB, date(2030, 11, 23), G.MULTI_YEAR, None),
    "over the next five years": (PUB, date(2030, 11, 23), G.MULTI_YEAR, None),
    "in the next two years": (PUB, date(2027, 11, 23), G.MULTI_YEAR, None),
    "in the coming months": (PUB, date(2026, 5, 23), G.MONTH, None),
    "the 1990s": (date(1990, 1, 1), date(1999, 12, 31), G.MULTI_YEAR, None),
    "1990s": (date(1990, 1, 1), date(1999, 12, 31), G.MULTI_YEAR, None),
    "the 2000s": (date(2000, 1, 1), date(2009, 12, 31), G.MULTI_YEAR, None),
    "this decade": (date(2020, 1, 1), date(2029, 12, 31), G.MULTI_YEAR, None),
}


@pytest.mark.parametrize("text", list(WITH_REFERENCE))
def test_dates_with_a_publication_date(text: str) -> None:
    span = parse_date(text, PUB)
    assert (span.start, span.end, span.granularity, span.hedge) == WITH_REFERENCE[text]
    named_weekdays = [index for index, name in enumerate(calendar.day_name) if name.lower() in text.lower()]
    # a weekday the text names stays as a constraint; month and day constraints only matter unresolved
    assert (span.weekday, span.month, span.day) == (named_weekdays[0] if named_weekdays else None, None, None)


# text -> (start, end, granularity, hedge, weekday, month, day), read without a reference
WITHOUT_REFERENCE = {
    "November 20, 2025": (date(2025, 11, 20), date(2025, 11, 20), G.DAY, None, None, None, None),
    "2025-11-20": (date(2025, 11, 20), date(2025, 11, 20), G.DAY, None, None, None, None),
    "Nov. 20": (None, None, G.DAY, None, None, 11, 20),
    "20 November": (None, None, G.DAY, None, None, 11, 20),
    "Feb. 29": (None, None, G.DAY, None, None, 2, 29),  # some year has it
    "Friday, Nov. 21": (None, None, G.DAY, None, 4, 11, 21),
    "in October": (None, None, G.MONTH, None, None, 10, None),
    "October": (None, None, G.MONTH, None, None, 10, None),
    "Friday": (None, None, G.DAY, None, 4, None, None),
    "on Friday": (None, None, G.DAY, None, 4, None, None),
    "last Friday": (None, None, G.DAY, None, 4, None, None),
    "on Thursday": (None, None, G.DAY, None, 3, None, None),
    "October 2025": (date(2025, 10, 1), date(2025, 10, 31), G.MONTH, None, None, None, None),
    "in 2025": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None, None, None, None),
    "earlier in 2025": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None, None, None, None),
    "later in 2025": (date(2025, 1, 1), date(2025, 12, 31), G.YEAR, None, None, None, None),
    "Q3 2025": (date(2025, 7, 1), date(2025, 9, 30), G.QUARTER, None, None, None, None),
    "by 2030": (None, date(2030, 12, 31), G.OPEN, Hedge.BY, None, None, None),
    "since 2018": (date(2018, 1, 1), None, G.OPEN, Hedge.SINCE, None, None, None),
    "the 1990s": (date(1990, 1, 1), date(1999, 12, 31), G.MULTI_YEAR, None, None, None, None),
}


@pytest.mark.parametrize("text", list(WITHOUT_REFERENCE))
def test_dates_without_a_publication_date(text: str) -> None:
    span = parse_date(text)
    actual = (span.start, span.end, span.granularity, span.hedge, span.weekday, span.month, span.day)
    assert actual == WITHOUT_REFERENCE[text]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # month and day without a year: the reference's year unless more than two months ahead
        ("Dec. 20", date(2025, 1, 10), date(2024, 12, 20)),
        ("March 5", date(2025, 1, 10), date(2025, 3, 5)),
        ("March 15", date(2025, 1, 10), date(2024, 3, 15)),
        ("Jan. 9", date(2025, 1, 10), date(2025, 1, 9)),
        ("Feb. 29", date(2024, 3, 10), date(2024, 2, 29)),
        # a weekday is the latest one on or before the reference, the reference included
        ("Friday", date(2025, 11, 21), date(2025, 11, 21)),
        ("last Friday", date(2025, 11, 21), date(2025, 11, 21)),
        ("Saturday", date(2025, 11, 21), date(2025, 11, 15)),
        # "by" looks ahead for a missing year
        ("by Nov. 20", date(2025, 11, 23), None),
        ("by Dec. 20", date(2025, 11, 23), date(2025, 12, 20)),
    ],
)
def test_missing_parts_are_inferred_from_the_reference(text: str, reference: date, expected: date | None) -> None:
    span = parse_date(text, reference)
    if text.startswith("by"):
        assert span.start is None and span.hedge is Hedge.BY
        assert span.end == (expected or date(2026, 11, 20))
    else:
        assert span.start == span.end == expected


def test_the_first_quarter_early_in_the_year_is_this_years_and_the_fourth_last_years() -> None:
    assert parse_date("Q1", date(2025, 2, 10)).start == date(2025, 1, 1)
    assert parse_date("Q4", date(2025, 2, 10)).start == date(2024, 10, 1)


def test_a_datetime_reference_is_read_as_its_date() -> None:
    assert parse_date("yesterday", dt.datetime(2025, 11, 23, 18, 30)).start == date(2025, 11, 22)


RELATIVE_TEXTS = [
    "today",
    "yesterday",
    "this week",
    "last week",
    "this month",
    "last month",
    "this year",
    "last year",
    "next year",
    "earlier this year",
    "later this year",
    "the past few months",
    "in recent months",
    "in the past few months",
    "over the next three to five years",
    "over the next five years",
    "in the next two years",
    "this decade",
    "first half",
    "Q3",
    "by October",
    "since October",
    "early October",
]


@pytest.mark.parametrize("text", RELATIVE_TEXTS)
def test_relative_dates_need_a_publication_date(text: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_date(text)
    assert "publication date" in caught.value.message
    assert "reference" in caught.value.hint


@pytest.mark.parametrize(
    ("text", "reference", "in_message"),
    [
        ("Thursday, November 21, 2025", None, "is a Friday, not a Thursday"),
        ("Monday, 2025-11-20", PUB, "is a Thursday, not a Monday"),
        ("Feb 30, 2025", None, "has no day 30"),
        ("November 31, 2025", None, "has no day 31"),
        ("Nov 32", None, "has no day 32"),
        ("0 November", PUB, "has no day 0"),
        ("November 31", PUB, "has no day 31"),
        ("Feb. 29", date(2025, 3, 10), "has no day 29"),
        ("2025-13-01", None, "no month 13"),
        ("year 99999", None, "99999 is outside"),
        ("99999", None, "99999 is outside"),
        ("in 1700", None, "1700 is outside"),
        ("by 2201", None, "2201 is outside"),
        ("the next 300 years", PUB, "outside"),
        ("the 1995s", None, "not a decade"),
        ("since 2030", PUB, "after the publication date"),
        ("earlier in 2027", PUB, "wrong side"),
        ("later in 2024", PUB, "wrong side"),
        ("bogus", PUB, "could not read"),
        ("by", PUB, "could not read"),
        ("Nov 20 $", PUB, "'$'"),
        ("", PUB, "empty"),
        ("\x00", PUB, "control character"),
        ("the past 1.5 years", PUB, "whole number"),
    ],
)
def test_date_errors(text: str, reference: date | None, in_message: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_date(text, reference)
    assert in_message in caught.value.message


def test_unreadable_dates_hint_at_accepted_shapes() -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_date("the day after the election", PUB)
    assert "November 20, 2025" in caught.value.hint


@pytest.mark.parametrize("reference", ["2025-11-23", 20251123, date(1700, 1, 1)])
def test_bad_references_are_refused(reference: object) -> None:
    with pytest.raises(NormalizationError):
        parse_date("yesterday", reference)  # type: ignore[arg-type]
