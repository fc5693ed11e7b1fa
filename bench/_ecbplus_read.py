"""Read ECB+ documents: rebuild each text from its tokens and keep the gold HUMAN and LOC mentions.

A document's text is its sentences, one a line, detokenised (spaces between
tokens except before punctuation, hyphenated words joined). In an ``ecbplus``
file sentence 0 is the source URL and one of the next sentences the date: both
are left out of the text, the URL becomes the article's URL and the date, when
it parses, its publication date; the first sentence left is the title (and the
text's first line). ``ecb`` files have neither URL, date nor title.

Gold mentions are the HUMAN_* and LOC_* markables a ``CROSS_DOC_COREF``
relation links to an instance; the instance id is the gold entity.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("HUMAN", "LOC")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "”", "n't", "...", "…"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘", "#"}
_CLITICS = {"s", "t", "re", "ve", "ll", "d", "m"}
_QUOTES = {"``": '"', "''": '"'}
_MONTHS = ("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
           "september october november december").split()
_DATE_WORDS = set(_MONTHS) | set(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday am pm a p "
    "m hrs at on of published updated posted edited last first originally created story article date time uk".split())
_DATE_TOKEN = re.compile(r"\d+(?:st|nd|rd|th|am|pm|AM|PM|a|p)?|[A-Z]{1,4}T|GMT\+?\d*|UTC|IST|[^\w\s]+")  # 3rd, 10PM, EDT
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
#: Dates as the outlets write them: May 3rd, 2011 / 14 June 2011 / 05/03/2011 / 2011-09-26 (month/day/year
#: when ambiguous, as the US outlets of the corpus write them) and 08.07.2012 (day.month.year).
_DATES = [
    (re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? ?\d{{4}}\b", re.IGNORECASE), "MDY"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}\b", re.IGNORECASE), "DMY"),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "MDY"),
    (re.compile(r"\b\d{4}[-.]\d{1,2}[-.]\d{1,2}\b"), "YMD"),
    (re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b"), "DMY"),
]
_MONTH_DAY = re.compile(rf"\b{_MONTH} \d{{1,2}}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A gold HUMAN or LOC mention: its character span in the rebuilt text (``None`` when outside it)."""

    doc: str
    m_id: str
    tag: str
    instance: str
    start: int | None
    end: int | None
    text: str

    @property
    def kind(self) -> str:
        return self.tag.split("_")[0]


@dataclass(slots=True)
class EcbDoc:
    """One ECB+ document, ready to give newsprism."""

    name: str
    topic: str
    corpus: str  # "ecb" or "ecbplus"
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    mentions: list[GoldMention] = field(default_factory=list)
    descriptors: dict[str, str] = field(default_factory=dict)  # instance id -> annotator's description

    @property
    def story(self) -> str:
        """The gold story: the topic's sub-corpus."""
        return f"{self.topic}{self.corpus}"


def read_corpus(folder: Path) -> list[EcbDoc]:
    """Every ``*.xml`` document under ``folder``, sorted by topic and file name."""
    paths = sorted(folder.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name))
    return [read_document(path) for path in paths]


def read_document(path: Path) -> EcbDoc:
    """Rebuild one document's text and its gold mentions."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append((token.get("t_id", ""), token.text or ""))
    corpus = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
    doc = EcbDoc(name=path.stem, topic=path.parent.name, corpus=corpus, text="")
    body = sorted(sentences)
    if corpus == "ecbplus":
        body = _take_header(doc, sentences)
    spans = _assemble(doc, [sentences[n] for n in body])
    _gold_mentions(doc, root, spans)
    return doc


def _take_header(doc: EcbDoc, sentences: dict[int, list[tuple[str, str]]]) -> list[int]:
    """Set URL, date and title of an ``ecbplus`` document; the sentence numbers of its text."""
    numbers = sorted(sentences)
    doc.url = "".join(text.strip() for _, text in sentences[numbers[0]]) if numbers and numbers[0] == 0 else None
    body = [n for n in numbers if n != 0]
    dated = [n for n in body[:3] if _is_date_line([text for _, text in sentences[n]])]
    for n in dated:
        doc.published = doc.published or _parse_date(detokenise([text for _, text in sentences[n]])[0])
    body = [n for n in body if n not in dated]
    if body:
        doc.title = detokenise([text for _, text in sentences[body[0]]])[0]
    return body


def _is_date_line(tokens: list[str]) -> bool:
    """Only date words, numbers and punctuation, with a date in it ("First Published: June 3, 2011 4:05 PM EDT")."""
    tokens = [t.strip() for t in tokens if t.strip()]
    words = [t for t in tokens if not (_DATE_TOKEN.fullmatch(t) or t.casefold().rstrip(".") in _DATE_WORDS)]
    text = detokenise(tokens)[0]
    return not words and (any(p.search(text) for p, _ in _DATES) or bool(_MONTH_DAY.search(text)))


def _parse_date(text: str) -> str | None:
    """The first date written in ``text`` as ``YYYY-MM-DD``, or ``None``."""
    import dateparser

    for pattern, order in _DATES:
        found = pattern.search(text)
        parsed = dateparser.parse(found.group(), languages=["en"], settings={"DATE_ORDER": order}) if found else None
        if parsed is not None:
            return str(parsed.date().isoformat())
    return None


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into text and give each token's character span (white space tokens are empty).

    >>> detokenise(["A", "59", "-", "year", "-", "old", "'s", "car", ",", "$", "30", ",", "000", "."])[0]
    "A 59-year-old's car, $30,000."
    >>> detokenise(["He", "said", "``", "no", "''", "in", "the", "U", ".", "S", ".", "and", "can", "’", "t", "."])[0]
    'He said "no" in the U.S. and can’t.'
    """
    tokens = [_QUOTES.get(t.strip(), t.strip()) for t in tokens]
    text, spans, quotes = "", [], {'"': False, "'": False}
    for i, token in enumerate(tokens):
        if i and token and not _glued(tokens, i, quotes):
            text += " "
        if token in quotes and not _clitic(tokens, i):
            quotes[token] = not quotes[token]
        spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


def _clitic(tokens: list[str], i: int) -> bool:
    """An apostrophe before a clitic: can ' t, Roe ’ s."""
    return tokens[i] in ("'", "’") and i + 1 < len(tokens) and tokens[i + 1].casefold() in _CLITICS


def _glued(tokens: list[str], i: int, quotes: dict[str, bool]) -> bool:
    """Whether token ``i`` follows token ``i - 1`` without a space (``quotes``: which quote is open)."""
    prev, token = tokens[i - 1], tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    before = tokens[i - 2] if i >= 2 else ""
    if not prev or token in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER or token == "’":
        return True  # ’ closes a quote or is an apostrophe
    if token in quotes:
        return quotes[token] or _clitic(tokens, i)  # a closing quote, or can ' t
    if prev in quotes:
        return quotes[prev] or _clitic(tokens, i - 1)  # just after an opening quote
    if token[:1] in "'’" and token[1:].casefold() in _CLITICS and token[1:]:
        return True  # 's, 're
    if prev == "’" and token.casefold() in _CLITICS:
        return True
    if token in ("-", "/") and prev[-1:].isalnum() and nxt[:1].isalnum():
        return token == "-" or (prev.isdigit() and nxt.isdigit())  # 41-year-old, 05/03/2011
    if prev in ("-", "/") and before[-1:].isalnum() and token[:1].isalnum():
        return prev == "-" or (before.isdigit() and token.isdigit())
    if prev == "," and before[-1:].isdigit():
        return bool(re.match(r"\d{3}(?!\d)", token))  # $30,000 and 2,000ft
    if prev == "." and len(before) == 1 and before.isalpha():
        return len(token) == 1 and token.isalpha()  # U.S., p.m.
    return prev in (".", ":") and before[-1:].isdigit() and token[:1].isdigit()  # 4:59, $2.5, 2012.08.08


def _assemble(doc: EcbDoc, sentences: list[list[tuple[str, str]]]) -> dict[str, tuple[int, int]]:
    """Set the document's text, one sentence a line; the character span of each token id."""
    lines, spans, at = [], {}, 0
    for sentence in sentences:
        line, token_spans = detokenise([text for _, text in sentence])
        for (t_id, _), (start, end) in zip(sentence, token_spans, strict=True):
            spans[t_id] = (at + start, at + end)
        lines.append(line)
        at += len(line) + 1
    doc.text = "\n".join(lines)
    return spans


def _gold_mentions(doc: EcbDoc, root: ET.Element, spans: dict[str, tuple[int, int]]) -> None:
    markables = root.find("Markables")
    anchors: dict[str, tuple[str, list[str]]] = {}
    instances: dict[str, str] = {}
    for markable in markables if markables is not None else ():
        tokens = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        if tokens:
            anchors[markable.get("m_id", "")] = (markable.tag, tokens)
        elif markable.get("instance_id"):
            instances[markable.get("m_id", "")] = markable.get("instance_id", "")
            doc.descriptors[markable.get("instance_id", "")] = markable.get("TAG_DESCRIPTOR", "")
    seen: set[str] = set()
    for relation in root.iter("CROSS_DOC_COREF"):
        target = relation.find("target")
        instance = instances.get(target.get("m_id", "") if target is not None else "") or relation.get("note") or ""
        for source in relation.iter("source"):
            m_id = source.get("m_id", "")
            if m_id in seen or m_id not in anchors or anchors[m_id][0].split("_")[0] not in KINDS:
                continue
            seen.add(m_id)
            tag, tokens = anchors[m_id]
            doc.mentions.append(_mention(doc, m_id, tag, instance, [spans.get(t) for t in tokens]))


def _mention(doc: EcbDoc, m_id: str, tag: str, instance: str, spans: list[tuple[int, int] | None]) -> GoldMention:
    found = [span for span in spans if span is not None]
    if len(found) < len(spans):  # on the URL or date line, not in the text
        return GoldMention(doc.name, m_id, tag, instance, None, None, "")
    start, end = min(s for s, _ in found), max(e for _, e in found)
    return GoldMention(doc.name, m_id, tag, instance, start, end, doc.text[start:end])
