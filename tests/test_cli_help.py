"""The command line explains itself: a version, help on every argument, one corpus spelling."""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from checker.cli.help_texts import unexplained
from checker.cli.main import build_parser
from tests.corpus_builder import write_corpus
from tests.test_cli import CONFLICTING


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_corpus(tmp_path / "elsewhere", CONFLICTING)


def test_version_is_the_installed_package_version(capsys):
    import importlib.metadata

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"claimcheck {importlib.metadata.version('claimcheck')}\n"


def test_every_subcommand_and_argument_has_help_text():
    assert unexplained(build_parser()) == []


@pytest.mark.parametrize("command", ["validate", "check", "review", "normalize", "schema", "rules", "new-article"])
def test_a_subcommand_help_starts_with_what_it_does(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    description = out.split("\n\n")[1]
    assert description[0].isupper() and description.rstrip().endswith(".")


def _conflict_id(capsys) -> str:
    main(["check", "elsewhere", "--format", "json", "--no-cache"])
    return json.loads(capsys.readouterr().out)["findings"][0]["id"]


REVIEW = ["--decision", "dismissed", "--reviewer", "A. Editor", "--reason", "two figures, both reported", "--no-cache"]


def test_review_takes_the_corpus_as_check_does(corpus, capsys):
    finding = _conflict_id(capsys)
    assert main(["review", finding, "elsewhere", *REVIEW]) == 0
    assert finding in (corpus / "reviews.yaml").read_text(encoding="utf-8")


def test_review_still_takes_the_deprecated_corpus_option_and_says_so(corpus, capsys):
    finding = _conflict_id(capsys)
    assert main(["review", "--corpus", "elsewhere", finding, *REVIEW]) == 0
    err = capsys.readouterr().err
    assert "claimcheck: warning: --corpus is deprecated; name the corpus as the last argument (CORPUS) instead" in err
    assert finding in (corpus / "reviews.yaml").read_text(encoding="utf-8")


def test_review_refuses_the_corpus_named_twice(corpus, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["review", "CC101-0123456789ab", "elsewhere", "--corpus", "elsewhere", *REVIEW])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith(
        "claimcheck review: error: name the corpus once: as CORPUS, or with the deprecated --corpus, not both\n")


@pytest.mark.parametrize(("arguments", "message"), [
    (["--reviewer", "", "--reason", "fine as reported"],
     "claimcheck: error: --reviewer is empty; write who decided, e.g. --reviewer 'A. Editor'\n"),
    (["--reviewer", "A. Editor", "--reason", "  "],
     "claimcheck: error: --reason is empty; write why, in a sentence, e.g. --reason 'the filing says $500 billion'\n"),
    (["--reviewer", "A. Editor", "--reason", "ok"],
     "claimcheck: error: --reason is too short (at least 3 characters); write why, in a sentence, "
     "e.g. --reason 'the filing says $500 billion'\n"),
])
def test_an_empty_reviewer_or_reason_is_one_line(corpus, capsys, arguments, message):
    assert main(["review", "CC101-0123456789ab", "elsewhere", "--decision", "dismissed", *arguments]) == 2
    assert capsys.readouterr().err == message
    assert not (corpus / "reviews.yaml").exists()


def test_a_review_date_not_written_as_iso_is_one_usage_line(corpus, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["review", "CC101-0123456789ab", "elsewhere", *REVIEW, "--date", "24/11/2025"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "claimcheck review: error: argument --date: '24/11/2025' must be a date written YYYY-MM-DD")
