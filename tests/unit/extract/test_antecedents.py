"""What pronouns and generic noun phrases may stand for, and the lines that name no speaker (#13)."""

from __future__ import annotations

import pytest

from newsprism.extract._antecedents import agrees, credit_line, dateline, pronoun_gender


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("pronoun", "label", "gender", "expected"),
    [
        ("he", "PERSON", "m", True),
        ("he", "PERSON", None, True),     # no evidence: any pronoun fits
        ("she", "PERSON", "m", False),
        ("She", "PERSON", "f", True),
        ("she", "ORG", None, False),      # an organisation is never "she"
        ("they", "PERSON", None, False),  # one named person is not "they"
        ("they", "ORG", None, True),
        ("they", "NORP", None, True),
        ("it", "ORG", None, True),
        ("it", "PERSON", None, False),
    ],
)
def test_antecedents_agreement(pronoun: str, label: str, gender: str | None, expected: bool) -> None:
    assert agrees(pronoun, label, gender) is expected


@pytest.mark.parametrize(("word", "expected"), [("his", "m"), ("Herself", "f"), ("them", "pl"), ("it", None)])
def test_antecedents_pronoun_gender(word: str, expected: str | None) -> None:
    assert pronoun_gender(word) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("line", "name", "expected"),
    [
        ("Photo: Anna Berg", "Anna Berg", True),
        ("Anna Berg", "Anna Berg", True),
        ("By Anna Berg", "Anna Berg", True),
        ("Anna Berg/Getty Images", "Anna Berg", True),
        # prose naming the same person is not a credit
        ("Anna Berg said the storm was the worst in years.", "Anna Berg", False),
        ("Anna Berg spoke.", "Anna Berg", False),
    ],
)
def test_antecedents_credit_line(line: str, name: str, expected: bool) -> None:
    assert credit_line(line, name) is expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Lisbon (AFP) – The storm hit the coast.", "Lisbon", True),
        ("WASHINGTON — The Senate voted on Tuesday.", "WASHINGTON", True),
        ("Intro line.\nKyiv, Ukraine (AP) — Sirens sounded.", "Kyiv", True),
        # a place that opens a sentence of prose is not a dateline
        ("Lisbon said – after a long debate – that it would pay.", "Lisbon", False),
        ("The storm hit Lisbon (Portugal) – again.", "Lisbon", False),
    ],
)
def test_antecedents_dateline(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert dateline(text, start, start + len(name)) is expected
