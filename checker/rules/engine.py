"""Run the enabled rules over the index; the engine, not the rule, sets severity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import ModuleType

from checker.config import Config
from checker.findings.finding import Finding, Severity, Status, sorted_findings
from checker.index.index import Index
from checker.rules import RULES


def rule_options(rule: ModuleType, config: Config):
    options_model = getattr(rule, "Options", None)
    settings = config.rule(rule.CODE, rule.NAME)
    return options_model.model_validate(settings.options) if options_model else None


def run_rules(index: Index, config: Config, rules: Iterable[ModuleType] = RULES) -> tuple[Finding, ...]:
    findings: dict[str, Finding] = {}
    for rule in rules:
        settings = config.rule(rule.CODE, rule.NAME)
        if not settings.enabled:
            continue
        conflict_severity = settings.severity or rule.SEVERITY
        for finding in rule.check(index, rule_options(rule, config)):
            severity = Severity(conflict_severity) if finding.status is Status.CONFLICT else Severity.NOTE
            if finding.id in findings:  # two findings may never share an id: one would be lost
                raise RuntimeError(f"{rule.CODE} produced two findings with id {finding.id}; give them an aspect")
            findings[finding.id] = finding if finding.severity is severity else replace(finding, severity=severity)
    return sorted_findings(findings.values())
