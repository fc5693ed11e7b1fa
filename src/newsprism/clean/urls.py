"""URL normalisation for article identity."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment, default ports and tracking parameters.

    >>> normalize_url("HTTPS://Example.com:443/a/b?utm_source=x&id=3#top")
    'https://example.com/a/b?id=3'
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port if parts.port not in (None, 80, 443) else None
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower()
    netloc = f"{host}:{port}" if port else host
    try:
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                           if not k.lower().startswith(_TRACKING)])
    except UnicodeError:  # a lone surrogate cannot be percent-encoded: keep the query as it came
        query = parts.query
    # Stripped again: dropping the query can leave trailing white space ("/\x0c?utm_source=a"), which the
    # first strip would remove on a second pass, and a normalised URL must stay the same when normalised again.
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, "")).strip()
