"""``newsprism ingest``: sources into the corpus, with progress and a report of what was found (#15)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..config import Settings
from ..store import default_db, open_store
from ._common import echo_json, is_tty, settings_from
from ._progress import Display
from ._report import corpus_lines, exit_code, ingest_report, render_ingest

if TYPE_CHECKING:
    from ..ingest import IngestSummary
    from ..link.run import LinkSummary

#: Printed after Ctrl-C, instead of a traceback.
RESUME_HINT = ("Interrupted: what was stored is kept. Run the same command again to resume; "
               "documents already stored are skipped.")


def show_progress(progress: bool | None, *, as_json: bool) -> bool:
    """``--progress``/``--no-progress`` when given, else: on a terminal, unless the output is ``--json``."""
    return progress if progress is not None else is_tty() and not as_json


def ingest_and_link(sources: Sequence[str], *, store: Any, settings: Settings, workers: int | None,
                    display: Display, engine: str = "local", scheduler: str | None = None, link: bool = True
                    ) -> tuple[IngestSummary, LinkSummary | None]:
    """Ingest ``sources``, then link the corpus unless ``link`` is false (the ingest does, as every ingest
    does), shown by ``display``; the link summary is ``None`` when no link ran."""
    with display:
        if engine == "dask":
            from ..scale.dask import ingest_dask

            summary = ingest_dask(sources, store=store, settings=settings, scheduler=scheduler, link=link,
                                  progress=display.on_ingest, link_report=display.on_step)
        else:
            from ..ingest import ingest as local_ingest

            summary = local_ingest(sources, store=store, settings=settings, workers=workers, link=link,
                                   progress=display.on_ingest, link_report=display.on_step)
        if link and summary.link is None:
            raise RuntimeError("an ingest told to link returned no link summary")
        return summary, summary.link


def interrupted(ctx: click.Context, hint: str = RESUME_HINT) -> NoReturn:
    """Ctrl-C: ``hint`` on one line, exit 130 (no traceback)."""
    click.echo(f"\n{hint}", err=True)
    ctx.exit(130)


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
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object on stdout (and no "
                                                      "progress, unless --progress).")
@click.option("--progress/--no-progress", default=None,
              help="Progress and link steps on stderr (default: when it is a terminal and not --json).")
@click.option("--link/--no-link", "link", default=True, show_default=True,
              help="Link the corpus after the run (duplicates, stories, corpus entities, claims side by side). "
                   "--no-link for several bulk loads in a row: run 'newsprism link' once after the last.")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], db: str | None, workers: int | None, engine: str,
           scheduler: str | None, allow_private: bool, as_json: bool, progress: bool | None, link: bool) -> None:
    """Ingest files, folders, WARC archives, feeds, JSON Lines, URLs or - (stdin) into a corpus.

    A second run over the same sources adds nothing; a killed or interrupted
    run resumes when started again. Exit 1 when every document read failed;
    0 otherwise, also when everything was already ingested.
    """
    settings = settings_from(ctx)
    if allow_private:
        settings = settings.replace(allow_private=True)
    target = db or default_db()
    display = Display(enabled=show_progress(progress, as_json=as_json), terminal=is_tty())
    try:
        store = open_store(target, settings=settings)
        try:
            summary, linked = ingest_and_link(sources, store=store, settings=settings, workers=workers,
                                              display=display, engine=engine, scheduler=scheduler, link=link)
            report = ingest_report(summary.as_dict(), link=linked.as_dict() if linked else None,
                                   corpus=store.stats()["counts"],
                                   db=target, db_option=db)
            corpus_text = [] if as_json else corpus_lines(store, target, links=False)
        finally:
            store.close()
    except KeyboardInterrupt:
        interrupted(ctx)
    if as_json:
        echo_json(report)
    else:
        click.echo(render_ingest(report, corpus_text=corpus_text), err=True)
    if code := exit_code(report):
        if not as_json:
            click.echo(f"Every document failed: {report['failed']} of {report['failed']} (exit {code}).", err=True)
        ctx.exit(code)
