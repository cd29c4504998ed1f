"""Reading and damaging the entries of a cache directory, as a test needs to."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from checker.incremental.cache import FileCache


def entries_file(directory: Path) -> Path:
    return directory / FileCache.FILE_NAME


def stored_entries(directory: Path) -> list[tuple[str, bytes]]:
    """(key, stored bytes) of every entry, by key."""
    with closing(sqlite3.connect(entries_file(directory))) as database:
        return [(key, bytes(value)) for key, value in database.execute("SELECT key, value FROM entries ORDER BY key")]


def overwrite_entry(directory: Path, key: str, stored: bytes) -> None:
    with closing(sqlite3.connect(entries_file(directory))) as database, database:
        database.execute("UPDATE entries SET value = ? WHERE key = ?", (stored, key))
