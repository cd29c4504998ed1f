"""`claimcheck draft`, `draft --update`, `confirm`, and what `check` does with drafts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli.main import main

HERE = Path(__file__).resolve().parent
ARTICLE = ("Acme CEO Jane Roe said the company will invest $2 billion annually in Oslo.\n"
           "“We are building the future here,” Roe said. Acme employs 1,200 engineers.\n")
CONFIRMED = """# An editor's file.
article:
  id: acme-news
  text: articles/acme-news.txt
claims:
  - id: acme-investment   # written by hand
    subject: acme
    property: investment
    value: {kind: money, text: "$2 billion"}
    qualifiers: {rate: year}
    quote: "the company will invest $2 billion annually"
"""


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "claims"
    shutil.copytree(HERE / "corpus" / "registry", root / "registry")
    (root / "articles").mkdir()
    (root / "articles" / "acme-news.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def draft(corpus, *extra):
    return main(["draft", str(corpus / "articles" / "acme-news.txt"), "--id", "acme-news", "--corpus", str(corpus),
                 *extra])


def test_draft_writes_a_file_whose_drafts_validate_and_are_not_compared(corpus, capsys):
    output = corpus / "acme-news.claims.yaml"
    assert draft(corpus, "--output", str(output), "--published", "2025-11-21") == 0
    text = output.read_text(encoding="utf-8")
    assert "text: articles/acme-news.txt" in text and "draft: true" in text and "# draft: " in text
    placeholders = text.count("\n    property: null\n")
    assert placeholders == 1  # "1,200 engineers": no property fits
    capsys.readouterr()
    assert main(["validate", str(corpus)]) == 2
    errors = capsys.readouterr().err
    assert "CC024" in errors and "has no property yet" in errors and "Traceback" not in errors
    assert errors.count(": CC") == placeholders


def test_draft_never_overwrites_without_force_nor_writes_into_articles(corpus, capsys):
    output = corpus / "acme-news.claims.yaml"
    output.write_text("keep me\n", encoding="utf-8")
    assert draft(corpus, "--output", str(output)) == 2
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert draft(corpus, "--output", str(output), "--force") == 0
    assert draft(corpus, "--output", str(corpus / "articles" / "x.claims.yaml"), "--force") == 2
    assert not (corpus / "articles" / "x.claims.yaml").exists()
    assert "articles/" in capsys.readouterr().err


def test_update_appends_only_what_the_file_does_not_cover_and_keeps_its_bytes(corpus):
    path = corpus / "acme-news.claims.yaml"
    path.write_text(CONFIRMED, encoding="utf-8")
    assert main(["draft", "--update", str(path), "--corpus", str(corpus)]) == 0
    updated = path.read_text(encoding="utf-8")
    assert updated.startswith(CONFIRMED)
    added = updated[len(CONFIRMED):]
    assert "kind: quote" in added and "kind: money" not in added  # the $2 billion is covered already
    assert main(["draft", "--update", str(path), "--corpus", str(corpus)]) == 0
    assert path.read_text(encoding="utf-8") == updated  # nothing new the second time


def test_confirm_deletes_draft_lines_and_refuses_a_claim_without_property(corpus, capsys):
    output = corpus / "acme-news.claims.yaml"
    draft(corpus, "--output", str(output))
    assert main(["confirm", str(output)]) == 2  # one claim still has property: null
    assert "choose a property first" in capsys.readouterr().err
    text = output.read_text(encoding="utf-8")
    said = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("  - id: jane-roe-said"))
    assert main(["confirm", str(output), said]) == 0
    after = output.read_text(encoding="utf-8")
    assert after.count("draft: true") == text.count("draft: true") - 1


def test_check_lists_unconfirmed_drafts_and_warns(corpus, capsys, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    (corpus / "articles" / "acme-news.txt").write_text(ARTICLE.split(" Acme employs")[0], encoding="utf-8")
    (corpus / "acme-news.claims.yaml").write_text(CONFIRMED, encoding="utf-8")
    main(["draft", "--update", str(corpus / "acme-news.claims.yaml"), "--corpus", str(corpus)])
    capsys.readouterr()
    report = corpus.parent / "report.md"
    assert main(["check", str(corpus), "--no-cache", "--format", "markdown", "--output", str(report)]) == 0
    assert "unconfirmed draft claims are not compared" in capsys.readouterr().err
    rendered = report.read_text(encoding="utf-8")
    assert "<summary>Unconfirmed drafts (" in rendered and "jane-roe-said" in rendered
    assert "acme-investment" not in rendered.split("<summary>Unconfirmed drafts")[1]  # the editor's claim is compared
