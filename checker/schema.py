"""JSON Schemas generated from the models: the contract editors' tools autocomplete against."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from pydantic import BaseModel

from checker.models import ClaimFile, EntityRegistry, PropertyRegistry
from checker.reviews import ReviewFile

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
