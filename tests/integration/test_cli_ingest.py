"""``newsprism ingest`` as a user meets it on real work (#15): the report and its run id, exit codes, link
steps, progress only when asked, and Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FAST = ["--setting", "stages", "clean.text"]
GOOD = "Officials said on Tuesday that {n} people had been evacuated from the river town of Galati.\n"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=300,
                          env=env)


def _folder(tmp_path: Path, good: int = 2, *, empty: int = 1, binary: int = 1) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(good):
        (folder / f"good-{n}.txt").write_text(GOOD.format(n=400 + n))
    for n in range(empty):
        (folder / f"empty-{n}.txt").write_bytes(b"")
    for n in range(binary):
        (folder / f"binary-{n}.txt").write_bytes(bytes(range(256)) * 16)
    return folder


@pytest.mark.issue(15)
def test_cli_ingest_report_names_the_run_that_failures_lists(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    done = run(*FAST, "ingest", str(_folder(tmp_path, empty=2)), "--db", db, "--workers", "1")
    assert done.returncode == 0, done.stderr
    report = done.stderr
    run_id = re.search(r"^Ingest run (\d+) into ", report, re.M)
    assert run_id is not None, report
    assert "Read 5 documents: 2 new articles, 0 duplicates, 0 already ingested, 3 failed." in report
    assert re.search(r"^  E105 x2: it is empty \(no bytes, or only whitespace\) \(e\.g\. .*empty-0\.txt\)$", report, re.M)
    assert re.search(r"^  E106 x1: it holds binary data", report, re.M)
    assert "Found in the 2 new articles: " in report and re.search(r"^Linked 2 articles in ", report, re.M)
    assert f"  newsprism failures --db {db} --run {run_id[1]}" in report.splitlines()
    assert "  newsprism serve --db " + db in report.splitlines() and "Traceback" not in report
    listed = run("failures", "--db", db, "--run", run_id[1], "--json")
    assert listed.returncode == 0, listed.stderr
    assert sorted(json.loads(line)["code"] for line in listed.stdout.splitlines()) == ["E105", "E105", "E106"]


@pytest.mark.issue(15)
def test_cli_ingest_json_is_the_same_report_as_one_object(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    done = run(*FAST, "ingest", str(_folder(tmp_path)), "--db", db, "--workers", "1", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # one object, nothing else on stdout
    assert (report["read"], report["new"], report["stored"], report["skipped"], report["failed"]) == (4, 2, 2, 0, 2)
    assert [(g["code"], g["count"]) for g in report["failed_by_code"]] == [("E105", 1), ("E106", 1)]
    assert report["failed_by_code"][0]["reasons"][0]["reason"] == "it is empty (no bytes, or only whitespace)"
    assert set(report["found"]) == {"entities", "quotes", "claims", "times", "places"}
    assert report["link"]["articles"] == 2 and report["corpus"]["articles"] == 2
    assert report["next"][0] == f"newsprism failures --db {db} --run {report['run_id']}"
    assert done.stderr == ""  # no progress, no text report: --json is quiet


@pytest.mark.issue(15)
@pytest.mark.parametrize("json_output", [False, True])
def test_cli_ingest_exits_1_when_every_document_fails(tmp_path: Path, json_output: bool) -> None:
    folder = _folder(tmp_path, good=0, empty=2, binary=1)
    done = run(*FAST, "ingest", str(folder), "--db", str(tmp_path / "c.db"), "--workers", "1",
               *(["--json"] if json_output else []))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    if json_output:
        assert (json.loads(done.stdout)["failed"], json.loads(done.stdout)["stored"]) == (3, 0)
    else:
        assert done.stderr.splitlines()[-1] == "Every document failed: 3 of 3 (exit 1)."


@pytest.mark.issue(15)
def test_cli_ingest_exits_0_when_everything_was_already_ingested(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    folder = _folder(tmp_path, good=3, empty=0, binary=0)
    assert run(*FAST, "ingest", str(folder), "--db", db, "--workers", "1").returncode == 0
    again = run(*FAST, "ingest", str(folder), "--db", db, "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert "Read 3 documents: 0 new articles, 0 duplicates, 3 already ingested, 0 failed." in again.stderr
    assert "Everything was already ingested: nothing new to store." in again.stderr


@pytest.mark.issue(15)
def test_cli_ingest_reports_link_steps_and_progress_when_asked(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    asked = run(*FAST, "ingest", str(EXAMPLES / "text"), "--db", db, "--workers", "1", "--progress")
    assert asked.returncode == 0, asked.stderr
    steps = re.findall(r"^link (\w+): .+, \d+\.\d s$", asked.stderr, re.M)
    assert steps == ["read", "furniture", "duplicates", "vectors", "stories", "lineage", "entities", "claims", "write"]
    assert "ingesting: 1 of 4 documents (25%)" in asked.stderr.splitlines()
    assert re.search(r"^ingesting: 4 of 4 documents \(100%\)", asked.stderr, re.M)
    quiet = run(*FAST, "ingest", str(EXAMPLES / "text"), "--db", db, "--workers", "1")  # stderr is not a terminal
    assert "link " not in quiet.stderr and "ingesting" not in quiet.stderr
    linked = run("link", "--db", db, "--progress")
    assert re.findall(r"^link (\w+): ", linked.stderr, re.M) == steps


@pytest.mark.issue(17)
def test_cli_ingest_no_link_stores_without_linking_and_link_links_later(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    bulk = run(*FAST, "ingest", str(EXAMPLES / "text"), "--db", db, "--workers", "1", "--no-link", "--json")
    assert bulk.returncode == 0, bulk.stderr
    report = json.loads(bulk.stdout)
    assert report["link"] is None and report["corpus"]["articles"] == report["new"] > 0
    stories = run("stories", "--db", db, "--json")
    assert stories.returncode == 0 and stories.stdout.strip() == "", stories.stdout  # nothing linked yet
    text = run(*FAST, "ingest", str(EXAMPLES / "text"), "--db", db, "--workers", "1", "--no-link")
    assert "Not linked: 'newsprism link' links the corpus" in text.stderr, text.stderr
    linked = run("link", "--db", db, "--json")
    assert linked.returncode == 0, linked.stderr
    assert json.loads(linked.stdout)["articles"] == report["new"]
    assert run("stories", "--db", db, "--json").stdout.strip() != ""


SLOW_PLUGIN = '''
import time


class SlowStage:
    name = "slow.stage"
    requires = ("text",)
    assigns = ()

    def pipe(self, articles):
        for article in articles:
            time.sleep(0.25)
            yield article


def make_stage(settings):
    return SlowStage()
'''


def _slow_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a process in which the stage ``slow.stage`` (0.25 s a document) is installed."""
    folder = tmp_path / "plugin"
    (folder / "slow_plugin-0.1.dist-info").mkdir(parents=True)
    (folder / "slow_stage.py").write_text(SLOW_PLUGIN)
    (folder / "slow_plugin-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: slow-plugin\nVersion: 0.1\n")
    (folder / "slow_plugin-0.1.dist-info" / "entry_points.txt").write_text("[newsprism]\nslow.stage = slow_stage:make_stage\n")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), *sys.path])}


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _session(sid: int) -> list[str]:
    """The live processes of session ``sid``."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(stat.parent.name)
    return alive


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.issue(15)
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table in /proc")
def test_cli_ingest_ctrl_c_exits_130_with_a_resume_hint_and_no_worker_left(tmp_path: Path) -> None:
    folder = _folder(tmp_path, good=40, empty=0, binary=0)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "newsprism", "--setting", "stages", "clean.text,slow.stage",
               "--setting", "batch_size", "8", "ingest", str(folder), "--db", str(db), "--workers", "2"]
    env = _slow_env(tmp_path)
    # SIGINT at its default, as a terminal's shell starts a command: a suite run in the background by a
    # non-interactive shell passes SIGINT on ignored, and Python then keeps ignoring it (as it should)
    proc = subprocess.Popen(command, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_sigint_default)
    try:
        deadline = time.monotonic() + 120
        while _articles(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None and 0 < _articles(db) < 40, "the ingest ended before it could be interrupted"
        assert len(_session(proc.pid)) >= 3  # the ingest and its two workers, at least
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole foreground group
        began = time.monotonic()
        _, err = proc.communicate(timeout=30)
        assert time.monotonic() - began < 10, "Ctrl-C waited for the batches in flight"
        assert proc.returncode == 130, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert err.strip().splitlines()[-1] == ("Interrupted: what was stored is kept. Run the same command again to "
                                                "resume; documents already stored are skipped.")
        deadline = time.monotonic() + 15
        while _session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _session(proc.pid) == [], "worker processes outlived the interrupted ingest"
    finally:
        for pid in _session(proc.pid):
            os.kill(int(pid), signal.SIGKILL)
    stored = _articles(db)
    resumed = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["skipped"] == stored and summary["new"] == 40 - stored and _articles(db) == 40


@pytest.mark.issue(15)
def test_cli_ctrl_c_in_any_command_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # click turns a KeyboardInterrupt into Abort, which exited 1 ("Aborted.") instead of Ctrl-C's 130
    import newsprism.cli._common as common
    from newsprism.cli import main

    def interrupt(**options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(common, "load_settings", interrupt)
    with pytest.raises(SystemExit) as exited:
        main(["stages"])
    assert exited.value.code == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == "Interrupted."
