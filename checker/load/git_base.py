"""The corpus as it stands at a git ref, exported to a temporary directory for loading."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitBaseError(RuntimeError):
    pass


def _git(repo: Path, *args: str) -> bytes:
    try:
        completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitBaseError(f"git could not run: {error}") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitBaseError(message[-1] if message else f"git {' '.join(args)} failed")
    return completed.stdout


def export_corpus_at(ref: str, corpus: Path, destination: Path) -> Path:
    """Write the corpus directory as it was at `ref` under destination; return its path there.
    A corpus that did not exist at the ref yields an empty directory."""
    absolute = corpus.resolve()
    top = Path(_git(absolute if absolute.is_dir() else absolute.parent, "rev-parse", "--show-toplevel")
               .decode().strip())
    relative = absolute.relative_to(top).as_posix()
    _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    listing = _git(top, "ls-tree", "-r", "--name-only", ref, "--", relative)
    target = destination / relative
    target.mkdir(parents=True, exist_ok=True)
    if listing.strip():
        archive = _git(top, "archive", "--format=tar", ref, "--", relative)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(destination, filter=_within_destination)
    return target


def _within_destination(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """tarfile's "data" filter, except that a member it refuses (a link out of the corpus, an
    absolute path) is left out instead of ending the export: the loader reports such a file in
    the working tree, and the base only needs what it can check."""
    try:
        return tarfile.data_filter(member, destination)
    except tarfile.FilterError:
        return None


def staged_corpus_files(corpus: Path) -> tuple[Path, ...]:
    """The claim files and article texts of the corpus staged for the next commit (added, copied,
    modified or renamed; a deletion has nothing to check), as paths to them."""
    absolute = corpus.resolve()
    top = Path(_git(absolute, "rev-parse", "--show-toplevel").decode().strip())
    listing = _git(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--",
                   absolute.relative_to(top).as_posix())
    staged = [top / name for name in listing.decode("utf-8", "surrogateescape").split("\0") if name]
    return tuple(path for path in staged if path.name.endswith(".claims.yaml")
                 or (path.suffix == ".txt" and path.parent.name == "articles"))
