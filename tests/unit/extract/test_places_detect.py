"""Places beyond the model's labels (#13): gazetteer names checked by context, places inside names,
abbreviations, demonyms, datelines, and the article's own geography choosing between namesakes.

The texts are short sentences written for these tests; mentions are given by hand, as the entities
stage would give them, so each row checks one mechanism and no model.
"""

from __future__ import annotations

import re

import pytest

from newsprism.extract._place_scan import dateline, inner_places, scan
from newsprism.extract.gazetteer import demonym, region_abbreviation
from newsprism.extract.places import resolve_places
from newsprism.model import Article, Mention, Place


def _mentions(text: str, labels: dict[str, str]) -> list[Mention]:
    """Every occurrence of each surface, with its label."""
    return sorted((Mention(m.start(), m.end(), surface, label, None, "test")
                   for surface, label in labels.items() for m in re.finditer(re.escape(surface), text)),
                  key=lambda m: m.start)


def _resolve(text: str, labels: dict[str, str] | None = None) -> list[Place]:
    return resolve_places(Article(id="t", text=text), _mentions(text, labels or {}))


def _found(text: str, *, persons: tuple[str, ...] = ()) -> set[str]:
    spans = [(m.start(), m.end()) for p in persons for m in re.finditer(re.escape(p), text)]
    return {f.mention.text for f in scan(text, taken=[], persons=spans, names=[(s, e, "PERSON") for s, e in spans])}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The band will play in Hilversum on Friday.", {"Hilversum"}),          # after "in"
        ("The tour goes from Utrecht to Hilversum and Almelo.", {"Utrecht", "Hilversum", "Almelo"}),  # a list
        ("She was born in the town of Almelo.", {"Almelo"}),                     # a place noun
        ("Hilversum is a quiet place.", set()),                                  # a lone town, nothing vouches
        ("Mobile phones are banned in class.", set()),                           # a common word
        ("The council met in March and again in May.", set()),                  # months
        ("They sang in Leeds Cathedral choir.", {"Leeds"}),                      # a town opening a name
        ("The South is warm.", set()),                                           # a bare direction
    ],
)
def test_places_scan_keeps_a_gazetteer_name_only_on_context(text: str, expected: set[str]) -> None:
    assert _found(text) == expected


@pytest.mark.issue(13)
def test_places_a_person_label_gives_way_only_to_strong_evidence() -> None:
    # The model's PERSON label on a lone town gives way to "moved to"; alone it does not.
    moved = _resolve("Last year the family moved to Gainesville.", {"Gainesville": "PERSON"})
    assert [(p.text, p.country) for p in moved] == [("Gainesville", "US")]
    assert moved[0].evidence.startswith("labelled PERSON, but after 'to'")
    assert _resolve("Gainesville said nothing.", {"Gainesville": "PERSON"}) == []
    # A word of a person's name stays the person's, even after "in".
    text = "Jane Dayton spoke in Dayton."
    mentions = [Mention(0, 11, "Jane Dayton", "PERSON", None, "test"), Mention(21, 27, "Dayton", "PERSON", None, "test")]
    assert resolve_places(Article(id="t", text=text), mentions) == []
    assert _found(text, persons=("Jane Dayton",)) == set()


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Leeds City Council", "ORG", ["Leeds"]),             # a town opening an organisation's name
        ("Bank of Japan", "ORG", ["Japan"]),                   # a country after "of"
        ("Osun State Police Command", "ORG", ["Osun State"]),  # a region opening it
        ("Omani Film Society", "ORG", ["Omani"]),              # a demonym anywhere in it
        ("Leeds Marsh", "ORG", []),                            # two words that could be a person's name
        ("Real Madrid", "ORG", []),                            # a town inside, not opening, the name
        ("Texas Rangers", "ORG", ["Texas"]),                   # a team named after its region
        ("Oakland Athletics", "ORG", ["Oakland"]),             # ... or its city
        ("Seattle Seahawks", "PERSON", ["Seattle"]),           # a team the model took for a person
        ("Victoria Vivians", "PERSON", []),                    # a person: Victoria is a first name
        ("Tyler Williams", "PERSON", []),                      # a person: Tyler is a first name
        ("Houston Rockets", "ORG", ["Houston"]),               # ... but the model's organisation is a team
        ("Queens Park Rangers", "ORG", []),                    # three words: the place is not all before the last
        ("Leeds Rhinos", "ORG", ["Leeds"]),                    # a plural after a big town
        ("Leeds Burgess", "ORG", []),                          # a name in "-ss" is no plural
        ("North American Free Trade Agreement", "LAW", ["North American"]),  # a region's demonym, qualifier and all
        ("Central American Bank", "ORG", []),                  # not "American": another region's people
    ],
)
def test_places_inside_a_longer_name(name: str, label: str, expected: list[str]) -> None:
    text = f"A statement came from the {name} yesterday."
    mention = Mention(text.index(name), text.index(name) + len(name), name, label, None, "test")
    assert [f.mention.text for f in inner_places(text, mention)] == expected


@pytest.mark.issue(13)
def test_places_a_team_the_model_took_for_a_person_names_its_town() -> None:
    places = _resolve("Fans of the Seattle Seahawks gathered.", {"Seattle Seahawks": "PERSON"})
    assert [(p.text, p.country, p.within) for p in places] == [("Seattle", "US", "Seattle Seahawks")]
    assert _resolve("Fans of Victoria Vivians gathered.", {"Victoria Vivians": "PERSON"}) == []


@pytest.mark.issue(13)
def test_places_inside_a_name_are_their_own_kind_with_their_evidence() -> None:
    places = _resolve("Leeds City Council voted on Monday.", {"Leeds City Council": "ORG"})
    assert [(p.text, p.country, p.within) for p in places] == [("Leeds", "GB", "Leeds City Council")]
    assert "inside the name" in places[0].evidence


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Cases of West Nile virus rose this summer.", {"West Nile": "LOC"}),
        ("A vaccine against Lassa fever is tested.", {"Lassa": "GPE"}),
    ],
)
def test_places_none_from_a_disease_name(text: str, labels: dict[str, str]) -> None:
    assert _resolve(text, labels) == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "postal", "expected"),
    [("W.Va.", False, "West Virginia"), ("Ky.", False, "Kentucky"), ("Calif.", False, "California"),
     ("Miss.", True, "Mississippi"), ("SC", True, "South Carolina"), ("B.C.", False, "British Columbia")],
)
def test_places_region_abbreviations(text: str, postal: bool, expected: str) -> None:
    assert region_abbreviation(text, postal=postal)[0].name == expected


@pytest.mark.issue(13)
def test_places_ambiguous_abbreviations_need_a_town_before_them() -> None:
    assert region_abbreviation("Miss.") == [] and region_abbreviation("SC") == []
    places = _resolve("A fire broke out in Lebanon, Ky., on Sunday.", {"Lebanon": "GPE"})
    assert {(p.text, p.country, p.type) for p in places} == {("Lebanon", "US", "city"), ("Ky.", "US", "region")}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("word", "country"),
    [("Egyptian", "EG"), ("Omani", "OM"), ("Nigerian", "NG"), ("Japanese", "JP"), ("Slovak", "SK"),
     ("Paris", None), ("London", None), ("Jordan", None)],
)
def test_places_demonyms_by_rule(word: str, country: str | None) -> None:
    found = demonym(word)
    assert (found[0].country if found else None) == country
    assert all(e.type == "demonym" for e in found)


@pytest.mark.issue(13)
def test_places_demonyms_are_typed_as_such() -> None:
    places = _resolve("The Omani minister arrived.", {"Omani": "NORP"})
    assert [(p.text, p.type, p.country) for p in places] == [("Omani", "demonym", "OM")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ALLENDALE, N.J. (AP) -- The mayor said...", "ALLENDALE"),
        ("By A. Writer.  LEEDS -- Rain fell.", "LEEDS"),
        ("BREAKING NEWS: the vote is in.", None),
        ("The mayor of Leeds said.", None),
        ("A caption under the photograph. " * 25 + "\n\nLEEDS — Rain fell.", "LEEDS"),  # after a caption
        ("Cases rose.\n\nSARS-CoV-2 spread in the spring.", None),                     # a hyphenated name
        # Right after the byline's credit, with the agency's own credit and a dash after the town ...
        ("By JILL COLVIN, Associated Press WASHINGTON (AP) — China vowed to fight.", "WASHINGTON"),
        # ... but not without them, nor after a word in capitals.
        ("By JILL COLVIN, Associated Press WASHINGTON said China would fight.", None),
        ("By JILL COLVIN, ASSOCIATED PRESS WASHINGTON (AP) — China vowed to fight.", None),
    ],
)
def test_places_dateline(text: str, expected: str | None) -> None:
    line = dateline(text)
    assert (line[2] if line else None) == expected


@pytest.mark.issue(13)
def test_places_dateline_is_a_place_and_points_the_article() -> None:
    places = _resolve("PARKLAND (AP) -- Students marched on Monday. Parkland is mourning.")
    assert {p.country for p in places} == {"US"} and len({p.gazetteer_id for p in places}) == 1


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "name", "admin"),
    [
        # Nothing in the article says otherwise: the most populous namesake.
        ("Visitors crowded Paris on Sunday.", {"Paris": "GPE"}, "Paris", "FR.11"),
        # The region written after it decides.
        ("The fair opened in Paris, Texas, on Sunday.", {"Paris": "GPE", "Texas": "GPE"}, "Paris", "US.TX"),
        # A state the article names elsewhere decides.
        ("Storms hit Texas. In Paris the roads closed.", {"Paris": "GPE", "Texas": "GPE"}, "Paris", "US.TX"),
        # Washington alone is the capital, not the state.
        ("Officials in Washington said so.", {"Washington": "GPE"}, "Washington", "US.DC"),
    ],
)
def test_places_namesakes_follow_the_article(text: str, labels: dict[str, str], name: str, admin: str) -> None:
    from newsprism.extract.gazetteer import gazetteer

    place = next(p for p in _resolve(text, labels) if p.text == name)
    entry = next(e for e in gazetteer().lookup(name) if e.id == place.gazetteer_id)
    assert entry.admin1 == admin


@pytest.mark.issue(13)
def test_places_one_choice_per_name_without_self_votes() -> None:
    # Two bare mentions must not vote each other into their first guess; the container decides for all.
    text = "Parkland grieves. Students of Parkland, Florida, marched. Parkland will remember."
    places = _resolve(text, {"Parkland": "GPE", "Florida": "GPE"})
    parkland = [p for p in places if p.text == "Parkland"]
    assert len(parkland) == 3 and {p.gazetteer_id for p in parkland} == {parkland[0].gazetteer_id}
    assert all(p.country == "US" and p.lat is not None and 25 < p.lat < 27.5 for p in parkland)


@pytest.mark.issue(13)
def test_places_every_place_keeps_its_evidence() -> None:
    text = "Talks in Hilversum ended. The Omani envoy flew to Leeds, then to Almelo and Utrecht."
    places = _resolve(text, {"Hilversum": "GPE", "Omani": "NORP"})
    assert places and all(p.evidence for p in places)
    assert {p.text for p in places} >= {"Hilversum", "Omani", "Leeds", "Almelo", "Utrecht"}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # A country no model labelled is a place by its own name; a name-like country or an alias is not.
        ('"Slovenia acted more Catholic than the Pope."', {}, [("Slovenia", "SI")]),
        ("Jordan scored twice.", {}, []),
        ("States agreed to the deal.", {}, []),
        # A country or town the model calls a product.
        ("Entrepreneurs in Mauritius met.", {"Mauritius": "PRODUCT"}, [("Mauritius", "MU")]),
        ("They were captured in Chattanooga on Friday.", {"Chattanooga": "PRODUCT"}, [("Chattanooga", "US")]),
        # A demonym the model calls a person, before the noun it qualifies; a lone name stays a person.
        ("The mines were laid by Azerbaijani soldiers.", {"Azerbaijani": "PERSON"}, [("Azerbaijani", "AZ")]),
        ("Azerbaijani said nothing.", {"Azerbaijani": "PERSON"}, []),
        # A country's code glued to a person's name by the model is still the country.
        ("By: Henry Lazenby US-based Alcoa said the US measures were unfair.",
         {"Henry Lazenby US": "PERSON", "US": "PERSON"}, [("US", "US"), ("US", "US")]),
        # A town qualifying a local noun; a firm's plant named like a town is no place.
        ("Zuma appeared in a Durban court on Friday.", {"Durban": "ORG"}, [("Durban", "ZA")]),
        ("A Cork mother says she is terrified.", {"Cork": "ORG"}, [("Cork", "IE")]),
        ("Workers at a Toyota plant struck.", {"Toyota": "ORG"}, []),
        # A county written after a venue's name, even when the model calls it a person; not in a list of people.
        ("7/8 April: Brands Hatch Indy, Kent. 28/29 April: Thruxton.", {"Kent": "PERSON"}, [("Kent", "GB")]),
        ("Thanks to Smith, Kent and Jones for their help.", {"Kent": "PERSON"}, []),
        # A town the model calls a person, listed beside a place; an acronym beside one stays an organisation.
        ("Roads from Gloucester and Cheltenham will close.", {"Gloucester": "GPE", "Cheltenham": "PERSON"},
         [("Gloucester", "GB"), ("Cheltenham", "GB")]),
        ("Turkey and NATO disagreed.", {"Turkey": "GPE", "NATO": "ORG"}, [("Turkey", "TR")]),
        # A state's short name that is also a word, after a town the model labelled.
        ("He drowned at his home in Slidell, La., on March 5.", {"Slidell": "GPE", "La": "GPE"},
         [("Slidell", "US"), ("La.", "US")]),
        ("HELENA, Mont. (AP) - Montana and CoreCivic agreed.", {"HELENA": "GPE", "Mont": "GPE", "Montana": "GPE"},
         [("HELENA", "US"), ("Mont.", "US"), ("Montana", "US")]),
    ],
)
def test_places_found_where_the_model_mislabels_them(text: str, labels: dict[str, str],
                                                     expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.country) for p in _resolve(text, labels) if p.lat is not None] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # A town under 5,000 people where the article says where it is: a country with one namesake ...
        ("Asylum seekers in Greece are stuck in Samos.", {"Greece": "GPE", "Samos": "GPE"}, ("GR", 37.75)),
        # ... or the county written after it.
        ("The race is at Snetterton, Norfolk.", {"Snetterton": "GPE", "Norfolk": "GPE"}, ("GB", 52.47)),
        # Nothing says where: kept without a point, not the most populous namesake.
        ("They met in Samos.", {"Samos": "GPE"}, None),
    ],
)
def test_places_small_towns_only_where_the_article_places_them(
        text: str, labels: dict[str, str], expected: tuple[str, float] | None) -> None:
    first = next(p for p in _resolve(text, labels) if p.text in ("Samos", "Snetterton"))
    if expected is None:
        assert first.lat is None
    else:
        assert first.country == expected[0] and first.lat is not None and abs(first.lat - expected[1]) < 0.1
        assert "a town under 5,000 people" in first.evidence


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # Where a person lives, the way local news writes it, even when the model calls the town a person ...
        ("David and Jodi Mahler of Bellmore appeared on the show.", {"Jodi Mahler": "PERSON"},
         [("Bellmore", "US")]),
        ("Miss Abdhou, of Hayes, was not a spectator.", {"Abdhou": "PERSON", "Hayes": "PERSON"}, [("Hayes", "GB")]),
        ("John Smith, 45, of Slidell was charged.", {"John Smith": "PERSON"}, [("Slidell", "US")]),
        # ... but not an organisation's "of", nor a person's name going on after "of".
        ("The University of Bellmore opened.", {}, []),
        ("Jodi Mahler of Bellmore Capital Partners spoke.", {"Jodi Mahler": "PERSON"}, []),
        # "St." finds the town whose own name spells it out: the article decides between namesakes.
        ("Moscow will close the US consulate in St. Petersburg.", {"Moscow": "GPE", "St. Petersburg": "GPE"},
         [("Moscow", "RU"), ("US", "US"), ("St. Petersburg", "RU")]),
        ("Storms hit Florida. In St. Petersburg the roads closed.", {"Florida": "GPE", "St. Petersburg": "GPE"},
         [("Florida", "US"), ("St. Petersburg", "US")]),
        # A facility or a name before "airport" is the airport, not a town of that name in Florida.
        ("The plane was held at Heathrow on Sunday.", {"Heathrow": "FAC"}, [("Heathrow", "GB")]),
        ("Flights from Schiphol were cancelled.", {"Schiphol": "FAC"}, [("Schiphol", "NL")]),
        # A town of two words, or known by a variant of its name, after a locative word: the model's label
        # gives way; a variant after "to" or "from", which also take people, does not.
        ("It was a campaign stop in Ciudad Juarez.", {"Ciudad Juarez": "PERSON"}, [("Ciudad Juarez", "MX")]),
        ("They went on their honeymoon to Great Yarmouth.", {"Great Yarmouth": "ORG"}, [("Great Yarmouth", "GB")]),
        ("The tribute show comes to Clacton this weekend.", {"Clacton": "ORG"}, [("Clacton", "GB")]),
        ("A statue will be installed in Echmiadzin.", {"Echmiadzin": "ORG"}, [("Echmiadzin", "AM")]),
        ("A message from Echmiadzin was read.", {"Echmiadzin": "PERSON"}, []),
        # A town before the title of its own office; a person's title after a person's name is no place.
        ("An aide to former Atlanta Mayor Kasim Reed was charged.", {"Atlanta": "ORG", "Kasim Reed": "PERSON"},
         [("Atlanta", "US")]),
        ("Aides of Jordan Mayor Smith spoke.", {"Jordan Mayor Smith": "PERSON"}, []),
        # A list of towns grows from the place it holds, whatever the model called its other towns.
        ("Its stores in Žilina, Nitra, Prešov and Košice were sold.",
         {"Žilina": "GPE", "Nitra": "ORG", "Prešov": "PRODUCT", "Košice": "PERSON"},
         [("Žilina", "SK"), ("Nitra", "SK"), ("Prešov", "SK"), ("Košice", "SK")]),
        ("Thanks to Smith, Nitra and Jones.", {"Smith": "PERSON", "Nitra": "PERSON", "Jones": "PERSON"}, []),
        # A country's name the model cut in two, and its short form elsewhere in the article.
        ("Trinidad and Tobago failed to attend. The ministry in Trinidad said so.",
         {"Trinidad": "GPE", "Tobago": "PERSON"}, [("Trinidad and Tobago", "TT"), ("Trinidad", "TT")]),
        ("Trinidad is in Cuba.", {"Trinidad": "GPE", "Cuba": "GPE"}, [("Trinidad", "CU"), ("Cuba", "CU")]),
        # A dateline in a town's own spelling at the top of the story.
        ("Muscat: The festival opened on Friday.", {}, [("Muscat", "OM")]),
        ("Update: The festival opened on Friday.", {}, []),
    ],
)
def test_places_local_news_idioms(text: str, labels: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.country) for p in _resolve(text, labels) if p.lat is not None] == expected


@pytest.mark.issue(13)
def test_places_one_choice_per_name_across_labels() -> None:
    # A town placed by its context keeps its place in a mention the model calls an organisation, and in one
    # the scan finds by name alone; a person's label is left alone.
    text = "Zuma appeared in a Durban court. Durban was quiet. Police in Riverdale said Riverdale was calm."
    places = _resolve(text, {"Durban": "ORG"})
    assert [p.text for p in places] == ["Durban", "Durban", "Riverdale", "Riverdale"]
    assert _resolve("Fans flew to McGregor. McGregor won the fight.", {"McGregor": "PERSON"})[1:] == []


@pytest.mark.issue(13)
def test_places_dateline_in_a_towns_spelling() -> None:
    line = dateline("(Red Oak) -- The three candidates met.")
    assert line is not None and line[2] == "Red Oak" and line[0] == 1


@pytest.mark.issue(13)
def test_places_container_before_a_hyphen_places_the_other_mentions() -> None:
    # "Pittsburgh, Pennsylvania-based": the state ends at the hyphen, so the town is placed by its container,
    # and so are its other mentions the model calls a person.
    text = "The Pittsburgh, Pennsylvania-based company said so. Pittsburgh was quiet."
    places = _resolve(text, {"Pittsburgh": "PERSON"})
    assert [(p.text, p.country) for p in places] == [("Pittsburgh", "US"), ("Pennsylvania", "US"), ("Pittsburgh", "US")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "labels", "expected"), [
    # a smaller town opening an organisation's name no model labelled is kept where the article names its region
    ("Owensboro Public Schools closed on Monday, the Kentucky district said.", {"Kentucky": "GPE"},
     [("Owensboro", "Owensboro Public Schools"), ("Kentucky", None)]),
    ("Owensboro Public Schools closed on Monday.", {}, []),
    ("Owensboro Public Schools closed on Monday, the Ohio district said.", {"Ohio": "GPE"}, [("Ohio", None)]),
])
def test_places_town_opening_an_unlabelled_name_is_tentative(
        text: str, labels: dict[str, str], expected: list[tuple[str, str | None]]) -> None:
    assert [(p.text, p.within) for p in _resolve(text, labels)] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "labels", "name", "expected"), [
    # A name placed by the region written after it votes for that namesake: "Parkland, Florida" is no vote for
    # Washington state (home of a bigger Parkland), so the newspaper's city stays the capital.
    ("Students in Parkland, Florida marched. The Washington Post reported it.",
     {"Parkland": "GPE", "Florida": "GPE", "Washington Post": "ORG"}, "Washington", ("city", 38.9)),
    # In a list of regions a city named like a region of the same country is the region, even one that does
    # not hold the city.
    ("Firms move to states such as California or Washington.", {"California": "GPE", "Washington": "GPE"},
     "Washington", ("region", 47.1)),
    ("Firms move to Washington and other cities.", {"Washington": "GPE"}, "Washington", ("city", 38.9)),
    # A county is decided by the state the article names, not by the most populous namesake.
    ("Schools across Kentucky will get more. McLean County schools will be given $5,900.",
     {"Kentucky": "GPE", "McLean County": "GPE"}, "McLean County", ("county", 37.5)),
    ("McLean County schools will be given $5,900.", {"McLean County": "GPE"}, "McLean County", ("county", 40.5)),
    # A small town in a region the article names is a namesake beside the bigger ones elsewhere.
    ("The prison in Shelby holds 500 inmates, Montana officials said.", {"Shelby": "GPE", "Montana": "GPE"},
     "Shelby", ("city", 48.5)),
    ("The prison in Shelby holds 500 inmates, officials said.", {"Shelby": "GPE"}, "Shelby", ("city", 42.7)),
    # ... but only in the article's own region: a story naming four states as often has none.
    ("Officials in Montana, Idaho, Utah and Nevada said the prison in Shelby holds 500 inmates.",
     {"Shelby": "GPE", "Montana": "GPE", "Idaho": "GPE", "Utah": "GPE", "Nevada": "GPE"}, "Shelby", ("city", 42.7)),
    # A town that is also a county of a region too wide to choose a county by stays the town.
    ("Girls were abused at a home in Bradford, England, the court heard.", {"Bradford": "GPE", "England": "GPE"},
     "Bradford", ("city", 53.8)),
])
def test_places_namesakes_by_the_articles_own_geography(
        text: str, labels: dict[str, str], name: str, expected: tuple[str, float]) -> None:
    place = next(p for p in _resolve(text, labels) if p.text == name)
    assert place.lat is not None and (place.type, round(place.lat, 1)) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "labels", "expected"), [
    # A town under 5,000 people written before the county or state that holds it, whatever the model says.
    ("The race moves to Silverstone, Northamptonshire, in September.", {},
     [("Silverstone", "GB"), ("Northamptonshire", "GB")]),
    ("Dogs were taken from a farm in Estey's Bridge, N.B. on Sunday.", {}, [("Estey's Bridge", "CA")]),
    # One mention placed by its region places the others.
    ("Lifeboats from New Quay were launched. Two were found near New Quay, Ceredigion.",
     {"New Quay": "LOC", "Ceredigion": "GPE"}, [("New Quay", "GB"), ("New Quay", "GB"), ("Ceredigion", "GB")]),
    # Nothing says where, or the name is a person's.
    ("Lifeboats from New Quay were launched.", {"New Quay": "LOC"}, []),
    ("The coach, John Silverstone, Northamptonshire's best, spoke.", {"John Silverstone": "PERSON"},
     [("Northamptonshire", "GB")]),
])
def test_places_small_town_before_the_region_that_holds_it(
        text: str, labels: dict[str, str], expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.country) for p in _resolve(text, labels) if p.lat is not None] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # A common word the model did not call a place names no region abroad ...
        ("In New Delhi the Centre told the court it needs time.", {"New Delhi": "GPE", "Centre": "ORG"},
         ["New Delhi"]),
        ("Southern and Western governments met in Lagos.", {"Southern": "NORP", "Western": "NORP", "Lagos": "GPE"},
         ["Lagos"]),
        # ... but it does where the article names another place of that region's country,
        ("Farmers in Bertoua said the Centre had more rain.", {"Bertoua": "GPE", "Centre": "ORG"},
         ["Bertoua", "Centre"]),
        # ... and where the model called it a place.
        ("Floods hit Centre this week.", {"Centre": "GPE"}, ["Centre"]),
    ],
)
def test_places_a_common_word_names_a_region_only_in_its_country(text: str, labels: dict[str, str],
                                                                 expected: list[str]) -> None:
    assert [p.text for p in _resolve(text, labels) if p.lat is not None] == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # Initials with full stops name no town spelt as one word (Pa, Burkina Faso) ...
        ("The firm Smith & Jones, P.A. filed the suit.", {"P.A": "GPE"}, []),
        # ... but the hand-written forms written so are places.
        ("Talks in the U.S. went on.", {"U.S.": "GPE"}, ["U.S."]),
    ],
)
def test_places_initials_with_stops_name_no_town(text: str, labels: dict[str, str], expected: list[str]) -> None:
    assert [p.text for p in _resolve(text, labels) if p.lat is not None] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was found in the English city of Salisbury.", [("English", "GB"), ("Salisbury", "GB")]),
        ("She speaks English at home.", []),                    # the language
        ("The English version is out.", []),                    # the language's, before no place's noun
    ],
)
def test_places_a_language_before_a_place_noun_is_its_people(text: str, expected: list[tuple[str, str]]) -> None:
    places = _resolve(text, {"English": "LANGUAGE"} | ({"Salisbury": "GPE"} if "Salisbury" in text else {}))
    assert [(p.text, p.country) for p in places] == expected


@pytest.mark.issue(13)
def test_places_a_dateline_run_into_the_credit_is_a_town() -> None:
    text = "By JILL COLVIN, Associated Press WASHINGTON (AP) — China vowed to fight the U.S."
    places = _resolve(text, {"Associated Press WASHINGTON": "ORG", "China": "GPE"})
    assert [(p.text, p.name) for p in places][:2] == [("WASHINGTON", "Washington, D.C."), ("China", "China")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # The town an organisation's name ends with, where the region written after it holds the town ...
        ("It will be built at GM’s Bowling Green, Kentucky facility.",
         {"GM’s Bowling Green": "ORG", "Kentucky": "GPE"}, [("Bowling Green", "US.KY"), ("Kentucky", "US.KY")]),
        # ... not a word the region does not hold, nor a person's name.
        ("It was Ford Motor Company, Michigan said.", {"Ford Motor Company": "ORG", "Michigan": "GPE"},
         [("Michigan", "US.MI")]),
        ("Thanks to Mayor Tom Lexington, Kentucky voted.", {"Tom Lexington": "PERSON", "Kentucky": "GPE"},
         [("Kentucky", "US.KY")]),
    ],
)
def test_places_a_town_ending_a_name_before_its_region(text: str, labels: dict[str, str],
                                                     expected: list[tuple[str, str]]) -> None:
    from newsprism.extract.gazetteer import gazetteer

    places = _resolve(text, labels)
    admins = [next(e.admin1 for e in gazetteer().lookup(p.name or p.text) if e.id == p.gazetteer_id) for p in places]
    assert [(p.text, admin) for p, admin in zip(places, admins, strict=True)] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town written after a university's, college's or hospital's name and a comma is where it is ...
        ("Eze, Vice Chancellor of the Federal University of Technology, Owerri (FUTO), spoke.", ["Owerri"]),
        # ... not a person's name after another organisation's.
        ("Eze, Vice Chancellor of the Federal Ministry of Technology, Owerri said.", []),
    ],
)
def test_places_a_town_after_an_institutions_name(text: str, expected: list[str]) -> None:
    labels = {"Federal University of Technology": "ORG", "Federal Ministry of Technology": "ORG", "Owerri": "PERSON"}
    places = _resolve(text, {k: v for k, v in labels.items() if k in text})
    assert [p.text for p in places if p.type == "city"] == expected


@pytest.mark.issue(13)
def test_places_a_dateline_the_model_cut_in_two_is_one_town() -> None:
    text = "ST. LOUIS – Police announced the arrest of two men."
    places = resolve_places(Article(id="t", text=text), [Mention(0, 2, "ST", "GPE", None, "test"),
                                                           Mention(4, 9, "LOUIS", "GPE", None, "test")])
    assert [(p.text, p.name, p.country) for p in places] == [("ST. LOUIS", "St. Louis", "US")]
    # A dateline the model read as one name is left as it is.
    text = "HELENA, Mont. (AP) - Montana and the company are at an impasse."
    places = _resolve(text, {"HELENA": "GPE", "Montana": "GPE"})
    assert [p.text for p in places][:1] == ["HELENA"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # A town in brackets after a shop's or club's name is where it is ...
        ("A show by Fig Leaf Boutique (Maywood) drew guests from Paterson, New Jersey.",
         {"Fig Leaf Boutique": "ORG", "Paterson": "GPE", "New Jersey": "GPE"}, ["Maywood", "Paterson", "New Jersey"]),
        # ... not a player's club, nor an initialism.
        ("The goal came from Eden Hazard (Chelsea) late on.", {"Eden Hazard": "PERSON"}, []),
        ("Riders of the Boston Area Rapid Transit (BART) waited.", {"Boston Area Rapid Transit": "ORG"}, ["Boston"]),
    ],
)
def test_places_a_town_in_brackets_after_a_name(text: str, labels: dict[str, str], expected: list[str]) -> None:
    assert [p.text for p in _resolve(text, labels) if p.lat is not None] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm Maria hit hard.", []),                       # a first name, an alias of a small Mexican town
        ("Troops left Jerson on Friday.", ["Jerson"]),        # a big city's alias, though a first name too
        ("Rain fell on Florence today.", ["Florence"]),       # a town's own name
    ],
)
def test_places_a_first_name_is_a_small_town_only_by_its_own_name(text: str, expected: list[str]) -> None:
    name = expected[0] if expected else "Maria"
    assert [p.text for p in _resolve(text, {name: "GPE"}) if p.lat is not None] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # Initials the gazetteer reads as a town's name ("Wa", Ghana) are a region of the article's geography ...
        ("Beaches near Rockingham and Perth, Western Australia shut. Wastewater in WA is diluted.",
         {"Rockingham": "GPE", "Perth": "GPE", "Western Australia": "GPE", "WA": "GPE"}, ("Western Australia", "AU")),
        # ... and the town in a story of its own country.
        ("The chief of WA said so in Accra and Kumasi, Ghana.",
         {"WA": "GPE", "Accra": "GPE", "Kumasi": "GPE", "Ghana": "GPE"}, ("Wa", "GH")),
    ],
)
def test_places_initials_read_as_a_town_are_the_articles_region(text: str, labels: dict[str, str],
                                                                expected: tuple[str, str]) -> None:
    places = [p for p in _resolve(text, labels) if p.text == "WA"]
    assert [(p.name, p.country) for p in places] == [expected]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # A demonym after a first name inside a longer name is a person's surname ...
        ("They met at the Percy French Hotel on Monday.", {"Percy French Hotel": "ORG"}, []),
        # ... a demonym opening the name is still its people.
        ("The American Red Cross said so.", {"American Red Cross": "ORG"}, ["American"]),
    ],
)
def test_places_a_demonym_after_a_first_name_is_a_surname(text: str, labels: dict[str, str],
                                                         expected: list[str]) -> None:
    assert [p.text for p in _resolve(text, labels)] == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "labels", "region", "country"),
    [
        # Local news names a person by the county or region they are from, before their description.
        ("Hampshire racing driver Rob Collard has set his goals.", {"Rob Collard": "PERSON"}, "Hampshire", "GB"),
        ("The show was won again. Former Kent farmer John Smith took the prize.",
         {"Kent": "PERSON", "John Smith": "PERSON"}, "Kent", "GB"),
    ],
)
def test_places_region_before_a_persons_description(text: str, labels: dict[str, str], region: str,
                                                    country: str) -> None:
    places = {p.text: p for p in _resolve(text, labels)}
    assert places[region].country == country and places[region].type == "county"


def test_places_region_before_a_description_needs_the_person() -> None:
    # No person's name after the description: the word opens a sentence and is not read as the county.
    assert "Hampshire" not in {p.text for p in _resolve("Hampshire racing was cancelled again this week.")}


@pytest.mark.issue(13)
def test_places_a_country_named_after_an_abbreviation_whose_stop_the_model_cut() -> None:
    # The model labels "U.S" alone in "the U.S. Virgin Islands": the whole is the territory, not the United States.
    text = "Tickets are sold in 44 states and the U.S. Virgin Islands. The U.S. Navy said so."
    places = {p.text: p for p in _resolve(text, {"U.S": "GPE"})}
    assert places["U.S. Virgin Islands"].country == "VI"
    assert {p.country for p in _resolve(text, {"U.S": "GPE"}) if p.text.startswith("U.S")} == {"VI", "US"}
