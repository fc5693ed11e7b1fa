"""Evaluate newsprism's corpus layer on ECB+ topics 1-25: cross-document entities and same-story clusters.

The data (evaluation only, never copied into the project) is read from
``../shared/data/ecbplus-dev`` beside the project root; override the folder
holding ``data/`` with NEWSPRISM_SHARED, or the ECB+ folder itself with
``--data``. Each document's text is rebuilt from its tokens
(``bench/_ecbplus_read.py``) and run through the newsprism pipeline; the
processed articles are cached in ``bench/.cache/ecbplus`` (outside git), keyed
by the text, newsprism's version and settings and the source of its clean and
extract stages, so re-runs while working on the link layer take seconds.

All 535 documents are one corpus, as in real use (no topic oracle):

1. Entities. ``resolve_entities`` clusters the article entities; each gold
   HUMAN or LOC mention (a markable with a cross-document instance) takes the
   corpus entity of the newsprism mention that overlaps it most, or stays a
   singleton when none does. MUC, B-cubed, CEAF-e and CoNLL F1 against the gold
   instances (``bench/_coref.py``), beside a baseline with the same mentions
   grouped by normalised surface name, and all singletons for scale.
2. Stories. ``cluster_stories`` against the gold story (topic and sub-corpus),
   beside TF-IDF cosine with single and average link at the best threshold of a
   sweep (an oracle threshold the baseline gets and newsprism does not). B-cubed.

Usage (from the project root)::

    python bench/ecbplus.py                 # markdown tables for docs/benchmarks.md
    python bench/ecbplus.py --json          # the numbers as JSON
    python bench/ecbplus.py --misses 10     # also the 10 worst entity merges and splits
    python bench/ecbplus.py --min-overlap 0.5   # a match must cover half the gold mention
    python bench/ecbplus.py --no-cache --data FOLDER

With any overlap (the default) "Paris" stands for "a shop in central Paris",
so a place name inside a longer gold phrase joins the phrase's instance to the
place; ``--min-overlap 0.5`` shows the scores without that effect.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import math
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _coref as cr  # noqa: E402 - the bench folder is not a package
from _ecbplus_misses import print_misses, worst_merges, worst_splits  # noqa: E402
from _ecbplus_read import EcbDoc, GoldMention, read_corpus  # noqa: E402

if TYPE_CHECKING:
    from newsprism import Article, Settings
    from newsprism.link.entities import CorpusEntity

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache" / "ecbplus"
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 20)]
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def data_folder(option: Path | None) -> Path:
    """``--data``, else ``$NEWSPRISM_SHARED/data/ecbplus-dev``, else ``../shared/data/ecbplus-dev``; exits if absent."""
    base = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
    folder = option or base / "data" / "ecbplus-dev"
    if not any(folder.glob("*/*.xml")):
        sys.exit(f"ECB+ documents not found in {folder}: set NEWSPRISM_SHARED (the folder holding data/) "
                 "or pass --data FOLDER")
    return folder


# -- running newsprism, with a cache -------------------------------------------------


def _code_key(settings: Settings) -> str:
    """What the processed articles depend on besides the text: version, settings, clean/extract source, data."""
    import newsprism

    package = Path(newsprism.__file__).parent
    digest = hashlib.sha256(f"{newsprism.__version__}|{settings!r}".encode())
    for folder in ("clean", "extract", "data"):
        for path in sorted((package / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _doc_key(code: str, doc: EcbDoc) -> str:
    fields = [code, doc.name, doc.text, doc.title or "", doc.url or "", doc.published or ""]
    return hashlib.sha256("\x00".join(fields).encode()).hexdigest()[:32]


def process(docs: list[EcbDoc], *, cache: Path | None) -> tuple[list[Article], int, float]:
    """Every document through the pipeline (or from the cache): articles, how many were cached, seconds."""
    import newsprism
    from newsprism.model import RawDocument, article_from_json, article_to_json

    settings = newsprism.load_settings()
    code = _code_key(settings)
    found: dict[str, Article] = {}
    todo: list[EcbDoc] = []
    for doc in docs:
        path = cache / f"{_doc_key(code, doc)}.json" if cache else None
        if path and path.exists():
            found[doc.name] = article_from_json(json.loads(path.read_text("utf-8")))
        else:
            todo.append(doc)
    started = time.perf_counter()
    if todo:
        pipeline = newsprism.get_pipeline(settings)
        by_name = {doc.name: doc for doc in todo}
        raws = (RawDocument(content=doc.text, kind="text", source=f"{doc.topic}/{doc.name}.xml", url=doc.url,
                            title=doc.title, published=doc.published) for doc in todo)
        read = (pipeline.read(raw).replace(id=doc.name) for raw, doc in zip(raws, todo, strict=True))
        for n, article in enumerate(pipeline.pipe(read), 1):
            found[article.id] = article
            if cache:
                cache.mkdir(parents=True, exist_ok=True)
                path = cache / f"{_doc_key(code, by_name[article.id])}.json"
                path.write_text(json.dumps(article_to_json(article), ensure_ascii=False), "utf-8")
            if n % 50 == 0 or n == len(todo):
                print(f"processed {n}/{len(todo)} documents", file=sys.stderr)
    return [found[doc.name] for doc in docs], len(docs) - len(todo), time.perf_counter() - started


# -- gold mentions to newsprism mentions -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """A gold mention and the newsprism mention overlapping it most (``entity`` is ``None`` when none does)."""

    gold: GoldMention
    status: str  # "matched", "missed" (no overlapping mention) or "unmapped" (its text was lost in cleaning)
    article: str
    entity: str | None = None
    surface: str = ""
    named: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.gold.doc, self.gold.m_id


def _offset_map(source: str, article: Article) -> list[int | None]:
    """Where each character of ``source`` (the text given to newsprism) is in ``article.text``.

    1. The same text: everywhere.
    2. ``source`` is the article's raw text: the clean stage's segments (runs copied unchanged).
    3. Otherwise a character alignment (difflib); ``None`` marks removed or changed characters.
    """
    if source == article.text:
        return list(range(len(source)))
    mapped: list[int | None] = [None] * len(source)
    if article.raw_text == source and article.segments:
        for segment in article.segments:
            for i in range(segment.length):
                mapped[segment.raw_start + i] = segment.start + i
        return mapped
    for block in difflib.SequenceMatcher(None, source, article.text, autojunk=False).get_matching_blocks():
        for i in range(block.size):
            mapped[block.a + i] = block.b + i
    return mapped


def _named(doc: EcbDoc, gold: GoldMention) -> bool:
    """A capitalised word not at the start of its line: a name, not a pronoun or a common noun."""
    if gold.start is None:
        return False
    line_start = doc.text.rfind("\n", 0, gold.start) + 1
    return any(w.group()[0].isupper() and gold.start + w.start() != line_start for w in _WORD.finditer(gold.text))


def match_mentions(doc: EcbDoc, article: Article, *, min_overlap: float = 0.0) -> list[Match]:
    """Each gold mention of ``doc`` with the newsprism mention overlapping it most.

    ``min_overlap`` is the share of the gold mention's characters the newsprism mention
    must cover (0: any overlap, so "Kherson" matches "a bakery in central Kherson").
    """
    offsets = _offset_map(doc.text, article)
    candidates = [m for m in article.mentions if m.entity is not None]
    out = []
    for gold in doc.mentions:
        named = _named(doc, gold)
        mapped = [o for i in range(gold.start or 0, gold.end or 0) if (o := offsets[i]) is not None]
        if not mapped:
            out.append(Match(gold, "unmapped", article.id, named=named))
            continue
        start, end = min(mapped), max(mapped) + 1
        overlaps = [(min(end, m.end) - max(start, m.start), -m.start, m) for m in candidates]
        least = max(1, math.ceil(min_overlap * (end - start)))
        best = max((o for o in overlaps if o[0] >= least), default=None, key=lambda o: (o[0], o[1]))
        if best is None:
            out.append(Match(gold, "missed", article.id, named=named))
        else:
            out.append(Match(gold, "matched", article.id, best[2].entity, best[2].text, named))
    return out


# -- entity clusterings -----------------------------------------------------------------


def normalise_name(text: str) -> str:
    """The baseline's key: casefolded, accents stripped, a leading "the" dropped.

    >>> normalise_name("The Bétty Ford  Center")
    'betty ford center'
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    words = folded.split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def responses(matches: list[Match], entities: list[CorpusEntity]) -> dict[str, dict[tuple[str, str], str]]:
    """Response cluster label per gold mention for newsprism, the same-name baseline and singletons."""
    corpus_of = {(aid, eid): e.corpus_id for e in entities for aid, eid, *_ in e.members}
    out: dict[str, dict[tuple[str, str], str]] = {"newsprism": {}, "baseline": {}, "singletons": {}}
    for m in matches:
        alone = f"single:{m.gold.doc}:{m.gold.m_id}"
        found = m.entity is not None
        out["newsprism"][m.key] = corpus_of.get((m.article, m.entity or ""), alone) if found else alone
        out["baseline"][m.key] = "name:" + normalise_name(m.surface) if found else alone
        out["singletons"][m.key] = alone
    return out


SUBSETS: dict[str, Callable[[Match], bool]] = {
    "HUMAN": lambda m: m.gold.kind == "HUMAN",
    "LOC": lambda m: m.gold.kind == "LOC",
    "all": lambda m: True,
    "all, named": lambda m: m.named,
}


def entity_scores(matches: list[Match], labels: dict[str, dict[tuple[str, str], str]]) -> dict[str, Any]:
    """Scores per subset of gold mentions and per system."""
    out: dict[str, Any] = {}
    for subset, keep in SUBSETS.items():
        chosen = [m for m in matches if keep(m)]
        key = {m.key: m.gold.instance for m in chosen}
        out[subset] = {system: cr.scores(key, {k: response[k] for k in key}) for system, response in labels.items()}
    return out


def wrong_pairs(matches: list[Match], labels: dict[str, dict[tuple[str, str], str]]) -> dict[str, dict[str, int]]:
    """Mention pairs each system joins that gold keeps apart, and how many of them join two topics.

    ECB+ annotates instances per topic, so the same city in two topics is two gold instances.
    """
    out = {}
    for system, response in labels.items():
        clusters: dict[str, list[Match]] = defaultdict(list)
        for m in matches:
            clusters[response[m.key]].append(m)
        wrong = cross = 0
        for members in clusters.values():
            wrong += cr.pairs_across(Counter(m.gold.instance for m in members).values())
            cross += cr.pairs_across(Counter(m.gold.doc.split("_")[0] for m in members).values())
        out[system] = {"wrong": wrong, "across_topics": cross}
    return out


def detection(matches: list[Match]) -> dict[str, dict[str, Any]]:
    """Gold mentions, matched, missed and unmapped counts, and recall, per subset."""
    out = {}
    for subset, keep in SUBSETS.items():
        counts = Counter(m.status for m in matches if keep(m))
        total = sum(counts.values())
        out[subset] = {"gold": total, "matched": counts["matched"], "missed": counts["missed"],
                       "unmapped": counts["unmapped"], "recall": round(counts["matched"] / total, 4) if total else 0.0}
    return out


# -- stories ------------------------------------------------------------------------------


def tfidf_similarities(texts: list[str]) -> np.ndarray:
    """Cosine of TF-IDF vectors (sublinear tf, smoothed idf fitted on ``texts``, unit length)."""
    counts = [Counter(w.casefold() for w in _WORD.findall(text)) for text in texts]
    vocabulary = {w: i for i, w in enumerate(sorted({w for c in counts for w in c}))}
    df = Counter(w for c in counts for w in c)
    idf = {w: math.log((1 + len(texts)) / (1 + df[w])) + 1 for w in vocabulary}
    matrix = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
    for row, c in enumerate(counts):
        for w, k in c.items():
            matrix[row, vocabulary[w]] = (1 + math.log(k)) * idf[w]
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return np.asarray(matrix @ matrix.T, dtype=float)


def story_scores(docs: list[EcbDoc], articles: list[Article]) -> dict[str, Any]:
    """B-cubed of newsprism's stories and of the TF-IDF baselines at their best thresholds."""
    from newsprism.link.features import features_of
    from newsprism.link.stories import cluster_stories

    gold = {doc.name: doc.story for doc in docs}
    started = time.perf_counter()
    stories = cluster_stories(features_of(articles))
    seconds = time.perf_counter() - started
    pred = {a.id: a.id for a in articles} | {i: s.story_id for s in stories for i in s.articles}
    out: dict[str, Any] = {"newsprism": {**cr.bcubed(gold, pred).as_dict(), "clusters": len(set(pred.values())),
                                         "seconds": round(seconds, 2)}}
    started = time.perf_counter()
    sims = tfidf_similarities([doc.text for doc in docs])
    for linkage in ("single", "average"):
        merges = cr.agglomerate(sims, linkage=linkage)
        sweep = []
        for threshold in THRESHOLDS:
            labels = cr.cut(len(docs), merges, threshold)
            found = cr.bcubed(gold, {doc.name: labels[i] for i, doc in enumerate(docs)})
            sweep.append({**found.as_dict(), "threshold": threshold, "clusters": len(set(labels))})
        best = max(sweep, key=lambda row: (row["f1"], -row["threshold"]))
        out[f"tfidf_{linkage}"] = {**best, "sweep": sweep}
    baseline_seconds = time.perf_counter() - started
    for linkage in ("single", "average"):
        out[f"tfidf_{linkage}"]["seconds"] = round(baseline_seconds, 2)
    out["gold_stories"] = len(set(gold.values()))
    return out


# -- report ---------------------------------------------------------------------------------


def _f(value: float) -> str:
    return f"{value:.3f}"


def print_report(result: dict[str, Any]) -> None:
    """The markdown report."""
    meta, det = result["meta"], result["detection"]
    print(f"## ECB+ topics 1-25: cross-document entities and stories\n\n`{meta['command']}`, {meta['date']}, "
          f"newsprism {meta['version']}: {meta['documents']} documents ({meta['ecbplus']} ecbplus, {meta['ecb']} ecb), "
          f"{meta['gold_stories']} gold stories; {det['all']['gold']} gold HUMAN/LOC mentions with a cross-document "
          f"instance ({meta['tags']}) in {meta['instances']} instances. Pipeline: {meta['pipeline_seconds']} s "
          f"({meta['cached']} of {meta['documents']} articles from the cache).\n")
    rule = (f"covers at least {meta['min_overlap']:.0%} of its characters" if meta["min_overlap"]
            else "overlaps it")
    print(f"A gold mention is found when a newsprism mention {rule} (the largest overlap wins); "
          "'named' mentions have a capitalised word that does not start the sentence.\n")
    print("| gold mentions | count | found by newsprism NER | recall | no overlapping mention | not in the clean text |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for subset, row in det.items():
        print(f"| {subset} | {row['gold']} | {row['matched']} | {_f(row['recall'])} | {row['missed']} | {row['unmapped']} |")
    print("\nEntity clusters over the gold mentions (a mention newsprism did not find is a singleton for every system):\n")
    print("| mentions | system | MUC P | MUC R | MUC F1 | B3 P | B3 R | B3 F1 | CEAF-e P | CEAF-e R | CEAF-e F1 | CoNLL F1 |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    names = {"newsprism": "newsprism resolve_entities", "baseline": "baseline: same normalised name",
             "singletons": "all singletons"}
    for subset, systems in result["entities"].items():
        for system, s in systems.items():
            cells = [_f(s[m][k]) for m in ("muc", "b3", "ceaf_e") for k in ("p", "r", "f1")]
            print(f"| {subset} | {names[system]} | {' | '.join(cells)} | **{_f(s['conll_f1'])}** |")
    t, wrong = result["timing"], result["wrong_pairs"]
    print(f"\nMention pairs joined against the gold: newsprism {wrong['newsprism']['wrong']} "
          f"({wrong['newsprism']['across_topics']} across two topics), baseline {wrong['baseline']['wrong']} "
          f"({wrong['baseline']['across_topics']} across two topics); ECB+ annotates instances per topic, so the same "
          f"city named in two topics counts as two entities. Entity linking time: newsprism "
          f"{t['entities_newsprism']} s, baseline {t['entities_baseline']} s.\n")
    st = result["stories"]
    print(f"Same-story clusters ({st['gold_stories']} gold stories: topic x sub-corpus; unclustered articles are singletons):\n")
    print("| system | threshold | clusters | B3 P | B3 R | B3 F1 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(f"| newsprism cluster_stories | (default) | {st['newsprism']['clusters']} | {_f(st['newsprism']['p'])} | "
          f"{_f(st['newsprism']['r'])} | **{_f(st['newsprism']['f1'])}** |")
    for linkage in ("single", "average"):
        row = st[f"tfidf_{linkage}"]
        print(f"| baseline: TF-IDF cosine, {linkage} link | {row['threshold']} (best of sweep) | {row['clusters']} | "
              f"{_f(row['p'])} | {_f(row['r'])} | {_f(row['f1'])} |")
    print(f"\nStory linking time: newsprism {st['newsprism']['seconds']} s (features + cluster_stories), "
          f"baseline {st['tfidf_single']['seconds']} s (TF-IDF, both linkages, {len(THRESHOLDS)} thresholds). "
          f"Whole run {t['total']} s.")


# -- main ---------------------------------------------------------------------------------------


def run(folder: Path, *, cache: Path | None, misses: int, min_overlap: float) -> tuple[dict[str, Any], list[Any], list[Any]]:
    """Read, process, link and score; the result and the worst merges and splits."""
    import newsprism
    from newsprism.link.entities import resolve_entities

    started = time.perf_counter()
    docs = read_corpus(folder)
    articles, cached, pipeline_seconds = process(docs, cache=cache)
    matches = [m for doc, article in zip(docs, articles, strict=True)
               for m in match_mentions(doc, article, min_overlap=min_overlap)]
    t0 = time.perf_counter()
    entities = resolve_entities(articles)
    t1 = time.perf_counter()
    labels = responses(matches, entities)
    t2 = time.perf_counter()
    for m in matches:  # the baseline's own work: one normalised key per found mention
        normalise_name(m.surface)
    t3 = time.perf_counter()
    descriptors = {k: v for doc in docs for k, v in doc.descriptors.items()}
    result: dict[str, Any] = {
        "detection": detection(matches),
        "entities": entity_scores(matches, labels),
        "wrong_pairs": wrong_pairs(matches, labels),
        "stories": story_scores(docs, articles),
    }
    result["timing"] = {"pipeline": round(pipeline_seconds, 1), "entities_newsprism": round(t1 - t0, 2),
                        "entities_baseline": round(t3 - t2, 3), "total": round(time.perf_counter() - started, 1)}
    gold = [m for doc in docs for m in doc.mentions]
    result["meta"] = {
        "command": "python bench/ecbplus.py" + "".join(f" {a}" for a in sys.argv[1:]),
        "date": dt.date.today().isoformat(), "version": newsprism.__version__, "documents": len(docs),
        "ecbplus": sum(d.corpus == "ecbplus" for d in docs), "ecb": sum(d.corpus == "ecb" for d in docs),
        "gold_stories": result["stories"]["gold_stories"], "instances": len({m.instance for m in gold}),
        "tags": ", ".join(f"{tag} {k}" for tag, k in sorted(Counter(m.tag for m in gold).items())),
        "cached": cached, "pipeline_seconds": round(pipeline_seconds, 1), "corpus_entities": len(entities),
        "min_overlap": min_overlap,
    }
    return result, worst_merges(matches, entities, descriptors, misses), worst_splits(matches, entities, descriptors, misses)


def main() -> None:
    """Parse the options, run, print markdown or JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="the ECB+ folder (topic folders of XML files)")
    parser.add_argument("--no-cache", action="store_true", help="run the pipeline on every document, cache nothing")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="also print the N worst entity merges and splits")
    parser.add_argument("--min-overlap", type=float, default=0.0, metavar="SHARE",
                        help="share of a gold mention's characters a newsprism mention must cover to match it "
                             "(default 0: any overlap)")
    args = parser.parse_args()
    folder = data_folder(args.data)
    result, merges, splits = run(folder, cache=None if args.no_cache else CACHE, misses=args.misses,
                                 min_overlap=args.min_overlap)
    if args.json:
        if args.misses:
            result["misses"] = {"merges": merges, "splits": splits}
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return
    print_report(result)
    if args.misses:
        print_misses(merges, splits)


if __name__ == "__main__":
    main()
