"""CC105 quote-fidelity: what a speaker said, as each source renders it.

A speaker's quotes are gathered into utterances (`checker.utterances`): renderings are
deduplicated by their folded words (typography, case, dotted abbreviations such as U.K. /
UK, British / American spelling, singular / plural), related renderings form one
utterance, and the rendering most independent sources give is the reference. Then:

- A rendering with the same words, or a contiguous excerpt of the reference (a lead-in
  such as "We think that" dropped), is a *variant*: one *consistent* finding per utterance
  says who renders it alike, with a note for excerpts and spelling variants.
- A paraphrase (an outlet's own words, `verbatim: false`, close in wording) makes that
  finding *compatible*.
- A verbatim rendering whose words differ from the reference is a *misquote*: one
  *conflict* per divergent rendering, naming the changed words (old → new).
- The same words given to another speaker: one *conflict* per utterance and other speaker.
  Several speakers together (`speaker: [acme, globex]`, "the companies said") are one
  party; the same words given to that party and to one of its members are no conflict.

Quotes with little in common are different statements and are not compared; so are
quotes said on different days or in different places (`stated_on`, `stated_in`): the same
words said twice are two statements, never a misquote of each other. An utterance
only one independent source renders is left to CC109.

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

from collections import defaultdict
from collections.abc import Iterator

from checker.findings.finding import Finding, Status, stable_id
from checker.index.compare import QuoteMatch, changed_words
from checker.index.factstory import named
from checker.index.index import MAX_GRAM_GROUP, SEPARATOR, Index, quote_grams
from checker.index.utterances import ANY_OCCASION, Occasion, Rendering, Utterance, related
from checker.model.claims import PARTY_JOINER

CODE = "CC105"
NAME = "quote-fidelity"
SEVERITY = "error"
OTHER_SPEAKER_NGRAM = 4
SPELLED = " up to typography, case or spelling"


def check(index: Index, options: None = None) -> Iterator[Finding]:
    spoken = index.utterances()
    for speaker, found in spoken.items():
        for utterance in found:
            yield from _judge(index, utterance)
    yield from _other_speakers(index, spoken)


def label(speaker: str) -> str:
    return SEPARATOR.join([speaker, f"quotes of {speaker}"])


def _articles(rendering: Rendering) -> list[str]:
    return [claim.article for claim in rendering.claims]


def _judge(index: Index, utterance: Utterance) -> Iterator[Finding]:
    reference = utterance.reference
    who = index.entity_name(utterance.speaker)
    agreeing, notes, paraphrasing = [reference], [], []
    for rendering in utterance.renderings:
        if rendering is reference:
            continue
        match = related(reference, rendering)
        if match is QuoteMatch.MISQUOTE:
            yield _misquote(index, utterance, rendering, who)
            continue
        agreeing.append(rendering)
        spelled = match is QuoteMatch.VARIANT or (match is QuoteMatch.VERBATIM and rendering.tokens == reference.tokens
                                                  and rendering.text != reference.text)
        if match in (QuoteMatch.VERBATIM, QuoteMatch.VARIANT) and len(rendering.tokens) != len(reference.tokens):
            shorter = rendering if len(rendering.tokens) < len(reference.tokens) else reference
            notes.append(f"{named(_articles(shorter))} quote{'s' if len(set(_articles(shorter))) == 1 else ''} "
                         f"a contiguous excerpt (\u201c{shorter.text}\u201d){SPELLED if spelled else ''}, a variant "
                         "rather than a misquote")
        elif spelled:
            notes.append(f"{named(_articles(rendering))}: the same words{SPELLED} (\u201c{rendering.text}\u201d)")
        elif match not in (QuoteMatch.VERBATIM, QuoteMatch.VARIANT):
            paraphrasing.append(rendering)
    claims = sorted((claim for rendering in agreeing for claim in rendering.claims), key=lambda c: c.uid)
    sources = index.sources(claims)
    if len(sources) < 2 or len({claim.article for claim in claims}) < 2:
        return
    status = Status.COMPATIBLE if paraphrasing else Status.CONSISTENT
    message = (f"{len(sources)} independent sources render {who}'s words "
               f"({named(claim.article for claim in claims)}): \u201c{reference.text}\u201d."
               + "".join(f" {note}." for note in notes[:5]))
    if paraphrasing:
        articles = [article for rendering in paraphrasing for article in _articles(rendering)]
        message += (f" {named(articles)} paraphrase{'s' if len(set(articles)) == 1 else ''} {who}: the wording "
                    "differs but the statement is close.")
    aspect = "utterance:" + " ".join(reference.tokens)[:300] + _occasion_aspect(utterance.occasion)
    yield Finding(CODE, NAME, status, message, label(utterance.speaker),
                  tuple(index.evidence(claim) for claim in claims), aspect=aspect,
                  id=stable_id(CODE, label(utterance.speaker), aspect))


def _misquote(index: Index, utterance: Utterance, rendering: Rendering, who: str) -> Finding:
    reference = utterance.reference
    changes = changed_words(list(reference.tokens), list(rendering.tokens))
    message = (f"Both present {who}'s exact words, but the words differ: {_give(reference)} "
               f"\u201c{reference.text}\u201d; {_give(rendering)} \u201c{rendering.text}\u201d. "
               f"Changed words: {'; '.join(changes[:8])}.")
    aspect = "misquote:" + " ".join(rendering.tokens)[:300] + _occasion_aspect(utterance.occasion)
    claims = sorted([*reference.claims, *rendering.claims], key=lambda claim: claim.uid)
    return Finding(CODE, NAME, Status.CONFLICT, message, label(utterance.speaker),
                   tuple(index.evidence(claim) for claim in claims), aspect=aspect,
                   id=stable_id(CODE, label(utterance.speaker), aspect))


def _words_and_occasion(utterance: Utterance) -> str:
    """What tells one utterance of a speaker from another in a finding's id: a speaker's
    utterances that another speaker's words match are one finding when these are equal."""
    return " ".join(utterance.reference.tokens)[:300] + _occasion_aspect(utterance.occasion)


def _occasion_aspect(occasion: Occasion) -> str:
    """Two utterances of the same words on two occasions are two findings, with two ids."""
    return "" if occasion == ANY_OCCASION else f" @{occasion.label()}"


def _give(rendering: Rendering) -> str:
    articles = _articles(rendering)
    return f"{named(articles)} give{'s' if len(set(articles)) == 1 else ''}"


def _other_speakers(index: Index, spoken) -> Iterator[Finding]:
    """The same words given to two speakers: one finding per utterance and other speaker."""
    owner: dict[int, tuple[str, Utterance]] = {}
    by_run: dict[tuple, list[Rendering]] = defaultdict(list)
    for speaker, found in spoken.items():
        for utterance in found:
            for rendering in utterance.renderings:
                owner[id(rendering)] = (speaker, utterance)
                for run in quote_grams(rendering.tokens, OTHER_SPEAKER_NGRAM):
                    by_run[run].append(rendering)
    matched: dict[tuple, set[int]] = defaultdict(set)
    seen: set[tuple[int, int]] = set()
    for run, group in by_run.items():
        if len({owner[id(r)][0] for r in group}) < 2 or _run_size(index, run, group) > MAX_GRAM_GROUP:
            continue
        for position, first in enumerate(group):
            for second in group[position + 1:]:
                (a_speaker, a), (b_speaker, b) = owner[id(first)], owner[id(second)]
                pair = (id(first), id(second))
                if _share_a_party(a_speaker, b_speaker) or pair in seen or not first.occasion.fits(second.occasion):
                    continue
                seen.add(pair)
                if related(first, second) in (QuoteMatch.VERBATIM, QuoteMatch.VARIANT):
                    ordered = ((a_speaker, a, first), (b_speaker, b, second))
                    (s, u, r), (t, v, w) = sorted(ordered, key=lambda item: item[0])
                    matched[(s, _words_and_occasion(u), t)].update((id(r), id(w)))
    renderings = {id(r): r for found in spoken.values() for u in found for r in u.renderings}
    for (speaker, _words, other), rendering_ids in sorted(matched.items(), key=lambda item: item[0]):
        ordered = sorted((renderings[i] for i in rendering_ids), key=_rendering_order)  # never by address
        yield _other_speaker(index, speaker, other, ordered, owner)


def _rendering_order(rendering: Rendering) -> tuple:
    return rendering.tokens, sorted(claim.uid for claim in rendering.claims)


def _share_a_party(first: str, second: str) -> bool:
    """`acme+globex` and `acme` share a speaker: words the companies said together are also Acme's."""
    return bool(set(first.split(PARTY_JOINER)) & set(second.split(PARTY_JOINER)))


def _run_size(index: Index, run, group) -> int:
    local = sum(len(rendering.claims) for rendering in group)
    counts = index.gram_counts
    return local if counts is None else counts.get((OTHER_SPEAKER_NGRAM, run), local)


def _other_speaker(index: Index, speaker: str, other: str, renderings: list[Rendering], owner) -> Finding:
    mine = [r for r in renderings if owner[id(r)][0] == speaker]
    theirs = [r for r in renderings if owner[id(r)][0] == other]
    reference = owner[id(mine[0])][1].reference
    claims = sorted((claim for r in renderings for claim in r.claims), key=lambda claim: claim.uid)
    message = (f"The same words are attributed to {index.entity_name(speaker)} in "
               f"{named(a for r in mine for a in _articles(r))} and to {index.entity_name(other)} in "
               f"{named(a for r in theirs for a in _articles(r))}: \u201c{reference.text}\u201d.")
    aspect = f"other-speaker:{other}:" + _words_and_occasion(owner[id(mine[0])][1])
    return Finding(CODE, NAME, Status.CONFLICT, message, label(speaker), tuple(index.evidence(c) for c in claims),
                   aspect=aspect, id=stable_id(CODE, label(speaker), aspect))
