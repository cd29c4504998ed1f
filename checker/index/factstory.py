"""The story of one fact, told once: its value clusters as one finding an editor can read.

"3 independent sources say USD 500 billion (a, b, c); d says USD 400 billion". With a
clear majority (strictly most independent sources) the story names the outlier(s); without
one it lists the clusters side by side and prefers none. Articles are named up to five per
cluster, so a wire story carried by 300 outlets stays one short paragraph.

The id is the rule, the key and the status (`stable_id`); the fingerprint covers the status,
the claims outside the majority and the values of the other clusters, so an outlet joining
the majority neither changes the id nor makes a review stale (not even when it tips how the
majority's value is worded), while a new dissenting claim does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from checker.findings.finding import ClusterSummary, Finding, Status, stable_id, story_fingerprint
from checker.index.clusters import Cluster, Clustering, Item, Span, majority
from checker.model.claims import BooleanValue, EntityValue
from checker.model.values import DateSpan, Granularity, Hedge, Interval

LOWER_BOUNDS = frozenset({Hedge.MORE_THAN, Hedge.AT_LEAST})
UPPER_BOUNDS = frozenset({Hedge.LESS_THAN, Hedge.UP_TO})
MAX_NAMED = 5  # articles named per cluster before "and N more"
MAX_TOLD = 8  # clusters told in the message; the rest are counted (all are in `Finding.clusters`)


@dataclass
class Story:
    """What a rule found about one key, ready to be told."""

    clusterings: list[Clustering]
    claims: Mapping[str, object]  # uid -> LoadedClaim
    article_of: Callable[[str], str]
    value_of: Callable[[str], str]  # uid -> value text
    notes: list[str] = field(default_factory=list)  # extra sentences (time zones, bounds, units)
    compatible_reasons: list[str] = field(default_factory=list)  # why not a plain agreement
    outlier_text: dict[str, str] = field(default_factory=dict)  # uid -> how the rule explains that outlier
    labels: dict[int, str] = field(default_factory=dict)  # cluster identity -> label, computed once


def named(articles: Iterable[str]) -> str:
    ordered = sorted(set(articles))
    shown = ", ".join(ordered[:MAX_NAMED])
    return shown + (f" and {len(ordered) - MAX_NAMED} more" if len(ordered) > MAX_NAMED else "")


def cluster_label(story: Story, cluster: Cluster) -> str:
    """The value the cluster stands for: what most of its firm members say."""
    label = story.labels.get(id(cluster))
    if label is None:
        label = story.labels[id(cluster)] = _label(story, cluster)
    return label


def _label(story: Story, cluster: Cluster) -> str:
    voices = [item for item in cluster.members if item.firm] or cluster.members or cluster.fitting
    counts = Counter(story.value_of(item.uid) for item in voices)
    widths: dict[str, object] = {}
    for item in voices:  # of equally frequent values, the narrowest stands for the cluster
        width = _width(item)
        text = story.value_of(item.uid)
        widths[text] = width if text not in widths else min(widths[text], width)
    return min(counts, key=lambda text: (-counts[text], widths[text], text))


def _width(item: Item):
    low, high = item.span.low, item.span.high
    if low is None or high is None:
        return float("inf")
    try:
        return high[0] - low[0]
    except TypeError:  # values compared by equality (entities, yes/no)
        return 0


def _say(story: Story, items: list[Item], label: str) -> str:
    sources = {item.source for item in items}
    articles = [story.article_of(item.uid) for item in items]
    if len(sources) > 1:
        return f"{len(sources)} independent sources say {label} ({named(articles)})"
    verb = "says" if len(set(articles)) == 1 else "say"
    return f"{named(articles)} {verb} {label}"


def status_of(story: Story) -> Status | None:
    if any(clustering.disjoint for clustering in story.clusterings):
        return Status.CONFLICT
    if story.compatible_reasons or any(clustering.loosely_placed() or clustering.touching
                                       for clustering in story.clusterings):
        return Status.COMPATIBLE
    corroborated = any(len(cluster.corroborated_by()) > 1 for clustering in story.clusterings
                       for cluster in clustering.clusters)
    vague = any(clustering.corroborating_vague for clustering in story.clusterings)
    return Status.CONSISTENT if corroborated or vague else Status.COMPATIBLE


def tell(story: Story, rule: str, name: str, key: str, evidence: Callable[[str], object],
         status: Status | None = None) -> Finding:
    status = status or status_of(story)
    clusters = [cluster for clustering in story.clusterings for cluster in clustering.clusters]
    outliers = [item for clustering in story.clusterings for item in clustering.outliers]
    leader = majority(clusters) if len(story.clusterings) == 1 else None
    summaries, sentences, dissent = _summaries(story, clusters, outliers, leader, status)
    sentences += _placed(story, clusters)
    if any(clustering.touching for clustering in story.clusterings):
        sentences.append("The values meet only at an open bound (\"nearly\", \"more than\"): compatible, not a conflict")
    sentences += story.notes + story.compatible_reasons
    message = _opening(status, leader, len(clusters) + len(outliers)) + " ".join(
        sentence if sentence.endswith(".") else sentence + "." for sentence in sentences)
    cited = tuple(evidence(uid) for uid in sorted(story.claims))
    outlying = [item for item in cited if item.uid in dissent]
    return Finding(rule, name, status, message, key, cited, aspect=status.value,
                   id=stable_id(rule, key, status.value),
                   fingerprint=story_fingerprint(status.value, outlying, _dissenting_labels(story, clusters, leader)),
                   clusters=tuple(summaries))


def _dissenting_labels(story: Story, clusters: list[Cluster], leader: Cluster | None) -> list[str]:
    """The values of the clusters beside the majority, each read from its own members only: a
    source joining the majority (and, through an overlap, another cluster too) changes none."""
    held = {item.uid for item in leader.members} if leader is not None else set()
    labels = []
    for cluster in clusters:
        if cluster is leader or not cluster.members:
            continue
        own = [item for item in cluster.members if item.uid not in held] or cluster.members
        labels.append(_label(story, Cluster(cluster.point, cluster.region_low, own)))  # a passing cluster: never
        # remembered by identity, as the next one may be given its address
    return labels


def _opening(status: Status, leader: Cluster | None, count: int) -> str:
    if status is Status.CONFLICT:
        return "The sources disagree. " if leader is not None else \
            f"The sources disagree and no value has a majority ({count} values side by side). "
    return ""


def _summaries(story: Story, clusters: list[Cluster], outliers: list[Item], leader: Cluster | None,
               status: Status) -> tuple[list[ClusterSummary], list[str], set[str]]:
    summaries, sentences = [], []
    dissent: set[str] = set(story.claims)
    if leader is not None:
        dissent -= {item.uid for item in leader.members}
    ordered = sorted(clusters, key=lambda cluster: (cluster is not leader, -len(cluster.sources()),
                                                     min((item.uid for item in cluster.members), default="")))
    for cluster in ordered:
        if not cluster.members:
            continue
        label = cluster_label(story, cluster)
        role = "majority" if cluster is leader else ("outlier" if leader is not None else "side")
        summaries.append(ClusterSummary(label, tuple(sorted(item.uid for item in cluster.members)),
                                        len(cluster.sources()), role))
        sentence = _say(story, cluster.members, label)
        if status is Status.CONSISTENT and len(clusters) == 1:
            sentence = sentence.replace(" say ", " agree: ", 1) if " independent sources " in sentence else sentence
        sentences.append(sentence)
    for item in sorted(outliers, key=lambda item: item.uid):
        label = story.value_of(item.uid)
        summaries.append(ClusterSummary(label, (item.uid,), 1, "outlier"))
        sentences.append(story.outlier_text.get(item.uid) or
                         f"{story.article_of(item.uid)} says {label}, which fits none of them")
    sentences += _fitting_several(story, [cluster for cluster in ordered if cluster.members])
    if len(sentences) > MAX_TOLD:
        rest = summaries[MAX_TOLD:]
        sources = sum(summary.sources for summary in rest)
        sentences = [*sentences[:MAX_TOLD], f"{len(rest)} other values, from {sources} sources in all"]
    return summaries, sentences, dissent


def _fitting_several(story: Story, clusters: list[Cluster]) -> list[str]:
    """A claim whose interval holds the values of two clusters (a range over both) fits both."""
    held: dict[str, list[str]] = {}
    for cluster in clusters:
        label = cluster_label(story, cluster)
        for item in cluster.members:
            held.setdefault(item.uid, []).append(label)
    several = sorted(uid for uid, labels in held.items() if len(labels) > 1)
    return [f"{story.article_of(uid)} says {story.value_of(uid)}, which fits both {' and '.join(held[uid][:3])}"
            for uid in several[:MAX_NAMED]]


def _placed(story: Story, clusters: list[Cluster]) -> list[str]:
    sentences = []
    for cluster in clusters:
        if not cluster.members:
            continue
        label = cluster_label(story, cluster)
        fitting = [item for item in cluster.fitting if item.uid not in {m.uid for m in cluster.members}]
        if fitting:
            says = "; ".join(f"{story.article_of(item.uid)} says {story.value_of(item.uid)}"
                             for item in _first(fitting))
            sentences.append(f"Fits {label} without corroborating it: {says}{_more(fitting)}")
        if cluster.touching:
            says = "; ".join(f"{story.article_of(item.uid)} says {story.value_of(item.uid)}"
                             for item in _first(cluster.touching))
            sentences.append(f"Touches {label} at an open bound (compatible, not a conflict): {says}"
                             f"{_more(cluster.touching)}")
    return sentences


def _first(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda item: item.uid)[:MAX_NAMED]


def _more(items: list[Item]) -> str:
    return f" and {len(items) - MAX_NAMED} more" if len(items) > MAX_NAMED else ""


# ---- claims as clustering items ------------------------------------------------------------


def bound(value: Decimal | None, inclusive: bool, side: int) -> tuple | None:
    return None if value is None else (value, 0 if inclusive else side)


def span_of(interval: Interval) -> Span:
    return Span(bound(interval.low, interval.low_inclusive, 1), bound(interval.high, interval.high_inclusive, -1))


def amount_item(claim, source: str, tolerance: Decimal) -> Item:
    value = claim.value
    if isinstance(value, Interval):
        unit = (getattr(value, "currency", None), getattr(value, "unit", None))
        widened = value.widened(tolerance)
        hedge = value.hedge
        firm = hedge not in LOWER_BOUNDS | UPPER_BOUNDS | {Hedge.VAGUE} and None not in (value.low, value.high)
        nominal = None
        if hedge in LOWER_BOUNDS | UPPER_BOUNDS:
            stated = value.low if hedge in LOWER_BOUNDS else value.high
            nominal = span_of(Interval(low=stated, high=stated).widened(tolerance))
        return Item(claim.uid, source, span_of(widened), firm, nominal, hedge is Hedge.VAGUE, unit)
    authored = claim.claim.value
    if isinstance(authored, BooleanValue):
        point = ("yes" if authored.value else "no", 0)
    elif isinstance(authored, EntityValue):
        point = (authored.entity, 0)
    else:
        point = (repr(authored), 0)
    return Item(claim.uid, source, Span(point, point), True, unit=("by-value",))


def is_firm(span: DateSpan) -> bool:
    return (span.start is not None and span.end is not None and span.hedge not in (Hedge.BY, Hedge.SINCE)
            and span.granularity is not Granularity.OPEN)


def is_constraint(span: DateSpan) -> bool:
    """A year-less form: a weekday, a month or a day with no calendar bounds."""
    return span.start is None and span.end is None and (span.weekday, span.month, span.day) != (None, None, None)


def _day_bound(day: dt.date | None, slack: int, side: int) -> tuple | None:
    return None if day is None else (day.toordinal() + side * slack, 0)


def date_item(claim, source: str, slack: int) -> Item:
    span = claim.value
    firm = is_firm(span)
    return Item(claim.uid, source, Span(_day_bound(span.start, slack, -1), _day_bound(span.end, slack, 1)), firm,
                vague=not firm)


def region_span(cluster: Cluster) -> DateSpan:
    low = cluster.region_low[0] if cluster.region_low is not None else cluster.point[0]
    return DateSpan(start=dt.date.fromordinal(low), end=dt.date.fromordinal(cluster.point[0]),
                    granularity=Granularity.DAY)
