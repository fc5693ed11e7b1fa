"""Incremental corpus entities: re-resolve only the names that new, changed or removed articles reach.

Corpus entities are a function of the connected components of a graph over
name nodes (:func:`~newsprism.link.entity_names.node_id`: label family,
gazetteer entry and name of an article entity), whose edges are every way
:func:`~newsprism.link.entities.resolve_mentions` lets two names act on each
other:

1. ``f:`` keys (``link_entity_keys``): the folded name (one name in several
   label families is voted into one), a person's folded surname (it votes for
   the bare surname) and the leading or trailing words of a long person's name
   (headline or role words around a known name);
2. pairs (``link_entity_pairs``): two nodes sharing a blocking key (``b:``,
   unless more than :data:`~newsprism.link.entities.MAX_BLOCK` nodes share it)
   that may be one thing in a label family either may be voted into: positive
   evidence, or a partial name that stands for the other;
3. the names of one manual merge.

A link run walks from the names of new, changed and removed articles (and of
every manual decision) through the stored keys and pairs, reads only the
article entities of the names it reached (``link_entity_mentions``),
resolves them with the same function a full run uses, and replaces the rows
of only those corpus entities. Keys and pairs are functions of the set of name
nodes, so they too equal a full recompute's.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..decisions import Decision, replay
from ..model import Article
from ..store.links import (
    CorpusEntityRow,
    EntityKeyRow,
    EntityMemberRow,
    EntityMentionRow,
    EntityNodeRow,
    EntityPairRow,
    LinkRow,
    Patch,
)
from .entities import MAX_BLOCK, ArticleCount, CorpusEntity, crowded_blocks, resolve_mentions, resolve_nodes
from .entity_names import (
    ARTICLE_KEY,
    Member,
    NameNode,
    NodeTotals,
    family_gazetteer,
    mention_records,
    node_totals,
    totals_nodes,
)
from .entity_rules import compatible, evidence, extends, node_blocks
from .features import fold_name

log = logging.getLogger(__name__)

EntityOf = Callable[[Collection[str]], Mapping[tuple[str, str], str]]


@dataclass(slots=True)
class EntityLinks:
    """Corpus entities after a run: the rows to write (whole ``tables`` in a full run, ``patches`` of what
    changed in an incremental one), the corpus totals, the articles whose corpus entities changed (``None``:
    any) and each article entity's corpus entity, asked for by article ids."""

    tables: dict[type[LinkRow], list[Any]]
    patches: dict[type[LinkRow], Patch]
    count: int
    merged: int
    changed: set[str] | None
    entity_of: EntityOf


def node_keys(node: str) -> set[str]:
    """Every key of a name node: ``f:`` folded names it is voted, mended or weighed with, ``b:`` its blocking keys
    (without label family), ``n:`` its name.

    >>> sorted(node_keys("PERSON||Sergei Surovikin"))[:3]
    ['b:a:ss', 'b:w:serg', 'b:w:suro']
    """
    family, gazetteer, name = node.split("|", 2)
    folded = fold_name(name)
    keys = {f"f:{folded}", f"n:{name}"} | {f"b:{block}" for block in node_blocks(node)}
    if gazetteer.startswith(ARTICLE_KEY):  # an everyday word's names are weighed together ("The Post", "Post")
        keys.add(f"f:{NameNode(family, name, gazetteer).words[0]}")
    if family == "PERSON":
        given, surname, _ = NameNode(family, name, gazetteer).person
        if given:
            keys.add(f"f:{fold_name(surname)}")  # it counts for the bare surname's vote
        words = folded.split()
        for size in range(len(words) - 1, 1, -1):  # a known name inside a longer one
            keys |= {"f:" + " ".join(words[:size]), "f:" + " ".join(words[-size:])}
    return keys


@lru_cache(maxsize=65536)
def _cast(node: str, family: str) -> NameNode:
    """A node as it reads in a family it may be voted into (cached: its name forms are derived once)."""
    _, gazetteer, name = node.split("|", 2)
    return NameNode(family, name, family_gazetteer(gazetteer, family))


def may_be_one(x: str, y: str, families: Collection[str]) -> bool:
    """Whether two name nodes may act on each other in one of ``families``: positive evidence, or one partial
    name standing for the other (articles and countries unknown, so as loosely as the rules allow)."""
    for family in sorted(families):
        a, b = _cast(x, family), _cast(y, family)
        if not (compatible(a, b) or compatible(b, a)):
            continue  # evidence needs compatible names, and so does a partial name's entity
        if evidence(a, b) is not None or evidence(b, a) is not None:
            return True
        if (a.partial and extends(a, b)) or (b.partial and extends(b, a)):
            return True
    return False


def _families(node: str, families_at: Mapping[str, set[str]]) -> set[str]:
    """The label families a node may be voted into: those of the nodes sharing its folded name, and a person
    when it is one word (a person's surname)."""
    folded = fold_name(node.split("|", 2)[2])
    return families_at.get(f"f:{folded}", set()) | ({"PERSON"} if " " not in folded else set())


class _Keys:
    """The stored key rows, read on demand, with the nodes that appear (``added``) and vanish (``gone``)."""

    def __init__(self, store: Any, added: Collection[str], gone: Collection[str]) -> None:
        self.store, self.gone = store, set(gone)
        self.added: dict[str, set[str]] = {}
        for node in added:
            for key in node_keys(node):
                self.added.setdefault(key, set()).add(node)
        self.stored: dict[str, set[str]] = {}

    def load(self, keys: Collection[str]) -> None:
        todo = sorted({k for k in keys if k not in self.stored})
        for key in todo:
            self.stored[key] = set()
        for key, node in self.store.link_pairs(EntityKeyRow, "key", "node", todo):
            self.stored[key].add(node)

    def before(self, key: str) -> set[str]:
        self.load([key])
        return self.stored[key]

    def after(self, key: str) -> set[str]:
        return (self.before(key) - self.gone) | self.added.get(key, set())

    def families(self, keys: Collection[str], *, after: bool = True) -> dict[str, set[str]]:
        self.load(keys)
        return {k: {n.split("|", 1)[0] for n in (self.after(k) if after else self.before(k))} for k in keys}


def _pairs(todo: Iterable[str], members: Callable[[str], set[str]], crowded: Collection[str],
           families_of: Callable[[str], set[str]]) -> set[tuple[str, str]]:
    """The pairs of each node of ``todo`` with the nodes of its open blocks that may be one thing."""
    found: set[tuple[str, str]] = set()
    seen: set[tuple[str, str]] = set()
    for node in sorted(todo):
        others = {o for block in node_blocks(node) if block not in crowded for o in members(f"b:{block}")} - {node}
        if _scoped(node):  # two articles' names of an everyday word are weighed together through its key
            others = {o for o in others if not _scoped(o)}
        for other in sorted(others):
            pair = (min(node, other), max(node, other))
            if pair in seen:
                continue
            seen.add(pair)
            if may_be_one(*pair, families_of(pair[0]) & families_of(pair[1])):
                found.add(pair)
    return found


def _scoped(node: str) -> bool:
    return node.split("|", 2)[1].startswith(ARTICLE_KEY)


def _entity_rows(entities: Sequence[CorpusEntity]) -> tuple[list[CorpusEntityRow], list[EntityMemberRow]]:
    return ([CorpusEntityRow(e.corpus_id, e.name, e.label, e.variants, e.evidence, e.articles) for e in entities],
            [EntityMemberRow(e.corpus_id, *m) for e in entities for m in e.members])


def link_entities(store: Any, changed: Mapping[str, Article], removed: Collection[str], *,
                  decisions: Sequence[Decision], incremental: bool) -> EntityLinks:
    """Corpus entities of the corpus, re-resolving only what new, changed and removed articles reach.

    Args:
        store: The store (its entity keys, pairs, article entities and corpus entities are read).
        changed: The new and changed articles (every article of the corpus for a full run).
        removed: Ids of articles gone since the last run.
        decisions: Every manual decision, in order (their names' entities are always re-resolved).
        incremental: Patch what is stored; else recompute from ``changed`` alone (or, when the store keeps
            no article entities of an earlier run, from every stored article).

    Returns:
        The rows to write, the corpus totals and each article entity's corpus entity.
    """
    if incremental:
        entities, merged, mentions = store.entity_totals()
        if entities and not mentions:  # linked before article entities were kept: resolve in full
            gone = set(removed) | set(changed)
            rows = {a.id: mention_records(a) for a in store.iter_articles() if a.id not in gone}
            rows.update({i: mention_records(a) for i, a in changed.items()})
            return resolve_records([row for i in sorted(rows) for row in rows[i]], decisions=decisions)
        if mentions and not store.link_total(EntityNodeRow):  # linked before the node totals were kept (#17)
            gone = set(removed) | set(changed)
            kept = [r for r in store.link_rows(EntityMentionRow) if r.article_id not in gone]
            records = kept + [row for a in changed.values() for row in mention_records(a)]
            return resolve_records(sorted(records, key=lambda r: (r.article_id, r.position)), decisions=decisions)
        return _incremental(store, changed, removed, decisions=decisions, totals=(entities, merged))
    return resolve_records([row for i in sorted(changed) for row in mention_records(changed[i])], decisions=decisions)


def resolve_records(records: list[EntityMentionRow], *, decisions: Sequence[Decision]) -> EntityLinks:
    """Corpus entities of every article entity of the corpus (a full run), with the keys and pairs an
    incremental run walks; ``records``: :func:`~newsprism.link.entity_names.mention_records` of every article,
    by article id, read a batch at a time by the caller (no article is needed here)."""
    nodes = {row.node for row in records}
    crowded = crowded_blocks(nodes)
    key_rows = [EntityKeyRow(k, n) for k, n in sorted((key, node) for node in nodes for key in node_keys(node))]
    index: dict[str, set[str]] = {}
    for row in key_rows:
        index.setdefault(row.key, set()).add(row.node)
    families_at = {k: {n.split("|", 1)[0] for n in ns} for k, ns in index.items() if k.startswith("f:")}
    pairs = _pairs(nodes, lambda key: index.get(key, set()), crowded, lambda n: _families(n, families_at))
    found = resolve_mentions(records, decisions=decisions, crowded=crowded)
    entity_rows, member_rows = _entity_rows(found)
    mapping = {(m.article_id, m.entity_id): m.corpus_id for m in member_rows}
    totals = node_totals(records)
    tables: dict[type[LinkRow], list[Any]] = {
        CorpusEntityRow: entity_rows, EntityMemberRow: member_rows, EntityMentionRow: records,
        EntityKeyRow: key_rows, EntityPairRow: [EntityPairRow(a, b) for a, b in sorted(pairs)],
        EntityNodeRow: [totals[n].row() for n in sorted(totals)]}
    return EntityLinks(tables, {}, len(found), _merged(member_rows), None, lambda ids: mapping)


def _incremental(store: Any, changed: Mapping[str, Article], removed: Collection[str], *,
                 decisions: Sequence[Decision], totals: tuple[int, int]) -> EntityLinks:
    """1. Seeds: the nodes of the changed articles' entities before and after, and of every decision.
    2. The nodes that appear or vanish; the pairs of those, of the nodes whose families or blocks they change.
    3. The walk through keys, pairs and merges; the nodes reached resolved from their stored totals, their
       members read only where a rule or a row written asks for them."""
    ids = sorted(set(changed) | set(removed))
    old_rows = store.link_rows(EntityMentionRow, article_id=ids) if ids else []
    new_rows = [row for i in sorted(changed) for row in mention_records(changed[i])]
    old_by, new_by = _by_article(old_rows), _by_article(new_rows)
    moved = {i for i in ids if old_by.get(i, []) != new_by.get(i, [])}
    old_rows = [r for r in old_rows if r.article_id in moved]
    new_rows = [r for r in new_rows if r.article_id in moved]
    touched = {r.node for r in old_rows} | {r.node for r in new_rows}
    read = _MemberReader(store, moved, new_rows)
    # the totals of the nodes the changed articles have or had, with those articles' rows taken out and put in
    stored = {r.node: r for r in store.link_rows(EntityNodeRow, node=sorted(touched))} if touched else {}
    sums = _patched_totals(touched, stored, old_rows, new_rows, read)
    added = {n for n in touched if n not in stored and sums[n].mentions}
    gone = {n for n in touched if n in stored and not sums[n].mentions}
    keys = _Keys(store, added, gone)
    crowded = _Crowded(store, keys)
    repair = _repair(keys, crowded, added, gone)
    families_of = _family_cache(keys)
    new_pairs = _pairs(repair, keys.after, crowded.after_set(repair), families_of)
    groups = replay(decisions)
    names = {name for d in decisions for name in d.names}
    keys.load({f"n:{name}" for name in names})
    seeds = touched | {n for name in sorted(names) for n in keys.before(f"n:{name}") | keys.after(f"n:{name}")}
    reached = _walk(store, keys, seeds, new_pairs, groups.members)
    # the totals of the nodes reached, as stored (the changed articles' nodes are patched below)
    untouched = sorted(reached - touched)
    kept = store.link_rows(EntityNodeRow, node=untouched) if untouched else []
    patched = [t.row() for n, t in sorted(sums.items()) if t.mentions]
    # member rows are made only for the members written again (and read for the articles asked about): a run
    # reaches most name nodes of a corpus whose articles share their names, and writes the rows of few (#17)
    members = _Members(store, [*kept, *stored.values()], moved, old_rows, new_rows, read)
    found = _resolve(store, [*kept, *patched], moved, new_rows, decisions, crowded, reached - gone, read,
                     members.articles_of)
    members.compare(found)
    entity_rows = [CorpusEntityRow(e.corpus_id, e.name, e.label, e.variants, e.evidence, e.articles) for e in found]
    old_ids, stored_rows = members.old_ids, members.stored_rows
    same = {r.corpus_id for r in entity_rows if stored_rows.get(r.corpus_id) == r}
    values = (old_ids | {e.corpus_id for e in found}) - same
    member_rows = members.rows()
    patches: dict[type[LinkRow], Patch] = {
        CorpusEntityRow: Patch("corpus_id", values, [r for r in entity_rows if r.corpus_id not in same]),
        EntityMemberRow: members.patch(member_rows),
        EntityMentionRow: Patch("article_id", moved, new_rows),
        EntityKeyRow: Patch("node", added | gone, [EntityKeyRow(k, n) for k, n in sorted(
            (k, n) for n in added for k in node_keys(n))]),
        EntityPairRow: Patch(("a", "b"), repair | gone, [EntityPairRow(a, b) for a, b in sorted(new_pairs)]),
        EntityNodeRow: Patch("node", touched, patched)}
    count = totals[0] - len(old_ids) + len(found)
    merged = totals[1] - members.merged_before + sum(1 for e in found if len(e.names) > 1)
    log.debug("entity members read for %d of %d name nodes", len(read.cache), len(reached))
    return EntityLinks({}, patches, count, merged, members.changed_articles | moved,
                       _entity_of(store, member_rows, moved=members.moved, names=members.names))


def _entity_of(store: Any, written: Iterable[EntityMemberRow], *, moved: set[str], names: set[str]) -> EntityOf:
    """Each article entity's corpus entity as a run leaves the member rows: the stored ones its patch keeps (of
    an article that did not change, of a name whose rows stay: :meth:`_Members.patch` writes none in their
    place), and the ones it writes.
    Not every member of every corpus entity it re-resolved is looked through (most of the corpus's), and what
    resolving them held is let go before claims are set side by side: only these rows are kept (#17)."""
    by_article: dict[str, list[EntityMemberRow]] = {}
    for row in written:
        by_article.setdefault(row.article_id, []).append(row)

    def entity_of(article_ids: Collection[str]) -> Mapping[tuple[str, str], str]:
        todo = sorted(set(article_ids))
        found = {(article_id, entity_id): corpus_id for article_id, corpus_id, entity_id, name in store.link_columns(
            EntityMemberRow, "article_id", ("corpus_id", "entity_id", "name"), todo)
            if article_id not in moved and name not in names}
        found.update(((m.article_id, m.entity_id), m.corpus_id) for i in todo for m in by_article.get(i, ()))
        return found
    return entity_of


class _MemberReader:
    """The members (``(article_id, position, entity_id)``, by article and position) of stored name nodes as a
    run leaves them: the stored article entities of the articles that did not change, read off
    ``link_entity_mentions`` by node when asked for, and the changed articles' own."""

    def __init__(self, store: Any, moved: Collection[str], new_rows: Iterable[EntityMentionRow]) -> None:
        self.store, self.moved = store, set(moved)
        self.fresh: dict[str, list[Member]] = {}
        for row in new_rows:
            self.fresh.setdefault(row.node, []).append((row.article_id, row.position, row.entity_id))
        self.cache: dict[str, list[Member]] = {}

    def __call__(self, nodes: Collection[str]) -> dict[str, list[Member]]:
        todo = sorted({n for n in nodes if n not in self.cache})
        found: dict[str, list[Member]] = {n: [] for n in todo}
        for node, article_id, position, entity_id in self.store.link_columns(
                EntityMentionRow, "node", ("article_id", "position", "entity_id"), todo) if todo else ():
            if article_id not in self.moved:
                found[node].append((article_id, int(position), entity_id))
        for node in todo:
            self.cache[node] = sorted(found[node] + self.fresh.get(node, []))
        return {n: self.cache[n] for n in nodes}

    def unchanged(self, nodes: Collection[str]) -> dict[str, list[Member]]:
        """The members of these nodes in the articles that did not change."""
        return {n: [m for m in found if m[0] not in self.moved] for n, found in self(nodes).items()}

    def fresh_members(self, node: str) -> list[tuple[str, str]]:
        return [(a, e) for a, _, e in self.fresh.get(node, [])]


def _patched_totals(touched: Collection[str], stored: Mapping[str, EntityNodeRow], old_rows: list[EntityMentionRow],
                    new_rows: list[EntityMentionRow], read: _MemberReader) -> dict[str, NodeTotals]:
    """The totals of the touched nodes with the changed articles' rows taken out and put in, article by
    article; a node's first member read again only when its article changed."""
    sums = {n: NodeTotals(stored[n]) if n in stored else NodeTotals.empty(n) for n in touched}
    old_by, new_by = _by_article(old_rows), _by_article(new_rows)
    for article_id in sorted(set(old_by) | set(new_by)):
        before, after = _by_node(old_by.get(article_id, [])), _by_node(new_by.get(article_id, []))
        for node in sorted(set(before) | set(after)):
            sums[node].patch(before.get(node, []), after.get(node, []))
    stale = sorted(n for n, t in sums.items() if t.mentions and (t.first is None or t.first[0] in read.moved))
    again = read(stale) if stale else {}
    for node, t in sums.items():
        fresh = read.fresh.get(node, [])
        if node in again:
            t.first = again[node][0]
        elif fresh and t.first is not None:
            t.first = min(t.first, min(fresh))
        if not t.mentions:
            t.first = None
    return sums


def _by_node(rows: Iterable[EntityMentionRow]) -> dict[str, list[EntityMentionRow]]:
    found: dict[str, list[EntityMentionRow]] = {}
    for row in rows:
        found.setdefault(row.node, []).append(row)
    return found


#: Articles whose stored member rows are read at a time.
_MEMBERS_READ = 500


class _Members:
    """The member rows an incremental run rewrites: those of the changed articles, and those of the name nodes
    whose corpus entity or mended name changed (with every other node's of such a name); the others stay as
    stored, so a run writes rows in proportion to what changed, not to the members of every entity it
    re-resolved (#17).

    Every article entity of one name node has one corpus entity and one mended name (a node's name, or the
    full name its headline words are cut to), so one stored member row of each node with an article that did
    not change tells what all of that node's rows were: only those rows, and the changed articles' own, are
    read. They also tell which nodes each stored corpus entity had, so an entity made again of the same nodes
    has its article count patched by the changed articles' alone (:meth:`articles_of`).
    """

    def __init__(self, store: Any, old_totals: Iterable[EntityNodeRow], moved: Collection[str],
                 old_rows: Sequence[EntityMentionRow], new_rows: Sequence[EntityMentionRow],
                 read: _MemberReader) -> None:
        self.moved, self.read = set(moved), read
        # one article entity of each node, in an article that did not change: its first member, or another
        sample: dict[str, tuple[str, str]] = {}
        again = []
        for row in old_totals:
            if row.first_member and row.first_member[0] not in self.moved:
                sample[row.node] = (row.first_member[0], row.first_member[2])
            else:
                again.append(row.node)
        for node, found in (read.unchanged(again) if again else {}).items():
            if found:
                sample[node] = (found[0][0], found[0][2])
        self.sample = sample
        articles = sorted({a for a, _ in sample.values()} | self.moved)
        # only the sampled rows and the changed articles' are kept, read a batch of articles at a time: a sampled
        # article has the rows of all its entities, and a run samples an article of most of a corpus's nodes (#17)
        wanted = set(sample.values())
        old: dict[tuple[str, str], EntityMemberRow] = {}
        for at in range(0, len(articles), _MEMBERS_READ):
            # the columns alone: a row is made only of those kept
            for article_id, corpus_id, entity_id, name in store.link_columns(
                    EntityMemberRow, "article_id", ("corpus_id", "entity_id", "name"), articles[at:at + _MEMBERS_READ]):
                if article_id in self.moved or (article_id, entity_id) in wanted:
                    old[(article_id, entity_id)] = EntityMemberRow(corpus_id, article_id, entity_id, name)
        self.old = old
        # the corpus entities and names as stored: of each node sampled, and of the changed articles' rows
        stored = [old[k] for k in sample.values() if k in old] + [r for k, r in old.items() if k[0] in self.moved]
        self.old_ids = {r.corpus_id for r in stored}
        names: dict[str, set[str | None]] = {}
        for stored_row in stored:
            names.setdefault(stored_row.corpus_id, set()).add(stored_row.name)
        self.merged_before = sum(1 for n in names.values() if len(n) > 1)
        self.stored_rows: dict[str, CorpusEntityRow] = {r.corpus_id: r for r in store.link_rows(
            CorpusEntityRow, corpus_id=sorted(self.old_ids))} if self.old_ids else {}
        # the nodes of each stored corpus entity, and each node's changed articles before and after
        self.nodes_of: dict[str, set[str]] = {}
        for node, key in sample.items():
            if key in old:
                self.nodes_of.setdefault(old[key].corpus_id, set()).add(node)
        for r in old_rows:
            if (member := old.get((r.article_id, r.entity_id))) is not None:
                self.nodes_of.setdefault(member.corpus_id, set()).add(r.node)
        self.before_in: dict[str, set[str]] = {}
        self.after_in: dict[str, set[str]] = {}
        for rows, into in ((old_rows, self.before_in), (new_rows, self.after_in)):
            for r in rows:
                into.setdefault(r.node, set()).add(r.article_id)
        self.names: set[str] = set()
        self.changed_articles: set[str] = set()
        self.found: Sequence[CorpusEntity] = ()

    def articles_of(self, corpus_id: str, group: list[NameNode]) -> int | None:
        """The article count of an entity made of the same stored nodes as the stored entity of its id: the
        stored count, less the changed articles it had, plus those it has; ``None`` when its nodes differ."""
        nodes = {raw for n in group for raw in n.raw}
        if corpus_id not in self.stored_rows or self.nodes_of.get(corpus_id) != nodes:
            return None
        before = set().union(*(self.before_in.get(n, ()) for n in nodes))
        after = set().union(*(self.after_in.get(n, ()) for n in nodes))
        return int(self.stored_rows[corpus_id].articles) - len(before) + len(after)

    def compare(self, found: Sequence[CorpusEntity]) -> None:
        """The names whose rows change, and the articles whose corpus entities do, with ``found``."""
        self.found = found
        after = {raw: (e.corpus_id, n.name) for e in found for n in e.group for raw in n.raw}
        moving = []
        for node, key in sorted(self.sample.items()):
            before, now = self.old.get(key), after.get(node)
            if before is None or now is None or (before.corpus_id, before.name) != now:
                self.names |= {n for n in (before.name if before else None, now[1] if now else None)
                               if n is not None}
                if before is None or now is None or before.corpus_id != now[0]:
                    moving.append(node)
        for found_members in (self.read.unchanged(moving) if moving else {}).values():
            self.changed_articles |= {m[0] for m in found_members}

    def rows(self) -> list[EntityMemberRow]:
        """The rows of the changed articles and of the names whose rows changed."""
        found = []
        for e in self.found:
            members = sorted((a, entity, n.name) for n in e.group
                             for a, entity in (n.members if n.name in self.names else n.moved_members(self.moved)))
            found += [EntityMemberRow(e.corpus_id, a, entity, name) for a, entity, name in members]
        return found

    def patch(self, rows: list[EntityMemberRow]) -> Patch:
        """:meth:`rows` in place of the stored ones."""
        return Patch("article_id", self.moved, rows, also=(("name", self.names),))


def _by_article(rows: Iterable[EntityMentionRow]) -> dict[str, list[EntityMentionRow]]:
    found: dict[str, list[EntityMentionRow]] = {}
    for row in rows:
        found.setdefault(row.article_id, []).append(row)
    return found


def _merged(members: Iterable[EntityMemberRow]) -> int:
    """How many of these members' corpus entities hold several names."""
    names: dict[str, set[str | None]] = {}
    for m in members:
        names.setdefault(m.corpus_id, set()).add(m.name)
    return sum(1 for n in names.values() if len(n) > 1)


class _Crowded:
    """How many nodes each blocking key has, before and after the change."""

    def __init__(self, store: Any, keys: _Keys) -> None:
        self.store, self.keys = store, keys
        self.counted: dict[str, int] = {}
        self.delta = Counter[str]()
        for node in keys.gone:
            self.delta.update(f"b:{b}" for b in node_blocks(node))
        for node in {n for ns in keys.added.values() for n in ns}:
            self.delta.subtract(f"b:{b}" for b in node_blocks(node))

    def before(self, key: str) -> int:
        if key not in self.counted:
            self.count([key])
        return self.counted[key]

    def count(self, keys: Collection[str]) -> None:
        todo = sorted({k for k in keys if k not in self.counted})
        found = self.store.link_counts(EntityKeyRow, "key", todo) if todo else {}
        for key in todo:
            self.counted[key] = int(found.get(key, 0))

    def after(self, key: str) -> int:
        return self.before(key) - self.delta[key]

    def after_set(self, nodes: Iterable[str]) -> set[str]:
        """The crowded blocks (without ``b:``) among these nodes' blocks, after the change."""
        blocks = {f"b:{b}" for node in nodes for b in node_blocks(node)}
        self.count(blocks)
        return {k[2:] for k in blocks if self.after(k) > MAX_BLOCK}


def _repair(keys: _Keys, crowded: _Crowded, added: set[str], gone: set[str]) -> set[str]:
    """The nodes whose pairs are computed again: those that appear, those whose families change (a node of
    their folded name appears or vanishes with another family) and those of a block that crosses the cap."""
    found = set(added)
    changing = added | gone
    fkeys = {k for n in changing for k in node_keys(n) if k.startswith("f:")}
    before, now = keys.families(fkeys, after=False), keys.families(fkeys)
    for key in sorted(k for k in fkeys if before[k] != now[k]):
        found |= {n for n in keys.after(key) if f"f:{fold_name(n.split('|', 2)[2])}" == key}
    blocks = {f"b:{b}" for n in changing for b in node_blocks(n)}
    crowded.count(blocks)
    for block in sorted(blocks):
        if (crowded.before(block) > MAX_BLOCK) != (crowded.after(block) > MAX_BLOCK):
            found |= keys.after(block)
    return found - gone


def _family_cache(keys: _Keys) -> Callable[[str], set[str]]:
    cache: dict[str, set[str]] = {}

    def families_of(node: str) -> set[str]:
        if node not in cache:
            key = f"f:{fold_name(node.split('|', 2)[2])}"
            cache[node] = _families(node, keys.families([key]))
        return cache[node]
    return families_of


def _walk(store: Any, keys: _Keys, seeds: set[str], new_pairs: set[tuple[str, str]],
          merged_with: Callable[[str], set[str]]) -> set[str]:
    """The nodes reached from ``seeds`` through ``f:`` keys, stored and new pairs and manual merges, before
    the change or after it."""
    paired: dict[str, set[str]] = {}
    for a, b in new_pairs:
        paired.setdefault(a, set()).add(b)
        paired.setdefault(b, set()).add(a)
    found, frontier = set(seeds), set(seeds)
    while frontier:
        batch = sorted(frontier)
        fkeys = {k for n in batch for k in node_keys(n) if k.startswith("f:")}
        keys.load(fkeys)
        reached = {n for k in fkeys for n in keys.before(k) | keys.after(k)}
        for column, other in (("a", "b"), ("b", "a")):
            reached |= {node for _, node in store.link_pairs(EntityPairRow, column, other, batch)}
        reached |= {o for n in batch for o in paired.get(n, ())}
        names = {m for n in batch for m in merged_with(n.split("|", 2)[2])} - {n.split("|", 2)[2] for n in batch}
        keys.load({f"n:{name}" for name in names})
        reached |= {o for name in sorted(names) for o in keys.before(f"n:{name}") | keys.after(f"n:{name}")}
        frontier = reached - found
        found |= reached
    return found


def _resolve(store: Any, totals: Sequence[EntityNodeRow], moved: set[str], new_rows: list[EntityMentionRow],
             decisions: Sequence[Decision], crowded: _Crowded, nodes: set[str], read: _MemberReader,
             articles_of: ArticleCount) -> list[CorpusEntity]:
    """The corpus entities of these nodes, from their totals (``totals``: as stored, or patched with the
    changed articles' rows); a node's article entities are read only when a rule asks for its articles (#17)."""
    fresh = _by_article(new_rows)
    names: dict[str, set[str]] = {}

    def names_of(ids: Collection[str]) -> Mapping[str, set[str]]:
        todo = sorted(set(ids) - set(names))
        for i in todo:
            names[i] = {fold_name(r.name) for r in fresh.get(i, [])}
        read = [i for i in todo if i not in moved]
        for article_id, name in store.link_pairs(EntityMentionRow, "article_id", "name", read) if read else ():
            names[article_id].add(fold_name(name))
        return {i: names[i] for i in ids}

    return resolve_nodes(totals_nodes(totals, read=read, fresh=read.fresh_members), decisions=decisions,
                         crowded=crowded.after_set(nodes), names_of=names_of, articles_of=articles_of)
