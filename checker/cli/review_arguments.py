"""`claimcheck review`'s free-text arguments, checked before the check runs: a mistake is one line.

The limits are the Review model's own, so the command and `claims/reviews.yaml` agree.
"""

from __future__ import annotations

import argparse
import datetime as dt

from annotated_types import MaxLen, MinLen
from pydantic import ValidationError

from checker.model.reviews import Review


def text_problem(field: str, text: str) -> str | None:
    """What is wrong with `text` as the Review field `field` (reviewer, reason), in one line, or None."""
    metadata = Review.model_fields[field].metadata
    shortest = next((item.min_length for item in metadata if isinstance(item, MinLen)), 1)
    longest = next((item.max_length for item in metadata if isinstance(item, MaxLen)), None)
    if not text.strip():
        return f"--{field} is empty; write {_what(field)}"
    if len(text.strip()) < shortest:
        return f"--{field} is too short (at least {shortest} characters); write {_what(field)}"
    if longest is not None and len(text) > longest:
        return f"--{field} is too long (at most {longest} characters)"
    return None


def review_arguments_problem(args: argparse.Namespace) -> str | None:
    """The first problem of the review's free-text arguments, found before the (slow) check runs."""
    return next((problem for field in ("reviewer", "reason")
                 if (problem := text_problem(field, getattr(args, field))) is not None), None)


def _what(field: str) -> str:
    return {"reviewer": "who decided, e.g. --reviewer 'A. Editor'",
            "reason": "why, in a sentence, e.g. --reason 'the filing says $500 billion'"}.get(field, "a value")


def review_date(text: str) -> dt.date:
    """An argparse type for --date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} must be a date written YYYY-MM-DD") from None


def one_line(error: ValidationError) -> str:
    """A pydantic validation error as one line: each field and what is wrong with it."""
    parts = []
    for item in error.errors(include_url=False):
        where = ".".join(str(step) for step in item["loc"]) or "value"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)
