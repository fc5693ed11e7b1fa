"""A real plugin, registered both ways a plugin can be: in-process and as an installed distribution.

The plugin stage ``myplugin.shout`` runs after ``clean.text`` and tags each
article with its first clean paragraph in capitals, so the test can see that
it received the cleaned article (furniture gone) and that the pipeline kept
its output.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from newsprism import PluginError, Settings, registry
from newsprism.model import Article, RawDocument
from newsprism.pipeline import Pipeline

SCRAPED = """Kherson evacuation continues

Please enter your comment!
Please enter your name here

About 80,000 residents have left the city, officials said on Wednesday.

The ferry across the Dnieper runs every hour.
"""

PLUGIN_SOURCE = '''
from newsprism.model import Article


class ShoutStage:
    name = "myplugin.shout"
    requires = ("text", "paragraphs")
    assigns = ("tags",)

    def __init__(self, language):
        self.language = language

    def pipe(self, articles):
        for article in articles:
            first = article.paragraphs[1] if len(article.paragraphs) > 1 else None
            shout = article.text[first.start:first.end].upper() if first else ""
            yield article.replace(tags=article.tags + (self.language + ":" + shout,))


def make_stage(settings):
    return ShoutStage(settings.main_language)
'''


class _LocalShout:
    """The same stage, defined in the test and registered with ``registry.register``."""

    name = "myplugin.shout"
    requires = ("text", "paragraphs")
    assigns = ("tags",)

    def __init__(self, language: str) -> None:
        self.language = language

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            first = article.paragraphs[1] if len(article.paragraphs) > 1 else None
            shout = article.text[first.start:first.end].upper() if first else ""
            yield article.replace(tags=article.tags + (self.language + ":" + shout,))


@pytest.fixture
def clean_registry() -> Iterator[None]:
    """Forget local registrations and cached entry points before and after the test."""
    saved = dict(registry._LOCAL)
    registry._LOCAL.clear()
    registry._entry_points.cache_clear()
    yield
    registry._LOCAL.clear()
    registry._LOCAL.update(saved)
    registry._entry_points.cache_clear()


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_registry: None) -> Path:
    """A throw-away distribution ``newsprism-myplugin`` with an entry point in the ``newsprism`` group."""
    (tmp_path / "myplugin.py").write_text(PLUGIN_SOURCE, "utf-8")
    dist_info = tmp_path / "newsprism_myplugin-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsprism-myplugin\nVersion: 0.1\n", "utf-8")
    (dist_info / "entry_points.txt").write_text(textwrap.dedent("""\
        [newsprism]
        myplugin.shout = myplugin:make_stage
        myplugin.broken = myplugin_missing:make_stage
        """), "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # also the importlib.metadata search path
    monkeypatch.delitem(sys.modules, "myplugin", raising=False)
    registry._entry_points.cache_clear()
    return tmp_path


def _shouted(settings: Settings) -> Article:
    return Pipeline(settings).process(SCRAPED)


def test_plugin_registered_in_process(clean_registry: None) -> None:
    registry.register("myplugin.shout", lambda settings: _LocalShout(settings.main_language))
    assert "myplugin.shout" in registry.names()
    article = _shouted(Settings(stages=("clean.text", "myplugin.shout"), main_language="en"))
    assert article.tags == ("en:ABOUT 80,000 RESIDENTS HAVE LEFT THE CITY, OFFICIALS SAID ON WEDNESDAY.",)
    assert "Please enter your comment!" not in article.text
    assert any(removal.kind == "comment_form" for removal in article.removals)


def test_plugin_installed_entry_point(installed_plugin: Path) -> None:
    assert {"myplugin.shout", "myplugin.broken", "clean.text"} <= set(registry.names())
    article = _shouted(Settings(stages=("clean.text", "myplugin.shout"), main_language="nl"))
    assert article.tags == ("nl:ABOUT 80,000 RESIDENTS HAVE LEFT THE CITY, OFFICIALS SAID ON WEDNESDAY.",)
    assert type(Pipeline(Settings(stages=("clean.text", "myplugin.shout"))).stages[1]).__module__ == "myplugin"


def test_plugin_listed_by_stages_command(installed_plugin: Path) -> None:
    import json

    from click.testing import CliRunner

    from newsprism.cli import cli

    result = CliRunner().invoke(cli, ["--setting", "stages", "clean.text,myplugin.shout", "stages", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "myplugin.shout" in data["stages"]
    assert data["active"] == ["clean.text", "myplugin.shout"]


def test_plugin_out_of_order_is_e403(installed_plugin: Path) -> None:
    with pytest.raises(PluginError, match=r"\[E403\] stage 'myplugin.shout' requires paragraphs") as caught:
        Pipeline(Settings(stages=("myplugin.shout", "clean.text")))
    assert caught.value.code == "E403"


def test_plugin_unknown_name_is_e401(installed_plugin: Path) -> None:
    with pytest.raises(PluginError, match=r"\[E401\] no stage is registered as 'myplugin.whisper'") as caught:
        Pipeline(Settings(stages=("clean.text", "myplugin.whisper")))
    assert caught.value.code == "E401"
    assert "myplugin.shout" in str(caught.value)  # the message lists what is registered


def test_plugin_that_fails_to_import_is_e402(installed_plugin: Path) -> None:
    with pytest.raises(PluginError, match=r"\[E402\] stage 'myplugin.broken'"):
        Pipeline(Settings(stages=("clean.text", "myplugin.broken")))


def test_plugin_error_on_one_article_is_an_issue(clean_registry: None) -> None:
    """A stage that raises on one article: that article gets an E900 issue, the others go through."""

    def shout_or_fail(article: Article) -> Article:
        if "ferry" in article.text:
            raise ValueError("cannot shout about ferries")
        return article.replace(title=(article.title or "").upper())

    registry.register("myplugin.fragile", lambda settings: registry.FunctionStage("myplugin.fragile", shout_or_fail))
    pipeline = Pipeline(Settings(stages=("clean.text", "myplugin.fragile")))
    articles = list(pipeline.pipe(pipeline.read(raw) for raw in _raws(["Calm day.\n\nNothing.", SCRAPED, "Quiet."])))
    assert [a.issues for a in articles][0] == ()
    assert [issue.code for issue in articles[1].issues] == ["E900"]
    assert articles[1].issues[0].stage == "myplugin.fragile"
    assert "cannot shout about ferries" in articles[1].issues[0].message
    assert articles[2].issues == ()


def _raws(texts: list[str]) -> list[RawDocument]:
    return [RawDocument(content=text, kind="text", source=f"<test {n}>") for n, text in enumerate(texts)]
