"""A generated section of a document, kept between two marker lines, and the command line that keeps it.

Used by the scripts that generate reference pages from the code (``cli_reference.py``,
``error_reference.py``): each says which document, its marker line and how to render the section.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
END = "<!-- [[[end]]] -->"


@dataclass(frozen=True)
class MarkedSection:
    """The section of ``doc`` between the ``start`` marker and :data:`END`, made by ``render``."""

    doc: Path
    script: str
    render: Callable[[], str]

    @property
    def start(self) -> str:
        return f"<!-- [[[cog python scripts/{self.script} --update ]]] -->"

    def updated(self, document: str, section: str) -> str:
        """``document`` with the text between the markers replaced by ``section``."""
        try:
            head, rest = document.split(self.start + "\n", 1)
            _, tail = rest.split(END, 1)
        except ValueError as e:
            raise SystemExit(f"{self.doc}: the markers {self.start!r} and {END!r} are missing") from e
        return f"{head}{self.start}\n{section}{END}{tail}"

    def main(self, argv: list[str] | None, *, description: str) -> int:
        """Command line: print the section, ``--check`` that the document holds it, or ``--update`` it."""
        name = self.doc.relative_to(ROOT)
        parser = argparse.ArgumentParser(description=description)
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--check", action="store_true", help=f"Exit 1 if {name} is stale.")
        mode.add_argument("--update", action="store_true", help=f"Rewrite the section of {name}.")
        args = parser.parse_args(argv)
        section = self.render()
        if not (args.check or args.update):
            sys.stdout.write(section)
            return 0
        current = self.doc.read_text("utf-8")
        fresh = self.updated(current, section)
        if args.check:
            if fresh != current:
                sys.stderr.write(f"{name} is stale: run python scripts/{self.script} --update\n")
                return 1
            return 0
        if fresh != current:
            self.doc.write_text(fresh, "utf-8")
            sys.stderr.write(f"updated {name}\n")
        return 0
