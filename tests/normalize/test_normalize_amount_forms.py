"""Money and quantity forms from news and annotated corpora: grouping, currencies, word numbers,
two-sided ranges, bounds after the amount, scope words, growth verbs, hyphenated units.

Expected intervals are worked out by hand; each table row is a form an editor may write as
the article words it.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from checker.model.values import Hedge
from checker.normalize import NormalizationError, parse_fraction, parse_money, parse_quantity

K, MILLION, BILLION, TRILLION = D(10) ** 3, D(10) ** 6, D(10) ** 9, D(10) ** 12
RANGE = Hedge.RANGE


def point(value: D, currency: str = "USD") -> tuple:
    return (value, value, True, True, currency, None)


# text -> (low, high, low_inclusive, high_inclusive, currency, hedge)
MONEY = {
    # digits grouped by spaces (plain, thin, narrow no-break), commas or dots
    "48 500 euros": point(D(48_500), "EUR"),
    "€ 3\u2009250\u2009000": point(D(3_250_000), "EUR"),
    "7\u202f000 pounds": point(D(7000), "GBP"),
    "12 000,50 €": point(D("12000.50"), "EUR"),
    "2,750,000 dollars": point(D(2_750_000)),
    "4.500.000 €": point(D(4_500_000), "EUR"),
    # a scale word after an ambiguous separator: the decimal reading
    "$350.000 million": point(350 * MILLION),
    "€2,4 trillion": point(D("2.4") * TRILLION, "EUR"),
    # currencies, any case, with or without a space, codes before or after
    "US $ 40 million": point(40 * MILLION),
    "c$ 12 billion": point(12 * BILLION, "CAD"),
    "C $12 billion": point(12 * BILLION, "CAD"),
    "a$7.5bn": point(D("7.5") * BILLION, "AUD"),
    "hk $ 8 billion": point(8 * BILLION, "HKD"),
    "s $ 2 billion": point(2 * BILLION, "SGD"),
    "us $ 1.2 bn": point(D("1.2") * BILLION),
    "eur 5 mln": point(5 * MILLION, "EUR"),
    "nt$ 90 billion": point(90 * BILLION, "TWD"),
    "¥ 1.2 trillion": point(D("1.2") * TRILLION, "JPY"),
    "₹ 900 crore": point(9 * BILLION, "INR"),
    "rs 45 lakh": point(D(4_500_000), "INR"),
    "£ 70m": point(70 * MILLION, "GBP"),
    "€ 9bn": point(9 * BILLION, "EUR"),
    "gbp 15 million": point(15 * MILLION, "GBP"),
    "40 million usd": point(40 * MILLION),
    "SEK 3 billion": point(3 * BILLION, "SEK"),
    "MEUR 12": point(12 * MILLION, "EUR"),
    "kEUR 450": point(450 * K, "EUR"),
    "USDm 30": point(30 * MILLION),
    "35 cents": point(D("0.35")),
    "99 pence": point(D("0.99"), "GBP"),
    "20p": point(D("0.2"), "GBP"),
    "50 euro cents": point(D("0.5"), "EUR"),
    "40 bucks": point(D(40)),
    # fractions of a scale word and letter scales
    "half billion dollars": point(500 * MILLION),
    "half a trillion euros": point(500 * BILLION, "EUR"),
    "a quarter billion dollars": point(250 * MILLION),
    "a quarter of a billion dollars": point(250 * MILLION),
    "two and a half million dollars": point(D(2_500_000)),
    "a billion and a half dollars": point(D(1_500_000_000)),
    "$2.25bn": point(D("2.25") * BILLION),
    "$8.3k": point(D(8300)),
    "$45 k": point(45 * K),
    "$45 K": point(45 * K),
    "$6.1B": point(D("6.1") * BILLION),
    "$9 M": point(9 * MILLION),
    "a $5-billion deal": point(5 * BILLION),
    # word numbers
    "three million, two hundred and fifty thousand dollars": point(D(3_250_000)),
    "one hundred and twelve dollars": point(D(112)),
    "seventy & five euros": point(D(75), "EUR"),
    "a dozen dollars": point(D(12)),
    "hundreds of millions of dollars": (200 * MILLION, BILLION, True, False, "USD", Hedge.VAGUE),
    "hundreds of million dollars": (200 * MILLION, BILLION, True, False, "USD", Hedge.VAGUE),
    "tens of thousands of euros": (20 * K, 100 * K, True, False, "EUR", Hedge.VAGUE),
    "thousands of dollars": (2 * K, MILLION, True, False, "USD", Hedge.VAGUE),
    # two-sided ranges in words; ends open or closed as the words say
    "more than $25 and less than $60": (D(25), D(60), False, False, "USD", RANGE),
    "greater than $1 million and smaller than $3 million": (MILLION, 3 * MILLION, False, False, "USD", RANGE),
    "at least $15 but less than $30": (D(15), D(30), True, False, "USD", RANGE),
    "more than €5bn and at most €8bn": (5 * BILLION, 8 * BILLION, False, True, "EUR", RANGE),
    "at most $90 and at least $45": (D(45), D(90), True, True, "USD", RANGE),
    "above $3,000 and below $3,500": (D(3000), D(3500), False, False, "USD", RANGE),
    "over 10 and under 20 million dollars": (10 * MILLION, 20 * MILLION, False, False, "USD", RANGE),
    "more than 4 and less than or equal to 9 billion euros": (4 * BILLION, 9 * BILLION, False, True, "EUR", RANGE),
    "from three thousand to three thousand and five hundred dollars": (D(3000), D(3500), True, True, "USD", RANGE),
    "between 7 and 9 billion dollars": (7 * BILLION, 9 * BILLION, True, True, "USD", RANGE),
    "between two hundred and three hundred dollars": (D(200), D(300), True, True, "USD", RANGE),
    "between 2 & 3 billion euros": (2 * BILLION, 3 * BILLION, True, True, "EUR", RANGE),
    "$5-7 B": (5 * BILLION, 7 * BILLION, True, True, "USD", RANGE),
    "€4–€6 billion": (4 * BILLION, 6 * BILLION, True, True, "EUR", RANGE),
    # hedges and bounds after the amount
    "$450 million at least": (450 * MILLION, None, True, True, "USD", Hedge.AT_LEAST),
    "$3 billion or more": (3 * BILLION, None, True, True, "USD", Hedge.AT_LEAST),
    "€700 million or less": (D(0), 700 * MILLION, True, True, "EUR", Hedge.UP_TO),
    "$20 million, tops": (D(0), 20 * MILLION, True, True, "USD", Hedge.UP_TO),
    "$40 million or so": (36 * MILLION, 44 * MILLION, True, True, "USD", Hedge.APPROXIMATE),
    "some €8 billion": (D("7.2") * BILLION, D("8.8") * BILLION, True, True, "EUR", Hedge.APPROXIMATE),
    "roughly $6bn": (D("5.4") * BILLION, D("6.6") * BILLION, True, True, "USD", Hedge.APPROXIMATE),
    "well over $7 billion": (7 * BILLION, None, False, True, "USD", Hedge.MORE_THAN),
    "slightly less than €2 billion": (D("1.8") * BILLION, 2 * BILLION, True, False, "EUR", Hedge.NEARLY),
    "well below $1 million": (D(0), MILLION, True, False, "USD", Hedge.LESS_THAN),
    "as little as $3 million": (3 * MILLION, None, True, True, "USD", Hedge.AT_LEAST),
    "from $4bn up to $6bn": (4 * BILLION, 6 * BILLION, True, True, "USD", RANGE),
    "$3bn to $4bn range": (3 * BILLION, 4 * BILLION, True, True, "USD", RANGE),
    # more scale words
    "three quarters of a billion dollars": point(750 * MILLION),
    "$12MM": point(12 * MILLION),
    "€8 Mio": point(8 * MILLION, "EUR"),
    "4 Mrd euros": point(4 * BILLION, "EUR"),
    "30 grand dollars": point(30 * K),
    # verbs of growth name the target, never a bound
    "build up to $60 billion": point(60 * BILLION),
    "grow to €15 billion": point(15 * BILLION, "EUR"),
    "rising to $9 billion": point(9 * BILLION),
    "reach $1 trillion": point(TRILLION),
}


@pytest.mark.parametrize("text", list(MONEY))
def test_money_forms(text: str) -> None:
    money = parse_money(text)
    assert (money.low, money.high, money.low_inclusive, money.high_inclusive, money.currency, money.hedge) == MONEY[
        text
    ]


@pytest.mark.parametrize(
    ("text", "scope_word", "without_it"),
    [
        ("an initial $2 billion", "initial", "$2 billion"),
        ("a further €500 million", "further", "€500 million"),
        ("an additional $3bn", "additional", "$3bn"),
        ("another $1 billion", "another", "$1 billion"),
        ("some initial $4 billion", "initial", "some $4 billion"),
    ],
)
def test_a_scope_word_is_kept_and_leaves_the_interval_alone(text: str, scope_word: str, without_it: str) -> None:
    money = parse_money(text)
    assert money.scope_word == scope_word
    assert money.model_copy(update={"scope_word": None}) == parse_money(without_it)


@pytest.mark.parametrize(
    ("text", "read", "alternative"),
    [
        ("$200.000 million", 200 * MILLION, "200000000000"),
        ("€1,500 million", 1500 * MILLION, "1500000"),  # English grouping stays; the decimal comma is the other
        ("$1.250 billion", D("1.25") * BILLION, "1250000000000"),
        ("$1.5 billion", D("1.5") * BILLION, None),  # one reading only
        ("€1,6 trillion", D("1.6") * TRILLION, None),  # a comma before one digit can only be decimal
        ("$2,000,000", 2 * MILLION, None),
    ],
)
def test_an_ambiguous_separator_keeps_the_other_reading(text: str, read: D, alternative: str | None) -> None:
    money = parse_money(text)
    assert money.low == money.high == read
    assert money.alternative == alternative


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("more than $5 and more than $9", "do not make a range"),
        ("less than $5 and at most $9", "do not make a range"),
        ("about $5 billion or so", "two hedges"),
        ("$5 million $6 million", "more than one value"),
        ("50 cents 60 cents", "more than one value"),
    ],
)
def test_amount_form_errors(text: str, in_message: str) -> None:
    with pytest.raises(NormalizationError) as caught:
        parse_money(text)
    assert in_message in caught.value.message


def test_a_bound_word_never_turns_a_growth_verb_into_a_ceiling() -> None:
    assert parse_money("build up to $80 billion").hedge is None
    assert parse_money("up to $80 billion").hedge is Hedge.UP_TO


# text -> (low, high, low_inclusive, high_inclusive, hedge, unit)
QUANTITIES = {
    "45-GW": (D(45), D(45), True, True, None, "gigawatt"),
    "a 5-gigawatt campus": (D(5), D(5), True, True, None, "gigawatt"),
    "a 1.2-gigawatt data center": (D("1.2"), D("1.2"), True, True, None, "gigawatt"),
    "a 300-MW plant": (D(300), D(300), True, True, None, "megawatt"),
    "8GW": (D(8), D(8), True, True, None, "gigawatt"),
    "a 250-truck monthly run-rate": (D(250), D(250), True, True, None, "truck/month"),
    "900 robots per week": (D(900), D(900), True, True, None, "robot/week"),
    "2,000 wafers monthly": (D(2000), D(2000), True, True, None, "wafer/month"),
    "ramp up to 6 GW": (D(6), D(6), True, True, None, "gigawatt"),
    "scale up to 10,000 racks": (D(10_000), D(10_000), True, True, None, "rack"),
    "a further 2 GW": (D(2), D(2), True, True, None, "gigawatt"),
    "20 new factories": (D(20), D(20), True, True, None, "new factory"),
    "a dozen sites": (D(12), D(12), True, True, None, "site"),
    "two million, four hundred and six": (D(2_000_406), D(2_000_406), True, True, None, None),
    "ninety & nine": (D(99), D(99), True, True, None, None),
    "hundreds of millions of users": (200 * MILLION, BILLION, True, False, Hedge.VAGUE, "user"),
    "tens of thousands of chips": (20 * K, 100 * K, True, False, Hedge.VAGUE, "chip"),
    "more than ten and less than or equal to forty": (D(10), D(40), False, True, RANGE, None),
    "at most 60 and at least 15 plants": (D(15), D(60), True, True, RANGE, "plant"),
    "5,000 jobs or more": (D(5000), None, True, True, Hedge.AT_LEAST, "job"),
    "30 GW at least": (D(30), None, True, True, Hedge.AT_LEAST, "gigawatt"),
    "12 k units": (12 * K, 12 * K, True, True, None, "unit"),
    "a gigawatt": (D(1), D(1), True, True, None, "gigawatt"),
    "a couple hundred engineers": (D(200), D(300), True, True, Hedge.VAGUE, "engineer"),
    "10 000 employees": (10 * K, 10 * K, True, True, None, "employee"),
}


@pytest.mark.parametrize("text", list(QUANTITIES))
def test_quantity_forms(text: str) -> None:
    quantity = parse_quantity(text)
    actual = (quantity.low, quantity.high, quantity.low_inclusive, quantity.high_inclusive, quantity.hedge)
    assert (*actual, quantity.unit) == QUANTITIES[text]


def test_a_spaced_lowercase_m_is_never_a_million() -> None:
    assert parse_quantity("5 m").high == 5
    assert parse_quantity("5 M users").high == 5 * MILLION


@pytest.mark.parametrize(
    ("text", "known", "low", "high", "currency"),
    [
        ("hundreds of billions", "USD", 200 * BILLION, TRILLION, "USD"),
        ("tens of millions", "EUR", 20 * MILLION, 100 * MILLION, "EUR"),
        ("about 3 billion", "INR", D("2.7") * BILLION, D("3.3") * BILLION, "INR"),
        ("€5 billion", "USD", 5 * BILLION, 5 * BILLION, "EUR"),  # a written currency wins over the known one
    ],
)
def test_a_known_currency_reads_an_amount_that_names_none(
    text: str, known: str, low: D, high: D, currency: str
) -> None:
    money = parse_money(text, currency=known)
    assert (money.low, money.high, money.currency) == (low, high, currency)


def test_a_known_currency_must_be_an_iso_code() -> None:
    with pytest.raises(NormalizationError):
        parse_money("5 billion", currency="dollars")


@pytest.mark.parametrize(
    ("text", "low", "high", "hedge"),
    [
        ("90 percent or more", D("0.9"), D(1), Hedge.AT_LEAST),
        ("50%+", D("0.5"), D(1), Hedge.AT_LEAST),
        ("40% or less", D(0), D("0.4"), Hedge.UP_TO),
        ("a 10% stake", D("0.1"), D("0.1"), None),
        ("more than 20% and less than 30%", D("0.2"), D("0.3"), RANGE),
    ],
)
def test_fraction_bounds_after_the_share(text: str, low: D, high: D, hedge: Hedge | None) -> None:
    fraction = parse_fraction(text)
    assert (fraction.low, fraction.high, fraction.hedge) == (low, high, hedge)
