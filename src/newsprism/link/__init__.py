"""The link stage: what only a corpus shows (duplicates, lineage, stories, entities, claims, furniture).

:func:`link_corpus` recomputes every link table of a store in one
transaction; the other functions work on plain records and are what it uses.
"""

from __future__ import annotations

from ..decisions import Decision
from .claims import align_claims, quantity_of
from .duplicates import DupDoc, DuplicateGroup, find_duplicates
from .entities import CorpusEntity, resolve_entities
from .features import fold_name
from .furniture import FurnitureLine, learn_furniture
from .lineage import LineageLink, find_cues
from .run import LinkSummary, link_corpus
from .stories import StoryCluster, cluster_stories, story_similarity

__all__ = [
    "CorpusEntity", "Decision", "DupDoc", "DuplicateGroup", "FurnitureLine", "LineageLink", "LinkSummary",
    "StoryCluster", "align_claims", "cluster_stories", "find_cues", "find_duplicates", "fold_name",
    "learn_furniture", "link_corpus", "quantity_of", "resolve_entities", "story_similarity",
]
