"""The command line as a user meets it: help, exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsprism.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[2]
FAST = ["--setting", "stages", "clean.text"]


def run(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True, input=input,
                          cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_every_command_answers_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    if result.exit_code == 2 and "No such command" in result.output:
        pytest.skip(f"{command} is not part of this build")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    options = [line for line in result.output.splitlines() if line.strip().startswith("--")]
    assert all(len(line.strip().split(None, 1)) == 2 or line.rstrip().endswith(",") for line in options)


@pytest.mark.parametrize(("args", "code", "message"), [
    (["extract", "no/such/file.html"], 1, "not found"),
    (["show", "abc", "--db", "no-such.db"], 1, "no corpus"),
    (["--setting", "no_such", "1", "stages"], 1, "unknown setting"),
    (["ingest"], 2, "Missing argument"),
    (["search", "--sort", "sideways"], 2, "Invalid value"),
])
def test_cli_errors_are_one_line(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    result = run(*args, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert message.lower() in err.lower()
    assert "Traceback" not in err


def test_cli_extract_text_from_stdin() -> None:
    text = "Officials said on Tuesday that 400 people had been evacuated.\n\nShare this:\n"
    result = run(*FAST, "extract", "-", "--json", input=text.encode())
    assert result.returncode == 0, result.stderr.decode()
    article = json.loads(result.stdout)
    assert article["schema_version"] and "400 people" in article["text"]


def test_cli_extract_published_hint_is_kept(kherson_text: str, tmp_path: Path) -> None:
    path = tmp_path / "k.txt"
    path.write_text(kherson_text)
    result = run(*FAST, "extract", str(path), "--json", "--published", "2022-11-09")
    article = json.loads(result.stdout)
    assert article["published"] == "2022-11-09"
    assert article["title"].startswith("Putin’s new defeat")


def test_cli_ingest_search_show_export(tmp_path: Path, kherson_text: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kherson.txt").write_text(kherson_text)
    db = str(tmp_path / "c.db")
    ingested = run(*FAST, "ingest", str(tmp_path / "in"), "--db", db, "--json", "--workers", "1")
    assert ingested.returncode == 0, ingested.stderr.decode()
    assert json.loads(ingested.stdout)["new"] == 1
    assert ingested.stderr == b""  # --json: the report is the JSON object, and no progress (#15)
    found = run("search", "--db", db, "Dnieper", "--json")
    lines = [json.loads(line) for line in found.stdout.decode().splitlines()]
    assert lines[-1]["total"] == 1 and "[Dnieper]" in lines[0]["snippet"]
    shown = run("show", "--db", db, lines[0]["id"][:8])
    assert shown.returncode == 0 and b"Dnieper" in shown.stdout
    exported = run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "c.parquet"))
    assert exported.returncode == 0, exported.stderr.decode()
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(tmp_path / "c.parquet").num_rows == 1


def test_cli_schema_is_json_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/") and "Quote" in schema["$defs"]


_QUERIES: list[tuple[str, int, str | int]] = [
    # bad queries: a usage error (exit 2) on one line saying what is wrong
    ("a OR OR b", 2, "OR needs a word or a group on each side"),
    ("flood AND", 2, "AND needs a word or a group on each side"),
    ("NOT rain", 2, "NOT needs something to exclude from"),
    ('"unclosed phrase', 2, 'a quote (") is not closed'),
    ("(flood OR storm", 2, "a '(' is not closed"),
    # good queries, operators included: exit 0 and the number of hits
    ("flood AND NOT rain", 0, 0),
    ("flood NOT snow", 0, 1),
    ("flood -rain", 0, 0),
    ("(flood OR storm) -(rain OR snow)", 0, 1),
    ('"river burst" OR evacu*', 0, 1),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_cli_search_query_errors_are_usage_errors(tmp_path: Path, postgres_url: Any, backend: str) -> None:
    from newsprism.model import Article
    from newsprism.store import open_store

    target = str(tmp_path / "c.db") if backend == "sqlite" else postgres_url("q")
    if target is None:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    store = open_store(target)
    try:
        store.add([Article(id="f" * 16, text="The river burst its banks and the flood reached the town; no rain fell.",
                           title="Flood", url="https://e.example/flood"),
                   Article(id="s" * 16, text="A storm closed the port.", title="Storm", url="https://e.example/storm")])
        for query, code, expected in _QUERIES:
            result = CliRunner().invoke(cli, ["search", "--db", target, "--json", query])
            assert result.exit_code == code, (query, result.output)
            if code:
                lines = result.output.strip().splitlines()
                assert len(lines) == 1 and lines[0].startswith("Error: [E160]") and str(expected) in lines[0], lines
            else:
                assert json.loads(result.output.splitlines()[-1])["total"] == expected, (query, result.output)
    finally:
        if backend == "postgresql":
            store.drop_everything()  # type: ignore[attr-defined]
        store.close()


_NO_NLP_PROBE = """
import sys
from newsprism.cli import cli
try:
    cli(sys.argv[1:], standalone_mode=False)
finally:
    sys.stdout.write("\\nNLP-LOADED " + str(sorted(m for m in ("spacy", "thinc", "torch") if m in sys.modules)))
"""


@pytest.mark.issue(12)
@pytest.mark.parametrize(("command", "kind"), [
    (["extract", "--text-only"], "txt"), (["extract", "--text-only"], "html"), (["clean"], "txt"),
])
def test_cli_text_only_paths_load_no_nlp_model(tmp_path: Path, kherson_text: str, kind: str,
                                               command: list[str]) -> None:
    path = tmp_path / f"page.{kind}"
    body = kherson_text if kind == "txt" else f"<html><body><article><p>{kherson_text}</p></article></body></html>"
    path.write_text(body, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", _NO_NLP_PROBE, *command, str(path)], capture_output=True,
                            timeout=300)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "Kherson" in out
    assert out.rstrip().endswith("NLP-LOADED []"), out[-300:]


@pytest.mark.issue(12)
def test_pipeline_reading_and_cleaning_load_no_nlp_model(kherson_text: str) -> None:
    probe = ("import sys\nfrom newsprism.config import Settings\nfrom newsprism.pipeline import Pipeline\n"
             "pipeline = Pipeline(Settings(stages=('clean.text',)))\n"
             "article = pipeline.process(sys.stdin.read())\n"
             "print(len(article.text) > 0, sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules))\n")
    page = f"<html><body><article><p>{kherson_text}</p></article></body></html>"
    result = subprocess.run([sys.executable, "-c", probe], input=page.encode(), capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["True", "[]"]
