"""``newsprism stories``: same-story clusters, and one story with its articles, entities and claims side by side."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from . import _tables as t
from ._common import echo_json
from ._corpus import DB_HELP, find_story, reading, story_entities

#: Entities a story's table shows; --json has them all.
SHOWN_ENTITIES = 15


@click.command()
@click.argument("story_id", required=False)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True,
              help="JSON on stdout: one line per story, or the story with its articles, entities and claim groups.")
@click.pass_context
def stories(ctx: click.Context, story_id: str | None, db: str | None, as_json: bool) -> None:
    """List stories, or show one STORY_ID (or a unique prefix of at least 3 characters) with its articles,
    entities and claims side by side."""
    from ..store.links import StoryRow

    with reading(ctx, db) as corpus:
        rows = [asdict(row) for row in corpus.store.link_rows(StoryRow)]
        if story_id is None:
            _list(rows, as_json=as_json)
            return
        full_id = find_story(corpus.store, story_id)
        story = story_record(corpus, next(row for row in rows if row["story_id"] == full_id))
    if as_json:
        echo_json(story)
    else:
        t.echo(*_story(story))


def _list(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        for row in rows:
            echo_json(row)
        return
    if not rows:
        click.echo("No stories: 'newsprism link' groups articles into stories (ingest runs it).", err=True)
        return
    table = t.table([t.Column("Story"), t.Column("From"), t.Column("To"), t.Column("Articles", right=True),
                     t.Column("Sources", right=True), t.Column("Title", long=True), t.Column("Sites", long=True)],
                    [(r["story_id"], t.day(r["start"]), t.day(r["end"]), r["size"], len(r["sources"]), r["label"],
                      ", ".join(r["sources"])) for r in rows])
    t.echo(table, t.line(f"{len(rows)} stories. Show one with: newsprism stories STORY_ID", style="dim"))


def story_record(corpus: Any, row: dict[str, Any]) -> dict[str, Any]:
    """A story as ``stories ID --json`` prints it: the link stage's row, with the articles, the corpus
    entities and the claim groups the story page of the web shows."""
    from ..serve.views import story_view

    view = story_view(corpus, row["story_id"]) or {"articles": [], "claim_groups": []}
    articles = [{"article_id": a["id"], "published": a["published"], "source": a["source"], "title": a["title"],
                 "url": a["url"]} for a in view["articles"]]
    keys = ("article_id", "source", "published", "as_of", "value", "bound", "unit", "counted", "claimant", "text",
            "note")
    groups = [{"quantity": g["what"], "verdict": g["verdict"] or None, "differs": g["differs"],
               "sources": g["sources"], "low": g["low"], "high": g["high"],
               "claims": [{key: claim.get(key) for key in keys} for claim in g["claims"]]}
              for g in view["claim_groups"]]
    return {**row, "articles": articles,
            "entities": story_entities(corpus.store, [a["article_id"] for a in articles]),
            "claim_groups": groups}


def _story(story: dict[str, Any]) -> list[Any]:
    """A story for a person: what it is, then its articles, entities and claims side by side."""
    out: list[Any] = [
        t.line(story["label"] or story["story_id"], style="bold"),
        t.line(f"story {story['story_id']} · {t.day(story['start'])} to {t.day(story['end'])} · "
               f"{story['size']} articles from {len(story['sources'])} sources", style="dim"),
        t.line(),
        t.table([t.Column("Published"), t.Column("Source", long=True), t.Column("Title", long=True),
                 t.Column("Article")],
                [(t.day(a["published"]), t.source_name(a["source"]), a["title"] or "(untitled)",
                  t.short_id(a["article_id"])) for a in story["articles"]],
                title=f"Articles ({len(story['articles'])})")]
    entities = story["entities"]
    if entities:
        shown = entities[:SHOWN_ENTITIES]
        more = f", the {len(shown)} named in most articles" if len(entities) > len(shown) else ""
        out += [t.line(), t.table(
            [t.Column("Entity", long=True), t.Column("Label"), t.Column("Articles", right=True),
             t.Column("Also written", long=True)],
            [(e["name"], e["label"], e["articles"], ", ".join(v for v in e["variants"] if v != e["name"]))
             for e in shown], title=f"Entities ({len(entities)}{more})")]
    return out + _claims(story["claim_groups"])


def _claims(groups: list[dict[str, Any]]) -> list[Any]:
    """Claim groups reported by several sources, each a table of its figures; then what one source alone gives."""
    shared = [g for g in groups if g["sources"] > 1]
    alone = [g for g in groups if g["sources"] <= 1]
    if not shared:
        return [t.line(), t.line("Claims side by side: no quantity is reported by two sources.")]
    out: list[Any] = [t.line(), t.line(f"Claims side by side ({len(shared)} quantities reported by several "
                                         "sources)", style="bold")]
    for group in shared:
        out.append(t.line(_heading(group), style="bold red" if group["differs"] else "bold"))
        out.append(t.table(
            [t.Column(""), t.Column("Date"), t.Column("Source", long=True), t.Column("Value", right=True),
             t.Column("According to", long=True), t.Column("Note", long=True), t.Column("Article")],
            [(t.DIFFERS if "disagrees" in (c["note"] or "") else "", t.day(c["as_of"] or c["published"]),
              t.source_name(c["source"]), t.number(c["value"], bound=c["bound"], unit=c["unit"]), c["claimant"],
              c["note"], t.short_id(c["article_id"])) for c in group["claims"]]))
    if alone:
        out.append(t.line(f"{len(alone)} more quantities reported by one source: "
                          + ", ".join(g["quantity"] for g in alone) + " (--json lists them)", style="dim"))
    return out


def _heading(group: dict[str, Any]) -> str:
    """``≠ evacuated: SOURCES DISAGREE · 42,000 to 80,000 · 3 sources``; the mark only where sources disagree."""
    parts = [t.VERDICTS.get(group["verdict"] or "", group["verdict"] or "")]
    if group["low"] is not None and group["high"] is not None and group["low"] != group["high"]:
        parts.append(f"{t.number(group['low'])} to {t.number(group['high'])}")
    parts.append(f"{group['sources']} sources")
    mark = f"{t.DIFFERS} " if group["differs"] else "  "
    return f"{mark}{group['quantity']}: " + " · ".join(p for p in parts if p)
