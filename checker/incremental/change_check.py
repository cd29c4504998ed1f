"""What new files bring to an already-checked corpus, without checking the whole corpus again.

`claimcheck check --new FILE --only-changes` on a corpus whose last full check left a
snapshot: the files that differ from the snapshot are found by size and mtime (and only
they are loaded, through the cache), and the findings the change can affect are
re-checked group by group (`checker.incremental.delta`). The report is the one a full check gives
for `--only-changes`; whenever that cannot be guaranteed (no snapshot, another code,
configuration or registry, many changed files, a duplicate article id, a quote run
crossing the boilerplate limit), `check_change` returns None and the full check runs.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from checker.config import Config
from checker.findings.finding import Finding, sorted_findings
from checker.incremental.cache import FileCache
from checker.incremental.delta import Fallback, Touched, Versions, recheck
from checker.incremental.groups import GROUPED_RULES, finding_group
from checker.incremental.loader import (
    CachedLoader,
    CacheEntryError,
    LoadedSource,
    SharedValues,
    decode_claim_file,
    load_claim_files,
    registry_digest,
)
from checker.incremental.snapshot import FileRow, Snapshot, identity
from checker.index.index import Index
from checker.load.claim_file import Registries
from checker.load.corpus import load_registries, load_reviews, unchecked_order
from checker.load.discovery import discover
from checker.model.claims import Article
from checker.model.corpus import Corpus, LoadedArticle, LoadedClaim, Location, UncheckedClaim
from checker.model.diagnostics import Code, Diagnostic
from checker.report.change import describe_change
from checker.report.data import ReportData
from checker.report.outcome import (
    NEW_FILES_LABEL,
    CheckResult,
    archived_count,
    name_articles,
    report_names,
    review_outcome,
    split_drafts,
)
from checker.rules import RULES

MAX_CHANGED_FILES = 200  # beyond this many changed files, the full check (from the cache) is as quick
RACY_NS = 2_000_000_000  # a file written this close to the snapshot may have changed within one mtime tick


def check_change(root: Path, config: Config, new_files: tuple[Path, ...], cache: FileCache) -> CheckResult | None:
    """The `--only-changes` result for `--new new_files`, or None when only a full check can give it."""
    options = config.normalize.options()
    registries, registry_problems = load_registries(root, CachedLoader(cache, lazy_entities=True))
    snapshot = Snapshot.open(cache, root, identity(root, config, registry_digest(root, options)))
    if snapshot is None or not {rule.CODE for rule in RULES} <= GROUPED_RULES:
        return None
    try:
        corpus = _CorpusNow.compare(root, snapshot, registries, options, cache, _relative_paths(root, new_files))
        return _report(root, config, snapshot, corpus, new_files, registry_problems)
    except (Fallback, CacheEntryError, sqlite3.Error):  # a damaged snapshot answers nothing: check in full
        return None
    finally:
        snapshot.close()


@dataclass
class _CorpusNow:
    """The corpus as it is on disk, told apart from the snapshot file by file."""

    root: Path
    cache: FileCache
    registries: Registries
    shared: SharedValues
    unchanged: dict[str, FileRow]  # by path relative to the root
    changed: list[LoadedSource]
    removed: list[FileRow]

    @classmethod
    def compare(cls, root: Path, snapshot: Snapshot, registries: Registries, options, cache: FileCache,
                named: set[str]) -> _CorpusNow:
        """`named`: the files the change names (claim files or texts, relative to the root), which are
        always read and hashed: size and mtime may only vouch for files the change does not name."""
        rows = snapshot.files()
        trusted_before = int(snapshot.meta("started") or 0) - RACY_NS
        discovery = discover(str(root))
        if discovery.problems:
            raise Fallback("some files cannot be listed: the full check reports them")
        on_disk = {"/".join(parts): parts for parts in discovery.found}
        unchanged = {relative: row for relative in on_disk if (row := rows.get(relative)) is not None
                     and relative not in named and row.text_path not in named
                     and _same_as(str(root), row, trusted_before)}
        changed_paths = [root.joinpath(*parts) for relative, parts in on_disk.items() if relative not in unchanged]
        removed = [row for relative, row in rows.items() if relative not in on_disk]
        if len(changed_paths) + len(removed) > MAX_CHANGED_FILES:
            raise Fallback("too many files changed since the snapshot")
        shared = SharedValues()
        loaded = load_claim_files(root, changed_paths, registries, options, registry_digest(root, options), cache,
                                  None, shared)
        changed = []
        for source in loaded:  # touched, or checked out again, but loaded exactly as at the snapshot
            relative = source.path.relative_to(root).as_posix()
            if source.replayed and relative in rows and source.key == rows[relative].key:
                unchanged[relative] = rows[relative]
            else:
                changed.append(source)
        if snapshot.meta("twins") or any(snapshot.articles_with_text(source.result.article.text) -
                                         {source.result.article.id} for source in changed if source.result.article):
            raise Fallback("byte-identical article texts: their sources depend on the whole corpus")
        declared = [row.declared for row in unchanged.values() if row.declared is not None]
        declared += [source.result.meta.id for source in changed if source.result.meta is not None]
        if len(declared) != len(set(declared)):
            raise Fallback("an article id is declared twice")
        return cls(root, cache, registries, shared, unchanged, changed, removed)

    def article_rows(self) -> dict[str, FileRow]:
        return {row.article: row for row in self.unchanged.values() if row.article is not None}

    def loaded_now(self) -> dict[str, LoadedSource]:
        return {source.result.article.id: source for source in self.changed if source.result.article is not None}

    def from_snapshot(self, rows: Mapping[str, FileRow], only: Mapping[str, set[str]] | None = None,
                      ) -> dict[str, tuple[LoadedArticle, list[LoadedClaim]]]:
        """Articles as the snapshot's full check loaded them (`only` some of their claims, by article),
        from their cache entries."""
        found = {}
        for article_id, row in rows.items():
            entry = self.cache.get(row.key) if row.key else None
            wanted = None if only is None else only[article_id]
            try:
                result = decode_claim_file(entry, self.root, self.root / row.path, self.shared, wanted) if entry else None
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):  # a damaged entry: check in full
                result = None
            if result is None or result.article is None:
                raise Fallback(f"the cache no longer holds {row.path}")
            found[article_id] = (result.article, result.claims)
        return found

    def name_articles(self, files: tuple[Path, ...]) -> tuple[str, ...]:
        """`pipeline.articles_named_by` without resolving every path of the corpus: a named file is
        looked up by its path within the corpus, and only when that fails is everything resolved."""
        by_relative = {}
        for row in self.unchanged.values():
            if row.article is not None:
                by_relative[row.path] = by_relative[row.text_path] = row.article
        for article_id, source in self.loaded_now().items():
            by_relative[source.path.relative_to(self.root).as_posix()] = article_id
            by_relative[(source.path.parent / source.result.meta.text).relative_to(self.root).as_posix()] = article_id
        root = self.root.resolve()
        found = {}
        for path in files:
            resolved = path.resolve()
            relative = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else None
            if relative not in by_relative:
                return name_articles(self._resolved_paths(), files)
            found[resolved] = by_relative[relative]
        return name_articles(found, files)

    def _resolved_paths(self) -> dict[Path, str]:
        by_path = {}
        for row in self.unchanged.values():
            if row.article is not None:
                by_path[(self.root / row.path).resolve()] = row.article
                by_path[(self.root / row.text_path).resolve()] = row.article
        for article_id, source in self.loaded_now().items():
            article = source.result.article
            by_path[Path(article.claim_file).resolve()] = article_id
            by_path[Path(article.text_path).resolve()] = article_id
        return by_path


def _relative_paths(root: Path, files: tuple[Path, ...]) -> set[str]:
    resolved_root = root.resolve()
    relative = set()
    for path in files:
        resolved = path.resolve()
        if resolved.is_relative_to(resolved_root):
            relative.add(resolved.relative_to(resolved_root).as_posix())
    return relative


def _same_as(root: str, row: FileRow, trusted_before: int) -> bool:
    """Whether a claim file and its article text have the size and mtime the snapshot saw, long enough
    before it for an edit within one mtime tick to be impossible (files are stat-ed as strings: this
    runs for every file of the corpus)."""
    if row.size is None or row.mtime is None or row.mtime >= trusted_before:
        return False
    try:
        status = os.stat(os.path.join(root, row.path))
        if (status.st_size, status.st_mtime_ns) != (row.size, row.mtime):
            return False
        if row.declared is None:
            return True
        if row.text_size is None or row.text_mtime is None or row.text_mtime >= trusted_before:
            return False
        status = os.stat(os.path.join(root, row.text_path))
        return (status.st_size, status.st_mtime_ns) == (row.text_size, row.text_mtime)
    except OSError:
        return False


def _report(root: Path, config: Config, snapshot: Snapshot, now: _CorpusNow, new_files: tuple[Path, ...],
            registry_problems: list[Diagnostic]) -> CheckResult:
    named = now.name_articles(new_files)
    rows_now, loaded_now = now.article_rows(), now.loaded_now()
    changed_before = {row.article for row in [*now.removed, *_stale_rows(snapshot, now)] if row.article}
    changed = changed_before | set(loaded_now) | set(named)
    before = _versions(now.from_snapshot({a: r for a, r in _snapshot_rows(snapshot).items() if a in changed}))
    current = _versions({**now.from_snapshot({a: rows_now[a] for a in changed if a in rows_now and a not in
                                              loaded_now}),
                         **{a: (s.result.article, s.result.claims) for a, s in loaded_now.items()}})
    base = Versions({a: x for a, x in current.articles.items() if a not in named},
                    {a: x for a, x in current.claims.items() if a not in named})
    touched, [(_, findings), (_, base_findings)] = recheck(
        snapshot, config, before, [current, base],
        lambda wanted: now.from_snapshot({a: rows_now[a] for a in wanted if a in rows_now}, wanted),
        now.registries.entities, now.registries.properties)
    new_claims = [claim for article in named for claim in current.claims.get(article, ())]
    change = describe_change(NEW_FILES_LABEL, base_findings, findings, named, new_claims)
    scoped = tuple(f for f in findings if any(item.article in named for item in f.evidence))
    return _result(root, snapshot, now, touched, findings, scoped, change, registry_problems)


def _snapshot_rows(snapshot: Snapshot) -> dict[str, FileRow]:
    return {row.article: row for row in snapshot.files().values() if row.article is not None}


def _stale_rows(snapshot: Snapshot, now: _CorpusNow) -> list[FileRow]:
    """Snapshot rows of files that are on disk but changed."""
    changed = {source.path.relative_to(now.root).as_posix() for source in now.changed}
    return [row for relative, row in snapshot.files().items() if relative in changed]


def _versions(articles: Mapping[str, tuple[LoadedArticle, list[LoadedClaim]]]) -> Versions:
    return Versions({a: article for a, (article, _) in articles.items()},
                    {a: tuple(claims) for a, (_, claims) in articles.items()})


def _result(root: Path, snapshot: Snapshot, now: _CorpusNow, touched: Touched, findings: tuple[Finding, ...],
            scoped: tuple[Finding, ...], change, registry_problems: list[Diagnostic]) -> CheckResult:
    diagnostics = list(registry_problems)
    reviews = load_reviews(root, diagnostics)
    fingerprints = {finding.id: finding.fingerprint for finding in findings}
    for review, _ in reviews:
        earlier = snapshot.finding(review.finding)
        if review.finding not in fingerprints and earlier is not None and not touched.holds(*earlier):
            fingerprints[review.finding] = ""  # still there, out of the change: its state is not shown
    states, resolved = review_outcome(fingerprints, reviews)
    shown = {finding.id for finding in scoped}
    unchecked = _issues(snapshot, now, diagnostics)
    articles = sorted({*now.article_rows(), *now.loaded_now()})
    claim_count = sum(row.claims for row in now.unchanged.values()) + sum(
        len(source.result.claims) for source in now.changed if source.result.article is not None)
    unchecked_now, drafts = split_drafts(sorted(unchecked, key=unchecked_order))
    registries = now.registries
    report = ReportData(
        findings=scoped,
        articles=tuple(articles),
        claim_count=claim_count,
        unchecked=unchecked_now,
        drafts=drafts,
        reviews={finding_id: state for finding_id, state in states.items() if finding_id in shown},
        resolved_reviews=tuple(resolved),
        archived_reviews=archived_count(reviews),
        change=change,
        names=report_names(scoped, registries.entities, registries.properties, _articles_shown(now, scoped)),
    )
    return CheckResult(None, tuple(sorted(set(diagnostics))), scoped, report)


def _articles_shown(now: _CorpusNow, findings: tuple[Finding, ...]) -> dict[str, Article]:
    """The metadata of the articles these findings show, for the report's names of them."""
    shown = {item.article for finding in findings for item in finding.evidence}
    loaded = {article_id: source.result.article for article_id, source in now.loaded_now().items()}
    rows = {article_id: row for article_id, row in now.article_rows().items() if article_id in shown - set(loaded)}
    found = {article_id: article for article_id, (article, _) in now.from_snapshot(rows, {a: set() for a in rows}).items()}
    return {article_id: article.meta for article_id, article in {**found, **loaded}.items() if article_id in shown}


def _issues(snapshot: Snapshot, now: _CorpusNow, diagnostics: list[Diagnostic]) -> list[UncheckedClaim]:
    """Input errors and unchecked claims of every file: unchanged files' from the snapshot."""
    unchecked = []
    for relative, record in snapshot.issues():
        if relative not in now.unchanged:
            continue
        diagnostics.extend(Diagnostic(path, line, column, Code(code), message, hint)
                           for path, line, column, code, message, hint in record["diagnostics"])
        unchecked.extend(UncheckedClaim(Location(path, line, column), claim_id, reason)
                         for path, line, column, claim_id, reason in record["unchecked"])
    for source in now.changed:
        diagnostics.extend(source.result.diagnostics)
        unchecked.extend(source.result.unchecked)
    return unchecked


def base_findings(root: Path, config: Config, cache: FileCache, index: Index, findings: tuple[Finding, ...],
                  base: Corpus, changed: set[str]) -> tuple[Finding, ...] | None:
    """What a full check of `base` finds, where `base` differs from the corpus just checked (its
    index and findings, its snapshot just taken) only in the `changed` articles: only the groups
    those articles touch are checked again. None when the snapshot is not there to answer."""
    corpus = index.corpus
    if corpus.twins:  # sources then depend on texts anywhere in the corpus
        return None
    snapshot = Snapshot.open(cache, root, identity(root, config, registry_digest(root, config.normalize.options())))
    if snapshot is None:
        return None
    by_article: dict[str, list[LoadedClaim]] = {}
    for claim in corpus.claims:
        by_article.setdefault(claim.article, []).append(claim)

    def claims_of(wanted):
        return {a: (corpus.articles[a], [claim for claim in by_article.get(a, []) if claim.claim.id in ids])
                for a, ids in wanted.items() if a in corpus.articles}

    def whole(ids):
        return {a: (corpus.articles[a], by_article.get(a, [])) for a in ids if a in corpus.articles}

    try:
        now = _versions(whole(changed))
        before = _versions({a: (base.articles[a], [c for c in base.claims if c.article == a])
                            for a in changed if a in base.articles})
        touched, [(_, found)] = recheck(snapshot, config, now, [before], claims_of, corpus.entities,
                                        corpus.properties)
    except (Fallback, sqlite3.Error):
        return None
    finally:
        snapshot.close()
    kept = [finding for finding in findings
            if not touched.holds(finding.rule, finding_group(finding, index.by_uid, corpus.properties))]
    return sorted_findings([*kept, *found])
