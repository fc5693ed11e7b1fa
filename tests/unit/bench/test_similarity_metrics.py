"""The pair-similarity metrics and lexical baselines (bench/_similarity.py) on values worked out by hand."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _similarity as sim  # noqa: E402 - bench/ is a folder of scripts, not a package

SCORES = [0.9, 0.8, 0.7, 0.6]
LABELS = [True, False, True, False]


@pytest.mark.parametrize(
    ("xs", "ys", "expected"),
    [
        ([1, 2, 3], [2, 4, 6], 1.0),
        ([1, 2, 3], [3, 2, 1], -1.0),
        # means 2.5; deviations (-1.5, -.5, .5, 1.5) and (-1.5, .5, -.5, 1.5): 4 / sqrt(5 * 5)
        ([1, 2, 3, 4], [1, 3, 2, 4], 0.8),
        ([1, 2, 3], [5, 5, 5], 0.0),   # a constant side: no correlation, not a division by zero
        ([], [], 0.0),
    ],
)
def test_similarity_pearson(xs: list[float], ys: list[float], expected: float) -> None:
    assert sim.pearson(xs, ys) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([10, 20, 20, 5], [2.0, 3.5, 3.5, 1.0]),
        ([1, 1, 1], [2.0, 2.0, 2.0]),
        ([3, 2, 1], [3.0, 2.0, 1.0]),
    ],
)
def test_similarity_average_ranks_share_ties(values: list[float], expected: list[float]) -> None:
    assert sim.average_ranks(values) == expected


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        # positives .9 and .7 against negatives .8 and .6: 3 of the 4 pairs ordered right
        (SCORES, LABELS, 0.75),
        ([0.9, 0.8, 0.1, 0.2], [True, True, False, False], 1.0),
        ([0.1, 0.2, 0.9, 0.8], [True, True, False, False], 0.0),
        ([0.5, 0.5], [True, False], 0.5),                          # a tie counts half
        ([0.5, 0.5, 0.7], [True, False, False], 0.25),             # .5 vs .5 half, .5 vs .7 none: .5 / 2
    ],
)
def test_similarity_roc_auc(scores: list[float], labels: list[bool], expected: float) -> None:
    assert sim.roc_auc(scores, labels) == pytest.approx(expected)


def test_similarity_roc_auc_undefined_on_one_class() -> None:
    assert math.isnan(sim.roc_auc([0.1, 0.2], [True, True]))


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (0.9, 2 / 3),   # tp 1, fp 0, fn 1
        (0.75, 0.5),    # tp 1, fp 1, fn 1
        (0.7, 0.8),     # tp 2, fp 1, fn 0
        (0.6, 2 / 3),   # tp 2, fp 2, fn 0
        (0.95, 0.0),    # nothing predicted
    ],
)
def test_similarity_f1_at(threshold: float, expected: float) -> None:
    assert sim.f1_at(SCORES, LABELS, threshold) == pytest.approx(expected)


def test_similarity_best_threshold_is_the_best_f1() -> None:
    assert sim.best_threshold(SCORES, LABELS) == (0.7, pytest.approx(0.8))
    # tied scores fall on the same side: the only thresholds are .5 (F1 2/3) and .2 (F1 .5)
    assert sim.best_threshold([0.5, 0.5, 0.2], [True, False, False]) == (0.5, pytest.approx(2 / 3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haus", [" hau", "haus", "aus "]),
        ("ab", [" ab "]),                       # a padded word of 4 characters or fewer is one term
        ("Straße, 2020!", [" str", "stra", "traß", "raße", "aße ", " 202", "2020", "020 "]),  # punctuation splits
        ("świat", [" świ", "świa", "wiat", "iat "]),
    ],
)
def test_similarity_char_terms_stay_inside_words(text: str, expected: list[str]) -> None:
    assert sim.char_terms(text) == expected


def test_similarity_tfidf_by_hand() -> None:
    model = sim.TfIdf(["a b", "a c"])
    # idf: a = ln(3/3) + 1 = 1, b = c = ln(3/2) + 1; "a b" is (1, 1.405) normalised
    b = math.log(1.5) + 1
    assert model.cosine("a b", "a c") == pytest.approx(1 / (1 + b * b))
    assert model.cosine("a b", "a b") == pytest.approx(1.0)
    assert model.cosine("b", "c") == 0.0
    # sublinear tf: "a a" weighs a by 1 + ln 2, and is still the unit vector of "a"
    assert model.cosine("a a", "a") == pytest.approx(1.0)
