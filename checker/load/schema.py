"""JSON Schemas generated from the models: the contract editors' tools autocomplete against."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from pydantic import BaseModel

from checker.model.claims import ClaimFile, EntityRegistry, PropertyRegistry
from checker.model.reviews import ReviewFile

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "claim-file.schema.json": ClaimFile,
    "entities.schema.json": EntityRegistry,
    "properties.schema.json": PropertyRegistry,
    "reviews.schema.json": ReviewFile,
}


def schema_for(file_name: str) -> dict[str, Any]:
    schema = SCHEMA_MODELS[file_name].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": file_name, **schema}


def render_schema(file_name: str) -> str:
    return json.dumps(schema_for(file_name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def validator_for(file_name: str) -> Draft202012Validator:
    return Draft202012Validator(schema_for(file_name), format_checker=FormatChecker())


_DISCRIMINATED = "x-claimcheck-discriminated"
_DEFINITION = "#/$defs/"


def _discriminated(validator: Any, union: dict[str, Any], instance: Any, schema: dict[str, Any]) -> Any:
    """Validate a value against the branch its tag names; an unknown or missing tag, against them all."""
    kind = instance.get(union["tag"]) if isinstance(instance, dict) else None
    branch = union["branches"].get(kind) if isinstance(kind, str) else None
    yield from validator.descend(instance, {"oneOf": union["oneOf"]} if branch is None else branch)


_QuickValidator = validators.extend(Draft202012Validator, {_DISCRIMINATED: _discriminated})


@cache
def quick_validator_for(file_name: str) -> Draft202012Validator:
    """A validator that accepts exactly what `validator_for` accepts, in a fraction of the time.

    A union of value kinds is a `oneOf`, which JSON Schema checks against every branch to be sure
    exactly one matches; its discriminator says which one can. Here a value whose tag the
    discriminator names is checked against that branch alone, anything else against the `oneOf`
    as before. It only tells valid from invalid: errors are always explained by `validator_for`.
    """
    schema = schema_for(file_name)
    return _QuickValidator(_by_discriminator(schema, schema.get("$defs", {})), format_checker=FormatChecker())


def _by_discriminator(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_by_discriminator(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _by_discriminator(value, definitions) for key, value in node.items()}
    branches = _discriminated_branches(node, definitions)
    if branches is None:
        return node
    rest = {key: value for key, value in node.items() if key not in ("oneOf", "discriminator")}
    union = {"tag": node["discriminator"]["propertyName"], "oneOf": node["oneOf"],
             "branches": {kind: {"$ref": reference} for kind, reference in branches.items()}}
    return {**rest, _DISCRIMINATED: union}


def _discriminated_branches(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, str] | None:
    """The discriminator's {kind: $ref}, when rewriting the `oneOf` by it keeps its meaning: its
    branches are exactly the mapping's references, and each requires its own constant `kind`
    (so a value of one kind fails every other branch)."""
    discriminator, one_of = node.get("discriminator"), node.get("oneOf")
    if not isinstance(discriminator, dict) or not isinstance(one_of, list):
        return None
    tag, mapping = discriminator.get("propertyName"), discriminator.get("mapping")
    if not isinstance(tag, str) or not isinstance(mapping, dict):
        return None
    if sorted(json.dumps(branch, sort_keys=True) for branch in one_of) != sorted(
            json.dumps({"$ref": reference}) for reference in mapping.values()):
        return None
    for kind, reference in mapping.items():
        target = definitions.get(reference[len(_DEFINITION):]) if reference.startswith(_DEFINITION) else None
        if not isinstance(target, dict) or target.get("properties", {}).get(tag, {}).get("const") != kind:
            return None
    return mapping
