"""Writing what a command produces, without ever replacing what an editor owns.

A report, a schema or a review file is written to a temporary file beside its target and
renamed over it, so a reader never sees half a file and an interrupted write leaves the
old one whole. Before that, the target is checked: a path inside the corpus (claim files,
articles, registries, reviews), a directory, a device, a FIFO or a socket is refused,
never replaced; a symbolic link is written through (its target is replaced, the link
stays); an existing file keeps its permissions. Temporary files left by an interrupted
earlier write are removed on the next write to the same target.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"


class OutputRefused(ValueError):
    """The output path names something that must not be written over."""


def refusal(path: Path, protected: Iterable[Path] = ()) -> str | None:
    """Why `path` must not be written, or None. `protected`: directories whose files are inputs."""
    target = path.resolve()
    for directory in protected:
        if target == directory.resolve() or target.is_relative_to(directory.resolve()):
            return (f"{path} is inside the corpus {directory}, whose files editors own; "
                    "write the report elsewhere, e.g. reports/discrepancies.md")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"{path} cannot be examined: {error.strerror or error}"
    if stat.S_ISDIR(mode):
        return f"{path} is a directory; name a file inside it, e.g. {path / 'discrepancies.md'}"
    if not stat.S_ISREG(mode):
        return f"{path} is not a regular file (a device, FIFO or socket); name a regular file"
    return None


def write_atomically(path: Path, parts: str | bytes | Iterable[str], protected: Iterable[Path] = ()) -> None:
    """Write parts to path: refused (OutputRefused) when `refusal` says so; a link is written through."""
    problem = refusal(path, protected)
    if problem:
        raise OutputRefused(problem)
    target = path.resolve() if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(target)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=_temporary_prefix(target), suffix=TEMPORARY_SUFFIX)
    except OSError as error:  # name what the user asked to write, not our temporary file
        raise OSError(error.errno, error.strerror, str(path)) from None
    binary = isinstance(parts, bytes)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as out:
            for part in [parts] if isinstance(parts, str | bytes) else parts:
                out.write(part)
        _keep_mode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _temporary_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def _keep_mode(target: Path, temporary: Path) -> None:
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(temporary, mode)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files of this target whose writing process is gone (interrupted, killed)."""
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMPORARY_SUFFIX)):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            Path(entry.path).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
