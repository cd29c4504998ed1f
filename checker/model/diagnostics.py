"""Input problems as values a user can act on: file, line, column, code, message, hint.

A `Diagnostic` is about bad input (a claim file, an article, a registry), never a
finding about the news itself; findings live in `checker.findings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """Input error codes. Stable: editors and CI logs refer to them."""

    FILE_UNREADABLE = "CC001"  # missing, not a file, too large, binary, not UTF-8, empty
    YAML_SYNTAX = "CC002"
    YAML_FORBIDDEN = "CC003"  # tags that build objects, alias bombs, duplicate keys, non-string keys
    SCHEMA = "CC010"  # shape of the data: types, missing or unknown fields
    UNKNOWN_ENTITY = "CC020"
    UNKNOWN_PROPERTY = "CC021"
    KIND_MISMATCH = "CC022"  # a value whose kind is not the property's kind
    UNKNOWN_CLAIM_REFERENCE = "CC023"  # part_of naming no claim of the file
    PROPERTY_TO_CHOOSE = "CC024"  # a draft's `property: null` placeholder: the editor picks one
    DUPLICATE_ARTICLE = "CC030"
    DUPLICATE_CLAIM = "CC031"
    DUPLICATE_ENTRY = "CC032"  # an entity, property or review listed twice
    ARTICLE_TEXT = "CC040"  # the article text cannot be used
    QUOTE_NOT_FOUND = "CC041"
    QUOTE_AMBIGUOUS = "CC042"
    PATH_ESCAPES = "CC043"
    UNSAFE_TEXT = "CC044"  # control or bidirectional-override characters
    VALUE = "CC050"  # a value that cannot be normalized or is absurd
    REVIEW = "CC060"  # a review that cannot be applied
    USAGE = "CC090"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: Code
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(Exception):
    """Raised inside the loader for one file; carries the diagnostics that explain it."""

    def __init__(self, *diagnostics: Diagnostic) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
