from __future__ import annotations

import pytest
from _link_corpus import FLOOD, STRIKE

from newsprism.link.claims import quantity_of
from newsprism.model import Claim


@pytest.mark.parametrize(("text", "needle", "counted", "verb", "quantity"), [
    (FLOOD, "about 42,000", "people", "forcing", "evacuated"),   # from the words after the figure
    (FLOOD, "four", None, None, "dead"),
    ("Some 115,000 residents were evacuated.", "115,000", "residents evacuated", "evacuated", "evacuated"),
    ("At least 11 people were killed.", "11", "people killed", "killed", "dead"),
    (STRIKE, "3,500", None, None, "strikers"),
    ("The index rose by 12 points.", "12", None, None, None),    # nothing to align
    ("The number killed rose to nine, seven in Romania and 80,000 were evacuated.", "seven", None, None, "dead"),
])
def test_claims_quantity(text: str, needle: str, counted: str | None, verb: str | None,
                         quantity: str | None) -> None:
    start = text.index(needle)
    claim = Claim(start=start, end=start + len(needle), text=needle, value=0.0, value_text=needle,
                  counted=counted, verb=verb)
    assert quantity_of(claim, text) == quantity
