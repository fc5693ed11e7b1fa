"""``newsprism entities``: corpus entities, and manual merge/split decisions that survive re-ingestion."""

from __future__ import annotations

import json
from typing import Any

import click

from ..store import default_db, open_store
from ._common import echo_json, settings_from

_DB_HELP = "Corpus: a SQLite file (default ./newsprism.db or $NEWSPRISM_DB) or a postgresql:// URL."


@click.group()
def entities() -> None:
    """List, show, merge and split entities across the corpus."""


def _open(ctx: click.Context, db: str | None, *, readonly: bool = False) -> Any:
    target = db or default_db()
    # Reading opens SQLite read-only, so a mistyped --db is "no corpus", not a new empty one (#15).
    return open_store(target, settings=settings_from(ctx),
                      readonly=readonly and not target.startswith(("postgresql://", "postgres://")))


@entities.command("list")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--label", default=None, help="Only this label (PERSON, ORG, GPE, ...).")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many entities.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout.")
@click.pass_context
def list_entities(ctx: click.Context, db: str | None, label: str | None, limit: int, as_json: bool) -> None:
    """Corpus entities, most widely mentioned first."""
    from ..store.links import LinkDB, read_table

    store = _open(ctx, db, readonly=True)
    try:
        rows = read_table(LinkDB(store), "corpus_entities", where="label = ?" if label else "",
                          params=(label,) if label else (), order="articles DESC, name")
    finally:
        store.close()
    for row in rows[:limit]:
        if as_json:
            echo_json({**row, "variants": json.loads(row["variants"]), "evidence": json.loads(row["evidence"])})
        else:
            variants = [v for v in json.loads(row["variants"]) if v != row["name"]]
            click.echo(f"{row['name']} ({row['label']}, {row['articles']} articles)"
                       + (f"  also: {', '.join(variants)}" if variants else ""))


@entities.command("show")
@click.argument("name")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the entity, its evidence and its articles as JSON.")
@click.pass_context
def show_entity(ctx: click.Context, name: str, db: str | None, as_json: bool) -> None:
    """One corpus entity (by its name or any variant) with how its variants were merged and its articles."""
    from ..store.links import LinkDB, read_table

    store = _open(ctx, db, readonly=True)
    try:
        link_db = LinkDB(store)
        found = [r for r in read_table(link_db, "corpus_entities", order="corpus_id")
                 if r["name"].casefold() == name.casefold()
                 or name.casefold() in (v.casefold() for v in json.loads(r["variants"]))]
        if not found:
            raise click.ClickException(f"no corpus entity named {name!r}; run 'newsprism link' first?")
        for row in found:
            members = read_table(link_db, "corpus_entity_members", where="corpus_id = ?", params=(row["corpus_id"],),
                                 order="article_id, entity_id")
            data = {**row, "variants": json.loads(row["variants"]), "evidence": json.loads(row["evidence"]),
                    "members": members}
            if as_json:
                echo_json(data)
            else:
                click.echo(_readable(data))
    finally:
        store.close()


def _readable(entity: dict[str, Any]) -> str:
    """An entity for the terminal: name, variants with the evidence of each merge, articles."""
    lines = [f"{entity['name']} ({entity['label']}), in {entity['articles']} articles  [{entity['corpus_id']}]",
             "  also written: " + ", ".join(v for v in entity["variants"] if v != entity["name"]),
             "  merged because:"]
    for item in entity["evidence"]:
        if isinstance(item, dict) and "a" in item and "b" in item:
            lines.append(f"    {item['a']} = {item['b']}  ({item.get('rule', '?')}, score {item.get('score', '?')})")
        elif isinstance(item, dict):
            lines.append("  " + ", ".join(f"{k} {v}" for k, v in item.items()))
        else:
            lines.append(f"  {item}")
    articles = sorted({m["article_id"] for m in entity["members"]})
    lines.append(f"  articles: {', '.join(articles)}")
    return "\n".join(lines)


def _decide(ctx: click.Context, action: str, names: tuple[str, ...], db: str | None, label: str | None,
            note: str | None, relink: bool) -> None:
    from ..link.run import link_corpus
    from ..store.links import LinkDB, add_decision

    if len(names) < 2:
        raise click.UsageError(f"'{action}' needs at least two names")
    store = _open(ctx, db)
    try:
        add_decision(LinkDB(store), action, names, label=label, note=note)
        click.echo(f"recorded: {action} {', '.join(names)}", err=True)
        if relink:
            link_corpus(store, settings=settings_from(ctx))
    finally:
        store.close()


_OPTIONS = [
    click.option("--db", default=None, help=_DB_HELP),
    click.option("--label", default=None, help="Only entities with this label (default: any)."),
    click.option("--note", default=None, help="Why, for the next person to read."),
    click.option("--relink/--no-relink", default=True, help="Recompute the links now (default) or at the next run."),
]


def _with_options(func: Any) -> Any:
    for option in reversed(_OPTIONS):
        func = option(func)
    return func


@entities.command("merge")
@click.argument("names", nargs=-1, required=True)
@_with_options
@click.pass_context
def merge(ctx: click.Context, names: tuple[str, ...], db: str | None, label: str | None, note: str | None,
          relink: bool) -> None:
    """Force NAMES into one entity (the first name is kept as the canonical one)."""
    _decide(ctx, "merge", names, db, label, note, relink)


@entities.command("split")
@click.argument("names", nargs=-1, required=True)
@_with_options
@click.pass_context
def split(ctx: click.Context, names: tuple[str, ...], db: str | None, label: str | None, note: str | None,
          relink: bool) -> None:
    """Keep NAMES apart: no automatic merge may put two of them together."""
    _decide(ctx, "split", names, db, label, note, relink)
