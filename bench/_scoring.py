"""Scoring of extracted facts against the hand-annotated dev set (``bench/devset``).

Every scorer takes the gold items and the system items of ONE article as
plain dicts with character offsets (``start``, ``end``) into the same text,
and returns a :class:`Counts`; counts are summed over articles and turned into
precision, recall and F1 at the end (micro-average). The rules, also in
``bench/devset/README.md``:

1. entities: exact span and label (``exact``), or overlapping span and same label (``lenient``);
2. quotes: content spans overlap by at least half the tokens of the longer span
   (``detect``); and the speaker matches the gold speaker (``speaker``);
3. dates: spans overlap (``detect``, all types); value equal to the gold
   value, over DATE-type gold only (``exact``);
4. places: span overlaps and the point lies within 161 km of the gold point
   (``within_161km``);
5. claims: span overlaps and value within 0.5 % (``value``), plus the mean
   token F1 of the counted phrase over matched pairs.

Matching is one-to-one and greedy, best overlap first.

>>> c = score_entities([{"start": 0, "end": 5, "label": "GPE"}], [{"start": 0, "end": 5, "label": "GPE"}])
>>> c["exact"].f1
1.0
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Item = Mapping[str, Any]

_WORD = re.compile(r"[^\W_]+")
#: Great-circle distance accepted for a resolved place: 100 miles, as in the geoparsing literature.
PLACE_KM = 161.0
#: Relative tolerance on claim values.
VALUE_TOLERANCE = 0.005
#: Token overlap a quote must reach (of the longer span) to count as found.
QUOTE_OVERLAP = 0.5


@dataclass
class Counts:
    """True positives seen from each side, and the sizes of both sides."""

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold
        return self

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Precision, recall, F1 and the raw counts."""
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp_gold, "gold": self.n_gold, "pred": self.n_pred}


def tokens_in(text: str, start: int, end: int) -> set[int]:
    """Start offsets of the word tokens lying inside ``text[start:end]`` (token identity = its position)."""
    return {m.start() + start for m in _WORD.finditer(text[start:end])}


def char_overlap(a: Item, b: Item) -> int:
    """Number of characters two spans share."""
    return max(0, min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"])))


def token_overlap(a: Item, b: Item, text: str) -> float:
    """Shared tokens as a fraction of the tokens of the longer span (0 when either has none)."""
    ta, tb = tokens_in(text, a["start"], a["end"]), tokens_in(text, b["start"], b["end"])
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / max(len(ta), len(tb))


def greedy_match(gold: Sequence[Item], pred: Sequence[Item],
                 score: Callable[[Item, Item], float]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, pred index)`` with ``score > 0``, best score first."""
    scored = [(score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)]
    scored = [s for s in scored if s[0] > 0]
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _counts(n_gold: int, n_pred: int, ok: int) -> Counts:
    return Counts(tp_pred=ok, n_pred=n_pred, tp_gold=ok, n_gold=n_gold)


def score_entities(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Counts]:
    """Exact (span + label) and lenient (overlap + label) entity scores."""
    gold_set = {(g["start"], g["end"], g["label"]) for g in gold}
    pred_set = {(p["start"], p["end"], p["label"]) for p in pred}
    exact = _counts(len(gold_set), len(pred_set), len(gold_set & pred_set))
    pairs = greedy_match(gold, pred, lambda g, p: char_overlap(g, p) if g["label"] == p["label"] else 0)
    return {"exact": exact, "lenient": _counts(len(gold), len(pred), len(pairs))}


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _norm_name(name: str) -> str:
    name = re.sub(r"['\u2019]s$", "", name.strip())
    # compare without accents: "Erdogan" names "Erdoğan"
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = _WORD.findall(name.casefold())
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def speaker_matches(gold: str | None, pred: str | None, *, variants: Iterable[str] = ()) -> bool:
    """Whether a system speaker names the gold speaker.

    Accepted: the canonical name or one of its variants (case-insensitive,
    possessive ``'s`` dropped), or the same surname (last word). A gold speaker
    of ``None`` (unknown) is matched only by ``None``.

    >>> speaker_matches("Xavier Becerra", "Becerra")
    True
    >>> speaker_matches("Xavier Becerra", "Trump")
    False
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    want = {_norm_name(gold), *(_norm_name(v) for v in variants)} - {""}
    got = _norm_name(pred)
    if not got:
        return False
    if got in want:
        return True
    return got.split()[-1] == _norm_name(gold).split()[-1]


def quote_pairs(gold: Sequence[Item], pred: Sequence[Item], text: str) -> list[tuple[int, int]]:
    """Gold and system quotes matched by token overlap of at least ``QUOTE_OVERLAP``."""

    def overlap(g: Item, p: Item) -> float:
        value = token_overlap(g, p, text)
        return value if value >= QUOTE_OVERLAP else 0.0

    return greedy_match(gold, pred, overlap)


def score_quotes(gold: Sequence[Item], pred: Sequence[Item], text: str, *,
                 variants: Mapping[str, Sequence[str]] | None = None) -> dict[str, Counts]:
    """Quote detection (token overlap ≥ 0.5) and quote + speaker scores."""
    variants = variants or {}
    pairs = quote_pairs(gold, pred, text)
    with_speaker = sum(
        speaker_matches(gold[i].get("speaker"), pred[j].get("speaker"),
                        variants=variants.get(gold[i].get("speaker") or "", ()))
        for i, j in pairs
    )
    return {"detect": _counts(len(gold), len(pred), len(pairs)),
            "speaker": _counts(len(gold), len(pred), with_speaker)}


def score_dates(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Counts]:
    """Date detection (any overlap, all types) and exact normalised value over DATE-type gold.

    For ``exact``, system expressions matched to a non-DATE gold item are left
    out of the precision base (they are neither right nor wrong for DATE).
    """
    pairs = greedy_match(gold, pred, char_overlap)
    detect = _counts(len(gold), len(pred), len(pairs))
    is_date = [g.get("type", "DATE") == "DATE" for g in gold]
    off_type = sum(1 for i, _ in pairs if not is_date[i])
    right = sum(1 for i, j in pairs if is_date[i] and _same_value(gold[i]["value"], pred[j].get("value")))
    exact = _counts(sum(is_date), len(pred) - off_type, right)
    return {"detect": detect, "exact": exact}


def _same_value(gold: str, pred: Any) -> bool:
    return pred is not None and str(pred).strip() == gold


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(haversine_km(0, 0, 0, 1))
    111
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def place_distance(gold: Item, pred: Item) -> float | None:
    """Distance from a system point to the nearest accepted gold point, or ``None`` without coordinates."""
    if pred.get("lat") is None or pred.get("lon") is None:
        return None
    points = [(gold["lat"], gold["lon"]), *(tuple(p) for p in gold.get("alt", ()))]
    return min(haversine_km(lat, lon, float(pred["lat"]), float(pred["lon"])) for lat, lon in points)


def place_pairs(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """Gold and system places that overlap and lie within ``PLACE_KM``, the nearest first."""

    def score(g: Item, p: Item) -> float:
        if not char_overlap(g, p):
            return 0.0
        distance = place_distance(g, p)
        return 0.0 if distance is None or distance > PLACE_KM else 1.0 + 1.0 / (1.0 + distance)

    return greedy_match(gold, pred, score)


def score_places(gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Counts]:
    """Places found (overlap) and resolved within 161 km; precision over system places."""
    pairs = place_pairs(gold, pred)
    found = greedy_match(gold, pred, char_overlap)
    return {"within_161km": _counts(len(gold), len(pred), len(pairs)),
            "detect": _counts(len(gold), len(pred), len(found))}


def values_match(gold: float, pred: float | None) -> bool:
    """Whether a claim value is within 0.5 % of the gold value."""
    if pred is None:
        return False
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= VALUE_TOLERANCE * abs(gold)


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-words F1 between two phrases (0 when either is empty)."""
    ta, tb = _WORD.findall((a or "").casefold()), _WORD.findall((b or "").casefold())
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return 0.0
    p, r = common / len(tb), common / len(ta)
    return 2 * p * r / (p + r)


def claim_pairs(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """Gold and system claims matched by character overlap and value."""

    def score(g: Item, p: Item) -> float:
        overlap = char_overlap(g, p)
        return overlap if overlap and values_match(float(g["value"]), p.get("value")) else 0.0

    return greedy_match(gold, pred, score)


def score_claims(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[dict[str, Counts], list[float]]:
    """Claims matched by overlap and value; also the counted-phrase token F1 of each matched pair."""
    pairs = claim_pairs(gold, pred)
    counted = [token_f1(gold[i].get("counted"), pred[j].get("counted")) for i, j in pairs]
    return {"value": _counts(len(gold), len(pred), len(pairs))}, counted
