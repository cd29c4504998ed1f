"""Re-check the groups a change touches, from the last full check's snapshot.

Given the articles that changed (their claims at the snapshot, and in each version to
check), this gathers from the snapshot every claim that shares a group with them
(`checker.incremental.groups`), plus what those groups need to be judged whole: the dated claims of
the events a relation orders, the quotes of the same speaker that share a word pair with
a changed quote (of another speaker, a run of four words), and the quotes that
corroborate a quote whose corroboration may change. It runs the rules over that small
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
)
from checker.incremental.snapshot import QUOTE_GRAM_SIZES, Snapshot
from checker.index.index import MAX_GRAM_GROUP, Gram, build_index, quote_grams, quote_tokens
from checker.model.claims import Entity, Property, RelationValue
from checker.model.corpus import Corpus, LoadedArticle, LoadedClaim
from checker.rules.engine import run_rules
from checker.rules.single_source import corroborations

# claims_of({article id: claim ids}): those claims of the snapshot, with their articles
Claims = Callable[[Mapping[str, set[str]]], dict[str, tuple[LoadedArticle, list[LoadedClaim]]]]
SAME_SPEAKER_SIZE = 2  # quotes of one speaker pair by a word pair, of two speakers by a run of four (CC105)


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
    relations: set[str] = field(default_factory=set)  # relation claim uids
    quotes: set[str] = field(default_factory=set)  # quote claim uids whose corroboration may change

    def holds(self, rule: str, group: str) -> bool:
        kind, *parts = group.split(SEPARATOR)
        if rule in FACT_RULES:
            return group in self.facts
        if rule in KEY_RULES or (rule == "CC109" and kind == "key"):
            return group in self.keys
        if rule == "CC109":
            return parts[0] in self.quotes
        if rule == "CC108":
            return group in self.signatures
        if rule == "CC110":
            return parts[0] in self.changed
        if rule == "CC106":
            return parts[0] in self.relations
        if rule == "CC105":
            return any(uid.split("/", 1)[0] in self.changed for uid in parts)
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
            {"key": touched.keys, "sig": touched.signatures, "event": touched.events}[kind].add(claim_tag)
        touched.facts.add(fact_prefix(claim.subject, claim.property))
    grouped = pool.add(sorted(snapshot.claims_tagged(touched.signatures | touched.events) |
                              snapshot.claims_with_prefix(touched.facts)))
    relations = [claim for claim in [*grouped, *changed_claims] if isinstance(claim.claim.value, RelationValue)]
    touched.relations.update(claim.uid for claim in relations)
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
    """The quotes a changed quote may pair with, and the partners of every quote whose
    corroboration may change, so that the rules can judge each of them whole."""
    changed_quotes = [claim for version in (before, *targets) for claim in version.all_claims()
                      if is_quote(claim, properties)]
    touched.quotes.update(claim.uid for claim in changed_quotes)
    candidates = set()
    for claim in changed_quotes:
        speaker = claim.claim.value.speaker
        for size, gram in _quote_grams(claim):
            sharing = snapshot.quotes_sharing(size, gram)
            if len(sharing) <= MAX_GRAM_GROUP:
                candidates.update(uid for uid, other in sharing if (other == speaker) == (size == SAME_SPEAKER_SIZE))
    pool.add(sorted(candidates))
    losing = {partner for claim in before.all_claims() if is_quote(claim, properties)
              for partner in snapshot.partners(claim.uid)}
    gaining = set()
    for target, target_counts in zip(targets, counts):
        index = build_index(pool.corpus(target, entities, properties), gram_counts=target_counts)
        for first, second in corroborations(index):
            if first.article in touched.changed or second.article in touched.changed:
                gaining.update(claim.uid for claim in (first, second) if claim.article not in touched.changed)
    shifting = (losing | gaining) - {claim.uid for claim in changed_quotes}
    touched.quotes.update(shifting)
    partners = {partner for uid in shifting for partner in snapshot.partners(uid)}
    pool.add(sorted(shifting | partners))
