"""The ``extract.quotes`` stage: direct and reported speech with its speaker.

1. Direct quotes are found paragraph by paragraph (:func:`find_direct_quotes`),
   so one stray or unbalanced mark costs at most its paragraph; a paragraph
   that opens a quote and does not close it continues into the next paragraphs
   that open with the same mark. Scare quotes (1-3 words, no speech
   punctuation, no speech verb next to them) are skipped.
2. Reported speech comes from the dependency parse: a speech verb with a
   clausal complement ("X said that ...", "X said having Y back was a
   boost"), a cue after or inside its content ("..., he says.", "The plan,
   she said, will fail"), what a speech verb asks for or promises ("urged
   Republicans to join ...", "called for new tariffs") and "according to X,
   ...". Reported content that
   holds a quoted fragment is one ``mixed`` quote ("He said the vote was
   “rigged from the start”"), not a paraphrase plus a direct quote of the
   fragment; so are the objects of a verb that names or judges something in
   quoted words ("Clinton called half of his supporters “deplorables”"). A line
   that opens with a speaker's name and a colon ("Pence: Gennifer Flowers Won’t
   Be at Debate") reports the rest of the line.
3. Speakers are resolved in :mod:`newsprism.extract._speakers`: the subject of
   the cue verb, its appositive or the name after an inverted cue ("…”,
   ordered the Defense Minister, Sergei Shoigu"), and pronouns or roles ("He
   conceded", "the journalist") resolved to the nearest fitting person.
4. A direct quote with no cue of its own keeps the speaker of the quote before
   it in its paragraph, or in the paragraph before when its own paragraph is
   all quote (the next paragraphs of a long statement), until another person
   is named or a paragraph of narration breaks the run.

The parse is the shared one of :mod:`newsprism.extract.nlp`: no second pass.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import Settings
from ..model import Article, Paragraph, Quote
from ..registry import Stage
from ._lexicon import APOSTROPHE_MARKS, QUOTE_CLOSERS, SPEECH_SURFACE
from ._speakers import Attribution, SpeakerIndex
from .nlp import ParseCache, ParsedStage

if TYPE_CHECKING:
    from spacy.tokens import Doc

STAGE = "extract.quotes"

#: Quotes of this many words or fewer are scare quotes unless they read as speech.
SCARE_MAX_WORDS = 3

#: Reported content shorter than this is no one's words; each cue's own floor in tokens decides above it, so that a
#: name alone can be what a stance is about ("Christie endorsed Trump") (#13).
_MIN_REPORTED_CHARS = 3
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SPEECH_AFTER = re.compile(r"^\W{0,3}(?:\S+\s+){0,3}?(?:" + "|".join(SPEECH_SURFACE) + r")\b", re.IGNORECASE)
_SPEECH_BEFORE = re.compile(r"(?::|\b(?:" + "|".join(SPEECH_SURFACE) + r")\b[^.!?]{0,3})\s*$", re.IGNORECASE)
#: A verb that names or describes something just before a short quote: the quote is the speaker's word for it.
#: The verb needs an object before the quote ("called Trump “unhinged”") or a pronoun subject ("who he dubbed
#: “…”"): right after a noun it names a thing ("a process called “exfiltration”"), which is no one's speech.
_NAMING = (r"(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|labell?(?:s|ed|ing)?|brand(?:s|ed|ing)?|term(?:s|ed|ing)?"
           r"|describ(?:e|es|ed|ing)\b[^.!?;:“”\"]{0,40}?\bas)")
_NAMING_BEFORE = re.compile(
    r"(?:\b(?:he|she|they|we|I|you|who)\s+" + _NAMING + r"\s*|\b" + _NAMING + r"\s+[^.!?;:“”\"\s][^.!?;:“”\"]{0,40})$",
    re.IGNORECASE)
#: Titles (#13): words of a title in quote marks, the small words a title leaves in lower case, its length.
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_TITLE_SMALL_WORDS = frozenset(
    "a an the and or but nor for of in on at to by with from as is are be vs de la le du del von van".split())
_TITLE_MAX_WORDS = 10
_SHOW_BEFORE = re.compile(r"(?:[’']s|\bon)\s*$")
_SPEECH_WORD = re.compile(r"\b(?:" + "|".join(SPEECH_SURFACE) + r")\b", re.IGNORECASE)
_OPEN_CONTEXT = " \t\n([{—–-:;,/"
#: Scraped text mixes curly and straight marks within one paragraph ("“A," she said. "B.”"): the other kind of
#: double mark closes a quote too, so the cue between two quotes is not read as part of one long quote (#13).
_MIXED_CLOSERS = {"“": '"', '"': "”"}
#: A doubled apostrophe or a double backtick standing for a double quote mark, as wire and archive text writes
#: quotes; three apostrophes are a single quote and a double one, opening or closing together (#13).
_ASCII_PAIR = re.compile(r"(?<!')'''?(?!')|``")
#: What a doubled apostrophe that opens a quote follows (a comma before one closes the quote it ends).
_PAIR_OPENS_AFTER = " \t\n([{—–"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A direct quote's content span (marks excluded) and how sure the scan is."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    confidence: float = 1.0


class QuoteStage(ParsedStage):
    """Finds direct and reported quotes and resolves their speakers."""

    name = STAGE
    requires: tuple[str, ...] = ("text", "mentions", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def extract(self, article: Article, doc: Doc) -> Article:
        """Quotes of one article."""
        return extract_quotes(article, doc)


def make_stage(settings: Settings, *, parses: ParseCache | None = None) -> Stage:
    """The ``extract.quotes`` stage; ``parses`` is the pipeline's parse cache."""
    return QuoteStage(settings, parses=parses)


def extract_quotes(article: Article, doc: Doc) -> Article:
    """Fill ``quotes`` of ``article`` from its parse ``doc`` and its entities.

    Args:
        article: The article, with mentions and entities already extracted.
        doc: The spaCy parse of ``article.text``.

    Returns:
        A copy with ``quotes`` sorted by offset.
    """
    paragraphs = paragraph_spans(article.text, article.paragraphs)
    spans = find_direct_quotes(article.text, paragraphs)
    index = SpeakerIndex(article, doc, [(s.start, s.end) for s in spans])
    direct = [(span, _direct_quote(article.text, span, index)) for span in spans]
    reported, fragments = _reported_quotes(index, spans, paragraphs)
    kept = [quote for span, quote in direct if span not in fragments]
    quotes = _inherit_speakers(article.text, kept, paragraphs, index, reported=reported)
    quotes.sort(key=lambda q: (q.start, q.end))
    return article.replace(quotes=tuple(quotes))


def paragraph_spans(text: str, paragraphs: Sequence[Paragraph] = ()) -> list[tuple[int, int]]:
    """English paragraphs as ``(start, end)``: the clean stage's, else split on line breaks.

    Paragraphs flagged foreign are left out.
    """
    if paragraphs:
        return [(p.start, p.end) for p in paragraphs if not p.foreign]
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_direct_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Direct quotes in ``text``, scanned paragraph by paragraph.

    Args:
        text: The clean text.
        paragraphs: ``(start, end)`` of each paragraph to scan, in order.

    Returns:
        Content spans without the marks, scare quotes left out.

    >>> text = "“We will win,” he said. The “so-called” plan."
    >>> [text[q.start:q.end] for q in find_direct_quotes(text, [(0, len(text))])]
    ['We will win,']
    """
    text = _ascii_pairs(text)
    found: list[QuoteSpan] = []
    index = 0
    while index < len(paragraphs):
        spans, index = _scan_paragraph(text, paragraphs, index)
        found.extend(span for span in spans if not _is_scare_quote(text, span) and not _is_title(text, span))
    return found


def _ascii_pairs(text: str) -> str:
    """``text`` with each doubled apostrophe or double backtick that stands for a double quote mark written as one
    straight mark, at the same offsets (#13).

    Wire and archive text writes quotes as ``''…''`` or ````…''``: a pair after a space, a line start, a bracket
    or a dash opens a quote and becomes a space and a mark; any other pair closes one and becomes a mark and a
    space.

    >>> _ascii_pairs("''We stay,'' she said. ``Never,'' he said.")
    ' "We stay,"  she said.  "Never,"  he said.'
    """
    if "''" not in text and "``" not in text:
        return text
    return _ASCII_PAIR.sub(_one_mark, text)


def _one_mark(match: re.Match[str]) -> str:
    start = match.start()
    opens = match.group() == "``" or start == 0 or match.string[start - 1] in _PAIR_OPENS_AFTER
    if len(match.group()) == 3:  # a single quote opening inside a double one, or closing inside it
        return ' "\'' if opens else '\'" '
    return ' "' if opens else '" '


def _scan_paragraph(text: str, paragraphs: Sequence[tuple[int, int]], index: int) -> tuple[list[QuoteSpan], int]:
    """Quotes opened in paragraph ``index``; returns them and the next paragraph to scan."""
    p_start, p_end = paragraphs[index]
    spans: list[QuoteSpan] = []
    i = p_start
    while i < p_end:
        mark = text[i]
        if mark not in QUOTE_CLOSERS or not _opens(text, i, p_start):
            i += 1
            continue
        close = _find_closer(text, i + 1, p_end, mark)
        if close is not None:
            spans.append(_span(text, i, close, 1.0))
            i = close + 1
            continue
        if text[p_start:i].strip():
            i += 1  # a stray mark inside the paragraph: skip it, keep scanning
            continue
        span, index = _continue_quote(text, paragraphs, index, mark)
        if span is not None:
            spans.append(span)
        return spans, index + 1
    return spans, index + 1


def _continue_quote(
    text: str, paragraphs: Sequence[tuple[int, int]], index: int, mark: str
) -> tuple[QuoteSpan | None, int]:
    """A quote opened at the start of paragraph ``index`` and not closed there.

    By convention each further paragraph of a long quote opens with the mark
    again and only the last one closes it.
    """
    open_at = paragraphs[index][0] + len(text[paragraphs[index][0]:]) - len(text[paragraphs[index][0]:].lstrip())
    last = index
    while last + 1 < len(paragraphs):
        n_start, n_end = paragraphs[last + 1]
        lead = n_start + len(text[n_start:n_end]) - len(text[n_start:n_end].lstrip())
        if lead >= n_end or text[lead] != mark:
            break
        last += 1
        close = _find_closer(text, lead + 1, n_end, mark)
        if close is not None:
            return _span(text, open_at, close, 0.9), last
    words = len(text[open_at:paragraphs[last][1]].split())
    if words <= SCARE_MAX_WORDS + 1:
        return None, index
    # Never closed: the closing mark was probably lost in scraping.
    span = _span(text, open_at, paragraphs[last][1], 0.6 if last > index else 0.5)
    return QuoteSpan(span.start, span.end, open_at, None, span.confidence), last


def _opens(text: str, i: int, p_start: int) -> bool:
    mark = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark in "“«„‹":
        return True
    before = text[i - 1] if i > p_start else " "
    return before in _OPEN_CONTEXT or before in "“«"


def _find_closer(text: str, begin: int, end: int, mark: str) -> int | None:
    closers = QUOTE_CLOSERS[mark]
    other = _MIXED_CLOSERS.get(mark, "")
    inner = 0  # quotes of the other kind opened inside this one ("“The so-called "deal" is dead,”")
    for j in range(begin, end):
        char = text[j]
        before = text[j - 1]
        if other and char in other + "“" and char not in closers:
            opens = char == "“" or char == '"' and before.isspace()
            if opens or inner:
                inner += 1 if opens else -1
                continue
            return j
        if char not in closers:
            continue
        after = text[j + 1] if j + 1 < len(text) else " "
        if before.isspace():
            if char == mark and mark not in APOSTROPHE_MARKS and char != '"':
                return None  # a new opening mark before any closer: this one was stray
            continue
        if char in APOSTROPHE_MARKS and (after.isalpha() and after.islower()):
            continue  # an apostrophe: "Moscow’s", "don’t"
        if char == "“" and mark == "“" and not (after.isspace() or not after.isalnum()):
            continue
        return j
    return None


def _span(text: str, open_at: int, close_at: int, confidence: float) -> QuoteSpan:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_at, close_at, confidence)


def _is_scare_quote(text: str, span: QuoteSpan) -> bool:
    content = text[span.start:span.end]
    if len(content.split()) > SCARE_MAX_WORDS:
        return False
    if not content.strip():
        return True
    after = text[span.close_at + 1:span.close_at + 60] if span.close_at is not None else ""
    before = text[max(0, span.open_at - 40):span.open_at]
    if _SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before):
        return False
    if _NAMING_BEFORE.search(text[max(0, span.open_at - 80):span.open_at]):
        return False  # "Bush called Trump “unhinged”": someone's word for something, a fragment of speech (#13)
    last = content.rstrip()[-1]
    if last in "!?…" and span.close_at is not None:
        return False
    # A comma or full stop inside the marks is American typography, not speech: it counts only for a quote
    # that opens its sentence ("“Never.”") or ends one that reports speech ("Mendez told the Post he
    # considered himself “an artist first.”"), not for a term in the middle of one ("the “Iowa way.”") (#13)
    sentence = re.split(r"[.!?:;]\s|\n", text[max(0, span.open_at - 200):span.open_at])[-1]
    return not (last in ".," and span.close_at is not None
                and (_opens_sentence(text, span.open_at) or _SPEECH_WORD.search(sentence)))


def _is_title(text: str, span: QuoteSpan) -> bool:
    """A title or a name in quote marks, not speech: "on CNN’s “State of the Union,”", "“Orange is the New Black”
    star", "the “Make America Great Again” hat" (#13).

    Every word but the small ones is capitalised, and no speech word follows the quote (a short title after a
    possessive or "on" is one whatever follows: "on ABC’s “This Week,” Carson admitted"). All capitals
    ("“LOCK HER UP”") and a closing "!" or "?" read as speech.
    """
    content = text[span.start:span.end]
    words = _TITLE_WORD.findall(content)
    if not words or len(words) > _TITLE_MAX_WORDS or content.isupper() or any(c in content for c in "!?…"):
        return False
    if not _title_case(words) or text[max(0, span.open_at - 2):span.open_at].strip().endswith(":"):
        return False  # "Ryan: ‘Anti-Semitic Images’ Have …": a headline's quote after its speaker
    before = text[max(0, span.open_at - 80):span.open_at]
    if _SPEECH_BEFORE.search(before[-40:]) or _NAMING_BEFORE.search(before) or (
            content.rstrip(" ’'\"").endswith(".") and _opens_sentence(text, span.open_at)):
        return False  # "He said “The Hispanics”", "called the winner “Miss Piggy”", "… told delegates. “Donald Trump.”"
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start:span.open_at] + " " + text[span.end + 1:line_end if line_end >= 0 else len(text)]
    if _title_case(_TITLE_WORD.findall(line)):
        return False  # a headline in title case: the quote's capitals say nothing
    after = text[span.close_at + 1:span.close_at + 60] if span.close_at is not None else ""
    show = _SHOW_BEFORE.search(text[max(0, span.open_at - 12):span.open_at]) is not None
    return show or (len(words) > 1 and not _SPEECH_AFTER.match(after))


def _title_case(words: Sequence[str]) -> bool:
    """Whether every word but the small ones is capitalised, the first one too."""
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS
                                                         for w in words)


def _opens_sentence(text: str, open_at: int) -> bool:
    before = text[max(0, open_at - 3):open_at].rstrip(" \t\xa0")
    return not before or before[-1] in "\n.!?:”\""


def _direct_quote(text: str, span: QuoteSpan, index: SpeakerIndex) -> Quote:
    attribution = index.attribute_direct(span.open_at, span.close_at if span.close_at is not None else span.end)
    return _quote(text, span.start, span.end, "direct", attribution, span.confidence)


def _quote(text: str, start: int, end: int, kind: str, attribution: Attribution | None, confidence: float) -> Quote:
    if attribution is None:
        return Quote(start=start, end=end, text=text[start:end], kind=kind,  # type: ignore[arg-type]
                     confidence=round(confidence * 0.5, 3), stage=STAGE)
    return Quote(
        start=start, end=end, text=text[start:end], kind=kind,  # type: ignore[arg-type]
        speaker=attribution.entity, speaker_text=attribution.speaker_text,
        speaker_start=attribution.speaker_start, speaker_end=attribution.speaker_end,
        cue=attribution.cue, cue_start=attribution.cue_start, cue_end=attribution.cue_end,
        confidence=round(confidence * attribution.confidence, 3), stage=STAGE,
    )


def _inherit_speakers(text: str, quotes: list[Quote], paragraphs: Sequence[tuple[int, int]],
                      index: SpeakerIndex, *, reported: Sequence[Quote] = ()) -> list[Quote]:
    """A direct quote with no cue of its own continues the speaker's previous quote, direct, mixed or reported;
    returns ``quotes`` so completed, then ``reported`` unchanged.

    1. In the same paragraph ("“…,” said Devin Oldman, who helped. “I would think …”"; "DuVernay said she felt
       it was worth examining because “most people don’t know about that loop-hole,” she said. “We have no
       context …”", where the first quote is a fragment of the mixed one) (#13).
    2. In the paragraph before, when this quote opens its own paragraph and no
       other person is named in between (#13): the next paragraphs of a long
       statement. A paragraph with no quote breaks the run.
    Each step away lowers the confidence.
    """
    starts = [start for start, _ in paragraphs]
    out: list[Quote] = []
    last_paragraph = -2
    previous: Quote | None = None
    spoken = {id(quote) for quote in reported}
    for quote in sorted([*quotes, *reported], key=lambda q: (q.start, q.end)):
        if id(quote) in spoken:
            previous, last_paragraph = quote, bisect.bisect_right(starts, quote.end) - 1
            continue
        paragraph = bisect.bisect_right(starts, quote.start) - 1
        if quote.speaker_text is None and previous is not None and previous.speaker_text is not None:
            same = "\n" not in text[previous.end:quote.start]
            follows = (paragraph == last_paragraph + 1 and _opens_paragraph(text, paragraphs, paragraph, quote)
                       and not index.other_person_between(previous.end, paragraphs[paragraph][1], previous.speaker))
            if same or follows:
                # "“…,” Rubio said. “…”": in the same paragraph the words go on under the cue of the quote before
                cue = ((previous.cue, previous.cue_start, previous.cue_end) if same and previous.kind == "direct"
                       else (quote.cue, quote.cue_start, quote.cue_end))
                quote = dataclasses.replace(
                    quote, speaker=previous.speaker, speaker_text=previous.speaker_text,
                    speaker_start=previous.speaker_start, speaker_end=previous.speaker_end,
                    cue=cue[0], cue_start=cue[1], cue_end=cue[2],
                    confidence=round(min(previous.confidence, 0.8) * (0.8 if same else 0.75), 3))
        out.append(quote)
        previous, last_paragraph = quote, bisect.bisect_right(starts, quote.end) - 1
    return [*out, *reported]


def _opens_paragraph(text: str, paragraphs: Sequence[tuple[int, int]], paragraph: int, quote: Quote) -> bool:
    """Whether only the opening mark stands between the paragraph's start and ``quote``."""
    if paragraph < 0:
        return False
    return len(text[paragraphs[paragraph][0]:quote.start].strip()) <= 1


def _reported_quotes(
    index: SpeakerIndex, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]]
) -> tuple[list[Quote], set[QuoteSpan]]:
    """Reported and mixed quotes, and the direct quotes that are fragments of a mixed one.

    Reported content that holds quote marks is ``mixed``: its quoted fragments
    are not direct quotes of their own (#13). Content that is all quote stays
    the direct quote; content that cuts a direct quote is dropped.
    """
    text = index.text
    fragments: set[QuoteSpan] = set()
    quotes: list[Quote] = []
    for token in index.cue_tokens():
        found = index.reported(token)
        if found is None:
            continue
        (start, end), attribution = found
        if end - start < _MIN_REPORTED_CHARS or not any(s <= start < e for s, e in paragraphs):
            continue
        cue = (attribution.cue_start or start, attribution.cue_end or end)
        if any(s.open_at <= cue[0] < _close(s) for s in spans):
            continue
        touched = [s for s in spans if start <= _close(s) and s.open_at < end]
        limit = _past_punctuation(text, end)  # the closing mark may follow the content's last full stop
        if touched and (start <= cue[0] < end or any(s.open_at < start - 1 or _close(s) >= limit for s in touched)):
            continue  # cuts a direct quote, or spans two halves of one around their cue
        if touched and (not _unquoted_words(text, start, end, touched) or _opens_content(text, touched, start, end)
                        or any(_closes_at_cue(text, s, attribution, start) for s in touched)):
            # all quote, a quote that opens the content ("“…”, recalling …"), or one the cue follows ("X scolded
            # him: “…,” she said"): the direct quote stands
            continue
        if touched:
            start = min(start, *(s.open_at for s in touched))  # the opening mark of a quote that opens the content
            end = max(end, *(_close(s) + 1 for s in touched if s.close_at is not None))
            start, end = _whole_pairs(text, start, end)
        else:  # a short fragment the scan left out: keep both of its marks in the content
            if start > 0 and text[start - 1] in "“«\"" and _has_marks(text[start:end]):
                start -= 1
            if end < len(text) and text[end] in "”»\"" and _has_marks(text[start:end]):
                end += 1
        if any(q.kind == "mixed" and q.start <= start and end <= q.end for q in quotes):
            continue  # a mixed quote inside another one's content: one quote of the fragment
        kind = "mixed" if touched or _has_marks(text[start:end]) else "indirect"
        fragments.update(touched)
        quotes.append(_quote(text, start, end, kind, attribution, 0.9))
    for p_start, p_end in paragraphs:
        labelled = index.labelled_line(p_start, p_end)
        if labelled is not None and not any(q.start < labelled[0][1] and labelled[0][0] < q.end for q in quotes):
            (start, end), attribution = labelled
            # "John McCain: Republican Populist Anger Appeals to ‘Bad Angels Of Our Nature.’": the quoted words are
            # fragments of the line's one mixed quote (#13)
            inside = [s for s in spans if start <= s.open_at and _close(s) <= end]
            fragments.update(inside)
            kind = "mixed" if inside or _has_marks(text[start:end]) else "indirect"
            quotes.append(_quote(text, start, end, kind, attribution, 0.8))
    return quotes, fragments


def _opens_content(text: str, touched: list[QuoteSpan], start: int, end: int) -> bool:
    """Whether a quote opens the reported content and a clause of its own follows it ("“…”, recalling …"); a quote
    the clause goes on from ("tells MSNBC that “exactly who did it” remains under investigation") is a fragment
    of one mixed quote (#13)."""
    first = min(touched, key=lambda span: span.open_at)
    if first.open_at > start:
        return False
    rest = text[_close(first) + 1:end].lstrip(" \xa0'")
    return not rest or rest[0] in ",;:.!?—–-"


def _closes_at_cue(text: str, span: QuoteSpan, attribution: Attribution, start: int) -> bool:
    """Whether only the speaker and punctuation stand between the quote's closing mark and its cue, and the words
    before the quote end their own clause ("McCaskill scolded him: “…,” she said"). A quote that goes on with the
    words before it ("Not paying taxes “makes me smart,” Trump said", "With thousands of systems, “there is no
    single point of failure,” he said") is a fragment of one mixed quote (#13)."""
    after = [at for at in (attribution.speaker_start, attribution.cue_start) if at is not None]
    if span.close_at is None or not after or min(after) <= span.close_at:
        return False
    lead = text[start:span.open_at].rstrip(" \xa0")
    return not text[span.close_at + 1:min(after)].strip(" ,\xa0'") and (not lead or lead[-1] in ":.!?;")


def _past_punctuation(text: str, end: int) -> int:
    while end < len(text) and text[end] in ".,;:!?”’»\"'":
        end += 1
    return end


def _whole_pairs(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` widened over a doubled apostrophe they cut in half: the scan reads ``''`` as one mark at
    its inner apostrophe (#13)."""
    if start > 0 and text[start - 1:start + 1] == "''":
        start -= 1
    if 0 < end < len(text) and text[end - 1:end + 1] == "''":
        end += 1
    return start, end


def _close(span: QuoteSpan) -> int:
    return span.close_at if span.close_at is not None else span.end


def _unquoted_words(text: str, start: int, end: int, inside: list[QuoteSpan]) -> int:
    chars = list(text[start:end])
    for span in inside:
        for i in range(max(span.open_at, start), min(_close(span) + 1, end)):
            chars[i - start] = " "
    return len([w for w in "".join(chars).split() if any(c.isalnum() for c in w)])


def _has_marks(content: str) -> bool:
    """A short quoted fragment the scan left out as a scare quote ("was “dead on arrival”")."""
    return any(mark in content for mark in "“”«»\"") or "''" in content


def quoted_fragments(text: str, quote: Quote) -> list[tuple[int, int]]:
    """The quoted parts of a ``mixed`` quote (the whole span for a ``direct`` one, none for ``indirect``).

    >>> from newsprism.model import Quote
    >>> text = "He said the vote was “rigged from the start” and left."
    >>> quote = Quote(start=8, end=44, text=text[8:44], kind="mixed")
    >>> [text[s:e] for s, e in quoted_fragments(text, quote)]
    ['rigged from the start']
    """
    if quote.kind == "direct":
        return [(quote.start, quote.end)]
    if quote.kind == "indirect":
        return []
    return [(s.start, s.end) for s in find_direct_quotes(text, [(quote.start, quote.end)])]
