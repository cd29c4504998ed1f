"""From a parsed expression to interval bounds: what each hedge word means.

Decisions:

- "around/about/roughly/approximately/some/close to X" and "an estimated X" are
  [X*(1-t), X*(1+t)]; "nearly/almost/just under X" is [X*(1-t), X) (tolerances
  from `NormalizeOptions`).
- "more than X" is (X, none); "at least X" and "X-plus" are [X, none);
  "up to X" is [0, X] and "less than X" is [0, X): amounts are never negative.
  Fractions cap every side at 1 ("about 95%" is [0.855, 1]).
- Only "around" and "an estimated" combine with a range (they widen it) or with
  a vague amount (which is already wide, so it is unchanged).
- Two bounds ("more than 10 and at most 40", "at most 60 and at least 15") are
  the interval between them, each end open or closed as its hedge says; two
  lower (or two upper) bounds are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from typing import TypeVar

from pydantic import ValidationError

from checker.model.values import Hedge, Interval
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.expressions import Expression
from checker.normalize.numbers import Amount, tidy
from checker.normalize.options import NormalizeOptions

WIDENING_HEDGES = (Hedge.APPROXIMATE, Hedge.ESTIMATED)
IntervalModel = TypeVar("IntervalModel", bound=Interval)


@dataclass(frozen=True)
class Bounds:
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    hedge: Hedge | None = None


def bounds_of(
    expression: Expression,
    amounts: Sequence[Amount],
    options: NormalizeOptions,
    text: str,
    ceiling: Decimal | None = None,
) -> Bounds:
    """The interval the amounts (one per side, in base units) and the hedge describe."""
    with localcontext() as context:
        context.prec = 60  # hedging a 24-digit amount must not round it
        bounds = _raw_bounds(expression, amounts, options, text, ceiling)
    bounds = replace(
        bounds,
        low=None if bounds.low is None else tidy(bounds.low),
        high=None if bounds.high is None else tidy(bounds.high),
    )
    if _is_empty(bounds):
        raise NormalizationError(f"{quoted(text)} describes an empty interval.", "Check the hedge word and the amount.")
    return bounds


def alternative_reading(
    expression: Expression, amounts: Sequence[Amount], options: NormalizeOptions, text: str
) -> str | None:
    """The interval an ambiguous separator's other reading gives ("200000000000"), or None."""
    if all(amount.alternative is None for amount in amounts):
        return None
    other = [amount if amount.alternative is None else Amount.point(amount.alternative) for amount in amounts]
    try:
        bounds = bounds_of(expression, other, options, text)
    except NormalizationError:
        return None
    if bounds.low == bounds.high:
        return str(bounds.low)
    return f"{'' if bounds.low is None else bounds.low}..{'' if bounds.high is None else bounds.high}"


def interval_model(model: type[IntervalModel], bounds: Bounds, text: str, **fields: object) -> IntervalModel:
    """A Money, Quantity or Fraction holding the bounds; its own validation failing is a NormalizationError."""
    try:
        return model(
            low=bounds.low,
            high=bounds.high,
            low_inclusive=bounds.low_inclusive,
            high_inclusive=bounds.high_inclusive,
            hedge=bounds.hedge,
            **fields,
        )
    except ValidationError as error:
        raise NormalizationError(f"{quoted(text)} is not a valid value: {error.errors()[0]['msg']}.") from None


def _is_empty(bounds: Bounds) -> bool:
    if bounds.low is None or bounds.high is None:
        return False
    if bounds.low == bounds.high:
        return not (bounds.low_inclusive and bounds.high_inclusive)
    return bounds.low > bounds.high


def _raw_bounds(
    expression: Expression, amounts: Sequence[Amount], options: NormalizeOptions, text: str, ceiling: Decimal | None
) -> Bounds:
    hedge = expression.hedge
    if expression.bounds is not None:
        return _two_bounds(expression.bounds, amounts, options, text, ceiling)
    if len(amounts) == 2:
        if expression.plus:
            raise NormalizationError(f"{quoted(text)} puts 'plus' after a range.", "Use a range or 'X-plus', not both.")
        return _range_bounds(hedge, amounts, options, text, ceiling=ceiling)
    amount = amounts[0]
    if expression.plus:
        if hedge is not None:
            raise NormalizationError(f"{quoted(text)} has two hedges ('plus' and another).", "Keep one of them.")
        hedge = Hedge.AT_LEAST
    if not amount.is_point:
        if hedge not in (None, *WIDENING_HEDGES):
            raise NormalizationError(
                f"{quoted(text)} hedges an amount that is already vague.", "Drop the hedge or state a number."
            )
        return Bounds(amount.low, amount.high, amount.low_inclusive, amount.high_inclusive, amount.implied_hedge)
    return _hedged_point(hedge, amount.low, options.tolerance(hedge) if hedge else Decimal(0), ceiling)


def _hedged_point(hedge: Hedge | None, value: Decimal, tolerance: Decimal, ceiling: Decimal | None) -> Bounds:
    zero = Decimal(0)
    if hedge is None:
        return Bounds(value, value)
    if hedge in WIDENING_HEDGES:
        return Bounds(value * (1 - tolerance), _capped(value * (1 + tolerance), ceiling), hedge=hedge)
    if hedge is Hedge.NEARLY:
        return Bounds(value * (1 - tolerance), value, high_inclusive=False, hedge=hedge)
    if hedge is Hedge.MORE_THAN:
        return Bounds(value, ceiling, low_inclusive=False, hedge=hedge)
    if hedge is Hedge.AT_LEAST:
        return Bounds(value, ceiling, hedge=hedge)
    if hedge is Hedge.UP_TO:
        return Bounds(zero, value, hedge=hedge)
    return Bounds(zero, value, high_inclusive=False, hedge=hedge)


def _range_bounds(
    hedge: Hedge | None, amounts: Sequence[Amount], options: NormalizeOptions, text: str, *, ceiling: Decimal | None
) -> Bounds:
    first, second = amounts
    if first.low > second.high:
        raise NormalizationError(
            f"The range in {quoted(text)} runs backwards.", "Put the smaller amount first, as in '$2-3 billion'."
        )
    if hedge is None:
        return Bounds(first.low, second.high, first.low_inclusive, second.high_inclusive, Hedge.RANGE)
    if hedge not in WIDENING_HEDGES:
        raise NormalizationError(
            f"{quoted(text)} puts '{hedge.value}' before a range.", "Use a range or a hedged amount, not both."
        )
    tolerance = options.tolerance(hedge)
    return Bounds(first.low * (1 - tolerance), _capped(second.high * (1 + tolerance), ceiling), hedge=hedge)


LOWER_BOUNDS = (Hedge.MORE_THAN, Hedge.AT_LEAST)
UPPER_BOUNDS = (Hedge.LESS_THAN, Hedge.UP_TO, Hedge.NEARLY)


def _two_bounds(
    hedges: tuple[Hedge, Hedge],
    amounts: Sequence[Amount],
    options: NormalizeOptions,
    text: str,
    ceiling: Decimal | None,
) -> Bounds:
    pairs = list(zip(hedges, amounts, strict=True))
    lower = [pair for pair in pairs if pair[0] in LOWER_BOUNDS]
    upper = [pair for pair in pairs if pair[0] in UPPER_BOUNDS]
    if len(lower) != 1 or len(upper) != 1 or not all(amount.is_point for amount in amounts):
        raise NormalizationError(
            f"{quoted(text)} joins two bounds that do not make a range.",
            "Give one lower bound and one upper bound, as in 'more than 10 and less than 40'.",
        )
    low = _hedged_point(lower[0][0], lower[0][1].low, Decimal(0), ceiling)
    high = _hedged_point(upper[0][0], upper[0][1].low, options.tolerance(upper[0][0]), ceiling)
    return Bounds(low.low, high.high, low.low_inclusive, high.high_inclusive, Hedge.RANGE)


def _capped(value: Decimal, ceiling: Decimal | None) -> Decimal:
    return value if ceiling is None else min(value, ceiling)
