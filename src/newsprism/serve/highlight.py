"""Cut an article's text into pieces, each tagged with the facts that cover it.

Facts overlap (a mention inside a quote, a date inside a claim), so the text
is cut at every fact boundary and each piece lists every fact it belongs to.
The template renders each piece as an escaped ``<span>`` inside its
paragraph's ``<p>``; the browser script opens the innermost fact when a piece
is clicked, and the fact a link names (``#claim-120-151``, see
:func:`fact_anchor`). Nothing here produces markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, to_dict

#: fact kind -> (attribute on Article, CSS class)
KINDS: dict[str, str] = {"mention": "mentions", "quote": "quotes", "claim": "claims", "time": "times",
                         "place": "places"}
_LINE = re.compile(r"[^\n]+")


def fact_anchor(kind: str, start: int, end: int) -> str:
    """The URL fragment naming a fact of an article page by its kind and span.

    A link to ``/article/{id}#`` plus this fragment makes the page scroll the
    span into view, mark it and open its evidence (``static/app.js``).

    >>> fact_anchor("claim", 120, 151)
    'claim-120-151'
    """
    return f"{kind}-{start}-{end}"


def fact_link(article_id: str, kind: str, start: int, end: int) -> str:
    """The article page at a fact: ``/article/{id}#{kind}-{start}-{end}``.

    >>> fact_link("46af088c34492540", "quote", 10, 42)
    '/article/46af088c34492540#quote-10-42'
    """
    return f"/article/{article_id}#{fact_anchor(kind, start, end)}"


@dataclass(frozen=True, slots=True)
class Fact:
    """One highlighted fact: its id in the page, kind, span and details."""

    id: str
    kind: str
    start: int
    end: int
    data: dict[str, Any]

    @property
    def anchor(self) -> str:
        """The fragment a link to this fact carries."""
        return fact_anchor(self.kind, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text and the facts covering it (innermost first)."""

    text: str
    facts: tuple[str, ...]
    kinds: tuple[str, ...]


def facts_of(article: Article) -> list[Fact]:
    """Every fact with a valid span into ``article.text``, with a page-unique id."""
    found: list[Fact] = []
    size = len(article.text)
    for kind, attribute in KINDS.items():
        for i, record in enumerate(getattr(article, attribute)):
            if 0 <= record.start < record.end <= size:
                found.append(Fact(id=f"{kind[0]}{i}", kind=kind, start=record.start, end=record.end,
                                  data=to_dict(record)))
    return found


def pieces(text: str, facts: list[Fact]) -> list[Piece]:
    """Cut ``text`` at every fact boundary; each piece lists its covering facts, shortest first."""
    cuts = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    starting: dict[int, list[Fact]] = {}
    for fact in facts:
        starting.setdefault(fact.start, []).append(fact)
    active: list[Fact] = []
    out: list[Piece] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        # a sweep over the cuts: facts enter at their start and leave after their end
        active = [f for f in active if f.end > left] + starting.get(left, [])
        covering = sorted(active, key=lambda f: (f.end - f.start, f.start))
        out.append(Piece(text=text[left:right], facts=tuple(f.id for f in covering),
                         kinds=tuple(dict.fromkeys(f.kind for f in covering))))
    return out


def paragraphs(text: str, facts: list[Fact]) -> list[list[Piece]]:
    """The pieces of each paragraph (each line of the clean text that is not blank).

    The newlines between paragraphs are left out: the page draws paragraphs as
    blocks, since a fact's ``<span>`` cannot hold one. A fact that runs over a
    paragraph break is cut in two, both halves naming it.
    """
    out: list[list[Piece]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if not line.group().strip():
            continue
        inside = [Fact(f.id, f.kind, max(f.start, start) - start, min(f.end, end) - start, f.data)
                  for f in facts if f.start < end and f.end > start]
        out.append(pieces(line.group(), inside))
    return out


@dataclass(frozen=True, slots=True)
class RawPiece:
    """A run of the raw text: kept, or removed by cleaning (with kind and reason)."""

    text: str
    removed: bool
    kind: str = ""
    reason: str = ""


def removal_pieces(article: Article) -> list[RawPiece]:
    """The raw text cut into kept and removed runs (removals point into ``raw_text``)."""
    raw = article.raw_text or article.text
    out: list[RawPiece] = []
    position = 0
    for removal in sorted(article.removals, key=lambda r: (r.start, r.end)):
        start, end = max(removal.start, position), min(removal.end, len(raw))
        if start >= end:
            continue
        if start > position:
            out.append(RawPiece(text=raw[position:start], removed=False))
        out.append(RawPiece(text=raw[start:end], removed=True, kind=removal.kind, reason=removal.reason))
        position = end
    if position < len(raw):
        out.append(RawPiece(text=raw[position:], removed=False))
    return out


def repair_pieces(article: Article) -> list[RawPiece]:
    """The clean text with repaired spans marked (``kind`` holds what the text was before)."""
    text = article.text
    out: list[RawPiece] = []
    position = 0
    for repair in sorted(article.repairs, key=lambda r: r.start):
        if not (position <= repair.start < repair.end <= len(text)):
            continue
        out.append(RawPiece(text=text[position:repair.start], removed=False))
        out.append(RawPiece(text=text[repair.start:repair.end], removed=True, kind=repair.before,
                            reason=repair.reason or repair.kind))
        position = repair.end
    out.append(RawPiece(text=text[position:], removed=False))
    return [p for p in out if p.text]
