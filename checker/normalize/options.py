"""Tunable readings of hedge words, shared by every normalizer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from checker.model.values import Hedge
from checker.normalize.errors import NormalizationError


@dataclass(frozen=True)
class NormalizeOptions:
    """How wide a hedge word makes an interval, and which currency a bare "$" means.

    "around $X" and "an estimated $X" become [X*(1-t), X*(1+t)];
    "nearly $X" becomes [X*(1-t), X).
    """

    approximate_tolerance: Decimal = Decimal("0.10")
    estimated_tolerance: Decimal = Decimal("0.10")
    nearly_tolerance: Decimal = Decimal("0.10")
    default_currency: str = "USD"

    def __post_init__(self) -> None:
        for name in ("approximate_tolerance", "estimated_tolerance", "nearly_tolerance"):
            object.__setattr__(self, name, _checked_tolerance(name, getattr(self, name)))
        currency = self.default_currency
        if not (isinstance(currency, str) and len(currency) == 3 and currency.isascii() and currency.isupper()):
            raise NormalizationError(
                f"default_currency {currency!r} is not an ISO 4217 code.",
                "Use three capital letters, such as 'USD' or 'EUR'.",
            )

    def tolerance(self, hedge: Hedge) -> Decimal:
        """The relative tolerance a hedge word adds; zero for hedges that set a hard bound."""
        if hedge is Hedge.APPROXIMATE:
            return self.approximate_tolerance
        if hedge is Hedge.ESTIMATED:
            return self.estimated_tolerance
        if hedge is Hedge.NEARLY:
            return self.nearly_tolerance
        return Decimal(0)


def _checked_tolerance(name: str, value: object) -> Decimal:
    try:
        # str() first so a float such as 0.1 means 0.1, not its binary approximation.
        tolerance = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        tolerance = Decimal("NaN")
    if not tolerance.is_finite() or not Decimal(0) <= tolerance < Decimal(1):
        raise NormalizationError(
            f"{name} is {value!r}; it must be a number from 0 up to (not including) 1.",
            "Write it as a Decimal such as Decimal('0.10') for ten percent.",
        )
    return tolerance


DEFAULT_OPTIONS = NormalizeOptions()


def checked_options(options: object) -> NormalizeOptions:
    if not isinstance(options, NormalizeOptions):
        raise NormalizationError(
            f"Expected NormalizeOptions, got {type(options).__name__}.", "Pass NormalizeOptions(...) or leave it out."
        )
    return options
