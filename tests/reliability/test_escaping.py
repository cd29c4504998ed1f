"""No string from the corpus or a file name reaches a terminal, a CI log or a report raw."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.findings.finding import Evidence, Finding, Severity, Status
from checker.report import github, markdown, sarif, text
from checker.report import json as json_report
from checker.report.data import ReportData
from tests.corpus_builder import write_corpus
from tests.reliability.conftest import CONFLICTING

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
PIECES = ["a", " ", "\n", "\r", "\x1b[31m", "\x85", "\u202e", "\u2066", "\u2028", "%", "::", ",", ":", "error",
          "file=", "|", "<b>", "`", "\udcff", "é"]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(max_size=20)


def _finding(words: list[str]) -> Finding:
    article, path, quote, value, message = words
    evidence = Evidence(article=article, claim="c", key="k", quote=quote, line=1, start=0, end=1, value=value,
                        article_path=path + ".txt", claim_file=path + ".claims.yaml", claim_line=3, claim_column=5)
    return Finding("CC101", "value-agreement", Status.CONFLICT, message, "k", (evidence,), Severity.ERROR)


@settings(max_examples=150)
@given(st.lists(HOSTILE, min_size=5, max_size=5))
def test_every_output_format_escapes_whatever_the_corpus_holds(words):
    data = ReportData(findings=(_finding(words),), articles=(words[0],), claim_count=1)
    rendered_text = text.render(data)
    assert rendered_text.count("\n") == 1 and not UNSAFE.search(rendered_text)
    for line in github.render(data).splitlines():
        assert line.startswith("::") and not UNSAFE.search(line) and "\r" not in line
    for machine in (json_report.render(data), sarif.render(data)):
        assert not UNSAFE.search(machine)
        json.loads(machine)  # still JSON, the strings escaped inside it
    assert not UNSAFE.search(markdown.render(data))


def test_sarif_uris_are_percent_encoded():
    data = ReportData(findings=(_finding(["a", "claims/one two#?", "q", "v", "m"]),), articles=("a",), claim_count=1)
    uris = [location["physicalLocation"]["artifactLocation"]["uri"]
            for result in json.loads(sarif.render(data))["runs"][0]["results"]
            for location in [*result["locations"], *result["relatedLocations"]]]
    assert "claims/one%20two%23%3F.claims.yaml" in uris and all(" " not in uri for uri in uris)


def test_a_file_name_with_a_newline_and_a_workflow_command_stays_on_its_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    root = write_corpus(Path("claims"), CONFLICTING)
    (root / "x\n::error file=evil.py::pwned\x1b[2J.claims.yaml").write_text("article: [broken\n", encoding="utf-8")
    assert main(["check", "--format", "github"]) == 2
    captured = capsys.readouterr()
    for line in (captured.err + captured.out).splitlines():
        assert not line.startswith("::error file=evil"), line
        assert "\x1b" not in line
    assert "\\u000a::error file=evil.py::pwned\\u001b[2J" in captured.err


def test_control_and_bidi_characters_in_registry_names_are_input_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    root = write_corpus(Path("claims"), CONFLICTING)
    registry = root / "registry" / "entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("name: Acme,", "name: \"Ac\u202eme\","),
                        encoding="utf-8")
    assert main(["check", "--format", "github"]) == 2
    err = capsys.readouterr().err
    assert "CC044" in err and "bidirectional control character U+202E" in err
