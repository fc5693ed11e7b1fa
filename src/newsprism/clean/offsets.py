"""Text that remembers where each character came from in the raw text.

Cleaning edits text (fixes mojibake, collapses spaces, splits glued words)
but every fact found later must still be shown in the original. A
:class:`MappedText` carries, for each character, its offset in the raw text
(``-1`` for an inserted character); :func:`segments_of` turns that map into
the compact :class:`~newsprism.model.Segment` runs an article keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Segment


@dataclass(frozen=True, slots=True)
class MappedText:
    """A string and, per character, its raw-text offset (``-1`` if inserted)."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def copied(cls, raw: str, start: int, end: int) -> MappedText:
        """The slice ``raw[start:end]``, every character mapped to itself."""
        return cls(raw[start:end], tuple(range(start, end)))

    @classmethod
    def inserted(cls, text: str) -> MappedText:
        """Text with no counterpart in the raw text."""
        return cls(text, (-1,) * len(text))

    def insert(self, index: int, text: str) -> MappedText:
        """A copy with ``text`` inserted before character ``index``."""
        return MappedText(self.text[:index] + text + self.text[index:],
                          self.origin[:index] + (-1,) * len(text) + self.origin[index:])

    def slice(self, start: int, end: int) -> MappedText:
        """Characters ``start:end``."""
        return MappedText(self.text[start:end], self.origin[start:end])

    def keep(self, indexes: Iterable[int]) -> MappedText:
        """Only the characters at ``indexes`` (in order)."""
        kept = list(indexes)
        return MappedText("".join(self.text[i] for i in kept), tuple(self.origin[i] for i in kept))

    def __add__(self, other: MappedText) -> MappedText:
        return MappedText(self.text + other.text, self.origin + other.origin)


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
    import numpy as np

    if not mapped.text:
        return ()
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
    return tuple(Segment(start=start, raw_start=raw_start, length=end - start)
                 for start, raw_start, end in zip(starts.tolist(), origin[starts].tolist(), ends.tolist(), strict=True))
