"""One line per finding, like the linters people know: `path:line:col: CODE status message`."""

from __future__ import annotations

from collections.abc import Iterator

from checker.report.data import ReportData
from checker.report.safe import log_line


def render(data: ReportData) -> str:
    return "".join(render_lines(data))


def render_lines(data: ReportData) -> Iterator[str]:
    """The report line by line, so that a large one is written without being held whole."""
    for finding in data.findings:
        at = finding.evidence[0]
        reviewed = " (reviewed)" if data.is_reviewed(finding) else ""
        yield log_line(f"{at.claim_file}:{at.claim_line}:{at.claim_column}: {finding.rule} {finding.status}{reviewed} "
                       f"{finding.message} [{finding.id}]") + "\n"
