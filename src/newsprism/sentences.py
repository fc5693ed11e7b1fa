"""Where a sentence of running text ends, without a parse: the rule the link steps share.

A full stop, question or exclamation mark (with a closing quote or bracket after it) and white space end a
sentence, and a line break always does, except where the stop is an abbreviation's: before a word in lower
case ("General Motors Corp. said"), after an initial ("John F. Kennedy") or after a short abbreviation before
a number ("on Dec. 7", "No. 1").

>>> text = "Officials in the U.S. capital said 12 people died. Mr. Smith said 14 were missing."
>>> text[slice(*sentence_span(text, text.index("12"), text.index("12") + 2))]
'Officials in the U.S. capital said 12 people died.'
>>> text[slice(*sentence_span(text, text.index("14"), text.index("14") + 2))]
'Mr. Smith said 14 were missing.'
"""

from __future__ import annotations

import re

from .extract._lexicon import TITLES

#: A stop and what closes it, then the space after: a candidate sentence end (its match starts after the stop).
SENTENCE_END = re.compile(r"(?<=[.!?。！？])([\"'”’)]?)\s+")
_INITIAL_BEFORE = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_SHORT_BEFORE_NUMBER = re.compile(r"(?:^|[\s(])[A-Z][a-z]{0,3}\.$")
#: A title written with a stop, before the name it stands before ("Mr. Smith", "Gov. Newsom").
_DOTTED_TITLES = "|".join(re.escape(title[:-1]) for title in sorted(TITLES) if title.endswith(".") and "." not in title[:-1])
_TITLE_BEFORE = re.compile(rf"(?:^|[\s(])(?:{_DOTTED_TITLES})$", re.IGNORECASE)
#: the characters before a stop that the tests above read
_LOOK_BACK = 8


def ends_sentence(text: str, stop: re.Match[str]) -> bool:
    """Whether a match of :data:`SENTENCE_END` in ``text`` ends a sentence (see the module)."""
    after = text[stop.end():stop.end() + 1]
    before = max(0, stop.start() - _LOOK_BACK)
    return not after.islower() and not _INITIAL_BEFORE.search(text, before, stop.start()) \
        and not (after.isupper() and _TITLE_BEFORE.search(text, before, stop.start() - 1)) \
        and not (after.isdigit() and _SHORT_BEFORE_NUMBER.search(text, before, stop.start()))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence that holds ``text[start:end]``: from the sentence end or line break
    before it to the next one after it (the end at the stop, before its closing mark)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = line_start
    for stop in SENTENCE_END.finditer(text, line_start, start):
        if stop.end() <= start and ends_sentence(text, stop):
            left = stop.end()
    right = next((stop.start() for stop in SENTENCE_END.finditer(text, end, line_end) if ends_sentence(text, stop)),
                 line_end)
    return left, right
