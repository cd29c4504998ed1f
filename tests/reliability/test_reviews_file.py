"""Editing reviews.yaml: any list style, every character, comments, concurrent editors."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor

import yaml

from checker.cli.reviews_file import append_review
from checker.model.reviews import Review
from tests.reliability.conftest import run_claimcheck


def _review(reason: str = "Checked against the filing.") -> Review:
    return Review(finding="CC101-0123456789ab", decision="dismissed", reviewer="Ana", date=dt.date(2025, 11, 21),
                  reason=reason, evidence="0123456789ab")


def _reviews(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["reviews"]


def test_an_empty_flow_list_and_a_flow_list_with_entries_both_grow(tmp_path):
    for start, count in [("reviews: []\n", 1), ("reviews: [{finding: CC102-aaaaaaaaaaaa, decision: dismissed, "
                                                "reviewer: B, date: 2025-11-20, reason: old one, evidence: aaaaaaaaaaaa}]\n", 2)]:
        path = tmp_path / "reviews.yaml"
        path.write_text(start, encoding="utf-8")
        append_review(path, _review())
        assert len(_reviews(path)) == count


def test_comments_and_earlier_entries_survive_and_every_character_round_trips(tmp_path):
    path = tmp_path / "reviews.yaml"
    path.write_text("# our decisions, see the style book\nreviews:\n  - finding: CC102-aaaaaaaaaaaa  # the Taipei one\n"
                    "    decision: dismissed\n    reviewer: B\n    date: 2025-11-20\n    reason: fine\n"
                    "    evidence: aaaaaaaaaaaa\n", encoding="utf-8")
    reason = "Next line\u0085and \u2028 a separator: \"quoted\" # not a comment \u00e9\u4e2d"
    append_review(path, _review(reason))
    text = path.read_text(encoding="utf-8")
    assert "# our decisions, see the style book" in text and "# the Taipei one" in text
    assert [entry["reason"] for entry in _reviews(path)] == ["fine", reason]


def test_a_new_file_gets_the_schema_header_and_validates(tmp_path):
    path = tmp_path / "reviews.yaml"
    append_review(path, _review())
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert _reviews(path)[0]["finding"] == "CC101-0123456789ab"


def test_eight_concurrent_review_commands_keep_all_eight_decisions(workdir):
    report = run_claimcheck("check", "--format", "json", cwd=workdir)
    [conflict] = [f for f in json.loads(report.stdout)["findings"] if f["status"] == "conflict"]

    def review(number: int):
        return run_claimcheck("review", conflict["id"], "--decision", "dismissed", "--reviewer", f"Editor {number}",
                              "--reason", f"decision number {number}", "--no-cache", cwd=workdir)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(review, range(8)))
    assert [result.returncode for result in results] == [0] * 8, [r.stderr.decode() for r in results]
    reasons = sorted(entry["reason"] for entry in _reviews(workdir / "claims" / "reviews.yaml"))
    assert reasons == sorted(f"decision number {number}" for number in range(8))
