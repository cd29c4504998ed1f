"""A one-line progress bar on stderr, for long runs, only when stderr is a terminal.

Nothing is written when stderr is a file or a pipe (CI logs, tests): the report and the
diagnostics stay exactly what they were.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30
REDRAW_EVERY = 0.1  # seconds: often enough to look alive, rarely enough to cost nothing


class ProgressBar:
    """`claimcheck: loading  4,210/10,000 [############..................]  42%`, redrawn in place."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last_drawn = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last_drawn < REDRAW_EVERY:
            return
        self.last_drawn = now
        filled = WIDTH * done // max(total, 1)
        self._draw(f"loading {done:>7,}/{total:,} [{'#' * filled}{'.' * (WIDTH - filled)}] "
                   f"{100 * done // max(total, 1):3d}%")

    def stage(self, text: str) -> None:
        """A stage that has no count, such as comparing the claims."""
        self._draw(text)

    def done(self, summary: str = "") -> None:
        if self.shown:
            self.stream.write("\r\033[K" + (f"claimcheck: {summary}\n" if summary else ""))
            self.stream.flush()
            self.shown = False

    def _draw(self, text: str) -> None:
        self.stream.write(f"\r\033[Kclaimcheck: {text}")
        self.stream.flush()
        self.shown = True


def progress_bar(stream: TextIO | None = None) -> ProgressBar | None:
    stream = stream if stream is not None else sys.stderr
    try:
        return ProgressBar(stream) if stream.isatty() else None
    except (AttributeError, ValueError):  # a closed or unusual stream: no bar
        return None
