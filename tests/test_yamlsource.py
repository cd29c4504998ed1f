import pytest

from checker.load.yaml_source import MAX_ALIAS_EXPANSION, parse_yaml
from checker.model.diagnostics import Code, InputError


def error_of(text: str):
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "f.yaml")
    [diagnostic] = caught.value.diagnostics
    return diagnostic


def test_positions_are_recorded_for_every_value():
    document = parse_yaml("a:\n  b: [1, 2]\n  c: x\n", "f.yaml")
    assert document.data == {"a": {"b": [1, 2], "c": "x"}}
    assert document.position(("a", "c")) == (3, 6)
    assert document.position(("a", "b", 1)) == (2, 10)
    assert document.position(("a", "missing")) == (2, 3)


def test_dates_stay_text_for_schema_validation():
    assert parse_yaml("published: 2025-11-21\n", "f.yaml").data == {"published": "2025-11-21"}


def test_syntax_error_names_line_and_column():
    diagnostic = error_of("a: [1, 2\nb: 3\n")
    assert diagnostic.code == Code.YAML_SYNTAX and diagnostic.line == 2


def test_python_object_tags_are_refused():
    diagnostic = error_of("a: !!python/object/apply:os.system ['echo hi']\n")
    assert diagnostic.code == Code.YAML_FORBIDDEN and "tag" in diagnostic.message


def test_billion_laughs_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [*a{i-1},*a{i-1},*a{i-1},*a{i-1},*a{i-1},*a{i-1},*a{i-1},*a{i-1},*a{i-1}]" for i in range(1, 10)]
    diagnostic = error_of("\n".join(lines) + "\n")
    assert f"{MAX_ALIAS_EXPANSION:,}" in diagnostic.message


def test_a_large_honest_document_is_not_taken_for_an_alias_bomb():
    values = "".join(f"  - value {number}\n" for number in range(250_000))  # more than the old cap of 200,000
    document = parse_yaml("values:\n" + values, "registry/entities.yaml")
    assert len(document.data["values"]) == 250_000


def test_duplicate_keys_are_an_error_not_a_silent_overwrite():
    diagnostic = error_of("id: a\nid: b\n")
    assert "appears twice" in diagnostic.message and diagnostic.line == 2


def test_impossible_dates_are_value_errors():
    assert error_of("published: 2025-02-30\n").code == Code.VALUE
