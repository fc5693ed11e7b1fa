"""The PolNeAR scorer's reading of a gold content's kind (bench/_gold_quotes.py) on hand-made lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))

import _gold_quotes as gq  # noqa: E402 - bench/ is a folder of scripts, not a package


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        ("“We will rebuild the bridge,” the mayor said.", "“We will rebuild the bridge,”", "direct"),
        ("The mayor said they would rebuild the bridge.", "they would rebuild the bridge", "indirect"),
        ("The mayor called the plan “a disgrace” on Monday.", "the plan “a disgrace”", "mixed"),
        # wire and archive text: two apostrophes or two backticks for a double mark
        ("''We will rebuild the bridge,'' the mayor said.", "''We will rebuild the bridge,''", "direct"),
        ("The mayor said the plan was ``a disgrace'' on Monday.", "the plan was ``a disgrace''", "mixed"),
    ],
)
def test_gold_quotes_kind_read_from_the_marks(text: str, content: str, kind: str) -> None:
    start = text.index(content)
    assert gq.kind_of(text, [(start, start + len(content))]) == kind
