"""TimeBank 1.2 for ``bench/facts.py --timebank``: reader, dateparser anchor and DATE-value scoring.

The corpus is ``timebank/`` under the shared data folder (TempEval-3
"TBAQ-cleaned" TimeBank, 183 news documents; evaluation only, never shipped:
see its NOTICE.md). Each ``.tml`` file gives the document creation time
(``<DCT>``, used as the publication date) and inline ``<TIMEX3>`` gold in
``<TEXT>``; the plain text is ``<TEXT>`` with every tag removed, so gold
offsets point into exactly the text the systems read.

Scores, one row per system, both systems in the same run:

- **DATE value, exact**: gold DATE timexes whose overlapping prediction (one to
  one, largest overlap first) has exactly the gold value, over all gold DATEs.
- **DATE value, lenient**: the same, but a value also counts when it names the
  same date at another granularity (one value a prefix of the other, the
  shorter at least a year: ``1998-02`` for ``1998-02-13``), when the gold
  leaves a field unknown that the prediction fills (``XXXX-WI`` for
  ``1998-WI``), or when the gold ``PRESENT_REF`` is the creation day.
- both split into **absolute** (gold ``temporalFunction="false"``: the text
  names the date) and **relative** (``"true"``: it must be computed from the
  creation time or another date), and by outlet: **wsj** (Wall Street Journal
  stories of 1989-91, mostly earnings) and **wires** (AP, NYT, CNN, ABC, PRI,
  VOA and the other wire and broadcast stories).
- **detection**: precision and recall of any overlap, one to one, over all
  TIMEX3 types (DATE, TIME, DURATION, SET) and all predictions.
- median milliseconds per document of each system's date step alone.

The anchor is dateparser ``search_dates`` with the creation time as
``RELATIVE_BASE`` (past preferred, as in the dev-set baseline), followed by a
granularity pass: a surface with a day number gives a day, a month name
without a day a month, a bare year a year, "week" an ISO week; otherwise
the day dateparser returns.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _scoring as sc  # noqa: E402 - the bench folder is not a package

Item = dict[str, Any]
Finder = Callable[[str, str], list[Item]]


@dataclass(frozen=True)
class GoldDocument:
    """One TimeBank document: its id, creation date, plain text and TIMEX3 gold."""

    doc_id: str
    dct: str
    text: str
    timexes: list[Item]


def read_tml(path: Path) -> GoldDocument:
    """Parse one ``.tml`` file; gold offsets index the tag-free ``<TEXT>``."""
    root = ET.parse(path).getroot()
    dct_node = root.find("DCT/TIMEX3")
    if dct_node is None:
        raise ValueError(f"{path.name}: no <DCT> TIMEX3")
    text_node = root.find("TEXT")
    if text_node is None:
        raise ValueError(f"{path.name}: no <TEXT>")
    parts: list[str] = []
    timexes: list[Item] = []

    def walk(node: ET.Element) -> None:
        start = sum(map(len, parts))
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag == "TIMEX3":
            end = sum(map(len, parts))
            timexes.append({"start": start, "end": end, "type": node.get("type", ""),
                            "value": node.get("value", ""),
                            "relative": node.get("temporalFunction", "false") == "true"})

    walk(text_node)
    text = "".join(parts)
    for timex in timexes:
        timex["text"] = text[timex["start"]:timex["end"]]
    return GoldDocument(path.stem, (dct_node.get("value") or "")[:10], text, timexes)


def load_timebank(folder: Path) -> list[GoldDocument]:
    """Every ``.tml`` document of ``folder``, sorted by name."""
    return [read_tml(path) for path in sorted(folder.glob("*.tml"))]


# -- the two systems -------------------------------------------------------------------


def newsprism_dates(text: str, dct: str) -> list[Item]:
    """The ``extract.dates`` stage's function on the plain text, creation date as publication date."""
    from newsprism.extract.dates import find_times

    return [{"start": t.start, "end": t.end, "value": t.value} for t in find_times(text, published=dct)]


_DAY_NUMBER = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b")
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.IGNORECASE)
_BARE_YEAR = re.compile(r"^\D*\b(\d{4})\b\D*$")


def dateparser_dates(text: str, dct: str) -> list[Item]:
    """dateparser ``search_dates`` (creation time as base, past preferred) with a granularity pass."""
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(dct)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    out: list[Item] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        out.append({"start": start, "end": cursor, "value": _granular(surface, when)})
    return out


def _granular(surface: str, when: dt.datetime) -> str:
    year = _BARE_YEAR.match(surface)
    if year and not _MONTH_NAME.search(surface):
        return year.group(1)
    without_years = re.sub(r"\b\d{4}\b", "", surface)
    if _MONTH_NAME.search(surface) and not _DAY_NUMBER.search(without_years):
        return f"{when.year:04d}-{when.month:02d}"
    if re.search(r"\bweek\b", surface, re.IGNORECASE):
        iso = when.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return when.date().isoformat()


# -- scoring ---------------------------------------------------------------------------


def _overlap(a: Item, b: Item) -> int:
    return max(0, min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"])))


def _pairs(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one overlapping pairs, largest overlap first."""
    return sc.greedy_match(gold, pred, _overlap)


def lenient_match(gold: str, pred: str | None, dct: str) -> bool:
    """Same value up to granularity, unknown gold fields, or ``PRESENT_REF`` for the creation day."""
    if not pred:
        return False
    if gold == pred:
        return True
    if gold == "PRESENT_REF":
        return pred == dct
    if pred == "PRESENT_REF":
        return gold == dct
    if len(gold) == len(pred) and all(g == p or g == "X" for g, p in zip(gold, pred, strict=True)):
        return True
    short, long = sorted((gold, pred), key=len)
    return len(short) >= 4 and short[:4].isdigit() and long.startswith(short)


#: Gold DATE subsets: all; absolute/relative (``temporalFunction``); by outlet, the 1989-91 Wall Street
#: Journal stories (``wsj*``, mostly earnings) against the wire and broadcast ones (AP, NYT, CNN, ABC, PRI, VOA...).
SPLITS = ("all", "absolute", "relative", "wsj", "wires")


@dataclass
class Tally:
    """Counts for one system over the corpus."""

    gold_dates: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SPLITS, 0))
    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SPLITS, 0))
    lenient: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SPLITS, 0))
    n_gold: int = 0
    n_pred: int = 0
    found: int = 0
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, doc: GoldDocument, pred: list[Item]) -> None:
        pairs = dict(_pairs(doc.timexes, pred))
        self.n_gold += len(doc.timexes)
        self.n_pred += len(pred)
        self.found += len(pairs)
        for i, gold in enumerate(doc.timexes):
            if gold["type"] != "DATE":
                continue
            split = "relative" if gold["relative"] else "absolute"
            value = pred[pairs[i]].get("value") if i in pairs else None
            exact = value == gold["value"]
            lenient = lenient_match(gold["value"], value, doc.dct)
            outlet = "wsj" if doc.doc_id.lower().startswith("wsj") else "wires"
            for key in ("all", split, outlet):
                self.gold_dates[key] += 1
                self.exact[key] += exact
                self.lenient[key] += lenient
            if not exact:
                got = f"{pred[pairs[i]]['value']!r} on {doc.text[pred[pairs[i]]['start']:pred[pairs[i]]['end']]!r}" \
                    if i in pairs else "nothing"
                context = " ".join(doc.text[max(0, gold["start"] - 60):gold["end"] + 40].split())
                self.misses.append(f"{doc.doc_id} (dct {doc.dct}) gold {gold['value']} for {gold['text']!r}, "
                                   f"got {got} | {context}")

    def summary(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "date_value_exact": {k: ratio(self.exact[k], n) for k, n in self.gold_dates.items()},
            "date_value_lenient": {k: ratio(self.lenient[k], n) for k, n in self.gold_dates.items()},
            "gold_dates": dict(self.gold_dates),
            "detection": {"p": ratio(self.found, self.n_pred), "r": ratio(self.found, self.n_gold),
                          "gold": self.n_gold, "predicted": self.n_pred},
            "median_ms_per_document": round(statistics.median(self.seconds) * 1000, 2) if self.seconds else 0.0,
        }


SYSTEMS: dict[str, Finder] = {"dateparser": dateparser_dates, "newsprism": newsprism_dates}


def evaluate_timebank(folder: Path, *, systems: Sequence[str] = ("dateparser", "newsprism"),
                      limit: int = 0) -> tuple[dict[str, Any], dict[str, Tally]]:
    """Run each system over every document (interleaved, so load hits both alike) and score them."""
    docs = load_timebank(folder)
    if limit:
        docs = docs[:limit]
    tallies = {name: Tally() for name in systems}
    for name in systems:  # warm up: imports and compiled patterns are not per-document time
        SYSTEMS[name]("It rained on Monday, March 2.", "1998-03-04")
    for doc in docs:
        for name in systems:
            start = time.perf_counter()
            pred = SYSTEMS[name](doc.text, doc.dct)
            tallies[name].seconds.append(time.perf_counter() - start)
            tallies[name].add(doc, pred)
    summary = {"documents": len(docs), "systems": {name: t.summary() for name, t in tallies.items()}}
    return summary, tallies


def _cell(score: str, split: str) -> Callable[[dict[str, Any]], str]:
    return lambda system: f"{system[score][split]:.3f}"


def print_timebank(summary: dict[str, Any]) -> None:
    """The side-by-side TimeBank table on stdout."""
    names = list(summary["systems"])
    first = summary["systems"][names[0]]
    gold = first["gold_dates"]
    print(f"\nTimeBank: {summary['documents']} documents, {first['detection']['gold']} TIMEX3, "
          f"{gold['all']} DATE ({gold['absolute']} absolute, {gold['relative']} relative; "
          f"{gold['wsj']} wsj, {gold['wires']} wires)")
    print(f"{'score':34s}" + "".join(f"{n:>14s}" for n in names))
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = []
    for scoring in ("exact", "lenient"):
        for split in SPLITS:
            rows.append((f"DATE value {scoring}, {split}", _cell(f"date_value_{scoring}", split)))
    rows += [("TIMEX3 detection P / R", lambda s: f"{s['detection']['p']:.3f} / {s['detection']['r']:.3f}"),
             ("median ms per document", lambda s: f"{s['median_ms_per_document']:.2f}")]
    for label, cell in rows:
        print(f"{label:34s}" + "".join(f"{cell(summary['systems'][n]):>14s}" for n in names))
