"""Loading claim files and registries through the cache, and in parallel when many must be loaded.

An entry is what loading a file produced, as plain JSON: the declared article, each
claim as authored (with its pinned quote and normalized values), the claims set aside
and the diagnostics. Paths are not stored, only whether a message is about the claim
file or its article text, so a corpus checked from another directory (the base of a
pull request, exported to a temporary one) hits the same entries. A hit is rebuilt
with the models' own validation, so it equals what loading the file gives.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from checker.incremental.cache import FileCache, content_key
from checker.load.claim_file import FileLoad, Registries, display_path, load_claim_file
from checker.load.corpus import load_registry
from checker.load.files import inside
from checker.model.claims import Article, Claim, Entity, Property, Qualifiers, TextQuote, Value
from checker.model.corpus import LoadedArticle, LoadedClaim, Location, Provenance, UncheckedClaim
from checker.model.diagnostics import Code, Diagnostic
from checker.model.values import DateSpan, Fraction, Money, Quantity
from checker.normalize import NormalizeOptions
from checker.workers import MOST_WORKERS, available_cores, start_worker, stop_at_once, stop_signals_held

PARALLEL_FROM = 48  # below this many files to load, starting worker processes costs more than it saves
REGISTRY_FILES = (Path("registry/entities.yaml"), Path("registry/properties.yaml"))

_VALUE = TypeAdapter(Value)
_QUALIFIERS = TypeAdapter(Qualifiers)
_TEXT_QUOTE = TypeAdapter(TextQuote)
_NORMALIZED = TypeAdapter(Annotated[Money | Quantity | Fraction | DateSpan, Field(discriminator="kind")])
_CLAIM_FIELDS = frozenset(Claim.model_fields)
_REGISTRY_MODELS = {"entities": TypeAdapter(list[Entity]), "properties": TypeAdapter(list[Property])}
_ENTRY_MODELS = {"entities": TypeAdapter(Entity), "properties": TypeAdapter(Property)}

Progress = Callable[[int, int], None]


def registry_digest(root: Path, options: NormalizeOptions) -> str:
    """What every claim file's entry depends on besides its own bytes and its article text."""
    parts: list[bytes | str] = [repr(options)]
    for relative in REGISTRY_FILES:
        parts.append(_read_bytes(root / relative) or b"<unreadable>")
    return content_key(*parts)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


class CachedLoader:
    """The `checker.load.Loader` that looks each file up in the cache (by content) before loading it,
    and loads the misses in worker processes when there are many. Without a cache it still loads in
    workers. It keeps each claim file's load with its key and stamp (`sources`), for the snapshot."""

    def __init__(self, cache: FileCache | None, *, lazy_entities: bool = False) -> None:
        self.cache = cache
        self.lazy_entities = lazy_entities  # a check of one change needs a few dozen of 20,000 entities
        self.sources: list[LoadedSource] = []

    def registry(self, root: Path, relative: Path, key: str, diagnostics: list[Diagnostic]) -> Mapping[str, Any]:
        lazy = self.lazy_entities and key == "entities"
        return load_registry_cached(root, relative, load_registry, key, self.cache, diagnostics, lazy=lazy)

    def claim_files(self, root: Path, paths: list[Path], registries: Registries, options: NormalizeOptions,
                    progress: Progress | None) -> list[FileLoad]:
        self.sources = load_claim_files(root, paths, registries, options, registry_digest(root, options),
                                        self.cache, progress)
        return [source.result for source in self.sources]

    def reloaded(self, path: Path, result: FileLoad) -> None:
        for source in self.sources:
            if source.path == path:
                source.result = result
                source.stamp = None  # depends on another file: never replayed from a snapshot


# ---- registries -------------------------------------------------------------------------------


def load_registry_cached(root: Path, relative: Path, load, key: str, cache: FileCache | None,
                         diagnostics: list[Diagnostic], *, lazy: bool = False) -> Mapping[str, Any]:
    """`load(root, relative, key, diagnostics)` through the cache; `lazy`: each entry of a hit is
    built when first asked for (a check of one new article needs a few dozen of 20,000 entities)."""
    raw = _read_bytes(root / relative) if cache is not None else None
    if cache is None or raw is None:
        return load(root, relative, key, diagnostics)
    display = str(root / relative)
    entry_key = cache.key("registry", key, raw)
    entry = cache.get(entry_key)
    if entry is not None:
        try:
            found = [Diagnostic(display, *_diagnostic_fields(item)) for item in entry["diagnostics"]]
            if lazy:
                entries: Mapping[str, Any] = LazyRegistry(_ENTRY_MODELS[key], entry["entries"])
            else:
                entries = {item.id: item for item in _REGISTRY_MODELS[key].validate_python(entry["entries"])}
        except (ValueError, KeyError, TypeError):
            cache.miss()
        else:
            diagnostics.extend(found)
            return entries
    found = []
    loaded = load(root, relative, key, found)
    diagnostics.extend(found)
    if all(item.path == display for item in found):
        cache.put(entry_key, {"entries": [item.model_dump(mode="json", exclude_unset=True) for item in loaded.values()],
                              "diagnostics": [_diagnostic_record("claim", item) for item in found]})
        cache.flush()
    return loaded


class CacheEntryError(ValueError):
    """A cache entry turned out to be damaged after it was taken as a hit."""


class LazyRegistry(Mapping):
    """Registry entries built from their cache entry when first asked for."""

    def __init__(self, adapter: TypeAdapter, records: list) -> None:
        self._adapter = adapter
        self._records = {record["id"]: record for record in records}
        if not all(isinstance(entry_id, str) for entry_id in self._records):
            raise ValueError("not a registry entry")
        self._built: dict[str, Any] = {}

    def __getitem__(self, entry_id: str) -> Any:
        found = self._built.get(entry_id)
        if found is None:
            try:
                found = self._built[entry_id] = self._adapter.validate_python(self._records[entry_id])
            except ValueError as error:
                raise CacheEntryError(f"registry entry {entry_id!r}: {error}") from None
        return found

    def __iter__(self):
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._records


def _diagnostic_record(role: str, item: Diagnostic) -> list:
    return [role, item.line, item.column, item.code.value, item.message, item.hint]


def _diagnostic_fields(record: list) -> tuple:
    _role, line, column, code, message, hint = record
    return line, column, Code(code), message, hint


# ---- claim files ------------------------------------------------------------------------------


@dataclass
class LoadedSource:
    """A claim file's load, with what tells a later run whether the file changed since."""

    path: Path
    result: FileLoad
    key: str | None  # its cache entry: the sha256 of its bytes and all they depend on
    stamp: tuple[int, int] | None  # size and mtime, taken before its bytes were read
    replayed: bool = False  # rebuilt from its entry as it stood: loaded as the last time it was loaded


def load_claim_files(root: Path, paths: list[Path], registries: Registries, options: NormalizeOptions,
                     digest: str, cache: FileCache | None, progress: Progress | None,
                     shared: SharedValues | None = None) -> list[LoadedSource]:
    """What loading each file gives, in order, as if no other file had taken its article id."""
    shared = shared or SharedValues()
    found: list[LoadedSource] = []
    for path in paths:
        found.append(_lookup(root, path, digest, cache, shared))
        if progress and found[-1].result is not None:
            progress(len(found), len(paths))
    misses = [source for source in found if source.result is None]
    loaded = _load_all(root, [source.path for source in misses], registries, options, shared)
    for count, (source, (result, entry)) in enumerate(zip(misses, loaded), start=1):
        if cache is not None and source.key is not None and entry is not None:
            cache.put(source.key, entry)
        source.result = result
        if entry is None:
            source.stamp = None  # not replayable: a later run must load it again
        if progress:
            progress(len(paths) - len(misses) + count, len(paths))
    if cache is not None:
        cache.flush()  # what is left of the run's entries
    return found


def _lookup(root: Path, path: Path, digest: str, cache: FileCache | None, shared: SharedValues) -> LoadedSource:
    source = LoadedSource(path, None, None, None)  # type: ignore[arg-type]  # filled in by the caller on a miss
    if cache is None:
        return source
    try:
        source.stamp = file_stamp(path)
        raw = path.read_bytes()
    except OSError:
        source.stamp = None
        return source
    source.key = cache.key("claim-file", digest, raw)
    entry = cache.get(source.key)
    if entry is None:
        return source
    try:
        source.result = decode_claim_file(entry, root, path, shared)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):  # a damaged entry is a miss
        source.result = None
    if source.result is None:
        cache.miss()
    source.replayed = source.result is not None
    return source


def _load_all(root: Path, paths: list[Path], registries: Registries, options: NormalizeOptions,
              shared: SharedValues) -> Iterator[tuple[FileLoad, dict | None]]:
    """Each file loaded afresh, in worker processes when there are many, and rebuilt from its entry
    (as a hit would be) so that equal values are shared however the file was loaded."""
    if len(paths) < PARALLEL_FROM or available_cores() < 2:
        entries: Iterator[dict | None] = (load_and_encode(root, path, registries, options)[1] for path in paths)
        yield from _rebuilt(root, paths, entries, registries, options, shared)
        return
    workers = min(available_cores(), MOST_WORKERS)
    executor = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(root, registries, options))
    try:
        with stop_signals_held():
            entries = executor.map(_worker_load, paths, chunksize=8)  # forks the workers
        yield from _rebuilt(root, paths, entries, registries, options, shared)
    except BaseException:  # Ctrl-C, SIGTERM, an error: stop the workers now, never wait for their queue
        stop_at_once(executor)
        raise
    executor.shutdown()


def _rebuilt(root, paths, entries, registries, options, shared) -> Iterator[tuple[FileLoad, dict | None]]:
    for path, entry in zip(paths, entries):
        result = decode_claim_file(entry, root, path, shared) if entry is not None else None
        yield (result, entry) if result is not None else load_and_encode(root, path, registries, options)


_WORKER: dict[str, Any] = {}


def _start_worker(root: Path, registries: Registries, options: NormalizeOptions) -> None:
    start_worker()
    _WORKER.update(root=root, registries=registries, options=options)


def _worker_load(path: Path) -> dict | None:
    return load_and_encode(_WORKER["root"], path, _WORKER["registries"], _WORKER["options"])[1]


def load_and_encode(root: Path, path: Path, registries: Registries,
                    options: NormalizeOptions) -> tuple[FileLoad, dict | None]:
    result = load_claim_file(root, path, registries, options, taken={})
    return result, encode_claim_file(result, root, path)


# ---- entries ------------------------------------------------------------------------------------


def observe_article_text(root: Path, path: Path, text: str) -> tuple[str, bytes | None, tuple[int, int] | None]:
    """What loading saw of an article text (outside the corpus, absent, unreadable or its sha256),
    its bytes, and its size and mtime taken before reading them."""
    relative = Path(text)
    candidate = path.parent / relative
    if relative.is_absolute() or not inside(root, candidate):
        return "outside", None, None
    try:
        if not candidate.is_file():
            return "absent", None, None
        stamp = file_stamp(candidate)
        data = candidate.read_bytes()
    except OSError:
        return "unreadable", None, None
    return "sha256:" + hashlib.sha256(data).hexdigest(), data, stamp


def file_stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def encode_claim_file(result: FileLoad, root: Path, path: Path) -> dict | None:
    """The entry for a loaded file, or None when it cannot be replayed (a file it read was unreadable)."""
    display = display_path(root, path)
    observation = None
    roles = {display: "claim"}
    if result.meta is not None:
        observation, _, _ = observe_article_text(root, path, result.meta.text)
        roles[display_path(root, path.parent / result.meta.text)] = "text"
    if observation == "unreadable" or not inside(root, path):
        return None
    if any(item.path not in roles for item in result.diagnostics) or any(
            item.location.path not in roles for item in result.unchecked):
        return None
    return {
        "meta": None if result.meta is None else result.meta.model_dump(mode="json", exclude_unset=True),
        "loaded": result.article is not None,
        "text": observation,
        "claims": [[_claim_record(claim.claim), claim.location.line, claim.location.column,
                    _provenance_record(claim.provenance)] for claim in result.claims],
        "values": [_value_record(claim.value) for claim in result.claims],
        "periods": [_value_record(claim.period) for claim in result.claims],
        "stated": [_value_record(claim.stated_on) for claim in result.claims],
        "unchecked": [[roles[item.location.path], item.location.line, item.location.column, item.claim_id,
                       item.reason] for item in result.unchecked],
        "diagnostics": [_diagnostic_record(roles[item.path], item) for item in result.diagnostics],
    }


def _provenance_record(provenance: Provenance) -> list:
    return [provenance.exact, provenance.start, provenance.end, provenance.line, provenance.column]


def _claim_record(claim: Claim) -> dict:
    """The claim as authored; its value and qualifiers as JSON texts, by which a hit finds the one
    instance every claim stating the same value shares (a text is hashed quicker than a record)."""
    record = claim.model_dump(mode="json", exclude_unset=True, exclude={"value", "qualifiers"})
    record["value"] = claim.value.model_dump_json(exclude_unset=True)
    if "qualifiers" in claim.model_fields_set:
        record["qualifiers"] = claim.qualifiers.model_dump_json(exclude_unset=True)
    return record


def _value_record(value) -> str | None:
    return None if value is None else value.model_dump_json()


def decode_claim_file(entry: dict, root: Path, path: Path, shared: SharedValues | None = None,
                      only: set[str] | None = None) -> FileLoad | None:
    """The file's load rebuilt from its entry (`only` these claims, by id, when given), or None when
    its article text is no longer what it was."""
    if not inside(root, path):
        return None
    shared = shared or SharedValues()
    display = display_path(root, path)
    meta = Article.model_validate(entry["meta"]) if entry["meta"] is not None else None
    where = {"claim": display}
    text: bytes | None = None
    stamp = None
    if meta is not None:
        observation, text, stamp = observe_article_text(root, path, meta.text)
        if observation != entry["text"]:
            return None
        where["text"] = display_path(root, path.parent / meta.text)
    article = None
    if entry["loaded"]:
        if meta is None or text is None:
            raise ValueError("not an entry: a loaded article without its metadata or text")
        article = LoadedArticle(meta, display, where["text"], text.decode("utf-8"))
    article_id = sys.intern(meta.id) if meta else ""
    stated = entry.get("stated") or [None] * len(entry["claims"])
    claims = [shared.loaded_claim(article_id, display, record, value, period, stated_on)
              for record, value, period, stated_on in zip(entry["claims"], entry["values"], entry["periods"], stated,
                                                          strict=True)
              if only is None or record[0].get("id") in only]
    unchecked = [UncheckedClaim(Location(where[role], line, column), claim_id, reason)
                 for role, line, column, claim_id, reason in entry["unchecked"]]
    diagnostics = [Diagnostic(where[record[0]], *_diagnostic_fields(record)) for record in entry["diagnostics"]]
    return FileLoad(article, claims, unchecked, diagnostics, meta, stamp)


class SharedValues:
    """One instance of each distinct authored value, qualifier set and normalized value, shared by
    every claim that states it: the models are frozen, so sharing is safe, and a corpus where
    outlets repeat each other's facts needs a fraction of the memory."""

    def __init__(self) -> None:
        self.models: dict[tuple[int, str], Any] = {}
        self.field_sets: dict[frozenset, set[str]] = {}

    def model(self, adapter: TypeAdapter, text: str) -> Any:
        found = self.models.get((id(adapter), text))
        if found is None:
            if not isinstance(text, str):
                raise ValueError("not a value record")
            found = self.models[(id(adapter), text)] = adapter.validate_json(text)
        return found

    def claim(self, record: dict) -> Claim:
        """The authored claim: its parts validated (and shared), the claim itself assembled from them."""
        claim_id, subject, prop, note = record.get("id"), record.get("subject"), record.get("property"), record.get("note")
        if not (record.keys() <= _CLAIM_FIELDS and isinstance(claim_id, str) and isinstance(subject, str)
                and isinstance(prop, str) and (note is None or isinstance(note, str))):
            raise ValueError("not a claim record")
        quote = record["quote"]
        names = frozenset(record)
        field_set = self.field_sets.get(names)
        if field_set is None:
            field_set = self.field_sets[names] = set(names)
        return trusted_claim(field_set, {
            "id": sys.intern(claim_id), "subject": sys.intern(subject), "property": sys.intern(prop),
            "value": self.model(_VALUE, record["value"]), "qualifiers": self.model(_QUALIFIERS, record.get("qualifiers", "{}")),
            "quote": quote if isinstance(quote, str) else _TEXT_QUOTE.validate_python(quote), "note": note, "draft": False})

    def loaded_claim(self, article_id: str, display: str, record: list, value: Any, period: Any,
                     stated_on: Any = None) -> LoadedClaim:
        authored, line, column, (exact, start, end, quote_line, quote_column) = record
        claim = self.claim(authored)
        quoted = claim.quote if isinstance(claim.quote, str) else claim.quote.exact
        if exact == quoted:  # one string, not two equal ones
            exact = quoted
        return LoadedClaim(article_id, claim, Location(display, line, column),
                           Provenance(exact, start, end, quote_line, quote_column),
                           None if value is None else self.model(_NORMALIZED, value),
                           None if period is None else self.model(_NORMALIZED, period),
                           None if stated_on is None else self.model(_NORMALIZED, stated_on))


def trusted_claim(fields_set: set[str], values: dict[str, Any]) -> Claim:
    """A claim from parts already validated, every field given in `Claim.model_fields` order: what
    `Claim.model_construct` builds, without its per-field work (a warm check builds 280,000)."""
    claim = Claim.__new__(Claim)
    object.__setattr__(claim, "__dict__", values)
    object.__setattr__(claim, "__pydantic_fields_set__", fields_set)
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    return claim

