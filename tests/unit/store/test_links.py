"""The store's typed link operations, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from newsprism.decisions import Decision
from newsprism.model import Article
from newsprism.store import Store
from newsprism.store.links import (
    CorpusEntityRow,
    EntityMemberRow,
    FurnitureRow,
    StoryArticleRow,
    StoryKeyRow,
    StoryRow,
)


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



@pytest.mark.issue(17)
def test_links_pairs_read_two_columns_of_the_matching_rows(store: Store) -> None:
    members = [EntityMemberRow("ce1", f"a{i}", "e1", f"Name {i}") for i in range(4)]
    store.replace_links({EntityMemberRow: members})
    assert store.link_pairs(EntityMemberRow, "article_id", "name", ["a3", "a1", "nowhere"]) == \
        [("a1", "Name 1"), ("a3", "Name 3")]
    assert store.link_pairs(EntityMemberRow, "article_id", "name", []) == []
    with pytest.raises(TypeError):
        store.link_pairs(EntityMemberRow, "article_id", "colour", ["a1"])

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


@pytest.mark.issue(17)
def test_links_article_heads_read_by_id_in_pages(store: Store) -> None:
    store.add([Article(id="b2", text="Second.", url="https://www.b.example/2", published="2024-05-02"),
               Article(id="a1", text="First.", site="a.example", fetched="2024-05-03T10:00:00"),
               Article(id="c3", text="Third.", url="https://c.example/3", published="2024-05-01",
                       fetched="2024-05-04")])
    heads = list(store.article_heads(batch_size=2))
    assert [(h.id, h.site, h.url, h.published, h.fetched) for h in heads] == [
        ("a1", "a.example", None, None, "2024-05-03T10:00:00"),  # no publication time: the fetch time
        ("b2", None, "https://www.b.example/2", "2024-05-02", None),
        ("c3", None, "https://c.example/3", "2024-05-01", None)]  # published: the fetch time is not read
    assert all(h.text == "" and h.entities == () for h in heads)


@pytest.mark.issue(17)
def test_links_rows_made_while_written(store: Store) -> None:
    lines = (FurnitureRow("a.example", f"h{n}", f"Line {n}", 3) for n in range(12000))  # more than a chunk
    store.replace_links({FurnitureRow: lines})
    assert len(store.link_rows(FurnitureRow)) == 12000
    stray = (row for row in [FurnitureRow("b.example", "h", "Share", 3), *_entities()])
    with pytest.raises(TypeError):
        store.replace_links({FurnitureRow: stray})
    assert len(store.link_rows(FurnitureRow)) == 12000  # the whole write was undone


@pytest.mark.issue(17)
def test_links_rows_within_a_range_of_their_key(store: Store) -> None:
    # a key's members within the windows asked for it, off the index of keys and days, and its undated ones
    days = {"a": "2023-04-01", "b": "2023-04-09", "c": "2023-04-12", "d": None, "e": "2023-04-10", "f": "2023-05-30"}
    store.replace_links({StoryKeyRow: [StoryKeyRow("n:galati", i, days[i]) for i in "abcdf"]
                         + [StoryKeyRow("p:gn:1", "e", days["e"])]})
    ranges = [("n:galati", "2023-04-02", "2023-04-09"), ("n:galati", "2023-04-12", "2023-04-20"),
              ("n:galati", "2023-05-29", "2023-05-30"), ("p:gn:1", "2023-01-01", "2023-01-02"), ("n:other", "2020", "2030")]
    found = sorted(store.link_rows_within(StoryKeyRow, "key", ranges, within="day"), key=lambda r: r.article_id)
    assert found == [StoryKeyRow("n:galati", i, days[i]) for i in "bcdf"]
    assert store.link_rows_within(StoryKeyRow, "key", [], within="day") == []
    with pytest.raises(TypeError):
        store.link_rows_within(StoryKeyRow, "key", ranges, within="moment")


@pytest.mark.issue(17)
def test_links_article_raw_texts_read_alone(store: Store) -> None:
    store.add([Article(id="r1", text="Clean text.", raw_text="Subscribe now\nClean text.", url="https://x.example/1"),
               Article(id="r2", text="No raw text kept.", url="https://x.example/2")])
    assert store.article_raw_texts(["r2", "r1", "gone"]) == {"r1": "Subscribe now\nClean text.", "r2": ""}


@pytest.mark.issue(17)
def test_links_a_storys_outlets_leave_out_records_of_no_site(store: Store) -> None:
    """Read in the real mixed corpus: a story of 29 ECB+ records, 11 of them with a web address, was listed
    with 29 sources, each record of no site counted by its file and line."""
    store.add([Article(id=f"r{n}", text=f"Pirates were captured, report {n}.", source=f"ecbplus.jsonl:{n}")
               for n in range(3)] + [
        Article(id="w1", text="Pirates were captured.", url="https://www.thehindu.com/news/1", source="ecbplus.jsonl:9"),
        Article(id="w2", text="Pirates were captured again.", site="rediff.com", source="ecbplus.jsonl:10")])
    store.replace_links({StoryRow: [StoryRow("s1", "Pirates captured", None, None, ["rediff.com", "www.thehindu.com"], 5)],
                         StoryArticleRow: [StoryArticleRow("s1", i, 0.5) for i in ("r0", "r1", "r2", "w1", "w2")]})
    (story,) = store.reader().stories()
    assert (story["articles"], story["sources"]) == (5, 2)
