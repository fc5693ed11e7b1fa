"""Incremental linking equals a full recompute: the same corpus added in shuffled batches, some articles
changed on the way, linked after each batch, gives every link table row for row (ids included) as one full
link of the final corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from _link_corpus import FLOOD, FLOOD_2, corpus

from newsprism.link.run import link_corpus
from newsprism.model import Article
from newsprism.progress import Step
from newsprism.store import Store, open_store
from newsprism.store.links import (
    LINK_ROWS,
    ArticleStateRow,
    BandRow,
    DuplicateRow,
    MinhashRow,
    StoryArticleRow,
    StoryEdgeRow,
    StoryKeyRow,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
LINKSET = Path(__file__).resolve().parents[3] / "bench" / "linkset"
#: Wikinews articles taken: enough for shared names, places and copies, few enough for a quick test.
WIKINEWS = 150
SITES = ("dailyharbor.example", "continentalwire.example", "newsnowhub.example")


def _tables(store: Store) -> dict[str, list[dict[str, object]]]:
    return {kind.TABLE: [asdict(row) for row in store.link_rows(kind)] for kind in LINK_ROWS}  # type: ignore[call-overload]


def _real_news() -> list[Article]:
    """150 of the bundled Wikinews articles and the linking bench's rewrites, with republications of every
    fifth Wikinews article on other sites (exact, with a line changed, and with site furniture around it)."""
    found: list[Article] = []
    with (EXAMPLES / "wikinews" / "articles.jsonl").open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n == WIKINEWS:
                break
            row = json.loads(line)
            found.append(Article(id=f"w{n:03d}", text=row["text"], raw_text=row["text"], title=row["title"],
                                 url=row["url"], published=row["published"]))
    with (LINKSET / "rewrites.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            found.append(Article(id=row["id"], text=row["text"], title=row["title"], published=row["date"],
                                 url=f"https://{SITES[0]}/{row['id']}"))
    copies = []
    for n, article in enumerate(found[:WIKINEWS:5]):
        site = SITES[n % len(SITES)]
        text = article.text if n % 2 else article.text.replace(".", ";", 1) + "\nShare this story."
        raw = f"Subscribe to {site} for more\n{text}"
        copies.append(article.replace(id=f"c{n:03d}", text=text, raw_text=raw, url=f"https://{site}/{n}"))
    return found + copies


def _changed(article: Article) -> Article:
    """A new version of an article: a copy's text rewritten, an original's shortened or only its date changed
    (the original of a group is the earliest)."""
    if article.id.startswith("c"):
        return article.replace(text="Correction: " + article.text[::-1][:400])
    if article.id[-1] in "02468":
        return article.replace(published="2001-01-01")
    return article.replace(text=article.text[: max(200, len(article.text) // 2)])


def _full(articles: list[Article], tmp: Path) -> dict[str, list[dict[str, object]]]:
    other = open_store(tmp / f"full-{uuid.uuid4().hex[:6]}.db")
    try:
        other.add(sorted(articles, key=lambda a: a.id))
        link_corpus(other, full=True)
        return _tables(other)
    finally:
        other.close()


@pytest.mark.parametrize(("seed", "sizes", "undated"), [(1, (40, 90, 7), False), (2, (120, 1), False),
                                                    (3, (25,), False), (4, (40, 90, 7), True)])
def test_incremental_link_equals_full(store: Store, tmp_path: Path, seed: int, sizes: tuple[int, ...],
                                      undated: bool) -> None:
    articles = corpus() + _real_news()
    if undated:  # records with no date (as SemEval's and ECB+'s): the merges of undated and dated clusters (#17)
        articles = [a.replace(published=None) if a.id[-1] in "369" else a for a in articles]
    random.Random(seed).shuffle(articles)
    batches, at = [], 0
    while at < len(articles):
        size = sizes[len(batches) % len(sizes)]
        batches.append(articles[at:at + size])
        at += size
    changed = {a.id: _changed(a) for a in random.Random(seed).sample(articles, 12)}
    # an earlier date, same text: w000 becomes the original of its copy c000 (same date, smaller id before)
    changed["w000"] = next(a for a in articles if a.id == "w000").replace(published="2001-01-01")
    summaries, kinds = [], []
    for n, batch in enumerate(batches[:3] + [[a for b in batches[3:] for a in b]]):
        store.add(batch)
        if n == 2:  # articles already linked come back changed
            store.replace_articles([changed[i] for i in sorted(changed) if store.get(i) is not None])
        steps: list[Step] = []
        summaries.append(link_corpus(store, report=steps.append))
        read = next(s.message for s in steps if s.name == "read" and s.finished)
        kinds.append(read.rsplit(" (", 1)[1])
    # the first run links in full; every later one patches what is stored (else the equality says nothing)
    assert kinds[0].startswith("full") and kinds[1:] and all(k == "incremental)" for k in kinds[1:]), kinds
    final = [stored for a in articles if (stored := store.get(a.id)) is not None]
    mine = _tables(store)
    assert mine == _full(final, tmp_path)
    assert len(mine[DuplicateRow.TABLE]) > 40 and mine[BandRow.TABLE]  # copies were found and keys kept
    assert summaries[-1].articles == len(articles)


@pytest.mark.issue(17)
def test_incremental_link_equals_full_holding_few_stored_features(store: Store, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # the merges replayed read again the features they let go: the same stories, the same scores to the last bit
    import newsprism.link.delta

    monkeypatch.setattr(newsprism.link.delta, "FEATURES_HELD", 3)
    test_incremental_link_equals_full(store, tmp_path, 1, (40, 90, 7), False)


def test_incremental_link_reads_the_band_keys_of_changed_articles_only(store: Store) -> None:
    store.add(corpus())
    link_corpus(store)
    before = {(r.band_key, r.article_id) for r in store.link_rows(BandRow)}
    (a1,) = [a for a in corpus() if a.id == "a1"]
    store.add([a1.replace(id="a9", url="https://elsewhere.example/9")])
    summary = link_corpus(store)
    after = {(r.band_key, r.article_id) for r in store.link_rows(BandRow)}
    assert before < after and {i for _, i in after - before} == {"a9"}
    groups = {r.group_id for r in store.link_rows(DuplicateRow, article_id="a9")}
    members = {r.article_id for r in store.link_rows(DuplicateRow, group_id=sorted(groups))}
    assert members >= {"a1", "a9"} and summary.duplicate_groups == 2


def _mixed(main: Article, other: Article) -> Article:
    """An article of three quarters of ``main``'s words and a quarter of ``other``'s: it shares ``main``'s LSH
    buckets but is no copy of it (Jaccard and containment below the thresholds)."""
    words = main.text.split()
    return Article(id="n1", text=" ".join(words[: len(words) * 3 // 4] + other.text.split()[: len(words) // 4]),
                   title="A mixed text", url="https://elsewhere.example/n1", published=main.published)


def test_incremental_link_takes_in_a_bucket_mate_only_when_it_is_a_copy(store: Store, tmp_path: Path) -> None:
    # a new article with three quarters of a stored one's words shares its LSH buckets but is no copy (Jaccard
    # and containment below the thresholds): the stored one keeps its group and is not linked again (#17)
    articles = _real_news()[:40]
    store.add(articles)
    link_corpus(store)
    mixed = _mixed(articles[3], articles[9])
    store.add([mixed])
    written = store.replace_links
    patches: dict[object, Any] = {}

    def spy(tables: object, **kwargs: object) -> bool:
        patches.update(kwargs["patches"])  # type: ignore[call-overload]
        return written(tables, **kwargs)  # type: ignore[arg-type]

    store.replace_links = spy  # type: ignore[method-assign]
    link_corpus(store)
    keys: dict[str, set[str]] = {}
    for row in store.link_rows(BandRow, article_id=["n1", articles[3].id]):
        keys.setdefault(row.article_id, set()).add(row.band_key)
    assert keys["n1"] & keys[articles[3].id]  # a candidate pair
    assert not store.link_rows(DuplicateRow, article_id="n1")
    assert set(patches[DuplicateRow].values) == {"n1"}
    assert _tables(store) == _full([*articles, mixed], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_verifies_a_bucket_mate_on_its_stored_shingles(store: Store, tmp_path: Path) -> None:
    # a new article sharing buckets with stored ones is verified on the shingles kept beside their signatures:
    # no stored text is read for it, and the groups are a full link's
    articles = _real_news()[:40]
    store.add(articles)
    link_corpus(store)
    mixed = _mixed(articles[3], articles[9])
    copy = articles[5].replace(id="n2", url="https://elsewhere.example/n2", text=articles[5].text + "\nShare this.")
    store.add([mixed, copy])
    texts_read: list[str] = []
    reading = store.article_texts

    def spy(ids: Any) -> dict[str, str]:
        texts_read.extend(ids)
        return reading(ids)

    store.article_texts = spy  # type: ignore[method-assign]
    link_corpus(store)
    assert articles[3].id not in texts_read  # a bucket-mate, no copy
    (group,) = {r.group_id for r in store.link_rows(DuplicateRow, article_id="n2")}
    assert {r.article_id for r in store.link_rows(DuplicateRow, group_id=group)} >= {"n2", articles[5].id}
    assert store.link_rows(MinhashRow, article_id="n1")[0].shingles
    assert _tables(store) == _full([*articles, mixed, copy], tmp_path)


def test_incremental_link_reclusters_only_the_stories_a_new_article_reaches(store: Store) -> None:
    from newsprism.link.features import features
    from newsprism.link.incremental import STORY_KEYS, closure, group_members
    from newsprism.link.stories import MAX_POSTING, story_keys
    from newsprism.store.links import StoryArticleRow

    store.add(corpus())
    link_corpus(store)
    (a2,) = [a for a in corpus() if a.id == "a2"]
    flood = a2.replace(id="a8", url="https://elsewhere.example/8", text=a2.text.replace("Wednesday", "Thursday"))
    reached = closure(store, STORY_KEYS, new_keys={"a8": sorted(story_keys(features(flood)))}, removed=(),
                      proposes=lambda _, members: len(members) <= MAX_POSTING,
                      neighbours=group_members(store, StoryArticleRow, "story_id"))
    assert {"a1", "a2", "a3", "a8"} <= reached.articles and not {"a4", "a5"} & reached.articles  # not the strike
    store.add([flood])
    link_corpus(store)
    strike = {r.article_id for r in store.link_rows(StoryArticleRow) if r.article_id in ("a4", "a5")}
    assert strike == {"a4", "a5"} and "a8" in {r.article_id for r in store.link_rows(StoryArticleRow)}


def test_incremental_link_written_over_by_another_run_links_in_full(store: Store, tmp_path: Path) -> None:
    from newsprism.link import run

    store.add(corpus())
    link_corpus(store)
    store.add([next(a for a in corpus() if a.id == "a1").replace(id="a9", url="https://elsewhere.example/9")])
    steps: list[str] = []
    others: list[object] = []
    original = run._duplicates

    def meanwhile(*args: object, **kwargs: object) -> object:
        if not others:  # another run links between this one's read and its write
            others.append("other")
            link_corpus(store)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    run._duplicates = meanwhile  # type: ignore[assignment]
    try:
        link_corpus(store, report=lambda step: steps.append(step.message) if step.seconds is not None else None)
    finally:
        run._duplicates = original
    assert "another link run wrote first: linking in full" in steps
    assert any("(full: asked for)" in message for message in steps)
    assert _tables(store) == _full([a for a in (store.get(i) for i in sorted(
        {r.article_id for r in store.link_rows(BandRow)})) if a], tmp_path)


def test_incremental_link_reads_only_the_articles_a_change_reaches(store: Store, tmp_path: Path) -> None:
    articles = corpus() + _real_news()
    store.add(articles)
    link_corpus(store)
    read: list[str] = []
    reading = store.articles_by_id

    def counted(ids: object, **options: object) -> object:
        read.extend(ids)  # type: ignore[call-overload]
        return reading(ids, **options)  # type: ignore[arg-type]

    store.articles_by_id = counted  # type: ignore[method-assign]
    (a1,) = [a for a in corpus() if a.id == "a1"]
    store.add([a1.replace(id="a9", url="https://elsewhere.example/9", published="2023-04-12T09:00:00+00:00")])
    store.replace_articles([next(a for a in articles if a.id == "a4").replace(published="2023-06-04T08:00:00+00:00")])
    steps: list[Step] = []
    link_corpus(store, report=steps.append)
    assert any(s.name == "read" and s.finished and "(incremental)" in s.message for s in steps)
    # the new copy, the rewritten article, what their groups, stories and cues reach and the furniture samples
    # of their sites (not the 150 articles of the largest site): not the corpus
    assert {"a9", "a4", "a1"} <= set(read) and "w007" not in read and len(set(read)) < len(articles) // 3, len(set(read))
    final = [stored for a in [*articles, a1.replace(id="a9")] if (stored := store.get(a.id)) is not None]
    assert _tables(store) == _full(final, tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_reads_the_stored_features_of_candidates(store: Store, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.link import delta

    articles = corpus() + _real_news()
    store.add(articles)
    link_corpus(store)
    computed: list[str] = []
    compute = delta.features

    def counted(article: Article, **kwargs: object) -> object:
        computed.append(article.id)
        return compute(article, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(delta, "features", counted)
    (a2,) = [a for a in corpus() if a.id == "a2"]
    flood = a2.replace(id="a8", url="https://elsewhere.example/8", text=a2.text.replace("Wednesday", "Thursday"))
    store.add([flood])
    link_corpus(store)
    # the flood stories' articles were scored against the new one, from what the last run stored
    assert computed == ["a8"]
    assert {"a2", "a8"} <= {i for r in store.link_rows(StoryEdgeRow) if "a8" in (r.a, r.b) for i in (r.a, r.b)}
    assert _tables(store) == _full([*articles, flood], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_reads_the_members_of_its_keys_within_the_window(store: Store, tmp_path: Path) -> None:
    # the flood's keys are shared by copies of it on days far apart, undated, and at the window's edges: only
    # the members within the story window of the new article (or undated) are read from the stored keys
    (a2,) = [a for a in corpus() if a.id == "a2"]
    days = {"f0": "2023-01-02", "f1": "2023-04-02", "f2": "2023-04-22", "f3": None, "f4": "2023-08-30",
            "f5": "2023-04-01"}
    others = [a2.replace(id=i, url=f"https://elsewhere.example/{i}", published=day,
                         text=a2.text.replace("Wednesday", f"the day {n}")) for n, (i, day) in enumerate(days.items())]
    store.add([*corpus(), *others])
    link_corpus(store)
    flood = a2.replace(id="a8", url="https://elsewhere.example/8", published="2023-04-12",
                       text=a2.text.replace("Wednesday", "Thursday"))
    store.add([flood])
    read: list[str] = []
    within = store.link_rows_within
    pairs = store.link_pairs

    def spy_within(kind: Any, *args: Any, **kwargs: Any) -> Any:
        rows = within(kind, *args, **kwargs)
        read.extend(r.article_id for r in rows)
        return rows

    def spy_pairs(kind: Any, key: str, value: str, keys: Any) -> Any:
        rows = pairs(kind, key, value, keys)
        read.extend(v for _, v in rows if kind is StoryKeyRow)
        return rows

    store.link_rows_within = spy_within  # type: ignore[method-assign]
    store.link_pairs = spy_pairs  # type: ignore[method-assign]
    link_corpus(store)
    assert {"f1", "f2", "f3"} <= set(read) and not {"f0", "f4", "f5"} & set(read)
    assert _tables(store) == _full([*corpus(), *others, flood], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_stores_features_again_when_site_furniture_changes(store: Store, tmp_path: Path) -> None:
    slogan = "Read the Harbour Ledger every morning for the latest port news from our own reporters."
    bodies = ["Dockworkers at the port walked out on Monday over pay, the union said in a statement.",
              "Ships queued off the coast on Tuesday as the strike at the terminals entered a second day.",
              "Employers said the stoppage was costing thirty million euros a day and asked for talks.",
              "The strike ended on Saturday after a late-night deal on pay, and work resumed at the docks."]
    ledger = [Article(id=f"r{i}", text=f"{body}\n{slogan}", raw_text=f"{body}\n{slogan}", title=f"Port strike, day {i}",
                      url=f"https://ledger.example/{i}", published=f"2023-06-0{i + 1}") for i, body in enumerate(bodies)]
    articles = corpus() + ledger[:2]
    store.add(articles)
    link_corpus(store)  # two articles of the site: too few for its slogan to be furniture

    def stems(article_id: str) -> set[str]:
        (row,) = store.link_rows(ArticleStateRow, article_id=article_id)
        return set((row.data or {})["vector"])

    assert "ledge" in stems("r0")
    store.add(ledger[2:])
    summary = link_corpus(store)
    assert summary.furniture_lines >= 1
    assert "ledge" not in stems("r0") and "dockw" in stems("r0")  # the old article's features lost the slogan
    assert _tables(store) == _full(articles + ledger[2:], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_drops_the_keys_of_a_page_marked_not_news_later(store: Store, tmp_path: Path) -> None:
    from newsprism.codes import Code
    from newsprism.model import Issue

    articles = corpus() + _real_news()
    store.add(articles)
    link_corpus(store)
    (a2,) = [a for a in articles if a.id == "a2"]
    assert store.link_rows(StoryKeyRow, article_id="a2")
    # the same text stored again, now marked as no news page: its stored features and keys must not stay
    marked = a2.replace(issues=(Issue(Code.NOT_NEWS, "not a news page", "clean.text"),))
    store.replace_articles([marked])
    link_corpus(store)
    assert not store.link_rows(StoryKeyRow, article_id="a2")
    (state,) = store.link_rows(ArticleStateRow, article_id="a2")
    assert (state.data or {}).get("news") is False
    assert _tables(store) == _full([marked if a.id == "a2" else a for a in articles], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_clusters_from_stored_edges_without_scoring_them_again(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.link import incremental, stories

    articles = corpus() + _real_news()
    store.add(articles)
    link_corpus(store)
    stored = {(r.a, r.b) for r in store.link_rows(StoryEdgeRow)}
    scored: list[tuple[str, str]] = []
    for module in (stories, incremental):
        def counted(a: object, b: object, original: object = module.feature_similarity) -> float:
            scored.append(tuple(sorted((a.id, b.id))))  # type: ignore[attr-defined]
            return original(a, b)  # type: ignore[operator, no-any-return]
        monkeypatch.setattr(module, "feature_similarity", counted)
    (a2,) = [a for a in corpus() if a.id == "a2"]
    flood = a2.replace(id="a8", url="https://elsewhere.example/8", text=a2.text.replace("Wednesday", "Thursday"))
    store.add([flood])
    link_corpus(store)
    old = set(scored) - {p for p in scored if "a8" in p}
    # the flood story was re-clustered (a8 joined it) from its stored edges: none of them was scored again
    story = sorted({r.story_id for r in store.link_rows(StoryArticleRow, article_id="a8")})
    assert {"a1", "a2", "a8"} <= {r.article_id for r in store.link_rows(StoryArticleRow, story_id=story)}
    assert ("a1", "a2") in stored and not old & stored, sorted(old & stored)
    assert _tables(store) == _full([*articles, flood], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_scores_a_pair_of_two_new_articles_once(store: Store, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.link import incremental
    from newsprism.model import Entity

    galati = Entity(id="e1", name="Galati", label="GPE", variants=("Galati",), mentions=1)
    articles = corpus()
    store.add(articles)
    link_corpus(store)
    scored: list[tuple[str, str]] = []

    def counted(a: object, b: object, original: object = incremental.feature_similarity) -> float:
        scored.append(tuple(sorted((a.id, b.id))))  # type: ignore[attr-defined]
        return original(a, b)  # type: ignore[operator, no-any-return]
    monkeypatch.setattr(incremental, "feature_similarity", counted)
    # two new articles of one town and week, each the other's candidate, about other things than the flood
    match = Article(id="a8", text="Otelul Galati beat Dinamo 2-1 on Sunday with a late goal from the captain.",
                    title="Otelul Galati win late", url="https://sport.example/8", published="2023-04-16",
                    entities=(galati,))
    show = Article(id="a9", text="A festival of folk music opens in Galati on Friday, with bands from Moldova.",
                   title="Folk festival opens in Galati", url="https://culture.example/9", published="2023-04-14",
                   entities=(galati,))
    store.add([match, show])
    link_corpus(store)
    assert ("a8", "a9") in scored
    assert len(scored) == len(set(scored)), sorted(p for p in set(scored) if scored.count(p) > 1)
    assert _tables(store) == _full([*articles, match, show], tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_drops_the_pairs_of_a_key_that_becomes_too_common(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from itertools import combinations

    from newsprism.link import incremental, run, stories
    from newsprism.model import Entity

    sentences = [s.rstrip(".") + "." for s in (FLOOD + " " + FLOOD_2).split(". ")]
    galati = Entity(id="e1", name="Galati", label="GPE", variants=("Galati",), mentions=1)
    people = [Entity(id="e2", name=name, label="PERSON", variants=(name,), mentions=1)
              for name in ("Stefan Dumitrescu", "Oleksandr Hrytsenko")]
    # reports of one flood, two sentences of six each (none a copy of another), all naming Galati, each one of two
    # officials: with Galati's key open they pair across the officials, once it is too common they cannot
    made = [Article(id=f"g{n:02d}", text=" ".join(pair), title=f"Danube floods near Galati, report {n}",
                    url=f"https://site{n % 3}.example/{n}", published=f"2023-04-{11 + n % 5:02d}",
                    entities=(galati, people[n % 2])) for n, pair in enumerate(combinations(sentences, 2))]
    for module in (stories, incremental, run):
        monkeypatch.setattr(module, "MAX_POSTING", len(made) - 1)
    store.add(made[:-1])
    link_corpus(store)
    before = {(r.a, r.b) for r in store.link_rows(StoryEdgeRow)}
    scored: list[set[str]] = []
    edges = incremental._edges

    def counted(ids: set[str], *args: Any, **kwargs: Any) -> Any:
        scored.append(set(ids))
        return edges(ids, *args, **kwargs)

    monkeypatch.setattr(incremental, "_edges", counted)
    store.add(made[-1:])
    link_corpus(store)
    after = {(r.a, r.b) for r in store.link_rows(StoryEdgeRow)}
    # the key closed: the pairs it alone made are gone, and no article of it but the new one was scored again
    assert scored == [{made[-1].id}]
    assert {(a, b) for a, b in before - after if int(a[1:]) % 2 != int(b[1:]) % 2}, sorted(before - after)
    assert not {(a, b) for a, b in after if int(a[1:]) % 2 != int(b[1:]) % 2 and made[-1].id not in (a, b)}
    assert _tables(store) == _full(made, tmp_path)


@pytest.mark.issue(17)
def test_incremental_link_of_a_corpus_that_lost_articles_equals_full(tmp_path: Path) -> None:
    import sqlite3

    articles = corpus() + _real_news()
    store = open_store(tmp_path / "corpus.db")
    try:
        store.add(articles)
        link_corpus(store)
        gone = {"a2", "w003", "c001"}  # a story's article, and an original with its copy on another site
        assert store.link_rows(StoryArticleRow, article_id="a2")
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "corpus.db") as db:  # no command removes articles: the table loses the rows
        db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in sorted(gone)])
    store = open_store(tmp_path / "corpus.db")
    try:
        steps: list[Step] = []
        link_corpus(store, report=steps.append)
        assert next(s.message for s in steps if s.name == "read" and s.finished).endswith("(incremental)")
        assert _tables(store) == _full([a for a in articles if a.id not in gone], tmp_path)
    finally:
        store.close()


class _StoredFeatures(dict[str, Any]):
    """Story features read from a store on first use, as :class:`~newsprism.link.delta.Features` reads them:
    counts the reads and the most it held at once."""

    def __init__(self, stored: dict[str, Any]) -> None:
        super().__init__()
        self.stored, self.reads, self.most = stored, 0, 0
        self.fresh: set[str] = set()
        self.unstored: set[str] = set()

    def __missing__(self, key: str) -> Any:
        self.prefetch([key])
        return self[key]

    def prefetch(self, ids: Any) -> None:
        for i in sorted(set(ids) - set(self)):
            self[i] = self.stored[i]
            self.reads += 1
        self.most = max(self.most, len(self))

    def let_go(self, ids: Any) -> None:
        for i in ids:
            self.pop(i, None)


def test_incremental_link_scores_candidates_by_days_dropping_features_behind() -> None:
    from datetime import date, timedelta

    from newsprism.link.features import features
    from newsprism.link.incremental import _scored_by_days
    from newsprism.link.stories import feature_similarity

    articles = _real_news()[:150]
    stored = {a.id: features(a) for a in articles}
    ids = [a.id for a in articles]
    days = {i: date(2024, 1, 1) + timedelta(days=n) for n, i in enumerate(ids)}
    # 120 new articles, each compared with the articles of the ten days around it, as the story window cuts them
    new = ids[:120]
    candidates = {x: [y for y in ids if y != x and abs((days[x] - days[y]).days) <= 10] for x in new}
    expected = {(min(x, y), max(x, y)): feature_similarity(stored[min(x, y)], stored[max(x, y)])
                for x, ys in candidates.items() for y in ys}
    threshold = sorted(expected.values())[-5]
    feats = _StoredFeatures(stored)
    scores = _scored_by_days(candidates, feats, days, keep=new[:3], threshold=threshold)
    assert scores == expected  # every pair, the same score to the last bit
    # the features held follow the days scored, not every candidate of every new article
    assert feats.most < len(set(new) | {y for ys in candidates.values() for y in ys})
    reaching = {a for pair, score in expected.items() if score >= threshold for a in pair}
    assert set(new[:3]) <= set(feats) and {y for x in new for y in candidates[x] if y in reaching} <= set(feats)
