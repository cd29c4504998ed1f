"""Utterances: what one speaker said, gathered from every rendering of it.

The quotes of one speaker are first deduplicated by their folded words (300 outlets that
carry one sentence alike are one rendering), then joined into *utterances*: connected
components of renderings that are related (`classify_quotes` says anything but
unrelated). Candidates are renderings sharing a word pair; within a run's group a
rendering is compared only with the components the group already holds, so the cost
grows with the renderings of an utterance, never with the pairs of outlets. The
rendering given by the most independent sources is the utterance's *reference*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.index.compare import QuoteMatch, classify_quotes

MAX_RUN_GROUP = 500  # a word pair shared by more renderings of one speaker is boilerplate, not evidence
PAIR = 2


@dataclass
class Rendering:
    tokens: tuple[str, ...]
    verbatim: bool
    text: str  # the words as the first claim (by uid) gives them
    claims: list = field(default_factory=list)

    def sources(self, source_of: Callable) -> set[str]:
        return {source_of(claim) for claim in self.claims}


@dataclass
class Utterance:
    speaker: str
    renderings: list[Rendering]
    reference: Rendering

    def claims(self) -> list:
        return sorted((claim for rendering in self.renderings for claim in rendering.claims), key=lambda c: c.uid)


def renderings(quotes: Iterable, tokens_of: Callable, words_of: Callable) -> list[Rendering]:
    by_words: dict[tuple, Rendering] = {}
    for claim in sorted(quotes, key=lambda claim: claim.uid):
        tokens = tokens_of(claim)
        verbatim = claim.claim.value.verbatim
        rendering = by_words.setdefault((tokens, verbatim), Rendering(tokens, verbatim, words_of(claim)))
        rendering.claims.append(claim)
    return [by_words[key] for key in sorted(by_words)]


def utterances(speaker: str, quotes: list, tokens_of: Callable, words_of: Callable, source_of: Callable,
               match: Callable[[Rendering, Rendering], QuoteMatch]) -> list[Utterance]:
    found = renderings(quotes, tokens_of, words_of)
    parent = list(range(len(found)))

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
    for pair in sorted(by_pair):
        group = by_pair[pair]
        if len(group) > MAX_RUN_GROUP:
            continue
        held: list[int] = []  # one rendering per component met in this group
        for position in group:
            if any(root(position) == root(other) for other in held):
                continue
            for other in held:
                if root(position) != root(other) and match(found[other], found[position]) is not QuoteMatch.UNRELATED:
                    parent[root(position)] = root(other)
            if all(root(position) != root(other) for other in held) or not held:
                held.append(position)
    components: dict[int, list[Rendering]] = defaultdict(list)
    for position, rendering in enumerate(found):
        components[root(position)].append(rendering)
    result = []
    for members in components.values():
        reference = max(members, key=lambda r: (len(r.sources(source_of)), r.verbatim, len(r.tokens),
                                                tuple(-ord(c) for c in r.text[:40])))
        result.append(Utterance(speaker, members, reference))
    return sorted(result, key=lambda utterance: utterance.claims()[0].uid)


def related(first: Rendering, second: Rendering) -> QuoteMatch:
    return classify_quotes(first.text, first.verbatim, second.text, second.verbatim)
