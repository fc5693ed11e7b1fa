"""Named stage implementations, found through the ``newsprism`` entry-point group.

Built-in stages register exactly as plugins do: ``pyproject.toml`` lists them
under ``[project.entry-points.newsprism]``, each name pointing at a *factory*
``make(settings) -> Stage``. A plugin package adds its own names the same way;
settings pick stages by name (``stages = [...]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from typing import Protocol, runtime_checkable

from .codes import Code
from .config import Settings
from .errors import PluginError
from .model import Article

ENTRY_POINT_GROUP = "newsprism"


@runtime_checkable
class Stage(Protocol):
    """A pipeline stage: a batch function over articles, plus what it reads and writes."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process a batch; yields one article per input article, in order."""
        ...


@dataclass(frozen=True, slots=True)
class FunctionStage:
    """A stage made from a plain ``Article -> Article`` function."""

    name: str
    func: Callable[[Article], Article]
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        return self.func(article)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self.func(article)


Factory = Callable[[Settings], Stage]
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
