"""Per-paragraph language: trusted on sentences, never guessed on a few words."""

from __future__ import annotations

import pytest

from newsprism.clean.language import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("The government said on Monday that the talks would resume next week in Geneva.", "en"),
    ("Putin declara la ley marcial en las regiones anexionadas mientras evacúa la ciudad de Jersón", "es"),
    ("Le gouvernement a annoncé lundi que les négociations reprendraient la semaine prochaine.", "fr"),
    ("Die Regierung hat am Montag angekündigt, dass die Gespräche nächste Woche weitergehen.", "de"),
    # too short to judge: no language rather than a wrong one
    ("farewell banner", None),
    ("Alexei Pavlisak", None),
    ("Russian-Ukrainian War", None),
])
def test_language_detect(text: str, lang: str | None) -> None:
    assert detect_language(text)[0] == lang
