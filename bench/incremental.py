"""Incremental linking against a full recompute: time and peak memory of adding articles to a corpus.

A corpus of N articles is built from the bundled Wikinews articles (each
article mixes the sentences of three of them, with its own date and one of 20
sites; every twentieth is a republication of an earlier one on another
site), linked once, copied; then K new articles are added to both copies, one
linked incrementally (``newsprism link``) and one in full (``--full``). Each
link runs in a fresh process, whose peak resident memory is reported; both
encode the K new meaning vectors, and every link table is compared.

    python bench/incremental.py --sizes 2000 8000 --add 100 1000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
SITES = [f"site{n:02d}.example" for n in range(20)]


@cache
def _sources() -> list[tuple[str, list[str]]]:
    found = []
    with (ROOT / "examples" / "wikinews" / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            sentences = [s.strip() + "." for s in row["text"].replace("\n", " ").split(". ") if len(s.split()) > 4]
            if len(sentences) >= 6:
                found.append((row["title"], sentences))
    return found


def articles(start: int, count: int, *, seed: int = 0) -> list[Article]:
    """Articles ``start`` to ``start + count`` of the synthetic corpus (the same ones for the same numbers)."""
    sources = _sources()
    made: list[Article] = []
    for n in range(start, start + count):
        rng = random.Random(f"{seed}-{n}")
        if n % 20 == 19 and n > 20:  # a republication of an earlier article, elsewhere, a day later
            (original,) = articles(rng.randrange(0, n - 1), 1, seed=seed)
            made.append(original.replace(id=f"n{n:07d}", url=f"https://{SITES[(n + 7) % 20]}/{n}",
                                         site=SITES[(n + 7) % 20],
                                         text=original.text + "\nShare this article."))
            continue
        parts = rng.sample(sources, 3)
        text = " ".join(s for _, sentences in parts for s in rng.sample(sentences, min(4, len(sentences))))
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 1000))
        site = SITES[n % 20]
        made.append(Article(id=f"n{n:07d}", title=f"{parts[0][0]} ({n})", text=text, raw_text=text, site=site,
                            url=f"https://{site}/{n}", published=day.isoformat()))
    return made


def _child(db: str, full: bool) -> None:
    from newsprism.link.run import link_corpus
    from newsprism.store import open_store

    store = open_store(db)
    began = time.perf_counter()
    summary = link_corpus(store, full=full)
    seconds = time.perf_counter() - began
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": peak, "articles": summary.articles}))


def _link(db: Path, *, full: bool) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(db), *(["--full"] if full else [])],
                         check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


def _tables(db: Path) -> dict[str, list[object]]:
    from newsprism.store import open_store
    from newsprism.store.links import LINK_ROWS

    store = open_store(db)
    try:
        return {kind.TABLE: store.link_rows(kind) for kind in LINK_ROWS}
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000], help="Corpus sizes.")
    parser.add_argument("--add", type=int, nargs="+", default=[100, 1000], help="Articles added to each corpus.")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--full", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.full)
        return
    from newsprism.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="incremental-"))
    print("| corpus | added | full link s | full peak MB | incremental s | incremental peak MB | speed-up | equal |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
    try:
        for size in args.sizes:
            base = folder / f"base-{size}.db"
            store = open_store(base)
            for at in range(0, size, 1000):
                store.add(articles(at, min(1000, size - at)))
            store.close()
            _link(base, full=True)  # the first link: every signature and vector computed and cached
            for added in args.add:
                runs = {}
                for full in (True, False):
                    db = folder / f"{size}-{added}-{full}.db"
                    shutil.copy(base, db)
                    store = open_store(db)
                    store.add(articles(size, added))
                    store.close()
                    runs[full] = (_link(db, full=full), db)
                equal = _tables(runs[True][1]) == _tables(runs[False][1])
                (full_run, _), (inc_run, _) = runs[True], runs[False]
                print(f"| {size:,} | {added:,} | {full_run['seconds']} | {full_run['peak_mb']} | {inc_run['seconds']} "
                      f"| {inc_run['peak_mb']} | {full_run['seconds'] / max(inc_run['seconds'], 0.01):.1f}x "
                      f"| {'yes' if equal else 'NO'} |", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
