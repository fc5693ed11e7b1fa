"""``newsprism stages``: registered stages and settings."""

from __future__ import annotations

import dataclasses

import click

from ..config import Settings, setting_help
from ._common import echo_json, settings_from


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stages(ctx: click.Context, as_json: bool) -> None:
    """List the registered stages and the current settings."""
    from .. import registry

    settings = settings_from(ctx)
    values = {f.name: getattr(settings, f.name) for f in dataclasses.fields(Settings)}
    if as_json:
        echo_json({"stages": registry.names(), "active": list(settings.stages), "settings": values})
        return
    click.echo("Registered stages (active ones marked *):")
    for name in registry.names():
        click.echo(f"  {'*' if name in settings.stages else ' '} {name}")
    click.echo("\nSettings:")
    helps = setting_help()
    for name, value in values.items():
        click.echo(f"  {name} = {value!r}\n      {helps.get(name, '')}")
