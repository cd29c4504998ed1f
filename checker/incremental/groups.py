"""The groups each rule compares claims within, so that a change is re-checked group by group.

Every rule compares a claim only with claims that share something with it: its key
(subject, property, scope), its fact (subject and property), its distinctive value (and,
for the reason to suspect a mix-up, the other claims of its article), the events it dates
or orders, its article, its speaker's quotes. A claim's *tags* name the groups it belongs
to; a finding's *group* names the one group its rule formed it in. When claims come or go,
only the findings of the groups their tags name can change.

This module must follow the rules exactly; `tests/test_incremental.py` checks that a
change re-checked group by group gives the findings a full check gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from checker.findings.finding import Finding
from checker.index.index import Index, Key, key_of
from checker.model.claims import Property, RelationValue
from checker.model.corpus import LoadedClaim
from checker.model.values import DateSpan
from checker.rules import misattribution

SEPARATOR = "\x1f"  # never in an id, a slug or a label
GROUPED_RULES = frozenset({"CC101", "CC102", "CC103", "CC104", "CC105", "CC106", "CC107", "CC108", "CC109",
                           "CC110", "CC111"})
KEY_RULES = frozenset({"CC101", "CC102", "CC104"})
FACT_RULES = frozenset({"CC103", "CC107"})


def tag(kind: str, *parts: str) -> str:
    return SEPARATOR.join((kind, *parts))


def key_tag(key: Key) -> str:
    return tag("key", key.subject, key.property, key.scope)


def fact_prefix(subject: str, prop: str) -> str:
    """The start every key tag of a fact shares: a fact's claims are a range of key tags."""
    return tag("key", subject, prop, "")


def signature_tag(claim: LoadedClaim, properties: Mapping[str, Property]) -> str | None:
    signature = misattribution.signature(claim, properties)
    if signature is None:
        return None
    return tag("sig", claim.property, *(_canonical(part) for part in signature))


def _canonical(part) -> str:
    """Equal values, one text: Decimal('5E+11') and Decimal('500000000000') are one group."""
    if isinstance(part, Decimal):
        return "D" + str(part.normalize())
    if isinstance(part, dt.date):
        return part.isoformat()
    return "-" if part is None else str(part)


def event_tags(claim: LoadedClaim, prop: Property) -> list[str]:
    """The events a claim dates (an event-time date) or orders (a relation)."""
    if prop.event_time and isinstance(claim.value, DateSpan):
        return [tag("event", claim.subject)]
    value = claim.claim.value
    if isinstance(value, RelationValue):
        return [tag("event", claim.subject), tag("event", value.event)]
    return []


def claim_tags(claim: LoadedClaim, properties: Mapping[str, Property], tagged_key: str | None = None) -> list[str]:
    """Every group the claim belongs to, but its article and its quote's word runs (looked up apart);
    `tagged_key`: the tag of the claim's key, when made already."""
    tags = [tagged_key or key_tag(key_of(claim))]
    signature = signature_tag(claim, properties)
    if signature is not None:
        tags.append(signature)
    prop = properties.get(claim.property)
    if prop is not None:
        tags.extend(event_tags(claim, prop))
        if prop.value_kind == "quote":
            tags.append(speaker_tag(claim.claim.value.speaker_key))
    tags.append(tag("article", claim.article))
    return tags


def speaker_tag(speaker: str) -> str:
    return tag("speaker", speaker)


def relation_tag(claim: LoadedClaim) -> str:
    value = claim.claim.value
    return tag("relation", claim.subject, value.relation, value.event)


def index_tags(index: Index) -> Iterator[tuple[str, str]]:
    """(tag, uid) for every claim of the index, a key's tag made once for all its claims (a snapshot
    of 10,000 articles holds some 400,000 of them)."""
    properties = index.corpus.properties
    for key, claims in index.by_key.items():
        tagged = key_tag(key)
        for claim in claims:
            uid = claim.uid
            yield from ((claim_tag, uid) for claim_tag in claim_tags(claim, properties, tagged))


def is_quote(claim: LoadedClaim, properties: Mapping[str, Property]) -> bool:
    prop = properties.get(claim.property)
    return prop is not None and prop.value_kind == "quote"


def finding_group(finding: Finding, claims: Mapping[str, LoadedClaim], properties: Mapping[str, Property],
                  key_of_claim: Callable[[LoadedClaim], Key] = key_of) -> str:
    """The group the finding's rule formed it in, from the claims it cites."""
    first = claims[finding.evidence[0].uid]
    rule = finding.rule
    if rule in KEY_RULES or (rule == "CC109" and not is_quote(first, properties)):
        return key_tag(key_of_claim(first))
    if rule == "CC109":
        return speaker_tag(first.claim.value.speaker_key)
    if rule in FACT_RULES:
        return fact_prefix(first.subject, first.property)
    if rule == "CC108":
        return signature_tag(first, properties) or tag("sig")
    if rule in ("CC110", "CC111"):  # within one article
        return tag("article", first.article)
    if rule == "CC106":
        cited = (claims[item.uid] for item in finding.evidence)
        relation = next(claim for claim in cited if isinstance(claim.claim.value, RelationValue))
        return relation_tag(relation)
    if rule == "CC105":
        speaker = finding.key.split(" · ", 1)[0]
        if finding.aspect.startswith("other-speaker:"):
            return tag("speakers", speaker, finding.aspect.split(":", 2)[1])
        return speaker_tag(speaker)
    return tag("rule", rule)
