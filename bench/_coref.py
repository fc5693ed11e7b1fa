"""Coreference scores of a response clustering against a key clustering: MUC, B-cubed, CEAF-e, CoNLL F1.

Both clusterings are maps ``item -> cluster label`` over the same items (a
mention the system did not find is its own cluster in the response), so there
are no twinless mentions to account for. The definitions are those of the
CoNLL-2011/2012 reference scorer (Pradhan et al. 2014):

- MUC (Vilain et al. 1995): links. Recall is the share of the links a key
  cluster needs that the response keeps, ``sum(|K| - parts(K)) / sum(|K| - 1)``;
  precision is the same with key and response swapped.
- B-cubed (Bagga and Baldwin 1998): per item, the share of its response
  cluster that is in its key cluster (precision) and the other way (recall),
  averaged over items.
- CEAF-e (Luo 2005): clusters aligned one to one to maximise the summed
  similarity ``2 |K & R| / (|K| + |R|)``; recall divides by the number of key
  clusters, precision by the number of response clusters.
- CoNLL F1: the mean of the three F1s.

Also the agglomerative clusterings the baselines use (single and average link
over a similarity matrix, merge heights kept so one run serves every threshold).

>>> key = {"a": 1, "b": 1, "c": 2}
>>> round(bcubed(key, {"a": 1, "b": 2, "c": 3}).f1, 3)
0.8
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

T = TypeVar("T", bound=Hashable)
Clustering = Mapping[T, Hashable]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4)}


def clusters(assignment: Clustering[T]) -> list[set[T]]:
    """The clusters of a map ``item -> label``, as sets, in order of first appearance."""
    groups: dict[Hashable, set[T]] = defaultdict(set)
    for item, label in assignment.items():
        groups[label].add(item)
    return list(groups.values())


def _check(key: Clustering[T], response: Clustering[T]) -> None:
    if set(key) != set(response):
        raise ValueError("key and response must cluster the same items")


def muc(key: Clustering[T], response: Clustering[T]) -> PRF:
    """MUC precision and recall (0 when no cluster has a link to find)."""
    _check(key, response)

    def side(gold: Clustering[T], other: Clustering[T]) -> float:
        kept = needed = 0
        for cluster in clusters(gold):
            parts = len({other[item] for item in cluster})
            kept += len(cluster) - parts
            needed += len(cluster) - 1
        return kept / needed if needed else 0.0

    return PRF(precision=side(response, key), recall=side(key, response))


def bcubed(key: Clustering[T], response: Clustering[T]) -> PRF:
    """B-cubed precision and recall, averaged over items."""
    _check(key, response)
    if not key:
        return PRF(0.0, 0.0)
    both: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    key_size: dict[Hashable, int] = defaultdict(int)
    response_size: dict[Hashable, int] = defaultdict(int)
    for item in key:
        both[(key[item], response[item])] += 1
        key_size[key[item]] += 1
        response_size[response[item]] += 1
    precision = sum(both[(key[i], response[i])] / response_size[response[i]] for i in key) / len(key)
    recall = sum(both[(key[i], response[i])] / key_size[key[i]] for i in key) / len(key)
    return PRF(precision, recall)


def ceaf_e(key: Clustering[T], response: Clustering[T]) -> PRF:
    """Entity-based CEAF (phi4 similarity) with the optimal one-to-one alignment."""
    _check(key, response)
    key_clusters, response_clusters = clusters(key), clusters(response)
    if not key_clusters:
        return PRF(0.0, 0.0)
    total = sum(_best_alignment(block) for block in _blocks(key_clusters, response_clusters))
    return PRF(total / len(response_clusters), total / len(key_clusters))


def _phi4(a: set[T], b: set[T]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def _blocks(key_clusters: list[set[T]], response_clusters: list[set[T]]) -> list[list[list[float]]]:
    """Similarity matrices of the connected parts of the overlap graph: clusters that share
    no item score 0 together, so each part is aligned on its own (small matrices)."""
    response_of = {item: j for j, cluster in enumerate(response_clusters) for item in cluster}
    parent = list(range(len(key_clusters) + len(response_clusters)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, cluster in enumerate(key_clusters):
        for item in cluster:
            parent[find(len(key_clusters) + response_of[item])] = find(i)
    parts: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(key_clusters)):
        parts[find(i)][0].append(i)
    for j in range(len(response_clusters)):
        parts[find(len(key_clusters) + j)][1].append(j)
    return [[[_phi4(key_clusters[i], response_clusters[j]) for j in js] for i in ks]
            for ks, js in parts.values() if ks and js]


def _best_alignment(similarity: list[list[float]]) -> float:
    """Largest sum of a one-to-one alignment of rows to columns (Hungarian method, O(n^3))."""
    rows, cols = len(similarity), len(similarity[0])
    if rows > cols:
        similarity = [list(column) for column in zip(*similarity, strict=True)]
        rows, cols = cols, rows
    # Shortest augmenting paths with potentials on the cost -similarity, rows indexed from 1.
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    match, way = [0] * (cols + 1), [0] * (cols + 1)
    for row in range(1, rows + 1):
        match[0], col0 = row, 0
        low, used = [math.inf] * (cols + 1), [False] * (cols + 1)
        while match[col0]:
            used[col0] = True
            r, delta, col1 = match[col0], math.inf, 0
            for col in range(1, cols + 1):
                if not used[col]:
                    reduced = -similarity[r - 1][col - 1] - u[r] - v[col]
                    if reduced < low[col]:
                        low[col], way[col] = reduced, col0
                    if low[col] < delta:
                        delta, col1 = low[col], col
            for col in range(cols + 1):
                if used[col]:
                    u[match[col]] += delta
                    v[col] -= delta
                else:
                    low[col] -= delta
            col0 = col1
        while col0:
            col1 = way[col0]
            match[col0] = match[col1]
            col0 = col1
    return sum(similarity[match[col] - 1][col - 1] for col in range(1, cols + 1) if match[col])


def conll_f1(key: Clustering[T], response: Clustering[T]) -> float:
    """Mean of the MUC, B-cubed and CEAF-e F1s."""
    return (muc(key, response).f1 + bcubed(key, response).f1 + ceaf_e(key, response).f1) / 3


def scores(key: Clustering[T], response: Clustering[T]) -> dict[str, dict[str, float] | float]:
    """Every score as plain numbers: ``{"muc": {"p", "r", "f1"}, "b3": ..., "ceaf_e": ..., "conll_f1"}``."""
    found = {"muc": muc(key, response), "b3": bcubed(key, response), "ceaf_e": ceaf_e(key, response)}
    out: dict[str, dict[str, float] | float] = {name: prf.as_dict() for name, prf in found.items()}
    out["conll_f1"] = round(sum(prf.f1 for prf in found.values()) / 3, 4)
    return out


def pairs_across(sizes: Iterable[int]) -> int:
    """Pairs of items taken from two different groups of these sizes.

    >>> pairs_across([2, 3])  # 2 x 3
    6
    """
    sizes = list(sizes)
    return (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2


# -- agglomerative clustering -------------------------------------------------------


def agglomerate(similarity: np.ndarray, *, linkage: str) -> list[tuple[float, int, int]]:
    """Merges of a single-link (``"single"``) or average-link (``"average"``) clustering.

    Args:
        similarity: A symmetric matrix of item similarities.
        linkage: ``"single"`` (cluster similarity is the best pair) or ``"average"``
            (the mean over all cross pairs, UPGMA).

    Returns:
        ``(height, a, b)`` per merge, highest first: the cluster holding item ``a``
        joined the one holding item ``b`` at that similarity. Both linkages are
        monotone, so cutting at a threshold keeps the merges of height >= threshold.
    """
    n = len(similarity)
    sims = similarity.astype(float, copy=True)
    np.fill_diagonal(sims, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges: list[tuple[float, int, int]] = []
    for _ in range(n - 1):
        a, b = divmod(int(np.argmax(sims)), n)
        height = float(sims[a, b])
        merges.append((height, a, b))
        if linkage == "single":
            row = np.maximum(sims[a], sims[b])
        else:
            row = (size[a] * sims[a] + size[b] * sims[b]) / (size[a] + size[b])
        size[a] += size[b]
        alive[b] = False
        row[~alive] = -np.inf
        row[a] = -np.inf
        sims[a], sims[:, a] = row, row
        sims[b], sims[:, b] = -np.inf, -np.inf
    return merges


def cut(n: int, merges: Sequence[tuple[float, int, int]], threshold: float) -> list[int]:
    """Cluster label per item after the merges of height >= ``threshold``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for height, a, b in merges:
        if height < threshold:
            break
        parent[find(b)] = find(a)
    return [find(i) for i in range(n)]
