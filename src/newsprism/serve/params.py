"""Query-string parsing shared by the pages and their JSON twins.

HTML forms send empty fields (``lang=``); they mean "no filter" here rather
than a validation error. A value that cannot be used (``date_from=2022-13-01``)
is a 422 naming the parameter and what it accepts, by the rules the CLI and
the Python API follow (:mod:`newsprism.validate`); a parameter the JSON twins
do not take (``from=`` for ``date_from=``) is a 400 naming those they do (#15).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query, Request

from ..codes import Code
from ..errors import BadValueError, QueryError
from ..store.query import parse_query
from ..store.reads import FactParams
from ..store.search import SearchQuery
from ..validate import iso_date, language_code

Text = Annotated[str | None, Query(max_length=500)]
Page = Annotated[int, Query(ge=1, le=1000)]


@dataclass(frozen=True, slots=True)
class SearchParams:
    """What a search page asks for: the store's :class:`~newsprism.store.search.SearchQuery` by page."""

    q: str = ""
    source: str | None = None
    site: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    place: str | None = None
    story: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    def query(self) -> SearchQuery:
        """The store's search for this page."""
        return SearchQuery(self.q, source=self.source, site=self.site, lang=self.lang, date_from=self.date_from,
                           date_to=self.date_to, entity=self.entity, place=self.place, story=self.story,
                           sort=self.sort, limit=self.per_page, offset=(max(self.page, 1) - 1) * self.per_page)


class BadParameter(HTTPException):
    """A request parameter that cannot be used; ``errors`` names it, in the one error shape."""

    def __init__(self, status: int, name: str, message: str, *, where: str = "query") -> None:
        super().__init__(status, detail=message)
        self.errors = [{"loc": [where, name], "msg": message, "type": "value_error"}]


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
        raise BadParameter(422, name, f"{name} must be a number, not {value[:40]!r}") from e


def _checked(name: str, value: str | None, check: Callable[..., str]) -> str | None:
    """``value`` checked by ``check`` (a :mod:`newsprism.validate` rule), ``None`` when empty; else a 422."""
    value = _clean(value)
    if value is None:
        return None
    try:
        return check(value, name=name)
    except BadValueError as e:
        raise BadParameter(422, name, str(e)) from e


def _query_names(dependant: Any) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters_only(request: Request) -> None:
    """Refuse a query parameter the endpoint does not take: a 400 naming those it does.

    For the JSON twins only: a program that misspells a filter must hear of it, where
    a page may ignore what a bookmark or a form adds.
    """
    route = request.scope.get("route")
    known = _query_names(route.dependant) if route is not None else set()
    for name in request.query_params:
        if name not in known:
            takes = f"takes: {', '.join(sorted(known))}" if known else "takes no parameters"
            raise BadParameter(400, name, f"[{Code.UNKNOWN_PARAMETER}] unknown parameter {name[:40]!r}{_did_you_mean(name, known)}; "
                                          f"{request.url.path} {takes}")


def _did_you_mean(name: str, known: set[str]) -> str:
    """A hint naming the parameter meant: ``date_from`` for ``from`` (the CLI's --from), else the closest."""
    close = [k for k in sorted(known) if k.endswith("_" + name)] or difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def search_params(q: Text = None, source: Text = None, site: Text = None, lang: Text = None, date_from: Text = None,
                  date_to: Text = None, entity: Text = None, place: Text = None, story: Text = None,
                  sort: Literal["relevance", "date"] = "relevance", page: Page = 1,
                  per_page: Annotated[int, Query(ge=1, le=100)] = 20) -> SearchParams:
    """Search filters from the query string; a query that cannot be read is a 400 saying what is wrong."""
    try:
        parse_query(_clean(q) or "")
    except QueryError as e:  # checked here, not left to the full-text index: its syntax errors were 500s (#16)
        raise HTTPException(400, detail=str(e)) from e
    return SearchParams(q=_clean(q) or "", source=_clean(source), site=_clean(site),
                        lang=_checked("lang", lang, language_code),
                        date_from=_checked("date_from", date_from, iso_date),
                        date_to=_checked("date_to", date_to, iso_date), entity=_clean(entity), place=_clean(place),
                        story=_clean(story), sort=sort, page=page, per_page=per_page)


def fact_params(speaker: Text = None, cue: Text = None, q: Text = None, story: Text = None,
                date_from: Text = None, date_to: Text = None, min_value: Text = None, max_value: Text = None,
                counted: Text = None, page: Page = 1) -> FactParams:
    """Quote and claim explorer filters from the query string."""
    return FactParams(speaker=_clean(speaker), cue=_clean(cue), q=_clean(q), story=_clean(story),
                      date_from=_checked("date_from", date_from, iso_date),
                      date_to=_checked("date_to", date_to, iso_date),
                      min_value=_number("min_value", min_value), max_value=_number("max_value", max_value),
                      counted=_clean(counted), page=page)
