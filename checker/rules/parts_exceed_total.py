"""CC110 parts-exceed-total: listed parts must not add up to more than their stated total.

A claim whose `qualifiers.part_of` names another claim of the same article is one part
of that total ("$1 trillion ... including a $300 billion deal with Oracle and the $500
billion Stargate initiative"). The smallest values the parts can take are added up; if
that sum is above the largest value the total can take, the article contradicts itself.
Otherwise the parts are *compatible* with the total, and the message shows the sum.

Fails (conflict):

```yaml
- {id: total, subject: openai, property: infrastructure-commitments, value: {kind: money, text: "$1 trillion"}, quote: "..."}
- {id: part-a, subject: openai-oracle-deal, property: deal-value, value: {kind: money, text: "$800 billion"}, qualifiers: {part_of: total}, quote: "..."}
- {id: part-b, subject: stargate, property: deal-value, value: {kind: money, text: "$500 billion"}, qualifiers: {part_of: total}, quote: "..."}
```

Passes (compatible): part-a is `$300 billion` (the parts add up to $800 billion).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from checker.findings.finding import Finding, Status
from checker.index.describe import amount
from checker.index.index import SEPARATOR, Index
from checker.model.values import Interval

CODE = "CC110"
NAME = "parts-exceed-total"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    parts_by_total: dict[str, list] = defaultdict(list)
    for claim in index.by_uid.values():
        whole_id = claim.claim.qualifiers.part_of
        if whole_id is not None:
            parts_by_total[f"{claim.article}/{whole_id}"].append(claim)
    for total_uid, parts in sorted(parts_by_total.items()):
        total = index.by_uid.get(total_uid)
        if total is not None:
            yield _compare(index, total, parts)


def _compare(index: Index, total, parts) -> Finding:
    key = index.key(total)
    label = SEPARATOR.join([key.label(), "listed parts"])
    evidence = tuple(index.evidence(claim) for claim in (total, *parts))
    unit = _unit(total.value)
    comparable = [part for part in parts if isinstance(part.value, Interval) and _unit(part.value) == unit]
    if not isinstance(total.value, Interval) or len(comparable) != len(parts):
        message = f"{len(parts)} parts are listed under {index.value_text(total)}, but their values cannot be added up to it."
        return Finding(CODE, NAME, Status.COMPATIBLE, message, label, evidence)
    smallest_sum = sum((part.value.low or Decimal(0) for part in parts), Decimal(0))
    listing = ", ".join(f"{part.claim.id} {index.value_text(part)}" for part in parts)
    ceiling = total.value.high
    if ceiling is not None and smallest_sum > ceiling:
        message = (f"The listed parts ({listing}) add up to at least {amount(smallest_sum)}, "
                   f"more than the total {index.value_text(total)}.")
        return Finding(CODE, NAME, Status.CONFLICT, message, label, evidence)
    message = (f"The listed parts ({listing}) add up to at least {amount(smallest_sum)}, "
               f"within the total {index.value_text(total)}.")
    return Finding(CODE, NAME, Status.COMPATIBLE, message, label, evidence)


def _unit(value) -> tuple:
    return (getattr(value, "currency", None), getattr(value, "unit", None))
