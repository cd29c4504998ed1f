"""Entities in an article: registry names and aliases, "the company", names the registry lacks.

Names match as whole words, the longest first. A name with a lower-case letter after its
first matches in any letter case ("the chatgpt maker"); an all-capitals or one-word name
("US", "AMD", "Apple") only as written, so "us" and "apple pie" stay words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.draft.text import plain
from checker.model.claims import Entity

# "the company" and its kin: resolved to the last organization named before them.
ORGANIZATION_REFERENCES = ("the company", "the companies", "the firm", "the group", "the chipmaker",
                           "the manufacturer", "the startup", "the maker", "the giant", "the developer",
                           "the assembler", "the supplier", "the partner")
PERSON_PRONOUNS = ("he", "she")
_CORPORATE_SUFFIX = r"(?:Corp\.?|Corporation|Inc\.?|Ltd\.?|LLC|Group|Holdings|Co\.)"
_CAPITALISED = r"[A-Z][a-zA-Z&'-]*[a-zA-Z]"
_UNKNOWN_NAME = re.compile(rf"\b(?:{_CAPITALISED} )+{_CORPORATE_SUFFIX}|\b{_CAPITALISED}(?: {_CAPITALISED}){{1,3}}\b")
# Capitalised words that start sentences or titles rather than name anyone.
_NOT_NAMES = frozenset("""The A An In On At For And But Or Still Under Among As After Before This That These Those
Meanwhile However While When Where It Its He She They We Our Their His Her Another Other Some Such Chief Executive
Officer President Chairman CEO Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December AI US U.S.""".split())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity
    via_reference: bool = False  # "the company", "he": resolved from an earlier mention


class EntityMatcher:
    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities = entities
        names: dict[str, Entity] = {}
        for entity in sorted(entities.values(), key=lambda item: item.id):
            for name in (entity.name, *entity.aliases):
                names.setdefault(plain(name), entity)
        ordered = sorted(names, key=lambda name: (-len(name), name))
        self.by_name = {_key(name): names[name] for name in ordered}
        exact = [re.escape(name) for name in ordered if not _any_case(name)]
        folded = [re.escape(name) for name in ordered if _any_case(name)]
        self._exact = re.compile(rf"(?<!\w)(?:{'|'.join(exact)})(?!\w)") if exact else None
        self._folded = re.compile(rf"(?<!\w)(?:{'|'.join(folded)})(?!\w)", re.IGNORECASE) if folded else None

    def mentions(self, text: str) -> list[Mention]:
        folded = plain(text)
        found: list[Mention] = []
        for pattern in (self._exact, self._folded):
            if pattern is None:
                continue
            for match in pattern.finditer(folded):
                entity = self.by_name.get(_key(match.group()))
                if entity is not None:
                    found.append(Mention(match.start(), match.end(), entity))
        return _with_references(_longest_first(found), folded)

    def entity_in(self, words: str) -> Entity | None:
        """The entity named exactly by these words, if any."""
        return self.by_name.get(_key(plain(words)))


def _key(name: str) -> str:
    return name.casefold() if _any_case(name) else name


def _any_case(name: str) -> bool:
    return " " in name.strip() and any(char.islower() for char in name[1:])


def _longest_first(found: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for mention in sorted(found, key=lambda item: (-(item.end - item.start), item.start)):
        if all(mention.end <= start or mention.start >= end for start, end in taken):
            kept.append(mention)
            taken.append((mention.start, mention.end))
    return sorted(kept, key=lambda item: item.start)


def _with_references(named: list[Mention], folded: str) -> list[Mention]:
    nouns = "|".join(reference.removeprefix("the ") for reference in ORGANIZATION_REFERENCES)
    references = [(match.start(), match.end(), "organization")
                  for match in re.finditer(rf"\bthe (?:[A-Z][a-z]+ )?(?:{nouns})\b", folded, re.IGNORECASE)]
    references += [(match.start(), match.end(), "person")
                   for match in re.finditer(rf"\b(?:{'|'.join(PERSON_PRONOUNS)})\b", folded, re.IGNORECASE)]
    resolved = list(named)
    for start, end, kind in references:
        if any(m.start <= start < m.end for m in named):
            continue
        before = [m for m in named if m.end <= start and m.entity.kind == kind]
        if before:
            resolved.append(Mention(start, end, before[-1].entity, via_reference=True))
    return sorted(resolved, key=lambda item: item.start)


def unknown_names(text: str, matcher: EntityMatcher, mentions: Sequence[Mention]) -> list[str]:
    """Capitalised names ("Acme Corp", "Jane Doe") that no registry name covers, in order of appearance."""
    folded = plain(text)
    seen: dict[str, None] = {}
    for match in _UNKNOWN_NAME.finditer(folded):
        if _in_headline(folded, match.start()):
            continue
        name = match.group().strip()
        words = name.split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if len(words) < 2 and not re.search(_CORPORATE_SUFFIX + "$", name):
            continue
        name = " ".join(words)
        start = match.end() - len(name)
        if matcher.entity_in(name) or any(m.start <= start < m.end for m in mentions):
            continue
        seen.setdefault(name, None)
    return list(seen)


def _in_headline(text: str, offset: int) -> bool:
    """A line in title case ("US Push for AI Hardware Strength") capitalises words that name nobody."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = re.findall(r"[A-Za-z][\w'-]*", text[start:end if end != -1 else len(text)])
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 3 and capitalised >= 0.6 * len(words) and not text[start:end].rstrip().endswith(".")
