"""JSON output helpers shared by the commands and the reporters: exact numbers, ISO dates."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from checker.report.safe import json_safe


def json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dump_json(data: object, *, indent: int | None = None) -> str:
    return json_safe(json.dumps(data, default=json_default, ensure_ascii=False, indent=indent))
