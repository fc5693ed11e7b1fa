"""``newsprism schema``: the JSON Schema of the article JSON form."""

from __future__ import annotations

import click

from ._common import echo_json


@click.command()
@click.option("--indent", type=int, default=2, show_default=True, help="Indentation of the printed schema.")
def schema(indent: int) -> None:
    """Print the JSON Schema of the versioned article JSON."""
    from ..schema import json_schema

    echo_json(json_schema(), indent=indent or None)
