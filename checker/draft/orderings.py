"""Orderings of events: "X was followed by Y", "it follows the earlier Z", "X came before Y", "earlier deals".

The events are deals, events, reports and projects (named, or described: "a report in
October", "a partnership with Broadcom"). "This"/"it" before the cue is the last event
named before; "earlier" alone puts the event it qualifies before the article's story. A
size the article gives ("hours earlier", "two weeks after", "shortly before") is kept as
the relation's `by`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.draft.entities import Mention
from checker.draft.structures import Structure
from checker.draft.text import Sentence
from checker.model.claims import Entity, Property

EVENTS = ("deal", "event", "report", "project")
# How long before or after, as the article says it: "hours earlier", "two weeks after", "shortly before".
_SIZE = r"(?P<by>shortly|just|soon|hours|days|weeks|months|years|(?:an?|one|two|three|four|five|six|seven|eight|nine|" \
        r"ten|several|a few|\d+)\s+(?:hours?|days?|weeks?|months?|years?))\s+"
_FOLLOWED_BY = re.compile(r"\b(?:was|were|is|been)?\s*followed by\b", re.IGNORECASE)
_PRECEDED_BY = re.compile(r"\b(?:was|were|is|been)?\s*preceded by\b", re.IGNORECASE)
_FOLLOWS = re.compile(rf"\b(?:follows|followed|comes after|came after|(?:{_SIZE})?after)\b", re.IGNORECASE)
_PRECEDES = re.compile(rf"\b(?:precedes|preceded|comes before|came before|(?:{_SIZE})?before)\b", re.IGNORECASE)
_EARLIER = re.compile(rf"\b(?:{_SIZE})?(?:earlier|previous|prior)\b", re.IGNORECASE)


def ordering_facts(text: str, sentence: Sentence, mentions: Sequence[Mention], story: Entity | None,
                   properties: Mapping[str, Property]) -> list[Structure]:
    prop = properties.get("ordered-relative-to")
    if prop is None or prop.value_kind != "relation":
        return []
    events = [m for m in mentions if m.entity.kind in EVENTS]
    inside = [m for m in events if sentence.start <= m.start < sentence.end]
    found: list[Structure] = []
    for pattern, relation in ((_FOLLOWED_BY, "before"), (_PRECEDED_BY, "after"), (_FOLLOWS, "after"),
                              (_PRECEDES, "before")):
        match = pattern.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        first = [m for m in events if m.end <= match.start() and m.start >= sentence.start - 400]
        second = [m for m in inside if m.start >= match.end()]
        subject = first[-1] if first else None
        if subject is None and story is not None and re.search(r"\b(?:it|this)\b", text[sentence.start:match.start()],
                                                               re.IGNORECASE):
            subject = Mention(sentence.start, match.start(), story, via_reference=True)
        if subject is not None and second and second[0].entity.id != subject.entity.id:
            found.append(_relation(prop, subject, relation, second[0].entity, max(subject.start, sentence.start),
                                   second[0].end, f"{match.group().strip()!r} between the two events", _by(match)))
            return found
    earlier = _EARLIER.search(text, sentence.start, sentence.end)
    if earlier and story is not None:
        later = [m for m in inside if m.start >= earlier.end() and m.entity.id != story.id]
        if later and later[0].start - earlier.end() < 80:
            found.append(_relation(prop, later[0], "before", story, earlier.start(), later[0].end,
                                   f"{earlier.group()!r}: before the article's story", _by(earlier)))
    return found


def _by(match: re.Match) -> str | None:
    return match.groupdict().get("by")


def _relation(prop: Property, subject: Mention, relation: str, event: Entity, start: int, end: int,
              why: str, by: str | None = None) -> Structure:
    value = {"kind": "relation", "relation": relation, "event": event.id, **({"by": by} if by else {})}
    return Structure("relation", subject, prop, value, start, end, why)
