"""Re-clean stored articles with the furniture their site is now known to repeat.

``newsprism link --reclean``: for every stored article of a site with
learned furniture (table ``site_furniture``), run the clean stage again with
``known_furniture`` set to that site's line hashes. When the clean text
changes, the extract stages run again on it and the article is replaced in
the store (facts included), all in ONE transaction; links are then
recomputed. Articles whose text does not change are left untouched, so a
second run changes nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from ..config import Settings
from ..model import Article
from ..store.links import LinkDB, read_furniture
from .features import site_of

log = logging.getLogger(__name__)

_FACT_TABLES = ("removals", "repairs", "entities", "mentions", "quotes", "claims", "times", "places")


def recleaned(store: Any, *, settings: Settings) -> list[Article]:
    """Articles whose clean text changes once their site's learned furniture is known (re-extracted)."""
    from ..clean import clean_article
    from ..pipeline import Pipeline

    furniture = read_furniture(LinkDB(store))
    if not furniture:
        return []
    changed: list[Article] = []
    for article in store.iter_articles():
        hashes = furniture.get(site_of(article) or "")
        if not hashes or not article.raw_text:
            continue
        fresh = Article(id=article.id, text="", raw_text=article.raw_text, source=article.source, url=article.url,
                        canonical_url=article.canonical_url, title=article.title, authors=article.authors,
                        published=article.published, site=article.site, description=article.description,
                        image=article.image, fetched=article.fetched, content_kind=article.content_kind)
        cleaned = clean_article(fresh, main_language=settings.main_language, known_furniture=hashes)
        if cleaned.text != article.text:
            changed.append(cleaned.replace(stages=("clean.text",)))
    if not changed:
        return []
    extract = Pipeline(settings.replace(stages=tuple(s for s in settings.stages if s != "clean.text")))
    return sorted(extract.pipe(changed), key=lambda a: a.id)


def replace_articles(store: Any, articles: list[Article]) -> int:
    """Replace stored articles (same id and key) with new versions, in one transaction."""
    db = LinkDB(store)
    with db.transaction() as cursor:
        for article in articles:
            if db.is_sqlite:
                # The full-text index has external content: remove the old row's terms first.
                cursor.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                               "SELECT 'delete', rowid, coalesce(title, ''), text FROM articles WHERE id = ?",
                               (article.id,))
            for table in _FACT_TABLES:
                cursor.execute(db.sql(f"DELETE FROM {{t}}{table} WHERE article_id = ?"), (article.id,))
            cursor.execute(db.sql("DELETE FROM {t}articles WHERE id = ?"), (article.id,))
            store._insert(store._writer if db.is_sqlite else cursor, article)  # the store's own row writer
    log.info("re-cleaned %d articles", len(articles))
    return len(articles)
