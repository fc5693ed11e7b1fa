"""Link tests that touch a store run against SQLite and, when a server is given, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.store import Store, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        opened = open_store(tmp_path / "corpus.db")
        yield opened
        opened.close()
        return
    base = os.environ.get("NEWSPRISM_TEST_POSTGRES")
    if not base:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    schema = "t_" + uuid.uuid4().hex[:10]
    separator = "&" if "?" in base else "?"
    opened = open_store(f"{base}{separator}options=-csearch_path%3D{schema}")
    yield opened
    opened.drop_everything()  # type: ignore[attr-defined]
    opened.close()
