"""Pipelines called from several threads take turns: one batch at a time per process (#18).

A Dask worker runs several tasks at once in threads, and the web server's ingest endpoint runs in
a thread pool; the stages share process-wide state (lazy imports, models, spaCy's memory zone, the
parse cache) that two threads must not use at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsprism import registry
from newsprism.config import Settings
from newsprism.ingest import process_batch_with
from newsprism.model import Article, RawDocument
from newsprism.pipeline import Pipeline

pytestmark = pytest.mark.issue(18)


class _Overlap:
    """A stage that notes how many threads are inside any stage of its kind at once."""

    name = "test.overlap"
    requires = ("text",)
    assigns: tuple[str, ...] = ()
    inside = 0
    most = 0
    order: list[str] = []  # the sources, in the order the stage saw them
    guard = threading.Lock()

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        batch = list(articles)
        with _Overlap.guard:
            _Overlap.inside += 1
            _Overlap.most = max(_Overlap.most, _Overlap.inside)
            _Overlap.order.extend(article.source for article in batch)
        time.sleep(0.02)  # long enough for the other threads to arrive
        with _Overlap.guard:
            _Overlap.inside -= 1
        yield from batch


@pytest.fixture
def overlap() -> Iterator[type[_Overlap]]:
    _Overlap.inside = _Overlap.most = 0
    _Overlap.order = []
    yield _Overlap


def _raws(task: int, n: int) -> list[RawDocument]:
    return [RawDocument(content=f"Document {task}.{i}: the mayor spoke.", kind="text", source=f"task {task} #{i}")
            for i in range(n)]


def test_threads_pipelines_run_one_batch_at_a_time(overlap: type[_Overlap]) -> None:
    pipelines = [Pipeline(Settings(stages=()), stages=[overlap()]) for _ in range(4)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: list(pipelines[i % 4].run(_raws(i, 3), batch_size=1)), range(8)))
    assert overlap.most == 1
    assert [[article.text for article in result] for result in results] == [
        [f"Document {i}.{j}: the mayor spoke." for j in range(3)] for i in range(8)]


def test_threads_dask_task_bodies_run_one_at_a_time(overlap: type[_Overlap], monkeypatch: pytest.MonkeyPatch) -> None:
    # process_batch_with is what a Dask worker's threads run; its whole body holds the process's lock.
    monkeypatch.setitem(registry._LOCAL, "test.overlap", overlap)
    settings = Settings(stages=("test.overlap",), batch_size=1)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: process_batch_with(_raws(i, 2), settings), range(8)))
    assert overlap.most == 1
    # each task's two batches ran one after the other, no other task's batch between them
    tasks = [source.split(" #")[0] for source in overlap.order if source != "<warm-up>"]
    assert tasks[0::2] == tasks[1::2], tasks
    assert [len(result) for result in results] == [2] * 8
    assert all(isinstance(article, Article) and not article.issues for result in results for article in result)
