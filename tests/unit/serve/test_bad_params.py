"""The JSON API refuses parameters it cannot use, in its one error shape, naming them (#15)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from newsprism.model import Article
from newsprism.store import open_store

pytest.importorskip("fastapi")
from newsprism.serve.app import create_app  # noqa: E402

IDS = ["abc1000000000000", "abc2000000000000", "abd3000000000000"]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    store = open_store(tmp_path_factory.mktemp("web") / "c.db")
    store.add([Article(id=aid, text=f"Floods on the Danube, report {n}.", title=f"Floods {n}", lang="en",
                       published=f"2022-11-0{n + 1}T10:00:00") for n, aid in enumerate(IDS)])
    yield create_app(store)
    store.close()


def get(app: Any, url: str, **params: str) -> Any:
    import httpx

    async def send() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://localhost") as client:
            return await client.get(url, params=params)

    return asyncio.run(send())


def assert_error(response: Any, status: int, name: str, *parts: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"ok", "error", "errors", "status"} and body["ok"] is False and body["status"] == status
    assert [error["loc"][-1] for error in body["errors"]] == [name]  # the parameter, named
    assert all(part in body["error"] for part in parts), body["error"]
    return body


FORMS = "use ISO 8601, e.g. 2022-11-09"


@pytest.mark.issue(15)
@pytest.mark.parametrize(("path", "params", "name", "parts"), [
    ("/search.json", {"date_from": "2022-13-01"}, "date_from", ("[E170] date_from: '2022-13-01'", FORMS)),
    ("/search.json", {"date_to": "yesterday"}, "date_to", ("[E170] date_to: 'yesterday'", FORMS)),
    ("/search.json", {"q": "floods", "date_from": "Nov 9, 2022"}, "date_from", ("'Nov 9, 2022'", FORMS)),
    ("/search.json", {"lang": "english"}, "lang", ("[E171] lang: 'english' is not a language code",)),
    ("/quotes.json", {"date_from": "2022/11/09"}, "date_from", ("[E170] date_from: '2022/11/09'", FORMS)),
    ("/claims.json", {"date_to": "2022-02-30"}, "date_to", ("[E170] date_to: '2022-02-30'", FORMS)),
    ("/claims.json", {"min_value": "lots"}, "min_value", ("min_value must be a number, not 'lots'",)),
])
def test_bad_params_values_are_422_naming_the_parameter(app: Any, path: str, params: dict[str, str], name: str,
                                                        parts: tuple[str, ...]) -> None:
    assert_error(get(app, path, **params), 422, name, *parts)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("path", "params", "name", "parts"), [
    ("/search.json", {"from": "2022-11-01"}, "from",
     ("[E175] unknown parameter 'from' (did you mean 'date_from'?)", "takes: date_from, date_to, entity, lang,")),
    ("/search.json", {"q": "floods", "to": "2022-11-01"}, "to", ("'to' (did you mean 'date_to'?)",)),
    ("/quotes.json", {"speeker": "Shoigu"}, "speeker", ("'speeker' (did you mean 'speaker'?)",)),
    ("/index.json", {"x": "1"}, "x", ("unknown parameter 'x'; /index.json takes no parameters",)),
    ("/article/abd3000000000000.json", {"view": "removals"}, "view", ("unknown parameter 'view'",)),
    ("/entity.json", {"name": "Danube", "lable": "GPE"}, "lable", ("did you mean 'label'?", "takes: label, name")),
])
def test_bad_params_unknown_parameters_are_400_naming_the_known_ones(app: Any, path: str, params: dict[str, str],
                                                                     name: str, parts: tuple[str, ...]) -> None:
    assert_error(get(app, path, **params), 400, name, *parts)


@pytest.mark.issue(15)
def test_bad_params_pages_ignore_unknown_parameters_but_not_bad_values(app: Any) -> None:
    page = get(app, "/search", q="floods", utm_source="newsletter")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    page = get(app, "/search", date_from="2022-13-01")
    assert page.status_code == 422 and "2022-13-01" in page.text


@pytest.mark.issue(15)
def test_bad_params_good_values_still_filter(app: Any) -> None:
    data = get(app, "/search.json", q="floods", date_from="2022-11-02", date_to="2022-11-02", lang="EN").json()
    assert [hit["id"] for hit in data["hits"]] == [IDS[1]]
    data = get(app, "/search.json", q="floods", date_to="2022-11-02T09:59").json()
    assert [hit["id"] for hit in data["hits"]] == [IDS[0]]  # a time bounds to the minute
    assert get(app, "/search.json", q="floods", date_from="").json()["total"] == 3  # an empty form field: no filter


@pytest.mark.issue(15)
def test_bad_params_article_id_prefixes(app: Any) -> None:
    assert get(app, "/article/abd.json").json()["article"]["id"] == IDS[2]  # three characters are enough
    body = assert_error(get(app, "/article/abc.json"), 400, "article_id", "[E173] article id prefix 'abc' is ambiguous",
                        IDS[0], IDS[1])
    assert body["errors"][0]["loc"] == ["path", "article_id"]
    assert get(app, "/article/ab.json").status_code == 404
    assert get(app, "/article/zzz.json").status_code == 404
