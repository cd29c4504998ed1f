"""Benchmark claimcheck on generated corpora of 1,000 and 10,000 articles (and 100,000), in one run.

    .venv/bin/python benchmarks/run.py            # writes benchmarks/RESULTS.md
    .venv/bin/python benchmarks/run.py --with-100k   # adds 100,000 articles: hours, see the README

For each size it generates a corpus (`claimcheck bench generate`) with one article held
out, then measures, each in a fresh process as a user would run it:

  floor        reading every file and parsing the YAML with the C loader, nothing else;
  competitor   the naive checker an engineer would write first: every claim file parsed with the
               C loader and flattened into rows (article, claim, subject, property, qualifiers,
               raw value), loaded into DuckDB and compared by a GROUP BY self-join on
               (subject, property, qualifiers) of the raw value strings: no normalization, no
               quotes pinned, no findings told (`pip install -e '.[bench]'`; skipped without it);
  full, cold   `claimcheck check` with an empty cache (it fills the cache and the snapshot);
  full, warm   the same again: what a newsroom's everyday full check costs;
  one new      the held-out article added, `claimcheck check --new FILE --only-changes`
               (the pull-request check).

The floor, the competitor, the warm check and the one-new-article check are each the median
of --repeat runs (three by default): on a shared machine one run can be a fifth slower than
the next.

Each time is wall-clock; peak memory is the largest sum of proportional set sizes (PSS: a
page shared by n processes counts 1/n in each, so forked workers are not counted n times)
over the process and its worker processes, sampled every 20 ms. The corpora are deleted
afterwards unless --keep is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, from anywhere
from benchmarks.results import render  # noqa: E402

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
SIZES = (1000, 10000)
LARGE = 100_000  # the targets for one new article and memory are at this size
TARGETS = {"cold_over_floor": 2.0, "warm_over_floor": 1.3, "scaling": 11.0, "new_seconds": 1.0, "rss_gib": 1.0,
           "large": LARGE}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int


@dataclass(frozen=True)
class Measures:
    articles: int
    claims: int
    floor: Run
    competitor: Run | None  # None: DuckDB is not installed
    cold: Run
    warm: Run
    new: Run

    @property
    def peak_bytes(self) -> int:
        return max(run.peak_bytes for run in (self.cold, self.warm, self.new))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--with-100k", action="store_true", help=f"measure {LARGE:,} articles too (hours)")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each repeatable measure (the median is kept)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and caches")
    parser.add_argument("--work", type=Path, help="keep the corpora in this directory and reuse those found there "
                        "(generating 100,000 articles takes a while)")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)  # the floor, run in its own process
    parser.add_argument("--competitor", type=Path, help=argparse.SUPPRESS)  # the competitor, likewise
    args = parser.parse_args()
    if args.floor:
        return parse_only(args.floor)
    if args.competitor:
        from benchmarks.competitor import compare_raw_values

        compare_raw_values(args.competitor)
        return 0
    sizes = sorted({*args.sizes, *([LARGE] if args.with_100k else [])})
    work = args.work or Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        claimcheck("rules")  # compiles the modules once, as an installation does
        results = [measure(work / f"{size}-seed{args.seed}", size, args.seed, max(args.repeat, 1)) for size in sizes]
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    text = results_markdown(results, args.seed, max(args.repeat, 1))
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


def parse_only(root: Path) -> int:
    """The floor: read every file of the corpus and parse its YAML, without any checking."""
    import yaml

    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    for path in sorted((root / "articles").glob("*.txt")):
        path.read_text(encoding="utf-8")
    return 0


def measure(directory: Path, articles: int, seed: str, repeat: int) -> Measures:
    corpus, cache = directory / "claims", directory / "cache"
    held_out = reuse(directory)
    if held_out is None:
        step(f"{articles:,} articles: generating")
        claimcheck("bench", "generate", "--articles", str(articles + 1), "--seed", seed, "--out", str(corpus))
        held_out = hold_out_last(corpus, directory / "held-out")
    check = ("check", str(corpus), "--output", str(directory / "report.txt"), "--cache-dir", str(cache))
    step(f"{articles:,} articles: floor")
    floor = median_of(repeat, [sys.executable, str(Path(__file__).resolve()), "--floor", str(corpus)])
    competitor = None
    if competitor_available():
        step(f"{articles:,} articles: competitor (DuckDB GROUP BY over raw values)")
        competitor = median_of(repeat, [sys.executable, str(Path(__file__).resolve()), "--competitor", str(corpus)])
    step(f"{articles:,} articles: full check, cold cache")
    cold = timed(command(*check))
    step(f"{articles:,} articles: full check, warm cache")
    warm = median_of(repeat, command(*check))
    claim_file = restore(held_out, corpus)
    step(f"{articles:,} articles: one new article")
    new_article = median_of(repeat, command("check", str(corpus), "--new", str(claim_file), "--only-changes",
                                            "--output", str(directory / "change.txt"), "--cache-dir", str(cache)))
    return Measures(articles, count_claims(corpus), floor, competitor, cold, warm, new_article)


def competitor_available() -> bool:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        step("DuckDB is not installed (pip install -e '.[bench]'): the competitor is not measured")
        return False
    return True


def median_of(repeat: int, arguments: list[str]) -> Run:
    runs = sorted((timed(arguments) for _ in range(repeat)), key=lambda run: run.seconds)
    return runs[len(runs) // 2]


def reuse(directory: Path) -> list[tuple[Path, Path]] | None:
    """A corpus kept (--work) by an earlier run, made as that run found it: the held-out article
    out again and the cache gone. None: there is none, generate it."""
    aside = directory / "held-out"
    if not (directory / "claims").is_dir() or not aside.is_dir():
        return None
    step(f"reusing the corpus in {directory}")
    shutil.rmtree(directory / "cache", ignore_errors=True)
    moves = []
    for kept in sorted(aside.iterdir()):
        original = directory / "claims" / ("articles" if kept.suffix == ".txt" else "") / kept.name
        original.unlink(missing_ok=True)
        moves.append((original, kept))
    return sorted(moves, key=lambda move: not move[0].name.endswith(".claims.yaml"))


def hold_out_last(corpus: Path, aside: Path) -> list[tuple[Path, Path]]:
    """Move the last article (its claim file and text) aside: the change the last measure adds back."""
    claim_file = sorted(corpus.glob("*.claims.yaml"))[-1]
    text = corpus / "articles" / claim_file.name.replace(".claims.yaml", ".txt")
    aside.mkdir(parents=True)
    moves = [(claim_file, aside / claim_file.name), (text, aside / text.name)]
    for source, target in moves:
        shutil.move(source, target)
    return moves


def restore(moves: list[tuple[Path, Path]], corpus: Path) -> Path:
    for original, aside in moves:
        shutil.copy(aside, original)
    return moves[0][0]


def count_claims(corpus: Path) -> int:
    return sum(path.read_text(encoding="utf-8").count("\n  - id: ") for path in corpus.glob("*.claims.yaml"))


def command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "checker", *arguments]


def claimcheck(*arguments: str) -> None:
    subprocess.run(command(*arguments), check=True, env=environment(), cwd=REPOSITORY, capture_output=True)


def environment() -> dict[str, str]:
    """As on a user's machine: compiled modules are kept (this sandbox's default is not to)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(REPOSITORY)}


def timed(arguments: list[str]) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(arguments, env=environment(), cwd=REPOSITORY, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    sampler = MemorySampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stop()
    if process.returncode not in (0, 1):  # 1: the corpus has conflicts, as it should
        raise SystemExit(f"{' '.join(arguments)} failed:\n{stderr.decode(errors='replace')}")
    return Run(seconds, sampler.peak)


class MemorySampler(threading.Thread):
    """The largest sum of proportional set sizes of a process and its descendants, from /proc."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, sum(proportional(pid) for pid in family(self.pid)))
            time.sleep(0.02)

    def stop(self) -> None:
        self.running = False
        self.join()


def family(pid: int) -> list[int]:
    pids, position = [pid], 0
    while position < len(pids):
        try:
            children = Path(f"/proc/{pids[position]}/task/{pids[position]}/children").read_text().split()
        except OSError:
            children = []
        pids.extend(int(child) for child in children)
        position += 1
    return pids


def proportional(pid: int) -> int:
    """The process's PSS (its resident memory where smaps_rollup is missing): forked workers share
    the pages of the main process until they write them, and a sum of resident sizes would count
    those pages once per worker."""
    for name, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            text = Path(name).read_text()
        except OSError:
            continue
        line = next((line for line in text.splitlines() if line.startswith(field)), None)
        if line is not None:
            return int(line.split()[1]) * 1024
    return 0


def step(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


# ---- the results -------------------------------------------------------------------------------


def results_markdown(results: list[Measures], seed: str, repeat: int) -> str:
    return render(results, machine(), seed, dt.datetime.now(dt.timezone.utc), TARGETS, repeat)


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = "unknown"
    try:
        kilobytes = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                             if line.startswith("MemTotal")))
        memory = f"{kilobytes / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return {"CPU": f"{model}, {os.cpu_count()} cores", "memory": memory,
            "system": f"{platform.system()} {platform.release()}", "Python": platform.python_version(),
            "load average at the end (1, 5, 15 min)": load}


if __name__ == "__main__":
    raise SystemExit(main())
