"""The bundled sample data in ``examples/`` is consistent with itself.

``newsprism demo`` ingests the whole folder, so every form of an article
(HTML page, feed item, WARC record, JSON Lines row) must carry the same
canonical URL for the store to dedupe it; and the facts the README promises
(conflicting figures, name variants, quotes) must really be in the pages.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from types import ModuleType

import pytest
from _scripts import load_script

from newsprism.clean.urls import normalize_url

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HTML = sorted((EXAMPLES / "html").glob("*.html"))


builder = load_script("build_examples")
PAGES = builder.read_pages(EXAMPLES / "html")
BY_NAME = {page.path.name: page for page in PAGES}


def _paragraphs(page: object) -> list[str]:
    """Plain text of the body paragraphs (captions, ads and notes excluded)."""
    import lxml.html

    tree = lxml.html.fromstring(page.raw.decode("utf-8"))  # type: ignore[attr-defined]
    body = tree.xpath("//article//div[p]")[0]
    return [p.text_content().strip() for p in body.xpath("./p[not(@class)]")]


def test_there_are_a_dozen_pages_in_two_stories() -> None:
    assert len(PAGES) == 12
    floods = [page for page in PAGES if "Danube" in page.title or "Galați" in page.title]
    strike = [page for page in PAGES if "Rotterdam" in page.title]
    assert len(floods) == 6 and len(strike) == 6


@pytest.mark.parametrize("path", HTML, ids=lambda p: p.stem)
def test_page_is_well_formed_html(path: Path) -> None:
    from lxml import etree

    parser = etree.HTMLParser()
    etree.fromstring(path.read_bytes(), parser)
    assert [error.message for error in parser.error_log] == []


@pytest.mark.parametrize("path", HTML, ids=lambda p: p.stem)
def test_page_has_the_markup_of_a_real_news_page(path: Path) -> None:
    import lxml.html

    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    page = BY_NAME[path.name]
    assert tree.findtext(".//title").startswith(page.title)
    for xpath in ("//meta[@property='og:image']/@content", "//meta[@property='og:site_name']/@content"):
        assert tree.xpath(xpath), xpath
    ld = json.loads(tree.xpath("//script[@type='application/ld+json']/text()")[0])
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"] == page.published
    assert ld["author"][0]["name"] == page.author
    assert ld["mainEntityOfPage"]["@id"] == page.url
    # page furniture the cleaner must recognise
    assert tree.xpath("//article//figure/figcaption/span[@class='credit']")
    assert tree.xpath("//aside[@class='related']//li/a")
    assert tree.xpath("//aside[@class='newsletter']//input[@type='email']")
    assert tree.xpath("//div[contains(@class, 'cookie-banner')]")
    assert tree.xpath("//div[@class='share-bar']/a")
    assert "©" in tree.xpath("string(//footer[@class='site-footer'])")


def test_canonical_urls_are_unique_and_already_normalised() -> None:
    urls = [page.url for page in PAGES]
    assert len(set(urls)) == len(urls)
    for url in urls:
        assert normalize_url(url) == url
        assert url.split("/")[2].endswith(".example")


@pytest.mark.parametrize("path", HTML, ids=lambda p: p.stem)
def test_trafilatura_finds_the_body_and_leaves_the_furniture(path: Path) -> None:
    import lxml.html
    import trafilatura

    page = BY_NAME[path.name]
    text = trafilatura.extract(page.raw.decode("utf-8"), include_comments=False)
    assert text is not None
    paragraphs = _paragraphs(page)
    assert 250 <= sum(len(p.split()) for p in paragraphs) <= 500
    for paragraph in (paragraphs[0], paragraphs[-1]):
        assert paragraph in text
    tree = lxml.html.fromstring(page.raw.decode("utf-8"))
    caption = tree.xpath("string(//figcaption/span[@class='credit'])")
    related = tree.xpath("//aside[@class='related']//a/text()")
    assert caption not in text
    assert not any(title in text for title in related)
    assert "Please enter your comment" not in text


def test_feed_lists_every_page_with_its_body() -> None:
    import feedparser

    feed = feedparser.parse((EXAMPLES / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entries = {entry.link: entry for entry in feed.entries}
    assert set(entries) == {page.url for page in PAGES}
    for page in PAGES:
        entry = entries[page.url]
        assert entry.title == page.title
        assert entry.published_parsed is not None
        body = entry.content[0].value
        for paragraph in _paragraphs(page):
            assert paragraph in re.sub(r"<[^>]+>", "", body)


def test_warc_reads_back_with_warcio_and_holds_the_pages() -> None:
    from warcio.archiveiterator import ArchiveIterator

    raw = {page.url: page.raw for page in PAGES}
    seen: dict[str, bytes] = {}
    with (EXAMPLES / "pages.warc.gz").open("rb") as stream:
        records = iter(ArchiveIterator(stream))
        assert next(records).rec_type == "warcinfo"
        for record in records:
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                assert record.http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
                assert record.rec_headers.get_header("WARC-Date") == builder.CRAWL_DATE
                seen[url] = record.content_stream().read()
            else:
                assert record.rec_type == "request"
    assert seen == raw


def test_warc_reads_back_with_fastwarc() -> None:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with (EXAMPLES / "pages.warc.gz").open("rb") as stream:
        # block digests cover the HTTP headers, so check them before any header is parsed
        assert all(record.verify_block_digest() for record in ArchiveIterator(stream, parse_http=False))
    urls = set()
    with (EXAMPLES / "pages.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            assert record.verify_payload_digest()
            assert record.http_headers["Content-Type"] == "text/html; charset=utf-8"
            urls.add(record.headers["WARC-Target-URI"])
    assert urls == {page.url for page in PAGES}


def test_derived_files_are_up_to_date_and_reproducible() -> None:
    first, second = builder.build_all(EXAMPLES), builder.build_all(EXAMPLES)
    assert first == second
    for path, data in first.items():
        assert path.read_bytes() == data, f"{path.name} is stale: run python scripts/build_examples.py"


def test_articles_jsonl_rows_are_complete() -> None:
    urls = {page.url: page for page in PAGES}
    rows = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 3
    for row in rows:
        assert {"url", "title", "published"} <= set(row)
        assert ("text" in row) != ("html" in row)
        assert normalize_url(row["url"]) == row["url"]
        if row["url"] in urls:  # the same article as a page: it must dedupe onto it
            assert row["title"] == urls[row["url"]].title
            assert row["published"] == urls[row["url"]].published
    assert any(row["url"] in urls for row in rows)


#: scraped text file -> the page it was scraped from (None: no page in the set)
SCRAPES = {
    "dailyharbor-danube-floods-galati.txt": "dailyharbor-danube-floods-galati.html",
    "danubecourier-izmail-flood-delta.txt": "danubecourier-izmail-flood-delta.html",
    "lowlandsledger-rotterdam-dockworkers-strike.txt": "lowlandsledger-rotterdam-dockworkers-strike.html",
    "gazetadunarii-braila-dyke-mt.txt": None,
}


def test_scraped_text_files_are_all_listed() -> None:
    assert {path.name for path in (EXAMPLES / "text").glob("*.txt")} == set(SCRAPES)


@pytest.mark.parametrize(("name", "source"), SCRAPES.items())
def test_scraped_text_keeps_its_junk(name: str, source: str | None) -> None:
    text = (EXAMPLES / "text" / name).read_text(encoding="utf-8")
    lines = {line.strip() for line in text.splitlines()}
    assert "Please enter your comment!" in lines
    assert "Advertisement" in lines or "Share:" in lines
    assert any(re.fullmatch(r"\[[^\]]+\]", line) for line in lines)  # a related link in brackets
    if source is None:
        return
    page = BY_NAME[source]
    assert page.title in lines
    caption = re.sub(r"<[^>]+>", "", page.body_html.split("<figcaption>")[1].split("<span")[0]).strip()
    assert caption in lines  # the caption sits on a line of its own
    # the body is there, except where glued words changed a paragraph
    kept = [p for p in _paragraphs(page) if p in text]
    assert len(kept) >= len(_paragraphs(page)) - 3


@pytest.mark.shared_data
def test_kherson_copy_matches_the_supplied_original() -> None:
    local = EXAMPLES / "kherson-scraped.txt"
    assert "Kherson" in local.read_text(encoding="utf-8")
    shared = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared")) / "examples" / "kherson-scraped.txt"
    if not shared.exists():
        pytest.skip(f"the original is not beside the project ({shared})")
    assert local.read_bytes() == shared.read_bytes()


#: what the README promises a user will find, and in which file
PLANTED = [
    ("dailyharbor-danube-floods-galati.html", ["about 42,000 people", "6.42 metres", "four people had died", "Oleksandr Hrytsenko"]),
    ("continentalwire-danube-flood-death-toll.html", ["more than 80,000 people", "6.8 metres", "Alexander Gritsenko", "Stefan Dumitrescu"]),
    ("danubecourier-izmail-flood-delta.html", ["about 115,000 people", "at least 11 people", "Mariia Kovalenko", "Hritsenko", "Vylkove"]),
    ("eeuropetoday-danube-flood-romania-ukraine.html", ["«", "Aleksandr Gritsenko", "Ştefan Dumitrescu", "With information from the Daily Harbor"]),
    ("riversidepost-after-the-flood-galati-izmail.html", ["some 96,000 people", "6.71 metres", "Orthodox Easter weekend"]),
    ("lowlandsledger-rotterdam-dockworkers-strike.html", ["3,500 of its members", "7.5 percent", "Joris van der Berg", "Pieter-Jan Oosterhuis"]),
    ("northseagazette-ships-queue-hook-of-holland.html", ["At least 47 container ships", "120,000 TEU", "Dimitrios Papadakis", "Pieter Jan Oosterhuis"]),
    ("continentalwire-rotterdam-strike-cost.html", ["about 2,800 workers", "8 percent", "rose to 60", "Joris van den Berg", "P.J. Oosterhuis"]),
    ("scheldttimes-antwerp-diverted-ships.html", ["about 90,000 containers", "€50 million a day", "Lotte Claeys", "Claes said", "Henk Kuipers"]),
    ("riversidepost-rhine-barges-rotterdam-strike.html", ["Hendrik Kuipers", "‘We can wait longer than the ships can.’"]),
    ("dailyharbor-rotterdam-strike-ends.html", ["5.8 percent", "52 container ships", "Dimitris Papadakis"]),
]


@pytest.mark.parametrize(("name", "needles"), PLANTED, ids=[row[0] for row in PLANTED])
def test_planted_facts_are_in_the_pages(name: str, needles: list[str]) -> None:
    text = " ".join(_paragraphs(BY_NAME[name]))
    for needle in needles:
        assert needle in text, needle


def test_republication_has_the_same_body_and_other_furniture() -> None:
    original = BY_NAME["continentalwire-danube-flood-death-toll.html"]
    copy = BY_NAME["newsnowhub-danube-flood-death-toll.html"]
    assert _paragraphs(original) == _paragraphs(copy)
    assert original.url != copy.url and original.site != copy.site


def test_examples_stay_small() -> None:
    written = sum(path.stat().st_size for path in EXAMPLES.rglob("*")
                  if path.is_file() and WIKINEWS not in path.parents)
    assert written < 300_000
    real = sum(path.stat().st_size for path in WIKINEWS.rglob("*") if path.is_file())
    assert real < 1_500_000


# -- the real news: Wikinews articles beside the written samples ------------------------------------

WIKINEWS = EXAMPLES / "wikinews"


def _wikinews_rows() -> list[dict[str, str]]:
    with (WIKINEWS / "articles.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def _load_wikinews_builder() -> ModuleType:
    return load_script("build_wikinews_examples")


def test_wikinews_rows_are_real_articles_with_their_credit() -> None:
    from newsprism.sources.jsonl import parse_line

    rows = _wikinews_rows()
    assert len(rows) >= 290  # hundreds of real articles, not a handful
    assert len({row["url"] for row in rows}) == len(rows)
    for number, row in enumerate(rows, start=1):
        assert row["url"].startswith("https://en.wikinews.org/wiki/") and normalize_url(row["url"]) == row["url"]
        assert row["title"] and row["text"].strip() and re.fullmatch(r"20(19|20|21)-\d\d-\d\d", row["published"])
        assert (row["license"], row["license_url"], row["credit"]) == (
            "CC BY 2.5", "https://creativecommons.org/licenses/by/2.5/", "Wikinews contributors")
        document = parse_line(json.dumps(row), source=f"articles.jsonl:{number}")
        assert (document.url, document.title, document.published) == (row["url"], row["title"], row["published"])


def test_wikinews_leaves_out_the_test_page_and_the_long_interview() -> None:
    rows = _wikinews_rows()
    assert not [row["title"] for row in rows if row["title"].startswith("TEST PAGE")]
    assert max(len(row["text"]) for row in rows) < 100_000
    assert {row["url"] for row in rows}.isdisjoint(_load_wikinews_builder().LEFT_OUT)


def test_wikinews_notice_and_readmes_give_the_credit_and_the_count() -> None:
    count = len(_wikinews_rows())
    notice = (WIKINEWS / "NOTICE.md").read_text(encoding="utf-8")
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for text in (notice, readme, (ROOT / "README.md").read_text(encoding="utf-8")):
        assert "Wikinews contributors" in text and "https://creativecommons.org/licenses/by/2.5/" in text
    assert f"{count} articles" in notice and f"{count} English Wikinews articles" in readme


@pytest.mark.shared_data
def test_wikinews_file_is_rebuilt_from_the_source() -> None:
    builder_module = _load_wikinews_builder()
    source = builder_module.default_source()
    if not (source / "articles.jsonl").is_file():
        pytest.skip(f"the Wikinews source is not beside the project ({source})")
    data, kept, left = builder_module.build(source)
    assert (WIKINEWS / "articles.jsonl").read_bytes() == data, (
        "examples/wikinews/articles.jsonl is stale: run python scripts/build_wikinews_examples.py")
    assert len(left) == len(builder_module.LEFT_OUT) and len(kept) + len(left) == len(builder_module.read_rows(source / "articles.jsonl"))
