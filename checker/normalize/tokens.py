"""A small tokenizer: surface text -> number, word and symbol tokens.

Every normalizer reads token sequences instead of running regular expressions
over the text, so parsing is one linear pass plus pattern matching on a short
list, and no input can trigger catastrophic backtracking.

- A NUMBER is ASCII digits with any "," or "." that sits between digits
  ("1,000,000", "1.37", "1.234.567", "1,5"); how the separators read is
  decided later (`numbers.parse_number_text`), when the context is known.
- A WORD is a run of letters, lowercased ("Nov" -> "nov", "GPUs" -> "gpus").
- Every other visible character is a one-character SYMBOL ("$", "€", "%", "+",
  "/"), with every kind of dash normalized to "-".
- Sentence punctuation (".", ",", quotes, brackets) carries no meaning in any
  value grammar here and is dropped, acting like a space.

A token is `glued` when no space or punctuation separates it from the previous
token: "10GW", "$100m", "US$5" and "H2" rely on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from checker.normalize.errors import NormalizationError, quoted

MAX_INPUT_LENGTH = 500
"""Longest text any normalizer accepts, in characters; a value in a claim is a short phrase."""

DASHES = frozenset("-‐‑‒–—―−")
IGNORED_PUNCTUATION = frozenset(".,;:!?()[]{}\"'“”‘’«»…")
NUMBER_SEPARATORS = frozenset(",.")
APOSTROPHES = frozenset("'’‘")


class TokenKind(StrEnum):
    NUMBER = "number"
    WORD = "word"
    SYMBOL = "symbol"


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    glued: bool = False
    raw: str = ""  # as written, before lowercasing: "GPUs" is an acronym plural, "gpus" may not be
    after_apostrophe: bool = False  # "'25" in "Q3 '25": a year in two digits

    def is_word(self, *words: str) -> bool:
        return self.kind is TokenKind.WORD and (not words or self.text in words)

    def is_symbol(self, symbol: str) -> bool:
        return self.kind is TokenKind.SYMBOL and self.text == symbol

    @property
    def is_number(self) -> bool:
        return self.kind is TokenKind.NUMBER


def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into tokens; raises NormalizationError for text no normalizer could read."""
    checked_text(text)
    tokens: list[Token] = []
    position, separated, apostrophe = 0, True, False
    while position < len(text):
        char = text[position]
        if char.isspace() or (char in IGNORED_PUNCTUATION and not _starts_number(text, position)):
            apostrophe = char in APOSTROPHES and (position == 0 or not text[position - 1].isalnum())
            position, separated = position + 1, True
            continue
        kind, end = _token_at(text, position)
        raw = token_text = text[position:end]
        if kind is TokenKind.WORD:
            token_text = token_text.lower()
        elif kind is TokenKind.SYMBOL and token_text in DASHES:
            token_text = "-"
        tokens.append(Token(kind, token_text, glued=not separated, raw=raw, after_apostrophe=apostrophe))
        position, separated, apostrophe = end, False, False
    if not tokens:
        raise NormalizationError(f"There is no value in {text!r}.", "Write the value, for example '$1.4 trillion'.")
    return tuple(tokens)


def checked_text(text: object) -> str:
    """The text itself, once it is known to be a string of acceptable length."""
    if not isinstance(text, str):
        raise NormalizationError(f"Expected text, got {type(text).__name__}.", "Pass the value as a string.")
    if len(text) > MAX_INPUT_LENGTH:
        raise NormalizationError(
            f"The text is {len(text)} characters long; values are limited to {MAX_INPUT_LENGTH}.",
            "Quote only the value itself, such as 'more than $100 million', not the whole sentence.",
        )
    if not text.strip():
        raise NormalizationError("The text is empty.", "Write the value, for example '$1.4 trillion'.")
    return text


def _token_at(text: str, start: int) -> tuple[TokenKind, int]:
    if _starts_number(text, start):
        return TokenKind.NUMBER, _number_end(text, start)
    if text[start].isalpha():
        end = start + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        return TokenKind.WORD, end
    return TokenKind.SYMBOL, start + 1


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _starts_number(text: str, position: int) -> bool:
    """A digit, or a "." directly before a digit (".5") that does not end an abbreviation ("Rs.500")."""
    char = text[position]
    if _is_digit(char):
        return True
    follows_letter = position > 0 and text[position - 1].isalpha()
    return char == "." and not follows_letter and position + 1 < len(text) and _is_digit(text[position + 1])


def _number_end(text: str, start: int) -> int:
    end = start + 1
    while end < len(text):
        char = text[end]
        separator_inside = char in NUMBER_SEPARATORS and end + 1 < len(text) and _is_digit(text[end + 1])
        if not (_is_digit(char) or separator_inside):
            break
        end += 1
    return end


def describe(token: Token) -> str:
    """How an error message names a token."""
    if token.kind is TokenKind.SYMBOL and not token.text.isprintable():
        return f"the control character {token.text!r}"
    return quoted(token.raw or token.text)


V = TypeVar("V")


class PhraseTable(Generic[V]):
    """Longest-match lookup of fixed phrases ("more than", "in excess of", "US$") in a token list.

    Phrases are tokenized like the input, so "US$" only matches a "$" glued to
    "us" while "up to" matches however the words are spaced.
    """

    def __init__(self, entries: Mapping[str, V]) -> None:
        by_first: dict[str, list[tuple[tuple[Token, ...], V]]] = {}
        for phrase, value in entries.items():
            phrase_tokens = tokenize(phrase)
            by_first.setdefault(phrase_tokens[0].text, []).append((phrase_tokens, value))
        for candidates in by_first.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))
        self._by_first = by_first

    def words(self) -> frozenset[str]:
        """Every word of every phrase."""
        return frozenset(
            token.text for candidates in self._by_first.values() for phrase, _ in candidates for token in phrase
        )

    def match(self, tokens: Sequence[Token], start: int) -> tuple[V, int] | None:
        """The value of the longest phrase starting at `start`, and the index after it."""
        if start >= len(tokens):
            return None
        for phrase_tokens, value in self._by_first.get(tokens[start].text, ()):
            if _phrase_at(tokens, start, phrase_tokens):
                return value, start + len(phrase_tokens)
        return None


def _phrase_at(tokens: Sequence[Token], start: int, phrase_tokens: tuple[Token, ...]) -> bool:
    if start + len(phrase_tokens) > len(tokens):
        return False
    for offset, expected in enumerate(phrase_tokens):
        actual = tokens[start + offset]
        if actual.kind is not expected.kind or actual.text != expected.text:
            return False
        if offset and expected.glued and not actual.glued:
            return False
    return True
