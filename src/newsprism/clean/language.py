"""Per-paragraph language identification with py3langid (model in the wheel).

No identifier is reliable on a few words ("farewell banner" comes out as
Luxembourgish), so lines under :data:`MIN_WORDS` words get no language, and
a language is trusted only above :data:`MIN_CONFIDENCE`. The caller never
judges a line by its language alone.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .resources import WORD

#: Fewer words than this and the language is left unknown.
MIN_WORDS = 5
#: Characters looked at: py3langid's cost grows with length, its answer stops changing long before.
SAMPLE_CHARS = 400
#: Probability under which a detected language is not trusted.
MIN_CONFIDENCE = 0.9


@cache
def _identifier() -> Any:
    """py3langid's identifier with probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> tuple[str, float]:
    """py3langid's best guess and its probability, with no threshold (for callers with other evidence)."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """The language of ``text`` and its probability, or ``(None, None)`` when unsure.

    >>> detect_language("The government said on Monday that the talks would resume next week.")[0]
    'en'
    """
    if len(WORD.findall(text)) < MIN_WORDS:
        return None, None
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    prob = float(prob)
    if prob < MIN_CONFIDENCE:
        return None, round(prob, 3)
    return str(lang), round(prob, 3)
