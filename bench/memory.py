"""Memory over a long ingest: does RSS stay flat as the corpus grows?

    python bench/memory.py --n 100000                      # the full measurement
    python bench/memory.py --n 5000 --workers 1            # quick
    python bench/memory.py --n 2000 --mixed                # texts in ten languages (#17)

Texts: Wikinews articles (CC BY 2.5) from ../shared/data/wikinews/, repeated
with variation by ``bench/throughput.py``'s ``make_corpus`` so that none is
skipped as already seen. ``newsprism ingest`` runs in its own process (by
default with ``--setting stages clean.text``, the fast path: reading, cleaning
and store writes, every batch through the same code as a full run); the
summed RSS of its process tree and the number of stored articles are sampled
every second. Printed: RSS at each tenth of the articles, the peak, and the
slope of RSS against articles over the second half of the run (after the
warm-up), in MB per 10,000 articles: flat memory means a slope near zero.

With ``--mixed`` the texts are the scraped article texts of the SemEval-2022
Task 8 pairs (../shared/data/semeval2022-task8-train/), in ten languages
taken in turn: cleaning loads the word lists of each language it meets.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import make_corpus  # noqa: E402 - a sibling script, not a package


def make_mixed_corpus(n: int, path: Path) -> None:
    """Write ``n`` scraped texts of the SemEval-2022 Task 8 pairs as JSON Lines, their languages taken in turn."""
    import csv
    from collections import defaultdict

    from throughput import SHARED

    csv.field_size_limit(10**8)
    by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (SHARED / "data" / "semeval2022-task8-train" / "training_set.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for key, lang, side in (("text1", "lang1", 0), ("text2", "lang2", 1)):
                if 200 < len(row[key]) < 20_000:
                    page = row["pair_id"].split("_")[side]
                    by_lang[row[lang]].append((f"https://example.org/{row[lang]}/{page}", row[key]))
    langs = sorted(by_lang)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            rows = by_lang[langs[i % len(langs)]]
            url, text = rows[(i // len(langs)) % len(rows)]
            out.write(json.dumps({"url": f"{url}?v={i}", "title": "", "text": f"{text}\n\nRef {i}."}) + "\n")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return -1


class Sampler:
    """Samples (seconds, summed RSS of the process tree, articles stored) every ``interval`` seconds."""

    def __init__(self, pid: int, db: Path, *, interval: float = 1.0) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.db = db
        self.interval = interval
        self.samples: list[tuple[float, int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        start = time.monotonic()
        while not self._stop.wait(self.interval):
            try:
                procs = [self.process, *self.process.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in procs)
            except psutil.Error:
                continue
            count = _stored(self.db)
            if count >= 0:
                self.samples.append((time.monotonic() - start, rss, count))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def slope_per_10k(points: list[tuple[int, int]]) -> float:
    """Least-squares slope of RSS (MB) against articles, per 10,000 articles."""
    if len(points) < 2:
        return 0.0
    xs = [float(x) for x, _ in points]
    ys = [y / 2**20 for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var * 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="Articles to ingest (default 10,000).")
    parser.add_argument("--workers", type=int, default=1, help="Worker processes for the ingest (default 1).")
    parser.add_argument("--stages", default="clean.text", help="The 'stages' setting (default: clean.text only).")
    parser.add_argument("--keep", type=Path, default=None, help="Write the corpus and the database here.")
    parser.add_argument("--mixed", action="store_true", help="Texts in ten languages instead of Wikinews's English.")
    parser.add_argument("--max-seconds", type=float, default=0, help="Stop the ingest after this long (0: never) "
                        "and report on the articles stored by then.")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; N={args.n:,}, "
          f"workers={args.workers}, stages={args.stages}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, db = folder / f"memory-{args.n}.jsonl", folder / f"memory-{args.n}.db"
        db.unlink(missing_ok=True)
        if args.mixed:
            make_mixed_corpus(args.n, corpus)
        else:
            make_corpus(args.n, corpus)
        cmd = [sys.executable, "-m", "newsprism", "--setting", "stages", args.stages, "ingest", str(corpus),
               "--db", str(db), "--workers", str(args.workers), "--no-progress"]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sampler = Sampler(proc.pid, db)
        try:
            _, err = proc.communicate(timeout=args.max_seconds or None)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)  # what is stored stays (ingest is crash-safe)
            _, err = proc.communicate()
            print(f"stopped after {args.max_seconds:.0f} s, as asked")
        sampler.stop()
        seconds = time.perf_counter() - start
        stored = _stored(db)
        if proc.returncode not in (0, 130, -signal.SIGINT, -signal.SIGKILL):
            raise SystemExit(f"ingest failed:\n{err.decode()[-2000:]}")
        report(sampler.samples, n=stored if stored < args.n else args.n, seconds=seconds, stored=stored)


def report(samples: list[tuple[float, int, int]], *, n: int, seconds: float, stored: int) -> None:
    """Print RSS at each tenth of the articles, the peak and the slope."""
    print(f"ingested {stored:,} articles in {seconds:.0f} s ({stored / seconds:.0f} articles/s)")
    if not samples:
        print("no samples (run too short)")
        return
    tenths = []
    for k in range(1, 11):
        target = n * k // 10
        at = next((s for s in samples if s[2] >= target), samples[-1])
        tenths.append(f"{k * 10}%: {at[1] / 2**20:.0f}")
    print("RSS (MB) at each tenth of the articles: " + ", ".join(tenths))
    at, peak, count = max(samples, key=lambda s: s[1])
    print(f"peak RSS {peak / 2**20:.0f} MB over {len(samples)} samples (at {at:.0f} s, {count:,} articles stored)")
    storing = [rss for _, rss, count in samples if count < stored]
    if storing:  # what the articles' processing holds, apart from the work after the last one is stored
        print(f"peak RSS while articles were being stored {max(storing) / 2**20:.0f} MB")
    half = [(count, rss) for _, rss, count in samples if count >= n // 2]
    print(f"slope over the second half: {slope_per_10k(half):+.2f} MB per 10,000 articles")


if __name__ == "__main__":
    main()
