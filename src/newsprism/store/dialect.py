"""The few SQL differences between the SQLite and PostgreSQL stores, in one place.

The store's read queries are written once, in SQLite's dialect with ``?``
placeholders (``store/reads.py``, ``store/search.py``). What differs per
backend is asked of :func:`dialect_of`: full-text match, rank and snippet,
expanding a JSON array of ids, ``instr``/``strpos``, ``max``/``greatest``,
where NULL dates sort, and how the optional tables are listed. A PostgreSQL
connection is wrapped in :class:`PgConnection`, which sends every query
through :func:`pyformat`, the one place ``?`` becomes psycopg's ``%s``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the read queries use."""

    def fetchall(self) -> list[Any]: ...

    def fetchone(self) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """A connection the store's read queries run on: ``sqlite3.Connection`` or :class:`PgConnection`."""

    def execute(self, sql: str, params: Any = ..., /) -> Cursor: ...


@dataclass(frozen=True, slots=True)
class Dialect:
    """SQL fragments that differ between the stores.

    Attributes:
        name: ``"sqlite"`` or ``"postgresql"``.
        tables: Lists the tables and views of the corpus, one name per row.
        instr: The function giving a substring's 1-based position: ``instr(text, part)``.
        greatest: The scalar maximum of two values.
        nulls_last: Appended to ``DESC`` so that undated articles sort last on both backends.
        nulls_first: Appended to an ascending order so that undated articles sort first on both backends.
        fact_order: The column giving facts of one article in the order they were stored.
        fts_from: The FROM clause of a full-text match; its one ``?`` is the query.
        fts_from_joined: The same, joined to ``articles a`` for filters.
        fts_from_keys: The same, joined to the columns a search filters on as ``a`` (``id``, ``published``,
            ``site``, ``lang``, ``url``, ``source``), read without the article's text.
        filter_rows: The table holding those columns, one row per article with its ``rowid``.
        fts_rowid: The matching article's rowid.
        fts_match: The WHERE condition of a match (no placeholder: the query is in the FROM clause).
        fts_exists: A WHERE condition on ``articles a`` testing the match, with the query as its ``?``.
        fts_in_matches: The same, testing the article against the matches read once, for a query whose
            match is costly to test on one article (a prefix query).
        fts_rank: Relevance, lower is better (SQLite's bm25 convention); title words weigh four times.
        fts_snippet: The matched words in context, between ``char(2)`` and ``char(3)`` (``MARK_OPEN``, ``MARK_CLOSE``).
        fts_title: The whole title with the matched words marked.
        prefix_probe_costly: Testing a prefix query on one article costs about as much as reading all its
            matches (FTS5 merges the doclists of every word with the prefix for each test), so a page by date
            reads the matches of an unfiltered prefix query once rather than testing articles on the date
            index; PostgreSQL tests the article's own vector.
        names_in_row: The search row ``a`` of :attr:`fts_from_keys` holds the names of the article's entities
            and places (``entity_names``, ``place_names``: PostgreSQL's ``article_search``, migration 098),
            each with an index ANDed with the full-text one (:meth:`names_among`); SQLite looks each match up
            in the entity and place tables' indexes.
        keys_dated: The rows of :attr:`fts_from_keys` have an index in the order of a page by date (PostgreSQL's
            ``article_search``, migration 098), so a page of dense filtered matches by date is read walking it,
            the match and the filters tested on each row (:func:`walking_dates`); SQLite walks the articles'
            date index and looks each article up in FTS5.
        count_reads_rows: Counting the matches of a query reads each match's row (PostgreSQL's heap pages,
            to test the match and the row's visibility), so a page by date keeps the row ids the count read
            rather than reading them again; FTS5 counts off its doclists, cheaper than handing the ids over.
    """

    name: str
    tables: str
    instr: str
    greatest: str
    nulls_last: str
    nulls_first: str
    fact_order: str
    fts_from: str
    fts_from_joined: str
    fts_from_keys: str
    filter_rows: str
    fts_rowid: str
    fts_match: str
    fts_exists: str
    fts_in_matches: str
    fts_rank: str
    fts_snippet: str
    fts_title: str
    prefix_probe_costly: bool
    names_in_row: bool
    keys_dated: bool
    count_reads_rows: bool

    def json_values(self, *, as_type: str = "TEXT", column: str = "value") -> str:
        """A subquery of the values of a JSON array given as the one ``?``, in a column named ``column``."""
        if self.name == "sqlite":
            return "SELECT value FROM json_each(?)" if column == "value" else \
                f"SELECT value AS {column} FROM json_each(?)"
        return (f"SELECT CAST(value AS {as_type}) AS {column} "
                "FROM json_array_elements_text(CAST(? AS json)) AS t(value)")

    def rowid_among(self, column: str, rowids: Sequence[int]) -> tuple[str, list[Any]]:
        """A condition that the full-text ``column`` is one of ``rowids`` (not empty), and its arguments.

        SQLite is told the range and tests the list itself: given the list, FTS5 runs the match once
        per row id, and a prefix query merges the doclists of all its words each time (20 snippets of
        ``report*`` took 70 ms of CPU at 100,000 articles, 4 ms this way).
        """
        values = json.dumps(list(rowids))
        if self.name == "sqlite":
            return f"{column} BETWEEN ? AND ? AND +{column} IN ({self.json_values()})", \
                [min(rowids), max(rowids), values]
        return f"{column} IN ({self.json_values(as_type='BIGINT')})", [values]

    def names_among(self, column: str, count: int) -> str:
        """A condition that the search row ``a`` names one of ``count`` names (``?`` each) in ``column``
        (``entity_names`` or ``place_names``, see :attr:`names_in_row`)."""
        marks = ", ".join("CAST(? AS TEXT)" for _ in range(count))
        return f"a.{column} && ARRAY[{marks}]"

    def fts_query(self, text: str) -> str:
        """User input as this backend's full-text query string ("" when it has no words)."""
        if self.name == "sqlite":
            from .sqlite import fts_query

            return fts_query(text)
        from .postgres import ts_query

        return ts_query(text)


SQLITE = Dialect(
    name="sqlite",
    tables="SELECT name FROM sqlite_master WHERE type IN ('table', 'view')",
    instr="instr", greatest="max", nulls_last="", nulls_first="", fact_order="f.rowid",
    # CROSS JOIN keeps the match outermost: with the articles outside, FTS5 runs the match once per filtered
    # article, and a prefix query merges the doclists of all its words each time (a count of 'report*' on
    # one site since a date took 37 s at 100,000 articles, 0.1 s this way)
    fts_from="articles_fts", fts_from_joined="articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid",
    fts_from_keys="articles_fts CROSS JOIN article_keys a ON a.rowid = articles_fts.rowid", filter_rows="article_keys",
    fts_rowid="articles_fts.rowid", fts_match="articles_fts MATCH ?",
    fts_exists="EXISTS (SELECT 1 FROM articles_fts f WHERE f.articles_fts MATCH ? AND f.rowid = a.rowid)",
    # a list subquery, made once per statement: FTS5 runs EXISTS once per article, merging the doclists of
    # every word of a prefix query each time; '+' keeps the list a test, not a loop driving the read
    fts_in_matches="+a.rowid IN (SELECT f.rowid FROM articles_fts f WHERE f.articles_fts MATCH ?)",
    fts_rank="bm25(articles_fts, 4.0, 1.0)",
    fts_snippet="snippet(articles_fts, 1, char(2), char(3), ' … ', 28)",
    fts_title="highlight(articles_fts, 0, char(2), char(3))",
    prefix_probe_costly=True, names_in_row=False, keys_dated=False, count_reads_rows=False,
)

# The tsvector weighs title words "A" and body words "B"; 1.0 against 0.25 keeps SQLite's 4:1.
_TSQ = "to_tsquery('simple', np_unaccent(?))"
_MARKS = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || "
POSTGRES = Dialect(
    name="postgresql",
    tables="SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
    instr="strpos", greatest="greatest", nulls_last=" NULLS LAST", nulls_first=" NULLS FIRST",
    # fact tables have no rowid; they are only ever appended to, so the physical order is the stored order
    fact_order="f.ctid",
    # The vector lives in article_search (migration 097), a narrow row per article holding it inline and the
    # columns a search filters on: the match and the rank name it unqualified, as no other table has one.
    fts_from=f"article_search a CROSS JOIN {_TSQ} fq",
    fts_from_joined=f"articles a JOIN article_search USING (rowid) CROSS JOIN {_TSQ} fq",
    fts_from_keys=f"article_search a CROSS JOIN {_TSQ} fq", filter_rows="articles",
    fts_rowid="a.rowid", fts_match="tsv @@ fq",
    fts_exists=f"EXISTS (SELECT 1 FROM article_search s WHERE s.rowid = a.rowid AND s.tsv @@ {_TSQ})",
    fts_in_matches=f"EXISTS (SELECT 1 FROM article_search s WHERE s.rowid = a.rowid AND s.tsv @@ {_TSQ})",
    fts_rank="-ts_rank('{0.1, 0.2, 0.25, 1.0}', tsv, fq)",
    # one fragment: the matched words with context on both sides, as FTS5's snippet() gives
    fts_snippet=f"ts_headline('simple', a.text, fq, {_MARKS}', MaxFragments=1, MaxWords=28, MinWords=12')",
    fts_title=f"ts_headline('simple', coalesce(a.title, ''), fq, {_MARKS}', HighlightAll=true')",
    # a prefix query tested on one article is a search of the article's own vector, read in its row
    prefix_probe_costly=False,
    # a filter under an entity or a place is an index of the search row, ANDed with the full-text one
    names_in_row=True, keys_dated=True, count_reads_rows=True,
)


def pyformat(sql: str) -> str:
    """``sql`` written with ``?`` placeholders, as psycopg takes it: ``%s``, and every literal ``%`` doubled.

    The one placeholder rewrite of the code base: the store's queries have no ``?`` inside string literals.

    >>> pyformat("SELECT 1 WHERE url LIKE 'http%' AND id = ?")
    "SELECT 1 WHERE url LIKE 'http%%' AND id = %s"
    """
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A psycopg connection that takes the store's ``?`` placeholders (see :func:`pyformat`)."""

    dialect = POSTGRES

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Any = (), /) -> Cursor:
        """Run ``sql`` with ``params`` and return the cursor (tuple rows)."""
        cursor: Cursor = self.raw.execute(pyformat(sql), tuple(params))
        return cursor


@contextmanager
def matches_off_the_index(conn: Conn) -> Iterator[None]:
    """Statements run inside read their full-text matches off the index alone (PostgreSQL's GIN bitmap).

    PostgreSQL's planner does not count what testing a match on a row costs: counting the matches of
    'police' (17,700 of 100,000 articles) up to 10,001 scanned the table testing each row's vector, then
    read out of line (TOAST), 600 to 760 ms, where the index's bitmap names the matches without testing
    them, 58 to 72 ms. The settings hold for one transaction. SQLite reads its matches off FTS5 anyway:
    nothing to do there.

    Each statement is planned for its values (:func:`custom_plans`).
    """
    with _planned_without(conn, "enable_seqscan", "enable_indexscan"):
        yield


def custom_plans(conn: PgConnection) -> None:
    """Plan each statement of the transaction for its values, never with a plan made for any values.

    psycopg prepares a statement run five times on a connection, and PostgreSQL then keeps a plan made
    for any values when it looks no costlier: for a range of row ids between two values it assumes a
    narrow range, and read every row of the range off its index testing the match on each, where the
    range was every row (a site since a day, 'president': 30 ms planned for the values, 140 to 210 ms
    on a web server's connections).
    """
    conn.raw.execute("SET LOCAL plan_cache_mode = force_custom_plan")


@contextmanager
def walking_dates(conn: Conn) -> Iterator[None]:
    """Statements run inside read their rows in the order of an index rather than sorting them (PostgreSQL).

    For a page of matches known to be dense (more than were counted), which lies early in the date order:
    where the planner's estimate of the matches is low it sorts them all ('report:*' under a person, expected
    in 497 articles of a corpus of few sentences, in 21,779: 27 ms for the fifth page, where walking the date
    order tests about a hundred rows a page).
    """
    with _planned_without(conn, "enable_sort", "enable_bitmapscan"):
        yield


@contextmanager
def _planned_without(conn: Conn, *methods: str) -> Iterator[None]:
    """One transaction whose statements are planned for their values without these plan methods
    (PostgreSQL's ``enable_*`` settings, held for the transaction); nothing to do on SQLite."""
    if not isinstance(conn, PgConnection):
        yield
        return
    with conn.raw.transaction():
        custom_plans(conn)
        for method in methods:
            conn.raw.execute(f"SET LOCAL {method} = off")
        yield


#: On PostgreSQL the newest matches of a query expected in fewer than this share of the articles are read
#: off the full-text index, within a range of the newest articles made this many times wider when it holds
#: none of them (:func:`newest_matches`).
DENSE = 0.4
WINDOW_GROWTH = 8


def newest_matches(conn: Conn, match: str, *, limit: int, probed: str = "", args: Sequence[Any] = (),
                   ranked: bool = True) -> list[Any]:
    """``(rowid, rank)`` (``(rowid,)`` unless ``ranked``) of the newest ``limit`` matches of the full-text
    query ``match`` that pass the filters ``probed`` (`` AND``-joined conditions on ``a``, with ``args``),
    newest first.

    FTS5 walks its matches newest first and stops. PostgreSQL walking its row ids tests each row's
    tsvector: right for a common word, whose matches are found within a few thousand rows, but the 2,001
    newest of the 11,018 matches of 'covid' tested 18,500 rows at 100,000 articles (390 ms with the vector
    out of line), and under a place named by a quarter of the articles, 73,000 (1.2 s).
    Matches the planner expects in fewer than :data:`DENSE` of the articles are read off the GIN index's
    bitmap ANDed with a range of the newest row ids, wide enough for twice ``limit`` of them by that
    estimate, which names the matches of the range without a test (the filters are then tested on each);
    the range grows until it holds ``limit`` or every row, each time by the rows below it alone, as many
    as twice the matches still wanted take at the density found (:func:`_wider`): each range builds the
    bitmap of the whole index again (20 to 30 ms for 'report:*' at 100,000 articles). The rows of the
    range are scored as they are read, their vectors in the row: carried through the sort to score only
    the rows kept, 2.7 kB each, they spilled it to disk.
    """
    d = dialect_of(conn)
    rank = f", {d.fts_rank}" if ranked else ""
    source = d.fts_from_keys if probed else d.fts_from
    walk = (f"SELECT {d.fts_rowid}{rank} FROM {source} WHERE {d.fts_match}{probed} "
            f"ORDER BY {d.fts_rowid} DESC LIMIT {limit}")
    if d.name == "sqlite":
        return conn.execute(walk, [match, *args]).fetchall()
    top = int(conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])
    expected = max(expected_matches(conn, match, probed=probed, args=args), 1.0)
    if expected >= DENSE * top:
        return conn.execute(walk, [match, *args]).fetchall()
    span = int(2 * limit * top / expected)
    found: list[Any] = []
    high, low = top, top - span
    while True:
        with matches_off_the_index(conn):
            found += conn.execute(
                f"SELECT a.rowid{rank} FROM {source} WHERE {d.fts_match}{probed} AND a.rowid > ? AND a.rowid <= ? "
                f"ORDER BY a.rowid DESC LIMIT {limit - len(found)}", [match, *args, low, high]).fetchall()
        if len(found) >= limit or low <= 0:
            return found
        high, low = low, low - _wider(top - low, len(found), limit - len(found))


def expected_matches(conn: Conn, match: str, *, probed: str = "", args: Sequence[Any] = ()) -> float:
    """How many articles the planner expects to match ``match`` (and the filters ``probed``), on PostgreSQL;
    SQLite has no such estimate (``-1``).

    The estimate is the table's statistics: for a word among the most common of the vectors sampled (the
    words a query matches thousands of articles with), its share of the sample, within about 2 % at
    100,000 articles; for a rarer word, a guess below the least common of those.
    """
    d = dialect_of(conn)
    if d.name == "sqlite":
        return -1.0
    source = d.fts_from_keys if probed else d.fts_from
    plan = conn.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {source} WHERE {d.fts_match}{probed}", [match, *args])
    return float(plan.fetchone()[0][0]["Plan"]["Plan Rows"])


def _wider(read: int, found: int, wanted: int) -> int:
    """How many more row ids to read, below the ``read`` newest that held ``found`` matches, for ``wanted``
    more: twice as many as the density found gives, or :data:`WINDOW_GROWTH` times as wide when none.

    >>> _wider(1000, 0, 10), _wider(1000, 100, 50)
    (7000, 1000)
    """
    return read * (WINDOW_GROWTH - 1) if not found else -(-2 * wanted * read // found)


def dialect_of(conn: Conn) -> Dialect:
    """The dialect of a connection: :data:`SQLITE` for ``sqlite3``, else the wrapper's own."""
    if isinstance(conn, sqlite3.Connection):
        return SQLITE
    found: Dialect = getattr(conn, "dialect", SQLITE)
    return found


#: Marks the full-text index puts around matched words: control characters that cleaned text does not contain.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def source_sql(alias: str = "a", *, dialect: Dialect = SQLITE, read_from: bool = True) -> str:
    """SQL for the source an analyst recognises: the site name, else the URL's host, else (with ``read_from``)
    where it was read.

    JSON Lines and folder sources name a file and line per article, which
    makes a useless facet; the host of the article's URL groups them. Without
    ``read_from`` an article of no site and no web address has no source
    (SQL NULL): counted, each such record would be an outlet of its own.
    """
    instr = dialect.instr
    rest = f"substr({alias}.url, {instr}({alias}.url, '://') + 3)"
    host = f"CASE WHEN {alias}.url LIKE 'http%://%' THEN substr({rest}, 1, {instr}({rest} || '/', '/') - 1) END"
    return f"coalesce({alias}.site, {host}, {alias}.source)" if read_from else f"coalesce({alias}.site, {host})"


def published_conditions(date_from: str | None, date_to: str | None, *,
                         alias: str = "a") -> tuple[list[str], list[Any]]:
    """Conditions (and their parameters) for articles published on or after ``date_from`` and on or before
    ``date_to``, each ISO 8601; ``None`` is no bound.

    "On or before" holds to the bound's own precision, so ``2022-11-09`` takes the whole day and
    ``2022-11-09T10:00`` that minute (#15). Every date filter of the store is written here, once.
    """
    where: list[str] = []
    args: list[Any] = []
    if date_from:
        where.append(f"{alias}.published >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"substr({alias}.published, 1, {len(date_to)}) <= ?")
        args.append(date_to)
    return where, args
