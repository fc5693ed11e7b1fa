from __future__ import annotations

import random

import pytest
from _link_corpus import FLOOD, FLOOD_2, STRIKE

from newsprism.link.duplicates import (
    DupDoc,
    choose_original,
    find_duplicates,
    pack_shingles,
    shingle_array,
    shingles,
    signature,
    signature_of,
    unpack_shingles,
)

REPUBLISHED = "Advertisement\nAlso read: ten things to do in Galati\n" + FLOOD + "\nTrending now: the best phones"


@pytest.mark.parametrize(("a", "b", "grouped"), [
    (FLOOD, FLOOD, True),                                   # exact
    (FLOOD, FLOOD.upper(), True),                           # exact after normalisation
    (FLOOD, REPUBLISHED, True),                             # republication with other furniture
    (FLOOD, FLOOD.replace("four", "five"), True),           # a light edit
    (FLOOD, FLOOD_2, False),                                # same story, other words: not a duplicate
    (FLOOD, STRIKE, False),
])
def test_duplicates_pairs(a: str, b: str, grouped: bool) -> None:
    groups = find_duplicates([DupDoc("x1", a), DupDoc("x2", b)])
    assert (len(groups) == 1) is grouped


def test_duplicates_order_and_original() -> None:
    docs = [DupDoc("b", REPUBLISHED, published="2023-04-13T09:00:00+03:00", site="hub.example"),
            DupDoc("a", FLOOD, published="2023-04-13T07:00:00+00:00", site="harbor.example"),
            DupDoc("c", FLOOD, site="scraped"), DupDoc("d", STRIKE), DupDoc("e", FLOOD_2)]
    results = set()
    for seed in range(12):
        random.Random(seed).shuffle(docs)
        results.add(repr(find_duplicates(docs)))
    assert len(results) == 1
    (group,) = find_duplicates(docs)
    assert group.members == ["a", "b", "c"]
    assert group.original == "b"  # 06:00 UTC, earlier than "a" once time zones count
    assert group.evidence["a"]["match"] == "near" and group.evidence["a"]["passages"]
    assert group.evidence["c"]["match"] == "near" and group.evidence["c"]["containment"] > 0.9


@pytest.mark.parametrize(("docs", "expected"), [
    ([DupDoc("a", "", published="2023-01-02"), DupDoc("b", "", published="2023-01-01")], "b"),
    ([DupDoc("a", ""), DupDoc("b", "", fetched="2023-01-01")], "b"),        # dated beats undated
    ([DupDoc("b", ""), DupDoc("a", "")], "a"),                               # else the smallest id
])
def test_duplicates_choose_original(docs: list[DupDoc], expected: str) -> None:
    assert choose_original(docs).id == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize("text", [FLOOD, REPUBLISHED, "one two three", "", "Ünïcode wörds in a short text here"])
def test_duplicates_packed_shingles_are_the_text_shingles(text: str) -> None:
    # what an incremental link reads of a stored bucket-mate in place of its text: the same shingle set, and
    # the same signature from it
    values = unpack_shingles(pack_shingles(shingle_array(text)))
    assert set(values.tolist()) == shingles(text) and list(values) == sorted(shingles(text))
    assert signature_of(values) == signature(text)
