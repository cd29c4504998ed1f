"""The synthetic newsroom's world: organizations, people, outlets and the stories they cover.

Everything is drawn from one seeded random generator, so a (size, seed) pair always gives
the same world. Pools grow with the number of articles: about one story per five
articles, one organization per four, and every dated event on its own day, so keys,
facts and distinctive values stay small as the corpus grows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

ARTICLES_PER_STORY = (1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8)  # a story is covered by a handful of outlets
FIRST_STORY_DAY = dt.date(2019, 1, 7)
DAYS_PER_STORY = 4  # deals on day 4k, the reports they follow on day 4k-1; 4k+1 and 4k+2 stay free for errors

PLACES = (  # id, name, IANA zone, UTC offset; countries first
    ("united-states", "the United States", "America/New_York", -5), ("germany", "Germany", "Europe/Berlin", 1),
    ("japan", "Japan", "Asia/Tokyo", 9), ("taiwan", "Taiwan", "Asia/Taipei", 8),
    ("france", "France", "Europe/Paris", 1), ("india", "India", "Asia/Kolkata", 5.5),
    ("brazil", "Brazil", "America/Sao_Paulo", -3), ("canada", "Canada", "America/Toronto", -5),
    ("south-korea", "South Korea", "Asia/Seoul", 9), ("netherlands", "the Netherlands", "Europe/Amsterdam", 1),
    ("texas", "Texas", "America/Chicago", -6), ("ohio", "Ohio", "America/New_York", -5),
    ("arizona", "Arizona", "America/Phoenix", -7), ("bavaria", "Bavaria", "Europe/Berlin", 1),
    ("osaka", "Osaka", "Asia/Tokyo", 9), ("taipei", "Taipei", "Asia/Taipei", 8),
    ("lyon", "Lyon", "Europe/Paris", 1), ("pune", "Pune", "Asia/Kolkata", 5.5),
    ("quebec", "Quebec", "America/Toronto", -5), ("rotterdam", "Rotterdam", "Europe/Amsterdam", 1),
)
COUNTRIES = tuple(place[0] for place in PLACES[:10])
SITES = tuple(place[0] for place in PLACES[10:])
COMPONENTS = ("cabling", "cooling", "networking", "power-systems", "server-racks", "chassis", "storage",
              "optics", "switches", "batteries", "transformers", "sensors")
CATEGORIES = ("contract-electronics", "ai-chips", "cloud-computing", "data-center-power", "optical-networking",
              "industrial-batteries", "memory-chips", "robotics")
_SYLLABLES = ("nor", "vex", "cal", "dera", "tri", "lum", "ax", "ion", "zen", "tor", "qua", "sar", "mek", "ora",
              "vel", "tis", "bra", "cor", "dyn", "fal", "gri", "hal", "kin", "lor", "mar", "nex", "pol", "ryn")
_ORG_KINDS = ("Systems", "Technologies", "Industries", "Networks", "Semiconductor", "Energy", "Labs", "Group")
_FIRST = ("Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Gita", "Hugo", "Ines", "Jun", "Kofi", "Lena", "Mateo",
          "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoltan")
_LAST = ("Abe", "Baptiste", "Costa", "Dumont", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen",
         "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Santos", "Tanaka",
         "Ulrich", "Varga", "Weber", "Xu", "Yilmaz", "Zhou")
_OUTLETS = ("Herald", "Courier", "Ledger", "Dispatch", "Tribune", "Observer", "Gazette", "Chronicle", "Post",
            "Journal", "Monitor", "Review", "Times", "Bulletin", "Record", "Sentinel")
_TOWNS = ("Northfield", "Eastport", "Riverton", "Lakeside", "Hillcrest", "Bayview", "Oakdale", "Westbrook",
          "Fairmont", "Brookline", "Ashford", "Glenwood")
WIRES = (("wire-global", "Global Wire"), ("wire-markets", "Markets Wire"), ("wire-tech", "Tech Wire"))


@dataclass(frozen=True)
class Person:
    id: str
    name: str


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    country: str
    ceo: Person
    category: str
    commitments: int  # total infrastructure commitments, in millions of dollars
    commitments_this_year: int  # the part committed in the story year, never above the total
    investment_per_year: int  # millions of dollars a year
    revenue: int  # annualized revenue, in millions


@dataclass(frozen=True)
class Statement:
    speaker: Person
    words: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    index: int
    deal_id: str
    buyer: Org
    seller: Org
    announced: dt.date
    report_id: str
    report_name: str
    report_date: dt.date
    value: int  # deal value, in millions of dollars
    capacity: int  # tenths of a gigawatt
    components: tuple[str, ...]
    site: str
    purchase_commitments: bool
    deployment_year: int
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    timezone: str


@dataclass(frozen=True)
class ArticlePlan:
    index: int
    id: str
    story: Story
    outlet: Outlet
    derived_from: tuple[str, ...]
    published: dt.date
    analyst: Person
    analyst_firm: Org
    project_id: str
    project_name: str


@dataclass(frozen=True)
class World:
    seed: str
    orgs: tuple[Org, ...]
    people: tuple[Person, ...]
    stories: tuple[Story, ...]
    outlets: tuple[Outlet, ...]
    articles: tuple[ArticlePlan, ...]


class _Amounts:
    """Distinct amounts of money, in millions, each one written exactly by `draft.money`. Two subjects
    given the same exact figure are flagged as a possible misattribution (CC108); drawn from a fixed
    range, such coincidences would grow with the square of the corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[int] = set()

    def draw(self, low: int, high: int) -> int:
        while True:
            value = self.rng.randrange(low, high)
            value -= value % 10 if value >= 1000 else 0  # whole tens of millions: "$13.74 billion"
            if value not in self.taken:
                self.taken.add(value)
                return value


class _Names:
    """Unique readable names: a draw that is taken gets a distinguishing suffix."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def unique(self, draw) -> str:
        name = draw()
        base, number = name, 2
        while name in self.taken:
            name = f"{base} {_roman(number)}"
            number += 1
        self.taken.add(name)
        return name

    def org(self) -> str:
        rng = self.rng
        return self.unique(lambda: (rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES)).capitalize()
                           + " " + rng.choice(_ORG_KINDS))

    def person(self) -> str:
        rng = self.rng
        return self.unique(lambda: f"{rng.choice(_FIRST)} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {rng.choice(_LAST)}")


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result += numeral
            number -= value
    return result


def slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def build_world(articles: int, seed: str, vocabulary: tuple[str, ...]) -> World:
    rng = random.Random(f"claimcheck-bench/{seed}/{articles}")
    names, amounts = _Names(rng), _Amounts(rng)
    people: list[Person] = []

    def person() -> Person:
        name = names.person()
        people.append(Person(slug(name), name))
        return people[-1]

    orgs = tuple(_org(rng, names, amounts, person()) for _ in range(max(8, articles // 4)))
    outlets = tuple(Outlet(slug(f"{town} {paper}"), f"The {town} {paper}", rng.choice(PLACES[:10])[2])
                    for town, paper in _outlet_names(rng, 12 + articles // 150))
    plans: list[ArticlePlan] = []
    stories: list[Story] = []
    while len(plans) < articles:
        story = _story(rng, len(stories), orgs, amounts.draw(1_000, 1_000_000), vocabulary)
        stories.append(story)
        for _ in range(min(rng.choice(ARTICLES_PER_STORY), articles - len(plans))):
            plans.append(_plan(rng, len(plans), story, outlets, orgs, person()))
    return World(seed, orgs, tuple(people), tuple(stories), outlets, tuple(plans))


def _outlet_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    pairs = [(town, paper) for town in _TOWNS for paper in _OUTLETS]
    rng.shuffle(pairs)
    extra = [(f"{town} {_roman(n)}", paper) for n in range(2, 2 + count // len(pairs) + 1) for town, paper in pairs]
    return (pairs + extra)[:count]


def _org(rng: random.Random, names: _Names, amounts: _Amounts, ceo: Person) -> Org:
    name = names.org()
    commitments = amounts.draw(20_000, 2_000_000)
    return Org(slug(name), name, rng.choice(COUNTRIES), ceo, rng.choice(CATEGORIES), commitments,
               amounts.draw(commitments // 10, commitments // 2), amounts.draw(100, 200_000),
               amounts.draw(500, 2_000_000))


def _story(rng: random.Random, index: int, orgs: tuple[Org, ...], value: int, vocabulary: tuple[str, ...]) -> Story:
    buyer, seller = rng.sample(orgs, 2)
    announced = FIRST_STORY_DAY + dt.timedelta(days=DAYS_PER_STORY * index)
    statements = tuple(Statement(speaker, tuple(rng.choice(vocabulary) for _ in range(rng.randrange(14, 22))))
                       for speaker in (buyer.ceo, seller.ceo))
    return Story(
        index=index, deal_id=f"{buyer.id}-{seller.id}-deal-{index}", buyer=buyer, seller=seller, announced=announced,
        report_id=f"{seller.id}-supply-report-{index}", report_name=f"the {seller.name} supply report no. {index}",
        report_date=announced - dt.timedelta(days=1), value=value,
        capacity=rng.randrange(3, 150), components=tuple(rng.sample(COMPONENTS, 5)), site=rng.choice(SITES),
        purchase_commitments=rng.random() < 0.5, deployment_year=announced.year + rng.randrange(1, 3),
        statements=statements,
    )


def _plan(rng: random.Random, index: int, story: Story, outlets, orgs, analyst: Person) -> ArticlePlan:
    outlet = rng.choice(outlets)
    derived = (rng.choice(WIRES)[0],) if rng.random() < 0.15 else ()
    project = f"{story.buyer.name} {rng.choice(_TOWNS)} campus"
    return ArticlePlan(
        index=index, id=f"a{index:06d}-{outlet.id}", story=story, outlet=outlet, derived_from=derived,
        published=story.announced + dt.timedelta(days=rng.randrange(0, 5)), analyst=analyst,
        analyst_firm=rng.choice(orgs), project_id=f"project-{index:06d}", project_name=f"the {project} no. {index}",
    )
