"""Unicode repair and layout, one line at a time, with the offset map kept.

ftfy repairs mojibake ("Ã©" -> "é"); quotes, dashes and ligatures are kept as
written (the text is evidence, not prose to restyle). Runs of spaces collapse
to one; zero-width characters go. Each line stays a :class:`MappedText`, so
the clean text can always be traced back to the raw text.
"""

from __future__ import annotations

import difflib
import re

from .offsets import MappedText
from .resources import SPACES, ZERO_WIDTH

_BLANKS = re.compile(r"\n\s*\n+")
_NEEDS_FTFY = re.compile(r"[^\x00-\x7f]|&[#\w]+;")


def fix_unicode(text: str) -> str:
    """Repair mojibake with ftfy, keeping quotes, dashes and ligatures as written.

    >>> fix_unicode("cafÃ©")
    'café'
    """
    if not _NEEDS_FTFY.search(text):  # mojibake needs non-ASCII; skip ftfy's cost
        return text
    import ftfy

    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False,
                         fix_character_width=False, normalization="NFC", unescape_html=False)


def normalize_line(raw: str, start: int, end: int) -> tuple[MappedText, list[tuple[int, int, str]]]:
    """The line ``raw[start:end]`` with spaces collapsed and mojibake fixed.

    Returns:
        The mapped line, and each ftfy change as ``(start, end, before)``:
        the span of the new text in the line and the raw text it replaced.
    """
    line = MappedText.copied(raw, start, end)
    drop = {m.start() for m in ZERO_WIDTH.finditer(line.text)}
    for m in SPACES.finditer(line.text):
        if m.group() != " ":
            drop.update(range(m.start() + 1, m.end()))
    if drop:
        line = line.keep(i for i in range(len(line.text)) if i not in drop)
    if SPACES.search(line.text.replace(" ", "")):  # a lone tab or no-break space becomes a space
        line = MappedText(SPACES.sub(" ", line.text), line.origin)
    fixed = fix_unicode(line.text)
    if fixed == line.text:
        return line, []
    return _aligned(line, fixed)


def _aligned(line: MappedText, fixed: str) -> tuple[MappedText, list[tuple[int, int, str]]]:
    """Map ``fixed`` onto ``line``'s origins where the two agree; list the changes."""
    origin = [-1] * len(fixed)
    changes: list[tuple[int, int, str]] = []
    matcher = difflib.SequenceMatcher(None, line.text, fixed, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            origin[b1:b2] = line.origin[a1:a2]
        else:
            changes.append((b1, b2, line.text[a1:a2]))
    return MappedText(fixed, tuple(origin)), changes


def normalize_text(text: str) -> str:
    """Repair mojibake, collapse runs of spaces and of blank lines (no offsets kept).

    >>> normalize_text("a  b\\n\\n\\n\\nc")
    'a b\\n\\nc'
    """
    text = fix_unicode(text)
    text = ZERO_WIDTH.sub("", SPACES.sub(" ", text))
    text = "\n".join(line.strip() for line in text.splitlines())
    return _BLANKS.sub("\n\n", text).strip()
