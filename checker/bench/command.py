"""`claimcheck bench generate`: the synthetic corpus for benchmarks, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_CLEAN, EXIT_INVALID = 0, 2


def add_bench_parser(sub) -> None:
    bench = sub.add_parser("bench", help="benchmark support: generate a synthetic corpus")
    actions = bench.add_subparsers(dest="bench_command", required=True, parser_class=type(bench))
    generate = actions.add_parser("generate", help="write a synthetic corpus of N articles, deterministic for a seed")
    generate.add_argument("--articles", type=_positive, required=True, metavar="N")
    generate.add_argument("--seed", default="1", metavar="S", help="any text; the same seed gives the same corpus")
    generate.add_argument("--out", type=Path, required=True, metavar="DIR", help="a new or empty directory")
    generate.set_defaults(run=run_generate)


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return number


def run_generate(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(f"claimcheck: error: {str(out)!r} is not an empty directory; "
              "choose a new one so no file of another corpus stays behind", file=sys.stderr)
        return EXIT_INVALID
    from checker.bench.generate import generate_corpus  # only when asked: `check` never loads the generator

    world = generate_corpus(out, args.articles, args.seed)
    print(f"wrote {len(world.articles)} articles about {len(world.stories)} stories to {out}", file=sys.stderr)
    return EXIT_CLEAN
