"""Checks of the values a user gives: dates, languages, output files, error codes.

One rule per kind of value, shared by the command line, the web API and the
Python API, so the three accept the same values and refuse the rest with the
same message (#15). A check returns the value as newsprism uses it, or raises
:class:`~newsprism.errors.BadValueError` naming the value and what is accepted.

Dates are ISO 8601 only: a calendar date, or a date and time with or without
a zone. Forms such as ``2022/11/09`` or ``Nov 9, 2022`` are refused rather
than guessed, because ``01/02/2022`` is a different day on each side of the
Atlantic, and a guess nobody sees is how a filter silently matches nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cache
from pathlib import Path

from .codes import CATALOGUE, Code
from .errors import BadValueError

#: The date forms accepted everywhere, as the error messages name them.
DATE_FORMS = "ISO 8601, e.g. 2022-11-09, 2022-11-09T14:30 or 2022-11-09T14:30+02:00"

# A calendar date, then optionally a time (minutes, seconds, a fraction) and a zone (Z, +02:00, +0200, +02).
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")

#: Two-letter language codes (ISO 639-1, with the withdrawn in, iw, ji, jw, mo and sh that old pages still declare).
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji
jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb
nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr
ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())


def iso_date(value: str, *, name: str = "date") -> str:
    """``value`` if it is an ISO 8601 date or date and time (surrounding spaces removed).

    Args:
        value: What the user gave.
        name: The option or parameter it came from, for the message (``--from``, ``date_from``).

    Returns:
        The date as given, stripped, with a space between date and time written ``T`` as stored dates have it.

    Raises:
        BadValueError: ``E170`` when it is not an ISO 8601 date, or names a day that does not exist.

    >>> iso_date(" 2022-11-09 ")
    '2022-11-09'
    >>> iso_date("2022-13-45", name="--from")
    Traceback (most recent call last):
    ...
    newsprism.errors.BadValueError: [E170] --from: '2022-13-45' is not a date (month must be in 1..12); use ISO 8601, e.g. 2022-11-09, 2022-11-09T14:30 or 2022-11-09T14:30+02:00
    """
    text = value.strip()
    why = ""
    if _ISO_DATE.fullmatch(text):
        try:
            dt.datetime.fromisoformat(text)
        except ValueError as e:  # the form is right but the day or time does not exist
            why = f" ({e})"
        else:
            return text.replace(" ", "T")
    raise BadValueError(f"{name}: {value[:60]!r} is not a date{why}; use {DATE_FORMS}", code=Code.BAD_DATE)


def language_code(value: str, *, name: str = "lang") -> str:
    """``value`` lower-cased if it is a language code: ISO 639-1 (``en``), or three letters (``fil``).

    These are the codes articles carry (see :attr:`newsprism.model.Article.lang`).

    Raises:
        BadValueError: ``E171`` otherwise (``english``, ``xx``, ``en-GB``).

    >>> language_code("EN")
    'en'
    """
    code = value.strip().lower()
    if code in ISO_639_1 or re.fullmatch(r"[a-z]{3}", code):
        return code
    raise BadValueError(f"{name}: {value[:40]!r} is not a language code; give an ISO 639 code such as en, de "
                        "or uk", code=Code.BAD_LANGUAGE)


@cache
def cleaning_languages() -> tuple[str, ...]:
    """The languages cleaning knows the words of (wordfreq's lists), which it needs to repair glued words."""
    from wordfreq import available_languages

    return tuple(sorted(available_languages()))


def main_language(value: str, *, name: str = "main_language") -> str:
    """``value`` lower-cased if cleaning supports it as the language of a story.

    Raises:
        BadValueError: ``E171`` with the supported languages, for any other value.

    >>> main_language("de")
    'de'
    """
    code = value.strip().lower()
    supported = cleaning_languages()
    if code in supported:
        return code
    raise BadValueError(f"{name}: {value[:40]!r} is not a language cleaning supports; supported: "
                        f"{', '.join(supported)}", code=Code.BAD_LANGUAGE)


def output_file(path: str | Path, *, name: str = "output") -> Path:
    """``path`` if a file can be written there, checked before any work is done.

    Raises:
        BadValueError: ``E172`` when ``path`` is a folder, its folder does not exist or is not a
            folder, or the file or its folder cannot be written.
    """
    target = Path(path)
    folder = target.parent
    problem = ""
    if target.is_dir():
        problem = "is a folder; give a file name inside it"
    elif not folder.exists():
        problem = f"cannot be written: the folder {str(folder)!r} does not exist; create it first"
    elif not folder.is_dir():
        problem = f"cannot be written: {str(folder)!r} is not a folder"
    elif target.exists() and not os.access(target, os.W_OK):
        problem = "cannot be written: permission denied"
    elif not target.exists() and not os.access(folder, os.W_OK | os.X_OK):
        problem = f"cannot be written: no permission to create files in {str(folder)!r}"
    if problem:
        raise BadValueError(f"{name}: {str(path)!r} {problem}", code=Code.BAD_OUTPUT_PATH)
    return target


def output_folder(path: str | Path, *, name: str = "output") -> Path:
    """``path`` if a new or empty folder can be written there, checked before any work is done.

    Raises:
        BadValueError: ``E172`` when ``path`` is a file or a folder that is not empty (an export would
            mix with what is there), or its parent folder does not exist.
    """
    target = Path(path)
    problem = ""
    if target.exists() and not target.is_dir():
        problem = "is a file; give a folder for a partitioned export"
    elif target.is_dir() and any(target.iterdir()):
        problem = "is a folder that is not empty; give a new or empty folder"
    elif not target.exists() and not target.parent.is_dir():
        problem = f"cannot be written: the folder {str(target.parent)!r} does not exist; create it first"
    if problem:
        raise BadValueError(f"{name}: {str(path)!r} {problem}", code=Code.BAD_OUTPUT_PATH)
    return target


def failure_code(value: str, *, name: str = "code") -> str:
    """``value`` upper-cased if it is one of newsprism's codes (``E104``, ``W301``), as :mod:`newsprism.codes` lists.

    Raises:
        BadValueError: ``E176`` otherwise (``104``, ``E10``, or a code newsprism never gives).

    >>> failure_code("e104")
    'E104'

    .. versionchanged:: 0.1.0
       Only codes of the catalogue are taken; a code of the right form that newsprism never gives
       filtered out everything without a word.
    """
    code = value.strip().upper()
    if code in CATALOGUE:
        return code
    family = [known for known in CATALOGUE if code[:3] and known.startswith(code[:3])]
    hint = f"; codes near it: {', '.join(family[:12])}" if family else f", e.g. {Code.INPUT_NOT_FOUND}"
    raise BadValueError(f"{name}: {value[:40]!r} is not a newsprism code (docs/errors.md lists them){hint}",
                        code=Code.UNKNOWN_CODE)
