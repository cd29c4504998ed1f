"""Say a normalized value the way a reader would: `USD 1.4 trillion`, `2025-11-20 (Thursday)`."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from checker.model.claims import (
    BooleanValue,
    EntityValue,
    QuoteValue,
    RelationValue,
    SetValue,
)
from checker.model.values import WEEKDAY_NAMES, DateSpan, Fraction, Hedge, Interval, Money, Quantity

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def amount(value: Decimal) -> str:
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{_trim(value / size)} {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _trim(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.001')).normalize():f}"
    return text


def interval(value: Interval, unit: str = "") -> str:
    prefix = f"{unit} " if unit else ""
    low, high = value.low, value.high
    if low is not None and low == high:
        core = f"{prefix}{amount(low)}"
    elif low is not None and high is not None:
        core = f"{prefix}{amount(low)} to {amount(high)}"
    elif low is not None:
        core = f"{'at least' if value.low_inclusive else 'more than'} {prefix}{amount(low)}"
    elif high is not None:
        core = f"{'at most' if value.high_inclusive else 'less than'} {prefix}{amount(high)}"
    else:
        core = f"any {prefix}amount".strip()
    if value.hedge in (Hedge.APPROXIMATE, Hedge.ESTIMATED) and low is not None and high is not None:
        word = "around" if value.hedge is Hedge.APPROXIMATE else "an estimated"
        return f"{word} {prefix}{amount((low + high) / 2)} ({core})"
    if value.hedge in (Hedge.NEARLY, Hedge.VAGUE):
        core += f" ({value.hedge.value})"
    return core


def day(value: dt.date) -> str:
    return f"{value.isoformat()} ({WEEKDAY_NAMES[value.weekday()]})"


def date_span(span: DateSpan) -> str:
    constraints = _constraints(span)
    if span.start is not None and span.start == span.end:
        return day(span.start)
    if span.start is not None and span.end is not None:
        core = f"{span.start.isoformat()} to {span.end.isoformat()}"
    elif span.start is not None:
        core = f"on or after {span.start.isoformat()}"
    elif span.end is not None:
        core = f"on or before {span.end.isoformat()}"
    else:
        return f"any {constraints}, unresolved without a publication date" if constraints else "an unknown date"
    return f"{core}, {constraints}" if constraints else core


def _constraints(span: DateSpan) -> str:
    parts = []
    if span.weekday is not None:
        parts.append(WEEKDAY_NAMES[span.weekday])
    if span.month is not None:
        parts.append(calendar.month_name[span.month] + (f" {span.day}" if span.day is not None else ""))
    elif span.day is not None:
        parts.append(f"day {span.day} of a month")
    return ", ".join(parts)


def normalized(value) -> str:
    if isinstance(value, Money):
        return interval(value, value.currency)
    if isinstance(value, Quantity):
        text = interval(value)
        return f"{text} {value.unit}" if value.unit else text
    if isinstance(value, Fraction):
        return _fraction(value)
    if isinstance(value, DateSpan):
        return date_span(value)
    return str(value)


def days_apart(value: Quantity) -> str:
    """A relation's size: `10 to 18 days apart`, `at least 365 days apart`, `the same day`."""
    low, high = _trim(value.low or Decimal(0)), None if value.high is None else _trim(value.high)
    if high is None:
        return f"at least {low} days apart"
    if low == high:
        return "the same day" if low == "0" else f"{low} days apart"
    return f"{low} to {high} days apart"


def _fraction(value: Fraction) -> str:
    def pct(number: Decimal) -> str:
        return f"{_trim(number * 100)}%"

    low, high = value.low, value.high
    if low is not None and low == high:
        return pct(low)
    left = "[" if value.low_inclusive else "("
    right = "]" if value.high_inclusive else ")"
    return f"{left}{pct(low) if low is not None else '0%'}, {pct(high) if high is not None else '100%'}{right}"


def authored(value) -> str:
    """Kinds that are compared as written."""
    if isinstance(value, SetValue):
        items = ", ".join(sorted(value.items))
        return f"{{{items}}}" + (" (complete list)" if value.exhaustive else "")
    if isinstance(value, QuoteValue):
        return f"{value.speaker}: {'verbatim' if value.verbatim else 'paraphrased'}"
    if isinstance(value, BooleanValue):
        return "yes" if value.value else "no"
    if isinstance(value, RelationValue):
        return f"{value.relation} {value.event}"
    if isinstance(value, EntityValue):
        return value.entity
    return str(value)
