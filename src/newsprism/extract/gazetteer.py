"""Offline gazetteer: place names to coordinates, loaded lazily once per process.

Two shipped files, both in ``newsprism/data``:

* ``gazetteer.tsv.gz``: GeoNames cities (5,000+ people), first-level regions
  and countries with their aliases, built by ``scripts/build_gazetteer.py``
  from installed packages (GeoNames data, CC BY 4.0).
* ``towns_small.tsv.gz``: GeoNames towns of 500 to 4,999 people by their own names, read only
  for a name the main file lacks (same script).
* ``places_extra.tsv``: hand-written rivers, seas, landmarks, blocs, common
  aliases ("U.S.", "UK", "EU", "Kiev") and demonyms ("Ukrainian" -> Ukraine).

Airports come from the ``airportsdata`` package (MIT), read only when a text names one.

Nothing here calls a web service.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer entry.

    Attributes:
        id: ``gn:<geonameid>`` for GeoNames entries, ``x:<name>`` for hand-written ones.
        name: Canonical name.
        type: ``city``, ``region``, ``country``, ``continent``, ``river``, ``sea``, ``landmark``, ``demonym``...
        country: ISO 3166-1 alpha-2 code, or ``None`` for features across borders.
        lat: Latitude.
        lon: Longitude.
        population: People (0 when unknown); the main prior between namesakes.
        admin1: ``CC.code`` of the first-level region (cities, regions) or the country code.
        curated: Whether it comes from the hand-written file.
        key: The lookup form of ``name`` (:func:`name_key`), filled in when not given: the places stage
            compares it with the name it looked up, for every namesake, and folding each entry's name
            again on every article was a sixth of the stage's time (#13).
    """

    id: str
    name: str
    type: str
    country: str | None
    lat: float
    lon: float
    population: int = 0
    admin1: str | None = None
    curated: bool = False
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", name_key(self.name))

    @property
    def own_key(self) -> str:
        """The key of the name alone, without what follows a comma ("Washington, D.C." -> "washington")."""
        return self.key.split(",", 1)[0] if "," in self.key else self.key


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The lookup form of a place name: no leading "the", no possessive, ASCII, case-folded.

    >>> name_key("the Jersón's")
    'jerson'
    """
    text = " ".join(text.replace("’", "'").split()).strip(" ,.;:")
    if text.endswith("'s"):
        text = text[:-2]
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.isascii():
        return text.casefold()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.casefold()


#: Where a key's words end, split as the places scan splits a run: at a space or a hyphen.
_WORD_END = re.compile(r"[ -]")


def _add_openings(key: str, openings: set[str]) -> None:
    for number, match in enumerate(_WORD_END.finditer(key)):
        if number == 3:
            break
        openings.add(key[:match.start()])


def fold(text: str) -> str:
    """Case, accents and spacing folded as :func:`name_key` folds them, with nothing stripped from the
    ends: the form of the first words of a longer name.

    >>> fold("São  Paulo")
    'sao paulo'
    """
    text = " ".join(text.replace("’", "'").split())
    if text.isascii():
        return text.casefold()
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


#: Abbreviated first words of place names and what they stand for: "St. Petersburg", "Ft. Lauderdale".
_SHORT_FIRST = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_SHORT_OPENINGS = frozenset(key[:2] for key in _SHORT_FIRST)


def spelled_out(key: str) -> str:
    """A lookup key with an abbreviated first word spelled out, the way GeoNames names most such places.

    >>> spelled_out("st. petersburg")
    'saint petersburg'
    """
    first, _, rest = key.partition(" ")
    full = _SHORT_FIRST.get(first.rstrip("."))
    return f"{full} {rest}" if full and rest else key


class Gazetteer:
    """Name index over the shipped files. Use :func:`gazetteer` for the shared instance.

    Rows of the main file stay raw text until a lookup needs them: building ~75,000 entries up
    front was most of the load time, and an article looks up a few dozen names.
    """

    def __init__(self, entries: list[tuple[GazEntry, list[str]]], *, rows: Sequence[str] = ()) -> None:
        """Index ``entries`` (each with all its names in :func:`name_key` form, canonical first) and ``rows``.

        Args:
            entries: Ready entries with their lookup keys.
            rows: Raw lines of the main file (columns as written by ``scripts/build_gazetteer.py``).
        """
        self._rows = list(rows)
        self._cache: dict[str, tuple[GazEntry, ...]] = {}
        self._added_keys: set[str] = set()
        self._entries: list[GazEntry | None] = [None] * len(self._rows)
        self._index: dict[str, list[int]] = {}
        self.countries: dict[str, GazEntry] = {}
        index = self._index
        for i, line in enumerate(self._rows):
            for key in line[line.rindex("\t") + 1:].split("|"):
                if key in index:
                    index[key].append(i)
                else:
                    index[key] = [i]
        self.add(entries)

    def add(self, entries: list[tuple[GazEntry, list[str]]]) -> None:
        """Index more ready entries."""
        self._cache.clear()
        self.__dict__.pop("_openings", None)
        self.__dict__.pop("demonym_bases", None)
        for entry, keys in entries:
            self._added_keys.update(keys)
            self._entries.append(entry)
            number = len(self._entries) - 1
            for key in dict.fromkeys(keys):
                self._index.setdefault(key, []).append(number)
            if entry.type == "country" and (entry.curated or entry.country not in self.countries):
                self.countries[entry.country or ""] = entry

    def _entry(self, number: int) -> GazEntry:
        entry = self._entries[number]
        if entry is None:
            entry = self._entries[number] = _parse_row(self._rows[number])
        return entry

    def lookup(self, text: str) -> list[GazEntry]:
        """Every entry known under ``text`` (any case, accents, "the"), best-known first."""
        return list(self._lookup(text))

    def _lookup(self, text: str) -> tuple[GazEntry, ...]:
        # Kept per process: the places stage asks for the same names many times (#13: its time per
        # document must not grow with the wider search for places).
        cached = self._cache.get(text)
        if cached is None:
            key = name_key(text)
            found = self._index.get(key, [])
            if not found and "." in text:
                found = self._index.get(name_key(text.replace(".", "")), [])
            if key[:2] in _SHORT_OPENINGS and (full := spelled_out(key)) != key:
                # "St. Petersburg" is Florida's own name and Russia's spelled out: towns whose own name is
                # the spelled-out one; not the places that merely list it among their variants (#13).
                found = [*found, *(n for n in self._index.get(full, ()) if self._entry(n).type == "city"
                                   and self._entry(n).own_key == full)]
            # Most names looked up are no place at all, or one (most of the first sight of a name).
            cached = () if not found else (self._entry(found[0]),) if len(found) == 1 else _without_twins(
                sorted((self._entry(n) for n in dict.fromkeys(found)), key=lambda e: (not e.curated, -e.population)))
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[text] = cached
        return cached

    @functools.cached_property
    def _major(self) -> tuple[str, ...]:
        keys = {line[line.rindex("\t") + 1:].split("|")[0] for line in self._rows if "\tregion\t" in line}
        keys.update(e.key for e in self.countries.values())
        return tuple(sorted(k for k in keys if k))

    @functools.cached_property
    def _openings(self) -> tuple[frozenset[str], frozenset[str]]:
        words: set[str] = set()
        longer: set[str] = set()
        for line in self._rows:
            keys = line[line.rindex("\t") + 1:].split("|")
            for key in keys[:1] if "\tcity\t" in line else keys:
                words.add(key.split(" ", 1)[0])
                _add_openings(key, longer)
        for key in self._added_keys:
            words.add(key.split(" ", 1)[0])
            _add_openings(key, longer)
        return frozenset(words), frozenset(longer)

    @property
    def first_words(self) -> frozenset[str]:
        """The first word of every name a text may be searched for: a town's own name, and every name of a
        region, county, country or hand-written entry (a town's many variants are looked up only when a
        model labelled the words). A word that opens none needs no lookup."""
        return self._openings[0]

    @property
    def openings(self) -> frozenset[str]:
        """The first one, two and three words of every such name that is longer ("new" and "new york" of
        "new york city", "winston" of "winston-salem"), in :func:`fold` form: a run whose first words open
        no longer name needs no lookup of more words (#13)."""
        return self._openings[1]

    @functools.cached_property
    def demonym_bases(self) -> frozenset[str]:
        """Own keys of every country, continent and first-level region: the names a demonym may come from."""
        keys = {line[line.rindex("\t") + 1:].split("|")[0] for line in self._rows if "\tregion\t" in line}
        keys.update(e.own_key for e in self._entries[len(self._rows):]
                    if e is not None and e.type in ("country", "continent", "region"))
        return frozenset(k.split(",", 1)[0] for k in keys)

    @functools.cached_property
    def _initialled(self) -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = {}
        for number, line in enumerate(self._rows):
            if "\tregion\t" in line and (initials := initials_of(line.split("\t", 2)[1])):
                out.setdefault(initials, []).append(number)
        for number in range(len(self._rows), len(self._entries)):
            entry = self._entries[number]
            if entry is not None and entry.type in ("country", "region") and (initials := initials_of(entry.name)):
                out.setdefault(initials, []).append(number)
        for initials in [k for k in out if "&" in k]:
            out.setdefault(initials.replace("&", ""), []).extend(out[initials])
        return {k: tuple(v) for k, v in out.items()}

    def initialled(self, initials: str) -> list[GazEntry]:
        """Every country and first-level region whose name has these initials ("BC", "T&T").

        >>> [e.name for e in gazetteer().initialled("T&T")]
        ['Trinidad and Tobago']
        """
        return [self._entry(n) for n in self._initialled.get(initials, ())]

    @functools.cached_property
    def short_forms(self) -> dict[str, GazEntry]:
        """Countries by the short form a demonym is made from, where their name has one: the first name of
        "X and Y" ("bosnia", "trinidad") and the name after "El" ("salvador"): "Salvadoran" is of El Salvador,
        not of the Brazilian city. A short form that is a country's or region's own name is left out."""
        out: dict[str, GazEntry] = {}
        for entry in self.countries.values():
            key = entry.own_key
            short = key.split(" and ", 1)[0] if " and " in key else key[3:] if key.startswith("el ") else ""
            if short and short not in self.demonym_bases:
                out[short] = entry
        return out

    def major_keys(self) -> tuple[str, ...]:
        """Lookup keys of every country and first-level region (to correct a misspelt one)."""
        return self._major

    def __contains__(self, text: str) -> bool:
        return name_key(text) in self._index


_NO_INITIAL = frozenset({"of", "the", "de"})


def initials_of(name: str) -> str:
    """The initials a place's name is shortened to, "" for a name of one word.

    >>> initials_of("Trinidad and Tobago"), initials_of("British Columbia"), initials_of("Ohio")
    ('T&T', 'BC', '')
    """
    words = [w for w in re.split(r"[\s-]+", name.strip()) if w and w.casefold() not in _NO_INITIAL]
    if len(words) < 2 or not all(w[0].isupper() or w in ("and", "&") for w in words):
        return ""
    return "".join("&" if w in ("and", "&") else w[0] for w in words)


def _parse_row(line: str) -> GazEntry:
    gid, name, kind, cc, lat, lon, pop, admin1, keys = line.split("\t")
    # The first key is the canonical name's (scripts/build_gazetteer.py writes it so).
    return GazEntry(gid, name, kind, cc or None, float(lat), float(lon), int(pop), admin1 or None,
                    key=keys.split("|", 1)[0])


#: How near (degrees of latitude plus longitude, about 3 km) a GeoNames town lies to a hand-written entry of the
#: same name for the two to be one place.
_TWIN_DEGREES = 0.03


def _without_twins(entries: list[GazEntry]) -> tuple[GazEntry, ...]:
    """The entries of one name without the GeoNames towns that a hand-written entry of that name places at the
    same point: "Hollywood" the landmark and Hollywood the Los Angeles district were two entries, each chosen by
    some articles, so the corpus had two Hollywoods at one point (#17). A region near it stays ("Kyiv" the
    city and the oblast), and so do the namesakes elsewhere (Hollywood, Florida)."""
    curated = [e for e in entries if e.curated]
    if not curated:
        return tuple(entries)
    return tuple(e for e in entries if e.curated or e.type != "city" or not any(
        c.country == e.country and abs(c.lat - e.lat) + abs(c.lon - e.lon) < _TWIN_DEGREES for c in curated))


@cache
def curated_surfaces() -> tuple[tuple[str, str], ...]:
    """``(surface name, type)`` of every hand-written name and alias, as written in the file."""
    text = resources.files("newsprism").joinpath("data", "places_extra.tsv").read_text("utf-8")
    return tuple((name, cols[1]) for line in text.splitlines() if line.strip() and not line.startswith("#")
                 for cols in [line.split("\t")] for name in cols[0].split("|"))


def _read_main() -> tuple[list[str], list[tuple[GazEntry, list[str]]]]:
    """Raw city, region and county rows, and the parsed country entries with their keys."""
    data = resources.files("newsprism").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    rows, countries = [], []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if "\tcountry\t" in line:
            keys = line[line.rindex("\t") + 1:]
            countries.append((_parse_row(line), keys.split("|") if keys else []))
        else:
            rows.append(line)
    return rows, countries


def _read_extra(countries: dict[str, GazEntry]) -> list[tuple[GazEntry, list[str]]]:
    text = resources.files("newsprism").joinpath("data", "places_extra.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    # Demonyms take the curated country point, so "Ukrainian" and "Ukraine" agree.
    curated = {cc: (float(lat), float(lon)) for _, kind, cc, lat, lon in rows if kind == "country"}
    entries = []
    for names, kind, cc, lat, lon in rows:
        all_names = names.split("|")
        country = None if cc == "-" else cc
        base = countries.get(cc)
        if lat == "=":
            if base is None:
                continue
            point = curated.get(cc, (base.lat, base.lon))
        else:
            point = (float(lat), float(lon))
        population = base.population if base and kind in ("country", "demonym") else 1_000_000
        entry = GazEntry(f"x:{all_names[0]}", all_names[0], kind, country, point[0], point[1], population,
                         cc if kind == "country" else None, curated=True)
        entries.append((entry, list(dict.fromkeys(name_key(n) for n in all_names))))
    return entries


def _with_region(entry: GazEntry, keys: list[str], main: Gazetteer) -> GazEntry:
    """A hand-written region, city or landmark with the first-level region code of its GeoNames twin.

    So "Pasadena" near "California" still finds the Californian one, and "New York, New York"
    can be read as City, State.
    """
    kinds = ("region",) if entry.type == "region" else ("city",)
    for key in keys:
        for twin in main.lookup(key) + (main.lookup(f"{key} city") if entry.type == "city" else []):
            if twin.type in kinds and twin.country == entry.country and (
                    entry.type == "region" and twin.key == key
                    or abs(twin.lat - entry.lat) + abs(twin.lon - entry.lon) < 1):
                return dataclasses.replace(entry, admin1=twin.admin1)
    return entry


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use (about half a second) and kept for the process."""
    rows, main_countries = _read_main()
    gaz = Gazetteer([], rows=rows)
    countries = {e.country or "": e for e, _ in main_countries}
    extra = _read_extra(countries)
    extra = [(_with_region(e, n, gaz), n) if e.type in ("region", "city", "landmark") else (e, n) for e, n in extra]
    # Curated country coordinates replace the computed ones, so one country has one point; the
    # GeoNames aliases ("Russian Federation") move to the curated entry.
    curated = {e.country: n for e, n in extra if e.type == "country"}
    kept = []
    for entry, names in main_countries:
        if entry.country in curated:
            curated[entry.country].extend([entry.key, *names])
        else:
            kept.append((entry, names))
    gaz.add(kept + extra)
    return gaz


@cache
def _small_towns() -> dict[str, list[str]]:
    """Rows of ``towns_small.tsv.gz`` by lookup key, read on the first name the main file lacks."""
    data = resources.files("newsprism").joinpath("data", "towns_small.tsv.gz").read_bytes()
    index: dict[str, list[str]] = defaultdict(list)
    for line in gzip.decompress(data).decode("utf-8").splitlines()[1:]:
        key = line[line.rindex("\t") + 1:]
        index[key or line.split("\t", 2)[1].casefold()].append(line)
    return dict(index)


@functools.lru_cache(maxsize=4096)
def _small(key: str) -> tuple[GazEntry, ...]:
    out = []
    for line in _small_towns().get(key, []):
        gid, name, cc, lat, lon, pop, admin1, _ = line.split("\t")
        out.append(GazEntry(gid, name, "city", cc, float(lat), float(lon), int(pop), admin1))
    return tuple(sorted(out, key=lambda e: -e.population))


def small_towns(text: str) -> list[GazEntry]:
    """GeoNames towns under 5,000 people called ``text`` (their own name only), most populous first.

    Kept apart from :func:`gazetteer`: a small town is a namesake only where the main file knows no
    place of that name and the article itself says where it is (#13). A short common English word not written
    in capitals is the word: "told Us" is the magazine, not a village of 1,300 people in France (#17); a longer
    one may be a place's name ("Virginia", a town in County Cavan), which wordfreq counts as a word too.

    >>> small_towns("Coggeshall")[0].country, small_towns("Us")
    ('GB', [])
    """
    key = name_key(text)
    if len(key) < 4 and not text.isupper() and _common_word(key):
        return []
    return list(_small(key))


#: Words an airport's name may carry or drop ("Bradley Airport" is "Bradley International Airport").
_AIRPORT_NOISE = frozenset({"the", "international", "intl", "regional", "municipal", "national", "airport",
                            "airfield", "aerodrome", "field", "county"})


_AIRPORT_WORD = re.compile(r"[a-z0-9]+")


def _airport_key(text: str) -> str:
    words = _AIRPORT_WORD.findall(name_key(text))
    return " ".join(w for w in words if w not in _AIRPORT_NOISE)


@cache
def _airports() -> dict[str, list[GazEntry]]:
    import airportsdata

    index: dict[str, list[GazEntry]] = defaultdict(list)
    # Airports with an IATA code only: scheduled traffic, the ones news names; private strips share names.
    for code, row in airportsdata.load("IATA").items():
        entry = GazEntry(f"iata:{code}", str(row["name"]), "airport", str(row["country"]) or None,
                         float(row["lat"]), float(row["lon"]))
        key, city = _airport_key(entry.name), _airport_key(str(row["city"]))
        # "Heathrow Airport" is "London Heathrow Airport"; "JFK Airport" is known by its code.
        short = key[len(city):].strip() if city and key.startswith(city + " ") else ""
        for alias in dict.fromkeys((key, short, code.lower())):
            if alias:
                index[alias].append(entry)
    return dict(index)


def airports(text: str) -> list[GazEntry]:
    """Airports (with an IATA code) known under ``text``, with or without "International", "Airport"...

    >>> airports("Bradley Airport")[0].name
    'Bradley International Airport'
    """
    key = _airport_key(text)
    return list(_airports().get(key, [])) if key else []


#: Abbreviations of US states and Canadian provinces in news style (AP), as written in datelines and
#: "City, St." pairs. The ones that are also common words or titles ("Miss.", "Ind.", "La.") count only
#: after a town ("Tupelo, Miss."), as the postal codes do ("Horry County, SC").
_STYLE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois", "Kan.": "Kansas",
    "Kans.": "Kansas", "Ky.": "Kentucky", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "W.Va.": "West Virginia", "W. Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming", "Ariz": "Arizona", "Calif": "California",
    "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan", "Ont.": "Ontario",
    "Que.": "Quebec", "N.S.": "Nova Scotia", "N.B.": "New Brunswick", "P.E.I.": "Prince Edward Island",
    "Nfld.": "Newfoundland and Labrador",
}
_AMBIGUOUS_ABBREVIATIONS = {
    "Del.": "Delaware", "Ind.": "Indiana", "La.": "Louisiana", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Ore.": "Oregon", "Pa.": "Pennsylvania", "Va.": "Virginia", "Wash.": "Washington",
    "Man.": "Manitoba", "Me.": "Maine",
}
_POSTAL = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "BC": "British Columbia", "AB": "Alberta", "SK": "Saskatchewan",
    "MB": "Manitoba", "ON": "Ontario", "QC": "Quebec", "NS": "Nova Scotia", "NB": "New Brunswick",
    "PE": "Prince Edward Island", "NL": "Newfoundland and Labrador",
}


@functools.lru_cache(maxsize=512)
def _abbreviated(name: str) -> tuple[GazEntry, ...]:
    regions = [e for e in gazetteer().lookup(name) if e.type == "region" and e.country in ("US", "CA")]
    return tuple(regions[:1])


#: A word at least this frequent in English (wordfreq Zipf; "god" 5.5, "we" 7.3) is the word when it is written
#: without the accents of a town's own name ("Göd", "Wé"); "zurich" and "malmo" are no words (1.8, 1.4).
_COMMON_WORD_ZIPF = 4.5


#: A letter, a full stop and a letter: initials written with stops ("P.A", "U.S.").
_STOPPED = re.compile(r"\b[A-Za-z]\.[A-Za-z]\b")
#: A word of three letters or more: a name that holds one is more than initials.
_WHOLE_WORD = re.compile(r"[A-Za-z]{3,}")


def written_as(text: str, found: Sequence[GazEntry]) -> list[GazEntry]:
    """The entries of ``found`` that ``text`` can name as it is written (#17).

    A short alias counts only in capitals: "ACT", "SUN" and "LAS" (airports' codes GeoNames lists as
    variants) are places; "Act", "Sun", "Las" and "Us" are words. A common English word written without the
    accents of a town's own name is the word: "from God" is not Göd, Hungary; "We" is not Wé.

    >>> [e.name for e in written_as("Sun", gazetteer().lookup("Sun"))], written_as("God", gazetteer().lookup("God"))
    ([], [])
    >>> written_as("P.A", gazetteer().lookup("P.A")), [e.name for e in written_as("U.S.", gazetteer().lookup("U.S."))]
    ([], ['United States'])
    """
    key = name_key(text)
    if len(key) < 4 and not text.isupper():
        found = [e for e in found if e.own_key == key]
    if "." in text and _STOPPED.search(text) and not _WHOLE_WORD.search(text):
        # Letters with full stops between them are initials ("P.A" of a law firm, "B.A" of a degree), not a
        # town spelt as one word (Pa, Burkina Faso); the hand-written forms "U.S." and "D.C." are written so.
        # Initials opening a longer name are its own ("U.S. Virgin Islands").
        found = [e for e in found if e.curated or "." in e.name]
    if found and text.isascii() and " " not in text.strip() and _common_word(key):
        found = [e for e in found if e.name.isascii() or e.curated]
    return list(found)


def common_word(text: str) -> bool:
    """Whether a name is also a common English word ("Centre", "City", "Reading"; not "Douma").

    >>> common_word("Centre"), common_word("Douma")
    (True, False)
    """
    return _common_word(name_key(text))


def common_plural(name: str) -> bool:
    """Whether a name is the plural of a common word, written as a word ("States", "Islands", "Lakes"): the
    United States' "the States" are every federation's states, and an article names the country so only where
    it places something else in it (#17).

    >>> common_plural("States"), common_plural("Philippines"), common_plural("America")
    (True, False, False)
    """
    return " " not in name and len(name) > 3 and name[-1] == "s" and name[:1].isupper() and name[1:].islower() \
        and common_word(name) and common_word(name[:-1])


@functools.lru_cache(maxsize=4096)
def _common_word(key: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(key, "en") >= _COMMON_WORD_ZIPF


def region_abbreviation(text: str, *, postal: bool = False) -> list[GazEntry]:
    """The state or province an abbreviation stands for ("Ky.", "W.Va."); with ``postal``, also the
    postal codes and the abbreviations that are common words ("SC", "Miss."), which only a town
    before them makes a place.

    >>> region_abbreviation("W.Va.")[0].name
    'West Virginia'
    """
    name = _STYLE_ABBREVIATIONS.get(text.strip())
    if name is None and postal:
        name = _AMBIGUOUS_ABBREVIATIONS.get(text.strip()) or _POSTAL.get(text.strip())
    return list(_abbreviated(name)) if name else []


#: How English makes a demonym from a country's or continent's name, undone: (ending, what replaces it).
#: "Egyptian" -> "Egypt", "Korean" -> "Korea", "Omani" -> "Oman", "Japanese" -> "Japan", "European" ->
#: "Europe", "Slovak" -> "Slovakia", "Lebanese" -> "Lebanon", "Polish" -> "Poland", "Turkish" -> "Turkey".
_DEMONYM_RULES = (("ian", ""), ("ian", "ia"), ("ian", "a"), ("n", ""), ("an", "o"), ("an", "e"), ("an", "a"), ("an", ""),
                  ("ian", "y"), ("i", ""), ("ese", ""), ("ese", "a"), ("ese", "on"), ("ish", "ey"),
                  ("ish", "and"), ("ish", "land"), ("ish", "en"), ("ish", "istan"), ("ish", ""), ("k", "kia"),
                  ("b", "bia"))
#: The last letters of every demonym the rules read: other words are not tried (most capitalised words).
_DEMONYM_ENDINGS = ("an", "i", "ese", "ish", "k", "b")


@functools.lru_cache(maxsize=4096)
def _demonym(word: str) -> tuple[GazEntry, ...]:
    gaz = gazetteer()
    bases = gaz.demonym_bases
    best: tuple[int, GazEntry] | None = None
    for ending, base in _DEMONYM_RULES:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)] + base
        if (stem_key := name_key(stem)) in gaz.short_forms:
            # "Bosnian" -> Bosnia and Herzegovina, "Salvadoran" -> El Salvador: the short form of a country.
            found = [gaz.short_forms[stem_key]]
        elif stem_key not in bases and f"south {stem_key}" not in bases:
            continue  # no country, continent or region is called so: most words tried are people's names
        else:
            found = [e for e in gaz.lookup(stem) if e.type in ("country", "continent", "region")
                     and e.own_key in (name_key(stem), name_key(f"South {stem}"))]
        # The longest name wins: "Nigerian" is of Nigeria, not of Niger.
        if found and (best is None or len(stem) > best[0]):
            best = (len(stem), found[0])
    if best is None:
        return ()
    e = best[1]
    return (GazEntry(f"dem:{e.id}", word, "demonym", e.country, e.lat, e.lon, e.population, e.admin1,
                     curated=e.curated),)


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a demonym: formed the regular way (:func:`demonym`) or listed as one ("Somali")."""
    return bool(demonym(word)) or any(e.type == "demonym" for e in gazetteer().lookup(word))


def demonym(word: str) -> list[GazEntry]:
    """The country or continent a demonym stands for, by the regular ways English forms one.

    >>> demonym("Egyptian")[0].country
    'EG'
    """
    if len(word) < 4 or not word.endswith(_DEMONYM_ENDINGS) or not word[:1].isupper() or not (
            word.isalpha() or word.count(" ") == 1 and word.replace(" ", "").isalpha() and word.istitle()):
        return []  # one word, or two of a place's name of two ("North American", "Saint Lucian")
    return list(_demonym(word))


class _Point(Protocol):
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


def km_between(a: _Point, b: _Point) -> float:
    """Great-circle distance in kilometres between two points (a gazetteer entry or a place; a missing
    coordinate reads as 0)."""
    lat1, lon1, lat2, lon2 = (math.radians(v or 0.0) for v in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
