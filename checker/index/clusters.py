"""Value clusters: the claims of one fact grouped by what they say, in O(n log n).

Pure functions over points on a line (an amount, a day number) and knows nothing of rules.
A *firm* claim (a point, "around X", a range, a day, a month) is an interval; intervals that
share a common point pairwise agree (Helly's theorem in one dimension), so the firm claims
are clustered by stabbing: sorted by their high end, a stab point is put at the high end of
the first interval no point stabs yet, and every interval joins every stab point it holds.
The greedy points are the fewest that stab them all, so two clusters mean two claims that
cannot both be true. *Loose* claims (one-sided bounds, vague amounts, unresolved forms) are
then placed against the clusters: a loose claim fits a cluster, touches it (an open bound
that ends where the cluster is) or fits none (an outlier).

A bound's *nominal* value ("at least $80bn" says 80bn) corroborates a cluster holding it; a
claim that only fits (its interval overlaps, its nominal does not) never corroborates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

# A bound is (value, side): side -1 is just below the value, 0 the value, +1 just above, so open
# and closed ends of intervals order as tuples. None is unbounded.
Bound = tuple


@dataclass(frozen=True, slots=True)
class Span:
    low: Bound | None
    high: Bound | None

    def overlaps(self, other: Span) -> bool:
        return _le(self.low, other.high) and _le(other.low, self.high)

    def touches(self, other: Span) -> bool:
        """The closures meet (an open bound ending where the other starts)."""
        return _le(_closed(self.low), _closed(other.high)) and _le(_closed(other.low), _closed(self.high))


def _closed(bound: Bound | None) -> Bound | None:
    return None if bound is None else (bound[0], 0)


def _le(low: Bound | None, high: Bound | None) -> bool:
    return low is None or high is None or low <= high


@dataclass(frozen=True, slots=True)
class Item:
    """One claim as the clustering sees it."""

    uid: str
    source: str  # independent source
    span: Span  # widened by the property's tolerance
    firm: bool
    nominal: Span | None = None  # the stated number of a bound, widened; None: the span itself
    vague: bool = False  # "tens of billions": fits, corroborates only the same vague amount
    unit: Hashable = None  # currency or unit; items of different units are never compared


@dataclass
class Cluster:
    point: Bound
    region_low: Bound | None = None  # the members' common part is [region_low, point]
    members: list[Item] = field(default_factory=list)  # firm members and loose items that corroborate
    fitting: list[Item] = field(default_factory=list)  # loose items that fit without corroborating
    touching: list[Item] = field(default_factory=list)  # loose items whose open bound touches
    # who corroborates whom: the members, but in a cluster of bounds only those whose nominal agree
    corroborating: list[Item] | None = None

    @property
    def region(self) -> Span:
        return Span(self.region_low, self.point)

    def sources(self) -> set[str]:
        return {item.source for item in self.members}

    def corroborated_by(self) -> set[str]:
        """The independent sources that corroborate each other here."""
        group = self.members if self.corroborating is None else self.corroborating
        return {item.source for item in group}


@dataclass
class Clustering:
    clusters: list[Cluster]
    outliers: list[Item]  # loose items that fit no cluster
    corroborating_vague: list[list[Item]]  # identical vague amounts from independent sources

    @property
    def disjoint(self) -> bool:
        """Some claims cannot both be true: two clusters that do not even touch, or an outlier."""
        if self.outliers:
            return True
        ordered = sorted(self.clusters, key=lambda cluster: cluster.point)
        return any(not _le(_closed(later.region_low), _closed(earlier.point))
                   for earlier, later in zip(ordered, ordered[1:]))

    @property
    def touching(self) -> bool:
        """Clusters that meet only at an open bound ("nearly $50bn" and "$50bn"): compatible."""
        return len(self.clusters) > 1 and not self.disjoint

    def loosely_placed(self) -> list[Item]:
        return [item for cluster in self.clusters for item in (*cluster.fitting, *cluster.touching)]


def stab(items: Sequence[Item]) -> list[Cluster]:
    """Cluster intervals by the fewest stab points; each interval joins every point it holds."""
    bounded = sorted((item for item in items if item.span.high is not None), key=lambda item: (item.span.high, item.uid))
    points: list[Bound] = []
    for item in bounded:
        if not points or not _le(item.span.low, points[-1]):
            points.append(item.span.high)
    unbounded = [item for item in items if item.span.high is None]
    above = [item.span.low for item in unbounded if points and not _le(item.span.low, points[-1])]
    if unbounded and (not points or above):
        lows = [low for low in (above if points else [item.span.low for item in unbounded]) if low is not None]
        points.append(max(lows) if lows else (points[-1] if points else (0, 0)))
    clusters = [Cluster(point) for point in points]
    for item in sorted(items, key=lambda item: item.uid):
        for cluster in clusters[_first_at_or_above(points, item.span.low):]:
            if item.span.high is not None and cluster.point > item.span.high:
                break
            _join(cluster, item)
    return clusters


def _first_at_or_above(points: list[Bound], low: Bound | None) -> int:
    return 0 if low is None else bisect_left(points, low)


def _join(cluster: Cluster, item: Item) -> None:
    cluster.members.append(item)
    if item.span.low is not None and (cluster.region_low is None or item.span.low > cluster.region_low):
        cluster.region_low = item.span.low


def place(item: Item, clusters: list[Cluster], fits: Callable[[Item, Cluster], bool] | None = None) -> str:
    """Put a loose item against the clusters (sorted by point): 'fits', 'touches' or 'outlier'.
    `fits` replaces the interval test for items that are constraints (a weekday) rather than spans."""
    if fits is not None:
        held = [cluster for cluster in clusters if fits(item, cluster)]
        for cluster in held:
            cluster.fitting.append(item)
        return "fits" if held else "outlier"
    points = [cluster.point for cluster in clusters]
    start = max(0, _first_at_or_above(points, item.span.low) - 1)
    placed = "outlier"
    for cluster in clusters[start:]:
        region = cluster.region
        if item.span.overlaps(region):
            corroborates = not item.vague and (item.nominal or item.span).overlaps(region)
            (cluster.members if corroborates else cluster.fitting).append(item)
            placed = "fits"
        elif item.span.touches(region):
            cluster.touching.append(item)
            placed = "touches" if placed == "outlier" else placed
        elif item.span.high is not None and region.low is not None and region.low > item.span.high:
            break
    return placed


def cluster(items: Sequence[Item]) -> Clustering:
    """The clusters of one fact's items (all of one unit)."""
    firm = [item for item in items if item.firm]
    loose = [item for item in items if not item.firm]
    if not firm:
        return _loose_only(loose)
    clusters = stab(firm)
    outliers = [item for item in loose if place(item, clusters) == "outlier"]
    return Clustering(clusters, outliers, _vague_agreement(loose))


def _loose_only(loose: list[Item]) -> Clustering:
    """Only bounds and vague amounts: clustered by their intervals; inside a cluster, claims
    corroborate only when their nominal values agree (vague amounts: see `_vague_agreement`)."""
    clusters = stab(loose)
    for each in clusters:
        nominal_groups = stab([_as_nominal(item) for item in each.members if not item.vague])
        best = max(nominal_groups, key=lambda group: (len(group.sources()), group.point), default=None)
        each.corroborating = best.members if best is not None else []
    return Clustering(clusters, [], _vague_agreement(loose))


def _as_nominal(item: Item) -> Item:
    nominal = item.nominal or item.span
    return Item(item.uid, item.source, nominal, True)


def _vague_agreement(loose: list[Item]) -> list[list[Item]]:
    groups: dict[Span, list[Item]] = {}
    for item in loose:
        if item.vague:
            groups.setdefault(item.span, []).append(item)
    return [group for _span, group in sorted(groups.items(), key=lambda pair: repr(pair[0]))
            if len({item.source for item in group}) > 1]


def majority(clusters: list[Cluster]) -> Cluster | None:
    """The cluster with strictly more independent sources than any other, if there is one."""
    if not clusters:
        return None
    ranked = sorted(clusters, key=lambda each: -len(each.sources()))
    if len(ranked) == 1 or len(ranked[0].sources()) > len(ranked[1].sources()):
        return ranked[0]
    return None
