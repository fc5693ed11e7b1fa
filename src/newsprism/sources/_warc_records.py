"""WARC records from a plain or gzipped file; a record whose declared length is wrong does not lose the rest.

A record is a header block (a ``WARC/1.0`` line, ``Name: value`` lines, a blank line), a block of
``Content-Length`` bytes, then two CRLFs. A strict reader trusts the length: one that is too long made
the next record's header part of a payload, and one too short made the rest of a payload a header, and
every record after it was lost (#16). Here the end of each record is checked:

1. After the block come at most four CR/LF bytes, then the next ``WARC/`` line or the end of the file:
   the record is sound.
2. Otherwise the declared length is wrong, or the file was cut: the record is marked damaged, reading
   goes back to the start of its block, and on to the next line that starts a record header (a
   ``WARC/x.y`` line). With none left, the file was cut inside this record.

A gzipped archive is inflated member by member (one record per member in a well-made archive), so a
record's offset is the file offset of the gzip member it starts, as WARC indexes give it, and going back
means seeking to that member, not inflating the file again from its start.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

#: Bytes of a block kept in :attr:`Record.head` even when the block is over ``max_bytes``.
HEAD_BYTES = 1 << 16
#: Longest header block read before the record is taken for damaged.
_MAX_HEADER = 1 << 16
_CHUNK = 1 << 16
_HEADER_LINE = re.compile(rb"WARC/\d+\.\d+\r?\n")
_NEXT_HEADER = re.compile(rb"\nWARC/\d+\.\d+\r?\n")


@dataclass(slots=True)
class Record:
    """One WARC record.

    Attributes:
        offset: Where it starts in the file (in a gzipped file, the offset of the gzip member it starts;
            for a record inside a member, its offset in the inflated stream).
        headers: The WARC header fields, names lower-cased.
        length: The declared ``Content-Length`` (-1 when missing or not a number).
        head: The block's first bytes (up to :data:`HEAD_BYTES`).
        block: The whole block, or ``None`` when it is longer than ``max_bytes`` (or damaged).
        damage: ``None`` for a sound record; ``"length"`` when its declared length does not end where
            the next record starts; ``"cut"`` when the file ends inside it; ``"header"`` when its
            header block cannot be read.
        got: Bytes of the block present in the file (for a record cut short).
    """

    offset: int
    headers: dict[str, str]
    length: int
    head: bytes = b""
    block: bytes | None = None
    damage: str | None = None
    got: int = 0


@dataclass(slots=True)
class Gap:
    """Bytes that are not a WARC record, skipped before the first record."""

    offset: int
    size: int


def iter_records(stream: BinaryIO, *, max_bytes: int) -> Iterator[Record | Gap]:
    """The records of a WARC file, damaged ones included, in file order.

    Raises:
        zlib.error: when the gzip data is corrupt (a member cut short just ends the file).
        OSError: when the file cannot be read.
    """
    flow = _Flow(stream)
    if not flow.at_header():
        start = flow.pos
        if not flow.next_header():
            return
        yield Gap(offset=start, size=flow.pos - start)
    while True:
        flow.skip_newlines()
        if not flow.fill(1):
            return
        offset = flow.offset()
        headers = _read_headers(flow)
        if headers is None:  # cut inside the header block, or no header block at all
            yield Record(offset=offset, headers={}, length=-1, damage="header")
            if flow.next_header():
                continue
            return
        declared = headers.get("content-length", "").strip()
        length = int(declared) if declared.isdigit() else -1
        record = Record(offset=offset, headers=headers, length=length)
        if length < 0:
            record.damage = "header"
            yield record
            if flow.next_header():
                continue
            return
        start = flow.pos
        _read_block(flow, record, max_bytes=max_bytes)
        if record.got == length and flow.at_boundary():
            yield record
            continue
        # 2. the length is wrong or the file was cut: back to the block, on to the next record header
        flow.seek(start)
        found = flow.next_header()
        record.damage = "length" if found else "cut"
        record.block = None
        yield record
        if not found:
            return


def _read_block(flow: _Flow, record: Record, *, max_bytes: int) -> None:
    record.head = flow.take(min(record.length, HEAD_BYTES))
    rest = record.length - len(record.head)
    if record.length <= max_bytes:
        tail = flow.take(rest)
        record.block = record.head + tail
        record.got = len(record.block)
    else:
        record.got = len(record.head) + flow.skip(rest)


def _read_headers(flow: _Flow) -> dict[str, str] | None:
    """The header block at the current position, or ``None`` when it is cut or too long."""
    if not flow.at_header():
        return None
    headers: dict[str, str] = {}
    name = ""
    size = 0
    flow.readline(_MAX_HEADER)  # the WARC/x.y line
    while size < _MAX_HEADER:
        line = flow.readline(_MAX_HEADER)
        size += len(line)
        if not line.endswith(b"\n"):
            return None
        if not line.strip():
            return headers
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if text[:1] in (" ", "\t") and name:  # a folded line continues the previous field
            headers[name] += " " + text.strip()
            continue
        field, sep, value = text.partition(":")
        if sep:
            name = field.strip().lower()
            headers[name] = value.strip()
    return None


class _Flow:
    """The bytes of a file, inflated when it is gzip, with a position that can go back."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.gzip = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        self.buf = bytearray()
        self.pos = 0  # stream position of buf[0]
        #: (stream position, file offset) where each gzip member starts
        self.members: list[tuple[int, int]] = [(0, 0)]
        self._inflater = zlib.decompressobj(31)
        self._pending = b""  # compressed bytes not inflated yet
        self._read_to = 0  # file offset after the last read

    # -- filling --------------------------------------------------------------------------------

    def _more(self) -> bool:
        """Append the next piece of the stream to the buffer; ``False`` at the end of the file."""
        if not self.gzip:
            chunk = self.raw.read(_CHUNK)
            self.buf += chunk
            return bool(chunk)
        while True:
            if not self._pending:
                self._pending = self.raw.read(_CHUNK)
                self._read_to += len(self._pending)
                if not self._pending:
                    return False  # a member cut short ends the stream: its record reads as cut
            out = self._inflater.decompress(self._pending, _CHUNK * 4)  # capped: a bomb inflates piecewise
            self._pending = self._inflater.unconsumed_tail
            self.buf += out
            if self._inflater.eof:  # the next member starts where this one's unused bytes do
                self._pending = self._inflater.unused_data
                self._inflater = zlib.decompressobj(31)
                self.members.append((self.pos + len(self.buf), self._read_to - len(self._pending)))
            if out:
                return True

    def fill(self, size: int) -> bool:
        """At least ``size`` bytes in the buffer, unless the file ends first."""
        while len(self.buf) < size:
            if not self._more():
                return False
        return True

    # -- reading --------------------------------------------------------------------------------

    def _drop(self, size: int) -> None:
        del self.buf[:size]
        self.pos += size

    def take(self, size: int) -> bytes:
        """Up to ``size`` bytes (fewer at the end of the file)."""
        self.fill(size)
        data = bytes(self.buf[:size])
        self._drop(len(data))
        return data

    def skip(self, size: int) -> int:
        """Pass over up to ``size`` bytes without keeping them; how many there were."""
        done = 0
        while done < size:
            if not self.buf and not self._more():
                break
            step = min(size - done, len(self.buf))
            self._drop(step)
            done += step
        return done

    def readline(self, limit: int) -> bytes:
        """One line with its newline (shorter than ``limit``), or what is left at the end of the file."""
        start = 0
        while (end := self.buf.find(b"\n", start, limit)) < 0:
            start = len(self.buf)
            if start >= limit or not self._more():
                return self.take(min(len(self.buf), limit))
        return self.take(end + 1)

    def skip_newlines(self) -> None:
        while self.fill(1) and self.buf[0] in b"\r\n":
            self._drop(1)

    # -- record boundaries ----------------------------------------------------------------------

    def at_header(self) -> bool:
        self.fill(16)
        return _HEADER_LINE.match(self.buf) is not None

    def at_boundary(self) -> bool:
        """Whether the bytes here end a record: up to four CR/LF, then a record header or the end."""
        self.fill(20)
        newlines = 0
        while newlines < min(4, len(self.buf)) and self.buf[newlines] in b"\r\n":
            newlines += 1
        rest = self.buf[newlines:]
        if not rest:
            return True
        return _HEADER_LINE.match(rest) is not None

    def next_header(self) -> bool:
        """Move to the next line, from a line start here on, that starts a record header."""
        if self.at_header():
            return True
        while True:
            if match := _NEXT_HEADER.search(self.buf):
                self._drop(match.start() + 1)
                return True
            # only the last line's start can still begin a header, and only if it is short so far
            self._drop(max(self.buf.rfind(b"\n"), len(self.buf) - 32, 0))
            if not self._more():
                return False

    def offset(self) -> int:
        """Where the current position is in the file: its gzip member's offset when it starts one."""
        if not self.gzip:
            return self.pos
        self.fill(1)  # inflating past a member's end records the next member's start
        index = bisect_right(self.members, (self.pos, float("inf"))) - 1
        position, offset = self.members[index]
        return offset if position == self.pos else self.pos

    def seek(self, position: int) -> None:
        """Go back (or on) to a stream position."""
        if not self.gzip:
            self.raw.seek(position)
            self.buf.clear()
            self.pos = position
            return
        index = bisect_right(self.members, (position, float("inf"))) - 1
        start, offset = self.members[index]
        del self.members[index + 1:]  # found again while inflating
        self.raw.seek(offset)
        self._read_to = offset
        self._pending = b""
        self._inflater = zlib.decompressobj(31)
        self.buf.clear()
        self.pos = start
        self.skip(position - start)
