"""Per-article features the link stage compares: word vectors, name keys, dates, sites.

Weights come from word frequencies (wordfreq, shipped with its data), not
from the corpus, so an article's features never change when other articles
arrive: they can be cached, and the same pair always gets the same score.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import numpy as np

from ..codes import Code
from ..extract.names import ROMAN_NUMERAL
from ..model import Article
from ..sentences import SENTENCE_END, ends_sentence
from .resources import FOLDS, INITIAL_FOLDS, LABEL_FAMILY, LEADING_ABBREVIATIONS

WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*)")
#: The weight of a word wordfreq has never seen (-ln of a frequency near 1e-7): rare, not infinitely so.
_MAX_IDF = 16.0
#: Characters a word keeps as its stem in story vectors.
STEM = 5


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """``"Jersón"`` -> ``"Jerson"``; ``"Grițenko"`` -> ``"Gritenko"``."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """A transliteration-folded key for a name: accents off, common spelling swaps unified.

    >>> fold_name("Surovykin") == fold_name("Surovikin")
    True
    >>> fold_name("Jersón") == fold_name("Kherson")
    True
    >>> fold_name("Mt. Cook") == fold_name("Mount Cook")
    True

    A Roman numeral is a number, not letters to fold: "World War II" is not "World War I" (#17).

    >>> fold_name("World War II") == fold_name("World War I")
    False
    """
    words = []
    for n, written in enumerate(WORD.findall(strip_accents(name))):
        word = written.casefold()
        if ROMAN_NUMERAL.fullmatch(written):
            words.append(word)
            continue
        if n == 0:
            word = LEADING_ABBREVIATIONS.get(word, word)
        for old, new in FOLDS:
            word = word.replace(old, new)
        if word[:1] in INITIAL_FOLDS:
            word = INITIAL_FOLDS[word[0]] + word[1:]
        words.append(word)
    return " ".join(words)


def label_family(label: str | None) -> str:
    """The family a NER label belongs to (GPE, LOC, FAC -> PLACE)."""
    return LABEL_FAMILY.get((label or "").upper(), (label or "OTHER").upper())


def site_of(article: Article) -> str | None:
    """The outlet: ``article.site``, else the host of its URL without ``www.``."""
    if article.site:
        return article.site
    url = article.canonical_url or article.url
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def day_of(value: str | None) -> date | None:
    """The calendar day of an ISO 8601 timestamp, or ``None``."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


#: Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer): a run of
#: them is one regex "word", so it is cut into characters (for shingles) or bigrams (for vectors).
_UNSEGMENTED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
                          r"\u4e00-\u9fff\uf900-\ufaff]+")
#: wordfreq tokenises these languages with MeCab or jieba, optional packages that may be missing:
#: their words get a flat weight instead (a word of such a script is already specific).
NO_WORDFREQ = frozenset({"ja", "zh", "ko", "th", "lo", "my", "km"})
#: The weight of a word in a script wordfreq cannot segment: a middling one, so it neither rules nor vanishes.
_SCRIPT_IDF = 10.0


def _split_unsegmented(word: str, size: int) -> list[str]:
    if not _UNSEGMENTED.search(word):
        return [word]
    parts: list[str] = []
    at = 0
    for run in _UNSEGMENTED.finditer(word):
        if run.start() > at:
            parts.append(word[at:run.start()])
        chars = run.group()
        parts += [chars[i:i + size] for i in range(max(1, len(chars) - size + 1))]
        at = run.end()
    if at < len(word):
        parts.append(word[at:])
    return parts


def words(text: str) -> list[str]:
    """Word tokens as written; runs of scripts without spaces become single characters.

    >>> words("Kherson 新作入荷")
    ['Kherson', '新', '作', '入', '荷']
    """
    if not _UNSEGMENTED.search(text):  # most texts: no word to cut, one search for the text, not one a word (#17)
        return WORD.findall(text)
    return [part for word in WORD.findall(text) for part in _split_unsegmented(word, 1)]


@lru_cache(maxsize=200_000)
def idf(word: str, lang: str = "en") -> float:
    """Inverse frequency of a word from wordfreq: rare words and unknown names weigh most.

    Words of scripts wordfreq can only read with optional tokenisers (Japanese,
    Chinese, Korean, Thai...) get a flat weight, so any script links without them.
    """
    if lang in NO_WORDFREQ or _UNSEGMENTED.search(word) or _is_hangul(word):
        return _SCRIPT_IDF
    from wordfreq import word_frequency

    try:
        freq = word_frequency(word, lang)
    except (LookupError, ImportError):  # a language wordfreq lacks, or its tokeniser is missing
        freq = word_frequency(word, "en")
    return min(_MAX_IDF, -math.log(freq)) if freq > 0 else _MAX_IDF


def _is_hangul(word: str) -> bool:
    return any("\uac00" <= c <= "\ud7af" or "\u1100" <= c <= "\u11ff" for c in word)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (accents kept: wordfreq knows them); character bigrams in scripts without spaces.

    >>> tokens("Floods 新作入荷")
    ['floods', '新作', '作入', '入荷']
    """
    if not _UNSEGMENTED.search(text):
        return [word.casefold() for word in WORD.findall(text)]
    return [part for word in WORD.findall(text) for part in _split_unsegmented(word.casefold(), 2)]


def stem(word: str) -> str:
    """A language-free stem: the first :data:`STEM` characters ("evacuated", "evacuees" -> "evacu").

    Truncation serves inflected languages (German, Polish, Turkish) about as well
    as a stemmer per language, and needs none.
    """
    return word[:STEM]


def weighted_vector(text: str, *, lang: str = "en") -> dict[str, float]:
    """A unit-length vector of stems: sublinear term frequency times wordfreq IDF (of the rarest form)."""
    counts: Counter[str] = Counter()
    weights: dict[str, float] = {}
    for word in tokens(text):
        if word.isdigit():
            continue
        key = sys.intern(stem(word))  # one string per stem for the whole corpus, not one per article (#17)
        counts[key] += 1
        weights[key] = max(weights.get(key, 0.0), idf(word, lang))
    vector = {w: (1.0 + math.log(n)) * weights[w] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    # in stem order: the order a stored vector comes back in (a JSON object of sorted keys), so a cosine sums
    # alike whether an article's features were computed or read (#17)
    return {w: vector[w] / norm for w in sorted(vector)}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    # the shared stems' products in ``a``'s order, without adding the others' zeros: the same sum to the last
    # bit, in two thirds of the time; scoring the candidates of new articles is most of a story step (#17)
    return sum([v * found for w, v in a.items() if (found := get(w)) is not None], 0.0)


@dataclass(slots=True)
class DocFeatures:
    """What story linking compares for one article."""

    id: str
    site: str | None
    day: date | None
    title: str
    vector: dict[str, float]
    title_vector: dict[str, float]
    names: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)
    semantic: np.ndarray | None = None
    #: what names the article in a list: its title, or the start of its text when it has none
    headline: str = ""
    #: False for a page that is not news (W104): it gets no keys and is linked to no copy in a story (#17)
    news: bool = True
    #: the folded name of the person or organisation the article is most about (:func:`subject_of`), if any
    subject: str | None = None



class Head(NamedTuple):
    """What merging and naming stories read of an article's features: all but its vectors and names. A run adding
    articles keeps the heads of the stored stories its merges reach and reads their vectors only while it scores
    their pairs (#17)."""

    day: date | None
    site: str | None
    title: str
    headline: str
    news: bool

    @classmethod
    def of(cls, doc: DocFeatures) -> Head:
        return cls(doc.day, doc.site, doc.title, doc.headline, doc.news)


#: An article's features or its head: what :func:`~newsprism.link.stories.story_cluster` and the merges' spans
#: and dates read.
Headed = DocFeatures | Head


def heads_of(feats: Mapping[str, DocFeatures]) -> Mapping[str, Headed]:
    """The heads of ``feats`` when the mapping keeps them apart (a mapping that lets read features go,
    :class:`~newsprism.link.delta.Features`), else ``feats`` itself."""
    heads: Mapping[str, Headed] = getattr(feats, "heads", feats)
    return heads

#: Bumped whenever what :func:`features` computes changes, so that stored features are computed again.
FEATURES_VERSION = 6  # 2: whether the page is news (W104, #17); 3: vectors stored as objects, in stem order;
# 4: the article's subject; 5: a Roman numeral kept in folded names ("World War II" is not "World War I"); 6: a
# headline stand-in not cut at an abbreviation ("General Motors Corp. said")


def features_data(doc: DocFeatures) -> dict[str, Any]:
    """What is stored of an article's features (all but its id and meaning vector, kept apart), as JSON data.

    Vectors are kept as JSON objects, which the store writes with their keys sorted: a vector is in stem
    order (:func:`weighted_vector`), so :func:`features_from_data` gives back the same dictionaries, in the
    same order, and a stored article scores, to the last bit, as one computed again; an object decodes in a
    third of the time of a list of pairs, and a run adding articles decodes the features of their every
    candidate (#17).

    >>> doc = features(Article(id="a", text="Floods hit Galati on the Danube.", title="Danube floods"))
    >>> features_from_data("a", features_data(doc)) == doc
    True
    """
    return {"site": doc.site, "day": doc.day.isoformat() if doc.day else None, "title": doc.title,
            "vector": doc.vector, "title_vector": doc.title_vector,
            "names": sorted(doc.names), "places": sorted(doc.places), "headline": doc.headline,
            **({} if doc.news else {"news": False}), **({"subject": doc.subject} if doc.subject else {})}


def features_from_data(article_id: str, data: Mapping[str, Any], *, semantic: np.ndarray | None = None,
                       own: bool = False) -> DocFeatures:
    """The features :func:`features_data` stored, with the article's meaning vector; ``own``: ``data`` was
    decoded for them alone, so they keep its vectors, not copies."""
    vector, title_vector = (data["vector"], data["title_vector"]) if own else (
        dict(data["vector"]), dict(data["title_vector"]))
    return DocFeatures(id=article_id, site=data["site"], day=day_of(data["day"]), title=data["title"],
                       vector=vector, title_vector=title_vector,
                       names=frozenset(data["names"]), places=frozenset(data["places"]), semantic=semantic,
                       headline=data["headline"], news=data.get("news", True), subject=data.get("subject"))


def is_news(article: Article) -> bool:
    """Whether the page is news: not marked W104 (a shop or product page) by the cleaning stage."""
    return not any(issue.code == Code.NOT_NEWS for issue in article.issues)


def _names(article: Article) -> frozenset[str]:
    keys = {fold_name(e.name) for e in article.entities
            if label_family(e.label) in ("PERSON", "ORG", "PLACE", "EVENT")}
    if not article.entities:
        # No extract stage ran: capitalised word runs inside sentences stand in for names.
        keys = {fold_name(m.group(1)) for m in _CAPS.finditer(article.text) if len(m.group(1)) > 3}
    return frozenset(k for k in keys if k)


def features(article: Article, *, semantic: np.ndarray | None = None) -> DocFeatures:
    """Compute the comparable features of one article (pure; cacheable by content).

    ``semantic`` is the article's meaning vector when the caller has it (see
    :func:`features_of`, which computes them in batches).
    """
    lang = (article.lang or "en").split("-")[0]
    places = {p.gazetteer_id or fold_name(p.name or p.text) for p in article.places}
    text, title = content_of(article)
    # A shop or product page (W104) gets no blocking keys: one shop's pages share their template's words
    # and would make a story of their own (#17).
    news = is_news(article)
    return DocFeatures(
        id=article.id, site=site_of(article), day=day_of(article.published), title=title if news else "",
        vector=weighted_vector(text, lang=lang), title_vector=weighted_vector(title, lang=lang),
        names=_names(article) if news else frozenset(), places=frozenset(p for p in places if p and news),
        semantic=semantic, headline=title.strip() or lead_sentence(text), news=news,
        subject=subject_of(article) if news else None)


def subject_of(article: Article) -> str | None:
    """The folded name of the person or organisation ``article`` names most, when named twice or more (ties
    go to the one named first): what a story of one kind among many (a company's quarterly results, one
    team's game) is about."""
    best = None
    for entity in article.entities:  # in the order of first mention
        if label_family(entity.label) in ("PERSON", "ORG") and entity.mentions >= 2 and (
                best is None or entity.mentions > best.mentions):
            best = entity
    return (fold_name(best.name) or None) if best is not None else None


#: a headline stand-in is cut at a word boundary after this many characters
_HEADLINE_CHARS = 90


def lead_sentence(text: str) -> str:
    """The first sentence of ``text`` (its first line at most), cut at a word near 90 characters: what
    stands for a headline in lists when an article has no title (text without markup often has none).

    A stop before a word in lower case ends no sentence: "General Motors Corp. said", "facing U.S. pressure"
    are abbreviations, which the wire stories of a corpus without titles open with (#17).

    >>> lead_sentence("Iraq's Saddam Hussein, facing U.S. pressure, freed the hostages. More followed.")
    "Iraq's Saddam Hussein, facing U.S. pressure, freed the hostages."
    """
    line = text.lstrip().partition("\n")[0].strip()  # the first line with text, without splitting the rest
    end = next((m for m in SENTENCE_END.finditer(line) if m.start() >= 20 and ends_sentence(line, m)), None)
    sentence = line[:end.end(1)].strip() if end else line
    if len(sentence) <= _HEADLINE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, _HEADLINE_CHARS)
    return sentence[:cut if cut > _HEADLINE_CHARS // 2 else _HEADLINE_CHARS].rstrip(" ,;:-–—") + "…"


def content_of(article: Article) -> tuple[str, str]:
    """The text and title linking compares: without site notices (cookie walls, access-block pages),
    which would make unrelated articles behind one banner look alike."""
    return _without_notices(article.text), _without_notices(article.title or "")


@lru_cache(maxsize=2048)
def _without_notices(text: str) -> str:
    # a run asks twice for each new article's text (its meaning vector's lead, then its features), and finding
    # notices is most of what computing the features costs
    from ..clean.notices import strip_notices

    return strip_notices(text)


def features_of(articles: Sequence[Article]) -> list[DocFeatures]:
    """:func:`features` of many articles, their meaning vectors encoded in batches."""
    from .semantic import encode, lead

    vectors = encode([lead(*reversed(content_of(a))) for a in articles])
    return [features(a, semantic=v) for a, v in zip(articles, vectors, strict=True)]
