"""The editors' published decisions as schema.org `ClaimReview` JSON-LD (`check --format claimreview`).

Only what editors decided is published: a finding reviewed `confirmed-error`, and a conflict
reviewed `dismissed` (its reason explains the difference). A stale review publishes nothing.
Each such finding gives one ClaimReview per article whose claim the decision is about:

- confirmed-error: the articles of the finding's value that the fewest articles of the corpus
  give (the outlier: counted over every finding of the same claim key, since a conflict may
  name one source on each side); when no value is given by fewer articles than the others
  (one against one, or an article against itself), every article of the finding, since the
  decision does not say which is wrong.
- dismissed conflict: every article of the finding: each may stand, as the reason explains.

The rating scale, documented with the mapping in docs/claimreview.md, runs from 1 (worst) to
5 (best); only 1 and 4 come from reviewed findings today.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.findings.finding import Evidence, Finding, Status
from checker.findings.reviews import ReviewState
from checker.report.data import ArticleSource, Newsroom, ReportData
from checker.report.jsonout import dump_json


@dataclass(frozen=True)
class Grade:
    value: int
    name: str


BEST, WORST = 5, 1
CONTRADICTED = Grade(1, "Contradicted")
DISPUTED = Grade(2, "Disputed")  # an unreviewed conflict: never published
UNSUPPORTED = Grade(3, "Unsupported")  # a single source: never published
EXPLAINED = Grade(4, "Differs, explained")
CORROBORATED = Grade(5, "Corroborated")  # independent sources agree: not a decision, not published
SCALE = (CONTRADICTED, DISPUTED, UNSUPPORTED, EXPLAINED, CORROBORATED)
QUOTE_JOINER = " … "


class NoNewsroom(ValueError):
    """ClaimReview names its author: the report data carries no newsroom."""


Support = dict[tuple[str, str], set[str]]  # (claim key, value) -> the articles that state it


def render(data: ReportData) -> str:
    if data.newsroom is None:
        raise NoNewsroom("ClaimReview output needs the newsroom: set newsroom and newsroom-url in [tool.claimcheck]")
    support = _support(data.findings)
    reviews = [review for finding in data.findings
               for review in _finding_reviews(finding, data, data.newsroom, support)]
    return dump_json(reviews, indent=2) + "\n"


def published_decision(finding: Finding, state: ReviewState | None) -> str | None:
    """The decision to publish for this finding, or None."""
    if state is None or state.stale:
        return None
    decision = state.review.decision
    if decision == "confirmed-error" or (decision == "dismissed" and finding.status is Status.CONFLICT):
        return decision
    return None


def _support(findings: tuple[Finding, ...]) -> Support:
    """Which articles state each value of each key, over every finding: a conflict may name two
    sources only, while the key's other findings show how many more agree with either."""
    support: Support = defaultdict(set)
    for finding in findings:
        for item in finding.evidence:
            support[(item.key, item.value)].add(item.article)
    return support


def _finding_reviews(finding: Finding, data: ReportData, newsroom: Newsroom, support: Support) -> list[dict]:
    state = data.reviews.get(finding.id)
    decision = published_decision(finding, state)
    if decision is None or state is None:
        return []
    reviewed = _reviewed_claims(finding, decision, support)
    grade = CONTRADICTED if decision == "confirmed-error" else EXPLAINED
    reviews = []
    for article in sorted(reviewed):
        claims = reviewed[article]
        own = {(item.key, item.value) for item in claims}
        others = set().union(*(support[(item.key, item.value)] for item in finding.evidence
                               if (item.key, item.value) not in own)) - {article}
        reviews.append(_claim_review(finding, state, claims, data.sources.get(article, ArticleSource()),
                                     newsroom, grade, _grade_words(grade, len(others))))
    return reviews


def _reviewed_claims(finding: Finding, decision: str, support: Support) -> dict[str, list[Evidence]]:
    """The evidence the decision is about, by article (see the module docstring)."""
    majority = [cluster for cluster in finding.clusters if cluster.role == "majority"]
    if decision == "confirmed-error" and majority:  # the fact's story names its outliers
        held = set(majority[0].members)
        claims_outside: dict[str, list[Evidence]] = defaultdict(list)
        for item in finding.evidence:
            if item.uid not in held:
                claims_outside[item.article].append(item)
        if claims_outside:
            return claims_outside
    backing: dict[str, set[str]] = defaultdict(set)  # value -> the articles stating it, across its key
    for item in finding.evidence:
        backing[item.value] |= support[(item.key, item.value)]
    chosen = set(backing)
    if decision == "confirmed-error" and len(backing) > 1:
        fewest = min(len(articles) for articles in backing.values())
        outliers = {value for value, articles in backing.items() if len(articles) == fewest}
        if len(outliers) == 1:
            chosen = outliers
    claims: dict[str, list[Evidence]] = defaultdict(list)
    for item in finding.evidence:
        if item.value in chosen:
            claims[item.article].append(item)
    return claims


def _grade_words(grade: Grade, others: int) -> str:
    articles = f"{others} other article{'' if others == 1 else 's'}"
    if grade is CONTRADICTED:
        return f"Contradicted by {articles}" if others else "Contradicted by the article's own account"
    return f"Differs from {articles}, for a reason the newsroom explains" if others else "Differs, explained"


def _claim_review(finding: Finding, state: ReviewState, claims: list[Evidence], source: ArticleSource,
                  newsroom: Newsroom, grade: Grade, words: str) -> dict:
    quotes = list(dict.fromkeys(item.quote for item in claims))
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": newsroom.review_page(finding.id),
        "identifier": finding.id,
        "claimReviewed": QUOTE_JOINER.join(quotes),
        "itemReviewed": _claim(source),
        "author": {"@type": "Organization", "name": newsroom.name, "url": newsroom.url},
        "datePublished": state.review.date.isoformat(),
        "reviewRating": {"@type": "Rating", "ratingValue": grade.value, "bestRating": BEST, "worstRating": WORST,
                         "alternateName": words, "name": grade.name},
        "reviewBody": state.review.reason,
    }
    return review


def _claim(source: ArticleSource) -> dict:
    claim: dict = {"@type": "Claim"}
    work = _creative_work(source)
    if len(work) > 1:
        claim["appearance"] = work
        if not source.derived and source.published is not None:  # its own story, dated: where the claim began
            claim["firstAppearance"] = work
    if source.publisher is not None:
        claim["author"] = {"@type": "Organization", "name": source.publisher}
    if source.published is not None:
        claim["datePublished"] = source.published.isoformat()
    return claim


def _creative_work(source: ArticleSource) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if source.url is not None:
        work["url"] = source.url
    if source.title is not None:
        work["headline"] = source.title
    if source.published is not None:
        work["datePublished"] = source.published.isoformat()
    if source.publisher is not None:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    return work
