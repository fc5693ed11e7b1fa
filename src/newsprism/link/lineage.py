"""Translation and copy lineage: which article was taken from which.

1. A cue in the text that names its source ("With information from the Daily
   Harbor", "With the progress of EL ESPAÑOL", "Originally published in ...")
   gives a lineage row with ``source_name``, whether or not the source is in
   the corpus.
2. When the named source matches a site of the corpus, the most similar
   earlier article of that site becomes ``source_article_id``.
3. Near duplicates on another site than their original are copies of it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..config import Settings
from .features import strip_accents
from .resources import COPY_CUES, SOURCE_NAME, TRANSLATION_CUES

_CUES = [(re.compile(r"(?i:\b" + cue + r")\s+"), "translation") for cue in TRANSLATION_CUES] + [
    (re.compile(r"(?i:\b" + cue + r")\s*"), "copy") for cue in COPY_CUES]
#: A source name must stop before a sentence's own words start (EL ESPAÑOL | Russian President ...).
_STOP_WORDS = frozenset("russian president the a an in on at said says according to as of and minister".split())


@dataclass(frozen=True, slots=True)
class Cue:
    """A sentence in which an article names the outlet it comes from."""

    kind: str
    source_name: str
    text: str
    start: int


@dataclass(slots=True)
class LineageLink:
    """One row of the ``lineage`` table."""

    article_id: str
    kind: str
    source_name: str | None = None
    source_article_id: str | None = None
    cue: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


_GLUED_CAPS = re.compile(r"([A-ZÀ-Ý]{2,})([A-ZÀ-Ý][a-zß-ÿ])")


_TIME_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday spring summer autumn fall winter".split())


def _source_name(rest: str) -> str | None:
    # "EL ESPAÑOLRussian": a masthead glued to the next word when a link lost its space.
    m = SOURCE_NAME.match(_GLUED_CAPS.sub(r"\1 \2", rest))
    if not m:
        return None
    words = m.group(1).split()
    # An all-caps masthead ends where ordinary capitalised words start (glued cue lines).
    if words and words[0].isupper() and len(words[0]) > 1:
        caps = [w for w in words[: next((i for i, w in enumerate(words) if not w.isupper()), len(words))]]
        words = caps or words
    while words and (words[-1].lower() in _STOP_WORDS or words[-1].lower() in ("of", "de", "del", "la", "el", "and")):
        words.pop()
    name = " ".join(words).strip(" .,;:")
    if name.casefold() in _TIME_WORDS:
        return None  # "first appeared in December in Wuhan": a time, not an outlet
    return name or None


def find_cues(text: str) -> list[Cue]:
    """Every cue naming a source in ``text``.

    >>> [c.source_name for c in find_cues("With information from the Daily Harbor.")]
    ['Daily Harbor']
    """
    found: list[Cue] = []
    for pattern, kind in _CUES:
        for m in pattern.finditer(text):
            name = _source_name(text[m.end():m.end() + 120])
            if name:
                line_end = text.find("\n", m.start())
                found.append(Cue(kind=kind, source_name=name, start=m.start(),
                                 text=text[m.start(): line_end if line_end != -1 else len(text)][:200].strip()))
    return sorted(found, key=lambda c: c.start)


def name_key(name: str) -> str:
    """``"The Daily Harbor"``, ``"dailyharbor.example"`` -> ``"dailyharbor"``."""
    text = strip_accents(name).casefold()
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text)
    text = re.sub(r"\.[a-z]{2,}(?:/.*)?$", "", text) if " " not in text else text
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass(frozen=True, slots=True)
class LineageDoc:
    """What lineage needs of an article."""

    id: str
    text: str
    site: str | None
    day: date | None


def find_lineage(docs: Sequence[LineageDoc], *, similarity: Callable[[str, str], float],
                 copies: Iterable[tuple[str, str, dict[str, Any]]] = (),
                 settings: Settings | None = None) -> list[LineageLink]:
    """Lineage rows for a corpus.

    Args:
        docs: The articles.
        similarity: Story similarity of two article ids (used to pick the source article).
        copies: ``(copy_id, original_id, evidence)`` from duplicate groups, cross-site only.
        settings: Its ``lineage_min_similarity``: the least similarity of a source article.

    Returns:
        Rows sorted by article id, then source.
    """
    least = (settings or Settings()).lineage_min_similarity
    by_site: dict[str, list[LineageDoc]] = {}
    for doc in docs:
        if doc.site:
            by_site.setdefault(name_key(doc.site), []).append(doc)
    links: list[LineageLink] = []
    cued: set[str] = set()
    for doc in sorted(docs, key=lambda d: d.id):
        for cue in find_cues(doc.text)[:1]:
            link = LineageLink(article_id=doc.id, kind=cue.kind, source_name=cue.source_name, cue=cue.text,
                               evidence={"rule": "cue"})
            candidates = by_site.get(name_key(cue.source_name), [])
            resolve_source(link, doc.day, [(c.id, c.day) for c in candidates],
                           functools.partial(similarity, doc.id),
                           site=candidates[0].site if candidates else None, least=least)
            links.append(link)
            cued.add(doc.id)
    for copy_id, original_id, evidence in sorted(copies, key=lambda c: (c[0], c[1])):
        if copy_id not in cued:
            links.append(LineageLink(article_id=copy_id, kind="copy", source_article_id=original_id,
                                     source_name=evidence.get("original_site"), evidence={"rule": "near_duplicate",
                                                                                          **evidence}))
    return sorted(links, key=lambda link: (link.article_id, link.source_article_id or ""))


def resolve_source(link: LineageLink, day: date | None, candidates: Iterable[tuple[str, date | None]],
                   similarity: Callable[[str], float], *, site: str | None, least: float) -> None:
    """Set ``link``'s source to the most similar candidate ``(id, day)`` not published after ``day``, at
    ``least`` similarity (ties to the larger id); ``site`` is the cue's site, said in the evidence."""
    best: tuple[float, str] | None = None
    for other, other_day in candidates:
        if other == link.article_id or (day and other_day and other_day > day):
            continue
        score = similarity(other)
        if score >= least and (best is None or (score, other) > best):
            best = (score, other)
    if best is not None:
        link.source_article_id = best[1]
        link.evidence = {**link.evidence, "similarity": round(best[0], 4), "site": site}

