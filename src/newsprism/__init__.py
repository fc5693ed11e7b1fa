"""newsprism: raw news in, clean text and linked, checkable facts out.

>>> import newsprism
>>> article = newsprism.process("Some text.", published="2022-11-09")  # doctest: +SKIP
>>> corpus = newsprism.open("corpus.db")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .config import Settings, load_settings
from .errors import BadValueError, ConfigError, FetchError, InputError, NewsprismError, PluginError, StoreError
from .model import (
    SCHEMA_VERSION,
    Article,
    Claim,
    Entity,
    Failure,
    Issue,
    Mention,
    Paragraph,
    Place,
    Quote,
    RawDocument,
    Removal,
    Repair,
    Story,
    TimeRef,
)

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .store.base import Store

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """The pipeline for ``settings``, built once per process and reused."""
    from .pipeline import shared_pipeline

    return shared_pipeline(settings or load_settings())


def process(
    text_or_html: str | bytes,
    *,
    url: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Clean one document and extract its facts.

    Args:
        text_or_html: Plain text or an HTML page (detected).
        url: The document's URL, if known.
        published: Publication date, ISO 8601 (``2022-11-09``, or with a time and zone), used to
            resolve relative dates.
        settings: Settings to use instead of the defaults.

    Returns:
        The processed :class:`Article`.

    Raises:
        BadValueError: ``E170`` when ``published`` is not an ISO 8601 date (also a ``ValueError``).
    """
    return get_pipeline(settings).process(text_or_html, url=url, published=published)


def open(path: str | None = None, *, settings: Settings | None = None) -> Store:  # noqa: A001 - mirrors sqlite3.connect/open
    """Open (creating if needed) a corpus: a SQLite path or a ``postgresql://`` URL."""
    from .store import open_store

    return open_store(path, settings=settings)


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "BadValueError",
    "Claim",
    "ConfigError",
    "Entity",
    "Failure",
    "FetchError",
    "InputError",
    "Issue",
    "Mention",
    "NewsprismError",
    "Paragraph",
    "Place",
    "PluginError",
    "Quote",
    "RawDocument",
    "Removal",
    "Repair",
    "Settings",
    "StoreError",
    "Story",
    "TimeRef",
    "load_settings",
    "get_pipeline",
    "open",
    "process",
]
