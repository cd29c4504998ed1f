"""What a change brings: new articles, new findings, status changes, and for each new claim
whether it corroborates or contradicts what the corpus already held."""

from __future__ import annotations

from collections import defaultdict

from checker.findings.finding import Finding, Status
from checker.model.corpus import Corpus, LoadedClaim, same_texts
from checker.report.data import Change, NewClaim

_VERDICTS = (
    (Status.CONFLICT, "contradicts the corpus"),
    (Status.CONSISTENT, "corroborates the corpus"),
    (Status.COMPATIBLE, "compatible (different scope or firmness)"),
)


def without_articles(corpus: Corpus, article_ids: set[str]) -> Corpus:
    """The corpus as it was before these articles were added (in memory: nothing is re-read)."""
    articles = {key: value for key, value in corpus.articles.items() if key not in article_ids}
    return Corpus(
        articles=articles,
        claims=tuple(claim for claim in corpus.claims if claim.article not in article_ids),
        entities=corpus.entities,
        properties=corpus.properties,
        unchecked=corpus.unchecked,
        reviews=corpus.reviews,
        twins=same_texts(articles),
    )


def changed_articles(base: Corpus, current: Corpus) -> tuple[str, ...]:
    """Articles that are new, or whose text or claims differ from the base."""
    changed = []
    for article_id, article in current.articles.items():
        before = base.articles.get(article_id)
        if before is None or before.text != article.text or _claims_of(base, article_id) != _claims_of(current, article_id):
            changed.append(article_id)
    return tuple(sorted(changed))


def _claims_of(corpus: Corpus, article_id: str) -> list:
    return sorted(claim.claim.model_dump_json() for claim in corpus.claims if claim.article == article_id)


def describe_change(label: str, base_findings: tuple[Finding, ...], findings: tuple[Finding, ...],
                    new_articles: tuple[str, ...], new_claims: list[LoadedClaim]) -> Change:
    before = {finding.id: finding for finding in base_findings}
    cross_source = _cross_source_statuses(findings)
    now = {finding.id: finding for finding in findings}
    return Change(
        base=label,
        new_articles=new_articles,
        new_findings=tuple(f.id for f in findings if f.id not in before),
        status_changes=tuple((i, before[i].status.value, now[i].status.value)
                             for i in sorted(now) if i in before and before[i].status != now[i].status),
        gone_findings=tuple(sorted(i for i in before if i not in now)),
        new_claims=tuple(NewClaim(claim.uid, _verdict(cross_source.get(claim.uid, set())))
                         for claim in sorted(new_claims, key=lambda c: c.uid)),
    )


def _cross_source_statuses(findings: tuple[Finding, ...]) -> dict[str, set[Status]]:
    """For each claim, the statuses of findings that compare it with another article."""
    statuses: dict[str, set[Status]] = defaultdict(set)
    for finding in findings:
        if len({item.article for item in finding.evidence}) > 1:
            for item in finding.evidence:
                statuses[item.uid].add(finding.status)
    return statuses


def _verdict(statuses: set[Status]) -> str:
    for status, verdict in _VERDICTS:
        if status in statuses:
            return verdict
    return "new: no other source states it yet"
