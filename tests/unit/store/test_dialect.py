"""The store's SQL dialect layer: one query text, both stores."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.model import Article
from newsprism.store import Store
from newsprism.store.dialect import POSTGRES, SQLITE, PgConnection, dialect_of, source_sql


class _Recorder:
    """Stands in for a psycopg connection: records what it was asked to run."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def execute(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        self.calls.append((sql, params))
        return []


@pytest.mark.parametrize(("sql", "sent"), [
    ("SELECT id FROM articles WHERE id = ?", "SELECT id FROM articles WHERE id = %s"),
    ("SELECT 1 WHERE a.url LIKE 'http%://%' AND a.id IN (?, ?)",
     "SELECT 1 WHERE a.url LIKE 'http%%://%%' AND a.id IN (%s, %s)"),
    ("SELECT count(*) FROM articles", "SELECT count(*) FROM articles"),  # nothing to translate
])
def test_dialect_pg_connection_translates_placeholders(sql: str, sent: str) -> None:
    raw = _Recorder()
    PgConnection(raw).execute(sql, ["x", "y"][:sql.count("?")])
    assert raw.calls == [(sent, tuple(["x", "y"][:sql.count("?")]))]


def test_dialect_of_tells_the_backends_apart() -> None:
    import sqlite3

    with sqlite3.connect(":memory:") as conn:
        assert dialect_of(conn) is SQLITE
    assert dialect_of(PgConnection(_Recorder())) is POSTGRES


@pytest.mark.parametrize(("url", "site", "source", "expected"), [
    ("https://www.example.org/news/1", None, "feed", "www.example.org"),
    ("http://example.org", None, "feed", "example.org"),
    ("https://www.example.org/news/1", "Example News", "feed", "Example News"),
    (None, None, "articles.jsonl:3", "articles.jsonl:3"),
    ("file:///tmp/a.html", None, "a.html", "a.html"),  # not a web address: where it was read
])
def test_dialect_source_sql_same_on_both_stores(store: Store, url: str | None, site: str | None, source: str,
                                                expected: str) -> None:
    from newsprism.store.search import SearchQuery

    store.add([Article(id="abcdabcdabcdabcd", text="Some text.", url=url, site=site, source=source)])
    conn = store.reader()._connect()  # the store's own connection: this test checks the store's SQL
    row = conn.execute(f"SELECT {source_sql(dialect=dialect_of(conn))} FROM articles a").fetchone()
    assert row[0] == expected
    assert [hit.source for hit in store.reader().search(SearchQuery()).hits] == [expected]


@pytest.mark.parametrize(("published", "order"), [
    (["2022-11-09", None, "2022-11-10"], ["c", "a", "b"]),  # undated last, newest first
    (["2021-01-01", "2021-01-01T08:00:00", "2020-12-31"], ["b", "a", "c"]),
])
def test_dialect_undated_articles_sort_last_on_both_stores(store: Store, published: list[str | None],
                                                           order: list[str]) -> None:
    from newsprism.store.search import SearchQuery

    store.add([Article(id=name * 16, text=f"Report {name}.", source="s", published=date)
               for name, date in zip("abc", published, strict=True)])
    page = store.reader().search(SearchQuery(sort="date"))
    assert [hit.id[0] for hit in page.hits] == order
