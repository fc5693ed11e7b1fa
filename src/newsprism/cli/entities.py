"""``newsprism entities``: corpus entities, and manual merge/split decisions that survive re-ingestion."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from ..store import default_db, open_store
from . import _tables as t
from ._common import echo_json, settings_from
from ._corpus import reading

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
    from ..store.links import CorpusEntityRow

    store = _open(ctx, db, readonly=True)
    try:
        rows = store.link_rows(CorpusEntityRow, **({"label": label} if label else {}))
    finally:
        store.close()
    records = [asdict(row) for row in rows[:limit]]
    if as_json:
        for record in records:
            echo_json(record)
        return
    if not records:
        click.echo("No corpus entities" + (f" labelled {label}" if label else "")
                   + ": 'newsprism link' finds them (ingest runs it).", err=True)
        return
    t.echo(t.table([t.Column("Entity", long=True), t.Column("Label"), t.Column("Articles", right=True),
                    t.Column("Also written", long=True)],
                   [(r["name"], r["label"], r["articles"], ", ".join(v for v in r["variants"] if v != r["name"]))
                    for r in records]),
           t.line(f"{len(records)} of {len(rows)} entities. Show one with: newsprism entities show NAME",
                  style="dim"))


@entities.command("show")
@click.argument("name")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the entity, its evidence and its articles as JSON.")
@click.pass_context
def show_entity(ctx: click.Context, name: str, db: str | None, as_json: bool) -> None:
    """One corpus entity (by its name or any variant) with how its variants were merged and its articles."""
    from ..store.links import CorpusEntityRow

    with reading(ctx, db) as corpus:
        found = sorted((r for r in corpus.store.link_rows(CorpusEntityRow) if r.name.casefold() == name.casefold()
                        or name.casefold() in (v.casefold() for v in r.variants)), key=lambda r: r.corpus_id)
        if not found:
            raise click.ClickException(f"no corpus entity named {name!r}; 'newsprism entities list' lists them "
                                       "(run 'newsprism link' first?)")
        records = [_entity_record(corpus, row) for row in found]
    for record in records:
        if as_json:
            echo_json(record)
        else:
            t.echo(*_readable(record))


def _entity_record(corpus: Any, row: Any) -> dict[str, Any]:
    """A corpus entity with its members and the articles naming it (newest first), as the web's entity page
    reads them (:meth:`newsprism.store.reader.CorpusReader.entity_rows`)."""
    from ..store.links import EntityMemberRow

    members = [asdict(m) for m in corpus.store.link_rows(EntityMemberRow, corpus_id=row.corpus_id)]
    mine = {(m["article_id"], m["entity_id"]) for m in members}
    names = sorted({m["name"] for m in members} | {row.name})
    articles: dict[str, dict[str, Any]] = {}
    for r in corpus.reader.entity_rows(names, label=row.label):
        if (r[0], r[1]) in mine and r[0] not in articles:
            articles[r[0]] = {"article_id": r[0], "published": r[6], "source": r[7], "title": r[8]}
    return {**asdict(row), "members": members, "in_articles": list(articles.values())}


def _readable(entity: dict[str, Any]) -> list[Any]:
    """An entity for the terminal: name, variants, the evidence of each merge, the articles naming it."""
    out: list[Any] = [
        t.line(f"{entity['name']} ({entity['label']})", style="bold"),
        t.line(f"corpus entity {entity['corpus_id']} · in {entity['articles']} articles", style="dim")]
    also = [v for v in entity["variants"] if v != entity["name"]]
    if also:
        out.append(t.line("also written: " + ", ".join(also)))
    merges = [e for e in entity["evidence"] if isinstance(e, dict) and "a" in e and "b" in e]
    if merges:
        out += [t.line(), t.table([t.Column("Name", long=True), t.Column("Same as", long=True), t.Column("Rule"),
                                   t.Column("Score", right=True)],
                                  [(e["a"], e["b"], e.get("rule", "?"), e.get("score", "?")) for e in merges],
                                  title=f"Merged because ({len(merges)})")]
    others = [e for e in entity["evidence"] if e not in merges]
    out += [t.line(", ".join(f"{k} {v}" for k, v in e.items()) if isinstance(e, dict) else str(e)) for e in others]
    articles = entity["in_articles"]
    out += [t.line(), t.table([t.Column("Published"), t.Column("Source", long=True), t.Column("Title", long=True),
                               t.Column("Article")],
                              [(t.day(a["published"]), t.source_name(a["source"]), a["title"] or "(untitled)",
                                t.short_id(a["article_id"])) for a in articles],
                              title=f"Articles ({len(articles)})")]
    return out


def _decide(ctx: click.Context, action: str, names: tuple[str, ...], db: str | None, label: str | None,
            note: str | None, relink: bool) -> None:
    from ..decisions import Decision
    from ..link.run import link_corpus

    if action == "merge" and len(set(names)) < 2:
        raise click.UsageError("'merge' needs at least two names")
    decision = Decision("merge" if action == "merge" else "split", names, label=label, note=note)
    store = _open(ctx, db)
    try:
        store.add_decision(decision)
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
    """Take each of NAMES out of its entity and keep it apart from every other name (until a merge names it)."""
    _decide(ctx, "split", names, db, label, note, relink)
