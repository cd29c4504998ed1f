"""The benchmark the README tells a newcomer to run: it runs, and judges the targets from its figures."""

import csv
import datetime as dt
import subprocess
import sys

import pytest

from benchmarks.competitor import compare_raw_values, flatten
from benchmarks.results import GIB, render
from benchmarks.run import TARGETS, Measures, Run
from checker.bench.generate import generate_corpus
from tests.conftest import REPO

WHEN = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc)


def _measures(articles, floor, cold, warm, new, peak_gib, competitor=None):
    return Measures(articles, articles * 28, Run(floor, 0), None if competitor is None else Run(competitor, 0),
                    Run(cold, 0), Run(warm, int(peak_gib * GIB)), Run(new, 0))


def _targets(text):
    return [line for line in text.split("## Targets", 1)[1].split("## Notes", 1)[0].splitlines() if line]


def test_every_target_met_is_said_met():
    text = render([_measures(1000, 2.0, 3.0, 2.4, 0.4, 0.1, 2.8), _measures(10000, 20.0, 30.0, 25.0, 0.5, 0.3, 29.0),
                   _measures(100000, 200.0, 300.0, 250.0, 0.6, 0.9, 290.0)], {"CPU": "test"}, "1", WHEN, TARGETS)
    assert [line.split(":", 1)[0] for line in _targets(text)] == ["- met"] * 6
    assert "| competitor (DuckDB) | 1.40× | 1.45× | 1.45× |" in text
    assert "| full check, warm cache | 1.20× | 1.25× | 1.25× |" in text
    assert "| 100,000 / 10,000 | 10.00× | 10.00× | 10.00× | 10.00× | 1.20× | full ≤ 11× |" in text


def test_each_missed_target_is_said_missed_with_its_figure():
    text = render([_measures(10000, 20.0, 50.0, 40.0, 0.8, 0.5), _measures(100000, 200.0, 600.0, 300.0, 2.5, 1.2)],
                  {"CPU": "test"}, "1", WHEN, TARGETS)
    verdicts = _targets(text)
    assert verdicts[0] == "- **missed**: full check, cold, ≤ 2× the floor at 100,000 articles: 3.00×."
    assert verdicts[1] == "- **missed**: full check, warm, ≤ 1.3× the floor at 100,000 articles: 1.50×."
    assert verdicts[2].startswith("- **missed**: 10× the articles (10,000 to 100,000)") and "12.00× cold" in verdicts[2]
    assert verdicts[3] == "- **missed**: one new article ≤ 1 s at 100,000 articles: 2.50 s."
    assert verdicts[4] == "- **missed**: peak memory ≤ 1 GiB at 100,000 articles: 1.20 GiB."
    assert "| 10,000 | 280,000 | 20.0 s | not run |" in text


def test_a_target_set_at_100k_is_never_judged_from_a_smaller_corpus():
    text = render([_measures(1000, 2.0, 3.0, 2.4, 0.4, 0.1), _measures(10000, 20.0, 30.0, 25.0, 0.5, 0.3)],
                  {"CPU": "test"}, "1", WHEN, TARGETS)
    verdicts = _targets(text)
    assert verdicts[3] == ("- **not measured**: one new article ≤ 1 s at 100,000 articles (run with --with-100k); "
                           "at 10,000 articles: 0.50 s.")
    assert verdicts[4].startswith("- **not measured**: peak memory ≤ 1 GiB at 100,000 articles")


def test_the_competitor_finds_raw_values_that_differ_and_nothing_where_they_agree(tmp_path):
    pytest.importorskip("duckdb")
    generate_corpus(tmp_path / "corpus", 12, "2")
    rows = tmp_path / "rows.csv"
    claims = flatten(tmp_path / "corpus", rows)
    assert claims == sum(path.read_text().count("\n  - id: ") for path in (tmp_path / "corpus").glob("*.claims.yaml"))
    found = compare_raw_values(tmp_path / "corpus")
    with rows.open(encoding="utf-8", newline="") as handle:
        values: dict[tuple, set] = {}
        for row in csv.DictReader(handle):
            values.setdefault((row["subject"], row["property"], row["qualifiers"]), set()).add(
                (row["article"], row["value"]))
    differing = {fact for fact, said in values.items()
                 if any(a != b and x != y for a, x in said for b, y in said)}
    assert differing and [tuple(row[:3]) for row in found] == sorted(differing)
    assert all(pairs >= 1 for *_, pairs in found)


def test_the_benchmark_runs_as_the_readme_says_and_writes_its_results(tmp_path):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "4", "8", "--repeat", "2",
                           "--out", str(out), "--work", str(tmp_path / "work")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert done.stdout == text + "\n"  # printed as written
    rows = [line for line in text.splitlines() if line.startswith(("| 4 |", "| 8 |"))]
    assert len(rows) == 2 and all(len(row.split("|")) == 10 for row in rows)
    assert "Machine: CPU " in text and "the median of 2 runs" in text and len(_targets(text)) == 4
    again = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "4", "--repeat", "1",
                            "--out", str(out), "--work", str(tmp_path / "work")],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "reusing the corpus" in again.stderr and "generating" not in again.stderr
    assert [line for line in out.read_text().splitlines() if line.startswith("| 4 |")][0].split("|")[2] == rows[0].split("|")[2]
