"""Unicode repair with the offset map kept (newsprism.clean.normalize)."""

from __future__ import annotations

import time

import pytest

from newsprism.clean.normalize import normalize_line


@pytest.mark.parametrize(("raw", "expected"), [
    ("The cafÃ© opened.", "The café opened."),
    ("Plain ASCII stays.", "Plain ASCII stays."),  # must NOT change
    ("Curly “quotes” stay as written.", "Curly “quotes” stay as written."),  # must NOT change
])
def test_normalize_line_repairs_mojibake(raw: str, expected: str) -> None:
    line, _ = normalize_line(raw, 0, len(raw))
    assert line.text == expected


@pytest.mark.issue(12)
def test_normalize_line_long_line_is_repaired_in_bounded_time() -> None:
    # a page without paragraph markup gives one line of the whole text; aligning it in one piece was quadratic
    raw = " ".join(f"Word{i} {'cafÃ©' if i % 100 == 0 else 'café'} naïve text" for i in range(6000))
    start = time.perf_counter()
    line, changes = normalize_line(raw, 0, len(raw))
    assert time.perf_counter() - start < 5
    assert "cafÃ©" not in line.text and line.text.count("café") == 6000
    assert len(changes) == 60
    # every character the repair did not touch still maps to its own raw offset
    assert all(raw[origin] == char for char, origin in zip(line.text, line.origin, strict=True) if origin >= 0)
    b, e, before = changes[-1]
    assert before == "Ã©" and line.text[b:e] == "é"


#: (line, whether ftfy changes it): the quick test must send every line ftfy would change to ftfy.
_FTFY_ROWS = [
    ("Curly “quotes”, an en dash – and José’s café.", False),
    ("Ünïcödé in NFC, ½ and €5.", False),
    ("The cafÃ© opened.", True),  # mojibake
    ("Itâ€™s broken.", True),  # mojibake of a curly apostrophe
    ("Cafe\u0301 written with a combining accent.", True),  # not NFC
    ("A C1 control \x85 inside.", True),
    ("Zero\ufeffwidth no-break space.", True),
    ("A bell\x07 in the text é.", True),
]


@pytest.mark.issue(12)
@pytest.mark.parametrize(("raw", "changed"), _FTFY_ROWS)
def test_normalize_ftfy_quick_test_agrees_with_ftfy(raw: str, changed: bool) -> None:
    import ftfy

    from newsprism.clean.normalize import _ftfy_leaves, fix_unicode

    fixed = ftfy.fix_text(raw, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                          normalization="NFC", unescape_html=False)
    assert (fixed != raw) is changed
    assert _ftfy_leaves(raw) is not changed  # skipped exactly when ftfy leaves the line as it is
    assert fix_unicode(raw) == fixed
