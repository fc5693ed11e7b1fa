"""``newsprism stories``: same-story clusters, with their articles and aligned claims."""

from __future__ import annotations

import json

import click

from ..store import default_db, open_store
from ._common import echo_json, settings_from


@click.command()
@click.argument("story_id", required=False)
@click.option("--db", default=None, help="Corpus: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) "
                                         "or a postgresql:// URL.")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@click.pass_context
def stories(ctx: click.Context, story_id: str | None, db: str | None, as_json: bool) -> None:
    """List stories, or show one STORY_ID with its articles and claims side by side."""
    from ..store.links import LinkDB, read_table

    store = open_store(db or default_db(), settings=settings_from(ctx))
    try:
        link_db = LinkDB(store)
        rows = read_table(link_db, "stories", where="story_id = ?" if story_id else "",
                          params=(story_id,) if story_id else (), order="start, story_id")
        if story_id and not rows:
            raise click.ClickException(f"no story {story_id!r}; 'newsprism stories' lists them")
        for row in rows:
            row["sources"] = json.loads(row["sources"])
            if story_id:
                row["articles"] = read_table(link_db, "story_articles", where="story_id = ?", params=(story_id,),
                                             order="article_id")
                row["claims"] = read_table(link_db, "claim_groups", where="story_id = ?", params=(story_id,),
                                           order="quantity, as_of, article_id, claim_index")
            if as_json or story_id:
                echo_json(row, indent=2 if story_id and not as_json else None)
            else:
                click.echo(f"{row['story_id']}  {row['start'] or '?'}..{row['end'] or '?'}  {row['size']} articles, "
                           f"{len(row['sources'])} sources  {row['label']}")
    finally:
        store.close()
