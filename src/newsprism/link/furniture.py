"""Per-site furniture learned from the corpus.

A line of an article's raw text (before cleaning) that recurs in at least
``furniture_min_articles`` articles and in at least ``furniture_min_share``
of one site's articles (both settings) is that site's furniture: a cookie notice, a share bar, a
newsletter box. The hashes are the clean stage's
:func:`~newsprism.clean.line_hash`, so the cleaner can drop them from later
articles of the site (``known_furniture``).

An article's title is read as one more line of its page (:func:`page_text`): a title a site gives many of its
pages is the site's name ("Rand's Blog", "Official Blog of the National Football League"), no headline, and the
link steps read such an article as untitled (:func:`title_minus_furniture`).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..config import Settings
from .resources import MIN_FURNITURE_CHARS

#: Raw texts of each site (its most recent) that furniture is learned from: a site's furniture shows on any
#: few hundred of its pages, and a bounded sample keeps the step's cost and memory flat in the corpus (#17).
SAMPLE_PER_SITE = 500
#: Longer lines are article prose, however often a site repeats them (live updates).
MAX_CHARS = 400


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    """One row of ``site_furniture``."""

    site: str
    line_hash: str
    line_text: str
    articles: int


def _line_hash(text: str) -> str:
    from ..clean import line_hash

    return line_hash(text)


def _lines(raw_text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in raw_text.splitlines():
        line = line.strip()
        if MIN_FURNITURE_CHARS <= len(line) <= MAX_CHARS and len(line.split()) >= 2:
            found.setdefault(_line_hash(line), line)
    return found


def learn_furniture(docs: Iterable[tuple[str, str | None, str]], *, settings: Settings | None = None
                    ) -> list[FurnitureLine]:
    """Learn the repeated lines of each site.

    Args:
        docs: ``(article_id, site, raw_text)`` triples; articles without a site are skipped.
        settings: A line must appear in at least ``furniture_min_articles`` articles of the site, and in
            at least ``furniture_min_share`` of them.

    Returns:
        Lines sorted by site, then hash.
    """
    settings = settings or Settings()
    min_articles, min_share = settings.furniture_min_articles, settings.furniture_min_share
    totals: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {}
    texts: dict[tuple[str, str], str] = {}
    seen_ids: set[str] = set()
    for article_id, site, raw_text in docs:
        if not site or article_id in seen_ids:
            continue
        seen_ids.add(article_id)
        totals[site] += 1
        site_counts = counts.setdefault(site, Counter())
        for key, line in _lines(raw_text).items():
            site_counts[key] += 1
            # The smallest form of the line is shown, whatever the order of arrival.
            texts[(site, key)] = min(texts.get((site, key), line), line)
    found: list[FurnitureLine] = []
    for site in sorted(counts):
        total = totals[site]
        for key, n in sorted(counts[site].items()):
            if n >= min_articles and n / total >= min_share:
                found.append(FurnitureLine(site=site, line_hash=key, line_text=texts[(site, key)], articles=n))
    return found


class FurnitureSample:
    """The :data:`SAMPLE_PER_SITE` most recent articles of each site, chosen as the articles stream by
    (by publication, else fetch time, then id: the same sample whatever the order)."""

    def __init__(self, size: int = SAMPLE_PER_SITE) -> None:
        self.size = size
        self.heaps: dict[str, list[tuple[str, str]]] = {}

    def offer(self, article_id: str, site: str | None, moment: str | None) -> None:
        """Consider one article of ``site`` published (or fetched) at ``moment``."""
        if not site:
            return
        heap = self.heaps.setdefault(site, [])
        entry = (moment or "", article_id)
        if len(heap) < self.size:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)

    def chosen(self) -> list[tuple[str, str]]:
        """``(article_id, site)`` of the sample, sorted."""
        return sorted((article_id, site) for site, heap in self.heaps.items() for _, article_id in heap)


def page_text(title: str | None, raw_text: str | None) -> str:
    """What furniture is learned from of one article: its title as the first line of its raw text."""
    return f"{title or ''}\n{raw_text or ''}"


def title_minus_furniture(title: str | None, hashes: set[str]) -> str:
    """``title``, or ``""`` where it is one of a site's furniture lines (the site's name on every page)."""
    if not title or not hashes:
        return title or ""
    return "" if _line_hash(title.strip()) in hashes else title


def strip_furniture(text: str, hashes: set[str]) -> str:
    """``text`` without the lines whose hash is in ``hashes`` (a site's learned furniture)."""
    if not hashes:
        return text
    return "\n".join(line for line in text.splitlines() if not line.strip() or _line_hash(line.strip()) not in hashes)

