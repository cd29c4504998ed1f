"""Typography folding: the form of a text in which quotes are matched and compared.

Editors type straight quotes and hyphens where the article has curly quotes and dashes,
and may wrap a quote across a line break; a folded text has one quote mark, one dash and
single spaces, and keeps a map back to the offsets of the original.
"""

from __future__ import annotations

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


# Every character str.isspace() accepts (a test checks this against the running Python).
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u2029\u202f\u205f\u3000"
_SAME_LENGTH = str.maketrans({**{char: " " for char in WHITESPACE},
                              **{char: piece for char, piece in _FOLD.items() if len(piece) == 1}})
_LENGTH_CHANGING = frozenset(char for char, piece in _FOLD.items() if len(piece) != 1)




def fold_with_origin(original: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the offset it came from in the original."""
    if _LENGTH_CHANGING.isdisjoint(original):
        return _fold_same_length(original)
    return _fold_by_character(original)


def fold(text: str) -> str:
    """The typography-folded form used for matching (whitespace runs become one space)."""
    return fold_with_origin(text)[0]
