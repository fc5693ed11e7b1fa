"""Words a cue pattern cannot match without, and ftfy's badness test near non-ASCII characters (#12, speed).

Both skip work only where it cannot change the output: these tests hold the shortcuts to the full searches.
"""

from __future__ import annotations

import re

import pytest
from _fixtures import load, names
from ftfy.badness import BADNESS_RE, is_bad

from newsprism.clean.normalize import _badness_reach, _is_bad
from newsprism.clean.prefilter import longest_match, may_match, required_words, words_pattern
from newsprism.clean.resources import FURNITURE_RULES

_FIXTURE_LINES = sorted({line.strip() for name in names() for line in load(name).text.splitlines() if line.strip()})


@pytest.mark.issue(12)
def test_required_words_of_an_alternation_are_one_word_per_alternative() -> None:
    pattern = re.compile(r"\b(?:leave|post)\s+(?:a\s+)?comment|\bcookies?\s+policy|^\s*share\s*$|©", re.I)
    assert required_words(pattern) == {"comment", "cookie", "share"}  # the longest word of each; © is no ASCII


@pytest.mark.issue(12)
def test_required_words_unknown_when_an_alternative_needs_none() -> None:
    assert required_words(re.compile(r"cookie|[A-Z]{3,}")) is None
    # the Kelvin sign matches "k" case-blind, so a class of such letters may match ASCII text
    assert required_words(re.compile("[\u2100-\u2200]", re.I)) is None
    assert required_words(re.compile("[\u2100-\u2200]")) == frozenset()


@pytest.mark.issue(12)
@pytest.mark.parametrize(("kind", "free"), [(kind, free) for kind, _, free, _ in FURNITURE_RULES if free is not None])
def test_every_cue_match_in_the_fixtures_holds_a_required_word(kind: str, free: re.Pattern[str]) -> None:
    words = words_pattern(required_words(free))
    matched = [line for line in _FIXTURE_LINES if line.isascii() and free.search(line)]
    missed = [line for line in matched if not may_match(words, line.lower())]
    assert missed == []


@pytest.mark.issue(12)
def test_cue_words_skip_most_story_lines() -> None:
    story = [line for name in names() for line in load(name).story if line.isascii()]
    free_words = [words_pattern(required_words(free)) for _, _, free, _ in FURNITURE_RULES if free is not None]
    searched = sum(may_match(words, line.lower()) for line in story for words in free_words)
    assert searched < 0.25 * len(story) * len(free_words)


@pytest.mark.issue(12)
def test_badness_shortcut_is_active_for_the_installed_ftfy() -> None:
    assert longest_match(BADNESS_RE) is not None
    assert _badness_reach() is not None


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", [
    "The cafÃ© opened.", "Ã©tÃ© â€” Ãºltimo", "Curly “quotes” stay as written.", "naïve œuvre", "x œ", "",
    "He said â€œnoâ€\x9d and left.", "Ø³Ù„Ø§Ù…", "Plain ASCII text.", "â€¦ and then", "£5 and €3 — fine",
])
def test_is_bad_near_non_ascii_agrees_with_ftfy(text: str) -> None:
    assert _is_bad(text) == is_bad(text)


@pytest.mark.issue(12)
def test_is_bad_finds_mojibake_far_from_the_first_non_ascii_character() -> None:
    text = "“Quote” " + "plain words " * 50 + "then cafÃ© at the end"
    assert _is_bad(text) and is_bad(text)
