"""Command line: `claimcheck validate|check|normalize|schema|rules|draft|confirm`.

Exit codes, like the linters people know: 0 clean, 1 findings at or above the
fail threshold, 2 invalid input or usage. No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.cli import commands, draft_commands

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2
DEFAULT_CORPUS = Path("claims")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors too; keep its wording
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Compare typed claims across news articles.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = sub.add_parser("validate", help="check claim files, registries and quotes; report every input error")
    validate.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
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
    draft_commands.add_draft_parsers(sub, DEFAULT_CORPUS, _iso_date)
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-11-21") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback reaches a user
        print(f"claimcheck: internal error: {type(error).__name__}: {error}. "
              "Please report this with the command you ran.", file=sys.stderr)
        return EXIT_INVALID

