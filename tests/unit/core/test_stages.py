"""The stage contract: stages depend only on their input, settings and resources (#14).

The pipeline builds its stages from its settings and resources, records each stage's name on the
article, owns the parse cache its stages share, and (with ``check_assigns``) holds each stage to
what it declares it writes.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator

import pytest

from newsprism import PluginError, Settings, registry
from newsprism.clean import line_hash
from newsprism.model import Article, Issue, RawDocument
from newsprism.pipeline import Pipeline, shared_pipeline
from newsprism.registry import FunctionStage, Resources, StageBase

SITE_LINE = "The Valley Courier, Serving Readers Since 1887"
STORY = ("The county opened the new bridge over the river on Monday, three years after the flood took the old one.",
         "Drivers who had spent an hour a day on the detour said the change was welcome.")
TEXT = f"{STORY[0]}\n\n{SITE_LINE}\n\n{STORY[1]}\n"
CLEAN_ONLY = Settings(stages=("clean.text",))


def _raw(url: str = "https://valley.example/bridge") -> RawDocument:
    return RawDocument(content=TEXT, kind="text", source="<bridge>", url=url)


@pytest.fixture
def local_stages() -> Iterator[None]:
    saved = dict(registry._LOCAL)
    yield
    registry._LOCAL.clear()
    registry._LOCAL.update(saved)


@pytest.mark.issue(14)
@pytest.mark.parametrize("order", [("taught", "plain"), ("plain", "taught")])
def test_stages_furniture_is_the_pipelines_own_whatever_the_order(order: tuple[str, str]) -> None:
    taught = Resources(site_furniture={"valley.example": {line_hash(SITE_LINE)}})
    pipelines = {"plain": Pipeline(CLEAN_ONLY), "taught": Pipeline(CLEAN_ONLY, resources=taught)}
    for _ in range(2):  # each pipeline again after the other ran
        results = {name: next(iter(pipelines[name].run([_raw()]))) for name in order}
        assert SITE_LINE in results["plain"].text
        assert SITE_LINE not in results["taught"].text
        assert [r.kind for r in results["taught"].removals] == ["site_furniture"]
        assert all(part in results["taught"].text for part in STORY)
    other_site = next(iter(pipelines["taught"].run([_raw("https://hill.example/bridge")])))
    assert SITE_LINE in other_site.text  # furniture is per site


@pytest.mark.issue(14)
def test_stages_resources_pickle_by_value_and_key_shared_pipelines() -> None:
    taught = Resources(site_furniture={"valley.example": ["h1", "h2"]})
    again = pickle.loads(pickle.dumps(taught))
    assert again == taught and hash(again) == hash(taught)
    assert again.furniture_of("valley.example") == frozenset({"h1", "h2"})
    assert again.furniture_of(None) is None and again.furniture_of("hill.example") is None
    assert shared_pipeline(CLEAN_ONLY, resources=taught) is shared_pipeline(CLEAN_ONLY, resources=again)
    assert shared_pipeline(CLEAN_ONLY, resources=taught) is not shared_pipeline(CLEAN_ONLY)


@pytest.mark.issue(14)
def test_stages_factory_given_the_resources_it_asks_for(local_stages: None) -> None:
    seen: list[Resources | None] = []

    def make(settings: Settings, *, resources: Resources | None = None) -> StageBase:
        seen.append(resources)
        return FunctionStage("test.noop", lambda article: article)

    registry.register("test.noop", make)
    registry.register("test.plain", lambda settings: FunctionStage("test.plain", lambda article: article))
    taught = Resources(site_furniture={"valley.example": ["h1"]})
    Pipeline(Settings(stages=("clean.text", "test.noop", "test.plain")), resources=taught)
    assert seen == [taught]


@pytest.mark.issue(14)
def test_stages_pipeline_records_every_stage_once(local_stages: None) -> None:
    class SaysItsName:  # a stage written before the pipeline recorded names, without batch_context
        name = "test.legacy"
        requires = ("text",)
        assigns = ()

        def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
            for article in articles:
                yield article.replace(stages=(*article.stages, self.name))

    registry.register("test.legacy", lambda settings: SaysItsName())
    settings = Settings(stages=("clean.text", "extract.dates", "test.legacy"), check_assigns=True)
    article = next(iter(Pipeline(settings).run([_raw()])))
    assert article.stages == ("clean.text", "extract.dates", "test.legacy")
    assert article.times  # "on Monday"


@pytest.mark.issue(14)
def test_stages_undeclared_write_is_e404_when_checked(local_stages: None) -> None:
    def retitle(article: Article) -> Article:
        return article.replace(title="Bridge")

    registry.register("test.retitle", lambda settings: FunctionStage("test.retitle", retitle))
    registry.register("test.declared", lambda settings: FunctionStage("test.declared", retitle, assigns=("title",)))
    registry.register("test.warn", lambda settings: FunctionStage(
        "test.warn", lambda article: article.replace(issues=(*article.issues, Issue("W101", "noted", "test.warn")))))
    registry.register("test.forget", lambda settings: FunctionStage(
        "test.forget", lambda article: article.replace(issues=()), assigns=("title",)))

    def run(*stages: str, check: bool = True) -> Article:
        return next(iter(Pipeline(Settings(stages=("clean.text", *stages), check_assigns=check)).run([_raw()])))

    with pytest.raises(PluginError, match=r"\[E404\] stage 'test.retitle' wrote the field 'title'") as caught:
        run("test.retitle")
    assert caught.value.code == "E404"
    assert run("test.retitle", check=False).title == "Bridge"  # third-party stages keep working unchecked
    assert run("test.declared").stages == ("clean.text", "test.declared")
    assert [issue.code for issue in run("test.warn").issues] == ["W101"]  # a stage may add issues
    with pytest.raises(PluginError, match=r"\[E404\] stage 'test.forget' dropped or changed earlier issues"):
        run("test.warn", "test.forget")


@pytest.mark.issue(14)
def test_stages_built_in_stages_write_only_what_they_assign(kherson_text: str) -> None:
    settings = Settings(check_assigns=True)
    pipeline = Pipeline(settings)
    article = pipeline.process(kherson_text, published="2022-11-09")
    assert article.stages == settings.stages
    assert article.mentions and article.quotes and article.claims and article.times and article.places
    parsing = [stage for stage in pipeline.stages if hasattr(stage, "parses")]
    assert len(parsing) == 4 and all(stage.parses is pipeline.parses for stage in parsing)  # type: ignore[attr-defined]
    assert len(pipeline.parses) == 0  # emptied after the batch
    unchecked = Pipeline(Settings()).process(kherson_text, published="2022-11-09")
    assert unchecked == article


@pytest.mark.issue(12)
def test_stages_made_alone_still_parse_each_text_once_in_a_pipeline(kherson_text: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Stages made by their factories without the pipeline's cache used to parse the article once
    # each (four spaCy parses per article in bench/facts.py): the pipeline now shares its cache.
    from newsprism.extract import nlp

    real = nlp.load_nlp(Settings().spacy_model)
    parsed: list[str] = []

    class Counting:
        def pipe(self, texts: Iterable[str], **options: object) -> Iterator[object]:
            texts = list(texts)
            parsed.extend(texts)
            return real.pipe(texts, **options)  # type: ignore[arg-type]

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    monkeypatch.setattr(nlp, "load_nlp", lambda model: Counting())
    settings = Settings()
    alone = Pipeline(settings, stages=[registry.get_factory(name)(settings) for name in settings.stages])
    article = alone.process(kherson_text, published="2022-11-09")
    assert parsed.count(article.text) == 1 and len(parsed) == len(set(parsed))
    assert article == Pipeline(settings).process(kherson_text, published="2022-11-09")


@pytest.mark.issue(14)
def test_stages_batch_context_is_part_of_the_contract() -> None:
    stage = FunctionStage("test.noop", lambda article: article)
    assert isinstance(stage, registry.Stage)
    with stage.batch_context():
        assert stage(Article(id="a", text="x")).text == "x"
    issue = Issue(code="W101", message="m", stage="s")
    assert next(stage.pipe([Article(id="a", text="x", issues=(issue,))])).issues == (issue,)
