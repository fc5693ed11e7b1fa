"""The per-document cleaning budget (``clean_budget``, W144)."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_article, clean_text
from newsprism.codes import Code
from newsprism.model import Article

_GLUED = "Russian forces left the city of Khersonis the news of the week, the governor said on Friday."


@pytest.mark.issue(12)
def test_clean_budget_unspent_repairs_glued_words() -> None:
    result = clean_text(_GLUED, budget=10.0)
    assert "Kherson is" in result.text
    assert not result.budget_spent


@pytest.mark.issue(12)
def test_clean_budget_spent_keeps_lines_as_they_are() -> None:
    result = clean_text(_GLUED + "\n\nShare this:", budget=0.0)
    assert result.budget_spent
    assert "Khersonis" in result.text and not result.repairs
    assert [removal.kind for removal in result.removals] == ["share"]  # furniture is still removed


@pytest.mark.issue(12)
def test_clean_budget_spent_is_a_warning_on_the_article() -> None:
    article = Article(id="a", text=_GLUED, raw_text=_GLUED)
    cleaned = clean_article(article, budget=0.0)
    assert [issue.code for issue in cleaned.issues] == [Code.CLEAN_BUDGET_SPENT]
    assert clean_article(article).issues == ()
