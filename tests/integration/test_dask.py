"""The Dask engine on a real cluster stores exactly what one process stores (#18), on SQLite and on
PostgreSQL (#17).

A ``distributed.LocalCluster`` of two worker processes with two threads each (threads are Dask's
default) runs ``newsprism ingest --engine dask``; the same input, spelled differently (relative
paths, ``./``, a symbolic link), goes through ``--workers 1``. Every stored article's JSON, every
fact row, the seen documents, the failures and the corpus links must be identical. Before #18 a
worker ran two batches at once in threads and a document lost all its facts to an ``E900``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprism.model import article_to_json
from newsprism.store import open_store

pytestmark = pytest.mark.issue(18)

EXAMPLES = (Path(__file__).resolve().parents[2] / "examples").resolve()
#: 45 documents (pages, feed items, WARC records, JSON Lines rows, text scrapes) that make 20 articles.
INPUTS = ("html", "text", "articles.jsonl", "feed.xml", "pages.warc.gz", "kherson-scraped.txt")
#: Small batches, so that many tasks reach the four worker threads at the same time.
BATCH = "2"
#: Columns that say when, not what.
_WHEN = {"failures": ("id", "run_id", "at")}
_SKIPPED_TABLES = ("runs", "meta", "articles")  # articles are compared through their JSON form


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a real local cluster: two worker processes of two threads each."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


def _ingest(db: Path | str, specs: list[str], *options: str, cwd: Path) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "newsprism", "--setting", "batch_size", BATCH,
           "ingest", *specs, "--db", str(db), "--no-progress", *options]
    return subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait(process: subprocess.Popen[str]) -> None:
    _, errors = process.communicate(timeout=600)
    assert process.returncode == 0, errors[-3000:]


def _articles(db: Path) -> dict[str, dict[str, Any]]:
    store = open_store(db)
    try:
        return {article.id: article_to_json(article) for article in store.iter_articles()}
    finally:
        store.close()


def _tables(db: Path) -> dict[str, list[str]]:
    """Every other table's rows (facts, seen, failures, links), sorted, without the columns that say when."""
    tables: dict[str, list[str]] = {}
    with sqlite3.connect(db) as conn:
        names = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            if name in _SKIPPED_TABLES or name.startswith("articles_fts"):
                continue
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            columns = [column[0] for column in cursor.description]
            keep = [i for i, column in enumerate(columns) if column not in _WHEN.get(name, ())]
            tables[name] = sorted(repr(tuple(row[i] for i in keep)) for row in cursor)
    return tables


def _first_difference(got: dict[str, dict[str, Any]], expected: dict[str, dict[str, Any]]) -> str | None:
    for article_id in sorted(set(got) | set(expected)):
        if article_id not in got or article_id not in expected:
            return f"article {article_id} is stored by {'one process' if article_id in expected else 'Dask'} only"
        mine, theirs = got[article_id], expected[article_id]
        for field in sorted(set(mine) | set(theirs)):
            if mine.get(field) != theirs.get(field):
                return (f"article {article_id} ({theirs.get('source')}) differs in {field!r}:\n"
                        f"  Dask:        {json.dumps(mine.get(field))[:600]}\n"
                        f"  one process: {json.dumps(theirs.get(field))[:600]}")
    return None


def test_dask_threaded_workers_store_what_one_process_stores(tmp_path: Path, scheduler: str) -> None:
    # One process reads the examples through a link, with relative './' paths from the link's folder;
    # Dask reads them by their absolute paths. Both must name every document the same way.
    (tmp_path / "link").symlink_to(EXAMPLES, target_is_directory=True)
    # Both run at once: the cluster's workers do the Dask run's work, so the two hardly wait for each other.
    one = _ingest(tmp_path / "one.db", [f"./link/{name}" for name in INPUTS], "--workers", "1", cwd=tmp_path)
    dask = _ingest(tmp_path / "dask.db", [str(EXAMPLES / name) for name in INPUTS], "--engine", "dask",
                   "--scheduler", scheduler, cwd=tmp_path)
    _wait(one), _wait(dask)

    expected, got = _articles(tmp_path / "one.db"), _articles(tmp_path / "dask.db")
    assert len(expected) >= 20
    assert not any(issue["code"].startswith("E") for article in expected.values() for issue in article["issues"])
    assert all(article["source"].startswith(str(EXAMPLES) + os.sep) for article in expected.values())
    difference = _first_difference(got, expected)
    assert difference is None, difference
    expected_rows, got_rows = _tables(tmp_path / "one.db"), _tables(tmp_path / "dask.db")
    assert expected_rows["mentions"] and expected_rows["story_articles"]  # facts were found and linked
    for table in sorted(set(expected_rows) | set(got_rows)):
        assert got_rows.get(table) == expected_rows.get(table), f"table {table} differs"


def _postgres_corpus(url: str) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """Every article's JSON, and the failures and every link table's rows (sorted), through the store's API."""
    from newsprism.store.links import LINK_ROWS

    store = open_store(url)
    try:
        articles = {article.id: article_to_json(article) for article in store.iter_articles()}
        rows = {kind.__name__: sorted(repr(row) for row in store.link_rows(kind)) for kind in LINK_ROWS}
        rows["failures"] = sorted(repr((f["source"], f["url"], f["code"], f["message"]))
                                  for f in store.failures(limit=100_000))
        return articles, rows
    finally:
        store.drop_everything()  # type: ignore[attr-defined]
        store.close()


@pytest.mark.issue(17)
def test_dask_on_postgresql_stores_what_one_process_stores(tmp_path: Path, scheduler: str,
                                                          postgres_url: Any) -> None:
    one_url, dask_url = postgres_url("one"), postgres_url("dask")
    if one_url is None or dask_url is None:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    specs = [str(EXAMPLES / name) for name in INPUTS]
    one = _ingest(one_url, specs, "--workers", "1", cwd=tmp_path)
    dask = _ingest(dask_url, specs, "--engine", "dask", "--scheduler", scheduler, cwd=tmp_path)
    _wait(one), _wait(dask)

    (expected, expected_rows), (got, got_rows) = _postgres_corpus(one_url), _postgres_corpus(dask_url)
    assert len(expected) >= 20 and sum(len(article["mentions"]) for article in expected.values()) > 100
    difference = _first_difference(got, expected)
    assert difference is None, difference
    assert expected_rows["StoryArticleRow"] and expected_rows["CorpusEntityRow"]  # the corpus was linked
    for table in sorted(set(expected_rows) | set(got_rows)):
        assert got_rows.get(table) == expected_rows.get(table), f"{table} differs"
