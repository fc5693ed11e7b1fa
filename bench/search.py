"""Web search latency on a synthetic corpus, next to a plain FTS5 query.

Builds (once, then reuses) a store of N synthetic articles whose sentences
are drawn from the Wikinews texts in ``../shared/data/wikinews`` (or from a
small built-in list when absent), with entities and places per article so
facets have real work to do. Then it times, for a set of queries of very
different selectivity:

- anchor: a bare FTS5 ``MATCH`` ordered by bm25, first 20 rows;
- store: ``SQLiteStore.search``, the one search (``store/search.py``) that the
  CLI and the web run too: snippets, capped count, facets over the first
  matches, histogram;
- web: the ``/search.json`` endpoint in process, the same search through the
  ASGI stack;
- filtered: the same endpoint with each of :data:`FILTERS` (a site and a start
  day, an entity, a place, an end day), by relevance and by date, and with no
  query words (the filtered articles, newest first).

With ``--postgres URL`` the corpus is copied, rows and row ids as they are,
into the schema ``bench_search_<N>`` of that server (once, then reused), and
the same forms are timed on the PostgreSQL store; the anchor is then a bare
``to_tsquery`` match on the GIN index ordered by ``ts_rank``, first 20 rows.

Usage: python bench/search.py [--articles 100000] [--db /tmp/newsprism-bench.db] [--rounds 5] [--postgres URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsprism.model import Article, Entity, Mention, Place
from newsprism.store import open_store
from newsprism.store.postgres import ts_query
from newsprism.store.sqlite import SQLiteStore, fts_query

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
QUERIES = ["police", "election", "government minister", "earthquake", "football club", "covid", "president",
           "said", "the", "fire", "\"prime minister\"", "water", "zzzznotaword", "nasa", "court ruling", "report*"]
FALLBACK = ["The government announced new measures on Monday.", "Police said three people were arrested.",
            "The president met the prime minister in the capital.", "An earthquake struck the coast at night.",
            "The football club won the final after extra time.", "Officials reported 120 new cases of covid."]
PEOPLE = ["Anna Weber", "Tom Hale", "Maria Costa", "Lena Park", "Jan Novak", "Ken Ito", "Joe Biden", "Boris Johnson",
          "Angela Merkel", "Emmanuel Macron", "Narendra Modi", "Jacinda Ardern"]
PLACES = [("Paris", 48.85, 2.35), ("Berlin", 52.52, 13.4), ("Tokyo", 35.68, 139.69), ("Lagos", 6.45, 3.39),
          ("Lima", -12.05, -77.04), ("Sydney", -33.87, 151.21), ("Kyiv", 50.45, 30.52), ("Toronto", 43.65, -79.38)]
SOURCES = ["wikinews.org", "example-news.com", "daily.example", "agency.example", "local.example"]
#: Filtered forms, each run on every query by relevance and by date: a site since a day (a fifth of the
#: articles, a third of those), a person and a place each named by a quarter of them, a bound on the date.
FILTERS = {"site+from": {"site": "daily.example", "date_from": "2021-01-01"}, "entity": {"entity": "Joe Biden"},
           "place": {"place": "Paris"}, "date_to": {"date_to": "2019-06-30"}}


def _sentences() -> list[str]:
    path = SHARED / "data" / "wikinews" / "articles.jsonl"
    if not path.exists():
        return FALLBACK
    found: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        text = json.loads(line)["text"]
        found += [s.strip() + "." for s in text.replace("\n", " ").split(". ") if 40 < len(s) < 300]
    return found


def _article(i: int, rng: random.Random, sentences: list[str]) -> Article:
    body = " ".join(rng.choice(sentences) for _ in range(rng.randint(8, 16)))
    people = rng.sample(PEOPLE, 3)
    text = body + " " + " and ".join(people) + " commented. " + " ".join(p[0] for p in rng.sample(PLACES, 2)) + "."
    entities, mentions, places = [], [], []
    for n, name in enumerate(people):
        start = text.rindex(name)
        mentions.append(Mention(start, start + len(name), name, "PERSON", f"e{n}"))
        entities.append(Entity(f"e{n}", name, "PERSON", (name,), (), 1))
    for name, lat, lon in PLACES:
        if f" {name}" in text[-60:]:
            start = text.rindex(name)
            places.append(Place(start, start + len(name), name, name=name, lat=lat, lon=lon))
    day = f"{2019 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return Article(id=f"{i:016x}", text=text, source=SOURCES[i % 5], site=SOURCES[i % 5],
                   url=f"https://{SOURCES[i % 5]}/{i}", title=" ".join(body.split()[:9]), published=day, lang="en",
                   entities=tuple(entities), mentions=tuple(mentions), places=tuple(places))


def build(path: Path, count: int) -> SQLiteStore:
    """The bench corpus, built once (reused when it already holds ``count`` articles)."""
    store = open_store(path)
    assert isinstance(store, SQLiteStore)
    have = store.count()
    if have >= count:
        return store
    rng = random.Random(7)
    sentences = _sentences()
    start = time.perf_counter()
    for first in range(have, count, 2000):
        store.add([_article(i, rng, sentences) for i in range(first, min(first + 2000, count))])
    store._writer.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    print(f"built {count:,} articles in {time.perf_counter() - start:.0f} s")
    return store


def copy_to_postgres(store: SQLiteStore, url: str) -> Any:
    """The bench corpus copied into the schema ``bench_search_<N>`` of the server at ``url``, row ids kept, so
    that both stores hold the same rows in the same order (reused when it already holds them)."""
    from newsprism.store.postgres import PostgresStore
    from newsprism.store.rows import ARTICLE_COLUMNS, FACT_COLUMNS

    count = store.count()
    schema = f"bench_search_{count}"
    target = open_store(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}")
    assert isinstance(target, PostgresStore)
    if target.count() == count:
        return target
    source = store._reader()
    pg = target._conn
    start = time.perf_counter()
    # the facts before the articles: an article's search row, written when its rows are in, takes the names of
    # its entities and places then, where facts copied after it would update every row once more
    tables = {**{table: ("article_id", *columns) for table, columns in FACT_COLUMNS.items()},
              "articles": ("rowid", *ARTICLE_COLUMNS)}
    for table, columns in tables.items():
        pg.execute(f"TRUNCATE {schema}.{table}")
        names = ", ".join(f'"{c}"' for c in columns)
        order = " ORDER BY rowid" if table == "articles" else " ORDER BY article_id, rowid"
        with pg.cursor() as cur, cur.copy(f"COPY {schema}.{table} ({names}) FROM STDIN") as copy:
            for row in source.execute(f"SELECT {names} FROM {table}{order}"):
                copy.write_row(row)
    pg.execute(f"SELECT setval('{schema}.articles_rowid_seq', (SELECT max(rowid) FROM {schema}.articles))")
    for table in ("articles", "article_search", *FACT_COLUMNS):  # statistics for the planner, visibility map
        pg.execute(f"VACUUM ANALYZE {schema}.{table}")
    print(f"copied {count:,} articles to PostgreSQL schema {schema} in {time.perf_counter() - start:.0f} s")
    return target


def _time(func: Callable[[], Any], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/newsprism-bench-search.db")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", metavar="URL", help="time a PostgreSQL copy of the corpus on this server")
    args = parser.parse_args()
    store: Any = build(Path(args.db), args.articles)
    if args.postgres:
        sqlite_store, store = store, copy_to_postgres(store, args.postgres)
        sqlite_store.close()
        conn: Any = store._read_connection()
        match_sql = "SELECT rowid FROM article_search, to_tsquery('simple', np_unaccent(%s)) q WHERE tsv @@ q"
        anchor_sql = f"{match_sql} ORDER BY ts_rank(tsv, q) DESC LIMIT 20"
        native = ts_query
    else:
        conn = store._reader()
        match_sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
        anchor_sql = f"{match_sql} ORDER BY bm25(articles_fts) LIMIT 20"
        native = fts_query

    import httpx

    from newsprism.serve.app import create_app

    app = create_app(store)

    def anchor(query: str) -> None:
        conn.execute(anchor_sql, (native(query),)).fetchall()

    async def web(client: httpx.AsyncClient, query: str, **params: Any) -> None:
        response = await client.get("/search.json", params={"q": query, **params})
        assert response.status_code == 200, response.text

    async def timed(client: httpx.AsyncClient, query: str, **params: Any) -> list[float]:
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            await web(client, query, **params)
            times.append((time.perf_counter() - start) * 1000)
        return times

    async def run_web() -> dict[str, dict[str, list[float]]]:
        # one event loop and one client for the whole run, as a long-running server would have
        transport = httpx.ASGITransport(app=app)
        found: dict[str, dict[str, list[float]]] = {}
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            await web(client, "warm")
            for query in QUERIES:
                found[query] = {"web": await timed(client, query), "web page 5": await timed(client, query, page=5),
                                "web by date": await timed(client, query, sort="date")}
            for name, params in FILTERS.items():
                for query in ["", *QUERIES]:
                    found[f"{name}|{query}"] = {"filtered": await timed(client, query, **params),
                                                "filtered by date": await timed(client, query, sort="date", **params)}
        return found

    web_times = asyncio.run(run_web())
    samples: dict[str, list[float]] = {"anchor": [], "store": [], "web": [], "web page 5": [], "web by date": []}
    plain: dict[str, list[float]] = {key: [] for key in samples}  # without the prefix query
    print(f"{'query':<22}{'matches':>9}{'anchor':>10}{'store':>10}{'web':>10}{'web p5':>10}{'by date':>10}"
          "  (median ms)")
    for query in QUERIES:
        matches = conn.execute(f"SELECT count(*) FROM ({match_sql}) t", (native(query),)).fetchone()[0]
        row = {"anchor": _time(lambda q=query: anchor(q), args.rounds),
               "store": _time(lambda q=query: store.search(q), args.rounds), **web_times[query]}
        for key, values in row.items():
            samples[key] += values
            if "*" not in query:
                plain[key] += values
        print(f"{query:<22}{matches:>9,}" + "".join(f"{statistics.median(v):>10.1f}" for v in row.values()))
    print(f"\n{store.count():,} articles, {len(QUERIES)} queries x {args.rounds} rounds")
    for key, values in samples.items():
        print(f"{key:<11} p50 {_pct(values, .5):7.1f} ms   p95 {_pct(values, .95):7.1f} ms   max {max(values):7.1f} ms")
    print("without prefix queries:")
    for key, values in plain.items():
        print(f"{key:<11} p50 {_pct(values, .5):7.1f} ms   p95 {_pct(values, .95):7.1f} ms   max {max(values):7.1f} ms")
    print(f"web/anchor p95 ratio: {_pct(samples['web'], .95) / max(_pct(samples['anchor'], .95), 1e-9):.1f}")
    print(f"\nfiltered, {len(FILTERS)} filters x {len(QUERIES) + 1} queries (and none) x {args.rounds} rounds")
    print(f"{'filter':<11}{'relevance p50':>15}{'p95':>9}{'max':>9}{'by date p50':>14}{'p95':>9}{'max':>9}  (ms)")
    for name in FILTERS:
        rows = [times for key, times in web_times.items() if key.startswith(f"{name}|")]
        line = f"{name:<11}"
        for key in ("filtered", "filtered by date"):
            values = [v for row in rows for v in row[key]]
            line += f"{_pct(values, .5):>15.1f}{_pct(values, .95):>9.1f}{max(values):>9.1f}"
        print(line)
    every = [v for key, row in web_times.items() if "|" in key for values in row.values() for v in values]
    print(f"every filtered form: p50 {_pct(every, .5):.1f} ms   p95 {_pct(every, .95):.1f} ms   max {max(every):.1f} ms")
    slowest = sorted(((statistics.median(v), key, kind) for key, row in web_times.items() if "|" in key
                      for kind, v in row.items()), reverse=True)[:3]
    print("slowest: " + "; ".join(f"{key.replace('|', ' ')} {kind} {ms:.0f} ms" for ms, key, kind in slowest))
    store.close()


if __name__ == "__main__":
    main()
