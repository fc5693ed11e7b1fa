"""On an HTML extractor's output the cleaner must not lower the extraction F1 (dev set, when present)."""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from newsprism.clean import clean_text

_TOKEN = re.compile(r"[^\W_]+")


def _folder() -> Path:
    override = os.environ.get("NEWSPRISM_SHARED")
    shared = Path(override) if override else Path(__file__).resolve().parents[3].parent / "shared"
    return shared / "data" / "extraction-dev"


def _f1(gold: str, pred: str) -> float:
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = _TOKEN.findall(text.lower())
        return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)))
    true, got = shingles(gold), shingles(pred)
    tp = sum((true & got).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(got.values()), tp / sum(true.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.shared_data
def test_dev_set_cleaning_extractor_output_does_not_lower_f1() -> None:
    folder = _folder()
    if not (folder / "ground-truth.json").exists():
        pytest.skip(f"the extraction dev set is not at {folder} (set NEWSPRISM_SHARED)")
    trafilatura = pytest.importorskip("trafilatura")
    golds = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    before = after = 0.0
    keys = sorted(golds)[:12]
    for key in keys:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        text = trafilatura.extract(html) or ""
        cleaned = clean_text(text, content_kind="html").text
        assert cleaned.strip() or not text.strip()
        before += _f1(golds[key]["articleBody"], text)
        after += _f1(golds[key]["articleBody"], cleaned)
    assert after >= before - 0.002 * len(keys)
