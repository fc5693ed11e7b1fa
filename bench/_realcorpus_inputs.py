"""The inputs of bench/realcorpus.py: every news document of the shared data, as ingestible files.

Each input set becomes one folder under ``<work>/inputs/<set>/``, so that an
article's ``source`` (a path under that folder) tells which set it came from:

- HTML pages (``extraction-dev``, ``extraction-dev2``) and WARC files are
  linked (symbolic links), not copied: newsprism reads ``.html.gz`` and
  ``.warc.gz`` files from a folder as they are;
- every other set is written as one JSON Lines file with the fields
  newsprism's JSON Lines reader takes (``url``, ``title``, ``published``,
  ``text``); the rest (``lang``, ``publisher``, the set's own id) goes to the
  document's metadata, where the report reads the labelled language back.

The converters (``*_record(s)``) are pure: text in, records out.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ecbplus_read import EcbDoc, read_corpus  # noqa: E402 - the bench folder is not a package
from semeval import _PLAIN_PAIR, CSV_NAME, split_headline  # noqa: E402

Record = dict[str, str]

ROOT = Path(__file__).resolve().parents[1]
KHERSON = ROOT / "examples" / "kherson-scraped.txt"
#: Input sets in ingest order: (name, folder under the shared data, how it is read).
SETS: tuple[tuple[str, str, str], ...] = (
    ("extraction-dev", "extraction-dev/html", "html"),
    ("extraction-dev2", "extraction-dev2/html", "html"),
    ("warc", "warc", "warc"),
    ("wikinews", "wikinews/articles.jsonl", "jsonl"),
    ("semeval2022", "semeval2022-task8-train", "jsonl"),
    ("polnear", "polnear", "jsonl"),
    ("geowebnews", "geowebnews/GWN.xml", "jsonl"),
    ("timebank", "timebank", "jsonl"),
    ("ecbplus", "ecbplus-dev", "jsonl"),
    ("kherson", "", "jsonl"),
)
_WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc", ".arc.gz")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class InputSet:
    """One input set as written in the work folder."""

    name: str
    folder: Path
    files: int
    records: int | None  # JSON Lines records; None for pages and archives, read by newsprism itself
    missing: str | None = None  # why the set is absent from the shared data


# -- converters (pure) -------------------------------------------------------------


def timebank_record(tml: str, *, name: str) -> Record:
    """A TimeBank ``.tml`` file as a record: the ``<TEXT>`` without its tags, the DCT as publication date.

    >>> timebank_record('<TimeML><DCT><TIMEX3 value="1998-02-13T14:26:00">x</TIMEX3></DCT>'
    ...                 '<TEXT>Howard <EVENT>said</EVENT> so.</TEXT></TimeML>', name="APW1")["published"]
    '1998-02-13T14:26:00'
    """
    root = ET.fromstring(tml)
    body = root.find("TEXT")
    text = "".join(body.itertext()) if body is not None else ""
    record: Record = {"text": _tidy(text), "timebank_id": name}
    dct = root.find("DCT/TIMEX3")
    if dct is not None and dct.get("value"):
        record["published"] = dct.get("value", "")
    return record


def geowebnews_records(xml: str) -> list[Record]:
    """The articles of GeoWebNews's ``GWN.xml``: link, title and text (the toponym annotations are left out)."""
    records = []
    for article in ET.fromstring(xml).iter("article"):
        record: Record = {"text": _tidy(article.findtext("text") or ""), "gwn_file": article.get("file", "")}
        for field, tag in (("url", "link"), ("title", "title")):
            value = (article.findtext(tag) or "").strip()
            if value:
                record[field] = value
        records.append(record)
    return records


def polnear_record(text: str, *, name: str, meta: dict[str, str] | None) -> Record:
    """A PolNeAR article with what ``metadata.tsv`` gives of it (title, date, publisher, author)."""
    record: Record = {"text": text.strip(), "polnear_id": name}
    for field, column in (("title", "title"), ("published", "publication_date"), ("publisher", "publisher"),
                          ("author", "author")):
        value = (meta or {}).get(column, "").strip()
        if value and value != "None":
            record[field] = value
    return record


def semeval_records(rows: Iterable[dict[str, str]]) -> list[Record]:
    """Every distinct text of the non-augmented pairs, cross-language ones included, with its language.

    Augmented pairs (a language suffix in the pair id) are machine translations
    made by a participant team and are left out. The headline is split off as
    the title, as ``bench/semeval.py`` does; the set gives no dates.
    """
    records, seen = [], set()
    for row in rows:
        if not _PLAIN_PAIR.fullmatch(row["pair_id"]):
            continue
        for text_id, lang, raw in zip(row["pair_id"].split("_"), (row["lang1"], row["lang2"]),
                                      (row["text1"], row["text2"]), strict=True):
            if raw.strip() and raw not in seen:
                seen.add(raw)
                title, body = split_headline(raw)
                record: Record = {"text": body, "lang": lang, "semeval_id": text_id}
                if title:
                    record["title"] = title
                records.append(record)
    return records


def ecbplus_record(doc: EcbDoc) -> Record:
    """An ECB+ document rebuilt from its tokens, with its URL, date and title when the file gives them."""
    record: Record = {"text": doc.text, "ecb_doc": doc.name}
    for field, value in (("url", doc.url), ("title", doc.title), ("published", doc.published)):
        if value:
            record[field] = value
    return record


def _tidy(text: str) -> str:
    """Runs of spaces folded, lines stripped, no blank lines at either end."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().splitlines())


# -- reading the shared data ----------------------------------------------------------


def _polnear(folder: Path) -> Iterator[Record]:
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    for split in ("train", "dev"):
        for path in sorted((folder / split / "text").glob("*.txt")):
            yield polnear_record(path.read_text("utf-8"), name=path.stem, meta=meta.get(path.stem))


def _semeval(folder: Path) -> list[Record]:
    with (folder / CSV_NAME).open(encoding="utf-8", newline="") as f:
        return semeval_records(csv.DictReader(f))


def _wikinews(path: Path) -> Iterator[Record]:
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            yield {k: str(v) for k, v in json.loads(line).items()}


def _kherson(data: Path) -> list[Record]:
    path = KHERSON if KHERSON.exists() else data.parent / "examples" / KHERSON.name
    return [{"text": path.read_text("utf-8"), "example": KHERSON.name}]


def records_of(name: str, path: Path, data: Path) -> Iterable[Record]:
    """The records of one JSON Lines input set, read from its place in the shared data."""
    readers: dict[str, Callable[[], Iterable[Record]]] = {
        "wikinews": lambda: _wikinews(path),
        "semeval2022": lambda: _semeval(path),
        "polnear": lambda: _polnear(path),
        "geowebnews": lambda: geowebnews_records(path.read_text("utf-8")),
        "timebank": lambda: (timebank_record(p.read_text("utf-8"), name=p.stem) for p in sorted(path.glob("*.tml"))),
        "ecbplus": lambda: (ecbplus_record(doc) for doc in read_corpus(path)),
        "kherson": lambda: _kherson(data),
    }
    return readers[name]()


# -- writing the work folder ----------------------------------------------------------


def _link_files(files: list[Path], folder: Path) -> int:
    for path in files:
        target = folder / path.name
        if target.is_symlink() or target.exists():
            target.unlink()
        target.symlink_to(path.resolve())
    return len(files)


def _write_jsonl(records: Iterable[Record], path: Path, *, limit: int | None) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            if limit is not None and n >= limit:
                break
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def build_inputs(data: Path, work: Path, *, limit: int | None = None) -> list[InputSet]:
    """Write every input set under ``work/inputs``; ``limit`` caps the files or records of each set."""
    built = []
    for name, relative, kind in SETS:
        path = data / relative
        if relative and not path.exists():
            built.append(InputSet(name, work / "inputs" / name, 0, None, missing=f"{path} not found"))
            continue
        folder = work / "inputs" / name
        folder.mkdir(parents=True, exist_ok=True)
        if kind == "html":
            files = sorted(path.glob("*.html.gz"))[:limit]
            built.append(InputSet(name, folder, _link_files(files, folder), None))
        elif kind == "warc":
            files = sorted(p for p in path.iterdir() if p.name.endswith(_WARC_SUFFIXES))[:limit]
            built.append(InputSet(name, folder, _link_files(files, folder), None))
        else:
            n = _write_jsonl(records_of(name, path, data), folder / f"{name}.jsonl", limit=limit)
            built.append(InputSet(name, folder, 1, n))
        print(f"inputs: {name}: {built[-1].records or built[-1].files} "
              f"{'records' if kind == 'jsonl' else 'files'}", file=sys.stderr, flush=True)
    return built


def set_of(source: str, names: Iterable[str]) -> str:
    """The input set an article or failure source (a path under ``inputs/<set>/``) belongs to.

    >>> set_of("/tmp/w/inputs/timebank/timebank.jsonl:12", ["wikinews", "timebank"])
    'timebank'
    """
    found = re.search(r"[/\\]inputs[/\\]([^/\\]+)[/\\]", source)
    name = found.group(1) if found else ""
    return name if name in set(names) else "?"
