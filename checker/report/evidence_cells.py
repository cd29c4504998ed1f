"""The small pieces of the markdown report: human names for ids, short quotes, links, tables.

Every string from the corpus passes through `safe` here: names and quotes as literal
inline markdown, ids as code spans, paths percent-encoded in link targets, text in raw
HTML (`<summary>`) with <, > and & escaped.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote as percent_encoded

from tabulate import tabulate

from checker.findings.finding import Evidence
from checker.report.data import ReportData
from checker.report.safe import markdown_code, markdown_inline, one_line

SEPARATOR = " \u00b7 "
# an evidence row (article and links, value, quote) must fit a GitHub page: about 160 characters
ROW_WIDTH = 150  # of rendered text, cell separators aside
QUOTE_WINDOW = 48  # characters of a quote shown around its value, at least
VALUE_LIMIT = 52
_QUOTATION_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_WORD = re.compile(r"[\w$\u20ac\u00a3%.,-]+")


def table(rows, headers) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def human_key(data: ReportData, key: str) -> str:
    """A key in the registries' words: "OpenAI-Foxconn partnership · was announced on"; plain text."""
    parts = key.split(SEPARATOR)
    named = [_entity_words(data, part) for part in parts]
    if len(parts) > 1 and parts[1] in data.names.properties:
        named[1] = data.names.properties[parts[1]]
    return SEPARATOR.join(named)


def _entity_words(data: ReportData, text: str) -> str:
    return " ".join(data.names.entities.get(word, word) for word in text.split())


def heading_text(data: ReportData, key: str) -> str:
    return markdown_inline(human_key(data, key))


def summary_text(text: str) -> str:
    """Text for a `<summary>` (raw HTML, where markdown is not read): one line, entities escaped."""
    return html.escape(" ".join(one_line(text).split()), quote=False)


def article_name(data: ReportData, article: str) -> str:
    """The article id as a code span, and how a reader knows it when its claim file says."""
    title = data.names.articles.get(article)
    shown = markdown_code(article)
    return f"{shown} {markdown_inline(trimmed(title, 60))}" if title else shown


def trimmed(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def quoted(text: str, cut_before: bool = False, cut_after: bool = False) -> str:
    """In quotation marks, unless the words already start or end with one (no doubled marks);
    an ellipsis where the quote was cut."""
    shown = ("\u2026" if cut_before else "") + text + ("\u2026" if cut_after else "")
    if text[:1] in _QUOTATION_MARKS or text[-1:] in _QUOTATION_MARKS:
        opened = shown.count("\u201c") > shown.count("\u201d")
        return shown + "\u201d" if cut_after and opened else shown  # a quotation cut short still closes
    return f"\u201c{shown}\u201d"


def quote_room(item: Evidence) -> int:
    """What an evidence row leaves its quote: the row's width less the article, links and value."""
    used = len(f"{item.article} line {item.line} \u00b7 claim") + min(len(item.value), VALUE_LIMIT)
    return max(QUOTE_WINDOW, ROW_WIDTH - used - 2)


def short_quote(item: Evidence, window: int = QUOTE_WINDOW) -> str:
    """The quote, trimmed to a window around the words it shares with the value, ellipses where cut."""
    text = " ".join(item.quote.split())
    if len(text) <= window:
        return markdown_inline(quoted(text))
    start = _anchor(text, item.value)
    begin = max(0, min(start - window // 3, len(text) - window))
    begin = _word_start(text, begin)
    end = _word_end(text, begin, begin + window)
    return markdown_inline(quoted(text[begin:end].strip(), begin > 0, end < len(text)))


def _anchor(text: str, value: str) -> int:
    """Where the value stands in the quote: the first word of the quote the value also holds,
    a number preferably ("$1.4 trillion" and "USD 1.4 trillion" share "1.4")."""
    value_words = {word.strip(".,").lower() for word in _WORD.findall(value)}
    matches = [match for match in _WORD.finditer(text) if match.group().strip(".,$").lower() in value_words]
    numeric = [match for match in matches if any(char.isdigit() for char in match.group())]
    chosen = (numeric or matches or [None])[0]
    return chosen.start() if chosen is not None else 0


def _word_start(text: str, index: int) -> int:
    while 0 < index < len(text) and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, begin: int, index: int) -> int:
    """The end of the last whole word before index (or index itself, in a word longer than the window)."""
    if index >= len(text):
        return len(text)
    cut = text.rfind(" ", begin, index + 1)
    return cut if cut > begin else index


def short_value(item: Evidence) -> str:
    shown = trimmed(item.value, VALUE_LIMIT)
    if shown != item.value and shown.count("\u201c") > shown.count("\u201d"):
        shown += "\u201d"  # a quotation cut short still closes
    return markdown_inline(shown)


def link(data: ReportData, path: str, line: int, text: str) -> str:
    """`text` linking to the line of a corpus file, or plain `text` when the report has no links
    (or the path is absolute: a link must not depend on this machine)."""
    if data.links is None or path.startswith("/") or re.match(r"^[A-Za-z]:[\\/]", path):
        return text
    target = percent_encoded(data.links.prefix, safe="/:") + percent_encoded(path.replace("\\", "/"), safe="/")
    return f"[{text}]({target}#L{line})"


def where(data: ReportData, item: Evidence) -> str:
    """The article, with links to the quote's line in its text and to the claim in its file."""
    return (f"{markdown_code(item.article)} {link(data, item.article_path, item.line, f'line {item.line}')}"
            f" \u00b7 {link(data, item.claim_file, item.claim_line, 'claim')}")
