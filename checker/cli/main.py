"""Command line: `claimcheck validate|check|review|new-article|normalize|schema|rules|bench`.

Exit codes, like the linters people know: 0 clean, 1 findings at or above the
fail threshold, 2 invalid input or usage. No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import importlib.metadata
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.cli import commands
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
    normalize.add_argument("--kind", required=True, choices=["money", "date", "quantity", "fraction"])
    normalize.add_argument("--reference-date", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    normalize.add_argument("texts", nargs="+", metavar="TEXT")
    normalize.set_defaults(run=commands.run_normalize)

    commands.add_check_parsers(sub, DEFAULT_CORPUS)
    commands.add_bench_parsers(sub)
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


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    previous = signal.signal(signal.SIGTERM, _on_terminate)
    try:
        return run(args)
    except KeyboardInterrupt:
        print("claimcheck: interrupted; no report was written over", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("claimcheck: terminated; no report was written over", file=sys.stderr)
        return EXIT_TERMINATED
    except OSError as error:
        return _os_error(error)
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        print(log_line(f"claimcheck: internal error: {type(error).__name__}: {error}. "
                       "Please report this with the command you ran."), file=sys.stderr)
        return EXIT_INVALID
    finally:
        signal.signal(signal.SIGTERM, previous)


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
