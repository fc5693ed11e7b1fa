"""The corpus checks flag groups that hold two things, and only those."""

from __future__ import annotations

import pytest

from newsprism.link.audit import persons_with_two_given_names
from newsprism.link.entities import CorpusEntity


def _person(*variants: str) -> CorpusEntity:
    return CorpusEntity("c1", variants[0], "PERSON", list(variants), [], 1, [])


@pytest.mark.parametrize(
    "variants",
    [
        ("Ellen DeGeneres", "Comedian Ellen DeGeneres"),   # a role word before the name
        ("Joe Biden", "President Joe Biden", "Joseph Biden"),
        ("Saint John Paul", "St. John Paul"),
        ("Anne-Marie Duff", "Anne Duff"),
    ],
)
def test_audit_one_person_under_its_names(variants: tuple[str, ...]) -> None:
    assert persons_with_two_given_names([_person(*variants)]) == []


def test_audit_two_given_names_are_two_people() -> None:
    [conflict] = persons_with_two_given_names([_person("Donald Trump", "Melania Trump", "Trump")])
    assert conflict.values == ("Donald", "Melania")


@pytest.mark.issue(17)
def test_audit_a_given_name_written_alone_counts() -> None:
    # On the real mixed corpus one "person" held Charles and Charlene, each written alone.
    known = [_person("Charles Bronson", "Bronson"), _person("Charlene Wittstock", "Wittstock")]
    alone = CorpusEntity("c2", "Charles", "PERSON", ["Charlene", "Charles"], [], 3, [])
    [conflict] = persons_with_two_given_names([*known, alone])
    assert (conflict.name, conflict.values) == ("Charles", ("Charlene", "Charles"))
    # a surname written alone beside the full name is no second given name
    assert persons_with_two_given_names([*known, _person("Donald Trump", "Trump", "Donald")]) == []


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "variants",
    [
        # real entities of the real mixed corpus: a surname spelt two ways, a person called by a middle name
        ("Nidal Hasan", "Hassan", "Nidal"),
        ("Chris Byrd", "Bird", "Chris"),
        ("Benjamin Matthew Williams", "Matthew Williams", "Benjamin"),
    ],
)
def test_audit_a_surname_spelling_or_a_middle_name_is_no_second_given_name(variants: tuple[str, ...]) -> None:
    known = [_person("Hassan Rouhani"), _person("Bird Jones"), _person("Matthew Perry")]
    assert persons_with_two_given_names([*known, _person(*variants)]) == []


@pytest.mark.issue(17)
def test_audit_a_given_name_alone_beside_another_still_counts() -> None:
    """A row that must not change: "Melania" alone is no spelling of Trump nor a middle name of the entity's."""
    known = [_person("Melania Trump")]
    [conflict] = persons_with_two_given_names([*known, _person("Donald John Trump", "Donald Trump", "Melania")])
    assert conflict.values == ("Donald", "Melania")
