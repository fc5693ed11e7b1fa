"""WARC archives (``.warc``, ``.warc.gz``): HTML responses and WET conversions.

Records are streamed by :mod:`newsprism.sources._warc_records`; one record is in memory at a time.

1. ``response`` records holding an HTTP 200 HTML page become ``html``
   documents: URL from ``WARC-Target-URI``, fetch time from ``WARC-Date``,
   encoding from the HTTP ``Content-Type`` charset. Chunked transfer
   encoding and gzip/deflate content encoding are undone.
2. ``conversion`` records (WET files) become ``text`` documents.
3. ``resource`` records of type ``text/html`` become ``html`` documents.
4. Everything else (requests, metadata, revisits, DNS, robots.txt, images,
   redirects, errors) is skipped without a failure, and counted in the log.

A damaged record (cut short, a declared length that does not end where the next
record starts, an undecodable payload, over ``max_bytes``) gives one
:class:`~newsprism.model.Failure`; reading goes on at the next record header,
so the records after it are still read (#16). The HTTP header block is parsed
here because real archives hold headers ended by bare ``\\n\\n`` that a
strict parser runs past.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..codes import Code
from ..model import ContentKind, RawDocument
from ..progress import ReadMeter
from ._base import Item, failure
from ._warc_records import Gap, Record, iter_records
from .detect import detect_kind

log = logging.getLogger(__name__)

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)?\s+(\d{3})")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK_SIZE = re.compile(rb"([0-9a-fA-F]+)[ \t]*(;[^\r\n]*)?\r?\n")
_WANTED = ("response", "conversion", "resource")


def iter_warc(path: Path, *, source: str, max_bytes: int, meter: ReadMeter | None = None) -> Iterator[Item]:
    """Stream the documents of a WARC file (plain or gzipped), one record at a time.

    Args:
        path: The archive.
        source: How to name it; each document's source is ``<source>#<offset>``.
        max_bytes: Largest record accepted.
        meter: Told how far into the archive reading has got, for a progress bar.

    Returns:
        An iterator of documents and per-record failures.
    """
    skipped: Counter[str] = Counter()
    produced = records = 0
    try:
        stream = path.open("rb")
    except OSError as e:
        yield failure(source, Code.INPUT_NOT_FOUND, f"cannot read {source}", e.strerror or str(e), "check the path and its permissions")
        return
    if meter is not None:
        meter.within(stream)
    with stream:
        try:
            for record in iter_records(stream, max_bytes=max_bytes):
                records += 1
                item = _read_record(record, source=source, max_bytes=max_bytes, skipped=skipped)
                if item is not None:
                    produced += 1
                    yield item
        except (OSError, EOFError, zlib.error) as e:
            yield failure(source, Code.WARC_UNREADABLE, f"stopped reading {source} after {produced} documents",
                          f"the archive is damaged or not a WARC file ({e})",
                          "check it with a WARC tool (warcio check); .arc files are not supported")
            return
    if records == 0:
        yield failure(source, Code.WARC_UNREADABLE, f"no records read from {source}",
                      "it is not a WARC file, or it is damaged before its first record",
                      "check the file with a WARC tool (warcio check); .arc files are not supported")
    log.info("%s: %d items, skipped %s", source, produced, dict(skipped) or "nothing")


def _read_record(record: Record | Gap, *, source: str, max_bytes: int, skipped: Counter[str]) -> Item | None:
    if isinstance(record, Gap):
        return failure(f"{source}#{record.offset}", Code.WARC_UNREADABLE, f"skipped {record.size:,} bytes at the start of {source}",
                       "they are not a WARC record", "re-write the archive; the records after them were read")
    headers = record.headers
    where = f"{source}#{record.offset}"
    kind = headers.get("warc-type", "")
    if record.damage is None and kind not in _WANTED:
        return None  # requests, metadata, warcinfo, revisits
    uri = headers.get("warc-target-uri")
    if record.damage == "length":
        return _misplaced(where, uri, record.length)
    if record.damage == "cut":
        return _truncated(where, uri or "an unnamed record", record.got, record.length)
    if uri is None or record.damage == "header":
        return failure(where, Code.WARC_DAMAGED_RECORD, f"skipped a damaged record in {source} at byte {record.offset}",
                       "its WARC header is incomplete (no target URI or length): the file is probably cut short",
                       "re-download or re-write the archive")
    if kind == "response":
        return _response(record, where=where, uri=uri, max_bytes=max_bytes, skipped=skipped)
    content_type = headers.get("content-type", "").lower()
    if kind == "resource" and not content_type.startswith(_HTML_TYPES):
        skipped[f"resource {content_type or 'untyped'}"] += 1
        return None
    if record.block is None:
        return _too_big(where, record.length, max_bytes, uri)
    doc_kind: ContentKind = "text" if kind == "conversion" else "html"
    meta = _meta(headers, source)
    if lang := headers.get("warc-identified-content-language"):
        meta["lang"] = lang
    return RawDocument(content=record.block, kind=doc_kind, source=where, url=uri, fetched=headers.get("warc-date"),
                       encoding="utf-8" if kind == "conversion" else _charset(content_type), meta=meta)


def _response(record: Record, *, where: str, uri: str, max_bytes: int, skipped: Counter[str]) -> Item | None:
    if not uri.startswith(("http:", "https:")):
        skipped["non-http response"] += 1
        return None
    head = record.head
    end = _HEADER_END.search(head)
    status = _STATUS.match(head)
    if end is None or status is None:
        skipped["response without HTTP headers"] += 1
        return None
    http = _parse_headers(head[: end.start()])
    content_type = http.get("content-type", "")
    if status.group(1) != b"200":
        skipped[f"HTTP {status.group(1).decode()}"] += 1
        return None
    if content_type and not content_type.lower().startswith(_HTML_TYPES):
        skipped[content_type.split(";")[0].strip().lower() or "untyped"] += 1
        return None
    if record.block is None:
        return _too_big(where, record.length, max_bytes, uri)
    payload = record.block[end.end():]
    try:
        payload = _decode_payload(payload, http, max_bytes=max_bytes)
    except ValueError as e:
        return failure(where, Code.WARC_UNDECODABLE, f"skipped the record for {uri}", str(e),
                       "the archive holds a payload that cannot be decoded; re-crawl the page", url=uri)
    if not content_type and detect_kind(payload) != "html":
        skipped["untyped non-HTML"] += 1
        return None
    return RawDocument(content=payload, kind="html", source=where, url=uri, fetched=record.headers.get("warc-date"),
                       encoding=_charset(content_type), meta=_meta(record.headers, where.rsplit("#", 1)[0]))


def _parse_headers(block: bytes) -> dict[str, str]:
    """HTTP headers as a lower-case dict (last value wins), tolerant of bare newlines."""
    headers: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


def _decode_payload(payload: bytes, http: dict[str, str], *, max_bytes: int) -> bytes:
    """Undo chunked transfer encoding, then gzip/deflate content encoding.

    Archivers often store the payload already decoded but keep the headers, so
    each step runs only when the bytes look encoded.

    Raises:
        ValueError: when the payload claims an encoding and is damaged.
    """
    if "chunked" in http.get("transfer-encoding", "").lower() and _CHUNK_SIZE.match(payload):
        payload = dechunk(payload)
    encoding = http.get("content-encoding", "").lower().strip()
    if encoding in ("gzip", "x-gzip", "deflate") and payload[:2] in (b"\x1f\x8b", b"\x78\x01", b"\x78\x9c", b"\x78\xda"):
        payload = inflate(payload, max_bytes=max_bytes)
    elif encoding in ("br", "zstd", "compress") and detect_kind(payload) != "html":
        raise ValueError(f"content encoding '{encoding}' is not supported")
    return payload


def dechunk(data: bytes) -> bytes:
    """Undo HTTP/1.1 chunked transfer encoding.

    >>> dechunk(b"5\\r\\nHello\\r\\n6\\r\\n world\\r\\n0\\r\\n\\r\\n")
    b'Hello world'

    Raises:
        ValueError: on a malformed or cut chunk.
    """
    parts: list[bytes] = []
    pos = 0
    while pos < len(data):
        m = _CHUNK_SIZE.match(data, pos)
        if m is None:
            raise ValueError(f"malformed chunked encoding at byte {pos}")
        size = int(m.group(1), 16)
        if size == 0:
            break
        start = m.end()
        if start + size > len(data):
            raise ValueError(f"chunked encoding cut short at byte {len(data)}")
        parts.append(data[start:start + size])
        pos = start + size
        pos += 2 if data.startswith(b"\r\n", pos) else 1 if data.startswith(b"\n", pos) else 0
    return b"".join(parts)


def inflate(data: bytes, *, max_bytes: int) -> bytes:
    """Decompress gzip or zlib ``data``, refusing output over ``max_bytes`` (compression bombs).

    Raises:
        ValueError: on damaged data or too much output.
    """
    try:
        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32)  # 32: detect gzip or zlib header
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as e:
        raise ValueError(f"gzip/deflate payload is damaged ({e})") from e
    if len(out) > max_bytes:
        raise ValueError(f"payload inflates to more than max_bytes={max_bytes:,}")
    return out


def _charset(content_type: str) -> str | None:
    m = _CHARSET.search(content_type)
    return m.group(1) if m else None


def _meta(headers: dict[str, str], archive: str) -> dict[str, str]:
    meta = {"archive": archive}
    if record_id := headers.get("warc-record-id"):
        meta["warc_record_id"] = record_id
    return meta


def _truncated(where: str, uri: str, got: int, expected: int) -> Item:
    return failure(where, Code.WARC_DAMAGED_RECORD, f"skipped the truncated record for {uri}",
                   f"it declares {expected:,} bytes but the archive holds only {got:,}: the file was cut short",
                   "re-download or re-write the archive; the other records were read", url=uri)


def _misplaced(where: str, uri: str | None, declared: int) -> Item:
    return failure(where, Code.WARC_DAMAGED_RECORD, f"skipped the damaged record for {uri or 'an unnamed record'}",
                   f"its declared length ({declared:,} bytes) does not end where the next record starts",
                   "re-write the archive; reading went on at the next record", url=uri)


def _too_big(where: str, size: int, max_bytes: int, uri: str) -> Item:
    return failure(where, Code.WARC_RECORD_TOO_LARGE, f"skipped the record for {uri}", f"{size:,} bytes is over max_bytes={max_bytes:,}",
                   "raise it with --setting max_bytes N if the page is genuine", url=uri)
