"""HTML extraction benchmark: newsprism's reading path against trafilatura alone.

Usage::

    python bench/extraction.py ../shared/data/extraction-dev [--repeats 3] [--limit N]

For every page of the dev set (``html/<id>.html.gz`` + ``ground-truth.json``)
it runs, page by page and in alternating order so that machine noise hits
all systems alike:

- ``newsprism``: ``read_document`` on the page's bytes (decoding, HTML
  extraction, metadata) followed by the ``clean.text`` stage, exactly as the
  pipeline does; its text before ``clean.text`` is scored too
  (``newsprism-read``), so that a regression of the cleaning stage shows;
- ``trafilatura``: ``trafilatura.extract(html)`` with default options, on the
  decoded page (the anchor);
- ``trafilatura-nc``: the same with ``include_comments=False`` (the setting
  the dev set's published anchors correspond to; reported, not a target).

``newsprism-read`` pages/s is the time spent in ``read_document`` alone,
measured inside the ``newsprism`` runs.

The score is the benchmark's metric (``bench/_metric.py``): page-weighted
precision, recall and F1 of 4-word shingles, and the number of empty pages.
Speed is pages per second of wall time on one core; each system's time is
the median over ``--repeats`` passes, and the newsprism/trafilatura ratio is
printed.
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

from _metric import Scores, corpus_prf  # noqa: E402

CLEAN_ERRORS: list[str] = []
READ_TIME = [0.0]  # seconds spent in read_document, within newsprism's time


def load_pages(folder: Path, *, limit: int | None = None) -> list[tuple[str, str, bytes, str]]:
    """``(id, url, html bytes, gold text)`` for each page of the dev set, sorted by id."""
    gold = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id in sorted(gold)[:limit]:
        data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, gold[page_id].get("url") or "", data, gold[page_id].get("articleBody") or ""))
    return pages


def newsprism_reader() -> Callable[[bytes, str, str], tuple[str, str]]:
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


def run_benchmark(pages: list[tuple[str, str, bytes, str]], *, repeats: int) -> dict[str, tuple[Scores, list[float]]]:
    """Scores and per-pass wall times of each system."""
    import trafilatura

    read = newsprism_reader()
    systems: dict[str, Callable[[bytes, str, str], tuple[str, str]]] = {
        "newsprism": read,
        "trafilatura": lambda data, url, src: ("", trafilatura.extract(data.decode("utf-8")) or ""),
        "trafilatura-nc": lambda data, url, src: ("", trafilatura.extract(data.decode("utf-8"),
                                                                          include_comments=False) or ""),
    }
    for _, url, data, _ in pages[:3]:  # warm-up: imports and lazy tables load before timing
        for system in systems.values():
            system(data, url, "warmup")
    times: dict[str, list[float]] = {name: [] for name in [*systems, "newsprism-read"]}
    outputs: dict[str, dict[str, str]] = {name: {} for name in [*systems, "newsprism-read"]}
    order = list(systems)
    for rep in range(repeats):
        spent = dict.fromkeys(systems, 0.0)
        READ_TIME[0] = 0.0
        for i, (page_id, url, data, _) in enumerate(pages):
            # alternate who goes first, page by page and pass by pass
            shift = (i + rep) % len(order)
            for name in order[shift:] + order[:shift]:
                start = time.perf_counter()
                raw, text = systems[name](data, url, page_id)
                spent[name] += time.perf_counter() - start
                outputs[name][page_id] = text
                if name == "newsprism":
                    outputs["newsprism-read"][page_id] = raw
        for name in systems:
            times[name].append(spent[name])
        times["newsprism-read"].append(READ_TIME[0])
    results: dict[str, tuple[Scores, list[float]]] = {}
    for name, texts in outputs.items():
        scores = corpus_prf((texts[page_id], gold) for page_id, _, _, gold in pages)
        results[name] = (scores, times.get(name, []))
    return results


def report(results: dict[str, tuple[Scores, list[float]]], *, pages: int) -> None:
    """Print the table, the speed ratio and the verdict."""
    print(f"{'system':16} {'F1':>6} {'P':>6} {'R':>6} {'empty':>5} {'pages/s':>8}  (median of {len(results['newsprism'][1])} passes)")
    speed: dict[str, float] = {}
    for name, (scores, times) in results.items():
        rate = pages / statistics.median(times)
        speed[name] = rate
        print(f"{name:16} {scores.f1:6.3f} {scores.precision:6.3f} {scores.recall:6.3f} {scores.empty:5d} {rate:8.1f}")
    ratio = speed["newsprism"] / speed["trafilatura"]
    f1_np, f1_tr = results["newsprism"][0].f1, results["trafilatura"][0].f1
    per_pass = [results["trafilatura"][1][i] / results["newsprism"][1][i] for i in range(len(results["newsprism"][1]))]
    print(f"speed ratio newsprism/trafilatura: {ratio:.2f} (per pass: {', '.join(f'{r:.2f}' for r in per_pass)})")
    print(f"speed ratio newsprism-read/trafilatura: {speed['newsprism-read'] / speed['trafilatura']:.2f} "
          "(HTML reading alone, before clean.text)")
    print(f"F1 newsprism - trafilatura: {f1_np - f1_tr:+.3f}; newsprism-read - trafilatura: "
          f"{results['newsprism-read'][0].f1 - f1_tr:+.3f}")
    if CLEAN_ERRORS:
        print(f"clean.text FAILED {len(CLEAN_ERRORS)} times (scored as empty); first: {CLEAN_ERRORS[0][:200]}")
    ok = f1_np >= max(f1_tr, 0.960) and ratio >= 0.9
    print("PASS" if ok else "FAIL", "(target: F1 >= max(trafilatura, .960) at >= 0.9x its pages/s)")


def compare_metadata(pages: list[tuple[str, str, bytes, str]]) -> None:
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
    for _, url, data, _ in pages:
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
    parser.add_argument("folder", type=Path, help="the extraction dev set (html/*.html.gz and ground-truth.json)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the pages (median reported)")
    parser.add_argument("--metadata", action="store_true", help="also compare metadata fields with trafilatura's")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages (by id)")
    args = parser.parse_args(argv)
    if not (args.folder / "ground-truth.json").is_file():
        parser.error(f"{args.folder} has no ground-truth.json")
    pages = load_pages(args.folder, limit=args.limit)
    print(f"{len(pages)} pages, {args.repeats} passes, Python {sys.version.split()[0]}")
    report(run_benchmark(pages, repeats=args.repeats), pages=len(pages))
    if args.metadata:
        compare_metadata(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
