"""Codes as users meet them: the docs list the catalogue, and a code filters one kind of failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _scripts import load_script
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.codes import CATALOGUE

#: An HTML page that is all navigation and script: it has structure but no main text.
NAV_ONLY = ("<html><head><title>Menu</title><script>var tracking = 1;</script></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_error_codes_docs_list_the_catalogue() -> None:
    reference = load_script("error_reference")
    current = reference.DOC.read_text("utf-8")
    assert reference.updated(current, reference.render()) == current, (
        "docs/errors.md is stale: run python scripts/error_reference.py --update")
    for code, info in CATALOGUE.items():
        assert f"| `{code}` | `{info.name}` | " in current, code


@pytest.fixture
def mixed_db(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Officials said on Tuesday that 400 people had been evacuated from the town.\n")
    (folder / "menu.html").write_text(NAV_ONLY)
    (folder / "empty.html").write_bytes(b"")
    db = tmp_path / "c.db"
    code, output = _cli("--setting", "stages", "clean.text", "ingest", str(folder), str(tmp_path / "gone.html"),
                        "--db", str(db), "--workers", "1", "--no-progress")
    assert code == 0, output
    return db


@pytest.mark.issue(14)
@pytest.mark.parametrize(("code", "names"), [
    ("E104", ["gone.html"]),  # the missing file only
    ("E181", ["menu.html"]),  # the page with no main text only; it was an E104 too
    ("E105", ["empty.html"]),
])
def test_error_codes_failures_filter_groups_one_kind(mixed_db: Path, code: str, names: list[str]) -> None:
    exit_code, output = _cli("failures", "--db", str(mixed_db), "--code", code, "--json")
    rows = [json.loads(line) for line in output.splitlines()]
    assert exit_code == 0, output
    assert sorted(Path(row["source"]).name for row in rows) == names, rows
    assert {row["code"] for row in rows} == {code}


def test_error_codes_failures_filter_refuses_a_code_newsprism_never_gives(mixed_db: Path) -> None:
    exit_code, output = _cli("failures", "--db", str(mixed_db), "--code", "E199")
    assert exit_code == 2 and "[E176]" in output and "'E199'" in output, output
