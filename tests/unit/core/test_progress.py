"""Progress of long runs (#15): an ingest tells its callback of every document, with a total when one can be
known; a link run tells each step's start and end; nothing is printed."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.ingest import Ingestor, ingest
from newsprism.link.run import link_corpus
from newsprism.model import RawDocument
from newsprism.progress import IngestProgress, ReadMeter, Step
from newsprism.sources import iter_documents
from newsprism.store import open_store

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
FAST = Settings(stages=("clean.text",), batch_size=8)
GOOD = "Officials said on Tuesday that {n} people had been evacuated from the river town of Galati.\n"


def _folder(tmp_path: Path, count: int, *, bad: int = 0) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(count):
        (folder / f"doc-{n:02}.txt").write_text(GOOD.format(n=400 + n))
    for n in range(bad):
        (folder / f"empty-{n}.txt").write_bytes(b"")
    return folder


def _ingest(tmp_path: Path, specs: list[str], *, workers: int = 1, settings: Settings = FAST
            ) -> tuple[list[IngestProgress], int]:
    told: list[IngestProgress] = []
    store = open_store(tmp_path / "c.db")
    try:
        summary = ingest(specs, store=store, settings=settings, workers=workers, progress=told.append)
    finally:
        store.close()
    return told, summary.read


def _one_each(told: list[IngestProgress], read: int) -> None:
    """One call per document read, in order, and never backwards."""
    assert [p.documents for p in told] == list(range(1, read + 1))
    assert all(a.done <= b.done for a, b in zip(told, told[1:], strict=False))


@pytest.mark.issue(15)
def test_progress_ingest_tells_each_document_of_a_folder_with_its_total(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 19, bad=2)  # 19 stored, 2 failed: each one is a finished document
    told, read = _ingest(tmp_path, [str(folder)])
    assert read == 21
    _one_each(told, read)
    assert {(p.unit, p.total) for p in told} == {("documents", 21)}
    assert [p.done for p in told] == [p.documents for p in told]
    again, read = _ingest(tmp_path, [str(folder)])  # already ingested, or failed for good: finished too
    _one_each(again, read)


@pytest.mark.issue(15)
def test_progress_ingest_through_the_pool_tells_each_document_in_order(tmp_path: Path) -> None:
    told, read = _ingest(tmp_path, [str(_folder(tmp_path, 12))], workers=2, settings=FAST.replace(batch_size=4))
    assert read == 12
    _one_each(told, read)


def _warc(path: Path, records: int) -> Path:
    """A plain WARC of ``records`` HTML pages of about 5 kB each."""
    with path.open("wb") as out:
        for n in range(records):
            body = f"<html><body><p>{GOOD.format(n=n) * 50}</p></body></html>".encode()
            out.write(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://e.example/%d\r\n"
                      b"Content-Type: text/html\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n" % (n, len(body), body))
    return path


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", ["articles.jsonl", "feed.xml", "pages.warc"])
def test_progress_ingest_of_an_archive_counts_its_bytes(tmp_path: Path, name: str) -> None:
    path = _warc(tmp_path / name, 80) if name.endswith(".warc") else EXAMPLES / name
    told, read = _ingest(tmp_path, [str(path)])
    size = path.stat().st_size
    _one_each(told, read)
    assert {(p.unit, p.total) for p in told} == {("bytes", size)}
    # it moves with the documents (a WARC with each 64 kB read), not once at the end
    assert len({p.done for p in told}) >= (read // 2 if name != "pages.warc" else size // (1 << 16))
    assert 0 < told[0].done < size / 2 and told[-1].done == size


@pytest.mark.issue(15)
def test_progress_gzipped_json_lines_count_compressed_bytes(tmp_path: Path) -> None:
    lines = (EXAMPLES / "wikinews" / "articles.jsonl").read_bytes().splitlines(keepends=True)[:150]
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(lines)))
    meter = ReadMeter.plan([str(path)])
    positions = [meter.position for _ in iter_documents([str(path)], settings=FAST, meter=meter)]
    assert meter.total == path.stat().st_size and positions[-1] == meter.total
    assert len(set(positions)) > 2 and positions == sorted(positions)


@pytest.mark.parametrize(("specs", "unit", "total"), [
    (["text"], "documents", 4),  # files of one document each: counted
    (["text", "kherson-scraped.txt"], "documents", 5),
    (["articles.jsonl"], "bytes", (EXAMPLES / "articles.jsonl").stat().st_size),
    (["text", "pages.warc.gz"], "bytes", sum(p.stat().st_size for p in (EXAMPLES / "text").iterdir())
     + (EXAMPLES / "pages.warc.gz").stat().st_size),
    (["https://example.com/feed.xml"], "documents", None),  # known once the feed is read
    (["-"], "documents", None),
])
def test_progress_plan_picks_a_unit_and_a_total(specs: list[str], unit: str, total: int | None) -> None:
    meter = ReadMeter.plan([s if "://" in s or s == "-" else str(EXAMPLES / s) for s in specs])
    assert (meter.unit, meter.total) == (unit, total)


def test_progress_a_folder_counts_every_file_it_walks(tmp_path: Path) -> None:
    # files the walk skips (unknown type, XML that is not a feed) are gone through too: the total is reached
    shutil.copy(EXAMPLES / "articles.jsonl", tmp_path / "a.jsonl")
    (tmp_path / "notes.md").write_text("not read\n" * 50)
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>')
    (tmp_path / "z.txt").write_text(GOOD.format(n=1))
    meter = ReadMeter.plan([str(tmp_path)])
    positions = [meter.position for _ in iter_documents([str(tmp_path)], settings=FAST, meter=meter)]
    assert meter.unit == "bytes" and positions[-1] == meter.total == sum(p.stat().st_size for p in tmp_path.iterdir())


def test_progress_a_single_feed_gives_its_items_as_the_total() -> None:
    meter = ReadMeter(feed_is_total=True)
    meter.item(1, 7)
    assert (meter.unit, meter.total) == ("documents", 7)
    other = ReadMeter()  # one of several inputs: its items are not the run's total
    other.item(1, 7)
    assert other.total is None


@pytest.mark.issue(15)
def test_progress_first_batches_are_small(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    try:
        ingestor = Ingestor(store, settings=Settings(batch_size=16), workers=1)
        documents = [RawDocument(content=GOOD.format(n=n), kind="text", source=f"d{n}") for n in range(70)]
        sizes = [len(batch.positions) for batch in ingestor.prepare(documents)]
    finally:
        store.close()
    assert sizes == [1, 2, 4, 8, 16, 16, 16, 7]


@pytest.mark.issue(15)
def test_progress_link_reports_each_step_start_and_end(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    try:
        ingest([str(EXAMPLES / "text")], store=store, settings=FAST, workers=1, link=False)  # the first link below
        steps: list[Step] = []
        summary = link_corpus(store, report=steps.append)
        quiet = link_corpus(store)  # without a callback: the same result, nothing told
    finally:
        store.close()
    names = ["read", "furniture", "duplicates", "vectors", "stories", "lineage", "entities", "claims", "write"]
    assert [(s.name, s.finished) for s in steps] == [(name, done) for name in names for done in (False, True)]
    ended = {s.name: s for s in steps if s.finished}
    assert all(s.seconds is not None and s.seconds >= 0 for s in ended.values())
    assert ended["read"].message.split(" (")[0] == "4 articles" and ended["stories"].message == f"{summary.stories} story"
    assert quiet.stories == summary.stories
