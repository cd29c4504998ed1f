"""The forms of issue 18 ("saying more"): each valid in the published schema, loaded as meant,
and refused with a useful message when wrong. The rules' use of them is in `tests/rules/`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.load.corpus import load_corpus
from checker.load.relation_offsets import parse_offset
from checker.load.schema import validator_for
from checker.model.diagnostics import errors_among
from checker.normalize import NormalizeOptions
from tests.corpus_builder import write_corpus

TEXT = "Acme and Globex said the plant was \u201cready for the next decade,\u201d two former staff members said."


def _document(claim: dict) -> dict:
    return {"article": {"id": "a", "text": "articles/a.txt"}, "claims": [claim]}


def _claim(**changes) -> dict:
    claim = {"id": "q", "subject": "acme-globex-deal", "property": "said",
             "value": {"kind": "quote", "speaker": "acme", "verbatim": True}, "quote": "ready for the next decade,"}
    claim.update(changes)
    return claim


def _schema_valid(claim: dict) -> bool:
    return validator_for("claim-file.schema.json").is_valid(_document(claim))


def _load(tmp_path, claim: dict, text: str = TEXT, published: str | None = "2025-11-21"):
    result = load_corpus(write_corpus(tmp_path, [{"id": "a", "text": text, "published": published,
                                                  "claims": [claim]}]))
    return result.corpus.claims, [d.format() for d in errors_among(result.diagnostics)]


# ---- 1. several parties, unnamed sources --------------------------------------------------------

SEVERAL_SPEAKERS = {"kind": "quote", "speaker": ["acme", "globex"], "verbatim": True}


@pytest.mark.parametrize(("claim", "valid"), [
    (_claim(value=SEVERAL_SPEAKERS), True),
    (_claim(), True),
    (_claim(value={**SEVERAL_SPEAKERS, "speaker": []}), False),
    (_claim(value={**SEVERAL_SPEAKERS, "speaker": ["Not A Slug"]}), False),
    (_claim(qualifiers={"attributed_to": ["former-staff", "wire"]}), True),
    (_claim(qualifiers={"attributed_to": "former-staff"}), True),
    (_claim(qualifiers={"attributed_to": []}), False),
])
def test_the_schema_takes_one_party_or_a_list(claim, valid):
    assert _schema_valid(claim) is valid


def test_several_speakers_load_as_one_party(tmp_path):
    claims, errors = _load(tmp_path, _claim(value={**SEVERAL_SPEAKERS, "speaker": ["globex", "acme", "globex"]},
                                            qualifiers={"attributed_to": ["former-staff", "wire"]}))
    assert errors == []
    (claim,) = claims
    assert claim.claim.value.speakers == ("acme", "globex")
    assert claim.claim.value.speaker_key == "acme+globex"
    assert claim.claim.qualifiers.attributed == ("former-staff", "wire")


def test_an_unknown_party_in_a_list_is_named_with_its_position(tmp_path):
    _claims, errors = _load(tmp_path, _claim(value={**SEVERAL_SPEAKERS, "speaker": ["acme", "ghost"]}))
    assert len(errors) == 1 and "unknown entity 'ghost'" in errors[0]


def test_an_unnamed_source_needs_a_description(tmp_path):
    root = write_corpus(tmp_path, [{"id": "a", "text": TEXT, "claims": [_claim()]}])
    entities = root / "registry" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(", description: two former staff members", ""),
                        encoding="utf-8")
    errors = [d.format() for d in errors_among(load_corpus(root).diagnostics)]
    assert any("entities.13: 'description' is a required property" in error for error in errors), errors


def test_an_unnamed_source_is_an_entity_kind_of_the_schema():
    registry = {"entities": [{"id": "people-familiar", "name": "people familiar with the plans",
                              "kind": "unnamed-source", "description": "a person familiar with the plans"}]}
    assert validator_for("entities.schema.json").is_valid(registry)
    del registry["entities"][0]["description"]
    assert not validator_for("entities.schema.json").is_valid(registry)


# ---- 5. registry additions ------------------------------------------------------------------------

NEW_PROPERTIES = [
    {"id": "founded-by", "label": "was founded by", "value_kind": "set"},
    {"id": "market-rank", "label": "ranks among its competitors at", "value_kind": "count"},
    {"id": "founded-on", "label": "was founded in", "value_kind": "date", "tolerance": {"days": 0}},
]


def test_the_new_properties_are_registry_entries_of_the_schema():
    assert validator_for("properties.schema.json").is_valid({"properties": NEW_PROPERTIES})


@pytest.mark.parametrize(("text", "low", "high"), [("1", 1, 1), ("2", 2, 2), ("up to 3", 0, 3), ("at least 1", 1, None)])
def test_a_market_rank_loads_as_an_interval_of_ranks(tmp_path, text, low, high):
    claims, errors = _load(tmp_path, {"id": "r", "subject": "acme", "property": "market-rank",
                                      "value": {"kind": "count", "text": text}, "qualifiers": {"scope": "batteries"},
                                      "quote": "Acme and Globex"})
    assert errors == []
    (claim,) = claims
    assert (claim.value.low, claim.value.high) == (low, high)


# ---- 2. when and where a statement was made -------------------------------------------------------

def test_the_schema_takes_stated_on_and_stated_in():
    assert _schema_valid(_claim(qualifiers={"stated_on": "on Wednesday", "stated_in": "jane-doe-podcast"}))
    assert not _schema_valid(_claim(qualifiers={"stated_on": ""}))
    assert not _schema_valid(_claim(qualifiers={"stated_in": "A Podcast"}))


def test_stated_on_is_resolved_against_the_publication_date(tmp_path):
    claims, errors = _load(tmp_path, _claim(qualifiers={"stated_on": "on Wednesday", "stated_in": "jane-doe-podcast"}))
    assert errors == []
    (claim,) = claims
    assert (claim.stated_on.start, claim.stated_on.end) == (dt.date(2025, 11, 19), dt.date(2025, 11, 19))


def test_stated_on_without_a_publication_date_is_kept_undated(tmp_path):
    claims, errors = _load(tmp_path, _claim(qualifiers={"stated_on": "on Wednesday"}), published=None)
    assert errors == [] and claims[0].stated_on.start is None


def test_a_stated_on_that_is_no_date_and_an_unknown_stated_in_are_refused(tmp_path):
    _claims, errors = _load(tmp_path, _claim(qualifiers={"stated_on": "the blue moon", "stated_in": "ghost-call"}))
    assert any("stated on 'the blue moon'" in error for error in errors), errors
    assert any("unknown entity 'ghost-call'" in error for error in errors), errors


# ---- 4. relations with a size ---------------------------------------------------------------------

def _relation(by) -> dict:
    value = {"kind": "relation", "relation": "before", "event": "other-deal"}
    if by is not None:
        value["by"] = by
    return {"id": "r", "subject": "acme-globex-deal", "property": "ordered-relative-to", "value": value,
            "quote": "Acme and Globex"}


def test_the_schema_takes_a_relation_with_or_without_a_size():
    assert _schema_valid(_relation("hours")) and _schema_valid(_relation(None))
    assert not _schema_valid(_relation("")) and not _schema_valid(_relation(14))


@pytest.mark.parametrize(("by", "low", "high"), [
    ("hours", 0, 1), ("hours earlier", 0, 1), ("shortly", 0, 7), ("two weeks", 10, 18), ("a day", 0, 2),
    ("3 days", 2, 4), ("about two weeks", 12, 16), ("a few days", 2, 10), ("six months", 154, 202),
    ("years", 365, None), ("more than two weeks", 14, None),
])
def test_a_relation_size_loads_as_calendar_days_apart(tmp_path, by, low, high):
    claims, errors = _load(tmp_path, _relation(by))
    assert errors == []
    (claim,) = claims
    assert (claim.value.low, claim.value.high, claim.value.unit) == (low, high, "day")


def test_a_relation_without_a_size_has_no_value(tmp_path):
    claims, errors = _load(tmp_path, _relation(None))
    assert errors == [] and claims[0].value is None


@pytest.mark.parametrize("by", ["two gigawatts", "blue"])
def test_a_size_that_is_no_length_of_time_is_refused(tmp_path, by):
    _claims, errors = _load(tmp_path, _relation(by))
    assert len(errors) == 1 and f"size {by!r}" in errors[0], errors


@given(st.sampled_from(["hours", "days", "weeks", "two weeks", "3 months", "about a year", "a few days", "shortly"]))
def test_a_relation_size_is_an_ordered_interval_of_whole_days(by):
    size = parse_offset(by, NormalizeOptions())
    assert size.low >= 0 and (size.high is None or size.low <= size.high)
    assert size.low == int(size.low) and (size.high is None or size.high == int(size.high))


# ---- 3. rates per unit and derived figures --------------------------------------------------------

def _rate(text="more than $9 million", per="megawatt", **qualifiers) -> dict:
    claim = {"id": "r", "subject": "acme", "property": "unit-cost", "value": {"kind": "rate", "text": text, "per": per},
             "quote": "Acme and Globex"}
    if qualifiers:
        claim["qualifiers"] = qualifiers
    return claim


def _total(claim_id="t", text="$90 billion") -> dict:
    return {"id": claim_id, "subject": "acme", "property": "investment", "value": {"kind": "money", "text": text},
            "quote": "Acme and Globex"}


@pytest.mark.parametrize(("claim", "valid"), [
    (_rate(), True),
    (_rate(per="Mega Watt!"), False),
    ({**_rate(), "value": {"kind": "rate", "text": "$9 million"}}, False),
    (_rate(derived={"from": ["t"], "relation": "average", "over": "six years"}), True),
    (_rate(derived={"from": ["t"], "relation": "ratio", "factor": "triple"}), True),
    (_rate(derived={"from": ["t"], "relation": "ratio", "factor": 2.5}), True),
    (_rate(derived={"from": [], "relation": "sum"}), False),
    (_rate(derived={"from": ["t"], "relation": "median"}), False),
])
def test_the_schema_takes_rates_and_derived_figures(claim, valid):
    assert _schema_valid(claim) is valid


def _load_many(tmp_path, claims: list[dict]):
    result = load_corpus(write_corpus(tmp_path, [{"id": "a", "text": TEXT, "claims": claims}]))
    return result.corpus.claims, [d.format() for d in errors_among(result.diagnostics)]


@pytest.mark.parametrize(("text", "kind", "unit"), [("more than $9 million", "money", None),
                                                    ("600 trucks", "quantity", "truck")])
def test_a_rate_loads_as_money_or_a_quantity_per_unit(tmp_path, text, kind, unit):
    claims, errors = _load_many(tmp_path, [_rate(text=text, per="month")])
    assert errors == []
    (claim,) = claims
    assert claim.value.kind == kind and getattr(claim.value, "unit", None) == unit
    assert claim.claim.value.per == "month"


def test_a_derived_figure_loads_with_the_claims_it_names(tmp_path):
    claims, errors = _load_many(tmp_path, [_total(), _rate(text="$15 billion", per="year",
                                                           derived={"from": ["t"], "relation": "average",
                                                                    "over": "six years"})])
    assert errors == []
    derived = next(claim for claim in claims if claim.claim.id == "r").claim.qualifiers.derived
    assert (derived.from_, derived.relation, derived.over) == (["t"], "average", "six years")


@pytest.mark.parametrize(("derived", "message"), [
    ({"from": ["ghost"], "relation": "sum"}, "a sum names at least two claims"),
    ({"from": ["t", "ghost"], "relation": "sum"}, "derived names 'ghost'"),
    ({"from": ["t"], "relation": "ratio", "factor": "a lot"}, "a ratio names one claim and a factor above zero"),
    ({"from": ["t"], "relation": "ratio"}, "a ratio names one claim and a factor"),
    ({"from": ["t"], "relation": "average"}, "an average names a total and either"),
    ({"from": ["t"], "relation": "average", "over": "blue"}, "over 'blue'"),
    ({"from": ["t", "r"], "relation": "difference"}, "derived names 'r'"),
])
def test_a_derived_figure_that_cannot_be_computed_is_refused(tmp_path, derived, message):
    _claims, errors = _load_many(tmp_path, [_total(), _rate(derived=derived)])
    assert any(message in error for error in errors), errors
