"""Speaker resolution for the quote stage, over the shared dependency parse.

A cue verb's speaker is found in this order:

1. the verb's subject outside the quote ("Coates ... wrote"), or, when the
   verb has none, the subject of the verb it hangs from;
2. for an inverted cue ("…”, ordered the Defense Minister, Sergei Shoigu"),
   the noun after the verb;
3. the noun found is resolved: a named mention is its entity; a title noun
   with an appositive name is that name; a pronoun ("He conceded") or a
   definite role noun ("the journalist") is the nearest preceding person that
   agrees with it in gender and number (:mod:`._antecedents`), preferring one
   whose titles or appositives carry that role and one that was a grammatical
   subject; a generic noun phrase ("the agency") is the one organisation it
   can stand for; "it" and "they" stand for the nearest subject of their
   number before them, named or not ("The letter accuses … It also says"),
   and an "it" that holds the place of a clause ("it was revealed that …")
   for no one; "One of these groups, the SDF," is the name its appositive
   gives. A clause's subject that is the untagged surname of one person the
   article names is that person.

With no speech verb that governs the quote, the verb the quote hangs from
is the cue when its subject stands outside the quote ("“…” beamed Donald
Hartley", "the attendees chanted, “…”"). When the parse gives no speaker,
word order does: a cue word right after the closing mark with a noun phrase
before or after it ("“…” a voice-over in the ad states", "“…?” asked the
boy, who …") names the speaker even where the parse tagged the cue a noun.

A cue in a gerund after a preposition ("ended his speech by saying “…”")
takes the subject of the verb the preposition hangs from, and a cue set in
the middle of its content ("The plan, she said, will fail") reports the
clause around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..model import Article, Mention
from ._antecedents import (
    ORG_WINDOW_SENTENCES,
    agrees,
    credit_line,
    dateline,
    generic_org,
    only_says_whose,
    person_genders,
)
from ._lexicon import (
    BELIEF_VERBS,
    INTENT_VERBS,
    NAMING_VERBS,
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    REPORT_VERBS,
    REQUEST_VERBS,
    ROLE_NOUNS,
    SPEECH_SURFACE,
    SPEECH_VERBS,
    TITLES,
)
from ._speaker_syntax import (
    APPOSITIVE_STEPS,
    NOMINAL_CUES,
    SUBJECTS,
    TELLING,
    a_name,
    before_dash,
    before_next_cue,
    before_semicolon,
    called_for_clause,
    called_on,
    described_subject,
    expletive,
    gerund,
    governs,
    in_phrase,
    joined_complements,
    judged,
    last_conjunct_before,
    listener,
    marked,
    nominal_ids,
    noun_phrase,
    nouns_above,
    opens_clause,
    points_out,
    pronoun_subject,
    puts_it,
    strip_punct,
    tail_after_cue,
    that_clause,
    turn_label,
    unquoted,
    verb_above,
    whose_person,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_INVERTED = frozenset({"dobj", "attr", "nsubj", "npadvmod", "appos", "dative", "oprd"})
#: A pronoun prefers a subject mentioned within this many sentences before it: older ones are out of focus.
_SUBJECT_BONUS_SENTENCES = 3
#: Who may speak by standing next to a quote or a cue, with no parse link: a place or a nationality
#: speaks only as the subject of a speech verb ("Russia said"), never by adjacency (#13).
_NEXT_TO_QUOTE = frozenset({"PERSON", "ORG"})
#: What may stand between a quote and the name that signs it: "“…” ― Jorge Falcon", "“…”, Name" (#13).
_SIGN_OFF = " ,\xa0—–―‒-"
#: A title or role between a closing mark and the name that signs the quote ("Texas delegate", "Mr."): its links to
#: the name, and its length at most.
_TITLE_DEPS = frozenset({"compound", "amod", "det", "nmod", "poss", "case", "nummod"})
_SIGN_OFF_MAX_CHARS = 40
#: A signature's cue stands within this many tokens after the name ("Mr. Daniloff, now 81 and retired in Cambridge,
#: Mass., said").
_CUE_AFTER_TOKENS = 16
#: The line after a quote that signs it: a dash, then the name ("- Clinton.", "-President Obama, tweeting …").
_SIGNATURE = re.compile(r"\s*\n\s*[-–—―]\s*(?=[A-Z])")
#: A name before a colon is at most this many tokens ("Former Secretary Hillary Rodham Clinton:").
_NAME_MAX_TOKENS = 4
#: A clause of this many tokens or fewer after a quote can be its cue ("Hannity pressed."), when it has no object.
_TAIL_MAX_TOKENS = 10
#: The parts of a naming verb's clause that hold what it calls something: "called [him] [a “liar”]",
#: "described [Clinton] [as a “disgrace”]".
_NAMED_PARTS = frozenset({"dobj", "oprd", "ccomp", "xcomp", "attr", "dative"})
#: The links a cue with no subject hangs from the clause that says who speaks.
_CLIMBED = frozenset({"conj", "xcomp", "advcl", "parataxis", "dep"})
#: Verbs that report a question: what is asked is the content ("asked whether …") (#13).
_QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "question"})
#: Prepositions that bring what a naming verb calls something ("as a “disgrace”", "likened to a “snake”"), not
#: when or where it was said ("during a campaign stop").
_NAMED_PREPS = frozenset({"as", "to", "for"})
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})
#: Named times are when, never who: "said Monday", "said Thursday morning" (#13).
_WHEN = frozenset({"DATE", "TIME"})
#: A place speaks only as the subject of its own cue, not as the subject of a clause the cue hangs from.
_PLACES = frozenset({"GPE", "LOC"})
#: A place or a nationality modifying a common noun says whose it is ("US officials"), never who speaks.
_WHOSE = frozenset({"GPE", "LOC", "NORP"})
#: Verbs through which a poll, a study, a video or a document reports a finding ("A new poll shows that …", "a 2014
#: study found that …"), and through which a speaker agrees with one ("all agreed that …"): reported content when
#: they take a clause (#13).
_EVIDENCE_VERBS = frozenset({"show", "find", "agree"})
#: Verbs whose object is what the speaker says ("cited derogatory comments", "criticized the president's foreign
#: policy", "accused the agency of covering up the hacks"), and verbs that name a public statement of a position on
#: it ("endorsed John Kasich for president", "rejected the Senate's bill", "denounced the attacks on police"), what
#: a speaker proposes, discusses or describes ("proposes doing away with the mandate", "discussed his commitment to
#: veterans", "described the plan in detail"), and the other verbs of public attack and praise ("attacked Clinton's
#: record on trade", "slammed the decision", "hailed the agreement as historic") (#13). Verbs of a lasting preference
#: ("voters who support Sanders", "backed a group", "favor the plan") state no words of anyone's: on PolNeAR train
#: they found one gold attribution for two false ones, and are left out.
_OBJECT_CUES = frozenset({"cite", "criticize", "criticise", "accuse", "praise", "defend", "endorse", "reject",
                          "denounce", "propose", "discuss", "describe", "attack", "blast", "slam", "mock", "condemn",
                          "decry", "deride", "ridicule", "hail", "laud", "dismiss", "lambaste", "chastise", "rebuke",
                          "applaud", "commend", "assail", "scold"})
#: Speech verbs whose object, when they take no clause, is what is said: "announced his candidacy", "mentioned the
#: clot's existence", "denied the allegations", "said the same thing" (#13). Speech verbs whose object is often a
#: thing or the listener ("added a twist", "maintained a lead", "wrote a book", "posted a photo", "reported earnings",
#: "told reporters") keep to their clauses. "show" states a poll's or a record's finding the same way ("A new poll
#: shows Clinton leading in Ohio", "her medical records showed a clean bill of health"); "find" does not ("found the
#: body", "found it difficult"): on PolNeAR train and dev it lost more than it found.
_SPOKEN_OBJECT = frozenset({
    "say", "announce", "mention", "note", "acknowledge", "admit", "confirm", "deny", "reveal", "disclose",
    "highlight", "stress", "emphasize", "emphasise", "underline", "reiterate", "recall", "recount", "tweet", "claim",
    "allege", "predict", "estimate", "concede", "specify", "clarify", "affirm", "assert", "proclaim", "explain",
    "suggest", "show",
})
#: Verbs of speech or writing about a topic, and the prepositions that bring it: "talked about the wall", "spoke of
#: his brother", "referred to the governor as “Chris”", "pointed to her record", "commented on the ruling" (#13).
_TOPIC_PREPS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("talk", "speak", "write", "joke", "complain", "boast", "testify", "tweet", "brag", "rant"),
                    frozenset({"about", "of"})),
    "comment": frozenset({"on", "about"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
}
#: Verbs whose infinitive did not take place: "declined to comment on …", "refused to talk about …".
_NOT_DONE = frozenset({"decline", "refuse"})
_APPOSITIVE_PARTS = frozenset({"pobj", "prep", "appos", "amod", "compound", "npadvmod", "nummod", "poss"})
#: Relative pronouns that stand for the noun their clause describes ("Barkley, who said").
_RELATIVE = frozenset({"who", "which", "that"})
#: A line opening with up to six capitalised words and a colon ("McCain Challenger Kelli Ward: …").
_HEADLINE_SPEAKER = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*):\s")
#: What may stand between a name and the quote it introduces: "Name:", "Name, said:", "Name said,“…" (#13).
#: Words after a closing mark that are its cue by word order, whatever the parse tagged them (#13).
_CUE_WORDS = frozenset(SPEECH_SURFACE) - {"according", "say"} | {"states", "notes", "read", "reads"}
#: A speaker phrase next to such a cue is at most this many tokens ("a voice-over in the ad").
_PHRASE_MAX_TOKENS = 7
_PHRASE_OPENERS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})
_LEAD_IN = re.compile(r"^[\s,]*(?:(?:" + "|".join(SPEECH_SURFACE) + r")\s*[,:]|:)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said it, through which cue, and how sure the resolution is."""

    entity: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    confidence: float


class SpeakerIndex:
    """Mentions, roles and quote spans of one article, for speaker look-ups."""

    def __init__(self, article: Article, doc: Doc, quote_spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = article.text
        self.quotes = sorted(quote_spans)
        self._quote_starts = [start for start, _ in self.quotes]
        labels = {entity.id: entity.label for entity in article.entities}
        self.mentions = sorted((m for m in article.mentions if labels.get(m.entity or "") in _SPEAKER_LABELS
                                and not credit_line(self._line(m.start), m.text)
                                and not dateline(self.text, m.start, m.end)
                                and not turn_label(self.text, m.start, m.end)), key=lambda m: m.start)
        self.labels = labels
        self._starts = [m.start for m in self.mentions]
        self._by_token: dict[int, Mention] = {}
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                self._by_token[token.i] = mention
        self.roles = self._roles()
        self._agreeing_cache: dict[tuple[str, frozenset[str]], tuple[list[Mention], list[int]]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._names = {entity.id: entity.name for entity in article.entities if entity.label == "PERSON"}
        for entity in article.entities:
            if entity.label == "PERSON":
                for name in (entity.name, *entity.variants):
                    if name.split():
                        self._surnames.setdefault(name.split()[-1], set()).add(entity.id)
        self._add_untagged_subjects()

    def _add_untagged_subjects(self) -> None:
        """ "Trump quickly disavowed the KKK …, but he slammed the media": a clause's subject that is the surname of
        exactly one person the article names, where the tagger read a verb and the entity stage saw no one, is a
        mention of that person, so that the pronouns after it can stand for it (#13)."""
        import numpy as np
        from spacy.attrs import ORTH

        unique = {self.doc.vocab.strings[name]: next(iter(ids)) for name, ids in self._surnames.items()
                  if len(ids) == 1 and name[:1].isupper()}
        if not unique or not len(self.doc):
            return
        orths = self.doc.to_array([ORTH])
        added = []
        for i in np.flatnonzero(np.isin(orths, list(unique))):
            if int(i) in self._by_token:
                continue  # tagged already, as nearly every such surname is
            token = self.doc[int(i)]
            if (token.dep_ not in SUBJECTS or token.ent_type_ not in {"", "PERSON"}
                    or any(c.dep_ == "compound" for c in token.children) or self.in_quote(token.idx)):
                continue
            mention = Mention(start=token.idx, end=token.idx + len(token), text=token.text, label="PERSON",
                              entity=unique[int(orths[i])])
            self._by_token[token.i] = mention
            added.append(mention)
        if added:
            self.mentions = sorted([*self.mentions, *added], key=lambda m: m.start)
            self._starts = [m.start for m in self.mentions]

    @cached_property
    def genders(self) -> dict[str, str]:
        """Gender of each person the article gives evidence for; read only when a pronoun needs it."""
        return person_genders(self.doc, self._by_token, in_quote=self.in_quote,
                              is_person=lambda m: self.labels.get(m.entity or "") == "PERSON", names=self._names)

    # -- look-ups ---------------------------------------------------------------

    def _line(self, char: int) -> str:
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return self.text[start:end if end >= 0 else len(self.text)]

    def in_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside a direct quote's content."""
        # the spans are sorted and do not overlap: only the last one that starts at or before ``char`` can hold it
        at = bisect.bisect_right(self._quote_starts, char) - 1
        return at >= 0 and char < self.quotes[at][1]

    def other_person_between(self, start: int, end: int, speaker: str | None) -> bool:
        """Whether a person other than ``speaker`` is named between ``start`` and ``end``, outside quotes."""
        first = bisect.bisect_left(self._starts, start)
        return any(self.labels.get(m.entity or "") == "PERSON" and m.entity != speaker and not self.in_quote(m.start)
                   for m in self.mentions[first:bisect.bisect_left(self._starts, end)])

    def mention_at(self, token: Token) -> Mention | None:
        """The speaker-like mention (person, organisation, ...) covering ``token``."""
        return self._by_token.get(token.i)

    def _roles(self) -> dict[str, set[str]]:
        roles: dict[str, set[str]] = {}
        for i, mention in self._by_token.items():
            if self.labels.get(mention.entity or "") != "PERSON" or mention.entity is None:
                continue
            token = self.doc[i]
            found = roles.setdefault(mention.entity, set())
            found.update(c.lemma_.lower() for c in token.children if c.dep_ == "appos")
            if token.dep_ == "appos":
                found.add(token.head.lemma_.lower())
            j = i - 1
            while j >= 0 and self.doc[j].lower_ in TITLES and self._by_token.get(j) is None:
                found.add(self.doc[j].lemma_.lower())
                j -= 1
        return roles

    # -- direct quotes ------------------------------------------------------------

    def attribute_direct(self, open_at: int, close_at: int) -> Attribution | None:
        """Speaker and cue of the direct quote whose marks sit at ``open_at`` and ``close_at``."""
        para_start = self.text.rfind("\n", 0, open_at) + 1
        para_end = self.text.find("\n", close_at)
        para_end = len(self.text) if para_end < 0 else para_end
        window = self._window(open_at, close_at, para_start, para_end)
        cues = [t for t in window if t.pos_ in {"VERB", "AUX"} and (t.lemma_.lower() in SPEECH_VERBS or puts_it(t))
                and not (open_at <= t.idx <= close_at) and not self.in_quote(t.idx)]
        inside = {t.i for t in window if open_at < t.idx < close_at}
        # "“This is fantastic!” beamed Hartley", "“…” it reads", "the attendees chanted, “…”": with no
        # speech verb, the verb the quote hangs from is the cue when its subject stands outside the quote (#13).
        if not any(governs(t, inside) for t in cues):
            # "when Rubio … said it was great to be home, a man yelled “Stay there!”": a speech verb that
            # does not govern the quote yields to the verb that does
            framing = self._framing_verb(window, inside, open_at, close_at) or self._tail_clause(close_at, para_end)
            found = self.speaker_of(framing) if framing is not None else None
            # a place or a nationality speaks only through a speech verb ("Latin for “…”" is no speaker)
            if (found is not None and found.speaker_text is not None
                    and (found.entity is None or self.labels.get(found.entity) in _NEXT_TO_QUOTE)):
                return Attribution(found.entity, found.speaker_text, found.speaker_start, found.speaker_end,
                                   found.cue, found.cue_start, found.cue_end, min(found.confidence, 0.7))
            # "When Trump suggested that …, Rubio fired back forcefully: “…”": a clause that ends in a colon right
            # before the quote introduces it, whatever speech verb stands elsewhere in the sentence (#13)
            lead = self.text[para_start:open_at].rstrip()
            introduced = self._colon_clause_subject(para_start + len(lead)) if cues and lead.endswith(":") else None
            if introduced is not None:
                return Attribution(introduced.entity, introduced.speaker_text, introduced.speaker_start,
                                   introduced.speaker_end, None, None, None, min(introduced.confidence, 0.6))
        if cues:
            cue = min(cues, key=lambda t: (not governs(t, inside),
                                           open_at - t.idx if t.idx < open_at else t.idx - close_at, t.idx < open_at))
            # the noun after a cue before the quote is what it names ("calling him “…”", "described it as
            # “…”"), not its speaker, unless the cue opens its clause ("Stated Stone: “…”") (#13)
            inverted = cue.idx > close_at or opens_clause(cue)
            attribution = self.speaker_of(cue, inverted=inverted, describe=False)
            if attribution is not None:
                return attribution
            nearby = self._adjacent_mention(open_at, close_at, para_start, para_end) or self._name_before_colon(open_at)
            # a name next to the quote comes first; then the cue's own subject even when it names no one (#13)
            described = None if nearby else self.speaker_of(cue, inverted=inverted)
            if nearby:
                return _with_cue(nearby, cue, 0.6)
            found = described or self._word_order_speaker(close_at, para_end)
            if found is not None:
                return found
            agent = self._participle_agent(cue)
            return _with_cue(agent, cue, agent.confidence if agent is not None else 0.5)
        adjacent = (self._according_to_source(window) or self._adjacent_mention(open_at, close_at, para_start, para_end)
                    or self._word_order_speaker(close_at, para_end))
        lead = self.text[para_start:open_at].rstrip()
        if adjacent is None and lead.endswith((":", ",")):
            adjacent = self.clause_subject(len(self.text[:open_at].rstrip())) or self._name_before_colon(open_at)
        before = self.text[:para_start].rstrip()
        last = not self.text[close_at + 1:para_end].strip(" .,;:!?”’\"")
        if adjacent is None and last:
            adjacent = self._signature_line(para_end)
        if adjacent is None and last and lead.endswith("."):
            # "Iowa State's Dianne Bystrom agreed. “…”": the sentence before, in the same paragraph (#13)
            adjacent = (self.intro_speaker(para_start + len(lead), colon=False)
                        or self._narrator_subject(para_start + len(lead)))
        alone = not lead and last
        if adjacent is None and alone and before:
            # "Cruz continued:" or "Clinton responded, saying …" closing the paragraph before one
            # that is all quote (#13)
            adjacent = self.intro_speaker(len(before), colon=before.endswith(":")) or self._narrator_subject(len(before))
        if adjacent is None:
            adjacent = self._headline_speaker(para_start, open_at)
        return adjacent

    def _signature_line(self, para_end: int) -> Attribution | None:
        """ "“I went to Wall Street before the crash. …”\n\n- Clinton.", "-President Obama, tweeting after Clinton's
        speech.": a quote that ends its paragraph is signed by a name that opens the next line after a dash, as
        fact-checks and quote boxes print who spoke (#13)."""
        match = _SIGNATURE.match(self.text, para_end)
        if match is None:
            return None
        span = self.doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        names: list[Token] = []
        for token in self.doc[span[0].i:span[0].i + _NAME_MAX_TOKENS + 1]:
            if token.pos_ != "PROPN" or not token.is_title:
                break
            names.append(token)
        after = self.doc[names[-1].i + 1] if names and names[-1].i + 1 < len(self.doc) else None
        if not names or (after is not None and after.text not in {",", ".", "\n"} and not after.is_space):
            return None
        start, end = max(names[0].idx, match.end()), names[-1].idx + len(names[-1])  # "-President" is one token
        named = self._by_token.get(names[-1].i)
        people = self._surnames.get(names[-1].text, set())
        entity = named.entity if named is not None else next(iter(people)) if len(people) == 1 else None
        return Attribution(entity, self.text[start:end], start, end, None, None, None, 0.6)

    def _colon_clause_subject(self, end: int) -> Attribution | None:
        """The named subject of the verb whose clause the colon ending at ``end`` closes ("Rubio fired back: …")."""
        colon = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if colon is None or not len(colon):
            return None
        verb = colon[0].head
        if verb.pos_ not in {"VERB", "AUX"} or self.in_quote(verb.idx):
            return None
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS and not self.in_quote(c.idx)):
            found = self.resolve(subject)
            if found is not None and found.entity is not None:
                return found
        return None

    def _narrator_subject(self, end: int) -> Attribution | None:
        """ "Mayor John Smith has opposed the plan for years.\\n\\n“It is a disaster.”": a paragraph that is all quote,
        with no cue, after a paragraph of narration whose last sentence has a person for its subject, is that
        person's; a pronoun subject ("He was angry.") is resolved as for a cue (#13). So is a quote that ends its
        paragraph after such a sentence ("Sanders identified … as one of the reasons. “The younger people …”").
        Narration that holds a direct quote, or whose last sentence's subject is no person, gives no speaker."""
        line_start = self.text.rfind("\n", 0, end - 1) + 1
        at = bisect.bisect_left(self._quote_starts, line_start)
        if at < len(self.quotes) and self.quotes[at][0] < end:
            return None  # a quote there has its own speaker, whom the quotes after it keep
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span[0].sent.root
        for subject in (c for c in root.children if c.dep_ in SUBJECTS and c.idx >= line_start):
            found = self.resolve(subject)
            if found is not None and found.entity is not None and self.labels.get(found.entity) == "PERSON":
                return Attribution(found.entity, found.speaker_text, found.speaker_start, found.speaker_end,
                                   None, None, None, min(found.confidence, 0.45))
        return None

    def _headline_speaker(self, para_start: int, open_at: int) -> Attribution | None:
        """ "Issa: Hillary Clinton’s ‘Honesty Is In Question.’", "Dr. Ben Carson: Hillary Clinton ‘Not Fit …’":
        a line that opens with a person's name and a colon, as headlines give their speaker, speaks the quote
        later in that line (#13). The name is the last person or organisation the line names before the colon."""
        match = _HEADLINE_SPEAKER.match(self.text, para_start, open_at)
        if match is None:
            return None
        first = bisect.bisect_left(self._starts, para_start)
        named = [m for m in self.mentions[first:bisect.bisect_left(self._starts, match.end(1))]
                 if self.labels.get(m.entity or "") in _NEXT_TO_QUOTE]
        if not named:
            return None
        return _named(named[-1], 0.6)

    def labelled_line(self, start: int, end: int) -> tuple[tuple[int, int], Attribution] | None:
        """ "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp", "Rush Limbaugh: Hillary
        Asking Moderator To Fact Check Trump ‘Reeks of Fear.’": a line that opens with the name of a person or an
        organisation and a colon, as headlines and transcripts give who speaks, reports the rest of the line (#13).
        The name is the whole run before the colon; quoted words in the rest of the line are fragments of its one
        mixed quote ("John McCain: Republican Populist Anger Appeals to ‘Bad Angels Of Our Nature.’"), and a line
        that is all quote leaves it to the direct quote."""
        match = _HEADLINE_SPEAKER.match(self.text, start, end)
        if match is None:
            return None
        at = bisect.bisect_left(self._starts, match.start(1))
        named = self.mentions[at] if at < len(self.mentions) else None
        if (named is None or named.start != match.start(1) or named.end != match.end(1)
                or self.labels.get(named.entity or "") not in _NEXT_TO_QUOTE):
            # a headline's capitals hide names from the tagger: a surname of one person the article names will do
            people = self._surnames.get(match.group(1), set())
            if len(people) != 1:
                return None
            named = Mention(start=match.start(1), end=match.end(1), text=match.group(1), label="PERSON",
                            entity=next(iter(people)))
        content_start = match.end()
        content_end = len(self.text[:end].rstrip())
        if len(self.text[content_start:content_end].split()) < 3:
            return None
        quoted = bisect.bisect_left(self._quote_starts, start)
        inside = [q for q in self.quotes[quoted:] if q[0] < end]
        if inside and (inside[0][0] < content_start or not unquoted(self.text, content_start, content_end, inside)):
            return None  # a quote before the colon, or a line that is all quote, is left to the direct quote
        colon = match.end(1)
        attribution = Attribution(named.entity, named.text, named.start, named.end, ":", colon, colon + 1, 0.6)
        return (content_start, content_end), attribution

    def _name_before_colon(self, open_at: int) -> Attribution | None:
        """ "… - Philip Bump: “…”", "Continued Stone: “…”": a run of capitalised proper nouns just before the
        colon that introduces the quote, as the speaker's text when the entity stage tagged no one there (#13)."""
        colon = self.text.rfind(":", max(0, open_at - 3), open_at)
        span = self.doc.char_span(colon, colon + 1, alignment_mode="expand") if colon >= 0 else None
        if span is None or len(span) == 0:
            return None
        names: list[Token] = []
        for token in reversed(self.doc[max(0, span[0].i - _NAME_MAX_TOKENS):span[0].i]):
            if token.pos_ != "PROPN" or not token.is_title or self.in_quote(token.idx):
                break
            names.insert(0, token)
        if not names:
            return None
        start, end = names[0].idx, names[-1].idx + len(names[-1])
        people = self._surnames.get(names[-1].text, set())
        return Attribution(next(iter(people)) if len(people) == 1 else None, self.text[start:end], start, end,
                           None, None, None, 0.5)

    def _according_to_source(self, window: list[Token]) -> Attribution | None:
        """ "According to Woodward, “…”", "“…” according to a court document": the source of "according to"."""
        for token in window:
            if token.lower_ != "according" or self.in_quote(token.idx):
                continue
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            resolved = self.resolve(source) if source is not None else None
            if to is not None and resolved is not None:
                return Attribution(resolved.entity, resolved.speaker_text, resolved.speaker_start,
                                   resolved.speaker_end, "according to", token.idx, to.idx + len(to),
                                   min(resolved.confidence, 0.8))
        return None

    def _framing_verb(self, window: list[Token], inside: set[int], open_at: int, close_at: int) -> Token | None:
        """The verb outside the quote that the quoted words hang from, when it has a subject outside them."""
        tops = [t for t in window if t.i in inside and t.head.i not in inside and not t.is_punct]
        for top in tops:
            verb = top.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb and verb.i not in inside:
                verb = verb.head
            if (verb.pos_ == "VERB" and verb.i not in inside and not (open_at <= verb.idx <= close_at)
                    and window[0].i <= verb.i <= window[-1].i
                    and not self.in_quote(verb.idx)
                    and any(c.dep_ in SUBJECTS and c.i not in inside and not c.is_punct for c in verb.children)):
                return verb
        return None

    def _tail_clause(self, close_at: int, para_end: int) -> Token | None:
        """The verb of a short clause with no object right after the closing mark, which the parse cut off
        as a sentence of its own: "“… the 11 million?” Hannity pressed.", "“…” Trump shot back." (#13)"""
        span = self.doc.char_span(close_at, min(close_at + 3, para_end), alignment_mode="expand")
        following = next((t for t in span or () if t.idx > close_at and not (t.is_punct or t.is_space)), None)
        if following is None or following.sent.start != following.i or len(following.sent) > _TAIL_MAX_TOKENS:
            return None
        verb = following.sent.root
        if verb.pos_ != "VERB" or any(c.dep_ in _COMPLEMENTS for c in verb.children):
            return None
        return verb if any(c.dep_ in SUBJECTS for c in verb.children) else None

    def intro_speaker(self, end: int, *, colon: bool = True) -> Attribution | None:
        """Who speaks after the sentence that ends at ``end``: "Cruz continued:", or with ``colon``
        false a sentence with a speech verb outside quotes ("Clinton responded, saying …")."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        sent = span[0].sent
        cues = [t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}
                and not self.in_quote(t.idx)]
        if not cues and not colon:
            return None
        found = self.speaker_of(cues[-1]) if cues else self.clause_subject(end)
        if found is None or found.entity is None or (found.speaker_text or "").lower() in {"it", "this", "that"}:
            return None
        return Attribution(found.entity, found.speaker_text, found.speaker_start, found.speaker_end,
                           found.cue, found.cue_start, found.cue_end, min(found.confidence, 0.7 if colon else 0.55))

    @cached_property
    def _sentences(self) -> tuple[list[Span], list[int]]:
        """The parse's sentences and their start offsets, for bisecting."""
        sents = list(self.doc.sents)
        return sents, [int(s.start_char) for s in sents]

    def _window(self, open_at: int, close_at: int, para_start: int, para_end: int) -> list[Token]:
        sents, starts = self._sentences
        first = max(0, bisect.bisect_right(starts, open_at) - 1)
        if first < len(sents) and sents[first].end_char <= open_at:
            first += 1
        last = bisect.bisect_right(starts, close_at)
        tokens = [t for s in sents[first:last] for t in s if para_start <= t.idx < para_end]
        if any(t.lemma_.lower() in SPEECH_VERBS and not (open_at <= t.idx <= close_at) for t in tokens):
            return tokens
        # The cue may sit in the next sentence of the paragraph ("… ” He added.").
        after = [s for s in sents[last:last + 2] if close_at < s.start_char < para_end][:1]
        return tokens + [t for s in after for t in s]

    def _adjacent_mention(self, open_at: int, close_at: int, para_start: int, para_end: int) -> Attribution | None:
        """A name right next to the quote ("Name: “…”", "“…”, Name, said" without a parse)."""
        for mention in self.mentions:
            if self.labels.get(mention.entity or "") not in _NEXT_TO_QUOTE:
                continue  # "“Si Vis Pacem Para Bellum,” Latin for …", "“…” New York’s new …" (#13)
            gap_after = self.text[close_at + 1:mention.start] if mention.start > close_at else None
            gap_before = self.text[mention.end:open_at] if mention.end <= open_at else None
            after = gap_after is not None and mention.start < para_end and (
                not gap_after.strip(_SIGN_OFF) or self._title_before(gap_after, close_at, mention))
            before = (mention.start >= para_start and gap_before is not None and _LEAD_IN.match(gap_before)
                      and not self._addressed(mention))
            if after or before:
                return Attribution(mention.entity, mention.text, mention.start, mention.end, None, None, None, 0.6)
        return self._untagged_name_after(close_at, para_end)

    def _addressed(self, mention: Mention) -> bool:
        """ "McConnell delivered a blunt message to Trump: “…”", "Clinton told Trump: “…”": a name before the colon
        that is the object of a verb or the listener after "to" or "with" is who was spoken to (#13)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ in {"dobj", "dative"} or (root.dep_ == "pobj" and root.head.lower_ in {"to", "with"})

    def _title_before(self, gap: str, close_at: int, mention: Mention) -> bool:
        """ "''…,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass., said", "“…,” Texas delegate Bill Eastland,
        wearing a cowboy hat …, said": between the closing mark and the name stand only the words of the name's own
        title or role, each modifying a word after it up to the name (#13). The parse may hang such a name anywhere;
        word order makes it the quote's signature."""
        if len(gap) > _SIGN_OFF_MAX_CHARS or "\n" in gap:
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        words = [t for t in self.doc[max(0, span[0].i - _NAME_MAX_TOKENS):span[0].i]
                 if t.idx > close_at and not (t.is_punct or t.is_space)]
        shown = self.text[close_at + 1:mention.start].strip(_SIGN_OFF + "'\"”’")
        if not words or shown != self.text[words[0].idx:mention.start].strip() or span.root.dep_ == "poss":
            return False  # "the Post's senior politics editor Steven Ginsberg said": the paper only says whose
        if not all(t.dep_ in _TITLE_DEPS and span[0].i >= t.head.i > t.i or span[0].i <= t.head.i <= span[-1].i
                   for t in words):
            return False
        # the cue follows in the same sentence ("…, said"); a name that goes on to do something else is no signature
        following = self.doc[span[-1].i + 1:min(span[-1].i + 1 + _CUE_AFTER_TOKENS, span.sent.end)]
        return any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and not self.in_quote(t.idx)
                   for t in following)

    def _word_order_speaker(self, close_at: int, para_end: int) -> Attribution | None:
        """ "“…” the two write.", "“…” a voice-over in the ad states.", "“…,” said the woman, who …": a cue word
        right after the closing mark, with a noun phrase before or after it, when the parse tagged the cue a noun or
        hung the phrase elsewhere (#13). Word order decides: the phrase is the speaker, named or not."""
        mark = self.doc.char_span(close_at, close_at + 1, alignment_mode="expand")
        if mark is None or len(mark) == 0:
            return None
        tokens: list[Token] = []
        for token in self.doc[mark[-1].i + 1:mark[-1].i + 2 + _PHRASE_MAX_TOKENS]:
            if token.idx >= para_end or token.is_space or token.is_punct and token.text not in ",-" or (
                    token.text == "," and tokens):
                break
            if token.text != "," and not self.in_quote(token.idx):
                tokens.append(token)
        cue_at = next((k for k, t in enumerate(tokens) if t.lower_ in _CUE_WORDS and t.is_lower), None)
        if cue_at is None:
            return None
        cue = tokens[cue_at]
        phrase = tokens[:cue_at] if cue_at else noun_phrase(tokens[1:])
        if not phrase or phrase[0].pos_ not in _PHRASE_OPENERS or any(t.pos_ in {"VERB", "AUX"} for t in phrase):
            return None
        ends = next((k for k, t in enumerate(phrase) if t.pos_ == "ADP" and k), len(phrase))
        heads = [t for t in phrase[:ends] if t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]
        if not heads or heads[-1].ent_type_ in _WHEN and not heads[-1].lower_.endswith("old"):
            return None
        resolved = self.resolve(heads[-1])
        if resolved is None or resolved.entity is None:
            start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
            resolved = Attribution(None, self.text[start:end], start, end, None, None, None, 0.5)
        return _with_cue(resolved, cue, min(resolved.confidence, 0.55))

    def _untagged_name_after(self, close_at: int, para_end: int) -> Attribution | None:
        """ "“…,” Trump barked": a surname the entity stage left untagged here but named elsewhere (#13)."""
        mark = self.doc.char_span(close_at, close_at + 1, alignment_mode="expand")
        limit = min(para_end, close_at + 40)
        if mark is None or len(mark) == 0:
            return None
        token = next((t for t in self.doc[mark[-1].i + 1:] if t.idx >= limit or not (t.is_punct or t.is_space)), None)
        if (token is None or token.idx >= limit or token.pos_ != "PROPN" or self.in_quote(token.idx)
                or token.i + 1 >= len(self.doc)):
            return None
        between = self.text[close_at + 1:token.idx].strip(" ,")
        following = self.doc[token.i + 1]
        people = self._surnames.get(token.text, set())
        if between or len(people) != 1 or following.pos_ not in {"VERB", "AUX"}:
            return None
        end = token.idx + len(token)
        return Attribution(next(iter(people)), token.text, token.idx, end, None, None, None, 0.55)

    # -- reported speech ---------------------------------------------------------------

    def cue_tokens(self) -> list[Token]:
        """The tokens that may introduce reported speech, in order: verbs and "according" (:meth:`reported`
        answers no for any other). Read from the parse's arrays, so the other tokens, nine in ten, are never made."""
        import numpy as np
        from spacy.attrs import LOWER, POS
        from spacy.symbols import VERB

        if not len(self.doc):
            return []
        rows = self.doc.to_array([POS, LOWER])
        according = self.doc.vocab.strings["according"]
        found = (rows[:, 0] == VERB) | (rows[:, 1] == according)
        for word in nominal_ids().intersection(rows[:, 1].tolist()):  # most articles hold none of them
            found |= rows[:, 1] == word
        return [self.doc[int(i)] for i in np.flatnonzero(found)]

    def reported(self, token: Token) -> tuple[tuple[int, int], Attribution] | None:
        """Content span and attribution when ``token`` introduces reported speech."""
        lower = token.lower_
        if lower == "according":
            return self._according_to(token)
        if lower in NOMINAL_CUES and any(c.dep_ == "poss" for c in token.children):
            return self._nominal(token)  # a noun, whatever the tagger says: it has an owner ("her warning")
        if token.pos_ != "VERB":  # asked first: called for every token of the article
            return None
        # the small model reads "hopes", "hoped", "hoping" as forms of "hop"; the spelling says which verb it is
        lemma = "hope" if lower.startswith(("hope", "hoping")) else token.lemma_.lower()
        if lemma in REQUEST_VERBS or lemma in INTENT_VERBS or lemma == "call":
            found = self._request(token)
            if found is not None:
                return found
        if lemma in _QUESTION_VERBS:
            return self._question(token)
        if lemma in NAMING_VERBS:
            named = self._naming(token)
            if named is not None or lemma not in _OBJECT_CUES:
                return named
        if lemma in _OBJECT_CUES:
            return self._cited(token)
        if lemma in _TOPIC_PREPS and lemma not in REPORT_VERBS:
            topic = self._topic(token)
            if topic is not None:
                return topic
        if lemma in BELIEF_VERBS and lemma not in REPORT_VERBS:
            if any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
                return None  # "it is believed that …", "he is expected to win": no one is named as believing it
        elif lemma not in REPORT_VERBS and lemma not in _EVIDENCE_VERBS and not points_out(token):
            return None
        complements = [c for c in token.children if c.dep_ == "ccomp"]
        # "…, however Bonham noted the swing was large": the clause after the cue is its content.
        complement = next((c for c in complements if c.i > token.i), None) or (
            complements[-1] if complements else that_clause(token))
        if complement is None:
            complement = gerund(token)
        has_subject = any(c.dep_ in SUBJECTS for c in token.children)
        if complement is None and token.dep_ == "parataxis" and has_subject:
            return self._parenthetical(token)
        if complement is None and lemma in _SPOKEN_OBJECT:
            return self._cited(token)
        if complement is None and lemma in _TOPIC_PREPS:
            return self._topic(token)
        if complement is None or complement.i < token.i and not has_subject:
            return None
        # a sentence the parse ran over a paragraph break: the content stays in the cue's paragraph (#13)
        para_start, para_end = self._paragraph(token.idx)
        tokens = [t for t in joined_complements(complement, complements) if para_start <= t.idx < para_end]
        if complement.i < token.i:
            tokens += tail_after_cue(token, tokens, para_end)
        tokens = before_semicolon(before_next_cue(tokens))
        while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
            tokens = tokens[:-1]
        if len(tokens) < 3:
            return None
        attribution = self.speaker_of(token, inverted=complement.i < token.i)
        if attribution is None or attribution.speaker_text is None:
            return None
        return (tokens[0].idx, tokens[-1].idx + len(tokens[-1])), attribution

    def _request(self, verb: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "Graham urged Republicans to join the ranks of …", "Mr. Obama told his advisers to figure out …",
        "Clinton pledged to push for …", "Trump called for steep new tariffs": what a speech verb asks for, orders or
        promises through an infinitive, or what it calls for, is its content, with the listener it asks (#13)."""
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return None  # "was asked to resign": the subject is who was asked
        if verb.lemma_.lower() == "call":
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i), None)
            parts = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}] if prep is not None else []
            if not parts:
                parts = called_for_clause(verb) or called_on(verb)
        else:
            wanted = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            parts = [] if wanted is None else [
                *(c for c in verb.children if c.dep_ in {"dobj", "dative"} and verb.i < c.i < wanted.i), wanted]
        if not parts:
            return None
        # "calling for the United States to take a stronger role": the clause's "for" opens it, it is no part of it
        tokens = [t for c in parts for t in c.subtree if not (t.dep_ == "mark" and t.lower_ == "for" and t.head == c)]
        return self._content_of(verb, sorted(tokens, key=lambda t: t.i))

    def _question(self, verb: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "Tapper asked whether Republicans would be able to hold on to the House", "A reporter asked him if they
        planned to attend": the question a subject asks is its reported content, with its "whether" or "what" (#13).
        A cue with no subject of its own ("When asked whether he would run, he declined") names who was asked."""
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return None
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None:
            return None
        return self._content_of(verb, list(clause.subtree))

    def _cited(self, verb: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "Clinton cited derogatory comments Trump had made about Machado", "…, he said, citing low economic
        growth and unemployment", "the Wisconsin Republican criticized the president’s foreign policy", "It accused
        the FDIC of trying to cover up the hacks": what a speaker cites, criticises, praises, defends or accuses
        someone of, its object with what it is cited as, is reported (#13); so is the object of a speech verb with no
        clause ("announced his candidacy", :data:`_SPOKEN_OBJECT`). A passive ("the bureau cited in the tweet") names
        what was cited, not who cites."""
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return None
        preps = _NAMED_PREPS | ({"of"} if verb.lemma_.lower() == "accuse" else set())
        parts = [c for c in verb.children if c.i > verb.i and (
            c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in preps)]
        if not any(c.dep_ == "dobj" for c in parts):
            return None
        tokens = sorted((t for c in parts for t in c.subtree if t.i > verb.i), key=lambda t: t.i)
        # "Christie endorsed Trump", "Sanders attacked Clinton": a name alone is what the stance is about, where a
        # short common phrase ("attacked him", "praised it") says nothing of its own
        return self._content_of(verb, tokens, least=1 if a_name(tokens) else 3)

    def _topic(self, verb: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "Trump talked about how he's going to build a wall", "Rihanna spoke about the importance of self-love",
        "Trump refers to the governor as “Chris.”", "she pointed to attacks on her campaign": what a speaker talks,
        speaks or writes about, or refers or points to, is reported, with what it is referred to as (#13). The
        listener ("spoke to reporters") and the manner ("spoke on condition of anonymity") are not."""
        if any(c.dep_ == "neg" for c in verb.children) or (
                verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NOT_DONE):
            return None  # "declined to comment on the case", "did not talk about it": nothing was said
        preps = _TOPIC_PREPS[verb.lemma_.lower()]
        topic = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i), None)
        if topic is None or not any(c.dep_ in {"pobj", "pcomp"} for c in topic.children):
            return None
        parts = [topic, *(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > topic.i)]
        tokens = sorted((t for c in parts for t in c.subtree if t != topic), key=lambda t: t.i)
        return self._content_of(verb, tokens)

    def _content_of(self, verb: Token, tokens: list[Token], *, least: int = 3) -> tuple[tuple[int, int],
                                                                                      Attribution] | None:
        """The reported content of a cue subject's request or question: ``tokens`` in the cue's paragraph, up to a
        dash or the next cue, of ``least`` tokens or more, with the cue's subject as its speaker."""
        para_start, para_end = self._paragraph(verb.idx)
        tokens = strip_punct(before_next_cue(before_dash([t for t in tokens if para_start <= t.idx < para_end])))
        if len(tokens) < least:
            return None
        attribution = self.speaker_of(verb, inverted=False)
        if attribution is None or attribution.speaker_text is None:
            return None
        return (tokens[0].idx, tokens[-1].idx + len(tokens[-1])), attribution

    def _naming(self, verb: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "Clinton called half of Donald Trump’s supporters “deplorables.”", "Christie described Clinton as a
        “disgrace”": what a verb that names or judges something says, when its objects hold a quoted fragment, is
        those objects with the fragment, and its subject says it (#13). Without quote marks ("called him a liar")
        it reports no one's words."""
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return None  # "was called a charlatan by fellow physicians": the subject is named, not speaking
        parts = [c for c in verb.children if c.i > verb.i and (
            c.dep_ in _NAMED_PARTS or c.dep_ == "prep" and c.lower_ in _NAMED_PREPS)]
        if not parts:
            return None
        para_start, para_end = self._paragraph(verb.idx)
        # "… the “suburbs of St. Petersburg” — a metaphor for …": what follows a dash is the writer's
        tokens = strip_punct(before_dash([t for c in parts for t in c.subtree if para_start <= t.idx < para_end]))
        if len(tokens) < 2:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        at = bisect.bisect_left(self._quote_starts, start)
        if not (at < len(self.quotes) and self.quotes[at][0] < end) and not marked(self.text[start:end]) \
                and not judged(verb):
            return None
        attribution = self.speaker_of(verb, inverted=False)
        if attribution is None or attribution.speaker_text is None:
            return None
        return (start, end), attribution

    def _parenthetical(self, token: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "The plan, she said, will fail": the clause around the cue is the content (#13). When the parse hangs the
        cue on the clause's subject ("The difference now, he told me on Friday, is that …"), the clause is that
        subject's verb."""
        # "Though that transition was relatively seamless, he said, replacing Clinton would be …": a clause before
        # the cue that the parse hung on it opens the content, it is no part of the cue
        opening = {t.i for c in token.children if c.dep_ in {"advcl", "ccomp"} and c.right_edge.i < token.i
                   for t in c.subtree}
        inner = {t.i for t in token.subtree} - opening
        clause = token.head
        if clause.pos_ not in {"VERB", "AUX"} and clause.dep_ in SUBJECTS and clause.head.pos_ in {"VERB", "AUX"}:
            clause = clause.head
        tokens = strip_punct([t for t in clause.subtree if t.i not in inner and t.sent == token.sent])
        if len(tokens) < 3 or tokens[0].i > token.i:
            return None
        attribution = self.speaker_of(token, inverted=True)
        if attribution is None or attribution.speaker_text is None:
            return None
        return (tokens[0].idx, tokens[-1].idx + len(tokens[-1])), attribution

    def _nominal(self, noun: Token) -> tuple[tuple[int, int], Attribution] | None:
        """ "Trump’s claim that there have been “thousands of shootings” in Chicago", "Clinton’s warning that the
        deal would fail": the clause a speech noun states, opened by "that" with a subject of its own, is reported
        by the noun's owner (#13). A clause whose "that" is its subject or object describes the noun ("the claim
        that he made"), and a noun with no owner names no speaker."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.children if c.dep_ in {"acl", "relcl", "ccomp"} and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                       and any(m.dep_ in SUBJECTS or m.dep_ == "expl" for m in c.children)), None)
        if owner is None or clause is None or self.in_quote(owner.idx) or owner.lower_ == "its":
            return None
        # "its" is left out: "the report was ridiculed for its prediction that …" is the report's, no entity's
        owners = {"his": {"PERSON"}, "her": {"PERSON"}, "their": {"ORG", "NORP"}}
        resolved = (self._antecedent(owner, labels=owners[owner.lower_], role=None, confidence=0.75)
                    if owner.lower_ in owners else self.resolve(owner))
        if resolved is None or resolved.entity is None:
            return None
        para_start, para_end = self._paragraph(noun.idx)
        tokens = strip_punct(before_dash([t for t in clause.subtree if para_start <= t.idx < para_end
                                          and not (t.dep_ == "mark" and t.lower_ == "that" and t.head == clause)]))
        if len(tokens) < 3:
            return None
        attribution = Attribution(resolved.entity, resolved.speaker_text, resolved.speaker_start, resolved.speaker_end,
                                  noun.lower_, noun.idx, noun.idx + len(noun), min(resolved.confidence, 0.6))
        return (tokens[0].idx, tokens[-1].idx + len(tokens[-1])), attribution

    def _according_to(self, token: Token) -> tuple[tuple[int, int], Attribution] | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if to is None or source is None:
            return None
        resolved = self.resolve(source)
        if resolved is None:
            return None
        sent = token.sent
        phrase_start, phrase_end = token.left_edge.i, source.right_edge.i + 1
        if phrase_start <= sent.start + 1:
            content = [t for t in sent if t.i >= phrase_end]
        else:
            content = [t for t in sent if t.i < phrase_start]
        content = strip_punct(content)
        if len(content) < 3:
            return None
        cue_end = to.idx + len(to)
        attribution = Attribution(resolved.entity, resolved.speaker_text, resolved.speaker_start, resolved.speaker_end,
                                  "according to", token.idx, cue_end, resolved.confidence)
        return (content[0].idx, content[-1].idx + len(content[-1])), attribution

    def _paragraph(self, at: int) -> tuple[int, int]:
        """Start and end of the paragraph holding offset ``at``: a sentence the parse ran over a paragraph break
        keeps its content in the cue's paragraph (#13)."""
        end = self.text.find("\n", at)
        return self.text.rfind("\n", 0, at) + 1, len(self.text) if end < 0 else end

    # -- speaker of a cue -------------------------------------------------------------------

    def speaker_of(self, cue: Token, *, inverted: bool = True, describe: bool = True) -> Attribution | None:
        """The speaker of cue verb ``cue``, resolved to an entity when possible.

        Candidates are tried in order; the first that resolves to an entity wins,
        else the first that gives at least a text ("police", "a witness").
        """
        fallback: Attribution | None = None
        place: Attribution | None = None
        unresolved: Token | None = None
        for candidate in self._subject_candidates(cue, inverted=inverted):
            if candidate.lower_ == "it" and candidate.dep_ in SUBJECTS and expletive(candidate):
                return None  # "it was revealed that she had used …": no one speaks, least of all a name after it
            resolved = self.resolve(candidate)
            if (resolved is not None and resolved.entity is not None and candidate.head != cue
                    and candidate.head.lemma_.lower() not in SPEECH_VERBS
                    and self.labels.get(resolved.entity) in _PLACES and self.mention_at(candidate) is not None):
                # "Speaking in Salem, New Hampshire, Trump went after Bush, calling him “…”" (#13); but the
                # subject of a speech verb speaks whatever the tagger called it ("Nefzi said, adding, “…”"),
                # and so does a "place" no one else stands for ("Bryne went on to say, “…”")
                place = place or resolved
                continue
            if resolved is not None and resolved.entity is not None:
                return _with_cue(resolved, cue, resolved.confidence)
            if resolved is not None and (described_subject(candidate, cue) or pronoun_subject(candidate, cue)):
                # "“…” an intelligence source told Fox News", "a man yelled “…”": the cue's own subject
                # speaks even when it names no one; a name further on is a listener or a bystander (#13)
                return _with_cue(resolved, cue, resolved.confidence)
            fallback = fallback or resolved
            if resolved is None and unresolved is None and candidate.dep_ in SUBJECTS and candidate.head == cue:
                unresolved = candidate
        if describe and unresolved is not None:
            fallback = fallback or self._described(unresolved)
        fallback = place or fallback
        return _with_cue(fallback, cue, fallback.confidence) if fallback else None

    def _participle_agent(self, cue: Token) -> Attribution | None:
        """ "Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark as a compliment -- “That makes me
        smart” -- and, when questioned after the debate, asserting, “Of course, I pay federal taxes.”": a participle cue
        with no subject of its own, which the parse hung on a verb inside a quote, is said by the subject of the
        narration's last clause before it that names someone (#13)."""
        if cue.tag_ not in {"VBG", "VBN"} or any(c.dep_ in SUBJECTS for c in cue.children):
            return None
        verb = cue
        for _ in range(3):
            if verb.head == verb or verb.dep_ not in _CLIMBED:
                return None
            verb = verb.head
            if self.in_quote(verb.idx):
                break
        else:
            return None
        line_start = self.text.rfind("\n", 0, cue.idx) + 1
        for before in reversed(cue.doc[cue.sent.start:cue.i]):
            if before.idx < line_start:
                break
            if before.pos_ not in {"VERB", "AUX"} or self.in_quote(before.idx):
                continue
            for subject in (c for c in before.children if c.dep_ in SUBJECTS and line_start <= c.idx < cue.idx):
                found = self.resolve(subject)
                if found is not None and found.entity is not None:
                    return Attribution(found.entity, found.speaker_text, found.speaker_start, found.speaker_end,
                                       None, None, None, min(found.confidence, 0.6))
                return None  # the nearest clause before the cue has a subject that names no one
        return None

    def _described(self, token: Token) -> Attribution | None:
        """The words of a cue's own subject that resolve() could not read ("said the 46-year-old", "the two
        write", "a voice-over in the ad states"): the speaker's text, with no entity (#13)."""
        if token.lower_ in {"it", "this", "that", "there", "what"} or (token.ent_type_ in _WHEN
                                                                      and not token.lower_.endswith("old")):
            return None  # a time ("said Monday") never speaks; an age ("the 46-year-old", tagged DATE) does
        left = token.left_edge if token.left_edge.i >= token.i - 5 else token
        right = token.right_edge if token.right_edge.i <= token.i + 5 else token
        if "\n" in self.text[left.idx:right.idx] or self.in_quote(left.idx) or self.in_quote(right.idx):
            return None
        return Attribution(None, self.text[left.idx:right.idx + len(right)], left.idx, right.idx + len(right),
                           None, None, None, 0.4)

    def _subject_candidates(self, cue: Token, *, inverted: bool) -> list[Token]:
        # "Sanders was asked by host Bill Maher, “…”": the agent speaks, the passive subject listens (#13).
        agents = [p for c in cue.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        found = agents + [c for c in cue.children if c.dep_ == "nsubj"
                          or c.dep_ == "nsubjpass" and not agents and cue.lemma_.lower() not in TELLING]
        verb = cue
        # "He stated the trial would not be fair, saying ...": climb to the clause that has the subject.
        for _ in range(3):
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
                verb = verb.head.head  # "ended his speech by saying “…”" (#13)
            elif verb.dep_ in {"conj", "xcomp", "advcl", "parataxis", "dep"} and verb.head != verb:
                verb = verb.head
            elif verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                named = self.mention_at(verb.head)
                if named is not None and self.labels.get(named.entity or "") == "PERSON":
                    found.append(verb.head)  # "footage of Hillary Clinton asking, “…”": the person speaks
                    break
                # "The senator emailed supporters saying: “…”", "sent an email to supporters stating, “…”" (#13)
                above = verb_above(verb.head)
                if above is None:
                    break
                verb = above
            elif verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS and verb.head != verb:
                verb = verb.head  # "He stated the trial would not be fair, saying …", parsed under "be"
            else:
                break
            if self.in_quote(verb.idx):
                break  # the quoted words are not the clause that says who speaks
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
            # "“…” said Skelly, explaining …: “…”" with the surname tagged as an adverb (#13)
            # but not the object of a verb whose subject is further up ("Warren … endorsed Clinton, saying, “…”")
            found += subjects or [t for t in verb.doc[verb.i + 1:verb.i + 2] if self._lone_surname(t)
                                  and t.dep_ not in {"dobj", "dative"}]
        if not found and cue.i > 0 and (named := self.mention_at(cue.doc[cue.i - 1])) is not None \
                and self.labels.get(named.entity or "") in _NEXT_TO_QUOTE:
            # "“…,” Tulsa police Chief Chuck Jordan said Monday" parsed with no subject: the name the cue
            # follows is its subject by word order (#13)
            found.append(cue.doc[cue.i - 1])
        if inverted:
            # "Calling it “just another apology”, …": a pronoun object is what the cue names, never who speaks (#13)
            found += [c for c in cue.children if c.dep_ in _INVERTED and c.i > cue.i
                      and not (c.dep_ == "dobj" and c.pos_ == "PRON")]
            found += [t for t in cue.doc[cue.i + 1:cue.i + 2] if self._lone_surname(t) and not in_phrase(t, cue)]
            # a name in a phrase after the cue ("calling for Sanders’ withdrawal") is not its speaker (#13)
            found += [t for t in cue.doc[cue.i + 1:cue.i + 6] if (m := self.mention_at(t)) is not None
                      and self.labels.get(m.entity or "") in _NEXT_TO_QUOTE and not in_phrase(t, cue)]
        # A sentence can run over a paragraph break in scraped text: keep the cue's paragraph.
        kept = [t for t in found if not self.in_quote(t.idx) and not listener(t, cue)
                and "\n" not in self.text[min(t.idx, cue.idx):max(t.idx, cue.idx)]]
        described = None if kept else self._described_before(cue)
        # the name an appositive before the cue describes speaks even where the parse hung it on a medium's date
        return kept or ([described] if described is not None and not self.in_quote(described.idx)
                        and "\n" not in self.text[described.idx:cue.idx] else [])

    def _described_before(self, cue: Token) -> Token | None:
        """ "…, Col. Steven H. Warren, a military spokesman in Baghdad, said, “…”" parsed with no subject, the name
        hung on a date before it: the person whose appositive ends at the comma before the cue is its subject by
        word order (#13)."""
        if cue.i < 2 or cue.doc[cue.i - 1].text != ",":
            return None
        node = cue.doc[cue.i - 2]
        for _ in range(APPOSITIVE_STEPS):
            named = self.mention_at(node)
            if (named is not None and self.labels.get(named.entity or "") == "PERSON"
                    and node.right_edge.i >= cue.i - 2 and any(c.dep_ == "appos" for c in node.children)):
                return node
            if node.head == node or node.head.i >= cue.i or node.dep_ not in _APPOSITIVE_PARTS:
                return None
            node = node.head
        return None

    def clause_subject(self, before: int) -> Attribution | None:
        """The subject of the clause that ends just before ``before`` ("Chakrapani proposed: “…”").

        1. The subject of the sentence's root, outside quotes.
        2. When the parse ran the clause into the quote it introduces, so that the root is a word of the
           quote ("Trump issued the following statement: “…”", "Clinton has since apologized for what
           happened: “…”"), the subject of the last verb of the clause that has one naming someone (#13).
        """
        token = self.doc.char_span(before - 1, before, alignment_mode="expand")
        if token is None or len(token) == 0:
            return None
        root = token[0].sent.root
        for candidate in [c for c in root.children if c.dep_ in SUBJECTS]:
            if not self.in_quote(candidate.idx):
                resolved = self.resolve(candidate)
                if resolved is not None and resolved.entity is not None:
                    return resolved
        if not self.in_quote(root.idx) and root.i < token[0].i:
            return None
        line_start = self.text.rfind("\n", 0, before - 1) + 1
        for verb in reversed(self.doc[token[0].sent.start:token[0].i]):
            if verb.idx < line_start:
                break
            if verb.pos_ not in {"VERB", "AUX"} or self.in_quote(verb.idx):
                continue
            for candidate in [c for c in verb.children if c.dep_ in SUBJECTS and c.idx >= line_start]:
                resolved = self.resolve(candidate)
                if resolved is not None and resolved.entity is not None:
                    return resolved
        return None

    def resolve(self, token: Token) -> Attribution | None:
        """Resolve a subject-like token to an entity (or at least to a text span)."""
        mention = self.mention_at(token)
        if mention is not None:
            return _named(mention, 0.9)
        if token.ent_type_ in _WHEN:
            return None
        described = self._named_in_phrase(token) or self._appositive_name(token)
        if described is not None:
            return _named(described, 0.85)
        lower = token.lower_
        if lower in _RELATIVE and token.head.dep_ == "relcl" and token.head.head.pos_ in {"NOUN", "PROPN"}:
            # "Barkley, who said …", "the report, which notes, “…”": the noun the clause describes speaks; the
            # relative pronoun is the speaker's text, as "he" is (#13)
            found = self._relative_person(token) if lower == "who" else None
            found = found or self.resolve(last_conjunct_before(token.head.head, token))
            if found is None:
                return None
            return Attribution(found.entity, token.text, token.idx, token.idx + len(token), None, None, None,
                               found.confidence)
        if lower in {"i", "we"}:
            # a first-person narrator ("“Your Honor,” I said"): the writer speaks, who is no entity here
            return Attribution(None, token.text, token.idx, token.idx + len(token), None, None, None, 0.5)
        if lower == "it" and expletive(token):
            return None
        if lower in PERSON_PRONOUNS or lower in ORG_PRONOUNS:
            # Number agreement: "they" is a group or an organisation, never one named person (#13).
            labels = {"PERSON"} if lower in {"he", "she"} else ({"ORG"} if lower == "it" else {"ORG", "NORP"})
            found = self._antecedent(token, labels=labels, role=None, confidence=0.75)
            return self._nearer_thing(token, found) if lower in ORG_PRONOUNS else found
        if token.lemma_.lower() in ROLE_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
            return self._role(token)
        if token.lemma_.lower() in ORG_NOUNS and token.pos_ == "NOUN":
            found = self._generic_org(token)
            if found is not None:
                return found
        if self._lone_surname(token):
            # "Lopez warned" where the entity stage left this "Lopez" untagged: the one person of that surname
            (person,) = self._surnames[token.text]
            return Attribution(person, token.text, token.idx, token.idx + len(token), None, None, None, 0.7)
        if token.pos_ in {"PROPN", "NOUN"}:
            left = token.left_edge if token.left_edge.i >= token.i - 4 else token
            # "Russia’s TASS news agency": the name closest to the head noun speaks.
            start, end = left.idx, token.idx + len(token)
            return Attribution(None, self.text[start:end], start, end, None, None, None, 0.6)
        return None

    def _nearer_thing(self, pronoun: Token, found: Attribution | None) -> Attribution | None:
        """ "The letter also accuses one of the journalists … It also accused another reporter …", "“…,” the newspaper
        admitted. “…,” it added": "it" or "they" stands for the nearest subject before it of its number, named or not,
        not for an organisation named further back (#13). That subject's own organisation speaks when it has one
        ("the newspaper": the one paper named before); a letter, an email or a plan names no one."""
        subject = self._subject_before(pronoun)
        if subject is None or found is None or found.entity is None:
            return found
        named = self.mention_at(subject)
        if named is not None and named.entity == found.entity:
            return found
        nearest = [m for m in self.mentions if m.entity == found.entity and m.start < pronoun.idx]
        if nearest and nearest[-1].start > subject.idx:
            return found  # the organisation is named after that subject: it is the nearer one
        resolved = self.resolve(subject)
        entity = resolved.entity if resolved is not None else None
        if entity is not None and self.labels.get(entity) not in {"ORG", "NORP"}:
            entity = None
        return Attribution(entity, pronoun.text, pronoun.idx, pronoun.idx + len(pronoun), None, None, None,
                           0.7 if entity else 0.4)

    def _subject_before(self, pronoun: Token) -> Token | None:
        """The last common or proper noun before ``pronoun``, in its sentence or the two before, outside quotes, that
        is a clause's subject of the pronoun's number and names no person."""
        plural = pronoun.lower_ == "they"
        start = self._recent_sentences(pronoun, 2)
        for token in reversed(self.doc[:pronoun.i]):
            if token.idx < start:
                return None
            if (token.dep_ in SUBJECTS and token.pos_ in {"NOUN", "PROPN"} and not self.in_quote(token.idx)
                    and (token.tag_ in {"NNS", "NNPS"}) == plural):
                named = self.mention_at(token)
                return None if named is not None and self.labels.get(named.entity or "") == "PERSON" else token
        return None

    def _relative_person(self, who: Token) -> Attribution | None:
        """The person a "who" clause describes when the parse hung it on the last noun of a longer phrase ("Marc H.
        Morial, the chief executive of the National Urban League, who said …"): "who" stands for a person, so the
        outermost noun of the phrase that names one speaks, not the league."""
        for noun in nouns_above(who.head.head)[:-1]:
            found = self.resolve(noun)
            if found is not None and found.entity is not None and self.labels.get(found.entity) == "PERSON":
                return found
        return None

    def _lone_surname(self, token: Token) -> bool:
        """Whether ``token`` is a capitalised surname of exactly one person the article names, outside quotes."""
        return token.is_title and len(self._surnames.get(token.text, ())) == 1 and not self.in_quote(token.idx)

    def _named_in_phrase(self, token: Token) -> Mention | None:
        """A name inside the noun phrase headed by ``token``, a person first, nearest the head.

        "California Attorney General Xavier Becerra", "the judge presiding over
        the case, Bernard Schwartz", "Russia’s TASS news agency".
        """
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        found = [(m, t.i) for t in token.subtree if (m := self.mention_at(t)) is not None and not self.in_quote(t.idx)
                 and "\n" not in self.text[min(t.idx, token.idx):max(t.idx, token.idx)]
                 and not whose_person(token, t)]
        if not found:
            return None
        people = [(m, i) for m, i in found if self.labels.get(m.entity or "") == "PERSON"]
        chosen, at = min(people or found, key=lambda mi: abs(mi[1] - token.i))
        if self.labels.get(chosen.entity or "") in _WHOSE and only_says_whose(token, token.doc[at]):
            return None  # "US officials said": the officials speak, not the country (#17)
        return chosen

    def _appositive_name(self, token: Token) -> Mention | None:
        """ "One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said …", "someone,
        seemingly Honcharuk, says …": a number or an indefinite pronoun that names no one is the name its appositive
        gives (#13)."""
        if token.pos_ not in {"NUM", "PRON"} or token.lower_ in PERSON_PRONOUNS or token.lower_ in ORG_PRONOUNS:
            return None
        for appositive in (c for c in token.children if c.dep_ == "appos"):
            found = self.mention_at(appositive)
            if found is not None and self.labels.get(found.entity or "") in _NEXT_TO_QUOTE:
                return found
        return None

    def _role(self, token: Token) -> Attribution:
        """A role noun: "the minister" refers back; "the Russian Defense Minister" is a new description. A role
        whose only modifier is a name refers back too when someone it fits, or the subject of a recent sentence, is
        there to refer to ("Karen Alley … The Wooster professor added") (#13)."""
        det = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
        modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "prep", "relcl", "acl"}]
        named = bool(modifiers) and all(c.dep_ == "compound" and c.ent_type_ for c in modifiers)
        if det & {"the", "this", "that", "his", "her", "their"} and (not modifiers or named):
            found = self._antecedent(token, labels={"PERSON"}, role=token.lemma_.lower(), confidence=0.7)
            if found is not None and found.entity is not None and (not named or found.confidence >= 0.7):
                return found
        left = token.left_edge if token.left_edge.i >= token.i - 5 else token
        start, end = left.idx, token.idx + len(token)
        return Attribution(None, self.text[start:end], start, end, None, None, None, 0.5)

    def _generic_org(self, token: Token) -> Attribution | None:
        """ "the agency said": the one organisation named before that it can stand for (#13)."""
        det = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
        if not det & {"the", "this", "that", "its"}:
            return None
        end = bisect.bisect_left(self._starts, token.idx)
        candidates = [m for m in self.mentions[:end] if self.labels.get(m.entity or "") == "ORG"
                      and not self.in_quote(m.start)]
        found = generic_org(token, candidates, window_start=self._recent_sentences(token, ORG_WINDOW_SENTENCES))
        if found is None:
            return None
        left = token.left_edge if token.left_edge.i >= token.i - 4 else token
        start, end_char = left.idx, token.idx + len(token)
        return Attribution(found.entity, self.text[start:end_char], start, end_char, None, None, None, 0.65)

    def _agreeing(self, pronoun: str, labels: frozenset[str]) -> tuple[list[Mention], list[int]]:
        """The article's mentions outside quotes that ``pronoun`` (lower case) can stand for, and their starts; made
        once per pronoun and label set, since an article's pronouns each looked through all its mentions."""
        key = (pronoun, labels)
        found = self._agreeing_cache.get(key)
        if found is None:
            mentions = [m for m in self.mentions if self.labels.get(m.entity or "") in labels
                        and not self.in_quote(m.start)
                        and agrees(pronoun, self.labels.get(m.entity or "", ""), self.genders.get(m.entity or ""))]
            found = self._agreeing_cache[key] = (mentions, [m.start for m in mentions])
        return found

    def _antecedent(self, token: Token, *, labels: set[str], role: str | None, confidence: float) -> Attribution | None:
        fitting_all, starts = self._agreeing(token.lower_, frozenset(labels))
        # "the Wooster professor": a name within the phrase is none of its antecedents
        candidates = fitting_all[:bisect.bisect_left(starts, min(token.idx, token.left_edge.idx))]
        if not candidates:
            return Attribution(None, token.text, token.idx, token.idx + len(token), None, None, None, 0.4)
        if role is not None:
            fitting = [m for m in candidates if role in self.roles.get(m.entity or "", set())]
            if fitting:
                return _pronoun(token, fitting[-1], confidence + 0.1)
        sent_start = token.sent.start_char
        candidates = [m for m in candidates if m.start < sent_start or self._is_subject(m)] or candidates
        recent = self._recent_sentences(token)
        subjects = [m for m in candidates if m.start >= recent and self._is_subject(m)]
        chosen = subjects[-1] if subjects else candidates[-1]
        return _pronoun(token, chosen, confidence if subjects or chosen.start >= recent else confidence - 0.2)

    def _recent_sentences(self, token: Token, back: int = _SUBJECT_BONUS_SENTENCES) -> int:
        sent: Span = token.sent
        for _ in range(back):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return int(sent.start_char)

    def _is_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ == "appos" or root.dep_ == "compound":
            root = root.head
        # A main-clause or speech-verb subject, not one inside reported content.
        return root.dep_ in SUBJECTS and (root.head.dep_ in {"ROOT", "conj"} or root.head.lemma_ in SPEECH_VERBS)


def _named(mention: Mention, confidence: float) -> Attribution:
    return Attribution(mention.entity, mention.text, mention.start, mention.end, None, None, None, confidence)


def _pronoun(token: Token, mention: Mention, confidence: float) -> Attribution:
    return Attribution(mention.entity, token.text, token.idx, token.idx + len(token), None, None, None, confidence)


def _with_cue(attribution: Attribution | None, cue: Token, confidence: float) -> Attribution:
    base = attribution or Attribution(None, None, None, None, None, None, None, confidence)
    return Attribution(base.entity, base.speaker_text, base.speaker_start, base.speaker_end,
                       cue.lower_, cue.idx, cue.idx + len(cue), confidence)
