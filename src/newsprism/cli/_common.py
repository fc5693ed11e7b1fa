"""Helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..config import Settings, load_settings


def settings_from(ctx: click.Context) -> Settings:
    """The settings for this invocation: defaults, config file, environment, --setting."""
    obj = ctx.find_root().obj or {}
    return load_settings(config_file=obj.get("config_file"), overrides=obj.get("overrides"))


def echo_json(data: Any, *, indent: int | None = None) -> None:
    """Print one JSON document (one line unless ``indent``) on stdout."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=indent, default=str))


def is_tty() -> bool:
    """True when stderr is a terminal (progress bars go there)."""
    return sys.stderr.isatty()
