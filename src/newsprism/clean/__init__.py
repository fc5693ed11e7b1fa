"""The clean stage: HTML extraction and text cleaning."""

from __future__ import annotations

from ..config import Settings
from ..registry import FunctionStage, Stage
from .normalize import normalize_article


def make_stage(settings: Settings) -> Stage:
    """The ``clean.text`` stage."""
    return FunctionStage(name="clean.text", func=normalize_article, requires=("raw_text",),
                         assigns=("text", "removals", "repairs", "segments", "paragraphs"))
