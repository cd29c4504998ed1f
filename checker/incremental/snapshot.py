"""The last full check, kept so that a change can be re-checked group by group.

A snapshot is a SQLite file in the cache directory, one per corpus. It holds no claim and
no finding in full, only what is needed to find them again cheaply: each claim file's
size, mtime and cache entry (the entry holds its claims), the groups each article's
claims belong to (`checker.incremental.groups`), the word runs of every quote and the group
of every finding. Like the rest of the cache it is safe to delete, and it is written whole
or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

from checker.config import Config
from checker.findings.finding import Finding
from checker.incremental.cache import FileCache, code_salt, content_key
from checker.incremental.groups import finding_group, index_tags, is_quote
from checker.incremental.loader import LoadedSource
from checker.index.index import Index, quote_grams

SNAPSHOT_VERSION = "4"
QUOTE_GRAM_SIZES = (2, 4)  # the word runs CC105 and CC109 pair quotes by
_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files (path TEXT PRIMARY KEY, size INT, mtime INT, key TEXT, article TEXT, declared TEXT,
                    text_path TEXT, text_size INT, text_mtime INT, claims INT);
CREATE TABLE issues (path TEXT PRIMARY KEY, record TEXT);
CREATE TABLE tags (tag TEXT, uid TEXT);
CREATE TABLE grams (size INT, gram TEXT, uid TEXT, speaker TEXT);
CREATE TABLE findings (id TEXT, rule TEXT, grp TEXT);
CREATE TABLE texts (hash TEXT, article TEXT);
"""
# Built after the rows are in: one sort is much quicker than keeping an index in order row by row.
_INDEXES = """
CREATE INDEX tags_by_tag ON tags (tag);
CREATE INDEX grams_by_run ON grams (size, gram);
CREATE INDEX findings_by_id ON findings (id);
CREATE INDEX texts_by_hash ON texts (hash);
"""


def snapshot_file(cache: FileCache, root: Path) -> Path:
    return cache.path(f"snapshot-{content_key(str(root.resolve()))[:16]}.sqlite")


def identity(root: Path, config: Config, registries: str) -> dict[str, str]:
    """What a snapshot must have been taken with to stand for the corpus now."""
    return {"version": SNAPSHOT_VERSION, "code": code_salt(), "root": str(root), "config": config.model_dump_json(),
            "registries": registries}


# ---- writing ------------------------------------------------------------------------------------

REWRITE_AFTER = 10  # files changed since the snapshot: below this, the next change is still re-checked quickly


def needs_writing(cache: FileCache, root: Path, expected: dict[str, str], sources: list[LoadedSource], *,
                  exact: bool) -> bool:
    """Whether to take a new snapshot: none is there, it is of other code, configuration or registries,
    or more files differ from it than REWRITE_AFTER (any, when `exact`). Rewriting one costs a tenth
    of a full check; a change is re-checked against a slightly older one just as well."""
    snapshot = Snapshot.open(cache, root, expected)
    if snapshot is None:
        return True
    try:
        rows = snapshot.files()
    except sqlite3.Error:  # damaged: take a new one
        return True
    finally:
        snapshot.close()
    differing = len(rows) - len({_relative(root, source.path) for source in sources} & rows.keys())
    for source in sources:
        row = rows.get(_relative(root, source.path))
        if row is None or source.key is None or row != _file_row(root, source):
            differing += 1
    return differing > (0 if exact else REWRITE_AFTER)


def write_snapshot(cache: FileCache, root: Path, meta: dict[str, str], sources: list[LoadedSource], index: Index,
                   findings: Iterable[Finding]) -> None:
    """Keep what the next change needs; a corpus with a duplicate article id is not kept (its
    files depend on each other, which a group-by-group check cannot follow)."""
    declared = [source.result.meta.id for source in sources if source.result.meta is not None]
    if len(declared) != len(set(declared)):
        return
    target = snapshot_file(cache, root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".snapshot.", suffix=".tmp")
        os.close(handle)
    except OSError as error:  # the snapshot only saves time; a check never fails for it
        cache.unwritable = cache.unwritable or f"{error.filename or target.parent}: {error.strerror or error}"
        return
    try:
        with closing(sqlite3.connect(temporary)) as database:
            database.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            _fill(database, root, meta, sources, index, findings)
            database.executescript(_INDEXES)
            database.commit()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error):  # the snapshot only saves time; a check never fails for it
        Path(temporary).unlink(missing_ok=True)


def _fill(database: sqlite3.Connection, root: Path, meta: dict[str, str], sources: list[LoadedSource], index: Index,
          findings: Iterable[Finding]) -> None:
    """Rows are streamed, never gathered in lists: a large corpus has millions of them."""
    properties = index.corpus.properties
    twins = "yes" if index.corpus.twins else ""  # sources then depend on texts anywhere in the corpus
    database.executemany("INSERT INTO meta VALUES (?, ?)", sorted({**meta, "twins": twins}.items()))
    database.executemany("INSERT INTO texts VALUES (?, ?)", ((text_hash(article.text), article.id)
                                                             for article in index.corpus.articles.values()))
    database.executemany(f"INSERT INTO files ({_FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (_file_row(root, source) for source in sources))
    database.executemany("INSERT INTO issues VALUES (?, ?)",
                         ((_relative(root, source.path), json.dumps(_issues(source))) for source in sources
                          if source.result.diagnostics or source.result.unchecked))
    database.executemany("INSERT INTO tags VALUES (?, ?)", index_tags(index))
    database.executemany("INSERT INTO grams VALUES (?, ?, ?, ?)", (
        (size, " ".join(gram), uid, claim.claim.value.speaker_key) for uid, claim in index.by_uid.items()
        if is_quote(claim, properties) for size in QUOTE_GRAM_SIZES
        for gram in quote_grams(index.quote_tokens(claim), size)))
    database.executemany("INSERT INTO findings VALUES (?, ?, ?)", (
        (finding.id, finding.rule, finding_group(finding, index.by_uid, properties, index.key))
        for finding in findings))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


_FILE_COLUMNS = "path, size, mtime, key, article, declared, text_path, text_size, text_mtime, claims"


def _file_row(root: Path, source: LoadedSource) -> FileRow:
    size, mtime = source.stamp or (None, None)
    result = source.result
    text_path, (text_size, text_mtime) = None, (None, None)
    if result.meta is not None:
        text_path = (source.path.parent.relative_to(root) / result.meta.text).as_posix()
        text_size, text_mtime = result.text_stamp or (None, None)
    return FileRow(_relative(root, source.path), size, mtime, source.key, result.article.id if result.article else None,
                   result.meta.id if result.meta else None, text_path, text_size, text_mtime,
                   len(result.claims) if result.article else 0)


def _issues(source: LoadedSource) -> dict:
    result = source.result
    return {"diagnostics": [[d.path, d.line, d.column, d.code.value, d.message, d.hint] for d in result.diagnostics],
            "unchecked": [[u.location.path, u.location.line, u.location.column, u.claim_id, u.reason]
                          for u in result.unchecked]}


# ---- reading ------------------------------------------------------------------------------------


class FileRow(NamedTuple):
    """A claim file as the snapshot saw it. A tuple, not a frozen dataclass: a change check reads
    one per file of the corpus, and a tuple is made without a call per field."""

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
            self._files = {row[0]: FileRow._make(row) for row in self.database.execute(f"SELECT {_FILE_COLUMNS} FROM files")}
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

    def articles_with_text(self, text: str) -> set[str]:
        """The articles of the last full check whose text was exactly this."""
        return {row[0] for row in self.database.execute("SELECT article FROM texts WHERE hash = ?", (text_hash(text),))}

    def finding(self, finding_id: str) -> tuple[str, str] | None:
        """The rule and group of a finding of the last full check."""
        return self.database.execute("SELECT rule, grp FROM findings WHERE id = ?", (finding_id,)).fetchone()
