"""The clean stage: HTML extraction and text cleaning.

:func:`clean_text` is the pure function; :func:`make_stage` wraps it as the
``clean.text`` stage, which reads ``Article.raw_text``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator, Mapping

from ..codes import Code
from ..config import Settings
from ..errors import BadValueError, ConfigError
from ..model import Article, Issue, Removal
from ..registry import Stage
from ..validate import main_language
from .furniture import line_hash
from .normalize import normalize_text
from .text import CleanResult, clean_text

__all__ = ["CleanResult", "CleanStage", "clean_article", "clean_text", "line_hash", "make_stage", "normalize_text",
           "use_site_furniture"]

#: Per-site furniture learned from a corpus (site -> line hashes), used by every
#: ``clean.text`` stage of this process that was not given its own. Set by
#: ingestion from the store's ``site_furniture`` table (see :func:`use_site_furniture`).
_SITE_FURNITURE: dict[str, frozenset[str]] = {}


def use_site_furniture(furniture: Mapping[str, Collection[str]]) -> None:
    """Make this process's cleaning stages drop the lines each site is known to repeat."""
    _SITE_FURNITURE.clear()
    _SITE_FURNITURE.update({site: frozenset(hashes) for site, hashes in furniture.items()})

#: Fields the ``clean.text`` stage writes.
CLEAN_ASSIGNS = ("text", "removals", "repairs", "segments", "paragraphs", "media", "related", "tags", "lang")


def clean_article(article: Article, *, main_language: str = "en",
                  known_furniture: Collection[str] | None = None) -> Article:
    """Clean ``article.raw_text`` and return the article with text, removals, repairs and metadata.

    Conservative on an HTML extractor's output (``content_kind == "html"``):
    only sure cues remove lines there. Media, related links and tags found
    are added to those the article already has.
    """
    result = clean_text(article.raw_text or article.text, content_kind=article.content_kind,
                        main_language=main_language, known_furniture=known_furniture)
    tags = article.tags + tuple(t for t in result.tags if t not in article.tags)
    title, removals = article.title, result.removals
    if article.content_kind == "text" and not title:
        title, removals = _find_headline(result.text, removals)
    issues = article.issues
    if not result.text.strip() and not any(issue.code == Code.NO_TEXT for issue in issues):
        issues += (Issue(code=Code.NO_TEXT, message="no text left after cleaning: the document held only page "
                                              "furniture or unreadable characters", stage="clean.text"),)
    return article.replace(
        title=title, issues=issues,
        text=result.text, removals=removals, repairs=result.repairs, segments=result.segments,
        paragraphs=result.paragraphs, media=article.media + result.media, related=article.related + result.related,
        tags=tags, lang=article.lang or result.lang,
    )


def _find_headline(text: str, removals: tuple[Removal, ...]) -> tuple[str | None, tuple[Removal, ...]]:
    """The headline of scraped text, and the removals relabelled when it was taken out.

    1. A headline-like line removed *before the story* (judged outside the run
       of prose) is the headline: it becomes the title and its removal says so.
    2. Otherwise the first line of the clean text, when it reads as a headline.
    """
    for index, removal in enumerate(removals):
        if removal.kind in ("navigation", "alt_text") and headline(removal.text + "\n\n"):
            if removal.start < 1000:  # only a line near the top of the page can be its headline
                relabelled = dataclasses.replace(removal, kind="headline", reason="the headline, kept as the title")
                return removal.text.strip(), removals[:index] + (relabelled,) + removals[index + 1:]
        if removal.kind not in ("cookie", "share", "navigation", "byline", "subscribe", "advert", "alt_text"):
            break  # past the page head: the headline is not among the removals
    return headline(text), removals


def headline(text: str) -> str | None:
    """The first line of a text document when it reads as a headline (short, alone, no final stop)."""
    head, _, rest = text.lstrip().partition("\n")
    head = head.strip()
    if 3 <= len(head.split()) <= 25 and not head.endswith((".", ",", ";", ":")) and rest.startswith(("\n", "\r\n")):
        return head
    return None



class CleanStage:
    """The ``clean.text`` stage: :func:`clean_article` over a batch."""

    name: str = "clean.text"
    requires: tuple[str, ...] = ("raw_text",)
    assigns: tuple[str, ...] = CLEAN_ASSIGNS

    def __init__(self, *, main_language: str = "en",
                 known_furniture: Mapping[str, Collection[str]] | None = None) -> None:
        self.main_language = main_language
        #: site -> line hashes learned from a corpus (see :func:`line_hash`); when not
        #: given, the process-wide table set by :func:`use_site_furniture` is used.
        self.known_furniture = known_furniture if known_furniture is not None else _SITE_FURNITURE

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            known = self.known_furniture.get(article.site or "") if article.site else None
            yield clean_article(article, main_language=self.main_language, known_furniture=known)


def make_stage(settings: Settings) -> Stage:
    """The ``clean.text`` stage.

    Raises:
        ConfigError: ``E201`` when the setting ``main_language`` is not a language cleaning supports
            (every document used to fail in the stage instead, #15).
    """
    try:
        language = main_language(settings.main_language, name="setting main_language")
    except BadValueError as e:
        raise ConfigError(e.message, code=Code.BAD_SETTING_VALUE) from e
    return CleanStage(main_language=language)
