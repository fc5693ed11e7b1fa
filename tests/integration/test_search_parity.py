"""One search: the CLI, the Python API and the JSON API give the same hits for the same query (#14).

Each scenario runs through ``newsprism search --json``, ``store.reader().search(SearchQuery)`` (and
``store.search(text, filters=SearchFilters)`` where its filters reach), and ``/search.json``, on SQLite and
PostgreSQL, and must give the same articles in the same order, and the articles the scenario names.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.decisions import Decision
from newsprism.link.run import link_corpus
from newsprism.model import Article, Entity, Mention, Place
from newsprism.store import SearchFilters, open_store
from newsprism.store.links import StoryArticleRow, StoryRow
from newsprism.store.search import SearchQuery

pytest.importorskip("fastapi")
from newsprism.serve.app import create_app  # noqa: E402

A, B, C, D = "a" * 16, "b" * 16, "c" * 16, "d" * 16


def _article(aid: str, text: str, *, people: tuple[str, ...] = (), places: tuple[tuple[str, str], ...] = (),
             **fields: Any) -> Article:
    """An article naming ``people`` (PERSON entities) and ``places`` ((as written, gazetteer name))."""
    mentions, entities, found = [], [], []
    for i, name in enumerate(people):
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), text=name, label="PERSON", entity=f"e{i}"))
        entities.append(Entity(f"e{i}", name, "PERSON", (name,), (), 1))
    for written, name in places:
        start = text.index(written)
        found.append(Place(start, start + len(written), text=written, name=name))
    return Article(id=aid, text=text, raw_text=text, mentions=tuple(mentions), entities=tuple(entities),
                   places=tuple(found), **fields)


def _articles() -> list[Article]:
    return [
        _article(A, "Defence minister Sergei Shoigu ordered the withdrawal of troops from Kherson.",
                 people=("Sergei Shoigu",), places=(("Kherson", "Kherson"),), title="Shoigu orders a withdrawal",
                 site="Kyiv Post", url="https://www.kyivpost.com/a", source="feed", published="2022-11-09T18:00:00",
                 lang="en"),
        _article(B, "General Valery Gerasimov watched the troop withdrawal across the Dnieper.",
                 people=("Valery Gerasimov",), places=(("Dnieper", "Dnieper"),), title="Across the Dnieper",
                 url="https://tass.com/b", source="feed", published="2022-11-10T08:00:00", lang="en"),
        _article(C, "La retirada de Jersón fue anunciada el miércoles por el ministro.",
                 places=(("Jersón", "Kherson"),), title="Retirada de Jersón", site="El País",
                 url="https://elpais.com/c", source="feed", published="2022-11-09", lang="es"),
        _article(D, "Markets in Frankfurt shrugged off the withdrawal of funds from bonds.",
                 title="Markets shrug", source="notes/d.txt", lang="en"),
    ]


#: (query, expected article ids, in order when the scenario sorts by date)
SCENARIOS: list[tuple[SearchQuery, list[str] | set[str]]] = [
    (SearchQuery("withdrawal"), {A, B, D}),
    (SearchQuery('"troop withdrawal"'), {B}),
    (SearchQuery("jerson"), {C}),  # accents folded
    (SearchQuery(source="tass.com"), {B}),  # the URL's host when the page names no site
    (SearchQuery("withdrawal", source="Kyiv Post"), {A}),  # the site's name
    (SearchQuery(source="notes/d.txt"), {D}),  # the file, without a URL
    (SearchQuery(source="tass"), set()),  # exactly the source, not a part of it
    (SearchQuery(site="El País"), {C}),
    (SearchQuery(lang="es"), {C}),
    (SearchQuery(date_from="2022-11-10"), {B}),
    (SearchQuery(date_to="2022-11-09"), {A, C}),  # on or before the day: A at 18:00 that day
    (SearchQuery(date_to="2022-11-09T17:59"), {C}),
    (SearchQuery("withdrawal", date_from="2022-11-09", date_to="2022-11-09"), {A}),
    (SearchQuery(entity="Valery Gerasimov"), {A, B}),  # merged by hand with Sergei Shoigu
    (SearchQuery(entity="sergei shoigu"), {A, B}),  # any case
    (SearchQuery(place="Kherson"), {A, C}),  # the gazetteer name, however written
    (SearchQuery(story="s1"), {A, C}),
    (SearchQuery("withdrawal", story="s1"), {A}),
    (SearchQuery(sort="date"), [B, A, C, D]),  # newest first, undated last
    (SearchQuery("withdrawal", sort="date", limit=2), [B, A]),
    (SearchQuery("withdrawal", sort="date", limit=2, offset=2), [D]),
]


class _Web:
    """The JSON API in-process, over httpx's ASGI transport."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def search(self, query: SearchQuery) -> tuple[list[str], int]:
        params = {"q": query.text, "source": query.source, "site": query.site, "lang": query.lang,
                  "date_from": query.date_from, "date_to": query.date_to, "entity": query.entity,
                  "place": query.place, "story": query.story, "sort": query.sort, "per_page": query.limit,
                  "page": query.offset // query.limit + 1}
        sent = {k: v for k, v in params.items() if v not in (None, "")}

        async def get() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app),
                                         base_url="http://localhost") as client:
                return await client.get("/search.json", params=sent)

        response = asyncio.run(get())
        assert response.status_code == 200, response.text
        data = response.json()
        return [hit["id"] for hit in data["hits"]], data["total"]


def _cli(url: str, query: SearchQuery) -> tuple[list[str], int]:
    options = {"--source": query.source, "--site": query.site, "--lang": query.lang, "--from": query.date_from,
               "--to": query.date_to, "--entity": query.entity, "--place": query.place, "--story": query.story}
    args = ["search", "--db", url, "--json", "--sort", query.sort, "--limit", str(query.limit),
            "--offset", str(query.offset)]
    for option, value in options.items():
        if value is not None:
            args += [option, value]
    result = CliRunner().invoke(cli, [*args, "--", query.text] if query.text else args)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    return [line["id"] for line in lines[:-1]], lines[-1]["total"]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           postgres_url: Callable[[str], str | None]) -> Iterator[tuple[str, Any]]:
    """The corpus, linked, with Sergei Shoigu and Valery Gerasimov merged by hand and one story (A, C)."""
    url = str(tmp_path_factory.mktemp("parity") / "c.db") if request.param == "sqlite" else postgres_url("p")
    if url is None:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    store = open_store(url)
    store.add(_articles())
    store.add_decision(Decision("merge", ("Sergei Shoigu", "Valery Gerasimov")))
    link_corpus(store)
    store.replace_links({StoryRow: [StoryRow("s1", "The withdrawal from Kherson", None, None, [], 2)],
                         StoryArticleRow: [StoryArticleRow("s1", A, 1.0), StoryArticleRow("s1", C, 1.0)]})
    yield url, store
    if hasattr(store, "drop_everything"):
        store.drop_everything()
    store.close()


@pytest.mark.issue(14)
@pytest.mark.parametrize(("query", "expected"), SCENARIOS)
def test_search_same_hits_through_cli_python_and_json_api(corpus: tuple[str, Any], query: SearchQuery,
                                                         expected: list[str] | set[str]) -> None:
    url, store = corpus
    page = store.reader().search(query)
    python = ([hit.id for hit in page.hits], page.total)
    assert _cli(url, query) == python
    assert _Web(create_app(store)).search(query) == python
    if query.place is None and query.story is None:  # the older form reaches every other filter
        filters = SearchFilters(source=query.source, site=query.site, lang=query.lang, date_from=query.date_from,
                                date_to=query.date_to, entity=query.entity, sort=query.sort)
        result = store.search(query.text, filters=filters, limit=query.limit, offset=query.offset)
        assert ([hit.id for hit in result.hits], result.total) == python
    found = python[0]
    assert (found if isinstance(expected, list) else set(found)) == expected
    if not isinstance(expected, list):
        assert python[1] == len(expected)


@pytest.mark.issue(14)
def test_search_snippets_mark_the_same_words_everywhere(corpus: tuple[str, Any]) -> None:
    url, store = corpus
    query = SearchQuery('"troop withdrawal"')
    hit = store.reader().search(query).hits[0]
    cli_hit = json.loads(CliRunner().invoke(cli, ["search", "--db", url, "--json", query.text]).output.splitlines()[0])
    assert "[troop withdrawal]" in cli_hit["snippet"] or "[troop] [withdrawal]" in cli_hit["snippet"]  # FTS5, tsquery
    assert cli_hit["snippet"] == store.search(query.text).hits[0].snippet
    assert cli_hit["source"] == hit.source == "tass.com"


def test_search_parity_corpus_is_what_the_scenarios_assume() -> None:
    """Every article id the scenarios name is in the corpus, and every article is found by some scenario."""
    named = {aid for _, expected in SCENARIOS for aid in expected}
    assert named == {a.id for a in _articles()}
