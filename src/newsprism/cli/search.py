"""``newsprism search``: full-text search of the corpus."""

from __future__ import annotations

import dataclasses

import click

from ..errors import QueryError
from ..store import SearchFilters, default_db, open_store
from ._common import echo_json
from ._values import DATE, LANGUAGE_CODE


class BadQuery(click.ClickException):
    """A query that cannot be read: a usage error, exit code 2, one line."""

    exit_code = 2


@click.command()
@click.argument("query", nargs=-1)
@click.option("--db", default=None, help="Corpus to search (default ./newsprism.db or $NEWSPRISM_DB).")
@click.option("--source", default=None, help="Only articles whose site, source path or URL contains this.")
@click.option("--lang", type=LANGUAGE_CODE, default=None, metavar="CODE",
              help="Only articles in this language (ISO 639-1, e.g. en).")
@click.option("--from", "date_from", type=DATE, default=None, metavar="DATE",
              help="Published on or after this date (ISO 8601: 2022-11-09, or with a time).")
@click.option("--to", "date_to", type=DATE, default=None, metavar="DATE",
              help="Published on or before this date (ISO 8601; a date includes the whole day).")
@click.option("--entity", default=None, help="Only articles mentioning this entity (canonical name).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True,
              help="Order of the results.")
@click.option("--limit", type=int, default=10, show_default=True, help="Number of results.")
@click.option("--offset", type=int, default=0, help="Skip this many results (paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per hit, then a summary line.")
def search(query: tuple[str, ...], db: str | None, source: str | None, lang: str | None, date_from: str | None,
           date_to: str | None, entity: str | None, sort: str, limit: int, offset: int, as_json: bool) -> None:
    """Search the corpus. Words are ANDed; use "quotes" for phrases, word* for prefixes, OR, NOT or -word to
    exclude, and (parentheses) to group."""
    text = " ".join(query)
    store = open_store(db or default_db(), readonly=True)
    try:
        filters = SearchFilters(source=source, lang=lang, date_from=date_from, date_to=date_to, entity=entity,
                                sort=sort)
        result = store.search(text, filters=filters, limit=limit, offset=offset)
    except QueryError as e:
        raise BadQuery(str(e)) from e
    finally:
        store.close()
    if as_json:
        for hit in result.hits:
            echo_json(dataclasses.asdict(hit))
        echo_json({"total": result.total, "facets": result.facets})
        return
    click.echo(f"{result.total} article{'s' if result.total != 1 else ''} match {text!r}" if text
               else f"{result.total} articles")
    for number, hit in enumerate(result.hits, start=offset + 1):
        date = (hit.published or "")[:10]
        click.echo(f"\n{number}. {hit.title or '(no title)'}  [{hit.id}]")
        click.echo(f"   {date}  {hit.site or ''}  {hit.url or ''}".rstrip())
        click.echo("   " + " ".join(hit.snippet.split()))
    if result.total > offset + len(result.hits):
        click.echo(f"\n… more with --offset {offset + len(result.hits)}")
