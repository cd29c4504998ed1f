"""Edits of `claims/reviews.yaml` as text: add a decision, remove one, mark some resolved.

Editors write this file by hand too, with comments: an edit changes only the lines of the
entries it is about and keeps every other byte. The entries are found by composing the
YAML (safe: nodes only, no objects built), never by re-dumping the whole file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from pydantic import ValidationError

from checker.jsonout import dump_json
from checker.reviews import Review

REVIEWS_HEADER = """# yaml-language-server: $schema=../schemas/reviews.schema.json
# Editors' decisions on findings. Add with `claimcheck review FINDING-ID ...` or by hand:
# finding and evidence are the ids the report prints for the finding. A decision whose
# finding is gone (the article was corrected) is resolved: `claimcheck review --archive`
# marks it `resolved: YYYY-MM-DD` and it stays here, on record.
reviews:
"""
_FIELDS = ("decision", "reviewer", "date", "reason", "evidence", "resolved")
_EMPTY_LIST = re.compile(r"^reviews:[ \t]*\[\]([ \t]*#.*)?$", re.M)
_NULL_LIST = re.compile(r"^reviews:([ \t]*#.*)?$", re.M)


class ReviewFileError(ValueError):
    """The file cannot be edited safely (not the shape the schema describes)."""


@dataclass(frozen=True)
class _Entry:
    review: Review
    first_line: int  # 0-based, the line of its dash
    last_line: int  # 0-based, inclusive
    key_column: int
    flow: bool


def review_entry(review: Review, indent: int = 2) -> str:
    data = review.model_dump(mode="json")
    pad = " " * indent
    lines = [f"{pad}- finding: {data['finding']}"]
    lines += [f"{pad}  {name}: {dump_json(data[name])}" for name in _FIELDS if data[name] is not None]
    return "\n".join(lines) + "\n"


def add_review(text: str | None, review: Review) -> str:
    """The file with the decision appended (a new file starts with the header)."""
    current = REVIEWS_HEADER if text is None or not text.strip() else _EMPTY_LIST.sub(r"reviews:\1", text, count=1)
    _entries(current)  # refuses a file whose entries cannot be edited line by line
    return current.rstrip("\n") + "\n" + review_entry(review)


def remove_reviews(text: str, unwanted: Callable[[Review], bool]) -> tuple[str, list[Review]]:
    """The file without the entries `unwanted` selects, and those entries."""
    entries = [entry for entry in _entries(text) if unwanted(entry.review)]
    lines = text.splitlines(keepends=True)
    for entry in reversed(entries):
        del lines[entry.first_line: entry.last_line + 1]
    result = "".join(lines)
    if entries and not _entries(result):
        result = _NULL_LIST.sub(lambda match: "reviews: []" + (match.group(1) or ""), result, count=1)
    return result, [entry.review for entry in entries]


def mark_resolved(text: str, resolved: Callable[[Review], bool], date: dt.date) -> tuple[str, list[Review]]:
    """The file with `resolved: date` added to the entries `resolved` selects (those not yet marked)."""
    entries = [entry for entry in _entries(text) if entry.review.resolved is None and resolved(entry.review)]
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for entry in reversed(entries):
        if entry.flow:
            indent = len(lines[entry.first_line]) - len(lines[entry.first_line].lstrip())
            marked = entry.review.model_copy(update={"resolved": date})
            lines[entry.first_line: entry.last_line + 1] = [review_entry(marked, indent)]
        else:
            lines.insert(entry.last_line + 1, f"{' ' * entry.key_column}resolved: {date.isoformat()}\n")
    return "".join(lines), [entry.review for entry in entries]


def _entries(text: str) -> list[_Entry]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ReviewFileError(f"not valid YAML: {error}") from None
    if root is None or (isinstance(data, dict) and data.get("reviews") is None):
        return []
    items = _reviews_node(root)
    if not isinstance(items, yaml.SequenceNode) or not isinstance(data.get("reviews"), list):
        raise ReviewFileError("expected a mapping with a `reviews:` list")
    if items.flow_style and items.value:
        raise ReviewFileError("`reviews:` is written as a [...] list: write one entry per `- ` line to edit it")
    lines = text.splitlines()
    entries = []
    for node, value in zip(items.value, data["reviews"]):
        try:
            review = Review.model_validate(value)
        except ValidationError as error:
            raise ReviewFileError(f"line {node.start_mark.line + 1}: not a valid review: {error}") from None
        entries.append(_Entry(review, _dash_line(lines, node.start_mark.line), _last_line(node),
                              node.start_mark.column, bool(getattr(node, "flow_style", False))))
    return entries


def _reviews_node(root: yaml.Node) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((value for key, value in root.value if key.value == "reviews"), None)


def _dash_line(lines: list[str], first: int) -> int:
    """A block entry may put its dash alone on the line before its first key."""
    if not lines[first].lstrip().startswith("-") and first > 0 and lines[first - 1].strip() == "-":
        return first - 1
    return first


def _last_line(node: yaml.Node) -> int:
    end = node.value[-1][1].end_mark if isinstance(node, yaml.MappingNode) and node.value and not \
        getattr(node, "flow_style", False) else node.end_mark
    return end.line - 1 if end.column == 0 else end.line
