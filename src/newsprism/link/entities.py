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
7. Manual decisions win over the rules: they are replayed in the order they
   were taken by :func:`newsprism.decisions.replay`, the one rule the web
   reads too. A merge puts its names in one entity (the first name
   canonical); a split takes each listed name out of its entity, kept apart
   from every other name until a later merge names it.

Every merge keeps its evidence, and the result depends only on the set of
articles and decisions, never on their order. A blocking key shared by more
than :data:`MAX_BLOCK` name nodes of the corpus (counted over every label
family) proposes no pair (#17).

Every step joins names only through a pair that :mod:`newsprism.link.entity_keys`
keeps (a shared folded name, or two names of one block that may be one thing),
so the entities of a part of the corpus closed under those pairs are the ones
a run over the whole corpus finds there: a link run re-resolves only that part.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..decisions import Decision, ManualGroups, replay
from ..model import Article
from ..store.links import EntityMentionRow
from .entity_names import ARTICLE_KEY, Key, NameNode, mend_nodes, mention_records, raw_nodes, read_members
from .entity_rules import block_keys, compatible, compatible_evidence, extends, node_blocks
from .features import fold_name

#: A blocking key shared by more names than this is too common to compare all pairs of.
MAX_BLOCK = 1500
#: A partial name attaches to the most frequent candidate only when it holds this share of the
#: candidates' articles (and shares context with the partial name).
DOMINANT_SHARE = 0.8


@dataclass(slots=True, init=False)
class CorpusEntity:
    """One row of ``corpus_entities`` with its members: ``(article_id, entity_id, name)``, given, or made
    from its name nodes (``group``) when first asked for, so a run that re-resolves from stored totals reads
    the members of the entities it writes alone (#17)."""

    corpus_id: str
    name: str
    label: str
    variants: list[str]
    evidence: list[dict[str, Any]]
    articles: int
    given: list[tuple[str, str, str]] | None = None
    group: list[NameNode] = field(default_factory=list)

    def __init__(self, corpus_id: str, name: str, label: str, variants: list[str], evidence: list[dict[str, Any]],
                 articles: int, members: list[tuple[str, str, str]] | None = None, *,
                 group: list[NameNode] | None = None) -> None:
        self.corpus_id, self.name, self.label, self.variants = corpus_id, name, label, variants
        self.evidence, self.articles, self.given, self.group = evidence, articles, members, group or []

    @property
    def members(self) -> list[tuple[str, str, str]]:
        if self.given is None:
            self.given = sorted((aid, eid, n.name) for n in self.group for aid, eid in n.members)
        return self.given

    @property
    def names(self) -> set[str]:
        """The names of its members."""
        return {n.name for n in self.group} if self.group else {m[2] for m in self.members}


# -- clustering -----------------------------------------------------------------------


class _Clusters:
    """Union of name nodes where every pair across two joined clusters must be compatible."""

    def __init__(self, nodes: dict[Key, NameNode], constraints: ManualGroups, *, crowded: Collection[str],
                 names_of: Callable[[Collection[str]], Mapping[str, set[str]]],
                 verdicts: Mapping[tuple[Key, Key], bool] | None = None) -> None:
        self.nodes = nodes
        #: :func:`compatible` of pairs already asked (in that order), by :func:`_edges`
        self.verdicts = verdicts or {}
        self.constraints = constraints
        self.crowded = crowded
        self.names_of = names_of
        self.of: dict[Key, Key] = {k: k for k in nodes}
        self.members: dict[Key, list[Key]] = {k: [k] for k in nodes}
        self.evidence: dict[Key, list[dict[str, Any]]] = {k: list(node.evidence) for k, node in nodes.items()}
        self._compatible: dict[tuple[Key, Key], bool] = {}

    def pair_ok(self, a: Key, b: Key, *, remember: bool = True) -> bool:
        if (found := self._compatible.get((a, b))) is not None:
            return found
        manual = self.constraints.together(a[1], b[1])
        known = manual if manual is not None else self.verdicts.get((a, b))
        ok = known if known is not None else compatible(self.nodes[a], self.nodes[b])
        if remember:
            self._compatible[(a, b)] = self._compatible[(b, a)] = ok
        return ok

    def can_join(self, a: Key, b: Key) -> bool:
        ca, cb = self.of[a], self.of[b]
        return ca != cb and all(self.pair_ok(x, y) for x in self.members[ca] for y in self.members[cb])

    def join_alike(self, keys: Sequence[Key], score: float, rule: str) -> None:
        """Join each cluster of ``keys`` after the first to the first's when every pair across them is
        compatible, asking each pair of forms (:meth:`_form`) once. An everyday word's names are a node per
        article but few forms: every pair across the growing cluster was n² verdicts for a word of n articles,
        which at 100,000 articles took a full link hours and 16 GB (#17)."""
        mine = self._forms(self.members[self.of[keys[0]]])
        for other in keys[1:]:
            if self.of[other] == self.of[keys[0]]:
                continue
            theirs = self._forms(self.members[self.of[other]])
            if all(self.pair_ok(x, y, remember=False) for x in mine.values() for y in theirs.values()):
                self.join(keys[0], other, score, rule)
                for form, key in theirs.items():
                    mine.setdefault(form, key)

    def _forms(self, members: Iterable[Key]) -> dict[Key, Key]:
        """One member of each form, the first."""
        found: dict[Key, Key] = {}
        for key in members:
            found.setdefault(self._form(key), key)
        return found

    def _form(self, key: Key) -> Key:
        """What the cannot-link test and the decisions read of a node: its key, but an everyday word's name kept
        to its article is one form wherever it is written (its article is in no verdict but to tell it from
        every other node, which a distinct node always is), unless a person's given names make the verdict
        read the articles too (father and son)."""
        family, name, gazetteer = key
        if gazetteer.startswith(ARTICLE_KEY) and (family != "PERSON" or not self.nodes[key].person[0]):
            return family, name, ARTICLE_KEY
        return key

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
        decisions: Manual merges and splits, replayed in order (:func:`newsprism.decisions.replay`); they win
            over the rules.

    Returns:
        Corpus entities sorted by id.
    """
    return resolve_mentions([row for article in articles for row in mention_records(article)], decisions=decisions)


def resolve_mentions(records: Sequence[EntityMentionRow], *, decisions: Sequence[Decision] = (),
                     crowded: Collection[str] | None = None,
                     names_of: Callable[[Collection[str]], Mapping[str, set[str]]] | None = None
                     ) -> list[CorpusEntity]:
    """Cluster article entities, read as :func:`~newsprism.link.entity_names.mention_records`, into corpus
    entities (:func:`resolve_entities`).

    Args:
        records: Every article entity of the corpus, or of a part closed under the pairs of
            :mod:`newsprism.link.entity_keys`, by article (in id order) and position.
        decisions: Manual merges and splits, replayed in order.
        crowded: Blocking keys (without their label family) shared by more than :data:`MAX_BLOCK` name nodes
            of the whole corpus; ``None``: counted in ``records``.
        names_of: The folded names of each given article's entities (a partial name's context); ``None``:
            read from ``records``.

    Returns:
        Corpus entities sorted by id.
    """
    if crowded is None:
        crowded = crowded_blocks({row.node for row in records})
    if names_of is None:
        names: dict[str, set[str]] = {}
        for row in records:
            names.setdefault(row.article_id, set()).add(fold_name(row.name))
        names_of = lambda ids: {i: names.get(i, set()) for i in ids}  # noqa: E731
    return resolve_nodes(raw_nodes(records), decisions=decisions, crowded=crowded, names_of=names_of)


#: How many articles an entity's name nodes have (``None``: count them), given its id and its nodes.
ArticleCount = Callable[[str, list[NameNode]], int | None]


def resolve_nodes(nodes: dict[Key, NameNode], *, decisions: Sequence[Decision], crowded: Collection[str],
                  names_of: Callable[[Collection[str]], Mapping[str, set[str]]],
                  articles_of: ArticleCount | None = None) -> list[CorpusEntity]:
    """:func:`resolve_mentions` of the name nodes of the article entities, not yet mended (:func:`raw_nodes`,
    or :func:`~newsprism.link.entity_names.totals_nodes` of their stored totals); ``articles_of``: an entity's
    article count when it is known without its members' articles (#17)."""
    nodes = mend_nodes(nodes)
    constraints = replay(decisions)
    edges, verdicts = _edges(nodes, crowded)
    clusters = _Clusters(nodes, constraints, crowded=crowded, names_of=names_of, verdicts=verdicts)
    for (a, b), (score, rule) in sorted(edges.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if clusters.can_join(a, b):
            clusters.join(a, b, score, rule)
    index = _full_index(clusters)
    settled, later = _settle_everyday(clusters, index)
    _attach_partials(clusters, index, settled=settled)
    for piece, longer in later:  # after the other partial names, which stood for their names before (#17)
        if clusters.can_join(piece, longer):
            clusters.join(longer, piece, 0.8, "the longer name its article writes")
    _apply_merges(clusters)
    return sorted((_entity(keys, nodes, clusters.evidence[clusters.of[keys[0]]], constraints, articles_of)
                   for keys in clusters.clusters()), key=lambda e: e.corpus_id)


def _apply_merges(clusters: _Clusters) -> None:
    """Each manual group joins the whole entities holding its names (of its merge's label, if it named one),
    unless that would put a split name with another."""
    constraints = clusters.constraints
    nodes = clusters.nodes
    for names in constraints.groups():
        label = constraints.label.get(constraints.canonical(next(iter(names))))
        keys = [k for k in sorted(nodes) if k[1] in names and (label is None or label in nodes[k].labels)]
        for a, b in zip(keys, keys[1:], strict=False):
            ca, cb = clusters.of[a], clusters.of[b]
            if ca != cb and not any(constraints.together(x[1], y[1]) is False
                                    for x in clusters.members[ca] for y in clusters.members[cb]):
                clusters.join(a, b, 2.0, "manual merge")


def crowded_blocks(node_ids: Iterable[str]) -> set[str]:
    """The blocking keys (without their label family) of more than :data:`MAX_BLOCK` of these name nodes
    (:func:`~newsprism.link.entity_names.node_id`)."""
    counts = Counter(block for node in set(node_ids) for block in node_blocks(node))
    return {block for block, n in counts.items() if n > MAX_BLOCK}


def _open(block: str, crowded: Collection[str]) -> bool:
    """Whether a block (``FAMILY|key``) proposes pairs: its key is not crowded in the corpus."""
    return block.split("|", 1)[1] not in crowded


def _edges(nodes: dict[Key, NameNode], crowded: Collection[str]
           ) -> tuple[dict[tuple[Key, Key], tuple[float, str]], dict[tuple[Key, Key], bool]]:
    """The evidence of each pair of names sharing an open block, and the :func:`compatible` verdict of every pair
    asked: a pair sharing several blocks is asked once, and clustering reads its verdict again (#17)."""
    blocks: dict[str, list[Key]] = {}
    for key, node in nodes.items():
        for block in block_keys(node):
            blocks.setdefault(block, []).append(key)
    edges: dict[tuple[Key, Key], tuple[float, str]] = {}
    verdicts: dict[tuple[Key, Key], bool] = {}
    for block in sorted(blocks):
        if not _open(block, crowded):
            continue
        keys = sorted(blocks[block])
        # two articles' names of an everyday word are never evidence (and many of them): such a name is paired
        # with the block's other names alone
        plain = [j for j, key in enumerate(keys) if not key[2].startswith(ARTICLE_KEY)]
        for i, a in enumerate(keys):
            scoped = a[2].startswith(ARTICLE_KEY)
            for b in [keys[j] for j in plain[bisect_right(plain, i):]] if scoped else keys[i + 1:]:
                if (a, b) in verdicts:
                    continue  # asked in another block they share
                ok = verdicts[(a, b)] = compatible(nodes[a], nodes[b])
                if ok and (found := compatible_evidence(nodes[a], nodes[b])) is not None:
                    edges[(a, b)] = found
    return edges, verdicts


def _full_index(clusters: _Clusters) -> dict[str, set[Key]]:
    """The full names of each open blocking key: the candidates of the partial names of that key."""
    index: dict[str, set[Key]] = {}
    for key, node in clusters.nodes.items():
        if not node.partial:
            for block in block_keys(node):
                if _open(block, clusters.crowded):  # as a crowded key proposes no pair of full names (#17)
                    index.setdefault(block, set()).add(key)
    return index


def _settle_everyday(clusters: _Clusters, index: Mapping[str, set[Key]]
                     ) -> tuple[set[Key], list[tuple[Key, Key]]]:
    """The names of an everyday word, one per article (:func:`~newsprism.link.entity_names.everyday_name`), as
    one entity or one in each article; returns those settled here, which no later step attaches, and the
    longer name each of them joins once the other partial names are attached.

    1. Each article's name may stand for the longer names of that article whose head is the word
       ("Washington Post" for "Post"; not "Academy Awards" for "Academy").
    2. Where the articles of the word write no two different such names, or most of them write none, the
       word reads one way across the corpus: its names join as one, and attach later as any partial name does
       ("Twitter", 3 of 105 articles writing a longer name; "Congress", 14 of 222).
    3. Else the word is a short form of several names ("Post": 29 of 37 articles write the Washington Post or
       the New York Post; "Times", "Court", "Party"): each
       article's name joins the one longer name of its article (when that name's whole cluster may take it), or
       stays an entity of its own (#17).
    """
    nodes = clusters.nodes
    words: dict[tuple[str, str], list[Key]] = {}
    for key, node in nodes.items():
        if node.scoped:  # "The Post" and "Post" are one word's names
            words.setdefault((node.family, _written_word(node)), []).append(key)
    alike: dict[tuple[str, str], list[Key]] = {}  # every name of the word, kept to its article or not ("TIME")
    for key, node in nodes.items():
        if len(node.words) == 1 and (node.family, _written_word(node)) in words:
            alike.setdefault((node.family, _written_word(node)), []).append(key)
    settled: set[Key] = set()
    later: list[tuple[Key, Key]] = []
    # the full names each piece may stand for by their words; their articles, which a run re-resolving from stored
    # totals reads, are read at once for all of them, not a name at a time (#17)
    longer = {piece: {k for block in block_keys(nodes[piece]) for k in index.get(block, ())
                      if _head(nodes[k].folded) == nodes[piece].words[0] and extends(nodes[piece], nodes[k])}
              for pieces in words.values() for piece in pieces}
    read_members([nodes[k] for piece, found in longer.items() for k in (piece, *found)])
    for word, pieces in sorted(words.items()):
        fits: dict[Key, set[Key]] = {}
        for piece in sorted(pieces):
            node = nodes[piece]
            # clusters of full names: no piece in them
            fits[piece] = {clusters.of[k] for k in longer[piece] if node.articles & nodes[k].articles}
        spelt = set().union(*(nodes[p].articles for p, found in fits.items() if found))
        if len(set().union(*fits.values())) < 2 or 2 * len(spelt) <= len(set().union(*(nodes[p].articles for p in pieces))):
            # one reading: with the word's other names of that family, written in capitals or kept to no article
            same = sorted({clusters.of[k] for k in alike[word]
                           if all(len(nodes[m].words) == 1 and _written_word(nodes[m]) == word[1]
                                  for m in clusters.members[clusters.of[k]])})
            if same:
                clusters.join_alike(same, 0.8, "one everyday word, one reading across the corpus")
            if word[0] != "ORG":
                settled.update(pieces)  # as before: only an organisation's one word stands for a longer name
            continue
        later += [(piece, next(iter(found))) for piece, found in sorted(fits.items()) if len(found) == 1]
        settled.update(pieces)
    return settled, later


def _written_word(node: NameNode) -> str:
    """The last word of a name as written, in lower case: "TIME" is "time", but "QE" is not "KEY" nor "ART"
    "Arts", which the transliteration fold makes one word (#17)."""
    return node.name.replace(".", "").split()[-1].casefold() if node.name.split() else ""


#: Words after which a name says what its head is of ("Academy of Motion Picture Arts", "Post and Courier").
_AFTER_HEAD = frozenset({"of", "for", "and", "de", "du", "des", "del", "on", "in", "at"})


def _head(folded: str) -> str:
    """The word a name is a name of: its last word before "of", "for", "and" ("Bank of America", "Post and
    Courier"), else its last ("Washington Post"; "Academy Awards" are awards, not an academy).

    >>> _head("bank of america"), _head("academy awards")
    ('bank', 'awards')
    """
    words = folded.split()
    before = next((words[:i] for i, w in enumerate(words) if w in _AFTER_HEAD and i), words)
    return before[-1] if before else ""


def _attach_partials(clusters: _Clusters, index: Mapping[str, set[Key]], *, settled: set[Key]) -> None:
    """A cluster of partial names joins the one cluster it fits, or a dominant one sharing its context."""
    nodes = clusters.nodes
    heads = sorted(k for k, members in clusters.members.items()
                   if all(nodes[m].partial for m in members) and settled.isdisjoint(members))
    for head in heads:
        members = clusters.members[head]
        candidates = {clusters.of[k] for m in members for block in block_keys(nodes[m]) for k in index.get(block, ())}
        fitting = sorted(c for c in candidates if clusters.can_join(head, c) and _extends(clusters, head, c))
        target = _choose(clusters, head, fitting)
        if target is not None:
            rule, cand = target
            clusters.join(cand, head, 0.8, rule)


def _extends(clusters: _Clusters, partial: Key, full: Key) -> bool:
    """The full cluster has a name the partial names stand for (surname, words, place name)."""
    nodes = clusters.nodes
    return any(extends(nodes[p], nodes[f]) for p in clusters.members[partial] for f in clusters.members[full])


def _choose(clusters: _Clusters, partial: Key, fitting: list[Key]) -> tuple[str, Key] | None:
    if len(fitting) == 1:
        return "the only one of that name in the corpus", fitting[0]
    if not fitting:
        return None
    nodes = clusters.nodes

    def articles(cluster: Key) -> int:
        return _article_count([nodes[k] for k in clusters.members[cluster]])

    def context(cluster: Key) -> set[str]:
        sources = [source for k in clusters.members[cluster] for source in nodes[k].sources]
        names = clusters.names_of({article_id for article_id, _ in sources})
        return set().union(*(names[article_id] - {own} for article_id, own in sources))

    counts = {c: articles(c) for c in fitting}
    best = min(fitting, key=lambda c: (-counts[c], c))
    # Dominant among the full names some article wrote the partial name for, when the most common of all is
    # one of them: "AP" is the Associated Press, whose articles write both, though seventy names have the
    # initials A.P. ("Academic Press", "American Pie") and no article shortens them so (#17).
    names = {nodes[k].name for k in clusters.members[partial]}
    used = [c for c in fitting if any(_written_for(n, nodes[k]) for n in names for k in clusters.members[c])]
    among = used if best in used else fitting
    if counts[best] < DOMINANT_SHARE * sum(counts[c] for c in among):
        return None
    if nodes[partial].family == "PERSON" and not context(partial) & context(best):
        return None  # a bare surname also needs a name in common with its person's articles
    return f"the dominant one of that name ({counts[best]} of {sum(counts[c] for c in among)} articles)", best


def _written_for(name: str, node: NameNode) -> bool:
    """Whether an article wrote ``name`` for ``node``'s name: among its variants, and for a person as the
    surname ("Biden" for Joe Biden); a first name used alone ("George") stood for its full name in that article
    only, and says nothing of the bare first names of other articles."""
    if name not in node.variants:
        return False
    given = node.person[0] if node.family == "PERSON" else ()
    return not given or given[0].casefold() != name.casefold()


#: How many times more articles a partial name needs than every full name of its entity to name the entity.
PARTIAL_NAMES = 5


def _canonical(full: list[NameNode], group: list[NameNode]) -> NameNode:
    """The name an entity goes by: its full name in most articles ("Donald Trump", not "Trump"), unless a
    partial name is far more common than every full one, which is then a span the model ran on ("Twitter"
    in 39 articles, not "Twitter the Federal Aviation Administration" in one) (#17). An everyday word's
    names, one per article, count as one name (their articles summed: each is another article's)."""
    written: Counter[tuple[str, str]] = Counter()
    for node in group:
        written[_as_written(node)] += node.article_count

    def order(n: NameNode) -> tuple[int, int, str, str]:
        return -written[_as_written(n)], -len(n.name), n.name, n.gazetteer

    best_full, best = min(full, key=order), min(group, key=order)
    return best if written[_as_written(best)] >= PARTIAL_NAMES * written[_as_written(best_full)] else best_full


def _as_written(node: NameNode) -> tuple[str, str]:
    return node.name, "" if node.scoped else node.gazetteer


def _article_count(group: list[NameNode]) -> int:
    """How many articles name one of these nodes (one node's count is kept; several share articles)."""
    return group[0].article_count if len(group) == 1 else len(set().union(*(n.articles for n in group)))


def _entity(keys: list[Key], nodes: dict[Key, NameNode], evidence: list[dict[str, Any]],
            constraints: ManualGroups, articles_of: ArticleCount | None) -> CorpusEntity:
    group = [nodes[k] for k in keys]
    names = {n.name for n in group}
    forced = sorted({constraints.canonical(n) for n in names if n in constraints.head} & names)
    full = [n for n in group if not n.partial] or group
    canonical = min((n for n in group if forced and n.name == forced[0]), key=lambda n: n.gazetteer, default=None) or \
        _canonical(full, group)
    labels = Counter[str]()
    for node in group:
        labels.update(node.labels)
    label = min(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    variants = sorted(set().union(*(n.variants for n in group)) | names)
    # an everyday word's names joined as one go by the first article's (:func:`_canonical` orders them so)
    identity = f"{canonical.family}|{canonical.name}" + (f"|{canonical.gazetteer}" if canonical.gazetteer else "")
    corpus_id = "ce" + hashlib.sha1(identity.encode()).hexdigest()[:12]
    counted = articles_of(corpus_id, group) if articles_of is not None else None
    return CorpusEntity(corpus_id=corpus_id, name=canonical.name, label=label, variants=variants,
                        evidence=sorted(evidence, key=lambda e: (e["a"], e["b"])),
                        articles=_article_count(group) if counted is None else counted, group=group)
