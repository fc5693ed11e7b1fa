"""The ``extract.claims`` stage: numeric claims with what they count and who says so.

Cascade for each number phrase found by :data:`._numbers.NUMBER_RE`:

1. Drop what is not a quantity: dates and times (the dates tagger's spans),
   labels ("page 5", "No. 10"), ages ("Stremusov, 45", "45-year-old"),
   phone numbers, scores and ordinals.
2. Read the bound from the words before it ("more than" -> ``more_than``,
   "some" -> ``about``, "between X and Y" -> ``range``) and the unit around it
   ("$", "%", "km", "tonnes").
3. From the shared spaCy parse: the noun it counts (with its adjectives and,
   when that noun is the subject, its verb: "residents ... evacuated"), and the
   claimant: the speaker of the enclosing quote, else the subject of a
   reporting verb in the sentence ("Surovikin emphasized that ..."); ``None``
   means the article's own source.
4. ``as_of``: a time expression in the same sentence, else the publication date.
5. ``change``: ``up`` or ``down`` when the words right before the figure say
   by how much something moved ("down five points", "rose 3 percent", "a drop
   of 200"), also for a figure coordinated with such a one ("down five points
   and just over two rebounds"); a level ("rose to 12", "up from 5") has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from ..config import Settings
from ..model import Article, Claim, Mention, Quote, TimeRef
from ._antecedents import only_says_whose
from ._numbers import (
    BOUND_RE,
    BOUNDS,
    CURRENCY_SIGN_RE,
    CURRENCY_SIGNS,
    DENOMINATORS,
    LABEL_BEFORE,
    NUMBER_RE,
    REPORTING_LEMMAS,
    UNIT_RE,
    UNIT_WORDS,
    parse_number,
)
from .dates import find_times, parse_published
from .entities import foreign_ranges
from .nlp import ParseCache, ParsedStage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STAGE = "extract.claims"
_AGE_AFTER = re.compile(r"^(?:-year-old|\s*years?\s+old|-years-old|\s*years\s+of\s+age)")
_DECADE = re.compile(r"\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")
_RANGE = re.compile(r"^\s*(?:and|to|-|–)\s*")
_OF_THE_PAST = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:past|last|previous|next|first)\s+\w+", re.IGNORECASE)
_OF_THE_PAST_BEFORE = re.compile(r"\b(?:out\s+)?of\s+(?:the\s+)?(?:past|last|previous|next|first)\s+$", re.IGNORECASE)
#: What makes the number before it an address: a street's name ("200 American Blvd"), or the block of a street, as
#: police reports give one ("the 12000 block of East 223rd Street", #17).
_STREET = re.compile(r"\s+(?:(?:[A-Z][\w'-]*\.?\s+){1,3}(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|Drive|"
                     r"Dr|Way|Place|Pl|Court|Ct|Square|Sq|Highway|Hwy|Parkway|Pkwy)\b\.?|block\s+of\b)")
_NAME_TYPES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW", "PERSON", "GPE", "NORP", "LANGUAGE"})
#: A code right before a number makes it an identifier: "HR 6819", "SB 1070", "Rm. 111", "§ 1201". Not a
#: currency code ("USD 50") or a currency's short form ("Rs. 500 crore"), which are amounts.
_CODE_BEFORE = re.compile(r"(?:(?<![\w.])(?!(?:USD|EUR|GBP|JPY|CNY|RUB|UAH|INR|CHF|CAD|AUD)\b)[A-Z]{2,5}|\b(?!(?:Rs|Rp|Sh|Tk)\.)[A-Z][a-z]{1,3}\.|§)"
                          r"\s?$")
_CAPS_WORD_BEFORE = re.compile(r"\b[A-Z]{2,}[^\w\n]*$")
#: A three-digit service number is dialled, not counted: "911 calls", "a 999 operator", "311 complaints".
_SERVICE_NUMBER = re.compile(r"[2-9]11|999|112")
_SERVICE_NOUN = re.compile(r"\s+(?:emergency\s+)?(?:call(?:s|ers?)?\b|dispatch|operators?\b|cent(?:er|re)s?\b|"
                           r"(?:hot)?lines?\b|systems?\b|services?\b|tapes?\b|recordings?\b|complaints?\b|"
                           r"requests?\b|numbers?\b|texts?\b)", re.IGNORECASE)
#: The numbers listed after a label are labels too: "two sons, ages 16 and 6", "pages 5, 6 and 9".
_LISTED = re.compile(r"(?:\d+(?:\s*,\s*|\s+(?:and|or|&)\s+))+$")
#: Currencies written as a short word before the amount ("Rs 299", "Rs. 500 crore"): amounts, not names.
_CURRENCY_SHORT = frozenset({"Rs", "Rp", "Sh", "Tk"})
#: Pronouns whose antecedent owns a figure: "He rushed for 150 yards", "his 716 yards".
_PERSONAL = frozenset({"he", "she", "his", "her"})
#: A power of ten written with the indefinite article: "a million", "a thousand", "an hundred".
_INDEFINITE_ROUND = re.compile(r"an?\s+(?:hundred|thousand|million|billion|trillion)", re.IGNORECASE)
#: Words after such a figure that make it part of a real quantity: "a million more", "a hundred and twelve",
#: "a thousand of the 5,000", "a million dollars" (its unit).
#: ... or that compare it: "a million votes higher than Marco", "half a million fewer votes".
_ROUND_COMPARED = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:higher|lower|more|fewer|less|ahead|behind|above|below)\b",
                             re.IGNORECASE)
_FRACTION_BEFORE = re.compile(r"\b(?:half|quarter|third)\s+$", re.IGNORECASE)
#: A speaker's "I" in the figure's clause: "I ate and drank and dated a million guys".
_SPEAKER_I = re.compile(r"\bI(?:['’](?:ve|d|m))?\s+(?:[\w'’]+\s+){0,5}$")
#: A full stop right after an article or a possessive ends no sentence: it is the point of a decimal written
#: without its leading zero, set off from its digits ("pointed a. 357 caliber revolver", "his. 22 rifle").
_POINT_AFTER_ARTICLE = re.compile(r"(?:^|\s)(?:a|an|the|its|their|my|your|our)\.\s+$")
_ROUND_GOES_ON = re.compile(r"\s*(?:more\b|and\b|or\b|to\b|-|–|of\s+(?:the|these|those|them|its|their)\b)",
                            re.IGNORECASE)


def _is_noise(text: str, start: int, end: int, phrase: str) -> bool:
    before, after = text[max(0, start - 30):start], text[end:end + 20]
    if re.search(r"\bper\s+$", before):
        return True  # "seven per 100,000 people": the denominator of a rate, not a quantity of its own
    if phrase.lower() == "half" and re.search(r"\b(?:first|second|last|latter|other|the)\s+$", before, re.IGNORECASE):
        return True  # "the first half of the year": a part of a period, not a share
    if after[:1].isalnum() or (after[:1] in ("-", "–") and after[1:2].isalnum()) or LABEL_BEFORE.search(before):
        return True  # "3rd", "3-1", "ten-storey", "eleven-month-old", "page 5"
    if _is_identifier(text, start, end, phrase):
        return True
    if before.endswith("[") and after.startswith("]"):
        return True  # a citation mark "[3]"
    if _OF_THE_PAST.match(after) or _OF_THE_PAST_BEFORE.search(before):
        return True  # "six of the past seven (contests)": a record, not two quantities
    if _STREET.match(after):
        return True  # "200 American Blvd": an address
    if re.search(r"(?:^|\s)\.$", before) or _DECADE.match(after) or _POINT_AFTER_ARTICLE.search(before):
        return True  # a calibre or fraction (".357 Magnum", "a. 357 revolver"), a decade in words ("the nineteen fifties")
    if re.search(r"\b(?:was|is|aged)\s+$", before) and re.match(r"\s*(?:[,.;]|and\b|when\b)", after):
        return True  # "He was 101 and died"
    if phrase[:1].isupper() and re.search(r"[a-z][A-Z][a-z]+\s+$|\b[A-Z][a-z]+\s+$", before[-15:]) \
            and not re.search(r"[.!?\"“]\s*$", before):
        return True  # "World War Two"
    if _AGE_AFTER.match(after) or before.endswith(("-", "/", ":")) or re.match(r"\s*(?:UTC|GMT|local time|hrs)\b|:\d",
                                                                                after):
        return True  # ages, clock times ("1430 UTC", "15:30")
    if (before.endswith('"') and after.startswith('"')) or (
            re.search(r"[A-Za-z],\s*(?:(?:both|all|each|aged)\s+)?$", before) and after.startswith(",")):
        return True  # a quoted label ("19"), an age between commas ("Another brother, 22, was", "…Hakim, both 51, died")
    if phrase[:1].isupper() and phrase.isalpha() and re.match(r"\s+[A-Z][a-z]", after) \
            and re.search(r"\b[a-z][\w'’-]*\s+$", before):
        return True  # a number word capitalised mid-sentence is part of a name: "our One Home Depot investments"
    # "Stremusov, 45 Key spokesman": a name, a comma, then a small number is an age.
    if re.search(r"[A-Z][\w'-]+,\s*$", before) and phrase.isdigit() and 1 <= int(phrase) <= 120:
        return True
    return phrase.lower() in ("a", "an")


def _is_identifier(text: str, start: int, end: int, phrase: str) -> bool:
    """Whether a number names something instead of counting it: a code or label number ("HR 6819",
    "§ 1201", "ages 16 and 6"), or a service number used as a noun's modifier ("911 calls") (#17).

    >>> _is_identifier("officials began receiving 911 calls Tuesday", 26, 29, "911")
    True
    >>> _is_identifier("officials began receiving 200 calls Tuesday", 26, 29, "200")
    False
    """
    if not phrase.isdigit() or UNIT_RE.match(text, end) or text[end:end + 1] == "%":
        return False  # a measure ("age 65 and 80%") names nothing
    before = text[max(0, start - 40):start]
    if (code := _CODE_BEFORE.search(before)) and not _CAPS_WORD_BEFORE.search(before, 0, code.start()) \
            and not _is_big_place(code.group().strip()) and not _common_word(code.group().strip()):
        # (a capitalised line, "POLICE SAY 12 DEAD", is no code, nor a place, "the EU 27 members", nor a
        # word written in capitals, "on ballot in ALL 50 states")
        return True
    listed = _LISTED.search(before)
    if listed and LABEL_BEFORE.search(before[:listed.start()]):
        return True
    return bool(_SERVICE_NUMBER.fullmatch(phrase) and _SERVICE_NOUN.match(text, end))


#: A word at least this frequent in English (wordfreq Zipf; "all" 6.5, "top" 5.6) is no code ("HR" 4.2).
_COMMON_ZIPF = 5.0


def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return word.isalpha() and zipf_frequency(word.casefold(), "en") >= _COMMON_ZIPF


def _names_a_kind(item: dict[str, Any], token: Token, noun: Token) -> bool:
    """Whether a number in digits names the kind of a thing, not how many: right after "a" or a name and
    right before a singular noun ("a 911 supervisor", "a Porsche 911 racer", "a 12 gauge shotgun") (#17).

    A count above one takes a plural noun ("two 911 calls" aside, "12 supervisors"); a measure has its unit
    ("a 6.5 magnitude quake" is a decimal and stays).
    """
    if item["unit"] or not item["value_text"].isdigit() or item["value"] <= 1 or noun.tag_ != "NN" \
            or noun.i != token.i + 1 or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.lower_ in ("a", "an") or (before.pos_ == "PROPN" and before.text.rstrip(".") not in _CURRENCY_SHORT)


def figure_of_speech(text: str, start: int, end: int, value_text: str, *, bound: str, unit: str | None,
                     quotes: Sequence[Quote]) -> bool:
    """Whether a figure is a speaker's figure of speech, not a count: a power of ten with the indefinite
    article, with no bound, no unit and no comparison, in a speaker's words ("I dated a million guys",
    "I've told you a thousand times"): inside a direct quote, between quote marks of its paragraph, or
    after a speaker's "I" in its clause (#17).

    Reporters write a count in figures or hedge it ("about a million", "more than a thousand"); a
    speaker's bare "a million" is a way of saying "very many", and outlets quoting the same words
    would set it side by side as one figure. ``start`` and ``end`` are the claim's span, which
    holds its bound and currency sign when it has them.

    >>> from newsprism.model import Quote
    >>> text = '"I dated a million guys," she said.'
    >>> figure_of_speech(text, 9, 18, "a million", bound="exact", unit=None, quotes=[Quote(0, 25, text[:25], "direct")])
    True
    >>> text = "Police said a million people marched."
    >>> figure_of_speech(text, 12, 21, "a million", bound="exact", unit=None, quotes=[])
    False
    """
    if bound != "exact" or unit or not _INDEFINITE_ROUND.fullmatch(value_text) or _ROUND_GOES_ON.match(text, end) \
            or _ROUND_COMPARED.match(text, end) or _FRACTION_BEFORE.search(text, max(0, start - 12), start):
        return False
    if any(q.kind == "direct" and q.start <= start and end <= q.end for q in quotes):
        return True
    # the quote stage may miss a long quote; its marks still say whose words these are, and so does "I"
    paragraph = text.rfind("\n", 0, start) + 1
    if sum(text.count(mark, paragraph, start) for mark in ('"', "“", "”")) % 2:
        return True
    return bool(_SPEAKER_I.search(text, max(paragraph, start - 40), start))


def _phones(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 9
            and not re.fullmatch(r"[\d,.]+", m.group().replace(" ", ""))]


def _numbers(text: str, times: list[TimeRef], foreign: list[tuple[int, int]]) -> list[dict[str, Any]]:
    # Paragraphs in another language than the model's are left out: the parse of "6 bin 820" or
    # "numer telefonu 801 200 000" is no claim.
    blocked = ([(t.start, t.end) for t in times if t.kind in ("date", "time", "duration", "set")] + _phones(text)
               + foreign)
    found: list[dict[str, Any]] = []
    for match in NUMBER_RE.finditer(text):
        start, end = match.span()
        phrase = match.group()
        if any(start < b_end and end > b_start for b_start, b_end in blocked) or _is_noise(text, start, end, phrase):
            continue
        parsed = parse_number(phrase)
        if parsed is None:
            continue
        value, bound = parsed
        item: dict[str, Any] = {"start": start, "end": end, "value": value, "value_text": phrase, "bound": bound,
                                "value_max": None, "unit": None}
        found.append(item)
    return _merge_ranges(text, found)


#: Words right before a figure that make it by how much a quantity moved, not its level: "down five points",
#: "rose 3 percent", "fell by 12", "cut by half", "a drop of five points", "an increase of 200". "Rose to 12"
#: and "up from 5" give levels: only a change word right before the figure (its bound aside) counts.
_UP_WORDS = ("up|rose|risen|rises?|rising|increased|increases|climbed|climbs|jumped|jumps|grew|grown|grows|soared|"
             "surged|gained|gains|raised|boosted")
_DOWN_WORDS = ("down|fell|fallen|falls|falling|dropped|drops|declined|declines|decreased|decreases|slipped|slid|"
               "plunged|plummeted|sank|shrank|shrunk|dipped|cut|reduced|lowered|slashed|trimmed")
_UP_NOUNS = "rise|increase|jump|hike|surge|gain|growth|boost"
_DOWN_NOUNS = "drop|fall|decline|decrease|dip|cut|reduction|slump|plunge"
#: A verb that takes what it moved as its object ("raised $5 million", "cut 300 jobs", "gained 300 followers")
#: says a change only with "by".
_CHANGE_WITH_BY = frozenset({"raised", "boosted", "cut", "reduced", "lowered", "slashed", "trimmed", "gained", "gains"})
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})(?P<by>\s+by)?|(?:an?|the)\s+(?:[\w-]+\s+)?(?P<noun>{_UP_NOUNS}|{_DOWN_NOUNS})"
    rf"\s+of)\s+$", re.IGNORECASE)
_DOWN = re.compile(rf"(?:{_DOWN_WORDS}|{_DOWN_NOUNS})", re.IGNORECASE)


def _change(text: str, start: int, doc: Doc, token: Token | None) -> Literal["up", "down"] | None:
    """``"up"`` or ``"down"`` when the words right before a figure say it is by how much something moved."""
    found = _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return None
    word = found.group("verb") or found.group("noun")
    if found.group("verb") and word.lower() in _CHANGE_WITH_BY and not found.group("by"):
        return None  # "cut 300 jobs": what was cut, a tally
    cue = doc.char_span(found.start(), found.start() + len(found.group(0).split()[0]), alignment_mode="expand")
    if cue is not None and _particle(cue[0], token):
        return None  # "shot down 3 drones", "picked up 20 votes": a particle, no change
    if token is not None and cue is not None and cue[0].sent != token.sent:
        return None
    return "down" if _DOWN.fullmatch(word) else "up"


def _particle(cue: Token, token: Token | None) -> bool:
    """Whether "up" or "down" belongs to the verb before it, whose object the figure counts."""
    if cue.dep_ == "prt":
        return True
    if cue.lower_ not in ("up", "down") or cue.head.pos_ != "VERB" or token is None:
        return False
    counted = token.head if token.dep_ == "nummod" else token
    return counted.dep_ == "dobj" and counted.head == cue.head


#: Auxiliaries that put a figure in the future, or in the future of a past ("said 300 troops would leave").
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo"})
#: Verbs whose infinitive complement is not yet a fact: "expected to reach 300", "plans to cut 2,000 jobs".
_OUTLOOK_VERBS = frozenset({"expect", "forecast", "project", "predict", "plan", "aim", "intend", "hope", "set",
                            "go", "seek", "propose", "want", "target"})
#: Steps from the number up to the verb whose tense or mood is read.
_OUTLOOK_STEPS = 4


def _outlook(token: Token | None) -> Literal["expected"] | None:
    """``"expected"`` when the figure is what will or is expected to be, not what is or was: the verb it
    hangs from has a future auxiliary ("will have more than 4.7 million shares", "would leave") or is the
    infinitive of a verb of plans and forecasts ("expected to reach 300", "plans to cut 2,000 jobs")."""
    if token is None:
        return None
    verb = token
    for _ in range(_OUTLOOK_STEPS):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "amod":
            break
        if verb.head == verb or (verb.dep_ == "prep" and verb.lower_ == "from"):
            return None  # "would increase its stores to 450 from 360": where it starts is what is
        verb = verb.head
    else:
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in verb.children):
        return "expected"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _OUTLOOK_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "expected"
    return None


def _nominal_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)


def _shared_change(token: Token, noun: Token | None, moved: list[tuple[Token, str]]) -> Literal["up", "down"] | None:
    """The change a figure shares with an earlier one it is coordinated with: "down almost five points per
    game and just over two rebounds", "rose 5 percent and 3 percent"."""
    head = (noun if noun is not None else token)
    if head.dep_ != "conj":
        return None
    for earlier, direction in reversed(moved):
        if earlier.sent == token.sent and earlier.i < token.i and (
                head.head == earlier or head.head in earlier.ancestors):
            return "down" if direction == "down" else "up"
    return None


def _merge_ranges(text: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: list[dict[str, Any]] = []
    for item in found:
        prev = merged[-1] if merged else None
        gap = text[prev["end"]:item["start"]] if prev else ""
        head = text[max(0, prev["start"] - 12):prev["start"]] if prev else ""
        if prev and _RANGE.fullmatch(gap) and not re.search(r"\bfrom\s+$", head, re.I) and (
                gap.strip() != "and" or re.search(r"\bbetween\s+\S*\s*$", text[:prev["start"]], re.I)):
            # "from 14 to 31" is a change, not a range.
            prev.update(end=item["end"], value_max=item["value"], bound="range",
                        value_text=text[prev["start"]:item["end"]])
            continue
        merged.append(item)
    return merged


def _qualify(text: str, item: dict[str, Any]) -> None:
    before, after = text[max(0, item["start"] - 25):item["start"]], text[item["end"]:item["end"] + 30]
    sign = CURRENCY_SIGN_RE.search(before)
    if sign:
        item["unit"] = CURRENCY_SIGNS[sign.group(1)]
        item["start"] -= len(sign.group(0))
        before = text[max(0, item["start"] - 25):item["start"]]
    unit = UNIT_RE.match(after)
    if unit and not item["unit"]:
        item["unit"] = UNIT_WORDS[unit.group(1).lower()]
        item["end"] += unit.end()
    if item["bound"] != "range" and (bound := BOUND_RE.search(before)):
        item["bound"] = BOUNDS[bound.group(1).lower()]
        item["start"] -= len(bound.group(0))
    elif item["bound"] == "range" and (between := re.search(r"\bbetween\s+$", before, re.IGNORECASE)):
        item["start"] -= len(between.group(0))


def _number_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in ("dozens", "hundreds", "thousands",
                                                                               "millions", "billions", "dozen")]
    counting = [t for t in nums if t.dep_ == "nummod"]
    return (counting or nums or [span[-1]])[-1]


def _noun_phrase(noun: Token) -> str:
    left = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod") and t.i >= noun.i - 3
            and not t.like_num and t.lower_ not in DENOMINATORS]
    words = [t.text for t in sorted([*left, noun], key=lambda t: t.i)]
    return " ".join(words)


def _right_modifier(noun: Token) -> str:
    """A short phrase after the noun: "people [under the rubble]", "deaths [of children]"."""
    for child in noun.rights:
        if child.dep_ in ("prep", "acl") and child.i == noun.i + 1:
            words = list(child.subtree)
            if len(words) <= 5 and child.lower_ not in ("to", "for", "on", "at", "by", "after", "before", "since"):
                return " " + " ".join(t.text for t in words)
    return ""


def _measured(token: Token, start: int, end: int) -> tuple[str | None, str | None, Token | None]:
    """What a measure (an amount of money, a distance, a speed...) is of, and its verb.

    The quantity's top token, the one whose head lies outside it, says: "winds of
    180 mph" (the noun it is of), "raised $11,000 for Pet Patrol" (the verb and
    its purpose), "70 miles south of Los Angeles" (the adverb it measures), "the
    cost was $5 million" (the copula's subject).
    """
    top = token
    while top.head != top and start <= top.head.idx < end:
        top = top.head
    head = top.head
    if top.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head.head), None, head.head
    if top.dep_ == "npadvmod" and head.pos_ in ("ADJ", "ADV"):
        preps = [c for c in head.rights if c.dep_ == "prep"]
        if preps and len(list(preps[0].subtree)) <= 6:
            return f"{head.text} {' '.join(t.text for t in preps[0].subtree)}", None, None
        return None, None, None
    if head.pos_ in ("VERB", "AUX") and top.dep_ in ("dobj", "attr", "npadvmod"):
        if head.lemma_ == "be" and (subject := _nominal_subject(head)) is not None:
            return _noun_phrase(subject), head.text, subject
        purpose = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "in", "on") and c.i > top.i]
        tail = " " + " ".join(t.text for t in purpose[0].subtree) if purpose and len(list(purpose[0].subtree)) <= 6 else ""
        return head.text + tail, head.text, head  # "cost $5 million": the verb says what the sum is
    return None, None, None


def _of_object(token: Token) -> Token | None:
    """The noun after "of" that hangs on ``token`` ("dozens [of] people", "40 km [of] desert")."""
    return next((g for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _counted(token: Token) -> tuple[str | None, str | None, Token | None]:
    """What the number counts, the verb it goes with, and the counted noun."""
    noun = token.head if token.dep_ in ("nummod", "quantmod") and token.head.pos_ in ("NOUN", "PROPN") else None
    if noun is None:
        noun = _of_object(token)
    anchor = noun or token
    verb = anchor.head if anchor.head.pos_ in ("VERB", "AUX") and anchor.head != anchor else None
    if verb is None and anchor.dep_ == "pobj" and anchor.head.lower_ == "for" and anchor.head.head.pos_ == "VERB":
        verb = anchor.head.head  # "rushed for 63 yards", "sold for $5 million": the verb the figure is for (#17)
    if noun is None:
        return None, verb.text if verb is not None else None, None
    if noun.lower_ in DENOMINATORS:
        # "two-thirds of the votes", "a two-thirds majority": the fraction is of something else.
        whole = _of_object(noun)
        if whole is not None:
            noun = whole
        elif noun.dep_ in ("compound", "amod", "nmod", "nummod") and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        else:
            return None, verb.text if verb is not None else None, None
    if noun.lower_ in UNIT_WORDS:
        # "40 km of desert": the unit is not what is counted; what follows "of" is.
        measured = _of_object(noun)
        return (_noun_phrase(measured) if measured is not None else None), verb.text if verb is not None else None, \
            measured
    right = _right_modifier(noun)
    counted = _noun_phrase(noun) + right
    acl = [c for c in noun.rights if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]
    if acl and right.split()[:1] == [acl[0].text]:
        return counted, acl[0].text, noun  # "citizens [evacuated from the area]": the participle is already there
    if acl:
        return " ".join([counted, _with_conjuncts(acl[0])]), acl[0].text, noun
    if verb is not None and noun.dep_ in ("nsubj", "nsubjpass"):
        if verb.lemma_ in ("be", "have"):
            # "68 people were missing": the complement says what is counted, not the copula.
            comp = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > noun.i]
            return (f"{counted} {comp[0].text}" if comp else counted), verb.text, noun
        return f"{counted} {_with_conjuncts(verb)}", verb.text, noun
    return counted, verb.text if verb is not None else None, noun


def _what(noun: Token | None) -> str | None:
    """What a claim is of, normalised: the counted noun's lemma after its qualifiers.

    "115,000 residents" -> ``resident``; "12 Palestinian civilians" -> ``palestinian civilian``;
    "raised $11,000" -> ``raise``: the key that sets figures side by side across articles.
    """
    if noun is not None and noun.pos_ == "VERB" and noun.is_alpha:
        return noun.lemma_.lower()  # a sum raised, paid or lost
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or not noun.text.isalpha() or len(noun.text) < 3 \
            or noun.lower_ in UNIT_WORDS:
        return None
    qualifiers = [t.lemma_.lower() for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i >= noun.i - 3
                  and t.is_alpha and not t.like_num and t.lower_ not in DENOMINATORS and t.lower_ not in UNIT_WORDS
                  and t.pos_ in ("ADJ", "NOUN", "PROPN")]
    if (people := _nationality(noun, qualifiers)) is not None:
        return people
    return " ".join([*qualifiers, noun.lemma_.lower(), *_rate(noun)])


#: Prepositions whose bare object qualifies the unit a figure is counted in: a rate ("21 points per game"). Not
#: "from" ("102 yards from scrimmage"): as often it is the verb's, "spare 5 million immigrants from deportation".
_UNIT_PREPOSITIONS = frozenset({"per"})


def _rate(noun: Token) -> list[str]:
    """The words right after the counted noun that make it a rate, another quantity than the noun alone: "per"
    and one bare common word ("points per game", "cents per gallon"); ``[]`` otherwise (#17).

    A points-per-game figure is no total of points.
    """
    prep = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if prep is None or prep.head != noun or prep.dep_ != "prep" or prep.lower_ not in _UNIT_PREPOSITIONS:
        return []
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    # (a coordination the parse hangs on the object, "per game and a touchdown", qualifies nothing)
    if len(objects) != 1 or (word := objects[0]).i != prep.i + 1 or word.ent_type_ in ("GPE", "LOC", "FAC") \
            or any(c.dep_ not in ("cc", "conj", "punct") for c in word.children) \
            or not word.is_lower or not word.is_alpha or word.tag_ not in ("NN", "NNP"):
        return []
    return [prep.lower_, word.lemma_.lower()]


#: Nouns that say no more than "people of a country" after a nationality: "12 Somali nationals" are "12 Somali".
_NATIONALS = frozenset({"national", "citizen", "native"})


def _nationality(noun: Token, qualifiers: list[str]) -> str | None:
    """The key of a nationality's people: its demonym in the singular, whether it stands alone ("12 Somali",
    "11 Yemenis") or before a noun saying only that they are its people ("12 Somali nationals") (#17).

    Other nouns keep their own key ("12 Somali pirates" are pirates), as does "people": a count of people
    is read by the event it is of.
    """
    from .gazetteer import is_demonym

    lemma = noun.lemma_.lower()
    if lemma in _NATIONALS and len(qualifiers) == 1:
        word = next((t.text for t in noun.lefts if t.lemma_.lower() == qualifiers[0]), "")
    elif not qualifiers and noun.text[:1].isupper():
        word = noun.text
    else:
        return None
    for form in (word[:-1] if word.endswith("s") else None, word):  # "Somalis" counts Somali
        if form and is_demonym(form):
            return form.lower()
    return None


def _with_conjuncts(verb: Token) -> str:
    """ "killed or wounded": the verb and a coordinated participle right after it."""
    doc = verb.doc
    if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ in ("or", "and") and doc[verb.i + 2].tag_ in ("VBN", "VBD"):
        return f"{verb.text} {doc[verb.i + 1].text} {doc[verb.i + 2].text}"
    return verb.text


#: Penn tags of relative and interrogative pronouns ("which", "who", "whom", "that" as a relative).
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _claimant(article: Article, number: Token, mentions: list[Mention]) -> tuple[str | None, str | None]:
    for quote in article.quotes:
        if quote.start <= number.idx < quote.end and (quote.speaker or quote.speaker_text):
            return quote.speaker, quote.speaker_text
    for token in number.sent:
        if token.lemma_.lower() not in REPORTING_LEMMAS and token.lower_ != "according":
            continue
        if token.lower_ == "according":
            subjects = [g for c in token.rights for g in c.children if c.dep_ == "prep" and g.dep_ == "pobj"]
        else:
            # A passive's subject is what is reported, not who reports it ("Violence was also reported in
            # Thessaloniki, where 20,000 people joined"): its agent is ("was reported by the police") (#17).
            subjects = [c for c in token.children if c.dep_ == "nsubj"] or [
                g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        # The number must not sit inside the subject itself ("The journalist, who has 680,000 followers, said"),
        # and a verb whose clause does not hold the number speaks of something else ("520 have said they back
        # Clinton, 39 have said they back Sanders": the second "said" is not the source of the 520).
        if subjects and not subjects[0].left_edge.i <= number.i <= subjects[0].right_edge.i \
                and not subjects[0].like_num \
                and (token.lower_ == "according" or token.left_edge.i <= number.i <= token.right_edge.i):
            return _resolve_subject(subjects[0], mentions)
    return None, None


def _resolve_subject(subject: Token, mentions: list[Mention]) -> tuple[str | None, str | None]:
    if subject.tag_ in _RELATIVE_TAGS:
        # "the study -- which notes that 58 companies would owe $212 billion": the relative pronoun stands for
        # the noun its clause describes, never for a holder of its own (#17)
        clause = subject.head
        return _resolve_subject(clause.head, mentions) if clause.dep_ == "relcl" and clause.head is not clause \
            else (None, None)
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    for mention in mentions:
        if mention.start < end and mention.end > start and mention.label in ("PERSON", "ORG", "GPE", "NORP"):
            modifier = subject.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if mention.label in ("GPE", "NORP") and modifier is not None and only_says_whose(subject, modifier.root):
                # "US officials said": the officials are the source, not the country (#17)
                head = subject.doc[subject.left_edge.i:subject.i + 1]
                return None, re.sub(r"^(?:the|a|an)\s+", "", head.text, flags=re.IGNORECASE)
            return mention.entity, mention.text
    if subject.pos_ == "PRON" and subject.lower_ in ("he", "she", "they") and (person := _antecedent(subject, mentions)):
        return person.entity, person.text
    return None, subject.text if subject.pos_ != "PRON" else None


def _antecedent(pronoun: Token, mentions: list[Mention]) -> Mention | None:
    """The person "he" or "his" stands for: the one person named last before ``pronoun``, or, when the
    sentence that names them names two or more, the one that is its subject (#17).

    "In Bush's absence, running back Pierre Thomas has established himself. He has 189 rushing
    yards": Thomas, not Bush; "Thomas ran behind Reggie Bush. He caught two passes": Thomas, not
    the person named last. With two named and neither or both the subject, nobody: a figure of one
    of two people must not go under the other's name.
    """
    people = [m for m in mentions if m.end <= pronoun.idx and m.label == "PERSON" and not _is_big_place(m.text)]
    if not people:
        return None
    doc = pronoun.doc
    last = doc.char_span(people[-1].start, people[-1].end, alignment_mode="expand")
    if last is None:
        return people[-1]
    sent = last.sent
    named = [m for m in people if m.start >= sent.start_char]
    if len({m.entity or m.text for m in named}) < 2:
        return people[-1]
    subjects = []
    for mention in named:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root if span is not None else None
        while root is not None and root.dep_ == "conj" and root.head is not root:
            root = root.head  # "Reggie Bush and Pierre Thomas shared the load": both are subjects
        if root is not None and root.dep_ in ("nsubj", "nsubjpass"):
            subjects.append(mention)
    return subjects[-1] if len({m.entity or m.text for m in subjects}) == 1 else None


def _about(token: Token, noun: Token | None, mentions: list[Mention]) -> str | None:
    """The named thing a figure belongs to: "[Biden] won 1,357 delegates", "[Sanders]'s 25.7%",
    "25.7% for [Sanders]", "[Thomas] ran for 120 yards" (the entity id of its mention, or ``None``).

    Two figures of one quantity for two owners (two candidates' delegates) are two quantities.
    """
    anchor = noun or token
    owners = [c for c in anchor.children if c.dep_ == "poss"]
    owners += [g for c in (*anchor.rights, *token.rights) if c.dep_ == "prep" and c.lower_ == "for"
               for g in c.children if g.dep_ == "pobj"]
    climb = ("dobj", "attr", "pobj", "prep", "npadvmod")
    verb, step = anchor, 0
    while verb.dep_ in climb and verb.head is not verb and step < 4:
        verb, step = verb.head, step + 1  # "Thomas ran [for] 120 yards", "Bush caught passes for 85 yards"
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in climb:
            break
    if verb is not anchor and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in REPORTING_LEMMAS:
        owners += [c for c in verb.children if c.dep_ == "nsubj"]
    for owner in owners:
        for mention in mentions:
            if mention.start <= owner.idx < mention.end and mention.label in ("PERSON", "ORG", "GPE", "NORP"):
                return mention.entity
        if owner.lower_ in _PERSONAL and (person := _antecedent(owner, mentions)):
            return person.entity  # "He rushed for 150 yards", "his 716 yards": whose figure it is, not nobody's
    return None


#: A name the gazetteer knows as a place of this many people (or a curated one) is no person.
_BIG_PLACE_POPULATION = 100_000


def _is_big_place(text: str) -> bool:
    """The small model tags some cities as people ("Kherson"); they are no antecedent for "he"."""
    from .gazetteer import gazetteer

    return any(e.curated or e.population >= _BIG_PLACE_POPULATION for e in gazetteer().lookup(text))


#: Words before a date that make it a term of the thing counted, not the time of the figure: "$125 million of
#: debentures due Oct. 15, 1999", "notes maturing in 2030", "a lease expiring June 1".
_TERM_BEFORE = re.compile(r"\b(?:due|maturing|matures|expiring|expires)\s+(?:in\s+|on\s+)?$", re.IGNORECASE)


#: "times" after a figure that makes it a multiplier: "five times the legal limit", "three times its normal level",
#: "10 times higher than", "twelve times as many"; not occasions ("stabbed 12 times in the chest", "four times
#: this month", "three times over the weekend").
_MULTIPLIER = re.compile(r"\s+times\s+(?=(?:the|its|their|his|her|our|your|what|as|more|less|fewer|that\s+of)\b|"
                         r"[a-z]+er\s+than\b)", re.IGNORECASE)


def _multiplier(text: str, item: dict[str, Any]) -> bool:
    """Whether a figure with no unit multiplies what follows it ("more than five times the legal limit"): a ratio,
    whose unit becomes ``times``; its span takes the word in (#17).

    >>> item = {"start": 10, "end": 14, "unit": None}
    >>> _multiplier("more than five times the legal limit", item), item["unit"], item["end"]
    (True, 'times', 20)
    >>> _multiplier("stabbed 12 times in the chest", {"start": 8, "end": 10, "unit": None})
    False
    """
    found = None if item["unit"] else _MULTIPLIER.match(text, item["end"])
    if found is None:
        return False
    item["unit"], item["end"] = "times", found.end() - (len(found.group()) - len(found.group().rstrip()))
    return True


#: A preposition of time right before a bare whole number: "before 9", "until 11", "since 7".
_TIME_PREPOSITION = re.compile(r"\b(?:before|after|until|till|since)\s+$", re.IGNORECASE)
_HOURS = 24


def _clock_hour(text: str, item: dict[str, Any]) -> bool:
    """Whether a bare figure with no unit is an hour of the day: a whole number up to 24 right after a
    preposition of time ("began before 9.", "open until 11")."""
    return (not item["unit"] and item["bound"] == "exact" and item["value_text"].isdigit()
            and 0 < item["value"] <= _HOURS
            and _TIME_PREPOSITION.search(text, max(0, item["start"] - 10), item["start"]) is not None)


def _as_of(times: list[TimeRef], sent: Span, offset: int, published: str | None, text: str) -> str | None:
    near = [ref for ref in times if sent.start_char <= ref.start < sent.end_char and ref.resolved
            and ref.kind == "date" and ref.value and ref.value[:1].isdigit()
            and not _TERM_BEFORE.search(text, max(0, ref.start - 20), ref.start)]
    if near:
        return min(near, key=lambda ref: abs(ref.start - offset)).value
    moment = parse_published(published)
    return moment.date().isoformat() if moment else None


def find_claims(article: Article, doc: Doc) -> list[Claim]:
    """Numeric claims in ``article``, using its spaCy parse ``doc``."""
    text = article.text
    # The dates stage runs first by default: its times are reused rather than found a second time.
    times = list(article.times) if "extract.dates" in article.stages else find_times(text, published=article.published)
    mentions = sorted(article.mentions or [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents],
                      key=lambda m: m.start)
    claims = []
    moved: list[tuple[Token, str]] = []  # the figures read as changes so far, for the ones coordinated with them
    for item in _numbers(text, times, foreign_ranges(article.paragraphs, article.lang)):
        _qualify(text, item)
        token = _number_token(doc, item["start"], item["end"])
        if token is not None and token.ent_type_ in _NAME_TYPES:
            continue  # a number inside a name: "Six Flags", "the Bell 206", "coronavirus 2"
        if item["value_text"].lower() == "one" and (token is None or token.dep_ != "nummod"):
            continue  # "one of them", "no one": a pronoun, not a count
        counted, verb, noun = _counted(token) if token is not None else (None, None, None)
        if token is not None and noun is not None and noun.pos_ == "PROPN" and noun.i < token.i \
                and noun.dep_ != "compound":
            continue  # a label after a name, not a count: "CentOS 8", "Windows 10", "Bell 206"
        if token is not None and noun is not None and noun.i == token.i - 1 and noun.text.istitle() \
                and not item["unit"] and noun.text.rstrip(".") not in _CURRENCY_SHORT:
            continue  # a capitalised word right before its number is a name with a number: "Destiny 2" (#17)
        if token is not None and noun is not None and _names_a_kind(item, token, noun):
            continue
        if figure_of_speech(text, item["start"], item["end"], item["value_text"], bound=item["bound"],
                            unit=item["unit"], quotes=article.quotes):
            continue
        if token is not None and noun is not None and "\n" in text[min(token.idx, noun.idx):max(token.idx, noun.idx)]:
            # A headline has no full stop, so the parse runs it into the first sentence: in "... death toll
            # rises to 10\nThe sixth aftershock shook ..." the 10 is no count of aftershocks (#17).
            counted, verb, noun = None, None, None
        if _multiplier(text, item):
            # "five times the legal limit": a ratio to the noun, no count of it; "10 times higher": a ratio of
            # nothing the words name (#17)
            if noun is not None and noun.lower_ in ("time", "times"):
                counted, noun = None, None
        elif token is not None and item["unit"] and (not counted or counted.lower() in UNIT_WORDS):
            counted, measure_verb, noun = _measured(token, item["start"], item["end"])
            verb = verb or measure_verb
        if counted is None and _clock_hour(text, item):
            continue  # "the blaze began before 9.": an hour the dates stage did not take, not a figure (#17)
        change = _change(text, item["start"], doc, token)
        if change is None and token is not None:
            change = _shared_change(token, noun, moved)
        if change is not None and token is not None:
            moved.append((token, change))
            mover = noun if noun is not None and noun.pos_ == "VERB" else None
            if noun is None:
                mover = next((a for a in token.ancestors if a.pos_ == "VERB"), None)  # "Sales rose by 12 percent"
            if mover is not None and (subject := _nominal_subject(mover)) is not None:
                # "Revenue rose 15%": what moved is the verb's subject, not the verb
                counted, verb, noun = _noun_phrase(subject), mover.text, subject
        sent = token.sent if token is not None else doc[:]
        claimant, claimant_text = _claimant(article, token, mentions) if token is not None else (None, None)
        claims.append(Claim(
            start=item["start"], end=item["end"], text=text[item["start"]:item["end"]], value=item["value"],
            value_text=item["value_text"], bound=item["bound"], value_max=item["value_max"], unit=item["unit"],
            counted=counted, what=_what(noun), about=_about(token, noun, mentions) if token is not None else None,
            verb=verb, claimant=claimant, claimant_text=claimant_text,
            as_of=_as_of(times, sent, item["start"], article.published, text), confidence=0.9 if counted else 0.5, stage=STAGE,
            change=change, outlook=_outlook(token)))
    return claims


class ClaimsStage(ParsedStage):
    """Numeric claims over a batch, with one shared parse per article."""

    name = STAGE
    requires = ("text", "mentions", "entities", "quotes")
    assigns = ("claims",)

    def extract(self, article: Article, doc: Doc) -> Article:
        """Claims of one article."""
        return article.replace(claims=tuple(find_claims(article, doc)))


def make_stage(settings: Settings, *, parses: ParseCache | None = None) -> ClaimsStage:
    """The ``extract.claims`` stage; ``parses`` is the pipeline's parse cache."""
    return ClaimsStage(settings, parses=parses)
