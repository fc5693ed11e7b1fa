"""Incremental linking: relink only the components of the candidate graphs that changed.

Duplicate groups are the connected components of verified pairs, and a verified
pair is always a candidate pair: two articles sharing an LSH band key of at most
:data:`~newsprism.link.duplicates.MAX_BUCKET` articles, or the ``h:`` key of one
content hash. So the groups of a set of articles *closed under candidate pairs*
are exactly the groups a run over the whole corpus finds among them, and the
groups outside it cannot change when nothing in it changed. The closure:

1. Seeds: the new, changed and removed articles.
2. Every band key a seed had or has: its members before and after the change,
   for each side where the bucket proposed pairs (a bucket that crosses the cap
   takes away or brings pairs between articles that did not change).
3. A breadth-first walk through the stored groups (``duplicate_groups``) of
   every article reached, until no article is added.

A group is a component of *verified* pairs, so no verified pair leaves it: a
pair of articles that did not change keeps its verdict, and it is proposed or
not as before unless a bucket crossed the cap, whose members step 2 took. So
the walk need not follow every candidate bucket of what it reached (on a
corpus of mixed texts, that walk took in most of the corpus, #17). Only band
keys and group rows are read, never every article; the keys of the articles
found are read with their buckets' members, so the closure is linked with the
same :func:`~newsprism.link.duplicates.find_duplicates`, told which buckets
are too crowded in the whole corpus to propose pairs.

Stories are linked the same way (:func:`link_stories`), through each
article's stored blocking keys (``link_story_keys``), the duplicate groups and
the stored stories, from the articles whose compared features changed (a hash
of them is kept in ``link_articles``) or whose duplicate group may have.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..config import Settings
from ..store.links import (
    ArticleStateRow,
    BandRow,
    DuplicateRow,
    LinkRow,
    Patch,
    StoryArticleRow,
    StoryEdgeRow,
    StoryKeyRow,
    StoryRow,
)
from .duplicates import MAX_BUCKET, DuplicateGroup
from .features import DocFeatures, features_data, heads_of
from .stories import (
    MAX_POSTING,
    StoryCluster,
    cluster_stories,
    feature_similarity,
    joins,
    score_pairs,
    story_cluster,
    story_keys,
)


@dataclass(frozen=True, slots=True)
class Closure:
    """Articles closed under candidate pairs, and the keys too crowded to propose pairs."""

    articles: frozenset[str]
    crowded: frozenset[str]


#: Bumped when what the stored story edges hold changes, so a corpus linked before is linked in full once:
#: 2, their scores exact (a run clusters from them, #17).
EDGES_VERSION = 2

#: A table of keys that make candidate pairs: a row type with ``article_id`` and its key column.
KeyTable = tuple[type[LinkRow], str]
BAND_KEYS: KeyTable = (BandRow, "band_key")
STORY_KEYS: KeyTable = (StoryKeyRow, "key")


class _Keys:
    """The keys' members after the change: the stored rows, without the changed and removed articles' old
    keys and with their new ones."""

    def __init__(self, store: Any, table: KeyTable, new_keys: Mapping[str, Sequence[str]],
                 gone: Collection[str]) -> None:
        self.store, (self.kind, self.column) = store, table
        self.gone = set(gone) | set(new_keys)
        self.added: dict[str, set[str]] = {}
        self.added_of = new_keys
        for article_id, keys in new_keys.items():
            for key in keys:
                self.added.setdefault(key, set()).add(article_id)
        self.before: dict[str, set[str]] = {}

    def of(self, ids: Collection[str]) -> list[tuple[str, str]]:
        """(key, article_id) stored for ``ids``."""
        return [(key, i) for i, key in self.store.link_pairs(self.kind, "article_id", self.column, ids)]

    def load(self, keys: Collection[str]) -> None:
        todo = sorted({k for k in keys if k not in self.before})
        for key in todo:
            self.before[key] = set()
        for key, article_id in self.store.link_pairs(self.kind, self.column, "article_id", todo):
            self.before[key].add(article_id)

    def after(self, key: str) -> set[str]:
        return (self.before[key] - self.gone) | self.added.get(key, set())


def closure(store: Any, table: KeyTable, *, new_keys: Mapping[str, Sequence[str]], removed: Collection[str],
            proposes: Callable[[str, set[str]], bool],
            neighbours: Callable[[Collection[str]], set[str]]) -> Closure:
    """The articles whose links may change when ``new_keys``' articles are new or changed (each with its
    keys now) and ``removed``'s are gone.

    Args:
        store: A store with link tables.
        table: The stored keys walked through (:data:`BAND_KEYS`, :data:`STORY_KEYS`).
        new_keys: Article id -> its keys now, for each new or changed article.
        removed: Ids of articles no longer in the corpus.
        proposes: Whether a key with these members makes candidate pairs (not too crowded).
        neighbours: Articles linked to the given ones otherwise (the stored groups they were in).

    Returns:
        The closure (removed articles left out) and the crowded keys among its articles' keys.
    """
    keys = _Keys(store, table, new_keys, removed)
    seeds = set(new_keys) | set(removed)
    touched = {key for key, _ in keys.of(seeds)} | set(keys.added) if seeds else set()
    keys.load(touched)
    found = set(seeds)
    for key in touched:  # 2. both sides of every key a seed had or has
        if proposes(key, keys.before[key]):
            found |= keys.before[key]
        if proposes(key, keys.after(key)):
            found |= keys.after(key)
    found |= neighbours(seeds)  # a removed or changed article may split its old group
    frontier = found - seeds
    while frontier:  # 3.
        reached = neighbours(sorted(frontier))
        frontier = reached - found
        found |= reached
    # the keys of every article found, with their members in the whole corpus: a crowded key proposes no pairs
    keys.load({key for key, _ in keys.of(found - seeds)} if found - seeds else set())
    crowded = frozenset(k for k in keys.before if not proposes(k, keys.after(k)))
    return Closure(frozenset(found - set(removed)), crowded)


def bands_propose(key: str, members: Collection[str]) -> bool:
    """An LSH bucket proposes pairs unless crowded; a content hash always does."""
    return proposes(key, len(members))


def proposes(key: str, count: int) -> bool:
    """:func:`bands_propose` of a key by its number of members."""
    return key.startswith("h:") or count <= MAX_BUCKET


def group_members(store: Any, kind: type[LinkRow], column: str) -> Callable[[Collection[str]], set[str]]:
    """Every member of the stored groups (``column``: ``group_id``, ``story_id``) the given articles are in."""
    def members(ids: Collection[str]) -> set[str]:
        groups = {getattr(r, column) for r in store.link_rows(kind, article_id=sorted(ids))} if ids else set()
        return {r.article_id for r in store.link_rows(kind, **{column: sorted(groups)})} if groups else set()
    return members


# -- stories ----------------------------------------------------------------------------


class Groups:
    """Duplicate groups after this run: the ones it computed for ``relinked`` articles, the stored ones (read on
    demand) for the others."""

    def __init__(self, store: Any, fresh: Sequence[DuplicateGroup], *, relinked: Collection[str] | None) -> None:
        self.store, self.relinked = store, relinked
        self.group: dict[str, DuplicateGroup | None] = {m: g for g in fresh for m in g.members}

    def of(self, ids: Collection[str]) -> dict[str, DuplicateGroup]:
        """The group of each of ``ids`` that is in one."""
        todo = sorted({i for i in ids if i not in self.group})
        if todo and self.relinked is not None:
            todo = [i for i in todo if i not in self.relinked]
            rows = self.store.link_rows(DuplicateRow, article_id=todo) if todo else []
            groups = sorted({r.group_id for r in rows})
            for group in stored_groups(self.store, groups):
                for member in group.members:
                    self.group.setdefault(member, group)
        for i in todo:
            self.group.setdefault(i, None)
        return {i: g for i in ids if (g := self.group.get(i)) is not None}


def stored_groups(store: Any, group_ids: Collection[str]) -> list[DuplicateGroup]:
    """The stored duplicate groups with these ids."""
    groups: dict[str, DuplicateGroup] = {}
    for row in store.link_rows(DuplicateRow, group_id=sorted(group_ids)) if group_ids else ():
        group = groups.setdefault(row.group_id, DuplicateGroup(row.group_id, "", []))
        group.members.append(row.article_id)
        group.similarity[row.article_id] = row.similarity
        group.evidence[row.article_id] = row.evidence
        if row.is_original:
            group.original = row.article_id
    return [groups[g] for g in sorted(groups)]


@dataclass(slots=True)
class StoryLinks:
    """Stories re-clustered (every story in a full run), the articles re-clustered (``None``: all), the stored
    stories they replace, and the rows to write (whole tables in ``tables`` for a full run, or ``patches``)."""

    stories: list[StoryCluster]
    tables: dict[type[LinkRow], Iterable[Any]]
    patches: dict[type[LinkRow], Patch]
    relinked: set[str] | None = None
    replaced: set[str] | None = None


def _story_rows(stories: Sequence[StoryCluster]) -> tuple[list[StoryRow], list[StoryArticleRow]]:
    return ([StoryRow(s.story_id, s.label, s.start, s.end, list(s.sources), len(s.articles)) for s in stories],
            [StoryArticleRow(s.story_id, aid, score) for s in stories for aid, score in sorted(s.articles.items())])


def link_stories(store: Any, feats: Mapping[str, DocFeatures], groups: Groups, *,
                 hashes: Mapping[str, str], days: Mapping[str, date | None], meaning: bool,
                 touched: Collection[str] | None, settings: Settings,
                 removed: Collection[str] = ()) -> StoryLinks:
    """Same-story clusters of every article, re-clustering only what changed when ``touched`` is given.

    Stories are average-link clusters: two clusters merge only through a candidate pair whose similarity
    reaches the threshold (kept in ``link_story_edges``) or a duplicate pair, so the components of those
    pairs cluster alone. A run scores the pairs of the articles whose features changed (and of every article
    of a key that became or stopped being too common), and re-clusters the components they reach through
    those pairs, the duplicate groups and the stored stories, told which keys are crowded in the corpus.

    Args:
        store: The store (stored keys, article states, pairs and stories are read).
        feats: Features of every article, by id (looked up only for the articles scored or clustered).
        groups: Duplicate groups of every article (their pairs always share a story).
        hashes: A hash of what its features are made of (kept in ``link_articles``), by id: of every article
            in a full run, of the new and changed ones (and any other) in an incremental one.
        days: Every article's id -> its publication day (looked up with ``get``).
        meaning: Whether any article of the corpus has a meaning vector (the thresholds depend on it).
        touched: ``None`` for a full run; else the articles whose duplicate group may have changed.
        settings: The story settings.
        removed: Articles linked last time and gone now (incremental).
    """
    threshold = settings.story_threshold if meaning else settings.story_threshold_text_only
    average = settings.story_average if meaning else settings.story_average_text_only
    if touched is None:
        # copies of a page that is not news (W104) make no story of their own (#17)
        must_link = [(g.original, m) for g in groups.of(hashes).values() for m in g.members
                     if m != g.original and feats[m].news]
        scored = score_pairs([feats[i] for i in hashes], settings=settings)
        stories = cluster_stories([feats[i] for i in hashes], must_link=must_link, settings=settings,
                                  threshold=threshold, average=average, scored=scored)
        story_rows, member_rows = _story_rows(stories)
        return StoryLinks(stories, {
            StoryRow: story_rows, StoryArticleRow: member_rows,
            StoryKeyRow: [StoryKeyRow(k, i, _iso(days.get(i))) for i in hashes for k in sorted(story_keys(feats[i]))],
            # made while written: the stored features of every article are not held twice (#17)
            ArticleStateRow: (_state(i, hashes, days, feats) for i in hashes),
            StoryEdgeRow: [StoryEdgeRow(a, b, v) for (a, b), v in sorted(scored.items()) if v >= threshold]},
            {})
    removed = set(removed)
    stored = dict(store.link_pairs(ArticleStateRow, "article_id", "features", set(hashes) | removed))
    changed = {i for i in hashes if stored.get(i) != hashes[i]}
    new_keys = {i: sorted(story_keys(feats[i])) for i in sorted(changed)}
    keys = _Keys(store, STORY_KEYS, new_keys, removed)
    posting = _Postings(store, keys, changed | removed)
    crossing = {k for k in posting.touched if (posting.before(k) <= MAX_POSTING) != (posting.after(k) <= MAX_POSTING)}
    keys.load(crossing)
    # a key that becomes too common only takes pairs away: its members are not scored again (#17)
    closing = {k for k in crossing if posting.after(k) > MAX_POSTING}
    rescored = (changed | {i for k in crossing - closing for i in keys.before[k] | keys.after(k)}) - removed
    edges, scored = _edges(rescored, posting, keys, new_keys, feats, days, threshold=threshold, settings=settings)
    gone = rescored | removed
    closed = _Closed(store, closing, keys, posting, gone)
    # the merges replayed in their order from the new and changed articles, the others decided as stored: only the
    # stories a merge of this run can change are read, not every story the stored edges reach (#17)
    replay = _Replay(store, feats, groups, gone=gone, removed=removed, dropped=closed.dropped, average=average,
                     threshold=threshold, settings=settings, scored=scored)
    found, clusters = replay.run(gone | set(touched) | closed.seeds, edges)
    unscored = _Unscored(posting, feats, replay.scores, settings.story_window_days)(clusters) if clusters else []
    _prefetch(feats, {i for pair in unscored for i in pair})
    for x, y in unscored:
        replay.scores[(x, y)] = feature_similarity(feats[x], feats[y])
    fresh = sorted((story_cluster(ids, heads_of(feats), replay.scores) for ids in clusters),
                   key=lambda s: (s.start or "", s.story_id))
    replaced = {r.story_id for r in store.link_rows(StoryArticleRow, article_id=sorted(found | removed))}
    keyed = changed | removed
    story_rows, member_rows = _story_rows(fresh)
    patches: dict[type[LinkRow], Patch] = {
        StoryRow: Patch("story_id", replaced, story_rows),
        StoryArticleRow: Patch("article_id", found | removed, member_rows),
        StoryKeyRow: Patch("article_id", keyed, [StoryKeyRow(k, i, _iso(days.get(i))) for i, ks in new_keys.items()
                                                 for k in ks]),
        ArticleStateRow: Patch("article_id", keyed, [_state(i, hashes, days, feats) for i in sorted(changed)]),
        StoryEdgeRow: Patch(("a", "b"), gone | closed.lost,
                            [StoryEdgeRow(a, b, v) for (a, b), v in sorted((edges | closed.kept).items())])}
    return StoryLinks(fresh, {}, patches, found, replaced)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _state(article_id: str, hashes: Mapping[str, str], days: Mapping[str, date | None],
           feats: Mapping[str, DocFeatures]) -> ArticleStateRow:
    return ArticleStateRow(article_id, hashes[article_id], _iso(days.get(article_id)), features_data(feats[article_id]))


class _Postings:
    """How many articles each story key has before and after the change, and each article's keys now."""

    def __init__(self, store: Any, keys: _Keys, seeds: Collection[str]) -> None:
        self.store, self.keys = store, keys
        self.stored: dict[str, set[str]] = {}
        for key, article_id in keys.of(seeds):
            self.stored.setdefault(article_id, set()).add(key)
        self.touched = {k for ks in self.stored.values() for k in ks} | set(keys.added)
        self.leaving = Counter(k for ks in self.stored.values() for k in ks)  # the seeds' stored keys
        self.counted: dict[str, int] = {}
        self.counts(self.touched)

    def counts(self, todo: Collection[str]) -> dict[str, int]:
        """Members of each key after the change."""
        missing = sorted({k for k in todo if k not in self.counted})
        found = self.store.link_counts(StoryKeyRow, "key", missing) if missing else {}
        for key in missing:
            self.counted[key] = found.get(key, 0)
        return {k: self.after(k) for k in todo}

    def before(self, key: str) -> int:
        return self.counted[key]

    def after(self, key: str) -> int:
        if key not in self.counted:
            self.counts([key])
        return self.counted[key] - self.leaving[key] + len(self.keys.added.get(key, ()))

    def prefetch(self, ids: Collection[str]) -> None:
        """Read the stored keys of many articles at once."""
        todo = sorted({i for i in ids if i not in self.stored and i not in self.keys.gone})
        for key, i in self.keys.of(todo) if todo else ():
            self.stored.setdefault(i, set()).add(key)
        for i in todo:
            self.stored.setdefault(i, set())

    def keys_of(self, article_id: str) -> set[str]:
        if article_id in self.keys.gone:
            return set(self.keys.added_of.get(article_id, ()))
        if article_id not in self.stored:
            for key, i in self.keys.of([article_id]):
                self.stored.setdefault(i, set()).add(key)
            self.stored.setdefault(article_id, set())
        return self.stored[article_id]


class _Closed:
    """What keys that become too common (more than :data:`MAX_POSTING` articles) change, with no pair scored: such
    a key only takes candidate pairs away. A stored edge of two of its members that share no other open key is
    ``dropped`` (the articles that lose one, ``lost``, have their other stored edges, ``kept``, written again with
    them); a stored story two of whose members shared such a key and share no open key now is made again
    (``seeds``: its members' means may count a pair under the threshold that is no candidate now; a dropped edge
    between two stored stories changes neither, the last run kept them apart). Scoring every candidate of every member again, as
    a key that opens needs, took most of a story step: each key that closes has some 400 members (#17)."""

    def __init__(self, store: Any, closing: Collection[str], keys: _Keys, posting: _Postings,
                 gone: Collection[str]) -> None:
        gone = set(gone)
        members = {k: keys.after(k) - gone for k in sorted(closing)}
        ids = sorted({i for ms in members.values() for i in ms})
        self.dropped: set[tuple[str, str]] = set()
        self.kept: dict[tuple[str, str], float] = {}
        self.seeds: set[str] = set()
        self.lost: set[str] = set()
        if not ids:
            return
        posting.prefetch(ids)
        counts = posting.counts({k for i in ids for k in posting.keys_of(i)})
        open_keys = {i: {k for k in posting.keys_of(i) if counts[k] <= MAX_POSTING} for i in ids}
        stored = {(r.a, r.b): r.score for column in ("a", "b") for r in store.link_rows(StoryEdgeRow, **{column: ids})
                  if r.a not in gone and r.b not in gone}
        self.dropped = {(a, b) for a, b in stored if a in open_keys and b in open_keys
                        and open_keys[a].isdisjoint(open_keys[b])}
        self.lost = {i for pair in self.dropped for i in pair}
        self.kept = {(a, b): v for (a, b), v in stored.items()
                     if (a in self.lost or b in self.lost) and (a, b) not in self.dropped}
        # a stored story is made again when two of its members shared a key that closed and share no open key now
        closing_of: dict[str, set[str]] = {}
        for key, ms in members.items():
            for m in ms:
                closing_of.setdefault(m, set()).add(key)
        by_story: dict[str, list[str]] = {}
        for r in store.link_rows(StoryArticleRow, article_id=ids):
            by_story.setdefault(r.story_id, []).append(r.article_id)
        for story in by_story.values():
            if any(not closing_of[x].isdisjoint(closing_of[y]) and open_keys[x].isdisjoint(open_keys[y])
                   for n, x in enumerate(story) for y in story[n + 1:]):
                self.seeds.update(story)


#: A pair in the order merges take them (:func:`~newsprism.link.stories.merge_stories`): strongest first, then by
#: ids; ``(-score, a, b)``.
_Event = tuple[float, str, str]


class _Replay:
    """The average-link merges of an incremental run, decided again only where they can differ from the last run's.

    :func:`~newsprism.link.stories.merge_stories` takes the pairs over the threshold (and duplicate pairs) in one
    order and merges two clusters through a pair when they join (:func:`~newsprism.link.stories.joins`), a
    decision that reads nothing but the two clusters. Replayed in that order, a cluster is *clean* while it is
    the cluster the last run had at the same point (the stored stories are what that run ended with):

    - a pair of two clean clusters is decided as last time: kept apart when they are in two stored stories
      (clusters only grow, so the last run never merged them), decided again, from the same scores, when they
      are in one;
    - a pair with a *dirty* cluster (new, changed or removed articles, or what merged with them) is decided
      again; what it merges is dirty, and when it merges nothing, two clusters of one stored story are dirty
      all the same (the last run may have merged them at that point); two stored stories kept apart by both
      runs stay as they were.

    So a run reads only the stored stories a merge of its own reaches, not every story the stored edges of its
    new articles lead to (on a dense corpus that walk reached most stories, #17). A stored story is read whole
    (members, stored edges, duplicate pairs) when one of its articles is first met, and its pairs before that
    point are replayed then (until then none of its clusters was touched). At the end every clean cluster is a
    stored story, unchanged; the dirty clusters are what is written again, and hold every member of every stored
    story any of them touched.
    """

    def __init__(self, store: Any, feats: Mapping[str, DocFeatures], groups: Groups, *, gone: Collection[str],
                 removed: Collection[str], dropped: Collection[tuple[str, str]], average: float,
                 threshold: float, settings: Settings, scored: Mapping[tuple[str, str], float]) -> None:
        self.store, self.feats, self.groups, self.dropped = store, feats, groups, set(dropped)
        self.heads = heads_of(feats)  # what merges read of every member; features only for the pairs they score
        self.gone, self.removed = set(gone) | set(removed), set(removed)  # stored edges of ``gone`` are not read
        self.average, self.threshold, self.settings = average, threshold, settings
        self.was_in: dict[str, str] = {}  # a removed article -> its stored story
        #: scores of the pairs known: the candidate pairs scored (``scored``; a merge asks many of them again, #17),
        #: stored edges read, new edges, duplicate pairs (1.0, whatever their score), pairs scored in merges
        self.scores: dict[tuple[str, str], float] = dict(scored)
        self.must: set[tuple[str, str]] = set()
        self.story: dict[str, str] = {}  # article -> its stored story ("" + id when it was in none)
        self.members_of: dict[str, list[str]] = {}  # stored story -> its members (removed ones left out)
        self.inside: dict[str, set[tuple[str, str]]] = {}  # stored story -> its pairs
        self.outside: dict[str, set[tuple[str, str]]] = {}  # article -> its pairs with other stories' articles
        self.opened: set[str] = set()
        self.cluster_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.dirty: set[str] = set()  # dirty clusters
        self.dirty_articles: set[str] = set()
        self.heap: list[_Event] = []
        self.seen: set[tuple[str, str]] = set()  # pairs queued or replayed

    def run(self, seeds: Collection[str], edges: Mapping[tuple[str, str], float]) -> tuple[set[str], list[list[str]]]:
        """Replay the merges from ``seeds`` (their stored stories are dirty from the start: the new, changed and
        removed articles and those whose duplicate group changed) and ``edges`` (the new pairs over the threshold,
        each of a seed). Returns the articles re-clustered and the members of each story they make."""
        start: _Event = (-math.inf, "", "")
        self._load(set(seeds) | {i for pair in edges for i in pair})
        for pair, score in edges.items():
            if pair not in self.must:
                self.scores[pair] = score
        for story in sorted({s for i in seeds if (s := self.story.get(i) or self.was_in.get(i))}):
            self._open(story, start, dirty=True)
        for pair in sorted(edges):
            self._push(pair, start)
        while self.heap:
            event = heapq.heappop(self.heap)
            for i in event[1:]:
                if i not in self.story:
                    self._load([i])
                if self.story[i] not in self.opened:
                    self._open(self.story[i], event, dirty=False)
            self._decide(event)
        clusters = [sorted(self.members[c]) for c in sorted(self.dirty) if len(self.members[c]) > 1]
        return set(self.dirty_articles), clusters

    def _load(self, ids: Collection[str]) -> None:
        """Read the stored stories of ``ids`` (and of their duplicates) not read yet: members, stored edges
        (but those of articles whose scores changed) and duplicate pairs, each pair kept as a pair of one story
        or of two."""
        todo = sorted({i for i in ids if i not in self.story})
        if not todo:
            return
        todo = sorted(set(todo) | {m for g in self.groups.of(todo).values() for m in g.members if m not in self.story})
        rows = self.store.link_pairs(StoryArticleRow, "article_id", "story_id", todo)
        stories = sorted({story for _, story in rows if story not in self.members_of})
        found = {i: story for story, i in self.store.link_pairs(StoryArticleRow, "story_id", "article_id", stories)}
        for i in todo:
            found.setdefault(i, "\0" + i)  # in no story: a story of its own
        for i in self.removed.intersection(found):
            self.was_in[i] = found[i]
        new = sorted(i for i in found if i not in self.story and i not in self.removed)
        for i in new:
            self.story[i] = found[i]
            self.members_of.setdefault(found[i], []).append(i)
        # the members' heads, not their features: a merge reads those of the pairs it scores (#17)
        prefetch_heads = getattr(self.feats, "prefetch_heads", None)
        if callable(prefetch_heads):
            prefetch_heads(new)
        pairs: set[tuple[str, str]] = set()
        for group in self.groups.of(new).values():
            for m in group.members:
                if m != group.original and self.heads[m].news:
                    pair = (min(group.original, m), max(group.original, m))
                    self.must.add(pair)
                    self.scores[pair] = 1.0
                    pairs.add(pair)
        for column in ("a", "b"):
            for _, a, b, score in self.store.link_columns(StoryEdgeRow, column, ("a", "b", "score"), new):
                if a not in self.gone and b not in self.gone and (a, b) not in self.dropped:
                    if (a, b) not in self.must:
                        self.scores[(a, b)] = score
                    pairs.add((a, b))
        for a, b in pairs:
            if self.story.get(a) is not None and self.story.get(a) == self.story.get(b):
                self.inside.setdefault(self.story[a], set()).add((a, b))
            else:
                self.outside.setdefault(a, set()).add((a, b))
                self.outside.setdefault(b, set()).add((a, b))

    def _open(self, story: str, at: _Event, *, dirty: bool) -> None:
        """Start the clusters of a stored story, each article alone, and replay its pairs before ``at``."""
        self.opened.add(story)
        members = self.members_of.get(story, [])
        for m in members:
            self.cluster_of[m], self.members[m] = m, [m]
        if dirty:
            self.dirty.update(members)
            self.dirty_articles.update(members)
        for pair in sorted(self.inside.pop(story, ()), key=self._event):
            if pair in self.seen:
                continue
            if self._event(pair) < at:
                self.seen.add(pair)
                self._decide(self._event(pair))
            else:
                self._push(pair, at)
        if dirty:
            for m in members:
                for pair in self.outside.get(m, ()):
                    self._push(pair, at)

    def _event(self, pair: tuple[str, str]) -> _Event:
        return (-self.scores[pair], *pair)

    def _push(self, pair: tuple[str, str], after: _Event) -> None:
        if pair not in self.seen and self._event(pair) > after:
            self.seen.add(pair)
            heapq.heappush(self.heap, self._event(pair))

    def _decide(self, event: _Event) -> None:
        a, b = event[1], event[2]
        ca, cb = self.cluster_of[a], self.cluster_of[b]
        if ca == cb:
            return
        dirty = [c for c in (ca, cb) if c in self.dirty]
        one_story = self.story[a] == self.story[b]
        if not dirty and not one_story:
            return  # two stored stories the last run kept apart, as they were
        if joins(self.members[ca], self.members[cb], -event[0], self.scores, self.feats, average=self.average,
                 threshold=self.threshold, settings=self.settings, heads=self.heads):
            keep, gone = min(ca, cb), max(ca, cb)
            for member in self.members[gone]:
                self.cluster_of[member] = keep
            self.members[keep] += self.members.pop(gone)
            if dirty:
                self.dirty -= {ca, cb}
                self._dirty(keep, event)
        elif dirty and one_story:
            self._dirty(ca, event)
            self._dirty(cb, event)

    def _dirty(self, cluster: str, event: _Event) -> None:
        """Mark a cluster dirty at ``event``: its articles' pairs with other stories after it are queued."""
        self.dirty.add(cluster)
        fresh = [m for m in self.members[cluster] if m not in self.dirty_articles]
        self.dirty_articles.update(fresh)
        pairs = {pair for m in fresh for pair in self.outside.get(m, ())}
        self._load({i for pair in pairs for i in pair})
        for pair in sorted(pairs):
            self._push(pair, event)


class _Unscored:
    """The candidate pairs of stories' members that ``scored`` (the pairs over the threshold) lacks: two
    articles sharing a key of at most :data:`MAX_POSTING` articles in the corpus, within the story window or
    undated, as :func:`~newsprism.link.stories.candidate_pairs` blocks them."""

    def __init__(self, posting: _Postings, feats: Mapping[str, DocFeatures], scored: Mapping[tuple[str, str], float],
                 window: int) -> None:
        self.posting, self.heads, self.scored, self.window = posting, heads_of(feats), scored, window

    def __call__(self, stories: list[list[str]]) -> list[tuple[str, str]]:
        ids = {i for story in stories for i in story}
        self.posting.prefetch(ids)
        keys = {i: self.posting.keys_of(i) for i in ids}
        counts = self.posting.counts({k for ks in keys.values() for k in ks})
        open_keys = {i: {k for k in ks if counts[k] <= MAX_POSTING} for i, ks in keys.items()}
        found = []
        for story in stories:
            for n, x in enumerate(story):
                for y in story[n + 1:]:
                    dx, dy = self.heads[x].day, self.heads[y].day
                    if (x, y) not in self.scored and open_keys[x] & open_keys[y] \
                            and not (dx and dy and abs((dx - dy).days) > self.window):
                        found.append((x, y))
        return found


def _edges(ids: Collection[str], posting: _Postings, keys: _Keys, new_keys: Mapping[str, Sequence[str]],
           feats: Mapping[str, DocFeatures], days: Mapping[str, date | None], *, threshold: float,
           settings: Settings) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """The candidate pairs of ``ids`` (now) whose similarity reaches ``threshold``, as a full run blocks them, and
    the score of every candidate pair of theirs."""
    # every lookup in batches (keys, their counts, days, stored features), then the pairs scored
    posting.prefetch(ids)
    keys_of = {x: list(new_keys.get(x) or posting.keys_of(x)) for x in sorted(ids)}
    posting.counts({k for ks in keys_of.values() for k in ks})
    open_keys = {x: [k for k in ks if posting.after(k) <= MAX_POSTING] for x, ks in keys_of.items()}
    _prefetch(days, ids)
    candidates = _candidates(open_keys, posting.store, keys, days, window=settings.story_window_days)
    scores = _scored_by_days(candidates, feats, days, keep=ids, threshold=threshold)
    found: dict[tuple[str, str], float] = {}
    seen: set[tuple[str, str]] = set()  # a pair of two new articles is the candidate of both: scored once
    for x, ys in candidates.items():
        for y in ys:
            pair = (min(x, y), max(x, y))
            if pair not in seen:
                seen.add(pair)
                if (score := scores[pair]) >= threshold:
                    found[pair] = score
    return found, scores


#: Articles scored against their candidates at a time, in the order of their days.
_SCORED_AT_ONCE = 50


def _scored_by_days(candidates: Mapping[str, Sequence[str]], feats: Mapping[str, DocFeatures],
                    days: Mapping[str, date | None], *, keep: Collection[str],
                    threshold: float) -> dict[tuple[str, str], float]:
    """The score of every pair of an article and one of its candidates. The articles are taken by day, a few
    at a time, with their candidates' stored features read for them and dropped once no later article needs
    them (they are read again if a merge does), so the features held follow a few weeks of the corpus, not
    every candidate of every new article (#17); ``keep``: articles whose features stay, as do those of a pair
    reaching ``threshold`` (the stories the merges replayed next read are theirs)."""
    order = sorted(candidates, key=lambda x: (days.get(x) or date.max, x))
    chunks = [order[i:i + _SCORED_AT_ONCE] for i in range(0, len(order), _SCORED_AT_ONCE)]
    needs = [set(chunk) | {y for x in chunk for y in candidates[x]} for chunk in chunks]
    # only what the mapping read from the store is dropped: computed features (fresh or never stored) stay
    held = set(keep) | getattr(feats, "fresh", set()) | getattr(feats, "unstored", set())
    let_go: Callable[[Iterable[str]], None] | None = getattr(feats, "let_go", None)
    scores: dict[tuple[str, str], float] = {}
    for n, (chunk, need) in enumerate(zip(chunks, needs, strict=True)):
        _prefetch(feats, need)
        for x in chunk:
            for y in candidates[x]:
                pair = (min(x, y), max(x, y))
                if pair not in scores:
                    scores[pair] = feature_similarity(feats[pair[0]], feats[pair[1]])
                    if scores[pair] >= threshold:
                        held.update(pair)
        if let_go is not None:
            later = needs[n + 1] if n + 1 < len(needs) else set()
            let_go(need - later - held)
    return scores


def _candidates(open_keys: Mapping[str, Sequence[str]], store: Any, keys: _Keys, days: Mapping[str, date | None],
                *, window: int) -> dict[str, list[str]]:
    """Each article's candidates (now) through its open keys: the articles of those keys within ``window`` days
    of it, or undated; an undated article's are every article of its keys. The members of every key are read
    in one query per chunk of keys for all the articles, not one query per article (#17), and each article's
    window is cut from its keys' members sorted by day."""
    dated = {x: day for x in open_keys if (day := days.get(x)) is not None}
    keys.load({k for x, ks in open_keys.items() if x not in dated for k in ks})  # undated: every member
    # the stored members of the dated articles' keys within the window of one of those articles (or undated), with
    # their days, read off the index of keys and days: a key's members are most of the rows and few are within a
    # window of a new article (501,379 rows read and their days looked up for 1,000 articles added to 30,000, some
    # 24 candidates each; the new articles' days span the corpus's, so one window around them all cut nothing, #17)
    spans: dict[str, list[tuple[int, int]]] = {}
    for x, day in dated.items():
        for k in open_keys[x]:
            spans.setdefault(k, []).append((day.toordinal() - window, day.toordinal() + window))
    ranges = [(k, date.fromordinal(max(lo, 1)).isoformat(), date.fromordinal(min(hi, date.max.toordinal())).isoformat())
              for k in sorted(spans) for lo, hi in _merged(spans[k])]
    by_day: dict[str, tuple[list[int], list[str], list[str]]] = {}
    rows = sorted((r.key, r.article_id, r.day) for r in store.link_rows_within(StoryKeyRow, "key", ranges, within="day")
                  if r.article_id not in keys.gone) if ranges else []
    for key, y, day in rows:
        on_days, ids, undated = by_day.setdefault(key, ([], [], []))
        if day is None:
            undated.append(y)
        else:
            on_days.append(date.fromisoformat(day).toordinal())
            ids.append(y)
    for on_days, ids, _ in by_day.values():
        order = sorted(range(len(ids)), key=lambda n: on_days[n])
        on_days[:], ids[:] = [on_days[n] for n in order], [ids[n] for n in order]
    found: dict[str, list[str]] = {}
    for x, ks in open_keys.items():
        if (dx := dated.get(x)) is None:  # an undated article is compared with every article of its keys
            members = {y for k in ks for y in keys.after(k)}
        else:  # the stored members within the window, and the changed articles' new keys
            members = set()
            for k in ks:
                on_days, ids, undated = by_day.get(k, ([], [], []))
                at = dx.toordinal()
                members.update(ids[bisect_left(on_days, at - window):bisect_right(on_days, at + window)], undated)
            members |= {y for k in ks for y in keys.added.get(k, ())
                        if not ((dy := days.get(y)) and abs((dx - dy).days) > window)}
        found[x] = sorted(members - {x})
    return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans of days joined.

    >>> _merged([(10, 20), (1, 5), (18, 30), (6, 8)])
    [(1, 8), (10, 30)]
    """
    found: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if found and lo <= found[-1][1] + 1:
            found[-1] = (found[-1][0], max(found[-1][1], hi))
        else:
            found.append((lo, hi))
    return found


def _prefetch(mapping: Mapping[str, Any], ids: Collection[str]) -> None:
    """Let a mapping that reads the store on demand (:class:`~newsprism.link.delta.Features`,
    :class:`~newsprism.link.delta.Days`) read ``ids`` in one batch; a plain dict holds them already."""
    prefetch = getattr(mapping, "prefetch", None)
    if callable(prefetch):
        prefetch(ids)

