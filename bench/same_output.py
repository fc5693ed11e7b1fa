"""Whether two trees read every page of the extraction dev sets to the same Article, byte for byte.

Usage::

    PYTHONPATH=<tree before>/src python bench/same_output.py --dump before.txt ../shared/data/extraction-dev ../shared/data/extraction-dev2
    PYTHONPATH=<tree after>/src python bench/same_output.py --dump after.txt ../shared/data/extraction-dev ../shared/data/extraction-dev2
    python bench/same_output.py --compare before.txt after.txt

``--dump`` writes, for every page of each set (``html/<id>.html.gz``, as
``bench/extraction.py`` loads them), the ``repr`` of the ``Article`` that
``read_document`` gives and of the one the ``clean.text`` stage gives from it
(text, raw text, metadata, media, related links, removals, repairs, issues),
one line each. ``--compare`` names the first pages whose lines differ and exits
1 when any does: a change made for speed must leave every line as it was (#12).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import load_pages  # noqa: E402


def dump(folders: list[Path], target: Path) -> int:
    """Write each page's read and cleaned Article to ``target``; the number of pages."""
    from newsprism.clean.read import read_document
    from newsprism.config import Settings
    from newsprism.model import RawDocument
    from newsprism.registry import get_factory

    settings = Settings()
    stage = get_factory("clean.text")(settings)
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for folder in folders:
            for page_id, url, data, _, _ in load_pages(folder):
                article = read_document(RawDocument(content=data, kind="html", source=page_id, url=url),
                                        settings=settings)
                cleaned = next(iter(stage.pipe([article])))
                for record in (article, cleaned):
                    out.write(f"{folder.name}/{page_id}\t{record!r}".replace("\n", "\\n") + "\n")
                count += 1
    return count


def compare(before: Path, after: Path, *, shown: int = 10) -> int:
    """The number of lines that differ between two dumps, the first ``shown`` of them named."""
    old = before.read_text("utf-8").splitlines()
    new = after.read_text("utf-8").splitlines()
    if len(old) != len(new):
        print(f"{before} has {len(old)} lines, {after} {len(new)}: not dumps of the same pages")
        return max(len(old), len(new))
    differ = [a.split("\t", 1)[0] for a, b in zip(old, new, strict=True) if a != b]
    for page in differ[:shown]:
        print(f"differs: {page}")
    print(f"{len(differ)} of {len(old)} lines differ")
    return len(differ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="*", help="extraction dev sets to dump (with --dump)")
    parser.add_argument("--dump", type=Path, default=None, metavar="FILE", help="write every page's Articles to FILE")
    parser.add_argument("--compare", type=Path, nargs=2, default=None, metavar=("BEFORE", "AFTER"),
                        help="compare two dumps; exit 1 when any page differs")
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if args.dump is None or not args.folders:
        parser.error("give --dump FILE and the dev sets, or --compare BEFORE AFTER")
    print(f"{dump(args.folders, args.dump)} pages dumped to {args.dump}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
