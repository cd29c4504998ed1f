"""Editorial decisions on findings, recorded by editors in `claims/reviews.yaml`."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from checker.models import Authored

Decision = Literal["confirmed-error", "dismissed", "corrected", "disputed"]
DECISIONS: tuple[str, ...] = get_args(Decision)


class Review(Authored):
    """One decision. `evidence` is the fingerprint the report printed for the finding when it was
    reviewed: if the quotes or values behind the finding change, the decision becomes stale."""

    finding: str = Field(pattern=r"^CC[0-9]{3}-[0-9a-f]{12}$", description="Finding id from the report, e.g. CC102-1a2b3c4d5e6f.")
    decision: Decision = Field(description="confirmed-error: the article is wrong and awaits correction; dismissed: fine as "
                                           "is; corrected: fixed in the article; disputed: the sources really disagree "
                                           "and the article says so.")
    reviewer: str = Field(min_length=1, max_length=100)
    date: dt.date
    reason: str = Field(min_length=3, max_length=2000, description="Why: this is what the next editor reads.")
    evidence: str = Field(pattern=r"^[0-9a-f]{12}$", description="The finding's evidence fingerprint shown in the report.")
    resolved: dt.date | None = Field(None, description="When the finding was seen gone (written by `claimcheck review "
                                                       "--archive`): the decision stays on record and no longer applies.")


class ReviewFile(Authored):
    reviews: list[Review] = Field(default_factory=list)


# ---- applying decisions to findings ---------------------------------------------------------


class ReviewState(Authored):
    """A finding's review as the report shows it."""

    review: Review
    stale: bool = Field(description="The evidence changed since the decision: it counts as unreviewed.")


def apply_reviews(finding_fingerprints: dict[str, str], reviews: list[Review]) -> tuple[dict[str, ReviewState], list[Review]]:
    """Match decisions to current findings (by id). Returns the state per finding id and the
    decisions that are resolved since the last archive: their finding no longer exists (the
    article was corrected, or the claims behind it removed). Archived decisions (`resolved`
    set) are history: they match nothing. The latest decision for a finding wins."""
    states: dict[str, ReviewState] = {}
    resolved: list[Review] = []
    for review in sorted(reviews, key=lambda item: (item.date, item.finding)):
        if review.resolved is not None:
            continue
        fingerprint = finding_fingerprints.get(review.finding)
        if fingerprint is None:
            resolved.append(review)
            continue
        states[review.finding] = ReviewState(review=review, stale=review.evidence != fingerprint)
    return states, resolved
