"""What a pronoun or a generic noun phrase stands for, for speaker resolution (#13).

1. Each person's gender is read from the article: a title or role word at a
   mention ("Mrs. Lopez", "Lopez, a congresswoman") counts three votes; a
   gendered pronoun later in a sentence where that person is the only one named
   ("Lopez said her plan ...") or opening the next sentence ("She ...") counts
   one. A full name's first name counts six, two titles' worth, when nearly
   everyone given it is of one sex (``data/first_names.tsv.gz``, from US birth
   records: "Donald", "Melanie"; not "Jordan" or "Chris"), so that a story
   about an unnamed woman whose "she" falls after "Donald Trump" does not make
   him a woman. No votes, or a tie, leaves the gender open: such a person
   agrees with any pronoun.
2. A pronoun agrees in gender and number: "he"/"she" only with a person of that
   gender or an open one, "they" only with an organisation or a group
   (a named person is one person), "it" only with an organisation.
3. A generic noun phrase ("the agency", "the team") stands for the one
   organisation named before it whose name holds the noun ("the authority":
   the Harbor Authority), else for the only organisation named in the last few
   sentences; with two or more to choose from it stands for none.
4. A credit or byline line (a name alone on its line, "Photo: ...") and a
   dateline ("WASHINGTON (AFP) –") name no speaker: their mentions are never
   candidates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..first_names import first_name_genders
from ..model import Mention
from ._lexicon import FEMALE_PRONOUNS, FEMALE_WORDS, MALE_PRONOUNS, MALE_WORDS, PLURAL_PRONOUNS, STATE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Votes a title or role word is worth against one pronoun.
_TITLE_VOTES = 3
#: Votes a full name's first name is worth, when the birth records give it to one sex.
_FIRST_NAME_VOTES = 6
#: Sentences back in which an organisation must be the only one for "the agency" to stand for it.
ORG_WINDOW_SENTENCES = 4
_CREDIT = re.compile(r"^\W*(?:photo|image|picture|video|credit|graphic)s?\b|\b(?:getty images|ap photo|shutterstock)\b",
                     re.IGNORECASE)
#: A credit or byline is a short line ("Photo: Jane Doe"); longer ones are prose.
_CREDIT_MAX_WORDS = 8
_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2}\s")


def pronoun_gender(word: str) -> str | None:
    """``"m"``, ``"f"`` or ``"pl"`` for a gendered or plural pronoun, else ``None``."""
    lower = word.lower()
    if lower in MALE_PRONOUNS:
        return "m"
    if lower in FEMALE_PRONOUNS:
        return "f"
    return "pl" if lower in PLURAL_PRONOUNS else None


def name_gender(name: str) -> str | None:
    """The gender of a full name's first name ("Donald Trump": ``"m"``), else ``None`` (one word, or a first name
    given to both sexes)."""
    words = name.split()
    if len(words) < 2:
        return None  # "Clinton", "Carson": a surname alone may be someone's first name
    return first_name_genders().get(words[0].lower())


def person_genders(doc: Doc, by_token: dict[int, Mention], *, is_person: Callable[[Mention], bool],
                   in_quote: Callable[[int], bool], names: Mapping[str, str] | None = None) -> dict[str, str]:
    """Gender (``"m"`` or ``"f"``) of each person entity the article gives evidence for; ``names`` are the person
    entities' canonical names by id."""
    votes: dict[str, Counter[str]] = {}
    for entity, name in (names or {}).items():
        gender = name_gender(name)
        if gender:
            votes.setdefault(entity, Counter())[gender] += _FIRST_NAME_VOTES
    for i, mention in by_token.items():
        if not is_person(mention) or mention.entity is None:
            continue
        token = doc[i]
        words = [doc[j].lower_ for j in range(max(0, i - 3), i)]
        words += [c.lower_ for c in token.children if c.dep_ == "appos"]
        words += [token.head.lower_] if token.dep_ == "appos" else []
        for word in words:
            gender = "m" if word in MALE_WORDS else "f" if word in FEMALE_WORDS else None
            if gender:
                votes.setdefault(mention.entity, Counter())[gender] += _TITLE_VOTES
    previous_only: str | None = None
    for sent in doc.sents:
        people = {m.entity for t in sent if (m := by_token.get(t.i)) is not None and is_person(m)
                  and m.entity is not None and not in_quote(t.idx)}
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is not None and previous_only is not None and first.dep_ in {"nsubj", "nsubjpass"}:
            _vote(votes, previous_only, first)
        only = next(iter(people)) if len(people) == 1 else None
        if only is not None:
            seen = False
            for t in sent:
                named = by_token.get(t.i)
                seen = seen or (named is not None and named.entity == only)
                if seen and named is None and not in_quote(t.idx):
                    _vote(votes, only, t)
        previous_only = only
    return {entity: count.most_common(1)[0][0] for entity, count in votes.items()
            if len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1]}


def _vote(votes: dict[str, Counter[str]], entity: str, token: Token) -> None:
    gender = pronoun_gender(token.text)
    if gender in {"m", "f"} and token.pos_ == "PRON":
        votes.setdefault(entity, Counter())[gender or ""] += 1


def agrees(pronoun: str, label: str, gender: str | None) -> bool:
    """Whether an entity of ``label`` (and ``gender`` when a person) can be ``pronoun``'s antecedent."""
    wanted = pronoun_gender(pronoun)
    lower = pronoun.lower()
    if wanted in {"m", "f"}:
        return label == "PERSON" and gender in {None, wanted}
    if wanted == "pl":
        return label in {"ORG", "NORP"}
    if lower in {"it", "its"}:
        return label == "ORG"
    return True


def generic_org(token: Token, candidates: Sequence[Mention], *, window_start: int) -> Mention | None:
    """The organisation a generic noun phrase headed by ``token`` stands for, when only one fits.

    Args:
        token: The head noun ("agency" of "the agency").
        candidates: Organisation mentions before the phrase, in text order.
        window_start: Character offset where the last few sentences begin.
    """
    noun = token.lemma_.lower()
    holding = _distinct(m for m in candidates if noun in (m.text.lower().split()))
    if len(holding) == 1:
        return holding[0]
    if holding:
        return None
    recent = _distinct(m for m in candidates if m.start >= window_start)
    return recent[0] if len(recent) == 1 else None


def _distinct(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention (the last) per entity."""
    last: dict[str, Mention] = {}
    for mention in mentions:
        last[mention.entity or mention.text] = mention
    return list(last.values())


def credit_line(line: str, mention_text: str) -> bool:
    """Whether ``line`` is a photo credit or byline rather than prose ("Photo: Jane Doe", a name alone)."""
    words = line.split()
    if not words or len(words) > _CREDIT_MAX_WORDS:
        return False
    bare = line.strip(" \t.,;:|/-–—()")
    return bool(_CREDIT.search(line)) or bare == mention_text or bare.lower() == f"by {mention_text.lower()}"


def dateline(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``start:end`` opens its paragraph as a dateline ("Washington (AFP) – ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(_DATELINE_TAIL.match(text[end:end + 60]))


#: How a place or a nationality modifies the noun whose owner it only names ("US officials", "Russia's army").
_WHOSE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def only_says_whose(noun: Token, modifier: Token) -> bool:
    """Whether a place or nationality ``modifier`` only says whose ``noun`` is: "US officials said", "Russian
    officials said" are spoken by officials, not by the United States or Russia; a country's state speaks for
    it ("the Chinese government said"). Shared by the quote and claims stages, so a quote and a figure of one
    sentence have one source (#17)."""
    return (noun.pos_ == "NOUN" and modifier.head == noun and modifier.dep_ in _WHOSE_DEPS
            and noun.lemma_.lower() not in STATE_NOUNS)
