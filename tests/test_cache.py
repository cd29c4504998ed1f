"""The cache of loaded files never changes a result: cold, warm, edited or damaged."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.bench.generate import generate_corpus
from checker.cli import commands, main
from checker.cli.progress import ProgressBar, progress_bar
from checker.config import Config
from checker.incremental import loader as loadcache
from checker.incremental.cache import FileCache, open_cache
from checker.incremental.loader import CachedLoader, decode_claim_file, encode_claim_file
from checker.load.claim_file import load_claim_file
from checker.load.corpus import claim_files, load_corpus, load_registries
from checker.normalize import NormalizeOptions
from checker.pipeline import check_corpus
from checker.report import text as text_reporter
from tests import test_robustness as robustness
from tests.cache_entries import entries_file, overwrite_entry, stored_entries
from tests.corpus_builder import write_corpus

ARTICLES = 60  # enough for the cold load to use worker processes
REGISTRIES = 2


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A corpus, what loading it gives without a cache, and a cache filled by loading it (from the
    corpus's parent directory, as every test loads its copy: paths in the results then agree)."""
    directory = tmp_path_factory.mktemp("generated")
    generate_corpus(directory / "claims", ARTICLES, "cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(directory)
        reference = load_corpus(Path("claims"))
        load_corpus(Path("claims"), loader=CachedLoader(FileCache(directory / "filled")))
    return directory, reference


@pytest.fixture
def corpus(generated, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(generated[0] / "claims", tmp_path / "claims")
    return Path("claims")


@pytest.fixture
def filled(generated, tmp_path) -> Path:
    shutil.copytree(generated[0] / "filled", tmp_path / "cache")
    return tmp_path / "cache"


@pytest.fixture
def reference(generated):
    return generated[1]


def _report(*options: str) -> bytes:
    main(["check", "claims", "--output", "report.out", *options])
    return Path("report.out").read_bytes()


@pytest.mark.parametrize("format_", ["markdown", "json"])
def test_cold_and_warm_runs_give_byte_identical_reports(corpus, format_):
    uncached = _report("--format", format_, "--no-cache")
    cold = _report("--format", format_)
    warm = _report("--format", format_)
    assert cold == warm == uncached
    assert [path.name for path in Path(".claimcheck-cache").iterdir() if path.name.endswith(".json")] == []
    assert len(stored_entries(Path(".claimcheck-cache"))) == ARTICLES + REGISTRIES  # one file holds them all


def test_no_cache_writes_no_cache(corpus):
    _report("--no-cache")
    assert not Path(".claimcheck-cache").exists()


def _load(root: Path, directory: Path):
    cache = FileCache(directory)
    return load_corpus(root, loader=CachedLoader(cache)), cache.stats


def test_a_cold_load_writes_every_entry_and_a_warm_one_reads_them(corpus, tmp_path, reference):
    cold, stats = _load(corpus, tmp_path / "cache")
    assert (stats.hits, stats.misses, stats.writes) == (0, ARTICLES + REGISTRIES, ARTICLES + REGISTRIES)
    warm, stats = _load(corpus, tmp_path / "cache")
    assert (stats.hits, stats.misses, stats.writes) == (ARTICLES + REGISTRIES, 0, 0)
    assert cold == warm == reference


def test_entries_written_in_several_transactions_are_all_there(corpus, tmp_path, reference, monkeypatch):
    monkeypatch.setattr(FileCache, "FLUSH_EVERY", 7)
    _, stats = _load(corpus, tmp_path / "cache")
    assert stats.writes == len(stored_entries(tmp_path / "cache")) == ARTICLES + REGISTRIES
    warm, stats = _load(corpus, tmp_path / "cache")
    assert warm == reference and stats.hits == ARTICLES + REGISTRIES


def test_editing_one_file_misses_exactly_its_entry(corpus, filled, reference):
    cache_dir = filled
    _, stats = _load(corpus, cache_dir)
    assert (stats.hits, stats.misses, stats.writes) == (ARTICLES + REGISTRIES, 0, 0)

    claim_file = sorted(corpus.glob("*.claims.yaml"))[5]
    claim_file.write_text(claim_file.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    _, stats = _load(corpus, cache_dir)
    assert (stats.hits, stats.misses, stats.writes) == (ARTICLES + REGISTRIES - 1, 1, 1)

    text = sorted((corpus / "articles").glob("*.txt"))[7]
    text.write_text(text.read_text(encoding="utf-8") + "A late paragraph.\n", encoding="utf-8")
    edited, stats = _load(corpus, cache_dir)
    assert (stats.hits, stats.misses, stats.writes) == (ARTICLES + REGISTRIES - 1, 1, 1)
    assert edited == load_corpus(corpus)
    assert edited.corpus.articles[text.stem].text.endswith("A late paragraph.\n")
    assert edited.corpus.claims == reference.corpus.claims


def test_a_changed_registry_misses_every_claim_file(corpus, filled):
    properties = corpus / "registry" / "properties.yaml"
    properties.write_text(properties.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    _, stats = _load(corpus, filled)
    assert (stats.hits, stats.misses) == (1, ARTICLES + 1)  # only the entity registry is as it was


@pytest.mark.parametrize("damage", [
    lambda key, stored: stored[: len(stored) // 2],
    lambda key, stored: b"null",
    lambda key, stored: b'{"key": "%s", "value": {"meta": 5}}' % key.encode(),
    lambda key, stored: b'{"key": "%s", "value": {"claims": [[{"id": []}]]}}' % key.encode(),
    lambda key, stored: b"\xff\xfe not json",
], ids=["truncated", "null", "wrong-shape", "bad-claim", "binary"])
def test_a_damaged_entry_is_a_miss_and_the_result_is_unchanged(corpus, filled, reference, damage):
    entries = stored_entries(filled)[::7]
    for key, stored in entries:
        overwrite_entry(filled, key, damage(key, stored))
    damaged, stats = _load(corpus, filled)
    assert damaged == reference
    assert stats.misses == len(entries)


def test_an_entry_copied_under_another_key_is_a_miss(corpus, filled, reference):
    (_, first), (second, _) = stored_entries(filled)[:2]
    overwrite_entry(filled, second, first)
    copied, stats = _load(corpus, filled)
    assert copied == reference and stats.misses == 1


@pytest.mark.parametrize("damage", [b"not a database at all " * 100, b""], ids=["garbage", "empty"])
def test_a_cache_file_that_is_not_a_database_is_set_aside_and_filled_again(corpus, filled, reference, damage):
    entries_file(filled).write_bytes(damage)
    for name in ("-wal", "-shm"):
        entries_file(filled).with_name(entries_file(filled).name + name).unlink(missing_ok=True)
    damaged, stats = _load(corpus, filled)
    assert damaged == reference
    assert (stats.hits, stats.writes) == (0, ARTICLES + REGISTRIES)
    again, stats = _load(corpus, filled)
    assert again == reference and stats.hits == ARTICLES + REGISTRIES


def test_concurrent_runs_share_the_cache_without_damaging_it(corpus, tmp_path):
    command = [sys.executable, "-m", "checker", "check", "claims", "--format", "json", "--cache-dir", "shared"]
    runs = [subprocess.Popen([*command, "--output", f"report-{n}.json"], stderr=subprocess.PIPE) for n in range(3)]
    errors = [run.communicate(timeout=600)[1].decode() for run in runs]
    assert len({run.returncode for run in runs}) == 1 and runs[0].returncode in (0, 1)
    assert not any("Traceback" in err or "cache" in err for err in errors)
    assert Path("report-0.json").read_bytes() == Path("report-1.json").read_bytes() == Path("report-2.json").read_bytes()
    _, stats = _load(corpus, Path("shared"))
    assert (stats.hits, stats.misses) == (ARTICLES + REGISTRIES, 0)


def test_worker_processes_load_exactly_what_one_process_loads(corpus, monkeypatch, reference):
    monkeypatch.setattr(loadcache, "PARALLEL_FROM", 10**9)
    assert load_corpus(corpus) == reference


def test_a_cache_directory_tracked_by_git_is_refused(tmp_path):
    directory = tmp_path / ".claimcheck-cache"
    directory.mkdir()
    (directory / "planted.json").write_text("{}")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert open_cache(directory)[0] is not None
    subprocess.run(["git", "-C", str(tmp_path), "add", "-f", ".claimcheck-cache"], check=True)
    cache, refused = open_cache(directory)
    assert cache is None and "tracked by git" in refused


def test_claim_files_are_listed_as_pathlib_lists_them(tmp_path):
    for relative in ["a.claims.yaml", "a-b.claims.yaml", "a/x.claims.yaml", "a/.hidden.claims.yaml", "B.claims.yaml",
                     "b.CLAIMS.yaml", "sub/deeper/c.claims.yaml", "sub/c.claims.yaml.bak", "z.claims.yaml/in.claims.yaml"]:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x")
    (tmp_path / "linked").symlink_to(tmp_path / "sub")  # a linked directory is not entered
    (tmp_path / "link.claims.yaml").symlink_to(tmp_path / "a.claims.yaml")
    # a directory named like a claim file is walked into, not loaded as a file
    assert claim_files(tmp_path) == [path for path in sorted(tmp_path.rglob("*.claims.yaml")) if path.is_file()]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_only():
    assert progress_bar(io.StringIO()) is None
    terminal = _Terminal()
    bar = progress_bar(terminal)
    assert isinstance(bar, ProgressBar)
    bar(500, 1000)
    bar(1000, 1000)
    bar.done("1,000 files from the cache")
    drawn = terminal.getvalue()
    assert "loading   1,000/1,000 [##############################] 100%" in drawn
    assert drawn.endswith("claimcheck: 1,000 files from the cache\n")


# ---- an entry replays exactly what loading gave --------------------------------------------

_TEXT = "The deal is worth $500 billion. Acme said it was \u201cthe deal of the decade\u201d on Friday."
_VALID = {"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
          "value": {"kind": "money", "text": "$500 billion"}, "quote": "worth $500 billion"}
_variants = st.one_of(
    st.just(_VALID),
    st.builds(lambda text: {**_VALID, "value": {"kind": "money", "text": text}},
              st.sampled_from(["about $480 billion", "a lot", "", "$1e999 billion"])),
    st.builds(lambda quote: {**_VALID, "quote": quote}, st.sampled_from(["worth", "nowhere in the text", "deal"])),
    st.builds(lambda subject: {**_VALID, "subject": subject}, st.sampled_from(["acme", "nobody", "Bad Slug", 5])),
    st.just({**_VALID, "qualifiers": {"period": "2025", "modality": "intends", "part_of": "v"}}),
    st.just({"id": "q", "subject": "jane-doe", "property": "said",
             "value": {"kind": "quote", "speaker": "jane-doe", "verbatim": True}, "quote": "the deal of the decade"}),
    st.just({"id": "d", "subject": "acme-globex-deal", "property": "announced-on",
             "value": {"kind": "date", "text": "Friday"}, "quote": {"exact": "Friday", "prefix": "decade\u201d on"}}),
    robustness.yaml_values,
)


@settings(max_examples=60)
@given(claims=st.lists(_variants, max_size=4), published=st.sampled_from([None, "2025-11-23", "1700-01-01"]),
       text_path=st.sampled_from(["articles/a.txt", "articles/missing.txt", "../outside.txt"]))
def test_an_entry_rebuilds_exactly_what_loading_the_file_gave(claims, published, text_path):
    with tempfile.TemporaryDirectory() as directory:
        root = write_corpus(Path(directory) / "claims", [{"id": "a", "text": _TEXT}])
        path = root / "fuzz.claims.yaml"
        path.write_text(yaml.safe_dump({"article": {"id": "fuzz", "text": text_path, "published": published},
                                        "claims": claims}, allow_unicode=True), encoding="utf-8")
        registries, _ = load_registries(root, None)
        loaded = load_claim_file(root, path, registries, NormalizeOptions(), taken={})
        entry = encode_claim_file(loaded, root, path)
        assert entry is not None
        rebuilt = decode_claim_file(json.loads(json.dumps(entry)), root, path)
        assert replace(rebuilt, text_stamp=None) == loaded


def test_the_text_report_written_in_parts_is_the_report_rendered_whole(corpus):
    report = check_corpus(corpus, Config()).report
    parts = list(commands.rendered_report("text", report))
    assert "".join(parts) == text_reporter.render(report)
    assert len(parts) == len(report.findings) > 1  # a line at a time, never the whole report at once
