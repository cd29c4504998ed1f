"""What the words around a value say: which property, how firm, how often, on whose word.

Properties are chosen by the cue words the property registry holds (`cues:`), among
those of the value's kind; the nearer a cue to the value, the more it counts. Modality,
rate, attribution and negation come from small word lists here: they are English, not
data of one corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from checker.draft.entities import Mention
from checker.model.claims import Property

# Checked in this order: the first that occurs in the clause decides.
MODALITY_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unfinalized", ("unfinalized", "unfinalised", "not finalized", "not yet final", "letter of intent",
                     "non-binding", "nonbinding", "preliminary", "memorandum of understanding", "once finalized")),
    ("prospective", ("prospective", "potential", "potentially", "possible", "could", "may", "might")),
    ("expects", ("expects", "expected", "expect", "forecast", "projected", "anticipates", "on track to")),
    ("intends", ("intends", "intend", "plans", "plan to", "planned", "aims", "would", "will", "is set to",
                 "ambitious plan", "seeks", "pledged")),
    ("committed", ("committed", "commitments", "commitment", "has agreed", "signed")),
)
RATE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("year", ("annually", "a year", "per year", "each year", "every year", "yearly", "per annum")),
    ("quarter", ("quarterly", "a quarter", "per quarter")),
    ("month", ("monthly", "a month", "per month", "each month")),
    ("week", ("weekly", "a week", "per week", "each week")),
    ("day", ("daily", "a day", "per day", "each day")),
)
NEGATIONS = ("not", "n't", "no", "never", "without", "neither", "nor", "none")
ATTRIBUTION_VERBS = ("said", "says", "told", "reported", "reports", "noted", "added", "stated", "announced",
                     "according to", "suggested", "wrote", "estimated", "argued", "explained")


@lru_cache(maxsize=None)
def phrase_pattern(phrase: str) -> re.Pattern:
    """Compiled once: hundreds of cue patterns would push the segmenter's out of `re`'s own small cache."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)


def contains(text: str, phrase: str) -> re.Match | None:
    return phrase_pattern(phrase).search(text)


def cue_positions(text: str, phrase: str) -> Iterable[int]:
    for match in phrase_pattern(phrase).finditer(text):
        yield match.start()


def choose_property(kind: str, sentence: str, value_offset: int, properties: Mapping[str, Property],
                    exclude: Sequence[str] = ()) -> tuple[Property | None, str | None]:
    """The property of this kind whose cue stands nearest the value, and that cue. A cue inside a longer one
    ("invest" in "intends to invest") gives way to it: the longer says more."""
    matches = [(position, position + len(cue), prop, cue) for prop in properties.values()
               if prop.value_kind == kind and prop.id not in exclude
               for cue in prop.cues for position in cue_positions(sentence, cue)]
    best: tuple[float, str, Property, str] | None = None
    for start, end, prop, cue in matches:
        if any(other[0] <= start and end <= other[1] and other[1] - other[0] > end - start for other in matches):
            continue
        score = abs(start - value_offset) + (0 if start >= value_offset else 0.5)  # ties: a cue after the value
        candidate = (score, prop.id, prop, cue)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return (best[2], best[3]) if best else (None, None)


def modality(clause: str) -> str | None:
    for name, cues in MODALITY_CUES:
        if any(re.search(r"(?<![\w-])may(?![\w-])", clause) if cue == "may" else contains(clause, cue)
               for cue in cues):  # "In May" is a month
            return name
    return None


def rate(clause: str) -> str | None:
    for name, cues in RATE_CUES:
        if any(contains(clause, cue) for cue in cues):
            return name
    return None


def negated(clause: str) -> bool:
    return any(contains(clause, word) if word != "n't" else "n't" in clause.replace("\u2019", "'")
               for word in NEGATIONS)


SAYING_VERBS = ("said", "says", "told", "according to", "noted", "added", "stated")


def attribution(sentence: str, mentions: Sequence[Mention], subject: str | None,
                sentence_start: int, verbs: Sequence[str] = ATTRIBUTION_VERBS) -> str | None:
    """Who the sentence says it on the word of: "according to X", "X said", "a report said"."""
    for verb in verbs:
        match = contains(sentence, verb)
        if match is None:
            continue
        position = sentence_start + match.start()
        if verb == "according to":
            after = [m for m in mentions if m.start >= position + len(verb)]
            candidate = after[0] if after else None
        else:
            before = [m for m in mentions if m.end <= position]
            after = [m for m in mentions if m.start >= position + len(verb)]
            candidate = before[-1] if before and position - before[-1].end < 40 else (after[0] if after else None)
            if candidate is not None and candidate.start > position and candidate.start - position > 30:
                candidate = None
        if candidate is not None and candidate.entity.kind in ("person", "organization", "outlet", "report") \
                and candidate.entity.id != subject:
            return candidate.entity.id
    return None
