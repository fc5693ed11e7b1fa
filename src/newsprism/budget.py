"""Time budgets: every document gets ``time_budget`` seconds of its own, read and processed (#16).

1. Each document is read (decoded, its HTML extracted) under its own budget.
2. The stages run over a group of documents at once (the spaCy parse is batched), and the group must
   finish within the smallest budget its documents have left: then none of them went over its own.
3. A group that runs out is run again one document at a time, each with what is left of its own
   budget; a document that runs out alone is a failure E901. The next group is half as large; groups
   grow back, up to the whole batch, while they finish within half their budget.

Before this, a batch had ``time_budget`` times its size as a whole: one document could take a batch's
budget (32 minutes for 64 documents) before anything noticed, and a document took longer than its own
budget without a failure whenever the others were quick.

The budget is an alarm (``SIGALRM``) raised as a :class:`BaseException`, so the ``except Exception``
guards of the pipeline and of the libraries it calls cannot swallow it. An alarm only works in a
process's main thread; elsewhere (a Dask worker's threads) documents run without a budget.
"""

from __future__ import annotations

import logging
import signal
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TypeVar

from .codes import Code
from .model import Article, Failure, RawDocument
from .pipeline import Pipeline

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Documents per group of the stages, per pipeline (a worker process has one): adapts to their cost.
_GROUP: weakref.WeakKeyDictionary[Pipeline, int] = weakref.WeakKeyDictionary()


class OverBudget(BaseException):
    """Raised by the budget's alarm. Not an ``Exception``: the pipeline, trafilatura and the stages catch
    ``Exception`` to record a bad document and go on, which swallowed the alarm and let a gigantic line
    run on for minutes with no budget left to stop it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise OverBudget


def within(seconds: float, func: Callable[[], T]) -> T:
    """``func()`` under a wall-clock budget; raises :class:`OverBudget` when it runs out.

    Without a budget (``seconds <= 0``), without ``setitimer`` or outside the main thread, ``func``
    runs unbounded.
    """
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        return func()
    try:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    except ValueError:  # not the main thread: no budget can be enforced here
        return func()
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        return func()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(slots=True)
class _Document:
    raw: RawDocument
    result: Article | Failure
    left: float  # seconds of its budget left after reading


def over_budget(raw: RawDocument, budget: float) -> Failure:
    """The E901 failure of a document that took longer than ``budget`` seconds."""
    return Failure(source=raw.source, url=raw.url, code=Code.OVER_TIME_BUDGET,
                   message=f"processing took longer than the time budget of {budget:g} s; "
                           "raise --setting time_budget SECONDS to allow it")


def process(pipeline: Pipeline, raws: Sequence[RawDocument]) -> list[Article | Failure]:
    """Read and process ``raws``, each within ``pipeline.settings.time_budget``; results in order.

    A document over its budget is an E901 :class:`~newsprism.model.Failure`; the others are articles.
    """
    budget = pipeline.settings.time_budget
    if budget <= 0:
        return list(pipeline.run(raws))
    # 1. reading: each document on its own
    documents = [_read(pipeline, raw, budget) for raw in raws]
    todo = [document for document in documents if isinstance(document.result, Article)]
    most = max(1, pipeline.settings.batch_size)
    size = _GROUP.get(pipeline, most)
    start = 0
    while start < len(todo):
        group = todo[start:start + size]
        start += len(group)
        # 2. the stages, a group at a time, within the smallest budget its documents have left
        began = time.perf_counter()
        seconds = min(document.left for document in group)
        if _stages(pipeline, group, seconds=seconds):
            if time.perf_counter() - began < seconds / 2:
                size = min(size * 2, most)
            continue
        # 3. over: one at a time, each with what it has left; smaller groups from now on
        size = max(1, len(group) // 2)
        if len(group) > 1:
            log.info("%d documents over their time budget together; processing them one by one", len(group))
            for document in group:
                _stages(pipeline, [document], seconds=document.left)
    _GROUP[pipeline] = size
    for document in todo:
        if isinstance(document.result, Article) and document.left < 0:
            document.result = over_budget(document.raw, budget)
    return [document.result for document in documents]


def _read(pipeline: Pipeline, raw: RawDocument, budget: float) -> _Document:
    began = time.perf_counter()
    try:
        article = within(budget, lambda: pipeline.read(raw))
    except OverBudget:
        return _Document(raw, over_budget(raw, budget), 0.0)
    return _Document(raw, article, budget - (time.perf_counter() - began))


def _stages(pipeline: Pipeline, group: list[_Document], *, seconds: float) -> bool:
    """Run the stages over ``group`` within ``seconds``; ``False`` (results untouched) when it runs out.

    A single document that runs out is marked by a negative ``left``.
    """
    articles = [document.result for document in group if isinstance(document.result, Article)]
    try:
        done = within(seconds, lambda: list(pipeline.pipe(articles, batch_size=len(articles))))
    except OverBudget:
        if len(group) == 1:
            group[0].left = -1.0
        return False
    if len(done) != len(articles):
        raise RuntimeError(f"the stages gave {len(done)} articles for {len(articles)}; "
                           "a stage must yield one article per article")
    for document, article in zip(group, done, strict=True):
        document.result = article
    return True
