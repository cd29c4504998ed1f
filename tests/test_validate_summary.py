"""`claimcheck validate` counts what it found in words an editor reads: 1 input error, 2 input errors."""

from __future__ import annotations

import pytest

from checker.cli import main
from tests.corpus_builder import write_corpus

GOOD = {"id": "good", "text": "It is $500 billion.\n",
        "claims": [{"id": "v", "subject": "acme", "property": "deal-value",
                    "value": {"kind": "money", "text": "$500 billion"}, "quote": "$500 billion"}]}


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_corpus(tmp_path / "claims", [GOOD])


def test_one_error_is_said_in_the_singular(corpus, capsys):
    (corpus / "good.claims.yaml").write_text(
        (corpus / "good.claims.yaml").read_text(encoding="utf-8").replace("subject: acme", "subject: acmee"),
        encoding="utf-8")
    assert main(["validate"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("claims/good.claims.yaml:9:12: CC020 unknown entity 'acmee'; did you mean 'acme'? "
                      "(hint: add it to registry/entities.yaml or fix the id)")
    assert err[-1] == "1 article, 0 claims loaded; 1 input error"


def test_a_clean_corpus_says_its_counts(corpus, capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == "1 article, 1 claim loaded; 0 input errors\n"


def test_a_missing_article_text_is_pointed_at_where_the_claim_file_names_it(corpus, capsys):
    (corpus / "articles" / "good.txt").unlink()
    assert main(["validate"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["claims/good.claims.yaml:3:9: CC001 article text 'articles/good.txt' not found: no file "
                   "claims/articles/good.txt (hint: save the article's text there, or correct this path: it is "
                   "relative to the claim file)",
                   "0 articles, 0 claims loaded; 1 input error"]
