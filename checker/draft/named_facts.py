"""Facts a name states about another: "Taiwanese ... Foxconn", "(NASDAQ:NVDA)", "made in the U.S.".

- A demonym before an organization ("the Taiwanese electronics giant Foxconn") -> the
  organization is `based-in` the place (Taiwan -> Taiwanese, Japan -> Japanese, ...).
- An exchange and ticker in parentheses after a company -> its ticker-symbols set.
- An entity-valued property's cue followed closely by a place or organization ("to
  manufacture ... in the United States", "a robotics company under Alphabet") -> an
  entity claim; the subject is chosen by the drafter from the property's kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from checker.draft.cues import cue_positions
from checker.draft.entities import ORGANIZATION_REFERENCES, Mention
from checker.draft.structures import Structure
from checker.draft.subjects import clause_subject, is_governed
from checker.draft.text import Sentence
from checker.model.claims import Entity, Property

_TICKER = re.compile(r"\(((?:NASDAQ|NYSE|OTC|TSE|TWSE|LSE|HKEX|TYO|KRX|SSE|SZSE|Euronext|ASX|TSX)\s*:\s*[A-Z0-9.]{1,8})\)")
CUE_REACH = 60  # characters from an entity property's cue to the entity it introduces


def demonyms(place: Entity) -> list[str]:
    name = place.name
    stem = name[:-1] if name.endswith(("a", "e", "o", "y")) else name
    return sorted({f"{name}ese", f"{stem}ese", f"{name}n", f"{name}ian", f"{stem}ian", f"{stem}an", f"{name}i",
                   f"{stem}ish"})


def demonym_facts(text: str, sentence: Sentence, mentions: Sequence[Mention], entities: Mapping[str, Entity],
                  properties: Mapping[str, Property]) -> list[Structure]:
    if "based-in" not in properties:
        return []
    body = text[sentence.start:sentence.end]
    found = []
    for place in sorted((e for e in entities.values() if e.kind == "place"), key=lambda e: e.id):
        adjectives = demonyms(place)
        for word in sorted({*adjectives, place.name, *place.aliases}):
            if word not in body:
                continue
            for match in re.finditer(rf"(?<![\w.]){re.escape(word)}(?![\w])", body):
                start = sentence.start + match.start()
                epithet = _epithet(text, sentence, mentions, start, start + len(word))
                if epithet is not None:
                    org, end = epithet
                    found.append(Structure("entity", org, properties["based-in"],
                                           {"kind": "entity", "entity": place.id}, start, end,
                                           f"'the {word} ...' describes {org.entity.name}, named before"))
                    continue
                if word not in adjectives:
                    continue
                org = next((m for m in mentions if m.entity.kind == "organization"
                            and 0 <= m.start - (start + len(word)) <= 45), None)
                if org is not None and not org.via_reference and \
                        re.fullmatch(r"[\w\s-]*", text[start + len(word):org.start]):
                    found.append(Structure("entity", org, properties["based-in"],
                                           {"kind": "entity", "entity": place.id}, start, org.end,
                                           f"{word!r} before the name says where it is based"))
    return found


_EPITHET_NOUN = "|".join(reference.removeprefix("the ").removesuffix("s") for reference in ORGANIZATION_REFERENCES)
_EPITHET = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_EPITHET_NOUN}|developer|producer|operator)\b"
                      rf"(?!\s+(?:[A-Z]|of\b))")


def _epithet(text: str, sentence: Sentence, mentions: Sequence[Mention], start: int,
             end: int) -> tuple[Mention, int] | None:
    """"the US chatbot developer", "the Taiwanese manufacturer's operations": a company described, not named;
    it is the subject of the sentence named before it (the first company no preposition governs), else the last
    company named before."""
    if not re.search(r"\bthe\s+$", text[max(sentence.start, start - 5):start], re.IGNORECASE):
        return None
    noun = _EPITHET.match(text, end, sentence.end)
    if noun is None:
        return None
    before = [m for m in mentions if m.end <= start and m.entity.kind == "organization"]
    in_sentence = [m for m in before if m.start >= sentence.start]
    free = [m for m in in_sentence if not is_governed(text, mentions, m, sentence.start)]
    org = (free or in_sentence or before[-1:] or [None])[0]
    return (org, noun.end()) if org is not None else None


def place_in_name_facts(text: str, sentence: Sentence, mentions: Sequence[Mention], entities: Mapping[str, Entity],
                        properties: Mapping[str, Property]) -> list[Structure]:
    """"a Foxconn event in Taipei", "a large LCD factory in Wisconsin": the place a name says it is in."""
    prop = properties.get("located-in")
    if prop is None or prop.value_kind != "entity":
        return []
    found = []
    for mention in mentions:
        if mention.via_reference or mention.entity.kind not in ("event", "project") or \
                not sentence.start <= mention.start < sentence.end:
            continue
        words = text[mention.start:mention.end]
        for place in sorted((e for e in entities.values() if e.kind == "place"), key=lambda e: e.id):
            if any(re.search(rf"\b(?:in|at) {re.escape(name)}\b", words) for name in (place.name, *place.aliases)):
                found.append(Structure("entity", mention, prop, {"kind": "entity", "entity": place.id},
                                       mention.start, mention.end, f"the name says it is in {place.name}"))
    return found


def ticker_facts(text: str, sentence: Sentence, mentions: Sequence[Mention],
                 properties: Mapping[str, Property]) -> list[Structure]:
    if "ticker-symbols" not in properties:
        return []
    found = []
    for match in _TICKER.finditer(text, sentence.start, sentence.end):
        company = next((m for m in reversed(mentions) if m.end <= match.start() and match.start() - m.end <= 2
                        and m.entity.kind == "organization"), None)
        if company is not None:
            symbol = re.sub(r"\s+", "", match.group(1))
            found.append(Structure("set", company, properties["ticker-symbols"],
                                   {"kind": "set", "items": [symbol], "exhaustive": False}, company.start,
                                   match.end(), "an exchange and ticker in parentheses after the name"))
    return found


def set_cue_facts(text: str, sentence: Sentence, mentions: Sequence[Mention],
                  properties: Mapping[str, Property]) -> list[Structure]:
    """"supplies components to Nvidia", "assembling iPhones for Apple": a set property's cue, then names."""
    body = text[sentence.start:sentence.end]
    found = []
    for prop in sorted(properties.values(), key=lambda p: p.id):
        if prop.value_kind != "set" or not prop.objects:
            continue
        for cue, cue_start, cue_end in _cues_in(body, sentence, prop):
            # "assembler of Apple's iPhones" works for Apple; a deal "part of OpenAI's plans" has no member OpenAI
            run = _run_after(text, mentions, cue_end, prop.objects, "organization" not in (prop.subjects or ()))
            if run:
                items = list(dict.fromkeys(m.entity.id for m in run))
                owner = clause_subject(text, sentence, mentions, cue_start, prop.subjects) \
                    if prop.subjects and set(prop.subjects) <= {"organization", "person"} else None
                found.append(Structure("set", owner, prop, {"kind": "set", "items": items, "exhaustive": False},
                                       cue_start, run[-1].end, f"the cue {cue!r} before the names"))
    return found


def _cues_in(body: str, sentence: Sentence, prop: Property) -> Iterator[tuple[str, int, int]]:
    """Each of the property's cues in the sentence: the cue, and where it starts and ends in the text."""
    for cue in prop.cues:
        for position in cue_positions(body, cue):
            start = sentence.start + position
            yield cue, start, start + len(cue)


def _run_after(text: str, mentions: Sequence[Mention], offset: int, kinds, possessive_ends: bool) -> list[Mention]:
    named = [m for m in mentions if not m.via_reference and m.start >= offset]
    first = next((m for m in named if m.start - offset <= CUE_REACH), None)
    if first is None or first.entity.kind not in kinds or re.search(r"[.,;]", text[offset:first.start]):
        return []
    if possessive_ends and re.match(r"['\u2019]s\b", text[first.end:first.end + 2]):
        return []  # "part of OpenAI's expansion": the name owns the thing, it is not the thing
    run = [first]
    for mention in named[named.index(first) + 1:]:
        if mention.entity.kind in kinds and re.fullmatch(r",\s*|\s+and\s+|,\s*and\s+", text[run[-1].end:mention.start]):
            run.append(mention)
        else:
            break
    return run


def entity_cue_facts(text: str, sentence: Sentence, mentions: Sequence[Mention],
                     properties: Mapping[str, Property]) -> list[Structure]:
    body = text[sentence.start:sentence.end]
    found = []
    for prop in sorted(properties.values(), key=lambda p: p.id):
        if prop.value_kind != "entity" or prop.id == "based-in":
            continue
        for cue, cue_start, cue_end in _cues_in(body, sentence, prop):
            target = next((m for m in mentions if 0 <= m.start - cue_end <= CUE_REACH and not m.via_reference
                           and m.entity.kind in (prop.objects or ("place", "organization"))
                           and not re.search(r"\bfrom\s+(?:the\s+)?$", text[cue_end:m.start])), None)
            if target is None or re.search(r"[.,;]", text[cue_end:target.start]):
                continue
            found.append(Structure("entity", None, prop, {"kind": "entity", "entity": target.entity.id},
                                   cue_start, target.end, f"the cue {cue!r} before the name"))
    kept: list[Structure] = []
    for item in sorted(found, key=lambda s: (s.end - s.start, s.start)):  # the closest cue for each target
        if all(item.value != other.value or item.end != other.end for other in kept):
            kept.append(item)
    return kept
