"""The committed JSON Schemas are generated from the models; they must not drift."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.load.schema import SCHEMA_MODELS, quick_validator_for, render_schema, validator_for
from checker.load.yaml_source import parse_yaml
from checker.model.claims import VALUE_KINDS
from tests.conftest import REPO, SEED_CORPUS


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
    for path in sorted(SEED_CORPUS.glob("*.claims.yaml")):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../schemas/claim-file.schema.json", path.name


def test_value_kinds_are_a_closed_union_in_the_schema():
    schema = json.loads(render_schema("claim-file.schema.json"))
    value = schema["$defs"]["Claim"]["properties"]["value"]
    kinds = sorted(schema["$defs"][ref["$ref"].rsplit("/", 1)[1]]["properties"]["kind"]["const"] for ref in value["oneOf"])
    assert kinds == sorted(["boolean", "count", "date", "entity", "fraction", "money", "quantity", "quote", "rate", "relation", "set"])


# ---- the quick validator accepts exactly what the published schema accepts ------------------------

SEED_DOCUMENTS = [parse_yaml(path.read_text(encoding="utf-8"), path.name).data for path in sorted(SEED_CORPUS.glob("*.claims.yaml"))]
SEED_VALUES = [claim["value"] for document in SEED_DOCUMENTS for claim in document["claims"]]
VALUE_FIELDS = sorted({name for value in SEED_VALUES for name in value} | {"speaker", "items", "exhaustive", "unit"})
ANY_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6)
                         | st.sampled_from([*VALUE_KINDS, "$1 billion", "2025-11-20", "openai"]),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                         max_leaves=6)


@st.composite
def mutated_values(draw):
    value = dict(draw(st.sampled_from(SEED_VALUES)))
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(VALUE_FIELDS))
        if draw(st.booleans()):
            value.pop(name, None)
        else:
            value[name] = draw(st.sampled_from(VALUE_KINDS) if name == "kind" and draw(st.booleans()) else ANY_VALUE)
    return value


def _validity(document):
    return validator_for("claim-file.schema.json").is_valid(document), quick_validator_for("claim-file.schema.json").is_valid(document)


def test_the_quick_validator_uses_the_discriminator_of_the_value_union():
    value = quick_validator_for("claim-file.schema.json").schema["$defs"]["Claim"]["properties"]["value"]
    assert "oneOf" not in value and sorted(value["x-claimcheck-discriminated"]["branches"]) == sorted(VALUE_KINDS)


@pytest.mark.parametrize("document", SEED_DOCUMENTS, ids=lambda document: document["article"]["id"])
def test_the_quick_validator_accepts_the_seed_files(document):
    assert _validity(document) == (True, True)


@settings(max_examples=400, derandomize=True)
@given(st.sampled_from(SEED_DOCUMENTS), mutated_values() | ANY_VALUE)
def test_the_quick_validator_agrees_with_the_schema_on_any_value(document, value):
    changed = {**document, "claims": [{**document["claims"][0], "value": value}, *document["claims"][1:]]}
    valid, quickly_valid = _validity(changed)
    assert quickly_valid == valid
