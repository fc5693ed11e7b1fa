"""The store's read queries beyond articles: facts lists, stories, duplicates, entities (the web UI and CLI).

The SQL is plain (``substr``, ``coalesce``, ``IN`` subqueries) and runs on
both stores; the few fragments that differ come from ``store/dialect.py``.
Full-text search lives in ``store/search.py``. Callers reach these through
:class:`newsprism.store.reader.CorpusReader`; records carry spans, and the
web adds its links to them.

Link-stage tables (``stories``, ``story_articles``, ``duplicate_groups``,
``claim_groups``, ``corpus_entities``) are optional: :class:`Features` records
at start-up which ones exist, and the UI shows stories, duplicates and corpus
entities only when they do.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from .dialect import Conn, dialect_of, published_conditions, source_sql
from .records import (
    ClaimRecord,
    Context,
    DuplicateRecord,
    EntityRow,
    PlaceCount,
    QuoteRecord,
    StoryArticle,
    StoryRecord,
    StoryRef,
    StorySummary,
)


@dataclass(frozen=True, slots=True)
class Features:
    """Which optional tables the corpus has."""

    tables: frozenset[str]

    @property
    def stories(self) -> bool:
        return {"stories", "story_articles"} <= self.tables

    @property
    def duplicates(self) -> bool:
        return "duplicate_groups" in self.tables

    @property
    def corpus_entities(self) -> bool:
        return {"corpus_entities", "corpus_entity_members"} <= self.tables

    @property
    def claim_groups(self) -> bool:
        return "claim_groups" in self.tables

    @property
    def decisions(self) -> bool:
        return "entity_decisions" in self.tables


def features(conn: Conn) -> Features:
    """Detect the optional tables of the corpus."""
    rows = conn.execute(dialect_of(conn).tables).fetchall()
    return Features(tables=frozenset(r[0] for r in rows))


# -- entities -------------------------------------------------------------------


def _in(names: Sequence[str]) -> str:
    return ",".join("?" * len(names))


def entity_rows(conn: Conn, names: Sequence[str], *, label: str | None) -> list[EntityRow]:
    """The articles naming one of ``names`` (with ``label``), newest first, at most 2,000."""
    dialect = dialect_of(conn)
    first = ("(SELECT m.start || ':' || m.\"end\" FROM mentions m WHERE m.article_id = e.article_id "
             "AND m.entity_id = e.entity_id ORDER BY m.start LIMIT 1)")
    sql = ("SELECT e.article_id, e.entity_id, e.name, e.label, e.variants, e.mentions, a.published, "
           + source_sql(dialect=dialect) + f", a.title, {first} FROM entities e JOIN articles a ON a.id = e.article_id "
           f"WHERE e.name IN ({_in(names)})")
    args: list[Any] = list(names)
    if label:
        sql += " AND e.label = ?"
        args.append(label)
    rows = conn.execute(sql + f" ORDER BY a.published DESC{dialect.nulls_last} LIMIT 2000", args).fetchall()
    return [EntityRow(*r) for r in rows]


def quotes_about(conn: Conn, pairs: Sequence[tuple[str, str]], *, limit: int = 50) -> list[QuoteRecord]:
    """Quotes whose span contains a mention of one of the ``(article_id, entity_id)`` pairs."""
    found: list[QuoteRecord] = []
    source = source_sql(dialect=dialect_of(conn))
    for i in range(0, min(len(pairs), 400), 100):
        chunk = pairs[i:i + 100]
        cond = " OR ".join("(m.article_id = ? AND m.entity_id = ?)" for _ in chunk)
        rows = conn.execute(
            "SELECT DISTINCT q.article_id, q.start, q.\"end\", q.text, q.speaker_name, q.cue, a.published, "
            + source + " FROM mentions m JOIN quotes q ON q.article_id = m.article_id "
            "AND m.start >= q.start AND m.\"end\" <= q.\"end\" JOIN articles a ON a.id = q.article_id "
            f"WHERE {cond} LIMIT ?", [*[x for pair in chunk for x in pair], limit]).fetchall()
        found += [quote_dict(r) for r in rows]
    return found[:limit]


def quote_dict(r: Sequence[Any]) -> QuoteRecord:
    """A quotes row (article id, start, end, text, speaker, cue, published, source) as a record."""
    return {"article_id": r[0], "start": r[1], "end": r[2], "text": r[3], "speaker": r[4], "cue": r[5],
            "published": r[6], "source": r[7]}


def co_mentions(conn: Conn, article_ids: Sequence[str], exclude: Sequence[str],
                *, limit: int = 20) -> list[tuple[str, str, int]]:
    """Entities most often named in the same articles: ``(name, label, articles)``."""
    ids = list(article_ids)[:500]
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT name, label, count(DISTINCT article_id) FROM entities WHERE article_id IN ({_in(ids)}) "
        f"AND name NOT IN ({_in(exclude)}) GROUP BY name, label ORDER BY 3 DESC, 1 LIMIT ?",
        [*ids, *exclude, limit]).fetchall()
    return [(str(r[0]), str(r[1] or ""), int(r[2])) for r in rows]


def places_of(conn: Conn, article_ids: Sequence[str], *, limit: int = 40) -> list[PlaceCount]:
    """Places named in these articles, most frequent first, with coordinates when resolved,
    and one of their mentions as ``first``: ``"article_id:start:end"``."""
    ids = list(article_ids)[:500]
    if not ids:
        return []
    rows = conn.execute(
        "SELECT coalesce(name, text), max(lat), max(lon), max(country), count(*), "
        "min(article_id || ':' || start || ':' || \"end\") FROM places "
        f"WHERE article_id IN ({_in(ids)}) GROUP BY 1 ORDER BY 5 DESC, 1 LIMIT ?", [*ids, limit]).fetchall()
    return [{"name": r[0], "lat": r[1], "lon": r[2], "country": r[3], "count": r[4], "first": r[5]} for r in rows]


# -- quotes and claims explorers --------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactParams:
    """Filters of the quotes and claims explorers."""

    speaker: str | None = None
    cue: str | None = None
    q: str | None = None
    story: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    counted: str | None = None
    page: int = 1
    per_page: int = 50


def _fact_where(params: FactParams, *, who: str, cue: str, speakers: Collection[str],
                feats: Features) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if params.speaker:
        names = sorted(speakers)
        where.append(f"f.{who} IN ({_in(names)})")
        args += names
    if params.cue:
        where.append(f"lower(f.{cue}) = lower(?)")
        args.append(params.cue)
    if params.q:
        where.append("lower(f.text) LIKE lower(?)")
        args.append(f"%{params.q}%")
    if params.story and feats.stories:
        where.append("f.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        args.append(params.story)
    dated, dated_args = published_conditions(params.date_from, params.date_to)
    return where + dated, args + dated_args


def quotes(conn: Conn, params: FactParams, *, speakers: Collection[str],
           feats: Features) -> tuple[list[QuoteRecord], bool]:
    """Quotes matching the filters, newest first; ``speakers`` are the names of the speaker filter's entity.

    Returns ``(rows, has_next)``.
    """
    where, args = _fact_where(params, who="speaker_name", cue="cue", speakers=speakers, feats=feats)
    dialect = dialect_of(conn)
    sql = ("SELECT f.article_id, f.start, f.\"end\", f.text, f.speaker_name, f.cue, a.published, "
           + source_sql(dialect=dialect) + ", f.kind, a.title FROM quotes f JOIN articles a ON a.id = f.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY a.published DESC{dialect.nulls_last}, f.article_id, f.start LIMIT ? OFFSET ?")
    offset = (max(params.page, 1) - 1) * params.per_page
    rows = conn.execute(sql, [*args, params.per_page + 1, offset]).fetchall()
    out: list[QuoteRecord] = [{**quote_dict(r), "kind": r[8], "title": r[9]} for r in rows[:params.per_page]]
    return out, len(rows) > params.per_page


def claims(conn: Conn, params: FactParams, *, speakers: Collection[str],
           feats: Features) -> tuple[list[ClaimRecord], bool]:
    """Numeric claims matching the filters, newest first (``speakers`` as for :func:`quotes`).

    Returns ``(rows, has_next)``.
    """
    where, args = _fact_where(params, who="claimant_name", cue="verb", speakers=speakers, feats=feats)
    if params.min_value is not None:
        where.append("f.value >= ?")
        args.append(params.min_value)
    if params.max_value is not None:
        where.append("f.value <= ?")
        args.append(params.max_value)
    if params.counted:
        where.append("(lower(f.counted) LIKE lower(?) OR lower(f.unit) LIKE lower(?))")
        args += [f"%{params.counted}%"] * 2
    dialect = dialect_of(conn)
    sql = ("SELECT f.article_id, f.start, f.\"end\", f.text, f.value, f.bound, f.unit, f.counted, f.verb, "
           "f.claimant_name, f.as_of, a.published, " + source_sql(dialect=dialect) + ", a.title "
           "FROM claims f JOIN articles a ON a.id = f.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY a.published DESC{dialect.nulls_last}, f.article_id, f.start LIMIT ? OFFSET ?")
    offset = (max(params.page, 1) - 1) * params.per_page
    rows = conn.execute(sql, [*args, params.per_page + 1, offset]).fetchall()
    return [claim_dict(r) for r in rows[:params.per_page]], len(rows) > params.per_page


def claim_dict(r: Sequence[Any]) -> ClaimRecord:
    """A claims row (as selected by :func:`claims`) as a record."""
    return {"article_id": r[0], "start": r[1], "end": r[2], "text": r[3], "value": r[4], "bound": r[5], "unit": r[6],
            "counted": r[7], "verb": r[8], "claimant": r[9], "as_of": r[10], "published": r[11], "source": r[12],
            "title": r[13]}


# -- stories and duplicates --------------------------------------------------------


def story_of(conn: Conn, article_id: str, feats: Features) -> StoryRef | None:
    """The story an article belongs to, if the corpus has stories."""
    if not feats.stories:
        return None
    row = conn.execute("SELECT s.story_id, s.label FROM story_articles sa JOIN stories s ON s.story_id = sa.story_id "
                       "WHERE sa.article_id = ? LIMIT 1", (article_id,)).fetchone()
    return {"id": row[0], "label": row[1]} if row else None


def story_labels(conn: Conn, story_ids: Sequence[str], feats: Features) -> dict[str, str]:
    """Story id -> the story's title, for the stories that have one (a facet shows titles, not ids)."""
    ids = [i for i in story_ids if i][:200]
    if not feats.stories or not ids:
        return {}
    rows = conn.execute(f"SELECT story_id, label FROM stories WHERE story_id IN ({_in(ids)})", ids).fetchall()
    return {str(r[0]): str(r[1]) for r in rows if r[1]}


def duplicates_of(conn: Conn, article_id: str, feats: Features) -> list[DuplicateRecord]:
    """The other articles of this article's duplicate groups, with their similarity."""
    if not feats.duplicates:
        return []
    rows = conn.execute(
        "SELECT o.article_id, o.is_original, o.similarity, a.title, " + source_sql(dialect=dialect_of(conn)) + " "
        "FROM duplicate_groups d JOIN duplicate_groups o ON o.group_id = d.group_id AND o.article_id != d.article_id "
        "LEFT JOIN articles a ON a.id = o.article_id WHERE d.article_id = ? LIMIT 50", (article_id,)).fetchall()
    return [{"id": r[0], "kind": "original" if r[1] else "copy", "score": r[2], "title": r[3], "source": r[4]}
            for r in rows]


def claim_quantities(conn: Conn, story_id: str, feats: Features) -> dict[tuple[str, int], tuple[str, str, str]]:
    """``(article_id, claim index) -> (quantity, verdict, note)`` as the link stage grouped the story's claims."""
    if not feats.claim_groups:
        return {}
    rows = conn.execute("SELECT article_id, claim_index, quantity, verdict, note FROM claim_groups "
                        "WHERE story_id = ?", (story_id,)).fetchall()
    return {(str(r[0]), int(r[1])): (str(r[2]), str(r[3] or ""), str(r[4] or "")) for r in rows}


def story(conn: Conn, story_id: str) -> StoryRecord | None:
    """A story with its articles in time order."""
    row = conn.execute("SELECT story_id, label FROM stories WHERE story_id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    dialect = dialect_of(conn)
    articles = conn.execute(
        "SELECT a.id, a.title, " + source_sql(dialect=dialect) + ", a.published, a.url FROM story_articles sa "
        f"JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published{dialect.nulls_first}, a.id",
        (story_id,)).fetchall()
    return {"id": row[0], "label": row[1],
            "articles": [StoryArticle(id=r[0], title=r[1], source=r[2], published=r[3], url=r[4]) for r in articles]}


def stories(conn: Conn, *, limit: int = 100) -> list[StorySummary]:
    """Stories with the most articles first."""
    dialect = dialect_of(conn)
    rows = conn.execute(
        "SELECT s.story_id, s.label, count(sa.article_id), min(a.published), max(a.published), "
        # outlets as the link stage counts them: a record of no site and no web address is none of its own
        "count(DISTINCT " + source_sql(dialect=dialect, read_from=False) + ") FROM stories s JOIN story_articles sa "
        "ON sa.story_id = s.story_id JOIN articles a ON a.id = sa.article_id GROUP BY s.story_id, s.label "
        f"ORDER BY 3 DESC, 4 DESC{dialect.nulls_last} LIMIT ?",
        (limit,)).fetchall()
    return [StorySummary(id=r[0], label=r[1], articles=int(r[2]), start=r[3], end=r[4], sources=int(r[5]))
            for r in rows]


def _facts_of(conn: Conn, table: str, columns: str, article_ids: Sequence[str]) -> list[Any]:
    dialect = dialect_of(conn)
    ids = list(article_ids)[:500]
    if not ids:
        return []
    return conn.execute(f"SELECT {columns} FROM {table} f JOIN articles a ON a.id = f.article_id "
                        f"WHERE f.article_id IN ({_in(ids)}) "
                        f"ORDER BY a.published{dialect.nulls_first}, f.article_id, {dialect.fact_order}",
                        ids).fetchall()


def quotes_in(conn: Conn, article_ids: Sequence[str]) -> list[QuoteRecord]:
    """The quotes of several articles (at most 500), in date order, then in their order in each article."""
    columns = "f.article_id, f.start, f.\"end\", f.text, f.speaker_name, f.cue, a.published, " + \
        source_sql(dialect=dialect_of(conn))
    return [quote_dict(r) for r in _facts_of(conn, "quotes", columns, article_ids)]


def claims_in(conn: Conn, article_ids: Sequence[str], *, width: int = 90) -> list[ClaimRecord]:
    """The claims of several articles (at most 500), in date order, then in their order in each article
    (so a claim's position among its article's claims is its index there), each with ``width`` characters
    of context on either side."""
    dialect = dialect_of(conn)
    start = f"{dialect.greatest}(0, f.start - {width})"
    columns = ("f.article_id, f.start, f.\"end\", f.text, f.value, f.bound, f.unit, f.counted, f.verb, "
               f"f.claimant_name, f.as_of, a.published, {source_sql(dialect=dialect)}, a.title, {start}, "
               f"substr(a.text, {start} + 1, f.\"end\" - {start} + {width})")
    found: list[ClaimRecord] = []
    for r in _facts_of(conn, "claims", columns, article_ids):
        window, left, begin, end = str(r[15] or ""), int(r[14]), int(r[1]), int(r[2])
        context = Context(before=window[:begin - left], match=window[begin - left:end - left],
                          after=window[end - left:])
        found.append({**claim_dict(r[:14]), "context": context})
    return found


def merge_evidence(conn: Conn, pairs: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """How variants were merged inside articles, read from the articles' JSON."""
    by_article: dict[str, set[str]] = {}
    for article_id, entity_id in pairs[:200]:
        by_article.setdefault(article_id, set()).add(entity_id)
    ids = list(by_article)
    if not ids:
        return []
    found: list[dict[str, Any]] = []
    for article_id, data in conn.execute(f"SELECT id, data FROM articles WHERE id IN ({_in(ids)})", ids):
        for entity in json.loads(data).get("entities", []):
            if entity.get("id") in by_article[article_id]:
                found += [{**ev, "article_id": article_id, "into": entity.get("name")}
                          for ev in entity.get("evidence", [])]
    return found


# -- corpus entities and manual decisions -------------------------------------------


def corpus_entity(conn: Conn, name: str) -> tuple[str, frozenset[str]] | None:
    """The corpus entity a name typed by an analyst means: ``(its name, every name it is written as)``.

    1. A name the entity is written as in some article ("Donald Trump").
    2. The entity's name, in any case ("donald trump").
    3. A variant the link stage merged into it ("Trump"): quotes keep the
       article's canonical name, so a filter on the variant found nothing (#15).
    The entity named in most articles wins.
    """
    found = _find_corpus_entity(conn, name)
    if found is None:
        return None
    corpus_id, canonical = str(found[0]), str(found[1])
    names = {str(r[0]) for r in conn.execute(
        "SELECT DISTINCT name FROM corpus_entity_members WHERE corpus_id = ? LIMIT 500", (corpus_id,))}
    return canonical, frozenset(names | {canonical})


def _find_corpus_entity(conn: Conn, name: str) -> tuple[Any, ...] | None:
    # 1.
    row = conn.execute(
        "SELECT c.corpus_id, c.name FROM corpus_entity_members m JOIN corpus_entities c "
        "ON c.corpus_id = m.corpus_id WHERE m.name = ? ORDER BY c.articles DESC LIMIT 1", (name,)).fetchone()
    if row is not None:
        return tuple(row)
    # 2.
    row = conn.execute("SELECT corpus_id, name FROM corpus_entities WHERE lower(name) = lower(?) "
                       "ORDER BY articles DESC LIMIT 1", (name,)).fetchone()
    if row is not None:
        return tuple(row)
    # 3. the LIKE narrows the rows, the JSON decides
    folded = name.casefold()
    for corpus_id, canonical, variants in conn.execute(
            "SELECT corpus_id, name, variants FROM corpus_entities WHERE lower(variants) LIKE lower(?) "
            "ORDER BY articles DESC LIMIT 50", (f"%{name}%",)):
        if folded in {str(v).casefold() for v in json.loads(variants or "[]")}:
            return (corpus_id, canonical)
    return None


def names_in_any_case(conn: Conn, name: str) -> set[str]:
    """The entity names of the articles that are ``name`` in any case (a corpus never linked)."""
    rows = conn.execute("SELECT DISTINCT name FROM entities WHERE lower(name) = lower(?) LIMIT 50", (name,))
    return {str(r[0]) for r in rows}


# -- what an ingest report and the demo show ----------------------------------------


@dataclass(frozen=True, slots=True)
class CorpusHighlights:
    """What a report names about a linked corpus.

    Attributes:
        most_mentioned: ``(name, label, articles)`` of the corpus entities (people, organisations, places)
            named in most articles.
        most_quoted: ``(name, quotes)`` of the speakers quoted most, a corpus entity counted once under
            all its names.
        stories: ``(label, articles, sources)`` of the largest stories.
        duplicate_groups: Groups of duplicates.
        copies: Articles copied or translated from another.
    """

    most_mentioned: list[tuple[str, str, int]]
    most_quoted: list[tuple[str, int]]
    stories: list[tuple[str, int, int]]
    duplicate_groups: int
    copies: int


def corpus_highlights(conn: Conn) -> CorpusHighlights:
    """The corpus entities, speakers and stories a report names (see :class:`CorpusHighlights`)."""
    # Corpus entities, not the names of each article: "Trump" and "Donald Trump" count as one person.
    mentioned = conn.execute(
        "SELECT name, label, articles FROM corpus_entities WHERE label IN ('PERSON','ORG','GPE','LOC') "
        "ORDER BY articles DESC, name LIMIT 8").fetchall()
    quoted = conn.execute(
        "SELECT max(coalesce(e.name, q.speaker_name)), count(*) FROM quotes q "
        "LEFT JOIN corpus_entity_members m ON m.article_id = q.article_id AND m.entity_id = q.speaker "
        # a speaker the article names: an interview's unresolved "I said" is no person called "I", nor are
        # "officials said" and "police said" one source (#17)
        "LEFT JOIN corpus_entities e ON e.corpus_id = m.corpus_id WHERE q.speaker IS NOT NULL "
        "GROUP BY coalesce(e.corpus_id, q.speaker_name) ORDER BY 2 DESC, 1 LIMIT 5").fetchall()
    stories = conn.execute("SELECT label, size, sources FROM stories ORDER BY size DESC, story_id LIMIT 5").fetchall()
    dupes = conn.execute("SELECT count(DISTINCT group_id) FROM duplicate_groups").fetchone()[0]
    copies = conn.execute("SELECT count(*) FROM lineage").fetchone()[0]
    return CorpusHighlights(
        most_mentioned=[(str(r[0]), str(r[1]), int(r[2])) for r in mentioned],
        most_quoted=[(str(r[0]), int(r[1])) for r in quoted],
        stories=[(str(r[0] or ""), int(r[1]), len(json.loads(r[2] or "[]"))) for r in stories],
        duplicate_groups=int(dupes), copies=int(copies))


def first_article(conn: Conn) -> tuple[str, str | None] | None:
    """``(id, title)`` of the first article stored, or ``None`` in an empty corpus."""
    row = conn.execute("SELECT id, title FROM articles ORDER BY rowid LIMIT 1").fetchone()
    return (str(row[0]), row[1]) if row else None


def seen_sources(conn: Conn) -> list[str]:
    """Where each document ingested so far was read (a file, a feed, an archive and its record)."""
    return [str(r[0]) for r in conn.execute("SELECT source FROM seen")]
