"""Load a corpus: YAML safe load -> JSON Schema -> models -> registries -> quotes -> values.

Every problem becomes a Diagnostic with file, line and column; a bad claim is set
aside (and listed as unchecked) while the rest of its file and of the corpus is still
loaded, so one run reports every error at once. How each file is loaded is up to a
`Loader`: the plain one loads one file after another; `checker.incremental` offers one
that takes unchanged files from a cache and loads the rest in worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from checker.load.claim_file import FileLoad, Registries, build_model, load_claim_file, read_yaml, unsafe_strings
from checker.load.discovery import discover
from checker.load.files import MAX_CLAIM_FILE_BYTES
from checker.load.schema_errors import schema_problems
from checker.model.claims import EntityRegistry, PropertyRegistry
from checker.model.corpus import Corpus, LoadedArticle, LoadedClaim, Location, UncheckedClaim, same_texts
from checker.model.diagnostics import Code, Diagnostic, InputError
from checker.model.reviews import Review, ReviewFile
from checker.normalize import NormalizeOptions

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


Progress = Callable[[int, int], None]  # (files done, files in all)


class Loader(Protocol):
    """How the files of a corpus are loaded; every loader gives what `PlainLoader` gives."""

    def registry(self, root: Path, relative: Path, key: str, diagnostics: list[Diagnostic]) -> Mapping[str, Any]:
        """The entries of one registry (`key` is "entities" or "properties"), by id."""

    def claim_files(self, root: Path, paths: list[Path], registries: Registries, options: NormalizeOptions,
                    progress: Progress | None) -> list[FileLoad]:
        """Each file's load, in order, as if no other file had taken its article id."""

    def reloaded(self, path: Path, result: FileLoad) -> None:
        """The file was loaded again because another file had already taken its article id."""


class PlainLoader:
    """One file after another, nothing kept."""

    def registry(self, root: Path, relative: Path, key: str, diagnostics: list[Diagnostic]) -> Mapping[str, Any]:
        return load_registry(root, relative, key, diagnostics)

    def claim_files(self, root: Path, paths: list[Path], registries: Registries, options: NormalizeOptions,
                    progress: Progress | None) -> list[FileLoad]:
        loads = []
        for done, path in enumerate(paths, start=1):
            loads.append(load_claim_file(root, path, registries, options, taken={}))
            if progress:
                progress(done, len(paths))
        return loads

    def reloaded(self, path: Path, result: FileLoad) -> None:
        pass


def load_corpus(root: Path, options: NormalizeOptions | None = None, *, loader: Loader | None = None,
                progress: Progress | None = None) -> LoadResult:
    options = options or NormalizeOptions()
    loader = loader or PlainLoader()
    registries, diagnostics = load_registries(root, loader)
    articles: dict[str, LoadedArticle] = {}
    claims: list[LoadedClaim] = []
    unchecked: list[UncheckedClaim] = []
    discovery = discover(str(root))
    diagnostics.extend(discovery.problems)
    paths = [root.joinpath(*parts) for parts in discovery.found]
    for path, loaded in zip(paths, loader.claim_files(root, paths, registries, options, progress), strict=True):
        if loaded.meta is not None and loaded.meta.id in articles:  # rare: name the first owner
            loaded = load_claim_file(root, path, registries, options, taken=articles)
            loader.reloaded(path, loaded)
        add_file(loaded, articles, claims, unchecked, diagnostics)
    reviews = load_reviews(root, diagnostics)
    twins = same_texts(articles)
    diagnostics.extend(_twin_warning(articles[twin], articles[first]) for twin, first in twins.items())
    corpus = Corpus(articles, tuple(claims), registries.entities, registries.properties,
                    tuple(sorted(unchecked, key=unchecked_order)), reviews, twins)
    return LoadResult(corpus, tuple(sorted(set(diagnostics))))


def _twin_warning(twin: LoadedArticle, first: LoadedArticle) -> Diagnostic:
    return Diagnostic(twin.claim_file, 1, 1, Code.SAME_TEXT,
                      f"article {twin.id!r} has the same text as {first.id!r} ({first.text_path}): "
                      "they count as one source", "if it is a copy, remove one; if a wire story, set derived_from",
                      warning=True)


def add_file(loaded: FileLoad, articles: dict[str, LoadedArticle], claims: list[LoadedClaim],
             unchecked: list[UncheckedClaim], diagnostics: list[Diagnostic]) -> None:
    diagnostics.extend(loaded.diagnostics)
    unchecked.extend(loaded.unchecked)
    if loaded.article is not None:
        articles[loaded.article.id] = loaded.article
        claims.extend(loaded.claims)


def load_registries(root: Path, loader: Loader | None = None) -> tuple[Registries, list[Diagnostic]]:
    loader = loader or PlainLoader()
    diagnostics: list[Diagnostic] = []
    entities = loader.registry(root, ENTITIES_FILE, "entities", diagnostics)
    properties = loader.registry(root, PROPERTIES_FILE, "properties", diagnostics)
    return Registries(entities, properties), diagnostics


def claim_files(root: Path) -> list[Path]:
    """The claim files under root, in a stable order (see `checker.load.discovery`)."""
    return [root.joinpath(*parts) for parts in discover(str(root)).found]


def claim_file_parts(root: Path) -> list[tuple[str, ...]]:
    """The claim files' paths within root, as their parts, in `claim_files` order."""
    return discover(str(root)).found


def unchecked_order(item: UncheckedClaim) -> tuple[str, int, int]:
    return (item.location.path, item.location.line, item.location.column)


# ---- registries -----------------------------------------------------------------------------


REGISTRY_SCHEMAS = {"entities": ("entities.schema.json", EntityRegistry),
                    "properties": ("properties.schema.json", PropertyRegistry)}


def load_registry(root: Path, relative: Path, key: str, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    schema_name, model = REGISTRY_SCHEMAS[key]
    display = str(root / relative)
    try:
        document = read_yaml(root / relative, display, MAX_REGISTRY_BYTES)
        problems = [diagnostic for _, diagnostic in schema_problems(schema_name, document, display)]
        problems += [diagnostic for _, diagnostic in unsafe_strings(document, display)]  # names reach CI logs
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
