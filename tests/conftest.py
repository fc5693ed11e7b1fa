"""Shared fixtures: paths to the project's examples and to the evaluation data beside the project."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsprism.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def shared_dir() -> Path:
    """The evaluation data folder beside the project (override with NEWSPRISM_SHARED)."""
    return Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="Also run tests marked slow.")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow test: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation data; tests using it skip when it is absent."""
    path = shared_dir()
    if not (path / "data").is_dir():
        pytest.skip(f"evaluation data not found at {path} (set NEWSPRISM_SHARED)")
    return path


@pytest.fixture(scope="session")
def kherson_text() -> str:
    """The motivating example: a real scraped, machine-translated article."""
    path = EXAMPLES / "kherson-scraped.txt"
    if not path.exists():
        path = shared_dir() / "examples" / "kherson-scraped.txt"
    if not path.exists():
        pytest.skip("kherson-scraped.txt not found")
    return path.read_text("utf-8")


def _postgres_schema_url(prefix: str = "t") -> str | None:
    """The test PostgreSQL server (``NEWSPRISM_TEST_POSTGRES``) in a new schema of its own, or ``None`` without one."""
    base = os.environ.get("NEWSPRISM_TEST_POSTGRES")
    if not base:
        return None
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def postgres_url() -> Callable[[str], str | None]:
    """Makes URLs to the test PostgreSQL server, each in a schema of its own (``None`` without a server)."""
    return _postgres_schema_url


def _require(url: str | None) -> str:
    """``url``, or skip the test when no PostgreSQL server was given."""
    if url is None:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A new, empty corpus on each backend: SQLite, and PostgreSQL when ``NEWSPRISM_TEST_POSTGRES`` names a server.

    Each PostgreSQL test gets a schema of its own (through ``search_path``), dropped afterwards.
    """
    if request.param == "sqlite":
        opened = open_store(tmp_path / "corpus.db")
        yield opened
        opened.close()
        return
    opened = open_store(_require(_postgres_schema_url("t")))
    yield opened
    opened.drop_everything()  # type: ignore[attr-defined]
    opened.close()


def _damage_sqlite(db: Path, *, table: str | None = None) -> None:
    """Flip 16 bytes at the start of the page in the middle of a SQLite file (a B-tree page header), or of the
    first page of ``table``.

    The write-ahead log is checkpointed into the file first, so the damage is in what SQLite reads.
    """
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    start = ((int(root[0]) if root else pages // 2 + 1) - 1) * page_size
    for i in range(start, start + 16):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))


@pytest.fixture
def damage_sqlite() -> Callable[..., None]:
    """Damages a SQLite corpus, as a failing disk or a bad copy would (issue #16)."""
    return _damage_sqlite
