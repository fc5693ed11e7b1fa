"""Full-text search for the web UI (SQLite FTS5 or PostgreSQL tsvector), with a bounded cost per request.

A query word like "said" matches most of a 100k-article corpus, and ranking,
counting or faceting every match costs time in proportion to the matches.
So every step here looks at a bounded number of them:

1. Candidates: the matches in index order, newest ingested first, at most
   :data:`RANK_CAP` of them, each with its bm25 score (FTS5 can stop early
   when walking its index by rowid, it cannot when sorting by score).
2. When there are no more than that, ranking, the total and the facets are
   exact. Otherwise the page ranks the candidates by relevance, the total is
   counted up to :data:`COUNT_CAP`, and the page says so. Sorting by date
   stays exact: up to :data:`COUNT_CAP` matches are sorted, more are found by
   walking the date index (they are dense, so the walk ends early).
3. Snippets are made for the page's hits only (one indexed lookup each),
   never for every match: SQLite computes result columns before sorting.
4. Facets and the histogram aggregate the first :data:`FACET_CAP` candidates.

On PostgreSQL the same steps run on the store's ``tsvector`` column, with
``ts_rank`` and ``ts_headline`` (the fragments are in ``serve/dialect.py``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .dialect import Conn, Dialect, dialect_of
from .groups import EntityGroups
from .queries import Features, source_sql

#: Marks the full-text index puts around matched words: control characters that cleaned text does not contain.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
_MARKS = re.compile("([\x02\x03])")
RANK_CAP = 2_000
COUNT_CAP = 10_000
FACET_CAP = 500


@dataclass(frozen=True, slots=True)
class SearchParams:
    """What a search page asks for."""

    q: str = ""
    source: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    place: str | None = None
    story: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass(slots=True)
class SearchPage:
    """One page of search results with facets and the time histogram."""

    hits: list[dict[str, Any]]
    total: int
    total_exact: bool
    has_next: bool
    ranked_among: int | None = None
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    facets_exact: bool = True
    histogram: list[tuple[str, int]] = field(default_factory=list)


def _filters(params: SearchParams, groups: EntityGroups, feats: Features,
             dialect: Dialect) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    until = f"substr(a.published, 1, {len(params.date_to or '')}) <= ?"  # to the bound's precision (#15)
    simple = {source_sql(dialect=dialect) + " = ?": params.source, "a.lang = ?": params.lang,
              "a.published >= ?": params.date_from, until: params.date_to,
              "a.id IN (SELECT article_id FROM places WHERE coalesce(name, text) = ?)": params.place}
    for sql, value in simple.items():
        if value:
            where.append(sql)
            args.append(value)
    if params.entity:
        names = sorted(groups.members(params.entity))
        where.append(f"a.id IN (SELECT article_id FROM entities WHERE name IN ({','.join('?' * len(names))}))")
        args += names
    if params.story and feats.stories:
        where.append("a.id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        args.append(params.story)
    return "".join(f" AND {w}" for w in where), args


def search(conn: Conn, params: SearchParams, *, groups: EntityGroups, feats: Features) -> SearchPage:
    """One page of results (see the module docstring for the bounds)."""
    d = dialect_of(conn)
    where, args = _filters(params, groups, feats, d)
    match = d.fts_query(params.q)
    offset = (max(params.page, 1) - 1) * params.per_page
    if not match:
        return _browse(conn, params, where, args, offset, feats)
    # 1. candidates, newest ingested first, with their scores
    candidates = conn.execute(
        f"SELECT {d.fts_rowid}, {d.fts_rank} FROM {_fts_from(d, where)} "
        f"WHERE {d.fts_match}{where} ORDER BY {d.fts_rowid} DESC LIMIT {RANK_CAP + 1}",
        [match, *args]).fetchall()
    exact = len(candidates) <= RANK_CAP
    candidates = candidates[:RANK_CAP]
    # 2. total, order
    total = len(candidates) if exact else _count(conn, match, where, args)
    if params.sort == "date":
        sortable = candidates if exact else (None if total > COUNT_CAP and "*" not in match else [])
        rowids = _by_date(conn, match, where, args, sortable, limit=params.per_page + 1, offset=offset)
    else:
        ranked = [r[0] for r in sorted(candidates, key=lambda r: (r[1], -r[0]))]
        rowids = ranked[offset:offset + params.per_page + 1]
    page = SearchPage(hits=_hits(conn, match, rowids[:params.per_page]), total=min(total, COUNT_CAP),
                      total_exact=total <= COUNT_CAP, has_next=len(rowids) > params.per_page,
                      ranked_among=None if exact else RANK_CAP)
    _facets(conn, page, [r[0] for r in candidates[:FACET_CAP]], feats)
    page.facets_exact = exact and total <= FACET_CAP
    return page


def _fts_from(dialect: Dialect, where: str) -> str:
    # SQLite: join the articles only when a filter needs them, the join doubles the cost
    return dialect.fts_from_joined if where else dialect.fts_from


def _by_date(conn: Conn, match: str, where: str, args: list[Any], candidates: list[Any] | None,
             *, limit: int, offset: int) -> list[int]:
    """A page of matches, newest first, exactly.

    ``candidates`` holds every match (sort them), or is empty (up to
    :data:`COUNT_CAP` matches or a prefix query: read them all, then sort), or
    is ``None``: more than :data:`COUNT_CAP` matches are dense enough that
    walking the date index and testing each article ends after a few hundred
    probes, where a prefix query would merge its doclists on every probe.
    """
    d = dialect_of(conn)
    if candidates is not None:
        if not candidates:  # up to COUNT_CAP matches, or a prefix query: sort the whole match set
            candidates = conn.execute(f"SELECT {d.fts_rowid} FROM {_fts_from(d, where)} "
                                      f"WHERE {d.fts_match}{where}", [match, *args]).fetchall()
        sql = (f"SELECT rowid FROM articles WHERE rowid IN ({d.json_values(as_type='BIGINT')}) "
               f"ORDER BY published DESC{d.nulls_last}, rowid DESC LIMIT ? OFFSET ?")
        return [r[0] for r in conn.execute(sql, (json.dumps([c[0] for c in candidates]), limit, offset))]
    sql = (f"SELECT a.rowid FROM articles a WHERE {d.fts_exists}{where} "
           f"ORDER BY a.published DESC{d.nulls_last}, a.rowid DESC LIMIT ? OFFSET ?")
    return [r[0] for r in conn.execute(sql, [match, *args, limit, offset])]


def _count(conn: Conn, match: str, where: str, args: list[Any]) -> int:
    d = dialect_of(conn)
    sql = (f"SELECT count(*) FROM (SELECT 1 FROM {_fts_from(d, where)} WHERE {d.fts_match}{where} "
           f"LIMIT {COUNT_CAP + 1}) t")
    return int(conn.execute(sql, [match, *args]).fetchone()[0])


def _hits(conn: Conn, match: str, rowids: list[int]) -> list[dict[str, Any]]:
    d = dialect_of(conn)
    hits = []
    for rowid in rowids:  # 3. snippets for this page only
        r = conn.execute(
            f"SELECT a.id, a.url, {source_sql(dialect=d)}, a.published, a.lang, {d.fts_snippet}, {d.fts_title} "
            f"FROM {d.fts_from_joined} WHERE {d.fts_match} AND {d.fts_rowid} = ?", (match, rowid)).fetchone()
        if r is not None:
            hits.append({"id": r[0], "url": r[1], "source": r[2], "published": r[3], "lang": r[4],
                         "snippet": r[5] or "", "title": r[6] or ""})
    return hits


def _browse(conn: Conn, params: SearchParams, where: str, args: list[Any], offset: int,
            feats: Features) -> SearchPage:
    """No words: filtered articles, newest first."""
    d = dialect_of(conn)
    cond = " WHERE 1=1" + where
    order = f"ORDER BY a.published DESC{d.nulls_last}, a.rowid DESC"
    rows = conn.execute(
        f"SELECT a.id, a.url, {source_sql(dialect=d)}, a.published, a.lang, substr(a.text, 1, 240), a.title "
        f"FROM articles a{cond} {order} LIMIT ? OFFSET ?",
        [*args, params.per_page + 1, offset]).fetchall()
    hits = [{"id": r[0], "url": r[1], "source": r[2], "published": r[3], "lang": r[4], "snippet": r[5] or "",
             "title": r[6] or ""} for r in rows[:params.per_page]]
    total = int(conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles a{cond} LIMIT {COUNT_CAP + 1}) t",
                             args).fetchone()[0])
    page = SearchPage(hits=hits, total=min(total, COUNT_CAP), total_exact=total <= COUNT_CAP,
                      has_next=len(rows) > params.per_page)
    sample = [r[0] for r in conn.execute(
        f"SELECT a.rowid FROM articles a{cond} {order} LIMIT {FACET_CAP}", args)]
    _facets(conn, page, sample, feats)
    page.facets_exact = total <= FACET_CAP
    return page



def _facets(conn: Conn, page: SearchPage, rowids: list[int], feats: Features) -> None:
    """4. Facet counts and the monthly histogram over ``rowids``."""
    d = dialect_of(conn)
    rows = conn.execute(f"SELECT a.id, {source_sql(dialect=d)}, a.lang, a.published FROM articles a "
                        f"WHERE a.rowid IN ({d.json_values(as_type='BIGINT')})", (json.dumps(rowids),)).fetchall()
    counts: dict[str, Counter[str]] = {"source": Counter(), "lang": Counter(), "month": Counter()}
    for _id, source, lang, published in rows:
        counts["source"][source or "?"] += 1
        counts["lang"][lang or "?"] += 1
        if published:
            counts["month"][published[:10]] += 1  # days; the chart merges them as the span grows
    page.facets["source"] = sorted(counts["source"].items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    page.facets["lang"] = sorted(counts["lang"].items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    page.histogram = sorted(counts["month"].items())
    ids = json.dumps([r[0] for r in rows])
    sample = f"({d.json_values(column='id')})"
    queries = {
        "entity": f"SELECT e.name, count(DISTINCT e.article_id) FROM {sample} m JOIN entities e "
                  "ON e.article_id = m.id WHERE e.label IN ('PERSON', 'ORG', 'GPE', 'NORP', 'LOC') "
                  "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15",
        "place": f"SELECT coalesce(p.name, p.text), count(DISTINCT p.article_id) FROM {sample} m JOIN places p "
                 "ON p.article_id = m.id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15",
    }
    if feats.stories:
        queries["story"] = (f"SELECT sa.story_id, count(*) FROM {sample} m JOIN story_articles sa "
                            "ON sa.article_id = m.id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10")
    for name, sql in queries.items():
        page.facets[name] = [(str(k), int(v)) for k, v in conn.execute(sql, (ids,)).fetchall() if k]


def marked_segments(text: str) -> list[tuple[str, bool]]:
    """Split a marked snippet into ``(text, highlighted)`` pieces; stray marks are dropped.

    The template escapes each piece and wraps highlighted ones in ``<mark>``,
    so no article text is ever interpreted as markup.

    >>> marked_segments("a \\x02b\\x03 c")
    [('a ', False), ('b', True), (' c', False)]
    """
    pieces: list[tuple[str, bool]] = []
    inside = False
    for part in _MARKS.split(text):
        if part in (MARK_OPEN, MARK_CLOSE):
            inside = part == MARK_OPEN
        elif part:
            pieces.append((part, inside))
    return pieces
