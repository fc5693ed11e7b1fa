"""The clean->raw offset map."""

from __future__ import annotations

import random

import pytest

from newsprism.clean.normalize import normalize_line, normalize_text
from newsprism.clean.offsets import MappedText, Spans, join, segments_of, segments_of_parts
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


def test_offsets_parts_give_the_runs_of_their_join() -> None:
    raw = "one two\n\nthree  four\tfive"
    parts = [
        MappedText.copied(raw, 0, 7),
        MappedText.copied(raw, 7, 9),  # a copied separator: the run goes on
        MappedText.copied(raw, 9, 14),
        MappedText.inserted(" "),  # an inserted one breaks it
        MappedText.copied(raw, 16, 20).insert(2, " "),
        MappedText(raw[20:25].replace("\t", " "), range(20, 25)),  # a range whose text no longer matches raw
    ]
    joined = join(parts, "")
    assert segments_of_parts(parts, raw) == segments_of(joined, raw)
    assert segments_of_parts(parts, raw)[0] == Segment(0, 0, 14)
    assert segments_of_parts([], raw) == ()


@pytest.mark.parametrize("length", [10, 300, 2000])
def test_offsets_long_and_short_parts_give_the_same_runs(length: int) -> None:
    raw = ("ab\u00a0cd  ef" * (length // 10 + 1))[:length]
    line, _ = normalize_line(raw, 0, len(raw))
    text = "".join(char.upper() if i % 7 == 0 else char for i, char in enumerate(line.text))
    edited = MappedText(text, tuple(line.origin)).insert(length // 2, "-")
    expected = []
    for i, (char, at) in enumerate(zip(edited.text, edited.origin, strict=True)):
        if at >= 0 and raw[at] == char:
            if expected and expected[-1][0] + expected[-1][2] == i and expected[-1][1] + expected[-1][2] == at:
                expected[-1][2] += 1
            else:
                expected.append([i, at, 1])
    assert len(expected) > 2
    assert segments_of(edited, raw) == tuple(Segment(*run) for run in expected)


def test_offsets_a_copied_slice_holds_no_tuple_of_offsets() -> None:
    line = MappedText.copied("x" * 1000, 10, 900)
    assert line.origin == range(10, 900)
    assert line.slice(5, 10).origin == range(15, 20)
    assert line.insert(1, "y").origin[:3] == (10, -1, 11)


def test_offsets_spans_read_as_their_offsets_end_to_end() -> None:
    rng = random.Random(3)
    for _ in range(300):
        ranges, at = [], rng.randint(0, 50)
        for _ in range(rng.randint(0, 5)):
            length = rng.randint(0, 6)
            ranges.append(range(at, at + length))
            at += length + rng.randint(1, 3)
        spans, flat = Spans(ranges), [offset for span in ranges for offset in span]
        assert list(spans) == flat
        assert len(spans) == len(flat)
        assert [spans[i] for i in range(-len(flat), len(flat))] == flat + flat
        for start in range(-2, len(flat) + 2):
            for end in range(-2, len(flat) + 2):
                assert list(spans[start:end]) == flat[start:end]
                assert list(spans[start:end:2]) == flat[start:end:2]
    with pytest.raises(IndexError):
        Spans([range(3)])[3]


def test_offsets_a_line_that_loses_spaces_keeps_slices_and_the_same_runs() -> None:
    raw = "x\nThe  mayor\u200b said\u00a0so   today.\n"
    line, _ = normalize_line(raw, 2, len(raw) - 1)
    assert line.text == "The mayor said so today."
    assert isinstance(line.origin, Spans)
    as_tuple = MappedText(line.text, tuple(line.origin))
    assert segments_of(line, raw) == segments_of(as_tuple, raw)
    assert segments_of(line, raw)[:2] == (Segment(0, 2, 4), Segment(4, 7, 5))


def test_offsets_a_long_line_ftfy_leaves_keeps_its_range() -> None:
    raw = "“Quoted” words, " * 100
    line, changes = normalize_line(raw, 0, len(raw) - 1)
    assert changes == []
    assert line.origin == range(0, len(raw) - 1)


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
