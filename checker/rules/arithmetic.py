"""CC111 arithmetic: the arithmetic an article does itself must add up.

Articles compute: "$90 billion over six years" averages "$15 billion a year"; "600 trucks
a month, triple today's 200"; "$1 billion for 100 megawatts" is "$10 million per
megawatt"; costs that "could halve". A claim whose `qualifiers.derived` names other claims
of the same article says how its value follows from theirs:

- `ratio`: the value is `factor` times the one claim named (`factor: triple`, `2`, `halve`);
- `sum`: the value is the sum of the claims named;
- `difference`: the value is the first claim named minus the second;
- `average`: the value is the first claim named divided by the second (a total over a
  number of units) or by `over` (`over: six years`, a number of periods).

The computation runs on the values' intervals (hedges included: "more than $9 million" is
an open interval), and the computed interval is widened by the property's tolerance. If
it meets the stated value the article is *consistent*; if not, a *conflict*, with the
computation shown. One finding per derived claim; figures in different currencies or
units cannot be computed with (*compatible*, saying why).

Fails (conflict):

```yaml
- {id: total, subject: acme, property: investment, value: {kind: money, text: "$90 billion"}, qualifiers: {period: "over six years"}, quote: "..."}
- {id: yearly, subject: acme, property: investment, value: {kind: money, text: "$25 billion"}, qualifiers: {rate: year, derived: {from: [total], relation: average, over: six years}}, quote: "..."}
```

Passes (consistent): `yearly` is `$15 billion` (90 / 6 = 15).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.arithmetic import Computation, compute
from checker.index.index import SEPARATOR, Index

CODE = "CC111"
NAME = "arithmetic"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for claim in index.by_uid.values():
        derived = claim.claim.qualifiers.derived
        if derived is None:
            continue
        operands = [index.by_uid.get(f"{claim.article}/{claim_id}") for claim_id in derived.from_]
        if all(operand is not None for operand in operands):
            yield _finding(index, claim, operands, compute(claim, operands, index.property(claim)))


def _finding(index: Index, claim, operands, computation: Computation) -> Finding:
    label = SEPARATOR.join([index.key(claim).label(), f"arithmetic of {claim.article}"])
    evidence = tuple(index.evidence(each) for each in (claim, *operands))
    stated = index.value_text(claim)
    if computation.problem:
        message = f"{claim.article} derives {stated} from {_named(index, operands)}, but {computation.problem}."
        return Finding(CODE, NAME, Status.COMPATIBLE, message, label, evidence, aspect=claim.claim.id)
    status = Status.CONSISTENT if computation.fits else Status.CONFLICT
    verdict = "which fits the stated" if computation.fits else "which does not fit the stated"
    message = (f"{claim.article} computes {computation.shown} = {computation.result}"
               f"{computation.slack}, {verdict} {stated}.")
    return Finding(CODE, NAME, status, message, label, evidence, aspect=claim.claim.id)


def _named(index: Index, operands) -> str:
    return " and ".join(f"{operand.claim.id} ({index.value_text(operand)})" for operand in operands)
