"""CC101 value-agreement: sources that state the same single-valued fact must agree.

For a property that has one true value per subject and scope (`cardinality: single`),
every pair of claims from different articles is compared on its normalized value:
intervals that overlap (within the property's tolerance) agree; disjoint intervals
conflict. A vague amount ("multibillion-dollar") that fits a figure is compatible, not
a corroboration. When at least two independent sources agree the fact is *consistent*.
A date that is only a constraint ("in October" with no publication date) cannot
corroborate anything: such a pair is *compatible*, with the reason. Dates that name a
weekday are left to CC102.

Fails (conflict):

```yaml
# article a
- {id: value, subject: stargate, property: deal-value, value: {kind: money, text: "$500 billion"}, quote: "..."}
# article b
- {id: value, subject: stargate, property: deal-value, value: {kind: money, text: "$400 billion"}, quote: "..."}
```

Passes (consistent): article b says `around $500 billion` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.compare import first_common_day, intervals_agree, is_open
from checker.index.index import Index, Key, cross_article_pairs
from checker.model.values import DateSpan, Hedge, Interval

CODE = "CC101"
NAME = "value-agreement"
SEVERITY = "error"
COMPARED_KINDS = ("money", "quantity", "count", "fraction", "date", "entity", "boolean")


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind(*COMPARED_KINDS):
        prop = index.corpus.properties[key.property]
        if prop.cardinality != "single":
            continue
        claims = tuple(claim for claim in index.by_key[key] if not _names_weekday(claim.value))
        yield from _compare_key(index, key, claims, prop.tolerance)


def _names_weekday(value) -> bool:
    return isinstance(value, DateSpan) and value.weekday is not None


def _compare_key(index: Index, key: Key, claims, tolerance) -> Iterator[Finding]:
    agreeing, weak, reasons = set(), set(), set()
    for first, second in cross_article_pairs(claims):
        verdict, reason = _verdict(first, second, tolerance)
        if verdict == "conflict":
            yield _finding(index, key, Status.CONFLICT, (first, second), _conflict_message(index, first, second))
        elif verdict == "weak":
            weak.update((first.uid, second.uid))
            reasons.add(reason)
        elif index.source(first) != index.source(second):
            agreeing.update((first.uid, second.uid))
    if agreeing:
        members = [claim for claim in claims if claim.uid in agreeing]
        yield _finding(index, key, Status.CONSISTENT, members, _agreement_message(index, members))
    undecided = [claim for claim in claims if claim.uid in weak and claim.uid not in agreeing]
    if undecided:
        yield _finding(index, key, Status.COMPATIBLE, undecided, _weak_message(index, undecided, sorted(reasons)))


TOO_VAGUE = 'a vague amount ("multibillion", "hundreds of billions") fits, but is too vague to corroborate a figure'
UNPINNED = "at least one date is not pinned to a calendar (its article states no publication date)"


def _verdict(first, second, tolerance) -> tuple[str, str]:
    a, b = first.value, second.value
    if isinstance(a, DateSpan) and isinstance(b, DateSpan):
        if first_common_day(a, b, tolerance.days) is None:
            return "conflict", ""
        return ("weak", UNPINNED) if is_open(a) or is_open(b) else ("agree", "")
    if isinstance(a, Interval) and isinstance(b, Interval):
        for unit in ("currency", "unit"):
            if getattr(a, unit, None) != getattr(b, unit, None):
                return "weak", f"the {unit}s differ ({getattr(a, unit)} and {getattr(b, unit)}) and are not converted"
        if not intervals_agree(a, b, tolerance.relative):
            return "conflict", ""
        return ("weak", TOO_VAGUE) if Hedge.VAGUE in (a.hedge, b.hedge) else ("agree", "")
    return ("agree", "") if first.claim.value == second.claim.value else ("conflict", "")


def _finding(index: Index, key: Key, status: Status, claims, message: str) -> Finding:
    return Finding(CODE, NAME, status, message, key.label(), tuple(index.evidence(claim) for claim in claims))


def _say(index: Index, claim) -> str:
    return f"{claim.article} says {index.value_text(claim)}"


def _conflict_message(index: Index, first, second) -> str:
    return f"{_say(index, first)}; {_say(index, second)}: the values cannot both be true."


def _agreement_message(index: Index, members) -> str:
    sources = len(index.sources(members))
    statements = sorted({index.statement(claim) for claim in members})
    if len(statements) == 1:
        articles = ", ".join(sorted({claim.article for claim in members}))
        return f"{sources} independent sources agree that {statements[0]} ({articles})."
    said = "; ".join(_say(index, claim) for claim in members)
    return f"{sources} independent sources agree: {said}."


def _weak_message(index: Index, members, reasons: list[str]) -> str:
    said = "; ".join(_say(index, claim) for claim in members)
    return f"Not contradictory, but not a corroboration either: {said}. Why: {'; '.join(reasons)}."
