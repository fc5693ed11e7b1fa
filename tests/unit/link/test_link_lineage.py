from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.link.lineage import LineageDoc, find_cues, find_lineage, name_key

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.mark.parametrize(("text", "kind", "source"), [
    ("With information from the Daily Harbor.", "translation", "Daily Harbor"),
    ("With the progress of EL ESPAÑOLRussian President Vladimir Putin", "translation", "EL ESPAÑOL"),
    ("This article was originally published in The Guardian.", "copy", "Guardian"),
    ("With the progress of the war, prices rose.", None, None),   # no outlet named
    ("According to officials, five people died.", None, None),
    ("The virus first appeared in December in Wuhan.", None, None),   # a month, not an outlet
])
def test_lineage_cues(text: str, kind: str | None, source: str | None) -> None:
    cues = find_cues(text)
    assert [(c.kind, c.source_name) for c in cues] == ([(kind, source)] if kind else [])


def test_lineage_kherson_example() -> None:
    text = (EXAMPLES / "kherson-scraped.txt").read_text("utf-8")
    (cue,) = find_cues(text)
    assert (cue.kind, cue.source_name) == ("translation", "EL ESPAÑOL")


@pytest.mark.parametrize(("name", "key"), [
    ("the Daily Harbor", "dailyharbor"), ("dailyharbor.example", "dailyharbor"), ("EL ESPAÑOL", "elespanol"),
])
def test_lineage_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_lineage_resolves_source_in_corpus() -> None:
    docs = [LineageDoc("src", "the flood story", "dailyharbor.example", None),
            LineageDoc("other", "another story", "dailyharbor.example", None),
            LineageDoc("copy", "the flood story\nWith information from the Daily Harbor.", "eeurope.example", None)]
    scores = {("copy", "src"): 0.8, ("copy", "other"): 0.1}
    (link,) = find_lineage(docs, similarity=lambda a, b: scores.get((a, b), 0.0))
    assert (link.article_id, link.source_article_id, link.source_name) == ("copy", "src", "Daily Harbor")
