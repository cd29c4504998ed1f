"""CC102 weekday-contradicts-date: "on Friday" against a date that was not a Friday.

A weekday ("on Friday") is compared with every date another article gives for the
same fact. Without a publication date the weekday is still a constraint: any date
with that weekday. When no day satisfies both, it is a conflict and the message says
which weekday the date really was. When the two are one day apart, the message adds
that sources in different time zones (an event in Taipei, UTC+8, reported from the
US) can both be right locally; it stays a conflict for an editor to decide.

Fails (conflict):

```yaml
# article a
- {id: date, subject: openai-foxconn-partnership, property: announced-on, value: {kind: date, text: "November 20, 2025"}, quote: "..."}
# article b
- {id: date, subject: openai-foxconn-partnership, property: announced-on, value: {kind: date, text: "Friday"}, quote: "..."}
```

Passes (consistent): article b says `Thursday` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.compare import first_common_day, nearest_weekday_offset
from checker.index.describe import date_span, day
from checker.index.index import Index, Key, cross_article_pairs
from checker.model.values import WEEKDAY_NAMES, DateSpan

CODE = "CC102"
NAME = "weekday-contradicts-date"
SEVERITY = "error"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind("date"):
        claims = tuple(claim for claim in index.by_key[key] if isinstance(claim.value, DateSpan))
        for first, second in cross_article_pairs(claims):
            if first.value.weekday is None and second.value.weekday is None:
                continue
            yield _compare(index, key, first, second)


def _compare(index: Index, key: Key, first, second) -> Finding:
    slack = index.corpus.properties[key.property].tolerance.days
    common = first_common_day(first.value, second.value, slack)
    evidence = (index.evidence(first), index.evidence(second))
    if common is not None:
        message = f"{_say(first)} and {_say(second)} agree: {day(common)} satisfies both."
        return Finding(CODE, NAME, Status.CONSISTENT, message, key.label(), evidence)
    return Finding(CODE, NAME, Status.CONFLICT, _conflict_message(index, first, second), key.label(), evidence)


def _say(claim) -> str:
    return f"{claim.article} says {claim.claim.value.text!r} ({date_span(claim.value)})"


def _conflict_message(index: Index, first, second) -> str:
    weekday_claim, dated_claim = (first, second) if first.value.weekday is not None else (second, first)
    wanted = weekday_claim.value.weekday
    message = f"{_say(weekday_claim)}; {_say(dated_claim)}"
    dated = dated_claim.value
    if dated.start is not None and dated.start == dated.end:
        message += f": {dated.start.isoformat()} was a {WEEKDAY_NAMES[dated.start.weekday()]}, not a {WEEKDAY_NAMES[wanted]}."
        if abs(nearest_weekday_offset(dated.start, wanted)) == 1:
            message += " " + _time_zone_note(index, weekday_claim, dated_claim)
    else:
        message += f": no {WEEKDAY_NAMES[wanted]} falls within that date."
    return message


def _time_zone_note(index: Index, *claims) -> str:
    places = sorted({claim.claim.qualifiers.place for claim in claims if claim.claim.qualifiers.place})
    where = ""
    for place in places:
        entity = index.corpus.entities[place]
        offset = f", UTC{entity.utc_offset_hours:+g}" if entity.utc_offset_hours is not None else ""
        where = f" (the event took place in {entity.name}{offset})"
    zones = sorted({index.corpus.articles[claim.article].meta.timezone or "unknown" for claim in claims})
    return (
        f"The two dates are one day apart: sources in different time zones{where} can both be right "
        f"locally (article time zones: {', '.join(zones)}). An editor should decide."
    )
