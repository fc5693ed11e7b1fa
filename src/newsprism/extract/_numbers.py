"""Numbers written in digits or words: tables and a small parser.

Shared by the claims stage (counts, money, percentages) and the dates stage
("two weeks ago", "three years"). ``parse_number`` reads one number phrase;
``NUMBER_RE`` finds them in running text.
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
}
#: Vague quantities: (value, bound). "dozens" means at least 24, "hundreds" at least 200.
VAGUE: dict[str, tuple[float, str]] = {
    "a dozen": (12, "about"), "dozen": (12, "about"), "dozens": (24, "at_least"), "scores": (40, "at_least"),
    "hundreds": (200, "at_least"), "thousands": (2_000, "at_least"), "millions": (2_000_000, "at_least"),
    "billions": (2_000_000_000, "at_least"), "tens of thousands": (20_000, "at_least"),
    "hundreds of thousands": (200_000, "at_least"), "tens of millions": (20_000_000, "at_least"),
    "hundreds of millions": (200_000_000, "at_least"), "a couple of": (2, "about"), "a few": (3, "about"),
    "a handful of": (4, "about"), "several": (3, "at_least"),
}
FRACTIONS: dict[str, float] = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = rf"(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:{_SCALE}))*(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?"
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))

#: One number phrase: digits with optional scale word, number words, or a vague quantity.
NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?:(?:{_DIGITS})(?:\s*(?:{_SCALE}|bn|m|k)\b)?|\b(?:{_VAGUE})\b|\b(?:a|one)\s+(?:{_SCALE})\b|\b{_WORDNUM}\b)",
    re.IGNORECASE,
)


def parse_number(text: str) -> tuple[float, str] | None:
    """Read one number phrase.

    Args:
        text: "115,000", "1.5 million", "twenty-five", "dozens", "hundreds of thousands".

    Returns:
        ``(value, bound)`` where bound is ``"exact"`` or the vagueness of a word
        such as "dozens" (``"at_least"``), or ``None`` when it is no number.

    >>> parse_number("1.5 million")
    (1500000.0, 'exact')
    >>> parse_number("twenty-five")
    (25.0, 'exact')
    """
    phrase = " ".join(text.lower().replace("-", " ").split())
    if phrase.replace(" ", "-") in VAGUE or phrase in VAGUE:
        value, bound = VAGUE.get(phrase, VAGUE.get(phrase.replace(" ", "-"), (0, "exact")))
        return float(value), bound
    m = re.fullmatch(rf"({_DIGITS})\s*([a-z]*)", phrase)
    if m:
        number = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale and scale not in SCALES:
            return None
        return number * SCALES.get(scale, 1), "exact"
    return _parse_words(phrase)


def _parse_words(phrase: str) -> tuple[float, str] | None:
    total, current, seen = 0.0, 0.0, False
    for word in phrase.split():
        if word in ("and", "a"):
            if word == "a":
                current = current or 1
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current, "exact"


def small_number(text: str) -> int | None:
    """A small count written in digits or words ("3", "three", "a", "an"), else ``None``."""
    word = text.lower()
    if word in ("a", "an", "one"):
        return 1
    if word.isdigit():
        return int(word)
    parsed = _parse_words(word.replace("-", " "))
    return int(parsed[0]) if parsed else None
