"""Reading the dependency parse around a quote and its cue, for :mod:`._speakers`.

Noun phrases and the verbs above them, a cue's own phrase and the clause it
reports, listeners and media after a cue ("told Reuters", "said on CNN"), a
placeholder "it" ("it is clear that …"), conjoined names before a relative
"who", and the quote lines that read as an interview's turn labels.
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import TYPE_CHECKING

from ._lexicon import ORG_PRONOUNS, REPORT_VERBS, ROLE_NOUNS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Cue verbs whose object is the listener ("told Reuters"), and prepositions before a listener or medium.
TELLING = frozenset({"tell", "inform", "ask", "brief", "assure", "warn", "remind"})
_MEDIUM_PREPS = frozenset({"to", "with", "in", "on"})
_INDEFINITE = frozenset({"a", "an", "another", "some", "one"})
#: A cue's own phrase between it and the comma that resumes its content ("the agency said in a June report,").
_CUE_PHRASE_MAX_TOKENS = 8
#: Participles that cite a source or a reason as speech does ("…, citing the strategic importance of …").
_CITING = frozenset({"cite", "argue", "reason", "explain"})
#: Verbs whose "it" holds the place of the clause after them ("it is clear that …", "it seems …", "it takes time to …").
_EXTRAPOSING = frozenset({"be", "seem", "appear", "take", "remain", "become"})
#: Steps up from the last word of an appositive ("Baghdad" of "Warren, a military spokesman in Baghdad,") to the
#: name it describes, and the links it may climb.
APPOSITIVE_STEPS = 5
#: Nouns that state what their owner said, as a speech verb does: "Trump’s claim that …" (#13).
NOMINAL_CUES = frozenset({"claim", "claims", "assertion", "assertions", "allegation", "allegations", "accusation",
                          "accusations", "warning", "warnings", "insistence", "argument", "statement", "promise",
                          "pledge", "suggestion", "contention", "admission", "denial", "prediction", "vow"})
#: Nouns of a person who speaks for another: "the Tesla spokesman" speaks for Tesla.
_SPEAKING_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def turn_label(text: str, start: int, end: int) -> bool:
    """Whether a name is the label of a turn of an interview's transcript ("((WN)) Had the federation ever
    warned you?", "((Dorsa Derakhshani)) Well, ..."): it names who speaks the turn, and is no antecedent of a
    "they" or "it" in the prose, nor a speaker found by its place in the text. The demo's Wikinews interviews
    gave the interviewer "WN" 24 quotes its guests told within their own answers (#13).

    >>> text = "((WN)) Why? ((Dorsa Derakhshani)) Well, they said no."
    >>> turn_label(text, 2, 4), turn_label(text, 14, 31), turn_label("WN said", 0, 2)
    (True, True, False)
    """
    return text.startswith("((", max(0, start - 2)) and text.startswith("))", end)


def nouns_above(noun: Token) -> list[Token]:
    """``noun`` and the nouns it hangs from through "of"-like phrases and appositives, outermost first: "Marc H.
    Morial, the chief executive of the National Urban League" from "League" is Morial, executive, League."""
    chain = [noun]
    for _ in range(APPOSITIVE_STEPS):
        node = chain[-1]
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in {"NOUN", "PROPN"}:
            chain.append(node.head.head)
        elif node.dep_ == "appos" and node.head != node and node.head.pos_ in {"NOUN", "PROPN"}:
            chain.append(node.head)
        else:
            break
    return chain[::-1]


def noun_phrase(tokens: list[Token]) -> list[Token]:
    """The noun phrase that opens ``tokens`` ("the woman" of "the woman who …"), up to its last noun."""
    run = list(itertools.takewhile(lambda t: t.pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} or t.text == "-",
                                   tokens))
    while run and run[-1].pos_ not in {"NOUN", "PROPN"}:
        run.pop()
    return run


def verb_above(token: Token) -> Token | None:
    """The verb a noun phrase hangs from, within a few steps ("emailed [supporters]", "sent [an email to …]")."""
    node = token
    for _ in range(3):
        if node.dep_ not in {"dobj", "pobj", "prep", "dative", "conj"} or node.head == node:
            return None
        node = node.head
        if node.pos_ == "VERB":
            return node
    return None


def tail_after_cue(cue: Token, content: list[Token], para_end: int) -> list[Token]:
    """ "The difference now, he told me on Friday, is that …", "Though that transition was relatively seamless, he
    said, replacing Clinton would be …", "The middle one-fifth paid 8.9 percent, the agency said in a June report,
    and those in the bottom fifth …": a cue set off by commas in the middle of its sentence reports the words
    after it too, which the parse hung on the cue (#13), when the words before it cannot stand alone (no verb, or
    a clause opening with "though", "if", "when") or the words after it open with "and" or "but". A clause
    after it that the words before do not need is the writer's ("…, lawmakers said Friday, as they bristled at
    …"); so is the words after an inverted cue's speaker ("…, said Brian Baker, a longtime …") and a new cue
    ("…, he said, adding that …")."""
    if not content or content[-1].i >= cue.i or not any(c.dep_ in SUBJECTS and c.i < cue.i for c in cue.children):
        return []
    sent = cue.sent
    comma = next((t for t in cue.doc[cue.i + 1:min(sent.end, cue.i + 1 + _CUE_PHRASE_MAX_TOKENS)] if t.text == ","),
                 None)
    if comma is None or comma.idx >= para_end:
        return []
    tail = before_dash([t for t in cue.doc[comma.i + 1:sent.end] if t.idx < para_end])
    words = [t for t in tail if not (t.is_punct or t.is_space)]
    if len(words) < 3 or opens_cue(words[0]):
        return []
    opening = next((t for t in content if not (t.is_punct or t.is_space)), content[0])
    incomplete = not any(t.pos_ in {"VERB", "AUX"} for t in content) or (
        opening.pos_ == "SCONJ" or opening.dep_ == "mark") and opening.lower_ not in {"that", "as"}
    return tail if incomplete or words[0].lower_ in {"and", "but"} else []


def joined_complements(complement: Token, complements: list[Token]) -> list[Token]:
    """The words of ``complement`` and of the clauses the parse hung beside it on the same cue, right after it or
    joined to it by "and" or "but" ("Flynn said Trump has “enormous respect” for the military and his rubble
    comment was instead an expression of frustration", parsed as two complements of "said", the second's subject
    in the first): one content, not its first half."""
    tokens = list(complement.subtree)
    for other in sorted(c for c in complements if c.i > complement.i):
        last = next(t for t in reversed(tokens) if not t.is_punct or t == tokens[0])
        between = complement.doc[last.i + 1:other.left_edge.i]  # a comma closing the clause is between them
        if between and not (all(t.is_punct and t.text == "," or t.dep_ == "cc" for t in between)
                            and any(t.dep_ == "cc" for t in between)):
            break
        tokens = [*tokens[:tokens.index(last) + 1], *between, *other.subtree]
    return tokens


def judged(verb: Token) -> bool:
    """ "The Trump campaign called the charges unsubstantiated", "She called the decision a mistake": "call" with an
    object and what the object is called, a judgement reported as the subject's, with or without quote marks. A name
    as what it is called ("His parents called him John") names, and reports nothing."""
    return verb.lemma_.lower() == "call" and any(c.dep_ == "dobj" for c in verb.children) \
        and any(c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} and c.pos_ != "PROPN" for c in verb.children)


def gerund(verb: Token) -> Token | None:
    """ "Mr. Kasich reported having $1.3 million in cash on hand", "he denied having met the ambassador", "she recalled
    seeing him at the rally": a gerund after a speech verb is what it reports, as a clause is (#13). An infinitive
    ("said to be") or a participle of another clause is not."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)


def unquoted(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether words of ``text[start:end]`` stand outside every one of ``quotes``."""
    chars = list(text[start:end])
    for q_start, q_end in quotes:
        for i in range(max(q_start, start), min(q_end, end)):
            chars[i - start] = " "
    return any(c.isalnum() for c in "".join(chars))


def a_name(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are one proper name ("Trump", "the Clinton Foundation", "Donald Trump's"), punctuation aside."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    return any(t.pos_ == "PROPN" for t in words) and all(t.pos_ in {"PROPN", "DET", "PART"} for t in words)


def before_semicolon(tokens: list[Token]) -> list[Token]:
    """Content up to a semicolon: what follows it is a clause of its own ("Republicans said the timing was not
    intentional; they only learned on Friday of the arrangements"), the writer's, not the speaker's."""
    cut = next((k for k, t in enumerate(tokens) if t.text == ";"), len(tokens))
    return tokens[:cut]


def before_next_cue(tokens: list[Token]) -> list[Token]:
    """Content up to a comma and a participle that cues more speech ("…, citing the strategic importance of …",
    "…, saying that “…”"), or up to "and" and a speech verb with no subject of its own ("said he would order a
    review of the nation’s computer defenses and warned against potential hackers", where the parse hung the
    second verb on the content's): what follows is another attribution of the same speaker (#13)."""
    for k in range(3, len(tokens) - 1):
        if tokens[k].text == "," and opens_cue(tokens[k + 1]) or tokens[k].dep_ == "cc" and conjoined_cue(tokens[k + 1]):
            return tokens[:k]
    return tokens


def conjoined_cue(token: Token) -> bool:
    """Whether ``token`` is a finite speech verb with no subject of its own ("… and warned against …")."""
    return (token.tag_ in {"VBD", "VBZ"} and token.lemma_.lower() in REPORT_VERBS
            and not any(c.dep_ in SUBJECTS for c in token.children))


def opens_cue(token: Token) -> bool:
    """Whether ``token`` is a participle of a speech verb ("adding", "saying", "citing", "arguing")."""
    return token.tag_ == "VBG" and (token.lemma_.lower() in SPEECH_VERBS or token.lemma_.lower() in _CITING)


def before_dash(tokens: list[Token]) -> list[Token]:
    """``tokens`` up to a dash set off by spaces, after which the writer speaks ("… – a metaphor for …")."""
    dash = next((k for k, t in enumerate(tokens) if t.text in {"—", "–", "--"} or t.text == "-" and t.whitespace_),
                len(tokens))
    return tokens[:dash]


@cache
def nominal_ids() -> frozenset[int]:
    """The string ids of :data:`NOMINAL_CUES`, as the parse's arrays hold them (the same in every vocabulary)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(word) for word in NOMINAL_CUES)


def points_out(verb: Token) -> bool:
    """ "Politifact then pointed out that one shooting may have more than one victim": "point out" reports what it
    points out, as "note" does (#13); "point" alone ("pointed at the crowd") reports nothing."""
    return verb.lemma_.lower() == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def puts_it(verb: Token) -> bool:
    """ "As Steven M. Rosenthal … put it, “…”", "as a Homeland Security memo put it": "put it" cues speech (#13)."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def whose_person(noun: Token, named: Token) -> bool:
    """Whether ``named`` only says whose person ``noun`` is: "Clinton’s campaign manager said", "said University of
    California, San Diego's chancellor", "the Wooster professor added" are spoken by the manager, the chancellor and
    the professor, never by Clinton, the university or Wooster (#13). A name in a phrase or an appositive ("the
    chancellor, Pradeep Khosla") does not count; nor does the company of a spokesman, who speaks for it."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in ROLE_NOUNS or lemma in _SPEAKING_FOR or named == noun:
        return False
    node = named
    while node != noun:
        if node.dep_ not in {"compound", "poss", "amod", "nmod", "case", "flat"} or node.head == node:
            return False
        node = node.head
    return True


def marked(text: str) -> bool:
    """Whether ``text`` holds a quote mark (a fragment the quote scan left out as a scare quote)."""
    return any(mark in text for mark in "“”«»\"") or "''" in text


def opens_clause(verb: Token) -> bool:
    """Whether only punctuation or adverbs stand before ``verb`` in its sentence ("Added Stone: …")."""
    return all(t.is_punct or t.is_space or t.pos_ in {"ADV", "CCONJ"} for t in verb.doc[verb.sent.start:verb.i])


def described_subject(token: Token, cue: Token) -> bool:
    """Whether ``token`` is ``cue``'s own subject and an indefinite noun phrase ("a man", "an intelligence source",
    "one of two witnesses"): someone the article does not name, so no name further on can be them."""
    following = token.doc[token.i + 1:token.i + 2]  # empty when the text ends on the subject ("…,” said a man")
    if token.head != cue or token.dep_ not in SUBJECTS or following.text == "-":  # "Another co-author, …"
        return False
    if token.lower_ == "one":
        return True
    dets = [c.lower_ for c in token.children if c.dep_ in {"det", "poss"}]
    # "analysts said", "aides said": a bare plural is a group the article leaves unnamed
    return token.pos_ == "NOUN" and (bool(set(dets) & _INDEFINITE) or token.tag_ == "NNS" and not dets)


def expletive(token: Token) -> bool:
    """Whether "it" only holds the place of a clause that follows: "it's fair to say that …", "It should be noted
    that …", "it is said", "it takes time to …", "It seems …". Such an "it" stands for no one and says nothing (#13)."""
    verb = token.head
    if token.dep_ == "expl" or token.dep_ == "nsubjpass":
        return True
    return (token.dep_ == "nsubj" and verb.lemma_.lower() in _EXTRAPOSING
            and any(c.dep_ in {"ccomp", "xcomp", "csubj"} and c.i > verb.i for c in verb.children))


def last_conjunct_before(noun: Token, relative: Token) -> Token:
    """The conjunct of ``noun``'s coordination that ends right before the relative pronoun: "celebrities like Oprah
    Winfrey, Will Smith … and Stevie Wonder, who joked …" describes Stevie Wonder wherever the parse hung "who" (#13)."""
    before = relative.i - 1 if relative.i and relative.doc[relative.i - 1].text == "," else relative.i
    head = relative.doc[before - 1] if before else noun
    while head.dep_ in {"compound", "flat"} and head.head.i > head.i:
        head = head.head
    return head if head.dep_ == "conj" and noun in head.ancestors and head.i > noun.i else noun


def pronoun_subject(token: Token, cue: Token) -> bool:
    """Whether ``token`` is "it" or "they" as ``cue``'s own subject ("Bob, they said, ordered them to wait"): it speaks
    even when it stands for no one the article names, before any name in the clause it reports (#13)."""
    return token.head == cue and token.dep_ in SUBJECTS and token.lower_ in ORG_PRONOUNS


def listener(token: Token, cue: Token) -> bool:
    """Whether ``token`` is who was spoken to or where ("told Reuters", "said in an interview with
    National Geographic", "wrote on Twitter"), not who spoke."""
    head = token
    while head.dep_ in {"compound", "flat", "amod", "det", "poss"} and head.head != head:
        head = head.head
    if head.head == cue and head.dep_ in {"dobj", "dative"} and cue.lemma_.lower() in TELLING:
        return True
    node, steps = head, 0
    while node.head != node and node != cue and steps < 6:
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in _MEDIUM_PREPS:
            return True
        node, steps = node.head, steps + 1
    return False


def in_phrase(token: Token, cue: Token) -> bool:
    """Whether ``token`` sits in a prepositional or possessive phrase on its way up to ``cue``."""
    node, steps = token, 0
    while node.head != node and node != cue and steps < 6:
        if node.dep_ in {"pobj", "poss"}:
            return True
        node, steps = node.head, steps + 1
    return False


def called_for_clause(verb: Token) -> list[Token]:
    """ "Clinton is calling for the United States to take a stronger role in the conflict": the parse reads "for" as
    opening a clause with its own subject and infinitive, which is what is called for (#13)."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)][:1]


def called_on(verb: Token) -> list[Token]:
    """ "Schiff called on President Obama to retaliate against Russia", "the family called upon people to protest
    peacefully": who is called on and what they are to do, an infinitive after them, are the request (#13); a call on
    someone with no infinitive ("called on the senator at home") asks nothing."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i > verb.i), None)
    listener = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if listener is None:
        return []
    wanted = next((c for c in (*verb.children, *listener.children) if c.dep_ in {"xcomp", "acl", "relcl"}
                   and c.i > listener.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if wanted is None:
        return []
    return [listener] if wanted.head == listener else [listener, wanted]


def that_clause(verb: Token) -> Token | None:
    """ "said in a message that …": the small model often hangs the clause on the noun."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            for clause in noun.children:
                if clause.dep_ in {"acl", "relcl"} and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return clause
    return None


def governs(verb: Token, inside: set[int]) -> bool:
    """Whether a quote token hangs (directly or not) from ``verb``: the quote is its complement."""
    return any(t.i in inside for t in verb.subtree) and verb.i not in inside


def strip_punct(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens
