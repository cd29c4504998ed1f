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
    NOT_A_CLAIM_FILE = "CC004"  # named almost like a claim file (*.claims.yml, other case): not loaded
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
    SAME_TEXT = "CC045"  # two article ids with byte-identical texts (a warning: they count as one source)
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
    warning: bool = False  # said, but the input is usable as it is: no exit 2

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.code} {'warning: ' if self.warning else ''}{self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


def errors_among(diagnostics) -> list[Diagnostic]:
    """The diagnostics that make the input invalid (exit 2); warnings are only said."""
    return [diagnostic for diagnostic in diagnostics if not diagnostic.warning]


class InputError(Exception):
    """Raised inside the loader for one file; carries the diagnostics that explain it."""

    def __init__(self, *diagnostics: Diagnostic) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
