"""Editorial decisions on findings, as editors record them in `claims/reviews.yaml`."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from checker.model.claims import Authored

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
