"""The store's typed link operations, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from newsprism.decisions import Decision
from newsprism.store import Store
from newsprism.store.links import CorpusEntityRow, EntityMemberRow, FurnitureRow, StoryRow


def _entities() -> list[CorpusEntityRow]:
    return [CorpusEntityRow("ce1", "Sergei Surovikin", "PERSON", ["Sergei Surovikin", "Surovykin"],
                            [{"a": "Surovykin", "b": "Sergei Surovikin", "rule": "transliteration", "score": 0.9}], 3),
            CorpusEntityRow("ce2", "Kherson", "GPE", ["Kherson"], [], 5)]


@pytest.mark.issue(14)
def test_links_rows_round_trip_typed(store: Store) -> None:
    members = [EntityMemberRow("ce1", f"a{i}", "e1", "Surovykin") for i in range(3)]
    store.replace_links({CorpusEntityRow: _entities(), EntityMemberRow: members}, summary={"articles": 3})
    assert store.link_rows(CorpusEntityRow) == sorted(_entities(), key=lambda e: -e.articles)  # JSON columns as values
    assert store.link_rows(CorpusEntityRow, label="PERSON") == _entities()[:1]
    assert store.link_rows(EntityMemberRow, article_id=["a0", "a2", "nowhere"]) == [members[0], members[2]]
    assert store.link_rows(EntityMemberRow, article_id=[]) == []
    store.replace_links({CorpusEntityRow: []})  # one table replaced, the others kept
    assert store.link_rows(CorpusEntityRow) == [] and len(store.link_rows(EntityMemberRow)) == 3


def test_links_refuse_a_row_of_another_table_and_an_unknown_column(store: Store) -> None:
    with pytest.raises(TypeError):
        store.replace_links({StoryRow: _entities()})
    with pytest.raises(TypeError):
        store.link_rows(StoryRow, colour="red")
    assert store.link_rows(StoryRow) == []  # nothing was written


def test_links_site_furniture(store: Store) -> None:
    assert store.site_furniture() == {}
    store.replace_links({FurnitureRow: [FurnitureRow("a.example", "h1", "Share this", 4),
                                        FurnitureRow("a.example", "h2", "Subscribe now", 3)]})
    assert store.site_furniture() == {"a.example": {"h1", "h2"}}


@pytest.mark.issue(14)
def test_links_decisions_kept_in_order(store: Store) -> None:
    first = store.add_decision(Decision("merge", ("Sergei Surovikin", "Surovykin"), label="PERSON", note="same man"))
    second = store.add_decision(Decision("split", ("Surovykin",)))
    assert first.id is not None and second.id is not None and first.id < second.id and first.created_at
    assert store.decisions() == [first, second]
    assert [(d.action, d.names, d.label, d.note) for d in store.decisions()] == [
        ("merge", ("Sergei Surovikin", "Surovykin"), "PERSON", "same man"), ("split", ("Surovykin",), None, None)]
