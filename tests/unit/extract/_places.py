"""What the place tests share: places resolved from mentions labelled by hand."""

from __future__ import annotations

from newsprism.extract.places import resolve_places
from newsprism.model import Article, Mention, Place


def resolve_labelled(text: str, labelled: list[tuple[str, str]]) -> list[Place]:
    """Resolve ``text`` given mentions as ``(surface, label)``; each surface is found in order."""
    mentions, cursor = [], 0
    for surface, label in labelled:
        start = text.index(surface, cursor)
        mentions.append(Mention(start, start + len(surface), surface, label))
        cursor = start + 1
    return resolve_places(Article(id="t", text=text), mentions)
