"""Manual entity decisions (merge, split) and the name groups they make.

An analyst can merge names ("Surovikin" and "Surovikine" are one person) or
split a name off its entity. Decisions are stored in the ``entity_decisions``
table keyed by names, not ids, so they survive re-ingestion; the link stage
replays them in the order they were taken, and a linked corpus is read
through its corpus entities (:class:`LinkedGroups`). A corpus that was never
linked falls back on :class:`EntityGroups`, which reads the same replay
(:func:`newsprism.decisions.replay`) over names: one rule wherever a
decision was made or is shown (#14).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..decisions import Decision, replay

if TYPE_CHECKING:
    from ..store.reader import CorpusReader


class EntityGroups:
    """Name -> group of names, after replaying every decision in order.

    >>> groups = EntityGroups([Decision("merge", ("A", "B"))])
    >>> sorted(groups.members("B"))
    ['A', 'B']
    >>> groups.canonical("B")
    'A'
    """

    def __init__(self, decisions: Sequence[Decision] = ()) -> None:
        self.decisions = tuple(decisions)
        self._manual = replay(self.decisions)

    def canonical(self, name: str) -> str:
        """The name a group is shown under."""
        return self._manual.canonical(name)

    def members(self, name: str) -> set[str]:
        """Every name in the group of ``name`` (at least ``name`` itself)."""
        return self._manual.members(name)

    def decisions_for(self, names: set[str]) -> list[Decision]:
        """The decisions that touched any of ``names``."""
        return [d for d in self.decisions if names & set(d.names)]


class LinkedGroups(EntityGroups):
    """Name groups as the link stage resolved them: the corpus entity a name belongs to.

    The link stage applies every manual decision itself (a decision posted through the
    API relinks the corpus), so the web shows the same entities as ``newsprism entities``.
    """

    def __init__(self, find: Callable[[str], tuple[str, frozenset[str]] | None],
                 decisions: Sequence[Decision] = ()) -> None:
        self.decisions = tuple(decisions)
        self._find = find  # the store's lookup: CorpusReader.corpus_entity
        self._found: dict[str, tuple[str, set[str]] | None] = {}

    def _entity(self, name: str) -> tuple[str, set[str]] | None:
        if name not in self._found:
            found = self._find(name)
            self._found[name] = None if found is None else (found[0], set(found[1]))
        return self._found[name]

    def canonical(self, name: str) -> str:
        """The corpus entity's name."""
        found = self._entity(name)
        return found[0] if found else name

    def members(self, name: str) -> set[str]:
        """Every name of the corpus entity ``name`` belongs to."""
        found = self._entity(name)
        return (found[1] if found else set()) | {name}


def load(store: Any, reader: CorpusReader, *, linked: bool = False) -> EntityGroups:
    """Every decision the store holds, replayed over names; with ``linked``, the groups are the link stage's
    corpus entities (found through ``reader``)."""
    decisions = store.decisions()
    return LinkedGroups(reader.corpus_entity, decisions) if linked else EntityGroups(decisions)


def decision_dict(decision: Decision) -> dict[str, Any]:
    """JSON form of a decision."""
    return {"id": decision.id, "action": decision.action, "names": list(decision.names), "label": decision.label,
            "created_at": decision.created_at, "note": decision.note}
