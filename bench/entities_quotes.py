"""Entities and quotes: quality on the dev set and throughput against spaCy alone.

Usage (from the project root)::

    python bench/entities_quotes.py [--limit N] [--speed-articles N]

1. Quality: direct quotes of the hand-annotated dev set (``bench/devset``),
   newsprism's ``extract.entities`` + ``extract.quotes`` against textacy's
   ``direct_quotations`` (retried paragraph by paragraph when it raises; a
   mixed quote of newsprism counts by its quoted fragments), scored
   by ``bench/_scoring.py`` (detection: token overlap >= 0.5; speaker: the
   entity's canonical name, a variant or the surname).
2. Speed: the same Wikinews texts through spaCy alone (``nlp.pipe``) and through
   parse + entities + quotes; prints words per second and the ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _scoring as sc  # noqa: E402 - the bench folder is not a package
import facts  # noqa: E402


def quality(limit: int | None) -> dict[str, list[int]]:
    from newsprism.config import Settings
    from newsprism.extract.quotes import quoted_fragments
    from newsprism.model import Article
    from newsprism.registry import get_factory

    devset = facts.load_devset(facts.DEFAULT_DEVSET, facts.DEFAULT_ARTICLES)[:limit]
    settings = Settings()
    entities, quotes = get_factory("extract.entities")(settings), get_factory("extract.quotes")(settings)
    baseline = facts.Baselines()
    totals: dict[str, list[int]] = {}
    for record, text in devset:
        article = next(iter(quotes.pipe(entities.pipe([Article(id="x", text=text)]))))
        names = {e.id: e.name for e in article.entities}
        # the dev set marks direct quotes: a mixed quote counts by its quoted fragments (#13)
        ours = [{"start": start, "end": end, "speaker": names.get(q.speaker or "", q.speaker_text)}
                for q in article.quotes for start, end in quoted_fragments(text, q)]
        variants: dict[str, list[str]] = {}
        for entity in record["entities"]:
            variants.setdefault(entity["id"], []).append(entity["text"])
        theirs, _ = baseline.run(text, record["date"])
        for system, pred in (("newsprism", ours), ("textacy", theirs["quotes"])):
            for key, counts in sc.score_quotes(record["quotes"], pred, text, variants=variants).items():
                row = totals.setdefault(f"{system} {key}", [0, 0, 0, 0])
                row[0] += counts.tp_gold
                row[1] += counts.n_gold
                row[2] += counts.tp_pred
                row[3] += counts.n_pred
    return totals


def speed(n_articles: int) -> tuple[float, float, int]:
    from newsprism.config import Settings
    from newsprism.extract import nlp as shared
    from newsprism.model import Article
    from newsprism.registry import get_factory

    texts = []
    with facts.DEFAULT_ARTICLES.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    words = sum(len(t.split()) for t in texts)
    settings = Settings()
    nlp = shared.load_nlp(settings.spacy_model)
    list(nlp.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=32))
    alone = time.perf_counter() - start
    parses = shared.ParseCache()  # one cache for both stages, as a pipeline gives them: one parse per article
    entities = get_factory("extract.entities")(settings, parses=parses)
    quotes = get_factory("extract.quotes")(settings, parses=parses)
    start = time.perf_counter()
    list(quotes.pipe(entities.pipe([Article(id=str(i), text=t) for i, t in enumerate(texts)])))
    ours = time.perf_counter() - start
    return words / alone, words / ours, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Score only the first N dev-set articles.")
    parser.add_argument("--speed-articles", type=int, default=100, help="Wikinews articles for the speed run.")
    args = parser.parse_args(argv)
    if not facts.DEFAULT_ARTICLES.exists():
        print(f"evaluation data not found at {facts.DEFAULT_ARTICLES}", file=sys.stderr)
        return 1
    print("| system | measure | P | R | F1 |\n| --- | --- | --- | --- | --- |")
    for name, (tp_gold, n_gold, tp_pred, n_pred) in sorted(quality(args.limit).items()):
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        system, measure = name.split(" ")
        print(f"| {system} | quotes {measure} (gold {n_gold}) | {p:.2f} | {r:.2f} | {f1:.2f} |")
    alone, ours, words = speed(args.speed_articles)
    print(f"\nspeed over {words} words: spaCy alone {alone:,.0f} words/s; "
          f"parse + entities + quotes {ours:,.0f} words/s; ratio {ours / alone:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__: list[Any] = []
