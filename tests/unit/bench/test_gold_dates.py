"""The TimeBank reader and DATE-value scoring (bench/_gold_dates.py) on a tiny hand-made document."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _gold_dates as gd  # noqa: E402 - bench/ is a folder of scripts, not a package

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-14" temporalFunction="false" functionInDocument="CREATION_TIME">03/14/2001</TIMEX3></DCT>
<TEXT>
The mill <EVENT eid="e1" class="OCCURRENCE">closed</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-03-12" temporalFunction="true" anchorTimeID="t0">Monday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P40Y" temporalFunction="false">40 years</TIMEX3>; it opened in <TIMEX3 tid="t3" type="DATE" value="1961" temporalFunction="false">1961</TIMEX3> &amp; grew <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF" temporalFunction="true" anchorTimeID="t0">now</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def doc(tmp_path: Path) -> gd.GoldDocument:
    path = tmp_path / "test1.tml"
    path.write_text(TML, encoding="utf-8")
    return gd.read_tml(path)


def test_gold_dates_offsets_index_the_tag_free_text(doc: gd.GoldDocument) -> None:
    assert doc.dct == "2001-03-14"
    assert "<" not in doc.text and "& grew" in doc.text
    assert [(t["text"], t["type"], t["value"], t["relative"]) for t in doc.timexes] == [
        ("Monday", "DATE", "2001-03-12", True), ("40 years", "DURATION", "P40Y", False),
        ("1961", "DATE", "1961", False), ("now", "DATE", "PRESENT_REF", True)]
    for timex in doc.timexes:
        assert doc.text[timex["start"]:timex["end"]] == timex["text"]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("1998-02-13", "1998-02-13", True),
        ("1998-02-13", "1998-02", True),     # the same date at a coarser granularity
        ("1998", "1998-02-13", True),
        ("XXXX-WI", "1998-WI", True),        # a field the gold leaves unknown
        ("PRESENT_REF", "2001-03-14", True),  # "now" and the creation day
        ("1998-02-13", "1998-02-14", False),
        ("1998-Q3", "1998-09", False),
        ("199", "1998", False),              # a decade is no prefix of a year
        ("1998", None, False),
    ],
)
def test_gold_dates_lenient_match(gold: str, pred: str | None, expected: bool) -> None:
    assert gd.lenient_match(gold, pred, "2001-03-14") is expected


def test_gold_dates_tally_counts_exact_lenient_and_detection(doc: gd.GoldDocument) -> None:
    text = doc.text
    pred = [
        {"start": text.index("Monday"), "end": text.index("Monday") + 6, "value": "2001-03-12"},
        {"start": text.index("1961"), "end": text.index("1961") + 4, "value": "1961-01"},
        {"start": text.index("mill"), "end": text.index("mill") + 4, "value": "2001"},
    ]
    tally = gd.Tally()
    tally.add(doc, pred)
    summary = tally.summary()
    assert summary["gold_dates"] == {"all": 3, "absolute": 1, "relative": 2, "wsj": 0, "wires": 3}
    assert summary["date_value_exact"]["all"] == round(1 / 3, 4)
    assert summary["date_value_lenient"] == {"all": round(2 / 3, 4), "absolute": 1.0, "relative": 0.5,
                                             "wsj": 0.0, "wires": round(2 / 3, 4)}
    assert summary["detection"] == {"p": round(2 / 3, 4), "r": 0.5, "gold": 4, "predicted": 3}
    assert len(tally.misses) == 2
