"""Configuration: the engine, not the rule, decides enablement and severity."""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from checker.config import ConfigError, load_config
from tests.corpus_builder import write_corpus
from tests.test_cli import CONFLICTING


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_corpus(tmp_path / "claims", CONFLICTING)


def findings(capsys) -> list[dict]:
    return json.loads(capsys.readouterr().out)["findings"]


def test_pyproject_section_sets_a_rule_severity_by_name(corpus, tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck.rules.value-agreement]\nseverity = "warning"\n', encoding="utf-8")
    main(["check", "claims", "--format", "json"])
    [conflict] = [f for f in findings(capsys) if f["status"] == "conflict"]
    assert conflict["severity"] == "warning"


def test_claimcheck_toml_disables_a_rule_by_code_and_sets_fail_on(corpus, tmp_path, capsys):
    (tmp_path / "claimcheck.toml").write_text('fail-on = "never"\n[rules.CC101]\nenabled = false\n', encoding="utf-8")
    assert main(["check", "claims", "--format", "json"]) == 0
    assert all(f["rule"] != "CC101" for f in findings(capsys))


def test_the_command_line_fail_on_wins_over_the_file(corpus, tmp_path):
    (tmp_path / "claimcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert main(["check", "claims", "--fail-on", "conflict"]) == 1


def test_a_bad_configuration_is_a_clear_usage_error(corpus, tmp_path, capsys):
    (tmp_path / "claimcheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    assert main(["check", "claims"]) == 2
    assert "claimcheck.toml: [tool.claimcheck] fail-on" in capsys.readouterr().err


def test_tolerance_of_around_is_configurable(tmp_path):
    (tmp_path / "claimcheck.toml").write_text("[normalize]\napproximate-tolerance = 0.25\n", encoding="utf-8")
    config, source = load_config(tmp_path)
    assert str(config.normalize.options().approximate_tolerance) == "0.25" and source.endswith("claimcheck.toml")


def test_unknown_keys_are_refused(tmp_path):
    (tmp_path / "claimcheck.toml").write_text("fail_on_typo = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_github_format_writes_the_report_to_the_job_summary(corpus, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "claims", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error file=claims/a.claims.yaml,line=8,col=3,")
    assert summary.read_text(encoding="utf-8").startswith("# Discrepancy report")
