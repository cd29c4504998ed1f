"""CC111's arithmetic on intervals: its verdicts do not depend on the scale of the amounts, and a
stated figure within the tolerance of the computed one never conflicts."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.index.arithmetic import Span, judge
from checker.model.claims import Derived
from checker.model.factors import factor_of
from checker.model.values import Hedge, Money, Quantity

AMOUNTS = st.integers(1, 10**9).map(Decimal)
SCALES = st.sampled_from([Decimal("0.001"), Decimal(2), Decimal(7), Decimal(1000), Decimal("1E+6")])
TOLERANCES = st.sampled_from([Fraction(0), Fraction(1, 100), Fraction(5, 100), Fraction(1, 5)])


@st.composite
def money(draw):
    """A money figure as news states it: exact, `more than`, `up to` or a range."""
    low = draw(AMOUNTS)
    shape = draw(st.sampled_from(["point", "more-than", "up-to", "range"]))
    if shape == "point":
        return Money(low=low, high=low, currency="USD")
    if shape == "more-than":
        return Money(low=low, high=None, low_inclusive=False, hedge=Hedge.MORE_THAN, currency="USD")
    if shape == "up-to":
        return Money(low=Decimal(0), high=low, hedge=Hedge.UP_TO, currency="USD")
    return Money(low=low, high=low + draw(AMOUNTS), hedge=Hedge.RANGE, currency="USD")


def _scaled(value: Money, scale: Decimal) -> Money:
    return value.model_copy(update={"low": None if value.low is None else value.low * scale,
                                    "high": None if value.high is None else value.high * scale})


@st.composite
def computations(draw):
    """(derived, stated money, the money it is computed from, a count it divides by or None)."""
    relation = draw(st.sampled_from(["ratio", "sum", "difference", "average-over", "average-of"]))
    stated = draw(money())
    if relation == "ratio":
        return Derived(**{"from": ["a"], "relation": "ratio", "factor": draw(st.sampled_from(["triple", "halve", "2.5 times"]))}), stated, [draw(money())], None
    if relation in ("sum", "difference"):
        return Derived(**{"from": ["a", "b"], "relation": relation}), stated, [draw(money()), draw(money())], None
    if relation == "average-over":
        return Derived(**{"from": ["a"], "relation": "average", "over": "six years"}), stated, [draw(money())], None
    units = Quantity(low=Decimal(draw(st.integers(1, 500))), high=None, unit="megawatt")
    units = units.model_copy(update={"high": units.low})
    return Derived(**{"from": ["a", "b"], "relation": "average"}), stated, [draw(money())], units


@given(computations(), SCALES, TOLERANCES)
def test_scaling_every_amount_by_one_factor_changes_no_verdict(computation, scale, tolerance):
    derived, stated, amounts, divisor = computation
    tail = [] if divisor is None else [divisor]
    before = judge(derived, stated, [*amounts, *tail], tolerance)
    after = judge(derived, _scaled(stated, scale), [*(_scaled(a, scale) for a in amounts), *tail], tolerance)
    assert (before.fits, before.problem) == (after.fits, after.problem)


@given(st.integers(1, 10**9), st.sampled_from(["ratio", "sum", "average-over", "average-of"]), TOLERANCES,
       st.integers(-100, 100), st.integers(1, 10**6), st.sampled_from([2, 4, 5, 8, 10]))
def test_a_stated_figure_within_the_tolerance_never_conflicts(first, relation, tolerance, share, second, count):
    a, b = Money(low=Decimal(first), high=Decimal(first), currency="USD"), Money(low=Decimal(second), high=Decimal(second), currency="USD")
    if relation == "ratio":
        derived, values, exact = Derived(**{"from": ["a"], "relation": "ratio", "factor": "2.5 times"}), [a], Fraction(first) * Fraction(5, 2)
    elif relation == "sum":
        derived, values, exact = Derived(**{"from": ["a", "b"], "relation": "sum"}), [a, b], Fraction(first + second)
    elif relation == "average-over":
        derived, values, exact = Derived(**{"from": ["a"], "relation": "average", "over": f"{count} years"}), [a], Fraction(first, count)
    else:
        units = Quantity(low=Decimal(count), high=Decimal(count), unit="megawatt")
        derived, values, exact = Derived(**{"from": ["a", "b"], "relation": "average"}), [a, units], Fraction(first, count)
    off_by = tolerance * Fraction(share, 100)  # at most the tolerance, either way
    stated_number = exact * (1 + off_by)
    stated = Decimal(stated_number.numerator) / Decimal(stated_number.denominator)
    assert Fraction(stated) == stated_number  # counts and tolerances are chosen so that it is exact
    assert judge(derived, Money(low=stated, high=stated, currency="USD"), values, tolerance).fits


def test_a_computation_outside_the_tolerance_conflicts():
    total = Money(low=Decimal(90), high=Decimal(90), currency="USD")
    derived = Derived(**{"from": ["t"], "relation": "average", "over": "six years"})
    assert judge(derived, Money(low=Decimal(15), high=Decimal(15), currency="USD"), [total], Fraction(0)).fits
    assert not judge(derived, Money(low=Decimal(16), high=Decimal(16), currency="USD"), [total], Fraction(1, 20)).fits
    assert judge(derived, Money(low=Decimal(15.7), high=Decimal(15.7), currency="USD"), [total], Fraction(1, 20)).fits


@pytest.mark.parametrize(("stated", "factor"), [("double", 2), ("triple", 3), ("halve", Fraction(1, 2)),
                                                ("2.5 times", Fraction(5, 2)), ("3x", 3), (4, 4), ("a third", Fraction(1, 3))])
def test_the_factor_an_article_states(stated, factor):
    assert factor_of(stated) == factor


@pytest.mark.parametrize("stated", ["a lot", "0", "-2", True, "zero times"])
def test_a_factor_that_is_no_positive_number_is_unreadable(stated):
    assert factor_of(stated) is None


def test_interval_division_bounds_every_quotient():
    quotient = Span(Fraction(10), Fraction(20)).divided_by(Span(Fraction(2), Fraction(5)))
    assert (quotient.low, quotient.high) == (Fraction(2), Fraction(10))
    assert Span(Fraction(1), Fraction(2)).divided_by(Span(Fraction(0), Fraction(5))) is None
