"""Streets, buildings and venues placed at the town the text puts them in (issue #13)."""

from __future__ import annotations

import pytest
from _places import resolve_labelled as _resolve


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "site", "town"),
    [
        # The town written after the site, with "in" or a comma, an initialism between.
        ("He is receiving care in the Central Mental Hospital in Dundrum, his lawyer said.",
         [("Central Mental Hospital", "ORG"), ("Dundrum", "GPE")], "Central Mental Hospital", "Dundrum"),
        ("They were sent to the New Bilibid Prison (NBP) in Muntinlupa on Friday.",
         [("New Bilibid Prison", "ORG"), ("Muntinlupa", "GPE")], "New Bilibid Prison", "Muntinlupa"),
        ("His debut was at the Convention Centre, Dublin with a solo concert.",
         [("Convention Centre", "FAC"), ("Dublin", "GPE")], "Convention Centre", "Dublin"),
        # A hospital whose namesake town (Saint Francis, Kansas) lies outside the article's regions is at the
        # town the text writes after it (tests/unit/extract/test_places_recall.py kept it unplaced before).
        ("Doctors at Saint Francis Hospital in Hartford, Connecticut, treated them.",
         [("Saint Francis Hospital", "PERSON"), ("Hartford", "GPE"), ("Connecticut", "GPE")],
         "Saint Francis Hospital", "Hartford"),
        # A name that opens like a building's, and a street the model called a location.
        ("The briefing was held at the Palais des Nations in Geneva.",
         [("Palais des Nations", "ORG"), ("Geneva", "GPE")], "Palais des Nations", "Geneva"),
        ("The man, of the 6100 block of South Ingleside Avenue in Chicago, was charged.",
         [("South Ingleside Avenue", "LOC"), ("Chicago", "GPE")], "South Ingleside Avenue", "Chicago"),
        # An institution, only with the town written with it.
        ("A researcher at Loyola University in Los Angeles reviewed the ballots.",
         [("Loyola University", "ORG"), ("Los Angeles", "GPE")], "Loyola University", "Los Angeles"),
        ("She is studying at the Guildhall School of Music in London.",
         [("Guildhall School of Music", "ORG"), ("London", "GPE")], "Guildhall School of Music", "London"),
        # A venue named like no site, by "at" before it and its town written after it.
        ("The band played at Blue Moon in Leeds on Friday.", [("Blue Moon", "ORG"), ("Leeds", "GPE")],
         "Blue Moon", "Leeds"),
        ("Thousands were at the Jazz Festival in Montreal.", [("Jazz Festival", "EVENT"), ("Montreal", "GPE")],
         "Jazz Festival", "Montreal"),
        # The town before it, with a possessive, in the mention or apart.
        ("Smog was thick near Seoul's Jamsil Stadium, where the game was called off.",
         [("Seoul", "GPE"), ("Jamsil Stadium", "FAC")], "Jamsil Stadium", "Seoul"),
        ("A new campus has opened at Derry’s Altnagelvin Hospital, the first of its kind in Northern Ireland.",
         [("Derry’s Altnagelvin Hospital", "ORG"), ("Northern Ireland", "GPE")], "Altnagelvin Hospital", "Derry"),
        # The story's own town: the one it names most often.
        ("Fire crews in Winnipeg were called to the 200 block of River Avenue. Winnipeg police closed the road.",
         [("Winnipeg", "GPE"), ("River Avenue", "FAC"), ("Winnipeg", "GPE")], "River Avenue", "Winnipeg"),
        # ... or, where the story has no town of its own, the one town the site's sentence names.
        ("Doctors at the Alderbank Children's Hospital where the boy is admitted in Liverpool said so. Rome "
         "offered care. Judges in London ruled.",
         [("Alderbank Children's Hospital", "FAC"), ("Liverpool", "GPE"), ("Rome", "GPE"), ("London", "GPE")],
         "Alderbank Children's Hospital", "Liverpool"),
        # A street is no national body's seat, whatever its first word.
        ("Crowds filled Royal Street on Sunday. New Orleans police closed it. New Orleans reopened it later.",
         [("Royal Street", "ORG"), ("New Orleans", "GPE"), ("New Orleans", "GPE")], "Royal Street", "New Orleans"),
        # ... among the towns of the country its places are in most often: Delft of the Netherlands, named
        # as often as Cape Town, does not make a tie.
        ("Residents of Delft marched to Cape Town. Delft is poor, Cape Town police said, and South Africa must "
         "act. The clinic referred her to Kestrel Hospital.",
         [("Delft", "GPE"), ("Cape Town", "GPE"), ("Delft", "GPE"), ("Cape Town", "GPE"), ("South Africa", "GPE"),
          ("Kestrel Hospital", "FAC")], "Kestrel Hospital", "Cape Town"),
        # ... or the one around which its towns lie: Kilburn, Brent and Hayes are in London.
        ("The victim lived on the Mozart Estate. Two men from Kilburn, Brent and Hayes in London were charged.",
         [("Mozart Estate", "ORG"), ("Kilburn", "GPE"), ("Brent", "GPE"), ("Hayes", "GPE"), ("London", "GPE")],
         "Mozart Estate", "Kilburn"),
    ],
)
def test_places_sites_at_their_town(text: str, labelled: list[tuple[str, str]], site: str, town: str) -> None:
    places = {p.text: p for p in _resolve(text, labelled)}
    assert site in places, places
    assert places[site].type == "site"
    assert places[site].lat is not None and places[site].lon is not None
    town_place = next(p for p in places.values() if p.text.startswith(town) and p.type != "site")
    assert (places[site].lat, places[site].lon) == (town_place.lat, town_place.lon)
    assert places[site].gazetteer_id == town_place.gazetteer_id


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "surface"),
    [
        # An institution is not where the story is.
        ("Hogg was rejected by UCLA and admitted to Loyola University. Los Angeles schools reacted.",
         [("Loyola University", "ORG"), ("Los Angeles", "GPE")], "Loyola University"),
        # Nor a national body, whatever its last word.
        ("Palm Beach County is under a watch, the National Hurricane Center said. Palm Beach County opened shelters.",
         [("Palm Beach County", "GPE"), ("National Hurricane Center", "ORG"), ("Palm Beach County", "GPE")],
         "National Hurricane Center"),
        # A mass, a person, a phrase the model ran into one name: no site's name.
        ("Crowds attended the Easter Vigil in Manila on Saturday.", [("Easter Vigil", "FAC"), ("Manila", "GPE")],
         "Easter Vigil"),
        ("Cadets marched in the Passing out Parade in Maiduguri.",
         [("Passing out Parade", "ORG"), ("Maiduguri", "GPE")], "Passing out Parade"),
        # A name after "at" with no town written after it, or a town without "at": no venue's.
        ("Rates rose at Barclays on Monday, traders in Leeds said.", [("Barclays", "ORG"), ("Leeds", "GPE")],
         "Barclays"),
        ("The award came from Blue Moon in Leeds.", [("Blue Moon", "ORG"), ("Leeds", "GPE")], "Blue Moon"),
        # A sentence naming two towns settles no site's town.
        ("Fans flew from Toronto to Chicago to see the game at the Kestrel Stadium. Rome was quiet.",
         [("Toronto", "GPE"), ("Chicago", "GPE"), ("Kestrel Stadium", "FAC"), ("Rome", "GPE")],
         "Kestrel Stadium"),
        # A story of two towns far apart, each named once, has no town of its own.
        ("Shares rose in Tokyo and fell in Chicago. Traders met at the Grand Hyatt Hotel.",
         [("Tokyo", "GPE"), ("Chicago", "GPE"), ("Grand Hyatt Hotel", "FAC")], "Grand Hyatt Hotel"),
    ],
)
def test_places_sites_not_placed(text: str, labelled: list[tuple[str, str]], surface: str) -> None:
    assert surface not in {p.text for p in _resolve(text, labelled)}


@pytest.mark.issue(17)
def test_places_a_town_named_like_a_site_is_no_site() -> None:
    # Read in the real mixed corpus: "Carleton Place", a town of Ontario, was a site of the story's Perth
    # (its last word is a street's), and its corpus entity a place in two countries.
    from newsprism.extract._place_sites import sites
    from newsprism.model import Mention, Place

    text = "Homes in Perth. 234 Park Crescent, Carleton Place. Another home in Perth."
    perth = [Place(m, m + 5, "Perth", name="Perth", gazetteer_id="gn:2063523", lat=-31.95, lon=115.86,
                   country="AU", type="city") for m in (9, 67)]
    mention = Mention(35, 49, "Carleton Place", "FAC", "e3", "extract.entities")
    assert sites(text, [mention], perth) == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "site", "town"),
    [
        # A district the gazetteer lacks, written with its town after it or before it, and its other mentions.
        ("A man was shot in the Crown Heights neighborhood of Brooklyn on Wednesday.",
         [("Crown Heights", "LOC"), ("Brooklyn", "GPE")], "Crown Heights", "Brooklyn"),
        ("The academy is in Cairo's gated suburb of Madinaty, where boys train daily.",
         [("Cairo", "GPE"), ("Madinaty", "PERSON")], "Madinaty", "Cairo"),
        # A road by its number where its sentence speaks of roads: at the town written after it ...
        ("A cyclist was hurt in a crash with a lorry on the A120 at Braintree on Monday.", [("Braintree", "GPE")],
         "A120", "Braintree"),
        # ... or the story's own town, for each road of a list.
        ("Cirencester will see delays at the roundabout. The diversion will be in place via the A436, A40 and A429. "
         "Drivers in "
         "Cirencester were warned.", [("Cirencester", "GPE"), ("Cirencester", "GPE")], "A40", "Cirencester"),
        ("The A417 southbound carriageway will close at night, Cirencester councillors said.",
         [("Cirencester", "GPE")], "A417", "Cirencester"),
        # Two streets named together before the noun they share, at the story's town.
        ("Chicago police said the man collapsed at the corner of State and Hubbard streets. Chicago officers "
         "came.", [("Chicago", "GPE"), ("State", "ORG"), ("Chicago", "GPE")], "Hubbard", "Chicago"),
        ("Baton Rouge. A building overlooking the Chartres/Franklin intersection was a church. Baton Rouge grew.",
         [("Baton Rouge", "GPE"), ("Baton Rouge", "GPE")], "Chartres", "Baton Rouge"),
    ],
)
def test_places_districts_and_roads_at_their_town(text: str, labelled: list[tuple[str, str]], site: str,
                                                  town: str) -> None:
    places = {p.text: p for p in _resolve(text, labelled)}
    assert site in places, places
    assert places[site].type == "site"
    town_place = next(p for p in places.values() if p.text == town)
    assert (places[site].lat, places[site].lon) == (town_place.lat, town_place.lon)


@pytest.mark.issue(13)
def test_places_district_named_again_takes_its_town() -> None:
    text = "He grew up in Cairo's gated suburb of Madinaty. Beyond the Madinaty academy, others opened."
    places = [p for p in _resolve(text, [("Cairo", "GPE"), ("Madinaty", "PERSON"), ("Madinaty", "ORG")])
              if p.text == "Madinaty"]
    assert len(places) == 2 and places[0].lat == places[1].lat


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "surface"),
    [
        # An aircraft's or a paper's name is no road: its sentence says nothing of roads.
        ("Passengers in Dubai boarded the A380 for its last flight.", [("Dubai", "GPE")], "A380"),
        ("Print the A4 version in London, the council said.", [("London", "GPE")], "A4"),
        # A district with no town written with it stays unplaced.
        ("A man was shot in the Crown Heights neighborhood on Wednesday. Brooklyn police said so.",
         [("Crown Heights", "LOC"), ("Brooklyn", "GPE")], "Crown Heights"),
    ],
)
def test_places_no_road_or_district_without_their_words(text: str, labelled: list[tuple[str, str]],
                                                        surface: str) -> None:
    assert surface not in {p.text for p in _resolve(text, labelled)}


@pytest.mark.issue(13)
def test_places_story_town_is_no_town_the_model_called_a_person() -> None:
    # "Franklin", a street of New Orleans the model called a person, is also a town of Louisiana: named twice,
    # it had been the story's own town, and its streets sites of it.
    text = ("Press Street marked the border. The area below Franklin was laid out later, and Franklin stayed "
            "quiet. The New Orleans council met on Monday.")
    labelled = [("Press Street", "FAC"), ("Franklin", "PERSON"), ("Franklin", "PERSON"), ("New Orleans", "GPE")]
    places = {p.text: p for p in _resolve(text, labelled)}
    assert places["Press Street"].name == "New Orleans"


@pytest.mark.issue(13)
def test_places_facility_named_like_a_square_is_no_far_town() -> None:
    # "Washington Square" is a town of Pennsylvania to the gazetteer; in a story of New Orleans streets it is
    # the square, a site of the story's town, and no town 1,700 km away (nor the story's town for its streets).
    text = "The plan had an adjacent park (Washington Square) near Royal Street in New Orleans."
    labelled = [("Washington Square", "FAC"), ("Royal Street", "FAC"), ("New Orleans", "GPE")]
    places = {p.text: p for p in _resolve(text, labelled)}
    assert places["Washington Square"].type == "site" and places["Washington Square"].name == "New Orleans"
    assert places["Royal Street"].name == "New Orleans"


@pytest.mark.issue(13)
def test_places_facility_named_like_a_park_near_the_story_is_that_town() -> None:
    # Read on the Wikinews texts: "Victoria Park" of Hong Kong is a place GeoNames lists, 10 km from the
    # city-state's point: a facility's namesake town near a place the article names stays.
    text = "Protesters marched from Victoria Park toward the Central district of Hong Kong on Sunday."
    places = {p.text: p for p in _resolve(text, [("Victoria Park", "FAC"), ("Hong Kong", "GPE")])}
    assert places["Victoria Park"].country == "HK"


@pytest.mark.issue(13)
def test_places_village_the_gazetteer_lacks_at_the_story_town() -> None:
    # A local story's villages lie around its town; the gazetteer lists few of them. Kept without a point
    # before, such a name written as a place takes the story's town's point, typed a site.
    text = ("There are 26 applicants in Carrigdrum with 24 in Ballyfeeny. Nenagh has the most, and Nenagh "
            "councillors met on Monday.")
    labelled = [("Carrigdrum", "GPE"), ("Ballyfeeny", "GPE"), ("Nenagh", "GPE"), ("Nenagh", "GPE")]
    places = {p.text: p for p in _resolve(text, labelled)}
    nenagh = places["Nenagh"]
    for village in ("Carrigdrum", "Ballyfeeny"):
        assert places[village].type == "site"
        assert (places[village].lat, places[village].lon) == (nenagh.lat, nenagh.lon)


@pytest.mark.issue(13)
def test_places_village_the_gazetteer_lacks_at_the_dateline_town() -> None:
    # The dateline's town is where the whole story is told from: near every name of it.
    text = ("NENAGH (AP) — Councillors met on Monday. " + "The scheme was reviewed again. " * 15
            + "There are 26 applicants in Carrigdrum.")
    places = {p.text: p for p in _resolve(text, [("NENAGH", "GPE"), ("Carrigdrum", "GPE")])}
    assert places["Carrigdrum"].type == "site" and places["Carrigdrum"].lat == places["NENAGH"].lat


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "surface"),
    [
        # No town of its own: two towns far apart, each named once.
        ("Applicants in Carrigdrum waited. Shares rose in Tokyo and fell in Chicago.",
         [("Carrigdrum", "GPE"), ("Tokyo", "GPE"), ("Chicago", "GPE")], "Carrigdrum"),
        # The story's town named only far from it: no passage puts them together.
        ("Applicants in Carrigdrum waited. " + "The scheme was reviewed again. " * 15 + "Nenagh has the most, "
         "and Nenagh councillors met.", [("Carrigdrum", "GPE"), ("Nenagh", "GPE"), ("Nenagh", "GPE")],
         "Carrigdrum"),
        # A country written after it that does not hold the story's town.
        ("Applicants in Carrigdrum, Peru waited. Nenagh has the most, and Nenagh councillors met.",
         [("Carrigdrum", "GPE"), ("Peru", "GPE"), ("Nenagh", "GPE"), ("Nenagh", "GPE")], "Carrigdrum"),
        # A name in capitals alone is an initialism or a shouted word as often as a village.
        ("Staff in BLORVEN were told. Nenagh has the most, and Nenagh councillors met.",
         [("BLORVEN", "GPE"), ("Nenagh", "GPE"), ("Nenagh", "GPE")], "BLORVEN"),
    ],
)
def test_places_village_the_gazetteer_lacks_not_placed(text: str, labelled: list[tuple[str, str]],
                                                                 surface: str) -> None:
    assert all(p.lat is None for p in _resolve(text, labelled) if p.text == surface)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "feature", "town"),
    [
        # A natural feature the gazetteer lacks, at the town the text writes with it or its sentence's one town.
        ("Water was tested off the coast of Cape Peron in Fremantle on Monday.",
         [("Cape Peron", "LOC"), ("Fremantle", "GPE")], "Cape Peron", "Fremantle"),
        ("The village lies north of Cairo, in the Nile Delta, and floods often.",
         [("Cairo", "GPE"), ("Nile Delta", "LOC")], "Nile Delta", "Cairo"),
    ],
)
def test_places_natural_features_at_their_town(text: str, labelled: list[tuple[str, str]], feature: str,
                                               town: str) -> None:
    places = {p.text: p for p in _resolve(text, labelled)}
    assert places[feature].type == "site" and places[feature].name == town


@pytest.mark.issue(13)
def test_places_natural_features_are_not_at_the_story_town() -> None:
    # A story's own town is no island's: "Easter Island" of a story from Los Angeles is not in Los Angeles.
    text = ("Researchers in Los Angeles studied the statues. The team flew to Easter Island in May. "
            "Los Angeles museums will show the finds.")
    labelled = [("Los Angeles", "GPE"), ("Easter Island", "LOC"), ("Los Angeles", "GPE")]
    assert "Easter Island" not in {p.text for p in _resolve(text, labelled)}


@pytest.mark.issue(13)
def test_places_a_road_by_the_noun_after_it_and_named_again() -> None:
    # "the Air Balloon roundabout": a road's place by its lower-case noun, at the story's own town; its other
    # mentions ("from the Air Balloon to ...") take the same point.
    text = ("The road from the Air Balloon roundabout to Cirencester will close. The diversion doubles the "
            "distance from the Air Balloon to Cirencester, drivers in Cirencester were told.")
    labelled = [("Air Balloon", "ORG"), ("Cirencester", "GPE"), ("Air Balloon", "ORG"), ("Cirencester", "GPE"),
                ("Cirencester", "GPE")]
    sites = [p for p in _resolve(text, labelled) if p.text == "Air Balloon"]
    assert len(sites) == 2 and {(p.type, p.name) for p in sites} == {("site", "Cirencester")}


@pytest.mark.issue(13)
def test_places_a_name_without_a_road_noun_is_no_site() -> None:
    text = "Staff of the Air Balloon met in Cirencester. Cirencester traders joined them."
    labelled = [("Air Balloon", "ORG"), ("Cirencester", "GPE"), ("Cirencester", "GPE")]
    assert "Air Balloon" not in {p.text for p in _resolve(text, labelled)}
