"""Edits of reviews.yaml by `claimcheck review --remove/--archive`: the other entries and every
comment stay, any list style is edited (never refused), nothing is written for a no-op."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from checker.cli.reviews_file import ReviewsFileError, append_review, mark_resolved, remove_reviews
from checker.model.reviews import Review, ReviewFile

HAND_WRITTEN = """\
# the desk's decisions
reviews:
  # from the Monday meeting
  - finding: CC101-aaaaaaaaaaaa
    decision: dismissed   # agreed by phone
    reviewer: A. Editor
    date: 2025-11-24
    reason: >-
      The outlet rounds;
      fine as is.
    evidence: "111111111111"
  - {finding: CC102-bbbbbbbbbbbb, decision: disputed, reviewer: B. Editor, date: 2025-11-25, reason: sources differ, evidence: "222222222222"}
  -
    finding: CC103-cccccccccccc
    decision: confirmed-error
    reviewer: C. Editor
    date: 2025-11-26
    reason: wrong figure
    evidence: "333333333333"
# end of file
"""


def findings(text: str) -> list[str]:
    return [review.finding for review in ReviewFile.model_validate(yaml.safe_load(text)).reviews]


@pytest.fixture
def reviews_file(tmp_path):
    path = tmp_path / "reviews.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


@pytest.mark.parametrize("finding", ["CC101-aaaaaaaaaaaa", "CC102-bbbbbbbbbbbb", "CC103-cccccccccccc"])
def test_removing_one_entry_keeps_the_others_and_the_files_comments(reviews_file, finding):
    removed = remove_reviews(reviews_file, lambda review: review.finding == finding)
    text = reviews_file.read_text(encoding="utf-8")
    assert [review.finding for review in removed] == [finding]
    assert findings(text) == [f for f in findings(HAND_WRITTEN) if f != finding]
    for comment in ("# the desk's decisions", "# end of file"):
        assert comment in text


def test_removing_every_entry_leaves_an_empty_list_that_takes_new_entries(reviews_file):
    removed = remove_reviews(reviews_file, lambda review: True)
    assert len(removed) == 3 and yaml.safe_load(reviews_file.read_text(encoding="utf-8"))["reviews"] in ([], None)
    append_review(reviews_file, removed[0])
    assert findings(reviews_file.read_text(encoding="utf-8")) == ["CC101-aaaaaaaaaaaa"]


def test_marking_resolved_marks_block_and_flow_entries_once(reviews_file):
    date = dt.date(2025, 12, 1)
    marked = mark_resolved(reviews_file, lambda review: True, date)
    assert len(marked) == 3
    text = reviews_file.read_text(encoding="utf-8")
    reviews = ReviewFile.model_validate(yaml.safe_load(text)).reviews
    assert [review.resolved for review in reviews] == [date] * 3
    assert [r.model_copy(update={"resolved": None}) for r in reviews] == marked
    assert "# agreed by phone" in text and "# end of file" in text
    assert mark_resolved(reviews_file, lambda review: True, date) == []  # marked once only
    assert reviews_file.read_text(encoding="utf-8") == text  # and a no-op writes nothing


def test_a_new_file_starts_with_the_schema_header(tmp_path):
    review = Review(finding="CC101-aaaaaaaaaaaa", decision="corrected", reviewer="A. Editor",
                    date=dt.date(2025, 11, 24), reason="fixed: now $500 billion", evidence="111111111111")
    path = tmp_path / "reviews.yaml"
    append_review(path, review)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/reviews.schema.json\n")
    assert ReviewFile.model_validate(yaml.safe_load(text)).reviews == [review]


def test_a_file_of_another_shape_is_refused_not_rewritten(tmp_path):
    path = tmp_path / "reviews.yaml"
    path.write_text("reviews: {finding: x}\n", encoding="utf-8")
    with pytest.raises(ReviewsFileError):
        remove_reviews(path, lambda review: True)
    assert path.read_text(encoding="utf-8") == "reviews: {finding: x}\n"


def test_a_flow_list_is_edited_too(tmp_path):
    path = tmp_path / "reviews.yaml"
    path.write_text('reviews: [{finding: CC101-aaaaaaaaaaaa, decision: dismissed, reviewer: A, date: 2025-11-24, '
                    'reason: fine, evidence: "111111111111"}, {finding: CC102-bbbbbbbbbbbb, decision: dismissed, '
                    'reviewer: B, date: 2025-11-25, reason: fine too, evidence: "222222222222"}]\n', encoding="utf-8")
    assert [review.finding for review in remove_reviews(path, lambda item: item.reviewer == "A")] == ["CC101-aaaaaaaaaaaa"]
    assert findings(path.read_text(encoding="utf-8")) == ["CC102-bbbbbbbbbbbb"]
