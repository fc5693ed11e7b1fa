from __future__ import annotations

import pytest

from newsprism.sentences import sentence_span


@pytest.mark.parametrize(("text", "needle", "sentence"), [
    ("Rain fell. Some 42 homes flooded. Then it stopped.", "42", "Some 42 homes flooded."),
    ("Officials said 12 died! Others fled.", "12", "Officials said 12 died!"),
    ("“We lost 12 homes.” The mayor left.", "12", "“We lost 12 homes."),            # the stop, before its quote
    ("General Motors Corp. said it cut 3,000 jobs. Shares rose.", "3,000", "General Motors Corp. said it cut 3,000 jobs."),
    ("John F. Kennedy won 303 votes. Nixon lost.", "303", "John F. Kennedy won 303 votes."),
    ("Sen. Warren said 40 bills died. More wait.", "40", "Sen. Warren said 40 bills died."),
    ("It closes on Dec. 7 with 90 stalls. Go early.", "90", "It closes on Dec. 7 with 90 stalls."),
    ("Headline with 5 words\nThe body has 6 more", "6", "The body has 6 more"),      # a line break ends it
    ("The team of 11 is in Iraq. The next day", "11", "The team of 11 is in Iraq."),  # a short word is no title
])
def test_sentence_span_ends_at_stops_that_are_no_abbreviation(text: str, needle: str, sentence: str) -> None:
    start = text.index(needle)
    left, right = sentence_span(text, start, start + len(needle))
    assert text[left:right] == sentence
