"""Exceptions raised by newsprism.

Only misuse raises; a bad *document* is recorded as an :class:`~newsprism.model.Issue`
or a :class:`~newsprism.model.Failure` and the batch goes on.

::

    NewsprismError
    ├── InputError        a file, URL or option the user gave cannot be used
    │   ├── FetchError    a URL was refused or could not be fetched
    │   ├── QueryError    a search query cannot be read
    │   └── BadValueError a value given as an option, a parameter or an argument is not one newsprism accepts
    ├── ConfigError       a setting is unknown or has a bad value
    ├── StoreError        the corpus database cannot be opened or written
    ├── PluginError       a stage name is unknown or a plugin fails to load
    └── MissingExtraError an optional dependency is not installed

Every message starts with a code (``[E104]``) and says what happened, the
likely cause and the fix. Codes are defined once, in :mod:`newsprism.codes`, and
referred to by name (``code=Code.BAD_SORT``).
"""

from __future__ import annotations

from .codes import Code


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""

    code = Code.NEWSPRISM_ERROR

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        #: The message without its code, to be said again in other words (a setting's E201, a web 422).
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class InputError(NewsprismError):
    """A file, URL or option given by the user cannot be used."""

    code = Code.BAD_INPUT


class FetchError(InputError):
    """A URL was refused (scheme, address, robots.txt, size) or could not be fetched."""

    code = Code.FETCH_FAILED


class QueryError(InputError):
    """A search query cannot be read (an operator without operands, an unclosed quote or group)."""

    code = Code.BAD_QUERY


class BadValueError(InputError, ValueError):
    """A value the user gave (a date, a language, an output path, an id) is not one newsprism accepts.

    It is also a :class:`ValueError`, so code that calls newsprism can catch either. The CLI prints it
    as a usage error (exit code 2), the web API answers 422 or 400; both name the value and what is accepted.

    Codes: ``E170`` not an ISO 8601 date, ``E171`` not a supported language, ``E172`` an output path that
    cannot be written, ``E173`` an id prefix that fits several ids, ``E174`` no story with this id,
    ``E175`` an unknown web API parameter, ``E176`` not one of newsprism's codes (``failures --code``),
    ``E177`` not a sort order, ``E161`` a negative limit or offset (:mod:`newsprism.codes` has them all).
    """

    code = Code.BAD_DATE


class ConfigError(NewsprismError):
    """A setting is unknown or has a bad value."""

    code = Code.BAD_CONFIG


class StoreError(NewsprismError):
    """The corpus database cannot be opened, migrated or written."""

    code = Code.STORE_FAILED


class PluginError(NewsprismError):
    """A registered stage is unknown or fails to load."""

    code = Code.PLUGIN_FAILED


class MissingExtraError(NewsprismError):
    """An optional dependency is missing."""

    code = Code.MISSING_EXTRA

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"the '{module}' package is not installed; install it with: pip install 'newsprism[{extra}]'"
        )
