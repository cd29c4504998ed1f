"""Command line: `claimcheck validate|check|review|new-article|draft|confirm|normalize|schema|rules|bench`.

Exit codes, like the linters people know: 0 clean, 1 findings at or above the
fail threshold, 2 invalid input or usage. No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import importlib.metadata
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.cli import commands, draft_commands
from checker.cli.help_texts import explain
from checker.cli.new_article import add_new_article_parser
from checker.report.safe import log_line

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2
DEFAULT_CORPUS = Path("claims")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors too; keep its wording
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Compare typed claims across news articles.")
    parser.add_argument("--version", action="version", version=f"claimcheck {installed_version()}",
                        help="print claimcheck's version and exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = sub.add_parser("validate", help="check claim files, registries and quotes; report every input error")
    validate.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, metavar="CORPUS")
    validate.set_defaults(run=commands.run_validate)

    schema = sub.add_parser("schema", help="write the JSON Schemas generated from the models")
    schema.add_argument("--out", type=Path, default=Path("schemas"))
    schema.add_argument("--check", action="store_true", help="exit 1 if the files on disk differ")
    schema.set_defaults(run=commands.run_schema)

    normalize = sub.add_parser("normalize", help="print the normalized interval of value texts, as JSON lines")
    normalize.add_argument("--kind", required=True, choices=["money", "date", "quantity", "count", "fraction"])
    normalize.add_argument("--reference-date", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    normalize.add_argument("--tense", choices=["past", "future"], default="past",
                           help="which way a bare weekday, month, quarter or season points (default: past)")
    normalize.add_argument("texts", nargs="+", metavar="TEXT")
    normalize.set_defaults(run=commands.run_normalize)

    commands.add_check_parsers(sub, DEFAULT_CORPUS)
    commands.add_bench_parsers(sub)
    draft_commands.add_draft_parsers(sub, DEFAULT_CORPUS, _iso_date)
    add_new_article_parser(sub, DEFAULT_CORPUS)
    explain(parser)
    return parser


def installed_version() -> str:
    try:
        return importlib.metadata.version("claimcheck")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-11-21") from None


EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as shells report them


class Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C, with the exit code a shell expects."""


def _on_terminate(_signal: int, _frame) -> None:
    raise Terminated


STOP_WITHIN = 1.5  # seconds: after a signal the check stops in order, or is stopped without it


def _watched(handler):
    """As a program, a signal also starts a watchdog: should the orderly stop hang (a signal can
    strike inside a library's lock), the process exits anyway, with the signal's exit code. The
    report on disk is never half-written (writes are atomic), and workers die with their parent."""
    def on_signal(number: int, frame) -> None:
        if not _STOPPING:
            _STOPPING.append(128 + number)
            threading.Thread(target=_exit_later, args=(128 + number,), daemon=True).start()
        handler(number, frame)
    return on_signal


_STOPPING: list[int] = []  # the exit code of the signal being obeyed, once one arrived


def _exit_later(code: int) -> None:
    time.sleep(STOP_WITHIN)
    _stopped("interrupted" if code == EXIT_INTERRUPTED else "terminated", code, True)


def _quiet_when_stopping(unraisable) -> None:
    """A signal that strikes inside a callback Python cannot raise from (an at-fork handler, a
    destructor) is swallowed there and printed as a traceback: the watchdog stops the check
    instead, and nothing is printed."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt | Terminated):
        return
    sys.__unraisablehook__(unraisable)


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    as_program = argv is None
    if as_program:
        sys.unraisablehook = _quiet_when_stopping
    handlers = {signal.SIGTERM: _on_terminate, signal.SIGINT: signal.default_int_handler}
    previous = {number: signal.signal(number, _watched(handler) if as_program else handler)
                for number, handler in handlers.items()}
    try:
        return run(args)
    except KeyboardInterrupt:
        return _stopped("interrupted", EXIT_INTERRUPTED, argv is None)
    except Terminated:
        return _stopped("terminated", EXIT_TERMINATED, argv is None)
    except OSError as error:
        return _os_error(error)
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        if _STOPPING:  # a worker struck by the same Ctrl-C broke the pool: still just an interruption
            return _stopped("interrupted" if _STOPPING[0] == EXIT_INTERRUPTED else "terminated", _STOPPING[0], True)
        print(log_line(f"claimcheck: internal error: {type(error).__name__}: {error}. "
                       "Please report this with the command you ran."), file=sys.stderr)
        return EXIT_INVALID
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _stopped(how: str, code: int, as_program: bool) -> int:
    print(f"claimcheck: {how}; no report was written over", file=sys.stderr)
    if as_program:  # a signal may have struck inside a library's lock: leave now, run no exit handler
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    return code


def _os_error(error: OSError) -> int:
    """A fault of the system (permissions, a full disk, a file where a directory belongs): one line."""
    where = error.filename if error.filename is not None else "a file"
    hints = {errno.EACCES: "check its permissions", errno.EPERM: "check its permissions",
             errno.ENOSPC: "free some disk space", errno.EROFS: "the file system is read-only: write elsewhere",
             errno.ENOTDIR: "a file stands where a directory is expected", errno.EISDIR: "name a file, not a directory"}
    hint = hints.get(error.errno or 0, "check the path")
    print(log_line(f"claimcheck: error: {where}: {error.strerror or error} ({hint})"), file=sys.stderr)
    return EXIT_INVALID


def _safe_streams() -> None:
    """Text the terminal's encoding cannot show comes out as escapes, never as a crash."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
