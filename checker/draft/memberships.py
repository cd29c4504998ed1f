"""Who takes part in a deal, project or event: "Foxconn, already involved in the Stargate project",
"the Stargate initiative with Oracle and Japan's SoftBank".

The property is the registry's set property whose items are organizations (`objects:`)
and whose subjects are of the named thing's kind (`participants` for a project).

- A company, then a cue of that property ("involved in", "part of", "joined"), then the
  thing: the company takes part in it.
- The thing, then "with" and companies: they take part in it, and so does the company
  the sentence is about, when it names one before ("OpenAI has committed ..., including
  the Stargate initiative with Oracle and SoftBank").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.draft.cues import cue_positions
from checker.draft.entities import Mention
from checker.draft.structures import Structure
from checker.draft.subjects import is_governed
from checker.draft.text import Sentence
from checker.model.claims import Property

THINGS = ("deal", "project", "event")
CUE_REACH = 25  # characters between a company and the cue, and between the cue and the thing
_GLUE = re.compile(r",\s*|\s+and\s+|,\s*and\s+")


def membership_facts(text: str, sentence: Sentence, mentions: Sequence[Mention],
                     properties: Mapping[str, Property]) -> list[Structure]:
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
    found = []
    for thing in (m for m in inside if m.entity.kind in THINGS):
        prop = _property_for(properties, thing.entity.kind)
        if prop is None:
            continue
        joined = _joined_by_cue(text, sentence, inside, thing, prop)
        if joined is not None:
            found.append(joined)
        partners = _run_after_with(text, inside, thing)
        if partners:
            owner = _sentence_subject(text, sentence, inside, thing)
            items = list(dict.fromkeys([*([owner.entity.id] if owner else []), *(m.entity.id for m in partners)]))
            found.append(Structure("set", thing, prop, {"kind": "set", "items": items, "exhaustive": False},
                                   thing.start, partners[-1].end, "companies named with it after 'with'"))
    return found


def _property_for(properties: Mapping[str, Property], kind: str) -> Property | None:
    return next((p for p in sorted(properties.values(), key=lambda p: p.id) if p.value_kind == "set"
                 and p.objects and set(p.objects) <= {"organization"} and kind in (p.subjects or ())), None)


def _joined_by_cue(text, sentence, inside, thing: Mention, prop: Property) -> Structure | None:
    window_start = max(sentence.start, thing.start - 2 * CUE_REACH - 20)
    for cue in prop.cues:
        for position in cue_positions(text[window_start:thing.start], cue):
            cue_start = window_start + position
            cue_end = cue_start + len(cue)
            if not re.fullmatch(r"\s*(?:the\s+|an?\s+)?", text[cue_end:thing.start], re.IGNORECASE):
                continue
            company = next((m for m in reversed(inside) if m.end <= cue_start and cue_start - m.end <= CUE_REACH
                            and m.entity.kind == "organization"), None)
            if company is None or not re.fullmatch(r",?\s*(?:\w+\s+){0,3}", text[company.end:cue_start]):
                continue
            return Structure("set", thing, prop, {"kind": "set", "items": [company.entity.id], "exhaustive": False},
                             company.start, thing.end, f"the company, then the cue {cue!r}")
    return None


def _run_after_with(text: str, inside: Sequence[Mention], thing: Mention) -> list[Mention]:
    with_ = re.match(r"\s+with\s+", text[thing.end:thing.end + 10])
    if with_ is None:
        return []
    position = thing.end + with_.end()
    run: list[Mention] = []
    for mention in (m for m in inside if m.start >= position):
        between = text[position:mention.start]
        if mention.entity.kind == "place" and re.match(r"['\u2019]s\s", text[mention.end:mention.end + 3]):
            continue  # "Japan's SoftBank": the company is SoftBank
        if mention.entity.kind != "organization":
            break
        if between and not (_GLUE.fullmatch(between) or re.fullmatch(r"\w+['\u2019]s\s+", between)
                            or re.fullmatch(r"(?:,\s*|\s+and\s+)\w+['\u2019]s\s+", between)):
            break
        run.append(mention)
        position = mention.end
    return run


def _sentence_subject(text, sentence, inside, thing: Mention) -> Mention | None:
    free = [m for m in inside if m.end <= thing.start and m.entity.kind == "organization" and not m.via_reference
            and not is_governed(text, inside, m, sentence.start)]
    return free[0] if free else None
