"""The benchmark the README tells a newcomer to run: it runs, and judges the targets from its figures."""

import datetime as dt
import subprocess
import sys

from benchmarks.results import GIB, render
from benchmarks.run import TARGETS, Measures, Run
from tests.conftest import REPO

WHEN = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc)


def _measures(articles, floor, cold, warm, new, peak_gib):
    return Measures(articles, articles * 28, Run(floor, 0), Run(cold, 0), Run(warm, int(peak_gib * GIB)), Run(new, 0))


def _targets(text):
    return [line for line in text.split("## Targets", 1)[1].split("## Notes", 1)[0].splitlines() if line]


def test_every_target_met_is_said_met():
    text = render([_measures(1000, 2.0, 10.0, 3.0, 0.4, 0.2), _measures(10000, 20.0, 100.0, 31.0, 0.8, 0.9)],
                  {"CPU": "test"}, "1", WHEN, TARGETS)
    assert [line.split(":", 1)[0] for line in _targets(text)] == ["- met"] * 4
    assert "| full check (warm) / floor | 1.50× | 1.55× | ≤ 2× |" in text
    assert "| time ratio | 10.00× | 10.00× | 10.33× | 2.00× | full ≤ 11× |" in text


def test_each_missed_target_is_said_missed_with_its_figure():
    text = render([_measures(1000, 2.0, 10.0, 3.0, 0.4, 0.2), _measures(10000, 20.0, 100.0, 45.0, 2.5, 1.2)],
                  {"CPU": "test"}, "1", WHEN, TARGETS)
    verdicts = _targets(text)
    assert verdicts[0].startswith("- **missed**: full check ≤ 2× the floor") and "2.25× with a warm cache" in verdicts[0]
    assert verdicts[1].startswith("- **missed**: 10× more articles") and "15.00× (warm)" in verdicts[1]
    assert verdicts[2].startswith("- **missed**: one new article") and "2.50 s, 5.6%" in verdicts[2]
    assert verdicts[3] == "- **missed**: peak memory ≤ 1 GiB at 10,000 articles: 1.20 GiB."


def test_the_benchmark_runs_as_the_readme_says_and_writes_its_results(tmp_path):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "4", "8", "--repeat", "2",
                           "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert done.stdout == text + "\n"  # printed as written
    rows = [line for line in text.splitlines() if line.startswith(("| 4 |", "| 8 |"))]
    assert len(rows) == 2 and all(len(row.split("|")) == 9 for row in rows)
    assert "Machine: CPU " in text and "the median of 2 runs" in text and len(_targets(text)) == 4
