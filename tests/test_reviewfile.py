"""Edits of reviews.yaml keep every byte an editor wrote outside the entries they are about."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from checker.reviewfile import ReviewFileError, add_review, mark_resolved, remove_reviews
from checker.reviews import Review, ReviewFile

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


@pytest.mark.parametrize(("finding", "lines"), [("CC101-aaaaaaaaaaaa", 8), ("CC102-bbbbbbbbbbbb", 1),
                                               ("CC103-cccccccccccc", 7)])
def test_removing_one_entry_keeps_the_others_and_every_comment(finding, lines):
    text, removed = remove_reviews(HAND_WRITTEN, lambda review: review.finding == finding)
    assert [review.finding for review in removed] == [finding]
    assert findings(text) == [f for f in findings(HAND_WRITTEN) if f != finding]
    for comment in ("# the desk's decisions", "# from the Monday meeting", "# end of file"):
        assert comment in text
    assert len(HAND_WRITTEN.splitlines()) - len(text.splitlines()) == lines  # its own lines, no other


def test_removing_every_entry_leaves_an_empty_list_that_takes_new_entries():
    text, removed = remove_reviews(HAND_WRITTEN, lambda review: True)
    assert len(removed) == 3 and yaml.safe_load(text) == {"reviews": []}
    again = add_review(text, removed[0])
    assert findings(again) == ["CC101-aaaaaaaaaaaa"] and "# end of file" in again


def test_marking_resolved_adds_one_line_to_block_entries_and_keeps_flow_entries_valid():
    date = dt.date(2025, 12, 1)
    text, marked = mark_resolved(HAND_WRITTEN, lambda review: True, date)
    assert len(marked) == 3
    reviews = ReviewFile.model_validate(yaml.safe_load(text)).reviews
    assert [review.resolved for review in reviews] == [date] * 3
    assert [r.model_copy(update={"resolved": None}) for r in reviews] == marked
    assert "    decision: dismissed   # agreed by phone\n" in text and "# end of file" in text
    assert mark_resolved(text, lambda review: True, date) == (text, [])  # marked once only


def test_a_new_file_starts_with_the_schema_header():
    review = Review(finding="CC101-aaaaaaaaaaaa", decision="corrected", reviewer="A. Editor",
                    date=dt.date(2025, 11, 24), reason="fixed: now $500 billion", evidence="111111111111")
    text = add_review(None, review)
    assert text.startswith("# yaml-language-server: $schema=../schemas/reviews.schema.json\n")
    assert ReviewFile.model_validate(yaml.safe_load(text)).reviews == [review]


def test_a_file_of_another_shape_is_refused_not_rewritten():
    with pytest.raises(ReviewFileError):
        remove_reviews("reviews: {finding: x}\n", lambda review: True)


def test_a_flow_list_is_refused_rather_than_edited_line_by_line():
    text = 'reviews: [{finding: CC101-aaaaaaaaaaaa, decision: dismissed, reviewer: A, date: 2025-11-24, reason: fine, evidence: "111111111111"}]\n'
    review = ReviewFile.model_validate(yaml.safe_load(text)).reviews[0]
    with pytest.raises(ReviewFileError):
        add_review(text, review)
    with pytest.raises(ReviewFileError):  # one line holds every entry: removing "its" line would remove all
        remove_reviews(text, lambda item: True)
