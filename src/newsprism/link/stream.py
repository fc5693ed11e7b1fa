"""How a full link run reads the corpus: in batches by id, never every article at once (#17).

A full run reads every stored article twice, a batch at a time (once for the
duplicate step, once for meaning vectors and story features), and keeps of each
article only what the steps over the whole corpus compare: its MinHash
signature (packed) and content hash, its features, its entity rows, its lineage
cue. The duplicate check reads again the texts of the candidate pairs and group
members alone (:func:`texts_minus_furniture`). The rows written for every
article (band keys above all, 43 to an article, and signatures) are made while
they are written.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..model import Article
from ..store.links import BandRow, MinhashRow
from .delta import Corpus
from .duplicates import SIGNATURE_VERSION, TextsOf, band_keys
from .furniture import strip_furniture

#: Articles read at once.
BATCH = 1000


def article_batches(store: object, ids: Sequence[str], lines_of: Callable[[str], set[str]], *,
                    size: int | None = None) -> Iterator[list[tuple[Article, Article]]]:
    """``(article as stored (slim), article minus its site's furniture)`` of ``ids``, ``size`` (default
    :data:`BATCH`) at a time."""
    size = size or BATCH
    for at in range(0, len(ids), size):
        corpus = Corpus(store, lines_of)
        corpus.load(ids[at:at + size])
        yield [(corpus.article(i), corpus.content(i)) for i in ids[at:at + size] if i in corpus.slim]


def story_batches(stories: Mapping[str, Sequence[str]], *, size: int | None = None
                  ) -> Iterator[dict[str, Sequence[str]]]:
    """``stories`` (id -> member ids) by story id, in batches of about ``size`` members (default :data:`BATCH`;
    a story is never split): the claims step reads the members of a batch at a time."""
    size = size or BATCH
    batch: dict[str, Sequence[str]] = {}
    members = 0
    for story_id in sorted(stories):
        if batch and members + len(stories[story_id]) > size:
            yield batch
            batch, members = {}, 0
        batch[story_id] = stories[story_id]
        members += len(stories[story_id])
    if batch:
        yield batch


def packed(sig: Sequence[int]) -> array[int]:
    """A MinHash signature as 32-bit integers (a list of Python integers takes four times the memory)."""
    return array("I", sig)


def band_rows(ids: Iterable[str], sigs: Mapping[str, Sequence[int]],
              digests: Mapping[str, str | None]) -> Iterator[BandRow]:
    """The ``link_bands`` rows of ``ids``, as :func:`~newsprism.link.duplicates.band_keys` makes them from each
    signature and :func:`~newsprism.link.duplicates.text_digest` of the text minus furniture."""
    for i in ids:
        for key in band_keys(sigs[i], digest=digests[i]):
            yield BandRow(key, i)


def minhash_rows(ids: Iterable[str], sigs: Mapping[str, Sequence[int]], hashes: Mapping[str, str],
                 shingles: Mapping[str, str]) -> Iterator[MinhashRow]:
    """The ``link_minhash`` rows of ``ids``: each signature under the content hash of its text (minus
    furniture), with its packed shingles, as :func:`~newsprism.link.run._signatures` makes them."""
    for i in ids:
        yield MinhashRow(i, f"{SIGNATURE_VERSION}:{hashes[i]}", ",".join(map(str, sigs[i])), shingles[i])


def texts_minus_furniture(store: Any, sites: Mapping[str, str | None],
                          lines_of: Callable[[str], set[str]]) -> TextsOf:
    """Reads the clean texts of some articles (of ``sites``) and strips their site's furniture: the texts the
    duplicate check compares, as :meth:`~newsprism.link.delta.Corpus.content` makes them."""
    def read(ids: Collection[str]) -> dict[str, str]:
        return {i: strip_furniture(text, lines_of(sites[i] or "")) for i, text in store.article_texts(ids).items()}
    return read
