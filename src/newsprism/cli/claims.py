"""``newsprism claims``: the numeric claims of the corpus, newest first, as the web's claims explorer lists them."""

from __future__ import annotations

from typing import Any

import click

from . import _tables as t
from ._common import echo_json
from ._corpus import DB_HELP, fact_records
from ._values import DATE

#: The keys of a claim record (``--json``), in order.
CLAIM_KEYS = ("article_id", "start", "end", "text", "value", "bound", "unit", "counted", "verb", "claimant", "as_of",
              "published", "source", "title")


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--story", "story_id", default=None, metavar="ID",
              help="Only claims in the articles of this story (an id or a unique prefix of at least 3 characters).")
@click.option("--claimant", default=None, metavar="NAME",
              help="Only claims made by this source, under any name of its corpus entity.")
@click.option("--counted", default=None, metavar="TEXT",
              help="Only claims whose counted thing or unit contains this, e.g. evacuated.")
@click.option("--from", "date_from", type=DATE, default=None,
              help="Published on or after this date (ISO 8601: 2022-11-09, or with a time).")
@click.option("--to", "date_to", type=DATE, default=None,
              help="Published on or before this date (ISO 8601; a date includes the whole day).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many claims.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout, one claim per line.")
@click.pass_context
def claims(ctx: click.Context, db: str | None, story_id: str | None, claimant: str | None, counted: str | None,
           date_from: str | None, date_to: str | None, limit: int, as_json: bool) -> None:
    """Numeric claims (who says how many of what, as of when), newest first.

    To see the claims of one story side by side, by quantity, use 'newsprism stories ID'.
    """
    records, more = fact_records(ctx, db, "claims", CLAIM_KEYS, speaker=claimant, story_id=story_id,
                                 date_from=date_from, date_to=date_to, limit=limit, counted=counted)
    if as_json:
        for record in records:
            echo_json(record)
        return
    t.echo(*_table(records, more=more))


def _table(records: list[dict[str, Any]], *, more: bool) -> list[Any]:
    if not records:
        return [t.line("No claims match.")]
    table = t.table([t.Column("Published"), t.Column("Source", long=True), t.Column("Value", right=True),
                     t.Column("Of what", long=True), t.Column("According to", long=True), t.Column("As of"),
                     t.Column("Article")],
                    [(t.day(c["published"]), t.source_name(c["source"]),
                      t.number(c["value"], bound=c["bound"], unit=c["unit"]), c["counted"] or "", c["claimant"] or "",
                      t.day(c["as_of"]) if c["as_of"] else "", t.short_id(c["article_id"])) for c in records])
    note = f"{len(records)} claims" + ("; more with a higher --limit" if more else "")
    return [table, t.line(note + ". A story's claims side by side: newsprism stories ID", style="dim")]
