"""Option types that check a value before the command runs (#15).

A value newsprism cannot use (a date that is not ISO 8601, a language it does
not know, a file it cannot write) is a usage error: one line naming the option,
the value and what is accepted, with its code, and exit code 2. The rules live
in :mod:`newsprism.validate`, shared with the web and Python APIs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..errors import BadValueError
from ..validate import failure_code, iso_date, language_code, main_language, output_file

if TYPE_CHECKING:
    _TextType = click.ParamType[str]
else:  # click is generic only from 8.4 on, and we support 8.1
    _TextType = click.ParamType


class BadValue(click.ClickException):
    """A value the user gave that newsprism cannot use: a usage error, exit code 2, one line with its code."""

    exit_code = 2

    @classmethod
    def of(cls, error: BadValueError) -> BadValue:
        """The usage error for a library's :class:`~newsprism.errors.BadValueError`."""
        return cls(str(error))


def _option_name(param: click.Parameter | None, fallback: str) -> str:
    if param is None:
        return fallback
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)  # the long name: --output rather than -o
    return param.human_readable_name


class Checked(_TextType):
    """A text value checked (and normalised) by one of :mod:`newsprism.validate`'s functions."""

    def __init__(self, name: str, check: Callable[..., Any]) -> None:
        self.name = name
        self._check = check

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self._check(value, name=_option_name(param, self.name))
        except BadValueError as e:
            raise BadValue.of(e) from e


class OutputFile(_TextType):
    """A file to write, checked up front (its folder exists, it is not a folder, it can be written); ``-`` is stdout."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str) or value == "-":
            return value
        try:
            output_file(value, name=_option_name(param, "output"))
        except BadValueError as e:
            raise BadValue.of(e) from e
        return value


#: An ISO 8601 date, or date and time, with or without a zone.
DATE = Checked("date", iso_date)
#: A language code as articles carry it (``en``).
LANGUAGE_CODE = Checked("language", language_code)
#: A language cleaning supports as the language of a story.
MAIN_LANGUAGE = Checked("language", main_language)
#: A failure or warning code (``E104``).
FAILURE_CODE = Checked("code", failure_code)
#: A file to write, or ``-``.
OUTPUT_FILE = OutputFile()
