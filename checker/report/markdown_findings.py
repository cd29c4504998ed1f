"""One finding as the markdown report tells it: a heading in the registries' words, the rule's
message, the fact's value clusters (who says what), the changed words of a misquote, and one
short row per claim with links to the claim and to the article line."""

from __future__ import annotations

import difflib
import re
from collections import Counter

from checker.findings.finding import ClusterSummary, Finding, Status
from checker.report.data import ReportData
from checker.report.evidence_cells import (
    heading_text,
    plural,
    quote_room,
    short_quote,
    short_value,
    table,
    where,
)
from checker.report.safe import markdown_code, markdown_inline

QUOTE_FIDELITY = "CC105"
DIFF_CONTEXT = 4  # unchanged words kept around a change
_ROLES = {"majority": "the majority", "outlier": "differs", "side": "no majority", "fits": "fits, not corroborating"}
_QUOTED = re.compile("\u201c(.*)\u201d", re.S)


def finding_block(data: ReportData, finding: Finding, level: str = "###") -> str:
    # the rule's name tells apart two findings on one fact (a date that agrees, but with different firmness)
    parts = [f"{level} {heading_text(data, finding.key)} \u2014 {markdown_inline(finding.name.replace('-', ' '))}",
             f"{markdown_code(finding.rule)} {markdown_inline(finding.name)} \u00b7 {markdown_code(finding.key)}",
             markdown_inline(finding.message)]
    if finding.status is Status.CONFLICT and finding.rule == QUOTE_FIDELITY:
        parts.append(changed_words(finding))
    if len(finding.clusters) > 1:
        parts.append(clusters(finding.clusters))
    parts += [evidence_table(data, finding), _notes(data, finding)]
    return "\n\n".join(part for part in parts if part)


def clusters(summaries: tuple[ClusterSummary, ...]) -> str:
    """The fact's story: each value, who says it, how many independent sources, majority first."""
    lines = []
    for summary in summaries:
        articles = sorted({uid.split("/", 1)[0] for uid in summary.members})
        lines.append(f"- **{markdown_inline(summary.label)}**: {', '.join(markdown_code(a) for a in articles)} "
                     f"({plural(summary.sources, 'independent source')}; {_ROLES.get(summary.role, summary.role)})")
    return "\n".join(lines)


def evidence_table(data: ReportData, finding: Finding) -> str:
    rows = [[where(data, item), short_value(item), short_quote(item, quote_room(item))] for item in finding.evidence]
    return table(rows, ["Source", "Says", "Quote"])


def _notes(data: ReportData, finding: Finding) -> str:
    notes = [f"Finding {markdown_code(finding.id)}, evidence {markdown_code(finding.fingerprint)}, "
             f"severity {finding.severity.value}."]
    state = data.reviews.get(finding.id)
    if state is not None and state.stale:
        notes.append(f"**Stale review**: {markdown_inline(state.review.reviewer)} decided "
                     f"{state.review.decision} on {state.review.date.isoformat()}, but the evidence has changed since; "
                     "it counts as unreviewed.")
    return " ".join(notes)


def changed_words(finding: Finding) -> str:
    """A misquote's changed words, the reference rendering struck through where the other differs."""
    texts = _renderings(finding)
    if len(texts) < 2:
        return ""
    reference, *others = texts
    return "\n".join(f"Changed words: {word_diff(reference, other)}" for other in others)


def _renderings(finding: Finding) -> list[str]:
    """The distinct quoted words of the evidence, the reference first (the rule's message names it
    first; else the one most claims give)."""
    found = [match.group(1) for item in finding.evidence if (match := _QUOTED.search(item.value))]
    counts = Counter(found)

    def order(text: str) -> tuple[int, int, str]:
        place = finding.message.find(text)
        return (place if place >= 0 else len(finding.message), -counts[text], text)

    return sorted(counts, key=order)


def word_diff(old: str, new: str) -> str:
    """Old -> new as markdown: removed words ~~struck~~, added words **bold**, long unchanged runs cut."""
    before, after = old.split(), new.split()
    pieces: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    opcodes = matcher.get_opcodes()
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            pieces.append(_unchanged(before[i1:i2], position == 0, position == len(opcodes) - 1))
            continue
        if i2 > i1:
            pieces.append(f"~~{markdown_inline(' '.join(before[i1:i2]))}~~")
        if j2 > j1:
            pieces.append(f"**{markdown_inline(' '.join(after[j1:j2]))}**")
    return " ".join(piece for piece in pieces if piece)


def _unchanged(words: list[str], first: bool, last: bool) -> str:
    if len(words) <= 2 * DIFF_CONTEXT:
        return markdown_inline(" ".join(words))
    head = [] if first else words[:DIFF_CONTEXT]
    tail = [] if last else words[-DIFF_CONTEXT:]
    return " ".join(part for part in (markdown_inline(" ".join(head)), "\u2026", markdown_inline(" ".join(tail)))
                    if part)
