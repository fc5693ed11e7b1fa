"""A place's own name before the aliases GeoNames lists for other places (#13): rows that must change and
rows that must not."""

from __future__ import annotations

import pytest
from _places import resolve_labelled as _resolve


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "surface", "expected"),
    [
        # "Southold" is also an alias of South Bend, Indiana, 18 times its size: the town of that name wins.
        ("a body buried in the basement of his old colonial-era home in the town of Southold.",
         [("Southold", "GPE")], "Southold", ("Southold", "US")),
        # An alias far bigger than the town of that name still wins.
        ("The ship sailed from Canton with a cargo of tea.", [("Canton", "GPE")], "Canton", ("Guangzhou", "CN")),
        # A place's name the model cut in two: the whole is the town's own name ("Boa" alone is Boma, Congo).
        ("An estimated 40,000 have entered through the isolated northern state of Roraima and are living in "
         "Boa Vista, the state capital.", [("Roraima", "GPE"), ("Boa", "GPE"), ("Vista", "ORG")], "Boa Vista",
         ("Boa Vista", "BR")),
        ("infrastructure on the Tijuana River in Baja California will start in 10 days",
         [("Baja", "GPE")], "Baja California", ("Baja California", "MX")),
        # A place and the next capitalised word that together name no place stay apart.
        ("The New York Times reported the story first.", [("New York", "GPE")], "New York", ("New York", "US")),
    ],
)
def test_places_own_name_before_alias(text: str, labelled: list[tuple[str, str]], surface: str,
                                      expected: tuple[str, str]) -> None:
    found = {p.text: (p.name, p.country) for p in _resolve(text, labelled)}
    assert found.get(surface) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # A second dateline with an agency's credit after a sentence: a page that runs two stories together.
        ("ALBUQUERQUE, N.M. (AP) - Documents show a New Mexico official took in $440,000 by renting property. "
         "However, Herrell did not disclose that income on ethics disclosure statements. SAN DIEGO (AP) - The "
         "U.S. National Guard faces a vastly different environment",
         [("N.M", "GPE"), ("AP", "ORG"), ("New Mexico", "GPE"), ("Herrell", "PERSON"), ("AP", "ORG"),
          ("U.S. National Guard", "ORG")], {"ALBUQUERQUE": "US", "SAN DIEGO": "US"}),
        # Capitals with no credit and dash stay shouted text.
        ("Fans waved banners reading LIVERPOOL (RED) all night.", [], {}),
        # The second part of a compound of places before its noun.
        ("Turkey fired on Qamishli and other towns along the Syrian-Turkish border on Tuesday.",
         [("Turkey", "GPE"), ("Syrian", "NORP")], {"Turkish": "TR"}),
        ("She opened a bottle of Coca-Cola on the train.", [], {}),
    ],
)
def test_places_datelines_and_compounds(text: str, labelled: list[tuple[str, str]], expected: dict[str, str]
                                        ) -> None:
    found = {p.text: p.country for p in _resolve(text, labelled) if p.text in ("SAN DIEGO", "ALBUQUERQUE",
                                                                               "LIVERPOOL", "Turkish", "Cola")}
    assert found == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "surface", "expected"),
    [
        # A lone word the model calls a person, a town's own name in the region the article names.
        ("The occupants were going to a dance competition, according to the mayor of Yartsevo via news agency "
         "Interfax. The bus overturned in Smolensk Oblast.",
         [("Yartsevo", "PERSON"), ("Interfax", "ORG"), ("Smolensk Oblast", "GPE")], "Yartsevo", "RU"),
        # Not in a region the article names: a person's name stays a person's.
        ("Yartsevo said the occupants were going to a dance competition in Moscow.",
         [("Yartsevo", "PERSON"), ("Moscow", "GPE")], "Yartsevo", None),
        # The end of an institution's name is no place of the article's own (the dev set's rule).
        ("researchers from the College of Wooster in Ohio reported a new mechanism",
         [("Wooster", "PERSON"), ("Ohio", "GPE")], "Wooster", None),
        # A person of the article bears the word in a longer name.
        ("Karen Alley of Ohio said so. Alley added that the shelf was thin.",
         [("Karen Alley", "PERSON"), ("Ohio", "GPE"), ("Alley", "PERSON")], "Alley", None),
    ],
)
def test_places_person_label_town_of_the_region(text: str, labelled: list[tuple[str, str]], surface: str,
                                                expected: str | None) -> None:
    found = {p.text: p.country for p in _resolve(text, labelled)}
    assert found.get(surface) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # A small town the model calls a facility, in the region the article names.
        ("The road was closed until around 2.15pm, with congestion backing up between Coggeshall and Marks Tey. "
         "The Essex and Herts Air Ambulance was sent to the scene.",
         [("Coggeshall", "FAC"), ("Marks Tey", "PERSON"), ("Essex", "GPE")], "GB"),
        # Nothing in the article says where it is: a facility's name stays one.
        ("The road was closed until around 2.15pm, with congestion backing up near Coggeshall.",
         [("Coggeshall", "FAC")], None),
    ],
)
def test_places_facility_label_small_town(text: str, labelled: list[tuple[str, str]], expected: str | None
                                          ) -> None:
    found = {p.text: p.country for p in _resolve(text, labelled)}
    assert found.get("Coggeshall") == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # A town the article places by its own name opens its longer names too, whatever the model calls them.
        ("A deal was signed in Abuja on Monday with the Abuja Chamber of Commerce and Industry.",
         [("Abuja", "GPE"), ("Abuja Chamber of Commerce and Industry", "PERSON")], ["Abuja", "Abuja"]),
        ("The club met in Allendale, New Jersey, to give the Allendale Women Helping Others Award.",
         [("Allendale", "GPE"), ("New Jersey", "GPE"), ("Allendale Women Helping Others Award", "ORG")],
         ["Allendale", "New Jersey", "Allendale"]),
        # ... and a small town opening an organisation's name is confirmed by its council's name.
        ("Works at Cavan County Council offices and at Cavan Institute will start in May.",
         [("Cavan County Council", "ORG"), ("Cavan Institute", "ORG")], ["Cavan", "Cavan"]),
        # A team's name opens with the big place it is named after, as an organisation's does; a smaller
        # town placed elsewhere does not open one, nor a place named like a first name a person's name.
        ("Fans in Dallas cheered the Dallas Mavericks.", [("Dallas", "GPE"), ("Dallas Mavericks", "ORG")],
         ["Dallas", "Dallas"]),
        ("Fans in Bozeman cheered the Bozeman Icedogs.", [("Bozeman", "GPE"), ("Bozeman Icedogs", "ORG")],
         ["Bozeman"]),
        ("She moved to Helen, Georgia, where Helen Kunz runs a shop.",
         [("Helen", "GPE"), ("Georgia", "GPE"), ("Helen Kunz", "FAC")], ["Helen", "Georgia"]),
        # It closes an organisation's name too, after a space or a hyphen ...
        ("Keegan Matheson, the editor in chief of Baseball Toronto, a subscription website, said so. Buffalo fans "
         "agreed he belonged to Toronto.",
         [("Keegan Matheson", "PERSON"), ("Baseball Toronto", "ORG"), ("Buffalo", "GPE"), ("Toronto", "GPE")],
         ["Toronto", "Buffalo", "Toronto"]),
        ("The Connecting California column ran. Voters in Sacramento, California agree.",
         [("Connecting California", "ORG"), ("Sacramento", "GPE"), ("California", "GPE")],
         ["California", "Sacramento", "California"]),
        ("She studied at IBA-Karachi. Karachi has grown.", [("IBA-Karachi", "ORG"), ("Karachi", "GPE")],
         ["Karachi", "Karachi"]),
        # ... but not a person's, nor one whose place comes after a first name.
        ("He left Houston for good, as Whitney Houston did.",
         [("Houston", "GPE"), ("Whitney Houston", "PERSON")], ["Houston"]),
        ("She played in Polgár once. Judit Polgár won.", [("Polgár", "GPE"), ("Judit Polgár", "ORG")],
         ["Polgár"]),
    ],
)
def test_places_a_place_opens_its_longer_names(text: str, labelled: list[tuple[str, str]], expected: list[str]
                                               ) -> None:
    assert [p.text for p in _resolve(text, labelled) if p.lat is not None] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # A name the model labelled and the gazetteer resolved is that place where the model left it
        # unlabelled; "Douma" is only a form GeoNames lists for Dūmā, so the scan of own names misses it.
        ("The army pressed on in Douma. Douma is surrounded by government forces.", [("Douma", "GPE")],
         ["Douma", "Douma"]),
        ("Police in Slidell said the pool was unfenced. (Picture: Slidell PD)", [("Slidell", "GPE")],
         ["Slidell", "Slidell"]),
        # Not a common word labelled once, nor a word inside a model's other name.
        ("The Centre told the states to act. The Centre will pay.", [("Centre", "GPE")], ["Centre"]),
        ("He left Houston for good. Whitney Houston sang.", [("Houston", "GPE"), ("Whitney Houston", "PERSON")],
         ["Houston"]),
    ],
)
def test_places_a_name_placed_once_is_placed_again(text: str, labelled: list[tuple[str, str]], expected: list[str]
                                                  ) -> None:
    assert [p.text for p in _resolve(text, labelled) if p.lat is not None] == expected


@pytest.mark.issue(13)
def test_places_common_word_alias_neither_placed_nor_voting() -> None:
    # "City" is listed as an alias of Oakville, Connecticut: it had been placed there, and its vote had sent
    # Manchester to Manchester, Connecticut in a story of English football.
    text = ("Police in the UK are looking into an attack on the Manchester City bus before the game. City fans "
            "gathered outside the ground.")
    places = _resolve(text, [("UK", "GPE"), ("Manchester", "GPE"), ("City", "GPE")])
    found = {p.text: p.country for p in places}
    assert "City" not in found
    assert found["Manchester"] == "GB"


@pytest.mark.issue(13)
def test_places_name_ending_like_a_glued_word_keeps_its_letters() -> None:
    # "Dunshaughlin" ends in "in": read as "Dunshaughl" glued to "in", it was looked up under the wrong
    # letters among the small towns, and dropped.
    text = "She performed in Dublin last year and now teaches at home near Dunshaughlin in Ireland."
    places = _resolve(text, [("Dublin", "GPE"), ("Dunshaughlin", "GPE"), ("Ireland", "GPE")])
    found = {p.text: (p.name, p.country) for p in places}
    assert found.get("Dunshaughlin") == ("Dunshaughlin", "IE")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # An airport's own name after a place's preposition, and its other mention with it.
        ("More than 75,000 flights arrived at Schiphol last year. Schiphol would have room to grow.",
         [("Schiphol", "PERSON"), ("Schiphol", "PERSON")], {"Schiphol": "Amsterdam Airport Schiphol"}),
        # No preposition, or a word that is also a common one ("City" is London City Airport's): left alone.
        ("Schiphol said it would grow.", [("Schiphol", "PERSON")], {}),
        ("The striker moved to City in the summer.", [("City", "ORG")], {}),
        # Twin towns written as one are the towns, not the airport named after them.
        ("She moved to Kitchener-Waterloo last year.", [("Kitchener-Waterloo", "ORG")], {}),
    ],
)
def test_places_airport_by_its_own_name(text: str, labelled: list[tuple[str, str]], expected: dict[str, str]
                                        ) -> None:
    found = {p.text: p.name for p in _resolve(text, labelled) if p.type == "airport"}
    assert found == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "surface", "expected"),
    [
        # A compass word before a place, in lower case or of two words: the place, spanned as written.
        ("Peddar, of Brent, north west London, denies the charges.", [("north west London", "GPE")], "London",
         "London"),
        ("Warships gathered in the Eastern Mediterranean on Friday.", [("Eastern Mediterranean", "LOC")],
         "Mediterranean", "Mediterranean"),
        ("Fighting went on in Northern Syria all week.", [("Northern Syria", "GPE")], "Syria", "Syria"),
    ],
)
def test_places_compass_word_before_a_place(text: str, labelled: list[tuple[str, str]], surface: str,
                                            expected: str) -> None:
    # The place had been spanned from the compass word with the place's length ("Eastern Medit", "Northe").
    found = {p.text: p.name for p in _resolve(text, labelled)}
    assert found.get(surface) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Baseball Toronto", "ORG", "Toronto"),                          # closing the name
        ("IBA-Toronto", "ORG", "Toronto"),                               # after a hyphen
        ("Marine Energy Toronto Annual Conference", "ORG", "Toronto"),  # inside it, after its first word
        ("Toronto Police", "ORG", None),                                 # opening it: another rule's
        ("Maple Torontonians", "ORG", None),                             # part of a word
        ("Judit Toronto", "ORG", None),                                  # after a first name
        ("Whitney Toronto", "PERSON", None),                             # a person's name
    ],
)
def test_places_a_place_closes_or_stands_inside_a_name(name: str, label: str, expected: str | None) -> None:
    # Called on the final places: "Toronto" placed by its own mention at the end of the text.
    from newsprism.extract.places import _closing_names
    from newsprism.model import Mention, Place

    text = f"{name} said so. Fans in Toronto agreed."
    at = text.index("Toronto", len(name))
    toronto = Place(at, at + 7, "Toronto", name="Toronto", gazetteer_id="gn:6167865", lat=43.7, lon=-79.4,
                    country="CA", type="city")
    found = _closing_names([Mention(0, len(name), name, label)], {"Toronto": toronto}, [(at, at + 7)])
    assert [p.text for p in found] == ([expected] if expected else [])
    if expected:
        assert text[found[0].start:found[0].end] == expected and found[0].within == name


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # A small town the model called a person, listed beside a town near it: the village of that story.
        ("Traffic backed up between Colchester and Marks Tey on Monday.",
         [("Colchester", "GPE"), ("Marks Tey", "PERSON")], "GB"),
        ("Crews came from Porthmadog, Harlech and Caernarfon.",
         [("Porthmadog", "GPE"), ("Harlech", "ORG"), ("Caernarfon", "GPE")], "GB"),
        # ... or written after a place's word, near a town the article places.
        ("They lived in Huddersfield for years, before switching to Kirkburton in 1990.",
         [("Huddersfield", "GPE"), ("Kirkburton", "ORG")], "GB"),
        # Not beside a placed town or after a place's word, nor a word of a person's longer name.
        ("They lived in Huddersfield for years. Kirkburton said so in 1990.",
         [("Huddersfield", "GPE"), ("Kirkburton", "PERSON")], None),
        ("Marks Tey said on Monday that drivers in Colchester waited.",
         [("Marks Tey", "PERSON"), ("Colchester", "GPE")], None),
        ("Crews came from Porthmadog and Harlech. Jane Harlech said so.",
         [("Porthmadog", "GPE"), ("Harlech", "ORG"), ("Jane Harlech", "PERSON")], None),
    ],
)
def test_places_small_town_beside_a_town_near_it(text: str, labelled: list[tuple[str, str]],
                                                       expected: str | None) -> None:
    name = next(n for n in ("Marks Tey", "Harlech", "Kirkburton") if n in text)
    found = [p for p in _resolve(text, labelled) if p.text == name and p.lat is not None]
    assert [p.country for p in found][:1] == ([expected] if expected else [])


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        # "the States" of an Australian article are its states: a common plural names the United States only
        # beside another place in it.
        ("Unlike the States, the Commonwealth in Canberra controls income tax, and Sydney relies on grants.",
         [("States", "GPE"), ("Canberra", "GPE"), ("Sydney", "GPE")], None),
        ("She left Sydney for the States in 2009 and now lives in Chicago.",
         [("Sydney", "GPE"), ("States", "GPE"), ("Chicago", "GPE")], "United States"),
    ],
)
def test_places_a_common_plural_names_a_country_beside_its_places(
        text: str, labelled: list[tuple[str, str]], expected: str | None) -> None:
    found = {p.text: p.name for p in _resolve(text, labelled) if p.gazetteer_id}
    assert found.get("States") == expected
