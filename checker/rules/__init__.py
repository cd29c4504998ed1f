"""The rules, one module each. Adding a rule: one module here, listed below, and one fixture."""

from checker.rules import (
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
)
