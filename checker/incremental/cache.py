"""A content-addressed cache of what loading each file produced, so unchanged files are not
parsed, schema-checked and normalized again.

An entry is named by the sha256 of everything that decides what loading a file gives:
the file's bytes, the registries' bytes, the normalize options and the code itself (the
package version plus the source of every module, so any change to the code starts a
fresh cache). Files a claim file depends on beyond its own bytes (its article text) are
recorded inside the entry and checked on every hit. Entries are JSON, never pickles: a
planted entry can at worst be wrong, never run code, and a directory tracked by git is
refused outright (a pull request could otherwise carry entries that hide a conflict).

The directory is safe to delete at any time; an entry that cannot be read is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pydantic

CACHE_VERSION = 2  # bump when the meaning of an entry changes without the code changing
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
    """Entries in `<directory>/entries/<2 hex>/<key>.json`, each written atomically."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.stats = CacheStats()
        self.unwritable: str | None = None  # the first write that failed, said once after the check

    def key(self, kind: str, *parts: bytes | str) -> str:
        return content_key(code_salt(), kind, *parts)

    def _path(self, key: str) -> Path:
        return self.directory / "entries" / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        try:
            stored = json.loads(self._path(key).read_bytes())
            entry = stored["value"] if stored["key"] == key else None  # a file copied under another name: a miss
        except (OSError, ValueError, TypeError, KeyError):  # absent, unreadable, not JSON, not an entry: a miss
            entry = None
        if entry is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return entry

    def miss(self) -> None:
        """An entry was found but did not hold (a file it depends on changed)."""
        self.stats.hits -= 1
        self.stats.misses += 1

    def put(self, key: str, entry: Any) -> None:
        try:
            write_atomically(self._path(key), json.dumps({"key": key, "value": entry}, separators=(",", ":")).encode())
        except OSError as error:  # a read-only or full disk makes the cache useless, not the check wrong
            if self.unwritable is None:
                self.unwritable = f"{error.filename or self.directory}: {error.strerror or error}"
            return
        self.stats.writes += 1

    def path(self, name: str) -> Path:
        """A file of the cache directory other than the entries (the last run's snapshot)."""
        return self.directory / name


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
