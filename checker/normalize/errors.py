"""The one exception every normalizer raises, so callers catch exactly one type."""

from __future__ import annotations


class NormalizationError(ValueError):
    """Surface text that cannot be normalized.

    `message` says what is wrong and `hint` how to fix it, both in plain English,
    because they are shown to the editor who wrote the claim.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} Hint: {self.hint}" if self.hint else self.message


class UnreadableValue(NormalizationError):
    """Words that no form of the value's kind reads ("a lot of money", "the day after the election").

    Only these errors suggest the closest accepted wording: a value that was read but is
    wrong ("$-5 billion" is negative) needs its own hint, not another wording.
    """


class NeedsPublicationDate(NormalizationError):
    """A relative expression ("last week", "the past few months") with no reference date.

    The loader turns this into an unresolved span for an article that states no
    publication date: the claim is kept and compared as "cannot be dated", not dropped.
    """


def quoted(text: str, limit: int = 60) -> str:
    """The text in quotes for an error message, shortened so messages stay readable."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)
