"""Sentences and words of an article, with offsets into the original text.

Sentence boundaries come from pysbd, a rule-based segmenter (the "Golden Rules" of
abbreviations, initials, decimals and quotations), run paragraph by paragraph: a
headline line without a full stop is a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

# One character for one: offsets stay those of the original text.
_SAME_LENGTH_FOLD = str.maketrans({**dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`", "'"),
                                   **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
                                   **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")})
_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'()[]{}:;,.!?-\u2026"


@dataclass(frozen=True)
class Word:
    start: int  # offset in the article, punctuation at the edges left out
    end: int
    text: str  # folded (straight quotes, hyphens), as it stands

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    words: tuple[Word, ...]


def plain(text: str) -> str:
    """The text with straight quotes and hyphens, of the same length as the original."""
    return text.translate(_SAME_LENGTH_FOLD)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    folded = plain(text)
    for paragraph in re.finditer(r"[^\n]+", text):
        position = paragraph.start()
        for piece in _segmenter().segment(paragraph.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, position, paragraph.end())
            if start == -1:  # the segmenter changed the text: keep what is left of the paragraph whole
                start, stripped = position, text[position:paragraph.end()].strip()
                start = text.find(stripped, position) if stripped else position
                if not stripped:
                    break
            end = start + len(stripped)
            found.append(Sentence(len(found), start, end, tuple(words(folded, start, end))))
            position = end
            if position >= paragraph.end():
                break
    return found


def words(folded: str, start: int, end: int) -> list[Word]:
    result = []
    for match in _WORD.finditer(folded, start, end):
        left, right = match.start(), match.end()
        while left < right and folded[left] in _EDGE_PUNCTUATION:
            left += 1
        while right > left and folded[right - 1] in _EDGE_PUNCTUATION:
            right -= 1
        if right > left:
            result.append(Word(left, right, folded[left:right]))
    return result
