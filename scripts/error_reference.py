"""Keep the list of codes in docs/errors.md equal to the code catalogue (``newsprism.codes``).

The list sits between two marker lines in docs/errors.md::

    <!-- [[[cog python scripts/error_reference.py --update ]]] -->
    ...generated...
    <!-- [[[end]]] -->

Usage::

    python scripts/error_reference.py --check    # exit 1 when docs/errors.md is stale
    python scripts/error_reference.py --update   # rewrite the section in place
    python scripts/error_reference.py            # print the section
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "errors.md"
START = "<!-- [[[cog python scripts/error_reference.py --update ]]] -->"
END = "<!-- [[[end]]] -->"
#: Families by code prefix, in the order the page lists them; a code takes its longest matching prefix.
FAMILIES = (
    ("E0", "Any error"),
    ("E10", "Input: files, folders, standard input"),
    ("E11", "Fetching URLs"),
    ("E12", "JSON Lines"),
    ("E13", "WARC archives"),
    ("E14", "Feeds, and article ids"),
    ("E15", "What a command needs besides its input"),
    ("E16", "Search queries"),
    ("E17", "Values given as options, parameters or arguments"),
    ("E18", "HTML pages"),
    ("E2", "Settings and configuration"),
    ("E3", "The corpus"),
    ("E4", "Stages and plugins"),
    ("E5", "Optional dependencies"),
    ("E9", "Processing one document (the rest of the batch goes on)"),
    ("W1", "Warnings while reading (the article is kept)"),
    ("W3", "Warnings on dates (the article is kept)"),
)


def _family(code: str) -> str:
    prefixes = [prefix for prefix, _ in FAMILIES if code.startswith(prefix)]
    if not prefixes:
        raise SystemExit(f"{code} belongs to no family: add its prefix to FAMILIES in scripts/error_reference.py")
    return max(prefixes, key=len)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    """The generated section: one table per family, one row per code."""
    from newsprism.codes import catalogue

    rows: dict[str, list[str]] = {prefix: [] for prefix, _ in FAMILIES}
    for info in sorted(catalogue(), key=lambda info: info.code):
        rows[_family(info.code)].append(f"| `{info.code}` | `{info.name}` | {_cell(info.meaning)} | {_cell(info.fix)} |")
    parts = []
    for prefix, title in FAMILIES:
        if rows[prefix]:
            parts.append(f"### {title}\n\n| Code | Name | Meaning | Fix |\n|---|---|---|---|\n" + "\n".join(rows[prefix])
                         + "\n")
    return "\n".join(parts)


def updated(document: str, section: str) -> str:
    """``document`` with the text between the markers replaced by ``section``."""
    try:
        head, rest = document.split(START + "\n", 1)
        _, tail = rest.split(END, 1)
    except ValueError as e:
        raise SystemExit(f"{DOC}: the markers {START!r} and {END!r} are missing") from e
    return f"{head}{START}\n{section}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """Command line: print, ``--check`` or ``--update`` the list of codes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="Exit 1 if docs/errors.md is stale.")
    mode.add_argument("--update", action="store_true", help="Rewrite the section of docs/errors.md.")
    args = parser.parse_args(argv)
    section = render()
    if not (args.check or args.update):
        sys.stdout.write(section)
        return 0
    current = DOC.read_text("utf-8")
    fresh = updated(current, section)
    if args.check:
        if fresh != current:
            sys.stderr.write(f"{DOC.relative_to(ROOT)} is stale: run python scripts/error_reference.py --update\n")
            return 1
        return 0
    if fresh != current:
        DOC.write_text(fresh, "utf-8")
        sys.stderr.write(f"updated {DOC.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
