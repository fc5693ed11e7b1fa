"""Text that remembers where each character came from in the raw text.

Cleaning edits text (fixes mojibake, collapses spaces, splits glued words)
but every fact found later must still be shown in the original. A
:class:`MappedText` carries, for each character, its offset in the raw text
(``-1`` for an inserted character); :func:`segments_of` turns that map into
the compact :class:`~newsprism.model.Segment` runs an article keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Segment

#: Parts with fewer characters than this have their runs found in Python: numpy's setup costs more.
_NUMPY_CHARS = 256


@dataclass(frozen=True, slots=True)
class MappedText:
    """A string and, per character, its raw-text offset (``-1`` if inserted).

    ``origin`` is a ``range`` for a slice of the raw text (and slices of it), a tuple otherwise: most
    lines are copied as they stand, and a tuple of one number per character was a sixth of cleaning's
    time on HTML pages (#12, speed).
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
        origin = part.origin
        if isinstance(origin, range) and origin.step == 1 and part.text == raw[origin.start:origin.stop]:
            found: Iterable[tuple[int, int, int]] = [(0, origin.start, len(origin))] if len(origin) else []
        else:
            found = _runs(part, raw)
        for start, raw_start, length in found:
            last = runs[-1] if runs else None
            if last is not None and last[0] + last[2] == position + start and last[1] + last[2] == raw_start:
                last[2] += length
            else:
                runs.append([position + start, raw_start, length])
        position += len(part.text)
    return tuple(Segment(start=start, raw_start=raw_start, length=length) for start, raw_start, length in runs)


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
    raw_chars = np.frombuffer(raw.encode("utf-32-le"), dtype=np.uint32)
    copied = origin >= 0
    copied[copied] = raw_chars[origin[copied]] == clean_chars[copied]
    # a run breaks where a character is not copied or does not follow its predecessor in the raw text
    follows = np.zeros(len(origin), dtype=bool)
    follows[1:] = (origin[1:] == origin[:-1] + 1) & copied[:-1]
    starts = np.flatnonzero(copied & ~follows)
    breaks = np.append(np.flatnonzero(~(copied & follows)), len(origin))
    ends = breaks[np.searchsorted(breaks, starts, side="right")]
    return list(zip(starts.tolist(), origin[starts].tolist(), (ends - starts).tolist(), strict=True))
