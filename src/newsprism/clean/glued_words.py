"""Repair words glued together where a link or a tag lost its space.

Dictionary segmenters split every word they do not know, and news is full of
names they do not know ("Stremousov", "Komsomolskaya"). The rule here splits
only a token that looks glued *and* is unknown to wordfreq *and* occurs once
in the document, and only at one of four boundaries:

1. a closing quote before a capital ("decision’He"), or an opening quote
   after a letter ("said“We");
2. sentence punctuation with no space after it, between two known words
   ("insurmountable.just"), never in a domain or file name;
3. a case boundary ("EL ESPAÑOLRussian", "KhersonRussia") where both parts
   are known words or stand alone elsewhere in the document;
4. a short function word at the end ("Khersonis", "Shoiguto",
   "Crimeathe", "Khersonwhich") whose left part is known or stands alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .resources import DOMAIN_ENDINGS, GLUE_FUNCTION_WORDS, STOP_WORDS

_LETTERS = re.compile(r"[^\W\d_]+")
_CLOSE_QUOTE = re.compile(r"(?<=[^\W\d_]{2})[”’\"»](?=[A-Z][a-z])")
_OPEN_QUOTE = re.compile(r"(?<=[^\W\d_])[“‘«](?=[A-Z])")
_PUNCT_GLUE = re.compile(r"(?<![.\w/@:])([^\W\d_]{2,})([.!?])([^\W\d_]{3,})(?![.\w/@])")
_CASE_BOUNDARY = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-ZÀ-Þ])(?=[A-ZÀ-Þ][a-zà-ÿ])")
_MIN_LEFT = 4          # "Kan"+"is" is a name; "Kherson"+"is" is glued
_KNOWN_ZIPF = 1.5      # a name's left part known to wordfreq: "Shoigu" is 1.61
_COMMON_ZIPF = 3.0     # a lower-case word's left part must be an ordinary word
_RIGHT_ZIPF = 2.5      # right part after a case boundary: a common word or name
_PUNCT_ZIPF = 3.0
_BRAND_ZIPF = 4.2      # a CamelCase brand's first part is a common word: "Marine" is 4.53      # both sides of "insurmountable.just" are ordinary words


@dataclass(frozen=True, slots=True)
class Split:
    """Insert a space at ``index`` inside the token ``start:end`` of a line."""

    start: int
    end: int
    index: int
    reason: str


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of ``word`` (lower-cased), cached."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), lang))


@lru_cache(maxsize=64)
def knows_words(lang: str) -> bool:
    """Whether wordfreq can look up words of ``lang`` here.

    Japanese, Korean and Chinese need optional word segmenters (MeCab, jieba);
    without them there is nothing to repair glued words against, and text in
    those scripts has no spaces to restore anyway (``newsprism doctor`` says
    how to install them).
    """
    from wordfreq import zipf_frequency

    try:
        zipf_frequency("a", lang)
    except (ImportError, LookupError):  # the segmenter is missing, or wordfreq has no list for lang
        return False
    return True


def document_vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Lower-cased letter runs of a document and how often each occurs."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(m.group().lower() for m in _LETTERS.finditer(text))
    return counts


def find_glued(text: str, *, vocabulary: Counter[str], lang: str = "en") -> list[Split]:
    """Where spaces are missing in ``text`` (one line or paragraph).

    Args:
        text: The text to look at.
        vocabulary: Counts of the whole document's words (see :func:`document_vocabulary`).
        lang: Language of the word frequencies.

    Returns:
        The splits, in text order, at most one per position.

    >>> find_glued("the city of Khersonis the capital", vocabulary=Counter({"khersonis": 1}))
    [Split(start=12, end=21, index=19, reason='function word "is" glued to "Kherson"')]
    """
    if not knows_words(lang):
        return []
    splits: dict[int, Split] = {}
    for m in _CLOSE_QUOTE.finditer(text):
        splits[m.end()] = Split(m.start() - 2, m.end() + 1, m.end(), "closing quote glued to the next word")
    for m in _OPEN_QUOTE.finditer(text):
        splits[m.start()] = Split(m.start() - 1, m.end() + 1, m.start(), "opening quote glued to the word before")
    for m in _PUNCT_GLUE.finditer(text):
        left, right = m.group(1), m.group(3)
        if right.lower() in DOMAIN_ENDINGS or min(zipf(left, lang), zipf(right, lang)) < _PUNCT_ZIPF:
            continue
        splits[m.end(2)] = Split(m.start(), m.end(), m.end(2), f'no space after "{m.group(2)}"')
    for m in _LETTERS.finditer(text):
        word = m.group()
        if m.start() and text[m.start() - 1] in "#@":  # hashtags and handles are glued on purpose
            continue
        if len(word) < 6 or vocabulary.get(word.lower(), 0) > 1 or zipf(word, lang) > 0:
            continue
        split = _split_word(word, vocabulary=vocabulary, lang=lang)
        if split is not None:
            index, reason = split
            splits.setdefault(m.start() + index, Split(m.start(), m.end(), m.start() + index, reason))
    return [_whole_token(text, splits[i]) for i in sorted(splits)]


def _whole_token(text: str, split: Split) -> Split:
    """Widen a split's span to the whole space-delimited token ("decision’He", not "on’H")."""
    start, end = split.start, split.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Split(start, end, split.index, split.reason)


def _known(part: str, vocabulary: Counter[str], lang: str, threshold: float) -> bool:
    return zipf(part, lang) >= threshold or vocabulary.get(part.lower(), 0) > 0


def _split_word(word: str, *, vocabulary: Counter[str], lang: str) -> tuple[int, str] | None:
    """Where to split one unknown, once-seen word, if anywhere (rules 3 and 4)."""
    for m in _CASE_BOUNDARY.finditer(word):
        left, right = word[: m.start()], word[m.start():]
        if len(right) < 2 or not _known(right, vocabulary, lang, _RIGHT_ZIPF):
            continue
        if left.isupper() and len(left) >= 3 and _known(left, vocabulary, lang, _KNOWN_ZIPF):
            return m.start(), f'case boundary between "{left}" and "{right}"'
        # "JorgensenImage" is glued: its left part stands alone elsewhere in the document and is a
        # name, not a common word ("MarineTraffic", "VesselFinder" are brands) unless a sentence starts;
        # "LuaJIT" and "ThePrint" are names: an all-capital right part or a function word on the left
        if len(left) >= 3 and right[1:].islower() and vocabulary.get(left.lower(), 0) > 0 \
                and left.lower() not in STOP_WORDS \
                and (zipf(left, lang) < _BRAND_ZIPF or right.lower() in STOP_WORDS):
            return m.start(), f'case boundary between "{left}" and "{right}"'
        # a lower-case function word before a capital ("ofKherson", "theUkrainian") is glued;
        # brands that start so ("ThePrint") start with a capital
        if len(left) >= 2 and left.islower() and left in STOP_WORDS and right[1:].islower():
            return m.start(), f'case boundary between "{left}" and "{right}"'
    if not word[1:].islower():
        return None
    threshold = _KNOWN_ZIPF if word[0].isupper() else _COMMON_ZIPF
    best: tuple[float, int, str] | None = None
    lower = word.lower()
    for function_word in GLUE_FUNCTION_WORDS:
        if not lower.endswith(function_word) or len(word) - len(function_word) < _MIN_LEFT:
            continue
        left = word[: len(word) - len(function_word)]
        score = zipf(left, lang)
        if score >= threshold or vocabulary.get(left.lower(), 0) > 0:
            candidate = (score + vocabulary.get(left.lower(), 0), len(left), f'function word "{function_word}" glued to "{left}"')
            if best is None or candidate > best:
                best = candidate
    return (best[1], best[2]) if best else None
