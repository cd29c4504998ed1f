"""`check --format claimreview`: editors' decisions as schema.org ClaimReview JSON-LD.

The output is checked against the schema.org vocabulary it uses (schema-org-claimreview.json,
copied from schema.org with each term's URL) and against Google's required fact-check fields.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from tests.corpus_builder import write_corpus

VOCABULARY = json.loads((Path(__file__).parent / "schema-org-claimreview.json").read_text(encoding="utf-8"))
NEWSROOM = ('[tool.claimcheck]\nnewsroom = "The Daily Check"\nnewsroom-url = "https://check.example.org"\n'
            'review-url = "https://check.example.org/reviews/{finding}"\n')


def _article(article_id: str, amount: str, **meta) -> dict:
    return {"id": article_id, "text": f"Article {article_id}: the deal is worth {amount}.\n", **meta,
            "claims": [{"id": "value", "subject": "acme-globex-deal", "property": "deal-value",
                        "value": {"kind": "money", "text": amount}, "quote": f"worth {amount}"}]}


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(NEWSROOM, encoding="utf-8")
    root = write_corpus(tmp_path / "claims", [
        _article("a", "$500 billion", published="2025-11-20"),
        _article("b", "$500 billion", published="2025-11-21"),
        _article("c", "$400 billion", published="2025-11-22", publisher="wire", derived_from=["wire"]),
    ])
    for article_id, url in [("a", "https://wire.example/a"), ("c", "https://wire.example/c")]:
        path = root / f"{article_id}.claims.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("  publisher:", f"  url: {url}\n  publisher:"),
                        encoding="utf-8")
    return root


def _findings(capsys) -> list[dict]:
    main(["check", "--format", "json", "--no-cache"])
    return json.loads(capsys.readouterr().out)["findings"]


def _review(finding: str, decision: str, reason: str = "The filing says $500 billion") -> None:
    assert main(["review", finding, "--decision", decision, "--reviewer", "A. Editor", "--reason", reason,
                 "--date", "2025-11-24", "--no-cache"]) == 0


def _claimreview(capsys) -> list[dict]:
    main(["check", "--format", "claimreview", "--no-cache"])
    return json.loads(capsys.readouterr().out)


def _conflict(capsys) -> str:
    """The one finding of the fact: a's and b's $500 billion, the majority, against c's $400 billion."""
    [conflict] = [f for f in _findings(capsys) if f["status"] == "conflict"]
    assert {e["article"] for e in conflict["evidence"]} == {"a", "b", "c"}
    return conflict["id"]


def test_a_confirmed_error_reviews_the_outlier_claim_with_every_field_google_requires(corpus, capsys):
    conflict = _conflict(capsys)
    _review(conflict, "confirmed-error")
    assert _claimreview(capsys) == [{
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://check.example.org/reviews/{conflict}",
        "identifier": conflict,
        "claimReviewed": "worth $400 billion",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {"@type": "CreativeWork", "url": "https://wire.example/c", "datePublished": "2025-11-22",
                           "publisher": {"@type": "Organization", "name": "The Wire"}},
            "author": {"@type": "Organization", "name": "The Wire"},
            "datePublished": "2025-11-22",
        },  # no firstAppearance: c carries the wire's story, so it is not where the claim first appeared
        "author": {"@type": "Organization", "name": "The Daily Check", "url": "https://check.example.org"},
        "datePublished": "2025-11-24",
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                         "alternateName": "Contradicted by 2 other articles", "name": "Contradicted"},
        "reviewBody": "The filing says $500 billion",
    }]


def test_a_dismissed_conflict_reviews_every_claim_as_explained(corpus, capsys):
    _review(_conflict(capsys), "dismissed", "Two figures: before and after the October revision")
    reviews = _claimreview(capsys)
    assert [r["claimReviewed"] for r in reviews] == ["worth $500 billion"] * 2 + ["worth $400 billion"]  # a, b, c
    assert {r["reviewRating"]["ratingValue"] for r in reviews} == {4}
    assert [r["reviewRating"]["alternateName"] for r in reviews] == [
        "Differs from 1 other article, for a reason the newsroom explains"] * 2 + [
        "Differs from 2 other articles, for a reason the newsroom explains"]
    first = reviews[0]["itemReviewed"]
    assert first["firstAppearance"] == first["appearance"]  # a's own story, dated: where its words first appeared


def test_nothing_unreviewed_stale_or_merely_dismissed_is_published(corpus, capsys):
    assert _claimreview(capsys) == []  # nothing reviewed, nothing published
    conflict = _conflict(capsys)
    _review(conflict, "confirmed-error")
    assert len(_claimreview(capsys)) == 1
    (corpus / "articles" / "c.txt").write_text("Article c: the deal is worth $400 billion, it says.\n", encoding="utf-8")
    text = (corpus / "c.claims.yaml").read_text(encoding="utf-8")
    (corpus / "c.claims.yaml").write_text(text.replace("quote: worth $400 billion", "quote: worth $400 billion, it"),
                                          encoding="utf-8")
    assert [f["review"]["stale"] for f in _findings(capsys) if f["id"] == conflict] == [True]
    assert _claimreview(capsys) == []  # the quote behind the decision changed: the review is stale


def _nodes(value, parent_property=None):
    if isinstance(value, dict):
        if "@type" in value:
            yield value, parent_property
        for key, inner in value.items():
            yield from _nodes(inner, key)
    elif isinstance(value, list):
        for inner in value:
            yield from _nodes(inner, parent_property)


def _ancestry(type_name: str) -> set[str]:
    names = set()
    while type_name is not None:
        names.add(type_name)
        type_name = VOCABULARY["types"][type_name]["subClassOf"]
    return names


def test_every_type_and_property_is_schema_org_vocabulary_used_where_it_belongs(corpus, capsys):
    conflict = _conflict(capsys)
    _review(conflict, "dismissed", "Two figures: before and after the October revision")
    reviews = _claimreview(capsys)
    assert reviews
    for node, via in (pair for review in reviews for pair in _nodes(review)):
        assert node["@type"] in VOCABULARY["types"], node["@type"]
        types = _ancestry(node["@type"])
        if via is not None:
            assert types & set(VOCABULARY["properties"][via]["rangeIncludes"]), (via, node["@type"])
        for key in node:
            if key.startswith("@"):
                continue
            assert key in VOCABULARY["properties"], key
            assert types & set(VOCABULARY["properties"][key]["domainIncludes"]), (node["@type"], key)


def test_googles_required_fact_check_fields_are_present(corpus, capsys):
    _review(_conflict(capsys), "confirmed-error")
    required = VOCABULARY["google_required"]
    for review in _claimreview(capsys):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        for key in required["ClaimReview"]:
            assert review.get(key), key
        assert any(key in review["reviewRating"] for key in required["Rating"]["one_of"])
        assert review["author"]["@type"] == "Organization" and review["author"]["name"]
        assert review["url"].startswith("https://")


def test_without_a_newsroom_the_format_is_a_one_line_usage_error(corpus, capsys):
    (corpus.parent / "pyproject.toml").write_text("[tool.claimcheck]\n", encoding="utf-8")
    assert main(["check", "--format", "claimreview", "--no-cache"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ('claimcheck: error: --format claimreview names the newsroom as the author of each review: '
                            'set newsroom = "..." and newsroom-url = "https://..." under [tool.claimcheck] in '
                            'pyproject.toml (or in claimcheck.toml)\n')


def test_only_changes_is_refused_before_the_check_runs(corpus, capsys):
    assert main(["check", "--format", "claimreview", "--new", "claims/c.claims.yaml", "--only-changes"]) == 2
    assert capsys.readouterr().err == ("claimcheck: error: --format claimreview publishes every reviewed finding of "
                                       "the corpus; leave out --only-changes\n")
