"""``newsprism quotes``: the quotes of the corpus, newest first, as the web's quotes explorer lists them."""

from __future__ import annotations

from typing import Any

import click

from . import _tables as t
from ._common import echo_json
from ._corpus import DB_HELP, fact_records
from ._values import DATE

#: The keys of a quote record (``--json``), in order.
QUOTE_KEYS = ("article_id", "start", "end", "text", "speaker", "cue", "kind", "published", "source", "title")


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--speaker", default=None, metavar="NAME",
              help="Only quotes of this speaker, under any name of its corpus entity (see 'newsprism entities').")
@click.option("--story", "story_id", default=None, metavar="ID",
              help="Only quotes in the articles of this story (an id or a unique prefix of at least 3 characters).")
@click.option("--from", "date_from", type=DATE, default=None,
              help="Published on or after this date (ISO 8601: 2022-11-09, or with a time).")
@click.option("--to", "date_to", type=DATE, default=None,
              help="Published on or before this date (ISO 8601; a date includes the whole day).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many quotes.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout, one quote per line.")
@click.pass_context
def quotes(ctx: click.Context, db: str | None, speaker: str | None, story_id: str | None, date_from: str | None,
           date_to: str | None, limit: int, as_json: bool) -> None:
    """Quotes and who said them, newest first."""
    records, more = fact_records(ctx, db, "quotes", QUOTE_KEYS, speaker=speaker, story_id=story_id,
                                 date_from=date_from, date_to=date_to, limit=limit)
    if as_json:
        for record in records:
            echo_json(record)
        return
    t.echo(*_table(records, more=more))


def _table(records: list[dict[str, Any]], *, more: bool) -> list[Any]:
    if not records:
        return [t.line("No quotes match.")]
    table = t.table([t.Column("Published"), t.Column("Source", long=True), t.Column("Speaker", long=True),
                     t.Column("Quote", long=True), t.Column("Article")],
                    [(t.day(q["published"]), t.source_name(q["source"]), q["speaker"] or "?", f"“{q['text']}”",
                      t.short_id(q["article_id"])) for q in records])
    note = f"{len(records)} quotes" + ("; more with a higher --limit" if more else "")
    return [table, t.line(note + ". Read one in its article: newsprism show ARTICLE", style="dim")]
