"""The ``extract.entities`` stage: named-entity mentions and one entity per thing.

spaCy's NER runs over the clean text (through the shared parse of
:mod:`newsprism.extract.nlp`); this module then

1. cleans each span (leading "the", possessive "’s", punctuation, a span that
   crosses a paragraph break) and drops spans in paragraphs flagged foreign,
   but for the names a paragraph in another script writes in the model's ("KBS" in Korean prose);
2. fixes cheap label mistakes: a title before a span ("General X") or a
   personal appositive after it ("X, a war correspondent") makes it a PERSON,
   words that only an organisation takes make a PERSON an organisation
   ("Twitter users", "chief operating officer of SpaceX", "posted on
   Twitter": :func:`_organisational`), and labels are voted per form over the
   article (:func:`names.vote_labels`);
3. groups the forms into entities with :func:`names.group_names`, which merges
   surnames, titles and transliteration variants and records why.

The lines cleaning took out of the body but kept as metadata (the headline,
captions, credits, alt text, bylines, datelines, tags: :func:`metadata_lines`) are
parsed too, as one more text per article. Their names join the article's
entities (a caption's "Surovikin" merges with the text's "General Surovikin",
a photographer named only in a credit becomes an entity of the article), and
their mentions go to ``Article.metadata_mentions`` with offsets into the field
they came from, so every offset of ``Article.mentions`` still points into the
clean text (#12).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import Settings
from ..model import Article, Entity, Mention, Paragraph
from ..registry import Stage
from . import names
from ._lexicon import (
    LATIN_SCRIPT_LANGUAGES,
    LOCATIVE_PREPOSITIONS,
    MEDIUM_VERBS,
    NAMED_LABELS,
    ORGANISATION_HEADS,
    ORGANISATION_OF,
    PLACE_LABELS,
    ROLE_NOUNS,
    TITLES,
)
from .nlp import ParseCache, ParsedStage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STAGE = "extract.entities"


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    label: str
    locative: bool
    source: str = ""


#: Kinds of media items and removals whose text carries the story's information (#12): their names count.
_MEDIA_KINDS = frozenset({"caption", "credit", "alt_text", "image"})
_REMOVAL_KINDS = frozenset({"byline", "dateline", "headline"})
#: What joins the metadata lines into the one text that is parsed: a paragraph break, which no entity spans.
_LINE_BREAK = "\n\n"


class EntityStage(ParsedStage):
    """Finds entity mentions and groups them into canonical entities."""

    name = STAGE
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("mentions", "metadata_mentions", "entities")

    def extract(self, article: Article, doc: Doc, metadata_doc: Doc | None = None) -> Article:
        """Mentions and entities of one article."""
        return extract_entities(article, doc, metadata_doc=metadata_doc)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse each article's text and its metadata lines in one batch, then extract per article."""
        batch = list(articles)
        lines = [metadata_lines(article) for article in batch]
        metadata = [_LINE_BREAK.join(text for _, text in found) for found in lines]
        texts = [article.text for article in batch]
        docs = self.parses.parse(texts + [text for text in metadata if text], model=self.settings.spacy_model)
        extra = iter(docs[len(batch):])
        for article, doc, text, found in zip(batch, docs[:len(batch)], metadata, lines, strict=True):
            yield extract_entities(article, doc, metadata_doc=next(extra) if text else None, metadata=found)


def make_stage(settings: Settings, *, parses: ParseCache | None = None) -> Stage:
    """The ``extract.entities`` stage; ``parses`` is the pipeline's parse cache."""
    return EntityStage(settings, parses=parses)


def extract_entities(article: Article, doc: Doc, *, metadata_doc: Doc | None = None,
                     metadata: list[tuple[str, str]] | None = None) -> Article:
    """Fill ``mentions``, ``metadata_mentions`` and ``entities`` of ``article`` from its parses.

    Args:
        article: The article; ``doc`` must be the parse of ``article.text``.
        doc: The spaCy parse.
        metadata_doc: The parse of the article's :func:`metadata_lines` joined by blank lines, if any.
        metadata: Those lines, when the caller has them already (else they are found again).

    Returns:
        A copy of the article with mentions (character offsets into the text,
        each pointing at its entity id), metadata mentions (offsets into the
        field their ``source`` names) and entities (``"e1"``, ``"e2"``, ...),
        which count both.
    """
    candidates = _candidates(article.text, doc, article.paragraphs, article.lang)
    # the headline and captions of a story in another language are in its language (see foreign_ranges)
    if metadata_doc is not None and not foreign_language(article.paragraphs, article.lang):
        candidates += _metadata_candidates(metadata if metadata is not None else metadata_lines(article), metadata_doc)
    diseases = _diseases(article.text, candidates)
    if diseases:
        # "tested positive for COVID-19": a disease is no person, organisation or place of the story (#17)
        candidates = [c for c in candidates if not _disease(c, diseases)]
    awards = _awards(article.text, candidates)
    if awards:
        # "Oscar-winning actress", "won an Oscar": an award is no person (#17)
        candidates = [c for c in candidates if not (c.label == "PERSON" and c.text.casefold() in awards)]
    candidates = _storms(article.text, candidates)
    # "Carly Fiorina" read as an organisation in 28 articles of the real corpus: a first name and a rare word (#17)
    candidates = [dataclasses.replace(c, label="PERSON") if c.label == "ORG" and _personal_name(c.text) else c
                  for c in candidates]
    labels = names.vote_labels([(c.text, c.label, c.locative) for c in candidates],
                               organisations=_organisations(doc, candidates))
    groups = names.group_names([(c.text, label) for c, label in zip(candidates, labels, strict=True)])
    entity_of: dict[int, str] = {}
    entities: list[Entity] = []
    for number, group in enumerate(groups, start=1):
        entity_id = f"e{number}"
        for member in group.members:
            entity_of[member] = entity_id
        evidence = tuple(group.evidence[v] for v in group.variants if v in group.evidence)
        entities.append(Entity(id=entity_id, name=group.name, label=group.label, variants=tuple(group.variants),
                               evidence=evidence, mentions=len(group.members)))
    mentions = [
        Mention(start=c.start, end=c.end, text=c.text, label=label, entity=entity_of[i], stage=STAGE, source=c.source)
        for i, (c, label) in enumerate(zip(candidates, labels, strict=True))
    ]
    return article.replace(mentions=tuple(m for m in mentions if not m.source),
                           metadata_mentions=tuple(m for m in mentions if m.source), entities=tuple(entities))


def metadata_lines(article: Article) -> list[tuple[str, str]]:
    """The lines of ``article`` kept as metadata whose names are the story's, as ``(source, text)``.

    ``source`` names the field the text is in (see :class:`~newsprism.model.Mention`): the title, each caption,
    credit and alt text of ``media``, each byline and dateline of ``removals`` (and the headline when it is not
    the title), and each of ``tags`` ("Russian-Ukrainian War"). A text met twice (the scraped caption is both a
    media item and a removal) is read once.
    """
    found: dict[str, str] = {}
    if article.title:
        found.setdefault(" ".join(article.title.split()), "title")
    for i, item in enumerate(article.media):
        if item.kind in _MEDIA_KINDS and item.text:
            found.setdefault(" ".join(item.text.split()), f"media/{i}")
    for i, removal in enumerate(article.removals):
        if removal.kind in _REMOVAL_KINDS and removal.text.strip():
            found.setdefault(" ".join(removal.text.split()), f"removals/{i}")
    for i, tag in enumerate(article.tags):
        if tag.strip():
            found.setdefault(" ".join(tag.split()), f"tags/{i}")
    return [(source, metadata_field_text(article, source)) for source in found.values()]


def metadata_field_text(article: Article, source: str) -> str:
    """The text of the metadata field ``source`` names, into which a metadata mention's offsets point.

    >>> from newsprism.model import Article, MediaItem
    >>> article = Article(id="x", text="", title="Flood in Galati", media=(MediaItem("caption", "The dyke at dawn"),))
    >>> metadata_field_text(article, "title"), metadata_field_text(article, "media/0")
    ('Flood in Galati', 'The dyke at dawn')
    """
    field, _, index = source.partition("/")
    if field == "title":
        return article.title or ""
    if field == "tags":
        return article.tags[int(index)]
    return article.media[int(index)].text if field == "media" else article.removals[int(index)].text


def _metadata_candidates(lines: Sequence[tuple[str, str]], doc: Doc) -> list[_Candidate]:
    """Candidates in the parse of the metadata lines joined by :data:`_LINE_BREAK`, each moved into its own line."""
    starts, position = [], 0
    for _, text in lines:
        starts.append(position)
        position += len(text) + len(_LINE_BREAK)
    result = []
    for c in _candidates(doc.text, doc, (), None):
        at = bisect.bisect_right(starts, c.start) - 1
        source, text = lines[at]
        start, end = c.start - starts[at], c.end - starts[at]
        if end <= len(text):  # a span never crosses a line break (_trim keeps one line)
            result.append(dataclasses.replace(c, start=start, end=end, source=source))
    return result


def foreign_ranges(paragraphs: Sequence[Paragraph], lang: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs the clean stage flagged foreign, and of those too short to tell
    their language when the article's language ``lang`` is one it flags: a headline, a caption or a short line
    of a German story is German, where the English model reads "Gefängnis" as a person and "Kinder" as a
    nationality (#17)."""
    unknown_foreign = foreign_language(paragraphs, lang)
    return [(p.start, p.end) for p in paragraphs if p.foreign or (unknown_foreign and p.lang is None)]


def foreign_language(paragraphs: Sequence[Paragraph], lang: str | None) -> bool:
    """Whether ``lang``, an article's language, is one the clean stage flags foreign in its paragraphs."""
    return lang is not None and any(p.foreign and p.lang == lang for p in paragraphs)


def _candidates(text: str, doc: Doc, paragraphs: Sequence[Paragraph], lang: str | None) -> list[_Candidate]:
    # Doc.text rebuilds the whole string on every access: use the article's text.
    latin = doc.lang_ in LATIN_SCRIPT_LANGUAGES
    # a paragraph in a language of another script keeps the names it writes in the model's ("KBS", "Instagram"):
    # the model reads them as it reads them in English, and the script check below drops the rest
    foreign = [(s, e) for s, e in foreign_ranges(paragraphs, lang) if not (latin and _other_script(text[s:e]))]
    result: list[_Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS or any(s <= ent.start_char < e for s, e in foreign):
            continue
        span = _trim(ent)
        if span is None:
            continue
        start, end = span
        if not any(c.isalpha() for c in text[start:end]) or not _model_script(text[start:end], latin):
            continue
        if ent.label_ != "NORP" and _lower_word(text[start:end]):
            continue
        if _time_zone(text, start, end) or (ent.label_ == "ORG" and _title_office(text, start, end)):
            continue
        label = "PERSON" if ent.label_ != "PERSON" and _looks_personal(ent) else ent.label_
        previous = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        result.append(_Candidate(start, end, text[start:end], label, previous in LOCATIVE_PREPOSITIONS))
    return result


#: A first name this common as a word is the word as often ("Will", "Grant"); a surname this common is a word of
#: an organisation's name as often ("University", "Research", "Police").
#: A word this common is a word as often as a surname or a storm's name ("University", "Research", "Police").
_SURNAME_ZIPF = 3.5


def _plural_of_common(word: str) -> bool:
    """Whether a word is the plural of a common noun ("Inns", "Hunters", "Pharmaceuticals")."""
    from wordfreq import zipf_frequency

    word = word.lower()
    return word.endswith("s") and zipf_frequency(word[:-1], "en") >= _SURNAME_ZIPF


def _personal_name(text: str) -> bool:
    """Whether a name the model read as an organisation is written as a person's: a first name that can stand
    alone (:func:`~newsprism.extract.names.first_name_alone`: the birth records', no everyday word) before one rare
    capitalised word that is no plural of a common noun ("Carly Fiorina", "Magnus Carlsen"; not "Stanford
    University", "Cosmo Pharmaceuticals", "Jameson Inns").

    >>> [_personal_name(n) for n in ("Carly Fiorina", "Stanford University", "Jameson Inns", "Carly")]
    [True, False, False, False]
    """
    from wordfreq import zipf_frequency

    words = text.split()
    if len(words) != 2 or not all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words):
        return False
    first, last = words
    return names.first_name_alone(first, "ORG") and zipf_frequency(last.lower(), "en") < _SURNAME_ZIPF \
        and not _plural_of_common(last)


#: A kind of storm before a storm's own name: "Hurricane Sandy", "Tropical Storm Barry", "Superstorm Sandy",
#: "Typhoon Phanfone", "Cyclone Idai". The name is a first name or a rare word (:func:`_storm_name`).
_STORM = re.compile(r"(?:(?:Tropical|Subtropical|Post-Tropical|Winter)\s+)?(?:Super)?(?:[Ss]torm|Hurricane|Typhoon|"
                    r"Cyclone)\s+(?P<name>[A-Z][a-z]+)\b(?!\s+[A-Z])")
#: A storm's name that is no first name and as common as this as a word is the word ("Hurricane Center", "Storm
#: Warning").
_STORM_NAME_ZIPF = 4.5


def _storm_name(name: str) -> bool:
    """Whether the word after a kind of storm is a storm's name: a first name of the birth records ("Michael",
    however common) or a rare word ("Phanfone", "Idai"), and no plural of a common noun ("Hurricane Hunters",
    the squadron that flies into them).

    >>> [_storm_name(n) for n in ("Michael", "Phanfone", "Center", "Hunters")]
    [True, True, False, False]
    """
    from wordfreq import zipf_frequency

    from ..first_names import first_name_genders

    if _plural_of_common(name):
        return False
    return name.lower() in first_name_genders() or zipf_frequency(name.lower(), "en") < _STORM_NAME_ZIPF


def _storms(text: str, candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """The candidates with each named storm an event, whole, and its own name alone an event too (#17).

    The small model reads "Hurricane Sandy" as an organisation and "Storm Barry" as a person, cuts "Tropical" off,
    and misses "Sandy" alone ("Sandy left millions without power"), so the corpus typed the storm an organisation.
    A storm the text names so is one event: a candidate within or on its words becomes its span, labelled
    ``EVENT``; the name alone, where the model read it or missed it, is the same event, unless a capitalised word
    goes on ("Sandy Hook") or comes before ("Sandy Koufax" is read as written).

    >>> [(c.text, c.label) for c in _storms("Tropical Storm Barry grew. Barry hit Texas.",
    ...                                       [_Candidate(9, 20, "Storm Barry", "PERSON", False)])]
    [('Tropical Storm Barry', 'EVENT'), ('Barry', 'EVENT')]
    """
    storms = [m.span() for m in _STORM.finditer(text) if _storm_name(m["name"])]
    if not storms:
        return list(candidates)
    body = [c for c in candidates if not c.source and not any(c.start < e and s < c.end for s, e in storms)]
    found = [_Candidate(s, e, text[s:e], "EVENT", False) for s, e in storms]
    for name in {text[s:e].split()[-1] for s, e in storms}:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if any(f.start <= m.start() < f.end for f in found) or _capitalised_beside(text, m.start(), m.end()):
                continue
            if any(c.start < m.end() and m.start() < c.end and (c.start, c.end) != m.span() for c in body):
                continue  # inside a longer name the model read
            body = [c for c in body if (c.start, c.end) != m.span()]
            found.append(_Candidate(m.start(), m.end(), name, "EVENT", False))
    return [*sorted([*body, *found], key=lambda c: c.start), *(c for c in candidates if c.source)]


def _capitalised_beside(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word comes just before ``start`` (in the sentence) or just after ``end``."""
    after = re.match(r"[ \t]+([A-Z])", text[end:end + 3])
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30):start])
    return bool(after) or bool(before and before[1][0].isupper() and not re.search(r"[.!?:]", text[start - 3:start]))


#: Words before a name that say it names a disease: "died of", "tested positive for", "diagnosed with", "cases of".
_DISEASE_BEFORE = re.compile(
    r"(?:\b(?:died|dies|die|dying)\s+(?:of|from)|\btest(?:s|ed|ing)?\s+(?:positive|negative)\s+for|"
    r"\b(?:diagnosed|infected|sick|ill|hospitali[sz]ed)\s+with|\b(?:cases|symptoms|outbreak)\s+of|"
    r"\bdeaths?\s+(?:linked|related|due|attributed)\s+to|\bvaccin(?:e|es|ated|ation)\s+against)\s+(?:the\s+)?",
    re.IGNORECASE)
#: Words after a name that say it names a disease: "COVID-19, the disease caused by", "COVID-19-related deaths".
_DISEASE_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:disease|illness|infection)\b|"
                                 r"-related\b", re.IGNORECASE)
#: A head noun after a name that only a disease takes ("the COVID-19 pandemic", "Zika virus"); a place takes some of
#: them too ("the Wuhan virus"), so they count only against a name read as no place.
_DISEASE_HEAD = re.compile(r"\s+(?:pandemic|epidemic|disease|virus|infections?|symptoms)\b", re.IGNORECASE)


def _diseases(text: str, candidates: Sequence[_Candidate]) -> dict[str, bool]:
    """The case-folded names the article writes as a disease's, each with whether that holds for a name read as a
    place too (words around it) or only for one read as no place (a head noun after it) (#17).

    The small model labels "COVID-19" an organisation or a person and "Ebola" a country; the article's own words
    say what it is: "died of COVID-19", "tested positive for COVID-19", "the COVID-19 pandemic". Every occurrence
    of the name is read, labelled by the model or not.

    >>> found = _diseases("He died of COVID-19. The Ebola virus spread. Trump said so.",
    ...                   [_Candidate(11, 19, "COVID-19", "ORG", False), _Candidate(25, 30, "Ebola", "GPE", False),
    ...                    _Candidate(44, 49, "Trump", "PERSON", False)])
    >>> sorted(found.items())
    [('covid-19', True), ('ebola', False)]
    """
    names = {c.text for c in candidates}
    found: dict[str, bool] = {}
    # the words around a name are looked for once in the text, and the names read where they stand: a name
    # looked for in the text one by one cost a second on a page of 700 names
    for m in _DISEASE_BEFORE.finditer(text):
        found.update((name.casefold(), True) for name in _names_from(text, m.end(), names))
    for m in _DISEASE_APPOSITIVE.finditer(text):
        found.update((name.casefold(), True) for name in _names_to(text, m.start(), names))
    for m in _DISEASE_HEAD.finditer(text):
        for name in _names_to(text, m.start(), names):
            found.setdefault(name.casefold(), False)
    return found


def _names_from(text: str, start: int, names: Iterable[str]) -> list[str]:
    """The names written whole at ``start``."""
    return [n for n in names if text.startswith(n, start) and not _word_char(text, start + len(n))]


def _names_to(text: str, end: int, names: Iterable[str]) -> list[str]:
    """The names written whole up to ``end``."""
    return [n for n in names if text.endswith(n, 0, end) and not _word_char(text, end - len(n) - 1)]


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


#: A one-word name an award's: "Oscar-winning", "Grammy-nominated", "a Tony winner", "won an Emmy".
#: ("the Trump nominee" is a person's, so a nominee counts only in the hyphened form.)
_AWARD_AFTER = re.compile(r"-(?:winning|winner|winners|nominated|nominee|nominees|nomination)\b|"
                          r"\s+(?:winner|winners|statuette)\b", re.IGNORECASE)
_AWARD_BEFORE = re.compile(r"\b(?:won|wins?|winning|earned|earns?|received|receives?|got|gotten|nominated\s+for)\s+(?:an?|two|three|"
                           r"four|five|several|\d+)\s+", re.IGNORECASE)
#: What ends a won award's noun phrase ("won an Oscar for", "won two Oscars."); "earned a Trump endorsement" goes on.
_AWARD_ENDS = re.compile(r"\s*(?:[.,;:!?)]|$|(?:for|in|at|and|as|but|or|with|award)\b)", re.IGNORECASE)


def _awards(text: str, candidates: Sequence[_Candidate]) -> set[str]:
    """The case-folded one-word names labelled PERSON that the article writes as an award's (#17).

    The small model labels "Oscar" a person in "Oscar-winning actress Susan Sarandon" and "won an Oscar";
    no person is won, nominated for, or the first word of "-winning".

    >>> sorted(_awards("The Oscar-winning actress met Oscar Isaac. Hope won a Grammy.",
    ...                [_Candidate(4, 9, "Oscar", "PERSON", False), _Candidate(36, 41, "Oscar Isaac", "PERSON", False),
    ...                 _Candidate(43, 47, "Hope", "PERSON", False), _Candidate(54, 60, "Grammy", "PERSON", False)]))
    ['grammy', 'oscar']
    """
    names = {c.text for c in candidates if c.label == "PERSON" and " " not in c.text}
    if not names:
        return set()
    plurals = {f"{n}s": n for n in names}  # "won two Oscars", "Tonys-winning"
    found: set[str] = set()
    for m in _AWARD_AFTER.finditer(text):
        found.update(plurals.get(n, n).casefold() for n in _names_to(text, m.start(), [*names, *plurals])
                     if text[m.start() - len(n) - 1:m.start() - len(n)] != "-")
    for m in _AWARD_BEFORE.finditer(text):
        found.update(plurals.get(n, n).casefold() for n in _names_from(text, m.end(), [*names, *plurals])
                     if _AWARD_ENDS.match(text, m.end() + len(n)))
    return found


def _disease(candidate: _Candidate, diseases: dict[str, bool]) -> bool:
    """Whether a candidate names a disease by :func:`_diseases`."""
    strong = diseases.get(candidate.text.casefold())
    return strong is not None and (strong or candidate.label not in PLACE_LABELS)


def _lower_word(span: str) -> bool:
    """Whether a span is one word in lower case in a script that has capitals: no name, but a word the model
    misread ("un" of a Spanish sentence as the UN, "state", "n’t" as a place, "marijuana" as a person) (#17).
    A nationality or a group stays ("democrats", "muslim"): lower case is how those are often written.

    >>> _lower_word("un"), _lower_word("n’t"), _lower_word("UN"), _lower_word("eBay"), _lower_word("new york")
    (True, True, False, False, False)
    """
    return " " not in span and span == span.lower() and span != span.upper()


#: Time zones written after a clock: "(0120 UTC)", "9:54 a.m. ET", "5 p.m. EST".
_TIME_ZONES = frozenset({"UTC", "GMT", "Z", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
                         "PDT", "CET", "CEST", "BST", "EET", "EEST", "WET", "MSK", "IST", "JST", "KST", "AEST", "AEDT"})
_CLOCK_BEFORE = re.compile(r"\d(?:\s*[ap]\.?m\.?)?\s*$", re.IGNORECASE)


def _time_zone(text: str, start: int, end: int) -> bool:
    """Whether a span is a time zone right after a clock ("at 2:20 a.m. local time (0120 UTC)"): part of a
    time, which the model reads as an organisation (#17).

    >>> text = "at 9:54 a.m. ET (1354 UTC) during an attempt; UTC said"
    >>> _time_zone(text, 13, 15), _time_zone(text, 22, 25), _time_zone(text, 46, 49)
    (True, True, False)
    """
    return text[start:end] in _TIME_ZONES and _CLOCK_BEFORE.search(text, max(0, start - 12), start) is not None


_TITLE_OF = re.compile(r"\b([A-Za-z]+)\s+of\s+$")


def _title_office(text: str, start: int, end: int) -> bool:
    """Whether a one-word organisation completes a title with "of": "Secretary of State", "Minister of
    Defence" name an office, whose holder the title goes with, not an organisation called "State" (#17).

    >>> text = "Secretary of State Hillary Clinton and the State Department"
    >>> _title_office(text, 13, 18), _title_office(text, 47, 52)
    (True, False)
    """
    if " " in text[start:end].strip():
        return False
    found = _TITLE_OF.search(text, max(0, start - 20), start)
    return found is not None and found.group(1).lower() in TITLES


def _organisations(doc: Doc, candidates: Sequence[_Candidate]) -> set[str]:
    """The case-folded one-word forms labelled PERSON somewhere that the article also uses as an
    organisation's name (:func:`_organisational`), at a mention or at a word the model left unlabelled
    ("Twitter users")."""
    persons = {c.text for c in candidates if c.label == "PERSON" and " " not in c.text and not c.source}
    if not persons:
        return set()
    return {token.text.casefold() for token in doc if token.text in persons and _organisational(token)}


def _organisational(root: Token) -> bool:
    """Whether the words around a one-word name say it names an organisation, not a person (#17).

    The small model labels "Twitter" and "SpaceX" persons; their own sentences say otherwise: the name
    modifies a noun only an organisation has ("Twitter users", "Twitter CEO Jack Dorsey"), follows the "of"
    of an officer's title ("chief operating officer of SpaceX"), or is where something is posted ("posted on
    Twitter", "took to Twitter", "visit us on Facebook, Twitter, and Instagram").
    """
    if root.dep_ == "compound" and root.head.i > root.i and root.head.lower_ in ORGANISATION_HEADS:
        return True
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "on Facebook, Twitter, and Instagram": the first of the list takes the "on"
    if root.dep_ != "pobj":
        return False
    prep, governor = root.head, root.head.head
    if prep.lower_ == "of":
        return governor.lower_ in ORGANISATION_OF
    if prep.lower_ in ("on", "via"):
        return governor.pos_ == "VERB" and governor.lemma_.lower() in MEDIUM_VERBS
    return prep.lower_ == "to" and governor.lemma_.lower() == "take"  # "took to Twitter"; "turned to" a person too


#: A letter of the Latin script (basic, Latin-1, extended A and B, extended additional).
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")


def _other_script(text: str) -> bool:
    """Whether most letters of ``text`` are in a script other than Latin (Korean, Cyrillic, Japanese prose).

    >>> _other_script("주말 밤 9시 MBC와 SBS는 막장극의 대결로 붙는 경우가 흔하다."), _other_script("Der Patient und die Akte")
    (True, False)
    """
    letters = sum(map(str.isalpha, text))
    return letters > 0 and 2 * len(_LATIN_LETTER.findall(text)) < letters


def _model_script(text: str, latin: bool) -> bool:
    """Whether a span is written in the script the model reads.

    A model trained on Latin-script text labels runs of Japanese, Hindi or Arabic
    at random ("ブロックチェック柄 キーケース" as an organisation): such spans are no names.
    """
    if text.isascii() or not latin:
        return True
    return all(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha())


def _trim(ent: Span) -> tuple[int, int] | None:
    text = ent.text
    if "\n" in text:
        # A span across a paragraph break: keep the line that holds its root.
        offset = ent.root.idx - ent.start_char
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        text = text[line_start:] if line_end < 0 else text[line_start:line_end]
        base = ent.start_char + line_start
    else:
        base = ent.start_char
    glued = _run_on_name(ent)
    if glued is not None and glued.idx >= base:  # keep the name that holds the span's root
        text, base = text[glued.idx - base:], glued.idx
    start, end = names.clean_span(text)
    if start >= end:
        return None
    return base + start, base + end


def _run_on_name(ent: Span) -> Token | None:
    """The "the" that opens a second name the model ran a first one into, when its root is in the second:
    "announced on Twitter the Federal Aviation Administration" (a "that" left out) gives "Twitter the Federal
    Aviation Administration". Not a name's own "the": after a lower-case or a function word ("Bank of the West",
    "Rage Against the Machine") or before one word only ("Alexander the Great")."""
    for i in range(1, len(ent) - 2):
        the, before = ent[i], ent[i - 1]
        if the.text != "the" or not before.text[:1].isupper() or before.is_stop or ent.root.i <= the.i:
            continue
        if all(t.text[:1].isupper() for t in ent[i + 1:]):
            return the
    return None


def _looks_personal(ent: Span) -> bool:
    """A title just before ("General X") or a personal appositive ("X, a correspondent")."""
    if ent.label_ not in {"ORG", "NORP", "GPE", "PRODUCT", "FAC", "WORK_OF_ART"} or len(ent) > 3:
        return False
    if not all(token.pos_ == "PROPN" for token in ent):
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in TITLES and before.is_title and before.lower_ not in _NATIONALITY:
        return True
    return any(child.dep_ == "appos" and child.lemma_.lower() in ROLE_NOUNS and child.i >= ent.end
               for child in ent.root.children)


# Title modifiers that are also adjectives of place: "Russian Kherson" is no title.
_NATIONALITY = frozenset({"russian", "ukrainian", "us", "u.s.", "state", "federal", "foreign", "party", "head"})
