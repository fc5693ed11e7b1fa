"""Security: response headers, the write token, safe links, the one error shape.

Scraped text is hostile. The defences are layered: Jinja2 autoescaping (no
``|safe`` on article data anywhere), a strict Content-Security-Policy that
forbids inline scripts and foreign origins (so even an escaping slip cannot
run a script), only http(s) links from articles, and writes refused unless
the operator configured a token.
"""

from __future__ import annotations

import hmac
from typing import Any
from urllib.parse import urlsplit

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
