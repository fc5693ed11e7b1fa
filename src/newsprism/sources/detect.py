"""Guess what a piece of content is: HTML, plain text, a feed, a WARC archive, or binary."""

from __future__ import annotations

import codecs
import re
from typing import Literal

from ..model import ContentKind

Format = Literal["html", "text", "feed", "warc", "gzip", "binary"]

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|br|span|a|article|section|h[1-6])\b[^>]*>", re.I)
# A feed's root element comes after an optional XML declaration, comments,
# processing instructions (stylesheets) and a doctype.
_FEED_START = re.compile(
    rb"^\s*(<\?xml[^>]*\?>\s*)?((<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>)\s*)*<(rss|feed|rdf:RDF)\b",
    re.I | re.S,
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters that never occur in text (tab, newlines, form feed and ESC aside).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                      "application/xml", "text/xml", "application/feed+json")


def detect_kind(content: str | bytes) -> ContentKind:
    """``"html"`` when ``content`` looks like markup, else ``"text"``.

    >>> detect_kind("<html><body><p>Hi</p></body></html>")
    'html'
    >>> detect_kind("Russia orders <b>troop</b> withdrawal.")
    'text'
    """
    head = content[:4096]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if _HTML_START.match(data):
        return "html"
    if len(_HTML_TAGS.findall(data)) >= 5:
        return "html"
    return "text"


def looks_binary(head: bytes) -> bool:
    """True when ``head`` (the first few kilobytes) cannot be text in any common encoding.

    UTF-16 text with a byte-order mark is text even though it holds NUL bytes.

    >>> looks_binary(b"GIF89a\\x15\\x00\\x15\\x00")
    True
    >>> looks_binary("Kherson, 9 November".encode("utf-8"))
    False
    """
    if head.startswith(_BOMS):
        return False
    if b"\x00" in head:
        return True
    # A few stray control bytes occur in scraped text; a binary file has many.
    return len(_CONTROL.findall(head[:8192])) > max(8, len(head[:8192]) // 100)


def looks_like_feed(head: bytes) -> bool:
    """True when ``head`` starts like an RSS, Atom or RDF feed.

    >>> looks_like_feed(b'<?xml version="1.0"?><rss version="2.0"><channel>')
    True
    >>> looks_like_feed(b"<html><body>rss</body></html>")
    False
    """
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8")
    return bool(_FEED_START.match(head[:8192]))


def sniff_format(head: bytes) -> Format:
    """Guess the format of content from its first bytes (a few kilobytes are enough).

    >>> sniff_format(b"WARC/1.0\\r\\nWARC-Type: warcinfo\\r\\n")
    'warc'
    >>> sniff_format(b"\\x1f\\x8b\\x08\\x00")
    'gzip'
    """
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if looks_binary(head):
        return "binary"
    return detect_kind(head)
