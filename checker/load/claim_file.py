"""Load one claim file: YAML -> JSON Schema -> models -> registries -> quotes -> values.

A bad claim is set aside (and listed as unchecked) while the rest of the file is still
loaded. What a file gives depends on its bytes, its article text, the registries and the
normalize options, and on one thing outside it: whether another file already took its
article id (`taken`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from checker.load.claim_values import ClaimProblem, resolve_claim
from checker.load.files import MAX_ARTICLE_BYTES, MAX_CLAIM_FILE_BYTES, inside, read_text
from checker.load.further_problems import claim_problems, missing_text_diagnostic, unloaded_file_problems
from checker.load.provenance import FoldedText
from checker.load.schema_errors import schema_problems
from checker.load.suggestions import unknown_id_message
from checker.load.text_safety import unsafe_character
from checker.load.yaml_source import DataPath, YamlDocument, parse_yaml
from checker.model.claims import Article, Claim, Entity, Property
from checker.model.corpus import DRAFT_REASON, LoadedArticle, LoadedClaim, Location, UncheckedClaim
from checker.model.diagnostics import Code, Diagnostic, InputError
from checker.normalize import NormalizeOptions


def display_path(root: Path, path: Path) -> str:
    try:
        return str(root / path.relative_to(root))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Registries:
    entities: Mapping[str, Entity]
    properties: Mapping[str, Property]


@dataclass
class FileLoad:
    """What loading one claim file gave. `meta` is the article metadata as declared, even when
    the file failed later (its id decides whether another file already took it)."""

    article: LoadedArticle | None
    claims: list[LoadedClaim]
    unchecked: list[UncheckedClaim]
    diagnostics: list[Diagnostic]
    meta: Article | None = field(default=None)
    text_stamp: tuple[int, int] | None = None  # the article text's size and mtime when read (see snapshot)


def load_claim_file(root: Path, path: Path, registries: Registries, options: NormalizeOptions,
                    taken: Mapping[str, LoadedArticle]) -> FileLoad:
    display = display_path(root, path)
    result = FileLoad(None, [], [], [])
    document: YamlDocument | None = None
    reported: list[DataPath] = []
    try:
        if not inside(root, path):
            raise InputError(Diagnostic(display, 1, 1, Code.PATH_ESCAPES, "claim file is a link to outside the corpus",
                                        "copy the file into the corpus instead of linking it"))
        document = read_yaml(path, display, MAX_CLAIM_FILE_BYTES)
        bad_claims = _claim_level_problems(document, display, result, reported)
        article = _load_article(root, path, display, document, registries, taken, result)
    except InputError as error:
        result.diagnostics.extend(error.diagnostics)
        if document is not None:
            _add_new(result.diagnostics, unloaded_file_problems(root, path, display, document, registries.entities,
                                                                registries.properties, options, reported))
        result.unchecked.append(UncheckedClaim(Location(display, 1, 1), None,
                                               "the claim file could not be loaded: " + error.diagnostics[0].message))
        return result
    result.article = article
    folded = FoldedText(article.text)
    seen: set[str] = set()
    raw_claims = document.data.get("claims") or []
    file_claim_ids = {c["id"] for c in raw_claims if isinstance(c, dict) and isinstance(c.get("id"), str)}
    for index, raw in enumerate(raw_claims):
        if index in bad_claims:
            _add_claim_problems_anyway(index, raw, reported, document, display, folded, article, registries, options,
                                       result)
            continue
        _load_one_claim(index, raw, document, display, article, folded, registries, options,
                        file_claim_ids, seen, result)
    return result


def read_yaml(path: Path, display: str, limit: int) -> YamlDocument:
    return parse_yaml(read_text(path, display, limit, strip_bom=True), display)


def _add_claim_problems_anyway(index, raw, reported, document, display, folded, article, registries, options,
                               result) -> None:
    """A claim the schema set aside: its other mistakes too, so the editor fixes them in one go."""
    base = ("claims", index)
    own = [step[2:] for step in reported if step[:2] == base]
    problems = claim_problems(raw, own, folded, article.published, registries.entities, registries.properties,
                              options)
    _add_new(result.diagnostics, [_problem_diagnostic(problem, document, display, base) for problem in problems])


def _add_new(diagnostics: list[Diagnostic], more: Iterable[Diagnostic]) -> None:
    said = {(d.path, d.line, d.column, d.code) for d in diagnostics}
    diagnostics.extend(d for d in more if (d.path, d.line, d.column, d.code) not in said)


def _claim_level_problems(document: YamlDocument, display: str, result: FileLoad, reported: list[DataPath]) -> set[int]:
    """Schema and character problems; those inside one claim set that claim aside, others fail the file.
    The paths of all of them go to `reported`."""
    problems = list(schema_problems("claim-file.schema.json", document, display))
    problems.extend(unsafe_strings(document, display))
    reported.extend(path for path, _ in problems)
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


def unsafe_strings(document: YamlDocument, display: str) -> Iterable[tuple[DataPath, Diagnostic]]:
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


def _load_article(root, path, display, document, registries, taken, result) -> LoadedArticle:
    article = build_model(Article, document.data["article"], document, display, ("article",))
    result.meta = article
    problems = []
    for field, entity_id in [("publisher", article.publisher), *(("derived_from", e) for e in article.derived_from)]:
        if entity_id is not None and entity_id not in registries.entities:
            problems.append(_unknown_entity(document, display, ("article", field), entity_id, registries.entities))
    if article.id in taken:
        line, column = document.position(("article", "id"))
        problems.append(Diagnostic(display, line, column, Code.DUPLICATE_ARTICLE,
                                   f"article id {article.id!r} is already used by {taken[article.id].claim_file}",
                                   "give each article its own id"))
    text_path, text_display = _article_text_path(root, path, display, document, article)
    if problems:
        raise InputError(*problems)
    if not text_path.exists() and not text_path.is_symlink():
        raise InputError(missing_text_diagnostic(document, display, article.text, text_display))
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
        claim = build_model(Claim, raw, document, display, path)
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
    provenance, value, period, stated_on = resolved
    if claim.draft:
        result.unchecked.append(UncheckedClaim(Location(display, line, column), claim.id, DRAFT_REASON))
        return
    result.claims.append(LoadedClaim(article.id, claim, Location(display, line, column), provenance, value, period,
                                     stated_on))


def _problem_diagnostic(problem: ClaimProblem, document, display, claim_path) -> Diagnostic:
    line, column = document.position((*claim_path, *problem.path))
    return Diagnostic(display, line, column, problem.code, problem.message, problem.hint)


def _unknown_entity(document, display, path, entity_id, entities) -> Diagnostic:
    line, column = document.position(path)
    return Diagnostic(display, line, column, Code.UNKNOWN_ENTITY, unknown_id_message("entity", entity_id, entities),
                      "add it to registry/entities.yaml or fix the id")


def build_model(model: type[BaseModel], data: Any, document: YamlDocument, display: str, base: DataPath = ()):
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
