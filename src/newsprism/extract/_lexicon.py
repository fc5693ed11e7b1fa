"""Word tables for the entity and quote stages (no logic, no imports).

Kept apart from the code so that a table can grow without touching the
rules that read it (textacy ``resources``). Every word is lower case.
"""

from __future__ import annotations

#: NER labels that name a real-world thing; numbers, dates and amounts are
#: left to the claims and dates stages.
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)

#: Labels for places; used when a one-word PERSON span reads like a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Prepositions that put a bare proper noun in a place reading ("in Kherson").
LOCATIVE_PREPOSITIONS = frozenset(
    # "from", "of", "at" are left out: "a message from Putin", "the words of Biden".
    {"in", "near", "across", "outside", "inside", "around", "into", "towards", "toward"}
)

#: Nouns a name modifies only when it names an organisation: "Twitter users", "Twitter CEO Jack Dorsey",
#: "the SpaceX headquarters". A person has no users, no shares and no chief executive (but staff: "Obama staff").
ORGANISATION_HEADS = frozenset({
    "ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "president",
    "executive", "executives", "employee", "employees", "user", "users", "account", "accounts",
    "handle", "feed", "platform", "app", "shares", "stock", "shareholders", "headquarters", "website", "subscribers",
})
#: Nouns whose "of" a name follows only when it names an organisation: "chief operating officer of SpaceX".
ORGANISATION_OF = frozenset({
    "ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "president",
    "executive", "officer", "employee", "employees", "staff", "shareholders", "headquarters", "spokesman",
    "spokeswoman", "spokesperson",
})
#: Verbs whose "on" or "via" a name follows when it names a medium one posts on: "posted on Twitter", "visit
#: Arrowhead on Facebook, Twitter, and Instagram", "Reach the reporters on Twitter".
MEDIUM_VERBS = frozenset({"post", "tweet", "share", "follow", "write", "say", "announce", "reach", "find", "visit",
                          "like", "join", "trend", "stream", "broadcast", "publish", "upload", "note", "indicate",
                          "go"})

#: Titles and title modifiers that may open a person's span or stand before it.
TITLES = frozenset(
    {
        "president", "vice", "prime", "minister", "secretary", "general", "gen", "gen.", "colonel", "col", "col.",
        "lieutenant", "lt", "lt.", "major", "maj", "maj.", "captain", "capt", "capt.", "sergeant", "sgt", "sgt.",
        "admiral", "adm", "adm.", "marshal", "commander", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
        "prof", "prof.", "professor", "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "pope",
        "senator", "sen", "sen.", "rep", "rep.", "representative", "congressman", "congresswoman", "governor", "gov",
        "gov.", "mayor", "judge", "justice", "chancellor", "ambassador", "deputy", "chairman", "chairwoman", "chair",
        "chief", "director", "spokesman", "spokeswoman", "spokesperson", "sheikh", "emir", "sultan", "archbishop", "bishop",
        "rabbi", "imam", "father", "reverend", "rev", "rev.", "premier", "foreign", "defense", "defence", "interior",
        "finance", "health", "education", "economy", "russian", "ukrainian", "us", "u.s.", "former",
        "acting", "supreme", "state", "federal", "opposition", "party", "leader", "head", "prosecutor", "crown",
    }
)

#: Nouns that refer back to a person ("the minister said", "the journalist wrote").
ROLE_NOUNS = frozenset(
    {
        "president", "minister", "secretary", "general", "colonel", "commander", "officer", "official", "spokesman",
        "spokeswoman", "spokesperson", "journalist", "correspondent", "reporter", "editor", "writer", "author",
        "lawyer", "attorney", "prosecutor", "judge", "analyst", "expert", "scientist", "researcher", "professor",
        "doctor", "economist", "diplomat", "envoy", "ambassador", "governor", "mayor", "senator", "lawmaker",
        "deputy", "leader", "chief", "head", "chairman", "chairwoman", "director", "executive", "ceo", "founder",
        "owner", "manager", "coach", "player", "activist", "witness", "resident", "survivor", "victim", "soldier",
        "politician", "candidate", "premier", "chancellor", "king", "queen", "prince", "pope", "priest", "singer",
        "actor", "actress", "artist", "student", "teacher", "farmer", "worker", "man", "woman", "father", "mother",
        "blogger", "commentator", "historian", "mp", "adviser", "advisor", "aide", "negotiator", "admiral",
        "comedian", "comic", "rapper", "musician", "host", "star", "boxer", "swimmer", "champion", "model",
        "designer", "entrepreneur", "billionaire", "filmmaker", "producer", "novelist", "poet", "astronaut",
    }
)

#: Pronouns that can stand for a person who speaks.
PERSON_PRONOUNS = frozenset({"he", "she", "they"})

#: Pronouns that can stand for an organisation that speaks ("the ministry said it ...").
ORG_PRONOUNS = frozenset({"it", "they"})

#: Pronouns by the gender and number they ask of their antecedent (#13).
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})

#: Titles and role words that tell a person's gender ("Mrs. Lopez", "the congresswoman").
MALE_WORDS = frozenset({
    "mr", "mr.", "sir", "lord", "king", "prince", "congressman", "chairman", "spokesman", "businessman",
    "actor", "father", "husband", "son", "brother", "uncle", "grandfather", "man", "boy", "gentleman",
    "nephew", "widower", "boyfriend", "councilman", "assemblyman", "policeman", "sheikh", "emir",
})
FEMALE_WORDS = frozenset({
    "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "congresswoman", "chairwoman",
    "spokeswoman", "businesswoman", "actress", "mother", "wife", "daughter", "sister", "aunt", "grandmother",
    "woman", "girl", "niece", "widow", "girlfriend", "councilwoman", "assemblywoman", "policewoman",
})

#: Nouns that refer back to an organisation ("the agency said", "the team announced").
ORG_NOUNS = frozenset({
    "agency", "team", "club", "company", "firm", "campaign", "newspaper", "paper", "magazine", "network",
    "channel", "broadcaster", "ministry", "department", "government", "administration", "committee", "commission",
    "council", "board", "party", "group", "organisation", "organization", "union", "association", "federation",
    "league", "bank", "court", "authority", "office", "institute", "university", "school", "hospital", "army",
    "military", "police", "service", "foundation", "charity", "airline", "carrier", "manufacturer", "retailer",
    "outlet", "site", "website", "station", "bureau", "watchdog", "regulator", "coalition", "alliance",
})

#: Verbs (lemmas) that introduce speech or writing; direct quotes accept all of them.
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "state", "announce", "declare", "explain", "claim", "insist", "argue", "warn", "admit",
        "concede", "deny", "acknowledge", "confirm", "note", "stress", "emphasize", "emphasise", "estimate",
        "write", "tweet", "post", "order", "ask", "reply", "respond", "answer", "suggest", "predict", "urge",
        "recall", "comment", "report", "mention", "assert", "maintain", "contend", "allege", "vow", "promise",
        "pledge", "threaten", "complain", "reveal", "disclose", "indicate", "observe", "remark", "shout", "scream",
        "whisper", "cry", "joke", "quip", "conclude", "testify", "reiterate", "repeat", "agree", "continue",
        "describe", "call", "demand", "command", "instruct", "caution", "boast", "lament", "counter",
        "retort", "exclaim", "murmur", "plead", "proclaim", "affirm", "point", "underline",
        "highlight", "specify", "clarify", "inform", "advise", "recount", "express", "calculate", "forecast", "project", "assure", "reassure", "speculate", "accuse", "blame",
    }
)

#: Verbs (lemmas) that report speech when they take a clausal complement
#: ("X said that ..."); cognitive verbs (think, believe) are left out on purpose.
REPORT_VERBS = frozenset(
    {
        "say", "tell", "add", "state", "announce", "declare", "explain", "claim", "insist", "argue", "warn", "admit",
        "concede", "deny", "acknowledge", "confirm", "note", "stress", "emphasize", "emphasise", "estimate",
        "write", "tweet", "post", "reply", "respond", "answer", "suggest", "predict", "recall", "comment", "report",
        "mention", "assert", "maintain", "contend", "allege", "vow", "promise", "pledge", "threaten", "complain",
        "reveal", "disclose", "indicate", "observe", "remark", "conclude", "testify", "reiterate", "repeat",
        "caution", "boast", "lament", "counter", "retort", "proclaim", "affirm", "underline", "highlight",
        "specify", "clarify", "inform", "advise", "assure", "speculate", "order", "urge",
        # speech verbs that take a clause as the others do ("demanded that police release the video", "joked that
        # Trump ranks fourth") (#13)
        "demand", "joke", "quip", "plead", "recount", "forecast", "reassure", "shout", "whisper", "exclaim",
        "murmur", "command", "instruct",
    }
)

#: Verbs (lemmas) that report a request, an order or a promise through an infinitive: "Graham urged Republicans to
#: join …", "Clinton pledged to push for …"; what is asked or promised is the reported content (#13).
REQUEST_VERBS = frozenset(
    {
        "urge", "ask", "tell", "warn", "order", "advise", "instruct", "pledge", "promise", "vow", "threaten",
        "demand", "encourage", "implore", "caution", "beg",
    }
)

#: Verbs (lemmas) that state what their subject means to do or will not do, through an infinitive: "Clinton wants to
#: sign up 5 million people", "he declined to release his tax returns", "the company agreed to clean up the
#: mines". News reports them as its subject's stated aims, as it reports requests and promises (#13). Verbs of
#: what someone does or has scheduled ("plans to visit Charlotte on Sunday", "refused to drop the gun", "decided to
#: change course", "seeking to confirm their address") report acts, not stated positions, and are left out.
INTENT_VERBS = frozenset({"want", "intend", "propose", "hope", "aim", "agree", "decline", "offer"})

#: Verbs (lemmas) that report what their subject believes, fears or expects through a clause: "Mr. Obama believes
#: his efforts will be his legacy", "environmentalists worry that the cost could fall to taxpayers" (#13).
BELIEF_VERBS = frozenset(
    {
        "believe", "think", "expect", "hope", "fear", "worry", "feel", "suspect", "assume", "doubt",
    }
)

#: Verbs (lemmas) that name or judge something in the speaker's own words: "Clinton called half of Trump's
#: supporters “deplorables”", "Christie described Clinton as a “disgrace”". With a quoted fragment among their
#: objects, the objects and the fragment are what the subject said, one mixed quote (#13).
NAMING_VERBS = frozenset(
    {
        "call", "dub", "label", "brand", "term", "describe", "characterize", "characterise", "deem", "condemn",
        "blast", "criticize", "criticise", "slam", "denounce", "praise", "hail", "laud", "dismiss", "decry", "liken",
        "rate", "deride", "mock", "ridicule",
    }
)

#: Words after a closing quote mark that show the quote is speech even when it is
#: short ("“No,” he said.").
SPEECH_SURFACE = (
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes", "replied",
    "replies", "answered", "insisted", "warned", "admitted", "conceded", "denied", "stated", "declared",
    "explained", "ordered", "shouted", "cried", "tweeted", "posted", "according",
)

#: Opening quote marks and the marks that may close them.
QUOTE_CLOSERS: dict[str, str] = {
    "“": "”“",  # a few sites close with the opening curly mark
    "„": "“”",
    "«": "»",
    "‹": "›",
    "‘": "’",
    '"': '"',
    "'": "'",
}

#: Quote marks that are also apostrophes: a closer only when no lower-case
#: letter follows ("Moscow’s", "don’t" are not closers).
APOSTROPHE_MARKS = frozenset({"’", "'"})

#: spaCy languages written in the Latin script: their models read no other script.
LATIN_SCRIPT_LANGUAGES = frozenset({
    "en", "de", "fr", "es", "it", "pt", "nl", "ca", "da", "sv", "nb", "fi", "pl", "cs", "sk", "sl", "hr",
    "ro", "lt", "lv", "et", "hu", "tr", "eu", "ga", "af", "id", "ms", "tl", "sq", "lb", "is",
})

#: Leading words stripped from entity spans.
LEADING_DETERMINERS = frozenset({"the", "a", "an"})

#: Words that open a surname ("Ludwig van Beethoven", "Mohammed bin Salman", "Charles de Gaulle").
SURNAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le",
                               "bin", "ibn", "bint", "al", "el", "ben", "abu", "ter", "ten", "zu"})

#: Name suffixes that are not surnames ("Martin Luther King Jr.").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

#: Transliteration folding, applied in order to a lower-case ASCII name.
#: Each pair maps spellings that English, French, German and Spanish
#: transliterations of the same Cyrillic, Arabic or Ukrainian name use.
TRANSLIT_RULES: tuple[tuple[str, str], ...] = (
    (r"shch", "sh"),
    (r"sch", "sh"),
    (r"tch", "ch"),
    (r"kh", "h"),
    (r"zh", "j"),
    (r"ph", "f"),
    (r"ou", "u"),
    (r"w", "v"),
    (r"ck", "k"),
    (r"(?<=[aeiou])j(?=[aeiou])", "y"),
    (r"^j(?=[aeiou])", "y"),
    (r"y", "i"),
    (r"(.)\1+", r"\1"),
    (r"(?:ii|ie|ei)$", "i"),
    (r"(?<=[^aeiou])e$", ""),
)

#: Nouns that stand for a country's state, which speaks for the country ("the Chinese government said").
STATE_NOUNS = frozenset({"government", "administration", "regime", "state", "authority"})
