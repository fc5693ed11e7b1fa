"""``newsprism search``: full-text search of the corpus."""

from __future__ import annotations

import click

from ..errors import QueryError
from ..store import default_db, open_store
from ..store.search import PageHit, SearchQuery, bracketed, plain
from ._common import echo_json
from ._corpus import find_story
from ._values import DATE, LANGUAGE_CODE


class BadQuery(click.ClickException):
    """A query that cannot be read: a usage error, exit code 2, one line."""

    exit_code = 2


@click.command()
@click.argument("query", nargs=-1)
@click.option("--db", default=None, help="Corpus to search: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) "
                                         "or a postgresql:// URL.")
@click.option("--source", default=None,
              help="Only articles from this source, as search facets name it: the site's name, else the host of "
                   "the article's URL, else the file it was read from.")
@click.option("--site", default=None, help="Only articles whose page names this site (exactly).")
@click.option("--lang", type=LANGUAGE_CODE, default=None, metavar="CODE",
              help="Only articles in this language (ISO 639-1, e.g. en).")
@click.option("--from", "date_from", type=DATE, default=None, metavar="DATE",
              help="Published on or after this date (ISO 8601: 2022-11-09, or with a time).")
@click.option("--to", "date_to", type=DATE, default=None, metavar="DATE",
              help="Published on or before this date (ISO 8601; a date includes the whole day).")
@click.option("--entity", default=None,
              help="Only articles naming this entity, under any of its names (manual merges and splits applied).")
@click.option("--place", default=None, help="Only articles naming this place (its gazetteer name).")
@click.option("--story", "story_id", default=None,
              help="Only articles of this story: its id or a unique prefix ('newsprism stories' lists them).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True,
              help="Order of the results.")
@click.option("--limit", type=click.IntRange(min=0), default=10, show_default=True, help="Number of results.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many results (paging).")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per hit, then a summary line.")
def search(query: tuple[str, ...], db: str | None, source: str | None, site: str | None, lang: str | None,
           date_from: str | None, date_to: str | None, entity: str | None, place: str | None, story_id: str | None,
           sort: str, limit: int, offset: int, as_json: bool) -> None:
    """Search the corpus. Words are ANDed; use "quotes" for phrases, word* for prefixes, OR, NOT or -word to
    exclude, and (parentheses) to group."""
    text = " ".join(query)
    store = open_store(db or default_db(), readonly=True)
    try:
        story = find_story(store, story_id) if story_id is not None else None  # a unique prefix, as elsewhere
        page = store.reader().search(SearchQuery(
            text, source=source, site=site, lang=lang, date_from=date_from, date_to=date_to, entity=entity,
            place=place, story=story, sort=sort, limit=limit, offset=offset))
    except QueryError as e:
        raise BadQuery(str(e)) from e
    finally:
        store.close()
    if as_json:
        for hit in page.hits:
            echo_json(hit_record(hit))
        echo_json({"total": page.total, "total_exact": page.total_exact, "has_next": page.has_next,
                   "ranked_among": page.ranked_among, "facets": {k: dict(v) for k, v in page.facets.items()}})
        return
    total = f"{page.total}{'' if page.total_exact else '+'}"
    click.echo(f"{total} article{'s' if page.total != 1 else ''} match {text!r}" if text else f"{total} articles")
    for number, hit in enumerate(page.hits, start=offset + 1):
        date = (hit.published or "")[:10]
        click.echo(f"\n{number}. {plain(hit.title) or '(no title)'}  [{hit.id}]")
        click.echo(f"   {date}  {hit.source or ''}  {hit.url or ''}".rstrip())
        click.echo("   " + " ".join(bracketed(hit.snippet).split()))
    if page.has_next:
        click.echo(f"\n… more with --offset {offset + len(page.hits)}")


def hit_record(hit: PageHit) -> dict[str, object]:
    """A hit as ``--json`` prints it: the title plain, the matches in the snippet between ``[`` and ``]``."""
    return {"id": hit.id, "title": plain(hit.title) or None, "url": hit.url, "source": hit.source, "site": hit.site,
            "published": hit.published, "lang": hit.lang, "snippet": bracketed(hit.snippet), "score": hit.score}
