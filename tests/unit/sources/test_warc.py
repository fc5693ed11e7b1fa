"""WARC archives: archives we write from our own pages, cut ones, and the real files in ../shared/data/warc."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.model import Failure, RawDocument
from newsprism.sources import iter_documents
from newsprism.sources.warc import dechunk, iter_warc

DATA = Path(__file__).parent / "data"
BRIDGE = (DATA / "site" / "bridge.html").read_bytes()
HARBOUR = (DATA / "site" / "world" / "harbour.htm").read_bytes()


def _shared_warc() -> Path:
    root = os.environ.get("NEWSPRISM_SHARED")
    base = Path(root) if root else Path(__file__).resolve().parents[3].parent / "shared"
    folder = base / "data" / "warc"
    if not folder.is_dir():
        pytest.skip(f"evaluation data not found at {folder} (set NEWSPRISM_SHARED to its folder)")
    return folder


def _chunked(data: bytes, size: int = 100) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size]) for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def write_warc(path: Path, *, gz: bool) -> None:
    """A small crawl of our own pages, with the records a real crawl also holds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = [("Content-Type", "text/html; charset=utf-8")]
    records = [
        ("request", "https://gazette.example.org/bridge", None, b"", []),
        ("response", "https://gazette.example.org/bridge", "200 OK", BRIDGE, html),
        ("response", "https://gazette.example.org/robots.txt", "200 OK", b"User-agent: *\nAllow: /\n",
         [("Content-Type", "text/plain")]),
        ("response", "https://gazette.example.org/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n\x00\x00",
         [("Content-Type", "image/png")]),
        ("response", "https://gazette.example.org/old", "301 Moved Permanently", b"",
         [("Location", "https://gazette.example.org/bridge"), ("Content-Type", "text/html")]),
        ("response", "https://herald.example.org/strike", "200 OK", _chunked(HARBOUR),
         [("Content-Type", "text/html; charset=windows-1252"), ("Transfer-Encoding", "chunked")]),
        ("response", "https://herald.example.org/gz", "200 OK", gzip.compress(BRIDGE),
         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
        ("response", "https://herald.example.org/missing", "404 Not Found", b"<html>gone</html>", html),
        ("conversion", "https://gazette.example.org/bridge", None, b"River bridge reopens after repairs.", []),
    ]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for rec_type, uri, status, body, headers in records:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1") if status else None
            if rec_type == "request":
                http = StatusAndHeaders("GET /bridge HTTP/1.1", [("Host", "gazette.example.org")], is_http_request=True)
            warc_headers = {"WARC-Date": "2022-11-09T10:00:00Z"}
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), length=len(body), http_headers=http,
                                               warc_content_type="text/plain" if rec_type == "conversion" else None,
                                               warc_headers_dict=warc_headers)
            writer.write_record(record)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_only_html_200_responses_and_conversions(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz=gz)
    items = list(iter_documents([str(path)], settings=Settings()))
    assert all(isinstance(item, RawDocument) for item in items), items
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert [(d.url, d.kind) for d in docs] == [
        ("https://gazette.example.org/bridge", "html"),
        ("https://herald.example.org/strike", "html"),
        ("https://herald.example.org/gz", "html"),
        ("https://gazette.example.org/bridge", "text"),
    ]
    bridge, strike, unzipped, wet = docs
    assert bridge.content == BRIDGE and bridge.encoding == "utf-8"
    assert bridge.fetched == "2022-11-09T10:00:00Z"
    assert strike.content == HARBOUR and strike.encoding == "windows-1252"  # chunks undone
    assert unzipped.content == BRIDGE  # gzip content encoding undone
    assert wet.content == b"River bridge reopens after repairs."
    assert bridge.source.startswith(str(path) + "#") and bridge.meta["warc_record_id"].startswith("<urn:uuid:")


@pytest.mark.parametrize("gz", [True, False])
def test_warc_cut_mid_record_gives_one_failure_after_the_good_records(tmp_path: Path, gz: bool) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gz=gz)
    data = whole.read_bytes()
    # Cut inside the chunked page (the 6th record): everything before it must survive.
    start = data.find(b"herald.example.org/strike") if not gz else None
    if start is not None:
        cut_at = start + 400
    else:
        first, end = _gz_member_offset(data, 5), _gz_member_offset(data, 6)
        cut_at = (first + end) // 2 + 20
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[:cut_at])
    items = list(iter_warc(cut, source="cut", max_bytes=1_000_000))
    assert isinstance(items[0], RawDocument) and items[0].url == "https://gazette.example.org/bridge"
    failures = [item for item in items if isinstance(item, Failure)]
    assert len(items) == 2 and len(failures) == 1
    assert failures[0].code == "E131" and failures[0].url == "https://herald.example.org/strike"
    assert "cut short" in failures[0].message


def _gz_member_offset(data: bytes, index: int) -> int:
    """Byte offset of the ``index``-th gzip member (one WARC record each)."""
    import zlib

    offset = 0
    for _ in range(index):
        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
        decompressor.decompress(data[offset:])
        offset = len(data) - len(decompressor.unused_data)
    return offset


def test_warc_record_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gz=True)
    items = list(iter_warc(path, source="crawl", max_bytes=400))
    codes = [item.code if isinstance(item, Failure) else item.kind for item in items]
    assert codes == ["E133", "E133", "E133", "text"]


def test_warc_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"<html>this is not an archive</html>")
    (item,) = list(iter_warc(path, source="fake.warc", max_bytes=1000))
    assert isinstance(item, Failure) and item.code == "E132"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n", b"Hello world"),
        (b"5;ext=1\r\nHello\r\n0\r\n\r\n", b"Hello"),
        (b"5\nHello\n0\n\n", b"Hello"),
        (b"", b""),
    ],
)
def test_warc_dechunk(data: bytes, expected: bytes) -> None:
    assert dechunk(data) == expected


@pytest.mark.parametrize("data", [b"zz\r\nHello\r\n", b"a\r\nHello\r\n"])
def test_warc_dechunk_damaged(data: bytes) -> None:
    with pytest.raises(ValueError):
        dechunk(data)


# -- real archives -------------------------------------------------------------------------------------------

SHARED_EXPECTED = [
    # file, documents (kind), failure codes
    ("res_clipped.warc.gz", [], ["E131"]),
    ("res_clueweb-quirk.warc.gz", ["html"] * 29, []),
    ("res_warcfile.warc.gz", ["html"] * 16, []),
    ("ukwa_IAH-20080430204825-00000-blackbook-truncated.warc.gz", ["html"] * 2, []),
    ("ukwa_IAH-urls-wget.warc.gz", ["html"] * 2, []),
    ("warcio_example-iana.org-chunked.warc", ["html"], []),
    ("warcio_example.warc.gz", ["html"], []),
    ("whirlwind.warc.gz", ["html"], []),
    ("whirlwind.warc.wet.gz", ["text"], []),
]


@pytest.mark.shared_data
@pytest.mark.parametrize(("name", "kinds", "codes"), SHARED_EXPECTED)
def test_warc_real_files(name: str, kinds: list[str], codes: list[str]) -> None:
    path = _shared_warc() / name
    items = list(iter_warc(path, source=name, max_bytes=20_000_000))
    assert [i.kind for i in items if isinstance(i, RawDocument)] == kinds
    assert [i.code for i in items if isinstance(i, Failure)] == codes
    for doc in items:
        if isinstance(doc, RawDocument) and doc.kind == "html":
            head = bytes(doc.content[:2000]).lower()
            assert b"<html" in head or b"<!doctype" in head, (doc.url, head[:80])


@pytest.mark.shared_data
def test_warc_real_quirks() -> None:
    folder = _shared_warc()
    by_url = {d.url: d for d in iter_warc(folder / "ukwa_IAH-20080430204825-00000-blackbook-truncated.warc.gz",
                                          source="ukwa", max_bytes=20_000_000) if isinstance(d, RawDocument)}
    # robots.txt, images and the RSS response are skipped, not failed
    assert sorted(by_url) == ["http://www.archive.org/", "http://www.archive.org/index.php"]
    (iana,) = iter_warc(folder / "warcio_example-iana.org-chunked.warc", source="iana", max_bytes=20_000_000)
    assert isinstance(iana, RawDocument) and iana.content[:15] == b"<!doctype html>"
    assert iana.content.rstrip().endswith(b"</html>") and iana.encoding == "UTF-8"
    (example,) = iter_warc(folder / "warcio_example.warc.gz", source="ex", max_bytes=20_000_000)
    assert isinstance(example, RawDocument) and b"Example Domain" in bytes(example.content)
    (wet,) = iter_warc(folder / "whirlwind.warc.wet.gz", source="wet", max_bytes=20_000_000)
    assert isinstance(wet, RawDocument) and wet.meta.get("lang") == "spa"
    assert wet.url == "https://an.wikipedia.org/wiki/Escopete"


# -- declared lengths that are wrong (#16) ---------------------------------------------------------------------


def _records(count: int) -> list[bytes]:
    """``count`` small HTML response records, each written alone by warcio (uncompressed)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = []
    for n in range(count):
        body = f"<html><body><p>Report {n}: the river rose by {n + 1} metres on Monday night.</p></body></html>".encode()
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://e.example/{n}", "response", payload=io.BytesIO(body),
                                                      length=len(body), http_headers=http))
        records.append(out.getvalue())
    return records


def _with_length(record: bytes, change: int | None = None, *, to: int | None = None) -> bytes:
    head, sep, rest = record.partition(b"Content-Length: ")
    digits, _, tail = rest.partition(b"\r\n")
    length = to if to is not None else int(digits) + (change or 0)
    return head + sep + str(length).encode() + b"\r\n" + tail


@pytest.mark.issue(16)
@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize(("change", "to", "damaged"), [
    (+120, None, True),  # too long: the next record's header would be read as payload
    (-40, None, True),  # too short: the rest of the payload would be read as a header
    (None, 5_000_000, True),  # a corrupt length past max_bytes and past the end of the file
    (None, 0, True),  # no block at all
    (0, None, False),  # row that must pass: a sound archive, no failure
])
def test_warc_wrong_length_costs_one_record_and_reading_goes_on(tmp_path: Path, gz: bool, change: int | None,
                                                                 to: int | None, damaged: bool) -> None:
    records = _records(5)
    records[2] = _with_length(records[2], change, to=to)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    items = list(iter_warc(path, source="crawl", max_bytes=100_000))
    got = [item.url if isinstance(item, RawDocument) else item.code for item in items]
    if not damaged:
        assert got == [f"https://e.example/{n}" for n in range(5)]
        return
    assert got == ["https://e.example/0", "https://e.example/1", "E131", "https://e.example/3", "https://e.example/4"]
    failed = items[2]
    assert isinstance(failed, Failure) and failed.url == "https://e.example/2"
    assert "does not end where the next record starts" in failed.message
    # each document keeps its record's offset (of its gzip member in a .warc.gz)
    offsets = [sum(len(gzip.compress(r)) if gz else len(r) for r in records[:n]) for n in range(5)]
    assert [int(item.source.rsplit("#", 1)[1]) for item in items] == offsets
    assert isinstance(items[3], RawDocument) and b"Report 3:" in bytes(items[3].content)


@pytest.mark.issue(16)
def test_warc_wrong_length_inside_one_gzip_member(tmp_path: Path) -> None:
    records = _records(4)
    records[1] = _with_length(records[1], +150)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(b"".join(records)))  # one member for the whole archive
    items = list(iter_warc(path, source="whole", max_bytes=100_000))
    assert [item.url if isinstance(item, RawDocument) else item.code for item in items] == [
        "https://e.example/0", "E131", "https://e.example/2", "https://e.example/3"]


@pytest.mark.issue(16)
def test_warc_last_record_cut_short_is_cut_not_misplaced(tmp_path: Path) -> None:
    records = _records(3)
    path = tmp_path / "cut.warc"
    path.write_bytes(b"".join(records)[:-60])
    items = list(iter_warc(path, source="cut", max_bytes=100_000))
    assert [item.url if isinstance(item, RawDocument) else item.code for item in items] == [
        "https://e.example/0", "https://e.example/1", "E131"]
    assert "cut short" in items[2].message  # type: ignore[union-attr]


@pytest.mark.issue(16)
def test_warc_resynchronises_past_a_long_line(tmp_path: Path) -> None:
    from newsprism.sources._warc_records import _Flow

    records = _records(2)
    junk = b"x" * 3_000_000  # 3 MB without a newline between a damaged record and the next one
    path = tmp_path / "junk.warc"
    path.write_bytes(_with_length(records[0], -30) + junk + b"\r\n" + records[1])
    items = list(iter_warc(path, source="junk", max_bytes=100_000))
    assert [item.url if isinstance(item, RawDocument) else item.code for item in items] == ["E131", "https://e.example/1"]
    flow = _Flow(io.BytesIO(b"\n" + junk + b"\n" + records[1]))
    sizes: list[int] = []
    more = flow._more

    def measured() -> bool:
        sizes.append(len(flow.buf))
        return more()

    flow._more = measured  # type: ignore[method-assign]
    assert flow.next_header()
    assert max(sizes) < 1 << 20  # the long line passed over is not kept in memory
