"""CC107 modality-differs: one source states as settled what another states as tentative.

The same fact (subject and property) stated as asserted or committed by one source and
as intended, expected, prospective or unfinalized by another is *compatible*, with a
note: it is not a contradiction, but an editor may want to match the firmer or the
more careful wording. The message counts the sources per modality rather than listing
every claim, so a fact carried by many outlets stays one short finding.

Flags (compatible, with a note):

```yaml
# article a
- {id: deal, subject: openai-nvidia-deal, property: deal-value, value: {kind: money, text: "$100 billion"}, quote: "..."}
# article b
- {id: deal, subject: openai-nvidia-deal, property: deal-value, value: {kind: money, text: "$100 billion"}, qualifiers: {modality: unfinalized}, quote: "..."}
```

Passes (no finding): both articles state the same modality.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.findings.finding import Finding, Status, stable_id
from checker.index.factstory import named
from checker.index.index import SEPARATOR, Index

CODE = "CC107"
NAME = "modality-differs"
SEVERITY = "warning"
SETTLED = frozenset({"asserted", "committed"})


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for (subject, prop), keys in index.keys_by_fact.items():
        claims = sorted((claim for key in keys for claim in index.by_key[key]), key=lambda claim: claim.uid)
        settled = {claim.article for claim in claims if claim.claim.qualifiers.modality in SETTLED}
        tentative = {claim.article for claim in claims if claim.claim.qualifiers.modality not in SETTLED}
        if not settled or not tentative or (len(settled) == 1 and settled == tentative):
            continue
        by_modality: dict[str, list] = defaultdict(list)
        for claim in claims:
            by_modality[claim.claim.qualifiers.modality].append(claim)
        counts = "; ".join(f"{modality} in {_sources(index, members)} ({named(c.article for c in members)})"
                           for modality, members in sorted(by_modality.items()))
        message = f"Stated with different firmness: {counts}. Not a contradiction; check the wording matches what is known."
        label = SEPARATOR.join([subject, prop])
        yield Finding(CODE, NAME, Status.COMPATIBLE, message, label, tuple(index.evidence(claim) for claim in claims),
                      aspect="firmness", id=stable_id(CODE, label, "firmness"))


def _sources(index: Index, claims) -> str:
    count = len(index.sources(claims))
    return f"{count} independent sources" if count > 1 else "1 source"
