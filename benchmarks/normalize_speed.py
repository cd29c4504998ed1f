"""How fast the normalizers read values: normalizations per second over a few thousand mixed expressions.

    .venv/bin/python benchmarks/normalize_speed.py [--count 5000] [--seed 12]

The expressions are the accepted examples of every kind (`checker.normalize.examples`)
with their numbers varied by a seeded generator, plus as many texts that cannot be read
(whose errors look for the closest accepted wording), mixed in a seeded order. After one
warm-up pass over all of them (start-up is not counted), each is timed on its own, as the
best of --repeat runs: on a shared machine a single run can be stretched tenfold by the
scheduler, which says nothing about the parser. The script prints normalizations per second
(over the best times), the median and the slowest expression, and fails (exit 1) when the
slowest takes 1 ms or more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, from anywhere
from benchmarks.run import machine  # noqa: E402
from checker.load.claim_values import PARSERS  # noqa: E402
from checker.normalize import NormalizationError, NormalizeOptions  # noqa: E402
from checker.normalize.examples import EXAMPLES  # noqa: E402

REFERENCE = dt.date(2025, 11, 21)
LIMIT_SECONDS = 0.001
UNREADABLE = ("a lot of money", "sometime soonish", "the day after the election", "lots of racks", "abot $2bn",
              "wihtin seven yeers", "more then half", "$5 billion $6 billion")  # fmt: skip


def expressions(count: int, seed: int) -> list[tuple[str, str]]:
    """(kind, text) pairs: varied accepted examples and a tenth unreadable texts, in a seeded order."""
    generator = random.Random(seed)
    kinds = sorted(EXAMPLES)
    chosen = []
    for index in range(count):
        if index % 10 == 9:
            chosen.append((generator.choice(kinds), generator.choice(UNREADABLE)))
            continue
        kind = generator.choice(kinds)
        chosen.append((kind, _varied(generator.choice(EXAMPLES[kind]), generator)))
    return chosen


def _varied(text: str, generator: random.Random) -> str:
    """The same wording with its first small number changed, so the parser never sees one string only."""
    words = text.split(" ")
    for position, word in enumerate(words):
        digits = word.lstrip("$€£¥")
        if digits.isdigit() and len(digits) <= 2:
            words[position] = word[: len(word) - len(digits)] + str(generator.randint(1, 9))
            break
    return " ".join(words)


def time_one(kind: str, text: str, options: NormalizeOptions, repeat: int = 1) -> float:
    """The best of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            PARSERS[kind](text, REFERENCE, options)
        except NormalizationError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    options = NormalizeOptions()
    inputs = expressions(args.count, args.seed)
    for kind, text in inputs:  # warm-up: imports, phrase tables, caches
        time_one(kind, text, options)
    times = [time_one(kind, text, options, args.repeat) for kind, text in inputs]
    slowest = max(range(len(times)), key=times.__getitem__)
    rate = len(times) / sum(times)
    info = machine()
    print(f"{len(times)} expressions ({len(EXAMPLES)} kinds, a tenth unreadable), best of {args.repeat}, "
          f"{info['CPU']}, Python {platform.python_version()}")
    print(f"{rate:,.0f} normalizations per second; median {statistics.median(times) * 1e6:.0f} µs; "
          f"slowest {times[slowest] * 1e6:.0f} µs ({inputs[slowest][0]}: {inputs[slowest][1]!r})")
    if times[slowest] >= LIMIT_SECONDS:
        print(f"FAIL: an expression took {times[slowest] * 1e3:.2f} ms, over the 1 ms limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
