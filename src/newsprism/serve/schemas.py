"""Response models of the JSON twins: what each ``.json`` route returns, as published in ``/openapi.json``.

The twins return records (the article JSON form, quotes, claims, counts),
not the geometry or pieces a page draws. FastAPI checks every response
against its model, so a field a view adds for its template never leaks into
the API. Article facts are the data model's records (:mod:`newsprism.model`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..model import Article


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ok: bool = Field(True, description="Always true: errors have their own shape.")


class Counts(_Out):
    """The start page: how much the corpus holds and which link tables it has."""

    counts: dict[str, int]
    features: dict[str, bool] = Field(description="Whether the corpus has stories and duplicate groups.")


class Period(BaseModel):
    """Matches (or mentions) in one day, month or year; periods without any are listed with 0."""

    period: str = Field(description="YYYY-MM-DD, YYYY-MM or YYYY, by the span of the whole series.")
    count: int


class FacetValue(BaseModel):
    """One value of a search facet."""

    value: str = Field(description="What the filter of the same name takes.")
    label: str = Field(description="How the value reads: a story's title, a file's name.")
    count: int


class Hit(BaseModel):
    """One article found by a search."""

    id: str
    title: str = Field(description="The title, with the matched words at title_matches.")
    title_matches: list[tuple[int, int]]
    snippet: str = Field(description="The matched words in context, with the matches at snippet_matches.")
    snippet_matches: list[tuple[int, int]] = Field(description="[start, end) character offsets into snippet.")
    source: str | None
    published: str | None
    lang: str | None
    url: str | None = Field(description="The article's URL when it is a safe http(s) URL, else null.")


class SearchOut(_Out):
    """A page of search results."""

    params: dict[str, Any]
    hits: list[Hit]
    total: int
    total_exact: bool = Field(description="False when there are more than count_cap matches (total is then "
                                          "count_cap).")
    has_next: bool
    ranked_among: int | None = Field(description="Set when relevance ranked only the newest matches.")
    facets: dict[str, list[FacetValue]]
    facets_exact: bool = Field(description="False when facets and histogram cover only facet_sample matches.")
    facet_sample: int
    count_cap: int = Field(description="How far matches were counted: lower under a filter.")
    histogram: list[Period]


class StoryRef(BaseModel):
    """The story an article belongs to."""

    id: str
    label: str | None


class Duplicate(BaseModel):
    """Another article of one of this article's duplicate groups."""

    id: str
    kind: str = Field(description="'original' or 'copy'.")
    score: float | None
    title: str | None
    source: str | None


class ArticleOut(_Out):
    """An article in its JSON form (the same as ``newsprism show --json``), and its place in the corpus."""

    schema_version: str = Field(description="The version of the article JSON form.")
    article: Article
    story: StoryRef | None
    duplicates: list[Duplicate]


class QuoteRow(BaseModel):
    """A quote, with its article's date and source and a link to its span."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None = Field(description="The speaker's entity name in the article.")
    cue: str | None
    published: str | None
    source: str | None
    kind: str | None = None
    title: str | None = None
    link: str = Field(description="The article page at this quote: it scrolls to the span and opens its evidence.")


class ClaimRow(BaseModel):
    """A numeric claim, with its article's date and source and a link to its span."""

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
    link: str


class QuotesOut(_Out):
    """A page of the quotes explorer."""

    params: dict[str, Any]
    quotes: list[QuoteRow]
    has_next: bool


class ClaimsOut(_Out):
    """A page of the claims explorer."""

    params: dict[str, Any]
    claims: list[ClaimRow]
    has_next: bool


class StoryRow(BaseModel):
    """A story in the list of stories."""

    id: str
    label: str | None
    articles: int
    start: str | None
    end: str | None
    sources: int


class StoriesOut(_Out):
    """Every story, the largest first."""

    available: bool = Field(description="False when the corpus was never linked.")
    stories: list[StoryRow]


class StoryArticle(BaseModel):
    """An article of a story."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None


class Context(BaseModel):
    """The text around a fact."""

    before: str
    match: str
    after: str


class StoryClaim(ClaimRow):
    """A claim of a story, as the link stage set it beside the others."""

    context: Context
    verdict: str = Field(description="The link stage's verdict on its quantity: agree, rounding, bounds (figures "
                                     "that differ but a bound makes consistent), revision, rising (later, higher "
                                     "figures of a tally that only grows), lower, scope, undated, disagreement, "
                                     "or empty.")
    note: str


class ClaimGroup(BaseModel):
    """The claims about one quantity, in date order."""

    what: str
    sources: int
    verdict: str
    differs: bool = Field(description="True when the link stage found sources disagreeing.")
    low: float | None
    high: float | None
    claims: list[StoryClaim]


class PlaceCount(BaseModel):
    """A place named in some articles, with where it was first named."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    count: int
    link: str | None = Field(description="The article page at the place's first mention.")


class StoryOut(_Out):
    """A story: its articles in time order, its claims side by side, its quotes and places."""

    id: str
    label: str | None
    articles: list[StoryArticle]
    sources: list[str]
    claim_groups: list[ClaimGroup]
    quotes: list[QuoteRow]
    places: list[PlaceCount]


class Variant(BaseModel):
    """A name an entity is written as, and in how many articles."""

    name: str
    articles: int


class CoMention(BaseModel):
    """An entity named in the same articles."""

    name: str
    label: str
    articles: int


class EntityArticle(BaseModel):
    """An article naming the entity."""

    id: str
    published: str | None
    source: str | None
    title: str | None
    link: str = Field(description="The article page at the entity's first mention.")


class EntityOut(_Out):
    """An entity by canonical name: variants, how they were merged, mentions, quotes, places."""

    name: str
    label: str | None
    labels: list[str]
    members: list[str] = Field(description="Every name grouped into this entity.")
    article_count: int
    articles: list[EntityArticle]
    variants: list[Variant]
    evidence: list[dict[str, Any]] = Field(description="How variants were merged inside articles.")
    decisions: list[dict[str, Any]] = Field(description="The manual merges and splits that touched it.")
    timeline: list[Period]
    quotes_by: list[QuoteRow]
    quotes_about: list[QuoteRow]
    co_mentions: list[CoMention]
    places: list[PlaceCount]


class DecisionRecord(BaseModel):
    """A recorded merge or split."""

    id: int
    action: str = Field(description="'merge' or 'split'.")
    names: list[str] = Field(description="For a merge, the first name is the one shown.")
    label: str | None
    created_at: str
    note: str | None


class DecisionOut(_Out):
    """The decision recorded, and what relinking the corpus found."""

    decision: DecisionRecord
    link: dict[str, Any] = Field(description="The link stage's summary, as 'newsprism link --json' prints it.")


class DecisionsOut(_Out):
    """Every recorded entity decision, oldest first."""

    decisions: list[DecisionRecord]


class IngestOut(_Out):
    """What an ingest stored and what failed."""

    summary: dict[str, Any] = Field(description="The ingest summary, as 'newsprism ingest --json' prints it.")
    link: dict[str, Any] | None = Field(default=None, description="What linking the corpus after the ingest found, "
                                        "as 'newsprism link --json' prints it.")
