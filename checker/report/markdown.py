"""The discrepancy report an editor reads: GitHub-flavored markdown, in the order of what to do.

A header says what the report describes (claimcheck's version, the corpus's digest and
files, the base of a change); a few short lines sum it up; then (a) the change's own
verdict when a change is given, (b) the conflicts to review, (c) the confirmed errors
awaiting correction, (d) each article's findings; everything else is folded in
`<details>` blocks (`markdown_folded`) so the page opens short. Headings use the
registries' names, ids stay in small code spans; evidence rows are short and link to the
claim and the article line. Every string from an article or a claim file is escaped (see
`safe`). The output is a function of the report data only: no clock, no paths of this machine.
"""

from __future__ import annotations

from checker.findings.finding import Finding, Status
from checker.report import markdown_folded as fold
from checker.report.data import Change, ReportData
from checker.report.evidence_cells import article_name, heading_text, plural, table
from checker.report.markdown_findings import finding_block
from checker.report.safe import markdown_code, markdown_inline

ARTICLES_LISTED = 20  # beyond this, the per-article section lists only the articles with something to do
_PER_ARTICLE = ((Status.CONFLICT, "conflict", "conflicts"), (Status.COMPATIBLE, "compatible", "compatible"),
                (Status.CONSISTENT, "corroborated", "corroborated"),
                (Status.UNSUPPORTED, "single-source", "single-source"))


def render(data: ReportData) -> str:
    confirmed = data.confirmed_errors()
    confirmed_ids = {finding.id for finding in confirmed}
    reviewed = [finding for finding in data.findings if data.is_reviewed(finding) and finding.id not in confirmed_ids]
    parts = ["# Discrepancy report", _header(data), _verdict(data), _summary(data),
             _change(data, data.change) if data.change is not None else "",
             _conflicts(data, data.unreviewed(Status.CONFLICT)),
             _confirmed_errors(data, confirmed) if confirmed else "",
             _per_article(data),
             fold.findings_section(data, "Compatible: different scope or firmness, explained",
                                   data.unreviewed(Status.COMPATIBLE)),
             fold.reviewed_section(data, reviewed),
             fold.findings_section(data, "Corroborated by independent sources",
                                   [f for f in data.findings if f.status is Status.CONSISTENT]),
             fold.unsupported_section(data, [f for f in data.findings if f.status is Status.UNSUPPORTED]),
             fold.coverage_section(data), fold.unchecked_section(data), fold.resolved_section(data),
             fold.drafts_section(data), _how_to_review()]
    return "\n\n".join(part for part in parts if part) + "\n"


def _header(data: ReportData) -> str:
    """What the report describes; nothing that changes between two runs on the same input."""
    facts = []
    if data.described is not None:
        described = data.described
        facts.append(f"claimcheck {markdown_code(described.version)}")
        facts.append(f"corpus {markdown_code(described.corpus_digest)} ({plural(described.files, 'file')})")
    if data.change is not None:
        facts.append(f"change against {markdown_inline(data.change.base)}")
    return " \u00b7 ".join(facts)


def _count(data: ReportData, status: Status) -> int:
    return sum(1 for finding in data.findings if finding.status is status)


def _summary(data: ReportData) -> str:
    """The numbers, on two short lines (a GitHub page is not wide enough for a table of ten)."""
    reviewed = sum(1 for finding in data.findings if data.is_reviewed(finding))
    stale = sum(1 for state in data.reviews.values() if state.stale)
    found = ", ".join(plural(_count(data, status), singular, several) for status, singular, several in _PER_ARTICLE)
    first = (f"{plural(len(data.articles), 'article')}, {plural(data.claim_count, 'claim')}, "
             f"{plural(len(data.findings), 'finding')}: {found}.")
    second = (f"{reviewed} reviewed, {plural(stale, 'stale review')}, "
              f"{plural(len(data.unchecked), 'unchecked claim')}.")
    return f"{first}  \n{second}"


def _verdict(data: ReportData) -> str:
    """What the numbers mean for this run: it fails only on what `blocking` holds, and says so."""
    open_conflicts = len(data.unreviewed(Status.CONFLICT))
    counted = (f"**{plural(open_conflicts, 'conflict')} not yet reviewed.**" if open_conflicts
               else "**No unreviewed conflicts.**")
    blocking = data.blocking()
    if blocking:
        confirmed = len(data.confirmed_errors()) if data.confirmed_errors_fail else 0
        unreviewed = len(blocking) - confirmed
        reasons = ([f"{plural(unreviewed, 'unreviewed finding')} until reviewed in `claims/reviews.yaml`"]
                   if unreviewed else [])
        reasons += [f"{plural(confirmed, 'confirmed error')} until corrected"] if confirmed else []
        return f"{counted} This check fails on {' and '.join(reasons)}."
    if open_conflicts and data.change is not None:
        return f"{counted} None of them is touched by this change: this check passes."
    if open_conflicts:
        return f"{counted} They do not fail this check (its fail-on setting)."
    return counted


def _change(data: ReportData, change: Change) -> str:
    """The change's verdict, its new conflicts and status changes open; the rest of what it brings folded."""
    by_id = {finding.id: finding for finding in data.findings}
    blocking = data.blocking()
    verdict = (f"**This change fails the check**: it touches {plural(len(blocking), 'finding')} to review first."
               if blocking else "**This change passes the check**: it touches no unreviewed conflict.")
    articles = ", ".join(markdown_code(article) for article in change.new_articles) or "none"
    new = [by_id[i] for i in change.new_findings]
    conflicts = [finding for finding in new if finding.status is Status.CONFLICT]
    lines = [f"## This change (against {markdown_inline(change.base)})", verdict,
             f"New or edited articles: {articles}. {_brings(change, new)}"]
    if conflicts:
        lines.append("New conflicts:\n\n" + "\n".join(_finding_line(data, finding) for finding in conflicts))
    if change.status_changes:
        lines.append("Findings whose status changed:\n\n" + "\n".join(
            f"- {heading_text(data, by_id[i].key)} ({markdown_code(i)}): was {old}, now {new_status}"
            for i, old, new_status in change.status_changes))
    rest = _change_details(data, change, [finding for finding in new if finding.status is not Status.CONFLICT])
    return "\n\n".join([*lines, *([fold.folded("Everything else this change brings", rest)] if rest else [])])


def _brings(change: Change, new: list[Finding]) -> str:
    counted = ", ".join(plural(sum(1 for f in new if f.status is status), singular, several)
                        for status, singular, several in _PER_ARTICLE if any(f.status is status for f in new))
    said = [f"{plural(len(new), 'new finding')}" + (f" ({counted})" if counted else "")]
    if change.gone_findings:
        said.append(f"{len(change.gone_findings)} no longer apply")
    said.append(plural(len(change.new_claims), "new or changed claim"))
    return "It brings " + ", ".join(said) + "."


def _change_details(data: ReportData, change: Change, others: list[Finding]) -> str:
    parts = []
    if others:
        parts.append("New findings:\n\n" + "\n".join(_finding_line(data, finding) for finding in others))
    if change.gone_findings:
        parts.append("Findings that no longer apply: " + ", ".join(markdown_code(i) for i in change.gone_findings) + ".")
    if change.new_claims:
        rows = [[markdown_code(claim.uid), claim.verdict] for claim in change.new_claims]
        parts.append("New claims against what the corpus already held:\n\n" + table(rows, ["Claim", "Verdict"]))
    return "\n\n".join(parts)


def _finding_line(data: ReportData, finding: Finding) -> str:
    said = next(singular for status, singular, _ in _PER_ARTICLE if status is finding.status)
    return f"- **{said}**: {heading_text(data, finding.key)} ({markdown_code(finding.id)})"


def _conflicts(data: ReportData, findings: list[Finding]) -> str:
    """Those a change touches first: they decide its verdict."""
    touched = [finding for finding in findings if data.touches_change(finding)]
    counted = f"{len(findings)}, {len(touched)} touched by this change" if data.change is not None else len(findings)
    title = f"## Conflicts to review ({counted})"
    if not findings:
        return f"{title}\n\nNone."
    ordered = [*touched, *(finding for finding in findings if finding not in touched)]
    return "\n\n".join([title, *(finding_block(data, finding) for finding in ordered)])


def _confirmed_errors(data: ReportData, findings: list[Finding]) -> str:
    lines = []
    for finding in findings:
        review = data.reviews[finding.id].review
        articles = ", ".join(sorted({markdown_code(item.article) for item in finding.evidence}))
        lines.append(f"- **{heading_text(data, finding.key)}** ({markdown_code(finding.id)}) in {articles}: "
                     f"confirmed by {markdown_inline(review.reviewer)} on {review.date.isoformat()}: "
                     f"{markdown_inline(review.reason)}")
    policy = ("They fail every check until corrected (`confirmed-errors = \"fail\"`)." if data.confirmed_errors_fail
              else "Listed until the article is corrected; they do not fail the check "
                   "(`confirmed-errors = \"fail\"` in `[tool.claimcheck]` makes them).")
    return f"## Confirmed errors awaiting correction ({len(findings)})\n\n{policy}\n\n" + "\n".join(lines)


def _per_article(data: ReportData) -> str:
    """Each article's findings in one line: where an editor of that article starts."""
    counts: dict[str, dict[Status, int]] = {article: {} for article in data.articles}
    for finding in data.findings:
        for article in sorted({item.article for item in finding.evidence}):
            tally = counts.setdefault(article, {})
            tally[finding.status] = tally.get(finding.status, 0) + 1
    shown, note = _articles_listed(data, counts)
    rows = [[article_name(data, article), _tally(counts[article])] for article in shown]
    body = table(rows, ["Article", "Findings"]) if rows else "No article."
    return f"## By article\n\n{body}" + (f"\n\n{note}" if note else "")


def _articles_listed(data: ReportData, counts: dict[str, dict[Status, int]]) -> tuple[list[str], str]:
    if data.change is not None:
        return list(data.change.new_articles), ""
    if len(counts) <= ARTICLES_LISTED:
        return sorted(counts), ""
    with_conflicts = sorted(article for article, tally in counts.items() if tally.get(Status.CONFLICT))
    return with_conflicts, (f"{len(counts) - len(with_conflicts)} other articles have no conflict; the JSON report "
                            "(`--format json`) lists every finding.")


def _tally(tally: dict[Status, int]) -> str:
    said = [plural(tally[status], singular, several) for status, singular, several in _PER_ARTICLE if tally.get(status)]
    return ", ".join(said) or "nothing compared"


def _how_to_review() -> str:
    return ("## Recording a decision\n\nCopy the finding id and its evidence fingerprint into `claims/reviews.yaml`, "
            "or run `claimcheck review FINDING-ID --decision dismissed --reviewer NAME --reason \"...\"`. "
            "Decisions: `confirmed-error`, `dismissed`, `corrected`, `disputed`.")
