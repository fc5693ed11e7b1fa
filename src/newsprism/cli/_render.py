"""Readable, plain-text rendering of articles for the terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ..model import Article


def _section(title: str, lines: Iterable[str]) -> list[str]:
    body = list(lines)
    if not body:
        return []
    return ["", f"{title} ({len(body)})", *("  " + line for line in body)]


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _places(article: Article) -> list[str]:
    """One line per resolved place, with the surface forms that point at it and their count."""
    groups: dict[tuple[str | None, str | None, str | None], list[str]] = {}
    coords: dict[tuple[str | None, str | None, str | None], str] = {}
    for place in article.places:
        key = (place.name, place.country, place.type)
        groups.setdefault(key, []).append(place.text)
        if place.lat is not None and place.lon is not None:
            coords[key] = f" {place.lat:.3f},{place.lon:.3f}"
    lines = []
    for key, surfaces in groups.items():
        name, country, kind = key
        forms = ", ".join(dict.fromkeys(surfaces))
        lines.append(f"{name or '?'}, {country or '?'} ({kind or '?'}){coords.get(key, '')}  ×{len(surfaces)}: {forms}")
    return lines


def render_article(article: Article, *, show_text: bool = True) -> str:
    """A readable summary: metadata, text, then every kind of fact with offsets."""
    names = {entity.id: entity.name for entity in article.entities}
    head = [f"{article.title or '(no title)'}", f"id {article.id}"]
    for label, value in (("url", article.canonical_url or article.url), ("published", article.published),
                         ("site", article.site), ("language", article.lang), ("authors", ", ".join(article.authors)),
                         ("source", article.source), ("tags", ", ".join(article.tags))):
        if value:
            head.append(f"{label}: {value}")
    out = head
    if show_text:
        out += ["", *(textwrap.fill(p, 100) for p in article.text.split("\n\n"))]
    out += _section("Removed", (f"{r.kind:<13} {_short(r.text, 60)!r}  ({r.reason})" for r in article.removals))
    out += _section("Repaired", (f"{p.before!r} -> {p.after!r} at {p.start}" for p in article.repairs))
    out += _section("Metadata kept", [f"{m.kind}: {_short(m.text)}" for m in article.media]
                    + [f"related: {_short(link.text)}" + (f" [{link.lang}]" if link.lang else "") for link in article.related])
    out += _section("Entities", (
        f"{e.label:<7} {e.name}" + (f"  variants: {', '.join(v for v in e.variants if v != e.name)}"
                                   if len(e.variants) > 1 else "") + f"  ({e.mentions} mentions)"
        for e in article.entities))
    out += _section("Quotes", (
        f"{q.kind:<8} {names.get(q.speaker or '', q.speaker_text) or '?'} ({q.cue or '-'}): “{_short(q.text, 80)}”"
        for q in article.quotes))
    out += _section("Claims", (
        f"{c.bound:<9} {c.value_text:<10} {c.counted or '?'}" + (f"  ({c.change})" if c.change else "") + (f"  ({c.outlook})" if c.outlook else "")
        + (f"  — {names.get(c.claimant or '', c.claimant_text)}" if c.claimant or c.claimant_text else "")
        + (f"  as of {c.as_of}" if c.as_of else "")
        for c in article.claims))
    out += _section("Dates", (
        f"{t.text!r:<24} -> {t.value if t.resolved else 'unresolved'} ({t.granularity})" + (f"  {t.note}" if t.note else "")
        for t in article.times))
    out += _section("Places", _places(article))
    out += _section("Issues", (f"[{i.code}] {i.message} ({i.stage})" for i in article.issues))
    return "\n".join(out)
