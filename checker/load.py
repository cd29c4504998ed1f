"""Load a corpus: YAML safe load -> JSON Schema -> models -> registries -> quotes -> values.

Every problem becomes a Diagnostic with file, line and column; a bad claim is set
aside (and listed as unchecked) while the rest of its file and of the corpus is
still loaded, so one run reports every error at once. With a cache, a file whose
content (and everything it depends on) is unchanged is not loaded again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from checker.cache import FileCache
from checker.claimfile import FileLoad, Registries, build_model, load_claim_file, read_yaml
from checker.corpus import Corpus, LoadedArticle, LoadedClaim, Location, UncheckedClaim
from checker.diagnostics import Code, Diagnostic, InputError
from checker.files import MAX_CLAIM_FILE_BYTES
from checker.loadcache import LoadedSource, load_claim_files, load_registry_cached, registry_digest
from checker.models import EntityRegistry, PropertyRegistry
from checker.normalize import NormalizeOptions
from checker.reviews import Review, ReviewFile
from checker.schemaerrors import schema_problems

CLAIM_FILE_PATTERN = "*.claims.yaml"
ENTITIES_FILE = Path("registry/entities.yaml")
PROPERTIES_FILE = Path("registry/properties.yaml")
REVIEWS_FILE = Path("reviews.yaml")
# A registry lists every entity of years of coverage (some 20,000 for 10,000 articles, 2.4 MB):
# a claim file's limit would stop a newsroom's corpus from growing.
MAX_REGISTRY_BYTES = 64 * 1_048_576


@dataclass(frozen=True)
class LoadResult:
    corpus: Corpus
    diagnostics: tuple[Diagnostic, ...]
    # each claim file's load, in path order, with what tells a later run whether it changed
    sources: tuple[LoadedSource, ...] = field(default=(), compare=False)


Progress = Callable[[int, int], None]  # (files done, files in all)


def load_corpus(root: Path, options: NormalizeOptions | None = None, *, cache: FileCache | None = None,
                progress: Progress | None = None) -> LoadResult:
    options = options or NormalizeOptions()
    registries, diagnostics = load_registries(root, cache)
    articles: dict[str, LoadedArticle] = {}
    claims: list[LoadedClaim] = []
    unchecked: list[UncheckedClaim] = []
    sources = load_claim_files(root, claim_files(root), registries, options, registry_digest(root, options), cache,
                               progress)
    for source in sources:
        if source.result.meta is not None and source.result.meta.id in articles:  # rare: name the first owner
            source.result = load_claim_file(root, source.path, registries, options, taken=articles)
            source.stamp = None  # depends on another file: never replayed from a snapshot
        add_file(source.result, articles, claims, unchecked, diagnostics)
    reviews = load_reviews(root, diagnostics)
    corpus = Corpus(articles, tuple(claims), registries.entities, registries.properties,
                    tuple(sorted(unchecked, key=unchecked_order)), reviews)
    return LoadResult(corpus, tuple(sorted(set(diagnostics))), tuple(sources))


def add_file(loaded: FileLoad, articles: dict[str, LoadedArticle], claims: list[LoadedClaim],
             unchecked: list[UncheckedClaim], diagnostics: list[Diagnostic]) -> None:
    diagnostics.extend(loaded.diagnostics)
    unchecked.extend(loaded.unchecked)
    if loaded.article is not None:
        articles[loaded.article.id] = loaded.article
        claims.extend(loaded.claims)


def load_registries(root: Path, cache: FileCache | None, *, lazy: bool = False) -> tuple[Registries, list[Diagnostic]]:
    """`lazy`: entities from the cache are built when first asked for (see `LazyRegistry`)."""
    diagnostics: list[Diagnostic] = []
    entities = load_registry_cached(root, ENTITIES_FILE, _load_registry, "entities", cache, diagnostics, lazy=lazy)
    properties = load_registry_cached(root, PROPERTIES_FILE, _load_registry, "properties", cache, diagnostics)
    return Registries(entities, properties), diagnostics


def claim_files(root: Path) -> list[Path]:
    """What `sorted(root.rglob(CLAIM_FILE_PATTERN))` gives (symlinked directories are not entered,
    unreadable ones skipped), listed with os.scandir: pathlib takes a tenth of a second more for
    10,000 files, which is a tenth of the budget of a pull request's check."""
    return [root.joinpath(*parts) for parts in claim_file_parts(root)]


def claim_file_parts(root: Path) -> list[tuple[str, ...]]:
    """The claim files' paths within root, as their parts, in `claim_files` order."""
    found: list[tuple[str, ...]] = []
    _walk(str(root), (), found)
    found.sort(key=lambda parts: tuple(os.path.normcase(part) for part in parts))
    return found


def _walk(directory: str, parts: tuple[str, ...], found: list[tuple[str, ...]]) -> None:
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        if fnmatch(entry.name, CLAIM_FILE_PATTERN):
            found.append((*parts, entry.name))
        try:
            is_directory = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_directory = False
        if is_directory:
            _walk(entry.path, (*parts, entry.name), found)


def unchecked_order(item: UncheckedClaim) -> tuple[str, int, int]:
    return (item.location.path, item.location.line, item.location.column)


# ---- registries -----------------------------------------------------------------------------


REGISTRY_SCHEMAS = {"entities": ("entities.schema.json", EntityRegistry),
                    "properties": ("properties.schema.json", PropertyRegistry)}


def _load_registry(root: Path, relative: Path, key: str, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    schema_name, model = REGISTRY_SCHEMAS[key]
    display = str(root / relative)
    try:
        document = read_yaml(root / relative, display, MAX_REGISTRY_BYTES)
        problems = [diagnostic for _, diagnostic in schema_problems(schema_name, document, display)]
        if problems:
            raise InputError(*problems)
        registry = build_model(model, document.data, document, display)
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


def load_reviews(root: Path, diagnostics: list[Diagnostic]) -> tuple[tuple[Review, Location], ...]:
    path = root / REVIEWS_FILE
    if not path.exists():
        return ()
    display = str(path)
    try:
        document = read_yaml(path, display, MAX_CLAIM_FILE_BYTES)
        problems = [diagnostic for _, diagnostic in schema_problems("reviews.schema.json", document, display)]
        if problems:
            raise InputError(*problems)
        review_file = build_model(ReviewFile, document.data, document, display)
    except InputError as error:
        diagnostics.extend(error.diagnostics)
        return ()
    located = []
    for index, review in enumerate(review_file.reviews):
        line, column = document.position(("reviews", index))
        located.append((review, Location(display, line, column)))
    return tuple(located)
