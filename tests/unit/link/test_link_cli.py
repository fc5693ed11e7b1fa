from __future__ import annotations

import json
from pathlib import Path

from _link_corpus import corpus
from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.store import open_store


def _db(tmp_path: Path) -> str:
    path = str(tmp_path / "corpus.db")
    store = open_store(path)
    store.add(corpus())
    store.close()
    return path


def test_link_cli_commands(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["link", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.splitlines()[0])
    assert summary["stories"] == 2 and summary["articles"] == 6
    listed = runner.invoke(cli, ["stories", "--db", db, "--json"])
    stories = [json.loads(line) for line in listed.output.splitlines()]
    assert sorted(s["size"] for s in stories) == [2, 4]
    shown = runner.invoke(cli, ["stories", stories[0]["story_id"], "--db", db, "--json"])
    groups = json.loads(shown.output)["claim_groups"]  # the groups the story page shows (#15)
    assert {g["quantity"] for g in groups if g["sources"] > 1} == {"evacuated"}
    entity = runner.invoke(cli, ["entities", "show", "Gritsenko", "--db", db, "--json"])
    assert "Oleksandr Hrytsenko" in json.loads(entity.output)["variants"]


def test_link_cli_split_survives(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["link", "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["entities", "split", "Oleksandr Hrytsenko", "Alexander Gritsenko", "--db", db])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["link", "--db", db]).exit_code == 0  # a later run keeps the decision
    listed = runner.invoke(cli, ["entities", "list", "--db", db, "--label", "PERSON", "--json"])
    groups = [set(json.loads(line)["variants"]) for line in listed.output.splitlines()]
    assert not any({"Oleksandr Hrytsenko", "Alexander Gritsenko"} <= g for g in groups)
    assert runner.invoke(cli, ["entities", "merge", "Only One", "--db", db]).exit_code != 0


def test_link_cli_full_gives_the_incremental_tables(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    first = runner.invoke(cli, ["link", "--db", db, "--json", "--progress"])
    assert first.exit_code == 0 and "no link state" in first.stderr  # a corpus never linked is linked in full
    store = open_store(db)
    store.add([next(a for a in corpus() if a.id == "a1").replace(id="a9", url="https://elsewhere.example/9")])
    store.close()
    again = runner.invoke(cli, ["link", "--db", db, "--json", "--progress"])
    assert again.exit_code == 0 and "(incremental)" in again.stderr
    incremental = json.loads(again.stdout.splitlines()[0])
    full = runner.invoke(cli, ["link", "--db", db, "--json", "--full", "--progress"])
    assert full.exit_code == 0 and "full: asked for" in full.stderr
    summary = json.loads(full.stdout.splitlines()[0])
    assert {k: v for k, v in summary.items() if k != "seconds"} == {k: v for k, v in incremental.items()
                                                                    if k != "seconds"}
    assert summary["duplicate_groups"] == 2 and summary["duplicates"] == 3  # a9 joins the copies of a1
