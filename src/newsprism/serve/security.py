"""Security: response headers, the write token, safe links, the one error shape.

Scraped text is hostile. The defences are layered: Jinja2 autoescaping (no
``|safe`` on article data anywhere), a strict Content-Security-Policy that
forbids inline scripts and foreign origins (so even an escaping slip cannot
run a script), only http(s) links from articles, and writes refused unless
the operator configured a token.

Other web pages are hostile too: with DNS rebinding, a page on
``evil.example`` points that name at 127.0.0.1, and the browser then lets its
scripts read ``newsprism serve`` as if it were ``evil.example``. The ``Host``
header still names ``evil.example``, so only the names the server is known by
are answered (:class:`TrustedHosts`, issue #16).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

#: Host names every server answers to, besides the address it listens on and the configured names.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response (errors included)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *[(k, v) for k, v in self._raw if k not in names]]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The host named by a ``Host`` header (or a configured name): no port, no brackets, lower case.

    >>> host_name("[::1]:8000"), host_name("News.Example.:443"), host_name("localhost")
    ('::1', 'news.example', 'localhost')
    """
    text = header.strip().lower()
    if text.startswith("["):
        end = text.find("]")
        return text[1:end] if end > 0 else text
    if text.count(":") == 1:  # name:port; several colons is a bare IPv6 address
        text = text.split(":", 1)[0]
    return text.rstrip(".")


class TrustedHosts:
    """ASGI middleware: a request whose ``Host`` header names none of ``hosts`` gets 400, in the one error shape.

    Args:
        app: The application to protect.
        hosts: Names and addresses the server is known by; ``"*"`` answers any (no protection from DNS rebinding).
    """

    def __init__(self, app: Any, *, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(h) for h in hosts if h.strip())
        self.known = ", ".join(sorted(f"[{h}]" if ":" in h else h for h in self.hosts))

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        header = next((value.decode("latin-1") for name, value in scope.get("headers", []) if name == b"host"), "")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        from starlette.responses import JSONResponse

        named = f"the Host header names {header[:100]!r}" if header else "the request has no Host header"
        error = (f"unknown host: {named}, and this server answers only to {self.known}; "
                 "start it with --allowed-host NAME (setting allowed_hosts) to add a name")
        await JSONResponse(error_body(400, error), status_code=400, headers=HEADERS)(scope, receive, send)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL without credentials or control characters, else ``None``.

    >>> safe_url("javascript:alert(1)") is None
    True
    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    """
    if not url or any(ord(c) < 33 or c in "\"'<>`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    return url


def token_ok(configured: str | None, authorization: str | None) -> bool:
    """True when a token is configured and the ``Authorization: Bearer`` header carries it."""
    if not configured or not authorization:
        return False
    scheme, _, value = authorization.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), configured.encode())


def error_body(status: int, error: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"ok": False, "error": error, "errors": errors or [], "status": status}
