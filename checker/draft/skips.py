"""What the drafter leaves out: a headline, a dateline, a day's share-price move.

A headline says again, in other words, what the story says; a dateline ("TAIPEI, Nov 21
(Reuters) -") is when the story was filed, not when anything happened; "shares rose 3% on
Friday" is a price move no other source states the same way. Editors encode none of them.
"""

from __future__ import annotations

import re

from checker.draft.text import Sentence
from checker.draft.values import ValueSpan

_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:, [A-Z][\w .]+)?, (?:[A-Z][a-z]{2,8}\.? \d{1,2})\s*(?:\([^)]*\)\s*)?"
                       r"[-\u2013\u2014]\s", re.MULTILINE)
_MARKET_MOVE = re.compile(r"\b(?:shares?|stocks?|index|indexes|indices)\b[^.;]{0,60}?\b(?:rose|rises|fell|falls|climbed|"
                          r"jumped|gained|dropped|slid|lost|surged|plunged|declined|tumbled|soared|edged)\b",
                          re.IGNORECASE)


def market_move(text: str, sentence: Sentence, span: ValueSpan, clause: tuple[int, int]) -> bool:
    """"Shares of Foxconn rose 3% on Friday": a day's price move, which no other source states the same way."""
    clause_start, clause_end = clause
    move = _MARKET_MOVE.search(text, clause_start, clause_end)
    return move is not None and span.kind in ("fraction", "date") and 0 <= span.start - move.end() < 25


def headline_of(text: str) -> tuple[int, int] | None:
    """The first line, when it has no closing punctuation and the story follows it."""
    first = re.match(r"\s*([^\n]+)\n\s*\S", text)
    if first is None or re.search(r"[.!?:\"\u201d]\s*$", first.group(1)) or len(first.group(1)) > 150:
        return None
    return first.start(1), first.end(1)


def in_dateline(text: str, start: int) -> bool:
    """"TAIPEI, Nov 21 (Reuters) -": the date the story was filed, said where the text begins."""
    line_start = text.rfind("\n", 0, start) + 1
    dateline = _DATELINE.match(text, line_start)
    return dateline is not None and start < dateline.end()
