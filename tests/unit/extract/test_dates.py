"""Tests for the dates stage: tagging, resolution against the publication date, sanity issues."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.extract.dates import check_published, find_times
from newsprism.model import Article

ANCHOR = "2022-11-09"  # a Wednesday


def _values(text: str, published: str | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia announced on Wednesday a withdrawal.", ("Wednesday", "2022-11-09")),
        ("The talks ended on Monday.", ("Monday", "2022-11-07")),
        ("The leaders will meet on Friday.", ("Friday", "2022-11-11")),
        ("It was annexed last September.", ("last September", "2022-09")),
        ("Fighting has gone on since August.", ("August", "2022-08")),
        ("Crimea was annexed in 2014.", ("2014", "2014")),
        ("The bridge was hit on October 8.", ("October 8", "2022-10-08")),
        ("He took command in early October.", ("early October", "2022-10")),
        ("He logged in this morning.", ("this morning", "2022-11-09")),
        ("The mayor resigned yesterday.", ("yesterday", "2022-11-08")),
        ("The plant closed two weeks ago.", ("two weeks ago", "2022-W43")),
        ("Prices will rise next month.", ("next month", "2022-12")),
        ("The war began on March 1.", ("March 1", "2022-03-01")),
        ("Music of the 1990s is back.", ("the 1990s", "199")),
        ("The law dates from the 19th century.", ("the 19th century", "18")),
        ("Profits fell in the third quarter of 2021.", ("the third quarter of 2021", "2021-Q3")),
        ("It opened on 9 November 2021.", ("9 November 2021", "2021-11-09")),
        ("Sales rose last year.", ("last year", "2021")),
        ("Votes will be counted this weekend.", ("this weekend", "2022-W45-WE")),
        ("Shots were heard last night.", ("last night", "2022-11-08")),
        ("The storm hit last summer.", ("last summer", "2022-SU")),
        ("They met at 2 p.m. on Monday.", ("2 p.m.", "2022-11-07T14:00")),
        ("The report (2022-10-31) was late.", ("2022-10-31", "2022-10-31")),
    ],
)
def test_dates_resolve(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said nothing.",          # May the person
        "You may go now if you like.",        # may the modal verb
        "Protesters March on the capital.",   # March the verb
        "More than 2,000 people came.",       # 2,000 is no year
        "About 2000 people attended.",        # a count, not a year
        "See page 2015 of the report.",       # a page number
        "Call +44 20 7946 0958 today.",       # digits of a phone number are no dates
    ],
)
def test_dates_not_tagged(text: str) -> None:
    values = [v for _, v in _values(text)]
    assert not any(v and v[:1].isdigit() and len(v) in (4, 7) for v in values if v != "2022-11-09"), values


def test_dates_no_anchor_never_guesses() -> None:
    refs = {t.text: t for t in find_times("On Wednesday, in 2014, and last September.", published=None)}
    assert refs["Wednesday"].resolved is False and refs["Wednesday"].note == "no publication date"
    assert refs["last September"].resolved is False
    assert refs["2014"].resolved is True and refs["2014"].value == "2014"


def test_dates_counted_from_a_season_start_at_its_first_month() -> None:
    # A season or a week is not a calendar month: "later" counts from the season's first month.
    text = ("The author of the book said he called his publisher last summer. "
            "Eight months later, the book was republished.")
    refs = {t.text: t.value for t in find_times(text, published="2016-07-05")}
    assert refs == {"last summer": "2015-SU", "Eight months later": "2016-02"}


def test_dates_offsets_point_into_text() -> None:
    text = "Troops left on October 8 and returned yesterday."
    for ref in find_times(text, published=ANCHOR):
        assert text[ref.start:ref.end] == ref.text
        assert ref.anchor == ANCHOR


@pytest.mark.parametrize(
    ("article", "code"),
    [
        (Article(id="a", text="Hello.", published="2030-01-01", fetched="2022-11-09T10:00:00"), "W301"),
        (Article(id="b", text="The vote was held on March 3, 2023.", published="2022-11-09"), "W302"),
        (Article(id="c", text="Hello.", published="2022-11-09", url="https://x.test/2021/05/03/story"), "W303"),
        (Article(id="d", text="Hello.", published="not a date"), "W304"),
    ],
)
def test_dates_publication_issues(article: Article, code: str) -> None:
    times = find_times(article.text, published=article.published)
    codes = [i.code for i in check_published(article, times, now=dt.datetime(2022, 11, 10))]
    assert code in codes


def test_dates_publication_consistent_has_no_issue() -> None:
    article = Article(id="e", text="The vote will be held on March 3, 2023.", published="2022-11-09",
                      url="https://x.test/2022/11/09/story", fetched="2022-11-09T12:00:00")
    assert check_published(article, find_times(article.text, published=article.published)) == []


def test_dates_kherson_example(kherson_text: str) -> None:
    values = {(t.text, t.value) for t in find_times(kherson_text, published=ANCHOR)}
    for expected in [("Wednesday", "2022-11-09"), ("October 8", "2022-10-08"), ("last September", "2022-09"),
                     ("August", "2022-08"), ("2014", "2014"), ("March 1", "2022-03-01")]:
        assert expected in values


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A deadline or a move to later lies ahead, even in a past-tense sentence.
        ("The vote was postponed until Tuesday.", ANCHOR, ("Tuesday", "2022-11-15")),
        ("The board said the dividend is payable Dec. 7 to holders.", ANCHOR, ("Dec. 7", "2022-12-07")),
        ("The club gave the coach until January to decide.", ANCHOR, ("January", "2023-01")),
        ("The loan was extended to Nov. 30 by the lenders.", ANCHOR, ("Nov. 30", "2022-11-30")),
        # A state that lasted until a month ended before the telling.
        ("She was the party's treasurer until December.", "2023-03-10", ("December", "2022-12")),
        # A reporting verb far from the date frames the sentence and dates nothing in it.
        ("The mayor said the new bridge, which opens Nov. 20, cost less.", ANCHOR, ("Nov. 20", "2022-11-20")),
        # ... but right before it, it is the date of the telling.
        ("The mayor said Friday that the bridge was safe.", ANCHOR, ("Friday", "2022-11-04")),
        # With no tense cue, the nearer occurrence.
        ("Budget talks in January.", ANCHOR, ("January", "2023-01")),
        # "would" looks ahead as "will" does; an "-ed" word in a future clause is no past tense.
        ("It said the split would be paid on a date in January.", "1989-10-26", ("January", "1990-01")),
        ("It said new flights would leave each Thursday from August 6.", "1998-02-13", ("August 6", "1998-08-06")),
        ("It will redeem 9.5 million Series H preferred shares on Oct. 31.", "1989-10-27", ("Oct. 31", "1989-10-31")),
        # ... but an "-ed" verb after a comma starts a clause of its own.
        ("It will close the plant, which opened on Oct. 31.", "1989-10-27", ("Oct. 31", "1988-10-31")),
    ],
)
def test_dates_tense_and_deadlines(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "Monday, Oct. 26" with no year: the year in which Oct. 26 is a Monday.
        ("The hearing took place on Monday, Oct. 26.", "2021-01-12", ("Monday, Oct. 26", "2020-10-26")),
        # ... even when neither the year of the tense nor those beside it fits: 2009, not 2012's Friday.
        ("The meeting on Monday, Oct. 26 went well.", "2013-01-10", ("Monday, Oct. 26", "2009-10-26")),
        # A month with a relative year, with or without "of".
        ("The plant closed in August last year.", ANCHOR, ("August last year", "2021-08")),
        ("Prices rose in January this year.", ANCHOR, ("January this year", "2022-01")),
        # "the following year" counts from the text's own date, not from publication.
        ("The general's career is little known. She joined on May 22, 1995, and the following year she left.",
         ANCHOR, ("the following year", "1996")),
        # Holidays, by the tense around them, or with their year.
        ("Families gathered for Thanksgiving Day.", ANCHOR, ("Thanksgiving Day", "2021-11-25")),
        ("Stores will close on Thanksgiving.", ANCHOR, ("Thanksgiving", "2022-11-24")),
        ("The strike began at Easter 2019.", ANCHOR, ("Easter 2019", "2019-04-21")),
        ("Crowds marched during Easter week.", "2023-05-02", ("Easter week", "2023-W15")),
        # Year ranges give both years.
        ("The 2009-2010 season was his last.", ANCHOR, ("2010", "2010")),
        ("The 2009-2010 season was his last.", ANCHOR, ("2009", "2009")),
        ("He served in 1957-58 as an envoy.", ANCHOR, ("58", "1958")),
        # A bare year before a singular noun is a year.
        ("A 2009 analysis found no link.", ANCHOR, ("2009", "2009")),
    ],
)
def test_dates_years_weekdays_holidays(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_reporting_quarter() -> None:
    text = ("Acme said third-quarter profit rose 12% to $4 million. Sales in the quarter were $90 million, "
            "up from $80 million a year earlier. In the year-ago quarter, Acme lost $1 million.")
    refs = {t.text: t.value for t in find_times(text, published="2021-10-28")}
    assert refs["third-quarter"] == "2021-Q3"
    assert refs["the quarter"] == "2021-Q3"
    assert refs["a year earlier"] == "2020-Q3"
    assert refs["the year-ago quarter"] == "2020-Q3"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("For the nine months, net was $9 million, compared with $7 million a year earlier.", "2020"),
        ("In the first half, Acme reported year-earlier net income of $3 million.", "2020"),
        # a sentence about the quarter keeps the quarter
        ("Revenue rose to $9 million from $7 million a year earlier.", "2020-Q3"),
    ],
)
def test_dates_a_year_earlier_than_several_quarters_is_the_year(second: str, expected: str) -> None:
    text = f"Acme said third-quarter profit rose 12% to $4 million. {second}"
    refs = {t.text: t.value for t in find_times(text, published="2021-10-28")}
    assert expected in (refs.get("a year earlier"), refs.get("year-earlier"))


@pytest.mark.issue(13)
def test_dates_quarter_and_period_without_a_reporting_quarter() -> None:
    # No quarter named: "the period" is no date, and "a year earlier" stays a year.
    refs = {t.text: t.value for t in find_times("Over the period, exports were up from a year earlier.",
                                               published="2021-10-28")}
    assert "the period" not in refs
    assert refs["a year earlier"] == "2020"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "surface", "event"),
    [
        ("Police said the day before Raymond Roth was pulled over, he had called home.", "the day before",
         "Raymond Roth was pulled over"),
        ("Calls rose in the weeks before the shooting.", "the weeks before", "the shooting"),
        # A clause with a pronoun for subject is an event too: the publication day is no anchor for it.
        ("He had called home the day before he was pulled over.", "the day before", "he was pulled over"),
        ("The night after they met, the deal fell through.", "The night after", "they met"),
    ],
)
def test_dates_event_anchored_kept_unresolved(text: str, surface: str, event: str) -> None:
    refs = {t.text: t for t in find_times(text, published=ANCHOR)}
    assert refs[surface].value is None and refs[surface].resolved is False
    assert refs[surface].note == f"relative to an event: {event}"


@pytest.mark.issue(13)
def test_dates_day_before_a_dated_day_is_still_resolved() -> None:
    text = "The result of the first round of the vote was announced on March 3, 2022. The day before, it rained."
    refs = {t.text: t.value for t in find_times(text, published=ANCHOR)}
    assert refs["The day before"] == "2022-03-02"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A time word opening a sentence is no part of a name, even before a capitalised word.
        ("Shares fell on Wednesday. Yesterday, the firm recovered.", ANCHOR, ("Yesterday", "2022-11-08")),
        ("The storm went on. Yesterday New Jersey's governor toured the coast.", ANCHOR, ("Yesterday", "2022-11-08")),
        # Years of an account, its end, and years said in words.
        ("The firm expects growth in the current fiscal year.", ANCHOR, ("the current fiscal year", "2022")),
        ("Sales in fiscal 2021 sales rose.", ANCHOR, ("2021", "2021")),
        ("The deal should close by year-end.", ANCHOR, ("year-end", "2022")),
        ("In nineteen ninety-six the plant closed.", ANCHOR, ("nineteen ninety-six", "1996")),
        ("He promised it by the year two thousand.", ANCHOR, ("the year two thousand", "2000")),
        # Vague references to the present's neighbourhood.
        ("Rates should ease in the near future.", ANCHOR, ("the near future", "FUTURE_REF")),
        ("Air strikes will continue well into the future.", ANCHOR, ("into the future", "FUTURE_REF")),
        ("Prices have fallen over the past few months.", ANCHOR, ("the past few months", "PAST_REF")),
        # A quarter given by its end date names the reporting period.
        ("The carrier earned $5 million in the quarter ended Sept. 30, up from a year earlier.", ANCHOR,
         ("the quarter", "2022-Q3")),
    ],
)
def test_dates_years_of_accounts_and_words(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_counts_in_words_are_not_years() -> None:
    assert _values("Two thousand people and nineteen soldiers came.") == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # An "-ed" word after "in" or "the" is an adjective, not a past tense.
        ("The firm said it will redeem its preferred shares on Nov. 20.", ANCHOR, ("Nov. 20", "2022-11-20")),
        # Irregular past tenses count as past.
        ("In December, the council bought the old depot.", ANCHOR, ("December", "2021-12")),
        # A present progressive plans ahead; "extend ... to" moves a date later.
        ("The bank is calling the bonds on Jan. 5.", "2022-12-20", ("Jan. 5", "2023-01-05")),
        ("It would extend its offer, due to expire last Thursday, to Nov. 18.", ANCHOR, ("Nov. 18", "2022-11-18")),
        # Decades and centuries are found by their own triggers.
        ("Music of the '90s and the 1980's returned.", ANCHOR, ("the 1980's", "198")),
        ("Music of the '90s and the 1980's returned.", ANCHOR, ("the '90s", "199")),
        ("An 11th century temple stands there.", ANCHOR, ("11th century", "10")),
    ],
)
def test_dates_tense_cues_and_triggers(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A two-digit decade is the last one before the anchor, in whichever century that falls.
        ("Sales grew through the '80s.", "1989-10-26", ("the '80s", "198")),
        ("Sales grew through the '80s.", "2022-11-09", ("the '80s", "198")),
        # A month that has begun counts as past.
        ("He left the firm at the beginning of October.", "2022-10-27", ("October", "2022-10")),
        # A modal with "have" is a past: "may have been" dates nothing ahead.
        ("The news may have hurt the shares on Wednesday.", "2022-11-10", ("Wednesday", "2022-11-09")),
        # "ahead of the weekend" is the coming one.
        ("Traders sold ahead of the weekend.", "2022-11-07", ("the weekend", "2022-W45-WE")),
    ],
)
def test_dates_decades_months_weekends(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-30"])
def test_dates_a_publication_year_far_outside_news_anchors_nothing(published: str) -> None:
    text = "On Monday, Feb. 29, at Easter and the day before, a year earlier, stocks fell."
    refs = find_times(text, published=published)
    assert refs and not any(ref.resolved and ref.anchor for ref in refs)


@pytest.mark.issue(13)
def test_dates_two_digit_range_ends_reach_ten_years() -> None:
    values = _values("In 1999-00, in 2009-05 and in 1957-58.")
    assert ("00", "2000") in values and ("58", "1958") in values
    assert not any(text == "05" for text, _ in values)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A reporting verb dates what follows it up to a comma or a clause.
        ("Pompeo told the press on Tuesday, \"Nothing will change\".", "2019-09-12", ("Tuesday", "2019-09-10")),
        # "would have been" is no past tense: the birthday lies ahead.
        ("The bishop died on Friday. He would have been 80 on February 20.", "2019-02-11", ("February 20", "2019-02-20")),
        # With no cue, an occurrence ahead wins only when it is less than half as far as the one before.
        ("When did you first learn of it? March 21st, sir.", "2020-10-18", ("March 21st", "2020-03-21")),
    ],
)
def test_dates_reporting_verbs_and_nearest_occurrence(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_holiday_names_inside_names_are_not_dates() -> None:
    values = _values("Statues dot Easter Island. The Christmas Charity raised funds for a Halloween-themed fair.")
    assert values == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "kept"),
    [
        # Sentences from the Wikinews texts and TimeBank: the year is part of a law's, an event's or a firm's name.
        ('Australia voted to pass the "Reproductive Health Care Reform Bill 2019" which decriminalized abortion.',
         "2019-09-27", []),
        ("Farkas set up an American-Hungarian joint venture called Orion 1980, manufacturing space-travel parts.",
         "1998-04-18", []),
        ('Hungary launched a military development program dubbed "Zrínyi 2026" in 2017.', "2019-10-01", ["2017"]),
        ("Friday, March 29, 2019\n\nToronto Comicon 2019 returned to its titular city.", "2019-03-29",
         ["Friday, March 29, 2019"]),
        # A capitalised word that opens the sentence, a month, a possessive or "Fiscal" keeps the year a date.
        ("The rules changed. Since 1985 the army has held the strip.", "1998-03-01", ["1985"]),
        ("He sought the Reform Party's 2016 presidential nomination.", "2020-10-01", ["2016"]),
        ("Profit rose in Fiscal 1989 and in March 1990.", "1990-05-01", ["1989", "March 1990"]),
    ],
)
def test_dates_a_year_inside_a_name_is_no_date(text: str, published: str, kept: list[str]) -> None:
    assert [surface for surface, _ in _values(text, published)] == kept


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "kept"),
    [
        # TimeBank's sentences: a programme's title in quotation marks.
        ('Secretary of State James Baker, speaking on ABC News\' "This Week," said the request gives the U.S. a basis.',
         "1990-08-13", []),
        ('Baker said on ABC-TV\'s "This Week With David Brinkley" that the series of attacks would go on.',
         "1991-02-25", []),
        # Quoted words that open with a time, and a month or a weekday, are still times.
        ('George Kimbrell said "This year\'s count is a temporary reprieve."', "2019-01-24", [("This year", "2019")]),
        ('He said "Last Friday was the worst day" of the campaign.', "2020-07-06", [("Last Friday", "2020-07-03")]),
        ('The plan, called "March 2021", was dropped.', "2020-07-06", [("March 2021", "2021-03")]),
    ],
)
def test_dates_a_quoted_title_is_no_time(text: str, published: str, kept: list[tuple[str, str]]) -> None:
    assert _values(text, published) == kept


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "surface", "value", "event"),
    [
        ("The speech came one week after an attack on oil plants.", "one week after", "P1W", "an attack on oil plants"),
        ("The rallies happened two days before the formal vote.", "two days before", "P2D", "the formal vote"),
        ("Three weeks after the election, results came.", "Three weeks after", "P3W", "the election"),
    ],
)
def test_dates_a_length_from_an_event_keeps_its_length(text: str, surface: str, value: str, event: str) -> None:
    refs = {t.text: t for t in find_times(text, published=ANCHOR)}
    assert refs[surface].value == value and refs[surface].kind == "duration"
    assert refs[surface].note == f"relative to an event: {event}"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It will liquidate the company as soon as possible.", ("as soon as possible", "FUTURE_REF")),
        ("The plan may hurt it in the short term.", ("the short term", "FUTURE_REF")),
        ("Profit fell 5% for the year, the company said.", ("the year", "2022")),
        ("Sales in 2019 reached a high for the year in June.", ("the year", "2019")),
    ],
)
def test_dates_reference_words_and_the_story_year(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        "'19' stands for the year it was detected.",      # a year the clause defines, not the story's
        "The year before, sales fell.",                   # counted from another year
        "Results for the year ended June 30 were weak.",  # a fiscal year: a length, not the story's year
        "The sun never sets at this time of the year.",   # any year
        "The year-ago quarter was weak.",                 # another pattern's, not "the year"
        # The single adjectives are left untagged, as the dev set's guidelines leave them.
        "It was delayed by current market conditions and a recent sale; the future looks bright.",
    ],
)
def test_dates_reference_words_that_are_not_times(text: str) -> None:
    values = dict(_values(text))
    assert all(values.get(word) is None for word in ("the year", "current", "recent", "the future"))


@pytest.mark.issue(13)
def test_dates_reporting_quarter_ignores_forecasts_and_passing_mentions() -> None:
    text = ("Acme's third-quarter net rose 11% to $94 million from $85 million a year ago. The storm will result "
            "in a fourth-quarter charge of $10 million. After a flat second quarter, sales rose 6% in the latest "
            "quarter. Profit was $2 million, against $3 million a year earlier.")
    refs = [(t.text, t.value) for t in find_times(text, published="2021-11-02")]
    assert ("fourth-quarter", "2021-Q4") in refs
    assert ("the latest quarter", "2021-Q3") in refs
    assert refs[-1] == ("a year earlier", "2020-Q3")


@pytest.mark.issue(13)
def test_dates_reporting_quarter_of_publication_reported_in_the_past() -> None:
    # A fiscal fourth quarter that ended Sept. 30, reported in November: the publication's own quarter.
    text = "Ralston reported a 47% decline in fourth-quarter earnings. Sales in the latest period rose 13%."
    refs = {t.text: t.value for t in find_times(text, published="1989-11-02")}
    assert refs["the latest period"] == "1989-Q4"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Earnings will fall for the last half of 1989.", "1989-10-26", ("the last half of 1989", "1989-H2")),
        ("It lasts through the first two quarters of 1990.", "1989-10-26", ("the first two quarters of 1990", "1990-H1")),
        ("Oil hit $13 in the winter of nineteen ninety-four.", "1998-02-23", ("the winter of nineteen ninety-four", "1994-WI")),
        ("It keeps trying to sell itself under a June agreement.", "1989-10-27", ("June", "1989-06")),
        ("It will pay the rest at a later date.", "1989-10-26", ("a later date", "FUTURE_REF")),
        ("There were sell programs in past years, too.", "1989-10-30", ("past years", "PAST_REF")),
        ("The stock rose to a high for the year of $42.875.", "1989-10-30", ("the year", "1989")),
        # "since" looks back whatever the tense of the sentence.
        ("The percentage change is since year-end.", "1989-10-30", ("year-end", "1988")),
    ],
)
def test_dates_halves_seasons_modifiers_and_year_end(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A future seen from a past moment may lie either side of publication: the nearer occurrence.
        ("The emergency was expected to end on December 15.", "2020-01-01", ("December 15", "2019-12-15")),
        ("He was projected on November 7 to have won.", "2020-11-26", ("November 7", "2020-11-07")),
        ("Humberto was expected to pass by Bermuda late Wednesday night.", "2019-09-19", ("Wednesday night", "2019-09-18")),
        ("The Senate was set to meet on Wednesday.", "2019-08-04", ("Wednesday", "2019-08-07")),
        # A month ahead is this year's until it ends.
        ("State sentencing has been scheduled for July.", "2019-07-01", ("July", "2019-07")),
        # ... and a plain future still looks ahead.
        ("Brazil is expected to join in April.", "2013-05-10", ("April", "2014-04")),
        # A likelihood looks ahead as an expectation does; seen from the past, the nearer occurrence.
        ("The company is likely to report earnings on Monday.", "1989-11-01", ("Monday", "1989-11-06")),
        ("The deal is unlikely to close before March, the company said.", "1989-11-01", ("March", "1990-03")),
        ("The Senate was likely to vote on Wednesday.", "2019-08-04", ("Wednesday", "2019-08-07")),
    ],
)
def test_dates_future_seen_from_the_past(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("He was due to stand down in August.", "2020-06-11", ("August", "2020-08")),
        ("His term was to end in August.", "2020-06-11", ("August", "2020-08")),
        ("Biden said he planned to announce his choice around August 1.", "2020-06-19", ("August 1", "2020-08-01")),
        ("The debate, which was slated for October 15, has been cancelled.", "2020-10-12", ("October 15", "2020-10-15")),
        # A plan's participle with no "is" before it qualifies a noun: the nearer occurrence ...
        ("Other games scheduled for Wednesday were still held.", "2020-03-13", ("Wednesday", "2020-03-11")),
        # ... while "is scheduled" still looks ahead.
        ("The next game is scheduled for Wednesday.", "2020-03-13", ("Wednesday", "2020-03-18")),
        # "set for" is a plan as "set to" is.
        ("The trial is set for November.", "2016-05-29", ("November", "2016-11")),
        # An infinitive after the expression dates a noun, not the expression.
        ("On Thursday, a candidate in the election to be held on August 9 held a rally.", "2020-08-03",
         ("Thursday", "2020-07-30")),
        # A day as a modifier is the nearer occurrence, whatever the tense around it.
        ("He had 3 percent two weeks before the November 13 deadline.", "2019-11-04", ("November 13", "2019-11-13")),
        ("Monday's bid for October elections failed.", "2019-09-11", ("October", "2019-10")),
        # ... but a month followed by a verb or a clause keeps the tense's reading.
        ("The bid failed in October and was dropped.", "2019-09-11", ("October", "2018-10")),
        # ... and so does a month before a preposition or a conjunction, which opens no noun (#13).
        ("It will be hard for him to win in November without a united party.", "2016-05-12", ("November", "2016-11")),
        ("Most said they are less likely to vote for him in November because of it.", "2016-04-22",
         ("November", "2016-11")),
        ("The panel questioned her for eight hours in October over the attack.", "2016-06-08", ("October", "2015-10")),
        # A verb after a closing quotation mark dates the telling, not the words quoted.
        ("\"We are the real choice for voters in November,\" she argued.", "2020-10-29", ("November", "2020-11")),
    ],
)
def test_dates_plans_seen_from_the_past_modifiers_and_quotes(text: str, published: str,
                                                            expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Meteorologists predict landfall Saturday morning.", "2019-07-12", ("Saturday morning", "2019-07-13")),
        ("Then, a week or so ago, the general picked a date.", "1991-02-25", ("a week or so ago", "1991-W08")),
    ],
)
def test_dates_present_forecasts_and_approximate_ago(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A scheduled event's verb in the simple present looks ahead ...
        ("He and Arafat meet separately Monday with Albright.", "1998-05-01", ("Monday", "1998-05-04")),
        ("The talks resume on Tuesday.", "1998-05-01", ("Tuesday", "1998-05-05")),
        ("Voters go to the polls Tuesday.", "2012-11-01", ("Tuesday", "2012-11-06")),
        ("The new law takes effect Jan. 1.", "2012-12-10", ("Jan. 1", "2013-01-01")),
        # ... but not after a past verb, an auxiliary, a determiner or a number, nor in the past tense.
        ("The stores stayed open Monday.", "2012-11-01", ("Monday", "2012-10-29")),
        ("They did not meet Monday.", "2012-11-01", ("Monday", "2012-10-29")),
        ("He won 37 votes Monday.", "2012-11-01", ("Monday", "2012-10-29")),
        ("The new law took effect Jan. 1.", "2012-12-10", ("Jan. 1", "2012-01-01")),
        ("Housing starts in September fell.", "2012-11-01", ("September", "2012-09")),
    ],
)
def test_dates_scheduled_present_looks_ahead(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Islam will one day be the second largest religion.", "1998-03-03", ("one day", "FUTURE_REF")),
        ("It's the second day of an offensive by the police.", "1998-03-06", ("the second day", "1998-03-06")),
        ("Today is the eighth day of the operation.", "1990-08-15", ("the eighth day", "1990-08-15")),
        ("The goal is to put 40,000 troops there by the end of the month.", "1990-08-13",
         ("the end of the month", "1990-08")),
        ("The strike at the port of Antwerp began in May. By the end of the month, it had spread.", "2020-07-02",
         ("the end of the month", "2020-05")),
        ("All conversion rights on the stock will end on Nov. 30. Until then, the stock remains convertible.",
         "1989-10-30",
         ("then", "1989-11-30")),
        ("They met this past weekend.", "1998-02-18", ("past weekend", "1998-W07-WE")),
        ("They met this past weekend.", "1998-02-15", ("past weekend", "1998-W07-WE")),
        # "in the past" before a count starts a length, not a vague past.
        ("Prices rose in the past two months.", "1998-02-18", ("two months", "P2M")),
    ],
)
def test_dates_anaphoric_parts_and_vague_future(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Since then, nothing has changed.", "then", None),  # no date named just before: an event's time
        ("Prices rose in the past two months.", "in the past", None),
        ("He spent one day in jail.", "one day", "P1D"),
    ],
)
def test_dates_then_past_and_one_day_without_their_cue(text: str, surface: str, value: str | None) -> None:
    found = {t.text: t.value for t in find_times(text, published="1998-02-18")}
    assert found.get(surface) == value


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Wikinews story of Sunday, March 17, 2019: the attacks were on Friday, the next hearing is on April 5.
        ("Tarrant was charged with one count of murder pertaining to a mass shooting in Christchurch on Friday. "
         "Judge Paul Kellar ordered the accused remain in custody until his next court appearance on April 5. "
         "The second attack reportedly was in Linwood Mosque, killing at least eight people, on the same day.",
         ("the same day", "2019-03-15")),
        # Told as ahead, "the same day" keeps the date just given.
        ("The judge said his next court appearance is on April 5. His lawyer will file a motion on the same day.",
         ("the same day", "2019-04-05")),
    ],
)
def test_dates_a_day_told_in_the_past_refers_to_no_date_still_ahead(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2019-03-17")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Wikinews stories whose first sentence, on the line after the dateline, starts within 40 characters.
        ("Monday, December 16, 2019\n\nOn Friday, United States District Judge Clark Waddoups reconsidered his "
         "decision made the previous day.", "2019-12-16", ("the previous day", "2019-12-12")),
        ("Sunday, November 10, 2019\n\nOn Friday, the Task Force released a statement saying an attack that day on "
         "an Iraqi air base produced no casualties.", "2019-11-10", ("that day", "2019-11-08")),
        # The dateline itself is still no story date.
        ("Monday, December 16, 2019 The judge reconsidered the decision the previous day.", "2019-12-16",
         ("the previous day", "2019-12-15")),
    ],
)
def test_dates_a_story_that_opens_after_its_dateline_counts_from_its_first_date(
        text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Wikinews stories with no dateline line: the first sentence's day is the story's.
        ("On Tuesday, the United States Democratic Party held primary elections in Arizona, Florida, and Illinois. "
         "Ohio delayed its voting. The same day, the President of the United States spoke.", "2020-03-20",
         ("The same day", "2020-03-17")),
        ("On Monday, police arrested a man. The next day he was charged.", "2022-11-09", ("The next day", "2022-11-08")),
        # A dateline's date (a place, an agency, a day in figures) is still no story date.
        ("MOSCOW, Nov. 9 (AP) - Police arrested a man on Monday. The next day he was charged.", "2022-11-09",
         ("The next day", "2022-11-08")),
    ],
)
def test_dates_a_first_sentence_that_names_a_day_dates_the_story(
        text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # TimeBank and Wikinews: what an intention told in the past dates comes after the telling.
        ("Milton Roy was approached by Thermo Electron, which agreed to purchase Milton Roy's liquid-chromatography "
         "line for $22 million in February.", "1989-10-30", ("February", "1990-02")),
        ("The campaigns made a series of statements regarding their willingness to participate in a virtual debate "
         "on October 15.", "2020-10-12", ("October 15", "2020-10-15")),
        # A day may stand between the verb and its "to" (#13).
        ("The campaign vowed Tuesday to remain in the fight through the primary on June 7.", "2016-04-28",
         ("June 7", "2016-06-07")),
        # A weekday stays the one gone by; an intention after the expression does not date it.
        ("The island nation's cabinet unanimously voted to lift it on Saturday afternoon.", "2020-01-01",
         ("Saturday afternoon", "2019-12-28")),
        ("Barr and Ross refused to hand over the documents. On June 12, minutes before the Committee voted to refer "
         "them to the full House, Trump claimed executive privilege.", "2019-07-20", ("June 12", "2019-06-12")),
    ],
)
def test_dates_an_intention_told_in_the_past_looks_to_the_nearer_occurrence(
        text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wikinews, April 15, 2020: the sentence opens in 2016.
        ("In the 2016 United States presidential election, Sanders continued his bid against then-presumptive "
         "nominee Hillary Clinton for roughly two months longer, until June, and didn't endorse her until July.",
         [("2016", "2016"), ("two months", "P2M"), ("June", "2016-06"), ("July", "2016-07")]),
        ("In 2016, the party met on June 7.", [("2016", "2016"), ("June 7", "2016-06-07")]),
        # A year elsewhere in the sentence, a relative month or a future keeps the publication's reckoning.
        ("The firm, founded in 1998, moved to Boston in March.", [("1998", "1998"), ("March", "2020-03")]),
        ("In 2016, it had five stores; it will open ten more in June.", [("2016", "2016"), ("June", "2020-06")]),
        ("In 2016, as last March, the talks failed.", [("2016", "2016"), ("last March", "2020-03")]),
    ],
)
def test_dates_a_sentence_that_opens_in_a_year_sets_its_months(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "2020-04-15") == expected


@pytest.mark.issue(13)
def test_dates_a_year_written_right_before_a_day_sets_its_year() -> None:
    # Wikinews, September 3, 2020: the day is August 8 of last year, and "a year later" counts from it.
    text = ('His daughter, and member of the INC, Sharmistha Mukherjee wrote, "Last year August 8 was one of the '
            'happiest days for me as my dad received Bharat Ratna. Exactly a year later on August 10 he fell '
            'critically ill."')
    values = _values(text, "2020-09-03")
    assert ("August 8", "2019-08-08") in values and ("a year later", "2020") in values


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Wikinews, October 2020: told in the past, "the next month" follows the text's own date.
        ("In November 2018, the party nominated a ticket of Bill Bayes for President and C.L. Gammon for Vice "
         "President. Bayes withdrew in March 2019. The next month, the party nominated a new ticket.", "2020-10-22",
         ("The next month", "2019-04")),
        ("He was not the party's first choice. Bayes withdrew in March 2019. Gammon assumed the presidential "
         "nomination and the party nominated Collins for Vice President the next month.", "2020-10-22",
         ("the next month", "2019-04")),
        # A preposition of extent or a future: the unit after publication (TimeBank: "over the next year or so").
        ("The plant, opened in 1980, will be closed over the next year or so.", "1989-11-02", ("the next year", "1990")),
        ("Sales fell in March 2019. The next month will be harder.", "2020-10-22", ("The next month", "2020-11")),
    ],
)
def test_dates_the_next_unit_told_in_the_past_follows_the_text_date(
        text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TimeBank and Wikinews: a count in words past twenty, or in the teens, is the whole number.
        ("In the last twenty four hours, the value of the Indonesian stock market fell.",
         [("twenty four hours", "PT24H")]),
        ("He went on to serve in the House of Representatives for twenty three years.", [("twenty three years", "P23Y")]),
        ("Negron served eight years of a thirty-five year sentence.", [("eight years", "P8Y"), ("thirty-five year", "P35Y")]),
        ("The civil war has been ongoing for seventeen years.", [("seventeen years", "P17Y")]),
        ("Iraq proposed to open its presidential sites for no more than sixty days.", [("more than sixty days", "P60D")]),
        # Ages and age differences are no lengths of time.
        ("I feel like I'm a hundred years older than the kids my age here.", []),
        ("A twenty-two-year-old man was arrested.", []),
    ],
)
def test_dates_counts_in_words_are_whole_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "1998-01-08") == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Wikinews: "this weekend" told in the past, on a weekday, is the weekend just gone.
        ("Tuesday, July 23, 2019\n\nTropical Depression Three formed over the Bahamas this weekend, before heading "
         "towards Florida.", "2019-07-23", ("this weekend", "2019-W29-WE")),
        ("A memorial was held for the group as part of a Blessing of the Bikes ceremony this weekend in Columbia.",
         "2019-06-24", ("this weekend", "2019-W25-WE")),
        # Ahead, or in words quoted after a past verb, it is the coming one.
        ("G7 was already scheduled to meet this weekend.", "2019-08-23", ("this weekend", "2019-W34-WE")),
        ('Artist Leisha Riddell emphasized the need for boundaries, saying "this weekend, I\'m becoming part of the '
         'couch."', "2019-09-02", ("this weekend", "2019-W36-WE")),
    ],
)
def test_dates_this_weekend_told_in_the_past_is_the_one_gone_by(
        text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_a_day_after_an_unnamed_date_told_in_the_past_stays_unresolved() -> None:
    # Wikinews, November 2, 2020: the story never dates the debate, so neither "the next day" nor "two days later"
    # is days after publication.
    text = ("Viewers regarded the debate as markedly more civil than the prior Trump-Biden debate. The next day, "
            "the Commission on Presidential Debates announced changes. Trump's doctors said the President no longer "
            "posed a risk of spreading the virus. Two days later, he returned to the campaign trail.")
    refs = {t.text: t for t in find_times(text, published="2020-11-02")}
    assert (refs["The next day"].value, refs["The next day"].resolved) == (None, False)
    assert (refs["Two days later"].value, refs["Two days later"].resolved) == (None, False)
    # Ahead, or after a date the text gave, they still count.
    assert ("the next day", "2020-11-03") in _values("The talks will resume the next day.", "2020-11-02")
    assert ("Two days later", "2020-10-09") in _values(
        "Mike Pence and Kamala Harris met in a debate held on October 7. Two days later, he returned to the trail.",
        "2020-11-02")


@pytest.mark.issue(13)
def test_dates_a_sentence_that_opens_with_the_expression_has_its_own_tense() -> None:
    # The sentence before no longer lends its past tense to one that opens with the expression.
    text = "The two sides met for hours in Geneva on Monday. Tuesday the talks will resume in Vienna."
    assert ("Tuesday", "2022-11-15") in _values(text)
    # Initials before a weekday end no sentence: the scheduled verb before them still governs it.
    assert ("8 p.m. Tuesday", "2013-02-19T20:00") in _values("Polls close at 8 p.m. Tuesday.", "2013-02-14")


@pytest.mark.issue(13)
def test_dates_a_verb_before_a_framing_reporting_verb_dates_the_telling_only() -> None:
    text = ("Reports attributed to the ministry said Saudi Arabia told oil companies, big and small, of a cutback "
            "in its oil supply in September.")
    assert ("September", "1990-09") in _values(text, "1990-08-16")
    assert ("September", "1989-09") in _values("The ministry said supplies were cut in September.", "1990-08-16")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("That night, they left.", ("That night", "1997-03-03")),
        ("On the same night, they left.", ("the same night", "1997-03-03")),
        ("The year before, they left.", ("The year before", "1996")),
        ("The month before, they had left.", ("The month before", "1997-02")),
        ("The week after, they left.", ("The week after", "1997-W11")),
        ("Years ago, they had left.", ("Years ago", "PAST_REF")),
    ],
)
def test_dates_anaphoric_nights_units_and_vague_ago(follow: str, expected: tuple[str, str]) -> None:
    text = "The rebels attacked the northern town of Kibeho on March 3, 1997, officials said. " + follow
    assert expected in _values(text, "1998-02-18")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You may, in a year or two, save a few more lives.", ("a year", "FUTURE_REF")),
        ("It will close in two weeks.", ("two weeks", "1998-W10")),
        ("It will close in two weeks or so.", ("two weeks", "1998-W10")),
    ],
)
def test_dates_a_vague_amount_ahead_is_future_ref(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "1998-02-18")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire took effect at midnight Friday.", ("midnight Friday", "2013-03-15T24:00")),
        ("The quake struck at 4:53 a.m. Thursday morning.", ("4:53 a.m. Thursday morning", "2013-03-14T04:53")),
        ("They meet on Monday at 2 p.m. in Paris.", ("2 p.m.", "2013-03-25T14:00")),
        ("Voting ends Sunday.", ("Sunday", "2013-03-24")),
    ],
)
def test_dates_a_clock_takes_the_day_after_it(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2013-03-20")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # TimeBank: a time zone, and its comma, stand inside one expression of a clock and its day.
        ("Dow Jones said it extended its $18-a-share offer for Telerate Inc. common stock until 5 p.m. EST Nov. 9.",
         "1989-11-02", [("5 p.m. EST Nov. 9", "1989-11-09T17:00")]),
        ("Dow Jones launched a $18-a-share offer for the 33% of Telerate it doesn't already own until 5 p.m. EST, "
         "Nov. 6.", "1989-10-30", [("5 p.m. EST, Nov. 6", "1989-11-06T17:00")]),
    ],
)
def test_dates_a_clock_its_time_zone_and_its_day_are_one_expression(
        text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, published) == expected


@pytest.mark.issue(13)
def test_dates_for_the_week_is_a_week_of_the_story_year() -> None:
    text = "The Nasdaq Composite Index tumbled 5.39, or 1.2%, to 452.76 on Friday. For the week, the index dropped 3.8%."
    refs = {t.text: t for t in find_times(text, published="1989-10-30")}
    # TimeML writes "the week" with no "this" or "last" as an unknown week of the year; the likely one is noted.
    assert refs["the week"].value == "1989-WXX"
    assert refs["the week"].note == "the week of the story, likely 1989-W43"
    assert "the week" not in [t for t, _ in _values("He will stay at the station during the week.", "2019-03-03")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Hate groups grew over the past year.", "1998-03-03", ("the past year", "1997")),
        ("The cause of the past month's seismic activity is unknown.", "2020-01-15", ("the past month", "2019-12")),
        ("Growth slowed in the last decade.", "1998-03-03", ("the last decade", "198")),
        ("Prices should rise in the next year or so.", "1989-10-30", ("the next year", "1990")),
        # rows that stay lengths of time
        ("It sold 22 units in the past year and a half.", "2019-05-01", ("the past year", "P18M")),
        ("Prices have fallen over the past few months.", "2019-05-01", ("the past few months", "PAST_REF")),
        ("Sales fell over the past three years.", "2019-05-01", ("three years", "P3Y")),
    ],
)
def test_dates_the_past_or_next_unit_is_the_unit_before_or_after(text: str, published: str,
                                                                  expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_an_event_anchored_apposition_names_the_date_just_given() -> None:
    text = ("The Nasdaq Composite frequently is left behind. Eight trading days after Oct. 12, the day before the "
            "stock market plunge, the index fell. It happened the day before Raymond Roth was pulled over.")
    found = [(t.text, t.value) for t in find_times(text, published="1989-10-30")]
    assert ("the day before", "1989-10-12") in found
    assert ("the day before", None) in found  # no date just before: still anchored on the event


@pytest.mark.issue(13)
def test_dates_nothing_counts_from_overnight() -> None:
    text = ("London share prices closed sharply lower Friday in active trading. Shares were depressed by overnight "
            "losses in New York. The index shed 47.3 points, down 4.5% from the previous Friday.")
    assert ("previous Friday", "1989-10-20") in _values(text, "1989-10-30")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ('The next primary election is scheduled for tomorrow.\n\nTomorrow, a Tuesday, is referred to as "Super '
         'Tuesday".', "2020-03-02", ("Tuesday", "2020-03-03")),
        # rows that must not change: a weekday after a date it does not restate
        ("Nevada held its caucuses on February 22, and South Carolina held its primary on Saturday.", "2020-03-02",
         ("Saturday", "2020-02-29")),
        ("It holds 1.1 million shares, including 254,200 bought from Sept. 14 to Thursday.", "1989-10-30",
         ("Thursday", "1989-10-26")),
    ],
)
def test_dates_a_weekday_in_apposition_names_the_day_just_given(text: str, published: str,
                                                                 expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In the comparable year-ago quarter, the second quarter ended Oct. 31, Service Corp. had a loss of about "
         "$12.5 million.", "1989-10-27", ("the second quarter", "1988-Q2")),
        # rows that must not change: the quarter just ended is this year's
        ("It reported a net loss of $8.1 million for the third quarter ended Sept. 30.", "1989-11-01",
         ("the third quarter", "1989-Q3")),
        ("Net income rose 21% for the fourth quarter ended Aug. 26.", "1989-11-01", ("the fourth quarter", "1989-Q4")),
    ],
)
def test_dates_a_quarter_ended_on_a_day_is_that_days_year(text: str, published: str,
                                                          expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


_EARNINGS = ("Price Stern Sloan Inc. reported a net loss of $8.1 million, or $2.14 a share, for the third quarter ended "
             "Sept. 30. These results compare with net income of $1.8 million for the corresponding period last year. ")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("This quarter's loss includes pretax charges of $4.9 million.", ("This quarter", "1989-Q3")),
        ("U.K. sales for last year's quarter were about $3 million.", ("last year's quarter", "1988-Q3")),
        # rows that must not change: a quarter still ahead is the publication's
        ("The company will post a loss this quarter.", ("this quarter", "1989-Q4")),
    ],
)
def test_dates_this_quarter_and_last_years_quarter_of_an_earnings_story(follow: str, expected: tuple[str, str]) -> None:
    assert expected in _values(_EARNINGS + follow, "1989-11-01")


@pytest.mark.issue(13)
def test_dates_this_quarter_and_last_years_quarter_outside_an_earnings_story() -> None:
    assert ("This quarter", "1989-Q4") in _values("This quarter's loss includes pretax charges.", "1989-11-01")
    assert ("last year's quarter", "1988") in _values("U.K. sales for last year's quarter were small.", "1989-11-01")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It made me the person I am today."', "PRESENT_REF"),
        ("Easter Island is today a relatively barren place with scanty resources.", "PRESENT_REF"),
        ("Intel's microprocessors are the chips of choice in many of today's personal computers.", "PRESENT_REF"),
        ("Women of today are no less to any men, be it in any field.", "PRESENT_REF"),
        ("But even today, sex work means some sort of dirty work.", "PRESENT_REF"),
        # "today" opening a clause that states how things are, in "be" or "have" of the simple present
        ("They had no right to work. And today, the right to work is equal to the right to live.", "PRESENT_REF"),
        ('"Today, there are 11 million undocumented people in this country," he said.', "PRESENT_REF"),
        ("Dues were $6,000 a year. Today, we have a system where dues are waived.", "PRESENT_REF"),
        ("They were never allies, but today they have a common analysis of the party.", "PRESENT_REF"),
        # rows that must not change: the day of writing
        ("Today is a day for celebration in Virginia.", "2020-03-06"),
        ("Today's ruling is of huge significance.", "2020-03-06"),
        ("Today, for the first time since 2007, his name won't appear on the newsletter.", "2020-03-06"),
        ("People celebrated yesterday, and today there is a huge disappointment.", "2020-03-06"),
        ('"Today I am unconditionally with him and his family," the president said.', "2020-03-06"),
        ("Today, the company is expected to announce a merger.", "2020-03-06"),
        ("Today, the state has held its primary.", "2020-03-06"),
        ("Prosecutor Krzysztof Sierak told reporters today psychiatric assessments will be carried out.", "2020-03-06"),
        ('He said, "Today, I am leaving the race for the same reason."', "2020-03-06"),
        ("Prime Minister Theresa May is to step down today.", "2020-03-06"),
        ("As of today, Chinese officials confirmed it has infected 200 people.", "2020-03-06"),
    ],
)
def test_dates_today_of_the_present_age_is_present_ref(text: str, expected: str) -> None:
    assert [value for surface, value in _values(text, "2020-03-06") if surface.lower() == "today"] == [expected]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The NHC predicted that Humberto would pass by Bermuda Wednesday night, before beginning to weaken.",
         "2019-09-19", ("Wednesday night", "2019-09-18")),
        ("During that meeting, it was agreed a partial lockdown would be instated on Saturday.", "2020-12-21",
         ("Saturday", "2020-12-19")),
        # rows that must not change: the nearer weekday is ahead, and a month after "would" still looks ahead
        ("He said the two leaders would meet on Friday.", "2022-11-09", ("Friday", "2022-11-11")),
        ("It said new flights would leave Bombay from August 6.", "1998-02-13", ("August 6", "1998-08-06")),
    ],
)
def test_dates_a_weekday_after_would_is_the_nearer_one(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_each_weekday_is_a_set_as_every_weekday_is() -> None:
    text = ("It said two new flights would leave Bombay on Monday and Tuesday nights from March 30, with the third "
            "departing each Thursday from August 6.")
    refs = {t.text: t for t in find_times(text, published="1998-02-13")}
    assert (refs["each Thursday"].value, refs["each Thursday"].kind) == ("XXXX-WXX-4", "set")
    assert ("every Thursday", "XXXX-WXX-4") in _values("The third departs every Thursday.", "1998-02-13")


@pytest.mark.issue(13)
def test_dates_every_season_is_a_set_of_seasons() -> None:
    # Wikinews (an interview): "every summer" was one day, P1D.
    text = "And I just hated the idea of every summer having to find a friend and just like be with them."
    refs = {t.text: t for t in find_times(text, published="2020-04-20")}
    assert (refs["every summer"].value, refs["every summer"].kind) == ("XXXX-SU", "set")
    assert ("every winter", "XXXX-WI") in _values("The herders move south every winter.", "2020-04-20")
    assert ("every day", "P1D") in _values("The herders move south every day.", "2020-04-20")


_RESULTS = "Travelers Corp.'s third-quarter net income rose 11%, even though claims from the hurricane reduced results. "


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("Its benefits group posted earnings of $24 million, compared with a loss of $3 million last year.",
         ("last year", "1988-Q3")),
        ("Sales in the latest period were $1.76 billion, a 13% increase from last year's $1.55 billion.",
         ("last year", "1988-Q3")),
        ("In the first nine months, net was $306 million, compared with a loss of $195 million in the 1988 period.",
         ("the 1988 period", "1988")),
        ("In the first nine months, net was $306 million, compared with a loss of $195 million in the 1988 period. "
         "The year-ago results included a $415 million charge.", ("year-ago", "1988")),
        ("Last year catastrophe losses totaled $5 million, when net was $235.5 million. The year-earlier results "
         "have been restated.", ("year-earlier", "1988")),
        # rows that must not change: a year named outright, a comparison over nine months, a quarter's comparison
        ("The candy businesses had sales of about $154 million last year.", ("last year", "1988")),
        ("In the nine months, net rose 4.3% to $525.8 million from $504.2 million last year.", ("last year", "1988")),
        ("Revenue rose to $9 million from $7 million a year earlier. The year-earlier results were restated.",
         ("year-earlier", "1988-Q3")),
    ],
)
def test_dates_a_comparison_with_last_year_in_an_earnings_story(follow: str, expected: tuple[str, str]) -> None:
    assert expected in _values(_RESULTS + follow, "1989-11-02")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A gain would mean nearly twice as high a dividend this year as last. If holders avoid tendering, the "
         "offer lapses.", ("last", "1988")),
        ("Shipments rose faster this month than last, the company said.", ("last", "1989-09")),
        ("In the comparable year-ago quarter, the second quarter ended Oct. 31, Service Corp. had a loss of about "
         "$12.5 million.", ("the comparable year-ago quarter", "1988-Q2")),
    ],
)
def test_dates_an_elided_last_unit_and_an_apposed_quarter(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "1989-10-27")



@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("In the quarter ended July 31, Jayark had an average of 5.6 million shares outstanding.", "1989-10-30",
         ("the quarter", "1989-Q2")),
        ("In the quarter ended Jan. 31, the retailer had 40 stores.", "1990-03-01", ("the quarter", "1989-Q4")),
        (_RESULTS + "Last year's results were hurt by $41.3 million in restructuring charges.", "1989-11-02",
         ("Last year", "1988-Q3")),
        # rows that must not change: a quarter ended with its calendar one, a sentence about the whole year
        ("In the quarter ended Sept. 30, the thrift had 12 branches.", "1989-10-30", ("the quarter", "1989-Q3")),
        (_RESULTS + "Some had predicted earnings of more than $4 a share for this year, up from last year's $3.27 "
         "a share.", "1989-11-02", ("last year", "1988")),
    ],
)
def test_dates_a_quarter_ended_mid_quarter_and_last_years_results(text: str, published: str,
                                                                   expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_a_decimal_of_billions_is_no_clock() -> None:
    text = "Sales, however, were little changed at 2.46 billion guilders, compared with 2.42 billion guilders."
    assert find_times(text, published="1989-11-02") == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company expects sales to recover in the first quarter of next year.",
         ("the first quarter of next year", "1999-Q1")),
        ("Growth slowed in the second half of last year, the ministry said.", ("the second half of last year", "1997-H2")),
        ("The number of cases in the first half of this year exceeded any other year.",
         ("the first half of this year", "1998-H1")),
        ("In 1997, exports rose in the second half of the year.", ("the second half of the year", "1997-H2")),
        ("Prices rose in the final quarter of 1996.", ("the final quarter of 1996", "1996-Q4")),
        ("Earnings for the fourth quarter of fiscal 1997 fell.", ("the fourth quarter of fiscal 1997", "1997-Q4")),
    ],
)
def test_dates_quarters_and_halves_of_a_named_or_relative_year(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "1998-11-18")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most stores reopened the day after Christmas.", ("the day after Christmas", "1997-12-26")),
        ("He was arrested the day after Memorial Day.", ("the day after Memorial Day", "1998-05-26")),
        ("The vote came the day before Monday's deadline.", ("the day before Monday", "1998-11-15")),
        ("The move comes after the European Union sanctioned Iran earlier in the month.",
         ("earlier in the month", "1998-11")),
        ("Troops withdrew from the town earlier in the week.", ("earlier in the week", "1998-W47")),
    ],
)
def test_dates_a_day_counted_from_a_named_day_and_parts_of_the_story_unit(text: str,
                                                                         expected: tuple[str, str]) -> None:
    assert expected in _values("Officials met reporters again to discuss the plan in the capital. " + text,
                               "1998-11-18")


@pytest.mark.issue(13)
def test_dates_fiscal_year_before_a_year_is_that_year_alone() -> None:
    surfaces = [t.text for t in find_times("The fiscal year 1999 budget was passed.", published="1998-11-18")]
    assert surfaces == ["1999"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan covers the 1996-2000 period.", [("1996", "1996"), ("2000", "2000")]),
        ("The company's 1997 sales totaled 3 billion dollars.", [("1997", "1997")]),
        ("The ski season runs from late fall until early spring.", [("late fall", "1998-FA"), ("early spring", "1999-SP")]),
    ],
)
def test_dates_a_period_of_a_year_range_years_of_accounts_and_seasons_with_a_modifier(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "1998-11-18") == expected


@pytest.mark.issue(13)
def test_dates_what_is_awaited_lies_ahead() -> None:
    assert ("Friday", "1998-11-20") in _values("Investors await Friday's jobs report.", "1998-11-18")


@pytest.mark.issue(13)
def test_dates_that_day_counts_from_the_narrative_not_from_a_day_in_quoted_speech() -> None:
    text = ("Thursday, October 3, 2019\n\nA vintage bomber crashed yesterday at 9:54 a.m. near the airport.\n"
            "A surgeon said, \"We received a mass casualty alert following the plane crash this morning.\"\n"
            "The airport was shut down after the incident and reopened later that day at 2 p.m.")
    assert ("later that day", "2019-10-02") in _values(text, "2019-10-03")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As of midday Thursday, the storm was about 90 miles east of the coast.",
         [("midday Thursday", "2013-03-14T12:00")]),
        ("A police spokesman said \"We were called at 8.10am today to reports of a collision.\"",
         [("8.10am today", "2013-03-20T08:10")]),
    ],
)
def test_dates_a_clock_and_the_day_after_it_are_one_expression(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "2013-03-20") == expected


@pytest.mark.issue(13)
def test_dates_a_cue_in_an_opening_subordinate_clause_does_not_date_the_main_clause() -> None:
    text = ("After the president suggested in a late July tweet that mail-in voting could result in fraud, early "
            "August debate centered around the postal service.")
    assert ("early August", "2020-08") in _values(text, "2020-09-30")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net sales for this year's third quarter were $14 million.", [("this year's third quarter", "1989-Q3")]),
        ("The spin-off could be effective as early as next year's first quarter.",
         [("next year's first quarter", "1990-Q1")]),
        ("Acme said third-quarter profit rose. The quarter-to-quarter comparison was also enhanced by charges.",
         [("third-quarter", "1989-Q3")]),
        ('"If I were choosing the people of tomorrow, I would have chosen the people who are here," he said.',
         [("tomorrow", "FUTURE_REF")]),
    ],
)
def test_dates_a_quarter_of_this_or_next_year_and_ages_of_tomorrow(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "1989-10-30") == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    ["I don't think his majesty would be traveling at this crucial moment if the leadership did not want it.",
     "I don't have any specific plans at this moment, but I would love to keep doing that."],
)
def test_dates_at_this_moment_is_the_present_as_at_this_time_is(text: str) -> None:
    assert [value for _, value in _values(text, "1990-08-15")] == ["PRESENT_REF"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Sales in the second quarter rose 5 percent from the same period a year earlier.", "1999-08-05",
         [("the second quarter", "1999-Q2"), ("the same period a year earlier", "1998-Q2")]),
        ("The report will be released in the fall.", "1999-08-05", [("the fall", "1999-FA")]),
        ("The anniversary of the bombings falls on Saturday.", "1999-08-05", [("Saturday", "1999-08-07")]),
    ],
)
def test_dates_the_same_period_a_year_earlier_the_fall_and_a_day_a_date_falls_on(
        text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, published) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France sent troops to Mali on Friday, a day after rebels captured Konna.",
         ("a day after", "P1D", "relative to an event: rebels captured Konna")),
        ("The singer was murdered a few weeks after publicly posting pictures of herself.",
         ("a few weeks after", "PXW", "relative to an event: publicly posting pictures of herself")),
    ],
)
def test_dates_an_event_opening_with_a_common_noun_or_a_gerund_is_still_an_event(
        text: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(t.text, t.value, t.note) for t in find_times(text, published="2013-01-14")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The pope's resignation takes effect at 8 p.m. on Feb. 28.", "2013-02-12", ("8 p.m.", "2013-02-28T20:00")),
        ("The advisory, released at 11:00 p.m. EDT on Sunday, placed the storm 785 miles away.", "2019-09-16",
         ("11:00 p.m.", "2019-09-15T23:00")),
        ("At around 12:20 p.m. local time on Wednesday, the bus left the road.", "2019-06-01",
         ("12:20 p.m.", "2019-05-29T12:20")),
    ],
)
def test_dates_a_clock_takes_the_day_after_on(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congress returns from recess on Monday.", ("Monday", "2013-02-18")),
        ("The trial starts Monday.", ("Monday", "2013-02-18")),
        ("Schools open Monday after the storm.", ("Monday", "2013-02-18")),
        ("Polls close at 8 p.m. Tuesday.", ("8 p.m. Tuesday", "2013-02-19T20:00")),
        # rows that must not change: a past verb before the plural form
        ("Shops remained open Monday.", ("Monday", "2013-02-11")),
    ],
)
def test_dates_more_scheduled_verbs_in_the_present(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2013-02-14")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Shoppers flocked to stores on Black Friday.", "2013-12-03", ("Black Friday", "2013-11-29")),
        ("Cyber Monday sales rose 20 percent.", "2013-12-05", ("Cyber Monday", "2013-12-02")),
        ("The parade is held on St. Patrick's Day.", "2013-03-10", ("St. Patrick's Day", "2013-03-17")),
    ],
)
def test_dates_holidays_of_shopping_and_saints(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Resolved alone, the end told in the past was last year's March and the start this year's January.
        ("Between January and March, sales rose.", "1998-02-13", [("January", "1997-01"), ("March", "1997-03")]),
        ("From October to March, prices will be frozen.", "1998-02-13", [("October", "1998-10"), ("March", "1999-03")]),
        # Ranges already in order, or with their years written, are left as they are.
        ("Sales rose from November to January.", "1998-02-13", [("November", "1997-11"), ("January", "1998-01")]),
        ("The show will run from Dec. 28 to Jan. 3.", "1998-02-13", [("Dec. 28", "1998-12-28"), ("Jan. 3", "1999-01-03")]),
        ("It ran from December 1997 to March 1996.", "1998-02-13", [("December 1997", "1997-12"), ("March 1996", "1996-03")]),
        # Two dates that are no range keep their own years.
        ("In January he quit, and in March a new chief came.", "1998-02-13", [("January", "1998-01"), ("March", "1997-03")]),
    ],
)
def test_dates_range_ends_run_forward(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A semicolon closes a clause: the future of the first does not date the second's past.
        ("On Monday, the Senate will vote; on Tuesday, the House voted.", [("Monday", "1998-02-16"), ("Tuesday", "1998-02-10")]),
        ("The Senate will vote on Monday; the House passed it Tuesday.", [("Monday", "1998-02-16"), ("Tuesday", "1998-02-10")]),
        # Nor the other way round.
        ("The House voted on Tuesday; the Senate will vote on Monday.", [("Tuesday", "1998-02-10"), ("Monday", "1998-02-16")]),
    ],
)
def test_dates_semicolon_starts_a_clause_of_its_own(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "1998-02-13") == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The verb right after the expression dates it, as in "subject, day, verb".
        ("The county clerk on Tuesday certified the count.", ("Tuesday", "2013-02-12")),
        ("Party elders on Monday forecasted a narrow win.", ("Monday", "2013-02-11")),
        ("The board on Friday will name a new chair.", ("Friday", "2013-02-15")),
        # A verb's bare form after a singular word in lower case is a noun: no plan told in the present.
        ("She spoke to morning host Ann Ruiz on Tuesday.", ("Tuesday", "2013-02-12")),
        ("The season got off to a slow start Monday.", ("Monday", "2013-02-11")),
        # rows that must not change: a plural or a pronoun before the bare form, a singular before the "-s" form
        ("The talks resume on Tuesday.", ("Tuesday", "2013-02-19")),
        ("They visit the plant on Monday.", ("Monday", "2013-02-18")),
        ("The mayor hosts the summit on Monday.", ("Monday", "2013-02-18")),
        ("He will probably go to the summit on Monday.", ("Monday", "2013-02-18")),
    ],
)
def test_dates_the_verb_after_the_expression_and_nouns_of_plans(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2013-02-14")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "'ll" is a future, straight or curly.
        ("She'll be back in March.", ("March", "2013-03")),
        ("She’ll be back in March.", ("March", "2013-03")),
        # A refusal to say, or a call not returned, is the telling: it is past.
        ("The minister wouldn’t say Tuesday when the bill returns.", ("Tuesday", "2013-02-12")),
        ("The firm could not be reached for comment Monday.", ("Monday", "2013-02-11")),
        # A negated perfect counts the time since: a length, not a date ahead.
        ("He'll sing a song he hasn't sung in ten years.", ("ten years", "P10Y")),
    ],
)
def test_dates_contracted_future_and_refusals_to_say(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2013-02-14")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "through" alone sends an end ahead; the range runs from its start, less than a week.
        ("The survey, taken Friday through Tuesday, has a margin of error of 4 points.",
         [("Friday", "2013-02-08"), ("Tuesday", "2013-02-12")]),
        ("The offices will be shut Monday to Friday.", [("Monday", "2013-02-18"), ("Friday", "2013-02-22")]),
        ("The fair ran Monday through Wednesday.", [("Monday", "2013-02-11"), ("Wednesday", "2013-02-13")]),
        # rows that must not change: a range already in order, two days that are no range
        ("Shops will close Friday through Sunday.", [("Friday", "2013-02-15"), ("Sunday", "2013-02-17")]),
        ("He left on Monday and she arrived on Friday.", [("Monday", "2013-02-11"), ("Friday", "2013-02-08")]),
    ],
)
def test_dates_weekday_ranges_run_forward(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "2013-02-14") == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # What a span runs "since" has begun.
        ("Since March the plant has been idle.", "2016-01-19", ("March", "2015-03")),
        ("Since October, residents have boiled the water coming out of their taps.", "2016-01-19",
         ("October", "2015-10")),
        # "coming" after the expression qualifies a noun: no future.
        ("In October, the water coming out of the taps turned brown.", "2016-01-19", ("October", "2015-10")),
        # A title's full stop ends no sentence: the verb after the name still dates the expression.
        ("In January, Gov. Ann Lee of the state praised the plan.", "2016-10-02", ("January", "2016-01")),
        ("On Monday, Sen. Mary Cole will open the hearing.", "2016-10-05", ("Monday", "2016-10-10")),
        # A cue far on in the sentence is another clause's.
        ("But the protests on Friday, and a scandal that has suddenly taken a new turn toward the courts, have hurt "
         "the mayor's standing with the governor, whose support she will need.", "2016-10-05", ("Friday", "2016-09-30")),
    ],
)
def test_dates_since_titles_and_the_reach_of_a_cue_after(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # An "-ed" word after a number or a hyphen is an adjective, no past tense.
        ("Heading into the final races in June, she leads him by 200 pledged delegates.", "2016-05-24",
         ("June", "2016-06")),
        ("He wants the seat before the vote in July, but a well-funded rival stands in his way.", "2016-05-24",
         ("July", "2016-07")),
        # "since" with its gerund: the span has begun.
        ("Since announcing in October that she would retire, the judge has heard few cases.", "2016-05-24",
         ("October", "2015-10")),
        # ... or with a determiner: a day used as a modifier after "since" has passed (#13).
        ("She will take the stage after good weeks since their Oct. 13 debate.", "2015-11-13", ("Oct. 13", "2015-10-13")),
        # After "said", a noun phrase opens the words said: the telling does not date them.
        ("On Thursday, the mayor said the festival in September would be the town's last.", "2016-05-24",
         ("September", "2016-09")),
        # A quotation opening after the expression: its words are the speaker's, not the clause's.
        ('As she put it to a reporter in July, the agency is "giving a view you won\'t get elsewhere."', "2016-09-19",
         ("July", "2016-07")),
    ],
)
def test_dates_adjectives_in_ed_since_said_and_quotations_after(text: str, published: str,
                                                                 expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A holiday's bare name qualifying a thing is no time ...
        ("The farm ships Christmas trees to three states.", []),
        ("Stores sold out of Halloween masks by noon.", [("noon", "2016-10-05T12:00")]),
        # ... but it is before a word of time, a clause or nothing.
        ("The office closes for the Christmas holiday.", [("Christmas", "2016-12-25")]),
        ("She will be home for Christmas and New Year's Day.", [("Christmas", "2016-12-25"), ("New Year's Day", "2017-01-01")]),
    ],
)
def test_dates_a_holiday_qualifying_a_thing_is_no_time(text: str, kept: list[tuple[str, str]]) -> None:
    assert _values(text, "2016-10-05") == kept


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Super Tuesday: the first Tuesday of March of an election year since 2012, whatever the tense.
        ("The senator hopes to sweep the South on Super Tuesday.", "2016-02-04", ("Super Tuesday", "2016-03-01")),
        ("After Super Tuesday, two candidates quit.", "2020-03-20", ("Super Tuesday", "2020-03-03")),
        ("Super Tuesday changed the race.", "2018-05-01", ("Super Tuesday", None)),
        # A year before a holiday is its year; when the holiday has no date that year, the year stays.
        ("Prices peaked around the 2014 Thanksgiving.", "2016-02-04", ("2014 Thanksgiving", "2014-11-27")),
        ("The state voted in the 1988 Super Tuesday.", "2016-02-04", ("1988 Super Tuesday", "1988")),
    ],
)
def test_dates_super_tuesday_and_a_year_before_a_holiday(text: str, published: str,
                                                        expected: tuple[str, str | None]) -> None:
    assert expected in [(t.text, t.value) for t in find_times(text, published=published)]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day after a possessive qualifies the noun after it: no verb's tense governs it.
        ("Both toured the state before the county's June 7 runoff.", ("June 7", "2016-06-07")),
        # A day a few weeks ahead, named after an event in a sentence told in the past, is the coming one ...
        ("The forum came ten days before the runoff on June 7.", ("June 7", "2016-06-07")),
        ("The judge ordered him to appear in court June 10.", ("June 10", "2016-06-10")),
        # ... but not when a past verb governs the day itself, or the text says it is a year back.
        ("The bridge, which reopened on June 7, carries trains.", ("June 7", "2015-06-07")),
        ("In the year-ago quarter, the one ended June 7, sales fell.", ("June 7", "2015-06-07")),
    ],
)
def test_dates_a_day_weeks_ahead_named_in_the_past(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-05-24")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # An "-ed" word after a preposition is an adjective ("on unforced errors"), no past tense.
        ("He needs to cut down on unforced errors in the fall debates.", [("the fall", "2016-FA")]),
        # "this fall in prices" is the noun; "last fall in Denver" the season.
        ("Exports recovered after this fall in prices.", []),
        ("They met last fall in Denver.", [("last fall", "2015-FA")]),
    ],
)
def test_dates_adjectives_after_prepositions_and_a_fall_in_prices(text: str, kept: list[tuple[str, str]]) -> None:
    assert _values(text, "2016-08-17") == kept


@pytest.mark.issue(13)
def test_dates_days_counted_from_a_month_stay_in_that_month() -> None:
    text = ("On April 2, the firm opened a branch. The court voted 5 to 4 in March to block the rule. The judge who "
            "wrote the ruling retired two days later.")
    assert ("two days later", "2016-03") in _values(text, "2016-05-10")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "this" with a weekday told in the past is the one just gone.
        ("This Sunday, a swimmer crossed the lake.", ("This Sunday", "2019-08-04")),
        ("This Sunday, a swimmer will cross the lake.", ("This Sunday", "2019-08-11")),
        # Short past tenses in "-ed" are past tenses too.
        ("The union sued the city on Friday, seeking a ruling to block the law that will take effect soon.",
         ("Friday", "2019-08-02")),
        # A verb right after the expression is its clause's, whatever came before a dash.
        ("Turnout is falling — a survey on Wednesday showed a drop.", ("Wednesday", "2019-07-31")),
    ],
)
def test_dates_this_weekday_told_in_the_past_short_past_tenses_and_a_dash(text: str,
                                                                          expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2019-08-06")


@pytest.mark.issue(13)
def test_dates_a_cue_inside_a_question_after_the_expression_is_the_questions() -> None:
    assert ("Monday", "2016-05-16") in _values("Asked on Monday whether the mayor would run again, she laughed.",
                                               "2016-05-18")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb with a capital inside its clause names a programme: no plan told in the present.
        ("Mr. Khan said on NBC's ''Meet the Press'' on Sunday that he was hurt.", ("Sunday", "2016-07-31")),
        # rows that must not change: the verb opening its sentence, and in lower case
        ("Meet us on Sunday at the park, the organisers said.", ("Sunday", "2016-08-07")),
        ("The two leaders meet on Sunday in Paris.", ("Sunday", "2016-08-07")),
    ],
)
def test_dates_a_capitalised_verb_inside_a_clause_is_a_name(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-08-01")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "can", "must" and "should" look ahead in their own clause.
        ("She drew support from voters who cared most about a candidate who can win in November.",
         ("November", "2016-11")),
        ("Sanders said the party must support Clinton in November.", ("November", "2016-11")),
        ("He declared that they should beat her at the polls in November.", ("November", "2016-11")),
        ("Mrs. Clinton must not only win in November, but also draw new voters.", ("November", "2016-11")),
        # rows that must not change: a negated "can" is an inability, a past modal a past, a clause ended after
        # the modal is another's, a day after a noun dates the noun, and an "-ed" verb after a modal is a past
        ("Some stores can't run the Monday special.", ("Monday", "2016-03-07")),
        ("He should have voted in November.", ("November", "2015-11")),
        ("Trump should ignore the critics who on Sunday attacked him.", ("Sunday", "2016-03-06")),
        ("He should also get a boost from the win Tuesday.", ("Tuesday", "2016-03-08")),
        ("What he cannot afford is another debate like the one he delivered Monday.", ("Monday", "2016-03-07")),
    ],
)
def test_dates_a_modal_looks_ahead_in_its_own_clause(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-03-09")


@pytest.mark.issue(13)
def test_dates_a_modal_dates_no_length() -> None:
    assert ("4 years", "P4Y") in _values("A lot can happen in 4 years.", "2016-03-09")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A month before a noun, in a clause that looks ahead, is the coming one.
        ("Abortion will become a larger issue in the November elections.", "2016-06-28", ("November", "2016-11")),
        ("The bill would put a measure on the November ballot.", "2016-03-10", ("November", "2016-11")),
        # rows that must not change: with no cue, the nearer one; the month just ended; after a present progressive
        ("Turnout in the November elections was low.", "2016-01-12", ("November", "2015-11")),
        ("Investors will get the release of the November jobs report on Friday.", "2015-12-01",
         ("November", "2015-11")),
        ("The bank is continuing to try to sell itself, under a June agreement with its holders.", "1989-10-27",
         ("June", "1989-06")),
    ],
)
def test_dates_a_month_modifier_in_a_clause_that_looks_ahead(text: str, published: str,
                                                             expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_a_sentence_ends_before_a_closing_quotation_mark() -> None:
    text = ("She said he would be ''in charge of the economy.'' On a campaign swing before the primary on May 10, she "
            "said he had ''got to come out of retirement.''")
    assert ("May 10", "2016-05-10") in _values(text, "2016-05-18")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The past of a hypothesis ("if" and its subject, with "would" in the sentence) is no past ...
        ("He was asked how ties would fare if he won the presidential election on Nov. 8.", "2016-05-16",
         ("Nov. 8", "2016-11-08")),
        # ... and gives the nearer weekday.
        ("Even if Sanders managed to split delegates in Tuesday's contests, he would need more.", "2016-03-16",
         ("Tuesday", "2016-03-15")),
        # rows that must not change: a past after "if" with no "would" in the sentence
        ("He asked if the board met on Nov. 8.", "2016-05-16", ("Nov. 8", "2015-11-08")),
    ],
)
def test_dates_the_past_of_a_hypothesis_is_no_past(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # With no tense, a season running or ended less than three months ago is that one ...
        ("NEW POLL, BUT COULD IT MISLEAD? - Trump has enjoyed a lead in the polls for much of the fall.", "2016-02-03",
         ("the fall", "2015-FA")),
        ("Heating bills in the winter are high.", "2016-01-20", ("the winter", "2015-WI")),
        # ... else the one of the publication's year.
        ("All the talk is about the party's position heading into the fall.", "2016-06-09", ("the fall", "2016-FA")),
        ("Heating bills in the winter are high.", "2016-10-20", ("the winter", "2016-WI")),
    ],
)
def test_dates_a_season_with_no_tense_is_the_one_running_or_just_gone(text: str, published: str,
                                                                      expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
def test_dates_last_after_to_is_a_verb() -> None:
    text = "The campaign is braced for a fight it expects to last into the spring."
    assert ("the spring", "2016-SP") in _values(text, "2016-02-09")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A plan seen from the past after the expression gives the nearer day, as before it.
        ("On Friday morning, world leaders were to gather again at the United Nations.", "2016-04-23",
         ("Friday morning", "2016-04-22")),
        # "coming" before a particle is a participle, no plan ahead.
        ("For all the cheers coming out of her headquarters Monday night, she still has work to do.", "2016-09-29",
         ("Monday night", "2016-09-26")),
        # rows that must not change: a plan told after the expression, and "coming" before a noun
        ("On Friday, world leaders will gather again at the United Nations.", "2016-04-23", ("Friday", "2016-04-29")),
        ("On Monday, the coming storm will hit the coast.", "2016-09-29", ("Monday", "2016-10-03")),
    ],
)
def test_dates_a_plan_in_the_past_after_the_expression_and_coming_out(text: str, published: str,
                                                                      expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the year" before a year in figures is that year's name, not the story's year.
        ("Banks are preparing for the year 2000 computer problem.", [("2000", "2000")]),
        ("The treaty pledged that in the year 2000 the limits would go.", [("2000", "2000")]),
        ("Throughout the year 1996, prices fell.", [("1996", "1996")]),
        # rows that must not change: "the year" alone is the story's year
        ("Earnings for the year rose 10 percent.", [("the year", "1998")]),
    ],
)
def test_dates_the_year_before_a_year_in_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text, "1998-02-13") == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day just gone, told with a cue that looks ahead: that one, not next year's.
        ("The senator is highlighting his Iowa win on Feb. 1 as he urges unity.", "2016-02-20",
         ("Feb. 1", "2016-02-01")),
        ("A cardinal said the conclave would start March 12.", "2013-03-18", ("March 12", "2013-03-12")),
        ("On the night of May 25, for example, attendees could catch a show.", "2019-05-31", ("May 25", "2019-05-25")),
        # rows that must not change: a day further back, or ahead in this calendar year, keeps the cue's
        ("The festival will return on March 25.", "2013-03-18", ("March 25", "2013-03-25")),
        ("The festival will return on Feb. 1.", "2013-03-18", ("Feb. 1", "2014-02-01")),
        ("He will retire on Dec. 20.", "2016-01-05", ("Dec. 20", "2016-12-20")),
    ],
)
def test_dates_a_day_just_gone_told_with_a_cue_ahead(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count "later" from an event before publication that would end after it, told in no future, counts
        # to about now from an event the text has not dated: not years ahead.
        ("And a decade later, the company remains a firm on the brink.", ("a decade later", None)),
        ("It was an attack that even three years later remains so charged.", ("three years later", None)),
        ("Ten years later, the case remains open.", ("Ten years later", None)),
        # rows that must not change: a count that ends before publication, or one told ahead
        ("The museum opened in 1988. Ten years later, it closed.", ("Ten years later", "1998")),
        ("He will be sentenced in March and released three years later.", ("three years later", "2019")),
    ],
)
def test_dates_a_count_later_does_not_run_past_publication(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _values(text, "2016-01-20")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A holiday a few days ahead, in a sentence told in the past, is the coming one, not last year's.
        ("Her last campaign speech before the Christmas holiday was on Tuesday.", "2015-12-23",
         ("Christmas", "2015-12-25")),
        ("A spokesman could only quip: Christmas Eve was booked.", "2015-12-23", ("Christmas Eve", "2015-12-24")),
        # rows that must not change: a past verb governing the holiday, or one more than five weeks ahead
        ("The stores opened early on Black Friday.", "2013-11-20", ("Black Friday", "2012-11-23")),
        ("The family celebrated Christmas in Ohio.", "2015-12-23", ("Christmas", "2014-12-25")),
        ("Their last debate was held before Christmas.", "2015-10-30", ("Christmas", "2014-12-25")),
    ],
)
def test_dates_a_holiday_days_ahead_named_in_the_past(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A modal before "not have" tells what did not happen, as before "have": no future cue.
        ("The start of Saturday night's debate could not have been more awkward.", "2016-02-07",
         ("Saturday night", "2016-02-06")),
        ("Officials said the storm on Monday would not have been so bad without the tide.", "2016-02-07",
         ("Monday", "2016-02-01")),
        # rows that must not change: a modal that looks ahead
        ("The debate on Saturday night could be awkward.", "2016-02-07", ("Saturday night", "2016-02-13")),
        ("The storm would not hit until Monday, forecasters said.", "2016-02-07", ("Monday", "2016-02-08")),
    ],
)
def test_dates_a_modal_before_not_have_is_no_future(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, published)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday's outcome has come, whatever the clause says of its consequences.
        ("Tuesday's outcome is unlikely to provide much clarity in the race.", ("Tuesday", "2016-02-09")),
        ("Aides argue a comeback is possible after Tuesday's victory in Indiana.", ("Tuesday", "2016-02-09")),
        ("As Tuesday's results show, Florida may not be out of reach.", ("Tuesday", "2016-02-09")),
        # rows that must not change: an outcome looked forward to, and a weekday's event that is no outcome
        ("Markets were calm ahead of Tuesday's results.", ("Tuesday", "2016-02-16")),
        ("Tuesday's primary is unlikely to provide much clarity.", ("Tuesday", "2016-02-16")),
    ],
)
def test_dates_a_weekdays_outcome_has_come(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-02-10")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day between "the" and a name qualifies it as before a noun: the nearer occurrence, not the tense's.
        ("Experts believed Russia engineered the leak to influence the Nov. 8 U.S. presidential election.",
         ("Nov. 8", "2016-11-08")),
        ("Aides worked to shape the Nov. 8 Senate race.", ("Nov. 8", "2016-11-08")),
        # rows that must not change: a day a past verb governs
        ("The leak came on Nov. 8, officials said.", ("Nov. 8", "2015-11-08")),
    ],
)
def test_dates_a_day_before_a_name_is_a_modifier(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-07-31")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday before or after a day named right after it is counted from that day.
        ("The vote was held on the Tuesday after Thanksgiving.", ("Tuesday after Thanksgiving", "2015-12-01")),
        ("Stores will open the Friday after Thanksgiving.", ("Friday after Thanksgiving", "2016-11-25")),
        ("Their last debate was held the Saturday before Christmas.", ("Saturday before Christmas", "2015-12-19")),
        # rows that must not change: a weekday with no day after it
        ("The Friday before, he quit.", ("Friday", "2015-12-18")),
    ],
)
def test_dates_a_weekday_before_or_after_a_day(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2015-12-23")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative clause or an aside after the expression is not its clause: the main verb after it dates it.
        ("On Monday, Graham, who had endorsed Bush, will headline a fundraiser.", ("Monday", "2015-12-28")),
        ("On Monday, Graham—who had previously endorsed Bush and later backed Cruz in the primary race—will "
         "headline a fundraiser in support of the senator.", ("Monday", "2015-12-28")),
        ("On Friday, the company, which will report earnings next week, said it cut jobs.", ("Friday", "2015-12-18")),
        # rows that must not change: no aside
        ("On Monday, Graham will headline a fundraiser.", ("Monday", "2015-12-28")),
        ("On Monday, the senator said he will run.", ("Monday", "2015-12-21")),
    ],
)
def test_dates_an_aside_after_the_expression_is_not_its_clause(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2015-12-23")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb that frames a clause, as "said" does, dates the telling, not the words it frames.
        ("The statement suggested both are invested in pulling the party together for the fight in the fall.",
         ("the fall", "2016-FA")),
        ("The senator warned the party faces a hard fight in the fall.", ("the fall", "2016-FA")),
        # rows that must not change: the telling itself, dated right after the verb
        ("The senator warned Friday that the party is divided.", ("Friday", "2016-05-06")),
    ],
)
def test_dates_a_framing_verb_does_not_date_the_words_it_frames(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-05-12")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day before a noun in a clause that looks ahead is the coming one, as a month there is.
        ("The inquiry could drag on and not be completed by the time of the Nov. 8 election.",
         ("Nov. 8", "2016-11-08")),
        ("He spoke from a teleprompter to appear more presidential ahead of the Nov. 8 election.",
         ("Nov. 8", "2016-11-08")),
        # rows that must not change: a day before a noun with no look ahead keeps the nearer occurrence
        ("Voters recalled the Nov. 8 election.", ("Nov. 8", "2015-11-08")),
        ("Aides prepared the Sept. 30 report.", ("Sept. 30", "2015-09-30")),
    ],
)
def test_dates_a_day_before_a_noun_in_a_clause_that_looks_ahead(text: str, expected: tuple[str, str]) -> None:
    assert expected in _values(text, "2016-04-15")
