"""Properties of the one-finding-per-fact design (issue 11): ids stay put as agreeing sources
join, order changes nothing, a key's findings are bounded by its clusters, and no corpus can
make two findings share an id."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.config import Config
from checker.index.index import build_index
from checker.load.corpus import load_corpus
from checker.rules import RULES, value_agreement, weekday_date
from checker.rules.engine import run_rules
from tests.corpus_builder import write_corpus

HEDGES = ("", "around ", "at least ", "more than ", "up to ", "nearly ")
AMOUNTS = st.tuples(st.sampled_from(HEDGES), st.integers(1, 12).map(lambda n: n * 50))
DATES = st.sampled_from(["November 20, 2025", "November 21, 2025", "Friday", "Thursday", "November 20",
                         "in recent months", "in October", "2025", "second half of 2025", "by 2030"])


def _money_article(number: int, hedge: str, amount: int, wire: bool) -> dict:
    text = f"{hedge}${amount} billion"
    return {"id": f"n{number:03d}", "text": f"Outlet {number} reports: the deal is worth {text}.", "derived_from": ["wire"] if wire else [],
            "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
                        "value": {"kind": "money", "text": text}, "quote": text}]}


def _findings(articles: list[dict], rules=RULES):
    with tempfile.TemporaryDirectory() as directory:
        loaded = load_corpus(write_corpus(Path(directory), articles))
        assert loaded.diagnostics == (), [d.format() for d in loaded.diagnostics]
        return run_rules(build_index(loaded.corpus), Config(), rules=rules)


stories = st.lists(st.tuples(AMOUNTS, st.booleans()), min_size=2, max_size=12)
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(stories, st.data())
def test_an_agreeing_article_never_changes_a_conflicts_id_nor_stales_its_review(drawn, data):
    articles = [_money_article(n, hedge, amount, wire) for n, ((hedge, amount), wire) in enumerate(drawn)]
    [conflict] = [f for f in _findings(articles, [value_agreement]) if f.status.value == "conflict"] or [None]
    assume(conflict is not None)
    majority = [summary for summary in conflict.clusters if summary.role == "majority"]
    assume(majority)
    joined = data.draw(st.sampled_from(majority[0].members))
    copied = next(article for article in articles if f"{article['id']}/v" == joined)
    newcomer = {**copied, "id": "zz-new", "derived_from": [], "text": "A newcomer reports: " + copied["text"]}
    after = {f.id: f for f in _findings([*articles, newcomer], [value_agreement])}
    assert conflict.id in after
    assert after[conflict.id].fingerprint == conflict.fingerprint


@SETTINGS
@given(stories, st.randoms(use_true_random=False))
def test_the_order_of_sources_changes_nothing(drawn, rnd):
    articles = [_money_article(n, hedge, amount, wire) for n, ((hedge, amount), wire) in enumerate(drawn)]
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    summary = [(f.id, f.status, f.message, f.fingerprint, f.clusters) for f in _findings(articles)]
    assert summary == [(f.id, f.status, f.message, f.fingerprint, f.clusters) for f in _findings(shuffled)]


@SETTINGS
@given(st.lists(st.tuples(AMOUNTS, st.booleans()), min_size=2, max_size=40))
def test_one_key_yields_one_finding_whose_clusters_are_bounded_by_its_values(drawn):
    articles = [_money_article(n, hedge, amount, wire) for n, ((hedge, amount), wire) in enumerate(drawn)]
    findings = _findings(articles, [value_agreement])
    assert len(findings) <= 1
    distinct = {(hedge, amount) for (hedge, amount), _wire in drawn}
    for finding in findings:
        assert len(finding.clusters) <= len(distinct)


@SETTINGS
@given(st.lists(st.tuples(DATES, st.booleans(), st.booleans()), min_size=2, max_size=20))
def test_one_date_fact_yields_one_finding(drawn):
    articles = [{"id": f"d{n:03d}", "text": f"Outlet {n} reports: it was announced {text}.", "published": "2025-11-21" if dated else None,
                 "derived_from": ["wire"] if wire else [],
                 "claims": [{"id": "d", "subject": "acme-globex-deal", "property": "announced-on",
                             "value": {"kind": "date", "text": text}, "quote": text}]}
                for n, (text, dated, wire) in enumerate(drawn)]
    assert len(_findings(articles, [weekday_date])) <= 1


claims = st.one_of(
    st.tuples(st.just("money"), AMOUNTS.map(lambda pair: f"{pair[0]}${pair[1]} billion")),
    st.tuples(st.just("date"), DATES),
    st.tuples(st.just("quote"), st.sampled_from(["we will build it", "we will build it here", "we shall build it",
                                                 "demand is outpacing supply", "demand far outpacing supply"])),
)


@SETTINGS
@given(st.lists(st.lists(st.tuples(claims, st.sampled_from(["jane-doe", "john-roe"]),
                                   st.sampled_from(["acme-globex-deal", "other-deal"])), min_size=1, max_size=4),
                min_size=1, max_size=8))
def test_no_corpus_makes_two_findings_share_an_id(drawn):
    """The engine refuses duplicate ids with a RuntimeError; ids are per key, status and aspect, so
    no corpus may reach it, whatever it repeats inside one article or across articles."""
    articles = []
    for number, article_claims in enumerate(drawn):
        texts, encoded = [], []
        for position, ((kind, text), speaker, subject) in enumerate(article_claims):
            quote = f"[{position}] {text}"
            texts.append(quote)
            prop = {"money": "deal-value", "date": "announced-on", "quote": "said"}[kind]
            value = ({"kind": "quote", "speaker": speaker, "verbatim": True} if kind == "quote"
                     else {"kind": kind, "text": text})
            encoded.append({"id": f"c{position}", "subject": subject, "property": prop, "value": value,
                            "quote": quote if kind != "quote" else {"exact": text, "prefix": f"[{position}] "}})
        articles.append({"id": f"a{number:02d}", "text": f"Outlet {number}. " + " ".join(texts), "claims": encoded})
    _findings(articles)  # raises RuntimeError on a duplicate id


def test_a_conflicts_fingerprint_reads_every_dissenting_value():
    """With no majority every value is dissenting, and a review of the conflict is about all of
    them: changing any one (here the last) gives another fingerprint, so the review goes stale."""
    def conflict(amounts):
        articles = [_money_article(n, "", amount, False) for n, amount in enumerate(amounts)]
        [found] = [f for f in _findings(articles, [value_agreement]) if f.status.value == "conflict"]
        return found

    fingerprints = {conflict([100, 200, last]).fingerprint for last in (300, 400, 500)}
    fingerprints |= {conflict([100, last]).fingerprint for last in (300, 400, 500)}
    assert len(fingerprints) == 6
