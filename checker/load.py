"""Load a corpus: YAML safe load -> JSON Schema -> models -> registries -> quotes -> values.

Every problem becomes a Diagnostic with file, line and column; a bad claim is set
aside (and listed as unchecked) while the rest of its file and of the corpus is
still loaded, so one run reports every error at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from checker.claimvalues import ClaimProblem, resolve_claim
from checker.corpus import Corpus, LoadedArticle, LoadedClaim, Location, UncheckedClaim
from checker.diagnostics import Code, Diagnostic, InputError
from checker.files import MAX_ARTICLE_BYTES, MAX_CLAIM_FILE_BYTES, inside, read_text
from checker.models import Article, Claim, Entity, EntityRegistry, Property, PropertyRegistry
from checker.normalize import NormalizeOptions
from checker.provenance import FoldedText
from checker.reviews import Review, ReviewFile
from checker.schemaerrors import schema_problems
from checker.textsafety import unsafe_character
from checker.yamlsource import DataPath, YamlDocument, parse_yaml

CLAIM_FILE_PATTERN = "*.claims.yaml"
ENTITIES_FILE = Path("registry/entities.yaml")
PROPERTIES_FILE = Path("registry/properties.yaml")
REVIEWS_FILE = Path("reviews.yaml")


@dataclass(frozen=True)
class LoadResult:
    corpus: Corpus
    diagnostics: tuple[Diagnostic, ...]


def load_corpus(root: Path, options: NormalizeOptions | None = None) -> LoadResult:
    options = options or NormalizeOptions()
    diagnostics: list[Diagnostic] = []
    entities = _load_registry(root, ENTITIES_FILE, "entities.schema.json", EntityRegistry, "entities", diagnostics)
    properties = _load_registry(
        root, PROPERTIES_FILE, "properties.schema.json", PropertyRegistry, "properties", diagnostics
    )
    registries = _Registries(entities, properties)
    articles: dict[str, LoadedArticle] = {}
    claims: list[LoadedClaim] = []
    unchecked: list[UncheckedClaim] = []
    for path in claim_files(root):
        loaded = _load_claim_file(root, path, registries, options, taken=articles)
        diagnostics.extend(loaded.diagnostics)
        unchecked.extend(loaded.unchecked)
        if loaded.article is not None:
            articles[loaded.article.id] = loaded.article
            claims.extend(loaded.claims)
    reviews = _load_reviews(root, diagnostics)
    corpus = Corpus(articles, tuple(claims), entities, properties, tuple(sorted(unchecked, key=_unchecked_order)),
                    reviews)
    return LoadResult(corpus, tuple(sorted(set(diagnostics))))


def claim_files(root: Path) -> list[Path]:
    return sorted(root.rglob(CLAIM_FILE_PATTERN))


def display_path(root: Path, path: Path) -> str:
    try:
        return str(root / path.relative_to(root))
    except ValueError:
        return str(path)


def _unchecked_order(item: UncheckedClaim) -> tuple[str, int, int]:
    return (item.location.path, item.location.line, item.location.column)


# ---- registries -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Registries:
    entities: Mapping[str, Entity]
    properties: Mapping[str, Property]


def _load_registry(root, relative, schema_name, model, key, diagnostics) -> dict[str, Any]:
    display = str(root / relative)
    try:
        document = _read_yaml(root / relative, display)
        problems = [diagnostic for _, diagnostic in schema_problems(schema_name, document, display)]
        if problems:
            raise InputError(*problems)
        registry = _build(model, document.data, document, display)
    except InputError as error:
        diagnostics.extend(error.diagnostics)
        return {}
    entries: dict[str, Any] = {}
    for index, entry in enumerate(getattr(registry, key)):
        if entry.id in entries:
            line, column = document.position((key, index, "id"))
            diagnostics.append(Diagnostic(display, line, column, Code.DUPLICATE_ENTRY,
                                          f"{key[:-1]} {entry.id!r} is listed twice", "merge the two entries"))
            continue
        entries[entry.id] = entry
    return entries


def _load_reviews(root: Path, diagnostics: list[Diagnostic]) -> tuple[tuple[Review, Location], ...]:
    path = root / REVIEWS_FILE
    if not path.exists():
        return ()
    display = str(path)
    try:
        document = _read_yaml(path, display)
        problems = [diagnostic for _, diagnostic in schema_problems("reviews.schema.json", document, display)]
        if problems:
            raise InputError(*problems)
        review_file = _build(ReviewFile, document.data, document, display)
    except InputError as error:
        diagnostics.extend(error.diagnostics)
        return ()
    located = []
    for index, review in enumerate(review_file.reviews):
        line, column = document.position(("reviews", index))
        located.append((review, Location(display, line, column)))
    return tuple(located)


# ---- claim files ----------------------------------------------------------------------------


@dataclass
class _FileResult:
    article: LoadedArticle | None
    claims: list[LoadedClaim]
    unchecked: list[UncheckedClaim]
    diagnostics: list[Diagnostic]


def _load_claim_file(root, path, registries, options, taken) -> _FileResult:
    display = display_path(root, path)
    result = _FileResult(None, [], [], [])
    try:
        if not inside(root, path):
            raise InputError(Diagnostic(display, 1, 1, Code.PATH_ESCAPES, "claim file is a link to outside the corpus",
                                        "copy the file into the corpus instead of linking it"))
        document = _read_yaml(path, display)
        bad_claims = _claim_level_problems(document, display, result)
        article = _load_article(root, path, display, document, registries, taken)
    except InputError as error:
        result.diagnostics.extend(error.diagnostics)
        result.unchecked.append(UncheckedClaim(Location(display, 1, 1), None,
                                               "the claim file could not be loaded: " + error.diagnostics[0].message))
        return result
    result.article = article
    folded = FoldedText(article.text)
    seen: set[str] = set()
    raw_claims = document.data.get("claims") or []
    file_claim_ids = {c.get("id") for c in raw_claims if isinstance(c, dict)}
    for index, raw in enumerate(raw_claims):
        if index in bad_claims:
            continue
        _load_one_claim(index, raw, document, display, article, folded, registries, options,
                        file_claim_ids, seen, result)
    return result


def _read_yaml(path: Path, display: str) -> YamlDocument:
    return parse_yaml(read_text(path, display, MAX_CLAIM_FILE_BYTES, strip_bom=True), display)


def _claim_level_problems(document: YamlDocument, display: str, result: _FileResult) -> set[int]:
    """Schema and character problems; those inside one claim set that claim aside, others fail the file."""
    problems = list(schema_problems("claim-file.schema.json", document, display))
    problems.extend(_unsafe_strings(document, display))
    bad_claims: set[int] = set()
    file_level: list[Diagnostic] = []
    for path, diagnostic in problems:
        if len(path) >= 2 and path[0] == "claims" and isinstance(path[1], int):
            bad_claims.add(path[1])
            result.diagnostics.append(diagnostic)
            result.unchecked.append(_unchecked(document, display, path[1], diagnostic.message))
        else:
            file_level.append(diagnostic)
    if file_level:
        raise InputError(*file_level)
    return bad_claims


def _unsafe_strings(document: YamlDocument, display: str) -> Iterable[tuple[DataPath, Diagnostic]]:
    for path, text in _strings(document.data, ()):
        problem = unsafe_character(text)
        if problem:
            line, column = document.position(path)
            yield path, Diagnostic(display, line, column, Code.UNSAFE_TEXT, f"text contains a {problem}",
                                   "delete the invisible character; retype the text if unsure")


def _strings(data: Any, path: DataPath) -> Iterable[tuple[DataPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _unchecked(document: YamlDocument, display: str, index: int, reason: str) -> UncheckedClaim:
    raw = document.data["claims"][index]
    claim_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    line, column = document.position(("claims", index))
    return UncheckedClaim(Location(display, line, column), claim_id, reason)


def _load_article(root, path, display, document, registries, taken) -> LoadedArticle:
    article = _build(Article, document.data["article"], document, display, ("article",))
    problems = []
    for field, entity_id in [("publisher", article.publisher), *(("derived_from", e) for e in article.derived_from)]:
        if entity_id is not None and entity_id not in registries.entities:
            problems.append(_unknown_entity(document, display, ("article", field), entity_id))
    if article.id in taken:
        line, column = document.position(("article", "id"))
        problems.append(Diagnostic(display, line, column, Code.DUPLICATE_ARTICLE,
                                   f"article id {article.id!r} is already used by {taken[article.id].claim_file}",
                                   "give each article its own id"))
    text_path, text_display = _article_text_path(root, path, display, document, article)
    if problems:
        raise InputError(*problems)
    text = read_text(text_path, text_display, MAX_ARTICLE_BYTES, strip_bom=False)
    return LoadedArticle(article, display, text_display, text)


def _article_text_path(root, path, display, document, article) -> tuple[Path, str]:
    relative = Path(article.text)
    candidate = path.parent / relative
    if relative.is_absolute() or not inside(root, candidate):
        line, column = document.position(("article", "text"))
        raise InputError(Diagnostic(display, line, column, Code.PATH_ESCAPES,
                                    f"article text {article.text!r} is outside the corpus",
                                    "keep article texts under the corpus, e.g. articles/<id>.txt"))
    return candidate, display_path(root, candidate)


def _load_one_claim(index, raw, document, display, article, folded, registries, options, file_claim_ids, seen,
                    result) -> None:
    path: DataPath = ("claims", index)
    try:
        claim = _build(Claim, raw, document, display, path)
    except InputError as error:
        result.diagnostics.extend(error.diagnostics)
        result.unchecked.append(_unchecked(document, display, index, error.diagnostics[0].message))
        return
    line, column = document.position(path)
    if claim.id in seen:
        result.diagnostics.append(Diagnostic(display, *document.position((*path, "id")), Code.DUPLICATE_CLAIM,
                                             f"claim id {claim.id!r} is used twice in this file",
                                             "rename one; ids must be unique within a file"))
        result.unchecked.append(_unchecked(document, display, index, "duplicate claim id"))
        return
    seen.add(claim.id)
    resolved = resolve_claim(claim, article.published, folded, registries.entities, registries.properties,
                             file_claim_ids, options)
    if isinstance(resolved, list):
        for problem in resolved:
            result.diagnostics.append(_problem_diagnostic(problem, document, display, path))
        result.unchecked.append(_unchecked(document, display, index, resolved[0].message))
        return
    provenance, value, period = resolved
    result.claims.append(LoadedClaim(article.id, claim, Location(display, line, column), provenance, value, period))


def _problem_diagnostic(problem: ClaimProblem, document, display, claim_path) -> Diagnostic:
    line, column = document.position((*claim_path, *problem.path))
    return Diagnostic(display, line, column, problem.code, problem.message, problem.hint)


def _unknown_entity(document, display, path, entity_id) -> Diagnostic:
    line, column = document.position(path)
    return Diagnostic(display, line, column, Code.UNKNOWN_ENTITY, f"unknown entity {entity_id!r}",
                      "add it to registry/entities.yaml or fix the id")


def _build(model: type[BaseModel], data: Any, document: YamlDocument, display: str, base: DataPath = ()):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            path = (*base, *_data_path(data, item["loc"]))
            line, column = document.position(path)
            field = ".".join(str(part) for part in path) or "file"
            problems.append(Diagnostic(display, line, column, Code.SCHEMA, f"{field}: {item['msg']}",
                                       "see schemas/ for the expected shape"))
        raise InputError(*problems) from None


def _data_path(data: Any, loc: tuple) -> DataPath:
    """Pydantic locations include union tags; keep only the steps that exist in the data."""
    path: list[str | int] = []
    for step in loc:
        if isinstance(data, dict) and step in data:
            data = data[step]
            path.append(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
            path.append(step)
    return tuple(path)
