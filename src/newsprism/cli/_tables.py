"""Tables of the corpus views for a person at a terminal (#15).

On a terminal, tables fit its width: long columns (titles, quotes) are cut
with an ellipsis rather than wrapped, and ids, dates and numbers are never
cut. When stdout is not a terminal (a pipe, a file), the output is plain: no
colour, no box drawing, a header line and one line per row at its natural
width, so nothing is cut and ``grep`` finds whole rows. ``COLUMNS``, when
set, caps the width in both cases.

Values from articles are shown as text, never read as rich markup: a title
with ``[brackets]`` is printed as written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

#: The width of plain output when COLUMNS is not set: wide enough that no row is ever cut.
_NATURAL = 100_000

#: Verdicts of the link stage on a quantity's figures (newsprism.link.claims), as a reader says them.
VERDICTS = {"disagreement": "SOURCES DISAGREE", "lower": "a later figure is lower", "revision": "later figures",
            "rising": "rising, later figures higher", "bounds": "bounds only, consistent",
            "rounding": "the same figure, rounded", "scope": "several figures from one source",
            "undated": "dates too vague to compare", "same": "the same figure", "agree": "sources agree"}
#: The mark of a quantity (or a figure) on which sources disagree.
DIFFERS = "≠"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header, and whether it may be cut (``long``) or must be shown whole."""

    header: str
    long: bool = False
    right: bool = False


def is_terminal() -> bool:
    """True when stdout is a terminal."""
    return sys.stdout.isatty()


def console() -> Console:
    """A console on stdout: the terminal's width and colour, or plain and unbounded for a pipe or a file."""
    from rich.console import Console

    columns = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 0
    if is_terminal():
        return Console(file=sys.stdout, width=columns or None, markup=False, emoji=False, highlight=False)
    return Console(file=sys.stdout, width=columns or _NATURAL, markup=False, emoji=False, highlight=False,
                   no_color=True, color_system=None, soft_wrap=False)


def table(columns: Sequence[Column], rows: Sequence[Sequence[Any]], *, title: str | None = None) -> Table:
    """A table of ``rows`` (values shown as text; ``None`` as empty), boxed on a terminal, plain otherwise."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    terminal = is_terminal()
    shown = Table(box=box.SIMPLE_HEAD if terminal else None, title=title, title_justify="left",
                  header_style="bold" if terminal else "", show_edge=False, pad_edge=False, expand=False)
    for column in columns:
        # A long column is the one rich narrows first (it "wraps"); its cells then cut themselves with an
        # ellipsis on one line. Short columns (ids, dates, figures) keep their width.
        shown.add_column(column.header, no_wrap=not column.long, overflow="ellipsis",
                         justify="right" if column.right else "left")
    for row in rows:
        shown.add_row(*(Text("" if value is None else " ".join(str(value).split()), no_wrap=True,
                             overflow="ellipsis") for value in row))
    return shown


def echo(*renderables: Any) -> None:
    """Print tables and lines on stdout, each line without trailing spaces."""
    import click

    out = console()
    with out.capture() as captured:
        for renderable in renderables:
            out.print(renderable)
    click.echo("\n".join(text.rstrip() for text in captured.get().splitlines()))


def line(text: str = "", *, style: str = "") -> Any:
    """One line of text (a heading, a note), styled on a terminal only; it wraps at the width."""
    from rich.text import Text

    return Text(text, style=style if is_terminal() else "")


def number(value: float | None, *, bound: str = "exact", unit: str | None = None) -> str:
    """A figure as a reader writes it: ``about 42,000``, ``at least 11``, ``6.42 m``.

    >>> number(42000.0, bound="about")
    'about 42,000'
    >>> number(6.42, unit="m")
    '6.42 m'
    """
    if value is None:
        return "?"
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
    prefix = "" if bound in ("exact", "", None) else bound.replace("_", " ") + " "
    return prefix + shown + (f" {unit}" if unit else "")


def day(value: str | None) -> str:
    """The date part of an ISO 8601 date or time, ``?`` when unknown."""
    return (value or "?")[:10]


def source_name(source: str | None) -> str:
    """A source as the web shows it (:func:`newsprism.serve.views.source_label`): a site, or a file's name."""
    from ..serve.views import source_label  # read when a table is drawn: the web is not loaded for other commands

    return source_label(source)


def short_id(value: str) -> str:
    """The first 8 characters of an article id: a prefix every command takes (ids are 16 hex digits)."""
    return value[:8]


