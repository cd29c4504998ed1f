"""Claims drafted from how names stand together: lists, roles, negations.

- A list: two or more names (or, after "including"/"such as", plain words) joined by
  commas and "and" -> a set claim, `exhaustive: false` unless the article says "only"
  or "all of"; the property from the cues before the list.
- A role: "OpenAI CEO Sam Altman", "Sam Altman, chief executive of OpenAI" -> an entity
  claim whose property's cue is the title; "Taiwan's Foxconn" -> `based-in`.
- A yes/no fact: a boolean property's cue ("purchase commitments") -> true, or false
  when a negation stands before it in its clause ("does not include any ...").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.draft.cues import choose_property, contains, negated
from checker.draft.entities import Mention
from checker.draft.items import item_name
from checker.draft.text import Sentence
from checker.model.claims import Property

_LIST_GLUE = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s*,?\s*or\s+)$")
_LIST_LEAD = re.compile(r"\b(?:including|includes?|such as|like|namely)\s+", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")
_NOT_ITEM = re.compile(r"\b(?:will|would|is|are|was|were|has|have|had|can|could|said|says)\b", re.IGNORECASE)
SUBJECT_KINDS = ("organization", "deal", "project", "event", "report", "product", "person", "outlet")


@dataclass(frozen=True)
class Structure:
    kind: str  # set, entity, boolean
    subject: Mention | None  # None: the drafter picks the nearest subject
    property: Property | None
    value: dict
    start: int
    end: int
    reason: str


def lists(text: str, sentence: Sentence, mentions: Sequence[Mention],
          properties: Mapping[str, Property]) -> list[Structure]:
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
    found = [*_entity_runs(text, sentence, inside, properties), *_word_lists(text, sentence, inside, properties),
             *_and_other_lists(text, sentence, inside, properties)]
    kept: list[Structure] = []
    for item in sorted(found, key=lambda s: (-(s.end - s.start), s.start)):
        if all(item.end <= other.start or item.start >= other.end for other in kept):
            kept.append(item)
    return kept


def _entity_runs(text, sentence, inside, properties) -> list[Structure]:
    runs: list[list[Mention]] = []
    for mention in inside:
        if mention.via_reference:
            continue
        if runs and re.fullmatch(r"['\u2019]s\s+", text[runs[-1][-1].end:mention.start]):
            runs[-1][-1] = mention  # "Japan's SoftBank": the item is SoftBank
        elif runs and _LIST_GLUE.match(text[runs[-1][-1].end:mention.start]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    found = []
    for run in runs:
        items = list(dict.fromkeys(m.entity.id for m in run))
        if len(items) < 2:
            continue
        structure = _set_structure(text, sentence, inside, properties, items, run[0].start, run[-1].end,
                                   "names listed together")
        prop = structure.property  # "OpenAI and Foxconn" alone is a subject, not a list
        if prop is not None and prop.objects and all(m.entity.kind in prop.objects for m in run):
            found.append(structure)
    return found


def _word_lists(text, sentence, inside, properties) -> list[Structure]:
    found = []
    for lead in _LIST_LEAD.finditer(text, sentence.start, sentence.end):
        tail = re.match(r"[^.;:()\u2014\u2013]+", text[lead.end():sentence.end])
        if tail is None:
            continue
        items_text = re.split(r"\s+(?:to|for|in|at|from|with|that|which|who|as)\s+|-", tail.group())[0].rstrip(" ,")
        words = [item.strip(" ,") for item in _ITEM_SPLIT.split(items_text) if item.strip(" ,")]
        words = [re.sub(r"^(?:the|a|an)\s+", "", w, flags=re.IGNORECASE) for w in words]
        cut = next((i for i, w in enumerate(words) if _NOT_ITEM.search(w)), len(words))
        words = [w for w in words[:cut] if len(w.split()) <= 5]
        if not words:
            continue
        end = text.find(words[-1], lead.end()) + len(words[-1]) if words else lead.end()
        named = {m.start: m.entity.id for m in inside if lead.end() <= m.start < end}
        items = list(dict.fromkeys(named.get(text.find(w, lead.end())) or item_name(w) for w in words))
        items = [item for item in items if item and not re.search(r"\d", item)]
        words_only = {key: prop for key, prop in properties.items() if not prop.objects}  # objects: names, not words
        structure = _set_structure(text, sentence, inside, words_only, items, lead.start(), end, "") if items else None
        if structure is not None and structure.property is not None:
            found.append(_set_structure(text, sentence, inside, words_only, items, lead.start(), end,
                                        f"listed after {lead.group().strip()!r}"))
    return found


_AND_OTHER = re.compile(r"((?:[\w-]+(?: [\w-]+){0,2}, )+[\w-]+(?: [\w-]+){0,2}),? and other ((?:[a-z]+)(?: [a-z]+){0,2})")


def _and_other_lists(text, sentence, inside, properties) -> list[Structure]:
    """"cabling, power systems and other key components": the items, and the property their kind cues."""
    found = []
    for match in _AND_OTHER.finditer(text, sentence.start, sentence.end):
        chunks = [chunk.strip() for chunk in match.group(1).split(",")]
        chunks[0] = chunks[0].split()[-1]  # "The company will also produce cabling": the last word is the item
        items = [_slug(chunk) for chunk in chunks if chunk and not _NOT_ITEM.search(chunk)]
        kind_words = match.group(2).lower().split()
        prop, cue = next(((p, cue) for p in sorted(properties.values(), key=lambda p: p.id) if p.value_kind == "set"
                          and not p.objects for cue in p.cues if cue.lower() in kind_words), (None, None))
        if prop is not None and len(items) >= 2 and not any(re.search(r"\d", item) for item in items):
            start = text.find(chunks[0], match.start(1))
            end = text.lower().find(cue.lower(), match.start(2)) + len(cue)
            found.append(Structure("set", None, prop, {"kind": "set", "items": items, "exhaustive": False},
                                   max(start, sentence.start), end, f"listed before 'and other ... {cue}'"))
    return found


def _set_structure(text, sentence, inside, properties, items, start, end, why) -> Structure:
    before = text[sentence.start:start]
    prop, cue = choose_property("set", text[sentence.start:sentence.end], start - sentence.start, properties)
    exhaustive = bool(re.search(r"\b(?:only|all of|solely)\s+(?:\w+\s+){0,3}$", before, re.IGNORECASE))
    owners = [m for m in inside if m.end <= start and m.entity.kind in SUBJECT_KINDS]
    subject = owners[-1] if owners else None
    why = f"{why}; property from the cue {cue!r}" if cue else f"{why}; no property cue nearby"
    return Structure("set", subject, prop, {"kind": "set", "items": items, "exhaustive": exhaustive},
                     subject.start if subject else start, end, why)


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:120]


def roles(text: str, sentence: Sentence, mentions: Sequence[Mention],
          properties: Mapping[str, Property]) -> list[Structure]:
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end and not m.via_reference]
    found = []
    for left, right in zip(inside, inside[1:], strict=False):
        between = text[left.end:right.start]
        if re.fullmatch(r"['\u2019]s\s+", between) and left.entity.kind == "place" and \
                right.entity.kind == "organization" and "based-in" in properties:
            found.append(Structure("entity", right, properties["based-in"], {"kind": "entity", "entity": left.entity.id},
                                   left.start, right.end, f"{left.entity.name!r} before the name says where it is based"))
            continue
        title = between.strip(" ,").removeprefix("the ").removesuffix(" of")
        role = _role_property(title, properties)
        if role is None or len(between) > 40:
            continue
        org, person = (left, right) if left.entity.kind != "person" else (right, left)
        if org.entity.kind == "organization" and person.entity.kind == "person":
            subject, value = (person, org) if "person" in role.subjects else (org, person)
            found.append(Structure("entity", subject, role, {"kind": "entity", "entity": value.entity.id},
                                   left.start, right.end, f"title {title!r} between the names"))
    return found


def _role_property(title: str, properties: Mapping[str, Property]) -> Property | None:
    for prop in sorted(properties.values(), key=lambda p: p.id):
        if prop.value_kind == "entity" and any(title.lower() == cue.lower() for cue in prop.cues):
            return prop
    return None


ADJECTIVE_REACH = 20  # "Foxconn, the world's largest": characters from the name to the cue


def yes_no_facts(text: str, sentence: Sentence, properties: Mapping[str, Property],
                 mentions: Sequence[Mention] = ()) -> list[Structure]:
    body = text[sentence.start:sentence.end]
    matches = []
    for prop in properties.values():
        if prop.value_kind != "boolean":
            continue
        for cue in prop.cues:
            match = contains(body, cue)
            if match:
                matches.append((match.start(), match.end(), prop, cue))
    kept: list[tuple[int, int, Property, str]] = []
    for item in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0], m[2].id)):
        if all(item[1] <= other[0] or item[0] >= other[1] for other in kept):
            kept.append(item)
    found = []
    for start, end, prop, cue in sorted(kept, key=lambda m: m[0]):
        clause = re.split(r"[,;]\s*(?:but|while|and)?\s*", body[:start])[-1]
        owner = None
        if prop.subjects and "deal" not in prop.subjects:  # "Foxconn, the world's largest": the name just before
            owner = next((m for m in reversed(mentions) if m.entity.kind in prop.subjects and not m.via_reference
                          and 0 <= sentence.start + start - m.end <= ADJECTIVE_REACH), None)
            if owner is None:
                continue
        after = re.split(r"[,;]|\bbut\b|\bwhile\b", body[end:])[0][:40]  # "financial terms were not disclosed"
        value = not (negated(clause) or negated(after))
        why = f"the cue {cue!r}" + ("" if value else ", negated before it")
        found.append(Structure("boolean", owner, prop, {"kind": "boolean", "value": value},
                               sentence.start + start - len(clause), sentence.start + end, why))
    return found
