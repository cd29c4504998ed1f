"""Stage 4, rules: the index -> findings.

Takes an `Index`. Gives findings: each rule module (one per rule, with `CODE`, `NAME`,
`SEVERITY`, a docstring that is its documentation, and `check(index, options)`) yields
them; `engine` runs the enabled rules and sets severity from the configuration. Adding a
rule: one module here, listed below, and one fixture file in `tests/rules/`.

May import: `checker.model`, `checker.index`, `checker.findings`, `checker.config`.
"""

from checker.rules import (
    arithmetic,
    misattribution,
    modality,
    part_exceeds_whole,
    parts_exceed_total,
    quote_fidelity,
    set_coverage,
    single_source,
    temporal_order,
    value_agreement,
    weekday_date,
)

RULES = (
    value_agreement,
    weekday_date,
    part_exceeds_whole,
    set_coverage,
    quote_fidelity,
    temporal_order,
    modality,
    misattribution,
    single_source,
    parts_exceed_total,
    arithmetic,
)
