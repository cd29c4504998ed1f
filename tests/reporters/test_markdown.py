"""The markdown report as GitHub shows it: rendered with GitHub's own cmark-gfm."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker.cli import main
from checker.config import Config
from checker.pipeline import check_corpus
from checker.report import markdown
from checker.report.safe import markdown_inline
from tests.conftest import REPO, SEED_CORPUS
from tests.corpus_builder import write_corpus
from tests.reporters.rendered import render, tags

# the report's own raw HTML is <details> and <summary> only; everything else is markdown's
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "strong", "del",
                "ul", "li", "a", "br", "details", "summary"}


def test_committed_report_is_current(monkeypatch):
    """reports/discrepancies.md is reviewed as a diff: if this fails, rerun the README's main
    command, read the diff of the report, and commit it. Written next to it, as its links are
    relative to where it lies."""
    monkeypatch.chdir(REPO)
    committed = (REPO / "reports" / "discrepancies.md").read_text(encoding="utf-8")
    fresh = REPO / "reports" / f".discrepancies-{os.getpid()}.md"
    try:
        main(["check", "--format", "markdown", "--output", str(fresh), "--no-cache"])
        assert committed == fresh.read_text(encoding="utf-8")
    finally:
        fresh.unlink(missing_ok=True)


def test_seed_report_renders_as_github_markdown_with_no_raw_html(monkeypatch):
    monkeypatch.chdir(SEED_CORPUS.parent)
    text = markdown.render(check_corpus(Path(SEED_CORPUS.name), Config()).report)
    html = render(text)
    assert tags(html) <= ALLOWED_TAGS, tags(html) - ALLOWED_TAGS
    assert html.count("<table>") == len(re.findall(r"^\|[-| ]+\|$", text, flags=re.M))
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header_cells = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], flags=re.S):
            assert len(re.findall(r"<td[ >]", row)) == header_cells


HOSTILE = "<img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/x.png) @octocat | a | b | www.evil.example <script>alert(1)</script> *bold* `code` ~~gone~~ $x$"


def test_hostile_article_and_claim_text_cannot_inject_anything(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    articles = [
        {"id": "a", "text": f"Acme said: {HOSTILE}\nThe deal is worth $500 billion.",
         "claims": [
             {"id": "q", "subject": "acme-globex-deal", "property": "said",
              "value": {"kind": "quote", "speaker": "jane-doe", "verbatim": True}, "quote": HOSTILE},
             {"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
              "value": {"kind": "money", "text": "$500 billion"}, "quote": "$500 billion"},
             {"id": "s", "subject": "acme-globex-deal", "property": "components",
              "value": {"kind": "set", "items": ["[x](https://evil.example)", "@octocat", "a|b"]}, "quote": "Acme said"}]},
        {"id": "b", "text": "The deal is worth $400 billion.",
         "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
                     "value": {"kind": "money", "text": "$400 billion"}, "quote": "$400 billion"}]},
    ]
    write_corpus(tmp_path / "claims", articles)
    main(["check", "claims", "--format", "markdown", "--output", "report.md"])
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    html = render(text)
    assert tags(html) <= ALLOWED_TAGS, tags(html) - ALLOWED_TAGS
    assert "evil.example" not in re.sub(r"\u2060", "", "".join(re.findall(r'href="([^"]*)"', html)))
    assert not re.search(r"@\w", text), "an @mention would notify someone from a pull-request comment"
    assert not re.search(r"https?://\w|www\.\w", text), "bare URLs would be autolinked"


@given(st.text(max_size=300))
def test_any_text_in_a_table_cell_stays_one_cell_of_plain_text(text):
    cell = markdown_inline(text)
    html = render(f"| a | b |\n| --- | --- |\n| {cell} | end |\n")
    assert tags(html) <= {"table", "thead", "tbody", "tr", "th", "td"}
    row = html.split("<tbody>")[1] if "<tbody>" in html else ""
    assert len(re.findall(r"<td", row)) == 2 and "<td>end</td>" in row


@given(st.text(max_size=300))
def test_any_text_as_a_paragraph_stays_plain_text(text):
    html = render(markdown_inline(text) + "\n")
    assert tags(html) <= {"p"}
