"""Editors' decisions matched to the findings of a check: reviewed, stale, or about a finding gone."""

from __future__ import annotations

from pydantic import Field

from checker.model.claims import Authored
from checker.model.reviews import Review


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
