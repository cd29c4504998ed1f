"""The rule stage partitioned by key on an existing engine: DuckDB groups, the same rule code checks.

    .venv/bin/python benchmarks/partitioned.py CORPUS [--cache-dir DIR] [--partitions N]

The corpus is loaded as `claimcheck check` loads it (from the cache when there is one). Then:

  1. single process: every rule over the whole index, as `run_rules(..., workers=1)`;
  2. partitioned: the claims flattened to rows (uid, subject, property, scope) in DuckDB, which
     groups them by fact (subject, property) and deals the facts into N partitions of about as
     many claims each; each partition is checked by the by-fact rules (`checker.rules.engine.BY_FACT`)
     in its own process, over a view of the index that holds only its facts; the other rules,
     which compare claims across facts (the same speaker's quotes, one article's sums, the events
     a relation orders), run once; the findings are merged and sorted.

Both are rendered as the JSON report and compared byte for byte; the script prints the
comparison and exits 1 if they differ. `docs/scale.md` says how this carries beyond one machine.
Needs DuckDB (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, from anywhere

from checker.config import Config  # noqa: E402
from checker.findings.finding import sorted_findings  # noqa: E402
from checker.incremental.cache import FileCache  # noqa: E402
from checker.index.index import Index, build_index  # noqa: E402
from checker.pipeline import check_corpus  # noqa: E402
from checker.report.json import render  # noqa: E402
from checker.report.outcome import report_data  # noqa: E402
from checker.rules import RULES  # noqa: E402
from checker.rules.engine import BY_FACT, run_rules, share_of  # noqa: E402

# Facts dealt into partitions by size, largest first, each to the partition with the fewest claims.
PARTITIONS = """
WITH facts AS (
  SELECT subject, property, count(*) AS claims FROM claims GROUP BY subject, property
), ranked AS (
  SELECT subject, property, claims, row_number() OVER (ORDER BY claims DESC, subject, property) - 1 AS place
  FROM facts
)
SELECT subject, property, place % ? AS part FROM ranked ORDER BY subject, property
"""


def fact_partitions(index: Index, count: int) -> list[list[tuple[str, str]]]:
    """DuckDB's grouping of the flattened claims: the facts of each partition."""
    import duckdb

    database = duckdb.connect()
    try:
        database.execute("CREATE TABLE claims (uid VARCHAR, subject VARCHAR, property VARCHAR, scope VARCHAR)")
        rows = [(uid, key.subject, key.property, key.scope) for uid, key in index.key_by_uid.items()]
        _insert_in_bulk(database, rows)
        parts: list[list[tuple[str, str]]] = [[] for _ in range(count)]
        for subject, prop, part in database.execute(PARTITIONS, [count]).fetchall():
            parts[part].append((subject, prop))
        return [part for part in parts if part]
    finally:
        database.close()


def _insert_in_bulk(database, rows) -> None:
    """Through a CSV file, which DuckDB reads fastest without pandas or Arrow."""
    import csv
    import tempfile

    with tempfile.TemporaryDirectory(prefix="claimcheck-partitions-") as scratch:
        path = Path(scratch) / "claims.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        database.execute("INSERT INTO claims SELECT * FROM read_csv(?, header = false, all_varchar = true, "
                         "columns = {'uid': 'VARCHAR', 'subject': 'VARCHAR', 'property': 'VARCHAR', "
                         "'scope': 'VARCHAR'})", [str(path)])


_INDEX: dict[str, Index] = {}  # inherited by the forked workers


def _check_partition(facts: list[tuple[str, str]]):
    by_fact = [rule for rule in RULES if rule.CODE in BY_FACT]
    return run_rules(share_of(_INDEX["index"], facts), Config(), rules=by_fact, workers=1)


def partitioned_findings(index: Index, count: int):
    parts = fact_partitions(index, count)
    _INDEX["index"] = index
    with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
        checked = pool.map(_check_partition, parts)
    rest = run_rules(index, Config(), rules=[rule for rule in RULES if rule.CODE not in BY_FACT], workers=1)
    findings = [finding for part in checked for finding in part] + list(rest)
    if len({finding.id for finding in findings}) != len(findings):
        raise SystemExit("two partitions gave a finding with the same id")
    return sorted_findings(findings), [sum(len(index.by_key[key]) for fact in part for key in index.keys_by_fact[fact])
                                       for part in parts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache-dir", type=Path, help="the cache a `claimcheck check --cache-dir` filled")
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    started = time.perf_counter()
    loaded = check_corpus(args.corpus, Config(), cache=FileCache(args.cache_dir) if args.cache_dir else None)
    index = build_index(loaded.corpus)
    print(f"loaded {len(index.by_uid):,} claims of {len(loaded.corpus.articles):,} articles "
          f"in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    single = run_rules(index, Config(), workers=1)
    print(f"single process: {len(single):,} findings in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    partitioned, sizes = partitioned_findings(build_index(loaded.corpus), args.partitions)
    print(f"partitioned by DuckDB into {len(sizes)} partitions of {', '.join(f'{size:,}' for size in sizes)} claims: "
          f"{len(partitioned):,} findings in {time.perf_counter() - started:.1f} s")
    reports = [render(report_data(loaded.corpus, findings)).encode("utf-8") for findings in (single, partitioned)]
    for label, report in zip(("single process", "partitioned"), reports):
        print(f"{label:>15}: JSON report {len(report):,} bytes, sha256 {hashlib.sha256(report).hexdigest()}")
    same = reports[0] == reports[1]
    print("byte-identical: " + ("yes" if same else "NO"))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
