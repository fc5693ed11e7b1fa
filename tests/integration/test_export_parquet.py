"""Parquet partitioned by publication date reads back with pyarrow datasets, as Spark or DuckDB would (#17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.model import Article, Entity, Mention, Quote
from newsprism.store import open_store

pytestmark = pytest.mark.issue(17)

#: (id, published): two on one day, one with a time of day and a zone, one undated
DATES = [("a1", "2023-04-12"), ("a2", "2023-04-12T23:30:00+02:00"), ("a3", "2023-04-13"), ("a4", None)]


def _article(article_id: str, published: str | None) -> Article:
    text = f"Mayor Anna Weber said: \"We will rebuild the bridge.\" ({article_id})"
    return Article(id=article_id, text=text, source=f"{article_id}.txt", url=f"https://news.example/{article_id}",
                   title=f"Bridge {article_id}", published=published, lang="en",
                   mentions=(Mention(6, 16, "Anna Weber", "PERSON", "e1"),),
                   entities=(Entity("e1", "Anna Weber", "PERSON", ("Anna Weber",), (), 1),),
                   quotes=(Quote(23, 52, "We will rebuild the bridge.", "direct", speaker="e1"),))


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    db = tmp_path / "c.db"
    store = open_store(db)
    store.add([_article(article_id, published) for article_id, published in DATES])
    store.close()
    return str(db)


def test_export_parquet_partitioned_by_date_reads_back(tmp_path: Path, corpus: str) -> None:
    ds = pytest.importorskip("pyarrow.dataset")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", "--db", corpus, "--format", "parquet", "--partition-by", "date",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    folders = sorted(path.name for path in (out / "articles").iterdir())
    assert folders == ["published_date=2023-04-12", "published_date=2023-04-13",
                       "published_date=__HIVE_DEFAULT_PARTITION__"]
    articles = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table()
    by_id = {row["id"]: row for row in articles.to_pylist()}
    assert {article_id: by_id[article_id]["published_date"] for article_id, _ in DATES} == {
        "a1": "2023-04-12", "a2": "2023-04-12", "a3": "2023-04-13", "a4": None}
    assert by_id["a3"]["text"].startswith("Mayor Anna Weber") and by_id["a2"]["published"] == DATES[1][1]
    facts = ds.dataset(out / "facts", format="parquet", partitioning="hive")
    one_day = facts.to_table(filter=ds.field("published_date") == "2023-04-12").to_pylist()
    assert sorted((row["article_id"], row["kind"]) for row in one_day) == [
        ("a1", "entity"), ("a1", "mention"), ("a1", "quote"), ("a2", "entity"), ("a2", "mention"), ("a2", "quote")]
    every = facts.to_table().to_pylist()
    assert len(every) == 3 * len(DATES)
    quote = next(row for row in every if row["article_id"] == "a4" and row["kind"] == "quote")
    assert (quote["start"], quote["end"], quote["text"], quote["published_date"]) == (
        23, 52, "We will rebuild the bridge.", None)
    assert json.loads(quote["detail"])["speaker"] == "e1"


def test_export_parquet_partitioned_refuses_a_folder_that_is_not_empty(tmp_path: Path, corpus: str) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.parquet").write_bytes(b"")
    result = CliRunner().invoke(cli, ["export", "--db", corpus, "--format", "parquet", "--partition-by", "date",
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "[E172] --output:" in str(result.exception)
    assert "is a folder that is not empty" in str(result.exception)
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["old.parquet"]  # nothing written
