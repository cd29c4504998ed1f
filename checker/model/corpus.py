"""The loaded corpus: what `load` hands to the rest of the pipeline. Nothing after it reads a file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.model.claims import Article, Claim, Entity, Property
from checker.model.reviews import Review
from checker.model.values import DateSpan, NormalizedValue


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file of the corpus, 1-based."""

    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a claim's quote sits in its article: W3C TextQuote + TextPosition selectors."""

    exact: str  # the words as they stand in the article (original typography)
    start: int  # code point offset, inclusive
    end: int  # exclusive
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    meta: Article
    claim_file: str
    text_path: str
    text: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def published(self) -> dt.date | None:
        return self.meta.published


@dataclass(frozen=True, slots=True)
class LoadedClaim:
    """An authored claim, located in its claim file and its article, with its value normalized.

    `value` is None for kinds that are compared as they are (entity, set, quote, boolean, and a
    relation without a size); a relation's size (`by`) is a `Quantity` of calendar days apart;
    `period` is the normalized `qualifiers.period`.
    """

    article: str
    claim: Claim
    location: Location
    provenance: Provenance
    value: NormalizedValue | None
    period: DateSpan | None
    stated_on: DateSpan | None = None  # the normalized `qualifiers.stated_on`

    @property
    def uid(self) -> str:
        return f"{self.article}/{self.claim.id}"

    @property
    def subject(self) -> str:
        return self.claim.subject

    @property
    def property(self) -> str:
        return self.claim.property


# Why a draft claim is set aside: loaded and validated, never compared until an editor confirms it.
# The report tells drafts from other unchecked claims by this reason (it survives the cache).
DRAFT_REASON = "unconfirmed draft: validated, not compared until an editor confirms it"


@dataclass(frozen=True, slots=True)
class UncheckedClaim:
    """A claim the loader could not use, kept so the report can say it was not checked and why."""

    location: Location
    claim_id: str | None
    reason: str


@dataclass(frozen=True)
class Corpus:
    articles: Mapping[str, LoadedArticle]
    claims: tuple[LoadedClaim, ...]
    entities: Mapping[str, Entity]
    properties: Mapping[str, Property]
    unchecked: tuple[UncheckedClaim, ...] = field(default=())
    reviews: tuple[tuple[Review, Location], ...] = field(default=())
    # article id -> the first article (by id) with a byte-identical text: one source, not two
    twins: Mapping[str, str] = field(default_factory=dict)


def same_texts(articles: Mapping[str, LoadedArticle]) -> dict[str, str]:
    """Each article whose text is byte-identical to another's -> the first of them by id."""
    first_by_text: dict[str, str] = {}
    twins = {}
    for article_id in sorted(articles):
        first = first_by_text.setdefault(articles[article_id].text, article_id)
        if first != article_id:
            twins[article_id] = first
    return twins
