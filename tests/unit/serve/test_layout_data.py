"""What the pages draw, computed on the server: paragraphs of highlighted pieces, fact links,
calendar series for charts, map labels, and corpus-entity names behind a filter (#15)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsprism.serve import charts, highlight
from newsprism.serve.groups import LinkedGroups
from newsprism.serve.highlight import Fact
from newsprism.store.reader import CorpusReader


def _fact(fid: str, kind: str, start: int, end: int) -> Fact:
    return Fact(id=fid, kind=kind, start=start, end=end, data={})


@pytest.mark.issue(15)
def test_highlight_paragraphs_split_at_line_breaks_and_keep_every_kind() -> None:
    text = "Shoigu said \"115,000 left\".\n\nKherson is quiet.\nEnd"
    quote = _fact("q0", "quote", 12, 26)
    claim = _fact("c0", "claim", 13, 20)
    place = _fact("p0", "place", 29, 36)
    mention = _fact("m0", "mention", 29, 36)
    paragraphs = highlight.paragraphs(text, [quote, claim, place, mention])
    assert ["".join(p.text for p in para) for para in paragraphs] == [
        "Shoigu said \"115,000 left\".", "Kherson is quiet.", "End"]
    claim_piece = next(p for p in paragraphs[0] if p.text == "115,000")
    assert claim_piece.facts == ("c0", "q0") and claim_piece.kinds == ("claim", "quote")
    kherson = next(p for p in paragraphs[1] if p.text == "Kherson")
    assert set(kherson.kinds) == {"place", "mention"}
    assert paragraphs[2] == [highlight.Piece(text="End", facts=(), kinds=())]


def test_highlight_fact_across_a_paragraph_break_names_both_halves() -> None:
    paragraphs = highlight.paragraphs("one two\nthree", [_fact("q0", "quote", 4, 13)])
    assert [(p.text, p.facts) for para in paragraphs for p in para] == [
        ("one ", ()), ("two", ("q0",)), ("three", ("q0",))]


@pytest.mark.parametrize(("kind", "start", "end", "link"), [
    ("claim", 1203, 1220, "/article/46af088c34492540#claim-1203-1220"),
    ("mention", 0, 6, "/article/46af088c34492540#mention-0-6"),
])
def test_highlight_fact_link_names_kind_and_span(kind: str, start: int, end: int, link: str) -> None:
    assert highlight.fact_link("46af088c34492540", kind, start, end) == link
    assert _fact("x", kind, start, end).anchor == link.split("#")[1]


@pytest.mark.issue(15)
@pytest.mark.parametrize(("rows", "expected"), [
    ([("2022-11-09", 2), ("2022-11-12T08:00:00", 1)],
     [("2022-11-09", 2), ("2022-11-10", 0), ("2022-11-11", 0), ("2022-11-12", 1)]),
    ([("2021-11-30", 1), ("2022-02-01", 3)],  # 63 days: months
     [("2021-11", 1), ("2021-12", 0), ("2022-01", 0), ("2022-02", 3)]),
    ([("2016-05-01", 1), ("2019-07-01", 1), ("2016-06-01", 2)],  # over 36 months: years
     [("2016", 3), ("2017", 0), ("2018", 0), ("2019", 1)]),
    ([("2022-11-09", 4)], [("2022-11-09", 4)]),
    ([("not a date", 4)], []),  # unreadable dates are left out, not guessed
    ([], []),
])
def test_charts_periods_are_a_calendar_scale(rows: list[tuple[str, int]], expected: list[tuple[str, int]]) -> None:
    assert charts.periods(rows) == expected


def test_charts_histogram_bars_are_evenly_spaced_with_ticks() -> None:
    chart = charts.histogram(charts.periods([("2022-01-01", 1), ("2022-01-31", 5)]))
    xs = [bar.x for bar in chart["bars"]]
    steps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert len(xs) == 31 and max(steps) - min(steps) < 0.2  # rounded to 0.1 unit
    assert chart["ticks"][0]["label"] == "2022-01-01" and 2 <= len(chart["ticks"]) <= 6


def _boxes(points: list[dict[str, object]]) -> list[tuple[float, float, float, float]]:
    out = []
    for p in points:
        label = p["label"]
        if not isinstance(label, dict):
            continue
        font, width = float(str(p["font"])), len(str(p["name"])) * float(str(p["font"])) * 0.58
        left = {"start": label["x"], "end": label["x"] - width, "middle": label["x"] - width / 2}[label["anchor"]]
        out.append((left, label["y"] - font * 0.8, left + width, label["y"] + font * 0.2))
    return out


@pytest.mark.issue(15)
def test_charts_map_labels_do_not_overlap() -> None:
    places = [{"name": name, "lat": lat, "lon": lon, "count": count} for name, lat, lon, count in [
        ("Kherson", 46.64, 32.62, 9), ("Nova Kakhovka", 46.75, 33.37, 3), ("Dnieper", 46.60, 32.80, 5),
        ("Crimea", 45.30, 34.40, 4), ("Kerch Bridge", 45.30, 36.50, 2), ("Mykolaiv", 46.97, 32.00, 2)]]
    points = charts.map_points(places)
    box = charts.viewbox(points)
    placed = charts.place_labels(points, viewbox_width=float(box.split()[2]))
    boxes = _boxes(placed)
    assert len(boxes) >= 3  # most places keep their name on the map
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


@pytest.fixture()
def linked() -> LinkedGroups:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE corpus_entities (corpus_id TEXT, name TEXT, label TEXT, variants TEXT, "
                 "evidence TEXT, articles INTEGER)")
    conn.execute("CREATE TABLE corpus_entity_members (corpus_id TEXT, article_id TEXT, entity_id TEXT, name TEXT)")
    for cid, name, variants, articles in [("c1", "Donald Trump", ["Donald Trump", "Trump", "Trumps"], 40),
                                          ("c2", "Melania Trump", ["Melania Trump"], 5),
                                          ("c3", "Jackie Robinson", ["Jackie Robinson"], 2)]:
        conn.execute("INSERT INTO corpus_entities VALUES (?, ?, 'PERSON', ?, '[]', ?)",
                     (cid, name, json.dumps(variants), articles))
    conn.executemany("INSERT INTO corpus_entity_members VALUES (?, ?, 'e1', ?)",
                     [("c1", "a1", "Donald Trump"), ("c1", "a2", "Donald J. Trump"), ("c2", "a3", "Melania Trump"),
                      ("c3", "a4", "Jackie Robinson")])
    return LinkedGroups(CorpusReader(lambda: conn).corpus_entity)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("typed", "members"), [
    ("Trump", {"Trump", "Donald Trump", "Donald J. Trump"}),  # a variant the link stage merged in
    ("donald trump", {"donald trump", "Donald Trump", "Donald J. Trump"}),  # any case
    ("Donald J. Trump", {"Donald Trump", "Donald J. Trump"}),  # a name as written in an article
    ("Melania Trump", {"Melania Trump"}),  # not merged with her husband
    ("Robinson", {"Robinson"}),  # not a variant of anyone: only itself
    ("Trum", {"Trum"}),  # a part of a variant is not a variant
])
def test_groups_filter_names_follow_corpus_entities(linked: LinkedGroups, typed: str, members: set[str]) -> None:
    assert linked.members(typed) == members


@pytest.mark.parametrize("module", ["charts", "highlight", "apidocs", "groups", "views"])
def test_serve_docstring_examples_hold(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"newsprism.serve.{module}"))
    assert result.attempted > 0 and result.failed == 0
