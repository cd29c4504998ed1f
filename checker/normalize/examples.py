"""Accepted wordings of each kind of value, and the closest one to a text that cannot be read.

An error for an unreadable value names the accepted example nearest to what the editor
wrote (by `difflib`'s similarity of the lowercased texts), so the hint shows a wording
that works and looks like theirs. The lists double as the examples of `docs/values.md`;
a test keeps every one of them readable.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from checker.normalize.errors import UnreadableValue

MONEY_EXAMPLES = (
    "$1.4 trillion", "$1.37bn", "US$5 million", "€2,5 billion", "25 000 euros", "1.000.000 €", "£300m",
    "¥10 billion", "Rs 500 crore", "HK$3 billion", "NT$10 billion", "C$2 billion", "A$1.5 billion",
    "USD 5 million", "5 million euros", "MEUR 3", "75 cents", "50 pence", "half a billion dollars",
    "a quarter billion dollars", "three and a half billion dollars", "$4.7k", "$2-3 billion", "$3–$6 billion",
    "between $2 billion and $3 billion", "from $2bn to $3bn", "between 4 and 6 billion dollars",
    "more than $10 and less than $40", "at most $60 and at least $15", "about $2 billion", "some $3 billion",
    "roughly $2bn", "an estimated $5 billion", "nearly $5 billion", "more than $100 million",
    "at least $5 billion", "up to $5 billion", "less than $5 billion", "$300 billion at least",
    "$5 billion or more", "$2 billion or less", "$100 million-plus", "an initial $2 billion",
    "a further $500 million", "build up to $80 billion", "grow to $20 billion",
    "hundreds of billions of dollars", "tens of millions of euros", "several billion dollars",
    "a few million dollars", "multibillion-dollar", "two million, four hundred and six dollars",
)  # fmt: skip
QUANTITY_EXAMPLES = (
    "10 GW", "10GW", "45-GW", "a 5-gigawatt campus", "1.2 gigawatt-hours", "more than 20 factories",
    "1,000 racks per week", "600 trucks a month", "a 400-truck monthly run-rate", "tens of thousands of GPUs",
    "hundreds of jobs", "a dozen sites", "five", "three to five years", "between 10 and 20 GW",
    "more than ten and less than or equal to forty", "30 GW at least", "5,000 jobs or more",
    "ramp up to 4 GW", "a further 2 GW", "about 40%",
)  # fmt: skip
FRACTION_EXAMPLES = (
    "40%", "40 percent", "a third", "two-thirds", "more than half", "most", "the majority", "one in five",
    "about 95%", "less than a quarter", "between 30% and 40%",
)  # fmt: skip
DATE_EXAMPLES = (
    "November 20, 2025", "Nov. 20", "20 November 2025", "2025-11-20", "Friday", "last Friday",
    "Friday, November 21, 2025", "on Monday, Nov. 3", "this coming Tuesday", "next Tuesday", "Tuesday night",
    "early Friday", "late Saturday", "this morning", "last night", "today", "yesterday", "October 2025",
    "in October", "Q3 2025", "H2 2024", "1H 2027", "the second half of 2026", "the second half of next year",
    "this quarter", "the previous quarter", "last week", "this month", "next year", "2025", "the 1990s",
    "the '70s", "the mid-1950s", "the 20th century", "early 2026", "mid-2026", "late last year",
    "the end of 2029", "the close of the year", "the year's end", "year-end 2027", "closing 2027",
    "by the end of 2029", "by year-end", "by 2030", "since 2018", "earlier this year", "later this year",
    "the past few months", "in recent months", "over the next three to five years", "within seven years",
    "over six years", "over the course of three years", "seven years ago", "six months ago",
    "a fortnight ago", "a decade ago", "this weekend", "last weekend", "over the weekend",
    "the week of October 12", "last autumn", "next spring", "winter 2023", "the fall", "Christmas Day",
    "New Year's Eve", "Thanksgiving", "Labor Day 2025", "until 2027", "before 2030",
    "the first nine months of 2024", "now", "from March to May 2025", "between 2020 and 2024",
)  # fmt: skip
EXAMPLES = {"money": MONEY_EXAMPLES, "quantity": QUANTITY_EXAMPLES, "count": QUANTITY_EXAMPLES,
            "fraction": FRACTION_EXAMPLES, "date": DATE_EXAMPLES}  # fmt: skip

P = ParamSpec("P")
R = TypeVar("R")


def closest_example(kind: str, text: str) -> str:
    """The accepted example of this kind most like the text.

    Character pairs shortlist a few examples cheaply; difflib's ratio picks among them, so a
    hint costs well under a millisecond however many examples there are.
    """
    # A value is a short phrase: its first 80 characters are enough to compare.
    query = text.lower().strip()[:80]
    pairs = _pairs(query)
    shortlist = sorted(_folded(kind), key=lambda entry: (-_dice(pairs, entry[1]), entry[0]))[:SHORTLIST]
    matcher = difflib.SequenceMatcher(b=query, autojunk=False)
    scores = []
    for folded, _, example in shortlist:
        matcher.set_seq1(folded)
        scores.append((-matcher.ratio(), folded, example))
    return min(scores)[2]


SHORTLIST = 2


@functools.cache
def _folded(kind: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    return tuple((example.lower(), _pairs(example.lower()), example) for example in EXAMPLES[kind])


def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[index : index + 2] for index in range(len(text) - 1))


def _dice(pairs: frozenset[str], other: frozenset[str]) -> float:
    if not pairs or not other:
        return 0.0
    return 2 * len(pairs & other) / (len(pairs) + len(other))


def suggesting(kind: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a normalizer so that an UnreadableValue error names the closest accepted wording."""

    def decorate(normalize: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(normalize)
        def normalized(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return normalize(*args, **kwargs)
            except UnreadableValue as error:
                text = args[0] if args else kwargs.get("text")
                if not isinstance(text, str) or not text.strip():
                    raise
                hint = f"The closest accepted wording is '{closest_example(kind, text)}'. {error.hint}".strip()
                raise UnreadableValue(error.message, hint) from None

        return normalized

    return decorate
