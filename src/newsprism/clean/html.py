"""HTML -> main text and page metadata.

The page is parsed once with lxml. Our own cheap pass reads the metadata
(JSON-LD, OpenGraph and other ``<meta>`` tags, the canonical link, the
document language) and takes figure captions, photo credits, images and
related-article links out of the tree, so that they are kept as metadata and
never reach the body. trafilatura then finds the main text in the same tree.

Main-text cascade:

1. when the page marks its article block (``<article>``, ``itemprop=articleBody``,
   a class such as ``article-body``) and that block holds most of the page's
   paragraphs, trafilatura in fast mode on that block alone: a tree a few
   times smaller, so about 2.5x faster, and no less precise on the dev set;
2. else (or if 1 found fewer than ``fallback_chars`` characters) trafilatura in
   fast mode (no backup extractors) on the whole page: on the extraction dev
   set it scores as well as its full mode at about 1.5x the speed;
3. when that finds fewer than ``fallback_chars`` characters, trafilatura's
   full mode (readability and jusText as backups) on the same tree; the longer
   text wins;
4. a second candidate from readability (trafilatura's copy of readability-lxml)
   on the same tree, unless 1 gave the text (the page said where its article
   is), without the readers' comment sections, chosen over the first only
   when its prose score (:func:`prose_score`: characters in sentence-like
   lines, minus twice the characters in other lines) is
   :data:`SECOND_OPINION_MARGIN` times higher. Only the part of it from the
   first to the last line it shares with the first text is scored
   (:func:`shared_span`): text readability adds around trafilatura's is mostly
   what trafilatura cut on purpose (comments, other posts, related stories).
   Its lines are the page's paragraphs: a line break in the page's source is a
   space, as in a browser (old pages hard-wrap their paragraphs there).
   trafilatura's fast mode sometimes settles on one block of a page whose text
   is spread over several (old layouts with tables, blog posts whose title and
   date sit apart): on the 750 pages of the second dev set the chosen
   readability text raised the reading F1 from .901 to .914 (CleanEval pages
   .869 to .895), and held the first set (.967). A marked article block is
   trusted: a second opinion there helped neither set and cost half the pages
   of the first set a readability pass.

Why not trafilatura's own metadata: ``extract_metadata`` costs about as much
as the fast main-text extraction itself (author, tag and licence searches
over the whole tree); reading the declared metadata first and calling htmldate
only when no date is declared keeps the reading path faster than trafilatura
alone (see ``bench/extraction.py``).

Hostile input never raises: empty, binary, gigantic, too deeply nested or
broken markup gives an :class:`~newsprism.model.Issue` and an empty or
partial text.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from copy import copy, deepcopy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from lxml.etree import Element as AnyElement  # type: ignore[import-untyped]  # lxml ships no stubs
from lxml.etree import XPath

from ..codes import Code
from ..model import Issue, Link, MediaItem
from .page_kind import declared_kind, not_news
from .resources import ISO_639_1

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]  # lxml ships no stubs for lxml.html

LOGGER = logging.getLogger(__name__)

STAGE = "read.html"
#: Longer pages are cut: real article pages stay under a few megabytes, and
#: the extractor's time grows with the page.
MAX_HTML_CHARS = 5_000_000
#: Seconds (of CPU time) a page may take to read before the slower candidates are skipped (the ``read_budget`` setting):
#: the worst page of both extraction dev sets takes about 0.4 s, so no dev page is near it, and a
#: pathological page costs at most its first candidate, not three (#12).
READ_BUDGET = 1.0
#: Fast mode results shorter than this get a second, full-mode try.
FALLBACK_CHARS = 250
#: Share of the page's paragraphs a marked article block must hold to be extracted alone.
BLOCK_SHARE = 0.8
#: Share of the page's paragraphs its ``<aside>`` elements must hold to be read as blocks rather than dropped.
ASIDE_SHARE = 0.5
#: readability's text replaces trafilatura's only when its prose score is this many times higher.
SECOND_OPINION_MARGIN = 1.2
#: Pages with more elements than this get no second candidate: each pass costs time in proportion.
MAX_SECOND_OPINION_ELEMENTS = 20_000
#: A line of at least this many words that ends like a sentence (or twice as many words) is prose.
_PROSE_WORDS = 10
_MAX_ITEMS = 60  # media items and related links kept per page
#: JSON-LD blocks longer than this are skipped: article metadata is a few kB, and parsing a huge one costs time.
_MAX_JSONLD_CHARS = 500_000

_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report|Posting)$")
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|byline|author", re.I)
_CREDIT_TEXT = re.compile(r"^\s*[\[(]?\s*(?:photo(?:graph)?s?|image|picture|foto|credit|source)\s*(?:by|:|credit|/)|©|\(c\)\s|"
                          r"\b(?:getty images|reuters|afp|associated press|ap photo|epa|shutterstock)\b\s*[)\]]?\s*$", re.I)
_RELATED_LEAD = re.compile(r"^\s*(?:read\s+(?:more|also|next)|related|see\s+also|more\s+on\s+this|recommended|"
                           r"also\s+read|watch)\s*[:\-–—|]", re.I)


# class/id words of caption boxes and related-link boxes (matched lower-cased)
_BOX_CLASS = re.compile(r"(caption)|related|read-?more|more-?stories|recommend|also-?read|see-?also|further-?reading|"
                        r"outbrain|taboola|trending|most-?read|most-?popular")
# class/id words of the block that holds the article text
_BODY_CLASS = re.compile(r"article-?body|story-?body|entry-content|post-?content|article-?content|post-?body|articlebody")
# only the block elements boxes are made of: links, list items, images and icons are most of a
# page's classed elements, and each one looked at in Python costs a proxy object. lxml's iter() picks
# these tags in C: six times faster than the XPath with the same elements in the same order (#12)
_BOX_TAGS = ("div", "section", "aside", "span", "p", "ul", "ol", "figcaption", "footer", "header")
# trafilatura's comment-section rule (its REMOVE_COMMENTS_XPATH), matched from the attribute's start
_COMMENTS_ID = re.compile(r"[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
_COMMENT_TAGS = frozenset({"div", "section", "ol", "ul"})
#: Words of which every id or class the two patterns above match holds one, once lower-cased: one search in C
#: for any of them, where a test per word in Python met each classed element three times (#12, speed).
_COMMENT_WORDS = re.compile("comment|comol|disqus_thread")
#: Any of the three patterns above a classed element is tested with: most such elements match none, and one
#: search of their alternation finds that out in half the time of the three searches (#12, speed).
_ANY_BOX_NAME = re.compile("|".join(p.pattern for p in (_COMMENT_WORDS, _BODY_CLASS, _BOX_CLASS)))
_COUNT_P = XPath("count(.//p)")
_AUTHOR_LINKS = XPath('//a[@rel="author"]')
_NOT_CONTENT = ("script", "style", "noscript", "template", "svg", "nav", "aside", "menu", "iframe", "embed", "object",
                "select", "button", "input", "textarea", "video", "audio", "canvas")
_LINKED_P_XPATH = XPath(".//p[a]")
_WORD = re.compile(r"[^\W_]+")
# a photo credit in brackets that ends a line: "(AP Photo/Lee Jin-man)", "[Photo: Reuters]"
_CAPTION_END = re.compile(r"[(\[][\w .&/-]{0,40}\b(?:photo(?:graph)?|image|picture|foto)s?\b[^)\]\n]{0,80}[)\]]\s*$", re.I)
#: The last character of a stripped line that ends like a sentence, and of one that may end with a photo credit.
_SENTENCE_LAST = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]")
_CAPTION_LAST = (")", "]")
_COUNT_ELEMENTS = XPath("count(//*)")
_COUNT_BR = XPath("count(//br)")
#: The ASCII characters ``str.split()`` splits at.
_ASCII_SPACES = (" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_MARKUP = re.compile(r"<(?:div|p|table|span|body|head|title|br|h[1-6])\b", re.I)
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
               "blockquote", "pre", "section", "article", "dd", "dt", "dl", "figcaption", "header", "footer")
_BLOCK_TAG_SET = frozenset(_BLOCK_TAGS)
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


@dataclass(slots=True)
class HtmlExtract:
    """What the HTML extractor found: text, Article fields and issues.

    Attributes:
        text: The main text, paragraphs separated by newlines.
        fields: :class:`~newsprism.model.Article` field values: ``title``,
            ``authors``, ``published`` (ISO date), ``site``, ``lang``,
            ``description``, ``image``, ``tags``, ``categories``,
            ``canonical_url``, ``media`` and ``related``; absent when unknown.
        issues: Problems met, with ``stage="read.html"``.
    """

    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def extract_html(html: str, *, url: str | None = None, max_chars: int = MAX_HTML_CHARS,
                 fallback_chars: int = FALLBACK_CHARS, budget: float = READ_BUDGET) -> HtmlExtract:
    """Extract the main text and metadata of an HTML page; never raises.

    Args:
        html: The page, decoded.
        url: The page's URL, to resolve relative links and judge the canonical one.
        max_chars: Pages longer than this are cut (with an issue) before parsing.
        fallback_chars: Below this many characters of main text, the slower
            full extraction is tried too.
        budget: Seconds the page may take before the slower candidates (steps 3 and 4 of the
            cascade) are skipped and the first text is kept, with a ``W143`` issue.

    Returns:
        The text, the metadata fields and the issues met.

    >>> page = "<html><head><title>T</title></head><body><article><p>" + "Words here. " * 30 + "</p></article></body></html>"
    >>> extract_html(page).text.startswith("Words here.")
    True
    """
    issues: list[Issue] = []
    # CPU time of this thread, not wall time: a busy machine must not change what a page gives
    deadline = time.thread_time() + budget
    if len(html) > max_chars:
        issues.append(Issue(Code.HTML_CUT, f"HTML of {len(html):,} characters cut to {max_chars:,}; the end of the page is lost",
                            STAGE))
        html = html[:max_chars]
    if not html.strip():
        return HtmlExtract(text="", issues=[*issues, Issue(Code.EMPTY_INPUT, "the HTML page is empty", STAGE)])
    head = html[:4096]
    if len(_BINARY.findall(head)) > max(8, len(head) // 20):  # real pages have next to no control characters
        return HtmlExtract(text="", issues=[*issues, Issue(
            Code.BINARY_INPUT, "the page holds binary data (control or undecodable bytes), not HTML; check the source's content type",
            STAGE)])
    try:
        return _extract(html, url=url, fallback_chars=fallback_chars, issues=issues, deadline=deadline)
    except Exception as e:  # a bad page must not stop the batch; the reason goes on the article
        LOGGER.debug("HTML extraction failed for %s", url, exc_info=True)
        return HtmlExtract(text="", issues=[*issues, Issue(Code.HTML_EXTRACTION_FAILED, f"HTML extraction failed: {type(e).__name__}: {e}",
                                                           STAGE)])


def _extract(html: str, *, url: str | None, fallback_chars: int, issues: list[Issue], deadline: float) -> HtmlExtract:
    tree = _parse(html, issues)
    if tree is None:
        issues.append(Issue(Code.NO_HTML_STRUCTURE, "no HTML structure found in the page (plain text or a fragment?)", STAGE))
        return HtmlExtract(text="", issues=issues)
    elements = _by_tag(tree, _METADATA_TAGS)
    json_ld = list(_jsonld_objects(elements["script"]))  # parsed once, for the metadata and the page's kind
    fields = page_metadata(tree, url=url, json_ld=json_ld, elements=elements)
    # read on the whole page, before its furniture (a shop's cart and prices) is taken out (#17); the
    # page's text only when the page declares no kind, the one case not_news reads it
    kind = declared_kind(tree, json_ld, metas=elements["meta"])
    page_text = tree.text_content() if kind is None else ""
    media, related, blocks, comments = _take_furniture(tree, url=url)
    if media:
        fields["media"] = media
    if related:
        fields["related"] = related
    if "published" not in fields and (date := _find_date(tree, url=url)):
        fields["published"] = date  # before stripping: htmldate also reads JSON-LD and scripts in the body
    _strip_non_content(tree, asides=bool(elements["aside"]))
    stripped = _by_tag(tree, ("h1", "article"))  # nothing changes the tree between the two reads
    headings = _heading_words([fields.get("title") or "", *(_clean(h.text_content()) for h in stripped["h1"])])
    budget = _Budget(deadline)
    text, from_block = _main_text(tree, url=url, fallback_chars=fallback_chars,
                                  block=_article_block(tree, [*stripped["article"], *blocks]), budget=budget)
    text = _drop_heading(text, headings)
    # 4. a second opinion, unless the page marked its article block; last, as readability rewrites the tree
    if not from_block and _at_most_elements(tree, html, MAX_SECOND_OPINION_ELEMENTS):
        for elem in comments:  # trafilatura left them out already; readability would take them as text
            _drop(elem)
        first = prose_score(text)
        if _can_beat(first, tree) and budget.left("readability's second candidate"):
            other = _drop_heading(_readability_text(tree), headings)
            if other and _second_opinion_wins(other, text, first):
                text = other
    if not text:
        issues.append(Issue(Code.NO_MAIN_TEXT, "no main text found in the HTML page", STAGE))
    elif why := not_news(kind, page_text=page_text, text=text):
        issues.append(Issue(Code.NOT_NEWS, f"not a news page: {why}; stored, left out of stories and claims", STAGE))
    if budget.skipped:
        issues.append(Issue(Code.READ_BUDGET_SPENT, f"the page took longer than read_budget to read; skipped: "
                            f"{', '.join(budget.skipped)}; the first text was kept", STAGE))
    return HtmlExtract(text=text, fields=fields, issues=issues)


class _Budget:
    """A page's reading deadline; each optional step asks it first and the ones skipped are named."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.skipped: list[str] = []

    def left(self, step: str) -> bool:
        if time.thread_time() < self.deadline:
            return True
        self.skipped.append(step)
        return False


@functools.cache
def _parser() -> Any:
    """trafilatura's HTML parser settings, with lxml's C element-class lookup instead of ``lxml.html``'s.

    ``lxml.html`` picks each element's Python class (form, input, label...) in a Python method, called
    every time an element is touched: over a tenth of reading's time (#12). Every element here is a plain
    ``HtmlElement``, which has all the methods trafilatura and readability use.
    """
    from lxml.etree import ElementDefaultClassLookup
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True)
    parser.set_element_class_lookup(ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


#: The characters trafilatura's loader deletes before parsing (its ``INVALID_XML_CHARS``): C0 controls other than
#: tab, line feed and carriage return, and U+FFFE and U+FFFF.
_INVALID_XML = (*map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))), "\ufffe", "\uffff")


def _repair_html(html: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html``, with the page searched for its control characters by substring tests.

    Its pattern's substitution scans the whole page in the regex engine, about a fifth of parsing's time, for
    characters real pages next to never hold; a substring test for each is made in C and costs a quarter of
    that. A page that holds one has them deleted by the pattern, as trafilatura does (#12, speed).
    """
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

    if any(char in html for char in _INVALID_XML):
        html = INVALID_XML_CHARS.sub("", html)
    # the rest as trafilatura writes it: a doctype libxml2 misreads, a self-closing <html/> in the first lines
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", html, count=1)
    return html


def _load_html(html: str) -> HtmlElement | None:
    """trafilatura's ``load_html`` for a decoded page, with :func:`_parser`."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = _repair_html(html, beginning)
    try:
        tree = fromstring(html, parser=_parser())
    except Exception:  # "Unicode strings with encoding declaration are not supported": bytes are tried next
        tree = None
    if tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf8", "surrogatepass"), parser=_parser())
        except Exception:  # lxml gives up on some byte soups: no tree, as trafilatura's loader says
            tree = None
    if tree is not None and dubious and len(tree) < 2:
        return None  # not HTML: trafilatura's own test
    return tree


def _parse(html: str, issues: list[Issue]) -> HtmlElement | None:
    tree = _load_html(html)
    if tree is None and _MARKUP.search(html, 0, 20_000):
        # a page served without <html> and <body> (a template fragment) is still a page: trafilatura
        # rejects a document that does not name html in its first characters (#12)
        tree = _load_html("<html>" + html)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _parser().error_log):
        issues.append(Issue(Code.MARKUP_TOO_DEEP, "markup nested more than 255 levels deep; the deeper content is lost", STAGE))
    return tree


def _strip_non_content(tree: HtmlElement, *, asides: bool = True) -> None:
    """Remove elements that never hold article text, once metadata and furniture have been read.

    trafilatura removes them too, but only after several XPath passes over the
    whole tree; a smaller tree makes its fast mode about 10 % faster at the same
    F1 on the dev set. ``<form>`` and ``<footer>`` stay: some sites wrap the
    whole page in a form. On a page whose ``<aside>`` elements hold most of its
    paragraphs, ``<aside>`` is the theme's box for everything, the story's post
    included: they become ``<div>`` elements, read as any other block (#12). ``asides=False`` says the page
    has no ``<aside>``, so that none is looked for (#12, speed).
    """
    from lxml.etree import strip_elements

    body = tree.find("body")
    if body is None:
        return
    outer = [aside for aside in body.iter("aside") if next(aside.iterancestors("aside"), None) is None] if asides else []
    if outer and sum(_COUNT_P(aside) for aside in outer) >= max(3, ASIDE_SHARE * _COUNT_P(body)):
        for aside in body.iter("aside"):
            aside.tag = "div"
    strip_elements(body, *_NOT_CONTENT, with_tail=False)


def _main_text(tree: HtmlElement, *, url: str | None, fallback_chars: int,
               block: HtmlElement | None, budget: _Budget) -> tuple[str, bool]:
    """Main text by steps 1-3 of the cascade in the module docstring, and whether it came from the
    page's marked article block."""
    # 1. fast mode on the block that holds the article, when the page marks one
    if block is not None:
        from lxml.html import Element

        page = Element("html")
        page.append(Element("body"))
        page[0].append(deepcopy(block))
        text = _trafilatura_text(page, url=url, fast=True)
        if len(text) >= fallback_chars:
            return text, True
    # 2. fast mode on the whole page
    text = _trafilatura_text(tree, url=url, fast=True)
    if len(text) >= fallback_chars or not budget.left("trafilatura's full mode"):
        return text, False
    # 3. full mode with the backup extractors
    full = _trafilatura_text(tree, url=url, fast=False)
    return (full if len(full) > len(text) else text), False


def _can_beat(score: float, tree: HtmlElement) -> bool:
    """Whether a second candidate from ``tree`` could be chosen over a first text of prose score ``score``.

    readability's text is made of the page's own text, so its prose score is at most the page's
    visible characters (spaces collapsed, plus the space each ``<br>`` may add): when the first
    text's score times :data:`SECOND_OPINION_MARGIN` reaches that, the readability pass is skipped (#12).
    """
    body = tree.find("body")  # a page whose body is not the root's child is measured whole
    text = (body if body is not None else tree).text_content()
    bar = SECOND_OPINION_MARGIN * score
    # the <br> elements are counted (a walk over the tree) only where the answer depends on their number: the
    # bound adds one for none, so a bar under the text's length plus one fails the first test below whatever
    # their number, and a bar the second test passes with one passes it with more (#12, speed)
    counted = bar >= len(text) + 1
    breaks = int(_COUNT_BR(tree)) + 1 if counted else 1
    # the collapsed text lies between the text's characters other than spaces and the whole text: most
    # pages are decided by these two counts, with no list of the page's words made (#12, speed)
    if bar >= len(text) + breaks:
        return False
    # each character other than an ASCII one may be a space: a page with a few (a no-break space, a curly
    # quote) is decided as an ASCII page is
    others = 0 if text.isascii() else len(text) - len(text.encode("ascii", "ignore"))
    solid = len(text) - sum(map(text.count, _ASCII_SPACES)) - others
    if bar < solid + breaks:
        return True
    if not counted:
        breaks = int(_COUNT_BR(tree)) + 1
        if bar < solid + breaks:
            return True
    # the length of the text with its spaces collapsed, as _clean gives it: split() and a regex over
    # ``\s`` know the same spaces, and the split costs a third of the regex's rewrite of the page; the
    # words' lengths and one space between each two are that length, with no joined copy made
    words = text.split()
    return bar < sum(map(len, words)) + max(len(words) - 1, 0) + breaks


def _readability_text(tree: HtmlElement) -> str:
    """readability's main text of ``tree`` (which it rewrites), a line per block element.

    trafilatura's ``try_readability``, whose summary is parsed back with :func:`_parser` rather than with
    ``lxml.html``'s element classes, looked up in Python for each element the loops below touch (#12, speed).
    """
    from lxml.html import fromstring
    from trafilatura.readability_lxml import Document

    try:
        summary = Document(tree, min_text_length=25).summary()
        body = fromstring(summary.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # readability's own errors on odd markup: no second candidate, the first stands
        LOGGER.debug("readability failed", exc_info=True)
        return ""
    # one walk: each step below changes only the element's own text and tail (#12, speed)
    for elem in body.iter():
        # a line break of the page's source is a space: a paragraph written over several source lines was
        # judged line by line and lost to a worse first candidate (#12)
        tag, text, tail = elem.tag, elem.text, elem.tail
        if text and "\n" in text and tag != "pre":
            elem.text = text.replace("\n", " ")
        new_tail = tail.replace("\n", " ") if tail and "\n" in tail else tail
        if tag == "br":  # hard-wrapped lines of one paragraph stay one line, as prose is judged by line
            new_tail = " " + (new_tail or "")
        elif tag in _BLOCK_TAG_SET:
            new_tail = "\n" + (new_tail or "")
        if new_tail is not tail:
            elem.tail = new_tail
    lines = (_clean(line) for line in body.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def prose_score(text: str) -> float:
    r"""How much of ``text`` reads as running prose: characters of sentence-like lines minus twice the
    characters of other lines (menus, link lists, labels, dates).

    Used to choose between two extractions of one page: the one with more prose and less furniture
    wins. A line is sentence-like when it has at least 10 words and ends like a sentence, or has 20.
    A line that ends with a photo credit in brackets is a caption and counts for nothing: a gallery's
    captions are sentences, and readability's text of a page with a photo gallery was chosen for
    them over the story (#12).

    >>> prose_score("Home\nNews\nSport")
    -26.0
    >>> prose_score("The council voted on Tuesday to rebuild the old harbour wall before winter.") > 0
    True
    >>> prose_score("Bolt competes in a men's 200-meter semifinal at the Olympic Stadium. (AP Photo/Lee Jin-man)")
    0.0
    """
    return float(sum(_line_score(line.strip()) for line in text.split("\n")))


def _line_score(line: str) -> int:
    """One stripped line's part of :func:`prose_score`."""
    # the line is stripped, so the two end-anchored patterns can match only on its last character: a
    # test of that character skips their searches on most lines (#12, speed)
    if line.endswith(_CAPTION_LAST) and _CAPTION_END.search(line):
        return 0
    # n words need n - 1 characters between them: a shorter line cannot hold _PROSE_WORDS words
    words = _words_up_to(line, 2 * _PROSE_WORDS) if len(line) >= 2 * _PROSE_WORDS - 1 else 0
    if words >= 2 * _PROSE_WORDS or (words >= _PROSE_WORDS and line.endswith(_SENTENCE_LAST)):
        return len(line)
    return -2 * len(line)


def _second_opinion_wins(other: str, text: str, first: float) -> bool:
    """Whether readability's text ``other`` is chosen over the first text ``text``, of prose score ``first``:
    the prose score of its span shared with ``text`` (:func:`shared_span`) must beat ``first``, and by
    :data:`SECOND_OPINION_MARGIN`.

    Each line is scored once. The span scores at most the characters of the sentence-like lines of the
    whole of ``other``; when those cannot win, the span is not looked for: the word triples of the two
    texts cost more than the rest of the choice, and on the second dev set six readability texts in ten
    could not win on their prose alone (#12, speed).
    """
    lines = [line for line in other.split("\n") if line.strip()]
    scores = [_line_score(line.strip()) for line in lines]
    bar = max(first, SECOND_OPINION_MARGIN * first)
    if sum(score for score in scores if score > 0) <= bar:
        return False
    span = _shared_bounds(lines, text)
    start, end = span if span is not None else (0, len(lines))
    return sum(scores[start:end]) > bar


def _words_up_to(line: str, limit: int) -> int:
    """The number of words in ``line``, counted up to ``limit``: the prose score asks no more, and a page
    whose markup has no paragraphs is one line of thousands of words (#12, speed).

    >>> _words_up_to("one two three", 20), _words_up_to("one two three", 2)
    (3, 2)
    """
    count = 0
    for count, _ in enumerate(_WORD.finditer(line), start=1):
        if count == limit:
            break
    return count


def shared_span(text: str, other: str) -> str:
    r"""The lines of ``text`` from the first to the last that ``other`` also holds, or all of ``text``
    when it shares no line with ``other``.

    A line is shared when at least half of its word triples (lower-cased; a line of fewer than three
    words is one triple) are in ``other``. readability's candidate is scored by this span of it
    against trafilatura's text: what readability adds inside trafilatura's span is body text that
    trafilatura's rules dropped (an old page's blocks spread over table cells), while what it adds
    before the first or after the last line they share is mostly what trafilatura's boundary rules
    cut on purpose: a comment thread, the blog's other posts, a list of related stories (#12).

    >>> shared_span("Menu\nThe council voted to rebuild the wall.\nIt will take weeks.\nOther posts",
    ...             "The council voted to rebuild the wall. It will take weeks.")
    'The council voted to rebuild the wall.\nIt will take weeks.'
    """
    lines = [line for line in text.split("\n") if line.strip()]
    span = _shared_bounds(lines, other)
    return text if span is None else "\n".join(lines[span[0]:span[1]])


def _shared_bounds(lines: list[str], other: str) -> tuple[int, int] | None:
    """The index of the first of ``lines`` that ``other`` holds (:func:`shared_span`) and one past the
    last, or None when it holds none."""
    triples = _triples(_WORD.findall(other.lower()))
    # only the first and the last shared line count: each is looked for from its end, and the lines between
    # them, most of a text that agrees with the other, are never compared (#12, speed)
    first = next((i for i, line in enumerate(lines) if _shares(line, triples)), None)
    if first is None:
        return None
    last = next(i for i in range(len(lines) - 1, first - 1, -1) if _shares(lines[i], triples))
    return first, last + 1


def _triples(words: list[str]) -> set[tuple[str, ...]]:
    return set(zip(words, words[1:], words[2:], strict=False)) if len(words) > 2 else {tuple(words)} if words else set()


def _shares(line: str, other: set[tuple[str, ...]]) -> bool:
    """Whether at least half the word triples of ``line`` are in ``other``."""
    triples = _triples(_WORD.findall(line.lower()))
    return bool(triples) and 2 * len(triples & other) >= len(triples)


def _article_block(tree: HtmlElement, blocks: list[HtmlElement]) -> HtmlElement | None:
    """The smallest of the marked article blocks ``blocks`` (the page's ``<article>`` elements, then those with
    ``itemprop=articleBody`` or a body class) that holds at least :data:`BLOCK_SHARE` of the page's paragraphs.

    Counting paragraphs is done by XPath (in C); measuring their text in Python
    would cost what the smaller tree saves.
    """
    if not blocks:  # most pages mark none: their paragraphs are not counted (#12, speed)
        return None
    total = _COUNT_P(tree)
    best: tuple[float, HtmlElement] | None = None
    for block in blocks:
        if block.getroottree().getroot() is not tree:  # inside furniture taken out of the page
            continue
        count = _COUNT_P(block)
        if count >= 3 and count >= BLOCK_SHARE * total and (best is None or count < best[0]):
            best = (count, block)
    return best[1] if best else None


def _trafilatura_text(tree: HtmlElement, *, url: str | None, fast: bool) -> str:
    """trafilatura's main text of ``tree`` (it works on its own copy of the tree)."""
    from trafilatura import bare_extraction

    options = copy(_trafilatura_options(fast))  # the page's URL is set on a copy; the settings are read once
    options.url, options.source = url, url and url.encode("utf-8", "replace").decode("utf-8")
    doc = bare_extraction(tree, options=options)
    text = getattr(doc, "text", None)
    return text if isinstance(text, str) else ""


@functools.cache
def _trafilatura_options(fast: bool) -> Any:
    """trafilatura's extraction settings for :func:`_trafilatura_text`, made once per mode.

    Made for each call from the keyword arguments, they read eight numbers out of trafilatura's configuration
    parser: a tenth of a millisecond per page, for settings that never change (#12, speed).
    """
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=fast, comments=False, tables=True, with_metadata=False)


def _at_most_elements(tree: HtmlElement, html: str, limit: int) -> bool:
    """Whether ``tree``, parsed from ``html`` (and only made smaller since), has at most ``limit`` elements.

    The parser makes an element of each tag, and adds at most one for each run of text between tags (a
    paragraph it opens, ``<html>``, ``<head>`` and ``<body>``): a page with fewer than ``limit / 2 - 2``
    ``<`` characters is under the limit without counting, the count being a walk over the whole tree (#12, speed).
    """
    return 2 * html.count("<") + 4 <= limit or int(_COUNT_ELEMENTS(tree)) <= limit


def _heading_words(headings: list[str]) -> list[list[str]]:
    """The lower-cased words of the first four headings (the page title, then its ``<h1>`` elements), each
    a list for :func:`_drop_heading`; headings with no word are left out, as no line can repeat them."""
    return [words for heading in headings[:4] if (words := _WORD.findall(heading.lower()))]


def _drop_heading(text: str, headings: list[list[str]]) -> str:
    """The text without a first line that repeats the page title: the title is metadata, not body.

    Compared on lower-cased words (``headings`` as :func:`_heading_words` gives them), so that punctuation
    and spacing differences do not matter.
    """
    first, _, rest = text.partition("\n")
    lowered = first.lower()
    if any(_same_words(lowered, words) for words in headings):
        return rest.lstrip("\n")
    return text


def _same_words(text: str, words: list[str]) -> bool:
    """Whether the words of ``text`` are ``words``, read one at a time: the first line of a text is often a
    whole paragraph, and it differs from a heading at its first word or two (#12, speed)."""
    count = 0
    for count, m in enumerate(_WORD.finditer(text), start=1):
        if count > len(words) or m.group() != words[count - 1]:
            return False
    return count == len(words)


def _find_date(tree: HtmlElement, *, url: str | None) -> str | None:
    """Publication date when the page declares none in its metadata (htmldate's quick search)."""
    from htmldate import find_date

    date = find_date(tree, url=url, extensive_search=False, original_date=True)
    return date if isinstance(date, str) else None


# -- metadata -------------------------------------------------------------------


def _clean(text: str | None) -> str:
    """``text`` with each run of spaces one space, and none at either end.

    ``split()`` knows the spaces the pattern ``\\s`` knows (``str.isspace``), and splitting and joining costs a
    third of the pattern's rewrite and strip (#12, speed).
    """
    return " ".join(text.split()) if text else ""


#: The tags the page's metadata is read from, found in one walk (:func:`_by_tag`) where each had its own, with a
#: seventh for the page's kind; and ``<aside>``, whose absence spares a walk when the page is stripped (#12, speed).
_METADATA_TAGS = ("script", "meta", "link", "title", "h1", "time", "aside")


def _by_tag(tree: HtmlElement, tags: tuple[str, ...]) -> dict[str, list[HtmlElement]]:
    """The elements of each of ``tags`` in ``tree``, in the page's order (as ``tree.iter(tag)`` gives them), found in
    one walk: a walk over the tree costs about as much whatever tags it looks for (#12, speed)."""
    found: dict[str, list[HtmlElement]] = {tag: [] for tag in tags}
    for elem in tree.iter(*tags):
        found[elem.tag].append(elem)
    return found


def _metas(meta_elements: Iterable[HtmlElement]) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased property, name or itemprop."""
    metas: dict[str, list[str]] = {}
    for meta in meta_elements:
        content = _clean(meta.get("content"))
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        if content and key:
            metas.setdefault(key.strip().lower(), []).append(content)
    return metas


def _jsonld_objects(scripts: Iterable[HtmlElement]) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts (``scripts``: its ``<script>`` elements), ``@graph`` members
    included."""
    for script in scripts:
        if "ld+json" not in (script.get("type") or "") or not script.text or len(script.text) > _MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:  # broken JSON-LD is common; the rest of the page still counts
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
                yield item


def _article_ld(json_ld: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The page's JSON-LD article object, if it has one."""
    for item in json_ld:
        types = item.get("@type")
        names = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in names):
            return item
    return {}


def _names(value: Any) -> list[str]:
    """Names out of a JSON-LD person/organisation value (string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _strings(value: Any) -> list[str]:
    """Strings out of a JSON-LD value that may be a string, a list or an object with a url/name."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return _strings(value.get("url") or value.get("name") or value.get("@id"))
    return []


def _first(*candidates: Iterable[str] | None) -> str | None:
    for values in candidates:
        for value in values or ():
            if (text := _clean(value)) and not text.startswith("{"):
                return text
    return None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        text = _clean(value)
        if text and len(text) < 200 and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())


def iso_date(text: str | None) -> str | None:
    """The ``YYYY-MM-DD`` date at the start of an ISO 8601 or RFC 2822 timestamp, else ``None``.

    >>> iso_date("2022-11-09T14:03:00+01:00"), iso_date("Wed, 09 Nov 2022 14:03:00 GMT"), iso_date("soon")
    ('2022-11-09', '2022-11-09', None)
    """
    if not text:
        return None
    if m := _ISO_DATE.search(text):
        return "-".join(m.groups())
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def split_authors(values: Iterable[str]) -> tuple[str, ...]:
    """Author names out of bylines and meta values: "By A and B" -> ("A", "B").

    Profile URLs and e-mail addresses are dropped; "Smith, John" stays one name.

    >>> split_authors(["By Jane Doe and John Roe", "https://example.org/staff/jd"])
    ('Jane Doe', 'John Roe')
    """
    names: list[str] = []
    for value in values:
        value = _BY.sub("", _clean(value))
        for part in _AUTHOR_SPLIT.split(value):
            # "A, B, C" lists full names; "Smith, John" is one name
            pieces = [p.strip() for p in part.split(",")] if part.count(",") and all(
                " " in p.strip() for p in part.split(",")) else [part]
            names.extend(p for p in pieces if p and "://" not in p and "@" not in p and not p.isdigit() and len(p) < 80)
    return _unique(names)


def _canonical(links: Iterable[HtmlElement], metas: dict[str, list[str]], url: str | None) -> str | None:
    """The canonical URL (from the page's ``<link>`` elements or its metadata), unless it is a bare home page
    (some sites point every article at it)."""
    hrefs = [link.get("href") or "" for link in links if (link.get("rel") or "").lower() == "canonical"]
    for href in [*hrefs, *metas.get("og:url", [])]:
        absolute = urljoin(url or "", str(href).strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc and parts.path.strip("/"):
            return absolute
    return None


def _lang(tree: HtmlElement, metas: dict[str, list[str]], ld: dict[str, Any]) -> str | None:
    """Primary language subtag of the page's declared language ("en-GB" -> "en")."""
    declared = _first([tree.get("lang") or tree.get("xml:lang") or ""], metas.get("og:locale"),
                      metas.get("content-language"), metas.get("language"), _strings(ld.get("inLanguage")))
    return primary_language(declared) if declared else None


def primary_language(declared: str) -> str | None:
    """The primary subtag of a declared language tag ("en-GB" -> "en"), or None if it is not one.

    >>> primary_language("pt_BR"), primary_language("English"), primary_language("UTF-8")
    ('pt', None, None)
    """
    primary = re.split(r"[-_]", declared.strip())[0].lower()
    # "UTF-8" from a Content-Language header is no language (#12): only ISO 639-1 codes, or a
    # three-letter one that wordfreq knows, are taken
    if len(primary) == 2 and primary in ISO_639_1:
        return primary
    return primary if len(primary) == 3 and primary.isalpha() and primary in _known_languages() else None


@functools.cache
def _known_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


def page_metadata(tree: HtmlElement, *, url: str | None = None, json_ld: Iterable[dict[str, Any]] | None = None,
                  elements: Mapping[str, list[HtmlElement]] | None = None) -> dict[str, Any]:
    """Article fields declared by the page: JSON-LD, OpenGraph, ``<meta>`` and ``<link>`` tags.

    Args:
        tree: The parsed page.
        url: The page's URL, to resolve relative links.
        json_ld: The page's JSON-LD objects when the caller has parsed them already; else they are
            read from ``tree``.
        elements: The page's elements of each of :data:`_METADATA_TAGS` (:func:`_by_tag`) when the caller
            has found them already; else they are found in ``tree``.

    Returns:
        Article field values (see :class:`HtmlExtract`), without ``media``
        and ``related``; fields the page does not declare are absent.
    """
    elements = _by_tag(tree, _METADATA_TAGS) if elements is None else elements
    metas = _metas(elements["meta"])
    ld = _article_ld(_jsonld_objects(elements["script"]) if json_ld is None else json_ld)
    h1 = [_clean(e.text_content()) for e in elements["h1"]]
    title_tag = [_clean(e.text_content()) for e in elements["title"]]
    authors = split_authors(_names(ld.get("author")) or metas.get("author", []) + metas.get("article:author", [])
                            + metas.get("parsely-author", []) + metas.get("dc.creator", []) + metas.get("sailthru.author", [])
                            or _bylines(tree))
    image = _first(metas.get("og:image"), metas.get("og:image:url"), metas.get("twitter:image"), _strings(ld.get("image")))
    fields: dict[str, Any] = {
        "title": _first(_strings(ld.get("headline")), metas.get("og:title"), metas.get("twitter:title"),
                        h1[:1] if len(h1) == 1 else None, title_tag),
        "authors": authors,
        "published": iso_date(_first(_strings(ld.get("datePublished")), metas.get("article:published_time"),
                                     metas.get("og:published_time"), metas.get("datepublished"),
                                     metas.get("parsely-pub-date"), metas.get("pubdate"), metas.get("publish-date"),
                                     metas.get("sailthru.date"), metas.get("dc.date"), metas.get("date"),
                                     [t.get("datetime") or "" for t in elements["time"] if t.get("pubdate") is not None
                                      or t.get("itemprop") == "datePublished"])),
        "site": _first(metas.get("og:site_name"), _names(ld.get("publisher")), metas.get("application-name")),
        "lang": _lang(tree, metas, ld),
        "description": _first(metas.get("og:description"), metas.get("description"), metas.get("twitter:description"),
                              _strings(ld.get("description"))),
        "image": urljoin(url or "", image) if image else None,
        "tags": _unique([*metas.get("article:tag", []), *_keywords(ld.get("keywords")),
                         *(k for v in metas.get("news_keywords", []) + metas.get("keywords", []) for k in v.split(","))]),
        "categories": _unique([*metas.get("article:section", []), *_strings(ld.get("articleSection")),
                               *metas.get("parsely-section", [])]),
        "canonical_url": _canonical(elements["link"], metas, url),
    }
    return {k: v for k, v in fields.items() if v}


def _keywords(value: Any) -> list[str]:
    return [k for s in _strings(value) for k in s.split(",")]


def _bylines(tree: HtmlElement) -> list[str]:
    """Visible bylines: ``rel=author`` links, else short elements whose class says byline/author."""
    found = [_clean(a.text_content()) for a in _AUTHOR_LINKS(tree)[:5]]
    if not found:
        found = [_clean(e.text_content()) for e in _byline_elements(tree)]
    return [text for text in found if 0 < len(text) < 120]


def _byline_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The first three elements whose class says byline or author name, or whose itemprop is author.

    A walk in Python that stops at the third: an XPath with ``contains()`` tests every element's class
    in full and cost twice as much (#12).
    """
    found: list[HtmlElement] = []
    for elem in tree.iter(AnyElement):  # elements only, not comments or entities
        names = elem.get("class")
        if (names is not None and ("byline" in names or "author-name" in names)) or elem.get("itemprop") == "author":
            found.append(elem)
            if len(found) == 3:
                break
    return found


# -- captions, credits, images and related links --------------------------------


def _classes(elem: HtmlElement) -> str:
    return f"{elem.get('class') or ''} {elem.get('id') or ''}"


def _drop(elem: HtmlElement) -> None:
    """Remove ``elem`` from the tree but keep its tail text (lxml stores following text there)."""
    if elem.getparent() is not None:
        elem.drop_tree()


def _is_link_box(elem: HtmlElement) -> bool:
    """A short block made mostly of link text: a related-links box, not an article container."""
    text = _clean(elem.text_content())
    if not text or len(text) > 3000:
        return False
    linked = sum(len(_clean(a.text_content())) for a in elem.iter("a"))
    return linked / len(text) > 0.5


def _take_furniture(tree: HtmlElement, *, url: str | None
                    ) -> tuple[tuple[MediaItem, ...], tuple[Link, ...], list[HtmlElement], list[HtmlElement]]:
    """Captions, credits, figure images and related links: collected, then removed from the tree.

    Also returns the elements whose class says they hold the article body, and the readers'
    comment sections (:func:`_is_comments`), which stay in the tree for trafilatura (it has its own
    comment rules, and keeps a forum's posts) and are taken out before readability's pass.

    Only elements with a class or id are looked at, with one lower-cased regex:
    a Python test per element, or an XPath with many ``contains()``, costs
    more than trafilatura's own fast extraction.
    """
    body = tree.find("body")
    if body is None:
        return (), (), [], []
    blocks: list[HtmlElement] = []
    comments: list[HtmlElement] = []
    media: list[MediaItem] = []
    related: list[Link] = []
    taken: set[HtmlElement] = set()
    # the figures and the box elements found in one walk over the body, where each had its own: reading a figure
    # changes nothing in the tree, and the figures are still read first (#12, speed)
    figures: list[HtmlElement] = []
    boxes: list[HtmlElement] = []
    for elem in body.iter("figure", *_BOX_TAGS):
        (figures if elem.tag == "figure" else boxes).append(elem)
    for figure in figures:
        if not taken.intersection(figure.iterancestors("figure")):
            media.extend(_figure_media(figure, url=url))
            taken.add(figure)
    for elem in boxes:
        classes, ident, prop = elem.get("class"), elem.get("id"), elem.get("itemprop")
        if classes is None and ident is None and prop is None:
            continue
        names = f"{classes or ''} {ident or ''} {prop or ''}".lower()
        if _ANY_BOX_NAME.search(names) is None:
            continue
        # every comment section's names hold one of these words, lower-cased: most classed elements are
        # told apart by substring tests before the comment rule's patterns are tried (#12, speed)
        if _COMMENT_WORDS.search(names) and _is_comments(elem.tag, classes, ident):
            comments.append(elem)
            continue
        if _BODY_CLASS.search(names):
            blocks.append(elem)
            continue
        m = _BOX_CLASS.search(names)
        if m is None or taken.intersection(elem.iterancestors()):
            continue
        if m.group(1):
            text = _clean(elem.text_content())
            if 0 < len(text) < 600:
                media.extend(_caption_items(text))
                taken.add(elem)
        elif _is_link_box(elem):
            related.extend(_links(elem, url=url))
            taken.add(elem)
    for para in _LINKED_P_XPATH(body):
        lead = (para.text or "") + (para[0].text or "")
        if _RELATED_LEAD.match(lead) and len(_clean(para.text_content())) < 300 and not taken.intersection(para.iterancestors()):
            related.extend(_links(para, url=url))
            taken.add(para)
    for elem in taken:
        _drop(elem)
    return tuple(_dedup_media(media)[:_MAX_ITEMS]), tuple(_dedup_links(related)[:_MAX_ITEMS]), blocks, comments


def _is_comments(tag: str, classes: str | None, ident: str | None) -> bool:
    """Whether an element (its tag, class and id) is a readers' comment section: a ``div``, ``section``
    or list whose id or class starts with "comment" (not "commentary"), or a Disqus thread;
    trafilatura's own rule, so that both candidates see the page alike.

    readability has no comment rules: on blog pages it took the article and its comments as one
    block, whose prose outweighed trafilatura's text (Dragnet pages whose reference is the post).
    """
    return tag in _COMMENT_TAGS and bool(_COMMENTS_ID.match(ident or "") or _COMMENTS_CLASS.search(classes or ""))


def _caption_items(text: str) -> list[MediaItem]:
    caption, credit = _split_credit(text)
    items = [MediaItem(kind="caption", text=caption)] if caption else []
    return items + ([MediaItem(kind="credit", text=credit)] if credit else [])


def _figure_media(figure: HtmlElement, *, url: str | None) -> Iterator[MediaItem]:
    for img in figure.iter("img"):
        src = img.get("src") or img.get("data-src") or ""
        if src and not src.startswith("data:"):
            yield MediaItem(kind="image", text=_clean(img.get("alt")), url=urljoin(url or "", src))
    credits: list[str] = []
    for elem in figure.iter():
        if isinstance(elem.tag, str) and elem.tag != "figure" and _CREDIT_CLASS.search(_classes(elem)):
            text = _clean(elem.text_content())
            if text and text not in credits:
                credits.append(text)
                yield MediaItem(kind="credit", text=text)
    for caption in figure.iter("figcaption"):
        text = _clean(caption.text_content())
        for credit in credits:
            text = _clean(text.replace(credit, " "))
        yield from _caption_items(text)


def _split_credit(text: str) -> tuple[str, str]:
    """A caption and the credit that ends it: "Smoke rises. Photo: Jane Doe/AP" -> both parts."""
    m = re.search(r"(?:^|[.!?)]\s+|\s[|/–—-]\s*)([\[(]?\s*(?:photo(?:graph)?|image|picture|credit|foto)s?\s*(?:by\b|:).*)$",
                  text, re.I)
    if m:
        return _clean(text[: m.start(1)]).rstrip(" |/–—-"), _clean(m.group(1))
    if _CREDIT_TEXT.search(text) and len(text) < 80:
        return "", text
    return text, ""


def _links(elem: HtmlElement, *, url: str | None) -> Iterator[Link]:
    for anchor in elem.iter("a"):
        text, href = _clean(anchor.text_content()), (anchor.get("href") or "").strip()
        if len(text) > 3 and href and not href.startswith(("#", "javascript:", "mailto:")):
            yield Link(text=text, url=urljoin(url or "", href))


def _dedup_media(items: list[MediaItem]) -> list[MediaItem]:
    return list({(item.kind, item.text, item.url): item for item in items}.values())


def _dedup_links(links: list[Link]) -> list[Link]:
    seen: dict[str | None, Link] = {}
    for link in links:
        seen.setdefault(link.url, link)
    return list(seen.values())
