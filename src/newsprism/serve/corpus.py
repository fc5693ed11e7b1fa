"""What every request handler needs: the store, its optional tables, the write token."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from . import groups as groups_mod
from .dialect import Conn, PgConnection
from .queries import Features, features


@dataclass
class Corpus:
    """The corpus the server reads, and how it may be written to.

    Attributes:
        store: An open store, SQLite or PostgreSQL.
        token: The bearer token write requests must carry; ``None`` refuses every write.
        settings: Pipeline settings for web ingest (``None``: defaults).
    """

    store: Any
    token: str | None = None
    settings: Any = None

    def __post_init__(self) -> None:
        self._tuned: set[int] = set()
        self.features: Features = features(self.conn())

    def conn(self) -> Conn:
        """This thread's read connection (SQLite: tuned once for reading a large corpus)."""
        reader = self.store.read_connection()
        if not isinstance(reader, sqlite3.Connection):
            return PgConnection(reader)
        if id(reader) not in self._tuned:
            # memory-mapped reads and a larger page cache: facets touch a thousand article rows per request
            reader.execute("PRAGMA mmap_size=1073741824")
            reader.execute("PRAGMA cache_size=-65536")
            self._tuned.add(id(reader))
        return reader

    def groups(self) -> groups_mod.EntityGroups:
        """Entity name groups after every manual decision (read per request: decisions are rare and few)."""
        return groups_mod.load(self.conn(), linked=self.features.corpus_entities)

    def relink(self) -> dict[str, Any]:
        """Recompute the corpus links (after a manual decision), then the optional tables seen."""
        from ..link.run import link_corpus

        summary = link_corpus(self.store, settings=self.settings).as_dict()
        self.features = features(self.conn())
        return summary

    def writer(self) -> tuple[Conn, threading.Lock]:
        """The store's single writer connection and its lock."""
        conn, lock = self.store.write_connection()
        if not isinstance(conn, sqlite3.Connection):
            return PgConnection(conn), lock
        writer: tuple[Conn, threading.Lock] = (conn, lock)
        return writer
