"""Quotes found exactly once: the shortest span that carries the value and its subject.

A span is widened word by word within its sentence (right, then left) until the loader
would find it once; if its whole sentence occurs twice, words before it become a
`prefix`. The loader's own matcher (`FoldedText`) decides, so a drafted quote always
pins where the check will look for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.draft.text import Sentence
from checker.load.provenance import FoldedText
from checker.load.text_safety import unsafe_character

MAX_EXACT = 2000
MAX_CONTEXT = 200


@dataclass(frozen=True)
class Pinned:
    exact: str
    prefix: str | None = None


def pin(article: FoldedText, sentence: Sentence, start: int, end: int) -> Pinned | None:
    """The shortest quote around [start, end) within the sentence that matches once, or None."""
    text = article.original
    words = sentence.words
    first = next((i for i, w in enumerate(words) if w.end > start), None)
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i].start < end), None)
    if first is None or last is None or first > last:
        return None
    first, last = min(first, last), max(first, last)
    span_start, span_end = min(start, words[first].start), max(end, words[last].end)
    while True:
        exact = text[span_start:span_end].strip()
        if exact and _usable(exact) and len(article.occurrences(exact)) == 1:
            return Pinned(exact)
        if last + 1 < len(words):
            last += 1
            span_end = max(span_end, words[last].end)
        elif first > 0:
            first -= 1
            span_start = min(span_start, words[first].start)
        else:
            break
    return _with_prefix(article, span_start, span_end)


def _with_prefix(article: FoldedText, span_start: int, span_end: int) -> Pinned | None:
    text = article.original
    exact = text[span_start:span_end].strip()
    if not exact or not _usable(exact):
        return None
    for width in (20, 40, 80, 160, MAX_CONTEXT):
        prefix = text[max(0, span_start - width):span_start].strip()
        if not prefix or not _usable(prefix):
            continue
        spans = article.occurrences(exact, prefix=prefix)
        if len(spans) == 1 and spans[0].start == text.index(exact, span_start):
            return Pinned(exact, prefix)
    return None


def _usable(piece: str) -> bool:
    return len(piece) <= MAX_EXACT and unsafe_character(piece) is None
