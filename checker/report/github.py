"""GitHub Actions annotations, where the change is, within GitHub's limits.

An annotation sits on the claim file an editor can fix: for a check of a change
(`--base`, `--new`), the claim of a changed article that the finding is about, and only
findings the change touches are annotated. Input errors come first (`::error` at their
file, line and column), then what fails the run (`::error`), then unreviewed conflicts
and compatible findings that do not (`::warning`). GitHub shows at most 10 annotations
of each type per step and 50 per job: one last notice says how many were left out and
where the full report is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from checker.findings.finding import Evidence, Finding, Status
from checker.report.data import ReportData
from checker.report.safe import one_line

PER_TYPE_LIMIT = 10
PER_JOB_LIMIT = 50


class InputError(Protocol):
    """What an input error gives an annotation (`checker.diagnostics.Diagnostic` has it)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str


def _escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF encoded as GitHub decodes them, and every other
    control or bidi character made visible, so the command stays one line of plain text."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, path: str, line: int, column: int, title: str, message: str) -> str:
    properties = ",".join([f"file={_escape_property(path)}", f"line={max(line, 1)}", f"col={max(column, 1)}",
                           f"title={_escape_property(title)}"])
    return f"::{kind} {properties}::{_escape_data(message)}"


def _where(data: ReportData, finding: Finding) -> Evidence:
    """The claim the finding is about in the change: the first one from a changed article."""
    changed = set(data.change.new_articles) if data.change is not None else set()
    return next((item for item in finding.evidence if item.article in changed), finding.evidence[0])


def _finding_command(data: ReportData, kind: str, finding: Finding) -> str:
    at = _where(data, finding)
    title = f"{finding.rule} {finding.name} ({finding.status.value})"
    return _command(kind, at.claim_file, at.claim_line, at.claim_column, title, f"{finding.message} [{finding.id}]")


def _input_error_command(error: InputError) -> str:
    message = f"{error.message} (hint: {error.hint})" if error.hint else error.message
    return _command("error", error.path, error.line, error.column, f"claimcheck {error.code} input error", message)


def _candidates(data: ReportData, input_errors: Iterable[InputError]) -> tuple[list[tuple[str, str]], int]:
    """(type, command) in the order the budget is spent, and the findings left out because the
    change does not touch them."""
    blocking = {finding.id for finding in data.blocking()}
    errors, warnings, elsewhere = [], [], 0
    for finding in data.findings:
        if finding.status not in (Status.CONFLICT, Status.COMPATIBLE):
            continue
        if finding.id not in blocking and data.is_reviewed(finding):
            continue
        if finding.id in blocking:  # what fails the run is shown, touched by the change or not
            errors.append(("error", _finding_command(data, "error", finding)))
        elif not data.touches_change(finding):
            elsewhere += 1
        else:
            warnings.append(("warning", _finding_command(data, "warning", finding)))
    first = [("error", _input_error_command(error)) for error in input_errors]
    return [*first, *errors, *warnings], elsewhere


def render(data: ReportData, input_errors: Iterable[InputError] = ()) -> str:
    candidates, elsewhere = _candidates(data, input_errors)
    used = {"error": 0, "warning": 0}
    lines, left_out = [], 0
    for kind, command in candidates:
        if used[kind] >= PER_TYPE_LIMIT or len(lines) + 1 >= PER_JOB_LIMIT:  # one kept for the summary notice
            left_out += 1
            continue
        used[kind] += 1
        lines.append(command)
    if left_out or elsewhere:
        parts = [f"{left_out} more annotations were left out (GitHub shows 10 per type)"] if left_out else []
        if elsewhere:
            parts.append(f"{elsewhere} unreviewed findings elsewhere in the corpus are not touched by this change")
        lines.append(f"::notice title=claimcheck::{_escape_data('; '.join(parts))}: "
                     "see the discrepancy report in the job summary.")
    return "".join(line + "\n" for line in lines)
