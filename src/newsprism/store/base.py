"""The store interface every corpus database follows (SQLite, PostgreSQL).

A store keeps articles (with every fact), the raw documents already seen
(so a re-run skips them before any processing), ingest runs and their
failures. Writes happen in batches, one transaction each: a killed ingest
loses at most the batch in flight, and a re-run completes it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..codes import Code
from ..model import Article, Failure

if TYPE_CHECKING:
    from ..decisions import Decision
    from .links import InputRow, LinkRow, Patch
    from .reader import CorpusReader

    _R = TypeVar("_R", bound=LinkRow)


def _latest_migration() -> int:
    # The version is the highest numbered migration shipped, so that adding a
    # migration file (e.g. ``010_entity_decisions.sql``) cannot leave the
    # constant behind and make every newly migrated corpus look "too new".
    from importlib import resources

    numbers = [int(entry.name.split("_", 1)[0]) for entry in
               resources.files("newsprism.store").joinpath("migrations").iterdir()
               if entry.name.endswith(".sql") and entry.name.split("_", 1)[0].isdigit()]
    return max(numbers, default=1)


#: Current schema version of the store; migrations bring older files up to it.
STORE_SCHEMA_VERSION = _latest_migration()


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Filters of a full-text search; ``None`` means no filter.

    Dates are ISO 8601 (``2022-11-09``, or with a time); ``date_to`` includes the day (or the minute) it
    names. ``lang`` is a language code such as ``en``.

    Raises:
        BadValueError: a date that is not ISO 8601 (``E170``), a language that is not a code (``E171``),
            a sort that is neither ``relevance`` nor ``date`` (``E177``). Such a filter used to match
            nothing, or nothing different, without a word (#15).
    """

    source: str | None = None
    site: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    sort: str = "relevance"

    def __post_init__(self) -> None:
        check_search_values(self)


def check_search_values(query: Any) -> None:
    """Check and normalise the dates, language and sort of a search (``SearchFilters``, ``SearchQuery``), in place.

    Raises:
        BadValueError: ``E170``, ``E171`` or ``E177`` (see :class:`SearchFilters`).
    """
    from ..validate import iso_date, language_code

    for name in ("date_from", "date_to"):
        if (value := getattr(query, name)) is not None:
            object.__setattr__(query, name, iso_date(value, name=name))
    if query.lang is not None:
        object.__setattr__(query, "lang", language_code(query.lang, name="lang"))
    if query.sort not in ("relevance", "date"):
        from ..errors import BadValueError

        raise BadValueError(f"sort: {query.sort!r} is not an order; use 'relevance' or 'date'", code=Code.BAD_SORT)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result with a highlighted snippet (``[`` and ``]`` mark matches); ``source`` is the source
    as search facets name it (the site, else the URL's host, else the file it was read from)."""

    id: str
    title: str | None
    url: str | None
    site: str | None
    published: str | None
    lang: str | None
    snippet: str
    score: float
    source: str | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits, the number of matching articles (counted up to 10,000) and facet counts by
    ``source``, ``lang``, ``entity``, ``place`` and ``story``."""

    hits: tuple[SearchHit, ...]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(slots=True)
class AddResult:
    """What one batch write did."""

    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SeenDocument:
    """A raw document already ingested: its hash and the article it became."""

    raw_hash: str
    article_id: str | None
    source: str


class Store(Protocol):
    """What every store implementation provides."""

    url: str

    def add(self, articles: Sequence[Article], *, seen: Sequence[SeenDocument] = (),
            failures: Sequence[Failure] = (), run_id: int | None = None) -> AddResult:
        """Write a batch in one transaction: articles (duplicates by key skipped), seen docs, failures."""
        ...

    def seen(self, raw_hashes: Sequence[str]) -> set[str]:
        """Which of ``raw_hashes`` were already ingested."""
        ...

    def get(self, article_id: str) -> Article | None:
        """The article with this id (or a unique id prefix), or ``None``."""
        ...

    def iter_articles(self, *, batch_size: int = 500) -> Iterator[Article]:
        """Every article, in insertion order."""
        ...

    def search(self, query: str, *, filters: SearchFilters | None = None, limit: int = 20,
               offset: int = 0) -> SearchResult:
        """Full-text search with snippets: ``reader().search`` (:mod:`newsprism.store.search`) in this form."""
        ...

    def reader(self) -> CorpusReader:
        """The read API: search, facts lists, stories, entities (:class:`newsprism.store.reader.CorpusReader`)."""
        ...

    def count(self) -> int:
        """Number of articles."""
        ...

    def stats(self) -> dict[str, Any]:
        """Counts of articles and facts, by kind."""
        ...

    def start_run(self, sources: Sequence[str]) -> int:
        """Record the start of an ingest run; returns its id."""
        ...

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record the summary of an ingest run."""
        ...

    def failures(self, *, run_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Failures recorded by ingest runs, newest first."""
        ...

    def replace_articles(self, articles: Sequence[Article]) -> int:
        """Replace stored articles (same id) with new versions, facts and search index included, in one
        transaction; returns how many were replaced."""
        ...

    def link_rows(self, kind: type[_R], **match: Any) -> list[_R]:
        """The rows of one link table (:mod:`newsprism.store.links`), in its order, matching ``match``."""
        ...

    def replace_links(self, tables: Mapping[type[LinkRow], Sequence[LinkRow]], *,
                      summary: Mapping[str, Any] | None = None, patches: Mapping[type[LinkRow], Patch] | None = None,
                      state: str | None = None, if_state: str | None = None) -> bool:
        """Replace whole link tables, parts of others, the link summary and state in one transaction (only
        while the stored state is ``if_state``, when given); returns whether they were written."""
        ...

    def link_counts(self, kind: type[LinkRow], column: str, values: Collection[Any]) -> dict[Any, int]:
        """How many rows of one link table have each of ``values`` in ``column``."""
        ...

    def link_total(self, kind: type[LinkRow], *, distinct: str | None = None) -> int:
        """How many rows one link table has (or different values of its column ``distinct``)."""
        ...

    def link_values(self, kind: type[LinkRow], column: str) -> set[Any]:
        """The different values of one column of a link table."""
        ...

    def latest_inputs(self, site: str, *, limit: int) -> list[InputRow]:
        """The ``limit`` linked articles of a site with the latest moment: its furniture sample at the last run."""
        ...

    def article_changes(self) -> tuple[list[str], list[str]]:
        """The articles new or rewritten since the last link run, and those it linked that are gone."""
        ...

    def article_versions(self, ids: Collection[str] | None = None) -> dict[str, str]:
        """The version of each stored article (of ``ids``, else of all)."""
        ...

    def articles_by_id(self, ids: Collection[str], *, without: Collection[str] = ()) -> Iterator[Article]:
        """The stored articles with these ids, read in batches (the fields of ``without`` left at their
        defaults)."""
        ...

    def article_texts(self, ids: Collection[str]) -> dict[str, str]:
        """The clean text of each of these stored articles."""
        ...

    def article_titles(self, ids: Collection[str]) -> dict[str, str]:
        """The title of each of these stored articles (``""`` for none)."""
        ...

    def link_state(self) -> str | None:
        """What the last link run recorded of how it linked (``None`` before any)."""
        ...

    def site_furniture(self) -> dict[str, set[str]]:
        """Per-site furniture the last link run learned: site -> line hashes."""
        ...

    def add_decision(self, decision: Decision) -> Decision:
        """Record a manual entity merge or split; returns it with its id and time."""
        ...

    def decisions(self) -> list[Decision]:
        """Every manual entity decision, in the order they were taken."""
        ...

    def check(self) -> list[str]:
        """Integrity check; returns a list of problems (empty when sound)."""
        ...

    def close(self) -> None:
        """Close every connection."""
        ...
