"""JSON Lines: one document per line, a failure per bad line, the rest read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsprism.model import Failure, RawDocument
from newsprism.sources.jsonl import iter_jsonl, parse_line

DATA = Path(__file__).parent / "data"


def test_jsonl_bad_lines_give_failures_and_the_rest_goes_on() -> None:
    items = list(iter_jsonl(DATA / "articles.jsonl", source="articles.jsonl", max_bytes=100_000))
    summary = [(item.source, item.code if isinstance(item, Failure) else item.kind) for item in items]
    # line 3 is blank (skipped), 4 is cut JSON, 5 a list, 6 has an empty body
    assert summary == [
        ("articles.jsonl:1", "text"),
        ("articles.jsonl:2", "html"),
        ("articles.jsonl:4", "E121"),
        ("articles.jsonl:5", "E121"),
        ("articles.jsonl:6", "E122"),
        ("articles.jsonl:7", "text"),
    ]
    first, second = items[0], items[1]
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.url == "https://news.example.org/2022/11/09/evacuation"
    assert first.published == "2022-11-09" and first.title == "Evacuation continues"
    assert second.meta == {"section": "business"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"text": "Body."}', "text"),
        ('{"html": "<p>Body.</p>", "text": "Body."}', "html"),
        ('{"content": "Body."}', "text"),
        ('{"text": ""}', "E122"),
        ('{"text": 42}', "E122"),
        ('"just a string"', "E121"),
        ("{'single': 'quotes'}", "E121"),
        ('{"text": "ok", "url": 5}', "text"),
    ],
)
def test_jsonl_parse_line(line: str, expected: str) -> None:
    item = parse_line(line, source="x.jsonl:1")
    assert (item.code if isinstance(item, Failure) else item.kind) == expected


def test_jsonl_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    lines = "".join(f'{{"url": "https://news.example.org/{i}", "text": "Story number {i} of many."}}\n'
                    for i in range(300)).encode()
    whole = tmp_path / "all.jsonl.gz"
    whole.write_bytes(gzip.compress(lines))
    assert len(list(iter_jsonl(whole, source="all.jsonl.gz", max_bytes=10_000))) == 300
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    items = list(iter_jsonl(cut, source="cut.jsonl.gz", max_bytes=10_000))
    assert isinstance(items[-1], Failure) and items[-1].code == "E108"
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert 0 < len(docs) < 300 and all(isinstance(d.content, str) for d in docs)


def test_jsonl_overlong_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "' + "x" * 5000 + '"}\n{"text": "short"}\n', encoding="utf-8")
    items = list(iter_jsonl(path, source="long.jsonl", max_bytes=1000))
    assert [(i.source, i.code if isinstance(i, Failure) else i.content) for i in items] == [
        ("long.jsonl:1", "E107"), ("long.jsonl:2", "short")]


@pytest.mark.parametrize(("key", "value"), [("date", "2019-01-04"), ("datePublished", "2019-01-04T10:00:00Z"),
                                            ("published", "2019-01-04")])
def test_jsonl_reads_the_publication_date_under_common_names(key: str, value: str) -> None:
    from newsprism.sources.jsonl import parse_line

    doc = parse_line(json.dumps({"url": "https://e.example/a", key: value, "text": "Text."}), source="a.jsonl:1")
    assert doc.published == value and key not in doc.meta


@pytest.mark.issue(16)
@pytest.mark.parametrize(("content", "expected"), [
    # a binary file named .jsonl: one failure, not one per line (494 before)
    ((bytes(range(256)) * 8 + b"\n") * 60, [("x.jsonl", "E106")]),
    (b"id,title,body\n1,Flood,The river rose\n2,Strike,It ended\n3,Bridge,It reopened\n", [("x.jsonl", "E121")]),
    (b"just one line of text\n", [("x.jsonl", "E121")]),
    (b"", [("x.jsonl", "E105")]),
    (b"\n  \n\n", [("x.jsonl", "E105")]),
    # rows that must not change: JSON Lines with bad lines keep one failure per bad line
    (b'{cut\n{"text": "Body."}\n', [("x.jsonl:1", "E121"), ("x.jsonl:2", "text")]),
    (b'{cut\nnot json\n{"text": "Body."}\n{also cut\n', [("x.jsonl:1", "E121"), ("x.jsonl:2", "E121"),
                                                      ("x.jsonl:3", "text"), ("x.jsonl:4", "E121")]),
    (b'[1, 2]\n{"text": "Body."}\n', [("x.jsonl:1", "E121"), ("x.jsonl:2", "text")]),
    (b'{"title": "No body"}\n', [("x.jsonl:1", "E122")]),
])
def test_jsonl_file_that_is_not_json_lines_is_one_failure(tmp_path: Path, content: bytes,
                                                          expected: list[tuple[str, str]]) -> None:
    (tmp_path / "x.jsonl").write_bytes(content)
    items = list(iter_jsonl(tmp_path / "x.jsonl", source="x.jsonl", max_bytes=100_000))
    assert [(item.source, item.code if isinstance(item, Failure) else item.kind) for item in items] == expected
    if expected[0][0] == "x.jsonl":
        assert isinstance(items[0], Failure) and ";" in items[0].message


@pytest.mark.parametrize(("fields", "site", "lang"), [
    ({"site": "Tagesschau", "lang": "de-DE"}, "Tagesschau", "de"),
    ({"publisher": "Le Monde", "language": "fr"}, "Le Monde", "fr"),
    ({"lang": "deu,eng"}, "e.example", None),  # not a two-letter code: the text decides
    ({}, "e.example", None),                   # no hint: the host names the site
])
def test_jsonl_site_and_language_fields_reach_the_article(fields: dict[str, str], site: str, lang: str | None) -> None:
    from newsprism.clean.read import read_document
    from newsprism.config import Settings

    line = json.dumps({"url": "https://www.e.example/a", "text": "Text of the article.", **fields})
    article = read_document(parse_line(line, source="a.jsonl:1"), settings=Settings())
    assert (article.site, article.lang) == (site, lang)
