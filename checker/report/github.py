"""GitHub Actions annotations, within GitHub's limits.

GitHub shows at most 10 annotations of each type per step and 50 per job: we annotate
the most important unreviewed findings first (conflicts as errors or warnings, then
compatible findings as notices), and end with one notice saying how many were left out
and where the full report is.
"""

from __future__ import annotations

from checker.findings.finding import Finding, Severity, Status
from checker.report.data import ReportData
from checker.report.safe import one_line

PER_TYPE_LIMIT = 10
PER_JOB_LIMIT = 50


def _escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF encoded as GitHub decodes them, and every other
    control or bidi character made visible, so the command stays one line of plain text."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation_type(finding: Finding) -> str | None:
    if finding.status is Status.CONFLICT:
        return "error" if finding.severity is Severity.ERROR else "warning"
    if finding.status is Status.COMPATIBLE:
        return "notice"
    return None


def _command(kind: str, finding: Finding) -> str:
    at = finding.evidence[0]
    properties = ",".join([
        f"file={_escape_property(at.claim_file)}",
        f"line={at.claim_line}",
        f"col={at.claim_column}",
        f"title={_escape_property(f'{finding.rule} {finding.name} ({finding.status.value})')}",
    ])
    return f"::{kind} {properties}::{_escape_data(finding.message + ' [' + finding.id + ']')}"


def render(data: ReportData) -> str:
    used = {"error": 0, "warning": 0, "notice": 0}
    lines, left_out = [], 0
    for finding in data.findings:
        kind = _annotation_type(finding)
        if kind is None or data.is_reviewed(finding):
            continue
        reserve = 1 if kind == "notice" else 0  # keep one notice for the summary line
        if used[kind] + reserve >= PER_TYPE_LIMIT or len(lines) + 1 >= PER_JOB_LIMIT:
            left_out += 1
            continue
        used[kind] += 1
        lines.append(_command(kind, finding))
    if left_out:
        lines.append(f"::notice title=claimcheck::{left_out} more findings were not annotated "
                     "(GitHub shows 10 per type); see the discrepancy report in the job summary.")
    return "".join(line + "\n" for line in lines)
