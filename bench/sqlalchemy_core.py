"""What SQLAlchemy Core would cost the store: the same statements through the DB-API and through Core.

Two workloads, on SQLite and (with ``--postgres URL``) PostgreSQL:

- search: the store's own search (``store.reader().search``), timed over a set
  of queries; then its candidate statement alone (the query that dominates it),
  run through the DB-API the store uses and through a SQLAlchemy Core
  ``text()`` statement on a pooled connection;
- insert: 1,000 rows into a fact table (``entities``) in one transaction, by
  ``executemany`` on the DB-API and by ``connection.execute(table.insert(), rows)``
  on a Core ``Table``.

SQLAlchemy is not a dependency of newsprism; install it next to this script
(``pip install --target /tmp/sa sqlalchemy`` and ``PYTHONPATH=/tmp/sa``).

Usage: python bench/sqlalchemy_core.py [--articles 20000] [--rounds 20] [--postgres postgresql://...]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsprism.model import Article, Entity, Mention
from newsprism.store import open_store
from newsprism.store.dialect import dialect_of, pyformat
from newsprism.store.search import SearchQuery

WORDS = ("kherson troops withdrawal minister river bridge flood evacuated residents city port strike market "
         "court ruling election police fire storm government president said report water").split()
QUERIES = ["kherson", "minister said", '"river bridge"', "evac*", "flood OR storm", "zzzznotaword"]


def _articles(n: int, *, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    found = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + "."
        name = rng.choice(["Sergei Shoigu", "Valery Gerasimov", "Olaf Scholz", "Emmanuel Macron"])
        start = len(text) + 1
        text += f" {name} spoke."
        found.append(Article(id=f"{i:016x}", text=text, raw_text=text, title=f"Report {i}", source="bench",
                             url=f"https://site{i % 7}.example/{i}", published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}",
                             lang="en", mentions=(Mention(start, start + len(name), name, "PERSON", "e0"),),
                             entities=(Entity("e0", name, "PERSON", (name,), (), 1),)))
    return found


def _median_ms(run: Callable[[], Any], rounds: int) -> float:
    run()  # warm caches and statement caches
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _engine_url(url: str) -> str:
    return f"sqlite:///{url}" if not url.startswith("postgres") else url.replace("postgresql://", "postgresql+psycopg://", 1)


def bench(url: str, *, articles: int, rounds: int) -> dict[str, float]:
    import sqlalchemy as sa

    store = open_store(url)
    if store.count() == 0:
        made = _articles(articles)
        for i in range(0, articles, 1000):
            store.add(made[i:i + 1000])
    reader = store.reader()
    out: dict[str, float] = {}
    out["search, the store's"] = sum(_median_ms(lambda q=q: reader.search(SearchQuery(q)), rounds) for q in QUERIES)
    conn = reader._connect()  # the store's own connection: this measures the store's driver
    d = dialect_of(conn)
    candidates = (f"SELECT {d.fts_rowid}, {d.fts_rank} FROM {d.fts_from} WHERE {d.fts_match} "
                  f"ORDER BY {d.fts_rowid} DESC LIMIT 2001")
    matches = [d.fts_query(q) for q in QUERIES if d.fts_query(q)]
    out["candidates, DB-API"] = sum(_median_ms(lambda m=m: conn.execute(candidates, (m,)).fetchall(), rounds)
                                    for m in matches)
    engine = sa.create_engine(_engine_url(url))
    named = candidates.replace("?", ":q")  # Core's text() binds by name
    with engine.connect() as core:
        if d.name == "postgresql":
            core.execute(sa.text(f"SET search_path TO {store.schema}, public"))  # type: ignore[attr-defined]
        statement = sa.text(named)
        out["candidates, Core text()"] = sum(_median_ms(lambda m=m: core.execute(statement, {"q": m}).fetchall(),
                                                        rounds) for m in matches)
    rows = [(f"x{i:015x}", f"e{i}", f"Name {i}", "PERSON", "[]", 1) for i in range(1000)]
    columns = ("article_id", "entity_id", "name", "label", "variants", "mentions")
    insert = f"INSERT INTO entities ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    table = sa.Table("entities", sa.MetaData(), *(sa.Column(c) for c in columns),
                     schema=getattr(store, "schema", None))

    def dbapi_insert() -> None:
        raw = getattr(store, "_conn", conn)  # the writer: PostgreSQL's read connections are read-only
        if d.name == "sqlite":
            raw.execute("BEGIN")
            raw.executemany(insert, rows)
            raw.execute("ROLLBACK")
        else:
            with raw.transaction(force_rollback=True), raw.cursor() as cur:
                cur.executemany(pyformat(insert), rows)

    dicts = [dict(zip(columns, row, strict=True)) for row in rows]

    def core_insert() -> None:
        with engine.connect() as core:
            core.execute(table.insert(), dicts)
            core.rollback()

    out["insert 1,000, DB-API"] = _median_ms(dbapi_insert, rounds)
    out["insert 1,000, Core"] = _median_ms(core_insert, rounds)
    engine.dispose()
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--postgres", default=None, help="a postgresql:// URL (a schema of its own is best)")
    args = parser.parse_args()
    targets = {"SQLite": str(Path(tempfile.mkdtemp()) / "bench.db")}
    if args.postgres:
        targets["PostgreSQL"] = args.postgres
    for name, url in targets.items():
        print(f"{name}, {args.articles} articles, median of {args.rounds} rounds (ms; search and candidates summed "
              f"over {len(QUERIES)} queries):")
        for what, ms in bench(url, articles=args.articles, rounds=args.rounds).items():
            print(f"  {what:28} {ms:9.2f}")


if __name__ == "__main__":
    main()
