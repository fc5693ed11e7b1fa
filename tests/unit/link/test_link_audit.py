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
