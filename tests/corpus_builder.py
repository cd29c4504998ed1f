"""Build small corpora on disk for tests: articles, claims and a registry, from plain data."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

RULE_REGISTRY = Path(__file__).parent / "rules" / "registry"


def write_corpus(root: Path, articles: list[dict[str, Any]], registry: Path = RULE_REGISTRY) -> Path:
    """articles: [{id, text, published?, derived_from?, publisher?, claims: [...]}]."""
    shutil.copytree(registry, root / "registry", dirs_exist_ok=True)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    for article in articles:
        (root / "articles" / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
        meta = {
            "id": article["id"],
            "text": f"articles/{article['id']}.txt",
            "published": article.get("published"),
            "publisher": article.get("publisher"),
            "derived_from": article.get("derived_from", []),
        }
        document = {"article": meta, "claims": article.get("claims", [])}
        (root / f"{article['id']}.claims.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return root
