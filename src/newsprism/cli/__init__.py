"""The ``newsprism`` command line.

Each command lives in its own module (``cli/<name>.py``) as a thin wrapper
over a library function; modules are imported only when their command runs,
so ``newsprism --help`` stays fast.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from ..errors import NewsprismError

#: command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "extract": "newsprism.cli.extract:extract",
    "clean": "newsprism.cli.clean:clean",
    "ingest": "newsprism.cli.ingest:ingest",
    "search": "newsprism.cli.search:search",
    "show": "newsprism.cli.show:show",
    "export": "newsprism.cli.export:export",
    "demo": "newsprism.cli.demo:demo",
    "schema": "newsprism.cli.schema:schema",
    "stages": "newsprism.cli.stages:stages",
    "serve": "newsprism.cli.serve:serve",
    "doctor": "newsprism.cli.doctor:doctor",
    "failures": "newsprism.cli.failures:failures",
    "entities": "newsprism.cli.entities:entities",
    "stories": "newsprism.cli.stories:stories",
    "quotes": "newsprism.cli.quotes:quotes",
    "claims": "newsprism.cli.claims:claims",
    "link": "newsprism.cli.link:link",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name == module_name:  # the command is not part of this build
                return None
            raise
        command: click.Command = getattr(module, attr)
        return command


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    # wordfreq says which list it uses for a language it lists under another code ("tl" read as "fil"): a note
    # for -v, not a warning about the user's documents
    logging.getLogger("wordfreq").setLevel(logging.WARNING if verbose else logging.ERROR)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsprism")
@click.option("-v", "--verbose", count=True, help="More logging on stderr: -v info, -vv debug (and tracebacks).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="A TOML file of settings (see 'newsprism stages' and docs/configuration.md).")
@click.option("--setting", "settings_kv", type=(str, str), multiple=True, metavar="KEY VALUE",
              help="Override one setting, e.g. --setting spacy_model en_core_web_md. Repeatable.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, config_file: str | None, settings_kv: tuple[tuple[str, str], ...]) -> None:
    """newsprism: raw news in, clean text and checkable facts out."""
    _configure_logging(verbose)
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["config_file"] = config_file
    ctx.obj["overrides"] = dict(settings_kv)


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point: maps our errors to exit code 1 with one line."""
    try:
        return cli.main(args=argv, prog_name="newsprism", standalone_mode=False)
    except click.exceptions.Abort as e:
        if isinstance(e.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort; 130 is Ctrl-C's code
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except NewsprismError as e:
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        click.echo(f"Error: {e}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as e:
        # The store names the file in its own E305; this is the last resort for a damaged page it did not guard.
        from ..store.sqlite import damage_of

        found = damage_of(e)
        if found is None or logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        click.echo(f"Error: {found}", err=True)
        sys.exit(1)
