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

import sys
from pathlib import Path

import click
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _marked_section import ROOT, MarkedSection  # noqa: E402  (a sibling module of this script)

DOC = ROOT / "docs" / "cli.md"
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
    return SECTION.updated(document, section)


SECTION = MarkedSection(DOC, "cli_reference.py", render)


if __name__ == "__main__":
    sys.exit(SECTION.main(sys.argv[1:], description=__doc__.splitlines()[0]))
