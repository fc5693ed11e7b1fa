"""``newsprism stories``: same-story clusters, with their articles and aligned claims."""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

import click

from ..store import default_db, open_store
from ._common import echo_json, settings_from
from ._values import BadValue


@click.command()
@click.argument("story_id", required=False)
@click.option("--db", default=None, help="Corpus: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) "
                                         "or a postgresql:// URL.")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@click.pass_context
def stories(ctx: click.Context, story_id: str | None, db: str | None, as_json: bool) -> None:
    """List stories, or show one STORY_ID with its articles and claims side by side."""
    from ..store.links import LinkDB, read_table

    target = db or default_db()
    # Read-only for SQLite, so a mistyped --db is "no corpus", not a new empty one (#15).
    store = open_store(target, settings=settings_from(ctx),
                       readonly=not target.startswith(("postgresql://", "postgres://")))
    try:
        link_db = LinkDB(store)
        rows = read_table(link_db, "stories", where="story_id = ?" if story_id else "",
                          params=(story_id,) if story_id else (), order="start, story_id")
        if story_id and not rows:
            raise BadValue(f"[E174] no story with id {story_id[:64]!r}; 'newsprism stories' lists them")
        for row in rows:
            row["sources"] = json.loads(row["sources"])
            if story_id:
                row["articles"] = read_table(link_db, "story_articles", where="story_id = ?", params=(story_id,),
                                             order="article_id")
                row["claims"] = read_table(link_db, "claim_groups", where="story_id = ?", params=(story_id,),
                                           order="quantity, as_of, article_id, claim_index")
            if as_json:
                echo_json(row)
            elif story_id:
                click.echo(_readable(row, store))
            else:
                click.echo(f"{row['story_id']}  {row['start'] or '?'}..{row['end'] or '?'}  {row['size']} articles, "
                           f"{len(row['sources'])} sources  {row['label']}")
    finally:
        store.close()


_VERDICTS = {"disagreement": "SOURCES DISAGREE", "revision": "later figures", "rounding": "the same figure, rounded",
             "scope": "several figures from one source", "agree": "sources agree"}


def _number(value: float, bound: str, unit: str | None) -> str:
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
    prefix = "" if bound == "exact" else bound.replace("_", " ") + " "
    return prefix + shown + (f" {unit}" if unit else "")


def _readable(story: dict[str, Any], store: Any) -> str:
    """A story for the terminal: its articles in time order, then its claims side by side."""
    lines = [f"{story['label']}  [{story['story_id']}]",
             f"  {story['start'] or '?'} .. {story['end'] or '?'}: {story['size']} articles from "
             f"{len(story['sources'])} sources ({', '.join(story['sources'])})", "", "Articles"]
    articles = {a["article_id"]: store.get(a["article_id"]) for a in story["articles"]}
    for article_id, article in sorted(articles.items(), key=lambda kv: ((kv[1] and kv[1].published) or "", kv[0])):
        if article is not None:
            lines.append(f"  {(article.published or '?')[:10]}  {article.site or article.source}  "
                         f"{article.title or '(untitled)'}  [{article_id}]")
    lines += ["", "Claims side by side" if story["claims"] else "No figure is given by two sources."]
    for quantity, rows in groupby(story["claims"], key=lambda r: r["quantity"]):
        group = list(rows)
        lines.append(f"  {quantity}: {_VERDICTS.get(group[0]['verdict'], group[0]['verdict'] or '')}")
        for row in group:
            who = f"according to {row['claimant_name']}" if row["claimant_name"] else ""
            lines.append(f"    {(row['as_of'] or '?'):<10}  {row['site'] or row['article_id']:<24} "
                         f"{_number(row['value'], row['bound'], row['unit']):>22}  {who}"
                         + (f"  ({row['note']})" if row["note"] else ""))
    return "\n".join(lines)
