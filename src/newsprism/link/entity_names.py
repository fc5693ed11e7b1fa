"""Name nodes of the corpus entities: one per (label family, name, gazetteer entry), cleaned of reading errors.

Each article entity becomes a node; before any two are compared, the errors
of a small model reading headlines and of label votes are mended:

1. a known full name with headline words after it ("Lindsay Lohan Checks Into
   Rehab", title-cased lines only) or a title or role before it ("Comedian
   Ellen DeGeneres") is that name;
2. a name read in several label families joins the family its articles give it
   (:func:`_vote_families`);
3. a place keeps its gazetteer entry only when its words name that entry, not
   a thing named after it ("London Bridge" placed at London).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from sys import intern
from typing import Any

from ..extract._lexicon import LOCATIVE_PREPOSITIONS, ROLE_NOUNS, TITLES
from ..extract.names import glued_digits, name_parts, name_surface, strip_title
from ..first_names import first_name_genders
from ..model import Article, Place
from ..store.links import EntityMentionRow, EntityNodeRow
from .features import NO_WORDFREQ, fold_name, idf, label_family, tokens
from .resources import GENERIC_PLACE_WORDS, NAME_STOP_WORDS, PLACE_QUALIFIERS

#: A name written in several label families moves to the family holding this share of its articles.
FAMILY_VOTE = 0.75
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Words at least this common (wordfreq, Zipf 3) around a known name are headline or role words.
_COMMON_WORD_IDF = 13.8
#: Place types whose gazetteer entries go by other names (America, Britain, Holland).
_ALIASED_TYPES = frozenset({"country", "region", "union", "continent"})

Key = tuple[str, str, str]  # (family, name, gazetteer id or "")

#: What opens the gazetteer key of a name node kept to its article: a one-word name that is an everyday word of
#: its language ("ORG|in@a17|Post"), which says nothing of which Post, Time or State another article means (#17).
ARTICLE_KEY = "in@"
#: A word at least this common in its language (wordfreq, Zipf 4.5: "post" 5.4, "time" 6.3, "state" 5.8, "court"
#: 5.4) is an everyday word; names are rarer ("Hamas" 3.6, "Reuters" 3.9).
_EVERYDAY_IDF = (9 - 4.5) * math.log(10)
#: Families whose one-word names are the same thing in every article they are written in: a person's surname
#: (its own rules), a place (its gazetteer entry), a people or a language ("American", "English").
_WORD_FAMILIES = frozenset({"PERSON", "PLACE", "NORP", "LANGUAGE"})


@dataclass
class NameNode:  # no slots: the derived name forms are cached on the instance
    family: str
    name: str
    gazetteer: str
    labels: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, entity_id)
    variants: set[str] = field(default_factory=set)
    #: (article_id, folded name of the article entity): its context is the article's other names
    sources: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    headline: bool = False  # written in a title-cased line at least once
    #: the stored name nodes (:func:`node_id`) mended into this one, kept for a run that re-resolves from totals
    raw: list[str] = field(default_factory=list)

    @property
    def article_count(self) -> int:
        """How many articles name this node (a count, so a node made from stored totals need not read them)."""
        return len(self.articles)

    def moved_members(self, moved: Collection[str]) -> list[tuple[str, str]]:
        """The members (``(article_id, entity_id)``) of these articles."""
        return [m for m in self.members if m[0] in moved]

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
        """Folded content words (dots dropped: "U.S." is "us"); a function word in capitals is initials
        ("L.A. Times" is not "Times", "IN" is Indiana) (#17)."""
        written = self.name.replace(".", "")
        folded = fold_name(written).split()
        parts = written.split()
        if len(parts) != len(folded) or written.isupper():
            parts = folded  # the fold cut words apart ("Jean-Claude"), or every word is in capitals ("THE NEW YORK")
        return tuple(f for w, f in zip(parts, folded, strict=True)
                     if f not in NAME_STOP_WORDS or (len(w) > 1 and w.isupper()))

    @cached_property
    def person(self) -> tuple[tuple[str, ...], str, str]:
        """(given names, surname, suffix) of a person's name, titles stripped."""
        name = strip_title(self.name)[1]
        words = name.replace(",", " ").split()
        suffix = next((w.rstrip(".").casefold() for w in words[1:] if w.rstrip(".").casefold() in SUFFIXES), "")
        given, surname = name_parts(name)
        return tuple(g for g in given if g.rstrip(".").casefold() not in SUFFIXES), surname, suffix

    @property
    def scoped(self) -> bool:
        """Whether the node is an everyday word's name kept to its article (:func:`everyday_name`)."""
        return self.gazetteer.startswith(ARTICLE_KEY)

    @property
    def partial(self) -> bool:
        """A name that stands for a longer one: a bare surname, a one-word organisation, an unplaced place, an
        everyday word's name kept to its article."""
        if self.scoped:
            return True
        if self.family == "PERSON":
            return not self.person[0]
        if self.family == "PLACE":
            return not self.gazetteer
        return self.family == "ORG" and len(self.words) == 1  # "Senate", "UN": which one?


def looks_acronym(name: str, *, longest: int = 6) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= longest and letters.isalpha() and letters.isupper()


#: What opens the gazetteer key of a site's name node; its town's entry and its name follow
#: ("site@gn:4887398/city hall").
SITE_KEY = "site@"


def node_id(family: str, gazetteer: str, name: str) -> str:
    """The id of the name node an article entity starts in (before headline words and label votes mend it).

    >>> node_id("PLACE", "703448", "Kyiv")
    'PLACE|703448|Kyiv'
    """
    return f"{family}|{gazetteer}|{name}"


def everyday_name(name: str, lang: str | None) -> bool:
    """Whether a name is one everyday word of its article's language, capitalised ("the Post", "Time",
    "State"): a word so common says nothing of which thing another article means by it (#17).

    >>> everyday_name("The Post", "en"), everyday_name("LA Times", "en"), everyday_name("Hamas", "en")
    (True, False, False)
    """
    # the words of :attr:`NameNode.words`: a function word in capitals is initials ("LA Times" is two words)
    words = [w for w in name.replace(".", "").split() if fold_name(w) not in NAME_STOP_WORDS or (len(w) > 1 and w.isupper())]
    if len(words) != 1 or (lang or "en") in NO_WORDFREQ:
        return False
    word = words[0]
    # written as a word, not in capitals ("TIME", "AP": initials or a logo) nor glued to digits or signs
    return len(word) > 2 and word.isalpha() and word[0].isupper() and word[1:].islower() \
        and idf(word.lower(), lang or "en") <= _EVERYDAY_IDF


def family_gazetteer(gazetteer: str, family: str) -> str:
    """A node's gazetteer key in a family it is voted into: a place keeps its entry, an everyday word's name its
    article (unless it becomes a family whose words are one thing everywhere)."""
    if gazetteer.startswith(ARTICLE_KEY):
        return "" if family in _WORD_FAMILIES else gazetteer
    return gazetteer if family == "PLACE" else ""


def mention_records(article: Article) -> list[EntityMentionRow]:
    """What corpus entities read of an article's entities: one row each, in order, with its name node,
    gazetteer entry (a place whose words name it), countries and headline flag."""
    gazetteer = {p.entity: p.gazetteer_id for p in article.places if p.entity and _names_entry(p)}
    by_text = {p.text: p.gazetteer_id for p in article.places if _names_entry(p)}
    # a street, building or venue placed at its town ("City Hall" in Chicago): one of that name in each town,
    # never the town itself nor another site of it, which an entry shared would make one (#13, #17)
    sites = {p.entity or p.text: f"{SITE_KEY}{p.gazetteer_id}/{' '.join(p.text.casefold().split())}"
             for p in article.places if p.type == "site" and p.gazetteer_id}
    countries: dict[str, set[str]] = {}
    for p in article.places:
        if p.country:
            countries.setdefault(p.entity or "", set()).add(p.country)
            countries.setdefault("text:" + p.text, set()).add(p.country)
    in_headline = _in_headline(article)
    # an entity the place stage placed by its whole name is a place, whatever the model called it
    # ("Manchester" read as a PRODUCT in a music review): it keeps its entry, so a namesake stays apart
    placed_whole = {(p.entity, p.text) for p in article.places if p.entity and _names_entry(p)}
    seats = _seat_labels(article)
    # the words of the places that gave each entity its entry: a town placed in the same name is no word of its
    # state ("Shelby, North Carolina" at North Carolina) (#17)
    place_words: dict[tuple[str, str], set[str]] = {}
    for p in article.places:
        if p.entity and p.gazetteer_id and _names_entry(p):
            place_words.setdefault((p.entity, p.gazetteer_id), set()).update(
                _place_words(p.text) | _place_words(p.name or ""))
    rows = []
    for position, entity in enumerate(article.entities):
        family = label_family(entity.label)
        if family != "PLACE" and (entity.id, entity.name) in placed_whole:
            family = "PLACE"
        gaz = (gazetteer.get(entity.id) or by_text.get(entity.name) or "") if family == "PLACE" else ""
        if gaz and entity.name not in by_text and _glued_to_place(entity.name, place_words.get((entity.id, gaz), set()),
                                                                  gaz):
            gaz = ""  # "Henry Lazenby US", "Shelby, North Carolina": a name with a place in it is not that place
        if not gaz and family == "PLACE":
            gaz = sites.get(entity.id) or sites.get(entity.name) or ""
        # where the gazetteer put it, even when the name is not its entry's
        placed = countries.get(entity.id, set()) | countries.get("text:" + entity.name, set())
        # one string for each id, name, label and place the corpus repeats, not one per row: a full link holds
        # every article's rows (#17)
        name = name_surface(entity.name)  # "Hillary] Clinton": an editor's bracket is no part of a name (#17)
        if not gaz and (family not in _WORD_FAMILIES and everyday_name(name, article.lang)
                        or family == "PLACE" and _declined(name)):
            gaz = ARTICLE_KEY + article.id  # "Post": the Washington Post here, the New York Post there (#17)
        rows.append(EntityMentionRow(article.id, position, intern(entity.id), intern(node_id(family, gaz, name)),
                                     intern(name), seats.get(entity.id) or (intern(entity.label) if entity.label else entity.label),
                                     intern(gaz), sorted({intern(v) for v in _spellings(entity.variants, name, family)}),
                                     sorted(map(intern, placed)) if family == "PLACE" else [],
                                     int(entity.id in in_headline)))
    return rows


#: Words before a name that put something in it, read as a building ("a ceremony at the White House").
_IN_A_BUILDING = LOCATIVE_PREPOSITIONS | {"at"}


def _seat_labels(article: Article) -> dict[str, str]:
    """The label of each entity the article places at a seat of power (the White House, the Kremlin): the
    building ("FAC") where every mention of it follows a word of place ("at", "outside", "in"), else the
    government it stands for ("ORG": "the White House said", "White House officials"). The model reads such a
    name as a place as often as not, and the corpus entity took the type of most readings, so the White House
    that speaks in most articles was typed a place (#17). The name node stays the place's: only its type is
    voted so."""
    seated = {p.entity for p in article.places if p.type == "seat" and p.entity}
    if not seated:
        return {}
    text = article.text
    building: dict[str, bool] = {}
    for mention in article.mentions:
        if mention.entity in seated and not mention.source:
            before = text[max(0, mention.start - 20):mention.start].split()
            if before and before[-1].casefold() == "the":
                before = before[:-1]
            located = bool(before) and before[-1].casefold() in _IN_A_BUILDING
            building[mention.entity] = building.get(mention.entity, True) and located
    return {entity: "FAC" if located else "ORG" for entity, located in building.items()}


def _declined(name: str) -> bool:
    """Whether a place's name the article leaves unplaced is a common plural the gazetteer knows as a place
    (:func:`~newsprism.extract.gazetteer.common_plural`): the place stage would not read it as that place here
    ("the States" of an Australian article, its own states), so it is no evidence of the place another article
    names so; kept to its article, it joins no entity of the gazetteer's place (#17)."""
    from ..extract.gazetteer import common_plural, gazetteer  # loaded once per process; few names get here

    return common_plural(name) and bool(gazetteer().lookup(name))


def _spellings(variants: Iterable[str], name: str, family: str) -> set[str]:
    """An article entity's spellings as a reader writes them: without an editor's brackets, and for a person
    or a people, without a hashtag's form of the name ("#Trump2016" is no spelling of Trump) (#17)."""
    found = {name_surface(v) for v in variants} or {name}
    if family in ("PERSON", "NORP") and not glued_digits(name):
        found = {v for v in found if not glued_digits(v)} or {name}
    return found


def name_nodes(records: Iterable[EntityMentionRow]) -> dict[Key, NameNode]:
    """The name nodes of a corpus's article entities (:func:`mention_records`, by article in order), with
    headline words, labels and places mended."""
    return mend_nodes(raw_nodes(records))


def raw_nodes(records: Iterable[EntityMentionRow]) -> dict[Key, NameNode]:
    """The name nodes of these article entities before they are mended (:func:`mend_nodes`)."""
    nodes: dict[Key, NameNode] = {}
    for row in records:
        family = row.node.split("|", 1)[0]  # the row's own node: a place read as another label is a place (#17)
        node = nodes.setdefault((family, row.name, row.gazetteer), NameNode(family, row.name, row.gazetteer))
        node.labels[row.label or ""] += 1
        node.articles.add(row.article_id)
        node.members.append((row.article_id, row.entity_id))
        node.variants.update(row.variants)
        node.sources.append((row.article_id, fold_name(row.name)))
        node.countries.update(row.countries)
        node.headline |= bool(row.headline)
    return nodes


def mend_nodes(nodes: dict[Key, NameNode]) -> dict[Key, NameNode]:
    """Headline words and labels mended (:func:`name_nodes`), in place: the nodes of the names, in the order of
    their first article entity."""
    return _vote_families(_strip_headline_words(nodes))


#: A name node's members: ``(article_id, position, entity_id)`` by article and position.
Member = tuple[str, int, str]


class NodeTotals:
    """What the article entities of one name node add up to, kept as an
    :class:`~newsprism.store.links.EntityNodeRow`: counts only, no list of members, so a run patches them with
    the rows of the articles that changed alone (#17). The article count moves by whole articles
    (:meth:`patch`); the first member is made again by the caller when its article changed."""

    __slots__ = ("node", "articles", "mentions", "first", "labels", "variants", "countries", "headline")

    def __init__(self, row: EntityNodeRow) -> None:
        self.node, self.articles, self.mentions = row.node, row.articles, row.mentions
        self.first: Member | None = (row.first_member[0], int(row.first_member[1]), row.first_member[2]) \
            if row.first_member else None
        self.labels, self.variants = Counter(row.labels), Counter(row.variants)
        self.countries, self.headline = Counter(row.countries), row.headline

    @classmethod
    def empty(cls, node: str) -> NodeTotals:
        return cls(EntityNodeRow(node, 0, 0, [], {}, {}, {}, 0))

    def add(self, row: EntityMentionRow, sign: int = 1) -> None:
        """Count one article entity of the node in (``sign`` 1) or out (-1); not its article (:meth:`patch`)."""
        self.mentions += sign
        for counter, values in ((self.labels, [row.label or ""]), (self.variants, row.variants),
                                (self.countries, row.countries)):
            for value in values:
                counter[value] += sign
                if counter[value] <= 0:
                    del counter[value]
        self.headline += sign * int(bool(row.headline))

    def patch(self, old: Sequence[EntityMentionRow], new: Sequence[EntityMentionRow]) -> None:
        """The rows of one article taken out (``old``, as stored) and put in (``new``)."""
        for row in old:
            self.add(row, -1)
        for row in new:
            self.add(row, 1)
        self.articles += int(bool(new)) - int(bool(old))

    def row(self) -> EntityNodeRow:
        return EntityNodeRow(self.node, self.articles, self.mentions, list(self.first) if self.first else [],
                             dict(self.labels), dict(self.variants), dict(self.countries), self.headline)


def node_totals(records: Iterable[EntityMentionRow]) -> dict[str, NodeTotals]:
    """The totals of every name node of these article entities (by article in order)."""
    found: dict[str, NodeTotals] = {}
    last: dict[str, str] = {}
    for row in records:
        totals = found.get(row.node)
        if totals is None:
            totals = found[row.node] = NodeTotals.empty(row.node)
            totals.first = (row.article_id, row.position, row.entity_id)
        totals.add(row)
        if last.get(row.node) != row.article_id:
            last[row.node] = row.article_id
            totals.articles += 1
    return found


#: The members of stored name nodes as a link run leaves them, asked for by node ids.
MemberReader = Callable[[Collection[str]], dict[str, list[Member]]]


class StoredNode(NameNode):
    """A name node made from its stored totals (:class:`NodeTotals`): its article count is known, and its
    members (with their articles and sources) are read only when a rule asks for them (#17); ``fresh``: its
    members in the articles that changed, known without a read."""

    def __init__(self, family: str, name: str, gazetteer: str, *, count: int, read: MemberReader,
                 fresh: list[tuple[str, str]]) -> None:
        super().__init__(family, name, gazetteer)
        self._members: list[tuple[str, str]] | None = None
        self._articles: set[str] | None = None
        self._sources: list[tuple[str, str]] | None = None
        self._count, self._read, self._fresh = count, read, fresh

    @property
    def unread(self) -> bool:
        """Whether its articles are not read yet."""
        return self._articles is None

    def read_raw(self, nodes: Collection[str]) -> None:
        """Read the members of these stored nodes (the reader keeps them for the nodes made of them)."""
        self._read(nodes)

    def _load(self) -> tuple[list[tuple[str, str]], set[str], list[tuple[str, str]]]:
        found = self._read(self.raw)
        members = [m for node in self.raw for m in found.get(node, [])]
        folded = self.folded
        return [(a, e) for a, _, e in members], {a for a, _, _ in members}, [(a, folded) for a, _, _ in members]

    @property
    def members(self) -> list[tuple[str, str]]:
        if self._members is None:
            self._members, self._articles, self._sources = self._load()
        return self._members

    @members.setter
    def members(self, value: list[tuple[str, str]]) -> None:
        self._members = value

    @property
    def articles(self) -> set[str]:
        if self._articles is None:
            self._members, self._articles, self._sources = self._load()
        return self._articles

    @articles.setter
    def articles(self, value: set[str]) -> None:
        self._articles = value

    @property
    def sources(self) -> list[tuple[str, str]]:
        if self._sources is None:
            self._members, self._articles, self._sources = self._load()
        return self._sources

    @sources.setter
    def sources(self, value: list[tuple[str, str]]) -> None:
        self._sources = value

    @property
    def article_count(self) -> int:
        return self._count if self._articles is None else len(self._articles)

    def moved_members(self, moved: Collection[str]) -> list[tuple[str, str]]:
        return self._fresh if self._members is None else [m for m in self._members if m[0] in moved]


def read_members(nodes: Iterable[NameNode]) -> None:
    """Read the members of the stored nodes among ``nodes`` whose articles are not read yet, in one batch: a
    step that asks many nodes' articles reads them at once, not in one query per node (#17)."""
    todo = [n for n in nodes if isinstance(n, StoredNode) and n.unread]
    if todo:
        todo[0].read_raw(sorted({raw for n in todo for raw in n.raw}))


def totals_nodes(totals: Iterable[EntityNodeRow], *, read: MemberReader,
                 fresh: Callable[[str], list[tuple[str, str]]]) -> dict[Key, NameNode]:
    """The name nodes of these totals before they are mended (:func:`mend_nodes`), as :func:`name_nodes` makes
    them from every article entity of theirs: in the order of their first article entity; ``read``: the members
    of nodes, ``fresh``: a node's members in the articles that changed."""
    nodes: dict[Key, NameNode] = {}
    for row in sorted((r for r in totals if r.mentions), key=lambda r: (r.first_member[0], r.first_member[1])):
        family, gazetteer, name = row.node.split("|", 2)
        node = nodes[(family, name, gazetteer)] = StoredNode(family, name, gazetteer, count=row.articles, read=read,
                                                             fresh=fresh(row.node))
        node.raw = [row.node]
        node.labels.update(row.labels)
        node.variants = set(row.variants)
        node.countries = set(row.countries)
        node.headline = row.headline > 0
    return nodes


def _strip_headline_words(nodes: dict[Key, NameNode]) -> dict[Key, NameNode]:
    """A person's name with headline or role words around it is that person.

    In a title-cased headline the model reads on past the name ("Lindsay Lohan Checks Into Rehab",
    "Esther Williams Dies"), and a role word before a name is taken in ("Comedian Ellen DeGeneres"):
    when the name is a full name the corpus knows and the words around it are common words, the
    node joins that name.
    """
    # a name ending in an initial is no full name to cut to: "Donald J. Trump Tweets" is not "Donald J" (#17)
    full = {node.folded: node for node in nodes.values() if node.family == "PERSON" and len(node.words) >= 2
            and len(node.person[1].rstrip(".")) > 1}
    for key, node in sorted(nodes.items()):
        words = node.folded.split()
        if node.family != "PERSON" or len(words) < 3:
            continue
        plain = tokens(node.name)
        for size in range(len(words) - 1, 1, -1):
            # Words after a name only in a headline ("... Checks Into Rehab"); a role word before it anywhere.
            cuts = ((words[:size], plain[size:], _headline_word),) * node.headline + \
                ((words[-size:], plain[:-size], _role_word),)
            found = next(((full[" ".join(part)], rest) for part, rest, allowed in cuts
                          if " ".join(part) in full and all(allowed(w) for w in rest)), None)
            if found is not None and found[0] is not node:
                target, cut = found
                del nodes[key]
                node.evidence.append({"a": target.name, "b": node.name, "rule": "headline or role words around a name",
                                      "score": 0.9})
                # a reading that ran into the headline is no spelling of the name: its mentions join the person,
                # the words it ran into are not shown among the person's names ("Donald Trump Playing Dumb", #17)
                node.variants = {v for v in node.variants if not set(cut) & set(tokens(v))}
                _absorb(target, node)
                break
    return nodes


def _headline_word(word: str) -> bool:
    """A common word that a headline puts after a name ("Checks", "Into", "Dies"), not a name suffix."""
    return idf(word) <= _COMMON_WORD_IDF and word not in SUFFIXES


def _role_word(word: str) -> bool:
    """A title or role before a name ("Comedian", "Crown Prince"); a given name is none."""
    return word in TITLES or word in ROLE_NOUNS


def _in_headline(article: Article) -> set[str | None]:
    """The entities of the mentions standing in a title-cased line, each line read once (an article's lines
    hold many mentions)."""
    text = article.text
    lines: dict[int, bool] = {}
    found: set[str | None] = set()
    for mention in article.mentions:
        start = text.rfind("\n", 0, mention.start) + 1
        if start not in lines:
            lines[start] = _title_cased_line(text, mention.start)
        if lines[start]:
            found.add(mention.entity)
    return found


def _title_cased_line(text: str, at: int) -> bool:
    """Whether the line holding offset ``at`` is written as a headline: most of its words capitalised."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = [w for w in text[start:end if end != -1 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


#: Short forms that name places as their long forms do: "St. John" is the town called Saint John (and
#: "St. John" names St. John's).
_SHORT_FORMS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def _place_words(name: str) -> set[str]:
    return {_SHORT_FORMS.get(word, word) for word in (w.removesuffix("'s").removesuffix("’s") for w in tokens(name))}


def _glued_to_place(name: str, place_words: set[str], entry: str) -> bool:
    """Whether an entity's name holds words besides the place it was placed by: another thing named with
    the place in it.

    The in-article names stage may join a place with the words before it into one entity ("By: Henry
    Lazenby US-based ..." is "US" and "Henry Lazenby US"); its place mentions give it the gazetteer entry
    of "US", so the person's name would join the United States as one of its spellings. A name keeps
    its place's entry when the words it adds are place words ("Kherson Oblast", "Southern Iran", whose
    qualifier keeps it apart already) or when the gazetteer knows the whole name as that entry
    ("United States of America").
    """
    extra = _place_words(name) - place_words - GENERIC_PLACE_WORDS - PLACE_QUALIFIERS
    if not {w for w in extra if len(w) > 2}:
        return False
    from ..extract.gazetteer import gazetteer  # loaded once per process; most names never get here

    return all(found.id != entry for found in gazetteer().lookup(name))


def _names_entry(place: Place) -> bool:
    """Whether the place's words name its gazetteer entry itself, not a thing named after it.

    "US", "America" and "United States" name the country; "London Bridge", "South London"
    and "Stamford Bridge" are placed at their town but are other things.
    """
    if not place.gazetteer_id:
        return False
    words, entry = _place_words(place.text), _place_words(place.name or "")
    if place.type == "demonym":
        # a people is named by its word, one of them or many ("American", "Americans"), and by no longer
        # name (#17)
        return {w.removesuffix("s") if w not in entry and w.removesuffix("s") in entry else w for w in words} == entry
    if not words & entry:
        # Another name of the entry ("America", "UK") names a country or a region, or is an abbreviation;
        # "Kings County Hospital" placed in Brooklyn is a hospital.
        return place.type in _ALIASED_TYPES or place.text.replace(".", "").isupper()
    return words - entry <= GENERIC_PLACE_WORDS


#: A given name as people write it: letters, with dots, hyphens and apostrophes ("J.", "Jean-Luc", "D'Arcy").
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def _vote_families(nodes: dict[Key, NameNode]) -> dict[Key, NameNode]:
    """Move a name written in a minority family into the family its articles give it.

    A one-word name needs a clear majority, counting the articles where it is the surname of
    a person's full name ("Lohan" read as a place in 4 articles, as Lindsay Lohan's surname in
    20). A name of several words, the same words in every article, goes with the plurality ("Betty
    Ford Center" read as a person 6 times and as an organisation 13 times); so does a one-word name read
    as a person that no full name of the corpus ends with and that is no first name: its person readings
    are the model's guess at a word it does not know ("Twitter").
    """
    by_name: dict[str, list[NameNode]] = {}
    surnames = Counter[str]()
    for node in nodes.values():
        by_name.setdefault(node.folded, []).append(node)
        if node.family == "PERSON" and node.person[0] and all(_NAME_WORD.fullmatch(g) for g in node.person[0]):
            # a handle before a name is no given name: "@realDonaldTrump Twitter" gives no surname (#17)
            surnames[fold_name(node.person[1])] += node.article_count
    for name, group in by_name.items():
        families = Counter[str]()
        for node in group:
            families[node.family] += node.article_count
        single = " " not in name
        if single and surnames[name]:
            families["PERSON"] = max(families["PERSON"], surnames[name])
        if len(families) < 2:
            continue
        (top, count), *rest = families.most_common()
        if single and "PERSON" in families and not surnames[name] and any(n.gazetteer and not n.scoped
                                                                           for n in group):
            # A one word "person" no full name in the corpus has as surname, that the gazetteer places
            # elsewhere in the corpus, is that place ("Wasilla" read as a person).
            top, count = "PLACE", families["PLACE"]
        elif rest and rest[0][1] == count:
            continue
        elif single and count < FAMILY_VOTE * sum(families.values()) and not (
                top != "PERSON" and "PERSON" in families and not surnames[name]
                and not any(node.name.casefold() in first_name_genders() for node in group)):
            # a one-word "person" no full name of the corpus holds as its surname, and no first name of the
            # birth records (asked as written: "Joseph" folds to "hosef", no name they list), is the model's guess at a word it does not know: the plurality decides
            # ("Twitter", read as an organisation in 95 articles and as a person in 91) (#17)
            continue
        # namesakes the gazetteer placed in two places are places: a vote never makes two towns one entity
        entries = {node.gazetteer for node in group if node.family == "PLACE" and node.gazetteer}
        for node in group:
            if node.family != top and not (node.family == "PLACE" and len(entries) > 1):
                del nodes[node.key]
                old = node.family
                node.family, node.gazetteer = top, family_gazetteer(node.gazetteer, top)
                node.evidence.append({"a": node.name, "b": node.name, "rule": f"read as {old} in a few articles, "
                                      f"as {top} in most", "score": round(count / sum(families.values()), 4)})
                nodes.setdefault(node.key, NameNode(top, node.name, node.gazetteer))
                _absorb(nodes[node.key], node)
    return nodes


def _absorb(into: NameNode, node: NameNode) -> None:
    if into is node:
        return
    into.labels.update(node.labels)
    into.articles |= node.articles
    into.members += node.members
    into.variants |= node.variants
    into.sources += node.sources
    into.evidence += node.evidence
    into.countries |= node.countries
    into.headline |= node.headline
    into.raw += node.raw
