"""Property tests of every extract stage through a Pipeline: every fact's span lies in the text and is its surface form."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.config import Settings
from newsprism.model import Article, RawDocument, article_from_json, article_to_json
from newsprism.pipeline import Pipeline

from .conftest import HOSTILE_TEXT, NEWSY_TEXT


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Pipeline]:
    try:
        yield Pipeline(Settings())
    except Exception as e:  # noqa: BLE001 - the model is an installed package; say so when it is missing
        pytest.skip(f"the default pipeline cannot be built here: {e}")


def _check_spans(article: Article) -> None:
    text = article.text
    for kind in ("mentions", "quotes", "claims", "times", "places"):
        for fact in getattr(article, kind):
            assert 0 <= fact.start <= fact.end <= len(text), (kind, fact)
            assert text[fact.start:fact.end] == fact.text, (kind, fact)
    for quote in article.quotes:
        if quote.speaker_start is not None and quote.speaker_end is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)
            assert quote.speaker_text is None or text[quote.speaker_start:quote.speaker_end] == quote.speaker_text
        if quote.cue_start is not None and quote.cue_end is not None:
            assert 0 <= quote.cue_start <= quote.cue_end <= len(text)


# The module-scoped pipeline is shared on purpose: loading spaCy per example would take minutes.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(NEWSY_TEXT, HOSTILE_TEXT), st.sampled_from([None, "2022-11-09", "not a date", "9999-99-99"]))
def test_fuzz_extract_spans_are_exact(pipeline: Pipeline, text: str, published: str | None) -> None:
    raw = RawDocument(content=text, kind="text", source="fuzz", published=published)
    (article,) = list(pipeline.run([raw]))
    assert not [issue for issue in article.issues if issue.code == "E900"], article.issues  # no stage crashed
    _check_spans(article)
    article.text.encode("utf-8")  # storable: lone surrogates were replaced at reading
    assert article_from_json(article_to_json(article)) == article


def test_fuzz_extract_spans_on_the_motivating_example(pipeline: Pipeline, kherson_text: str) -> None:
    article = pipeline.process(kherson_text, published="2022-11-09")
    assert article.mentions and article.quotes and article.times and article.places
    _check_spans(article)
