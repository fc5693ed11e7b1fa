"""Files and folders: each file is read by the reader its name (or, failing that, its content) calls for.

Folders are walked recursively in sorted order (deterministic, resumable),
without following symbolic links to folders (no loops) and skipping hidden
names (``.git``, ``.DS_Store``). In a folder, files of unknown type, and
``.xml`` files that are not feeds, are skipped; a file named explicitly is
sniffed instead. Only regular files are
read: a named pipe, socket or device gives a failure (E109) instead of a wait.
"""

from __future__ import annotations

import logging
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from ..codes import Code
from ..config import Settings
from ..model import ContentKind, Failure, RawDocument
from ..progress import ReadMeter
from ._base import Item, check_content, failure, guarded, open_stream, printable_name, read_file
from .detect import looks_like_feed, sniff_format
from .fetch import Fetcher

log = logging.getLogger(__name__)

Reader = Literal["html", "text", "jsonl", "warc", "feed", "arc"]
_SUFFIXES: tuple[tuple[tuple[str, ...], Reader], ...] = (
    ((".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"), "html"),
    ((".txt", ".text", ".txt.gz"), "text"),
    ((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"), "jsonl"),
    ((".warc", ".warc.gz", ".wet", ".wet.gz"), "warc"),
    ((".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz"), "feed"),
    ((".arc", ".arc.gz"), "arc"),
)
_SNIFF_BYTES = 8192
_FEED_NAMES = (".rss", ".atom", ".rss.gz", ".atom.gz")


def reader_for(name: str) -> Reader | None:
    """The reader a file name calls for, or ``None`` for an unknown type.

    >>> reader_for("crawl-00001.warc.gz")
    'warc'
    >>> reader_for("notes.md") is None
    True
    """
    lower = name.lower()
    for suffixes, reader in _SUFFIXES:
        if lower.endswith(suffixes):
            return reader
    return None


def walk(folder: Path) -> Iterator[Path]:
    """Every non-hidden file under ``folder``, in sorted order, symbolic links to folders not followed."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def count_files(folder: Path) -> tuple[int, bool]:
    """How many readable files ``folder`` holds, and whether all of them are one document each."""
    count, exact = 0, True
    for path in walk(folder):
        reader = reader_for(path.name)
        if reader in ("html", "text"):
            count += 1
        elif reader is not None:
            exact = False
    return count, exact


def iter_path(path: Path, *, source: str, settings: Settings, fetcher: Callable[[], Fetcher],
              meter: ReadMeter | None = None) -> Iterator[Item]:
    """Documents from a file or, recursively, a folder.

    Args:
        path: An existing file or folder.
        source: The spec's name, from :func:`newsprism.sources.source_name` (documents are named after it).
        settings: ``max_bytes`` and ``follow_feed_links`` are used.
        fetcher: Gives the shared fetcher, for feed item links.
        meter: Told of each file (skipped ones too) as it is read, for a progress bar.

    Returns:
        An iterator of documents and failures, one failure per bad file.
    """
    begin = _beginner(meter)
    if not path.is_dir():
        begin(path)
        if problem := _not_a_file(path, source=source):
            yield problem
            return
        yield from _iter_file(path, source=source, reader=reader_for(path.name) or _sniff(path),
                              settings=settings, fetcher=fetcher, meter=meter)
        return
    # Feeds come after everything else in a folder: their items usually summarise pages that
    # the folder (or an archive in it) also holds, and the first copy of an article is the one kept.
    feeds: list[Path] = []
    for file in walk(path):
        reader = reader_for(file.name)
        name = _child_name(source, file.relative_to(path))
        if reader is None:
            begin(file)
            log.debug("skipped %s: unknown file type", name)
        elif problem := _not_a_file(file, source=name):
            begin(file)
            yield problem
        elif reader == "feed":
            # .rss and .atom say they are feeds: an empty or broken one gives a failure (#16), while
            # .xml is also sitemaps and other data, read only when it starts like a feed
            if file.name.lower().endswith(_FEED_NAMES) or _starts_like_feed(file):
                feeds.append(file)
            else:
                begin(file)
                log.debug("skipped %s: XML but not a feed", name)
        else:
            begin(file)
            yield from _iter_file(file, source=name, reader=reader, settings=settings, fetcher=fetcher, meter=meter)
    for file in feeds:
        name = _child_name(source, file.relative_to(path))
        begin(file)
        yield from _iter_file(file, source=name, reader="feed", settings=settings, fetcher=fetcher, meter=meter)


def _beginner(meter: ReadMeter | None) -> Callable[[Path], None]:
    """What tells ``meter`` that a file is read next (nothing without a meter)."""
    def begin(path: Path) -> None:
        if meter is not None:
            try:
                size = path.stat().st_size
            except OSError:
                size = 0
            meter.begin(size)
    return begin


def _iter_file(path: Path, *, source: str, reader: Reader | ContentKind | None, settings: Settings,
               fetcher: Callable[[], Fetcher], meter: ReadMeter | None) -> Iterator[Item]:
    """The items of one file; an error its reader did not foresee costs this file only (E102)."""
    items = _read(path, source=source, reader=reader, settings=settings, fetcher=fetcher, meter=meter)
    return guarded(items, source=source)


def _read(path: Path, *, source: str, reader: Reader | ContentKind | None, settings: Settings,
          fetcher: Callable[[], Fetcher], meter: ReadMeter | None) -> Iterator[Item]:
    if reader == "jsonl":
        from .jsonl import iter_jsonl

        yield from iter_jsonl(path, source=source, max_bytes=settings.max_bytes, meter=meter)
    elif reader == "warc":
        from .warc import iter_warc

        yield from iter_warc(path, source=source, max_bytes=settings.max_bytes, meter=meter)
    elif reader == "arc":
        yield failure(source, Code.UNSUPPORTED_INPUT, f"skipped {source}", "the old ARC archive format is not supported",
                      "convert it to WARC (for example with warcio or jwattool) and pass the .warc.gz")
    elif reader is None:
        yield failure(source, Code.BINARY_INPUT, f"skipped {source}", "it is not HTML, text, JSON Lines, a feed or a WARC archive",
                      "give files of those kinds only")
    else:
        data = read_file(path, source=source, max_bytes=settings.max_bytes)
        if not isinstance(data, bytes):
            yield data
        elif reader == "feed" and not data.strip():
            yield failure(source, Code.EMPTY_INPUT, f"skipped {source}", "it is empty (no bytes, or only whitespace)",
                          "check that the file was written completely")
        elif reader == "feed":
            from .feeds import iter_feed

            yield from iter_feed(data, source=source, feed_url=None, follow_links=settings.follow_feed_links,
                                 fetcher=fetcher, meter=meter)
        elif problem := check_content(data, source=source):
            yield problem
        else:
            yield RawDocument(content=data, kind=reader, source=source, meta={"path": printable_name(str(path))})


def _not_a_file(path: Path, *, source: str) -> Failure | None:
    """E109 for a named pipe, a socket or a device: only regular files are documents.

    Opening a named pipe waits for a writer that may never come: a FIFO called ``news.txt`` in a folder
    hung the ingest forever (#16). A path that cannot be looked at is left to the reader, which says why (E104).
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    what = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return failure(source, Code.UNSUPPORTED_INPUT, f"skipped {source}", f"it is {what}, not a regular file",
                   "only regular files are read; give standard input as '-'")


def _child_name(folder: str, relative: Path) -> str:
    """The name of a file in a folder: the folder's name, then the path inside it, escaped as the folder's is."""
    return str(Path(folder) / printable_name(str(relative)))


def _head(path: Path) -> bytes:
    try:
        with open_stream(path) as stream:
            return stream.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return b""  # read_file reports the real problem later


def _starts_like_feed(path: Path) -> bool:
    return looks_like_feed(_head(path))


def _sniff(path: Path) -> Reader | ContentKind | None:
    """The reader for a file of unknown extension, from its first bytes."""
    head = _head(path)
    if not head.strip():
        return "text"  # read_file and check_content say it is empty
    found = sniff_format(head)
    if found == "binary":
        return None
    if found == "gzip":
        return None  # gzip inside gzip: not something we read
    return found
