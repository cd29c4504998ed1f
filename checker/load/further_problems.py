"""The problems of what could not be loaded, found anyway, so that one `validate` run lists them all.

A claim the schema rejects is set aside, and a file whose article metadata is wrong is set
aside whole; yet its ids, its quotes and its values can mostly still be read. They are
checked here as far as they can be, for the editor's sake: these checks only add
diagnostics, and nothing set aside is ever compared with other articles. A check is
skipped where the schema already said what is wrong (a misspelt field is not also an
unknown id), and no problem is said twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.load.claim_values import PARSERS, ClaimProblem, _pin_quote  # the loader's own quote check
from checker.load.files import MAX_ARTICLE_BYTES, inside, read_text
from checker.load.provenance import FoldedText
from checker.load.suggestions import unknown_id_message
from checker.load.yaml_source import DataPath, YamlDocument
from checker.model.claims import Entity, Property, TextQuote
from checker.model.diagnostics import Code, Diagnostic, InputError
from checker.normalize import NeedsPublicationDate, NormalizationError, NormalizeOptions

ENTITY_PATHS: tuple[DataPath, ...] = (("subject",), ("value", "entity"), ("value", "speaker"), ("value", "event"),
                                      ("qualifiers", "attributed_to"), ("qualifiers", "place"))
UNKNOWN_ENTITY_HINT = "add it to registry/entities.yaml or fix the id"


@dataclass(frozen=True)
class _QuoteOnly:
    """What the quote check reads of a claim."""

    selector: TextQuote
    value: None = None


def missing_text_diagnostic(document: YamlDocument, display: str, text: str, text_display: str) -> Diagnostic:
    """An article text that does not exist, said where the claim file names it."""
    line, column = document.position(("article", "text"))
    return Diagnostic(display, line, column, Code.FILE_UNREADABLE, f"article text {text!r} not found: no file {text_display}",
                      "save the article's text there, or correct this path: it is relative to the claim file")


def unloaded_file_problems(root: Path, path: Path, display: str, document: YamlDocument,
                           entities: Mapping[str, Entity], properties: Mapping[str, Property],
                           options: NormalizeOptions, reported: Collection[DataPath]) -> list[Diagnostic]:
    """What else is wrong in a claim file set aside whole: its article's ids and text, and every claim."""
    data = document.data if isinstance(document.data, dict) else {}
    meta = data.get("article") if isinstance(data.get("article"), dict) else {}
    found: list[Diagnostic] = []
    about_article = [step[1:] for step in reported if step[:1] == ("article",)]
    derived = meta.get("derived_from") if isinstance(meta.get("derived_from"), list) else []
    for field_path, entity_id in [(("publisher",), meta.get("publisher")),
                                  *((("derived_from", index), item) for index, item in enumerate(derived))]:
        if isinstance(entity_id, str) and entity_id not in entities and not _touches(field_path, about_article):
            found.append(Diagnostic(display, *document.position(("article", *field_path)), Code.UNKNOWN_ENTITY,
                                    unknown_id_message("entity", entity_id, entities), UNKNOWN_ENTITY_HINT))
    article = _article_text(root, path, display, document, meta.get("text"), found)
    published = _date_or_none(meta.get("published"))
    claims = data.get("claims") if isinstance(data.get("claims"), list) else []
    for index, raw in enumerate(claims):
        base = ("claims", index)
        own = [step[2:] for step in reported if step[:2] == base]
        for problem in claim_problems(raw, own, article, published, entities, properties, options):
            found.append(Diagnostic(display, *document.position((*base, *problem.path)), problem.code,
                                    problem.message, problem.hint))
    return found


def claim_problems(raw: Any, reported: Collection[DataPath], article: FoldedText | None, published: dt.date | None,
                   entities: Mapping[str, Entity], properties: Mapping[str, Property],
                   options: NormalizeOptions) -> list[ClaimProblem]:
    """A set-aside claim's unknown ids, unfound quote and unreadable value, where they can be read.
    `reported`: paths within the claim the schema already complained about."""
    if not isinstance(raw, dict):
        return []
    problems = []
    for field_path in ENTITY_PATHS:
        entity_id = _at(raw, field_path)
        if isinstance(entity_id, str) and entity_id not in entities and not _touches(field_path, reported):
            problems.append(ClaimProblem(field_path, Code.UNKNOWN_ENTITY,
                                         unknown_id_message("entity", entity_id, entities), UNKNOWN_ENTITY_HINT))
    prop = raw.get("property")
    if isinstance(prop, str) and prop not in properties and not _touches(("property",), reported):
        problems.append(ClaimProblem(("property",), Code.UNKNOWN_PROPERTY,
                                     unknown_id_message("property", prop, properties),
                                     "add it to registry/properties.yaml or fix the id"))
    selector = _selector(raw.get("quote"))
    if article is not None and selector is not None and not _touches(("quote",), reported):
        _pin_quote(_QuoteOnly(selector), article, problems)  # type: ignore[arg-type]
    if not _touches(("value",), reported):
        problems.extend(_value_problems(raw.get("value"), published, options))
    return problems


def _value_problems(value: Any, published: dt.date | None, options: NormalizeOptions) -> Iterable[ClaimProblem]:
    if not isinstance(value, dict) or value.get("kind") not in PARSERS or not isinstance(value.get("text"), str):
        return
    try:
        PARSERS[value["kind"]](value["text"], published, options)
    except NeedsPublicationDate:
        return
    except NormalizationError as error:
        yield ClaimProblem(("value", "text"), Code.VALUE, f"value {value['text']!r}: {error.message}", error.hint)


def _article_text(root: Path, path: Path, display: str, document: YamlDocument, text: Any,
                  found: list[Diagnostic]) -> FoldedText | None:
    if not isinstance(text, str) or not text or Path(text).is_absolute():
        return None
    candidate = path.parent / text
    if not inside(root, candidate):
        return None
    text_display = _display(root, candidate)
    if not candidate.exists():
        found.append(missing_text_diagnostic(document, display, text, text_display))
        return None
    try:
        return FoldedText(read_text(candidate, text_display, MAX_ARTICLE_BYTES, strip_bom=False))
    except InputError as error:
        found.extend(error.diagnostics)
        return None


def _display(root: Path, path: Path) -> str:
    try:
        return str(root / path.relative_to(root))
    except ValueError:
        return str(path)


def _selector(quote: Any) -> TextQuote | None:
    try:
        return TextQuote(exact=quote) if isinstance(quote, str) else TextQuote.model_validate(quote)
    except ValidationError:
        return None


def _date_or_none(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _at(data: Any, path: DataPath) -> Any:
    for step in path:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data


def _touches(path: DataPath, reported: Collection[DataPath]) -> bool:
    """Whether the schema already complained at path, inside it or around it (a claim as a whole
    - a missing or unknown field - does not count: its other fields are still readable)."""
    return any(step and (step[:len(path)] == path or path[:len(step)] == step) for step in reported)
