"""``newsprism failures``: the documents an ingest could not turn into articles, and why."""

from __future__ import annotations

from collections import Counter
from typing import Any

import click

from ..codes import Code
from ..store import default_db, open_store
from ._common import echo_json
from ._values import FAILURE_CODE


def _render(rows: list[dict[str, Any]], *, run_id: int | None) -> None:
    scope = f"run {run_id}" if run_id is not None else "all runs"
    if not rows:
        click.echo(f"no failures recorded ({scope})")
        return
    codes = Counter(row["code"] for row in rows)
    click.echo(f"{len(rows)} failures ({scope}): " + ", ".join(f"{code} x{n}" for code, n in codes.most_common()))
    for row in rows:
        where = row["url"] or row["source"]
        click.echo(f"  run {row['run_id']} {row['at']} {where}: [{row['code']}] {row['message']}")


@click.command()
@click.option("--db", default=None, help="Corpus (default ./newsprism.db or $NEWSPRISM_DB).")
@click.option("--run", "run_id", type=int, default=None, help="Only the failures of this ingest run (its id is in "
                                                                "the ingest summary); default: every run, newest first.")
@click.option("--code", type=FAILURE_CODE, default=None, help=f"Only failures with this code, e.g. {Code.OVER_TIME_BUDGET}; docs/errors.md lists them.")
@click.option("--limit", type=click.IntRange(min=1), default=1000, show_default=True, help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one failure per line.")
def failures(db: str | None, run_id: int | None, code: str | None, limit: int, as_json: bool) -> None:
    """List the documents ingest runs could not read or process, each with its code and reason."""
    target = db or default_db()
    store = open_store(target, readonly=not target.startswith(("postgresql://", "postgres://")))
    try:
        # Filtering by code happens here: the store's query has no such filter, so ask for enough rows.
        rows = store.failures(run_id=run_id, limit=limit if code is None else max(limit, 100_000))
    finally:
        store.close()
    if code is not None:
        rows = [row for row in rows if row["code"] == code][:limit]
    if as_json:
        for row in rows:
            echo_json(row)
        return
    _render(rows, run_id=run_id)
