"""The naive competitor the benchmark sets beside claimcheck: claims flattened into DuckDB rows and
compared by a GROUP BY self-join of their raw value strings.

It is what an engineer would build first with a good engine: read every file as the floor does,
parse each claim file with PyYAML's C loader, write one row per claim (article, claim, subject,
property, qualifiers, the value as written), and let DuckDB find the facts whose raw values
differ between articles. No value is normalized ("$1.5 billion" and "1.5 billion dollars"
differ), no quote is pinned to its article, no source is told apart, no finding is explained.
DuckDB comes with the `bench` extra only; claimcheck never needs it.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import yaml

DISAGREEING = """
SELECT a.subject, a.property, a.qualifiers, count(*) AS disagreeing_pairs
FROM claims a JOIN claims b
  ON a.subject = b.subject AND a.property = b.property AND a.qualifiers = b.qualifiers
WHERE a.article < b.article AND a.value <> b.value
GROUP BY a.subject, a.property, a.qualifiers
ORDER BY a.subject, a.property, a.qualifiers
"""
COLUMNS = ("article", "claim", "subject", "property", "qualifiers", "value")


def claim_rows(path: Path):
    """One row per claim of a claim file, values and qualifiers as their raw JSON text."""
    document = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) or {}
    article = (document.get("article") or {}).get("id", path.name)
    for claim in document.get("claims") or ():
        yield (article, claim.get("id"), claim.get("subject"), claim.get("property"),
               json.dumps(claim.get("qualifiers") or {}, sort_keys=True, default=str),
               json.dumps(claim.get("value"), sort_keys=True, default=str))


def flatten(root: Path, rows_file: Path) -> int:
    """Every claim of the corpus as a CSV row; the article texts are read as the floor reads them."""
    count = 0
    with rows_file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for path in sorted(root.glob("*.claims.yaml")):
            for row in claim_rows(path):
                writer.writerow(row)
                count += 1
    for path in sorted(root.rglob("*.yaml")):
        if not path.name.endswith(".claims.yaml"):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # registries, as the floor parses them
    for path in sorted((root / "articles").glob("*.txt")):
        path.read_text(encoding="utf-8")
    return count


def compare_raw_values(root: Path) -> list[tuple]:
    """The facts whose raw values differ between two articles, with how many pairs of claims differ."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="claimcheck-competitor-") as scratch:
        rows_file = Path(scratch) / "claims.csv"
        flatten(root, rows_file)
        database = duckdb.connect()
        try:
            database.execute("CREATE TABLE claims AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
                             [str(rows_file)])
            return database.execute(DISAGREEING).fetchall()
        finally:
            database.close()
