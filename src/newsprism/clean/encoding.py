"""Decoding bytes of unknown encoding."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a NUL inside a declared charset ("utf-8\x00")
        return None


def decode(data: bytes, *, declared: str | None = None, is_html: bool = False) -> tuple[str, str | None]:
    """Decode ``data``; returns the text and a note when the encoding had to be guessed.

    Order: a byte-order mark, the declared encoding, a ``<meta charset>`` in HTML,
    UTF-8, then charset-normalizer's guess, then UTF-8 with replacement characters.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, "replace"), None
    candidates: list[str | None] = [_known(declared)]
    if is_html and (m := _META_CHARSET.search(data[:4096])):
        candidates.append(_known(m.group(1).decode("ascii", "ignore")))
    candidates.append("utf-8")
    for candidate in candidates:
        if candidate is None:
            continue
        try:
            return data.decode(candidate), None
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace"), f"encoding not declared or wrong; decoded as {best.encoding}"
    except ImportError:  # charset-normalizer comes with httpx's dependencies; be safe anyway
        pass
    return data.decode("utf-8", "replace"), "undecodable bytes replaced with U+FFFD"
