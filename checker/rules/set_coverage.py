"""CC104 set-coverage: lists of items across sources (components, locations, partners).

Items listed by at least two independent sources are corroborated; items only one
source lists are single-source, which is not a contradiction: outlets shorten lists.
Only a list the article marks complete (`exhaustive: true`) can conflict, when another
source names an item it leaves out.

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

from checker.findings.finding import Finding, Status
from checker.index.index import Index, Key, cross_article_pairs

CODE = "CC104"
NAME = "set-coverage"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind("set"):
        claims = index.by_key[key]
        if len({claim.article for claim in claims}) < 2:
            continue
        yield from _exhaustive_conflicts(index, key, claims)
        yield _coverage(index, key, claims)


def _items(claim) -> set[str]:
    return {" ".join(item.casefold().split()) for item in claim.claim.value.items}


def _exhaustive_conflicts(index: Index, key: Key, claims) -> Iterator[Finding]:
    for first, second in cross_article_pairs(claims):
        for complete, other in ((first, second), (second, first)):
            if not complete.claim.value.exhaustive:
                continue
            missing = sorted(_items(other) - _items(complete))
            if missing:
                message = (f"{complete.article} gives the complete list {index.value_text(complete)}, "
                           f"but {other.article} also names {', '.join(missing)}.")
                yield Finding(CODE, NAME, Status.CONFLICT, message, key.label(),
                              (index.evidence(complete), index.evidence(other)), aspect=f"complete:{complete.uid}")


def _coverage(index: Index, key: Key, claims) -> Finding:
    sources_by_item: dict[str, set[str]] = defaultdict(set)
    articles_by_item: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for item in _items(claim):
            sources_by_item[item].add(index.source(claim))
            articles_by_item[item].add(claim.article)
    shared = sorted(item for item, sources in sources_by_item.items() if len(sources) >= 2)
    single = sorted(item for item in sources_by_item if item not in shared)
    parts = []
    if shared:
        parts.append("corroborated by independent sources: " + ", ".join(
            f"{item} ({len(sources_by_item[item])})" for item in shared))
    if single:
        parts.append("single-source: " + ", ".join(
            f"{item} (only {', '.join(sorted(articles_by_item[item]))})" for item in single))
    status = Status.CONSISTENT if shared else Status.COMPATIBLE
    message = "; ".join(parts).capitalize() + "."
    if not shared:
        message += " The lists share no item; lists in news text are rarely complete, so this is not a conflict."
    return Finding(CODE, NAME, status, message, key.label(), tuple(index.evidence(claim) for claim in claims))
