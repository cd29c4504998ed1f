"""The arithmetic an article states (`qualifiers.derived`), computed on intervals (CC111).

Figures are intervals (`checker.model.values.Interval`, a None side unbounded). The
arithmetic is exact (rationals, not decimals), so scaling every amount by one factor never
changes a verdict through rounding. `compute` takes the derived claim and the claims it
names and says what the article's own computation gives and whether the stated value fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction as Exact

from checker.index.describe import interval
from checker.model.claims import Property
from checker.model.factors import factor_of
from checker.model.values import Interval, Money, Quantity
from checker.normalize import NormalizationError, parse_quantity

Bound = Exact | None  # None: unbounded on that side


@dataclass(frozen=True)
class Span:
    """A closed interval of exact numbers; None is unbounded on its side."""

    low: Bound
    high: Bound

    @classmethod
    def of(cls, value: Interval) -> Span:
        return cls(None if value.low is None else Exact(value.low), None if value.high is None else Exact(value.high))

    def plus(self, other: Span) -> Span:
        return Span(_add(self.low, other.low), _add(self.high, other.high))

    def minus(self, other: Span) -> Span:
        return Span(_add(self.low, _negated(other.high)), _add(self.high, _negated(other.low)))

    def times(self, factor: Exact) -> Span:  # factor > 0
        return Span(None if self.low is None else self.low * factor, None if self.high is None else self.high * factor)

    def divided_by(self, other: Span) -> Span | None:
        """Self ÷ other for a divisor above zero; None when the divisor may be zero or below."""
        if other.low is None or other.low <= 0:
            return None
        return Span(_lowest_quotient(self.low, other), _highest_quotient(self.high, other))

    def widened(self, relative: Exact) -> Span:
        return Span(None if self.low is None else self.low - abs(self.low) * relative,
                    None if self.high is None else self.high + abs(self.high) * relative)

    def meets(self, other: Span) -> bool:
        return _at_most(self.low, other.high) and _at_most(other.low, self.high)

    def as_interval(self) -> Interval:
        return Interval(low=_decimal(self.low), high=_decimal(self.high))


def _lowest_quotient(numerator: Bound, divisor: Span) -> Bound:
    if numerator is None:
        return None
    if numerator >= 0:
        return Exact(0) if divisor.high is None else numerator / divisor.high
    return numerator / divisor.low


def _highest_quotient(numerator: Bound, divisor: Span) -> Bound:
    if numerator is None:
        return None
    if numerator >= 0:
        return numerator / divisor.low
    return Exact(0) if divisor.high is None else numerator / divisor.high


def _add(first: Bound, second: Bound) -> Bound:
    return None if first is None or second is None else first + second


def _negated(bound: Bound) -> Bound:
    return None if bound is None else -bound


def _at_most(low: Bound, high: Bound) -> bool:
    return low is None or high is None or low <= high


def _decimal(number: Bound) -> Decimal | None:
    if number is None:
        return None
    return (Decimal(number.numerator) / Decimal(number.denominator)).normalize()


@dataclass(frozen=True)
class Computation:
    shown: str = ""  # the computation, e.g. `USD 90 billion ÷ 6`
    result: str = ""  # what it gives
    slack: str = ""  # the tolerance it was widened by, when any
    fits: bool = False
    problem: str = ""  # why it cannot be computed, when it cannot


def measure(value) -> tuple[str | None, str | None] | None:
    """What a figure counts (currency, unit); None for a value that is no figure."""
    if isinstance(value, Money):
        return (value.currency, None)
    if isinstance(value, Quantity):
        return (None, value.unit)
    return None


def compute(claim, operands, prop: Property) -> Computation:
    """The derived claim's computation from the claims it names, within the property's tolerance."""
    return judge(claim.claim.qualifiers.derived, claim.value, [operand.value for operand in operands],
                 Exact(str(prop.tolerance.relative)))


def judge(derived, target, values: list, relative: Exact) -> Computation:
    """What the computation `derived` gives from `values`, and whether `target` fits it once the
    result is widened by `relative` on each side."""
    if measure(target) is None or any(measure(value) is None for value in values):
        return Computation(problem="these values are not amounts that can be computed with")
    outcome = _operate(derived, target, values)
    if isinstance(outcome, str):
        return Computation(problem=outcome)
    span, shown = outcome
    fits = span.widened(relative).meets(Span.of(target))
    unit = getattr(target, "currency", None) or ""
    result = interval(span.as_interval(), unit) + (f" {target.unit}" if getattr(target, "unit", None) else "")
    slack = f" (within {float(relative):.0%} either way)" if relative else ""
    return Computation(shown, result, slack, fits)


def _operate(derived, target, values) -> tuple[Span, str] | str:
    spans = [Span.of(value) for value in values]
    texts = [_figure(value) for value in values]
    relation = derived.relation
    if relation != "average" and any(measure(value) != measure(target) for value in values):
        return "its figures are in different currencies or units"
    if relation == "ratio":
        factor = factor_of(derived.factor)
        return spans[0].times(factor), f"{derived.factor} × {texts[0]}"
    if relation == "sum":
        total = spans[0]
        for span in spans[1:]:
            total = total.plus(span)
        return total, " + ".join(texts)
    if relation == "difference":
        return spans[0].minus(spans[1]), f"{texts[0]} − {texts[1]}"
    return _average(derived, target, values, spans, texts)


def _average(derived, target, values, spans, texts) -> tuple[Span, str] | str:
    if measure(values[0]) != measure(target):
        return "the total and the average are in different currencies or units"
    if len(values) == 2:
        divisor, shown = spans[1], texts[1]
    else:
        try:
            periods = parse_quantity(derived.over)
        except NormalizationError as error:
            return f"`over` {derived.over!r} is no number of periods: {error.message}"
        divisor, shown = Span.of(periods), derived.over
    quotient = spans[0].divided_by(divisor)
    if quotient is None:
        return f"the divisor {shown} may be zero"
    return quotient, f"{texts[0]} ÷ {shown}"


def _figure(value) -> str:
    text = interval(value, getattr(value, "currency", "") or "")
    unit = getattr(value, "unit", None)
    return f"{text} {unit}" if unit else text
