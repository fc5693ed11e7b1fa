"""``newsprism link``: recompute duplicates, lineage, stories, corpus entities, claims and site furniture."""

from __future__ import annotations

import click

from ..store import default_db, open_store
from ._common import echo_json, is_tty, settings_from
from ._progress import Display


@click.command()
@click.option("--db", default=None, help="Corpus: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) "
                                         "or a postgresql:// URL.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--reclean", is_flag=True, help="Also re-clean (and re-extract) stored articles of sites whose "
                                              "repeated furniture lines were learned, then link again.")
@click.option("--full", is_flag=True, help="Recompute every link from scratch (default: duplicates are linked "
                                           "only where articles are new, changed or gone; same result).")
@click.option("--progress/--no-progress", default=None,
              help="Each step and its time on stderr (default: when it is a terminal and not --json).")
@click.pass_context
def link(ctx: click.Context, db: str | None, as_json: bool, reclean: bool, full: bool, progress: bool | None) -> None:
    """Link the corpus: the link tables are brought up to date and replaced in one transaction."""
    from ..link.run import link_corpus
    from .ingest import interrupted, show_progress

    settings = settings_from(ctx)
    target = db or default_db()
    display = Display(enabled=show_progress(progress, as_json=as_json), terminal=is_tty(), label="linking")
    try:
        store = open_store(target, settings=settings)
        try:
            with display:
                summary = link_corpus(store, settings=settings, report=display.on_step, full=full).as_dict()
            if reclean:
                from ..link.reclean import recleaned

                changed = store.replace_articles(recleaned(store, settings=settings))
                click.echo(f"re-cleaned {changed} articles with their site's learned furniture", err=True)
                if changed:
                    with display:
                        summary = link_corpus(store, settings=settings, report=display.on_step).as_dict()
        finally:
            store.close()
    except KeyboardInterrupt:
        interrupted(ctx, "Interrupted: the links are as they were (a link run replaces them all at once, or not at "
                         "all). Run the same command again.")
    if as_json:
        echo_json(summary)
    click.echo(f"linked {summary['articles']} articles: {summary['duplicate_groups']} duplicate groups "
               f"({summary['duplicates']} copies), {summary['lineage']} lineage links, {summary['stories']} stories, "
               f"{summary['corpus_entities']} corpus entities ({summary['merged_entities']} merged across spellings), "
               f"{summary['claim_rows']} aligned claims, {summary['furniture_lines']} site furniture lines "
               f"({summary['seconds']} s) -> {target}", err=True)
