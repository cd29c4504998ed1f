"""Normalization: the surface text of a news value -> the interval it means.

Pure functions, one per kind of value. Each returns a frozen value from
`checker.model.values` or raises NormalizationError, whatever the input.

    parse_money("about $1.4 trillion")           -> Money [1.26e12, 1.54e12] USD
    parse_quantity("more than 20 factories")     -> Quantity (20, none) "factory"
    parse_fraction("two-thirds")                 -> Fraction [0.666..., 0.666...]
    parse_date("Friday", reference=date(2025, 11, 23)) -> DateSpan 2025-11-21

Modules, in reading order: tokens (tokenizer, phrase tables), scales (scale
words), number_words (numbers in words), numbers (numerals, digit grouping,
vague amounts), expressions (the shared grammar of hedges, ranges, bounds and
"-plus"), intervals (what each hedge means), money, quantity, fraction,
calendar_spans (calendar arithmetic), date_forms (the basic date shapes),
windows (windows and horizons), date_extras (seasons, holidays, centuries,
"ago", weekends, parts of the day) and dates. Each module's docstring lists
the decisions it makes.

Stage 2 of the flow; takes text (and a reference date), gives values. May import:
`checker.model`.
"""

from checker.normalize.calendar_spans import MAX_YEAR, MIN_YEAR
from checker.normalize.dates import parse_date
from checker.normalize.errors import NeedsPublicationDate, NormalizationError
from checker.normalize.fraction import parse_fraction
from checker.normalize.money import parse_money
from checker.normalize.numbers import MAX_AMOUNT
from checker.normalize.options import DEFAULT_OPTIONS, NormalizeOptions
from checker.normalize.quantity import convert, parse_quantity
from checker.normalize.tokens import MAX_INPUT_LENGTH

__all__ = [
    "DEFAULT_OPTIONS",
    "MAX_AMOUNT",
    "MAX_INPUT_LENGTH",
    "MAX_YEAR",
    "MIN_YEAR",
    "NeedsPublicationDate",
    "NormalizationError",
    "NormalizeOptions",
    "convert",
    "parse_date",
    "parse_fraction",
    "parse_money",
    "parse_quantity",
]
