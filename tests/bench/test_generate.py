"""The synthetic corpus: valid, deterministic for a seed, and with the mix the benchmark promises."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from checker.bench.generate import generate_corpus
from checker.cli import main
from checker.config import Config
from checker.findings.finding import Status
from checker.load.corpus import load_corpus
from checker.pipeline import check_corpus

ARTICLES = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "corpus"
    generate_corpus(root, ARTICLES, "7")
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_corpus_is_valid_with_about_thirty_claims_an_article(corpus):
    loaded = load_corpus(corpus)
    assert [d.format() for d in loaded.diagnostics] == []
    assert len(loaded.corpus.articles) == ARTICLES
    assert 25 <= len(loaded.corpus.claims) / ARTICLES <= 35


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_ones(corpus, tmp_path):
    generate_corpus(tmp_path / "again", ARTICLES, "7")
    generate_corpus(tmp_path / "other", ARTICLES, "8")
    assert _files(tmp_path / "again") == _files(corpus)
    assert _files(tmp_path / "other") != _files(corpus)


def test_the_mix_holds_agreement_conflict_scope_and_single_source(corpus):
    findings = check_corpus(corpus, Config()).findings
    statuses = Counter(finding.status for finding in findings)
    rules = Counter((finding.rule, finding.status) for finding in findings)
    assert statuses[Status.CONSISTENT] and statuses[Status.CONFLICT] and statuses[Status.UNSUPPORTED]
    assert rules["CC103", Status.COMPATIBLE]  # a year's commitments within the total: a scope difference
    assert rules["CC105", Status.CONSISTENT] and rules["CC104", Status.CONSISTENT]  # quotes and lists
    assert rules["CC102", Status.CONSISTENT] and rules["CC106", Status.CONSISTENT]  # weekdays, orderings
    assert statuses[Status.CONFLICT] < statuses[Status.CONSISTENT]  # disagreement stays the exception


def test_subjects_grow_with_the_corpus_so_facts_stay_small(tmp_path):
    sizes = {}
    for articles in (40, 160):
        root = tmp_path / str(articles)
        generate_corpus(root, articles, "1")
        claims = load_corpus(root).corpus.claims
        per_fact = Counter((claim.subject, claim.property) for claim in claims)
        sizes[articles] = sum(per_fact.values()) / len(per_fact)
    assert sizes[160] < 1.5 * sizes[40]


def test_the_command_writes_a_corpus_and_refuses_a_directory_in_use(tmp_path, capsys):
    out = tmp_path / "corpus"
    assert main(["bench", "generate", "--articles", "3", "--seed", "2", "--out", str(out)]) == 0
    assert len(list(out.glob("*.claims.yaml"))) == 3 and (out / "registry" / "entities.yaml").is_file()
    assert main(["bench", "generate", "--articles", "3", "--out", str(out)]) == 2
    assert "is not an empty directory" in capsys.readouterr().err
