"""The link tables and manual entity decisions, for SQLite and PostgreSQL alike.

Each link table is defined once, by its row type (:class:`DuplicateRow`,
:class:`StoryRow`, :class:`CorpusEntityRow`, ...): the columns are the
fields, in order, and JSON columns are read and written as Python values.
Both stores offer the same typed operations through :class:`LinkTables`:

- ``link_rows(RowType, **match)``: the rows of one table, in its order;
- ``replace_links({RowType: rows, ...}, summary=..., patches={RowType: Patch(...)}, state=...)``: replace
  whole tables, and parts of others (an incremental run), in ONE transaction, so readers never see half a
  link run; ``link_state()`` reads back the ``state`` of the last run;
- ``site_furniture()``: the per-site furniture a link run learned;
- ``add_decision(decision)`` and ``decisions()``: manual entity decisions.

No connection or SQL leaves the store; the link stage is pure functions over
what these operations hand it (#14).
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar

from ..codes import Code
from ..decisions import Decision
from ..errors import BadValueError, StoreError
from ..model import Article, article_from_json
from .dialect import pyformat
from .rows import version_of

log = logging.getLogger(__name__)


class LinkRow:
    """A row of one link table: ``TABLE`` names it, ``ORDER`` sorts it, ``JSON`` lists its JSON columns."""

    __slots__ = ()
    TABLE: ClassVar[str]
    ORDER: ClassVar[str]
    JSON: ClassVar[frozenset[str]] = frozenset()


@dataclass(frozen=True, slots=True)
class DuplicateRow(LinkRow):
    """A member of a group of copies (``is_original`` is 1 for the group's chosen original)."""

    TABLE = "duplicate_groups"
    ORDER = "group_id, article_id"
    JSON = frozenset({"evidence"})
    group_id: str
    article_id: str
    is_original: int
    similarity: float
    evidence: dict[str, Any]


@dataclass(frozen=True, slots=True)
class LineageRow(LinkRow):
    """An article taken from another (``source_article_id`` is ``None`` when the source is not stored)."""

    TABLE = "lineage"
    ORDER = "article_id, kind, source_article_id, source_name, cue"
    JSON = frozenset({"evidence"})
    article_id: str
    source_article_id: str | None
    source_name: str | None
    kind: str
    cue: str | None
    evidence: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoryRow(LinkRow):
    """A story: its label, first and last day, sites and number of articles."""

    TABLE = "stories"
    #: undated stories last on either store (SQLite sorts NULL first, PostgreSQL last)
    ORDER = "start IS NULL, start, story_id"
    JSON = frozenset({"sources"})
    story_id: str
    label: str | None
    start: str | None
    end: str | None
    sources: list[str]
    size: int


@dataclass(frozen=True, slots=True)
class StoryArticleRow(LinkRow):
    """An article of a story, with its mean similarity to the other members."""

    TABLE = "story_articles"
    ORDER = "story_id, article_id"
    story_id: str
    article_id: str
    score: float | None


@dataclass(frozen=True, slots=True)
class CorpusEntityRow(LinkRow):
    """A real-world thing across the corpus: its name, label, variants and the evidence of each merge."""

    TABLE = "corpus_entities"
    ORDER = "articles DESC, name, corpus_id"
    JSON = frozenset({"variants", "evidence"})
    corpus_id: str
    name: str
    label: str | None
    variants: list[str]
    evidence: list[dict[str, Any]]
    articles: int


@dataclass(frozen=True, slots=True)
class EntityMemberRow(LinkRow):
    """An article entity of a corpus entity."""

    TABLE = "corpus_entity_members"
    ORDER = "article_id, entity_id, corpus_id"
    corpus_id: str
    article_id: str
    entity_id: str
    name: str | None


@dataclass(frozen=True, slots=True)
class ClaimGroupRow(LinkRow):
    """A figure of a story set beside the other sources' figures for the same quantity."""

    TABLE = "claim_groups"
    ORDER = "story_id, quantity, article_id, claim_index"
    story_id: str
    quantity: str
    article_id: str
    claim_index: int
    value: float | None
    bound: str | None
    counted: str | None
    claimant_name: str | None
    as_of: str | None
    site: str | None
    unit: str | None
    verdict: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class FurnitureRow(LinkRow):
    """A line a site repeats (``line_hash`` is :func:`newsprism.clean.line_hash` of ``line_text``)."""

    TABLE = "site_furniture"
    ORDER = "site, line_hash"
    site: str
    line_hash: str
    line_text: str
    articles: int


@dataclass(frozen=True, slots=True)
class MinhashRow(LinkRow):
    """A cached MinHash signature (comma-separated integers) of an article's text with this content hash, and
    the text's shingles (:func:`~newsprism.link.duplicates.pack_shingles`): an incremental link verifies a new
    article against the stored articles sharing a bucket with it on these, without reading their texts (#17)."""

    TABLE = "link_minhash"
    ORDER = "article_id"
    article_id: str
    content_hash: str
    signature: str
    shingles: str


@dataclass(frozen=True, slots=True)
class VectorRow(LinkRow):
    """A cached meaning vector (in its text form) of an article's lead with this content hash."""

    TABLE = "link_vectors"
    ORDER = "article_id"
    article_id: str
    content_hash: str
    vector: str


@dataclass(frozen=True, slots=True)
class BandRow(LinkRow):
    """An LSH band key of an article's MinHash signature (``h:`` keys: its content hash), so the near-duplicate
    candidates of a new or changed article are an index lookup."""

    TABLE = "link_bands"
    ORDER = "band_key, article_id"
    band_key: str
    article_id: str


@dataclass(frozen=True, slots=True)
class StoryKeyRow(LinkRow):
    """A same-story blocking key of an article (``n:`` a name, ``p:`` a place, ``t:`` a rare title word), with
    the article's publication day (ISO, ``None`` when undated): an incremental link reads a key's members within
    the story window of its new articles alone (:meth:`LinkTables.link_rows_within`, #17)."""

    TABLE = "link_story_keys"
    ORDER = "key, article_id"
    key: str
    article_id: str
    day: str | None


@dataclass(frozen=True, slots=True)
class ArticleStateRow(LinkRow):
    """A hash of what an article's story features were made of at the last run (text minus furniture, title,
    date, language, site, entities, places), and those features (``data``:
    :func:`newsprism.link.features.features_data`), so a run reads its candidates' features instead of
    computing them."""

    TABLE = "link_articles"
    ORDER = "article_id"
    JSON = frozenset({"data"})
    article_id: str
    features: str
    day: str | None = None
    data: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class StoryEdgeRow(LinkRow):
    """A candidate pair of articles (``a`` < ``b``) whose story similarity reaches the threshold, as scored (not
    rounded: a later run clusters from these scores without scoring the pair again, #17)."""

    TABLE = "link_story_edges"
    ORDER = "a, b"
    a: str
    b: str
    score: float


@dataclass(frozen=True, slots=True)
class InputRow(LinkRow):
    """What the last link run linked of an article: its stored ``version``, its site, the moment its site's
    furniture sample is ordered by (publication, else fetch time) and its publication day."""

    TABLE = "link_inputs"
    ORDER = "article_id"
    article_id: str
    version: str
    site: str | None
    moment: str | None
    day: str | None


@dataclass(frozen=True, slots=True)
class CueRow(LinkRow):
    """A lineage cue of an article naming a source (``key``: :func:`newsprism.link.lineage.name_key` of its name)."""

    TABLE = "link_cues"
    ORDER = "key, article_id"
    key: str
    article_id: str


@dataclass(frozen=True, slots=True)
class EntityMentionRow(LinkRow):
    """An article entity as corpus entities read it (:func:`newsprism.link.entity_names.mention_records`): its
    name node (``node``: label family, gazetteer entry and name), variants, the countries its places name and
    whether it stands in a headline line; an article's rows are its entities in order (``position``)."""

    TABLE = "link_entity_mentions"
    ORDER = "article_id, position"
    JSON = frozenset({"variants", "countries"})
    article_id: str
    position: int
    entity_id: str
    node: str
    name: str
    label: str | None
    gazetteer: str
    variants: list[str]
    countries: list[str]
    headline: int


@dataclass(frozen=True, slots=True)
class EntityKeyRow(LinkRow):
    """A key of a name node (:mod:`newsprism.link.entity_keys`): ``f:`` a folded name whose vote or headline
    words it takes part in, ``b:`` a blocking key, ``n:`` its name."""

    TABLE = "link_entity_keys"
    ORDER = "key, node"
    key: str
    node: str


@dataclass(frozen=True, slots=True)
class EntityPairRow(LinkRow):
    """Two name nodes (``a`` < ``b``) that a blocking key brings together and that may be one thing."""

    TABLE = "link_entity_pairs"
    ORDER = "a, b"
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class EntityNodeRow(LinkRow):
    """What the article entities of one name node add up to (:mod:`newsprism.link.entity_keys`): how many
    articles and article entities it has, the first of them (``[article_id, position, entity_id]``), and how
    many of them give each label, variant and country and stand in a headline line, so a link run re-resolves
    a node without reading its article entities, and patches these counts without reading or writing the list
    of its members (#17)."""

    TABLE = "link_entity_nodes"
    ORDER = "node"
    JSON = frozenset({"first_member", "labels", "variants", "countries"})
    node: str
    articles: int
    mentions: int
    first_member: list[Any]
    labels: dict[str, int]
    variants: dict[str, int]
    countries: dict[str, int]
    headline: int


@dataclass(frozen=True, slots=True)
class Patch:
    """Part of one link table replaced: the rows whose ``column`` (or one of the ``columns``) has one of
    ``values``, and those whose column of ``also`` has one of its own values, give way to ``rows``."""

    column: str | tuple[str, ...]
    values: Collection[Any]
    rows: Sequence[LinkRow]
    also: tuple[tuple[str, Collection[Any]], ...] = ()


#: Every link table's row type, in the order a link run writes them.
LINK_ROWS: tuple[type[LinkRow], ...] = (DuplicateRow, LineageRow, StoryRow, StoryArticleRow, CorpusEntityRow,
                                        EntityMemberRow, ClaimGroupRow, FurnitureRow, MinhashRow, VectorRow,
                                        BandRow, StoryKeyRow, ArticleStateRow, StoryEdgeRow, InputRow, CueRow,
                                        EntityMentionRow, EntityKeyRow, EntityPairRow, EntityNodeRow)
#: table -> columns, in insertion order (the web reads these tables by name).
LINK_COLUMNS: dict[str, tuple[str, ...]] = {row.TABLE: tuple(f.name for f in fields(row))  # type: ignore[arg-type]
                                            for row in LINK_ROWS}

_R = TypeVar("_R", bound=LinkRow)
#: Values of one IN list per query; more are read in several queries.
_CHUNK = 5000


class _LinkDB:
    """A store's connection seen through one small adapter (placeholders, schema prefix, transactions)."""

    def __init__(self, conn: Any, *, lock: threading.Lock, sqlite: bool, prefix: str = "") -> None:
        self.conn = conn
        self.lock = lock
        self.sqlite = sqlite
        self.prefix = prefix

    def sql(self, text: str) -> str:
        """Rewrite ``?`` placeholders and ``{t}`` table prefixes for this database."""
        text = text.replace("{t}", self.prefix)
        return text if self.sqlite else pyformat(text)

    def query(self, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            cursor = self.conn.cursor()
            cursor.execute(self.sql(text), tuple(params))
            return list(cursor.fetchall())

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction (all or nothing); yields a cursor."""
        with self.lock:
            if self.sqlite:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.conn.cursor()
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
            else:
                with self.conn.transaction():
                    yield self.conn.cursor()


def _to_db(row: LinkRow) -> tuple[Any, ...]:
    # getattr, not dataclasses.astuple: astuple deep-copies every list and dict of a row first, which was most
    # of the time of writing the stored story features (#17)
    return tuple(json.dumps(value, ensure_ascii=False, sort_keys=True) if name in row.JSON else value
                 for name in LINK_COLUMNS[row.TABLE] for value in (getattr(row, name),))


def _columns(patch: Patch) -> tuple[str, ...]:
    return ((patch.column,) if isinstance(patch.column, str) else patch.column) + tuple(c for c, _ in patch.also)


def _deletes(patch: Patch) -> list[tuple[str, list[Any]]]:
    """(column, values) of each delete a patch makes."""
    values = sorted(set(patch.values))
    own = (patch.column,) if isinstance(patch.column, str) else patch.column
    return [(column, values) for column in own] + [(column, sorted(set(more))) for column, more in patch.also]


def _insert(db: _LinkDB, cursor: Any, kind: type[LinkRow], rows: Iterable[LinkRow]) -> None:
    """Insert ``rows`` (any iterable: a full run makes some tables' rows as they are written, #17), a chunk at a
    time, each checked to be a row of ``kind``'s table."""
    columns = LINK_COLUMNS[kind.TABLE]
    names = ", ".join(f'"{c}"' for c in columns)
    sql = db.sql(f"INSERT INTO {{t}}{kind.TABLE} ({names}) VALUES ({', '.join('?' * len(columns))})")
    found = iter(rows)
    while chunk := list(itertools.islice(found, _CHUNK)):
        if stray := next((r for r in chunk if type(r) is not kind), None):
            raise TypeError(f"a {type(stray).__name__} is no row of {kind.TABLE}")
        cursor.executemany(sql, [_to_db(row) for row in chunk])


def _from_db(kind: type[_R], values: Sequence[Any]) -> _R:
    if not kind.JSON:  # most rows: the values as they are (a key table's reads come by the thousand)
        return kind(*values)
    columns = LINK_COLUMNS[kind.TABLE]
    decoded = [json.loads(value) if name in kind.JSON and value is not None else value
               for name, value in zip(columns, values, strict=True)]
    return kind(*decoded)


class LinkTables:
    """The link operations both stores offer (see the module docstring); a store sets ``_links``."""

    _links: _LinkDB

    def link_rows(self, kind: type[_R], **match: Any) -> list[_R]:
        """The rows of ``kind``'s table, in its order, where each named column has the given value
        (or one of the given values, for a list or tuple).

        >>> store.link_rows(CorpusEntityRow, label="PERSON")  # doctest: +SKIP
        >>> store.link_rows(EntityMemberRow, article_id=["a1", "a2"])  # doctest: +SKIP
        """
        columns = LINK_COLUMNS[kind.TABLE]
        if unknown := sorted(set(match) - set(columns)):
            raise TypeError(f"{kind.TABLE} has no column {unknown[0]!r}; it has {', '.join(columns)}")
        many = [(name, list(value)) for name, value in match.items() if isinstance(value, list | tuple | set)]
        if len(many) > 1:
            raise TypeError("link_rows takes a list of values for one column at most")
        single = [(name, value) for name, value in match.items() if not isinstance(value, list | tuple | set)]
        where = [f'"{name}" = ?' for name, _ in single]
        params = [value for _, value in single]
        select = "SELECT " + ", ".join(f'"{c}"' for c in columns) + f" FROM {{t}}{kind.TABLE}"
        if not many:
            return self._rows(kind, select, where, params)
        name, values = many[0]
        found: list[_R] = []
        for i in range(0, len(values), _CHUNK):
            chunk = values[i:i + _CHUNK]
            found += self._rows(kind, select, [*where, f'"{name}" IN ({", ".join("?" * len(chunk))})'],
                                [*params, *chunk])
        return found

    def link_pairs(self, kind: type[LinkRow], key: str, value: str, keys: Collection[Any]) -> list[tuple[Any, Any]]:
        """(``key``, ``value``) of each row of ``kind``'s table whose ``key`` column is one of ``keys``, in the
        table's order, without reading or decoding the rest of the row (an article's entity names, say, without
        their variants, #17)."""
        if unknown := sorted({key, value} - set(LINK_COLUMNS[kind.TABLE])):
            raise TypeError(f"{kind.TABLE} has no column {unknown[0]!r}")
        todo, found = sorted(set(keys)), list[tuple[Any, Any]]()
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i:i + _CHUNK]
            found += self._links.query(f'SELECT "{key}", "{value}" FROM {{t}}{kind.TABLE} WHERE "{key}" IN '
                                       f'({", ".join("?" * len(chunk))}) ORDER BY {kind.ORDER}', chunk)
        return [(k, v) for k, v in found]

    def link_columns(self, kind: type[LinkRow], key: str, columns: Sequence[str],
                     keys: Collection[Any]) -> list[tuple[Any, ...]]:
        """``key`` and ``columns`` of each row of ``kind``'s table whose ``key`` column is one of ``keys``, in
        the table's order, without decoding the rest of the row (a name node's members, say, #17)."""
        if unknown := sorted({key, *columns} - set(LINK_COLUMNS[kind.TABLE])):
            raise TypeError(f"{kind.TABLE} has no column {unknown[0]!r}")
        names = ", ".join(f'"{c}"' for c in (key, *columns))
        todo, found = sorted(set(keys)), list[tuple[Any, ...]]()
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i:i + _CHUNK]
            found += self._links.query(f'SELECT {names} FROM {{t}}{kind.TABLE} WHERE "{key}" IN '
                                       f'({", ".join("?" * len(chunk))}) ORDER BY {kind.ORDER}', chunk)
        return [tuple(row) for row in found]

    def link_rows_within(self, kind: type[_R], column: str, ranges: Iterable[tuple[Any, Any, Any]], *,
                         within: str) -> list[_R]:
        """The rows of ``kind``'s table whose ``column`` is the first value of one of ``ranges`` and whose
        ``within`` column lies between its other two (both included), and those whose ``column`` is one of
        those values and whose ``within`` is ``NULL``; each row once, in no set order.

        A key's members within some days of the articles that have it, read off an index on
        ``(column, within)``, not every member of the key (#17).

        >>> store.link_rows_within(StoryKeyRow, "key", [("n:galati", "2023-04-01", "2023-04-21")], within="day")  # doctest: +SKIP
        """
        columns = LINK_COLUMNS[kind.TABLE]
        if unknown := sorted({column, within} - set(columns)):
            raise TypeError(f"{kind.TABLE} has no column {unknown[0]!r}")
        todo = sorted(set(ranges))
        names = ", ".join(f't."{c}"' for c in columns)
        found: set[tuple[Any, ...]] = set()
        for i in range(0, len(todo), _CHUNK // 3):
            chunk = todo[i:i + _CHUNK // 3]
            values = ", ".join("(?, ?, ?)" for _ in chunk)
            found.update(self._links.query(
                f"WITH w(v, lo, hi) AS (VALUES {values}) SELECT {names} FROM w JOIN {{t}}{kind.TABLE} t "
                f'ON t."{column}" = w.v AND t."{within}" BETWEEN w.lo AND w.hi',
                [value for triple in chunk for value in triple]))
        keys = sorted({first for first, _, _ in todo})
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            found.update(self._links.query(
                f'SELECT {names} FROM {{t}}{kind.TABLE} t WHERE t."{column}" IN ({", ".join("?" * len(chunk))}) '
                f'AND t."{within}" IS NULL', chunk))
        return [_from_db(kind, row) for row in found]

    def _rows(self, kind: type[_R], select: str, where: list[str], params: list[Any]) -> list[_R]:
        sql = select + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {kind.ORDER}"
        return [_from_db(kind, row) for row in self._links.query(sql, params)]

    def replace_links(self, tables: Mapping[type[LinkRow], Iterable[LinkRow]], *,
                      summary: Mapping[str, Any] | None = None, patches: Mapping[type[LinkRow], Patch] | None = None,
                      state: str | None = None, if_state: str | None = None) -> bool:
        """Replace every table in ``tables`` with its rows, the part of each table in ``patches`` with its rows,
        and the run's ``summary`` and ``state`` (:meth:`link_state`), in ONE transaction. A table's rows may be
        any iterable, read once while they are written (a full run of a large corpus makes them as they go).

        With ``if_state``, nothing is written unless the stored state is still that one (an incremental run
        patches what it read: another run that wrote in between makes its patches wrong).

        Returns:
            Whether the links were written.

        Raises:
            TypeError: when a row is not of its table's type, or a patch names no column of its table.
        """
        patches = patches or {}
        for kind, patch in patches.items():
            if stray_column := next((c for c in _columns(patch) if c not in LINK_COLUMNS[kind.TABLE]), None):
                raise TypeError(f"{kind.TABLE} has no column {stray_column!r}")
        db = self._links
        with db.transaction() as cursor:
            if if_state is not None:
                # SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL locks the row
                cursor.execute(db.sql("SELECT value FROM {t}meta WHERE key = 'link_state'"
                                      + ("" if db.sqlite else " FOR UPDATE")))
                if (cursor.fetchone() or [None])[0] != if_state:
                    return False
            for kind, rows in tables.items():
                cursor.execute(db.sql(f"DELETE FROM {{t}}{kind.TABLE}"))
                _insert(db, cursor, kind, rows)
            for kind, patch in patches.items():
                for column, values in _deletes(patch):
                    for i in range(0, len(values), _CHUNK):
                        chunk = values[i:i + _CHUNK]
                        cursor.execute(db.sql(f'DELETE FROM {{t}}{kind.TABLE} WHERE "{column}" IN '
                                              f'({", ".join("?" * len(chunk))})'), chunk)
                _insert(db, cursor, kind, patch.rows)
            meta = [("link_summary", json.dumps(dict(summary), sort_keys=True))] if summary is not None else []
            meta += [("link_state", state)] if state is not None else []
            for key, value in meta:
                cursor.execute(db.sql("INSERT INTO {t}meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), (key, value))
        return True

    def link_counts(self, kind: type[LinkRow], column: str, values: Collection[Any]) -> dict[Any, int]:
        """How many rows of ``kind``'s table have each of ``values`` in ``column`` (values without rows are
        left out)."""
        if column not in LINK_COLUMNS[kind.TABLE]:
            raise TypeError(f"{kind.TABLE} has no column {column!r}")
        todo, found = sorted(set(values)), dict[Any, int]()
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i:i + _CHUNK]
            found.update(self._links.query(f'SELECT "{column}", COUNT(*) FROM {{t}}{kind.TABLE} WHERE "{column}" IN '
                                           f'({", ".join("?" * len(chunk))}) GROUP BY "{column}"', chunk))
        return {key: int(n) for key, n in found.items()}

    def link_total(self, kind: type[LinkRow], *, distinct: str | None = None) -> int:
        """How many rows ``kind``'s table has (with ``distinct``, how many different values of that column)."""
        if distinct is not None and distinct not in LINK_COLUMNS[kind.TABLE]:
            raise TypeError(f"{kind.TABLE} has no column {distinct!r}")
        what = f'COUNT(DISTINCT "{distinct}")' if distinct else "COUNT(*)"
        return int(self._links.query(f"SELECT {what} FROM {{t}}{kind.TABLE}")[0][0])

    def link_values(self, kind: type[LinkRow], column: str) -> set[Any]:
        """The different values of one column of ``kind``'s table (for a column of few values, like a site)."""
        if column not in LINK_COLUMNS[kind.TABLE]:
            raise TypeError(f"{kind.TABLE} has no column {column!r}")
        return {row[0] for row in self._links.query(f'SELECT DISTINCT "{column}" FROM {{t}}{kind.TABLE}')}

    def latest_inputs(self, site: str, *, limit: int) -> list[InputRow]:
        """The ``limit`` linked articles of ``site`` with the latest moment (then the greatest id), latest first:
        a site's furniture sample as the last link run left it."""
        columns = ", ".join(f'"{c}"' for c in LINK_COLUMNS[InputRow.TABLE])
        rows = self._links.query(f"SELECT {columns} FROM {{t}}link_inputs WHERE site = ? "
                                 "ORDER BY coalesce(moment, '') DESC, article_id DESC LIMIT ?", [site, limit])
        return [_from_db(InputRow, row) for row in rows]

    def article_changes(self) -> tuple[list[str], list[str]]:
        """The articles written or rewritten since the last link run (new ones, or another version than the one
        it linked, by ``link_inputs``) and those it linked that are gone, each sorted; no text is read.

        Articles written before versions were kept get theirs now (once)."""
        db = self._backfill_versions()
        changed = db.query("SELECT a.id FROM {t}articles a LEFT JOIN {t}link_inputs l ON l.article_id = a.id "
                           "WHERE l.version IS NULL OR l.version <> a.version ORDER BY a.id")
        removed = db.query("SELECT l.article_id FROM {t}link_inputs l LEFT JOIN {t}articles a ON a.id = l.article_id "
                           "WHERE a.id IS NULL ORDER BY l.article_id")
        return [str(r[0]) for r in changed], [str(r[0]) for r in removed]

    def _backfill_versions(self) -> _LinkDB:
        db = self._links
        while legacy := db.query("SELECT id, data FROM {t}articles WHERE version IS NULL LIMIT 1000"):
            with db.transaction() as cursor:
                cursor.executemany(db.sql("UPDATE {t}articles SET version = ? WHERE id = ?"),
                                   [(version_of(data), article_id) for article_id, data in legacy])
        return db

    def article_versions(self, ids: Collection[str] | None = None) -> dict[str, str]:
        """The version of each stored article (of ``ids``, else of every article); no text is read."""
        db = self._backfill_versions()
        if ids is None:
            return dict(db.query("SELECT id, version FROM {t}articles"))
        todo, found = sorted(set(ids)), dict[str, str]()
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i:i + _CHUNK]
            found.update(db.query(f'SELECT id, version FROM {{t}}articles WHERE id IN ({", ".join("?" * len(chunk))})',
                                  chunk))
        return found

    def articles_by_id(self, ids: Collection[str], *, without: Collection[str] = ()) -> Iterator[Article]:
        """The stored articles with these ids (those that exist), read in batches, by id; the fields of
        ``without`` are left at their defaults, not decoded (what a link run never reads of an article: its
        raw text, quotes, dates, paragraphs..., #17)."""
        todo = sorted(set(ids))
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            for (data,) in self._links.query(f'SELECT data FROM {{t}}articles WHERE id IN ({", ".join("?" * len(chunk))}) '
                                             "ORDER BY id", chunk):
                found = json.loads(data)
                for name in without:
                    found.pop(name, None)
                yield article_from_json(found)

    def article_heads(self, *, batch_size: int = 5000) -> Iterator[Article]:
        """Every stored article by id with only its id, url, canonical url, site, publication and fetch time
        (the fetch time only when it has no publication time): what orders a site's furniture sample, read
        from columns, in pages, without reading any article's text or facts (#17)."""
        db = self._links
        fetched = "json_extract(data, '$.fetched')" if db.sqlite else "(data::json ->> 'fetched')"
        last = ""
        while rows := db.query("SELECT id, url, canonical_url, site, published, CASE WHEN published IS NULL THEN "
                               f"{fetched} END FROM {{t}}articles WHERE id > ? ORDER BY id LIMIT ?",
                               [last, batch_size]):
            for article_id, url, canonical, site, published, fetched_at in rows:
                yield Article(id=article_id, text="", url=url, canonical_url=canonical, site=site,
                              published=published, fetched=fetched_at)
            last = rows[-1][0]

    def article_texts(self, ids: Collection[str]) -> dict[str, str]:
        """The clean text of each of these stored articles (no other field is read)."""
        todo, found = sorted(set(ids)), dict[str, str]()
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i:i + _CHUNK]
            found.update(self._links.query(f'SELECT id, text FROM {{t}}articles WHERE id IN ({", ".join("?" * len(chunk))})',
                                           chunk))
        return found

    def article_titles(self, ids: Collection[str]) -> dict[str, str]:
        """The title of each of these stored articles (``""`` for none; no other field is read)."""
        todo, found = sorted(set(ids)), dict[str, str]()
        for i in range(0, len(todo), _CHUNK):
            chunk = todo[i:i + _CHUNK]
            found.update((str(article_id), title or "") for article_id, title in self._links.query(
                f'SELECT id, title FROM {{t}}articles WHERE id IN ({", ".join("?" * len(chunk))})', chunk))
        return found

    def article_raw_texts(self, ids: Collection[str]) -> dict[str, str]:
        """The raw text (as read, before cleaning) of each of these stored articles, read by the database from
        the stored form, without decoding the rest of the article: what site furniture is learned from (#17)."""
        db = self._links
        raw = "json_extract(data, '$.raw_text')" if db.sqlite else "(data::json ->> 'raw_text')"
        todo, found = sorted(set(ids)), dict[str, str]()
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            found.update((str(article_id), text or "") for article_id, text in db.query(
                f'SELECT id, {raw} FROM {{t}}articles WHERE id IN ({", ".join("?" * len(chunk))})', chunk))
        return found

    def entity_totals(self) -> tuple[int, int, int]:
        """How many corpus entities are stored, how many of them hold several names, and how many article
        entities the last link run kept for them (``link_entity_mentions``).

        The second is the last link run's count, kept in its summary with the rows it wrote: counting it in
        the tables groups every member row of the corpus, which an incremental run must not do (#17). It is
        counted only when no run recorded it."""
        rows = self._links.query("SELECT (SELECT COUNT(*) FROM {t}corpus_entities), "
                                 "(SELECT COUNT(*) FROM {t}link_entity_mentions), "
                                 "(SELECT value FROM {t}meta WHERE key = 'link_summary')")
        entities, mentions, summary = rows[0]
        merged = json.loads(summary).get("merged_entities") if summary else None
        if merged is None:
            merged = self._links.query(
                "SELECT COUNT(*) FROM (SELECT corpus_id FROM {t}corpus_entity_members GROUP BY corpus_id "
                "HAVING COUNT(DISTINCT name) > 1) AS merged")[0][0]
        return int(entities), int(merged), int(mentions)

    def link_state(self) -> str | None:
        """What the last link run recorded of how it linked (its settings and versions), ``None`` before any run
        that recorded it: a run links incrementally only from the same state."""
        rows = self._links.query("SELECT value FROM {t}meta WHERE key = 'link_state'")
        return str(rows[0][0]) if rows else None

    def site_furniture(self) -> dict[str, set[str]]:
        """Furniture learned by the last link run: site -> line hashes (empty before any run)."""
        found: dict[str, set[str]] = {}
        for row in self.link_rows(FurnitureRow):
            found.setdefault(row.site, set()).add(row.line_hash)
        return found

    def add_decision(self, decision: Decision) -> Decision:
        """Record a manual merge or split; returns it with its ``id`` and ``created_at``.

        The links change at the next link run (``newsprism entities merge/split`` and the web relink at once).
        """
        db = self._links
        created = datetime.now(UTC).isoformat(timespec="seconds")
        values = (decision.action, json.dumps(list(decision.names), ensure_ascii=False), decision.label, created,
                  decision.note)
        insert = "INSERT INTO {t}entity_decisions (action, names, label, created_at, note) VALUES (?, ?, ?, ?, ?)"
        with db.transaction() as cursor:
            # PostgreSQL has no lastrowid: the new id comes back through RETURNING
            cursor.execute(db.sql(insert if db.sqlite else insert + " RETURNING id"), values)
            new_id = cursor.lastrowid if db.sqlite else cursor.fetchone()[0]
        if new_id is None:
            raise StoreError("the corpus returned no id for the new entity decision", code=Code.NO_DECISION_ID)
        return Decision(decision.action, decision.names, decision.label, decision.note, int(new_id), created)

    def decisions(self) -> list[Decision]:
        """Every manual entity decision, in the order they were taken."""
        found: list[Decision] = []
        for id_, action, names, label, created, note in self._links.query(
                "SELECT id, action, names, label, created_at, note FROM {t}entity_decisions ORDER BY id"):
            try:
                found.append(Decision(action, tuple(json.loads(names)), label, note, int(id_), str(created)))
            except BadValueError:  # a merge of one name, recorded before decisions were checked: it did nothing
                log.warning("entity decision %s ignored: %s %s", id_, action, names)
        return found
