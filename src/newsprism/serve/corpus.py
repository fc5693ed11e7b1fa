"""What every request handler needs: the store, its optional tables, the write token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store.reader import CorpusReader
from ..store.reads import Features
from . import groups as groups_mod


@dataclass
class Corpus:
    """The corpus the server reads, and how it may be written to.

    Attributes:
        store: An open store, SQLite or PostgreSQL.
        token: The bearer token write requests must carry; ``None`` refuses every write.
        settings: Pipeline settings for web ingest (``None``: defaults).
    """

    store: Any
    token: str | None = None
    settings: Any = None

    def __post_init__(self) -> None:
        self.reader: CorpusReader = self.store.reader()
        self.features: Features = self.reader.features()

    def groups(self) -> groups_mod.EntityGroups:
        """Entity name groups after every manual decision (read per request: decisions are rare and few)."""
        return groups_mod.load(self.store, self.reader, linked=self.features.corpus_entities)

    def relink(self) -> dict[str, Any]:
        """Recompute the corpus links (after a manual decision), then the optional tables seen."""
        from ..link.run import link_corpus

        summary = link_corpus(self.store, settings=self.settings).as_dict()
        self.features = self.reader.refresh()
        return summary
