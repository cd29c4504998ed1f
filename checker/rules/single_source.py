"""CC109 single-source: a claim that no other independent source corroborates.

Independence counts sources, not articles: two articles that carry the same wire story
or say they are based on the same outlet (`derived_from`), or share a publisher, count
once; a claim attributed to an outlet (`attributed_to: bloomberg`) counts as that outlet.
An unnamed source (an entity of kind `unnamed-source`, "two former staff members") is
never a source by itself: a claim attributed only to unnamed sources counts as its
article's outlet, so two articles of one outlet citing "people familiar with the plans"
are still one source.
A fact is corroborated when another source states it too (same subject, property and
scope); a quote when its utterance (`checker.utterances`: the same words, an excerpt, a
variant or a close paraphrase) has at least two independent sources; a value of a
many-valued property when another source gives the same value.

Flags (unsupported):

```yaml
# only article a has this claim
- {id: revenue, subject: openai, property: annualized-revenue, value: {kind: money, text: "$20 billion"}, quote: "..."}
```

Passes: article b also states OpenAI's annualized revenue.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.index import Index, Key

CODE = "CC109"
NAME = "single-source"
SEVERITY = "warning"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    corroborated_quotes = _corroborated_quotes(index)
    for key, claims in index.by_key.items():
        prop = index.corpus.properties[key.property]
        if prop.value_kind == "quote":
            lonely = [claim for claim in claims if claim.uid not in corroborated_quotes]
            yield from (_finding(index, key, [claim]) for claim in lonely)
        elif prop.cardinality == "multi" and prop.value_kind != "set":
            yield from (_finding(index, key, [claim]) for claim in claims if not _value_repeated(index, claim, claims))
        elif len(index.sources(claims)) == 1:
            yield _finding(index, key, list(claims))


def _corroborated_quotes(index: Index) -> set[str]:
    return {claim.uid for utterance in _corroborated_utterances(index) for claim in utterance.claims()}


def _corroborated_utterances(index: Index) -> list:
    return [utterance for found in index.utterances().values() for utterance in found
            if len(index.sources(utterance.claims())) > 1]


def _value_repeated(index: Index, claim, claims) -> bool:
    return any(
        other.claim.value == claim.claim.value and index.source(other) != index.source(claim) for other in claims
    )


def _finding(index: Index, key: Key, claims) -> Finding:
    source = index.source(claims[0])
    who = source.split(":", 1)[1]
    articles = sorted({claim.article for claim in claims})
    via = "" if source.startswith("article:") else f" (in {', '.join(articles)})"
    statements = "; ".join(sorted({index.statement(claim) for claim in claims}))
    message = f"Only one independent source states this: {who}{via}. It says: {statements}."
    return Finding(CODE, NAME, Status.UNSUPPORTED, message, key.label(), tuple(index.evidence(c) for c in claims))
