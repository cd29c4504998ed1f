"""Things made, supplied or bought, as sets of plain words, from the words that introduce them.

The property is a plain-word set property (no `objects:`) whose registry cue introduces
the things:

- a verb of making: "It already manufactures server racks for AI workloads", "will
  co-design and develop server racks", "jointly develop and deploy advanced robotics
  systems". A base form counts only after "to", a modal, "and" or an adverb ("will
  collaborate on"), an -ing form after a preposition, "and" or a company: so "design
  work" and "US manufacturing readiness" name no things made;
- an agent noun with "of": "a major supplier of AI servers and networking equipment",
  but not after a superlative ("the world's largest manufacturer of AI data servers"
  names a category, the scope of `market-leader`);
- a noun before "production" or "assembly": "pivots from iPhone assembly toward AI
  server production" (in the plural editors use: `ai-servers`);
- a brand before "maker"/"developer": "the ChatGPT maker";
- a range: "products ranging from smartphones to electric vehicles" (both ends).

A generic thing followed by its list ("key components—power systems, networking
hardware, and cooling solutions—", "Apple products, including the iPhone") is that
list, and a generic thing that is itself the cue of a set property ("components") gives
that property. What one sentence says one subject makes is one claim, as an editor
writes it; items are named by `checker.draft.items`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.draft.cues import choose_property, cue_positions
from checker.draft.deals import deal_between, main_deal
from checker.draft.entities import Mention
from checker.draft.items import GENERIC, item_name, plural, split_items
from checker.draft.structures import Structure
from checker.draft.subjects import clause_subject, governing
from checker.draft.text import Sentence
from checker.model.claims import Entity, Property

_MAKING = r"(?:co-)?(?:design|develop|produc|manufactur|mak|build|built|assembl|suppl|deploy|test|sell|sold|ship|" \
          r"deliver|integrat|install|engineer)\w*"
_CHAINED = re.compile(rf"\s+(?:and|or)\s+(?:\w+ly\s+)?{_MAKING}(?=\s)", re.IGNORECASE)
_BASE_FORM_AFTER = re.compile(r"(?:\b(?:to|will|would|can|could|shall|should|may|might|must|and|or)|\w+ly)\s+$",
                              re.IGNORECASE)
# "its US manufacturing", "the U.S. manufacturing capabilities": an -ing word after these is a noun's modifier
_ING_AS_MODIFIER = re.compile(r"(?:\b(?:the|a|an|its|their|our|his|her)|[A-Z.]{2,}|['\u2019]s)\s+$")
_NP_END = re.compile(r"\s+(?:for|to|in|at|from|with|across|into|on|by|under|over|through|within|via|as|than|that|"
                     r"which|who|while|but|whereas|will|would|is|are|was|were|has|have)\b|\s+(?!(?:supply|assembly|family)\b)\w{3,}ly\b|[;:()\u2014\u2013]|\.(?!\w)"
                     r"|\s+(?:ranging|including|using|such)\b|\s-\s|,\s*(?:the|a|an|its|their|he|she|it|they|we)\s|,\s*(?:including|such as|like|namely|which|who|while|but|and (?:the|its|a|an)\b|\w+ing\s+(?:the|a|an|its|their|up|to|on|in|for|with)\b)"
                     r"|,\s*and\s+(?-i:[A-Z])",
                     re.IGNORECASE)
_LIST_AFTER = re.compile(r"\s*(?:[\u2014\u2013:]|,?\s+(?:including|such as|like|namely))\s*", re.IGNORECASE)
_LIST_END = re.compile(r"[.;:()\u2014\u2013]|\s+(?:for|to|in|at|from|with|across|into|on|by|that|which|who|will|would|"
                       r"is|are)\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:largest|biggest|leading|top|\w+est|number one)\b[^,.;]{0,25}$", re.IGNORECASE)
_PREPOSITION = r"(?:from|toward|towards|into|in|of|on|to|for|at|by|with)\b"
_NOMINALIZED = re.compile(rf"\b(?:from|toward|towards|into|in|of|on)\s+(?:[\w]+-[\w]+\s+)?"
                          rf"((?:(?!{_PREPOSITION})[\w-]+\s+){{0,2}}(?!{_PREPOSITION})[\w-]+)\s+(assembly|production)\b",
                          re.IGNORECASE)
_BRAND_MAKER = re.compile(r"\bthe ([A-Za-z]*[a-z][A-Z]\w*|[A-Z][a-z]*[A-Z]\w*) (maker|developer|manufacturer|producer)\b")
_NOT_THINGS = re.compile(r"^(?:the|its|their|a|an|this|that|these|those|some|most|more|much|all|what|which|whatever|"
                         r"something|anything|everything|it|them|today|now|tomorrow|yesterday|soon|here|there)$",
                         re.IGNORECASE)


def product_facts(text: str, sentence: Sentence, mentions: Sequence[Mention], properties: Mapping[str, Property],
                  entities: Mapping[str, Entity]) -> list[Structure]:
    plain_sets = {key: prop for key, prop in properties.items() if prop.value_kind == "set" and not prop.objects}
    found: list[Structure] = []
    for prop in sorted(plain_sets.values(), key=lambda p: p.id):
        for cue in prop.cues:
            for position in cue_positions(text[sentence.start:sentence.end], cue):
                start = sentence.start + position
                found.extend(_after_cue(text, sentence, mentions, plain_sets, prop, cue, start))
    found.extend(_ranges(text, sentence, mentions, plain_sets))
    found = [_with_joint_subject(text, sentence, mentions, entities, item) for item in found]
    found.extend(_made_for(text, sentence, mentions, properties, found))
    found.extend(_brand_makers(text, sentence, mentions, plain_sets))
    return _one_per_property(text, mentions, found)


def _after_cue(text, sentence, mentions, plain_sets, prop, cue, start) -> list[Structure]:
    end = start + len(cue)
    lower = cue.lower()
    before = text[sentence.start:start]
    if lower in ("production", "assembly"):
        return _nominalized(text, sentence, plain_sets, prop, cue, start)
    if lower in GENERIC or not re.match(r"\s", text[end:end + 1]):
        return []
    if lower.endswith((" of", " on")):
        if lower.endswith(" of") and _SUPERLATIVE.search(before):
            return []
    elif lower.endswith("ing"):
        if _ING_AS_MODIFIER.search(before):
            return []
    elif not lower.endswith(("s", "ed")) and not _BASE_FORM_AFTER.search(before):
        return []
    while (chained := _CHAINED.match(text, end, sentence.end)) is not None:
        end = chained.end()
    companies = [text[m.start:m.end] for m in mentions if sentence.start <= m.start < sentence.end
                 and m.entity.kind == "organization" and not m.via_reference]
    return _things(text, sentence, plain_sets, prop, cue, start, end, companies)


def _without_company(words: str, companies: Sequence[str]) -> str:
    """"AMD chips" -> "chips": the company says whose things they are; a company alone is no thing."""
    for name in sorted(companies, key=len, reverse=True):
        if words == name:
            return ""
        if words.startswith(name + " "):
            return words[len(name) + 1:]
    return words


def _things(text, sentence, plain_sets, prop, cue, start, end, companies=()) -> list[Structure]:
    """The things named from `end` on: a noun phrase, or the list that follows a generic one."""
    rest = text[end:sentence.end]
    stop = _NP_END.search(re.sub(r"\([^)]*\)", lambda group: " " * len(group.group()), rest))
    phrase = rest[:stop.start() if stop else len(rest)].strip()
    if not phrase or _NOT_THINGS.match(phrase.split()[0]) and len(phrase.split()) == 1 or \
            re.match(r"(?:and|or|a|an|of)\b", phrase, re.IGNORECASE) or re.search(r"\band other\b", phrase):
        return []  # "build a long-term presence": one thing is seldom a line of products; "and other": a list's
    finish = end + rest.index(phrase) + len(phrase)
    head = phrase.split()[-1].lower()
    named = [item_name(_without_company(words, companies)) for words in split_items(phrase)]
    listed = _LIST_AFTER.match(text, finish, sentence.end)
    if listed and all(name is None for name in named):
        tail = text[listed.end():sentence.end]
        list_end = _LIST_END.search(tail)
        list_text = tail[:list_end.start() if list_end else len(tail)].rstrip(" ,")
        named = [item_name(_without_company(words, companies)) for words in split_items(list_text)]
        finish = listed.end() + len(list_text)
        prop, cue = next(((other, head) for other in sorted(plain_sets.values(), key=lambda p: p.id)
                          if head in (c.lower() for c in other.cues)), (prop, cue))
    if any(named) and len(named) > 1:  # "chips and components": a generic word listed with things is one of them
        named = [item_name(_without_company(words, companies), keep_generic=True)
                 for words in split_items(phrase)] if not listed else named
    items = list(dict.fromkeys(name for name in named if name))
    if not items or len(items) < len(named) and len(items) < 2:
        return []
    return [Structure("set", None, prop, {"kind": "set", "items": items, "exhaustive": False}, start, finish,
                      f"things after the cue {cue!r}")]


def _nominalized(text, sentence, plain_sets, prop, cue, start) -> list[Structure]:
    found = []
    for match in _NOMINALIZED.finditer(text, sentence.start, start + len(cue)):
        if match.end(2) != start + len(cue):
            continue
        words = match.group(1).split()
        if any(_NOT_THINGS.match(word) for word in words) or words[-1][0].isupper() and words[-1].isupper():
            continue
        name = item_name(plural(match.group(1)))
        if name:
            found.append(Structure("set", None, prop, {"kind": "set", "items": [name], "exhaustive": False},
                                   match.start(1), match.end(2), f"the thing before {cue!r}"))
    return found


_RANGE = re.compile(r"\b(?:ranging|range|everything|anything|all kinds of things)\s+from\s+((?:[\w-]+\s+){0,3}?[\w-]+)"
                    r"\s+to\s+((?:[\w-]+\s+){0,3}?[\w-]+)(?=\s*(?:[,.;:)\u2014\u2013]|\s+and\b|$))", re.IGNORECASE)


def _ranges(text, sentence, mentions, plain_sets) -> list[Structure]:
    """"products ranging from smartphones to electric vehicles": the two ends are items, the list is not all."""
    found = []
    for match in _RANGE.finditer(text, sentence.start, sentence.end):
        if any(match.start(1) <= m.start < match.end(2) for m in mentions):
            continue  # "from Taiwan to the US": places, not things
        names = [item_name(match.group(1)), item_name(match.group(2))]
        prop, cue = choose_property("set", text[sentence.start:sentence.end], match.start() - sentence.start,
                                    plain_sets)
        if prop is None or None in names:
            continue
        found.append(Structure("set", None, prop, {"kind": "set", "items": names, "exhaustive": False},
                               match.start(), match.end(2), f"'from ... to ...', property from the cue {cue!r}"))
    return found


def _brand_makers(text, sentence, mentions, plain_sets) -> list[Structure]:
    found = []
    for match in _BRAND_MAKER.finditer(text, sentence.start, sentence.end):
        prop = next((p for p in sorted(plain_sets.values(), key=lambda p: p.id)
                     if match.group(2) in (c.lower() for c in p.cues)), None)
        name = item_name(match.group(1))
        if prop is None or name is None:
            continue
        named = next((m for m in mentions if m.start <= match.start() and match.end() <= m.end
                      and m.entity.kind == "organization"), None)
        found.append(Structure("set", named, prop, {"kind": "set", "items": [name], "exhaustive": False},
                               match.start(), match.end(), f"{match.group()!r}: the company makes {match.group(1)}"))
    return found


_FOR = re.compile(r"\s+for\s+")


def _made_for(text, sentence, mentions, properties, found: Sequence[Structure]) -> list[Structure]:
    """"builds servers for Nvidia", "assembling iPhones for Apple": the company made for is a customer of the
    maker (the registry's set of organizations whose cue is "customers" or "clients")."""
    prop = next((p for p in sorted(properties.values(), key=lambda p: p.id) if p.value_kind == "set" and p.objects
                 and "organization" in p.objects and {"customers", "clients"} & {c.lower() for c in p.cues}), None)
    made_for = []
    for item in found if prop is not None else ():
        if item.subject is None or item.subject.entity.kind != "organization":
            continue
        glue = _FOR.match(text, item.end, sentence.end)
        buyers = [m for m in mentions if m.entity.kind == "organization" and m.entity.id != item.subject.entity.id
                  and not m.via_reference and (glue and m.start == glue.end() or item.start < m.start < item.end)]
        if buyers and item.property is not prop:  # "assembling Apple products": Apple's, made for Apple
            made_for.append(Structure("set", item.subject, prop,
                                      {"kind": "set", "items": list(dict.fromkeys(m.entity.id for m in buyers)),
                                       "exhaustive": False}, item.start, max(item.end, buyers[-1].end),
                                      f"things made for {', '.join(m.entity.name for m in buyers)}"))
    return made_for


_COUNTERPARTY = re.compile(r"\s*(?:from|with|for)\s+$", re.IGNORECASE)
# "The two companies will ...", "Under the partnership, Foxconn will ...": the story's deal does it
_THE_PAIR = re.compile(r"\b(?:the two|both) (?:companies|firms|groups|partners)\b|\bthe (?:companies|pair)\b", re.IGNORECASE)
_UNDER_THE_DEAL = re.compile(r"^\s*(?:Under|As part of|Through|Through the terms of) ", re.IGNORECASE)


def _with_joint_subject(text, sentence, mentions, entities, found: Structure) -> Structure:
    """"OpenAI and Foxconn will collaborate on ...", "Foxconn will work with OpenAI to co-design ...", "agreeing
    to buy chips from Broadcom": what two companies make or buy together is their deal's, when the registry has
    one; the companies are those named before the verb in its clause, and one right after the things."""
    clause_start = max([sentence.start, *(m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, found.start))])
    companies = [m for m in mentions if clause_start <= m.start < found.start and m.entity.kind == "organization"
                 and governing(text, mentions, m, clause_start) in (None, "with")]  # not "makes motors for Acme"
    after = next((m for m in mentions if found.end <= m.start <= found.end + 12 and m.entity.kind == "organization"
                  and _COUNTERPARTY.fullmatch(" " + text[found.end:m.start])), None)
    companies += [after] if after else []
    story = main_deal([m for m in mentions if not m.via_reference], entities)
    under = next((m for m in mentions if m.entity.kind == "deal" and sentence.start <= m.start < found.start
                  and _UNDER_THE_DEAL.match(text[sentence.start:m.start])), None)
    if under is not None or story is not None and _THE_PAIR.search(text, clause_start, found.start):
        deal = under or Mention(clause_start, found.start, story, via_reference=True)
        return Structure(found.kind, deal, found.property, found.value, found.start, found.end,
                         f"{found.reason}; made by the deal's parties")
    if re.match(r"(?:buy|purchase|order)", text[found.start:found.end], re.IGNORECASE):
        companies += [m for m in mentions if found.start < m.start < found.end and m.entity.kind == "organization"
                      and not m.via_reference]  # "buy AMD chips": bought from AMD
    for position, first in enumerate(companies):
        for second in companies[position + 1:]:
            deal = deal_between(entities, first.entity, second.entity) if first.entity != second.entity else None
            if deal is not None:
                later = max(first, second, key=lambda m: m.start)
                return Structure(found.kind, Mention(later.start, later.end, deal, via_reference=True),
                                 found.property, found.value, found.start, found.end,
                                 f"{found.reason}; made by {first.entity.name} and {second.entity.name} together")
    maker = found.subject or clause_subject(text, sentence, mentions, found.start)
    return Structure(found.kind, maker, found.property, found.value, found.start, found.end, found.reason)


_CLAUSE_BREAK = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def _one_per_property(text: str, mentions: Sequence[Mention], found: Sequence[Structure]) -> list[Structure]:
    """The things one clause says are made, for one property, in one claim ("manufacturing AI servers for
    Nvidia and assembling ... the iPhone": both); a find inside another is the same find."""
    kept: list[Structure] = []
    for item in sorted(found, key=lambda s: (s.start, -(s.end - s.start))):
        if any(other.start <= item.start and item.end <= other.end and other.property == item.property
               for other in kept):
            continue
        joined = next((other for other in kept if other.property == item.property and _same(other.subject, item.subject)
                       and not _CLAUSE_BREAK.search(text[other.end:item.start])), None)
        if joined is None:
            kept.append(item)
            continue
        items = list(dict.fromkeys([*joined.value["items"], *item.value["items"]]))
        kept[kept.index(joined)] = Structure("set", joined.subject, joined.property,
                                             {**joined.value, "items": items}, joined.start, max(joined.end, item.end),
                                             f"{joined.reason}; {item.reason}")
    return kept


def _same(first: Mention | None, second: Mention | None) -> bool:
    return first is not None and second is not None and first.entity.id == second.entity.id
