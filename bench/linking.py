"""Evaluate corpus linking on bench/linkset: duplicates, stories, story-pair ratings.

The set is built from Wikinews (CC BY 2.5, credit Wikinews) read from
``../shared/data/wikinews/articles.jsonl`` (override the folder with
NEWSPRISM_SHARED) plus our own rewrites and translations in
``bench/linkset/rewrites.jsonl`` and same-topic pairs in ``topics.json``:

- each source article gets a re-publication (other site, cookie/share/"Also
  read" furniture around the same text) and a light edit (dateline and last
  paragraph dropped, a few words changed): one duplicate group, one story;
- hand-written rewrites and translations: same story, not duplicates;
- follow-ups and related events on one topic: different stories, except
  the pairs rated 3 (the same story continued), which share a gold story.

Scores: pairwise precision/recall/F1 and B-cubed F1 for duplicate groups and
stories, against a TF-IDF cosine baseline (single link at a threshold), and
Pearson correlation of pair scores with the 1-4 ratings.

    python bench/linking.py            # prints the tables in docs/benchmarks.md
"""

from __future__ import annotations

import itertools
import json
import math
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from newsprism.link.duplicates import DupDoc, compare, find_duplicates, shingles
from newsprism.link.features import features_of
from newsprism.link.stories import cluster_stories, feature_similarity
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
LINKSET = ROOT / "bench" / "linkset"
FURNITURE_TOP = ["We use cookies to improve your experience. Accept all Manage preferences",
                 "Share on Facebook", "Share on Twitter", "Advertisement"]
FURNITURE_END = ["Also read: {other}", "Trending now", "Sign up for our daily newsletter",
                 "© 2024 The Republisher. All rights reserved."]
EDITS = [("said", "stated"), (" yesterday", " on the previous day"), ("According to", "As reported by"),
         ("people", "persons"), ("killed", "left dead")]


def _shared() -> Path:
    base = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
    path = base / "data" / "wikinews" / "articles.jsonl"
    if not path.exists():
        sys.exit(f"Wikinews articles not found at {path}; set NEWSPRISM_SHARED")
    return path


def _article(aid: str, text: str, title: str, day: str, site: str) -> Article:
    from newsprism.clean import clean_article

    raw = Article(id=aid, text="", raw_text=text, title=title, published=day, url=f"https://{site}/{aid}")
    return clean_article(raw)  # deduplicate after cleaning, as ingest does


def _edit(text: str) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = "\n".join(paragraphs[1:-1] if len(paragraphs) > 4 else paragraphs)
    for old, new in EDITS:
        body = body.replace(old, new, 1)
    return body


def build_set() -> tuple[list[Article], dict[str, str], dict[str, str], list[tuple[str, str, int]]]:
    """Articles, gold duplicate group and gold story per article, and rated pairs."""
    rows = [json.loads(line) for line in _shared().read_text("utf-8").splitlines()]
    rewrites = [json.loads(line) for line in (LINKSET / "rewrites.jsonl").read_text("utf-8").splitlines()]
    topics = json.loads((LINKSET / "topics.json").read_text("utf-8"))["pairs"]
    chosen = {r["of"] for r in rewrites} | {i for p in topics for i in p[:2]}
    chosen |= {i for i in range(0, len(rows), 9) if 80 < len(rows[i]["text"].split()) < 1200}
    articles, dup_gold, story_gold, rated = [], {}, {}, []
    for i in sorted(chosen):
        row, other = rows[i], rows[(i + 7) % len(rows)]["title"]
        wid, day = f"w{i}", row["date"]
        articles.append(_article(wid, row["text"], row["title"], day, "en.wikinews.org"))
        repub = "\n".join(FURNITURE_TOP + [row["title"], row["text"]] + [f.format(other=other) for f in FURNITURE_END])
        next_day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
        articles.append(_article(wid + "-repub", repub, row["title"], next_day, f"republisher{i % 3}.example"))
        articles.append(_article(wid + "-edit", _edit(row["text"]), row["title"] + " (updated)", day,
                                 f"editor{i % 4}.example"))
        for suffix in ("", "-repub", "-edit"):
            dup_gold[wid + suffix] = story_gold[wid + suffix] = wid
        rated += [(wid, wid + "-repub", 4), (wid, wid + "-edit", 4)]
    for rw in rewrites:
        wid = f"w{rw['of']}"
        articles.append(_article(rw["id"], rw["text"], rw["title"], rw["date"], f"{rw['kind']}{rw['lang']}.example"))
        dup_gold[rw["id"]], story_gold[rw["id"]] = rw["id"], wid
        rated.append((wid, rw["id"], 3))
    rated += [(f"w{a}", f"w{b}", rating) for a, b, rating, _ in topics]
    for a, b, rating, _ in topics:  # rated 3: the same story continued, so one gold story
        if rating == 3:
            keep, gone = story_gold[f"w{a}"], story_gold[f"w{b}"]
            story_gold.update({k: keep for k, v in story_gold.items() if v == gone})
    plain = sorted(i for i in chosen if all(i not in p[:2] for p in topics))
    rng = random.Random(11)
    for _ in range(30):
        a, b = rng.sample(plain, 2)
        rated.append((f"w{a}", f"w{b}", 1))
    return articles, dup_gold, story_gold, rated


# -- metrics --------------------------------------------------------------------


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of two clusterings of the same items."""
    items = sorted(gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        p, g = pred[a] == pred[b], gold[a] == gold[b]
        tp, fp, fn = tp + (p and g), fp + (p and not g), fn + (g and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> float:
    """B-cubed F1."""
    items = sorted(gold)
    precision = recall = 0.0
    for x in items:
        same_pred = {y for y in items if pred[y] == pred[x]}
        same_gold = {y for y in items if gold[y] == gold[x]}
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision, recall = precision / len(items), recall / len(items)
    return 2 * precision * recall / (precision + recall)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else 0.0


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Cluster label per id from single-link edges."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in parent}


def tfidf_matrix(articles: Sequence[Article]) -> list[list[float]]:
    """The baseline: TF-IDF cosine of every pair (sublinear TF, smoothed IDF from the set, as scikit-learn)."""
    from collections import Counter

    from newsprism.link.features import cosine, tokens

    counts = [Counter(tokens(a.text)) for a in articles]
    df = Counter(w for c in counts for w in c)
    n = len(articles)
    vectors = []
    for c in counts:
        v = {w: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return [[cosine(a, b) for b in vectors] for a in vectors]


def _threshold_clusters(ids: list[str], sims: list[list[float]], threshold: float) -> dict[str, str]:
    edges = [(ids[i], ids[j]) for i, j in itertools.combinations(range(len(ids)), 2)
             if sims[i][j] >= threshold]
    return components(ids, edges)


def _report(name: str, pred: dict[str, str], gold: dict[str, str]) -> None:
    p, r, f = pairwise(pred, gold)
    print(f"  {name:<38} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  B3-F1 {bcubed(pred, gold):.3f}")


def main() -> None:
    """Build the set, run linking and the baseline, print the scores."""
    started = time.perf_counter()
    articles, dup_gold, story_gold, rated = build_set()
    ids = [a.id for a in articles]
    by_id = {a.id: a for a in articles}
    print(f"linkset: {len(articles)} articles, {len(set(dup_gold.values()))} duplicate groups (gold), "
          f"{len(set(story_gold.values()))} stories (gold), {len(rated)} rated pairs")
    sims = tfidf_matrix(articles)
    t0 = time.perf_counter()
    groups = find_duplicates([DupDoc(a.id, a.text, a.published, site=a.url) for a in articles])
    dup_pred = {i: i for i in ids} | {m: g.group_id for g in groups for m in g.members}
    dup_seconds = time.perf_counter() - t0
    print("duplicates")
    _report("newsprism (MinHash LSH + verify)", dup_pred, dup_gold)
    for t in (0.6, 0.8, 0.9):
        _report(f"baseline TF-IDF cosine >= {t}", _threshold_clusters(ids, sims, t), dup_gold)
    feats = {f.id: f for f in features_of(articles)}
    t0 = time.perf_counter()
    stories = cluster_stories(feats.values(), must_link=[(g.original, m) for g in groups for m in g.members])
    story_seconds = time.perf_counter() - t0
    story_pred = {i: i for i in ids} | {m: s.story_id for s in stories for m in s.articles}
    print("stories")
    _report("newsprism (blocking + average link)", story_pred, story_gold)
    for t in (0.2, 0.3, 0.4, 0.5):
        _report(f"baseline TF-IDF cosine >= {t}", _threshold_clusters(ids, sims, t), story_gold)
    index = {i: n for n, i in enumerate(ids)}
    print("story-pair ratings (Pearson with 1-4 ratings)")
    english = {i for i, a in by_id.items() if (a.lang or "en") == "en"}
    for subset, keep in (("all pairs", lambda a, b, r: True),
                         ("English pairs", lambda a, b, r: a in english and b in english),
                         ("English, copies left out (1-3)", lambda a, b, r: a in english and b in english and r < 4)):
        pairs = [(a, b, r) for a, b, r in rated if keep(a, b, r)]
        ratings = [float(r) for _, _, r in pairs]
        ours = [feature_similarity(feats[a], feats[b]) for a, b, _ in pairs]
        tfidf = [sims[index[a]][index[b]] for a, b, _ in pairs]
        minhash = [compare(shingles(by_id[a].text), shingles(by_id[b].text))[0] for a, b, _ in pairs]
        print(f"  {subset} (n={len(pairs)}): story_similarity {pearson(ours, ratings):.3f}  "
              f"TF-IDF cosine {pearson(tfidf, ratings):.3f}  shingle Jaccard {pearson(minhash, ratings):.3f}")
    print(f"time: duplicates {dup_seconds:.2f} s, stories {story_seconds:.2f} s, "
          f"whole run {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
