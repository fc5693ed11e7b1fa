"""Matching gold mentions to newsprism mentions in bench/ecbplus.py, on made-up texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsprism.model import Article, Mention

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import ecbplus as eb  # noqa: E402 - bench/ is a folder of scripts, not a package
from _ecbplus_read import EcbDoc, GoldMention  # noqa: E402

TEXT = "Share this\nJane Roe left a small bakery in central Kherson.\nRoe said no."


def gold(surface: str, n: int = 0) -> GoldMention:
    start = TEXT.index(surface) if n == 0 else TEXT.index(surface, TEXT.index(surface) + 1)
    return GoldMention("d1", f"m{start}", "HUMAN_PART_PER", "HUM1", start, start + len(surface), surface)


def mention(text: str, surface: str, entity: str, label: str = "PERSON", n: int = 0) -> Mention:
    start = text.index(surface) if n == 0 else text.index(surface, text.index(surface) + 1)
    return Mention(start, start + len(surface), surface, label, entity)


def test_ecbplus_matches_through_cleaned_text() -> None:
    clean = TEXT.removeprefix("Share this\n")  # the cleaner took a line out: offsets shift
    doc = EcbDoc("d1", "1", "ecb", TEXT, mentions=[gold("Jane Roe"), gold("Roe", 1), gold("Share")])
    article = Article(id="d1", text=clean, mentions=(mention(clean, "Jane Roe", "e1"), mention(clean, "Roe", "e1", n=1)))
    found = [(m.status, m.entity, m.surface) for m in eb.match_mentions(doc, article)]
    assert found == [("matched", "e1", "Jane Roe"), ("matched", "e1", "Roe"), ("unmapped", None, "")]


def test_ecbplus_largest_overlap_and_min_overlap() -> None:
    phrase = gold("a small bakery in central Kherson")
    doc = EcbDoc("d1", "1", "ecb", TEXT, mentions=[phrase])
    article = Article(id="d1", text=TEXT, mentions=(mention(TEXT, "central Kherson", "e2", "GPE"),
                                                    mention(TEXT, "Kherson", "e3", "GPE")))
    assert eb.match_mentions(doc, article)[0].entity == "e2"
    assert eb.match_mentions(doc, article, min_overlap=0.5)[0].status == "missed"


@pytest.mark.parametrize(
    ("name", "key"),
    [("The Betty Ford Center", "betty ford center"), ("Jersón", "jerson"), ("the", "the"), ("Theodore", "theodore")],
)
def test_ecbplus_baseline_name_key(name: str, key: str) -> None:
    assert eb.normalise_name(name) == key


def test_ecbplus_matches_through_the_clean_stage_segments() -> None:
    from newsprism.model import Segment

    clean = TEXT.removeprefix("Share this\n")
    doc = EcbDoc("d1", "1", "ecb", TEXT, mentions=[gold("Roe", 1), gold("Share")])
    article = Article(id="d1", text=clean, raw_text=TEXT, segments=(Segment(0, len("Share this\n"), len(clean)),),
                      mentions=(mention(clean, "Roe", "e1", n=1),))
    assert [(m.status, m.surface) for m in eb.match_mentions(doc, article)] == [("matched", "Roe"), ("unmapped", "")]
