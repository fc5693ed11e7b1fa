"""The worst entity errors of an ECB+ run (``bench/ecbplus.py --misses N``), for finding what to fix.

A *merge* is a corpus entity holding mentions of several gold instances, ranked
by the mention pairs it wrongly joins, shown with the evidence rules that joined
its names; a *split* is a gold instance whose found mentions sit in several
corpus entities, ranked by the pairs it misses. Each shows the gold mention
texts beside what newsprism found in them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

import _coref as cr

if TYPE_CHECKING:
    from ecbplus import Match
    from newsprism.link.entities import CorpusEntity


def _entity_index(entities: list[CorpusEntity]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """Corpus entity id and name node of each (article id, article entity id)."""
    corpus_of = {(aid, eid): e.corpus_id for e in entities for aid, eid, *_ in e.members}
    name_of = {(aid, eid): str(rest[0]) if rest else "" for e in entities for aid, eid, *rest in e.members}
    return corpus_of, name_of


def _texts(matches: list[Match]) -> dict[str, dict[str, int]]:
    return {"gold": dict(Counter(m.gold.text for m in matches).most_common(3)),
            "found": dict(Counter(m.surface for m in matches).most_common(3))}


def worst_merges(matches: list[Match], entities: list[CorpusEntity], descriptors: dict[str, str],
                 n: int) -> list[dict[str, Any]]:
    """Corpus entities joining mentions of different gold instances, most wrong mention pairs first."""
    by_id = {e.corpus_id: e for e in entities}
    corpus_of, name_of = _entity_index(entities)
    groups: dict[str, dict[str, list[Match]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in matches:
        corpus = corpus_of.get((m.article, m.entity or ""))
        if m.status == "matched" and corpus:
            groups[corpus][m.gold.instance].append(m)
            names[corpus][name_of[(m.article, m.entity or "")]].add(m.gold.instance)
    rows: list[dict[str, Any]] = []
    for corpus, instances in groups.items():
        if len(instances) > 1:
            entity = by_id[corpus]
            cross = [e for e in entity.evidence if names[corpus].get(e.get("a", ""), set()) !=
                     names[corpus].get(e.get("b", ""), set())]
            rows.append({"entity": entity.name, "label": entity.label, "wrong_pairs": cr.pairs_across(map(len, instances.values())),
                         "instances": [{"instance": i, "description": descriptors.get(i, ""), **_texts(ms)}
                                       for i, ms in sorted(instances.items(), key=lambda kv: -len(kv[1]))],
                         "evidence": cross or entity.evidence})
    return sorted(rows, key=lambda r: (-r["wrong_pairs"], r["entity"]))[:n]


def worst_splits(matches: list[Match], entities: list[CorpusEntity], descriptors: dict[str, str],
                 n: int) -> list[dict[str, Any]]:
    """Gold instances whose found mentions are in several corpus entities, most missed pairs first."""
    by_id = {e.corpus_id: e for e in entities}
    corpus_of, _ = _entity_index(entities)
    groups: dict[str, dict[str, list[Match]]] = defaultdict(lambda: defaultdict(list))
    for m in matches:
        corpus = corpus_of.get((m.article, m.entity or ""))
        if m.status == "matched" and corpus:
            groups[m.gold.instance][corpus].append(m)
    rows: list[dict[str, Any]] = []
    for instance, parts in groups.items():
        if len(parts) > 1:
            rows.append({"instance": instance, "description": descriptors.get(instance, ""),
                         "missed_pairs": cr.pairs_across(map(len, parts.values())),
                         "entities": [{"name": by_id[c].name, "label": by_id[c].label, "mentions": len(ms), **_texts(ms)}
                                      for c, ms in sorted(parts.items(), key=lambda kv: -len(kv[1]))]})
    return sorted(rows, key=lambda r: (-r["missed_pairs"], r["instance"]))[:n]


def _counts(texts: dict[str, int]) -> str:
    return ", ".join(f"{t!r} x{k}" for t, k in texts.items())


def print_misses(merges: list[dict[str, Any]], splits: list[dict[str, Any]]) -> None:
    """The worst merges and splits, and the rules behind the merges."""
    print(f"\n### Worst merges (one corpus entity, several gold instances): {len(merges)}\n")
    rules: Counter[str] = Counter()
    for row in merges:
        print(f"- **{row['entity']}** ({row['label']}), {row['wrong_pairs']} wrong mention pairs")
        for part in row["instances"]:
            print(f"  - {part['description'] or part['instance']}: gold {_counts(part['gold'])}; "
                  f"found {_counts(part['found'])}")
        if not row["evidence"]:
            rules["(no merge: one name node)"] += 1
            print("  - no merge evidence: the same name everywhere is one name node")
        for e in row["evidence"][:6]:
            rules[str(e.get("rule", "?"))] += 1
            print(f"  - evidence: {e.get('a')!r} ~ {e.get('b')!r}: {e.get('rule')} ({e.get('score')})")
    print("\nRules in the evidence of those merges: " + ", ".join(f"{r} x{k}" for r, k in rules.most_common()))
    print(f"\n### Worst splits (one gold instance, several corpus entities): {len(splits)}\n")
    for row in splits:
        print(f"- {row['description'] or row['instance']}, {row['missed_pairs']} missed pairs")
        for part in row["entities"]:
            print(f"  - {part['name']!r} ({part['label']}), {part['mentions']} mentions: gold {_counts(part['gold'])}; "
                  f"found {_counts(part['found'])}")
