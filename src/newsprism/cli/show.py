"""``newsprism show``: one stored article, readably."""

from __future__ import annotations

import click

from ..errors import InputError
from ..model import article_to_json
from ..store import default_db, open_store
from ._common import echo_json
from ._render import render_article


@click.command()
@click.argument("article_id")
@click.option("--db", default=None, help="Corpus (default ./newsprism.db or $NEWSPRISM_DB).")
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON form.")
@click.option("--no-text", is_flag=True, help="Leave the article text out; show metadata and facts only.")
def show(article_id: str, db: str | None, as_json: bool, no_text: bool) -> None:
    """Show a stored article (by id or a unique id prefix) with all its facts."""
    store = open_store(db or default_db(), readonly=True)
    try:
        article = store.get(article_id)
    finally:
        store.close()
    if article is None:
        raise InputError(f"no article with id {article_id!r}; find ids with 'newsprism search'", code="E140")
    if as_json:
        echo_json(article_to_json(article))
    else:
        click.echo(render_article(article, show_text=not no_text))
