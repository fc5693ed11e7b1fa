"""What an ingest found, for ``newsprism ingest`` and ``newsprism demo`` alike (#15).

One report in two forms: :func:`ingest_report` gathers it as plain data (what
``ingest --json`` prints as one object) and :func:`render_ingest` writes it as
text; the demo prints the same pieces (:func:`read_line`,
:func:`failure_lines`, :func:`corpus_lines`) around its own.
"""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..progress import counted as n

#: Reasons shown for each failure code, the most frequent first.
TOP_REASONS = 3
#: What each kind of fact is called in a report.
FACT_NAMES = {"entities": "entities", "quotes": "quotes", "claims": "numeric claims", "times": "dates",
              "places": "places"}


def exit_code(summary: Mapping[str, Any]) -> int:
    """The exit code of an ingest: 1 when every document it read failed, else 0.

    A run that stored anything, or found it already ingested, did its job for
    those documents and exits 0 whatever else failed, so the same folder with
    one bad file gives the same code on its first run and on every re-run;
    the failures are in the report and in ``newsprism failures``.

    >>> exit_code({"new": 0, "duplicate": 0, "skipped": 0, "failed": 3})
    1
    >>> exit_code({"new": 0, "duplicate": 0, "skipped": 9, "failed": 1})
    0
    """
    went_through = int(summary["new"]) + int(summary["duplicate"]) + int(summary["skipped"])
    return 1 if summary["failed"] and not went_through else 0


def reason_of(message: str) -> str:
    """What many failures share in their message ``"<what>: <why>; <fix>"``: the why.

    >>> reason_of("skipped /in/a.txt: it is empty (no bytes, or only whitespace); check the file")
    'it is empty (no bytes, or only whitespace)'
    >>> reason_of("processing took longer than the time budget of 10 s; raise --setting time_budget")
    'processing took longer than the time budget of 10 s'
    """
    head, sep, rest = message.partition(": ")
    why = rest if sep and "; " not in head else message
    return why.split("; ", 1)[0].strip()


def failures_by_code(failures: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Failures grouped by code, the most frequent first, each with its top reasons and an example."""
    groups: dict[str, Counter[str]] = {}
    examples: dict[tuple[str, str], str] = {}
    for failure in failures:
        code, reason = str(failure["code"]), reason_of(str(failure["message"]))
        groups.setdefault(code, Counter())[reason] += 1
        examples.setdefault((code, reason), str(failure.get("url") or failure["source"]))
    ordered = sorted(groups.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return [{"code": code, "count": sum(reasons.values()),
             "reasons": [{"reason": reason, "count": count, "example": examples[code, reason]}
                         for reason, count in reasons.most_common(TOP_REASONS)]}
            for code, reasons in ordered]


def next_steps(*, run_id: int, failed: int, articles: int, db: str | None) -> list[str]:
    """Commands to try after an ingest: the run's failures when it had some, and the corpus when it holds
    articles (``--db`` only when the user named the corpus, so that the default stays the default)."""
    where = f" --db {shlex.quote(db)}" if db else ""
    steps = [f"newsprism failures{where} --run {run_id}"] if failed else []
    if articles:
        steps += [f"newsprism search{where} 'some words'", f"newsprism stories{where}", f"newsprism serve{where}"]
    return steps


def ingest_report(summary: Mapping[str, Any], *, link: Mapping[str, Any] | None, corpus: Mapping[str, int],
                  db: str, db_option: str | None) -> dict[str, Any]:
    """An ingest's report as plain data: the run's summary, failures by code, what was found, what next.

    Args:
        summary: :meth:`newsprism.ingest.IngestSummary.as_dict`.
        link: :meth:`newsprism.link.LinkSummary.as_dict` of the link run after it (``None``: none ran).
        corpus: The corpus's counts afterwards (``Store.stats()["counts"]``).
        db: The corpus the run wrote to.
        db_option: ``--db`` as the user gave it (``None``: the default), for the commands to try next.
    """
    return {**summary, "db": db, "stored": int(summary["new"]) + int(summary["duplicate"]),
            "failed_by_code": failures_by_code(summary["failures"]), "link": dict(link) if link else None,
            "corpus": dict(corpus),
            "next": next_steps(run_id=int(summary["run_id"]), failed=int(summary["failed"]),
                               articles=int(corpus.get("articles", 0)), db=db_option)}


def read_line(summary: Mapping[str, Any]) -> str:
    """``Read 45 documents: 20 new articles, 3 duplicates, 0 already ingested, 22 failed.``"""
    return (f"Read {summary['read']} documents: {summary['new']} new articles, {summary['duplicate']} duplicates, "
            f"{summary['skipped']} already ingested, {summary['failed']} failed.")


def failure_lines(groups: Sequence[Mapping[str, Any]], *, listed_by: str) -> list[str]:
    """The failures by code with their top reasons and an example each; ``listed_by`` is the command that lists
    every one of them."""
    if not groups:
        return []
    lines = [f"Failed, by code ({listed_by} lists each one with its fix):"]
    for group in groups:
        reasons = group["reasons"]
        lines.append(f"  {group['code']} x{group['count']}: {reasons[0]['reason']} (e.g. {reasons[0]['example']})")
        lines += [f"        x{r['count']}: {r['reason']} (e.g. {r['example']})" for r in reasons[1:]]
    return lines


def _found_line(report: Mapping[str, Any]) -> str:
    found = report.get("found") or {}
    if not report["new"]:
        return "No new articles, so nothing new was found."
    kinds = ", ".join(f"{found.get(kind, 0)} {name}" for kind, name in FACT_NAMES.items())
    return f"Found in the {n(int(report['new']), 'new article')}: {kinds}."


def _link_line(link: Mapping[str, Any] | None) -> str:
    if not link:
        return "Not linked: 'newsprism link' links the corpus (duplicates, stories, entities, claims)."
    return (f"Linked {n(link['articles'], 'article')} in {link['seconds']} s: {n(link['stories'], 'story', 'stories')}, "
            f"{n(link['duplicate_groups'], 'group')} of duplicates ({n(link['duplicates'], 'copy', 'copies')}), "
            f"{link['lineage']} copied or translated, {n(link['corpus_entities'], 'corpus entity', 'corpus entities')} "
            f"({link['merged_entities']} under several names), {n(link['claim_rows'], 'figure')} side by side.")


def render_ingest(report: Mapping[str, Any], *, corpus_text: Sequence[str] = ()) -> str:
    """The report of :func:`ingest_report` as text; ``corpus_text`` adds :func:`corpus_lines`."""
    lines = [f"Ingest run {report['run_id']} into {report['db']} took {report['seconds']} s.", read_line(report)]
    if report["read"] and report["skipped"] == report["read"]:
        lines.append("Everything was already ingested: nothing new to store.")
    failures = [command for command in report["next"] if command.startswith("newsprism failures")]
    lines += failure_lines(report["failed_by_code"], listed_by=failures[0] if failures else "newsprism failures")
    lines += [_found_line(report), _link_line(report["link"]), *corpus_text]
    if report["next"]:
        lines += ["", "Next:", *(f"  {command}" for command in report["next"])]
    return "\n".join(lines)


def corpus_lines(store: Any, db: str, *, links: bool = True) -> list[str]:
    """Counts; then the most mentioned and most quoted corpus entities, the largest stories and, with
    ``links``, the number of duplicates and copies."""
    stats = store.stats()["counts"]
    lines = [f"The corpus {db} holds {stats['articles']} articles with {stats['entities']} entities, "
             f"{stats['quotes']} quotes, {stats['claims']} numeric claims, {stats['times']} dates, "
             f"{stats['places']} places; cleaning removed {stats['removals']} lines of page furniture "
             f"and repaired {stats['repairs']} glued words."]
    found = store.reader().highlights()
    if found.most_mentioned:
        lines.append("Most mentioned: " + "; ".join(f"{name} ({label}, {count} articles)"
                                                     for name, label, count in found.most_mentioned))
    if found.most_quoted:
        lines.append("Most quoted: " + "; ".join(f"{name} ({count})" for name, count in found.most_quoted))
    if found.stories:
        lines.append("Largest stories: " + "; ".join(
            f"{label} ({n(size, 'article')}, {n(sources, 'source')})" for label, size, sources in found.stories))
    if links:
        lines.append(f"Linking found {found.duplicate_groups} groups of duplicates and {found.copies} copied or "
                     "translated articles.")
    return lines
