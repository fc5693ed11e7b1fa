"""Repair words glued together where a link or a tag lost its space.

Dictionary segmenters split every word they do not know, and news is full of
names they do not know ("Stremousov", "Komsomolskaya"). The rules here split
a token only at a boundary its form shows, and a word only when it is unknown
to wordfreq *and* occurs once in the document:

1. a closing quote before a capital (``decision’He``, ``me."Kosgei``), or an
   opening quote after a letter (``said“We``); a straight quote is closing or
   opening by how many come before it in the paragraph;
2. sentence punctuation with no space after it: before a capitalised word
   when the word before ends in a lower-case letter (``year.In``,
   ``family.Hagan``), before a lower-case word when both are ordinary words
   (``insurmountable.just``); never in a domain, file name, abbreviation
   (``U.S.``, ``e.g.``) or number;
3. a case boundary ("EL ESPAÑOLRussian", "KhersonRussia", "ofKherson")
   where both parts are known words or stand alone elsewhere in the document;
4. a once-seen unknown word that is two known words (``Fridayin``,
   ``Greekisland``, ``theybelieve``), found by word-frequency segmentation:
   the best split must be far likelier than any other, and a short right part
   ("in", "as", "an") needs a common word on its left, since "-as", "-an",
   "-in" end many names ("Saladas", "Judian");
5. in a line in another language, one of that language's commonest short
   words glued to a known word of it (``Webseitenund``, ``derHerstellung``),
   by that language's word list;
6. before rules 3 and 4, an unknown word, or one with a capital inside, whose
   two parts the document writes apart more often than together
   (``gunownership`` beside "gun ownership", ``theengine`` twice beside "the
   engine" eight times), whatever word frequencies say of its parts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from string import ascii_lowercase

from ..first_names import first_name_genders
from .resources import DOMAIN_ENDINGS, ENGLISH_STOP_WORDS, GLUE_FUNCTION_WORDS, STOP_WORDS
from .word_lists import FrequencyTable, common_words, frequency_table, iter_bands, segmented

_LETTERS = re.compile(r"[^\W\d_]+")
_LONG_LETTERS = re.compile(r"[^\W\d_]{5,}")  # the letter runs of five letters or more, whole
_CLOSE_QUOTE = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_][.!?,…]))[”’\"»](?=[A-Z][a-z])")
_OPEN_QUOTE = re.compile(r"(?<=[^\W\d_])[“‘«](?=[A-Z])")
_PUNCT_GLUE = re.compile(r"(?<![.\w/@:])([^\W\d_]{2,})([.!?])([^\W\d_]{3,})(?![.\w/@])")
# a full stop between a word that ends in lower case and a capitalised word ("year.In", "Dr.Tomasz"):
# abbreviations ("U.S.The", "e.g.The") are left, as are domains and files ("news.Google.com")
# a hyphenated word on either side is a word too ("off-air.The", "face.Sixty-six"), and an abbreviation after the
# stop ("assessment.Rep. Frank") is no domain (#12)
_STOP_BEFORE_CAPITAL = re.compile(r"(?:(?<=[^\W\d_]-)|(?<![.\w/@:’'-]))([^\W\d_]*[a-zà-ÿ])([.!?])([A-ZÀ-Þ][a-zà-ÿ]+)"
                                  r"(?![\w/@]|\.\w|-(?![^\W\d_]))")
_QUOTE_GLUE = re.compile(r"[”’\"»“‘«][A-Z]")  # what rule 1's two patterns both need
_STOP_GLUE = re.compile(r"[.!?]\S")  # what rule 2's two patterns both need
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")  # a lower-case letter, then a capital
_CASE_BOUNDARY = re.compile(_CAMEL.pattern + r"|(?<=[A-ZÀ-Þ])(?=[A-ZÀ-Þ][a-zà-ÿ])")  # or "TVShow"
_MIN_LEFT = 4          # "Kan"+"is" is a name; "Kherson"+"is" is glued
_KNOWN_ZIPF = 1.5      # a name's left part known to wordfreq: "Shoigu" is 1.61
_COMMON_ZIPF = 3.0     # a lower-case word's left part must be an ordinary word
_RIGHT_ZIPF = 2.5      # right part after a case boundary: a common word or name
_PUNCT_ZIPF = 3.0      # both sides of "insurmountable.just" are ordinary words
_BRAND_ZIPF = 4.2      # a CamelCase brand's first part is a common word: "Marine" is 4.53
_LOWER_LEFT_ZIPF = 2.0  # a lower-case word before a capital is a known word: "oceanographer" is 2.3
_SHORT_RIGHT = frozenset("in on at is to of as by an or he it be we us up do go me so if my no".split())
_SHORT_RIGHT_LEFT_ZIPF = 4.5  # "Friday" is 5.2; "Salad" ("Saladas") 3.9
_PAIR_ZIPF = 6.5       # the two parts together: "Hubble" 3.1 + "telescope" 3.8
_SHORT_PART_ZIPF = 4.0  # a right part under five letters must be this common ("wise" 4.5; "vita" 3.5)
_SHORT_LEFT_ZIPF = 4.5  # a three-letter left part must be a common word ("one", "new")
_FUNCTION_LEFT_ZIPF = 2.5  # "tampered" (2.95) + "with"
_ZIPF_WORD = 9.0       # Zipf is log10 of a word's count per billion: two words' Zipf as a pair is their sum less 9
_TYPO_MARGIN = 2.0     # a typo's word is this much likelier than the two words it would be glued from ("spokeman" 2.4)
_SEGMENT_MARGIN = 1.0  # the best split must beat the next by this much (Zipf is a log10 scale)
_TEXT_WEIGHT = 0.1      # the document's own word counts, mixed into the language's when two splits are weighed
_SHORT_SEEN = 2        # a three-letter word the text names alone this often is one of its words
_SEEN_GLUED = 2        # a page repeats one glue twice at most (a summary and its story); a name recurs more
_FUNCTION_BONUS = 2.0  # a function word glued on is the commonest glue: its split wins a close call
_LEXICON_SIZE = 150_000  # wordfreq's commonest words looked at for compounds and typos
_COMMON_PARTS = 30_000   # parts of compounds are among the commonest words (Zipf about 3 and up)
_PREFIX_PARTS = 100    # "over" and "under" start hundreds of words: prefixes, not grammar words
_COMPOUND_PARTS = 30   # "un" starts 928 listed words, "-able" ends 269; "Greek" starts 1, "-island" ends 1
_OTHER_LANGUAGES = ("fr", "de", "es", "pt")  # their small lists cost 0.1 s to load, once


@dataclass(frozen=True, slots=True)
class Split:
    """Insert a space at ``index`` inside the token ``start:end`` of a line."""

    start: int
    end: int
    index: int
    reason: str
    #: A split of rules 3 and 4 that nothing in its form shows: two plain words ("Greekisland") or two capitalised
    #: ones ("BundleHunt") with no grammar word (see :func:`weak_alone`).
    weak: bool = False


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of ``word`` (lower-cased), cached; read from the compact table of the language's
    list (:mod:`.word_lists`), or from wordfreq itself for a language it segments."""
    table = _table(lang)
    if table is not None:
        return table.zipf(word.lower())
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), lang))


def _table(lang: str) -> FrequencyTable | None:
    try:
        return None if segmented(lang) else frequency_table(lang)
    except LookupError:  # a code langcodes cannot read
        return None


@lru_cache(maxsize=64)
def knows_words(lang: str) -> bool:
    """Whether wordfreq can look up words of ``lang`` here.

    Japanese, Korean and Chinese need optional word segmenters (MeCab, jieba);
    without them there is nothing to repair glued words against, and text in
    those scripts has no spaces to restore anyway (``newsprism doctor`` says
    how to install them).
    """
    if _table(lang) is not None:
        return True
    from wordfreq import zipf_frequency

    try:
        zipf_frequency("a", lang)
    except (ImportError, LookupError):  # the segmenter is missing, or wordfreq has no list for lang
        return False
    return True


def load_word_lists(lang: str) -> None:
    """Load the word lists the repair of ``lang`` needs, once per process (a second or so), so that a
    time budget for the repair measures the repair, not the loading."""
    if knows_words(lang):
        zipf("the", lang)
        _lexicon(lang)
        _everyday_words(lang)


class DocumentVocabulary(Counter[str]):
    """A document's word counts (see :func:`document_vocabulary`) that also answers how often it writes two
    words one after the other, read from its text when a glued word asks (#12)."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        super().__init__()
        self.texts = tuple(texts)
        self._joined: str | None = None
        self._pairs: dict[tuple[str, str], int] = {}
        self._written: dict[str, int] = {}
        self._words: int | None = None

    def words(self) -> int:
        """How many words the document has (letter runs), counted once."""
        if self._words is None:
            self._words = sum(count for word, count in self.items() if " " not in word)
        return self._words

    def pair_count(self, left: str, right: str) -> int:
        """How often the document writes ``left`` and ``right`` apart, one space between them, in their case but
        for a sentence's first capital ("gun ownership" for "Gunownership"; "Linked In" is not "LinkedIn")."""
        count = self._pairs.get((left, right))
        if count is None:
            lefts = (left, left[:1].swapcase() + left[1:]) if left[1:].islower() else (left,)
            # a search for the one pair: few words get here, and counting every pair of the text cost more (#12, speed)
            count = self._pairs[(left, right)] = sum(self.written(f"{part} {right}") for part in lefts)
        return count

    def written(self, words: str) -> int:
        """How often the document writes ``words`` as they are, case and all, with no letter or digit on either
        side."""
        count = self._written.get(words)
        if count is None:
            if self._joined is None:
                self._joined = "\n".join(self.texts)
            count = self._written[words] = _whole_words(self._joined, words)
        return count


def _whole_words(text: str, needle: str) -> int:
    """How often ``needle`` occurs in ``text`` with no letter or digit right before or after it."""
    count, at = 0, text.find(needle)
    while at >= 0:
        end = at + len(needle)
        count += (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        at = text.find(needle, at + 1)
    return count


def document_vocabulary(texts: Iterable[str]) -> DocumentVocabulary:
    """Lower-cased letter runs of a document and how often each occurs; the pairs it writes apart are read
    from its text when asked (:meth:`DocumentVocabulary.pair_count`)."""
    counts = DocumentVocabulary(texts)
    for text in counts.texts:
        counts.update(map(str.lower, _LETTERS.findall(text)))
    return counts


def _written_alone(vocabulary: Counter[str], word: str) -> bool:
    """Whether the document writes ``word`` alone, in its case; a plain count of words does not know."""
    return isinstance(vocabulary, DocumentVocabulary) and vocabulary.written(word) > 0


def _pair_count(vocabulary: Counter[str], left: str, right: str) -> int:
    """How often the document writes ``left`` and ``right`` apart; a plain count of words knows no pairs.

    One path for every rule that asks (#12): the capitalised pairs were once counted into the vocabulary as
    well, a second count of the same thing that could disagree with this one on case and word edges.
    """
    return vocabulary.pair_count(left, right) if isinstance(vocabulary, DocumentVocabulary) else 0


def _written_apart(word: str, *, vocabulary: Counter[str]) -> tuple[int, str] | None:
    """Where the document writes ``word``'s two parts apart more often than it writes them together (#12).

    A glued pair of words is seldom glued everywhere its text uses it: "gun ownership" written ten times and
    "gunownership" once, "the engine" eight times and "theengine" twice. The document's own spelling settles
    what word frequencies cannot: a compound's parts ("nosedown"), a close call between two readings
    ("therepose"), a name's particle ("Billde" beside "Bill de Blasio"). Of several such places the one written
    apart most often wins, and a tie is left as written.

    A word with no capital inside gets here only when no word list knows it: written apart as often as together
    is enough for it ("Saturatedfield" beside "saturated field", "passdefended" twice beside "pass defended"
    twice). A CamelCase word must be written apart more often, as a brand's parts may be ("Marine Traffic").
    """
    together = max(vocabulary.get(word.lower(), 0), 1)
    need = together if word[1:].islower() else together + 1
    lower = word.lower()
    best: list[tuple[int, int]] = []
    for index in range(2, len(word) - 1):
        # both parts stand alone in the text if it writes them apart: most words stop here, and the pairs are
        # counted only for a document where one does not (#12, speed)
        if vocabulary.get(lower[:index], 0) < need or vocabulary.get(lower[index:], 0) < need:
            continue
        count = _pair_count(vocabulary, word[:index], word[index:])
        if count >= need:
            best.append((count, index))
    if not best:
        return None
    best.sort(reverse=True)
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None
    index = best[0][1]
    return index, f'"{word[:index]}" and "{word[index:]}" glued, which this text writes apart'


def find_glued(text: str, *, vocabulary: Counter[str], lang: str = "en", marks_only: bool = False) -> list[Split]:
    """Where spaces are missing in ``text`` (one line or paragraph).

    Args:
        text: The text to look at.
        vocabulary: Counts of the whole document's words (see :func:`document_vocabulary`).
        lang: Language of the word frequencies.
        marks_only: For a line written in another language than the story's, ``lang`` being the line's: only
            the boundaries that need no English rule: a quote (rule 1), a stop before a capitalised word (rule 2),
            a lower-to-upper case boundary whose two words the text writes alone elsewhere ("sejarahIslam" beside
            "sejarah" and "Islam"), after one of the line's grammar words ("derHerstellung") or between a first
            name and a surname ("KyleBusch"), and a grammar word of the line's language glued to a known word of
            it (rule 5, "Webseitenund").

    Returns:
        The splits, in text order, at most one per position.

    >>> find_glued("the city of Khersonis the capital", vocabulary=Counter({"khersonis": 1}))
    [Split(start=12, end=21, index=19, reason='function word "is" glued to "Kherson"', weak=False)]
    """
    if not marks_only and not knows_words(lang):
        return []
    splits: dict[int, Split] = {}
    # rules 1 and 2 need a quote or a stop before a letter: most lines have none, and their patterns'
    # look-behinds are tried at every character (#12, speed)
    quotes = _QUOTE_GLUE.search(text) is not None
    for m in _CLOSE_QUOTE.finditer(text) if quotes else ():
        if m.group() == '"' and text.count('"', 0, m.start()) % 2 == 0 and text[m.start() - 1].isalpha():
            # an even number of straight quotes before it: this one opens a quote ('said"We')
            splits[m.start()] = Split(m.start() - 1, m.end() + 1, m.start(), "opening quote glued to the word before")
            continue
        splits[m.end()] = Split(m.start() - 2, m.end() + 1, m.end(), "closing quote glued to the next word")
    for m in _OPEN_QUOTE.finditer(text) if quotes else ():
        splits[m.start()] = Split(m.start() - 1, m.end() + 1, m.start(), "opening quote glued to the word before")
    stops = _STOP_GLUE.search(text) is not None
    for m in _STOP_BEFORE_CAPITAL.finditer(text) if stops else ():
        if len(m.group(1)) < 2:  # "J.Smith": an initial
            continue
        splits[m.end(2)] = Split(m.start(), m.end(), m.end(2), f'no space after "{m.group(2)}"')
    if marks_only:
        listed = knows_words(lang)  # the line's own language: its grammar words are looked up in its word list
        for m in _CAMEL_TOKEN.finditer(text) if _CAMEL.search(text) else ():
            left, right = m.group(1), m.group(2)
            if vocabulary.get(left.lower(), 0) and vocabulary.get(right.lower(), 0) \
                    and vocabulary.get((left + right).lower(), 0) == 1:
                splits.setdefault(m.start(2), Split(m.start(), m.end(), m.start(2),
                                                    f'case boundary between "{left}" and "{right}", words this text uses alone'))
            elif listed and left.islower() and _grammar_word(left, lang):
                splits.setdefault(m.start(2), Split(m.start(), m.end(), m.start(2),
                                                    f'case boundary after the grammar word "{left}"'))
            elif listed and left.islower() and len(left) >= 3 and zipf(left, lang) >= _LOWER_LEFT_ZIPF \
                    and _known(right, vocabulary, lang, _RIGHT_ZIPF) and zipf(left + right, lang) == 0 \
                    and zipf(left + right) == 0:
                # a known lower-case word before a capitalised one ("besondereRolle", "sagteDer"), as in the
                # story's language: brands that start in lower case start with one or two letters ("iPhone"), or
                # are known words of their own ("easyJet") (#12)
                splits.setdefault(m.start(2), Split(m.start(), m.end(), m.start(2),
                                                    f'case boundary between "{left}" and "{right}"'))
            elif left[1:].islower() and vocabulary.get((left + right).lower(), 0) <= 1 \
                    and _first_name_and_surname(left, right):  # names are written alike in every language (#12)
                splits.setdefault(m.start(2), Split(m.start(), m.end(), m.start(2),
                                                    f'case boundary between the first name "{left}" and "{right}"'))
        if listed:
            for m in _LONG_LETTERS.finditer(text):
                word = m.group()
                if word[1:].islower() and vocabulary.get(word.lower(), 0) <= 1 and zipf(word, lang) == 0 \
                        and zipf(word) == 0 and not _DOTTED.match(text, m.end()):
                    index = _grammar_split(word, lang)
                    if index is not None:
                        splits.setdefault(m.start() + index, Split(m.start(), m.end(), m.start() + index,
                                                                   f'a grammar word glued: "{word[:index]}" and "{word[index:]}"'))
        return [_whole_token(text, splits[i]) for i in sorted(splits)]
    for m in _PUNCT_GLUE.finditer(text) if stops else ():
        left, right = m.group(1), m.group(3)
        if not right.islower() or right in DOMAIN_ENDINGS or min(zipf(left, lang), zipf(right, lang)) < _PUNCT_ZIPF:
            continue
        splits[m.end(2)] = Split(m.start(), m.end(), m.end(2), f'no space after "{m.group(2)}"')
    # shorter words are never split, nor a known word with no capital inside: only the rest is looked at (#12)
    unusual = _unusual_words(_LONG_LETTERS.findall(text), lang)
    for m in _LONG_LETTERS.finditer(text) if unusual else ():
        word = m.group()
        if word not in unusual:
            continue
        if m.start() and text[m.start() - 1] in "#@":  # hashtags and handles are glued on purpose
            continue
        if text[m.start() - 1:m.start()].isdigit() or text[m.end():m.end() + 1].isdigit():
            continue  # letters and digits in one token are a handle or a code ("theprocess12", "4hourelection")
        if _DOTTED.match(text, m.end()) or (m.start() and text[m.start() - 1] in "./"):
            continue  # part of a domain, file or path ("onmeth.com")
        negation = _negation_split(word, text[m.end():m.end() + 2], lang)
        if negation is not None:  # "peoplearen't", "theydon't": the contraction's stem glued on (#12)
            splits.setdefault(m.start() + negation, Split(m.start(), m.end(), m.start() + negation,
                                                          f'"{word[:negation]}" glued to "{word[negation:]}’t"'))
            continue
        known = zipf(word, lang) > 0 and not _listed_glue(word, lang)
        if not known or not word[1:].islower():
            # a known word with no capital inside is never split: "backup" beside "back up" is two words (#12)
            apart = _written_apart(word, vocabulary=vocabulary)
            if apart is not None:
                splits.setdefault(m.start() + apart[0], Split(m.start(), m.end(), m.start() + apart[0], apart[1]))
                continue
        seen = vocabulary.get(word.lower(), 0)
        if seen > 1 or known:
            pair = None if word[1:].islower() else _parts_apart(word, vocabulary=vocabulary)
            if pair is not None:
                splits.setdefault(m.start() + pair[0], Split(m.start(), m.end(), m.start() + pair[0], pair[1]))
            if pair is not None or known or seen > _SEEN_GLUED:
                continue
        if word.islower() and _LABEL_LINE.match(text) and not text[:m.start()].strip():
            continue  # a comment's header opens on its writer's handle, in lower case ("joetoronto says:")
        split = _split_word(word, vocabulary=vocabulary, lang=lang, in_name=_in_name(text, m.start(), m.end()))
        if split is not None and (seen <= 1 or _long_function_word(word[split[0]:])
                                  or (vocabulary.get(word[:split[0]].lower(), 0)
                                      and (not word[1:].islower() or _no_head(word[split[0]:], lang)
                                           or _grammar_glue(word[:split[0]], word[split[0]:])))):
            # a word seen twice is a name ("Khersonis", "Hillicon" twice) unless its first part stands alone in the
            # text too and a case boundary shows the glue ("theFrench" twice beside "the") or the second part is a
            # long word that ends no compound ("Statespresidential" twice beside "States") or either part is a
            # grammar word ("theflu" twice); a grammar word of four letters or more ends no name ("copewith"
            # twice): a glue a page repeats (#12)
            index, reason = split
            splits.setdefault(m.start() + index, Split(m.start(), m.end(), m.start() + index, reason,
                                                       weak=_by_form_alone(word[:index], word[index:])))
    return [_whole_token(text, splits[i]) for i in sorted(splits)]


def _by_form_alone(left: str, right: str) -> bool:
    """Whether nothing in a split's form shows the glue: two plain words ("Greekisland", "Singleframe") or two
    capitalised ones ("BundleHunt", "TexAuto"), neither of them a grammar word nor a short word glued on
    ("andimmigration", "Fridayin"); a lower-case word before a capital ("theUkrainian") shows it."""
    if left.lower() in ENGLISH_STOP_WORDS or right.lower() in ENGLISH_STOP_WORDS \
            or right.islower() and (right in GLUE_FUNCTION_WORDS or len(right) <= 3):
        return False  # a grammar word glued on, which compounds and brands are not made of
    return right[:1].islower() or (left[:1].isupper() and left[1:].islower())


def weak_alone(splits: Iterable[Split]) -> bool:
    """Whether every split a document's lines gave is a weak one (:attr:`Split.weak`), which are then all dropped.

    A page loses its spaces as its markup was flattened, and that leaves its marks: a stop or a quote before the
    next sentence ("year.In"), a grammar word glued on ("ofKherson"), two words it writes apart elsewhere. A page with none of them whose only "glue"
    is two words a dictionary lacks as one is a page of compounds and brands ("Singleframe", "cyberstalker",
    "BundleHunt", "Riveredge"): of the 13 words that 181 real scraped pages write whole and the rules split, 11 were
    such words on pages with no other glue (#12).
    """
    splits = list(splits)
    return bool(splits) and all(split.weak for split in splits)


#: Per language, words seen to be known to wordfreq with no capital inside: rule 3 and 4 never split them.
_PLAIN_WORDS: dict[str, set[str]] = {}
_PLAIN_WORDS_MAX = 200_000


def _unusual_words(words: list[str], lang: str) -> set[str]:
    """The words of ``words`` that are not plain known words (most lines have none), learning the plain ones.

    A set difference in one step replaces a look-up per word of every line (a third of cleaning's time, #12).
    """
    plain = _PLAIN_WORDS.setdefault(lang, set())
    unusual = set(words) - plain
    if not unusual:
        return unusual
    if len(plain) > _PLAIN_WORDS_MAX:
        plain.clear()
    # a word listed only at the list's rarest is looked at each time: it may be web glue ("thatit", "theydon't")
    learnt = {word for word in unusual if word[1:].islower() and zipf(word, lang) >= _KNOWN_ZIPF}
    plain |= learnt
    return unusual - learnt


#: The stems of English negative contractions, cut off before their "'t" ("aren't", "didn't", "won't").
_NEGATION_STEMS = frozenset("aren isn wasn weren don doesn didn hasn haven hadn won wouldn couldn shouldn can".split())


def _negation_split(word: str, after: str, lang: str) -> int | None:
    """Where a negative contraction's stem is glued to the word before it, the "'t" following ("peoplearen't",
    "Democratsdidn't"), if the word before is an ordinary word (#12)."""
    if lang != "en" or after not in ("'t", "’t") or not word[1:].islower():
        return None
    for stem in _NEGATION_STEMS:
        left = word[: -len(stem)]
        if word.lower().endswith(stem) and len(left) >= 2 and zipf(left, lang) >= _COMMON_ZIPF \
                and zipf(word, lang) < _KNOWN_ZIPF:
            return len(left)
    return None


def _listed_glue(word: str, lang: str) -> bool:
    """Two English grammar words glued, listed by wordfreq only at its rarest ("thatit", "butit" at Zipf 1.3):
    the web text the list was counted from had the same glue (#12). Capitalised, such a token is a name
    ("Wasif", "Juston")."""
    if lang != "en" or not word.islower() or zipf(word, lang) >= _KNOWN_ZIPF:
        return False
    lower = word.lower()
    return any(lower[:i] in ENGLISH_STOP_WORDS and lower[i:] in ENGLISH_STOP_WORDS for i in range(1, len(lower)))


#: A short line that labels what follows ("joetoronto says:", "Answer:"), as a comment's or a speaker's header does.
_LABEL_LINE = re.compile(r"^\s*\S+(?:\s+\S+){0,2}:\s*$")
#: A token of two letter runs joined at a lower-to-upper case boundary ("sejarahIslam", "VideoYasir").
_CAMEL_TOKEN = re.compile(r"(?<![\w@#./])([^\W\d_]*[a-zà-ÿ]{2})([A-ZÀ-Þ][a-zà-ÿ]{2,})(?![\w@./])")
_DOTTED = re.compile(r"[./@][^\W_]")
_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_])")
_PREVIOUS_WORD = re.compile(r"([^\W\d_])[^\W\d_]*[,;]?[^\S\n]+$")


#: In a line in another language, a grammar word is one of its commonest short words ("und" 7.4, "que" 7.4, "dass"
#: 6.7 in German and Portuguese), and the word glued to it a known word of the language.
_GRAMMAR_ZIPF_OTHER, _GRAMMAR_MAX, _PART_ZIPF_OTHER = 6.0, 5, 3.0


def _grammar_word(part: str, lang: str) -> bool:
    """One of the commonest short words of ``lang`` ("der", "und", "que", "com"), whatever the language."""
    return 2 <= len(part) <= _GRAMMAR_MAX and zipf(part, lang) >= _GRAMMAR_ZIPF_OTHER


def _grammar_split(word: str, lang: str) -> int | None:
    """Rule 5, in a line in another language than the story's: where a word unknown to that language is one of
    its grammar words and a known word ("dassdie", "Webseitenund", "coisasque"), if there is one such place.

    A left part that starts many words of the language is a prefix there ("mit-", "auf-" in German): such words
    are compounds, and are left. That many words end in a grammar word's letters ("-que", "-die", "-das") says
    nothing of the kind: it left the very words this rule is for ("coisasque", "universodas") (#12).
    """
    found = []
    for index in range(3, len(word) - 2):
        left, right = word[:index], word[index:]
        if (_grammar_word(left, lang) and zipf(right, lang) >= _PART_ZIPF_OTHER and len(right) >= 3) \
                or (_grammar_word(right, lang) and len(right) >= 3 and zipf(left, lang) >= _PART_ZIPF_OTHER):
            found.append(index)
    if len(found) != 1:
        return None
    if _lexicon(lang)[1][word[:found[0]].lower()] >= _COMPOUND_PARTS:
        return None
    return found[0]


def _parts_apart(word: str, *, vocabulary: Counter[str]) -> tuple[int, str] | None:
    """A repeated or known CamelCase token whose two parts this document uses apart more often than together.

    An interview glues its speaker's name before many answers ("DorsaDerakhshani" beside "Dorsa Derakhshani");
    a brand's parts are rarely words of the story on their own as often ("YouTube", "MacBook", "GitHub") (#12).
    """
    boundaries = list(_CAMEL.finditer(word))
    if len(boundaries) != 1:
        return None
    at = boundaries[0].start()
    left, right = word[:at], word[at:]
    if len(left) < 3 or len(right) < 3 or not right[1:].islower() or left.lower() in _NAME_PREFIXES:
        return None
    together = vocabulary.get(word.lower(), 0)
    if together < 2 or min(vocabulary.get(left.lower(), 0), vocabulary.get(right.lower(), 0)) < together:
        return None
    return at, f'case boundary between "{left}" and "{right}", words this text uses apart'


def _long_function_word(right: str) -> bool:
    """A grammar word of four letters or more that glue joins most often ("with", "that", "from", "said")."""
    return right in GLUE_FUNCTION_WORDS and len(right) >= _MIN_LEFT


def _grammar_glue(left: str, right: str) -> bool:
    """Either part an English grammar word ("the" + "flu", "cope" + "with", "who" + "are")."""
    return left.lower() in ENGLISH_STOP_WORDS or right.lower() in ENGLISH_STOP_WORDS


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised word next to another capitalised word (not at a sentence start) is part of a name
    ("Rayshard Brooks", "Gethen Ward"): a glued word ("Fridayin the", "Greekisland of") is followed by prose."""
    if not text[start:start + 1].isupper():
        return False
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).isupper():
        return True
    before = _PREVIOUS_WORD.search(text[max(0, start - 40):start])
    return bool(before and before.group(1).isupper() and not before.group().rstrip().endswith((",", ";")))


def _whole_token(text: str, split: Split) -> Split:
    """Widen a split's span to the whole space-delimited token ("decision’He", not "on’H")."""
    start, end = split.start, split.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Split(start, end, split.index, split.reason, split.weak)


def _known(part: str, vocabulary: Counter[str], lang: str, threshold: float) -> bool:
    return zipf(part, lang) >= threshold or vocabulary.get(part.lower(), 0) > 0


def _split_word(word: str, *, vocabulary: Counter[str], lang: str, in_name: bool = False) -> tuple[int, str] | None:
    """Where to split one unknown, once-seen word, if anywhere (rules 3 and 4)."""
    for m in _CASE_BOUNDARY.finditer(word):
        left, right = word[: m.start()], word[m.start():]
        # a lower-case word before a capitalised one ("oceanographerWalter", "includingMakilala"): brands that
        # start in lower case start with one or two letters ("iPhone", "eBay"), so the name after may be rare
        if len(left) >= 3 and left.islower() and len(right) >= 3 and right[1:].islower() \
                and (zipf(left, lang) >= _LOWER_LEFT_ZIPF or right.lower() in first_name_genders()):
            # a rare word too, before a first name ("geochemistSeth") (#12)
            return m.start(), f'case boundary between "{left}" and "{right}"'
        if left[1:].islower() and right[1:].islower() and _first_name_and_surname(left, right):
            return m.start(), f'case boundary between the first name "{left}" and "{right}"'  # a rare surname too
        if left[1:].islower() and right[1:].islower() and _word_and_first_name(left, right, lang):
            return m.start(), f'case boundary between "{left}" and the first name "{right}"'
        if len(right) < 2 or not _known(right, vocabulary, lang, _RIGHT_ZIPF):
            continue
        if left.isupper() and len(left) >= 3 and _known(left, vocabulary, lang, _KNOWN_ZIPF):
            return m.start(), f'case boundary between "{left}" and "{right}"'
        # "JorgensenImage" is glued: its left part stands alone elsewhere in the document and is a
        # name, not a common word ("MarineTraffic", "VesselFinder" are brands) unless a sentence starts;
        # "LuaJIT" and "ThePrint" are names: an all-capital right part or a function word on the left
        if len(left) >= 3 and right[1:].islower() and vocabulary.get(left.lower(), 0) > 0 \
                and left.lower() not in STOP_WORDS \
                and (zipf(left, lang) < _BRAND_ZIPF or right.lower() in STOP_WORDS):
            return m.start(), f'case boundary between "{left}" and "{right}"'
        # a lower-case function word before a capital ("ofKherson", "theUkrainian") is glued;
        # brands that start so ("ThePrint") start with a capital
        if len(left) >= 2 and left.islower() and left in STOP_WORDS and right[1:].islower():
            return m.start(), f'case boundary between "{left}" and "{right}"'
        if _capitalised_pair(left, right, vocabulary=vocabulary, lang=lang, in_name=in_name):
            return m.start(), f'case boundary between "{left}" and "{right}"'
    if not word[1:].islower():
        return None
    return _segment(word, vocabulary=vocabulary, lang=lang, in_name=in_name)


def _capitalised_pair(left: str, right: str, *, vocabulary: Counter[str], lang: str, in_name: bool) -> bool:
    """Two capitalised words glued where a link lost its space ("RepublicanKevin McCarthy", "TheJakarta Post").

    A brand or a name is spelt so on purpose ("MarineTraffic", "ThePrint", "McDonald", "DeBoer", "LaSalle"), so
    a case boundary alone is not enough (#12). Either the right part stands alone elsewhere in the document
    ("TheJakarta" beside "Jakarta"), or the token sits in a run of capitalised words ("PresidentDonald Trump",
    "Emergency SituationsMinister") and both parts are known words or names. A name particle on the left
    (Mc, Mac, De, Le, La, Van) or a grammar word on the right ("NewsNow Hub", "LinkedIn") is a brand's form, as
    is a part that builds many compounds ("AirPods", "EuroAsia", "GiveWell").
    """
    if len(left) < 3 or len(right) < 3 or not (left[:1].isupper() and left[1:].islower() and right[1:].islower()):
        return False
    if left.lower() in _NAME_PREFIXES or right.lower() in STOP_WORDS or zipf(right, lang) >= _GRAMMAR_ZIPF:
        return False
    if _pair_count(vocabulary, left, right) > 0:
        return True  # the text writes the two apart elsewhere ("SupremeCourt" beside "Supreme Court") (#12)
    if zipf(right, lang) < _NAME_ZIPF and (vocabulary.get(right.lower(), 0) > 0
                                           or (vocabulary.get(left.lower(), 0) > 0 and left.lower() not in STOP_WORDS)):
        return True  # a rare word the text uses, as names are ("BenSasse" beside "Sasse"); brands end in words
    if _written_alone(vocabulary, left) and _written_alone(vocabulary, right):
        # both words stand alone in the text as written, capital and all ("SpaceTelescope" beside "Space" and
        # "Telescope" in "Space Telescope Science Institute"): words of the story's names, whatever they build (#12)
        return True
    _, starts, ends = _lexicon(lang)
    opens, closes = starts[left.lower()], ends[right.lower()]
    if not _function_word(left, lang) and (opens >= _BRAND_PARTS or (closes >= _BRAND_PARTS and opens > 0)):
        # built as brands are, from words that build compounds ("AirPods", "EuroAsia", "GiveWell"); a word that
        # opens none ("Strickland", "Blackfeet") before a part that ends many ("-street", "-nation") is a name's
        # first word, not a brand's (#12)
        return False
    if vocabulary.get(right.lower(), 0) > 0 and _known(left, vocabulary, lang, _KNOWN_ZIPF):
        return True
    if _written_alone(vocabulary, right) and len(left) >= _MIN_LEFT:
        return True  # a rare name before a word the text writes alone, capitalised ("ParanalObservatory") (#12)
    if in_name:
        return min(zipf(left, lang), zipf(right, lang)) >= _KNOWN_ZIPF
    # two everyday words glued once ("UnitedNations", "SupremeCourt", "CentralPark"): a name's words, as a brand's
    # are not when it opens on a grammar word ("ThePrint") or ends on an adverb ("GiveDirectly"), and a brand
    # is named again by its story, where this word is seen once (#12)
    return (min(zipf(left, lang), zipf(right, lang)) >= _EVERYDAY_ZIPF and left.lower() not in STOP_WORDS
            and not _adverb(right, lang))


def _adverb(word: str, lang: str) -> bool:
    """An English adverb: an "-ly" word built on a word ("Directly", "Weekly"; not "Italy", "Assembly")."""
    lower = word.lower()
    return lang == "en" and lower.endswith("ly") and zipf(lower[:-2], lang) >= _COMMON_ZIPF


def _first_name_and_surname(left: str, right: str) -> bool:
    """A first name glued to the surname after it ("KrzysztofSierak", "JensStoltenberg", "JoshuaWong") (#12).

    The birth records' first names (``data/first_names.tsv.gz``, names given to one sex) open few brands; a
    right part that is itself a first name of the same sex is a double first name ("JohnPaul", "AnnMarie") unless
    it is long, as the second names of double first names are not and surnames the records also give as first
    names are ("TroyRoberts", "CoryBooker", "AustinDillon"), and one under four letters is as often a name's own
    tail ("MaryAnn"), and a two-letter first name opens brands ("MiVote"), as does an everyday word after a first
    name ("MarineTraffic"): surnames are rarer words.
    """
    names = first_name_genders()
    sex = names.get(left.lower())
    return (sex is not None and len(left) >= 3 and len(right) >= _SURNAME_MIN
            and (names.get(right.lower()) != sex or len(right) >= _SURNAME_LONG) and zipf(right) < _SURNAME_ZIPF)


def _word_and_first_name(left: str, right: str, lang: str) -> bool:
    """A word glued before a first name ("SecretaryRick Perry", "StateCorey Stapleton", "VideoYasir") (#12).

    A title or an office names a person next; a first name that is also an everyday word ("Max" 4.7, "Will")
    is left, as brands end in such words ("CarMax"), and so is a left part that is a first name itself (a double
    first name, or a first name and a surname, which the rule before judges).
    """
    names = first_name_genders()
    lower = left.lower()
    return (len(left) >= 3 and lower not in names and lower not in _NAME_PREFIXES and zipf(left, lang) >= _COMMON_ZIPF
            and len(right) >= _SURNAME_MIN and right.lower() in names and zipf(right) < _SURNAME_ZIPF)


#: A surname glued after a first name has at least this many letters, and is rarer than an everyday word
#: ("Stoltenberg" 2.3, "Busch" 3.3; "Traffic" 4.9, and "Williams" 4.7 is left as written).
_SURNAME_MIN, _SURNAME_ZIPF = 4, 4.5
#: A first name of the same sex this long after a first name is a surname ("Roberts", "Dillon"; "Marie", "Paul").
_SURNAME_LONG = 6
#: Name particles a capitalised word may be built on ("McDonald", "MacArthur", "DeSantis", "LeBron", "VanDyke").
_NAME_PREFIXES = frozenset("mc mac de di da du le la van von der den del st ha".split())
#: A right part this common is a grammar word, as brands end ("NewsNow"), not a glued name.
_GRAMMAR_ZIPF = 6.0
#: A part that starts or ends this many listed words builds brands ("Air-" 90, "Sun-" 77, "-well" 89; "Supreme-" 0).
_BRAND_PARTS = 10
#: A capitalised right part rarer than this is a name, not a word a brand is built from ("Sasse" 2.3; "Finder" 3.2).
_NAME_ZIPF = 3.0
#: Both parts of a capitalised pair glued once, outside a run of names, are words at least this common: among the
#: few thousand commonest, as the words of a name of an institution are ("Supreme" 4.69, "Court" 5.41) and a coined
#: brand's seldom both are ("Marine" 4.53 in "MarineTraffic", "Vessel" 4.27).
_EVERYDAY_ZIPF = 4.6
#: Two lower-case words both this common would be listed if they made a compound ("little" 5.75 + "red" 5.32;
#: "key" 5.12 + "woman", "back" + "glass" 4.85 are compounds' parts).
_LISTED_PARTS_ZIPF = 5.2
#: A right part this long ends no place name's compound ("-between", "-security"; "-sierra", "-villa" do).
_LONG_RIGHT = 7
#: A short right part after an ordinary lower-case word of five letters or more ("zinc" 3.6, "vest" 3.6).
_SHORT_AFTER_WORD_ZIPF = 3.5
#: A right part this common after a common three-letter word: among the commonest thousand or so ("told" 5.2).
_EVERYDAY_RIGHT_ZIPF = 5.0


def _segment(word: str, *, vocabulary: Counter[str], lang: str, in_name: bool = False) -> tuple[int, str] | None:
    """Rule 4: the one split of ``word`` into two known words, if one is far likelier than any other.

    A split scores the Zipf frequencies of its two parts (a part that stands alone elsewhere in the
    document counts as known); it must clear each part's floor, and beat the next split by
    :data:`_SEGMENT_MARGIN`, so a word with two readings is left as written. The margin is taken on the
    frequencies the document itself gives its words (:func:`_in_text`): a story about yeast reads "theyeast"
    as "the yeast", not "they east" (#12).
    """
    candidates: list[tuple[float, int]] = []
    for index in range(2, len(word) - 1):
        left, right = word[:index], word[index:]
        score = _split_score(left, right, vocabulary=vocabulary, lang=lang)
        if score is not None and in_name and right not in GLUE_FUNCTION_WORDS \
                and not _word_after_name(left, right, vocabulary=vocabulary, lang=lang) and not _no_head(right, lang):
            continue  # in a run of capitalised words only a function word glued on is sure ("Shoiguto")
        if score is not None and in_name and right == "is" and not vocabulary.get(left.lower(), 0):
            continue  # but "-is" ends names ("Al Goldis", "Davis") unless the text names the left part alone
        if score is not None:
            candidates.append((score + _in_text(left, vocabulary, lang) + _in_text(right, vocabulary, lang), index))
    if not candidates:
        return None
    candidates.sort(reverse=True)
    if len(candidates) > 1 and candidates[0][0] - candidates[1][0] < _SEGMENT_MARGIN:
        return None
    index = candidates[0][1]
    left, right = word[:index], word[index:]
    if _compound(left, right, lang):
        return None
    if not (_function_word(left.lower(), lang) or _function_word(right, lang) or _grammar_tail(left, right, lang)) \
            and _misspelt(word, lang, than=zipf(left, lang) + zipf(right, lang) - _ZIPF_WORD):
        return None
    if _word_elsewhere(word, lang):  # last: the costliest look-up
        return None
    if right.lower() in GLUE_FUNCTION_WORDS or len(right) <= 3:
        return index, f'function word "{right}" glued to "{left}"'
    return index, f'two words glued: "{left}" and "{right}"'


def _in_text(part: str, vocabulary: Counter[str], lang: str) -> float:
    """How much likelier ``part`` is in this document than in the language, in Zipf units (0 if no likelier).

    The document's own count of the word, as a share of its words, is mixed into wordfreq's frequency with
    weight :data:`_TEXT_WEIGHT` (a cache model of the text): "yeast" said twelve times in a story of a
    thousand words is as likely there as "the" is anywhere.
    """
    count = vocabulary.get(part.lower(), 0)
    if not count:
        return 0.0
    total = vocabulary.total() if not isinstance(vocabulary, DocumentVocabulary) else vocabulary.words()
    language = 10 ** zipf(part, lang)
    mixed = (1 - _TEXT_WEIGHT) * language + _TEXT_WEIGHT * 10**_ZIPF_WORD * count / max(total, 1)
    return max(0.0, math.log10(mixed) - math.log10(max(language, 1.0)))


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> tuple[Container[str], Counter[str], Counter[str]]:
    """wordfreq's commonest words of ``lang``, and how often each starts or ends another word of the list.

    A part that starts or ends many words ("un-", "non-", "over-", "-able", "-man", "-gate") builds
    compounds a dictionary may lack ("unstriped", "crewable", "Obamagate"); glued words are two
    words that do not ("theybelieve", "Greekisland").
    """
    from itertools import islice

    from wordfreq import iter_wordlist

    # read from the file word by word where it can be, and held as the compact table's bands: wordfreq's own
    # reader keeps the whole list, and a set of the commonest words cost another 15 MB a language (#17, memory)
    table = _table(lang)
    listed: Container[str]
    if table is not None:
        listed, words = common_words(table, _LEXICON_SIZE)
    else:
        words = [w for w in islice(iter_wordlist(lang), _LEXICON_SIZE) if w.isalpha()]
        listed = frozenset(words)
    parts = frozenset(words[:_COMMON_PARTS])  # parts are common words, so rare junk entries ("smo") count for nothing
    starts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    for word in words:
        for index in range(2, len(word) - 2):
            left, right = word[:index], word[index:]
            if left in parts and right in parts and len(right) >= 3:  # two-letter parts ("ma"+"king") say nothing
                starts[left] += 1
                ends[right] += len(left) >= 3
    return listed, starts, ends


def _function_word(part: str, lang: str) -> bool:
    """A short common word of the sentence's grammar ("for", "all", "she"), which glue joins most often."""
    lower = part.lower()  # "The" opening a sentence ("Thename") is still "the"
    return lower in ENGLISH_STOP_WORDS and _lexicon(lang)[1][lower] < _PREFIX_PARTS


def _compound(left: str, right: str, lang: str) -> bool:
    """Whether ``left + right`` is built as compounds are, from a part that builds many of them."""
    _, starts, ends = _lexicon(lang)
    if _function_word(left, lang) or _function_word(right, lang) or _grammar_tail(left, right, lang):
        return False  # "thiswork", "forour", "Housein": grammar words glued to a word, which compounds are not made of
    if right.lower() in ENGLISH_STOP_WORDS and zipf(left, lang) >= _COMMON_ZIPF:
        # a grammar word after an ordinary word ("victoryover", "Britainout", "citiesover"): the compounds a
        # grammar word ends ("takeover", "walkout") are listed words, which are never split, so the many that
        # "-over" or "-out" end tell nothing of this one (#12)
        return False
    opens, closes = starts[left.lower()], ends[right.lower()]
    if left.islower() and min(zipf(left, lang), zipf(right, lang)) >= _LISTED_PARTS_ZIPF:
        # two of the commonest words ("went" + "back", "many" + "men", "find" + "one"): a compound of them would
        # be common enough to be listed, so an unlisted one is two words, whatever else "-back" ends (#12)
        return False
    if left.islower() and min(zipf(left, lang), zipf(right, lang)) >= _EVERYDAY_ZIPF and closes < _HEAD_PARTS:
        # two everyday lower-case words, the second one that hardly ends a listed compound ("car" 5.5 + "accident"
        # 4.7, "time" + "whether", "back" + "certain"): a prefix's compounds the list lacks are made on rarer
        # words ("underdelivering", "nanoinfluencers"), and on everyday ones that end many ("backglass": "-glass"
        # ends 8, "lifepath", "keywoman") (#12)
        return False
    if opens >= _COMPOUND_PARTS:
        return True  # a prefix ("un-", "non-", "hyper-", "under-") opens words of any kind
    # a suffix ends words that open compounds too: "-able" ends many listed words and "crew-" opens 7
    # ("crewable"); a word that opens none or one or two ("resemble", "takes", "defensive", "effective") glued to
    # a part that ends many ("resembleone", "takestime", "defensiveend", "effectiveways") is two words: one listed
    # word it starts is a chance ("effectiveness"), not a habit of building. A name's coinages ("Obamagate") are
    # never listed, so a capitalised left part is not asked (#12)
    return closes >= _COMPOUND_PARTS and (opens >= _HEAD_PARTS or left[:1].isupper())


def _grammar_tail(left: str, right: str, lang: str) -> bool:
    """A two-letter grammar word glued after a common word ("numberin", "Housein", "linedup", "gaveme") (#12).

    Such a word ends no compound of a common word, and a word one letter from it is a chance ("numbering"):
    the compound and typo tests do not apply.
    """
    return len(right) == 2 and right.lower() in _SHORT_RIGHT and zipf(left, lang) >= _SHORT_PART_ZIPF


def _word_after_name(left: str, right: str, *, vocabulary: Counter[str], lang: str) -> bool:
    """A common lower-case word glued after a name the text uses alone ("Conyersdied", "Morrisontold") (#12).

    In a run of capitalised words a surname may end in a word ("Goldsworthy"); but when the text names the
    left part alone elsewhere and the right part is an ordinary word of four letters or more, they were two.
    """
    if not (right.islower() and vocabulary.get(left.lower(), 0) > 0):
        return False
    # or a two-letter grammar word after such a name ("Esperon", "Lakerson", "Cookat"): "-on" ends "Nixon" too,
    # but no text names "Nix" alone (#12)
    return (len(right) >= 4 and zipf(right, lang) >= _SHORT_PART_ZIPF) \
        or (right in _SHORT_RIGHT and len(left) >= _MIN_LEFT)


def _no_head(right: str, lang: str) -> bool:
    """A common lower-case word of five letters or more that ends no listed compound ("established",
    "presidential", "nomination"): glued after a name ("United Kingdomestablished"), where the words that end
    surnames end many ("-worthy", "-house", "-field", "-stone") (#12)."""
    return (right.islower() and len(right) >= 5 and zipf(right, lang) >= _SHORT_PART_ZIPF
            and _lexicon(lang)[2][right] < _HEAD_PARTS)


#: An everyday word that ends fewer listed compounds than this is no compound's head ("-accident" 0, "-look" 2;
#: "-flight" 4, "-glass" 8).
_HEAD_PARTS = 3
#: Two-letter words that are also Latin and Greek endings of words a list may lack ("magellanicus", "arthritis",
#: "neuron"): after a rarer word they are no sign of glue.
_CLASSICAL_ENDINGS = frozenset("us is as an on or um".split())
#: Two-letter words that end names as syllables do ("Gunan", "Sanhe", "Sheno", "Bernardin"), and the classical endings.
_NAME_ENDINGS = _CLASSICAL_ENDINGS | frozenset("in no so he".split())


def _opens_nothing(left: str, lang: str) -> bool:
    """A lower-case word of five letters or more that starts no listed compound ("chimed", "telluric",
    "undersides"): a word glued to what follows, not a compound's first half (#12)."""
    return left.islower() and len(left) >= 5 and _lexicon(lang)[1][left] == 0


def _misspelt(word: str, lang: str, *, than: float = 0.0) -> bool:
    """Whether ``word`` is one edit from a common word ("diplayed", "spokeman", "pressue"): a typo, not glue.

    The edits are Norvig's: a letter deleted, two swapped, one replaced or inserted. The word must also be far
    likelier than the two words read glued, ``than`` (their Zipf frequency as a pair): "displayed" (4.2) beside
    "dip" + "layed" (-2.5) is a typo, "courage" (4.3) beside "your" + "age" (2.9) is no reason to leave
    "yourage" (#12).
    """
    lower = word.lower()
    common = _lexicon(lang)[0]
    letters = set(lower) | set(ascii_lowercase)
    pieces = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    variants = {a + b[1:] for a, b in pieces if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in pieces if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in pieces if b for c in letters}
    variants |= {a + c + b for a, b in pieces for c in letters}
    variants.discard(lower)
    everyday = _everyday_words(lang)
    if everyday is not None:  # one set operation instead of a look-up per variant: half of repair's time (#12, speed)
        variants &= everyday
    floor = max(_COMMON_ZIPF, than + _TYPO_MARGIN)
    return any(v in common and zipf(v, lang) >= floor for v in variants)


@lru_cache(maxsize=8)
def _everyday_words(lang: str) -> frozenset[str] | None:
    """Every word of ``lang``'s list at Zipf :data:`_COMMON_ZIPF` or more (about 30,000 in English, 2 MB), read
    from the list's commonest bands; None for a language wordfreq segments."""
    if _table(lang) is None:
        return None
    words: set[str] = set()
    for band, listed in iter_bands(lang):
        if 9 - band / 100 < _COMMON_ZIPF - 0.1:  # a band is centibels below 1: Zipf 9 - band / 100
            break
        words.update(listed)
    return frozenset(words)


def _word_elsewhere(word: str, lang: str) -> bool:
    """Whether ``word`` is a word of another common language ("survenue", "Hersteller", "querem")."""
    from wordfreq import zipf_frequency

    # the small lists (their words down to about Zipf 1): loading the full ones took two seconds
    return any(zipf_frequency(word.lower(), other, wordlist="small") >= _KNOWN_ZIPF
               for other in _OTHER_LANGUAGES if other != lang)


def _split_score(left: str, right: str, *, vocabulary: Counter[str], lang: str) -> float | None:
    """How sure a split of a once-seen unknown word into ``left`` + ``right`` is, or None if it is not one."""
    words = _lexicon(lang)[0]
    seen_left = vocabulary.get(left.lower(), 0) > 0
    if right.lower() not in words or (left.lower() not in words and not seen_left and right not in GLUE_FUNCTION_WORDS):
        return None  # a part outside the list is rarer than any floor below: no need to look it up
    left_zipf, right_zipf = zipf(left, lang), zipf(right, lang)
    # a three-letter word the text names alone again and again ("Kit" in "Kitfor", "Mac" in "Macis", "Pro" in
    # "AirPods Proon") takes a grammar word glued on: it is a word of the story, not a chance start of a name; a
    # longer word after it may make a compound of its own ("modpacks") (#12)
    short_seen = len(left) == 3 and vocabulary.get(left.lower(), 0) >= _SHORT_SEEN
    if right in GLUE_FUNCTION_WORDS:  # "Khersonis", "Shoiguto", "Crimeathe": a known or seen word before it
        known = left_zipf >= (_KNOWN_ZIPF if left[:1].isupper() else _FUNCTION_LEFT_ZIPF) or seen_left
        long_enough = len(left) >= _MIN_LEFT or (len(left) == 3 and left_zipf >= _SHORT_LEFT_ZIPF) or short_seen
        return left_zipf + right_zipf + _FUNCTION_BONUS if known and long_enough else None
    if len(right) == 2:
        # "-as", "-an", "-in" end many names ("Saladas", "Judian"): only after a common word ("Fridayin")
        floor = _SHORT_RIGHT_LEFT_ZIPF if left[:1].isupper() else _COMMON_ZIPF + 0.5  # names are capitalised
        if _opens_nothing(left, lang) and right.lower() not in _CLASSICAL_ENDINGS:
            floor = _LOWER_LEFT_ZIPF  # "chimedin", "undersidesof": a word no compound starts with
        # a name that stands alone elsewhere in the document may take one too ("Mubarakon")
        named = seen_left and left[:1].isupper() and len(left) > _MIN_LEFT
        # a three-letter grammar word before one is glue too ("notby", "arein"): it ends no name
        grammar = left.islower() and left in ENGLISH_STOP_WORDS
        named = named or (short_seen and left[:1].isupper())
        # so is a common three-letter word ("howdo", "Howdo"), unless the two letters end names as syllables do
        # ("Gunan", "Sanhe", "Hisor") (#12)
        common = len(left) == 3 and left[1:].islower() and left_zipf >= _SHORT_LEFT_ZIPF \
            and (left.islower() or right.lower() not in _NAME_ENDINGS)
        ok = right.lower() in _SHORT_RIGHT and (len(left) >= _MIN_LEFT or grammar or short_seen or common) \
            and (left_zipf >= floor or named)
    elif len(left) == 2:
        ok = left.lower() in STOP_WORDS and left.islower() and right_zipf >= _COMMON_ZIPF
    else:
        # a rarer lower-case word the text uses alone, before an ordinary one ("moai" + "date", "lithic" + "edge")
        seen_word = seen_left and left.islower() and len(left) >= _MIN_LEFT and right_zipf >= _SHORT_PART_ZIPF
        seen_left = seen_left and left[:1].isupper()
        long_enough = len(left) >= _MIN_LEFT or (left.islower() and left in STOP_WORDS) \
            or (len(left) == 3 and left.islower() and left_zipf >= _SHORT_LEFT_ZIPF) \
            or left.lower() in ENGLISH_STOP_WORDS \
            or (len(left) == 3 and left_zipf >= _SHORT_LEFT_ZIPF and right_zipf >= _EVERYDAY_RIGHT_ZIPF)
        # "onemillion", "gunownership", "Thename"; a common three-letter word opening a sentence before an everyday
        # word ("Howdoes", "Eatbreakfast", "Sontold") (#12)
        # a short rare right part is often a chance split of a name ("Rosa"+"vita", "Islam"+"bol")
        sure_right = right_zipf >= _SHORT_PART_ZIPF or (len(right) >= 5 and right_zipf >= _RIGHT_ZIPF) \
            or (left.islower() and left in ENGLISH_STOP_WORDS and right_zipf >= _COMMON_ZIPF) \
            or (left.islower() and len(left) > _MIN_LEFT and left_zipf >= _SHORT_PART_ZIPF
                and right_zipf >= _SHORT_AFTER_WORD_ZIPF)
        # "thesaga", "andnuns"; after an ordinary lower-case word, a rarer short one ("givenzinc", "suicidevest"):
        # the short rare parts that split names by chance come after a name's capital (#12)
        if seen_left or seen_word:  # a name that stands alone elsewhere in the document ("Rudaw" in "Rudawreports")
            left_zipf = max(left_zipf, _COMMON_ZIPF)
        elif left[:1].isupper() and left_zipf < _SHORT_RIGHT_LEFT_ZIPF \
                and not (len(right) >= _LONG_RIGHT and _no_head(right, lang)):
            # "Havenbond", "Goldsworthy": a compound name, unless its first part is common or seen, or the second
            # is a long word that ends no compound ("Negotiationsbetween", "Iraniansecurity"); place names end in
            # shorter ones ("Biancavilla", "Montecanal", "Mirasierra") (#12)
            return None
        # a rarer lower-case word before a common one ("zebras" + "evolved"): names are capitalised; a name before
        # a long word that ends no compound may be as rare as names are ("Hadiagainst", "Rudawreports") (#12)
        floor = _FUNCTION_LEFT_ZIPF if left.islower() and right_zipf >= _SHORT_PART_ZIPF else _COMMON_ZIPF
        if left[:1].isupper() and len(right) >= _LONG_RIGHT and _no_head(right, lang):
            floor = _KNOWN_ZIPF
        elif left.islower() and len(left) > _MIN_LEFT + 1 and right.lower() in ENGLISH_STOP_WORDS:
            floor = _KNOWN_ZIPF  # a rare long word before a grammar word ("predeceasedher", "crestingthrough")
        pair = _PAIR_ZIPF
        if _opens_nothing(left, lang) and _lexicon(lang)[2][right.lower()] == 0:
            floor, pair = _LOWER_LEFT_ZIPF, _PAIR_ZIPF - 1.0  # "telluricplanet": neither part builds compounds
        ok = left_zipf >= floor and sure_right and long_enough and left_zipf + right_zipf >= pair
    return left_zipf + right_zipf if ok else None
