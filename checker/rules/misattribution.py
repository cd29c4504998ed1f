"""CC108 possible-misattribution: the same distinctive value attached to different subjects.

When two articles give the same exact amount, quantity or dated window for the same
property but about different subjects (the $500 billion of Stargate given as the value
of another deal), one of them may have attached the figure to the wrong thing. This is
flagged for review as a conflict of warning severity; an editor dismisses it when both
are right. Vague or hedged values ("hundreds of billions", "around $1 trillion") and
periods a year or longer are too common to be distinctive and are not compared.

Flags (conflict, for review):

```yaml
# article a
- {id: v, subject: stargate, property: deal-value, value: {kind: money, text: "$500 billion"}, quote: "..."}
# article b
- {id: v, subject: openai-oracle-deal, property: deal-value, value: {kind: money, text: "$500 billion"}, quote: "..."}
```

Passes: article b gives the Oracle deal as `$300 billion`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.index import SEPARATOR, Index, cross_article_pairs
from checker.model.values import DateSpan, Interval

CODE = "CC108"
NAME = "possible-misattribution"
SEVERITY = "warning"
MAX_WINDOW_DAYS = 200  # a half-year window is distinctive; a whole year is not


def distinctive(value) -> tuple | None:
    """A hashable form of a value precise enough that a repeat is unlikely to be chance."""
    if isinstance(value, DateSpan):
        if value.start is None or value.end is None or (value.end - value.start).days > MAX_WINDOW_DAYS:
            return None
        return ("date", value.start, value.end)
    if isinstance(value, Interval) and value.is_point and value.hedge is None and value.low:
        return (value.kind, value.low, getattr(value, "currency", None), getattr(value, "unit", None))
    return None


def check(index: Index, options: None = None) -> Iterator[Finding]:
    groups: dict[tuple, list] = defaultdict(list)
    for claim in index.by_uid.values():
        signature = distinctive(claim.value)
        if signature is not None:
            groups[(claim.property, signature)].append(claim)
    for (prop, _signature), claims in sorted(groups.items(), key=lambda item: repr(item[0])):
        for first, second in cross_article_pairs(tuple(claims)):
            if first.subject != second.subject:
                yield _finding(index, prop, first, second)


def _finding(index: Index, prop: str, first, second) -> Finding:
    message = (f"The same {prop} ({index.value_text(first)}) is given for {index.entity_name(first.subject)} "
               f"in {first.article} and for {index.entity_name(second.subject)} in {second.article}: "
               "check that each figure belongs to its subject.")
    label = SEPARATOR.join([f"{first.subject} / {second.subject}", prop])
    return Finding(CODE, NAME, Status.CONFLICT, message, label, (index.evidence(first), index.evidence(second)))
