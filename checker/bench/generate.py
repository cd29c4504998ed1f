"""Write a synthetic corpus: registries, article texts and claim files, deterministic for a seed.

    claimcheck bench generate --articles 1000 --seed 1 --out /tmp/corpus-1k

The layout is the one `claimcheck check` reads (`registry/`, `articles/`,
`<id>.claims.yaml`), and the corpus is valid: `claimcheck validate` reports no error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.bench.compose import ComposedArticle, compose_article
from checker.bench.draft import VOCABULARY
from checker.bench.world import PLACES, WIRES, World, build_world

_PLAIN = re.compile(r"^[a-z][a-z0-9-]*$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})

PROPERTIES = """\
# Properties of the synthetic benchmark corpus (see checker/bench).
properties:
  - {id: announced-on, label: was announced on, value_kind: date, event_time: true}
  - {id: annualized-revenue, label: has annualized revenue of, value_kind: money}
  - {id: based-in, label: is based in, value_kind: entity}
  - {id: cancelled, label: was cancelled, value_kind: boolean}
  - {id: capacity, label: has a capacity of, value_kind: quantity, unit: gigawatt}
  - {id: chief-executive, label: has as chief executive, value_kind: entity}
  - {id: components, label: covers the components, value_kind: set}
  - {id: customers, label: has as customers, value_kind: set}
  - {id: deal-value, label: is worth, value_kind: money}
  - {id: deployment-start, label: starts deployment, value_kind: date}
  - {id: employer, label: works for, value_kind: entity}
  - {id: grants-early-access, label: gives the buyer early access, value_kind: boolean}
  - {id: grants-purchase-option, label: gives the buyer an option to buy, value_kind: boolean}
  - {id: includes-purchase-commitments, label: includes purchase commitments, value_kind: boolean}
  - {id: infrastructure-commitments, label: has committed to infrastructure, value_kind: money, additive: true}
  - {id: investment, label: invests, value_kind: money, additive: true}
  - {id: located-in, label: is located in, value_kind: entity}
  - {id: market-leader, label: is the largest company in its category, value_kind: boolean}
  - {id: ordered-relative-to, label: happened, value_kind: relation, cardinality: multi}
  - {id: participants, label: involves, value_kind: set}
  - {id: said, label: said, value_kind: quote, cardinality: multi}
  - {id: started-on, label: started on, value_kind: date}
"""


def generate_corpus(out: Path, articles: int, seed: str) -> World:
    world = build_world(articles, seed, VOCABULARY)
    (out / "registry").mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    _write(out / "registry" / "properties.yaml", PROPERTIES)
    _write(out / "registry" / "entities.yaml", entities_yaml(world))
    for plan in world.articles:
        write_article(out, compose_article(world, plan))
    return world


def write_article(out: Path, article: ComposedArticle) -> tuple[Path, Path]:
    text_path = out / "articles" / f"{article.plan.id}.txt"
    claims_path = out / f"{article.plan.id}.claims.yaml"
    _write(text_path, article.text)
    _write(claims_path, claim_file_yaml(article))
    return claims_path, text_path


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def entities_yaml(world: World) -> str:
    lines = ["# Entities of the synthetic benchmark corpus (see checker/bench).", "entities:"]
    entries: list[dict[str, Any]] = []
    entries += [{"id": place, "name": name, "kind": "place", "timezone": zone, "utc_offset_hours": offset}
                for place, name, zone, offset in PLACES]
    entries += [{"id": wire, "name": name, "kind": "outlet"} for wire, name in WIRES]
    entries += [{"id": outlet.id, "name": outlet.name, "kind": "outlet"} for outlet in world.outlets]
    entries += [{"id": org.id, "name": org.name, "kind": "organization"} for org in world.orgs]
    entries += [{"id": person.id, "name": person.name, "kind": "person"} for person in world.people]
    for story in world.stories:
        entries.append({"id": story.deal_id, "name": f"the {story.buyer.name}\u2013{story.seller.name} deal",
                        "kind": "deal"})
        entries.append({"id": story.report_id, "name": story.report_name, "kind": "report"})
    entries += [{"id": plan.project_id, "name": plan.project_name, "kind": "project"} for plan in world.articles]
    lines += [f"  - {_flow(entry)}" for entry in entries]
    return "\n".join(lines) + "\n"


def claim_file_yaml(article: ComposedArticle) -> str:
    plan = article.plan
    meta = {"id": plan.id, "text": f"articles/{plan.id}.txt", "title": article.title, "publisher": plan.outlet.id,
            "published": plan.published.isoformat(), "timezone": plan.outlet.timezone,
            "derived_from": list(plan.derived_from)}
    lines = ["# Synthetic claims (claimcheck bench generate). Every quote is words of the article.", "article:"]
    lines += [f"  {key}: {_scalar(value)}" for key, value in meta.items()]
    lines.append("claims:")
    for claim in article.claims:
        lines += _claim_lines(claim)
    return "\n".join(lines) + "\n"


def _claim_lines(claim: dict[str, Any]) -> Iterable[str]:
    first = True
    for key, value in claim.items():
        yield f"  {'- ' if first else '  '}{key}: {_scalar(value)}"
        first = False


def _scalar(value: Any) -> str:
    if isinstance(value, dict):
        return _flow(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if value is None:
        return "null"
    if _PLAIN.match(value) and value not in _YAML_WORDS:
        return value
    return json.dumps(value)


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in mapping.items()) + "}"
