"""Fetching URLs: a local server on 127.0.0.1 (allowed with allow_private) and fake transports; no external network."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsprism.config import Settings
from newsprism.errors import ConfigError
from newsprism.model import Failure, RawDocument
from newsprism.sources import iter_documents
from newsprism.sources.fetch import Fetcher, Response, address_problem

DATA = Path(__file__).parent / "data"
PAGE = (DATA / "site" / "bridge.html").read_bytes()


def _one(specs: list[str], settings: Settings) -> RawDocument | Failure:
    items = list(iter_documents(specs, settings=settings))
    assert len(items) == 1, items
    return items[0]


def test_fetch_page(server: Any, settings: Settings) -> None:
    url = server.serve("/bridge", PAGE, content_type="text/html; charset=utf-8")
    item = _one([url], settings)
    assert isinstance(item, RawDocument)
    assert item.kind == "html" and item.content == PAGE and item.url == url and item.encoding == "utf-8"
    assert item.fetched and item.fetched.endswith("+00:00")
    user_agents = {headers.get("User-Agent") for _, headers in server.requests}
    assert user_agents == {settings.user_agent}
    assert server.paths() == ["/robots.txt", "/bridge"]


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        # each row: routes to serve, then the path asked for
        (lambda s: s.serve("/missing", b"", status=404) and "/missing", "E116"),
        (lambda s: s.serve("/boom", b"oops", status=500) and "/boom", "E116"),
        (lambda s: s.serve("/big", b"x" * 5000, content_type="text/plain") and "/big", "E115"),
        (lambda s: s.serve("/big-undeclared", b"<p>" * 3000, delay=0.001, chunks=10) and "/big-undeclared", "E115"),
        (lambda s: s.serve("/loop", status=302, headers={"Location": "/loop"}) and "/loop", "E117"),
        (lambda s: s.serve("/to-ftp", status=301, headers={"Location": "ftp://127.0.0.1/x"}) and "/to-ftp", "E112"),
        (lambda s: s.serve("/image", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png") and "/image", "E109"),
        (lambda s: s.serve("/slow", b"<p>slow</p>" * 20, delay=0.2, chunks=20) and "/slow", "E114"),
        (lambda s: s.serve("/private/x", PAGE) and s.serve("/robots.txt", b"User-agent: *\nDisallow: /private/",
                                                             content_type="text/plain") and "/private/x", "E113"),
        (lambda s: s.serve("/down", PAGE) and s.serve("/robots.txt", status=503) and "/down", "E113"),
        # rows that must work
        (lambda s: s.serve("/a", status=301, headers={"Location": "/b"}) and s.serve("/b", PAGE) and "/a", None),
        (lambda s: s.serve("/open", PAGE) and s.serve("/robots.txt", status=404) and "/open", None),
        (lambda s: s.serve("/public/x", PAGE) and s.serve("/robots.txt", b"User-agent: *\nDisallow: /private/",
                                                            content_type="text/plain") and "/public/x", None),
        (lambda s: s.serve("/plain", b"Plain words.", content_type="text/plain") and "/plain", None),
    ],
)
def test_fetch_failures(server: Any, make_settings: Callable[..., Settings], setup: Callable[[Any], str],
                        code: str | None) -> None:
    path = setup(server)
    item = _one([server.url(path)], make_settings(max_bytes=4000, fetch_timeout=1.0))
    if code is None:
        assert isinstance(item, RawDocument), item
    else:
        assert isinstance(item, Failure) and item.code == code, item
        assert item.url == server.url(path) and ";" in item.message


@pytest.mark.issue(16)
@pytest.mark.parametrize(("path", "head_delay", "delay", "code"), [
    ("/trickled-head", 0.05, 0.0, "E114"),  # 40 s of headers at one byte a second, scaled down
    ("/trickled-body", 0.0, 0.1, "E114"),
    ("/quick-head", 0.001, 0.0, None),  # row that must pass: slow bytes, but done within the time-out
])
def test_fetch_one_deadline_covers_headers_and_body(server: Any, make_settings: Callable[..., Settings], path: str,
                                                    head_delay: float, delay: float, code: str | None) -> None:
    # Each byte arrives well within a per-read time-out; only a deadline for the whole fetch stops it.
    server.serve("/robots.txt", status=404)
    headers = {f"X-Filler-{n}": "z" * 20 for n in range(4)}  # a head of about 200 bytes
    server.serve(path, PAGE[:400], headers=headers, head_delay=head_delay, delay=delay, chunks=50)
    started = time.monotonic()
    with Fetcher(settings=make_settings(fetch_timeout=1.0)) as fetcher:
        result = fetcher.fetch(server.url(path))
    seconds = time.monotonic() - started
    if code is None:
        assert isinstance(result, Response) and result.body == PAGE[:400], result
    else:
        assert isinstance(result, Failure) and result.code == code and "fetch_timeout=1 s" in result.message, result
        assert seconds < 2.0, seconds


def test_fetch_redirect_target_url_is_kept(server: Any, settings: Settings) -> None:
    server.serve("/old", status=301, headers={"Location": "/new"})
    server.serve("/new", PAGE)
    item = _one([server.url("/old")], settings)
    assert isinstance(item, RawDocument) and item.url == server.url("/new") and item.source == server.url("/old")


@pytest.mark.issue(18)
def test_fetch_source_is_the_normalised_url(server: Any, settings: Settings) -> None:
    # The same page named the same way however the URL was written; it is fetched as written.
    server.serve("/page", PAGE)
    server.serve("/gone", status=404)
    spelled = server.url("/page").replace("http://", "HTTP://") + "#top"
    item = _one([spelled], settings)
    assert isinstance(item, RawDocument) and item.source == server.url("/page")
    failed = _one([server.url("/gone") + "#top"], settings)
    assert isinstance(failed, Failure) and failed.source == server.url("/gone")


def test_fetch_robots_is_read_once_per_host(server: Any, settings: Settings) -> None:
    for name in ("a", "b", "c"):
        server.serve(f"/{name}", PAGE)
    items = list(iter_documents([server.url("/a"), server.url("/b"), server.url("/c")], settings=settings))
    assert all(isinstance(item, RawDocument) for item in items)
    assert server.paths().count("/robots.txt") == 1


def test_fetch_robots_can_be_ignored(server: Any, make_settings: Callable[..., Settings]) -> None:
    server.serve("/robots.txt", b"User-agent: *\nDisallow: /", content_type="text/plain")
    server.serve("/page", PAGE)
    assert isinstance(_one([server.url("/page")], make_settings()), Failure)
    assert isinstance(_one([server.url("/page")], make_settings(respect_robots=False)), RawDocument)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_fetch_loopback_is_refused_by_default(server: Any, host: str) -> None:
    server.serve("/bridge", PAGE)
    url = server.url("/bridge").replace("127.0.0.1", host)
    item = _one([url], Settings())
    assert isinstance(item, Failure) and item.code == "E111"
    assert "loopback" in item.message and "--allow-private" in item.message
    assert server.requests == []  # refused before any connection


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("10.0.0.1", "private address"),
        ("192.168.1.20", "private address"),
        ("172.16.5.4", "private address"),
        ("127.0.0.1", "loopback address"),
        ("169.254.169.254", "link-local address"),  # cloud metadata endpoint
        ("::1", "loopback address"),
        ("fe80::1", "link-local address"),
        ("::ffff:10.0.0.1", "private address"),
        ("0.0.0.0", "unspecified address"),
        ("100.64.0.1", "non-public address"),
        # public addresses pass
        ("93.184.216.34", None),
        ("2606:2800:220:1:248:1893:25c8:1946", None),
    ],
)
def test_fetch_address_problem(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


@pytest.mark.issue(16)
def test_fetch_allow_private_does_not_open_the_metadata_address(server: Any, settings: Settings) -> None:
    # With allow_private, a page redirecting to the cloud metadata service would hand out the machine's credentials.
    server.serve("/robots.txt", status=404)
    server.serve("/story", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    item = _one([server.url("/story")], settings)
    assert isinstance(item, Failure) and item.code == "E111", item
    assert "link-local address 169.254.169.254" in item.message and "allow_addresses" in item.message
    assert server.paths() == ["/robots.txt", "/story"]  # refused before connecting


@pytest.mark.issue(16)
@pytest.mark.parametrize(("changes", "address", "refused"), [
    ({"allow_private": True}, "169.254.169.254", "link-local address"),
    ({"allow_private": True}, "fe80::1", "link-local address"),
    ({"allow_private": True}, "::ffff:169.254.169.254", "link-local address"),
    ({"allow_private": True}, "64:ff9b::a9fe:a9fe", "link-local address"),  # NAT64 spelling of the same
    ({"allow_private": True}, "fd00:ec2::254", "cloud metadata address"),
    ({"allow_private": True, "allow_addresses": ("10.9.0.0/16",)}, "169.254.169.254", "link-local address"),
    ({}, "169.254.169.254", "link-local address"),
    ({"allow_addresses": ("169.254.169.254",)}, "10.0.0.5", "private address"),
    # rows that must pass: private with allow_private, and addresses named in allow_addresses
    ({"allow_private": True}, "10.0.0.5", None),
    ({"allow_private": True}, "127.0.0.1", None),
    ({"allow_private": True, "allow_addresses": ("169.254.169.254",)}, "169.254.169.254", None),
    ({"allow_addresses": ("169.254.169.254",)}, "169.254.169.254", None),
    ({"allow_addresses": ("fe80::/10",)}, "fe80::1", None),
    ({"allow_addresses": ("10.0.0.5",)}, "10.0.0.5", None),
])
def test_fetch_link_local_only_when_named(changes: dict[str, Any], address: str, refused: str | None) -> None:
    seen: list[httpx.Request] = []
    page = httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)
    host = f"[{address}]" if ":" in address else address
    transport = _fake({f"http://{host}/x": page}, seen)
    settings = Settings(respect_robots=False).replace(**changes)
    with Fetcher(settings=settings, transport=transport, resolver=lambda name, port: [address]) as fetcher:
        result = fetcher.fetch("http://internal.example.org/x")
    if refused is None:
        assert isinstance(result, Response) and len(seen) == 1, result
    else:
        assert isinstance(result, Failure) and result.code == "E111" and f"{refused} {address}" in result.message
        assert seen == []


def test_fetch_allow_addresses_must_be_addresses() -> None:
    with pytest.raises(ConfigError, match="allow_addresses"):
        Fetcher(settings=Settings(allow_addresses=("metadata.internal",)))


def _fake(routes: dict[str, httpx.Response], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return routes.get(str(request.url), httpx.Response(404))

    return httpx.MockTransport(handler)


def test_fetch_redirect_to_private_address_is_refused_at_the_hop() -> None:
    """A public page that redirects to an internal address must not be followed."""
    names = {"news.example.org": ["93.184.216.34"], "internal.example.org": ["10.1.2.3"]}
    seen: list[httpx.Request] = []
    transport = _fake({"http://93.184.216.34/story": httpx.Response(302, headers={
        "Location": "http://internal.example.org/admin"})}, seen)
    settings = Settings(respect_robots=False)
    with Fetcher(settings=settings, transport=transport, resolver=lambda host, port: names[host]) as fetcher:
        result = fetcher.fetch("http://news.example.org/story")
    assert isinstance(result, Failure) and result.code == "E111" and "10.1.2.3" in result.message
    assert [str(r.url) for r in seen] == ["http://93.184.216.34/story"]
    assert seen[0].headers["host"] == "news.example.org"  # connected to the checked address, by name


def test_fetch_any_private_address_among_several_is_refused() -> None:
    seen: list[httpx.Request] = []
    resolver = {"mixed.example.org": ["93.184.216.34", "192.168.0.7"]}
    with Fetcher(settings=Settings(respect_robots=False), transport=_fake({}, seen),
                 resolver=lambda host, port: resolver[host]) as fetcher:
        result = fetcher.fetch("http://mixed.example.org/")
    assert isinstance(result, Failure) and result.code == "E111" and seen == []


def test_fetch_unresolvable_host() -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with Fetcher(settings=Settings(), resolver=resolver) as fetcher:
        result = fetcher.fetch("https://no-such-host.invalid/")
    assert isinstance(result, Failure) and result.code == "E118"


def test_fetch_response_charset() -> None:
    response = Response(url="u", status=200, content_type='text/html; charset="ISO-8859-1"', body=b"", fetched="")
    assert response.charset == "ISO-8859-1"


def test_fetch_https_is_pinned_to_the_checked_address_with_sni() -> None:
    seen: list[httpx.Request] = []
    page = httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)
    transport = _fake({"https://93.184.216.34:8443/a?b=1": page}, seen)
    with Fetcher(settings=Settings(respect_robots=False), transport=transport,
                 resolver=lambda host, port: ["93.184.216.34"]) as fetcher:
        result = fetcher.fetch("https://news.example.org:8443/a?b=1")
    assert isinstance(result, Response) and result.url == "https://news.example.org:8443/a?b=1"
    assert seen[0].headers["host"] == "news.example.org:8443"
    assert seen[0].extensions["sni_hostname"] == "news.example.org"  # TLS checks the certificate for the name
