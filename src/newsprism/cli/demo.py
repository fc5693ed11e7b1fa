"""``newsprism demo``: ingest the bundled examples and show what was found."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from ..store import open_store
from ._common import is_tty, settings_from


def find_examples() -> Path | None:
    """The bundled ``examples/`` folder: in the working directory, else beside the source tree."""
    candidates = [Path.cwd() / "examples", Path(__file__).resolve().parents[3] / "examples"]
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    return None


def _top(store_conn_rows: list[tuple[str, str, int]], limit: int = 8) -> list[str]:
    return [f"{name} ({label}, {count} articles)" for name, label, count in store_conn_rows[:limit]]


@click.command()
@click.option("--db", default="newsprism-demo.db", show_default=True, help="Corpus file to create or update.")
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder of sample data (default: the bundled examples/).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.pass_context
def demo(ctx: click.Context, db: str, examples_dir: str | None, workers: int | None) -> None:
    """Ingest the bundled sample news into a local corpus and print what it found."""
    from ..ingest import ingest

    folder = Path(examples_dir) if examples_dir else find_examples()
    if folder is None:
        raise InputError("the examples/ folder was not found; run the demo from a clone of the project or "
                         "pass --examples FOLDER", code="E142")
    settings = settings_from(ctx)
    click.echo(f"Ingesting {folder} into {db} …", err=True)
    store = open_store(db, settings=settings)
    try:
        if is_tty():
            from rich.progress import BarColumn, Progress, TextColumn

            with Progress(TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} documents"),
                          transient=True) as bar:
                task = bar.add_task("ingest", total=None)
                summary = ingest([str(folder)], store=store, settings=settings, workers=workers,
                                 progress=lambda n: bar.advance(task, n))
        else:
            summary = ingest([str(folder)], store=store, settings=settings, workers=workers)
        from ..link.run import link_corpus

        link_corpus(store, settings=settings)  # duplicates, stories, corpus entities for the report
        click.echo(_report(store, summary.as_dict(), db))
    finally:
        store.close()


def _report(store: object, summary: dict[str, object], db: str) -> str:
    from ..store.sqlite import SQLiteStore

    lines = [f"\nRead {summary['read']} documents: {summary['new']} new articles, {summary['duplicate']} duplicates, "
             f"{summary['skipped']} already ingested, {summary['failed']} failed."]
    if isinstance(store, SQLiteStore):
        stats = store.stats()["counts"]
        lines.append(f"The corpus {db} holds {stats['articles']} articles with {stats['entities']} entities, "
                     f"{stats['quotes']} quotes, {stats['claims']} numeric claims, {stats['times']} dates, "
                     f"{stats['places']} places; cleaning removed {stats['removals']} lines of page furniture "
                     f"and repaired {stats['repairs']} glued words.")
        conn = store.read_connection()
        rows = conn.execute(
            "SELECT name, label, count(DISTINCT article_id) FROM entities WHERE label IN ('PERSON','ORG','GPE','LOC') "
            "GROUP BY name, label ORDER BY 3 DESC, 1 LIMIT 8").fetchall()
        if rows:
            lines.append("Most mentioned: " + "; ".join(_top(rows)))
        speakers = conn.execute(
            "SELECT speaker_name, count(*) FROM quotes WHERE speaker_name IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC LIMIT 5").fetchall()
        if speakers:
            lines.append("Most quoted: " + "; ".join(f"{name} ({n})" for name, n in speakers))
        stories = conn.execute("SELECT label, size, sources FROM stories ORDER BY size DESC, story_id LIMIT 5").fetchall()
        if stories:
            lines.append("Stories across sources: " + "; ".join(
                f"{label} ({size} articles, {len(json.loads(sources))} sources)" for label, size, sources in stories))
        dupes = conn.execute("SELECT count(DISTINCT group_id) FROM duplicate_groups").fetchone()[0]
        copies = conn.execute("SELECT count(*) FROM lineage").fetchone()[0]
        lines.append(f"Linking found {dupes} groups of duplicates and {copies} copied or translated articles.")
        first = conn.execute("SELECT id, title FROM articles ORDER BY rowid LIMIT 1").fetchone()
    else:
        first = None
    lines += ["", "Try:",
              f"  newsprism search --db {db} evacuated",
              f"  newsprism search --db {db} '\"port strike\"' --sort date"]
    if first:
        lines.append(f"  newsprism show --db {db} {first[0]}      # {first[1]}")
    lines += [f"  newsprism stories --db {db}                 # same story, several outlets, figures side by side",
              f"  newsprism entities show --db {db} Gritsenko   # one person under five spellings",
              f"  newsprism export --db {db} --format jsonl > corpus.jsonl",
              f"  newsprism serve --db {db}                     # the web UI on http://127.0.0.1:8000"]
    return "\n".join(lines)
