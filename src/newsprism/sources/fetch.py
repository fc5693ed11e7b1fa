"""Fetching URLs safely: http(s) only, public addresses only, bounded in time and size, robots.txt respected.

Each hop of a fetch runs the same checks, redirects included:

1. The scheme is http or https.
2. The host name is resolved here and *every* address must be public
   (not private, loopback, link-local, multicast or reserved) unless
   ``allow_private`` is set. Even then link-local addresses and the cloud
   metadata services (169.254.169.254 and the like) stay refused unless named
   in ``allow_addresses``: with ``allow_private`` any page could otherwise
   redirect the fetcher to the machine's credentials (issue #16). The
   connection then goes to the checked address (the name is kept for the
   ``Host`` header and TLS), so a second, different DNS answer cannot slip a
   private address in.
3. robots.txt of the host (fetched once per host, through these same checks)
   allows our user agent.
4. The body is streamed and reading stops past ``max_bytes``.
5. The whole fetch (robots.txt, connecting, TLS, sending, headers, body, every
   redirect hop) ends within ``fetch_timeout`` seconds: each socket operation
   waits at most until that one deadline, so a server that trickles its headers
   a byte at a time cannot hold a fetch longer (issue #16).

Redirects are followed by hand, at most :data:`MAX_REDIRECTS` of them.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from ..codes import Code
from ..config import Settings
from ..errors import ConfigError
from ..model import Failure
from ._base import failure

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512_000
Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
#: Cloud metadata services outside the link-local ranges: AWS over IPv6, Alibaba Cloud.
METADATA_ADDRESSES = frozenset({ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body and what the server said about it."""

    url: str
    status: int
    content_type: str
    body: bytes
    fetched: str

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of the content type, if any."""
        for param in self.content_type.split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6).

    Raises:
        OSError: when the name does not resolve.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def address_problem(address: str) -> str | None:
    """Why ``address`` must not be fetched by default, or ``None`` for a public address.

    >>> address_problem("10.0.0.1")
    'private address'
    >>> address_problem("93.184.216.34") is None
    True
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, reason in ((ip.is_loopback, "loopback address"), (ip.is_link_local, "link-local address"),
                         (ip.is_multicast, "multicast address"), (ip.is_unspecified, "unspecified address"),
                         (ip.is_private, "private address"), (ip.is_reserved, "reserved address")):
        if test:
            return reason
    return None if ip.is_global else "non-public address"


def named_only_problem(address: str) -> str | None:
    """Why ``address`` is refused even with ``allow_private`` (only ``allow_addresses`` lets it through).

    Link-local addresses hold the cloud metadata services, which hand out the
    machine's credentials to whoever asks.

    >>> named_only_problem("169.254.169.254")
    'link-local address'
    >>> named_only_problem("10.0.0.1") is None
    True
    """
    ip = _embedded(ipaddress.ip_address(address.split("%", 1)[0]))
    if ip in METADATA_ADDRESSES:
        return "cloud metadata address"
    return "link-local address" if ip.is_link_local else None


def _embedded(ip: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def _networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    """The ``allow_addresses`` setting, parsed.

    Raises:
        ConfigError: on an entry that is not an address or a network.
    """
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)
    except ValueError as e:
        raise ConfigError(f"setting 'allow_addresses' has a bad entry ({e}); give IP addresses or networks "
                          "such as 169.254.169.254 or 10.1.0.0/16", code=Code.BAD_SETTING_VALUE) from e


class Fetcher:
    """Fetches URLs under the rules of the module docstring; one per run (it caches robots.txt).

    Args:
        settings: ``fetch_timeout``, ``max_bytes``, ``allow_private``, ``allow_addresses``, ``respect_robots``,
            ``user_agent``.
        transport: An httpx transport (tests pass ``httpx.MockTransport``).
        resolver: Host name resolution (tests pass a fake one).
    """

    def __init__(self, *, settings: Settings, transport: httpx.BaseTransport | None = None,
                 resolver: Resolver = resolve) -> None:
        import httpx

        self.settings = settings
        self._resolve = resolver
        self._allowed = _networks(settings.allow_addresses)
        self._robots: dict[str, RobotFileParser | Failure] = {}
        self._deadline = _Deadline()
        if transport is None:
            transport = httpx.HTTPTransport(trust_env=False)
            self._deadline.install(transport)
        self._client = httpx.Client(timeout=httpx.Timeout(settings.fetch_timeout), follow_redirects=False,
                                    headers={"User-Agent": settings.user_agent}, transport=transport,
                                    trust_env=False)  # an environment proxy would bypass the address checks

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def fetch(self, url: str, *, max_bytes: int | None = None, check_robots: bool = True) -> Response | Failure:
        """GET ``url``, following redirects; a :class:`Failure` says why it could not be done.

        Args:
            url: An http or https URL.
            max_bytes: Largest body accepted (default: the ``max_bytes`` setting).
            check_robots: Whether robots.txt must allow the URL (and each redirect target).
        """
        result = self._follow(url, max_bytes=max_bytes, check_robots=check_robots)
        if isinstance(result, Response) and result.status >= 400:
            return failure(url, Code.HTTP_ERROR, f"cannot fetch {result.url}", f"the server answered HTTP {result.status}",
                           "check the URL in a browser; retry later for 5xx errors", url=url)
        return result

    def _follow(self, url: str, *, max_bytes: int | None, check_robots: bool) -> Response | Failure:
        limit = self.settings.max_bytes if max_bytes is None else max_bytes
        current = url
        with self._deadline.until(time.monotonic() + self.settings.fetch_timeout) as deadline:
            for _ in range(MAX_REDIRECTS + 1):
                checked = self._check(current, source=url)
                if isinstance(checked, Failure):
                    return checked
                if check_robots and self.settings.respect_robots and (
                        refused := self._robots_refusal(current, source=url)):
                    return refused
                result = self._get(current, checked, source=url, max_bytes=limit, deadline=deadline)
                if not isinstance(result, str):
                    return result
                current = result
        return failure(url, Code.TOO_MANY_REDIRECTS, f"gave up on {url}", f"more than {MAX_REDIRECTS} redirects (last to {current})",
                       "fetch the final URL directly, or check for a redirect loop", url=url)

    # -- checks -------------------------------------------------------------

    def _check(self, url: str, *, source: str) -> Failure | str:
        """A failure, or the checked address to connect to."""
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as e:
            return failure(source, Code.NOT_HTTP_URL, f"refused {url}", f"malformed URL ({e})", "check the URL", url=source)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return failure(source, Code.NOT_HTTP_URL, f"refused {url}", "only http and https URLs with a host can be fetched",
                           "give an http(s) URL, or a local path for files", url=source)
        try:
            addresses = self._resolve(parts.hostname, port)
        except OSError as e:
            return failure(source, Code.HOST_UNRESOLVED, f"cannot fetch {url}", f"host {parts.hostname} does not resolve ({e})",
                           "check the host name and the network", url=source)
        for address in addresses:
            if refused := self._refusal(address, url=url, source=source):
                return refused
        if not addresses:
            return failure(source, Code.HOST_UNRESOLVED, f"cannot fetch {url}", f"host {parts.hostname} has no address",
                           "check the host name and the network", url=source)
        return addresses[0]

    def _refusal(self, address: str, *, url: str, source: str) -> Failure | None:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if any(ip in network or _embedded(ip) in network for network in self._allowed):
            return None
        if problem := named_only_problem(address):
            return failure(source, Code.PRIVATE_ADDRESS, f"refused {url}", f"{problem} {address}",
                           f"name it in the setting allow_addresses (--setting allow_addresses {address}) if you "
                           "mean it; --allow-private does not open it", url=source)
        if not self.settings.allow_private and (problem := address_problem(address)):
            return failure(source, Code.PRIVATE_ADDRESS, f"refused {url}", f"{problem} {address}",
                           "pass --allow-private (setting allow_private) to allow it", url=source)
        return None

    def _robots_refusal(self, url: str, *, source: str) -> Failure | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, Failure):
            return failure(source, Code.ROBOTS_DISALLOWED, f"refused {url}", f"robots.txt of {origin} is unreachable ({rules.message}),"
                           " which means 'disallow all' (RFC 9309)",
                           "retry later, or set respect_robots = false if you have permission", url=source)
        if not rules.can_fetch(self.settings.user_agent, url):
            return failure(source, Code.ROBOTS_DISALLOWED, f"refused {url}", f"{origin}/robots.txt disallows it for our user agent",
                           "respect the site's wishes, or set respect_robots = false if you have permission",
                           url=source)
        return None

    def _load_robots(self, origin: str) -> RobotFileParser | Failure:
        rules = RobotFileParser(origin + "/robots.txt")
        result = self._follow(origin + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES, check_robots=False)
        if isinstance(result, Failure):
            return result
        # RFC 9309: 4xx means no rules; 5xx (like network errors) means "disallow all".
        if result.status >= 500:
            return failure(result.url, Code.HTTP_ERROR, f"cannot fetch {result.url}", f"HTTP {result.status}", "retry later")
        rules.parse(result.body.decode("utf-8", "replace").splitlines() if result.status < 400 else [])
        return rules

    # -- one hop ------------------------------------------------------------

    def _get(self, url: str, address: str | None, *, source: str, max_bytes: int,
             deadline: float) -> Response | Failure | str:
        """One request: a response (any status), a failure, or the next URL when redirected."""
        import httpx

        target, headers, extensions = _pin(url, address)
        try:
            with self._client.stream("GET", target, headers=headers, extensions=extensions) as response:
                status = response.status_code
                if status in (301, 302, 303, 307, 308) and "location" in response.headers:
                    return urljoin(url, response.headers["location"])
                body = b"" if status >= 400 else _read_body(response, max_bytes=max_bytes, deadline=deadline)
                if body is None:
                    return failure(source, Code.FETCH_TOO_LARGE, f"stopped fetching {url}",
                                   f"the body is over max_bytes={max_bytes:,}",
                                   "raise it with --setting max_bytes N if the page is genuine", url=source)
                content_type = response.headers.get("content-type", "")
        except (TimeoutError, httpx.TimeoutException):
            return failure(source, Code.FETCH_TIMEOUT, f"cannot fetch {url}",
                           f"no complete answer within fetch_timeout={self.settings.fetch_timeout:g} s",
                           "retry later, or raise it with --setting fetch_timeout N", url=source)
        except httpx.InvalidURL as e:
            return failure(source, Code.NOT_HTTP_URL, f"refused {url}", f"malformed URL ({e})", "check the URL", url=source)
        except (httpx.HTTPError, httpx.StreamError) as e:
            return failure(source, Code.NETWORK_ERROR, f"cannot fetch {url}", f"network error: {type(e).__name__}: {e}",
                           "check the network and the URL, then retry", url=source)
        fetched = datetime.now(UTC).isoformat(timespec="seconds")
        return Response(url=url, status=status, content_type=content_type, body=body, fetched=fetched)


def _pin(url: str, address: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
    """Point ``url`` at the checked ``address``, keeping the name for ``Host`` and TLS (SNI, certificate)."""
    if address is None:
        return url, {}, {}
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    name = parts.hostname or ""
    bracketed = f"[{name}]" if ":" in name else name
    host_header = f"{bracketed}:{parts.port}" if parts.port else bracketed
    extensions = {"sni_hostname": name} if parts.scheme == "https" else {}
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), {"Host": host_header}, extensions


def _read_body(response: httpx.Response, *, max_bytes: int, deadline: float) -> bytes | None:
    """The decoded body, or ``None`` past ``max_bytes``.

    Raises:
        TimeoutError: past the deadline (a server trickling bytes never trips the per-read time-out).
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            return None
        if time.monotonic() > deadline:
            raise TimeoutError
    return bytes(body)


class _Deadline:
    """The deadline of the fetch in progress, applied to every socket operation (a network backend for httpcore).

    httpx's time-outs are per operation: a server sending one byte a second
    never trips a 5 s read time-out, and a fetch took 131 s with
    ``fetch_timeout`` 5 (issue #16). Installed in the transport's connection
    pool, this backend gives each connect, TLS handshake, read and write only
    the time left until the deadline, and fails it once the deadline is past.
    The deadline is per thread, so one fetcher may serve several threads.
    """

    def __init__(self) -> None:
        self._local = threading.local()
        self._inner: Any = None

    def install(self, transport: httpx.HTTPTransport) -> None:
        """Route the connections of ``transport`` through this backend."""
        # httpx has no public hook for the network backend; its pool (httpcore) has one, set at creation.
        pool = getattr(transport, "_pool", None)
        if pool is None or not hasattr(pool, "_network_backend"):
            raise RuntimeError("this httpx version hides its connection pool; newsprism cannot bound fetch times")
        self._inner = pool._network_backend
        pool._network_backend = self

    @contextmanager
    def until(self, deadline: float) -> Iterator[float]:
        """Operations inside end by ``deadline`` (or the enclosing fetch's deadline, if sooner)."""
        outer: float | None = getattr(self._local, "deadline", None)
        self._local.deadline = deadline if outer is None else min(outer, deadline)
        try:
            yield self._local.deadline
        finally:
            self._local.deadline = outer

    def left(self, timeout: float | None, *, error: str) -> float | None:
        """The time-out for one operation: ``timeout``, cut to the time left; past the deadline, raise ``error``."""
        deadline: float | None = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            import httpcore

            raise getattr(httpcore, error)("the fetch deadline has passed")
        return left if timeout is None else min(timeout, left)

    # -- httpcore.NetworkBackend --------------------------------------------

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> _DeadlineStream:
        stream = self._inner.connect_tcp(host, port, self.left(timeout, error="ConnectTimeout"), local_address,
                                         socket_options)
        return _DeadlineStream(stream, self)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> _DeadlineStream:
        stream = self._inner.connect_unix_socket(path, self.left(timeout, error="ConnectTimeout"), socket_options)
        return _DeadlineStream(stream, self)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream:
    """A connection whose every operation ends by the fetch's deadline (an ``httpcore.NetworkStream``)."""

    def __init__(self, inner: Any, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._inner.read(max_bytes, self._deadline.left(timeout, error="ReadTimeout"))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.left(timeout, error="WriteTimeout"))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> _DeadlineStream:
        stream = self._inner.start_tls(ssl_context, server_hostname, self._deadline.left(timeout, error="ConnectTimeout"))
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)
