"""The JSON API: every page's twin at the same path plus ``.json``, and the write actions.

Reads are open; writes (entity merge/split, ingest) need the operator's
bearer token and are refused with 403 when none is configured.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..errors import BadValueError
from ..store.reads import FactParams
from ..store.rows import MIN_ID_PREFIX
from . import groups as groups_mod
from . import schemas, views
from .corpus import Corpus
from .params import BadParameter, SearchParams, fact_params, known_parameters_only, search_params
from .security import token_ok

router = APIRouter(dependencies=[Depends(known_parameters_only)])


def get_corpus(request: Request) -> Corpus:
    """The corpus this app serves."""
    corpus: Corpus = request.app.state.corpus
    return corpus


CorpusDep = Annotated[Corpus, Depends(get_corpus)]


def require_token(request: Request, corpus: CorpusDep) -> None:
    """Refuse a write unless the operator configured a token and the request carries it."""
    if corpus.token is None:
        raise HTTPException(403, detail="writes are disabled on this server; start it with "
                                        "'newsprism serve --token-env NAME' to allow them")
    if not token_ok(corpus.token, request.headers.get("authorization")):
        raise HTTPException(401, detail="a write needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def load_article(corpus: Corpus, article_id: str) -> Any:
    """The article with this id or unique id prefix; a 404 when none, a 400 naming a few when several."""
    try:
        article = corpus.store.get(article_id) if MIN_ID_PREFIX <= len(article_id) <= 64 else None
    except BadValueError as e:
        raise BadParameter(400, "article_id", str(e), where="path") from e
    if article is None:
        raise HTTPException(404, detail=f"no article with id {article_id[:64]!r}")
    return article


def load_story(corpus: Corpus, story_id: str) -> dict[str, Any]:
    """A story's records; a 404 when the corpus has no such story (or no stories)."""
    data = views.story_view(corpus, story_id) if corpus.features.stories else None
    if data is None:
        raise HTTPException(404, detail=f"no story with id {story_id[:64]!r}")
    return data


@router.get("/index.json", summary="Corpus counts", response_model=schemas.Counts)
def home_json(corpus: CorpusDep) -> dict[str, Any]:
    return {"ok": True, **views.home_view(corpus)}


@router.get("/search.json", summary="Full-text search with facets and matches over time",
            response_model=schemas.SearchOut)
def search_json(corpus: CorpusDep, params: Annotated[SearchParams, Depends(search_params)]) -> dict[str, Any]:
    return {"ok": True, **views.search_view(corpus, params)}


@router.get("/article/{article_id}.json", summary="An article in its JSON form, its story and duplicates",
            response_model=schemas.ArticleOut)
def article_json(article_id: str, corpus: CorpusDep) -> dict[str, Any]:
    return {"ok": True, **views.article_view(corpus, load_article(corpus, article_id))}


@router.get("/entity.json", summary="An entity by canonical name, with manual merges applied",
            response_model=schemas.EntityOut)
def entity_json(corpus: CorpusDep, name: Annotated[str, Query(min_length=1, max_length=300)],
                label: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
    return {"ok": True, **views.entity_view(corpus, name, label or None)}


@router.get("/stories.json", summary="Stories (same-event article groups), when the corpus has them",
            response_model=schemas.StoriesOut)
def stories_json(corpus: CorpusDep) -> dict[str, Any]:
    return {"ok": True, **views.stories_view(corpus)}


@router.get("/story/{story_id}.json", summary="A story: articles, claims side by side, quotes, places",
            response_model=schemas.StoryOut)
def story_json(story_id: str, corpus: CorpusDep) -> dict[str, Any]:
    return {"ok": True, **load_story(corpus, story_id)}


@router.get("/quotes.json", summary="Quotes explorer", response_model=schemas.QuotesOut)
def quotes_json(corpus: CorpusDep, params: Annotated[FactParams, Depends(fact_params)]) -> dict[str, Any]:
    return {"ok": True, **views.quotes_view(corpus, params)}


@router.get("/claims.json", summary="Numeric claims explorer", response_model=schemas.ClaimsOut)
def claims_json(corpus: CorpusDep, params: Annotated[FactParams, Depends(fact_params)]) -> dict[str, Any]:
    return {"ok": True, **views.claims_view(corpus, params)}


class DecisionIn(BaseModel):
    """A manual entity decision."""

    action: Literal["merge", "split"]
    names: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1, max_length=50)
    label: str | None = Field(default=None, max_length=40)
    note: str | None = Field(default=None, max_length=1000)


@router.post("/api/entity-decisions", status_code=201, dependencies=[Depends(require_token)],
             response_model=schemas.DecisionOut,
             summary="Merge names into one entity, or split names off their entity (recorded, then the corpus relinked)")
def add_decision(body: DecisionIn, corpus: CorpusDep) -> dict[str, Any]:
    from ..decisions import Decision

    try:
        decision = Decision(body.action, tuple(body.names), body.label, body.note)
    except BadValueError as e:
        raise HTTPException(422, detail=str(e)) from e
    recorded = corpus.store.add_decision(decision)
    # The link stage applies decisions: relink now, as 'newsprism entities merge/split' does by default.
    return {"ok": True, "decision": groups_mod.decision_dict(recorded), "link": corpus.relink()}


@router.get("/api/entity-decisions", summary="Every recorded entity decision, oldest first",
            response_model=schemas.DecisionsOut)
def list_decisions(corpus: CorpusDep) -> dict[str, Any]:
    return {"ok": True, "decisions": [groups_mod.decision_dict(d) for d in corpus.groups().decisions]}


class DocumentIn(BaseModel):
    """One document to ingest."""

    content: str = Field(min_length=1, max_length=5_000_000)
    kind: Literal["html", "text"] | None = None
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=40)


class IngestIn(BaseModel):
    """Documents to run through the pipeline and store."""

    documents: list[DocumentIn] = Field(min_length=1, max_length=100)


@router.post("/api/ingest", dependencies=[Depends(require_token)], response_model=schemas.IngestOut,
             summary="Run documents through the pipeline and add them to the corpus")
def ingest_documents(body: IngestIn, corpus: CorpusDep) -> dict[str, Any]:
    from ..config import load_settings
    from ..ingest import Ingestor
    from ..model import RawDocument
    from ..sources.detect import detect_kind

    raws = [RawDocument(content=d.content, kind=d.kind or detect_kind(d.content),
                        source="web", url=d.url, title=d.title, published=d.published) for d in body.documents]
    settings = corpus.settings or load_settings()
    summary = Ingestor(corpus.store, settings=settings, workers=1).run(raws, sources=["web"])  # and links
    return {"ok": True, "summary": summary.as_dict(), "link": summary.link.as_dict() if summary.link else None}
