"""The code catalogue: each code defined once, referred to by name, used, and every mention a real code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsprism import codes
from newsprism.codes import CATALOGUE, Code, catalogue
from newsprism.errors import BadValueError
from newsprism.validate import failure_code

SRC = Path(codes.__file__).resolve().parent
CATALOGUE_FILE = Path(codes.__file__).resolve()
#: A code as messages and records carry it; ``noqa: E501`` names a lint rule, not ours.
_CODE = re.compile(r"(?<!noqa: )(?<![\w-])[EW]\d{3}(?!\w)")


def _python_files() -> list[Path]:
    return sorted(path for path in SRC.rglob("*.py") if path != CATALOGUE_FILE)


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _literals(path: Path) -> list[tuple[int, str]]:
    """Codes written inside string literals (not docstrings) of ``path``, with their line."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = _docstrings(tree)
    return [(node.lineno, match) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            for match in _CODE.findall(node.value)]


def _names_used(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Code"}


def test_codes_each_code_is_defined_once() -> None:
    values = [value for name, value in vars(Code).items() if name.isupper()]
    duplicates = sorted({value for value in values if values.count(value) > 1})
    assert not duplicates, f"codes defined more than once: {duplicates}"
    assert len(catalogue()) == len(values) == len(CATALOGUE)
    assert all(re.fullmatch(r"[EW]\d{3}", value) for value in values), values


def test_codes_each_has_a_meaning_and_a_fix() -> None:
    for info in catalogue():
        assert len(info.meaning) > 10 and len(info.fix) > 3, info
        assert getattr(Code, info.name) == info.code


def test_codes_no_literal_code_outside_the_catalogue() -> None:
    found = [f"{path.relative_to(SRC)}:{line}: {code}" for path in _python_files() for line, code in _literals(path)]
    assert not found, "write Code.<NAME> instead of the code's string:\n" + "\n".join(found)


def test_codes_every_mention_is_a_catalogue_code() -> None:
    # Docstrings, comments, templates, the shipped config and the docs name codes too; each must be a real one.
    root = SRC.parents[1]
    texts = [path for path in sorted(SRC.rglob("*")) if path.is_file() and path.suffix in (".py", ".toml", ".html", ".js")]
    texts += [*sorted((root / "docs").glob("*.md")), root / "README.md"]
    unknown = [f"{path.relative_to(root)}: {code}" for path in texts
               for code in _CODE.findall(path.read_text("utf-8")) if code not in CATALOGUE]
    assert not unknown, unknown


def test_codes_every_name_is_used() -> None:
    used = set().union(*(_names_used(path) for path in _python_files()))
    unused = sorted(info.name for info in catalogue() if info.name not in used)
    assert not unused, f"catalogue codes nothing uses (remove them, or use them): {unused}"
    assert used <= {info.name for info in catalogue()}, used - {info.name for info in catalogue()}


@pytest.mark.parametrize(("value", "expected"), [
    ("E104", "E104"), ("e181", "E181"), (" W301 ", "W301"),
    ("E999", None),  # has the form, but is no code of ours
    ("E012", None),
])
def test_codes_failures_filter_takes_exactly_the_catalogue(value: str, expected: str | None) -> None:
    if expected is not None:
        assert failure_code(value) == expected
    else:
        with pytest.raises(BadValueError, match=r"^\[E176\] code: .* is not a newsprism code"):
            failure_code(value)


@pytest.mark.parametrize(("options", "code"), [
    ({"limit": -1}, "E161"),  # a negative page is its own kind, not an unwritable output path (E172)
    ({"offset": -5}, "E161"),
    ({"sort": "newest"}, "E177"),
])
def test_codes_search_query_values_raise_their_own_code(options: dict[str, object], code: str) -> None:
    from newsprism.store.search import SearchQuery

    with pytest.raises(BadValueError, match=rf"^\[{code}\] "):
        SearchQuery("harbour", **options)  # type: ignore[arg-type]
