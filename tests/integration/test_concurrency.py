"""The web UI and API serve searches while an ingest writes (SQLite WAL; PostgreSQL when a server is given).

``newsprism serve`` runs in its own process on 127.0.0.1; the ingest runs in another; a third process
fires a bounded number of requests over loopback and reports every answer. No error is allowed, and the
searches must see the new articles arrive while the ingest runs.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

WORDS = ["bridge", "harbour", "council", "storm", "election"]
_CLIENT = r"""
import json, sys, time
import httpx
base, seconds = sys.argv[1], float(sys.argv[2])
errors, seen, n = [], [], 0
deadline = time.monotonic() + seconds
with httpx.Client(base_url=base, timeout=30, trust_env=False) as http:
    while time.monotonic() < deadline and n < 400:
        for path in ("/search.json?q=council", "/search?q=bridge", "/index.json"):
            n += 1
            try:
                r = http.get(path)
            except httpx.HTTPError as e:
                errors.append(f"{path}: {type(e).__name__}")
                continue
            if r.status_code != 200:
                errors.append(f"{path}: HTTP {r.status_code}")
            elif path.startswith("/search.json"):
                seen.append(r.json()["total"])
                for hit in r.json()["hits"][:2]:
                    a = http.get(f"/article/{hit['id']}.json")
                    n += 1
                    if a.status_code != 200:
                        errors.append(f"article: HTTP {a.status_code}")
        if seen and seen[-1] >= int(sys.argv[3]):
            break
        time.sleep(0.05)
print(json.dumps({"requests": n, "errors": errors, "seen": seen}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _articles(n: int, start: int) -> str:
    rows = []
    for i in range(start, start + n):
        text = (f"The council met on Monday about the bridge number {i}. Officials said {i * 7} people attended and "
                f"the {WORDS[i % len(WORDS)]} was discussed for an hour before the vote.")
        rows.append(json.dumps({"url": f"https://town.example/{i}", "title": f"Council meeting {i}", "text": text}))
    return "\n".join(rows) + "\n"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsprism", "--setting", "stages", "clean.text", *args]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path, postgres_url: Callable[[str], str | None]) -> Iterator[str]:
    if importlib.util.find_spec("newsprism.serve.app") is None or importlib.util.find_spec("uvicorn") is None:
        pytest.skip("the web app (newsprism.serve) is not importable in this build")
    if request.param == "sqlite":
        yield str(tmp_path / "c.db")
        return
    url = postgres_url("c")
    if url is None:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    yield url
    from newsprism.store import open_store

    store = open_store(url)
    getattr(store, "drop_everything", lambda: None)()
    store.close()


def test_concurrency_search_while_ingesting(tmp_path: Path, db: str) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(_articles(10, 0))
    second.write_text(_articles(150, 10))
    subprocess.run(_cli("ingest", str(first), "--db", db, "--workers", "1", "--no-progress"), check=True,
                   capture_output=True, timeout=300)
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(_cli("serve", "--db", db, "--port", str(port)), stdout=subprocess.DEVNULL, stderr=log)
    writer = None
    try:
        _wait_ready(f"http://127.0.0.1:{port}", server, tmp_path / "serve.log")
        writer = subprocess.Popen(_cli("--setting", "batch_size", "5", "ingest", str(second), "--db", db,
                                       "--workers", "1", "--no-progress"), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        out = subprocess.run([sys.executable, "-c", _CLIENT, f"http://127.0.0.1:{port}", "90", "160"],
                             capture_output=True, timeout=180, check=True)
        assert writer.wait(timeout=300) == 0
    finally:
        for proc in (writer, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
        log.close()
    result = json.loads(out.stdout)
    assert result["errors"] == [], result["errors"][:5]
    seen = result["seen"]
    assert seen[0] < 160 and max(seen) > seen[0], seen  # the searches saw articles arrive during the ingest
    assert seen == sorted(seen)  # and never lost one


def _wait_ready(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    import httpx

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"serve exited: {log.read_text('utf-8', 'replace')[-1500:]}")
        try:
            if httpx.get(base + "/index.json", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail("serve did not answer within 90 s")
