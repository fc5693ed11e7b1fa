"""Large stored corpora without running spaCy on each article: analysed sentences mixed, facts and all (#17).

The NLP pipeline reads the bundled Wikinews articles once (``examples/wikinews``,
292 articles, about a minute; or ``--analysed`` names a corpus already ingested).
Each synthetic article ``n`` then takes four sentences from each of three of
those analysed articles (chosen by a generator seeded with ``n``, so article
``n`` is the same in every corpus), one paragraph per source, and carries with
each sentence the facts whose spans lie inside it, moved to their new offsets:
mentions, quotes (with their speaker and cue spans), claims, dates and places.
The article's entities are those its carried mentions name (renumbered, with
their mention counts); a quote's speaker, a claim's claimant and its ``about``
and a place's entity follow their entity, or become ``None`` when it was not
carried. Each article gets its own id, url, publication day over 1,000 days
from 2020-01-01 and one of 50 sites; every twentieth is a republication of an
earlier article on another site with a line added (a near duplicate).

What is synthetic: the mix (a text of three unrelated stories), the dates,
sites and urls, and a resolved date in the text, which keeps the value it had
in its source article. What is real: every sentence and every fact in it, as
the pipeline found it. Facts that cross a sentence boundary (a quote of two
sentences, a speaker named in the next sentence) are dropped. The texts are
what the link step reads; the raw text is the clean text.

    python bench/analysed_corpus.py --db corpus.db --n 10000
    python bench/analysed_corpus.py --db corpus.db --n 1000 --start 10000   # 1,000 more, the same every time
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from newsprism.model import Article, Entity, Paragraph, Segment

ROOT = Path(__file__).resolve().parents[1]
SITES = [f"site{n:02d}.example" for n in range(50)]
#: Sentences taken from each of the three sources of an article.
PER_SOURCE = 4
#: The fields of each kind of fact that name an entity of the article.
_REFS = {"mentions": ("entity",), "quotes": ("speaker",), "claims": ("claimant", "about"), "places": ("entity",)}
_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence of an analysed article and the facts inside it, at offsets from the sentence's start."""

    source: int
    text: str
    facts: dict[str, tuple[Any, ...]]


def _shift(fact: Any, by: int, **extra: Any) -> Any:
    changes = {name: getattr(fact, name) - by for name in ("start", "end", "speaker_start", "speaker_end",
                                                           "cue_start", "cue_end")
               if hasattr(fact, name) and getattr(fact, name) is not None}
    return replace(fact, **changes, **extra)


def _inside(fact: Any, start: int, end: int) -> bool:
    spans = [(fact.start, fact.end)] + [(getattr(fact, f"{p}_start"), getattr(fact, f"{p}_end"))
                                        for p in ("speaker", "cue") if getattr(fact, f"{p}_start", None) is not None]
    return all(start <= a and b <= end for a, b in spans)


def sentences(article: Article, source: int) -> list[_Sentence]:
    """The sentences of an analysed article (of five words or more), each with the facts inside it."""
    found, at = [], 0
    for cut in [*_END.finditer(article.text), None]:
        stop = cut.start() if cut else len(article.text)
        start = at + len(article.text[at:stop]) - len(article.text[at:stop].lstrip())
        at = cut.end() if cut else stop
        text = article.text[start:stop].rstrip()
        if len(text.split()) < 5:
            continue
        end = start + len(text)
        facts = {kind: tuple(_shift(f, start) for f in getattr(article, kind) if _inside(f, start, end))
                 for kind in ("mentions", "quotes", "claims", "times", "places")}
        found.append(_Sentence(source, text, facts))
    return found


def read_analysed(db: Path | None) -> list[Article]:
    """The analysed Wikinews articles: from ``db``, else read by the whole pipeline into a temporary corpus."""
    from newsprism.store import open_store

    if db is None:
        from newsprism import registry
        from newsprism.config import Settings
        from newsprism.ingest import ingest

        db = Path(tempfile.mkdtemp()) / "wikinews.db"
        settings = Settings(stages=tuple(s for s in Settings().stages if s in registry.names()))
        ingest([str(ROOT / "examples" / "wikinews")], store=open_store(db), settings=settings, link=False)
    store = open_store(db)
    try:
        return sorted(store.iter_articles(), key=lambda a: a.id)
    finally:
        store.close()


class Mixer:
    """Synthetic article ``n`` of a corpus made from analysed articles (see the module docstring)."""

    def __init__(self, analysed: Sequence[Article]) -> None:
        self.analysed = list(analysed)
        self.sources = [(a, s) for i, a in enumerate(self.analysed)
                        if len(s := sentences(a, i)) >= PER_SOURCE + 2]

    @cache  # noqa: B019 - one mixer per run; republications ask for earlier articles again
    def article(self, n: int) -> Article:
        rng = random.Random(f"analysed-{n}")
        if n % 20 == 19 and n > 20:  # a republication of an earlier article, elsewhere, a day later
            original = self.article(rng.randrange(0, n - 1))
            site = SITES[(n + 7) % len(SITES)]
            day = date.fromisoformat(original.published or "2020-01-01") + timedelta(days=1)
            text = original.text + "\n\nShare this article."
            return original.replace(id=f"a{n:07d}", url=f"https://{site}/{n}", site=site, published=day.isoformat(),
                                    text=text, raw_text=text, segments=(Segment(0, 0, len(text)),))
        parts = rng.sample(self.sources, 3)
        chosen = [(article, sorted(rng.sample(range(len(found)), PER_SOURCE)), found) for article, found in parts]
        site = SITES[n % len(SITES)]
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 1000))
        return self._join(n, [(article, [found[i] for i in picks]) for article, picks, found in chosen], site, day)

    def _join(self, n: int, parts: list[tuple[Article, list[_Sentence]]], site: str, day: date) -> Article:
        text, paragraphs = "", []
        facts: dict[str, list[Any]] = {k: [] for k in ("mentions", "quotes", "claims", "times", "places")}
        entities: dict[tuple[int, str], Entity] = {}
        counts: dict[tuple[int, str], int] = {}
        for source, found in parts:
            start = len(text) + (2 if text else 0)
            text += ("\n\n" if text else "") + " ".join(s.text for s in found)
            paragraphs.append(Paragraph(start, len(text), "en", 1.0))
            known = {e.id: e for e in source.entities}
            names: dict[str, str] = {}
            for sentence in found:
                for mention in sentence.facts["mentions"]:
                    if mention.entity in known:
                        key = (found[0].source, mention.entity)
                        if key not in entities:
                            entities[key] = replace(known[mention.entity], id=f"e{len(entities) + 1}", mentions=0)
                        counts[key] = counts.get(key, 0) + 1
                        names[mention.entity] = entities[key].id
            at = start
            for sentence in found:
                for kind, items in sentence.facts.items():
                    facts[kind] += [_shift(f, -at, **{a: names.get(getattr(f, a) or "") for a in _REFS.get(kind, ())})
                                    for f in items]
                at += len(sentence.text) + 1
        ents = tuple(replace(e, mentions=counts[k]) for k, e in entities.items())
        first = parts[0][0]
        return Article(id=f"a{n:07d}", text=text, raw_text=text, source="synthetic", url=f"https://{site}/{n}",
                       title=f"{first.title} ({n})", published=day.isoformat(), site=site, lang="en",
                       segments=(Segment(0, 0, len(text)),), paragraphs=tuple(paragraphs), entities=ents,
                       stages=first.stages, **{k: tuple(v) for k, v in facts.items()})

    def articles(self, start: int, count: int) -> Iterator[Article]:
        """Articles ``start`` to ``start + count``, the same for the same numbers."""
        for n in range(start, start + count):
            yield self.article(n)


def build(db: Path, mixer: Mixer, *, n: int, start: int = 0, batch: int = 1000) -> float:
    """Store articles ``start`` to ``start + n`` of ``mixer`` in ``db``; returns the seconds it took."""
    from newsprism.store import open_store

    began = time.perf_counter()
    store = open_store(db)
    try:
        for at in range(start, start + n, batch):
            store.add(list(mixer.articles(at, min(batch, start + n - at))))
            mixer.article.cache_clear()
    finally:
        store.close()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="The corpus to write (SQLite file).")
    parser.add_argument("--n", type=int, default=10_000, help="Articles to store.")
    parser.add_argument("--start", type=int, default=0, help="Number of the first article.")
    parser.add_argument("--analysed", type=Path, help="A corpus of the Wikinews articles already ingested.")
    args = parser.parse_args()
    mixer = Mixer(read_analysed(args.analysed))
    seconds = build(args.db, mixer, n=args.n, start=args.start)
    print(f"stored {args.n:,} articles from {len(mixer.sources)} analysed ones in {seconds:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
