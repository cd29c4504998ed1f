"""The tokenizer and the reading of digit groups, which every normalizer builds on."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from checker.normalize import MAX_INPUT_LENGTH, NormalizationError
from checker.normalize.numbers import parse_number_text
from checker.normalize.tokens import PhraseTable, TokenKind, tokenize

N, W, S = TokenKind.NUMBER, TokenKind.WORD, TokenKind.SYMBOL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$100m+", [(S, "$", False), (N, "100", True), (W, "m", True), (S, "+", True)]),
        ("US$5", [(W, "us", False), (S, "$", True), (N, "5", True)]),
        ("a $5 deal", [(W, "a", False), (S, "$", False), (N, "5", True), (W, "deal", False)]),
        ("$2–3 billion", [(S, "$", False), (N, "2", True), (S, "-", True), (N, "3", True), (W, "billion", False)]),
        ("1,000,000 GPUs", [(N, "1,000,000", False), (W, "gpus", False)]),
        ("Nov. 20, 2025", [(W, "nov", False), (N, "20", False), (N, "2025", False)]),
        ("Rs.500", [(W, "rs", False), (N, "500", False)]),  # the dot ends an abbreviation
        ("$.5", [(S, "$", False), (N, ".5", True)]),  # the dot starts a number
        ("5.", [(N, "5", False)]),
        ("mid-2026", [(W, "mid", False), (S, "-", True), (N, "2026", True)]),
    ],
)
def test_tokens(text: str, expected: list[tuple[TokenKind, str, bool]]) -> None:
    assert [(token.kind, token.text, token.glued) for token in tokenize(text)] == expected


def test_tokens_keep_the_text_as_written() -> None:
    assert [token.raw for token in tokenize("10 GPUs")] == ["10", "GPUs"]


@pytest.mark.parametrize("text", ["", "  \t\n", ".,;"])
def test_nothing_to_read_is_refused(text: str) -> None:
    with pytest.raises(NormalizationError):
        tokenize(text)


def test_the_length_limit_is_inclusive() -> None:
    assert tokenize("1" + " " * (MAX_INPUT_LENGTH - 1))
    with pytest.raises(NormalizationError) as caught:
        tokenize("1" * (MAX_INPUT_LENGTH + 1))
    assert str(MAX_INPUT_LENGTH) in caught.value.message


def test_phrase_tables_match_the_longest_phrase_and_respect_glue() -> None:
    table = PhraseTable({"up": "up", "up to": "up to", "A$": "AUD"})
    assert table.match(tokenize("up to 5"), 0) == ("up to", 2)
    assert table.match(tokenize("up 5"), 0) == ("up", 1)
    assert table.match(tokenize("A$5"), 0) == ("AUD", 2)
    assert table.match(tokenize("a $5"), 0) is None
    assert table.match(tokenize("up"), 1) is None


@pytest.mark.parametrize(
    ("text", "scaled", "expected"),
    [
        ("1000", False, D(1000)),
        ("1,000", False, D(1000)),
        ("1,000,000", False, D(1_000_000)),
        ("1.37", False, D("1.37")),
        ("1,5", False, D("1.5")),
        ("12,34", False, D("12.34")),
        ("1234,567", False, D("1234.567")),  # a four-digit head cannot be a thousands group
        ("1.234.567", False, D(1_234_567)),
        ("1,234.5", False, D("1234.5")),
        ("1.234,5", False, D("1234.5")),
            ("100.000", True, D(100)),  # before a scale word a decimal point, even before "000"
        ("100.000", False, D(100_000)),
        ("1.234", True, D("1.234")),  # before a scale word, a decimal point
        ("0.500", False, D("0.5")),  # a leading zero is never a thousands group
        ("1.2340", False, D("1.234")),
        (".5", False, D("0.5")),
    ],
)
def test_number_text(text: str, scaled: bool, expected: D) -> None:
    assert parse_number_text(text, scaled) == expected


@pytest.mark.parametrize("text", ["1.234", "1,2,3", "1.23.4", "1,234.5,6", "1" * 25])
def test_unreadable_number_text(text: str) -> None:
    with pytest.raises(NormalizationError):
        parse_number_text(text, scaled=False)


def test_errors_carry_message_and_hint() -> None:
    error = NormalizationError("what is wrong", "how to fix it")
    assert isinstance(error, ValueError)
    assert (error.message, error.hint) == ("what is wrong", "how to fix it")
    assert str(error) == "what is wrong Hint: how to fix it"
    assert str(NormalizationError("only a message")) == "only a message"
