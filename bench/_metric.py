"""The extraction benchmark's text-overlap metric, shared by the bench scripts.

It is the metric of the article-extraction benchmark that
``../shared/data/extraction-dev`` comes from (see its NOTICE.md):

1. lower-case the text and split it into runs of letters and digits
   (:func:`tokens`);
2. form overlapping 4-word shingles (a text of fewer than 4 words is one
   shingle of all its words; an empty text has none) (:func:`shingles`);
3. per page, precision, recall and F1 of the prediction's shingle multiset
   against the gold one (:func:`shingle_prf`);
4. over a set of pages (:func:`corpus_prf`), every page weighted equally:
   precision is the mean over pages whose prediction is not empty, recall the
   mean over pages whose gold text is not empty, F1 the harmonic mean of those
   two means (as the benchmark's ``evaluate.py`` computes it), and the number
   of pages whose prediction came back empty.

>>> shingle_prf("The cat sat on the mat.", "the cat sat on the mat")
(1.0, 1.0, 1.0)
>>> tokens("It's 3.5% — ok?")
['it', 's', '3', '5', 'ok']
>>> corpus_prf([("a b c d e", "a b c d"), ("", "x y z w")]).empty
1
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+")  # a run of letters and digits, in any script

SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Lower-cased runs of letters and digits of ``text``."""
    return _TOKEN.findall(text.lower())


def shingles(text: str, *, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of overlapping ``n``-word shingles of ``text``."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _counts(pred: str, gold: str) -> tuple[int, int, int]:
    """True positives, predicted and gold shingle counts."""
    pred_sh, gold_sh = shingles(pred), shingles(gold)
    return sum((pred_sh & gold_sh).values()), sum(pred_sh.values()), sum(gold_sh.values())


def shingle_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``pred`` against ``gold`` over shingle multisets.

    Args:
        pred: The extracted text.
        gold: The reference text.

    Returns:
        ``(precision, recall, f1)`` for this one page. Two empty texts score
        1.0 each; an empty prediction (or gold) against a non-empty one scores
        0.0 each.
    """
    common, n_pred, n_gold = _counts(pred, gold)
    if not n_pred and not n_gold:
        return 1.0, 1.0, 1.0
    precision = common / n_pred if n_pred else 0.0
    recall = common / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


@dataclass(frozen=True, slots=True)
class Scores:
    """Page-weighted benchmark figures over a set of pages."""

    precision: float
    recall: float
    f1: float
    pages: int
    empty: int


def corpus_prf(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Benchmark figures over ``(pred, gold)`` pairs, every page weighted equally.

    Precision is averaged over pages with a non-empty prediction and recall
    over pages with a non-empty gold text, as the benchmark does; an empty
    prediction therefore costs recall, not precision, and is counted in
    ``empty``.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    pages = empty = 0
    for pred, gold in pairs:
        pages += 1
        common, n_pred, n_gold = _counts(pred, gold)
        both_empty = not n_pred and not n_gold
        if not n_pred:
            empty += 1
        if n_pred or both_empty:
            precisions.append(1.0 if both_empty else common / n_pred)
        if n_gold or both_empty:
            recalls.append(1.0 if both_empty else common / n_gold)
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision=precision, recall=recall, f1=f1, pages=pages, empty=empty)
