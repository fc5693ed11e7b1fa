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


#: Words found almost only in English text (no "a", "in", "an", "die", "no": other languages have them).
_ENGLISH_ONLY = frozenset(
    "the of and to is was for with that from are has have been were which would their they said this will "
    "after but not had who its about than also".split()
)
#: The probability reported for a paragraph taken as English without the identifier.
ENGLISH_SHORTCUT_SCORE = 0.99


def _plainly_english(words: list[str]) -> bool:
    """Plain English prose, by its function words: no need to ask the identifier (a third of cleaning's time).

    >>> _plainly_english("The council said that the budget was approved after the debate".split())
    True
    >>> _plainly_english("La retirada de Jersón fue anunciada el miércoles por el ministro".split())
    False
    """
    sample = words[:60]
    hits = sum(map(_ENGLISH_ONLY.__contains__, map(str.casefold, sample)))
    return hits >= 3 and hits * 5 >= len(sample)


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
    words = WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None, None
    if _plainly_english(words):
        return "en", ENGLISH_SHORTCUT_SCORE
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    prob = float(prob)
    if prob < MIN_CONFIDENCE:
        return None, round(prob, 3)
    return str(lang), round(prob, 3)
