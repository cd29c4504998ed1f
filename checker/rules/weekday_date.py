"""CC102 date-agreement: every date the sources give for one fact, told as one story.

All date claims of a key (days, weekdays, months, periods, year-less forms) are grouped
into value clusters, as CC101 does for amounts: "2025-11-20 in 3 sources (a, b, c);
2025-11-21 in d". Dates that cannot both be true are a *conflict*; two or more
independent sources on one date are *consistent* (wire copies count once).

- Time zones: when two day-level dates, a weekday and a date, or two weekdays are one day
  apart, the message says that sources in different time zones (an event in Taipei,
  UTC+8, reported from the US) can both be right locally. It stays a conflict for an
  editor to decide.
- A year-less form ("November 20", or "on Friday" in an article with no publication
  date) is read within the years the fact's other claims pin; with nothing pinning it, it
  is unresolved: *compatible*, never a corroboration. Two bare weekdays that differ are
  said to differ.
- A date that cannot be pinned ("in recent months" in an undated article) and open
  bounds ("by 2030", "since 2018") never count as agreeing with a day: *compatible*.

Fails (conflict):

```yaml
# article a
- {id: date, subject: openai-foxconn-partnership, property: announced-on, value: {kind: date, text: "November 20, 2025"}, quote: "..."}
# article b
- {id: date, subject: openai-foxconn-partnership, property: announced-on, value: {kind: date, text: "Friday"}, quote: "..."}
```

Passes (consistent): article b says `November 20, 2025` too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checker.findings.finding import Finding, Status, stable_id
from checker.index import clusters as clustering
from checker.index.clusters import Cluster, Item, Span
from checker.index.compare import first_common_day, nearest_weekday_offset
from checker.index.factstory import Story, date_item, is_constraint, region_span, tell
from checker.index.index import Index, Key
from checker.model.values import WEEKDAY_NAMES, DateSpan

CODE = "CC102"
NAME = "date-agreement"
SEVERITY = "error"
MAX_PINNED_YEARS = 50


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for key in index.keys_of_kind("date"):
        prop = index.corpus.properties[key.property]
        claims = [claim for claim in index.by_key[key] if isinstance(claim.value, DateSpan)]
        if prop.cardinality != "single" or not claims:
            continue
        yield from _within_articles(index, key, claims, prop.tolerance.days)
        if len(index.sources(claims)) > 1:
            yield _across(index, key, claims, prop.tolerance.days)


def _across(index: Index, key: Key, claims, slack: int) -> Finding:
    spanned = [claim for claim in claims if not is_constraint(claim.value) and
               (claim.value.start is not None or claim.value.end is not None)]
    constraints = [claim for claim in claims if is_constraint(claim.value)]
    placed = {claim.uid for claim in (*spanned, *constraints)}
    unpinned = [claim for claim in claims if claim.uid not in placed]
    items = [date_item(claim, index.source(claim), slack) for claim in spanned]
    found = clustering.cluster(items)
    story = Story([found], {claim.uid: claim for claim in claims}, lambda uid: index.by_uid[uid].article,
                  lambda uid: _value(index, index.by_uid[uid]))
    firm_clusters = found.clusters if any(item.firm for item in items) else []
    years = _pinned_years(items)
    if firm_clusters and years:
        _place_constraints(index, story, found, constraints, years, slack)
    elif constraints:
        _bare_constraints(index, story, found, constraints, slack)
    if unpinned:
        said = "; ".join(f"{claim.article} says {index.value_text(claim)}" for claim in unpinned[:5])
        story.compatible_reasons.append(f"Some dates cannot be pinned to a calendar, so they neither agree nor "
                                        f"disagree with a day: {said}")
    story.notes.extend(_time_zone_notes(index, story, found))
    return tell(story, CODE, NAME, key.label(), lambda uid: index.evidence(index.by_uid[uid]))


def _pinned_years(items: list[Item]) -> range | None:
    firm = [item for item in items if item.firm]
    if not firm:
        return None
    low = min(dt.date.fromordinal(item.span.low[0]).year for item in firm)
    high = max(dt.date.fromordinal(item.span.high[0]).year for item in firm)
    return range(low, high + 1) if high - low < MAX_PINNED_YEARS else None


def _place_constraints(index: Index, story: Story, found, constraints, years: range, slack: int) -> None:
    """Year-less forms read within the years the fact's other claims pin."""
    for claim in constraints:
        item = Item(claim.uid, index.source(claim), Span(None, None), False, vague=True)
        fits = lambda _item, each, span=claim.value: first_common_day(region_span(each), span, slack) is not None
        if clustering.place(item, found.clusters, fits) == "outlier":
            found.outliers.append(item)
            story.outlier_text[claim.uid] = _constraint_miss(index, claim, found.clusters, years)


def _constraint_miss(index: Index, claim, clusters: list[Cluster], years: range) -> str:
    span = claim.value
    within = str(years.start) if len(years) == 1 else f"{years.start}-{years[-1]}"
    text = f"{claim.article} says {_form(claim)}, which, read within {within}, matches none of the dates"
    days = [region_span(each).start for each in clusters if region_span(each).start == region_span(each).end]
    if span.weekday is not None and days:
        text += ": " + ", ".join(f"{day.isoformat()} was a {WEEKDAY_NAMES[day.weekday()]}, not a "
                                 f"{WEEKDAY_NAMES[span.weekday]}" for day in days[:5])
    return text


def _bare_constraints(index: Index, story: Story, found, constraints, slack: int) -> None:
    """Nothing pins the year: weekdays or months that differ are said to differ; the rest is unresolved."""
    groups: dict[tuple, list] = {}
    for claim in constraints:
        span = claim.value
        groups.setdefault((span.weekday, span.month, span.day), []).append(claim)
    forms = sorted(groups, key=repr)
    clashing = [(a, b) for position, a in enumerate(forms) for b in forms[position + 1:]
                if first_common_day(groups[a][0].value, groups[b][0].value, slack) is None]
    if clashing:
        found.outliers.extend(Item(claim.uid, index.source(claim), Span(None, None), False, vague=True)
                              for claim in constraints)
        for claim in constraints:
            story.outlier_text[claim.uid] = f"{claim.article} says {_form(claim)}"
        story.notes.append("These year-less dates differ" + (
            " (two different weekdays)" if all(form[0] is not None for form in forms) else ""))
    else:
        said = "; ".join(f"{claim.article} says {index.value_text(claim)}" for claim in constraints[:5])
        story.compatible_reasons.append(f"Nothing pins a year for these dates, so they cannot be compared with "
                                        f"a calendar day: {said}")


def _value(index: Index, claim) -> str:
    """A year-less form as written: it is read within the years the other claims pin, not unresolved."""
    return f"{_form(claim)} (no year given)" if is_constraint(claim.value) else index.value_text(claim)


def _form(claim) -> str:
    return f"\u201c{claim.claim.value.text}\u201d"


def _time_zone_notes(index: Index, story: Story, found) -> list[str]:
    """One day apart, for day-level clusters, a weekday against a date, or two weekdays."""
    days = []
    for each in found.clusters:
        region = region_span(each)
        if region.start == region.end and each.members:
            days.append((region.start, each.members))
    pairs = [(a, b) for (a, b) in zip(days, days[1:]) if (b[0] - a[0]).days == 1]
    pairs.sort(key=lambda pair: -len({item.source for _day, items in pair for item in items}))  # the weightiest first
    notes = []
    for (first, first_items), (second, second_items) in sorted(pairs[:2], key=lambda pair: pair[0][0]):
        claims = [index.by_uid[item.uid] for item in (*first_items, *second_items)]
        notes.append(f"{first.isoformat()} in {_sources(first_items)}, {second.isoformat()} in "
                     f"{_sources(second_items)}{_where(index, claims)}: {ONE_DAY}")
    for outlier in found.outliers:
        claim = index.by_uid[outlier.uid]
        weekday = claim.value.weekday
        near = [day for day, _items in days if weekday is not None and abs(nearest_weekday_offset(day, weekday)) == 1]
        if near:
            partners = [index.by_uid[item.uid] for day, items in days if day in near for item in items]
            notes.append(f"{claim.article}'s {WEEKDAY_NAMES[weekday]} and {near[0].isoformat()} "
                         f"({WEEKDAY_NAMES[near[0].weekday()]}){_where(index, [claim, *partners])}: {ONE_DAY}")
    notes.extend(_adjacent_weekdays(index, found))
    return notes


ONE_DAY = ("one day apart, consistent with a time-zone difference: sources in different time zones can both be "
           "right locally. An editor should decide")


def _adjacent_weekdays(index: Index, found) -> list[str]:
    bare = [index.by_uid[item.uid] for item in found.outliers if is_constraint(index.by_uid[item.uid].value)
            and index.by_uid[item.uid].value.weekday is not None]
    weekdays = sorted({claim.value.weekday for claim in bare})
    if len(weekdays) != 2 or (weekdays[1] - weekdays[0]) % 7 not in (1, 6):
        return []
    return [f"{WEEKDAY_NAMES[weekdays[0]]} and {WEEKDAY_NAMES[weekdays[1]]}{_where(index, bare)}: {ONE_DAY}"]


def _sources(items: list[Item]) -> str:
    count = len({item.source for item in items})
    return f"{count} independent sources" if count > 1 else "1 source"


def _where(index: Index, claims) -> str:
    places = sorted({claim.claim.qualifiers.place for claim in claims if claim.claim.qualifiers.place})
    parts = []
    for place in places:
        entity = index.corpus.entities[place]
        offset = f", UTC{entity.utc_offset_hours:+g}" if entity.utc_offset_hours is not None else ""
        parts.append(f"the event took place in {entity.name}{offset}")
    zones = sorted({index.corpus.articles[claim.article].meta.timezone for claim in claims} - {None})
    if zones:
        parts.append(f"article time zones: {', '.join(zones)}")
    return f" ({'; '.join(parts)})" if parts else ""


def _within_articles(index: Index, key: Key, claims, slack: int) -> Iterator[Finding]:
    by_article: dict[str, list] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    for article, own in sorted(by_article.items()):
        clash = [(a, b) for position, a in enumerate(own) for b in own[position + 1:]
                 if first_common_day(a.value, b.value, slack) is None]
        if clash:
            said = "; ".join(f"{index.value_text(claim)} (line {claim.provenance.line})" for claim in own)
            aspect = f"within:{article}"
            yield Finding(CODE, NAME, Status.CONFLICT, f"{article} gives this date twice, differently: {said}.",
                          key.label(), tuple(index.evidence(claim) for claim in own), aspect=aspect,
                          id=stable_id(CODE, key.label(), aspect))
