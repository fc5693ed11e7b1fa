"""What a link run reads of the corpus, and the parts an incremental run recomputes besides duplicates and
stories: site furniture, lineage and claims side by side (#17).

An incremental run never holds every article. It asks the store which articles are new, rewritten or gone
(:meth:`~newsprism.store.links.LinkTables.article_changes`, a narrow query on versions) and reads the
others only when a recomputed group, story, cue or claim group reaches them (:class:`Corpus`), with
their cached meaning vectors (:class:`Vectors`).

1. Furniture is learned again only for the sites whose sample (the 500 latest articles) changed; when the
   lines of a site change, its articles whose text minus furniture changes count as changed.
2. Lineage is recomputed for the articles whose duplicate group or text changed, and for the articles whose
   cue names a site that got, changed or lost an article: the best source among the articles that did not
   change is the one stored, so only the changed ones are compared with it.
3. Claims are set side by side again for the stories re-clustered and for the stories of articles whose
   facts or corpus entities changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from typing import Any

import numpy as np

from ..config import Settings
from ..model import Article, content_hash
from ..store.links import (
    ArticleStateRow,
    ClaimGroupRow,
    CueRow,
    FurnitureRow,
    InputRow,
    LineageRow,
    StoryArticleRow,
    VectorRow,
)
from .claims import ClaimRow, align_claims
from .features import DocFeatures, Head, content_of, day_of, features, features_from_data, site_of
from .furniture import (
    SAMPLE_PER_SITE,
    FurnitureLine,
    FurnitureSample,
    learn_furniture,
    page_text,
    strip_furniture,
    title_minus_furniture,
)
from .incremental import Groups, StoryLinks
from .lineage import LineageLink, find_cues, name_key, resolve_source
from .semantic import VECTOR_VERSION, encode, from_text, lead, to_text
from .stories import feature_similarity

#: The fields of an article linking never reads: :func:`slim` leaves them at their defaults, and the articles a
#: run reads are read without decoding them (an article's quotes, dates and paragraphs are most of its records,
#: #17).
LEFT_OUT = ("raw_text", "removals", "repairs", "segments", "paragraphs", "quotes", "times", "media", "related")
_DEFAULTS = {f.name: f.default for f in fields(Article) if f.name in LEFT_OUT}


def slim(article: Article) -> Article:
    """Only what linking reads of an article (a run may hold many). Mentions stay: corpus entities read
    which names stand in a headline, and claims which names share a figure's sentence."""
    return article.replace(**_DEFAULTS)


def moment_of(article: Article) -> str | None:
    """What a site's furniture sample is ordered by: publication, else fetch time."""
    return article.published or article.fetched


def input_row(article: Article, version: str) -> InputRow:
    """What a link run keeps of an article it linked (:class:`~newsprism.store.links.InputRow`)."""
    day = day_of(article.published)
    return InputRow(article.id, version, site_of(article), moment_of(article), day.isoformat() if day else None)


class Corpus:
    """The articles a run has read (slim), each also with its text minus its site's furniture; the others are
    read from the store when first asked for, in batches."""

    def __init__(self, store: Any, lines_of: Callable[[str], set[str]]) -> None:
        self.store, self.lines_of = store, lines_of
        self.slim: dict[str, Article] = {}
        self.stripped: dict[str, Article] = {}

    def add(self, articles: Iterable[Article]) -> None:
        for article in articles:
            self.slim[article.id] = slim(article)

    def load(self, ids: Collection[str]) -> None:
        """Read the articles of ``ids`` not read yet."""
        todo = [i for i in ids if i not in self.slim]
        if todo:
            self.add(self.store.articles_by_id(todo, without=LEFT_OUT))

    def article(self, article_id: str) -> Article:
        """The article as stored (slim)."""
        if article_id not in self.slim:
            self.load([article_id])
        return self.slim[article_id]

    def content(self, article_id: str) -> Article:
        """The article with its text minus its site's furniture."""
        if (found := self.stripped.get(article_id)) is None:
            article = self.article(article_id)
            lines = self.lines_of(site_of(article) or "")
            text, title = strip_furniture(article.text, lines), title_minus_furniture(article.title, lines)
            # the same article when nothing was stripped: a full run holds every article once, not twice
            found = self.stripped[article_id] = article if text == article.text and title == (article.title or "") \
                else article.replace(text=text, title=title or None)
        return found


class Vectors:
    """Meaning vectors: those a run computed, else the stored ones (read when first asked for)."""

    def __init__(self, store: Any | None) -> None:
        self.store = store
        self.found: dict[str, np.ndarray | None] = {}
        self.rows: list[VectorRow] = []

    def compute(self, articles: Sequence[Article], *, cached: Mapping[str, tuple[str, str]]) -> None:
        """Vectors of ``articles`` (text minus furniture): cached ones by a hash of title and text (the lead is
        read only for the others: finding it costs more than hashing), the rest encoded."""
        hashes = {a.id: f"{VECTOR_VERSION}:{content_hash((a.title or '') + chr(0) + a.text)}" for a in articles}
        found = {i: from_text(hit[1]) for i in hashes if (hit := cached.get(i)) and hit[0] == hashes[i]}
        leads = {a.id: lead(*reversed(content_of(a))) for a in articles if a.id not in found}
        todo = sorted(leads)
        for i, vector in zip(todo, encode([leads[i] for i in todo]), strict=True):
            if vector is not None:  # as stored (float16), so a later run that reads it back scores alike (#17)
                found[i] = from_text(to_text(vector))
        self.rows = [VectorRow(i, hashes[i], to_text(v)) for i, v in sorted(found.items())]
        self.found.update({i: found.get(i) for i in hashes})

    def prefetch(self, ids: Collection[str]) -> None:
        todo = sorted({i for i in ids if i not in self.found})
        if todo and self.store is not None:
            for row in self.store.link_rows(VectorRow, article_id=todo):
                self.found[row.article_id] = from_text(row.vector)
        for i in todo:
            self.found.setdefault(i, None)

    def get(self, article_id: str) -> np.ndarray | None:
        if article_id not in self.found:
            self.prefetch([article_id])
        return self.found[article_id]


#: Stored features a run holds at most (some 13 KB each) beyond those of the batch it reads: the merges an added
#: article replays reach more stored stories the denser the corpus is (7,816 articles adding 1,000 to 30,000), and
#: holding them all made the run's peak grow with the corpus (#17).
FEATURES_HELD = 2048


#: Where the vectors of stored features start: their data's keys are sorted, and every key of a head comes before.
_VECTORS = '"title_vector":'
_HEAD_KEYS = frozenset({"day", "site", "title", "headline"})


def _stored_head(data: str) -> Head | None:
    """The head of stored features (:func:`~newsprism.link.features.features_data`) decoded from the part of their
    data before the vectors, a twentieth of it; ``None`` when that part does not hold it."""
    cut = data.find(_VECTORS)
    if cut < 0:
        return None
    found = json.loads(data[:cut].rstrip().rstrip(",") + "}")
    if not _HEAD_KEYS <= found.keys():
        return None
    return Head(day_of(found["day"]), found["site"], found["title"], found["headline"], found.get("news", True))


class _Heads(dict[str, Head]):
    """The heads of the articles whose features were read or computed (:class:`~newsprism.link.features.Head`),
    kept when their features are let go; an article not seen yet has its features looked up."""

    def __init__(self, feats: Features) -> None:
        super().__init__()
        self.feats = feats

    def __missing__(self, key: str) -> Head:
        value = self[key] = Head.of(self.feats[key])
        return value


class Features(dict[str, DocFeatures]):
    """Story features on first use: computed for the ``fresh`` articles (new or changed), read as the last run
    stored them for the others (``store`` given; ``link_articles``), computed when none is stored.

    An article that is not fresh has the inputs its stored features were made of (its version and its text
    minus furniture are unchanged, else it is fresh), so what is read equals what would be computed (#17).

    Read features are held for :data:`FEATURES_HELD` articles at most, the least recently prefetched let go first
    (and read again if asked for); their ``heads`` stay. Computed features are never let go.
    """

    def __init__(self, corpus: Corpus, vectors: Vectors, *, store: Any | None = None,
                 fresh: Collection[str] = (), held: int | None = None) -> None:
        super().__init__()
        self.corpus, self.vectors, self.store, self.fresh = corpus, vectors, store, set(fresh)
        self.unstored: set[str] = set()
        self.stems: dict[str, str] = {}  # one string of each stem read
        self.heads = _Heads(self)
        self.held = FEATURES_HELD if held is None else held
        self.read: dict[str, None] = {}  # the articles whose read features are held, least recently asked first

    def __missing__(self, key: str) -> DocFeatures:
        self.prefetch([key])
        if key in self:
            return self[key]
        value = self[key] = features(self.corpus.content(key), semantic=self.vectors.get(key))
        self.heads[key] = Head.of(value)
        return value

    def let_go(self, ids: Iterable[str]) -> None:
        """Let the read features of ``ids`` go (computed ones stay); their heads stay."""
        for i in ids:
            if self.read.pop(i, 0) is None:
                del self[i]

    def prefetch(self, ids: Collection[str]) -> None:
        """Read the stored features (and meaning vectors) of many articles at once; the features held past
        :attr:`held` articles are let go, the least recently prefetched first, never those of ``ids``."""
        read, ids = self.read, ids if isinstance(ids, set | frozenset) else set(ids)
        for i in ids:
            if i in read:  # asked for again: the last to go
                del read[i]
                read[i] = None
        todo = sorted({i for i in ids if i not in self and i not in self.fresh and i not in self.unstored})
        if self.store is None:
            return
        # more articles than are held (the members of every story a replay's first merges reach) are read a part
        # at a time, and only the last parts' features stay: a merge reads the others' again if it scores them
        part = max(self.held // 4, 1)
        for at in range(0, len(todo), part):
            chunk = todo[at:at + part]
            self._read(self.store, chunk)
            keep = ids if len(ids) <= self.held else set(chunk)
            while len(read) > self.held and (oldest := next(iter(read))) not in keep:
                del read[oldest], self[oldest]

    def prefetch_heads(self, ids: Collection[str]) -> None:
        """Read the heads of many articles at once, without their features: what a merge reads of every member of
        the stored stories it reaches, most of which it never scores (#17)."""
        todo = sorted({i for i in ids if i not in self.heads and i not in self.fresh and i not in self.unstored})
        if not todo or self.store is None:
            return
        for article_id, data in self.store.link_pairs(ArticleStateRow, "article_id", "data", todo):
            if data is not None and (head := _stored_head(data)) is not None:
                self.heads[article_id] = head

    def _read(self, store: Any, todo: list[str]) -> None:
        # the stored data alone, decoded here, whose vectors are the features' own: no row objects, no copies (a
        # run adding articles reads the features of their every candidate, #17)
        stored = [(i, data) for i, data in store.link_pairs(ArticleStateRow, "article_id", "data", todo)
                  if data is not None]
        self.vectors.prefetch([i for i, _ in stored])
        # one document for the batch, whose decoder makes one string of each stem for all of its articles, and
        # each stem the one string of every batch: not a string per article and stem, most of what the features
        # of the stories a run's new articles join held (#17); the same stems in the same order, the same scores
        stems = self.stems
        for (article_id, _), data in zip(stored, json.loads("[" + ",".join(d for _, d in stored) + "]"), strict=True):
            for name in ("vector", "title_vector"):
                data[name] = {stems.setdefault(w, w): v for w, v in data[name].items()}
            doc = self[article_id] = features_from_data(article_id, data, semantic=self.vectors.get(article_id),
                                                        own=True)
            self.heads[article_id] = Head.of(doc)
            self.read[article_id] = None
        self.unstored |= set(todo) - {i for i, _ in stored}


class Days(dict[str, date | None]):
    """Publication days: the run's articles', else as the last run kept them (read when first asked for)."""

    def __init__(self, store: Any, known: Mapping[str, date | None]) -> None:
        super().__init__(known)
        self.store = store

    def get(self, key: str, default: Any = None) -> date | None:
        if key not in self:
            self.prefetch([key])
        return super().get(key, default)

    def prefetch(self, ids: Collection[str]) -> None:
        todo = sorted({i for i in ids if i not in self})
        for article_id, day in self.store.link_pairs(InputRow, "article_id", "day", todo) if todo else ():
            self[article_id] = date.fromisoformat(day) if day else None
        for i in todo:
            self.setdefault(i, None)


# -- 1. furniture -------------------------------------------------------------------------


def relearn_furniture(store: Any, changed: Sequence[Article], before: Mapping[str, InputRow],
                      removed: Collection[str], *, settings: Settings) -> dict[str, list[FurnitureLine]]:
    """The furniture of each site whose sample changed (its new, changed and removed articles' sites, before
    and after), learned again from that sample; sites whose sample did not change are left out."""
    gone = {a.id for a in changed} | set(removed)
    sites = {site_of(a) for a in changed} | {before[i].site for i in gone if i in before}
    learned: dict[str, list[FurnitureLine]] = {}
    for site in sorted(s for s in sites if s):
        old = store.latest_inputs(site, limit=SAMPLE_PER_SITE)
        leaving = sum(1 for i in gone if i in before and before[i].site == site)
        sample = FurnitureSample()
        for row in store.latest_inputs(site, limit=SAMPLE_PER_SITE + leaving):
            if row.article_id not in gone:
                sample.offer(row.article_id, site, row.moment)
        mine = {a.id: a for a in changed if site_of(a) == site}
        for article in mine.values():
            sample.offer(article.id, site, moment_of(article))
        chosen = [i for i, _ in sample.chosen()]
        if set(chosen) == {r.article_id for r in old} and not set(chosen) & gone:
            continue  # the same sample, none of it rewritten: the same furniture
        raws = {i: page_text(a.title, a.raw_text) for i, a in mine.items()}
        others = [i for i in chosen if i not in mine]
        titles = store.article_titles(others)
        raws.update((i, page_text(titles.get(i), raw)) for i, raw in store.article_raw_texts(others).items())
        learned[site] = learn_furniture([(i, site, raws[i]) for i in chosen], settings=settings)
    return learned


def restripped(store: Any, site: str, old: set[str], new: set[str], *, skip: Collection[str]) -> set[str]:
    """The linked articles of ``site`` (but ``skip``) whose text minus furniture changes when the site's
    furniture lines go from ``old`` to ``new``."""
    ids = [r.article_id for r in store.link_rows(InputRow, site=site) if r.article_id not in skip]
    found: set[str] = set()
    for at in range(0, len(ids), 500):
        batch = ids[at:at + 500]
        for i, text in store.article_texts(batch).items():
            if strip_furniture(text, old) != strip_furniture(text, new):
                found.add(i)
        found.update(i for i, title in store.article_titles(batch).items()
                     if title_minus_furniture(title, old) != title_minus_furniture(title, new))
    return found


def furniture_rows(lines: Iterable[FurnitureLine]) -> list[FurnitureRow]:
    return [FurnitureRow(f.site, f.line_hash, f.line_text, f.articles) for f in lines]


# -- 2. lineage ---------------------------------------------------------------------------


def cue_rows(articles: Iterable[Article]) -> list[CueRow]:
    """The key of the source each article's first cue names."""
    return [CueRow(name_key(cues[0].source_name), a.id) for a in articles if (cues := find_cues(a.text)[:1])]


def lineage_rows(links: Iterable[LineageLink]) -> list[LineageRow]:
    return [LineageRow(x.article_id, x.source_article_id, x.source_name, x.kind, x.cue, x.evidence) for x in links]


class _Sites:
    """The articles of the sites a cue can name (by :func:`~newsprism.link.lineage.name_key`), after the change."""

    def __init__(self, store: Any, corpus: Corpus, changed: Collection[str], removed: Collection[str]) -> None:
        self.store, self.corpus = store, corpus
        self.changed, self.gone = set(changed), set(changed) | set(removed)
        self.sites: dict[str, set[str]] = {}
        for site in store.link_values(InputRow, "site") | {site_of(corpus.article(i)) for i in changed}:
            if site:
                self.sites.setdefault(name_key(site), set()).add(site)
        self.members: dict[str, list[tuple[str, str, date | None]]] = {}

    def of(self, key: str) -> list[tuple[str, str, date | None]]:
        """(id, site, day) of every article of the sites of ``key``, by id."""
        if key not in self.members:
            sites = self.sites.get(key, set())
            found = [(r.article_id, r.site, date.fromisoformat(r.day) if r.day else None)
                     for r in (self.store.link_rows(InputRow, site=sorted(sites)) if sites else ())
                     if r.article_id not in self.gone]
            for i in self.changed:
                article = self.corpus.article(i)
                if site_of(article) in sites:
                    found.append((i, site_of(article) or "", day_of(article.published)))
            self.members[key] = sorted(found)
        return self.members[key]


def relink_lineage(store: Any, corpus: Corpus, feats: Mapping[str, DocFeatures], groups: Groups, *,
                   relink: Collection[str], changed: Collection[str], removed: Collection[str],
                   sites_before: Iterable[str | None], settings: Settings) -> tuple[list[LineageRow], set[str]]:
    """Lineage rows of the articles whose lineage may have changed, and the ids whose rows they replace.

    ``relink``: the articles whose duplicate group may have changed; ``changed``: those whose text or features
    did; the articles whose cue names a site of a changed or removed article (``sites_before``: their sites
    at the last run) are resolved again, comparing only the changed articles with the stored source.
    """
    least = settings.lineage_min_similarity
    changed, gone = set(changed), set(changed) | set(removed)
    sites = _Sites(store, corpus, changed, removed)
    keys = {name_key(s) for s in [*sites_before, *(site_of(corpus.article(i)) for i in changed)] if s}
    cued = {r.article_id for r in store.link_rows(CueRow, key=sorted(keys))} if keys else set()
    todo = sorted((set(relink) | changed | cued) - set(removed))
    corpus.load(todo)
    old = {r.article_id: r for r in store.link_rows(LineageRow, article_id=todo)} if todo else {}
    links: list[LineageLink] = []
    for article_id in todo:
        article = corpus.article(article_id)
        if cues := find_cues(article.text)[:1]:
            cue = cues[0]
            link = LineageLink(article_id=article_id, kind=cue.kind, source_name=cue.source_name, cue=cue.text,
                               evidence={"rule": "cue"})
            members = sites.of(name_key(cue.source_name))
            stored = old.get(article_id)
            if article_id in changed or stored is None or stored.source_article_id in gone:
                candidates = members
            else:  # its best among unchanged articles is the stored one: compare the changed ones with it
                candidates = [m for m in members if m[0] in changed or m[0] == stored.source_article_id]
            resolve_source(link, day_of(article.published), [(m[0], m[2]) for m in candidates],
                           _similarity_to(feats, article_id), site=members[0][1] if members else None, least=least)
            links.append(link)
        elif article_id in relink or article_id in changed:
            links += _copy_link(article_id, corpus, groups)
    rows = lineage_rows(sorted(links, key=lambda x: (x.article_id, x.source_article_id or "")))
    return rows, set(todo) | set(removed)


def _similarity_to(feats: Mapping[str, DocFeatures], article_id: str) -> Callable[[str], float]:
    mine = feats[article_id]
    return lambda other: feature_similarity(mine, feats[other])


def _copy_link(article_id: str, corpus: Corpus, groups: Groups) -> list[LineageLink]:
    group = groups.of([article_id]).get(article_id)
    if group is None or article_id == group.original:
        return []
    site, original = site_of(corpus.article(article_id)), site_of(corpus.article(group.original))
    if not site or site == original:
        return []
    evidence = {"group_id": group.group_id, "original_site": original, "similarity": group.similarity[article_id]}
    return [LineageLink(article_id=article_id, kind="copy", source_article_id=group.original, source_name=original,
                        evidence={"rule": "near_duplicate", **evidence})]


# -- 3. claims ----------------------------------------------------------------------------


def claim_rows(rows: Iterable[ClaimRow]) -> list[ClaimGroupRow]:
    return [ClaimGroupRow(r.story_id, r.quantity, r.article_id, r.claim_index, r.value, r.bound, r.counted,
                          r.claimant_name, r.as_of, r.site, r.unit, r.verdict, r.note) for r in rows]


def relink_claims(store: Any, corpus: Corpus, groups: Groups, stories: StoryLinks, *, changed: Collection[str],
                  entity_of: Callable[[Collection[str]], Mapping[tuple[str, str], str]]
                  ) -> tuple[list[ClaimGroupRow], set[str]]:
    """Claims side by side in the stories re-clustered and the stories of the ``changed`` articles (facts,
    text, corpus entities or duplicate group), and the story ids whose rows they replace.

    A story re-clustered as it was stored (its id is a hash of its members) none of whose members changed
    keeps its rows: they are neither read nor written again (a run that reaches most of a dense corpus's
    stories re-clusters them, but its new articles join few, #17)."""
    changed, replaced = set(changed), stories.replaced or set()
    members = {s.story_id: set(s.articles) for s in stories.stories
               if s.story_id not in replaced or not changed.isdisjoint(s.articles)}
    same = {s.story_id for s in stories.stories} - set(members)
    relinked = stories.relinked or set()
    kept = {r.story_id for r in store.link_rows(StoryArticleRow, article_id=sorted(changed - relinked))}
    kept -= replaced
    for row in store.link_rows(StoryArticleRow, story_id=sorted(kept)) if kept else ():
        members.setdefault(row.story_id, set()).add(row.article_id)
    from .stream import story_batches  # the stream module reads the corpus through this one's Corpus

    claims: list[ClaimGroupRow] = []
    # a story's figures are set side by side apart from the others': the members of a batch of stories are read
    # at a time and let go, not every member of every story joined held to the end of the run (#17)
    for part in story_batches({story: sorted(ids) for story, ids in members.items()}):
        ids = sorted({i for m in part.values() for i in m})
        held = {i: article for i in ids if (article := corpus.slim.get(i)) is not None}
        held.update((a.id, a) for a in store.articles_by_id([i for i in ids if i not in held], without=LEFT_OUT))
        found = groups.of(ids)
        claims += claim_rows(align_claims(part, held, entity_of=entity_of(ids),
                                          copies={i for i, g in found.items() if i != g.original}))
    return claims, (replaced - same) | kept
