"""HTML -> main text and page metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Issue


@dataclass(slots=True)
class HtmlExtract:
    """What the HTML extractor found: text, Article fields and issues."""

    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """Extract the main text and metadata of an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=False)
    if doc is None:
        return HtmlExtract(text="", issues=[Issue(code="E104", message="no main text found in the HTML page",
                                                  stage="read.html")])
    fields: dict[str, Any] = {
        "title": doc.title,
        "authors": tuple(a.strip() for a in (doc.author or "").split(";") if a.strip()),
        "published": doc.date,
        "site": doc.sitename,
        "description": doc.description,
        "image": doc.image,
        "tags": tuple(doc.tags or ()),
        "categories": tuple(doc.categories or ()),
        "canonical_url": doc.url,
        "lang": doc.language,
    }
    return HtmlExtract(text=doc.text or "", fields={k: v for k, v in fields.items() if v})
