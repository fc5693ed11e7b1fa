"""``newsprism demo`` on the bundled examples: the written samples and the real Wikinews articles, one corpus.

The report must say how many real and how many written articles it ingested and
what linking found on the real ones. These runs keep only the cleaning stage
(fast); ``test_real_news.py`` runs every stage on the real articles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from newsprism.cli import cli
from newsprism.cli.demo import read_real_urls

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: What the examples README promises for the written samples: documents read, articles kept.
WRITTEN_DOCUMENTS, WRITTEN_ARTICLES = 45, 20


def _demo(tmp_path: Path, examples: Path) -> str:
    result = CliRunner().invoke(cli, ["--setting", "stages", "clean.text", "demo", "--db", str(tmp_path / "demo.db"),
                                      "--examples", str(examples)], prog_name="newsprism")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_demo_reports_real_and_written_articles_in_one_corpus(tmp_path: Path) -> None:
    rows = (EXAMPLES / "wikinews" / "articles.jsonl").read_text("utf-8").splitlines()
    real = [json.loads(row)["url"] for row in rows]
    assert read_real_urls(EXAMPLES) == set(real)
    report = _demo(tmp_path, EXAMPLES)
    total = WRITTEN_ARTICLES + len(real)
    assert f"Read {WRITTEN_DOCUMENTS + len(real)} documents: {total} new articles," in report
    assert f"The corpus {tmp_path / 'demo.db'} holds {total} articles" in report
    assert (f"Real news in the same corpus: {len(real)} articles from English Wikinews, CC BY 2.5, "
            f"Wikinews contributors, ") in report
    assert f"beside {WRITTEN_ARTICLES} sample articles written for the project" in report
    section = report.split("On the real articles, linking found:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split(":")[0] for line in section] == [
        "  stories", "  corpus entities", "  claims side by side", "  duplicates",
        "Chaining checks on the whole corpus (newsprism.link.audit)"]
    stories = re.match(r"  stories: (\d+) of two or more articles, holding (\d+) of the (\d+)", section[0])
    assert stories is not None and int(stories[3]) == len(real) and int(stories[2]) <= len(real)
    assert section[1] == "  corpus entities: none (no entity was extracted)"  # the cleaning stage only
    assert "join real articles with sample ones" not in report  # the made-up stories stay apart from real ones


def test_demo_without_real_news_says_nothing_of_it(tmp_path: Path) -> None:
    report = _demo(tmp_path, EXAMPLES / "text")
    assert "Read 4 documents: 4 new articles" in report
    assert "Real news" not in report and "Biden" not in report
