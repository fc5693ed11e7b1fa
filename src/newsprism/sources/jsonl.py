"""JSON Lines: one document per line, ``{"url", "title", "published", "text" | "html"}``.

The publication date may also be named ``date``, ``published_at``, ``datePublished``,
``pubDate``, ``publish_date`` or ``pub_date``.

A bad line becomes a :class:`~newsprism.model.Failure` whose source is
``file.jsonl:LINE``; the lines after it are still read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..codes import Code
from ..model import ContentKind, Failure, RawDocument
from ..progress import ReadMeter
from ._base import Item, failure, open_stream, too_large
from .detect import looks_binary

#: Fields copied to the document; anything else that is a plain value goes to ``meta``.
_HINTS = ("url", "title", "published", "fetched")
#: Other names exports use for the publication date, tried in order after ``published``.
_DATE_KEYS = ("published", "date", "published_at", "datePublished", "pubDate", "publish_date", "pub_date")
_CONTENT_KEYS: tuple[tuple[str, ContentKind], ...] = (("html", "html"), ("text", "text"), ("content", "text"))
#: Lines that are not JSON at the start of a file before it is taken for something that is not JSON Lines.
PROBE_LINES = 3
_SNIFF_BYTES = 8192


def iter_jsonl(path: Path, *, source: str, max_bytes: int, meter: ReadMeter | None = None) -> Iterator[Item]:
    """Stream the documents of a ``.jsonl`` or ``.jsonl.gz`` file.

    A file that is not JSON Lines at all gives one failure, not one per line (#16): binary content
    (E106), or first lines that are all not JSON (E121, after :data:`PROBE_LINES` of them); an empty
    file gives E105.

    Args:
        path: The file.
        source: How to name it in documents and failures.
        max_bytes: Longest line accepted.
        meter: Told how far into the file reading has got, for a progress bar.

    Returns:
        An iterator of documents and per-line failures.
    """
    try:
        if looks_binary(_head(path)):
            yield failure(source, Code.BINARY_INPUT, f"skipped {source}", "it holds binary data (NUL or control bytes), not JSON Lines",
                          "check that it is the file you meant; JSON Lines hold one JSON object per line")
            return
        with open_stream(path, meter=meter) as stream:
            yield from _items(stream, source=source, max_bytes=max_bytes)
    except OSError as e:
        yield failure(source, Code.INPUT_NOT_FOUND, f"cannot read {source}", e.strerror or str(e), "check the path and its permissions")


def _head(path: Path) -> bytes:
    """The first bytes of the file, inflated; as many as can be read when the gzip data is damaged."""
    parts: list[bytes] = []
    with open_stream(path) as stream:
        try:
            while sum(map(len, parts)) < _SNIFF_BYTES and (part := stream.read(1024)):
                parts.append(part)
        except (EOFError, gzip.BadGzipFile, zlib.error):
            pass  # reading the lines reports it, after the lines before the damage
    return b"".join(parts)


def _items(stream: IO[bytes], *, source: str, max_bytes: int) -> Iterator[Item]:
    """Documents and failures of the lines; the failures of the first lines wait until a line is JSON."""
    waiting: list[Failure] = []  # the first lines that are not JSON, until the file shows it is JSON Lines
    is_json_lines = anything = False
    line_no = 0
    try:
        for line_no, line, overflow in _lines(stream, max_bytes=max_bytes):
            where = f"{source}:{line_no}"
            anything = anything or overflow or bool(line.strip())
            if overflow:
                yield too_large(where, None, max_bytes)
                continue
            if not line.strip():
                continue
            data = _load(line, source=where)
            if isinstance(data, Failure) and not is_json_lines:
                waiting.append(data)
                if len(waiting) == PROBE_LINES:
                    yield _not_json_lines(source, waiting)
                    return
                continue
            is_json_lines = True
            yield from waiting
            waiting.clear()
            yield data if isinstance(data, Failure) else _document(data, source=where)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield from waiting
        yield failure(f"{source}:{line_no + 1}", Code.BAD_COMPRESSION, f"stopped reading {source} after line {line_no}",
                      f"the gzip data is truncated or corrupt ({e})", "re-download or re-compress the file")
        return
    if waiting:
        yield _not_json_lines(source, waiting)
    elif not anything:
        yield failure(source, Code.EMPTY_INPUT, f"skipped {source}", "it is empty (no bytes, or only blank lines)",
                      "check that the file was written completely")


def _not_json_lines(source: str, waiting: list[Failure]) -> Failure:
    first = waiting[0].message.split(": ", 1)[1].split(";", 1)[0]
    lines = "its first line is" if len(waiting) == 1 else f"its first {len(waiting)} lines are"
    return failure(source, Code.JSONL_NOT_OBJECT, f"skipped {source}", f"it is not JSON Lines: {lines} not JSON ({first})",
                   "check that it is the file you meant; JSON Lines hold one JSON object per line")


def _lines(stream: IO[bytes], *, max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """Numbered lines; a line over ``max_bytes`` is skipped to its end and flagged."""
    line_no = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        line_no += 1
        overflow = len(line) > max_bytes
        while overflow and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)  # drain the rest of the long line, a megabyte at a time
            if not line:
                break
        yield line_no, line, overflow


def parse_line(line: bytes | str, *, source: str) -> Item:
    """Turn one JSON Lines line into a document, or a failure that says what is wrong.

    >>> parse_line('{"url": "https://example.com/a", "text": "Kherson."}', source="a.jsonl:1").kind
    'text'
    >>> parse_line('{"url": 1', source="a.jsonl:2").code
    'E121'
    >>> parse_line("[" * 5000, source="a.jsonl:3").message
    'skipped line a.jsonl:3: its JSON is nested too deeply to read; write one flat JSON object per line (JSON Lines)'
    """
    data = _load(line, source=source)
    return data if isinstance(data, Failure) else _document(data, source=source)


def _load(line: bytes | str, *, source: str) -> Any:
    """The JSON value of a line, or the E121 failure of a line that is not JSON."""
    try:
        return json.loads(line)
    except (ValueError, UnicodeDecodeError) as e:
        return failure(source, Code.JSONL_NOT_OBJECT, f"skipped line {source}", f"it is not valid JSON ({e})",
                       "write one JSON object per line (JSON Lines)")
    except RecursionError:  # 2 KB of '[' is enough; uncaught, it stopped the run and every re-run (#16)
        return failure(source, Code.JSONL_NOT_OBJECT, f"skipped line {source}", "its JSON is nested too deeply to read",
                       "write one flat JSON object per line (JSON Lines)")


def _document(data: Any, *, source: str) -> Item:
    if not isinstance(data, dict):
        return failure(source, Code.JSONL_NOT_OBJECT, f"skipped line {source}", f"it holds a JSON {type(data).__name__}, not an object",
                       "write one JSON object per line (JSON Lines)")
    found = [(data[key], kind) for key, kind in _CONTENT_KEYS if isinstance(data.get(key), str) and data[key].strip()]
    if not found:
        return failure(source, Code.JSONL_NO_BODY, f"skipped line {source}", "the object has no non-empty 'text' or 'html' string",
                       "put the article body in a 'text' (plain) or 'html' (markup) field",
                       url=data.get("url") if isinstance(data.get("url"), str) else None)
    content, kind = found[0]
    hints = {name: str(data[name]) for name in _HINTS if isinstance(data.get(name), (str, int, float))}
    dates = [str(data[key]) for key in _DATE_KEYS if isinstance(data.get(key), str) and data[key].strip()]
    if dates:
        hints["published"] = dates[0]
    meta = {str(k): str(v) for k, v in data.items()
            if k not in _HINTS and k not in _DATE_KEYS and k not in dict(_CONTENT_KEYS) and isinstance(v, (str, int, float, bool))}
    return RawDocument(content=content, kind=kind, source=source, url=hints.get("url"), title=hints.get("title"),
                       published=hints.get("published"), fetched=hints.get("fetched"), meta=meta)
