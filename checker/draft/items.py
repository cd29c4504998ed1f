"""The items of a list of plain words, named as editors name them: short canonical terms.

"key components", "networking hardware", "Apple's iPhones", "multiple generations of AI
servers" are items `components`, `networking`, `iphone`, `ai-servers`: what a product
is, without the words that only praise, count or own it. Editors share one name for
one thing across articles, so the name keeps the thing and drops the rest:

- determiners, possessive owners ("Apple's") and words of praise or degree ("key",
  "advanced", "next-generation") before the thing;
- a measure before "of" ("multiple generations of", "10 gigawatts of");
- a generic head after a function in -ing ("networking gear" -> networking,
  "cooling solutions" -> cooling); after another noun, "equipment", "gear", "units" and
  "solutions" say "systems" ("power equipment" -> power-systems);
- "AI" before a compound of two words or more ("AI data-center hardware");
- the plural of a brand written with an inner capital ("iPhones" -> iphone).

A list ("racks, cabling and networking gear") is split on commas and "and"/"or" when its
last item is joined by "and" or "or"; otherwise the first comma ends it, unless a lone
word before the comma is an adjective of what follows ("resilient, domestic capabilities").
"""

from __future__ import annotations

import re

_LEADING = frozenset("""the a an its their his her our this these those various several multiple many some other
new key crucial essential critical advanced specialized specialised next-generation next-gen latest high-growth
lower-margin high-margin major additional further bespoke complex high-performance cutting-edge state-of-the-art
own more most both such sophisticated powerful innovative""".split())
_MEASURE = re.compile(r"^(?:[\w.,-]+\s+)?(?:generations?|types?|kinds?|lines?|range|variety|number|series|famil(?:y|ies)|"
                      r"batch(?:es)?|units?|gigawatts?|megawatts?|GW|MW|lots|dozens|hundreds|thousands|millions)\s+of\s+",
                      re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:[A-Z][\w.&-]*\s){0,2}[A-Z][\w.&-]*['\u2019]s\s+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_GENERIC_HEAD = r"(?:hardware|equipment|gear|systems?|solutions?|products?|units?|technology|technologies)"
_FUNCTION_AND_HEAD = re.compile(rf"^(\w+ing)\s+{_GENERIC_HEAD}$", re.IGNORECASE)
_SYSTEM_WORDS = frozenset("equipment gear system solutions solution units unit".split())
_INNER_CAPITAL_PLURAL = re.compile(r"^([a-z]+[A-Z][A-Za-z]*?)s$")
# A thing so general that, alone, it names nothing a second source could confirm.
GENERIC = frozenset("""hardware components component products product systems system equipment infrastructure parts
devices technology technologies solutions capacity it them ones work services offerings things items ai""".split())
# What a verb of making also takes that is no product: "build a presence", "making significant moves".
ABSTRACT = frozenset("""moves move presence expertise capabilities capability commitment commitments ecosystem progress
strides inroads efforts effort decisions decision plans plan sense case strategy roadmap partnership partnerships
relationship relationships business foundation future vision deals deal readiness pipeline footprint sure use
headway changes difference impact money profits profit investments investment push bet integrity resilience security
facilities facility plants plant factories factory sites site operations jobs workers""".split())
_WHERE_OR_HOW_MUCH = frozenset("overseas domestic local global mass volume large-scale full-scale in-house offshore us".split())
MAX_ITEM_WORDS = 4


def split_items(phrase: str) -> list[str]:
    """"racks, cabling and networking gear" -> its three parts; "hardware, deepening ..." -> "hardware"."""
    phrase = _PARENTHESES.sub("", phrase).strip(" ,")
    chunks = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", phrase)
    joined = re.search(r"(?:,\s*|\s)(?:and|or)\s+[^,]+$", phrase)
    if "," in phrase and not joined:
        first = re.split(r"\s*,\s*", phrase)[0]
        if re.search(r"\s(?:and|or)\s", first):  # "routers and networking gear, grew fast"
            chunks = re.split(r"\s+(?:and|or)\s+", first)
        elif len(first.split()) == 1:  # "resilient, domestic capabilities": adjectives of one thing
            chunks = [re.sub(r"\s*,\s*", " ", phrase)]
        else:
            chunks = [first]
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def item_name(words: str, keep_generic: bool = False) -> str | None:
    """The canonical lower-case name of one item, or None when nothing specific is left (a generic word is kept
    when asked: "chips and components" lists both)."""
    words = _PARENTHESES.sub("", words).strip(" ,.")
    words = _POSSESSIVE.sub("", words)
    while True:
        stripped = _MEASURE.sub("", words)
        first, _, rest = stripped.partition(" ")
        if rest and first.lower() in _LEADING:
            stripped = rest
        if stripped == words:
            break
        words = stripped
    tokens = words.split()
    if not tokens or len(tokens) > MAX_ITEM_WORDS or re.search(r"\d", words):
        return None
    if tokens[0] == "AI" and len(re.split(r"[\s-]+", " ".join(tokens[1:]))) >= 2:
        tokens = tokens[1:]
    tokens = [_INNER_CAPITAL_PLURAL.sub(r"\1", token) for token in tokens]
    function = _FUNCTION_AND_HEAD.match(" ".join(tokens))
    if function:
        tokens = [function.group(1)]
    elif len(tokens) >= 2 and tokens[-1].lower() in _SYSTEM_WORDS:
        tokens = [*tokens[:-1], "systems"]  # "power equipment", "power units": power-systems
    if len(tokens) > 1 and tokens[-1].lower() in GENERIC and all(token[0].isupper() for token in tokens[:-1]):
        return None  # "Apple products": whose, not what
    if tokens[-1].lower() in ABSTRACT or " ".join(tokens).lower() in _WHERE_OR_HOW_MUCH:
        return None
    name = slug(" ".join(tokens))
    return None if not name or name in GENERIC and not keep_generic else name


def plural(words: str) -> str:
    """"AI server" -> "AI servers": the thing a noun before "production" or "assembly" names, in the plural
    editors use for kinds of things; a brand ("iPhone") or a mass noun ("cabling", "hardware") stays as it is."""
    *before, last = words.split()
    if not last.islower() or last.endswith(("s", "ing", "ware", "ment")):
        return words
    if last.endswith("y") and not last.endswith(("ay", "ey", "oy", "uy")):
        last = last[:-1] + "ies"
    else:
        last += "es" if last.endswith(("x", "ch", "sh")) else "s"
    return " ".join([*before, last])


def slug(words: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
    return re.sub(r"\bcentre(s?)\b", r"center\1", name)[:120]
