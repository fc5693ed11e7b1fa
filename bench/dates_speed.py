"""Speed of the dates tagger against dateparser's ``search_dates``, side by side.

Usage (from the project root)::

    python bench/dates_speed.py [--limit 60]

Both run on the same Wikinews texts (``../shared/data/wikinews/articles.jsonl``,
Wikinews contributors, CC BY 2.5) with the publication date as the anchor;
prints the median milliseconds per article and the ratio. Accuracy is scored
by ``bench/facts.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="number of articles")
    args = parser.parse_args()
    from dateparser.search import search_dates

    from newsprism.extract.dates import find_times

    path = SHARED / "data" / "wikinews" / "articles.jsonl"
    articles = [json.loads(line) for line in path.read_text("utf-8").splitlines()][: args.limit]
    ours, theirs = [], []
    find_times("warm up on Monday", published="2022-11-09")
    for article in articles:
        start = time.perf_counter()
        find_times(article["text"], published=article["date"])
        ours.append(time.perf_counter() - start)
        base = dt.datetime.fromisoformat(article["date"][:10])
        start = time.perf_counter()
        search_dates(article["text"], languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        theirs.append(time.perf_counter() - start)
    a, b = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    print(f"{len(articles)} articles; median ms per article: newsprism {a:.2f}, dateparser {b:.1f}; "
          f"dateparser/newsprism = {b / a:.0f}x")


if __name__ == "__main__":
    main()
