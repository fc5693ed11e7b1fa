"""The cached stand-in for spaCy's attribute ruler and lemmatizer gives exactly the stock annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsprism.config import Settings
from newsprism.extract._cached_attrs import FACTORY, install

ROOT = Path(__file__).resolve().parents[3]
MODEL = Settings().spacy_model

# Rows that exercise the rules over several tokens, the word-specific ones and whitespace tokens.
TRICKY = [
    "He ain't gonna go, y'all doin' nothin' wrong. There is no way. Let's go!",
    "C'mon, it gets hot and I got ta go.\n\n  I said it. There're cats and there was a dog.",
    "Ol' Smith gets what he got; there 's a reason.\n\n\n",
    "I am here.   You are not. She's been there, and it's been said that they'd gone.",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    spacy = pytest.importorskip("spacy")
    stock = spacy.load(MODEL)
    cached = spacy.load(MODEL)
    assert install(cached), "the default model should take the cached stand-in"
    return stock, cached


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_, t.ent_type_, t.ent_iob_) for t in doc]


def _example_texts() -> list[str]:
    with (ROOT / "examples" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts = [row["text"] for row in map(json.loads, lines) if "text" in row]
    texts += [path.read_text("utf-8") for path in sorted((ROOT / "examples" / "text").glob("*.txt"))]
    texts.append((ROOT / "examples" / "kherson-scraped.txt").read_text("utf-8"))
    return texts


def test_replaces_the_two_components(pipelines: tuple[Any, Any]) -> None:
    stock, cached = pipelines
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names
    assert FACTORY in cached.pipe_names
    assert "attribute_ruler" not in cached.pipe_names and "lemmatizer" not in cached.pipe_names


@pytest.mark.parametrize("text", TRICKY)
def test_same_annotations_on_tricky_rows(pipelines: tuple[Any, Any], text: str) -> None:
    stock, cached = pipelines
    assert _annotations(cached(text)) == _annotations(stock(text))


def test_same_annotations_on_the_bundled_articles(pipelines: tuple[Any, Any]) -> None:
    stock, cached = pipelines
    texts = _example_texts()
    assert len(texts) >= 8
    for want, got in zip(stock.pipe(texts), cached.pipe(texts), strict=True):
        assert _annotations(got) == _annotations(want)


def test_same_annotations_on_wikinews(pipelines: tuple[Any, Any], shared: Path) -> None:
    stock, cached = pipelines
    with (shared / "data" / "wikinews" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(40), lines, strict=False)]
    for want, got in zip(stock.pipe(texts), cached.pipe(texts), strict=True):
        assert _annotations(got) == _annotations(want)


def test_leaves_pipelines_it_cannot_reproduce() -> None:
    spacy = pytest.importorskip("spacy")
    blank = spacy.blank("en")
    assert not install(blank)
    assert blank.pipe_names == []
