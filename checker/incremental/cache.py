"""A content-addressed cache of what loading each file produced, so unchanged files are not
parsed, schema-checked and normalized again.

An entry is named by the sha256 of everything that decides what loading a file gives:
the file's bytes, the registries' bytes, the normalize options and the code itself (the
package version plus the source of every module, so any change to the code starts a
fresh cache). Files a claim file depends on beyond its own bytes (its article text) are
recorded inside the entry and checked on every hit. Entries are rows of one SQLite file,
each a JSON text, never a pickle: a planted entry can at worst be wrong, never run code, and
a directory tracked by git is refused outright (a pull request could otherwise carry entries
that hide a conflict).

The directory is safe to delete at any time; an entry that cannot be read is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pydantic

CACHE_VERSION = 3  # bump when the meaning of an entry changes without the code changing
DEFAULT_CACHE_DIR = Path(".claimcheck-cache")
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the whole checker package


@cache
def code_salt() -> str:
    """What makes entries of one code version unusable by another: the source of every module (so the
    package version adds nothing) and the version of pydantic, which rebuilds the models from entries."""
    digest = hashlib.sha256()
    digest.update(f"{CACHE_VERSION}\0{sys.version_info[:2]}\0{pydantic.VERSION}\0".encode())
    for path in sorted(_PACKAGE_ROOT.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE_ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def content_key(*parts: bytes | str) -> str:
    """sha256 of the parts, each length-prefixed so that no two different lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@dataclass
class CacheStats:
    """Counted as the run goes, so a test or a progress line can say what the cache did."""

    hits: int = 0
    misses: int = 0
    writes: int = 0


class FileCache:
    """Entries in one SQLite file, `<directory>/entries.sqlite`: a table of (key, JSON entry).

    One file instead of one per claim file: a warm check of 10,000 files opens one file, not
    10,000. Writes wait in memory and go in one transaction per `FLUSH_EVERY` entries and at
    `flush` (the loader flushes when a load is done); no transaction stays open between two
    calls, so none is open when the loader forks its workers, and a run killed halfway leaves
    the entries already written as they were. WAL journaling lets concurrent runs read
    while one writes; their writes wait for each other (a run that waits too long skips its
    writes, which only costs time). A file that is not a database is set aside and started anew.
    """

    FILE_NAME = "entries.sqlite"
    BUSY_SECONDS = 30
    FLUSH_EVERY = 500  # entries: a few MB held at most, and a few transactions for 10,000 files

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.stats = CacheStats()
        self.unwritable: str | None = None  # the first write that failed, said once after the check
        self._database: sqlite3.Connection | None = None
        self._opened = False
        self._pending: dict[str, bytes] = {}

    def key(self, kind: str, *parts: bytes | str) -> str:
        return content_key(code_salt(), kind, *parts)

    def get(self, key: str) -> Any | None:
        entry = self._pending_entry(key) if key in self._pending else self._stored_entry(key)
        if entry is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return entry

    def _stored_entry(self, key: str) -> Any | None:
        database = self._connection(create=False)
        if database is None:
            return None
        try:
            row = database.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:  # damaged or locked beyond waiting: a miss
            return None
        return None if row is None else _entry(key, row[0])

    def _pending_entry(self, key: str) -> Any | None:
        return _entry(key, self._pending[key])

    def miss(self) -> None:
        """An entry was found but did not hold (a file it depends on changed)."""
        self.stats.hits -= 1
        self.stats.misses += 1

    def put(self, key: str, entry: Any) -> None:
        """Kept for `flush` (by `FLUSH_EVERY`, so that a cold run does not hold the entries of a
        whole corpus in memory); counted as written then."""
        self._pending[key] = json.dumps({"key": key, "value": entry}, separators=(",", ":")).encode()
        if len(self._pending) >= self.FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write what `put` kept, in one transaction."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            database = self._connection(create=True)
            if database is None:
                raise OSError(f"{self.directory / self.FILE_NAME}: not a cache database")
            with database:
                database.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", pending.items())
        except (OSError, sqlite3.Error) as error:  # a read-only or full disk makes the cache useless, not the check wrong
            if self.unwritable is None:
                self.unwritable = _failure(error, self.directory)
            return
        self.stats.writes += len(pending)

    def close(self) -> None:
        self.flush()
        if self._database is not None:
            self._database.close()
        self._database, self._opened = None, False

    def _connection(self, *, create: bool) -> sqlite3.Connection | None:
        """The open database; for reading, None when there is none (or it cannot be opened: every
        entry is then a miss); for writing, opened or made, or an error."""
        if self._database is not None or (self._opened and not create):
            return self._database
        target = self.directory / self.FILE_NAME
        if not create and not target.is_file():
            return None
        self._opened = True
        try:
            self._database = _open_database(target)
        except (OSError, sqlite3.Error):
            if create:
                raise
        return self._database

    def path(self, name: str) -> Path:
        """A file of the cache directory other than the entries (the last run's snapshot)."""
        return self.directory / name


def _entry(key: str, stored: bytes) -> Any | None:
    try:
        record = json.loads(stored)
        return record["value"] if record["key"] == key else None  # an entry copied under another key: a miss
    except (ValueError, TypeError, KeyError):  # not JSON, not an entry: a miss
        return None


def _open_database(target: Path) -> sqlite3.Connection | None:
    """The entries database, made if absent; one that is damaged is moved aside and made anew."""
    for attempt in range(2):
        database = None
        try:
            database = sqlite3.connect(target, timeout=FileCache.BUSY_SECONDS, isolation_level=None)
            database.execute("PRAGMA journal_mode=WAL")
            database.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID")
            database.isolation_level = ""  # transactions from here on, one per `with database`
            return database
        except sqlite3.DatabaseError as error:
            if database is not None:
                database.close()
            if attempt or not _damaged(error):
                raise
            with contextlib.suppress(OSError):
                os.replace(target, target.with_name(target.name + ".damaged"))
    return None


def _damaged(error: sqlite3.DatabaseError) -> bool:
    return "not a database" in str(error) or "malformed" in str(error)


def _failure(error: Exception, directory: Path) -> str:
    if isinstance(error, OSError):
        return f"{error.filename or directory}: {error.strerror or error}"
    return f"{directory}: {error}"


def tracked_by_git(directory: Path) -> bool:
    """Whether git tracks any file under the directory: a cache that came with the checkout."""
    if not directory.is_dir():
        return False
    try:
        listed = subprocess.run(["git", "-C", str(directory), "ls-files", "-z", "--", "."],
                                capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return listed.returncode == 0 and bool(listed.stdout)


def open_cache(directory: Path | None) -> tuple[FileCache | None, str | None]:
    """The cache to use (None: no cache) and, when one was refused, why."""
    if directory is None:
        return None, None
    if directory.exists() and not directory.is_dir():
        return None, f"--cache-dir {directory} is not a directory; checking without the cache"
    if tracked_by_git(directory):
        return None, (f"{directory} is tracked by git, so it may hold entries nobody computed here; "
                      "checking without the cache (untrack it, or pass --cache-dir elsewhere)")
    return FileCache(directory), None
