"""Reading: a RawDocument becomes an Article with raw text and metadata.

1. Bytes are decoded (declared encoding, then UTF-8, then a detected one).
2. HTML goes through the extractor (:mod:`newsprism.clean.html`), which
   finds the main text and the page metadata.
3. Text is taken as it is; the ``clean.text`` stage does the rest.

Problems are recorded as issues on the article; nothing here raises for a bad
document.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from ..codes import Code
from ..config import Settings
from ..model import Article, Issue, RawDocument, article_id, article_key
from .encoding import decode
from .urls import normalize_url

# Lone surrogates (a JSON "\ud800" escape, for one) cannot be encoded as UTF-8, so no store,
# JSON output or terminal can take them: they become U+FFFD here, before any offset is computed.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(raw: RawDocument) -> RawDocument:
    def fix(value: str | None) -> str | None:
        return _SURROGATE.sub("\ufffd", value) if value else value

    content = _SURROGATE.sub("\ufffd", raw.content) if isinstance(raw.content, str) else raw.content
    meta = {str(fix(k)): str(fix(v)) for k, v in raw.meta.items()}
    return dataclasses.replace(raw, content=content, title=fix(raw.title), url=fix(raw.url),
                               published=fix(raw.published), fetched=fix(raw.fetched), meta=meta)


def _host(url: str) -> str | None:
    """The host of a URL without ``www.``: the site name when the page gives none."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


#: Hints a source may carry (a JSON Lines field, a WARC header) for fields the page did not declare.
_SITE_HINTS = ("site", "site_name", "publisher", "outlet", "source_name")
_LANG_HINTS = ("lang", "language")


def _take_hints(fields: dict[str, object], meta: Mapping[str, str]) -> None:
    """Fill the site and language from the source's hints where the page itself gave none."""
    from .html import primary_language

    site = next((meta[k].strip() for k in _SITE_HINTS if meta.get(k, "").strip()), None)
    if site and not fields.get("site"):
        fields["site"] = site
    # Two-letter codes only: a WARC's detected language is ISO 639-3 ("eng", "deu,eng"), not ours.
    lang = next((code for k in _LANG_HINTS if len(code := primary_language(meta.get(k, "")) or "") == 2), None)
    if lang and not fields.get("lang"):
        fields["lang"] = lang


def read_document(raw: RawDocument, *, settings: Settings) -> Article:
    """Read ``raw`` into an :class:`Article` whose ``raw_text`` and ``text`` are set."""
    issues: list[Issue] = []
    raw = _without_surrogates(raw)
    if isinstance(raw.content, bytes):
        text, note = decode(raw.content, declared=raw.encoding, is_html=raw.kind == "html")
        if note:
            issues.append(Issue(code=Code.ENCODING_GUESSED, message=note, stage="read"))
    else:
        text = raw.content
    fields: dict[str, object] = {}
    if raw.kind == "html":
        from .html import extract_html

        extracted = extract_html(text, url=raw.url, budget=settings.read_budget)
        fields = extracted.fields
        text = extracted.text
        issues.extend(extracted.issues)
    if len(text) > settings.max_text_chars:
        issues.append(Issue(
            code=Code.TEXT_CUT,
            message=f"text of {len(text):,} characters cut to max_text_chars={settings.max_text_chars:,}",
            stage="read",
        ))
        text = text[: settings.max_text_chars]
    if not text.strip():
        issues.append(Issue(code=Code.NO_TEXT, message="no text found in the document", stage="read"))
    url = normalize_url(raw.url) if raw.url else None
    canonical = fields.pop("canonical_url", None)
    canonical_url = normalize_url(str(canonical)) if canonical else None
    key = article_key(canonical_url=canonical_url or url, text=text)
    _take_hints(fields, raw.meta)
    if not fields.get("site") and (canonical_url or url):
        fields["site"] = _host(canonical_url or url or "")
    title = fields.pop("title", None) or raw.title
    published = raw.published or fields.pop("published", None)
    fields.pop("published", None)
    return Article(
        id=article_id(key),
        text=text,
        raw_text=text,
        source=raw.source,
        url=url,
        canonical_url=canonical_url,
        title=str(title) if title else None,
        published=str(published) if published else None,
        fetched=raw.fetched,
        content_kind=raw.kind,
        issues=tuple(issues),
        **fields,  # type: ignore[arg-type]
    )
