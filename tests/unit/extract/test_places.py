"""Tests for the places stage and the offline gazetteer."""

from __future__ import annotations

import dataclasses
import math

import pytest

from newsprism.config import Settings
from newsprism.extract.gazetteer import gazetteer, name_key
from newsprism.extract.places import make_stage
from newsprism.model import Article


def _places(text: str) -> dict[str, tuple[str | None, str | None]]:
    stage = make_stage(Settings())
    article = next(stage.pipe([Article(id="t", text=text)]))
    return {p.text: (p.name, p.country) for p in article.places}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Kiev", 50.45, 30.52), ("Jersón", 46.64, 32.61), ("U.S.", 39.8, -98.5), ("UK", 54.8, -2.7),
     ("the Dnieper", 46.6, 32.6), ("Kerch Bridge", 45.31, 36.51), ("Black Sea", 43.4, 34.3), ("Tokyo", 35.7, 139.7)],
)
def test_gazetteer_lookup_within_161_km(name: str, lat: float, lon: float) -> None:
    entry = gazetteer().lookup(name)[0]
    assert _km(entry.lat, entry.lon, lat, lon) < 161


def test_gazetteer_name_key() -> None:
    assert name_key("the Jersón's") == "jerson"


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Talks were held in Tbilisi, Georgia.", "Georgia", ("Georgia", "GE")),
        ("The governor of Georgia spoke in Atlanta, Georgia.", "Atlanta", ("Atlanta", "US")),
        ("Macron spoke in Paris on Monday.", "Paris", ("Paris", "FR")),
        ("She drove from Paris, Texas to Dallas.", "Paris", ("Paris", "US")),
        ("The U.S. and the EU imposed sanctions.", "U.S.", ("United States", "US")),
        ("Ukrainian troops advanced.", "Ukrainian", ("Ukrainian", "UA")),
        # A state's abbreviation before a town that once bore it; a town's old name beside a real place's name.
        ("Sens. Mark Kirk (Ill.) and Ben Sasse (Neb.) are on the list.", "Ill.", ("Illinois", "US")),
        ("Pfizer cut 300 jobs in Quebec and 65 jobs at its California plant.", "Quebec", ("Québec", "CA")),
        # "Frankfurt am Main" is called Frankfurt: no town spelt Frankfort takes its name in a story about Chicago.
        ("After Chicago and New York, Frankfurt may yet have a say.", "Frankfurt", ("Frankfurt am Main", "DE")),
        ("He grew up in Frankfort, Kentucky.", "Frankfort", ("Frankfort", "US")),
    ],
)
def test_places_disambiguate(text: str, mention: str, expected: tuple[str, str]) -> None:
    assert _places(text)[mention] == expected


def test_places_georgia_us_context() -> None:
    places = _places("Voters in Atlanta, Georgia, lined up. Georgia is a swing state in the United States.")
    assert places["Georgia"][1] == "US"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Michael Jordan scored 30 points. Jordan said he was tired.", "Jordan"),   # a person
        ("Amazon reported higher profits.", "Amazon"),                             # a company
    ],
)
def test_places_not_places(text: str, word: str) -> None:
    assert word not in _places(text)


def test_places_kherson_example(kherson_text: str) -> None:
    stage = make_stage(Settings())
    article = next(stage.pipe([Article(id="k", text=kherson_text, published="2022-11-09")]))
    by_name = {p.name: p for p in article.places if p.lat is not None}
    for name in ("Kherson", "Dnieper", "Crimea", "Kyiv", "Kerch Bridge"):
        assert name in by_name, name
    assert _km(by_name["Kherson"].lat or 0, by_name["Kherson"].lon or 0, 46.64, 32.61) < 20
    for place in article.places:
        assert kherson_text[place.start:place.end] == place.text


@pytest.mark.parametrize(("text", "name", "label"), [
    ("The Danube rose again on Tuesday. Officials said the Danube would peak near Galați.", "Danube", "LOC"),
    ("Michael Jordan scored 30 points. Jordan said the team played well.", "Michael Jordan", "PERSON"),
])
def test_places_relabel_entities_the_model_called_persons(text: str, name: str, label: str) -> None:
    from newsprism.extract.places import relabel_places
    from newsprism.model import Entity, Mention, Place

    start = text.index(name.split()[-1])
    entity = Entity(id="e1", name=name, label="PERSON", variants=(name,), mentions=2)
    mentions = (Mention(start, start + len(name.split()[-1]), name.split()[-1], "PERSON", "e1"),
                Mention(text.rindex(name.split()[-1]), text.rindex(name.split()[-1]) + len(name.split()[-1]),
                        name.split()[-1], "PERSON", "e1"))
    places = [Place(m.start, m.end, m.text, name="Danube", gazetteer_id="x:danube", lat=45.2, lon=29.6, type="river",
                    entity="e1") for m in mentions if name == "Danube"]
    entities, relabelled = relabel_places((entity,), mentions, places)
    assert entities[0].label == label and {m.label for m in relabelled} == {label}


@pytest.mark.parametrize(("text", "plural"), [
    ("America is the largest market. Sales in the Americas rose 5% and sales in Asia fell.", "Americas"),
    ("Storms hit the Carolinas. Officials in South Carolina and North Carolina declared emergencies.", "Carolinas"),
])
def test_places_a_name_in_the_plural_is_no_misspelling_of_it(text: str, plural: str) -> None:
    # "the Americas" are the continents, not a misspelt "America" (the United States)
    assert _places(text).get(plural, (None, None))[1] != "US"


def test_places_a_heading_us_is_not_the_united_states() -> None:
    from newsprism.pipeline import Pipeline

    settings = Settings()
    pipe = Pipeline(dataclasses.replace(settings, stages=("clean.text", "extract.entities", "extract.places")))
    article = pipe.process("Stand With Us: Ukraine's president asked the United States for help. The US agreed.",
                           kind="text")
    entity = {e.id: e for e in article.entities}
    placed = {entity[p.entity].name for p in article.places if p.entity and p.country == "US"}
    assert "Us" not in placed and {m.text for m in article.mentions if m.entity and entity[m.entity].name == "Us"} <= {"Us"}
