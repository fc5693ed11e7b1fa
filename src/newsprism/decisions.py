"""Manual entity decisions and the one rule that replays them.

An analyst merges names ("Surovikin" and "Surovikine" are one person) or
splits names off their entity, through ``newsprism entities merge/split``,
the Python API (``store.add_decision``) or the JSON API. Decisions are kept
by names (and label), not ids, so they survive re-ingestion, and they are
replayed in the order they were taken (:func:`replay`):

- a **merge** puts its names, and the names already decided to be with
  them, in one entity; its first name is the entity's canonical name;
- a **split** takes each listed name out of its entity and keeps it apart
  from every other name, until a later merge names it.

The link stage (:func:`newsprism.link.entities.resolve_entities`) and the
web's name groups (:class:`newsprism.serve.groups.EntityGroups`) both read
the outcome of this one replay, so a decision means the same wherever it was
made (#14).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .codes import Code
from .errors import BadValueError

Action = Literal["merge", "split"]
ACTIONS: tuple[Action, ...] = ("merge", "split")


@dataclass(frozen=True, slots=True)
class Decision:
    """A manual merge or split, by names.

    ``id`` and ``created_at`` are set by the store that recorded it.

    >>> Decision("merge", ("Sergei Surovikin", "Surovykin")).names
    ('Sergei Surovikin', 'Surovykin')

    Raises:
        BadValueError: an action that is neither ``merge`` nor ``split``, no name, or a merge of fewer
            than two different names (``E179``).
    """

    action: Action
    names: tuple[str, ...]
    label: str | None = None
    note: str | None = None
    id: int | None = None
    created_at: str | None = None

    def __post_init__(self) -> None:
        names = tuple(dict.fromkeys(name.strip() for name in self.names if name.strip()))
        object.__setattr__(self, "names", names)
        if self.action not in ACTIONS:
            raise BadValueError(f"action: {self.action!r} is not a decision; use 'merge' or 'split'",
                                code=Code.BAD_DECISION)
        if not names or (self.action == "merge" and len(names) < 2):
            raise BadValueError("a merge needs at least two different names" if self.action == "merge" else
                                "a split needs a name", code=Code.BAD_DECISION)


@dataclass(slots=True)
class ManualGroups:
    """What the decisions say about names: which are together, which are kept apart, and under what name.

    >>> groups = replay([Decision("merge", ("A", "B")), Decision("merge", ("B", "C")), Decision("split", ("B",))])
    >>> sorted(groups.members("C")), groups.canonical("C"), groups.together("A", "B")
    (['A', 'C'], 'A', False)
    """

    head: dict[str, str] = field(default_factory=dict)  # name -> canonical name of its manual group
    label: dict[str, str | None] = field(default_factory=dict)  # canonical name -> label of the merge, if any
    alone: set[str] = field(default_factory=set)  # split names, apart from every other name

    def canonical(self, name: str) -> str:
        """The name the group of ``name`` is shown under (``name`` itself when no decision grouped it)."""
        return self.head.get(name, name)

    def members(self, name: str) -> set[str]:
        """Every name decided to be with ``name`` (at least ``name`` itself)."""
        head = self.head.get(name)
        return {name} if head is None else {m for m, h in self.head.items() if h == head}

    def groups(self) -> list[set[str]]:
        """The groups of two or more names, each with its names."""
        found: dict[str, set[str]] = {}
        for name, head in self.head.items():
            found.setdefault(head, set()).add(name)
        return [names for _, names in sorted(found.items()) if len(names) > 1]

    def together(self, a: str, b: str) -> bool | None:
        """True (merged by hand), False (a name split off) or None (the rules decide)."""
        if a in self.alone or b in self.alone:
            return False
        if a != b and a in self.head and self.head.get(b) == self.head[a]:
            return True
        return None


def replay(decisions: Sequence[Decision]) -> ManualGroups:
    """Replay ``decisions`` in the order they were taken (see the module docstring)."""
    found = ManualGroups()
    for decision in decisions:
        names = list(decision.names)
        if decision.action == "merge":
            _merge(found, names, decision.label)
        else:
            for name in names:
                _take_out(found, name)
                found.alone.add(name)
    return found


def _merge(found: ManualGroups, names: list[str], label: str | None) -> None:
    head = names[0]
    joined = set(names).union(*(found.members(name) for name in names))
    for name in joined:
        old = found.head.get(name)
        if old is not None and old != head:
            found.label.pop(old, None)
        found.head[name] = head
    found.label[head] = label
    found.alone -= set(names)


def _take_out(found: ManualGroups, name: str) -> None:
    head = found.head.pop(name, None)
    if head is None:
        return
    rest = sorted(m for m, h in found.head.items() if h == head)
    if len(rest) == 1:  # a group of one is no group
        del found.head[rest[0]]
    if head == name:  # the group's canonical name leaves: the others keep the first of theirs
        label = found.label.pop(head, None)
        if len(rest) > 1:
            for member in rest:
                found.head[member] = rest[0]
            found.label[rest[0]] = label
    elif len(rest) == 1:
        found.label.pop(head, None)
