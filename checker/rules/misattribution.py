"""CC108 possible-misattribution: the same distinctive value given for different subjects.

Equal values for different subjects are common and mostly chance: round figures ($50
billion, 5 GW), the same calendar month, the same relative window, the same announcement
day of two events in one news cycle. A value is flagged only when both hold:

- it is *distinctive*: an exact figure not round at its own scale (one significant digit,
  or two ending in 5, is round: $500 billion, $25 billion; $1.37 billion is not), a range
  whose ends are such figures, or a specific window of days for a fact that is not an
  event's date (a deployment period, not an announcement day);
- there is a *reason* to suspect a mix-up: one of the articles also speaks of the other
  subject, or the claims share a period, rate or scope (which is part of what must match:
  an "initial" amount never matches a total).

One finding (conflict, warning severity) per group of claims sharing such a value, for an
editor to confirm each figure belongs to its subject.

Flags (conflict, for review):

```yaml
# article a
- {id: v, subject: stargate, property: deal-value, value: {kind: money, text: "$1.37 billion"}, quote: "..."}
- {id: p, subject: openai-oracle-deal, property: partner, value: {kind: entity, entity: oracle}, quote: "..."}
# article b
- {id: v, subject: openai-oracle-deal, property: deal-value, value: {kind: money, text: "$1.37 billion"}, quote: "..."}
```

Passes: the figure is `$500 billion` (round), or article a says nothing of the Oracle deal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from checker.findings.finding import Finding, Status, stable_id
from checker.index.factstory import named
from checker.index.index import SEPARATOR, Index, key_of
from checker.model.claims import EntityValue, RelationValue
from checker.model.values import DateSpan, Granularity, Hedge, Interval

CODE = "CC108"
NAME = "possible-misattribution"
SEVERITY = "warning"
MAX_WINDOW_DAYS = 200  # a half-year window is distinctive; a whole year is not


def is_round(number: Decimal) -> bool:
    """Round at its own scale: one significant digit, or two ending in 5."""
    significant = "".join(map(str, number.normalize().as_tuple().digits)).rstrip("0") or "0"
    return len(significant) == 1 or (len(significant) == 2 and significant[-1] == "5")


def distinctive(value, event_time: bool = False) -> tuple | None:
    """A hashable form of a value precise enough that a repeat is unlikely to be chance."""
    if isinstance(value, DateSpan):
        if event_time or value.start is None or value.end is None or value.hedge is not None:
            return None
        if value.granularity is not Granularity.DAY or (value.end - value.start).days > MAX_WINDOW_DAYS:
            return None
        return ("date", value.start, value.end)
    if isinstance(value, Interval) and value.low and value.high and value.hedge in (None, Hedge.RANGE):
        if value.is_point and not is_round(value.low):
            return (value.kind, value.low.normalize(), getattr(value, "currency", None), getattr(value, "unit", None))
        if not value.is_point and not (is_round(value.low) and is_round(value.high)):
            return (value.kind, value.low.normalize(), value.high.normalize(), getattr(value, "currency", None),
                    getattr(value, "unit", None))
    return None


def signature(claim, properties) -> tuple | None:
    """What two claims must share to be suspected of one mix-up: property, scope and value."""
    prop = properties.get(claim.property)
    if prop is not None and prop.value_kind == "relation":  # its size is how far apart two events are
        return None
    value = distinctive(claim.value, bool(prop and prop.event_time))
    return None if value is None else (claim.property, key_of(claim).scope, *value)


def check(index: Index, options: None = None) -> Iterator[Finding]:
    groups: dict[tuple, list] = defaultdict(list)
    for claim in index.by_uid.values():
        found = signature(claim, index.corpus.properties)
        if found is not None:
            groups[found].append(claim)
    for found, claims in sorted(groups.items(), key=lambda item: repr(item[0])):
        subjects = {claim.subject for claim in claims}
        reason = _suspect(index, claims, subjects, found[1]) if len(subjects) > 1 else None
        if reason:
            yield _finding(index, found, sorted(claims, key=lambda claim: claim.uid), sorted(subjects), reason)


def mentioned(index: Index, article: str) -> set[str]:
    """The entities an article's claims speak of."""
    by_article = index._remembered("mentions", "all", lambda: _mentions(index))
    return by_article.get(article, set())


def _mentions(index: Index) -> dict[str, set[str]]:
    mentions: dict[str, set[str]] = defaultdict(set)
    for claim in index.by_uid.values():
        value = claim.claim.value
        named_entities = {claim.subject}
        if isinstance(value, EntityValue):
            named_entities.add(value.entity)
        if isinstance(value, RelationValue):
            named_entities.add(value.event)
        mentions[claim.article] |= named_entities
    return mentions


def _suspect(index: Index, claims, subjects: set[str], scope: str) -> str | None:
    """Why a mix-up is likely, or None."""
    if scope:
        return f"the claims share the scope {scope}"
    for claim in sorted(claims, key=lambda claim: claim.uid):
        others = sorted(mentioned(index, claim.article) & (subjects - {claim.subject}))
        if others:
            return f"{claim.article} also speaks of {index.entity_name(others[0])}"
    return None


def _finding(index: Index, found: tuple, claims, subjects: list[str], reason: str) -> Finding:
    prop = found[0]
    value = index.value_text(claims[0])
    given = "; ".join(f"for {index.entity_name(subject)} in {named(c.article for c in claims if c.subject == subject)}"
                      for subject in subjects)
    message = (f"The same distinctive {prop} ({value}) is given {given}, and {reason}: check that each figure "
               "belongs to its subject.")
    label = SEPARATOR.join([" / ".join(subjects), prop] + ([found[1]] if found[1] else []))
    aspect = repr(found[2:])
    return Finding(CODE, NAME, Status.CONFLICT, message, label, tuple(index.evidence(claim) for claim in claims),
                   aspect=aspect, id=stable_id(CODE, SEPARATOR.join([prop, found[1]]), aspect))
