"""Shared strategies for the property tests: hostile text and markup of any shape.

Budgets: each property keeps ``max_examples`` small and a ``deadline``, so the
whole fuzz suite runs in about a minute on two cores.
"""

from __future__ import annotations

from hypothesis import strategies as st

#: Characters scraped text really holds, plus the hostile ones: right-to-left
#: text and marks, combining marks, NUL and other controls, zero-width and
#: bidi controls, lone surrogates, non-characters and astral symbols.
HOSTILE_CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["\u202e", "\u200f", "\u061c", "\u0301", "\u0308", "\u20dd", "\x00", "\x0b", "\x1b", "\u200b",
                     "\ufeff", "\ud800", "\udfff", "\ufffe", "\U0001f600", "\u05d0", "\u0627", "\r", "\n", "\u2028",
                     "\u00a0", "Ÿ", "“", "”", "«"]),
)
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_CHARS, st.sampled_from(["â€™", "Ã©", "&amp;", "\r\n", "e\u0301\u0301"])),
                        max_size=300).map("".join)
WORDS = st.sampled_from(["Kherson", "said", "the", "Putin", "on Monday", "“We will win,”", "115,000 residents",
                         "in Kyiv", "last September", "he said.", "Shoigu", "\n", "\n\n", "Share this:", "Photo: AFP",
                         "Read more:", "Khersonis", "مرحبا", "עברית", "e\u0301", "\x00", "\ud800", "10%", "$5 million"])
NEWSY_TEXT = st.lists(st.one_of(WORDS, HOSTILE_TEXT.map(lambda t: t[:20])), max_size=60).map(" ".join)

_TAGS = ["div", "p", "span", "a", "article", "script", "style", "figure", "figcaption", "table", "td", "h1", "b",
         "svg", "iframe", "noscript", "template", "meta", "br", "img", "li", "ul", "form", "textarea", "title"]
_ATTRS = st.sampled_from(['', ' class="caption"', ' onload="alert(1)"', ' href="javascript:alert(1)"',
                          ' id="related"', ' lang="ar" dir="rtl"', ' src="x" onerror="alert(1)"', ' class="\x00"',
                          ' style="x:expression(alert(1))"', " data-x='<script>'"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda tag, attrs, inner, close: f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if close else ""),
                     st.sampled_from(_TAGS), _ATTRS, children, st.booleans())


#: HTML of any shape: nested, unclosed, with scripts, entities, comments, CDATA and text of any kind.
HTML = st.recursive(
    st.one_of(NEWSY_TEXT, st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&#x10FFFF;", "&nbsp;", "<!-- x -->",
                                           "<![CDATA[ y ]]>", "<!DOCTYPE html>", "</div>", "<", ">", "&"])),
    lambda inner: st.lists(st.one_of(inner, _element(inner)), max_size=6).map("".join),
    max_leaves=40,
).map(lambda body: "<html><head><title>T</title></head><body>" + body + "</body></html>")
