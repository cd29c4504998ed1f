"""Compose one article of the synthetic corpus: choose the facts it states, lay out the text.

The article's own random generator is seeded by the world's seed and the article's
index, so an article reads the same however many others are generated after it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from checker.bench.background_facts import LOCAL_FACTS, ORG_FACTS
from checker.bench.draft import Claim, Draft
from checker.bench.story_facts import STORY_FACTS, announced, deal_value
from checker.bench.world import ArticlePlan, World

LEAD_FACTS = (announced, deal_value)  # news leads with when and how much


@dataclass(frozen=True)
class ComposedArticle:
    plan: ArticlePlan
    title: str
    text: str
    claims: tuple[Claim, ...]


def compose_article(world: World, plan: ArticlePlan) -> ComposedArticle:
    rng = random.Random(f"claimcheck-bench/{world.seed}/article/{plan.index}")
    draft = Draft(plan, rng)
    lead, rest = [], []
    for fact, chance in STORY_FACTS:
        if rng.random() < chance:
            (lead if fact in LEAD_FACTS else rest).append(lambda fact=fact: fact(draft))
    for fact, chance in ORG_FACTS:
        for role in ("buyer", "seller"):
            if rng.random() < chance:
                rest.append(lambda fact=fact, role=role: fact(draft, role))
    for fact, chance in LOCAL_FACTS:
        if rng.random() < chance:
            rest.append(lambda fact=fact: fact(draft))
    rng.shuffle(rest)
    for write in lead + rest:
        write()
    story = plan.story
    title = f"{story.buyer.name} and {story.seller.name} strike infrastructure deal"
    text = _layout(title, draft.sentences, rng)
    return ComposedArticle(plan, title, text, _pinned_once(text, draft.claims))


def _layout(title: str, sentences: list[str], rng: random.Random) -> str:
    paragraphs, position = [title], 0
    while position < len(sentences):
        size = rng.randrange(2, 5)
        paragraphs.append(" ".join(sentences[position : position + size]))
        position += size
    return "\n\n".join(paragraphs) + "\n"


def _pinned_once(text: str, claims: list[Claim]) -> tuple[Claim, ...]:
    """Claims whose quote occurs exactly once in the text (a repeated phrase would be ambiguous)."""
    flat = text.replace("\n", " ")
    return tuple(claim for claim in claims if _occurrences(flat, claim["quote"]) == 1)


def _occurrences(text: str, needle: str) -> int:
    count, position = 0, text.find(needle)
    while position != -1:
        count += 1
        position = text.find(needle, position + 1)
    return count
