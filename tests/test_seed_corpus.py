"""The seed corpus: the five real articles, their claims, and what the issues promise about them.

A copy under tests/fixtures/seed: claims/ started as these five and grows with the newsroom."""

from __future__ import annotations

import hashlib
from functools import cache

import pytest

from checker.config import Config
from checker.findings.finding import Status
from checker.load.corpus import load_corpus
from checker.pipeline import check_corpus
from tests.conftest import REPO, SEED_CORPUS

CORPUS = SEED_CORPUS
SEEDS = REPO.parent / "shared" / "seeds"
SEED_NAMES = {
    "us-ai-hardware-push": "000_27aa588a545bcfa1.txt",
    "strategic-partnership-unveiled": "001_a6e8af6eca0c8a41.txt",
    "report-citing-mint": "002_19704cc648eb68bd.txt",
    "components-deal": "003_36fd74d690873133.txt",
    "friday-unveiling": "004_825c13959571626a.txt",
}
# sha256 of ../shared/seeds as delivered, so the check holds where shared/ is absent too
SEED_SHA256 = {
    "us-ai-hardware-push": "eb914c3f4f9b7315aab1c070c7e3fb3602cdcd30412c12f780af2c051b1e61e9",
    "strategic-partnership-unveiled": "a711ab44a224830d1acaa37edf9a81be7798adc23a0bbc3f0d9bf8e29331c1df",
    "report-citing-mint": "1692f8992e5309d3ad35691de06ca039bf05bf239e08c35732d15e94a04d8b0f",
    "components-deal": "82112f1e39e16a25fcee6c192de71ce954c09dc988e8ae19f13f5f0e4da8af07",
    "friday-unveiling": "96ecf4395694bfba334aae045cd7a21ddfd0f93a1429e47970b397588af4859c",
}


@cache
def result():
    return check_corpus(CORPUS, Config())


def findings_between(rule: str, *articles: str):
    return [f for f in result().findings
            if f.rule == rule and set(articles) <= {item.article for item in f.evidence}]


def test_the_corpus_is_valid():
    loaded = load_corpus(CORPUS)
    assert [d.format() for d in loaded.diagnostics] == []
    assert sorted(loaded.corpus.articles) == sorted(SEED_NAMES)


@pytest.mark.parametrize("article", sorted(SEED_NAMES))
def test_article_texts_are_the_seeds_byte_for_byte(article):
    copy = (CORPUS / "articles" / f"{article}.txt").read_bytes()
    loaded = load_corpus(CORPUS).corpus.articles[article]
    assert loaded.meta.source_file == SEED_NAMES[article]
    assert hashlib.sha256(copy).hexdigest() == SEED_SHA256[article]
    seed = SEEDS / SEED_NAMES[article]
    if seed.exists():
        assert copy == seed.read_bytes()


def test_only_the_stated_publication_date_is_recorded():
    articles = load_corpus(CORPUS).corpus.articles
    assert {a: articles[a].published.isoformat() if articles[a].published else None for a in articles} == {
        "us-ai-hardware-push": "2025-11-21", "strategic-partnership-unveiled": None, "report-citing-mint": None,
        "components-deal": None, "friday-unveiling": None,
    }
    assert all(articles[a].meta.publisher is None and articles[a].meta.url is None for a in articles)


@pytest.mark.parametrize("article", sorted(SEED_NAMES))
def test_every_article_is_encoded_in_depth(article):
    claims = [c for c in load_corpus(CORPUS).corpus.claims if c.article == article]
    assert len(claims) >= 15


def test_every_quote_resolves_to_exactly_one_span_of_its_article():
    corpus = load_corpus(CORPUS).corpus
    for claim in corpus.claims:
        text = corpus.articles[claim.article].text
        assert text[claim.provenance.start : claim.provenance.end] == claim.provenance.exact


def test_announcement_date_conflicts_friday_against_a_thursday():
    [finding] = findings_between("CC102", "strategic-partnership-unveiled", "friday-unveiling")
    assert finding.status is Status.CONFLICT
    assert "2025-11-20 was a Thursday, not a Friday" in finding.message
    assert "Taipei" in finding.message and "one day apart" in finding.message


def test_one_point_four_trillion_is_corroborated_by_two_sources():
    [finding] = [f for f in findings_between("CC101", "report-citing-mint", "components-deal")
                 if "infrastructure-commitments" in f.key]
    assert finding.status is Status.CONSISTENT


def test_one_trillion_in_2025_alone_is_compatible_with_the_total_not_a_conflict():
    [finding] = findings_between("CC103", "friday-unveiling", "report-citing-mint", "components-deal")
    assert finding.status is Status.COMPATIBLE
    assert "2025 is part of overall" in finding.message


def test_stargate_five_hundred_billion_is_consistent():
    [finding] = [f for f in findings_between("CC101", "report-citing-mint", "friday-unveiling") if "stargate" in f.key]
    assert finding.status is Status.CONSISTENT and "USD 500 billion" in finding.message


def test_every_claim_appears_in_some_finding():
    covered = {item.uid for finding in result().findings for item in finding.evidence}
    claims = {claim.uid for claim in result().corpus.claims}
    assert claims - covered == set()


def test_the_inverted_report_order_inside_one_article_is_one_conflict():
    [finding] = [f for f in findings_between("CC106", "us-ai-hardware-push") if f.status is Status.CONFLICT]
    assert {item.article for item in finding.evidence} == {"us-ai-hardware-push"}
    assert "the dates say the opposite order" in finding.message


def test_each_fact_is_one_finding_per_rule():
    """Issue 11: one finding per key (and per article inside one), never one per pair of sources."""
    seen = [(f.rule, f.key, f.aspect) for f in result().findings if f.rule in ("CC101", "CC102", "CC104")]
    assert len(seen) == len(set(seen))
    assert len([f for f in result().findings if f.rule == "CC102" and "announced-on" in f.key
                and "openai-foxconn-partnership" in f.key]) == 1
