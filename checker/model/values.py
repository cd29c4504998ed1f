"""Normalized values: what a surface expression ("around $1.4 trillion", "Friday") means.

Every normalized value is an interval, because news text rarely states a point:
"more than half" is (0.5, 1], "between $2 billion and $3 billion" is [2e9, 3e9],
"second half of 2026" is 2026-07-01..2026-12-31. Rules compare these intervals,
never the surface text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Hedge(StrEnum):
    """How the text qualifies a number or a date."""

    APPROXIMATE = "approximate"  # around, about, roughly, some
    ESTIMATED = "estimated"  # an estimated
    MORE_THAN = "more-than"  # more than, over, upwards of
    AT_LEAST = "at-least"  # at least, -plus, "+"
    LESS_THAN = "less-than"  # less than, under, fewer than
    UP_TO = "up-to"  # up to, as much as, at most
    NEARLY = "nearly"  # nearly, almost, just under
    RANGE = "range"  # between X and Y, X-Y
    VAGUE = "vague"  # hundreds of billions, several million
    BY = "by"  # by 2030: on or before
    SINCE = "since"  # since 2018: on or after


class Interval(Frozen):
    """A numeric interval; None on a side means unbounded on that side."""

    low: Decimal | None = None
    high: Decimal | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    hedge: Hedge | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} is above high {self.high}")
        return self

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    def widened(self, relative: Decimal) -> Interval:
        """The interval grown by a relative tolerance on each bounded side."""
        if not relative:
            return self
        low = None if self.low is None else self.low - abs(self.low) * relative
        high = None if self.high is None else self.high + abs(self.high) * relative
        return self.model_copy(update={"low": low, "high": high})

    def overlaps(self, other: Interval) -> bool:
        return _below(self.low, self.low_inclusive, other.high, other.high_inclusive) and _below(
            other.low, other.low_inclusive, self.high, self.high_inclusive
        )

    def entirely_above(self, other: Interval) -> bool:
        """Every value of self exceeds every value of other."""
        return not _below(self.low, self.low_inclusive, other.high, other.high_inclusive)


def _below(low: Decimal | None, low_inc: bool, high: Decimal | None, high_inc: bool) -> bool:
    """True when some value >= low (or > low) is also <= high (or < high)."""
    if low is None or high is None:
        return True
    if low_inc and high_inc:
        return low <= high
    return low < high


class Money(Interval):
    kind: Literal["money"] = "money"
    currency: str  # ISO 4217 code, e.g. USD, EUR, TWD
    scope_word: str | None = None  # "initial" in "an initial $2 billion"; the interval is the same
    alternative: str | None = None  # the other reading of "$200.000 million": "200000000000"


class Quantity(Interval):
    kind: Literal["quantity"] = "quantity"
    unit: str | None = None  # canonical unit, e.g. "gigawatt", "rack/week"; None for a bare count
    scope_word: str | None = None  # "further" in "a further 5 GW"
    alternative: str | None = None  # the other reading of an ambiguous digit separator


class Fraction(Interval):
    """A share of a whole, between 0 and 1 ("more than half" is (0.5, 1])."""

    kind: Literal["fraction"] = "fraction"


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    MULTI_YEAR = "multi-year"
    OPEN = "open"  # only a constraint (a weekday, a month) or one unbounded side is known


WEEKDAY_NAMES = tuple(calendar.day_name)  # Monday first, like date.weekday()


class DateSpan(Frozen):
    """A span of calendar days, end inclusive, plus constraints the text states.

    `start`/`end` None means unbounded on that side. `weekday` (0 = Monday),
    `month` and `day` are constraints that every date of the span must satisfy:
    "Friday" with no publication date is start=end=None, weekday=4. A weekday the
    text names is kept even when resolved, so rules can tell "Friday" from a date.
    """

    kind: Literal["date"] = "date"
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    hedge: Hedge | None = None
    # A horizon ("within seven years", "over the next two to four years") starts at the
    # publication date; its length in years, the larger end of a range, and the smaller end.
    horizon_years: Decimal | None = None
    horizon_min_years: Decimal | None = None
    part_of_day: str | None = None  # "night" in "Tuesday night", "early" in "early Friday"

    @model_validator(mode="after")
    def _ordered(self) -> DateSpan:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"date span starts {self.start} after it ends {self.end}")
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            raise ValueError("weekday must be 0 (Monday) to 6 (Sunday)")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month must be 1 to 12")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError("day must be 1 to 31")
        return self

    @property
    def is_day(self) -> bool:
        return self.start is not None and self.start == self.end

    def matches(self, day: dt.date) -> bool:
        """Whether a calendar day satisfies every bound and constraint of the span."""
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day > self.end:
            return False
        if self.weekday is not None and day.weekday() != self.weekday:
            return False
        if self.month is not None and day.month != self.month:
            return False
        return self.day is None or day.day == self.day


NormalizedValue = Money | Quantity | Fraction | DateSpan

# A relative date ("in recent months") in an article that states no publication date:
# kept as a claim, and compared as a date that cannot be pinned to the calendar.
UNRESOLVED_DATE = DateSpan(granularity=Granularity.OPEN)
