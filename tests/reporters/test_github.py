"""GitHub annotations land where the change is: the changed claim file, its claim's line."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.findings.finding import Evidence, Finding, Severity, Status
from checker.findings.reviews import ReviewState
from checker.model.diagnostics import Code, Diagnostic
from checker.model.reviews import Review
from checker.report import github
from checker.report.data import Change, ReportData


def evidence(article: str, claim: str, line: int) -> Evidence:
    return Evidence(article, claim, "stargate · deal-value", "a quote", 1, 0, 7, "USD 500 billion",
                    f"claims/articles/{article}.txt", f"claims/{article}.claims.yaml", line, 5)


def finding(status: Status, *items: Evidence, rule: str = "CC101") -> Finding:
    return Finding(rule, "value-agreement", status, f"{status} between {'/'.join(i.article for i in items)}",
                   "stargate · deal-value", items, severity=Severity.ERROR if status is Status.CONFLICT else Severity.NOTE)


OLD = finding(Status.CONFLICT, evidence("older", "v", 30), evidence("oldest", "v", 40))
NEW = finding(Status.CONFLICT, evidence("added", "v", 12), evidence("older", "v", 30))
COMPATIBLE = finding(Status.COMPATIBLE, evidence("added", "w", 18), evidence("oldest", "w", 9), rule="CC103")
REVIEWED = finding(Status.CONFLICT, evidence("added", "x", 24), evidence("oldest", "x", 50), rule="CC102")
CHANGE = Change("origin/main", ("added",), (NEW.id,), (), (), ())


def review_of(item: Finding) -> dict[str, ReviewState]:
    review = Review(finding=item.id, decision="dismissed", reviewer="A. Editor", date=dt.date(2025, 11, 24),
                    reason="fine as published", evidence=item.fingerprint)
    return {item.id: ReviewState(review=review, stale=False)}


def test_a_change_is_annotated_at_the_changed_claim_and_old_findings_are_only_counted():
    data = ReportData((OLD, NEW, COMPATIBLE, REVIEWED), ("added", "older", "oldest"), 4,
                      reviews=review_of(REVIEWED), change=CHANGE)
    lines = github.render(data).splitlines()
    assert lines[0].startswith("::error file=claims/added.claims.yaml,line=12,col=5,title=CC101 value-agreement")
    assert lines[1].startswith("::warning file=claims/added.claims.yaml,line=18,col=5,title=CC103")
    assert lines[2] == ("::notice title=claimcheck::1 unreviewed findings elsewhere in the corpus are not touched by "
                        "this change: see the discrepancy report in the job summary.")
    assert len(lines) == 3  # the old conflict is no ::error: it does not fail this run


def test_without_a_change_every_blocking_conflict_is_an_error():
    lines = github.render(ReportData((OLD, NEW), ("added", "older", "oldest"), 2)).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error"]


def test_the_budget_goes_to_the_change_first():
    touched = [finding(Status.CONFLICT, evidence("added", f"v{n}", n + 1), evidence("older", "v", 30))
               for n in range(30)]
    untouched = [finding(Status.CONFLICT, evidence("older", f"v{n}", n + 1), evidence("oldest", "v", 40))
                 for n in range(30)]
    data = ReportData((*untouched, *touched), ("added", "older", "oldest"), 60, change=CHANGE)
    lines = github.render(data).splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == 10 and all("file=claims/added.claims.yaml" in line for line in errors)
    assert lines[-1].startswith("::notice title=claimcheck::20 more annotations were left out (GitHub shows 10 per "
                                "type); 30 unreviewed findings elsewhere")


def test_input_errors_are_annotations_at_their_file_line_and_column_and_escaped():
    error = Diagnostic("claims/a,b:c.claims.yaml", 7, 12, Code.QUOTE_NOT_FOUND, "quote not found\nin the text: 100%",
                       "copy the words exactly")
    [line] = github.render(ReportData((), (), 0), [error]).splitlines()
    assert line == ("::error file=claims/a%2Cb%3Ac.claims.yaml,line=7,col=12,title=claimcheck CC041 input error::"
                    "quote not found%0Ain the text: 100%25 (hint: copy the words exactly)")


def test_a_confirmed_error_that_fails_by_policy_is_an_error_even_outside_the_change():
    confirmed = {OLD.id: review_of(OLD)[OLD.id].model_copy(
        update={"review": review_of(OLD)[OLD.id].review.model_copy(update={"decision": "confirmed-error"})})}
    data = ReportData((OLD,), ("added", "older", "oldest"), 2, reviews=confirmed, change=CHANGE)
    assert github.render(data) == ""  # listed in the report, not blocking: nothing to annotate
    [line] = github.render(replace(data, confirmed_errors_fail=True)).splitlines()
    assert line.startswith("::error file=claims/older.claims.yaml,line=30,")
