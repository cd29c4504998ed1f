"""Finding the claim files of a corpus, and saying out loud what is not read.

A claim file is a regular file named `*.claims.yaml` anywhere under the corpus root.
Nothing is skipped silently: a directory that cannot be read, a directory reached
through a symbolic link (never followed: it may lead out of the corpus), a name that
looks like a claim file but is not one (`*.claims.yml`, `*.Claims.YAML`), a claim file
that is not a regular file (a FIFO would hang the check) and a name that is not UTF-8
each become a diagnostic, and the rest of the corpus is still checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from checker.model.diagnostics import Code, Diagnostic

CLAIM_FILE_SUFFIX = ".claims.yaml"
NEAR_MISS_SUFFIXES = (".claims.yaml", ".claims.yml", ".claim.yaml", ".claim.yml")


@dataclass
class Discovery:
    found: list[tuple[str, ...]] = field(default_factory=list)  # each claim file's path parts within the root
    problems: list[Diagnostic] = field(default_factory=list)


def discover(root: str) -> Discovery:
    """The claim files under root, in a stable order (as `sorted(root.rglob(...))` lists them), and
    what could not be read. os.scandir, not pathlib: a tenth of a second less for 10,000 files."""
    discovery = Discovery()
    _walk(root, (), discovery)
    discovery.found.sort(key=lambda parts: tuple(os.path.normcase(part) for part in parts))
    discovery.problems.sort()
    return discovery


def printable_path(path: str) -> str:
    """A path as text that can be printed and written: bytes that are not UTF-8 become escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _problem(path: str, code: Code, message: str, hint: str) -> Diagnostic:
    return Diagnostic(printable_path(path), 1, 1, code, message, hint)


def _walk(directory: str, parts: tuple[str, ...], discovery: Discovery) -> None:
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        discovery.problems.append(_problem(directory, Code.FILE_UNREADABLE,
                                           f"directory cannot be read: {error.strerror or error}",
                                           "make it readable, or move it out of the corpus"))
        return
    for entry in entries:
        _visit(entry, parts, discovery)


def _visit(entry: os.DirEntry, parts: tuple[str, ...], discovery: Discovery) -> None:
    name = entry.name
    try:
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, (*parts, name), discovery)
            return
        if entry.is_symlink() and entry.is_dir():
            discovery.problems.append(_problem(entry.path, Code.PATH_ESCAPES, "directory link not followed",
                                               "copy the directory into the corpus instead of linking it"))
            return
        is_file = entry.is_file()
    except OSError as error:
        discovery.problems.append(_problem(entry.path, Code.FILE_UNREADABLE,
                                           f"cannot be examined: {error.strerror or error}", "check it exists"))
        return
    if name.endswith(CLAIM_FILE_SUFFIX):
        _claim_file(entry, parts, is_file, discovery)
    elif name.casefold().endswith(NEAR_MISS_SUFFIXES):
        discovery.problems.append(_problem(entry.path, Code.NOT_A_CLAIM_FILE,
                                           "not loaded: claim files are named <article-id>.claims.yaml",
                                           f"rename it to end in {CLAIM_FILE_SUFFIX} (lower case)"))


def _claim_file(entry: os.DirEntry, parts: tuple[str, ...], is_file: bool, discovery: Discovery) -> None:
    if printable_path(entry.name) != entry.name:
        discovery.problems.append(_problem(entry.path, Code.FILE_UNREADABLE, "file name is not UTF-8",
                                           "rename the file with plain letters, digits and hyphens"))
    elif not is_file:
        discovery.problems.append(_problem(entry.path, Code.FILE_UNREADABLE,
                                           "not a regular file (a FIFO, socket, device or broken link)",
                                           "replace it with the claim file itself"))
    else:
        discovery.found.append((*parts, entry.name))
