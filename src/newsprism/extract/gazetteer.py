"""Offline gazetteer: place names to coordinates, loaded lazily once per process.

Two shipped files, both in ``newsprism/data``:

* ``gazetteer.tsv.gz``: GeoNames cities (5,000+ people), first-level regions
  and countries with their aliases, built by ``scripts/build_gazetteer.py``
  from installed packages (GeoNames data, CC BY 4.0).
* ``places_extra.tsv``: hand-written rivers, seas, landmarks, blocs, common
  aliases ("U.S.", "UK", "EU", "Kiev") and demonyms ("Ukrainian" -> Ukraine).

Airports come from the ``airportsdata`` package (MIT), read only when a text names one.

Nothing here calls a web service.
"""

from __future__ import annotations

import dataclasses
import gzip
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources


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
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.casefold()


class Gazetteer:
    """Name index over the shipped files. Use :func:`gazetteer` for the shared instance."""

    def __init__(self, entries: list[tuple[GazEntry, list[str]]]) -> None:
        """Index ``entries``: each with all its names (canonical first) in :func:`name_key` form."""
        self._index: dict[str, list[GazEntry]] = defaultdict(list)
        self.countries: dict[str, GazEntry] = {}
        for entry, keys in entries:
            for key in dict.fromkeys(keys):
                self._index[key].append(entry)
            if entry.type == "country" and (entry.curated or entry.country not in self.countries):
                self.countries[entry.country or ""] = entry

    def lookup(self, text: str) -> list[GazEntry]:
        """Every entry known under ``text`` (any case, accents, "the"), best-known first."""
        found = self._index.get(name_key(text), [])
        if not found and "." in text:
            found = self._index.get(name_key(text.replace(".", "")), [])
        return sorted(found, key=lambda e: (not e.curated, -e.population))

    def __contains__(self, text: str) -> bool:
        return name_key(text) in self._index


@cache
def curated_surfaces() -> tuple[tuple[str, str], ...]:
    """``(surface name, type)`` of every hand-written name and alias, as written in the file."""
    text = resources.files("newsprism").joinpath("data", "places_extra.tsv").read_text("utf-8")
    return tuple((name, cols[1]) for line in text.splitlines() if line.strip() and not line.startswith("#")
                 for cols in [line.split("\t")] for name in cols[0].split("|"))


def _read_main() -> list[tuple[GazEntry, list[str]]]:
    data = resources.files("newsprism").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    entries = []
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        gid, name, kind, cc, lat, lon, pop, admin1, aliases = line.split("\t")
        entry = GazEntry(gid, name, kind, cc or None, float(lat), float(lon), int(pop), admin1 or None)
        entries.append((entry, aliases.split("|") if aliases else []))
    return entries


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


def _with_region(entry: GazEntry, keys: list[str], towns: dict[str, GazEntry]) -> GazEntry:
    for key in keys:
        twin = towns.get(key) or towns.get(f"{key} city")
        if twin and twin.country == entry.country and abs(twin.lat - entry.lat) + abs(twin.lon - entry.lon) < 1:
            return dataclasses.replace(entry, admin1=twin.admin1)
    return entry


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use (about a second) and kept for the process."""
    main = _read_main()
    countries = {e.country or "": e for e, _ in main if e.type == "country"}
    extra = _read_extra(countries)
    # Curated country coordinates replace the computed ones, so one country has one point.
    curated_countries = {e.country for e, _ in extra if e.type == "country"}
    kept = [(e, n) for e, n in main if not (e.type == "country" and e.country in curated_countries)]
    # Hand-written regions take the region code of their GeoNames twin, so "Pasadena" near
    # "California" still finds the Californian one.
    codes = {(name_key(e.name), e.country): e.admin1 for e, _ in main if e.type == "region"}
    extra = [(dataclasses.replace(e, admin1=codes.get((name_key(e.name), e.country))) if e.type == "region" else e, n)
             for e, n in extra]
    # Hand-written cities take the region of their GeoNames twin ("New York" is in US.NY), so a
    # "City, State" pair can be checked.
    towns = {key: e for e, names in main if e.type == "city" for key in names[:1]}
    extra = [(_with_region(e, n, towns), n) if e.type == "city" else (e, n) for e, n in extra]
    for entry, names in main:
        if entry.type == "country" and entry.country in curated_countries:
            # Keep GeoNames aliases ("Russian Federation") on the curated entry.
            for cur, cur_names in extra:
                if cur.type == "country" and cur.country == entry.country:
                    cur_names.extend([name_key(entry.name), *names])
    return Gazetteer(kept + extra)


#: Words an airport's name may carry or drop ("Bradley Airport" is "Bradley International Airport").
_AIRPORT_NOISE = frozenset({"the", "international", "intl", "regional", "municipal", "national", "airport",
                            "airfield", "aerodrome", "field", "county"})


def _airport_key(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", name_key(text))
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
