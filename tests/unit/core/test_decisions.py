"""The one replay rule of manual entity decisions: rows that group names, rows that keep them apart."""

from __future__ import annotations

import pytest

from newsprism.decisions import Decision, replay
from newsprism.errors import BadValueError

M, S = "merge", "split"


@pytest.mark.issue(14)
@pytest.mark.parametrize(("decisions", "name", "members", "canonical"), [
    ([(M, "A B")], "B", {"A", "B"}, "A"),  # the first name of a merge is canonical
    ([(M, "A B"), (M, "C B")], "A", {"A", "B", "C"}, "C"),  # a merge takes in the names already merged
    ([(M, "A B C"), (S, "B")], "C", {"A", "C"}, "A"),  # a split takes one name out, the rest stay one
    ([(M, "A B C"), (S, "B")], "B", {"B"}, "B"),
    ([(M, "A B C"), (S, "A")], "C", {"B", "C"}, "B"),  # the canonical name leaves: the first of the rest
    ([(M, "A B C"), (S, "A B")], "C", {"C"}, "C"),  # a split of two takes both out (not only apart)
    ([(S, "A"), (M, "A B")], "A", {"A", "B"}, "A"),  # a later merge names it again
    ([(M, "A B"), (S, "C")], "A", {"A", "B"}, "A"),  # a split of another name changes nothing here
    ([], "A", {"A"}, "A"),
])
def test_decisions_replay(decisions: list[tuple[str, str]], name: str, members: set[str], canonical: str) -> None:
    groups = replay([Decision(action, tuple(names.split())) for action, names in decisions])  # type: ignore[arg-type]
    assert groups.members(name) == members and groups.canonical(name) == canonical


@pytest.mark.issue(14)
@pytest.mark.parametrize(("decisions", "a", "b", "together"), [
    ([(M, "A B")], "A", "B", True),
    ([(M, "A B"), (S, "A")], "A", "B", False),  # a split name is kept apart from every other name ...
    ([(S, "A")], "A", "Z", False),
    ([(S, "A"), (M, "A Z")], "A", "Z", True),  # ... until a later merge names it
    ([(S, "A"), (M, "A Z")], "A", "Y", None),  # then the rules decide the rest again
    ([(M, "A B")], "A", "C", None),
])
def test_decisions_together(decisions: list[tuple[str, str]], a: str, b: str, together: bool | None) -> None:
    groups = replay([Decision(action, tuple(names.split())) for action, names in decisions])  # type: ignore[arg-type]
    assert groups.together(a, b) is together and groups.together(b, a) is together


@pytest.mark.parametrize(("action", "names"), [("merge", ("A",)), ("merge", ("A", " A ")), ("split", ()),
                                               ("split", ("  ",)), ("join", ("A", "B"))])
def test_decisions_refuse_what_decides_nothing(action: str, names: tuple[str, ...]) -> None:
    with pytest.raises(BadValueError, match=r"\[E179\]"):
        Decision(action, names)  # type: ignore[arg-type]
