"""What the CLI and the web read from a corpus, in typed operations: the store's read API.

Every store hands one out (``store.reader()``); its methods run the store's
own queries (``store/search.py``, ``store/reads.py``) on the calling
thread's read connection, and no connection, cursor or SQL leaves it.

>>> from newsprism.store import open_store  # doctest: +SKIP
>>> reader = open_store("corpus.db").reader()  # doctest: +SKIP
>>> page = reader.search(SearchQuery("kherson", lang="en", sort="date"))  # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Concatenate, ParamSpec, TypeVar

from . import reads
from .dialect import Conn
from .reads import CorpusHighlights, FactParams, Features
from .records import (
    ClaimRecord,
    DuplicateRecord,
    EntityRow,
    PlaceCount,
    QuoteRecord,
    StoryRecord,
    StoryRef,
    StorySummary,
)
from .search import SearchPage, SearchQuery
from .search import search as _search

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _guarded(method: Callable[Concatenate[CorpusReader, _P], _R]) -> Callable[Concatenate[CorpusReader, _P], _R]:
    """Run a read inside the store's guard (SQLite: a damaged file is the one-line ``E305``, issue #16)."""

    def guarded(self: CorpusReader, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._guard():
            return method(self, *args, **kwargs)

    functools.update_wrapper(guarded, method)
    return guarded


class CorpusReader:
    """Read operations over one corpus (SQLite or PostgreSQL).

    Args:
        connect: Gives the calling thread's read connection (each thread its own).
        guard: Wraps every read, turning the database's own errors into the store's (default: none).
    """

    def __init__(self, connect: Callable[[], Conn], *,
                 guard: Callable[[], AbstractContextManager[None]] = nullcontext) -> None:
        self._connect = connect
        self._guard = guard
        self._features: Features | None = None

    # -- what the corpus holds ---------------------------------------------------

    @_guarded
    def features(self) -> Features:
        """Which optional (link-stage) tables the corpus has; read once, again after :meth:`refresh`."""
        if self._features is None:
            self._features = reads.features(self._connect())
        return self._features

    @_guarded
    def refresh(self) -> Features:
        """Read the optional tables again (after the corpus was linked)."""
        self._features = None
        return self.features()

    # -- search ------------------------------------------------------------------

    @_guarded
    def search(self, query: SearchQuery) -> SearchPage:
        """One page of full-text results with facets (see :mod:`newsprism.store.search`).

        Raises:
            QueryError: when the query cannot be read.
        """
        names = self.entity_names(query.entity) if query.entity else set()
        return _search(self._connect(), query, entity_names=names, feats=self.features())

    # -- entities ----------------------------------------------------------------

    @_guarded
    def corpus_entity(self, name: str) -> tuple[str, frozenset[str]] | None:
        """``(name, every name it is written as)`` of the corpus entity ``name`` means, or ``None``
        (see :func:`newsprism.store.reads.corpus_entity`); ``None`` in a corpus never linked."""
        if not self.features().corpus_entities:
            return None
        return reads.corpus_entity(self._connect(), name)

    @_guarded
    def entity_names(self, name: str) -> set[str]:
        """Every name of the entity ``name`` means: its corpus entity's names (the link stage applies every
        manual merge and split), or in a corpus never linked, the names of the articles' entities that are
        ``name`` in any case. Always holds ``name`` itself."""
        found = self.corpus_entity(name)
        if found is not None:
            return {name, *found[1]}
        return {name, *reads.names_in_any_case(self._connect(), name)}

    @_guarded
    def entity_rows(self, names: Sequence[str], *, label: str | None) -> list[EntityRow]:
        """The articles naming one of ``names`` (see :func:`newsprism.store.reads.entity_rows`), newest first."""
        return reads.entity_rows(self._connect(), names, label=label)

    @_guarded
    def co_mentions(self, article_ids: Sequence[str], exclude: Sequence[str], *,
                    limit: int = 20) -> list[tuple[str, str, int]]:
        """Entities most often named in the same articles: ``(name, label, articles)``."""
        return reads.co_mentions(self._connect(), article_ids, exclude, limit=limit)

    @_guarded
    def merge_evidence(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
        """How variants were merged inside articles, for ``(article_id, entity_id)`` pairs."""
        return reads.merge_evidence(self._connect(), pairs)

    # -- facts -------------------------------------------------------------------

    @_guarded
    def quotes(self, params: FactParams) -> tuple[list[QuoteRecord], bool]:
        """The quotes explorer's page (``params.speaker`` means its entity): ``(records, has_next)``."""
        speakers = self.entity_names(params.speaker) if params.speaker else set()
        return reads.quotes(self._connect(), params, speakers=speakers, feats=self.features())

    @_guarded
    def claims(self, params: FactParams) -> tuple[list[ClaimRecord], bool]:
        """The claims explorer's page (``params.speaker`` is the claimant): ``(records, has_next)``."""
        speakers = self.entity_names(params.speaker) if params.speaker else set()
        return reads.claims(self._connect(), params, speakers=speakers, feats=self.features())

    @_guarded
    def quotes_about(self, pairs: Sequence[tuple[str, str]], *, limit: int = 50) -> list[QuoteRecord]:
        """Quotes whose span holds a mention of one of the ``(article_id, entity_id)`` pairs."""
        return reads.quotes_about(self._connect(), pairs, limit=limit)

    @_guarded
    def places_of(self, article_ids: Sequence[str], *, limit: int = 40) -> list[PlaceCount]:
        """Places named in these articles, most frequent first."""
        return reads.places_of(self._connect(), article_ids, limit=limit)

    @_guarded
    def quotes_in(self, article_ids: Sequence[str]) -> list[QuoteRecord]:
        """The quotes of several articles, in date order, then in their order in each article."""
        return reads.quotes_in(self._connect(), article_ids)

    @_guarded
    def claims_in(self, article_ids: Sequence[str]) -> list[ClaimRecord]:
        """The claims of several articles with their context, in date order, then in each article's order."""
        return reads.claims_in(self._connect(), article_ids)

    # -- stories and duplicates --------------------------------------------------

    @_guarded
    def stories(self, *, limit: int = 100) -> list[StorySummary]:
        """Stories with the most articles first (none when the corpus has no stories)."""
        return reads.stories(self._connect(), limit=limit) if self.features().stories else []

    @_guarded
    def story(self, story_id: str) -> StoryRecord | None:
        """A story with its articles in time order, or ``None``."""
        return reads.story(self._connect(), story_id) if self.features().stories else None

    @_guarded
    def story_of(self, article_id: str) -> StoryRef | None:
        """The story an article belongs to, if the corpus has stories."""
        return reads.story_of(self._connect(), article_id, self.features())

    @_guarded
    def story_labels(self, story_ids: Sequence[str]) -> dict[str, str]:
        """Story id -> the story's title, for those that have one."""
        return reads.story_labels(self._connect(), story_ids, self.features())

    @_guarded
    def claim_quantities(self, story_id: str) -> dict[tuple[str, int], tuple[str, str, str]]:
        """``(article_id, claim index) -> (quantity, verdict, note)`` of a story's claims."""
        return reads.claim_quantities(self._connect(), story_id, self.features())

    @_guarded
    def duplicates_of(self, article_id: str) -> list[DuplicateRecord]:
        """The other articles of this article's duplicate groups."""
        return reads.duplicates_of(self._connect(), article_id, self.features())

    # -- reports -----------------------------------------------------------------

    @_guarded
    def highlights(self) -> CorpusHighlights:
        """The corpus entities, speakers, stories and copies an ingest report names."""
        return reads.corpus_highlights(self._connect())

    @_guarded
    def first_article(self) -> tuple[str, str | None] | None:
        """``(id, title)`` of the first article stored, or ``None`` in an empty corpus."""
        return reads.first_article(self._connect())

    @_guarded
    def seen_sources(self) -> list[str]:
        """Where each document ingested so far was read, one entry per document."""
        return reads.seen_sources(self._connect())
