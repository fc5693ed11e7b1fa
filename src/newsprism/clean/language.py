"""Per-paragraph language identification with py3langid (model in the wheel).

No identifier is reliable on a few words ("farewell banner" comes out as
Luxembourgish), so lines under :data:`MIN_WORDS` words get no language, and
a language is trusted only above :data:`MIN_CONFIDENCE`. The caller never
judges a line by its language alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
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
    return _plain_share(_english_hits(sample), len(sample))


def _plain_share(hits: int, words: int) -> bool:
    """Whether ``hits`` English function words among ``words`` make plain English prose (a fifth, three at least)."""
    return hits >= 3 and hits * 5 >= words


def _english_hits(words: list[str]) -> int:
    return sum(map(_ENGLISH_ONLY.__contains__, map(str.casefold, words)))


@cache
def _identifier() -> Any:
    """py3langid's identifier with probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=512)
def _classify(text: str) -> tuple[str, float]:
    """py3langid's answer for ``text``, remembered until :func:`forget_answers`: cleaning asks about some texts
    of a document twice (a headline judged as a possible foreign link, then given its language; the sample of a
    one-line document), and on the second dev set one call in eight repeated one made for the same document, at
    about a fifth of a millisecond each (#12, speed)."""
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def forget_answers() -> None:
    """Forget the identifier's remembered answers: cleaning calls this before each document, so that only what
    one document asks twice is answered from memory (and a benchmark's passes over the same pages find
    nothing known)."""
    _classify.cache_clear()


def guess_language(text: str) -> tuple[str, float]:
    """py3langid's best guess and its probability, with no threshold (for callers with other evidence)."""
    return _classify(text[:SAMPLE_CHARS])


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
    lang, prob = _classify(text[:SAMPLE_CHARS])
    if prob < MIN_CONFIDENCE:
        return None, round(prob, 3)
    return str(lang), round(prob, 3)


#: Lines identified together: a block is closed once its lines hold this many characters.
BLOCK_CHARS = 3 * SAMPLE_CHARS


def line_languages(texts: Sequence[str], *, doc_lang: str | None,
                   words: Sequence[list[str]] | None = None) -> list[tuple[str | None, float | None]]:
    """The language of each line of one document, asking the identifier about blocks of lines, not each line.

    Lines too short to tell, or plainly English, are answered at once. The others are identified in
    blocks of consecutive lines holding :data:`BLOCK_CHARS` characters, from one sample that takes an
    equal share of each line: when the block is surely in ``doc_lang`` (the language of the document's
    longest prose), each of its lines is given that language and the block's probability; a block in
    another language, or an unsure one, is identified line by line, so a comment in another language
    than the story is still told apart. Asking the identifier about every line was an eighth of
    cleaning's time on HTML pages (#12); with no ``doc_lang``, every line is asked alone. ``words``, when given, are each line's words as :data:`WORD` finds them.

    >>> line_languages(["Breaking news", "The council said that the budget was approved."], doc_lang="en")
    [(None, None), ('en', 0.99)]
    """
    if doc_lang is None:  # no story language for blocks to agree with
        return [detect_language(text) for text in texts]
    found: list[tuple[str | None, float | None]] = [(None, None)] * len(texts)
    block: list[int] = []
    chars = 0
    for i, text in enumerate(texts):
        line_words = words[i] if words is not None else WORD.findall(text)
        if len(line_words) < MIN_WORDS:
            continue
        sample = line_words[:60]
        hits = _english_hits(sample)  # counted once, for both tests (#12, speed)
        if _plain_share(hits, len(sample)):  # _plainly_english, its count kept for the test below
            found[i] = ("en", ENGLISH_SHORTCUT_SCORE)
            continue
        if doc_lang == "en" and not hits:
            # a line of an English story with not one of its function words is asked alone: a German
            # comment under the story ("Danke für die Mühe"), the citation of a German paper
            found[i] = detect_language(text)
            continue
        block.append(i)
        chars += len(text)
        if chars >= BLOCK_CHARS:
            _identify_block([texts[j] for j in block], block, found, doc_lang=doc_lang)
            block, chars = [], 0
    if block:
        _identify_block([texts[j] for j in block], block, found, doc_lang=doc_lang)
    return found


def _identify_block(texts: list[str], indexes: list[int], found: list[tuple[str | None, float | None]], *,
                    doc_lang: str) -> None:
    if len(texts) > 1:
        share = max(SAMPLE_CHARS // len(texts), 1)
        lang, prob = _classify(" ".join(text[:share] for text in texts))
        if lang == doc_lang and prob >= MIN_CONFIDENCE:
            for i in indexes:
                found[i] = (doc_lang, round(prob, 3))
            return
    for i, text in zip(indexes, texts, strict=True):
        found[i] = detect_language(text)
