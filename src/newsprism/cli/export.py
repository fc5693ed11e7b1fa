"""``newsprism export``: the corpus as JSON Lines or Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..codes import Code
from ..errors import InputError
from ..model import article_to_json
from ..store import default_db, open_store
from ..validate import output_folder
from ._values import OUTPUT_FILE


@click.command()
@click.option("--db", default=None, help="Corpus (default ./newsprism.db or $NEWSPRISM_DB).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True,
              help="jsonl: one article JSON per line, every fact included. parquet: one row per article, "
                   "facts as JSON strings.")
@click.option("-o", "--output", default="-", metavar="PATH", help="Output file (default: stdout for jsonl; required for parquet); "
              "a new or empty folder with --partition-by.")
@click.option("--partition-by", "partition", type=click.Choice(["date"]), default=None,
              help="parquet only: write articles/ and facts/ datasets (one row per fact) split into "
                   "published_date=YYYY-MM-DD/ folders, for Spark, DuckDB or pyarrow.")
def export(db: str | None, fmt: str, output: str, partition: str | None) -> None:
    """Export every article with its facts."""
    from ..export import write_parquet, write_parquet_by_date

    if partition is not None and fmt != "parquet":
        raise click.UsageError("--partition-by needs --format parquet")
    if partition is None:  # a file then, checked as the option's type would (a folder is checked on writing)
        context = click.get_current_context()
        option = next(param for param in context.command.params if param.name == "output")
        output = OUTPUT_FILE.convert(output, option, context)
    elif output != "-":
        output_folder(output, name="--output")
    store = open_store(db or default_db(), readonly=True)
    try:
        if fmt == "parquet":
            if output == "-":
                raise InputError("parquet needs a file: use -o corpus.parquet", code=Code.PARQUET_NEEDS_FILE)
            if partition == "date":
                count = write_parquet_by_date(store.iter_articles, Path(output))
                click.echo(f"{count} articles -> {output}/articles, {output}/facts", err=True)
                return
            count = write_parquet(store.iter_articles(), Path(output))
            click.echo(f"{count} articles -> {output}", err=True)
            return
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        try:
            count = 0
            for article in store.iter_articles():
                out.write(json.dumps(article_to_json(article), ensure_ascii=False) + "\n")
                count += 1
        finally:
            if out is not sys.stdout:
                out.close()
        if output != "-":
            click.echo(f"{count} articles -> {output}", err=True)
    finally:
        store.close()
