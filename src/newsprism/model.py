"""The data model: the records every stage reads and writes.

Everything here is a frozen, slotted stdlib dataclass, so records are cheap
to create, to compare and to pickle (for process pools and Dask). No I/O and
no heavy imports live in this module.

Offsets (``start``/``end``) are character offsets into ``Article.text``,
except in :class:`Removal`, whose span points into ``Article.raw_text`` (the
text before cleaning), :class:`Segment`, which maps one onto the other, and
the mentions of ``Article.metadata_mentions``, which point into the metadata
field their ``source`` names (``"title"``, ``"media/2"``, ``"removals/5"``, ``"tags/0"``).

The JSON form of an :class:`Article` mirrors these records one to one; its
version is :data:`SCHEMA_VERSION` and its JSON Schema is produced by
:func:`newsprism.schema.json_schema`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

#: Version of the JSON form. Bump the minor part for added fields, the major
#: part for renamed or removed ones.
SCHEMA_VERSION = "1.5"

ContentKind = Literal["html", "text"]
Granularity = Literal["second", "minute", "hour", "day", "week", "month", "season", "quarter", "year", "decade", "century", "unknown"]


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem met while processing one document; the document goes on.

    Attributes:
        code: Stable machine code from :mod:`newsprism.codes`, such as ``"E104"``.
        message: What happened, the likely cause and what to do.
        stage: The stage that raised it.
    """

    code: str
    message: str
    stage: str = ""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a source delivered it, before any processing.

    Attributes:
        content: The bytes (HTML, possibly undecoded) or text.
        kind: ``"html"`` or ``"text"``, as the source detected it.
        source: Where it came from, human-readable (path, ``archive.warc.gz#1234``, feed URL).
        url: The document's own URL, if known.
        title: A title hint (feed item, JSON Lines field).
        published: Publication date hint, ISO 8601.
        fetched: When it was fetched, ISO 8601.
        encoding: Declared character encoding of ``content`` when it is bytes.
        meta: Other hints from the source (feed name, WARC record id, ...).
    """

    content: bytes | str
    kind: ContentKind
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    fetched: str | None = None
    encoding: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """A document a source could not deliver (truncated record, bad feed, refused URL)."""

    source: str
    code: str
    message: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of page furniture taken out of the text.

    The span points into ``Article.raw_text``.

    Attributes:
        start: Start offset in the raw text.
        end: End offset in the raw text.
        kind: What it was: ``comment_form``, ``share``, ``caption``, ``credit``,
            ``related``, ``tags``, ``alt_text``, ``cookie``, ``advert``,
            ``navigation``, ``author_bio``, ``copyright``, ``subscribe``, ``comments``, ...
        reason: Why it was judged furniture, for a person to read.
        text: The removed text itself.
    """

    start: int
    end: int
    kind: str
    reason: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Repair:
    """An edit to the text: a glued word split, mojibake fixed.

    The span points into ``Article.text`` and covers ``after``.
    """

    start: int
    end: int
    before: str
    after: str
    kind: str = "glued_word"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of ``length`` characters copied unchanged from raw to clean text.

    The list of segments maps any clean-text offset back to the raw text
    (see :func:`to_raw_offset`).
    """

    start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the clean text with its detected language."""

    start: int
    end: int
    lang: str | None = None
    lang_score: float | None = None
    foreign: bool = False


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A caption, credit or image kept as metadata instead of body text."""

    kind: Literal["caption", "credit", "image", "alt_text"]
    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A related or read-more link kept as metadata."""

    text: str
    url: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class MergeEvidence:
    """Why a variant was merged into an entity."""

    variant: str
    rule: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in the text, or in a line cleaning kept as metadata.

    A mention of ``Article.mentions`` points into ``Article.text`` and its ``source`` is ``""``. A mention of
    ``Article.metadata_mentions`` points into the text of the field its ``source`` names: ``"title"`` (the
    headline), ``"media/<i>"`` (the ``text`` of ``Article.media[i]``: a caption, credit or alt text) or
    ``"removals/<i>"`` (the ``text`` of ``Article.removals[i]``: a byline or dateline) or ``"tags/<i>"``
    (``Article.tags[i]``) (#12); :func:`newsprism.extract.entities.metadata_field_text` gives that text.
    """

    start: int
    end: int
    text: str
    label: str
    entity: str | None = None
    stage: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing: canonical name plus every variant seen.

    Attributes:
        id: Identifier, unique within its article (``"e3"``) or corpus.
        name: The canonical name.
        label: ``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``NORP``, ``FAC``, ``EVENT``, ...
        variants: Every surface form merged into this entity.
        evidence: Why each non-canonical variant was merged.
        mentions: Number of mentions in the article: in its text and in its metadata lines.
    """

    id: str
    name: str
    label: str
    variants: tuple[str, ...] = ()
    evidence: tuple[MergeEvidence, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct, reported or mixed quote with its speaker.

    ``direct``: the words between quote marks; ``indirect``: reported speech
    ("She said the plan would fail"); ``mixed``: reported speech that quotes a
    fragment ("She said the plan was “dead on arrival”"), one quote whose span
    holds the fragment with its marks.
    """

    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect", "mixed"]
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 1.0
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: who says how many of what, and as of when.

    ``counted`` is the phrase to read ("people evacuated from the area"); ``what``
    is its normalised key, the counted or measured noun's lemma after its
    qualifiers ("resident", "palestinian civilian", "cost"), which the link stage
    uses to set figures from different articles side by side. ``about`` is the
    entity the figure belongs to, when the text names one ("Biden won 1,357
    delegates"), so that two candidates' delegates are two quantities.
    ``change`` is ``"up"`` or ``"down"`` when the figure is by how much a
    quantity moved, not its level ("down five points per game", "rose 3
    percent", "a drop of 200"): another quantity than the level itself.
    ``outlook`` is ``"expected"`` when the figure is what will be or is
    forecast ("will have more than 4.7 million shares", "expected to reach
    300"), not what is or was: a forecast is set beside forecasts only.
    """

    start: int
    end: int
    text: str
    value: float
    value_text: str
    bound: Literal["exact", "about", "at_least", "more_than", "less_than", "at_most", "range"] = "exact"
    value_max: float | None = None
    unit: str | None = None
    counted: str | None = None
    verb: str | None = None
    what: str | None = None
    about: str | None = None
    claimant: str | None = None
    claimant_text: str | None = None
    as_of: str | None = None
    confidence: float = 1.0
    stage: str = ""
    change: Literal["up", "down"] | None = None
    outlook: Literal["expected"] | None = None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A temporal expression resolved against the publication date."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: Granularity = "unknown"
    kind: Literal["date", "time", "duration", "set", "range"] = "date"
    resolved: bool = False
    anchor: str | None = None
    note: str | None = None
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a gazetteer entry."""

    start: int
    end: int
    text: str
    name: str | None = None
    gazetteer_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    type: str | None = None
    entity: str | None = None
    confidence: float = 1.0
    stage: str = ""
    #: Why the stage took the name for a place and chose this entry ("after 'in'; the article's other places").
    evidence: str = ""
    #: The longer name this place is named inside ("Dublin City Council" for "Dublin"), if any: a place
    #: of its own kind, which some gold sets count and others do not.
    within: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article: metadata, clean text and every fact found in it.

    ``raw_text`` is the text as read (after HTML extraction, before cleaning);
    ``text`` is the clean text all fact offsets point into.
    """

    id: str
    text: str
    raw_text: str = ""
    source: str = ""
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    site: str | None = None
    lang: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    fetched: str | None = None
    content_kind: ContentKind = "text"
    media: tuple[MediaItem, ...] = ()
    related: tuple[Link, ...] = ()
    removals: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    segments: tuple[Segment, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    mentions: tuple[Mention, ...] = ()
    #: Mentions in the headline, captions, credits, alt text, bylines, datelines and tags (see :class:`Mention`).
    metadata_mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeRef, ...] = ()
    places: tuple[Place, ...] = ()
    issues: tuple[Issue, ...] = ()
    stages: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The identity used for idempotent storage: canonical URL, else content hash."""
        return article_key(canonical_url=self.canonical_url or self.url, text=self.raw_text or self.text)

    def replace(self, **changes: Any) -> Article:
        """Return a copy with ``changes`` applied (stages never mutate)."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles from any number of sources about the same event."""

    id: str
    label: str
    article_ids: tuple[str, ...]
    sources: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None


# -- identity -----------------------------------------------------------------

_WS = re.compile(r"\s+")


def normalize_for_hash(text: str) -> str:
    """Lower-case, NFKC and collapse whitespace: the form content hashes use."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text, hex."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def article_key(*, canonical_url: str | None, text: str) -> str:
    """The storage key: ``url:<canonical url>`` when known, else ``sha256:<content hash>``."""
    if canonical_url:
        return "url:" + canonical_url
    return "sha256:" + content_hash(text)


def article_id(key: str) -> str:
    """A short, stable article id derived from its key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def to_raw_offset(segments: tuple[Segment, ...], offset: int) -> int | None:
    """Map an offset in the clean text to the raw text, or ``None`` if it was inserted."""
    for segment in segments:
        if segment.start <= offset <= segment.start + segment.length:
            return segment.raw_start + (offset - segment.start)
    return None


# -- JSON form ----------------------------------------------------------------

T = TypeVar("T")


_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple of them) into plain JSON-ready data."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        if not dataclasses.is_dataclass(record) or isinstance(record, type):
            return _plain(record)
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    # Scalars are most values: skipping the recursive call for them halves the cost of a store write.
    return {name: value if type(value) in _SCALARS else to_dict(value)
            for name in names for value in (getattr(record, name),)}


def _plain(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [item if type(item) in _SCALARS else to_dict(item) for item in value]
    if isinstance(value, Mapping):
        return {str(k): to_dict(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def article_to_json(article: Article) -> dict[str, Any]:
    """The versioned JSON form of an article."""
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(to_dict(article))
    return data


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build a record of type ``cls`` from its JSON form (inverse of :func:`to_dict`).

    Unknown keys are ignored so that newer JSON can be read by older code.
    """
    kwargs: dict[str, Any] = {}
    for name, convert in _plan(cls):
        if name in data:
            value = data[name]
            kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


def article_from_json(data: Mapping[str, Any]) -> Article:
    """Read an article from its JSON form."""
    return from_dict(Article, data)


_Convert = Callable[[Any], Any]
_PLANS: dict[type, tuple[tuple[str, _Convert | None], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, _Convert | None], ...]:
    # Type hints are resolved once per record type: reading a corpus back converts millions of values.
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = _PLANS[cls] = tuple((f.name, _converter(hints[f.name]))
                                   for f in dataclasses.fields(cls))
    return plan


def _converter(hint: Any) -> _Convert | None:
    """How to turn JSON data into a value of type ``hint``; ``None`` when it is already right."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        records = [a for a in args if isinstance(a, type) and dataclasses.is_dataclass(a)]
        return _record_converter(records[0]) if records else None
    if origin is tuple:
        inner = _converter(args[0])
        if inner is None:
            return tuple
        return lambda value: tuple(None if item is None else inner(item) for item in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_converter(hint)
    return None


def _record_converter(cls: type) -> _Convert:
    return lambda value: from_dict(cls, value) if isinstance(value, Mapping) else value


RECORD_TYPES: tuple[type, ...] = (
    RawDocument, Failure, Issue, Removal, Repair, Segment, Paragraph, MediaItem, Link,
    MergeEvidence, Mention, Entity, Quote, Claim, TimeRef, Place, Article, Story,
)
