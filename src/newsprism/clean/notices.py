"""Site notices in any language: cookie and consent banners, ad-block and access-block pages, paywalls.

Scraped text often opens or ends with what the site says to its reader rather
than the story: "We use cookies...", "Utilizamos cookies propias...", "Przykro
nam, ale z adresu IP...", "TAKE A FREE TRIAL. Registered users can read up to 3
reports". Two unrelated articles behind the same banner look alike to any
similarity measure, so the link stage compares texts without them.

A sentence is a notice when it holds two cues, or one *strong* cue (a word
news prose about anything else almost never uses: cookies, ad blocker,
captcha, "your IP address", JavaScript) in a sentence of at most 25 words.
*Weak* cues are consent, privacy, log in, subscribe, newsletter, free trial,
browser, this website, advertising, "you" addressing the reader..., all from
the multilingual lexicon in :mod:`newsprism.clean.resources`. The
sentence split is the text's own punctuation and line breaks, so it works in
any script.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from .resources import NOTICE_STRONG, NOTICE_WEAK

#: Sentence ends: a full stop, question or exclamation mark (Latin, Arabic, CJK) or a line break.
#: A sentence of at most this many words needs only one strong cue.
_SHORT = 25
#: A sentence this short that opens or closes the text next to a notice is part of the banner.
_EDGE_WORDS = 3
_SENTENCE = re.compile(r"[^.!?。！？؟\n]*(?:[.!?。！？؟]+|\n|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, whitespace kept with the sentence before it."""
    spans = []
    for match in _SENTENCE.finditer(text):
        if match.end() > match.start():
            spans.append(match.span())
    return spans


def is_notice(sentence: str) -> bool:
    """Whether a sentence speaks to the site's reader about the site (cookies, ad blockers, access, paywalls).

    >>> is_notice("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.")
    True
    >>> is_notice("The regulator said on Tuesday that the company had for years tracked millions of people "
    ...           "across thousands of other sites with cookies, without ever asking them first.")
    False
    >>> is_notice("The storm cut power to 40,000 homes.")
    False
    """
    strong = len(NOTICE_STRONG.findall(sentence))
    weak = len(NOTICE_WEAK.findall(sentence))
    return strong + weak >= 2 or (strong >= 1 and len(sentence.split()) <= _SHORT)


def notice_spans(text: str) -> list[tuple[int, int]]:
    """The notice sentences of ``text``, with what a banner leaves between them.

    1. Each sentence is judged by :func:`is_notice`.
    2. A sentence between two notices belongs to the banner ("Sie können auch zu
       Analysezwecken gesetzt werden."), as does a short one opening or closing
       the text next to a notice ("Learn more", "OK").
    3. When notices are at least half the text, the whole text is the notice:
       a cookie wall, an access-block or a paywall page.
    """
    spans = [span for span in sentences(text) if text[span[0]:span[1]].strip()]
    flags = [is_notice(text[start:end]) for start, end in spans]
    notice_chars = sum(end - start for (start, end), flag in zip(spans, flags, strict=True) if flag)
    if flags and notice_chars * 2 >= sum(end - start for start, end in spans):
        return spans
    marked = list(flags)
    for i in range(len(spans)):
        between = 0 < i < len(spans) - 1 and flags[i - 1] and flags[i + 1]
        edge = (i == 0 and len(flags) > 1 and flags[1]) or (i == len(flags) - 1 and i > 0 and flags[i - 1])
        if between or (edge and len(text[spans[i][0]:spans[i][1]].split()) <= _EDGE_WORDS):
            marked[i] = True
    return [span for span, mark in zip(spans, marked, strict=True) if mark]


def notice_bound(text: str, cues: Iterable[tuple[int, int]]) -> int:
    """At most how many characters :func:`notice_spans` gives for ``text``, told from ``cues``: the spans of every
    match of the strong and of the weak cue patterns over the whole of ``text``.

    A notice sentence holds a cue, and a match inside a sentence is a match of the whole text there (the
    patterns' only assertion is ``\\b``, and the character before a sentence, its predecessor's stop, is no word
    character): so the whole text's matches overlap every sentence that holds one. Only those sentences, those
    between two of them and the two ends next to one can be marked; when the sentences holding a cue make half
    the text, all of it may be. On a long line that names cookies twice among a thousand sentences, the
    sentences are not each searched with the two lexicons (#12, speed).

    >>> text = "We use cookies. The mayor spoke. The river rose."
    >>> notice_bound(text, [(7, 14)]) >= sum(end - start for start, end in notice_spans(text))
    True
    """
    spans = [span for span in sentences(text) if text[span[0]:span[1]].strip()]
    starts = [start for start, _ in spans]
    held = [False] * len(spans)
    for cue_start, cue_end in cues:
        i = max(bisect_right(starts, cue_start) - 1, 0)
        while i < len(spans) and spans[i][0] < cue_end:
            held[i] = held[i] or spans[i][1] > cue_start
            i += 1
    lengths = [end - start for start, end in spans]
    if any(held) and 2 * sum(n for n, flag in zip(lengths, held, strict=True) if flag) >= sum(lengths):
        return sum(lengths)
    last = len(spans) - 1
    return sum(n for i, n in enumerate(lengths) if held[i] or (0 < i < last and held[i - 1] and held[i + 1])
               or (i == 0 and last > 0 and held[1]) or (i == last and i > 0 and held[i - 1]))


def strip_notices(text: str) -> str:
    """``text`` without its notices (:func:`notice_spans`), the rest unchanged and in order.

    >>> strip_notices("The Danube burst its banks near Galati on Tuesday, forcing 42,000 people from their homes. "
    ...               "We use cookies to improve your experience. The water is still rising in the delta.")
    'The Danube burst its banks near Galati on Tuesday, forcing 42,000 people from their homes. The water is still rising in the delta.'
    >>> strip_notices("We use cookies. Accept all cookies to go on. Floods hit Galati.")
    ''
    """
    cut = notice_spans(text)
    if not cut:
        return text
    kept, at = [], 0
    for start, end in cut:
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()
