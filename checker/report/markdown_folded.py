"""The markdown report's folded part: what an editor opens only when needed, each section in a
`<details>` block so that the page opens short (compatible, reviewed, corroborated,
single-source, coverage, unchecked, resolved, drafts)."""

from __future__ import annotations

from collections import defaultdict

from checker.findings.finding import Finding, Status
from checker.report.data import ReportData
from checker.report.evidence_cells import heading_text, plural, short_value, summary_text, table, where
from checker.report.markdown_findings import finding_block
from checker.report.safe import markdown_code, markdown_inline

MATRIX_MAX_ARTICLES = 20
_CELL = {Status.CONFLICT: "\u2717", Status.COMPATIBLE: "\u2248", Status.CONSISTENT: "\u2713",
         Status.UNSUPPORTED: "1"}
_CELL_PRIORITY = (Status.CONFLICT, Status.CONSISTENT, Status.COMPATIBLE, Status.UNSUPPORTED)


def folded(title: str, body: str) -> str:
    """A section closed until clicked; the blank lines let GitHub read the body as markdown."""
    return f"<details><summary>{summary_text(title)}</summary>\n\n{body}\n\n</details>"


def findings_section(data: ReportData, title: str, findings: list[Finding], intro: str = "") -> str:
    if not findings:
        return ""
    blocks = [finding_block(data, finding, "####") for finding in findings]
    return folded(f"{title} ({len(findings)})", "\n\n".join([intro, *blocks] if intro else blocks))


def reviewed_section(data: ReportData, findings: list[Finding]) -> str:
    if not findings:
        return ""
    lines = []
    for finding in findings:
        review = data.reviews[finding.id].review
        lines.append(f"- **{heading_text(data, finding.key)}** ({finding.status.value}, {markdown_code(finding.id)}): "
                     f"{review.decision} by {markdown_inline(review.reviewer)} on {review.date.isoformat()}: "
                     f"{markdown_inline(review.reason)}")
    return folded(f"Reviewed ({len(findings)})", "\n".join(lines))


def unsupported_section(data: ReportData, findings: list[Finding]) -> str:
    if not findings:
        return ""
    lines = [f"- **{heading_text(data, finding.key)}**: {short_value(item)} \u2014 {where(data, item)} "
             f"({markdown_code(finding.id)})" for finding in findings for item in finding.evidence]
    intro = "No other independent source states these. Not an error: a reason to check them before publishing."
    return folded(f"Single-source claims ({len(findings)})", intro + "\n\n" + "\n".join(lines))


def coverage_section(data: ReportData) -> str:
    title = "Coverage: which article stands where"
    if len(data.articles) > MATRIX_MAX_ARTICLES:
        return folded(title, f"Omitted: {len(data.articles)} articles are more than a readable table holds "
                             f"({MATRIX_MAX_ARTICLES}).")
    cells: dict[str, dict[str, set[Status]]] = defaultdict(lambda: defaultdict(set))
    for finding in data.findings:
        for item in finding.evidence:
            cells[item.key][item.article].add(finding.status)
    if not cells:
        return ""
    rows = []
    for key in sorted(cells):
        row = [heading_text(data, key)]
        for article in data.articles:
            statuses = cells[key].get(article)
            row.append(_CELL[next(s for s in _CELL_PRIORITY if s in statuses)] if statuses else "\u00b7")
        rows.append(row)
    columns = "; ".join(f"{number} {markdown_code(article)}" for number, article in enumerate(data.articles, 1))
    legend = (f"Columns: {columns}. Each cell: what the findings say of that article's claim, conflicts first. "
              "\u2713 an independent source says the same; \u2717 a source says otherwise; \u2248 differs in scope "
              "or firmness, explained; 1 nobody else says it; \u00b7 not stated.")
    headers = ["Claim", *(str(number) for number in range(1, len(data.articles) + 1))]
    return folded(title, f"{legend}\n\n{table(rows, headers)}")


def unchecked_section(data: ReportData) -> str:
    if not data.unchecked:
        return ""
    rows = [[markdown_code(f"{item.path}:{item.line}"), markdown_code(item.claim or "(whole file)"),
             markdown_inline(item.reason)] for item in data.unchecked]
    return folded(f"Not checked ({len(rows)})", "These claims have input errors; fix them to have them checked.\n\n"
                  + table(rows, ["Where", "Claim", "Why"]))


def resolved_section(data: ReportData) -> str:
    if not data.resolved_reviews and not data.archived_reviews:
        return ""
    title = f"Resolved since the last review ({len(data.resolved_reviews)})"
    count = data.archived_reviews
    they, are = ("they", "are") if count != 1 else ("it", "is")
    archived = (f" {plural(count, 'decision')} resolved earlier {are} on record in `claims/reviews.yaml` "
                f"with the date {they} resolved (`resolved:`)." if count else "")
    if not data.resolved_reviews:
        return folded(title, f"None.{archived}")
    lines = [f"- {markdown_code(review.finding)}: {review.decision} by {markdown_inline(review.reviewer)} on "
             f"{review.date.isoformat()}: {markdown_inline(review.reason)}" for review in data.resolved_reviews]
    intro = ("The findings these decisions were about no longer exist: the claims behind them were corrected or "
             "removed. Nothing to do; they stay on record in `claims/reviews.yaml`, and `claimcheck review --archive` "
             "marks them with the date they resolved." + archived)
    return folded(title, intro + "\n\n" + "\n".join(lines))


def drafts_section(data: ReportData) -> str:
    if not data.drafts:
        return ""
    rows = [[markdown_code(f"{item.path}:{item.line}"), markdown_code(item.claim or "(whole file)")]
            for item in data.drafts]
    return folded(f"Unconfirmed drafts ({len(rows)})",
                  "Proposed by `claimcheck draft` and not compared with other sources until an editor checks each "
                  "against the article and deletes its `draft: true` line (or runs `claimcheck confirm`).\n\n"
                  + table(rows, ["Where", "Claim"]))
