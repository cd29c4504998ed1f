"""An article being written: sentences, the claims pinned to them, and how values are worded.

Each fact an article may state is a small function that writes one sentence and the
claim it supports, the quote being words of that sentence. A controlled share of shared
facts is stated differently (`CONFLICT_RATE`): the conflicts a check must find.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from checker.bench.world import PLACES, ArticlePlan

CONFLICT_RATE = 0.04  # share of shared facts an article states differently from the other sources
# An organization's facts recur in a dozen articles, and one wrong statement conflicts with each of them.
ORG_CONFLICT_RATE = CONFLICT_RATE / 4
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PLACE_NAMES = {place[0]: place[1] for place in PLACES}
VOCABULARY = tuple("""
ability access advantage ahead ambition approach artificial balance believe better bold build business
capacity career centre challenge change clear clients commitment communities compute confidence connect
continue core costs critical customers decade decisions deliver demand deploy design develop digital
direction discipline driven early economy efficient energy engineering ensure enterprise every expand
expect experience factories faster focus forward foundation future generation global goals great grid
growth hardware help highest ideas impact important industry infrastructure innovation invest journey
keep key landmark large leadership learn long markets meaningful milestone modern momentum move needs
network next open operations opportunity partners people performance pioneering platform power practical
precision priority productive progress proud quality rapidly ready reliable research resilient responsible
results right scale secure serve shared significant simple skills smart solutions speed stable standards
step strategic strength strong supply support sustainable systems talent teams technology together
tomorrow trust unique value vision wider work world years young
""".split())
PARAPHRASE_FILLERS = ("said", "that", "the", "company", "would", "its", "and", "was", "a", "in")

Claim = dict[str, Any]


class Draft:
    """The article as it is being written: sentences, and claims whose quotes are words of them."""

    def __init__(self, plan: ArticlePlan, rng: random.Random) -> None:
        self.plan, self.rng, self.story = plan, rng, plan.story
        self.sentences: list[str] = []
        self.claims: list[Claim] = []

    def state(self, sentence: str, claim_id: str, subject: str, prop: str, value: dict[str, Any],
              quote: str | None = None, **qualifiers: Any) -> None:
        """Write the sentence and the claim it supports; the quote defaults to the sentence itself."""
        self.sentences.append(sentence)
        claim: Claim = {"id": claim_id, "subject": subject, "property": prop, "value": value}
        if qualifiers:
            claim["qualifiers"] = qualifiers
        claim["quote"] = quote or sentence.rstrip(".")
        self.claims.append(claim)

    def differs(self, rate: float = CONFLICT_RATE) -> bool:
        return self.rng.random() < rate


# ---- how values are written -------------------------------------------------------------------


def money(millions: int) -> str:
    if millions >= 1000:
        return f"${_decimal(millions / 1000)} billion"
    return f"${millions} million"


def about_money(millions: int) -> str:
    billions = millions / 1000
    if billions >= 10:
        return f"about ${round(billions)} billion"
    if billions >= 1:
        return f"about ${_decimal(round(billions, 1))} billion"
    return f"about ${round(millions, -1) or 10} million"


def _decimal(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".")


def day(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def gigawatts(tenths: int) -> str:
    return f"about {_decimal(tenths / 10)} gigawatts"


def sentence_case(text: str) -> str:
    return text[0].upper() + text[1:]


def items_text(items) -> str:
    words = [item.replace("-", " ") for item in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
