"""SARIF (against the official 2.1.0 schema), JSON, and GitHub annotations within GitHub's limits."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from checker.config import Config
from checker.findings.finding import Evidence, Finding, Severity, Status
from checker.pipeline import check_corpus
from checker.report import github, sarif
from checker.report.data import ReportData
from tests.conftest import SEED_CORPUS

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def seed_report(monkeypatch) -> ReportData:
    monkeypatch.chdir(SEED_CORPUS.parent)
    return check_corpus(Path(SEED_CORPUS.name), Config()).report


def test_sarif_validates_against_the_official_schema(monkeypatch):
    log = json.loads(sarif.render(seed_report(monkeypatch)))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)


def test_sarif_results_sit_at_the_claim_with_stable_fingerprints(monkeypatch):
    data = seed_report(monkeypatch)
    log = json.loads(sarif.render(data))
    results = log["runs"][0]["results"]
    assert len(results) == len(data.findings)
    conflict = next(r for r in results if r["ruleId"] == "CC102")
    location = conflict["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith(".claims.yaml") and location["region"]["startLine"] > 0
    assert conflict["kind"] == "fail" and conflict["level"] == "error"
    assert conflict["partialFingerprints"]["claimcheckFinding/v1"].startswith("CC102-")
    quotes = [r for r in conflict["relatedLocations"] if r["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")]
    assert {q["physicalLocation"]["region"]["snippet"]["text"] for q in quotes} >= {"unveiled a new partnership on Friday"}


def _finding(number: int, status: Status, severity: Severity) -> Finding:
    evidence = Evidence("a", f"c{number}", "k", "quote", 1, 0, 5, "v", "claims/articles/a.txt", "claims/a.claims.yaml",
                        number, 3)
    return Finding("CC101", "value-agreement", status, f"message {number}\nsecond line", "key", (evidence,),
                   severity=severity)


def test_github_annotations_respect_the_limits_and_say_what_was_left_out():
    findings = tuple(_finding(n, Status.CONFLICT, Severity.ERROR) for n in range(25)) + tuple(
        _finding(100 + n, Status.COMPATIBLE, Severity.NOTE) for n in range(15))
    lines = github.render(ReportData(findings, ("a",), 40)).splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines]  # 10 errors, 10 warnings, the summary notice
    assert (kinds.count("::error"), kinds.count("::warning"), kinds.count("::notice")) == (10, 10, 1)
    assert lines[-1].startswith("::notice title=claimcheck::20 more annotations were left out")
    assert "%0Asecond line" in lines[0] and "file=claims/a.claims.yaml,line=1,col=3" in lines[0]
