"""Deals named by description: "the partnership", "a $100 billion agreement with Nvidia".

The registry names a deal after its parties ("OpenAI-Nvidia deal"). "A deal with X" is
the registry's deal between X and another company of the sentence (or else the company
the article names most); "the Broadcom deal" is the registry's deal of Broadcom with the company the article
names most; "the partnership", "this collaboration" is the article's own
story: the deal between the two companies it names most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from checker.draft.entities import Mention
from checker.draft.text import plain
from checker.model.claims import Entity

_DEAL_NOUN = r"(?:partnerships?|agreements?|deals?|collaborations?|contracts?|alliances?|tie-ups?|pacts?)"
_NAMED_DEAL = re.compile(rf"\s+(?:(?:strategic|chip|supply|cloud|compute)\s+)?{_DEAL_NOUN}\b", re.IGNORECASE)
_WITH = re.compile(rf"\b{_DEAL_NOUN}\s+(?:with|between)\s+", re.IGNORECASE)
_REFERENCE = re.compile(rf"\b(?:the|this|that|a new|the new|its new|their|the initial|the latest)\s+"
                        rf"(?:(?:strategic|formal|new|initial|multi-year|landmark)\s+)?{_DEAL_NOUN}\b(?!\s+(?:with|between))",
                        re.IGNORECASE)


def _named(entity: Entity, name: str) -> bool:
    return any(_word_pattern(n).search(name) for n in (entity.name, *entity.aliases) if n in name)


@lru_cache(maxsize=None)
def _word_pattern(words: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){re.escape(words)}(?![\w])")


def deals_of(entities: Mapping[str, Entity], party: Entity) -> list[Entity]:
    return [e for e in sorted(entities.values(), key=lambda e: e.id) if e.kind == "deal" and _named(party, e.name)]


def deal_between(entities: Mapping[str, Entity], first: Entity, second: Entity) -> Entity | None:
    return next((deal for deal in deals_of(entities, first) if _named(second, deal.name)), None)


def main_deal(mentions: Sequence[Mention], entities: Mapping[str, Entity]) -> Entity | None:
    counts = Counter(m.entity.id for m in mentions if m.entity.kind == "organization" and not m.via_reference)
    ranked = [entity_id for entity_id, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    for position, first in enumerate(ranked[:3]):
        for second in ranked[position + 1:4]:
            deal = deal_between(entities, entities[first], entities[second])
            if deal is not None:
                return deal
    return None


def deal_mentions(text: str, mentions: Sequence[Mention], entities: Mapping[str, Entity]) -> list[Mention]:
    """The mentions, with deals named by description added where they do not overlap a name."""
    folded = plain(text)
    story = main_deal(mentions, entities)
    counts = Counter(m.entity.id for m in mentions if m.entity.kind == "organization")
    added: list[Mention] = []
    for match in _WITH.finditer(folded):
        party = next((m for m in mentions if m.start == match.end() and m.entity.kind == "organization"), None)
        if party is None:
            continue
        sentence_orgs = {m.entity.id for m in mentions if abs(m.start - match.start()) < 200} - {party.entity.id}
        candidates = [d for d in deals_of(entities, party.entity)
                      if any(_named(entities[o], d.name) for o in sentence_orgs if o in entities)]
        candidates = candidates or sorted(deals_of(entities, party.entity),
                                          key=lambda d: -max((counts[o] for o in counts if _named(entities[o], d.name)
                                                              and o != party.entity.id), default=0))
        if candidates:
            added.append(Mention(match.start(), party.end, candidates[0], via_reference=True))
    for party in (m for m in mentions if m.entity.kind == "organization" and not m.via_reference):
        named_deal = _NAMED_DEAL.match(folded, party.end)  # "the Broadcom deal": Broadcom's deal with the story's party
        determiner = re.search(r"\b(?:the|its|their|that|this)\s+$", folded[max(0, party.start - 8):party.start],
                               re.IGNORECASE)
        if named_deal and determiner:
            candidates = sorted(deals_of(entities, party.entity),
                                key=lambda d: -max((counts[o] for o in counts if _named(entities[o], d.name)
                                                    and o != party.entity.id), default=0))
            if candidates:
                added.append(Mention(party.start - len(determiner.group()), named_deal.end(), candidates[0],
                                     via_reference=True))
    if story is not None:
        added.extend(Mention(m.start(), m.end(), story, via_reference=True) for m in _REFERENCE.finditer(folded))
    kept = [m for m in added if not any(n.start < m.end and m.start < n.end and n.entity.kind == "deal"
                                        and not n.via_reference for n in mentions)]
    return sorted([*mentions, *kept], key=lambda m: (m.start, -(m.end - m.start)))
