"""Incremental duplicates: relink only the components of the candidate graph that changed.

Duplicate groups are the connected components of verified pairs, and a verified
pair is always a candidate pair: two articles sharing an LSH band key of at most
:data:`~newsprism.link.duplicates.MAX_BUCKET` articles, or the ``h:`` key of one
content hash. So the groups of a set of articles *closed under candidate pairs*
are exactly the groups a run over the whole corpus finds among them, and the
groups outside it cannot change when nothing in it changed. The closure:

1. Seeds: the new, changed and removed articles.
2. Every band key a seed had or has: its members before and after the change,
   for each side where the bucket proposed pairs (a bucket that crosses the cap
   takes away or brings pairs between articles that did not change).
3. A breadth-first walk through the stored keys (``link_bands``) of every
   article reached, and through the stored groups (``duplicate_groups``) it was
   in, until no article is added.

Only band keys and group rows are read, never every article; the keys seen hold
how many articles each bucket has, so the closure is linked with the same
:func:`~newsprism.link.duplicates.find_duplicates`, told which buckets are too
crowded in the whole corpus to propose pairs.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..store.links import BandRow, DuplicateRow
from .duplicates import MAX_BUCKET


@dataclass(frozen=True, slots=True)
class Closure:
    """Articles closed under candidate pairs, and the band keys too crowded to propose pairs."""

    articles: frozenset[str]
    crowded: frozenset[str]


class _Bands:
    """The band keys' members after the change: the stored rows, without the changed and removed articles'
    old keys and with their new ones."""

    def __init__(self, store: Any, new_keys: Mapping[str, Sequence[str]], gone: Collection[str]) -> None:
        self.store = store
        self.gone = set(gone) | set(new_keys)
        self.added: dict[str, set[str]] = {}
        for article_id, keys in new_keys.items():
            for key in keys:
                self.added.setdefault(key, set()).add(article_id)
        self.before: dict[str, set[str]] = {}

    def load(self, keys: Collection[str]) -> None:
        todo = sorted(set(keys) - set(self.before))
        for key in todo:
            self.before[key] = set()
        for row in self.store.link_rows(BandRow, band_key=todo) if todo else ():
            self.before[row.band_key].add(row.article_id)

    def after(self, key: str) -> set[str]:
        return (self.before[key] - self.gone) | self.added.get(key, set())


def _proposes(key: str, members: Collection[str]) -> bool:
    return key.startswith("h:") or len(members) <= MAX_BUCKET


def closure(store: Any, *, new_keys: Mapping[str, Sequence[str]], removed: Collection[str]) -> Closure:
    """The articles whose duplicate groups may change when ``new_keys``' articles are new or changed (each
    with its band keys now) and ``removed``'s are gone.

    Args:
        store: A store with link tables (``link_rows`` of :class:`BandRow` and :class:`DuplicateRow`).
        new_keys: Article id -> its band keys (:func:`~newsprism.link.duplicates.band_keys`), for each new or
            changed article.
        removed: Ids of articles no longer in the corpus.

    Returns:
        The closure (removed articles left out) and the crowded band keys among its articles' keys.
    """
    bands = _Bands(store, new_keys, removed)
    seeds = set(new_keys) | set(removed)
    old_keys = {row.band_key for row in store.link_rows(BandRow, article_id=sorted(seeds))} if seeds else set()
    touched = old_keys | set(bands.added)
    bands.load(touched)
    found = set(seeds)
    for key in touched:  # 2. both sides of every key a seed had or has
        if _proposes(key, bands.before[key]):
            found |= bands.before[key]
        if _proposes(key, bands.after(key)):
            found |= bands.after(key)
    found |= _group_members(store, seeds)  # a removed or changed article may split its old group
    frontier = found - seeds
    keys_of: dict[str, set[str]] = {i: set(k) for i, k in new_keys.items()}
    while frontier:  # 3.
        batch = sorted(frontier)
        for row in store.link_rows(BandRow, article_id=batch):
            keys_of.setdefault(row.article_id, set()).add(row.band_key)
        walk = {k for i in batch for k in keys_of.get(i, ())} - touched
        bands.load(walk)
        reached = {i for k in walk if _proposes(k, bands.after(k)) for i in bands.after(k)}
        reached |= _group_members(store, batch)
        touched |= walk
        frontier = reached - found
        found |= reached
    articles = frozenset(found - set(removed))
    crowded = frozenset(k for k in bands.before if not _proposes(k, bands.after(k)))
    return Closure(articles, crowded)


def _group_members(store: Any, ids: Collection[str]) -> set[str]:
    """Every member of the stored duplicate groups of ``ids``."""
    groups = {row.group_id for row in store.link_rows(DuplicateRow, article_id=sorted(ids))} if ids else set()
    return {row.article_id for row in store.link_rows(DuplicateRow, group_id=sorted(groups))} if groups else set()
