"""Place candidates the model's labels miss: gazetteer names found in the text, each checked by its context.

The small English model labels a third of the toponyms of local news PERSON, ORG or
nothing at all ("Gainesville" as a person, "Suwon" unlabelled), and never gives the
place inside a longer name ("Dublin City Council", "The Washington Post", "the
University of Alberta"). This module finds them by the gazetteer and keeps one only
on evidence (issue #13):

1. **Context of a lone name**: a locative preposition before it ("in Manbij"), a
   place noun ("the town of Southold"), a container after it ("Parkland, Florida",
   "Lemay, Mo."), a dateline ("ALLENDALE, N.J. --"), or a list with a place already
   found ("Hilversum and Almelo"). Countries, first-level regions, counties and the
   hand-written entries need no context; a lone common word ("Mobile", "Reading")
   needs it even then.
2. **A name inside a longer name** (an organisation, facility, work or an unlabelled
   run of capitalised words): its first words or the words after "of". Countries,
   regions, counties, hand-written entries and demonyms are kept; a town only when it
   is big, or as a tentative place that the article's own geography must confirm.
3. **Never**: a name in a person's name ("Jack London"), after a title ("Mr. Lincoln"),
   in a disease's name ("West Nile virus", "Lassa fever") or a product's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..first_names import first_name_genders
from ..model import Mention
from .gazetteer import GazEntry, demonym, fold, gazetteer, name_key, region_abbreviation, spelled_out, written_as

STAGE = "extract.places"

#: Labels of longer names whose first words or "of" words may be a place ("Dublin City Council").
NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "NORP"})
#: Kinds of entry that are places by name alone, without context.
NAMED_KINDS = frozenset({"country", "region", "county", "continent", "union"})
#: Country names that are also people's names ("Jordan", "Chad"): never a place by name alone.
NAME_LIKE_COUNTRIES = frozenset({"Jordan", "Georgia", "Chad", "Israel", "Niger", "Mali", "America", "Korea", "Macedonia",
                                 "Holland"})

#: A capitalised word: "Suwon", "Prešov", "O'Fallon", "St.", "U.S.", "W.Va.".
_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-Z](?:\.[A-Z])+\.?)"
_RUN = re.compile(rf"(?=[A-ZÀ-ÖØ-Þ])(?<![\w.'’]){_WORD}(?:[ -]{_WORD})*")
_LOCATIVE = re.compile(r"(?:\b(?:in|near|outside|across|around|into|toward|towards|throughout|within|inside|"
                       r"downtown|suburban|northern|southern|eastern|western|central)|\b(?:city|town|village|"
                       r"suburb|province|state|county|region|district|capital|cities|towns|villages|island|"
                       r"municipality|borough|neighbou?rhood)\s+of)\s+$", re.I)
#: Prepositions that also take people ("a message from Putin", "dedicated to Conway"): enough for a name
#: no person of the article bears. ("at" is left out: "the University of Colorado at Boulder".)
_WEAK_LOCATIVE = re.compile(r"\b(?:from|to|via|between|visit(?:ed|ing|s)?)\s+$", re.I)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Sgt|Lt|Capt|Col|Prof|St|Sir|Lord|Judge|Coach|Rev|"
                    r"President|Senator|Governor|Mayor|Officer|Detective)\.?\s+$")
#: What follows a name in a disease or product: it is not a place then.
_NOT_PLACE_AFTER = re.compile(r"[ -](?:(?:virus|fever|flu|influenza|disease|syndrome|encephalitis|strain|variant|"
                              r"vaccine|bacteria|pox|worm|beetle|moth|cattle|cheese|wine|sauce|dressing|chicken|"
                              r"terrier|shepherd|retriever|spaniel|hound)\b)", re.I)
_PART = re.compile(r"[^ -]+")
_QUALIFIED = re.compile(r"\b(?:Central|North|South|East|West|Latin|Southeast|Northeast|Sub-Saharan)[ -]$")
_SPLIT = re.compile(r"[ -]")
_CAPITALS = re.compile(r"[A-Z]{3}")
_ADJECTIVE = re.compile(r"(?: [a-z]|-[A-Za-z])")
_NAME_END = re.compile(r"[\n,;:()]|\s[a-z]")
_NAME_GOES_ON = re.compile(r"(?:[ -]|['’]s )[A-Z]")
#: The region or country written after a town and a comma: "Lemay, Mo.", "Fort Lee, New Jersey",
#: "Winchester, UK"; a hyphen ends it ("Pittsburgh, Pennsylvania-based", "PLEASANTON, Calif.--").
_CONTAINER = re.compile(r",\s+(?P<name>(?:[A-Z][\w.'’]*)(?:\s+[A-Z][\w.'’]*){0,2})")
_OF_BEFORE = re.compile(r"\b(?:of|de|for|in)\s+(?:the\s+)?$")
_LIST_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*")
#: A dateline in a town's own spelling at the very top: "Muscat: ", "(Red Oak) -- ", "Nelson, B.C. — ".
_TOWN_DATELINE = re.compile(r"\(?(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\)?(?:,\s*[A-Z][\w.]*){0,1}"
                            r"\s*(?:--|[—–:])\s")
#: Where a city in capitals may open a dateline ("BEIRUT", "ALLENDALE").
_CITY_OPENS = re.compile(r"(?<!\S)(?=[A-Z][A-Z.'’-]{2})")
_SPACE = re.compile(r"\s")
_DATELINE = re.compile(r"(?P<city>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3})"
                       r"(?:,\s*(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}))?(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*"
                       r"(?:\([^)\n]{1,40}\)\s*(?:-{1,2}|[—–:\ufffd])?|\s+-{1,2}\s|--|\s*[—–:\ufffd])")


@dataclass(frozen=True, slots=True)
class Found:
    """A place candidate with the reason it was taken; a tentative one needs the article's geography."""

    mention: Mention
    evidence: str
    tentative: bool = False
    within: str | None = None


def _mention(start: int, end: int, text: str, label: str = "GPE") -> Mention:
    return Mention(start, end, text[start:end], label, None, STAGE)


def _runs(text: str, start: int = 0, end: int | None = None, *,
          skip: Callable[[int, int], bool] | None = None) -> Iterator[list[tuple[int, int]]]:
    """Runs of capitalised words, each as a list of (start, end) word spans without a possessive or a
    sentence's full stop ("Manbij." is "Manbij"; "U.S.", "St." and "W.Va." keep theirs); ``skip`` says,
    from a run's span, that none of its words need reading."""
    for match in _RUN.finditer(text, start, len(text) if end is None else end):
        group = match.group()
        if not _run_opens(group) or skip is not None and skip(match.start(), match.end()):
            continue  # most runs are names of people and things: no word of them opens a place's name
        if " " not in group and "-" not in group:
            parts: Iterable[tuple[int, int]] = ((0, len(group)),)
        else:
            parts = (p.span() for p in _PART.finditer(group))
        words: list[tuple[int, int]] = []
        for part_start, part_end in parts:
            s, e = match.start() + part_start, match.start() + part_end
            word = text[s:e]
            if word.endswith(("'s", "’s")):
                e -= 2
            elif word[-1] in ".,'’" and not (_ABBREVIATION.fullmatch(word) or region_abbreviation(word)):
                e -= 1
            if e > s:
                words.append((s, e))
            if word[-1] == "." and e - s > 1 and e < s + len(word) and match.start() + part_end < match.end():
                # A sentence ends inside the run ("in March. Tunis is..."): what follows is a run of its own,
                # whose first word may be a whole name (#13); an initial ("John F. Kennedy") ends none.
                yield from _opening(text, words)
                words = []
        yield from _opening(text, words)


@lru_cache(maxsize=1 << 15)
def _run_opens(group: str) -> bool:
    """Whether a word of a run of capitalised words may open a place's name (runs repeat within an article and
    across articles: "Donald Trump", "The White House")."""
    if " " not in group and "-" not in group:
        return _opens(group)
    return any(_opens(word) for word in _SPLIT.split(group))


def _opening(text: str, words: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A run's words without the function words that open a sentence ("The", "In"), if any are left."""
    while words and text[words[0][0]:words[0][1]] in _FUNCTION_WORDS:
        words = words[1:]
    if words:
        yield words


#: Capitalised words that open a sentence, not a name ("The Bell 206", "In Suwon").
_FUNCTION_WORDS = frozenset({"The", "A", "An", "In", "At", "On", "From", "To", "For", "By", "Of", "And", "But", "As",
                             "If", "When", "While", "After", "Before", "This", "That", "These", "Those", "His", "Her",
                             "Its", "Their", "Our", "My", "With", "Near", "Outside", "Inside", "Into", "Across"})
#: Words whose full stop is their own: "U.S.", "W.Va.", "St.", "Ft.", "Mt.".
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.[A-Z][a-z]?\.|(?:St|Ste|Ft|Mt|Pt)\.")


def _hits(text: str, words: list[tuple[int, int]]) -> Iterator[tuple[int, int, int, list[GazEntry]]]:
    """Longest gazetteer names in a run, left to right: (first word index, start, end, entries)."""
    i = 0
    while i < len(words):
        if not _opens(text[words[i][0]:words[i][1]]):
            i += 1
            continue
        # Only as many words as a longer name may open with ("New York City"; not "Boston Globe reporter").
        longest = i + 1
        while longest < min(len(words), i + 4) and _longer(text[words[i][0]:words[longest - 1][1]]):
            longest += 1
        for j in range(longest, i, -1):
            start, end = words[i][0], words[j - 1][1]
            found = _own_names(text[start:end]) or (
                (region_abbreviation(text[start:end]) or demonym(text[start:end])) if j == i + 1 else [])
            if found:
                yield i, start, end, found
                i = j
                break
        else:
            i += 1


#: Words that name a time or a direction before they name a place ("in March", "the South").
_NOT_ALONE = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "midwest", "northeast", "northwest", "southeast", "southwest", "upper", "lower", "mid"})


@lru_cache(maxsize=1 << 15)
def _own_names(name: str) -> list[GazEntry]:
    """Entries a found name is the name of: a town only by its own name, never by one of the codes and
    variants GeoNames lists for it ("TMZ", "MoD"); nothing for a month or a bare direction."""
    key = name_key(name)
    if key in _NOT_ALONE:
        return []
    found = written_as(name, gazetteer().lookup(name))  # "Act", "Bed": a short alias only in capitals ("ACT")
    full = spelled_out(key)
    return [e for e in found if e.type not in ("city", "county") or e.curated or e.own_key == key
            or spelled_out(e.own_key) == full]


@lru_cache(maxsize=1 << 15)
def _longer(words: str) -> bool:
    """Whether a gazetteer name longer than ``words`` may open with them ("New York", "St. Louis")."""
    if words.casefold() == "the" or words[:4].casefold() == "the ":
        return True  # name_key() drops a leading "the": "THE NEW YORK" is looked up as "new york"
    openings = gazetteer().openings
    return fold(words) in openings or "." in words and fold(words.replace(".", "")) in openings


@lru_cache(maxsize=1 << 16)
def _opens(word: str) -> bool:
    """Whether a word may open a gazetteer name, an abbreviation or a demonym (most capitalised words do not)."""
    bare = word.rstrip(".,'’")
    return (name_key(word).split(" ", 1)[0] in gazetteer().first_words or bool(region_abbreviation(word))
            or bool(demonym(bare)) or bare != word and _opens(bare))


def not_a_place(text: str, end: int) -> bool:
    """A disease's, breed's or product's name follows ("West Nile| virus", "Lassa| fever"), or a currency's
    sign ("US|$300")."""
    after = text[end:end + 1]
    if after == "$":
        return True
    return after in (" ", "-") and bool(_NOT_PLACE_AFTER.match(text, end))


#: A unit's symbol: two letters, the first a capital ("Pa", "Hz", "Gy"), right after a figure.
_UNIT = re.compile(r"[A-Z][a-z]")
_FIGURE_BEFORE = re.compile(r"\d\s?$")


def a_unit(text: str, start: int, end: int) -> bool:
    """Whether a name is a unit's symbol after a figure ("101325 Pa", "60 Hz"), not a town spelt so (#17)."""
    return end - start == 2 and bool(_UNIT.fullmatch(text, start, end)) and bool(
        _FIGURE_BEFORE.search(text, max(0, start - 2), start))


def _kinds(found: Iterable[GazEntry]) -> set[str]:
    """``country``, ``demonym``, ``named`` (regions, counties, blocs, hand-written features) or ``city``."""
    return {e.type if e.type in ("country", "demonym") else
            "named" if e.type in NAMED_KINDS or (e.curated and e.type != "city") else e.type for e in found}


#: Last words that make a name an organisation's, whatever the model says ("Seattle Seahawks" is no person).
_ORG_WORDS = re.compile(r"\s(?:Police|Council|Herald|Times|Post|Tribune|Journal|Gazette|Chronicle|Standard|Observer|"
                        r"Daily|Review|Magazine|University|College|School|Schools|Academy|Hospital|Clinic|Health|"
                        r"Department|Committee|Board|Court|Club|FC|United|City|Government|Authority|Agency|"
                        r"Commission|Bank|Chamber|Trust|Service|Services|Ministry|Embassy|Consulate|Assembly|"
                        r"Parliament|Senate|Legislature|RCMP|Fire|Rescue|Library|Museum|Press|News|Radio|Television|"
                        r"TV|Broadcasting|Airport|Airlines|Airways|Rail|Railway|Railways|Transit|Port|Institute|"
                        r"Foundation|Centre|Center|Office|Command|Force|Forces|Army|Navy|Guard|Party|Company|Corp|"
                        r"Corporation|Ltd|Inc|Group|Association|Society|Federation|Union|League|Lottery|Zoo|"
                        r"Stadium|Arena|Church|Cathedral|Diocese|Archdiocese|Prison|Jail|State|Premier|Governor|"
                        r"Mayor|Sheriff|Executive|Commissioner|Minister|Senator|Police Department)\.?$")
#: "University of Alberta", "Bank of Japan": the place after "of" in an institution's name.
_OF_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*\s+of\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1 << 14)
def organisation_shaped(name: str) -> bool:
    """Whether a multi-word name ends like an organisation's ("Miami Herald", "Dublin City Council")."""
    return bool(_ORG_WORDS.search(name.strip()))


#: The last word of a team's name of two words: a plural ("Texas Rangers", "Seattle Seahawks", "Bolton Wanderers")
#: or a word clubs take ("Manchester United"); not a possessive, nor a word in "-ss" ("Burgess").
_TEAM_WORD = re.compile(r"[A-Z][a-z]*[a-rt-z]s|United|City|FC|Albion|Athletic|Heat|Jazz|Magic|Thunder")


@lru_cache(maxsize=1 << 14)
def team_shaped(name: str) -> bool:
    """Whether a name of two words is shaped like a team's: a capitalised word, then a plural or a club's word.

    A person's name may have that shape too ("Tyler Williams", "Victoria Vivians"): the first word is read as a
    place in it only when it is a big place's own name and nobody's first name (:func:`inner_places`).

    >>> team_shaped("Texas Rangers"), team_shaped("Seattle Seahawks"), team_shaped("Queens Park Rangers")
    (True, True, False)
    """
    words = name.strip().split(" ")
    return len(words) == 2 and words[0][:1].isupper() and not words[0].isupper() and bool(
        _TEAM_WORD.fullmatch(words[1]))


def _team_place(name: str, hit: str, found: list[GazEntry], label: str) -> bool:
    """Whether a team-shaped name opens with a place that names the team ("Texas" of "Texas Rangers", "Oakland" of
    "Oakland Athletics"): a country, a region or county, or a town of 100,000 people, by its own name; for a name the
    model did not call an organisation, not a first name either ("Victoria Vivians", "Tyler Williams")."""
    if hit != name.split(" ")[0] or label != "ORG" and hit.lower() in first_name_genders():
        return False
    key = name_key(hit)
    return any(e.own_key == key and (e.type in ("country", "region", "county") or e.type == "city" and (
        e.population >= _BIG_TOWN_POPULATION)) for e in found)


def inner_places(text: str, mention: Mention) -> list[Found]:
    """Places named inside a longer name ("Dublin City Council", "Bank of Japan", "BBC Russian Service").

    A country or a demonym counts anywhere in the name; a region, county or town only as its first
    words or after "of", and only when the name ends like an organisation's (so "Victoria Vivians" and
    "Aston Villa" stay names); a town under 100,000 people is tentative.
    """
    if (" " not in mention.text.strip() and "-" not in mention.text) or not_a_place(text, mention.end):
        return []
    org = organisation_shaped(mention.text) or _OF_NAME.search(mention.text) is not None
    # A team is named after the place it plays for: that place is named inside it, as in an organisation's name.
    team = not org and team_shaped(mention.text)
    # A compound of demonyms ("U.S.-Mexican", "Austro-Hungarian") is no organisation's name.
    within = None if mention.label == "NORP" else mention.text
    why = f"inside the name {mention.text!r}"
    out = []
    for words in _runs(text, mention.start, mention.end):
        first = words[0][0] == mention.start or _OF_BEFORE.search(text[max(0, words[0][0] - 12):words[0][0]])
        for index, start, end, found in _hits(text, words):
            if (start, end) == (mention.start, mention.end):
                return []
            kinds = _kinds(found)
            if kinds & {"country", "demonym"}:
                if "demonym" in kinds and (qualified := _QUALIFIED.search(text, max(mention.start, start - 12), start)):
                    # "Central American", "Latin American": another region's people, named so when English
                    # forms that region's demonym ("the North American Free Trade Agreement").
                    if demonym(text[qualified.start():end]):
                        out.append(Found(_mention(qualified.start(), end, text), why, within=within))
                    continue
                if kinds == {"demonym"} and _after_first_name(text, mention.start, start):
                    continue  # "the Percy French Hotel": a person's surname, not the French
                out.append(Found(_mention(start, end, text), why, within=within))
            elif team and index == 0 and _team_place(mention.text, text[start:end], found, mention.label):
                out.append(Found(_mention(start, end, text), why, within=within))
            elif index == 0 and first and not (" " not in text[start:end] and organisation_shaped(f"The {text[start:end]}")) and (
                    verdict := _opens_name(mention.text, text[start:end], found, org=org)):
                # ("Bank of Japan" opens with a town called Bank: an institution's word is not a place.)
                out.append(Found(_mention(start, end, text), why, tentative=verdict == "tentative", within=within))
    return out


def _after_first_name(text: str, name_start: int, start: int) -> bool:
    """Whether the word of a name right before ``start`` is a first name ("Percy" of "Percy French Hotel")."""
    words = text[name_start:start].split()
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() in first_name_genders()


#: A region or town at the head of a longer name is taken as a place in it when the town is this large (or
#: the gazetteer names it): small towns share their names with people and firms.
_BIG_TOWN_POPULATION = 100_000


#: After a town that opens it, what makes a name the council of the county or town called so.
_OWN_COUNCIL = re.compile(r"\s+(?:County|City|Town|Borough|District|Municipal District|City and County)\s+Council\b")


def _opens_name(name: str, hit: str, found: list[GazEntry], *, org: bool) -> str:
    """Whether a region or town that opens a longer name is a place in it: ``sure``, ``tentative`` or ``""``.

    Organisations' names ("Dublin City Council", "Benue State Commissioner") and longer names take it;
    a two-word name that could be a person's ("Victoria Vivians", "Tyler Williams") does not.
    """
    kinds = _kinds(found)
    big = "named" in kinds or any(e.type == "city" and e.population >= _BIG_TOWN_POPULATION for e in found) or (
        # "Cavan County Council", "Nenagh Town Council": the council of the county or town of that name (#13).
        bool(_OWN_COUNCIL.match(name, name.find(hit) + len(hit))) and any(e.type == "city" for e in found))
    person_like = len(name.split()) == 2 and " " not in hit and not hit.isupper()
    if not (org or organisation_shaped(name)) and (person_like or "named" not in kinds and not big):
        return ""
    return "sure" if big else "tentative"


def scan(text: str, *, taken: list[tuple[int, int]], persons: list[tuple[int, int]],
         names: list[tuple[int, int, str]], placed: Collection[str] = (),
         foreign: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Gazetteer names in the text outside the taken spans, kept on the evidence of their context.

    Args:
        text: The article text.
        taken: Spans already chosen as places.
        persons: Spans of person mentions: a name inside one is a person's, unless it is the whole
            mention and its context is strong ("in Gainesville").
        names: Spans and labels of the other named mentions (organisations, works...): a lone name
            that is the whole mention needs strong context; one inside it is left to :func:`inner_places`.
        placed: Names the article already places (labelled places, places inside names): a lone town of
            one of these names is that place ("Cavan County Council" ... "for Cavan to upgrade").
        foreign: Spans of text in another language, where a longer name is not one English writes: a town
            opening a German compound ("Corona-Krise") is no place of it (#17).
    """
    found: list[tuple[Found, bool]] = []
    covered = bytearray(len(text) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    # A multi-word person's name holds no place ("Jack London"), and the places inside an organisation's
    # name are inner_places()' work: their words need no lookup here, unless the run is the whole name.
    inside = bytearray(len(text) + 1)
    wholes = set()
    for s, e, label in names:
        if " " in text[s:e]:
            inside[s:e] = b"\x01" * (e - s)
            if label != "PERSON":
                wholes.add((s, e))

    def skip(start: int, end: int) -> bool:
        # A run wholly inside places already taken, or inside longer names none of which it holds (most
        # runs are people's names): its words need no reading (#13).
        return covered.find(0, start, end) < 0 or inside.find(0, start, end) < 0 and not any(
            start <= s and e <= end for s, e in wholes)

    for words in _runs(text, skip=skip):
        run = (words[0][0], words[-1][1])
        if inside[run[0]] and inside[run[1] - 1] and run not in wholes or covered[run[0]] and covered[run[1] - 1]:
            continue
        for index, start, end, entries in _hits(text, words):
            if 1 in covered[start:end]:
                continue
            whole = len(words) == 1 or (words[0][0], words[-1][1]) == (start, end)
            if not whole and any(s <= start < e for s, e in foreign):
                continue
            item = _judge(text, start, end, entries, whole=whole, index=index, persons=persons, names=names)
            if item is not None:
                found.append(item)
                if item[0].evidence in ("City, State", "dateline") and (
                        state := _abbreviated_container(text, end)) and 1 not in covered[state[0]:state[1]]:
                    # "Lemay, Mo.", "HORRY COUNTY, SC": the state written after the town is a place too.
                    covered[state[0]:state[1]] = b"\x01" * (state[1] - state[0])
                    found.append((Found(_mention(*state, text), "the state written after a town"), True))
    return _spread(text, found, placed)


def _judge(text: str, start: int, end: int, entries: list[GazEntry], *, whole: bool, index: int,
           persons: list[tuple[int, int]], names: list[tuple[int, int, str]]) -> tuple[Found, bool] | None:
    """A scanned name as a place candidate (with whether it is sure), or ``None``; see the module docstring."""
    if not_a_place(text, end) or _TITLE.search(text[max(0, start - 12):start]) or a_unit(text, start, end):
        return None
    person = next(((s, e) for s, e in persons if s <= start and end <= e), None)
    label = next((lab for s, e, lab in names if s <= start and end <= e), None)
    if label is not None and not whole and label != "PERSON":
        return None  # inside an organisation's mention: inner_places() reads it
    if label not in (None, "PERSON", "ORG", "FAC"):
        return None  # a work, a law, an event named like a place ("Marshall", the film)
    strong = strong_context(text, start, end, entries, weak_only=label is not None, persons=persons)
    if person is not None and not (strong and person == (start, end)):
        return None
    if strong.startswith("after") and any(text[s:e].count(" ") and text[start:end] in text[s:e].split()
                                          for s, e in persons):
        return None  # "Thurgood Marshall in Marshall": a word of a person's name, whatever stands before it
    kinds = _kinds(entries)
    # Capitals are a place only in the dateline ("HORRY COUNTY, SC (WMBF) -"), not in shouted text.
    shouted = text[start:end].isupper() and len(text[start:end]) > 1 and (dateline(text) or (-1,))[0] != start and (
        not credited_dateline(text, start, end)) and not _capitals_alone(text, start, end)
    if strong and not shouted:
        return Found(_mention(start, end, text), strong), True
    if shouted or label is not None or person is not None:
        return None
    if not whole and index and text[start - 1:start] == "-" and kinds & {"country", "demonym"} and (
            _ADJECTIVE.match(text, end) and text[end:end + 1] == " "):
        # The second part of a compound before the noun it qualifies: "the Syrian-Turkish border", "the
        # U.S.-Mexico border" (#13).
        return Found(_mention(start, end, text), "in a compound of places"), True
    if not whole:
        run_end = _NAME_END.search(text, end)
        name = text[start:run_end.start() if run_end else len(text)]
        verdict = "sure" if kinds & {"country", "demonym"} else _opens_name(name, text[start:end], entries, org=False)
        if index == 0 and verdict:
            # A smaller town opening an organisation's name no model labelled ("Owensboro Public Schools")
            # is tentative, as in a labelled one: the article must name its region (#13).
            stop = _NAME_END.search(text, end)
            run = text[start:stop.start() if stop else len(text)].strip()
            return Found(_mention(start, end, text), "inside a longer name", tentative=verdict == "tentative",
                         within=run), True
        return None
    if region_abbreviation(text[start:end]):
        return Found(_mention(start, end, text), "a state's abbreviation"), True
    if kinds == {"demonym"}:
        # "Omani national anthem", "Syrian-Turkish border": a demonym before what it qualifies.
        return (Found(_mention(start, end, text), "a demonym"), True) if _ADJECTIVE.match(text, end) else None
    if " " not in text[start:end] and not any(e.curated or e.type == "country" for e in entries):
        # A lone word no model called a name ("Centre", "Bolton") is a place only in a place's context.
        return (Found(_mention(start, end, text), "a town by name"), False) if "city" in kinds else None
    if "named" in kinds or "country" in kinds and text[start:end] not in NAME_LIKE_COUNTRIES and any(
            e.type == "country" and e.key == name_key(text[start:end]) for e in entries):
        # A country no model labelled ('"Slovenia acted more Catholic..."') is a place by its own name, not
        # by an alias ("States") (#13).
        return Found(_mention(start, end, text), "a country or region by name"), True
    if "city" in kinds or "county" in kinds:
        return Found(_mention(start, end, text), "a town by name"), False
    return None


_WORDS = re.compile(r"[^\W\d_]{2,}")


def _capitals_alone(text: str, start: int, end: int) -> bool:
    """Whether a name in capitals stands in running text, not in a line of capitals: the words next to it
    are not in capitals ("A PARANAQUE court", "the 25th District of FLORIDA"; not "MARINE ENERGY WALES
    ANNUAL CONFERENCE"; not an agency's credit glued to a dash, "Moscow, SANA- Russia's...") (#13)."""
    if text.startswith(("-", "–", "—"), end) or not text[start:end].replace(" ", "").isalpha():
        return False  # (abbreviations, "N.B.", have rules of their own)
    before = _WORDS.findall(text, max(0, start - 30), start)[-1:]
    after = _WORDS.findall(text, end, end + 30)[:1]
    return bool(before or after) and not any(word.isupper() for word in before + after)


def strong_context(text: str, start: int, end: int, entries: list[GazEntry], *, weak_only: bool = False,
                   persons: Sequence[tuple[int, int]] = ()) -> str:
    """Why the context makes a name a place ("after 'in'", "City, State", "dateline"), or an empty string.

    With ``weak_only`` the prepositions that also take people ("to", "from", "at") are not enough;
    ``persons`` are the spans of the article's person mentions ("Jodi Mahler of Bellmore").
    """
    before = text[max(0, start - 30):start]
    if (_LOCATIVE.search(before) or not weak_only and _WEAK_LOCATIVE.search(before)) and not _NAME_GOES_ON.match(
            text, end):
        return f"after {before.split()[-1]!r}"
    if persons and (home := _HOME_OF.search(text, max(0, start - 16), start)) and not _NAME_GOES_ON.match(
            text, end) and any(e == home.start() for _, e in persons) and any(
            e.type in ("city", "county") for e in entries):
        return "a person's home town"
    codes = container(text, end)
    if codes and any(e.admin1 in codes or e.country in codes for e in entries if e.type in ("city", "county")):
        return "City, State"
    if (line := dateline(text)) and line[0] == start or credited_dateline(text, start, end):
        return "dateline"
    if _AFTER_A_NAME.search(text, max(0, start - 40), start) and _CLAUSE_END.match(text, end) and any(
            e.type in ("region", "county", "country") for e in entries):
        # "Brands Hatch Indy, Kent." "Knockhill, Fife.": the region written after a venue or town (#13).
        return "a region written after a place"
    if before.rstrip().endswith(",") and _CLAUSE_END.match(text, end) and _AFTER_INSTITUTION.search(
            text, max(0, start - 80), start) and any(e.type == "city" for e in entries):
        # "the Federal University of Technology, Owerri (FUTO)": the town a university, college or hospital is
        # in, written after its name as its own letterhead writes it (#13).
        return "a town written after an institution's name"
    if _PLACE_MODIFIER.match(text, end) and (_ARTICLE_BEFORE.search(before) or text[end:end + 6] == "-based") and any(
            e.type in ("city", "county", "region", "country") for e in entries):
        return "a place qualifying a local noun"
    if _LOCAL_OFFICE.match(text, end) and any(e.type in ("city", "county", "region") for e in entries):
        return "a place before its local office"
    if persons and text[end + 1:end + 2].islower() and any(e.type in ("county", "region") for e in entries) and (
            described := _DESCRIBING.match(text, end)) and _DESCRIPTION_OPENS.search(before) and any(
            s == described.end() for s, _ in persons):
        # "Hampshire racing driver Rob Collard", "former Kent farmer John Smith": the county or region a person
        # is from, as local news writes it before the person's name (#13).
        return "a region before a person's description"
    if text[end:end + 1] == ")" and _TITLED.fullmatch(text, start, end) and (bracket := _NAME_THEN_BRACKET.search(text, max(0, start - 4), start)) and not any(
            e == bracket.start() + 1 for _, e in persons) and any(e.type in ("city", "county") for e in entries):
        # "a fashion show by Fig Leaf Boutique (Maywood)": where a shop, club or firm is, as local news writes
        # it; not a person's club or party ("Hazard (Chelsea)"), whose name the model labels a person's, nor
        # an initialism ("the Boston Area Rapid Transit (BART)", "(PoP)").
        return "a town in brackets after a name"
    return ""


#: A town named as what qualifies a local noun, in local news' way: "a Durban court", "the Delft police
#: station", "a Cork mother", "Kent-based" (#13). Firms' nouns (plant, factory) are left out: "a Toyota plant".
_PLACE_MODIFIER = re.compile(r"(?:\s+(?:police|court|courthouse|man|woman|mother|father|teen|teenager|boy|girl|"
                             r"residents?|native|office|area|station|suburb|neighbou?rhood|council|mayor|hospital|"
                             r"airport|jail)\b|-based\b)")
#: A town before the title of its own office, as local news writes it: "former Atlanta Mayor Kasim Reed",
#: "Laguna Governor", "Slidell Police Chief" (#13).
_LOCAL_OFFICE = re.compile(r" (?:Mayor|Deputy Mayor|Governor|Sheriff|Police Chief|Fire Chief|City Council|"
                           r"City Manager|County Commissioner)\b")
_AFTER_A_NAME = re.compile(r"[A-Z][\w'’-]*,\s+$")
#: A person's description after a region, before the person's name: " racing driver ", " farmer ".
_DESCRIBING = re.compile(r"(?:\s+[a-z][a-z-]{2,}){1,3}\s+(?=[A-Z])")
#: Where such a description opens: a sentence or line, an article, "former".
_DESCRIPTION_OPENS = re.compile(r"(?:^|\n|[.!?][\"”’']?\s+|\b(?:[Aa]|[Tt]he|[Ff]ormer)\s+)$")
#: An institution's name and a comma, before the town it is in: "Federal University of Technology, ", "Aga Khan
#: Hospital, ", "Indian Institute of Science, ".
_AFTER_INSTITUTION = re.compile(r"\b(?:University|College|Polytechnic|Institute|Hospital|Academy|Seminary)"
                                r"(?: (?:of|for|and|the|[A-Z][\w&'’-]*)){0,5},\s+$")
#: Where a person lives, in local news' way: "Jodi Mahler of Bellmore", "Miss Abdhou, of Hayes", "John
#: Smith, 45, of Slidell" (#13).
_HOME_OF = re.compile(r"(?:,\s*(?:\d{1,3},\s*)?|\s+)of\s+$")
#: What ends a clause after a region written after a place: a stop, a bracket, the end, or a comma before
#: the clause goes on ("near New Quay, Ceredigion, on Wednesday", #13).
_CLAUSE_END = re.compile(r"\s*(?:[.;:)\n]|\(|$|,\s+[a-z])")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
#: A name in words each capitalised and no more: "Maywood", "Red Oak"; not "BA", "PoP".
_TITLED = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
#: The end of a capitalised name, then an opening bracket: "Fig Leaf Boutique (".
_NAME_THEN_BRACKET = re.compile(r"[A-Za-z]\s\($")


def _abbreviated_container(text: str, end: int) -> tuple[int, int] | None:
    """The span of an abbreviated state right after ", " ("Mo.", "SC", "W.Va."), if there is one."""
    match = _CONTAINER.match(text, end)
    if not match:
        return None
    name = match["name"].split()[0].rstrip(",")
    if name.endswith(".") and not region_abbreviation(name, postal=True):
        name = name[:-1]
    if not region_abbreviation(name, postal=True):
        return None
    return match.start("name"), match.start("name") + len(name)


def outer_places(text: str, end: int, *, kinds: Collection[str] = ("region", "country"),
                 postal: bool = False) -> list[GazEntry]:
    """The places of ``kinds`` named by the longest run of capitalised words right after ", " at ``end``
    ("Fort Lee, New Jersey", "Snetterton, Norfolk"); with ``postal``, postal codes and short state names
    that are also words count ("Lemay, Mo.", "HORRY COUNTY, SC"). Places with no region or country code
    ("Middle East") do not count."""
    match = _CONTAINER.match(text, end)
    words = match["name"].split() if match else []
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        found = gazetteer().lookup(name) + (region_abbreviation(name, postal=True) if postal else [])
        if outer := [e for e in found if e.type in kinds and (e.admin1 or e.country)]:
            return outer
    return []


def container(text: str, end: int) -> set[str]:
    """Region and country codes named right after ", " ("Lemay, Mo.", "Parkland, Florida", "Winchester, UK")."""
    return codes_of(outer_places(text, end, postal=True))


def codes_of(entries: Iterable[GazEntry]) -> set[str]:
    """The codes that say what holds a town: a region's first-level code, a country's code."""
    return {code for e in entries if (code := e.admin1 if e.type == "region" else e.country if e.type == "country"
                                      else None)}


@lru_cache(maxsize=64)
def dateline(text: str) -> tuple[int, int, str] | None:
    """The dateline's place at the top of the article ("BEIRUT (AP) --", "ALLENDALE, N.J. --"): start, end, text."""
    # A dateline opens the story, which may come after a headline, a caption or a byline: at a paragraph's
    # start in the first 3,000 characters, or after a sentence in the first 600.
    head = text[:3000]
    first = len(head) - len(head.lstrip())
    if (match := _TOWN_DATELINE.match(head, first)) and any(
            e.type == "city" and e.own_key == name_key(match["city"]) for e in gazetteer().lookup(match["city"])):
        # "Muscat: The 10th...", "(Red Oak) -- The three...": a town's own name opening the story before a
        # colon or a dash, as local papers and news agencies write it (#13).
        return match.start("city"), match.end("city"), match["city"]
    if not _CAPITALS.search(head):
        return None
    # Only where a city in capitals can open (a few places per article), not at every line start: looking
    # for line starts first took a tenth of the stage's time (#13).
    for opening in _CITY_OPENS.finditer(head):
        start = opening.start()
        if start != first and not _line_start(head, start) and not _after_credit(head, start):
            continue
        match = _DATELINE.match(head, start)
        if match and gazetteer().lookup(city := match["city"].rstrip(".,")):
            return start, start + len(city), city
    return None


#: After a dateline's town in capitals: an optional region, an agency's or station's credit in brackets and a
#: dash or colon ("SAN DIEGO (AP) -", "ALBUQUERQUE, N.M. (AP) -", "SOUTH WAZIRISTAN, April 5 (APP):").
_CREDIT_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*"
                           r"\([A-Z][A-Za-z]{1,9}(?:/[A-Z][A-Za-z]{1,9})?\)\s*(?:-{1,2}|[—–:])")
#: What may stand before a dateline: a line's start, or a sentence's end (pages that run stories together).
_BEFORE_DATELINE = re.compile(r"(?:^|\n|[.!?”\"]\s)\s*$")


def credited_dateline(text: str, start: int, end: int) -> bool:
    """Whether a town in capitals opens a dateline with an agency's credit anywhere in the text, not only the
    story's first: "... his conduct. ALBUQUERQUE, N.M. (AP) - Documents show" (pages that hold several
    stories, a live page's entries) (#13)."""
    return (text[start:end].isupper() and bool(_CREDIT_AFTER.match(text, end))
            and bool(_BEFORE_DATELINE.search(text, max(0, start - 4), start)))


#: The end of a byline's credit in ordinary letters right before a town in capitals ("..., Associated Press").
_CREDIT_WORD_BEFORE = re.compile(r"[A-Z][a-z]+ $")
#: A town in capitals, whole: "WASHINGTON", "SAN DIEGO".
_DATELINE_CITY = re.compile(r"[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}(?![\w])")


def _after_credit(head: str, start: int) -> bool:
    """Whether a town in capitals at ``start`` opens the story right after a byline's credit, with its own
    agency's credit and a dash after it: "By JILL COLVIN, Associated Press WASHINGTON (AP) — China vowed",
    which the model reads as one organisation's name (#13). Only in the first 600 characters, and only after
    a word in ordinary letters, so a town is never cut out of a name in capitals ("NEW YORK")."""
    if start > 600 or not _CREDIT_WORD_BEFORE.search(head, max(0, start - 30), start):
        return False
    city = _DATELINE_CITY.match(head, start)
    return city is not None and bool(_CREDIT_AFTER.match(head, city.end()))


def _line_start(head: str, start: int) -> bool:
    """Whether ``start`` opens a paragraph, or (in the first 600 characters) a sentence after a byline or
    credit: after a line break and spaces, after ". " or after two spaces."""
    space = start
    while space > 0 and head[space - 1].isspace():
        space -= 1
    if "\n" in head[space:start]:
        return True
    return start <= 600 and start >= 2 and bool(_SPACE.match(head, start - 1)) and (
        head[start - 2] in ".!?”\"" or bool(_SPACE.match(head, start - 2)))


def _spread(text: str, found: list[tuple[Found, bool]], placed: Collection[str] = ()) -> list[Found]:
    """Towns found by name alone are kept when listed beside a sure place ("Hilversum and Almelo") or when
    the same name is a sure place elsewhere in the article ("in Parkland" ... "Parkland students")."""
    sure = [f.mention for f, ok in found if ok]
    out = [f for f, ok in found if ok]
    named = {m.text for m in sure} | set(placed)
    out += [Found(f.mention, "placed elsewhere in the article", within=f.within) for f, ok in found
            if not ok and f.mention.text in named]
    pending = [f for f, ok in found if not ok and f.mention.text not in named]
    changed = True
    while changed and pending:
        changed = False
        for item in list(pending):
            m = item.mention
            if any(_LIST_SEP.fullmatch(text[s.end:m.start]) or _LIST_SEP.fullmatch(text[m.end:s.start])
                   for s in sure):
                out.append(Found(m, f"listed with {next(s.text for s in sure if _beside(text, s, m))!r}",
                                 within=item.within))
                sure.append(m)
                pending.remove(item)
                changed = True
    # A lone town nothing vouches for ("The Bell 206", "Centre") is left out.
    return sorted(out, key=lambda f: f.mention.start)


def _beside(text: str, a: Mention, b: Mention) -> bool:
    return bool(_LIST_SEP.fullmatch(text[a.end:b.start]) or _LIST_SEP.fullmatch(text[b.end:a.start]))
