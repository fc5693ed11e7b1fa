"""The same part-of-speech, morphology and lemmas as spaCy's attribute ruler and rule lemmatizer, cached.

In the small English pipelines these two components cost about a third of
the parse: the attribute ruler runs a token matcher over every document, and
the lemmatizer a Python loop over every token, although both give the same
answer for the same token again and again. Almost every rule of the ruler
looks at one token only (its tag, dependency label, lower-case form and
whether it is a space), so its outcome can be worked out once per distinct
token key by running the ruler itself on a one-token document, then reused.
Documents holding a word that starts one of the few multi-token rules ("gon
na", "ai n't") go through the stock components instead. The result is
identical, which ``tests/unit/extract/test_cached_attrs.py`` checks on real
articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

FACTORY = "newsprism_cached_attributes"
_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
_SETS = {"POS", "MORPH", "LEMMA", "TAG", "DEP"}
#: Components that may run before the ruler without setting what it sets.
_BEFORE_OK = {"tok2vec", "tagger", "parser", "senter", "ner", "transformer"}
#: Entries kept per cache before it starts again: new words keep coming over a long ingest.
_MAX_ENTRIES = 200_000

Step = tuple[int, dict[str, str]]  # (rule number, attributes it sets): a higher number wins
Result = tuple[int, str, str, str, str]  # POS number, morphology, lemma, tag, dependency label ("" = unset)


def _values(spec: Any) -> tuple[set[str], list[re.Pattern[str]]]:
    """Literal strings and regular expressions a LOWER pattern value can match."""
    if isinstance(spec, str):
        return {spec}, []
    if isinstance(spec, dict) and set(spec) <= {"IN", "REGEX"}:
        return set(spec.get("IN", ())), [re.compile(spec["REGEX"])] if "REGEX" in spec else []
    raise ValueError(f"unsupported LOWER pattern {spec!r}")


class CachedAttributes:
    """A pipeline component standing in for ``attribute_ruler`` and a rule-mode ``lemmatizer``."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import Matcher

        ruler: Any = nlp.get_pipe("attribute_ruler")
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        self.ruler, self.lemmatizer = ruler, lemmatizer
        self.vocab = nlp.vocab
        self.lowers: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.rules: list[tuple[dict[str, str], int]] = []
        # Rules over several tokens are few: a small matcher of their own finds them.
        self.multi = Matcher(nlp.vocab)
        for number, entry in enumerate(ruler.patterns):
            if not set(entry["attrs"]) <= _SETS:
                raise ValueError(f"unsupported attribute ruler attributes {entry['attrs']!r}")
            self.rules.append((dict(entry["attrs"]), int(entry.get("index", 0))))
            for pattern in entry["patterns"]:
                if any(not set(token) <= _KEYS for token in pattern):
                    raise ValueError(f"unsupported attribute ruler pattern {pattern!r}")
                if len(pattern) > 1:
                    self.multi.add(str(number), [pattern])
                    continue
                if "LOWER" in pattern[0]:
                    literal, regexes = _values(pattern[0]["LOWER"])
                    self.lowers.update(literal)
                    self.regexes.extend(regexes)
        self._relevant: dict[str, bool] = {}
        self._steps: dict[tuple[int, int, bool, str], tuple[Result, tuple[Step, ...]]] = {}
        self._lemmas: dict[tuple[int, int, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set ``pos``, ``morph`` and ``lemma`` on every token of ``doc``."""
        from spacy.tokens import Span

        extra: dict[int, list[Step]] = {}
        for match_id, start, end in self.multi(doc, allow_missing=True):
            number = int(self.vocab.strings[match_id])
            attrs, index = self.rules[number]
            extra.setdefault(Span(doc, start, end)[index].i, []).append((number, attrs))
        for token in doc:
            lower = token.lower_
            key = (token.tag, token.dep, token.is_space, lower if self._is_relevant(lower) else "")
            cached = self._steps.get(key)
            if cached is None:
                cached = self._steps[key] = self._probe(token)
            (pos, morph, lemma, tag, dep), steps = cached
            if token.i in extra:
                pos, morph, lemma, tag, dep = _apply(sorted([*steps, *extra[token.i]], key=lambda step: step[0]))
            if tag:
                token.tag_ = tag
            if dep:
                token.dep_ = dep
            if pos:
                token.pos = pos
            if morph:
                token.set_morph(morph)  # type: ignore[attr-defined]  # missing from spaCy's stubs
            if lemma:
                token.lemma_ = lemma
            elif token.lemma == 0:
                token.lemma_ = self._lemma(token, morph)
        return doc

    def _is_relevant(self, lower: str) -> bool:
        relevant = self._relevant.get(lower)
        if relevant is None:
            if len(self._relevant) > _MAX_ENTRIES:
                self._relevant.clear()
            relevant = self._relevant[lower] = lower in self.lowers or any(r.search(lower) for r in self.regexes)
        return relevant

    def _probe(self, token: Token) -> tuple[Result, tuple[Step, ...]]:
        """The one-token rules that apply to this token, found by the ruler's own matcher on it alone."""
        from spacy.tokens import Doc

        probe = Doc(self.vocab, words=[token.text], spaces=[False], tags=[token.tag_], deps=[token.dep_],
                    heads=[0])
        steps = tuple((number, self.rules[number][0]) for number, *_ in self.ruler.match(probe))
        return _apply(steps), steps

    def _lemma(self, token: Token, morph: str) -> str:
        key = (token.orth, token.pos, morph)
        lemma = self._lemmas.get(key)
        if lemma is None:
            if len(self._lemmas) > _MAX_ENTRIES:
                self._lemmas.clear()
            lemma = self._lemmas[key] = self.lemmatizer.lemmatize(token)[0]
        return lemma


def _apply(steps: Iterable[Step]) -> Result:
    """What rules leave (POS as its number, then morphology, lemma, tag, label), a later rule winning."""
    from spacy.parts_of_speech import IDS

    final: dict[str, str] = {}
    for _, attrs in steps:
        final.update(attrs)
    pos = final.get("POS", "")
    return IDS[pos] if pos else 0, final.get("MORPH", ""), final.get("LEMMA", ""), final.get("TAG", ""), \
        final.get("DEP", "")


def make_cached_attributes(nlp: Language, name: str) -> CachedAttributes:
    """spaCy factory for :class:`CachedAttributes` (registered on first use)."""
    return CachedAttributes(nlp)


def install(nlp: Language) -> bool:
    """Replace the ruler and a rule lemmatizer of ``nlp`` by the cached stand-in, where that is exact.

    Returns:
        Whether the pipeline was changed. Pipelines with other components or
        rules the stand-in cannot reproduce are left as they are.
    """
    from spacy.language import Language

    names = list(nlp.pipe_names)
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    ruler_at, lemma_at = names.index("attribute_ruler"), names.index("lemmatizer")
    if lemma_at < ruler_at or not set(names[:lemma_at]) - {"attribute_ruler"} <= _BEFORE_OK:
        return False
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=make_cached_attributes)
    try:
        nlp.add_pipe(FACTORY, after="lemmatizer")
    except ValueError:
        return False
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
