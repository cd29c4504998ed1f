"""Background facts: what articles say about the organizations and people of a story, and
what only one article says (its analyst, the local project it reports on).

An organization's facts recur in every story it takes part in, so they are corroborated
across stories and outlets; its commitments in the story's year are a part of its total
(a scope difference, compatible unless the part exceeds the whole); its yearly investment
is a rate beside that total. The analyst and the project are the article's own:
single-source by construction.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.bench.draft import (
    ORG_CONFLICT_RATE,
    PLACE_NAMES,
    VOCABULARY,
    Draft,
    about_money,
    gigawatts,
    items_text,
    money,
    sentence_case,
)
from checker.bench.world import COUNTRIES, SITES, Org


def _org(draft: Draft, role: str) -> Org:
    return draft.story.buyer if role == "buyer" else draft.story.seller


def based_in(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    country = draft.rng.choice(COUNTRIES) if draft.differs(ORG_CONFLICT_RATE) else org.country
    sentence = f"{org.name}, which is based in {PLACE_NAMES[country]}, confirmed its role in the agreement."
    draft.state(sentence, f"{role}-based-in", org.id, "based-in", {"kind": "entity", "entity": country},
                quote=f"{org.name}, which is based in {PLACE_NAMES[country]}")


def chief_executive(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    sentence = f"{org.ceo.name} has led {org.name} as chief executive since the company's last restructuring."
    draft.state(sentence, f"{role}-ceo", org.id, "chief-executive", {"kind": "entity", "entity": org.ceo.id},
                quote=f"{org.ceo.name} has led {org.name} as chief executive")


def employer(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    sentence = f"Before the talks, {org.ceo.name} had worked at {org.name} for several years."
    draft.state(sentence, f"{role}-ceo-employer", org.ceo.id, "employer", {"kind": "entity", "entity": org.id},
                quote=f"{org.ceo.name} had worked at {org.name}")


def market_leader(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    category = org.category.replace("-", " ")
    sentence = f"{org.name} is the world's largest company in {category}, according to industry data."
    draft.state(sentence, f"{role}-market-leader", org.id, "market-leader", {"kind": "boolean", "value": True},
                quote=f"{org.name} is the world's largest company in {category}", scope=org.category)


def commitments(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    text = money(org.commitments) if draft.rng.random() < 0.7 else about_money(org.commitments)
    sentence = f"{org.name} has committed {text} to infrastructure overall."
    draft.state(sentence, f"{role}-commitments", org.id, "infrastructure-commitments", {"kind": "money", "text": text},
                modality="committed")


def commitments_this_year(draft: Draft, role: str) -> None:
    org, year = _org(draft, role), draft.story.announced.year
    part = org.commitments * 2 if draft.differs(ORG_CONFLICT_RATE) else org.commitments_this_year
    text = money(part)
    sentence = f"In {year} alone, {org.name} committed {text} to infrastructure."
    draft.state(sentence, f"{role}-commitments-{year}", org.id, "infrastructure-commitments",
                {"kind": "money", "text": text}, quote=f"{org.name} committed {text} to infrastructure",
                period=str(year), modality="committed")


def investment_rate(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    text = money(org.investment_per_year)
    sentence = f"{org.name} invests {text} a year in AI infrastructure."
    draft.state(sentence, f"{role}-investment", org.id, "investment", {"kind": "money", "text": text},
                quote=f"{org.name} invests {text} a year", rate="year", scope="ai-infrastructure")


def revenue(draft: Draft, role: str) -> None:
    org, year = _org(draft, role), draft.story.announced.year
    text = money(org.revenue)
    sentence = f"{org.name} reported annualized revenue of {text} in {year}."
    draft.state(sentence, f"{role}-revenue", org.id, "annualized-revenue", {"kind": "money", "text": text},
                quote=f"{org.name} reported annualized revenue of {text}", period=str(year))


def customers(draft: Draft, role: str) -> None:
    org = _org(draft, role)
    other = draft.story.seller if role == "buyer" else draft.story.buyer
    sentence = f"{org.name} counts {other.name} among its customers."
    draft.state(sentence, f"{role}-customers", org.id, "customers", {"kind": "set", "items": [other.id]})


ORG_FACTS: tuple[tuple[Callable[[Draft, str], None], float], ...] = (
    (based_in, 0.85), (chief_executive, 0.75), (employer, 0.6), (market_leader, 0.55), (commitments, 0.65),
    (commitments_this_year, 0.6), (investment_rate, 0.55), (revenue, 0.6), (customers, 0.5),
)


# ---- the article's own: its analyst and the local project it reports on ----------------------


def analyst_employer(draft: Draft) -> None:
    plan = draft.plan
    sentence = f"{plan.analyst.name}, an analyst at {plan.analyst_firm.name}, follows the sector closely."
    draft.state(sentence, "analyst-employer", plan.analyst.id, "employer",
                {"kind": "entity", "entity": plan.analyst_firm.id}, quote=f"{plan.analyst.name}, an analyst at "
                f"{plan.analyst_firm.name}")


def analyst_quote(draft: Draft) -> None:
    plan, rng = draft.plan, draft.rng
    words = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randrange(12, 18)))
    words = words[0].upper() + words[1:]
    sentence = f"\u201c{words},\u201d said {plan.analyst.name}."
    draft.state(sentence, "analyst-said", plan.analyst.id, "said",
                {"kind": "quote", "speaker": plan.analyst.id, "verbatim": True}, quote=words)


def project_start(draft: Draft) -> None:
    plan, year = draft.plan, draft.story.announced.year - draft.rng.randrange(0, 3)
    sentence = f"Work on {plan.project_name} started in {year}."
    draft.state(sentence, "project-start", plan.project_id, "started-on", {"kind": "date", "text": str(year)})


def project_site(draft: Draft) -> None:
    plan, site = draft.plan, draft.rng.choice(SITES)
    sentence = f"{sentence_case(plan.project_name)} is located in {PLACE_NAMES[site]}."
    draft.state(sentence, "project-site", plan.project_id, "located-in", {"kind": "entity", "entity": site})


def project_capacity(draft: Draft) -> None:
    plan = draft.plan
    text = gigawatts(draft.rng.randrange(2, 40))
    sentence = f"Once complete, {plan.project_name} will use {text}."
    draft.state(sentence, "project-capacity", plan.project_id, "capacity", {"kind": "quantity", "text": text})


def project_cost(draft: Draft) -> None:
    plan = draft.plan
    text = about_money(draft.rng.randrange(50, 20_000))
    sentence = f"Building {plan.project_name} will cost {text}."
    draft.state(sentence, "project-cost", plan.project_id, "investment", {"kind": "money", "text": text},
                modality="expects")


def project_partners(draft: Draft) -> None:
    plan, story = draft.plan, draft.story
    items = [story.buyer.id, plan.analyst_firm.id] if plan.analyst_firm != story.buyer else [story.buyer.id]
    names = [story.buyer.name] + ([plan.analyst_firm.name] if len(items) > 1 else [])
    sentence = f"{sentence_case(plan.project_name)} is run by {items_text(names)}."
    draft.state(sentence, "project-partners", plan.project_id, "participants", {"kind": "set", "items": items})


def analyst_firm_based_in(draft: Draft) -> None:
    firm = draft.plan.analyst_firm
    sentence = f"{firm.name} has its headquarters in {PLACE_NAMES[firm.country]}."
    draft.state(sentence, "analyst-firm-based-in", firm.id, "based-in", {"kind": "entity", "entity": firm.country})


def project_going_ahead(draft: Draft) -> None:
    plan = draft.plan
    sentence = f"Local officials said {plan.project_name} is going ahead as planned."
    draft.state(sentence, "project-cancelled", plan.project_id, "cancelled", {"kind": "boolean", "value": False},
                quote=f"{plan.project_name} is going ahead as planned")


LOCAL_FACTS: tuple[tuple[Callable[[Draft], None], float], ...] = (
    (analyst_employer, 0.8), (analyst_quote, 0.7), (analyst_firm_based_in, 0.6), (project_start, 0.8),
    (project_site, 0.8), (project_capacity, 0.7), (project_cost, 0.75), (project_partners, 0.65),
    (project_going_ahead, 0.5),
)
