"""The corpus API's boundary: SQL, database drivers and connections stay inside ``store/`` (#14)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[3] / "src" / "newsprism"
STORE = SRC / "store"
#: A string that reads as SQL: a statement's opening words, or a clause only SQL has.
SQL = re.compile(r"\b(SELECT\s+\S.*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX|VIRTUAL)|DROP\s+(TABLE|SCHEMA)|PRAGMA\s+\w+)\b", re.S)


def _outside_store() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if STORE not in p.parents)


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):  # an f-string: its literal parts together
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            found.append((node.lineno, text))
    return found


@pytest.mark.issue(14)
def test_corpus_api_no_sql_outside_the_store() -> None:
    found = [f"{path.relative_to(SRC)}:{line}: {text[:60]!r}" for path in _outside_store()
             for line, text in _strings(ast.parse(path.read_text("utf-8"))) if SQL.search(text)]
    assert found == []


@pytest.mark.issue(14)
def test_corpus_api_no_database_driver_outside_the_store() -> None:
    found = []
    for path in _outside_store():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.relative_to(SRC)}:{node.lineno}: {name}" for name in names
                      if name.split(".")[0] in ("sqlite3", "psycopg", "psycopg2")]
    assert found == []


@pytest.mark.issue(14)
def test_corpus_api_hands_out_no_connection() -> None:
    from newsprism.store.postgres import PostgresStore
    from newsprism.store.sqlite import SQLiteStore

    for store in (SQLiteStore, PostgresStore):
        public = {name for name in vars(store) if not name.startswith("_")}
        assert not {name for name in public if "connection" in name or name in ("conn", "cursor")}, store


@pytest.mark.issue(14)
def test_corpus_api_one_placeholder_rewrite() -> None:
    rewrites = [f"{path.relative_to(SRC)}:{n}" for path in sorted(SRC.rglob("*.py"))
                for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if re.search(r"""replace\(\s*["']\?["']\s*,\s*["']%s["']""", line)]
    assert [where.split(":")[0] for where in rewrites] == ["store/dialect.py"], rewrites


@pytest.mark.parametrize(("text", "sql"), [
    ("SELECT id FROM articles WHERE id = ?", True),
    ("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", True),
    ("DELETE FROM stories", True),
    ("PRAGMA quick_check", True),
    ("select the articles from a folder", False),  # prose, lower case
    ("Select a story from the list", False),
    ("UPDATE: the corpus was linked", False),
])
def test_corpus_api_sql_pattern(text: str, sql: bool) -> None:
    assert bool(SQL.search(text)) is sql
