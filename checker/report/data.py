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
class Names:
    """What the registries call the ids a report shows: entity id -> name, property id -> label,
    article id -> how a reader knows it (its title, else its outlet). Only the ids the findings use."""

    entities: Mapping[str, str] = field(default_factory=dict)
    properties: Mapping[str, str] = field(default_factory=dict)
    articles: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Described:
    """What a report describes, for its header: nothing that changes between two runs on the same input."""

    version: str  # claimcheck's
    corpus_digest: str  # short sha256 over the corpus files' sorted relative paths and bytes
    files: int


@dataclass(frozen=True)
class LinkBase:
    """Where the report's links to corpus files point: `prefix` + the file's path (as the evidence
    gives it, relative to where the check ran) + `#Lnn`. A relative prefix ("../") for a report
    committed next to the corpus; a commit's blob URL for a CI job summary."""

    prefix: str


@dataclass(frozen=True)
class ReportData:
    findings: tuple[Finding, ...]
    articles: tuple[str, ...]
    claim_count: int
    unchecked: tuple[Unchecked, ...] = ()
    reviews: Mapping[str, ReviewState] = field(default_factory=dict)
    resolved_reviews: tuple[Review, ...] = ()  # their finding is gone since the last archive
    archived_reviews: int = 0  # resolved decisions archived earlier, still on record
    change: Change | None = None
    # what fails the run: set by the command from --fail-on and [tool.claimcheck]
    fail_on: tuple[Status, ...] = (Status.CONFLICT,)
    confirmed_errors_fail: bool = False

    drafts: tuple[Unchecked, ...] = ()  # claims `claimcheck draft` proposed that no editor has confirmed yet
    sources: Mapping[str, ArticleSource] = field(default_factory=dict)  # by article id
    newsroom: Newsroom | None = None
    names: Names = field(default_factory=Names)
    described: Described | None = None  # filled by the command
    links: LinkBase | None = None  # filled by the command; None: no links

    def is_reviewed(self, finding: Finding) -> bool:
        state = self.reviews.get(finding.id)
        return state is not None and not state.stale

    def unreviewed(self, status: Status) -> list[Finding]:
        return [finding for finding in self.findings if finding.status is status and not self.is_reviewed(finding)]

    def failing(self, statuses: tuple[Status, ...]) -> list[Finding]:
        """Unreviewed findings of these statuses; with a change, only those the change touches."""
        return [finding for status in statuses for finding in self.unreviewed(status) if self.touches_change(finding)]

    def touches_change(self, finding: Finding) -> bool:
        """True without a change; with one, whether a claim of a changed article is in its evidence."""
        if self.change is None:
            return True
        touched = set(self.change.new_articles)
        return any(item.article in touched for item in finding.evidence)

    def confirmed_errors(self) -> list[Finding]:
        """Findings an editor confirmed as errors of the article (and not stale): listed until corrected."""
        return [finding for finding in self.findings
                if self.is_reviewed(finding) and self.reviews[finding.id].review.decision == "confirmed-error"]

    def blocking(self) -> list[Finding]:
        """What makes this run fail: unreviewed findings of the fail-on statuses the change touches,
        and, when the policy says so, every confirmed error still awaiting correction."""
        return [*self.failing(self.fail_on), *(self.confirmed_errors() if self.confirmed_errors_fail else [])]
