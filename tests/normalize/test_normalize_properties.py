"""Invariants of the normalizers, checked with hypothesis (derandomized, so CI is deterministic)."""

from __future__ import annotations

import calendar
import contextlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.model.values import Interval
from checker.normalize import (
    DEFAULT_OPTIONS,
    MAX_AMOUNT,
    NormalizationError,
    NormalizeOptions,
    parse_date,
    parse_fraction,
    parse_money,
    parse_quantity,
)

# Derandomized and without an example database, so every run (and CI) tries the same examples.
PROPERTY = settings(
    derandomize=True, database=None, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
FIRST_DAY, LAST_DAY = date(1800, 1, 1), date(2200, 12, 31)

# (scale word, multiplier, may it stand apart from the number?)
SCALE_WORDS = [
    ("million", 10**6, True),
    ("mln", 10**6, True),
    ("mn", 10**6, True),
    ("m", 10**6, False),
    ("M", 10**6, False),
    ("billion", 10**9, True),
    ("bn", 10**9, True),
    ("bln", 10**9, True),
    ("B", 10**9, False),
    ("b", 10**9, False),
    ("trillion", 10**12, True),
    ("tn", 10**12, True),
    ("trn", 10**12, True),
    ("T", 10**12, False),
]
CURRENCIES = [("$", "USD"), ("US$", "USD"), ("USD ", "USD"), ("€", "EUR"), ("£", "GBP"), ("NT$", "TWD"), ("¥", "JPY")]

# Up to three decimals and below a million, so a trillion-scaled amount stays under MAX_AMOUNT.
amounts = st.integers(min_value=0, max_value=999_999_999).map(lambda thousandths: Decimal(thousandths).scaleb(-3))


def amount_text(amount: Decimal, grouped: bool) -> str:
    """As a newsroom writes it: no trailing zeros, optionally with thousands commas."""
    return format(amount.normalize(), ",f" if grouped else "f")


def unscaled_text(amount: Decimal) -> str:
    """Without a scale word "1.234" is refused as ambiguous; the documented way to mean the decimal is "1.2340"."""
    text = amount_text(amount, True)
    head, dot, tail = text.partition(".")
    return text + "0" if dot and len(tail) == 3 and "," not in head and not head.startswith("0") else text


@PROPERTY
@given(
    amount=amounts,
    scale=st.sampled_from(SCALE_WORDS),
    currency=st.sampled_from(CURRENCIES),
    grouped=st.booleans(),
    spaced=st.booleans(),
)
def test_money_round_trips_any_amount_and_scale(
    amount: Decimal, scale: tuple[str, int, bool], currency: tuple[str, str], grouped: bool, spaced: bool
) -> None:
    word, multiplier, may_stand_apart = scale
    gap = " " if spaced and may_stand_apart else ""
    money = parse_money(f"{currency[0]}{amount_text(amount, grouped)}{gap}{word}")
    assert money.low == money.high == amount * multiplier
    assert (money.currency, money.hedge) == (currency[1], None)


@PROPERTY
@given(low=amounts, high=amounts, scale=st.sampled_from(SCALE_WORDS[:3] + SCALE_WORDS[5:8]))
def test_money_ranges_lend_their_scale_to_the_first_number(
    low: Decimal, high: Decimal, scale: tuple[str, int, bool]
) -> None:
    low, high = min(low, high), max(low, high)
    word, multiplier, _ = scale
    money = parse_money(f"${amount_text(low, False)}-{amount_text(high, False)} {word}")
    assert (money.low, money.high) == (low * multiplier, high * multiplier)


HEDGES = ["", "about ", "around ", "more than ", "at least ", "up to ", "less than ", "nearly ", "an estimated "]
money_phrases = st.one_of(
    st.builds(
        lambda hedge, currency, amount, scale, plus: f"{hedge}{currency}{amount_text(amount, False)} {scale}{plus}",
        st.sampled_from(HEDGES),
        st.sampled_from([prefix for prefix, _ in CURRENCIES]),
        amounts,
        st.sampled_from(["million", "billion", "trillion", "bn", "thousand", "crore"]),
        st.sampled_from(["", "", "-plus", "+"]),
    ),
    st.builds(
        lambda shape, first, second: shape.format(amount_text(first, False), amount_text(second, False)),
        st.sampled_from(["between ${} and ${} billion", "${}-{} million", "from €{}bn to €{}bn", "about ${} to ${}"]),
        amounts,
        amounts,
    ),
)


def assert_sound(interval: Interval) -> None:
    """Bounds are ordered, amounts never negative, and the interval holds at least one value."""
    if interval.low is not None:
        assert interval.low >= 0
    if interval.low is not None and interval.high is not None:
        assert interval.low <= interval.high
        if interval.low == interval.high:
            assert interval.low_inclusive and interval.high_inclusive


@PROPERTY
@given(text=money_phrases)
def test_any_money_reading_is_a_sound_interval(text: str) -> None:
    try:
        money = parse_money(text)
    except NormalizationError:
        return
    assert_sound(money)
    assert money.low is None or money.low <= MAX_AMOUNT * Decimal("1.1")


def contains(interval: Interval, value: Decimal) -> bool:
    above_low = interval.low is None or interval.low < value or (interval.low == value and interval.low_inclusive)
    below_high = (
        interval.high is None or value < interval.high or (value == interval.high and interval.high_inclusive)
    )
    return above_low and below_high


INCLUSIVE_HEDGES = ["about", "around", "roughly", "approximately", "some", "close to", "an estimated",
                    "at least", "up to", "as much as", "at most"]  # fmt: skip
OPEN_BELOW_HEDGES = ["more than", "over", "upwards of", "in excess of"]
OPEN_ABOVE_HEDGES = ["less than", "under", "nearly", "almost", "just under"]
positive_amounts = st.integers(min_value=1, max_value=999_999_999).map(lambda thousandths: Decimal(thousandths) / 1000)
PARSERS_WITH_FORMATS: list[tuple[Callable[[str], Interval], str, Decimal]] = [
    (parse_money, "${} billion", Decimal(10**9)),
    (parse_quantity, "{} GW", Decimal(1)),
    (parse_quantity, "{} factories", Decimal(1)),
]


@PROPERTY
@given(
    amount=positive_amounts,
    hedge=st.sampled_from(INCLUSIVE_HEDGES + OPEN_BELOW_HEDGES + OPEN_ABOVE_HEDGES + ["-plus"]),
    kind=st.sampled_from(PARSERS_WITH_FORMATS),
)
def test_hedged_values_contain_the_unhedged_point(
    amount: Decimal, hedge: str, kind: tuple[Callable[[str], Interval], str, Decimal]
) -> None:
    parse, shape, multiplier = kind
    stated = shape.format(unscaled_text(amount) if multiplier == 1 else amount_text(amount, True))
    text = f"{stated}-plus" if hedge == "-plus" else f"{hedge} {stated}"
    interval, point = parse(text), amount * multiplier
    assert point == parse(stated).low == parse(stated).high
    if hedge in OPEN_BELOW_HEDGES:  # "more than X": X itself is the open lower bound
        assert (interval.low, interval.low_inclusive, interval.high) == (point, False, None)
    elif hedge in OPEN_ABOVE_HEDGES:  # "less than X", "nearly X": X is the open upper bound
        assert (interval.high, interval.high_inclusive) == (point, False)
        assert interval.low is not None and interval.low < point
    else:
        assert contains(interval, point)
    assert_sound(interval)


@PROPERTY
@given(
    percent=st.integers(min_value=1, max_value=99),
    hedge=st.sampled_from(INCLUSIVE_HEDGES + OPEN_BELOW_HEDGES + OPEN_ABOVE_HEDGES),
)
def test_hedged_fractions_contain_the_point_and_stay_within_one(percent: int, hedge: str) -> None:
    fraction, point = parse_fraction(f"{hedge} {percent}%"), Decimal(percent) / 100
    if hedge in OPEN_BELOW_HEDGES:
        assert (fraction.low, fraction.low_inclusive, fraction.high) == (point, False, Decimal(1))
    elif hedge in OPEN_ABOVE_HEDGES:
        assert (fraction.high, fraction.high_inclusive) == (point, False)
    else:
        assert contains(fraction, point)
    assert fraction.low is not None and fraction.high is not None
    assert Decimal(0) <= fraction.low <= fraction.high <= Decimal(1)


@PROPERTY
@given(amount=positive_amounts, tolerance=st.integers(min_value=0, max_value=50).map(lambda p: Decimal(p) / 100))
def test_approximate_width_follows_the_option(amount: Decimal, tolerance: Decimal) -> None:
    money = parse_money(f"about ${unscaled_text(amount)}", NormalizeOptions(approximate_tolerance=tolerance))
    assert (money.low, money.high) == (amount * (1 - tolerance), amount * (1 + tolerance))


SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen \
seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spelled(number: int) -> str:
    """An independent speller, for checking the word reader."""
    if number >= 1000:
        rest = number % 1000
        return f"{spelled(number // 1000)} thousand" + (f" {spelled(rest)}" if rest else "")
    if number >= 100:
        rest = number % 100
        return f"{SMALL[number // 100]} hundred" + (f" {spelled(rest)}" if rest else "")
    if number >= 20:
        return TENS[number // 10 - 2] + (f"-{SMALL[number % 10]}" if number % 10 else "")
    return SMALL[number]


@PROPERTY
@given(number=st.integers(min_value=0, max_value=999_999), unit=st.sampled_from(["", " facilities", " GW"]))
def test_numbers_in_words_read_back(number: int, unit: str) -> None:
    quantity = parse_quantity(spelled(number) + unit)
    assert quantity.low == quantity.high == number


@PROPERTY
@given(
    reference=st.dates(min_value=date(1800, 1, 7), max_value=LAST_DAY),
    weekday=st.integers(min_value=0, max_value=6),
    prefix=st.sampled_from(["", "on ", "last ", "On "]),
    abbreviated=st.booleans(),
)
def test_a_weekday_resolves_within_the_week_ending_at_the_reference(
    reference: date, weekday: int, prefix: str, abbreviated: bool
) -> None:
    name = (calendar.day_abbr if abbreviated else calendar.day_name)[weekday]
    span = parse_date(prefix + name, reference)
    assert span.start is not None and span.start == span.end
    assert span.start.weekday() == weekday == span.weekday
    assert 0 <= (reference - span.start).days <= 6
    constraint = parse_date(prefix + name)
    assert (constraint.start, constraint.end, constraint.weekday) == (None, None, weekday)


DATE_FORMATS: list[Callable[[date], str]] = [
    lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{calendar.month_abbr[d.month]}. {d.day}, {d.year}",
    lambda d: f"{calendar.month_abbr[d.month]} {d.day} {d.year}",
    lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{calendar.day_name[d.weekday()]}, {calendar.month_name[d.month]} {d.day}, {d.year}",
]


@PROPERTY
@given(
    day=st.dates(min_value=FIRST_DAY, max_value=LAST_DAY),
    form=st.sampled_from(DATE_FORMATS),
    reference=st.none() | st.dates(min_value=FIRST_DAY, max_value=LAST_DAY),
)
def test_written_dates_round_trip(day: date, form: Callable[[date], str], reference: date | None) -> None:
    span = parse_date(form(day), reference)
    assert span.start == span.end == day
    assert span.is_day


@PROPERTY
@given(day=st.dates(min_value=FIRST_DAY, max_value=LAST_DAY), shift=st.integers(min_value=1, max_value=6))
def test_a_weekday_that_disagrees_with_its_date_is_refused(day: date, shift: int) -> None:
    wrong = calendar.day_name[(day.weekday() + shift) % 7]
    with pytest.raises(NormalizationError) as caught:
        parse_date(f"{wrong}, {calendar.month_name[day.month]} {day.day}, {day.year}")
    assert calendar.day_name[day.weekday()] in caught.value.message


VOCABULARY = [
    "$", "€", "NT$", "Rs", "%", "+", "-", "–", "/", ",", ".", "'", "0", "1", "2.5", "1,000", "100.000", "1.234",
    "1,5", "20", "31", "2025", "99999", "1e999", "NaN", "Infinity", "billion", "bn", "m", "B", "T", "k", "crore",
    "dozen", "hundred", "thousand", "hundreds", "tens", "of", "billions", "several", "a", "few", "half", "third",
    "two-thirds", "quarter", "two", "twenty", "most", "majority", "all", "in", "out", "more", "than", "at", "least",
    "up", "to", "between", "and", "from", "around", "nearly", "an", "estimated", "plus", "dollars", "GW", "racks",
    "per", "week", "GPUs", "years", "percent", "November", "Nov", "Friday", "last", "this", "next", "past",
    "recent", "months", "year", "by", "since", "end", "the", "early", "mid", "late", "earlier", "H2", "Q3", "1990s",
    "today", "decade", "second", "first", "\x00", "\u200b", "٣", "²",
    # forms of issue 12
    "ago", "weekend", "night", "morning", "century", "18th", "21st", "winter", "fall", "Christmas", "Thanksgiving",
    "Labor", "Day", "New", "Year's", "Eve", "within", "over", "course", "'70s", "1H", "3Q", "cents", "pence",
    "MEUR", "US$", "HK$", "initial", "further", "build", "grow", "or", "less", "so", "&", "but", "smaller",
    "25 000", "1 000", "fortnight", "coming", "close", "closing", "year-end", "period", "five-year", "5-GW",
    "monthly", "run-rate", "from", "now", "tonight",
]  # fmt: skip
token_soup = st.lists(st.sampled_from(VOCABULARY), max_size=14).flatmap(
    lambda words: st.sampled_from([" ", ""]).map(lambda gap: gap.join(words))
)
PARSERS: list[Callable[[str], object]] = [parse_money, parse_quantity, parse_fraction, parse_date]


def returns_or_refuses(parse: Callable[..., object], *arguments: object) -> None:
    with contextlib.suppress(NormalizationError):
        parse(*arguments)


@settings(PROPERTY, max_examples=500)
@given(text=st.text(max_size=80) | token_soup | st.text(min_size=495, max_size=510))
def test_any_text_returns_a_value_or_raises_normalization_error(text: str) -> None:
    for parse in PARSERS:
        returns_or_refuses(parse, text)


@settings(PROPERTY, max_examples=500)
@given(text=token_soup, reference=st.none() | st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_any_date_text_with_any_reference_returns_or_refuses(text: str, reference: date | None) -> None:
    returns_or_refuses(parse_date, text, reference)


@settings(PROPERTY, max_examples=500)
@given(text=token_soup, reference=st.none() | st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_any_date_text_in_the_future_tense_returns_or_refuses(text: str, reference: date | None) -> None:
    returns_or_refuses(parse_date, text, reference, DEFAULT_OPTIONS, "future")


@settings(PROPERTY)
@given(
    low=st.integers(min_value=1, max_value=30),
    extra=st.integers(min_value=0, max_value=30),
    unit=st.sampled_from(["days", "weeks", "months", "years"]),
    lead=st.sampled_from(["within", "over", "over the course of", "over the next"]),
    reference=st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31)),
)
def test_a_horizon_starts_at_the_reference_and_its_lengths_are_ordered(
    low: int, extra: int, unit: str, lead: str, reference: date
) -> None:
    counted = f"{low} to {low + extra}" if extra else str(low)
    span = parse_date(f"{lead} {counted} {unit}", reference)
    assert span.start == reference and span.end is not None and span.end > reference
    assert span.horizon_years is not None and span.horizon_years > 0
    assert span.horizon_min_years is None or span.horizon_min_years <= span.horizon_years


PATHOLOGICAL = [
    "1" * 100_000,
    "$" + "1," * 50_000,
    "between " * 20_000,
    "a " * 50_000,
    "(" * 100_000,
    "1" * 500,
    "$" + "1," * 249,
    "between " * 62,
    "$1" + " thousand" * 54,
    "twenty-" * 71,
    "hundreds of " * 45,
    "-" * 500,
    "Nov " * 125,
    "the past " * 55,
    "$" + "1" * 499,
    "1." * 250,
    "1 000 " * 83,
    "and a half " * 45,
    "a quarter of " * 38,
    "build up to " * 41,
    "more than 1 and " * 31,
    "last " * 100,
    "early " * 83,
    "within " * 71,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda text: f"{text[:12]!r}x{len(text)}")
def test_pathological_inputs_complete(text: str) -> None:
    for parse in PARSERS:
        returns_or_refuses(parse, text)
