"""Word tables and the regex grammar of temporal expressions (English news).

Each pattern in :data:`PATTERNS` has a name that :mod:`newsprism.extract.dates`
maps to a resolver, and a named group ``x`` that is the expression itself
(prepositions such as "on" or "in" are matched for context only, outside
``x``, as TIMEX3 annotation does).
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: Months a season covers (northern hemisphere): where it starts, for past/future decisions.
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}
UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
    "decade": "DE", "century": "CE", "fortnight": "W", "weekend": "WE",
}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

#: Words whose presence before a temporal expression makes it point forward.
FUTURE_CUES = re.compile(
    r"\b(?:will|won't|won’t|'ll|’ll|shall|forecasts?|forecasted|anticipated|expected|predicts?|predicted|projected|could(?!\s+(?:not\s+)?have\b)|might(?!\s+(?:not\s+)?have\b)|would(?!\s+(?:not\s+)?have\b)|(?-i:may)(?!\s+(?:not\s+)?have\b)|(?:is|are|was|were) to|(?:is|are|was|were) due|plans? to|planning to|planned (?:for|to)|scheduled|"
    r"set (?:to|for)|is expected to|are expected to|expects? to|going to|intends? to|(?:un)?likely to|upcoming|awaits?|awaiting|"
    r"would (?:be|take|hold) place|"
    r"to be held|to take place|next|coming(?!\s+(?:out|from|off|up|down|into|through|under|together)\b)|from now|hence|slated|(?:is|are|am) (?-i:[a-z]{3,}ing)(?<!\bbeing))\b",
    re.IGNORECASE,
)
#: Modals of the present and the future ("a candidate who can win in November", "must not only win in November",
#: "should beat her at the polls in November"): what they govern in their own clause has not happened yet. Apart
#: from FUTURE_CUES because they date only names of days, months and seasons: "can happen in 4 years" and "can
#: accept in a year" are lengths and rates. A negated "can" is a present inability, no plan ("some stores can't run
#: the Wednesday special").
MODAL_CUES = re.compile(r"\b(?:can|must|should)\b(?!['’]t|\s+(?:not\s+)?have\b)", re.IGNORECASE)
#: An intention told in the past, with its infinitive ("agreed to purchase", "voted to lift", "their
#: willingness to participate"): what the infinitive dates comes after the telling, so it may lie ahead.
#: A day may stand between the verb and its "to" ("vowed Tuesday to remain in the fight through June 7", "agreed
#: last week to").
INTENT_CUES = re.compile(r"\b(?:agreed|decided|voted|promised|pledged|vowed|threatened|offered|refused|willingness)"
                         r"(?:\s+(?:on\s+)?(?-i:[A-Z][a-z]+day)|\s+(?:yesterday|today|(?:last|this) week))?\s+to\b", re.IGNORECASE)
PAST_CUES = re.compile(
    r"\b(?:said|says|was|were|had|did|told|announced|reported|added|died|killed|began|ended|held|took|came|"
    r"went|met|made|left|won|lost|brought|bought|sold|paid|fell|rose|gave|got|found|became|saw|grew|led|kept|"
    r"spent|sent|built|sought|drew|chose|wrote|spoke|broke|fought|stood|felt|heard|knew|laid|"
    r"(?:may|might|must|should) have|"
    r"ago|last|earlier|previously|as of|(?-i:[a-z]{2,}ed)(?<!\bneed)(?<!\bseed)(?<!\bfeed)(?<!\breed)(?<!\bheed)(?<!\bdeed)(?<!\bweed)(?<!\bsled)"
    r"(?<!\baged)(?<!\bshed))\b",
    re.IGNORECASE,
)

#: The report of a refusal is a past cue too ("wouldn't say Tuesday", "could not be reached for comment Saturday"):
#: a negated saying is the telling, not a plan. Apart from PAST_CUES, and looked for only in a span holding a
#: negation, since a look-behind among the cues was tried at every word of every span.
REFUSAL = re.compile(r"(?:\bnot|n['’]t)\s+(?:say|comment|confirm|elaborate|specify|be\s+reached)\b", re.IGNORECASE)

#: Verbs of scheduled events in the simple present ("they meet separately Monday", "the talks resume on
#: Tuesday", "the law takes effect Jan. 1"): news writes what is planned in this tense, so the date lies ahead.
SCHEDULED = re.compile(
    r"(?:meets?|begins?|starts?|opens?|reopens?|ends?|closes?|concludes|resumes?|returns?|launch(?:es)?|leaves?|arrives?|travels?|go|goes|fly|flies|convenes?|testif(?:y|ies)|"
    r"takes? (?:effect|office)|falls on|kicks? off|gathers?|departs?|debuts?|premieres?|holds?|hosts?|visits?|votes?)",
    re.IGNORECASE,
)
#: Reporting verbs: the time of the telling, a date only right before it ("said Friday").
REPORTING = re.compile(r"(?:said|says|told|announced|reported|added|stated|noted|wrote|according|suggested|argued|claimed|insisted|warned|acknowledged|conceded|explained|asserted|contended|maintained|signaled|signalled|indicated|confirmed|revealed|declared|disclosed)", re.IGNORECASE)
#: A deadline or a start just before an expression: it usually lies ahead ("payable Dec. 7", "until May").
DEADLINE = re.compile(
    r"\b(?:until|till|through|by|effective|payable|due|expires?|expiring|deadline(?: of)?|starting|beginning|"
    r"of record)(?:\s+(?:on|in|at|the end of))?\s+$",
    re.IGNORECASE,
)
#: Past-tense states: with "until" or "through" they ended before the telling.
STATIVE = re.compile(r"(?:was|were|had|remained|stayed|lasted|served|continued|lived|worked|ran)\b", re.IGNORECASE)
#: Verbs that move an event later, before "to"/"until" ("postponed until Tuesday"), and "ahead of": what follows lies ahead.
MOVED_LATER = re.compile(
    r"\b(?:postpone[sd]?|postponing|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|adjourn(?:s|ed|ing)?|"
    r"extend(?:s|ed|ing)?|reschedul(?:e|es|ed|ing)|push(?:es|ed|ing)? back|put(?:s|ting)? off|mov(?:e|es|ed|ing) back)\b"
    r"[^.!?]{0,60}?\b(?:to|until|till)\s+(?:on\s+)?$|\b(?:ahead|in advance) of\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_FULL_MONTH = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
#: A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "the year two thousand".
_YEAR_WORDS = (
    rf"(?i:(?:nineteen|eighteen)[\s-]+(?:{_TENS}(?:[\s-]+{_UNITS})?|{_TEENS}|hundred|oh[\s-]+{_UNITS})"
    rf"|(?<=the year )two thousand(?:\s+(?:and\s+)?(?:{_UNITS}|{_TEENS}))?)"
)
_MOD = r"(?i:early|earlier in|mid|late|later in|the (?:start|beginning|middle|end) of|the first half of|the second half of)"
_REL = r"(?i:last|next|this|past|coming|previous|following|upcoming)"
#: A number in words up to ninety-nine, its alternatives grouped by first letter: the count patterns try it at
#: every position of their windows, and a flat list of thirty words cost a fifth more scanning.
_NUMBER = (
    r"(?:(?:t(?:wenty|hirty)|f(?:orty|ifty)|s(?:ixty|eventy)|eighty|ninety)"
    r"(?:[\s-]+(?:one|t(?:wo|hree)|f(?:our|ive)|s(?:ix|even)|eight|nine))?"
    r"|t(?:en|welve|hirteen|wo|hree)|eleven|f(?:ourteen|ifteen|our|ive)|s(?:ixteen|eventeen|ix|even)"
    r"|eighteen|eight|nineteen|nine|one)"
)
#: A count of units: digits, a number in words up to ninety-nine ("twenty-four hours", "thirty five days"; the
#: tens alone dropped the units, "twenty-four hours" was four), or a vague amount.
_NUM_WORD = (
    rf"(?:\d+|a(?:n|\s+(?:hundred|few|couple\s+of))?|{_NUMBER}|several|some|many)"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_CONTEXT = (
    r"(?i:in|on|since|until|till|by|from|through|to|during|before|after|between|and|of|for|or|"
    r"early|mid|late|since early|since late|end of|start of|beginning of|middle of)"
)

_P = [
    ("iso", rf"\b(?P<x>(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?)\b"),
    ("slash", rf"(?<![\d/])(?P<x>(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR}|\d\d))(?![\d/])"),
    ("mdy", rf"\b(?P<x>(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<mod>{_MOD})[- ]?\s*)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?)(?![,.]?\d)"),
    ("dmy", rf"\b(?P<x>(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?)\b"),
    ("my", rf"\b(?P<x>(?:(?P<mod>{_MOD})[- ]?\s*)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR}))\b"),
    ("rel_month", rf"\b(?P<x>(?P<rel>{_REL})\s+(?P<mon>{_FULL_MONTH}|May))\b"),
    ("mod_month", rf"\b(?P<x>(?P<mod>(?i:early|mid|late))[- ]\s*(?P<mon>{_FULL_MONTH}|May))\b"),
    ("ctx_month", rf"\b(?P<pre>{_CONTEXT})\s+(?P<x>(?P<mon>{_FULL_MONTH}|May))\b(?!\s+\d)"),
    # A month as a modifier: "under a June agreement", "the April report" (#13); no verb governs it, so it
    # is the nearer occurrence, not the tense's, unless its clause looks ahead ("will ... the November elections").
    ("month_mod", rf"\b(?P<pre>a|an|the|its|their|his|her)\s+(?P<x>(?P<mon>{_FULL_MONTH}|May))(?=\s+[a-z]{{3,}}\b)"),
    ("month_ctx", rf"\b(?P<x>(?P<mon>{_FULL_MONTH}))(?=\s+(?:and|or|to|through)\s+{_MONTH}\b)"),
    ("month_of_rel", rf"\b(?P<x>(?P<mon>{_FULL_MONTH}|May)(?:\s+(?P<d>{_DAY}))?,?\s+(?:of\s+)?(?P<rel>(?i:last|this|next|the previous|the following))\s+year)\b"),
    # The event may be a noun phrase ("the day before the vote") or a clause ("the day before he was pulled
    # over", #13): either way it is not dated, and the publication day is no anchor for it.
    ("event_span", rf"\b(?P<x>(?:(?i:the)|(?P<n>(?i:{_NUM_WORD})))\s+(?P<unit>day|night|week|month|year|hour)s?\s+(?:before|after|prior to|following|leading up to))\s+(?!(?:yesterday|tomorrow|today|last|next|that|this|{_MONTH}|{_WEEKDAY}|Christmas|Easter|Thanksgiving)\b)(?P<event>(?:the|an?|his|her|their|its|he|she|they|we|you|I|it|[A-Z][\w'-]+|(?!(?:and|or|but|in|on|at|to|for|with|as|by|from|of|was|were|is|are|will|would|when|while|which|who)\b)[a-z][\w'-]+)\b[^,.;:!?\n\"“”()]{{0,60}})"),
    ("anaphor", r"\b(?P<x>(?:(?P<shift>later|earlier)\s+)?(?:that|the same)\s+(?:(?P<unit>day|week|month|year)|(?P<pod>morning|afternoon|evening|night))|the (?P<unit2>week|month|year) (?P<dir2>before|after)(?!\s+last\b)|(?P<shift2>later|earlier) in the day|the (?P<rel>day before|day after|next day|following day|previous day)|(?P<one>a|one) day (?P<dir>later|earlier|before|after))\b"),
    ("weekend", r"\b(?P<pre>over|during|at|on|across|ahead of|before|after|until|for)\s+(?P<x>the\s+weekend)\b"),
    ("rel_weekday", rf"\b(?P<x>(?:(?P<rel>{_REL})\s+)?(?P<wd>{_WEEKDAY})(?:'s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?)\b"),
    ("today", r"\b(?P<x>(?P<w>today|yesterday|tomorrow|tonight|overnight|the day before yesterday|the day after tomorrow)(?:'s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?)\b"),
    ("this_pod", r"\b(?P<x>(?P<rel>this|last|earlier this|later this)\s+(?P<pod>morning|afternoon|evening|night))\b"),
    ("rel_unit", rf"\b(?P<x>(?:the\s+)?(?P<rel>{_REL}|the past|the last|the next|the coming)\s+(?P<unit>week|weekend|month|year|decade|century|quarter|fortnight))\b"),
    # "twice as high a dividend this year as last": the unit before, its noun left out (#13).
    ("elided_last", r"\bthis\s+(?P<unit>week|month|year)\b[^.;:!?\n]{0,30}?\b(?:as|than|and|or)\s+(?P<x>last)(?=\s*[.,;:!?)]|\s*$|\s+(?:and|or|but)\b)"),
    # "this fall in prices", "this fall from grace": the noun, not the season.
    ("rel_season", rf"\b(?P<x>(?P<rel>{_REL})\s+(?P<season>spring|summer|autumn|fall(?!\s+(?:in|from)\s+(?-i:[a-z]))|winter))\b"),
    ("season_year_words", rf"\b(?P<x>(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<w>{_YEAR_WORDS}))\b"),
    ("season_year", rf"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|late|mid)[- ]?\s*)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>{_YEAR}))\b"),
    # "in the winter", and with a modifier and no article: "in late fall", "until early spring" (#13).
    ("ctx_season", r"\b(?P<pre>in|during|by|until|since|over|into|of|through|throughout|from)\s+(?P<x>the\s+(?:(?P<mod>early|late|mid)[- ]?)?(?P<season>spring|summer|autumn|winter|fall(?!\s+(?:of|in|from|to)\b))|(?P<mod2>early|late|mid)[- ]?(?P<season2>spring|summer|autumn|fall|winter))\b"),
    ("year_end", r"\b(?P<x>(?:the\s+)?(?:end of (?:the|this) year|year-end|year end|year['’]s end))\b"),
    # "by the end of the month", "the middle of this week": the publication's month or week, with the part in the note.
    ("unit_part", r"\b(?P<x>the\s+(?P<part>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>month|week))\b"),
    # "Islam will one day be", "could someday": an unnamed time ahead, not a day's length.
    ("someday", r"\b(?:will|could|may|might|would|can)\s+(?P<x>one day|some ?day)\b"),
    # "today is the eighth day of Desert Shield", "it's the second day of an offensive": the day of writing.
    ("nth_day", rf"(?:\bis|['’]s|\bmarks)\s+(?P<x>(?:the\s+)?(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day)\s+(?:of|in|since)\b"),
    # "Until then", "since then": the last date the text gave (#13).
    ("then", r"\b(?P<pre>[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore)\s+(?P<x>then)\b(?![-‐])"),
    ("this_year_kind", r"\b(?=the|earlier|later)(?P<x>(?:the\s+(?P<which>current|latest|full|past|last|previous|prior)?\s*fiscal\s+year(?!\s+(?:19|20)\d\d)|the\s+(?:current|full)\s+year|(?P<shift>earlier|later)\s+in\s+the\s+(?P<unit>year|month|week)))\b"),
    ("vague_ref", r"\b(?P<x>(?:the\s+)?(?P<w>(?:near|distant|foreseeable) future|(?<=at )a later date|(?<=in )past (?:years|decades)|near term|coming (?:days|weeks|months|quarters|years)|recent (?:days|weeks|months|quarters|years)|future quarters|(?:(?<=in )|(?<=over )|(?<=for ))the (?:short|long) term(?![\w-]))|(?:the\s+)?(?:past|last) (?:several|few) (?:days|weeks|months|quarters|years)|(?:years|months|weeks|decades) ago)\b"),
    ("year_words", rf"\b(?P<x>(?:(?P<mon>{_FULL_MONTH})\s+)?(?:the\s+year\s+)?(?P<w>{_YEAR_WORDS}))\b"),
    ("ago", rf"\b(?P<x>(?:(?:a(?:bout|round|lmost|t least)|nearly|some|roughly|more than|over|just|only)\s+)?(?P<n>{_NUM_WORD})\s+(?P<unit>{_UNIT})\s+(?:or so\s+)?(?P<dir>ago|earlier|before|later|from now|hence))\b"),
    ("in_n", rf"\b(?P<pre>in|within)\s+(?P<x>(?P<n>{_NUM_WORD})\s+(?P<unit>{_UNIT}))\b(?!\s+(?:ago|earlier|later|of\b))"),
    # "the fourth quarter of 1998", "the first quarter of next year" (#13).
    ("quarter", rf"\b(?P<x>(?:the\s+)?(?:fiscal[- ])?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[- ]quarter(?:(?:\s+of)?\s+(?:fiscal\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<rel>(?i:this|last|next))\s+year)?)\b"),
    ("q", rf"\b(?P<x>Q(?P<q>[1-4])\s*(?P<y>{_YEAR})?)\b"),
    ("period_ref", r"\b(?P<x>(?:the|this|that(?!\s+(?:first|second|third|fourth|1st|2nd|3rd|4th)\b)|(?P<ly>(?:last|this|next)\s+year['’]s))\s+(?P<mods>(?:(?:latest|most recent|current|same|comparable|corresponding|year-ago|year-earlier|year-before|prior-year|fiscal|(?:19|20)\d\d(?![-–](?:19|20)?\d\d\b)|first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+){0,3})(?P<unit>quarter|period)\b(?![-‐](?:to|on|over)[-‐])(?:\s+(?:a|one)\s+year\s+(?:ago|earlier|before)\b)?)"),
    ("year_ago_adj", r"\b(?P<x>year-(?:earlier|ago))\b"),
    ("holiday", rf"\b(?P<x>(?:(?P<rel>(?i:last|next|this|past|coming|previous|upcoming))\s+|(?P<y0>{_YEAR})\s+)?(?P<h>Thanksgiving(?: Day)?|Memorial Day|Labou?r Day|Martin Luther King(?: Jr\.)? Day|Presidents['’]? Day|Columbus Day|Veterans['’]? Day|Good Friday|Easter(?: Sunday| Monday| [Ww]eek)?|Boxing Day|Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Halloween|Valentine['’]s Day|(?:the )?Fourth of July|Black Friday|Cyber Monday|Super Tuesday|(?:St\.?|Saint) Patrick['’]s Day)(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?)(?![\w'’-]|\s+[A-Z]|\s+(?:\d{{1,2}}|II)\b)"),
    ("year_range", rf"(?<![\w$£€#.,/-])(?P<x>(?P<y>{_YEAR}))(?=\s*[-–]\s*(?:{_YEAR}|\d\d)(?![\w%/-]|[.,]\d))"),
    # "the last half of 1989", "the second half of next year", "the first half of the year" (#13).
    ("half", rf"\b(?P<x>(?:the\s+)?(?:(?P<ord>first|second|last|latter)\s+half|(?P<two>first|last)\s+two\s+quarters)\s+of\s+(?:(?P<y>{_YEAR})\b|(?P<rel>this|last|next|the)\s+year\b(?![\s-]+(?:ago|earlier|before|after|ended|ending))))"),
    ("decade", r"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[- ]?\s*)?(?P<dec>1[5-9]\d|20\d)0(?:'s|s))"),
    ("decade_short", r"(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[- ]?\s*)?['’](?P<dd>\d)0s)\b"),
    ("decade_word", r"\b(?P<x>the\s+(?:(?P<mod>early|mid|late)[- ]?\s*)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"),
    ("century", r"\b(?P<x>(?:the\s+)?(?:(?P<mod>early|mid|late)[- ]?\s*)?(?P<c>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century)\b"),
    ("mod_year", rf"\b(?P<x>(?P<mod>{_MOD})[- ]?\s*(?P<y>{_YEAR}))\b"),
    ("year", rf"(?<![\w$£€#.,/-])(?P<x>(?P<y>{_YEAR}))(?![\w%/-]|[.,]\d)"),
    ("clock", r"\b(?P<x>(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mm>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b))"),
    ("clock_mil", r"(?<![\d:.,])(?P<x>(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:UTC|GMT|Z)\b)"),
    ("clock24", r"\b(?P<pre>at|by|from|until|around|before|after)\s+(?:(?:about|around|approximately|roughly)\s+)?(?P<x>(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d))(?:\s*(?:GMT|UTC|local time|hrs|h)\b)?(?![\d])(?!\s*(?:billion|million|trillion|thousand|percent|points?|cents?)\b|%)"),
    ("noon", r"\b(?P<x>(?P<w>noon|midday|midnight))\b"),
    ("ref", r"\b(?P<x>(?P<w>now|currently|at present|presently|nowadays|these days|recently|lately|in recent years|in recent months|in recent weeks|in the past(?!\s+(?:\d+|a few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b)|in(?:to)? the future|at this time|at this (?:[a-z]+ )?(?:moment|juncture)|at this (?:crucial|critical|difficult|decisive|late|early) time|formerly|as soon as possible|(?<!as )soon|at the moment|so far this year))\b"),
    # "for the year", "a high for the year", "the first nine months of the year": the story's year (#13);
    # "this time of the year" is any year.
    ("the_year", r"(?<!time )\b(?P<pre>[Ff]or|of|during|through|throughout|in)\s+(?P<x>the\s+year)\b(?![\s-]+(?:ago|earlier|before|"
                 r"after|ended|ending|end|to|that|when|in\s+which|of(?!\s+[$£€#])|\d+|it|he|she|they|we|I|you|the|a|an|his|her|its|their)\b|['’-])"),
    # "For the week, the index dropped 3.8%", "the week's most active session": the week the story is about (#13).
    ("the_week", r"(?:\b(?:[Ff]or|through|throughout)\s+|(?<![\w-])(?=[Tt]he\s+week['’]s\s))(?P<x>[Tt]he\s+week)\b(?![\s-]+(?:ago|earlier|"
                 r"before|after|ended|ending|of|that|when|following|in\s+which)\b|-)"),
    ("set", rf"\b(?P<x>(?P<w>daily|weekly|monthly|annually|yearly|nightly|hourly|every\s+(?:(?:other|second|single)\s+)?(?:day|week|month|year|morning|night|evening|{_WEEKDAY}|summer|winter|spring|autumn)|each\s+(?:day|week|month|year|{_WEEKDAY})))\b"),
    ("duration", rf"\b(?P<x>(?:(?P<approx>a(?:bout|round|lmost|t least)|nearly|more than|over|some)\s+)?(?P<n>\d+|a(?:n|\s+(?:hundred|few|couple\s+of))?|{_NUMBER}|several|many|few)[- ](?P<unit>{_UNIT}))\b(?!-old|\s+(?:old|older|younger)\b|\s+of\s+age\b)"),
]

_CASELESS = {
    "anaphor", "weekend", "period_ref", "elided_last", "year_ago_adj", "year_end", "this_year_kind", "vague_ref",
    "today", "this_pod", "rel_unit", "rel_season", "season_year", "season_year_words", "ctx_season", "ago", "in_n", "quarter",
    "unit_part", "someday", "nth_day", "half", "decade", "decade_short", "decade_word", "century", "clock", "clock24", "clock_mil", "noon", "ref", "set",
    "duration",
}

#: ``(name, compiled pattern)`` pairs, in priority order for equal spans.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rx, re.IGNORECASE if name in _CASELESS else 0)) for name, rx in _P
]

#: Nouns after a bare four-digit number that show it counts things, not a year.
COUNT_NOUN = re.compile(
    r"\s+(?:people|persons|residents|soldiers|troops|workers|members|students|cases|deaths|votes|jobs|homes|"
    r"(?!(?:was|has|is|as|its|this|does|says|goes|makes|marks|sees|remains|comes|becomes|seems|looks|gets|brings|"
    r"plus|minus|ss|news|series)\b)[a-z]{2,}[^sui\W]s)\b",
)
#: Plural nouns after a year that are still years ("the 2020 elections").
YEAR_NOUNS = re.compile(r"\s+(?:elections|olympics|games|championships|census|protests|floods|riots|talks|midterms|"
                        r"polls|awards|playoffs|finals|series|accords|attacks|bombings|wildfires|fires|winners|"
                        # what a year's accounts report: "the company's 1997 sales", "its 1989 earnings" (#13)
                        r"sales|earnings|profits|revenues|results|figures|losses|exports|imports|budgets|accounts|"
                        r"forecasts|estimates|dividends|shipments|deliveries)\b")

#: Cheap first pass: every expression contains a trigger word, and each
#: pattern only runs on windows around the triggers of its classes (10x
#: faster than running the whole grammar over the whole text).
DIGITS = re.compile(r"\d+")
_TRIGGER_CLASSES: dict[str, tuple[str, ...]] = {
    "month": tuple(MONTHS),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "dayword": ("today", "yesterday", "tomorrow", "tonight", "overnight", "morning", "afternoon", "evening", "night",
                "noon", "midday", "midnight"),
    "unit": ("second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "year", "decade", "century",
             "centuries", "quarter", "half", "seconds", "minutes", "hours", "days", "weeks", "weekends",
             "fortnights", "months", "years", "decades", "quarters"),
    "season": tuple(SEASONS),
    "ref": ("now", "currently", "possible", "present", "presently", "nowadays", "days", "recently", "lately", "recent", "past",
            "future", "formerly", "soon", "moment", "time", "date", "far"),
    "decadeword": tuple(DECADE_WORDS),
    "holiday": ("thanksgiving", "christmas", "easter", "halloween", "memorial", "labor", "labour", "martin",
                "presidents", "columbus", "veterans", "good", "boxing", "valentine", "fourth", "black", "cyber",
                "patrick", "super"),
    "year": ("year",),
    "centuryword": ("century", "centuries"),
    "event": ("before", "after", "following", "prior"),
    "vague": ("future", "term", "coming", "recent", "several", "few", "later", "past", "ago"),
    "period": ("period", "quarter"),
    "yearword": ("nineteen", "eighteen", "thousand"),
    "someday": ("someday",),
    "dayword_only": ("day",),
    "monthweek": ("month", "week"),
    "then": ("then",),
    "lastword": ("last",),
    "set": ("daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly", "every", "each"),
}
TRIGGER_WORDS: dict[str, set[str]] = {}
for _cls, _words in _TRIGGER_CLASSES.items():
    for _word in _words:
        TRIGGER_WORDS.setdefault(_word, set()).add(_cls)
_month, _digit, _unit = {"month"}, {"digit"}, {"unit"}
#: Which trigger classes can start each pattern's search.
PATTERN_CLASSES: dict[str, set[str]] = {
    "iso": _digit, "slash": _digit, "mdy": _month, "dmy": _month, "my": _month, "rel_month": _month,
    "mod_month": _month, "ctx_month": _month, "month_mod": _month, "month_ctx": _month, "rel_weekday": {"weekday"},
    "today": {"dayword"}, "this_pod": {"dayword"}, "rel_unit": _unit, "elided_last": {"lastword"}, "rel_season": {"season"},
    "season_year": {"season"}, "ctx_season": {"season"}, "ago": _unit, "in_n": _unit, "quarter": _unit,
    "q": _digit, "half": _unit, "decade": {"decade"}, "decade_short": {"decade"}, "decade_word": {"decadeword"},
    "century": {"centuryword"}, "mod_year": _digit, "year": _digit, "clock": _digit, "clock24": _digit, "clock_mil": _digit,
    "noon": {"dayword"}, "ref": {"ref"}, "month_of_rel": _month, "anaphor": {"unit", "dayword"},
    "weekend": {"unit"}, "set": {"set"}, "duration": _unit, "event_span": {"event"},
    "period_ref": {"period"}, "year_ago_adj": {"year"}, "holiday": {"holiday", "year"},
    "year_range": _digit, "year_end": {"year"}, "this_year_kind": {"year", "monthweek"}, "vague_ref": {"vague"},
    "year_words": {"yearword"}, "the_year": {"year"}, "season_year_words": {"season"},
    "unit_part": {"monthweek"}, "the_week": {"monthweek"}, "someday": {"dayword_only", "someday"}, "nth_day": {"dayword_only"}, "then": {"then"},
}
#: How far around a trigger an expression may reach.
TRIGGER_MARGIN = 48
