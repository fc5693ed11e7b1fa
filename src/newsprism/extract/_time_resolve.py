"""Resolvers: turn one matched temporal expression into a TIMEX3-style value.

Each resolver takes the regex match and a :class:`Context` (the anchor date
and the tense around the expression) and returns a :class:`Resolved`. Values
follow TIMEX3: ``2022-11-09``, ``2022-11``, ``2022``, ``2022-W45``,
``2022-W45-WE``, ``2022-SU``, ``2022-Q3``, ``199`` (the 1990s), ``18`` (the
19th century), ``P3Y`` (durations), ``PRESENT_REF``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ._numbers import small_number
from ._time_rules import (
    DECADE_WORDS,
    FUTURE_CUES,
    MONTHS,
    ORDINALS,
    PAST_CUES,
    SEASON_START,
    SEASONS,
    UNIT_CODES,
    WEEKDAYS,
)

#: The tense's pointer: ``"near"`` is a future seen from a past moment ("was expected to end on December 15"),
#: which may lie either side of publication: the nearer occurrence; ``None`` is no cue at all.
Direction = Literal["past", "future", "near"] | None
Kind = Literal["date", "time", "duration", "set", "range"]


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver knows besides the match."""

    anchor: dt.date | None
    direction: Direction
    text: str = ""
    #: ``(value, granularity)`` of the resolved dates before this expression, for "that day".
    previous: tuple[tuple[str, str], ...] = ()
    #: Where the last of ``previous`` ends in the text, for words that point only at a date just named ("since then").
    previous_end: int = -1
    #: The last quarter the text named itself ("third-quarter profit"): an earnings story's reporting period.
    period: str | None = None
    #: The year a sentence opens with ("In 2016, ...", "In the 2016 election, ..."): a month it names without
    #: a year is of that year.
    frame_year: int | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolver's answer."""

    value: str | None
    granularity: str
    kind: Kind = "date"
    resolved: bool = True
    note: str | None = None
    #: The text names a reporting quarter here ("third-quarter profit"), which later "the quarter" means.
    names_period: bool = False


NO_ANCHOR = "no publication date"
_MOD_NOTES = {"earlier in": "early", "later in": "late", "the start of": "early", "the beginning of": "early",
              "the middle of": "mid", "the end of": "late", "the first half of": "first half",
              "the second half of": "second half"}


def _note(*parts: str | None) -> str | None:
    kept = [p for p in parts if p]
    return "; ".join(kept) or None


def _mod(match: re.Match[str]) -> str | None:
    mod = match.groupdict().get("mod")
    if not mod:
        return None
    mod = " ".join(mod.lower().split())
    return _MOD_NOTES.get(mod, mod)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _unanchored(partial: str | None, granularity: str, note: str | None = None) -> Resolved:
    return Resolved(partial, granularity, resolved=False, note=_note(note, NO_ANCHOR))


def _month_year(month: int, day: int, ctx: Context, anchor: dt.date) -> int:
    """The year of a month(-day) given without one, by the tense around it."""
    key, now = (month, day), (anchor.month, anchor.day)
    if ctx.direction == "future":
        return anchor.year if key >= now else anchor.year + 1
    if ctx.direction == "past":
        return anchor.year if key <= now else anchor.year - 1
    # No tense cue, or a deadline in a past-tense sentence: the nearer occurrence, weighted to the past.
    return _nearest_year(month, day, anchor)


def _nearest_year(month: int, day: int, anchor: dt.date) -> int:
    """The year that puts ``month`` (and ``day``, when 1-31) nearest the anchor, a later one counting double."""
    def weighted(year: int) -> float:
        months = (year - anchor.year) * 12 + month - anchor.month + ((day - anchor.day) / 31 if 1 <= day <= 31 else 0)
        # News tells of the past: an occurrence ahead wins only when it is less than half as far.
        return 2 * months if months > 0 else -months

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (weighted(y), y))


def _iso_day(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# -- resolvers ------------------------------------------------------------------


def r_iso(m: re.Match[str], ctx: Context) -> Resolved:
    value = _iso_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if value and m["hh"]:
        return Resolved(f"{value}T{m['hh']}:{m['mm']}", "minute", kind="time")
    return Resolved(value, "day", resolved=value is not None)


def r_slash(m: re.Match[str], ctx: Context) -> Resolved:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    year = year + 2000 if year < 100 else year
    # US order (month/day) unless the first number cannot be a month.
    month, day = (b, a) if a > 12 else (a, b)
    value = _iso_day(year, month, day)
    return Resolved(value, "day", resolved=value is not None, note="day/month order assumed" if a <= 12 and b <= 12 else None)


_OF_REL_YEAR = re.compile(r"(?:\s*(?:to|-|–)\s*\d{1,2})?,?\s+of\s+(last|this|next) year", re.IGNORECASE)
_REL_STEP = {"last": -1, "previous": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}


def r_month_day(m: re.Match[str], ctx: Context) -> Resolved:
    month, day = _month(m["mon"]), _day(m["d"])
    note = _mod(m)
    of_rel = _OF_REL_YEAR.match(ctx.text, m.end())
    if m["y"]:
        year = int(m["y"])
    elif of_rel and ctx.anchor is not None:
        # "July 13 to 17 of last year"
        year = ctx.anchor.year + _REL_STEP[of_rel.group(1).lower()]
    elif ctx.frame_year is not None:
        year = ctx.frame_year  # "In 2016, ... on June 7": the year the sentence is set in (#13)
    elif ctx.anchor is None:
        return _unanchored(f"XXXX-{month:02d}-{day:02d}", "day", note)
    else:
        year = _month_year(month, day, ctx, ctx.anchor)
        if ctx.direction == "past" and _weeks_ahead(year + 1, month, day, ctx.anchor) and not _past_for_sure(m, ctx):
            year += 1
        elif ctx.direction == "future" and year > ctx.anchor.year and _weeks_behind(year - 1, month, day, ctx.anchor):
            year -= 1
        if m.groupdict().get("wd"):
            year = _weekday_year(WEEKDAYS[m["wd"].lower()], month, day, year)
    value = _iso_day(year, month, day)
    return Resolved(value, "day", resolved=value is not None, note=note)


#: How near ahead a day named without its year must fall for its past reading, almost a year back, to give way.
_NEAR_AHEAD_DAYS = 35
#: Unless the text says it is a year back: "In the comparable year-ago quarter, the second quarter ended Oct. 31".
_A_YEAR_BACK_BEFORE = re.compile(r"\b(?:year-ago|year-earlier|prior-year|comparable|a year (?:ago|earlier|before)|"
                                 r"last year)\b[^.!?]*$", re.IGNORECASE)


_VERB_BEFORE = re.compile(r"(?:\b([a-z]+)\s+)?\b([a-z]+)\s+(?:on\s+|in\s+)?$")


def _past_for_sure(m: re.Match[str], ctx: Context) -> bool:
    """The past reading stands when the text says the day is a year back, or a past verb governs the day itself
    ("the plant, which opened on Oct. 31", "the law took effect Jan. 1"), not an event named before it ("before the caucuses on Feb. 1")."""
    before = ctx.text[max(0, m.start() - 80):m.start()]
    verb = _VERB_BEFORE.search(before)
    return bool(_A_YEAR_BACK_BEFORE.search(before)
                or verb and any(word and PAST_CUES.fullmatch(word) for word in verb.groups()))


def _weeks_ahead(year: int, month: int, day: int, anchor: dt.date) -> bool:
    """Whether a day named without a year falls within five weeks after publication in ``year``. A past tense
    then still means the coming one: a writer names the year of a day almost a year gone, not of one weeks
    ahead ("The debate came 15 days before the Iowa caucuses on Feb. 1", "Clinton campaigned before the
    primary on June 7") (#13)."""
    value = _iso_day(year, month, day)
    return value is not None and 0 < (dt.date.fromisoformat(value) - anchor).days <= _NEAR_AHEAD_DAYS


def _weeks_behind(year: int, month: int, day: int, anchor: dt.date) -> bool:
    """Whether a day named without a year fell within five weeks before publication in ``year``. A cue that looks
    ahead then does not make it next year's: news names the year of a day in another calendar year, so a day
    just gone and told with a plan ("highlighting his Iowa win on Feb. 1", "the conclave would start March 12",
    "attendees could catch" a show "on the night of May 25") is that one, the mirror of :func:`_weeks_ahead`."""
    value = _iso_day(year, month, day)
    return value is not None and 0 < (anchor - dt.date.fromisoformat(value)).days <= _NEAR_AHEAD_DAYS


def _weekday_year(weekday: int, month: int, day: int, year: int) -> int:
    """ "Monday, Oct. 26" with no year: the year nearest the tense's choice in which that day is a Monday.

    A day falls on each weekday within eleven years, so the search goes six years either way, the earlier
    year first at equal distance (news tells of the past); the writer named the weekday, so a year that
    agrees with it beats the tense's guess.
    """
    for candidate in (year + step for distance in range(7) for step in ((-distance, distance) if distance else (0,))):
        if _iso_day(candidate, month, day) and dt.date(candidate, month, day).weekday() == weekday:
            return candidate
    return year


def r_month_year(m: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(f"{int(m['y']):04d}-{_month(m['mon']):02d}", "month", note=_mod(m))


def r_month(m: re.Match[str], ctx: Context) -> Resolved:
    month = _month(m["mon"])
    rel = (m.groupdict().get("rel") or "").lower()
    pre = (m.groupdict().get("pre") or "").lower()
    note = _note(_mod(m), pre if pre in ("since", "until", "till", "by", "before", "after", "from") else None)
    anchor = ctx.anchor
    if ctx.frame_year is not None and not rel:
        return Resolved(f"{ctx.frame_year:04d}-{month:02d}", "month", note=note)  # "In 2016, ... until June" (#13)
    if anchor is None:
        return _unanchored(f"XXXX-{month:02d}", "month", note)
    if rel in ("last", "past", "previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in ("next", "coming", "following", "upcoming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        # A month counts as past once it has begun ("at the beginning of October" in late October is this
        # one), and as ahead until it ends ("sentencing is scheduled for July" on July 1 is this July).
        year = _month_year(month, 31 if ctx.direction == "future" else 1, ctx, anchor)
    return Resolved(f"{year:04d}-{month:02d}", "month", note=note)


def r_month_of_rel(m: re.Match[str], ctx: Context) -> Resolved:
    month, step = _month(m["mon"]), _REL_STEP[" ".join(m["rel"].lower().split())]
    if ctx.anchor is None:
        return _unanchored(f"XXXX-{month:02d}", "month")
    year = ctx.anchor.year + step
    if m["d"]:
        value = _iso_day(year, month, _day(m["d"]))
        return Resolved(value, "day", resolved=value is not None)
    return Resolved(f"{year:04d}-{month:02d}", "month")


_ANAPHOR_SHIFT = {"day before": -1, "previous day": -1, "day after": 1, "next day": 1, "following day": 1,
                  "later": 1, "after": 1, "earlier": -1, "before": -1}


def r_anaphor(m: re.Match[str], ctx: Context) -> Resolved:
    """ "that day", "that night", "the next day", "that year", "the year before": the last date the text gave, shifted."""
    if m["unit2"]:
        return _relative_to_previous(1, m["unit2"].lower(), 1 if m["dir2"].lower() == "after" else -1, ctx)
    unit = (m["unit"] or "day").lower()
    pod = m["pod"].lower() if m["pod"] else None
    shift = 0
    if m["rel"]:
        shift = _ANAPHOR_SHIFT[" ".join(m["rel"].lower().split())]
    elif m["dir"]:
        shift = _ANAPHOR_SHIFT[m["dir"].lower()]
    want = {"day": 10, "week": 10, "month": 7, "year": 4}[unit]
    # A day told in the past tense is not one still ahead: "the new policy is to take effect on December 10 ...
    # the new rules were released later the same day" is the letter's day, not December 10 (#13).
    latest = ctx.anchor.isoformat()[:want] if ctx.anchor is not None and ctx.direction == "past" else None
    for value, _granularity in reversed(ctx.previous):
        if latest is not None and value[:want] > latest:
            continue
        if len(value) >= want and value[:4].isdigit() and (want < 10 or value[7:8] == "-"):
            if unit in ("day", "week"):
                day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=shift)
                return Resolved(day.isoformat() if unit == "day" else _week(day), unit,
                                note=_note(pod, "refers to an earlier date"))
            return Resolved(value[:want], unit, note="refers to an earlier date")
    if ctx.anchor is not None and unit == "day" and not (shift > 0 and ctx.direction == "past"):
        # No date before it: "later in the day" then means the day of the article; but a day after it told in
        # the past ("The next day, the Commission ... announced") counts from a date the text never gave (#13).
        return Resolved((ctx.anchor + dt.timedelta(days=shift)).isoformat(), "day",
                        note=_note(pod, "refers to the publication day"))
    return Resolved(None, unit, resolved=False, note="refers to an earlier date not found")


def r_weekend(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return _unanchored(None, "week")
    weekday = ctx.anchor.weekday()
    if ctx.direction == "future":
        day = ctx.anchor if weekday < 5 else ctx.anchor + dt.timedelta(days=7)
    else:
        day = ctx.anchor if weekday >= 5 else ctx.anchor - dt.timedelta(days=7)
    return Resolved(_week(day) + "-WE", "week")


def r_weekday(m: re.Match[str], ctx: Context) -> Resolved:
    weekday = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    note = m.groupdict().get("pod")
    anchor = ctx.anchor
    if anchor is None:
        return _unanchored(None, "day", note)
    base = _previous_date(ctx, "day") if rel in ("previous", "following") else None
    if base is not None:
        # "the previous Friday": before the day the text was talking about.
        step = -((base.weekday() - weekday) % 7 or 7) if rel == "previous" else (weekday - base.weekday()) % 7 or 7
        return Resolved((base + dt.timedelta(days=step)).isoformat(), "day", note=_note(note, "relative to an earlier date in the text"))
    apposed = _apposed_day(ctx, m.start(), weekday) if not rel else None
    if apposed is not None:
        return Resolved(apposed, "day", note=note)
    back = (anchor.weekday() - weekday) % 7
    if rel in ("next", "coming", "following", "upcoming"):
        day = anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    elif rel in ("last", "past", "previous"):
        day = anchor - dt.timedelta(days=back or 7)
    elif rel == "this":
        day = anchor + dt.timedelta(days=weekday - anchor.weekday())
        if ctx.direction == "past" and day > anchor:
            # "This Sunday, French inventor Franky Zapata successfully crossed the Channel", written on a
            # Tuesday: the Sunday just gone, as "this weekend" told in the past is (#13).
            day = anchor - dt.timedelta(days=back)
    elif ctx.direction == "future":
        day = anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    elif ctx.direction == "near":
        # "was forecast to reach Florida on Wednesday", "was set to meet on Wednesday": the nearer one.
        ahead = (weekday - anchor.weekday()) % 7
        day = anchor + dt.timedelta(days=ahead) if ahead < back else anchor - dt.timedelta(days=back)
    else:
        day = anchor - dt.timedelta(days=back)
    return Resolved(day.isoformat(), "day", note=note)


#: What stands between a day and a weekday in apposition to it: "Tomorrow, a Tuesday", "today (Monday)".
_APPOSITION = re.compile(r"\s*(?:,\s*(?:an?\s+|which is\s+|that is\s+)?|\(\s*)")


def _apposed_day(ctx: Context, start: int, weekday: int) -> str | None:
    """The day named right before, when the weekday stands in apposition to it and it falls on that weekday
    ("Tomorrow, a Tuesday, is ..."): the weekday names that day, not the one the tense would pick (#13)."""
    if not ctx.previous or not 0 <= ctx.previous_end <= start or not _APPOSITION.fullmatch(ctx.text, ctx.previous_end, start):
        return None
    value = ctx.previous[-1][0][:10]
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value) or dt.date.fromisoformat(value).weekday() != weekday:
        return None
    return value


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0,
              "the day before yesterday": -2, "the day after tomorrow": 2}


#: "today" of the present age, not of the day of writing (TimeML ``PRESENT_REF``): "the person I am today",
#: "Easter Island is today a barren place", "even today", "women of today", "many of today's computers".
_AGE_TODAY_BEFORE = re.compile(r"(?:\b(?:(?:I|you|we|they)\s+(?:am|are)|I['’]m|(?:you|we|they)['’]re|even|(?:many|most|some|all|"
                               r"much|few)\s+of|(?:world|women|men|youth|society|generation|people)\s+of)|\b(?P<be>is|are))\s+$",
                               re.IGNORECASE)
#: After "is" or "are", "today" is the age when a noun phrase follows: "Easter Island is today a barren place".
_AGE_AFTER_BE = re.compile(r"\s+(?:an?|one\s+of|home\s+to|part\s+of)\b", re.IGNORECASE)
#: After a pronoun and its "am" / "are", only the clause's end makes it the age ("We are today announcing" is the day).
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"”)]|$)")
_PRONOUN_BE = re.compile(r"(?:I|you|we|they)(?:\s+(?:am|are)|['’]m|['’]re)\s+$", re.IGNORECASE)
_AGE_OF = re.compile(r"\b(?:world|women|men|youth|society|generation|people|heroes|leaders|cars|jobs|city|cities|"
                     r"technology|technologies|industries|workers|stars)\s+of\s+$", re.IGNORECASE)
_AGE_TODAY_AFTER = re.compile(r"['’]s\s+(?:world|society|generation|youth|standards)\b", re.IGNORECASE)


#: "today" opening its clause: "Today, there are ...", "And today, the right to work is ...", "..., but today they".
_TODAY_OPENS = re.compile(r"(?:^|[.!?][\"”’')]?\s+|\n\s*|;\s*|[\"“‘]\s*)(?:(?:And|But|Yet|Now)\s+)?$|,\s+(?:but|and|yet)\s+$")
#: The clause's verb, if "be" or "have" in the simple present ("'s" is too often a possessive; "I am" tells the
#: speaker's state on the day: "Today I am with him and his family").
_PRESENT_BE_HAVE = re.compile(r"\b(?:is|are|has|have)\b|['’]re\b", re.IGNORECASE)
#: A day named before in the sentence: "today" set against it is that day ("celebrated yesterday, and today there is").
_OTHER_DAY_BEFORE = re.compile(r"\b(?:yesterday|tomorrow)\b[^.!?]*$", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[.;:!?\"”]")
#: After "is" or "has", what makes an event of the day: a progressive, a participle, a plan ("is expected to").
_WORD_AFTER = re.compile(r"\s+(?:not\s+)?([\w'’]+)")
_EVENT_AFTER_BE = re.compile(r"\s+(?:not\s+)?(?:\w+ing|\w+ed|been|due|set|about|to|going)\b", re.IGNORECASE)


def _present_state_today(m: re.Match[str], ctx: Context) -> bool:
    """ "Today, there are 11 million undocumented people", "And today, the right to work is equal to ...", "They were
    never allies, but today they have a common analysis": "today" opening a clause that states how things are, in
    "be" or "have" of the simple present, is the present age (TimeML ``PRESENT_REF``); "Today, I am asking",
    "Today, the state held elections", "Today is a day for celebration" stay the day (#13)."""
    if m["x"].lower() != "today" or ctx.text.startswith("’s", m.end()) or not _TODAY_OPENS.search(ctx.text, max(0, m.start() - 12), m.start()) \
            or _OTHER_DAY_BEFORE.search(ctx.text, max(0, m.start() - 200), m.start()):
        return False  # "Today's judgment" is the day's
    stop = _CLAUSE_STOP.search(ctx.text, m.end(), m.end() + 100)
    limit = stop.start() if stop else min(len(ctx.text), m.end() + 100)
    verb = _PRESENT_BE_HAVE.search(ctx.text, m.end(), limit)
    if verb is None or not ctx.text[m.end():verb.start()].strip(" ,"):  # "Today is ...": the day itself
        return False
    between = ctx.text[m.end():verb.start()]
    if PAST_CUES.search(between) or FUTURE_CUES.search(between):
        return False
    after = _WORD_AFTER.match(ctx.text, verb.end())
    return after is not None and not _EVENT_AFTER_BE.match(ctx.text, verb.end()) and not FUTURE_CUES.fullmatch(after[1]) \
        and not PAST_CUES.fullmatch(after[1])  # "has held", "is expected to": an event of the day


def _present_age(m: re.Match[str], ctx: Context) -> bool:
    """Whether "today" means the present age rather than the day of writing (#13)."""
    before = ctx.text[max(0, m.start() - 25):m.start()]
    if _AGE_TODAY_AFTER.match(ctx.text, m.start("w") + 5) or _present_state_today(m, ctx):
        return True
    found = _AGE_TODAY_BEFORE.search(before)
    if found is None:
        return False
    if found["be"]:
        return bool(_AGE_AFTER_BE.match(ctx.text, m.end()))
    return not _PRONOUN_BE.search(before) or bool(_CLAUSE_END.match(ctx.text, m.end()))


def r_today(m: re.Match[str], ctx: Context) -> Resolved:
    word = " ".join(m["w"].lower().split())
    note = m["pod"] or ("night" if word in ("tonight", "overnight") else None)
    if word == "today" and not m["pod"] and _present_age(m, ctx):
        return Resolved("PRESENT_REF", "unknown")
    if word in ("tomorrow", "yesterday") and not m["pod"] and _AGE_OF.search(ctx.text, max(0, m.start() - 25), m.start()) \
            and not _AGE_TODAY_AFTER.match(ctx.text, m.start("w") + len(word)):
        # "the people of tomorrow", "the heroes of yesterday": an age ahead or gone, as "women of today" is the
        # present one (#13); "the start of tomorrow's session" is still a day.
        return Resolved("FUTURE_REF" if word == "tomorrow" else "PAST_REF", "unknown")
    if ctx.anchor is None:
        return _unanchored(None, "day", note)
    return Resolved((ctx.anchor + dt.timedelta(days=_DAY_WORDS[word])).isoformat(), "day", note=note)


def r_this_pod(m: re.Match[str], ctx: Context) -> Resolved:
    pod = m["pod"].lower()
    if ctx.anchor is None:
        return _unanchored(None, "day", pod)
    # "last night" is the evening before the article; "last morning" is not said.
    delta = -1 if m["rel"].lower() == "last" else 0
    return Resolved((ctx.anchor + dt.timedelta(days=delta)).isoformat(), "day", note=pod)


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)


def r_rel_unit(m: re.Match[str], ctx: Context) -> Resolved:
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    # "over the past year", "in the next year or so": TimeML dates these as the unit before or after the
    # anchor (TimeBank: "the past year" 1988 in 1989, "the last decade", "the next year or so"), not as a
    # length of time: what is measured over it is dated by it (#13).
    if rel.startswith(("the ", "past")) and _AND_A_HALF.match(ctx.text, m.end()):
        # "in the past year and a half": a length of time after all.
        return Resolved("P18M" if unit == "year" else f"P1{UNIT_CODES.get(unit, 'X')}", unit, kind="duration")
    if unit == "quarter" and rel == "this" and ctx.direction != "future" and _reported_before(ctx):
        # "This quarter's loss includes pretax charges" in a story on last quarter's results: that quarter (#13).
        return Resolved(ctx.period, "quarter", note="the reporting quarter")
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1, "the past": -1, "past": -1,
            "the last": -1, "the next": 1, "the coming": 1}.get(rel, 0)
    if unit == "weekend" and (rel in ("past", "the past", "the last") or rel == "this" and ctx.direction == "past") \
            and ctx.anchor is not None:
        # "this past weekend": the one just gone, today's on a Sunday; so is "this weekend" told in the past
        # ("Tropical Depression Three formed over the Bahamas this weekend", written on a Tuesday) (#13).
        step = 0 if ctx.anchor.weekday() >= 5 else -1
    base = _previous_date(ctx, unit) if rel in ("following", "previous") or _told_next(m, ctx) else None
    if base is not None:
        # "the following year" after "May 22, 1995" is 1996: it counts from the text's date, not publication.
        shifted = _shift_unit(base, unit, step)
        return Resolved(shifted.value, shifted.granularity, note="relative to an earlier date in the text")
    if ctx.anchor is None:
        return _unanchored(None, unit)
    return _shift_unit(ctx.anchor, unit, step)


#: Before "the next year", a preposition of extent makes it the year ahead of now ("over the next year or so",
#: "In the next year, this must be given priority").
_EXTENT_BEFORE = re.compile(r"\b(?:in|over|within|during|for|through|throughout|until|till|by)\s+$", re.IGNORECASE)


def _told_next(m: re.Match[str], ctx: Context) -> bool:
    """ "Bayes withdrew in March 2019. The next month, the party nominated a new ticket": in a clause told in the
    past, "the next month" is the one after the text's date, as "the following month" is (#13)."""
    return (m["rel"].lower() == "next" and m["x"][:4].lower() == "the " and ctx.direction == "past"
            and not _EXTENT_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()))


def r_elided_last(m: re.Match[str], ctx: Context) -> Resolved:
    """ "as high a dividend this year as last", "more this week than last": "last" stands for the unit
    before, whose noun the comparison leaves out (#13)."""
    if ctx.anchor is None:
        return _unanchored(None, m["unit"].lower())
    return _shift_unit(ctx.anchor, m["unit"].lower(), -1)


def _reported_before(ctx: Context) -> bool:
    """Whether the story reports a quarter before the publication's (an earnings story's reporting quarter)."""
    if ctx.anchor is None or ctx.period is None or not re.fullmatch(r"\d{4}-Q[1-4]", ctx.period):
        return False
    return ctx.period < f"{ctx.anchor.year:04d}-Q{(ctx.anchor.month - 1) // 3 + 1}"


def _previous_date(ctx: Context, unit: str) -> dt.date | None:
    """The last date the text gave, precise enough to count a ``unit`` from."""
    need = {"day": 10, "week": 10, "weekend": 10, "month": 7}.get(unit, 4)
    for value, _granularity in reversed(ctx.previous):
        calendar_value = _calendar_value(value)
        if len(calendar_value) >= need:
            parts = [int(p) for p in calendar_value.split("-")] + [1, 1]
            return dt.date(parts[0], parts[1], parts[2])
    return None


def _shift_unit(anchor: dt.date, unit: str, step: int) -> Resolved:
    if unit in ("week", "fortnight"):
        return Resolved(_week(anchor + dt.timedelta(weeks=step)), "week")
    if unit == "weekend":
        return Resolved(_week(anchor + dt.timedelta(weeks=step)) + "-WE", "week")
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        return Resolved(f"{year:04d}-{month:02d}", "month")
    if unit == "quarter":
        year, month = _shift_month(anchor.year, anchor.month, 3 * step)
        return Resolved(f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter")
    if unit == "decade":
        return Resolved(str(anchor.year // 10 + step), "decade")
    if unit == "century":
        return Resolved(str(anchor.year // 100 + step), "century")
    return Resolved(str(anchor.year + step), "year")


def _season_year(code: str, rel: str, anchor: dt.date, direction: Direction) -> int:
    start = SEASON_START[code]
    started = anchor.month >= start
    ended = anchor.month >= start + 3
    if rel in ("last", "past", "previous"):
        return anchor.year if ended else anchor.year - 1
    if rel in ("next", "coming", "following", "upcoming"):
        return anchor.year + 1 if started else anchor.year
    if rel == "this":
        return anchor.year
    if direction in (None, "near"):
        return _running_season_year(start, anchor)
    if direction == "future":
        return anchor.year + 1 if ended else anchor.year
    return anchor.year if started else anchor.year - 1


def _running_season_year(start: int, anchor: dt.date) -> int:
    """With no tense, the season running at the anchor or ended less than three months before it, else the one of
    the anchor's year: "a 20-point lead for much of the fall", written in February, is the fall just gone, and
    "the winter" in January the one running since December, not the next (#13)."""
    now = anchor.year * 12 + anchor.month - 1
    last = anchor.year - 1
    began = last * 12 + start - 1
    return last if began <= now < began + 6 else anchor.year


def r_season(m: re.Match[str], ctx: Context) -> Resolved:
    code = SEASONS[(m["season"] or m.groupdict().get("season2") or "").lower()]
    if m.groupdict().get("y"):
        return Resolved(f"{m['y']}-{code}", "season", note=_mod(m))
    if ctx.anchor is None:
        return _unanchored(f"XXXX-{code}", "season")
    rel = (m.groupdict().get("rel") or "").lower()
    return Resolved(f"{_season_year(code, rel, ctx.anchor, ctx.direction):04d}-{code}", "season")


def _count(text: str) -> int | None:
    return small_number(text.lower())


def r_ago(m: re.Match[str], ctx: Context) -> Resolved:
    n, unit, direction = _count(m["n"]), m["unit"].lower().rstrip("s"), m["dir"].lower()
    unit = "century" if unit.startswith("centur") else unit
    if direction in ("earlier", "before", "later"):
        return _relative_to_previous(n, unit, -1 if direction != "later" else 1, ctx)
    ref = "FUTURE_REF" if direction in ("from now", "hence") else "PAST_REF"
    if n is None:
        return Resolved(ref, "unknown", note="vague amount")
    if ctx.anchor is None:
        return _unanchored(None, unit)
    return _offset(ctx.anchor, n if ref == "FUTURE_REF" else -n, unit)


_GRAIN_LEN = {"day": 10, "week": 10, "month": 7, "year": 4, "decade": 4, "century": 4}
#: A value that is a year, a month or a day ("2016-W27" is none of them).
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _calendar_value(value: str) -> str:
    """The year, month or day a resolved value starts on, as far as it is calendar-shaped:
    a season counts from its first month ("2015-SU" -> "2015-06"), a week from its year."""
    if value[5:7] in SEASON_START and value[:4].isdigit():
        return f"{value[:4]}-{SEASON_START[value[5:7]]:02d}"
    match = _CALENDAR.match(value)
    return match.group() if match else ""


def _relative_to_previous(n: int | None, unit: str, sign: int, ctx: Context) -> Resolved:
    """ "four years earlier": counted from the last date the text gave, else from publication."""
    need = _GRAIN_LEN.get(unit)
    if n is None or need is None:
        return Resolved(None, unit, resolved=False, note="relative to another event")
    latest = _calendar_value(ctx.previous[-1][0]) if ctx.previous else ""
    if need == 10 and len(latest) == 7 and "W" not in ctx.previous[-1][0]:
        # "The court voted in February to stall the plan. The justice died four days later": the day is not
        # known, the month is; an older day the text gave is not where the count starts (#13).
        return Resolved(latest, "month", note="relative to an earlier month in the text")
    calendar_values = (_calendar_value(v) for v, _ in reversed(ctx.previous))
    base = next((v for v in calendar_values if len(v) >= need), None)
    if base is None:
        if ctx.anchor is None:
            return _unanchored(None, unit)
        if sign > 0 and ctx.direction == "past":
            # "Two days later, he returned to the campaign trail" with no date before: not days after publication.
            return Resolved(None, unit, resolved=False, note="relative to an earlier date not found")
        start = ctx.anchor
    else:
        start = dt.date(int(base[:4]), int(base[5:7]) if need >= 7 else 1, int(base[8:10]) if need >= 10 else 1)
    result = _offset(start, sign * n, unit)
    if sign > 0 and ctx.anchor is not None and (base or "") <= ctx.anchor.isoformat() and ctx.direction != "future" \
            and (result.value or "") > (_offset(ctx.anchor, 0, unit).value or "")[:need]:
        # "the government under which we still live today, more than 200 years later", "a decade later, HP
        # remains a firm on the brink": a count from an event before publication that would end after it, told
        # in no future, counts from an event the text has not dated, to about now; it is not years ahead (#13).
        return Resolved(None, unit, resolved=False, note="relative to an earlier date not found")
    return Resolved(result.value, result.granularity, note="relative to an earlier date in the text")


def _offset(anchor: dt.date, n: int, unit: str) -> Resolved:
    if unit in ("second", "minute", "hour"):
        return Resolved(anchor.isoformat(), "day", note=f"{abs(n)} {unit}(s) from publication")
    if unit == "day":
        return Resolved((anchor + dt.timedelta(days=n)).isoformat(), "day")
    if unit in ("week", "fortnight"):
        weeks = n * (2 if unit == "fortnight" else 1)
        return Resolved(_week(anchor + dt.timedelta(weeks=weeks)), "week")
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, n)
        return Resolved(f"{year:04d}-{month:02d}", "month")
    if unit == "decade":
        return Resolved(str(anchor.year + 10 * n), "year")
    if unit == "century":
        return Resolved(str((anchor.year + 100 * n) // 100), "century")
    return Resolved(str(anchor.year + n), "year")


_SUPERLATIVE = re.compile(r"\b(?:first|time|highest|lowest|most|least|best|worst|biggest|largest|fastest|"
                          r"strongest|weakest|record|ever|only)\b[^.!?]{0,40}$|"
                          # "a dress she hasn't worn in six months": a negated perfect counts the time since
                          r"\b(?:has|have|had)(?:n['’]t|\s+not)\b[^.!?,;]{0,40}$", re.IGNORECASE)


_OR_MORE = re.compile(r"\s+or\s+(?:more|two|three|four|five|\d+)\b", re.IGNORECASE)


def r_in_n(m: re.Match[str], ctx: Context) -> Resolved:
    # "the first time in 10 years" is a span of time; "in two weeks" (said ahead) is a date.
    before = ctx.text[max(0, m.start() - 60):m.start()]
    n, unit = _count(m["n"]), m["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    if _SUPERLATIVE.search(before) or ctx.direction != "future" or n is None:
        return _duration(m["n"], unit, None)
    if _OR_MORE.match(ctx.text, m.end()):
        return Resolved("FUTURE_REF", "unknown", note="vague amount")  # "may, in a year or two, save lives"
    if ctx.anchor is None:
        return _unanchored(None, unit)
    return _offset(ctx.anchor, n, unit)


def r_quarter(m: re.Match[str], ctx: Context) -> Resolved:
    groups = m.groupdict()
    quarter = int(groups["q"]) if groups.get("q") else {"last": 4, "final": 4}.get(m["ord"].lower(), 0) or (
        ORDINALS.get(m["ord"].lower()) or int(m["ord"][0]))
    if groups.get("y"):
        return Resolved(f"{m['y']}-Q{quarter}", "quarter", names_period=True)
    if groups.get("rel"):
        year = _relative_year(m["rel"], m.start(), ctx)
        return (Resolved(f"{year}-Q{quarter}", "quarter", names_period=True) if year
                else _unanchored(f"XXXX-Q{quarter}", "quarter"))
    return quarter_ended(quarter, m.end(), ctx) or quarter_of_anchor(quarter, ctx)


#: The day a quarter or year ended, written right after it: "the second quarter ended Oct. 31".
QUARTER_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?P<verb>ended|ending|ends|to)\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+"
                           r"(?P<d>\d{1,2})\b")


def quarter_ended(quarter: int, end: int, ctx: Context) -> Resolved | None:
    """ "the second quarter ended Oct. 31": the quarter of the year in which that day fell, by "ended" the last
    such day before publication ("In the comparable year-ago quarter, the second quarter ended Oct. 31" written
    on Oct. 27, 1989 is 1988's), else by the tense; ``None`` without such a day (#13)."""
    ended = QUARTER_ENDED.match(ctx.text, end)
    if ended is None or ended["mon"].lower() not in MONTHS or ctx.anchor is None:
        return None
    past = Context(ctx.anchor, "past", ctx.text) if ended["verb"].lower() == "ended" else ctx
    year = _month_year(MONTHS[ended["mon"].lower()], int(ended["d"]), past, ctx.anchor)
    return Resolved(f"{year:04d}-Q{quarter}", "quarter", names_period=True)


def quarter_of_anchor(quarter: int, ctx: Context) -> Resolved:
    """A quarter named without a year: this year's unless the tense says it must be another."""
    if ctx.anchor is None:
        return _unanchored(f"XXXX-Q{quarter}", "quarter")
    current = (ctx.anchor.month - 1) // 3 + 1
    year = ctx.anchor.year
    if ctx.direction == "future":
        # "expects to report third-quarter profit" in October: the quarter just ended.
        year += quarter < current - 1
    else:
        year -= quarter > current
    return Resolved(f"{year:04d}-Q{quarter}", "quarter", names_period=True)


def r_half(m: re.Match[str], ctx: Context) -> Resolved:
    half = 1 if (m["ord"] or m["two"]).lower() == "first" else 2
    year = m["y"] or _relative_year(m["rel"], m.start(), ctx)
    if year is None:
        return _unanchored(f"XXXX-H{half}", "quarter")
    return Resolved(f"{year}-H{half}", "quarter")


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _relative_year(rel: str, start: int, ctx: Context) -> str | None:
    """The year of "of next year", "of last year", "of this year"; "of the year" is the year its sentence
    names before it ("In 1997, sales rose in the second half of the year"), else the publication's."""
    rel = rel.lower()
    if rel == "the":
        sentence = re.split(r"[.!?]\s+(?=[A-Z])|\n", ctx.text[max(0, start - 200):start])[-1]
        named: list[str] = re.findall(r"\b(?:1[5-9]|20)\d\d\b", sentence)
        if named:
            return named[-1]
    if ctx.anchor is None:
        return None
    return f"{ctx.anchor.year + _YEAR_STEP.get(rel, 0):04d}"


def r_decade(m: re.Match[str], ctx: Context) -> Resolved:
    groups = m.groupdict()
    if groups.get("dec"):
        value = groups["dec"]
        if value.endswith("0") and int(value) < 200:
            # "the 1800s" is the nineteenth century, as readers and TIMEX annotators take it.
            return Resolved(value[:2], "century", note=_mod(m))
    elif groups.get("dw"):
        value = "19" + str(DECADE_WORDS[groups["dw"].lower()])
    else:
        digit = int(groups["dd"])
        # "the '80s" is the last 1980s before the anchor: 198 in a text of 1989, 208 only from 2080 on.
        year = ctx.anchor.year if ctx.anchor else 2025
        value = str(year // 100 - (digit * 10 > year % 100)) + str(digit)
    return Resolved(value, "decade", note=_mod(m))


def r_century(m: re.Match[str], ctx: Context) -> Resolved:
    word = m["c"].lower()
    number = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    return Resolved(f"{number - 1:02d}", "century", note=_mod(m))


def r_year(m: re.Match[str], ctx: Context) -> Resolved:
    pre = (m.groupdict().get("pre") or "").lower()
    return Resolved(m["y"], "year", note=_note(_mod(m), pre if pre == "since" else None))


def _clock(hh: int, mm: int, ctx: Context, note: str | None = None) -> Resolved:
    clock = f"{hh:02d}:{mm:02d}"
    if ctx.anchor is None:
        return Resolved(f"XXXX-XX-XXT{clock}", "minute", kind="time", resolved=False, note=_note(note, NO_ANCHOR))
    return Resolved(f"{ctx.anchor.isoformat()}T{clock}", "minute", kind="time", note=note)


def r_clock(m: re.Match[str], ctx: Context) -> Resolved:
    hh, mm = int(m["hh"]), int(m["mm"] or 0)
    if m.groupdict().get("ap"):
        pm = m["ap"].lower().startswith("p")
        hh = hh % 12 + (12 if pm else 0)
    return _clock(hh, mm, ctx)


def r_noon(m: re.Match[str], ctx: Context) -> Resolved:
    return _clock(0 if m["w"].lower() == "midnight" else 12, 0, ctx)


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
         "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
         "at the moment": "PRESENT_REF", "at this time": "PRESENT_REF", "as soon as possible": "FUTURE_REF", "to date": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
         "in recent years": "PAST_REF", "in recent months": "PAST_REF", "in recent weeks": "PAST_REF",
         "in the past": "PAST_REF", "formerly": "PAST_REF", "in the future": "FUTURE_REF", "soon": "FUTURE_REF",
         "into the future": "FUTURE_REF"}  # "air strikes will continue well into the future" (#13)


def r_ref(m: re.Match[str], ctx: Context) -> Resolved:
    word = " ".join(m["w"].lower().split())
    if word == "so far this year":
        return Resolved(str(ctx.anchor.year) if ctx.anchor else None, "year", resolved=ctx.anchor is not None)
    if word == "at the time":
        return Resolved(None, "unknown", resolved=False, note="refers to an earlier time in the text")
    # "at this crucial moment", "at this juncture": the present, as "at this time" is (#13).
    return Resolved(_REFS.get(word, "PRESENT_REF"), "unknown")


_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "hourly": "PT1H"}


def r_set(m: re.Match[str], ctx: Context) -> Resolved:
    word = " ".join(m["w"].lower().split())
    if word in _SET_WORDS:
        return Resolved(_SET_WORDS[word], "unknown", kind="set")
    last = word.split()[-1]
    if last in WEEKDAYS:
        return Resolved(f"XXXX-WXX-{WEEKDAYS[last] + 1}", "day", kind="set")
    if last in SEASONS:
        # "every summer" is each summer of any year, as TIMEX3 writes a set of seasons; it was one day (#13).
        return Resolved(f"XXXX-{SEASONS[last]}", "season", kind="set")
    code = UNIT_CODES.get(last, "D")
    every = 2 if re.search(r"\b(?:other|second)\b", word) else 1
    return Resolved(f"P{every}{code}" if code != "H" else f"PT{every}H", "unknown", kind="set")


def _duration(amount: str, unit: str, approx: str | None) -> Resolved:
    n = _count(amount)
    count = str(n) if n is not None else "X"
    code = UNIT_CODES.get(unit, "X")
    value = f"PT{count}{code}" if unit in ("second", "minute", "hour") else f"P{count}{code}"
    if unit == "fortnight" and n is not None:
        value = f"P{2 * n}W"
    return Resolved(value, unit if unit != "fortnight" else "week", kind="duration", note=approx)


def r_duration(m: re.Match[str], ctx: Context) -> Resolved:
    unit = m["unit"].lower().rstrip("s")
    if m["n"].lower() in ("a", "an") and unit == "second":
        # "a second apartment": the ordinal, not one second.
        return Resolved(None, "unknown", kind="duration", resolved=False, note="not a time")
    unit = "century" if unit.startswith("centur") else unit
    approx = m.groupdict().get("approx")
    return _duration(m["n"], unit, approx.lower() if approx else None)


RESOLVERS: dict[str, Callable[[re.Match[str], Context], Resolved]] = {
    "month_of_rel": r_month_of_rel, "anaphor": r_anaphor, "weekend": r_weekend,
    "iso": r_iso, "slash": r_slash, "mdy": r_month_day, "dmy": r_month_day, "my": r_month_year,
    "rel_month": r_month, "mod_month": r_month, "ctx_month": r_month, "month_mod": r_month, "month_ctx": r_month,
    "rel_weekday": r_weekday, "today": r_today, "this_pod": r_this_pod, "rel_unit": r_rel_unit,
    "elided_last": r_elided_last,
    "rel_season": r_season, "season_year": r_season, "ctx_season": r_season, "ago": r_ago, "in_n": r_in_n,
    "quarter": r_quarter, "q": r_quarter, "half": r_half, "decade": r_decade, "decade_short": r_decade,
    "decade_word": r_decade, "century": r_century, "mod_year": r_year, "year": r_year, "clock": r_clock,
    "clock24": r_clock, "clock_mil": r_clock, "noon": r_noon, "ref": r_ref, "set": r_set, "duration": r_duration,
}
