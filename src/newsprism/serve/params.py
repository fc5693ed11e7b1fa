"""Query-string parsing shared by the pages and their JSON twins.

HTML forms send empty fields (``lang=``); they mean "no filter" here rather
than a validation error.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import HTTPException, Query

from ..errors import QueryError
from ..store.query import parse_query
from .queries import FactParams
from .search import SearchParams

Text = Annotated[str | None, Query(max_length=500)]
Page = Annotated[int, Query(ge=1, le=1000)]


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _number(name: str, value: str | None) -> float | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return float(value.replace(",", ""))
    except ValueError as e:
        raise HTTPException(422, detail=f"{name} must be a number, not {value[:40]!r}") from e


def search_params(q: Text = None, source: Text = None, lang: Text = None, date_from: Text = None,
                  date_to: Text = None, entity: Text = None, place: Text = None, story: Text = None,
                  sort: Literal["relevance", "date"] = "relevance", page: Page = 1,
                  per_page: Annotated[int, Query(ge=1, le=100)] = 20) -> SearchParams:
    """Search filters from the query string; a query that cannot be read is a 400 saying what is wrong."""
    try:
        parse_query(_clean(q) or "")
    except QueryError as e:  # checked here, not left to the full-text index: its syntax errors were 500s (#16)
        raise HTTPException(400, detail=str(e)) from e
    return SearchParams(q=_clean(q) or "", source=_clean(source), lang=_clean(lang), date_from=_clean(date_from),
                        date_to=_clean(date_to), entity=_clean(entity), place=_clean(place), story=_clean(story),
                        sort=sort, page=page, per_page=per_page)


def fact_params(speaker: Text = None, cue: Text = None, q: Text = None, story: Text = None,
                date_from: Text = None, date_to: Text = None, min_value: Text = None, max_value: Text = None,
                counted: Text = None, page: Page = 1) -> FactParams:
    """Quote and claim explorer filters from the query string."""
    return FactParams(speaker=_clean(speaker), cue=_clean(cue), q=_clean(q), story=_clean(story),
                      date_from=_clean(date_from), date_to=_clean(date_to),
                      min_value=_number("min_value", min_value), max_value=_number("max_value", max_value),
                      counted=_clean(counted), page=page)
