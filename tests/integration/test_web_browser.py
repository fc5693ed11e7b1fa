"""The web UI in a real headless Chromium (Playwright), served by uvicorn on 127.0.0.1.

Skipped when the system Chromium is missing (``apt-get install chromium``);
Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("NEWSPRISM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("system Chromium not found (install it with 'apt-get install chromium')", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from test_web_api import build_corpus  # noqa: E402  (same folder; pytest puts it on sys.path)

from newsprism.serve.app import create_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SCREENSHOTS = os.environ.get("NEWSPRISM_SCREENSHOTS")  # a folder: save the main pages there


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = build_corpus(tmp_path_factory.mktemp("browser") / "web.db")
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)
    store.close()


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


def _shot(tab: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=False)


def test_browser_search_article_quote_speaker(server: str, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    response = tab.goto(f"{server}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tab.fill(".bigsearch input[name=q]", "evacuated")
    tab.press(".bigsearch input[name=q]", "Enter")
    tab.wait_for_selector(".hit mark")
    _shot(tab, "search")
    tab.click("text=Russia withdraws from Kherson (tass.com)")
    tab.wait_for_selector("#text .k-quote")
    tab.click("#text .k-quote >> nth=0")
    panel = tab.locator("#fact-q0")
    assert panel.is_visible()
    _shot(tab, "article")
    panel.locator("a.ent").click()
    tab.wait_for_url("**/entity?*")
    assert tab.locator("h1").inner_text().startswith("Sergei Shoigu")
    assert tab.locator("blockquote.quote").count() >= 2
    _shot(tab, "entity")
    _no_script_ran(tab, watch)


def test_browser_removal_view(server: str, page: tuple[Any, Watch]) -> None:
    tab, watch = page
    tab.goto(f"{server}/article/a1a1a1a1a1a1a1a1")
    tab.click("#tab-removals")
    tab.wait_for_selector("#raw del.removed")
    reasons = tab.locator("#raw del.removed .why").all_inner_texts()
    assert reasons == ["comment_form", "tags"]
    assert "Khersonis" in tab.locator("table.grid").first.inner_text()
    _shot(tab, "removals")
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
    _shot(tab, "story")
    tab.goto(f"{server}/quotes")
    _shot(tab, "quotes")
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
