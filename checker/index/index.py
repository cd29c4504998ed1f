"""The index: claims grouped by subject, property and scope, built once and read by every rule."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from checker.findings.finding import Evidence
from checker.index import describe
from checker.index.compare import folded_words
from checker.index.utterances import ANY_OCCASION, Occasion, related, utterances
from checker.model.claims import (
    PARTY_JOINER,
    BooleanValue,
    Entity,
    EntityValue,
    Property,
    QuoteValue,
    RateValue,
    RelationValue,
)
from checker.model.corpus import Corpus, LoadedClaim
from checker.model.typography import fold
from checker.model.values import UNRESOLVED_DATE, DateSpan

SEPARATOR = " · "


@dataclass(frozen=True, order=True, slots=True)
class Key:
    """What a claim is about: two claims with the same key state the same fact."""

    subject: str
    property: str
    scope: str = ""  # period, rate and scope label; "" for a plain total

    @property
    def fact(self) -> tuple[str, str]:
        return (self.subject, self.property)

    def label(self) -> str:
        return SEPARATOR.join(part for part in (self.subject, self.property, self.scope) if part)


def period_label(span: DateSpan | None, text: str | None) -> str:
    if span is None:
        return ""
    if span.start is not None and span.end is not None:
        if (span.start.month, span.start.day, span.end.month, span.end.day) == (1, 1, 12, 31):
            years = span.start.year, span.end.year
            return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"
        return f"{span.start.isoformat()}..{span.end.isoformat()}"
    if span.start is not None or span.end is not None:
        return f"{span.start.isoformat() if span.start else ''}..{span.end.isoformat() if span.end else ''}"
    return fold(text or "").lower()


def key_of(claim: LoadedClaim) -> Key:
    qualifiers = claim.claim.qualifiers
    parts = [period_label(claim.period, qualifiers.period)]
    if qualifiers.rate:
        parts.append(f"per {qualifiers.rate}")
    if qualifiers.scope:
        parts.append(qualifiers.scope)
    if isinstance(claim.claim.value, RateValue):
        parts.append(f"per {claim.claim.value.per}")
    return Key(claim.subject, claim.property, ", ".join(part for part in parts if part))


def independent_source(claim: LoadedClaim, corpus: Corpus) -> str:
    """Who really stands behind a claim: an outlet it is attributed to, the wire or outlet the
    article carries, its publisher, or, when none is known, the article itself. Articles with
    byte-identical texts are one source (the first of them by id stands for all). An unnamed
    source is never a source of its own: it counts as the outlet that reports it."""
    outlets = [party for party in claim.claim.qualifiers.attributed if _kind(corpus.entities, party) == "outlet"]
    if outlets:
        return "outlet:" + "+".join(outlets)
    # anyone else, unnamed sources above all, is heard through the article's outlet
    meta = corpus.articles[corpus.twins.get(claim.article, claim.article)].meta
    if meta.derived_from:
        return "outlet:" + "+".join(sorted(meta.derived_from))
    if meta.publisher is not None:
        return f"outlet:{meta.publisher}"
    return f"article:{meta.id}"


def _kind(entities: Mapping[str, Entity], entity_id: str) -> str | None:
    entity = entities.get(entity_id)
    return entity.kind if entity else None


Gram = tuple[str, ...]


@dataclass(frozen=True)
class Index:
    """Claims grouped for the rules. Derived values a rule asks for repeatedly (evidence, value
    texts, quote pairs) are computed once per claim and kept: the index is read-only, so they
    never go stale."""

    corpus: Corpus
    by_key: Mapping[Key, tuple[LoadedClaim, ...]]
    keys_by_fact: Mapping[tuple[str, str], tuple[Key, ...]]
    key_by_uid: Mapping[str, Key]
    source_by_uid: Mapping[str, str]
    by_uid: Mapping[str, LoadedClaim]
    # How many quotes of the whole corpus share each word run, when this index holds only part of
    # the corpus (an incremental check); None: count the quotes held here.
    gram_counts: Mapping[tuple[int, Gram], int] | None = None

    def property(self, claim: LoadedClaim) -> Property:
        return self.corpus.properties[claim.property]

    @cached_property
    def _held(self) -> dict[int, tuple[Key, str]]:
        """Each claim's key and source by the claim's identity: the rules ask millions of times, and
        a uid is a new string each time it is asked for."""
        return {id(claim): (self.key_by_uid[uid], self.source_by_uid[uid]) for uid, claim in self.by_uid.items()}

    def key(self, claim: LoadedClaim) -> Key:
        held = self._held.get(id(claim))
        return held[0] if held is not None else self.key_by_uid[claim.uid]

    def source(self, claim: LoadedClaim) -> str:
        held = self._held.get(id(claim))
        return held[1] if held is not None else self.source_by_uid[claim.uid]

    def sources(self, claims: Iterable[LoadedClaim]) -> set[str]:
        return {self.source(claim) for claim in claims}

    def keys_of_kind(self, *kinds: str) -> list[Key]:
        return [key for key in self.by_key if self.corpus.properties[key.property].value_kind in kinds]

    def published(self, claim: LoadedClaim) -> dt.date | None:
        return self.corpus.articles[claim.article].published

    def statement(self, claim: LoadedClaim) -> str:
        """The claim as a sentence: `OpenAI-Foxconn partnership was announced on 2025-11-20 (Thursday)`."""
        value = claim.claim.value
        subject = self.entity_name(claim.subject)
        if isinstance(value, QuoteValue):
            return self.value_text(claim)
        if isinstance(value, RelationValue):
            return f"{subject} came {self.value_text(claim)}"
        label = self.corpus.properties[claim.property].label
        separator = ": " if isinstance(value, BooleanValue) else " "
        scope = self.key(claim).scope
        return f"{subject} {label}{separator}{self.value_text(claim)}" + (f" ({scope})" if scope else "")

    def entity_name(self, entity_id: str) -> str:
        if PARTY_JOINER in entity_id:
            names = [self.entity_name(party) for party in entity_id.split(PARTY_JOINER)]
            return ", ".join(names[:-1]) + " and " + names[-1]
        entity = self.corpus.entities.get(entity_id)
        return entity.name if entity else entity_id

    @cached_property
    def _memo(self) -> dict[str, dict]:
        return defaultdict(dict)

    def _remembered(self, kind: str, key, compute):
        kept = self._memo[kind]
        found = kept.get(key)
        if found is None:
            found = kept[key] = compute()
        return found

    def _per_held_claim(self, kind: str, claim: LoadedClaim, compute):
        """Remembered by the claim's identity only for a claim this index holds: alive as long as the
        index, its address is its own, whereas a passing claim's address may be given to the next."""
        if id(claim) not in self._held:
            return compute(claim)
        return self._remembered(kind, id(claim), lambda: compute(claim))

    def evidence(self, claim: LoadedClaim) -> Evidence:
        return self._per_held_claim("evidence", claim, self._evidence)

    def _evidence(self, claim: LoadedClaim) -> Evidence:
        article = self.corpus.articles[claim.article]
        provenance = claim.provenance
        return Evidence(
            article=claim.article,
            claim=claim.claim.id,
            key=self._remembered("label", self.key(claim), self.key(claim).label),
            quote=provenance.exact,
            line=provenance.line,
            start=provenance.start,
            end=provenance.end,
            value=self.value_text(claim),
            article_path=article.text_path,
            claim_file=claim.location.path,
            claim_line=claim.location.line,
            claim_column=claim.location.column,
        )

    def value_text(self, claim: LoadedClaim) -> str:
        return self._per_held_claim("value", claim, self._value_text)

    def _value_text(self, claim: LoadedClaim) -> str:
        value = claim.claim.value
        if isinstance(value, RelationValue):
            size = f" ({value.by}: {describe.days_apart(claim.value)})" if value.by and claim.value else ""
            return f"{value.relation} {self.entity_name(value.event)}{size}"
        if claim.value == UNRESOLVED_DATE:
            return f"\u201c{claim.claim.value.text}\u201d (cannot be dated: the article states no publication date)"
        if claim.value is not None and isinstance(value, RateValue):
            return f"{describe.normalized(claim.value)} per {value.per}"
        if claim.value is not None:
            return describe.normalized(claim.value)
        value = claim.claim.value
        if isinstance(value, EntityValue):
            return self.entity_name(value.entity)
        if isinstance(value, RelationValue):
            return f"{value.relation} {self.entity_name(value.event)}"
        if isinstance(value, QuoteValue):
            occasion = occasion_of(claim)
            said = "" if occasion == ANY_OCCASION else f" (said {self._occasion_text(occasion)})"
            return f"{self.entity_name(value.speaker_key)}: \u201c{value.words or claim.provenance.exact}\u201d" + (
                "" if value.verbatim else " (paraphrased)"
            ) + said
        return describe.authored(value)

    def _occasion_text(self, occasion: Occasion) -> str:
        named = occasion if occasion.where is None else Occasion(occasion.start, occasion.end,
                                                                 self.entity_name(occasion.where))
        return named.label() or "on an unknown day"

    @cached_property
    def dated_events(self) -> Mapping[str, tuple[LoadedClaim, ...]]:
        """Claims that say when an event happened, by event entity."""
        events: dict[str, list[LoadedClaim]] = defaultdict(list)
        for claim in self.by_uid.values():
            if self.corpus.properties[claim.property].event_time and isinstance(claim.value, DateSpan):
                events[claim.subject].append(claim)
        return {event: tuple(sorted(items, key=_uid)) for event, items in events.items()}

    def quote_tokens(self, claim: LoadedClaim) -> tuple[str, ...]:
        return self._remembered("tokens", quote_words(claim), lambda: quote_tokens(claim))

    def utterances(self) -> Mapping[str, list]:
        """Each speaker's utterances (`checker.utterances`), computed once for the rules that ask."""
        def compute():
            quotes: dict[str, list[LoadedClaim]] = defaultdict(list)
            for key in self.keys_of_kind("quote"):
                for claim in self.by_key[key]:
                    quotes[claim.claim.value.speaker_key].append(claim)
            return {speaker: utterances(speaker, claims, self.quote_tokens, quote_words, self.source, related,
                                        occasion_of)
                    for speaker, claims in sorted(quotes.items())}
        return self._remembered("utterances", "all", compute)



def occasion_of(claim: LoadedClaim) -> Occasion:
    """When and where the claim's words were said, as far as its qualifiers tell."""
    stated, where = claim.stated_on, claim.claim.qualifiers.stated_in
    if stated is None and where is None:
        return ANY_OCCASION
    return Occasion(stated.start if stated else None, stated.end if stated else None, where)


def _uid(claim: LoadedClaim) -> str:
    return claim.uid


def build_index(corpus: Corpus, gram_counts: Mapping[tuple[int, Gram], int] | None = None) -> Index:
    uids = sorted(((claim.uid, claim) for claim in corpus.claims), key=itemgetter(0))  # one uid string per claim
    grouped: dict[Key, list[LoadedClaim]] = defaultdict(list)
    keys: dict[Key, Key] = {}  # one Key object per group, shared by its claims
    key_by_uid: dict[str, Key] = {}
    for uid, claim in uids:
        key = key_of(claim)
        key = keys.setdefault(key, key)
        grouped[key].append(claim)
        key_by_uid[uid] = key
    by_key = {key: tuple(grouped[key]) for key in sorted(grouped)}  # claims arrive sorted by uid
    facts: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for key in by_key:
        facts[key.fact].append(key)
    return Index(
        corpus=corpus,
        by_key=by_key,
        keys_by_fact={fact: tuple(keys) for fact, keys in sorted(facts.items())},
        key_by_uid=key_by_uid,
        source_by_uid={uid: independent_source(claim, corpus) for uid, claim in uids},
        by_uid=dict(uids),
        gram_counts=gram_counts,
    )


def quote_words(claim: LoadedClaim) -> str:
    value = claim.claim.value
    return (value.words if isinstance(value, QuoteValue) and value.words else None) or claim.provenance.exact


MAX_GRAM_GROUP = 500  # a word run shared by more quotes than this is boilerplate, not evidence


def quote_tokens(claim: LoadedClaim) -> tuple[str, ...]:
    return tuple(folded_words(quote_words(claim)))


def quote_grams(tokens: tuple[str, ...], size: int) -> set[Gram]:
    """The runs of `size` words of a quote (a shorter quote is one run)."""
    return {tokens[i : i + size] for i in range(max(1, len(tokens) - size + 1))}
