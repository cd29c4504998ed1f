"""Re-check the groups a change touches, from the last full check's snapshot.

Given the articles that changed (their claims at the snapshot, and in each version to
check), this gathers from the snapshot every claim that shares a group with them
(`checker.incremental.groups`), plus what those groups need to be judged whole: the dated claims of
the events a relation orders, the other claims of the articles a signature group holds
(CC108's reason), every quote of a speaker whose quotes changed, and every quote of the
speakers a run of four words links to them. It runs the rules over that small
corpus and keeps only the findings of the touched groups: exactly what a full check
finds in those groups, since a rule never looks outside a group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from checker.config import Config
from checker.findings.finding import sorted_findings
from checker.incremental.groups import (
    FACT_RULES,
    KEY_RULES,
    SEPARATOR,
    claim_tags,
    fact_prefix,
    finding_group,
    is_quote,
    relation_tag,
    signature_tag,
    speaker_tag,
    tag,
)
from checker.incremental.snapshot import QUOTE_GRAM_SIZES, Snapshot
from checker.index.index import MAX_GRAM_GROUP, Gram, build_index, quote_grams, quote_tokens
from checker.model.claims import Entity, Property, RelationValue
from checker.model.corpus import Corpus, LoadedArticle, LoadedClaim
from checker.rules.engine import run_rules

# claims_of({article id: claim ids}): those claims of the snapshot, with their articles
Claims = Callable[[Mapping[str, set[str]]], dict[str, tuple[LoadedArticle, list[LoadedClaim]]]]
OTHER_SPEAKER_SIZE = 4  # quotes of two speakers are linked by a run of four words (CC105)


class Fallback(Exception):
    """The change cannot be re-checked group by group: the caller runs the full check."""


@dataclass(frozen=True)
class Versions:
    """The changed articles' claims in one version of the corpus (an article absent there: no entry)."""

    articles: Mapping[str, LoadedArticle]
    claims: Mapping[str, tuple[LoadedClaim, ...]]

    def all_claims(self) -> list[LoadedClaim]:
        return [claim for claims in self.claims.values() for claim in claims]


@dataclass
class Touched:
    """The groups a change touches, by kind."""

    changed: frozenset[str]  # article ids
    keys: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    signatures: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)  # relation tags (subject event, relation, other event)
    speakers: set[str] = field(default_factory=set)  # speakers whose quotes changed

    def holds(self, rule: str, group: str) -> bool:
        kind, *parts = group.split(SEPARATOR)
        if rule in FACT_RULES:
            return group in self.facts
        if rule in KEY_RULES or (rule == "CC109" and kind == "key"):
            return group in self.keys
        if rule in ("CC105", "CC109"):
            return any(speaker in self.speakers for speaker in parts)
        if rule == "CC108":
            return group in self.signatures
        if rule in ("CC110", "CC111"):
            return parts[0] in self.changed
        if rule == "CC106":
            return group in self.relations
        return True


def recheck(snapshot: Snapshot, config: Config, before: Versions, targets: list[Versions], claims_of: Claims,
            entities: Mapping[str, Entity], properties: Mapping[str, Property]) -> tuple[Touched, list[tuple]]:
    """For each target version of the changed articles: its small corpus, and its findings in the
    groups the change touches."""
    changed = frozenset(before.claims) | frozenset(article for target in targets for article in target.claims)
    touched = Touched(changed)
    pool = _Pool(claims_of, changed)
    changed_claims = [claim for version in (before, *targets) for claim in version.all_claims()]
    _gather_groups(snapshot, pool, touched, changed_claims, properties)
    counts = [_GramCounts(snapshot, before, target, properties) for target in targets]
    _gather_quotes(snapshot, pool, touched, before, targets, counts, entities, properties)
    results = []
    for target, target_counts in zip(targets, counts):
        index = build_index(pool.corpus(target, entities, properties), gram_counts=target_counts)
        findings = run_rules(index, config)
        kept = [finding for finding in findings if touched.holds(finding.rule,
                                                                finding_group(finding, index.by_uid, properties))]
        results.append((index.corpus, sorted_findings(kept)))
    return touched, results


class _Pool:
    """Claims gathered from the snapshot, never those of changed articles."""

    def __init__(self, claims_of: Claims, changed: frozenset[str]) -> None:
        self.claims_of = claims_of
        self.changed = changed
        self.articles: dict[str, LoadedArticle] = {}
        self.claims: dict[str, LoadedClaim] = {}

    def add(self, uids: Iterable[str]) -> list[LoadedClaim]:
        wanted: dict[str, set[str]] = {}
        for uid in uids:
            article, claim_id = uid.split("/", 1)
            if article not in self.changed and uid not in self.claims:
                wanted.setdefault(article, set()).add(claim_id)
        for article_id, (article, claims) in self.claims_of(wanted).items():
            self.articles[article_id] = article
            self.claims.update((claim.uid, claim) for claim in claims)
        return [self.claims[uid] for uid in uids if uid in self.claims]

    def corpus(self, target: Versions, entities, properties) -> Corpus:
        claims = [*self.claims.values(), *target.all_claims()]
        articles = {claim.article: self.articles.get(claim.article) or target.articles[claim.article]
                    for claim in claims}
        return Corpus(articles, tuple(claims), entities, properties)


def _gather_groups(snapshot: Snapshot, pool: _Pool, touched: Touched, changed_claims: list[LoadedClaim],
                   properties) -> None:
    for claim in changed_claims:
        for claim_tag in claim_tags(claim, properties):
            kind = claim_tag.split(SEPARATOR, 1)[0]
            found = {"key": touched.keys, "sig": touched.signatures, "event": touched.events}.get(kind)
            if found is not None:
                found.add(claim_tag)
        touched.facts.add(fact_prefix(claim.subject, claim.property))
    grouped = pool.add(sorted(snapshot.claims_tagged(touched.signatures | touched.events) |
                              snapshot.claims_with_prefix(touched.facts)))
    # CC108's reason to suspect a mix-up reads the other claims of the articles a signature group holds
    signed = {claim.article for claim in grouped if signature_tag(claim, properties) in touched.signatures}
    pool.add(sorted(snapshot.claims_tagged({tag("article", article) for article in signed})))
    relations = [claim for claim in [*grouped, *changed_claims] if isinstance(claim.claim.value, RelationValue)]
    touched.relations.update(relation_tag(claim) for claim in relations)
    ordered_events = {claim_tag for claim in relations for claim_tag in claim_tags(claim, properties)
                      if claim_tag.startswith("event" + SEPARATOR)}
    pool.add(sorted(snapshot.claims_tagged(ordered_events - touched.events)))


def _quote_grams(claim: LoadedClaim) -> list[tuple[int, str]]:
    tokens = quote_tokens(claim)
    return [(size, " ".join(gram)) for size in QUOTE_GRAM_SIZES for gram in quote_grams(tokens, size)]


class _GramCounts:
    """How many quotes of a target version share each run of words, as the index asks for them:
    the snapshot's counts, those of the changed quotes' runs adjusted to the version. A run
    that crosses the boilerplate limit changes pairs no changed quote is in: refused."""

    def __init__(self, snapshot: Snapshot, before: Versions, target: Versions, properties) -> None:
        self.snapshot = snapshot
        removed = Counter(gram for claim in before.all_claims() if is_quote(claim, properties)
                          for gram in _quote_grams(claim))
        added = Counter(gram for claim in target.all_claims() if is_quote(claim, properties)
                        for gram in _quote_grams(claim))
        self.changed: dict[tuple[int, str], int] = {}
        for gram in removed.keys() | added.keys():
            was = len(snapshot.quotes_sharing(*gram))
            now = was - removed[gram] + added[gram]
            if (was > MAX_GRAM_GROUP) != (now > MAX_GRAM_GROUP):
                raise Fallback(f"the word run {gram[1]!r} crosses the boilerplate limit")
            self.changed[gram] = now

    def get(self, key: tuple[int, Gram], default: int) -> int:
        size, gram = key
        text = (size, " ".join(gram))
        return self.changed[text] if text in self.changed else len(self.snapshot.quotes_sharing(*text))


def _gather_quotes(snapshot: Snapshot, pool: _Pool, touched: Touched, before: Versions, targets: list[Versions],
                   counts: list[_GramCounts], entities, properties) -> None:
    """Every quote of a speaker whose quotes changed (utterances are components of one speaker's
    renderings), and every quote of each speaker whose words a run of four words links to theirs,
    so that the rules judge each utterance and each pair of speakers whole."""
    changed_quotes = [claim for version in (before, *targets) for claim in version.all_claims()
                      if is_quote(claim, properties)]
    touched.speakers.update(claim.claim.value.speaker_key for claim in changed_quotes)
    if not touched.speakers:
        return
    own = pool.add(sorted(snapshot.claims_tagged({speaker_tag(speaker) for speaker in touched.speakers})))
    linked = set()
    for claim in [*own, *changed_quotes]:
        for size, gram in _quote_grams(claim):
            if size != OTHER_SPEAKER_SIZE:
                continue
            sharing = snapshot.quotes_sharing(size, gram)
            if len(sharing) <= MAX_GRAM_GROUP:  # a boilerplate run links nobody (counts refuse a crossing)
                linked.update(speaker for _uid, speaker in sharing)
    pool.add(sorted(snapshot.claims_tagged({speaker_tag(speaker) for speaker in linked - touched.speakers})))
