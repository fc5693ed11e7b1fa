"""RSS and Atom feeds, from a file or a URL.

For each item:

1. When ``follow_feed_links`` is set and the item links to an http(s) page,
   the page is fetched (with every check of :mod:`newsprism.sources.fetch`)
   and becomes an ``html`` document carrying the item's title and date.
2. Otherwise, or when the fetch fails or returns something that is not a
   page, the item's own content (or summary) becomes the document.
3. An item with neither gives a :class:`~newsprism.model.Failure`.

Safety: a feed that declares XML entities is refused before parsing (entity
expansion, the "billion laughs" XML bomb). Links are only ever fetched as
pages, never parsed as feeds in turn, and each link once per feed, so a feed
that links to itself (or to another feed) cannot loop.
"""

from __future__ import annotations

import calendar
import codecs
import io
import logging
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from ..clean.urls import normalize_url
from ..codes import Code
from ..model import ContentKind, Failure, RawDocument
from ..progress import ReadMeter
from ._base import Item, failure
from .detect import FEED_CONTENT_TYPES, detect_kind, looks_like_feed
from .fetch import Fetcher, Response

log = logging.getLogger(__name__)

_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def xml_bomb_reason(data: bytes) -> str | None:
    """Why ``data`` must not be given to an XML parser, or ``None``.

    Feeds have no use for entity declarations; they are how entity-expansion
    bombs and external-entity reads work, so any declaration is refused.

    >>> xml_bomb_reason(b'<!DOCTYPE r [<!ENTITY a "aaaa">]><rss/>')
    'it declares XML entities (<!ENTITY ...>)'
    >>> xml_bomb_reason(b'<rss version="2.0"><channel/></rss>') is None
    True
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
    elif data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        text = data.decode("utf-16-le" if data[1] == 0 else "utf-16-be", "replace")
    else:
        text = data.decode("latin-1")  # every ASCII-compatible encoding keeps "<!ENTITY" as is
    if _ENTITY_DECL.search(text):
        return "it declares XML entities (<!ENTITY ...>)"
    return None


def iter_feed(data: bytes, *, source: str, feed_url: str | None, follow_links: bool,
              fetcher: Callable[[], Fetcher], meter: ReadMeter | None = None) -> Iterator[Item]:
    """Documents for the items of the feed in ``data``.

    Args:
        data: The feed's bytes.
        source: How to name the feed; item ``N`` is ``<source>#N``.
        feed_url: Where the feed came from (for relative links and the self-link check).
        follow_links: Fetch each item's page (``follow_feed_links``).
        fetcher: Gives the shared :class:`Fetcher` (created only when a link is followed).
        meter: Told which item of how many is given next, for a progress bar.

    Returns:
        An iterator of documents and failures.
    """
    import feedparser

    if reason := xml_bomb_reason(data):
        yield failure(source, Code.FEED_DECLARES_ENTITIES, f"refused the feed {source}", f"{reason}, which can expand to gigabytes",
                      "feeds never need entity declarations; ask the publisher for a plain feed", url=feed_url)
        return
    headers = {"content-location": feed_url} if feed_url else {}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as e:  # noqa: BLE001 - a hostile feed must give a failure, never stop the run
        yield _unreadable(source, feed_url, f"{type(e).__name__}: {e}")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            yield _unreadable(source, feed_url, str(parsed.get("bozo_exception", "not well-formed")))
        elif not parsed.get("version"):
            yield _unreadable(source, feed_url, "no RSS or Atom root element")
        return
    feed_title = str(parsed.feed.get("title", "")) if parsed.get("feed") else ""
    self_key = normalize_url(feed_url) if feed_url else None
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        if meter is not None:
            meter.item(number, len(parsed.entries))
        where = f"{source}#{number}"
        link = _file_link(entry.get("link"))
        key = normalize_url(link) if link else None
        if key is not None:
            if key in seen:
                log.debug("%s: skipped a repeated item link %s", where, link)
                continue
            seen.add(key)
        hints = _hints(entry, feed=source, feed_title=feed_title)
        page: Response | Failure | None = None
        if follow_links and link and link.startswith(("http://", "https://")) and key != self_key:
            page = fetcher().fetch(link)
        yield _item_document(entry, page, where=where, link=link, hints=hints)


def _file_link(link: str | None) -> str | None:
    """An item's link as the feed wrote it: the feed parser drops the empty host of ``file:///path``.

    >>> _file_link("file://tmp/news/page.html")
    'file:///tmp/news/page.html'
    """
    if link and link.startswith("file://") and not link.startswith("file:///"):
        return "file:///" + link.removeprefix("file://")
    return link


def _item_document(entry: Any, page: Response | Failure | None, *, where: str, link: str | None,
                   hints: dict[str, Any]) -> Item:
    """The fetched page when it is one, else the item's own content, else why there is nothing."""
    meta: dict[str, str] = hints.pop("meta")
    if isinstance(page, Response):
        if _is_page(page):
            return RawDocument(content=page.body, kind="html", source=where, url=page.url, fetched=page.fetched,
                               encoding=page.charset, meta=meta, **hints)
        meta["fallback"] = f"the link gave {page.content_type or 'an untyped body'}, not a page"
    elif isinstance(page, Failure):
        meta["fallback"] = f"[{page.code}] {page.message}"
    content, kind = _entry_content(entry)
    if content:
        return RawDocument(content=content, kind=kind, source=where, url=link, meta=meta, **hints)
    if isinstance(page, Failure):
        return page
    return failure(where, Code.FEED_ITEM_EMPTY, f"skipped item {where}", "it has no content or summary, and its link was not fetched",
                   "set follow_feed_links = true to fetch the linked pages", url=link)


def _is_page(page: Response) -> bool:
    content_type = page.content_type.split(";")[0].strip().lower()
    if content_type in FEED_CONTENT_TYPES or looks_like_feed(page.body[:8192]):
        return False  # a feed linking to a feed: never expanded, so no loops
    return content_type.startswith(_HTML_TYPES) or (not content_type and detect_kind(page.body) == "html")


def _entry_content(entry: Any) -> tuple[str, ContentKind]:
    """The longest of the item's content blocks and summary, with its kind."""
    blocks = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    if entry.get("summary"):
        blocks.append((entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "")))
    blocks = [(str(value), str(kind)) for value, kind in blocks if str(value).strip()]
    if not blocks:
        return "", "text"
    value, declared = max(blocks, key=lambda block: len(block[0]))
    # RSS declares every description HTML; plain words read better as text.
    has_markup = declared in _HTML_TYPES and _TAG.search(value) is not None
    kind: ContentKind = "html" if has_markup or detect_kind(value) == "html" else "text"
    return value, kind


def _hints(entry: Any, *, feed: str, feed_title: str) -> dict[str, Any]:
    meta = {"feed": feed}
    if feed_title:
        meta["feed_title"] = feed_title
    if entry.get("id"):
        meta["feed_item_id"] = str(entry.get("id"))
    return {"title": entry.get("title") or None, "published": _iso(entry), "meta": meta}


def _iso(entry: Any) -> str | None:
    """The item's date as ISO 8601 UTC (feedparser gives a UTC ``struct_time``)."""
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()


def _unreadable(source: str, url: str | None, why: str) -> Failure:
    return failure(source, Code.FEED_UNREADABLE, f"cannot read the feed {source}", f"it is not a readable RSS/Atom feed ({why})",
                   "check that the URL or file is the feed itself, not a page about it", url=url)
