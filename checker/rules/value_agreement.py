"""CC101 value-agreement: sources that state the same single-valued fact must agree.

For a property with one true value per subject and scope (`cardinality: single`), the
claims of a key are grouped into value clusters: claims whose intervals share a value
(within the property's tolerance) agree. One finding tells the fact's story: "3
independent sources say USD 500 billion (a, b, c); d says USD 400 billion". With a clear
majority the finding names the outlier(s); without one it shows the values side by side.

- Two clusters that cannot both be true: *conflict*.
- A bound ("at least $80 billion", "up to $80 billion") whose stated number is the
  cluster's value corroborates it, with a note naming the bounds and who said them.
- A bound or vague amount that only fits, or an open bound that only touches ("more than
  $12 billion" against "$12 billion"): *compatible*, never a corroboration. Two identical
  vague amounts ("tens of billions" twice) do corroborate each other.
- At least two independent sources in one cluster: *consistent*. A key with one source
  is left to CC109.
- Inside one article, a point and a range, or values that cannot both be true, for the
  same fact ("$3 billion" in the summary, "$1 billion to $3 billion" in the body): a
  *conflict* of its own, one per article.

Dates are CC102's. Amounts in different currencies or units are not converted.

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

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from checker.findings.finding import Finding, Status, stable_id
from checker.index import clusters as clustering
from checker.index.clusters import Item
from checker.index.factstory import Story, amount_item, tell
from checker.index.index import Index, Key
from checker.model.values import Hedge, Interval

CODE = "CC101"
NAME = "value-agreement"
SEVERITY = "error"
COMPARED_KINDS = ("money", "quantity", "count", "fraction", "entity", "boolean", "rate")
BOUND_WORDS = {None: "exactly", Hedge.MORE_THAN: "more than", Hedge.AT_LEAST: "at least",
               Hedge.LESS_THAN: "less than", Hedge.UP_TO: "up to"}


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind(*COMPARED_KINDS):
        prop = index.corpus.properties[key.property]
        if prop.cardinality != "single":
            continue
        claims = index.by_key[key]
        items = {claim.uid: amount_item(claim, index.source(claim), Decimal(str(prop.tolerance.relative)))
                 for claim in claims}
        yield from _within_articles(index, key, claims, items)
        if len(index.sources(claims)) > 1:
            yield _across(index, key, claims, items)


def _across(index: Index, key: Key, claims, items: dict[str, Item]) -> Finding:
    by_unit: dict[object, list[Item]] = defaultdict(list)
    for item in items.values():
        by_unit[item.unit].append(item)
    story = Story([clustering.cluster(group) for _unit, group in sorted(by_unit.items(), key=repr)],
                  {claim.uid: claim for claim in claims}, lambda uid: index.by_uid[uid].article,
                  lambda uid: index.value_text(index.by_uid[uid]))
    if len(by_unit) > 1:
        units = sorted({" ".join(part for part in unit if part) or "no unit" for unit in by_unit})
        story.compatible_reasons.append(f"Amounts in different currencies or units ({', '.join(units)}) "
                                        "are not converted, so they are not compared")
    story.notes.extend(_bound_notes(index, story))
    return tell(story, CODE, NAME, key.label(), lambda uid: index.evidence(index.by_uid[uid]))


def _bound_notes(index: Index, story: Story) -> list[str]:
    """Claims that corroborate one value with different bounds ("at least", "up to", plain)."""
    notes = []
    for each in (cluster for found in story.clusterings for cluster in found.clusters):
        hedges = {}
        for item in each.members:
            value = index.by_uid[item.uid].value
            hedge = value.hedge if isinstance(value, Interval) and value.hedge in BOUND_WORDS else None
            hedges.setdefault(BOUND_WORDS[hedge], []).append(story.article_of(item.uid))
        if len(hedges) > 1:
            said = "; ".join(f"{word}: {', '.join(sorted(set(articles))[:5])}" for word, articles in sorted(hedges.items()))
            notes.append(f"The same value is stated with different bounds ({said}); not a contradiction, "
                         "but the firmer wording should match what is known")
    return notes


def _within_articles(index: Index, key: Key, claims, items: dict[str, Item]) -> Iterator[Finding]:
    by_article: dict[str, list] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    for article, own in sorted(by_article.items()):
        if len(own) > 1 and _inconsistent(own, items):
            said = "; ".join(f"{index.value_text(claim)} (line {claim.provenance.line})" for claim in own)
            message = f"{article} states this fact twice, differently: {said}. One of them needs correcting."
            aspect = f"within:{article}"
            yield Finding(CODE, NAME, Status.CONFLICT, message, key.label(),
                          tuple(index.evidence(claim) for claim in own), aspect=aspect,
                          id=stable_id(CODE, key.label(), aspect))


def _inconsistent(claims, items: dict[str, Item]) -> bool:
    """A point and a range, or values that cannot both be true."""
    spans = [items[claim.uid] for claim in claims]
    if any(not a.span.overlaps(b.span) and a.unit == b.unit for a in spans for b in spans):
        return True
    shapes = {_shape(claim.value) for claim in claims}
    return {"point", "range"} <= shapes


def _shape(value) -> str:
    if isinstance(value, Interval) and value.hedge is None and value.is_point:
        return "point"
    return "range" if isinstance(value, Interval) and value.hedge is Hedge.RANGE else "other"
