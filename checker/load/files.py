"""Reading corpus files defensively: inside the corpus, bounded in size, real UTF-8 text."""

from __future__ import annotations

from pathlib import Path

from checker.model.diagnostics import Code, Diagnostic, InputError

MAX_CLAIM_FILE_BYTES = 1_048_576  # 1 MiB: hundreds of times the largest hand-written claim file
MAX_ARTICLE_BYTES = 2_097_152  # 2 MiB: a long feature is about 100 KB


def inside(root: Path, candidate: Path) -> bool:
    """Whether candidate, with every symlink followed, stays within root."""
    try:
        return candidate.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # symlink loops
        return False


def read_text(path: Path, display: str, limit: int, *, strip_bom: bool) -> str:
    """The file's text, or an InputError saying exactly why it cannot be used."""

    def fail(message: str, hint: str, line: int = 1, column: int = 1) -> InputError:
        return InputError(Diagnostic(display, line, column, Code.FILE_UNREADABLE, message, hint))

    try:
        if not path.is_file():
            if path.exists():
                raise fail("not a regular file (a directory, FIFO, socket or device)", "name the file itself")
            raise fail("file not found", "check the path, relative to the claim file")
        size = path.stat().st_size
        if size > limit:
            raise fail(f"file is {size} bytes, over the limit of {limit}", "split it or trim it")
        raw = path.read_bytes()
    except OSError as error:
        raise fail(f"file cannot be read: {error.strerror or error}", "check it exists and is readable") from None
    if b"\x00" in raw:
        raise fail("file is binary (it contains NUL bytes)", "save it as plain UTF-8 text")
    try:
        text = raw.decode("utf-8-sig" if strip_bom else "utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise fail(f"file is not UTF-8 (byte {raw[error.start]:#04x})", "re-save the file as UTF-8", line, column) from None
    if not text.strip("\ufeff \t\r\n"):
        raise fail("file is empty", "paste the article text or the claims into it")
    return text
