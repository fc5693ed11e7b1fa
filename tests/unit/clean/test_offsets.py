"""The clean->raw offset map."""

from __future__ import annotations

import pytest

from newsprism.clean.normalize import normalize_line, normalize_text
from newsprism.clean.offsets import MappedText, join, segments_of
from newsprism.model import Segment


def test_offsets_copied_runs_merge_and_inserts_break_them() -> None:
    raw = "abc def"
    line = MappedText.copied(raw, 0, 7).insert(3, "X")
    assert line.text == "abcX def"
    assert segments_of(line, raw) == (Segment(0, 0, 3), Segment(4, 3, 4))


def test_offsets_changed_character_is_not_claimed_as_copied() -> None:
    raw = "a\u00a0b"
    line = MappedText(" ".join(["a", "b"]), (0, 1, 2))
    assert segments_of(line, raw) == (Segment(0, 0, 1), Segment(2, 2, 1))


def test_offsets_join_inserts_separator() -> None:
    raw = "one two"
    joined = join([MappedText.copied(raw, 0, 3), MappedText.copied(raw, 4, 7)], "\n\n")
    assert joined.text == "one\n\ntwo"
    assert segments_of(joined, raw) == (Segment(0, 0, 3), Segment(5, 4, 3))


@pytest.mark.parametrize(("raw", "text"), [
    ("a  b", "a b"),
    ("a\tb", "a b"),
    ("a\u200bb", "ab"),
    ("cafÃ©", "café"),
    ("plain ascii", "plain ascii"),
])
def test_offsets_normalize_line(raw: str, text: str) -> None:
    line, _ = normalize_line(raw, 0, len(raw))
    assert line.text == text
    for segment in segments_of(line, raw):
        copied = line.text[segment.start:segment.start + segment.length]
        assert copied == raw[segment.raw_start:segment.raw_start + segment.length]


def test_offsets_normalize_text_keeps_quotes() -> None:
    assert normalize_text("“Hi”  —  ‘there’\n\n\n\nnext") == "“Hi” — ‘there’\n\nnext"
