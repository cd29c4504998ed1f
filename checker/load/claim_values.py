"""Resolve one authored claim: check its ids against the registries, pin its quote, normalize its values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checker.load.provenance import FoldedText
from checker.load.relation_offsets import parse_offset
from checker.load.suggestions import unknown_id_message
from checker.model.claims import Claim, Entity, Property, QuoteValue, RelationValue
from checker.model.corpus import Provenance
from checker.model.diagnostics import Code
from checker.model.typography import fold
from checker.model.values import UNRESOLVED_DATE, DateSpan, NormalizedValue
from checker.normalize import (
    NeedsPublicationDate,
    NormalizationError,
    NormalizeOptions,
    parse_date,
    parse_fraction,
    parse_money,
    parse_quantity,
)


@dataclass(frozen=True)
class ClaimProblem:
    path: tuple[str | int, ...]  # relative to the claim
    code: Code
    message: str
    hint: str = ""


Parser = Callable[..., NormalizedValue]  # (text, reference, options, tense="past")

PARSERS: dict[str, Parser] = {
    "date": lambda text, reference, options, tense="past": parse_date(text, reference, options, tense),
    "money": lambda text, _reference, options, _tense="past": parse_money(text, options),
    "quantity": lambda text, _reference, options, _tense="past": parse_quantity(text, options),
    "count": lambda text, _reference, options, _tense="past": parse_quantity(text, options),
    "fraction": lambda text, _reference, options, _tense="past": parse_fraction(text, options),
    "rate": lambda text, _reference, options, _tense="past": parse_amount(text, options),
}
FUTURE_MODALITIES = frozenset({"expects", "intends", "prospective"})


def claim_tense(claim: Claim) -> str:
    """A claim's own `tense`, else future for what is expected, intended or prospective."""
    qualifiers = claim.qualifiers
    if qualifiers.tense is not None:
        return qualifiers.tense
    return "future" if qualifiers.modality in FUTURE_MODALITIES else "past"


def parse_amount(text: str, options: NormalizeOptions) -> NormalizedValue:
    """A rate's amount: money when it names a currency, a quantity otherwise."""
    try:
        return parse_money(text, options)
    except NormalizationError:
        return parse_quantity(text, options)


def resolve_claim(
    claim: Claim,
    published: dt.date | None,
    article: FoldedText,
    entities: Mapping[str, Entity],
    properties: Mapping[str, Property],
    file_claim_ids: set[str],
    options: NormalizeOptions,
) -> tuple[Provenance, NormalizedValue | None, DateSpan | None, DateSpan | None] | list[ClaimProblem]:
    problems = [*_reference_problems(claim, entities, properties, file_claim_ids)]
    provenance = _pin_quote(claim, article, problems)
    value = _normalize_value(claim, published, options, problems)
    period = _normalize_date_qualifier(claim, "period", published, options, problems)
    stated_on = _normalize_date_qualifier(claim, "stated_on", published, options, problems)
    if problems:
        return problems
    assert provenance is not None
    return provenance, value, period, stated_on


def _reference_problems(claim, entities, properties, file_claim_ids) -> list[ClaimProblem]:
    problems = []
    referenced = [
        (("subject",), claim.subject),
        (("value", "entity"), getattr(claim.value, "entity", None)),
        (("value", "event"), getattr(claim.value, "event", None)),
        (("qualifiers", "place"), claim.qualifiers.place),
        (("qualifiers", "stated_in"), claim.qualifiers.stated_in),
        *_each(("value", "speaker"), claim.value.speaker if isinstance(claim.value, QuoteValue) else None),
        *_each(("qualifiers", "attributed_to"), claim.qualifiers.attributed_to),
    ]
    for path, entity_id in referenced:
        if entity_id is not None and entity_id not in entities:
            problems.append(ClaimProblem(path, Code.UNKNOWN_ENTITY, unknown_id_message("entity", entity_id, entities),
                                         "add it to registry/entities.yaml or fix the id"))
    prop = properties.get(claim.property) if claim.property is not None else None
    if claim.property is None:
        problems.append(_property_to_choose(claim, properties))
    elif prop is None:
        problems.append(ClaimProblem(("property",), Code.UNKNOWN_PROPERTY,
                                     unknown_id_message("property", claim.property, properties),
                                     "add it to registry/properties.yaml or fix the id"))
    elif prop.value_kind != claim.value.kind:
        problems.append(ClaimProblem(("value", "kind"), Code.KIND_MISMATCH,
                                     f"property {prop.id!r} takes {prop.value_kind} values, not {claim.value.kind}",
                                     f"write the value as kind: {prop.value_kind}, or pick another property"))
    problems.extend(_derived_problems(claim, file_claim_ids))
    part_of = claim.qualifiers.part_of
    if part_of is not None and (part_of not in file_claim_ids or part_of == claim.id):
        problems.append(ClaimProblem(("qualifiers", "part_of"), Code.UNKNOWN_CLAIM_REFERENCE,
                                     f"part_of names {part_of!r}, which is not another claim of this file",
                                     "use the id of the claim that states the total"))
    return problems


def _property_to_choose(claim: Claim, properties: Mapping[str, Property]) -> ClaimProblem:
    fitting = sorted(prop.id for prop in properties.values() if prop.value_kind == claim.value.kind)
    listed = ", ".join(fitting[:12]) + (", ..." if len(fitting) > 12 else "")
    hint = f"properties for {claim.value.kind} values: {listed}" if fitting else "add one to registry/properties.yaml"
    return ClaimProblem(("property",), Code.PROPERTY_TO_CHOOSE,
                        f"claim {claim.id!r} has no property yet: choose what it says about {claim.subject!r}", hint)


def _derived_problems(claim: Claim, file_claim_ids: set[str]) -> list[ClaimProblem]:
    derived = claim.qualifiers.derived
    if derived is None:
        return []
    problems = [ClaimProblem(("qualifiers", "derived", "from", position), Code.UNKNOWN_CLAIM_REFERENCE,
                             f"derived names {claim_id!r}, which is not another claim of this file",
                             "use the ids of the claims the article computes from")
                for position, claim_id in enumerate(derived.from_)
                if claim_id not in file_claim_ids or claim_id == claim.id]
    if derived.over is not None:
        try:
            parse_quantity(derived.over, NormalizeOptions())
        except NormalizationError as error:
            problems.append(ClaimProblem(("qualifiers", "derived", "over"), Code.VALUE,
                                         f"over {derived.over!r}: {error.message}", error.hint))
    return problems


def _each(path: tuple, ids: str | list[str] | None) -> list[tuple[tuple, str]]:
    """(path, id) for one id or for each id of a list, the list position in the path."""
    if ids is None or isinstance(ids, str):
        return [(path, ids)]
    return [((*path, position), entity_id) for position, entity_id in enumerate(ids)]


def _pin_quote(claim: Claim, article: FoldedText, problems: list[ClaimProblem]) -> Provenance | None:
    selector = claim.selector
    spans = article.occurrences(selector.exact, selector.prefix, selector.suffix)
    if len(spans) == 1:
        span = spans[0]
        words = claim.value.words if isinstance(claim.value, QuoteValue) else None
        if words is not None and fold(words).strip() not in fold(selector.exact):
            problems.append(ClaimProblem(("value", "words"), Code.QUOTE_NOT_FOUND,
                                             "the quoted words are not part of the claim's quote",
                                             "copy the words from inside the quote, or widen the quote"))
        exact = article.original[span.start : span.end]
        return Provenance(exact, span.start, span.end, span.line, span.column)
    if spans:
        lines = ", ".join(str(span.line) for span in spans[:5])
        problems.append(ClaimProblem(("quote",), Code.QUOTE_AMBIGUOUS,
                                     f"quote matches {len(spans)} places in the article (lines {lines})",
                                     "add a prefix or suffix with the words just before or after it"))
        return None
    near = article.near_miss(selector.exact)
    where = f"; a match differing in letter case is on line {near.line}" if near else ""
    problems.append(ClaimProblem(("quote",), Code.QUOTE_NOT_FOUND, f"quote not found in the article{where}",
                                 "copy the words exactly from the article text (quotes and dashes may be straight)"))
    return None


def _normalize_value(claim, published, options, problems) -> NormalizedValue | None:
    if isinstance(claim.value, RelationValue):
        return _relation_size(claim.value, options, problems)
    parser = PARSERS.get(claim.value.kind)
    if parser is None:
        return None
    try:
        return parser(claim.value.text, published, options, claim_tense(claim))
    except NeedsPublicationDate:
        return UNRESOLVED_DATE  # kept, and compared as "cannot be dated", rather than dropped
    except NormalizationError as error:
        problems.append(ClaimProblem(("value", "text"), Code.VALUE, f"value {claim.value.text!r}: {error.message}",
                                     error.hint))
        return None


def _relation_size(value: RelationValue, options, problems) -> NormalizedValue | None:
    if value.by is None:
        return None
    try:
        return parse_offset(value.by, options)
    except NormalizationError as error:
        problems.append(ClaimProblem(("value", "by"), Code.VALUE, f"size {value.by!r}: {error.message}", error.hint))
        return None


def _normalize_date_qualifier(claim, name: str, published, options, problems) -> DateSpan | None:
    """`period` or `stated_on`: a date text, relative forms resolved against the publication date."""
    text = getattr(claim.qualifiers, name)
    if text is None:
        return None
    try:
        return parse_date(text, published, options, claim_tense(claim))
    except NeedsPublicationDate:
        return UNRESOLVED_DATE
    except NormalizationError as error:
        problems.append(ClaimProblem(("qualifiers", name), Code.VALUE,
                                     f"{name.replace('_', ' ')} {text!r}: {error.message}", error.hint))
        return None
