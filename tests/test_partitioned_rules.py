"""The rule stage split by fact over worker processes gives the findings one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.bench.generate import generate_corpus
from checker.config import Config
from checker.incremental.groups import FACT_RULES, KEY_RULES
from checker.index.index import build_index
from checker.load.corpus import load_corpus
from checker.rules import RULES
from checker.rules.engine import BY_FACT, fact_shares, run_rules, share_of


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("partitioned") / "corpus"
    generate_corpus(root, 40, "5")
    return build_index(load_corpus(root, Config().normalize.options()).corpus)


def test_the_rules_split_by_fact_are_those_the_incremental_check_groups_by_key_or_fact():
    assert BY_FACT == KEY_RULES | FACT_RULES


@pytest.mark.parametrize("workers", [2, 3])
def test_partitioned_findings_equal_the_single_process_findings(index, workers):
    single = run_rules(index, Config(), workers=1)
    assert {finding.rule for finding in single} >= {"CC101", "CC106"}  # both halves have work to do
    assert run_rules(index, Config(), workers=workers) == single


def test_a_disabled_rule_stays_disabled_in_the_workers(index):
    config = Config.model_validate({"rules": {"CC101": {"enabled": False}}})
    findings = run_rules(index, config, workers=2)
    assert findings == run_rules(index, config, workers=1)
    assert "CC101" not in {finding.rule for finding in findings}


def test_shares_hold_every_fact_once_and_whole(index):
    shares = fact_shares(index, 3)
    facts = [fact for share in shares for fact in share]
    assert sorted(facts) == sorted(index.keys_by_fact) and len(shares) == 3
    view = share_of(index, shares[0])
    assert set(view.by_key) == {key for fact in shares[0] for key in index.keys_by_fact[fact]}
    assert view.by_uid is index.by_uid


def test_the_by_fact_rules_over_all_shares_give_their_findings_over_the_whole_index(index):
    by_fact = [rule for rule in RULES if rule.CODE in BY_FACT]
    whole = run_rules(index, Config(), rules=by_fact, workers=1)
    parts = [run_rules(share_of(index, share), Config(), rules=by_fact, workers=1) for share in fact_shares(index, 4)]
    assert sorted(finding.id for part in parts for finding in part) == sorted(finding.id for finding in whole)
