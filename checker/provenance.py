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

_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
    "\u00ad": "",  # soft hyphen
    "\ufeff": "",  # byte-order mark
    "\u200b": "",  # zero-width space
}


def fold_char(char: str) -> str:
    if char in _FOLD:
        return _FOLD[char]
    if char.isspace():
        return " "
    return char


def _fold_by_character(original: str) -> tuple[str, list[int]]:
    folded: list[str] = []
    origin: list[int] = []
    previous_space = False
    for index, char in enumerate(original):
        piece = fold_char(char)
        if piece == " ":
            if previous_space:
                continue
            previous_space = True
        elif piece:
            previous_space = False
        for out in piece:
            folded.append(out)
            origin.append(index)
    return "".join(folded), origin


def _fold_same_length(original: str) -> tuple[str, list[int]]:
    """`_fold_by_character` for a text in which every character folds to exactly one, run by run
    in C rather than character by character (an article is folded each time it is loaded)."""
    translated = original.translate(_SAME_LENGTH)
    pieces: list[str] = []
    origin: list[int] = []
    kept_from = 0
    run = translated.find("  ")
    while run != -1:
        pieces.append(translated[kept_from : run + 1])
        origin.extend(range(kept_from, run + 1))
        kept_from = run + 1
        while kept_from < len(translated) and translated[kept_from] == " ":
            kept_from += 1
        run = translated.find("  ", kept_from)
    pieces.append(translated[kept_from:])
    origin.extend(range(kept_from, len(translated)))
    return "".join(pieces), origin


def fold(text: str) -> str:
    """The typography-folded form used for matching (whitespace runs become one space)."""
    return FoldedText(text).folded


@dataclass(frozen=True)
class Span:
    start: int  # offset into the original text, in code points
    end: int  # exclusive
    line: int  # 1-based
    column: int  # 1-based, in code points


# Every character str.isspace() accepts (a test checks this against the running Python).
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u2029\u202f\u205f\u3000"
_SAME_LENGTH = str.maketrans({**{char: " " for char in WHITESPACE},
                              **{char: piece for char, piece in _FOLD.items() if len(piece) == 1}})
_LENGTH_CHANGING = frozenset(char for char, piece in _FOLD.items() if len(piece) != 1)


class FoldedText:
    """An article text with its folded form and a map back to original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        if _LENGTH_CHANGING.isdisjoint(original):
            self.folded, self.origin = _fold_same_length(original)
        else:
            self.folded, self.origin = _fold_by_character(original)

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
