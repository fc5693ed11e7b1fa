"""HTML extraction benchmark: newsprism's reading path against trafilatura and readability-lxml.

Usage::

    python bench/extraction.py ../shared/data/extraction-dev ../shared/data/extraction-dev2 [--repeats 3]

For every page of each dev set (``html/<id>.html.gz`` + ``ground-truth.json``,
and ``subsets.json`` when the set has one) it runs, page by page and in
alternating order so that machine noise hits all systems alike:

- ``newsprism``: ``read_document`` on the page's bytes (decoding, HTML
  extraction, metadata) followed by the ``clean.text`` stage, exactly as the
  pipeline does; its text before ``clean.text`` is scored too
  (``newsprism-read``), so that a regression of the cleaning stage shows;
- ``trafilatura``: ``trafilatura.extract(html)`` with default options, on the
  decoded page (the anchor);
- ``trafilatura-nc``: the same with ``include_comments=False`` (the setting
  the dev set's published anchors correspond to; reported, not a target);
- ``readability``: readability-lxml's ``Document(html).summary()``, its HTML
  turned into text with a line break after each block element (the second
  anchor; skipped with a note when ``readability-lxml`` is not installed).

``newsprism-read`` pages/s is the time spent in ``read_document`` alone,
measured inside the ``newsprism`` runs.

The score is the benchmark's metric (``bench/_metric.py``): page-weighted
precision, recall and F1 of 4-word shingles, and the number of empty pages.
Speed is pages per second of wall time on one core; each system's time is
the median over ``--repeats`` passes, and the newsprism/trafilatura ratio is
printed. Each set is reported as a whole and per subset (``subsets.json``),
with each system's worst single page (the median of its passes) and
newsprism's slowest pages. ``--dump FILE`` writes every page's outputs and
times as JSON Lines, for reading losses page by page; ``--misses MARGIN`` lists
the pages where trafilatura or readability beats newsprism by more than
MARGIN F1, with each system's precision and recall and the lengths of the texts
(a loss of recall is body text cut, a loss of precision furniture kept).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metric import corpus_prf  # noqa: E402

CLEAN_ERRORS: list[str] = []
READ_TIME = [0.0]  # seconds spent in read_document, within newsprism's time

#: ``(id, url, html bytes, gold text, subset)``
Page = tuple[str, str, bytes, str, str]
System = Callable[[bytes, str, str], tuple[str, str]]
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                     "table", "blockquote", "pre", "section", "article", "dd", "dt", "dl", "figcaption", "header",
                     "footer"})


def load_pages(folder: Path, *, limit: int | None = None) -> list[Page]:
    """``(id, url, html bytes, gold text, subset)`` for each page of the dev set, sorted by id.

    The subset is the page's entry in ``subsets.json`` when the set has one, else the folder's name.
    """
    gold = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    subsets_file = folder / "subsets.json"
    subsets = json.loads(subsets_file.read_text("utf-8")) if subsets_file.is_file() else {}
    pages = []
    for page_id in sorted(gold)[:limit]:
        data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, gold[page_id].get("url") or "", data, gold[page_id].get("articleBody") or "",
                      subsets.get(page_id, folder.name)))
    return pages


def newsprism_reader() -> System:
    """A function ``(html bytes, url, source) -> (read text, clean text)`` over newsprism's own path."""
    from newsprism.clean.read import read_document
    from newsprism.config import Settings
    from newsprism.model import RawDocument
    from newsprism.registry import get_factory

    settings = Settings()
    stage = get_factory("clean.text")(settings)

    def run(data: bytes, url: str, source: str) -> tuple[str, str]:
        start = time.perf_counter()
        article = read_document(RawDocument(content=data, kind="html", source=source, url=url), settings=settings)
        READ_TIME[0] += time.perf_counter() - start
        try:
            cleaned = next(iter(stage.pipe([article])))
        except Exception as e:  # a broken cleaning stage is reported and scored as empty output, not hidden
            CLEAN_ERRORS.append(f"{source}: {type(e).__name__}: {e}")
            return article.raw_text, ""
        return article.raw_text, cleaned.text

    return run


def readability_reader() -> System | None:
    """readability-lxml's main text, or None when it is not installed."""
    try:
        from lxml.html import fromstring  # type: ignore[import-untyped]  # lxml ships no stubs
        from readability import Document  # type: ignore[import-untyped]  # nor does readability-lxml
    except ImportError:
        print("readability-lxml is not installed: `pip install readability-lxml` to compare with it")
        return None

    def run(data: bytes, url: str, source: str) -> tuple[str, str]:
        try:
            summary = Document(data.decode("utf-8"), url=url or None).summary(html_partial=True)
            root = fromstring(summary)
        except Exception:  # readability raises on some pages; scored as an empty output, as for the others
            return "", ""
        for elem in root.iter():
            if isinstance(elem.tag, str) and elem.tag in _BLOCKS:
                elem.tail = "\n" + (elem.tail or "")
        return "", root.text_content().strip()

    return run


def run_benchmark(pages: list[Page], *, repeats: int
                  ) -> tuple[dict[str, dict[str, str]], dict[str, list[float]], dict[str, dict[str, float]]]:
    """Every system's output per page, its total time per pass, and its median time per page."""
    import trafilatura

    systems: dict[str, System] = {
        "newsprism": newsprism_reader(),
        "trafilatura": lambda data, url, src: ("", trafilatura.extract(data.decode("utf-8")) or ""),
        "trafilatura-nc": lambda data, url, src: ("", trafilatura.extract(data.decode("utf-8"),
                                                                          include_comments=False) or ""),
    }
    if (readability := readability_reader()) is not None:
        systems["readability"] = readability
    for _, url, data, _, _ in pages[:3]:  # warm-up: imports and lazy tables load before timing
        for system in systems.values():
            system(data, url, "warmup")
    names = [*systems, "newsprism-read"]
    times: dict[str, list[float]] = {name: [] for name in names}
    outputs: dict[str, dict[str, str]] = {name: {} for name in names}
    page_times: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    order = list(systems)
    for rep in range(repeats):
        spent = dict.fromkeys(systems, 0.0)
        READ_TIME[0] = 0.0
        for i, (page_id, url, data, _, _) in enumerate(pages):
            # alternate who goes first, page by page and pass by pass
            shift = (i + rep) % len(order)
            for name in order[shift:] + order[:shift]:
                read_before = READ_TIME[0]
                start = time.perf_counter()
                raw, text = systems[name](data, url, page_id)
                took = time.perf_counter() - start
                spent[name] += took
                outputs[name][page_id] = text
                page_times[name].setdefault(page_id, []).append(took)
                if name == "newsprism":
                    outputs["newsprism-read"][page_id] = raw
                    page_times["newsprism-read"].setdefault(page_id, []).append(READ_TIME[0] - read_before)
        for name in systems:
            times[name].append(spent[name])
        times["newsprism-read"].append(READ_TIME[0])
    medians = {name: {page_id: statistics.median(ts) for page_id, ts in per_page.items()}
               for name, per_page in page_times.items()}
    return outputs, times, medians


def report(pages: list[Page], outputs: dict[str, dict[str, str]], times: dict[str, list[float]],
           medians: dict[str, dict[str, float]]) -> None:
    """Print the tables (whole set, then each subset), the speed ratio, the slowest pages and the verdict."""
    subsets = sorted({page[4] for page in pages})
    groups = [("all", pages)] + ([(name, [p for p in pages if p[4] == name]) for name in subsets]
                                 if len(subsets) > 1 else [])
    passes = len(times["newsprism"])
    for label, group in groups:
        print(f"\n[{label}] {len(group)} pages (median of {passes} passes)")
        print(f"{'system':16} {'F1':>6} {'P':>6} {'R':>6} {'empty':>5} {'pages/s':>8} {'worst s':>8}")
        for name, texts in outputs.items():
            scores = corpus_prf((texts[page[0]], page[3]) for page in group)
            per_page = [medians[name][page[0]] for page in group]
            rate = len(group) / sum(per_page) if sum(per_page) else float("inf")
            print(f"{name:16} {scores.f1:6.3f} {scores.precision:6.3f} {scores.recall:6.3f} {scores.empty:5d} "
                  f"{rate:8.1f} {max(per_page):8.3f}")
    speed = {name: len(pages) / statistics.median(ts) for name, ts in times.items()}
    ratio = speed["newsprism"] / speed["trafilatura"]
    per_pass = [times["trafilatura"][i] / times["newsprism"][i] for i in range(passes)]
    print(f"\nspeed ratio newsprism/trafilatura: {ratio:.2f} (per pass: {', '.join(f'{r:.2f}' for r in per_pass)})")
    print(f"speed ratio newsprism-read/trafilatura: {speed['newsprism-read'] / speed['trafilatura']:.2f} "
          "(HTML reading alone, before clean.text)")
    slowest = sorted(medians["newsprism"].items(), key=lambda item: -item[1])[:5]
    print("slowest newsprism pages: " + ", ".join(
        f"{page_id[:12]} {took:.2f}s (trafilatura {medians['trafilatura'][page_id]:.2f}s)" for page_id, took in slowest))
    f1s = {name: corpus_prf((outputs[name][p[0]], p[3]) for p in pages).f1 for name in outputs}
    anchors = [f1s[name] for name in ("trafilatura", "readability") if name in f1s]
    print(f"F1 newsprism {f1s['newsprism']:.3f}, newsprism-read {f1s['newsprism-read']:.3f}; anchors "
          + ", ".join(f"{name} {f1s[name]:.3f}" for name in ("trafilatura", "trafilatura-nc", "readability")
                      if name in f1s))
    if CLEAN_ERRORS:
        print(f"clean.text FAILED {len(CLEAN_ERRORS)} times (scored as empty); first: {CLEAN_ERRORS[0][:200]}")
    ok = f1s["newsprism"] > max(anchors) and ratio >= 1.0
    print("PASS" if ok else "FAIL", "(target: F1 above trafilatura and readability at >= 1.0x trafilatura's pages/s)")


def dump(path: Path, pages: list[Page], outputs: dict[str, dict[str, str]],
         medians: dict[str, dict[str, float]]) -> None:
    """Every page's gold, outputs and median times as JSON Lines (one object per page)."""
    with path.open("w", encoding="utf-8") as out:
        for page_id, url, _, gold, subset in pages:
            record = {"id": page_id, "url": url, "subset": subset, "gold": gold,
                      "outputs": {name: texts[page_id] for name, texts in outputs.items()},
                      "seconds": {name: round(per_page[page_id], 4) for name, per_page in medians.items()}}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def misses(pages: list[Page], outputs: dict[str, dict[str, str]], margin: float) -> None:
    """The pages where an anchor beats newsprism by more than ``margin`` F1, worst first."""
    from _metric import shingle_prf

    anchors = [name for name in ("trafilatura-nc", "readability") if name in outputs]
    rows = []
    for page_id, _, _, gold, subset in pages:
        scores = {name: shingle_prf(outputs[name][page_id], gold) for name in ("newsprism", "newsprism-read", *anchors)}
        gap = max(scores[name][2] for name in anchors) - scores["newsprism"][2]
        if gap > margin:
            rows.append((gap, page_id, subset, scores, {name: len(outputs[name][page_id]) for name in scores}, len(gold)))
    print(f"\npages where {' or '.join(anchors)} beats newsprism by more than {margin} F1: {len(rows)} "
          f"(F1 lost {sum(row[0] for row in rows):.2f} in page units)")
    for gap, page_id, subset, scores, lengths, gold_len in sorted(rows, key=lambda row: -row[0]):
        print(f"  {page_id[:12]} {subset[:9]:9} -{gap:.2f} gold {gold_len} chars; " + "; ".join(
            f"{name} P {p:.2f} R {r:.2f} ({lengths[name]})" for name, (p, r, _) in scores.items()))


def compare_metadata(pages: list[Page]) -> None:
    """Coverage of each metadata field, newsprism vs ``trafilatura.extract_metadata``, and how often they agree.

    Agreement: the same value after lower-casing; for authors, tags and
    categories, at least one value in common; counted over pages where both
    found the field.
    """
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    from newsprism.clean.html import extract_html, split_authors

    keys = {"title": "title", "published": "date", "authors": "author", "site": "sitename", "canonical_url": "url",
            "tags": "tags", "categories": "categories", "description": "description", "image": "image"}
    found = {key: [0, 0, 0, 0] for key in keys}  # newsprism, trafilatura, both, agree
    for _, url, data, _, _ in pages:
        html = data.decode("utf-8")
        ours = extract_html(html, url=url).fields
        theirs = extract_metadata(load_html(html), default_url=url)
        for key, attr in keys.items():
            mine, other = ours.get(key), getattr(theirs, attr, None)
            if key == "authors":
                mine = {a.lower() for a in mine or ()}
                other = {a.lower() for a in split_authors((other or "").split(";"))}
            elif key in ("tags", "categories"):
                mine = {t.lower() for t in mine or ()}
                other = {t.lower() for t in other or ()}
            counts = found[key]
            counts[0] += bool(mine)
            counts[1] += bool(other)
            if mine and other:
                counts[2] += 1
                same = bool(mine & other) if isinstance(mine, set) else str(mine).lower() == str(other).lower()
                counts[3] += same
    print(f"\nmetadata over {len(pages)} pages: {'field':14} {'newsprism':>9} {'trafilatura':>11} {'both':>5} {'agree':>6}")
    for key, (mine_n, other_n, both, agree) in found.items():
        print(f"{'':31}{key:14} {mine_n:9d} {other_n:11d} {both:5d} {agree:6d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="+",
                        help="extraction dev sets (html/*.html.gz, ground-truth.json, optional subsets.json)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the pages (median reported)")
    parser.add_argument("--metadata", action="store_true", help="also compare metadata fields with trafilatura's")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages (by id) of each set")
    parser.add_argument("--misses", type=float, default=None, metavar="MARGIN",
                        help="list the pages where trafilatura or readability beats newsprism by more than MARGIN F1")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write each page's outputs and times as JSON Lines (FILE, or FILE.<set> for several)")
    args = parser.parse_args(argv)
    for folder in args.folders:
        if not (folder / "ground-truth.json").is_file():
            parser.error(f"{folder} has no ground-truth.json")
    for folder in args.folders:
        pages = load_pages(folder, limit=args.limit)
        print(f"\n=== {folder.name}: {len(pages)} pages, {args.repeats} passes, Python {sys.version.split()[0]}")
        CLEAN_ERRORS.clear()
        outputs, times, medians = run_benchmark(pages, repeats=args.repeats)
        report(pages, outputs, times, medians)
        if args.misses is not None:
            misses(pages, outputs, args.misses)
        if args.dump:
            target = args.dump if len(args.folders) == 1 else args.dump.with_name(f"{args.dump.name}.{folder.name}")
            dump(target, pages, outputs, medians)
        if args.metadata:
            compare_metadata(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
