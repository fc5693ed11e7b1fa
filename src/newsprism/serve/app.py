"""The web application: wires the store, the routers, static files and error handling.

Build it with :func:`create_app`; ``newsprism serve`` runs it with uvicorn.
Page logic lives in ``views``, which read through the store's ``reader()`` (no
SQL here); HTML routes in ``pages`` and JSON routes in ``api``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .corpus import Corpus
from .security import HEADERS, LOCAL_HOSTS, SecurityHeaders, TrustedHosts, error_body

log = logging.getLogger(__name__)


def create_app(store: Any, *, token: str | None = None, settings: Any = None,
               allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The FastAPI app serving ``store``.

    Args:
        store: An open store: :class:`newsprism.store.sqlite.SQLiteStore` or
            :class:`newsprism.store.postgres.PostgresStore`.
        token: Bearer token that write requests must carry; ``None`` makes the server read-only.
        settings: Pipeline settings used by web ingest; its ``allowed_hosts`` are answered too.
        allowed_hosts: Host names or addresses requests may name in their ``Host`` header, besides
            ``localhost``, ``127.0.0.1`` and ``[::1]`` (pass the address the server listens on);
            ``"*"`` answers any.

    Returns:
        The ASGI application.
    """
    from . import api, pages

    app = FastAPI(title="newsprism", version=__version__, docs_url=None, redoc_url=None,
                  description="Search a news corpus and check every fact against its source text. "
                              "Every page has a JSON twin at the same path plus `.json`. Errors share one shape: "
                              '`{"ok": false, "error", "errors", "status"}`.')
    app.state.corpus = Corpus(store=store, token=token, settings=settings)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
    app.include_router(api.router)    # first: "/article/{id}.json" must win over "/article/{id}"
    app.include_router(pages.router)
    static = str(resources.files("newsprism.serve").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    hosts = [*LOCAL_HOSTS, *getattr(settings, "allowed_hosts", ()), *allowed_hosts]
    app.add_middleware(TrustedHosts, hosts=hosts)  # inside SecurityHeaders, so its 400 gets them too
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _respond(request: Request, status: int, error: str, errors: list[Any] | None = None,
             headers: dict[str, str] | None = None) -> Response:
    body = error_body(status, error, errors)
    # 500s are answered outside the middleware stack, so the security headers are set here too
    headers = {**HEADERS, **(headers or {})}
    if _wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    from .pages import environment

    corpus = getattr(request.app.state, "corpus", None)  # the navigation is the same as on every page (#15)
    html = environment().get_template("error.html").render(
        **body, path=request.url.path, query="", json_url="",
        has_stories=bool(corpus is not None and corpus.features.stories))
    return HTMLResponse(html, status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    detail = getattr(exc, "detail", None)
    errors = getattr(exc, "errors", None)  # a bad parameter names itself (params.BadParameter)
    return _respond(request, int(getattr(exc, "status_code", 500)),
                    detail if isinstance(detail, str) else "request failed",
                    errors if isinstance(errors, list) else None, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    raw = exc.errors() if isinstance(exc, RequestValidationError) else []
    errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e.get("type")}
              for e in raw]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    return _respond(request, 422, f"invalid {'.'.join(first['loc'][1:]) or 'request'}: {first['msg']}", errors)


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s", request.url.path)
    return _respond(request, 500, "internal error; the server log has the details")
