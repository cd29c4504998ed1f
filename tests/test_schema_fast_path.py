"""The models vouch for a document only when the published schema accepts it, so loading with
the fast path accepts and refuses exactly what loading with jsonschema alone does."""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.load.schema import validator_for
from checker.load.schema_errors import schema_problems
from checker.load.schema_fast_path import SPACE_ONLY_TO_PYTHON, models_vouch_for
from checker.load.yaml_source import YamlDocument

CLAIM_FILE = "claim-file.schema.json"
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)
dates = st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)).map(lambda day: day.isoformat())

values = st.one_of(
    st.builds(lambda kind, text: {"kind": kind, "text": text},
              st.sampled_from(["date", "money", "quantity", "count", "fraction"]), texts),
    st.builds(lambda text, per: {"kind": "rate", "text": text, "per": per}, texts, st.sampled_from(["year", "a day"])),
    st.builds(lambda entity: {"kind": "entity", "entity": entity}, slugs),
    st.builds(lambda items, whole: {"kind": "set", "items": items, "exhaustive": whole},
              st.lists(texts, min_size=1, max_size=3), st.booleans()),
    st.builds(lambda who, words, verbatim: {"kind": "quote", "speaker": who, "words": words, "verbatim": verbatim},
              st.one_of(slugs, st.lists(slugs, min_size=1, max_size=2)), st.none() | texts, st.booleans()),
    st.builds(lambda flag: {"kind": "boolean", "value": flag}, st.booleans()),
    st.builds(lambda rel, event: {"kind": "relation", "relation": rel, "event": event},
              st.sampled_from(["before", "after"]), slugs),
)
qualifiers = st.fixed_dictionaries({}, optional={
    "period": texts, "rate": st.sampled_from(["day", "year"]), "scope": slugs, "hedge": st.sampled_from(["approximate"]),
    "modality": st.sampled_from(["asserted", "intends"]), "tense": st.sampled_from(["past", "future"]),
    "attributed_to": slugs, "place": slugs,
    "derived": st.builds(lambda names, factor: {"from": names, "relation": "ratio", "factor": factor},
                         st.lists(slugs, min_size=1, max_size=1), st.sampled_from(["triple", 2.5, 3])),
})
claims = st.fixed_dictionaries(
    {"id": slugs, "subject": slugs, "property": st.none() | slugs, "value": values, "qualifiers": qualifiers,
     "quote": st.one_of(texts, st.fixed_dictionaries({"exact": texts}, optional={"prefix": texts, "suffix": texts}))},
    optional={"note": texts, "draft": st.booleans()},
)
articles = st.fixed_dictionaries(
    {"id": slugs, "text": st.just("articles/a.txt")},
    optional={"title": texts, "publisher": slugs, "url": st.just("https://example.com/a"), "published": dates,
              "timezone": st.just("Europe/Paris"), "derived_from": st.lists(slugs, max_size=2)},
)
claim_files = st.fixed_dictionaries({"article": articles}, optional={"claims": st.lists(claims, max_size=3)})

# What an editor's slip or a hostile file puts in place of a value: first the values where the
# models and the schema are known to be able to differ, then anything.
tricky = st.sampled_from(["1732147200", "2025-11-21T00:00:00", "2025-13-01", "20251121", "abc\n", "http://a\x1fb",
                          *sorted(SPACE_ONLY_TO_PYTHON), "", "x" * 501, "3", "true", 1.0, float("nan"), 10**400, True])
junk = st.one_of(tricky, st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8), st.just([]),
                 st.just({}), st.lists(st.integers(), max_size=2))
new_keys = st.sampled_from(["from_", "from", "extra", "kind", "id", "exact", "published", "text"])


def _paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


@st.composite
def mutated(draw, documents=claim_files):
    document = copy.deepcopy(draw(documents))
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(list(_paths(document))))
        if not path:
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["tweak", "tweak", "replace", "delete", "add", "rename"]))
        if action == "tweak" and isinstance(parent[path[-1]], str):
            parent[path[-1]] = draw(st.sampled_from([parent[path[-1]] + "\n", "1732147200", "a\x1fb",
                                                     "https://a\x1cb", "2025-11-21T00:00:00"]))
        elif action in ("tweak", "replace"):
            parent[path[-1]] = draw(junk)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            target = parent[path[-1]]
            if action == "add":
                target[draw(new_keys)] = draw(junk)
            elif target:
                key = draw(st.sampled_from(sorted(target)))
                target[key + "_"] = target.pop(key)  # `from_`: the Python name of `from`
    return document


def _schema_accepts(document) -> bool:
    return validator_for(CLAIM_FILE).is_valid(document)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_models_never_vouch_for_a_document_the_schema_refuses(document):
    if models_vouch_for(CLAIM_FILE, document):
        assert _schema_accepts(document)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_files)
def test_the_models_vouch_for_the_documents_editors_write(document):
    assert _schema_accepts(document)
    assert models_vouch_for(CLAIM_FILE, document)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(claim_files, mutated()))
def test_loading_accepts_and_refuses_what_the_schema_alone_does(document):
    problems = list(schema_problems(CLAIM_FILE, YamlDocument(document, {(): (1, 1)}), "a.claims.yaml"))
    assert (problems == []) == _schema_accepts(document)


def test_the_space_characters_the_regex_engines_disagree_on_are_guarded():
    python_spaces = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    unicode_white_space = {chr(code) for code in [*range(9, 14), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                                                  0x2028, 0x2029, 0x202F, 0x205F, 0x3000]}
    assert python_spaces - unicode_white_space == SPACE_ONLY_TO_PYTHON
    assert unicode_white_space <= python_spaces
    assert all(unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cc") for char in unicode_white_space)


def test_a_date_written_as_a_unix_time_is_left_to_the_schema():
    document = {"article": {"id": "a", "text": "articles/a.txt", "published": "1732147200"}}
    assert not _schema_accepts(document)
    assert not models_vouch_for(CLAIM_FILE, document)


def test_a_character_only_python_counts_as_space_is_left_to_the_schema():
    document = {"article": {"id": "a", "text": "articles/a.txt", "url": "https://a\x1fb"}}
    assert not _schema_accepts(document)
    assert not models_vouch_for(CLAIM_FILE, document)


def test_a_python_field_name_is_left_to_the_schema():
    claim = {"id": "c", "subject": "s", "property": "p", "value": {"kind": "count", "text": "3"}, "quote": "three",
             "qualifiers": {"derived": {"from_": ["b"], "relation": "ratio", "factor": 3}}}
    document = {"article": {"id": "a", "text": "articles/a.txt"}, "claims": [claim]}
    assert not _schema_accepts(document)
    assert not models_vouch_for(CLAIM_FILE, document)
