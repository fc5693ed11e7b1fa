"""``link_corpus``: recompute every link table from the stored articles.

1. Read every article, sorted by id (never by arrival), keeping only what
   linking needs.
2. Learn per-site furniture from the raw texts of each site's most recent
   articles (a bounded sample, :class:`~newsprism.link.furniture.FurnitureSample`).
3. Duplicates over the clean text minus learned furniture (MinHash
   signatures cached per article and content hash); meaning vectors of the
   same text for stories, cached the same way.
4. Stories (duplicates always share one), lineage, corpus entities (with the
   manual decisions), claims side by side.
5. Write everything in ONE transaction that replaces the previous results.

Each step is told to the ``report`` callback when it starts and ends (#15),
so a long link run shows what it is doing; nothing is printed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from ..codes import Code
from ..config import Settings
from ..errors import StoreError
from ..model import Article, content_hash
from ..progress import Step, counted
from ..store.links import (
    ArticleStateRow,
    BandRow,
    ClaimGroupRow,
    CorpusEntityRow,
    DuplicateRow,
    EntityMemberRow,
    FurnitureRow,
    LineageRow,
    LinkRow,
    MinhashRow,
    Patch,
    StoryArticleRow,
    StoryRow,
    VectorRow,
)
from .claims import ClaimRow, align_claims
from .duplicates import (
    BANDS,
    MAX_BUCKET,
    ROWS,
    SIGNATURE_VERSION,
    DupDoc,
    DuplicateGroup,
    band_keys,
    find_duplicates,
    signature,
)
from .entities import CorpusEntity, resolve_entities
from .features import DocFeatures, content_of, day_of, features, site_of
from .furniture import FurnitureLine, FurnitureSample, learn_furniture, strip_furniture
from .incremental import BAND_KEYS, bands_propose, closure, group_members, link_stories
from .lineage import LineageDoc, LineageLink, find_lineage
from .semantic import VECTOR_VERSION, encode, from_text, lead, to_text
from .stories import MAX_POSTING, StoryCluster, feature_similarity

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What one link run found."""

    articles: int
    duplicate_groups: int
    duplicates: int
    lineage: int
    stories: int
    corpus_entities: int
    merged_entities: int
    claim_rows: int
    furniture_lines: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


def _slim(article: Article) -> Article:
    # Only what linking reads stays in memory (100k articles must fit).
    return article.replace(raw_text="", removals=(), repairs=(), segments=(), paragraphs=(), mentions=(),
                           quotes=(), times=(), media=(), related=())


def _read(store: Any) -> tuple[list[Article], list[tuple[str, str | None, str]]]:
    articles: dict[str, Article] = {}
    sample = FurnitureSample()
    for article in store.iter_articles():
        sample.offer(article.id, site_of(article), article.published or article.fetched)
        articles[article.id] = _slim(article)
    raws: list[tuple[str, str | None, str]] = [(i, site, stored.raw_text or "") for i, site in sample.chosen()
                                               if (stored := store.get(i))]
    return [articles[k] for k in sorted(articles)], raws


@dataclass(slots=True)
class _Signatures:
    """MinHash signatures of every article, their rows, and what changed since the last run."""

    sigs: dict[str, list[int]]
    rows: list[MinhashRow]
    changed: set[str]  # new articles, and those whose text (minus furniture) changed
    removed: set[str]  # linked last time, gone now


def _signatures(store: Any, docs: list[DupDoc]) -> _Signatures:
    cached = {row.article_id: row for row in store.link_rows(MinhashRow)}
    found = _Signatures({}, [], set(), set(cached) - {doc.id for doc in docs})
    for doc in docs:
        chash = f"{SIGNATURE_VERSION}:{content_hash(doc.text)}"
        hit = cached.get(doc.id)
        if hit and hit.content_hash == chash:
            sig = [int(v) for v in hit.signature.split(",")]
        else:
            sig = signature(doc.text)
            found.changed.add(doc.id)
        found.sigs[doc.id] = sig
        found.rows.append(MinhashRow(doc.id, chash, ",".join(map(str, sig))))
    return found


def _link_config(settings: Settings) -> str:
    """What a link run must share with the last one to link incrementally on top of it."""
    return json.dumps({"signature": SIGNATURE_VERSION, "bands": [BANDS, ROWS, MAX_BUCKET],
                       "duplicates": [settings.duplicate_min_jaccard, settings.duplicate_min_containment],
                       "stories": [settings.story_threshold, settings.story_average, settings.story_threshold_text_only,
                                   settings.story_average_text_only, settings.story_window_days,
                                   settings.story_max_span_days, MAX_POSTING]}, sort_keys=True)


def _stored_groups(store: Any, *, leave_out: Collection[str]) -> list[DuplicateGroup]:
    """The stored duplicate groups that have no member in ``leave_out``."""
    groups: dict[str, DuplicateGroup] = {}
    for row in store.link_rows(DuplicateRow):
        group = groups.setdefault(row.group_id, DuplicateGroup(row.group_id, "", []))
        group.members.append(row.article_id)
        group.similarity[row.article_id] = row.similarity
        group.evidence[row.article_id] = row.evidence
        if row.is_original:
            group.original = row.article_id
    return [g for g in groups.values() if not leave_out or not set(g.members) & set(leave_out)]


def _duplicates(store: Any, docs: list[DupDoc], found: _Signatures, *, incremental: bool, also: Collection[str],
                settings: Settings) -> tuple[list[DuplicateGroup], Patch | None, set[str] | None]:
    """Duplicate groups of every article, the band rows to write (a :class:`Patch` of the changed
    articles' rows when ``incremental``, else ``None``: every article's rows are written) and the articles
    whose group or its original changed (``None``: any). ``also``: articles whose date or site changed
    (they pick the original), with the same text."""
    if not incremental:
        return find_duplicates(docs, signatures=found.sigs, settings=settings), None, None
    texts = {d.id: d.text for d in docs}
    new_keys = {i: band_keys(found.sigs[i], texts[i]) for i in sorted(found.changed | (set(also) & set(texts)))}
    linked = closure(store, BAND_KEYS, new_keys=new_keys, removed=found.removed, proposes=bands_propose,
                     neighbours=group_members(store, DuplicateRow, "group_id"))
    fresh = find_duplicates([d for d in docs if d.id in linked.articles], signatures=found.sigs,
                            settings=settings, crowded=linked.crowded)
    stored = _stored_groups(store, leave_out=())
    kept = [g for g in stored if not set(g.members) & (linked.articles | found.removed)]
    rows = [BandRow(key, i) for i, keys in new_keys.items() for key in keys]
    before = {m: (g.group_id, g.original) for g in stored for m in g.members}
    after = {m: (g.group_id, g.original) for g in fresh for m in g.members}
    touched = {i for i in linked.articles | found.removed if before.get(i) != after.get(i)}
    return (sorted(kept + fresh, key=lambda g: g.group_id), Patch("article_id", set(new_keys) | found.removed, rows),
            touched)


def _vectors(store: Any, articles: list[Article]) -> tuple[dict[str, np.ndarray], list[VectorRow]]:
    """Meaning vectors of the articles' leads: cached ones by a hash of title and text (the lead is read only
    from those: finding it costs more than hashing), the rest encoded."""
    cached = {row.article_id: (row.content_hash, row.vector) for row in store.link_rows(VectorRow)}
    hashes = {a.id: f"{VECTOR_VERSION}:{content_hash((a.title or '') + chr(0) + a.text)}" for a in articles}
    found = {i: from_text(hit[1]) for i in hashes if (hit := cached.get(i)) and hit[0] == hashes[i]}
    leads = {a.id: lead(*reversed(content_of(a))) for a in articles if a.id not in found}
    todo = sorted(leads)
    for i, vector in zip(todo, encode([leads[i] for i in todo]), strict=True):
        if vector is not None:  # as stored (float16), so a later run that reads it back scores alike (#17)
            found[i] = from_text(to_text(vector))
    rows = [VectorRow(i, hashes[i], to_text(v)) for i, v in sorted(found.items())]
    return found, rows


class _Features(dict[str, DocFeatures]):
    """Story features computed on first use: an incremental run compares only the articles it relinks."""

    def __init__(self, content: Mapping[str, Article], vectors: Mapping[str, np.ndarray]) -> None:
        super().__init__()
        self.content, self.vectors = content, vectors

    def __missing__(self, key: str) -> DocFeatures:
        value = self[key] = features(self.content[key], semantic=self.vectors.get(key))
        return value


def _inputs_hash(article: Article) -> str:
    """A hash of what the story features and the duplicate record of an article are made of (its text here is
    minus furniture)."""
    data = [article.text, article.title, article.published, article.fetched, article.lang, site_of(article),
            sorted((e.name, e.label or "") for e in article.entities),
            sorted((p.gazetteer_id or "", p.name or "", p.text) for p in article.places)]
    return hashlib.sha1(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def _duplicate_rows(groups: list[DuplicateGroup]) -> Iterator[DuplicateRow]:
    for group in groups:
        for member in group.members:
            yield DuplicateRow(group.group_id, member, int(member == group.original), group.similarity[member],
                               group.evidence[member])


def _copies(groups: list[DuplicateGroup], sites: dict[str, str | None]) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for group in groups:
        for member in group.members:
            if member != group.original and sites.get(member) and sites.get(member) != sites.get(group.original):
                found.append((member, group.original, {"group_id": group.group_id,
                                                       "original_site": sites.get(group.original),
                                                       "similarity": group.similarity[member]}))
    return found


class _Steps:
    """Reports each step of a link run to ``report`` (a :class:`~newsprism.progress.Step` at its start and
    at its end); without ``report`` it only runs them."""

    def __init__(self, report: Callable[[Step], None] | None) -> None:
        self.report = report
        self.found = ""  # what the step in progress found, said at its end

    @contextmanager
    def step(self, name: str, doing: str) -> Iterator[_Steps]:
        if self.report is not None:
            self.report(Step(name, doing))
        began = time.perf_counter()
        self.found = ""
        yield self
        if self.report is not None:
            self.report(Step(name, self.found or doing, seconds=time.perf_counter() - began))


def link_corpus(store: Any, *, settings: Settings | None = None,
                report: Callable[[Step], None] | None = None, full: bool = False) -> LinkSummary:
    """Link the corpus: duplicates, lineage, stories, corpus entities, aligned claims and site furniture.

    Duplicates are linked incrementally (:mod:`newsprism.link.incremental`): only the groups that new,
    changed or removed articles can reach are recomputed, with the same result as a full run. A corpus
    linked by an older version, or with other duplicate settings, is linked in full.

    Args:
        store: An open SQLite or PostgreSQL store.
        settings: The run's settings: the thresholds of duplicates, stories, lineage and site furniture.
        report: Called when each step starts and ends (:class:`~newsprism.progress.Step`: ``read``,
            ``furniture``, ``duplicates``, ``vectors``, ``stories``, ``lineage``, ``entities``, ``claims``,
            ``write``), for a caller that shows progress; nothing is printed.
        full: Recompute every link from scratch (``newsprism link --full``).

    Returns:
        Counts of what was found, also kept in the store's ``meta`` table.

    Raises:
        StoreError: ``E340`` when the store keeps no link tables.
    """
    if not callable(getattr(store, "replace_links", None)):
        raise StoreError(f"the store {type(store).__name__} keeps no link tables", code=Code.NO_LINK_TABLES)
    settings = settings or Settings()
    started = time.perf_counter()
    steps = _Steps(report)
    previous, config = store.link_state(), _link_config(settings)
    incremental = not full and previous is not None and json.loads(previous).get("config") == config
    # a token per run, so that a run which patches what it read sees whether another run wrote in between
    state = json.dumps({"config": config, "run": uuid.uuid4().hex})
    with steps.step("read", "reading the stored articles"):
        articles, raws = _read(store)
        how = "incremental" if incremental else "full: asked for" if full else "full: no link state of this version"
        steps.found = f"{counted(len(articles), 'article')} ({how})"
    by_id = {a.id: a for a in articles}
    with steps.step("furniture", "learning each site's repeated lines"):
        furniture = learn_furniture(raws, settings=settings)
        steps.found = f"{counted(len(furniture), 'line')} of site furniture"
    del raws
    site_lines: dict[str, set[str]] = {}
    for line in furniture:
        site_lines.setdefault(line.site, set()).add(line.line_hash)
    sites = {a.id: site_of(a) for a in articles}
    dup_docs = [DupDoc(id=a.id, text=strip_furniture(a.text, site_lines.get(sites[a.id] or "", set())),
                       published=a.published, fetched=a.fetched, site=sites[a.id]) for a in articles]
    content = {d.id: a.replace(text=d.text) for d, a in zip(dup_docs, articles, strict=True)}
    hashes = {i: _inputs_hash(a) for i, a in content.items()}
    stored = {r.article_id: r.features for r in store.link_rows(ArticleStateRow)} if incremental else {}
    with steps.step("duplicates", "finding duplicates"):
        found = _signatures(store, dup_docs)
        groups, bands, touched = _duplicates(store, dup_docs, found, incremental=incremental, settings=settings,
                                             also={i for i, h in hashes.items() if stored.get(i) != h})
        copies = counted(sum(len(g.members) - 1 for g in groups), "copy", "copies")
        steps.found = f"{counted(len(groups), 'group')} of duplicates ({copies})"
    with steps.step("vectors", "reading the meaning of each article"):
        vectors, vector_rows = _vectors(store, list(content.values()))
        steps.found = f"meaning vectors of {counted(len(vectors), 'article')}"
    with steps.step("stories", "grouping articles into stories"):
        feats = _Features(content, vectors)
        story_links = link_stories(store, feats, groups, hashes=hashes,
                                   days={a.id: day_of(a.published) for a in articles}, meaning=bool(vectors),
                                   touched=touched, settings=settings)
        stories = story_links.stories
        steps.found = counted(len(stories), "story", "stories")
    with steps.step("lineage", "finding copied and translated articles"):
        lineage = find_lineage([LineageDoc(a.id, a.text, sites[a.id], day_of(a.published)) for a in articles],
                               similarity=lambda x, y: feature_similarity(feats[x], feats[y]),
                               copies=_copies(groups, sites), settings=settings)
        steps.found = f"{counted(len(lineage), 'article')} copied or translated"
    with steps.step("entities", "resolving entities across articles"):
        entities = resolve_entities(articles, decisions=store.decisions())
        merged = sum(1 for e in entities if len({m[2] for m in e.members}) > 1)
        steps.found = f"{counted(len(entities), 'corpus entity', 'corpus entities')} ({merged} under several names)"
    with steps.step("claims", "setting claims side by side"):
        claims = align_claims({s.story_id: list(s.articles) for s in stories}, by_id,
                              entity_of={(aid, eid): e.corpus_id for e in entities for aid, eid, _ in e.members},
                              copies={m for g in groups for m in g.members if m != g.original})
        steps.found = f"{counted(len(claims), 'figure')} side by side"
    tables = _tables(groups, lineage, stories, entities, claims, furniture, found.rows, vector_rows)
    tables.update(story_links.tables)
    patches = dict(story_links.patches)
    if bands is None:
        tables[BandRow] = [BandRow(key, d.id) for d in dup_docs for key in band_keys(found.sigs[d.id], d.text)]
    else:
        patches[BandRow] = bands
    summary = LinkSummary(
        articles=len(articles), duplicate_groups=len(groups), duplicates=sum(len(g.members) - 1 for g in groups),
        lineage=len(lineage), stories=len(stories), corpus_entities=len(entities), merged_entities=merged,
        claim_rows=len(claims), furniture_lines=len(furniture), seconds=round(time.perf_counter() - started, 3))
    with steps.step("write", "writing the links in one transaction"):
        written = store.replace_links(tables, summary={k: v for k, v in summary.as_dict().items() if k != "seconds"},
                                      patches=patches, state=state, if_state=previous if incremental else None)
        steps.found = "links written" if written else "another link run wrote first: linking in full"
    if not written:
        return link_corpus(store, settings=settings, report=report, full=True)
    log.info("linked %d articles: %s", len(articles), summary.as_dict())
    return summary


def _tables(groups: list[DuplicateGroup], lineage: list[LineageLink], stories: list[StoryCluster],
            entities: list[CorpusEntity], claims: list[ClaimRow], furniture: list[FurnitureLine],
            minhash_rows: list[MinhashRow], vector_rows: list[VectorRow]
            ) -> dict[type[LinkRow], list[Any]]:
    """The rows of every link table."""
    return {
        DuplicateRow: list(_duplicate_rows(groups)),
        LineageRow: [LineageRow(x.article_id, x.source_article_id, x.source_name, x.kind, x.cue, x.evidence)
                     for x in lineage],
        StoryRow: [StoryRow(s.story_id, s.label, s.start, s.end, list(s.sources), len(s.articles)) for s in stories],
        StoryArticleRow: [StoryArticleRow(s.story_id, aid, score) for s in stories
                          for aid, score in sorted(s.articles.items())],
        CorpusEntityRow: [CorpusEntityRow(e.corpus_id, e.name, e.label, e.variants, e.evidence, e.articles)
                          for e in entities],
        EntityMemberRow: [EntityMemberRow(e.corpus_id, *m) for e in entities for m in e.members],
        ClaimGroupRow: [ClaimGroupRow(r.story_id, r.quantity, r.article_id, r.claim_index, r.value, r.bound,
                                      r.counted, r.claimant_name, r.as_of, r.site, r.unit, r.verdict, r.note)
                        for r in claims],
        FurnitureRow: [FurnitureRow(f.site, f.line_hash, f.line_text, f.articles) for f in furniture],
        MinhashRow: minhash_rows,
        VectorRow: vector_rows,
    }
