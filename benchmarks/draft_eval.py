"""How well `claimcheck draft` finds what editors encoded: value recall, key recall, precision, speed.

Drafts each article of a corpus from its text alone and compares with the editors' claims:

- value recall: share of editor claims whose quote overlaps a drafted claim of the same
  kind with the same normalized value (intervals for money, dates, quantities, counts,
  fractions; the entity, the set of items, the boolean, the speaker and verbatim flag of
  a quote, the relation and event);
- key recall: the same, and subject + property also equal;
- precision: share of drafted claims that match an editor claim (by value, as above);
- seconds per article: drafting alone, median of three runs.

    .venv/bin/python benchmarks/draft_eval.py [CORPUS] [--properties-from DIR]    # default: claims/

`--properties-from DIR` drafts with the property registry of another corpus (its `cues:`,
`subjects:` and `objects:` are the drafter's data): a held-out corpus keeps a registry to
validate its claim files, and is measured with the cues the drafter has now
(`benchmarks/draft_unseen`, measured with `--properties-from claims`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from tabulate import tabulate

from checker.draft.drafter import DraftClaim, draft_article
from checker.load.claim_values import PARSERS
from checker.load.corpus import load_corpus, load_registries
from checker.load.provenance import FoldedText
from checker.model.corpus import LoadedClaim
from checker.model.values import UNRESOLVED_DATE
from checker.normalize import NeedsPublicationDate, NormalizationError, NormalizeOptions

TEXT_KINDS = ("date", "money", "quantity", "count", "fraction")


def drafted_value(claim: DraftClaim, published):
    value = claim.value
    if value["kind"] in TEXT_KINDS:
        try:
            return PARSERS[value["kind"]](value["text"], published, NormalizeOptions())
        except NeedsPublicationDate:
            return UNRESOLVED_DATE
        except NormalizationError:
            return None
    return _plain_value(value)


def editor_value(claim: LoadedClaim):
    if claim.claim.value.kind in TEXT_KINDS:
        return claim.value
    return _plain_value(claim.claim.value.model_dump())


def _plain_value(value: dict):
    kind = value["kind"]
    if kind == "entity":
        return value["entity"]
    if kind == "set":
        return frozenset(value["items"])
    if kind == "boolean":
        return value["value"]
    if kind == "quote":
        return (value["speaker"], value["verbatim"])
    if kind == "relation":
        return (value["relation"], value["event"])
    return None


def same_kind(editor: str, drafted: str) -> bool:
    return editor == drafted or {editor, drafted} == {"quantity", "count"}


def evaluate(corpus_root: Path, properties_from: Path | None = None) -> tuple[list[list], Counter]:
    loaded = load_corpus(corpus_root).corpus
    properties = load_registries(properties_from)[0].properties if properties_from else loaded.properties
    rows, totals = [], Counter()
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [editor claims, found]
    for article_id in sorted(loaded.articles):
        article = loaded.articles[article_id]
        seconds, draft = _timed(lambda a=article: draft_article(a.text, loaded.entities, properties, a.published))
        folded = FoldedText(article.text)
        drafted = []
        for claim in draft.claims:
            spans = folded.occurrences(claim.quote.exact, claim.quote.prefix)
            drafted.append((claim, spans[0].start, spans[0].end, drafted_value(claim, article.published)))
        editors = [c for c in loaded.claims if c.article == article_id]
        matched_drafts: set[int] = set()
        values = keys = 0
        for editor in editors:
            by_kind[editor.claim.value.kind][0] += 1
            hits = [i for i, (claim, start, end, value) in enumerate(drafted)
                    if start < editor.provenance.end and editor.provenance.start < end
                    and same_kind(editor.claim.value.kind, claim.value["kind"]) and value == editor_value(editor)]
            matched_drafts.update(hits)
            values += bool(hits)
            by_kind[editor.claim.value.kind][1] += bool(hits)
            keys += any(drafted[i][0].subject == editor.subject and drafted[i][0].property == editor.property
                        for i in hits)
        row = [article_id, len(editors), len(drafted), _share(values, len(editors)), _share(keys, len(editors)),
               _share(len(matched_drafts), len(drafted)), f"{seconds:.3f}"]
        rows.append(row)
        totals.update(editors=len(editors), drafted=len(drafted), values=values, keys=keys,
                      precise=len(matched_drafts))
        totals["seconds"] += seconds
    totals["by_kind"] = dict(sorted(by_kind.items()))
    return rows, totals


def _timed(run):
    times, result = [], None
    for _ in range(3):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="How well `claimcheck draft` finds what editors encoded.")
    parser.add_argument("corpus", nargs="?", type=Path, default=Path("claims"))
    parser.add_argument("--properties-from", type=Path, default=None, metavar="DIR",
                        help="draft with the property registry (cues) of this corpus")
    arguments = parser.parse_args(argv)
    rows, totals = evaluate(arguments.corpus, arguments.properties_from)
    articles = len(rows)
    rows.append(["all", totals["editors"], totals["drafted"], _share(totals["values"], totals["editors"]),
                 _share(totals["keys"], totals["editors"]), _share(totals["precise"], totals["drafted"]),
                 f"{totals['seconds'] / max(articles, 1):.3f}"])
    print(tabulate(rows, headers=["article", "editor claims", "drafted", "value recall", "key recall", "precision",
                                  "s/article"], tablefmt="github", disable_numparse=True))
    print()
    kinds = [[kind, whole, _share(found, whole)] for kind, (whole, found) in totals["by_kind"].items()]
    print(tabulate(kinds, headers=["value kind", "editor claims", "value recall"], tablefmt="github",
                   disable_numparse=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
