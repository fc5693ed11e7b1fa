"""Cross-document entities: one entity per real thing across the corpus.

1. Each article entity becomes a name node keyed by (label family, name).
2. Nodes are blocked on the first letters of their folded name and surname,
   so only plausible pairs are compared.
3. A pair merges on: the same folded key (transliteration), the same
   gazetteer entry, a close string (Jaro-Winkler on folded names, or on
   surnames with compatible given names), or a weaker string match backed
   by shared context (co-mentioned names).
4. Manual decisions apply last and win: ``merge`` forces names together,
   ``split`` forbids any merge between the listed names.

Merges are taken strongest first, ties by name, and a merge that would join
two names a split decision keeps apart is refused, so the result depends
only on the set of articles and decisions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article
from .features import fold_name, label_family

STRONG = 0.93
WEAK = 0.86
MAX_BLOCK = 3000


@dataclass(frozen=True, slots=True)
class Decision:
    """A manual merge or split, by names (so it survives re-ingestion)."""

    action: str
    names: tuple[str, ...]
    label: str | None = None


@dataclass(slots=True)
class _Node:
    family: str
    name: str
    label: str
    articles: set[str] = field(default_factory=set)
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, entity_id)
    variants: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    gazetteer: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str]:
        return self.family, self.name


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


def _nodes(articles: Iterable[Article]) -> dict[tuple[str, str], _Node]:
    nodes: dict[tuple[str, str], _Node] = {}
    for article in articles:
        gaz: dict[str, str] = {p.entity: p.gazetteer_id for p in article.places if p.entity and p.gazetteer_id}
        gaz_text = {p.text: p.gazetteer_id for p in article.places if p.gazetteer_id}
        families = {e.id: label_family(e.label) for e in article.entities}
        names = {fold_name(e.name) for e in article.entities}
        for entity in article.entities:
            family = families[entity.id]
            node = nodes.setdefault((family, entity.name), _Node(family, entity.name, entity.label))
            node.articles.add(article.id)
            node.members.append((article.id, entity.id))
            node.variants.update(entity.variants or (entity.name,))
            node.context.update(names - {fold_name(entity.name)})
            if (g := gaz.get(entity.id) or gaz_text.get(entity.name)) is not None:
                node.gazetteer.add(g)
    return nodes


def _blocks(node: _Node) -> set[str]:
    folded = fold_name(node.name).split()
    if not folded:
        return set()
    keys = {f"{node.family}|{folded[0][:2]}", f"{node.family}|{folded[-1][:2]}"}
    return keys | {f"{node.family}|g:{g}" for g in node.gazetteer}


def _score(a: _Node, b: _Node) -> tuple[float, str]:
    from rapidfuzz.distance import JaroWinkler

    fa, fb = fold_name(a.name), fold_name(b.name)
    if fa == fb:
        return 1.0, "transliteration"
    if a.gazetteer & b.gazetteer:
        return 0.99, "gazetteer"
    sim = JaroWinkler.similarity(fa, fb)
    rule = "string"
    if a.family == "PERSON":
        ta, tb = fa.split(), fb.split()
        if min(len(ta), len(tb)) == 1 and ta and tb:
            # A surname alone ("Surovkin") against a full name ("Sergei Surovikin").
            surname = JaroWinkler.similarity(ta[-1], tb[-1])
            if surname >= STRONG:
                sim, rule = max(sim, surname), "surname"
        elif len(ta) > 1 and len(tb) > 1:
            surname = JaroWinkler.similarity(ta[-1], tb[-1])
            given = JaroWinkler.similarity(ta[0], tb[0])
            if surname >= STRONG and (given >= 0.75 or ta[0][0] == tb[0][0]):
                sim, rule = max(sim, (surname + max(given, 0.9)) / 2), "surname"
            elif surname < 0.85:
                sim = min(sim, surname)  # different surnames are different people
    if sim >= STRONG:
        return sim, rule
    shared = len(a.context & b.context)
    if sim >= WEAK and shared >= 2:
        return sim, f"string+context({shared} shared names)"
    return 0.0, ""


def _split_of(decisions: Sequence[Decision]) -> list[set[str]]:
    return [set(d.names) for d in decisions if d.action == "split"]


def _forbidden(names_a: set[str], names_b: set[str], splits: Sequence[set[str]]) -> bool:
    # A split decision keeps its names in separate entities: refuse any merge
    # that would put two of them (one from each side) together.
    return any(names_a & split and names_b & split for split in splits)


def resolve_entities(articles: Iterable[Article], *, decisions: Sequence[Decision] = ()) -> list[CorpusEntity]:
    """Cluster the article entities of a corpus into corpus entities.

    Args:
        articles: Articles with ``entities`` (and ``places`` for gazetteer evidence).
        decisions: Manual merges and splits, applied over the automatic result.

    Returns:
        Corpus entities sorted by id.
    """
    nodes = _nodes(articles)
    blocks: dict[str, list[tuple[str, str]]] = {}
    for key, node in nodes.items():
        for block in _blocks(node):
            blocks.setdefault(block, []).append(key)
    edges: dict[tuple[tuple[str, str], tuple[str, str]], tuple[float, str]] = {}
    for block in sorted(blocks):
        keys = sorted(blocks[block])
        if len(keys) > MAX_BLOCK:
            continue
        for i, ka in enumerate(keys):
            for kb in keys[i + 1:]:
                if (ka, kb) not in edges and (score := _score(nodes[ka], nodes[kb]))[0] > 0:
                    edges[(ka, kb)] = score
    for decision in decisions:
        if decision.action == "merge":
            keys = [k for k in sorted(nodes) if k[1] in decision.names and
                    (decision.label is None or nodes[k].label == decision.label)]
            for ka, kb in zip(keys, keys[1:], strict=False):
                edges[(min(ka, kb), max(ka, kb))] = (2.0, "manual merge")
    return _cluster(nodes, edges, decisions)


def _cluster(nodes: dict[tuple[str, str], _Node], edges: dict[tuple[tuple[str, str], tuple[str, str]],
             tuple[float, str]], decisions: Sequence[Decision]) -> list[CorpusEntity]:
    splits = _split_of(decisions)
    group = {k: k for k in nodes}
    members: dict[tuple[str, str], list[tuple[str, str]]] = {k: [k] for k in nodes}
    evidence: dict[tuple[str, str], list[dict[str, Any]]] = {k: [] for k in nodes}
    for (ka, kb), (score, rule) in sorted(edges.items(), key=lambda kv: (-kv[1][0], kv[0])):
        ga, gb = group[ka], group[kb]
        if ga == gb:
            continue
        if _forbidden({k[1] for k in members[ga]}, {k[1] for k in members[gb]}, splits):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        for k in members[gone]:
            group[k] = keep
        members[keep] += members.pop(gone)
        evidence[keep] += evidence.pop(gone) + [{"a": ka[1], "b": kb[1], "rule": rule, "score": round(score, 4)}]
    return sorted((_entity(ks, nodes, evidence[g], decisions) for g, ks in members.items()),
                  key=lambda e: e.corpus_id)


def _entity(keys: list[tuple[str, str]], nodes: dict[tuple[str, str], _Node], evidence: list[dict[str, Any]],
            decisions: Sequence[Decision]) -> CorpusEntity:
    group = [nodes[k] for k in keys]
    articles = set().union(*(n.articles for n in group))
    names = {n.name for n in group}
    forced = [d.names[0] for d in decisions if d.action == "merge" and d.names and d.names[0] in names]
    canonical = forced[0] if forced else min(group, key=lambda n: (-len(n.articles), -len(n.name), n.name)).name
    family = group[0].family
    label = min(group, key=lambda n: (-len(n.articles), n.label)).label
    variants = sorted(set().union(*(n.variants for n in group)) | names)
    corpus_id = "ce" + hashlib.sha1(f"{family}|{canonical}".encode()).hexdigest()[:12]
    rows = sorted((aid, eid, n.name) for n in group for aid, eid in n.members)
    return CorpusEntity(corpus_id=corpus_id, name=canonical, label=label, variants=variants,
                        evidence=sorted(evidence, key=lambda e: (e["a"], e["b"])), articles=len(articles),
                        members=rows)
