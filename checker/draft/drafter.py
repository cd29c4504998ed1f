"""An article's draft claims: values, speech, lists, roles and yes/no facts, each pinned once.

Each candidate gets a property by registry cues (or none: `property: null`, for the
editor); a subject of the kinds that property is about (`subjects:`) named in its
sentence or shortly before, or the registry's deal between two companies the sentence
names, or else the entity named nearest before it; qualifiers from the words around it;
and the shortest quote found once in the article. Candidates that cannot be pinned or
have no subject at all are listed in a comment, not written as claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from checker.draft import cues
from checker.draft.deals import deal_between, deal_mentions, main_deal
from checker.draft.entities import EntityMatcher, Mention, unknown_names
from checker.draft.memberships import membership_facts
from checker.draft.named_facts import (
    demonym_facts,
    entity_cue_facts,
    place_in_name_facts,
    set_cue_facts,
    ticker_facts,
)
from checker.draft.orderings import ordering_facts
from checker.draft.pinning import Pinned, pin
from checker.draft.products import product_facts
from checker.draft.quotes import speeches
from checker.draft.skips import headline_of, in_dateline, market_move
from checker.draft.structures import SUBJECT_KINDS, Structure, lists, roles, yes_no_facts
from checker.draft.subjects import is_governed
from checker.draft.text import Sentence, plain, sentences
from checker.draft.values import ValueSpan, value_spans, with_inherited_currency
from checker.load.provenance import FoldedText
from checker.model.claims import Entity, Property
from checker.model.values import Granularity

ADJACENT = 30  # characters between a value and a deal or project named right after it ("$500 billion Stargate")


@dataclass(frozen=True)
class DraftClaim:
    subject: str
    property: str | None
    value: dict
    quote: Pinned
    start: int  # where the claim's words are in the article
    end: int
    reason: str
    qualifiers: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    claims: tuple[DraftClaim, ...]
    unknown_names: tuple[str, ...]  # proposed registry entries
    left_out: tuple[str, ...]  # what was found but could not be drafted, and why


def draft_article(text: str, entities: Mapping[str, Entity], properties: Mapping[str, Property],
                  published: dt.date | None = None) -> Draft:
    matcher = EntityMatcher(entities)
    named = matcher.mentions(text)
    mentions = deal_mentions(text, named, entities)
    article = FoldedText(text)
    found = sentences(text)
    mentions = _with_sentence_initial_it(text, found, mentions)
    claims: list[DraftClaim] = []
    left_out: list[str] = []
    for speech in speeches(text, found, mentions):
        _add_speech(claims, left_out, article, found, speech, properties)
    story = main_deal(named, entities)
    headline = headline_of(text)
    for sentence in found:
        if headline and headline[0] <= sentence.start < headline[1]:
            continue  # a headline says again, in other words, what the story says
        for structure in (*_sets(text, sentence, mentions, properties, entities), *roles(text, sentence, mentions, properties),
                          *yes_no_facts(text, sentence, properties, mentions),
                          *demonym_facts(text, sentence, mentions, entities, properties),
                          *ticker_facts(text, sentence, mentions, properties),
                          *place_in_name_facts(text, sentence, mentions, entities, properties),
                          *entity_cue_facts(text, sentence, mentions, properties),
                          *set_cue_facts(text, sentence, mentions, properties),
                          *membership_facts(text, sentence, mentions, properties),
                          *ordering_facts(text, sentence, mentions, story, properties)):
            _add_structure(claims, left_out, article, sentence, structure, mentions, entities)
        _add_values(claims, left_out, article, sentence, mentions, entities, properties, published)
    return Draft(_distinct(claims), tuple(unknown_names(text, matcher, named)), tuple(left_out))


def _sets(text: str, sentence: Sentence, mentions: Sequence[Mention], properties, entities) -> list[Structure]:
    """Lists and things made; a list inside the words of a thing made ("products, including the iPhone") is
    part of it."""
    made = product_facts(text, sentence, mentions, properties, entities)
    listed = [s for s in lists(text, sentence, mentions, properties)
              if not any(p.start <= s.start and s.end <= p.end for p in made)]
    return [*listed, *made]


def _with_sentence_initial_it(text: str, found: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    """"Foxconn, best known as ..., has moved into AI. It already manufactures ...": a sentence that opens with
    "It" goes on about the first organization the sentence before it named."""
    added = []
    for previous, sentence in zip(found, found[1:], strict=False):
        opening = re.match(r"Its?\b", text[sentence.start:sentence.end])
        subject = next((m for m in mentions if previous.start <= m.start < previous.end
                        and m.entity.kind == "organization"), None)  # "the company" names one as well
        if opening and subject is not None:
            added.append(Mention(sentence.start, sentence.start + opening.end(), subject.entity, via_reference=True))
    return sorted([*mentions, *added], key=lambda m: (m.start, -(m.end - m.start)))


def _distinct(claims: Sequence[DraftClaim]) -> tuple[DraftClaim, ...]:
    """One draft per fact: two patterns may find the same, an article may repeat it (the first is kept)."""
    seen: set[tuple] = set()
    kept = []
    for claim in claims:
        key = (claim.subject, claim.property, repr(claim.value), claim.qualifiers.get("period"))
        if claim.value["kind"] == "quote":
            key = (*key, claim.quote.exact)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return tuple(kept)


def _sentence_at(found: Sequence[Sentence], offset: int) -> Sentence | None:
    return next((s for s in found if s.start <= offset < s.end), None)


def _add_speech(claims, left_out, article, found, speech, properties) -> None:
    sentence = _sentence_at(found, speech.start)
    pinned = pin(article, sentence, speech.start, speech.end) if sentence else None
    if pinned is None:
        left_out.append(f"a quote that cannot be pinned once: {speech.words[:60]!r}")
        return
    if plain(speech.words).strip() not in plain(pinned.exact):
        return
    prop = "said" if properties.get("said") and properties["said"].value_kind == "quote" else None
    how = "in quotation marks" if speech.verbatim else "reported speech"
    who = "the last speaker named before (no verb of saying nearby)" if speech.guessed else "named by the verb of saying"
    value = {"kind": "quote", "speaker": speech.speaker.entity.id, "verbatim": speech.verbatim, "words": speech.words}
    claims.append(DraftClaim(speech.speaker.entity.id, prop, value, pinned, speech.start, speech.end,
                             f"{how}; speaker {who}"))


def _add_structure(claims, left_out, article, sentence, structure: Structure, mentions, entities) -> None:
    named_in_value = {structure.value.get("entity"), structure.value.get("event"), *structure.value.get("items", ())}
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end and m.entity.id not in named_in_value]
    subject = choose_subject(inside, mentions, structure.start, structure.end, structure.property, entities,
                             text=article.original) \
        if structure.subject is None or (structure.property and structure.property.subjects and
                                         structure.subject.entity.kind not in structure.property.subjects) \
        else structure.subject
    subject = subject or structure.subject
    if subject is None:
        left_out.append(f"a {structure.kind} fact with no subject named before it ({structure.reason})")
        return
    if structure.value.get("entity") == subject.entity.id or structure.value.get("event") == subject.entity.id:
        return  # "Under the deal, OpenAI": a name is no fact about itself
    if structure.kind == "set" and subject.entity.id in structure.value["items"]:
        items = [item for item in structure.value["items"] if item != subject.entity.id]
        if not items:
            return
        structure = replace(structure, value={**structure.value, "items": items})
    start = min(structure.start, subject.start) if subject.start >= sentence.start else structure.start
    pinned = pin(article, sentence, start, structure.end)
    if pinned is None:
        return
    qualifiers = {}
    if structure.kind in ("boolean", "set"):  # "..., but OpenAI said it will get early access": OpenAI's word
        text = article.original
        clause_start = _clause_of(text, sentence, structure.start, structure.end)[0]
        who = cues.attribution(text[clause_start:structure.end], inside, subject.entity.id, clause_start,
                               cues.SAYING_VERBS)
        if who is not None:
            qualifiers["attributed_to"] = who
    claims.append(DraftClaim(subject.entity.id, structure.property.id if structure.property else None,
                             structure.value, pinned, start, structure.end, structure.reason, qualifiers))


_CLAUSE_MARKS = (";", " but ", ", while ", ", though ", ", although ")


def _subject_before(mentions: Sequence[Mention], offset: int) -> Mention | None:
    fitting = [m for m in mentions if m.end <= offset and m.entity.kind in SUBJECT_KINDS and m.entity.kind != "person"]
    return fitting[-1] if fitting else None


def _add_values(claims, left_out, article, sentence, mentions, entities, properties, published) -> None:
    text = article.original
    spans = with_inherited_currency(value_spans(text, sentence, published), published)
    periods = {id(span): _period_of(span, spans) for span in spans}
    used_as_period = {id(p) for p in periods.values() if p is not None}
    body = text[sentence.start:sentence.end]
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
    units = {prop.unit for prop in properties.values() if prop.unit}
    for span in spans:
        if id(span) in used_as_period or in_dateline(text, span.start) or market_move(text, sentence, span, _clause_of(text, sentence, span.start, span.end)):
            continue
        period = periods[id(span)]
        if span.kind == "quantity" and getattr(span.value, "unit", None) not in units:
            span = replace(span, kind="count")
        if span.kind == "count" and not re.search(r"\d", span.text):
            continue  # "two companies", "hundreds of billions": words, seldom a fact anyone checks
        prop, cue = cues.choose_property(span.kind, body, span.start - sentence.start, properties)
        total = re.search(r"\b(?:deals|agreements|contracts)\s+(?:worth|totall?ing|valued at)\s+$",
                          text[max(sentence.start, span.start - 30):span.start])
        if total and prop is not None and "deal" in prop.subjects:  # "deals worth $9 billion": the buyer's, all told
            prop, cue = cues.choose_property(span.kind, body, span.start - sentence.start, properties,
                                             [p.id for p in properties.values() if "deal" in (p.subjects or ())])
        subject = _value_subject(text, span, inside, mentions, sentence, prop, entities)
        if subject is None:
            left_out.append(f"{span.kind} {span.text!r}: no subject named before it")
            continue
        qualifiers = _qualifiers(text, sentence, span, period, inside, subject.entity.id, published)
        start = min(span.start, subject.start) if subject.start >= sentence.start else span.start
        end = max(span.end, subject.end) if subject.start >= sentence.start else span.end
        pinned = pin(article, sentence, start, end)
        if pinned is None:
            left_out.append(f"{span.kind} {span.text!r}: no quote of it is found only once")
            continue
        why = f"{span.kind} read by the normalizer; " + (f"property from the cue {cue!r}" if cue else
                                                          "no property cue nearby: choose one")
        listed = _listed_deals(text, sentence, inside, entities, span) if prop and "deal" in prop.subjects else []
        for deal in listed or [subject.entity]:
            claims.append(DraftClaim(deal.id, prop.id if prop else None, {"kind": span.kind, "text": span.text},
                                     pinned, start, end, why + ("; one claim per deal listed" if listed else ""),
                                     qualifiers))


_DEALS_LISTED = re.compile(r"\b(?:deals|agreements|partnerships|contracts)\b[^.;]*?\b(?:including|such as|with)\s+",
                           re.IGNORECASE)


def _listed_deals(text: str, sentence: Sentence, inside: Sequence[Mention], entities,
                  span: ValueSpan | None = None) -> list[Entity]:
    """"struck deals with chipmakers, including Nvidia and AMD", "a deal with AMD and a partnership with
    Nvidia in the past few months": the registry's deal with each company listed."""
    coordinated = _coordinated_deals(text, inside, span)
    if coordinated:
        return coordinated
    match = _DEALS_LISTED.search(text, sentence.start, sentence.end)
    if match is None:
        return []
    if span is not None:  # "..., including Nvidia and AMD, while also agreeing in October ...": another clause
        between = text[min(span.end, match.end()):max(span.start, match.start())]
        if any(mark in between for mark in _CLAUSE_MARKS):
            return []
    owners = [m for m in inside if m.end <= match.start() and m.entity.kind == "organization"]
    listed = [m for m in inside if m.start >= match.end() and m.entity.kind == "organization" and not m.via_reference]
    if not owners or len(listed) < 2:
        return []
    deals = [deal_between(entities, owners[-1].entity, m.entity) for m in listed]
    found = list({deal.id: deal for deal in deals if deal is not None}.values())
    return found if len(found) >= 2 else []


def _coordinated_deals(text: str, inside: Sequence[Mention], span: ValueSpan | None) -> list[Entity]:
    if span is None:
        return []
    deals = [m for m in inside if m.entity.kind == "deal" and m.end <= span.start]
    run: list[Mention] = []
    for mention in deals:
        if run and not re.fullmatch(r"\s*(?:\([^)]*\))?\s*,?\s*and\s+(?:an?|the)?\s*(?:[a-z]+\s+)?",
                                    text[run[-1].end:mention.start]):
            run = []
        run.append(mention)
    if len({m.entity.id for m in run}) < 2 or span.start - run[-1].end > ADJACENT:
        return []
    return list({m.entity.id: m.entity for m in run}.values())


def _period_of(span: ValueSpan, spans: Sequence[ValueSpan]) -> ValueSpan | None:
    """The time a non-date value covers: the first date after it that is not a single day."""
    if span.kind == "date":
        return None
    for other in spans:
        if other.kind == "date" and other.start >= span.end and \
                getattr(other.value, "granularity", None) not in (Granularity.DAY,):
            return other
    return None


EVENT_KINDS = ("deal", "project", "event", "report", "product")
RECENT = 600  # characters back in which a subject of the fitting kind is still "the one meant"


def _value_subject(text, span, inside, mentions, sentence, prop: Property | None, entities) -> Mention | None:
    around = [m for m in inside if m.start <= span.start and span.end <= m.end and m.entity.kind in EVENT_KINDS]
    named_after = [m for m in inside if 0 <= m.start - span.end <= ADJACENT and m.entity.kind in EVENT_KINDS
                   and not re.search(r"[,;.]", text[span.end:m.start])]  # "$7 billion, a report said": its source
    if around or named_after:
        return (around or named_after)[0]
    clause = _clause_of(text, sentence, span.start, span.end)
    return choose_subject(inside, mentions, span.start, span.end, prop, entities, clause, text)


def choose_subject(inside, mentions, start: int, end: int, prop: Property | None,
                   entities: Mapping[str, Entity] | None = None, clause: tuple[int, int] | None = None,
                   text: str | None = None) -> Mention | None:
    """The entity a fact at [start, end) is about: of the kinds its property is about when one is named
    in the sentence (or is the deal between two companies it names) or shortly before, else the nearest
    entity named before it in the sentence."""
    kinds = tuple(prop.subjects) if prop is not None and prop.subjects else ()
    if kinds:
        pair = _deal_of_pair(_pairable(inside, clause), entities, start) if "deal" in kinds and entities else None
        candidates = sorted([m for m in inside if m.entity.kind in kinds] + ([pair] if pair else []),
                            key=lambda m: m.start)
        fitting = _nearest(_ungoverned(text, candidates, mentions, start), start, end)
        if fitting is not None:
            return fitting
        recent = [m for m in mentions if m.end <= start and start - m.end < RECENT and m.entity.kind in kinds]
        if recent:
            return recent[-1]
    named = [m for m in inside if m.entity.kind in SUBJECT_KINDS and m.entity.kind != "person"]
    return _nearest(_ungoverned(text, named, mentions, start), start, end) or _subject_before(mentions, start)


def _ungoverned(text: str | None, candidates: Sequence[Mention], mentions: Sequence[Mention],
                start: int) -> list[Mention]:
    """"Foxconn, which assembles iPhones for Apple, expects ...": before the fact, a company after "for" is not
    the one it is about, when another is named before it."""
    if text is None or not candidates:
        return list(candidates)
    floor = min(m.start for m in candidates)
    free = [m for m in candidates if m.start >= start or m.via_reference or m.entity.kind != "organization"
            or not is_governed(text, mentions, m, floor)]
    return free if any(m.end <= start for m in free) else list(candidates)


def _pairable(inside: Sequence[Mention], clause: tuple[int, int] | None) -> list[Mention]:
    """The companies of the fact's clause, and the sentence's first: "Acme struck deals ..., while also signing a
    contract with Umbrella Corp" pairs Acme with nobody the clause names."""
    if clause is None:
        return list(inside)
    companies = [m for m in inside if m.entity.kind == "organization"]
    first = companies[:1]
    return [*first, *(m for m in companies if clause[0] <= m.start < clause[1] and m not in first)]


def _clause_of(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    before = text[sentence.start:start]
    after = text[end:sentence.end]
    clause_start = sentence.start + max((before.rfind(mark) + len(mark) for mark in _CLAUSE_MARKS if mark in before),
                                        default=0)
    clause_end = end + min((after.find(mark) for mark in _CLAUSE_MARKS if mark in after), default=len(after))
    return clause_start, clause_end


def _deal_of_pair(inside, entities, offset: int) -> Mention | None:
    """"OpenAI and Broadcom are working together to deploy 10 gigawatts": the registry's deal between them,
    placed where the later of the two is named."""
    companies = sorted({m.entity.id: m for m in inside if m.entity.kind == "organization"}.values(),
                       key=lambda m: abs(m.start - offset))
    for position, first in enumerate(companies):
        for second in companies[position + 1:]:
            deal = deal_between(entities, first.entity, second.entity)
            if deal is not None:
                later = max(first, second, key=lambda m: m.start)
                return Mention(later.start, later.end, deal, via_reference=True)
    return None


def _nearest(candidates: Sequence[Mention], start: int, end: int) -> Mention | None:
    """Named before the fact, else within its words ("the agreement between Acme and Globex does not ..."),
    else after it."""
    before = [m for m in candidates if m.end <= start] or [m for m in candidates if m.start < end]
    if before:
        return before[-1]
    after = [m for m in candidates if m.start >= end]
    return after[0] if after else None


def _qualifiers(text, sentence, span, period, inside, subject, published) -> dict:
    window = text[max(sentence.start, span.start - 60):min(sentence.end, span.end + 40)]
    qualifiers: dict = {}
    if period is not None:
        qualifiers["period"] = period.text
    if span.kind in ("money", "quantity", "count") and (rate := cues.rate(window)):
        qualifiers["rate"] = rate
    if span.kind != "date" and (modality := cues.modality(window)):
        qualifiers["modality"] = modality
    elif span.kind == "date" and (modality := cues.modality(window)) in ("prospective", "unfinalized", "expects"):
        qualifiers["modality"] = modality
    who = cues.attribution(text[sentence.start:sentence.end], inside, subject, sentence.start)
    if who is not None:
        qualifiers["attributed_to"] = who
    return qualifiers
