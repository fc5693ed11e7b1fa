"""Pair-similarity metrics and lexical baselines shared by the bench scripts.

Metrics over parallel lists of scores and gold values:

1. :func:`pearson`: Pearson correlation (0.0 when either side is constant);
2. :func:`average_ranks`: 1-based ranks, ties sharing their mean rank;
3. :func:`roc_auc`: area under the ROC curve of scores against boolean labels
   (the Mann-Whitney statistic: a tie between a positive and a negative counts half);
4. :func:`best_threshold` and :func:`f1_at`: F1 of "score >= threshold" as the
   positive class, and the threshold that maximises it.

Baselines: :class:`TfIdf`, a TF-IDF cosine with sublinear term frequency and
smoothed IDF (as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``) over
lower-cased word tokens (:func:`word_terms`) or character 4-grams taken inside
word boundaries (:func:`char_terms`, as ``analyzer="char_wb"``).

>>> round(pearson([1, 2, 3, 4], [1, 3, 2, 4]), 6)
0.8
>>> roc_auc([0.9, 0.8, 0.7, 0.6], [True, False, True, False])
0.75
>>> char_terms("Haus")
[' hau', 'haus', 'aus ']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits, in any script


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation of ``xs`` and ``ys``; 0.0 when either is constant or empty."""
    if not xs:
        return 0.0
    mx, my = math.fsum(xs) / len(xs), math.fsum(ys) / len(ys)
    cov = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(math.fsum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(math.fsum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else 0.0


def average_ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks of ``values`` in ascending order; tied values share their mean rank.

    >>> average_ranks([10, 20, 20, 5])
    [2.0, 3.5, 3.5, 1.0]
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve; NaN when the labels are all of one kind."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return math.nan
    rank_sum = math.fsum(r for r, label in zip(average_ranks(scores), labels, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def f1_at(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> float:
    """F1 of predicting positive when ``score >= threshold``."""
    tp = sum(1 for s, label in zip(scores, labels, strict=True) if s >= threshold and label)
    fp = sum(1 for s, label in zip(scores, labels, strict=True) if s >= threshold and not label)
    return _f1(tp, fp, sum(labels) - tp)


def best_threshold(scores: Sequence[float], labels: Sequence[bool]) -> tuple[float, float]:
    """The threshold (one of the scores) with the highest F1, and that F1.

    Ties go to the higher threshold.

    >>> best_threshold([0.9, 0.8, 0.7, 0.6], [True, False, True, False])
    (0.7, 0.8)
    """
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    positives = sum(labels)
    best, best_f1 = (pairs[0][0] if pairs else 0.0), -1.0
    tp = fp = 0
    for i, (score, label) in enumerate(pairs):
        tp, fp = tp + label, fp + (not label)
        if i + 1 < len(pairs) and pairs[i + 1][0] == score:
            continue  # a threshold keeps or drops all tied scores together
        f1 = _f1(tp, fp, positives - tp)
        if f1 > best_f1:
            best, best_f1 = score, f1
    return best, max(best_f1, 0.0)


def word_terms(text: str) -> list[str]:
    """Lower-cased runs of letters and digits (any script)."""
    return _WORD.findall(text.lower())


def char_terms(text: str, *, n: int = 4) -> list[str]:
    """Character ``n``-grams of each word padded with one space either side (a shorter word is one term)."""
    terms: list[str] = []
    for word in word_terms(text):
        padded = f" {word} "
        terms += [padded] if len(padded) <= n else [padded[i:i + n] for i in range(len(padded) - n + 1)]
    return terms


class TfIdf:
    """TF-IDF unit vectors with IDF fitted on a set of texts.

    >>> model = TfIdf(["a b", "a c"])
    >>> round(model.cosine("a b", "a b"), 6), model.cosine("b", "c")
    (1.0, 0.0)
    """

    def __init__(self, texts: Iterable[str], *, terms: Callable[[str], list[str]] = word_terms) -> None:
        self.terms = terms
        counts = [Counter(terms(text)) for text in texts]
        df = Counter(term for c in counts for term in c)
        n = len(counts)
        self.idf = {term: math.log((1 + n) / (1 + k)) + 1 for term, k in df.items()}
        self._unseen = math.log(1 + n) + 1  # a term outside the fitted texts: as if its df were 0

    def vector(self, text: str) -> dict[str, float]:
        """The unit-length vector of ``text``: (1 + ln tf) times IDF."""
        counts = Counter(self.terms(text))
        vector = {t: (1 + math.log(k)) * self.idf.get(t, self._unseen) for t, k in counts.items()}
        norm = math.sqrt(math.fsum(v * v for v in vector.values())) or 1.0
        return {t: v / norm for t, v in vector.items()}

    def cosine(self, a: str, b: str) -> float:
        """Cosine similarity of two texts."""
        va, vb = self.vector(a), self.vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        return math.fsum(v * vb.get(t, 0.0) for t, v in va.items())
