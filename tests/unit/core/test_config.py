from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsprism.config import Settings, load_settings, setting_help
from newsprism.errors import ConfigError

ROOT = Path(__file__).resolve().parents[3]


def test_config_precedence(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('batch_size = 8\nworkers = 3\nuser_agent = "file"\n')
    settings = load_settings(config_file=config, environ={"NEWSPRISM_WORKERS": "5", "NEWSPRISM_DB": "x.db"},
                             overrides={"user_agent": "cli"})
    assert (settings.batch_size, settings.workers, settings.user_agent) == (8, 5, "cli")


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("0", False), ("yes", True), (False, False)])
def test_config_coerces_booleans(value: object, expected: bool) -> None:
    assert load_settings(overrides={"allow_private": value}, environ={}).allow_private is expected


def test_config_stages_from_comma_list() -> None:
    assert load_settings(overrides={"stages": "clean.text, extract.dates"}, environ={}).stages == (
        "clean.text", "extract.dates")


@pytest.mark.parametrize("overrides", [{"no_such_setting": 1}, {"batch_size": "many"}])
def test_config_rejects_bad_input(overrides: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        load_settings(overrides=overrides, environ={})


def test_config_every_setting_has_help_and_same_default() -> None:
    import tomllib
    from importlib import resources

    defaults = tomllib.loads(resources.files("newsprism").joinpath("default_config.toml").read_text())
    helps = setting_help()
    for f in dataclasses.fields(Settings):
        assert helps.get(f.name), f"setting {f.name} has no help in default_config.toml"
        value = getattr(Settings(), f.name)
        assert (tuple(defaults[f.name]) if isinstance(value, tuple) else defaults[f.name]) == value, f.name


def test_config_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    missing = [f.name for f in dataclasses.fields(Settings) if f"`{f.name}`" not in doc]
    assert not missing, f"settings missing from docs/configuration.md: {missing}"
