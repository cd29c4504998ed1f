"""What a check gives back: the result, its report data, and editors' decisions matched to findings.

Shared by the full check (`checker.pipeline`) and the check of a change from the last
full check's snapshot (`checker.incremental.change_check`), which must give the same report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from checker.findings.finding import Finding
from checker.findings.reviews import ReviewState, apply_reviews
from checker.model.claims import Article, Entity, Property
from checker.model.corpus import DRAFT_REASON, Corpus, Location, UncheckedClaim
from checker.model.diagnostics import Diagnostic
from checker.model.reviews import Review
from checker.report.data import ArticleSource, Names, ReportData, Unchecked


@dataclass(frozen=True)
class CheckResult:
    corpus: Corpus | None  # None when only a change was checked: the rest of the corpus was not loaded
    diagnostics: tuple[Diagnostic, ...]
    findings: tuple[Finding, ...]
    report: ReportData


class UsageError(ValueError):
    pass


NEW_FILES_LABEL = "the corpus without the files given with --new"


def name_articles(by_path: Mapping[Path, str], files: tuple[Path, ...]) -> tuple[str, ...]:
    unknown = [str(path) for path in files if path.resolve() not in by_path]
    if unknown:
        raise UsageError(f"not a claim file or article text of the corpus: {', '.join(unknown)}")
    return tuple(sorted({by_path[path.resolve()] for path in files}))


def scoped_to_change(result: CheckResult) -> CheckResult:
    """Only the findings the change touches (a claim of a changed article among their evidence),
    and the reviews of those; counts, input errors and resolved reviews stay corpus-wide."""
    report = result.report
    touched = set(report.change.new_articles) if report.change is not None else set()
    findings = tuple(finding for finding in report.findings if any(e.article in touched for e in finding.evidence))
    shown = {finding.id for finding in findings}
    reviews = {finding_id: state for finding_id, state in report.reviews.items() if finding_id in shown}
    names = names_for(findings, report.names.entities, report.names.properties, report.names.articles)
    return replace(result, findings=findings,
                   report=replace(report, findings=findings, reviews=reviews, names=names))


def report_data(corpus: Corpus, findings: tuple[Finding, ...]) -> ReportData:
    fingerprints = {finding.id: finding.fingerprint for finding in findings}
    states, resolved = review_outcome(fingerprints, corpus.reviews)
    unchecked, drafts = split_drafts(corpus.unchecked)
    report = ReportData(
        findings=findings,
        articles=tuple(sorted(corpus.articles)),
        claim_count=len(corpus.claims),
        unchecked=unchecked,
        reviews=states,
        resolved_reviews=tuple(resolved),
        archived_reviews=archived_count(corpus.reviews),
        drafts=drafts,
        names=report_names(findings, corpus.entities, corpus.properties,
                           {article_id: article.meta for article_id, article in corpus.articles.items()}),
    )
    return report


def report_names(findings: tuple[Finding, ...], entities: Mapping[str, Entity], properties: Mapping[str, Property],
                 articles: Mapping[str, Article]) -> Names:
    """The registry names of the ids these findings show, and how a reader knows their articles."""
    entity_names = {key: entity.name for key in _ids_shown(findings) if (entity := entities.get(key)) is not None}
    labels = {key: prop.label for key in _ids_shown(findings) if (prop := properties.get(key)) is not None}
    titles = {article_id: title for article_id, meta in articles.items()
              if (title := article_label(meta, entities)) is not None}
    return names_for(findings, entity_names, labels, titles)


def names_for(findings: tuple[Finding, ...], entities: Mapping[str, str], properties: Mapping[str, str],
              articles: Mapping[str, str]) -> Names:
    """Only the names these findings show: the same findings give the same names, however found."""
    shown = _ids_shown(findings)
    shown_articles = {item.article for finding in findings for item in finding.evidence}
    return Names(entities={key: name for key, name in sorted(entities.items()) if key in shown},
                 properties={key: label for key, label in sorted(properties.items()) if key in shown},
                 articles={key: title for key, title in sorted(articles.items()) if key in shown_articles})


def _ids_shown(findings: tuple[Finding, ...]) -> set[str]:
    """Every word of the findings' keys (subject, property, scope): where an id may stand."""
    keys = {finding.key for finding in findings} | {item.key for finding in findings for item in finding.evidence}
    return {word for key in keys for part in key.split(" \u00b7 ") for word in part.split()}


def article_label(meta: Article, entities: Mapping[str, Entity]) -> str | None:
    """How a reader knows an article: its title, else its outlet's name; None when it says neither."""
    if meta.title:
        return meta.title
    outlet = entities.get(meta.publisher) if meta.publisher is not None else None
    return outlet.name if outlet is not None else None


def split_drafts(items: Iterable[UncheckedClaim]) -> tuple[tuple[Unchecked, ...], tuple[Unchecked, ...]]:
    """The claims that could not be checked, and apart from them the unconfirmed drafts."""
    unchecked, drafts = [], []
    for item in items:
        entry = Unchecked(item.location.path, item.location.line, item.claim_id, item.reason)
        (drafts if item.reason == DRAFT_REASON else unchecked).append(entry)
    return tuple(unchecked), tuple(drafts)


def article_sources(corpus: Corpus) -> dict[str, ArticleSource]:
    """Each article's published whereabouts, with its outlet's registry name (for the outputs that
    link to articles; left out of the report data otherwise, which a change check from a snapshot,
    without the corpus, must give the same of)."""
    sources = {}
    for article_id, article in corpus.articles.items():
        meta = article.meta
        outlet = corpus.entities.get(meta.publisher) if meta.publisher is not None else None
        sources[article_id] = ArticleSource(url=meta.url, published=meta.published, title=meta.title,
                                            publisher=outlet.name if outlet is not None else None,
                                            derived=bool(meta.derived_from))
    return sources


def review_outcome(fingerprints: Mapping[str, str], reviews: tuple[tuple[Review, Location], ...]
                   ) -> tuple[dict[str, ReviewState], list[Review]]:
    """Decisions matched to findings, and those resolved since the last archive (their finding is
    gone: the article was corrected). A resolved decision is not an input error: it stays on
    record in reviews.yaml until an editor archives it (`claimcheck review --archive`)."""
    return apply_reviews(dict(fingerprints), [review for review, _ in reviews])


def archived_count(reviews: tuple[tuple[Review, Location], ...]) -> int:
    return sum(1 for review, _ in reviews if review.resolved is not None)
