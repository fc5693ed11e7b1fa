"""Export of a corpus to Parquet: one file of one row per article, or a dataset partitioned by date.

The partitioned form (#17) is for users who take the corpus to Spark, DuckDB or pyarrow: two hive-style
datasets, ``articles/`` (one row per article, as the single file) and ``facts/`` (one row per mention,
entity, quote, claim, time and place, with its article's id), each split by publication date into
``published_date=2023-04-12/`` folders; undated articles and their facts are in the
``published_date=__HIVE_DEFAULT_PARTITION__/`` folder, which those readers read as a missing date.
Articles are streamed in batches, so memory does not grow with the corpus; the corpus is read once per
dataset.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .model import Article, to_dict
from .validate import output_file, output_folder

SCALARS = ("id", "url", "canonical_url", "title", "published", "site", "lang", "source", "content_kind", "text")
LISTS = ("authors", "tags", "categories")
FACTS = ("removals", "repairs", "media", "related", "mentions", "entities", "quotes", "claims", "times", "places",
         "issues")


def _rows(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for article in articles:
        row: dict[str, Any] = {name: getattr(article, name) for name in SCALARS}
        row.update({name: list(getattr(article, name)) for name in LISTS})
        row.update({name: json.dumps(to_dict(getattr(article, name)), ensure_ascii=False) for name in FACTS})
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(articles: Iterable[Article], path: Path, *, batch_size: int = 1000) -> int:
    """Write articles to a Parquet file, streaming in row groups; returns the count.

    Raises:
        BadValueError: ``E172`` when ``path`` cannot be written (checked before any article is read).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    output_file(path, name="path")

    schema = pa.schema([(name, pa.string()) for name in SCALARS]
                       + [(name, pa.list_(pa.string())) for name in LISTS]
                       + [(name, pa.string()) for name in FACTS])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in _rows(articles, batch_size):
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(pa.Table.from_pylist([], schema=schema))
    return count


#: The partition column of a partitioned export: the publication day, ``None`` for an undated article.
PARTITION = "published_date"
#: Fact lists written to ``facts/``, and the kind each row is given.
FACT_ROWS = (("mentions", "mention"), ("entities", "entity"), ("quotes", "quote"), ("claims", "claim"),
             ("times", "time"), ("places", "place"))
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def published_day(published: str | None) -> str | None:
    """The day of an ISO 8601 publication date, or ``None`` when there is none.

    >>> published_day("2023-04-12T08:30:00+02:00"), published_day(None)
    ('2023-04-12', None)
    """
    found = _DAY.match(published or "")
    return found.group() if found else None


def _fact_rows(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for article in articles:
        day = published_day(article.published)
        for name, kind in FACT_ROWS:
            for fact in getattr(article, name):
                detail = to_dict(fact)
                batch.append({"article_id": article.id, "kind": kind, "start": detail.pop("start", None),
                              "end": detail.pop("end", None), "text": detail.pop("text", None) or detail.get("name"),
                              "detail": json.dumps(detail, ensure_ascii=False), PARTITION: day})
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _article_rows(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    for rows in _rows(articles, size):
        for row in rows:
            row[PARTITION] = published_day(row["published"])
        yield rows


def write_parquet_by_date(articles: Callable[[], Iterable[Article]], path: Path, *, batch_size: int = 1000) -> int:
    """Write ``articles/`` and ``facts/`` Parquet datasets partitioned by publication date (see the module
    docstring); returns the number of articles.

    Args:
        articles: Called once per dataset, for a fresh pass over the articles (the store's ``iter_articles``).
        path: A new or empty folder.
        batch_size: Articles per written batch (a batch of facts holds at least this many articles' facts).

    Raises:
        BadValueError: ``E172`` when ``path`` is a file or a folder that is not empty.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    output_folder(path, name="path")
    day = pa.field(PARTITION, pa.string())
    article_schema = pa.schema([*[(name, pa.string()) for name in SCALARS],
                                *[(name, pa.list_(pa.string())) for name in LISTS],
                                *[(name, pa.string()) for name in FACTS], day])
    fact_schema = pa.schema([("article_id", pa.string()), ("kind", pa.string()), ("start", pa.int64()),
                             ("end", pa.int64()), ("text", pa.string()), ("detail", pa.string()), day])
    partitioning = ds.partitioning(pa.schema([day]), flavor="hive")
    count = 0
    for name in ("articles", "facts"):  # both datasets exist, if empty, whatever the corpus holds
        (path / name).mkdir(parents=True, exist_ok=True)

    def batches(rows: Iterator[list[dict[str, Any]]], schema: Any, *, counted: bool) -> Iterator[Any]:
        nonlocal count
        for chunk in rows:
            count += len(chunk) if counted else 0
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)

    for name, rows, schema in (("articles", _article_rows(articles(), batch_size), article_schema),
                               ("facts", _fact_rows(articles(), batch_size), fact_schema)):
        ds.write_dataset(batches(rows, schema, counted=name == "articles"), path / name, schema=schema,
                         format="parquet", partitioning=partitioning, basename_template="part-{i}.parquet",
                         existing_data_behavior="overwrite_or_ignore", max_rows_per_group=64 * 1024)
    return count
