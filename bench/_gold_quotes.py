"""Quotes and speakers on PolNeAR, news attributions annotated by others, beside textacy.

Usage (from the project root)::

    python bench/_gold_quotes.py [--split dev] [--limit N] [--json] [--misses]

or ``python bench/facts.py --polnear`` for the same table after the dev-set one.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution in
political news: its source, cue and content spans. It is read from
``../shared/data/polnear/<split>/`` (brat standoff files); when an article has
several annotators' files, the first by file name is the gold. Evaluation only:
no text or annotation of it is kept in the project.

Scoring (one-to-one greedy matching, best overlap first):

1. content: a system quote matches a gold content when their character overlap
   is at least half of each span (a discontinuous gold content counts its parts);
2. kind of a gold content, read from its quote marks (curly, straight, or the
   doubled apostrophes of wire and archive text, ``''…''``): ``direct`` when all its
   words lie inside quote marks, ``mixed`` when some do, ``indirect`` when none;
   recall by gold kind, precision by the system's kind (textacy finds direct
   quotes only, so all of its quotes count as ``direct``);
3. source: a matched quote whose speaker span overlaps the gold source span;
4. speaker: ``source``, or the speaker the system resolved (entity name or a
   variant) shares a name with a gold source that is a name ("Mr. Trump" for a
   quote whose own cue says only "he" is then still the right speaker when the
   gold source is "Donald Trump"); also by kind, recall by gold kind and
   precision by the system's kind, as for content;
5. named speaker (#13): among matched direct quotes whose gold source names
   someone, the share whose resolved entity carries that name; a speaker span
   alone ("he", "the senator") does not count, as in a score of direct quotes
   by speaker name.
6. by attribution (#13): PolNeAR's unit is an attribution, one cue with one
   source and all the content it reports, in parts when the cue interrupts it
   ("“A,” Barkley said. “B.”" is one content of two parts); 40% of the train
   split's direct contents are so split. The rows "by attribution" first join
   a system's quotes of one paragraph that share the same cue (same offsets)
   into one attribution whose content is their parts, for both systems, then
   score as above; the per-quote rows are unchanged.

The anchor is textacy's ``direct_quotations`` (``pip install textacy``), run on
the same parse; without textacy its column reads ``n/a``. Times are medians
per article: parse + entities, the quote stage, textacy on the parse.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _scoring as sc  # noqa: E402 - the bench folder is not a package

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
KINDS = ("direct", "mixed", "indirect")
#: Quoted stretches: curly, straight, and the doubled apostrophes of wire and archive text (''…'', ``…'').
_QUOTED = re.compile(r"“[^”\n]*”|(?:''|``)[^\n]*?''|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W_]+")
#: Words that open a source without naming anyone ("The campaign", "He").
_NOT_NAMES = frozenset("the a an he she it they his her its their this that these those mr mrs ms dr".split())


@dataclass
class Gold:
    """One gold attribution: content parts, source spans, and the kind read from its marks."""

    content: list[tuple[int, int]]
    sources: list[tuple[int, int]]
    kind: str

    @property
    def chars(self) -> set[int]:
        return {i for s, e in self.content for i in range(s, e)}


@dataclass
class Pred:
    """One system quote with its speaker span and the names its speaker goes by."""

    start: int
    end: int
    kind: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    names: tuple[str, ...] = ()
    cue: tuple[int, int] | None = None
    #: the content's parts when it has several (an attribution joined from quotes sharing a cue)
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def chars(self) -> list[int]:
        return [i for s, e in (self.parts or ((self.start, self.end),)) for i in range(s, e)]


@dataclass
class Tally:
    """Counts of one system over the whole split."""

    counts: dict[str, sc.Counts] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, counts: sc.Counts) -> None:
        self.counts.setdefault(key, sc.Counts())
        self.counts[key] += counts

    def time(self, key: str, seconds: float) -> None:
        self.seconds.setdefault(key, []).append(seconds)


# -- reading the corpus ---------------------------------------------------------


def load(folder: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    """``(name, text, gold attributions)`` of every article of ``split``, sorted by name."""
    base = folder / split
    out = []
    for path in sorted((base / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        files = sorted((base / "attributions").glob(f"{path.stem}_*.ann"))
        if files:
            out.append((path.stem, text, _read_ann(files[0].read_text(encoding="utf-8"), text)))
    return out


def _read_ann(ann: str, text: str) -> list[Gold]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = [(int(a), int(b)) for a, b in (o.split() for o in offsets.split(";"))]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""), [])
        if content:
            sources = spans.get(event.get("Source", ""), [])
            gold.append(Gold(content, sources, kind_of(text, content)))
    return gold


def kind_of(text: str, content: list[tuple[int, int]]) -> str:
    """``direct``, ``mixed`` or ``indirect``: how many of the content's words lie inside quote marks."""
    quoted = {i for m in _QUOTED.finditer(text) for i in range(m.start(), m.end())}
    words = [m.start() + s for s, e in content for m in _WORD.finditer(text[s:e])]
    inside = sum(w in quoted for w in words)
    if words and inside == len(words):
        return "direct"
    return "mixed" if inside else "indirect"


# -- scoring ---------------------------------------------------------------------


def _content_overlap(gold: Gold, pred: Pred) -> float:
    chars = gold.chars
    mine = pred.chars
    shared = sum(1 for i in mine if i in chars)
    if shared * 2 < len(chars) or shared * 2 < len(mine):
        return 0.0
    return shared / max(len(chars), len(mine))


def attributions(text: str, pred: list[Pred]) -> list[Pred]:
    """Quotes of one paragraph that share a cue joined into one attribution, its content in parts (rule 6).

    The joined kind is ``direct`` when every part is, else ``mixed``; speaker and names are the first part's
    that has a speaker.
    """
    out: list[Pred] = []
    for item in sorted(pred, key=lambda p: (p.start, p.end)):
        last = out[-1] if out else None
        if (last is not None and item.cue is not None and item.cue == last.cue
                and "\n" not in text[last.end:item.start]):
            spoken = last if last.speaker_start is not None else item
            out[-1] = Pred(last.start, max(last.end, item.end),
                           "direct" if last.kind == item.kind == "direct" else "mixed",
                           spoken.speaker_start, spoken.speaker_end, spoken.names or last.names or item.names,
                           last.cue, (*(last.parts or ((last.start, last.end),)), (item.start, item.end)))
        else:
            out.append(item)
    return out


def _names_match(text: str, gold: Gold, pred: Pred) -> bool:
    words = {w.lower() for s, e in gold.sources for w in _WORD.findall(text[s:e])} - _NOT_NAMES
    named = any(text[s:e][:1].isupper() for s, e in gold.sources) and words
    return bool(named) and any(name.split()[-1].lower() in words for name in pred.names if name.split())


def score(text: str, gold: list[Gold], pred: list[Pred], tally: Tally) -> list[tuple[int, int]]:
    """Add one article's counts to ``tally``; returns the matched ``(gold, pred)`` pairs."""
    pairs = sc.greedy_match(gold, pred, _content_overlap)  # type: ignore[arg-type]
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    tally.add("content", sc.Counts(len(pairs), len(pred), len(pairs), len(gold)))
    for kind in KINDS:
        g = [i for i, item in enumerate(gold) if item.kind == kind]
        p = [j for j, item in enumerate(pred) if item.kind == kind]
        tally.add(f"content.{kind}", sc.Counts(sum(j in matched_p for j in p), len(p),
                                               sum(i in matched_g for i in g), len(g)))
    source = [(i, j) for i, j in pairs if _source_overlaps(gold[i], pred[j])]
    speaker = [(i, j) for i, j in pairs if (i, j) in source or _names_match(text, gold[i], pred[j])]
    tally.add("source", sc.Counts(len(source), len(pred), len(source), len(gold)))
    tally.add("speaker", sc.Counts(len(speaker), len(pred), len(speaker), len(gold)))
    for kind in KINDS:
        tally.add(f"speaker.{kind}", sc.Counts(sum(pred[j].kind == kind for _, j in speaker),
                                               sum(p.kind == kind for p in pred),
                                               sum(gold[i].kind == kind for i, _ in speaker),
                                               sum(g.kind == kind for g in gold)))
    named = [(i, j) for i, j in pairs if gold[i].kind == pred[j].kind == "direct" and _names_someone(text, gold[i])]
    right = sum(_names_match(text, gold[i], pred[j]) for i, j in named)
    tally.add("named.direct", sc.Counts(right, len(named), right, len(named)))
    return pairs


def _names_someone(text: str, gold: Gold) -> bool:
    """Whether a gold source is a name ("Donald Trump", "Trump's campaign"), not only "he" or "the campaign"."""
    words = {w.lower() for s, e in gold.sources for w in _WORD.findall(text[s:e])} - _NOT_NAMES
    return bool(words) and any(text[s:e][:1].isupper() and text[s:e].lower() not in _NOT_NAMES for s, e in gold.sources)


def _source_overlaps(gold: Gold, pred: Pred) -> bool:
    if pred.speaker_start is None or pred.speaker_end is None:
        return False
    return any(min(e, pred.speaker_end) > max(s, pred.speaker_start) for s, e in gold.sources)


# -- systems ---------------------------------------------------------------------


class Systems:
    """newsprism's entities + quotes stages and textacy's direct quotations on the same parse."""

    def __init__(self) -> None:
        from newsprism.config import Settings
        from newsprism.extract.nlp import ParseCache
        from newsprism.registry import get_factory

        settings = Settings()
        # one parse per article shared by both stages, as in the pipeline: the quote time is the stage's own work
        self.parses = ParseCache()
        self.entities = get_factory("extract.entities")(settings, parses=self.parses)
        self.quotes = get_factory("extract.quotes")(settings, parses=self.parses)
        try:
            from textacy.extract.triples import direct_quotations
        except ImportError:
            print("textacy is not installed: its column reads n/a (pip install textacy)", file=sys.stderr)
            self.textacy: Any = None
        else:
            self.textacy = direct_quotations

    def newsprism(self, text: str, tally: Tally) -> list[Pred]:
        from newsprism.model import Article

        start = time.perf_counter()
        article = next(iter(self.entities.pipe([Article(id="x", text=text)])))
        middle = time.perf_counter()
        article = next(iter(self.quotes.pipe([article])))
        tally.time("parse + entities", middle - start)
        tally.time("quotes", time.perf_counter() - middle)
        self.doc = self.parses.parse([text], model=self.entities.settings.spacy_model)[0]
        self.parses.clear()
        names = {e.id: (e.name, *e.variants) for e in article.entities}
        return [Pred(q.start, q.end, q.kind, q.speaker_start, q.speaker_end, names.get(q.speaker or "", ()),
                     (q.cue_start, q.cue_end) if q.cue_start is not None and q.cue_end is not None else None)
                for q in article.quotes]

    def anchor(self, text: str, tally: Tally) -> list[Pred] | None:
        if self.textacy is None:
            return None
        start = time.perf_counter()
        out = []
        for offset, triples in _textacy_triples(self.doc, self.textacy):
            for triple in triples:
                speaker, cue = triple.speaker, triple.cue
                out.append(Pred(triple.content.start_char + offset, triple.content.end_char + offset, "direct",
                                speaker[0].idx + offset if speaker else None,
                                speaker[-1].idx + len(speaker[-1]) + offset if speaker else None,
                                (" ".join(t.text for t in speaker),) if speaker else (),
                                (cue[0].idx + offset, cue[-1].idx + len(cue[-1]) + offset) if cue else None))
        tally.time("textacy", time.perf_counter() - start)
        return out


def _textacy_triples(doc: Any, extract: Any) -> list[tuple[int, list[Any]]]:
    """textacy's quotations of the whole parse, or of each paragraph (same parse, offset kept) when it raises.

    textacy raises on unbalanced quote marks; a paragraph it still cannot read yields nothing.
    """
    try:
        return [(0, list(extract(doc)))]
    except Exception:  # noqa: BLE001 - retried paragraph by paragraph below
        pass
    out = []
    for match in re.finditer(r"[^\n]+", doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        try:
            out.append((span.start_char, list(extract(span.as_doc()))))
        except Exception:  # noqa: BLE001,S112 - this paragraph yields nothing
            continue
    return out


# -- report ----------------------------------------------------------------------


def evaluate(folder: Path = DEFAULT_POLNEAR, *, split: str = "dev", limit: int = 0,
             misses: bool = False) -> dict[str, Any]:
    """Both systems over ``split``; returns scores and median times."""
    articles = load(folder, split)[: limit or None]
    systems = Systems()
    tallies = {"newsprism": Tally(), "textacy": Tally()}
    joined = {"newsprism": Tally(), "textacy": Tally()}
    for name, text, gold in articles:
        pred = systems.newsprism(text, tallies["newsprism"])
        pairs = score(text, gold, pred, tallies["newsprism"])
        score(text, gold, attributions(text, pred), joined["newsprism"])
        if misses:
            _print_misses(name, text, gold, pred, pairs)
        anchor = systems.anchor(text, tallies["textacy"])
        if anchor is not None:
            score(text, gold, anchor, tallies["textacy"])
            score(text, gold, attributions(text, anchor), joined["textacy"])
    for system, tally in joined.items():
        for key, counts in tally.counts.items():
            tallies[system].add(f"attribution.{key}", counts)
    kinds = {kind: sum(g.kind == kind for _, _, gold in articles for g in gold) for kind in KINDS}
    out: dict[str, Any] = {"split": split, "articles": len(articles), "gold_by_kind": kinds, "systems": {}}
    for system, tally in tallies.items():
        if tally.counts:
            out["systems"][system] = {
                "scores": {key: counts.as_dict() for key, counts in tally.counts.items()},
                "median_ms_per_article": {key: round(statistics.median(v) * 1000, 1)
                                          for key, v in tally.seconds.items()},
            }
    return out


def _print_misses(name: str, text: str, gold: list[Gold], pred: list[Pred], pairs: list[tuple[int, int]]) -> None:
    def show(s: int, e: int) -> str:
        return repr(text[s:e][:80])

    lines = []
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if not _source_overlaps(g, p) and not _names_match(text, g, p):
            src = "; ".join(text[s:e] for s, e in g.sources) or "-"
            got = text[p.speaker_start:p.speaker_end] if p.speaker_start is not None else "-"
            lines.append(f"  SPEAKER {g.kind} gold {src!r} / got {got!r} {p.names[:1]}: {show(p.start, p.end)}")
    taken_g, taken_p = {i for i, _ in pairs}, {j for _, j in pairs}
    lines += [f"  MISS {g.kind} {show(g.content[0][0], g.content[-1][1])}" for i, g in enumerate(gold)
              if i not in taken_g]
    lines += [f"  FP {p.kind} {show(p.start, p.end)}" for j, p in enumerate(pred) if j not in taken_p]
    if lines:
        print(name, *lines, sep="\n", file=sys.stderr)


ROWS = [("content", "content (all kinds)"), *((f"content.{k}", f"content {k}") for k in KINDS),
        ("source", "source span + content"), ("speaker", "speaker + content"),
        *((f"speaker.{k}", f"speaker + content {k}") for k in KINDS),
        ("named.direct", "named speaker, direct"),
        ("attribution.content.direct", "by attribution: content direct"),
        ("attribution.speaker", "by attribution: speaker + content"),
        ("attribution.speaker.direct", "by attribution: speaker + content direct")]


def print_table(summary: dict[str, Any]) -> None:
    """The side-by-side table on stdout."""
    names = list(summary["systems"])
    print(f"PolNeAR {summary['split']}: {summary['articles']} articles; gold by kind {summary['gold_by_kind']}")
    print(f"{'score':42s}" + "".join(f"{n:>24s}" for n in names))
    print(" " * 42 + "".join(f"{'P     R     F1':>24s}" for _ in names))
    for key, label in ROWS:
        cells = []
        for name in names:
            s = summary["systems"][name]["scores"].get(key)
            cells.append(f"{s['p']:.3f} {s['r']:.3f} {s['f1']:.3f}" if s else "n/a")
        print(f"{label:42s}" + "".join(f"{c:>24s}" for c in cells))
    for name in names:
        times = summary["systems"][name]["median_ms_per_article"]
        print(f"{name}: median ms per article " + ", ".join(f"{k} {v:.0f}" for k, v in times.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR folder (train/, dev/)")
    parser.add_argument("--split", choices=["dev", "train"], default="dev", help="split to score (report dev)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--misses", action="store_true", help="print newsprism's misses to stderr")
    args = parser.parse_args(argv)
    if not (args.polnear / args.split).exists():
        print(f"PolNeAR not found: {args.polnear} (see ../shared/data/README.md)", file=sys.stderr)
        return 1
    summary = evaluate(args.polnear, split=args.split, limit=args.limit, misses=args.misses)
    print(json.dumps(summary, indent=2) if args.json else "", end="")
    if not args.json:
        print_table(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
