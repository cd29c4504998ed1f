"""`claimcheck new-article`: the text copied byte for byte, a claim file that validates as written."""

from __future__ import annotations

import pytest
import yaml

from checker.cli import main
from tests.corpus_builder import write_corpus

TEXT = "Acme\u2019s \u201c$500 billion\u201d deal,\r\nsaid on Friday.\n".encode() + b"\n\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "received.txt").write_bytes(TEXT)
    return write_corpus(tmp_path / "claims", [])


def test_the_text_is_copied_byte_for_byte_and_the_skeleton_validates(corpus, capsys):
    assert main(["new-article", "received.txt", "--id", "acme-deal", "--publisher", "wire",
                 "--published", "2025-11-21", "--url", "https://example.org/acme"]) == 0
    assert capsys.readouterr().err == ("wrote claims/articles/acme-deal.txt and claims/acme-deal.claims.yaml; "
                                       "add the claims, then run `claimcheck validate`\n")
    assert (corpus / "articles" / "acme-deal.txt").read_bytes() == TEXT
    skeleton = (corpus / "acme-deal.claims.yaml").read_text(encoding="utf-8")
    assert skeleton.startswith("# yaml-language-server: $schema=../schemas/claim-file.schema.json\n")
    assert "#  - id: " in skeleton  # the commented example claim
    assert yaml.safe_load(skeleton) == {
        "article": {"id": "acme-deal", "text": "articles/acme-deal.txt", "source_file": "received.txt", "title": None,
                    "publisher": "wire", "url": "https://example.org/acme",
                    "published": __import__("datetime").date(2025, 11, 21), "timezone": None, "derived_from": []},
        "claims": []}
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == "1 article, 0 claims loaded; 0 input errors\n"


def test_the_commented_example_claim_is_a_valid_claim_once_uncommented(corpus):
    assert main(["new-article", "received.txt", "--id", "acme-deal"]) == 0
    skeleton = (corpus / "acme-deal.claims.yaml").read_text(encoding="utf-8")
    example = "\n".join(line[2:] for line in skeleton.splitlines() if line.startswith("#  ") or line.startswith("#    "))
    [claim] = yaml.safe_load(example)
    from checker.model.claims import Claim

    Claim.model_validate(claim)


def test_an_existing_article_or_claim_file_is_never_overwritten(corpus, capsys):
    (corpus / "acme-deal.claims.yaml").write_text("# mine\n", encoding="utf-8")
    assert main(["new-article", "received.txt", "--id", "acme-deal"]) == 2
    assert capsys.readouterr().err == ("claimcheck: error: claims/acme-deal.claims.yaml already exists; "
                                       "choose another --id, or edit the existing files\n")
    assert (corpus / "acme-deal.claims.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert not (corpus / "articles" / "acme-deal.txt").exists()


@pytest.mark.parametrize(("arguments", "message"), [
    (["--id", "Acme Deal"], "--id 'Acme Deal' must be lower-case letters, digits and hyphens (at most 80), "
                            "e.g. friday-unveiling"),
    (["--id", "acme-deal", "--published", "21/11/2025"], "--published '21/11/2025' must be a date written YYYY-MM-DD"),
    (["--id", "acme-deal", "--url", "example.org"],
     "--url 'example.org' must be a web address starting with https:// or http://"),
    (["--id", "acme-deal", "--publisher", "wirre"],
     "--publisher: unknown entity 'wirre'; did you mean 'wire'? (add the outlet to claims/registry/entities.yaml first)"),
])
def test_bad_metadata_is_one_line_and_writes_nothing(corpus, capsys, arguments, message):
    assert main(["new-article", "received.txt", *arguments]) == 2
    assert capsys.readouterr().err == f"claimcheck: error: {message}\n"
    assert sorted(path.name for path in corpus.iterdir()) == ["articles", "registry"]
    assert list((corpus / "articles").iterdir()) == []


def test_a_text_the_loader_would_refuse_is_refused_now(corpus, capsys):
    (corpus.parent / "latin1.txt").write_bytes("caf\u00e9\n".encode("latin-1"))
    assert main(["new-article", "latin1.txt", "--id", "cafe"]) == 2
    assert capsys.readouterr().err == ("claimcheck: error: latin1.txt:1:4: CC001 file is not UTF-8 (byte 0xe9) "
                                       "(hint: re-save the file as UTF-8)\n")
    assert main(["new-article", "missing.txt", "--id", "cafe"]) == 2
    assert capsys.readouterr().err == ("claimcheck: error: TEXTFILE 'missing.txt' not found (or not a file): "
                                       "name the saved article text\n")
