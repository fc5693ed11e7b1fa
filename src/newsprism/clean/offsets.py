"""Text that remembers where each character came from in the raw text.

Cleaning edits text (fixes mojibake, collapses spaces, splits glued words)
but every fact found later must still be shown in the original. A
:class:`MappedText` carries, for each character, its offset in the raw text
(``-1`` for an inserted character); :func:`segments_of` turns that map into
the compact :class:`~newsprism.model.Segment` runs an article keeps.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from ..model import Segment

#: Parts with fewer characters than this have their runs found in Python: numpy's setup costs more.
_NUMPY_CHARS = 256


@dataclass(frozen=True, slots=True)
class MappedText:
    """A string and, per character, its raw-text offset (``-1`` if inserted).

    ``origin`` is a ``range`` for a slice of the raw text (and slices of it), :class:`Spans` for slices
    of it put end to end (a line whose extra spaces were dropped), a tuple otherwise: most lines are
    copied as they stand, and a tuple of one number per character was a sixth of cleaning's time on
    HTML pages (#12, speed).
    """

    text: str
    origin: Sequence[int]

    @classmethod
    def copied(cls, raw: str, start: int, end: int) -> MappedText:
        """The slice ``raw[start:end]``, every character mapped to itself."""
        return cls(raw[start:end], range(start, end))

    @classmethod
    def inserted(cls, text: str) -> MappedText:
        """Text with no counterpart in the raw text."""
        return cls(text, (-1,) * len(text))

    def insert(self, index: int, text: str) -> MappedText:
        """A copy with ``text`` inserted before character ``index``."""
        return MappedText(self.text[:index] + text + self.text[index:],
                          (*self.origin[:index], *(-1,) * len(text), *self.origin[index:]))

    def slice(self, start: int, end: int) -> MappedText:
        """Characters ``start:end``."""
        return MappedText(self.text[start:end], self.origin[start:end])

    def keep(self, indexes: Iterable[int]) -> MappedText:
        """Only the characters at ``indexes`` (in order)."""
        kept = list(indexes)
        return MappedText("".join(self.text[i] for i in kept), tuple(self.origin[i] for i in kept))

    def __add__(self, other: MappedText) -> MappedText:
        return MappedText(self.text + other.text, (*self.origin, *other.origin))


class Spans(Sequence[int]):
    """Raw offsets that are slices of the raw text put end to end: ``range`` objects, read as one sequence.

    A line that loses a few characters (a second space, a zero-width one) is a few slices of the raw text;
    their offsets are not listed one by one (#12, speed).
    """

    __slots__ = ("_ends", "ranges")

    def __init__(self, ranges: Iterable[range]) -> None:
        self.ranges = tuple(r for r in ranges if len(r))
        self._ends = list(itertools.accumulate(map(len, self.ranges)))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self)[index]
            # the slices that overlap ``start:stop``, each cut to it
            kept: list[range] = []
            i = bisect.bisect_right(self._ends, start)
            while i < len(self.ranges) and (first := self._ends[i] - len(self.ranges[i])) < stop:
                kept.append(self.ranges[i][max(start - first, 0):stop - first])
                i += 1
            return Spans(kept)
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("Spans index out of range")
        i = bisect.bisect_right(self._ends, index)
        return self.ranges[i][index - (self._ends[i - 1] if i else 0)]

    def __iter__(self) -> Iterator[int]:
        return itertools.chain.from_iterable(self.ranges)

    def __repr__(self) -> str:
        return f"Spans({list(self.ranges)!r})"


def join(parts: Iterable[MappedText], separator: str) -> MappedText:
    """Join ``parts`` with an inserted ``separator``."""
    texts: list[str] = []
    origin: list[int] = []
    for i, part in enumerate(parts):
        if i:
            texts.append(separator)
            origin.extend((-1,) * len(separator))
        texts.append(part.text)
        origin.extend(part.origin)
    return MappedText("".join(texts), tuple(origin))


def segments_of(mapped: MappedText, raw: str) -> tuple[Segment, ...]:
    """Runs of characters copied unchanged from ``raw``, in clean-text order.

    A character counts as copied only if it still equals the raw character
    it maps to, so an edited character (a fixed quote, a repaired letter)
    never claims to be original.
    """
    return segments_of_parts([mapped], raw)


def segments_of_parts(parts: Iterable[MappedText], raw: str) -> tuple[Segment, ...]:
    """:func:`segments_of` the parts joined with nothing between them, without the joined map.

    A part whose origin is a ``range`` and whose text is still that slice of ``raw`` is one run, told
    by one comparison of strings; only the other parts are read character by character. A run goes on
    across two parts when the second's first character follows the first's last in ``raw``.
    """
    runs: list[list[int]] = []  # [start, raw start, length]
    position = 0
    for part in parts:
        _extend(runs, position, _part_runs(part.text, part.origin, raw))
        position += len(part.text)
    return tuple(Segment(start=start, raw_start=raw_start, length=length) for start, raw_start, length in runs)


def _part_runs(text: str, origin: Sequence[int], raw: str) -> Iterable[Sequence[int]]:
    """``(start, raw start, length)`` of the runs of one part: a slice of the raw text that is still its text is
    one run; :class:`Spans` are read slice by slice; any other part character by character (:func:`_runs`)."""
    if isinstance(origin, range) and origin.step == 1 and text == raw[origin.start:origin.stop]:
        return [(0, origin.start, len(origin))] if len(origin) else []
    if isinstance(origin, Spans):
        runs: list[list[int]] = []
        at = 0
        for span in origin.ranges:
            _extend(runs, at, _part_runs(text[at:at + len(span)], span, raw))
            at += len(span)
        return runs
    return _runs(MappedText(text, origin), raw)


def _extend(runs: list[list[int]], offset: int, found: Iterable[Sequence[int]]) -> None:
    """Add the runs ``found`` at ``offset``, each lengthening the last one when it goes on in both texts."""
    for start, raw_start, length in found:
        last = runs[-1] if runs else None
        if last is not None and last[0] + last[2] == offset + start and last[1] + last[2] == raw_start:
            last[2] += length
        else:
            runs.append([offset + start, raw_start, length])


def _runs(mapped: MappedText, raw: str) -> list[tuple[int, int, int]]:
    """``(start, raw start, length)`` of each run of characters of ``mapped`` copied unchanged from ``raw``."""
    if len(mapped.text) < _NUMPY_CHARS:
        runs: list[tuple[int, int, int]] = []
        start = raw_start = length = 0
        for i, (char, at) in enumerate(zip(mapped.text, mapped.origin, strict=True)):
            if at >= 0 and raw[at] == char:
                if length and raw_start + length == at:
                    length += 1
                    continue
                if length:
                    runs.append((start, raw_start, length))
                start, raw_start, length = i, at, 1
            elif length:
                runs.append((start, raw_start, length))
                length = 0
        if length:
            runs.append((start, raw_start, length))
        return runs
    return _numpy_runs(mapped, raw)


def _numpy_runs(mapped: MappedText, raw: str) -> list[tuple[int, int, int]]:
    """:func:`_runs` over arrays, for a long part."""
    import numpy as np

    origin = np.asarray(mapped.origin, dtype=np.int64)
    clean_chars = np.frombuffer(mapped.text.encode("utf-32-le"), dtype=np.uint32)
    copied = origin >= 0
    if copied.any():
        # only the raw characters the part maps to are read: the raw text is the whole document (#12, speed)
        low = int(origin[copied].min())
        raw_chars = np.frombuffer(raw[low:int(origin.max()) + 1].encode("utf-32-le"), dtype=np.uint32)
        copied[copied] = raw_chars[origin[copied] - low] == clean_chars[copied]
    # a run breaks where a character is not copied or does not follow its predecessor in the raw text
    follows = np.zeros(len(origin), dtype=bool)
    follows[1:] = (origin[1:] == origin[:-1] + 1) & copied[:-1]
    starts = np.flatnonzero(copied & ~follows)
    breaks = np.append(np.flatnonzero(~(copied & follows)), len(origin))
    ends = breaks[np.searchsorted(breaks, starts, side="right")]
    return list(zip(starts.tolist(), origin[starts].tolist(), (ends - starts).tolist(), strict=True))
