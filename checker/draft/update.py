"""Add drafts to an existing claim file, and confirm drafts, without re-dumping the file.

An editor's file keeps its bytes: `--update` appends the drafts the file does not cover
yet (a draft is covered when a claim of the same kind of value already quotes words it
overlaps), and `confirm` deletes `draft: true` lines, nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from checker.draft.drafter import Draft, DraftClaim
from checker.draft.writer import claim_ids, render_claims, render_proposals
from checker.load.provenance import FoldedText


class UpdateError(ValueError):
    """The file cannot be changed as asked; the message says why and what to do."""


def existing_spans(data: dict, article: FoldedText) -> list[tuple[str, int, int]]:
    """(value kind, start, end) of each claim the file already holds, where its quote is found."""
    spans = []
    for claim in data.get("claims") or []:
        if not isinstance(claim, dict) or not isinstance(claim.get("value"), dict):
            continue
        quote = claim.get("quote")
        exact, prefix, suffix = (quote, None, None) if isinstance(quote, str) else (
            (quote.get("exact"), quote.get("prefix"), quote.get("suffix")) if isinstance(quote, dict) else (None,) * 3)
        if not isinstance(exact, str):
            continue
        for span in article.occurrences(exact, prefix, suffix):
            spans.append((str(claim["value"].get("kind")), span.start, span.end))
    return spans


def uncovered(draft: Draft, data: dict, article: FoldedText) -> list[DraftClaim]:
    spans = existing_spans(data, article)
    return [claim for claim in draft.claims
            if not any(kind == claim.value["kind"] and start < claim.end and claim.start < end
                       for kind, start, end in spans)]


def appended(original: str, data: dict, draft: Draft, article: FoldedText) -> tuple[str, int]:
    """The file's text with the uncovered drafts appended to its claims, and how many there are."""
    new = uncovered(draft, data, article)
    if not new:
        return original, 0
    if list(data)[-1:] != ["claims"] and "claims" in data:
        raise UpdateError("`claims:` is not the last section of the file: move it last so drafts can be appended")
    if data.get("claims") == [] and re.search(r"^claims:[ \t]*\[\][ \t]*(#.*)?$", original, re.MULTILINE):
        # `claimcheck new-article`'s skeleton: an empty inline list becomes the block list drafts join
        original = re.sub(r"^claims:[ \t]*\[\]", "claims:", original, count=1, flags=re.MULTILINE)
    if "claims" in data and not re.search(r"^claims:[ \t]*(#.*)?$", original, re.MULTILINE):
        raise UpdateError("`claims:` is written inline (e.g. `claims: []`): write it as a block list first")
    taken = [str(c.get("id")) for c in data.get("claims") or [] if isinstance(c, dict)]
    text = original if original.endswith("\n") else original + "\n"
    if "claims" not in data:
        text += "claims:\n"
    text += "\n  # ---- drafted by `claimcheck draft --update` ----" + render_claims(new, claim_ids(new, taken))
    return text + render_proposals(Draft((), draft.unknown_names, ())), len(new)


_CLAIM_START = re.compile(r"^  - id:\s*['\"]?([a-z0-9-]+)")
_DRAFT_LINE = re.compile(r"^\s+draft:\s*true\s*(#.*)?$")


def confirmed(original: str, data: dict, wanted: Sequence[str]) -> tuple[str, list[str]]:
    """The text with the `draft: true` lines of the wanted claims (all when none named) deleted."""
    claims = {str(c.get("id")): c for c in data.get("claims") or [] if isinstance(c, dict)}
    unknown = [claim_id for claim_id in wanted if claim_id not in claims]
    if unknown:
        raise UpdateError(f"no claim {', '.join(unknown)} in the file")
    chosen = set(wanted) or {claim_id for claim_id, claim in claims.items() if claim.get("draft") is True}
    unfinished = sorted(claim_id for claim_id in chosen if claims[claim_id].get("property") is None)
    if unfinished:
        raise UpdateError(f"choose a property first for {', '.join(unfinished)} (it is `property: null`)")
    lines, current, done = [], None, []
    for line in original.splitlines(keepends=True):
        start = _CLAIM_START.match(line)
        if start:
            current = start.group(1)
        if current in chosen and _DRAFT_LINE.match(line):
            done.append(current)
            continue
        lines.append(line)
    return "".join(lines), done


def parse(original: str) -> dict:
    try:
        data = yaml.safe_load(original)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "cannot be read"
        raise UpdateError(f"the file is not valid YAML{where}: {problem}; run `claimcheck validate`") from None
    if not isinstance(data, dict):
        raise UpdateError("the file is not a claim file (no `article:` and `claims:`)")
    return data
