"""RSS and Atom feeds from files and from the local server; XML bombs and self-links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsprism.config import Settings
from newsprism.model import Failure, RawDocument
from newsprism.sources import iter_documents
from newsprism.sources.detect import looks_like_feed
from newsprism.sources.feeds import xml_bomb_reason

DATA = Path(__file__).parent / "data"
FEEDS = DATA / "feeds"
PAGE = (DATA / "site" / "bridge.html").read_bytes()


def _items(spec: str, settings: Settings) -> list[RawDocument | Failure]:
    return list(iter_documents([spec], settings=settings))


def test_feeds_rss_file_without_following_links() -> None:
    items = _items(str(FEEDS / "news.rss"), Settings(follow_feed_links=False))
    summary = [(i.source.rsplit("#", 1)[1], i.code if isinstance(i, Failure) else i.kind) for i in items]
    # item 3 repeats item 2's link (skipped); item 4 has nothing to read
    assert summary == [("1", "html"), ("2", "text"), ("4", "E143")]
    bridge = items[0]
    assert isinstance(bridge, RawDocument)
    assert bridge.title == "River bridge reopens after repairs"
    assert bridge.url == "https://gazette.example.org/bridge"
    assert bridge.published == "2022-11-08T09:30:00+00:00"  # +0100 normalised to UTC
    assert "<p>The old stone bridge" in str(bridge.content)
    assert bridge.meta["feed_title"] == "Dunmore Gazette"


def test_feeds_atom_file() -> None:
    (item,) = _items(str(FEEDS / "news.atom"), Settings(follow_feed_links=False))
    assert isinstance(item, RawDocument) and item.kind == "html"
    assert item.url == "https://herald.example.org/strike" and item.published == "2022-11-11T09:00:00+00:00"


@pytest.mark.parametrize(
    ("name", "code"),
    [("bomb.xml", "E142"), ("broken.rss", "E141")],
)
def test_feeds_hostile_or_broken_feed_is_one_failure(name: str, code: str) -> None:
    (item,) = _items(str(FEEDS / name), Settings(follow_feed_links=False))
    assert isinstance(item, Failure) and item.code == code


def test_feeds_bomb_is_refused_in_a_folder_walk_too() -> None:
    items = _items(str(FEEDS), Settings(follow_feed_links=False))
    assert [i.code for i in items if isinstance(i, Failure)] == ["E142", "E141", "E143"]


@pytest.mark.parametrize(
    ("data", "refused"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>', True),
        (b'<!DOCTYPE r [<!ENTITY ext SYSTEM "file:///etc/passwd">]><rss/>', True),
        ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r [<!ENTITY a "b">]><rss/>'.encode("utf-16"), True),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Fine</title></channel></rss>', False),
        (b"<rss><channel><description>&lt;!ENTITY is escaped text here&gt;</description></channel></rss>", False),
    ],
)
def test_feeds_xml_bomb_reason(data: bytes, refused: bool) -> None:
    assert (xml_bomb_reason(data) is not None) == refused


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b'<!DOCTYPE rss [<!ENTITY a "b">]><rss>', True),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", True),
        (b"<html><body><p>rss feed</p></body></html>", False),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/">', False),
    ],
)
def test_feeds_looks_like_feed(head: bytes, expected: bool) -> None:
    assert looks_like_feed(head) is expected


def _rss(base: str, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {n}</title><link>{base}{link}</link>"
                    f"<description>Summary of item {n}.</description></item>"
                    for n, link in enumerate(links, start=1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def test_feeds_url_follows_item_links_and_falls_back(server: Any, make_settings: Callable[..., Settings]) -> None:
    links = ["/page", "/gone", "/feed.xml", "/other-feed", "/page"]
    server.serve("/feed.xml", _rss(server.base, links), content_type="application/rss+xml")
    server.serve("/other-feed", _rss(server.base, ["/feed.xml"]), content_type="application/rss+xml")
    server.serve("/page", PAGE)
    items = _items(server.url("/feed.xml"), make_settings())
    assert all(isinstance(i, RawDocument) for i in items), items
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.title, d.kind, isinstance(d.content, bytes)) for d in docs] == [
        ("Item 1", "html", True),    # fetched page
        ("Item 2", "text", False),   # 404: the summary instead
        ("Item 3", "text", False),   # links to the feed itself: not fetched
        ("Item 4", "text", False),   # links to another feed: never expanded
    ]
    assert docs[0].content == PAGE and docs[0].meta["feed"] == server.url("/feed.xml")
    assert "E116" in docs[1].meta["fallback"] and "not a page" in docs[3].meta["fallback"]
    assert server.paths() == ["/robots.txt", "/feed.xml", "/page", "/gone", "/other-feed"]


def test_feeds_url_without_following(server: Any, make_settings: Callable[..., Settings]) -> None:
    server.serve("/feed.xml", _rss(server.base, ["/page"]), content_type="text/xml")
    items = _items(server.url("/feed.xml"), make_settings(follow_feed_links=False))
    assert [(i.kind, i.url) for i in items if isinstance(i, RawDocument)] == [("text", server.url("/page"))]
    assert "/page" not in server.paths()


def test_feeds_sniffed_when_served_as_html(server: Any, make_settings: Callable[..., Settings]) -> None:
    server.serve("/feed", _rss(server.base, ["/page"]), content_type="text/html")
    items = _items(server.url("/feed"), make_settings(follow_feed_links=False))
    assert [i.title for i in items if isinstance(i, RawDocument)] == ["Item 1"]


@pytest.mark.issue(15)
def test_feed_item_file_link_keeps_its_three_slashes(tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    '<item><title>River</title><description>The river rose.</description>'
                    '<link>file:///tmp/news/page.html</link></item></channel></rss>')
    (document,) = _items(str(feed), Settings(follow_feed_links=False))
    assert document.url == "file:///tmp/news/page.html"
