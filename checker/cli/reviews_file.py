"""Editing `claims/reviews.yaml`, the editors' record of decisions, without losing a word of it.

The file is read and written through a round-trip YAML model (ruamel.yaml), so comments,
key order and any valid list style (block, flow, `reviews: []`) survive, and every
character a reviewer typed reads back the same. An edit holds an exclusive lock on the
corpus directory (the file itself is replaced by each write, so it cannot carry the
lock), so concurrent `claimcheck review` runs each see the others' decisions; the new
document is written atomically beside the old one.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from checker.cli.output import write_atomically
from checker.load.files import MAX_CLAIM_FILE_BYTES, read_text
from checker.model.diagnostics import InputError
from checker.model.reviews import Review

REVIEWS_HEADER = """# yaml-language-server: $schema=../schemas/reviews.schema.json
# Editors' decisions on findings. Add with `claimcheck review FINDING-ID ...` or by hand:
# finding and evidence are the ids the report prints for the finding.
reviews:
"""


class ReviewsFileError(ValueError):
    """The reviews file cannot be edited as it stands; it is left untouched."""


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and styles are kept
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a reason over several lines
    return yaml


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """An exclusive lock on the directory that holds the reviews file, for as long as an edit takes."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def edit_reviews(path: Path, change: Callable[[CommentedSeq], None]) -> None:
    """Apply `change` to the list of reviews in `path` (created when absent), under the lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        document = _read(path)
        reviews = document.get("reviews")
        if reviews is None:
            reviews = document["reviews"] = CommentedSeq()
        if not isinstance(reviews, CommentedSeq):
            raise ReviewsFileError(f"{path}: `reviews` is not a list; fix the file by hand first")
        reviews.fa.set_block_style()  # a flow list ("reviews: []") would grow into one unreadable line
        change(reviews)
        out = io.StringIO()
        _yaml().dump(document, out)
        write_atomically(path, out.getvalue())


def append_review(path: Path, review: Review) -> None:
    entry = CommentedMap(review.model_dump(mode="python", exclude_none=True))
    edit_reviews(path, lambda reviews: reviews.append(entry))


def _read(path: Path) -> CommentedMap:
    text = REVIEWS_HEADER
    if path.exists():
        try:
            text = read_text(path, str(path), MAX_CLAIM_FILE_BYTES, strip_bom=True)
        except InputError as error:
            raise ReviewsFileError(error.diagnostics[0].format()) from None
    try:
        document = _yaml().load(text)
    except YAMLError as error:
        raise ReviewsFileError(f"{path} is not valid YAML ({error}); fix it first, nothing was written") from None
    if document is None:
        document = _yaml().load(REVIEWS_HEADER) or CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ReviewsFileError(f"{path} is not a YAML mapping with a `reviews` list; fix it first")
    return document
