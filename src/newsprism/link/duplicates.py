"""Exact and near duplicates: the same text, or the same article republished elsewhere.

1. Exact: articles whose normalised clean text hashes the same.
2. Near: MinHash signatures over word 5-shingles, LSH for candidate pairs,
   then every candidate verified on the real shingle sets (Jaccard and
   containment), so the result does not depend on hashing luck.
3. Groups are the connected components of verified pairs; each keeps its
   evidence and an original (earliest publication, else earliest fetch,
   else smallest id).

Pairs, components and originals depend only on the set of articles, never on
their order or on how they were partitioned, so a shuffled ingest gives the
same groups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from ..model import content_hash, normalize_for_hash
from .features import WORD, strip_accents

SHINGLE = 5
NUM_PERM = 128
#: The hashing scheme is pinned: cached signatures must stay comparable across datasketch versions.
SCHEME = "affine32"
#: LSH threshold for candidates (low: verification decides).
CANDIDATE_THRESHOLD = 0.3
#: A verified near duplicate: Jaccard at least this ...
MIN_JACCARD = 0.6
#: ... or the shorter text this much contained in the longer one.
MIN_CONTAINMENT = 0.8
MIN_SHINGLES = 20


@dataclass(frozen=True, slots=True)
class DupDoc:
    """What duplicate detection needs of an article."""

    id: str
    text: str
    published: str | None = None
    fetched: str | None = None
    site: str | None = None


@dataclass(slots=True)
class DuplicateGroup:
    """Articles that are copies of one another, with the chosen original first."""

    group_id: str
    original: str
    members: list[str]
    similarity: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)


def shingles(text: str) -> set[str]:
    """Word 5-shingles of the normalised, accent-free text."""
    words = WORD.findall(strip_accents(normalize_for_hash(text)))
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of a text (deterministic: fixed seed, SHA-1 shingle hashes)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return [int(v) for v in minhash.hashvalues]


def _order_key(doc: DupDoc) -> tuple[int, str, str]:
    for rank, value in ((0, doc.published), (1, doc.fetched)):
        if value:
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return rank, moment.astimezone(UTC).isoformat(), doc.id
    return 2, "", doc.id


def choose_original(docs: Iterable[DupDoc]) -> DupDoc:
    """Earliest publication, else earliest fetch, else the smallest id."""
    return min(docs, key=_order_key)


def shared_passages(a: str, b: str, *, limit: int = 3, min_words: int = 8) -> list[str]:
    """The longest word runs two texts share (evidence for a person to read)."""
    from difflib import SequenceMatcher

    wa, wb = a.split(), b.split()
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    blocks = sorted((m for m in matcher.get_matching_blocks() if m.size >= min_words), key=lambda m: (-m.size, m.a))
    return [" ".join(wa[m.a:m.a + m.size])[:240] for m in blocks[:limit]]


def compare(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


@lru_cache(maxsize=1)
def _lsh_params() -> tuple[int, int]:
    # datasketch finds (bands, rows) by numerical integration: once per process is enough.
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def _candidates(docs: Sequence[DupDoc], signatures: Mapping[str, Sequence[int]]) -> set[tuple[str, str]]:
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params())
    pairs: set[tuple[str, str]] = set()
    for doc in docs:
        minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME,
                          hashvalues=np.array(signatures[doc.id], dtype=np.uint64))
        for other in lsh.query(minhash):
            pairs.add((min(doc.id, other), max(doc.id, other)))
        lsh.insert(doc.id, minhash)
    return pairs


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the smaller id is the root: order-free


def find_duplicates(docs: Iterable[DupDoc], *, signatures: Mapping[str, Sequence[int]] | None = None,
                    min_jaccard: float = MIN_JACCARD, min_containment: float = MIN_CONTAINMENT,
                    ) -> list[DuplicateGroup]:
    """Group exact and near duplicates.

    Args:
        docs: The articles (any order).
        signatures: Cached MinHash signatures by article id; missing ones are computed.
        min_jaccard: Jaccard of shingle sets at or above which two texts are near duplicates.
        min_containment: Containment of the shorter text at or above which they are too.

    Returns:
        Groups of two or more articles, sorted by group id.
    """
    ordered = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
    by_id = {d.id: d for d in ordered}
    sets = {d.id: shingles(d.text) for d in ordered}
    uf = _UnionFind()
    how: dict[tuple[str, str], str] = {}
    by_hash: dict[str, list[str]] = {}
    for doc in ordered:
        if doc.text.strip():
            by_hash.setdefault(content_hash(doc.text), []).append(doc.id)
    for ids in by_hash.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
            how[(ids[0], other)] = "exact"
    sigs = dict(signatures or {})
    eligible = [d for d in ordered if len(sets[d.id]) >= MIN_SHINGLES]
    for doc in eligible:
        if doc.id not in sigs:
            sigs[doc.id] = signature(doc.text)
    for a, b in sorted(_candidates(eligible, sigs)):
        jaccard, containment = compare(sets[a], sets[b])
        if jaccard >= min_jaccard or containment >= min_containment:
            uf.union(a, b)
            how.setdefault((a, b), "near")
    components: dict[str, list[str]] = {}
    for doc in ordered:
        components.setdefault(uf.find(doc.id), []).append(doc.id)
    groups = [_group([by_id[i] for i in ids], sets) for ids in components.values() if len(ids) > 1]
    return sorted(groups, key=lambda g: g.group_id)


def _group(members: list[DupDoc], sets: Mapping[str, set[str]]) -> DuplicateGroup:
    original = choose_original(members)
    ids = sorted(m.id for m in members)
    group = DuplicateGroup(group_id="d" + hashlib.sha1(" ".join(ids).encode()).hexdigest()[:12],
                           original=original.id, members=ids)
    for member in members:
        if member.id == original.id:
            group.similarity[member.id] = 1.0
            group.evidence[member.id] = {"role": "original", "site": member.site}
            continue
        jaccard, containment = compare(sets[member.id], sets[original.id])
        exact = content_hash(member.text) == content_hash(original.text)
        group.similarity[member.id] = 1.0 if exact else round(jaccard, 4)
        group.evidence[member.id] = {
            "match": "exact" if exact else "near", "original": original.id, "jaccard": round(jaccard, 4),
            "containment": round(containment, 4), "site": member.site,
            "passages": [] if exact else shared_passages(member.text, original.text)}
    return group
