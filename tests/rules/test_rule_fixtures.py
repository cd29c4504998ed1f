"""One parametrized test runs every rule fixture: claims in, expected findings out.

Each fixture file `tests/rules/<rule module>.yaml` holds cases; a case lists articles
with their text and claims, and the findings the rule must produce: exactly those
(status + claims involved), and message fragments an editor relies on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.config import Config
from checker.index.index import build_index
from checker.load.corpus import load_corpus
from checker.model.diagnostics import errors_among
from checker.rules import RULES
from checker.rules.engine import run_rules
from tests.corpus_builder import write_corpus

FIXTURES = Path(__file__).parent
RULES_BY_MODULE = {rule.__name__.rsplit(".", 1)[1]: rule for rule in RULES}


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        fixture = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in fixture["cases"]:
            yield pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}")


def test_every_rule_has_a_fixture():
    assert sorted(RULES_BY_MODULE) == sorted(path.stem for path in FIXTURES.glob("*.yaml"))


@pytest.mark.parametrize(("module", "case"), list(_cases()))
def test_rule_fixture(module, case, tmp_path):
    rule = RULES_BY_MODULE[module]
    result = load_corpus(write_corpus(tmp_path, case["articles"]))
    assert errors_among(result.diagnostics) == [], [d.format() for d in result.diagnostics]
    findings = run_rules(build_index(result.corpus), Config(), rules=[rule])
    actual = sorted((f.status.value, sorted(e.uid for e in f.evidence)) for f in findings)
    expected = sorted((e["status"], sorted(e["claims"])) for e in case["expect"])
    assert actual == expected, [f.message for f in findings]
    for expectation in case["expect"]:
        finding = next(f for f in findings if sorted(e.uid for e in f.evidence) == sorted(expectation["claims"])
                       and f.status.value == expectation["status"])
        for fragment in expectation.get("message_contains", []):
            assert fragment in finding.message, finding.message
        assert finding.rule == rule.CODE and finding.name == rule.NAME
