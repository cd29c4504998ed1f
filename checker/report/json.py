"""`{"findings": [...]}` with every field of every finding and its evidence."""

from __future__ import annotations

from checker.findings.finding import Finding
from checker.findings.reviews import ReviewState
from checker.report.data import ReportData
from checker.report.jsonout import dump_json


def finding_record(finding: Finding, review: ReviewState | None = None) -> dict:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "name": finding.name,
        "status": str(finding.status),
        "severity": str(finding.severity),
        "key": finding.key,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "evidence": [
            {
                "article": item.article,
                "claim": item.claim,
                "key": item.key,
                "quote": item.quote,
                "line": item.line,
                "start": item.start,
                "end": item.end,
                "value": item.value,
                "article_path": item.article_path,
                "claim_file": item.claim_file,
                "claim_line": item.claim_line,
                "claim_column": item.claim_column,
            }
            for item in finding.evidence
        ],
        "review": None if review is None else {**review.review.model_dump(mode="json"), "stale": review.stale},
    }


def render(data: ReportData) -> str:
    records = [finding_record(finding, data.reviews.get(finding.id)) for finding in data.findings]
    return dump_json({"findings": records}, indent=2) + "\n"
