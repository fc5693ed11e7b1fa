"""The fact-extraction scoring rules (bench/_scoring.py) on tiny hand-made examples, and the dev set's integrity."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _scoring as sc  # noqa: E402 - bench/ is a folder of scripts, not a package

TEXT = 'Mayor Jane Roe said "we will rebuild the bridge soon" on Monday in Kherson.'
QUOTE = {"start": TEXT.index("we will"), "end": TEXT.index(' soon"') + 5}


def span(surface: str, **extra: object) -> dict[str, object]:
    start = TEXT.index(surface)
    return {"start": start, "end": start + len(surface), **extra}


@pytest.mark.parametrize(
    ("pred", "exact_tp", "lenient_tp"),
    [
        ([span("Jane Roe", label="PERSON")], 1, 1),                 # right span, right label
        ([span("Mayor Jane Roe", label="PERSON")], 0, 1),           # wider span: lenient only
        ([span("Jane Roe", label="ORG")], 0, 0),                    # wrong label counts nowhere
        ([span("Kherson", label="GPE")], 0, 0),                     # another entity entirely
        ([], 0, 0),
    ],
)
def test_scoring_entities_exact_and_lenient(pred: list[dict[str, object]], exact_tp: int, lenient_tp: int) -> None:
    gold = [span("Jane Roe", label="PERSON")]
    scores = sc.score_entities(gold, pred)
    assert scores["exact"].tp_gold == exact_tp
    assert scores["lenient"].tp_gold == lenient_tp
    assert scores["exact"].n_pred == len(pred)


@pytest.mark.parametrize(
    ("pred", "detected", "with_speaker"),
    [
        ({**QUOTE, "speaker": "Jane Roe"}, 1, 1),
        ({**QUOTE, "speaker": "Roe"}, 1, 1),                                     # surname accepted
        ({**QUOTE, "speaker": "Mayor"}, 1, 0),                                   # a title is not the speaker
        ({**QUOTE, "speaker": None}, 1, 0),
        ({**span("we will rebuild the bridge"), "speaker": "Jane Roe"}, 1, 1),   # 5 of 6 tokens
        ({**span("we will"), "speaker": "Jane Roe"}, 0, 0),                      # 2 of 6 tokens: too little
        ({**span("Monday in Kherson"), "speaker": "Jane Roe"}, 0, 0),            # elsewhere
    ],
)
def test_scoring_quotes_overlap_and_speaker(pred: dict[str, object], detected: int, with_speaker: int) -> None:
    gold = [{**QUOTE, "speaker": "Jane Roe"}]
    scores = sc.score_quotes(gold, [pred], TEXT)
    assert scores["detect"].tp_gold == detected
    assert scores["speaker"].tp_gold == with_speaker


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("Xavier Becerra", "Becerra", True),
        ("Recep Tayyip Erdoğan", "Erdogan", True),           # accents ignored
        ("Robert Downey Jr.", "Downey", True),               # suffix ignored
        ("Jonna Mendez", "Mendez's", True),                  # possessive dropped
        ("Jonna Mendez", "Jonna", False),                    # given name only: needs a listed variant
        ("Xavier Becerra", "Trump", False),
        (None, None, True),                                  # unknown speaker, none claimed
        (None, "Trump", False),
        ("Xavier Becerra", None, False),
    ],
)
def test_scoring_speaker_matches(gold: str | None, pred: str | None, expected: bool) -> None:
    assert sc.speaker_matches(gold, pred) is expected


def test_scoring_speaker_matches_listed_variant() -> None:
    assert sc.speaker_matches("Jonna Mendez", "Jonna", variants=["Jonna", "Jonna Mendez"])


@pytest.mark.parametrize(
    ("pred_value", "found", "exact"),
    [
        ("2022-11-07", 1, 1),
        ("2022-11-07T00:00", 1, 0),        # a different value string is not the exact value
        ("2022-11", 1, 0),
        (None, 1, 0),
    ],
)
def test_scoring_dates_detection_and_exact_value(pred_value: str | None, found: int, exact: int) -> None:
    gold = [span("Monday", value="2022-11-07", type="DATE")]
    scores = sc.score_dates(gold, [span("on Monday", value=pred_value)])
    assert scores["detect"].tp_gold == found
    assert scores["exact"].tp_gold == exact


def test_scoring_dates_exact_ignores_non_date_gold() -> None:
    gold = [span("Monday", value="2022-11-07", type="DATE"), span("soon", value="FUTURE_REF", type="DURATION")]
    pred = [span("Monday", value="2022-11-07"), span("soon", value="P1D")]
    scores = sc.score_dates(gold, pred)
    assert (scores["exact"].n_gold, scores["exact"].n_pred, scores["exact"].tp_pred) == (1, 1, 1)
    assert scores["detect"].tp_gold == 2


KHERSON = span("Kherson", lat=46.6354, lon=32.6169)


@pytest.mark.parametrize(
    ("pred", "within"),
    [
        (span("Kherson", lat=46.6354, lon=32.6169), 1),
        (span("Kherson", lat=47.5, lon=32.6), 1),         # about 96 km north: inside 161 km
        (span("Kherson", lat=48.2, lon=32.6), 0),         # about 174 km north: outside
        (span("Kherson", lat=50.45, lon=30.52), 0),       # Kyiv, 460 km away
        (span("Kherson", lat=None, lon=None), 0),         # found but not resolved
        (span("Monday", lat=46.6354, lon=32.6169), 0),    # right point, wrong words
    ],
)
def test_scoring_places_within_161km(pred: dict[str, object], within: int) -> None:
    scores = sc.score_places([KHERSON], [pred])
    assert scores["within_161km"].tp_gold == within
    assert scores["detect"].tp_gold == (1 if sc.char_overlap(KHERSON, pred) else 0)


def test_scoring_places_accepts_alternative_point() -> None:
    gold = [{**span("Kherson"), "lat": 49.0, "lon": 32.0, "alt": [[46.6354, 32.6169]]}]
    assert sc.score_places(gold, [span("Kherson", lat=46.64, lon=32.62)])["within_161km"].tp_gold == 1


def test_scoring_haversine_known_distance() -> None:
    # Paris to London is about 344 km
    assert 340 < sc.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 348


@pytest.mark.parametrize(
    ("pred_value", "matched"),
    [(115000.0, 1), (115500.0, 1), (116000.0, 0), (None, 0)],
)
def test_scoring_claims_value_tolerance(pred_value: float | None, matched: int) -> None:
    gold = [{"start": 0, "end": 10, "value": 115000.0, "counted": "residents evacuated"}]
    scores, counted = sc.score_claims(gold, [{"start": 2, "end": 8, "value": pred_value, "counted": "residents"}])
    assert scores["value"].tp_gold == matched
    assert len(counted) == matched
    if matched:
        assert counted[0] == pytest.approx(2 / 3)


def test_scoring_greedy_match_is_one_to_one() -> None:
    gold = [span("Jane Roe", label="PERSON")]
    pred = [span("Jane Roe", label="PERSON"), span("Jane Roe", label="PERSON")]
    scores = sc.score_entities(gold, pred)["lenient"]
    assert (scores.tp_gold, scores.tp_pred, scores.n_pred) == (1, 1, 2)
    assert scores.precision == 0.5 and scores.recall == 1.0


def test_scoring_counts_empty_are_zero_not_errors() -> None:
    counts = sc.Counts()
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


@pytest.mark.shared_data
def test_devset_offsets_and_hashes_match_the_texts() -> None:
    shared = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
    articles = shared / "data" / "wikinews" / "articles.jsonl"
    if not articles.exists():
        pytest.skip(f"Wikinews articles not found at {articles} (set NEWSPRISM_SHARED)")
    texts = {}
    for line in articles.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts[row["url"]] = row["text"]
    records = [json.loads(line) for line in (ROOT / "bench" / "devset" / "facts.jsonl").read_text().splitlines()]
    assert len(records) == 40
    for record in records:
        text = texts[record["url"]]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == record["sha256"]
        for layer in ("entities", "quotes", "times", "places", "claims"):
            for item in record[layer]:
                assert text[item["start"]:item["end"]] == item["text"], (record["url"], layer, item)
