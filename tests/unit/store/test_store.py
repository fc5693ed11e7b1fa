from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import QueryError, StoreError
from newsprism.model import Article, Entity, Failure, Mention, Quote, article_id, article_key
from newsprism.store import SearchFilters, SeenDocument, Store, open_store


def make(text: str, *, url: str | None = None, title: str = "", published: str | None = None,
         site: str | None = None, lang: str = "en") -> Article:
    key = article_key(canonical_url=url, text=text)
    return Article(id=article_id(key), text=text, raw_text=text, url=url, title=title, published=published,
                   site=site, lang=lang, source="test")


ARTICLES = [
    make("Russia ordered the withdrawal of troops from Kherson on Wednesday.", url="https://a.example/1",
         title="Withdrawal from Kherson", published="2022-11-09", site="A News"),
    make("Floods on the Danube forced 80,000 residents to leave Jersón and nearby towns.", url="https://b.example/2",
         title="Danube floods", published="2022-10-01", site="B Daily", lang="en"),
    make("La retirada de Jersón fue anunciada el miércoles.", url="https://c.example/3", title="Retirada",
         published="2022-11-10", site="C Diario", lang="es"),
]


def test_store_add_is_idempotent(store: Store) -> None:
    first = store.add(ARTICLES)
    again = store.add(ARTICLES)
    assert len(first.new) == 3 and not first.duplicates
    assert not again.new and len(again.duplicates) == 3
    assert store.count() == 3


def test_store_get_round_trips_facts(store: Store) -> None:
    article = ARTICLES[0].replace(
        entities=(Entity(id="e1", name="Sergei Shoigu", label="PERSON", variants=("Shoigu",), mentions=1),),
        mentions=(Mention(start=0, end=6, text="Russia", label="GPE"),),
        quotes=(Quote(start=10, end=20, text="x", kind="direct", speaker="e1", cue="order"),))
    store.add([article])
    got = store.get(article.id)
    assert got == article
    assert store.get(article.id[:8]) == article
    assert store.get("nope") is None


@pytest.mark.parametrize(("query", "filters", "expected_titles"), [
    ("kherson", SearchFilters(), {"Withdrawal from Kherson"}),
    ("jerson", SearchFilters(), {"Danube floods", "Retirada"}),  # diacritics folded
    ('"forced 80,000 residents"', SearchFilters(), {"Danube floods"}),
    ("withdr*", SearchFilters(), {"Withdrawal from Kherson"}),
    ("jerson", SearchFilters(lang="es"), {"Retirada"}),
    ("jerson", SearchFilters(date_from="2022-11-01"), {"Retirada"}),
    ("jerson OR kherson", SearchFilters(date_to="2022-11-09"), {"Withdrawal from Kherson", "Danube floods"}),
    ("", SearchFilters(site="B Daily"), {"Danube floods"}),
    # the operators, issue #16: each must reach both indexes as their own syntax
    ("jerson NOT retirada", SearchFilters(), {"Danube floods"}),
    ("jerson AND NOT retirada", SearchFilters(), {"Danube floods"}),
    ("jerson -retirada", SearchFilters(), {"Danube floods"}),
    ("(kherson OR danube) NOT retirada", SearchFilters(), {"Withdrawal from Kherson", "Danube floods"}),
    ("jerson -(retirada OR danube)", SearchFilters(), set()),
    ('troops OR "forced 80,000" NOT wednesday', SearchFilters(), {"Withdrawal from Kherson", "Danube floods"}),
    ("kherson AND withdr*", SearchFilters(), {"Withdrawal from Kherson"}),
    ("or", SearchFilters(), set()),  # lower case: a word, not an operator
    ("NEAR kherson", SearchFilters(), set()),  # FTS5's NEAR is a word here
    ("!!! ---", SearchFilters(), {"Withdrawal from Kherson", "Danube floods", "Retirada"}),  # no word: everything
])
def test_store_search(store: Store, query: str, filters: SearchFilters, expected_titles: set[str]) -> None:
    store.add(ARTICLES)
    result = store.search(query, filters=filters)
    assert {hit.title for hit in result.hits} == expected_titles
    assert result.total == len(expected_titles)


@pytest.mark.issue(16)
@pytest.mark.parametrize(("query", "why"), [
    ("flood AND NOT", "NOT needs a word or a group after it"),
    ("a OR OR b", "OR needs a word or a group on each side"),
    ("OR kherson", "OR needs a word or a group on each side"),
    ("kherson OR", "OR needs a word or a group on each side"),
    ("kherson AND AND jerson", "AND needs a word or a group on each side"),
    ("NOT rain", "NOT needs something to exclude from"),
    ("kherson OR -rain", "NOT needs something to exclude from"),
    ('unbalanced "quote AND (', 'a quote (") is not closed'),
    ("(kherson OR jerson", "a '(' is not closed"),
    ("kherson)", "a ')' has no '(' before it"),
    ("kherson ()", "a group '( )' holds no word"),
])
def test_store_search_bad_query_says_what_is_wrong(store: Store, query: str, why: str) -> None:
    store.add(ARTICLES)
    with pytest.raises(QueryError) as raised:
        store.search(query)
    message = str(raised.value)
    assert message.startswith("[E160]") and why in message and repr(query) in message, message


def test_store_search_snippet_marks_matches(store: Store) -> None:
    store.add(ARTICLES)
    hit = store.search("kherson").hits[0]
    assert "[Kherson]" in hit.snippet


def test_store_seen_and_failures(store: Store) -> None:
    run = store.start_run(["x"])
    store.add([ARTICLES[0]], seen=[SeenDocument("h1", ARTICLES[0].id, "x"), SeenDocument("h2", None, "y")],
              failures=[Failure(source="y", code="E103", message="no text")], run_id=run)
    store.finish_run(run, {"new": 1})
    assert store.seen(["h1", "h2", "h3"]) == {"h1", "h2"}
    assert [f["code"] for f in store.failures(run_id=run)] == ["E103"]
    assert store.check() == []


def test_store_iter_articles_in_order(store: Store) -> None:
    store.add(ARTICLES)
    assert [a.id for a in store.iter_articles(batch_size=2)] == [a.id for a in ARTICLES]


def test_store_rejects_non_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(bogus)


def test_store_readonly_needs_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing.db", readonly=True)


def test_store_most_quoted_names_people_not_pronouns(store: Store) -> None:
    """An interview's unresolved "I said" is not a speaker called "I" in the corpus report, nor is "officials
    said" one source (the demo listed "officials" among its five most quoted)."""
    text = "I said that I was ready. Sergei Shoigu said the troops would leave. Officials said so."
    article = ARTICLES[0].replace(
        text=text,
        entities=(Entity(id="e1", name="Sergei Shoigu", label="PERSON", variants=("Sergei Shoigu",), mentions=1),),
        quotes=(Quote(start=12, end=24, text=text[12:24], kind="indirect", speaker_text="I"),
                Quote(start=18, end=24, text=text[18:24], kind="indirect", speaker_text="I"),
                Quote(start=43, end=67, text=text[43:67], kind="indirect", speaker="e1", speaker_text="Sergei Shoigu"),
                Quote(start=83, end=85, text=text[83:85], kind="indirect", speaker_text="Officials"),
                Quote(start=83, end=85, text=text[83:85], kind="indirect", speaker_text="Officials")))
    store.add([article])
    assert store.reader().highlights().most_quoted == [("Sergei Shoigu", 1)]


@pytest.mark.issue(17)
def test_store_a_finished_threads_read_connection_serves_the_next_thread(store: Store) -> None:
    """PostgreSQL's read connections are pooled: a thread without one takes the connection a finished thread
    left (a web server's worker threads end after a few idle seconds, and a search on a new connection cost
    70 to 90 ms more), while threads alive at the same time never share one."""
    import threading

    from newsprism.store.search import SearchQuery

    if not hasattr(store, "_read_connection"):
        pytest.skip("SQLite opens a read connection per thread of its own")
    store.add([Article(id=f"{n:016x}", text=f"Item {n}: a report.", source="s") for n in range(3)])
    seen: list[tuple[int, list[str]]] = []

    def search(barrier: threading.Barrier | None = None) -> None:
        pid = int(store._read_connection().info.backend_pid)  # type: ignore[attr-defined]
        if barrier is not None:
            barrier.wait(timeout=10)  # both threads hold their connection at once
        seen.append((pid, sorted(hit.id for hit in store.reader().search(SearchQuery("report")).hits)))

    def run(*threads: threading.Thread) -> None:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    for _ in range(3):
        run(threading.Thread(target=search))
    assert len({pid for pid, _ in seen}) == 1
    assert all(hits == [f"{n:016x}" for n in range(3)] for _, hits in seen)
    seen.clear()
    barrier = threading.Barrier(2)
    run(threading.Thread(target=search, args=(barrier,)), threading.Thread(target=search, args=(barrier,)))
    assert len({pid for pid, _ in seen}) == 2
