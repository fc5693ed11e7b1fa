"""The records the store's read API returns (:class:`newsprism.store.reader.CorpusReader`).

Plain dicts typed as ``TypedDict`` (they go to JSON unchanged: the web's JSON
twins and ``--json``), and one ``NamedTuple`` for an entity's rows. Spans are
character offsets into the article's text; the web adds its links to them.
"""

from __future__ import annotations

from typing import NamedTuple, NotRequired, TypedDict


class QuoteRecord(TypedDict):
    """A quote with its article's date and source (the explorer adds the quote's ``kind`` and the ``title``)."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    published: str | None
    source: str | None
    kind: NotRequired[str]
    title: NotRequired[str | None]


class Context(TypedDict):
    """The text around a span: ``before``, the span itself (``match``) and ``after``."""

    before: str
    match: str
    after: str


class ClaimRecord(TypedDict):
    """A numeric claim with its article's date, source and title (in a story, also its ``context``)."""

    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    bound: str | None
    unit: str | None
    counted: str | None
    verb: str | None
    claimant: str | None
    as_of: str | None
    published: str | None
    source: str | None
    title: str | None
    context: NotRequired[Context]


class PlaceCount(TypedDict):
    """A place named in some articles: how often, where it is, and one mention (``"article_id:start:end"``)."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    count: int
    first: str | None


class StoryRef(TypedDict):
    """A story by id and title."""

    id: str
    label: str | None


class StoryArticle(TypedDict):
    """An article of a story."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None


class StoryRecord(TypedDict):
    """A story with its articles in time order."""

    id: str
    label: str | None
    articles: list[StoryArticle]


class StorySummary(TypedDict):
    """A story in the list of stories: its size, first and last day, number of sources."""

    id: str
    label: str | None
    articles: int
    start: str | None
    end: str | None
    sources: int


class DuplicateRecord(TypedDict):
    """Another article of an article's duplicate group (``kind``: ``original`` or ``copy``)."""

    id: str
    kind: str
    score: float | None
    title: str | None
    source: str | None


class EntityRow(NamedTuple):
    """An article naming an entity; ``first`` is the entity's first mention there as ``"start:end"``."""

    article_id: str
    entity_id: str
    name: str
    label: str | None
    variants: str | None
    mentions: int | None
    published: str | None
    source: str | None
    title: str | None
    first: str | None
