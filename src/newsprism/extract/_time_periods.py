"""Resolvers for periods a text sets up itself: reporting quarters, holidays, year ranges, events.

- **Reporting period.** An earnings story names its quarter once ("third-quarter
  profit") and then says "the quarter", "the latest period", "the year-ago
  quarter", "a year earlier": those are that quarter, or the same quarter a
  year before, not the publication date or a whole year (#13).
- **Holidays** come from the ``holidays`` package (rules computed offline for
  any year: Thanksgiving, Memorial Day, Good Friday...); fixed-date ones that it
  does not list (Christmas Eve, Halloween) are in :data:`_FIXED`.
- **Event-anchored** expressions ("the day before the blast", "in the weeks
  after the shooting") count from an event the text does not date: they are
  kept unresolved with the event in the note, never guessed from publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from ._numbers import small_number
from ._time_resolve import (
    _NEAR_AHEAD_DAYS,
    QUARTER_ENDED,
    Context,
    Resolved,
    _month_year,
    _past_for_sure,
    _unanchored,
    _week,
    quarter_ended,
    quarter_of_anchor,
    r_ago,
    r_rel_unit,
    r_year,
)
from ._time_rules import MONTHS, SEASONS, UNIT_CODES

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
#: A sentence that reports figures: money, shares, per cent.
_FIGURES = re.compile(r"[$£€#]\s?\d|\d\s?%|\bcents?\b|\ba share\b|\b(?:million|billion)\b", re.IGNORECASE)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_A_YEAR_BACK = re.compile(r"\s+(?:a|one) year (?:ago|earlier|before)\b", re.IGNORECASE)
_YEAR_BACK = re.compile(r"year-ago|year-earlier|year-before|prior-year|comparable|corresponding", re.IGNORECASE)


def focus_quarter(ctx: Context) -> tuple[int, int] | None:
    """The reporting quarter: the last quarter the text named ("1989-Q3" -> (1989, 3)), if any.

    Only quarters named as such count, not those worked out from one ("a year
    earlier"), or each comparison would push the period back another year.
    """
    match = _QUARTER.fullmatch(ctx.period or "")
    return (int(match[1]), int(match[2])) if match else None


def year_before_focus(ctx: Context, start: int) -> Resolved | None:
    """ "a year earlier" in a sentence of figures, in a story about a quarter: that quarter a year before,
    or that year when the sentence reports a longer stretch ("For the nine months, ... a year earlier")."""
    focus = focus_quarter(ctx)
    sentence = ctx.text[max(0, start - 200):start + 120]
    if focus is None or not _FIGURES.search(sentence):
        return None
    if _over_months(ctx.text, start):
        return Resolved(f"{focus[0] - 1:04d}", "year", note="the reporting year a year before")
    return Resolved(f"{focus[0] - 1:04d}-Q{focus[1]}", "quarter", note="the reporting quarter a year before")


#: A stretch longer than a quarter whose figures a sentence reports: "for the nine months", "in the first half".
_LONGER_STRETCH = re.compile(r"\b(?:(?:nine|six|9|6)\s+months|first\s+half|year\s+to\s+date)\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z\"“])|\n\s*")


def _over_months(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` reports figures for a stretch of several quarters: its comparison
    "a year earlier" is then that stretch a year before, which only the year holds, not the quarter (#13)."""
    window = text[max(0, start - 250):start]
    starts = [m.end() for m in _SENTENCE_START.finditer(window)]
    return _LONGER_STRETCH.search(window, starts[-1] if starts else 0) is not None


def r_ago_in_period(m: re.Match[str], ctx: Context) -> Resolved:
    """ "a year ago" / "a year earlier": in an earnings sentence, the reporting quarter a year before."""
    unit, amount, direction = m["unit"].lower(), m["n"].lower(), m["dir"].lower()
    if unit == "year" and amount in ("a", "one", "1") and direction in ("ago", "earlier", "before"):
        found = year_before_focus(ctx, m.start())
        if found is not None:
            return found
    return r_ago(m, ctx)


#: A figure compared with "last year" just before it: "compared with a loss of $3 million last year", "from $504.2
#: million, or $4.41 a share, last year"; the comparison word, then a figure ending right before the expression.
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+with|from|than|versus|vs\.)\s[^.;!?]{0,80}?(?:[$£€#]\s?\d[\d.,]*"
                              r"(?:\s+(?:million|billion))?|\d[\d.,]*\s*(?:%|cents?|(?:million|billion)(?:\s+[a-z]+)?)|"
                              r"a\s+share)\s*,?\s*$", re.IGNORECASE)
#: "a 13% increase from last year's $1.55 billion": the comparison word before, the figure after.
_COMPARED_AROUND = re.compile(r"\b(?:compared\s+with|from|than|versus|vs\.)\s+$", re.IGNORECASE)
_FIGURE_AFTER = re.compile(r"['’]s\s+[$£€#]?\s?\d", re.IGNORECASE)


def r_rel_unit_in_period(m: re.Match[str], ctx: Context) -> Resolved:
    """ "last year" as the other side of a figure's comparison in an earnings story ("posted earnings of $24
    million, compared with a loss of $3 million last year"): the reporting quarter a year before, as "a year
    earlier" is there; the year when the sentence reports a longer stretch (#13)."""
    if (m["unit"].lower() == "year" and m["rel"].lower() == "last" and focus_quarter(ctx) is not None
            and (_compared(ctx.text, m.start(), m.end()) or _RESULTS_AFTER.match(ctx.text, m.end()))
            and not _WHOLE_YEAR.search(_sentence(ctx.text, m.start(), m.end()))):
        found = year_before_focus(ctx, m.start())
        if found is not None:
            return found
    return r_rel_unit(m, ctx)


#: "Last year's results were hurt by charges": the results an earnings story compares, of its quarter.
_RESULTS_AFTER = re.compile(r"['’]s\s+(?:results|earnings|profit|net\s+income|loss|sales|revenue)\b", re.IGNORECASE)
#: A sentence about a whole year's figures keeps "last year" the year: "earnings of $4 a share for this year,
#: up from last year's $3.27", "for the full year"; not "this year's third quarter".
_WHOLE_YEAR = re.compile(r"\b(?:this|the|full|fiscal|calendar)[\s-]+year\b(?!-|['’]s\s+(?:\w+[\s-]+)?quarter)|\bannual\b",
                         re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> str:
    left = [s.end() for s in _SENTENCE_START.finditer(text, max(0, start - 200), start)]
    right = _SENTENCE_START.search(text, end)
    return text[left[-1] if left else max(0, start - 200):right.start() if right else len(text)]


def _compared(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 160):start]
    starts = [s.end() for s in _SENTENCE_START.finditer(window)]
    clause = window[starts[-1] if starts else 0:]
    return bool(_COMPARED_BEFORE.search(clause) or (_COMPARED_AROUND.search(clause) and _FIGURE_AFTER.match(text, end)))


#: A quarter in apposition, ended on a day: ", the second quarter ended Oct. 31".
_APPOSED_QUARTER = re.compile(r",\s+(?:the|its)\s+(?:fiscal\s+)?(?P<ord>first|second|third|fourth)[- ]quarter(?=\s+(?:that\s+)?"
                              r"(?:ended|ending)\b)", re.IGNORECASE)


def r_period_ref(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the quarter", "the latest period", "the year-ago quarter", "the 1988 third quarter".

    1. "the current quarter": the quarter of publication.
    2. A year named: that year's quarter (the ordinal's, else the reporting quarter's).
    3. "the quarter ended Sept. 30": the ordinal's quarter, else the quarter of that date; it names the period.
    4. Otherwise the reporting quarter, a year back for "year-ago"; with none, not a date.
    """
    mods = (m["mods"] or "").lower()
    unit = m["unit"].lower()
    year = re.search(r"\b(?:19|20)\d\d\b", mods)
    ordinal = next((q for word, q in _ORDINAL.items() if re.search(rf"\b{word}\b", mods)), None)
    focus = focus_quarter(ctx)
    # "the quarter a year ago" is the year-ago quarter.
    # "last year's quarter" too (#13).
    ly = (m["ly"] or "").split()[0].lower() if m["ly"] else ""
    back = 1 if _YEAR_BACK.search(mods) or ly == "last" or _A_YEAR_BACK.match(ctx.text, m.end("unit")) else 0
    if ly in ("this", "next") and (ordinal or focus) and ctx.anchor is not None:
        # "this year's third quarter", "next year's first quarter": one expression, that year's quarter (#13).
        named = ctx.anchor.year + (ly == "next")
        return Resolved(f"{named:04d}-Q{ordinal or (focus[1] if focus else 0)}", "quarter", names_period=bool(ordinal))
    apposed = _APPOSED_QUARTER.match(ctx.text, m.end())
    if apposed is not None:
        # "In the comparable year-ago quarter, the second quarter ended Oct. 31, ...": the quarter in apposition
        # says which one it is, as a weekday's apposed day does (#13).
        found = quarter_ended(_ORDINAL[apposed["ord"].lower()], apposed.end(), ctx)
        if found is not None:
            return Resolved(found.value, found.granularity, note="the quarter in apposition")
    if "current" in mods and unit == "quarter" and ctx.anchor is not None:
        return Resolved(f"{ctx.anchor.year:04d}-Q{(ctx.anchor.month - 1) // 3 + 1}", "quarter")
    if year and not ordinal and unit == "period" and _over_months(ctx.text, m.start()):
        # "In the first nine months, net was $306 million, compared with ... in the 1988 period": the stretch
        # the sentence reports, which the year holds and the quarter does not (#13).
        return Resolved(year.group(), "year", note="the reporting year")
    if year and (ordinal or focus):
        return Resolved(f"{year.group()}-Q{ordinal or (focus[1] if focus else 0)}", "quarter")
    if year:
        return Resolved(year.group(), "year")
    ended = QUARTER_ENDED.match(ctx.text, m.end())
    if not back and ended and ended["mon"].lower() in MONTHS and ctx.anchor is not None:
        month = MONTHS[ended["mon"].lower()]
        if ordinal:
            return quarter_ended(ordinal, m.end(), ctx) or quarter_of_anchor(ordinal, ctx)
        if focus is not None:
            # A fiscal quarter already named ("the fiscal first quarter") is the one that ended then.
            return Resolved(f"{focus[0]:04d}-Q{focus[1]}", "quarter", note="the reporting quarter")
        end_year = _month_year(month, int(ended["d"]), ctx, ctx.anchor)
        # The three months ending then: the calendar quarter that holds two of them, the middle one's ("the
        # quarter ended July 31" is May to July, 1989-Q2; ended Jan. 31, the year before's fourth) (#13).
        middle = month - 1 or 12
        held_by = end_year - (middle == 12 and month == 1)
        return Resolved(f"{held_by:04d}-Q{(middle - 1) // 3 + 1}", "quarter", names_period=True)
    if ordinal and not back:
        return quarter_of_anchor(ordinal, ctx)
    if focus is None and ly == "last" and ctx.anchor is not None:
        # "last year's third quarter" outside an earnings story: still last year's.
        before = ctx.anchor.year - 1
        return Resolved(f"{before:04d}-Q{ordinal}", "quarter") if ordinal else Resolved(f"{before:04d}", "year")
    if focus is None:
        return Resolved(None, "quarter", resolved=False, note="not a time")
    return Resolved(f"{focus[0] - back:04d}-Q{ordinal or focus[1]}", "quarter", note="the reporting quarter")


def r_year_ago_adj(m: re.Match[str], ctx: Context) -> Resolved:
    """ "year-earlier profit": the reporting quarter a year before, else the year before publication."""
    focus = focus_quarter(ctx)
    if focus is not None and (_over_months(ctx.text, m.start()) or _year_just_compared(ctx, m.start(), focus[0] - 1)):
        return Resolved(f"{focus[0] - 1:04d}", "year", note="the reporting year a year before")
    if focus is not None:
        return Resolved(f"{focus[0] - 1:04d}-Q{focus[1]}", "quarter", note="the reporting quarter a year before")
    if ctx.anchor is None:
        return _unanchored(None, "year")
    return Resolved(str(ctx.anchor.year - 1), "year")


def _year_just_compared(ctx: Context, start: int, year: int) -> bool:
    """Whether the comparison just made, in this sentence or the one before, was with the whole year before:
    "The year-ago results included a charge" after "compared with a loss of $195 million in the 1988 period"
    (of the nine months) means that year's results, not the quarter's (#13)."""
    if not ctx.previous or ctx.previous[-1][0] != f"{year:04d}" or not 0 <= start - ctx.previous_end <= 200:
        return False
    return len(_SENTENCE_START.findall(ctx.text, ctx.previous_end, start)) <= 1


def r_year_end(m: re.Match[str], ctx: Context) -> Resolved:
    """ "by year-end": this year's end; "since year-end": the last one before publication."""
    if ctx.anchor is None:
        return _unanchored(None, "year", "late")
    # "since" looks back whatever the tense ("the change is since year-end" in October: last December).
    year = ctx.anchor.year - (re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 10):m.start()]) is not None)
    return Resolved(str(year), "year", note="late")


def r_this_year_kind(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the current fiscal year", "the full year", "earlier in the year": the year the story is in; "earlier in
    the week", "later in the month": its week or month (#13)."""
    unit = (m["unit"] or "year").lower()
    if ctx.anchor is None:
        return _unanchored(None, unit)
    which = (m["which"] or "").lower()
    back = which in ("latest", "past", "last", "previous", "prior")
    note = {"earlier": "early", "later": "late"}.get((m["shift"] or "").lower())
    if unit == "week":
        return Resolved(_week(ctx.anchor), "week", note=note)
    if unit == "month":
        return Resolved(ctx.anchor.isoformat()[:7], "month", note=note)
    return Resolved(str(ctx.anchor.year - back), "year", note=note)


_VAGUE_FUTURE = re.compile(r"future|coming|term|later", re.IGNORECASE)


def r_vague_ref(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the near future", "coming months" (``FUTURE_REF``); "recent days", "the past few weeks" (``PAST_REF``)."""
    return Resolved("FUTURE_REF" if _VAGUE_FUTURE.search(m.group("x")) else "PAST_REF", "unknown")


_NAMED_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def r_the_year(m: re.Match[str], ctx: Context) -> Resolved:
    """ "for the year", "the rest of the year": the year its sentence names before it, else the publication's."""
    sentence = ctx.text[max(0, m.start() - 200):m.start()]
    sentence = re.split(r"[.!?]\s+(?=[A-Z])|\n", sentence)[-1]
    named = _NAMED_YEAR.findall(sentence)
    if named:
        return Resolved(named[-1], "year", note="the year named before it")
    if ctx.anchor is None:
        return _unanchored(None, "year")
    return Resolved(str(ctx.anchor.year), "year")


_WORD_NUMBERS = {w: i for i, w in enumerate(
    "oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_WORD_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "hundred": 0})


def year_from_words(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001.

    >>> year_from_words("nineteen seventy-nine")
    1979
    """
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_WORD_NUMBERS.get(w, 0) for w in parts[2:])
    if not parts or parts[0] not in ("nineteen", "eighteen"):
        return None
    return _WORD_NUMBERS[parts[0]] * 100 + sum(_WORD_NUMBERS.get(w, 0) for w in parts[1:])


def r_season_year_words(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the winter of nineteen ninety-four" -> ``1994-WI``."""
    year = year_from_words(m["w"])
    if year is None:
        return Resolved(None, "season", resolved=False, note="not a time")
    return Resolved(f"{year:04d}-{SEASONS[m['season'].lower()]}", "season")


def r_year_words(m: re.Match[str], ctx: Context) -> Resolved:
    """ "nineteen ninety-six" -> ``1996``; "January nineteen ninety-seven" -> ``1997-01``."""
    year = year_from_words(m["w"])
    if year is None:
        return Resolved(None, "year", resolved=False, note="not a time")
    if m["mon"]:
        return Resolved(f"{year:04d}-{MONTHS[m['mon'].lower()]:02d}", "month")
    return Resolved(str(year), "year")


# -- holidays ---------------------------------------------------------------------------

#: Surface (lower case, spaces single) -> (country calendar, holiday name in it, days after it).
_RULES: dict[str, tuple[str, str, int]] = {
    "thanksgiving": ("US", "Thanksgiving Day", 0), "thanksgiving day": ("US", "Thanksgiving Day", 0),
    "memorial day": ("US", "Memorial Day", 0), "labor day": ("US", "Labor Day", 0),
    "martin luther king day": ("US", "Martin Luther King Jr. Day", 0),
    "martin luther king jr. day": ("US", "Martin Luther King Jr. Day", 0),
    "presidents day": ("US", "Washington's Birthday", 0), "presidents' day": ("US", "Washington's Birthday", 0),
    "columbus day": ("US", "Columbus Day", 0),
    "good friday": ("GB", "Good Friday", 0), "easter": ("GB", "Good Friday", 2),
    "easter sunday": ("GB", "Good Friday", 2), "easter monday": ("GB", "Good Friday", 3),
    "easter week": ("GB", "Good Friday", 3), "boxing day": ("GB", "Boxing Day", 0),
    "black friday": ("US", "Thanksgiving Day", 1), "cyber monday": ("US", "Thanksgiving Day", 4),
}
#: Fixed-date holidays: (month, day).
_FIXED: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14), "fourth of july": (7, 4),
    "the fourth of july": (7, 4), "veterans day": (11, 11), "veterans' day": (11, 11),
    "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "saint patrick's day": (3, 17),
}


@cache
def _calendar(country: str, year: int) -> dict[str, dt.date]:
    import holidays  # only a text that names a holiday pays for the import

    return {name: day for day, name in holidays.country_holidays(country, years=year).items()}


def _super_tuesday(year: int) -> dt.date | None:
    """The day most US states hold their presidential primaries: the first Tuesday of March of an election year
    since 2012 (March 6, 2012; March 1, 2016; March 3, 2020; March 5, 2024). Other years had none, or one set
    otherwise (February 5, 2008), so the name is not resolved there."""
    if year % 4 or year < 2012:
        return None
    first = dt.date(year, 3, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a holiday named in a text, in ``year``.

    >>> holiday_date("Thanksgiving", 2022).isoformat()
    '2022-11-24'
    """
    key = " ".join(name.lower().replace("’", "'").split())
    if key == "super tuesday":
        return _super_tuesday(year)
    if key in _FIXED:
        month, day = _FIXED[key]
        return dt.date(year, month, day)
    if key not in _RULES:
        return None
    country, holiday, shift = _RULES[key]
    found = _calendar(country, year).get(holiday)
    return found + dt.timedelta(days=shift) if found else None


#: A lower-case word after a holiday's bare name that makes the name qualify a thing ("Christmas trees",
#: "Halloween masks"); the words of a time or a clause that follow a date are not such words.
_HOLIDAY_THING = re.compile(r"\s+(?!(?:holidays?|season|break|weekend|period|vacation|recess|week|weeks|day|days|eve|"
                            r"morning|night|afternoon|evening|time|and|or|but|the|a|an|this|that|was|were|is|are|will|"
                            r"would|for|with|from|when|while|as|at|in|on|of|to|by|until|before|after|last|next|this|"
                            r"each|every|itself|when|where|which|who|he|she|it|they|we|i|you)\b)[a-z]{3,}\b(?!['’-])")


def r_holiday(m: re.Match[str], ctx: Context) -> Resolved:
    """A holiday in the year it names, else the occurrence "last"/"next" or the tense picks, else the nearest.

    A bare name before a noun it qualifies ("Christmas trees from Oregon", "Halloween masks") is no time."""
    name = m["h"]
    if " " not in name and not m["y"] and not m["rel"] and _HOLIDAY_THING.match(ctx.text, m.end()):
        return Resolved(None, "unknown", resolved=False, note="not a time")
    week = name.lower().endswith("week")
    grain = "week" if week else "day"

    def value(day: dt.date) -> str:
        return _week(day) if week else day.isoformat()

    if m["y"] or m["y0"]:  # "Christmas 2015", "the 2016 Thanksgiving"; "the 1988 Super Tuesday" at least its year
        year = int(m["y"] or m["y0"])
        day = holiday_date(name, year)
        return Resolved(value(day), grain) if day else Resolved(str(year), "year")
    if ctx.anchor is None:
        return _unanchored(None, grain)
    anchor = ctx.anchor
    days = [d for d in (holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if d]
    if not days:
        return Resolved(None, grain, resolved=False, note="unknown holiday")
    rel = (m["rel"] or "").lower()
    past = [d for d in days if d <= anchor]
    ahead = [d for d in days if d >= anchor]
    if (rel in ("last", "past", "previous") or (not rel and ctx.direction == "past")) and past:
        if not rel and ahead and (ahead[0] - anchor).days <= _NEAR_AHEAD_DAYS and not _past_for_sure(m, ctx):
            # "her last speech before the Christmas holiday", "the debate was held the Saturday before Christmas",
            # written on Dec. 22: the one days ahead, not a year back, as for a day a few weeks ahead (#13).
            return Resolved(value(ahead[0]), grain)
        return Resolved(value(past[-1]), grain)
    if (rel in ("next", "coming", "this", "upcoming") or ctx.direction == "future") and ahead:
        return Resolved(value(ahead[0]), grain)
    return Resolved(value(min(days, key=lambda d: (abs((d - anchor).days), d))), grain)


# -- events and ranges ----------------------------------------------------------------------


def r_event_anchored(m: re.Match[str], ctx: Context) -> Resolved:
    """ "in the weeks before the shooting": the event is not dated, so neither is the expression.

    "a week after an attack", "two days before the vote" keep their length (``P1W``, ``P2D``), anchored to
    the event as TIMEX3 does.
    """
    note = f"relative to an event: {' '.join(m['event'].split())}"
    if not m["n"] and ctx.previous and re.fullmatch(r",\s*", ctx.text[ctx.previous_end:m.start("x")]):
        # "Oct. 12, the day before the plunge": an apposition names the date just given.
        value, granularity = ctx.previous[-1]
        return Resolved(value, granularity, note=f"the date just named; {note}")
    if m["n"]:
        unit = m["unit"].lower()
        count = small_number(m["n"].lower())
        code = UNIT_CODES.get(unit, "D")
        amount = str(count) if count is not None else "X"
        value = f"PT{amount}{code}" if unit == "hour" else f"P{amount}{code}"
        return Resolved(value, "day" if unit == "night" else unit, kind="duration", note=note)
    return Resolved(None, "unknown", resolved=False, note=note)


_PART_NOTES = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}


def r_unit_part(m: re.Match[str], ctx: Context) -> Resolved:
    """ "by the end of the month", "the middle of this week": the month or week the text is talking about: the
    last one it named just before ("By the end of the month, deaths passed 100,000" after "in May"), unless the
    sentence looks ahead, else the publication's; the part goes to the note."""
    unit, note = m["unit"].lower(), _PART_NOTES[m["part"].lower()]
    day = ctx.anchor
    if ctx.direction != "future" and m["x"].lower().split()[-2] == "the":
        day = _told_just_before(m.start(), ctx, day=unit == "week") or day
    if day is None:
        return _unanchored(None, unit, note)
    value = _week(day) if unit == "week" else f"{day.year:04d}-{day.month:02d}"
    return Resolved(value, unit, note=note)


_DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def _told_just_before(start: int, ctx: Context, *, day: bool) -> dt.date | None:
    """The last day (or with ``day`` false, month: its first day) the text named, when it did so at most 400
    characters before ``start``: the week or month a story goes on talking about."""
    if not 0 <= start - ctx.previous_end <= 400:
        return None
    need = 10 if day else 7
    told = next((v for v, _ in reversed(ctx.previous) if len(v) >= need and _DAY_OR_MONTH.fullmatch(v[:need])), None)
    return dt.date(int(told[:4]), int(told[5:7]), int(told[8:10]) if day else 1) if told else None


def r_the_week(m: re.Match[str], ctx: Context) -> Resolved:
    """ "For the week, the index dropped": a week of the year the story is in (the year of the last day the
    text named just before, else the publication's), written ``1989-WXX`` as TimeML annotates "the week" with
    no "this" or "last" (all four in TimeBank); the week itself, which the story most likely means, goes to
    the note (#13)."""
    day = _told_just_before(m.start(), ctx, day=True) or ctx.anchor
    if day is None:
        return _unanchored(None, "week")
    week = _week(day)
    return Resolved(f"{week[:4]}-WXX", "week", note=f"the week of the story, likely {week}")


def r_someday(m: re.Match[str], ctx: Context) -> Resolved:
    """ "will one day be", "could someday": a time ahead that no calendar names."""
    return Resolved("FUTURE_REF", "unknown")


def r_nth_day(m: re.Match[str], ctx: Context) -> Resolved:
    """ "today is the eighth day of the operation": the day of writing, counted from an event."""
    if ctx.anchor is None:
        return _unanchored(None, "day")
    return Resolved(ctx.anchor.isoformat(), "day", note="the day of writing")


def r_then(m: re.Match[str], ctx: Context) -> Resolved:
    """ "Until then", "since then": the last date the text gave; with none, an event's time, not a date."""
    # Only a date named just before ("in 1997. Since then"); after anything longer "then" is an event's time
    # ("when our organisation was formed, since then").
    if not ctx.previous or m.start() - ctx.previous_end > 150:
        return Resolved(None, "unknown", resolved=False, note="not a time")
    value, granularity = ctx.previous[-1]
    return Resolved(value, granularity, note="refers to an earlier date")


def range_second_year(first: str, second: str) -> str | None:
    """ "1957-58" -> "1958", "1999-00" -> "2000"; ``None`` unless the second year comes after the first."""
    if len(second) == 4:
        year = int(second)
        return str(year) if int(first) < year <= int(first) + 99 else None
    year = int(first[:2] + second)
    year += 100 if year <= int(first) else 0  # "1999-00" is 2000
    # Two digits reach at most ten years ahead: "2009-05" is no range.
    return str(year) if int(first) < year <= int(first) + 10 else None


RESOLVERS: dict[str, Callable[[re.Match[str], Context], Resolved]] = {
    "period_ref": r_period_ref, "year_ago_adj": r_year_ago_adj, "holiday": r_holiday,
    "year_end": r_year_end, "this_year_kind": r_this_year_kind, "vague_ref": r_vague_ref, "year_words": r_year_words, "season_year_words": r_season_year_words,
    "event_span": r_event_anchored, "ago": r_ago_in_period, "year_range": r_year, "the_year": r_the_year,
    "rel_unit": r_rel_unit_in_period, "unit_part": r_unit_part, "the_week": r_the_week, "someday": r_someday, "nth_day": r_nth_day, "then": r_then,
}
