"""Claims side by side: within a story, figures about the same quantity from every source.

A claim's quantity ("evacuated", "dead", ...) is read from its counted
phrase and verb, else from the words of its sentence around the figure, by
the word table in :mod:`newsprism.link.resources`. Quantities that only one
article mentions are left out: there is nothing to set side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Article, Claim
from .features import site_of
from .resources import QUANTITIES

_WINDOW = 90
_NEXT_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b",
                          re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One row of ``claim_groups``."""

    story_id: str
    quantity: str
    article_id: str
    claim_index: int
    value: float
    bound: str
    counted: str | None
    claimant_name: str | None
    as_of: str | None
    site: str | None


def _first_quantity(text: str) -> str | None:
    low = text.casefold()
    best: tuple[int, str] | None = None
    for quantity, cues in QUANTITIES:
        for cue in cues:
            at = low.find(cue)
            if at != -1 and (best is None or at < best[0]):
                best = (at, quantity)
    return best[1] if best else None


def quantity_of(claim: Claim, text: str) -> str | None:
    """The quantity a claim is about, or ``None`` when no word says it.

    >>> from newsprism.model import Claim
    >>> quantity_of(Claim(0, 6, "42,000", 42000.0, "42,000", counted="people", verb="evacuated"), "")
    'evacuated'
    """
    own = " ".join(x for x in (claim.counted, claim.verb) if x)
    if own and (found := _first_quantity(own)):
        return found
    sentence_start = max(text.rfind(".", 0, claim.start) + 1, claim.start - _WINDOW, 0)
    sentence_end = text.find(".", claim.end)
    after = text[claim.end: min(sentence_end if sentence_end != -1 else len(text), claim.end + _WINDOW)]
    # Words after the next figure describe that figure ("seven in Romania and 80,000 evacuated").
    after = after[:m.start()] if (m := _NEXT_FIGURE.search(after)) else after
    # Words right after the figure say what it counts; earlier ones come next.
    return _first_quantity(after) or _first_quantity(text[sentence_start:claim.start])


def _claimant(article: Article, claim: Claim) -> str | None:
    names = {e.id: e.name for e in article.entities}
    return names.get(claim.claimant or "", claim.claimant_text or claim.claimant) if claim.claimant else \
        claim.claimant_text


def align_claims(stories: Mapping[str, Iterable[str]], articles: Mapping[str, Article]) -> list[ClaimRow]:
    """Rows of figures per (story, quantity) reported by two or more articles.

    Args:
        stories: Story id -> member article ids.
        articles: Article id -> article (with ``claims``).

    Returns:
        Rows sorted by story, quantity, as-of date, article, claim index.
    """
    rows: list[ClaimRow] = []
    for story_id in sorted(stories):
        found: dict[str, list[ClaimRow]] = {}
        for article_id in sorted(stories[story_id]):
            article = articles.get(article_id)
            if article is None:
                continue
            for index, claim in enumerate(article.claims):
                quantity = quantity_of(claim, article.text)
                if quantity is None:
                    continue
                found.setdefault(quantity, []).append(ClaimRow(
                    story_id=story_id, quantity=quantity, article_id=article_id, claim_index=index,
                    value=claim.value, bound=claim.bound, counted=claim.counted,
                    claimant_name=_claimant(article, claim), as_of=claim.as_of or (article.published or "")[:10] or None,
                    site=site_of(article)))
        for quantity in sorted(found):
            group = found[quantity]
            if len({r.article_id for r in group}) > 1:
                rows += sorted(group, key=lambda r: (r.as_of or "", r.article_id, r.claim_index))
    return rows
