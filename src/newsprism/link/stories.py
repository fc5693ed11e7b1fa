"""Same-story clusters: articles about one event, across sources and days.

:func:`story_similarity` rates a pair of articles in [0, 1] from five
signals, all read after site notices are set aside (cookie walls and
access-block pages make unrelated pages alike): the cosine of multilingual
meaning vectors of headline and lead (:mod:`newsprism.link.semantic`), the
cosine of wordfreq-weighted vectors of word stems, the overlap of the names
(entities) and places they mention, title similarity, and closeness of their
publication dates. Meaning carries most weight: it holds across languages and
rewordings, where words and names tell apart two events of one kind; a pair
whose articles are each about someone the other never names (two companies'
results of one day) scores half (:func:`other_subjects`).

:func:`cluster_stories` blocks candidate pairs on shared names, places and
rare title words within a date window, scores them, and merges clusters by
average link: two clusters join only when their mean pair score (unscored
pairs count as zero) clears the threshold. Pairs are taken strongest first,
ties by id, so the clusters depend only on the set of articles.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..config import Settings
from ..model import Article
from .features import DocFeatures, Headed, cosine, features_of, idf, tokens
from .resources import TITLE_STOP

#: Weights of the signals when meaning vectors are available (see docs/link.md) ...
W_SEMANTIC, W_TEXT, W_NAMES, W_TITLE = 0.6, 0.2, 0.1, 0.1
#: ... and without them (the encoder is not installed).
W_TEXT_ONLY, W_NAMES_ONLY, W_TITLE_ONLY = 0.55, 0.25, 0.20
#: Days beyond which a pair is unlikely to be the same event.
DATE_SCALE = 4.0
#: How similar two articles must be to propose and to make a merge, how far apart in days they are compared,
#: and how many days a story may span are settings: ``story_threshold``, ``story_average`` (and their
#: ``_text_only`` twins for scores made without meaning vectors), ``story_window_days``, ``story_max_span_days``.
#: A blocking key shared by more articles than this is too common to block on.
MAX_POSTING = 400


@dataclass(slots=True)
class StoryCluster:
    """One story: its articles with their scores (mean similarity to the rest)."""

    story_id: str
    label: str
    start: str | None
    end: str | None
    sources: list[str]
    articles: dict[str, float] = field(default_factory=dict)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


#: What a pair's score is multiplied by when each article is about someone the other never names.
OTHER_SUBJECT = 0.5
#: Words of organisations' names that tell none apart.
_NAME_FILLER = frozenset({"corp", "co", "inc", "ltd", "plc", "group", "company", "the", "of", "and", "holdings",
                          "association", "international", "national"})


def _names_subject(doc: DocFeatures, subject: str) -> bool:
    """Whether ``doc`` names ``subject`` (a folded name), in full or by one of its telling words."""
    return subject in doc.names or not _telling_words(subject).isdisjoint(_name_words(doc.names))


# An article's names and subject are asked about for each of its candidate pairs, hundreds of times in a run
# that scores new articles against their candidates: their words and scripts are found once (#17). The caches
# keyed by an article's names hold a few thousand articles, those scored close together: one entry per article
# scored kept every name set of a run's candidates alive (18 MB adding 1,000 to 10,000, #17).
_ARTICLES_CACHED = 1 << 12
@lru_cache(maxsize=1 << 16)
def _telling_words(subject: str) -> frozenset[str]:
    """The words of a subject's name that may stand for it (not ``corp``, ``group``...)."""
    return frozenset(w for w in subject.split() if len(w) > 2 and w not in _NAME_FILLER)


@lru_cache(maxsize=_ARTICLES_CACHED)
def _name_words(names: frozenset[str]) -> frozenset[str]:
    """Every word of the names."""
    return frozenset(w for name in names for w in name.split())


@lru_cache(maxsize=1 << 16)
def _script(name: str) -> str:
    return "latin" if all(ord(c) < 0x250 for c in name if c.isalpha()) else "other"


@lru_cache(maxsize=_ARTICLES_CACHED)
def _scripts(names: frozenset[str]) -> frozenset[str]:
    """The scripts the names are written in."""
    return frozenset(_script(n) for n in names)


def other_subjects(a: DocFeatures, b: DocFeatures) -> bool:
    """Whether two articles are two events of one kind: each is about a person or organisation
    (:func:`newsprism.link.features.subject_of`) the other never names, as two companies' quarterly results
    published on one day are. Names in another script than the other's names are no evidence: names are
    not transliterated across scripts."""
    if not a.subject or not b.subject or _names_subject(b, a.subject) or _names_subject(a, b.subject):
        return False  # most pairs that get here name each other's subject: the script test is left for the rest
    return _script(a.subject) in _scripts(b.names) and _script(b.subject) in _scripts(a.names)


def feature_similarity(a: DocFeatures, b: DocFeatures) -> float:
    """Story similarity of two precomputed feature sets, in [0, 1]."""
    text = cosine(a.vector, b.vector)
    names = _overlap(a.names | a.places, b.names | b.places)
    title = cosine(a.title_vector, b.title_vector) if a.title and b.title else text
    if a.semantic is not None and b.semantic is not None:
        meaning = max(0.0, float(a.semantic @ b.semantic))
        score = W_SEMANTIC * meaning + W_TEXT * text + W_NAMES * names + W_TITLE * title
    else:
        score = W_TEXT_ONLY * text + W_NAMES_ONLY * names + W_TITLE_ONLY * title
    if a.day and b.day:
        days = abs((a.day - b.day).days)
        score *= 0.6 + 0.4 * math.exp(-days / DATE_SCALE)
    else:
        score *= 0.8
    if other_subjects(a, b):
        score *= OTHER_SUBJECT
    return max(0.0, min(1.0, score))


def story_similarity(a: Article, b: Article) -> float:
    """How likely two articles tell the same story, in [0, 1].

    Works on bare articles (text, title, published) and uses entities and
    places when the extract stages filled them in.

    >>> from newsprism.model import Article
    >>> x = Article(id="a", text="Floods hit Galati on the Danube.", title="Danube floods")
    >>> story_similarity(x, x) > 0.7
    True
    """
    return feature_similarity(*features_of([a, b]))


def story_keys(doc: DocFeatures) -> set[str]:
    """The blocking keys of an article: ``n:`` its names, ``p:`` its places, ``t:`` its rare title words."""
    keys = {"n:" + n for n in doc.names} | {"p:" + p for p in doc.places}
    for word in tokens(doc.title):
        if word not in TITLE_STOP and len(word) > 3 and idf(word) >= 9.0:
            keys.add("t:" + word)
    return keys


def candidate_pairs(docs: Sequence[DocFeatures], *, window_days: int | None = None,
                    crowded: Collection[str] = ()) -> set[tuple[str, str]]:
    """Pairs sharing a blocking key, published within ``window_days`` (default the setting
    ``story_window_days``) or undated; keys of more than :data:`MAX_POSTING` articles, or in ``crowded``
    (keys of that many articles in the whole corpus, when ``docs`` are part of it), make no pairs."""
    window_days = Settings().story_window_days if window_days is None else window_days
    postings: dict[str, list[DocFeatures]] = {}
    for doc in docs:
        for key in story_keys(doc):
            postings.setdefault(key, []).append(doc)
    pairs: set[tuple[str, str]] = set()
    for key in sorted(postings):
        posting = sorted(postings[key], key=lambda d: (d.day.toordinal() if d.day else 0, d.id))
        if len(posting) > MAX_POSTING or key in crowded:
            continue
        for i, a in enumerate(posting):
            for b in posting[i + 1:]:
                if a.day and b.day and (b.day - a.day).days > window_days:
                    break
                pairs.add((min(a.id, b.id), max(a.id, b.id)))
    return pairs


def score_pairs(docs: Iterable[DocFeatures], *, settings: Settings,
                crowded: Collection[str] = ()) -> dict[tuple[str, str], float]:
    """Story similarity of every candidate pair (:func:`candidate_pairs`) of ``docs``."""
    by_id = {d.id: d for d in docs}
    return {(a, b): feature_similarity(by_id[a], by_id[b])
            for a, b in candidate_pairs(list(by_id.values()), window_days=settings.story_window_days,
                                        crowded=crowded)}


def cluster_stories(docs: Iterable[DocFeatures], *, threshold: float | None = None,
                    average: float | None = None, must_link: Iterable[tuple[str, str]] = (),
                    settings: Settings | None = None, crowded: Collection[str] = (),
                    scored: Mapping[tuple[str, str], float] | None = None) -> list[StoryCluster]:
    """Average-link clusters of two or more articles.

    Args:
        docs: Article features (any order).
        threshold: Minimum pair similarity that proposes merging two clusters (default the setting
            ``story_threshold``, or ``story_threshold_text_only`` when no article has a meaning vector).
        average: Minimum mean similarity over all cross pairs for the merge to happen (default
            ``story_average``, or ``story_average_text_only``).
        must_link: Pairs that belong together whatever their score (duplicates).
        settings: Where the thresholds, ``story_window_days`` and ``story_max_span_days`` are read.
        crowded: Blocking keys too common in the whole corpus to block on (see :func:`candidate_pairs`).
        scored: The candidate pairs of ``docs`` already scored (:func:`score_pairs`), when the caller has them.

    Returns:
        Stories sorted by start date, then id.
    """
    settings = settings or Settings()
    by_id = {d.id: d for d in sorted(docs, key=lambda d: d.id)}
    meaning = any(d.semantic is not None for d in by_id.values())
    if threshold is None:
        threshold = settings.story_threshold if meaning else settings.story_threshold_text_only
    if average is None:
        average = settings.story_average if meaning else settings.story_average_text_only
    scores = dict(scored) if scored is not None else score_pairs(by_id.values(), settings=settings, crowded=crowded)
    return merge_stories(scores, by_id, must_link=[(a, b) for a, b in must_link if a in by_id and b in by_id],
                         threshold=threshold, average=average, settings=settings)


def merge_stories(scores: dict[tuple[str, str], float], feats: Mapping[str, DocFeatures], *,
                  must_link: Iterable[tuple[str, str]], threshold: float, average: float, settings: Settings,
                  unscored: Callable[[list[list[str]]], Iterable[tuple[str, str]]] | None = None
                  ) -> list[StoryCluster]:
    """The average-link merges of :func:`cluster_stories` from scored pairs: only the pairs reaching
    ``threshold`` (and ``must_link``'s) propose merges, so ``scores`` may hold only those (the stored story
    edges of an incremental run, #17); the features of an article are looked up only when a merge reaches it.

    Args:
        scores: Scored pairs ``(a, b)``, ``a < b``, of articles of ``feats`` (changed in place: cross pairs
            scored while merging are added).
        feats: Features by id (a mapping that may read them on demand).
        must_link: Pairs of articles of ``feats`` that belong together whatever their score.
        threshold: See :func:`cluster_stories`.
        average: See :func:`cluster_stories`.
        settings: Where ``story_max_span_days`` is read.
        unscored: Given the stories' members, their candidate pairs missing from ``scores`` (when ``scores``
            holds only the pairs over the threshold): they are scored, so each member's mean counts them as
            a run that scored every candidate pair does.
    """
    for a, b in must_link:
        scores[(min(a, b), max(a, b))] = 1.0
    cluster_of: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for (a, b), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):  # a snapshot: later scores are extra
        if score < threshold:
            break
        for i in (a, b):
            if i not in cluster_of:  # an article no pair over the threshold reached so far: a cluster of its own
                cluster_of[i], members[i] = i, [i]
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        if joins(members[ca], members[cb], score, scores, feats, average=average, threshold=threshold,
                 settings=settings):
            keep, gone = min(ca, cb), max(ca, cb)
            for member in members[gone]:
                cluster_of[member] = keep
            members[keep] += members.pop(gone)
    found = [sorted(ids) for ids in members.values() if len(ids) > 1]
    for x, y in unscored(found) if unscored is not None and found else ():
        scores[(x, y)] = feature_similarity(feats[x], feats[y])
    stories = [story_cluster(ids, feats, scores) for ids in found]
    return sorted(stories, key=lambda s: (s.start or "", s.story_id))


def joins(a: list[str], b: list[str], score: float, scores: dict[tuple[str, str], float],
          feats: Mapping[str, DocFeatures], *, average: float, threshold: float, settings: Settings,
          heads: Mapping[str, Headed] | None = None) -> bool:
    """Whether clusters ``a`` and ``b`` merge through a pair of theirs scoring ``score``: a duplicate pair
    (1.0) always does; else their span must stay within ``story_max_span_days`` and their mean pair score (the
    cross pairs missing from ``scores`` are scored and added, in ``a`` then ``b`` order) reach ``average``.

    An undated article's time is unknown, so the story window never kept it from an event of its kind on
    another day (#17):

    1. when both clusters hold dated articles, their dated articles' cross pairs alone must reach
       ``average``: undated members may join a story, never be what bridges two dated events;
    2. when only one cluster holds dated articles, the undated cluster joins it on the evidence a single pair
       needs to propose a merge: a mean of ``threshold``. Two undated clusters merge as two dated ones do.

    ``heads``: where the members' days are read (default ``feats``): the features of ``feats`` are looked up only
    for the cross pairs scored here.
    """
    if score >= 1.0:
        return True
    heads = feats if heads is None else heads
    if _span(a + b, heads) > settings.story_max_span_days:
        return False
    mean = _average_link(a, b, scores, feats)
    dated_a, dated_b = [x for x in a if heads[x].day], [y for y in b if heads[y].day]
    if dated_a and dated_b:
        # 1.
        return mean >= average and (len(dated_a) + len(dated_b) == len(a) + len(b)
                                    or _average_link(dated_a, dated_b, scores, feats) >= average)
    # 2.
    return mean >= (threshold if dated_a or dated_b else average)


def _span(ids: list[str], by_id: Mapping[str, Headed]) -> int:
    """Days between the first and the last dated article."""
    days = [d.toordinal() for i in ids if (d := by_id[i].day)]
    return max(days) - min(days) if days else 0


def _average_link(a: list[str], b: list[str], scores: dict[tuple[str, str], float],
                  by_id: Mapping[str, DocFeatures]) -> float:
    total = 0.0
    known = scores.get  # a replayed merge asks this of every pair across two clusters (#17)
    prefetch = getattr(by_id, "prefetch", None)
    if prefetch is not None:
        # a mapping that reads features on demand and lets them go reads those of the pairs to score in one batch
        prefetch({i for x in a for y in b if known((x, y) if x < y else (y, x)) is None for i in (x, y)})
    for x in a:
        for y in b:
            pair = (x, y) if x < y else (y, x)
            if (score := known(pair)) is None:  # not blocked together: score it now, once
                score = scores[pair] = feature_similarity(by_id[x], by_id[y])
            total += score
    return total / (len(a) * len(b))


#: Quotation marks that open and that close a quotation (a straight mark does both).
_OPENING = frozenset("\"'“‘«„‚")
_CLOSING = frozenset("\"'”’»“")
#: Marks whose one end alone says a quotation (a guillemet alone is a list's or a breadcrumb's: "» Books").
_DOUBLE = frozenset("\"“”„")


def pull_quote(title: str) -> bool:
    """Whether a title is a quotation, not a headline: wholly quoted ("'Pluralism and openess '", "“We will
    not leave”"), or the open or closed end of one, its other mark elsewhere ('The politicians failed us.
    "') (#17).

    >>> pull_quote("'Pluralism and openess '"), pull_quote('"We will win": Greek students march on')
    (True, False)
    >>> pull_quote("Obama's plan"), pull_quote('The politicians failed us. "')
    (False, True)
    """
    text = title.strip().rstrip(" .,;:!?…")
    if len(text) < 2:
        return False
    if text[0] in _OPENING and text[-1] in _CLOSING:
        # one quotation, not two quoted names with words between ("‘Black Lives Matter’ Sends ... ‘Instead Of’");
        # a mark before a letter is an apostrophe ("'It's over'")
        return next(i for i in range(1, len(text)) if text[i] in _CLOSING and (
            i + 1 == len(text) or not text[i + 1].isalnum())) == len(text) - 1
    doubles = [c for c in text if c in _DOUBLE]
    return len(doubles) == 1 and (text[0] in _DOUBLE or text[-1] in _DOUBLE)


def _label_rank(title: str) -> int:
    """0 for a headline, 1 for no title (the first sentence stands in), 2 for a pull quote."""
    return 1 if not title else 2 if pull_quote(title) else 0


def story_cluster(ids: list[str], by_id: Mapping[str, Headed], scores: Mapping[tuple[str, str], float]
                  ) -> StoryCluster:
    """The story of these members (sorted): its id (a hash of them), label, dates, sources and each member's
    mean score with the others (a pair missing from ``scores`` counts as zero)."""
    mean = {i: sum(scores.get((min(i, j), max(i, j)), 0.0) for j in ids if j != i) / (len(ids) - 1) for i in ids}
    days = sorted(d.isoformat() for i in ids if (d := by_id[i].day))
    central = min(ids, key=lambda i: (-round(mean[i], 6), not by_id[i].title, i))
    # the most central article with a title names the story; else the most central one's first sentence; a
    # title that is a quotation last (a pull quote says what someone said, not what happened: "'Pluralism and
    # openess '", beside members of no title whose first sentences say what happened)
    named = min(ids, key=lambda i: (_label_rank(by_id[i].title), -round(mean[i], 6), i))
    sources = sorted({s for i in ids if (s := by_id[i].site)})
    return StoryCluster(story_id="s" + hashlib.sha1(" ".join(ids).encode()).hexdigest()[:12],
                        label=by_id[named].headline or central, start=days[0] if days else None,
                        end=days[-1] if days else None, sources=sources,
                        articles={i: round(mean[i], 4) for i in ids})
