"""When two names may be one thing, and what shows that they are.

:func:`compatible` is the cannot-link test: two names may be one thing unless
a rule says they are two (different given names, surnames, middle initials or
suffixes for persons; different gazetteer entries, qualifiers or countries for
places; a content word one organisation's name has and the other's lacks).
:func:`evidence` is the positive evidence a merge needs between two full
names; partial names (a bare surname, an acronym) get none here and attach
later, to the one entity they can stand for.
"""

from __future__ import annotations

from functools import lru_cache

from ..extract.names import compare_words, is_acronym_of, plural_of, translit_key
from ..model import MergeEvidence
from .entity_names import NameNode, looks_acronym
from .features import fold_name, tokens
from .resources import GIVEN_NAME_GROUPS, PLACE_QUALIFIERS

#: A person-name word at least this frequent in English (wordfreq Zipf; "Jake" 4.2, "Jackie" 4.0, "Kristen"
#: 3.5; "Comeau" 2.1) is a common name: a name spelt close to it is still another name.
_COMMON_NAME_ZIPF = 3.0
_EQUIVALENT_GIVEN = {translit_key(name): index for index, group in enumerate(GIVEN_NAME_GROUPS) for name in group}


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree (exactly, by transliteration, as an initial or as one name's
    equivalents: Joe / Joseph, Oleksandr / Alexander); middle initials, when both have one, too."""
    if not a or not b:
        return True
    if not same_given_name(a[0], b[0]):
        return False
    if len(a) > 1 and len(b) > 1:
        return a[1][:1].casefold() == b[1][:1].casefold()  # George H. W. Bush is not George W. Bush
    return True


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names may be one (Joe / Joseph, Sergei / Sergey, J. / John)."""
    a, b = a.rstrip(".").split("-")[0], b.rstrip(".").split("-")[0]  # Pieter-Jan is Pieter Jan
    if len(a) == 1 or len(b) == 1:
        return a[:1].casefold() == b[:1].casefold()
    evidence = compare_words(a, b)
    if evidence is not None and evidence.rule != "fuzzy":
        return True
    group_a, group_b = _EQUIVALENT_GIVEN.get(translit_key(a)), _EQUIVALENT_GIVEN.get(translit_key(b))
    return group_a is not None and group_a == group_b


def _person_compatible(a: NameNode, b: NameNode) -> bool:
    given_a, surname_a, suffix_a = a.person
    given_b, surname_b, suffix_b = b.person
    if given_a and given_b:
        # Father and son share a name: a suffix on one parts them, unless the names are long enough to be
        # one person's ("Arcade Joseph Comeaux" and "... Jr") and no article names both.
        suffixes = suffix_a == suffix_b or (not (suffix_a and suffix_b) and min(len(given_a), len(given_b)) >= 2
                                            and not a.articles & b.articles)
        return suffixes and same_person_word(surname_a, surname_b) is not None and _given_compatible(given_a, given_b)
    if not given_a and not given_b:
        return same_person_word(surname_a, surname_b) is not None
    bare, full = (a, b) if not given_a else (b, a)
    word = bare.person[1]
    given, surname, _ = full.person
    # A one-word name may be the surname, or (never merged by itself) the given name.
    return same_person_word(word, surname) is not None or word.casefold() == given[0].casefold()


def _qualifiers(node: NameNode) -> frozenset[str]:
    return _qualifiers_of(node.name)


@lru_cache(maxsize=65_536)
def _qualifiers_of(name: str) -> frozenset[str]:
    """The place qualifiers of a name (cached: a run asks them of one name for every pair it is in, #17)."""
    return frozenset(w for w in tokens(name) if w in PLACE_QUALIFIERS)


def words_subset(a: NameNode, b: NameNode) -> bool:
    """Every content word of the shorter name is (a spelling of) a word of the longer one."""
    short, long = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return bool(short) and all(any(_same_name_word(w, v) for v in long) for w in short)


@lru_cache(maxsize=262_144)
def _same_name_word(a: str, b: str) -> bool:
    """Two words of an organisation's name are one: equal, or spelt apart when long enough
    (a short word or acronym must be equal: THR is not "three"). Cached: the words of a corpus's names are
    compared again in every pair of names that hold them (#17)."""
    return a == b or (min(len(a), len(b)) > 4 and compare_words(a, b) is not None)


def acronym(a: NameNode, b: NameNode) -> bool:
    return is_acronym_of(a.name, b.name) or is_acronym_of(b.name, a.name)


def compatible(a: NameNode, b: NameNode) -> bool:
    """Whether two names may be one thing (False is a cannot-link)."""
    if a.family != b.family:
        return False
    if a.family == "PERSON":
        # Given names are compared as given names even when the folded names agree: the fold that
        # unites Surovykin and Surovikin also makes Jackie and Jake one word.
        return _person_compatible(a, b)
    if a.folded == b.folded and a.gazetteer == b.gazetteer:
        return True
    if a.family == "PLACE":
        if a.gazetteer and b.gazetteer and a.gazetteer != b.gazetteer:
            return False  # two gazetteer entries are two places, however alike their names
        if _qualifiers(a) != _qualifiers(b):
            return False  # North Korea / South Korea, Virginia / West Virginia, York / New York
        # no other rule tells two places apart: a name the place stage left unplaced says nothing against the
        # other names of a place ("China" unplaced and "PRC" at China, "United States" and "USA" both unplaced),
        # and joins one only by evidence or as a partial name of its own place's name (#17)
        return True
    if acronym(a, b):
        return True
    return _qualifiers(a) == _qualifiers(b) and words_subset(a, b)


def spelling(a: NameNode, b: NameNode) -> bool:
    """One-word names that are spellings of each other (Surovikin / Surovkin, Lousiana / Louisiana)."""
    return len(a.words) == 1 and len(b.words) == 1 and same_word(a.name, b.name) is not None


def evidence(a: NameNode, b: NameNode) -> tuple[float, str] | None:
    """Positive evidence that two compatible full names are one thing: (strength, rule), or ``None``.

    Partial names (:attr:`NameNode.partial`) get none here: they attach in a later step.
    """
    return compatible_evidence(a, b) if compatible(a, b) else None


def compatible_evidence(a: NameNode, b: NameNode) -> tuple[float, str] | None:
    """:func:`evidence` of two names :func:`compatible` found compatible (a caller that keeps the verdict asks
    it once)."""
    if a.folded == b.folded or a.words == b.words:
        if a.gazetteer != b.gazetteer:
            return None  # an unplaced name is a partial name: it attaches later
        if a.name.casefold() == b.name.casefold():
            return 1.0, "same name"
        if (_spelt_out(a.name) or _spelt_out(b.name)) and _letters(a.name) != _letters(b.name):
            # CIA / CYA, HP / GP, DWI / DVI: up to four capitals are read letter by letter, and folding their
            # spelling as a transliteration's would make other initials of them (#17)
            return None
        return 1.0, "transliteration"
    if a.family == "PLACE":
        if a.gazetteer and a.gazetteer == b.gazetteer:
            return 0.99, "gazetteer"
        return None
    if a.family == "PERSON":
        if a.partial or b.partial:
            return _spelling_evidence(a, b) if a.partial and b.partial else None
        surname = same_person_word(a.person[1], b.person[1])
        return (0.9 + 0.09 * surname.score, f"full name ({surname.rule} surname)") if surname else None
    if a.family == "NORP" and (a.folded + "s" == b.folded or b.folded + "s" == a.folded):
        return 0.97, "plural"
    if a.family == "NORP" and (_adjective_of(a.folded, b.folded) or _adjective_of(b.folded, a.folded)):
        return 0.97, "adjective"  # "Democratic" voters are the Democrats' (#17)
    if len(a.words) >= 2 and len(a.words) == len(b.words) and all(
            _same_name_word(x, y) for x, y in zip(a.words, b.words, strict=True)):
        return 0.93, "spelling of each word"  # Betty Ford Centre / Center
    return None


def _adjective_of(noun: str, adjective: str) -> bool:
    """Whether a group's adjective is its noun with "-ic": "democratic" of "democrat(s)", "islamic" of "islam"."""
    return adjective.endswith("ic") and adjective[:-2] in (noun, noun[:-1] if noun.endswith("s") else noun)


def _spelt_out(name: str) -> bool:
    return looks_acronym(name, longest=4)


def _letters(name: str) -> str:
    return name.replace(".", "").replace(" ", "").casefold()


def same_word(a: str, b: str) -> MergeEvidence | None:
    """Two name words match: :func:`compare_words`, or the link stage's looser transliteration
    fold (Hrytsenko / Gritsenko: Ukrainian H is Russian G)."""
    return _or_folded(a, b, compare_words(a, b))


def _or_folded(a: str, b: str, found: MergeEvidence | None) -> MergeEvidence | None:
    """``found`` (what :func:`compare_words` gave), else the link stage's transliteration fold's match."""
    if found is None and fold_name(a) == fold_name(b):
        return MergeEvidence(a, "transliteration", 1.0)
    return found


def same_person_word(a: str, b: str) -> MergeEvidence | None:
    """:func:`same_word` for the words of persons' names, where two common names spelt alike are two
    names: Michael and Michelle, Jackie and Jake, Charles and Charlene, Mitchell and Michaels (#17).

    A loose match (fuzzy, or the link stage's transliteration fold) needs two rare words ("Surovkin" /
    "Surovikin", "Comeau" / "Comeaux"): beside a common name, a name spelt close to it is another
    name ("Hiller" / "Hitler", "Krystek" / "Kristen"); exact and transliteration rules hold always. A name in
    the plural is a family's, never a spelling of the name.
    """
    if plural_of(a, b) or plural_of(b, a):
        return None  # "the Kardashians" are a family, not Kim Kardashian; "Williams" is not "William"
    found = compare_words(a, b)
    if found is not None and found.rule != "fuzzy":
        return found
    loose = _or_folded(a, b, found)  # compare_words is not asked twice: most pairs of words do not match
    if loose is not None and max(_zipf(a), _zipf(b)) >= _COMMON_NAME_ZIPF:
        return None
    return loose


@lru_cache(maxsize=65_536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.casefold(), "en"))


def _spelling_evidence(a: NameNode, b: NameNode) -> tuple[float, str] | None:
    found = (same_person_word if a.family == "PERSON" else same_word)(a.name, b.name)
    return (0.9 + 0.09 * found.score, f"spelling ({found.rule})") if found else None


def extends(a: NameNode, b: NameNode) -> bool:
    """Whether ``b`` has a name the partial name ``a`` stands for (its surname, its words, its place name)."""
    if a.family == "PERSON" and b.person[0] and same_person_word(a.person[1], b.person[1]) is not None:
        return True
    if a.family == "PLACE" and (a.folded == b.folded or _misspelt_place(a, b)) and not (
            a.countries and b.countries and a.countries.isdisjoint(b.countries)) and not _initials(a):
        return True  # a name placed in one country never joins a place in another
    return a.family not in ("PERSON", "PLACE") and not b.partial and (
        acronym(a, b) or (len(b.words) > len(a.words) and words_subset(a, b)))


def _misspelt_place(a: NameNode, b: NameNode) -> bool:
    """Whether ``a`` is a spelling of the place ``b`` ("Lousiana" of "Louisiana"); a nationality word is no
    place to misspell nor a misspelt place ("the Americas" is not "American", "American" not "America"), and a
    place's name in the plural names the places of that name together ("the Americas", "the Carolinas", "the
    Dakotas"), not one of them (#17)."""
    return b.family == "PLACE" and spelling(a, b) and a.folded != b.folded + "s" and not _demonym(b) \
        and not _demonym(a)


def _demonym(node: NameNode) -> bool:
    """Whether a name is a nationality word ("American", placed in its country or read unplaced in a
    headline's capitals): another word, never a spelling of a place's name ("the Americas" is no misspelt
    "American") (#17)."""
    from ..extract.gazetteer import gazetteer  # loaded once per process; few names get here

    return any(entry.type == "demonym" and (not node.gazetteer or entry.id == node.gazetteer)
               for entry in gazetteer().lookup(node.name))


def _initials(node: NameNode) -> bool:
    """An unplaced name of two or three letters ("LA", "GA", "M.D.", "V.A.", "ALA", "Ky"): the place stage reads
    such a form as a state only after a town ("Baton Rouge, LA"), so alone it is another reading ("LA" is Los
    Angeles, "M.D." a doctor, "V.A." the veterans' department) and stands for no place of that name (#17)."""
    letters = node.name.replace(".", "")
    return not node.gazetteer and 2 <= len(letters) <= 3 and letters.isalpha()


def node_blocks(node_id: str) -> set[str]:
    """The blocking keys of a name node (:func:`~newsprism.link.entity_names.node_id`), without its label
    family: the same in every family it may be voted into (a place's gazetteer key stays its own)."""
    family, gazetteer, name = node_id.split("|", 2)
    return {block.split("|", 1)[1] for block in block_keys(NameNode(family, name, gazetteer))}


def block_keys(node: NameNode) -> set[str]:
    keys = {f"{node.family}|w:{translit_key(w)[:4]}" for w in node.words if len(w) >= 2}
    if node.scoped:
        return keys  # an everyday word, spelt as the word: only the longer names holding it are its candidates
    if len(node.words) == 1:
        keys.add(f"{node.family}|s:{translit_key(node.words[0])[:2]}")  # misspellings: Lousiana / Louisiana
    if node.gazetteer:
        keys.add(f"{node.family}|g:{node.gazetteer}")
    if len(node.words) > 1:
        keys.add(f"{node.family}|a:{''.join(w[0] for w in node.words)}")
    elif looks_acronym(node.name):
        keys.add(f"{node.family}|a:{node.name.replace('.', '').replace('&', '').casefold()}")
    return keys
