from __future__ import annotations

import json
import pickle

import pytest

from newsprism.model import (
    Article,
    Entity,
    MergeEvidence,
    Quote,
    Removal,
    Segment,
    article_from_json,
    article_id,
    article_key,
    article_to_json,
    content_hash,
    to_raw_offset,
)
from newsprism.schema import json_schema


def _article() -> Article:
    return Article(
        id="a1", text="Shoigu said “go”.", raw_text="Shoigu said “go”.\nShare this!",
        authors=("A. Writer",),
        removals=(Removal(start=18, end=29, kind="share", reason="share line", text="Share this!"),),
        entities=(Entity(id="e1", name="Sergei Shoigu", label="PERSON", variants=("Shoigu",),
                         evidence=(MergeEvidence(variant="Shoigu", rule="surname", score=1.0),)),),
        quotes=(Quote(start=13, end=15, text="go", kind="direct", speaker="e1", cue="say"),),
    )


def test_model_json_round_trip_is_lossless() -> None:
    article = _article()
    data = json.loads(json.dumps(article_to_json(article)))
    assert data["schema_version"]
    assert article_from_json(data) == article


def test_model_records_pickle() -> None:
    article = _article()
    assert pickle.loads(pickle.dumps(article)) == article


def test_model_json_ignores_unknown_fields() -> None:
    data = article_to_json(_article())
    data["field_from_the_future"] = 1
    assert article_from_json(data).id == "a1"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Hello  World", "hello world", True),
    ("Hello World", "Hello World!", False),
    ("ﬁne", "fine", True),  # NFKC
])
def test_model_content_hash_normalises(a: str, b: str, same: bool) -> None:
    assert (content_hash(a) == content_hash(b)) is same


def test_model_key_prefers_url() -> None:
    assert article_key(canonical_url="https://x.example/a", text="t") == "url:https://x.example/a"
    assert article_key(canonical_url=None, text="t").startswith("sha256:")
    assert article_id("url:x") == article_id("url:x") != article_id("url:y")


@pytest.mark.parametrize(("offset", "raw"), [(0, 10), (4, 14), (5, 20), (7, 22), (9, None)])
def test_model_to_raw_offset(offset: int, raw: int | None) -> None:
    segments = (Segment(start=0, raw_start=10, length=4), Segment(start=5, raw_start=20, length=3))
    assert to_raw_offset(segments, offset) == raw


def test_schema_describes_every_article_field() -> None:
    schema = json_schema()
    assert set(schema["properties"]) == {"schema_version", *Article.__dataclass_fields__}
    assert schema["$defs"]["Quote"]["properties"]["kind"] == {"enum": ["direct", "indirect", "mixed"]}
    assert "id" in schema["required"] and "text" in schema["required"]


def test_schema_validates_real_output() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(json.dumps(article_to_json(_article()))), json_schema())
