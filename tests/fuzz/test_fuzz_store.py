"""Property tests of the stores: any storable text goes in and comes back; the JSON form round-trips.

Policy on characters no store can hold: lone surrogates are replaced with U+FFFD
when a document is read (so an article never holds one). PostgreSQL text cannot
hold NUL: that store writes U+FFFD for NUL in its columns (search, facts), while
the article's JSON form keeps it escaped, so ``get`` gives back the exact article.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.config import Settings
from newsprism.errors import QueryError
from newsprism.model import Article, Mention, RawDocument, article_from_json, article_id, article_to_json
from newsprism.pipeline import Pipeline
from newsprism.store import Store, open_store

from .conftest import HOSTILE_TEXT

STORABLE = HOSTILE_TEXT.map(lambda text: text.encode("utf-8", "replace").decode("utf-8"))


def _article(text: str, title: str, n: int) -> Article:
    key = f"url:https://e.example/{n}"
    mentions = (Mention(0, min(len(text), 5), text[:5], "PERSON", stage="fuzz"),) if text else ()
    return Article(id=article_id(key), text=text or "x", raw_text=text, url=f"https://e.example/{n}", title=title,
                   source=title, mentions=mentions)


def _targets() -> list[str]:
    return ["sqlite"] + (["postgresql"] if os.environ.get("NEWSPRISM_TEST_POSTGRES") else [])


@pytest.fixture(scope="module", params=_targets())
def store(request: pytest.FixtureRequest, postgres_url: Callable[[str], str | None]) -> Iterator[Store]:
    """One store per backend for the whole module: creating a PostgreSQL schema per example is too slow."""
    with tempfile.TemporaryDirectory() as folder:
        if request.param == "sqlite":
            target = str(Path(folder) / "c.db")
        else:
            target = postgres_url("t") or ""  # only a parameter when the server is set (see _targets)
        opened = open_store(target)
        yield opened
        getattr(opened, "drop_everything", lambda: None)()
        opened.close()


_serial = itertools.count()


# The module-scoped store is shared on purpose (see the fixture); each example adds new articles.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.lists(st.tuples(STORABLE, STORABLE), min_size=1, max_size=4))
def test_fuzz_store_round_trip(store: Store, pairs: list[tuple[str, str]]) -> None:
    articles = [_article(text, title, next(_serial)) for text, title in pairs]
    assert len(store.add(articles).new) == len(articles)
    for article in articles:
        got = store.get(article.id)
        assert got is not None
        assert got == article
    with contextlib.suppress(QueryError):  # any user input is a query, or an error saying what is wrong
        store.search(pairs[0][0][:20])
    assert store.check() == []


# Queries built from the pieces of the language and the characters each index treats specially.
QUERY = st.lists(st.sampled_from(["flood", "Jersón", "evac*", "OR", "AND", "NOT", "-", "-rain", "(", ")", '"',
                                  '"troop withdrawal"', "*", ":", "^", "+", "NEAR", "title:x", "'", "\\", "&",
                                  "|", "!", "<->", "80,000", "ü", "中文", " "]), max_size=12).map(" ".join)


@pytest.mark.issue(16)
@settings(max_examples=300, deadline=None)
@given(st.one_of(QUERY, HOSTILE_TEXT.map(lambda text: text[:40])))
def test_fuzz_store_query_is_read_or_refused(store: Store, query: str) -> None:
    # Either the query is read and the index accepts what it was turned into, or QueryError says why:
    # never an index syntax error (they were a web 500 and a raw "fts5: syntax error" in the CLI).
    with contextlib.suppress(QueryError):
        store.search(query, limit=1)


@settings(max_examples=60, deadline=None)
@given(STORABLE, STORABLE)
def test_fuzz_json_form_round_trip(text: str, title: str) -> None:
    article = _article(text, title, 1)
    assert article_from_json(article_to_json(article)) == article


@pytest.mark.parametrize("text", ["caf\ud800e", "\udfff", "a\ud83dz", "ok"])
def test_fuzz_store_lone_surrogates_become_replacement_characters(tmp_path: Path, text: str) -> None:
    pipeline = Pipeline(Settings(stages=()))
    article = next(iter(pipeline.run([RawDocument(content=text, kind="text", source="s", title=text)])))
    assert article.text == "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    store = open_store(tmp_path / "c.db")
    store.add([article])
    got = store.get(article.id)
    assert got is not None and got.text == article.text and got.title == article.title
    store.close()
