"""The markdown report as GitHub shows it: cmark-gfm's HTML read back into what a reader sees.

`Page` parses the rendered HTML into blocks (headings, paragraphs, list items, table rows,
folded `<details>`), so tests can ask how wide a table row is, what the first screen
shows (a closed `<details>` shows only its summary) and what the page's structure is.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm

UNSAFE = cmarkgfm.Options.CMARK_OPT_UNSAFE  # let raw HTML through, so that any we emitted would show
SCREEN_WIDTH = 120  # characters of a paragraph on one line of a GitHub page
_BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "tr", "summary"}


def render(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=UNSAFE)


@dataclass
class Block:
    tag: str
    text: str
    folded: int  # how many <details> it is inside
    cells: list[str] = field(default_factory=list)  # a table row's cells
    header: bool = False  # a table row of <th>


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.depth = 0
        self.current: Block | None = None
        self.cell: list[str] | None = None
        self.tables: list[list[Block]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.depth += 1
        elif tag == "table":
            self.tables.append([])
        elif tag in _BLOCKS and self.current is None:
            self.current = Block(tag, "", self.depth - (tag == "summary"))
        elif tag in ("td", "th") and self.current is not None:
            self.cell = []
            self.current.header = tag == "th"

    def handle_endtag(self, tag):
        if tag == "details":
            self.depth -= 1
        elif tag in ("td", "th") and self.current is not None and self.cell is not None:
            self.current.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif self.current is not None and tag == self.current.tag:
            self.current.text = " ".join(self.current.text.split()) if tag != "tr" else " | ".join(self.current.cells)
            self.blocks.append(self.current)
            if tag == "tr" and self.tables:
                self.tables[-1].append(self.current)
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        elif self.current is not None:
            self.current.text += data


class Page:
    def __init__(self, markdown_text: str) -> None:
        self.html = render(markdown_text)
        reader = _Reader()
        reader.feed(self.html)
        self.blocks = reader.blocks
        self.tables = reader.tables

    def screen_lines(self) -> list[str]:
        """The page as it opens: closed <details> show their summary only; a paragraph wraps."""
        lines = []
        for block in self.blocks:
            if block.folded > 0:
                continue
            wrapped = [block.text] if block.tag == "tr" else textwrap.wrap(block.text, SCREEN_WIDTH) or [""]
            lines.extend(wrapped)
        return lines

    def outline(self) -> str:
        """The page's structure: headings and summaries by their words, a table by its shape."""
        lines = []
        table_rows = {id(row) for table in self.tables for row in table}
        tables = iter(self.tables)
        for block in self.blocks:
            indent = "  " * block.folded
            if block.tag in ("h1", "h2", "h3", "h4"):
                lines.append(f"{indent}{block.tag}: {block.text}")
            elif block.tag == "summary":
                lines.append(f"{indent}details: {block.text}")
            elif block.tag == "tr" and id(block) in table_rows and block.header:
                table = next(tables)
                lines.append(f"{indent}table {len(table) - 1} x [{' | '.join(block.cells)}]")
        return "\n".join(lines) + "\n"


def tags(html_text: str) -> set[str]:
    return {match.lower() for match in re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html_text)}


def text_of(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))
