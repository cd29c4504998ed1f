"""The one place that wires the stages: load -> index -> rules -> findings -> report data."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from checker.change import changed_articles, describe_change, without_articles
from checker.config import Config
from checker.corpus import Corpus
from checker.diagnostics import Code, Diagnostic
from checker.engine import run_rules
from checker.findings import Finding
from checker.gitbase import export_corpus_at
from checker.index import build_index
from checker.load import load_corpus
from checker.reportdata import ReportData, Unchecked
from checker.reviews import apply_reviews


@dataclass(frozen=True)
class CheckResult:
    corpus: Corpus
    diagnostics: tuple[Diagnostic, ...]
    findings: tuple[Finding, ...]
    report: ReportData


class UsageError(ValueError):
    pass


def check_corpus(root: Path, config: Config, *, base_ref: str | None = None,
                 new_files: tuple[Path, ...] = ()) -> CheckResult:
    options = config.normalize.options()
    loaded = load_corpus(root, options)
    findings = run_rules(build_index(loaded.corpus), config)
    report, review_problems = report_data(loaded.corpus, findings)
    if base_ref is not None or new_files:
        report = replace(report, change=_change(root, config, loaded.corpus, findings, base_ref, new_files))
    diagnostics = tuple(sorted({*loaded.diagnostics, *review_problems}))
    return CheckResult(loaded.corpus, diagnostics, findings, report)


def _change(root, config, corpus: Corpus, findings, base_ref, new_files):
    if base_ref is not None:
        with tempfile.TemporaryDirectory(prefix="claimcheck-base-") as temporary:
            base = load_corpus(export_corpus_at(base_ref, root, Path(temporary)), config.normalize.options()).corpus
        changed = changed_articles(base, corpus)
        label = base_ref
    else:
        changed = articles_named_by(corpus, new_files)
        base = without_articles(corpus, set(changed))
        label = "the corpus without the files given with --new"
    base_findings = run_rules(build_index(base), config)
    base_claims = {claim.uid: claim.claim for claim in base.claims}
    new_claims = [claim for claim in corpus.claims
                  if claim.article in changed and base_claims.get(claim.uid) != claim.claim]
    return describe_change(label, base_findings, findings, changed, new_claims)


def articles_named_by(corpus: Corpus, files: tuple[Path, ...]) -> tuple[str, ...]:
    """The articles whose claim file or text is among files."""
    by_path = {}
    for article in corpus.articles.values():
        by_path[Path(article.claim_file).resolve()] = article.id
        by_path[Path(article.text_path).resolve()] = article.id
    unknown = [str(path) for path in files if path.resolve() not in by_path]
    if unknown:
        raise UsageError(f"not a claim file or article text of the corpus: {', '.join(unknown)}")
    return tuple(sorted({by_path[path.resolve()] for path in files}))


def report_data(corpus: Corpus, findings: tuple[Finding, ...]) -> tuple[ReportData, list[Diagnostic]]:
    fingerprints = {finding.id: finding.fingerprint for finding in findings}
    states, orphans = apply_reviews(fingerprints, [review for review, _ in corpus.reviews])
    locations = {id(review): location for review, location in corpus.reviews}
    problems = [
        Diagnostic(locations[id(review)].path, locations[id(review)].line, locations[id(review)].column, Code.REVIEW,
                   f"review names finding {review.finding}, which no longer exists",
                   "the claims behind it changed or were removed: delete this review")
        for review in orphans
    ]
    unchecked = tuple(Unchecked(item.location.path, item.location.line, item.claim_id, item.reason)
                      for item in corpus.unchecked)
    report = ReportData(
        findings=findings,
        articles=tuple(sorted(corpus.articles)),
        claim_count=len(corpus.claims),
        unchecked=unchecked,
        reviews=states,
        orphan_reviews=tuple(orphans),
    )
    return report, problems
