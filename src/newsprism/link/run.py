"""``link_corpus``: keep every link table up to date with the stored articles.

1. Read: a full run reads every article (slim); an incremental run asks the
   store which articles are new, rewritten or gone since the last run and
   reads those, then others only as the steps below reach them (#17).
2. Learn per-site furniture from the raw texts of each site's most recent
   articles (a bounded sample, :class:`~newsprism.link.furniture.FurnitureSample`),
   again only for the sites whose sample changed.
3. Duplicates over the clean text minus learned furniture (MinHash
   signatures cached per article and content hash); meaning vectors of the
   same text for stories, cached the same way.
4. Stories (duplicates always share one), lineage, corpus entities (with the
   manual decisions), claims side by side.
5. Write everything in ONE transaction that replaces the previous results
   (whole tables in a full run, the recomputed rows in an incremental one).

Each step is told to the ``report`` callback when it starts and ends (#15),
so a long link run shows what it is doing; nothing is printed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from ..codes import Code
from ..config import Settings
from ..errors import StoreError
from ..model import Article, content_hash
from ..progress import Step, counted
from ..store.links import (
    ArticleStateRow,
    BandRow,
    ClaimGroupRow,
    CueRow,
    DuplicateRow,
    EntityMentionRow,
    FurnitureRow,
    InputRow,
    LineageRow,
    LinkRow,
    MinhashRow,
    Patch,
    StoryRow,
    VectorRow,
)
from .claims import ClaimRow, align_claims
from .delta import (
    LEFT_OUT,
    Corpus,
    Days,
    Features,
    Vectors,
    claim_rows,
    cue_rows,
    furniture_rows,
    input_row,
    lineage_rows,
    moment_of,
    relearn_furniture,
    relink_claims,
    relink_lineage,
    restripped,
)
from .duplicates import (
    BANDS,
    MAX_BUCKET,
    ROWS,
    SIGNATURE_VERSION,
    DupDoc,
    DuplicateGroup,
    band_keys,
    find_duplicates,
    near_copies,
    pack_shingles,
    shingle_array,
    signature_of,
    text_digest,
    unpack_shingles,
)
from .entity_keys import EntityLinks, link_entities, resolve_records
from .entity_names import mention_records
from .features import FEATURES_VERSION, day_of, features, is_news, site_of
from .furniture import FurnitureSample, learn_furniture, page_text
from .incremental import (
    BAND_KEYS,
    EDGES_VERSION,
    Closure,
    Groups,
    bands_propose,
    closure,
    group_members,
    link_stories,
    proposes,
    stored_groups,
)
from .lineage import LineageDoc, find_cues, find_lineage
from .stories import MAX_POSTING, feature_similarity
from .stream import article_batches, band_rows, minhash_rows, packed, story_batches, texts_minus_furniture

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


@dataclass(slots=True)
class _Signatures:
    """MinHash signatures of the articles read, their rows, and what changed since the last run."""

    sigs: dict[str, list[int]]
    rows: list[MinhashRow]
    changed: set[str]  # new articles, and those whose text (minus furniture) changed
    removed: set[str]  # linked last time, gone now


def _signatures(store: Any, docs: list[DupDoc], *, removed: Collection[str] | None = None) -> _Signatures:
    """Signatures of ``docs``; ``removed`` given (an incremental run), only their cached rows are read."""
    rows = store.link_rows(MinhashRow) if removed is None else \
        store.link_rows(MinhashRow, article_id=sorted(d.id for d in docs)) if docs else []
    cached = {row.article_id: row for row in rows}
    found = _Signatures({}, [], set(), set(cached) - {doc.id for doc in docs} if removed is None else set(removed))
    for doc in docs:
        chash = f"{SIGNATURE_VERSION}:{content_hash(doc.text)}"
        hit = cached.get(doc.id)
        if hit is None or hit.content_hash != chash:
            found.changed.add(doc.id)
            hit = None
        if hit is not None and hit.shingles:
            sig, packed_shingles = [int(v) for v in hit.signature.split(",")], hit.shingles
        else:  # a text cut again, also when a row kept from before the shingles has the signature (#17)
            values = shingle_array(doc.text)
            sig = [int(v) for v in hit.signature.split(",")] if hit is not None else signature_of(values)
            packed_shingles = pack_shingles(values)
        found.sigs[doc.id] = sig
        found.rows.append(MinhashRow(doc.id, chash, ",".join(map(str, sig)), packed_shingles))
    return found


def _link_config(settings: Settings) -> str:
    """What a link run must share with the last one to link incrementally on top of it ("names": the rules that read a
    name's parts and fold its spelling, whose keys the entity step stores; 2, a numeral is no letters to fold and a
    first name no particle; 3, a site's name is keyed by its town; 4, an everyday word's one-word name is a node of
    its article; 5, an unplaced common plural is a node of its article and a seat of power is typed by what it does;
    6, a people keeps its entry by its word or its plural alone, and a name its entry by the words of the places at
    that entry; 7, an unplaced name is compatible with every name of a place, a place's name in the plural stands
    for none, and unplaced initials of two or three letters for none; 8, a surname in the plural is a family's,
    no spelling of the surname, and a group's adjective in "-ic" is the group; "labels" 3, a pull quote names a story last,
    after a member's first sentence; "merges" 1, an undated article no bridge between dated ones and joining them on
    a pair's evidence; "entity_nodes" 2, a name node stores its counts and first member instead of its member list;
    "site_titles" 1, a title a site gives many of its pages is its furniture; "claim_verbs" 1, a claim group's verb
    by its base form; "claim_sentences" 1, a figure's sentence runs past abbreviations, initials and titles, #17)."""
    return json.dumps({"signature": SIGNATURE_VERSION, "shingles": 1, "story_key_days": 1, "bands": [BANDS, ROWS, MAX_BUCKET],
                       "inputs": 2, "labels": 3, "names": 8, "entity_nodes": 2, "features": FEATURES_VERSION, "edges": EDGES_VERSION,
                       "merges": 1, "site_titles": 1, "claim_verbs": 1, "claim_sentences": 1,
                       "duplicates": [settings.duplicate_min_jaccard, settings.duplicate_min_containment],
                       "stories": [settings.story_threshold, settings.story_average, settings.story_threshold_text_only,
                                   settings.story_average_text_only, settings.story_window_days,
                                   settings.story_max_span_days, MAX_POSTING],
                       "lineage": settings.lineage_min_similarity,
                       "furniture": [settings.furniture_min_articles, settings.furniture_min_share]}, sort_keys=True)


@dataclass(slots=True)
class _Dups:
    """Duplicate groups (every group in a full run, the recomputed ones in an incremental one), the articles
    relinked (``None``: all), those whose group or its original changed, and the band and group rows."""

    groups: list[DuplicateGroup]
    relinked: set[str] | None
    touched: set[str] | None
    bands: Patch | None


def _dup_doc(article: Article) -> DupDoc:
    return DupDoc(id=article.id, text=article.text, published=article.published, fetched=article.fetched,
                  site=site_of(article))


def _duplicates(store: Any, docs: list[DupDoc], found: _Signatures, *, incremental: bool, also: Collection[str],
                settings: Settings, corpus: Corpus | None = None) -> _Dups:
    """Duplicate groups of every article (full), or of the articles new, changed or removed ones reach
    (incremental: read through ``corpus``). ``also``: articles whose date or site changed (they pick the
    original), with the same text."""
    if not incremental or corpus is None:
        return _Dups(find_duplicates(docs, signatures=found.sigs, settings=settings), None, None, None)
    texts = {d.id: d.text for d in docs}
    new_keys = {i: band_keys(found.sigs[i], texts[i]) for i in sorted(found.changed | (set(also) & set(texts)))}
    linked = _verified_closure(store, new_keys, texts, corpus, settings=settings) if not found.removed else None
    if linked is None:
        linked = closure(store, BAND_KEYS, new_keys=new_keys, removed=found.removed, proposes=bands_propose,
                         neighbours=group_members(store, DuplicateRow, "group_id"))
    others = sorted(linked.articles - set(found.sigs))
    corpus.load(others)
    sigs = dict(found.sigs)
    sigs.update({r.article_id: [int(v) for v in r.signature.split(",")]
                 for r in (store.link_rows(MinhashRow, article_id=others) if others else ())})
    fresh = find_duplicates([_dup_doc(corpus.content(i)) for i in sorted(linked.articles)], signatures=sigs,
                            settings=settings, crowded=linked.crowded)
    everyone = linked.articles | found.removed
    stored = stored_groups(store, {r.group_id for r in store.link_rows(DuplicateRow, article_id=sorted(everyone))})
    before = {m: (g.group_id, g.original) for g in stored for m in g.members}
    after = {m: (g.group_id, g.original) for g in fresh for m in g.members}
    touched = {i for i in everyone if before.get(i) != after.get(i)}
    rows = [BandRow(key, i) for i, keys in new_keys.items() for key in keys]
    return _Dups(fresh, set(everyone), touched, Patch("article_id", set(new_keys) | found.removed, rows))


def _verified_closure(store: Any, new_keys: Mapping[str, Sequence[str]], texts: Mapping[str, str], corpus: Corpus,
                      *, settings: Settings) -> Closure | None:
    """The articles whose duplicate groups may change when the articles of ``new_keys`` are new or got a new
    text (none of them in a stored group, none removed): those articles, the stored articles that share a
    bucket with one of them *and* are its copy (the pair verified on the shingles, as
    :func:`~newsprism.link.duplicates.find_duplicates` verifies it), and the stored groups of those.

    A stored article that shares a bucket with a new one but is not its copy keeps its group: the pairs of
    stored articles keep their verdicts, and no bucket proposes other pairs than before unless it crosses
    :data:`~newsprism.link.duplicates.MAX_BUCKET`. So where a corpus holds many articles sharing a bucket with
    each new one, only the copies are taken in with their groups, not every bucket's members and their own
    buckets' (#17). ``None`` when a new or changed article was in a stored group (its group may split) or a
    bucket crosses the cap: the caller walks every bucket (:func:`~newsprism.link.incremental.closure`)."""
    seeds = set(new_keys)
    if not seeds or store.link_rows(DuplicateRow, article_id=sorted(seeds)):
        return None
    leaving = Counter(r.band_key for r in store.link_rows(BandRow, article_id=sorted(seeds)))
    keys = sorted({k for ks in new_keys.values() for k in ks} | set(leaving))
    before = store.link_counts(BandRow, "band_key", keys)
    adding = Counter(k for ks in new_keys.values() for k in ks)
    after = {k: before.get(k, 0) - leaving[k] + adding[k] for k in keys}
    if any(proposes(k, before.get(k, 0)) != proposes(k, after[k]) for k in keys):
        return None
    open_keys = sorted(k for k in adding if proposes(k, after[k]))
    members: dict[str, set[str]] = {}
    for row in store.link_rows(BandRow, band_key=open_keys) if open_keys else ():
        if row.article_id not in seeds:
            members.setdefault(row.band_key, set()).add(row.article_id)
    for i, ks in new_keys.items():
        for k in ks:
            members.setdefault(k, set()).add(i)
    pairs = sorted({(min(i, j), max(i, j)) for i, ks in new_keys.items() for k in ks if k in members
                    and proposes(k, after[k]) for j in members[k] if j != i})
    others = sorted({j for pair in pairs for j in pair} - seeds)
    digests, sets = _stored_shingles(store, others)
    unread = sorted(set(others) - set(sets))  # a text with no words has no shingles stored: read it
    sites = {r.article_id: r.site for r in store.link_rows(InputRow, article_id=unread)} if unread else {}
    read = dict(texts_minus_furniture(store, sites, corpus.lines_of)(unread)) if unread else {}
    read.update((i, texts[i]) for i in seeds)
    digests.update((i, text_digest(t)) for i, t in read.items())
    sets.update((i, shingle_array(t)) for i, t in read.items())
    copies: set[str] = set()
    for a, b in pairs:
        if digests[a] is not None and digests[a] == digests[b] or near_copies(sets[a], sets[b], settings=settings):
            copies |= {a, b}
    found = seeds | group_members(store, DuplicateRow, "group_id")(sorted(copies - seeds)) | copies
    # the keys of every article found, with their members in the whole corpus: a crowded key proposes no pairs
    theirs = store.link_rows(BandRow, article_id=sorted(found - seeds)) if found - seeds else []
    counted = store.link_counts(BandRow, "band_key", sorted({r.band_key for r in theirs} - set(after)))
    counts = {**counted, **after}
    crowded = frozenset(k for k in {r.band_key for r in theirs} | set(keys)
                        if not proposes(k, counts.get(k, 0)))
    return Closure(frozenset(found), crowded)


def _stored_shingles(store: Any, ids: Sequence[str]) -> tuple[dict[str, str | None], dict[str, Any]]:
    """The digest (:func:`~newsprism.link.duplicates.text_digest`) and shingle array of each stored article of
    ``ids`` whose signature's row keeps its shingles, read from that row: its text minus furniture is the one
    the row is of (an article whose text or furniture changed is linked again, not read here). A text with
    shingles has words, so it is not blank and its digest is its content hash (#17)."""
    digests: dict[str, str | None] = {}
    sets: dict[str, Any] = {}
    for row in store.link_rows(MinhashRow, article_id=list(ids)) if ids else ():
        if row.shingles:
            digests[row.article_id] = row.content_hash.split(":", 1)[1]
            sets[row.article_id] = unpack_shingles(row.shingles)
    return digests, sets


def _inputs_hash(article: Article) -> str:
    """A hash of what the story features and the duplicate record of an article are made of (its text here is
    minus furniture), whether it is news among them: a page marked W104 after it was linked loses its keys."""
    data = [article.text, article.title, article.published, article.fetched, article.lang, site_of(article),
            sorted((e.name, e.label or "") for e in article.entities),
            sorted((p.gazetteer_id or "", p.name or "", p.text) for p in article.places)]
    if not is_news(article):  # only then, so the stored hashes of news pages stay as they were
        data.append("not news")
    return hashlib.sha1(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def _duplicate_rows(groups: list[DuplicateGroup]) -> list[DuplicateRow]:
    return [DuplicateRow(group.group_id, member, int(member == group.original), group.similarity[member],
                         group.evidence[member]) for group in groups for member in group.members]


def _copies(groups: list[DuplicateGroup], sites: Mapping[str, str | None]) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for group in groups:
        for member in group.members:
            if member != group.original and sites.get(member) and sites.get(member) != sites.get(group.original):
                found.append((member, group.original, {"group_id": group.group_id,
                                                       "original_site": sites.get(group.original),
                                                       "similarity": group.similarity[member]}))
    return found


_EntityLinks = EntityLinks


def _link_entities(store: Any, articles: Iterable[Article], *, incremental: bool,
                   removed: Collection[str] = ()) -> EntityLinks:
    """Corpus entities: of every article given (a full run), or of what the given new and changed articles and
    the ``removed`` ones reach (:func:`~newsprism.link.entity_keys.link_entities`)."""
    return link_entities(store, {a.id: a for a in articles}, removed, decisions=store.decisions(),
                         incremental=incremental)


@dataclass(slots=True)
class _Result:
    """What a run writes, and the counts of its summary."""

    tables: Mapping[type[LinkRow], Iterable[Any]]  # a table's rows may be made as they are written
    patches: dict[type[LinkRow], Patch]
    counts: dict[str, int]


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

    A run links incrementally (:mod:`newsprism.link.incremental`, :mod:`newsprism.link.delta`): it asks the
    store which articles are new, changed or gone, reads only those and the articles their duplicate groups,
    stories, lineage cues and claim groups reach, and replaces only those rows, with the same result as a full
    run. A corpus linked by an older version, or with other settings, is linked in full.

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
    how = "incremental" if incremental else "full: asked for" if full else "full: no link state of this version"
    result = (_incremental_run if incremental else _full_run)(store, settings=settings, steps=steps, how=how)
    summary = LinkSummary(**result.counts, seconds=round(time.perf_counter() - started, 3))
    with steps.step("write", "writing the links in one transaction"):
        written = store.replace_links(result.tables, summary={k: v for k, v in summary.as_dict().items()
                                                              if k != "seconds"},
                                      patches=result.patches, state=state, if_state=previous if incremental else None)
        steps.found = "links written" if written else "another link run wrote first: linking in full"
    if not written:
        return link_corpus(store, settings=settings, report=report, full=True)
    log.info("linked %d articles: %s", summary.articles, summary.as_dict())
    return summary


def _full_run(store: Any, *, settings: Settings, steps: _Steps, how: str) -> _Result:
    """Every link recomputed from every stored article (``newsprism link --full``, or a first run), the articles
    read in batches (:mod:`newsprism.link.stream`): what is kept of each is what the steps compare."""
    with steps.step("read", "reading the stored articles"):
        lines: dict[str, set[str]] = {}
        sample = FurnitureSample()
        for head in store.article_heads():
            sample.offer(head.id, site_of(head), moment_of(head))
        versions = store.article_versions()
        ids = sorted(versions)
        steps.found = f"{counted(len(ids), 'article')} ({how})"
    with steps.step("furniture", "learning each site's repeated lines"):
        chosen = dict(sample.chosen())
        raws = store.article_raw_texts(chosen)  # the raw texts alone, not every sampled article decoded whole
        titles = store.article_titles(chosen)
        furniture = learn_furniture(((i, chosen[i], page_text(titles.get(i), raws[i])) for i in sorted(raws)),
                                    settings=settings)
        for line in furniture:
            lines.setdefault(line.site, set()).add(line.line_hash)
        steps.found = f"{counted(len(furniture), 'line')} of site furniture"

    def lines_of(site: str) -> set[str]:
        return lines.get(site, set())

    with steps.step("duplicates", "finding duplicates"):
        read = _read_full(store, ids, lines_of, versions)
        groups = find_duplicates(read.docs, signatures=read.sigs, settings=settings, digests=read.digests,
                                 texts=texts_minus_furniture(store, read.sites, lines_of))
        steps.found = _dup_found(len(groups), sum(len(g.members) - 1 for g in groups))
    with steps.step("vectors", "reading the meaning of each article"):
        vectors = Vectors(None)
        feats = Features(Corpus(store, lines_of), vectors)
        vector_rows: list[VectorRow] = []
        for batch in article_batches(store, ids, lines_of):
            contents = [content for _, content in batch]
            todo = [a.id for a in contents]
            vectors.compute(contents, cached={r.article_id: (r.content_hash, r.vector)
                                              for r in store.link_rows(VectorRow, article_id=todo)})
            vector_rows += vectors.rows
            for content in contents:
                feats[content.id] = features(content, semantic=vectors.get(content.id))
        steps.found = f"meaning vectors of {counted(len(vector_rows), 'article')}"
    with steps.step("stories", "grouping articles into stories"):
        stories = link_stories(store, feats, Groups(store, groups, relinked=None), hashes=read.hashes,
                               days=read.days, meaning=bool(vector_rows), touched=None, settings=settings)
        steps.found = counted(len(stories.stories), "story", "stories")
    with steps.step("lineage", "finding copied and translated articles"):
        lineage = find_lineage(read.lineage, similarity=lambda x, y: feature_similarity(feats[x], feats[y]),
                               copies=_copies(groups, read.sites), settings=settings)
        steps.found = f"{counted(len(lineage), 'article')} copied or translated"
    with steps.step("entities", "resolving entities across articles"):
        entities = resolve_records(read.records, decisions=store.decisions())
        steps.found = _entities_found(entities)
    with steps.step("claims", "setting claims side by side"):
        copies = {m for g in groups for m in g.members if m != g.original}
        shared = {s.story_id: sorted(set(s.articles) - copies) for s in stories.stories}
        shared = {story: members for story, members in shared.items() if len(members) > 1}
        claims: list[ClaimRow] = []
        for part in story_batches(shared):  # a story's figures are set side by side apart from the others'
            both = sorted({i for members in part.values() for i in members})
            claims += align_claims(part, {a.id: a for a in store.articles_by_id(both, without=LEFT_OUT)},
                                   entity_of=entities.entity_of(both), copies=copies)
        steps.found = f"{counted(len(claims), 'figure')} side by side"
    tables: dict[type[LinkRow], Iterable[Any]] = {
        DuplicateRow: _duplicate_rows(groups), LineageRow: lineage_rows(lineage), ClaimGroupRow: claim_rows(claims),
        FurnitureRow: furniture_rows(furniture), VectorRow: vector_rows,
        MinhashRow: minhash_rows(ids, read.sigs, {i: d or read.blank[i] for i, d in read.digests.items()},
                                 read.shingles),
        BandRow: band_rows(ids, read.sigs, read.digests), CueRow: read.cues, InputRow: read.inputs,
        **stories.tables, **entities.tables}
    counts = {"articles": len(ids), "duplicate_groups": len(groups),
              "duplicates": sum(len(g.members) - 1 for g in groups), "lineage": len(lineage),
              "stories": len(stories.stories), "corpus_entities": entities.count, "merged_entities": entities.merged,
              "claim_rows": len(claims), "furniture_lines": len(furniture)}
    return _Result(tables, entities.patches, counts)


@dataclass(slots=True)
class _Read:
    """What a full run keeps of each article from its first read (:func:`_read_full`): no text but the lineage
    cue's; the duplicate check reads the texts it compares again (:func:`~.stream.texts_minus_furniture`)."""

    docs: list[DupDoc] = field(default_factory=list)  # without their texts
    sigs: dict[str, array[int]] = field(default_factory=dict)
    shingles: dict[str, str] = field(default_factory=dict)  # packed, for the signature's row
    digests: dict[str, str | None] = field(default_factory=dict)  # text_digest of the text minus furniture
    blank: dict[str, str] = field(default_factory=dict)  # the content hash of a blank one (its signature's row)
    hashes: dict[str, str] = field(default_factory=dict)
    days: dict[str, date | None] = field(default_factory=dict)
    sites: dict[str, str | None] = field(default_factory=dict)
    lineage: list[LineageDoc] = field(default_factory=list)
    cues: list[CueRow] = field(default_factory=list)
    inputs: list[InputRow] = field(default_factory=list)
    records: list[EntityMentionRow] = field(default_factory=list)


def _read_full(store: Any, ids: list[str], lines_of: Callable[[str], set[str]],
               versions: Mapping[str, str]) -> _Read:
    """Every article read once, in batches: signatures, content hashes, input hashes, lineage cues, entity
    rows and inputs; no text is kept but a lineage cue's."""
    read = _Read()
    for batch in article_batches(store, ids, lines_of):
        docs = [_dup_doc(content) for _, content in batch]
        found = _signatures(store, docs, removed=())
        for (article, content), doc, row in zip(batch, docs, found.rows, strict=True):
            i = article.id
            read.docs.append(replace(doc, text=""))
            read.sigs[i] = packed(found.sigs[i])
            read.shingles[i] = row.shingles
            read.digests[i] = text_digest(doc.text)
            if read.digests[i] is None:
                read.blank[i] = content_hash(doc.text)
            read.hashes[i] = _inputs_hash(content)
            read.days[i] = day_of(article.published)
            read.sites[i] = site_of(article)
            # find_lineage looks for a cue in every text: only the texts that have one are kept
            read.lineage.append(LineageDoc(i, article.text if find_cues(article.text)[:1] else "", read.sites[i],
                                           read.days[i]))
            read.inputs.append(input_row(article, versions[i]))
        read.cues += cue_rows(article for article, _ in batch)
        read.records += [row for article, _ in batch for row in mention_records(article)]
    return read


def _dup_found(groups: int, copies: int) -> str:
    return f"{counted(groups, 'group')} of duplicates ({counted(copies, 'copy', 'copies')})"


def _entities_found(entities: _EntityLinks) -> str:
    return (f"{counted(entities.count, 'corpus entity', 'corpus entities')} "
            f"({entities.merged} under several names)")


def _after(store: Any, kind: type[LinkRow], patch: Patch) -> int:
    """How many rows ``kind``'s table holds once ``patch`` (of one column) is written."""
    column = patch.column if isinstance(patch.column, str) else patch.column[0]
    gone = sum(store.link_counts(kind, column, patch.values).values()) if patch.values else 0
    return int(store.link_total(kind)) - gone + len(patch.rows)


def _incremental_run(store: Any, *, settings: Settings, steps: _Steps, how: str) -> _Result:
    """The links of the new, changed and removed articles and of what they reach, as patches."""
    with steps.step("read", "reading the stored articles"):
        new, removed = store.article_changes()
        versions = store.article_versions(new)
        articles = list(store.articles_by_id(new))
        before = {r.article_id: r for r in store.link_rows(InputRow, article_id=new + removed)} if new or removed else {}
        total = store.count()
        steps.found = f"{counted(total, 'article')} ({how})"
    with steps.step("furniture", "learning each site's repeated lines"):
        learned = relearn_furniture(store, articles, before, removed, settings=settings)
        stored_lines: dict[str, set[str]] = {}

        def lines_of(site: str) -> set[str]:
            if site in learned:
                return {f.line_hash for f in learned[site]}
            if site not in stored_lines:
                stored_lines[site] = {r.line_hash for r in store.link_rows(FurnitureRow, site=site)}
            return stored_lines[site]

        restrip: set[str] = set()
        for site, found_lines in learned.items():
            old = {r.line_hash for r in store.link_rows(FurnitureRow, site=site)}
            if old != {f.line_hash for f in found_lines}:
                restrip |= restripped(store, site, old, {f.line_hash for f in found_lines}, skip=set(new) | set(removed))
        furniture = Patch("site", set(learned), furniture_rows(f for s in sorted(learned) for f in learned[s]))
        steps.found = f"furniture of {counted(len(learned), 'site')} learned again"
    corpus = Corpus(store, lines_of)
    corpus.add(articles)
    del articles
    changed = sorted(set(new) | restrip)
    corpus.load(changed)
    gone = set(changed) | set(removed)
    hashes = {i: _inputs_hash(corpus.content(i)) for i in changed}
    with steps.step("duplicates", "finding duplicates"):
        states = dict(store.link_pairs(ArticleStateRow, "article_id", "features", changed))
        docs = [_dup_doc(corpus.content(i)) for i in changed]
        found = _signatures(store, docs, removed=removed)
        dups = _duplicates(store, docs, found, incremental=True, settings=settings, corpus=corpus,
                           also={i for i in changed if states.get(i) != hashes[i]})
        groups = Groups(store, dups.groups, relinked=dups.relinked)
        dup_patch = Patch("article_id", dups.relinked or set(), _duplicate_rows(dups.groups))
        dup_rows = _after(store, DuplicateRow, dup_patch)
        replaced = {r.group_id for r in store.link_rows(DuplicateRow, article_id=sorted(dups.relinked or ()))}
        dup_groups = store.link_total(DuplicateRow, distinct="group_id") - len(replaced) + len(dups.groups)
        steps.found = _dup_found(dup_groups, dup_rows - dup_groups)
    with steps.step("vectors", "reading the meaning of each article"):
        vectors = Vectors(store)
        vectors.compute([corpus.content(i) for i in changed], cached={
            r.article_id: (r.content_hash, r.vector) for r in store.link_rows(VectorRow, article_id=changed)})
        vector_patch = Patch("article_id", gone, vectors.rows)
        meaning = _after(store, VectorRow, vector_patch) > 0
        steps.found = f"meaning vectors of {counted(len(vectors.rows), 'article')} read or encoded"
    feats = Features(corpus, vectors, store=store, fresh=changed)
    with steps.step("stories", "grouping articles into stories"):
        stories = link_stories(store, feats, groups, hashes=hashes, meaning=meaning, touched=dups.touched,
                               days=Days(store, {i: day_of(corpus.article(i).published) for i in changed}),
                               settings=settings, removed=removed)
        story_count = store.link_total(StoryRow) - len(stories.replaced or ()) + len(stories.stories)
        steps.found = counted(story_count, "story", "stories")
    with steps.step("lineage", "finding copied and translated articles"):
        # a copy's lineage follows its group, its original and their sites: the articles whose group or original
        # changed, and the groups holding a changed article (its site or text may have), not the whole closure
        relink = (dups.touched or set()) | {m for g in dups.groups if not gone.isdisjoint(g.members) for m in g.members}
        lineage, lineage_ids = relink_lineage(store, corpus, feats, groups, relink=relink,
                                              changed=changed, removed=removed, settings=settings,
                                              sites_before=[r.site for r in before.values()])
        lineage_patch = Patch("article_id", lineage_ids, lineage)
        steps.found = f"lineage of {counted(len(lineage_ids), 'article')} linked again"
    # no step reads story features after lineage: those of the stories the new articles join are let go before
    # the entity step, not held under its own peak (#17)
    del feats
    with steps.step("entities", "resolving entities across articles"):
        entities = _link_entities(store, [corpus.article(i) for i in new], incremental=True, removed=removed)
        steps.found = _entities_found(entities)
    with steps.step("claims", "setting claims side by side"):
        claims, claim_stories = relink_claims(store, corpus, groups, stories, entity_of=entities.entity_of,
                                              changed=set(changed) | (entities.changed or set()) | (dups.touched or set()))
        claim_patch = Patch("story_id", claim_stories, claims)
        steps.found = f"claims of {counted(len(claim_stories), 'story', 'stories')} set side by side again"
    patches: dict[type[LinkRow], Patch] = {
        DuplicateRow: dup_patch, LineageRow: lineage_patch, ClaimGroupRow: claim_patch, FurnitureRow: furniture,
        MinhashRow: Patch("article_id", gone, found.rows), VectorRow: vector_patch,
        CueRow: Patch("article_id", gone, cue_rows(corpus.article(i) for i in changed)),
        InputRow: Patch("article_id", set(new) | set(removed), [input_row(corpus.article(i), versions[i]) for i in new]),
        **({BandRow: dups.bands} if dups.bands else {}), **stories.patches, **entities.patches}
    counts = {"articles": total, "duplicate_groups": dup_groups, "duplicates": dup_rows - dup_groups,
              "lineage": _after(store, LineageRow, lineage_patch), "stories": story_count,
              "corpus_entities": entities.count, "merged_entities": entities.merged,
              "claim_rows": _after(store, ClaimGroupRow, claim_patch),
              "furniture_lines": _after(store, FurnitureRow, furniture)}
    return _Result(entities.tables, patches, counts)
