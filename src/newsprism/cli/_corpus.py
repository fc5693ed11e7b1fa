"""Reading a corpus for the views of the command line: stories, entities, quotes and claims (#15).

The terminal shows what the web shows: these commands read the corpus
through the same :class:`~newsprism.serve.corpus.Corpus` and the same view and
query functions as the web UI (``serve/views.py`` and the store's reader, which
need no web framework), and the link tables as the store's typed rows (:mod:`newsprism.store.links`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from ..codes import Code
from ..errors import BadValueError
from ..store import default_db, open_store
from ..store.rows import MIN_ID_PREFIX, one_id
from ._common import settings_from
from ._values import BadValue

if TYPE_CHECKING:
    from ..serve.corpus import Corpus

#: The --db option of every reading command.
DB_HELP = "Corpus: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) or a postgresql:// URL."


def _is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_reading(ctx: click.Context, db: str | None) -> Any:
    """The store at ``--db`` (or the default), opened for reading.

    SQLite is opened read-only, so a mistyped ``--db`` is "no corpus", not a new empty one (#15).
    """
    target = db or default_db()
    return open_store(target, settings=settings_from(ctx), readonly=not _is_postgres(target))


@contextmanager
def reading(ctx: click.Context, db: str | None) -> Iterator[Corpus]:
    """The corpus at ``--db`` as the web reads it, closed on leaving."""
    from ..serve.corpus import Corpus

    store = open_reading(ctx, db)
    try:
        yield Corpus(store)
    finally:
        store.close()


def story_ids(store: Any) -> list[str]:
    """Every story id, in the link stage's order (none when the corpus was never linked)."""
    from ..store.links import StoryRow

    return [row.story_id for row in store.link_rows(StoryRow)]


def find_story(store: Any, story_id: str) -> str:
    """The id of the story whose id is ``story_id`` or starts with it (at least 3 characters), as for articles.

    Raises:
        BadValue: ``E174`` when no story has this id (or prefix), ``E173`` when several start with it.
    """
    ids = story_ids(store)
    if story_id in ids:
        return story_id
    found = [sid for sid in ids if sid.startswith(story_id)] if len(story_id) >= MIN_ID_PREFIX else []
    try:
        only = one_id(story_id, found, kind="story")
    except BadValueError as e:
        raise BadValue.of(e) from e
    if only is None:
        short = f" (a prefix needs at least {MIN_ID_PREFIX} characters)" if len(story_id) < MIN_ID_PREFIX else ""
        raise BadValue(f"[{Code.NO_SUCH_STORY}] no story with id {story_id[:64]!r}{short}; 'newsprism stories' lists them")
    return only


def story_entities(store: Any, article_ids: list[str]) -> list[dict[str, Any]]:
    """The corpus entities named in these articles, the most widely named first.

    Each is ``{corpus_id, name, label, articles, variants}``: ``articles`` counts the articles
    given that name it, ``variants`` are the names it is written under in them.
    """
    from ..store.links import CorpusEntityRow, EntityMemberRow

    seen: dict[str, tuple[set[str], set[str]]] = {}
    for member in store.link_rows(EntityMemberRow, article_id=article_ids):
        articles, names = seen.setdefault(member.corpus_id, (set(), set()))
        articles.add(member.article_id)
        names.add(member.name)
    found = []
    for row in store.link_rows(CorpusEntityRow, corpus_id=sorted(seen)):
        articles, names = seen[row.corpus_id]
        found.append({"corpus_id": row.corpus_id, "name": row.name, "label": row.label,
                      "articles": len(articles), "variants": sorted(names)})
    return sorted(found, key=lambda e: (-e["articles"], e["name"]))


def fact_params(corpus: Corpus, *, speaker: str | None, story_id: str | None, date_from: str | None,
                date_to: str | None, limit: int, counted: str | None = None) -> Any:
    """The filters of the web's quotes and claims explorers, from a command's options; a story id prefix is
    resolved first, so a story that does not exist is an error, not an empty list."""
    from ..store.reads import FactParams

    story = find_story(corpus.store, story_id) if story_id is not None else None
    return FactParams(speaker=speaker, story=story, date_from=date_from, date_to=date_to, counted=counted,
                      per_page=limit)


def fact_records(ctx: click.Context, db: str | None, kind: str, keys: tuple[str, ...], *, speaker: str | None,
                 story_id: str | None, date_from: str | None, date_to: str | None, limit: int,
                 counted: str | None = None) -> tuple[list[dict[str, Any]], bool]:
    """The records of the web's ``quotes`` or ``claims`` explorer for a command's options, with ``keys`` only,
    and whether there are more than ``limit``."""
    with reading(ctx, db) as corpus:
        params = fact_params(corpus, speaker=speaker, story_id=story_id, date_from=date_from, date_to=date_to,
                             limit=limit, counted=counted)
        read = corpus.reader.quotes if kind == "quotes" else corpus.reader.claims
        rows, more = read(params)
    return [{key: row.get(key) for key in keys} for row in rows], more
