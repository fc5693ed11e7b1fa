"""Claims side by side: within a story, the figures every source gives for one measured quantity.

A claim group is one quantity in one story:

1. the same dimension: a count, a sum of money in one currency, a percentage,
   a length, a speed... (:func:`dimension_of`); money, percentages and counts
   never share a group;
2. the same thing measured (:func:`quantity_of`): for counts of people, the
   event they are counted in ("evacuated", "dead"), read from the claim's own
   counted phrase and verb, or from the words right after the figure (a bare
   figure in a breakdown, from its sentence before it); else the
   counted or measured noun with its qualifiers (``Claim.what``); a change
   ("down five points", ``Claim.change``) is another quantity than the level it
   moves, a rise another than a fall, and a forecast (``Claim.outlook``: "will
   have 4.7 million shares") another than what is; a part of a larger number ("30 of the
   80 wounded") or more beyond it ("another 20,000 people marched") is set
   beside nothing; a figure whose
   subject is unknown, or a small count of a common noun ("5 companies"), is
   set beside nothing;
3. a compatible time: figures dated long before the story (a historical
   total quoted in a report) form a group of their own year, and a figure of
   no known time (an undated article) is set beside dated figures of
   nothing, and beside figures as undated as itself only when another source
   gives the same figure;

4. the same places: a figure given for a part ("57,000 in Romania") is
   another quantity than the total;
5. the same owner: when the text names whose figure it is ("Biden won 1,357
   delegates"), two owners make two quantities, and a figure that names no
   owner beside them is set beside nothing;
6. the same part of the people counted: "two women" among "three dead" is
   another quantity than the dead;
7. for a quantity that is no tally of an event (an offer, earnings, a share
   that fell), the same holder: another source must give the same figure, or
   name in the figure's sentence a person or organisation the other names,
   and a different figure whose sentence ties it to another day is another
   event's (a game's yards a week before);
8. for a quantity that is no tally of one event, the same reach: a total over
   several events ("923 rounds in their five operations so far") is another
   quantity than one event's figure;
9. for a share (a percentage), the same holder and the same sub-group: in "X
   leads Y among likely voters, 46 percent to 44 percent" the first figure is
   X's, the second Y's, both among likely voters (:func:`share_holder`).

Copies of an article (duplicates) are no second source and are left out, as
are quantities that only one article mentions: there is nothing to set side by
side. The figures of a group are then compared (:func:`verdict`): ``agree``,
``rounding``, ``bounds`` (different figures a bound makes consistent: "more than
26,000" and "more than 31,000"), ``revision`` (later figures, by the as-of
dates), ``rising`` (later, higher figures of a tally that only grows), ``lower`` (a
tally lower than an earlier one), ``scope`` (one source's two figures),
``undated`` or ``disagreement`` (different values from different sources at the
same time); only a disagreement is flagged to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import Article, Claim, Place
from ..sentences import sentence_span
from .features import day_of, fold_name, idf, site_of
from .resources import EVENT_QUANTITIES, PEOPLE_NOUNS, SUBGROUP_NOUNS, UNIT_DIMENSIONS

#: Characters read around a figure for the event it counts: about the rest of its clause.
_WINDOW = 60
#: A count followed by "of the ..." is a part of a larger number: "30 of the 80 wounded remained in
#: hospital", "six of the dead were children". Which part its words do not say in the key, so it is set
#: beside nothing, never beside the whole.
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the|these|those|them|its|their|all)\b", re.IGNORECASE)
#: Where a figure's clause ends when reading the places it is given for: a sentence or clause
#: mark, or the next figure.
_SCOPE_END = re.compile(r"[.;!?\n]|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
                        r"thousands?)\b", re.IGNORECASE)
#: A sentence that opens with where it happens gives the place to every figure in it: "In Ukraine, ...".
_FRONTED = re.compile(r"\s*(?:In|At|Across|Near|Inside|Outside)\s[^,.;]{1,60},")
_SPEAKER_AFTER = re.compile(r"\s+(?:officials?|authorities|government|ministry|minister|police|army|military|media|"
                            r"sources|spokes(?:man|woman|person)|president|state|agency|emergency)\b", re.IGNORECASE)
_SCOPE_START = re.compile(_SCOPE_END.pattern + r"|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
#: A figure's clause that opens with "where" right after a comma.
_WHERE = re.compile(r"where\b", re.IGNORECASE)
#: Words right before a count that make it more of something beyond the figures given before ("another
#: 20,000 people marched", "a further 12 were arrested"): a part, never the whole.
_MORE = re.compile(r"\b(?:another|a further|an additional|an extra)\s+$", re.IGNORECASE)
#: Before a figure that is the whole a part is of: "two of the three victims died" (the dead are two) (#17).
_WHOLE_OF = re.compile(r"\w\s+(?:out\s+)?of\s+(?:the|these|those|its|their|all)\s+$", re.IGNORECASE)
#: Stops the words read after a figure: the next figure or the end of its clause.
_CLAUSE_END = re.compile(r"[.;:!?]|,\s|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
                         r"thousands?|and|while|but|whereas)\b", re.IGNORECASE)
#: A share given as one of a pair: "46 percent to 44 percent", "66-27".
_PAIR_NEXT = re.compile(r"\s*(?:percent|per cent|%)?\s*(?:to|-|–|versus|vs\.?)\s*\d")
_PAIR_BEFORE = re.compile(r"\d\s*(?:percent|per cent|%)?\s*(?:to|-|–|versus|vs\.?)\s*$")
#: Where a share's clause ends: "Sanders leads 66 to 27 among the young — while Clinton leads 59 to 28".
_CLAUSE_MARK = re.compile(r"\.\s|\n|;\s|\s[—–]\s|\s-\s|\b(?:while|whereas|but)\b")
#: The sub-group a share is given for: "among likely voters", "among voters under age 45".
_AMONG = re.compile(r"\bamong\s+((?:[\w'’]+\s+){0,6}?[\w'’]+)(?=\s*(?:[,.;:()]|[—–-]\s|$|(?:who|while|but)\s))",
                    re.IGNORECASE)
#: Abbreviations whose full stop ends no clause: "Mrs. Clinton leading Mr. Sanders".
_NO_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Gov|Rep|Gen|Lt|Col|Jr|Sr|Prof|Rev|No|vs)|\b[A-Z])$")
#: Words that give a figure as a total over several events or a whole period.
_TOTAL = re.compile(r"\b(?:so far|to date|in total|a total of|all told|altogether|in all|cumulative(?:ly)?|"
                    r"(?:in|during|over) (?:the|their|its|his|her) (?:\w+ )?(?:operations|missions|raids|seasons|"
                    r"years|games|matches))\b", re.IGNORECASE)
#: A rate right before the noun a figure is the base of: "the [15%] tariffs on $125 billion", "a [10 percent]
#: levy on $300bn of goods".
_RATE_BEFORE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)(?:-|\s)+(?:[A-Za-z][\w'’-]*\s+){0,2}"
                          r"[A-Za-z][\w'’-]*\s+(?:on|of|for)\s+$", re.IGNORECASE)
#: What sets a figure against another in its sentence: "24 million viewers ..., compared with fewer than 8 million".
_COMPARED = re.compile(r"\b(?:compared (?:with|to)|as against|against|versus|vs\.?|as opposed to)\s+"
                       r"(?:(?:about|around|nearly|almost|only|just|some|fewer|less|more|than|over|under)\s+){0,2}$",
                       re.IGNORECASE)
#: Place types that are a whole country: "Greece", and "Greek" read as Greece.
_COUNTRY_TYPES = frozenset({"country", "demonym"})
#: Who may hold a figure that is no tally of an event: "the Red Sox offered", "Aetna's earnings".
_HOLDER_LABELS = frozenset({"PERSON", "ORG"})
#: Figures dated this long before the story's first day are another time ("the 1918 flu killed 50 million").
_OTHER_ERA_DAYS = 366
#: Two figures within this share of each other, one of them round or approximate, are one figure rounded.
_ROUNDING = 0.05
#: Tallies that only grow: a later figure lower than an earlier one is no revision.
_CUMULATIVE = frozenset(quantity for quantity, _ in EVENT_QUANTITIES)
#: Verbs that say nothing of what a figure measures ("there were 12", "including 4").
_EMPTY_VERBS = frozenset(
    "be is are was were been being have has had having get gets got getting say says said saying include "
    "includes included including make makes made take takes took see saw seen do does did".split())
#: Figures of one quantity from two sources are within this factor of each other ...
_SAME_SIZE = 3.0
#: ... or, for a tally that grows between reports, within this one.
_GROWTH = 10.0
#: A noun at least this frequent in English (Zipf 4.5: "company", "ship", "home") is a common one.
_COMMON_IDF = 10.4
#: ... and small counts of it ("5 companies", "2 sides") are no quantity a story is about.
_SMALL = 100


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One row of ``claim_groups``."""

    story_id: str
    quantity: str
    article_id: str
    claim_index: int
    value: float
    bound: str
    counted: str | None
    claimant_name: str | None
    as_of: str | None
    site: str | None
    unit: str = ""
    verdict: str = "agree"
    note: str = ""

    @property
    def base_value(self) -> float:
        """The value in its dimension's base unit (miles and kilometres compare)."""
        return self.value * dimension_of(self.unit or None)[1]


def dimension_of(unit: str | None) -> tuple[str, float]:
    """The dimension a unit measures and its factor to the dimension's base unit.

    >>> dimension_of("km"), dimension_of(None), dimension_of("EUR")
    (('length', 1000.0), ('count', 1.0), ('EUR', 1.0))
    """
    if not unit:
        return "count", 1.0
    if unit in UNIT_DIMENSIONS:
        return UNIT_DIMENSIONS[unit]
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        return unit, 1.0  # a currency: amounts in two currencies are never compared
    return unit, 1.0


def _event(words: str) -> str | None:
    low = words.casefold()
    best: tuple[int, str] | None = None
    for quantity, cues in EVENT_QUANTITIES:
        for cue in cues:
            if (at := low.find(cue)) != -1 and (best is None or at < best[0]):
                best = (at, quantity)
    return best[1] if best else None


def _last_event(words: str) -> str | None:
    low = words.casefold()
    found = [(low.rfind(cue), quantity) for quantity, cues in EVENT_QUANTITIES for cue in cues if cue in low]
    return max(found)[1] if found else None


def _people(what: str | None) -> bool:
    return what is None or what.split()[-1] in PEOPLE_NOUNS


def quantity_of(claim: Claim, text: str) -> str | None:
    """The quantity a claim is about, or ``None`` when nothing says what it measures.

    A change ("down five points", "rose 3 percent") is another quantity than the level it moves, and a
    rise another than a fall: ``point (fall)``.

    >>> from newsprism.model import Claim
    >>> quantity_of(Claim(0, 6, "42,000", 42000.0, "42,000", counted="people", verb="evacuated", what="people"), "")
    'evacuated'
    >>> quantity_of(Claim(0, 3, "$5m", 5e6, "$5m", unit="USD", counted="cost", what="cost"), "")
    'cost'
    >>> quantity_of(Claim(0, 2, "34%", 34.0, "34%", unit="%", verb="were"), "") is None
    True
    >>> quantity_of(Claim(0, 4, "five", 5.0, "five", counted="points", what="point", change="down"), "")
    'point (fall)'
    >>> quantity_of(Claim(0, 3, "4.7 million", 4.7e6, "4.7 million", counted="shares", what="share",
    ...                   outlook="expected"), "")
    'share (expected)'
    """
    quantity = _level_quantity(claim, text)
    if quantity is not None and claim.change is not None:
        quantity = f"{quantity} ({'rise' if claim.change == 'up' else 'fall'})"
    if quantity is not None and claim.outlook is not None:
        quantity = f"{quantity} (expected)"  # what will be is set beside forecasts, not beside what is (#17)
    return quantity


def _level_quantity(claim: Claim, text: str) -> str | None:
    dimension, _ = dimension_of(claim.unit)
    if dimension == "count" and claim.value >= 1 and (
            _PART_OF.match(text, claim.end) or _MORE.search(text, max(0, claim.start - 20), claim.start)):
        return None  # a part of a larger number, or more beyond the figures given before (#17)
    if dimension == "count" and _people(claim.what):
        own = " ".join(x for x in (claim.counted, claim.verb) if x)
        if _WHOLE_OF.search(text, max(0, claim.start - 30), claim.start):
            # the people a part is of ("two of the three victims died"): the verb after them is the part's;
            # only their own noun says what they are counted in ("30 of the 80 wounded") (#17)
            noun = claim.counted if claim.counted is not None else " ".join(text[claim.end:].split()[:1])
            return _event(noun)
        after = text[claim.end:claim.end + _WINDOW]
        after = after[:m.start()] if (m := _CLAUSE_END.search(after, 1)) else after
        # A bare figure's own words come first: in "18 people had been injured and 12 arrested" the parse
        # gives 12 the verb of the clause it is joined to, but "arrested" follows it (#17).
        events = (_event(after), _event(own)) if claim.counted is None else (_event(own), _event(after))
        if found := events[0] or events[1]:
            part = claim.what.split()[-1] if claim.what else ""
            return f"{found} ({part})" if part in SUBGROUP_NOUNS else found  # "two women" of "three dead"
        if not own:
            # A bare figure in a breakdown takes the event of its sentence: "the number killed rose to
            # nine, seven in Romania".
            sentence = text[max(text.rfind(".", 0, claim.start) + 1, claim.start - _WINDOW, 0):claim.start]
            return _last_event(sentence)
        return None  # people counted in no event named: nothing says which figures are one
    if claim.what and claim.change is None and (verb := _verb_base(claim.verb)) and not claim.what.startswith(verb):
        return f"{claim.what} ({verb})"  # delegates won, delegates needed: two quantities
    return claim.what


def _verb_base(verb: str | None) -> str | None:
    """A content verb's base form ("needed" -> "need", "averaged" -> "average", "running" -> "run"); ``None`` for
    a verb that says nothing of the figure. Its ending cut, the commonest word of the rest, the rest with an "e"
    or without a doubled last letter is it: the groups' names are read ("point per game (averag)" before).

    >>> [_verb_base(v) for v in ("needed", "averaged", "running", "refused", "raises", "falling", "were")]
    ['need', 'average', 'run', 'refuse', 'raise', 'fall', None]
    """
    if not verb or not verb.isalpha():
        return None
    word = verb.casefold()
    if word in _EMPTY_VERBS:
        return None
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            doubled = [stem[:-1]] if stem[-1] == stem[-2] and stem[-1] not in "aeiou" else []
            return min([stem, stem + "e", *doubled], key=idf)
    return word


def _label(quantity: str, unit: str | None) -> str:
    """A group's name, unique per dimension: ``evacuated``, ``cost (USD)``, ``distance (length)``."""
    dimension, _ = dimension_of(unit)
    return quantity if dimension == "count" else f"{quantity} ({dimension})"


def _scope(claim: Claim, article: Article) -> str:
    """The places a figure is given for, read in its clause: "57,000 [in Romania] and 23,000 [in Ukraine]".

    A figure for a part (one country, one county) is another quantity than the total.
    """
    names = sorted({_scope_name(p) for p in _scope_places(claim, article)})
    return f" in {' and '.join(names)}" if names else ""


def _scope_places(claim: Claim, article: Article) -> list[Place]:
    """The places of :func:`_scope`: the finest ones, a country left out where a place in it is named."""
    text = article.text
    sentence = max(text.rfind(mark, 0, claim.start) for mark in (". ", "\n")) + 1
    start = max(text.rfind(mark, 0, claim.start) for mark in (". ", "; ", ", ", "\n")) + 1
    fronted = _FRONTED.match(text, sentence)
    lead = (sentence, sentence + len(fronted.group())) if fronted and fronted.end() <= claim.start else (0, 0)
    for stop in _SCOPE_START.finditer(text, start, claim.start):
        start = stop.end()  # "57,000 in Romania and [80,000]": the places of the figure before are its own
    # "in the northern city of Thessaloniki, where another 20,000 people marched": the place "where" stands
    # for ends right before its comma.
    comma = start - 1 if text.startswith(", ", start - 1) and _WHERE.match(text, start + 1) else -1
    tail = _SCOPE_END.search(text, claim.end)
    end = tail.start() if tail else len(text)
    places = [p for p in article.places if p.type != "continent" and (
        (start <= p.start and p.end <= end and not _speaker(text, p)) or (lead[0] <= p.start and p.end <= lead[1])
        or p.end == comma)]
    # a country named beside a place inside it only says where that place is: "in an Athens bank" in "Greek
    # riots" is Athens (#17)
    inner = {p.country for p in places if p.country and p.type not in _COUNTRY_TYPES}
    return [p for p in places if not (p.type in _COUNTRY_TYPES and p.country in inner)]


def _region(places: Sequence[Place]) -> tuple[frozenset[str], bool]:
    """The countries a figure's places lie in, and whether the places are those countries themselves."""
    codes = frozenset(p.country or f"?{_scope_name(p)}" for p in places)
    return codes, all(p.type in _COUNTRY_TYPES for p in places)


def _within(narrow: tuple[frozenset[str], bool], broad: tuple[frozenset[str], bool]) -> bool:
    """Whether places lie inside one country that the broader scope names ("Athens" inside "Greece")."""
    return broad[1] and not narrow[1] and len(broad[0]) == 1 and narrow[0] == broad[0]


def _scope_name(place: Place) -> str:
    """The name a place goes by in a quantity's scope: a nationality word is its country ("killed in a Greek
    bank" and "killed in Greece" are one scope), when the gazetteer knows it."""
    if place.type == "demonym" and place.country:
        from ..extract.gazetteer import gazetteer  # loaded once per process

        if (country := gazetteer().countries.get(place.country)) is not None:
            return country.name
    return place.name or place.text


def _speaker(text: str, place: Place) -> bool:
    """A nationality word that says who speaks ("Romanian officials said"), not where ("on the Ukrainian bank")."""
    return place.type == "demonym" and bool(_SPEAKER_AFTER.match(text, place.end))


def _claimant(article: Article, claim: Claim) -> str | None:
    names = {e.id: e.name for e in article.entities}
    return names.get(claim.claimant or "", claim.claimant_text or claim.claimant) if claim.claimant else \
        claim.claimant_text


def _all_told(quantity: str, claim: Claim, text: str) -> str:
    """`` (all told)`` for a figure its sentence gives as a total over several events ("in their five
    operations so far ... 923 rounds"), which is another quantity than one event's figure ("about 300
    rounds were found" in one operation) (#17).

    A tally of one event that only grows (the dead, the evacuated) is its running total whatever the
    words: "so far" says nothing more there.
    """
    if quantity in _CUMULATIVE:
        return ""
    start = max(text.rfind(mark, 0, claim.start) for mark in (". ", "\n")) + 1
    ends = [at for mark in (". ", "\n") if (at := text.find(mark, claim.end)) != -1]
    return " (all told)" if _TOTAL.search(text, start, min(ends) if ends else len(text)) else ""


def _rate(claim: Claim, text: str) -> str:
    """`` (at 15%)`` for a figure that is the base of a rate its phrase names ("the 15% tariffs on about $125
    billion worth of goods"): another rate's base, or a figure of the same noun with no rate ("his tariffs
    on $360 billion worth of goods", all of them), is another set of things, not the same figure revised (#17).
    """
    found = _RATE_BEFORE.search(text, max(0, claim.start - 60), claim.start)
    return f" (at {float(found.group(1)):g}%)" if found else ""


def _era(as_of: str | None, start: date | None) -> str:
    day = day_of(as_of) or (date(int(as_of[:4]), 1, 1) if as_of and as_of[:4].isdigit() else None)
    if day is None or start is None or (start - day).days <= _OTHER_ERA_DAYS:
        return ""
    return f" (in {day.year})" if len(as_of or "") != 2 else f" (in the {as_of}00s)"  # "13": the 13th century


def align_claims(stories: Mapping[str, Iterable[str]], articles: Mapping[str, Article], *,
                 entity_of: Mapping[tuple[str, str], str] | None = None,
                 copies: Collection[str] = ()) -> list[ClaimRow]:
    """Rows of figures per (story, quantity) reported by two or more articles, each group with its verdict.

    Args:
        stories: Story id -> member article ids.
        articles: Article id -> article (with ``claims``).
        entity_of: (article id, entity id) -> corpus entity id, so that the owner of a figure
            ("Biden won 1,357 delegates") is one across articles; by name when missing.
        copies: Articles that are copies of another (duplicates): they repeat a source, they
            are not one.

    Returns:
        Rows sorted by story, quantity, as-of date, article, claim index.
    """
    rows: list[ClaimRow] = []
    for story_id in sorted(stories):
        members = [articles[a] for a in sorted(stories[story_id]) if a in articles and a not in copies]
        days = sorted(d for a in members if (d := day_of(a.published)))
        found: dict[str, list[tuple[str, ClaimRow]]] = {}
        named: dict[tuple[str, int], frozenset[str]] = {}
        sentences: dict[tuple[str, int], tuple[int, int]] = {}
        elided: dict[tuple[str, tuple[int, int], str], set[float]] = {}
        dated_by_text: set[tuple[str, int]] = set()  # figures whose sentence says their day
        unplaced: dict[str, str] = {}  # a quantity's name -> its name without the places it is given for
        regions: dict[str, tuple[frozenset[str], bool]] = {}  # a quantity's name -> its countries (see _region)
        for article in members:
            for index, claim in enumerate(article.claims):
                quantity = quantity_of(claim, article.text)
                span = sentence_span(article.text, claim.start, claim.end)
                if quantity is None and not (claim.counted or claim.what) and _COMPARED.search(
                        article.text, max(0, claim.start - 40), claim.start):
                    # "compared with fewer than 8 million": a figure of no noun of its own, set against another,
                    # has the noun of the figure it is set against
                    elided.setdefault((article.id, span, claim.unit or ""), set()).add(
                        claim.value * dimension_of(claim.unit)[1])
                if quantity is None:
                    continue
                named[(article.id, index)] = _named_in_sentence(article, claim, span, entity_of)
                if claim.as_of and claim.as_of[:10] != (article.published or "")[:10]:
                    dated_by_text.add((article.id, index))
                sentences[(article.id, index)] = span
                as_of = claim.as_of or (article.published or "")[:10] or None
                holder, among = share_holder(article, claim, entity_of)
                head = _label(quantity, claim.unit) + among + _rate(claim, article.text)
                tail = _all_told(quantity, claim, article.text) + _era(as_of, days[0] if days else None)
                places = _scope_places(claim, article)
                names = sorted({_scope_name(p) for p in places})
                label = head + (f" in {' and '.join(names)}" if names else "") + tail
                unplaced[label] = head + tail
                if places:
                    codes, country = regions.get(label, (frozenset(), True))
                    found_codes, found_country = _region(places)
                    regions[label] = (codes | found_codes, country and found_country)
                found.setdefault(label, []).append((holder or _owner(article, claim, entity_of), ClaimRow(
                    story_id=story_id, quantity=label, article_id=article.id, claim_index=index,
                    value=claim.value, bound=claim.bound, counted=claim.counted,
                    claimant_name=_claimant(article, claim), as_of=as_of, site=site_of(article),
                    unit=claim.unit or "")))
        _place_unplaced(found, unplaced, regions)
        for label in sorted(found):
            cumulative = quantity_of_label(label) in _CUMULATIVE
            counts = [r.value for _, r in found[label] if not r.unit]
            if counts and _generic(quantity_of_label(label)) and max(counts) < _SMALL:
                continue  # "5 companies", "2 sides": a common noun counts too many things to set side by side
            for group in _by_owner(_compared_apart(found[label], sentences, elided)):
                group = _comparable(_in_time(group), cumulative=cumulative)
                if not cumulative:
                    group = _corroborated(group, named, dated_by_text)
                if len({r.site or r.article_id for r in group}) > 1:
                    rows += verdict(sorted(group, key=lambda r: (r.as_of or "~", r.article_id, r.claim_index)),
                                    cumulative=cumulative)
    return rows


def _place_unplaced(found: dict[str, list[tuple[str, ClaimRow]]], unplaced: Mapping[str, str],
                    regions: Mapping[str, tuple[frozenset[str], bool]]) -> None:
    """Figures that give no place, or a country holding the place, moved to the place the story gives the same
    figure for.

    "125 seats" and "125 seats in the parliament of Turkmenistan" in two reports of one election are one
    figure, the place said in one and left out in the other: a figure with no place, equal (or rounded) to
    a figure some source gives for the only place the story gives that quantity for, is that place's
    figure (#17). So is a figure of the country that place lies in: "three killed in Greece" and "three
    died in an Athens bank". A different figure with no place, or of the country, may be the total of which
    the place's is a part ("57,000 evacuated in Romania, 80,000 in all") and stays apart, as does any
    figure of a quantity the story gives for two places neither of which holds the other (two countries'
    figures are two quantities), and any figure whose owner would be a second one beside the place's ("the
    ATF offered $35,000" beside "the FBI offered $35,000 in Oregon").
    """
    placed: dict[str, list[str]] = {}
    for label, bare in unplaced.items():
        if label != bare:
            placed.setdefault(bare, []).append(label)
    for bare, labels in placed.items():
        if len(labels) == 1:
            narrow, broader = labels[0], [bare]
        elif len(labels) == 2 and _within(regions[labels[0]], regions[labels[1]]):
            narrow, broader = labels[0], [bare, labels[1]]
        elif len(labels) == 2 and _within(regions[labels[1]], regions[labels[0]]):
            narrow, broader = labels[1], [bare, labels[0]]
        else:
            continue
        target = found[narrow]
        for label in broader:
            moved = [(o, replace(r, quantity=narrow)) for o, r in found.get(label, [])
                     if any(relation(r, t) in ("same", "rounding") for _, t in target)]
            if not moved or len({o for o, _ in target + moved if o}) > 1:
                continue  # a figure another owner holds is another quantity (see _by_owner)
            keys = {(r.article_id, r.claim_index) for _, r in moved}
            found[label] = [(o, r) for o, r in found[label] if (r.article_id, r.claim_index) not in keys]
            target += moved
            if not found[label]:
                del found[label]


def share_holder(article: Article, claim: Claim,
                 entity_of: Mapping[tuple[str, str], str] | None) -> tuple[str, str]:
    """Whose share a percentage is, and among whom: (owner, `` among <group>``), each ``""`` when unknown.

    Poll figures of two candidates and of sub-groups are no revisions of each other (#17): in "a
    poll showed Mrs. Clinton leading Mr. Sanders among likely voters, 46 percent to 44 percent",
    46 is Clinton's share and 44 Sanders's, both among likely voters; "Sanders leads 66 percent to
    27 percent among voters under age 45" is another group of voters. The first figure of a pair
    belongs to the first person or organisation its clause names, the second to the next one (or,
    when the clause names no other, to whoever the first is measured against).
    """
    if claim.unit != "%":
        return "", ""
    text = article.text
    marks = [m for m in _CLAUSE_MARK.finditer(text, max(0, claim.start - 400), min(len(text), claim.end + 400))
             if not (m.group().startswith(".") and _NO_END.search(text, max(0, m.start() - 5), m.start()))]
    start = max((m.end() for m in marks if m.end() <= claim.start), default=max(0, claim.start - 400))
    end = min((m.start() for m in marks if m.start() >= claim.end), default=min(len(text), claim.end + 400))
    groups = list(_AMONG.finditer(text, start, end))
    nearest = min(groups, key=lambda m: min(abs(m.start() - claim.end), abs(m.end() - claim.start)), default=None)
    among = f" among {' '.join(nearest.group(1).casefold().split())}" if nearest else ""
    first = bool(_PAIR_NEXT.match(text, claim.end))
    paired = None if first else _PAIR_BEFORE.search(text, max(0, claim.start - 30), claim.start)
    if not (first or paired):
        return "", among
    pair_start = claim.start if paired is None else text.rfind(" ", 0, paired.start()) + 1
    names = {e.id: fold_name(e.name) for e in article.entities}
    before: list[str] = []
    after: list[str] = []
    for mention in sorted(article.mentions, key=lambda m: m.start):
        if start <= mention.start and mention.end <= end and mention.label in _HOLDER_LABELS:
            name = (entity_of or {}).get((article.id, mention.entity or ""), "") or names.get(
                mention.entity or "", fold_name(mention.text))
            side = before if mention.end <= pair_start else after
            if name not in before and name not in after:
                side.append(name)
    # "X leading Y ..., 46 to 44": the last two named before the pair; "X with a lead of 48 to 41 over Y".
    holders = before[-2:] if len(before) >= 2 else before + after[:1]
    if not holders:
        return "", among
    if first:
        return holders[0], among
    return (holders[1] if len(holders) > 1 else f"against {holders[0]}"), among


def _named_in_sentence(article: Article, claim: Claim, sentence: tuple[int, int],
                       entity_of: Mapping[tuple[str, str], str] | None) -> frozenset[str]:
    """The persons and organisations named in a figure's ``sentence`` (corpus entities where known, else names)."""
    start, end = sentence
    found = {(entity_of or {}).get((article.id, m.entity or ""), "") or fold_name(m.text)
             for m in article.mentions if start <= m.start and m.end <= end and m.label in _HOLDER_LABELS}
    if claim.about:
        found.add(_owner(article, claim, entity_of))
    return frozenset(found)


def _compared_apart(claims: list[tuple[str, ClaimRow]], sentences: Mapping[tuple[str, int], tuple[int, int]],
                    elided: Mapping[tuple[str, tuple[int, int], str], set[float]]) -> list[tuple[str, ClaimRow]]:
    """The figures of one quantity, less those that one sentence sets against another figure of it.

    A sentence giving two different figures of one quantity compares two things it names apart: "around 8
    million viewers, less than half of the 18 million viewers for CNN's Republican debate four days
    earlier" are two debates' audiences, and "as many as 24 million viewers for the top-rated GOP debate,
    compared with fewer than 8 million for Saturday's Democratic encounter" a third and the first, the
    noun of the second figure left out (#17). Neither side is a report of a figure another source gives:
    a figure whose owner the sentence does not name is set beside nothing, as is one of two different
    figures of the same owner. Figures of two named owners ("Biden won 1,357 delegates and Sanders won
    1,076") stay their owners'. A range's two ends (a lower and an upper bound) are one figure.
    """
    by_sentence: dict[tuple[str, tuple[int, int]], list[tuple[str, ClaimRow]]] = {}
    for owner, row in claims:
        by_sentence.setdefault((row.article_id, sentences[(row.article_id, row.claim_index)]), []).append((owner, row))
    apart: set[int] = set()
    for (article_id, span), rows in by_sentence.items():
        others = elided.get((article_id, span, rows[0][1].unit), set())
        if len({r.base_value for _, r in rows} | others) < 2 or _range_ends([r for _, r in rows]):
            continue
        for owner, row in rows:
            if not owner or others or any(o == owner and r.base_value != row.base_value for o, r in rows):
                apart.add(id(row))
    return [(owner, row) for owner, row in claims if id(row) not in apart]


def _range_ends(rows: list[ClaimRow]) -> bool:
    """Two figures that bound one from below and from above ("more than 20 and fewer than 30")."""
    bounds = {r.bound for r in rows}
    return len(rows) == 2 and bool(bounds & _LOWER) and bool(bounds & _UPPER)


def _corroborated(group: list[ClaimRow], named: Mapping[tuple[str, int], frozenset[str]],
                  dated_by_text: Collection[tuple[str, int]] = ()) -> list[ClaimRow]:
    """The figures another source backs: the same figure, or a figure whose sentence names the same
    person or organisation, when neither names a rival one, and both are of one time.

    A quantity that is no tally of an event (an offer, a contract, earnings, a fall in
    per cent, yards) belongs to someone the sentence may not make its subject: one team's
    offer and another's, two companies' earnings. Without the same figure or a holder named
    in both sentences, two sources' figures are no evidence of one quantity; and a name both
    sentences give may be whom the figure is for, not whose it is: "the Boston Red Sox have made
    Mark Teixeira an eight-year, $200 million offer" and "the Washington Nationals made Teixeira an
    eight-year, $160 million offer" name the player in both and each a team the other does not (#17).

    Nor is a different figure of another day, where a sentence ties one of them to its day: such a quantity
    is measured again at each event (a game, a trading day, a poll), so a figure of another day may be another
    event's, no revision of it ("in the victory over the Falcons on Dec. 27, Thomas rushed for 63 yards"
    beside "102 yards from scrimmage" in a report ten days later, #17). Figures dated by their reports alone
    may still be a later report's revision.
    """
    def backs(a: ClaimRow, b: ClaimRow) -> bool:
        if not _sources(a, b):
            return False
        if relation(a, b) != "differs":
            return True
        if ((a.article_id, a.claim_index) in dated_by_text or (b.article_id, b.claim_index) in dated_by_text) \
                and _days_apart(a.as_of, b.as_of):
            return False
        names_a = named.get((a.article_id, a.claim_index), frozenset())
        names_b = named.get((b.article_id, b.claim_index), frozenset())
        return bool(names_a & names_b) and not (names_a - names_b and names_b - names_a)

    return [r for r in group if any(backs(r, o) for o in group)]


def _in_time(group: list[ClaimRow]) -> list[ClaimRow]:
    """The figures whose time is known, when any is: a figure of an undated article with no date
    of its own may be from another year's event under the same words ("70 injured" in the riots
    of another year), so it is set beside figures as undated as itself only.

    Among figures none of which has a time, only those another source gives the same figure for (or one a
    rounding or a bound makes consistent) stay: with no time to tell them apart, two different figures are as
    likely two events' as a disagreement ("a sit-down of about 1,000 in Athens" beside "10,000 gathered" in
    another report; a running back's touchdowns of two seasons), and a reader can judge neither (#17).
    """
    dated = [r for r in group if r.as_of]
    if dated:
        return dated
    return [r for r in group if any(_sources(r, o) and relation(r, o) != "differs" for o in group)]


def _comparable(group: list[ClaimRow], *, cumulative: bool) -> list[ClaimRow]:
    """The figures that another source gives a figure of the same size for.

    A figure many times larger or smaller than every other source's is another quantity under
    the same noun (a candidate's 41 delegates and the 1,991 needed to win); a tally may grow
    more between reports than other figures differ.
    """
    factor = _GROWTH if cumulative else _SAME_SIZE

    def near(a: ClaimRow, b: ClaimRow) -> bool:
        low, high = sorted((a.base_value, b.base_value))
        return high <= factor * max(low, 1e-9)

    return [r for r in group if any(_sources(r, o) and near(r, o) for o in group)]


def quantity_of_label(label: str) -> str:
    """The quantity a group's name starts with: ``dead in Romania (in 2015)`` -> ``dead``."""
    return label.split(" (")[0].split(" in ")[0]


def _generic(label: str) -> bool:
    """A count of a common, unqualified noun ("company", "state", "home"; not "horsepower", "delegate").

    Such nouns name too many things in one story to tell two sources' figures apart from two quantities.
    """
    return " " not in label and label not in _CUMULATIVE and idf(label) <= _COMMON_IDF


def _owner(article: Article, claim: Claim, entity_of: Mapping[tuple[str, str], str] | None) -> str:
    if not claim.about:
        return ""
    if entity_of and (found := entity_of.get((article.id, claim.about))):
        return found
    return next((fold_name(e.name) for e in article.entities if e.id == claim.about), claim.about)


def _by_owner(claims: list[tuple[str, ClaimRow]]) -> list[list[ClaimRow]]:
    """One group per owner; figures with no owner join the only owner there is, else are set beside nothing.

    Two candidates' delegates are two quantities; a figure that names nobody, where the story
    names two owners of the quantity, cannot be told to belong to either, nor to the same one
    as another figure that names nobody (two players' rushing yards).
    """
    owners: dict[str, list[ClaimRow]] = {}
    for owner, row in claims:
        owners.setdefault(owner, []).append(row)
    named = sorted(o for o in owners if o)
    if len(named) == 1 and "" in owners:
        owners[named[0]] += owners.pop("")
    elif len(named) > 1:
        owners.pop("", None)
    groups = [owners[o] for o in sorted(owners)]
    return [[replace(r, quantity=f"{r.quantity} ({i})") for r in g] if len(groups) > 1 else g
            for i, g in enumerate(groups, start=1)]


# -- how the figures of a group relate ---------------------------------------------------


def _round(value: float) -> bool:
    """A figure given to two or three significant digits: 115,000, 80,000, 2,800."""
    return value >= 100 and value == int(value) and len(str(int(value)).rstrip("0")) <= 3


def _interval(row: ClaimRow) -> tuple[float, float]:
    bound, value = row.bound, row.base_value
    if bound in _LOWER:
        return value, float("inf")
    if bound in _UPPER:
        return 0.0, value
    if bound == "about":
        return value * (1 - 2 * _ROUNDING), value * (1 + 2 * _ROUNDING)
    return value, value


#: Bounds that leave one side open: "more than 26,000" is no figure, it is every figure above it.
_LOWER = frozenset({"more_than", "at_least"})
_UPPER = frozenset({"less_than", "at_most"})
_OPEN_BOUNDS = _LOWER | _UPPER


def relation(a: ClaimRow, b: ClaimRow) -> str:
    """``same``, ``rounding``, ``bounds`` or ``differs``: whether two figures can be one figure.

    ``bounds``: different figures that do not contradict each other because one or both are
    bounds ("more than 26,000" dead and "more than 31,000", or "at least 26,000" and 31,000):
    neither source is wrong, but they are no one figure either (#17).
    """
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    if low_a <= high_b and low_b <= high_a:
        if a.base_value == b.base_value:
            return "same"
        return "bounds" if a.bound in _OPEN_BOUNDS or b.bound in _OPEN_BOUNDS else "rounding"
    rounded = (a.bound == "about" or b.bound == "about" or _round(a.value) or _round(b.value))
    if rounded and abs(a.base_value - b.base_value) <= _ROUNDING * max(a.base_value, b.base_value):
        return "rounding"
    return "differs"


def _days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two as-of dates, or ``None`` when they cannot tell: a date missing, or a week,
    month or year that holds the other date ("2023-W15" and "2023-04-12")."""
    range_a, range_b = (_days(a) if a else None), (_days(b) if b else None)
    if range_a is None or range_b is None:
        return None
    if range_a[0] <= range_b[1] and range_b[0] <= range_a[1]:
        return 0 if range_a[0] == range_a[1] == range_b[0] == range_b[1] else None
    return min(abs((x - y).days) for x in range_a for y in range_b)


def _days(value: str) -> tuple[date, date] | None:
    """The first and last day an as-of value covers: a day, an ISO week, a month, a quarter or a year."""
    if (day := day_of(value)) is not None:
        return day, day
    try:
        if week := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday, monday + timedelta(days=6)
        if month := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = date(int(month.group(1)), int(month.group(2)), 1)
            return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        if quarter := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
            return first, (first + timedelta(days=92)).replace(day=1) - timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _sources(a: ClaimRow, b: ClaimRow) -> bool:
    """Two different sources (outlets when known, else articles)."""
    return (a.site or a.article_id) != (b.site or b.article_id)


def _judge(row: ClaimRow, earlier: ClaimRow, *, cumulative: bool) -> str:
    """How ``row`` relates to one earlier figure: same, rounding, revision, lower, scope, undated or disagreement."""
    found = relation(row, earlier)
    apart = _days_apart(row.as_of, earlier.as_of)
    if found == "bounds" and cumulative and apart and row.base_value > earlier.base_value:
        return "rising"  # "more than 20" dead, then "more than 30" days later: the toll rose
    if found != "differs":
        return found
    if not _sources(row, earlier):
        return "scope"  # one source giving two figures: two parts, or a total and a part
    if apart is None:
        return "undated"
    if apart == 0:
        return "disagreement"
    lower = _interval(row)[1] < _interval(earlier)[0]
    if cumulative and lower:
        # A tally that only grows cannot fall by the next day: the sources disagree.
        return "disagreement" if apart <= 1 else "lower"
    # a later, higher figure of a tally that only grows is the tally rising, not a figure revised (#17)
    return "rising" if cumulative else "revision"


_NOTES = {"same": "same", "rounding": "rounded", "revision": "later figure", "scope": "another figure in the same source",
          "undated": "dates too vague to tell", "lower": "lower than an earlier figure",
          "rising": "later and higher, the tally rose", "bounds": "a bound, consistent with the other figures"}
_RANK = ("disagreement", "lower", "revision", "rising", "undated", "bounds", "scope", "rounding")


def verdict(group: Sequence[ClaimRow], *, cumulative: bool = False) -> list[ClaimRow]:
    """The group's rows, each with the group's verdict and a note on how it relates to the figures before it.

    ``disagreement`` when two sources give figures that cannot be one at the same time
    (for a tally that only grows, the dead or the evacuated, also a lower figure the next
    day); ``lower`` for a tally lower than an earlier one, later on; ``revision`` for later
    figures; ``rising`` for later, higher figures of a tally that only grows; ``undated`` when
    the dates to tell are missing; ``bounds`` when the figures differ but a bound holds them
    all ("more than 26,000" dead beside "more than 31,000"); ``scope`` when one source gives
    two figures (four dead in one county, nine in all); ``rounding``; else ``agree``. Only a
    disagreement is flagged to the reader.
    """
    notes: list[str] = []
    kinds: set[str] = set()
    for i, row in enumerate(group):
        judged = [(_judge(row, earlier, cumulative=cumulative), earlier) for earlier in group[:i]]
        worst = next((k for k in _RANK if any(j == k for j, _ in judged)), "same" if judged else "")
        if worst == "disagreement":
            notes.append("disagrees with " + ", ".join(sorted({e.site or e.article_id for j, e in judged
                                                                if j == "disagreement"})))
        else:
            notes.append(_NOTES.get(worst, ""))
        if worst and worst != "same":
            kinds.add(worst)
    overall = next((k for k in _RANK if k in kinds), "agree")
    return [replace(row, verdict=overall, note=note) for row, note in zip(group, notes, strict=True)]
