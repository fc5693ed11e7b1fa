"""The web UI in a real headless Chromium (Playwright), served by uvicorn on 127.0.0.1.

Skipped when the system Chromium is missing (``apt-get install chromium``);
Playwright's own browser download is never used.

With ``NEWSPRISM_SCREENSHOTS=docs/screenshots`` one more test serves the demo
corpus (the Kherson example and the Wikinews articles; built with ``newsprism
demo`` unless ``NEWSPRISM_SCREENSHOTS_DB`` names one) and saves every page at
1280×800 and 390×844, checking on each that no two cards overlap.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("NEWSPRISM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("system Chromium not found (install it with 'apt-get install chromium')", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from test_web_api import _span, build_corpus  # noqa: E402  (same folder; pytest puts it on sys.path)

from newsprism.model import Article, Claim, Entity, Mention, Place, Quote, TimeRef  # noqa: E402
from newsprism.serve.app import create_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SCREENSHOTS = os.environ.get("NEWSPRISM_SCREENSHOTS")  # a folder: save every page of the demo corpus there
SIZES = ((1280, 800), (390, 844))
LONG = "d4d4d4d4d4d4d4d4"  # a long article whose facts sit far below the first screen


def _long_article() -> Article:
    """A claim inside a quote, an entity that is also a place, a date: after forty paragraphs."""
    filler = "".join(f"Paragraph {i} says nothing of note about the weather in the valley.\n\n" for i in range(40))
    said = ('Governor Vladimir Saldo said: "More than 115,000 residents have left Kherson since October 8, '
            'and more will follow."\n\nThe evacuation was ordered on October 18.')
    text = filler + said
    quote = _span(text, '"More than 115,000 residents have left Kherson since October 8, and more will follow."')
    claim = _span(text, "More than 115,000 residents have left")
    kherson = _span(text, "Kherson", after=quote[0])
    return Article(
        id=LONG, text=text, source="example.org", site="example.org", url="https://example.org/saldo",
        title="Saldo on the evacuation of Kherson", published="2022-11-11", lang="en",
        mentions=(Mention(*_span(text, "Vladimir Saldo"), text="Vladimir Saldo", label="PERSON", entity="e1"),
                  Mention(*kherson, text="Kherson", label="GPE", entity="e2")),
        entities=(Entity("e1", "Vladimir Saldo", "PERSON", ("Vladimir Saldo",), (), 1),
                  Entity("e2", "Kherson", "GPE", ("Kherson",), (), 1)),
        quotes=(Quote(*quote, text=text[quote[0]:quote[1]], kind="direct", speaker="e1", cue="said"),),
        claims=(Claim(*claim, text=text[claim[0]:claim[1]], value=115000, value_text="More than 115,000",
                      bound="more_than", counted="residents", verb="left", claimant="e1"),),  # type: ignore[arg-type]
        times=(TimeRef(*_span(text, "October 8"), text="October 8", value="2022-10-08", granularity="day",
                       resolved=True),),
        places=(Place(*kherson, text="Kherson", name="Kherson", lat=46.6354, lon=32.6169, country="UA"),),
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = build_corpus(tmp_path_factory.mktemp("browser") / "web.db")
    store.add([_long_article()])
    with _serving(store) as url:
        yield url
    store.close()


@contextmanager
def _serving(store: Any) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()


class Watch:
    """Collects every sign that a script from an article ran."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.csp_blocked = 0
        page.on("dialog", self._dialog)
        page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        if dialog.type != "confirm":  # our merge form asks for confirmation; nothing else may open a dialog
            self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.csp_blocked += 1
        elif message.type in ("log", "info", "warning", "error") and "__xss" in text:
            self.console.append(text)


@pytest.fixture()
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, java_script_enabled=True)
    tab = context.new_page()
    watch = Watch(tab)
    yield tab, watch
    context.close()


def _no_script_ran(tab: Any, watch: Watch) -> None:
    assert tab.evaluate("() => window.__xss === undefined"), "a payload set window.__xss"
    assert not watch.dialogs, watch.dialogs
    assert not watch.console, watch.console


def test_browser_search_article_quote_speaker(server: str, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    response = tab.goto(f"{server}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tab.fill(".bigsearch input[name=q]", "evacuated")
    tab.press(".bigsearch input[name=q]", "Enter")
    tab.wait_for_selector(".hit mark")
    tab.click("text=Russia withdraws from Kherson (tass.com)")
    tab.wait_for_selector("#text .k-quote")
    tab.click("#text .k-quote >> nth=0")
    panel = tab.locator("#fact-q0")
    assert panel.is_visible()
    panel.locator("a.ent").click()
    tab.wait_for_url("**/entity?*")
    assert tab.locator("h1").inner_text().startswith("Sergei Shoigu")
    assert tab.locator("blockquote.quote").count() >= 2
    _no_script_ran(tab, watch)


def test_browser_removal_view(server: str, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(f"{server}/article/a1a1a1a1a1a1a1a1")
    tab.click("#tab-removals")
    tab.wait_for_selector("#raw del.removed")
    reasons = tab.locator("#raw del.removed .why").all_inner_texts()
    assert reasons == ["comment_form", "tags"]
    assert "Khersonis" in tab.locator("table.grid").first.inner_text()
    tab.click("#tab-facts")
    tab.wait_for_selector("#text .f")
    _no_script_ran(tab, watch)


def test_browser_story_shows_two_sources_differing_claims(server: str, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(f"{server}/stories")
    tab.click("text=Russian withdrawal from Kherson")
    tab.wait_for_selector("#claims-side-by-side")
    table = tab.locator("#claims-side-by-side").inner_text()
    assert "more than 115,000" in table and "about 70,000" in table
    assert "elespanol.com" in table and "tass.com" in table and "values differ" in table
    assert tab.locator("svg.map circle").count() == 1
    tab.goto(f"{server}/quotes")
    _no_script_ran(tab, watch)


def test_browser_xss_corpus_runs_no_script(server: str, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(f"{server}/search.json?per_page=100&sort=date")
    ids = [hit["id"] for hit in tab.evaluate("() => JSON.parse(document.body.innerText).hits")]
    assert len(ids) >= 10
    urls = [f"{server}/search?q=window", f"{server}/search?q=%3Cscript%3E", f"{server}/quotes", f"{server}/claims"]
    for article_id in ids:
        urls += [f"{server}/article/{article_id}", f"{server}/article/{article_id}?view=removals"]
    for url in urls:
        tab.goto(url)
        for span in tab.locator("#text .f").all()[:10]:
            span.click()
        for link in tab.locator("a.ext").all():
            assert link.get_attribute("href", timeout=1000).startswith(("http://", "https://"))
        _no_script_ran(tab, watch)
    tab.goto(f"{server}/entity?name=Evil+%3Cimg+src%3Dx+onerror%3D%22window.__xss%3D99%22%3E")
    _no_script_ran(tab, watch)


# -- every fact one click from its span; nothing overlapping (#15) -----------------

#: Cards and panels that must not overlap one another (the sticky top bar is left out: it floats by design).
CARDS = (".side > section, .cards > section, #text, #raw, .evidence, .counts > li, .api-op, .api-schema, "
         ".claim-group, svg.map, svg.timeline, svg.chart, .facets, .hit, blockquote.quote, table.grid, .page-head, "
         ".story-map > *, .filters, .pager")

OVERLAPS = """(selector) => {
  const visible = (e) => { const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !e.closest("[hidden]") && !e.closest("details:not([open])"); };
  const els = Array.from(document.querySelectorAll(selector)).filter(visible);
  const box = (e) => { const r = e.getBoundingClientRect();
    return {l: r.left + scrollX, t: r.top + scrollY, r: r.right + scrollX, b: r.bottom + scrollY}; };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/).join(".") : "")
    + (e.className && e.className.baseVal ? "." + e.className.baseVal : "");
  const found = [];
  for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
    const a = els[i], b = els[j];
    if (a.contains(b) || b.contains(a)) continue;
    const p = box(a), q = box(b);
    const w = Math.min(p.r, q.r) - Math.max(p.l, q.l), h = Math.min(p.b, q.b) - Math.max(p.t, q.t);
    if (w > 1 && h > 1) found.push(name(a) + " overlaps " + name(b));
  }
  for (const card of document.querySelectorAll(".side > section, .cards > section, .api-op, .api-schema")) {
    if (!visible(card)) continue;
    const c = card.getBoundingClientRect();
    for (const inner of card.querySelectorAll("table, svg, ul, dl, p")) {
      if (inner.closest(".table-wrap") || !visible(inner)) continue;
      const r = inner.getBoundingClientRect();
      if (r.right > c.right + 1 || r.left < c.left - 1) found.push(name(inner) + " spills out of " + name(card));
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push("the page scrolls sideways");
  return found;
}"""

OPENED = """() => {
  const piece = document.querySelector("#text .f.active");
  const anchor = decodeURIComponent(location.hash.slice(1));
  const panel = document.querySelector('.fact[data-anchor="' + anchor + '"]');
  const bar = document.querySelector("header.top").getBoundingClientRect().bottom;
  const inView = (e) => { const r = e.getBoundingClientRect(); return r.top >= bar - 1 && r.bottom <= innerHeight + 1; };
  const marked = Array.from(document.querySelectorAll("#text .f.active")).map((x) => x.textContent).join("");
  return {anchor: anchor, marked: marked, piece_in_view: piece ? inView(piece) : false,
          panel_open: panel ? !panel.hidden && panel.getBoundingClientRect().height > 0 : false,
          panel_in_view: panel ? panel.getBoundingClientRect().top < innerHeight - 80 : false};
}"""


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    """One page for the tests below, resized as they need."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def _follow(tab: Any, url: str, link: str) -> dict[str, Any]:
    tab.goto(url)
    target = tab.locator(link).first
    href = target.get_attribute("href")
    target.click()
    tab.wait_for_function("() => document.querySelector('#text .f.active') !== null")
    opened: dict[str, Any] = tab.evaluate(OPENED)
    opened["href"] = href
    return opened


@pytest.mark.issue(15)
@pytest.mark.parametrize(("url", "link", "kind", "marked"), [
    ("/quotes?speaker=Vladimir+Saldo", "td.qt a", "quote", '"More than 115,000'),
    ("/claims?cue=left", "td.qt a", "claim", "More than 115,000"),
    ("/entity?name=Vladimir+Saldo", "blockquote.quote a.span-link", "quote", '"More than 115,000'),
    ("/entity?name=Vladimir+Saldo", "text=Saldo on the evacuation of Kherson", "mention", "Vladimir Saldo"),
    ("/entity?name=Kherson&label=GPE", "text=in the text", "place", "Kherson"),
    ("/story/s1", "#claims-side-by-side a.ctx", "claim", "more than 115,000"),
    ("/story/s1", "#quotes a.span-link", "quote", '"Continue'),
    ("/story/s1", "#places li a:text-is('Kherson')", "place", "Kherson"),
    (f"/article/{LONG}", "#dates-list a", "time", "October 8"),
    (f"/article/{LONG}", "#places-list a", "place", "Kherson"),
    (f"/article/{LONG}", "text=in the text", "mention", "Vladimir Saldo"),
])
def test_browser_explorer_rows_open_the_fact_at_its_span(server: str, tab: Any, url: str, link: str, kind: str,
                                                          marked: str) -> None:
    tab.set_viewport_size({"width": 1280, "height": 800})
    opened = _follow(tab, server + url, link)
    assert opened["href"].endswith("#" + opened["anchor"]) and opened["anchor"].startswith(kind + "-")
    assert opened["marked"].startswith(marked), opened
    assert opened["piece_in_view"] and opened["panel_open"] and opened["panel_in_view"], opened


@pytest.mark.issue(15)
@pytest.mark.parametrize("width,height", SIZES)
def test_browser_deep_link_scrolls_far_down_and_marks_the_span(server: str, tab: Any, width: int,
                                                                height: int) -> None:
    tab.set_viewport_size({"width": width, "height": height})
    opened = _follow(tab, f"{server}/quotes?speaker=Vladimir+Saldo", "td.qt a")
    assert tab.evaluate("() => window.scrollY") > height  # forty paragraphs down
    assert opened["piece_in_view"] and opened["panel_open"] and opened["panel_in_view"], opened
    assert tab.evaluate(OVERLAPS, CARDS) == []  # the open evidence covers no other card


@pytest.mark.issue(15)
def test_browser_link_to_a_missing_fact_says_so(server: str, tab: Any) -> None:
    tab.goto(f"{server}/article/{LONG}#claim-1-2")
    tab.wait_for_selector("#text .f")
    assert tab.locator("#evidence-hint").inner_text().startswith("This article has no claim at 1–2")
    assert tab.locator("#text .f.active").count() == 0


def _style(tab: Any, text: str) -> dict[str, str]:
    style: dict[str, str] = tab.evaluate("""(text) => {
      const el = Array.from(document.querySelectorAll("#text .f")).find((x) => x.textContent === text);
      const s = getComputedStyle(el);
      return {classes: el.className, background: s.backgroundColor, shadow: s.boxShadow,
              line: s.textDecorationLine};
    }""", text)
    return style


@pytest.mark.issue(15)
def test_browser_layered_highlights_show_every_kind(server: str, tab: Any) -> None:
    tab.set_viewport_size({"width": 1280, "height": 800})
    article = f"{server}/article/{LONG}"
    claim = _style_after(tab, article, "More than 115,000 residents have left")
    assert {"k-claim", "k-quote"} <= set(claim["classes"].split())
    assert claim["background"] == "rgb(255, 241, 199)"  # the quote's band
    assert "rgb(208, 52, 58)" in claim["shadow"]  # the claim's outline, drawn over it
    place = _style(tab, "Kherson")
    assert {"k-mention", "k-place", "k-quote"} <= set(place["classes"].split())
    assert place["line"] == "underline" and "rgb(142, 68, 173)" in place["shadow"]  # entity and place both
    date_piece = _style(tab, "October 8")
    assert "rgb(191, 233, 207)" in date_piece["shadow"] and date_piece["background"] == "rgb(255, 241, 199)"
    # a second click on the claim moves to the quote around it
    piece = tab.locator("#text .f.k-claim").first
    piece.click()
    assert tab.evaluate("() => location.hash").startswith("#claim-")
    piece.click()
    assert tab.evaluate("() => location.hash").startswith("#quote-")
    assert tab.locator(".fact:not([hidden]) h3").inner_text().startswith("quote")


def _style_after(tab: Any, url: str, text: str) -> dict[str, str]:
    tab.goto(url)
    tab.wait_for_selector("#text .f")
    return _style(tab, text)


PAGES = ["/", "/search?q=Kherson", "/search", f"/article/{LONG}", "/article/a1a1a1a1a1a1a1a1",
         "/article/a1a1a1a1a1a1a1a1?view=removals", "/entity?name=Sergei+Shoigu&label=PERSON", "/stories",
         "/story/s1", "/quotes", "/claims", "/docs", "/article/ffffffffffffffff"]


@pytest.mark.issue(15)
@pytest.mark.parametrize("width,height", SIZES)
def test_browser_no_card_overlaps_another_at_either_size(server: str, tab: Any, width: int, height: int) -> None:
    tab.set_viewport_size({"width": width, "height": height})
    found = {}
    for path in PAGES:
        tab.goto(server + path)
        problems = tab.evaluate(OVERLAPS, CARDS)
        if problems:
            found[path] = problems
        assert tab.locator("header.top nav a[href='/quotes']").is_visible(), path  # every page keeps the navigation
    assert found == {}


@pytest.mark.skipif(not SCREENSHOTS, reason="set NEWSPRISM_SCREENSHOTS to a folder to save screenshots")
def test_browser_screenshots_of_the_demo_corpus(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    from newsprism.store import open_store

    db = os.environ.get("NEWSPRISM_SCREENSHOTS_DB") or _demo_corpus(tmp_path_factory.mktemp("demo") / "demo.db")
    store = open_store(db)
    folder = Path(str(SCREENSHOTS))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with _serving(store) as url:
            pages = _demo_pages(url)
            for width, height in SIZES:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for name, path in pages:
                    page.goto(url + path)
                    page.wait_for_timeout(150)
                    assert page.evaluate(OVERLAPS, CARDS) == [], (name, width)
                    suffix = "" if width == SIZES[0][0] else f"-{width}"
                    page.screenshot(path=str(folder / f"{name}{suffix}.png"))
                context.close()
    finally:
        store.close()


def _demo_corpus(path: Path) -> str:
    from click.testing import CliRunner

    from newsprism.cli import cli

    result = CliRunner().invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def _demo_pages(url: str) -> list[tuple[str, str]]:
    """Every page, on real articles: the Kherson example and Wikinews."""
    import json
    from urllib.request import urlopen

    def get(path: str) -> Any:
        with urlopen(url + path) as response:  # noqa: S310 - the test's own server on 127.0.0.1
            return json.load(response)

    kherson = get("/search.json?q=Kherson+Shoigu+Surovikin&per_page=1")["hits"][0]["id"]
    claim = next(c for c in get(f"/article/{kherson}.json")["article"]["claims"] if "9,500" in c["text"])
    stories = get("/stories.json")["stories"]
    story = next((s for s in stories if "wikinews" not in (s["label"] or "").lower()), stories[0])["id"]
    wiki = get("/search.json?q=hurricane+Dorian&per_page=1")["hits"][0]["id"]
    quote = get("/quotes.json?speaker=Trump")["quotes"][0]["link"]
    return [("search", "/search?q=Kherson"), ("home", "/"),
            ("article", f"/article/{kherson}#claim-{claim['start']}-{claim['end']}"),
            ("removals", f"/article/{kherson}?view=removals"), ("article-wikinews", f"/article/{wiki}"),
            ("quote-link", quote), ("entity", "/entity?name=Donald+Trump&label=PERSON"),
            ("stories", "/stories"), ("story", f"/story/{story}"), ("story-claims", f"/story/{story}#claims-side-by-side"),
            ("quotes", "/quotes?speaker=Trump"), ("claims", "/claims"), ("api", "/docs"), ("not-found", "/nowhere")]
