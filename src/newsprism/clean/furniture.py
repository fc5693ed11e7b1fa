"""Find page furniture line by line, and say what kind it is and why.

The classifier looks at each line in its context, in numbered passes:

1. Lines a site is known to repeat (hashes learned from a corpus) go first.
2. Cue patterns (:data:`~newsprism.clean.resources.FURNITURE_RULES`) mark
   comment forms, share and subscribe boxes, related links, credits, tags,
   cookie notices, adverts, navigation, author bios and copyright lines; a
   cue only condemns a short line, or a longer one that addresses the reader.
   A menu flattened into one line (its items glued at case boundaries) goes too.
   In an HTML extractor's output, the reader has already told bylines, author
   boxes, captions and credits by the page's markup, so their text cues are
   not used there, and no cue condemns a sentence of the story.
3. In scraped text: related links set in brackets or written in another
   language than the story ("[Putin declara la ley marcial …]").
4. In scraped text (not in an HTML extractor's output, which is already
   clean): the story region is the run of lines with the most prose in it
   (a maximum-sum segment); short lines outside it are navigation, lists of
   short lines inside it are menus. A readers' comment thread below the story
   (an author's line with its date, then the comment) goes first.
5. Inside the story: a name standing alone is a photo credit and the line
   before it the caption; short lower-case fragments are image alt text;
   short title-like lines after the last story paragraph are tags.

No line is dropped for being short alone: length only counts together with
position, neighbours, punctuation and the words used.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import islice

from ..model import normalize_for_hash
from .dateline import find_dateline
from .language import detect_language, guess_language
from .notices import is_notice, notice_bound, notice_spans, sentences
from .prefilter import may_match, required_words, words_pattern
from .resources import (
    BRACKETED,
    CALL_CHANNEL,
    CALL_IMPERATIVE,
    CALL_READER,
    CAPTION_CREDIT_END,
    CAPTION_CREDIT_START,
    CAPTION_LABEL,
    CAPTION_STAMP,
    CAPTION_WITH_CREDIT,
    CAPTION_WITH_CREDIT_PARTS,
    COMMENT_HEADER,
    CONSENT,
    COOKIE_PARTS,
    COOKIE_WORD,
    CREDIT_TAIL,
    DATED_ROW,
    DATELINE,
    ENGLISH_FUNCTION_WORDS,
    FIRST_PERSON,
    FURNITURE_RULES,
    HAS_DIGIT,
    HEADING_START,
    IMAGE_WORDS,
    MENU_GLUE,
    NAME_PARTICLES,
    NON_LATIN,
    NOTICE_STRONG,
    NOTICE_WEAK,
    PARENTHESISED,
    PAST_AUXILIARY,
    PICTURE_REFERENCE,
    PUBLISHER_VOICE,
    READER_ADDRESS,
    REPORTING_VERB,
    SENTENCE_END,
    SPEAKER_TAG,
    STOP_WORD_LANGUAGES,
    STOP_WORDS,
    STORY_OPENING,
    TEASER_TIME,
    TERMINAL,
    URL,
    WORD,
)


@dataclass(slots=True)
class Line:
    """One non-blank line of the raw text and what the classifier knows of it."""

    index: int
    start: int
    end: int
    text: str
    words: list[str] = field(default_factory=list)
    prose: bool = False
    kind: str | None = None
    reason: str = ""
    lang: str | None = None
    lang_score: float | None = None
    title: bool = False
    latin: bool = True
    row: bool = False  # a row of a list or a schedule the story runs on over (#12)
    #: The share of the words that are stop words (:func:`_stop_ratio`), once it has been counted.
    stop_share: float | None = None

    @property
    def n_words(self) -> int:
        return len(self.words)


#: Kinds whose cues are specific enough to trust even on a full sentence.
_TRUSTED_ON_PROSE = frozenset({"cookie", "author_bio", "comment_form"})

#: Kinds the HTML reader tells by the page's markup (bylines and author boxes by their class, figure captions and
#: credits taken out as media). A line of these kinds left in its output sits in the article block the page marked:
#: the text cues, made for scraped text, took out its bylines, datelines and captions, which two of the three
#: extraction dev sources' gold texts (Dragnet, CleanEval) and both anchors keep (#12).
_MARKUP_KINDS = frozenset({"byline", "author_bio", "caption", "credit"})


_SENTENCE_STOP = re.compile(r"(?<![.…])[.!?।。！？][\"'”’»)\]]*$")

#: Words in a line set off between paragraphs that is taken for a caption, and the share of capitalised
#: content words from which it is a Title Case heading instead.
_SET_OFF_WORDS, _SET_OFF_LONG, _SET_OFF_MAX, _TITLE_SHARE = 6, 12, 40, 0.6

#: A notice this short may rest on any strong cue; a longer one only on "cookie" and its cognates.
_NOTICE_SHORT = 12
#: A page of at most this many words whose sentences are mostly site notices is a notice page.
_NOTICE_PAGE_WORDS = 120

#: Tag lines accepted right after the story; a longer run of short lines is a menu.
_MAX_TAG_LINES = 6

#: Furniture that sits between a story's paragraphs rather than around the story.
_INLINE_KINDS = frozenset({"related", "caption", "credit", "advert", "alt_text"})


def line_hash(text: str) -> str:
    """The hash a per-site furniture set stores for a line (normalised text, 16 hex digits)."""
    return hashlib.sha1(normalize_for_hash(text).encode("utf-8")).hexdigest()[:16]


def make_line(index: int, start: int, end: int, text: str) -> Line:
    """A :class:`Line` with its words and prose flag computed."""
    line = Line(index=index, start=start, end=end, text=text, words=WORD.findall(text))
    # an ASCII line holds no letter of another script: most lines are, and the search is skipped (#12, speed);
    # such letters are among the line's characters other than ASCII, and a line whose few such characters (curly
    # quotes, dashes, accents) could not make the share is told so without the search
    line.latin = text.isascii() or 2 * _non_ascii(text) <= (letters := sum(map(len, line.words))) or (
        2 * len(NON_LATIN.findall(text)) <= letters)
    line.prose = _is_prose(line)
    return line


def _non_ascii(text: str) -> int:
    """The number of characters of ``text`` other than ASCII ones."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _stop_ratio(line: Line) -> float:
    """The share of the line's words that are stop words, counted once per line: the prose test counts them for
    each line of five words or more, and the test of a language the table lacks asked again for every long
    line (#12, speed)."""
    if line.stop_share is None:
        # map() keeps the count in C: this runs on every line of every page (#12, speed)
        line.stop_share = sum(map(STOP_WORDS.__contains__, map(str.lower, line.words))) / len(line.words) \
            if line.words else 0.0
    return line.stop_share


def _is_prose(line: Line, *, known_language: bool = True) -> bool:
    """Sentence-like: punctuated, made of ordinary words, not a label or a name.

    The stop-word ratio only speaks for languages the table knows: a line in
    another script is judged by length and punctuation alone, and one in the Latin
    script of a text whose language the table lacks (``known_language`` false:
    Indonesian, Swahili…) by its sentence marks.
    """
    n = line.n_words
    if not known_language and line.latin:  # a sentence's stop must say it: a tag cloud is long too (#12)
        return n >= 5 and _sentence_mark(line.text)
    if not line.latin:  # the stop-word ratio counts as met
        return n >= 15 or len(line.text) >= 120 or (_sentence_mark(line.text) and (n >= 5 or len(line.text) >= 30))
    # each test only when the ones before leave the answer open: the stop words are counted for a line of
    # five words or more, the sentence ends looked for only when the count is not enough (#12, speed)
    long = n >= 15 or len(line.text) >= 120
    if n < 5 and not long:
        return False
    ratio = _stop_ratio(line)
    if long and ratio >= 0.2:
        return True
    return n >= 5 and ratio >= 0.15 and _sentence_mark(line.text)


def _sentence_mark(text: str) -> bool:
    """Whether ``text`` ends like a sentence or holds a sentence end."""
    return TERMINAL.search(text) is not None or SENTENCE_END.search(text) is not None


def classify(lines: Sequence[Line], *, scraped: bool, main_language: str = "en",
             known_furniture: Collection[str] | None = None) -> str | None:
    """Set ``kind`` and ``reason`` on each furniture line of one document (in place).

    Args:
        lines: The document's non-blank lines, in order.
        scraped: True for whole-page scraped text; False for an HTML
            extractor's output, where only the cues of passes 1-2 are used.
        main_language: The language the story is expected in when the text does not tell.
        known_furniture: Hashes (:func:`line_hash`) of lines this site repeats.

    Returns:
        The document's language, when its text tells it.
    """
    found = document_language(lines)
    doc_lang = found or main_language
    if _unknown_function_words(lines):
        # a story in a language the stop-word table lacks had no prose line, and its paragraphs were cut as
        # navigation outside a run of prose (an Indonesian sermon, #12)
        for line in lines:
            line.prose = _is_prose(line, known_language=False)
    for line in lines:
        if known_furniture and line_hash(line.text) in known_furniture:
            _mark(line, "site_furniture", "repeated across many articles of this site")
            continue
        _by_cue(line, scraped=scraped)
        if line.kind is None:
            _by_notice(line, doc_lang=doc_lang)
        if line.kind is None and scraped:
            # brackets and another language mark an inline link in scraped text; an extractor's output keeps a
            # page's own brackets ("[photos via AP]") and has lost its link boxes by their markup (#12)
            _by_language(line, doc_lang=doc_lang)
        if line.kind is None and scraped:
            _by_call_to_action(line)
        if line.kind is None and scraped:
            _by_flattened_menu(line)
    _share_bar_fields(lines)
    _notice_page(lines)
    if scraped:
        _comment_thread(lines)
        _repeated(lines)
        _by_region(lines, languages=_date_languages(doc_lang, main_language))
        _in_story(lines)
    return found


def _unknown_function_words(lines: Sequence[Line]) -> bool:
    """Whether the text is in a language whose function words :data:`STOP_WORDS` lacks: its long lines in the
    Latin script hold almost none of them, and the identifier's best guess for those lines (however unsure:
    Indonesian and Malay split its vote) is a language the table does not cover. Long menu lines of an English
    page hold few function words too, but are guessed English (#12).
    """
    long = [line for line in lines if line.latin and line.n_words >= _LONG_LINE]
    words = sum(line.n_words for line in long)
    if len(long) < _LONG_LINES or sum(_stop_ratio(line) * line.n_words for line in long) >= _KNOWN_SHARE * words:
        return False
    lang, _ = guess_language(" ".join(sorted((line.text for line in long), key=len, reverse=True))[:1500])
    return lang not in STOP_WORD_LANGUAGES


#: Long lines (of at least :data:`_LONG_LINE` words) a text needs before its language is judged by their
#: function words, and the share of those words below which the table does not know the language.
_LONG_LINE, _LONG_LINES, _KNOWN_SHARE = 15, 3, 0.08


def document_language(lines: Sequence[Line]) -> str | None:
    """The language of the document, from one sample of its longest prose lines (its longest lines if
    none reads as prose).

    A sample of a few hundred characters is long enough for the identifier to be trusted at a lower
    probability than one line: a Turkish or Arabic story is told as such, not taken for English, whose
    headlines and paragraphs would then be removed as "in another language".
    """
    prose = [line.text for line in lines if line.prose] or [line.text for line in lines]
    sample = " ".join(sorted(prose, key=len, reverse=True))[:1500]
    lang, score = detect_language(sample)
    if lang is None and score is not None and len(sample) >= _LONG_SAMPLE:
        lang, score = guess_language(sample)
        return lang if score >= _SAMPLE_CONFIDENCE else None
    return lang


#: A language sample at least this long is trusted from this probability on.
_LONG_SAMPLE, _SAMPLE_CONFIDENCE = 200, 0.6


def _mark(line: Line, kind: str, reason: str) -> None:
    line.kind, line.reason = kind, reason


#: Per rule of :data:`FURNITURE_RULES`, the words its free cues cannot match without
#: (:func:`~newsprism.clean.prefilter.required_words`): on an ASCII line that holds none, the search is skipped.
#: The anchored cues need no such test: the engine tries them at the line's start alone.
_CUE_WORDS = tuple(words_pattern(required_words(free)) if free else None for _, _, free, _ in FURNITURE_RULES)


#: The words a match of :data:`~newsprism.clean.resources.NOTICE_STRONG` in ASCII text holds one of.
_NOTICE_WORDS = words_pattern(required_words(NOTICE_STRONG))


def _by_cue(line: Line, *, scraped: bool = True) -> None:
    """Pass 2: cue patterns, trusted on prose only when it speaks to the reader.

    In an extractor's output (``scraped`` false) the cues of :data:`_MARKUP_KINDS` are not used, and an anchored
    cue does not condemn a sentence of the story either ("Also on Tuesday, a judge … ordered …", #12).
    """
    guarded: bool | None = None  # whether the line is prose that does not speak to the reader, asked once if needed
    # most lines hold no free cue: on an ASCII line one search for each rule's required words finds that out
    # in a third of the time of the cues' own searches (#12, speed); other lines are searched as they are
    lowered = line.text.lower() if line.text.isascii() else None
    n_words = line.n_words
    for (kind, anchored, free, max_words), free_words in zip(FURNITURE_RULES, _CUE_WORDS, strict=True):
        if n_words > max_words or (not scraped and kind in _MARKUP_KINDS):
            continue
        m = anchored.search(line.text) if anchored else None
        if m is not None and not scraped and kind not in _TRUSTED_ON_PROSE and _story_sentence(line):
            m = None
        if m is None and free is not None and kind not in _TRUSTED_ON_PROSE and guarded is None:
            # only the free cues of untrusted kinds ask, and those judge lines of at most 40 words (#12, speed)
            guarded = line.prose and n_words >= 8 and not READER_ADDRESS.search(line.text)
        if m is None and free is not None and (kind in _TRUSTED_ON_PROSE or not guarded) and (
                lowered is None or may_match(free_words, lowered)):
            m = free.search(line.text)
        if m is None:
            continue
        if kind == "credit" and line.n_words > 6 and CAPTION_WITH_CREDIT.search(line.text):
            _mark(line, "caption", f"ends with a photo credit ({m.group().strip()!r})")
            return
        _mark(line, kind, f"{kind.replace('_', ' ')} cue {m.group().strip()[:40]!r}")
        return
    if scraped and line.n_words <= 35 and _may_end_with_credit(lowered) and CAPTION_WITH_CREDIT.search(line.text):
        _mark(line, "caption", "ends with a photo credit")


def _story_sentence(line: Line) -> bool:
    """Whether a line reads as a sentence of the story: prose of eight words or more that ends with a stop and
    does not speak to the reader."""
    return (line.prose and line.n_words >= 8 and _SENTENCE_STOP.search(line.text) is not None
            and READER_ADDRESS.search(line.text) is None)


def _may_end_with_credit(lowered: str | None) -> bool:
    """Whether :data:`~newsprism.clean.resources.CAPTION_WITH_CREDIT` may match a line, lower-cased when it is ASCII
    (else None, and the pattern is tried): an ASCII line that holds none of its parts is told by substring tests,
    where the pattern was tried at each character of most of a page's lines (#12, speed)."""
    return lowered is None or any(part in lowered for part in CAPTION_WITH_CREDIT_PARTS)



def _by_notice(line: Line, *, doc_lang: str) -> None:
    """Pass 2b: a site notice in any language (cookies, consent, ad blockers, captchas), by its strong cues.

    Most of the line must be notice sentences (:func:`~newsprism.clean.notices.notice_spans`) with two
    cues, or one in a line set off from the story by its language; on a line of more than a few words
    only "cookie" and its cognates count as the strong cue, since a story may be about JavaScript or an
    IP address (#12).
    """
    if line.n_words > _NOTICE_SHORT and not _may_say_cookie(line.text):
        return  # the cheap test first: most lines are long and say nothing of cookies
    if line.text.isascii() and not may_match(_NOTICE_WORDS, line.text.lower()):
        # a short ASCII line with none of the words a strong cue needs holds none: one search of those words
        # where the multilingual lexicon was searched on every short line of every page (#12, speed)
        return
    strong = list(NOTICE_STRONG.finditer(line.text))
    if not strong:
        return
    weak = list(NOTICE_WEAK.finditer(line.text))
    if len(strong) + len(weak) < 2 and not _other_language(line, doc_lang):
        return  # one mention of cookies is a story's ("cookies and coffee would be served"); see _by_region
    if 2 * notice_bound(line.text, (m.span() for m in strong + weak)) < len(line.text):
        return  # too few of its sentences hold a cue to make half the line (#12, speed)
    if sum(end - start for start, end in notice_spans(line.text)) * 2 >= len(line.text):
        _mark(line, "cookie", f"a site notice (cue {strong[0].group()!r})")


def _may_say_cookie(text: str) -> bool:
    """Whether :data:`~newsprism.clean.resources.COOKIE_WORD` is in ``text``.

    An ASCII line can hold only its ASCII spelling, and a substring test finds that many times faster than the
    case-blind regex, which tries each alternative at every character (#12, speed); another line is searched
    only when its lower-cased text holds a part of a spelling (:data:`~newsprism.clean.resources.COOKIE_PARTS`):
    a line with a curly quote is not ASCII, and those were most of the searches.
    """
    lowered = text.lower()
    if text.isascii():
        return "cookie" in lowered
    return any(part in lowered for part in COOKIE_PARTS) and COOKIE_WORD.search(text) is not None


def _notice_page(lines: Sequence[Line]) -> None:
    """A page that is only a site notice, in any language: an access-block page or a cookie wall.

    Each line of such a page may be too long for the line rules, which judge a long line by "cookie" alone
    (a story may be about an IP address), so the page is judged whole: short, with at least two notice
    sentences (:func:`~newsprism.clean.notices.is_notice`) that hold a strong cue (cookies, captcha, "your IP
    address", ad blocker) and half its characters, and no line told in a story's voice; weak cues alone ("log
    in", "subscribe", "you") are what a short blog post says to its readers too. All its lines are then the notice, and cleaning leaves no text (``E103``) (#12).
    """
    kept = [line for line in lines if line.kind is None]
    if not kept or sum(line.n_words for line in kept) > _NOTICE_PAGE_WORDS:
        return
    text = "\n".join(line.text for line in kept)
    spans = [(start, end) for start, end in sentences(text) if text[start:end].strip()]
    flagged = [end - start for start, end in spans
               if NOTICE_STRONG.search(text, start, end) and is_notice(text[start:end])]
    if len(flagged) < 2 or sum(flagged) * 2 < sum(end - start for start, end in spans):
        return
    if any(_box_voice(line.text) for line in kept):
        return  # a brief about cookies or consent, told as news
    for line in kept:
        _mark(line, "cookie", "a page that is only a site notice (an access block or a consent wall)")


def _by_call_to_action(line: Line) -> None:
    """Pass 2c: a subscribe, sign-up or paywall box in any language, by the share of its call-to-action words.

    A box asks its reader for an address or an account ("Newsletter sign up Get weekly updates delivered to your
    inbox"): it names a channel (e-mail, inbox, newsletter, subscribe, account, "@", in several languages) and
    opens a sentence with an imperative ("Get…", "Stay…") or names two channels, or is a short line to the reader
    ("Thanks for signing up!"), and such words make a fifth of it. A story about subscriptions is told in the story's voice ("was", "said", quotes)
    and is left (#12).
    """
    if not 2 <= line.n_words <= 80:
        return
    channels = CALL_CHANNEL.findall(line.text)
    if not channels:
        return
    reader = CALL_READER.findall(line.text)
    imperatives = CALL_IMPERATIVE.findall(line.text)
    # the reader told what was done with their account or address ("You have activated your account, please feel
    # free to browse…"), as a box's message is, however few its call words (#12); "Your email list will grow" is
    # a story's advice, not a message
    message = line.n_words <= _MESSAGE_MAX and bool(_SECOND_PERSON.match(line.text) and reader
                                                    or CONSENT.match(line.text))  # a form's consent box (#12)
    if len({c.lower() for c in channels}) < 2 and not imperatives and not (reader and line.n_words <= 6) \
            and not message:
        return  # one channel needs a button's imperative, or a short line to the reader ("Thanks for signing up!")
    if not (reader or imperatives or message) and line.n_words > 6:
        return
    if STORY_OPENING.match(line.text) and not _SECOND_PERSON.match(line.text) and not CONSENT.match(line.text):
        return  # "And you'll have a lot less money in your bank account."
    if _box_voice(line.text):
        return
    if len(channels) + len(reader) + len(imperatives) < 0.2 * line.n_words and not message and not (
            line.n_words <= _CALL_MAX and _channel_call(line.text)):
        return
    _mark(line, "subscribe", f"a call to action (cue {channels[0].strip()!r})")


def _by_flattened_menu(line: Line) -> None:
    """Pass 2d: a menu whose items lost their line breaks when the page was scraped ("NJ Cannabis InsiderNJ High
    School Sports LIVEEmail NewslettersThe Star-Ledger…"): its items meet at :data:`_MENU_JOINS` or more case
    boundaries, one for every :data:`_MENU_WORDS_PER_JOIN` words at least, and no sentence ends in it. A story's
    glued words are one or two to a paragraph, and its paragraphs hold sentences (#12)."""
    if line.n_words < _MENU_JOINS or SENTENCE_END.search(line.text):
        return
    joins = len(MENU_GLUE.findall(line.text))
    if joins >= _MENU_JOINS and joins * _MENU_WORDS_PER_JOIN >= line.n_words:
        _mark(line, "navigation", f"a menu whose {joins + 1} items lost their line breaks")


_MENU_JOINS, _MENU_WORDS_PER_JOIN = 3, 7


#: A line opening with the reader as its subject ("You have activated your account…"), as a box speaks.
_SECOND_PERSON = re.compile(r"\s*you\b(?!'ll|’ll)", re.IGNORECASE)
#: Words in a box's message to the reader about their account ("You have activated your account…").
_MESSAGE_MAX = 25
#: Words in a box whose call to action is one sentence among slogans ("The best in culture… Subscribe now…").
_CALL_MAX = 40
_NEXT_STOP = re.compile(r"[.!?](?=\s|$)|\.(?=[A-Z]{2})")


def _channel_call(text: str) -> bool:
    """Whether a sentence of ``text`` opens with a button's imperative and names a channel in that sentence
    ("Subscribe now for more from…", "Get breaking news alerts…"): the call itself, which a box's slogans
    around it need not repeat (#12)."""
    for m in CALL_IMPERATIVE.finditer(text):
        stop = _NEXT_STOP.search(text, m.end())
        if CALL_CHANNEL.search(text, m.start(), stop.end() if stop else len(text)):
            return True
    return False


def _box_voice(text: str) -> bool:
    """Told as a story tells what happened ("was"/"had", a reporting verb, someone speaking), as a box is not;
    a word or three in quotes is a title a box names ('our sister title "All About Space" Magazine') (#12)."""
    return bool(PAST_AUXILIARY.search(text) or REPORTING_VERB.search(text) or _speech(text))


def _other_language(line: Line, doc_lang: str) -> bool:
    """Set off from the story by its language: a sentence the identifier is sure is not in the story's."""
    lang, _ = detect_language(line.text)
    return lang is not None and lang != doc_lang


def _by_language(line: Line, *, doc_lang: str) -> None:
    """Pass 3: bracketed links, and headlines in another language than the story."""
    bracketed = BRACKETED.match(line.text)
    if bracketed and not SENTENCE_END.search(bracketed.group(1)[:-1]):
        line.lang, line.lang_score = detect_language(bracketed.group(1))
        _mark(line, "related", "a headline set in brackets, as scraped inline links are")
        return
    parenthesised = PARENTHESISED.match(line.text)
    inner = parenthesised.group(1) if parenthesised else line.text
    if line.n_words > 25 or line.n_words < 4 or TERMINAL.search(inner) or not inner[:1].isalpha():
        return  # only a headline-like line can be a foreign related link; others get a language later
    if not _foreign_words(line, doc_lang):
        return  # the word evidence first: it needs no identifier, which most headlines of a story never reach (#12)
    lang, score = guess_language(inner)
    if lang != doc_lang and score >= 0.5:
        line.lang, line.lang_score = lang, round(score, 3)
        _mark(line, "related", f"a headline in another language ({lang}) than the story")


def _foreign_words(line: Line, doc_lang: str) -> bool:
    """Word evidence that agrees with langid: an English headline has English function words."""
    if doc_lang != "en":
        return True
    english = sum(1 for w in line.words if w.lower() in ENGLISH_FUNCTION_WORDS)
    return english <= 0.1 * line.n_words


def _share_bar_fields(lines: Sequence[Line]) -> None:
    """"Email" or "Print" next to share buttons is a share button, not a comment-form field."""
    for i, line in enumerate(lines):
        if line.kind == "comment_form" and line.n_words <= 2:
            neighbours = (lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None)
            if any(other is not None and other.kind == "share" for other in neighbours):
                _mark(line, "share", "a button in a row of share buttons")


def _comment_thread(lines: Sequence[Line]) -> None:
    """Readers' comments below the story: each opens on its author's line ("theprocess12 says:") with its date
    and time right after it, and the thread runs from the first such comment to the comment form ("Leave a
    Reply") or the end of the page. Its comments are prose, and the story's run of prose ran on over them (#12).

    A story that quotes a statement ("The statement said:") has no date after the line, and not two of them.
    """
    heads = [i for i, line in enumerate(lines) if COMMENT_HEADER.match(line.text)
             and any(HAS_DIGIT.search(after.text) for after in lines[i + 1:i + 1 + _COMMENT_STAMP_LINES])]
    if len(heads) < _THREAD_COMMENTS:
        return
    for line in lines[heads[0]:]:
        if line.kind == "comment_form":
            break
        if line.kind is None:
            _mark(line, "comments", "a reader's comment below the story (its author's line, then its date)")


#: Comments a page needs before its thread is told, and the lines after an author's line its date may be on.
_THREAD_COMMENTS, _COMMENT_STAMP_LINES = 2, 2


def _repeated(lines: Sequence[Line]) -> None:
    """Short lines that occur more than once on the page are menus and teasers, not story.

    A sentence of prose is not such a line: a story may say one twice (a quote in its summary and in its
    body), and both were removed, so the sentence was lost altogether (issue #16). Teasers set in prose
    outside the story are still removed, by the region pass.
    """
    counts = Counter(line.text for line in lines if line.kind is None and line.n_words <= 20 and not line.prose)
    for line in lines:
        # a short sentence said twice is dialogue ("Yeah.", "No." in an interview), not a menu (#12)
        if line.kind is None and counts.get(line.text, 0) > 1 and not _short_sentence(line):
            _mark(line, "navigation", f"repeated {counts[line.text]} times on the page")


def _date_languages(*codes: str | None) -> tuple[str, ...]:
    """The languages a dateline may be written in: the story's, the expected one, and English."""
    return tuple(dict.fromkeys(code for code in (*codes, "en") if code))


def _by_region(lines: Sequence[Line], *, languages: tuple[str, ...] = ("en",)) -> None:
    """Pass 4: keep the densest run of prose; short lines outside it are navigation."""
    if not lines:
        return
    best_sum, best = 0.0, (0, -1)
    run_sum, run_start = 0.0, 0
    for i, line in enumerate(lines):
        run_sum += _weight(line)
        if run_sum < 0:  # a line that adds nothing (prose ending no sentence) does not reset the run (#12)
            run_sum, run_start = 0.0, i + 1
        elif run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    if best_sum < 10:  # no run of prose to anchor on: judge by cues alone
        return
    first, last = best
    first = _after_date(lines, first, last, languages)
    last = _trim_calls(lines, first, last)
    last = _numbered_list_end(lines, last)
    last = _dated_list_end(lines, last)
    last = _announced_list_end(lines, last)
    last = _story_end(lines, last)
    title = _title_index(lines, first)
    tags = 0
    if title >= 0:
        lines[title].title = True
    for i, line in enumerate(lines):
        if line.kind is not None or line.title:
            continue
        if i > last and tags < _MAX_TAG_LINES and _tag_like(line) and all(other.kind for other in lines[last + 1 : i]):
            tags += 1
            _mark(line, "tags", "a short title-like line right after the last paragraph of the story")
        elif i < first and (DATELINE.match(line.text) or (i >= first - 3 and _dateline_alone(line, languages))):
            continue  # the story's dateline, not page furniture: cleaning takes it to the metadata
        elif (i < first or i > last) and COOKIE_WORD.search(line.text):
            _mark(line, "cookie", "the word cookie outside the story's run of prose (a consent banner)")
        elif (i < first or i > last) and _calls_to_reader(line):
            _mark(line, "subscribe", "a call to the reader outside the story's run of prose")
        elif (i < first or i > last) and not (line.prose and line.n_words >= 25):
            _mark(line, "navigation", "outside the story's run of prose")
    _menus(lines[first : last + 1])


def _after_date(lines: Sequence[Line], first: int, last: int, languages: tuple[str, ...]) -> int:
    """The story opens after a date standing alone near the top of its run, when no paragraph is above the date.

    A page sets its headline, its deck or a box above the date ("We are having some technical difficulties. Try
    again later."): short sentences weigh for the run, and a box above the date was taken into the story (#12).
    """
    for i in range(first, min(first + _DATE_REACH, last)):
        line = lines[i]
        if line.kind is None and (line.prose and _closed(line.text) and line.n_words >= _DECK_WORDS):
            return first  # a paragraph above: the date is inside the story
        if line.kind is None and _dateline_alone(line, languages):
            return i + 1 if i > first else first
    return first


#: Lines from the top of the run within which a date standing alone ends the page head, and the words of a
#: paragraph that keeps what is above the date in the story.
_DATE_REACH, _DECK_WORDS = 4, 25


def _trim_calls(lines: Sequence[Line], first: int, last: int) -> int:
    """A box at the end of the run of prose reads as prose, but it calls to the reader ("Get our analysis
    delivered right to you."): it is not the story's (#12). A story whose only paragraph speaks to its readers
    keeps it; at the top of the run such a paragraph is as often the story's own opening (an open thread)."""
    prose = sum(1 for line in lines[first:last + 1] if line.kind is None and line.prose)
    while first < last:
        edge = lines[last]
        if edge.kind is None:
            if prose <= 1 or not _calls_to_reader(edge):
                break
            prose -= edge.prose
            _mark(edge, "subscribe", "a call to the reader at the end of the story's run of prose")
        last -= 1
    return last


#: A list item's number opening its line ("1) Lego…", "2. …", "#3 …", "12 Alex Bowman 2257…").
_ITEM_NUMBER = re.compile(r"\s*#?(\d{1,3})(?:[.)]\s*|\s+)(?=\S)")
#: Items a numbered list needs before it is the story's, and the lines that may sit between two of them.
_LIST_ITEMS, _ITEM_GAP = 3, 3


def _numbered_list_end(lines: Sequence[Line], last: int) -> int:
    """The story runs on over a numbered list that opens right after its run of prose (#12).

    A ranking, a results table or a shopping list counts its items 1, 2, 3… ("1) Lego Star Wars…",
    "12 Alex Bowman 2257 1 0 7 12"): such lines are short and have no sentence, so the run of prose ends at
    them, but a page's menus and teasers are not numbered in sequence. The list is the story's when its first
    item is the line after the run (or the one after that), it counts on from 1 by one at each step with at
    most :data:`_ITEM_GAP` lines between two items (an item's link or note), and it has
    :data:`_LIST_ITEMS` items or more; the story then runs to its last item.
    """
    start = next((i for i in _list_openings(lines, last) if _item_number(lines[i]) == 1), None)
    if start is None:
        return last
    expected, end, i = 2, start, start + 1
    rows = [start]
    while i < len(lines) and i - end <= _ITEM_GAP:
        if lines[i].kind is None and _item_number(lines[i]) == expected:
            expected, end = expected + 1, i
            rows.append(i)
        i += 1
    return _rows_end(lines, rows) if expected - 1 >= _LIST_ITEMS else last


def _list_openings(lines: Sequence[Line], last: int) -> list[int]:
    """Where a list that follows the run of prose may open: the first two unmarked lines after it (the list's
    first item, or its heading and then the item).

    A box the page sets between the story and its list (a consent notice, a newsletter box), marked by its cues
    already, is passed over: it does not hide a tour's dates or a ranking from the story (#12).
    """
    return list(islice((i for i in range(last + 1, len(lines)) if lines[i].kind is None), 2))


def _rows_end(lines: Sequence[Line], rows: list[int]) -> int:
    """Mark the rows of a list the story runs on over, and return the last one's index.

    Pass 5 judges a line between two of them as it judges one between two paragraphs: a caption or a teaser set
    among a schedule's rows is as much inside the story as one set between its paragraphs.
    """
    for i in rows:
        lines[i].row = True
    return rows[-1]


def _dated_list_end(lines: Sequence[Line], last: int) -> int:
    """The story runs on over a schedule that opens right after its run of prose (#12).

    A tour's or a season's dates ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "Aug. 2 -- DTE Energy
    Music Theatre, Clarkston, MI") are short lines with no sentence, so the run of prose ends at them, as it does
    at a numbered list. A schedule is told by its rows' dates: each row opens on a month and a day, in the order
    of the calendar (a list of teasers is dated newest first, and with its year). The rows run on with at most
    :data:`_ITEM_GAP` lines between two of them, and there are :data:`_LIST_ITEMS` or more.
    """
    start = next((i for i in _list_openings(lines, last) if _row_date(lines[i]) is not None), None)
    if start is None:
        return last
    rows, i = [start], start + 1
    date = _row_date(lines[start])
    while i < len(lines) and i - rows[-1] <= _ITEM_GAP:
        following = _row_date(lines[i]) if lines[i].kind is None else None
        if following is not None and date is not None and following >= date:
            rows.append(i)
            date = following
        elif following is not None or not lines[i].latin:
            break  # back in the calendar, or a line in another script: not the schedule's next row or its note
        i += 1
    return _rows_end(lines, rows) if len(rows) >= _LIST_ITEMS else last


def _announced_list_end(lines: Sequence[Line], last: int) -> int:
    """The story runs on over the list its last paragraph announces (#12).

    A wire report ends on "Results of first round matches on Thursday:" or "named the following squad:" and its
    rows ("Goran Ivanisevic ( Croatia ) beat Andrei Medvedev ( Ukraine ) 6-3 6-4", "Dmitri Kharine") are short and
    have no sentence, so the run of prose ends at its lead-in. The rows are the story's when the run's last line is
    a paragraph that ends on a colon, :data:`_LIST_ITEMS` or more lines follow it in one form (each with a figure,
    or each a name alone) and they end at the next paragraph; a box marked between the lead-in and its first row
    is passed over, as :func:`_list_openings` passes it for the other lists.
    """
    openings = _list_openings(lines, last)
    if not _announces(lines[last]) or not openings:
        return last
    rows = _list_rows(lines, openings[0])
    return _rows_end(lines, rows) if len(rows) >= _LIST_ITEMS else last


def _announces(line: Line | None) -> bool:
    """Whether ``line`` is a paragraph that announces a list: prose of six words or more ending on a colon."""
    return line is not None and line.kind is None and line.prose and line.n_words >= 6 \
        and line.text.rstrip().endswith(":")


def _list_rows(lines: Sequence[Line], start: int) -> list[int]:
    """The indices of the rows of one form from ``start`` on: each with a figure, or each a name alone."""
    rows: list[int] = []
    form = None
    for i in range(start, len(lines)):
        line = lines[i]
        this = "figure" if _FIGURE.search(line.text) else "name" if _name_like(line) else None
        if line.kind is not None or this is None or (form is not None and this != form) \
                or (line.prose and _closed(line.text)):
            break
        form = this
        rows.append(i)
    return rows


def _row_date(line: Line) -> tuple[int, int] | None:
    """The month and day a schedule's row opens on, as numbers to order the rows by."""
    m = DATED_ROW.match(line.text)
    if m is None:
        return None
    month = _MONTHS.index(m.group(1)[:3].lower()) + 1
    return month, int(m.group(2))


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _counts_on(run: Sequence[Line]) -> bool:
    """Whether each line of ``run`` is numbered one more than the line before: a list's items, not a menu."""
    numbers = [_item_number(line) for line in run]
    return numbers[0] is not None and numbers == list(range(numbers[0], numbers[0] + len(run)))


#: A figure standing as a word of its own: "2", "6-2", "1:45.3", "10,000"; not a part of a name ("COVID-19", "G7"),
#: nor a count in brackets ("Android (19)": a tag list's or an archive's counts of its pages).
_FIGURE = re.compile(r"(?<![\w(-])\d+(?:[.,:\-–]\d+)*(?![\w)-])")


def _figures(run: Sequence[Line]) -> bool:
    """Whether three lines in four of ``run`` hold a figure: the rows of a table, not a menu's items."""
    return 4 * sum(1 for line in run if _FIGURE.search(line.text)) >= 3 * len(run)


def _item_number(line: Line) -> int | None:
    m = _ITEM_NUMBER.match(line.text)
    return int(m.group(1)) if m else None


def _dateline_alone(line: Line, languages: tuple[str, ...]) -> bool:
    """A line that is only a dateline, in any language dateparser reads ("vendredi 4 janvier 2019")."""
    if line.n_words > 10 or not HAS_DIGIT.search(line.text):
        return False
    found = find_dateline(line.text, languages=languages)
    return found is not None and found.length >= len(line.text.rstrip())


def _short_sentence(line: Line) -> bool:
    """A sentence however short: a capital (after any speaker tag) to a full stop, "?" or "!" ("Bye.").

    A line cut short ("Read the full story…") is not one.
    """
    text = SPEAKER_TAG.sub("", line.text)
    return bool(line.words) and text[:1].isupper() and bool(_SENTENCE_STOP.search(text))


def _story_end(lines: Sequence[Line], last: int) -> int:
    """The story runs on to the end of the text when every line after its run reads as a sentence.

    The run of prose ends where short lines begin; but when nothing after it is furniture (no cue, no
    line that is not a sentence), those lines are the story's own last words: an interview's "Thank
    you." and "Bye.", a sports report's last line of results with no full stop (#12).
    """
    rest = lines[last + 1:]
    if rest and all(line.kind is None and (_short_sentence(line) or _plain_sentence(line)) and not _calls_to_reader(line)
                    for line in rest):
        return len(lines) - 1
    # a box the page sets among the story's paragraphs (a consent notice, a newsletter box) is passed over when
    # what follows it is full sentences of prose: the story's last paragraph ("Mubarak was the President of Egypt
    # from 1981 until 2011."), not the box's own slogan ("Stay up to date with Ascom.") (#12)
    after = [line for line in rest if line.kind not in _BOX_KINDS]
    if after and len(after) < len(rest) and all(
            line.kind is None and _plain_sentence(line) and _short_sentence(line) and not _calls_to_reader(line)
            for line in after):
        return len(lines) - 1
    return last


#: Boxes a page sets between a story's paragraphs, marked by their cues before the story's run is found.
_BOX_KINDS = frozenset({"cookie", "subscribe"})


def _calls_to_reader(line: Line) -> bool:
    """A box's sentence, not the story's: it asks the reader to act ("Get our analysis delivered right to you.",
    "Try again later.") or names an account or a newsletter to them ("You have activated your account"), and is
    not told in the story's voice (#12)."""
    text = line.text
    imperative = CALL_IMPERATIVE.search(text) is not None
    reader = CALL_READER.search(text) is not None
    channel = CALL_CHANNEL.search(text) is not None
    if not (reader and (imperative or channel) or imperative and channel):
        return False
    return not _reported(text)


def _plain_sentence(line: Line) -> bool:
    """A sentence with its final stop missing: long enough, capitalised, made of ordinary words."""
    return line.n_words >= 8 and line.text[:1].isupper() and _stop_ratio(line) >= 0.15


def _title_index(lines: Sequence[Line], first: int) -> int:
    """The headline: the last headline-shaped line above the story, with only furniture between.

    A line between a dateline standing alone and the story (a few lines below it, no prose between) is not
    it: a page sets its headline above the date, and what sits between the date and the first paragraph is
    the lead picture's caption or alt text, which the in-story rules then judge (#12). The headline above the
    date is removed with the page head, and the clean stage takes it from there for the title.
    """
    i = first - 1
    while i >= 0 and lines[i].kind is not None:
        i -= 1
    if i < 0 or i < first - 8:
        return -1
    headline = lines[i]
    if not (3 <= headline.n_words <= 25 and not headline.text.endswith(".") and headline.text[:1].isupper()):
        return -1
    for above in range(i - 1, max(i - 4, -1), -1):  # the date, or the date and another picture's lines
        if DATELINE.match(lines[above].text):
            return -1
        if lines[above].prose:
            break
    if not _names_the_story(headline, lines[first:]):
        return -1
    return i


#: Distinct words of the story's opening a headline shares one of its words with, and the fewest that tell: a
#: story of a few lines ("About 80,000 residents have left the city" under "Kherson evacuation continues") says too little
#: to show its headline names none of it.
_LEAD_WORDS, _LEAD_WORDS_MIN = 80, 40


def _names_the_story(headline: Line, story: Sequence[Line]) -> bool:
    """Whether a headline shares a content word with the story's opening, as a headline names its subject
    ("Brazil's Senate approves…" over a story about Brazil's Senate). A box's or a newsletter's name set above the
    story ("NJ High School Sports LIVE", "Hunterdon County Democrat") names none of it (#12)."""
    words = {_stem(w) for w in headline.words if len(w) > 2 and w.lower() not in STOP_WORDS}
    lead: set[str] = set()
    for line in story:
        if len(lead) >= _LEAD_WORDS:
            break
        if line.kind is None:
            lead.update(_stem(w) for w in line.words)
    return not words or len(lead) < _LEAD_WORDS_MIN or bool(words & lead)


def _stem(word: str) -> str:
    """A word's first five letters: "Kherson" and "Khersonu", "bridge" and "bridges" meet, in any language."""
    return word.lower()[:5]


def _weight(line: Line) -> float:
    if line.kind is not None:  # furniture set inside a story must not split it; page chrome does
        return -1.0 if line.kind in _INLINE_KINDS else -2.0 - line.n_words
    if line.prose and line.latin and not _closed(line.text):
        # prose that ends no sentence is a teaser's summary ("Officials dismiss Taliban claim but say the cause is
        # being investigated") or a list's item: a list of teasers after the story held more prose than chrome and
        # carried the run on over it; such a line neither adds to the run nor breaks it (#12)
        return 0.0
    if line.prose:  # scripts written without spaces count by characters (about three a word)
        return float(line.n_words if line.latin else max(line.n_words, len(line.text) / 3))
    if TERMINAL.search(line.text) and line.text[:1].isupper() and line.n_words >= 3:
        return 0.5 * line.n_words  # a short sentence: story or not, it does not break a story
    return -1.0 - 0.5 * line.n_words


def _closed(text: str) -> bool:
    """Whether ``text`` ends as a story's paragraph does: on a sentence's stop (a teaser's summary cut short ends on
    "…"), on a lead-in's colon, or on a link (an embedded post ends on its "pic.twitter.com/…") (#12)."""
    text = _TRAILING_SYMBOLS.sub("", text)  # a smiley after the stop ("… today! 🙂")
    last = text.rsplit(None, 1)[-1] if text else ""
    return bool(_SENTENCE_STOP.search(text) or text.endswith(":") or URL.match(last) or _LINK_END.match(last))


#: Emoji, pictographs and spaces closing a line.
_TRAILING_SYMBOLS = re.compile(r"[\s\u2190-\u2bff\u2e80-\u2eff\ufe0e\ufe0f\U0001f000-\U0001faff]+$")
#: A link without its scheme closing a line ("pic.twitter.com/s96Xa", "po.st/TP_615").
_LINK_END = re.compile(r"[\w-]+(?:\.[\w-]+)+/\S*$")


def _menus(lines: Sequence[Line]) -> None:
    """Runs of four or more short unpunctuated lines inside the story are menus, unless they count on (a
    ranking's rows) or most of them hold a figure (a table of results: "Barnsley 2 Stoke 0"; a menu's items are
    words, #12)."""
    run: list[Line] = []
    before: Line | None = None  # the line before the run
    for line in [*lines, None]:
        if line is not None and line.kind is None and not line.prose and line.n_words <= 4 \
                and not TERMINAL.search(line.text):
            run.append(line)
            continue
        if line is not None and run and line.kind is not None and line.kind not in _INLINE_KINDS:
            continue  # a menu item a cue marked already ("Sign in") does not split the menu in two (#12)
        if len(run) >= 4 and not _counts_on(run) and not _figures(run) and not _announces(before):
            for item in run:
                _mark(item, "navigation", f"one of {len(run)} short lines in a row (a menu)")
        elif run and _announces(before):  # "named the following squad:", then its names
            for item in run:
                item.row = True
        run, before = [], line


def _in_story(lines: Sequence[Line]) -> None:
    """Pass 5: credits, captions, alt text and tags among the story's lines."""
    kept = [line for line in lines if line.kind is None]
    last_prose = max((i for i, line in enumerate(kept) if line.prose or line.row), default=-1)
    # 1. Each line by its form and its neighbours
    for i, line in enumerate(kept):
        if line.kind is not None or line.title:
            continue
        if _box_call(kept, i):
            _mark(line, "subscribe", "a call to the reader set off between two paragraphs (a box)")
            continue
        form = _caption_form(line, inside=0 < i < last_prose)
        if form is not None:
            _mark(line, "caption", form)
            continue
        if _set_off(kept, i):
            _mark(line, "caption", "a line with no final stop set off between two paragraphs, as captions are")
            continue
        if line.prose:
            continue
        if i > last_prose and _title_like(line):
            _mark(line, "tags", "a short title-like line after the last paragraph of the story")
        elif _name_like(line) and not line.row:  # a list's names are its rows ("named the following squad:")
            _mark(line, "credit", "a name standing alone between paragraphs (a photo credit)")
            before = kept[i - 1] if i > 0 else None
            if before is not None and before.kind is None and _caption_like(before):
                _mark(before, "caption", "the line just before a photo credit")
        elif _alt_fragment(kept, i):
            _mark(line, "alt_text", "a short description fragment with no sentence around it")
    # 2. A gallery sets captions one after another, and a picture's lines come in twos and threes (alt text, a
    # caption, a credit): once one is out, the next is judged against the prose around both, which it sits between
    # now (#12); with none out, no line has new neighbours
    rest = [line for line in lines if line.kind is None]
    if len(rest) == len(kept):
        return
    kept = rest
    for i, line in enumerate(kept):
        if line.title:
            continue
        if _set_off(kept, i):
            _mark(line, "caption", "a line with no final stop set off between two paragraphs, as captions are")
        elif not line.prose and _alt_fragment(kept, i):
            _mark(line, "alt_text", "a short description fragment next to a picture's other lines")


def _box_call(kept: Sequence[Line], i: int) -> bool:
    """A box's call set off between two paragraphs: a short line one of whose sentences opens with a button's
    imperative and in which the publisher speaks of itself ("Get our analysis delivered right to you. No
    charge."), not in the story's voice, not a list's item and not heading the next paragraph (#12).

    Advice speaks to the reader in the imperative too ("Keep your eyes on the prize…"), but of the reader's own
    things; a box offers the publisher's ("our", "us", "we").
    """
    line = kept[i]
    if not 0 < i < len(kept) - 1 or not 2 <= line.n_words <= _BOX_CALL_MAX or not CALL_IMPERATIVE.search(line.text):
        return False
    if not PUBLISHER_VOICE.search(line.text) or _box_voice(line.text) or _quoted(line.text) \
            or HEADING_START.match(line.text):
        return False
    return _isolated(kept, i) and not _subheading(kept, i)


#: Words in a box's call set off between two paragraphs.
_BOX_CALL_MAX = 20


def _alt_fragment(kept: Sequence[Line], i: int) -> bool:
    """A short description fragment alone between paragraphs, neither heading the next one nor told in the
    story's voice: a picture's alt text."""
    line = kept[i]
    return (_alt_text_like(line) and _isolated(kept, i) and not _subheading(kept, i)
            and not _story_voice(line.text))


def _caption_form(line: Line, *, inside: bool) -> str | None:
    """Why a line inside the story is a caption by its own form, whatever its length or final stop (#12).

    1. A caption's label or a gallery counter opens it ("Media caption…", "Image: …", "2of4…").
    2. A photographer's or agency's credit closes or opens it ("… REUTERS/Brendan McDermid", "Alex Wong | Getty
       Images…").
    3. A teaser's time stamp closes it, with no sentence in it ("New study reveals … 1 hour ago").
    4. It points at a picture ("pictured", "(left)", "An artist's concept of…", "Satellite image of…") in one or
       two sentences told in no one's voice: no quote, no reporting verb, no "I"/"we"/"you", no "was"/"had".

    A label or a credit is evidence enough anywhere; a time stamp or a pointer to a picture only between two
    paragraphs of the story (``inside``).
    """
    text = line.text.rstrip()
    if 3 <= line.n_words <= _STAMPED_MAX and CAPTION_STAMP.search(text):
        return "closes with a picture's agency credit or a video's time stamp, in brackets"
    if not 3 <= line.n_words <= 45:
        return None
    quoted = _quoted(text)
    sentences = len(SENTENCE_END.findall(text))
    if CAPTION_LABEL.search(text):
        return "opens with a caption's label or a gallery counter"
    if CAPTION_CREDIT_START.search(text) or (CAPTION_CREDIT_END.search(text) and not quoted):
        return "a line with a photographer's or agency's credit"
    if not inside:
        return None
    if TEASER_TIME.search(text) and sentences == 0 and "@" not in text and not text.startswith(("—", "-", "–")):
        return "a teaser's headline with its time stamp"
    if PICTURE_REFERENCE.search(text) and sentences <= 2 and not text.endswith("?") \
            and not _reported(text) and not FIRST_PERSON.search(text):
        return "a description that points at a picture"
    if _credit_tail(text) and not _speech(text) and not FIRST_PERSON.search(text):
        return "a description closed by a name after its last sentence (the picture's credit)"
    return None


#: Words of a caption that closes with a picture's stamp in brackets (agency captions run long).
_STAMPED_MAX = 90


def _credit_tail(text: str) -> bool:
    """Whether ``text`` closes on a name after its last sentence, with no verb (:data:`CREDIT_TAIL`), and that
    sentence's stop ends a word, not an abbreviation or a title ("… by Gen. Mark Milley", "U.S. Navy")."""
    m = CREDIT_TAIL.search(text)
    if m is None:
        return False
    before = text[:m.start()].rstrip()
    word = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
    if word.isupper() or (len(word) <= 3 and word[:1].isupper()):
        return False
    # a description is written in sentence case; a teaser's headline in Title Case ("… Skulls. And Archaeologists
    # Are Puzzled.") is no caption
    content = [w for w in WORD.findall(before) if w.lower() not in STOP_WORDS]
    return bool(content) and sum(1 for w in content if w[:1].isupper()) < _TITLE_SHARE * len(content)


def _set_off(kept: Sequence[Line], i: int) -> bool:
    """A caption or alt text set off from the prose: a descriptive line between two paragraphs that, unlike
    them, has no final stop, and is neither a heading (Title Case, a question, a lead-in) nor a list item.

    Under ten words only a line that names a picture counts ("image", "photo"): shorter ones are as
    often sub-headings in sentence case, and are left to the alt-text rule (#12).

    A picture's lines come in twos and threes (alt text, caption, a credit or a heading after them), so the
    paragraph that opens the gap may sit above up to :data:`_SET_OFF_RUN` such lines, and the gap may close
    on a paragraph below them or on a short heading that a paragraph follows (#12).
    """
    if not 0 < i < len(kept) - 1 or not _set_off_form(kept, i):
        return False
    before = i - 1
    while before > 0 and i - before < _SET_OFF_RUN and not _opens_gap(kept, before) and _set_off_form(kept, before):
        before -= 1
    after = i + 1
    while after < len(kept) - 1 and after - before <= _SET_OFF_RUN and not _closes_gap(kept, after) \
            and _set_off_form(kept, after):
        after += 1
    if not (_opens_gap(kept, before) and _closes_gap(kept, after) and after - before - 1 <= _SET_OFF_RUN):
        return False
    if kept[after].prose:  # between two paragraphs, each line of the run was judged by its own form (#12)
        return True
    return all(kept[j].n_words >= _SET_OFF_LONG or IMAGE_WORDS.search(kept[j].text) for j in range(before + 1, after))


#: Lines with no final stop that a gap between two paragraphs may hold, all of them captions.
_SET_OFF_RUN = 3
#: A social handle ("by @trevorjd14"), not an e-mail address.
_HANDLE = re.compile(r"(?<![\w.])@\w")
#: A heading that closes a gap is a line of at most this many words with a paragraph after it.
_HEADING_WORDS = 8


def _opens_gap(kept: Sequence[Line], i: int) -> bool:
    """A paragraph that ends a sentence, or the dateline that opens the story: what a picture follows.

    The dateline opens the story as a paragraph does: a line between it and the first paragraph is set off as
    the lead picture's caption is (#12)."""
    line = kept[i]
    return line.prose and _ends_sentence(line) or (i == 0 and DATELINE.match(line.text) is not None)


def _closes_gap(kept: Sequence[Line], i: int) -> bool:
    """A paragraph that ends a sentence, or a short heading with a paragraph after it: what a picture precedes."""
    line = kept[i]
    if line.prose:  # a paragraph that leads in to a quote or a list ends on a colon (#12)
        return _ends_sentence(line) or line.text.rstrip().endswith(":")
    return line.n_words <= _HEADING_WORDS and i + 1 < len(kept) and kept[i + 1].prose


def _set_off_form(kept: Sequence[Line], i: int) -> bool:
    """Whether a line between paragraphs reads as a caption set off from them, by its own form."""
    line = kept[i]
    if line.kind is not None or line.title or line.n_words < _SET_OFF_WORDS or line.n_words > _SET_OFF_MAX:
        return False
    if line.n_words < _SET_OFF_LONG and not IMAGE_WORDS.search(line.text) \
            and (_subheading(kept, i) or _story_voice(line.text)):
        return False  # a short line is as often a sub-heading ("Some of 2019's best tech gadgets")
    text = line.text.rstrip()
    if TERMINAL.search(text) or text.endswith(("”", '"', "’", "'", ")")) or HEADING_START.match(text):
        return False
    if ":" in text[:60] or _sentence_break(text) or not text[-1:].isalnum():
        return False  # a lead-in ("True confession: …"), sentences with the last stop missing, an emoji
    if not (text[:1].isupper() or text[:1].isdigit()) or _speech(text):
        return False  # a year may open it ("2020 Audi e-tron Sportback revealed as…"); list numbers are headings
    if URL.search(text) or _HANDLE.search(text):
        return False  # an embedded post ("… https://t.co/… by @name"): a picture's caption holds no link
    content = [w for w in line.words if w.lower() not in STOP_WORDS]
    if not content:
        return False
    # a Title Case heading ends on a capital too; a product's or a person's name opening a description does
    # not make it one ("Iphone 11 Max Pro over yellow background") (#12)
    title = sum(1 for w in content if w[:1].isupper()) >= _TITLE_SHARE * len(content) and content[-1][:1].isupper()
    return not title


def _sentence_break(text: str) -> bool:
    """Whether a sentence ends inside ``text``; the stop of an abbreviation or initial does not end one
    ("Gen. LaCamera assumes role…", "The VW ID. SPACE VIZZION is…") (#12)."""
    for m in SENTENCE_END.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if not (text[m.start()] == "." and (word.isupper() or (len(word) <= 3 and word[:1].isupper()))):
            return True
    return False


def _ends_sentence(line: Line) -> bool:
    return bool(_SENTENCE_STOP.search(line.text.rstrip()))


def _quoted(text: str) -> bool:
    """Whether ``text`` holds a quotation mark: someone speaks in it, as captions and boxes never do."""
    return any(q in text for q in "\"“”«»")


_QUOTED_SPAN = re.compile(r"[\"“«]([^\"“”«»]*)[\"”»]")


def _speech(text: str) -> bool:
    """Whether someone speaks in ``text``: a quoted span of four words or more, or a quote left open. A word or
    three in quotes is a term or a title ('"cringes" at "three amigos" references'), as captions hold (#12)."""
    if not _quoted(text):
        return False
    spans = _QUOTED_SPAN.findall(text)
    marks = sum(text.count(q) for q in "\"“”«»")
    return marks != 2 * len(spans) or any(len(span.split()) >= 4 for span in spans)


def _name_like(line: Line) -> bool:
    tokens = line.text.split()
    if not 1 <= len(tokens) <= 5 or HAS_DIGIT.search(line.text) or line.text.endswith((".", ":", "!", "?")):
        return False
    content = [t for t in tokens if t.lower() not in NAME_PARTICLES]
    if len(content) == 1 and not content[0].isupper():
        return False  # one capitalised word alone is more often a heading than a credit
    return bool(content) and all(t[0].isupper() and t.lower() not in STOP_WORDS for t in content)


def _title_like(line: Line) -> bool:
    """A tag line: a few capitalised words, no sentence, no date or address."""
    if not 1 <= line.n_words <= 8 or TERMINAL.search(line.text) or HAS_DIGIT.search(line.text):
        return False
    content = [w for w in line.words if w.lower() not in STOP_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper())
    return bool(content) and capitalised >= 0.6 * len(content) and not any(c in line.text for c in "@:!?")


def _isolated(kept: Sequence[Line], i: int) -> bool:
    """Alone between story paragraphs (a list of fragments is a list, not alt text)."""
    before = kept[i - 1] if i > 0 else None
    after = kept[i + 1] if i + 1 < len(kept) else None
    return all(other is None or other.prose or other.kind is not None for other in (before, after))


def _tag_like(line: Line) -> bool:
    """A tag line right after the story: a few words, any case, no sentence, date or address."""
    return (1 <= line.n_words <= 8 and not TERMINAL.search(line.text) and not HAS_DIGIT.search(line.text)
            and not any(c in line.text for c in "@:!?"))


def _caption_like(line: Line) -> bool:
    """A caption describes a picture: one or two sentences, no quote, not a question or a lead-in."""
    lead_in = line.text.rstrip().endswith((":", "!", "?"))
    return (3 <= line.n_words <= 25 and not lead_in and len(SENTENCE_END.findall(line.text)) <= 2
            and not _reported(line.text) and not _story_voice(line.text))


def _reported(text: str) -> bool:
    """Told as a story tells what happened, as captions and boxes never are: "was"/"had", a reporting verb
    ("said"), or a quote."""
    return bool(PAST_AUXILIARY.search(text) or REPORTING_VERB.search(text) or _quoted(text))


def _story_voice(text: str) -> bool:
    """Told in the story's voice, as a caption never is: "I", "we", "you", "was"/"had", or a pronoun or link word
    opening it ("He is currently held…", "Below, we analyze…", "Now you know…") (#12)."""
    return bool(FIRST_PERSON.search(text) or PAST_AUXILIARY.search(text) or STORY_OPENING.match(text)
                or _POSSESSIVE_OPENING.match(text))


#: "Your…", "Our…", "My…" opening a line: FIRST_PERSON asks for these in lower case, inside a sentence, and a
#: heading to the reader ("Your go-forward plan for business focus") opens on one (#12).
_POSSESSIVE_OPENING = re.compile(r"\s*(?:your|our|my)\b", re.IGNORECASE)


def _subheading(kept: Sequence[Line], i: int) -> bool:
    """A short label on the topic of the paragraph after it: a third or more of its content words are in that
    paragraph's first forty words ("Risks to the success of the grant" before a paragraph on the grant) (#12)."""
    after = kept[i + 1] if i + 1 < len(kept) else None
    words = {w.lower().rstrip("s") for w in kept[i].words if len(w) > 2 and w.lower() not in STOP_WORDS}
    if after is None or not words:
        return False
    lead = {w.lower().rstrip("s") for w in after.words[:40]}  # "bridges" heads a paragraph on the bridge
    return 3 * len(words & lead) >= len(words)


def _alt_text_like(line: Line) -> bool:
    """Alt text: a short description with no sentence punctuation, in lower or sentence case.

    Title Case lines ("The Battle For The Bridge") are left alone as headings.
    """
    if line.n_words == 0 or line.n_words > 12 or TERMINAL.search(line.text):
        return False
    if line.text[:1].islower() or IMAGE_WORDS.search(line.text):
        return True
    if line.n_words > 7 or HEADING_START.match(line.text):
        return False  # longer sentence-case lines and questions are headings more often than alt text
    content = [w for w in line.words[1:] if w.lower() not in STOP_WORDS]
    return bool(content) and sum(1 for w in content if w[:1].isupper()) < 0.5 * len(content)
