"""Name canonicalisation within one article: pure functions, no spaCy.

A news article names one person several ways: "Sergei Surovikin", "General
Surovikin", "Surovikin", and, in scraped or machine-translated text, with
several transliterations ("Surovykin", "Surovkin"). :func:`group_names` puts
every form of one person into one group, records why each variant joined
(:class:`~newsprism.model.MergeEvidence`), and keeps different people apart:

1. forms are compared after stripping titles ("President", "General") and
   folding transliteration (:func:`translit_key`);
2. full names (two or more words) join only when their first names agree and
   their surnames agree exactly, by transliteration or by a fuzzy score;
3. a one-word form joins the full name whose surname it matches best, else the one
   full name whose first name it is ("Hillary" beside "Hillary Clinton"); when two
   different people match equally well it stays on its own;
4. the remaining one-word forms group among themselves by the same tests.

>>> [g.name for g in group_names([("Sergei Surovikin", "PERSON"), ("Surovykin", "PERSON")])]
['Sergei Surovikin']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..first_names import first_name_genders
from ..model import MergeEvidence
from ._lexicon import LEADING_DETERMINERS, NAME_SUFFIXES, SURNAME_PARTICLES, TITLES, TRANSLIT_RULES

#: Minimum rapidfuzz ratio (0-100) between transliteration keys of two surnames.
FUZZY_RATIO = 88.0
#: Minimum Jaro-Winkler similarity (0-1) between transliteration keys of two surnames.
FUZZY_JARO_WINKLER = 0.94
#: Fuzzy matching needs keys at least this long: short names collide too often.
FUZZY_MIN_LENGTH = 5

#: What a name never ends on: punctuation, and an ampersand cut from the name after it ("India &", #17).
_TRAILING = re.compile(r"[\s.,;:!?()\[\]{}/\"'“”‘’«»\-–—&]+$")
_LEADING = re.compile(r"[\s(\[{\"'“”‘’«»\-–—]+")  # matched at the span's current start
#: A possessive ending, with the opening quote a wrong smart quote leaves ("Donald Trump‘s", #17).
_POSSESSIVE = re.compile(r"(?:['’‘]s|(?<=s)['’‘])$")
_TRANSLIT = tuple((re.compile(pattern), repl) for pattern, repl in TRANSLIT_RULES)
_NON_LETTER = re.compile(r"[^a-z]")
_DIGITS = re.compile(r"\d+")
#: Brackets an editor adds inside a quote: "[Hillary] Clinton".
_EDITORIAL = re.compile(r"[\[\]{}]")
_CITATION = re.compile(r"\[\d+\]?")  # a note mark run into a name: "Association.[3"
_GLUED_DIGITS = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
#: Words an acronym leaves out ("World Health Organization" is WHO; mixed-case forms such as "BoE" are not matched).
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "el", "on", "in"})


def clean_span(text: str) -> tuple[int, int]:
    """Offsets of the useful part of an entity span's text.

    Strips surrounding whitespace and punctuation, a leading article ("the
    Kremlin") and a possessive ending ("Russia’s").

    Args:
        text: The span text as the NER model returned it.

    Returns:
        ``(start, end)`` into ``text``; ``start == end`` when nothing is left.

    >>> text = "the Kremlin’s"
    >>> start, end = clean_span(text)
    >>> text[start:end]
    'Kremlin'
    >>> "India &"[slice(*clean_span("India &"))]
    'India'
    """
    start, end = 0, len(text)
    while True:
        before = (start, end)
        lead = _LEADING.match(text, start, end)
        if lead:
            start = lead.end()
        first = text[start:end].split(" ", 1)
        if len(first) == 2 and first[0].casefold() in LEADING_DETERMINERS:
            start += len(first[0]) + 1
        trail = _TRAILING.search(text[start:end])
        if trail:
            end = start + trail.start()
        poss = _POSSESSIVE.search(text[start:end])
        if poss and end - start - len(poss.group()) >= 2:
            end -= len(poss.group())
        if (bracket := text.rfind("(", start, end)) > start and ")" not in text[bracket:end]:
            end = bracket  # "Associated Press (AP": the bracket opens what the name is called, no word of it (#17)
        if (start, end) == before:
            return start, end


def strip_title(name: str) -> tuple[str, str]:
    """Split leading title words off a person's name.

    Returns:
        ``(title, name)``; the title is ``""`` when there is none. A name made
        only of title words is returned unchanged.

    >>> strip_title("Defense Minister Sergei Shoigu")
    ('Defense Minister', 'Sergei Shoigu')
    """
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and words[cut].casefold() in TITLES:
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


@lru_cache(maxsize=4096)
def translit_key(name: str) -> str:
    """A comparison key that folds common transliteration differences.

    Lower-cases, drops accents and non-letters, then applies the rules of
    ``TRANSLIT_RULES`` (y/i, ou/u, kh/h, doubled letters, -ii/-iy/-y endings, ...).

    >>> translit_key("Stremousov") == translit_key("Stremusov")
    True
    >>> translit_key("Surovykin") == translit_key("Surovikin")
    True
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    key = _NON_LETTER.sub("", "".join(c for c in folded if not unicodedata.combining(c)))
    for pattern, repl in _TRANSLIT:
        key = pattern.sub(repl, key)
    return key


def name_parts(name: str) -> tuple[tuple[str, ...], str]:
    """Given names and surname of a title-stripped person name.

    A particle opens the surname ("van", "von", "bin", "de la"): "Van Halen" has no given name. A particle
    that opens the name with a capital and that the birth records give as a first name is one ("Ben Carson",
    "Al Gore": else a bare "Carson" is no surname of his) (#17).

    >>> name_parts("Martin Luther King Jr.")
    (('Martin', 'Luther'), 'King')
    >>> name_parts("Richard von Weizsäcker"), name_parts("Van Halen"), name_parts("Ben Carson")
    ((('Richard',), 'von Weizsäcker'), ((), 'Van Halen'), (('Ben',), 'Carson'))
    """
    words = [w for w in name.split() if w.casefold() not in NAME_SUFFIXES] or name.split()
    if not words:
        return (), ""
    cut = next((i for i, w in enumerate(words[:-1]) if w.casefold() in SURNAME_PARTICLES
                and not (i == 0 and _first_name(w))), len(words) - 1)
    return tuple(words[:cut]), " ".join(words[cut:])


def _first_name(word: str) -> bool:
    """A capitalised word the birth records give as a first name ("Ben", "Al"; not "van", "De")."""
    return word[:1].isupper() and word.casefold() in first_name_genders()


#: A Roman numeral in capitals ("II", "XIV"): a number, as a name writes a war, a monarch or a sequel (#17).
ROMAN_NUMERAL = re.compile(r"(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")


def compare_words(a: str, b: str) -> MergeEvidence | None:
    """How two name words match: exactly, by transliteration, or fuzzily.

    Digits are no letters to fold: words whose digits differ are two words ("Trump2016", a hashtag,
    is no spelling of "Trump"; "G20" is not "G7") (#17).

    Returns:
        Evidence whose ``rule`` is ``"exact"``, ``"transliteration"`` or
        ``"fuzzy"`` (``variant`` is ``a``), or ``None`` when they differ.

    >>> compare_words("Surovkin", "Surovikin").rule
    'fuzzy'
    >>> compare_words("Obama", "Osama") is None, compare_words("Trump2016", "Trump") is None
    (True, True)
    """
    from rapidfuzz.distance import JaroWinkler
    from rapidfuzz.fuzz import ratio

    if a.casefold() == b.casefold():
        return MergeEvidence(a, "exact", 1.0)
    if _DIGITS.findall(a) != _DIGITS.findall(b) or ROMAN_NUMERAL.fullmatch(a) or ROMAN_NUMERAL.fullmatch(b):
        return None  # "Henry VII" is not "Henry VIII" (#17)
    key_a, key_b = translit_key(a), translit_key(b)
    if not key_a or not key_b:
        return None
    if key_a == key_b:
        return MergeEvidence(a, "transliteration", 1.0)
    if min(len(key_a), len(key_b)) < FUZZY_MIN_LENGTH or key_a[0] != key_b[0]:
        return None
    score = ratio(key_a, key_b)
    jaro = JaroWinkler.similarity(key_a, key_b)
    if score >= FUZZY_RATIO or jaro >= FUZZY_JARO_WINKLER:
        return MergeEvidence(a, "fuzzy", round(max(score / 100.0, jaro), 3))
    return None


def name_surface(text: str) -> str:
    """A name as a reader writes it: without an editor's brackets, which the model reads into the name
    when a quote supplies a word ("[Hillary] Clinton" is read "Hillary] Clinton") (#17).

    >>> name_surface("Hillary] Clinton"), name_surface("S]evengill"), name_surface("Bible Association.[3")
    ('Hillary Clinton', 'Sevengill', 'Bible Association.')
    """
    if not _EDITORIAL.search(text):
        return text
    return " ".join(_EDITORIAL.sub("", _CITATION.sub("", text)).split()) or text


def glued_digits(text: str) -> bool:
    """Whether a word of ``text`` glues letters and digits, as a hashtag or a handle does ("Trump2016"):
    no spelling of a person's name (#17).

    >>> glued_digits("Trump2016"), glued_digits("Donald Trump"), glued_digits("50 Cent")
    (True, False, False)
    """
    return bool(_GLUED_DIGITS.search(text))


#: A code or abbreviation: two or three letters in capitals, with or without full stops ("US", "U.S.", "UN").
_CODE = re.compile(r"(?:[A-Z]\.?){2,3}")


def name_case_key(name: str) -> str:
    """The form two names of one thing share: the name case-folded, but a code in capitals kept apart from the
    same letters written as a word. "Us" of "Contact Us" or "Stand With Us" is not "US", "Who" not the "WHO",
    "It" not "IT": the model labelled both a place, and the article's "US" made the heading's "Us" one entity
    with the United States (#17). A longer name still joins its capitals ("NATO" and "Nato", "PARIS" and
    "Paris").

    >>> name_case_key("US") == name_case_key("Us"), name_case_key("Paris") == name_case_key("PARIS")
    (False, True)
    """
    folded = name.casefold()
    return folded.upper() if _CODE.fullmatch(name) else folded


def is_acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` is written with the initials of ``name``'s words.

    >>> is_acronym_of("WHO", "World Health Organization"), is_acronym_of("U.S.", "United States")
    (True, True)
    >>> is_acronym_of("AP", "Apple Pie Company")
    False
    """
    letters = short.replace(".", "").replace("&", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()) or " " in short.strip():
        return False
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _ACRONYM_SKIP]
    return len(words) == len(letters) and all(w[:1].upper() == c for w, c in zip(words, letters, strict=True)) \
        and all(w[:1].isupper() for w in words)


def _given_alone(word: str, given: tuple[str, ...]) -> bool:
    """Whether the one word ``word`` is the first given name of a full name, written out (not an initial).

    A surname match always ranks above it, so "Paul" beside "Rand Paul" and "Paul Ryan" is Rand Paul; two
    full names with that first name tie and the word stays on its own ("Bill" beside Bill Clinton and
    Bill Gates) (#17).
    """
    first = given[0].rstrip(".")
    return len(first) > 1 and first.casefold() == word.casefold()


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree, and middle names by their initial when both have one: "George W. Bush" is
    "George Bush", but not "George H.W. Bush", his father (#17)."""
    if len(a) > 1 and len(b) > 1 and a[1][:1].casefold() != b[1][:1].casefold():
        return False
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if len(first_a) == 1 or len(first_b) == 1:  # an initial: "J. Smith"
        return first_a[0].casefold() == first_b[0].casefold()
    evidence = compare_words(first_a, first_b)
    return evidence is not None and evidence.rule != "fuzzy"


@dataclass(slots=True)
class NameGroup:
    """Forms of one name that :func:`group_names` judged to be the same thing.

    Attributes:
        name: Canonical name: the longest full form, most frequent on ties.
        label: The group's NER label.
        members: Indices into the input of every item in the group.
        variants: Distinct forms (title-stripped), in order of first use.
        evidence: Why each variant other than ``name`` joined.
    """

    name: str
    label: str
    members: list[int] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    evidence: dict[str, MergeEvidence] = field(default_factory=dict)


@dataclass(slots=True)
class _Form:
    text: str
    label: str
    given: tuple[str, ...]
    surname: str
    members: list[int]
    suffix: str = ""  # "jr", "sr", "ii": a father and his son share every other word


def _forms(items: Sequence[tuple[str, str]]) -> list[_Form]:
    forms: dict[tuple[str, str], _Form] = {}
    for index, (text, label) in enumerate(items):
        name = strip_title(text)[1] if label == "PERSON" else text
        name = " ".join(name.split())
        key = (name_case_key(name), label)
        if key not in forms:
            given, surname = name_parts(name) if label == "PERSON" else ((), name)
            forms[key] = _Form(name, label, given, surname, [], _suffix(name) if label == "PERSON" else "")
        forms[key].members.append(index)
    return list(forms.values())


#: How much less a bare surname fits a name with a suffix than the same name without one.
_SUFFIX_DOUBT = 0.5


def _suffix(name: str) -> str:
    return next((w.rstrip(".,").casefold() for w in name.split()[1:]
                 if w.rstrip(",").casefold() in NAME_SUFFIXES), "")


def group_names(items: Sequence[tuple[str, str]]) -> list[NameGroup]:
    """Group the names of one article into one group per real-world thing.

    Args:
        items: ``(text, label)`` per mention, in text order. Only ``PERSON``
            forms are matched word by word; other labels group by exact,
            case-insensitive text. Labels never mix.

    Returns:
        Groups in order of first mention.

    >>> groups = group_names([("Kim Jong-un", "PERSON"), ("Kim Yo-jong", "PERSON")])
    >>> len(groups)
    2
    """
    forms = _forms(items)
    # Full names first so that one-word forms can find their surname.
    order = sorted(forms, key=lambda f: (-len(f.given), -len(f.members), f.members[0]))
    clusters: list[list[tuple[_Form, MergeEvidence | None]]] = []
    for form in order:
        target, evidence = _best_cluster(form, clusters)
        if target is None:
            clusters.append([(form, None)])
        else:
            target.append((form, evidence))
    groups = [_to_group(cluster) for cluster in clusters]
    return sorted(groups, key=lambda g: g.members[0])


def _best_cluster(
    form: _Form, clusters: list[list[tuple[_Form, MergeEvidence | None]]]
) -> tuple[list[tuple[_Form, MergeEvidence | None]] | None, MergeEvidence | None]:
    ranked: list[tuple[float, int, MergeEvidence]] = []
    for index, cluster in enumerate(clusters):
        evidence = _match_cluster(form, cluster)
        if evidence is not None:
            strength = {"exact": 3.0, "acronym": 2.5, "transliteration": 2.0,
                        "fuzzy": 1.0, "name": -0.5}[evidence.rule.rsplit("_", 1)[-1]]
            ranked.append((strength + evidence.score, index, evidence))
    if not ranked:
        return None, None
    ranked.sort(key=lambda r: -r[0])
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None, None  # two people fit equally well: do not guess
    return clusters[ranked[0][1]], ranked[0][2]


def _match_cluster(form: _Form, cluster: list[tuple[_Form, MergeEvidence | None]]) -> MergeEvidence | None:
    best: MergeEvidence | None = None
    if form.label != "PERSON" and _another_full_name(form, cluster):
        return None
    for other, _ in cluster:
        if other.label != form.label:
            return None
        if form.label != "PERSON":
            if name_case_key(other.text) == name_case_key(form.text):
                evidence = MergeEvidence(form.text, "exact", 1.0)
            elif is_acronym_of(form.text, other.text) or is_acronym_of(other.text, form.text):
                evidence = MergeEvidence(form.text, "acronym", 1.0)
            elif form.label == "EVENT" and (_own_name_of(form.text, other.text) or _own_name_of(other.text, form.text)):
                evidence = MergeEvidence(form.text, "own_name", 1.0)  # "Sandy" of "Hurricane Sandy"
            else:
                evidence = None
        elif form.suffix != other.suffix and (form.suffix or form.given):
            return None  # Donald Trump Jr. is not Donald Trump; a bare "Trump" may be either
        elif plural_of(form.surname, other.surname) or plural_of(other.surname, form.surname):
            return None  # "the Clintons" are a family, not Hillary Clinton; "Williams" is not "William" (#17)
        elif form.given and other.given:
            if not _given_compatible(form.given, other.given):
                return None  # never merge two full names with different first names
            evidence = compare_words(form.surname, other.surname)
            evidence = evidence and MergeEvidence(form.text, "full_name_" + evidence.rule, evidence.score)
        else:
            evidence = compare_words(form.surname, other.surname)
            if evidence is None and len(other.given) >= 2 and not form.given \
                    and not plural_of(form.surname, other.given[-1]):
                # Spanish-style double surnames: "Rosselló" for "Ricardo Rosselló Nevares".
                evidence = compare_words(form.surname, other.given[-1])
            if evidence and other.given and not form.given:
                evidence = MergeEvidence(form.text, "surname_" + evidence.rule, evidence.score)
            elif evidence is None and other.given and not form.given and _given_alone(form.surname, other.given):
                # "Hillary" beside "Hillary Clinton": a first name used alone is its one full name's (#17)
                evidence = MergeEvidence(form.text, "given_name", 1.0)
        if evidence and other.suffix and not form.suffix:
            # A bare "Trump" is the father before the son, who is written "Trump Jr.".
            evidence = MergeEvidence(evidence.variant, evidence.rule, evidence.score - _SUFFIX_DOUBT)
        if evidence and (best is None or evidence.score > best.score):
            best = evidence
    return best


def plural_of(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` with a plural's ending: "Clintons" of "Clinton", "Joneses" of "Jones"."""
    word, other = word.casefold(), other.casefold()
    return word in (other + "s", other + "es")


def _own_name_of(short: str, full: str) -> bool:
    """Whether one word is the last of a longer event's name, its own name after the kind of event ("Sandy" of
    "Hurricane Sandy", "Barry" of "Tropical Storm Barry")."""
    words = full.split()
    return " " not in short and len(words) > 1 and words[-1].casefold() == short.casefold()


#: A first name as common as this as a word is the word as often ("German", "Nick", "Rocky", "Mac").
_WORD_ZIPF = 4.0


def first_name_alone(text: str, label: str) -> bool:
    """Whether a one-word name read with ``label`` can be a first name alone: the birth records' first name,
    not in capitals ("TED"), no title ("the Sultan"), no everyday word, and no place the gazetteer knows when read as one ("Virginia",
    "Charlotte")."""
    from wordfreq import zipf_frequency

    key = text.casefold()
    if " " in key or len(key) < 3 or text.isupper() or key in TITLES or key not in first_name_genders():
        return False
    if zipf_frequency(key, "en") >= _WORD_ZIPF:
        return False
    if label in ("GPE", "LOC", "FAC"):
        from .gazetteer import gazetteer  # loaded once per process; only first names read as places get here

        return key not in gazetteer()
    return True


def _another_full_name(form: _Form, cluster: list[tuple[_Form, MergeEvidence | None]]) -> bool:
    """Whether a name of several words would join a group that holds a name of other words (#17).

    Only an acronym can join two such names ("DNC" fits both the Democratic National Committee and the
    Democratic National Convention, "NAF" the Nigerian Air Force and the Nigerian Armed Forces): it may
    stand for either, but the two are two things. Two spellings of one name stay one ("National Missile
    Defence" and "Defense", "Sierra Nevada Corp" and "Corporation").

    >>> committee, dnc, convention, corp = (_Form(t, "ORG", (), t, [i]) for i, t in enumerate(
    ...     ["Democratic National Committee", "DNC", "Democratic National Convention", "Democratic National Comm"]))
    >>> _another_full_name(convention, [(committee, None), (dnc, None)]), _another_full_name(dnc, [(committee, None)])
    (True, False)
    >>> _another_full_name(corp, [(committee, None)])
    False
    """
    if " " not in form.text:
        return False
    return any(" " in other.text and not _spelled_alike(form.text, other.text) for other, _ in cluster)


def _spelled_alike(a: str, b: str) -> bool:
    """Whether two names of several words are one name spelled two ways: word for word the same, a
    spelling or a shortening of each other, the longer allowed a tail ("Association for ... of the")."""
    from rapidfuzz.distance import Levenshtein

    def alike(x: str, y: str) -> bool:
        x, y = x.casefold(), y.casefold()
        return (x.startswith(y) or y.startswith(x) or compare_words(x, y) is not None
                or (min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y, score_cutoff=1) <= 1))  # Defence

    return all(alike(x, y) for x, y in zip(a.split(), b.split(), strict=False))


def _to_group(cluster: list[tuple[_Form, MergeEvidence | None]]) -> NameGroup:
    forms = [form for form, _ in cluster]
    counts = Counter({form.text: len(form.members) for form in forms})
    canonical = max(forms, key=lambda f: (len(f.given) > 0, len(f.text.split()), counts[f.text], -f.members[0]))
    group = NameGroup(name=canonical.text, label=canonical.label)
    for form, evidence in sorted(cluster, key=lambda fe: fe[0].members[0]):
        group.members.extend(form.members)
        group.variants.append(form.text)
        if form is not canonical:
            group.evidence[form.text] = evidence or MergeEvidence(form.text, "canonical_variant", 1.0)
    group.members.sort()
    return group


def vote_labels(items: Sequence[tuple[str, str, bool]], *, organisations: Collection[str] = ()) -> list[str]:
    """One NER label per name form, chosen by vote over the article.

    The small English model labels the same word differently from one sentence
    to the next ("Kherson" as GPE, then PERSON). Each mention votes for its
    label; a one-word PERSON after a locative preposition ("in Kherson") votes
    for a place instead. A one-word form that is the surname of a full PERSON
    name becomes PERSON ("Coates" after "Alexander Coates"). A form voted
    PERSON that a sentence of the article gives an organisation's words
    becomes ORG ("Twitter users"), unless it is such a surname.

    Args:
        items: ``(text, label, locative)`` per mention; ``locative`` tells
            whether a locative preposition comes just before.
        organisations: The case-folded forms some mention of which has an organisation's words around it.

    Returns:
        The label for each item.

    >>> vote_labels([("Kherson", "GPE", True), ("Kherson", "PERSON", True), ("Kherson", "PERSON", False)])
    ['GPE', 'GPE', 'GPE']
    """
    votes: dict[str, Counter[str]] = {}
    for text, label, locative in items:
        key = name_case_key(text)  # "Us" of a heading does not vote with "US" (#17)
        if label == "PERSON" and locative and " " not in text:
            label = "GPE"
        votes.setdefault(key, Counter())[label] += 1
    full_names = {strip_title(text)[1] for text, label, _ in items
                  if label == "PERSON" and len(strip_title(text)[1].split()) > 1}
    surnames = {translit_key(name_parts(name)[1]) for name in full_names}
    firsts = Counter(name.split()[0].casefold() for name in full_names)
    chosen: dict[str, str] = {}
    written = {name_case_key(text): text for text, _, _ in items}
    for key, counter in votes.items():
        ranked = counter.most_common()
        best = ranked[0][0]
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1] and "PERSON" in counter:
            best = "PERSON"  # a tie with a person reading: names matter more than places for quotes
        if " " not in key and translit_key(key) in surnames:
            best = "PERSON"
        elif firsts[key] == 1 and first_name_alone(written[key], best):
            # "Melania" read as a place, "Tyrone" as an organisation, beside Melania Trump or Tyrone Hayes: the
            # first name of the article's one full name that opens with it is that person's (#17)
            best = "PERSON"
        elif best == "PERSON" and key.casefold() in organisations:
            best = "ORG"
        chosen[key] = best
    return [chosen[name_case_key(text)] for text, _, _ in items]
