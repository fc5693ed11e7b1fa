"""The clean stage: HTML extraction and text cleaning.

:func:`clean_text` is the pure function; :func:`make_stage` wraps it as the
``clean.text`` stage, which reads ``Article.raw_text``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from ..codes import Code
from ..config import Settings
from ..errors import BadValueError, ConfigError
from ..model import Article, Issue, Removal
from ..registry import Resources, Stage, StageBase
from ..validate import main_language
from .furniture import line_hash
from .normalize import normalize_text
from .text import CleanResult, clean_text

__all__ = ["CleanResult", "CleanStage", "clean_article", "clean_text", "line_hash", "make_stage", "normalize_text"]

#: Fields the ``clean.text`` stage writes (the title of scraped text is its headline; E103 when nothing is left).
CLEAN_ASSIGNS = ("text", "removals", "repairs", "segments", "paragraphs", "media", "related", "tags", "lang",
                 "title", "issues", "published")


def clean_article(article: Article, *, main_language: str = "en",
                  known_furniture: Collection[str] | None = None, budget: float | None = None) -> Article:
    """Clean ``article.raw_text`` and return the article with text, removals, repairs and metadata.

    Conservative on an HTML extractor's output (``content_kind == "html"``):
    only sure cues remove lines there. Media, related links and tags found
    are added to those the article already has. Past ``budget`` seconds of
    CPU time in glued-word repair, glued words are no longer looked for, with
    warning ``W144``.
    """
    result = clean_text(article.raw_text or article.text, content_kind=article.content_kind,
                        main_language=main_language, known_furniture=known_furniture, budget=budget)
    tags = article.tags + tuple(t for t in result.tags if t not in article.tags)
    title, removals = article.title, result.removals
    if article.content_kind == "text" and not title:
        title, removals = _find_headline(result.text, removals)
    issues = article.issues
    lang, note = _text_language(article.lang, result)
    if note is not None:
        issues += (note,)
    if result.budget_spent:
        issues += (Issue(code=Code.CLEAN_BUDGET_SPENT, stage="clean.text", message=(
            "glued-word repair took longer than clean_budget on the document; glued words were not looked for "
            "in its remaining lines")),)
    if not result.text.strip() and not any(issue.code == Code.NO_TEXT for issue in issues):
        issues += (Issue(code=Code.NO_TEXT, message="no text left after cleaning: the document held only page "
                                              "furniture or unreadable characters", stage="clean.text"),)
    return article.replace(
        title=title, issues=issues,
        text=result.text, removals=removals, repairs=result.repairs, segments=result.segments,
        paragraphs=result.paragraphs, media=article.media + result.media, related=article.related + result.related,
        tags=tags, lang=lang,
        published=article.published or result.published,  # the dateline's date when none was known (#12)
    )


#: The text must give its language in at least this many characters of paragraphs the identifier is sure of,
#: and the language must hold this share of them, to overrule the declared one.
_LANG_MIN_CHARS, _LANG_MIN_SHARE = 200, 0.6


def _text_language(declared: str | None, result: CleanResult) -> tuple[str | None, Issue | None]:
    """The article's language: the text's when the identifier is sure of it and it disagrees with the
    declared one (English pages declared ``de``, Chinese ones ``utf`` from ``Content-Language: UTF-8``);
    else the declared one. The declared value overruled is kept in a ``W103`` issue (#12).
    """
    weights: dict[str, int] = {}
    for paragraph in result.paragraphs:
        if paragraph.lang:
            weights[paragraph.lang] = weights.get(paragraph.lang, 0) + paragraph.end - paragraph.start
    total = sum(weights.values())
    found = max(weights, key=lambda code: weights[code]) if weights else None
    sure = found is not None and total >= _LANG_MIN_CHARS and weights[found] >= _LANG_MIN_SHARE * total
    from .html import primary_language  # lxml: loaded only once a declared language is to be checked

    declared_ok = primary_language(declared) if declared else None  # not a language code ("utf"): never used
    if declared_ok and (not sure or found == declared_ok):
        return declared_ok, None
    lang = found if sure else (declared_ok or result.lang)
    if not declared or lang == declared_ok:
        return lang, None
    written = lang or "a language not told"
    return lang, Issue(code=Code.LANGUAGE_NOT_DECLARED_ONE, stage="clean.text", message=(
        f"the source declared the language {declared[:20]!r}, but the text is written in {written}; "
        "the text's language is used"))


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


_CLOSERS = " \"'”’»)]"


def headline(text: str) -> str | None:
    """The first line of a text document when it reads as a headline (short, alone, no final stop)."""
    head, _, rest = text.lstrip().partition("\n")
    head = head.strip()
    # a stop behind a closing quote ends a sentence too: 'us."' or 'us. "' is the end of someone's words
    if 3 <= len(head.split()) <= 25 and not head.rstrip(_CLOSERS).endswith((".", ",", ";", ":")) \
            and rest.startswith(("\n", "\r\n")):
        return head
    return None



class CleanStage(StageBase):
    """The ``clean.text`` stage: :func:`clean_article`, with the furniture the article's site is known to repeat.

    Args:
        main_language: The language English-only stages need.
        resources: What the corpus has taught; its ``site_furniture`` lines are dropped (none without it).
        budget: Seconds of CPU time glued-word repair may take per document (``clean_budget``).
    """

    name: str = "clean.text"
    requires: tuple[str, ...] = ("raw_text", "content_kind")
    assigns: tuple[str, ...] = CLEAN_ASSIGNS

    def __init__(self, *, main_language: str = "en", resources: Resources | None = None,
                 budget: float | None = None) -> None:
        self.main_language = main_language
        self.resources = resources or Resources()
        self.budget = budget

    def process(self, article: Article) -> Article:
        known = self.resources.furniture_of(article.site)
        return clean_article(article, main_language=self.main_language, known_furniture=known, budget=self.budget)


def make_stage(settings: Settings, *, resources: Resources | None = None) -> Stage:
    """The ``clean.text`` stage, dropping the per-site furniture of ``resources``.

    Raises:
        ConfigError: ``E201`` when the setting ``main_language`` is not a language cleaning supports
            (every document used to fail in the stage instead, #15).
    """
    try:
        language = main_language(settings.main_language, name="setting main_language")
    except BadValueError as e:
        raise ConfigError(e.message, code=Code.BAD_SETTING_VALUE) from e
    return CleanStage(main_language=language, resources=resources, budget=settings.clean_budget)
