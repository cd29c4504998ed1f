"""The one place that wires the stages: load -> index -> rules -> findings -> report data.

With a cache, a full check also keeps a snapshot of itself (`checker.incremental.snapshot`), and a
check of what some new files bring, limited to the findings they touch
(`--only-changes`), is then answered from that snapshot group by group
(`checker.incremental.change_check`) instead of by a full check. Both give the same report.
"""

from __future__ import annotations

import gc
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from checker.config import Config
from checker.incremental.cache import FileCache
from checker.incremental.change_check import base_findings as findings_of_base
from checker.incremental.change_check import check_change
from checker.incremental.loader import CachedLoader, registry_digest
from checker.incremental.snapshot import identity, needs_writing, write_snapshot
from checker.index.index import build_index
from checker.load.corpus import load_corpus
from checker.load.git_base import export_corpus_at
from checker.model.corpus import Corpus
from checker.report.change import changed_articles, describe_change, without_articles
from checker.report.outcome import (
    NEW_FILES_LABEL,
    CheckResult,
    UsageError,
    name_articles,
    report_data,
    scoped_to_change,
)
from checker.rules.engine import run_rules


class Progress(Protocol):
    """What the check tells a progress display (the CLI's bar on a terminal)."""

    def __call__(self, done: int, total: int) -> None: ...

    def stage(self, text: str) -> None: ...


@contextmanager
def few_collections() -> Iterator[None]:
    """A check builds millions of small objects that live until it ends and rarely form cycles;
    the cycle collector's passes over all of them would cost more than the check itself."""
    threshold = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def check_corpus(root: Path, config: Config, *, base_ref: str | None = None, new_files: tuple[Path, ...] = (),
                 only_changes: bool = False, cache: FileCache | None = None,
                 progress: Progress | None = None) -> CheckResult:
    if only_changes and base_ref is None and not new_files:
        raise UsageError("--only-changes needs --new or --base: which change to report")
    with few_collections():
        if only_changes and new_files and cache is not None:
            result = check_change(root, config, new_files, cache)
            if result is not None:
                return result
        result = _check_corpus(root, config, base_ref, new_files, cache, progress)
    return scoped_to_change(result) if only_changes else result


def _check_corpus(root, config, base_ref, new_files, cache, progress) -> CheckResult:
    options = config.normalize.options()
    started = time.time_ns()
    loader = CachedLoader(cache)
    loaded = load_corpus(root, options, loader=loader, progress=progress)
    gc.freeze()  # the corpus lives as long as the check: no need to scan it for cycles again
    if progress:
        progress.stage(f"comparing {len(loaded.corpus.claims):,} claims")
    index = build_index(loaded.corpus)
    findings = run_rules(index, config)
    if cache is not None:
        meta = identity(root, config, registry_digest(root, options))
        if needs_writing(cache, root, meta, loader.sources, exact=base_ref is not None or bool(new_files)):
            write_snapshot(cache, root, {**meta, "started": str(started)}, loader.sources, index, findings)
    report = report_data(loaded.corpus, findings)
    if base_ref is not None or new_files:
        change = _change(root, config, index, findings, base_ref, new_files, cache)
        report = replace(report, change=change)
    diagnostics = tuple(sorted(set(loaded.diagnostics)))
    return CheckResult(loaded.corpus, diagnostics, findings, report)


def _change(root, config, index, findings, base_ref, new_files, cache):
    corpus = index.corpus
    if base_ref is not None:
        with tempfile.TemporaryDirectory(prefix="claimcheck-base-") as temporary:
            exported = export_corpus_at(base_ref, root, Path(temporary))
            base = load_corpus(exported, config.normalize.options(), loader=CachedLoader(cache)).corpus
        changed = changed_articles(base, corpus)
        label = base_ref
    else:
        changed = articles_named_by(corpus, new_files)
        base = without_articles(corpus, set(changed))
        label = NEW_FILES_LABEL
    base_findings = None
    if cache is not None:  # this check's snapshot answers for the base: only the changed groups are run again
        differing = {*changed, *(set(base.articles) - set(corpus.articles))}
        base_findings = findings_of_base(root, config, cache, index, findings, base, differing)
    if base_findings is None:
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
    return name_articles(by_path, files)


