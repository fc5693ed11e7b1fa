"""The corpus in the terminal (#15): ``stories``, ``stories ID``, ``entities``, ``quotes`` and ``claims`` print
tables a person reads, and ``--json`` the documented records, on a corpus ingested by the real CLI from the
example pages (every stage), plus one article written here that gives another figure for the same day."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsprism.cli import _tables, cli
from newsprism.store import open_store
from newsprism.store.links import StoryRow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: A report of the Danube flood from an outlet the examples do not have, dated the day Continental Wire
#: and the Danube Courier give their figures: nine dead, where the Courier says at least 11.
MONITOR = {
    "url": "https://www.blackseamonitor.example/2023/04/12/danube-flood-evacuations", "site": "Black Sea Monitor",
    "title": "Danube flood: 30,000 evacuated as the crest nears the delta", "published": "2023-04-12T18:00:00+00:00",
    "text": "About 30,000 people have been evacuated along the lower Danube, officials said on Wednesday, as the "
            "flood crest moved past Galati and Braila towards the delta.\n\nIn Izmail, district head Oleksandr "
            "Hrytsenko said water had reached the port of Reni and that villages along the Kiliia branch were being "
            "emptied. Nine people have died on both banks of the river, according to the authorities.\n\nThe Danube "
            "Hydrology Centre said the river stood at 6.8 metres at Galati, the highest level in April since records "
            "began. Rescue teams in Tulcea county moved families from low-lying streets by boat."}
STORY_KEYS = {"story_id", "label", "start", "end", "sources", "size"}
ARTICLE_KEYS = {"article_id", "published", "source", "title", "url"}
ENTITY_KEYS = {"corpus_id", "name", "label", "articles", "variants"}
GROUP_KEYS = {"quantity", "verdict", "differs", "sources", "low", "high", "claims"}
CLAIM_KEYS = {"article_id", "source", "published", "as_of", "value", "bound", "unit", "counted", "claimant", "text",
              "note"}


def invoke(*args: str, columns: int | None = None) -> Result:
    env = {"COLUMNS": str(columns) if columns else ""}
    return CliRunner(env=env).invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("corpus-views")
    (folder / "monitor.jsonl").write_text(json.dumps(MONITOR) + "\n", encoding="utf-8")
    path = str(folder / "corpus.db")
    done = invoke("ingest", str(EXAMPLES / "html"), str(folder / "monitor.jsonl"), "--db", path, "--workers", "1",
                  "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["new"] == 13
    return path


def _stories(db: str) -> list[dict[str, Any]]:
    listed = invoke("stories", "--db", db, "--json")
    assert listed.exit_code == 0, listed.output
    return [json.loads(line) for line in listed.stdout.splitlines()]


@pytest.fixture(scope="module")
def flood(db: str) -> dict[str, Any]:
    """The flood story as ``stories ID --json`` gives it, asked for by a prefix of its id."""
    (story,) = [s for s in _stories(db) if "Black Sea Monitor" in s["sources"]]
    shown = invoke("stories", story["story_id"][:5], "--db", db, "--json")
    assert shown.exit_code == 0, shown.output
    record: dict[str, Any] = json.loads(shown.stdout)
    return record


def _sections(text: str) -> dict[str, str]:
    """The story's text cut at each claim group heading (``  quantity: ...`` or ``≠ quantity: ...``)."""
    parts = re.split(r"^(?:  |≠ )(\S[^:\n]*): .*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.issue(15)
def test_cli_stories_table_has_titles_sites_dates_and_counts(db: str) -> None:
    stories = _stories(db)
    assert len(stories) == 2 and all(set(s) == STORY_KEYS for s in stories)
    shown = invoke("stories", "--db", db)
    assert shown.exit_code == 0, shown.output
    header, *rows = shown.stdout.splitlines()
    assert header.split() == ["Story", "From", "To", "Articles", "Sources", "Title", "Sites"]
    for story in stories:
        (row,) = [r for r in rows if r.startswith(story["story_id"])]
        assert story["label"] in row and ", ".join(story["sources"]) in row
        assert re.search(rf"{story['start'][:10]}\s+{story['end'][:10]}\s+{story['size']}\s+{len(story['sources'])}\s",
                         row), row


@pytest.mark.issue(15)
def test_cli_story_json_is_the_documented_record(flood: dict[str, Any]) -> None:
    assert set(flood) == STORY_KEYS | {"articles", "entities", "claim_groups"}
    assert len(flood["articles"]) == flood["size"] and all(set(a) == ARTICLE_KEYS for a in flood["articles"])
    assert "Danube flood: 30,000 evacuated as the crest nears the delta" in {a["title"] for a in flood["articles"]}
    assert flood["entities"] and all(set(e) == ENTITY_KEYS for e in flood["entities"])
    assert all(set(g) == GROUP_KEYS and all(set(c) == CLAIM_KEYS for c in g["claims"]) for g in flood["claim_groups"])
    evacuated = next(g for g in flood["claim_groups"] if g["quantity"] == "evacuated")
    assert {(c["source"], c["value"]) for c in evacuated["claims"]} >= {("The Daily Harbor", 42000.0),
                                                                        ("Continental Wire", 80000.0)}


@pytest.mark.issue(15)
def test_cli_story_shows_articles_entities_and_claims_side_by_side(db: str, flood: dict[str, Any]) -> None:
    shown = invoke("stories", flood["story_id"][:5], "--db", db)
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    assert text.splitlines()[0] == flood["label"]
    assert f"Articles ({flood['size']})" in text
    for article in flood["articles"]:
        assert re.search(rf"^{re.escape((article['published'] or '?')[:10])}\s+{re.escape(article['source'])}\s+"
                         rf"{re.escape(article['title'])}\s+{article['article_id'][:8]}$", text, re.M), article
    # the spellings of one person in one row of the entities table
    assert re.search(r"^Oleksandr Hrytsenko\s+PERSON\s+\d+\s+.*Alexander Gritsenko", text, re.M), text
    groups = _sections(text.split("Claims side by side", 1)[1])
    # a group shows each source's figure in its own row
    evacuated = groups["evacuated"]
    assert re.search(r"^\s+2023-04-11\s+The Daily Harbor\s+about 42,000\s", evacuated, re.M), evacuated
    assert re.search(r"^\s+2023-04-12\s+Continental Wire\s+more than 80,000\s", evacuated, re.M), evacuated


@pytest.mark.issue(15)
def test_cli_story_marks_where_sources_disagree(db: str, flood: dict[str, Any]) -> None:
    differs = [g for g in flood["claim_groups"] if g["differs"]]
    assert differs, "the Black Sea Monitor's nine dead against the Courier's at least 11, on the same day"
    text = invoke("stories", flood["story_id"], "--db", db).stdout
    headings = re.findall(r"^(≠| ) (\S[^:\n]*): (.*)$", text, re.M)
    marked = {quantity for mark, quantity, _ in headings if mark == "≠"}
    assert marked == {g["quantity"] for g in differs if g["sources"] > 1}
    assert all("SOURCES DISAGREE" in rest for mark, _, rest in headings if mark == "≠")
    groups = _sections(text.split("Claims side by side", 1)[1])
    for group in differs:
        rows = groups[group["quantity"]]
        for claim in group["claims"]:  # every source's value, in the same group
            value = _tables.number(claim["value"], bound=claim["bound"], unit=claim["unit"])
            assert re.search(rf"{re.escape(claim['source'])}\s+{re.escape(value)}\s", rows), (claim, rows)
        assert re.search(r"^≠\s+2023-04-12\s+Black Sea Monitor\s+9\s+.*disagrees with .*Danube Courier", rows, re.M), rows


@pytest.mark.issue(15)
def test_cli_tables_fit_a_narrow_terminal(db: str, flood: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_tables, "is_terminal", lambda: True)
    shown = invoke("stories", flood["story_id"], "--db", db, columns=60)
    assert shown.exit_code == 0, shown.output
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in shown.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 60
    monitor = next(a for a in flood["articles"] if a["source"] == "Black Sea Monitor")
    row = next(line for line in lines if line.endswith(monitor["article_id"][:8]))  # its row in the articles
    assert "…" in row and monitor["title"] not in row and "Danube" in row  # the title cut, with an ellipsis
    for article in flood["articles"]:  # ids and dates are never cut
        assert any(article["article_id"][:8] in line for line in lines)


@pytest.mark.issue(15)
def test_cli_story_ids_resolve_like_article_ids(tmp_path: Path) -> None:
    path = str(tmp_path / "c.db")
    store = open_store(path)
    rows = [StoryRow(sid, f"Story {sid}", "2023-04-11", "2023-04-12", [], 2) for sid in ("sabc111", "sabc222", "sabd333")]
    store.replace_links({StoryRow: rows})
    store.close()
    ambiguous = invoke("stories", "sabc", "--db", path)
    assert ambiguous.exit_code == 2 and "[E173]" in ambiguous.output and "sabc111, sabc222" in ambiguous.output
    assert "sabd333" not in ambiguous.output
    for missing in ("sxyz", "sa"):
        result = invoke("stories", missing, "--db", path)
        assert result.exit_code == 2 and "[E174]" in result.output, result.output
    shown = invoke("stories", "sabd", "--db", path, "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["story_id"] == "sabd333"


@pytest.mark.issue(15)
def test_cli_entities_list_and_show(db: str) -> None:
    listed = invoke("entities", "list", "--db", db, "--label", "PERSON")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.splitlines()[0].split() == ["Entity", "Label", "Articles", "Also", "written"]
    assert re.search(r"^Oleksandr Hrytsenko\s+PERSON\s+\d+\s+.*Alexander Gritsenko", listed.stdout, re.M)
    record = json.loads(invoke("entities", "show", "Gritsenko", "--db", db, "--json").stdout)
    assert {"corpus_id", "name", "label", "variants", "evidence", "articles", "members", "in_articles"} <= set(record)
    assert record["name"] == "Oleksandr Hrytsenko" and len(record["in_articles"]) == record["articles"]
    shown = invoke("entities", "show", "Gritsenko", "--db", db)
    assert shown.exit_code == 0, shown.output
    assert f"Articles ({record['articles']})" in shown.stdout
    for article in record["in_articles"]:
        assert article["title"] in shown.stdout and article["article_id"][:8] in shown.stdout


@pytest.mark.issue(15)
def test_cli_quotes_of_a_speaker_in_a_story(db: str, flood: dict[str, Any]) -> None:
    ids = {a["article_id"] for a in flood["articles"]}
    found = invoke("quotes", "--speaker", "Oleksandr Hrytsenko", "--story", flood["story_id"][:4], "--db", db,
                   "--json")
    assert found.exit_code == 0, found.output
    quotes = [json.loads(line) for line in found.stdout.splitlines()]
    assert quotes and all(q["article_id"] in ids for q in quotes)
    hrytsenko = next(e for e in flood["entities"] if e["name"] == "Oleksandr Hrytsenko")
    assert {q["speaker"] for q in quotes} <= set(hrytsenko["variants"])
    assert all(set(q) == {"article_id", "start", "end", "text", "speaker", "cue", "kind", "published", "source",
                          "title"} for q in quotes)
    shown = invoke("quotes", "--speaker", "Oleksandr Hrytsenko", "--story", flood["story_id"][:4], "--db", db)
    assert shown.stdout.splitlines()[0].split() == ["Published", "Source", "Speaker", "Quote", "Article"]
    for quote in quotes:
        assert f"“{' '.join(quote['text'].split())}”" in shown.stdout


@pytest.mark.issue(15)
def test_cli_claims_of_a_story(db: str, flood: dict[str, Any]) -> None:
    found = invoke("claims", "--story", flood["story_id"][:4], "--db", db, "--json", "--limit", "500")
    claims = [json.loads(line) for line in found.stdout.splitlines()]
    assert {c["article_id"] for c in claims} <= {a["article_id"] for a in flood["articles"]}
    assert ("Black Sea Monitor", 30000.0) in {(c["source"], c["value"]) for c in claims}
    shown = invoke("claims", "--story", flood["story_id"][:4], "--counted", "evacuated", "--db", db)
    assert re.search(r"^2023-04-12\s+Black Sea Monitor\s+about 30,000\s+people evacuated\s+officials\s", shown.stdout,
                     re.M), shown.stdout
    missing = invoke("claims", "--story", "nosuchstory", "--db", db)
    assert missing.exit_code == 2 and "[E174]" in missing.output


@pytest.mark.issue(15)
def test_cli_views_are_the_same_on_postgresql(db: str, flood: dict[str, Any],
                                              postgres_url: Callable[[str], str | None]) -> None:
    from newsprism.link.run import link_corpus

    url = postgres_url("cli")
    if url is None:
        pytest.skip("no PostgreSQL server: set NEWSPRISM_TEST_POSTGRES (scripts/test starts one)")
    source = open_store(db, readonly=True)
    pg = open_store(url)
    try:
        pg.add(list(source.iter_articles()))
        link_corpus(pg)
        shown = invoke("stories", flood["story_id"][:5], "--db", url, "--json")
        assert shown.exit_code == 0, shown.output
        assert json.loads(shown.stdout) == flood
        args = ["--speaker", "Oleksandr Hrytsenko", "--story", flood["story_id"][:4], "--json"]
        assert invoke("quotes", *args, "--db", url).stdout == invoke("quotes", *args, "--db", db).stdout
        listed = invoke("entities", "list", "--label", "PERSON", "--db", url)
        assert listed.stdout == invoke("entities", "list", "--label", "PERSON", "--db", db).stdout
    finally:
        source.close()
        pg.drop_everything()  # type: ignore[attr-defined]
        pg.close()
