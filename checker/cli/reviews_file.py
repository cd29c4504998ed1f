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
import datetime as dt
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
# finding and evidence are the ids the report prints for the finding. A decision whose
# finding is gone (the article was corrected) is resolved: `claimcheck review --archive`
# marks it `resolved: YYYY-MM-DD` and it stays here, on record.
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


def edit_reviews(path: Path, change: Callable[[CommentedSeq], bool]) -> None:
    """Apply `change` to the list of reviews in `path` (created when absent), under the lock; the
    file is written only when `change` says it changed something."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        document = _read(path)
        reviews = document.get("reviews")
        if reviews is None:
            reviews = document["reviews"] = CommentedSeq()
        if not isinstance(reviews, CommentedSeq):
            raise ReviewsFileError(f"{path}: `reviews` is not a list; fix the file by hand first")
        reviews.fa.set_block_style()  # a flow list ("reviews: []") would grow into one unreadable line
        if not change(reviews):
            return
        kept = _emptied(document, reviews)
        out = io.StringIO()
        _yaml().dump(document, out)
        write_atomically(path, out.getvalue() + kept)


def _emptied(document: CommentedMap, reviews: CommentedSeq) -> str:
    """An emptied list is written `reviews: []`; the comments that stood before its first entry,
    which YAML cannot keep between a key and `[]`, are kept at the end of the file."""
    if reviews:
        return ""
    reviews.fa.set_flow_style()
    slot = document.ca.items.get("reviews")
    tokens = slot[3] if slot and len(slot) > 3 and slot[3] else []
    if slot and len(slot) > 3:
        slot[3] = None
    return "".join(token.value.strip() + "\n" for token in tokens if token is not None and token.value.strip())


def append_review(path: Path, review: Review) -> None:
    entry = CommentedMap(review.model_dump(mode="python", exclude_none=True))
    edit_reviews(path, lambda reviews: reviews.append(entry) or True)


def remove_reviews(path: Path, unwanted: Callable[[Review], bool]) -> list[Review]:
    """Delete the decisions `unwanted` selects; the others, and the comments around them, stay."""
    removed: list[Review] = []

    def change(reviews: CommentedSeq) -> bool:
        for position in reversed(range(len(reviews))):
            review = _review(reviews[position], path)
            if unwanted(review):
                removed.insert(0, review)
                _hand_on_trailing_comment(reviews, position)
                del reviews[position]
        return bool(removed)

    edit_reviews(path, change)
    return removed


def mark_resolved(path: Path, resolved: Callable[[Review], bool], date: dt.date) -> list[Review]:
    """Add `resolved: date` to the decisions `resolved` selects that are not marked yet: they stay on
    record and no longer apply."""
    marked: list[Review] = []

    def change(reviews: CommentedSeq) -> bool:
        for entry in reviews:
            review = _review(entry, path)
            if review.resolved is None and resolved(review):
                entry["resolved"] = date
                marked.append(review)
        return bool(marked)

    edit_reviews(path, change)
    return marked


def _hand_on_trailing_comment(reviews: CommentedSeq, position: int) -> None:
    """Comment lines that follow an entry (say, "# end of file" after the last one) belong to the
    file, not to the entry: before the entry goes, they move to the entry before it."""
    entry = reviews[position]
    if not isinstance(entry, CommentedMap) or not entry or position == 0:
        return
    slot = entry.ca.items.get(list(entry)[-1])
    token = slot[2] if slot and len(slot) > 2 else None
    if token is None or "\n" not in token.value.rstrip("\n"):
        return
    following = token.value.split("\n", 1)[1]
    previous = reviews[position - 1]
    if not isinstance(previous, CommentedMap) or not previous:
        return
    key = list(previous)[-1]
    held = previous.ca.items.setdefault(key, [None, None, None, None])
    if held[2] is None:
        held[2] = type(token)("\n" + following, token.start_mark, None)
    else:
        held[2].value = held[2].value.rstrip("\n") + "\n" + following


def _review(entry: object, path: Path) -> Review:
    try:
        return Review.model_validate(dict(entry) if isinstance(entry, dict) else entry)
    except ValueError:
        raise ReviewsFileError(f"{path}: an entry is not a decision the schema describes "
                               "(run `claimcheck validate`); nothing was written") from None


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
