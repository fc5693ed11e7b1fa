"""Sources: files, folders, JSON Lines, WARC archives, feeds, URLs and stdin -> RawDocument.

Every reader streams: one document (or WARC record, or JSON line) is in
memory at a time, and a bad one becomes a :class:`~newsprism.model.Failure`
(code and actionable message) while the rest go on. Nothing here raises for
bad input.

>>> from newsprism.config import Settings
>>> [item.code for item in iter_documents(["no/such/file.html"], settings=Settings())]
['E104']
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..codes import Code
from ..config import Settings
from ..model import ContentKind, Failure, RawDocument
from ..progress import ReadMeter
from ._base import Item, check_content, failure, guarded, printable_name, read_limited, too_large
from .detect import FEED_CONTENT_TYPES, detect_kind, looks_like_feed, sniff_format
from .fetch import Fetcher, Response

__all__ = ["Fetcher", "Item", "count_specs", "detect_kind", "iter_documents", "printable_name", "source_name"]

_TEXT_TYPES = ("text/", "application/xhtml+xml", "application/xml", "application/json")


class _LazyFetcher:
    """One :class:`Fetcher` per run, created on first use and closed at the end."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fetcher: Fetcher | None = None

    def __call__(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(settings=self.settings)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def iter_documents(specs: Sequence[str], *, settings: Settings, stdin: BinaryIO | None = None,
                   fetcher: Fetcher | None = None, meter: ReadMeter | None = None) -> Iterator[RawDocument | Failure]:
    """Stream the documents named by ``specs``, in order.

    Args:
        specs: Each one a file, a folder (read recursively, sorted), ``"-"``
            (standard input), or an http(s) URL of a page or a feed. Files are
            read by extension: ``.html``/``.htm`` (and ``.gz``), ``.txt``,
            ``.jsonl`` (and ``.gz``), ``.warc``/``.warc.gz``/``.wet.gz``,
            ``.rss``/``.atom``/``.xml``; other files named explicitly are sniffed.
        settings: Limits and fetching rules (``max_bytes``, ``fetch_timeout``,
            ``allow_private``, ``respect_robots``, ``user_agent``, ``follow_feed_links``).
        stdin: The stream ``"-"`` reads (default: the process's standard input).
        fetcher: A fetcher to use for URLs (default: one made from ``settings``).
        meter: Told how far reading has got, for a progress bar (:meth:`newsprism.progress.ReadMeter.plan`).

    Returns:
        An iterator of :class:`RawDocument` and :class:`Failure`; a spec that
        cannot be read gives a failure, never an exception.
    """
    lazy = _LazyFetcher(settings)
    get_fetcher: Callable[[], Fetcher] = lazy if fetcher is None else (lambda: fetcher)
    try:
        for spec in specs:
            items = _iter_spec(spec, settings=settings, stdin=stdin, fetcher=get_fetcher, meter=meter)
            yield from guarded(items, source=printable_name(spec))
    finally:
        lazy.close()


def count_specs(specs: Sequence[str]) -> int | None:
    """How many items ``specs`` will give, when that is cheap to know exactly, else ``None``.

    Only files of one document each (HTML, text) can be counted without
    reading them; URLs, stdin, archives, JSON Lines and feeds make it ``None``.
    """
    from .files import count_files, reader_for

    total = 0
    for spec in specs:
        path = Path(spec)
        if spec == "-" or "://" in spec:
            return None
        if path.is_dir():
            count, exact = count_files(path)
            if not exact:
                return None
            total += count
        elif not path.exists() or reader_for(path.name) in ("html", "text"):
            total += 1
        else:
            return None
    return total


def source_name(spec: str) -> str:
    """The ``source`` of the documents a spec gives: one spelling however the spec was written (#18).

    A document's stored record must not depend on how it was run (from another folder, through a
    link, by one process, a pool or a Dask cluster), so this is the one place a spec becomes a name:

    1. A local path (or ``file://`` path) becomes absolute, with ``.``, ``..`` and symbolic links
       resolved: ``./news/a.html``, ``news/../news/a.html`` and a link to the file name one file.
    2. An http(s) URL is normalised as article URLs are: scheme and host lower-cased, default port,
       fragment and tracking parameters dropped.
    3. ``-`` (standard input) is ``<stdin>``.
    4. Bytes of a file name that are not UTF-8 are written ``\\xNN`` (:func:`printable_name`), so any
       store can hold the name (#16).

    Documents from inside a file or folder add to it: ``/data/news.jsonl:12``,
    ``/data/crawl.warc.gz#3051``, ``/data/pages/a.html``.

    >>> source_name("HTTPS://Example.com/a?utm_source=x#top")
    'https://example.com/a'
    >>> source_name("-")
    '<stdin>'
    """
    if spec == "-":
        return "<stdin>"
    if spec.lower().startswith(("http://", "https://")):
        from ..clean.urls import normalize_url

        return printable_name(normalize_url(spec))
    return printable_name(_local_path(spec))


def _local_path(spec: str) -> str:
    """The file or folder a local spec names, absolute and resolved (not escaped: the name to open)."""
    if spec.lower().startswith("file://"):
        spec = spec[len("file://"):]
    # realpath, not Path.resolve: it never raises (a loop of links, a missing file keep their spelling)
    return os.path.realpath(os.path.abspath(spec))


def _iter_spec(spec: str, *, settings: Settings, stdin: BinaryIO | None, fetcher: Callable[[], Fetcher],
               meter: ReadMeter | None) -> Iterator[Item]:
    from .files import iter_path

    if spec == "-":
        yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer, settings=settings, fetcher=fetcher,
                               meter=meter)
        return
    if spec.lower().startswith(("http://", "https://")):
        yield from _iter_url(spec, source=source_name(spec), settings=settings, fetcher=fetcher, meter=meter)
        return
    if "://" in spec and not spec.lower().startswith("file://"):
        yield failure(printable_name(spec), Code.NOT_HTTP_URL, f"cannot read {printable_name(spec)}",
                      "only http and https URLs can be fetched", "download it yourself and pass the file's path")
        return
    source = source_name(spec)
    path = Path(_local_path(spec))
    if not path.exists():
        yield failure(source, Code.INPUT_NOT_FOUND, f"input not found: {printable_name(spec)}", "no such file or folder",
                      "check the path (URLs must start with http:// or https://, standard input is '-')")
        return
    yield from iter_path(path, source=source, settings=settings, fetcher=fetcher, meter=meter)


def _iter_url(url: str, *, source: str, settings: Settings, fetcher: Callable[[], Fetcher],
              meter: ReadMeter | None) -> Iterator[Item]:
    response = fetcher().fetch(url)  # fetched as given; only the name is normalised
    if isinstance(response, Failure):
        yield dataclasses.replace(response, source=source)
        return
    content_type = response.content_type.split(";")[0].strip().lower()
    if content_type in FEED_CONTENT_TYPES or looks_like_feed(response.body[:8192]):
        from .feeds import iter_feed

        yield from iter_feed(response.body, source=source, feed_url=response.url,
                             follow_links=settings.follow_feed_links, fetcher=fetcher, meter=meter)
        return
    if content_type and not content_type.startswith(_TEXT_TYPES):
        yield failure(source, Code.UNSUPPORTED_INPUT, f"skipped {url}", f"it is {content_type}, not a page or a feed",
                      "give URLs of HTML pages, text or RSS/Atom feeds", url=url)
        return
    if problem := check_content(response.body, source=source, url=url):
        yield problem
        return
    yield _url_document(response, source=source, content_type=content_type)


def _url_document(response: Response, *, source: str, content_type: str) -> RawDocument:
    kind: ContentKind
    if content_type in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif content_type == "text/plain":
        kind = "text"
    else:
        kind = detect_kind(response.body)
    return RawDocument(content=response.body, kind=kind, source=source, url=response.url, fetched=response.fetched,
                       encoding=response.charset)


def _iter_stdin(stream: BinaryIO, *, settings: Settings, fetcher: Callable[[], Fetcher],
                meter: ReadMeter | None) -> Iterator[Item]:
    source = "<stdin>"
    data, more = read_limited(stream, max_bytes=settings.max_bytes)
    if more:
        yield too_large(source, None, settings.max_bytes)
        return
    found = sniff_format(data[:8192]) if data.strip() else "text"
    if found in ("warc", "gzip"):
        yield failure(source, Code.UNSUPPORTED_INPUT, "cannot read standard input", f"it holds {found} data, which is read from files only",
                      "save it to a file and pass the file's path instead of '-'")
        return
    if found == "feed":
        from .feeds import iter_feed

        yield from iter_feed(data, source=source, feed_url=None, follow_links=settings.follow_feed_links,
                             fetcher=fetcher, meter=meter)
        return
    if problem := check_content(data, source=source):
        yield problem
        return
    yield RawDocument(content=data, kind=detect_kind(data), source=source)

