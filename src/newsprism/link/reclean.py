"""Re-clean stored articles with the furniture their site is now known to repeat.

``newsprism link --reclean``: for every stored article of a site with
learned furniture (``store.site_furniture()``), run the clean stage again
with ``known_furniture`` set to that site's line hashes. When the clean text
changes, the extract stages run again on it and the store replaces the
article (facts and search index included) in ONE transaction; links are then
recomputed. Articles whose text does not change are left untouched, so a
second run changes nothing.

Re-cleaning changes only what cleaning and extraction make: everything
reading found (media, related links, tags, categories, the reading's issues)
is kept. An article rebuilt field by field lost its captions, credits and
related links (#14).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Collection
from typing import Any

from ..config import Settings
from ..model import Article
from .features import site_of

log = logging.getLogger(__name__)

#: What the clean and extract stages make from the raw text, and so make anew.
REDONE = ("text", "removals", "repairs", "segments", "paragraphs", "mentions", "entities", "quotes", "claims",
          "times", "places")
_DEFAULTS: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(Article) if f.name in REDONE}


def before_cleaning(article: Article, *, stages: Collection[str]) -> Article:
    """``article`` as the clean stage first met it: what ``stages`` made is cleared, all else is kept.

    >>> from newsprism.model import Issue, MediaItem
    >>> old = Article(id="a", text="Body", raw_text="Body", media=(MediaItem("credit", "Photo: AP"),),
    ...               issues=(Issue("E141", "read", stage="read"), Issue("E103", "empty", stage="clean.text")))
    >>> fresh = before_cleaning(old, stages=["clean.text"])
    >>> fresh.text, fresh.media == old.media, [i.code for i in fresh.issues]
    ('', True, ['E141'])
    """
    return dataclasses.replace(article, **_DEFAULTS,
                               issues=tuple(i for i in article.issues if i.stage not in stages),
                               stages=tuple(s for s in article.stages if s not in stages))


def recleaned(store: Any, *, settings: Settings) -> list[Article]:
    """Articles whose clean text changes once their site's learned furniture is known (re-extracted), to be
    written with ``store.replace_articles``."""
    from ..clean import clean_article
    from ..pipeline import Pipeline

    furniture = store.site_furniture()
    if not furniture:
        return []
    redo = {"clean.text", *settings.stages}
    changed: list[Article] = []
    for article in store.iter_articles():
        hashes = furniture.get(site_of(article) or "")
        if not hashes or not article.raw_text:
            continue
        cleaned = clean_article(before_cleaning(article, stages=redo), main_language=settings.main_language,
                                known_furniture=hashes)
        if cleaned.text != article.text:
            # cleaning adds what it finds to what reading found: what it found the first time is there already
            ran = ("clean.text",) if "clean.text" in article.stages else ()  # as the pipeline recorded it
            changed.append(cleaned.replace(media=tuple(dict.fromkeys(cleaned.media)),
                                           related=tuple(dict.fromkeys(cleaned.related)),
                                           stages=(*cleaned.stages, *ran)))
    if not changed:
        return []
    extract = Pipeline(settings.replace(stages=tuple(s for s in settings.stages if s != "clean.text")))
    found = sorted(extract.pipe(changed), key=lambda a: a.id)
    log.info("re-cleaned %d articles", len(found))
    return found
