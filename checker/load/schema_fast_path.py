"""Whether the models vouch for a document, so the published JSON Schema need not be run on it.

The schemas are generated from the models, so a document the models accept in strict mode
(as JSON: no coercion of text to numbers, of numbers to flags) is one the schema accepts, and
checking it is a fraction of the cost of jsonschema. Only a document the models refuse goes on
to the schema, whose messages explain it exactly as before. Where the two can differ, the
models' word is not taken and the schema decides:

- `populate_by_name` lets the models accept a field's Python name (`from_`) beside its alias;
  the schema knows only the alias.
- A date field in strict mode still reads a text of digits as a Unix time; the schema's
  `format: date` takes only YYYY-MM-DD.
- The models match patterns with Rust's regex, whose `\\S` is Unicode's White_Space; Python's
  `re`, which jsonschema uses, also counts U+001C..U+001F as space.

`tests/test_schema_fast_path.py` checks, on documents generated near the schema, that the
models never vouch for one the schema refuses.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from checker.load.schema import SCHEMA_MODELS, schema_for

# Python's str.isspace() minus Unicode's White_Space: where the two regex engines' \s disagree.
SPACE_ONLY_TO_PYTHON = frozenset("\x1c\x1d\x1e\x1f")
# The guards read the document's JSON text, where each of them is found by a plain search (a
# false alarm, such as the same words inside a value, only leaves the document to the schema).
_ESCAPED_SPACES = tuple(json.dumps(char)[1:-1] for char in sorted(SPACE_ONLY_TO_PYTHON))
_ISO_DATE_TEXT = re.compile(r'[0-9]{4}-[0-9]{2}-[0-9]{2}"')


def models_vouch_for(schema_name: str, data: Any) -> bool:
    """True only if the published schema `schema_name` accepts `data` (False says nothing)."""
    if not isinstance(data, dict):
        return False
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        if not _plain(text, *_guards(schema_name)):
            return False
        SCHEMA_MODELS[schema_name].model_validate_json(text, strict=True)
    except (ValidationError, ValueError, TypeError, RecursionError):  # ValueError: NaN, lone surrogates
        return False
    return True


@cache
def _guards(schema_name: str) -> tuple[tuple[str, ...], tuple[re.Pattern, ...]]:
    """How the field names the models accept but the schema does not (Python names of aliased
    fields) and the texts given to date fields are found in a document's JSON text."""
    python_names: set[str] = set()
    for model in _models_under(SCHEMA_MODELS[schema_name]):
        python_names.update(name for name, field in model.model_fields.items()
                            if field.alias is not None and field.alias != name)
    keys = tuple(json.dumps(name) + ":" for name in sorted(python_names))
    date_fields = sorted(_date_fields(schema_for(schema_name)))
    dates = tuple(re.compile(re.escape(json.dumps(name) + ': "')) for name in date_fields)
    return keys, dates


def _plain(text: str, python_keys: tuple[str, ...], date_values: tuple[re.Pattern, ...]) -> bool:
    """Whether the document's JSON text steers clear of every place where the models and the schema
    can differ."""
    if any(escaped in text for escaped in _ESCAPED_SPACES) or any(key in text for key in python_keys):
        return False
    return all(_ISO_DATE_TEXT.match(text, found.end()) for pattern in date_values for found in pattern.finditer(text))


def _models_under(model: type[BaseModel], seen: set | None = None) -> list[type[BaseModel]]:
    seen = set() if seen is None else seen
    if model in seen:
        return []
    seen.add(model)
    found = [model]
    for field in model.model_fields.values():
        for inner in _types_in(field.annotation):
            found.extend(_models_under(inner, seen))
    return found


def _types_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for argument in getattr(annotation, "__args__", ()) for found in _types_in(argument)]


def _date_fields(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            if json.dumps(sub).find('"format": "date"') >= 0:
                names.add(name)
        for value in node.values():
            names |= _date_fields(value)
    elif isinstance(node, list):
        for value in node:
            names |= _date_fields(value)
    return names
