"""Unicode repair and layout: the first cleaning pass."""

from __future__ import annotations

import re

from ..model import Article

_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def normalize_text(text: str) -> str:
    """Repair mojibake (ftfy), collapse runs of spaces and of blank lines."""
    import ftfy

    text = ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=False, normalization="NFC")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.splitlines())
    return _BLANKS.sub("\n\n", text).strip()


def normalize_article(article: Article) -> Article:
    """Apply :func:`normalize_text` to the article's raw text."""
    return article.replace(text=normalize_text(article.raw_text))
