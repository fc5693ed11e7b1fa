"""``newsprism demo``: ingest the bundled examples and show what was found.

The examples are the sample articles written for the project and, in
``examples/wikinews/``, real articles from English Wikinews; the demo ingests
both into one corpus and reports on the real ones apart, since they show what
linking does on news nobody wrote for it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

import click

from ..codes import Code
from ..errors import InputError
from ..model import Article
from ..progress import counted as n
from ..store import open_store
from ._common import is_tty, settings_from
from ._progress import Display
from ._report import corpus_lines, failure_lines, failures_by_code, read_line

#: The real articles inside the examples folder (JSON Lines, one article a line).
REAL_NEWS = Path("wikinews") / "articles.jsonl"
REAL_CREDIT = "English Wikinews, CC BY 2.5, Wikinews contributors"


def find_examples() -> Path | None:
    """The bundled ``examples/`` folder: in the working directory, else beside the source tree."""
    candidates = [Path.cwd() / "examples", Path(__file__).resolve().parents[3] / "examples"]
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    return None


@click.command()
@click.option("--db", default="newsprism-demo.db", show_default=True, help="Corpus file to create or update.")
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder of sample data (default: the bundled examples/).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core).")
@click.pass_context
def demo(ctx: click.Context, db: str, examples_dir: str | None, workers: int | None) -> None:
    """Ingest the bundled sample news, written and real, into one local corpus and print what it found."""
    from .ingest import ingest_and_link, interrupted

    folder = Path(examples_dir) if examples_dir else find_examples()
    if folder is None:
        raise InputError("the examples/ folder was not found; run the demo from a clone of the project or "
                         "pass --examples FOLDER", code=Code.NO_EXAMPLES)
    settings = settings_from(ctx)
    click.echo(f"Ingesting {folder} into {db} …", err=True)
    try:
        store = open_store(db, settings=settings)
        try:
            # duplicates, stories, corpus entities for the report: linking follows the ingest
            summary, _ = ingest_and_link([str(folder)], store=store, settings=settings, workers=workers,
                                         display=Display(enabled=is_tty(), terminal=True))
            click.echo(_report(store, summary.as_dict(), db, real_urls=read_real_urls(folder)))
        finally:
            store.close()
    except KeyboardInterrupt:
        interrupted(ctx)


def read_real_urls(folder: Path) -> set[str]:
    """The URLs of the real articles in ``folder`` (none when it holds no real set)."""
    from ..clean.urls import normalize_url

    path = folder / REAL_NEWS
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as lines:
        return {normalize_url(json.loads(line)["url"]) for line in lines if line.strip()}


def _report(store: Any, summary: dict[str, Any], db: str, *, real_urls: Collection[str] = ()) -> str:
    lines = ["", read_line(summary)]
    lines += failure_lines(failures_by_code(summary["failures"]),
                           listed_by=f"newsprism failures --db {db} --run {summary['run_id']}")
    lines += corpus_lines(store, db)
    if real_urls and getattr(store, "link_rows", None) is not None:
        lines += _real_news_lines(store, real_urls)
    first = store.reader().first_article()
    lines += ["", "Try:",
              f"  newsprism search --db {db} evacuated",
              f"  newsprism search --db {db} '\"port strike\"' --sort date"]
    if first:
        lines.append(f"  newsprism show --db {db} {first[0]}      # {first[1]}")
    lines += [f"  newsprism stories --db {db}                 # same story, several outlets, figures side by side",
              f"  newsprism entities show --db {db} Gritsenko   # one person under five spellings"]
    if real_urls:
        lines.append(f"  newsprism entities show --db {db} Biden       # one person across the real articles")
    lines += [f"  newsprism export --db {db} --format jsonl > corpus.jsonl",
              f"  newsprism serve --db {db}                     # the web UI on http://127.0.0.1:8000"]
    return "\n".join(lines)


def _real_news_lines(store: Any, urls: Collection[str]) -> list[str]:
    """What linking found on the real articles, apart from the written samples, and the chaining checks."""
    from dataclasses import asdict

    from ..link.features import site_of
    from ..store.links import (
        ClaimGroupRow,
        CorpusEntityRow,
        DuplicateRow,
        EntityMemberRow,
        LineageRow,
        StoryArticleRow,
        StoryRow,
    )

    articles = {a.id: a for a in store.iter_articles()}
    real = {i for i, a in articles.items() if {a.url, a.canonical_url} & set(urls)}
    if not real:
        return []
    tables = {kind.TABLE: [asdict(row) for row in store.link_rows(kind)]
              for kind in (StoryRow, StoryArticleRow, CorpusEntityRow, EntityMemberRow, ClaimGroupRow, DuplicateRow,
                           LineageRow)}
    days = sorted((articles[i].published or "")[:10] for i in real if articles[i].published)
    span = f", {days[0]} to {days[-1]}" if days else ""
    sites = {site_of(articles[i]) or "" for i in real}
    return ["", f"Real news in the same corpus: {len(real)} articles from {REAL_CREDIT}{span}, beside "
                f"{len(articles) - len(real)} sample articles written for the project (with the Kherson scrape).",
            "On the real articles, linking found:",
            *_real_stories(tables, real), *_real_entities(tables, real), *_real_claims(tables, real, sites),
            *_real_copies(tables, real), *_checks(tables, articles)]


def _real_stories(tables: dict[str, list[dict[str, Any]]], real: set[str]) -> list[str]:
    members: dict[str, set[str]] = {}
    for row in tables["story_articles"]:
        members.setdefault(row["story_id"], set()).add(row["article_id"])
    ours = {s: m for s, m in members.items() if m & real}
    covered = set().union(*ours.values()) & real
    largest = sorted((row for row in tables["stories"] if row["story_id"] in ours),
                     key=lambda row: (-row["size"], row["story_id"]))[:3]
    line = f"  stories: {len(ours)} of two or more articles, holding {len(covered)} of the {len(real)}"
    if largest:
        line += "; the largest: " + "; ".join(
            f"{row['label']} ({n(row['size'], 'article')}, {row['start'][:10]} to {row['end'][:10]})"
            for row in largest)
    mixed = [s for s, m in ours.items() if m - real]
    return [line] + ([f"  ({len(mixed)} of these stories join real articles with sample ones)"] if mixed else [])


def _real_entities(tables: dict[str, list[dict[str, Any]]], real: set[str]) -> list[str]:
    in_real: Counter[str] = Counter()
    for corpus_id, article_id in {(r["corpus_id"], r["article_id"]) for r in tables["corpus_entity_members"]}:
        in_real[corpus_id] += article_id in real
    entities = [row for row in tables["corpus_entities"] if in_real[row["corpus_id"]]]
    joined = [row for row in entities if len(row["variants"]) > 1]
    if not entities:
        return ["  corpus entities: none (no entity was extracted)"]
    widest = sorted(joined, key=lambda row: (-in_real[row["corpus_id"]], row["name"]))[:5]
    line = f"  corpus entities: {len(entities)} in the real articles, {len(joined)} of them under several names"
    if widest:
        line += "; the most widespread: " + "; ".join(
            f"{row['name']} ({row['label']}, {n(in_real[row['corpus_id']], 'article')}: "
            f"{' / '.join(row['variants'])})" for row in widest)
    return [line]


def _real_claims(tables: dict[str, list[dict[str, Any]]], real: set[str], sites: set[str]) -> list[str]:
    rows = [row for row in tables["claim_groups"] if row["article_id"] in real]
    if not rows:
        why = (f"a group needs two sources, and every real article is from one outlet, {min(sites)}"
               if len(sites) == 1 else "no two sources of one story gave a figure for one quantity")
        return [f"  claims side by side: none ({why})"]
    groups = {(row["story_id"], row["quantity"]): row["verdict"] for row in rows}
    verdicts = ", ".join(f"{verdict} {count}" for verdict, count in sorted(Counter(groups.values()).items()))
    stories = len({story for story, _ in groups})
    return [f"  claims side by side: {n(len(groups), 'quantity', 'quantities')} in "
            f"{n(stories, 'story', 'stories')}, {n(len(rows), 'figure')} (verdicts: {verdicts}); "
            "for example " + "; ".join(sorted({quantity for _, quantity in groups})[:6])]


def _real_copies(tables: dict[str, list[dict[str, Any]]], real: set[str]) -> list[str]:
    groups = {row["group_id"] for row in tables["duplicate_groups"] if row["article_id"] in real}
    copies = [row for row in tables["lineage"] if row["article_id"] in real]
    named = ", ".join(sorted({f'"{row["source_name"]}" ({row["kind"]})' for row in copies if row["source_name"]}))
    return [f"  duplicates: {n(len(groups), 'group')}; copied or translated: {n(len(copies), 'article')}"
            + (f" (source named: {named})" if named else "")]


def _checks(tables: dict[str, list[dict[str, Any]]], articles: dict[str, Article]) -> list[str]:
    """The chaining checks of :mod:`newsprism.link.audit` on the whole corpus, as an analyst would run them."""
    from ..link.audit import claim_groups_mixing_units, persons_with_two_given_names, places_in_two_countries
    from ..link.claims import ClaimRow
    from ..link.entities import CorpusEntity

    members: dict[str, list[tuple[str, str, str]]] = {}
    for row in tables["corpus_entity_members"]:
        members.setdefault(row["corpus_id"], []).append((row["article_id"], row["entity_id"], row["name"]))
    entities = [CorpusEntity(corpus_id=row["corpus_id"], name=row["name"], label=row["label"],
                             variants=row["variants"], evidence=[], articles=row["articles"],
                             members=members.get(row["corpus_id"], [])) for row in tables["corpus_entities"]]
    claims = [ClaimRow(**{**row, "unit": row["unit"] or "", "note": row["note"] or ""})
              for row in tables["claim_groups"]]
    found = {"person entities with two given names": persons_with_two_given_names(entities),
             "place entities in two countries": places_in_two_countries(entities, articles),
             "claim groups mixing units": claim_groups_mixing_units(claims)}
    return ["Chaining checks on the whole corpus (newsprism.link.audit): " + "; ".join(
        f"{len(conflicts)} {what}" + "".join(f" ({c.name}: {' / '.join(c.values)})" for c in conflicts[:3])
        for what, conflicts in found.items()) + "."]
