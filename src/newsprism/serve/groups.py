"""Manual entity decisions (merge, split) and the name groups they make.

An analyst can merge names ("Surovikin" and "Surovikine" are one person) or
split a name off its entity. Decisions are stored in the ``entity_decisions``
table keyed by names, not ids, so they survive re-ingestion; the link stage
replays them in the order they were taken (see
:func:`newsprism.link.entities.decision_constraints`), and a linked corpus is
read through its corpus entities (:class:`LinkedGroups`). A corpus that was
never linked falls back on replaying the decisions over names here.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from .dialect import SQLITE, Conn, dialect_of, missing_table_errors

Action = Literal["merge", "split"]


@dataclass(frozen=True, slots=True)
class Decision:
    """One recorded merge or split."""

    id: int
    action: str
    names: tuple[str, ...]
    label: str | None
    created_at: str
    note: str | None


class EntityGroups:
    """Name -> group of names, after replaying every decision in order.

    >>> groups = EntityGroups([Decision(1, "merge", ("A", "B"), None, "", None)])
    >>> sorted(groups.members("B"))
    ['A', 'B']
    >>> groups.canonical("B")
    'A'
    """

    def __init__(self, decisions: Sequence[Decision] = ()) -> None:
        self.decisions = tuple(decisions)
        self._group: dict[str, str] = {}  # name -> canonical name of its group
        for decision in self.decisions:
            self._apply(decision)

    def _apply(self, decision: Decision) -> None:
        if not decision.names:
            return
        if decision.action == "merge":
            head = self.canonical(decision.names[0])
            for name in decision.names:
                old = self.canonical(name)
                for member, canon in list(self._group.items()):
                    if canon == old:
                        self._group[member] = head
                self._group[name] = head
            self._group[head] = head
        elif decision.action == "split":
            for name in decision.names:
                old = self.canonical(name)
                self._group[name] = name
                if old == name:  # the group's head leaves: the others keep a new head
                    rest = sorted(m for m, c in self._group.items() if c == name and m != name)
                    for member in rest:
                        self._group[member] = rest[0]

    def canonical(self, name: str) -> str:
        """The name a group is shown under."""
        return self._group.get(name, name)

    def members(self, name: str) -> set[str]:
        """Every name in the group of ``name`` (at least ``name`` itself)."""
        head = self.canonical(name)
        found = {m for m, c in self._group.items() if c == head}
        return found | {name, head}

    def decisions_for(self, names: set[str]) -> list[Decision]:
        """The decisions that touched any of ``names``."""
        return [d for d in self.decisions if names & set(d.names)]


class LinkedGroups(EntityGroups):
    """Name groups as the link stage resolved them: the corpus entity a name belongs to.

    The link stage applies every manual decision itself (a decision posted through the
    API relinks the corpus), so the web shows the same entities as ``newsprism entities``.
    """

    def __init__(self, conn: Conn, decisions: Sequence[Decision] = ()) -> None:
        self.decisions = tuple(decisions)
        self._conn = conn
        self._found: dict[str, tuple[str, set[str]] | None] = {}

    def _entity(self, name: str) -> tuple[str, set[str]] | None:
        if name not in self._found:
            row = self._find(name)
            if row is None:
                self._found[name] = None
            else:
                names = {str(r[0]) for r in self._conn.execute(
                    "SELECT DISTINCT name FROM corpus_entity_members WHERE corpus_id = ? LIMIT 500", (row[0],))}
                self._found[name] = (str(row[1]), names | {str(row[1])})
        return self._found[name]

    def _find(self, name: str) -> tuple[Any, ...] | None:
        """``(corpus_id, name)`` of the corpus entity a name typed by an analyst means.

        1. A name the entity is written as in some article ("Donald Trump").
        2. The entity's name, in any case ("donald trump").
        3. A variant the link stage merged into it ("Trump"): quotes keep the
           article's canonical name, so a filter on the variant found nothing (#15).
        The entity named in most articles wins.
        """
        # 1.
        row = self._conn.execute(
            "SELECT c.corpus_id, c.name FROM corpus_entity_members m JOIN corpus_entities c "
            "ON c.corpus_id = m.corpus_id WHERE m.name = ? ORDER BY c.articles DESC LIMIT 1", (name,)).fetchone()
        if row is not None:
            return tuple(row)
        # 2.
        row = self._conn.execute("SELECT corpus_id, name FROM corpus_entities WHERE lower(name) = lower(?) "
                                 "ORDER BY articles DESC LIMIT 1", (name,)).fetchone()
        if row is not None:
            return tuple(row)
        # 3. the LIKE narrows the rows, the JSON decides
        folded = name.casefold()
        for corpus_id, canonical, variants in self._conn.execute(
                "SELECT corpus_id, name, variants FROM corpus_entities WHERE lower(variants) LIKE lower(?) "
                "ORDER BY articles DESC LIMIT 50", (f"%{name}%",)):
            if folded in {str(v).casefold() for v in json.loads(variants or "[]")}:
                return (corpus_id, canonical)
        return None

    def canonical(self, name: str) -> str:
        """The corpus entity's name."""
        found = self._entity(name)
        return found[0] if found else name

    def members(self, name: str) -> set[str]:
        """Every name of the corpus entity ``name`` belongs to."""
        found = self._entity(name)
        return (found[1] if found else set()) | {name}


def load(conn: Conn, *, linked: bool = False) -> EntityGroups:
    """Every decision, replayed over names (the table may not exist in a read-only, unmigrated corpus);
    with ``linked``, the groups are the link stage's corpus entities."""
    try:
        rows = conn.execute("SELECT id, action, names, label, created_at, note FROM entity_decisions "
                            "ORDER BY id").fetchall()
    except missing_table_errors(conn):
        rows = []
    decisions = [Decision(int(r[0]), str(r[1]), tuple(json.loads(r[2])), r[3], str(r[4]), r[5]) for r in rows]
    return LinkedGroups(conn, decisions) if linked else EntityGroups(decisions)


def record(conn: Conn, lock: threading.Lock, *, action: Action, names: Sequence[str],
           label: str | None, note: str | None) -> Decision:
    """Write one decision through the store's writer connection."""
    created = datetime.now(UTC).isoformat(timespec="seconds")
    sqlite = dialect_of(conn) is SQLITE
    # PostgreSQL has no lastrowid: the new id comes back through RETURNING
    with lock:
        cursor = conn.execute("INSERT INTO entity_decisions (action, names, label, created_at, note) "
                              "VALUES (?, ?, ?, ?, ?)" + ("" if sqlite else " RETURNING id"),
                              (action, json.dumps(list(names), ensure_ascii=False), label, created, note))
        new_id = getattr(cursor, "lastrowid", None) if sqlite else cursor.fetchone()[0]
    return Decision(int(new_id or 0), action, tuple(names), label, created, note)


def decision_dict(decision: Decision) -> dict[str, Any]:
    """JSON form of a decision."""
    return {"id": decision.id, "action": decision.action, "names": list(decision.names), "label": decision.label,
            "created_at": decision.created_at, "note": decision.note}
