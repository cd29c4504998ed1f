""""Did you mean ...?" for an id that is not in a registry: the closest ids it holds."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MAX_SUGGESTIONS = 3
CLOSENESS = 0.75  # difflib's ratio; below it, unrelated ids of similar length start to appear


def did_you_mean(unknown: str, known: Iterable[str]) -> str:
    """'; did you mean 'young-liu'?' (or '... 'a' or 'b'?'), or '' when nothing is close."""
    close = difflib.get_close_matches(unknown, list(known), n=MAX_SUGGESTIONS, cutoff=CLOSENESS)
    if not close:
        return ""
    quoted = [repr(candidate) for candidate in close]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"; did you mean {listed}?"


def unknown_id_message(kind: str, unknown: str, known: Iterable[str]) -> str:
    """The message for an id missing from a registry, e.g. "unknown entity 'yung-liu'; did you mean 'young-liu'?"."""
    return f"unknown {kind} {unknown!r}{did_you_mean(unknown, known)}"
