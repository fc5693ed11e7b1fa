"""Reading ECB+ files (bench/_ecbplus_read.py) on made-up tokens: detokenising, the date line, gold mentions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _ecbplus_read as er  # noqa: E402 - bench/ is a folder of scripts, not a package


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("A 59 - year - old man .", "A 59-year-old man."),
        ("Rewards of $ 30 , 000 , not 30 , 5", "Rewards of $30,000, not 30, 5"),
        ("He said `` no '' today", 'He said "no" today'),
        ('She said " we will " and left', 'She said "we will" and left'),
        ("I can ’ t , Roe ’ s lawyer 's car", "I can’t, Roe’s lawyer's car"),
        ("in the U . S . at 4 : 05 p . m . on 05 / 03 / 2011", "in the U.S. at 4:05 p.m. on 05/03/2011"),
        ("Jane K . Roe ( 41 )", "Jane K. Roe (41)"),
        ("Roe - Doe", "Roe-Doe"),           # a spaced dash cannot be told from a hyphen
        ("Kyiv / Kherson", "Kyiv / Kherson"),          # a slash stays spaced between words
    ],
)
def test_ecbplus_read_detokenise(tokens: str, text: str) -> None:
    assert er.detokenise(tokens.split())[0] == text


def test_ecbplus_read_detokenise_spans_point_at_tokens() -> None:
    tokens = ["Mr", ".", "Roe", "'s", "lawyer", "\t"]
    text, spans = er.detokenise(tokens)
    assert [text[s:e] for s, e in spans] == ["Mr", ".", "Roe", "'s", "lawyer", ""]


@pytest.mark.parametrize(
    ("line", "is_date", "published"),
    [
        ("First Published : June 3 , 2011 4 : 05 PM EDT", True, "2011-06-03"),
        ("May 9 , 2011 | 7 : 15pm", True, "2011-05-09"),
        ("Posted : 04 / 6 / 2011 9 : 12 am", True, "2011-04-06"),
        ("11 : 40 AM , MON 25 JUL 2011", True, "2011-07-25"),
        ("Published : 2011 . 08 . 10 10 : 02 AM", True, "2011-08-10"),
        ("Article posted on 09 . 07 . 2011", True, "2011-07-09"),
        ("MAR 21", True, None),                                      # a date line without a year
        ("KHERSON , Ukraine , April 2 , 2011", False, "2011-04-02"),  # a dateline: other words, kept as text
        ("Updated 6 : 10 p . m . ET", False, None),
        ("Jane Roe wins the vote", False, None),
        ("Who knew ?", False, None),
    ],
)
def test_ecbplus_read_date_line(line: str, is_date: bool, published: str | None) -> None:
    tokens = line.split()
    assert er._is_date_line(tokens) is is_date
    assert er._parse_date(er.detokenise(tokens)[0]) == published


DOC = """<Document doc_name="9_1ecbplus.xml" doc_id="x">
<token t_id="1" sentence="0" number="0">http</token><token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">//example.org/a</token>
<token t_id="4" sentence="1" number="0">May</token><token t_id="5" sentence="1" number="1">3</token>
<token t_id="6" sentence="1" number="2">,</token><token t_id="7" sentence="1" number="3">2011</token>
<token t_id="8" sentence="2" number="0">Jane</token><token t_id="9" sentence="2" number="1">Roe</token>
<token t_id="10" sentence="2" number="2">wins</token>
<token t_id="11" sentence="3" number="0">Roe</token><token t_id="12" sentence="3" number="1">won</token>
<token t_id="13" sentence="3" number="2">in</token><token t_id="14" sentence="3" number="3">Kherson</token>
<token t_id="15" sentence="3" number="4">.</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="8"/><token_anchor t_id="9"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="11"/></HUMAN_PART_PER>
<LOC_GEO m_id="3"><token_anchor t_id="13"/><token_anchor t_id="14"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="4"><token_anchor t_id="12"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="10" RELATED_TO="" TAG_DESCRIPTOR="t9_roe" instance_id="HUM1"/>
<LOC_GEO m_id="11" RELATED_TO="" TAG_DESCRIPTOR="t9_kherson" instance_id="LOC1"/>
<ACTION_OCCURRENCE m_id="12" RELATED_TO="" TAG_DESCRIPTOR="t9_win" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><source m_id="2"/><target m_id="10"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="LOC1"><source m_id="3"/><target m_id="11"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="3" note="ACT1"><source m_id="4"/><target m_id="12"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_ecbplus_read_document(tmp_path: Path) -> None:
    path = tmp_path / "9" / "9_1ecbplus.xml"
    path.parent.mkdir()
    path.write_text(DOC, encoding="utf-8")
    doc = er.read_document(path)
    assert (doc.url, doc.published, doc.title) == ("http://example.org/a", "2011-05-03", "Jane Roe wins")
    assert doc.text == "Jane Roe wins\nRoe won in Kherson."
    assert doc.story == "9ecbplus"
    found = [(m.tag, m.instance, m.text, m.kind) for m in doc.mentions]
    assert found == [("HUMAN_PART_PER", "HUM1", "Jane Roe", "HUMAN"), ("HUMAN_PART_PER", "HUM1", "Roe", "HUMAN"),
                     ("LOC_GEO", "LOC1", "in Kherson", "LOC")]   # actions are not entities
    assert doc.descriptors["HUM1"] == "t9_roe"
