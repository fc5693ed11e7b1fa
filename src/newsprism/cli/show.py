"""``newsprism show``: one stored article, readably."""

from __future__ import annotations

from typing import Any

import click

from ..codes import Code
from ..errors import BadValueError
from ..model import Article, article_to_json
from ..store import default_db, open_store
from ..store.rows import MIN_ID_PREFIX
from ._common import echo_json
from ._render import render_article
from ._values import BadValue


def find_article(store: Any, article_id: str) -> Article:
    """The article with this id or unique id prefix; otherwise a usage error saying which, and what to do.

    Raises:
        BadValue: ``E140`` when no id starts with ``article_id``, ``E173`` when several do (it named them).
    """
    try:
        article: Article | None = store.get(article_id)
    except BadValueError as e:
        raise BadValue.of(e) from e
    if article is None:
        short = f" (a prefix needs at least {MIN_ID_PREFIX} characters)" if len(article_id) < MIN_ID_PREFIX else ""
        raise BadValue(f"[{Code.NO_SUCH_ARTICLE}] no article with id {article_id[:64]!r}{short}; find ids with 'newsprism search'")
    return article


@click.command()
@click.argument("article_id")
@click.option("--db", default=None, help="Corpus (default ./newsprism.db or $NEWSPRISM_DB).")
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON form.")
@click.option("--no-text", is_flag=True, help="Leave the article text out; show metadata and facts only.")
def show(article_id: str, db: str | None, as_json: bool, no_text: bool) -> None:
    """Show a stored article (by id or a unique id prefix of at least 3 characters) with all its facts."""
    store = open_store(db or default_db(), readonly=True)
    try:
        article = find_article(store, article_id)
    finally:
        store.close()
    if as_json:
        echo_json(article_to_json(article))
    else:
        click.echo(render_article(article, show_text=not no_text))
