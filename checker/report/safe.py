"""Escaping for the contexts report text lands in: a terminal line, a markdown table cell.

Every string that comes from an article or a claim file passes through one of these
before it reaches a report, so no input can break a table, inject HTML, a link, an
image or an @mention into a pull-request comment, or move a terminal's cursor.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
# Inline constructs: emphasis, code, links and images, tables, strikethrough, math, escapes.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]!|~$])")
# Block markers that matter only where a line starts: headings, lists, quotes, rules.
_LINE_START = re.compile(r"^(?=[#>+=-])")
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")
_WORD_JOINER = "\u2060"  # invisible; breaks autolinks and @mentions without changing what a reader sees
_AUTOLINK = re.compile(r"(?i)(://|www\.|@)")


def one_line(text: str) -> str:
    """Text on one terminal line: controls (ANSI escapes, newlines, bidi overrides) and bytes that
    were not UTF-8 (lone surrogates of a file name) made visible."""
    return _CONTROL.sub(_escape, text)


def log_line(text: str) -> str:
    """A line for stderr or a CI log: `one_line`, and never the start of a GitHub workflow
    command (a line beginning with `::`), whatever a file name holds."""
    text = one_line(text)
    return "\\" + text if text.lstrip().startswith("::") else text


def json_safe(text: str) -> str:
    """Serialized JSON with every control, bidi or separator character inside its strings written
    as a \\u escape: the same data, and nothing that moves a terminal's cursor or reorders a line.
    (json.dumps already escapes C0 controls inside strings; a raw newline is the layout's own.)"""
    return _JSON_UNSAFE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def markdown_inline(text: str) -> str:
    """Text as literal inline markdown (a table cell, a heading, a list item): one line,
    punctuation backslash-escaped, HTML as entities, no autolink and no @mention."""
    text = " ".join(one_line(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _LINE_START.sub(r"\\", _MARKDOWN_PUNCTUATION.sub(r"\\\1", text))
    text = _ORDERED_LIST_START.sub(r"\1\\\2", text)
    return _AUTOLINK.sub(lambda match: match.group()[0] + _WORD_JOINER + match.group()[1:], text)


def markdown_code(text: str) -> str:
    """Text as an inline code span whatever backticks it holds (ids, codes, paths)."""
    text = " ".join(one_line(text).split()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if "`" in text else f"{fence}{text}{fence}"
