"""CC103 part-exceeds-whole: values with different periods or scopes are not compared plainly.

Two claims about the same subject and property but with a different period, rate or
scope ("$1 trillion in 2025 alone" and "$1.4 trillion" in total) are never called
equal or conflicting by plain comparison. When one scope lies within the other and the
property adds up (`additive: true`), the part must not exceed the whole: a part
within its whole is *compatible* (explained), a part above its whole is a *conflict*.
Scopes that do not nest (a yearly rate and a total) are *compatible*: not compared.
Only numeric values (money, quantities, counts, fractions) are compared this way; a list
or a yes/no fact under another scope is simply another fact.

Fails (conflict):

```yaml
# article a
- {id: total, subject: openai, property: infrastructure-commitments, value: {kind: money, text: "$1.4 trillion"}, quote: "..."}
# article b
- {id: y2025, subject: openai, property: infrastructure-commitments, value: {kind: money, text: "$2 trillion"}, qualifiers: {period: "2025"}, quote: "..."}
```

Passes (compatible): article b says `$1 trillion` in 2025.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from checker.findings.finding import Finding, Status
from checker.index.compare import intervals_agree
from checker.index.index import SEPARATOR, Index, Key
from checker.model.values import DateSpan, Interval

CODE = "CC103"
NAME = "part-exceeds-whole"
SEVERITY = "error"


NUMERIC_KINDS = frozenset({"money", "quantity", "count", "fraction"})


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for fact, keys in index.keys_by_fact.items():
        if index.corpus.properties[fact[1]].value_kind not in NUMERIC_KINDS:
            continue
        for first_key, second_key in combinations(keys, 2):
            pairs = [(a, b) for a in index.by_key[first_key] for b in index.by_key[second_key] if a.article != b.article]
            if pairs:
                yield _compare(index, first_key, second_key, pairs)


def _compare(index: Index, first_key: Key, second_key: Key, pairs) -> Finding:
    claims = sorted({claim.uid: claim for pair in pairs for claim in pair}.values(), key=lambda claim: claim.uid)
    label = SEPARATOR.join([first_key.subject, first_key.property, f"{_scope(first_key)} vs {_scope(second_key)}"])
    evidence = tuple(index.evidence(claim) for claim in claims)
    nesting = _nesting(pairs[0][0], pairs[0][1])
    prop = index.corpus.properties[first_key.property]
    if nesting is None or not prop.additive:
        reason = "the scopes do not nest" if nesting is None else "this property does not add up over parts"
        message = f"Different scopes, not compared ({reason}): {_values(index, claims)}."
        return Finding(CODE, NAME, Status.COMPATIBLE, message, label, evidence)
    part_key = first_key if nesting == "first-in-second" else second_key
    oversized = [
        (part, whole)
        for a, b in pairs
        for part, whole in [(a, b) if index.key(a) == part_key else (b, a)]
        if _exceeds(part.value, whole.value, prop.tolerance.relative)
    ]
    if oversized:
        part, whole = oversized[0]
        message = (f"A part exceeds its whole: {part.article} gives {index.value_text(part)} for "
                   f"{_scope(index.key(part))}, more than {whole.article}'s {index.value_text(whole)} for "
                   f"{_scope(index.key(whole))}.")
        return Finding(CODE, NAME, Status.CONFLICT, message, label, evidence)
    message = (f"Different scopes, not a contradiction: {_scope(part_key)} is part of "
               f"{_scope(second_key if part_key == first_key else first_key)}, and no part exceeds its whole. "
               f"{_values(index, claims)}.")
    return Finding(CODE, NAME, Status.COMPATIBLE, message, label, evidence)


def _scope(key: Key) -> str:
    return key.scope or "overall"


def _values(index: Index, claims) -> str:
    return "; ".join(f"{claim.article} says {index.value_text(claim)} ({_scope(index.key(claim))})" for claim in claims)


def _nesting(first, second) -> str | None:
    """Which claim's scope lies within the other's, if either does."""
    if _within(first, second):
        return "first-in-second"
    if _within(second, first):
        return "second-in-first"
    return None


def _within(part, whole) -> bool:
    part_q, whole_q = part.claim.qualifiers, whole.claim.qualifiers
    if part_q.rate != whole_q.rate:
        return False
    if whole_q.scope is not None and whole_q.scope != part_q.scope:
        return False
    return _period_within(part.period, whole.period)


def _period_within(part: DateSpan | None, whole: DateSpan | None) -> bool:
    if whole is None:
        return True
    if part is None or None in (part.start, part.end, whole.start, whole.end):
        return False
    return whole.start <= part.start and part.end <= whole.end


def _exceeds(part, whole, tolerance: float) -> bool:
    if not (isinstance(part, Interval) and isinstance(whole, Interval)):
        return False
    if getattr(part, "currency", None) != getattr(whole, "currency", None):
        return False
    return part.entirely_above(whole) and not intervals_agree(part, whole, tolerance)
