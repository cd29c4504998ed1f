"""Turn JSON Schema validation errors into diagnostics an editor can act on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from checker.load.schema import quick_validator_for, validator_for
from checker.load.schema_fast_path import models_vouch_for
from checker.load.yaml_source import DataPath, YamlDocument
from checker.model.claims import VALUE_KINDS
from checker.model.diagnostics import Code, Diagnostic

MAX_ERRORS_PER_FILE = 50


def schema_problems(schema_name: str, document: YamlDocument, display: str) -> Iterable[tuple[DataPath, Diagnostic]]:
    """One diagnostic per schema error, located at the offending value."""
    if not isinstance(document.data, dict):
        yield (), Diagnostic(display, 1, 1, Code.SCHEMA, "the file must be a YAML mapping",
                             f"start from an example; the shape is in schemas/{schema_name}")
        return
    if models_vouch_for(schema_name, document.data) or quick_validator_for(schema_name).is_valid(document.data):
        return
    errors = sorted(validator_for(schema_name).iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors[:MAX_ERRORS_PER_FILE]:
        date = _date_message(error)
        error = error if date else _most_specific(error)
        path = tuple(error.absolute_path)
        line, column = document.position(path)
        field = ".".join(str(step) for step in path) or "file"
        shape = f"see schemas/{schema_name} for the expected shape"
        if date:
            hint = "write it like 2025-11-21" + (", or null when the article states no date" if "null" in date else "")
            yield path, Diagnostic(display, line, column, Code.SCHEMA, f"{field} {date}", hint)
        else:
            yield path, Diagnostic(display, line, column, Code.SCHEMA, f"{field}: {_message(error)}", shape)


def _date_message(error: ValidationError) -> str:
    """For a date field, what a date looks like: 'must be a date written YYYY-MM-DD[, or null]'
    (the branches of `date | None` would otherwise say "'21/11/2025' is not of type 'null'")."""
    schema: Any = error.schema
    if not isinstance(schema, dict):
        return ""
    branches = schema.get("anyOf", [schema]) if error.validator in ("anyOf", "format", "type") else []
    if not any(isinstance(b, dict) and b.get("format") == "date" for b in branches):
        return ""
    nullable = any(isinstance(b, dict) and b.get("type") == "null" for b in branches)
    return "must be a date written YYYY-MM-DD" + (", or null" if nullable else "")


def _most_specific(error: ValidationError) -> ValidationError:
    """For a union of value kinds, explain the branch whose `kind` the editor chose."""
    if not error.context:
        return error
    if _names_unknown_kind(error):
        return error
    chosen = _branch_for_kind(error)
    candidates = chosen if chosen else error.context
    return _most_specific(best_match(candidates))


def _names_unknown_kind(error: ValidationError) -> bool:
    instance: Any = error.instance
    return error.validator == "oneOf" and isinstance(instance, dict) and instance.get("kind") not in VALUE_KINDS


def _branch_for_kind(error: ValidationError) -> list[ValidationError]:
    instance: Any = error.instance
    if not isinstance(instance, dict) or "kind" not in instance:
        return []
    by_branch: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        by_branch.setdefault(sub.schema_path[0] if sub.schema_path else None, []).append(sub)
    for branch_errors in by_branch.values():
        if not any(list(e.relative_path) == ["kind"] for e in branch_errors):
            return branch_errors
    return []


def _message(error: ValidationError) -> str:
    if error.validator == "oneOf" and isinstance(error.instance, dict) and "kind" in error.instance:
        return f"unknown value kind {error.instance['kind']!r}; use one of {', '.join(VALUE_KINDS)}"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field")
    if error.validator == "const" and list(error.relative_path) == ["kind"]:
        return f"unknown value kind {error.instance!r}; use one of {', '.join(VALUE_KINDS)}"
    return error.message if len(error.message) <= 300 else error.message[:297] + "..."
