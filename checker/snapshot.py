"""The last full check, kept so that a change can be re-checked group by group.

A snapshot is a SQLite file in the cache directory, one per corpus. It holds no claim and
no finding in full, only what is needed to find them again cheaply: each claim file's
size, mtime and cache entry (the entry holds its claims), the groups each article's
claims belong to (`checker.groups`), the word runs of every quote, which quotes
corroborate each other, and the group of every finding. Like the rest of the cache it is
safe to delete, and it is written whole or not at all.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from checker.cache import FileCache, code_salt, content_key
from checker.config import Config
from checker.findings import Finding
from checker.groups import claim_tags, finding_group, is_quote
from checker.index import Index, quote_grams
from checker.load import LoadResult
from checker.loadcache import LoadedSource
from checker.rules.single_source import corroborations

SNAPSHOT_VERSION = "2"
QUOTE_GRAM_SIZES = (2, 4)  # the word runs CC105 and CC109 pair quotes by
_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files (path TEXT PRIMARY KEY, size INT, mtime INT, key TEXT, article TEXT, declared TEXT,
                    text_path TEXT, text_size INT, text_mtime INT, claims INT) WITHOUT ROWID;
CREATE TABLE issues (path TEXT PRIMARY KEY, record TEXT) WITHOUT ROWID;
CREATE TABLE tags (tag TEXT, uid TEXT, PRIMARY KEY (tag, uid)) WITHOUT ROWID;
CREATE TABLE grams (size INT, gram TEXT, uid TEXT, speaker TEXT, PRIMARY KEY (size, gram, uid)) WITHOUT ROWID;
CREATE TABLE partners (uid TEXT, partner TEXT, PRIMARY KEY (uid, partner)) WITHOUT ROWID;
CREATE TABLE findings (id TEXT PRIMARY KEY, rule TEXT, grp TEXT) WITHOUT ROWID;
"""


def snapshot_file(cache: FileCache, root: Path) -> Path:
    return cache.path(f"snapshot-{content_key(str(root.resolve()))[:16]}.sqlite")


def identity(root: Path, config: Config, registries: str) -> dict[str, str]:
    """What a snapshot must have been taken with to stand for the corpus now."""
    return {"version": SNAPSHOT_VERSION, "code": code_salt(), "root": str(root), "config": config.model_dump_json(),
            "registries": registries}


# ---- writing ------------------------------------------------------------------------------------


def write_snapshot(cache: FileCache, root: Path, meta: dict[str, str], loaded: LoadResult, index: Index,
                   findings: Iterable[Finding]) -> None:
    """Keep what the next change needs; a corpus with a duplicate article id is not kept (its
    files depend on each other, which a group-by-group check cannot follow)."""
    declared = [source.result.meta.id for source in loaded.sources if source.result.meta is not None]
    if len(declared) != len(set(declared)):
        return
    target = snapshot_file(cache, root)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".snapshot.", suffix=".tmp")
    os.close(handle)
    try:
        with closing(sqlite3.connect(temporary)) as database:
            database.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            _fill(database, root, meta, loaded, index, findings)
            database.commit()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error):  # the snapshot only saves time; a check never fails for it
        Path(temporary).unlink(missing_ok=True)


def _fill(database: sqlite3.Connection, root: Path, meta: dict[str, str], loaded: LoadResult, index: Index,
          findings: Iterable[Finding]) -> None:
    """Rows are streamed, never gathered in lists: a large corpus has millions of them."""
    properties = loaded.corpus.properties
    database.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    database.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (_file_row(root, source) for source in loaded.sources))
    database.executemany("INSERT INTO issues VALUES (?, ?)",
                         ((_relative(root, source.path), json.dumps(_issues(source))) for source in loaded.sources
                          if source.result.diagnostics or source.result.unchecked))
    database.executemany("INSERT OR IGNORE INTO tags VALUES (?, ?)", (
        (tag, uid) for uid, claim in index.by_uid.items() for tag in claim_tags(claim, properties)))
    database.executemany("INSERT INTO grams VALUES (?, ?, ?, ?)", (
        (size, " ".join(gram), uid, claim.claim.value.speaker) for uid, claim in index.by_uid.items()
        if is_quote(claim, properties) for size in QUOTE_GRAM_SIZES
        for gram in quote_grams(index.quote_tokens(claim), size)))
    pairs = corroborations(index)
    database.executemany("INSERT OR IGNORE INTO partners VALUES (?, ?)",
                         (row for a, b in pairs for row in ((a.uid, b.uid), (b.uid, a.uid))))
    database.executemany("INSERT INTO findings VALUES (?, ?, ?)", (
        (finding.id, finding.rule, finding_group(finding, index.by_uid, properties)) for finding in findings))


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _file_row(root: Path, source: LoadedSource) -> tuple:
    size, mtime = source.stamp or (None, None)
    result = source.result
    text_path, (text_size, text_mtime) = None, (None, None)
    if result.meta is not None:
        text_path = (source.path.parent.relative_to(root) / result.meta.text).as_posix()
        text_size, text_mtime = result.text_stamp or (None, None)
    return (_relative(root, source.path), size, mtime, source.key, result.article.id if result.article else None,
            result.meta.id if result.meta else None, text_path, text_size, text_mtime,
            len(result.claims) if result.article else 0)


def _issues(source: LoadedSource) -> dict:
    result = source.result
    return {"diagnostics": [[d.path, d.line, d.column, d.code.value, d.message, d.hint] for d in result.diagnostics],
            "unchecked": [[u.location.path, u.location.line, u.location.column, u.claim_id, u.reason]
                          for u in result.unchecked]}


# ---- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileRow:
    path: str
    size: int | None
    mtime: int | None
    key: str | None
    article: str | None
    declared: str | None
    text_path: str | None
    text_size: int | None
    text_mtime: int | None
    claims: int


class Snapshot:
    """Read access to a snapshot; every query answers from indexes, never by a scan of the corpus."""

    def __init__(self, database: sqlite3.Connection) -> None:
        self.database = database
        self._sharing: dict[tuple[int, str], list[tuple[str, str]]] = {}
        self._files: dict[str, FileRow] | None = None

    @classmethod
    def open(cls, cache: FileCache, root: Path, expected: dict[str, str]) -> Snapshot | None:
        """The snapshot of this corpus, if one was taken with the same code, configuration and registries."""
        path = snapshot_file(cache, root)
        if not path.is_file():
            return None
        try:
            database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            meta = dict(database.execute("SELECT name, value FROM meta"))
        except sqlite3.Error:
            return None
        if any(meta.get(name) != value for name, value in expected.items()):
            database.close()
            return None
        return cls(database)

    def close(self) -> None:
        self.database.close()

    def meta(self, name: str) -> str | None:
        row = self.database.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def files(self) -> dict[str, FileRow]:
        if self._files is None:
            self._files = {row[0]: FileRow(*row) for row in self.database.execute("SELECT * FROM files")}
        return self._files

    def issues(self) -> Iterator[tuple[str, dict]]:
        for path, record in self.database.execute("SELECT path, record FROM issues"):
            yield path, json.loads(record)

    def claims_tagged(self, tags: Iterable[str]) -> set[str]:
        """The uids of the claims in these groups."""
        return self._claims("SELECT uid FROM tags WHERE tag = ?", ((tag,) for tag in tags))

    def claims_with_prefix(self, prefixes: Iterable[str]) -> set[str]:
        """The uids of the claims with a tag starting with one of the prefixes (every key of a fact)."""
        query = "SELECT uid FROM tags WHERE tag >= ? AND tag < ?"
        return self._claims(query, ((prefix, prefix + "\U0010ffff") for prefix in prefixes))

    def _claims(self, query: str, parameters: Iterable[tuple]) -> set[str]:
        found: set[str] = set()
        for values in parameters:
            found.update(row[0] for row in self.database.execute(query, values))
        return found

    def quotes_sharing(self, size: int, gram: str) -> list[tuple[str, str]]:
        """The quotes (uid, speaker) with this run of words."""
        found = self._sharing.get((size, gram))
        if found is None:
            found = self._sharing[(size, gram)] = list(self.database.execute(
                "SELECT uid, speaker FROM grams WHERE size = ? AND gram = ?", (size, gram)))
        return found

    def partners(self, uid: str) -> list[str]:
        return [row[0] for row in self.database.execute("SELECT partner FROM partners WHERE uid = ?", (uid,))]

    def finding(self, finding_id: str) -> tuple[str, str] | None:
        """The rule and group of a finding of the last full check."""
        return self.database.execute("SELECT rule, grp FROM findings WHERE id = ?", (finding_id,)).fetchone()
