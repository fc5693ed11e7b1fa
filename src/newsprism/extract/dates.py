"""The ``extract.dates`` stage: temporal expressions resolved against the publication date.

A rule-based tagger (the regex grammar in :mod:`._time_rules`) finds the
expressions; :mod:`._time_resolve` turns each into a TIMEX3-style value. It
needs no parse and runs in well under a millisecond per typical article, which
is why it replaces dateparser (which guesses on every token) and HeidelTime
(seconds per article).

Resolution:

1. Absolute expressions ("October 8, 2022", "2014", "the 1990s") need no anchor.
2. Relative ones ("on Wednesday", "last September", "two weeks ago") are resolved
   against ``Article.published``. A bare weekday or month is the most recent
   one on or before publication, unless the clause is in the future tense
   ("will", "is to", "plans to"), in which case it is the next one.
3. With no publication date, relative expressions are kept with
   ``resolved=False`` and the note "no publication date": never today's date.

The stage also checks the publication date itself (issues ``W301``-``W304``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from ..codes import Code
from ..config import Settings
from ..model import Article, Issue, TimeRef
from ..registry import FunctionStage
from ._time_periods import RESOLVERS as PERIOD_RESOLVERS
from ._time_periods import range_second_year
from ._time_resolve import RESOLVERS, Context, Direction, Resolved
from ._time_rules import (
    COUNT_NOUN,
    DEADLINE,
    DIGITS,
    FUTURE_CUES,
    INTENT_CUES,
    MODAL_CUES,
    MONTHS,
    MOVED_LATER,
    PAST_CUES,
    PATTERN_CLASSES,
    PATTERNS,
    REFUSAL,
    REPORTING,
    SCHEDULED,
    STATIVE,
    TRIGGER_MARGIN,
    TRIGGER_WORDS,
    WEEKDAYS,
    YEAR_NOUNS,
)

STAGE = "extract.dates"
_PRIORITY = {name: index for index, (name, _) in enumerate(PATTERNS)}
_RESOLVERS = {**RESOLVERS, **PERIOD_RESOLVERS}
#: Patterns whose value depends on the tense around them; the others skip the (costly) tense scan.
_TENSED = {"mdy", "dmy", "rel_month", "mod_month", "ctx_month", "month_ctx", "weekend", "rel_weekday", "rel_season",
           "season_year", "ctx_season", "in_n", "quarter", "q", "period_ref", "holiday", "year_end", "unit_part"}
_AUX_BEFORE = re.compile(r"\b(?:be|been|being|have|has|get|gets|is|are|am)\s+$", re.IGNORECASE)
#: Before an "-ed" word, a determiner or preposition makes it an adjective ("in preferred shares").
_ADJECTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|in|of|for|with|on|at|"
                               r"from|into|than|million|billion)\s+$|\d\s+$|\w-$", re.IGNORECASE)
#: What may stand between a reporting verb and the expression it dates: "said Friday", "told the press on
#: Tuesday", "said in a statement on Monday"; a comma or "that" starts what was said, which it does not date.
_DATES_REPORT = re.compile(r"(?:\s+(?!that\b|it\b|he\b|she\b|they\b|which\b)[\w.'’-]+){0,5}?\s+(?:on\s+|at\s+|in\s+)?",
                           re.IGNORECASE)
#: A sentence's end, a closing quotation mark included ("... inner cities.'' On a campaign swing"), or before a dash
#: ("COULD IT BE MISLEADING? - Donald Trump has ..."); a title's full stop before a name ("Gov. Earl Ray Tomblin",
#: "Sen. Ted Cruz") is none.
#: "said the gathering in September would be its last": after "said", a noun phrase opens the words said
#: (a subject), where "told the press on Tuesday" names who was told.
_SAID_CLAUSE = re.compile(r"(?<=said|says)\s+(?:the|a|an|his|her|its|their|our|these|those)\s", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?<!\b(?:Mr|Ms|Dr|Lt|St|Jr|Sr|Mt|Ft)\.)(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Rev|Adm|Maj|Hon)\.)"
                           r"(?<!\b(?:Capt|Prof|Supt|Cmdr)\.)(?:''|[\"”’])?\s+(?=[A-Z\"“‘'(]|[-–—]\s)|\n+")
#: Words after which a four-digit number can only be a year ("fiscal 1989 sales").
_YEAR_ONLY_BEFORE = re.compile(r"\b(?:fiscal|calendar|FY|since|until|in the|the year)\s+$", re.IGNORECASE)
_YEAR_CONTEXT = re.compile(r"(?:\b(?:in|since|until|till|by|from|of|during|before|after|between|and|to|year|"
                           r"early|late|mid|through|for|spring|summer|autumn|fall|winter)\s*|[-–(])$", re.IGNORECASE)


def parse_published(published: str | None) -> dt.datetime | None:
    """Read a publication date (ISO 8601 or an e-mail style date), or ``None``.

    >>> parse_published("2022-11-09").date().isoformat()
    '2022-11-09'
    """
    if not published:
        return None
    text = published.strip().replace("Z", "+00:00")
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    found = []
    windows = _windows(text)
    merged: dict[frozenset[str], list[tuple[int, int]]] = {}  # many patterns share a trigger class set
    for name, pattern in PATTERNS:
        classes = frozenset(PATTERN_CLASSES[name])
        if classes not in merged:
            merged[classes] = _merge(sorted(w for cls in classes for w in windows.get(cls, ())))
        spans = merged[classes]
        for match in (m for lo, hi in spans for m in pattern.finditer(text, lo, hi)):
            start, end = match.span("x")
            if text[end - 2:end] in ("'s", "’s") and not name.startswith("decade"):
                end -= 2
            if name in ("year", "year_range") and not _plausible_year(text, match):
                continue
            if name in ("today", "set", "ref") and _in_title(text, start, end) or _quoted_title(text, start, end, name):
                continue
            found.append((start, end, name, match))
    # Longest span wins; on equal spans the earlier (more specific) pattern does.
    found.sort(key=lambda c: (c[0] - c[1], _PRIORITY[c[2]], c[0]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for cand in found:
        if all(cand[1] <= other[0] or cand[0] >= other[1] for other in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c[0])


_ASCII_WORD = re.compile(r"[a-z]+")


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Ranges around trigger words, per trigger class: the only places an expression can be."""
    windows: dict[str, list[tuple[int, int]]] = {}
    size = len(text)

    def add(cls: str, start: int, end: int) -> None:
        windows.setdefault(cls, []).append((max(0, start - TRIGGER_MARGIN), min(size, end + TRIGGER_MARGIN)))

    for m in DIGITS.finditer(text):
        add("digit", m.start(), m.end())
        if text.startswith("0s", m.end() - 1) or text.startswith(("'s", "’s"), m.end()) and m.group()[-1] == "0":
            add("decade", m.start(), m.end())  # "1990s", "'90s", "1990's": the only places a decade can be
    # str.find per trigger word is C-speed; a token loop in Python cost more than the grammar. Only the trigger
    # words the text has are looked for: most of them are absent, and each absent one scanned the whole text.
    lowered = text.lower()
    for word in TRIGGER_WORDS.keys() & set(_ASCII_WORD.findall(lowered)):
        classes = TRIGGER_WORDS[word]
        index = lowered.find(word)
        while index >= 0:
            end = index + len(word)
            if (index == 0 or not lowered[index - 1].isalpha()) and (end == size or not lowered[end].isalpha()):
                for cls in classes:
                    add(cls, index, end)
            index = lowered.find(word, end)
    return windows


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _in_title(text: str, start: int, end: int) -> bool:
    """ "USA Today", "Daily Xtra": a capitalised time word beside another capitalised word is part of a name."""
    if not text[start].isupper():
        return False
    # A word ending a sentence ("on Wednesday. Yesterday, ...") is no part of a name; nor is what follows
    # a time word that opens a sentence ("Yesterday New York's governor said").
    before = re.search(r"(?:^|\s)[A-Z][\w.]*[^\W.]\s$|(?:^|\s)[A-Z]\.[A-Z]\.\s$", text[max(0, start - 20):start])
    opens = not text[:start].strip() or re.search(r"[.!?][\"”’')]?\s+$|\n\s*$", text[max(0, start - 5):start])
    return bool(before) or (not opens and bool(re.match(r"\s[A-Z]\w", text[end:end + 3])))


#: The last character of an opening quotation mark right before an expression ('"', '“', '‘', the `` of wire copy).
_QUOTE_MARKS = "\"“‘`"
_WORD = re.compile(r"[^\W\d_]+")


def _quoted_title(text: str, start: int, end: int, name: str) -> bool:
    """ 'speaking on ABC News' "This Week,"', 'said on ABC-TV's "This Week With David Brinkley"': an expression
    that opens a quotation with a capital on a word English writes in lower case is the title of a programme,
    a book or a film, not a time (#13). Months, weekdays and holidays are capitalised anyway."""
    if name == "holiday" or not start or text[start - 1] not in _QUOTE_MARKS:  # a string test: it runs for every match
        return False
    return any(word[0].isupper() and word.lower() not in MONTHS and word.lower() not in WEEKDAYS
               for word in _WORD.findall(text, start, end)[1:])


def _plausible_year(text: str, match: re.Match[str]) -> bool:
    """A bare four-digit number is a year unless it counts things ("2000 people")."""
    start, end = match.span("x")
    after = text[end:end + 30]
    before = text[max(0, start - 25):start]
    if re.search(r"(?:No\.|number|page|p\.|tel\.?|phone|room|flight|route|\+)\s*$", before, re.IGNORECASE):
        return False
    if COUNT_NOUN.match(after) and not YEAR_NOUNS.match(after) and not _YEAR_ONLY_BEFORE.search(before):
        return False
    if _year_in_name(text, start) and not _YEAR_ONLY_BEFORE.search(before):
        return False
    year = int(match["y"])
    return 1900 <= year <= 2100 or bool(_YEAR_CONTEXT.search(before))


#: A capitalised word right before a bare year ("Reform Bill 2019", "Comicon 2019").
_CAPITALISED_BEFORE = re.compile(r"\b(?P<w>[A-Z][^\W\d_]*)[ \t]+$")
#: Capitalised words after which a year is still a date: function words that open a sentence or a title
#: ("In 2019", "Since 1985", "For 1988"), months, seasons, eras.
_DATE_WORDS_BEFORE_YEAR = re.compile(
    r"(?:in|since|for|from|before|after|by|until|till|through|between|of|during|to|on|at|and|or|the|a|an|this|"
    r"that|last|next|early|late|mid|around|about|circa|maybe|fiscal|calendar|year|ad|bc|bce|ce|"
    r"spring|summer|autumn|fall|winter|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
    r"march|april|june|july|august|september|october|november|december)", re.IGNORECASE)
#: What ends a sentence before the word: a word that opens its sentence ("Maybe 2009", "Update: Circa 1990")
#: is no name; a quotation mark is no sentence end here ('a program dubbed "Zrínyi 2026"').
_OPENS_BEFORE = re.compile(r"(?:^|[.!?:;][\"”’')\]]?\s+|\n\s*)$")


def _year_in_name(text: str, start: int) -> bool:
    """A bare year after a capitalised word inside a sentence is part of a name: "the Reproductive Health Care
    Reform Bill 2019", "a joint venture called Orion 1980", "Toronto Comicon 2019", "US Championship 2018".
    The dev set's guidelines leave years inside names of laws, events and models untagged, as TimeML does (#13)."""
    word = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if word is None or _DATE_WORDS_BEFORE_YEAR.fullmatch(word["w"]):
        return False
    return not _OPENS_BEFORE.search(text, max(0, word.start() - 4), word.start())


#: Initials ending in a full stop ("p.m.", "a.m.", "U.S."): no sentence ends there.
_INITIALS_BEFORE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    # One character past ``start``: the look-ahead for a sentence's capital must see the expression's own first
    # letter, or a sentence that opens with the expression ("... March 2019. The next month will be harder")
    # took the tense of the sentence before (#13).
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), min(len(text), start + 1)):
        if m.end() < start or m.end() == start and not _INITIALS_BEFORE.search(text, max(0, m.start() - 6), m.start() + 1):
            left = m.end()  # "Polls close at 8 p.m. Tuesday": initials are no sentence end
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def tense(text: str, start: int, end: int, *, weekday: bool = False, modal: bool = False,
          progressive: bool = True) -> Direction:
    """Past or future, from the tense cues of the expression's sentence.

    1. A deadline word just before it ("until", "by", "payable", "expires")
       points forward, unless the sentence is in the past tense: then the
       nearer occurrence is taken (``None``), or the past one after a state
       that ended ("was envoy until December"). A verb that moves an event later
       ("postponed until", "extended to") always points forward.
    2. Otherwise the nearest cue before the expression decides; a reporting
       verb ("said", "told") counts only when no comma or clause ("that", "it
       will") comes between ("said Friday", "told the press on Tuesday"), since
       otherwise it frames what was said and dates nothing in it (#13); nor
       does any cue before such a framing verb.
       "would" looks ahead as "will" does ("said the split would be paid in
       January"; a future seen from a moment long past is rare in news), but
       for a weekday it gives ``"near"`` (a weekday ahead of a moment told in
       the past is within days of it), and an "-ed"
       word in the clause of a future cue is a participle ("will redeem
       preferred shares"), not a past tense.
       A future seen from a past moment ("was expected to", "was due to",
       "planned to") gives ``"near"``: the nearer occurrence either side.
       A scheduled event's verb in the simple present just before it ("they
       meet separately Monday", "takes effect Jan. 1") looks ahead. With
       ``modal``, "can", "must" and "should" look ahead within their own
       clause ("a candidate who can win in November"), and an "-ed" word after
       them is a past ("cannot afford another debate like the one he delivered
       Monday"). Without ``progressive``, a present progressive ("is
       continuing to") is no future cue. A past after "if" and its subject, in
       a sentence with "would", is a hypothesis ("how ties would fare if he
       won the election on Nov. 8"): no cue, or the nearer weekday.
    3. If there is none, the first cue after it ("On Friday, officials said"),
       short of a closing quotation mark and leaving out infinitives ("an
       election to be held on August 9").
    """
    left, right = _sentence_bounds(text, start, end)
    opening = _OPENING_CLAUSE.match(text, left, start)
    if opening is not None:
        left = opening.end()  # "After Trump suggested it could ..., early August debate centered": the main clause's tense
    left = _inside_quotation(text, left, start)
    semicolon = text.rfind(";", left, start)
    if semicolon >= 0:
        left = semicolon + 1  # "On Monday the Senate will vote; on Tuesday the House voted": a clause of its own
    before = text[left:start]
    if MOVED_LATER.search(before[-90:]):
        return "future"
    if _SINCE_BEFORE.search(before[-60:]):
        return "past"  # "Since October, officials have told residents ...": what a span runs from has begun
    cues: list[tuple[int, Direction]] = []
    modals: set[int] = set()
    framed = 0
    for m in _cues(before, modal=modal):
        if REPORTING.fullmatch(m.group()) and (not _DATES_REPORT.fullmatch(before[m.end():])
                                               or _SAID_CLAUSE.match(before, m.end())):
            cues.clear()  # what it frames starts here: a verb before it dates the telling, not the words told
            framed = m.end()
            continue
        if not progressive and _PROGRESSIVE.fullmatch(m.group()):
            continue
        hypothesis = m.re is PAST_CUES and bool(_HYPOTHESIS_BEFORE.search(before, max(0, m.start() - 40), m.start())
                                                 and _WOULD.search(text, left, right))
        if hypothesis and not weekday:
            continue  # "how ties would fare if he won the election on Nov. 8": the past of a hypothesis
        if m.re is MODAL_CUES:
            if _CLAUSE_BREAK.search(before, m.end()) or _NOUN_DATED_BEFORE.search(before, m.end()):
                # "should ignore the critics who on Sunday cast ...": the modal's clause has ended; "should get a
                # boost from the win Tuesday": the day dates the noun right before it, not what the modal governs.
                continue
            modals.add(m.start())
        # Which list found the cue, not a second match of its text: "'ll" cannot match again alone (the list's
        # word boundary needs a letter before the apostrophe), so "he'll be" was read as a past.
        direction: Direction = "future" if m.re is FUTURE_CUES or m.re is MODAL_CUES else "near" if hypothesis else "past"
        if direction == "future" and weekday and m.group().lower() == "would":
            # "predicted that Humberto would pass by Bermuda Wednesday night", written on Thursday: a weekday
            # seen ahead from a moment told in the past is the nearer one, not next week's (#13).
            direction = "near"
        if direction == "future" and (_PAST_AUX_BEFORE.search(before, max(0, m.start() - 12), m.start())
                                      or _FUTURE_IN_PAST.match(m.group()) or _bare_participle(before, m)):
            # "was expected to end on December 15", "was projected on November 7": a future seen from a
            # past moment, or a passive past; the nearer occurrence decides.
            direction = "near"
        if not cues or cues[-1][0] != m.start():  # "expected" is both: the future reading wins
            cues.append((m.start(), direction))
    while len(cues) > 1 and cues[-2][0] not in modals and _participle_after_future(before, cues[-2], cues[-1][0]):
        cues.pop()  # "will redeem Series H preferred shares on Oct. 31": "preferred" is no past tense
    _add_intent(cues, before, max(framed, cues[-1][0] if cues else 0), weekday=weekday)
    scheduled = _scheduled(before)
    if scheduled is not None and (not cues or cues[-1][0] < scheduled):
        cues.append((scheduled, "future"))  # "they meet separately Monday": a plan, told in the present
    nearest = cues[-1] if cues else None
    found: Direction = nearest[1] if nearest else None
    stative = bool(nearest and STATIVE.match(before, nearest[0]))
    verb_after = _clause_verb_after(text, end)
    if verb_after is not None and nearest is not None and nearest[0] != scheduled \
            and not _CLAUSE_BREAK_OR_DASH.search(before, nearest[0]):
        verb_after = None  # a cue of the expression's own clause before it decides
    if verb_after is not None:
        # "Trevor Noah on Thursday showed ...", "Her allies on Monday predicted ...": the clause's own verb right
        # after the expression dates it, before a first cue further on or a present read in a noun ("host").
        found = verb_after
    elif nearest is None:
        # A quotation closing after the expression ends what can date it: in '"... in November," Jorgensen
        # argued', the verb dates the telling, not the words quoted.
        closing = _CLOSING_QUOTE.search(text, end, right)
        limit = closing.start() if closing else right
        asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text, end, min(limit, end + 2 * _AFTER_REACH))]
        # An aside does not count against the reach: the clause's verb may come after it.
        reach = min(limit, end + _AFTER_REACH + sum(b - a for a, b in asides if a < end + _AFTER_REACH))
        question = _QUESTION_AFTER.search(text, end, reach)
        reach = question.start() if question else reach
        window = text[end:reach]
        asides = [(a - end, b - end) for a, b in asides]
        after = [m for m in _cues(window)
                 if not _INFINITIVE_CUE.match(m.group()) and not _QUALIFIER_CUE.fullmatch(m.group())
                 and not any(a <= m.start() < b for a, b in asides)]
        found = None if not after else "future" if after[0].re is FUTURE_CUES else "past"
        if found == "future" and _FUTURE_IN_PAST.match(after[0].group()):
            found = "near"  # "On Friday morning, world leaders were to gather again": a plan seen from the past
    if DEADLINE.search(before[-30:]) and not stative:
        # "gave them until May": a deadline set in the past may still lie ahead; "was envoy until May" may not.
        return None if found == "past" else "future"
    return found


#: A sentence opening with a subordinate clause up to its comma: its cues are not the main clause's.
_OPENING_CLAUSE = re.compile(r"[\"“'‘(]?(?:After|Before|When|While|Although|Though|If|Unless|Because|Since|As|Once|Until)\s"
                             r"[^,;:\"”]{3,150},\s+")
_WEAK_PAST = re.compile(r"[a-z]{3,}ed")
_PAST_AUX_BEFORE = re.compile(r"\b(?:was|were|had|had been)\s+$", re.IGNORECASE)
_FUTURE_IN_PAST = re.compile(r"was\b|were\b|planned to", re.IGNORECASE)
#: A relative clause or an aside between commas, dashes or brackets after the expression ("On Monday, Graham, who
#: had endorsed Bush, will headline a fundraiser"): its verbs are not the main clause's.
_ASIDE = re.compile(r",\s+(?:who|whom|whose|which)\b[^,;:—–()\"“”]*,|\s[—–]\s?[^—–]{1,160}?[—–]|—[^—]{1,160}?—|\([^()]{1,160}\)")
#: Infinitives ("to be held on August 9") qualify a noun; after the expression they date nothing before them.
_INFINITIVE_CUE = re.compile(r"to\s", re.IGNORECASE)
#: Nor do "next" and "coming" after it: they qualify a noun ("the stuff coming out of their taps").
_QUALIFIER_CUE = re.compile(r"next|coming", re.IGNORECASE)
#: How far after the expression its clause's verb is looked for ("On Monday, the chairman of the committee, John
#: Smith, said"): a cue further on is in another clause ("..., who is popular and whose support she will need").
_AFTER_REACH = 120
#: Nor past a question it frames: "Asked on Monday whether Mr. Clinton would hold a post" (the "would" is the
#: question's).
_QUESTION_AFTER = re.compile(r"\b(?:whether|why|how)\b", re.IGNORECASE)
#: "since" with its gerund ("Since announcing in October") or a determiner ("since their Oct. 13 debate").
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[a-z]+ing\b[^,;:.!?]{0,40}\s|(?:the|their|his|her|its|our)\s+)?$",
                           re.IGNORECASE)
#: A quotation mark after the expression, closing ('"... in November," Jorgensen argued') or opening ("In July,
#: she put it: ``RT is providing a view you won't get''"): the words on its other side are not the clause's.
_CLOSING_QUOTE = re.compile(r"[“”«»\"]|``|''")
#: A day used as a modifier ("the November 13 deadline", "a July 25 meeting", "the state's June 7 primary"): no
#: verb's tense governs it.
_DAY_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$|\w['’]s\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}\b")
#: A name after "the Nov. 8": the day qualifies it as a noun would ("the Nov. 8 U.S. presidential election", "the
#: Feb. 1 Iowa caucuses").
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+|[A-Z]\.[A-Z]\.|[A-Z]{2,})(?=[\s,])")
#: Words that open no noun: function words, prepositions and conjunctions ("win in November because of",
#: "to win in November without a unified party", "gains in November among ...": no modifier).
_NOT_A_NOUN = re.compile(r"the|and|for|with|when|after|before|this|that|its|his|her|their|our|was|were|will|"
                         r"would|has|had|have|are|but|from|into|only|also|last|next|alone|because|without|among|"
                         r"amid|against|despite|within|while|where|since|until|unless|though|although|than|then|"
                         r"over|under|about|across|through|toward|towards|via|per|onto|upon|nor|yet|not|\w+ed|\w+ly",
                         re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:(]|\b(?:and|but|while|which|who|after|when|as|because)\b")
#: A cue before such a break, or a dash, is another clause's: "is sapping her support — a poll on Wednesday showed".
_CLAUSE_BREAK_OR_DASH = re.compile(r"[,;:(—–]|\s-\s|\b(?:and|but|while|which|who|after|when|as|because)\b")


_PLAN_PARTICIPLE = re.compile(r"scheduled|slated|planned for|expected|anticipated|projected|predicted|forecasted",
                              re.IGNORECASE)
_PRESENT_AUX_BEFORE = re.compile(r"\b(?:is|are|am|be|been|being|will be|['’]s|['’]re)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


#: "if" and a subject of up to three words before a verb; with "would" in the sentence, its past is a hypothesis.
_HYPOTHESIS_BEFORE = re.compile(r"\bif\s+(?:[\w'’.-]+\s+){1,3}$", re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b|['’]d\b", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"(?:is|are|am)\s+\w+ing", re.IGNORECASE)
#: A determiner and a noun right before a day, with no preposition: the day dates that noun ("the win Tuesday").
_NOUN_DATED_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that)\s+[a-z]+\s+$", re.IGNORECASE)
#: A scheduled event's verb governing the expression: at most three words between, no clause break.
_SCHEDULED_BEFORE = re.compile(rf"\b(?:{SCHEDULED.pattern})(?:\s+(?!(?:and|but|or|that|which|who|after|when|while)\b)"
                               r"[\w'’.:-]+){0,3}?\s+(?:on\s+|in\s+|at\s+|from\s+|until\s+|through\s+)?$", re.IGNORECASE)
#: Before a present verb, an infinitive's "to", an auxiliary, a determiner, a preposition or a number shows it is
#: no present tense ("plans to meet", "did not meet", "a vote", "37 votes").
_NO_PRESENT_BEFORE = re.compile(
    r"(?:\b(?:to|the|a|an|his|her|its|their|our|my|your|this|that|these|those|of|for|in|on|at|with|by|after|before|"
    r"during|did|does|do|could|would|should|might|may|must|can|will|shall|not|never|new|first|last|next)|['’]s|"
    r"n['’]t|\d)\s+$", re.IGNORECASE)


def _inside_quotation(text: str, left: int, start: int) -> int:
    """Where the words quoted around the expression begin, when a quotation opens between ``left`` and it and is
    not closed: the telling's verbs before the mark date the telling, not the words ('artist Leisha Riddell
    emphasized the need for boundaries, saying "this weekend, I'm becoming part of the couch"') (#13)."""
    span = text[left:start]
    for opening, closing in (("“", "”"), ("``", "''")):  # curly marks, and the `` '' of wire copy
        at = span.rfind(opening)
        if at >= 0 and span.rfind(closing) < at:
            return left + at + len(opening)
    plain = span.rfind('"')
    if plain >= 0 and span.count('"') % 2 == 1:
        return left + plain + 1
    return left


def _add_intent(cues: list[tuple[int, Direction]], before: str, start: int, *, weekday: bool) -> None:
    """An intention told in the past with its infinitive, at or after the last cue ("Thermo Electron, which agreed
    to purchase the line for $22 million in February", "their willingness to participate in a debate on October
    15"): what it dates comes after the telling, so the nearer occurrence; a weekday stays the past one ("the
    cabinet voted to lift it on Saturday afternoon, and announced the decision that night") (#13). Looked for
    only from ``start`` (the last cue, or the words a reporting verb frames), which keeps the cue scan as it was."""
    found = list(INTENT_CUES.finditer(before, start))
    if not found:
        return
    intent = found[-1]
    if cues and cues[-1][0] == intent.start():
        cues.pop()  # "agreed" is a past cue too: the intention's reading wins
    cues.append((intent.start(), "past" if weekday else "near"))


#: The clause's verb right after the expression, with no comma between ("the Senate on Tuesday voted").
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b(?!\s+by\b)")
_NOT_VERBS = {"ago", "last", "earlier", "previously", "says", "next", "coming", "hence"}


def _clause_verb_after(text: str, end: int) -> Direction:
    """The tense of a verb right after the expression, where the expression stands between a subject and its
    verb ("Trevor Noah on Thursday showed", "allies on Monday predicted", "the House on Friday will vote"):
    that verb dates it. A verb in "-ed" is a past tense there even when it is a future cue before an expression
    ("predicted that ... would"), and one followed by "by" is a participle ("Monday followed by ..."), no verb."""
    m = _VERB_AFTER.match(text, end)
    if m is None or m.group(1) in _NOT_VERBS:
        return None
    word = m.group(1)
    if word in ("will", "shall"):
        return "future"
    if PAST_CUES.fullmatch(word):
        return "past"
    return None


def _scheduled(before: str) -> int | None:
    """Where a scheduled event's verb in the simple present governs the expression ("the talks resume on
    Tuesday", "they meet separately Monday", "the law takes effect Jan. 1"), else ``None``. News writes what
    is planned in this tense (#13); a past verb, an auxiliary or "to" before it leaves the tense to them."""
    match = _SCHEDULED_BEFORE.search(before, max(0, len(before) - 60))
    if match is None or _in_name(before, match.start()):
        return None
    preceding = before[max(0, match.start() - 25):match.start()]
    word = re.search(r"([\w'’-]+)\s+$", preceding)
    if _NO_PRESENT_BEFORE.search(preceding) or (word is not None and PAST_CUES.fullmatch(word.group(1))):
        return None
    if word is not None and _noun_before_bare_form(word.group(1), before[match.start():]):
        return None
    return match.start()


def _in_name(before: str, start: int) -> bool:
    """ "said on NBC's ''Meet the Press'' on Sunday", "told CBS' Face the Nation on Sunday": a verb written with a
    capital inside its clause is a word of a programme's or a film's name, no plan told in the present (#13)."""
    return before[start].isupper() and bool(before[:start].strip(" \t\"“‘'`("))


#: Plural subjects that do not end in "s", the pronouns that take a verb's bare form, and adverbs that may stand
#: between a subject and its verb ("he'll probably go", "they then travel").
_BARE_FORM_SUBJECTS = {"i", "we", "you", "they", "people", "children", "men", "women", "police", "staff", "also",
                       "then", "again", "still", "now", "soon", "just", "only", "often", "first", "both", "all"}


def _noun_before_bare_form(word: str, rest: str) -> bool:
    """ "radio host Hugh Hewitt on Thursday", "off to a rocky start Monday": a verb's bare form after a singular
    word in lower case is a noun, not a plan told in the present (a singular subject takes "hosts", "starts");
    the bare form follows a plural ("the talks resume") or a pronoun ("they meet")."""
    verb = re.match(r"[a-z]+", rest)
    if verb is None or verb.group().endswith("s") or not word.islower():
        return False
    return word not in _BARE_FORM_SUBJECTS and not word.endswith(("s", "ly"))


def _bare_participle(before: str, m: re.Match[str]) -> bool:
    """ "Other games scheduled for Wednesday were still held": a plan's participle with no "is" or "will
    be" before it qualifies a noun, and says nothing of when the plan falls."""
    return bool(_PLAN_PARTICIPLE.fullmatch(m.group())) and not _PRESENT_AUX_BEFORE.search(
        before, max(0, m.start() - 20), m.start())


def _participle_after_future(before: str, previous: tuple[int, Direction], start: int) -> bool:
    """An "-ed" word in the clause of a future cue before it is a participle or an adjective, not a past tense."""
    word = re.match(r"\w+", before[start:])
    if previous[1] != "future" or previous[0] >= start or word is None or not _WEAK_PAST.fullmatch(word.group()):
        return False
    return not REPORTING.fullmatch(word.group()) and not _CLAUSE_BREAK.search(before, previous[0], start)


#: "last" after "to" or a modal is the verb ("a fight it expects to last into the spring"), no past cue.
_VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must)\s+$|['’]ll\s+$", re.IGNORECASE)


def _cues(span: str, *, modal: bool = False) -> list[re.Match[str]]:
    """Tense cues in ``span`` in text order; a participle after "be" or "have" ("will be held") is none."""
    found = [m for m in FUTURE_CUES.finditer(span)]
    if modal:
        found += MODAL_CUES.finditer(span)
    # Both checks look at the word just before the cue: searching the whole span before it cost a tenth of the stage.
    found += [m for m in PAST_CUES.finditer(span) if not _AUX_BEFORE.search(span, max(0, m.start() - 20), m.start())
              and not (m.group().endswith("ed") and _ADJECTIVE_BEFORE.search(span, max(0, m.start() - 20), m.start()))
              and not (m.group().lower() == "last" and _VERB_LAST_BEFORE.search(span, max(0, m.start() - 12), m.start()))]
    if "not" in span or "n't" in span or "n’t" in span:
        found += REFUSAL.finditer(span)
    return sorted(found, key=lambda m: m.start())


def find_times(text: str, *, published: str | None = None) -> list[TimeRef]:
    """Find and resolve every temporal expression in ``text``.

    Args:
        text: The article text.
        published: Publication date (ISO 8601) used as the anchor.

    Returns:
        One :class:`TimeRef` per expression, in text order.

    >>> [t.value for t in find_times("It fell on Wednesday.", published="2022-11-09")]
    ['2022-11-09']
    """
    moment = parse_published(published)
    # A publication year far outside any news (year 1, 9999) leaves no room to count days and years
    # either way, nor holiday rules: such a date anchors nothing.
    anchor = moment.date() if moment and 1000 <= moment.year <= 8999 else None
    refs: list[TimeRef] = []
    previous: list[tuple[str, str]] = []
    previous_end = -1
    period: str | None = None
    dateline = _dateline_end(text)
    # Whether the text gave a date after publication, or any day: only then does "that day" need a tense.
    told_ahead = told_day = False
    year_told: tuple[int, int] | None = None  # where the last year named ends, and the year, for "In 2016, ..."
    for start, end, name, match in _candidates(text):
        tensed = (name in _TENSED or name == "anaphor" and (told_ahead or not told_day)
                  or name == "ago" and not told_day and match["dir"].lower() == "later"
                  or name == "rel_unit" and (match["unit"].lower() in ("quarter", "weekend")
                                             or match["x"][:9].lower() == "the next "))
        direction = (tense(text, start, end, weekday=name == "rel_weekday", modal=name in _NAMED)
                     if tensed and not _modifier(text, start, end, name) else None)
        if direction == "future" and name == "rel_weekday" and _OUTCOME_AFTER.match(text, start, start + 60) \
                and not _AHEAD_OF.search(text, max(0, start - 20), start):
            direction = "past"  # "Tuesday's outcome is unlikely to provide much clarity": an outcome has come
        if (name == "month_mod" or name in ("mdy", "dmy") and direction is None and tensed
                and _modifier(text, start, end, name)) and _modifier_ahead(text, start, end, match, anchor):
            direction = "future"
        frame = _frame_year(text, start, year_told) if name in _FRAMED and direction != "future" else None
        ctx = Context(anchor=anchor, direction=direction, text=text, previous=tuple(previous),
                      previous_end=previous_end, period=period, frame_year=frame)
        result: Resolved = _RESOLVERS[name](match, ctx)
        if result.note == "not a time":
            continue
        ref = TimeRef(start=start, end=end, text=text[start:end], value=result.value,
                      granularity=result.granularity,  # type: ignore[arg-type]
                      kind=result.kind, resolved=result.resolved and result.value is not None,
                      anchor=anchor.isoformat() if anchor else None, note=result.note, stage=STAGE)
        joined = (_DAY_FROM_DAY.fullmatch(text, refs[-1].start, start)
                  or _THE_BEFORE.search(text, max(0, refs[-1].start - 4), refs[-1].start)
                  and _WEEKDAY_FROM_DAY.fullmatch(text, refs[-1].start, start)) if refs else None
        if joined is not None and ref.resolved and ref.kind == "date" and ref.granularity == "day" and ref.value:
            # "the day after Christmas", "the day before Monday's vote": counted from the day named right after,
            # not from the date the text gave before it, nor left as an event (#13).
            ref = _counted_from(refs.pop(), ref, joined, text)
            if previous and previous_end == joined.end(1):
                previous.pop()
        refs.append(ref)
        if (name in ("year", "mod_year") or name == "rel_unit" and match["unit"].lower() == "year") \
                and ref.value and ref.value.isdigit():
            year_told = (end, int(ref.value))
        if result.names_period and ref.resolved and _reported(ref.value, anchor, direction) and (
                period is None or _RESULTS_QUARTER.search(text, start, min(len(text), end + 10))):
            # Once set, the reporting quarter changes only for another quarter's results ("third-quarter
            # profit", "the quarter ended June 30"), not for one named in passing ("after a flat second quarter").
            period = ref.value
        if (ref.resolved and ref.kind == "date" and ref.value and ref.value[:4].isdigit()
                and not (ref.start < dateline[1] and _in_dateline(ref, text, dateline))
                and ref.text.lower() != "overnight" and not (name in ("today", "this_pod") and _quoted(text, start))):
            # The dateline is the publication date, not a story date; "overnight" is
            # dated by publication only for want of better, so nothing counts from it ("the previous Friday").
            previous.append((ref.value, ref.granularity))
            previous_end = ref.end
            told_ahead = told_ahead or anchor is not None and ref.value > anchor.isoformat()
            told_day = told_day or len(ref.value) >= 10
        refs.extend(_range_end(text, ref, name))
    return _attach_clock_dates(_order_ranges(refs, text), text)


def _modifier_ahead(text: str, start: int, end: int, match: re.Match[str], anchor: dt.date | None) -> bool:
    """A month before a noun in a clause that looks ahead ("Abortion will become a larger issue in the November
    elections", "states that will matter most in a November matchup"), written in spring: the coming one, not
    the nearer one a modifier otherwise takes (#13). Not the month just ended, whose reports and figures a plan
    speaks of ("will get the release of the November jobs report", written on December 1), nor after a present
    progressive, which tells a state as often as a plan ("is continuing to try to sell itself, under a June
    agreement")."""
    if anchor is None or (MONTHS[match["mon"].lower().rstrip(".")] - anchor.month) % 12 == 11:
        return False
    return tense(text, start, end, progressive=False) == "future"


#: Names of days, months, seasons and holidays: the expressions a modal's clause dates ahead.
_NAMED = {"mdy", "dmy", "rel_month", "mod_month", "ctx_month", "month_ctx", "weekend", "rel_weekday", "rel_season",
          "season_year", "ctx_season", "holiday"}
#: Months and days that take their year from the sentence's opening frame when they have none of their own.
_FRAMED = {"mdy", "dmy", "mod_month", "ctx_month", "month_mod", "month_ctx"}
#: What opens a sentence set in a year, right before the year: "In 2016,", "In the 2016 United States presidential
#: election,", "During late 1989".
_FRAME_BEFORE_YEAR = re.compile(r"(?:^|[.!?][\"”’')]?\s+|\n\s*)[\"“'‘(]?(?:In|During|Throughout)\s+(?:the\s+)?"
                                r"(?:(?:early|late|mid)[- ]?\s*)?$")


#: A year ("last year", "2016") written right before a month or a day that has none: "Last year August 8".
_YEAR_THEN_MONTH = re.compile(r",?\s+(?:in\s+|on\s+)?")


def _frame_year(text: str, start: int, year_told: tuple[int, int] | None) -> int | None:
    """The year the expression's sentence opens with ("In the 2016 United States presidential election, Sanders
    continued his bid ... until June": June 2016, not the June before publication) (#13). Only the last bare
    year the text gave can be it, which keeps the check to the few sentences that name a year."""
    if year_told is None or start - year_told[0] > 300 or _SENTENCE_END.search(text, year_told[0], start):
        return None
    if _YEAR_THEN_MONTH.fullmatch(text, year_told[0], start):
        return year_told[1]  # "Last year August 8 was one of the happiest days": August 8 of last year
    year_start = year_told[0] - 4
    if not _FRAME_BEFORE_YEAR.search(text, max(0, year_start - 40), year_start):
        return None
    return year_told[1]


def _dateline_end(text: str) -> tuple[int, int]:
    """Where a dateline can be: from the text's first character to 40 characters on, on its first line. A story
    that opens on its second line ("Sunday, October 27, 2019\\n\\nOn Friday, the Department announced ...")
    dates its events from that line on, so "later the same day" counts from its Friday (#13)."""
    first = len(text) - len(text.lstrip())
    newline = text.find("\n", first)
    return first, min(first + 41, newline) if newline >= 0 else first + 41


#: A word in lower case: what a dateline's place and agency ("MOSCOW, Nov. 9 (AP) -") never have before its date.
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def _in_dateline(ref: TimeRef, text: str, dateline: tuple[int, int]) -> bool:
    """Whether an expression is the dateline's date: in the dateline's place, a date with its day or year
    written in figures, with only a place or an agency before it. A first sentence that names a day early ("On
    Monday, police arrested a man. The next day ...") dates its story, which "the next day" counts from (#13)."""
    first, end = dateline
    return ref.start < end and any(c.isdigit() for c in ref.text) and not _LOWER_WORD.search(text, first, ref.start)


#: A day or week counted from the day named right after it: "the day after Christmas".
_DAY_FROM_DAY = re.compile(r"((?:the|a|one)\s+(day|week)\s+(before|after))\s+", re.IGNORECASE)
#: "the Saturday before Christmas", "the Friday after Thanksgiving": that weekday next to the day named after it.
_WEEKDAY_FROM_DAY = re.compile(r"((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(before|after))\s+")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _counted_from(shift: TimeRef, day: TimeRef, joined: re.Match[str], text: str) -> TimeRef:
    """One expression of "the day after" (or "the Saturday before") and the day it counts from."""
    unit, after = joined.group(2).lower(), joined.group(3).lower() == "after"
    week = unit == "week"
    base = dt.date.fromisoformat((day.value or "")[:10])
    if unit in WEEKDAYS:
        gap = (WEEKDAYS[unit] - base.weekday()) % 7 if after else (base.weekday() - WEEKDAYS[unit]) % 7
        step = dt.timedelta(days=gap or 7)
    else:
        step = dt.timedelta(days=7 if week else 1)
    when = base + (step if after else -step)
    value = f"{when.isocalendar()[0]:04d}-W{when.isocalendar()[1]:02d}" if week else when.isoformat()
    return TimeRef(shift.start, day.end, text[shift.start:day.end], value, "week" if week else "day", "date", True,
                   day.anchor, f"{joined.group(1).lower()} {day.text}", STAGE)


def _quoted(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation opened in its paragraph."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    opened = max(before.rfind("“"), before.rfind("``"))
    if opened >= 0:  # curly marks, or the `` '' of wire copy
        return max(before.rfind("”"), before.rfind("''")) < opened
    return before.count('"') % 2 == 1


#: A weekday's outcome ("Tuesday's outcome", "after Tuesday's victory in Indiana", "as Tuesday's results show",
#: "Tuesday's 22-point defeat"): the day has passed whatever the clause's modal or plan says of its
#: consequences (#13). Not after words that look ahead to it ("ahead of Tuesday's results").
_OUTCOME_AFTER = re.compile(r"[A-Za-z]+day['’]s\s+(?:[\w-]+\s+){0,2}?(?:outcomes?|results?|victory|victories|wins?|"
                            r"defeats?|loss|losses|landslide|upset|romp|sweep)\b")
_AHEAD_OF = re.compile(r"\b(?:ahead of|before|awaiting|await|until)\s+$", re.IGNORECASE)


def _modifier(text: str, start: int, end: int, name: str) -> bool:
    """A month and day without a year between a determiner and a noun ("the November 13 deadline"), or a
    month before a noun ("a bid for October elections")."""
    if name == "ctx_month":
        noun = _NOUN_AFTER.match(text, end)
        return noun is not None and not _NOT_A_NOUN.fullmatch(noun.group().strip())
    return (name in ("mdy", "dmy") and not re.search(r"\d{4}", text[start:end])
            and bool(_DAY_MODIFIER_BEFORE.search(text, max(0, start - 5), start))
            and bool(_NOUN_AFTER.match(text, end) or _NAME_AFTER.match(text, end)))


_RANGE_DAY = re.compile(r"\s*(?:to|-|–|and|through)\s*(\d{1,2})\b(?!\s*(?:%|[,.]\d|:))")


_RESULTS_QUARTER = re.compile(r"-quarter\b|quarter\s+(?:ended|ending)\b", re.IGNORECASE)


def _reported(quarter: str | None, anchor: dt.date | None, direction: Direction) -> bool:
    """A quarter results can be reported for: not after the publication's ("the third quarter of 1990" is a
    forecast), nor the publication's own when the sentence looks ahead ("will result in a fourth-quarter charge")."""
    if not quarter or anchor is None or not re.fullmatch(r"\d{4}-Q[1-4]", quarter):
        return False
    named, current = (int(quarter[:4]), int(quarter[-1])), (anchor.year, (anchor.month - 1) // 3 + 1)
    return named < current or (named == current and direction != "future")


_RANGE_YEAR = re.compile(r"\s*[-–]\s*(\d{4}|\d\d)\b")


def _range_end(text: str, ref: TimeRef, name: str) -> list[TimeRef]:
    """The second value of a range: "March 15 to 17", "2009-2010", "1957-58"."""
    if name == "year_range" and ref.value:
        m = _RANGE_YEAR.match(text, ref.end)
        second = range_second_year(ref.value, m.group(1)) if m else None
        if m is None or second is None:
            return []
        return [TimeRef(m.start(1), m.end(1), m.group(1), second, "year", "date", True, ref.anchor, "end of a range", STAGE)]
    if name != "mdy" or not ref.resolved or not ref.value or len(ref.value) != 10:
        return []
    m = _RANGE_DAY.match(text, ref.end)
    if not m or not int(ref.value[8:]) < int(m.group(1)) <= 31:
        return []
    value = f"{ref.value[:8]}{int(m.group(1)):02d}"
    return [TimeRef(m.start(1), m.end(1), m.group(1), value, "day", "date", True, ref.anchor, "end of a range", STAGE)]


#: "from March to May", "between January and March", "Dec. 28 through Jan. 3": two ends of one range.
_RANGE_JOIN = re.compile(r"\s*(?:to|through|until|till|and|-|–)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_YEAR_DIGITS = re.compile(r"\d{4}|['’]\d\d\b")


def _order_ranges(refs: list[TimeRef], text: str) -> list[TimeRef]:
    """Make the two ends of a range without years run forward in time.

    Each end is resolved alone, so "Between January and March, sales rose", written in February, gave this
    January and last March. The end told in the past keeps its year and the start is the latest one before
    it; otherwise the start keeps its year and the end is the first one after it.
    """
    out = list(refs)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if _weekday_range(first, second, text):
            out[index], out[index + 1] = _order_weekdays(first, second)
            continue
        if not (first.resolved and second.resolved and first.value and second.value and first.kind == second.kind == "date"
                and first.granularity == second.granularity and first.granularity in ("day", "month")
                and second.value < first.value and first.anchor
                and _RANGE_JOIN.fullmatch(text, first.end, second.start)
                and _RANGE_OPEN.search(text, max(0, first.start - 10), first.start)
                and not _YEAR_DIGITS.search(first.text + " " + second.text)):
            continue
        if second.value <= first.anchor:
            value, index_to = _shift_year(first.value, second.value, later=False), index
        else:
            value, index_to = _shift_year(second.value, first.value, later=True), index + 1
        if value is not None:
            out[index_to] = dataclasses.replace(out[index_to], value=value, note="ordered with the other end of its range")
    return out


#: "Wednesday through Sunday", "Monday to Friday", "Saturday-Sunday": two weekdays that bound one stretch.
_WEEKDAY_JOIN = re.compile(r"\s*(?:to|through|thru|until|till|-|–)\s*", re.IGNORECASE)


def _weekday_range(first: TimeRef, second: TimeRef, text: str) -> bool:
    if not (first.resolved and second.resolved and first.value and second.value and first.anchor
            and first.kind == second.kind == "date" and len(first.value) == len(second.value) == 10
            and first.text.lower() in WEEKDAYS and second.text.lower() in WEEKDAYS):
        return False
    return bool(_WEEKDAY_JOIN.fullmatch(text, first.end, second.start)
                or text[first.end:second.start].strip().lower() == "and"
                and _RANGE_OPEN.search(text, max(0, first.start - 10), first.start))


def _order_weekdays(first: TimeRef, second: TimeRef) -> tuple[TimeRef, TimeRef]:
    """The two ends of a range of weekdays, less than a week apart and in order.

    Each end is resolved alone, and a deadline word ("through", "until") sends the end ahead: a poll "taken
    Wednesday through Sunday", written on a Tuesday, ran from the Wednesday before to the Sunday just gone, not
    to next Sunday. As for months, the end told in the past keeps its day and the start is the latest one
    before it; otherwise the start keeps its day and the end is the first one after it.
    """
    start, end = dt.date.fromisoformat(first.value or ""), dt.date.fromisoformat(second.value or "")
    gap = (end.weekday() - start.weekday()) % 7 or 7
    if (end - start).days == gap:
        return first, second
    note = "ordered with the other end of its range"
    if second.value and first.anchor and second.value <= first.anchor:
        return dataclasses.replace(first, value=(end - dt.timedelta(days=gap)).isoformat(), note=note), second
    return first, dataclasses.replace(second, value=(start + dt.timedelta(days=gap)).isoformat(), note=note)


def _shift_year(value: str, bound: str, *, later: bool) -> str | None:
    """``value`` in the nearest year that puts it after ``bound`` (``later``) or before it."""
    for step in (range(-1, 2) if later else range(1, -2, -1)):
        year = int(bound[:4]) + step
        candidate = f"{year:04d}{value[4:]}"
        if (candidate >= bound if later else candidate <= bound) and (len(value) == 7 or _valid_day(candidate)):
            return candidate
    return None


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _attach_clock_dates(refs: list[TimeRef], text: str) -> list[TimeRef]:
    """Give "2 p.m." the date of a day-level expression just before it ("on Monday at 2 p.m.") or right after
    it ("at midnight Friday", "0300 UTC Monday morning"); a clock and the day right after it are one expression."""
    out: list[TimeRef] = []
    skip = -1
    for index, ref in enumerate(refs):
        if index == skip:
            continue
        prev = out[-1] if out else None
        after = refs[index + 1] if index + 1 < len(refs) else None
        day = prev if prev is not None and ref.start - prev.end <= 12 else None
        if after is not None and _CLOCK_THEN_DAY.fullmatch(text, ref.end, after.start):
            day = after
        if (ref.kind == "time" and ref.value and "T" in ref.value and day is not None and day.resolved
                and day.granularity == "day" and day.kind == "date" and day.value):
            # "midnight Friday" is the night at the end of Friday, as readers and TIMEX3 (T24:00) take it;
            # "on October 9 at midnight" is left at its start.
            clock = "T24:00" if ref.text.lower() == "midnight" and day is after else ref.value[ref.value.index("T"):]
            end = ref.end
            if day is after and _CLOCK_ZONE_DAY.fullmatch(text, ref.end, after.start):
                # "midnight Friday", "noon Thursday", "10 p.m. Wednesday": one expression, as TIMEX3 writes it.
                end, skip = after.end, index + 1
            ref = TimeRef(ref.start, end, text[ref.start:end], day.value + clock,
                          ref.granularity, ref.kind, True, ref.anchor, ref.note, ref.stage)
        out.append(ref)
    return out


#: Only a day written right after the clock ("midnight Friday", "2100 UTC, yesterday", "at 8 p.m. on Feb. 28",
#: "11:00 p.m. EDT on Sunday", "until 5 p.m. EST Nov. 9") is its day.
_CLOCK_THEN_DAY = re.compile(r"(?:\s+(?:local\s+time|[A-Z]{2,4}))?\s*(?:,\s*)?|(?:\s+(?:local\s+time|[A-Z]{2,4}))?\s+on\s+")
#: Nothing, or a time zone and its comma: what may stand inside one expression of a clock and its day
#: ("noon Thursday", "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6", as TIMEX3 writes them).
_CLOCK_ZONE_DAY = re.compile(r"\s*|\s+[A-Z]{2,4}\s*,?\s*")


_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?:/|-|$)")


def check_published(article: Article, times: Iterable[TimeRef], *, now: dt.datetime | None = None) -> list[Issue]:
    """Sanity checks on ``article.published``: W301 future, W302 before its events, W303 URL, W304 unreadable."""
    if not article.published:
        return []
    moment = parse_published(article.published)
    if moment is None:
        return [Issue(Code.PUBLISHED_UNREADABLE, f"publication date {article.published!r} could not be read; relative dates "
                      "stay unresolved. Give an ISO 8601 date.", STAGE)]
    issues: list[Issue] = []
    published = moment.date()
    reference = (parse_published(article.fetched) if article.fetched else None) or now or dt.datetime.now(dt.UTC)
    if published > reference.date() + dt.timedelta(days=1):
        issues.append(Issue(Code.PUBLISHED_IN_FUTURE, f"publication date {published} is after the fetch time or now "
                            f"({reference.date()}); check the source's date field", STAGE))
    later = [t for t in times if t.kind == "date" and t.granularity == "day" and t.value
             and t.note is None and re.search(r"\d{4}", t.text) and t.value > (published + dt.timedelta(days=1)).isoformat()
             and tense(article.text, t.start, t.end) == "past"]
    if later:
        issues.append(Issue(Code.PUBLISHED_BEFORE_EVENTS, f"the text reports events on {later[0].value} ('{later[0].text}'), after the "
                            f"publication date {published}; the publication date is probably wrong", STAGE))
    url_date = _URL_DATE.search(article.url or "")
    if url_date:
        year, month, day = int(url_date[1]), int(url_date[2]), int(url_date[3] or 0)
        if (year, month) != (published.year, published.month) and not day:
            issues.append(Issue(Code.URL_DATE_DISAGREES, f"the URL says {year}-{month:02d} but the publication date is {published}", STAGE))
        elif day and abs((dt.date(year, month, day) - published).days) > 1:
            issues.append(Issue(Code.URL_DATE_DISAGREES, f"the URL says {year}-{month:02d}-{day:02d} but the publication date is "
                                f"{published}", STAGE))
    return issues


def extract_dates(article: Article) -> Article:
    """Fill ``article.times`` and add publication-date issues."""
    times = find_times(article.text, published=article.published)
    issues = check_published(article, times)
    return article.replace(times=tuple(times), issues=article.issues + tuple(issues))


def make_stage(settings: Settings) -> FunctionStage:
    """The ``extract.dates`` stage (no model: settings are not needed)."""
    return FunctionStage(name=STAGE, func=extract_dates, requires=("text",), assigns=("times", "issues"))
