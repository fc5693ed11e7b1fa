"""Export of a corpus to Parquet (one row per article)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .model import Article, to_dict
from .validate import output_file

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
