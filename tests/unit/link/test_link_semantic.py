"""Meaning vectors: unit length, stable in the store, same story close across languages."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.link import semantic


@pytest.mark.issue(11)
def test_semantic_same_story_closer_than_another_across_languages() -> None:
    flood_en = "Floods on the Danube force 42,000 people from their homes near Galati"
    flood_de = "Hochwasser an der Donau: 42.000 Menschen bei Galati müssen ihre Häuser verlassen"
    strike_en = "Rotterdam dockworkers walk out over pay, halting container terminals"
    en, de, other = semantic.encode([flood_en, flood_de, strike_en])
    assert en is not None and de is not None and other is not None
    assert abs(float(np.linalg.norm(en)) - 1.0) < 1e-5
    assert float(en @ de) > float(en @ other) + 0.2


def test_semantic_store_form_round_trips_and_empty_text_has_no_vector() -> None:
    (vector, empty) = semantic.encode(["Floods on the Danube", "   "])
    assert vector is not None and empty is None
    back = semantic.from_text(semantic.to_text(vector))
    assert back.dtype == np.float32 and float(back @ vector) > 0.999


def test_semantic_lead_is_headline_and_start_of_text() -> None:
    text = "x" * 2000
    assert semantic.lead("Title", text) == ("Title\n" + text)[:semantic.LEAD_CHARS]
    assert semantic.lead(None, "short") == "short"
