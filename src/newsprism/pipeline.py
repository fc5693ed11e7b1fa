"""The pipeline: read a :class:`RawDocument`, then run the configured stages.

Stages are looked up by name in the registry and checked when the pipeline is
built: every field a stage ``requires`` must be assigned by reading or by an
earlier stage. The pipeline records each stage's name in ``Article.stages``
after it ran, and with the setting ``check_assigns`` it also checks that the
stage changed only the fields it ``assigns``.

A pipeline depends only on its settings and its :class:`~newsprism.registry.Resources`
(what the corpus taught, such as per-site furniture): it builds its stages
from them and owns the one cache they share, the batch's parses, which it
empties after each batch.

Threads take turns (#18): reading a document and running a batch through the
stages hold :data:`RUN_LOCK`, one lock per process, so pipelines may be called
from several threads (a Dask worker's, the web server's) and run one at a time.
Processes run in parallel.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice

from .codes import Code
from .config import Settings
from .errors import PluginError
from .extract.nlp import ParseCache
from .model import Article, Issue, RawDocument, article_id
from .registry import Resources, Stage, batch_context, build

log = logging.getLogger(__name__)

#: Held while a pipeline is built, reads a document or runs a batch: one per process (#18).
#: The stages share process-wide state that two threads must not use at once: libraries imported
#: and models loaded on first use (two threads importing ftfy at the same moment saw it half
#: initialised), and the spaCy pipeline with its per-batch memory zone.
#: Re-entrant, so a caller may hold it around several pipeline calls (the Dask task body does).
RUN_LOCK = threading.RLock()

#: Fields set by reading a document, before any stage runs.
READ_ASSIGNS = ("raw_text", "text", "title", "url", "published", "content_kind", "media", "related", "source",
                "canonical_url", "site", "lang", "authors", "description", "image", "tags", "categories", "fetched")
#: Fields a stage may change without assigning them: it may add issues (never drop one), and a stage
#: written before the pipeline recorded names may still add its own name to ``stages``.
_BOOKKEEPING = ("issues", "stages")
#: Pipelines kept by :func:`shared_pipeline`: one per settings and resources in use; a long-lived process
#: (the web server) that ingests again after each link run would otherwise keep every old one.
_SHARED_KEPT = 8

#: Most start tags of an HTML page that are read: a longer page is cut before its next start tag, before
#: any parsing, with warning W141. The extractor's time grows with the tags (about 0.1 ms each), and a page
#: of 1,000,000 tiny paragraphs held its worker for minutes in calls the time budget could not interrupt
#: (#16); article pages have a few thousand tags, and 50,000 read in about 5 s.
MAX_HTML_TAGS = 50_000
_START_TAG = re.compile(r"<[A-Za-z]")
_START_TAG_BYTES = re.compile(rb"<[A-Za-z]")


@dataclass(slots=True)
class StageTimes:
    """Seconds spent in reading and in each stage, summed over a run."""

    seconds: dict[str, float] = field(default_factory=dict)
    articles: int = 0

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


class Pipeline:
    """Reads documents and runs stages over them in batches.

    >>> pipeline = Pipeline(Settings(stages=()))
    >>> pipeline.process("Hello world.").text
    'Hello world.'
    """

    def __init__(self, settings: Settings | None = None, *, resources: Resources | None = None,
                 stages: Iterable[Stage] | None = None) -> None:
        self.settings = settings or Settings()
        #: what the corpus taught the stages (per-site furniture); given to the factories that take it
        self.resources = resources or Resources()
        #: the batch's spaCy parses, shared by the stages that parse and emptied after each batch
        self.parses = ParseCache()
        with RUN_LOCK:  # a factory may load a resource on first use
            if stages is None:
                stages = [build(name, self.settings, resources=self.resources, parses=self.parses)
                          for name in self.settings.stages]
            self.stages: list[Stage] = list(stages)
        for stage in self.stages:  # stages made alone parse once between them, as the registry's do
            share = getattr(stage, "share_parses", None)
            if share is not None:
                share(self.parses)
        self.times = StageTimes()
        self._check_order()

    def _check_order(self) -> None:
        available = set(READ_ASSIGNS)
        for stage in self.stages:
            missing = [name for name in stage.requires if name not in available]
            if missing:
                raise PluginError(
                    f"stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage assigns; "
                    "reorder the 'stages' setting",
                    code=Code.STAGE_OUT_OF_ORDER,
                )
            available.update(stage.assigns)

    def read(self, raw: RawDocument) -> Article:
        """Turn a raw document into an article with its text (no stages run)."""
        from .clean.read import read_document

        start = time.perf_counter()
        raw, cut = _cut_markup(raw)
        try:
            with RUN_LOCK:
                article = read_document(raw, settings=self.settings)
            if cut is not None:
                article = article.replace(issues=(cut, *article.issues))
        except Exception as e:  # noqa: BLE001 - an unreadable document must not stop the batch (or the ingest)
            log.debug("reading %s failed", raw.source, exc_info=True)
            article = Article(id=article_id("source:" + raw.source + "#" + (raw.url or "")), text="", source=raw.source,
                              issues=(Issue(code=Code.NO_TEXT, message=f"no text could be read: {type(e).__name__}: {e}",
                                            stage="read"),))
        self.times.add("read", time.perf_counter() - start)
        return article

    def pipe(self, articles: Iterable[Article], *, batch_size: int | None = None) -> Iterator[Article]:
        """Run every stage over ``articles``, a batch at a time, keeping order."""
        size = batch_size or self.settings.batch_size
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def run(self, raws: Iterable[RawDocument], *, batch_size: int | None = None) -> Iterator[Article]:
        """Read and process raw documents."""
        return self.pipe((self.read(raw) for raw in raws), batch_size=batch_size)

    def process(self, text_or_html: str | bytes, *, url: str | None = None, published: str | None = None,
                kind: str | None = None, source: str = "<input>") -> Article:
        """Process one document given as a string or bytes (HTML is detected).

        Raises:
            BadValueError: ``E170`` when ``published`` is not an ISO 8601 date (it used to leave every
                relative date unresolved without a word, #15).
        """
        from .sources.detect import detect_kind
        from .validate import iso_date

        if published is not None:
            published = iso_date(published, name="published")
        content_kind = kind or detect_kind(text_or_html)
        raw = RawDocument(content=text_or_html, kind=content_kind, source=source, url=url,  # type: ignore[arg-type]
                          published=published)
        return next(iter(self.run([raw])))

    def _run_batch(self, batch: list[Article]) -> list[Article]:
        # A stage may scope the whole batch (the spaCy stages free a batch's strings after it), so the
        # lock covers the scope too: another thread's batch inside it would lose its strings (#18).
        with RUN_LOCK, ExitStack() as stack:
            stack.callback(self.parses.clear)  # no parse outlives its batch, whatever the stages do
            for stage in self.stages:
                stack.enter_context(batch_context(stage))
            return self._run_stages(batch)

    def _run_stages(self, batch: list[Article]) -> list[Article]:
        check = self.settings.check_assigns
        for stage in self.stages:
            start = time.perf_counter()
            try:
                done = list(stage.pipe(batch))
            except Exception:  # noqa: BLE001 - one bad document must not stop the batch
                log.debug("stage %s failed on a batch, retrying one by one", stage.name, exc_info=True)
                batch = [_run_one(stage, article, check=check) for article in batch]
            else:
                batch = _recorded(stage, batch, done, check=check)
            self.times.add(stage.name, time.perf_counter() - start)
        self.times.articles += len(batch)
        return batch


def _run_one(stage: Stage, article: Article, *, check: bool) -> Article:
    try:
        done = list(stage.pipe([article]))
    except Exception as e:  # noqa: BLE001 - recorded on the article, never lost
        issue = Issue(code=Code.PROCESSING_FAILED, message=f"stage failed: {type(e).__name__}: {e}", stage=stage.name)
        return article.replace(issues=article.issues + (issue,))
    return _recorded(stage, [article], done, check=check)[0]


def _recorded(stage: Stage, before: list[Article], after: list[Article], *, check: bool) -> list[Article]:
    """``after`` with ``stage``'s name added to each article's ``stages`` (unless the stage added it).

    An article count that differs is left for the caller to report (one result per document).

    Raises:
        PluginError: ``E404`` with ``check``, when the stage changed a field it does not assign.
    """
    if len(before) != len(after):
        return after
    recorded = []
    for old, new in zip(before, after, strict=True):
        if check:
            _check_assigns(stage, old, new)
        if new.stages != old.stages + (stage.name,):
            new = new.replace(stages=old.stages + (stage.name,))
        recorded.append(new)
    return recorded


_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name not in _BOOKKEEPING)


def _check_assigns(stage: Stage, old: Article, new: Article) -> None:
    """Raise when ``new`` differs from ``old`` in a field ``stage`` does not assign.

    Unchanged fields are the same objects (``Article.replace`` copies references), so the test is
    one identity check per field, an equality test only where a stage built a new value.
    """
    for name in _FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before is not after and name not in stage.assigns and before != after:
            raise _undeclared(stage, name)
    if "issues" not in stage.assigns and new.issues[:len(old.issues)] != old.issues:
        raise _undeclared(stage, "issues", what="dropped or changed earlier issues of")
    if new.stages not in (old.stages, old.stages + (stage.name,)):
        raise _undeclared(stage, "stages", what="changed the stages recorded on")


def _undeclared(stage: Stage, name: str, *, what: str = "wrote") -> PluginError:
    return PluginError(f"stage '{stage.name}' {what} the field '{name}', which it does not assign "
                       f"(assigns: {', '.join(stage.assigns) or 'nothing'}); add '{name}' to its assigns, "
                       "or leave the field as it was", code=Code.UNDECLARED_WRITE)


def shared_pipeline(settings: Settings, *, resources: Resources | None = None,
                    prepare: Callable[[Pipeline], Pipeline] | None = None) -> Pipeline:
    """The pipeline of ``settings`` and ``resources``, built once per process and reused.

    Args:
        settings: The pipeline's settings.
        resources: What the corpus taught the stages (none by default).
        prepare: Run once on a new pipeline before it is kept (the ingest warms its models).
    """
    key = (settings, resources or Resources())
    with RUN_LOCK:  # two threads asking at once get the same pipeline (#18)
        pipeline = _SHARED.pop(key, None)
        if pipeline is None:
            pipeline = Pipeline(settings, resources=key[1])
            pipeline = prepare(pipeline) if prepare is not None else pipeline
        _SHARED[key] = pipeline  # the newest last, so the oldest is the one let go
        while len(_SHARED) > _SHARED_KEPT:
            del _SHARED[next(iter(_SHARED))]
        return pipeline


_SHARED: dict[tuple[Settings, Resources], Pipeline] = {}


def _cut_markup(raw: RawDocument, *, max_tags: int = MAX_HTML_TAGS) -> tuple[RawDocument, Issue | None]:
    """``raw`` cut before its start tag number ``max_tags + 1`` when it is HTML with more, and the warning.

    Counting is a regular expression over the raw content (bytes or text), far cheaper than parsing.

    >>> page = RawDocument(content="<p>a</p>" * 5, kind="html", source="p.html")
    >>> cut, issue = _cut_markup(page, max_tags=3)
    >>> cut.content, issue.code
    ('<p>a</p><p>a</p><p>a</p>', 'W141')
    >>> _cut_markup(page, max_tags=5) == (page, None)
    True
    """
    if raw.kind != "html":
        return raw, None
    content = raw.content
    tags: Iterator[int]
    if isinstance(content, bytes):
        tags = (m.start() for m in _START_TAG_BYTES.finditer(content))
    else:
        tags = (m.start() for m in _START_TAG.finditer(content))
    over = next(islice(tags, max_tags, None), None)
    if over is None:
        return raw, None
    total = max_tags + 1 + sum(1 for _ in tags)
    issue = Issue(code=Code.HTML_TAGS_CUT, message=f"HTML of {total:,} tags cut to its first {max_tags:,} before reading; "
                                       "the end of the page is lost", stage="read")
    return dataclasses.replace(raw, content=content[:over]), issue
