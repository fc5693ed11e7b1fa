"""Unicode repair and layout, one line at a time, with the offset map kept.

ftfy repairs mojibake ("Ã©" -> "é"); quotes, dashes and ligatures are kept as
written (the text is evidence, not prose to restyle). Runs of spaces collapse
to one; zero-width characters go. Each line stays a :class:`MappedText`, so
the clean text can always be traced back to the raw text.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import os
import re
import unicodedata

from .offsets import MappedText, Spans, join
from .prefilter import longest_match, required_words
from .resources import ODD_SPACE_RUN, OTHER_SPACE, SPACES, ZERO_WIDTH

_BLANKS = re.compile(r"\n\s*\n+")
_NEEDS_FTFY = re.compile(r"[^\x00-\x7f]|&[#\w]+;")
#: Lines are repaired and aligned in pieces of about this many characters, cut at a space: the
#: alignment is quadratic, and one 118,000-character line (a page whose markup has no paragraphs)
#: took 15 minutes (#12). Mojibake never spans a space, so the pieces repair as the whole line does.
_ALIGN_PIECE = 500


def fix_unicode(text: str) -> str:
    """Repair mojibake with ftfy, keeping quotes, dashes and ligatures as written.

    >>> fix_unicode("cafÃ©")
    'café'
    """
    if text.isascii() and ("&" not in text or not _NEEDS_FTFY.search(text)):  # mojibake needs non-ASCII
        return text
    if "\n" not in text and _ftfy_leaves(text):
        return text
    import ftfy

    return ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False,
                         fix_character_width=False, normalization="NFC", unescape_html=False)


#: Characters some step of ``fix_text`` (as configured here) changes besides mojibake and NFC: C0 and
#: C1 controls, line and paragraph separators, the invisible formatting characters ftfy removes, surrogates.
_FTFY_OTHER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff]")


def _ftfy_leaves(text: str) -> bool:
    """Whether ``fix_text`` would return one line unchanged, by its own tests, at a fraction of its cost.

    Its encoding repair only starts on text its badness pattern flags; its other steps need one of
    :data:`_FTFY_OTHER`; and the text must already be NFC. Most non-ASCII lines (curly quotes, dashes,
    accented names) pass all three, and ftfy's full pass cost a tenth of cleaning on HTML pages (#12).
    """
    return not _is_bad(text) and not _FTFY_OTHER.search(text) and unicodedata.is_normalized("NFC", text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Past this many characters in a match of ftfy's badness pattern, windows would save little: the whole text is searched.
_BADNESS_LONGEST = 16


def _is_bad(text: str) -> bool:
    """ftfy's ``is_bad(text)``, its badness pattern searched only around the non-ASCII characters.

    Every match of that pattern holds a non-ASCII character and is a few characters long
    (:func:`_badness_reach`), so no match lies outside these windows; the pattern has no lookaround,
    so a match inside a window is one in the text. Searched over whole lines, where a curly quote
    or a dash is most often the only non-ASCII character, it was a third of reading lines (#12, speed).
    """
    from ftfy.badness import BADNESS_RE

    reach = _badness_reach()
    if reach is None:  # a pattern this shortcut cannot vouch for: the whole text is searched
        return BADNESS_RE.search(text) is not None
    start = end = -1
    for m in _NON_ASCII.finditer(text):
        if m.start() - reach <= end:  # overlaps the window before: one window
            end = m.end() + reach
            continue
        if end >= 0 and BADNESS_RE.search(text, start, end):
            return True
        start, end = max(m.start() - reach, 0), m.end() + reach
    return end >= 0 and BADNESS_RE.search(text, start, end) is not None


@functools.cache
def _badness_reach() -> int | None:
    """How far from a non-ASCII character a match of ftfy's badness pattern may reach (its longest match,
    less one), or None unless every match of the pattern holds a non-ASCII character and none is longer
    than a few characters: read from the pattern of the ftfy installed, which may change."""
    from ftfy.badness import BADNESS_RE

    longest = longest_match(BADNESS_RE)
    if required_words(BADNESS_RE) != frozenset() or longest is None or not 0 < longest <= _BADNESS_LONGEST:
        return None
    return longest - 1


def normalize_line(raw: str, start: int, end: int) -> tuple[MappedText, list[tuple[int, int, str]]]:
    """The line ``raw[start:end]`` with spaces collapsed and mojibake fixed.

    Returns:
        The mapped line, and each ftfy change as ``(start, end, before)``:
        the span of the new text in the line and the raw text it replaced.
    """
    line = MappedText.copied(raw, start, end)
    if line.text.isascii():
        # in ASCII the odd spaces are two spaces or a tab, no zero-width character exists, and only an
        # entity can need ftfy: substring tests find them without a regex scan of each line (#12, speed)
        if "  " in line.text or "\t" in line.text:
            line = _spaces_fixed(line)
        if "&" not in line.text or not _NEEDS_FTFY.search(line.text):
            return line, []
    else:
        # most lines of an extractor's output are plain: one search finds out, and the per-space work is
        # skipped (it was a fifth of cleaning's time on HTML pages, #12); the search for two spaces is a
        # substring test, as a pattern that may begin with a space stops at every space (#12, speed)
        if "  " in line.text or OTHER_SPACE.search(line.text):
            line = _spaces_fixed(line)
        # a line that is still not ASCII holds what the pattern looks for; one made ASCII by its spaces may not
        if line.text.isascii() and ("&" not in line.text or not _NEEDS_FTFY.search(line.text)):
            return line, []
    pieces: list[MappedText] = []
    changes: list[tuple[int, int, str]] = []
    offset = 0
    fixed_any = False
    for piece in _pieces(line):
        fixed = fix_unicode(piece.text)
        if fixed != piece.text:
            piece, piece_changes = _aligned(piece, fixed)
            changes.extend((offset + a, offset + b, before) for a, b, before in piece_changes)
            fixed_any = True
        pieces.append(piece)
        offset += len(piece.text)
    if not fixed_any:  # the pieces joined again are the line: it keeps its offsets as slices (#12, speed)
        return line, changes
    return (pieces[0] if len(pieces) == 1 else join(pieces, "")), changes


def _spaces_fixed(line: MappedText) -> MappedText:
    """``line`` without zero-width characters, each run of spaces one plain space."""
    # the dropped characters as spans, kept text copied between them in slices: per-character work was
    # most of cleaning's time on a page that is one line of 118,000 characters (#12)
    drop = [(m.start(), m.end()) for m in ZERO_WIDTH.finditer(line.text)]
    # only the odd runs are found: a search for every run met each space between two words in Python (#12, speed)
    drop.extend((m.start() + 1, m.end()) for m in ODD_SPACE_RUN.finditer(line.text))
    if drop:
        drop.sort()
        texts, origins, at = [], [], 0
        for start, end in drop:
            texts.append(line.text[at:start])
            origins.append(line.origin[at:start])
            at = end
        texts.append(line.text[at:])
        origins.append(line.origin[at:])
        # a line copied from the raw text stays slices of it: no offset is listed (#12, speed)
        ranges = [origin for origin in origins if isinstance(origin, range)]
        kept = Spans(ranges) if len(ranges) == len(origins) else tuple(itertools.chain.from_iterable(origins))
        line = MappedText("".join(texts), kept)
    if OTHER_SPACE.search(line.text):  # a lone tab or no-break space becomes a space (zero-width ones are gone)
        line = MappedText(SPACES.sub(" ", line.text), line.origin)
    return line


def _pieces(line: MappedText) -> list[MappedText]:
    """``line`` cut at spaces into pieces of about :data:`_ALIGN_PIECE` characters."""
    pieces: list[MappedText] = []
    start = 0
    while len(line.text) - start > _ALIGN_PIECE:
        cut = line.text.find(" ", start + _ALIGN_PIECE)
        if cut < 0:
            break
        pieces.append(line.slice(start, cut))
        start = cut
    pieces.append(line.slice(start, len(line.text)))
    return pieces


def _aligned(line: MappedText, fixed: str) -> tuple[MappedText, list[tuple[int, int, str]]]:
    """Map ``fixed`` onto ``line``'s origins where the two agree; list the changes."""
    text = line.text
    head = len(os.path.commonprefix([text, fixed]))
    tail = len(os.path.commonprefix([text[head:][::-1], fixed[head:][::-1]]))
    origin = list(line.origin[:head]) + [-1] * (len(fixed) - head - tail) + list(line.origin[len(text) - tail:])
    changes: list[tuple[int, int, str]] = []
    # only the differing middle is aligned: a repair touches a few characters of a line
    matcher = difflib.SequenceMatcher(None, text[head:len(text) - tail], fixed[head:len(fixed) - tail], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            origin[head + b1:head + b2] = line.origin[head + a1:head + a2]
        else:
            changes.append((head + b1, head + b2, text[head + a1:head + a2]))
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
