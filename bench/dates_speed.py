"""Speed of the dates tagger against dateparser's ``search_dates``, or against an earlier version of itself.

Usage (from the project root)::

    python bench/dates_speed.py [--limit 60] [--corpus wikinews|timebank] [--data ../shared/data]
    python bench/dates_speed.py --against REV [--corpus timebank] [--rounds 3]

Texts: Wikinews (``wikinews/articles.jsonl``, Wikinews contributors, CC BY
2.5) or TimeBank (``timebank/*.tml``, evaluation only) under the shared data
folder, each with its publication date (TimeBank: the creation time) as the
anchor. By default, newsprism and dateparser run side by side; with
``--against REV`` the ``src/`` tree of git revision ``REV`` is unpacked to a
temporary folder and both versions of ``find_times`` run interleaved in one
process, so both see the same load. Prints the median milliseconds per
document and the ratio. Accuracy is scored by ``bench/facts.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
Finder = Callable[..., Any]


def load_texts(corpus: str, data: Path, limit: int) -> list[tuple[str, str]]:
    """``(text, publication date)`` pairs of the chosen corpus."""
    if corpus == "timebank":
        sys.path.insert(0, str(ROOT / "bench"))
        import _gold_dates

        pairs = [(doc.text, doc.dct) for doc in _gold_dates.load_timebank(data / "timebank")]
    else:
        lines = (data / "wikinews" / "articles.jsonl").read_text("utf-8").splitlines()
        pairs = [(row["text"], row["date"]) for row in map(json.loads, lines)]
    return pairs[:limit] if limit else pairs


def find_times_of(src: Path) -> Finder:
    """``newsprism.extract.dates.find_times`` imported from the package under ``src``."""
    for name in [name for name in sys.modules if name == "newsprism" or name.startswith("newsprism.")]:
        del sys.modules[name]
    sys.path.insert(0, str(src))
    try:
        module = importlib.import_module("newsprism.extract.dates")
    finally:
        sys.path.remove(str(src))
    return module.find_times  # type: ignore[no-any-return]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def against(rev: str, pairs: list[tuple[str, str]], rounds: int) -> str:
    """Time the ``src/`` of ``rev`` and of the working tree, interleaved."""
    archive = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        old = find_times_of(Path(folder) / "src")
        new = find_times_of(ROOT / "src")
        # Warm up: imports, compiled patterns and the holiday calendars are not per-document time.
        for finder in (old, new):
            finder("On Monday, Thanksgiving, 2 p.m.", published="2022-11-09")
        before: list[float] = []
        now: list[float] = []
        for _ in range(rounds):
            for text, published in pairs:
                for finder, samples in ((old, before), (new, now)):
                    start = time.perf_counter()
                    finder(text, published=published)
                    samples.append(time.perf_counter() - start)
    a, b = median_ms(before), median_ms(now)
    return (f"{len(pairs)} documents x {rounds}; median ms per document: {rev} {a:.2f}, working tree {b:.2f}; "
            f"ratio {b / a:.2f}")


def against_dateparser(pairs: list[tuple[str, str]]) -> str:
    from dateparser.search import search_dates

    from newsprism.extract.dates import find_times

    ours, theirs = [], []
    find_times("warm up on Monday", published="2022-11-09")
    for text, published in pairs:
        start = time.perf_counter()
        find_times(text, published=published)
        ours.append(time.perf_counter() - start)
        base = dt.datetime.fromisoformat(published[:10])
        start = time.perf_counter()
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        theirs.append(time.perf_counter() - start)
    a, b = median_ms(ours), median_ms(theirs)
    return f"{len(pairs)} documents; median ms per document: newsprism {a:.2f}, dateparser {b:.1f}; " \
           f"dateparser/newsprism = {b / a:.0f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="number of documents (0: all)")
    parser.add_argument("--corpus", choices=["wikinews", "timebank"], default="wikinews", help="texts to time")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--against", metavar="REV", default="", help="time against the src/ of this git revision")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the texts with --against")
    args = parser.parse_args()
    pairs = load_texts(args.corpus, args.data, args.limit)
    print(against(args.against, pairs, args.rounds) if args.against else against_dateparser(pairs))


if __name__ == "__main__":
    main()
