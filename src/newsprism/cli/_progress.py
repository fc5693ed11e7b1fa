"""Progress of an ingest and its link run, on stderr (#15).

On a terminal: a bar with the documents (or bytes) done of the total when it
can be known, the rate and the time left, then one line per link step with its
time. Elsewhere, when asked (``--progress``): the same as plain lines, at most
one progress line every few seconds. Without either, the callbacks are
``None`` and the library stays quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

import click

from ..progress import IngestProgress, Step, counted

#: Seconds between two progress lines when stderr is not a terminal.
PLAIN_EVERY = 5.0


def size(count: float) -> str:
    """Bytes for people: ``512 B``, ``1.5 MB``.

    >>> size(512), size(1_500_000)
    ('512 B', '1.5 MB')
    """
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    raise AssertionError("unreachable")


def duration(seconds: float) -> str:
    """``42 s``, ``3 min 5 s``, ``2 h 10 min``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


def amount(progress: IngestProgress) -> str:
    """How far, in words: ``120 of 345 documents (35%)``, ``1.2 of 4.5 MB (27%), 123 documents``."""
    if progress.unit == "bytes":
        done = f"{size(progress.done)} of {size(progress.total)}" if progress.total else size(progress.done)
        share = f" ({100 * progress.done // progress.total}%)" if progress.total else ""
        return f"{done}{share}, {counted(progress.documents, 'document')}"
    if progress.total:
        return f"{progress.done} of {progress.total} documents ({100 * progress.done // progress.total}%)"
    return f"{progress.done} documents"


class _Rate:
    """Rate and time left from the first progress on (model loading before it does not count)."""

    def __init__(self) -> None:
        self.start: tuple[float, int] | None = None

    def __call__(self, progress: IngestProgress) -> str:
        now = time.monotonic()
        if self.start is None:
            self.start = (now, progress.done - (1 if progress.unit == "documents" else 0))
            return ""
        began, base = self.start
        rate = (progress.done - base) / (now - began) if now > began else 0.0
        if rate <= 0:
            return ""
        shown = f"{size(rate)}/s" if progress.unit == "bytes" else f"{rate:.1f} documents/s"
        if progress.total and progress.total > progress.done:
            shown += f", about {duration((progress.total - progress.done) / rate)} left"
        return shown


class Display:
    """The progress display of one command: use as a context manager, pass :attr:`on_ingest` and
    :attr:`on_step` to ``ingest`` and ``link_corpus``.

    Args:
        enabled: Show progress at all.
        terminal: stderr is a terminal (a live bar); else plain lines.
        label: What the bar says before the first progress.
    """

    def __init__(self, *, enabled: bool, terminal: bool, label: str = "ingesting") -> None:
        self.enabled = enabled
        self.terminal = terminal
        self.label = label
        self._bar: Any = None
        self._task: Any = None
        self._rate = _Rate()
        self._last_line = 0.0

    def __enter__(self) -> Display:
        if self.enabled and self.terminal:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[amount]}"),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(f"{self.label}: starting", total=None, amount="", rate="")
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def on_ingest(self) -> Callable[[IngestProgress], None] | None:
        """The ingest's ``progress`` callback, or ``None`` when nothing is shown."""
        return self._ingest if self.enabled else None

    @property
    def on_step(self) -> Callable[[Step], None] | None:
        """The link run's ``report`` callback, or ``None`` when nothing is shown."""
        return self._step if self.enabled else None

    def _ingest(self, progress: IngestProgress) -> None:
        rate = self._rate(progress)
        if self._bar is not None:
            self._bar.update(self._task, description="ingesting", completed=progress.done, total=progress.total,
                             amount=amount(progress), rate=rate)
            return
        now = time.monotonic()
        last = progress.total is not None and progress.done >= progress.total
        if progress.documents == 1 or last or now - self._last_line >= PLAIN_EVERY:
            self._last_line = now
            click.echo(f"ingesting: {amount(progress)}" + (f", {rate}" if rate else ""), err=True)

    def _step(self, step: Step) -> None:
        if self._bar is not None:
            if not step.finished:
                self._bar.update(self._task, description=f"linking: {step.message}", completed=0, total=None,
                                 amount="", rate="")
                self._bar.refresh()  # a step may take a while: say so now, not at the next refresh
                return
            self._bar.console.print(f"link {step.name}: {step.message}, {step.seconds:.1f} s", markup=False,
                                    highlight=False)
            return
        if step.finished:
            click.echo(f"link {step.name}: {step.message}, {step.seconds:.1f} s", err=True)
