"""Word tables and patterns of the link stage (kept apart from the code, as in ``clean/resources.py``)."""

from __future__ import annotations

import re

#: Label families: entities are only merged within one family.
LABEL_FAMILY: dict[str, str] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "NORP": "NORP",
    "EVENT": "EVENT", "PRODUCT": "PRODUCT", "WORK_OF_ART": "WORK",
}

#: Transliteration folds, applied in order to a lower-cased, accent-free name.
#: They map Ukrainian/Russian/Romanian/Spanish spellings of one name onto one
#: key: Hrytsenko / Gritsenko / Grițenko, Kherson / Jersón, Surovykin / Surovikin.
FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"), ("kh", "h"), ("zh", "j"), ("ch", "c"), ("ts", "t"), ("tz", "t"),
    ("ou", "u"), ("oo", "u"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("x", "ks"), ("q", "k"),
    ("yi", "i"), ("iy", "i"), ("ii", "i"), ("y", "i"), ("ie", "e"), ("ei", "e"),
)

#: Abbreviations that open place names: "Mt Cook" is Mount Cook, "St Petersburg" Saint Petersburg.
LEADING_ABBREVIATIONS: dict[str, str] = {"mt": "mount", "mtn": "mountain", "st": "saint", "ste": "sainte",
                                         "ft": "fort", "pt": "port"}

#: Initial letters that transliterations swap (Ukrainian H = Russian G; Spanish J = English Kh).
INITIAL_FOLDS: dict[str, str] = {"g": "h", "j": "h"}

#: Given names that are one name in another language or a familiar form (Joe / Joseph,
#: Oleksandr / Aleksandr / Alexander): two full names whose given names are in one group
#: may be one person. Kept small: a miss only leaves two entities apart.
GIVEN_NAME_GROUPS: tuple[frozenset[str], ...] = tuple(frozenset(group.split()) for group in (
    "alexander aleksandr oleksandr alexandre alejandro alessandro alex sasha",
    "alexei alexey oleksiy oleksii aleksei",
    "andrew andrei andrey andriy andrii andre andres andy",
    "anthony antony tony antonio anton",
    "catherine katherine kathryn kate katie cathy kathy ekaterina yekaterina kateryna",
    "charles charlie chuck carlos carl karl",
    "christopher chris kristopher",
    "daniel dan danny daniil danylo",
    "dmitry dmitri dmytro dimitri",
    "edward ed eddie ted ned eduardo",
    "elizabeth liz beth betty eliza",
    "elena yelena olena helen helena",
    "eugene yevgeny yevhen evgeny evgeniy",
    "george georgy heorhiy jorge giorgio georg",
    "gregory greg grigory hryhoriy",
    "james jim jimmy jamie jaime",
    "john jon johnny juan giovanni johann ivan",
    "joseph joe joey jose giuseppe josef",
    "michael mike mick mikhail mykhailo miguel michel michele",
    "nicholas nick nikolai mykola nicolas nicola",
    "paul pavel pavlo pablo paolo",
    "peter pete petro pyotr pedro pierre pietro",
    "richard rick dick rich ricardo riccardo",
    "robert bob bobby rob roberto",
    "sergei sergey serhiy serhii sergio serge",
    "stephen steven steve stefan stepan",
    "thomas tom tommy tomas",
    "vladimir volodymyr wladimir",
    "william bill billy will willy guillermo wilhelm",
    "yuri yury yuriy iurii",
))

#: Words that do not tell two organisation or place names apart ("Bank of England" = "Bank England").
NAME_STOP_WORDS = frozenset({"the", "of", "and", "for", "de", "du", "des", "la", "le", "el", "del", "on", "in", "at"})

#: Words that make a place another place: North Korea is not Korea, New York is not York.
PLACE_QUALIFIERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "new", "old", "greater",
    "little", "great", "inner", "outer", "middle", "mid", "nord", "sud", "norte", "sur", "nueva", "nuevo",
})

#: Words that a place's name may add to its gazetteer entry's name and still be that place
#: ("New York City", "Kherson Oblast", "Republic of Korea"); any other added word makes it a
#: thing named after the place ("London Bridge").
GENERIC_PLACE_WORDS = frozenset({
    "city", "town", "state", "province", "region", "oblast", "county", "district", "municipality",
    "republic", "kingdom", "federation", "union", "of", "the", "and", "federal", "people's", "democratic",
    "metropolitan", "area", "capital", "island", "islands",
})

#: Lineage cues: the text names the outlet it was taken from. Group ``src`` is the name.
#: "With the progress of" and "With information from" are word-for-word machine
#: translations of Spanish "Con los avances de" / "Con información de".
TRANSLATION_CUES: tuple[str, ...] = (
    r"with (?:the )?(?:progress|advances|advance) (?:of|from)",
    r"with (?:the )?information (?:from|of)",
    r"with information provided by",
    r"translated (?:from [A-Z][a-z]+ )?(?:from|by)",
    r"translation (?:from|of) an? (?:article|report) (?:by|in|from)",
)
COPY_CUES: tuple[str, ...] = (
    r"(?:this (?:article|story|report) )?(?:was )?(?:originally|first) (?:published|appeared) (?:in|on|by)",
    r"republished (?:with permission )?from",
    r"(?:source|sources|courtesy of|reprinted from)\s*:",
)

#: A source name after a cue: capitalised or all-caps words, "the" and small joiners allowed.
SOURCE_NAME = re.compile(
    r"(?:[Tt]he\s+)?((?:[A-ZÀ-Ý][\w'’&.-]*)(?:\s+(?:of|de|del|la|el|and|&|[A-ZÀ-Ý][\w'’&.-]*))*)")

#: Events people are counted in, with the words that signal them in a claim's own counted
#: phrase and verb, or right after its figure. Only counts of people (or of nothing named)
#: are read this way: "115,000 residents were evacuated" and "80,000 people fled" are one quantity.
EVENT_QUANTITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("evacuated", ("evacuat", "leave their homes", "left their homes", "fled", "flee", "displaced",
                   "forced from their homes", "relocated")),
    ("dead", ("dead", "died", "die ", "killed", "death toll", "deaths", "lost their lives", "drowned",
              "fatalities", "perished")),
    ("missing", ("missing", "unaccounted")),
    ("injured", ("injured", "wounded", "hurt")),
    ("rescued", ("rescued",)),
    ("arrested", ("arrested", "detained", "in custody")),
    ("infected", ("infected", "tested positive", "cases")),
    ("quarantined", ("quarantin", "isolation", "self-isolat")),
    ("hospitalised", ("hospitali",)),
    ("strikers", ("on strike", "joined the strike", "walked out", "striking")),
    ("protesters", ("protest", "demonstrat", "marched", "rallied")),
)

#: Nouns that count people without saying more: "people", "residents" and "civilians" counted
#: in one event are one quantity.
PEOPLE_NOUNS = frozenset({
    "people", "person", "resident", "civilian", "inhabitant", "individual", "citizen", "man", "woman",
    "child", "adult", "passenger", "worker", "member", "victim", "patient", "student", "employee", "soldier",
    "troop", "serviceman", "migrant", "refugee", "family", "household", "dockworker", "docker", "staff",
})
#: People nouns that count a part of the people of an event, not all of them: "a man and two women died".
SUBGROUP_NOUNS = frozenset({"man", "woman", "child", "adult"})

#: Units of claims: the dimension each measures and its factor to the dimension's base unit.
#: Currencies are their own dimension (see :func:`newsprism.link.claims.dimension_of`).
UNIT_DIMENSIONS: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0), "percentage points": ("percentage points", 1.0),
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "um": ("length", 1e-6), "mi": ("length", 1609.344), "ft": ("length", 0.3048), "in": ("length", 0.0254),
    "ly": ("length", 9.4607e15),
    "km2": ("area", 1e6), "ha": ("area", 1e4), "acre": ("area", 4046.86),
    "t": ("mass", 1000.0), "kg": ("mass", 1.0), "g": ("mass", 0.001), "mg": ("mass", 1e-6),
    "l": ("volume", 1.0), "barrels": ("volume", 158.987),
    "MW": ("power", 1e6), "GW": ("power", 1e9), "kWh": ("energy", 3.6e6),
    "mph": ("speed", 0.44704), "km/h": ("speed", 1 / 3.6),
    "degC": ("degC", 1.0), "degF": ("degF", 1.0), "degrees": ("degrees", 1.0), "mol": ("amount", 1.0),
    "times": ("ratio", 1.0),  # "five times the legal limit": a multiplier, no count of its noun
}

#: Lines shorter than this never count as learned site furniture.
MIN_FURNITURE_CHARS = 12

#: Words never used as story blocking keys (too common in titles).
TITLE_STOP = frozenset(
    "a an the of in on at to for from by with and or as is are was were be been after before over under new "
    "says said say will could would may might not no its it this that these those into out up down than more "
    "less about amid against during while two three four five six seven eight nine ten first last".split())
