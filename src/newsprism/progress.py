"""How far a long run has got: what ingest and link tell a caller who asks, and nothing otherwise (#15).

The library never prints. An ingest calls its ``progress`` callback with an
:class:`IngestProgress` after each document it finishes; a link run calls its
``report`` callback with a :class:`Step` when each step starts and when it
ends. The command line turns them into a progress bar and one line per step;
without a callback both stay quiet.

How far an ingest has got is counted in one of two units, chosen before any
document is read (:meth:`ReadMeter.plan`):

1. **documents**, when the input is files of one document each (HTML and
   text files, named or in folders): the total is their number;
2. **bytes**, when every input is a local file or folder and some hold many
   documents (WARC archives, JSON Lines, feeds): the total is the size of
   every file, and a document is as far as its reader had got in the input
   when it gave the document (a gzipped file counts its compressed bytes);
3. otherwise (URLs, standard input) **documents** with no total, except a
   single feed, whose items are the total once it is read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

Unit = Literal["documents", "bytes"]


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``2 stories`` with ``plural``: how a progress message counts.

    >>> counted(1, "story", "stories"), counted(2, "story", "stories")
    ('1 story', '2 stories')
    """
    return f"{count} {word if count == 1 else plural or word + 's'}"


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """How far an ingest has got, after one more finished document.

    A document is finished when its result is known and written: stored, a
    duplicate, skipped as already ingested, or failed. Documents finish in
    input order, so ``done`` never goes back.

    Attributes:
        documents: Documents finished so far.
        done: How far, in ``unit``: ``documents`` again, or the bytes of input up to the last finished document.
        total: Where ``done`` ends, when that can be known.
        unit: ``"documents"`` or ``"bytes"``.
    """

    documents: int
    done: int
    total: int | None
    unit: Unit = "documents"


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a long run (a link run's duplicates, stories, entities...), as its callback hears of it.

    Each step is reported twice: when it starts (``seconds`` is ``None``, the
    message says what it is doing) and when it ends (the message says what it
    found, ``seconds`` how long it took).
    """

    name: str
    message: str
    seconds: float | None = None

    @property
    def finished(self) -> bool:
        """True for the report of a step's end."""
        return self.seconds is not None


class ReadMeter:
    """How far reading has got through a run's input, for a progress bar's total, rate and ETA.

    Sources tell it what they read (:meth:`begin` a file, :meth:`within` a
    stream of it, :meth:`item` of a feed); the ingest reads :attr:`position`
    after each document. See the module docstring for the units.

    >>> meter = ReadMeter(unit="bytes", total=300)
    >>> meter.begin(100); meter.position
    100
    >>> meter.begin(200); meter.item(1, 4); meter.position
    150
    """

    def __init__(self, *, unit: Unit = "documents", total: int | None = None, feed_is_total: bool = False) -> None:
        self.unit: Unit = unit
        self.total = total
        self._feed_is_total = feed_is_total
        self._before = 0  # bytes of the files read before the current one
        self._size = 0  # bytes of the current file
        self._stream: IO[bytes] | None = None
        self._fraction: float | None = None

    @classmethod
    def plan(cls, specs: Sequence[str]) -> ReadMeter:
        """The meter for a run over ``specs``: its unit and, when it can be known cheaply, its total."""
        from .sources import count_specs

        counted = count_specs(specs)
        if counted is not None:
            return cls(unit="documents", total=counted)
        if all(_is_local(spec) for spec in specs):
            return cls(unit="bytes", total=sum(_size_of(Path(_local_path(spec))) for spec in specs))
        return cls(unit="documents", feed_is_total=len(specs) == 1)

    def begin(self, size: int) -> None:
        """A file of ``size`` bytes is read next (files skipped unread begin too); the one before is done."""
        self._before += self._size
        self._size = max(0, size)
        self._stream = None
        self._fraction = None

    def within(self, stream: IO[bytes]) -> None:
        """The current file is read through ``stream``: how far into it is ``stream.tell()``."""
        self._stream = stream

    def item(self, number: int, count: int) -> None:
        """Item ``number`` (from 1) of the ``count`` items of the current feed is given next."""
        self._fraction = number / count if count else None
        if self._feed_is_total and self.unit == "documents" and self.total is None:
            self.total = count

    @property
    def position(self) -> int:
        """Bytes read so far: the files before, and how far into the current one."""
        return self._before + self._into()

    def _into(self) -> int:
        if self._stream is not None and not self._stream.closed:
            try:
                return min(self._stream.tell(), self._size)
            except (OSError, ValueError):
                return self._size
        if self._fraction is not None:
            return round(self._size * self._fraction)
        return self._size  # read whole (a document per file), or closed after its last document


def _is_local(spec: str) -> bool:
    return spec != "-" and ("://" not in spec or spec.lower().startswith("file://"))


def _local_path(spec: str) -> str:
    return spec[len("file://"):] if spec.lower().startswith("file://") else spec


def _size_of(path: Path) -> int:
    """Bytes of a file, or of every file a folder walk reads (hidden names are not read)."""
    from .sources.files import walk

    try:
        if not path.is_dir():
            return path.stat().st_size if path.exists() else 0
        return sum(_file_size(file) for file in walk(path))
    except OSError:
        return 0


def _file_size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
