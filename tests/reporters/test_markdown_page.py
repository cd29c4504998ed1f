"""The markdown report read as an editor meets it on GitHub: what the first screen shows, how
wide its tables are, where its links lead, and the shape of the whole page (a golden outline)."""

from __future__ import annotations

import difflib
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from checker.cli import main
from checker.findings.finding import Evidence
from checker.load.digest import corpus_digest
from checker.report.data import LinkBase, ReportData
from checker.report.evidence_cells import link, short_quote
from checker.report.markdown_findings import word_diff
from tests.conftest import SEED_CORPUS
from tests.corpus_builder import write_corpus
from tests.reporters.rendered import Page, render, text_of

ROW_BUDGET = 160  # characters of rendered text in one table row: what a GitHub page shows unwrapped
FIRST_SCREEN = 60  # rendered lines
GOLDEN = Path(__file__).parent / "golden" / "seed-report-structure.txt"


@pytest.fixture
def seed_report(tmp_path, monkeypatch) -> str:
    """The seed fixture's report, written as the committed one is: the corpus in claims/, the report
    in reports/ next to it."""
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "markdown", "--output", "reports/discrepancies.md", "--no-cache"]) == 1
    return (tmp_path / "reports" / "discrepancies.md").read_text(encoding="utf-8")


def _conflict_headings(page: Page) -> list[str]:
    """The h3 headings of the conflicts section: each unreviewed conflict has one."""
    headings, inside = [], False
    for block in page.blocks:
        if block.tag == "h2":
            inside = block.text.startswith("Conflicts to review")
        elif inside and block.tag == "h3":
            headings.append(block.text)
    return headings


def test_no_table_row_of_the_seed_report_is_wider_than_a_github_page(seed_report):
    page = Page(seed_report)
    assert page.tables
    too_wide = [row.text for table in page.tables for row in table if len(row.text) > ROW_BUDGET]
    assert not too_wide, "\n".join(too_wide)


def test_the_first_screen_shows_the_summary_every_unreviewed_conflict_and_the_per_article_section(seed_report):
    page = Page(seed_report)
    conflicts = _conflict_headings(page)
    assert len(conflicts) == 2  # the seed's two unreviewed conflicts
    screen = " ".join(page.screen_lines()[:FIRST_SCREEN])
    for wanted in ["2 conflicts not yet reviewed.", *conflicts, "By article"]:
        assert wanted in screen, (wanted, screen)


def test_the_page_opens_short_everything_else_folded(seed_report):
    page = Page(seed_report)
    assert len(page.screen_lines()) < 90  # 564 lines before
    summaries = [block.text for block in page.blocks if block.tag == "summary"]
    assert [summary.split(" (")[0] for summary in summaries] == [
        "Compatible: different scope or firmness, explained", "Corroborated by independent sources",
        "Single-source claims", "Coverage: which article stands where"]


def test_the_seed_report_structure_matches_the_reviewed_golden_outline(seed_report):
    """The page's shape (headings, folded sections, table shapes), not every cell. On a deliberate
    change: rewrite the golden file from the diff below, read it as a reviewer would, commit it."""
    outline = Page(seed_report).outline()
    golden = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(golden.splitlines(True), outline.splitlines(True), "golden", "rendered"))
    assert outline == golden, "the rendered structure differs from the golden outline:\n" + diff


def test_headings_use_the_registry_names_and_keep_the_ids_in_code(seed_report):
    html = render(seed_report)
    assert "<h3>OpenAI-Foxconn partnership · was announced on — date agreement</h3>" in html
    assert "<code>openai-foxconn-partnership · announced-on</code>" in html


def test_the_per_article_section_counts_each_articles_findings(seed_report):
    rows = {row.cells[0]: row.cells[1] for table in Page(seed_report).tables for row in table
            if row.cells and row.cells[0] == "friday-unveiling"}
    assert rows == {"friday-unveiling": "1 conflict, 4 compatible, 9 corroborated, 16 single-source"}


def test_a_value_conflict_shows_the_clusters_of_the_fact(seed_report):
    html = render(seed_report)
    assert ("<li><strong>2025-11-20 (Thursday)</strong>: <code>strategic-partnership-unveiled</code> "
            "(1 independent source; the majority)</li>") in html


def test_every_evidence_link_leads_to_the_line_of_its_file_relative_to_the_report(seed_report, tmp_path):
    targets = re.findall(r'href="([^"]*)"', render(seed_report))
    assert targets and all(not target.startswith(("/", "http")) for target in targets)
    for target in targets:
        path, line = urllib.parse.unquote(target).split("#L")
        file = (tmp_path / "reports" / path).resolve()
        assert file.is_relative_to(tmp_path / "claims") and file.is_file(), target
        assert 1 <= int(line) <= len(file.read_text(encoding="utf-8").splitlines()), target
    friday = next(t for t in targets if t.startswith("../claims/articles/strategic-partnership-unveiled.txt"))
    line = int(friday.split("#L")[1])
    text = (tmp_path / "claims" / "articles" / "strategic-partnership-unveiled.txt").read_text(encoding="utf-8")
    assert "This collaboration, unveiled on November 20, 2025" in text.splitlines()[line - 1]


def test_the_job_summary_links_to_the_commit_when_github_says_which(tmp_path, monkeypatch):
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    for name, value in {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
                        "GITHUB_REPOSITORY": "newsroom/claims", "GITHUB_SHA": "0123abc",
                        "GITHUB_WORKSPACE": str(tmp_path)}.items():
        monkeypatch.setenv(name, value)
    main(["check", "--format", "github", "--no-cache"])
    targets = re.findall(r'href="([^"]*)"', render(summary.read_text(encoding="utf-8")))
    assert targets and all(t.startswith("https://github.com/newsroom/claims/blob/0123abc/claims/") for t in targets)
    assert "https://github.com/newsroom/claims/blob/0123abc/claims/friday-unveiling.claims.yaml#L16" in targets


def test_without_github_variables_the_job_summary_has_no_links(tmp_path, monkeypatch):
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    main(["check", "--format", "github", "--no-cache"])
    assert "href=" not in render((tmp_path / "summary.md").read_text(encoding="utf-8"))


def test_the_header_names_version_corpus_digest_and_files_and_nothing_of_this_machine(seed_report, tmp_path):
    digest, files = corpus_digest(tmp_path / "claims")
    header = Page(seed_report).blocks[1].text
    assert re.fullmatch(rf"claimcheck \S+ · corpus {digest} \({files} files\)", header), header
    assert files == len([p for p in (tmp_path / "claims").rglob("*") if p.is_file()])
    assert str(tmp_path) not in seed_report


def test_the_corpus_digest_is_of_paths_and_bytes_not_of_where_or_when(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    shutil.copytree(SEED_CORPUS, first)
    shutil.copytree(SEED_CORPUS, second)
    assert corpus_digest(first) == corpus_digest(second)
    article = second / "articles" / "friday-unveiling.txt"
    article.write_bytes(article.read_bytes() + b" ")
    assert corpus_digest(first)[0] != corpus_digest(second)[0]
    article.rename(second / "articles" / "renamed.txt")
    assert corpus_digest(first)[1] == corpus_digest(second)[1]


def test_a_change_report_opens_with_the_changes_verdict_and_names_its_base(tmp_path, monkeypatch):
    shutil.copytree(SEED_CORPUS, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    main(["check", "--new", "claims/friday-unveiling.claims.yaml", "--format", "markdown", "--output", "r.md",
          "--no-cache"])
    page = Page((tmp_path / "r.md").read_text(encoding="utf-8"))
    assert "change against the corpus without the files given with --new" in page.blocks[1].text
    headings = [block.text for block in page.blocks if block.tag == "h2"]
    assert headings[:3] == ["This change (against the corpus without the files given with --new)",
                            "Conflicts to review (2, 1 touched by this change)", "By article"]
    assert any(block.text.startswith("This change fails the check") for block in page.blocks)
    screen = " ".join(page.screen_lines()[:FIRST_SCREEN])
    for wanted in ["New conflicts:", "OpenAI-Foxconn partnership · was announced on — date agreement", "By article"]:
        assert wanted in screen, (wanted, screen)


def _evidence(quote: str, value: str) -> Evidence:
    return Evidence("a", "c", "k", quote, 1, 0, len(quote), value, "claims/articles/a.txt", "claims/a.claims.yaml", 3, 5)


def test_a_long_quote_is_trimmed_around_its_value_with_ellipses():
    quote = ("In a statement released on a quiet morning after weeks of talks between the two companies, "
             "officials said the deal is worth $500 billion over the coming decade, pending approval by regulators.")
    cell = text_of(render(short_quote(_evidence(quote, "USD 500 billion")))).strip()
    assert "500 billion" in cell and cell.startswith("\u201c\u2026") and cell.endswith("\u2026\u201d")
    assert len(cell) < 80


@pytest.mark.parametrize("quote", ["\u201cThis partnership is a step,\u201d Sam Altman said",
                                   "calling it \u201ca generational opportunity\u201d", "\"We agree\""])
def test_a_quote_with_its_own_quotation_marks_is_not_wrapped_again(quote):
    cell = text_of(render(short_quote(_evidence(quote, "x")))).strip()
    assert cell == quote


def test_link_targets_are_percent_encoded_and_cannot_break_out_of_the_link():
    data = ReportData(findings=(), articles=(), claim_count=0, links=LinkBase("../"))
    shown = link(data, "claims/odd name) [x](https://evil.example).claims.yaml", 7, "claim")
    assert shown == "[claim](../claims/odd%20name%29%20%5Bx%5D%28https%3A//evil.example%29.claims.yaml#L7)"
    assert render(shown).count("<a ") == 1
    assert link(data, "/abs/path.yaml", 1, "claim") == "claim"  # nothing of this machine


def test_a_misquote_shows_the_changed_words():
    html = render(word_diff("a generational opportunity to reindustrialize America",
                            "a historic opportunity to rebuild America"))
    assert "<del>generational</del> <strong>historic</strong>" in html
    assert "<del>reindustrialize</del> <strong>rebuild</strong>" in html


def test_a_misquote_conflict_in_a_report_strikes_the_old_words_and_bolds_the_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    said = {"kind": "quote", "speaker": "jane-doe", "verbatim": True}
    write_corpus(tmp_path / "claims", [
        {"id": "a", "text": "She said: a generational opportunity to reindustrialize America.",
         "claims": [{"id": "q", "subject": "acme-globex-deal", "property": "said", "value": said,
                     "quote": "a generational opportunity to reindustrialize America"}]},
        {"id": "b", "text": "She said: a generational opportunity to rebuild America.",
         "claims": [{"id": "q", "subject": "acme-globex-deal", "property": "said", "value": said,
                     "quote": "a generational opportunity to rebuild America"}]},
        {"id": "c", "text": "Jane Doe said: a generational opportunity to reindustrialize America.",
         "claims": [{"id": "q", "subject": "acme-globex-deal", "property": "said", "value": said,
                     "quote": "a generational opportunity to reindustrialize America"}]},
    ])
    assert main(["check", "claims", "--format", "markdown", "--output", "r.md", "--no-cache"]) == 1
    html = render((tmp_path / "r.md").read_text(encoding="utf-8"))
    assert "Changed words: a generational opportunity to <del>reindustrialize</del> <strong>rebuild</strong> America" in html
    assert "<h3>Jane Doe · quotes of Jane Doe — quote fidelity</h3>" in html


def test_the_per_article_section_names_an_article_by_its_title_or_its_outlet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    value = {"kind": "money", "text": "$500 billion"}
    root = write_corpus(tmp_path / "claims", [
        {"id": "a", "publisher": "herald", "text": "The deal is worth $500 billion.",
         "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value", "value": value,
                     "quote": "$500 billion"}]},
        {"id": "b", "text": "The deal is worth $500 billion.\n",
         "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value", "value": value,
                     "quote": "$500 billion"}]},
    ])
    claim_file = root / "b.claims.yaml"
    claim_file.write_text(claim_file.read_text(encoding="utf-8").replace(
        "  text: articles/b.txt\n", "  text: articles/b.txt\n  title: Deal <b>done</b> | at last\n"), encoding="utf-8")
    assert main(["check", "claims", "--format", "markdown", "--output", "r.md", "--no-cache"]) == 0
    page = Page((tmp_path / "r.md").read_text(encoding="utf-8"))
    rows = {row.cells[0]: row.cells[1] for table in page.tables for row in table if row.cells[0] in ("a The Herald",
            "b Deal <b>done</b> | at last")}
    assert rows == {"a The Herald": "1 corroborated", "b Deal <b>done</b> | at last": "1 corroborated"}
    assert "<h3>" not in page.html.split("By article")[0].split("Conflicts to review")[1]  # none to review
