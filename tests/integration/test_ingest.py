"""Ingestion end to end: idempotent, resumable after SIGKILL, failures reported."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsprism.config import Settings
from newsprism.ingest import ingest
from newsprism.model import to_dict
from newsprism.store import open_store

FAST = Settings(stages=("clean.text",), batch_size=8)


def _ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.fixture
def corpus(tmp_path: Path, shared: Path) -> Path:
    """Wikinews articles (CC BY 2.5) as JSON Lines, plus a bad line and an empty article."""
    lines = (shared / "data" / "wikinews" / "articles.jsonl").read_text("utf-8").splitlines()[:120]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([*lines, "{not json", json.dumps({"url": "https://e.example/empty", "text": ""})]) + "\n")
    return path


def test_ingest_twice_adds_nothing(tmp_path: Path, corpus: Path) -> None:
    store = open_store(tmp_path / "c.db")
    first = ingest([str(corpus)], store=store, settings=FAST, workers=1)
    second = ingest([str(corpus)], store=store, settings=FAST, workers=1)
    assert (first.new, first.failed) == (120, 2)
    assert all(f.code.startswith("E1") and f.message for f in first.failures)
    assert {f.source.rsplit(":", 1)[-1] for f in first.failures} == {"121", "122"}  # the two bad lines
    assert second.new == 0 and second.skipped == 120 and second.failed == 2
    assert store.count() == 120 and store.check() == []
    store.close()


def test_ingest_pool_equals_single_process(tmp_path: Path, corpus: Path) -> None:
    one, two = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    ingest([str(corpus)], store=one, settings=FAST, workers=1)
    ingest([str(corpus)], store=two, settings=FAST, workers=2)
    assert [a.text for a in one.iter_articles()] == [a.text for a in two.iter_articles()]
    one.close(), two.close()


@pytest.mark.issue(17)
def test_ingest_recycles_workers_without_losing_or_repeating_a_document(tmp_path: Path, corpus: Path) -> None:
    from newsprism.ingest import Ingestor
    from newsprism.sources import iter_documents

    one, two = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    ingest([str(corpus)], store=one, settings=FAST, workers=1, link=False)
    settings = FAST.replace(worker_max_documents=8)  # 2 workers: fresh ones every 16 documents
    ingestor = Ingestor(two, settings=settings, workers=2, link=False)
    summary = ingestor.run(iter_documents([str(corpus)], settings=settings), sources=[str(corpus)])
    assert (summary.read, summary.new, summary.duplicate, summary.skipped, summary.failed) == (122, 120, 0, 0, 2)
    assert len(ingestor.worker_pids) >= 2 * (120 // 16)  # recycled: many more processes than two
    assert [a.text for a in two.iter_articles()] == [a.text for a in one.iter_articles()]
    assert two.count() == 120 and two.check() == []
    one.close(), two.close()


@pytest.mark.issue(18)
def test_ingest_pool_stores_what_one_process_stores_however_the_paths_are_spelled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = (Path(__file__).resolve().parents[2] / "examples").resolve()
    (tmp_path / "link").symlink_to(examples, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    one, two = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    settings = FAST.replace(batch_size=3)
    ingest(["./link/html", "link/../link/articles.jsonl"], store=one, settings=settings, workers=1)
    ingest([str(examples / "html"), str(examples / "articles.jsonl")], store=two, settings=settings, workers=2)
    expected = [to_dict(article) for article in one.iter_articles()]
    assert len(expected) >= 15 and all(a["source"].startswith(str(examples) + os.sep) for a in expected)
    assert [to_dict(article) for article in two.iter_articles()] == expected
    one.close(), two.close()


def _run(db: Path, corpus: Path, *, stages: str = "clean.text", batch_size: int = 4) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "newsprism", "--setting", "stages", stages, "--setting", "batch_size", str(batch_size),
           "ingest", str(corpus), "--db", str(db), "--workers", "1", "--no-progress"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _snapshot(db: Path) -> dict[str, object]:
    """Everything an ingest decides: each article's JSON form (every fact included), the fact tables,
    the seen documents, and the groups (stories, duplicates) that linking the corpus finds."""
    from newsprism.link.run import link_corpus

    store = open_store(db)
    try:
        assert store.check() == []
        articles = {a.id: json.dumps(to_dict(a), sort_keys=True) for a in store.iter_articles()}
        link_corpus(store, settings=FAST)
        stats = store.stats()["counts"]
    finally:
        store.close()
    with sqlite3.connect(db) as conn:
        seen = sorted(conn.execute("SELECT raw_hash, article_id FROM seen").fetchall())
        groups = {table: sorted(map(repr, conn.execute(f"SELECT * FROM {table}").fetchall()))
                  for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND "
                                               "(name LIKE 'stor%' OR name LIKE 'dup%')")}
    counts = {k: v for k, v in stats.items() if k not in ("runs", "failures")}  # every run adds its own rows there
    return {"articles": articles, "counts": counts, "seen": seen, "groups": groups}


def _kill_and_resume(tmp_path: Path, corpus: Path, rounds: int, *, stages: str = "clean.text") -> None:
    """Kill ingestion with SIGKILL at random points, re-run it, and compare with an uninterrupted run."""
    reference = tmp_path / "reference.db"
    assert _run(reference, corpus, stages=stages).wait(timeout=300) == 0
    expected = _snapshot(reference)
    total = len(expected["articles"])  # type: ignore[arg-type]
    rng = random.Random(7)
    for n in range(rounds):
        db = tmp_path / f"killed{n}.db"
        for _ in range(2 if rng.random() < 0.25 else 1):  # sometimes killed twice before the run that finishes
            proc = _run(db, corpus, stages=stages)
            if rng.random() < 0.3:  # at any moment: during start-up, migrations or the first batch
                time.sleep(rng.uniform(0.1, 3.0))
            elif _count(db) < total - 1:  # part-way through the corpus
                target = rng.randint(max(1, _count(db)), total - 1)
                deadline = time.monotonic() + 120
                while _count(db) < target and proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.005)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert _run(db, corpus, stages=stages).wait(timeout=300) == 0
        _assert_same(_snapshot(db), expected, round_=n)


def _assert_same(got: dict[str, Any], expected: dict[str, Any], *, round_: int) -> None:
    """Equal snapshots, or a message naming the articles and fields that differ."""
    for article_id in sorted(set(got["articles"]) | set(expected["articles"])):
        mine, theirs = got["articles"].get(article_id), expected["articles"].get(article_id)
        if mine != theirs:
            fields = sorted(k for k in json.loads(theirs or "{}") if mine is None or theirs is None
                            or json.loads(mine).get(k) != json.loads(theirs).get(k))
            pytest.fail(f"round {round_}: article {article_id} differs in {fields}: {mine and mine[:300]} "
                        f"!= {theirs and theirs[:300]}")
    assert got == expected, f"round {round_}"


@pytest.fixture
def small_corpus(corpus: Path, tmp_path: Path) -> Path:
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(corpus.read_text("utf-8").splitlines()[:24]) + "\n")
    return path


def test_ingest_survives_sigkill_20_times(tmp_path: Path, small_corpus: Path) -> None:
    _kill_and_resume(tmp_path, small_corpus, rounds=20)


def test_ingest_survives_sigkill_with_every_stage(tmp_path: Path, small_corpus: Path) -> None:
    """The full default pipeline: facts must come out the same after kills as in one clean run."""
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text("\n".join(small_corpus.read_text("utf-8").splitlines()[:6]) + "\n")
    _kill_and_resume(tmp_path, tiny, rounds=2, stages=",".join(Settings().stages))


@pytest.mark.parametrize(("name", "content", "code"), [
    ("empty.txt", b"", "E1"),
    ("binary.txt", bytes(range(256)) * 40, "E1"),
    ("cut.html.gz", gzip.compress(b"<html><body><p>" + " ".join(str(i * 7919 % 10007) for i in range(4000)).encode()
                                  + b"</p></body></html>")[:300], "E1"),
])
def test_ingest_bad_files_fail_alone(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (folder / "good.txt").write_text("Officials said on Tuesday that 400 people had been evacuated from the town.\n")
    store = open_store(tmp_path / "c.db")
    summary = ingest([str(folder)], store=store, settings=FAST, workers=1)
    assert summary.new == 1 and summary.failed == 1
    assert summary.failures[0].code.startswith(code) and summary.failures[0].message
    store.close()


def test_ingest_records_run_and_failures(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    summary = ingest([str(tmp_path / "missing-folder")], store=store, settings=FAST, workers=1)
    assert summary.failed == 1 and store.failures(run_id=summary.run_id)
    assert os.path.exists(tmp_path / "c.db")
    store.close()


def test_ingest_uses_furniture_learned_by_link(tmp_path: Path) -> None:
    """A line repeated across a site's articles is learned by `link` and cleaned out of later articles."""
    from newsprism.link.run import link_corpus

    stories = [
        "The council approved the new budget on Monday after a long debate about school funding.",
        "Firefighters contained a blaze at the old mill on Tuesday; nobody was hurt, officials said.",
        "The ferry service to the island resumes next week after repairs to the pier were finished.",
        "Local farmers expect a smaller harvest this year because of the dry spring, the union said.",
        "A new cycling lane along the river opened on Friday, linking the station and the old town.",
    ]
    boiler = "Harbor Weekly, independent local journalism since 1921"

    def write(path: Path, rows: list[str], start: int) -> None:
        path.write_text("\n".join(json.dumps({
            "url": f"https://harbor.example/news/{start + i}", "published": "2023-05-0" + str(1 + i % 9),
            "text": f"{text}\n\n{boiler}\n\nMore details will follow as the story develops, the editors said."})
            for i, text in enumerate(rows)) + "\n")

    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    write(first, stories, 0)
    write(later, ["The harbour master said on Sunday that the annual regatta will start on the 12th."], 100)
    store = open_store(tmp_path / "c.db")
    ingest([str(first)], store=store, settings=FAST, workers=1)
    link_corpus(store, settings=FAST)
    ingest([str(later)], store=store, settings=FAST, workers=1)
    newest = [a for a in store.iter_articles() if a.url and a.url.endswith("/100")][0]
    assert boiler not in newest.text and "regatta" in newest.text
    assert [r.kind for r in newest.removals if r.text == boiler] == ["site_furniture"]
    store.close()


@pytest.mark.issue(14)
def test_ingest_leaves_a_linked_corpus_unless_told_not_to(tmp_path: Path) -> None:
    """The library ingest links the corpus, as 'newsprism ingest' does: stories and duplicates take in the new
    articles at once; with link=False they wait for a later link run, which finds the same."""
    from newsprism.link.run import link_corpus
    from newsprism.store.links import DuplicateRow, StoryArticleRow

    html = str(Path(__file__).resolve().parents[2] / "examples" / "html")
    linked = open_store(tmp_path / "linked.db")
    summary = ingest([html], store=linked, settings=FAST, workers=1)
    assert summary.link is not None and summary.link.articles == summary.new == linked.count() == 12
    assert summary.link.stories >= 2 and summary.link.duplicate_groups >= 1
    in_stories = {row.article_id for row in linked.link_rows(StoryArticleRow)}
    assert len(in_stories) == 12 and linked.link_rows(DuplicateRow)
    unlinked = open_store(tmp_path / "unlinked.db")
    waiting = ingest([html], store=unlinked, settings=FAST, workers=1, link=False)
    assert waiting.link is None and waiting.new == 12
    assert unlinked.link_rows(StoryArticleRow) == [] and unlinked.link_rows(DuplicateRow) == []
    later = link_corpus(unlinked, settings=FAST)
    assert (later.stories, later.duplicate_groups) == (summary.link.stories, summary.link.duplicate_groups)
    assert unlinked.link_rows(StoryArticleRow) == linked.link_rows(StoryArticleRow)
    linked.close()
    unlinked.close()
