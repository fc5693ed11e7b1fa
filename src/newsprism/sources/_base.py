"""What every reader shares: failure codes, the item type, bounded reading of files.

The failures of the sources carry codes E102-E143 (a :class:`~newsprism.model.Failure`
carries the code; its message says what happened, why, and what to do); :mod:`newsprism.codes`
defines each, with its meaning and fix, and ``docs/errors.md`` lists them.
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TypeAlias, cast

from ..codes import Code
from ..model import Failure, RawDocument
from ..progress import ReadMeter

log = logging.getLogger(__name__)

Item: TypeAlias = RawDocument | Failure
"""What a reader yields: a document, or the reason one could not be delivered."""

_CHUNK = 1 << 16
# os.fsdecode turns each byte of a file name that is not UTF-8 into a lone surrogate U+DC80..U+DCFF
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable_name(name: str) -> str:
    """``name`` (a path or a spec) with the bytes that are not UTF-8 written as ``\\xNN``.

    A file name on disk is bytes; an old Latin-1 name such as ``caf\\xe9.txt`` reaches Python with a
    lone surrogate in it, which no store, JSON output or terminal can encode (it crashed the store
    insert, and with it the whole ingest, #16). Any other lone surrogate becomes U+FFFD.

    >>> import os
    >>> printable_name(os.fsdecode(b"news/caf\\xe9.txt"))
    'news/caf\\\\xe9.txt'
    >>> printable_name("news/café.txt")
    'news/café.txt'
    """
    escaped = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)
    return _SURROGATE.sub("\ufffd", escaped)


def failure(source: str, code: str, what: str, why: str, fix: str, *, url: str | None = None) -> Failure:
    """A :class:`Failure` whose message reads ``"<what>: <why>; <fix>"``."""
    return Failure(source=source, code=code, message=f"{what}: {why}; {fix}", url=url)


def guarded(items: Iterator[Item], *, source: str) -> Iterator[Item]:
    """The items of one reader; an exception it raises ends that input with one E102 failure, never the run.

    A reader is written not to raise for bad input, but a case nobody foresaw (a JSON line nested 1,000
    levels deep raised ``RecursionError``, #16) must cost one input, not the whole ingest and every re-run.

    >>> def broken():
    ...     yield failure("a.jsonl:1", Code.JSONL_NOT_OBJECT, "skipped line a.jsonl:1", "it is not JSON", "fix it")
    ...     raise RecursionError("maximum recursion depth exceeded")
    >>> [item.code for item in guarded(broken(), source="a.jsonl")]
    ['E121', 'E102']
    """
    try:
        yield from items
    except Exception as e:  # noqa: BLE001 - one input's unforeseen error must not stop the run
        log.debug("reading %s failed", source, exc_info=True)
        yield failure(source, Code.READER_FAILED, f"stopped reading {source}", f"an unexpected error ({type(e).__name__}: {e})",
                      "the rest of the run went on; please report this with the input that caused it")


def too_large(source: str, size: int | None, max_bytes: int, *, url: str | None = None) -> Failure:
    """The E107 failure for input over the ``max_bytes`` setting."""
    got = f"{size:,} bytes" if size is not None else "more bytes"
    return failure(source, Code.INPUT_TOO_LARGE, f"skipped {source}", f"{got} is over max_bytes={max_bytes:,}",
                   "raise it with --setting max_bytes N if the input is genuine", url=url)


def read_limited(stream: IO[bytes], *, max_bytes: int) -> tuple[bytes, bool]:
    """Read at most ``max_bytes`` from ``stream``; the flag tells whether more was left."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    data = b"".join(parts)
    return data[:max_bytes], len(data) > max_bytes


@contextmanager
def open_stream(path: Path, *, meter: ReadMeter | None = None) -> Iterator[IO[bytes]]:
    """Open ``path`` for streaming reads, undoing gzip when the file starts with its magic bytes.

    ``meter`` is told how far into the file reading has got (for a gzipped file, in compressed bytes).
    """
    with path.open("rb") as raw:
        if meter is not None:
            meter.within(raw)
        magic = raw.read(2)
        raw.seek(0)
        if magic == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield cast(IO[bytes], unzipped)
        else:
            yield raw


def read_file(path: Path, *, source: str, max_bytes: int) -> bytes | Failure:
    """The whole content of a (possibly gzipped) file, or the reason it cannot be read.

    Size is checked before reading (compressed files are cut off past ``max_bytes``
    while decompressing, so a gzip bomb costs at most ``max_bytes`` of memory).
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return too_large(source, size, max_bytes)
        with open_stream(path) as stream:
            data, more = read_limited(stream, max_bytes=max_bytes)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        return failure(source, Code.BAD_COMPRESSION, f"cannot decompress {source}", f"the gzip data is truncated or corrupt ({e})",
                       "re-download or re-compress the file")
    except OSError as e:
        return failure(source, Code.INPUT_NOT_FOUND, f"cannot read {source}", e.strerror or str(e),
                       "check the path and its permissions")
    if more:
        return too_large(source, None, max_bytes)
    return data


def check_content(data: bytes, *, source: str, url: str | None = None) -> Failure | None:
    """E105 for empty content, E106 for binary content, else ``None``."""
    from .detect import looks_binary

    if not data.strip():
        return failure(source, Code.EMPTY_INPUT, f"skipped {source}", "it is empty (no bytes, or only whitespace)",
                       "check that the file was written completely", url=url)
    if looks_binary(data[:8192]):
        return failure(source, Code.BINARY_INPUT, f"skipped {source}", "it holds binary data (NUL or control bytes), not text",
                       "give HTML, text, JSON Lines, feed or WARC files only", url=url)
    return None
