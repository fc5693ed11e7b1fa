"""Clean already-extracted or already-scraped plain text: the ``clean.text`` stage's core.

:func:`clean_text` is a pure function of a string; the stage and the
``newsprism clean`` command both call it. It

1. splits the raw text into lines, fixing mojibake and spaces per line
   (:mod:`~newsprism.clean.normalize`), keeping each character's raw offset;
2. classifies page furniture (:mod:`~newsprism.clean.furniture`) and records
   each removed line as a :class:`~newsprism.model.Removal`, keeping
   captions, credits, alt text, related links and tags as metadata;
3. repairs glued words in main-language paragraphs
   (:mod:`~newsprism.clean.glued_words`), each a :class:`~newsprism.model.Repair`;
4. joins the kept lines as paragraphs with their language, and the offset map.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Link, MediaItem, Paragraph, Removal, Repair, Segment
from ..validate import main_language as check_language
from .dateline import find_dateline
from .furniture import Line, classify, make_line
from .glued_words import Split, document_vocabulary, find_glued, load_word_lists, weak_alone
from .language import forget_answers, line_languages
from .normalize import normalize_line
from .offsets import MappedText, segments_of_parts
from .resources import BRACKETED, ENGLISH_FUNCTION_WORDS, NON_LATIN, RELATED_LABEL, TAG_LABEL, TAG_SPLIT, URL

_LINE = re.compile(r"[^\n]*")
_PARAGRAPH_BREAK = "\n\n"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_MEDIA_KINDS = {"caption": "caption", "credit": "credit", "alt_text": "alt_text"}


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What cleaning made of one text. Field meanings follow :class:`~newsprism.model.Article`."""

    text: str
    removals: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    segments: tuple[Segment, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    media: tuple[MediaItem, ...] = ()
    related: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    lang: str | None = None
    #: The date the story's dateline gives (ISO 8601), when it opened the body.
    published: str | None = None
    #: Whether the budget ran out, so glued words were not looked for in the last lines.
    budget_spent: bool = False


def clean_text(text: str, *, content_kind: str = "text", main_language: str = "en",
               known_furniture: Collection[str] | None = None, repair_glued: bool = True,
               datelines: Literal["metadata", "keep"] = "metadata", budget: float | None = None) -> CleanResult:
    """Remove page furniture, repair glued words, keep the offset map.

    Args:
        text: The raw text (scraped page text, or an HTML extractor's output).
        content_kind: ``"text"`` for scraped text (every pass runs) or
            ``"html"`` for an extractor's output (only sure cues remove lines).
        main_language: Language of the story; other-language paragraphs are flagged.
        known_furniture: Line hashes (:func:`~newsprism.clean.furniture.line_hash`)
            this site is known to repeat on every page.
        repair_glued: Split words glued together by lost spaces (in scraped text only: an extractor's
            output keeps its words as the page wrote them).
        datelines: ``"metadata"`` takes a dateline that opens the body out of it (a ``dateline``
            removal, its date in ``published``); ``"keep"`` leaves it in the text.
        budget: Seconds of CPU time glued-word repair (the costliest step, #12) may take; past it the
            remaining lines are kept as they are and ``budget_spent`` says so. None: no limit.

    Returns:
        The clean text with removals (spans into ``text``), repairs (spans
        into the clean text), segments, paragraphs and metadata.

    >>> clean_text("Share this:\\nThe mayor said the bridge would reopen on Monday.").text
    'The mayor said the bridge would reopen on Monday.'

    Raises:
        BadValueError: ``E171`` when ``main_language`` is not one cleaning supports (it was a LookupError
            from deep inside, #15).
    """
    main_language = check_language(main_language, name="main_language")
    forget_answers()
    # an extractor's output has the page's words as the page wrote them: on the two extraction dev sets 168
    # of the 185 splits that told for or against them split a word the page's own text writes whole
    # ("Ameris Bank", "Riveredge", "electromobility"), and the search was a quarter of cleaning's time (#12)
    repair_glued = repair_glued and content_kind != "html"
    lines, mapped, fixes = _read_lines(text)
    doc_lang = classify(lines, scraped=content_kind != "html", main_language=main_language,
                        known_furniture=known_furniture)
    dateline = None
    if datelines == "metadata":
        languages = tuple(dict.fromkeys(code for code in (doc_lang, main_language, "en") if code))
        dateline = _take_dateline(text, lines, mapped, fixes, languages=languages)
    kept = [line for line in lines if line.kind is None]
    unknown = [line for line in kept if line.lang_score is None]
    for line, (lang, score) in zip(unknown, line_languages([line.text for line in unknown], doc_lang=doc_lang,
                                                           words=[line.words for line in unknown]), strict=True):
        line.lang, line.lang_score = lang, score
    removals = tuple(sorted(
        [Removal(line.start, line.end, line.kind or "", line.reason, text[line.start:line.end])
         for line in lines if line.kind is not None] + ([dateline.removal] if dateline and dateline.removal else []),
        key=lambda removal: removal.start))
    text_lang = _lines_lang(kept) or _unidentified(kept, main_language)
    vocabulary = document_vocabulary(mapped[line.index].text for line in kept) if repair_glued else Counter()
    parts: list[MappedText] = []
    repairs: list[Repair] = []
    paragraphs: list[Paragraph] = []
    position = 0
    previous: Line | None = None
    spent = False
    if budget is not None and repair_glued:
        # once per process: the budget is the page's, not the loading's; a line in another Latin-script language
        # is repaired by its own language's word list (rule 5 of glued_words)
        for lang in dict.fromkeys([main_language] + [line.lang for line in kept if line.lang and line.lang != main_language
                                                     and not _other_script(line.text)]):
            load_word_lists(lang)
    deadline = time.thread_time() + budget if budget is not None else None
    found: dict[int, list[Split]] = {}
    for line in kept if repair_glued else ():
        if deadline is not None and time.thread_time() >= deadline:
            spent = True  # a pathological page (#12): the rest of its lines are kept as they are
            break
        found[line.index] = _glued_in_line(mapped[line.index], line=line, vocabulary=vocabulary,
                                           main_language=main_language, doc_lang=text_lang)
    if weak_alone(split for splits in found.values() for split in splits):
        found = {}
    for line in kept:
        if previous is not None:
            separator = _separator(text, previous, line)
            parts.append(separator)
            position += len(separator.text)
        part, part_repairs = _repair_line(mapped[line.index], fixes[line.index], found.get(line.index, ()))
        repairs.extend(_shifted(r, position) for r in part_repairs)
        foreign = line.lang is not None and line.lang != main_language
        paragraphs.append(Paragraph(position, position + len(part.text), line.lang, line.lang_score, foreign))
        parts.append(part)
        position += len(part.text)
        previous = line
    # the parts' runs are read from the parts: a map of the joined text would be one number per character (#12, speed)
    return CleanResult(
        text="".join(part.text for part in parts), removals=removals, repairs=tuple(repairs),
        segments=segments_of_parts(parts, text),
        paragraphs=tuple(paragraphs), media=_media(lines), related=_related(lines), tags=_tags(lines),
        lang=_main_lang(paragraphs) or doc_lang, published=dateline.date if dateline else None,
        budget_spent=spent,
    )


@dataclass(frozen=True, slots=True)
class _TakenDateline:
    date: str | None
    removal: Removal | None  # a dateline before a dash: the part of the line taken out


_DATELINE_MISTAKEN_FOR = frozenset({"alt_text", "navigation", "tags"})
_DATELINE_REASON = "the story's dateline (when{place} it was filed), kept as metadata"


def _take_dateline(text: str, lines: list[Line], mapped: dict[int, MappedText],
                   fixes: dict[int, list[tuple[int, int, str]]], *,
                   languages: tuple[str, ...]) -> _TakenDateline | None:
    """Take the dateline that opens the body out of it (#12).

    It is the first kept line, or the second when the first is the headline: a whole line is marked a
    ``dateline`` removal; a dateline before a dash is cut from its line, which keeps the rest. A dateline
    that names a place stays in the text, where the place is a fact; only its date is taken.
    """
    kept = [line for line in lines if line.kind is None][:2]
    if kept and kept[0].index > 0 and lines[kept[0].index - 1].kind in _DATELINE_MISTAKEN_FOR:
        kept.insert(0, lines[kept[0].index - 1])  # just above the story, a short line with no stop
    for line in kept:
        found = find_dateline(line.text, languages=languages)
        if found is not None and found.place and line.kind is None:
            # "LOS ANGELES, April 5, 2018 —": the place is a fact of the story (the places stage reads it
            # there), so the line stays; its date is the publication date all the same
            return _TakenDateline(found.date, None)
        if found is not None:
            reason = _DATELINE_REASON.format(place=f" and where, {found.place}," if found.place else "")
            if found.length >= len(line.text.rstrip()):
                line.kind, line.reason = "dateline", reason
                return _TakenDateline(found.date, None)
            if line.kind is not None:
                continue  # only a whole line was taken for furniture
            part = mapped[line.index]
            if any(a < found.length for a, _, _ in fixes[line.index]) or part.origin[found.length] < 0:
                return None  # a repaired character inside the dateline: leave the line whole
            raw_cut = part.origin[found.length]
            removal = Removal(line.start, raw_cut, "dateline", reason, text[line.start:raw_cut])
            mapped[line.index] = part.slice(found.length, len(part.text))
            fixes[line.index] = [(a - found.length, b - found.length, before) for a, b, before in fixes[line.index]]
            line.start, line.text = raw_cut, mapped[line.index].text
            return _TakenDateline(found.date, removal)
        if line.kind is None and not _headline_like(line):
            return None  # the story has begun
    return None


def _headline_like(line: Line) -> bool:
    return line.title or (3 <= line.n_words <= 25 and not line.text.rstrip().endswith((".", ",", ";", ":")))


def _separator(text: str, previous: Line, line: Line) -> MappedText:
    """The layout between two kept lines: a blank line stays a blank line, a line break a line break."""
    gap = text[previous.end:line.start]
    if gap in ("\n", "\n\n"):  # nothing removed in between: copy it, so the offset map runs on
        return MappedText.copied(text, previous.end, line.start)
    return MappedText.inserted(_PARAGRAPH_BREAK if _BLANK_LINE.search(gap) else "\n")


def _read_lines(text: str) -> tuple[list[Line], dict[int, MappedText], dict[int, list[tuple[int, int, str]]]]:
    lines: list[Line] = []
    mapped: dict[int, MappedText] = {}
    fixes: dict[int, list[tuple[int, int, str]]] = {}
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        line_text, changes = normalize_line(text, start, end)
        index = len(lines)
        mapped[index], fixes[index] = line_text, changes
        lines.append(make_line(index, start, end, line_text.text))
    return lines, mapped, fixes


def _glued_in_line(part: MappedText, *, line: Line, vocabulary: Counter[str], main_language: str,
                   doc_lang: str | None) -> list[Split]:
    """Where one kept line has glued words.

    A line whose language the identifier is unsure of is in the document's language: in an Indonesian story
    the main language's word list split "Zionis" and "mainan" into "Zion is" and "main an" (#12).
    """
    # a line in another script (an interview's Hindi beside its English) keeps its Latin words in the story's
    # language: those are repaired; a line in another Latin-script language gets only the splits a quote or a
    # stop before a capital shows ("Kostendruck.Der", "embaixo!Obrigado"), which need no word list (#12)
    lang = line.lang or doc_lang
    marks_only = lang not in (None, main_language) and not _other_script(line.text)
    return find_glued(part.text, vocabulary=vocabulary, lang=lang if marks_only and lang else main_language,
                      marks_only=marks_only)


def _repair_line(part: MappedText, fixes: list[tuple[int, int, str]],
                 splits: Sequence[Split]) -> tuple[MappedText, list[Repair]]:
    """Split the glued words found in one kept line, fix its mojibake; return it with its repairs (spans in the
    line)."""
    repairs = [Repair(a, b, before, part.text[a:b], kind="mojibake", reason="fixed by ftfy") for a, b, before in fixes]
    for split in reversed(splits):  # right to left keeps earlier indexes valid
        before = part.text[split.start:split.end]
        part = part.insert(split.index, " ")
        repairs = [_after_insert(r, split.index) for r in repairs]
        after = part.text[split.start:split.end + 1]
        repairs.append(Repair(split.start, split.end + 1, before, after, kind="glued_word", reason=split.reason))
    # a split inside a fixed span widens it: its text is re-read from the line
    repairs = [Repair(r.start, r.end, r.before, part.text[r.start:r.end], r.kind, r.reason) for r in repairs]
    repairs.sort(key=lambda r: r.start)
    return part, repairs


def _other_script(text: str) -> bool:
    """Whether ``text`` holds letters of a script other than Latin (Devanagari, Cyrillic, Arabic…)."""
    return NON_LATIN.search(text) is not None


def _after_insert(repair: Repair, index: int) -> Repair:
    """Move a repair's span over a space inserted at ``index``."""
    start = repair.start + (1 if repair.start >= index else 0)
    end = repair.end + (1 if repair.end > index else 0)
    return Repair(start, end, repair.before, repair.after, kind=repair.kind, reason=repair.reason)


def _shifted(repair: Repair, offset: int) -> Repair:
    return Repair(repair.start + offset, repair.end + offset, repair.before, repair.after, repair.kind, repair.reason)


def _media(lines: list[Line]) -> tuple[MediaItem, ...]:
    return tuple(MediaItem(kind=_MEDIA_KINDS[line.kind], text=line.text)  # type: ignore[arg-type]
                 for line in lines if line.kind in _MEDIA_KINDS)


def _related(lines: list[Line]) -> tuple[Link, ...]:
    links = []
    for line in lines:
        if line.kind != "related":
            continue
        bracketed = BRACKETED.match(line.text)
        label = bracketed.group(1) if bracketed else RELATED_LABEL.sub("", line.text).strip()
        url = URL.search(line.text)
        if label:
            links.append(Link(text=label, url=url.group() if url else None, lang=line.lang))
    return tuple(links)


def _tags(lines: list[Line]) -> tuple[str, ...]:
    tags: list[str] = []
    for line in lines:
        if line.kind == "tags":
            body = TAG_LABEL.sub("", line.text)
            tags.extend(t.strip() for t in TAG_SPLIT.split(body) if t.strip() and t.strip() not in tags)
    return tuple(tags)


def _lines_lang(lines: list[Line]) -> str | None:
    """The language most of the kept lines' characters are identified in: the story's, as its lines tell it.

    The document's language is told from one sample of its longest lines, which a long tag cloud of names
    can lead (an Indonesian blog read as English, #12); the lines told one by one are the story itself.
    """
    weights: Counter[str] = Counter()
    for line in lines:
        if line.lang:
            weights[line.lang] += len(line.text)
    return weights.most_common(1)[0][0] if weights else None


def _unidentified(lines: list[Line], main_language: str) -> str | None:
    """``"und"`` (undetermined, not the main language) for an English main language when no line was identified
    and the lines hold almost none of English's function words; else None.

    An Indonesian page the identifier was unsure of, line by line and as a whole, was repaired with the English
    word list ("hadits" became "had its") (#12). English prose is about a quarter function words.
    """
    if main_language != "en":
        return None
    words = [word.lower() for line in lines for word in line.words]
    english = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words))
    return "und" if len(words) >= _UNIDENTIFIED_WORDS and english < _UNIDENTIFIED_SHARE * len(words) else None


#: Words a document needs before its want of English function words tells it is not English, and their share.
_UNIDENTIFIED_WORDS, _UNIDENTIFIED_SHARE = 40, 0.05


def _main_lang(paragraphs: list[Paragraph]) -> str | None:
    weights: Counter[str] = Counter()
    for paragraph in paragraphs:
        if paragraph.lang:
            weights[paragraph.lang] += paragraph.end - paragraph.start
    return weights.most_common(1)[0][0] if weights else None
