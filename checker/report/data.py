"""What a report is made of: the findings, and the few counts and decisions around them.

Reporters receive a ReportData and nothing else: no corpus, no index, no files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.findings.finding import Finding, Status
from checker.findings.reviews import ReviewState
from checker.model.reviews import Review


@dataclass(frozen=True)
class Unchecked:
    """A claim (or a whole claim file) that could not be checked, and why."""

    path: str
    line: int
    claim: str | None
    reason: str


@dataclass(frozen=True)
class NewClaim:
    uid: str
    verdict: str  # corroborates, contradicts, compatible, new fact


@dataclass(frozen=True)
class Change:
    """What a pull request brings, against the corpus it was based on."""

    base: str  # the git ref, or "the files given with --new"
    new_articles: tuple[str, ...]
    new_findings: tuple[str, ...]  # finding ids
    status_changes: tuple[tuple[str, str, str], ...]  # (finding id, old status, new status)
    gone_findings: tuple[str, ...]
    new_claims: tuple[NewClaim, ...]


@dataclass(frozen=True)
class ReportData:
    findings: tuple[Finding, ...]
    articles: tuple[str, ...]
    claim_count: int
    unchecked: tuple[Unchecked, ...] = ()
    reviews: Mapping[str, ReviewState] = field(default_factory=dict)
    orphan_reviews: tuple[Review, ...] = ()
    change: Change | None = None
    drafts: tuple[Unchecked, ...] = ()  # claims `claimcheck draft` proposed that no editor has confirmed yet

    def is_reviewed(self, finding: Finding) -> bool:
        state = self.reviews.get(finding.id)
        return state is not None and not state.stale

    def unreviewed(self, status: Status) -> list[Finding]:
        return [finding for finding in self.findings if finding.status is status and not self.is_reviewed(finding)]

    def failing(self, statuses: tuple[Status, ...]) -> list[Finding]:
        """Unreviewed findings of these statuses; with a change, only those the change touches."""
        touched = set(self.change.new_articles) if self.change is not None else None
        return [
            finding for status in statuses for finding in self.unreviewed(status)
            if touched is None or any(item.article in touched for item in finding.evidence)
        ]
