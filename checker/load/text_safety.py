"""Characters that have no place in a claim file: they hide or reorder what a reviewer sees."""

from __future__ import annotations

import re

# C0 and C1 controls except tab, newline and carriage return; bidirectional embeddings,
# overrides, isolates and marks (the "Trojan Source" characters).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def unsafe_character(text: str) -> str | None:
    """Describe the first control or bidirectional character in text, if any."""
    found = _UNSAFE.search(text)
    if found is None:
        return None
    char = found.group()
    kind = "control" if ord(char) < 0xA0 else "bidirectional control"
    return f"{kind} character U+{ord(char):04X}"
