"""Checks an analyst would run on the corpus layer: signs that linking joined different things.

- a person entity that holds two different given names (Donald Trump and Melania Trump; Michael and
  Michelle, written alone);
- a place entity whose places lie in two different countries (Austria and Australia);
- a claim group that mixes units (a percentage beside a sum of money).

Each check returns the offending groups with what conflicts, so a report can
show them and a test can require none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..extract._lexicon import ROLE_NOUNS, TITLES
from ..extract.names import name_parts, strip_title
from ..model import Article
from .claims import ClaimRow, dimension_of
from .entities import CorpusEntity
from .entity_rules import same_given_name, same_person_word
from .features import label_family


@dataclass(frozen=True, slots=True)
class Conflict:
    """One group that holds things that cannot be one."""

    group: str
    name: str
    values: tuple[str, ...]


def _given(name: str) -> str | None:
    """The first given name, read past titles and role words ("Comedian Ellen DeGeneres")."""
    words = strip_title(name)[1].split()
    while len(words) > 2 and words[0].rstrip(".").casefold() in TITLES | ROLE_NOUNS:
        words = words[1:]
    given, _surname = name_parts(" ".join(words))
    first = given[0].rstrip(".").split("-")[0] if given else ""
    first = "Saint" if first.casefold() == "st" else first  # St John is Saint John
    return first if len(first) > 1 else None


def _given_names(name: str) -> list[str]:
    """Every given name of a full name, read past titles and role words."""
    words = strip_title(name)[1].split()
    while len(words) > 2 and words[0].rstrip(".").casefold() in TITLES | ROLE_NOUNS:
        words = words[1:]
    return list(name_parts(" ".join(words))[0])


def persons_with_two_given_names(entities: Iterable[CorpusEntity]) -> list[Conflict]:
    """Person entities whose names (every variant) carry given names that are not one name.

    A one-word variant counts as a given name when the corpus writes it as one in a full name: an
    entity "Michael" that holds "Michelle" joined two people by their first names alone (#17).
    """
    entities = [e for e in entities if label_family(e.label) == "PERSON"]
    known = {g.casefold() for e in entities for v in e.variants if len(v.split()) > 1 and (g := _given(v))}
    found = []
    for entity in entities:
        surnames = {name_parts(strip_title(v)[1])[1].casefold() for v in entity.variants if len(v.split()) > 1}
        # a one-word variant spelt like the surname is the surname (Hasan / Hassan, Byrd / Bird), and a middle
        # name is the name a person goes by ("Benjamin Matthew Williams" called Matthew Williams) (#17)
        alone = {w for v in entity.variants if len(words := v.split()) == 1
                 and (w := words[0].rstrip(".").capitalize()).casefold() in known - surnames
                 and not any(same_person_word(w, surname) for surname in surnames)}
        middle = {g.rstrip(".").casefold() for v in entity.variants for g in _given_names(v)[1:]}
        given = sorted({g for v in entity.variants if (g := _given(v))} | alone)
        given = [g for g in given if g.casefold() not in middle]
        clash = [(a, b) for i, a in enumerate(given) for b in given[i + 1:] if not same_given_name(a, b)]
        if clash:
            found.append(Conflict(entity.corpus_id, entity.name, tuple(sorted({x for pair in clash for x in pair}))))
    return found


def places_in_two_countries(entities: Iterable[CorpusEntity], articles: Mapping[str, Article]) -> list[Conflict]:
    """Place entities whose resolved places (through their member mentions) lie in two countries."""
    found = []
    for entity in entities:
        if label_family(entity.label) != "PLACE":
            continue
        countries: set[str] = set()
        for article_id, entity_id, _name in entity.members:
            article = articles.get(article_id)
            if article is not None:
                countries |= {p.country for p in article.places if p.entity == entity_id and p.country}
        if len(countries) > 1:
            found.append(Conflict(entity.corpus_id, entity.name, tuple(sorted(countries))))
    return found


def claim_groups_mixing_units(rows: Iterable[ClaimRow]) -> list[Conflict]:
    """Claim groups (story, quantity) whose figures are measured in more than one dimension
    (a percentage beside a sum of money, dollars beside euros, a count beside a distance)."""
    dimensions: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        dimensions.setdefault((row.story_id, row.quantity), set()).add(dimension_of(row.unit or None)[0])
    return [Conflict(f"{story} {quantity}", quantity, tuple(sorted(found)))
            for (story, quantity), found in sorted(dimensions.items()) if len(found) > 1]
