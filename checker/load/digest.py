"""What a report says it describes: a short digest of the corpus's files, and how many there are.

sha256 over each regular file's path relative to the corpus root (sorted, `/`-separated)
and its bytes: the same files give the same digest on any machine, whatever order the
disk lists them in. Directories reached through a symbolic link are not followed, as
the loader does not follow them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

DIGEST_LENGTH = 12


def corpus_digest(root: Path) -> tuple[str, int]:
    """(short hex digest, number of files) of the corpus under root."""
    files = sorted(_files(str(root), ""))
    digest = hashlib.sha256()
    for relative, path in files:
        try:
            content = Path(path).read_bytes()
        except OSError:
            content = b""  # unreadable: the check says so; the digest still names the file
        name = os.fsencode(relative)
        digest.update(len(name).to_bytes(8, "big") + name + len(content).to_bytes(8, "big") + content)
    return digest.hexdigest()[:DIGEST_LENGTH], len(files)


def _files(directory: str, prefix: str) -> list[tuple[str, str]]:
    found = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return found
    for entry in entries:
        relative = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            found.extend(_files(entry.path, relative + "/"))
        elif entry.is_file(follow_symlinks=False):
            found.append((relative, entry.path))
    return found
