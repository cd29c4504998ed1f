"""The command line as users meet it: output lines, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.cli import main
from tests.conftest import REPO
from tests.corpus_builder import write_corpus

CONFLICTING = [
    {"id": "a", "text": "The deal is worth $500 billion.",
     "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
                 "value": {"kind": "money", "text": "$500 billion"}, "quote": "$500 billion"}]},
    {"id": "b", "text": "The deal is worth $400 billion.",
     "claims": [{"id": "v", "subject": "acme-globex-deal", "property": "deal-value",
                 "value": {"kind": "money", "text": "$400 billion"}, "quote": "$400 billion"}]},
]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_corpus(tmp_path / "claims", CONFLICTING)


def test_validate_exits_zero_on_the_seed_corpus(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    assert main(["validate"]) == 0
    assert "0 input errors" in capsys.readouterr().err


def test_check_prints_linter_style_lines_and_exits_one_on_a_conflict(corpus, capsys):
    assert main(["check", "claims"]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("claims/a.claims.yaml:8:3: CC101 conflict The sources disagree and no value has a majority")
    assert "a says USD 500 billion. b says USD 400 billion." in line


def test_json_output_has_every_field(corpus, capsys):
    main(["check", "claims", "--format", "json"])
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert {"id", "rule", "name", "status", "severity", "message", "evidence"} <= set(finding)
    assert finding["status"] == "conflict" and finding["severity"] == "error"
    evidence = finding["evidence"][0]
    assert {"article", "claim", "quote", "line", "start", "end", "value"} <= set(evidence)
    assert (evidence["article"], evidence["quote"], evidence["start"], evidence["end"]) == ("a", "$500 billion", 18, 30)


def test_fail_on_never_exits_zero(corpus):
    assert main(["check", "claims", "--fail-on", "never"]) == 0


def test_invalid_input_exits_two_and_still_checks_the_rest(corpus, capsys):
    (corpus / "c.claims.yaml").write_text("article: [unclosed\n", encoding="utf-8")
    assert main(["check", "claims"]) == 2
    captured = capsys.readouterr()
    assert "claims/c.claims.yaml:2:1: CC002 YAML syntax error" in captured.err
    assert "CC101 conflict" in captured.out


def test_missing_corpus_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "nowhere"]) == 2
    assert "corpus directory 'nowhere' not found" in capsys.readouterr().err


def test_usage_errors_exit_two():
    with pytest.raises(SystemExit) as caught:
        main(["check", "--format", "pdf"])
    assert caught.value.code == 2


def test_normalize_prints_one_json_object_per_input(capsys):
    assert main(["normalize", "--kind", "money", "$1.4 trillion", "between $2 billion and $3 billion"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (first["low"], first["high"], first["currency"]) == (1400000000000, 1400000000000, "USD")
    assert (second["low"], second["high"], second["low_inclusive"]) == (2000000000, 3000000000, True)


def test_normalize_resolves_weekdays_against_the_reference_date(capsys):
    assert main(["normalize", "--kind", "date", "--reference-date", "2025-11-23", "Friday"]) == 0
    value = json.loads(capsys.readouterr().out)
    assert (value["start"], value["end"], value["granularity"]) == ("2025-11-21", "2025-11-21", "day")


def test_normalize_reads_a_bare_weekday_forward_in_the_future_tense(capsys):
    # 2025-11-21 is a Friday: "will meet on Monday" is the next Monday, "met on Monday" the last one
    arguments = ["normalize", "--kind", "date", "--reference-date", "2025-11-21"]
    assert main([*arguments, "--tense", "future", "Monday", "June"]) == 0
    monday, june = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (monday["start"], june["start"]) == ("2025-11-24", "2026-06-01")
    assert main([*arguments, "--tense", "past", "Monday"]) == 0
    assert json.loads(capsys.readouterr().out)["start"] == "2025-11-17"


def test_normalize_refuses_an_unknown_tense_as_usage(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["normalize", "--kind", "date", "--tense", "present", "Monday"])
    assert caught.value.code == 2


def test_normalize_reads_counts(capsys):
    assert main(["normalize", "--kind", "count", "tens of thousands of jobs"]) == 0
    value = json.loads(capsys.readouterr().out)
    assert (value["low"], value["high"], value["unit"]) == (20000, 100000, "job")


def test_normalize_refuses_what_it_cannot_read_with_exit_two(capsys):
    assert main(["normalize", "--kind", "money", "a lot of money"]) == 2
    assert "cannot normalize 'a lot of money' as money" in capsys.readouterr().err


def test_rules_lists_every_rule_with_code_and_description(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "CC102  date-agreement" in out and "CC109  single-source" in out


def test_python_dash_m_runs_the_same_cli():
    completed = subprocess.run([sys.executable, "-m", "checker", "rules"], capture_output=True, text=True, cwd=REPO)
    assert completed.returncode == 0 and "CC101" in completed.stdout


def test_an_unexpected_error_prints_no_traceback(monkeypatch, capsys):
    def explode(args):
        raise RuntimeError("boom")

    monkeypatch.setattr("checker.cli.commands.run_rules_listing", explode)
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_output_to_a_file_prints_a_one_line_summary(corpus, capsys):
    assert main(["check", "claims", "--output", "report.txt"]) == 1
    assert capsys.readouterr().err == ("2 articles, 2 claims: 1 unreviewed conflict, 0 compatible, 0 single-source, "
                                       "0 corroborated -> report.txt; exit 1\n")


def test_the_report_of_a_passing_run_never_says_it_fails(corpus):
    main(["check", "claims", "--format", "markdown", "--output", "failing.md"])
    assert "This check fails on 1 unreviewed finding until reviewed in `claims/reviews.yaml`." in (corpus.parent / "failing.md").read_text(encoding="utf-8")
    assert main(["check", "claims", "--format", "markdown", "--output", "passing.md", "--fail-on", "never"]) == 0
    passing = (corpus.parent / "passing.md").read_text(encoding="utf-8")
    assert "fails" not in passing and "They do not fail this check" in passing


def test_github_format_annotates_input_errors_at_their_file(corpus, capsys):
    (corpus / "c.claims.yaml").write_text("article: [unclosed\n", encoding="utf-8")
    assert main(["check", "claims", "--format", "github"]) == 2
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=claims/c.claims.yaml,line=2,col=1,title=claimcheck CC002 input error::")


def test_archiving_refuses_while_input_errors_hide_findings(corpus, capsys):
    (corpus / "reviews.yaml").write_text("reviews: []\n", encoding="utf-8")
    (corpus / "c.claims.yaml").write_text("article: [unclosed\n", encoding="utf-8")
    assert main(["review", "--archive", "--corpus", "claims"]) == 2
    assert "fix the input errors first" in capsys.readouterr().err
