"""The size of a relation ("hours earlier", "two weeks after", "shortly after") as an interval
of whole calendar days between the two events' dates.

Built on `parse_quantity` for the numbered forms ("two weeks", "about three months", "a few
days"); the bare words news uses without a number ("hours", "shortly", "weeks") have fixed
readings below. A number is read as rounded to its unit ("two weeks" is 1.5 to 2.5 weeks),
and any duration as a gap of calendar days between two events that may fall at any time of
their days, so "hours" is 0 or 1 day apart.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from checker.model.values import Quantity
from checker.normalize import NormalizationError, NormalizeOptions, parse_quantity

DAYS = "day"
# unit -> (fewest, most) days it can last
UNIT_DAYS = {
    "minute": (Decimal(1) / 1440, Decimal(1) / 1440),
    "hour": (Decimal(1) / 24, Decimal(1) / 24),
    "day": (Decimal(1), Decimal(1)),
    "week": (Decimal(7), Decimal(7)),
    "month": (Decimal(28), Decimal(31)),
    "year": (Decimal(365), Decimal(366)),
}
# words with no number: (fewest, most) calendar days apart; None: no upper bound
BARE_WORDS = {
    "moments": (0, 1), "minutes": (0, 1), "hours": (0, 1), "the same day": (0, 0),
    "shortly": (0, 7), "soon": (0, 7), "days": (1, 14), "weeks": (7, 92),
    "months": (28, 1096), "years": (365, None),
}
_ARTICLE = re.compile(r"\ban?\s+(?=(?:minute|hour|day|week|month|year)\b)")
_HINT = ("Write the size as the article says it: 'hours', 'shortly', 'two weeks', 'about three months', "
         "'a few days'.")


def parse_offset(text: str, options: NormalizeOptions) -> Quantity:
    words = " ".join(text.lower().split())
    for suffix in (" earlier", " later", " after", " before", " afterwards", " apart"):
        words = words.removesuffix(suffix)
    if words in BARE_WORDS:
        low, high = BARE_WORDS[words]
        return Quantity(low=Decimal(low), high=None if high is None else Decimal(high), unit=DAYS)
    quantity = parse_quantity(_ARTICLE.sub("1 ", words), options)
    unit = (quantity.unit or "").rstrip("s")
    if unit not in UNIT_DAYS:
        raise NormalizationError(f"{text!r} is not a length of time", _HINT)
    return _calendar_days(quantity, unit)


def _calendar_days(quantity: Quantity, unit: str) -> Quantity:
    shortest, longest = UNIT_DAYS[unit]
    low, high = quantity.low or Decimal(0), quantity.high
    if quantity.hedge is None and quantity.is_point:  # a stated number is rounded to its unit
        low, high = max(Decimal(0), low - Decimal("0.5")), low + Decimal("0.5")
    low_days = math.floor(low * shortest)
    high_days = None if high is None else math.ceil(high * longest)
    return Quantity(low=Decimal(low_days), high=None if high_days is None else Decimal(high_days), unit=DAYS,
                    hedge=quantity.hedge)
