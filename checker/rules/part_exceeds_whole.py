"""CC103 part-exceeds-whole: values with different periods or scopes are not compared plainly.

Two claims about the same subject and property but with a different period, rate or
scope ("$1 trillion in 2025 alone" and "$1.4 trillion" in total) are never called
equal or conflicting by plain comparison. When one scope lies within the other and the
property adds up (`additive: true`), the part must not exceed the whole: a part
within its whole is *compatible* (explained), a part above its whole is a *conflict*.
Scopes that do not nest (a yearly rate and a total) are *compatible*: not compared. Each
key's claims are clustered first (`checker.clusters`), so a part is compared with its
whole cluster by cluster, never claim pair by claim pair. Two horizons of one fact ("over
the next six years" and "over the next seven years": periods that run forward from the
article's publication date) are linked in one *compatible* finding that warns the
horizons differ.
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
from decimal import Decimal
from itertools import combinations

from checker.findings.finding import Finding, Status, stable_id
from checker.index import clusters as clustering
from checker.index.factstory import MAX_NAMED, amount_item, named
from checker.index.index import SEPARATOR, Index, Key
from checker.model.values import UNRESOLVED_DATE, DateSpan

CODE = "CC103"
NAME = "part-exceeds-whole"
SEVERITY = "error"


NUMERIC_KINDS = frozenset({"money", "quantity", "count", "fraction"})


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for fact, keys in index.keys_by_fact.items():
        prop = index.corpus.properties[fact[1]]
        if prop.value_kind not in NUMERIC_KINDS or len(keys) < 2:
            continue
        tolerance = Decimal(str(prop.tolerance.relative))
        found = {key: clustering.cluster([amount_item(claim, index.source(claim), tolerance)
                                          for claim in index.by_key[key]]) for key in keys}
        for first_key, second_key in combinations(keys, 2):
            articles = {claim.article for key in (first_key, second_key) for claim in index.by_key[key]}
            if len(articles) > 1:
                yield _compare(index, (first_key, second_key), found)


def horizon_years(index: Index, claim) -> float | None:
    """A period that runs forward from the article's publication date ("over the next six
    years"): its length in years; None for any other period."""
    span = claim.period
    if span is None:
        return None
    stated = getattr(span, "horizon_years", None)
    if stated is not None:
        return float(stated)
    published = index.published(claim)
    if published is None or span.start != published or span.end is None:
        return None
    return round((span.end - span.start).days / 365.25, 1)


def _compare(index: Index, keys: tuple[Key, Key], found) -> Finding:
    first_key, second_key = keys
    claims = sorted((claim for key in keys for claim in index.by_key[key]), key=lambda claim: claim.uid)
    label = SEPARATOR.join([first_key.subject, first_key.property, f"{_scope(first_key)} vs {_scope(second_key)}"])
    evidence = tuple(index.evidence(claim) for claim in claims)
    first, second = index.by_key[first_key][0], index.by_key[second_key][0]
    prop = index.corpus.properties[first_key.property]
    horizons = horizon_years(index, first), horizon_years(index, second)
    if None not in horizons and first.claim.qualifiers.rate == second.claim.qualifiers.rate:
        return _finding(Status.COMPATIBLE, _horizon_message(index, keys, horizons), label, evidence)
    nesting = _nesting(first, second)
    if nesting is None or not prop.additive:
        reason = "the scopes do not nest" if nesting is None else "this property does not add up over parts"
        anchors = _anchors(index, keys)
        return _finding(Status.COMPATIBLE, f"Different scopes, not compared ({reason}): {_values(index, keys)}."
                        + anchors, label, evidence)
    part_key, whole_key = keys if nesting == "first-in-second" else keys[::-1]
    oversized = [(part, whole) for part in found[part_key].clusters for whole in found[whole_key].clusters
                 if _exceeds(part, whole)]
    if oversized:
        message = (f"A part exceeds its whole: {_scope(part_key)} ({_key_values(index, part_key)}) is more than "
                   f"{_scope(whole_key)} ({_key_values(index, whole_key)}).")
        return _finding(Status.CONFLICT, message, label, evidence)
    message = (f"Different scopes, not a contradiction: {_scope(part_key)} is part of {_scope(whole_key)}, and no "
               f"part exceeds its whole. {_values(index, keys)}.")
    return _finding(Status.COMPATIBLE, message, label, evidence)


def _anchors(index: Index, keys: tuple[Key, Key]) -> str:
    """An unresolved period ("by the end of this year" in an undated article) read within the
    year the fact's other claims pin, when they pin exactly one."""
    claims = [index.by_key[key][0] for key in index.keys_by_fact[keys[0].fact]]
    years = {claim.period.start.year for claim in claims if claim.period is not None and claim.period.start
             and claim.period.end and claim.period.start.year == claim.period.end.year}
    unresolved = [index.by_key[key][0] for key in keys if index.by_key[key][0].period == UNRESOLVED_DATE]
    if len(years) != 1 or not unresolved:
        return ""
    [year] = years
    return "".join(f" \u201c{claim.claim.qualifiers.period}\u201d cannot be dated ({claim.article} states no "
                   f"publication date); the fact's other claims pin {year}, within which it is most likely meant."
                   for claim in unresolved)


def _finding(status: Status, message: str, label: str, evidence) -> Finding:
    return Finding(CODE, NAME, status, message, label, evidence, aspect=status.value,
                   id=stable_id(CODE, label, status.value))


def _horizon_message(index: Index, keys: tuple[Key, Key], horizons) -> str:
    said = "; ".join(f"{_key_values(index, key)} over {years:g} years" for key, years in zip(keys, horizons))
    warning = ("the horizons differ, so the amounts are not compared plainly; check each outlet's horizon"
               if horizons[0] != horizons[1] else "the same horizon counted from different publication dates")
    return f"One fact with two horizons: {said}. Warning: {warning}."


def _scope(key: Key) -> str:
    return key.scope or "overall"


def _key_values(index: Index, key: Key) -> str:
    claims = index.by_key[key]
    texts = sorted({index.value_text(claim) for claim in claims})
    shown = ", ".join(texts[:MAX_NAMED]) + (f" and {len(texts) - MAX_NAMED} more" if len(texts) > MAX_NAMED else "")
    return f"{named(claim.article for claim in claims)}: {shown}"


def _values(index: Index, keys) -> str:
    return "; ".join(f"{_key_values(index, key)} ({_scope(key)})" for key in keys)


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


def _exceeds(part, whole) -> bool:
    """Every value the part's cluster allows is above every value the whole's allows (tolerance included)."""
    part_items, whole_items = part.members or part.fitting, whole.members or whole.fitting
    if not part_items or not whole_items or part_items[0].unit != whole_items[0].unit:
        return False
    low = part.region_low
    return low is not None and whole.point is not None and low > whole.point and low[0] > whole.point[0]
