"""Build ``examples/wikinews/articles.jsonl``: real news for the demo, from English Wikinews.

The source is a JSON Lines file of 295 English Wikinews articles (2019-01 to
2021-03; ``url``, ``date``, ``title``, ``text``, ``license``) kept beside the
project in ``shared/data/wikinews/``. Each kept row is written with the field
names the JSON Lines reader takes (``url``, ``title``, ``published``,
``text``) and the credit the licence asks for (``license``, ``license_url``,
``credit``); the text itself is not changed. The rows in :data:`LEFT_OUT` are
not articles the demo should show, and are left out with their reason.

The output is deterministic (source order, fixed key order, ``\\n`` line
ends), so a rebuild from the same source gives the same bytes; ``--check``
rebuilds in memory and exits with 1 when the committed file differs.

Usage::

    python scripts/build_wikinews_examples.py                    # from ../shared/data/wikinews
    python scripts/build_wikinews_examples.py --source DIR       # or from DIR/articles.jsonl
    NEWSPRISM_SHARED=/data python scripts/build_wikinews_examples.py --check
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "examples" / "wikinews" / "articles.jsonl"

LICENSE = "CC BY 2.5"
LICENSE_URL = "https://creativecommons.org/licenses/by/2.5/"
CREDIT = "Wikinews contributors"

#: Source rows that are not news articles for the demo: URL -> why.
LEFT_OUT = {
    "https://en.wikinews.org/wiki/TEST_PAGE:Self-publish_yesterday":
        "a 26-character test page, not an article",
    "https://en.wikinews.org/wiki/TEST_PAGE:Self-publish_today":
        "a test page (\"This is a test page! It should not be reviewed\"), not an article",
    "https://en.wikinews.org/wiki/Living_with_HIV_during_COVID-19:_Wikinews_talks_to_HIV-positive_sex_workers_"
    "about_how_pandemic_has_effected_their_lives":
        "a 104,313-character interview (71 questions and their answers) still marked as awaiting review: "
        "almost twice the next longest text, it alone would be a twelfth of the set",
}


def default_source() -> Path:
    """``$NEWSPRISM_SHARED/data/wikinews``, else ``shared/data/wikinews`` beside the project."""
    return Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "data" / "wikinews"


def read_rows(path: Path) -> list[dict[str, str]]:
    """The source rows, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def convert(rows: Iterable[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Rows for the examples, and the source rows left out (those in :data:`LEFT_OUT`)."""
    kept: list[dict[str, str]] = []
    left: list[dict[str, str]] = []
    for row in rows:
        if row["url"] in LEFT_OUT:
            left.append(row)
            continue
        kept.append({"url": row["url"], "title": row["title"], "published": row["date"], "text": row["text"],
                     "license": LICENSE, "license_url": LICENSE_URL, "credit": CREDIT})
    return kept, left


def render(rows: Iterable[dict[str, str]]) -> bytes:
    """JSON Lines bytes, one object a line, UTF-8 as is."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def build(source: Path) -> tuple[bytes, list[dict[str, str]], list[dict[str, str]]]:
    """The output bytes from ``source/articles.jsonl``, with the kept and the left-out rows."""
    kept, left = convert(read_rows(source / "articles.jsonl"))
    missing = set(LEFT_OUT) - {row["url"] for row in left}
    if missing:  # the source changed: say so rather than silently keep what was meant to go
        raise SystemExit(f"rows to leave out are not in the source any more: {sorted(missing)}")
    return render(kept), kept, left


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` verify) ``examples/wikinews/articles.jsonl``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=None,
                        help="folder holding the source articles.jsonl (default: $NEWSPRISM_SHARED/data/wikinews, "
                             "else ../shared/data/wikinews)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is missing or differs")
    args = parser.parse_args(argv)
    source = args.source or default_source()
    if not (source / "articles.jsonl").is_file():
        sys.stderr.write(f"no articles.jsonl in {source}: pass --source or set NEWSPRISM_SHARED\n")
        return 1
    data, kept, left = build(source)
    name = OUTPUT.relative_to(ROOT)
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_bytes() != data:
            sys.stderr.write(f"{name} is out of date: run python scripts/build_wikinews_examples.py\n")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(data)
    sys.stdout.write(f"wrote {name}: {len(kept)} articles ({len(data):,} bytes); left out {len(left)}:\n")
    for row in left:
        sys.stdout.write(f"  {row['title']}: {LEFT_OUT[row['url']]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
