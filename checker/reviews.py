"""Editorial decisions on findings, recorded by editors in `claims/reviews.yaml`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from checker.models import Authored

Decision = Literal["confirmed-error", "dismissed", "corrected"]


class Review(Authored):
    """One decision. `evidence` is the fingerprint the report printed for the finding when it was
    reviewed: if the quotes or values behind the finding change, the decision becomes stale."""

    finding: str = Field(pattern=r"^CC[0-9]{3}-[0-9a-f]{12}$", description="Finding id from the report, e.g. CC102-1a2b3c4d5e6f.")
    decision: Decision = Field(description="confirmed-error: the article is wrong; dismissed: fine as is; corrected: fixed in the article.")
    reviewer: str = Field(min_length=1, max_length=100)
    date: dt.date
    reason: str = Field(min_length=3, max_length=2000, description="Why: this is what the next editor reads.")
    evidence: str = Field(pattern=r"^[0-9a-f]{12}$", description="The finding's evidence fingerprint shown in the report.")


class ReviewFile(Authored):
    reviews: list[Review] = Field(default_factory=list)


# ---- applying decisions to findings ---------------------------------------------------------


class ReviewState(Authored):
    """A finding's review as the report shows it."""

    review: Review
    stale: bool = Field(description="The evidence changed since the decision: it counts as unreviewed.")


def apply_reviews(finding_fingerprints: dict[str, str], reviews: list[Review]) -> tuple[dict[str, ReviewState], list[Review]]:
    """Match decisions to current findings (by id). Returns the state per finding id and the
    decisions whose finding no longer exists. The latest decision for a finding wins."""
    states: dict[str, ReviewState] = {}
    orphans: list[Review] = []
    for review in sorted(reviews, key=lambda item: (item.date, item.finding)):
        fingerprint = finding_fingerprints.get(review.finding)
        if fingerprint is None:
            orphans.append(review)
            continue
        states[review.finding] = ReviewState(review=review, stale=review.evidence != fingerprint)
    return states, orphans
