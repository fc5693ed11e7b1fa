"""``newsprism clean``: text in, clean text out; --json and --explain."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import cli

_TEXT = (
    "Share this:\n\n"
    "The minister said the bridge over the river would reopen on Monday after two years of repairs.\n\n"
    "Khersonis the only city that closed its bridges, Kherson officials said on Friday evening.\n\n"
    "Please enter your comment!\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_clean_cli_text_out(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["clean", "-"], input=_TEXT)
    assert result.exit_code == 0, result.output
    assert "Share this" not in result.output and "Please enter" not in result.output
    assert "Kherson is the only city" in result.output


def test_clean_cli_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["clean", "--json"], input=_TEXT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {r["kind"] for r in data["removals"]} == {"share", "comment_form"}
    assert [(r["before"], r["after"]) for r in data["repairs"]] == [("Khersonis", "Kherson is")]
    assert all(p["lang"] == "en" for p in data["paragraphs"])


def test_clean_cli_explain(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["clean", "--explain", "-"], input=_TEXT)
    assert result.exit_code == 0, result.output
    assert "comment_form" in result.output and "Please enter your comment!" in result.output
    assert "why:" in result.output
    assert "Khersonis -> Kherson is" in result.output
