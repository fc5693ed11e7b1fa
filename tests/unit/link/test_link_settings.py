"""The link run's thresholds are settings, read from the settings the run receives (#14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _link_corpus import FLOOD, FLOOD_2

from newsprism.config import Settings
from newsprism.link.duplicates import DupDoc, find_duplicates
from newsprism.link.features import features
from newsprism.link.furniture import learn_furniture
from newsprism.link.lineage import LineageDoc, find_lineage
from newsprism.link.run import link_corpus
from newsprism.link.stories import cluster_stories
from newsprism.model import Article
from newsprism.store import open_store

EDITED = FLOOD.replace("four", "five")  # Jaccard .84, containment .92 of the original
COOKIE = "We use cookies to personalise content and ads. Accept all"
STRICT = Settings(duplicate_min_jaccard=0.99, duplicate_min_containment=0.99)


@pytest.mark.issue(14)
def test_link_settings_duplicate_thresholds() -> None:
    docs = [DupDoc("x1", FLOOD), DupDoc("x2", EDITED)]
    assert len(find_duplicates(docs)) == 1  # a light edit
    assert len(find_duplicates(docs, settings=Settings(duplicate_min_jaccard=0.99))) == 1  # contained enough
    assert find_duplicates(docs, settings=STRICT) == []
    assert len(find_duplicates([DupDoc("x1", FLOOD), DupDoc("x2", FLOOD)], settings=STRICT)) == 1  # exact stays


@pytest.mark.issue(14)
def test_link_settings_furniture_thresholds() -> None:
    docs = [(f"a{i}", "site.example", f"{COOKIE}\nStory number {i} about floods.") for i in range(3)]
    assert [f.line_text for f in learn_furniture(docs)] == [COOKIE]
    assert learn_furniture(docs, settings=Settings(furniture_min_articles=4)) == []
    many = docs + [(f"b{i}", "site.example", f"Story {i}") for i in range(7)]  # the line in 3 of 10 articles
    assert [f.line_text for f in learn_furniture(many)] == [COOKIE]
    assert learn_furniture(many, settings=Settings(furniture_min_share=0.31)) == []


@pytest.mark.issue(14)
def test_link_settings_story_thresholds() -> None:
    docs = [features(Article(id="a", text=FLOOD, title="Danube floods Galati", published="2023-04-13")),
            features(Article(id="b", text=FLOOD_2, title="Danube flood crest nears the delta", published="2023-04-16"))]
    (story,) = cluster_stories(docs)
    assert sorted(story.articles) == ["a", "b"]
    assert cluster_stories(docs, settings=Settings(story_window_days=2)) == []  # not compared
    assert cluster_stories(docs, settings=Settings(story_max_span_days=2)) == []  # too long a story
    assert cluster_stories(docs, settings=Settings(story_threshold_text_only=0.99)) == []


@pytest.mark.issue(14)
def test_link_settings_lineage_threshold() -> None:
    docs = [LineageDoc("src", FLOOD, "Daily Harbor", None),
            LineageDoc("copy", FLOOD_2 + "\n\nWith information from the Daily Harbor.", "copies.example", None)]
    (found,) = find_lineage(docs, similarity=lambda a, b: 0.5)
    assert found.source_article_id == "src"
    (found,) = find_lineage(docs, similarity=lambda a, b: 0.5, settings=Settings(lineage_min_similarity=0.6))
    assert found.source_article_id is None


@pytest.mark.issue(14)
def test_link_settings_read_by_the_link_run(tmp_path: Path) -> None:
    store = open_store(tmp_path / "corpus.db")
    try:
        run = store.start_run([])
        store.add([Article(id="a1", text=FLOOD, raw_text=FLOOD, source="a.txt"),
                   Article(id="a2", text=EDITED, raw_text=EDITED, source="b.txt")], run_id=run)
        assert link_corpus(store).duplicates == 1
        assert link_corpus(store, settings=STRICT).duplicates == 0
    finally:
        store.close()
