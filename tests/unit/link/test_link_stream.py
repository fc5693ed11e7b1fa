"""How a full link run reads the corpus (#17): the duplicate check reads the texts of candidate pairs and group
members only, and reading in batches of any size gives the same tables as reading everything at once."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from _link_corpus import corpus

from newsprism.link import duplicates, stream
from newsprism.link.run import link_corpus
from newsprism.model import Article
from newsprism.store import Store, open_store
from newsprism.store.links import LINK_ROWS

LONE = ("Parliament in Valletta voted on Thursday to extend the fishing season by two weeks after a long "
        "debate about quotas, harbour fees and the price of diesel for the small boats of the island fleet.")


def _tables(store: Store) -> dict[str, list[dict[str, object]]]:
    return {kind.TABLE: [asdict(row) for row in store.link_rows(kind)] for kind in LINK_ROWS}  # type: ignore[call-overload]


def _articles() -> list[Article]:
    return [*corpus(), Article(id="lone", text=LONE, title="Fishing season extended", published="2023-04-20",
                               site="island.example", url="https://island.example/fish")]


def test_full_link_reads_the_texts_of_candidates_only(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add(_articles())
    asked: list[str] = []
    read = store.article_texts

    def texts(ids: list[str]) -> dict[str, str]:
        asked.extend(ids)
        return read(ids)

    monkeypatch.setattr(store, "article_texts", texts)
    summary = link_corpus(store, full=True)
    assert summary.duplicate_groups == 2
    grouped = {str(r["article_id"]) for r in _tables(store)["duplicate_groups"]}
    assert grouped <= set(asked)  # the members of each group, for their evidence
    assert "lone" not in asked  # no candidate of any other: its text is read once, in the first pass, only


def test_full_link_in_small_batches_gives_the_same_tables(store: Store, tmp_path: object,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store.add(_articles())
    link_corpus(store, full=True)
    other = open_store(f"{tmp_path}/small.db")
    other.add(_articles())
    # one candidate pair, one shingle set, one story's claims and one article at a time
    monkeypatch.setattr(duplicates, "PAIR_BATCH", 1)
    monkeypatch.setattr(duplicates, "KEPT_SETS", 1)
    monkeypatch.setattr(stream, "BATCH", 1)
    calls: list[int] = []
    monkeypatch.setattr(other, "articles_by_id", lambda ids, read=other.articles_by_id, **options: (
        calls.append(len(ids)), read(ids, **options))[1])
    link_corpus(other, full=True)
    small = _tables(other)
    other.close()
    assert small == _tables(store)
    assert calls and max(calls) == 2  # an article at a time, and the claims step a story (two articles)
