"""Streets, buildings and venues the gazetteer lacks, placed at the town the text puts them in (#13).

Local news names its streets, halls, hospitals and grounds far more often than any gazetteer lists
them ("Collins Avenue", "the Central Mental Hospital", "Barclays Center"). Such a name is a place,
and the town it stands in is a point within a few kilometres of it:

1. **The town the text writes with it**: right after it ("the Central Mental Hospital in Dundrum",
   "Kingsley Road in Estey's Bridge", "the Convention Centre, Dublin") or before it with a possessive
   ("Seoul's Jamsil Stadium", "Derry's Altnagelvin Hospital").
2. **The story's own town**: its dateline's town, or the town it places most often when no other
   town is placed as often ("Royal Street" in a story of New Orleans streets); where the story has no
   town of its own, the one town the site's sentence names ("Doctors at the Alder Hey Children's Hospital
   where Alfie is admitted in Liverpool"). Names of institutions ("Loyola University") take only a town
   written with them: a university is not where the story is. Nor does a national body's ("the National
   Hurricane Center"); a street is none, whatever its first word ("Royal Street").

3. **A district written with its town**: "the Crown Heights neighborhood of Brooklyn", "Cairo's gated
   suburb of Madinaty": the town's point, and the district's other mentions with it.
4. **A road by its number** ("the A417", "via the A436, A40 and A429") in a story of roads, where its
   sentence speaks of them ("carriageway", "roundabout", "junction"...): the town written after it ("on the
   A120 at Coggeshall", "the A429 Cirencester junction"), else the story's own town. An aircraft ("the A380")
   is not written so.
5. **Two streets named together** before the noun they share ("at State and Hubbard streets", "the
   Chartres/Franklin intersection"), at the town written after them or the story's own, as roads are.
6. **A place the gazetteer lacks** that the model called a place and the text writes as one ("26 applicants
   in Portroe"), at the story's own town where the text names that town near it
   (:func:`unplaced_at_the_story_town`).

A name is a site by its last word ("Street", "Hospital", "Stadium"...), or by "at" before it and its town
written after it ("at Terra Kulture in Lagos"), never by the model's label alone: the model's FAC label also covers masses, operations and people ("Easter Vigil", "Helen
Kunz"). The site takes the town's point and entry with ``type="site"``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..model import Mention, Place
from .gazetteer import km_between

#: The last word of a street's, building's or venue's name.
_SITE_WORDS = frozenset({
    "Street", "St.", "St", "Avenue", "Ave.", "Ave", "Road", "Rd.", "Rd", "Drive", "Boulevard", "Blvd.", "Blvd",
    "Lane", "Square", "Place", "Parade", "Highway", "Bridge", "Stadium", "Arena", "Centre", "Center", "Hospital",
    "Church", "Chapel", "Cathedral", "Basilica", "Hall", "Prison", "Theatre", "Theater", "Museum", "Library",
    "Courthouse", "Station", "Estate", "Racecourse", "Hotel", "Tower", "Market", "Mall", "Plaza", "Canal", "Pier",
    "Castle", "Palace", "Cottage", "Farm", "Farms", "Campus", "Cemetery", "Park", "Gardens", "Inn", "Plantation",
    "Lagoon"})
#: The first word of a street's or building's name in the languages news borrows them from ("Rue Casa Calvo",
#: "Palais des Nations", "Museum of Ice Cream").
_SITE_FIRST = re.compile(r"^(?:the\s+)?(?:Rue|Palais|Museum\s+of|Camp)\s")
_SITE_FIRST_LETTERS = frozenset("tRPMC")
#: The last word of an institution's name, or its first before "of": a site only where the text writes its
#: town.
_INSTITUTION_WORDS = frozenset({"University", "College", "School", "Academy", "Institute", "Embassy", "Consulate",
                                "Court"})
#: The last or first word of a natural feature's name ("Tijuana River", "Cape Peron"): like an institution's, it is
#: placed only at a town the text writes with it; a story's own town is no island's or bay's ("Easter Island" of
#: a story from Los Angeles).
_FEATURE_WORDS = frozenset({"River", "Island", "Point", "Bay", "Creek", "Mountains", "Delta", "Valley"})
_FEATURE_FIRST = re.compile(r"^(?:the\s+)?(?:Lake|Cape|Mount)\s")
_INSTITUTION_OF = re.compile(rf"\b(?:{'|'.join(sorted(_INSTITUTION_WORDS))})\s+of\s")
#: The first word of a national or international body's name: its seat is not where the story is
#: ("the National Hurricane Center" in a story of Palm Beach County).
_BODY = re.compile(r"^(?:the\s+)?(?:National|Federal|International|World|European|United|Royal|State)\s")
#: What joins a site to the town written after it: "in", "near", a comma; an initialism may come first
#: ("the New Bilibid Prison (NBP) in Muntinlupa").
_TOWN_AFTER = re.compile(r"(?:\s*\([A-Z]{2,6}\))?(?:,\s*(?:located\s+)?(?:(?:in|near|at)\s+)?|\s+(?:in|near|at)\s+)"
                         r"(?:the\s+)?")
#: A name: capitalised words, numbers and the small words names carry ("Palais des Nations", "401 - 333
#: Victoria St."); not a phrase the model ran into one ("Passing out Parade").
_NAMED = re.compile(r"(?:(?:[A-Z0-9][\w'’.&+-]*|of|the|des|de|du|la|le|and|&|-)(?:\s+|$))+")
#: Labels a site's name may carry: the model's facilities, organisations, persons, and the locations and
#: places the gazetteer could not resolve ("South Ingleside Avenue").
_LABELS = frozenset({"FAC", "ORG", "PERSON", "LOC", "GPE"})
#: Labels of a venue's name that "at" shows to be one: the model's facilities, organisations and events.
_VENUE_LABELS = frozenset({"FAC", "ORG", "EVENT"})
_AT_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s\s+")
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")
#: Kinds of place a site stands in: a town (or a county, for a venue in the country).
_TOWN_TYPES = frozenset({"city", "county"})
#: The nouns of a town's parts: what the text calls a district it writes with its town (3.).
_DISTRICT_NOUN = r"(?:neighbou?rhood|district|suburb|borough)"
#: After a district's name: "(the Crown Heights) neighborhood of (Brooklyn)".
_DISTRICT_OF = re.compile(rf"\s+{_DISTRICT_NOUN}\s+(?:of|in)\s+(?:the\s+)?")
#: Before it, after its town: "(Cairo)'s gated suburb of (Madinaty)", "(Paris)’s 11th district of".
_TOWN_S_DISTRICT = re.compile(rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?{_DISTRICT_NOUN}\s+of\s+$")
#: A road by its number, in the letters of British and Irish road numbering ("the A417", "M25", "N7").
_ROAD = re.compile(r"(?<=[Tt]he )(?P<road>[ABMN]\d{1,4}(?:\(M\))?)\b(?!-|\.\d)")
#: More roads listed after one: "the A436, A40 and A429".
_MORE_ROADS = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)(?P<road>[ABMN]\d{1,4}(?:\(M\))?)\b(?!-|\.\d)")
#: Words of a sentence about roads: only there is "the A40" a road, not an aircraft or a paper size.
_ROAD_WORDS = re.compile(r"\b(?:road|roads|carriageway|roundabout|junction|motorway|lane|lanes|southbound|"
                         r"northbound|eastbound|westbound|traffic|lorry|diversion|closure|closed|crash|"
                         r"collision|dual|slip)\b", re.I)
#: A sentence's bounds around a road's number.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _town(place: Place) -> bool:
    # A town named inside a longer name is still the town ("Derry" of "Derry's Altnagelvin Hospital").
    return place.type in _TOWN_TYPES and place.gazetteer_id is not None


@lru_cache(maxsize=1 << 14)
def _shape(name: str) -> tuple[bool, bool] | None:
    """Whether a name of several words is a site's and an institution's, or ``None`` when it is neither."""
    last = name[name.rfind(" ") + 1:]
    site = last in _SITE_WORDS or name[:1] in _SITE_FIRST_LETTERS and bool(_SITE_FIRST.match(name))
    institution = last in _INSTITUTION_WORDS or " of " in name and bool(_INSTITUTION_OF.search(name)) \
        or _feature(name)
    return (site, institution) if (site or institution) and " " in name.strip() else None


def _feature(name: str) -> bool:
    """Whether a name of several words is a natural feature's ("Nile Delta", "Lake Manassas")."""
    return name[name.rfind(" ") + 1:] in _FEATURE_WORDS or name[:1] in "tLCM" and bool(_FEATURE_FIRST.match(name))


def named_like_a_site(name: str) -> bool:
    """Whether a name of several words ends like a street's, building's or venue's ("Washington Square")."""
    shape = _shape(name)
    return shape is not None and shape[0]


def _story_town(places: Sequence[Place], dateline: str | None, persons: Sequence[tuple[int, int]] = ()
                ) -> Place | None:
    """The story's own town (module docstring, 2.), among the towns the model did not call persons (``persons``
    are their spans): "Franklin", a street of New Orleans the model called a person and the gazetteer a town
    in Louisiana, had been the town of a story of New Orleans streets; "McGregor", the fighter, the town of
    a press conference at Barclays Center (#13):

    0. only towns of the country the article's places are in most often, when one leads: "Delft", which the
       gazetteer knows only in the Netherlands, named as often as Cape Town in a story of Cape Town's
       townships, made no town the story's own;
    1. the dateline's town;
    2. the town the article names most often, when no other is named as often;
    3. the town around which most of the article's towns lie: the one with the most town mentions within
       :data:`_LOCAL_KM` of it, when they are more than half of them all (a local story's towns cluster;
       one that names towns across a country has no town of its own).
    """
    towns = [p for p in places if _town(p) and p.lat is not None and p.lon is not None
             and not any(s <= p.start and p.end <= e for s, e in persons)]
    # 0.
    countries = Counter(p.country for p in places if p.country and p.type != "site").most_common(2)
    if countries and (len(countries) == 1 or countries[0][1] > countries[1][1]):
        towns = [p for p in towns if p.country == countries[0][0]]
    # 1.
    if dateline and (line := next((p for p in towns if p.text.casefold() == dateline.casefold()), None)):
        return line
    # 2.
    counts = Counter(p.gazetteer_id for p in towns)
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return next(p for p in towns if p.gazetteer_id == top[0][0])
    # 3.
    distinct = list({p.gazetteer_id: p for p in towns}.values())
    near = {p.gazetteer_id: sum(km_between(p, q) <= _LOCAL_KM for q in towns) for p in distinct}
    best = max(distinct, key=lambda p: (near[p.gazetteer_id], counts[p.gazetteer_id]), default=None)
    return best if best is not None and near[best.gazetteer_id] * 2 > len(towns) else None


#: How far apart two towns of one local story may lie.
_LOCAL_KM = 50.0




#: The last word of a street's name: a street is no body's seat, whatever its first word ("Royal Street",
#: "State Street").
_STREET_WORDS = frozenset({"Street", "St.", "St", "Avenue", "Ave.", "Ave", "Road", "Rd.", "Rd", "Drive",
                           "Boulevard", "Blvd.", "Blvd", "Lane", "Parade", "Highway"})


def _street(name: str) -> bool:
    return name[name.rfind(" ") + 1:] in _STREET_WORDS


def _sentence_town(text: str, start: int, end: int, towns: Sequence[Place]) -> Place | None:
    """The one town placed in a site's sentence, when its sentence names one and no other ("Doctors at the
    Alder Hey Children's Hospital where Alfie is admitted in Liverpool"); a sentence that names two towns
    ("flew from Toronto to the Rogers Centre in ...") settles nothing."""
    opens = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    closes = found.start() if (found := _SENTENCE_END.search(text, end)) else len(text)
    inside = {p.gazetteer_id: p for p in towns if opens <= p.start and p.end <= closes and p.lat is not None}
    return next(iter(inside.values())) if len(inside) == 1 else None


def _written_town(text: str, start: int, end: int, by_start: dict[int, Place], by_end: dict[int, Place]
                  ) -> Place | None:
    """The town written with a site: after it ("in Dundrum", ", Dublin") or before it ("Seoul's")."""
    if (after := _TOWN_AFTER.match(text, end)) and (town := by_start.get(after.end())) is not None:
        return town
    if (before := _POSSESSIVE_BEFORE.search(text, max(0, start - 3), start)) is not None:
        return by_end.get(before.start())
    return None


def _known_place(name: str) -> bool:
    """Whether the gazetteer knows a name as a town, county or region: no street or building of one."""
    from .gazetteer import gazetteer  # loaded once per process

    return any(e.type in ("city", "county", "region") for e in gazetteer().lookup(name))


def _known_near(name: str, town: Place) -> bool:
    """Whether the gazetteer knows a name as a town, county or region within :data:`_NAMESAKE_KM` of ``town``."""
    from .gazetteer import gazetteer

    return any(e.type in ("city", "county", "region") and km_between(e, town) <= _NAMESAKE_KM
               for e in gazetteer().lookup(name))


#: How near a town of a site's name must lie to its story's town for the name to be that town.
_NAMESAKE_KM = 161.0


def sites(text: str, mentions: Iterable[Mention], places: Sequence[Place], *, dateline: str | None = None,
          stage: str = "") -> list[Place]:
    """Places for the streets, buildings and venues among ``mentions`` (module docstring).

    Args:
        text: The article's text.
        mentions: Named-entity mentions; those that overlap a place of ``places`` are left alone.
        places: The places resolved so far.
        dateline: The dateline's place name, if the article has one.
        stage: The stage name the places are given.

    Returns:
        One :class:`Place` of ``type="site"`` per site placed, at its town's point.
    """
    towns = [p for p in places if _town(p)]
    if not towns:
        return []  # every site, road and district takes a town's point: none to take
    mentions = list(mentions)
    shaped = []
    for mention in mentions:
        if mention.label in _LABELS and (shape := _shape(mention.text)) is not None:
            shaped.append((mention, *shape))
        elif text[mention.end + 1:mention.end + 2] in _ROAD_NOUN_INITIALS and mention.label in _LABELS and (
                _ROAD_NOUN_AFTER.match(text, mention.end)):
            # "the Air Balloon roundabout", "the Holloway junction": a road's place by the noun written after it.
            shaped.append((mention, True, False))
        elif mention.label in _VENUE_LABELS and _AT_BEFORE.search(text, max(0, mention.start - 8), mention.start):
            # "at Terra Kulture in Lagos", "at the Feis Ceoil in Dublin": a venue by the word before it, named
            # like no site; like an institution's, placed only where the text writes its town (1.).
            shaped.append((mention, False, True))
    roads = list(_roads(text)) if any(word in text for word in _ROAD_STORY) else []
    if " streets" in text or "intersection" in text:
        roads += _street_pairs(text)
    districts = any(noun in text for noun in _DISTRICT_NOUNS)
    if not shaped and not roads and not districts:
        return []  # most articles: no mention is named like a site, no road, no district
    by_start = {p.start: p for p in towns}
    by_end = {p.end: p for p in towns}
    story: Place | None = None
    story_read = False
    spans = [(p.start, p.end) for p in places]
    persons = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
    out = _districts(text, mentions, spans, by_start, by_end, stage=stage) if districts else []
    for mention, site, institution in shaped:
        name = mention.text
        start = mention.start
        if (own := _POSSESSIVE.search(name)) and (
                town := by_end.get(start + own.start())) is not None and " " in name[own.end():]:
            # "Derry's Altnagelvin Hospital" as one mention: the town is placed, the site is what follows.
            start, name = start + own.end(), name[own.end():]
        elif any(s < mention.end and start < e for s, e in spans):
            continue
        else:
            town = None
        if not _NAMED.fullmatch(name):
            continue
        known = _known_place(name)
        if known and not (site and mention.label == "FAC" and text[max(0, start - 2):start] != ", "):
            # A name the gazetteer knows is that place, the more so written after a comma as an address's town
            # ("234 Park Crescent, Carleton Place", a town of Ontario) (#17).
            continue
        town = town or _written_town(text, start, mention.end, by_start, by_end)
        why = f"a site in {town.name}, as the text writes it" if town else ""
        if town is None and site and not institution and (not _BODY.match(name) or _street(name)):
            if not story_read:
                story, story_read = _story_town(places, dateline, persons), True
            town = story
            why = f"a site of the story's own town, {town.name}" if town else ""
            if town is None and (town := _sentence_town(text, start, mention.end, towns)) is not None:
                why = f"a site of the one town its sentence names, {town.name}"
        elif town is None and not site and _feature(name) and (town := _sentence_town(
                text, start, mention.end, [t for t in towns if t.within is None])) is not None:
            # "a village north of Cairo, in the Nile Delta"; a town read inside another name says nothing of where
            # the sentence is ("Mount Rushmore on the eve of Independence Day").
            why = f"a feature near the one town its sentence names, {town.name}"
        if town is None or known and _known_near(name, town):
            # A facility named like a site that the gazetteer knows only as towns far from its own ("Washington
            # Square" of a New Orleans story, a town in Pennsylvania) is the site; near, it is that town.
            continue
        out.append(dataclasses.replace(town, start=start, end=mention.end, text=text[start:mention.end],
                                       type="site", entity=mention.entity, stage=stage or town.stage,
                                       confidence=0.6 if why.endswith("writes it") else 0.3, evidence=why,
                                       within=None))
        spans.append((start, mention.end))
    if out:
        out += _sites_named_again(mentions, out, spans, stage)
    for start, end in roads:
        if any(s < end and start < e for s, e in spans):
            continue
        town = _written_town(text, start, end, by_start, by_end) or (
            by_start.get(end + 1) if text[end:end + 1] == " " else None)
        why = f"a road or street at {town.name}, as the text writes it" if town else ""
        if town is None:
            if not story_read:
                story, story_read = _story_town(places, dateline, persons), True
            town = story
            why = f"a road or street of the story's own town, {town.name}" if town else ""
        if town is not None:
            out.append(dataclasses.replace(town, start=start, end=end, text=text[start:end], type="site",
                                           entity=None, stage=stage or town.stage, evidence=why, within=None,
                                           confidence=0.6 if why.endswith("writes it") else 0.3))
            spans.append((start, end))
    return sorted(out, key=lambda p: p.start)


def _sites_named_again(mentions: Iterable[Mention], placed: list[Place], spans: list[tuple[int, int]], stage: str
                       ) -> list[Place]:
    """Other mentions of a site's name, at its town: "the Air Balloon roundabout" ... "from the Air Balloon to
    Cirencester" (one place per name in an article, as for towns)."""
    by_text = {p.text: p for p in placed}
    out = []
    for mention in mentions:
        site = by_text.get(mention.text)
        if site is not None and mention.label in _LABELS and not any(
                s < mention.end and mention.start < e for s, e in spans):
            out.append(dataclasses.replace(site, start=mention.start, end=mention.end, entity=mention.entity,
                                           stage=stage or site.stage, evidence=f"named again; {site.evidence}"))
            spans.append((mention.start, mention.end))
    return out


#: A road's noun after a name, in lower case: the name is the road's place ("the Air Balloon roundabout").
_ROAD_NOUN_AFTER = re.compile(r" (?:roundabout|junction|interchange|crossroads|flyover)\b")
_ROAD_NOUN_INITIALS = frozenset("rjicf")


#: Whether a text names a town's part at all: the districts' test is skipped where none is written (a search
#: for plain words, a tenth of a pattern's cost over a whole text).
_DISTRICT_NOUNS = ("neighbo", "district", "suburb", "borough")
#: Words only a story about roads writes: the road numbers are looked for only in such a story ("bound" of
#: "southbound"...; each word is a search through the whole text, so they are few).
_ROAD_STORY = ("carriageway", "roundabout", "motorway", "bound", "lorry")


def _districts(text: str, mentions: Iterable[Mention], spans: list[tuple[int, int]], by_start: dict[int, Place],
               by_end: dict[int, Place], *, stage: str) -> list[Place]:
    """Districts the gazetteer lacks, at the town the text writes with them (module docstring, 3.), and the
    district's other mentions of the same name; ``spans`` grows with each."""
    mentions = [m for m in mentions if m.label in _LABELS]
    found: dict[str, Place] = {}
    for mention in mentions:
        if mention.text in found or any(s < mention.end and mention.start < e for s, e in spans):
            continue
        town = None
        if (after := _DISTRICT_OF.match(text, mention.end)) is not None:
            town = by_start.get(after.end())
        elif (before := _TOWN_S_DISTRICT.search(text, max(0, mention.start - 40), mention.start)) is not None:
            town = by_end.get(before.start())
        if town is not None and _NAMED.fullmatch(mention.text + " ") and not _known_place(mention.text):
            found[mention.text] = dataclasses.replace(
                town, type="site", stage=stage or town.stage, confidence=0.6, within=None,
                evidence=f"a district of {town.name}, as the text writes it")
    out = []
    for mention in mentions:
        if (district := found.get(mention.text)) is not None and not any(
                s < mention.end and mention.start < e for s, e in spans):
            out.append(dataclasses.replace(district, start=mention.start, end=mention.end, text=mention.text,
                                           entity=mention.entity))
            spans.append((mention.start, mention.end))
    return out


#: Two streets named together before the noun they share: "State and Hubbard streets", "the Chartres/Franklin
#: intersection" (5.).
_STREET_PAIR = re.compile(r"(?<![\w'’.-])(?P<one>[A-Z][\w'’.-]*)(?:\s+and\s+|/)(?P<two>[A-Z][\w'’.-]*)\s+"
                          r"(?:streets|avenues|roads|intersection)\b")


def _street_pairs(text: str) -> list[tuple[int, int]]:
    """The spans of two streets named together before "streets" or "intersection" (module docstring, 5.)."""
    return [span for match in _STREET_PAIR.finditer(text) for span in (match.span("one"), match.span("two"))]


def _roads(text: str) -> Iterable[tuple[int, int]]:
    """The spans of road numbers in sentences about roads (module docstring, 4.)."""
    for match in _ROAD.finditer(text):
        opens = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        closes = end.start() if (end := _SENTENCE_END.search(text, match.end())) else len(text)
        if not _ROAD_WORDS.search(text, opens, closes):
            continue
        yield match.span("road")
        at = match.end()
        while (more := _MORE_ROADS.match(text, at)) is not None:
            yield more.span("road")
            at = more.end()


def unplaced_at_the_story_town(text: str, places: Sequence[Place], mentions: Iterable[Mention], *,
                               dateline: str | None = None) -> list[Place]:
    """``places`` with the places the gazetteer lacks (kept without a point: "Khayelitsha", "Toomevara")
    placed at the story's own town (:func:`_story_town`) where it is the dateline's or the text names it
    near them (within :data:`_PASSAGE` characters): a local story's villages, townships and districts lie
    around its town, a few kilometres off, and no offline gazetteer lists most of them (#13). Left without a
    point where the story has no town of its own or names it only far from them (on the Wikinews texts
    these were mostly no places: "in Robotics", "the Qur'an", "in Olympiads"), where the text writes a
    region or country after it that does not hold the story's town ("the port town of Mokha, Yemen" in a
    story from Abu Dhabi), and so is a name in capitals alone.

    Only the names the model called places and the text writes as places are kept so; locations the
    gazetteer lacks are not placed this way: they are rivers, seas and regions as often as a town's parts
    ("Eastern Ghouta" of a story from Moscow, "the eastern Pacific").
    """
    if all(p.gazetteer_id is not None for p in places):
        return list(places)
    persons = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
    story = _story_town(places, dateline, persons)
    if story is None:
        return list(places)
    named = [p.start for p in places if p.gazetteer_id == story.gazetteer_id and p.type != "site"]
    # The dateline's town is where the whole story is told from: near every name of it.
    everywhere = bool(dateline) and story.text.casefold() == (dateline or "").casefold()
    why = "its dateline" if everywhere else "named near it"
    return [dataclasses.replace(story, start=p.start, end=p.end, text=p.text, type="site", entity=p.entity,
                                stage=p.stage, confidence=0.2, within=None,
                                evidence=f"{p.evidence}; placed at the story's own town, {story.name}, {why}")
            if p.gazetteer_id is None and not _capitals(p.text) and _held(text, p.end, story) and (
                everywhere or any(abs(at - p.start) <= _PASSAGE for at in named)) else p for p in places]


def _held(text: str, end: int, town: Place) -> bool:
    """Whether the region or country written after a name (", Yemen") holds ``town``; true where none is."""
    from ._place_scan import container
    from .gazetteer import gazetteer

    if not (codes := container(text, end)):
        return True
    entry = next((e for e in gazetteer().lookup(town.name or town.text) if e.id == town.gazetteer_id), None)
    return town.country in codes or (entry is not None and entry.admin1 in codes)


#: How near a place the gazetteer lacks the text must name the story's town: about three sentences.
_PASSAGE = 400


def _capitals(name: str) -> bool:
    """Whether a name is written in capitals alone: an initialism or a shouted word ("BOV", "MURALS") is no
    village's name to place by the story alone."""
    return not any(c.islower() for c in name)
