"""Files, folders, standard input and bad input."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.model import Failure, RawDocument
from newsprism.sources import count_specs, iter_documents

DATA = Path(__file__).parent / "data"

SITE = DATA / "site"


def _run(specs: list[str], settings: Settings | None = None, stdin: bytes | None = None) -> list[RawDocument | Failure]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_documents(specs, settings=settings or Settings(), stdin=stream))


def test_files_folder_is_walked_recursively_in_sorted_order() -> None:
    items = _run([str(SITE)])
    assert all(isinstance(item, RawDocument) for item in items)
    # README.md (unknown type) and .hidden.html (hidden) are skipped.
    assert [Path(item.source).relative_to(SITE).as_posix() for item in items] == [
        "bridge.html", "notes.txt", "world/harbour.htm"]
    assert [item.kind for item in items if isinstance(item, RawDocument)] == ["html", "text", "html"]
    assert _run([str(SITE)]) == items  # deterministic


def test_files_undecodable_bytes_are_kept_as_bytes() -> None:
    (item,) = _run([str(SITE / "world" / "harbour.htm")])
    assert isinstance(item, RawDocument)
    assert isinstance(item.content, bytes) and b"Caf\xe9" in item.content


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.html", b"", "E105"),
        ("blank.txt", b" \n\t\n", "E105"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E106"),
        ("old.arc", b"filedesc://crawl.arc 0.0.0.0 20080430204825 text/plain 76\n", "E109"),
        ("truncated.html.gz", gzip.compress(" ".join(f"w{i}" for i in range(150)).encode())[:150], "E108"),
        ("big.txt", b"word " * 300, "E107"),
        ("blob.bin", bytes(range(256)) * 4, "E106"),
        # rows that must NOT fail
        ("fine.txt", "Kherson, 9 November. Café.".encode(), None),
        ("utf16.txt", "Kherson is free".encode("utf-16"), None),
        ("page.html.gz", gzip.compress(b"<html><body><p>Gzipped page.</p></body></html>"), None),
        ("no-extension", b"<!DOCTYPE html><html><body><p>Sniffed.</p></body></html>", None),
    ],
)
def test_files_bad_input_gives_one_failure(tmp_path: Path, name: str, content: bytes, code: str | None) -> None:
    (tmp_path / name).write_bytes(content)
    items = _run([str(tmp_path / name)], Settings(max_bytes=1000))
    assert len(items) == 1
    item = items[0]
    if code is None:
        assert isinstance(item, RawDocument), item
    else:
        assert isinstance(item, Failure) and item.code == code, item
        assert ";" in item.message  # what and why; what to do


def test_files_bad_file_does_not_stop_the_folder(tmp_path: Path) -> None:
    shutil.copytree(SITE, tmp_path / "site")
    (tmp_path / "site" / "a-empty.html").write_bytes(b"")
    (tmp_path / "site" / "b-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    items = _run([str(tmp_path / "site")])
    codes = [item.code if isinstance(item, Failure) else item.kind for item in items]
    assert codes == ["E105", "E106", "html", "text", "html"]


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        ("no/such/folder", "E104"),
        ("missing.html", "E104"),
        ("ftp://example.org/file.html", "E112"),
    ],
)
def test_files_missing_spec_is_a_failure_not_an_exception(spec: str, code: str) -> None:
    (item,) = _run([spec])
    assert isinstance(item, Failure) and item.code == code
    assert spec in item.message


@pytest.mark.parametrize(
    ("data", "kind", "code"),
    [
        (b"<html><body><p>From a pipe.</p></body></html>", "html", None),
        (b"Plain text from a pipe.\nSecond line.", "text", None),
        (b"", None, "E105"),
        (b"\x00\x00binary", None, "E106"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", None, "E109"),
        (b"x" * 2000, None, "E107"),
    ],
)
def test_files_stdin(data: bytes, kind: str | None, code: str | None) -> None:
    items = _run(["-"], Settings(max_bytes=1000), stdin=data)
    assert len(items) == 1
    item = items[0]
    if code is None:
        assert isinstance(item, RawDocument) and item.kind == kind and item.source == "<stdin>"
        assert item.content == data
    else:
        assert isinstance(item, Failure) and item.code == code


def test_files_stdin_feed_is_read_as_feed() -> None:
    data = (DATA / "feeds" / "news.atom").read_bytes()
    items = _run(["-"], Settings(follow_feed_links=False), stdin=data)
    assert [item.title for item in items if isinstance(item, RawDocument)] == ["Harbour strike ends"]


def test_files_specs_keep_their_order() -> None:
    items = _run([str(SITE / "notes.txt"), "missing.txt", str(SITE / "bridge.html")])
    assert [type(item).__name__ for item in items] == ["RawDocument", "Failure", "RawDocument"]


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        ([str(SITE)], 3),
        ([str(SITE / "bridge.html"), "missing.html"], 2),
        ([str(DATA / "articles.jsonl")], None),
        (["-"], None),
        (["https://example.org/"], None),
    ],
)
def test_files_count_specs(specs: list[str], expected: int | None) -> None:
    assert count_specs(specs) == expected


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "spelling",
    [
        "{abs}/site",
        "site",
        "./site",
        "./site/",
        "site/../site",
        "{abs}//site/.",
        "file://{abs}/site",
        "link",  # a symbolic link to the folder
        "./link/",
    ],
)
def test_files_source_is_one_spelling_however_the_path_is_written(tmp_path: Path, spelling: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A document's stored record must not depend on how (or from where) the path was written (#18).
    shutil.copytree(SITE, tmp_path / "site")
    (tmp_path / "link").symlink_to(tmp_path / "site", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    site = (tmp_path / "site").resolve()
    items = _run([spelling.format(abs=tmp_path)])
    assert [item.source for item in items] == [
        str(site / "bridge.html"), str(site / "notes.txt"), str(site / "world" / "harbour.htm")]


@pytest.mark.issue(18)
def test_files_source_of_a_single_file_and_a_missing_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SITE, tmp_path / "site")
    monkeypatch.chdir(tmp_path / "site")
    (found,) = _run(["./world/../notes.txt"])
    (missing,) = _run(["./gone.html"])
    assert found.source == str((tmp_path / "site" / "notes.txt").resolve())
    assert isinstance(missing, Failure) and missing.source == str((tmp_path / "site" / "gone.html").resolve())
    assert "./gone.html" in missing.message  # the message quotes the path as the user wrote it


@pytest.mark.issue(16)
def test_files_reader_error_nobody_foresaw_costs_that_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.sources.jsonl as jsonl

    def explode(data: object, *, source: str) -> object:
        if isinstance(data, dict) and data.get("text") == "boom":
            raise MemoryError("injected")
        return real(data, source=source)

    real = jsonl._document
    monkeypatch.setattr(jsonl, "_document", explode)
    (tmp_path / "a.jsonl").write_text('{"text": "First."}\n{"text": "boom"}\n{"text": "Lost with its file."}\n')
    (tmp_path / "b.txt").write_text("The next file is read.")
    items = _run([str(tmp_path)])
    summary = [(Path(item.source).name, item.code if isinstance(item, Failure) else item.kind) for item in items]
    assert summary == [("a.jsonl:1", "text"), ("a.jsonl", "E102"), ("b.txt", "text")]
    assert isinstance(items[1], Failure) and "MemoryError: injected" in items[1].message
