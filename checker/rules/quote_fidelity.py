"""CC105 quote-fidelity: what a speaker said, as each source renders it.

Quotes of the same speaker in different articles are compared word by word:
*verbatim* (the same words, or one an excerpt of the other) and *variant* (the same
words up to typography, case or spelling, such as reindustrialize / reindustrialise)
are consistent; a *paraphrase* (an outlet's own words, `verbatim: false`, close in
wording) is compatible; two verbatim quotes that are close but not the same words are a
*misquote* (conflict). The same words attributed to different speakers are a conflict.
Quotes with little in common are different statements and are not compared.

Fails (conflict):

```yaml
# article a
- {id: q, subject: deal, property: said, value: {kind: quote, speaker: sam-altman, verbatim: true}, quote: "a generational opportunity to reindustrialize America"}
# article b
- {id: q, subject: deal, property: said, value: {kind: quote, speaker: young-liu, verbatim: true}, quote: "a generational opportunity to reindustrialize America"}
```

Passes (consistent): article b attributes the words to sam-altman too.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings.finding import Finding, Status
from checker.index.compare import QuoteMatch
from checker.index.index import SEPARATOR, Index, quote_words

CODE = "CC105"
NAME = "quote-fidelity"
SEVERITY = "error"
SAME_SPEAKER_NGRAM = 2  # candidates share at least one word pair: cheap, and misses no paraphrase worth reporting
OTHER_SPEAKER_NGRAM = 4

_STATUS = {
    QuoteMatch.VERBATIM: Status.CONSISTENT,
    QuoteMatch.VARIANT: Status.CONSISTENT,
    QuoteMatch.PARAPHRASE: Status.COMPATIBLE,
    QuoteMatch.MISQUOTE: Status.CONFLICT,
}


def check(index: Index, options: None = None) -> Iterator[Finding]:
    for first, second in index.quote_pairs(SAME_SPEAKER_NGRAM, same_speaker=True):
        match = index.quote_match(first, second)
        if match is not QuoteMatch.UNRELATED:
            yield _finding(index, first, second, _STATUS[match], _same_speaker_message(index, first, second, match))
    for first, second in index.quote_pairs(OTHER_SPEAKER_NGRAM, same_speaker=False):
        if index.quote_match(first, second) in (QuoteMatch.VERBATIM, QuoteMatch.VARIANT):
            yield _finding(index, first, second, Status.CONFLICT, _other_speaker_message(index, first, second))


def speaker(claim) -> str:
    return claim.claim.value.speaker


def _finding(index: Index, first, second, status: Status, message: str) -> Finding:
    label = SEPARATOR.join([first.subject, "quotes of " + speaker(first)])
    return Finding(CODE, NAME, status, message, label, (index.evidence(first), index.evidence(second)))


def _rendering(first, second) -> str:
    return f"{first.article}: \u201c{quote_words(first)}\u201d; {second.article}: \u201c{quote_words(second)}\u201d"


def _same_speaker_message(index: Index, first, second, match: QuoteMatch) -> str:
    who = index.entity_name(speaker(first))
    explanations = {
        QuoteMatch.VERBATIM: f"Both render {who}'s words the same (one may quote a part of the other)",
        QuoteMatch.VARIANT: f"Both render {who}'s words the same up to typography, case or spelling",
        QuoteMatch.PARAPHRASE: f"One source paraphrases {who}; the wording differs but the statement is close",
        QuoteMatch.MISQUOTE: f"Both present {who}'s exact words, but the words differ",
    }
    return f"{explanations[match]}. {_rendering(first, second)}."


def _other_speaker_message(index: Index, first, second) -> str:
    return (f"The same words are attributed to {index.entity_name(speaker(first))} in {first.article} and to "
            f"{index.entity_name(speaker(second))} in {second.article}. {_rendering(first, second)}.")
