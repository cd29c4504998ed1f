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

A relation with a size (`by: hours`, `by: two weeks`, `by: shortly`) also says how many
calendar days apart the two events are (`checker.load.relation_offsets`): "two weeks
after" is 10 to 18 days, "hours earlier" 0 or 1 day. The dates must then fit the size
too: "two weeks after" with dates one day apart is a conflict; "hours earlier" with both
events on the same day is consistent (without a size, the same day cannot decide the
order). Relations of one triple with different sizes are judged apart.

Fails (conflict): `{kind: relation, relation: after, event: other-deal, by: two weeks}`
with the deal announced on March 4, 2025 and the other deal on March 3, 2025.
Passes (consistent): `by: hours`, with both announced on March 3, 2025.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.findings.finding import Finding, Status, stable_id
from checker.index import clusters as clustering
from checker.index.describe import date_span, days_apart
from checker.index.factstory import date_item, is_firm, named, region_span
from checker.index.index import Index
from checker.model.values import DateSpan, Quantity

CODE = "CC106"
NAME = "temporal-order"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    triples: dict[tuple[str, str, str, Quantity | None], list] = defaultdict(list)
    for key in index.keys_of_kind("relation"):
        for relation in index.by_key[key]:
            value = relation.claim.value
            triples[(relation.subject, value.relation, value.event, relation.value)].append(relation)
    for (subject, verb, other, size), relations in sorted(triples.items(), key=_triple_order):
        subject_dates = event_dates(index, subject)
        other_dates = event_dates(index, other)
        if subject_dates and other_dates:
            yield _judge(index, (subject, verb, other, size), relations, subject_dates, other_dates)


def _triple_order(item) -> tuple:
    (subject, verb, other, size), _relations = item
    return (subject, verb, other, size is not None, size.low if size else 0, size.high if size else 0,
            size is not None and size.high is None)


def order(subject: DateSpan, other: DateSpan, relation: str, size: Quantity | None = None) -> str:
    """'holds', 'violated' or 'undecided' for `subject <relation> other`, `size` calendar days apart."""
    earlier, later = (subject, other) if relation == "before" else (other, subject)
    if size is not None:
        return _sized_order(earlier, later, size)
    if earlier.end is not None and later.start is not None and earlier.end < later.start:
        return "holds"
    if earlier.start is not None and later.end is not None and earlier.start > later.end:
        return "violated"
    return "undecided"


def _sized_order(earlier: DateSpan, later: DateSpan, size: Quantity) -> str:
    """Whether the days from `earlier` to `later` fit the size: all of them, none, or some."""
    fewest = None if later.start is None or earlier.end is None else (later.start - earlier.end).days
    most = None if later.end is None or earlier.start is None else (later.end - earlier.start).days
    low, high = size.low or 0, size.high
    if (most is not None and most < low) or (high is not None and fewest is not None and fewest > high):
        return "violated"
    if fewest is not None and most is not None and low <= fewest and (high is None or most <= high):
        return "holds"
    return "undecided"


def event_dates(index: Index, event: str) -> list[tuple[DateSpan, list]]:
    """An event's dates as clusters: (the span its claims share, the claims), few however many
    sources date it; claims that only bound it stand for themselves when nothing is firm."""
    def compute():
        claims = index.dated_events.get(event, ())
        firm = [claim for claim in claims if is_firm(claim.value)]
        if not firm:
            spans: dict[DateSpan, list] = defaultdict(list)
            for claim in claims:
                spans[claim.value.model_copy(update={"hedge": None})].append(claim)
            return sorted(spans.items(), key=lambda item: repr(item[0]))
        found = clustering.cluster([date_item(claim, index.source(claim), 0) for claim in firm])
        return [(region_span(each), [index.by_uid[item.uid] for item in each.members]) for each in found.clusters]
    return index._remembered("event-dates", event, compute)


def _judge(index: Index, triple, relations, subject_dates, other_dates) -> Finding:
    subject, verb, other, size = triple
    outcomes = {"holds": [], "violated": [], "undecided": []}
    for subject_date in subject_dates:
        for other_date in other_dates:
            outcomes[order(subject_date[0], other_date[0], verb, size)].append((subject_date, other_date))
    status, pairs, explanation = _verdict(outcomes, size)
    involved = {relation.uid: relation for relation in relations}
    for pair in pairs:
        involved.update({claim.uid: claim for _span, claims in pair for claim in claims})
    subject_name, other_name = index.entity_name(subject), index.entity_name(other)
    dates = "; ".join(f"{subject_name}: {_dated(index, a)}, {other_name}: {_dated(index, b)}" for a, b in pairs[:5])
    joiner = "but" if status is Status.CONFLICT else "and"
    sayers = named(relation.article for relation in relations)
    sized = "" if size is None else f" {relations[0].claim.value.by} ({days_apart(size)})"
    message = (f"{sayers} say{'s' if len({r.article for r in relations}) == 1 else ''} {subject_name} came{sized} "
               f"{verb} {other_name}, {joiner} {explanation} Dates given: {dates}.")
    if status is Status.CONFLICT and any(_one_day_apart(a[0], b[0]) for a, b in pairs):
        message += (" The two days are one day apart, consistent with a time-zone difference: sources in "
                    "different time zones can both be right locally. An editor should decide.")
    evidence = tuple(index.evidence(claim) for claim in sorted(involved.values(), key=lambda c: c.uid))
    label = index.key(relations[0]).label() + f" · {verb} {other}" + ("" if size is None else f" by {days_apart(size)}")
    return Finding(CODE, NAME, status, message, label, evidence, aspect=status.value,
                   id=stable_id(CODE, label, status.value))


def _one_day_apart(first: DateSpan, second: DateSpan) -> bool:
    return first.is_day and second.is_day and abs((first.start - second.start).days) == 1


def _dated(index: Index, date) -> str:
    span, claims = date
    return f"{date_span(span)} in {named(claim.article for claim in claims)}"
def _verdict(outcomes, size: Quantity | None = None) -> tuple[Status, list, str]:
    if outcomes["violated"]:
        said = "the dates say the opposite order." if size is None else "the dates say another order or distance."
        return Status.CONFLICT, outcomes["violated"], said
    if outcomes["holds"]:
        said = "the dates confirm the order." if size is None else "the dates confirm the order and the distance."
        return Status.CONSISTENT, outcomes["holds"], said
    return Status.COMPATIBLE, outcomes["undecided"], "the dates overlap, so they cannot decide the order."
