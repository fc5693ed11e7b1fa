"""``newsprism ingest``: sources into the corpus, with a summary."""

from __future__ import annotations

from typing import Any

import click

from ..ingest import IngestSummary
from ..store import default_db, open_store
from ._common import echo_json, is_tty, settings_from


def _print_summary(summary: dict[str, Any], *, db: str) -> None:
    click.echo(f"read {summary['read']}, new {summary['new']}, duplicate {summary['duplicate']}, "
               f"already ingested {summary['skipped']}, failed {summary['failed']} "
               f"({summary['seconds']} s) -> {db}", err=True)
    failures: list[dict[str, Any]] = summary["failures"]
    for failure in failures[:50]:
        where = failure["url"] or failure["source"]
        click.echo(f"  failed: {where}: [{failure['code']}] {failure['message']}", err=True)
    if len(failures) > 50:
        click.echo(f"  ... and {len(failures) - 50} more (newsprism failures --db {db})", err=True)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", default=None, help="Corpus: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) "
                                         "or a postgresql:// URL.")
@click.option("--workers", type=int, default=None,
              help="Worker processes (default: the 'workers' setting; 0 = one per core, 1 = no pool).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (a process pool, or one process with --workers 1); "
                   "dask: a Dask cluster (--scheduler, or a local cluster of two workers).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.")
@click.option("--allow-private", is_flag=True, help="Allow fetching private and loopback addresses (link-local ones, such as cloud "
              "metadata, only when named in the setting allow_addresses).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when it is a terminal).")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], db: str | None, workers: int | None, engine: str,
           scheduler: str | None, allow_private: bool, as_json: bool, progress: bool | None) -> None:
    """Ingest files, folders, WARC archives, feeds, JSON Lines, URLs or - (stdin) into a corpus.

    A second run over the same sources adds nothing; a killed run can simply
    be started again.
    """
    from ..ingest import ingest as local_ingest

    def run_ingest(sources: tuple[str, ...], **options: Any) -> IngestSummary:
        if engine == "dask":
            from ..scale.dask import ingest_dask

            options.pop("workers", None)
            return ingest_dask(sources, scheduler=scheduler, **options)
        return local_ingest(sources, **options)
    settings = settings_from(ctx)
    if allow_private:
        settings = settings.replace(allow_private=True)
    target = db or default_db()
    store = open_store(target, settings=settings)
    show = is_tty() if progress is None else progress
    try:
        if show:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            with Progress(TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} documents"),
                          TimeElapsedColumn(), transient=True) as bar:
                task = bar.add_task("ingest", total=None)
                summary = run_ingest(sources, store=store, settings=settings, workers=workers,
                                     progress=lambda told: bar.update(task, completed=told.documents))
        else:
            summary = run_ingest(sources, store=store, settings=settings, workers=workers)
        from ..link.run import link_corpus

        link_corpus(store, settings=settings)  # corpus-level links follow every ingest
    finally:
        store.close()
    data = summary.as_dict()
    if as_json:
        echo_json(data)
    _print_summary(data, db=target)
