"""Reading and writing the link tables, for SQLite and PostgreSQL alike.

Both stores hand out ``(connection, placeholder, lock, table prefix)``
through ``link_connection()``; :class:`LinkDB` wraps that DB-API connection
so the link stage writes SQL once, with ``?`` placeholders.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

#: table -> columns, in insertion order. The web UI reads these tables by name.
LINK_COLUMNS: dict[str, tuple[str, ...]] = {
    "duplicate_groups": ("group_id", "article_id", "is_original", "similarity", "evidence"),
    "lineage": ("article_id", "source_article_id", "source_name", "kind", "cue", "evidence"),
    "stories": ("story_id", "label", "start", "end", "sources", "size"),
    "story_articles": ("story_id", "article_id", "score"),
    "corpus_entities": ("corpus_id", "name", "label", "variants", "evidence", "articles"),
    "corpus_entity_members": ("corpus_id", "article_id", "entity_id", "name"),
    "claim_groups": ("story_id", "quantity", "article_id", "claim_index", "value", "bound", "counted",
                     "claimant_name", "as_of", "site", "unit", "verdict", "note"),
    "site_furniture": ("site", "line_hash", "line_text", "articles"),
    "link_minhash": ("article_id", "content_hash", "signature"),
    "link_vectors": ("article_id", "content_hash", "vector"),
}


class LinkDB:
    """A store's connection seen through one small adapter (placeholders, prefix, transactions)."""

    def __init__(self, store: Any) -> None:
        link_connection = getattr(store, "link_connection", None)
        if link_connection is None:
            from ..errors import StoreError

            raise StoreError(f"the store {type(store).__name__} keeps no link tables", code="E340")
        self.conn, self.placeholder, self.lock, self.prefix = link_connection()
        self._lock: threading.Lock = self.lock

    @property
    def is_sqlite(self) -> bool:
        """True for SQLite (``?`` placeholders), False for psycopg (``%s``)."""
        return bool(self.placeholder == "?")

    def sql(self, text: str) -> str:
        """Rewrite ``?`` placeholders and ``{t}`` table prefixes for this backend."""
        text = text.replace("{t}", self.prefix)
        return text if self.is_sqlite else text.replace("%", "%%").replace("?", "%s")

    def query(self, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one SELECT."""
        with self._lock:
            cursor = self.conn.cursor()
            cursor.execute(self.sql(text), tuple(params))
            return list(cursor.fetchall())

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction (all or nothing); yields a cursor."""
        with self._lock:
            if self.is_sqlite:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.conn.cursor()
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
            else:
                with self.conn.transaction():
                    yield self.conn.cursor()


def _insert_sql(db: LinkDB, table: str) -> str:
    columns = ", ".join(f'"{c}"' for c in LINK_COLUMNS[table])
    marks = ", ".join("?" * len(LINK_COLUMNS[table]))
    return db.sql(f"INSERT INTO {{t}}{table} ({columns}) VALUES ({marks})")


def replace_link_tables(db: LinkDB, tables: Mapping[str, Sequence[tuple[Any, ...]]], *,
                        summary: Mapping[str, Any] | None = None) -> None:
    """Replace the rows of every table in ``tables`` in ONE transaction (readers never see half a result)."""
    with db.transaction() as cursor:
        for table, rows in tables.items():
            cursor.execute(db.sql(f"DELETE FROM {{t}}{table}"))
            if rows:
                cursor.executemany(_insert_sql(db, table), [tuple(r) for r in rows])
        if summary is not None:
            cursor.execute(db.sql("INSERT INTO {t}meta (key, value) VALUES ('link_summary', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                           (json.dumps(dict(summary), sort_keys=True),))


def read_minhash(db: LinkDB) -> dict[str, tuple[str, list[int]]]:
    """Cached MinHash signatures: article id -> (content hash, signature)."""
    return {aid: (chash, [int(v) for v in sig.split(",")])
            for aid, chash, sig in db.query("SELECT article_id, content_hash, signature FROM {t}link_minhash")}


def read_vectors(db: LinkDB) -> dict[str, tuple[str, str]]:
    """Cached meaning vectors: article id -> (content hash, vector in its text form)."""
    return {aid: (chash, vector) for aid, chash, vector in
            db.query("SELECT article_id, content_hash, vector FROM {t}link_vectors")}


def read_furniture(db: LinkDB) -> dict[str, set[str]]:
    """Learned furniture: site -> line hashes."""
    found: dict[str, set[str]] = {}
    for site, line_hash in db.query("SELECT site, line_hash FROM {t}site_furniture ORDER BY site, line_hash"):
        found.setdefault(site, set()).add(line_hash)
    return found


def read_decisions(db: LinkDB) -> list[tuple[str, list[str], str | None]]:
    """Manual entity decisions in the order they were taken: (action, names, label)."""
    rows = db.query("SELECT action, names, label FROM {t}entity_decisions ORDER BY id")
    return [(action, list(json.loads(names)), label) for action, names, label in rows]


def add_decision(db: LinkDB, action: str, names: Sequence[str], *, label: str | None = None,
                 note: str | None = None) -> None:
    """Record a manual ``merge`` or ``split`` (the first name of a merge is the kept name)."""
    with db.transaction() as cursor:
        cursor.execute(db.sql("INSERT INTO {t}entity_decisions (action, names, label, created_at, note) "
                              "VALUES (?, ?, ?, ?, ?)"),
                       (action, json.dumps(list(names), ensure_ascii=False), label,
                        datetime.now(UTC).isoformat(timespec="seconds"), note))


def read_table(db: LinkDB, table: str, *, where: str = "", params: Sequence[Any] = (),
               order: str = "") -> list[dict[str, Any]]:
    """Rows of a link table as dicts (``where``/``order`` are trusted SQL fragments from our code)."""
    columns = LINK_COLUMNS[table]
    sql = "SELECT " + ", ".join(f'"{c}"' for c in columns) + f" FROM {{t}}{table}"
    sql += f" WHERE {where}" if where else ""
    sql += f" ORDER BY {order}" if order else ""
    return [dict(zip(columns, row, strict=True)) for row in db.query(sql, params)]
