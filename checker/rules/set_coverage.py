"""CC104 set-coverage: lists of items across sources (components, locations, partners).

Items listed by at least two independent sources are corroborated; items only one
source lists are single-source, which is not a contradiction: outlets shorten lists.
Only a list the article marks complete (`exhaustive: true`) can conflict, when another
source names an item it leaves out. One finding per key: the union of the items with
their sources, each complete list checked against it (linear in the lists).

Fails (conflict):

```yaml
# article a
- {id: parts, subject: deal, property: components, value: {kind: set, items: [cabling, power-systems], exhaustive: true}, quote: "..."}
# article b
- {id: parts, subject: deal, property: components, value: {kind: set, items: [cabling, cooling]}, quote: "..."}
```

Passes (consistent): article a's list is not marked exhaustive; cabling is corroborated,
power-systems and cooling are single-source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.findings.finding import Finding, Status, stable_id
from checker.index.factstory import MAX_NAMED, named
from checker.index.index import Index, Key

CODE = "CC104"
NAME = "set-coverage"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind("set"):
        claims = index.by_key[key]
        if len({claim.article for claim in claims}) > 1:
            yield _coverage(index, key, claims)


def _items(claim) -> set[str]:
    return {" ".join(item.casefold().split()) for item in claim.claim.value.items}


def _coverage(index: Index, key: Key, claims) -> Finding:
    """The union of items with their sources, and each complete list against it: linear in the claims."""
    sources_by_item: dict[str, set[str]] = defaultdict(set)
    articles_by_item: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for item in _items(claim):
            sources_by_item[item].add(index.source(claim))
            articles_by_item[item].add(claim.article)
    gaps = []
    for complete in (claim for claim in claims if claim.claim.value.exhaustive):
        listed = _items(complete)
        missing = sorted(item for item in sources_by_item
                         if item not in listed and articles_by_item[item] - {complete.article})
        if missing:
            gaps.append(f"{complete.article} gives the complete list {index.value_text(complete)}, but "
                        + "; ".join(f"{named(articles_by_item[item] - {complete.article})} also name{_s(item, articles_by_item, complete)} {item}"
                                    for item in missing[:MAX_NAMED]) + _more(missing))
    shared = sorted(item for item, sources in sources_by_item.items() if len(sources) >= 2)
    single = sorted(item for item in sources_by_item if item not in shared)
    parts = []
    if shared:
        parts.append("corroborated by independent sources: " + ", ".join(
            f"{item} ({len(sources_by_item[item])})" for item in shared))
    if single:
        parts.append("single-source: " + ", ".join(
            f"{item} (only {named(articles_by_item[item])})" for item in single))
    status = Status.CONFLICT if gaps else Status.CONSISTENT if shared else Status.COMPATIBLE
    message = "; ".join(parts).capitalize() + "."
    if gaps:
        message = ". ".join(gaps) + ". " + message
    elif not shared:
        message += " The lists share no item; lists in news text are rarely complete, so this is not a conflict."
    return Finding(CODE, NAME, status, message, key.label(), tuple(index.evidence(claim) for claim in claims),
                   aspect=status.value, id=stable_id(CODE, key.label(), status.value))


def _s(item: str, articles_by_item, complete) -> str:
    return "s" if len(articles_by_item[item] - {complete.article}) == 1 else ""


def _more(items: list) -> str:
    return f" (and {len(items) - MAX_NAMED} more items)" if len(items) > MAX_NAMED else ""
