"""Every command of the tour with values it cannot use: a usage error, never a traceback or a silent nothing (#15).

Each bad value ends in exit code 2 and one error line that names the value; the
values newsprism checks itself say so in its coded one-line shape
(``Error: [E170] --from: 'yesterday' is not a date; use ISO 8601, ...``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.model import Article
from newsprism.store import open_store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kherson-scraped.txt"
FAST = ["--setting", "stages", "clean.text"]
IDS = ["abc1000000000000", "abc2000000000000", "abc3000000000000", "abd4000000000000", "f00d000000000000"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it (``python -m newsprism``: the console script's own entry point)."""
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, "NEWSPRISM_DB": str(cwd / "corpus.db")})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``corpus.db``: three ids share the prefix 'abc', one alone starts with 'abd'."""
    folder = tmp_path_factory.mktemp("bad-values")
    store = open_store(folder / "corpus.db")
    store.add([Article(id=aid, text=f"Article {n} on the Danube floods.", title=f"Floods {n}", url=f"https://e.example/{n}",
                       published="2022-11-09", lang="en") for n, aid in enumerate(IDS)])
    store.close()
    (folder / "a-folder").mkdir()
    return folder


def assert_usage_error(result: subprocess.CompletedProcess[str], value: str, code: str | None) -> str:
    """Exit 2, no traceback, one error line naming ``value`` (our own errors: that line alone, with ``code``)."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 2, output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, result.stderr
    assert value in errors[0], errors[0]
    if code is not None:
        assert result.stderr.strip().splitlines() == [errors[0]], result.stderr
        assert errors[0].startswith(f"Error: [{code}] "), errors[0]
    return errors[0]


DATE_FORMS = "use ISO 8601, e.g. 2022-11-09"

# (arguments, the bad value the message must name, our code or None for click's own usage errors)
BAD: list[tuple[list[str], str, str | None]] = [
    # dates: ISO 8601 only, for every date option
    ([*FAST, "extract", str(EXAMPLE), "--published", "yesterday"], "'yesterday'", "E170"),
    ([*FAST, "extract", str(EXAMPLE), "--published", "2022-13-45"], "'2022-13-45'", "E170"),
    ([*FAST, "extract", str(EXAMPLE), "--published", "Nov 9, 2022"], "'Nov 9, 2022'", "E170"),
    ([*FAST, "extract", str(EXAMPLE), "--published", "2022/11/09"], "'2022/11/09'", "E170"),
    (["search", "--from", "2022-13-01", "floods"], "'2022-13-01'", "E170"),
    (["search", "--from", "yesterday"], "'yesterday'", "E170"),
    (["search", "--to", "2022-02-30"], "'2022-02-30'", "E170"),
    # languages
    (["clean", "--language", "xx", str(EXAMPLE)], "'xx'", "E171"),
    (["search", "--lang", "english"], "'english'", "E171"),
    # output paths, checked before any work
    (["export", "-o", "no/such/folder/x.jsonl"], "'no/such/folder/x.jsonl'", "E172"),
    (["export", "-o", "a-folder"], "'a-folder'", "E172"),
    (["export", "--format", "parquet", "-o", "no/such/folder/x.parquet"], "'no/such/folder/x.parquet'", "E172"),
    # ids: missing, too short, ambiguous
    (["show", "nosuchid"], "'nosuchid'", "E140"),
    (["show", "ab"], "'ab'", "E140"),
    (["show", "abc"], "'abc'", "E173"),
    (["stories", "nosuchstory"], "'nosuchstory'", "E174"),
    (["quotes", "--story", "nosuchstory"], "'nosuchstory'", "E174"),
    (["claims", "--story", "nosuchstory"], "'nosuchstory'", "E174"),
    (["quotes", "--from", "yesterday"], "'yesterday'", "E170"),
    (["claims", "--to", "2022-02-30"], "'2022-02-30'", "E170"),
    # codes
    (["failures", "--code", "104"], "'104'", "E176"),
    # click's own checks of choices and numbers: one error line too
    (["search", "--sort", "sideways"], "'sideways'", None),
    (["search", "--limit", "many"], "'many'", None),
    (["export", "--format", "csv"], "'csv'", None),
    (["failures", "--limit", "0"], "0", None),
    (["clean", "--kind", "pdf", str(EXAMPLE)], "'pdf'", None),
    (["entities", "list", "--limit", "lots"], "'lots'", None),
    (["quotes", "--limit", "0"], "0", None),
    (["schema", "--indent", "wide"], "'wide'", None),
    (["ingest", "--engine", "spark", str(EXAMPLE)], "'spark'", None),
    (["serve", "--port", "http"], "'http'", None),
    (["demo", "--examples", "no/such/folder"], "'no/such/folder'", None),
]


@pytest.mark.issue(15)
@pytest.mark.parametrize(("args", "value", "code"), BAD, ids=[" ".join(a[-3:]) for a, _, _ in BAD])
def test_bad_values_are_one_line_usage_errors(corpus: Path, args: list[str], value: str, code: str | None) -> None:
    line = assert_usage_error(run(*args, cwd=corpus), value, code)
    if code == "E170":
        assert DATE_FORMS in line  # says what it accepts
    if code == "E171" and "clean" in args:
        assert "supported: " in line and "en" in line.split("supported: ")[1].split(", ")


@pytest.mark.issue(15)
def test_bad_values_ambiguous_id_names_candidates_and_unique_prefix_works(corpus: Path) -> None:
    line = assert_usage_error(run("show", "abc", cwd=corpus), "'abc'", "E173")
    assert "ambiguous" in line and all(aid in line for aid in IDS[:3]) and IDS[3] not in line
    shown = run("show", "abd", "--no-text", cwd=corpus)  # a unique three-character prefix
    assert shown.returncode == 0 and IDS[3] in shown.stdout, shown.stderr
    shown = run("show", "f00d", "--json", cwd=corpus)
    assert shown.returncode == 0 and f'"id": "{IDS[4]}"' in shown.stdout


@pytest.mark.issue(15)
def test_bad_values_good_dates_are_accepted(corpus: Path) -> None:
    for value in ("2022-11-09", "2022-11-09T14:30", "2022-11-09 14:30:00", "2022-11-09T14:30:00+02:00",
                  "2022-11-09T14:30Z"):
        result = run("search", "--from", value, "--to", "2022-11-09", "floods", cwd=corpus)
        assert result.returncode == 0, (value, result.stderr)
    assert run("search", "--to", "2022-11-09", "floods", cwd=corpus).stdout.startswith("5 articles")
    assert run("search", "--to", "2022-11-08", "floods", cwd=corpus).stdout.startswith("0 articles")


@pytest.mark.issue(15)
def test_bad_values_a_reading_command_does_not_create_a_corpus(corpus: Path) -> None:
    for args in (["stories"], ["entities", "list"], ["failures"], ["search", "x"], ["quotes"], ["claims"]):
        result = run(*args, "--db", "typo/corpus.db", cwd=corpus)
        assert result.returncode == 1 and "[E301] no corpus at typo/corpus.db" in result.stderr, result.stderr
    assert not (corpus / "typo").exists()


@pytest.mark.issue(15)
def test_bad_values_a_bad_setting_stops_before_any_work(corpus: Path) -> None:
    result = run("--setting", "main_language", "xx", *FAST, "ingest", str(EXAMPLE), "--db", "new.db", "--workers", "2",
                 "--no-progress", cwd=corpus)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("Error: [E201] setting main_language: 'xx'") and "supported: " in result.stderr
    assert not (corpus / "new.db").exists()


@pytest.mark.issue(15)
def test_bad_values_extract_names_an_option_it_has(corpus: Path) -> None:
    refused = run(*FAST, "extract", "http://127.0.0.1:9/page.html", cwd=corpus)
    assert refused.returncode == 1 and "[E111]" in refused.stderr
    hint = refused.stderr.split("pass ", 1)[1].split()[0]
    assert hint == "--allow-private"
    assert hint in run("extract", "--help", cwd=corpus).stdout


@pytest.mark.issue(15)
@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not stop root")
def test_bad_values_unwritable_output_folder(corpus: Path) -> None:
    locked = corpus / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = assert_usage_error(run("export", "-o", "locked/x.jsonl", cwd=corpus), "'locked/x.jsonl'", "E172")
        assert "no permission" in line
    finally:
        locked.chmod(0o700)
