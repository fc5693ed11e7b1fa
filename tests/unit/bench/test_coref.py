"""The coreference scores of bench/_coref.py on tiny clusterings worked out by hand."""

from __future__ import annotations

import itertools
import random
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _coref as cr  # noqa: E402 - bench/ is a folder of scripts, not a package


def labels(*groups: str) -> dict[str, int]:
    """``labels("abc", "de")`` -> a, b, c in cluster 0; d, e in cluster 1."""
    return {item: n for n, group in enumerate(groups) for item in group}


# key {a,b,c} {d,e}; response {a,b} {c,d,e}:
#   MUC R = ((3-2) + (2-1)) / (2 + 1) = 2/3, P = ((2-1) + (3-2)) / (1 + 2) = 2/3
#   B3 R = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15, P = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15
#   CEAF-e: phi(abc, ab) = 4/5, phi(de, cde) = 4/5, so 8/5 over 2 clusters each = 4/5
# key {a,b,c} {d}; response {a,b,d} {c}: greedy takes phi(abc, abd) = 2/3 first and then
#   phi(d, c) = 0; the best alignment is phi(abc, c) + phi(d, abd) = 1/2 + 1/2 = 1
# all singletons against one key cluster {a,b,c}: MUC P has no link to find (0), R = 0
@pytest.mark.parametrize(
    ("key", "response", "muc", "b3", "ceaf"),
    [
        (("abc", "de"), ("ab", "cde"), (Fraction(2, 3), Fraction(2, 3)), (Fraction(11, 15), Fraction(11, 15)),
         (Fraction(4, 5), Fraction(4, 5))),
        (("abc", "d"), ("abd", "c"), (Fraction(1, 2), Fraction(1, 2)), (Fraction(2, 3), Fraction(2, 3)),
         (Fraction(1, 2), Fraction(1, 2))),
        (("abc",), ("a", "b", "c"), (0, 0), (1, Fraction(1, 3)), (Fraction(1, 6), Fraction(1, 2))),
        (("abc", "de"), ("abc", "de"), (1, 1), (1, 1), (1, 1)),            # the same clustering scores 1
        (("a", "b"), ("a", "b"), (0, 0), (1, 1), (1, 1)),                  # singletons: MUC has nothing to score
    ],
)
def test_coref_scores_by_hand(key: tuple[str, ...], response: tuple[str, ...], muc: tuple[float, float],
                              b3: tuple[float, float], ceaf: tuple[float, float]) -> None:
    k, r = labels(*key), labels(*response)
    for found, (precision, recall) in ((cr.muc(k, r), muc), (cr.bcubed(k, r), b3), (cr.ceaf_e(k, r), ceaf)):
        assert found.precision == pytest.approx(float(precision))
        assert found.recall == pytest.approx(float(recall))


def test_coref_conll_is_the_mean_of_three_f1s() -> None:
    k, r = labels("abc", "de"), labels("ab", "cde")
    assert cr.conll_f1(k, r) == pytest.approx((2 / 3 + 11 / 15 + 4 / 5) / 3)
    assert cr.scores(k, r)["conll_f1"] == pytest.approx((2 / 3 + 11 / 15 + 4 / 5) / 3, abs=1e-4)


def test_coref_items_must_agree() -> None:
    with pytest.raises(ValueError):
        cr.bcubed(labels("ab"), labels("abc"))


def _brute_force(key: dict[str, int], response: dict[str, int]) -> float:
    ks, rs = cr.clusters(key), cr.clusters(response)
    small, large = (ks, rs) if len(ks) <= len(rs) else (rs, ks)
    best = 0.0
    for chosen in itertools.permutations(range(len(large)), len(small)):
        best = max(best, sum(2 * len(small[i] & large[j]) / (len(small[i]) + len(large[j]))
                             for i, j in enumerate(chosen)))
    return best


@pytest.mark.parametrize("seed", range(30))
def test_coref_ceaf_alignment_is_optimal(seed: int) -> None:
    rng = random.Random(seed)
    items = "abcdefgh"[: rng.randint(2, 8)]
    key = {i: rng.randint(0, 3) for i in items}
    response = {i: rng.randint(0, 4) for i in items}
    found = cr.ceaf_e(key, response)
    assert found.recall * len(cr.clusters(key)) == pytest.approx(_brute_force(key, response))


def test_coref_linkage_single_chains_average_does_not() -> None:
    # a-b and b-c are close, a-c far: single link chains all three at 0.9,
    # average link joins c to {a, b} only at (0.9 + 0.1) / 2 = 0.5.
    sims = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.9], [0.1, 0.9, 1.0]])
    single, average = cr.agglomerate(sims, linkage="single"), cr.agglomerate(sims, linkage="average")
    assert [round(h, 3) for h, _, _ in single] == [0.9, 0.9]
    assert [round(h, 3) for h, _, _ in average] == [0.9, 0.5]
    assert len(set(cr.cut(3, single, 0.8))) == 1
    assert len(set(cr.cut(3, average, 0.8))) == 2
    assert len(set(cr.cut(3, average, 0.95))) == 3
