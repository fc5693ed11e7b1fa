"""How a full link run reads the corpus: in batches by id, never every article at once (#17).

A full run reads every stored article twice, a batch at a time (once for the
duplicate step, once for meaning vectors and story features), and keeps of each
article only what the steps over the whole corpus compare: its MinHash
signature (packed), its text minus furniture for the duplicate check, its
features, its entity rows, its lineage cue. The rows written for every article
(band keys above all, 43 to an article) are made while they are written.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from ..model import Article
from ..store.links import BandRow
from .delta import Corpus
from .duplicates import DupDoc, band_keys

#: Articles read at once.
BATCH = 1000


def article_batches(store: object, ids: Sequence[str], lines_of: Callable[[str], set[str]], *,
                    size: int = BATCH) -> Iterator[list[tuple[Article, Article]]]:
    """``(article as stored (slim), article minus its site's furniture)`` of ``ids``, ``size`` at a time."""
    for at in range(0, len(ids), size):
        corpus = Corpus(store, lines_of)
        corpus.load(ids[at:at + size])
        yield [(corpus.article(i), corpus.content(i)) for i in ids[at:at + size] if i in corpus.slim]


def packed(sig: Sequence[int]) -> array[int]:
    """A MinHash signature as 32-bit integers (a list of Python integers takes four times the memory)."""
    return array("I", sig)


def band_rows(docs: Iterable[DupDoc], sigs: Mapping[str, Sequence[int]]) -> Iterator[BandRow]:
    """The ``link_bands`` rows of ``docs`` (text minus furniture), as
    :func:`~newsprism.link.duplicates.band_keys` makes them from each signature and text."""
    for doc in docs:
        for key in band_keys(sigs[doc.id], doc.text):
            yield BandRow(key, doc.id)
