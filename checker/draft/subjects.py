"""Who does what a clause says: the company before the verb that no preposition governs.

"Foxconn, which is responsible for manufacturing AI servers for Nvidia and assembling
..." is about Foxconn, not Nvidia; "OpenAI also maintains cloud partnerships with
Microsoft, Google, Amazon, and has major compute commitments with Oracle" is about
OpenAI, not Amazon: a name after "for", "with", "to" ... (or in a list after one) is the
object of the clause, not its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.draft.entities import Mention
from checker.draft.text import Sentence

_GOVERNED = re.compile(r"\b(with|for|to|from|by|of|at|in|on|including|like|as|than|via|under|between|among)\s+"
                       r"(?:the\s+)?$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+)$")


def governing(text: str, mentions: Sequence[Mention], mention: Mention, floor: int) -> str | None:
    """The preposition that governs this name, directly or as one of a list after it, if any."""
    position = mention.start
    while True:
        before = text[floor:position]
        preposition = _GOVERNED.search(before)
        if preposition:
            return preposition.group(1).lower()
        joined = _LIST_JOIN.search(before)
        previous = next((m for m in reversed(mentions) if joined and m.end == floor + joined.start()
                         and m.entity.kind == mention.entity.kind), None)  # "Under the deal, OpenAI": no list
        if previous is None:
            return None
        position = previous.start


def is_governed(text: str, mentions: Sequence[Mention], mention: Mention, floor: int) -> bool:
    return governing(text, mentions, mention, floor) is not None


def clause_subject(text: str, sentence: Sentence, mentions: Sequence[Mention], offset: int,
                   kinds: Sequence[str] = ("organization",)) -> Mention | None:
    """The last name of these kinds before `offset` in the sentence that no preposition governs, else the last
    one before it ("For Foxconn, ... its role assembling iPhones": Foxconn)."""
    before = [m for m in mentions if sentence.start <= m.start and m.end <= offset and m.entity.kind in kinds]
    free = [m for m in before if not is_governed(text, mentions, m, sentence.start)]
    return (free or before or [None])[-1]
