"""The story's facts: what the articles covering one deal state, mostly alike.

Most of them are corroborated by the story's other articles; `Draft.differs` makes a
controlled share disagree (a conflict), and some differ only in firmness (`intends`) or
in how much of a quote they carry (an excerpt, a paraphrase).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from checker.bench.draft import (
    CONFLICT_RATE,
    PARAPHRASE_FILLERS,
    PLACE_NAMES,
    VOCABULARY,
    WEEKDAYS,
    Draft,
    about_money,
    day,
    gigawatts,
    items_text,
    money,
    sentence_case,
)
from checker.bench.world import SITES, Person, Statement


def deal_name(draft: Draft) -> str:
    return f"the agreement between {draft.story.buyer.name} and {draft.story.seller.name}"


def announced(draft: Draft) -> None:
    story, plan, rng = draft.story, draft.plan, draft.rng
    date = story.announced + dt.timedelta(days=rng.choice((-2, 1, 2))) if draft.differs() else story.announced
    form = rng.random()
    if form < 0.3 and plan.published - date < dt.timedelta(days=7) and date <= plan.published:
        text = WEEKDAYS[date.weekday()]
        sentence = f"{story.buyer.name} and {story.seller.name} announced their agreement on {text}."
    elif form < 0.4:
        text = f"in {date:%B} {date.year}"
        sentence = f"{sentence_case(deal_name(draft))} was first made public {text}."
    else:
        text = day(date)
        sentence = f"{sentence_case(deal_name(draft))} was announced on {text}."
    draft.state(sentence, "deal-announced", story.deal_id, "announced-on", {"kind": "date", "text": text})


def deal_value(draft: Draft) -> None:
    story, rng = draft.story, draft.rng
    millions = story.value
    if draft.differs():
        millions = int(millions * rng.choice((0.5, 0.7, 1.4, 2)))
    text = money(millions) if rng.random() < 0.6 else about_money(millions)
    modality = "intends" if rng.random() < 0.1 else None
    verb = "would be worth" if modality else "is worth"
    sentence = f"People familiar with the matter said {deal_name(draft)} {verb} {text}."
    quote = f"{deal_name(draft)} {verb} {text}"
    qualifiers = {"modality": modality} if modality else {}
    draft.state(sentence, "deal-value", story.deal_id, "deal-value", {"kind": "money", "text": text}, quote,
                **qualifiers)


def capacity(draft: Draft) -> None:
    tenths = draft.story.capacity * (3 if draft.differs() else 1)
    text = gigawatts(tenths)
    sentence = f"The systems covered by {deal_name(draft)} will draw {text} of power."
    draft.state(sentence, "deal-capacity", draft.story.deal_id, "capacity", {"kind": "quantity", "text": text})


def components(draft: Draft) -> None:
    story, rng = draft.story, draft.rng
    items = sorted(rng.sample(story.components, rng.randrange(2, 5)), key=story.components.index)
    complete = rng.random() < CONFLICT_RATE / 2
    lead = "only" if complete else "components such as"
    sentence = f"Under {deal_name(draft)}, {story.seller.name} will supply {lead} {items_text(items)}."
    value = {"kind": "set", "items": items, **({"exhaustive": True} if complete else {})}
    draft.state(sentence, "deal-components", story.deal_id, "components", value)


def participants(draft: Draft) -> None:
    story = draft.story
    sentence = f"The partnership unites {story.buyer.name} with supplier {story.seller.name}."
    draft.state(sentence, "deal-participants", story.deal_id, "participants",
                {"kind": "set", "items": [story.buyer.id, story.seller.id]})


def purchase_commitments(draft: Draft) -> None:
    commits = draft.story.purchase_commitments != draft.differs()
    sentence = (f"{sentence_case(deal_name(draft))} includes binding purchase commitments." if commits
                else f"{sentence_case(deal_name(draft))} does not include any binding purchase commitments.")
    draft.state(sentence, "deal-purchase-commitments", draft.story.deal_id, "includes-purchase-commitments",
                {"kind": "boolean", "value": commits})


def early_access(draft: Draft) -> None:
    sentence = f"{draft.story.buyer.name} will get early access to test the hardware under {deal_name(draft)}."
    draft.state(sentence, "deal-early-access", draft.story.deal_id, "grants-early-access",
                {"kind": "boolean", "value": True}, attributed_to=draft.story.buyer.id)


def deal_site(draft: Draft) -> None:
    site = draft.rng.choice(SITES) if draft.differs() else draft.story.site
    sentence = f"The systems of {deal_name(draft)} will be built in {PLACE_NAMES[site]}."
    draft.state(sentence, "deal-site", draft.story.deal_id, "located-in", {"kind": "entity", "entity": site})


def deployment(draft: Draft) -> None:
    year = draft.story.deployment_year
    sentence = f"Deployment under {deal_name(draft)} is expected to begin in {year}."
    draft.state(sentence, "deal-deployment", draft.story.deal_id, "deployment-start",
                {"kind": "date", "text": f"in {year}"}, quote=f"{deal_name(draft)} is expected to begin in {year}",
                modality="expects")


def report_date(draft: Draft) -> None:
    story = draft.story
    text = day(story.report_date) if draft.rng.random() < 0.9 else f"in {story.report_date:%B} {story.report_date.year}"
    sentence = f"The deal follows {story.report_name}, published {'on ' if ',' in text else ''}{text}."
    draft.state(sentence, "report-published", story.report_id, "announced-on", {"kind": "date", "text": text},
                quote=f"{story.report_name}, published {'on ' if ',' in text else ''}{text}")


def ordering(draft: Draft) -> None:
    story = draft.story
    relation = "before" if draft.differs() else "after"
    word = "preceded" if relation == "before" else "came after"
    sentence = f"The announcement of {deal_name(draft)} {word} {story.report_name}."
    draft.state(sentence, "deal-after-report", story.deal_id, "ordered-relative-to",
                {"kind": "relation", "relation": relation, "event": story.report_id})


def _statement_words(draft: Draft, statement: Statement) -> tuple[str, bool, Person]:
    """How this outlet renders a statement: whole, an excerpt, a paraphrase, a misquote, or
    words given to the wrong speaker (the last two at the conflict rate)."""
    rng, words = draft.rng, list(statement.words)
    speaker, verbatim, form = statement.speaker, True, rng.random()
    if form < CONFLICT_RATE / 2:
        words[3], words[-3] = rng.choice(VOCABULARY), rng.choice(VOCABULARY)  # a misquote
    elif form < CONFLICT_RATE * 0.7:
        other = draft.story.buyer.ceo if speaker != draft.story.buyer.ceo else draft.story.seller.ceo
        speaker = other  # the right words, the wrong speaker
    elif form < 0.3:
        start = rng.randrange(0, len(words) - 8)
        words = words[start : start + 8]
    elif form < 0.45:
        verbatim = False
        words = [word if rng.random() < 0.7 else rng.choice(PARAPHRASE_FILLERS) for word in words]
    return " ".join(words), verbatim, speaker


def _say(draft: Draft, claim_id: str, statement: Statement, role: str) -> None:
    words, verbatim, speaker = _statement_words(draft, statement)
    if verbatim:
        words = words[0].upper() + words[1:]
        sentence = f"\u201c{words},\u201d {speaker.name}, {role}, said."
    else:
        sentence = f"{speaker.name}, {role}, said the company would {words}."
    subject = draft.story.deal_id if draft.rng.random() < 0.25 else speaker.id  # said about the deal
    draft.state(sentence, claim_id, subject, "said",
                {"kind": "quote", "speaker": speaker.id, "verbatim": verbatim}, quote=words)


def buyer_quote(draft: Draft) -> None:
    _say(draft, "buyer-ceo-said", draft.story.statements[0], f"chief executive of {draft.story.buyer.name}")


def seller_quote(draft: Draft) -> None:
    _say(draft, "seller-ceo-said", draft.story.statements[1], f"chief executive of {draft.story.seller.name}")


def purchase_option(draft: Draft) -> None:
    sentence = f"{draft.story.buyer.name} will have the option to buy the systems once they are finalized."
    draft.state(sentence, "deal-purchase-option", draft.story.deal_id, "grants-purchase-option",
                {"kind": "boolean", "value": True})


STORY_FACTS: tuple[tuple[Callable[[Draft], None], float], ...] = (
    (announced, 0.95), (deal_value, 0.9), (capacity, 0.75), (components, 0.8), (participants, 0.7),
    (purchase_commitments, 0.7), (early_access, 0.6), (purchase_option, 0.6), (deal_site, 0.7), (deployment, 0.65),
    (report_date, 0.7), (ordering, 0.65), (buyer_quote, 0.9), (seller_quote, 0.75),
)
