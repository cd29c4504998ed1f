"""Dates: "November 20, 2025", "Friday", "Q3 2025", "by the end of 2029", "the past few months".

A date normalizes to a DateSpan of whole days, end inclusive. `reference` is the
article's publication date: relative text ("last week", "the past few months")
needs it and is refused without it, except a weekday, a month or a month and
day, which become constraints (start and end None; weekday, month, day set).

    date := [by | no later than | since] body
    body := named day | weekday | calendar day | period | window
          | (earlier | later) period | (early | mid | late | end | beginning) period

Decisions (see `date_forms` for the missing-year and window rules):

- "early/mid/late 2026" are January-April, May-August, September-December
  (granularity QUARTER, the nearest); of a month, days 1-10, 11-20, 21-end
  (WEEK); of a week, Monday-Tuesday, Wednesday-Thursday, Friday-Sunday; of a
  quarter or a season, its months; of a decade, years 0-3, 4-6, 7-9; of a
  century, years 0-32, 33-65, 66-99. "the early part of" is "early".
- "the end of 2029" is December 2029 (MONTH) and "the beginning/start of 2026"
  January 2026 ("the close of", "closing" and "year-end" are ends too); of a
  quarter or half, its last or first month; of a month, days 21-end or 1-10;
  of a week, Friday-Sunday or Monday-Tuesday; of a decade, its last or first
  year; of a century, its last or first decade.
- "by X" is (none, last day of X], hedge BY: "by 2030" ends 2030-12-31 and
  "by the end of 2029" ends 2029-12-31; "until", "through" and "up to" read
  the same. "before 2030" ends the day before: 2029-12-31. "since X" runs from the first day of X
  to the publication date (or open), hedge SINCE. Both have granularity OPEN.
- "earlier this year" / "earlier in 2025" run from the period's start to the
  publication date; "later this year" from the publication date to its end.
  Without a publication date an explicit period ("earlier in 2025") is whole.
- "the 2000s" is the decade 2000-2009; "the 1800s" and "the 1900s" are
  centuries (1800-1899, 1900-1999), as news and TIMEX3 read them. "this
  decade" is the decade holding R.
- A weekday stated with a date must agree with it.
- A year in two digits after an apostrophe ("Q3 '25", "summer '24") is in the
  century that puts it at most ten years after R (without R: up to 2030).
- A range of dates ("from March to May 2025", "between 2020 and 2024",
  "2024-2025", "March 3-5, 2025") runs from the first day of its first end to
  the last day of its second, at the coarser granularity; the first end
  borrows the second's year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from checker.model.values import DateSpan, Granularity, Hedge
from checker.normalize import calendar_spans as cal
from checker.normalize import date_extras as extras
from checker.normalize import date_forms as forms
from checker.normalize import seasons_holidays, windows
from checker.normalize.date_forms import Context, make_span
from checker.normalize.errors import NormalizationError, UnreadableValue, quoted
from checker.normalize.examples import suggesting
from checker.normalize.options import DEFAULT_OPTIONS, NormalizeOptions, checked_options
from checker.normalize.tokens import PhraseTable, Token, TokenKind, describe, tokenize

DATE_HINT = (
    "Write a date like 'November 20, 2025', '2025-11-20', 'Nov. 20', 'Friday', 'October 2025', 'Q3 2025', "
    "'the second half of 2026', 'early 2026', 'by the end of 2029', 'since 2018', 'last week' "
    "or 'the past few months'."
)
DATE_FILLERS = frozenset(
    {"in", "on", "during", "of", "the", "at", "over", "within", "throughout", "alone", "for", "part"}
)
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
DATE_HEDGES: PhraseTable[Hedge] = PhraseTable(
    {**dict.fromkeys(["by", "no later than", "until", "till", "up until", "through", "up to"], Hedge.BY),
     "since": Hedge.SINCE}
)  # fmt: skip
BEFORE_WORDS: PhraseTable[bool] = PhraseTable(dict.fromkeys(["before", "prior to", "ahead of"], True))
THIRDS = {"early": 0, "mid": 1, "middle": 1, "late": 2}
EDGES = {"end": True, "beginning": False, "start": False, "close": True, "closing": True}
PERIOD_UNITS = frozenset({"year", "quarter", "month", "week", "half", "decade", "century"})
HORIZON_LEADS: PhraseTable[bool] = PhraseTable(
    dict.fromkeys(["within", "over", "over the course of", "in the course of", "during", "in the space of",
                   "over a period of"], True)
)  # fmt: skip
TENSES = ("past", "future")


@suggesting("date")
def parse_date(
    text: str, reference: dt.date | None = None, options: NormalizeOptions = DEFAULT_OPTIONS, tense: str = "past"
) -> DateSpan:
    """The span of days a date phrase means, read against the article's publication date.

    `tense` says which way a bare month, weekday, quarter or season points: "past"
    (news past tense, the default) or "future" ("will meet on Monday").
    `options` keeps the signature shared with the other normalizers; no date reading depends on it yet.
    """
    checked_options(options)
    if tense not in TENSES:
        raise NormalizationError(f"The tense {tense!r} is not one I know.", "Use 'past' or 'future'.")
    future = tense == "future"
    context = Context(text, _checked_reference(reference), looks_ahead=future, future=future)
    tokens = tokenize(text)
    horizon = _horizon(tokens, context)
    if horizon is not None:
        return horizon
    words = date_words(tokens, context.reference)
    before = BEFORE_WORDS.match(words, 0) if words else None
    if before is not None:
        return _before(_body(words[before[1] :], replace(context, looks_ahead=True)), context)
    hedge = DATE_HEDGES.match(words, 0) if words else None
    if hedge is not None:
        words = words[hedge[1] :]
        context = replace(context, looks_ahead=hedge[0] is Hedge.BY, future=future and hedge[0] is Hedge.BY)
    span = _body(words, context)
    return span if hedge is None else _hedged(span, hedge[0], context)


def _before(span: DateSpan, context: Context) -> DateSpan:
    """'before 2030': every day up to the one before the period starts, hedge BY."""
    if span.start is None:
        context.publication_date()
        raise NormalizationError(f"{quoted(context.text)} has no first day to be before.", DATE_HINT)
    return make_span((None, cal.add_days(span.start, -1)), Granularity.OPEN, hedge=Hedge.BY)


def _horizon(tokens: Sequence[Token], context: Context) -> DateSpan | None:
    """'within seven years', 'over the course of three years': a forward window from R, or None."""
    lead = HORIZON_LEADS.match(tokens, 0)
    if lead is None or lead[1] >= len(tokens):
        return None
    try:
        words = date_words(tokens[lead[1] :], context.reference)
    except NormalizationError:
        return None
    return windows.horizon(words, context)


def date_words(tokens: Sequence[Token], reference: dt.date | None = None) -> list[Token]:
    """The tokens that carry meaning in a date, with compound ones joined.

    "2025-11-20" becomes one NUMBER token with dashes, "1990s" one WORD, "H2"
    and "Q3" one WORD each; "20th" loses its suffix; hyphens ("mid-2026") and
    filler words ("in", "on", "the", "of") go.
    """
    words: list[Token] = []
    position = 0
    while position < len(tokens):
        joined = _joined_at(tokens, position, reference)
        if joined is not None:
            new_words, position = joined
            words.extend(new_words)
            continue
        token = tokens[position]
        position += 1
        if token.is_symbol("-") or (token.is_word() and token.text in DATE_FILLERS):
            continue
        if token.kind is TokenKind.SYMBOL:
            raise UnreadableValue(f"I could not read {describe(token)} in a date.", DATE_HINT)
        words.append(token)
    return words


def _joined_at(tokens: Sequence[Token], start: int, reference: dt.date | None) -> tuple[list[Token], int] | None:
    token = tokens[start]
    following = tokens[start + 1] if start + 1 < len(tokens) else None
    iso = _iso_date_at(tokens, start)
    if iso is not None:
        return [iso], start + 5
    if token.is_number and following is not None and following.glued and following.is_word("s"):
        return [Token(TokenKind.WORD, token.text + "s")], start + 2
    if token.is_number and token.after_apostrophe and len(token.text) == 2 and token.text.isdigit():
        return [Token(TokenKind.NUMBER, str(_two_digit_year(int(token.text), reference)))], start + 1
    if token.is_number and following is not None and following.is_word(*ORDINAL_SUFFIXES):
        return [token], start + 2
    if token.is_word("h", "q") and following is not None and following.text in ("1", "2", "3", "4"):
        return [Token(TokenKind.WORD, token.text + following.text)], start + 2
    if token.text in ("1", "2", "3", "4") and following is not None and following.glued and following.is_word("h", "q"):
        return [Token(TokenKind.WORD, following.text + token.text)], start + 2  # "1H 2027", "3Q 2025"
    if token.is_word("s") and not token.glued and start > 0 and tokens[start - 1].kind is not TokenKind.SYMBOL:
        return [], start + 1  # the possessive of "the year's end", "New Year's Eve"
    head, comma, tail = token.text.partition(",")
    if token.is_number and comma and len(head) <= 2 and len(tail) == 4:  # "Nov 20,2025"
        return [Token(TokenKind.NUMBER, head), Token(TokenKind.NUMBER, tail)], start + 1
    return None


def _two_digit_year(short: int, reference: dt.date | None) -> int:
    """'25 is 2025: the century that puts the year at most ten years after R (without R, after 2030)."""
    horizon = (reference.year if reference is not None else 2020) + 10
    return 2000 + short if 2000 + short <= horizon else 1900 + short


def _iso_date_at(tokens: Sequence[Token], start: int) -> Token | None:
    """YYYY-MM-DD (or YYYY/MM/DD) as one NUMBER token with dashes."""
    parts = tokens[start : start + 5]
    if len(parts) != 5 or not (parts[1].is_symbol("-") or parts[1].is_symbol("/")):
        return None
    separator = parts[1].text
    if not parts[3].is_symbol(separator):
        return None
    numbers = [parts[0], parts[2], parts[4]]
    if any(forms.digits_of(number) is None for number in numbers):
        return None
    if len(parts[0].text) != 4 or len(parts[2].text) > 2 or len(parts[4].text) > 2:
        return None
    return Token(TokenKind.NUMBER, "-".join(number.text for number in numbers))


def _checked_reference(reference: object) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    if not isinstance(reference, dt.date):
        raise NormalizationError(
            f"The publication date must be a date, not {type(reference).__name__}.",
            "Pass a datetime.date such as date(2025, 11, 21).",
        )
    cal.checked_year(reference.year)
    return reference


def _body(words: Sequence[Token], context: Context) -> DateSpan:
    body_forms = (forms.named_day, forms.weekday, forms.calendar_day, forms.period, windows.window, _earlier_or_later)
    for form in (*body_forms, _period_end_first, _part_of_period, *extras.DATE_FORMS, _date_range):
        span = form(words, context)
        if span is not None:
            return span
    raise UnreadableValue(f"I could not read {quoted(context.text)} as a date.", DATE_HINT)


RANGE_JOINS = frozenset({"to", "through", "thru", "until", "till", "and"})
COARSENESS = [Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER, Granularity.HALF,
              Granularity.YEAR, Granularity.MULTI_YEAR, Granularity.OPEN]


def _date_range(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'from March to May 2025', 'between 2020 and 2024', '2024-2025', 'March 3-5, 2025', 'Monday to Friday'."""
    opener = words[0].text if words and words[0].text in ("from", "between") else None
    body = list(words[1:] if opener else words)
    sides = _range_sides(body, opener)
    if sides is None:
        return None
    first_words, second_words = sides
    second = _side(second_words, context)
    if second is None:
        return None
    year_of_second = second_words[-1] if forms.year_of(second_words[-1]) is not None else None
    first = None
    if year_of_second is not None and not any(forms.year_of(word) is not None for word in first_words):
        first = _side([*first_words, year_of_second], context)  # "March to May 2025": March 2025
    first = first or _side(first_words, context)
    if first is None or first.start is None or second.end is None or first.start > second.end:
        return None
    coarser = max(first.granularity, second.granularity, key=COARSENESS.index)
    return make_span((first.start, second.end), coarser)


def _range_sides(body: list[Token], opener: str | None) -> tuple[list[Token], list[Token]] | None:
    joins = [index for index, word in enumerate(body) if word.is_word(*RANGE_JOINS) and 0 < index < len(body) - 1]
    if len(joins) == 1:
        cut = joins[0]
        if body[cut].is_word("and") and opener != "between":
            return None
        return body[:cut], body[cut + 1 :]
    if joins:
        return None
    if len(body) == 2 and all(forms.year_of(word) is not None for word in body):  # "2024-2025"
        return body[:1], body[1:]
    numbers = [forms.digits_of(word) for word in body[1:3]]
    if len(body) in (3, 4) and forms.month_of(body[0]) is not None and all(n is not None and n <= 31 for n in numbers):
        return body[:2] + body[3:], [body[0], *body[2:]]  # "March 3-5, 2025": March 3 and March 5
    return None


def _side(words: Sequence[Token], context: Context) -> DateSpan | None:
    if not words:
        return None
    try:
        span = _body(words, context)
    except NormalizationError:
        return None
    return span if span.start is not None and span.end is not None else None


def _period_end_first(words: Sequence[Token], context: Context) -> DateSpan | None:
    """'the year's end', 'year end 2027': the edge word after the unit, read as 'the end of the year'."""
    if len(words) < 2 or words[0].text not in PERIOD_UNITS or words[1].text not in EDGES:
        return None
    return _part_of_period([words[1], words[0], *words[2:]], context)


def _resolved_period(words: Sequence[Token], context: Context) -> DateSpan | None:
    """A period with both ends known; a bare month without a publication date is refused here."""
    span = forms.period(words, context) or seasons_holidays.season(words, context) or extras.century(words, context)
    if span is not None and (span.start is None or span.end is None):
        context.publication_date()
    return span


def _earlier_or_later(words: Sequence[Token], context: Context) -> DateSpan | None:
    if not words or not words[0].is_word("earlier", "later"):
        return None
    span = _resolved_period(words[1:], context)
    if span is None or span.start is None or span.end is None:
        return None
    reference = context.reference
    if reference is None:
        return span
    if words[0].text == "earlier":
        start, end = span.start, min(reference, span.end)
    else:
        start, end = max(reference, span.start), span.end
    if start > end:
        raise NormalizationError(
            f"{quoted(context.text)} lies on the wrong side of the publication date {reference.isoformat()}.",
            "Check the year, or use 'earlier' for the past and 'later' for the future.",
        )
    return make_span((start, end), span.granularity)


def _part_of_period(words: Sequence[Token], context: Context) -> DateSpan | None:
    if not words or (words[0].text not in THIRDS and words[0].text not in EDGES):
        return None
    span = _resolved_period(words[1:], context)
    if span is None or span.start is None or span.end is None:
        return None
    if words[0].text in THIRDS:
        return _third_of(span, THIRDS[words[0].text], context.text)
    return _edge_of(span, EDGES[words[0].text], context.text)


def _third_of(span: DateSpan, index: int, text: str) -> DateSpan:
    assert span.start is not None and span.end is not None
    year = span.start.year
    if span.granularity is Granularity.YEAR:
        return make_span(cal.months_days(year, 4 * index + 1, 4 * index + 4), Granularity.QUARTER)
    if span.granularity is Granularity.MONTH:
        first, last = (1, 11, 21)[index], (10, 20, span.end.day)[index]
        month = span.start.month
        return make_span((dt.date(year, month, first), dt.date(year, month, last)), Granularity.WEEK)
    if _is_decade(span):
        first, last = ((0, 3), (4, 6), (7, 9))[index]
        return make_span((cal.year_days(year + first)[0], cal.year_days(year + last)[1]), Granularity.MULTI_YEAR)
    if _is_century(span):
        first, last = ((0, 32), (33, 65), (66, 99))[index]
        return make_span((cal.year_days(year + first)[0], cal.year_days(year + last)[1]), Granularity.MULTI_YEAR)
    if span.granularity is Granularity.WEEK:  # Monday-Tuesday, Wednesday-Thursday, Friday-Sunday
        first, last = ((0, 1), (2, 3), (4, 6))[index]
        return make_span((cal.add_days(span.start, first), cal.add_days(span.start, last)), Granularity.DAY)
    if span.granularity is Granularity.QUARTER:  # a quarter or a season: early summer is June
        month = cal.add_months(span.start, index)
        return make_span(cal.month_days(month.year, month.month), Granularity.MONTH)
    raise NormalizationError(
        f"{quoted(text)}: early, mid and late work with a year, a season, a month, a decade or a century.", DATE_HINT
    )


def _edge_of(span: DateSpan, at_end: bool, text: str) -> DateSpan:
    assert span.start is not None and span.end is not None
    edge = span.end if at_end else span.start
    if span.granularity in (Granularity.YEAR, Granularity.HALF, Granularity.QUARTER):
        return make_span(cal.month_days(edge.year, edge.month), Granularity.MONTH)
    if span.granularity is Granularity.MONTH:
        first, last = (21, span.end.day) if at_end else (1, 10)
        return make_span((edge.replace(day=first), edge.replace(day=last)), Granularity.WEEK)
    if _is_decade(span):
        return make_span(cal.year_days(edge.year), Granularity.YEAR)
    if span.granularity is Granularity.WEEK:  # its Friday to Sunday, or Monday and Tuesday
        days = (cal.add_days(span.start, 4), span.end) if at_end else (span.start, cal.add_days(span.start, 1))
        return make_span(days, Granularity.DAY)
    if _is_century(span):
        first_year = edge.year // 10 * 10
        return make_span(cal.decade_days(first_year), Granularity.MULTI_YEAR)
    raise NormalizationError(
        f"{quoted(text)}: the end or beginning works with a year, a half, a quarter, a month or a decade.", DATE_HINT
    )


def _is_decade(span: DateSpan) -> bool:
    return span.start is not None and span.end is not None and span.end.year - span.start.year == 9


def _is_century(span: DateSpan) -> bool:
    return span.start is not None and span.end is not None and span.end.year - span.start.year == 99


def _hedged(span: DateSpan, hedge: Hedge, context: Context) -> DateSpan:
    if hedge is Hedge.BY:
        if span.end is None:
            context.publication_date()
        return make_span((None, span.end), Granularity.OPEN, hedge=hedge)
    if span.start is None:
        context.publication_date()
    end = context.reference
    if end is not None and span.start is not None and end < span.start:
        raise NormalizationError(
            f"{quoted(context.text)} starts after the publication date {end.isoformat()}.",
            "Check the year: 'since' looks back from the publication date.",
        )
    return make_span((span.start, end), Granularity.OPEN, hedge=hedge)
