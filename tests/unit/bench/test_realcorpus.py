"""The pure parts of bench/realcorpus.py on made-up inputs: converters to JSON Lines, sources, sentences, figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsprism.sources.jsonl import parse_line

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _realcorpus_inputs as ri  # noqa: E402 - bench/ is a folder of scripts, not a package
import _realcorpus_report as rr  # noqa: E402
from _ecbplus_read import EcbDoc  # noqa: E402

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>XYZ19990101.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1999-01-01" functionInDocument="CREATION_TIME">19990101</TIMEX3></DCT>
<TEXT>
The mayor of Galati <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-12-31">yesterday</TIMEX3>
that  12 homes   were flooded.
</TEXT>
</TimeML>"""

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>Floods in Galati</title>
    <link>http://news.example/galati</link>
    <text>Water rose in Galati overnight.</text>
    <toponyms><toponym><extractedName>Galati</extractedName><start>15</start><end>21</end></toponym></toponyms>
  </article>
  <article file="1">
    <title></title>
    <link></link>
    <text>No title here.</text>
  </article>
</articles>"""


def test_realcorpus_timebank_record_text_without_tags_and_dct_as_date() -> None:
    record = ri.timebank_record(TML, name="XYZ19990101.0001")
    assert record == {"text": "The mayor of Galati said yesterday\nthat 12 homes were flooded.",
                      "published": "1999-01-01", "timebank_id": "XYZ19990101.0001"}


def test_realcorpus_timebank_record_without_dct_has_no_date() -> None:
    record = ri.timebank_record("<TimeML><TEXT>Only text.</TEXT></TimeML>", name="a")
    assert "published" not in record and record["text"] == "Only text."


def test_realcorpus_geowebnews_records_keep_link_and_title_drop_toponyms() -> None:
    records = ri.geowebnews_records(GWN)
    assert records == [
        {"text": "Water rose in Galati overnight.", "gwn_file": "0", "url": "http://news.example/galati",
         "title": "Floods in Galati"},
        {"text": "No title here.", "gwn_file": "1"},  # empty link and title are left out, not written empty
    ]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"title": "Roe wins", "publication_date": "2016-03-11", "publisher": "nyt", "author": "None"},
         {"title": "Roe wins", "published": "2016-03-11", "publisher": "nyt"}),  # "None" is no author
        (None, {}),  # an article missing from metadata.tsv keeps its text only
    ],
)
def test_realcorpus_polnear_record_takes_metadata(meta: dict[str, str] | None, expected: dict[str, str]) -> None:
    record = ri.polnear_record("Roe wins.\n\nText.\n", name="nyt_2016", meta=meta)
    assert record == {"text": "Roe wins.\n\nText.", "polnear_id": "nyt_2016", **expected}


def test_realcorpus_semeval_records_distinct_texts_of_plain_pairs() -> None:
    rows = [
        {"pair_id": "1_2", "lang1": "de", "lang2": "de", "text1": "Flut in Galati  Das Wasser stieg.", "text2": "B"},
        {"pair_id": "1_3", "lang1": "de", "lang2": "en", "text1": "Flut in Galati  Das Wasser stieg.", "text2": "C"},
        {"pair_id": "4it_5it", "lang1": "it", "lang2": "it", "text1": "tradotto", "text2": "tradotto 2"},
    ]
    records = ri.semeval_records(rows)
    assert [(r["semeval_id"], r["lang"]) for r in records] == [("1", "de"), ("2", "de"), ("3", "en")]
    assert records[0]["title"] == "Flut in Galati" and records[0]["text"] == "Das Wasser stieg."
    assert "title" not in records[1]


def test_realcorpus_ecbplus_record_fields_only_when_known() -> None:
    plus = EcbDoc(name="1_1ecbplus", topic="1", corpus="ecbplus", text="Roe arrested\nRoe was arrested.",
                  title="Roe arrested", url="http://news.example/roe", published="2011-05-03")
    plain = EcbDoc(name="1_1ecb", topic="1", corpus="ecb", text="Roe was arrested.")
    assert ri.ecbplus_record(plus) == {"text": "Roe arrested\nRoe was arrested.", "ecb_doc": "1_1ecbplus",
                                       "url": "http://news.example/roe", "title": "Roe arrested",
                                       "published": "2011-05-03"}
    assert ri.ecbplus_record(plain) == {"text": "Roe was arrested.", "ecb_doc": "1_1ecb"}


def test_realcorpus_records_are_read_by_newsprism_jsonl_reader() -> None:
    record = ri.timebank_record(TML, name="XYZ")
    raw = parse_line(json.dumps(record), source="timebank.jsonl:1")
    assert getattr(raw, "published", None) == "1999-01-01"
    assert getattr(raw, "meta", {}) == {"timebank_id": "XYZ"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("/tmp/w/inputs/timebank/timebank.jsonl:12", "timebank"),
        ("/tmp/w/inputs/warc/res.warc.gz#1023", "warc"),
        ("/tmp/w/inputs/unknown/x.html.gz", "?"),
        ("<warm-up>", "?"),
    ],
)
def test_realcorpus_set_of(source: str, expected: str) -> None:
    assert ri.set_of(source, ["timebank", "warc"]) == expected


TEXT = "Rain fell. Mr. Roe said 12 U.S. homes burned. Then it stopped!\nAbout 40 people left\n洪水淹没了300所房屋。雨停了。"


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ("12", "Mr. Roe said 12 U.S. homes burned."),  # abbreviations and initials end no sentence
        ("40", "About 40 people left"),  # a line end ends a sentence
        ("300", "洪水淹没了300所房屋。"),  # so does a CJK full stop
        ("Rain", "Rain fell."),
    ],
)
def test_realcorpus_sentence_around(figure: str, expected: str) -> None:
    start = TEXT.index(figure)
    assert rr.sentence_around(TEXT, start, start + len(figure)) == expected


def test_realcorpus_sentence_around_cuts_long_runs_around_the_figure() -> None:
    text = "word " * 400 + "42 dead " + "word " * 400
    start = text.index("42")
    shown = rr.sentence_around(text, start, start + 2, limit=100)
    assert "42 dead" in shown and len(shown) <= 102 and shown.startswith("…")


@pytest.mark.parametrize(
    ("value", "bound", "unit", "value_max", "expected"),
    [
        (1500.0, "more_than", "USD", None, "more than 1,500 USD"),
        (3.0, "range", "%", 4.5, "3–4.5 %"),
        (0.25, "exact", None, None, "0.25"),
        (12.0, "about", "km", None, "about 12 km"),
    ],
)
def test_realcorpus_figure(value: float, bound: str, unit: str | None, value_max: float | None, expected: str) -> None:
    assert rr.figure(value, bound=bound, unit=unit, value_max=value_max) == expected
