"""The public API is what __init__ lists; importing it stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newsprism

ROOT = Path(__file__).resolve().parents[3]


def test_api_exports_exist() -> None:
    for name in newsprism.__all__:
        assert hasattr(newsprism, name), name
    assert len(set(newsprism.__all__)) == len(newsprism.__all__)


def test_api_import_loads_no_heavy_stack() -> None:
    code = ("import sys, json, newsprism; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('spacy','dask','distributed','fastapi','uvicorn','trafilatura','pyarrow','psycopg'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


def test_registry_names_are_pinned() -> None:
    """Adding or renaming a stage is a deliberate change: update tests/golden/registry.json."""
    from newsprism import registry

    golden = json.loads((ROOT / "tests" / "golden" / "registry.json").read_text())
    assert registry.names() == golden


def test_api_process_works_after_the_pipeline_module_is_imported() -> None:
    """`import newsprism.pipeline` binds the submodule on the package; no public function may share its name."""
    import newsprism.pipeline  # noqa: F401
    from newsprism.config import Settings

    article = newsprism.process("Officials said 400 people left.", settings=Settings(stages=("clean.text",)))
    assert article.text == "Officials said 400 people left."
    assert not {name for name in newsprism.__all__ if name in ("pipeline", "store", "model", "ingest")}
