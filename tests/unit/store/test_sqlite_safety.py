"""The SQLite store under the hazards of a shared machine: several processes at once, damaged files."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article
from newsprism.store.base import STORE_SCHEMA_VERSION
from newsprism.store.sqlite import SQLiteStore


def _open_each(paths: list[str], barrier: Any, results: Any) -> None:
    """In a child process: open each new corpus the moment the other process does."""
    for path in paths:
        barrier.wait(timeout=60)
        try:
            with SQLiteStore(Path(path)) as store:
                results.put((path, store.schema_version(), None))
        except StoreError as e:
            results.put((path, None, str(e)))


@pytest.mark.issue(16)
def test_sqlite_two_processes_create_one_corpus_at_once(tmp_path: Path) -> None:
    # 4 of 10 tries failed with "table articles already exists; is it a newsprism database?" when the
    # migration read the schema version outside its write transaction.
    paths = [str(tmp_path / f"new-{n}.db") for n in range(40)]
    context = multiprocessing.get_context("spawn")  # no fork of a test process that may hold threads
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_open_each, args=(paths, barrier, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    answers = [results.get(timeout=120) for _ in range(2 * len(paths))]
    for worker in workers:
        worker.join(timeout=60)
    assert [error for _, _, error in answers if error] == []
    assert {version for _, version, _ in answers} == {STORE_SCHEMA_VERSION}
    with SQLiteStore(Path(paths[-1])) as store:  # and the corpus works
        assert store.count() == 0 and store.check() == []


def _corpus(path: Path, n: int = 60) -> None:
    with SQLiteStore(path) as store:
        store.add([Article(id=f"a{i:03d}", text=f"Flood number {i} reached the town of Kherson on Monday. " * 12,
                           url=f"https://news.example/{i}", title=f"Flood {i}") for i in range(n)])


@pytest.mark.issue(16)
def test_sqlite_refuses_to_write_into_a_damaged_file(tmp_path: Path, damage_sqlite: Callable[..., None]) -> None:
    db = tmp_path / "c.db"
    _corpus(db)
    damage_sqlite(db)
    before = db.read_bytes()
    with pytest.raises(StoreError) as raised:
        SQLiteStore(db)
    message = str(raised.value)
    assert message.startswith("[E305]") and "damaged" in message and ".recover" in message, message
    assert "nothing was written" in message and "\n" not in message
    assert db.read_bytes() == before and not Path(f"{db}-wal").exists()


@pytest.mark.issue(16)
def test_sqlite_reads_of_a_damaged_file_fail_with_one_error(tmp_path: Path,
                                                            damage_sqlite: Callable[..., None]) -> None:
    db = tmp_path / "c.db"
    _corpus(db)
    damage_sqlite(db, table="articles")
    with SQLiteStore(db, readonly=True) as store:
        problems = store.check()
        assert len(problems) == 1 and problems[0].startswith("[E305]") and ".recover" in problems[0], problems
        for read in (lambda: list(store.iter_articles()), lambda: store.search("flood"), lambda: store.get("a001")):
            with pytest.raises(StoreError, match=r"^\[E305\] the corpus .* is damaged"):
                read()


def test_sqlite_sound_file_passes_the_checks(tmp_path: Path) -> None:
    # rows that must not change: a sound corpus opens for writing, reads and checks clean
    db = tmp_path / "c.db"
    _corpus(db)
    with SQLiteStore(db) as store:
        assert store.check() == [] and store.count() == 60 and len(list(store.iter_articles())) == 60
