"""Ingest on a Dask cluster: workers run the pipeline, the client writes the store.

The client streams the sources and skips what the store has already seen,
exactly as a local ingest does; batches of raw documents go to the cluster as
tasks (each worker builds the pipeline once and keeps it), and results come
back in order to the single writer, so the store ends up the same as after a
single-process run. At most two batches per worker thread are in flight.

A worker process runs one newsprism batch at a time, whatever its number of
threads (#18): each task holds the process's
:data:`~newsprism.pipeline.RUN_LOCK` (see
:func:`~newsprism.ingest.process_batch_with`), because the stages share
per-process state (lazily imported libraries, spaCy and its memory zone, the
parse cache) that two threads must not use at once. Extra threads wait their
turn; parallelism comes from worker processes (``--nworkers`` on
``dask worker``, ``n_workers`` on a ``LocalCluster``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from ..codes import Code
from ..config import Settings
from ..errors import InputError, MissingExtraError
from ..ingest import Ingestor, IngestSummary, process_batch_with
from ..progress import IngestProgress, ReadMeter, Step
from ..store.base import Store


def _client(scheduler: str | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise MissingExtraError("dask", "distributed") from e
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None  # type: ignore[no-untyped-call]
        except OSError as e:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {e}", code=Code.DASK_UNREACHABLE) from e
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           host="127.0.0.1")  # type: ignore[no-untyped-call]
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def ingest_dask(sources: Sequence[str], *, store: Store, settings: Settings, scheduler: str | None = None,
                client: Any = None, progress: Callable[[IngestProgress], None] | None = None, link: bool = True,
                link_report: Callable[[Step], None] | None = None) -> IngestSummary:
    """Ingest ``sources`` with the pipeline running on a Dask cluster.

    Args:
        sources: Paths, URLs or ``-``.
        store: The corpus (written by this process only).
        settings: Pipeline settings (sent to the workers).
        scheduler: Address of a running scheduler (``tcp://host:8786``); without it, a local
            cluster of two worker processes is started for the run.
        client: An existing ``distributed.Client`` to use instead.
        progress: Called after each finished document with how far the run has got (see :func:`newsprism.ingest.ingest`).
        link: Link the corpus after the run, as :func:`newsprism.ingest.ingest` does; ``link_report`` hears of its steps.
    """
    from ..sources import iter_documents

    own_client, cluster = (client, None) if client is not None else _client(scheduler)
    try:
        width = max(1, sum(own_client.nthreads().values()))
        meter = ReadMeter.plan(sources)
        ingestor = Ingestor(store, settings=settings, workers=width, progress=progress, meter=meter, link=link,
                            link_report=link_report)
        started = time.perf_counter()
        resources = own_client.scatter(ingestor.resources, broadcast=True)  # sent once, by value, to each worker
        batches = ingestor.prepare(iter_documents(list(sources), settings=settings, meter=meter), sources=sources)
        ingestor.run_with(batches, width=width,
                          submit=lambda raws: own_client.submit(process_batch_with, raws, settings, resources,
                                                                    pure=False))
        return ingestor.finish(started)
    finally:
        if client is None:
            own_client.close()
            if cluster is not None:
                cluster.close()
