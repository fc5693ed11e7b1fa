"""The docs stay true: CLI reference current, every command documented, links resolve, examples run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _scripts import load_script
from click.testing import CliRunner

from newsprism.cli import COMMANDS, LazyGroup, cli

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
#: Docs whose shell examples are checked here (other guides are checked by their own tests).
COMMAND_DOCS = ("README.md", "docs/cli.md", "docs/architecture.md", "docs/plugins.md", "docs/testing-plugins.md",
                "docs/python-api.md", "docs/index.md")
_SHELL_BLOCK = re.compile(r"```(?:bash|sh|console)\n(.*?)```", re.S)
_PYTHON_BLOCK = re.compile(r"(<!-- slow -->\n)?```python\n(.*?)```", re.S)
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_SEPARATORS = {"|", "||", "&&", ";", ">", ">>", "<", "&"}


def _cli_reference() -> ModuleType:
    return load_script("cli_reference")


def test_docs_cli_reference_is_current() -> None:
    reference = _cli_reference()
    current = reference.DOC.read_text("utf-8")
    assert reference.updated(current, reference.render()) == current, (
        "docs/cli.md is stale: run python scripts/cli_reference.py --update")


def test_docs_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    available = [name for name in COMMANDS if LazyGroup._load(name) is not None]
    assert available, "no command imports"
    missing = [name for name in available if f"### `newsprism {name}`" not in text]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def _relative_links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text("utf-8"), flags=re.S)
    return [target for target in _LINK.findall(text)
            if not re.match(r"[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")]


@pytest.mark.parametrize("doc", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_docs_relative_links_exist(doc: str) -> None:
    path = (DOCS / doc).resolve()
    broken = [target for target in _relative_links(path)
              if not (path.parent / target.split("#", 1)[0]).exists()]
    assert not broken, f"{doc}: links to missing files: {broken}"


def test_docs_index_links_every_doc() -> None:
    linked = {target.split("#", 1)[0] for target in _relative_links(DOCS / "index.md")}
    missing = sorted(p.name for p in DOCS.glob("*.md") if p.name != "index.md" and p.name not in linked)
    assert not missing, f"docs/index.md does not link: {missing}"


def _commands(markdown: str) -> list[list[str]]:
    """Every ``newsprism ...`` invocation in the shell blocks of ``markdown``, as argument lists."""
    found: list[list[str]] = []
    for block in _SHELL_BLOCK.findall(markdown):
        for line in block.splitlines():
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True  # split on blanks and shell operators only: keep "a,b" and "x=1" whole
            lexer.commenters = "#"
            tokens = list(lexer)
            segment: list[str] = []
            for token in [*tokens, ";"]:
                if token in _SEPARATORS:
                    while segment and re.match(r"\w+=", segment[0]):  # VAR=value newsprism ...
                        segment.pop(0)
                    if segment and segment[0] == "newsprism":
                        found.append(segment[1:])
                    segment = []
                else:
                    segment.append(token)
    return found


@pytest.mark.parametrize("doc", COMMAND_DOCS)
def test_docs_shown_commands_parse(doc: str) -> None:
    """Each command shown runs with --help appended: the command and every option named exist."""
    commands = _commands((ROOT / doc).read_text("utf-8"))
    if doc == "README.md":
        assert commands, "README.md shows no newsprism command"
    for args in commands:
        result = CliRunner().invoke(cli, [*args, "--help"], prog_name="newsprism")
        assert result.exit_code == 0, f"{doc}: newsprism {shlex.join(args)}: {result.output}"
        assert result.output.startswith("Usage: newsprism"), result.output


def _python_examples(*, slow: bool) -> list[str]:
    text = (DOCS / "python-api.md").read_text("utf-8")
    return [code for marker, code in _PYTHON_BLOCK.findall(text) if bool(marker) == slow]


def _run_examples(blocks: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "newsprism.db"))
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for number, code in enumerate(blocks, start=1):
        try:
            exec(compile(code, f"docs/python-api.md block {number}", "exec"), namespace)  # noqa: S102
        except Exception as e:  # noqa: BLE001 - say which block failed
            raise AssertionError(f"docs/python-api.md block {number} failed: {e!r}\n{code}") from e


def test_docs_python_api_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_examples(slow=False)
    assert len(blocks) >= 4
    _run_examples(blocks, tmp_path, monkeypatch)


@pytest.mark.slow
def test_docs_python_api_full_pipeline_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks marked ``<!-- slow -->`` load the spaCy model; they run after the fast ones, in one namespace."""
    blocks = _python_examples(slow=True)
    assert blocks
    _run_examples(_python_examples(slow=False) + blocks, tmp_path, monkeypatch)


def test_docs_command_extraction_sees_chains_and_env() -> None:
    """The extractor itself: chained, piped and prefixed commands are found, other programs are not."""
    sample = ("```bash\npip install -e . && newsprism demo  # comment\nX=1 newsprism stages --json | jq .\n"
              "echo newsprism\nnewsprism --setting stages a,b export -o 'a b.jsonl' > /dev/null\n```\n```python\nnewsprism show x\n```\n")
    assert _commands(sample) == [["demo"], ["stages", "--json"], ["--setting", "stages", "a,b", "export", "-o", "a b.jsonl"]]
