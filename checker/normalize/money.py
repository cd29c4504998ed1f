"""Money: "$1.37 billion", "about €2bn", "between $2 billion and $3 billion", "Rs 500 crore".

Decisions:

- A bare "$", "dollar" or "dollars" is `NormalizeOptions.default_currency`; a
  named dollar ("NT$", "HK$", "A$", "C$", "S$", "US$", "USD") wins over it, so
  "NT$10 billion dollars" is TWD. "¥" is JPY; "yuan" and "RMB" are CNY.
- An amount without any currency ("1.4 trillion", "hundreds of billions") is
  refused: the reader cannot know what it counts. Write "hundreds of billions of
  dollars" or "$1.4 trillion", or pass the `currency` the context knows.
- Words around the amount that carry no value ("in", "of", "worth", "deal",
  "valued at", "a ... deal", "investment") are ignored; any other word is an
  error, so a typo never silently changes the value.
- A rate ("$2 billion annually", "$20 billion in annualized revenue") is
  refused rather than read as a total: the period belongs in the claim's
  property, and the quoted value should be the amount alone.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from checker.model.values import Money
from checker.normalize.errors import NormalizationError, quoted
from checker.normalize.examples import suggesting
from checker.normalize.expressions import (
    Item,
    Marker,
    Side,
    filler_reader,
    marker_reader,
    parse_expression,
    read_connector,
    read_hedge,
    read_items,
    read_plus,
    read_scope_word,
    read_stated,
    read_target_verb,
    read_trailing_hedge,
)
from checker.normalize.intervals import alternative_reading, bounds_of, interval_model
from checker.normalize.numbers import check_magnitude, read_amount
from checker.normalize.options import DEFAULT_OPTIONS, NormalizeOptions, checked_options
from checker.normalize.tokens import PhraseTable, Token, tokenize

MONEY_HINT = (
    "Write an amount with its currency, like '$1.4 trillion', 'about €2bn', "
    "'between $2 billion and $3 billion', 'more than $100 million' or 'Rs 500 crore'."
)

ANY_DOLLAR = "$"
"""Marker for "$" or "dollars" without a country: the default currency unless one is named."""

DOLLAR_CURRENCIES = frozenset({"USD", "TWD", "HKD", "AUD", "CAD", "SGD", "NZD"})

_CURRENCY_NAMES: dict[str, list[str]] = {
    ANY_DOLLAR: ["$", "dollar", "dollars", "-dollar"],
    "USD": ["US$", "US $", "U.S. $", "USD", "US dollars", "U.S. dollars", "American dollars"],
    "TWD": ["NT$", "NT $", "TWD", "NTD", "Taiwan dollars", "new Taiwan dollars", "Taiwanese dollars"],
    "HKD": ["HK$", "HK $", "HKD", "Hong Kong dollars"],
    "AUD": ["A$", "AU$", "AUD", "Australian dollars"],
    "CAD": ["C$", "CA$", "CAD", "Canadian dollars"],
    "SGD": ["S$", "SGD", "Singapore dollars"],
    "NZD": ["NZ$", "NZD", "New Zealand dollars"],
    "EUR": ["€", "EUR", "euro", "euros"],
    "GBP": ["£", "GBP", "pound", "pounds", "sterling", "pounds sterling"],
    "JPY": ["¥", "JPY", "yen", "Japanese yen"],
    "CNY": ["yuan", "CNY", "RMB", "renminbi", "Chinese yuan", "元"],
    "INR": ["₹", "Rs", "INR", "rupee", "rupees", "Indian rupees"],
    "KRW": ["₩", "KRW", "won", "Korean won"],
    "CHF": ["CHF", "Swiss francs"],
    "BRL": ["R$", "BRL", "reais"],
    **{code: [code] for code in ("SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "MXN", "RUB", "TRY", "SAR",
                                 "AED", "ILS", "THB", "IDR", "MYR", "PHP", "VND", "ARS", "CLP", "COP", "EGP",
                                 "NGN", "PKR", "BDT", "QAR", "KWD")},
}  # fmt: skip
_CURRENCY_NAMES[ANY_DOLLAR] += ["buck", "bucks"]
_CURRENCY_NAMES["USD"] += ["US dollar", "U.S. dollar"]
_CURRENCY_NAMES["CAD"] += ["C $", "CA $"]
_CURRENCY_NAMES["AUD"] += ["AU $"]  # not "A $": "a $5 million deal" is an article and a dollar sign
_CURRENCY_NAMES["NZD"] += ["NZ $"]
_CURRENCY_NAMES["SGD"] += ["S $"]
_CURRENCY_NAMES["BRL"] += ["R $"]


@dataclass(frozen=True)
class ScaledCurrency:
    """A currency word that carries a multiplier: "cents" (1/100), "MEUR" (a million euros)."""

    code: str
    factor: Decimal


_SCALED_CURRENCY_NAMES: dict[str, ScaledCurrency] = {
    **dict.fromkeys(["cent", "cents", "¢"], ScaledCurrency(ANY_DOLLAR, Decimal("0.01"))),
    **dict.fromkeys(["euro cent", "euro cents", "eurocent", "eurocents"], ScaledCurrency("EUR", Decimal("0.01"))),
    **dict.fromkeys(["penny", "pence"], ScaledCurrency("GBP", Decimal("0.01"))),
    **dict.fromkeys(["paisa", "paise"], ScaledCurrency("INR", Decimal("0.01"))),
    **{
        f"{prefix}{code}": ScaledCurrency(code, factor)
        for code in ("EUR", "USD", "GBP", "CHF")
        for prefix, factor in (("M", Decimal(10) ** 6), ("k", Decimal(10) ** 3), ("T", Decimal(10) ** 3))
    },
    **{
        f"{code}{suffix}": ScaledCurrency(code, factor)
        for code in ("EUR", "USD", "GBP")
        for suffix, factor in (("m", Decimal(10) ** 6), ("mn", Decimal(10) ** 6), ("bn", Decimal(10) ** 9))
    },
}
CURRENCY_PHRASES: PhraseTable[Hashable] = PhraseTable(
    {name: code for code, names in _CURRENCY_NAMES.items() for name in names} | _SCALED_CURRENCY_NAMES
)
MONEY_FILLERS: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(
        ["in", "of", "worth", "deal", "deals", "the", "a", "an", "at", "valued at", "total", "totaling",
         "totalling", "sum of", "investment", "investments", "agreement", "commitment", "commitments",
         "spending", "funding", "contract", "package", "range", "a range of", "the range of", "region",
         "the region of"],
        True,
    )
)
RATE_PHRASES: PhraseTable[str] = PhraseTable(
    {
        phrase: phrase
        for period in ("year", "month", "quarter", "week", "day")
        for phrase in (f"a {period}", f"per {period}", f"each {period}", f"every {period}", f"/{period}")
    }
    | {word: word for word in ("annually", "annual", "annualized", "annualised", "yearly", "per annum",
                               "monthly", "quarterly", "weekly", "daily")}
)  # fmt: skip


def _refuse_rate(tokens: Sequence[Token], start: int) -> None:
    found = RATE_PHRASES.match(tokens, start)
    if found is not None and read_amount(tokens, start) is None:  # "a quarter billion" is an amount
        raise NormalizationError(
            f"'{found[0]}' makes this a rate, not an amount of money.",
            "Quote the amount alone and put the period in the claim's property, such as annual investment.",
        )


def _read_pence(tokens: Sequence[Token], start: int) -> tuple[Item, int] | None:
    """'50p': a "p" glued to a number is pence."""
    token = tokens[start]
    if token.is_word("p") and token.glued and start and tokens[start - 1].is_number:
        return Marker(ScaledCurrency("GBP", Decimal("0.01"))), start + 1
    return None


MONEY_READERS = (
    _refuse_rate,
    read_target_verb,
    read_hedge,
    read_plus,
    read_trailing_hedge,
    marker_reader(CURRENCY_PHRASES),
    _read_pence,
    read_scope_word,
    read_connector,
    read_stated,
    filler_reader(MONEY_FILLERS),
)


@suggesting("money")
def parse_money(text: str, options: NormalizeOptions = DEFAULT_OPTIONS, currency: str | None = None) -> Money:
    """The interval of money a phrase states, in the currency's base unit (dollars, not cents).

    `currency` is the currency the context already knows (a property counted in one
    currency): a text without any currency ("hundreds of billions") is read in it.
    """
    options = checked_options(options)
    known = None if currency is None else NormalizeOptions(default_currency=currency).default_currency
    items = read_items(tokenize(text), MONEY_READERS, text, MONEY_HINT)
    expression = parse_expression(items, text, MONEY_HINT, markers_lead=True)
    sides = expression.sides
    if known is not None:
        sides = tuple(side if side.markers else replace(side, markers=(known,)) for side in sides)
    currency = _currency_of(sides, options, text)
    amounts = [check_magnitude(side.amount.times(_factor_of(side)), text) for side in expression.sides]
    bounds = bounds_of(expression, amounts, options, text)
    alternative = alternative_reading(expression, amounts, options, text)
    return interval_model(
        Money, bounds, text, currency=currency, scope_word=expression.scope_word, alternative=alternative
    )


def _factor_of(side: Side) -> Decimal:
    factors = [marker.factor for marker in side.markers if isinstance(marker, ScaledCurrency)]
    return factors[0] if factors else Decimal(1)


def _currency_of(sides: Sequence[Side], options: NormalizeOptions, text: str) -> str:
    codes = {_side_currency(side, options, text) for side in sides}
    if None in codes:
        raise NormalizationError(f"{quoted(text)} has no currency.", "Add the currency symbol, as in '$1.4 trillion'.")
    if len(codes) > 1:
        raise NormalizationError(
            f"{quoted(text)} mixes currencies ({', '.join(sorted(map(str, codes)))}).",
            "Give both ends of a range in one currency.",
        )
    return str(codes.pop())


def _side_currency(side: Side, options: NormalizeOptions, text: str) -> str | None:
    codes = {marker.code if isinstance(marker, ScaledCurrency) else marker for marker in side.markers}
    if len([marker for marker in side.markers if isinstance(marker, ScaledCurrency)]) > 1:
        raise NormalizationError(f"{quoted(text)} names two currency units.", "Keep one currency symbol or code.")
    named = {code for code in codes if code != ANY_DOLLAR}
    if len(named) > 1:
        raise NormalizationError(
            f"{quoted(text)} names more than one currency ({', '.join(sorted(map(str, named)))}).",
            "Keep one currency symbol or code.",
        )
    if named:
        code = str(named.pop())
        if ANY_DOLLAR in codes and code not in DOLLAR_CURRENCIES:
            raise NormalizationError(
                f"{quoted(text)} calls {code} dollars.", "Keep one currency symbol or code."
            )
        return code
    return options.default_currency if ANY_DOLLAR in codes else None
