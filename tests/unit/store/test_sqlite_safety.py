"""The SQLite store under the hazards of a shared machine: several processes at once, damaged files."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from newsprism.store.base import STORE_SCHEMA_VERSION
from newsprism.store.sqlite import SQLiteStore


def _open_each(paths: list[str], barrier: Any, results: Any) -> None:
    """In a child process: open each new corpus the moment the other process does."""
    from newsprism.errors import StoreError

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
