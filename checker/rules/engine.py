"""Run the enabled rules over the index; the engine, not the rule, sets severity.

On a large corpus the rules that look at one fact at a time (a subject and property: its keys,
its value clusters) run in worker processes, each over a share of the facts, while this process
runs the others; the findings are merged and sorted exactly as one process would give them (a
finding's sort key ends with its id, which no two findings share).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from types import ModuleType

from checker.config import Config
from checker.findings.finding import Finding, Severity, Status, sorted_findings
from checker.index.index import Index, Key
from checker.rules import RULES
from checker.workers import MOST_WORKERS, available_cores, start_worker, stop_at_once, stop_signals_held

# Rules that never compare claims of two facts: a share of the facts gives exactly that share's
# findings (`checker.incremental.groups` forms their groups the same way; a test holds them equal).
BY_FACT = frozenset({"CC101", "CC102", "CC103", "CC104", "CC107"})
PARTITION_FROM = 60_000  # claims; below, forking and sending findings back costs more than it saves


def rule_options(rule: ModuleType, config: Config):
    options_model = getattr(rule, "Options", None)
    settings = config.rule(rule.CODE, rule.NAME)
    return options_model.model_validate(settings.options) if options_model else None


def run_rules(index: Index, config: Config, rules: Iterable[ModuleType] = RULES, *,
              workers: int | None = None) -> tuple[Finding, ...]:
    """`workers`: processes for the by-fact rules; None chooses by the corpus's size and the cores."""
    rules = tuple(rules)
    if workers is None:
        workers = available_cores() if len(index.by_uid) >= PARTITION_FROM else 1
    by_fact = [rule for rule in rules if rule.CODE in BY_FACT]
    if workers < 2 or not by_fact or "fork" not in multiprocessing.get_all_start_methods():
        return sorted_findings(_merged([_findings(index, config, rules)]))
    rest = [rule for rule in rules if rule.CODE not in BY_FACT]
    return sorted_findings(_merged(_partitioned(index, config, by_fact, rest, min(workers, MOST_WORKERS))))


def _findings(index: Index, config: Config, rules: Iterable[ModuleType]) -> list[Finding]:
    found = []
    for rule in rules:
        settings = config.rule(rule.CODE, rule.NAME)
        if not settings.enabled:
            continue
        conflict_severity = settings.severity or rule.SEVERITY
        for finding in rule.check(index, rule_options(rule, config)):
            severity = Severity(conflict_severity) if finding.status is Status.CONFLICT else Severity.NOTE
            found.append(finding if finding.severity is severity else replace(finding, severity=severity))
    return found


def _merged(parts: Iterable[list[Finding]]) -> Iterator[Finding]:
    seen: set[str] = set()
    for part in parts:
        for finding in part:
            if finding.id in seen:  # two findings may never share an id: one would be lost
                raise RuntimeError(f"{finding.rule} produced two findings with id {finding.id}; give them an aspect")
            seen.add(finding.id)
            yield finding


def fact_shares(index: Index, count: int) -> list[list[tuple[str, str]]]:
    """The facts dealt into `count` shares of about as many claims each, largest fact first (a fact
    stays whole: its keys are compared with each other)."""
    sizes = {fact: sum(len(index.by_key[key]) for key in keys) for fact, keys in index.keys_by_fact.items()}
    shares: list[list[tuple[str, str]]] = [[] for _ in range(count)]
    loads = [0] * count
    for fact in sorted(sizes, key=lambda fact: (-sizes[fact], fact)):
        lightest = loads.index(min(loads))
        shares[lightest].append(fact)
        loads[lightest] += sizes[fact]
    return [share for share in shares if share]


def share_of(index: Index, facts: Sequence[tuple[str, str]]) -> Index:
    """The index as the by-fact rules see it for these facts only: every claim can still be looked
    up by uid, but only these facts' keys are iterated."""
    keys_by_fact = {fact: index.keys_by_fact[fact] for fact in sorted(facts)}
    wanted: set[Key] = {key for keys in keys_by_fact.values() for key in keys}
    by_key = {key: claims for key, claims in index.by_key.items() if key in wanted}
    return replace(index, by_key=by_key, keys_by_fact=keys_by_fact)


# ---- the worker processes --------------------------------------------------------------------

_SHARED: dict[str, object] = {}  # what a forked worker inherits: the index, the config, the rules


def _partitioned(index: Index, config: Config, by_fact: list[ModuleType], rest: list[ModuleType],
                 workers: int) -> list[list[Finding]]:
    shares = fact_shares(index, workers)
    _SHARED.update(index=index, config=config, rules=by_fact)
    executor = ProcessPoolExecutor(len(shares), mp_context=multiprocessing.get_context("fork"),
                                   initializer=start_worker)
    try:
        with stop_signals_held():
            futures: list[Future] = [executor.submit(_check_share, share) for share in shares]
        own = _findings(index, config, rest)  # while the workers check the facts
        parts = [future.result() for future in futures]
    except BaseException:  # Ctrl-C, SIGTERM, an error: stop the workers now
        stop_at_once(executor)
        raise
    finally:
        _SHARED.clear()
    executor.shutdown()
    return [*parts, own]


def _check_share(facts: list[tuple[str, str]]) -> list[Finding]:
    index, config, rules = _SHARED["index"], _SHARED["config"], _SHARED["rules"]
    return _findings(share_of(index, facts), config, rules)
