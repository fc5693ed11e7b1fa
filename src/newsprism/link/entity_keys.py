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
from .entities import MAX_BLOCK, CorpusEntity, crowded_blocks, resolve_mentions, resolve_nodes
from .entity_names import NameNode, NodeTotals, mention_records, node_totals, totals_nodes
from .entity_rules import compatible, evidence, extends, node_blocks
from .features import fold_name

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
    """Every key of a name node: ``f:`` folded names it is voted or mended with, ``b:`` its blocking keys
    (without label family), ``n:`` its name.

    >>> sorted(node_keys("PERSON||Sergei Surovikin"))[:3]
    ['b:a:ss', 'b:w:serg', 'b:w:suro']
    """
    family, gazetteer, name = node.split("|", 2)
    folded = fold_name(name)
    keys = {f"f:{folded}", f"n:{name}"} | {f"b:{block}" for block in node_blocks(node)}
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
    return NameNode(family, name, gazetteer if family == "PLACE" else "")


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
        for row in self.store.link_rows(EntityKeyRow, key=todo) if todo else ():
            self.stored[row.key].add(row.node)

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
        for other in sorted(others):
            pair = (min(node, other), max(node, other))
            if pair in seen:
                continue
            seen.add(pair)
            if may_be_one(*pair, families_of(pair[0]) & families_of(pair[1])):
                found.add(pair)
    return found


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
    3. The walk through keys, pairs and merges; the article entities of the nodes reached, resolved."""
    ids = sorted(set(changed) | set(removed))
    old_rows = store.link_rows(EntityMentionRow, article_id=ids) if ids else []
    new_rows = [row for i in sorted(changed) for row in mention_records(changed[i])]
    old_by, new_by = _by_article(old_rows), _by_article(new_rows)
    moved = {i for i in ids if old_by.get(i, []) != new_by.get(i, [])}
    old_rows = [r for r in old_rows if r.article_id in moved]
    new_rows = [r for r in new_rows if r.article_id in moved]
    touched = {r.node for r in old_rows} | {r.node for r in new_rows}
    # the totals of the nodes the changed articles have or had, with those articles' rows taken out and put in
    stored = {r.node: r for r in store.link_rows(EntityNodeRow, node=sorted(touched))} if touched else {}
    sums = {n: NodeTotals(stored[n]) if n in stored else NodeTotals.empty(n) for n in touched}
    for rows, sign in ((old_rows, -1), (new_rows, 1)):
        for row in rows:
            sums[row.node].add(row, sign)
    added = {n for n in touched if n not in stored and sums[n].members}
    gone = {n for n in touched if n in stored and not sums[n].members}
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
    patched = [t.row() for n, t in sorted(sums.items()) if t.members]
    found = _resolve(store, [*kept, *patched], moved, new_rows, decisions, crowded, reached - gone)
    # member rows are made only for the members written again (and read for the articles asked about): a run
    # reaches most name nodes of a corpus whose articles share their names, and writes the rows of few (#17)
    entity_rows = [CorpusEntityRow(e.corpus_id, e.name, e.label, e.variants, e.evidence, e.articles) for e in found]
    members = _Members(store, [*kept, *stored.values()], moved, found)
    old_ids = members.old_ids
    stored_rows = {r.corpus_id: r for r in store.link_rows(CorpusEntityRow, corpus_id=sorted(old_ids))} if old_ids else {}
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
    merged = totals[1] - members.merged_before + sum(1 for e in found if len({m[2] for m in e.members}) > 1)
    written: dict[str, list[EntityMemberRow]] = {}
    for row in member_rows:
        written.setdefault(row.article_id, []).append(row)

    def entity_of(article_ids: Collection[str]) -> Mapping[tuple[str, str], str]:
        # the member rows as this run leaves them: the stored ones its patch keeps, and the ones it writes; not
        # every member of every corpus entity it re-resolved looked through (most of the corpus's, #17)
        todo = sorted(set(article_ids))
        kept = [m for m in (store.link_rows(EntityMemberRow, article_id=todo) if todo else []) if members.kept(m)]
        return {(m.article_id, m.entity_id): m.corpus_id for m in [*kept, *(r for i in todo for r in written.get(i, ()))]}

    return EntityLinks({}, patches, count, merged, members.changed_articles | moved, entity_of)


class _Members:
    """The member rows an incremental run rewrites: those of the changed articles, and those of the name nodes
    whose corpus entity or mended name changed (with every other node's of such a name); the others stay as
    stored, so a run writes rows in proportion to what changed, not to the members of every entity it
    re-resolved (#17).

    Every article entity of one name node has one corpus entity and one mended name (a node's name, or the
    full name its headline words are cut to), so one stored member row of each node with an article that did
    not change tells what all of that node's rows were: only those rows, and the changed articles' own, are
    read.
    """

    def __init__(self, store: Any, old_totals: Iterable[EntityNodeRow], moved: Collection[str],
                 found: Sequence[CorpusEntity]) -> None:
        self.moved, self.found = set(moved), found
        # one article entity of each node, in an article that did not change
        sample: dict[str, tuple[str, str]] = {}
        of_node: dict[str, list[list[Any]]] = {}
        for row in old_totals:
            of_node[row.node] = row.members
            if (member := next((m for m in row.members if m[0] not in self.moved), None)) is not None:
                sample[row.node] = (member[0], member[2])
        articles = sorted({a for a, _ in sample.values()} | self.moved)
        old = {(r.article_id, r.entity_id): r for r in store.link_rows(EntityMemberRow, article_id=articles)} \
            if articles else {}
        wanted = set(sample.values())
        new = {(a, entity): (e.corpus_id, name) for e in found for a, entity, name in e.members
               if (a, entity) in wanted}
        # the corpus entities and names as stored: of each node sampled, and of the changed articles' rows
        stored = [old[k] for k in sample.values() if k in old] + [r for k, r in old.items() if k[0] in self.moved]
        self.old_ids = {r.corpus_id for r in stored}
        names: dict[str, set[str | None]] = {}
        for r in stored:
            names.setdefault(r.corpus_id, set()).add(r.name)
        self.merged_before = sum(1 for n in names.values() if len(n) > 1)
        self.names: set[str] = set()
        self.changed_articles: set[str] = set()
        for node, key in sorted(sample.items()):
            before, after = old.get(key), new.get(key)
            if before is None or after is None or (before.corpus_id, before.name) != after:
                self.names |= {n for n in (before.name if before else None, after[1] if after else None)
                               if n is not None}
                if before is None or after is None or before.corpus_id != after[0]:
                    self.changed_articles |= {m[0] for m in of_node[node]}

    def rows(self) -> list[EntityMemberRow]:
        """The rows of the changed articles and of the names whose rows changed."""
        return [EntityMemberRow(e.corpus_id, a, entity, name) for e in self.found for a, entity, name in e.members
                if name in self.names or a in self.moved]

    def patch(self, rows: list[EntityMemberRow]) -> Patch:
        """:meth:`rows` in place of the stored ones."""
        return Patch("article_id", self.moved, rows, also=(("name", self.names),))

    def kept(self, row: EntityMemberRow) -> bool:
        """Whether a stored row stays as it is (:meth:`patch` writes no row in its place)."""
        return row.article_id not in self.moved and row.name not in self.names


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
            reached |= {getattr(r, other) for r in store.link_rows(EntityPairRow, **{column: batch})}
        reached |= {o for n in batch for o in paired.get(n, ())}
        names = {m for n in batch for m in merged_with(n.split("|", 2)[2])} - {n.split("|", 2)[2] for n in batch}
        keys.load({f"n:{name}" for name in names})
        reached |= {o for name in sorted(names) for o in keys.before(f"n:{name}") | keys.after(f"n:{name}")}
        frontier = reached - found
        found |= reached
    return found


def _resolve(store: Any, totals: Sequence[EntityNodeRow], moved: set[str], new_rows: list[EntityMentionRow],
             decisions: Sequence[Decision], crowded: _Crowded, nodes: set[str]) -> list[CorpusEntity]:
    """The corpus entities of these nodes, from their totals (``totals``: as stored, or patched with the
    changed articles' rows); no article entity of the nodes is read (#17)."""
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

    return resolve_nodes(totals_nodes(totals), decisions=decisions, crowded=crowded.after_set(nodes),
                         names_of=names_of)
