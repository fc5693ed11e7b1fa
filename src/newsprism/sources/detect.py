"""Guess whether content is HTML or plain text."""

from __future__ import annotations

import re

from ..model import ContentKind

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|br|span|a|article|section|h[1-6])\b[^>]*>", re.I)


def detect_kind(content: str | bytes) -> ContentKind:
    """``"html"`` when ``content`` looks like markup, else ``"text"``.

    >>> detect_kind("<html><body><p>Hi</p></body></html>")
    'html'
    >>> detect_kind("Russia orders <b>troop</b> withdrawal.")
    'text'
    """
    head = content[:4096]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if _HTML_START.match(data):
        return "html"
    if len(_HTML_TAGS.findall(data)) >= 5:
        return "html"
    return "text"
