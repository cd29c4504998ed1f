"""Benchmark "many sources, one fact": 10,000 articles that state one deal's value and one
announcement date, with 30 different values of each (a wire story carried everywhere, a few
outlets getting it wrong).

    .venv/bin/python benchmarks/one_fact.py [--articles 10000] [--values 30]

It writes the corpus to a temporary directory, runs `claimcheck check` on it in a fresh
process with a cold cache and again with a warm one (most of a cold check is reading and
validating 10,000 files), times the rules alone in this process, and prints the wall-clock
times, the number of findings (by rule and status) and the peak memory. Before issue 11 the check wrote one finding per pair of disagreeing
sources (753,346 findings for 1,250 articles with 28 dates) and stopped with an internal
error at 5,000; now each fact is one finding, and the cost of a key is n log n in its claims.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, from anywhere
from benchmarks.run import command, timed  # noqa: E402

ENTITIES = {"entities": [{"id": "acme-globex-deal", "name": "Acme-Globex deal", "kind": "deal"}]}
PROPERTIES = {"properties": [
    {"id": "deal-value", "label": "is worth", "value_kind": "money"},
    {"id": "announced-on", "label": "was announced on", "value_kind": "date", "event_time": True},
]}
FIRST_DAY = dt.date(2025, 11, 1)


def values(count: int, rnd: random.Random) -> list[tuple[str, str]]:
    """(amount, date) texts: the first of each is what most sources say."""
    amounts = [f"${500 + 10 * step} billion" for step in range(count)]
    days = [(FIRST_DAY + dt.timedelta(days=step)).strftime("%B %-d, %Y") for step in range(count)]
    rnd.shuffle(amounts)
    rnd.shuffle(days)
    return list(zip(amounts, days))


def write(root: Path, articles: int, count: int, seed: int = 11) -> Path:
    rnd = random.Random(seed)
    choices = values(count, rnd)
    weights = [articles] + [max(1, articles // (10 * count))] * (count - 1)
    (root / "registry").mkdir(parents=True)
    (root / "articles").mkdir()
    (root / "registry" / "entities.yaml").write_text(yaml.safe_dump(ENTITIES), encoding="utf-8")
    (root / "registry" / "properties.yaml").write_text(yaml.safe_dump(PROPERTIES), encoding="utf-8")
    for number in range(articles):
        amount, day = rnd.choices(choices, weights)[0]
        article = f"outlet-{number:05d}"
        # each outlet words it its own way: byte-identical texts would count as one source
        text = f"Outlet {number} reports: Acme and Globex announced on {day} a deal worth {amount}.\n"
        (root / "articles" / f"{article}.txt").write_text(text, encoding="utf-8")
        document = {"article": {"id": article, "text": f"articles/{article}.txt"}, "claims": [
            {"id": "value", "subject": "acme-globex-deal", "property": "deal-value",
             "value": {"kind": "money", "text": amount}, "quote": f"worth {amount}"},
            {"id": "date", "subject": "acme-globex-deal", "property": "announced-on",
             "value": {"kind": "date", "text": day}, "quote": f"announced on {day}"},
        ]}
        (root / f"{article}.claims.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--values", type=int, default=30)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        corpus = write(Path(directory) / "corpus", arguments.articles, arguments.values)
        output, cache = Path(directory) / "findings.json", Path(directory) / "cache"
        check = command("check", str(corpus), "--cache-dir", str(cache), "--format", "json", "--output", str(output))
        cold, warm = timed(check), timed(check)
        findings = json.loads(output.read_text(encoding="utf-8"))["findings"]
        rules_seconds = time_rules(corpus)
    counts = Counter(f"{finding['rule']} {finding['status']}" for finding in findings)
    print(f"{arguments.articles:,} articles, one deal value and one date each, {arguments.values} values of each")
    print(f"full check, cold cache: {cold.seconds:.1f} s; warm cache: {warm.seconds:.1f} s; the rules alone: "
          f"{rules_seconds:.2f} s")
    print(f"findings: {len(findings)} ({', '.join(f'{n} {k}' for k, n in sorted(counts.items()))}); "
          f"peak memory: {max(cold.peak_bytes, warm.peak_bytes) / 2 ** 20:.0f} MiB")
    return 0


def time_rules(corpus: Path) -> float:
    from checker.config import Config
    from checker.engine import run_rules
    from checker.index import build_index
    from checker.load import load_corpus

    index = build_index(load_corpus(corpus).corpus)
    started = time.perf_counter()
    run_rules(index, Config())
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
