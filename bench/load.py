"""Load test: the web UI and JSON API answer searches while an ingest writes to the same corpus.

    python bench/load.py                                  # 2,000 requests or 60 s, whichever first
    python bench/load.py --requests 500 --seconds 20      # quick
    python bench/load.py --db postgresql://postgres@127.0.0.1:55432/postgres   # the PostgreSQL store

1. A corpus of Wikinews articles (CC BY 2.5, ../shared/data/wikinews, varied by
   ``bench/throughput.py``'s ``make_corpus``) is written as two JSON Lines files;
   the first part is ingested before the server starts.
2. ``newsprism serve`` starts on 127.0.0.1 on a free port.
3. ``newsprism ingest`` of the second part starts: the writer.
4. A second process (this script with ``--client``) fires a bounded number of
   requests over loopback with httpx, one connection, back to back: full-text
   searches (JSON and HTML), article pages and their JSON twins.
Printed: requests/s, p50 and p95 latency, errors (any status other than 200, or a
transport error), and how many articles the searches saw at the start and at the end.
Everything it starts is stopped before it returns.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

WORDS = ["police", "government", "election", "president", "storm", "court", "minister", "fire", "school", "water",
         "said", "million", "football", "health", "city", "report", "war", "vote", "research", "people"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def client(base: str, *, requests: int, seconds: float, seed: int = 1) -> dict[str, Any]:
    """Fire up to ``requests`` requests for at most ``seconds``; returns counts and latencies."""
    import httpx

    rng = random.Random(seed)
    latencies: list[float] = []
    errors: list[str] = []
    ids: list[str] = []
    totals: list[int] = []
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=30, trust_env=False) as http:
        while len(latencies) < requests and time.perf_counter() - started < seconds:
            roll = rng.random()
            if ids and roll < 0.2:
                path = f"/article/{rng.choice(ids)}.json"
            elif ids and roll < 0.3:
                path = f"/article/{rng.choice(ids)}"
            elif roll < 0.4:
                path = f"/search?q={rng.choice(WORDS)}"
            else:
                path = f"/search.json?q={rng.choice(WORDS)}"
            t0 = time.perf_counter()
            try:
                response = http.get(path)
                latencies.append(time.perf_counter() - t0)
            except httpx.HTTPError as e:
                latencies.append(time.perf_counter() - t0)
                errors.append(f"{path}: {type(e).__name__}")
                continue
            if response.status_code != 200:
                errors.append(f"{path}: HTTP {response.status_code}")
            elif path.startswith("/search.json"):
                data = response.json()
                ids.extend(hit["id"] for hit in data.get("hits", [])[:5] if hit["id"] not in ids)
                ids = ids[-500:]
            if len(latencies) % 50 == 1:
                totals.append(int(http.get("/index.json").json().get("counts", {}).get("articles", -1)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"requests": len(latencies), "seconds": round(elapsed, 2), "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1) if ordered else None,
            "errors": len(errors), "error_samples": errors[:5], "articles_seen": totals[:1] + totals[-1:]}


def wait_ready(base: str, *, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/index.json", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not answer within {timeout:.0f} s")


def _newsprism(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsprism", "--setting", "stages", "clean.text", *args]


def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from throughput import make_corpus

    first, second = folder / "first.jsonl", folder / "second.jsonl"
    make_corpus(args.articles * 2, folder / "all.jsonl")
    lines = (folder / "all.jsonl").read_text("utf-8").splitlines(keepends=True)
    first.write_text("".join(lines[: args.articles]), "utf-8")
    second.write_text("".join(lines[args.articles:]), "utf-8")
    db = args.db or str(folder / "corpus.db")
    subprocess.run(_newsprism("ingest", str(first), "--db", db, "--workers", "1", "--no-progress"), check=True,
                   stderr=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(_newsprism("serve", "--db", db, "--port", str(port)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    writer: subprocess.Popen[bytes] | None = None
    try:
        wait_ready(base)
        writer = subprocess.Popen(_newsprism("--setting", "batch_size", "8", "ingest", str(second), "--db", db,
                                             "--workers", "1", "--no-progress"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = subprocess.run([sys.executable, __file__, "--client", base, "--requests", str(args.requests),
                              "--seconds", str(args.seconds)], check=True, capture_output=True, timeout=args.seconds + 120)
        result: dict[str, Any] = json.loads(out.stdout)
        result["ingest_running_at_end"] = writer.poll() is None
        return result
    finally:
        for proc in (writer, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="Stop after this many requests (default 2,000).")
    parser.add_argument("--seconds", type=float, default=60, help="... or after this many seconds (default 60).")
    parser.add_argument("--articles", type=int, default=300, help="Articles before the server starts; as many more "
                                                                  "are ingested during the load (default 300).")
    parser.add_argument("--db", default=None, help="A postgresql:// URL (default: a new SQLite file).")
    parser.add_argument("--client", default=None, metavar="BASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        print(json.dumps(client(args.client, requests=args.requests, seconds=args.seconds)))
        return
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; store: {args.db or 'SQLite'}")
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args, Path(tmp))
    print(f"requests {result['requests']} in {result['seconds']} s: {result['rps']} requests/s, "
          f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, errors {result['errors']} {result['error_samples']}")
    print(f"articles seen by the server during the run: {result['articles_seen']}; "
          f"ingest still writing at the end: {result['ingest_running_at_end']}")


if __name__ == "__main__":
    main()
