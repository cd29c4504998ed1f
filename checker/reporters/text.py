"""One line per finding, like the linters people know: `path:line:col: CODE status message`."""

from __future__ import annotations

from checker.reportdata import ReportData
from checker.reporters.safe import one_line


def render(data: ReportData) -> str:
    lines = []
    for finding in data.findings:
        at = finding.evidence[0]
        reviewed = " (reviewed)" if data.is_reviewed(finding) else ""
        lines.append(f"{at.claim_file}:{at.claim_line}:{at.claim_column}: {finding.rule} {finding.status}{reviewed} "
                     f"{one_line(finding.message)} [{finding.id}]")
    return "".join(line + "\n" for line in lines)
