"""The team store: PostgreSQL, same interface and tables as the SQLite store.

Full-text search uses a ``tsvector`` per article (title weighted above text,
accents folded with ``unaccent``) kept by triggers in a narrow table,
``article_search``, with a GIN index, beside the names of the article's
entities and places (each indexed too); snippets come from ``ts_headline``. The store lives in the first schema of the connection's
``search_path`` (created if missing), so several corpora can share a server.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..errors import MissingExtraError, StoreError
from ..model import Article, Failure, article_from_json
from .base import STORE_SCHEMA_VERSION, AddResult, SearchFilters, SearchResult, SeenDocument
from .links import LinkTables, _LinkDB
from .query import parse_query, to_tsquery
from .rows import (
    ARTICLE_COLUMNS,
    FACT_COLUMNS,
    MIN_ID_PREFIX,
    SHOWN_IDS,
    article_row,
    fact_rows,
    id_prefix_pattern,
    one_id,
)

if TYPE_CHECKING:
    from .reader import CorpusReader


#: The tables a migration writes anew, vacuumed once it is committed: a rewritten table has an empty visibility
#: map, and a count of matches off the full-text index's bitmap reads every page it names until a vacuum sets it
#: (autovacuum does not count a rewrite as writes, so it may not come for a long time).
REWRITES: dict[int, tuple[str, ...]] = {98: ("article_search",)}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ts_query(query: str) -> str:
    """User input as a ``to_tsquery('simple', ...)`` string (see :mod:`newsprism.store.query`); "" without words.

    >>> ts_query('kherson "troop withdrawal" evac* OR kyiv')
    "('kherson' & 'troop' <-> 'withdrawal' & 'evac':*) | 'kyiv'"

    Raises:
        QueryError: when the query cannot be read.
    """
    node = parse_query(query)
    return "" if node is None else to_tsquery(node)


class PostgresStore(LinkTables):
    """A corpus in a PostgreSQL database (see :class:`newsprism.store.base.Store`)."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:
            raise MissingExtraError("postgres", "psycopg") from e
        self.url = url
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[tuple[threading.Thread, Any]] = []  # each read connection and the thread that owns it
        self._idle: list[Any] = []  # read connections their threads left, for the next thread (_read_connection)
        self._read_api: CorpusReader | None = None
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL ({e}); check the URL and that the server runs",
                             code=Code.POSTGRES_UNREACHABLE) from e
        self.schema = self._ensure_schema()
        self._links = _LinkDB(self._conn, lock=self._lock, sqlite=False, prefix=f"{self.schema}.")
        self._migrate()

    def _ensure_schema(self) -> str:
        row = self._conn.execute("SHOW search_path").fetchone()
        first = str(row[0] if row else "").split(",")[0].strip().strip('"')
        if first in ("$user", ""):
            first = "public"
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", first):
            raise StoreError(f"unusable schema name {first!r} in search_path", code=Code.BAD_SCHEMA_NAME)
        self._conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{first}"')
        return first

    def _migrate(self) -> None:
        from psycopg import errors as pg_errors

        conn = self._conn
        rewritten: set[str] = set()
        with self._lock, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(74201)")  # one migrator at a time
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
            except pg_errors.UniqueViolation:  # another process created it at the same moment
                pass
            conn.execute(f"CREATE TABLE IF NOT EXISTS {self.schema}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = conn.execute(f"SELECT value FROM {self.schema}.meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > STORE_SCHEMA_VERSION:
                raise StoreError(f"the corpus has schema version {version}, newer than this newsprism", code=Code.CORPUS_TOO_NEW)
            folder = resources.files("newsprism.store").joinpath("migrations", "postgres")
            for entry in sorted(folder.iterdir(), key=lambda e: e.name):
                m = re.match(r"(\d+)_.*\.sql$", entry.name)
                if not m or int(m.group(1)) <= version:
                    continue
                conn.execute(entry.read_text("utf-8").replace("{schema}", self.schema))
                conn.execute(f"INSERT INTO {self.schema}.meta VALUES ('schema_version', %s) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (m.group(1),))
                rewritten.update(REWRITES.get(int(m.group(1)), ()))
        for table in sorted(rewritten):  # outside the transaction, as VACUUM must be
            conn.execute(f"VACUUM (ANALYZE) {self.schema}.{table}")

    def _t(self, table: str) -> str:
        return f"{self.schema}.{table}"

    # -- writing ----------------------------------------------------------

    def add(self, articles: Sequence[Article], *, seen: Sequence[SeenDocument] = (),
            failures: Sequence[Failure] = (), run_id: int | None = None) -> AddResult:
        """Write one batch in one transaction."""
        result = AddResult()
        with self._lock, self._conn.transaction(), self._conn.cursor() as cur:
            for article in articles:
                (result.new if self._insert(cur, article) else result.duplicates).append(article.id)
            if seen:
                cur.executemany(f"INSERT INTO {self._t('seen')} VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                                [_cleaned((s.raw_hash, s.article_id, s.source)) for s in seen])
            if failures:
                cur.executemany(
                    f"INSERT INTO {self._t('failures')} (run_id, source, url, code, message, at) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [_cleaned((run_id, f.source, f.url, f.code, f.message, _now())) for f in failures])
        return result

    def replace_articles(self, articles: Sequence[Article]) -> int:
        """Replace stored articles (same id) with new versions, facts included, in one transaction; returns how
        many were replaced (an id not stored is skipped). The full-text column follows the text by itself."""
        replaced = 0
        with self._lock, self._conn.transaction(), self._conn.cursor() as cur:
            for article in articles:
                cur.execute(f"DELETE FROM {self._t('articles')} WHERE id = %s RETURNING id", (article.id,))
                if cur.fetchone() is None:
                    continue
                for table in FACT_COLUMNS:
                    cur.execute(f"DELETE FROM {self._t(table)} WHERE article_id = %s", (article.id,))
                replaced += self._insert(cur, article)
        return replaced

    def _insert(self, cur: Any, article: Article) -> bool:
        cur.execute(
            f"INSERT INTO {self._t('articles')} ({', '.join(ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join(['%s'] * len(ARTICLE_COLUMNS))}) ON CONFLICT DO NOTHING RETURNING rowid",
            _cleaned(article_row(article, ingested_at=_now())))
        if cur.fetchone() is None:
            return False
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table, row in fact_rows(article):
            rows.setdefault(table, []).append(_cleaned(row))
        for table, table_rows in rows.items():
            columns = ", ".join(f'"{c}"' for c in ("article_id", *FACT_COLUMNS[table]))
            marks = ", ".join(["%s"] * (len(FACT_COLUMNS[table]) + 1))
            cur.executemany(f"INSERT INTO {self._t(table)} ({columns}) VALUES ({marks})", table_rows)
        return True

    def start_run(self, sources: Sequence[str]) -> int:
        """Record the start of an ingest run."""
        with self._lock:
            row = self._conn.execute(f"INSERT INTO {self._t('runs')} (started, sources) VALUES (%s, %s) RETURNING id",
                                     (_now(), json.dumps(list(sources)))).fetchone()
        if row is None:
            raise StoreError("PostgreSQL returned no id for the new ingest run", code=Code.POSTGRES_NO_RUN_ID)
        return int(row[0])

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record the summary of an ingest run."""
        with self._lock:
            self._conn.execute(f"UPDATE {self._t('runs')} SET finished=%s, summary=%s WHERE id=%s",
                               (_now(), json.dumps(summary), run_id))

    # -- reading ----------------------------------------------------------

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def seen(self, raw_hashes: Sequence[str]) -> set[str]:
        """Which of ``raw_hashes`` were already ingested."""
        if not raw_hashes:
            return set()
        rows = self._query(f"SELECT raw_hash FROM {self._t('seen')} WHERE raw_hash = ANY(%s)", (list(raw_hashes),))
        return {r[0] for r in rows}

    def get(self, article_id: str) -> Article | None:
        """The article with this id or a unique prefix of it (at least ``MIN_ID_PREFIX`` characters), or ``None``.

        Raises:
            BadValueError: ``E173`` when the prefix starts several ids.
        """
        rows = self._query(f"SELECT data FROM {self._t('articles')} WHERE id = %s", (article_id,))
        if not rows and len(article_id) >= MIN_ID_PREFIX:
            ids = [r[0] for r in self._query(f"SELECT id FROM {self._t('articles')} WHERE id LIKE %s ESCAPE '\\' "
                                             "ORDER BY id LIMIT %s", (id_prefix_pattern(article_id), SHOWN_IDS))]
            if found := one_id(article_id, ids):
                rows = self._query(f"SELECT data FROM {self._t('articles')} WHERE id = %s", (found,))
        return article_from_json(json.loads(rows[0][0])) if rows else None

    def iter_articles(self, *, batch_size: int = 500) -> Iterator[Article]:
        """Every article in insertion order."""
        last = 0
        while rows := self._query(f"SELECT rowid, data FROM {self._t('articles')} WHERE rowid > %s "
                                  "ORDER BY rowid LIMIT %s", (last, batch_size)):
            for rowid, data in rows:
                last = rowid
                yield article_from_json(json.loads(data))

    def count(self) -> int:
        """Number of articles."""
        return int(self._query(f"SELECT count(*) FROM {self._t('articles')}")[0][0])

    def search(self, query: str, *, filters: SearchFilters | None = None, limit: int = 20,
               offset: int = 0) -> SearchResult:
        """Full-text search with ``[highlighted]`` snippets and facet counts: :meth:`reader`'s search, in the
        form of :class:`SearchResult`.

        Raises:
            QueryError: when the query cannot be read.
        """
        from .search import as_result, from_filters

        return as_result(self.reader().search(from_filters(query, filters, limit=limit, offset=offset)))

    def stats(self) -> dict[str, Any]:
        """Counts of articles, facts and runs."""
        counts = {t: int(self._query(f"SELECT count(*) FROM {self._t(t)}")[0][0])
                  for t in ("articles", *FACT_COLUMNS, "seen", "failures", "runs")}
        return {"path": self.url.split("@")[-1], "schema_version": STORE_SCHEMA_VERSION, "counts": counts}

    def failures(self, *, run_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Failures recorded by ingest runs, newest first."""
        sql = f"SELECT run_id, source, url, code, message, at FROM {self._t('failures')}"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = %s"
            params.append(run_id)
        keys = ("run_id", "source", "url", "code", "message", "at")
        return [dict(zip(keys, row, strict=True)) for row in self._query(sql + " ORDER BY id DESC LIMIT %s",
                                                                         [*params, limit])]

    def check(self) -> list[str]:
        """Duplicate keys and facts pointing at missing articles."""
        problems = [f"duplicate articles with hash {h[:12]}" for h, in self._query(
            f"SELECT content_hash FROM {self._t('articles')} GROUP BY 1 HAVING count(*) > count(DISTINCT key)")]
        orphans = self._query(f"SELECT count(*) FROM {self._t('entities')} e WHERE NOT EXISTS "
                              f"(SELECT 1 FROM {self._t('articles')} a WHERE a.id = e.article_id)")[0][0]
        if orphans:
            problems.append(f"{orphans} entities of missing articles")
        return problems

    def _read_connection(self) -> Any:
        """This thread's own read-only connection, for the read API (:meth:`reader`).

        Autocommit with tuple rows, and ``search_path`` set to the store's
        schema so that queries name tables without it. Never shared between
        threads: a web server answers requests from a pool of threads. A thread
        without one takes a connection a finished thread left (a pool of read
        connections), else opens one: the web server's worker threads end after
        a few idle seconds, and a search on a new connection costs more
        (connecting, the server's catalogue caches, the unaccent dictionary:
        12 to 27 ms at 100,000 articles, 70 to 90 ms through the web) (#17).
        """
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._idle_connection() or self._open_read_connection()
            self._local.conn = conn
            with self._lock:
                self._readers.append((threading.current_thread(), conn))
        return conn

    def _idle_connection(self) -> Any | None:
        """A read connection left by a thread that has finished, or ``None``; closed ones are dropped."""
        with self._lock:
            self._idle += [c for thread, c in self._readers if not thread.is_alive()]
            self._readers = [(t, c) for t, c in self._readers if t.is_alive()]
            self._idle = [c for c in self._idle if not c.closed and c.info.transaction_status == _IDLE]
            return self._idle.pop() if self._idle else None

    def _open_read_connection(self) -> Any:
        """A new read connection, its full-text dictionary loaded by a first query (see :meth:`_read_connection`)."""
        import psycopg

        try:
            conn = psycopg.connect(self.url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL ({e}); check the URL and that the server runs",
                             code=Code.POSTGRES_UNREACHABLE) from e
        conn.execute(f'SET search_path TO "{self.schema}", public')
        conn.execute("SET default_transaction_read_only = on")
        conn.execute("SELECT to_tsquery('simple', np_unaccent('a'))")
        return conn

    def reader(self) -> CorpusReader:
        """The read API over this corpus (search, facts, stories, entities), one per store."""
        if self._read_api is None:
            from .dialect import PgConnection
            from .reader import CorpusReader

            self._read_api = CorpusReader(lambda: PgConnection(self._read_connection()))
        return self._read_api

    def drop_everything(self) -> None:
        """Drop this store's schema and all it holds (tests and throw-away corpora)."""
        with self._lock:
            self._conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')

    def close(self) -> None:
        """Close the connection and every thread's read connection."""
        with self._lock:
            readers, self._readers = [c for _thread, c in self._readers] + self._idle, []
            self._idle = []
        for reader in readers:
            reader.close()
        self._conn.close()


#: ``psycopg.pq.TransactionStatus.IDLE``: a connection outside any transaction (no import of psycopg here).
_IDLE = 0


def _clean(text: str) -> str:
    # PostgreSQL text cannot hold NUL characters; scraped text sometimes does.
    return text.replace("\x00", "\ufffd")


def _cleaned(row: tuple[Any, ...]) -> tuple[Any, ...]:
    # Every text column, not only the body: a NUL in a title or feed URL made the whole batch fail.
    return tuple(_clean(v) if isinstance(v, str) else v for v in row)
