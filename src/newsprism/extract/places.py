"""The ``extract.places`` stage: place mentions resolved to gazetteer entries.

Cascade:

1. Candidates: the entities stage's GPE, LOC and FAC mentions (spaCy's own
   entities from the shared parse when that stage left none), demonyms in NORP
   mentions ("Ukrainian" -> Ukraine, ``type="demonym"``: some gold sets count
   them as places, and an analyst filtering by country wants them), and a
   scan for hand-written features and country names spaCy often misses (the
   Dnieper, the Kerch Bridge, "US"). PERSON and ORG mentions are places only on
   evidence (issue #4): their form ("Fort Lee", "Jefferson Parish"), their
   container ("Fort Lee, New Jersey"), a multi-word country name, or a facility
   named after a town of a region the article names ("Hartford Hospital");
   otherwise they block the scan ("Jordan" the player).
2. Each candidate's namesakes: the gazetteer, then the parts of the name
   (before a comma, after a direction, before "County"), airports by name, the
   town a facility is named after; a GPE it lacks may be a misspelling one letter
   off a place of the article ("Lousiana"). Namesakes are scored: log population,
   a prior by type (countries first), a bonus for hand-written entries.
3. Country context: the countries of the article's first-pass choices vote,
   and namesakes in those countries (or regions) win ("Paris" near "Texas",
   "Georgia" near "Atlanta").
4. A city named like its region becomes the region in "City, State" pairs and
   in lists of regions ("New York, New York"; "Maine, New York, New Jersey").
5. Streets, buildings, districts and roads at their town, and places the
   gazetteer lacks at the story's own town named near them (``_place_sites``).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable
from functools import cache, lru_cache

from ..config import Settings
from ..first_names import first_name_genders
from ..model import Article, Entity, Mention, Place
from ._place_scan import (
    NAME_LABELS,
    NAME_LIKE_COUNTRIES,
    Found,
    a_unit,
    codes_of,
    container,
    dateline,
    inner_places,
    not_a_place,
    organisation_shaped,
    outer_places,
    scan,
    strong_context,
    team_shaped,
)
from ._place_sites import named_like_a_site as _named_like_a_site
from ._place_sites import sites, unplaced_at_the_story_town
from .entities import foreign_ranges
from .gazetteer import (
    GazEntry,
    airports,
    common_plural,
    common_word,
    curated_surfaces,
    demonym,
    fold,
    gazetteer,
    is_demonym,
    km_between,
    name_key,
    region_abbreviation,
    small_towns,
    spelled_out,
    written_as,
)
from .nlp import ParseCache, ParsingStage

STAGE = "extract.places"
PLACE_LABELS = ("GPE", "LOC", "FAC")
_TYPE_PRIOR = {"country": 1.5, "continent": 2.0, "region": 0.5, "city": 1.0, "demonym": 1.0}
_COUNTY_WORDS = (" county", " parish")
_SCAN_TYPES = {"river", "sea", "landmark", "peninsula", "strait", "mountains", "ocean", "gulf", "canal", "island",
               "desert", "forest", "bay"}
_TENTATIVE = "ORG?"
#: Why a facility named like a site is a tentative town: kept where the article's region holds it or near a town
#: it places.
_FAC_TOWN = "labelled FAC, a town by name"
#: How near a town the article places a facility's namesake town must lie to be that town.
_NEAR_KM = 50.0
#: A "person" that context makes a town under 5,000 people: placed only where the article places it, and
#: dropped, not kept without a point, where it does not.
_SMALL = "GPE?"
#: A one-word ORG is tried as a town only when a town of that name has this many people: small towns share
#: their names with too many firms and teams.
_ORG_TOWN_POPULATION = 20_000
#: A NORP mention is a place only when a city or region of that name is this large: most such words are peoples.
_NORP_PLACE_POPULATION = 100_000
#: A first name that is one of a town's aliases names the town only when it is this large ("Jerson", Kherson).
_BIG_ALIAS_POPULATION = 100_000
#: A lone word labelled PERSON is a place only when it names a city this large (or a curated one): smaller
#: towns are named like people ("Jordan", "Florence").
_BIG_CITY_POPULATION = 1_000_000
_DIRECTION_BEFORE = re.compile(r"\b(?:Central|North|South|East|West|Latin|Southeast|Northeast)[ -]$")
#: A compass word before a place, in capitals or not, of one word or two ("Northern Syria", "north west London",
#: "south-east England") (#13).
_DIRECTION = re.compile(r"^(?:the\s+)?(?i:(?:north|south)[ -]?(?:east|west)(?:ern)?|northern|southern|eastern|"
                        r"western|central|north|south|east|west|upper|lower)\s+(?P<name>[A-Z].+)$")
_SUFFIX = re.compile(r"^(?:the\s+)?(?P<name>.+?)\s+(?:County|Province|Region|Oblast|State|District|Governorate|"
                     r"Prefecture|City|Municipality|Parish|Islands?)$")
#: A facility named after the place it serves ("Hartford Hospital", "Frankfurt Airport", "Kherson hospital"):
#: within 161 km, the place stands for the facility.
_FACILITY = re.compile(r"^(?:the\s+)?(?P<name>[A-Z].*?)\s+(?:(?:International|Regional|Municipal|General|University|"
                       r"Central|Main)\s+)?(?P<kind>Airport|Airfield|Air Base|Hospital|Medical Cent(?:er|re)|"
                       r"(?:Railway |Train |Bus )?Station|Port|Harbou?r|Stadium|Bridge)\b", re.I)
#: How many times bigger than a place of that very name a town found only by an alias must be to stay a namesake.
_ALIAS_BEFORE_OWN = 100
#: The words before a place that ends an institution's name ("the College of| Wooster", "the University of
#: Colorado at| Boulder", "The| Wooster professor"): the name's, not a place of the article's own (#13).
_NAME_OPENS_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:of|at)\s+(?:the\s+)?|\b[A-Z][\w'’]*[ -])$")
#: A team's name ends in a plural ("Dallas Mavericks", "Seattle Seahawks", "Bolton Wanderers").
_TEAM = re.compile(r"[a-z]s$|\b(?:United|City|FC|Albion|Athletic|Heat|Jazz|Magic|Thunder)$")
_GLUED = re.compile(r"^(?P<name>[A-Z][\w'-]{3,}?)(?:is|the|which|was|has|and|in|of|to)$")


def _score(entry: GazEntry, context: Counter[str], regions: Counter[str], key: str = "") -> float:
    curated = 1.0 if entry.curated and entry.type not in ("country", "demonym") else 0.0
    score = math.log10(entry.population + 10) + _TYPE_PRIOR.get(entry.type, 0.5) + curated
    if key and _own_name(entry.own_key, key):
        # Its own name, not one of its many aliases ("Maine" is also an old name of Des Plaines).
        score += 1.0
    total = sum(context.values())
    if total and entry.country:
        score += 2.0 * context[entry.country] / total
    if entry.admin1 and entry.admin1 in regions:
        # A city inside a region the article names, or a region holding a city it names. A name written as
        # a county's is shared across states (30 Washington Counties): the state decides, not the population
        # (#13). ("Bradford" stays the city: England is a region, too wide to choose a county by.)
        score += 2.5 if entry.type == "region" else 3.0 if key.endswith(_COUNTY_WORDS) else 1.5
    return score


#: Words that tie a town's name to the river, sea or hill it stands on: "Frankfurt am Main" is called Frankfurt.
_NAME_LINKS = frozenset({"am", "an", "upon", "on", "sur", "im", "in", "bei", "ob", "nad", "na"})


def _own_name(entry_key: str, key: str) -> bool:
    """Whether ``key`` is the entry's own name, alone or with what says where it stands ("Frankfurt am Main")."""
    if entry_key == key or spelled_out(entry_key) == spelled_out(key):
        return True  # "St. Petersburg" is the own name of Saint Petersburg too
    if not entry_key.startswith(key) or entry_key[len(key):len(key) + 1] not in (" ", "-"):
        return False
    # "Frankfurt am Main", "Clacton-on-Sea", "Stratford-upon-Avon" (#13).
    rest = entry_key[len(key) + 1:].replace("-", " ").split()
    return bool(rest) and rest[0] in _NAME_LINKS


@lru_cache(maxsize=1 << 14)
def _namesakes(text: str) -> tuple[str, list[GazEntry]]:
    """The name to look up and its gazetteer entries (cached: callers never change the list)."""
    gaz = gazetteer()
    # "Ill." is Illinois, not a town once called so; "Sun" is no airport's code (SUN), "God" not Göd (#17)
    found = region_abbreviation(text) or written_as(text, gaz.lookup(text))
    if not found and "," in text:
        # "Winchester, Hampshire": the first part is the place, the rest only narrows it.
        text = text.split(",")[0].rstrip()
        found = written_as(text, gaz.lookup(text))
    if not found and (m := _DIRECTION.match(text)):
        # "Northern Syria": the place it is part of is the nearest point we have; but "Central American"
        # is not American (#13).
        found = [e for e in written_as(m["name"], gaz.lookup(m["name"])) if e.type != "demonym"]
        text = m["name"] if found else text
    if not found and "-" in text:
        # "Kitchener-Waterloo": twin cities; the first one stands for both.
        text = text.split("-")[0]
        found = written_as(text, gaz.lookup(text))
    if not found and (m := _SUFFIX.match(text)):
        text = m["name"]
        found = written_as(text, gaz.lookup(text))
    if not found and (m := _GLUED.match(text)) and (glued := written_as(m["name"], gaz.lookup(m["name"]))):
        # A word glued to the next one by a lost space ("Khersonis"): the left part, only where it is a place;
        # a name that merely ends like such a word keeps its own letters ("Dunshaughlin" is no "Dunshaughl" +
        # "in", and is then looked up among the small towns) (#13).
        text, found = m["name"], glued
    if not found and (m := _FACILITY.match(text)):
        found = _facility(m)
    if not found and text.count(" ") <= 1:
        # "Omani", "Slovak", "Latin American": a demonym by the regular ways English forms one (#13).
        found = demonym(text)
    # A city and its own region share a name ("Kherson", "Moscow"): news means the city.
    # Only a city of that very name: "Maryland City" (an alias hit) must not hide the state of Maryland.
    cities = {e.admin1 for e in found if e.type == "city" and e.key == name_key(text)}
    found = [e for e in found if not (e.type == "region" and e.admin1 in cities)]
    # A hand-written entry replaces its GeoNames twin (better coordinates for big regions).
    curated = {(e.type, e.country) for e in found if e.curated}
    found = [e for e in found if e.curated or (e.type, e.country) not in curated]
    # A town found only by one of its aliases is no namesake beside a place of that very name unless it is
    # far bigger: "Quebec" is also an old name of New Britain, Connecticut, and "Southold" one of South Bend,
    # 18 times the size of Southold; "Canton" still finds Guangzhou (#13).
    key = name_key(text)
    own = max((e.population for e in found if _own_name(e.own_key, key)), default=None)
    if own is not None:
        found = [e for e in found
                 if _own_name(e.own_key, key) or e.type != "city" or e.population >= own * _ALIAS_BEFORE_OWN]
    return text, found


def _abbreviation(text: str, mention: Mention) -> str:
    """A mention with the full stop that ends it when that makes it a state's abbreviation: "Ill" + "."."""
    if text[mention.end:mention.end + 1] == "." and region_abbreviation(mention.text + "."):
        return mention.text + "."
    return mention.text


#: Quote marks and brackets the tokenizer sometimes glues to a name ('"United States').
_STRAY = "\"'\u201c\u201d\u2018\u2019([)]\u00ab\u00bb"
#: Words that make a name a place whatever the model says ("Fort Lee", "Jefferson Parish").
_PLACE_WORDS = re.compile(r"^(?:Fort|Port|Mount|Lake|Cape)\s+[A-Z]|\s(?:County|Parish|Province|Oblast|Governorate|"
                          r"Prefecture|Township|Borough)$")


def _trim(mention: Mention) -> Mention:
    text = mention.text
    if not text or text[0] not in _STRAY and text[-1] not in _STRAY:
        return mention  # most mentions: nothing to trim
    lead = len(text) - len(text.lstrip(_STRAY))
    trail = len(text) - len(text.rstrip(_STRAY))
    if not (lead or trail) or lead + trail >= len(text):
        return mention
    return dataclasses.replace(mention, start=mention.start + lead, end=mention.end - trail,
                               text=text[lead:len(text) - trail])


def _in_container(text: str, mention: Mention) -> bool:
    """A name followed by ", <region or country>" that holds a town of that name ("Fort Lee, New Jersey")."""
    if text[mention.end:mention.end + 1] != ",":
        return False  # most names: no container to read
    codes = codes_of(outer_places(text, mention.end))
    return bool(codes) and any(e.type in ("city", "county") and (e.admin1 in codes or e.country in codes)
                               for e in _namesakes(mention.text)[1])


#: The prepositions that show a one-word name to be where something is or goes: "arrived at Schiphol".
_TO_OR_AT = re.compile(r"\b(?:at|from|to|into|via|in|near|outside|over)\s+$")


def _airport_by_its_name(text: str, mention: Mention) -> bool:
    """Whether a lone word the model called a person or organisation is an airport's own name after a place's
    preposition ("at Schiphol", "into Gatwick"): no town, first name or common word bears it ("City" is also
    London City Airport's), nor initials (an airport's code is a firm's as often)."""
    name = mention.text.strip()
    if " " in name or len(name) < 5 or name.isupper() or not _TO_OR_AT.search(text, max(0, mention.start - 8),
                                                                               mention.start):
        return False
    if _namesakes(name)[1] or small_towns(name) or common_word(name) or name.lower() in first_name_genders():
        return False  # "Kitchener-Waterloo" is the twin towns, not their airport
    return bool(airports(name))


def _strong_place(text: str, mention: Mention) -> bool:
    """A PERSON or ORG mention that names a place by its form or its container, not by a guess."""
    if _PLACE_WORDS.search(mention.text) and _namesakes(mention.text)[1]:
        return True
    return _in_container(text, mention)


def _facility(match: re.Match[str]) -> list[GazEntry]:
    """1. An airport by its own name; 2. the town, region or county that names the facility."""
    if match["kind"].lower() in ("airport", "airfield") and (found := airports(match.group())):
        return found
    return [e for e in gazetteer().lookup(match["name"]) if e.type in ("city", "region", "county")]


_Taken = tuple[Mention, str, str | None]


def _town_and_region(mention: Mention) -> list[Mention]:
    """A place mention the model ran on over a comma into the region that holds it ("Thruxton, Hampshire",
    "Donington Park, Leicestershire"): two mentions, as the text names two places (#13)."""
    if mention.label not in PLACE_LABELS or ", " not in mention.text:
        return [mention]
    head, _, tail = mention.text.partition(", ")
    if not any(e.type in ("region", "county", "country") and e.own_key == name_key(tail)
               for e in gazetteer().lookup(tail)) and not region_abbreviation(tail):
        return [mention]
    start = mention.start + len(head) + 2
    return [dataclasses.replace(mention, end=mention.start + len(head), text=head),
            dataclasses.replace(mention, start=start, text=tail, label="GPE")]


def _candidates(article: Article, mentions: Iterable[Mention]) -> list[_Taken]:
    """Place candidates with the reason each was taken and the longer name holding it (module docstring, 1.)."""
    chosen: list[_Taken] = []
    blocked: list[tuple[int, int]] = []
    text = article.text
    gaz = gazetteer()
    mentions = _joined_countries(text, [part for m in mentions for part in _town_and_region(_trim(m))])
    if line := dateline(text):
        mentions = _whole_dateline(mentions, line)
    place_texts = {m.text for m in mentions if m.label in PLACE_LABELS}
    # A name once placed by its form or container is a place in its other mentions too ("mayor of Fort Lee").
    place_texts |= {m.text for m in mentions if m.label in ("PERSON", "ORG") and _strong_place(text, m)}
    # A country's code glued to a person's name ("By: Henry Lazenby US-based") is no word of that name (#13).
    long_names = {word for m in mentions if m.label == "PERSON" and " " in m.text.strip() for word in m.text.split()
                  if not (word.isupper() and any(e.type == "country" for e in gaz.lookup(word)))}
    persons = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
    runways = {m.text for m in mentions if m.label in ("PERSON", "ORG") and _airport_by_its_name(text, m)}
    # What the dates stage read as a time is none of a place's name: "Nov. 1" is not Nov, Tajikistan; "Sat.,
    # Mar 3" is neither San Antonio nor Maracaibo, whose airports' codes GeoNames lists (#17).
    times = [(t.start, t.end) for t in article.times]
    for mention in mentions:
        if a_unit(text, mention.start, mention.end):
            # "101325 Pa": a unit's symbol after a figure, not the town in Burkina Faso; the scan must not find
            # it either (#17).
            blocked.append((mention.start, mention.end))
            times.append((mention.start, mention.end))
        elif not_a_place(text, mention.end) or any(s <= mention.start and mention.end <= e for s, e in times):
            # "West Nile virus", "Lassa fever": a disease's name, not a place (#13).
            blocked.append((mention.start, mention.end))
        elif mention.label == "FAC" and _named_like_a_site(mention.text) and (found := _namesakes(mention.text)[1]) and all(
                e.type == "city" and e.key == name_key(mention.text) for e in found):
            # "Washington Square" in a story of New Orleans streets is the square, not the town in Pennsylvania:
            # a facility named like a square or a park is a town of that name only where the article's region
            # holds it or a town it places lies near ("Victoria Park" in a Hong Kong story) (#13).
            chosen.append((dataclasses.replace(mention, label=_TENTATIVE), _FAC_TOWN, None))
        elif mention.label in PLACE_LABELS:
            inner = [] if _namesakes(mention.text)[1] else inner_places(text, mention)
            chosen.extend(_as_pairs(inner) or [(mention, f"labelled {mention.label}", None)])
        elif mention.label == "NORP" and _DIRECTION_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            # "Central American", "Latin American": not the demonym of the country it ends with (#13).
            blocked.append((mention.start, mention.end))
        elif mention.label == "NORP" and (any(e.type == "demonym" or e.curated for e in gaz.lookup(mention.text))
                                          or demonym(mention.text)):
            chosen.append((mention, "demonym" if any(e.type == "demonym" for e in gaz.lookup(mention.text))
                           else "labelled NORP, a place by name", None))
        elif mention.label == "LANGUAGE" and _PLACE_NOUN_AFTER.match(text, mention.end) and demonym(mention.text):
            # "the English city of Salisbury": the people's country, not their language (#13).
            chosen.append((mention, "labelled LANGUAGE, a demonym before a place's noun", None))
        elif mention.label == "PERSON" and _demonym_before_noun(text, mention):
            chosen.append((mention, "labelled PERSON, a demonym before a noun", None))
        elif mention.label in ("PERSON", "ORG") and mention.text in runways:
            # "arrived at Schiphol", then "Schiphol would have years to grow": an airport's own name, which no
            # town bears, once a preposition shows it a place (#13).
            chosen.append((dataclasses.replace(mention, label="FAC"), f"labelled {mention.label}, an airport's name "
                           "after a place's preposition", None))
        elif mention.label in ("PERSON", "ORG", "NORP", "PRODUCT") and (
                _mislabelled(mention, place_texts, long_names) or _named_feature(text, mention)):
            chosen.append((mention, f"labelled {mention.label}, a place by name or form", None))
        elif mention.label in ("PERSON", "ORG", "FAC", "PRODUCT") and (
                why := _overruled(text, mention, long_names, persons)):
            # A variant of two words is a place only where the article names the region that holds it:
            # "Kasba Bonli" in a Rajasthan story is Bāonlī; "Sandy Point" in the Bahamas is not St Kitts' (#13).
            alias = " " in mention.text.strip() and why.endswith(_BY_ALIAS)
            chosen.append((dataclasses.replace(mention, label=_TENTATIVE) if alias else mention, why, None))
        elif mention.label == "PERSON" and (why := _small_town_overruled(text, mention, long_names, persons)):
            # Resolved as a place the model labelled: a small town only where the article places it (#13).
            chosen.append((dataclasses.replace(mention, label=_SMALL), why, None))
        elif mention.label in ("ORG", "PERSON") and _FACILITY.match(mention.text) and _namesakes(mention.text)[1]:
            # "Hartford Hospital": kept when the article's other places are in that region.
            chosen.append((dataclasses.replace(mention, label=_TENTATIVE), "a facility named after a town", None))
        elif (mention.label in NAME_LABELS or mention.label == "PERSON" and (
                organisation_shaped(mention.text) or team_shaped(mention.text))) and (
                inner := inner_places(text, mention)):
            # "Dublin City Council", "the University of Alberta": the place inside the name (#13).
            chosen.extend(_as_pairs(inner))
            blocked.append((mention.start, mention.end))
        elif mention.label == "ORG" and " " not in mention.text and any(
                e.type == "city" and e.population >= _ORG_TOWN_POPULATION for e in _namesakes(mention.text)[1]):
            # Maybe a town the model took for an organisation: kept only if the article's
            # other places put it in the same region (see resolve_places).
            chosen.append((dataclasses.replace(mention, label=_TENTATIVE), "labelled ORG, a town by name", None))
        elif mention.label == "PERSON" and " " not in mention.text.strip() and mention.text not in long_names and (
                mention.text[:1].isupper() and not mention.text.isupper()) and not _NAME_OPENS_BEFORE.search(
                text, max(0, mention.start - 40), mention.start) and any(
                e.type == "city" and e.population >= _ORG_TOWN_POPULATION and e.own_key == name_key(mention.text)
                for e in _namesakes(mention.text)[1]):
            # A lone word the model took for a person that no person of the article bears in a longer name,
            # and a town's own name: kept only if the article's other places put it in that town's region
            # ("Owerri" in a story from Imo State) (#13).
            chosen.append((dataclasses.replace(mention, label=_TENTATIVE), "labelled PERSON, a town by name", None))
        elif mention.label in ("PERSON", "ORG"):
            blocked.append((mention.start, mention.end))
    taken = [(m.start, m.end) for m, _, _ in chosen] + blocked + times
    for match in _scan_pattern().finditer(text):
        span = match.span()
        if all(span[1] <= s or span[0] >= e for s, e in taken) and not _shouted(text, match):
            chosen.append((Mention(span[0], span[1], match.group(), "LOC", None, STAGE), "a hand-written name", None))
            taken.append(span)
    # Gazetteer names the model left unlabelled or called persons or organisations, kept by context (#13).
    named = [(m.start, m.end, m.label) for m in mentions if m.label not in PLACE_LABELS]
    spans = [(m.start, m.end) for m, _, _ in chosen] + times
    # A lone town by name is the place the article names so elsewhere, unless someone of the article bears
    # the name ("Noma", as the woman is called, placed once by mistake) (#13).
    personal = long_names | {m.text for m in mentions if m.label == "PERSON"}
    placed = {m.text for m, _, _ in chosen if m.label not in (_TENTATIVE, _SMALL) and m.text not in personal}
    chosen.extend(_as_pairs(scan(text, taken=spans, persons=persons, names=named, placed=placed,
                                 foreign=foreign_ranges(article.paragraphs, article.lang))))
    chosen.extend(_listed(text, mentions, chosen, long_names))
    chosen.extend(_small_before_region(text, chosen, mentions, long_names))
    chosen.extend(_town_ending_a_name(text, chosen, mentions))
    return sorted(chosen, key=lambda c: c[0].start)


#: A comma and a capital: where "Town, Region" may end its town ("Croft, Yorkshire").
_COMMA_CAPITAL = re.compile(r",[ \t]+(?=[A-Z])")
#: The capitalised words before it: the town's name ("Estey's Bridge", "Silverstone").
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2}$")


def _small_before_region(text: str, chosen: list[_Taken], mentions: list[Mention], long_names: set[str]
                         ) -> list[_Taken]:
    """Towns under 5,000 people written before a region that holds them, whatever the model called them
    ("Croft, Yorkshire" an organisation, "Silverstone, Northamptonshire" nothing, "Estey's Bridge, N.B."):
    the form local news places its villages by (#13). A word of a person's name is not one ("Sen. Ted
    Cruz, Texas")."""
    spans = [(m.start, m.end) for m, _, _ in chosen]
    persons = [(m.start, m.end) for m in mentions if m.label == "PERSON" and " " in m.text.strip()]
    out: list[_Taken] = []
    for comma in _COMMA_CAPITAL.finditer(text):
        end = comma.start()
        if not (match := _NAME_BEFORE.search(text, max(0, end - 40), end)):
            continue
        start = match.start()
        while (space := text.find(" ", start, end)) > 0 and text[start:space] in _SENTENCE_WORDS:
            start = space + 1  # "In Silverstone, ...": the word opening the sentence is no part of the name
        name = text[start:end]
        if (name in long_names or any(s < end and start < e for s, e in spans + persons)
                or not (holders := _holders(text, end))):
            continue
        if any(_holds(holder, t) for t in small_towns(name) for holder in holders):
            out.append((Mention(start, end, name, "GPE", None, STAGE), "a town before the region that holds it",
                        None))
            spans.append((start, end))
    return out


_NAME_LABELS_ENDING_IN_TOWNS = frozenset({"ORG", "FAC"})


def _town_ending_a_name(text: str, chosen: list[_Taken], mentions: list[Mention]) -> list[_Taken]:
    """The town an organisation's or facility's name ends with when the region written after it holds the town:
    "GM’s Bowling Green, Kentucky facility", one organisation to the model. The longest closing words (up to
    three, never the whole name) that are a town's or county's own name in that region; never a person's name
    ("Sen. Ted Cruz, Texas") (#13)."""
    spans = [(m.start, m.end) for m, _, _ in chosen]
    out: list[_Taken] = []
    for mention in mentions:
        if (mention.label not in _NAME_LABELS_ENDING_IN_TOWNS or not _COMMA_CAPITAL.match(text, mention.end)
                or any(s < mention.end and mention.start < e for s, e in spans)):
            continue
        words = list(_WORD_STARTS.finditer(mention.text))
        if len(words) < 2 or not (holders := _holders(text, mention.end)):
            continue
        for word in words[max(1, len(words) - 3):]:
            name = mention.text[word.start():].rstrip()
            key = name_key(name)
            if any(e.type in ("city", "county") and e.own_key == key and any(_holds(h, e) for h in holders)
                   for e in gazetteer().lookup(name)):
                start = mention.start + word.start()
                out.append((Mention(start, start + len(name), name, "GPE", None, STAGE),
                            f"ends the name {mention.text!r}, before the region that holds it", None))
                break
    return out


#: Where a capitalised word of a name starts: "GM’s |Bowling |Green".
_WORD_STARTS = re.compile(r"(?<![\w'’.-])[A-Z]")


_SENTENCE_WORDS = frozenset({"The", "A", "An", "In", "At", "On", "From", "To", "For", "By", "Of", "And", "But",
                             "Near", "Outside", "Inside", "Into", "Across", "Like", "With"})


#: The rest of a country's name the model cut in two: "Trinidad| and Tobago", "Bosnia| and Herzegovina".
_AND_NAME = re.compile(r" and (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?")
#: The rest of a country's name after an abbreviation whose full stop the model cut: "U.S|. Virgin Islands".
_AFTER_STOP = re.compile(r"\. [A-Z][\w-]+(?: [A-Z][\w-]+)?")
#: The next capitalised word of a place's name the model cut after its first word ("Boa| Vista").
_NEXT_WORD = re.compile(r" [A-Z][\w'’-]+")


def _joined_countries(text: str, mentions: list[Mention]) -> list[Mention]:
    """Place mentions joined with " and <Name>" when the whole is a country ("Trinidad" + "Tobago" labelled
    a person are Trinidad and Tobago) or with the words after an abbreviation's full stop ("U.S" + ". Virgin
    Islands"), or with the next word when the whole is a place's own name ("Boa" +
    "Vista"); the mentions inside the whole are dropped (#13)."""
    out: list[Mention] = []
    joined = -1
    for mention in mentions:
        if mention.start < joined:
            continue  # inside the country just joined
        if mention.label in PLACE_LABELS and (rest := _AND_NAME.match(text, mention.end) or (
                _AFTER_STOP.match(text, mention.end) if text.startswith(". ", mention.end)
                and fold(mention.text + ".") in gazetteer().openings else None
        )) and any(e.type == "country" for e in gazetteer().lookup(text[mention.start:rest.end()])):
            mention = dataclasses.replace(mention, end=rest.end(), text=text[mention.start:rest.end()])
            joined = mention.end
        elif mention.label in PLACE_LABELS and (rest := _NEXT_WORD.match(text, mention.end)) and (
                fold(mention.text) in gazetteer().openings) and (whole := text[mention.start:rest.end()]) and any(
                e.type in ("city", "region", "country") and e.own_key == name_key(whole)
                for e in gazetteer().lookup(whole)):
            # "living in Boa| Vista" (a place and an organisation to the model): the town whose own name is
            # the whole, not the one the first word is an alias of (Boma, Congo) (#13).
            mention = dataclasses.replace(mention, end=rest.end(), text=whole)
            joined = mention.end
        out.append(mention)
    return out


def _whole_dateline(mentions: list[Mention], line: tuple[int, int, str]) -> list[Mention]:
    """The dateline's town as one mention where the model cut it in two ("ST" + "LOUIS" of "ST. LOUIS -"), or
    ran it into the byline's credit before it ("Associated Press WASHINGTON", one organisation to the model,
    keeps "Associated Press")."""
    start, end, city = line
    parts = [m for m in mentions if start <= m.start and m.end <= end]
    run_on = [m for m in mentions if m.start < start < m.end <= end]
    if len(parts) < 2 and not run_on:
        return mentions  # most articles: the dateline is one mention or none
    credits = [dataclasses.replace(m, end=m.start + len(credit), text=credit) for m in run_on
               if (credit := m.text[:start - m.start].rstrip())]
    whole = Mention(start, end, city, "GPE", None, STAGE)
    return sorted([m for m in mentions if m not in parts + run_on] + credits + [whole], key=lambda m: m.start)


def _listed(text: str, mentions: list[Mention], chosen: list[_Taken], long_names: set[str]) -> list[_Taken]:
    """One-word "persons" and "organisations" that are towns listed beside a place ("from Gloucester and
    Cheltenham", "Hilversum and Almelo") or placed by their context elsewhere in the article ("moved to
    Gainesville" ... "Gainesville police") (#13). A word of a longer person's name stays a name."""
    spans = [(m.start, m.end) for m, _, _ in chosen if m.label != _TENTATIVE]
    placed = {m.text for m, _, _ in chosen if m.label != _TENTATIVE}
    pending = []
    for mention in mentions:
        if (mention.label not in ("PERSON", "ORG", "PRODUCT") or " " in mention.text or mention.text in long_names
                or mention.text.isupper()):
            continue  # "NATO and the EU": an acronym names the organisation, not a town called Nato
        key, found = name_key(mention.text), gazetteer().lookup(mention.text)
        if not any(e.type in ("city", "county") and e.key == key for e in found) or any(
                s < mention.end and mention.start < e for s, e in spans):
            continue  # most names: no town's own name (the spans are read only for those that are)
        pending.append(mention)
    out: list[_Taken] = []
    # A list grows from the place it holds: "Žilina, Nitra, Prešov and Košice" (a place, an organisation,
    # a product and a person to the model).
    while pending:
        before = len(out)
        for mention in list(pending):
            if mention.text in placed and mention.label == "ORG":
                # One choice per name in an article: an organisation's label of one mention does not undo it
                # ("a Durban court" ... "Durban"); a person's label may be right ("to McGregor", the fighter).
                out.append((mention, f"labelled {mention.label}, a name the article places elsewhere", None))
            elif any(_LIST_SEP.fullmatch(text[e:mention.start]) or _LIST_SEP.fullmatch(text[mention.end:s])
                     for s, e in spans if e <= mention.start or s >= mention.end):
                out.append((mention, f"labelled {mention.label}, listed with a place", None))
            else:
                continue
            pending.remove(mention)
            spans.append((mention.start, mention.end))
        if len(out) == before:
            break
    return out


def _as_pairs(found: Iterable[Found]) -> list[_Taken]:
    return [(dataclasses.replace(f.mention, label=_TENTATIVE) if f.tentative else f.mention, f.evidence, f.within)
            for f in found]


_WORD = re.compile(r"[A-Za-z]{2,}")


def _shouted(text: str, match: re.Match[str]) -> bool:
    """"US" in a line of capitals ("LET US GO") is the pronoun, not the country."""
    if match.group() != "US":
        return False
    before = _WORD.findall(text[max(0, match.start() - 30):match.start()])[-1:]
    after = _WORD.findall(text[match.end():match.end() + 30])[:1]
    return any(w.isupper() for w in before + after)


#: Physical features: in English they take the article ("the Danube", "the Alps").
_FEATURE_TYPES = frozenset({"river", "sea", "ocean", "lake", "mountain", "mountains", "peninsula", "gulf", "bay",
                            "strait", "island", "islands", "desert", "delta", "canal"})


_THE_BEFORE = re.compile(r"\bthe\s+(?:(?:lower|upper|middle|northern|southern|eastern|western|mighty|river)\s+)?$",
                         re.I)


def _named_feature(text: str, mention: Mention) -> bool:
    """A one-word "person" right after "the" that the gazetteer knows as a river, sea, range...: "the Danube"."""
    if " " in mention.text.strip() or not _THE_BEFORE.search(text[max(0, mention.start - 20):mention.start]):
        return False
    return any(e.type in _FEATURE_TYPES for e in gazetteer().lookup(mention.text))


def _demonym_before_noun(text: str, mention: Mention) -> bool:
    """A one-word "person" that is a demonym qualifying the noun after it: "Azerbaijani soldiers" (#13)."""
    return (" " not in mention.text and bool(_LOWER_WORD_AFTER.match(text, mention.end))
            and is_demonym(mention.text))


#: A place's noun after a language's name makes it its people's adjective: "the English city of Salisbury".
_PLACE_NOUN_AFTER = re.compile(r" (?:city|town|village|county|countryside|coast|capital|port|seaside|island)\b")
#: A lower-case word after a name, not a verb or a clause that a person's name takes ("Azerbaijani said").
_LOWER_WORD_AFTER = re.compile(r" (?!(?:said|says|told|tells|is|was|has|had|will|would|and|who|added|wrote|asked|"
                               r"also|can|could|did|does|may|might|must|should)\b)[a-z]{3,}")


def _overruled(text: str, mention: Mention, long_names: set[str], persons: list[tuple[int, int]]) -> str:
    """Why a PERSON, ORG or FAC mention is a town after all: strong evidence around it ("lives in Delft",
    "Lemay, Missouri", a dateline, "a campaign stop in Ciudad Juarez"), or an empty string. The
    prepositions that also take people ("to", "from") count only when no person of the article has the
    word in a longer name, and only for a town's own name: a one-word variant GeoNames lists ("Misrata"
    for Misratah, "Echmiadzin" for Vagharshapat) needs "in", "near"... (#13)."""
    name = mention.text.strip()
    found = [e for e in gazetteer().lookup(name) if e.type in ("city", "county", "region", "country")]
    if not found:
        return ""
    key = name_key(name)
    entries = [e for e in found if _own_name(e.own_key, key)]
    own = bool(entries)
    if not own and len(name) >= 5 and not name.isupper():
        entries = [e for e in found if e.type == "city"]
    if not entries or name in long_names:
        return ""  # "Thurgood Marshall in Marshall": the person's name, whatever stands before it
    why = strong_context(text, mention.start, mention.end, entries, weak_only=not own, persons=persons)
    return f"labelled {mention.label}, but {why}{'' if own else _BY_ALIAS}" if why else ""


_BY_ALIAS = ", a variant of a town's name"


def _small_town_overruled(text: str, mention: Mention, long_names: set[str], persons: list[tuple[int, int]]
                          ) -> str:
    """Why a "person" the main gazetteer lacks is a town under 5,000 people: after "in", "near", "the town
    of" or before the region that holds it ("Back in Kasba Bonli", "a market town in Rajasthan"), never after
    the prepositions that also take people, and never a word of a longer person's name (#13)."""
    name = mention.text.strip()
    if name in long_names or name in gazetteer() or not (towns := small_towns(name)):
        return ""
    why = strong_context(text, mention.start, mention.end, towns, weak_only=True, persons=persons)
    return f"labelled {mention.label}, but {why}" if why else ""


def _mislabelled(mention: Mention, place_texts: set[str], long_names: set[str]) -> bool:
    """A PERSON, ORG or NORP mention that is really a place (the small model calls "Kherson" a person,
    "United States" an organisation, "Montreal" a nationality)."""
    if mention.text in place_texts:
        return True
    found = gazetteer().lookup(mention.text)
    if not found:
        return False  # most persons' and organisations' names: no test below can hold
    lone = " " not in mention.text.strip() and mention.text not in long_names
    # A person is never called "United States": only a lone word may be a first name ("Jordan").
    multiword = " " in mention.text.strip()
    if any(e.type == "country" for e in found) and (mention.label != "PERSON" or lone or multiword):
        return True
    if multiword and any(e.type == "region" and e.key == name_key(mention.text) for e in found):
        # Nobody is called "Tamil Nadu" or "New South Wales" (#13).
        return True
    if mention.label == "NORP":
        return any(e.type in ("city", "region") and e.population >= _NORP_PLACE_POPULATION for e in found)
    if mention.label == "ORG":
        # Clubs and firms are named after cities ("Barcelona"); regions are safer.
        return any(e.curated and e.type in _SCAN_TYPES | {"union", "seat"} or e.type == "region" for e in found)
    # A lone word that is a big city, and no person in the article has it in a longer name ("Michael Jordan").
    big = any(e.type == "city" and (e.population >= _BIG_CITY_POPULATION or e.curated) for e in found)
    return big and lone


@cache
def _scan_pattern() -> re.Pattern[str]:
    """Hand-written features and country names to find in the text even when the model missed them."""
    names = {name for name, kind in curated_surfaces()
             if (kind in _SCAN_TYPES or kind == "country") and (len(name) >= 4 or "." in name or name.isupper())
             and name not in NAME_LIKE_COUNTRIES and not name.startswith("the ")}
    # "US$5 million" is a currency, not a place; a name starts after no word or full stop, which is
    # checked once its first letter is read, so the engine leaps to the letters that open a name. The
    # names form a tree of shared beginnings, so a position is tried once per letter, not once per name
    # (200 tries at every capital were a tenth of the stage's time, #13).
    tree = _tree_pattern(names, after_first=r"(?<![\w.].)")
    return re.compile(rf"(?:{tree})(?![\w$])")


_Tree = dict[str, "_Tree"]


def _tree_pattern(names: Iterable[str], *, after_first: str = "") -> str:
    """A pattern matching the same names as their alternation, longest first, factored by shared beginnings;
    ``after_first`` goes after the first letter.

    >>> re.fullmatch(_tree_pattern(["US", "USA", "UK"]), "USA") is not None
    True
    """
    tree: _Tree = {}  # a tree of letters; "" marks a name's end
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Tree, first: str = "") -> str:
        # Longer names first: the text picks one path, and the engine backs off to a shorter name only
        # when what follows a longer one is no word's end.
        branches = [re.escape(char) + first + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree, after_first)


def resolve_places(article: Article, mentions: Iterable[Mention]) -> list[Place]:
    """Resolve place mentions of ``article`` to gazetteer entries, one choice per name.

    Args:
        article: The article (its text is scanned for hand-written features).
        mentions: Named-entity mentions (``GPE``, ``LOC``, ``FAC``, ``NORP``...).

    Returns:
        One :class:`Place` per candidate, with the evidence for it; unknown names keep ``gazetteer_id=None``.
    """
    text = article.text
    mentions = list(mentions)
    taken = _candidates(article, mentions)
    why = {(m.start, m.end): (evidence, within) for m, evidence, within in taken}
    candidates = [(m, name, _no_common_aliases(name, found))
                  for m, name, found in _respell(text, [(m, *_lookup(text, m)) for m, _, _ in taken])]
    geography = _Geography(text, candidates)
    # Names the article places by a mention of their own or its council's: a town opening an organisation's
    # name is that town ("Cavan County Council" ... "Cavan Institute"), unless the name is a team's (#13).
    sure = {name_key(name) for mention, name, found in candidates if found and mention.label != _TENTATIVE}
    # Common words that may name regions vouch for no country, not even each other's ("Southern and Western").
    words = {name_key(name) for mention, name, found in candidates if found and _word_for_a_region(mention, name)}
    for mention, name, found in candidates:
        if not found and text.startswith(", ", mention.end):
            geography.small_town(text, mention, name, written_after=True)
    places = []
    for mention, name, found in candidates:
        evidence, within = why.get((mention.start, mention.end), ("after a locative word, one letter off a place", None))
        # A facility's label is the model's guess for a small town as often as a place's ("between Coggeshall
        # and Marks Tey"): both are placed by the region the article names (#13).
        if not found and (local := geography.small_town(text, mention, name,
                                                        written_after=mention.label not in ("GPE", "FAC", _SMALL))):
            found, evidence = [local], f"{evidence}; a town under 5,000 people where the article places it"
        if not found:
            if (mention.label == "GPE" and not mention.text[:1].islower() and not gazetteer().lookup(name)
                    and _written_as_a_place(text, name)):
                # Kept (without coordinates) so an analyst sees a place the gazetteer lacks; LOC and FAC
                # names the gazetteer lacks are mostly not places on a map ("Mars", "the Gay Village"). A
                # name it knows only in another form is the word it is written as ("Us", "Las"), and words in
                # lower case are no name ("la", "los que" in Spanish, which the English model labels) (#17).
                places.append(Place(mention.start, mention.end, mention.text, entity=mention.entity,
                                    confidence=0.0, stage=STAGE, evidence=f"{evidence}; not in the gazetteer"))
            continue
        best, margin, reason = geography.choose(name, found, local=mention.label != _TENTATIVE)
        if mention.label == _TENTATIVE and not geography.confirms(name, best) and not (
                within and name_key(name) in sure and not _TEAM.search(within)) and not (
                evidence == _FAC_TOWN and geography.near(name, best)):
            continue
        if name.endswith(".") and best.type == "region" and not region_abbreviation(name) and (
                not geography.in_its_country(name, best)):
            continue  # "101325 Pa." in a physics story: no state's abbreviation (#17)
        if best.type == "region" and name_key(name) in words and not geography.names_country(best.country,
                                                                                          besides=words):
            continue
        if best.type in _PLURAL_TYPES and common_plural(name) and not geography.in_its_country(name, best):
            continue  # "the States" of an Australian article are its states, not the United States (#17)
        if best.type == "city" and best.population < _BIG_ALIAS_POPULATION and " " not in name and (
                name.lower() in first_name_genders()) and not _own_name(best.own_key, name_key(name)):
            # A first name is a small town only by the town's own name: "Maria" (a storm) is no alias of Santa
            # María Rayón, "Olivia" none of Oliva; a big city's alias is one ("Jerson" for Kherson) (#13).
            continue
        start, end = mention.start, mention.start + len(name) if name != mention.text else mention.end
        if name != mention.text and mention.text.endswith(name):
            start, end = mention.end - len(name), mention.end  # "north west| London": the place, not "north "
        places.append(Place(start, end, text[start:end], name=best.name,
                            gazetteer_id=best.id, lat=best.lat, lon=best.lon, country=best.country, type=best.type,
                            entity=mention.entity, confidence=round(min(1.0, 0.5 + margin / 4), 2), stage=STAGE,
                            evidence=f"{evidence}; {reason}", within=within))
    places = _twin_regions(text, places)
    if short := _initialisms(text, places, mentions):
        spans = {(p.start, p.end) for p in short}
        places = sorted([p for p in places if (p.start, p.end) not in spans] + short, key=lambda p: p.start)
    if listed := _small_towns_listed(text, mentions, places):
        places = sorted(places + listed, key=lambda p: p.start)
    if opened := _opening_names(text, mentions, places) + _named_again(text, mentions, places):
        places = sorted(places + opened, key=lambda p: p.start)
    line = dateline(text)
    if placed := sites(text, mentions, places, dateline=line[2] if line else None, stage=STAGE):
        places = sorted(places + placed, key=lambda p: p.start)
    return unplaced_at_the_story_town(text, places, mentions, dateline=line[2] if line else None)


def _no_common_aliases(name: str, found: list[GazEntry]) -> list[GazEntry]:
    """The namesakes of a common word ("City") without the small towns that list it only as an alias: "City"
    is no name of Oakville, Connecticut, and its vote had sent "Manchester" of a football story there (#13).
    Dropped before the article's geography is read, so such a town neither is chosen nor votes."""
    if not found or " " in name or not any(e.type == "city" and e.population < _BIG_ALIAS_POPULATION
                                           for e in found) or not common_word(name):
        return found  # most names: several words, a big place, or no common word
    key = name_key(name)
    return [e for e in found if not (e.type == "city" and e.population < _BIG_ALIAS_POPULATION
                                     and not _own_name(e.own_key, key))]


#: Place types a common plural may name only beside another place of that country.
_PLURAL_TYPES = frozenset({"country", "region", "union"})


def _word_for_a_region(mention: Mention, name: str) -> bool:
    """Whether a name is a common word the model did not call a place: as a region ("the Centre" of India's
    government is no region of Burkina Faso; "Southern" and "Western" in "Southern and Western governments" no
    provinces of Zambia), kept only where the article names another place of that country (#13).

    >>> _word_for_a_region(Mention(0, 6, "Centre", "ORG"), "Centre")
    True
    """
    return mention.label not in ("GPE", "LOC") and " " not in name and common_word(name)


def _written_as_a_place(text: str, name: str) -> bool:
    """Whether the article writes a name the gazetteer lacks where the scan's strong context would make it a
    place: after a locative word ("protests in Exarchia", "across the Sirnak province") or as the dateline.
    The model labels companies, products and people places too ("a Netflix special", "Bloomberg reported",
    "Melania"), and with no point to check it by, a place no sentence puts anything in is kept out. Of the
    1,414 names kept so in the real mixed corpus, 1,172 had no locative word before them, nearly all no place
    (#17).

    >>> _written_as_a_place("Riots broke out in Exarchia. Exarchia is quiet now.", "Exarchia")
    True
    >>> _written_as_a_place("The Netflix special aired. Netflix said so.", "Netflix")
    False
    """
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        start = m.start() - 4 if text[max(0, m.start() - 4):m.start()].casefold() == "the " else m.start()
        if strong_context(text, start, m.end(), [], weak_only=True):
            return True
    return False


#: Labels of a longer name a place of the article may open ("Abuja Chamber of Commerce" is a person to the model).
_OPENED_LABELS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "FAC", "PERSON"})
_OPENED_TYPES = frozenset({"city", "county", "region", "country"})
_OPENED_END = re.compile(r"(?:['’]s)?\s")


def _opening_names(text: str, mentions: Iterable[Mention], places: list[Place]) -> list[Place]:
    """A town, county, region or country the article places by its own name, where it opens a longer name no
    place was found in ("Abuja" ... "the Abuja Chamber of Commerce and Industry", "Allendale" ... "the
    Allendale Women Helping Others Award"): one place per name in an article. A team's name is left alone
    ("Dallas" ... "the Dallas Mavericks"), and a person's only when it reads as an organisation's (#13)."""
    # A place named like a person's first name does not open a longer name as a place ("Helen" ... "Helen
    # Kunz", whom the model called a facility).
    firsts = first_name_genders()
    own = {p.text: p for p in places if p.within is None and p.gazetteer_id and p.type in _OPENED_TYPES
           and p.text.lower() not in firsts}
    if not own:
        return []
    by_initial: dict[str, list[str]] = {}
    for text_of in own:
        by_initial.setdefault(text_of[:1], []).append(text_of)
    spans = [(p.start, p.end) for p in places]
    out = []
    for mention in mentions:
        name = mention.text
        if mention.label not in _OPENED_LABELS or (heads := by_initial.get(name[:1])) is None or " " not in name:
            continue
        head = next((t for t in heads if name.startswith(t) and _OPENED_END.match(name, len(t))), None)
        if head is None or _TEAM.search(name) or any(s < mention.end and mention.start < e for s, e in spans):
            continue
        if mention.label == "PERSON" and not (organisation_shaped(name) or " of " in name):
            continue
        place = own[head]
        out.append(dataclasses.replace(place, start=mention.start, end=mention.start + len(head), text=head,
                                       entity=None, confidence=0.6, within=name,
                                       evidence=f"opens the name {name!r}; placed elsewhere in the article"))
    return out + _closing_names(mentions, own, spans)


#: What stands before a place that closes an organisation's name: "Baseball Toronto", "IBA-Karachi".
_CLOSING_BEFORE = frozenset(" -")


def _closing_names(mentions: Iterable[Mention], own: dict[str, Place], spans: list[tuple[int, int]]
                   ) -> list[Place]:
    """A town, county, region or country the article places by its own name, where it closes an
    organisation's name no place was found in, or stands inside it after its first word ("Dubai" ...
    "Smart Dubai", "Karachi" ... "IBA-Karachi", "Wales" ... "the Marine Energy Wales Annual Conference"): the
    body's place, as a place opening a name is (#13). Only the model's organisations: a person's last name
    is a namesake more often ("Jack London"), and so is a name someone of the article bears ("Judit Polgár"
    ... "[Judit Polgár]") or writes after a first name."""
    mentions = list(mentions)
    firsts = first_name_genders()
    borne = {word for m in mentions if m.label == "PERSON" for word in m.text.split()}
    own = {text: place for text, place in own.items() if text not in borne}
    out = []
    for mention in mentions:
        name = mention.text
        if mention.label != "ORG" or (found := next(((head, at) for head in own if head in name
                                                     and (at := _inside(name, head)) > 0), None)) is None:
            continue
        if (before := name[:found[1]].split()) and before[-1].lower() in firsts or any(
                s < mention.end and mention.start < e for s, e in spans):
            continue  # "Judit Polgár", a person to any reader, an organisation to the model
        head, at = found
        out.append(dataclasses.replace(own[head], start=mention.start + at, end=mention.start + at + len(head),
                                       text=head, entity=None, confidence=0.6, within=name,
                                       evidence=f"inside the name {name!r}; placed elsewhere in the article"))
    return out


def _inside(name: str, head: str) -> int:
    """Where ``head`` closes ``name`` (after a space or a hyphen) or stands in it between spaces, after its first
    word; -1 where it does neither."""
    if name.endswith(head) and len(name) > len(head) + 1 and name[-len(head) - 1] in _CLOSING_BEFORE:
        return len(name) - len(head)
    at = name.find(f" {head} ")
    return at + 1 if at > 0 else -1


#: A place's word before a name: "moved to", "the village of".
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|at|near|to|from|into|outside|around|village of|town of)\s+$")
#: A list's separator right before a name: "Coggeshall and| Marks Tey".
_SEP_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
#: How near the town it is listed with a small town must lie: a list of villages is of one district.
_LISTED_KM = 50.0


def _small_towns_listed(text: str, mentions: Iterable[Mention], places: list[Place]) -> list[Place]:
    """Towns under 5,000 people the model called persons or organisations, listed beside a town the article
    places ("between Coggeshall and Marks Tey", "Portroe, Toomevara and Nenagh"), where a small town of that
    name lies within :data:`_LISTED_KM` of it: the villages of a local story are listed together (#13); or
    written after a place's word ("switching to Middlestown") where one lies that near any town the article
    places. Not a word of a longer person's name, nor a name in capitals alone."""
    towns = [p for p in places if p.type == "city" and p.lat is not None and p.within is None]
    if not towns:
        return []
    mentions = list(mentions)
    long_names = {word for m in mentions if m.label == "PERSON" and " " in m.text.strip() for word in m.text.split()}
    by_end = {t.end: t for t in towns}
    by_start = {t.start: t for t in towns}
    gaz = gazetteer()
    out = []
    for mention in mentions:
        name = mention.text
        if mention.label not in ("PERSON", "ORG") or name.isupper() or name in long_names or name in gaz:
            continue
        start = mention.start
        before = _SEP_BEFORE.search(text, max(0, start - 8), start)
        after = _LIST_SEP.match(text, mention.end)
        beside = [t for t in (by_end.get(before.start()) if before else None, by_start.get(after.end()) if after else None)
                  if t is not None]
        if not beside and _PLACE_WORD_BEFORE.search(text, max(0, start - 12), start):
            beside = towns  # "before switching to Middlestown": near any town the article places
        if not beside or not (found := small_towns(name)) or any(
                p.start < mention.end and mention.start < p.end for p in places):
            continue
        near = [e for e in found for t in beside if km_between(e, t) <= _LISTED_KM]
        if near:
            out.append(Place(mention.start, mention.end, name, name=near[0].name, gazetteer_id=near[0].id,
                             lat=near[0].lat, lon=near[0].lon, country=near[0].country, type=near[0].type,
                             entity=mention.entity, confidence=0.6, stage=STAGE,
                             evidence=f"labelled {mention.label}, a town under 5,000 people listed beside a town near it"))
    return out


def _named_again(text: str, mentions: Iterable[Mention], places: list[Place]) -> list[Place]:
    """Other occurrences of a name a model's place label gave and the gazetteer resolved, where no model's
    name covers them: one place per name in an article ("Douma" ... "Douma is surrounded", which the model
    left unlabelled; "Douma" is a form GeoNames lists for Dūmā, so the scan of own names misses it) (#13)."""
    # Not a common word the model labelled once ("Centre" for India's government, "City" for a club).
    firsts = first_name_genders()
    names = {p.text: p for p in places if p.within is None and p.gazetteer_id and p.type in _OPENED_TYPES
             and len(p.text) >= 4 and p.text.lower() not in firsts and not common_word(p.text)}
    # ... nor a name someone of the article bears ("Jack Tunis" ... "Tunis said").
    borne = {word for m in mentions if m.label == "PERSON" for word in m.text.split()}
    names = {text: place for text, place in names.items() if text not in borne}
    if not names:
        return []
    spans = [(m.start, m.end) for m in mentions] + [(p.start, p.end) for p in places]
    # Most occurrences are the mentions themselves: their starts are skipped before any other test.
    starts = {s for s, _ in spans}
    out = []
    for name, place in names.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            # A whole word, in no model's name, not after a title ("St. Helens"), not a disease's ("Zika virus").
            if start not in starts and (start == 0 or text[start - 1] not in _WORD_GOES_ON) and (
                    text[end:end + 1] not in _WORD_GOES_ON) and not any(s < end and start < e for s, e in spans) and (
                    not not_a_place(text, end) and not _TITLE_BEFORE.search(text, max(0, start - 12), start)):
                out.append(dataclasses.replace(place, start=start, end=end, entity=None, confidence=0.6,
                                               evidence="named again; placed elsewhere in the article"))
                spans.append((start, end))
            start = text.find(name, end)
    return out


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen)\.?\s+$")
#: Characters that continue a word: a name found inside one is not the name ("Parisian", "Tunis-based").
_WORD_GOES_ON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’-_")


#: A name in capitals made of initials: "BC", "SA", "T&T", "NSW" (not "U.S.", which the gazetteer spells).
#: What may not stand right before one (tested by hand: a look-behind made the search three times slower).
_INITIALISM = re.compile(r"[A-Z](?:&?[A-Z]){1,3}(?![\w&’'$-]|\.\w)")
_NOT_BEFORE_INITIALS = frozenset("&.’'$-")


def _own_geography(text: str, places: list[Place]) -> tuple[set[str], set[str]]:
    """The ids of the regions and countries the article names (its places, the regions written after them:
    "Nelson, B.C.") and the codes of the region and country most of its places are in (at least two, and
    half of them), with the countries of its demonyms of two words ("South Africans")."""
    ids: set[str] = set()
    codes: set[str] = set()
    admin1: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for place in places:
        if place.within or not place.gazetteer_id:
            continue
        ids.add(place.gazetteer_id)
        ids.update(e.id for e in outer_places(text, place.end, postal=True))
        if place.type == "demonym" and " " in place.text and place.country:
            codes.add(place.country)
        elif place.type in ("city", "county", "region") and (region := _admin1(place)):
            admin1[region] += 1
        if place.country and place.type != "demonym":
            countries[place.country] += 1
    for votes in (admin1, countries):
        if votes and (top := votes.most_common(1)[0])[1] >= 2 and top[1] * 2 >= sum(votes.values()):
            codes.add(top[0])
    return ids, codes


@lru_cache(maxsize=4096)
def _initialled(initials: str) -> list[GazEntry]:
    """The regions and countries with these initials; none for a form the gazetteer spells ("US"), which
    the scan has judged already."""
    if initials in gazetteer() and not all(_town_in_other_letters(e, initials) for e in gazetteer().lookup(initials)):
        return []
    return gazetteer().initialled(initials)


def _town_in_other_letters(entry: GazEntry, initials: str) -> bool:
    """Whether a gazetteer entry for initials is a town whose name only folds to them ("Wa", Ghana, for "WA")."""
    return entry.type == "city" and entry.name != initials and entry.name.upper() == initials


def _read_as_a_town(place: Place) -> bool:
    """A place the model labelled whose initials the gazetteer read as a town's name ("WA" as Wa, Ghana): the
    initials of a region of the article's own geography replace it."""
    return place.text.isupper() and place.type == "city" and place.name is not None and (
        place.name != place.text and place.name.upper() == place.text)


def _initialisms(text: str, places: list[Place], mentions: Iterable[Mention]) -> list[Place]:
    """The initials of a region or country of the article's own geography: "SA" in a story naming South
    Africa, "BC" ("FrontCounter BC") in a story of towns in British Columbia, "T&T" beside Trinidad (#13).
    Only the article's own places are read so: "SA" is South Africa in one story, South Australia in another."""
    geography: tuple[set[str], set[str]] | None = None
    out = []
    for match in _INITIALISM.finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE_INITIALS) or not (
                found := _initialled(match.group())):
            continue
        if geography is None:
            geography = _own_geography(text, places)
            taken = [(p.start, p.end) for p in places if not _read_as_a_town(p)] + [
                (m.start, m.end) for m in mentions if m.label == "PERSON"]
            names = [m for m in mentions if m.label in NAME_LABELS]
        if any(s < end and start < e for s, e in taken):
            continue
        ids, codes = geography
        # One region may have two entries (GeoNames' and a hand-placed one): the better known.
        found = sorted((e for e in found if e.id in ids or (e.admin1 if e.type == "region" else e.country) in codes),
                       key=lambda e: (not e.curated, -e.population))
        if len({e.admin1 if e.type == "region" else e.country for e in found}) != 1:
            continue  # none of the article's own, or two
        entry = found[0]
        holder = next((m for m in names if m.start <= start and end <= m.end), None)
        within = holder.text if holder is not None and (holder.start, holder.end) != (start, end) else None
        out.append(Place(start, end, match.group(), name=entry.name, gazetteer_id=entry.id, lat=entry.lat,
                         lon=entry.lon, country=entry.country, type=entry.type,
                         entity=holder.entity if holder is not None and not within else None, confidence=0.7,
                         stage=STAGE, evidence=f"the initials of {entry.name}, of the article's own geography",
                         within=within))
    return out


class _Geography:
    """What the article itself says about where it is: its named countries and regions, its "City, State"
    pairs and its dateline (#13).

    Votes are counted once per *name*, and a name never counts its own vote: two mentions of "Parkland"
    must not pull each other to the state their first guess was in. The choice is made once per name, so
    every mention of a name in one article is the same place.
    """

    def __init__(self, text: str, candidates: list[_Candidate]) -> None:
        self.first: dict[str, GazEntry] = {}
        self.held: dict[str, set[str]] = {}
        self.chosen: dict[str, tuple[GazEntry, float, str]] = {}
        self.votes: dict[str, tuple[Counter[str], Counter[str]]] = {}
        #: Small towns placed by the region written after one mention of their name.
        self.towns: dict[str, GazEntry] = {}
        line = dateline(text)
        self.dateline = name_key(line[2]) if line else ""
        for mention, name, found in candidates:
            codes = container(text, mention.start + len(name)) if found else set()
            # Only the codes that hold one of its namesakes: "Frederick, Maryland" is not in Liberia.
            if codes := codes & {c for e in found for c in (e.admin1, e.country) if c}:
                self.held.setdefault(name_key(name), set()).update(codes)
        for mention, name, found in candidates:
            key = name_key(name)
            if found and key not in self.first and mention.label != _TENTATIVE:
                # A name the article places by what it writes after it votes for that namesake, not for the
                # most populous: "Parkland, Florida" must not vote for Washington, home of a bigger Parkland.
                held = self.held.get(key, set())
                found = [e for e in found if held & {e.admin1, e.country}] or found
                self.first[key] = max(found, key=lambda e: _score(e, _NO_VOTES, _NO_VOTES, key))
        self.countries: Counter[str] = Counter()
        self.regions: Counter[str] = Counter()
        for key, entry in self.first.items():
            weight = 2 if key == self.dateline else 1
            held = self.held.get(key, set())
            if entry.country:
                self.countries[entry.country] += weight
            if entry.admin1 and entry.type in ("region", "city", "county"):
                self.regions[entry.admin1] += weight
            for code in held:
                (self.regions if "." in code else self.countries)[code] += weight

    def _context(self, key: str) -> tuple[Counter[str], Counter[str]]:
        """The votes of every other name (kept per name: a name asks for them once per mention)."""
        if (votes := self.votes.get(key)) is not None:
            return votes
        entry = self.first.get(key)
        countries, regions = Counter(self.countries), Counter(self.regions)
        if entry is not None:
            weight = 2 if key == self.dateline else 1
            if entry.country:
                countries[entry.country] -= weight
            if entry.admin1 and entry.type in ("region", "city", "county"):
                regions[entry.admin1] -= weight
            for code in self.held.get(key, set()):
                (regions if "." in code else countries)[code] -= weight
        self.votes[key] = +countries, +regions
        return self.votes[key]

    def choose(self, name: str, found: list[GazEntry], *, local: bool = True) -> tuple[GazEntry, float, str]:
        """The namesake the article points to (the most populous when it says nothing), its margin and why;
        with ``local``, small towns of the article's own region are namesakes too."""
        key = name_key(name)
        if key in self.chosen:
            return self.chosen[key]
        if whole := next((e for k, e in self.first.items() if e.type == "country" and k.startswith(key + " and ")),
                         None):
            # "Trinidad" in a story that names Trinidad and Tobago: the country's short form (#13).
            self.chosen[key] = (whole, 3.0, f"the short form of {whole.name}, which the article names")
            return self.chosen[key]
        countries, regions = self._context(key)
        held = self.held.get(key, set())
        scored = sorted(((_score(e, countries, regions, key) + (5.0 if held & {e.admin1, e.country} else 0.0), e)
                         for e in found), key=lambda p: -p[0])
        if local and regions and scored[0][1].admin1 not in regions and scored[0][1].type != "country" and not (
                held & {scored[0][1].admin1, scored[0][1].country}) and (towns := self._local_towns(name, regions)):
            # A small town in the article's own region is a namesake too, scored like the others: local news
            # names its own villages ("Newport" among towns of Tipperary, "Shelby" in a Montana story), whose
            # bigger namesakes are elsewhere (#13).
            scored = sorted(scored + [(_score(t, countries, regions, key), t) for t in towns], key=lambda p: -p[0])
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
        if held & {best.admin1, best.country}:
            reason = "the region or country written after it"
        elif len(scored) == 1:
            reason = "the only gazetteer entry"
        elif best.admin1 in regions or (best.country in countries and best is not self.first.get(key)):
            reason = "the article's other places"
        else:
            reason = "the most populous namesake"
        self.chosen[key] = (best, margin, reason)
        return self.chosen[key]

    @staticmethod
    def _local_towns(name: str, regions: Counter[str]) -> list[GazEntry]:
        """Small towns called ``name`` in the article's own region: one that holds at least half the votes of
        the regions it names. A story that names twenty states has no region of its own ("Alliance Party")."""
        total = sum(regions.values())
        return [t for t in small_towns(name) if t.admin1 and regions[t.admin1] * 2 >= total]

    def small_town(self, text: str, mention: Mention, name: str, *, written_after: bool = False) -> GazEntry | None:
        """A town under 5,000 people for a place name the gazetteer lacks, only where the article says where
        it is: in a region the article names or writes after it, or the one namesake in a country it names
        ("Samos" in a story about Greece; "Toomevara" beside "Nenagh", Tipperary) (#13). With
        ``written_after`` (a name no model called a place), only the region written after this mention or
        another of the same name counts ("Croft, Yorkshire", "Estey's Bridge, N.B.")."""
        key = name_key(name)
        if key in self.towns:
            return self.towns[key]
        towns = small_towns(name)
        if not towns:
            return None
        if written_after:
            holders = _holders(text, mention.end)
            local = [t for t in towns if any(_holds(holder, t) for holder in holders)]
            if local:
                self.towns[key] = max(local, key=lambda t: t.population)
            return self.towns.get(key)
        countries, regions = self._context(key)
        held = _held_by(text, mention.end)
        local = [t for t in towns if t.admin1 in regions or t.admin1 in held or t.country in held]
        if not local:
            local = [t for t in towns if t.country in countries]
            if len({t.country for t in local}) != len(local):
                return None  # two namesakes in one country and no region says which
        return max(local, key=lambda t: _score(t, countries, regions)) if local else None

    def near(self, name: str, entry: GazEntry) -> bool:
        """Whether a town, county or city-state (a country whose point is that near) another name of the
        article is first placed at lies within :data:`_NEAR_KM` of the entry."""
        key = name_key(name)
        return any(k != key and e.type in ("city", "county", "country") and km_between(e, entry) <= _NEAR_KM
                   for k, e in self.first.items())

    def in_its_country(self, name: str, entry: GazEntry) -> bool:
        """Whether another place of the article is in the entry's country, or a region is written after it."""
        countries, _ = self._context(name_key(name))
        return bool(entry.country and countries[entry.country]) or bool(self.held.get(name_key(name)))

    def names_country(self, country: str | None, *, besides: Collection[str]) -> bool:
        """Whether a name of the article other than those ``besides`` (keys) is first placed in ``country``."""
        return country is not None and any(e.country == country for k, e in self.first.items() if k not in besides)

    def confirms(self, name: str, entry: GazEntry) -> bool:
        """Whether the article names a region holding ``entry`` or writes one after it (a tentative place)."""
        key = name_key(name)
        _, regions = self._context(key)
        return bool(entry.admin1 and (entry.admin1 in regions or entry.admin1 in self.held.get(key, set())))


_Candidate = tuple[Mention, str, list[GazEntry]]
#: The context of a first choice, made before any vote (one shared empty counter: _score never changes it).
_NO_VOTES: Counter[str] = Counter()


def _holders(text: str, end: int) -> list[GazEntry]:
    """The region, county or country written after ", " ("Croft, Yorkshire", "Estey's Bridge, N.B.")."""
    return outer_places(text, end, kinds=("region", "county", "country"), postal=True)


#: How far from a county's point a town it holds may lie: the small towns carry no county code.
_COUNTY_KM = 80.0


def _holds(holder: GazEntry, town: GazEntry) -> bool:
    """Whether a region, county or country holds a town: its code, or for a county, its code and nearness."""
    if holder.type == "country":
        return town.country == holder.country
    if holder.type != "county":
        return holder.admin1 == town.admin1
    # Hand-written counties (Yorkshire, Northamptonshire) carry their country alone.
    return (holder.admin1 or holder.country) == (town.admin1 if holder.admin1 else town.country) and (
        km_between(holder, town) <= _COUNTY_KM)



def _held_by(text: str, end: int) -> set[str]:
    """Region and country codes of the region, county or country written after ", " ("Snetterton, Norfolk")."""
    return {c for e in outer_places(text, end, kinds=("region", "county", "country")) for c in (e.admin1, e.country)
            if c}


def _lookup(text: str, mention: Mention) -> tuple[str, list[GazEntry]]:
    """The name to look up and its namesakes; after ", " a postal code or a short state name that is also a
    word is the state ("Slidell, La.", "HELENA, Mont.", "HORRY COUNTY, SC"), as the town before it says (#13)."""
    if (mention.label == "FAC" or _AIRPORT_AFTER.match(text, mention.end)) and " " not in mention.text.strip() and (
            found := airports(mention.text)):
        # "at Heathrow", "Schiphol" labelled a facility, "Heathrow airport": the airport, not a town of
        # that name in Florida (#13).
        return mention.text, found
    if text[mention.end:mention.end + 1] == "." and _WHERE_STATES_GO.search(text, max(0, mention.start - 3),
                                                                          mention.start) and (
            state := region_abbreviation(mention.text + ".", postal=True)):
        # "STATE COLLEGE, Pa.", "Charlie Dent (R-Pa.)": a state's abbreviation where news writes one, not a
        # town called Pa in Burkina Faso (#17).
        return mention.text + ".", state
    if text[mention.end:mention.end + 1] == "." and (state := region_abbreviation(mention.text + ".", postal=True)):
        # "moved to Pa. last year": the state or nothing, never a town spelt with its letters (Pa, Burkina
        # Faso); a word that is also a title or a word ("Miss.", "Pa.") only in a story of that country (#17).
        return mention.text + ".", state
    name, found = _namesakes(_abbreviation(text, mention))
    if found or text[max(0, mention.start - 2):mention.start] != ", ":
        return name, found
    dotted = mention.text + "."
    if text[mention.end:mention.end + 1] == "." and (state := region_abbreviation(dotted, postal=True)):
        return dotted, state
    return mention.text, region_abbreviation(mention.text, postal=True)


#: What stands before a state's abbreviation: a town and its comma, or a party's letter or a bracket ("(R-Pa.)").
_WHERE_STATES_GO = re.compile(r"(?:,\s|\(|\b[RDI]-)$")
_AIRPORT_AFTER = re.compile(r"(?:['’]s)?\s+(?:international\s+)?airport\b", re.I)
#: A capitalised word after a locative preposition: a place the model may have missed ("in Magnitigorsk").
_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|from|near|to|into|outside)\s+([A-Z][a-z]{6,})\b")


def _respell(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Misspelt places: one letter off a place the article names, or a country or first-level region.

    1. A GPE or LOC the gazetteer lacks ("Lousiana"): the article's own places, then countries and regions.
    2. A word after "in", "at", "from"... that no mention covers and that is one letter off a place the
       article names ("Magnitigorsk" beside "Magnitogorsk").
    """
    from rapidfuzz.distance import Levenshtein

    # A nationality word is no place a name misspells: "Americas" is one letter off "American", "Indians" off
    # "Indiana" (#17).
    known = {name_key(name): name for _, name, found in candidates
             if found and len(name) >= 7 and any(e.type != "demonym" for e in found)}
    # A misspelt region must be in a country the article already names ("Lousiana" beside New Orleans).
    countries = {found[0].country for _, _, found in candidates if found}

    def near(word: str, choices: Iterable[str]) -> str | None:
        # A place's name in the plural is no misspelling of it: "the Americas" beside "America" are the
        # continents, not the United States, and "the Carolinas" both states (#17).
        key = name_key(word)
        return next((c for c in choices if c[:1] == key[:1] and abs(len(c) - len(key)) <= 1
                     and key != c + "s" and Levenshtein.distance(key, c, score_cutoff=1) <= 1), None)

    out = []
    for mention, name, found in candidates:
        if not found and mention.label in ("GPE", "LOC") and len(name) >= 7 and " " not in name:
            if alt := near(name, known):
                found = gazetteer().lookup(known[alt])
            elif alt := near(name, _major_of_shape(name_key(name))):
                found = [e for e in gazetteer().lookup(alt) if e.type in ("country", "region")
                         and e.country in countries]
        out.append((mention, name, found))
    # 2. Only words that open like a known name of their length are worth the other tests: most have no such
    # name, and testing every word after a preposition against every mention was a twentieth of the stage.
    initials = {key[:1] for key in known}
    taken = [(m.start, m.end) for m, _, _ in candidates]
    before = len(out)
    for match in _AFTER_PREPOSITION.finditer(text) if initials else ():
        start, end = match.span(1)
        if match[1][:1].lower() in initials and (alt := near(match[1], known)) and all(
                end <= s or start >= e for s, e in taken) and match[1] not in gazetteer():
            out.append((Mention(start, end, match[1], "GPE", None, STAGE), match[1], gazetteer().lookup(known[alt])))
    return out if len(out) == before else sorted(out, key=lambda c: c[0].start)


@cache
def _major_by_shape() -> dict[tuple[str, int], tuple[tuple[int, str], ...]]:
    """Country and region keys by first letter and length, each with its rank: a misspelling keeps its first
    letter and is one letter longer or shorter at most, and scanning every key for each unknown name was a
    tenth of the stage's time."""
    out: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for rank, key in enumerate(gazetteer().major_keys()):
        out.setdefault((key[:1], len(key)), []).append((rank, key))
    return {k: tuple(v) for k, v in out.items()}


def _major_of_shape(key: str) -> list[str]:
    """The country and region keys a misspelling ``key`` may be of, in the gazetteer's order."""
    shapes = _major_by_shape()
    return [k for _, k in sorted(item for size in (len(key) - 1, len(key), len(key) + 1)
                                 for item in shapes.get((key[:1], size), ()))]


_LIST_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _twin_regions(text: str, places: list[Place]) -> list[Place]:
    """Give the region, not its namesake city, where the text means the region.

    "New York" is first the city; but in "New York, New York" the second one is the state (City, State),
    and so is the one in "Maine, New York, New Jersey" (a list of states).
    """
    out = list(places)
    for i, place in enumerate(places):
        if place.type != "city" or not place.gazetteer_id:
            continue
        before = places[i - 1] if i else None
        after = places[i + 1] if i + 1 < len(places) else None
        city_state = (before is not None and before.type == "city" and text[before.end:place.start] == ", "
                      and _admin1(before) == _admin1(place))
        in_list = (before is not None and before.type == "region" and _LIST_SEP.fullmatch(text[before.end:place.start])
                   or after is not None and after.type == "region" and _LIST_SEP.fullmatch(text[place.end:after.start]))
        if not (city_state or in_list):
            continue
        # In a list of regions the twin need not hold the city: "California or Washington" is the state,
        # not the capital, as long as it is in the country of the regions beside it (#13).
        beside = {p.country for p in (before, after) if p is not None and p.type == "region"} if in_list else set()
        twin = next((e for e in gazetteer().lookup(place.text) if e.type == "region" and e.admin1
                     and (e.admin1 == _admin1(place) or e.country in beside)), None)
        if twin:
            out[i] = dataclasses.replace(place, name=twin.name, gazetteer_id=twin.id, lat=twin.lat, lon=twin.lon,
                                         type=twin.type)
    return out


def _admin1(place: Place) -> str | None:
    found = [e for e in gazetteer().lookup(place.name or place.text) if e.id == place.gazetteer_id]
    return found[0].admin1 if found else None


#: Place types that are geopolitical entities; the others (rivers, seas, landmarks) are locations.
_GPE_TYPES = frozenset({"city", "region", "country", "union", "seat", "county", "state"})


def relabel_places(entities: tuple[Entity, ...], mentions: tuple[Mention, ...], places: list[Place]
                   ) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Give an entity the model called a person, organisation or nationality its place label.

    The small English model calls "Kherson", "the Danube" or "Rotterdam" a person now and
    then; when the gazetteer resolved *every* mention of such an entity to a place, the entity
    (and its mentions) become GPE or LOC, when most of its mentions (at least two, or its only
    one) resolved to one kind of place; "Jordan" the player, placed once in three, stays a person.
    """
    resolved: dict[str, set[str]] = {}
    for place in places:
        if place.entity and place.gazetteer_id and place.type and place.type not in ("demonym", "site"):
            resolved.setdefault(place.entity, set()).add("GPE" if place.type in _GPE_TYPES else "LOC")
    counts = Counter(m.entity for m in mentions if m.entity)
    placed = Counter(p.entity for p in places if p.entity and p.gazetteer_id)
    new_label = {e.id: next(iter(resolved[e.id])) for e in entities
                 if e.label in ("PERSON", "ORG", "NORP") and len(resolved.get(e.id, ())) == 1
                 and placed[e.id] * 2 > counts[e.id]}
    if not new_label:
        return entities, mentions
    return (tuple(dataclasses.replace(e, label=new_label[e.id]) if e.id in new_label else e for e in entities),
            tuple(dataclasses.replace(m, label=new_label[m.entity]) if m.entity in new_label else m for m in mentions))


def short_forms_at_their_name(entities: tuple[Entity, ...], places: list[Place]) -> list[Place]:
    """An entity's initials or abbreviation placed apart from its full name take the full name's place.

    The entity stage joins "LA" to "Los Angeles" in a film review; the place stage reads each name on its own,
    and "LA" alone is Louisiana's code, so the review's Los Angeles was placed in Louisiana and the corpus
    joined it to the state (#17). Only a short form follows ("LA", "L.A.", "Calif."): two full names of one
    entity placed apart are left as the place stage read them.

    >>> la = Place(0, 11, "Los Angeles", name="Los Angeles", gazetteer_id="x:la", entity="e1")
    >>> code = Place(20, 22, "LA", name="Louisiana", gazetteer_id="gn:1", type="region", entity="e1")
    >>> [p.name for p in short_forms_at_their_name((Entity("e1", "Los Angeles", "GPE"),), [la, code])]
    ['Los Angeles', 'Los Angeles']
    """
    names = {e.id: e.name for e in entities}
    whole = {p.entity: p for p in places if p.entity and p.gazetteer_id and p.text == names.get(p.entity)}
    if not whole:
        return places
    out = []
    for place in places:
        full = whole.get(place.entity) if place.entity else None
        if full is not None and place.gazetteer_id != full.gazetteer_id and _short_form(place.text):
            place = dataclasses.replace(place, name=full.name, gazetteer_id=full.gazetteer_id, lat=full.lat,
                                        lon=full.lon, country=full.country, type=full.type,
                                        evidence=f"the short form of {full.text}, placed so in this article")
        out.append(place)
    return out


def _short_form(text: str) -> bool:
    """Initials ("LA", "L.A.") or an abbreviation ("Calif.")."""
    letters = text.replace(".", "")
    return letters.isalpha() and (letters.isupper() and len(letters) <= 4 or text.endswith("."))


def _spacy_mentions(article: Article, settings: Settings, parses: ParseCache) -> list[Mention]:
    """The model's names, as the entities stage would read them: none in a paragraph in another language (a
    German story gave "Zustand", "Sicherheit" and "Kunden" as unplaced places, #17)."""
    doc = parses.parse([article.text], model=settings.spacy_model)[0]
    foreign = foreign_ranges(article.paragraphs, article.lang)
    return [Mention(e.start_char, e.end_char, e.text, e.label_, None, STAGE) for e in doc.ents
            if not any(s <= e.start_char < end for s, end in foreign)]


class PlacesStage(ParsingStage):
    """Resolve places; falls back to spaCy's entities when no mentions were given."""

    name = STAGE
    requires = ("text", "mentions", "entities")
    assigns = ("places", "entities", "mentions", "metadata_mentions")

    def process(self, article: Article) -> Article:
        """The article with its places, and the entities the gazetteer shows to be places relabelled."""
        mentions = article.mentions or _spacy_mentions(article, self.settings, self.parses)
        places = short_forms_at_their_name(article.entities, resolve_places(article, mentions))
        entities, mentions = relabel_places(article.entities, article.mentions, places)
        # a name in a caption or the headline is the same entity: its mentions there take the new label too (#12)
        labels = {entity.id: entity.label for entity in entities}
        metadata = tuple(m if labels.get(m.entity or "", m.label) == m.label else dataclasses.replace(m, label=labels[m.entity or ""])
                         for m in article.metadata_mentions)
        return article.replace(places=tuple(places), entities=entities, mentions=mentions, metadata_mentions=metadata)


def make_stage(settings: Settings, *, parses: ParseCache | None = None) -> PlacesStage:
    """The ``extract.places`` stage; ``parses`` is the pipeline's parse cache."""
    return PlacesStage(settings, parses=parses)
