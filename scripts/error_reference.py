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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _marked_section import ROOT, MarkedSection  # noqa: E402  (a sibling module of this script)

DOC = ROOT / "docs" / "errors.md"
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
    return SECTION.updated(document, section)


SECTION = MarkedSection(DOC, "error_reference.py", render)


if __name__ == "__main__":
    sys.exit(SECTION.main(sys.argv[1:], description=__doc__.splitlines()[0]))
