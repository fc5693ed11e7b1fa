"""Keep the CLI reference in docs/cli.md equal to the live ``--help`` of every command.

The reference sits between two marker lines in docs/cli.md::

    <!-- [[[cog python scripts/cli_reference.py --update ]]] -->
    ...generated...
    <!-- [[[end]]] -->

Usage::

    python scripts/cli_reference.py --check    # exit 1 when docs/cli.md is stale
    python scripts/cli_reference.py --update   # rewrite the section in place
    python scripts/cli_reference.py            # print the section

Help is rendered at a fixed width of 80 columns, so the output does not
depend on the terminal the script runs in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "cli.md"
START = "<!-- [[[cog python scripts/cli_reference.py --update ]]] -->"
END = "<!-- [[[end]]] -->"
WIDTH = 80


def _help(path: list[str]) -> str:
    from newsprism.cli import cli

    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="newsprism", terminal_width=WIDTH)
    if result.exit_code != 0:
        raise RuntimeError(f"newsprism {' '.join(path)} --help failed: {result.output}")
    return result.output.rstrip() + "\n"


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as argument lists, in help order (top level first)."""
    from newsprism.cli import cli

    ctx = click.Context(cli, info_name="newsprism")
    paths: list[list[str]] = [[]]
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        paths.append([name])
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in command.list_commands(ctx)]
    return paths


def render() -> str:
    """The generated section: one heading and one help block per command."""
    parts: list[str] = []
    for path in command_paths():
        title = " ".join(["newsprism", *path])
        parts.append(f"### `{title}`\n\n```text\n{_help(path)}```\n")
    return "\n".join(parts)


def updated(document: str, section: str) -> str:
    """``document`` with the text between the markers replaced by ``section``."""
    try:
        head, rest = document.split(START + "\n", 1)
        _, tail = rest.split(END, 1)
    except ValueError as e:
        raise SystemExit(f"{DOC}: the markers {START!r} and {END!r} are missing") from e
    return f"{head}{START}\n{section}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """Command line: print, ``--check`` or ``--update`` the CLI reference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="Exit 1 if docs/cli.md is stale.")
    mode.add_argument("--update", action="store_true", help="Rewrite the section of docs/cli.md.")
    args = parser.parse_args(argv)
    section = render()
    if not (args.check or args.update):
        sys.stdout.write(section)
        return 0
    current = DOC.read_text("utf-8")
    fresh = updated(current, section)
    if args.check:
        if fresh != current:
            sys.stderr.write(f"{DOC.relative_to(ROOT)} is stale: run python scripts/cli_reference.py --update\n")
            return 1
        return 0
    if fresh != current:
        DOC.write_text(fresh, "utf-8")
        sys.stderr.write(f"updated {DOC.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
