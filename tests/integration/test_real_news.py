"""The corpus layer on real news: the Wikinews articles of ``examples/wikinews/``, whole pipeline, linked.

The written examples are made to show every feature; these hundreds of real
articles on many topics are where chaining shows: two people joined through
a shared surname, two places in two countries joined through a shared name,
a percentage set beside a sum of money. The checks are the project's own
(:mod:`newsprism.link.audit`), and each must find nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

from newsprism import registry
from newsprism.config import Settings
from newsprism.ingest import ingest
from newsprism.link.audit import claim_groups_mixing_units, persons_with_two_given_names, places_in_two_countries
from newsprism.link.claims import ClaimRow, align_claims
from newsprism.link.entities import CorpusEntity, resolve_entities
from newsprism.link.run import link_corpus
from newsprism.model import Article
from newsprism.store import Store, open_store
from newsprism.store.links import ClaimGroupRow, StoryArticleRow

WIKINEWS = Path(__file__).resolve().parents[2] / "examples" / "wikinews"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The Wikinews set ingested with every stage, in the default worker pool, then linked."""
    store = open_store(tmp_path_factory.mktemp("wikinews") / f"corpus-{uuid.uuid4().hex[:6]}.db")
    settings = Settings(stages=tuple(s for s in Settings().stages if s in registry.names()))
    summary = ingest([str(WIKINEWS)], store=store, settings=settings)
    assert summary.failed == 0 and summary.new == len((WIKINEWS / "articles.jsonl").read_text("utf-8").splitlines())
    link_corpus(store, settings=settings)
    yield store
    store.close()


@pytest.fixture(scope="module")
def articles(corpus: Store) -> dict[str, Article]:
    return {article.id: article for article in corpus.iter_articles()}


@pytest.fixture(scope="module")
def entities(articles: dict[str, Article]) -> list[CorpusEntity]:
    return resolve_entities(articles.values())


def _stories(corpus: Store) -> dict[str, set[str]]:
    stories: dict[str, set[str]] = {}
    for row in corpus.link_rows(StoryArticleRow):
        stories.setdefault(row.story_id, set()).add(row.article_id)
    return stories


def test_real_news_no_person_with_two_given_names(entities: list[CorpusEntity]) -> None:
    assert persons_with_two_given_names(entities) == []


def test_real_news_no_place_in_two_countries(entities: list[CorpusEntity], articles: dict[str, Article]) -> None:
    assert places_in_two_countries(entities, articles) == []


def test_real_news_no_claim_group_mixing_units(corpus: Store, articles: dict[str, Article]) -> None:
    stored = [ClaimRow(**{**asdict(row), "unit": row.unit or "", "note": row.note or ""})
              for row in corpus.link_rows(ClaimGroupRow)]
    assert claim_groups_mixing_units(stored) == []
    # Every article here is from one outlet, and a claim group needs two sources, so the link stage
    # sets no real figures side by side. Taking each article as its own outlet puts the check to work
    # on real figures: delegates, vote shares, wind speeds of the same stories.
    as_outlets = {i: article.replace(site=i) for i, article in articles.items()}
    rows = align_claims(_stories(corpus), as_outlets)
    assert {row.unit for row in rows} >= {"", "%", "mph"}
    assert claim_groups_mixing_units(rows) == []


def _holding(entities: list[CorpusEntity], name: str, label: str = "PERSON") -> CorpusEntity:
    (found,) = [e for e in entities if e.label == label and name in e.variants]
    return found


def test_real_news_people_apart_and_their_names_joined(entities: list[CorpusEntity]) -> None:
    biden, trump = _holding(entities, "Joe Biden"), _holding(entities, "Donald Trump")
    assert biden.corpus_id != trump.corpus_id
    assert "Biden" in biden.variants and "Trump" in trump.variants  # the bare surname is the one person
    # Same surname, other given name: another person.
    assert _holding(entities, "Melania Trump").corpus_id != trump.corpus_id
    assert _holding(entities, "Hunter Biden").corpus_id != biden.corpus_id
    assert _holding(entities, "Bernie Sanders").corpus_id not in {biden.corpus_id, trump.corpus_id}


def test_real_news_follow_ups_of_one_event_are_one_story(corpus: Store, articles: dict[str, Article]) -> None:
    by_title = {article.title: i for i, article in articles.items()}
    stories = list(_stories(corpus).values())
    for first, second in [("Hurricane Dorian strengthens to Category 5, makes landfall in the Bahamas",
                           "Hurricane Dorian leaves trail of destruction in the Bahamas"),
                          ("Tropical Storm Humberto upgraded to hurricane status",
                           "Hurricane Humberto strengthens to Category 3 while approaching Bermuda")]:
        assert any({by_title[first], by_title[second]} <= story for story in stories), first
