"""Ingestion: sources -> pipeline (in a process pool) -> store, resumably.

1. Sources stream raw documents; each is hashed (URL + content).
2. Documents already in the store's ``seen`` table are skipped before any
   processing, so a re-run costs little and adds nothing.
3. The rest are processed in batches, in worker processes (one pipeline per
   process, spaCy loaded once), with a bounded number of batches in flight
   so memory stays flat.
4. Each batch is written in one transaction with its ``seen`` rows and
   failures: a killed run loses at most the batches in flight, and a re-run
   finishes the job without duplicates.
5. After each batch is written, the ``progress`` callback hears of each of
   its documents (:class:`~newsprism.progress.IngestProgress`). The first
   batches are small (1, 2, 4, ... documents, up to ``batch_size``), so the
   first results come within seconds rather than after a whole batch (#15).
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from . import budget
from .codes import Code
from .config import Settings
from .errors import StoreError
from .model import Article, Failure, RawDocument
from .pipeline import RUN_LOCK, Pipeline, shared_pipeline
from .progress import IngestProgress, ReadMeter, Step
from .registry import Resources
from .store.base import AddResult, SeenDocument, Store
from .workers import WorkerPool, die_with

if TYPE_CHECKING:
    from .link.run import LinkSummary

log = logging.getLogger(__name__)

#: Issues that mean "no article came out of this document"; the first one met names the failure. An HTML
#: page with no main text was an E104 like a missing file, so 'failures --code E104' mixed the two (#14).
FATAL_ISSUES = frozenset({Code.NO_TEXT, Code.EMPTY_INPUT, Code.BINARY_INPUT, Code.NO_HTML_STRUCTURE,
                          Code.NO_MAIN_TEXT, Code.HTML_EXTRACTION_FAILED, Code.OVER_TIME_BUDGET})
#: Failures that may go away by themselves or with larger limits (a busy machine, a larger ``time_budget``):
#: their documents are not recorded as seen, so the next run tries them again (#16). A time-out marked as
#: seen was lost for good: re-running with the larger budget its message advised stored nothing.
RETRYABLE = frozenset({Code.OVER_TIME_BUDGET, Code.WORKER_DIED, Code.NOT_STORED})
#: The facts an ingest counts in its new articles (:attr:`IngestSummary.found`).
FACT_KINDS = ("entities", "quotes", "claims", "times", "places")


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did."""

    run_id: int = 0
    read: int = 0
    new: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: facts of the new articles, by kind: entities, quotes, claims, times, places
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACT_KINDS, 0))
    #: what linking the corpus after the run found (``None`` when the run was told not to link)
    link: LinkSummary | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (failures as dicts)."""
        return {
            "run_id": self.run_id, "read": self.read, "new": self.new, "duplicate": self.duplicate,
            "skipped": self.skipped, "failed": self.failed, "seconds": round(self.seconds, 3),
            "found": dict(self.found),
            "failures": [{"source": f.source, "url": f.url, "code": f.code, "message": f.message}
                         for f in self.failures],
        }


def learned_furniture(store: Store) -> dict[str, set[str]]:
    """Per-site furniture a previous link run learned, or nothing when the store has none yet."""
    read = getattr(store, "site_furniture", None)  # a store of another kind may keep no link tables
    found: dict[str, set[str]] = read() if read is not None else {}
    return found


def raw_hash(raw: RawDocument) -> str:
    """Identity of a raw document: its URL and its content."""
    digest = hashlib.sha256((raw.url or "").encode("utf-8") + b"\0")
    digest.update(raw.content if isinstance(raw.content, bytes) else raw.content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- worker side ----------------------------------------------------------------

_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings, resources: Resources, parent: int) -> None:
    global _PIPELINE
    die_with(parent)  # a SIGKILLed ingest must not leave its workers behind (#16)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _PIPELINE = _warmed(Pipeline(settings, resources=resources))


def _warmed(pipeline: Pipeline) -> Pipeline:
    """Run the pipeline once on a tiny text, so that models load outside any document's time budget
    (on a busy machine, loading spaCy inside the first batch's budget turned good documents into E901)."""
    list(pipeline.run([RawDocument(content="Warm-up: the mayor said on Monday.", kind="text", source="<warm-up>")]))
    pipeline.times = type(pipeline.times)()
    return pipeline


def process_batch(raws: Sequence[RawDocument], pipeline: Pipeline | None = None) -> list[Article | Failure]:
    """Process raw documents into articles; a document over its own time budget becomes a failure (E901).

    See :mod:`newsprism.budget` for how each document gets ``time_budget`` of its own.
    """
    pipe = pipeline or _PIPELINE
    if pipe is None:
        raise RuntimeError("process_batch called in a worker that was not initialised")
    try:
        return _one_each(budget.process(pipe, raws), raws)
    except Exception:  # noqa: BLE001 - whatever one document causes must cost that document only (#16)
        log.warning("processing a batch failed; processing its documents one by one", exc_info=True)
    return [_alone(pipe, raw) for raw in raws]


def _alone(pipeline: Pipeline, raw: RawDocument) -> Article | Failure:
    try:
        return _one_each(budget.process(pipeline, [raw]), [raw])[0]
    except Exception as e:  # noqa: BLE001 - recorded as this document's failure, never lost
        log.debug("processing %s failed", raw.source, exc_info=True)
        return Failure(source=raw.source, url=raw.url, code=Code.PROCESSING_FAILED, message=f"processing failed: {type(e).__name__}: {e}")


def _one_each(results: list[Article | Failure], raws: Sequence[RawDocument]) -> list[Article | Failure]:
    """``results``, checked to hold one result per document (a stage that drops or adds articles breaks it)."""
    if len(results) != len(raws):
        raise RuntimeError(f"{len(raws)} documents gave {len(results)} results; a stage must yield one article per article")
    return results


def process_batch_with(raws: Sequence[RawDocument], settings: Settings,
                       resources: Resources | None = None) -> list[Article | Failure]:
    """:func:`process_batch` for executors without initialisers (Dask): one pipeline per process, settings
    and resources (see :func:`~newsprism.pipeline.shared_pipeline`).

    The whole task runs under the process's :data:`~newsprism.pipeline.RUN_LOCK`, so a process runs one
    batch at a time however many threads call it: a Dask worker runs several tasks at once in threads by
    default, and two batches at once lost documents' facts (#18). The first task in a process also builds
    and warms the pipeline under the lock, so models load once, before any document.
    """
    with RUN_LOCK:
        return process_batch(raws, shared_pipeline(settings, resources=resources, prepare=_warmed))


# -- parent side ----------------------------------------------------------------


class _Pending(Protocol):
    def result(self) -> list[Article | Failure]: ...


@dataclass(slots=True)
class Batch:
    """Documents read together: the new ones to process with their hashes, the sources' failures among
    them, and how far reading had got after each document read (already ingested ones included)."""

    raws: list[RawDocument]
    hashes: list[str]
    failures: list[Failure]
    positions: list[int]


def _chunks(items: Iterable[tuple[RawDocument | Failure, int]], size: int
            ) -> Iterator[list[tuple[RawDocument | Failure, int]]]:
    """Chunks of 1, 2, 4, ... items up to ``size``: the first results of a run come after one document
    has been processed, not a whole batch (a bar stood at 0 for the first 18 s of a run, #15)."""
    iterator = iter(items)
    step = 1
    while chunk := list(islice(iterator, min(step, size))):
        yield chunk
        step *= 2


def _as_failure(article: Article) -> Failure | None:
    fatal = [issue for issue in article.issues if issue.code in FATAL_ISSUES]
    if not fatal:
        return None
    return Failure(source=article.source, url=article.url, code=fatal[0].code, message=fatal[0].message)


class Ingestor:
    """Runs one ingest: see the module docstring for the steps. With ``link`` (the default), :meth:`finish`
    links the corpus, so every way to ingest (CLI, library, web, Dask) leaves stories and duplicates current;
    ``link_report`` hears of each link step (#14)."""

    def __init__(self, store: Store, *, settings: Settings, workers: int | None = None,
                 progress: Callable[[IngestProgress], None] | None = None, meter: ReadMeter | None = None,
                 link: bool = True, link_report: Callable[[Step], None] | None = None) -> None:
        self.store = store
        self.settings = settings
        self.link = link
        self.link_report = link_report
        count = settings.workers if workers is None else workers
        self.workers = count if count > 0 else (os.cpu_count() or 1)
        self.progress = progress
        #: how far reading has got; the sources given to :meth:`run` tell it (see :func:`ingest`)
        self.meter = meter or ReadMeter()
        self.finished = 0  # documents whose result is written
        self.summary = IngestSummary()
        self._local: Pipeline | None = None
        #: hashes of the documents read and not yet written: the written ones are in the store's ``seen``
        #: table, so the set stays as small as the batches in flight however long the run (#17)
        self._in_flight: set[str] = set()
        #: process ids of the worker processes the run used (recycled ones included)
        self.worker_pids: set[int] = set()
        #: what earlier link runs taught the stages: per-site furniture (site -> line hashes)
        self.resources = Resources(site_furniture=learned_furniture(store))

    def run(self, documents: Iterable[RawDocument | Failure], *, sources: Sequence[str] = ()) -> IngestSummary:
        """Ingest every document; returns the summary (also recorded in the store)."""
        start = time.perf_counter()
        batches = self.prepare(documents, sources=sources)
        if self.workers <= 1:
            self._local = _warmed(Pipeline(self.settings, resources=self.resources))
            for batch in batches:
                self._write(process_batch(batch.raws, self._local), batch)
            self.summary.stage_seconds = dict(self._local.times.seconds)
        else:
            self._run_pool(batches)
        return self.finish(start)

    def _run_pool(self, batches: Iterator[Batch]) -> None:
        with WorkerPool(self.workers, task=process_batch, initializer=_init_worker,
                        initargs=(self.settings, self.resources),
                        max_documents=self.settings.worker_max_documents) as pool:
            try:
                self.run_with(batches, submit=pool.submit, width=self.workers)
            finally:
                self.worker_pids = set(pool.pids)

    def run_with(self, batches: Iterator[Batch], *, submit: Callable[[list[RawDocument]], _Pending],
                 width: int) -> None:
        """Process batches through any executor (``submit`` returns a future); write results in order.

        At most ``2 * width`` batches are in flight, so memory stays flat however long the input. A batch
        with nothing to process (all already ingested) waits for the batches before it, so that progress
        is told in input order.
        """
        in_flight: deque[tuple[_Pending | None, Batch]] = deque()
        busy = 0
        for batch in batches:
            in_flight.append((submit(batch.raws) if batch.raws else None, batch))
            busy += bool(batch.raws)
            while in_flight and (in_flight[0][0] is None or busy > width * 2):
                busy -= self._write_next(in_flight)
        while in_flight:
            self._write_next(in_flight)

    def _write_next(self, in_flight: deque[tuple[_Pending | None, Batch]]) -> int:
        """Write the oldest batch (waiting for its results); 1 when it was being processed, else 0."""
        future, batch = in_flight.popleft()
        self._write(future.result() if future is not None else [], batch)
        return int(future is not None)

    def prepare(self, documents: Iterable[RawDocument | Failure], *, sources: Sequence[str] = ()
                ) -> Iterator[Batch]:
        """Start a run and return its batches (for engines that drive :meth:`run_with` themselves)."""
        self.summary.run_id = self.store.start_run(list(sources))
        return self._prepare(documents)

    def finish(self, started: float) -> IngestSummary:
        """Record the run's summary in the store, link the corpus (unless told not to) and return the summary."""
        self.summary.seconds = time.perf_counter() - started
        self.store.finish_run(self.summary.run_id, self.summary.as_dict())
        if self.link:
            from .link.run import link_corpus

            self.summary.link = link_corpus(self.store, settings=self.settings, report=self.link_report)
        return self.summary

    def _prepare(self, documents: Iterable[RawDocument | Failure]) -> Iterator[Batch]:
        """Batches of new raw documents, their hashes and the sources' failures; already-seen ones skipped."""
        in_run = self._in_flight
        measured = ((document, self.meter.position) for document in documents)  # read right after each one
        for pairs in _chunks(measured, self.settings.batch_size):
            chunk = [document for document, _ in pairs]
            failures = [d for d in chunk if isinstance(d, Failure)]
            raws = [d for d in chunk if isinstance(d, RawDocument)]
            self.summary.read += len(chunk)
            hashes = [raw_hash(raw) for raw in raws]
            already = self.store.seen(hashes)
            todo: list[RawDocument] = []
            todo_hashes: list[str] = []
            for raw, digest in zip(raws, hashes, strict=True):
                if digest in already or digest in in_run:
                    self.summary.skipped += 1
                    continue
                in_run.add(digest)
                todo.append(raw)
                todo_hashes.append(digest)
            yield Batch(todo, todo_hashes, failures, [position for _, position in pairs])

    def _write(self, results: list[Article | Failure], batch: Batch) -> None:
        articles: list[Article] = []
        failures = list(batch.failures)
        seen: list[SeenDocument] = []
        stored: list[SeenDocument] = []  # the seen rows of ``articles``, in order
        for result, raw, digest in zip(results, batch.raws, batch.hashes, strict=True):
            failure = result if isinstance(result, Failure) else _as_failure(result)
            if failure is not None or not isinstance(result, Article):
                failure = failure or Failure(source=raw.source, url=raw.url, code=Code.PROCESSING_FAILED, message="no result")
                failures.append(failure)
                if failure.code not in RETRYABLE:
                    seen.append(SeenDocument(raw_hash=digest, article_id=None, source=raw.source))
                continue
            articles.append(result)
            stored.append(SeenDocument(raw_hash=digest, article_id=result.id, source=raw.source))
        failures = [_printable(failure) for failure in failures]
        try:
            added = self.store.add(articles, seen=[*stored, *seen], failures=failures, run_id=self.summary.run_id)
        except StoreError:
            raise
        except Exception:  # noqa: BLE001 - a value in one article that the store cannot take must cost that article only
            log.warning("the corpus could not take a batch; writing its articles one by one", exc_info=True)
            added, lost = self._add_each(articles, stored)
            failures.extend(lost)
            self.store.add([], seen=seen, failures=failures, run_id=self.summary.run_id)
        self.summary.new += len(added.new)
        self.summary.duplicate += len(added.duplicates)
        self.summary.failed += len(failures)
        self.summary.failures.extend(failures)
        self._count_found(articles, added.new)
        self._in_flight.difference_update(batch.hashes)
        self._advance(batch.positions)

    def _count_found(self, articles: list[Article], new: list[str]) -> None:
        by_id = {article.id: article for article in articles}
        for article in (by_id[article_id] for article_id in new if article_id in by_id):
            for kind in FACT_KINDS:
                self.summary.found[kind] += len(getattr(article, kind))

    def _advance(self, positions: list[int]) -> None:
        """Tell the ``progress`` callback of each document of a written batch, in input order."""
        if self.progress is None:
            self.finished += len(positions)
            return
        meter = self.meter
        for position in positions:
            self.finished += 1
            done = position if meter.unit == "bytes" else self.finished
            self.progress(IngestProgress(documents=self.finished, done=done, total=meter.total, unit=meter.unit))

    def _add_each(self, articles: list[Article], stored: list[SeenDocument]) -> tuple[AddResult, list[Failure]]:
        """Write articles one at a time; one the store refuses becomes a failure E903 (tried again next run)."""
        added = AddResult()
        lost: list[Failure] = []
        for article, row in zip(articles, stored, strict=True):
            try:
                one = self.store.add([article], seen=[row], run_id=self.summary.run_id)
            except StoreError:
                raise
            except Exception as e:  # noqa: BLE001 - recorded as this document's failure, never lost
                lost.append(_printable(Failure(
                    source=article.source, url=article.url, code=Code.NOT_STORED,
                    message=f"the corpus could not store it: {type(e).__name__}: {e}; the rest of the run went on")))
                continue
            added.new.extend(one.new)
            added.duplicates.extend(one.duplicates)
        return added, lost


def _printable(failure: Failure) -> Failure:
    """``failure`` with any text no store can hold escaped (an exception's message may quote anything)."""
    from .sources import printable_name

    def fix(text: str | None) -> str | None:
        return printable_name(text) if text else text

    return Failure(source=printable_name(failure.source), url=fix(failure.url), code=failure.code,
                   message=printable_name(failure.message))


def ingest(sources: Sequence[str], *, store: Store, settings: Settings, workers: int | None = None,
           progress: Callable[[IngestProgress], None] | None = None, link: bool = True,
           link_report: Callable[[Step], None] | None = None) -> IngestSummary:
    """Ingest files, folders, archives, feeds and URLs into ``store``, then link the corpus.

    Args:
        sources: Paths, URLs or ``-`` for standard input.
        store: The corpus to write to.
        settings: Pipeline and source settings.
        workers: Worker processes (default: ``settings.workers``, 0 = one per core).
        progress: Called after each finished document with how far the run has got
            (:class:`~newsprism.progress.IngestProgress`: documents, and a total when one can be known).
        link: Link the corpus after the run (:func:`newsprism.link.run.link_corpus`; its summary is
            ``IngestSummary.link``), so duplicates, stories and corpus entities take in the new articles.
            ``False`` leaves that to a later ``newsprism link``.
        link_report: Called when each link step starts and ends (:class:`~newsprism.progress.Step`).

    .. versionchanged:: 0.1 links the corpus after the run, as ``newsprism ingest`` did alone (#14).
    """
    from .sources import iter_documents

    meter = ReadMeter.plan(sources)
    documents = iter_documents(list(sources), settings=settings, meter=meter)
    ingestor = Ingestor(store, settings=settings, workers=workers, progress=progress, meter=meter, link=link,
                        link_report=link_report)
    return ingestor.run(documents, sources=sources)
