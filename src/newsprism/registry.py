"""Named stage implementations, found through the ``newsprism`` entry-point group.

Built-in stages register exactly as plugins do: ``pyproject.toml`` lists them
under ``[project.entry-points.newsprism]``, each name pointing at a *factory*
``make(settings) -> Stage``. A plugin package adds its own names the same way;
settings pick stages by name (``stages = [...]``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from importlib import metadata
from typing import Any, Protocol, runtime_checkable

from .codes import Code
from .config import Settings
from .errors import PluginError
from .model import Article

ENTRY_POINT_GROUP = "newsprism"


@runtime_checkable
class Stage(Protocol):
    """A pipeline stage: a batch function over articles, plus what it reads and writes.

    Everything the pipeline calls is here. ``batch_context`` scopes one batch (the spaCy stages free a
    batch's strings after it); :class:`StageBase` gives simple stages a do-nothing one, and the pipeline
    also runs a stage that lacks it, as plugins written before it was named do.
    """

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process a batch; yields one article per input article, in order."""
        ...

    def batch_context(self) -> AbstractContextManager[None]:
        """Entered around each batch, before any stage runs on it."""
        ...


class StageBase:
    """Base of the built-in stages: one article at a time through :meth:`process`, no batch scope.

    Subclasses set ``name``, ``requires`` and ``assigns`` and implement :meth:`process`, or override
    :meth:`pipe` to work on the whole batch. The pipeline records ``name`` in ``Article.stages``.
    """

    name: str = ""
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def process(self, article: Article) -> Article:
        """The article with this stage's fields filled in."""
        raise NotImplementedError

    def __call__(self, article: Article) -> Article:
        return self.process(article)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process a batch, in order."""
        for article in articles:
            yield self.process(article)

    def batch_context(self) -> AbstractContextManager[None]:
        """Nothing to scope."""
        return nullcontext()


class FunctionStage(StageBase):
    """A stage made from a plain ``Article -> Article`` function."""

    def __init__(self, name: str, func: Callable[[Article], Article], requires: tuple[str, ...] = ("text",),
                 assigns: tuple[str, ...] = ()) -> None:
        self.name = name
        self.func = func
        self.requires = requires
        self.assigns = assigns

    def process(self, article: Article) -> Article:
        return self.func(article)


def batch_context(stage: Stage) -> AbstractContextManager[None]:
    """``stage.batch_context()``, or no scope for a stage written without one."""
    context = getattr(stage, "batch_context", None)
    return nullcontext() if context is None else context()


class Resources:
    """What stages use that is neither a setting nor the article: data a corpus has taught.

    Given to a pipeline (``Pipeline(settings, resources=...)``) and from it to the factories that take
    a ``resources`` keyword; it pickles, so worker processes get it by value. Equal resources hash
    alike, so pipelines can be shared per settings and resources.

    Args:
        site_furniture: Site -> hashes (:func:`newsprism.clean.line_hash`) of the lines it repeats on
            every page, learned by a link run; ``clean.text`` drops them.

    >>> Resources(site_furniture={"a.com": ["h1"]}).furniture_of("a.com")
    frozenset({'h1'})
    >>> Resources() == Resources(site_furniture={})
    True
    """

    __slots__ = ("_key", "site_furniture")

    def __init__(self, *, site_furniture: Mapping[str, Collection[str]] | None = None) -> None:
        furniture = {site: frozenset(hashes) for site, hashes in (site_furniture or {}).items()}
        self.site_furniture: Mapping[str, frozenset[str]] = furniture
        self._key = tuple(sorted(furniture.items(), key=lambda item: item[0]))

    def furniture_of(self, site: str | None) -> frozenset[str] | None:
        """The line hashes ``site`` is known to repeat, or ``None``."""
        return self.site_furniture.get(site) if site else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Resources) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __reduce__(self) -> tuple[Any, ...]:
        return _resources, (dict(self.site_furniture),)

    def __repr__(self) -> str:
        return f"Resources(site_furniture=<{len(self.site_furniture)} sites>)"


def _resources(site_furniture: Mapping[str, Collection[str]]) -> Resources:
    return Resources(site_furniture=site_furniture)


#: ``make(settings) -> Stage``; a factory may also take keyword arguments ``resources`` (:class:`Resources`)
#: and ``parses`` (the pipeline's :class:`~newsprism.extract.nlp.ParseCache`), given by the pipeline.
Factory = Callable[..., Stage]
_LOCAL: dict[str, Factory] = {}


def register(name: str, factory: Factory) -> None:
    """Register a stage factory in this process (for tests and notebooks).

    Packages should use the ``newsprism`` entry-point group instead.
    """
    _LOCAL[name] = factory


@cache
def _entry_points() -> dict[str, metadata.EntryPoint]:
    return {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def names() -> list[str]:
    """Every registered stage name, sorted."""
    return sorted(set(_entry_points()) | set(_LOCAL))


def get_factory(name: str) -> Factory:
    """The factory registered under ``name``.

    Raises:
        PluginError: if nothing is registered under ``name`` or it fails to load.
    """
    if name in _LOCAL:
        return _LOCAL[name]
    entry = _entry_points().get(name)
    if entry is None:
        raise PluginError(
            f"no stage is registered as '{name}'; registered: {', '.join(names())}. "
            "Is the package installed (pip install -e .)?",
            code=Code.UNKNOWN_STAGE,
        )
    try:
        factory: Factory = entry.load()
    except Exception as e:  # a broken plugin must say which one it is
        raise PluginError(f"stage '{name}' ({entry.value}) failed to load: {e}", code=Code.STAGE_LOAD_FAILED) from e
    return factory


def build(name: str, settings: Settings, **shared: Any) -> Stage:
    """The stage registered under ``name``, made by its factory for ``settings``.

    The factory is also given, as keyword arguments, those of ``shared`` (the pipeline gives
    ``resources`` and ``parses``) that its signature names; ``make(settings)`` gets none of them.

    Raises:
        PluginError: as :func:`get_factory`.
    """
    factory = get_factory(name)
    return factory(settings, **{key: value for key, value in shared.items() if _takes(factory, key)})


def _takes(factory: Factory, keyword: str) -> bool:
    try:
        parameters = inspect.signature(factory).parameters
    except (TypeError, ValueError):  # a callable without a signature takes only the settings
        return False
    parameter = parameters.get(keyword)
    if parameter is not None:
        return parameter.kind in (parameter.KEYWORD_ONLY, parameter.POSITIONAL_OR_KEYWORD)
    return any(p.kind is p.VAR_KEYWORD for p in parameters.values())
