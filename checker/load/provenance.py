"""Pin a quote to its article: W3C TextQuoteSelector in, TextPositionSelector out.

Editors type straight quotes and hyphens where the article has curly quotes and
dashes, and may wrap a quote across a line break; matching folds that typography,
but offsets always point into the original text. A quote that is missing or that
matches more than once (with no prefix/suffix to decide) is an error, never a guess.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from checker.model.typography import fold, fold_with_origin


@dataclass(frozen=True)
class Span:
    start: int  # offset into the original text, in code points
    end: int  # exclusive
    line: int  # 1-based
    column: int  # 1-based, in code points


class FoldedText:
    """An article text with its folded form and a map back to original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.folded, self.origin = fold_with_origin(original)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(index + 1 for index, char in enumerate(self.original) if char == "\n")
        return starts

    def line_column(self, offset: int) -> tuple[int, int]:
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1

    def span(self, folded_start: int, folded_length: int) -> Span:
        start = self.origin[folded_start]
        end = self.origin[folded_start + folded_length - 1] + 1
        line, column = self.line_column(start)
        return Span(start, end, line, column)

    def occurrences(self, exact: str, prefix: str | None = None, suffix: str | None = None) -> list[Span]:
        """Every place the quote matches, after folding; prefix/suffix narrow the matches."""
        needle = fold(exact).strip()
        if not needle:
            return []
        folded_prefix = fold(prefix).strip() if prefix else ""
        folded_suffix = fold(suffix).strip() if suffix else ""
        spans = []
        position = self.folded.find(needle)
        while position != -1:
            if self._context_matches(position, len(needle), folded_prefix, folded_suffix):
                spans.append(self.span(position, len(needle)))
            position = self.folded.find(needle, position + 1)
        return spans

    def _context_matches(self, position: int, length: int, prefix: str, suffix: str) -> bool:
        before = self.folded[max(0, position - len(prefix) - 1) : position].rstrip()
        after = self.folded[position + length : position + length + len(suffix) + 1].lstrip()
        return before.endswith(prefix) and after.startswith(suffix)

    def near_miss(self, exact: str) -> Span | None:
        """A case-insensitive match, to tell the editor where the quote almost is."""
        needle = fold(exact).strip().casefold()
        if not needle:
            return None
        position = self.folded.casefold().find(needle)
        if position == -1 or len(self.folded.casefold()) != len(self.folded):
            return None
        return self.span(position, len(needle))
