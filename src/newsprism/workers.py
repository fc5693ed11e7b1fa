"""Worker processes for an ingest: they die with it, and a worker that dies costs only its document (#16).

1. Workers are started with ``spawn``, so each is a child of the ingest itself, and each asks the kernel
   (Linux ``prctl(PR_SET_PDEATHSIG)``) to be killed when the ingest dies; elsewhere a watchdog thread
   checks every second that the ingest is still its parent. A SIGKILLed ingest used to leave its
   forkserver, resource tracker and workers running (about 700 MB), reparented to PID 1: a forkserver's
   workers keep it alive, and nothing told them their ingest was gone.
2. When a worker dies (a crash in a compiled library, out of memory, killed), the pool is broken and
   every batch in it fails. The pool is started again, and each document of those batches is processed
   alone, so the one that kills its worker again is found: it becomes a failure E902, and the others
   are stored. A batch whose result cannot come back to the ingest is handled the same way.
3. Ctrl-C is the ingest's to handle (#15). A terminal signals every process of the group, so workers
   are started with SIGINT blocked and ignore it from their first instruction on, before their
   initializer could say so. When the ingest leaves the pool on an exception (Ctrl-C included) the
   workers are killed at once instead of being waited for: their batches would be thrown away, and a
   Ctrl-C waited for the batches in flight (7 to 16 s on the bundled examples).
4. Workers are recycled (#17): once the pool has been given ``max_documents`` documents per worker, the
   batches in flight finish in the old processes and the next batch starts fresh ones, so what a
   long run leaks (lxml-based extraction does) is returned to the system. A document is submitted to
   exactly one generation of the pool, so none is lost or processed twice. The whole pool is replaced
   between batches, because ``max_tasks_per_child`` hangs the executor on Python 3.11 with ``spawn``.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from .codes import Code
from .model import Article, Failure, RawDocument

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1

Task = Callable[[Sequence[RawDocument]], list[Article | Failure]]


def die_with(parent: int) -> None:
    """End this process when process ``parent`` (its parent) ends; call it first thing in a worker."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the request: nobody will send it
                    os._exit(1)
                return
        except (OSError, AttributeError):  # no usable libc: watch instead
            log.debug("prctl unavailable; watching the parent instead", exc_info=True)
    threading.Thread(target=_watch, args=(parent,), name="newsprism-lifeline", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


@contextmanager
def _no_sigint() -> Iterator[None]:
    """SIGINT blocked in this thread meanwhile: processes started now begin with it blocked (a mask is
    inherited), and a Ctrl-C that comes meanwhile is delivered here when it ends, not lost."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _crashed(raw: RawDocument) -> Failure:
    return Failure(source=raw.source, url=raw.url, code=Code.WORKER_DIED,
                   message="the worker process processing it died (a crash in a library, out of memory, or killed); "
                           "the rest of the run went on, and the next run tries it again")


class _Pending:
    """A batch in the pool; :meth:`result` never raises for what one document can cause."""

    def __init__(self, pool: WorkerPool, raws: Sequence[RawDocument], future: Future[list[Article | Failure]]) -> None:
        self.pool = pool
        self.raws = raws
        self.future = future
        self.generation = pool.generation

    def result(self) -> list[Article | Failure]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            log.warning("a worker process died; processing its documents one by one to find the cause")
            return self.pool.one_by_one(self.raws, broken=self.generation)
        except Exception:  # noqa: BLE001 - a result that cannot come back costs its documents, not the run
            log.warning("a batch's result could not be returned; processing its documents one by one", exc_info=True)
            return self.pool.one_by_one(self.raws)


class WorkerPool:
    """A process pool that survives its workers: see the module docstring.

    Args:
        width: Worker processes.
        task: What a worker runs over a batch (a module-level function).
        initializer: Run first in each worker, with ``initargs`` and then the ingest's process id; it
            must call :func:`die_with` with that id.
    """

    def __init__(self, width: int, *, task: Task, initializer: Callable[..., None], initargs: tuple[Any, ...],
                 max_documents: int = 0) -> None:
        self.width = width
        self.task = task
        self.initializer = initializer
        self.initargs = (*initargs, os.getpid())
        #: documents per worker before the workers are replaced (0: never)
        self.max_documents = max_documents
        self.generation = 0
        #: documents given to the current generation of workers
        self.given = 0
        #: process ids of every worker this pool started
        self.pids: set[int] = set()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing

        with _no_sigint():  # its queues may start multiprocessing's resource tracker
            return ProcessPoolExecutor(max_workers=self.width, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=self.initializer, initargs=self.initargs)

    def _submit(self, raws: Sequence[RawDocument]) -> Future[list[Article | Failure]]:
        if self.max_documents > 0 and self.given >= self.max_documents * self.width:
            self._recycle()
        self.given += len(raws)
        with _no_sigint():  # the executor starts its worker processes as work is submitted
            future = self._executor.submit(self.task, raws)
        processes: dict[int, Any] = getattr(self._executor, "_processes", None) or {}
        self.pids.update(processes)
        return future

    def _recycle(self) -> None:
        """Replace the workers by fresh processes; the batches in flight finish in the old ones first
        (their futures stay valid), so no document is lost or processed twice."""
        log.debug("recycling %d worker processes after %d documents", self.width, self.given)
        self._executor.shutdown(wait=True)
        self._executor = self._start()
        self.given = 0

    def _kill(self) -> None:
        """Kill the worker processes now (their work is lost) and let the executor wind down."""
        processes: dict[int, Any] = getattr(self._executor, "_processes", None) or {}
        for process in list(processes.values()):
            try:
                process.kill()
            except (OSError, ValueError):  # already gone, or already closed
                continue
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.generation += 1
        self.given = 0
        self._executor = self._start()

    def submit(self, raws: Sequence[RawDocument]) -> _Pending:
        """Start processing a batch."""
        return _Pending(self, raws, self._submit(raws))

    def one_by_one(self, raws: Sequence[RawDocument], *, broken: int | None = None) -> list[Article | Failure]:
        """Process each document alone; one whose worker dies (again) is a failure E902.

        ``broken`` is the generation of the pool a batch failed in: the pool is started again unless
        that was done already.
        """
        if broken == self.generation:
            self._restart()
        results: list[Article | Failure] = []
        for raw in raws:
            try:
                results.extend(self._submit([raw]).result())
            except BrokenProcessPool:
                results.append(_crashed(raw))
                self._restart()
            except Exception as e:  # noqa: BLE001 - recorded as this document's failure, never lost
                results.append(Failure(source=raw.source, url=raw.url, code=Code.PROCESSING_FAILED,
                                       message=f"processing failed: {type(e).__name__}: {e}"))
        return results

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if error is not None:
            self._kill()
            return
        self._executor.shutdown(wait=True, cancel_futures=True)
