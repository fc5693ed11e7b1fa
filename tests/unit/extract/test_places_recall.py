"""Places the small model mislabels or misses (issue #4): each rule, with rows that must not change."""

from __future__ import annotations

import math
import re

import pytest
from _places import resolve_labelled as _resolve

from newsprism.extract.gazetteer import airports, gazetteer


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))


@pytest.mark.parametrize(
    ("text", "labelled", "surface", "expected"),
    [
        # A town the model calls a person, placed by its container, then in its other mentions too.
        ("The scandal began in Fort Lee, New Jersey. The mayor of Fort Lee refused.",
         [("Fort Lee", "PERSON"), ("New Jersey", "GPE"), ("Fort Lee", "PERSON")], "Fort Lee", ("US", "city")),
        # A county, parish or province is never a person.
        ("Residents of Jefferson Parish were told to leave.", [("Jefferson Parish", "PERSON")],
         "Jefferson Parish", ("US", "county")),
        # A multi-word country name is never a person's name.
        ("Former United States intelligence agent Tony Mendez died.", [("United States", "PERSON")],
         "United States", ("US", "country")),
        # A quote mark glued to the name by the tokenizer.
        ('The "United States" is not holding any detainees.', [('"United States', "ORG")],
         "United States", ("US", "country")),
        # An airport by its own name, without "International".
        ("The plane landed at Bradley Airport on Tuesday.", [("Bradley Airport", "FAC")],
         "Bradley Airport", ("US", "airport")),
        # A hospital named after its town, in a region the article names.
        ("Victims went to Hartford Hospital after the crash in Windsor Locks, Connecticut.",
         [("Hartford Hospital", "ORG"), ("Windsor Locks", "GPE"), ("Connecticut", "GPE")],
         "Hartford Hospital", ("US", "city")),
        # City, State: the second "New York" is the state.
        ("Bill de Blasio, the mayor of New York, New York, quit.", [("New York", "GPE"), ("New York", "GPE")],
         "New York@1", ("US", "region")),
        # A list of states.
        ("Attorneys general from Maine, New York, New Jersey sued.",
         [("Maine", "GPE"), ("New York", "GPE"), ("New Jersey", "GPE")], "New York", ("US", "region")),
        # A misspelt state in a country the article names; a misspelt town the article names.
        ("Floods hit New Orleans. Trump declared an emergency in Lousiana.",
         [("New Orleans", "GPE"), ("Lousiana", "GPE")], "Lousiana", ("US", "region")),
        ("A blast hit Magnitogorsk. Police searched a block in Magnitigorsk.", [("Magnitogorsk", "GPE")],
         "Magnitigorsk", ("RU", "city")),
        # An acronym the model did not label.
        ("The co-owners of US costume builders attended.", [], "US", ("US", "country")),
    ],
)
def test_places_recovered(text: str, labelled: list[tuple[str, str]], surface: str,
                          expected: tuple[str, str]) -> None:
    surface, _, nth = surface.partition("@")
    found = [p for p in _resolve(text, labelled) if p.text == surface and p.lat is not None]
    place = found[int(nth or 0)]
    assert (place.country, place.type) == expected
    assert text[place.start:place.end] == place.text


@pytest.mark.parametrize(
    ("text", "labelled", "surface"),
    [
        ("LET US GO NOW, SAID THE CROWD.", [], "US"),                                  # shouted pronoun
        ("She had a trust fund worth US$5 million.", [], "US"),                        # a currency
        ("Michael Jordan scored 30 points.", [("Michael Jordan", "PERSON")], "Michael Jordan"),
        # Six letters are too few to guess a spelling ("Andros" is not "Androy").
        ("A hurricane watch is in force for Andros in the Bahamas.",
         [("Andros", "GPE"), ("Bahamas", "GPE")], "Andros"),
    ],
)
def test_places_not_recovered(text: str, labelled: list[tuple[str, str]], surface: str) -> None:
    assert not [p for p in _resolve(text, labelled) if p.text == surface and p.lat is not None]


def test_places_new_york_alone_stays_the_city() -> None:
    places = _resolve("Flights to New York were cancelled.", [("New York", "GPE")])
    assert places[0].type == "city"


@pytest.mark.parametrize(
    ("name", "country", "kind", "lat", "lon"),
    [
        ("Jefferson Parish", "US", "county", 29.8, -90.1),
        ("Middlesex County", "US", "county", 42.5, -71.4),   # the most populous of four
        ("Los Angeles", "US", "city", 34.05, -118.24),        # a bare name stays the city, not its county
    ],
)
def test_gazetteer_counties(name: str, country: str, kind: str, lat: float, lon: float) -> None:
    entry = gazetteer().lookup(name)[0]
    assert (entry.country, entry.type) == (country, kind)
    assert _km(entry.lat, entry.lon, lat, lon) < 161


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("Heathrow Airport", 51.47, -0.45),          # "London Heathrow Airport"
        ("JFK Airport", 40.64, -73.78),              # by its code
        ("Bradley International Airport", 41.94, -72.68),
        ("Stavanger Airport, Sola", 58.88, 5.64),
    ],
)
def test_gazetteer_airports(text: str, lat: float, lon: float) -> None:
    entry = airports(text)[0]
    assert _km(entry.lat, entry.lon, lat, lon) < 20


@pytest.mark.parametrize("text", ["Airport", "International Airport", "the Regional Airport"])
def test_gazetteer_airports_need_a_name(text: str) -> None:
    assert airports(text) == []


def test_gazetteer_major_keys_are_countries_and_regions() -> None:
    keys = gazetteer().major_keys()
    assert {"louisiana", "ukraine", "texas"} <= set(keys)
    assert "magnitogorsk" not in keys
    assert all(re.fullmatch(r"[^A-Z]+", key) for key in keys[:200])
