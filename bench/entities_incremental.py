"""The corpus-entity step alone, incremental against a full recompute, on real article entities.

The Wikinews articles of ``examples/wikinews`` are read by the whole pipeline
(or taken from a corpus already ingested, ``--corpus``); the corpus is those
articles ``--copies`` times under other ids (the same names in many articles,
as a news corpus repeats them). The last ``--add`` articles are left out,
entities are resolved over the rest and stored, then the ``--add`` articles are
linked incrementally (:func:`newsprism.link.entity_keys.link_entities`) and,
on another store, every article in full; the entity tables are compared.

    python bench/entities_incremental.py --copies 10 --add 30 300
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from newsprism.link.entity_keys import link_entities
from newsprism.model import Article
from newsprism.store import Store, open_store
from newsprism.store.links import CorpusEntityRow, EntityKeyRow, EntityMemberRow, EntityMentionRow, EntityPairRow

ROOT = Path(__file__).resolve().parents[1]
TABLES = (CorpusEntityRow, EntityMemberRow, EntityMentionRow, EntityKeyRow, EntityPairRow)


def _read(corpus: Path | None) -> list[Article]:
    if corpus is None:
        from newsprism import registry
        from newsprism.config import Settings
        from newsprism.ingest import ingest

        corpus = Path(tempfile.mkdtemp()) / "wikinews.db"
        settings = Settings(stages=tuple(s for s in Settings().stages if s in registry.names()))
        ingest([str(ROOT / "examples" / "wikinews")], store=open_store(corpus), settings=settings, link=False)
    return sorted(open_store(corpus).iter_articles(), key=lambda a: a.id)


def _write(store: Store, articles: dict[str, Article], *, incremental: bool) -> float:
    began = time.perf_counter()
    links = link_entities(store, articles, (), decisions=[], incremental=incremental)
    store.replace_links(links.tables, patches=links.patches)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, help="an ingested corpus of the Wikinews articles (else ingested)")
    parser.add_argument("--copies", type=int, default=10, help="times each article is in the corpus")
    parser.add_argument("--add", type=int, nargs="+", default=[30, 300], help="articles added to the corpus")
    args = parser.parse_args()
    read = _read(args.corpus)
    articles = [a.replace(id=f"{a.id}-{n:02d}") for n in range(args.copies) for a in read]
    entities = sum(len(a.entities) for a in articles)
    for add in args.add:
        base, new = articles[:-add], articles[-add:]
        with tempfile.TemporaryDirectory() as tmp:
            store, full = open_store(Path(tmp) / "inc.db"), open_store(Path(tmp) / "full.db")
            _write(store, {a.id: a for a in base}, incremental=False)
            incremental = _write(store, {a.id: a for a in new}, incremental=True)
            whole = _write(full, {a.id: a for a in articles}, incremental=False)
            same = all([asdict(r) for r in store.link_rows(k)] == [asdict(r) for r in full.link_rows(k)]
                       for k in TABLES)
            print(f"{len(articles)} articles ({entities} article entities), adding {add}: "
                  f"incremental {incremental:.2f} s, full {whole:.2f} s ({whole / incremental:.1f}x), "
                  f"{len(full.link_rows(CorpusEntityRow))} corpus entities, identical tables: {same}")
            store.close()
            full.close()


if __name__ == "__main__":
    main()
