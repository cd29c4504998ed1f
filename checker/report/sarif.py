"""SARIF 2.1.0, for code-scanning tools: each result at the claim in its claim file, the
other evidence (and the quote in the article) as related locations, stable fingerprints."""

from __future__ import annotations

from urllib.parse import quote

from checker.findings.finding import Evidence, Finding, Severity, Status
from checker.report.data import ReportData
from checker.report.jsonout import dump_json

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://github.com/claimcheck/claimcheck"
_KIND = {Status.CONFLICT: "fail", Status.COMPATIBLE: "informational", Status.UNSUPPORTED: "review",
         Status.CONSISTENT: "pass"}
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def render(data: ReportData, version: str = "0.1.0") -> str:
    rules = sorted({(finding.rule, finding.name) for finding in data.findings})
    rule_index = {code: position for position, (code, _) in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": version,
                "informationUri": TOOL_URI,
                "rules": [{"id": code, "name": name, "shortDescription": {"text": name.replace("-", " ")}}
                          for code, name in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(data, finding, rule_index[finding.rule]) for finding in data.findings],
        }],
    }
    return dump_json(log, indent=2) + "\n"


def _result(data: ReportData, finding: Finding, rule_index: int) -> dict:
    primary, *others = finding.evidence
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "kind": _KIND[finding.status],
        "level": _LEVEL[finding.severity] if finding.status is Status.CONFLICT else "none",
        "message": {"text": finding.message},
        "locations": [_claim_location(primary)],
        "relatedLocations": [
            *(_claim_location(item, position) for position, item in enumerate(others, start=1)),
            *(_quote_location(item, position) for position, item in enumerate(finding.evidence, start=len(others) + 1)),
        ],
        "partialFingerprints": {"claimcheckFinding/v1": finding.id, "claimcheckEvidence/v1": finding.fingerprint},
        "properties": {"status": finding.status.value, "key": finding.key, "name": finding.name},
    }
    state = data.reviews.get(finding.id)
    if state is not None and not state.stale:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": f"{state.review.decision}: {state.review.reason}"}]
    return result


def _claim_location(item: Evidence, identifier: int | None = None) -> dict:
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(item.claim_file)},
            "region": {"startLine": item.claim_line, "startColumn": item.claim_column},
        },
        "message": {"text": f"claim {item.uid}: {item.value}"},
    }
    return location if identifier is None else {"id": identifier, **location}


def _quote_location(item: Evidence, identifier: int) -> dict:
    return {
        "id": identifier,
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(item.article_path)},
            "region": {"startLine": item.line, "charOffset": item.start, "charLength": item.end - item.start,
                       "snippet": {"text": item.quote}},
        },
        "message": {"text": f"quote of {item.uid}"},
    }


def _uri(path: str) -> str:
    """A relative URI reference for a corpus path: every character a URI may not hold percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/-._~", errors="backslashreplace")
