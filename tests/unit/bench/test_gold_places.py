"""The GeoWebNews reader and place scoring (bench/_gold_places.py) on a tiny hand-made corpus."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _gold_places as gp  # noqa: E402 - bench/ is a folder of scripts, not a package

TEXT = "Mexicans in Springfield met the Mexican consul. Leeds City Council agreed."
XML = f"""<?xml version="1.0" ?>
<articles><article file="7"><title>t</title><link>http://example.org/a</link><text>{TEXT}</text><toponyms>
<toponym><extractedName>Mexicans</extractedName><type>Demonym</type><start>0</start><end>8</end></toponym>
<toponym><extractedName>Springfield</extractedName><type>Literal</type><start>12</start><end>23</end>
  <geonamesID>1</geonamesID><latitude>39.80</latitude><longitude>-89.64</longitude></toponym>
<toponym><extractedName>Mexican</extractedName><type>Non_Literal_Modifier</type><start>32</start><end>39</end>
  <geonamesID>2</geonamesID><latitude>23.0</latitude><longitude>-102.0</longitude></toponym>
<toponym><extractedName>Leeds</extractedName><type>Embedded_Non_Lit</type><start>0</start><end>5</end>
  <geonamesID>3</geonamesID><latitude>53.80</latitude><longitude>-1.55</longitude></toponym>
</toponyms></article></articles>"""


def _span(surface: str, **extra: object) -> dict[str, object]:
    start = TEXT.index(surface, 1 if surface == "Mexican" else 0)
    return {"start": start, "end": start + len(surface), **extra}


def test_gold_places_reader_keeps_points_and_moves_a_misplaced_toponym(tmp_path: Path) -> None:
    (tmp_path / "GWN.xml").write_text(XML, encoding="utf-8")
    article = gp.read_gwn(tmp_path / "GWN.xml")[0]
    assert article.number == "7" and article.link == "http://example.org/a"
    assert [t["text"] for t in article.toponyms] == ["Mexicans", "Springfield", "Mexican", "Leeds"]
    # "Leeds" was given offsets 0-5 ("Mexic"): it is moved to where the text has it.
    leeds = article.toponyms[3]
    assert TEXT[leeds["start"]:leeds["end"]] == "Leeds"
    assert article.toponyms[0]["lat"] is None and article.toponyms[1]["lat"] == 39.80


def test_gold_places_scores_within_161_km_and_leaves_noun_demonyms_neutral(tmp_path: Path) -> None:
    (tmp_path / "GWN.xml").write_text(XML, encoding="utf-8")
    gold = gp.read_gwn(tmp_path / "GWN.xml")[0].toponyms
    pred = [_span("Mexicans", lat=23.0, lon=-102.0, type="demonym"),      # neutral: a noun demonym
            _span("Springfield", lat=42.10, lon=-72.59, type="city"),     # Massachusetts: 1,500 km off
            _span("Mexican", lat=23.0, lon=-102.0, type="demonym"),       # an adjective: a gold place
            _span("consul", lat=0.0, lon=0.0, type="city"),               # not annotated: a false place
            _span("Leeds", type="city")]                                  # found, without a point
    scores = gp.score_article(gold, pred)
    assert (scores["within_161km"].tp_gold, scores["within_161km"].n_gold) == (1, 3)
    assert scores["within_161km"].n_pred == 3          # the points: Springfield, Mexican, consul
    assert (scores["detect"].tp_gold, scores["detect"].n_pred) == (3, 4)
