from __future__ import annotations

import random

import pytest
from _link_corpus import corpus

from newsprism.link.features import features, features_of
from newsprism.link.stories import cluster_stories, story_similarity


def test_stories_similarity_orders_pairs() -> None:
    a1, a2, _, a4, a5, a6 = corpus()
    same = [story_similarity(a1, a2), story_similarity(a4, a5), story_similarity(a1, a6)]
    different = [story_similarity(a1, a4), story_similarity(a2, a5)]
    assert min(same) > max(different)
    assert all(0.0 <= s <= 1.0 for s in same + different)
    assert story_similarity(a1, a2) == story_similarity(a2, a1)


@pytest.mark.parametrize("meaning", [True, False])
def test_stories_clusters_any_order(meaning: bool) -> None:
    # With meaning vectors, and without them (the encoder not installed): the same two stories.
    docs = features_of(corpus()) if meaning else [features(a) for a in corpus()]
    expected = cluster_stories(docs)
    assert [sorted(s.articles) for s in expected] == [["a1", "a2", "a3", "a6"], ["a4", "a5"]]
    for seed in range(5):
        random.Random(seed).shuffle(docs)
        assert cluster_stories(docs) == expected
