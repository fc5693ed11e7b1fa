from __future__ import annotations

import pytest

from newsprism.link.entities import Decision, resolve_entities
from newsprism.model import Article, Entity


def _articles(*names: tuple[str, str]) -> list[Article]:
    return [Article(id=f"a{i}", text="", entities=(Entity(id="e1", name=name, label=label, variants=(name,)),
                                                    Entity(id="e2", name="Kherson", label="GPE")))
            for i, (name, label) in enumerate(names)]


def _groups(articles: list[Article], decisions: tuple[Decision, ...] = ()) -> list[set[str]]:
    return [{m[2] for m in e.members} for e in resolve_entities(articles, decisions=decisions)]


@pytest.mark.parametrize(("names", "merged"), [
    ((("Sergei Surovikin", "PERSON"), ("Surovykin", "PERSON"), ("Surovkin", "PERSON")), True),
    ((("Oleksandr Hrytsenko", "PERSON"), ("Alexander Gritsenko", "PERSON")), True),
    ((("Kherson", "GPE"), ("Jersón", "GPE")), True),
    ((("Maria Kovalenko", "PERSON"), ("Mariia Kovalenko", "PERSON")), True),
    ((("Maria Kovalenko", "PERSON"), ("Maria Kuipers", "PERSON")), False),   # another surname
    ((("Joris van der Berg", "PERSON"), ("Joris van der Berg", "ORG")), False),  # another label family
])
def test_entities_merge_variants(names: tuple[tuple[str, str], ...], merged: bool) -> None:
    wanted = {n for n, _ in names}
    groups = [g for g in _groups(_articles(*names)) if g & wanted]
    assert (len(groups) == 1 and groups[0] >= wanted) is merged


def test_entities_manual_decisions() -> None:
    articles = _articles(("Sergei Surovikin", "PERSON"), ("Surovykin", "PERSON"), ("Dmitry Peskov", "PERSON"))
    split = _groups(articles, (Decision("split", ("Sergei Surovikin", "Surovykin")),))
    assert not any({"Sergei Surovikin", "Surovykin"} <= g for g in split)
    merged = resolve_entities(articles, decisions=(Decision("merge", ("Dmitry Peskov", "Surovykin")),))
    (entity,) = [e for e in merged if "Dmitry Peskov" in {m[2] for m in e.members}]
    assert entity.name == "Dmitry Peskov" and {"Surovykin", "Sergei Surovikin"} <= set(entity.variants)
