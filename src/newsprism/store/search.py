"""The one full-text search of a corpus (SQLite FTS5 or PostgreSQL tsvector), with a bounded cost per request.

``newsprism search``, the Python API (``store.search``) and the web's
``/search`` and ``/search.json`` all run :func:`search`, so the same query
and filters give the same hits everywhere (#14). A query word like "said"
matches most of a 100k-article corpus, and ranking, counting or faceting
every match costs time in proportion to the matches. So every step here
looks at a bounded number of them:

1. Candidates: the matches in index order, newest ingested first, at most
   :data:`RANK_CAP` of them, each with its bm25 score (FTS5 can stop early
   when walking its index by rowid, it cannot when sorting by score).
2. When there are no more than that, ranking, the total and the facets are
   exact. Otherwise the page ranks the candidates by relevance, the total is
   counted up to :data:`COUNT_CAP` (up to :data:`FILTER_COUNT_CAP` under a
   filter), and the page says so. Sorting by date stays exact: up to that many
   matches (and every match of an unfiltered prefix query) are read, and their
   page is read off the date index when they are dense enough
   (:func:`_walk_dates`), else sorted; more are found by walking the date index
   and testing each article (they are dense, so the walk ends early).
3. Snippets are made for the page's hits only, in one query, never for
   every match: SQLite computes result columns before sorting.
4. Facets and the histogram aggregate the first :data:`FACET_CAP` candidates.

The filters, each written once (:func:`_filters`):

- ``source``: exactly the source an analyst sees in the facet: the site's
  name, else the host of the article's URL, else where it was read (a file).
- ``site``: exactly the site name the page gave.
- ``lang``: the article's language code.
- ``date_from`` / ``date_to``: published on or after / on or before, the
  latter to the bound's precision (a day, or a minute of it).
- ``entity``: the articles naming the entity the name means, manual merges
  and splits included (:meth:`CorpusReader.entity_names
  <newsprism.store.reader.CorpusReader.entity_names>`).
- ``place``: a place by its gazetteer name (or as written when unresolved).
- ``story``: the articles of one story (none when the corpus has no stories).

On PostgreSQL the same steps run on the ``tsvector`` of each article's narrow
search row (``article_search``, beside the columns the filters test and the
names of the article's entities and places, each indexed), with
``ts_rank`` and ``ts_headline``: full-text is the only per-database branch
(the fragments are in ``store/dialect.py``). Matches are counted, and the
newest of them found (:func:`~newsprism.store.dialect.newest_matches`), off
the GIN index's bitmap rather than by testing row after row.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..codes import Code
from .base import SearchFilters, SearchHit, SearchResult, check_search_values
from .dialect import (
    MARK_CLOSE,
    MARK_OPEN,
    Conn,
    Dialect,
    dialect_of,
    expected_matches,
    matches_off_the_index,
    newest_matches,
    published_conditions,
    source_sql,
    walking_dates,
)
from .reads import Features

_MARKS = re.compile("([\x02\x03])")
RANK_CAP = 2_000
COUNT_CAP = 10_000
#: Under a filter, matches are counted up to this many (not above :data:`COUNT_CAP`, nor below
#: :data:`RANK_CAP`): each is tested against the filters on its article, about 3 µs a match, and a
#: filter passing one match in fifteen read all 100,000 matches of "the" at 100,000 articles (325 ms)
#: to count its 6,666.
FILTER_COUNT_CAP = 2_000
#: A word the database's statistics expect in this many times :data:`COUNT_CAP` articles has more (:func:`_count`).
SURELY_MORE = 1.5
#: A PostgreSQL full-text query of one word or one prefix: ``'police'``, ``'report':*``.
_ONE_TERM = re.compile(r"'(?:[^']|'')+'(?::\*)?")
FACET_CAP = 500
#: A page sorted by date is read off the date index when it lies within this many times its end.
WALK_SPAN = 64
#: A filter naming no more articles than this is read by sorting them, a broader one off the date index.
FEW_TO_SORT = 2_000


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a search asks for: words in the query language (:mod:`newsprism.store.query`), filters, order, page.

    ``None`` means no filter. Dates are ISO 8601 (``2022-11-09``, or with a time); ``date_to`` includes
    the day (or the minute) it names. ``lang`` is a language code such as ``en``.

    >>> SearchQuery("kherson", lang="EN", date_to="2022-11-09").lang
    'en'

    Raises:
        BadValueError: a date that is not ISO 8601 (``E170``), a language that is not a code (``E171``),
            a sort that is neither ``relevance`` nor ``date`` (``E177``), a negative limit or offset
            (``E161``).
    """

    text: str = ""
    source: str | None = None
    site: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    place: str | None = None
    story: str | None = None
    sort: str = "relevance"
    limit: int = 20
    offset: int = 0

    def __post_init__(self) -> None:
        from ..errors import BadValueError

        check_search_values(self)
        if self.limit < 0 or self.offset < 0:
            raise BadValueError(f"limit and offset must be 0 or more, not {self.limit} and {self.offset}",
                                code=Code.NEGATIVE_PAGE)


@dataclass(frozen=True, slots=True)
class PageHit:
    """One matching article. ``title`` and ``snippet`` hold the matched words between
    :data:`~newsprism.store.dialect.MARK_OPEN` and :data:`~newsprism.store.dialect.MARK_CLOSE`
    (see :func:`marked_segments`, :func:`bracketed`); ``score`` is higher for better matches
    (0 without query words)."""

    id: str
    url: str | None
    source: str | None
    site: str | None
    published: str | None
    lang: str | None
    title: str
    snippet: str
    score: float = 0.0


@dataclass(slots=True)
class SearchPage:
    """One page of search results with facets and the time histogram.

    ``total`` is exact up to ``count_cap`` (``total_exact``; else there are more than ``count_cap``):
    :data:`COUNT_CAP`, or :data:`FILTER_COUNT_CAP` under a filter; ``ranked_among`` is set when relevance
    ranked only the newest :data:`RANK_CAP` matches; facets (value, count) and the histogram (day, count)
    aggregate the first :data:`FACET_CAP` matches (``facets_exact``).
    """

    hits: list[PageHit]
    total: int
    total_exact: bool
    has_next: bool
    count_cap: int = COUNT_CAP
    ranked_among: int | None = None
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    facets_exact: bool = True
    histogram: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Where:
    """The filters as SQL: ``sql`` is `` AND``-joined conditions on ``articles a`` (empty without filters),
    ``args`` their values; ``probed`` the same conditions with the same values, each filter naming its
    articles looked up for the article at hand; ``among`` holds the filters that name their articles by a
    subquery, with their values (they are in ``sql`` too), ``dates`` and ``date_args`` the bounds on the
    publication date."""

    sql: str
    args: list[Any]
    probed: str
    among: list[tuple[str, list[Any]]]
    dates: str
    date_args: list[Any]


def _filters(query: SearchQuery, entity_names: Collection[str], feats: Features,
             dialect: Dialect) -> _Where:
    where, args = published_conditions(query.date_from, query.date_to)
    if query.date_to and (before := _before(query.date_to)):
        # The same bound as a range of the date index, where substr() made both stores test every newer
        # article (83,000 of 100,000 for a page before mid-2019: 0.9 s on PostgreSQL).
        where.append("a.published < ?")
        args.append(before)
    dates, date_args = "".join(f" AND {w}" for w in where), list(args)
    simple = {source_sql(dialect=dialect) + " = ?": query.source, "a.site = ?": query.site, "a.lang = ?": query.lang}
    for sql, value in simple.items():
        if value:
            where.append(sql)
            args.append(value)
    if query.story and not feats.stories:  # no stories: no article is in this one
        where.append("1 = 0")
    # the filters that name their articles, by a subquery, with the column of the search row holding the names
    named: list[tuple[str, list[Any], str]] = []
    if query.place:
        named.append(("SELECT article_id FROM places WHERE coalesce(name, text) = ?", [query.place], "place_names"))
    if query.entity:
        names = sorted(entity_names)
        named.append((f"SELECT article_id FROM entities WHERE name IN ({','.join('?' * len(names))})", names,
                       "entity_names"))
    if query.story and feats.stories:
        named.append(("SELECT article_id FROM story_articles WHERE story_id = ?", [query.story], ""))
    probed = list(where)
    for sql, values, column in named:
        where.append(f"a.id IN ({sql})")
        # Testing a few thousand articles, one index lookup each is cheaper than making the list: a quarter
        # of 100,000 articles name one person, and the pass for 2,000 matches of "the" took 61 ms, 44 this way.
        # Cheaper still, the names in the search row (PostgreSQL): their index is ANDed with the match's.
        probed.append(dialect.names_among(column, len(values)) if column and dialect.names_in_row
                      else f"EXISTS ({sql} AND article_id = a.id)")
        args += values
    among = [(sql, values) for sql, values, _ in named]
    return _Where("".join(f" AND {w}" for w in where), args, "".join(f" AND {w}" for w in probed), among,
                  dates, date_args)


def _before(date_to: str) -> str | None:
    """A string every date that does not start after ``date_to`` sorts before: its last digit that is not
    a 9 raised by one, the 9s after it dropped (``2022-06-29`` gives ``2022-06-3``), so that it holds digits
    only and sorts as in byte order under a collation that ignores punctuation too; ``None`` when there is
    no such digit.

    >>> _before("2022-06-29"), _before("2022-11-09T10:00")
    ('2022-06-3', '2022-11-09T10:01')
    """
    kept = date_to.rstrip("9")
    if not kept or not kept[-1].isdigit():
        return None
    return kept[:-1] + chr(ord(kept[-1]) + 1)


def _dated_from(conn: Conn, where: _Where, *, many: bool = False) -> str:
    """The FROM clause reading filtered articles newest first; ``many`` when the filters are known to pass
    more articles than were counted.

    SQLite drives such a read from a filter's subquery when there is one, and sorts every article it
    names: the 25,000 articles naming one person took 131 ms for a page (556 ms with a match tested on
    each) at 100,000 articles. Walking the date index and testing the filter on each article stops at
    the page, so it is forced unless a filter names few articles, which are quicker sorted. Filters on
    the article's own columns alone are read off the date index too when they pass many: SQLite read the
    articles of a site off the site's index and tested the match on each (300 ms for 20,000 articles).
    """
    if dialect_of(conn).name != "sqlite" or not (where.among or many) or any(
            conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {FEW_TO_SORT + 1}) t", values).fetchone()[0]
            <= FEW_TO_SORT for sql, values in where.among):
        return "articles a"
    return "articles a INDEXED BY articles_published"


def _walked(dated: str, where: _Where) -> str:
    """The filters of a read from ``dated`` (:func:`_dated_from`): walking the date index, each article's
    filters are looked up (a list of the 25,000 articles naming one person took 15 to 30 ms to make, for
    a page found among a hundred); else the filters' lists drive the read."""
    return where.probed if "INDEXED BY" in dated else where.sql


def search(conn: Conn, query: SearchQuery, *, entity_names: Collection[str], feats: Features) -> SearchPage:
    """One page of results (see the module docstring for the bounds and the filters).

    ``entity_names`` are the names of the entity ``query.entity`` means.

    Raises:
        QueryError: when the query cannot be read.
    """
    d = dialect_of(conn)
    w = _filters(query, entity_names, feats, d)
    where, args = w.sql, w.args
    match = d.fts_query(query.text)
    if not match:
        return _browse(conn, query, w, feats)
    # 1. candidates, newest ingested first, with their scores
    matched: list[int] | None = None  # every match, when they were read
    cap = max(min(FILTER_COUNT_CAP, COUNT_CAP), RANK_CAP) if where else COUNT_CAP  # the pass reads the candidates
    if where:
        # The filters are tested once, in one pass reading up to `cap` matches (a filter's subquery is
        # made again by each statement that holds it: 50 to 90 ms for one person named by a quarter of
        # 100,000 articles), which scores those that pass: scoring the candidates apart walked their range
        # of matches again (a site since a day: 40 ms for 'said', 23 in one pass). By date, only the
        # page's hits are scored (a score for each of 2,000 took 12 to 26 ms).
        rank = query.sort != "date"
        rows = newest_matches(conn, match, limit=cap + 1, probed=w.probed, args=args, ranked=rank)
        found = [int(r[0]) for r in rows]
        candidates = [(int(r[0]), r[1] if rank else 0.0) for r in rows[:RANK_CAP + 1]]
        total = len(found)
        matched = found if total <= cap else None
    else:
        candidates = newest_matches(conn, match, limit=RANK_CAP + 1)
        if len(candidates) <= RANK_CAP:
            total = len(candidates)
        elif query.sort == "date" and d.count_reads_rows:  # the matches counted are those a page by date sorts
            ids = None if _surely_more(conn, match) else _match_ids(conn, match)
            total = COUNT_CAP + 1 if ids is None else len(ids)
            matched = ids if total <= COUNT_CAP else None
        else:
            total = _count(conn, match)
    exact = len(candidates) <= RANK_CAP
    candidates = candidates[:RANK_CAP]
    scores = {int(r[0]): -float(r[1]) for r in candidates}
    # 2. total, order
    if query.sort == "date":
        if exact:
            matched = [int(r[0]) for r in candidates]
        elif matched is None and not where and (total <= COUNT_CAP or ("*" in match and d.prefix_probe_costly)):
            # up to COUNT_CAP matches, or a prefix query costly to test per article: read the whole match set
            with matches_off_the_index(conn):
                matched = [int(r[0]) for r in conn.execute(
                    f"SELECT {d.fts_rowid} FROM {d.fts_from} WHERE {d.fts_match}", [match])]
        rowids = _by_date(conn, match, w, matched, limit=query.limit + 1, offset=query.offset)
    else:
        ranked = [r[0] for r in sorted(candidates, key=lambda r: (r[1], -r[0]))]
        rowids = ranked[query.offset:query.offset + query.limit + 1]
    if where and query.sort == "date":  # the hits among the candidates get their scores, as without filters
        scores = {int(r[0]): -float(r[1]) for r in _scored(
            conn, match, [int(r) for r in rowids[:query.limit] if int(r) in scores])}
    page = SearchPage(hits=_hits(conn, match, rowids[:query.limit], scores), total=min(total, cap),
                      total_exact=total <= cap, has_next=len(rowids) > query.limit, count_cap=cap,
                      ranked_among=None if exact else RANK_CAP)
    _facets(conn, page, [r[0] for r in candidates[:FACET_CAP]], feats)
    page.facets_exact = exact and total <= FACET_CAP
    return page


def _by_date(conn: Conn, match: str, w: _Where, matched: list[int] | None, *, limit: int, offset: int) -> list[int]:
    """A page of matches, newest first, exactly.

    ``matched`` holds every match (sorted here, or read off the date index when they are many), or is
    ``None``: more matches than were counted are dense enough that walking the date index and testing
    each article ends after a few hundred probes. A prefix query would merge its doclists on every
    probe: unfiltered, it always comes with its matches; filtered, each article is tested against its
    matches read once (reading every filtered match took 90 to 210 ms at 100,000 articles). PostgreSQL walks
    its search rows in date order, the match and every filter tested on the row
    (:attr:`~newsprism.store.dialect.Dialect.keys_dated`).
    """
    d = dialect_of(conn)
    if matched is None and d.keys_dated:  # the match and the filters on the search row, walked in date order
        with walking_dates(conn):
            return [r[0] for r in conn.execute(
                f"SELECT a.rowid FROM {d.fts_from_keys} WHERE {d.fts_match}{w.probed} "
                f"ORDER BY a.published DESC{d.nulls_last}, a.rowid DESC LIMIT ? OFFSET ?",
                [match, *w.args, limit, offset])]
    if matched is None:
        test = d.fts_in_matches if "*" in match and d.prefix_probe_costly else d.fts_exists
        dated = _dated_from(conn, w, many=True)
        sql = (f"SELECT a.rowid FROM {dated} WHERE 1=1{_walked(dated, w)} AND {test} "
               f"ORDER BY a.published DESC{d.nulls_last}, a.rowid DESC LIMIT ? OFFSET ?")
        return [r[0] for r in conn.execute(sql, [*w.args, match, limit, offset])]
    if len(matched) > RANK_CAP and (walked := _walk_dates(
            conn, set(matched), w, limit=limit, offset=offset)) is not None:
        return walked
    sql = (f"SELECT rowid FROM articles WHERE rowid IN ({d.json_values(as_type='BIGINT')}) "
           f"ORDER BY published DESC{d.nulls_last}, rowid DESC LIMIT ? OFFSET ?")
    return [r[0] for r in conn.execute(sql, (json.dumps(matched), limit, offset))]


def _scored(conn: Conn, match: str, rowids: list[int]) -> list[Any]:
    """``(rowid, rank)`` of the matching ``rowids``, in their order."""
    if not rowids:
        return []
    d = dialect_of(conn)
    among, args = d.rowid_among(d.fts_rowid, rowids)
    ranks = {int(r[0]): r[1] for r in conn.execute(
        f"SELECT {d.fts_rowid}, {d.fts_rank} FROM {d.fts_from} WHERE {d.fts_match} AND {among}", [match, *args])}
    return [(rowid, ranks[rowid]) for rowid in rowids if rowid in ranks]


def _walk_dates(conn: Conn, matched: set[int], w: _Where, *, limit: int,
                offset: int) -> list[int] | None:
    """A page of the ``matched`` articles, newest first, read off the date index, or ``None`` when the page
    lies beyond the first :data:`WALK_SPAN` times ``offset + limit`` articles.

    Sorting thousands of matches by date costs time in proportion to them (51 ms for the 37,910 matches
    of ``report*`` at 100,000 articles); a page of matches that dense is among the first hundreds of
    articles in date order (12 ms to find). The matches passed the filters already: the walk bounds the
    dates only, so that it runs on the date index (SQLite read the articles of a site since a day off the
    site's index and sorted them, 22 ms at 100,000 articles) and a filter's subquery is not made again
    (40 ms for a person named by a quarter of the articles).
    """
    d = dialect_of(conn)
    need = offset + limit
    span = need * WALK_SPAN
    rows = conn.execute(f"SELECT a.rowid FROM articles a WHERE 1=1{w.dates} "
                        f"ORDER BY a.published DESC{d.nulls_last}, a.rowid DESC LIMIT {span}", w.date_args).fetchall()
    found = [int(r[0]) for r in rows if int(r[0]) in matched]
    if len(found) < need and len(rows) == span:  # the page lies further on: the caller sorts the matches
        return None
    return found[offset:need]


def _count(conn: Conn, match: str) -> int:
    """The matches of an unfiltered query, up to :data:`COUNT_CAP` and one (a filtered one counts as it reads)."""
    if _surely_more(conn, match):
        return COUNT_CAP + 1
    d = dialect_of(conn)
    with matches_off_the_index(conn):  # nothing of a match is read but that it is one
        return int(conn.execute(f"SELECT count(*) FROM ({_matches_sql(d)}) t", [match]).fetchone()[0])


def _match_ids(conn: Conn, match: str) -> list[int]:
    """The row ids of :func:`_count`'s matches, read as it reads them (a page by date sorts them)."""
    with matches_off_the_index(conn):
        return [int(r[0]) for r in conn.execute(_matches_sql(dialect_of(conn)), [match])]


def _matches_sql(d: Dialect) -> str:
    return f"SELECT {d.fts_rowid} FROM {d.fts_from} WHERE {d.fts_match} LIMIT {COUNT_CAP + 1}"


def _surely_more(conn: Conn, match: str) -> bool:
    """Whether an unfiltered query has more than :data:`COUNT_CAP` matches by the database's statistics alone.

    PostgreSQL reads a heap page a match to count them off its index (the count of 'police' up to 10,001
    read 8,816 pages at 100,000 articles, 40 to 125 ms): a single word or prefix the table's statistics
    expect in :data:`SURELY_MORE` times :data:`COUNT_CAP` articles or more has more, without reading them. The
    statistics sample the vectors (within about 2 % for such a word); a query of several words is counted,
    as its estimate takes the words to be independent. SQLite has no estimate and always counts.
    """
    return bool(_ONE_TERM.fullmatch(match)) and expected_matches(conn, match) >= SURELY_MORE * COUNT_CAP


_HIT_COLUMNS = "a.id, a.url, {source}, a.site, a.published, a.lang"


def _hit(r: Any, *, score: float = 0.0) -> PageHit:
    return PageHit(id=r[0], url=r[1], source=r[2], site=r[3], published=r[4], lang=r[5], snippet=r[6] or "",
                   title=r[7] or "", score=score)


def _hits(conn: Conn, match: str, rowids: list[int], scores: dict[int, float]) -> list[PageHit]:
    d = dialect_of(conn)
    columns = _HIT_COLUMNS.format(source=source_sql(dialect=d))
    if not rowids:
        return []
    among, args = d.rowid_among(d.fts_rowid, rowids)
    found = {int(r[-1]): r for r in conn.execute(  # 3. snippets for this page only, in one query
        f"SELECT {columns}, {d.fts_snippet}, {d.fts_title}, {d.fts_rowid} "
        f"FROM {d.fts_from_joined} WHERE {d.fts_match} AND {among}", [match, *args])}
    return [_hit(found[int(rowid)], score=scores.get(int(rowid), 0.0)) for rowid in rowids if int(rowid) in found]


def _browse(conn: Conn, query: SearchQuery, w: _Where, feats: Features) -> SearchPage:
    """No words: filtered articles, newest first."""
    d = dialect_of(conn)
    cond, args = " WHERE 1=1" + w.sql, w.args
    # Filters on the article's own columns are counted on their narrow rows (a site since a day at 100,000
    # articles: 35 ms on the articles' rows, 15 there); a filter naming its articles drives the count, and
    # dates alone are counted on the date index.
    counted = "articles" if w.among or w.sql == w.dates else d.filter_rows
    total = int(conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {counted} a{cond} LIMIT {COUNT_CAP + 1}) t",
                             args).fetchone()[0])
    # many filtered articles: a page of them lies early on the date index (SQLite read the articles of a
    # site off the site's index and sorted those since a day: 41 ms for 500, 7 ms off the date index)
    dated = _dated_from(conn, w, many=total > FEW_TO_SORT)
    order = f"ORDER BY a.published DESC{d.nulls_last}, a.rowid DESC"
    columns = _HIT_COLUMNS.format(source=source_sql(dialect=d))
    walked = " WHERE 1=1" + _walked(dated, w)
    rows = conn.execute(
        f"SELECT {columns}, substr(a.text, 1, 240), a.title FROM {dated}{walked} {order} LIMIT ? OFFSET ?",
        [*args, query.limit + 1, query.offset]).fetchall()
    hits = [_hit(r) for r in rows[:query.limit]]
    page = SearchPage(hits=hits, total=min(total, COUNT_CAP), total_exact=total <= COUNT_CAP,
                      has_next=len(rows) > query.limit, count_cap=COUNT_CAP)
    sample = [r[0] for r in conn.execute(
        f"SELECT a.rowid FROM {dated}{walked} {order} LIMIT {FACET_CAP}", args)]
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
    labels = "('PERSON', 'ORG', 'GPE', 'NORP', 'LOC')"
    # A linked corpus counts its corpus entities, so a manual merge or split shows here as on the entity page.
    entity = (f"SELECT c.name, count(DISTINCT cm.article_id) FROM {sample} m JOIN corpus_entity_members cm "
              f"ON cm.article_id = m.id JOIN corpus_entities c ON c.corpus_id = cm.corpus_id WHERE c.label IN {labels} "
              if feats.corpus_entities else
              f"SELECT e.name, count(DISTINCT e.article_id) FROM {sample} m JOIN entities e "
              f"ON e.article_id = m.id WHERE e.label IN {labels} ")
    queries = {
        "entity": entity + "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15",
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


def bracketed(text: str) -> str:
    """A marked snippet or title with ``[`` and ``]`` around the matches, as the terminal and
    :class:`~newsprism.store.base.SearchHit` show them.

    >>> bracketed("a \\x02b\\x03 c")
    'a [b] c'
    """
    return text.replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")


def plain(text: str) -> str:
    """A marked title or snippet without its marks."""
    return _MARKS.sub("", text)


def from_filters(text: str, filters: SearchFilters | None, *, limit: int, offset: int) -> SearchQuery:
    """The :class:`SearchQuery` of ``Store.search(text, filters=..., limit=..., offset=...)``."""
    f = filters or SearchFilters()
    return SearchQuery(text, source=f.source, site=f.site, lang=f.lang, date_from=f.date_from, date_to=f.date_to,
                       entity=f.entity, sort=f.sort, limit=limit, offset=offset)


def as_result(page: SearchPage) -> SearchResult:
    """A :class:`SearchPage` as the :class:`~newsprism.store.base.SearchResult` that ``Store.search`` returns:
    titles plain, matches in snippets between ``[`` and ``]``, facets as ``{value: count}``."""
    hits = tuple(SearchHit(id=h.id, title=plain(h.title) or None, url=h.url, site=h.site, published=h.published,
                           lang=h.lang, snippet=bracketed(h.snippet), score=h.score, source=h.source)
                 for h in page.hits)
    return SearchResult(hits=hits, total=page.total, facets={key: dict(values) for key, values in page.facets.items()})
