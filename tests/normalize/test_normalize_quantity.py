"""parse_quantity and convert: counts, measurements and rates, expected values worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from checker.model.values import Hedge
from checker.normalize import NormalizationError, convert, parse_quantity
from checker.normalize.quantity import singular


def exact(value: D | int, unit: str | None) -> tuple:
    return (D(value), D(value), True, True, None, unit)


# text -> (low, high, low_inclusive, high_inclusive, hedge, unit)
EXAMPLES = {
    "10 gigawatts": exact(10, "gigawatt"),
    "10GW": exact(10, "gigawatt"),
    "10 GW": exact(10, "gigawatt"),
    "1.5 gigawatts": exact(D("1.5"), "gigawatt"),
    "500 megawatts": exact(500, "megawatt"),
    "500MW": exact(500, "megawatt"),
    "2 GWh": exact(2, "gigawatt-hour"),
    "2 gigawatt-hours": exact(2, "gigawatt-hour"),
    "10 gigawatts of capacity": exact(10, "gigawatt"),
    "1,000 racks per week": exact(1000, "rack/week"),
    "1,000 racks a week": exact(1000, "rack/week"),
    "1,000 racks/week": exact(1000, "rack/week"),
    "five facilities": exact(5, "facility"),
    "5 facilities": exact(5, "facility"),
    "one facility": exact(1, "facility"),
    "5 data centers": exact(5, "data center"),
    "more than 20 factories": (D(20), None, False, True, Hedge.MORE_THAN, "factory"),
    "tens of thousands of GPUs": (D(20_000), D(100_000), True, False, Hedge.VAGUE, "gpu"),
    "about 100,000 chips": (D(90_000), D(110_000), True, True, Hedge.APPROXIMATE, "chip"),
    "hundreds of jobs": (D(200), D(1000), True, False, Hedge.VAGUE, "job"),
    "thousands of jobs": (D(2000), D(1_000_000), True, False, Hedge.VAGUE, "job"),
    "dozens of jobs": (D(24), D(100), True, False, Hedge.VAGUE, "job"),
    "several factories": (D(3), D(10), True, False, Hedge.VAGUE, "factory"),
    "a few hundred jobs": (D(200), D(1000), True, False, Hedge.VAGUE, "job"),
    "nearly 1,000 workers": (D(900), D(1000), True, False, Hedge.NEARLY, "worker"),
    "up to 5 GW": (D(0), D(5), True, True, Hedge.UP_TO, "gigawatt"),
    "at least 3 plants": (D(3), None, True, True, Hedge.AT_LEAST, "plant"),
    "a dozen": exact(12, None),
    "two dozen": exact(24, None),
    "two million": exact(2_000_000, None),
    "two million users": exact(2_000_000, "user"),
    "5m users": exact(5_000_000, "user"),
    "100k users": exact(100_000, "user"),
    "twenty-five": exact(25, None),
    "twenty five": exact(25, None),
    "ninety": exact(90, None),
    "thirteen": exact(13, None),
    "one hundred": exact(100, None),
    "a hundred": exact(100, None),
    "two hundred fifty thousand": exact(250_000, None),
    "a thousand": exact(1000, None),
    "five": exact(5, None),
    "5": exact(5, None),
    "more than 20": (D(20), None, False, True, Hedge.MORE_THAN, None),
    "3-5 years": (D(3), D(5), True, True, Hedge.RANGE, "year"),
    "three to five years": (D(3), D(5), True, True, Hedge.RANGE, "year"),
    "3 years to 5 years": (D(3), D(5), True, True, Hedge.RANGE, "year"),
    "2-3 million GPUs": (D(2_000_000), D(3_000_000), True, True, Hedge.RANGE, "gpu"),
    "40%": exact(40, "percent"),
    "100+ stores": (D(100), None, True, True, Hedge.AT_LEAST, "store"),
}


@pytest.mark.parametrize("text", list(EXAMPLES))
def test_quantity_examples(text: str) -> None:
    quantity = parse_quantity(text)
    actual = (
        quantity.low,
        quantity.high,
        quantity.low_inclusive,
        quantity.high_inclusive,
        quantity.hedge,
        quantity.unit,
    )
    assert actual == EXAMPLES[text]


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("racks", "rack"),
        ("facilities", "facility"),
        ("factories", "factory"),
        ("gpus", "gpu"),
        ("chips", "chip"),
        ("switches", "switch"),
        ("boxes", "box"),
        ("glasses", "glass"),
        ("people", "person"),
        ("buses", "bus"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("rack", "rack"),
    ],
)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_acronym_plurals_fold() -> None:
    assert parse_quantity("10 ASICs").unit == "asic"


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("500 MW", "GW", D("0.5"), D("0.5")),
        ("10 GW", "megawatt", D(10_000), D(10_000)),
        ("about 500 MW", "gigawatt", D("0.45"), D("0.55")),
        ("2 TWh", "GWh", D(2000), D(2000)),
        ("more than 1.5 GW", "MW", D(1500), None),
    ],
)
def test_convert_power_and_energy(text: str, unit: str, low: D, high: D | None) -> None:
    converted = convert(parse_quantity(text), unit)
    assert (converted.low, converted.high) == (low, high)
    assert converted.hedge == parse_quantity(text).hedge


@pytest.mark.parametrize(
    ("text", "unit"), [("5 facilities", "GW"), ("5", "GW"), ("10 GW", "GWh"), ("10 GW", "parsec"), ("10 GW", "")]
)
def test_convert_refuses_other_dimensions(text: str, unit: str) -> None:
    with pytest.raises(NormalizationError):
        convert(parse_quantity(text), unit)


def test_convert_refuses_what_is_not_a_quantity() -> None:
    with pytest.raises(NormalizationError):
        convert(None, "GW")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("20 factories in Texas", "'in'"),
        ("3 years to 5 months", "mixes units"),
        ("2 per week", "rate without"),
        ("10 GW 5 MW", "more than one value"),
        ("5 GW facilities", "more than one unit"),
        ("-5 factories", "negative"),
        ("1e9", "more than one value"),
        ("1.500 workers", "could mean 1500"),
        ("", "empty"),
    ],
)
def test_quantity_errors(text: str, in_message: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_quantity(text)
    assert in_message in caught.value.message
