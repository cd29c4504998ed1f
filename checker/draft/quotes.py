"""Speech: words in quotation marks (verbatim) and "X said the ..." (reported), with the speaker.

Curly marks say which side they open; a straight mark opens after a space or at the
start and closes otherwise. A closing mark with no opening one before it in its
paragraph (a quote whose opening mark was lost) quotes from the start of its sentence.
The speaker is the person (or else the organization) named next to a verb of saying
outside the quoted words: "X said", "said X, chief executive of Y", "according to X",
"X told Bloomberg", "he added" (the last person named before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.draft.entities import Mention
from checker.draft.text import Sentence

SAYING = ("said", "says", "told", "added", "noted", "stated", "stating", "explained", "wrote", "argued",
          "according to", "calling", "called", "describing", "described", "warned", "insisted", "remarked")
_SAYING = re.compile(rf"(?<![\w-])(?:{'|'.join(SAYING)})(?![\w-])", re.IGNORECASE)
_REPORTED = re.compile(r"(?<![\w-])(?:(?:said|says|added|noted|stated|explained|argued|warned)"
                       r"(?: (?:earlier|later|on|in|last|this|next)\b[\w ]{0,25}? that|,?(?: that)?)"
                       r"|told (?:reporters|analysts|investors|journalists|employees|staff|lawmakers|(?-i:[A-Z][\w.]*"
                       r"(?: [A-Z][\w.]*){0,2}))(?: (?:on|in) \w+)?,?(?: that)?"
                       r"|(?:articulated|outlined|described|laid out|set out|painted|sketched) (?:a|his|her|their|its) "
                       r"(?:vision|picture|future|scenario) (?:where|in which|of a world where|that))"
                       r" (?=\w)", re.IGNORECASE)
_ACCORDING_TO = re.compile(r",\s*according to\s+", re.IGNORECASE)
SPEAKER_REACH = 45  # characters between a speaker's name and the verb of saying
MIN_QUOTED_WORDS = 2


@dataclass(frozen=True)
class Speech:
    start: int  # the quote's span in the article: the words and their attribution
    end: int
    words: str
    speaker: Mention
    verbatim: bool
    guessed: bool  # no verb of saying next to a name: the last one named before


def quoted_spans(text: str, paragraph_start: int, paragraph_end: int) -> list[tuple[int, int]]:
    """(start, end) of each quotation inside its marks, marks excluded."""
    spans, opened = [], None
    for index in range(paragraph_start, paragraph_end):
        char = text[index]
        if char not in "\u201c\u201d\"":
            continue
        opening = char == "\u201c" or (char == '"' and (index == paragraph_start or not text[index - 1].isalnum()
                                                       and text[index - 1] not in ".,!?;:"))
        if opening and opened is None:
            opened = index + 1
        elif not opening:
            spans.append((opened if opened is not None else -1, index))
            opened = None
    return spans


def speeches(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Speech]:
    found: list[Speech] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        for start, end in quoted_spans(text, paragraph.start(), paragraph.end()):
            if start == -1:
                start = _sentence_of(sentences, end).start if _sentence_of(sentences, end) else paragraph.start()
            speech = _verbatim(text, start, end, sentences, mentions)
            if speech is not None:
                found.append(speech)
    quoted = [(speech.start, speech.end) for speech in found]
    for sentence in sentences:
        if not any(start < sentence.end and end > sentence.start for start, end in quoted):
            found.extend(_reported(text, sentence, mentions))
    return sorted(found, key=lambda speech: speech.start)


def _sentence_of(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= offset < s.end), None)


def _verbatim(text, start, end, sentences, mentions) -> Speech | None:
    words = text[start:end].strip()
    if len(words.split()) < MIN_QUOTED_WORDS:
        return None
    sentence = _sentence_of(sentences, start) or _sentence_of(sentences, end - 1)
    if sentence is None:
        return None
    outside = [(m.start(), m.end()) for m in _SAYING.finditer(text, sentence.start, sentence.end)
               if not start <= m.start() < end]
    for verb_start, verb_end in sorted(outside, key=lambda verb: min(abs(verb[0] - end), abs(verb[1] - start))):
        speaker = _speaker_near(mentions, verb_start, verb_end, (start, end), text[verb_start:verb_end])
        if speaker is not None:
            first = min(start - 1, verb_start, speaker.start)
            last = max(end + 1, verb_end, speaker.end)
            return Speech(max(first, sentence.start), min(last, sentence.end), words, speaker, True, False)
    people = [m for m in mentions if m.end <= start and m.entity.kind == "person"]
    earlier = people or [m for m in mentions if m.end <= start and m.entity.kind == "organization"]
    if not earlier:
        return None
    return Speech(max(start - 1, sentence.start), min(end + 1, sentence.end), words, earlier[-1], True, True)


def _speaker_near(mentions, verb_start, verb_end, quoted, verb) -> Mention | None:
    def fits(mention: Mention) -> bool:
        return mention.entity.kind in ("person", "organization", "outlet") and not \
            quoted[0] <= mention.start < quoted[1]
    after = [m for m in mentions if fits(m) and 0 <= m.start - verb_end <= SPEAKER_REACH]
    before = [m for m in mentions if fits(m) and 0 <= verb_start - m.end <= SPEAKER_REACH]
    if verb.lower() == "according to":
        return after[0] if after else None
    ordered = [*reversed(before), *after]
    people = [m for m in ordered if m.entity.kind == "person"]
    return (people or ordered or [None])[0]


def _reported(text: str, sentence: Sentence, mentions: Sequence[Mention]) -> list[Speech]:
    match = _REPORTED.search(text, sentence.start, sentence.end)
    if match is None:
        return _according_to(text, sentence, mentions)
    speaker = _speaker_near(mentions, match.start(), match.start(), (match.start(), match.start()), "said")
    speaker = _subject_before_relative_clause(text, sentence, mentions, match.start()) or speaker
    if speaker is None or speaker.start > match.start() or "," in text[speaker.end:match.start()] and \
            not _RELATIVE_CLAUSE.fullmatch(text[speaker.end:match.start()]):
        return []  # "Intrinsic, a robotics company under Alphabet, said": the speaker is further back
    words = text[match.end():sentence.end].rstrip(" .")
    if len(words.split()) < 4 or re.search(r"[\d$€£¥]", words):
        return []  # a value said is drafted as the value, attributed to the speaker
    return [Speech(speaker.start, sentence.end, words, speaker, False, False)]


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who)\b[^,]*,\s*")


def _subject_before_relative_clause(text, sentence, mentions, verb_start: int) -> Mention | None:
    """"Foxconn, which also assembles iPhones for Apple, said ...": Foxconn speaks, not Apple."""
    return next((m for m in mentions if sentence.start <= m.start and m.entity.kind in ("person", "organization")
                 and _RELATIVE_CLAUSE.fullmatch(text[m.end:verb_start])), None)


def _according_to(text: str, sentence: Sentence, mentions: Sequence[Mention]) -> list[Speech]:
    """"..., according to Bloomberg.": what comes before, in the source's name."""
    match = _ACCORDING_TO.search(text, sentence.start, sentence.end)
    if match is None:
        return []
    source = next((m for m in mentions if m.start == match.end() and m.entity.kind in ("person", "organization",
                                                                                       "outlet")), None)
    if source is None or text[source.end:sentence.end].strip(" .\"'\u201d") != "":
        return []
    clause = text[sentence.start:match.start()]
    words = re.split(r",\s+", clause, maxsplit=1)[-1] if clause.count(",") else clause
    if len(words.split()) < 4 or re.search(r"[\d$€£¥]", words):
        return []
    start = match.start() - len(words)
    return [Speech(start, source.end, words.strip(), source, False, False)]
