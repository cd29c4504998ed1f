"""CC106 temporal-order: "followed by", "after", "earlier" checked against the events' dates.

A relation claim says its subject event happened before or after another event. Every
date the corpus gives for the two events (properties marked `event_time: true`, such
as `announced-on`), from the same article or any other, is checked against it: dates
that make the order impossible are a conflict; dates that confirm it are consistent;
dates that overlap cannot decide it (compatible, with the reason).

Fails (conflict), in one article published 2025-11-21:

```yaml
- {id: friday, subject: capex-report, property: announced-on, value: {kind: date, text: "Friday"}, quote: "..."}
- {id: october, subject: october-report, property: announced-on, value: {kind: date, text: "in October"}, quote: "..."}
- {id: order, subject: capex-report, property: ordered-relative-to, value: {kind: relation, relation: before, event: october-report}, quote: "This was followed by a report in October"}
```

Passes (consistent): the relation is `after`.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.index import Index
from checker.model.values import DateSpan

CODE = "CC106"
NAME = "temporal-order"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind("relation"):
        for relation in index.by_key[key]:
            subject_dates = index.dated_events.get(relation.subject, ())
            other_dates = index.dated_events.get(relation.claim.value.event, ())
            if subject_dates and other_dates:
                yield _judge(index, relation, subject_dates, other_dates)


def order(subject: DateSpan, other: DateSpan, relation: str) -> str:
    """'holds', 'violated' or 'undecided' for `subject <relation> other`."""
    earlier, later = (subject, other) if relation == "before" else (other, subject)
    if earlier.end is not None and later.start is not None and earlier.end < later.start:
        return "holds"
    if earlier.start is not None and later.end is not None and earlier.start > later.end:
        return "violated"
    return "undecided"


def _judge(index: Index, relation, subject_dates, other_dates) -> Finding:
    verb = relation.claim.value.relation
    outcomes = {"holds": [], "violated": [], "undecided": []}
    for subject_date in subject_dates:
        for other_date in other_dates:
            outcomes[order(subject_date.value, other_date.value, verb)].append((subject_date, other_date))
    status, pairs, explanation = _verdict(outcomes)
    involved = {relation.uid: relation}
    for pair in pairs:
        involved.update({claim.uid: claim for claim in pair})
    subject_name, other_name = index.entity_name(relation.subject), index.entity_name(relation.claim.value.event)
    dates = "; ".join(
        f"{subject_name}: {index.value_text(a)} in {a.article}, {other_name}: {index.value_text(b)} in {b.article}"
        for a, b in pairs
    )
    joiner = "but" if status is Status.CONFLICT else "and"
    message = f"{relation.article} says {subject_name} came {verb} {other_name}, {joiner} {explanation} Dates given: {dates}."
    evidence = tuple(index.evidence(claim) for claim in sorted(involved.values(), key=lambda c: c.uid))
    return Finding(CODE, NAME, status, message, index.key(relation).label(), evidence)


def _verdict(outcomes) -> tuple[Status, list, str]:
    if outcomes["violated"]:
        return Status.CONFLICT, outcomes["violated"], "the dates say the opposite order."
    if outcomes["holds"]:
        return Status.CONSISTENT, outcomes["holds"], "the dates confirm the order."
    return Status.COMPATIBLE, outcomes["undecided"], "the dates overlap, so they cannot decide the order."
