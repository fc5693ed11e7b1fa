"""Exceptions raised by newsprism.

Only misuse raises; a bad *document* is recorded as an :class:`~newsprism.model.Issue`
or a :class:`~newsprism.model.Failure` and the batch goes on.

::

    NewsprismError
    ├── InputError        a file, URL or option the user gave cannot be used
    │   ├── FetchError    a URL was refused or could not be fetched
    │   └── QueryError    a search query cannot be read
    ├── ConfigError       a setting is unknown or has a bad value
    ├── StoreError        the corpus database cannot be opened or written
    ├── PluginError       a stage name is unknown or a plugin fails to load
    └── MissingExtraError an optional dependency is not installed

Every message starts with a code (``[E012]``) and says what happened, the
likely cause and the fix.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")


class InputError(NewsprismError):
    """A file, URL or option given by the user cannot be used."""

    code = "E100"


class FetchError(InputError):
    """A URL was refused (scheme, address, robots.txt, size) or could not be fetched."""

    code = "E110"


class QueryError(InputError):
    """A search query cannot be read (an operator without operands, an unclosed quote or group)."""

    code = "E160"


class ConfigError(NewsprismError):
    """A setting is unknown or has a bad value."""

    code = "E200"


class StoreError(NewsprismError):
    """The corpus database cannot be opened, migrated or written."""

    code = "E300"


class PluginError(NewsprismError):
    """A registered stage is unknown or fails to load."""

    code = "E400"


class MissingExtraError(NewsprismError):
    """An optional dependency is missing."""

    code = "E500"

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"the '{module}' package is not installed; install it with: pip install 'newsprism[{extra}]'"
        )
