"""Findings: what the rules say about the news, each with the evidence that shows it.

Frozen and sortable. A finding's id comes from its rule, its key and the claims it
involves, never from file order or the run, so a review recorded against it keeps
meaning. Its `fingerprint` covers what the evidence says (quotes, values): when that
changes, a review of the finding becomes stale.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    CONFLICT = "conflict"
    COMPATIBLE = "compatible"
    CONSISTENT = "consistent"
    UNSUPPORTED = "unsupported"


STATUS_ORDER = {Status.CONFLICT: 0, Status.COMPATIBLE: 1, Status.UNSUPPORTED: 2, Status.CONSISTENT: 3}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


@dataclass(frozen=True, order=True, slots=True)
class Evidence:
    """One claim behind a finding, with its provenance in the article and in the claim file."""

    article: str
    claim: str
    key: str  # the claim's own subject · property · scope
    quote: str
    line: int  # line of the quote in the article
    start: int  # offsets of the quote in the article text, end exclusive
    end: int
    value: str  # the normalized value, as a reader would say it
    article_path: str
    claim_file: str
    claim_line: int
    claim_column: int

    @property
    def uid(self) -> str:
        return f"{self.article}/{self.claim}"


@dataclass(frozen=True, order=True, slots=True)
class ClusterSummary:
    """One value cluster of a fact: what it says, who says it, how many independent sources."""

    label: str  # the value, as a reader would say it
    members: tuple[str, ...]  # claim uids
    sources: int  # independent sources
    role: str  # majority, outlier, side (no majority) or fits (fits a cluster without corroborating it)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # code, e.g. CC102
    name: str  # e.g. date-agreement
    status: Status
    message: str
    key: str  # subject · property · scope, as shown to editors
    evidence: tuple[Evidence, ...]
    severity: Severity = Severity.NOTE  # set by the engine from configuration
    aspect: str = ""  # tells apart two findings of one rule about the same claims
    id: str = field(default="")
    fingerprint: str = field(default="")
    # The value clusters behind a finding that tells a fact's story (see `ClusterSummary`).
    clusters: tuple[ClusterSummary, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.evidence))
        object.__setattr__(self, "evidence", ordered)
        if not self.id:
            identity = "\n".join([self.rule, self.key, self.aspect, *(item.uid for item in ordered)])
            object.__setattr__(self, "id", f"{self.rule}-{_digest(identity)}")
        if not self.fingerprint:
            content = "\n".join([self.status, *(f"{e.uid}\t{e.quote}\t{e.value}" for e in ordered)])
            object.__setattr__(self, "fingerprint", _digest(content))

    @property
    def sort_key(self) -> tuple:
        return (STATUS_ORDER[self.status], SEVERITY_ORDER[self.severity], self.key, self.rule, self.id)


def stable_id(rule: str, key: str, aspect: str) -> str:
    """An id that names what stays true as sources join: the rule, the key and the aspect
    (the status, or which article or utterance), never the claims that happen to agree."""
    return f"{rule}-{_digest(chr(10).join([rule, key, aspect]))}"


def story_fingerprint(status: str, outliers, labels) -> str:
    """What makes a review of a fact's story stale: its status, the dissenting claims as they
    read (uid, quote, value) and the clusters' values; not who joins the majority."""
    lines = [status, *sorted(f"{e.uid}\t{e.quote}\t{e.value}" for e in outliers), *sorted(labels)]
    return _digest("\n".join(lines))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def sorted_findings(findings) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda finding: finding.sort_key))
