"""Fixtures for the sources tests: our own sample files and a local HTTP server (no external network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.config import Settings


@dataclass
class Route:
    """A canned answer: status, headers, body; ``delay`` seconds between body chunks, ``head_delay`` between the
    bytes of the status line and headers."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    chunks: int = 1
    head_delay: float = 0.0


class LocalServer:
    """An HTTP server on 127.0.0.1 serving :class:`Route`s; records every path asked for."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path, Route(b"not found", 404, {"Content-Type": "text/plain"}))
                if route.head_delay:
                    self._trickle_head(route)
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in route.headers and route.delay == 0:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                step = max(1, len(route.body) // route.chunks)
                try:
                    for start in range(0, len(route.body), step):
                        self.wfile.write(route.body[start:start + step])
                        self.wfile.flush()
                        time.sleep(route.delay)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading on purpose (size or time limit)

            def _trickle_head(self, route: Route) -> None:
                lines = [f"HTTP/1.1 {route.status} OK", *(f"{k}: {v}" for k, v in route.headers.items()),
                         f"Content-Length: {len(route.body)}", "", ""]
                try:
                    for byte in "\r\n".join(lines).encode():
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(route.head_delay)
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on purpose (time limit)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the server log
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def serve(self, path: str, body: bytes = b"", *, status: int = 200, content_type: str | None = "text/html",
              headers: dict[str, str] | None = None, delay: float = 0.0, chunks: int = 1,
              head_delay: float = 0.0) -> str:
        """Answer ``path`` with this response; returns its full URL."""
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        self.routes[path] = Route(body, status, all_headers, delay, chunks, head_delay)
        return self.url(path)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local HTTP server, shut down after the test."""
    local = LocalServer()
    local.thread.start()
    try:
        yield local
    finally:
        local.httpd.shutdown()
        local.httpd.server_close()
        local.thread.join(timeout=5)


@pytest.fixture
def settings() -> Settings:
    """Settings for tests against the local server (loopback allowed, short time-out)."""
    return Settings(allow_private=True, fetch_timeout=5.0, respect_robots=True, follow_feed_links=True)


@pytest.fixture
def make_settings() -> Callable[..., Settings]:
    def make(**changes: object) -> Settings:
        return Settings(allow_private=True, fetch_timeout=5.0).replace(**changes)

    return make
