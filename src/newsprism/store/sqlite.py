"""The embedded store: one SQLite file with FTS5 full-text search.

One writer connection (writes are serialised by a lock); every other thread
gets its own read connection. WAL mode lets readers (the web UI) run while an
ingest writes.
"""

from __future__ import annotations

import functools
import json
import re
import shlex
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from ..codes import Code
from ..errors import StoreError
from ..model import Article, Failure, article_from_json
from .base import STORE_SCHEMA_VERSION, AddResult, SearchFilters, SearchResult, SeenDocument
from .links import LinkTables, _LinkDB
from .query import parse_query, to_fts5
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

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("newsprism.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if m := re.match(r"(\d+)_.*\.sql$", entry.name):
            found.append((int(m.group(1)), entry.read_text("utf-8")))
    return sorted(found)


def _use_wal(conn: sqlite3.Connection, *, seconds: float = 30.0) -> None:
    """Put the file in WAL mode, waiting for another process that is doing the same.

    Switching a new file to WAL takes an exclusive lock, and SQLite answers
    "database is locked" at once, without waiting on the busy time-out, when
    another process opens the same new file at that moment (issue #16).
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if e.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def damaged(path: str | Path | None, detail: str, *, writing: bool = False) -> StoreError:
    """The error for a corpus file that fails SQLite's integrity check, saying how to get it back (E305).

    >>> print(damaged("c.db", "database disk image is malformed"))
    [E305] the corpus c.db is damaged (database disk image is malformed); recover what is readable with: sqlite3 c.db .recover | sqlite3 c-recovered.db and use that file, or re-ingest the sources into a new corpus
    """
    name = str(path) if path is not None else "CORPUS.db"
    recovered = str(Path(name).with_name(Path(name).stem + "-recovered.db"))
    refusal = "; nothing was written to it" if writing else ""
    return StoreError(f"the corpus {name} is damaged ({detail}){refusal}; recover what is readable with: "
                      f"sqlite3 {shlex.quote(name)} .recover | sqlite3 {shlex.quote(recovered)} and use that file, "
                      "or re-ingest the sources into a new corpus", code=Code.CORPUS_DAMAGED)


def damage_of(error: BaseException) -> StoreError | None:
    """The one-line ``E305`` for an error SQLite raised on a damaged file, else ``None`` (for the CLI's last resort)."""
    if isinstance(error, sqlite3.DatabaseError) and is_damage(error):
        return damaged(None, str(error))
    return None


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite raised ``error`` because the file is damaged (not because it is locked, full or not SQLite)."""
    return (error.sqlite_errorcode & 0xFF) == sqlite3.SQLITE_CORRUPT


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """What ``PRAGMA quick_check`` finds wrong with the file (at most three problems), or ``None``.

    It reads every page once (about half a second for 500 MB) but skips the
    index-to-table cross-checks of ``integrity_check``.
    """
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as e:  # a damaged page can stop the check itself
        return str(e)
    return None if rows == ["ok"] else _one_line(rows)


def _one_line(rows: list[str], *, most: int = 3) -> str:
    """SQLite's integrity report on one line: its first ``most`` findings (one row can hold many lines)."""
    lines = [line.strip() for row in rows for line in row.splitlines()]
    found = [line for line in lines if line and not line.startswith("*** in database")]
    more = f"; and {len(found) - most} more" if len(found) > most else ""
    return "; ".join(found[:most]) + more


def _guarded(method: Callable[Concatenate[SQLiteStore, _P], _R]) -> Callable[Concatenate[SQLiteStore, _P], _R]:
    """Turn SQLite's 'database disk image is malformed' into the one-line E305 error (issue #16)."""

    def guarded(self: SQLiteStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._damage_is_an_error():
            return method(self, *args, **kwargs)

    functools.update_wrapper(guarded, method)  # keeps the name and docstring (API docs, help())
    return guarded


def fts5_check() -> tuple[bool, str]:
    """Whether this Python's SQLite has FTS5 and folds accents as the corpus index does, and what was found."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
        conn.execute("INSERT INTO t VALUES ('Jersón')")
        ok = conn.execute("SELECT count(*) FROM t WHERE t MATCH 'jerson'").fetchone()[0] == 1
    except sqlite3.OperationalError as e:
        return False, f"{e}; this Python's SQLite lacks FTS5: install a Python built with it"
    finally:
        conn.close()
    return ok, f"SQLite {sqlite3.sqlite_version}, accents folded" if ok else "accent folding broken"


def fts_query(query: str) -> str:
    """User input as an FTS5 query (see :mod:`newsprism.store.query`); "" when it holds no word.

    >>> fts_query('kherson "troop withdrawal" evac*')
    '"kherson" AND "troop withdrawal" AND "evac"*'

    Raises:
        QueryError: when the query cannot be read.
    """
    node = parse_query(query)
    return "" if node is None else to_fts5(node)


class SQLiteStore(LinkTables):
    """A corpus in one SQLite file (see :class:`newsprism.store.base.Store`)."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.url = str(path)
        self.readonly = readonly
        self._lock = threading.Lock()
        self._local = threading.local()
        self._read_api: CorpusReader | None = None
        self._tuned: set[int] = set()
        if readonly and not path.exists():
            raise StoreError(f"no corpus at {path}; create one with 'newsprism ingest SOURCE --db {path}'", code=Code.NO_CORPUS)
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._writer = self._connect(write=not readonly)
        except sqlite3.DatabaseError as e:
            raise self._open_error(e) from e
        self._links = _LinkDB(self._writer, lock=self._lock, sqlite=True)
        try:
            if not readonly:
                self._migrate()
            else:
                self._check_version()
        except BaseException as e:
            self._writer.close()
            if isinstance(e, sqlite3.DatabaseError):
                raise self._open_error(e) from e
            raise

    def _open_error(self, error: sqlite3.DatabaseError) -> StoreError:
        if is_damage(error):
            return damaged(self.path, str(error), writing=not self.readonly)
        return StoreError(f"cannot open the corpus {self.path}: {error}; is it a newsprism database?", code=Code.NOT_A_CORPUS)

    @contextmanager
    def _damage_is_an_error(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as e:
            if is_damage(e):
                raise damaged(self.path, str(e), writing=not self.readonly) from e
            raise

    # -- connections ------------------------------------------------------

    def _connect(self, *, write: bool) -> sqlite3.Connection:
        if write:
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
            # Writing into a damaged file spreads the damage and hides where it began: check first (issue #16).
            if problem := _quick_check(conn):
                conn.close()
                raise damaged(self.path, problem, writing=True)
            _use_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
        else:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    def _reader(self) -> sqlite3.Connection:
        if threading.current_thread() is threading.main_thread() or self.readonly:
            return self._writer
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect(write=False)
            self._local.conn = conn
        return conn

    def _migrate(self) -> None:
        """Bring the file to :data:`STORE_SCHEMA_VERSION`, all migrations in one write transaction.

        The version is read inside that transaction: read before it, two
        processes opening a new file at once both saw version 0 and the second
        re-ran the first migration ("table articles already exists", issue #16).
        """
        conn = self._writer
        with self._lock:
            conn.execute("BEGIN IMMEDIATE")  # the write lock first, then the version
            try:
                conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
                version = int(row[0]) if row else 0
                if version > STORE_SCHEMA_VERSION:
                    raise StoreError(
                        f"the corpus {self.path} has schema version {version}, newer than this newsprism "
                        f"({STORE_SCHEMA_VERSION}); upgrade newsprism", code=Code.CORPUS_TOO_NEW)
                for number, sql in _migrations():
                    if number <= version:
                        continue
                    for statement in sql.split(";\n"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(number),))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _check_version(self) -> None:
        row = self._writer.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if not row or int(row[0]) != STORE_SCHEMA_VERSION:
            raise StoreError(f"the corpus {self.path} needs migrating; open it once without --readonly", code=Code.CORPUS_NEEDS_MIGRATING)

    @_guarded
    def schema_version(self) -> int:
        """The schema version recorded in the file."""
        row = self._reader().execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    # -- writing ----------------------------------------------------------

    @_guarded
    def add(self, articles: Sequence[Article], *, seen: Sequence[SeenDocument] = (),
            failures: Sequence[Failure] = (), run_id: int | None = None) -> AddResult:
        """Write one batch in one transaction (see :meth:`Store.add`)."""
        result = AddResult()
        with self._lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                for article in articles:
                    if self._insert(conn, article):
                        result.new.append(article.id)
                    else:
                        result.duplicates.append(article.id)
                conn.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)",
                                 [(s.raw_hash, s.article_id, s.source) for s in seen])
                conn.executemany(
                    "INSERT INTO failures (run_id, source, url, code, message, at) VALUES (?, ?, ?, ?, ?, ?)",
                    [(run_id, f.source, f.url, f.code, f.message, _now()) for f in failures])
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return result

    @_guarded
    def replace_articles(self, articles: Sequence[Article]) -> int:
        """Replace stored articles (same id) with new versions, facts and full-text index included, in one
        transaction; returns how many were replaced (an id not stored is skipped)."""
        replaced = 0
        with self._lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                for article in articles:
                    # The full-text index has external content: remove the old row's terms first.
                    gone = conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', "
                                        "rowid, coalesce(title, ''), text FROM articles WHERE id = ?", (article.id,))
                    if gone.rowcount == 0:
                        continue
                    for table in FACT_COLUMNS:
                        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
                    conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                    replaced += self._insert(conn, article)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return replaced

    def _insert(self, conn: sqlite3.Connection, article: Article) -> bool:
        marks = ", ".join("?" * len(ARTICLE_COLUMNS))
        cursor = conn.execute(f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks})",
                              article_row(article, ingested_at=_now()))
        if cursor.rowcount == 0:
            return False
        rowid = cursor.lastrowid
        conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                     (rowid, article.title or "", article.text))
        rows: dict[str, list[tuple[Any, ...]]] = {}
        for table, row in fact_rows(article):
            rows.setdefault(table, []).append(row)
        for table, table_rows in rows.items():
            columns = ", ".join(f'"{c}"' for c in ("article_id", *FACT_COLUMNS[table]))
            marks = ", ".join("?" * (len(FACT_COLUMNS[table]) + 1))
            conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", table_rows)
        return True

    @_guarded
    def start_run(self, sources: Sequence[str]) -> int:
        """Record the start of an ingest run."""
        with self._lock:
            cursor = self._writer.execute("INSERT INTO runs (started, sources) VALUES (?, ?)",
                                          (_now(), json.dumps(list(sources))))
            return int(cursor.lastrowid or 0)

    @_guarded
    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record the summary of an ingest run."""
        with self._lock:
            self._writer.execute("UPDATE runs SET finished=?, summary=? WHERE id=?",
                                 (_now(), json.dumps(summary), run_id))

    # -- reading ----------------------------------------------------------

    @_guarded
    def seen(self, raw_hashes: Sequence[str]) -> set[str]:
        """Which of ``raw_hashes`` were already ingested."""
        found: set[str] = set()
        conn = self._reader()
        for i in range(0, len(raw_hashes), 500):
            chunk = list(raw_hashes[i:i + 500])
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in conn.execute(f"SELECT raw_hash FROM seen WHERE raw_hash IN ({marks})", chunk))
        return found

    @_guarded
    def get(self, article_id: str) -> Article | None:
        """The article with this id or a unique prefix of it (at least ``MIN_ID_PREFIX`` characters), or ``None``.

        Raises:
            BadValueError: ``E173`` when the prefix starts several ids.
        """
        conn = self._reader()
        row = conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= MIN_ID_PREFIX:
            ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id "
                                              "LIMIT ?", (id_prefix_pattern(article_id), SHOWN_IDS))]
            if found := one_id(article_id, ids):
                row = conn.execute("SELECT data FROM articles WHERE id = ?", (found,)).fetchone()
        return article_from_json(json.loads(row[0])) if row else None

    def iter_articles(self, *, batch_size: int = 500) -> Iterator[Article]:
        """Every article in insertion order, read in pages."""
        last = 0
        conn = self._reader()
        while True:
            with self._damage_is_an_error():
                rows = conn.execute("SELECT rowid, data FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                    (last, batch_size)).fetchall()
            if not rows:
                return
            for rowid, data in rows:
                last = rowid
                yield article_from_json(json.loads(data))

    @_guarded
    def count(self) -> int:
        """Number of articles."""
        return int(self._reader().execute("SELECT count(*) FROM articles").fetchone()[0])

    @_guarded
    def search(self, query: str, *, filters: SearchFilters | None = None, limit: int = 20,
               offset: int = 0) -> SearchResult:
        """Full-text search with ``[highlighted]`` snippets and facet counts: :meth:`reader`'s search, in the
        form of :class:`SearchResult`.

        Raises:
            QueryError: when the query cannot be read.
        """
        from .search import as_result, from_filters

        try:
            return as_result(self.reader().search(from_filters(query, filters, limit=limit, offset=offset)))
        except sqlite3.OperationalError as e:
            raise StoreError(f"search failed for {query!r}: {e}", code=Code.SEARCH_FAILED) from e

    @_guarded
    def stats(self) -> dict[str, Any]:
        """Counts of articles, facts and runs."""
        conn = self._reader()
        counts = {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for table in ("articles", *FACT_COLUMNS, "seen", "failures", "runs")}
        return {"path": str(self.path), "schema_version": self.schema_version(), "counts": counts}

    @_guarded
    def failures(self, *, run_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Failures recorded by ingest runs, newest first."""
        sql = "SELECT run_id, source, url, code, message, at FROM failures"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        rows = self._reader().execute(sql + " ORDER BY id DESC LIMIT ?", [*params, limit]).fetchall()
        keys = ("run_id", "source", "url", "code", "message", "at")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def check(self) -> list[str]:
        """SQLite integrity check, FTS consistency and duplicate keys; a damaged file is one problem (E305)."""
        conn = self._writer
        try:
            found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)") if r[0] != "ok"]
        except sqlite3.DatabaseError as e:  # a damaged page can stop the check itself (issue #16)
            found = [str(e)]
        if found:  # nothing else in the file can be trusted: say so, and how to get it back
            return [str(damaged(self.path, _one_line(found)))]
        problems: list[str] = []
        if not self.readonly:  # the FTS5 integrity-check command needs a writable connection
            try:
                with self._lock:
                    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as e:
                problems.append(f"full-text index: {e}")
        dupes = conn.execute("SELECT content_hash, count(*) FROM articles GROUP BY 1 HAVING count(*) > 1 "
                             "AND count(DISTINCT key) < count(*)").fetchall()
        problems += [f"duplicate articles with hash {h[:12]}" for h, _ in dupes]
        return problems

    def reader(self) -> CorpusReader:
        """The read API over this corpus (search, facts, stories, entities), one per store."""
        if self._read_api is None:
            from .reader import CorpusReader

            self._read_api = CorpusReader(self._tuned_reader, guard=self._damage_is_an_error)
        return self._read_api

    def _tuned_reader(self) -> sqlite3.Connection:
        """This thread's read connection, tuned once for reading a large corpus."""
        conn = self._reader()
        if id(conn) not in self._tuned:
            # memory-mapped reads and a larger page cache: facets touch a thousand article rows per request
            conn.execute("PRAGMA mmap_size=1073741824")
            conn.execute("PRAGMA cache_size=-65536")
            self._tuned.add(id(conn))
        return conn

    def close(self) -> None:
        """Close the connections of this thread and the writer."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._writer.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
