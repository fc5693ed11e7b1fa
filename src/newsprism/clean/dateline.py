"""A story's dateline: when (and where) it was filed, which belongs in the metadata, not the body.

A dateline opens the body: a date alone on its line ("Tuesday, October 8, 2019", "8 octobre 2019",
"2019-10-08"), a place and a date ("KYIV, Nov. 9, 2022"), or either before a dash that starts the
first sentence ("LONDON, March 3 (Reuters) — The …"). It is recognised by that form, in any language
dateparser reads (the story's own, given by the caller: guessing among all of them costs seconds); the
date must have a day, a month and a year, or a day and a month before a dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .resources import DATELINE

#: A dateline is short: more words than this and the line is a sentence that starts with a date.
_MAX_WORDS = 10
#: A place before the date: one to four capitalised words, each followed by a comma or a space.
_PLACE = re.compile(r"^((?:[A-ZÀ-Þ][\w.'’-]*[ ,]+){1,4}?),?\s+(?=\S*\d|\w+\.?\s+\d)")
#: The dash that ends a dateline and starts the first sentence, and an agency credit before it.
_DASH = re.compile(r"^(.{4,90}?)\s*(?:\([^()]{1,30}\))?\s+[—–-]{1,2}\s+(?=\S)")
_AGENCY = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
#: Past this length only a dash can end a dateline, within its first 90 characters.
_MAX_CHARS = 2000
_SPACES = re.compile(r"[\s\u00a0]+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a line: its length there, the date it gives and the place, if any."""

    length: int
    date: str | None
    place: str | None


def find_dateline(line: str, *, languages: tuple[str, ...] = ("en",)) -> Dateline | None:
    """The dateline that opens ``line``, if one does (the whole line, or the part before a dash).

    >>> find_dateline("Tuesday, October 8, 2019")
    Dateline(length=24, date='2019-10-08', place=None)
    >>> find_dateline("8 octobre 2019", languages=("fr", "en")).date
    '2019-10-08'
    >>> find_dateline("KYIV, Nov. 9, 2022 — Russian troops left the city.").place
    'KYIV'
    >>> find_dateline("On Tuesday, October 8, 2019 the council met.") is None
    True
    """
    stripped = line.rstrip(" \t\u00a0")
    if not _DIGIT.search(stripped) or len(stripped) > _MAX_CHARS:
        return None
    return _find(stripped, languages)


@lru_cache(maxsize=4096)
def _find(stripped: str, languages: tuple[str, ...]) -> Dateline | None:
    whole = _date_and_place(stripped, languages) if _YEAR.search(stripped) else None  # a whole line gives the year
    if whole is not None:
        return Dateline(len(stripped), *whole)
    dash = _DASH.match(stripped)
    if dash is not None:
        found = _date_and_place(_AGENCY.sub("", dash.group(1)), languages, partial=True)
        if found is not None:
            return Dateline(dash.end(), *found)
    return None


def _date_and_place(text: str, languages: tuple[str, ...], *, partial: bool = False) -> tuple[str | None, str | None] | None:
    """``(date, place)`` when all of ``text`` is a date, optionally after a place; else None.

    The date is ISO 8601, or None for a day and month with no year (a wire dateline before a dash).
    """
    text = _SPACES.sub(" ", text).strip(" ,")
    if not text or len(text.split()) > _MAX_WORDS or not _DIGIT.search(text):
        return None
    found, date = _date(text, languages, partial=partial)
    if found:
        return date, None
    place = _PLACE.match(text)
    if place is None:
        return None
    found, date = _date(text[place.end():], languages, partial=partial)
    return (date, place.group(1).strip(" ,")) if found else None


def _date(text: str, languages: tuple[str, ...], *, partial: bool) -> tuple[bool, str | None]:
    """Whether ``text`` is nothing but a date (day, month and year; or day and month), and its ISO form."""
    parsed = _parse(text, languages, strict=True)
    if parsed is not None or DATELINE.match(text):
        return True, parsed
    if partial and _parse(text, languages, strict=False, parts=("day", "month")) is not None:
        return True, None  # "March 3" before a dash: the year is not given
    return False, None


@cache
def _parser() -> Any:
    import dateparser

    return dateparser


def _parse(text: str, languages: tuple[str, ...], *, strict: bool,
           parts: tuple[str, ...] = ("day", "month", "year")) -> str | None:
    settings: dict[str, Any] = {"REQUIRE_PARTS": list(parts), "PREFER_DATES_FROM": "past",
                                "STRICT_PARSING": strict, "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        found = _parser().parse(text, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):  # dateparser raises on some odd inputs
        return None
    return found.date().isoformat() if found is not None else None
