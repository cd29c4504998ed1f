"""The committed JSON Schemas are generated from the models; they must not drift."""

import json

import pytest

from checker.cli import main
from checker.schema import SCHEMA_MODELS, render_schema
from tests.conftest import REPO


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_committed_schema_matches_the_models(name):
    committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
    assert committed == render_schema(name), f"schemas/{name} is stale: run `claimcheck schema` and commit"


def test_schema_check_flag_reports_drift(tmp_path, capsys):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 0
    (tmp_path / "claim-file.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 1
    assert "claim-file.schema.json: stale" in capsys.readouterr().err


def test_claim_files_point_editors_at_the_schema():
    for path in sorted((REPO / "claims").glob("*.claims.yaml")):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../schemas/claim-file.schema.json", path.name


def test_value_kinds_are_a_closed_union_in_the_schema():
    schema = json.loads(render_schema("claim-file.schema.json"))
    value = schema["$defs"]["Claim"]["properties"]["value"]
    kinds = sorted(schema["$defs"][ref["$ref"].rsplit("/", 1)[1]]["properties"]["kind"]["const"] for ref in value["oneOf"])
    assert kinds == sorted(["boolean", "count", "date", "entity", "fraction", "money", "quantity", "quote", "relation", "set"])
