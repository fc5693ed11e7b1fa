"""The ``extract.entities`` stage: named-entity mentions and one entity per thing.

spaCy's NER runs over the clean text (through the shared parse of
:mod:`newsprism.extract.nlp`); this module then

1. cleans each span (leading "the", possessive "’s", punctuation, a span that
   crosses a paragraph break) and drops spans in paragraphs flagged foreign;
2. fixes cheap label mistakes: a title before a span ("General X") or a
   personal appositive after it ("X, a war correspondent") makes it a PERSON,
   and labels are voted per form over the article (:func:`names.vote_labels`);
3. groups the forms into entities with :func:`names.group_names`, which merges
   surnames, titles and transliteration variants and records why.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import Settings
from ..model import Article, Entity, Mention, Paragraph
from ..registry import Stage
from . import names
from ._lexicon import LATIN_SCRIPT_LANGUAGES, LOCATIVE_PREPOSITIONS, NAMED_LABELS, ROLE_NOUNS, TITLES
from .nlp import ParseCache, ParsedStage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

STAGE = "extract.entities"


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    label: str
    locative: bool


class EntityStage(ParsedStage):
    """Finds entity mentions and groups them into canonical entities."""

    name = STAGE
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("mentions", "entities")

    def extract(self, article: Article, doc: Doc) -> Article:
        """Mentions and entities of one article."""
        return extract_entities(article, doc)


def make_stage(settings: Settings, *, parses: ParseCache | None = None) -> Stage:
    """The ``extract.entities`` stage; ``parses`` is the pipeline's parse cache."""
    return EntityStage(settings, parses=parses)


def extract_entities(article: Article, doc: Doc) -> Article:
    """Fill ``mentions`` and ``entities`` of ``article`` from its parse ``doc``.

    Args:
        article: The article; ``doc`` must be the parse of ``article.text``.
        doc: The spaCy parse.

    Returns:
        A copy of the article with mentions (character offsets into the text,
        each pointing at its entity id) and entities (``"e1"``, ``"e2"``, ...).
    """
    candidates = _candidates(article.text, doc, article.paragraphs)
    labels = names.vote_labels([(c.text, c.label, c.locative) for c in candidates])
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
    mentions = tuple(
        Mention(start=c.start, end=c.end, text=c.text, label=label, entity=entity_of[i], stage=STAGE)
        for i, (c, label) in enumerate(zip(candidates, labels, strict=True))
    )
    return article.replace(mentions=mentions, entities=tuple(entities))


def foreign_ranges(paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs the clean stage flagged foreign."""
    return [(p.start, p.end) for p in paragraphs if p.foreign]


def _candidates(text: str, doc: Doc, paragraphs: Sequence[Paragraph]) -> list[_Candidate]:
    # Doc.text rebuilds the whole string on every access: use the article's text.
    foreign = foreign_ranges(paragraphs)
    latin = doc.lang_ in LATIN_SCRIPT_LANGUAGES
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
        label = "PERSON" if ent.label_ != "PERSON" and _looks_personal(ent) else ent.label_
        previous = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        result.append(_Candidate(start, end, text[start:end], label, previous in LOCATIVE_PREPOSITIONS))
    return result


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
    start, end = names.clean_span(text)
    if start >= end:
        return None
    return base + start, base + end


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
