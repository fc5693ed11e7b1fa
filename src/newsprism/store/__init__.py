"""The corpus store: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

import os
from pathlib import Path

from ..config import Settings
from .base import AddResult, SearchFilters, SearchHit, SearchResult, SeenDocument, Store
from .reader import CorpusReader
from .search import PageHit, SearchPage, SearchQuery

DEFAULT_DB = "newsprism.db"


def default_db() -> str:
    """The database used when none is given: ``$NEWSPRISM_DB`` or ``./newsprism.db``."""
    return os.environ.get("NEWSPRISM_DB", DEFAULT_DB)


def open_store(path: str | os.PathLike[str] | None = None, *, settings: Settings | None = None,
               readonly: bool = False) -> Store:
    """Open a store: a ``postgresql://`` URL or a SQLite file path (created if missing)."""
    target = str(path) if path is not None else default_db()
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target)
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(target), readonly=readonly)


__all__ = ["AddResult", "CorpusReader", "PageHit", "SearchFilters", "SearchHit", "SearchPage", "SearchQuery",
           "SearchResult", "SeenDocument", "Store", "default_db", "open_store"]
