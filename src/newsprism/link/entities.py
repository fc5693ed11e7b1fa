"""Cross-document entities: one entity per real person, place or organisation across the corpus.

A merge needs positive evidence between the two *entities*, never a path of
pairwise similarities: single-link clustering chains unrelated people through
bridge names (Trump -> Trump-Biden -> Biden -> Hunter -> Jeremy Hunt).

1. Each article entity becomes a name node keyed by (label family, name, and
   for places the gazetteer entry). A name the small model labels in several
   families joins the family most of its articles give it ("Twitter" as a
   person is outvoted by "Twitter" the company).
2. Candidate pairs share a blocking key: the start of a folded name word, a
   gazetteer id or an acronym.
3. Two names are *compatible* unless a rule says they are two things
   (cannot-link), see :func:`compatible`: persons with different given names,
   surnames, middle initials or suffixes; places with different gazetteer
   entries or direction words (North / South Korea; Austria / Australia);
   organisations where one has a content word the other lacks.
4. A compatible pair merges on positive evidence (:func:`evidence`): the same
   folded name (transliteration), the same gazetteer entry, the same full name
   spelt differently, an acronym.
5. Clusters grow strongest evidence first, and two clusters join only when
   every pair of names across them is compatible, so no bridge name can chain
   two people together.
6. A partial name (a bare surname, a one-word organisation, an unplaced place
   name) attaches to the one cluster it can belong to, or to a clearly dominant
   one that shares context with it; otherwise it stays an entity of its own.
7. Manual decisions win over the rules: they are replayed in the order they
   were taken by :func:`newsprism.decisions.replay`, the one rule the web
   reads too. A merge puts its names in one entity (the first name
   canonical); a split takes each listed name out of its entity, kept apart
   from every other name until a later merge names it.

Every merge keeps its evidence, and the result depends only on the set of
articles and decisions, never on their order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..decisions import Decision, ManualGroups, replay
from ..model import Article
from .entity_names import Key, NameNode, name_nodes
from .entity_rules import acronym, block_keys, compatible, evidence, same_word, spelling, words_subset

#: A blocking key shared by more names than this is too common to compare all pairs of.
MAX_BLOCK = 1500
#: A partial name attaches to the most frequent candidate only when it holds this share of the
#: candidates' articles (and shares context with the partial name).
DOMINANT_SHARE = 0.8


@dataclass(slots=True)
class CorpusEntity:
    """One row of ``corpus_entities`` with its members."""

    corpus_id: str
    name: str
    label: str
    variants: list[str]
    evidence: list[dict[str, Any]]
    articles: int
    members: list[tuple[str, str, str]]  # (article_id, entity_id, name)


# -- clustering -----------------------------------------------------------------------


class _Clusters:
    """Union of name nodes where every pair across two joined clusters must be compatible."""

    def __init__(self, nodes: dict[Key, NameNode], constraints: ManualGroups) -> None:
        self.nodes = nodes
        self.constraints = constraints
        self.of: dict[Key, Key] = {k: k for k in nodes}
        self.members: dict[Key, list[Key]] = {k: [k] for k in nodes}
        self.evidence: dict[Key, list[dict[str, Any]]] = {k: list(node.evidence) for k, node in nodes.items()}
        self._compatible: dict[tuple[Key, Key], bool] = {}

    def pair_ok(self, a: Key, b: Key) -> bool:
        if (a, b) not in self._compatible:
            manual = self.constraints.together(a[1], b[1])
            ok = manual if manual is not None else compatible(self.nodes[a], self.nodes[b])
            self._compatible[(a, b)] = self._compatible[(b, a)] = ok
        return self._compatible[(a, b)]

    def can_join(self, a: Key, b: Key) -> bool:
        ca, cb = self.of[a], self.of[b]
        return ca != cb and all(self.pair_ok(x, y) for x in self.members[ca] for y in self.members[cb])

    def join(self, a: Key, b: Key, score: float, rule: str) -> None:
        keep, gone = sorted((self.of[a], self.of[b]))
        for key in self.members[gone]:
            self.of[key] = keep
        self.members[keep] += self.members.pop(gone)
        self.evidence[keep] += self.evidence.pop(gone) + [
            {"a": a[1], "b": b[1], "rule": rule, "score": round(score, 4)}]

    def clusters(self) -> list[list[Key]]:
        return list(self.members.values())


def resolve_entities(articles: Iterable[Article], *, decisions: Sequence[Decision] = ()) -> list[CorpusEntity]:
    """Cluster the article entities of a corpus into corpus entities.

    Args:
        articles: Articles with ``entities`` (and ``places`` for gazetteer evidence).
        decisions: Manual merges and splits, replayed in order (:func:`newsprism.decisions.replay`); they win
            over the rules.

    Returns:
        Corpus entities sorted by id.
    """
    nodes = name_nodes(articles)
    constraints = replay(decisions)
    clusters = _Clusters(nodes, constraints)
    for (a, b), (score, rule) in sorted(_edges(nodes).items(), key=lambda kv: (-kv[1][0], kv[0])):
        if clusters.can_join(a, b):
            clusters.join(a, b, score, rule)
    _attach_partials(clusters)
    _apply_merges(clusters)
    return sorted((_entity(keys, nodes, clusters.evidence[clusters.of[keys[0]]], constraints)
                   for keys in clusters.clusters()), key=lambda e: e.corpus_id)


def _apply_merges(clusters: _Clusters) -> None:
    """Each manual group joins the whole entities holding its names (of its merge's label, if it named one),
    unless that would put a split name with another."""
    constraints = clusters.constraints
    nodes = clusters.nodes
    for names in constraints.groups():
        label = constraints.label.get(constraints.canonical(next(iter(names))))
        keys = [k for k in sorted(nodes) if k[1] in names and (label is None or label in nodes[k].labels)]
        for a, b in zip(keys, keys[1:], strict=False):
            ca, cb = clusters.of[a], clusters.of[b]
            if ca != cb and not any(constraints.together(x[1], y[1]) is False
                                    for x in clusters.members[ca] for y in clusters.members[cb]):
                clusters.join(a, b, 2.0, "manual merge")


def _edges(nodes: dict[Key, NameNode]) -> dict[tuple[Key, Key], tuple[float, str]]:
    blocks: dict[str, list[Key]] = {}
    for key, node in nodes.items():
        for block in block_keys(node):
            blocks.setdefault(block, []).append(key)
    edges: dict[tuple[Key, Key], tuple[float, str]] = {}
    for block in sorted(blocks):
        keys = sorted(blocks[block])
        if len(keys) > MAX_BLOCK:
            continue
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if (a, b) not in edges and (found := evidence(nodes[a], nodes[b])) is not None:
                    edges[(a, b)] = found
    return edges


def _attach_partials(clusters: _Clusters) -> None:
    """A cluster of partial names joins the one cluster it fits, or a dominant one sharing its context."""
    nodes = clusters.nodes
    index: dict[str, set[Key]] = {}
    for key, node in nodes.items():
        if not node.partial:
            for block in block_keys(node):
                index.setdefault(block, set()).add(key)
    heads = sorted(k for k, members in clusters.members.items() if all(nodes[m].partial for m in members))
    for head in heads:
        members = clusters.members[head]
        candidates = {clusters.of[k] for m in members for block in block_keys(nodes[m]) for k in index.get(block, ())}
        fitting = sorted(c for c in candidates if clusters.can_join(head, c) and _extends(clusters, head, c))
        target = _choose(clusters, head, fitting)
        if target is not None:
            rule, cand = target
            clusters.join(cand, head, 0.8, rule)


def _extends(clusters: _Clusters, partial: Key, full: Key) -> bool:
    """The full cluster has a name the partial names stand for (surname, words, place name)."""
    nodes = clusters.nodes
    for p in clusters.members[partial]:
        for f in clusters.members[full]:
            a, b = nodes[p], nodes[f]
            if a.family == "PERSON" and b.person[0] and same_word(a.person[1], b.person[1]) is not None:
                return True
            if a.family == "PLACE" and (a.folded == b.folded or spelling(a, b)) and not (
                    a.countries and b.countries and a.countries.isdisjoint(b.countries)):
                return True  # a name placed in one country never joins a place in another
            if a.family not in ("PERSON", "PLACE") and not b.partial and (
                    acronym(a, b) or (len(b.words) > len(a.words) and words_subset(a, b))):
                return True
    return False


def _choose(clusters: _Clusters, partial: Key, fitting: list[Key]) -> tuple[str, Key] | None:
    if len(fitting) == 1:
        return "the only one of that name in the corpus", fitting[0]
    if not fitting:
        return None
    nodes = clusters.nodes

    def articles(cluster: Key) -> set[str]:
        return set().union(*(nodes[k].articles for k in clusters.members[cluster]))

    def context(cluster: Key) -> set[str]:
        return set().union(*(nodes[k].context for k in clusters.members[cluster]))

    counts = {c: len(articles(c)) for c in fitting}
    best = min(fitting, key=lambda c: (-counts[c], c))
    if counts[best] < DOMINANT_SHARE * sum(counts.values()):
        return None
    if nodes[partial].family == "PERSON" and not context(partial) & context(best):
        return None  # a bare surname also needs a name in common with its person's articles
    return f"the dominant one of that name ({counts[best]} of {sum(counts.values())} articles)", best


def _entity(keys: list[Key], nodes: dict[Key, NameNode], evidence: list[dict[str, Any]],
            constraints: ManualGroups) -> CorpusEntity:
    group = [nodes[k] for k in keys]
    articles = set().union(*(n.articles for n in group))
    names = {n.name for n in group}
    forced = sorted({constraints.canonical(n) for n in names if n in constraints.head} & names)
    full = [n for n in group if not n.partial] or group
    canonical = next((n for n in group if forced and n.name == forced[0]), None) or \
        min(full, key=lambda n: (-len(n.articles), -len(n.name), n.name))
    labels = Counter[str]()
    for node in group:
        labels.update(node.labels)
    label = min(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    variants = sorted(set().union(*(n.variants for n in group)) | names)
    identity = f"{canonical.family}|{canonical.name}" + (f"|{canonical.gazetteer}" if canonical.gazetteer else "")
    corpus_id = "ce" + hashlib.sha1(identity.encode()).hexdigest()[:12]
    rows = sorted((aid, eid, n.name) for n in group for aid, eid in n.members)
    return CorpusEntity(corpus_id=corpus_id, name=canonical.name, label=label, variants=variants,
                        evidence=sorted(evidence, key=lambda e: (e["a"], e["b"])), articles=len(articles),
                        members=rows)
