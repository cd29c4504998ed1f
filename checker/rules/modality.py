"""CC107 modality-differs: one source states as settled what another states as tentative.

The same fact (subject and property) stated as asserted or committed by one source and
as intended, expected, prospective or unfinalized by another is *compatible*, with a
note: it is not a contradiction, but an editor may want to match the firmer or the
more careful wording.

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

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.index import SEPARATOR, Index

CODE = "CC107"
NAME = "modality-differs"
SEVERITY = "warning"
SETTLED = frozenset({"asserted", "committed"})


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for (subject, prop), keys in index.keys_by_fact.items():
        claims = sorted((claim for key in keys for claim in index.by_key[key]), key=lambda claim: claim.uid)
        settled = [claim for claim in claims if claim.claim.qualifiers.modality in SETTLED]
        tentative = [claim for claim in claims if claim.claim.qualifiers.modality not in SETTLED]
        if not any(a.article != b.article for a in settled for b in tentative):
            continue
        message = "Stated with different firmness: " + "; ".join(
            f"{claim.article}: {claim.claim.qualifiers.modality}" for claim in claims
        ) + ". Not a contradiction; check the wording matches what is known."
        yield Finding(CODE, NAME, Status.COMPATIBLE, message, SEPARATOR.join([subject, prop]),
                      tuple(index.evidence(claim) for claim in claims))
