"""Cross-document entities: one entity per real person, place or organisation across the corpus.

A merge needs positive evidence between the two *entities*, never a path of
pairwise similarities: single-link clustering chains unrelated people through
bridge names (Trump -> Trump-Biden -> Biden -> Hunter -> Jeremy Hunt).

1. Each article entity becomes a name node keyed by (label family, name, and
   for places the gazetteer entry). A name the small model labels in several
   families joins the family most of its articles give it ("Twitter" as a
   person is outvoted by "Twitter" the company).
2. Candidate pairs share a blocking key: the start of a folded name word, a
   gazetteer id or an acronym.
3. Two names are *compatible* unless a rule says they are two things
   (cannot-link), see :func:`compatible`: persons with different given names,
   surnames, middle initials or suffixes; places with different gazetteer
   entries or direction words (North / South Korea; Austria / Australia);
   organisations where one has a content word the other lacks.
4. A compatible pair merges on positive evidence (:func:`evidence`): the same
   folded name (transliteration), the same gazetteer entry, the same full name
   spelt differently, an acronym.
5. Clusters grow strongest evidence first, and two clusters join only when
   every pair of names across them is compatible, so no bridge name can chain
   two people together.
6. A partial name (a bare surname, a one-word organisation, an unplaced place
   name) attaches to the one cluster it can belong to, or to a clearly dominant
   one that shares context with it; otherwise it stays an entity of its own.
7. Manual decisions are replayed in the order they were taken and win over
   the rules (:func:`decision_constraints`).

Every merge keeps its evidence, and the result depends only on the set of
articles and decisions, never on their order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any, Literal

from ..extract._lexicon import ROLE_NOUNS, TITLES
from ..extract.names import compare_words, is_acronym_of, name_parts, strip_title, translit_key
from ..model import Article, MergeEvidence, Place
from .features import fold_name, idf, label_family, tokens
from .resources import GENERIC_PLACE_WORDS, GIVEN_NAME_GROUPS, NAME_STOP_WORDS, PLACE_QUALIFIERS

#: A blocking key shared by more names than this is too common to compare all pairs of.
MAX_BLOCK = 1500
#: A name written in several label families moves to the family holding this share of its articles.
FAMILY_VOTE = 0.75
#: A partial name attaches to the most frequent candidate only when it holds this share of the
#: candidates' articles (and shares context with the partial name).
DOMINANT_SHARE = 0.8
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Words at least this common (wordfreq, Zipf 3) around a known name are headline or role words.
_COMMON_WORD_IDF = 13.8
#: Names two same-name places must share in their articles to be taken for one place resolved two ways.
_SHARED_CONTEXT = 2
#: Place types whose gazetteer entries go by other names (America, Britain, Holland).
_ALIASED_TYPES = frozenset({"country", "region", "union", "continent"})
_EQUIVALENT_GIVEN = {translit_key(name): index for index, group in enumerate(GIVEN_NAME_GROUPS) for name in group}

Key = tuple[str, str, str]  # (family, name, gazetteer id or "")


@dataclass(frozen=True, slots=True)
class Decision:
    """A manual merge or split, by names (so it survives re-ingestion).

    ``merge`` puts its names into one entity, the first name kept as canonical.
    ``split`` keeps its names in separate entities; a single name is taken off
    its entity and kept apart from every other name (until a later merge names it).
    """

    action: Literal["merge", "split"] | str
    names: tuple[str, ...]
    label: str | None = None


@dataclass
class _Node:  # no slots: the derived name forms are cached on the instance
    family: str
    name: str
    gazetteer: str
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, entity_id)
    variants: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    headline: bool = False  # written in a title-cased line at least once

    @property
    def key(self) -> Key:
        return self.family, self.name, self.gazetteer

    @property
    def label(self) -> str:
        return min(self.labels.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.labels else self.family

    @cached_property
    def folded(self) -> str:
        return fold_name(self.name)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Folded content words (dots dropped: "U.S." is "us")."""
        return tuple(w for w in fold_name(self.name.replace(".", "")).split() if w not in NAME_STOP_WORDS)

    @cached_property
    def person(self) -> tuple[tuple[str, ...], str, str]:
        """(given names, surname, suffix) of a person's name, titles stripped."""
        name = strip_title(self.name)[1]
        words = name.replace(",", " ").split()
        suffix = next((w.rstrip(".").casefold() for w in words[1:] if w.rstrip(".").casefold() in _SUFFIXES), "")
        given, surname = name_parts(name)
        return tuple(g for g in given if g.rstrip(".").casefold() not in _SUFFIXES), surname, suffix

    @property
    def partial(self) -> bool:
        """A name that stands for a longer one: a bare surname, a one-word organisation, an unplaced place."""
        if self.family == "PERSON":
            return not self.person[0]
        if self.family == "PLACE":
            return not self.gazetteer
        return self.family == "ORG" and len(self.words) == 1  # "Senate", "UN": which one?


@dataclass(slots=True)
class CorpusEntity:
    """One row of ``corpus_entities`` with its members."""

    corpus_id: str
    name: str
    label: str
    variants: list[str]
    evidence: list[dict[str, Any]]
    articles: int
    members: list[tuple[str, str, str]]  # (article_id, entity_id, name)


def _looks_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# -- nodes ---------------------------------------------------------------------


def _nodes(articles: Iterable[Article]) -> dict[Key, _Node]:
    nodes: dict[Key, _Node] = {}
    for article in articles:
        gazetteer = {p.entity: p.gazetteer_id for p in article.places if p.entity and _names_entry(p)}
        by_text = {p.text: p.gazetteer_id for p in article.places if _names_entry(p)}
        countries: dict[str, set[str]] = {}
        for p in article.places:
            if p.country:
                countries.setdefault(p.entity or "", set()).add(p.country)
                countries.setdefault("text:" + p.text, set()).add(p.country)
        names = {fold_name(e.name) for e in article.entities}
        in_headline = {m.entity for m in article.mentions if _title_cased_line(article.text, m.start)}
        for entity in article.entities:
            family = label_family(entity.label)
            gaz = (gazetteer.get(entity.id) or by_text.get(entity.name) or "") if family == "PLACE" else ""
            node = nodes.setdefault((family, entity.name, gaz), _Node(family, entity.name, gaz))
            node.labels[entity.label] += 1
            node.articles.add(article.id)
            node.members.append((article.id, entity.id))
            node.variants.update(entity.variants or (entity.name,))
            node.context.update(names - {fold_name(entity.name)})
            if family == "PLACE":  # where the gazetteer put it, even when the name is not its entry's
                node.countries |= countries.get(entity.id, set()) | countries.get("text:" + entity.name, set())
            node.headline |= entity.id in in_headline
    return _vote_families(_strip_headline_words(nodes))


def _strip_headline_words(nodes: dict[Key, _Node]) -> dict[Key, _Node]:
    """A person's name with headline or role words around it is that person.

    In a title-cased headline the model reads on past the name ("Lindsay Lohan Checks Into Rehab",
    "Esther Williams Dies"), and a role word before a name is taken in ("Comedian Ellen DeGeneres"):
    when the name is a full name the corpus knows and the words around it are common words, the
    node joins that name.
    """
    full = {node.folded: node for node in nodes.values() if node.family == "PERSON" and len(node.words) >= 2}
    for key, node in sorted(nodes.items()):
        words = node.folded.split()
        if node.family != "PERSON" or len(words) < 3:
            continue
        plain = tokens(node.name)
        for size in range(len(words) - 1, 1, -1):
            # Words after a name only in a headline ("... Checks Into Rehab"); a role word before it anywhere.
            cuts = ((words[:size], plain[size:], _headline_word),) * node.headline + \
                ((words[-size:], plain[:-size], _role_word),)
            target = next((full[" ".join(part)] for part, rest, allowed in cuts
                           if " ".join(part) in full and all(allowed(w) for w in rest)), None)
            if target is not None and target is not node:
                del nodes[key]
                node.evidence.append({"a": target.name, "b": node.name, "rule": "headline or role words around a name",
                                      "score": 0.9})
                _absorb(target, node)
                break
    return nodes


def _headline_word(word: str) -> bool:
    """A common word that a headline puts after a name ("Checks", "Into", "Dies"), not a name suffix."""
    return idf(word) <= _COMMON_WORD_IDF and word not in _SUFFIXES


def _role_word(word: str) -> bool:
    """A title or role before a name ("Comedian", "Crown Prince"); a given name is none."""
    return word in TITLES or word in ROLE_NOUNS


def _title_cased_line(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` is written as a headline: most of its words capitalised."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = [w for w in text[start:end if end != -1 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _names_entry(place: Place) -> bool:
    """Whether the place's words name its gazetteer entry itself, not a thing named after it.

    "US", "America" and "United States" name the country; "London Bridge", "South London"
    and "Stamford Bridge" are placed at their town but are other things.
    """
    if not place.gazetteer_id:
        return False
    words, entry = set(tokens(place.text)), set(tokens(place.name or ""))
    if not words & entry:
        # Another name of the entry ("America", "UK") names a country or a region, or is an abbreviation;
        # "Kings County Hospital" placed in Brooklyn is a hospital.
        return place.type in _ALIASED_TYPES or place.text.replace(".", "").isupper()
    return words - entry <= GENERIC_PLACE_WORDS


def _vote_families(nodes: dict[Key, _Node]) -> dict[Key, _Node]:
    """Move a name written in a minority family into the family its articles give it.

    A one-word name needs a clear majority, counting the articles where it is the surname of
    a person's full name ("Lohan" read as a place in 4 articles, as Lindsay Lohan's surname in
    20); a name of several words, the same words in every article, goes with the plurality
    ("Betty Ford Center" read as a person 6 times and as an organisation 13 times).
    """
    by_name: dict[str, list[_Node]] = {}
    surnames = Counter[str]()
    for node in nodes.values():
        by_name.setdefault(node.folded, []).append(node)
        if node.family == "PERSON" and node.person[0]:
            surnames[fold_name(node.person[1])] += len(node.articles)
    for name, group in by_name.items():
        families = Counter[str]()
        for node in group:
            families[node.family] += len(node.articles)
        single = " " not in name
        if single and surnames[name]:
            families["PERSON"] = max(families["PERSON"], surnames[name])
        if len(families) < 2:
            continue
        (top, count), *rest = families.most_common()
        if single and "PERSON" in families and not surnames[name] and any(n.gazetteer for n in group):
            # A one word "person" no full name in the corpus has as surname, that the gazetteer places
            # elsewhere in the corpus, is that place ("Wasilla" read as a person).
            top, count = "PLACE", families["PLACE"]
        elif (single and count < FAMILY_VOTE * sum(families.values())) or (rest and rest[0][1] == count):
            continue
        for node in group:
            if node.family != top:
                del nodes[node.key]
                old = node.family
                node.family, node.gazetteer = top, node.gazetteer if top == "PLACE" else ""
                node.evidence.append({"a": node.name, "b": node.name, "rule": f"read as {old} in a few articles, "
                                      f"as {top} in most", "score": round(count / sum(families.values()), 4)})
                nodes.setdefault(node.key, _Node(top, node.name, node.gazetteer))
                _absorb(nodes[node.key], node)
    return nodes


def _absorb(into: _Node, node: _Node) -> None:
    if into is node:
        return
    into.labels.update(node.labels)
    into.articles |= node.articles
    into.members += node.members
    into.variants |= node.variants
    into.context |= node.context
    into.evidence += node.evidence
    into.countries |= node.countries
    into.headline |= node.headline


# -- compatibility and evidence ---------------------------------------------------


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


def _person_compatible(a: _Node, b: _Node) -> bool:
    given_a, surname_a, suffix_a = a.person
    given_b, surname_b, suffix_b = b.person
    if given_a and given_b:
        # Father and son share a name: a suffix on one parts them, unless the names are long enough to be
        # one person's ("Arcade Joseph Comeaux" and "... Jr") and no article names both.
        suffixes = suffix_a == suffix_b or (not (suffix_a and suffix_b) and min(len(given_a), len(given_b)) >= 2
                                            and not a.articles & b.articles)
        return suffixes and _same_word(surname_a, surname_b) is not None and _given_compatible(given_a, given_b)
    if not given_a and not given_b:
        return _same_word(surname_a, surname_b) is not None
    bare, full = (a, b) if not given_a else (b, a)
    word = bare.person[1]
    given, surname, _ = full.person
    # A one-word name may be the surname, or (never merged by itself) the given name.
    return _same_word(word, surname) is not None or word.casefold() == given[0].casefold()


def _qualifiers(node: _Node) -> frozenset[str]:
    return frozenset(w for w in tokens(node.name) if w in PLACE_QUALIFIERS)


def _words_subset(a: _Node, b: _Node) -> bool:
    """Every content word of the shorter name is (a spelling of) a word of the longer one."""
    short, long = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return bool(short) and all(any(_same_name_word(w, v) for v in long) for w in short)


def _same_name_word(a: str, b: str) -> bool:
    """Two words of an organisation's name are one: equal, or spelt apart when long enough
    (a short word or acronym must be equal: THR is not "three")."""
    return a == b or (min(len(a), len(b)) > 4 and compare_words(a, b) is not None)


def _acronym(a: _Node, b: _Node) -> bool:
    return is_acronym_of(a.name, b.name) or is_acronym_of(b.name, a.name)


def compatible(a: _Node, b: _Node) -> bool:
    """Whether two names may be one thing (False is a cannot-link)."""
    if a.family != b.family:
        return False
    if a.folded == b.folded and a.gazetteer == b.gazetteer:
        return True
    if a.family == "PERSON":
        return _person_compatible(a, b)
    if a.family == "PLACE":
        if a.gazetteer and b.gazetteer and a.gazetteer != b.gazetteer:
            return _misplaced(a, b)  # two gazetteer entries are two places, however alike their names
        if _qualifiers(a) != _qualifiers(b):
            return False  # North Korea / South Korea, Virginia / West Virginia, York / New York
        return bool(a.gazetteer and a.gazetteer == b.gazetteer) or a.folded == b.folded or _spelling(a, b)
    if _acronym(a, b):
        return True
    return _qualifiers(a) == _qualifiers(b) and _words_subset(a, b)


def _misplaced(a: _Node, b: _Node) -> bool:
    """One place that articles resolved to two gazetteer entries: the same name, in one country, named
    beside the same people and places ("Palmer, Alaska" taken once for another Palmer in the US).
    Places in two countries are never one (Paris, France and Paris, Texas)."""
    return (a.folded == b.folded and len(a.countries) == 1 and a.countries == b.countries
            and len(a.context & b.context) >= _SHARED_CONTEXT)


def _spelling(a: _Node, b: _Node) -> bool:
    """One-word names that are spellings of each other (Surovikin / Surovkin, Lousiana / Louisiana)."""
    return len(a.words) == 1 and len(b.words) == 1 and _same_word(a.name, b.name) is not None


def evidence(a: _Node, b: _Node) -> tuple[float, str] | None:
    """Positive evidence that two compatible full names are one thing: (strength, rule), or ``None``.

    Partial names (:attr:`_Node.partial`) get none here: they attach in a later step.
    """
    if not compatible(a, b):
        return None
    if a.folded == b.folded or a.words == b.words:
        if a.gazetteer and b.gazetteer and a.gazetteer != b.gazetteer:
            return (0.85, "same name, same country, named with the same people and places")  # see _misplaced
        if a.gazetteer != b.gazetteer:
            return None  # an unplaced name is a partial name: it attaches later
        return (1.0, "same name") if a.name.casefold() == b.name.casefold() else (1.0, "transliteration")
    if a.family == "PLACE":
        if a.gazetteer and a.gazetteer == b.gazetteer:
            return 0.99, "gazetteer"
        return None
    if a.family == "PERSON":
        if a.partial or b.partial:
            return _spelling_evidence(a, b) if a.partial and b.partial else None
        surname = _same_word(a.person[1], b.person[1])
        return (0.9 + 0.09 * surname.score, f"full name ({surname.rule} surname)") if surname else None
    if a.family == "NORP" and (a.folded + "s" == b.folded or b.folded + "s" == a.folded):
        return 0.97, "plural"
    if len(a.words) >= 2 and len(a.words) == len(b.words) and all(
            _same_name_word(x, y) for x, y in zip(a.words, b.words, strict=True)):
        return 0.93, "spelling of each word"  # Betty Ford Centre / Center
    return None


def _same_word(a: str, b: str) -> MergeEvidence | None:
    """Two name words match: :func:`compare_words`, or the link stage's looser transliteration
    fold (Hrytsenko / Gritsenko: Ukrainian H is Russian G)."""
    found = compare_words(a, b)
    if found is None and fold_name(a) == fold_name(b):
        return MergeEvidence(a, "transliteration", 1.0)
    return found


def _spelling_evidence(a: _Node, b: _Node) -> tuple[float, str] | None:
    found = _same_word(a.name, b.name)
    return (0.9 + 0.09 * found.score, f"spelling ({found.rule})") if found else None


def _blocks(node: _Node) -> set[str]:
    keys = {f"{node.family}|w:{translit_key(w)[:4]}" for w in node.words if len(w) >= 2}
    if len(node.words) == 1:
        keys.add(f"{node.family}|s:{translit_key(node.words[0])[:2]}")  # misspellings: Lousiana / Louisiana
    if node.gazetteer:
        keys.add(f"{node.family}|g:{node.gazetteer}")
    if len(node.words) > 1:
        keys.add(f"{node.family}|a:{''.join(w[0] for w in node.words)}")
    elif _looks_acronym(node.name):
        keys.add(f"{node.family}|a:{node.name.replace('.', '').replace('&', '').casefold()}")
    return keys


# -- manual decisions -------------------------------------------------------------


@dataclass(slots=True)
class _Constraints:
    must: set[frozenset[str]] = field(default_factory=set)
    cannot: set[frozenset[str]] = field(default_factory=set)
    alone: set[str] = field(default_factory=set)
    canonical: dict[str, str] = field(default_factory=dict)

    def allows(self, a: str, b: str) -> bool | None:
        """True (a manual merge), False (a manual split) or None (the rules decide)."""
        pair = frozenset((a, b))
        if pair in self.must:
            return True
        if pair in self.cannot or a in self.alone or b in self.alone:
            return False
        return None


def decision_constraints(decisions: Sequence[Decision]) -> _Constraints:
    """Replay decisions in order: for each pair of names the latest decision naming both wins."""
    found = _Constraints()
    for decision in decisions:
        names = list(dict.fromkeys(decision.names))
        pairs = {frozenset(p) for p in combinations(names, 2)}
        if decision.action == "merge":
            found.must |= pairs
            found.cannot -= pairs
            found.alone -= set(names)
            for name in names:
                found.canonical[name] = names[0]
        elif decision.action == "split":
            found.cannot |= pairs
            found.must -= pairs
            if len(names) == 1:
                found.alone.add(names[0])
                found.must = {p for p in found.must if names[0] not in p}
    return found


# -- clustering -----------------------------------------------------------------------


class _Clusters:
    """Union of name nodes where every pair across two joined clusters must be compatible."""

    def __init__(self, nodes: dict[Key, _Node], constraints: _Constraints) -> None:
        self.nodes = nodes
        self.constraints = constraints
        self.of: dict[Key, Key] = {k: k for k in nodes}
        self.members: dict[Key, list[Key]] = {k: [k] for k in nodes}
        self.evidence: dict[Key, list[dict[str, Any]]] = {k: list(node.evidence) for k, node in nodes.items()}
        self._compatible: dict[tuple[Key, Key], bool] = {}

    def pair_ok(self, a: Key, b: Key) -> bool:
        if (a, b) not in self._compatible:
            manual = self.constraints.allows(a[1], b[1])
            ok = manual if manual is not None else compatible(self.nodes[a], self.nodes[b])
            self._compatible[(a, b)] = self._compatible[(b, a)] = ok
        return self._compatible[(a, b)]

    def can_join(self, a: Key, b: Key) -> bool:
        ca, cb = self.of[a], self.of[b]
        return ca != cb and all(self.pair_ok(x, y) for x in self.members[ca] for y in self.members[cb])

    def join(self, a: Key, b: Key, score: float, rule: str) -> None:
        keep, gone = sorted((self.of[a], self.of[b]))
        for key in self.members[gone]:
            self.of[key] = keep
        self.members[keep] += self.members.pop(gone)
        self.evidence[keep] += self.evidence.pop(gone) + [
            {"a": a[1], "b": b[1], "rule": rule, "score": round(score, 4)}]

    def clusters(self) -> list[list[Key]]:
        return list(self.members.values())


def resolve_entities(articles: Iterable[Article], *, decisions: Sequence[Decision] = ()) -> list[CorpusEntity]:
    """Cluster the article entities of a corpus into corpus entities.

    Args:
        articles: Articles with ``entities`` (and ``places`` for gazetteer evidence).
        decisions: Manual merges and splits, replayed over the rules in order.

    Returns:
        Corpus entities sorted by id.
    """
    nodes = _nodes(articles)
    constraints = decision_constraints(decisions)
    clusters = _Clusters(nodes, constraints)
    for (a, b), (score, rule) in sorted(_edges(nodes).items(), key=lambda kv: (-kv[1][0], kv[0])):
        if clusters.can_join(a, b):
            clusters.join(a, b, score, rule)
    _attach_partials(clusters)
    _apply_merges(clusters, decisions)
    return sorted((_entity(keys, nodes, clusters.evidence[clusters.of[keys[0]]], constraints)
                   for keys in clusters.clusters()), key=lambda e: e.corpus_id)


def _apply_merges(clusters: _Clusters, decisions: Sequence[Decision]) -> None:
    """A manual merge joins the whole entities holding its names, unless that would undo a manual split."""
    constraints = clusters.constraints
    nodes = clusters.nodes
    for decision in decisions:
        if decision.action != "merge":
            continue
        keys = [k for k in sorted(nodes) if k[1] in decision.names
                and (decision.label is None or decision.label in nodes[k].labels)]
        for a, b in zip(keys, keys[1:], strict=False):
            ca, cb = clusters.of[a], clusters.of[b]
            if ca != cb and frozenset((a[1], b[1])) in constraints.must and not any(
                    constraints.allows(x[1], y[1]) is False for x in clusters.members[ca] for y in clusters.members[cb]):
                clusters.join(a, b, 2.0, "manual merge")


def _edges(nodes: dict[Key, _Node]) -> dict[tuple[Key, Key], tuple[float, str]]:
    blocks: dict[str, list[Key]] = {}
    for key, node in nodes.items():
        for block in _blocks(node):
            blocks.setdefault(block, []).append(key)
    edges: dict[tuple[Key, Key], tuple[float, str]] = {}
    for block in sorted(blocks):
        keys = sorted(blocks[block])
        if len(keys) > MAX_BLOCK:
            continue
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if (a, b) not in edges and (found := evidence(nodes[a], nodes[b])) is not None:
                    edges[(a, b)] = found
    return edges


def _attach_partials(clusters: _Clusters) -> None:
    """A cluster of partial names joins the one cluster it fits, or a dominant one sharing its context."""
    nodes = clusters.nodes
    index: dict[str, set[Key]] = {}
    for key, node in nodes.items():
        if not node.partial:
            for block in _blocks(node):
                index.setdefault(block, set()).add(key)
    heads = sorted(k for k, members in clusters.members.items() if all(nodes[m].partial for m in members))
    for head in heads:
        members = clusters.members[head]
        candidates = {clusters.of[k] for m in members for block in _blocks(nodes[m]) for k in index.get(block, ())}
        fitting = sorted(c for c in candidates if clusters.can_join(head, c) and _extends(clusters, head, c))
        target = _choose(clusters, head, fitting)
        if target is not None:
            rule, cand = target
            clusters.join(cand, head, 0.8, rule)


def _extends(clusters: _Clusters, partial: Key, full: Key) -> bool:
    """The full cluster has a name the partial names stand for (surname, words, place name)."""
    nodes = clusters.nodes
    for p in clusters.members[partial]:
        for f in clusters.members[full]:
            a, b = nodes[p], nodes[f]
            if a.family == "PERSON" and b.person[0] and _same_word(a.person[1], b.person[1]) is not None:
                return True
            if a.family == "PLACE" and (a.folded == b.folded or _spelling(a, b)) and not (
                    a.countries and b.countries and a.countries.isdisjoint(b.countries)):
                return True  # a name placed in one country never joins a place in another
            if a.family not in ("PERSON", "PLACE") and not b.partial and (
                    _acronym(a, b) or (len(b.words) > len(a.words) and _words_subset(a, b))):
                return True
    return False


def _choose(clusters: _Clusters, partial: Key, fitting: list[Key]) -> tuple[str, Key] | None:
    if len(fitting) == 1:
        return "the only one of that name in the corpus", fitting[0]
    if not fitting:
        return None
    nodes = clusters.nodes

    def articles(cluster: Key) -> set[str]:
        return set().union(*(nodes[k].articles for k in clusters.members[cluster]))

    def context(cluster: Key) -> set[str]:
        return set().union(*(nodes[k].context for k in clusters.members[cluster]))

    counts = {c: len(articles(c)) for c in fitting}
    best = min(fitting, key=lambda c: (-counts[c], c))
    if counts[best] < DOMINANT_SHARE * sum(counts.values()):
        return None
    if nodes[partial].family == "PERSON" and not context(partial) & context(best):
        return None  # a bare surname also needs a name in common with its person's articles
    return f"the dominant one of that name ({counts[best]} of {sum(counts.values())} articles)", best


def _entity(keys: list[Key], nodes: dict[Key, _Node], evidence: list[dict[str, Any]],
            constraints: _Constraints) -> CorpusEntity:
    group = [nodes[k] for k in keys]
    articles = set().union(*(n.articles for n in group))
    names = {n.name for n in group}
    forced = sorted({constraints.canonical[n] for n in names if n in constraints.canonical} & names)
    full = [n for n in group if not n.partial] or group
    canonical = next((n for n in group if forced and n.name == forced[0]), None) or \
        min(full, key=lambda n: (-len(n.articles), -len(n.name), n.name))
    labels = Counter[str]()
    for node in group:
        labels.update(node.labels)
    label = min(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    variants = sorted(set().union(*(n.variants for n in group)) | names)
    identity = f"{canonical.family}|{canonical.name}" + (f"|{canonical.gazetteer}" if canonical.gazetteer else "")
    corpus_id = "ce" + hashlib.sha1(identity.encode()).hexdigest()[:12]
    rows = sorted((aid, eid, n.name) for n in group for aid, eid in n.members)
    return CorpusEntity(corpus_id=corpus_id, name=canonical.name, label=label, variants=variants,
                        evidence=sorted(evidence, key=lambda e: (e["a"], e["b"])), articles=len(articles),
                        members=rows)
