"""Words a regex cannot match without: a substring test that skips the regex on a line that lacks them all.

Python's regex engine tries every alternative of a cue pattern at every position of a line, and most
lines hold no cue: the furniture cues were the costliest step of cleaning an extractor's output (#12).
:func:`required_words` reads a compiled pattern and gives lower-case ASCII words one of which every match
holds; on an ASCII line, where a case-blind match is a match of the lower-cased line, a line holding none
of them cannot match, and ``word in line`` tests are many times cheaper than the search.

>>> words = required_words(re.compile(r"\\b(?:please\\s+)?enter\\s+your\\s+(?:comment|name)|\\bdisqus\\b", re.I))
>>> sorted(words)
['disqus', 'enter']
>>> may_match(words_pattern(words), "the committee will enter the debate")
True
>>> may_match(words_pattern(words), "the council voted on tuesday")
False
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Collection
from typing import Any


def _sre_modules() -> tuple[Any, Any]:
    """The regex parser and its constants: private modules, named ``re._parser`` since Python 3.11."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # Python 3.10
        return importlib.import_module("sre_parse"), importlib.import_module("sre_constants")


_parser, _sre = _sre_modules()
_ASCII = [chr(code) for code in range(128)]


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII words of which every match of ``pattern`` in an ASCII text holds one, or None when
    the pattern does not tell (a class of letters, a backreference, a non-ASCII letter an ASCII one may
    match case-blind). An empty set: the pattern cannot match ASCII text at all.
    """
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    found = _of_sequence(list(parsed.data), pattern.flags)
    return frozenset(found) if found is not None else None


def longest_match(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` may span, or None when it is unbounded or unknown."""
    try:
        longest = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    except (re.error, TypeError, ValueError):
        return None
    return int(longest) if longest < _parser.MAXREPEAT else None


def words_pattern(words: Collection[str] | None) -> re.Pattern[str] | None:
    """One case-sensitive search for any of ``words`` in a lower-cased line: a literal alternation searched
    in C, where a Python test per word cost more than the cue searches it was to save; None for None."""
    if words is None:
        return None
    # longest first: "posted" before "post" changes nothing a search finds, only how soon
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w))) or "(?!)")


def may_match(words: re.Pattern[str] | None, lowered: str) -> bool:
    """Whether an ASCII line, lower-cased, holds one of the words of :func:`words_pattern` (always True for None)."""
    return words is None or words.search(lowered) is not None


def _of_sequence(items: list[tuple[Any, Any]], flags: int) -> set[str] | None:
    """The best set any one item (or run of literal characters) of a sequence requires."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is _sre.LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            options.append({"".join(run)})
            run = []
        if op is None:
            break
        found = _of_item(op, value, flags)
        if found is not None:
            options.append(found)
    if not options:
        return None
    if any(not option for option in options):
        return set()  # an item no ASCII text has
    # the option whose shortest word is longest tests least often true
    return max(options, key=lambda option: (min(map(len, option)), -len(option)))


def _of_item(op: Any, value: Any, flags: int) -> set[str] | None:
    if op is _sre.SUBPATTERN:  # (group, flags added, flags removed, pattern)
        return _of_sequence(list(value[-1].data), (flags | value[1]) & ~value[2])
    if op is _sre.BRANCH:  # a match holds a word of whichever alternative matched
        union: set[str] = set()
        for alternative in value[1]:
            found = _of_sequence(list(alternative.data), flags)
            if found is None:
                return None
            union |= found
        return union
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and value[0] >= 1:
        return _of_sequence(list(value[2].data), flags)
    if op is _sre.LITERAL and not _matches_ascii(chr(value), flags):
        return set()  # "©": no ASCII character matches it, even case-blind
    if op is _sre.IN and all(_no_ascii_in(o, v, flags) for o, v in value):
        return set()  # "[►▶→⇒]", "[α-ω]"
    return None


def _no_ascii_in(op: Any, value: Any, flags: int) -> bool:
    """Whether a member of a character class (a character or a range) matches no ASCII character."""
    if op is _sre.LITERAL:
        return not _matches_ascii(chr(value), flags)
    if op is _sre.RANGE:
        low, high = value
        if not flags & re.IGNORECASE:
            return bool(low > 0x7F)
        # case-blind, a few letters out of ASCII match ASCII ones (the Kelvin sign, the long s)
        return low > 0x7F and high - low < 2_000 and not any(_matches_ascii(chr(c), flags) for c in range(low, high + 1))
    return False


def _matches_ascii(char: str, flags: int) -> bool:
    single = re.compile(re.escape(char), flags & re.IGNORECASE)
    return any(single.fullmatch(other) for other in _ASCII)
