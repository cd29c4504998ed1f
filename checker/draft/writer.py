"""Draft claims as claim-file YAML: every claim marked `draft: true`, with a comment saying why.

Each claim is dumped by PyYAML (so any text the article holds is quoted safely) and
written under a comment; names the registry lacks are proposed in a comment at the end,
never added to the registry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import yaml

from checker.draft.drafter import Draft, DraftClaim

HEADER = """# yaml-language-server: $schema=../schemas/claim-file.schema.json
# Drafted by `claimcheck draft` from {text}. Every claim is a DRAFT, not compared with other
# sources until an editor confirms it: check its quote, subject, property, value and
# qualifiers against the article, fix or delete it, then delete its `draft: true` line
# (or run `claimcheck confirm THIS-FILE`). `property: null` means: choose one.
"""


def claim_ids(claims: Sequence[DraftClaim], taken: Iterable[str] = ()) -> list[str]:
    used = set(taken)
    ids = []
    for claim in claims:
        base = _slug(f"{claim.subject}-{claim.property or claim.value['kind']}")[:72].strip("-") or "claim"
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        ids.append(candidate)
    return ids


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def claim_data(claim: DraftClaim, claim_id: str) -> dict:
    data: dict = {"id": claim_id, "subject": claim.subject, "property": claim.property, "value": claim.value}
    if claim.qualifiers:
        data["qualifiers"] = claim.qualifiers
    quote = claim.quote
    data["quote"] = quote.exact if quote.prefix is None else {"exact": quote.exact, "prefix": quote.prefix}
    data["draft"] = True
    return data


def render_claims(claims: Sequence[DraftClaim], ids: Sequence[str]) -> str:
    parts = []
    for claim, claim_id in zip(claims, ids, strict=True):
        dumped = yaml.safe_dump([claim_data(claim, claim_id)], allow_unicode=True, sort_keys=False,
                                default_flow_style=None, width=110)
        indented = "".join(f"  {line}\n" for line in dumped.splitlines())
        parts.append(f"\n  # draft: {_comment(claim.reason)}\n{indented}")
    return "".join(parts)


def render_proposals(draft: Draft) -> str:
    lines = []
    if draft.unknown_names:
        lines.append("\n# Names the registry does not know; add those that matter to registry/entities.yaml")
        lines.append("# (check the kind), then use their ids above:")
        for name in draft.unknown_names:
            kind = "organization" if _CORPORATE.search(name) else "person"  # a guess: the editor checks it
            lines.append(f"#   - {{id: {_slug(name)[:80] or 'entity'}, name: {_comment(name)}, kind: {kind}}}")
    if draft.left_out:
        lines.append("\n# Found but not drafted:")
        lines.extend(f"#   - {_comment(item)}" for item in draft.left_out)
    return "\n".join(lines) + ("\n" if lines else "")


def render_file(draft: Draft, article_id: str, text_path: str, published: dt.date | None,
                publisher: str | None, url: str | None) -> str:
    article = {"id": article_id, "text": text_path, "title": None, "publisher": publisher, "url": url,
               "published": published, "timezone": None, "derived_from": []}
    head = HEADER.format(text=_comment(text_path))
    body = yaml.safe_dump({"article": article}, allow_unicode=True, sort_keys=False, width=110)
    ids = claim_ids(draft.claims)
    claims = "claims:" + (render_claims(draft.claims, ids) if draft.claims else " []\n")
    return head + body + "\n" + claims + render_proposals(draft)


_CORPORATE = re.compile(r"\b(?:Corp|Corporation|Inc|Ltd|LLC|Group|Holdings|Co|Bank|Technologies|Systems|Capital|"
                        r"Partners|Motors|Industries|Labs|Institute|University|Agency|Ministry)\b\.?")


def _comment(text: str) -> str:
    """Text safe inside a YAML comment: one line, printable."""
    return re.sub(r"\s+", " ", "".join(char if char.isprintable() else " " for char in text)).strip()
