"""Build the derived sample files in ``examples/`` from the HTML pages.

The HTML pages in ``examples/html/`` are the source; this script writes

- ``examples/feed.xml``: an RSS 2.0 feed with one item per page (link = the
  page's canonical URL, ``content:encoded`` = the article body HTML, so the
  feed can be read offline), and
- ``examples/pages.warc.gz``: a WARC with a ``warcinfo`` record and one
  request/response pair per page (``WARC-Target-URI`` = canonical URL).

Both outputs are deterministic: record ids are UUIDs derived from the URL,
dates are fixed, and gzip members carry no timestamp, so re-running the
script on unchanged pages gives the same bytes. ``--check`` rebuilds in
memory and exits with 1 when a committed file is out of date.

Usage::

    python scripts/build_examples.py           # rewrite feed.xml and pages.warc.gz
    python scripts/build_examples.py --check   # verify they are up to date
"""

from __future__ import annotations

import argparse
import io
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: When the sample pages were "crawled": one fixed instant keeps the WARC reproducible.
CRAWL_DATE = "2023-06-20T12:00:00Z"
CRAWL_HTTP_DATE = "Tue, 20 Jun 2023 12:00:00 GMT"
FEED_LINK = "https://newsprism.example/examples/"
USER_AGENT = "newsprism-examples/1.0 (sample crawl)"


@dataclass(frozen=True, slots=True)
class Page:
    """What the feed and the WARC need from one sample HTML page."""

    path: Path
    url: str
    title: str
    description: str
    published: str
    author: str
    site: str
    body_html: str
    raw: bytes


def _meta(tree: object, xpath: str) -> str:
    values = tree.xpath(xpath)  # type: ignore[attr-defined]
    if not values:
        raise ValueError(f"missing {xpath}")
    return str(values[0]).strip()


def read_page(path: Path) -> Page:
    """Read one sample page: its metadata and the inner HTML of its article body.

    The body is the first ``<div>`` inside ``<article>`` that holds paragraphs;
    every sample outlet's template has exactly one.
    """
    import lxml.html  # type: ignore[import-untyped]

    raw = path.read_bytes()
    tree = lxml.html.fromstring(raw.decode("utf-8"))
    bodies = tree.xpath("//article//div[p]")
    if not bodies:
        raise ValueError(f"{path.name}: no article body")
    body = bodies[0]
    inner = (body.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in body)
    return Page(
        path=path,
        url=_meta(tree, "//link[@rel='canonical']/@href"),
        title=_meta(tree, "//meta[@property='og:title']/@content"),
        description=_meta(tree, "//meta[@name='description']/@content"),
        published=_meta(tree, "//meta[@property='article:published_time']/@content"),
        author=_meta(tree, "//meta[@name='author']/@content"),
        site=_meta(tree, "//meta[@property='og:site_name']/@content"),
        body_html=inner.strip(),
        raw=raw,
    )


def read_pages(folder: Path = EXAMPLES / "html") -> list[Page]:
    """All sample pages, in file-name order."""
    return [read_page(path) for path in sorted(folder.glob("*.html"))]


def build_feed(pages: Iterable[Page]) -> bytes:
    """An RSS 2.0 feed of ``pages``, newest first, with the body in ``content:encoded``."""
    from lxml import etree

    content_ns = "http://purl.org/rss/1.0/modules/content/"
    dc_ns = "http://purl.org/dc/elements/1.1/"
    ordered = sorted(pages, key=lambda page: (datetime.fromisoformat(page.published), page.url), reverse=True)
    rss = etree.Element("rss", version="2.0", nsmap={"content": content_ns, "dc": dc_ns})
    channel = etree.SubElement(rss, "channel")
    for tag, text in (
        ("title", "newsprism sample news"),
        ("link", FEED_LINK),
        ("description", "Fictional articles written for newsprism: Danube floods (April 2023) and a Rotterdam port strike (June 2023)."),
        ("language", "en"),
        ("lastBuildDate", format_datetime(datetime.fromisoformat(ordered[0].published))),
    ):
        etree.SubElement(channel, tag).text = text
    for page in ordered:
        item = etree.SubElement(channel, "item")
        etree.SubElement(item, "title").text = page.title
        etree.SubElement(item, "link").text = page.url
        etree.SubElement(item, "guid", isPermaLink="true").text = page.url
        etree.SubElement(item, "pubDate").text = format_datetime(datetime.fromisoformat(page.published))
        etree.SubElement(item, f"{{{dc_ns}}}creator").text = page.author
        # RSS <source> names the channel an item came from: the outlet's own feed.
        etree.SubElement(item, "source", url=_origin(page.url) + "/feed/").text = page.site
        etree.SubElement(item, "description").text = page.description
        etree.SubElement(item, f"{{{content_ns}}}encoded").text = etree.CDATA(page.body_html)
    etree.indent(rss, space="  ")
    data: bytes = etree.tostring(rss, xml_declaration=True, encoding="utf-8")
    return data + b"\n"


def _origin(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _record_id(kind: str, url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind}:{url}')}>"


def _write_pair(writer: object, page: Page) -> None:
    from urllib.parse import urlsplit

    from warcio.statusandheaders import StatusAndHeaders

    parts = urlsplit(page.url)
    request_id, response_id = _record_id("request", page.url), _record_id("response", page.url)
    request_headers = StatusAndHeaders(f"GET {parts.path or '/'} HTTP/1.1", [
        ("Host", parts.netloc), ("User-Agent", USER_AGENT), ("Accept", "text/html"),
    ], is_http_request=True)
    response_headers = StatusAndHeaders("200 OK", [
        ("Date", CRAWL_HTTP_DATE), ("Server", "nginx"), ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(page.raw))),
    ], protocol="HTTP/1.1")
    response = writer.create_warc_record(  # type: ignore[attr-defined]
        page.url, "response", payload=io.BytesIO(page.raw), length=len(page.raw), http_headers=response_headers,
        warc_headers_dict={"WARC-Record-ID": response_id, "WARC-Date": CRAWL_DATE})
    request = writer.create_warc_record(  # type: ignore[attr-defined]
        page.url, "request", payload=io.BytesIO(b""), length=0, http_headers=request_headers,
        warc_headers_dict={"WARC-Record-ID": request_id, "WARC-Date": CRAWL_DATE,
                           "WARC-Concurrent-To": response_id})
    writer.write_record(request)  # type: ignore[attr-defined]
    writer.write_record(response)  # type: ignore[attr-defined]


def build_warc(pages: Iterable[Page]) -> bytes:
    """A gzipped WARC/1.0 file: ``warcinfo``, then a request and a response per page."""
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = (
        b"software: newsprism scripts/build_examples.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: Fictional sample pages written for newsprism (no third-party content)\r\n"
        b"isPartOf: newsprism-examples\r\n"
    )
    warcinfo = writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info), warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": _record_id("warcinfo", "pages.warc.gz"), "WARC-Date": CRAWL_DATE,
                           "WARC-Filename": "pages.warc.gz"})
    writer.write_record(warcinfo)
    for page in pages:
        _write_pair(writer, page)
    return out.getvalue()


def build_all(folder: Path = EXAMPLES) -> dict[Path, bytes]:
    """Every derived file under ``folder`` with the bytes it should hold."""
    pages = read_pages(folder / "html")
    return {folder / "feed.xml": build_feed(pages), folder / "pages.warc.gz": build_warc(pages)}


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` verify) the derived sample files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a derived file is missing or out of date")
    args = parser.parse_args(argv)
    stale = 0
    for path, data in build_all().items():
        name = path.relative_to(EXAMPLES.parent)
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                sys.stderr.write(f"{name} is out of date: run python scripts/build_examples.py\n")
                stale += 1
            continue
        path.write_bytes(data)
        sys.stdout.write(f"wrote {name} ({len(data):,} bytes)\n")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
