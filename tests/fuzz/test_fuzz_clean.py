"""Property tests of cleaning: HTML of any shape never raises; every offset the cleaner records is exact."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_text
from newsprism.clean.html import extract_html
from newsprism.model import to_raw_offset

from .conftest import HOSTILE_TEXT, HTML, NEWSY_TEXT


@settings(max_examples=60, deadline=None)  # timing is checked inside, against a budget, not per example
@given(HTML, st.sampled_from([None, "https://e.example/a", "javascript:alert(1)", "http://[zz", "\x00"]))
def test_fuzz_extract_html_any_markup(html: str, url: str | None) -> None:
    started = time.monotonic()
    result = extract_html(html, url=url)
    assert time.monotonic() - started < 10
    assert isinstance(result.text, str)
    assert all(issue.code and issue.message for issue in result.issues)
    assert "<script" not in result.text.lower() or "<script" in html.lower()


def _storable(text: str) -> str:
    # Policy: lone surrogates become U+FFFD at reading (newsprism.clean.read), before any cleaning,
    # because no store or JSON output can encode them; clean_text is given what reading gives it.
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    clean_text("Warm up: the word lists and language model load on first use.")
    extract_html("<html><body><p>Warm up.</p></body></html>")


@settings(max_examples=120, deadline=3000)
@given(st.one_of(NEWSY_TEXT, HOSTILE_TEXT).map(_storable), st.sampled_from(["text", "html"]))
def test_fuzz_clean_text_offsets_are_exact(raw: str, kind: str) -> None:
    result = clean_text(raw, content_kind=kind)
    text = result.text
    for removal in result.removals:
        assert 0 <= removal.start <= removal.end <= len(raw)
        assert removal.text == raw[removal.start:removal.end]
    for repair in result.repairs:
        assert 0 <= repair.start <= repair.end <= len(text)
        assert repair.after == text[repair.start:repair.end]
    for segment in result.segments:
        assert 0 <= segment.start and segment.start + segment.length <= len(text)
        assert text[segment.start:segment.start + segment.length] == \
            raw[segment.raw_start:segment.raw_start + segment.length]
    for paragraph in result.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(text)
    for offset in range(0, len(text), 7):
        mapped = to_raw_offset(result.segments, offset)
        assert mapped is None or 0 <= mapped <= len(raw)
