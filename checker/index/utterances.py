"""Utterances: what one speaker said, gathered from every rendering of it.

The quotes of one speaker are first deduplicated by their folded words (300 outlets that
carry one sentence alike are one rendering), then joined into *utterances*: connected
components of renderings that are related (`classify_quotes` says anything but
unrelated). Candidates are renderings sharing a word pair; within a run's group a
rendering is compared only with the components the group already holds, so the cost
grows with the renderings of an utterance, never with the pairs of outlets. The
rendering given by the most independent sources is the utterance's *reference*.

A quote may say when and where it was said (`stated_on`, `stated_in`): its *occasion*.
Renderings of occasions that cannot be one (different days, different events) are never
joined, not even through a rendering that states no occasion: the same words said on two
days are two statements, never a misquote of each other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.index.compare import QuoteMatch, classify_quotes

CLOSE = frozenset({QuoteMatch.VERBATIM, QuoteMatch.VARIANT})
RELATED = frozenset(QuoteMatch) - {QuoteMatch.UNRELATED}
MAX_RUN_GROUP = 500  # a word pair shared by more renderings of one speaker is boilerplate, not evidence
PAIR = 2


@dataclass(frozen=True)
class Occasion:
    """When (a span of days, either side open) and where (an event or outlet) words were said."""

    start: dt.date | None = None
    end: dt.date | None = None
    where: str | None = None

    def fits(self, other: Occasion) -> bool:
        """Whether both can be one occasion: the days overlap and the places do not differ."""
        if self.where is not None and other.where is not None and self.where != other.where:
            return False
        return not (_before(self.end, other.start) or _before(other.end, self.start))

    def joined(self, other: Occasion) -> Occasion:
        """What both say together: the common days, the place either names."""
        starts = [day for day in (self.start, other.start) if day is not None]
        ends = [day for day in (self.end, other.end) if day is not None]
        return Occasion(max(starts) if starts else None, min(ends) if ends else None, self.where or other.where)

    @property
    def order(self) -> tuple[str, str, str]:
        return (self.start.isoformat() if self.start else "", self.end.isoformat() if self.end else "", self.where or "")

    def label(self) -> str:
        days = "" if self.start is None and self.end is None else (
            self.start.isoformat() if self.start == self.end else
            f"{self.start.isoformat() if self.start else ''}..{self.end.isoformat() if self.end else ''}")
        return " ".join(part for part in (f"on {days}" if days else "", f"in {self.where}" if self.where else "")
                        if part)


def _before(end: dt.date | None, start: dt.date | None) -> bool:
    return end is not None and start is not None and end < start


ANY_OCCASION = Occasion()


@dataclass
class Rendering:
    tokens: tuple[str, ...]
    verbatim: bool
    text: str  # the words as the first claim (by uid) gives them
    claims: list = field(default_factory=list)
    occasion: Occasion = ANY_OCCASION

    def sources(self, source_of: Callable) -> set[str]:
        return {source_of(claim) for claim in self.claims}


@dataclass
class Utterance:
    speaker: str
    renderings: list[Rendering]
    reference: Rendering
    occasion: Occasion = ANY_OCCASION

    def claims(self) -> list:
        return sorted((claim for rendering in self.renderings for claim in rendering.claims), key=lambda c: c.uid)


def renderings(quotes: Iterable, tokens_of: Callable, words_of: Callable,
               occasion_of: Callable = lambda _claim: ANY_OCCASION) -> list[Rendering]:
    by_words: dict[tuple, Rendering] = {}
    for claim in sorted(quotes, key=lambda claim: claim.uid):
        tokens = tokens_of(claim)
        verbatim = claim.claim.value.verbatim
        occasion = occasion_of(claim)
        rendering = by_words.setdefault((tokens, verbatim, occasion),
                                        Rendering(tokens, verbatim, words_of(claim), occasion=occasion))
        rendering.claims.append(claim)
    return [by_words[key] for key in sorted(by_words, key=lambda key: (key[0], key[1], key[2].order))]


def utterances(speaker: str, quotes: list, tokens_of: Callable, words_of: Callable, source_of: Callable,
               match: Callable[[Rendering, Rendering], QuoteMatch],
               occasion_of: Callable = lambda _claim: ANY_OCCASION) -> list[Utterance]:
    found = renderings(quotes, tokens_of, words_of, occasion_of)
    parent = list(range(len(found)))
    occasion = [rendering.occasion for rendering in found]  # by component root: what its renderings say

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    by_pair: dict[tuple, list[int]] = defaultdict(list)
    for position, rendering in enumerate(found):
        tokens = rendering.tokens
        for pair in {tokens[i:i + PAIR] for i in range(max(1, len(tokens) - PAIR + 1))}:
            by_pair[pair].append(position)
    # With occasions, which component a rendering of no occasion joins matters: the same words
    # first, so that it never becomes a misquote of another occasion's words.
    passes = (CLOSE, RELATED) if any(rendering.occasion != ANY_OCCASION for rendering in found) else (RELATED,)
    for joins in passes:
        for pair in sorted(by_pair):
            group = by_pair[pair]
            if len(group) > MAX_RUN_GROUP:
                continue
            held: list[int] = []  # one rendering per component met in this group
            for position in group:
                if any(root(position) == root(other) for other in held):
                    continue
                for other in held:
                    mine, theirs = root(position), root(other)
                    if (mine != theirs and occasion[mine].fits(occasion[theirs])
                            and match(found[other], found[position]) in joins):
                        occasion[theirs] = occasion[theirs].joined(occasion[mine])
                        parent[mine] = theirs
                if all(root(position) != root(other) for other in held) or not held:
                    held.append(position)
    components: dict[int, list[Rendering]] = defaultdict(list)
    for position, rendering in enumerate(found):
        components[root(position)].append(rendering)
    result = []
    for top, members in components.items():
        reference = max(members, key=lambda r: (len(r.sources(source_of)), r.verbatim, len(r.tokens),
                                                tuple(-ord(c) for c in r.text[:40])))
        result.append(Utterance(speaker, members, reference, occasion[top]))
    return sorted(result, key=lambda utterance: utterance.claims()[0].uid)


def related(first: Rendering, second: Rendering) -> QuoteMatch:
    return classify_quotes(first.text, first.verbatim, second.text, second.verbatim)
