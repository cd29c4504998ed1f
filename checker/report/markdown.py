"""The discrepancy report an editor reads: GitHub-flavored markdown, tables by tabulate.

Conflicts first, then what is compatible (scope and modality notes), then what only one
source says, then what sources agree on; a coverage matrix shows which outlet stands
where. Every string from an article or a claim file is escaped (see `safe`). The output
is a function of the report data only: no clock, no paths of this machine.
"""

from __future__ import annotations

from collections import defaultdict

from tabulate import tabulate

from checker.findings.finding import Finding, Status
from checker.report.data import Change, ReportData
from checker.report.safe import markdown_code, markdown_inline

MATRIX_MAX_ARTICLES = 20
QUOTE_LIMIT = 240
_SECTION_TITLES = {
    Status.CONFLICT: "Conflicts to review",
    Status.COMPATIBLE: "Compatible: different scope or firmness, explained",
    Status.UNSUPPORTED: "Single-source claims",
    Status.CONSISTENT: "Corroborated by independent sources",
}
_CELL = {Status.CONFLICT: "conflicts", Status.COMPATIBLE: "compatible", Status.CONSISTENT: "agrees",
         Status.UNSUPPORTED: "only source"}
_CELL_PRIORITY = (Status.CONFLICT, Status.CONSISTENT, Status.COMPATIBLE, Status.UNSUPPORTED)


def render(data: ReportData) -> str:
    parts = ["# Discrepancy report", _summary(data)]
    if data.change is not None:
        parts.append(_change(data, data.change))
    confirmed = data.confirmed_errors()
    if confirmed:
        parts.append(_confirmed_errors(data, confirmed))
    confirmed_ids = {finding.id for finding in confirmed}
    reviewed = [finding for finding in data.findings if data.is_reviewed(finding) and finding.id not in confirmed_ids]
    for status in (Status.CONFLICT, Status.COMPATIBLE):
        parts.append(_detailed_section(data, status, [f for f in data.findings
                                                      if f.status is status and not data.is_reviewed(f)]))
    if reviewed:
        parts.append(_reviewed_section(data, reviewed))
    parts.append(_unsupported_section([f for f in data.findings if f.status is Status.UNSUPPORTED]))
    parts.append(_detailed_section(data, Status.CONSISTENT,
                                   [f for f in data.findings if f.status is Status.CONSISTENT]))
    parts.append(_coverage_matrix(data))
    if data.unchecked:
        parts.append(_unchecked(data))
    if data.resolved_reviews or data.archived_reviews:
        parts.append(_resolved(data))
    if data.drafts:
        parts.append(_drafts(data))
    parts.append(_how_to_review())
    return "\n\n".join(part for part in parts if part) + "\n"


def _table(rows, headers) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def _count(data: ReportData, status: Status) -> int:
    return sum(1 for finding in data.findings if finding.status is status)


def _summary(data: ReportData) -> str:
    reviewed = sum(1 for finding in data.findings if data.is_reviewed(finding))
    stale = sum(1 for state in data.reviews.values() if state.stale)
    rows = [[len(data.articles), data.claim_count, len(data.findings), _count(data, Status.CONFLICT),
             _count(data, Status.COMPATIBLE), _count(data, Status.UNSUPPORTED), _count(data, Status.CONSISTENT),
             reviewed, stale, len(data.unchecked)]]
    headers = ["Articles", "Claims", "Findings", "Conflicts", "Compatible", "Single-source", "Corroborated",
               "Reviewed", "Stale reviews", "Unchecked claims"]
    return f"{_table(rows, headers)}\n\n{_verdict(data)}"


def _verdict(data: ReportData) -> str:
    """What the numbers mean for this run: it fails only on what `blocking` holds, and says so."""
    open_conflicts = len(data.unreviewed(Status.CONFLICT))
    plural = "s" if open_conflicts != 1 else ""
    counted = (f"**{open_conflicts} conflict{plural} not yet reviewed.**" if open_conflicts
               else "**No unreviewed conflicts.**")
    blocking = data.blocking()
    if blocking:
        confirmed = len(data.confirmed_errors()) if data.confirmed_errors_fail else 0
        unreviewed = len(blocking) - confirmed
        reasons = ([f"{unreviewed} unreviewed finding{'s' if unreviewed != 1 else ''} until reviewed in "
                    "`claims/reviews.yaml`"] if unreviewed else [])
        reasons += [f"{confirmed} confirmed error{'s' if confirmed != 1 else ''} until corrected"] if confirmed else []
        return f"{counted} This check fails on {' and '.join(reasons)}."
    if open_conflicts and data.change is not None:
        return f"{counted} None of them is touched by this change: this check passes."
    if open_conflicts:
        return f"{counted} They do not fail this check (its fail-on setting)."
    return counted


def _change(data: ReportData, change: Change) -> str:
    by_id = {finding.id: finding for finding in data.findings}
    lines = [f"## What this change brings (against {markdown_inline(change.base)})"]
    articles = ", ".join(markdown_code(article) for article in change.new_articles) or "none"
    lines.append(f"New or edited articles: {articles}.")
    if change.new_findings:
        rows = [[markdown_code(f.id), f.status.value, markdown_inline(f.key), markdown_inline(f.message)]
                for f in (by_id[i] for i in change.new_findings)]
        lines.append("New findings:\n\n" + _table(rows, ["Finding", "Status", "About", "Why"]))
    if change.status_changes:
        rows = [[markdown_code(i), old, new, markdown_inline(by_id[i].key)] for i, old, new in change.status_changes]
        lines.append("Findings whose status changed:\n\n" + _table(rows, ["Finding", "Was", "Now", "About"]))
    if change.gone_findings:
        lines.append("Findings that no longer apply: " + ", ".join(markdown_code(i) for i in change.gone_findings) + ".")
    if change.new_claims:
        rows = [[markdown_code(claim.uid), claim.verdict] for claim in change.new_claims]
        lines.append("New claims against what the corpus already held:\n\n" + _table(rows, ["Claim", "Verdict"]))
    return "\n\n".join(lines)


def _detailed_section(data: ReportData, status: Status, findings: list[Finding]) -> str:
    title = f"## {_SECTION_TITLES[status]} ({len(findings)})"
    if not findings:
        return f"{title}\n\nNone."
    return "\n\n".join([title, *(_finding_block(data, finding) for finding in findings)])


def _finding_block(data: ReportData, finding: Finding) -> str:
    heading = f"### {finding.rule} {finding.name}: {markdown_inline(finding.key)}"
    state = data.reviews.get(finding.id)
    notes = [f"Finding {markdown_code(finding.id)}, evidence {markdown_code(finding.fingerprint)}, "
             f"severity {finding.severity.value}."]
    if state is not None and state.stale:
        notes.append(f"**Stale review**: {markdown_inline(state.review.reviewer)} decided "
                     f"{state.review.decision} on {state.review.date.isoformat()}, but the evidence has changed since; "
                     "it counts as unreviewed.")
    return "\n\n".join([heading, markdown_inline(finding.message), _evidence_table(finding), " ".join(notes)])


def _evidence_table(finding: Finding) -> str:
    rows = [[markdown_code(item.article), item.line, _quote(item.quote), markdown_inline(item.value),
             f"{markdown_code(item.claim_file)} line {item.claim_line}"] for item in finding.evidence]
    return _table(rows, ["Article", "Line", "Quote", "Normalized value", "Claim"])


def _quote(text: str) -> str:
    shown = text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "\u2026"
    return f"\u201c{markdown_inline(shown)}\u201d"


def _reviewed_section(data: ReportData, findings: list[Finding]) -> str:
    rows = []
    for finding in findings:
        review = data.reviews[finding.id].review
        rows.append([markdown_code(finding.id), finding.status.value, markdown_inline(finding.key), review.decision,
                     f"{markdown_inline(review.reviewer)}, {review.date.isoformat()}", markdown_inline(review.reason)])
    table = _table(rows, ["Finding", "Status", "About", "Decision", "Reviewed by", "Reason"])
    return f"## Reviewed ({len(findings)})\n\n{table}"


def _unsupported_section(findings: list[Finding]) -> str:
    title = f"## {_SECTION_TITLES[Status.UNSUPPORTED]} ({len(findings)})"
    if not findings:
        return f"{title}\n\nNone."
    rows = [[markdown_inline(finding.key), markdown_code(item.article), item.line, _quote(item.quote),
             markdown_inline(item.value), markdown_code(finding.id)]
            for finding in findings for item in finding.evidence]
    intro = "No other independent source states these. Not an error: a reason to check them before publishing."
    return f"{title}\n\n{intro}\n\n{_table(rows, ['About', 'Article', 'Line', 'Quote', 'Normalized value', 'Finding'])}"


def _coverage_matrix(data: ReportData) -> str:
    title = "## Coverage: which article stands where"
    if len(data.articles) > MATRIX_MAX_ARTICLES:
        return f"{title}\n\nOmitted: {len(data.articles)} articles are more than a readable table holds ({MATRIX_MAX_ARTICLES})."
    cells: dict[str, dict[str, set[Status]]] = defaultdict(lambda: defaultdict(set))
    for finding in data.findings:
        for item in finding.evidence:
            cells[item.key][item.article].add(finding.status)
    rows = []
    for key in sorted(cells):
        row = [markdown_inline(key)]
        for article in data.articles:
            statuses = cells[key].get(article)
            row.append(_CELL[next(s for s in _CELL_PRIORITY if s in statuses)] if statuses else "\u2014")
        rows.append(row)
    headers = ["Claim (subject · property · scope)", *(markdown_code(article) for article in data.articles)]
    legend = ("Each cell: what the findings say of that article's claim, conflicts first. agrees: an independent source says the "
              "same; conflicts: a source says otherwise; compatible: differs in scope or firmness, explained; "
              "only source: nobody else says it; \u2014: not stated.")
    return f"{title}\n\n{legend}\n\n{_table(rows, headers)}"


def _unchecked(data: ReportData) -> str:
    rows = [[markdown_code(f"{item.path}:{item.line}"), markdown_code(item.claim or "(whole file)"),
             markdown_inline(item.reason)] for item in data.unchecked]
    return f"## Not checked ({len(rows)})\n\nThese claims have input errors; fix them to have them checked.\n\n" + _table(
        rows, ["Where", "Claim", "Why"])


def _confirmed_errors(data: ReportData, findings: list[Finding]) -> str:
    rows = []
    for finding in findings:
        review = data.reviews[finding.id].review
        articles = ", ".join(sorted({markdown_code(item.article) for item in finding.evidence}))
        rows.append([markdown_code(finding.id), markdown_inline(finding.key), articles,
                     f"{markdown_inline(review.reviewer)}, {review.date.isoformat()}", markdown_inline(review.reason)])
    policy = ("They fail every check until corrected (`confirmed-errors = \"fail\"`)." if data.confirmed_errors_fail
              else "Listed until the article is corrected; they do not fail the check "
                   "(`confirmed-errors = \"fail\"` in `[tool.claimcheck]` makes them).")
    table = _table(rows, ["Finding", "About", "Articles", "Confirmed by", "Reason"])
    return f"## Confirmed errors awaiting correction ({len(findings)})\n\n{policy}\n\n{table}"


def _resolved(data: ReportData) -> str:
    title = f"## Resolved since the last review ({len(data.resolved_reviews)})"
    count = data.archived_reviews
    they, are = ("they", "are") if count != 1 else ("it", "is")
    archived = (f" {count} decision{'s' * (count != 1)} resolved earlier {are} on record in `claims/reviews.yaml` "
                f"with the date {they} resolved (`resolved:`)." if count else "")
    if not data.resolved_reviews:
        return f"{title}\n\nNone.{archived}"
    rows = [[markdown_code(review.finding), review.decision, markdown_inline(review.reviewer), review.date.isoformat(),
             markdown_inline(review.reason)] for review in data.resolved_reviews]
    intro = ("The findings these decisions were about no longer exist: the claims behind them were corrected or "
             "removed. Nothing to do; they stay on record in `claims/reviews.yaml`, and `claimcheck review --archive` "
             "marks them with the date they resolved." + archived)
    return f"{title}\n\n{intro}\n\n" + _table(rows, ["Finding", "Decision", "Reviewer", "Date", "Reason"])


def _drafts(data: ReportData) -> str:
    rows = [[markdown_code(f"{item.path}:{item.line}"), markdown_code(item.claim or "(whole file)")]
            for item in data.drafts]
    return (f"## Unconfirmed drafts ({len(rows)})\n\nProposed by `claimcheck draft` and not compared with other "
            "sources until an editor checks each against the article and deletes its `draft: true` line "
            "(or runs `claimcheck confirm`).\n\n" + _table(rows, ["Where", "Claim"]))


def _how_to_review() -> str:
    return ("## Recording a decision\n\nCopy the finding id and its evidence fingerprint into `claims/reviews.yaml`, "
            "or run `claimcheck review FINDING-ID --decision dismissed --reviewer NAME --reason \"...\"`. "
            "Decisions: `confirmed-error`, `dismissed`, `corrected`, `disputed`.")
