"""What a report is made of: the findings, and the few counts and decisions around them.

Reporters receive a ReportData and nothing else: no corpus, no index, no files.
"""

from __future__ import annotations

import datetime as dt
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
class ArticleSource:
    """Where an article appeared, as its claim file states it: for outputs that point readers to it."""

    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    publisher: str | None = None  # the outlet's name, from the registry
    derived: bool = False  # it says it carries another outlet's or a wire service's story


@dataclass(frozen=True)
class Newsroom:
    """Who publishes the editors' decisions (`[tool.claimcheck] newsroom`, `newsroom-url`, `review-url`)."""

    name: str
    url: str
    review_url: str | None = None  # where one review is published; "{finding}" stands for the finding id

    def review_page(self, finding_id: str) -> str:
        return self.review_url.replace("{finding}", finding_id) if self.review_url else f"{self.url}#{finding_id}"


@dataclass(frozen=True)
class ReportData:
    findings: tuple[Finding, ...]
    articles: tuple[str, ...]
    claim_count: int
    unchecked: tuple[Unchecked, ...] = ()
    reviews: Mapping[str, ReviewState] = field(default_factory=dict)
    orphan_reviews: tuple[Review, ...] = ()
    change: Change | None = None
    sources: Mapping[str, ArticleSource] = field(default_factory=dict)  # by article id
    newsroom: Newsroom | None = None

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
