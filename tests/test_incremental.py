"""A change re-checked group by group from the last full check's snapshot gives exactly the
report a full check gives: articles added, edited, removed, texts edited, reviews recorded."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from unittest.mock import patch

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.bench.generate import generate_corpus
from checker.cli import main
from checker.config import Config
from checker.incremental.cache import FileCache
from checker.incremental.change_check import check_change
from checker.incremental.groups import claim_tags, index_tags
from checker.index.index import build_index
from checker.load.corpus import load_corpus
from checker.pipeline import check_corpus
from checker.report.outcome import CheckResult, scoped_to_change
from tests.corpus_builder import write_corpus

ARTICLES, HELD_OUT = 30, 3
AN_HOUR_AGO = time.time() - 3600


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> Path:
    """A corpus checked in full with a cache (so a snapshot was taken), three articles held out."""
    directory = tmp_path_factory.mktemp("incremental")
    root = directory / "work" / "claims"  # where each example works: the snapshot names the corpus's path
    generate_corpus(root, ARTICLES + HELD_OUT, "incremental")
    held = directory / "held"
    for claim_file in sorted(root.glob("*.claims.yaml"))[ARTICLES:]:
        (held / "articles").mkdir(parents=True, exist_ok=True)
        shutil.move(claim_file, held / claim_file.name)
        shutil.move(root / "articles" / claim_file.name.replace(".claims.yaml", ".txt"), held / "articles")
    for path in root.rglob("*"):  # older than the snapshot by more than an mtime tick
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    result = check_corpus(root, Config(), cache=FileCache(directory / "work" / "cache"))
    _write_reviews(root, result.findings)
    shutil.move(directory / "work", directory / "base")
    return directory


def _write_reviews(root: Path, findings) -> None:
    reviews = [{"finding": finding.id, "decision": "dismissed", "reviewer": "A. Editor", "date": "2025-11-24",
                "reason": "checked by hand", "evidence": finding.fingerprint} for finding in findings[::40]]
    reviews.append({**reviews[0], "finding": "CC101-000000000000"})  # a finding that never existed
    (root / "reviews.yaml").write_text(yaml.safe_dump({"reviews": reviews}), encoding="utf-8")
    os.utime(root / "reviews.yaml", (AN_HOUR_AGO, AN_HOUR_AGO))


def _workspace(checked: Path) -> tuple[Path, Path]:
    work = checked / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(checked / "base", work)  # copies keep their mtimes: unchanged files look unchanged
    shutil.copytree(work / "cache", work / "loading-only")
    for snapshot in (work / "loading-only").glob("snapshot-*"):
        snapshot.unlink()  # so that the full check cannot take the short way
    return work / "claims", work / "cache"


def _full_check(root: Path, named) -> CheckResult:
    """The full check, the base checked in full too; its files loaded through a cache of their own
    (which never changes a result)."""
    with patch("checker.pipeline.findings_of_base", return_value=None):
        return check_corpus(root, Config(), new_files=tuple(named), cache=FileCache(root.parent / "loading-only"))


def _edit(path: Path, how: str, registry_ids: list[str]) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    claims = document["claims"]
    if how == "drop a claim":
        claims.pop(len(claims) // 2)
    elif how == "change a value":
        for claim in claims:
            if claim["value"]["kind"] == "money":
                claim["value"]["text"] = "$1 billion"
                break
    elif how == "change a subject":
        claims[0]["subject"] = registry_ids[len(claims) % len(registry_ids)]
    elif how == "unquote a statement":
        for claim in claims:
            if claim["value"]["kind"] == "quote":
                claim["value"]["verbatim"] = not claim["value"]["verbatim"]
    elif how == "give a statement to another speaker":
        for claim in claims:
            if claim["value"]["kind"] == "quote":
                claim["value"]["speaker"] = claim["subject"] = registry_ids[len(claims) % len(registry_ids)]
                break
    elif how == "break a claim":
        claims[-1]["subject"] = "nobody-we-know"
    document["claims"] = claims
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


EDITS = ["drop a claim", "change a value", "change a subject", "unquote a statement",
         "give a statement to another speaker", "break a claim", "text"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(added=st.integers(0, HELD_OUT), removed=st.lists(st.integers(0, ARTICLES - 1), max_size=2, unique=True),
       edited=st.lists(st.tuples(st.integers(0, ARTICLES - 1), st.sampled_from(EDITS)), max_size=2,
                       unique_by=lambda edit: edit[0]),
       name_an_edited_one=st.booleans())
def test_a_change_rechecked_from_the_snapshot_equals_a_full_check(checked, added, removed, edited,
                                                                  name_an_edited_one):
    root, cache = _workspace(checked)
    existing = sorted(root.glob("*.claims.yaml"))
    named = []
    for claim_file in sorted((checked / "held").glob("*.claims.yaml"))[:added]:
        shutil.copy(claim_file, root / claim_file.name)
        text = claim_file.name.replace(".claims.yaml", ".txt")
        shutil.copy(checked / "held" / "articles" / text, root / "articles" / text)
        named.append(root / claim_file.name)
    registry_ids = [line.split("id: ")[1].split(",")[0] for line in
                    (root / "registry" / "entities.yaml").read_text(encoding="utf-8").splitlines() if "id: " in line]
    for position, how in edited:
        if how == "text":
            text = root / "articles" / existing[position].name.replace(".claims.yaml", ".txt")
            text.write_text(text.read_text(encoding="utf-8") + "\nA correction was appended.\n", encoding="utf-8")
        else:
            _edit(existing[position], how, registry_ids)
    for position in removed:
        if position not in {edit[0] for edit in edited}:
            existing[position].unlink()
    if name_an_edited_one and edited and existing[edited[0][0]].exists():
        named.append(existing[edited[0][0]])
    if not named:
        named.append(next(path for path in existing if path.exists()))

    quick = check_change(root, Config(), tuple(named), FileCache(cache))
    full = _full_check(root, named)
    assert quick is not None, "the snapshot should have been used"
    assert quick.report == scoped_to_change(full).report
    assert quick.diagnostics == full.diagnostics
    # the whole report, its base checked group by group from the snapshot the full check takes
    assert check_corpus(root, Config(), new_files=tuple(named), cache=FileCache(cache)).report == full.report


def test_a_changed_registry_is_checked_in_full_with_the_same_result(checked):
    root, cache = _workspace(checked)
    properties = root / "registry" / "properties.yaml"
    properties.write_text(properties.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    named = (sorted(root.glob("*.claims.yaml"))[0],)
    assert check_change(root, Config(), named, FileCache(cache)) is None
    with_cache = check_corpus(root, Config(), new_files=named, only_changes=True, cache=FileCache(cache))
    assert with_cache.report == scoped_to_change(_full_check(root, named)).report


def test_only_changes_needs_a_change(checked, monkeypatch, capsys):
    root, _ = _workspace(checked)
    monkeypatch.chdir(root.parent)
    assert main(["check", "claims", "--only-changes"]) == 2
    assert "--only-changes needs --new or --base" in capsys.readouterr().err


def test_a_quote_corroborated_apart_from_the_new_one_stays_corroborated_in_the_base(tmp_path):
    """b is corroborated by a and, once c comes, by c too; a and c share no words (nor a subject).
    The base (without c) must still see a corroborate b, though a is not among what c touches."""
    said = "alpha beta gamma delta epsilon zeta eta"
    articles = [
        {"id": "a", "text": "She said: alpha beta gamma.", "claims": [_quote("alpha beta gamma", "acme")]},
        {"id": "b", "text": f"She said: {said}.", "claims": [_quote(said, "globex")]},
    ]
    root = write_corpus(tmp_path / "claims", articles)
    for path in root.rglob("*"):
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    check_corpus(root, Config(), cache=FileCache(tmp_path / "cache"))
    new = write_corpus(root, [{"id": "c", "text": "She said: epsilon zeta eta.",
                               "claims": [_quote("epsilon zeta eta", "acme-globex-deal")]}])
    named = (new / "c.claims.yaml",)
    quick = check_change(root, Config(), named, FileCache(tmp_path / "cache"))
    assert quick is not None and quick.report == check_corpus(root, Config(), new_files=named, only_changes=True).report
    assert quick.report.change.gone_findings == ()


def _quote(words: str, subject: str) -> dict:
    return {"id": "q", "subject": subject, "property": "said",
            "value": {"kind": "quote", "speaker": "jane-doe", "verbatim": True}, "quote": words}


def test_the_same_words_given_to_another_speaker_are_found_from_the_snapshot(tmp_path):
    words = "we will build the future of computing together"
    root = write_corpus(tmp_path / "claims", [
        {"id": "a", "text": f"She said: {words}.", "claims": [_quote(words, "acme")]},
        {"id": "b", "text": "She said: nothing else matters.", "claims": [_quote("nothing else matters", "acme")]},
    ])
    for path in root.rglob("*"):
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    check_corpus(root, Config(), cache=FileCache(tmp_path / "cache"))
    other = {**_quote(words, "globex"), "value": {"kind": "quote", "speaker": "john-roe", "verbatim": True}}
    write_corpus(root, [{"id": "c", "text": f"He said: {words}.", "claims": [other]}])
    named = (root / "c.claims.yaml",)
    quick = check_change(root, Config(), named, FileCache(tmp_path / "cache"))
    assert quick is not None and quick.report == scoped_to_change(_full_check(root, named)).report
    assert [(f.rule, f.status.value) for f in quick.findings if f.rule == "CC105"] == [("CC105", "conflict")]


def test_a_snapshot_is_kept_across_small_changes_and_still_answers_exactly(checked):
    root, cache = _workspace(checked)
    snapshot = next(cache.glob("snapshot-*"))
    taken = snapshot.stat().st_mtime_ns
    edited = sorted(root.glob("*.claims.yaml"))[3]
    _edit(edited, "change a value", [])
    check_corpus(root, Config(), cache=FileCache(cache))  # one file differs: the snapshot stays
    assert snapshot.stat().st_mtime_ns == taken
    named = (edited,)
    quick = check_change(root, Config(), named, FileCache(cache))
    assert quick is not None and quick.report == scoped_to_change(_full_check(root, named)).report
    check_corpus(root, Config(), new_files=named, cache=FileCache(cache))  # a change's base needs it exact
    assert snapshot.stat().st_mtime_ns != taken


def test_a_snapshot_tags_each_claim_as_the_groups_module_does(checked):
    root, _ = _workspace(checked)
    index = build_index(load_corpus(root).corpus)
    properties = index.corpus.properties
    assert sorted(index_tags(index)) == sorted(
        (claim_tag, claim.uid) for claim in index.corpus.claims for claim_tag in claim_tags(claim, properties))


def _said(words: str, speaker, **qualifiers) -> dict:
    claim = {"id": "q", "subject": "acme", "property": "said",
             "value": {"kind": "quote", "speaker": speaker, "verbatim": True}, "quote": words}
    return {**claim, "qualifiers": qualifiers} if qualifiers else claim


def test_the_forms_of_saying_more_are_rechecked_from_the_snapshot_as_in_full(tmp_path):
    """Several speakers, occasions, sized relations and an article's own arithmetic (CC111, per
    article): a new article and an edited one, re-checked group by group, give the full check."""
    words = "a new chapter for both of us"
    arithmetic = [
        {"id": "total", "subject": "acme", "property": "investment", "value": {"kind": "money", "text": "$90 billion"},
         "quote": "$90 billion"},
        {"id": "yearly", "subject": "acme", "property": "investment", "value": {"kind": "money", "text": "$15 billion"},
         "qualifiers": {"rate": "year", "derived": {"from": ["total"], "relation": "average", "over": "six years"}},
         "quote": "$15 billion a year"},
    ]
    dates = [{"id": "d", "subject": "acme-globex-deal", "property": "announced-on",
              "value": {"kind": "date", "text": "March 4, 2025"}, "quote": "March 4, 2025"},
             {"id": "o", "subject": "other-deal", "property": "announced-on",
              "value": {"kind": "date", "text": "March 3, 2025"}, "quote": "March 3, 2025"}]
    root = write_corpus(tmp_path / "claims", [
        {"id": "a", "text": f"They said: {words}. Acme invests $90 billion, $15 billion a year (or $25 billion a year).",
         "claims": [_said(words, ["acme", "globex"], stated_on="March 3, 2025"), *arithmetic]},
        {"id": "b", "text": f"Doe said: {words}. March 4, 2025 and March 3, 2025.",
         "claims": [_said(words, "jane-doe"), *dates]},
    ])
    for path in root.rglob("*"):
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    check_corpus(root, Config(), cache=FileCache(tmp_path / "cache"))
    relation = {"id": "r", "subject": "acme-globex-deal", "property": "ordered-relative-to",
                "value": {"kind": "relation", "relation": "after", "event": "other-deal", "by": "two weeks"},
                "quote": "two weeks after"}
    write_corpus(root, [
        {"id": "c", "text": f"The companies said: {words}. It came two weeks after the other deal.",
         "claims": [_said(words, ["globex", "acme"], stated_on="March 3, 2025"), relation]},
        {"id": "a", "text": f"They said: {words}. Acme invests $90 billion, $15 billion a year (or $25 billion a year).",
         "claims": [_said(words, ["acme", "globex"], stated_on="March 3, 2025"), arithmetic[0],
                    {**arithmetic[1], "value": {"kind": "money", "text": "$25 billion"}, "quote": "$25 billion a year"}]},
    ])
    named = (root / "c.claims.yaml", root / "a.claims.yaml")
    quick = check_change(root, Config(), named, FileCache(tmp_path / "cache"))
    full = _full_check(root, named)
    assert quick is not None and quick.report == scoped_to_change(full).report
    rules = {(f.rule, f.status.value) for f in full.findings}
    assert {("CC111", "conflict"), ("CC106", "conflict"), ("CC105", "consistent"), ("CC105", "conflict")} <= rules
