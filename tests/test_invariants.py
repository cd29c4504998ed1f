"""Invariants of the engine: order does not matter, unrelated news changes nothing, comparisons are symmetric."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.index.compare import classify_quotes, first_common_day, intervals_agree
from checker.model.diagnostics import errors_among
from checker.model.values import DateSpan, Granularity, Interval
from checker.pipeline import check_corpus
from checker.report import markdown
from tests.corpus_builder import write_corpus

FIXTURES = Path(__file__).parent / "rules"


def fixture_articles() -> list[dict]:
    """Every article of every rule fixture, renamed so they can live in one corpus."""
    articles = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        for number, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]):
            prefix = f"{path.stem.replace('_', '-')}-{number}"
            for article in case["articles"]:
                articles.append({**article, "id": f"{prefix}-{article['id']}"})
    return articles


ARTICLES = fixture_articles()


def run(articles: list[dict]):
    """Check the articles as a corpus at the relative path `corpus`, as a user would run it."""
    with tempfile.TemporaryDirectory() as directory:
        previous = Path.cwd()
        os.chdir(directory)
        try:
            result = check_corpus(write_corpus(Path("corpus"), articles), Config())
        finally:
            os.chdir(previous)
        assert errors_among(result.diagnostics) == []
        return result


def summary(findings) -> list[tuple]:
    return sorted((f.id, f.status.value, f.message, tuple(e.uid for e in f.evidence)) for f in findings)


BASELINE = summary(run(ARTICLES).findings)


@settings(max_examples=15)
@given(st.permutations(range(len(ARTICLES))), st.randoms(use_true_random=False))
def test_shuffling_articles_and_claims_gives_the_same_findings(order, rnd):
    shuffled = []
    for index in order:
        article = dict(ARTICLES[index])
        claims = list(article.get("claims", []))
        rnd.shuffle(claims)
        shuffled.append({**article, "claims": claims})
    assert summary(run(shuffled).findings) == BASELINE


def test_the_report_is_byte_identical_whatever_order_files_are_written_in():
    first = markdown.render(run(ARTICLES).report)
    second = markdown.render(run(list(reversed(ARTICLES))).report)
    assert first == second


def test_an_unrelated_article_changes_no_existing_finding():
    unrelated = {
        "id": "unrelated", "text": "Globex opened a bakery worth $5 million on March 3, 2025.",
        "claims": [{"id": "v", "subject": "globex", "property": "deal-value",
                    "value": {"kind": "money", "text": "$5 million"}, "quote": "$5 million"}],
    }
    before = {f.id: f for f in run(ARTICLES).findings}
    after = {f.id: f for f in run([*ARTICLES, unrelated]).findings}
    assert set(before) <= set(after)
    changed = [(i, before[i].message, after[i].message) for i in before if before[i].fingerprint != after[i].fingerprint]
    assert changed == []


amounts = st.decimals(min_value=0, max_value=Decimal(10) ** 15, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw):
    low, high = sorted([draw(amounts), draw(amounts)])
    return Interval(low=draw(st.one_of(st.none(), st.just(low))), high=draw(st.one_of(st.none(), st.just(high))),
                    low_inclusive=draw(st.booleans()), high_inclusive=draw(st.booleans()))


days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def spans(draw):
    start, end = sorted([draw(days), draw(days)])
    return DateSpan(start=draw(st.one_of(st.none(), st.just(start))), end=draw(st.one_of(st.none(), st.just(end))),
                    granularity=Granularity.DAY, weekday=draw(st.one_of(st.none(), st.integers(0, 6))),
                    month=draw(st.one_of(st.none(), st.integers(1, 12))))


@given(intervals(), intervals(), st.floats(0, 0.5))
def test_interval_agreement_is_symmetric(a, b, tolerance):
    assert intervals_agree(a, b, tolerance) == intervals_agree(b, a, tolerance)


@given(spans(), spans(), st.integers(0, 3))
def test_date_agreement_is_symmetric_and_its_witness_satisfies_both(a, b, slack):
    day = first_common_day(a, b, slack)
    assert day == first_common_day(b, a, slack)
    if day is not None and slack == 0:
        assert a.matches(day) and b.matches(day)


@given(st.text(max_size=80), st.booleans(), st.text(max_size=80), st.booleans())
def test_quote_classification_is_symmetric(a, a_verbatim, b, b_verbatim):
    assert classify_quotes(a, a_verbatim, b, b_verbatim) == classify_quotes(b, b_verbatim, a, a_verbatim)
