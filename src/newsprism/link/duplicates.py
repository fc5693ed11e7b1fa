"""Exact and near duplicates: the same text, or the same article republished elsewhere.

1. Exact: articles whose normalised clean text hashes the same.
2. Near: MinHash signatures over word 5-shingles (numpy, 128 permutations),
   LSH banding for candidate pairs (one band at a time),
   then every candidate verified on the real shingle sets (Jaccard and
   containment), so the result does not depend on hashing luck. Only the
   texts of candidates and group members are read, a batch at a time, when
   the caller gives them by id (a full link run: #17).
3. Groups are the connected components of verified pairs; each keeps its
   evidence and an original (earliest publication, else earliest fetch,
   else smallest id).

Pairs, components and originals depend only on the set of articles, never on
their order or on how they were partitioned, so a shuffled ingest gives the
same groups.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from ..config import Settings
from ..model import content_hash, normalize_for_hash
from .features import strip_accents, words

#: Words per shingle: five-word runs are rarely shared by two texts that are not copies.
SHINGLE = 5
#: MinHash permutations: 42 bands of 3 rows (below) need 126 of them.
NUM_PERM = 128
#: LSH: 42 bands of 3 rows catch a pair of Jaccard 0.45 with probability 0.98 (verification decides).
BANDS, ROWS = 42, 3
#: Bumped whenever signatures change, so cached ones are recomputed.
SIGNATURE_VERSION = "v3"
_PRIME = (1 << 31) - 1  # a*h + b stays below 2**64 for 32-bit shingle hashes and a, b < 2**31
_MAX32 = (1 << 32) - 1
#: A verified near duplicate has a Jaccard of at least the setting ``duplicate_min_jaccard``, or the shorter
#: text at least ``duplicate_min_containment`` contained in the longer one. Texts of fewer shingles than this
#: are never near duplicates: a few shared lines ("Read more", a dateline) would make short texts copies.
MIN_SHINGLES = 20
#: Candidate pairs verified at once, and shingle sets kept between batches (a set is about 1 KB of numpy).
PAIR_BATCH, KEPT_SETS = 2000, 20_000

#: The texts of some article ids (those it knows): how the duplicate check reads only the texts it compares.
TextsOf = Callable[[Collection[str]], Mapping[str, str]]


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


def shingles(text: str) -> set[int]:
    """Word 5-shingles of the normalised, accent-free text, as stable 32-bit hashes."""
    return set(_shingle_list(text))


def _shingle_list(text: str) -> list[int]:
    found = words(strip_accents(normalize_for_hash(text)))
    if len(found) < SHINGLE:
        return [zlib.crc32(" ".join(found).encode("utf-8"))] if found else []
    # each word encoded once: the bytes of five joined by a space are those of the five words' text joined (#17)
    encoded = [word.encode("utf-8") for word in found]
    return [zlib.crc32(b" ".join(encoded[i:i + SHINGLE])) for i in range(len(found) - SHINGLE + 1)]


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    import numpy as np

    rng = np.random.RandomState(1)  # fixed seed: signatures are cached and compared across runs
    a = rng.randint(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, _PRIME, size=NUM_PERM, dtype=np.uint64)
    return a, b


def signature(text: str) -> list[int]:
    """The MinHash signature of a text: for each of 128 hash permutations, the smallest shingle hash."""
    return signature_of(shingle_array(text))


def signature_of(values: Any) -> list[int]:
    """:func:`signature` of a text whose shingles are ``values`` (:func:`shingle_array`)."""
    import numpy as np

    if values.size == 0:
        return [_MAX32] * NUM_PERM
    a, b = _permutations()
    wide = values.astype(np.uint64)
    hashed = (wide[:, None] * a[None, :] + b[None, :]) % np.uint64(_PRIME) & np.uint64(_MAX32)
    return [int(v) for v in hashed.min(axis=0)]


def pack_shingles(values: Any) -> str:
    """A shingle array (:func:`shingle_array`) as stored beside its text's signature: its 32-bit hashes, little
    endian, in base 64 (a third of the digits of decimal numbers)."""
    import numpy as np

    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def unpack_shingles(packed: str) -> Any:
    """The shingle array :func:`pack_shingles` stored (sorted unique 32-bit hashes).

    >>> unpack_shingles(pack_shingles(shingle_array("one two three four five six"))).size
    2
    """
    import numpy as np

    return np.frombuffer(base64.b64decode(packed), dtype="<u4").astype(np.uint32)


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
    """The longest word runs of ``a`` that ``b`` also has (evidence for a person to read)."""
    found = words(strip_accents(normalize_for_hash(a)))
    hashes, other = _shingle_list(a), shingles(b)
    runs: list[tuple[int, int]] = []
    start = None
    for i, h in enumerate([*hashes, -1]):
        if h in other and start is None:
            start = i
        elif h not in other and start is not None:
            runs.append((start, i - 1 + SHINGLE))
            start = None
    runs = sorted((r for r in runs if r[1] - r[0] >= min_words), key=lambda r: (r[0] - r[1], r[0]))
    return [" ".join(found[s:e])[:240] for s, e in runs[:limit]]


def compare(a: Collection[int], b: Collection[int]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets (Python sets, or sorted unique numpy
    arrays)."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    if isinstance(a, set) and isinstance(b, set):
        inter = len(a & b)
    else:
        import numpy as np

        inter = int(np.intersect1d(np.asarray(a), np.asarray(b), assume_unique=True).size)
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def near_copies(a: Collection[int], b: Collection[int], *, settings: Settings) -> bool:
    """Whether two texts with these shingle sets are near duplicates: each has :data:`MIN_SHINGLES` or more,
    and their Jaccard or the smaller one's containment reaches the settings' least."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return False
    jaccard, containment = compare(a, b)
    return jaccard >= settings.duplicate_min_jaccard or containment >= settings.duplicate_min_containment


#: An LSH bucket of more articles than this is boilerplate, not copies: it proposes no pairs.
MAX_BUCKET = 500


def _band_key(band: int, rows: Sequence[int]) -> str:
    return f"{band}:" + ".".join(map(str, rows))


def text_digest(text: str) -> str | None:
    """The content hash by which exact copies are found, ``None`` for a blank text (it has no copies)."""
    return content_hash(text) if text.strip() else None


def band_keys(sig: Sequence[int], text: str = "", *, digest: str | None = None) -> list[str]:
    """The LSH band keys of a signature, and ``h:`` the content hash of a non-empty ``text`` (or ``digest``,
    :func:`text_digest` of it): two articles are near-duplicate candidates when they share a band key of at
    most :data:`MAX_BUCKET` articles, and exact copies when they share the ``h:`` key (kept in the store's
    ``link_bands``)."""
    keys = [_band_key(band, sig[band * ROWS:(band + 1) * ROWS]) for band in range(BANDS)]
    digest = digest or text_digest(text)
    return [*keys, "h:" + digest] if digest else keys


def _candidates(docs: Sequence[DupDoc], signatures: Mapping[str, Sequence[int]],
                crowded: Collection[str] = ()) -> set[tuple[str, str]]:
    # LSH banding: two texts are candidates when all rows of one band agree; one band's buckets at a time
    # (all of them at once are 42 keys an article).
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        buckets: dict[tuple[int, ...], list[str]] = {}
        for doc in docs:
            buckets.setdefault(tuple(signatures[doc.id][band * ROWS:(band + 1) * ROWS]), []).append(doc.id)
        for rows, ids in buckets.items():
            # crowded: the bucket holds more than MAX_BUCKET articles of the whole corpus, not all given here
            if 1 < len(ids) <= MAX_BUCKET and not (crowded and _band_key(band, rows) in crowded):
                for i, a in enumerate(ids):
                    for b in ids[i + 1:]:
                        pairs.add((min(a, b), max(a, b)))
    return pairs


def shingle_array(text: str) -> Any:
    """:func:`shingles` as a sorted numpy array of unique 32-bit hashes."""
    import numpy as np

    return np.unique(np.fromiter(_shingle_list(text), dtype=np.uint32))


class _Sets:
    """Shingle sets (sorted unique numpy arrays, a tenth of a Python set's memory) of the articles compared,
    read a batch at a time through ``texts`` and kept for the :data:`KEPT_SETS` most recently used."""

    def __init__(self, texts: TextsOf) -> None:
        self.texts = texts
        self.kept: OrderedDict[str, Any] = OrderedDict()

    def need(self, ids: Collection[str]) -> None:
        """Make sure the sets of ``ids`` are kept (reading the texts of the others at once)."""
        for i in ids:
            if i in self.kept:
                self.kept.move_to_end(i)
        todo = sorted(set(ids) - set(self.kept))
        while len(self.kept) + len(todo) > max(KEPT_SETS, len(ids)) and self.kept:
            self.kept.popitem(last=False)
        for i, text in self.texts(todo).items():
            self.kept[i] = shingle_array(text)

    def __getitem__(self, article_id: str) -> Any:
        if article_id not in self.kept:
            self.need([article_id])
        return self.kept[article_id]


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
                    settings: Settings | None = None, crowded: Collection[str] = (),
                    texts: TextsOf | None = None, digests: Mapping[str, str | None] | None = None
                    ) -> list[DuplicateGroup]:
    """Group exact and near duplicates.

    Args:
        docs: The articles (any order).
        signatures: Cached MinHash signatures by article id; missing ones are computed.
        settings: Its ``duplicate_min_jaccard`` (Jaccard of shingle sets at or above which two texts
            are near duplicates) and ``duplicate_min_containment`` (containment of the shorter text at
            or above which they are too).
        crowded: Band keys that hold more than :data:`MAX_BUCKET` articles of the whole corpus, when ``docs``
            are only part of it (an incremental link): they propose no pairs, as in a run over every article.
        texts: Reads the texts of some of the ``docs`` by id, when the docs do not carry them (their ``text``
            is then not read): only candidates and group members are read, a batch at a time. Needs
            ``digests`` (:func:`text_digest` of each text) and a signature of every doc.
        digests: :func:`text_digest` of each doc's text, by id.

    Returns:
        Groups of two or more articles, sorted by group id.
    """
    settings = settings or Settings()
    ordered = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
    by_id = {d.id: d for d in ordered}
    if texts is None:
        texts = lambda ids: {i: by_id[i].text for i in ids}  # noqa: E731 - the docs carry their texts
        digests = {doc.id: text_digest(doc.text) for doc in ordered}
    elif digests is None:
        raise TypeError("find_duplicates needs the digests of the texts it reads by id")
    sets = _Sets(texts)
    uf = _UnionFind()
    by_hash: dict[str, list[str]] = {}
    for doc in ordered:
        if (digest := digests[doc.id]) is not None:
            by_hash.setdefault(digest, []).append(doc.id)
    for ids in by_hash.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
    sigs = dict(signatures or {})
    if missing := [doc.id for doc in ordered if doc.id not in sigs]:
        sigs.update((i, signature(text)) for i, text in texts(missing).items())
    pairs = sorted(_candidates(ordered, sigs, crowded))
    for at in range(0, len(pairs), PAIR_BATCH):
        batch = [(a, b) for a, b in pairs[at:at + PAIR_BATCH]
                 if not (uf.find(a) == uf.find(b) and digests[a] == digests[b])]
        sets.need({i for pair in batch for i in pair})
        for a, b in batch:
            if uf.find(a) == uf.find(b) and digests[a] == digests[b]:
                continue
            if near_copies(sets[a], sets[b], settings=settings):
                uf.union(a, b)
    del pairs
    components: dict[str, list[str]] = {}
    for doc in ordered:
        components.setdefault(uf.find(doc.id), []).append(doc.id)
    return sorted(_groups([ids for ids in components.values() if len(ids) > 1], by_id, texts, digests),
                  key=lambda g: g.group_id)


def _groups(components: list[list[str]], by_id: Mapping[str, DupDoc], texts: TextsOf,
            digests: Mapping[str, str | None]) -> Iterator[DuplicateGroup]:
    """The groups of ``components``, whose texts are read a batch of :data:`PAIR_BATCH` members at a time."""
    at = 0
    while at < len(components):
        batch: list[list[str]] = []
        size = 0
        while at < len(components) and (not batch or size + len(components[at]) <= PAIR_BATCH):
            batch.append(components[at])
            size += len(components[at])
            at += 1
        found = texts([i for ids in batch for i in ids])
        sets = {i: shingle_array(text) for i, text in found.items()}
        for ids in batch:
            yield _group([replace(by_id[i], text=found[i]) for i in ids], sets, digests)


def _group(members: list[DupDoc], sets: Mapping[str, Any], digest: Mapping[str, str | None]) -> DuplicateGroup:
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
        exact = digest[member.id] == digest[original.id]
        group.similarity[member.id] = 1.0 if exact else round(jaccard, 4)
        group.evidence[member.id] = {
            "match": "exact" if exact else "near", "original": original.id, "jaccard": round(jaccard, 4),
            "containment": round(containment, 4), "site": member.site,
            "passages": [] if exact else shared_passages(member.text, original.text)}
    return group
