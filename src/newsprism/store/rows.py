"""Rows of the fact tables, shared by the SQLite and PostgreSQL stores."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..codes import Code
from ..errors import BadValueError
from ..model import Article, article_to_json, content_hash

#: The shortest id prefix that finds an article (#15). Ids are 16 hex digits; three already narrow 4,096 ways.
MIN_ID_PREFIX = 3
#: How many ids a prefix lookup reads: the few an ambiguous prefix's message names, and one more.
SHOWN_IDS = 6

#: The columns of the ``articles`` table a store writes, in insertion order (``rowid`` is the database's).
ARTICLE_COLUMNS = ("id", "key", "url", "canonical_url", "title", "published", "site", "lang", "source", "content_kind",
                   "text", "content_hash", "ingested_at", "data", "version")


def article_row(article: Article, *, ingested_at: str) -> tuple[Any, ...]:
    """The ``articles`` row of ``article`` (:data:`ARTICLE_COLUMNS`): indexed columns, the JSON form and its
    version (a hash of that form: a link run finds what changed since it last ran by comparing versions, #17)."""
    data = json.dumps(article_to_json(article), ensure_ascii=False)
    return (article.id, article.key, article.url, article.canonical_url, article.title, article.published,
            article.site, article.lang, article.source, article.content_kind, article.text,
            content_hash(article.text), ingested_at, data, version_of(data))


def version_of(data: str) -> str:
    """The version of an article's stored JSON form."""
    return hashlib.sha1(data.encode()).hexdigest()


#: table -> column names (after ``article_id``), in insertion order.
FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "removals": ("start", "end", "kind", "reason", "text"),
    "repairs": ("start", "end", "before", "after", "kind"),
    "entities": ("entity_id", "name", "label", "variants", "mentions"),
    "mentions": ("start", "end", "text", "label", "entity_id"),
    "quotes": ("start", "end", "text", "kind", "speaker", "speaker_name", "cue"),
    "claims": ("start", "end", "text", "value", "bound", "unit", "counted", "verb", "claimant", "claimant_name", "as_of"),
    "times": ("start", "end", "text", "value", "granularity", "resolved"),
    "places": ("start", "end", "text", "name", "gazetteer_id", "lat", "lon", "country", "type"),
}


def id_prefix_pattern(prefix: str) -> str:
    """A ``LIKE`` pattern (used with ``ESCAPE '\\'``) for the ids that start with ``prefix``, wildcards escaped."""
    return re.sub(r"([\\%_])", r"\\\1", prefix) + "%"


def one_id(prefix: str, ids: Sequence[str], *, kind: str = "article") -> str | None:
    """The only id of ``ids`` (those starting with ``prefix``, at most one more than shown), or ``None``.

    ``kind`` names what the ids are for the message (``article``, ``story``).

    Raises:
        BadValueError: ``E173`` when several ids start with ``prefix``, naming a few of them.
    """
    if len(ids) <= 1:
        return ids[0] if ids else None
    shown = ", ".join(ids[:SHOWN_IDS - 1]) + (", ..." if len(ids) >= SHOWN_IDS else "")
    raise BadValueError(f"{kind} id prefix {prefix!r} is ambiguous: it starts {shown}; give more characters",
                        code=Code.AMBIGUOUS_ID)


def fact_rows(article: Article) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every (table, row) the fact tables hold for ``article``."""
    names = {entity.id: entity.name for entity in article.entities}
    aid = article.id
    for r in article.removals:
        yield "removals", (aid, r.start, r.end, r.kind, r.reason, r.text)
    for p in article.repairs:
        yield "repairs", (aid, p.start, p.end, p.before, p.after, p.kind)
    for e in article.entities:
        yield "entities", (aid, e.id, e.name, e.label, json.dumps(list(e.variants), ensure_ascii=False), e.mentions)
    for m in article.mentions:
        yield "mentions", (aid, m.start, m.end, m.text, m.label, m.entity)
    for q in article.quotes:
        speaker_name = names.get(q.speaker or "", q.speaker_text)
        yield "quotes", (aid, q.start, q.end, q.text, q.kind, q.speaker, speaker_name, q.cue)
    for c in article.claims:
        claimant_name = names.get(c.claimant or "", c.claimant_text)
        yield "claims", (aid, c.start, c.end, c.text, c.value, c.bound, c.unit, c.counted, c.verb, c.claimant,
                         claimant_name, c.as_of)
    for t in article.times:
        yield "times", (aid, t.start, t.end, t.text, t.value, t.granularity, int(t.resolved))
    for pl in article.places:
        yield "places", (aid, pl.start, pl.end, pl.text, pl.name, pl.gazetteer_id, pl.lat, pl.lon, pl.country, pl.type)
