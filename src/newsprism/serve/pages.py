"""The HTML pages, rendered on the server from the same data as their JSON twins."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..store.reads import FactParams
from . import views
from .api import CorpusDep, load_article, load_story
from .params import SearchParams, fact_params, search_params
from .views import source_label

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment, with autoescaping always on."""
    import jinja2

    folder = str(resources.files("newsprism.serve").joinpath("templates"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["query"] = _query
    env.filters["number"] = _number
    env.filters["source"] = source_label
    return env


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied, empty values left out."""
    merged = {**params, **changes}
    defaults = {"page": 1, "per_page": 20, "sort": "relevance"}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "") and defaults.get(k) != v})


def render(request: Request, template: str, data: dict[str, Any], *, status: int = 200,
           json_url: str | None = None) -> HTMLResponse:
    """Render ``template`` with the page data, the request path and the corpus features."""
    corpus = request.app.state.corpus
    page = environment().get_template(template).render(
        **data, path=request.url.path, query=request.url.query,
        has_stories=corpus.features.stories, json_url=json_url or _json_url(request))
    return HTMLResponse(page, status_code=status)


def _json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/index"
    return path + ".json" + (f"?{request.url.query}" if request.url.query else "")


@router.get("/")
def home(request: Request, corpus: CorpusDep) -> HTMLResponse:
    return render(request, "home.html", views.home_view(corpus))


@router.get("/search")
def search(request: Request, corpus: CorpusDep,
           params: Annotated[SearchParams, Depends(search_params)]) -> HTMLResponse:
    return render(request, "search.html", views.search_page(views.search_view(corpus, params)))


@router.get("/article/{article_id}")
def article(request: Request, article_id: str, corpus: CorpusDep,
            view: Annotated[str, Query(pattern="^(facts|removals)$")] = "facts") -> HTMLResponse:
    return render(request, "article.html", {**views.article_page(corpus, load_article(corpus, article_id)),
                                            "view": view})


@router.get("/entity")
def entity(request: Request, corpus: CorpusDep, name: Annotated[str, Query(min_length=1, max_length=300)],
           label: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
    return render(request, "entity.html", views.entity_page(corpus, views.entity_view(corpus, name, label or None)))


@router.get("/stories")
def stories(request: Request, corpus: CorpusDep) -> HTMLResponse:
    return render(request, "stories.html", views.stories_view(corpus))


@router.get("/story/{story_id}")
def story(request: Request, story_id: str, corpus: CorpusDep) -> HTMLResponse:
    return render(request, "story.html", views.story_page(load_story(corpus, story_id)))


@router.get("/quotes")
def quotes(request: Request, corpus: CorpusDep, params: Annotated[FactParams, Depends(fact_params)]) -> HTMLResponse:
    return render(request, "quotes.html", views.facts_page(corpus, views.quotes_view(corpus, params)))


@router.get("/claims")
def claims(request: Request, corpus: CorpusDep, params: Annotated[FactParams, Depends(fact_params)]) -> HTMLResponse:
    return render(request, "claims.html", views.facts_page(corpus, views.claims_view(corpus, params)))


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    from .apidocs import api_page

    return render(request, "docs.html", api_page(request.app.openapi()), json_url="/openapi.json")
