"""Site notices in any language, and the story sentences that must stay."""

from __future__ import annotations

import pytest

from newsprism.clean.notices import is_notice, notice_spans, strip_notices


@pytest.mark.issue(11)
@pytest.mark.parametrize(("sentence", "notice"), [
    ("We use cookies to personalise content and ads and to analyse our traffic.", True),
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", True),
    ("Sizlere daha iyi bir hizmet sunabilmek için sitemizde çerezlerden faydalanıyoruz.", True),
    ("Podejrzewamy, że ktoś nadużył adresu IP, z którego korzystasz.", True),
    ("TAKE A FREE TRIAL Registered users can read up to 3 reports.", True),
    ("You have reached the limit for free access to our important and valuable work.", True),
    ("We noticed you're blocking ads! Turn off your ad blocker to keep reading.", True),
    ("Um die Funktion unserer Website zu verbessern, zeigen wir Werbung.", True),
    # story sentences, some about the very same things
    ("The Danube burst its banks near Galati on Tuesday, forcing 42,000 people from their homes.", False),
    ("The company reported a 5% rise in subscribers over the quarter.", False),
    ("He said you cannot trust a government that lies to its own people about the war.", False),
    ("The regulator said on Tuesday that the company had for years tracked millions of people across "
     "thousands of other sites with cookies, without ever asking them first.", False),
])
def test_notices_sentence(sentence: str, notice: bool) -> None:
    assert is_notice(sentence) is notice


@pytest.mark.issue(11)
def test_notices_a_wall_page_is_all_notice_and_a_story_keeps_its_sentences() -> None:
    wall = ("Przykro nam, ale z adresu IP, z którego się łączysz, odnotowaliśmy ogromną liczbę połączeń. "
            "Podejrzewamy, że ktoś nadużył adresu IP, z którego korzystasz. Zaznacz NIE JESTEM ROBOTEM.")
    assert strip_notices(wall) == ""
    story = ("Floods hit Galati on Tuesday and thousands of people left their homes in the night. "
             "The prefect ordered the evacuation of two villages near the dyke. "
             "No one was hurt, officials said.")
    assert strip_notices(story) == story
    banner = story + "\nWe use cookies. Some of them are essential. Accept all cookies or manage your choices."
    assert strip_notices(banner) == story


_BOUND_ROWS = [
    "We use cookies to improve your experience. Accept all cookies. Learn more",
    "The mayor spoke. We use cookies. OK. The river rose. Subscribe to our newsletter. Thanks",
    "Utilizamos cookies propias y de terceros. Si continúa navegando, acepta su uso.",
    "The bakery sold cookies. The council met. Please enable JavaScript. The river rose. It rained.",
    "U.S. sites use cookies.Then the captcha!And more: your IP address? blocked",
    "cookie!cookie?cookie.",
    "Nothing here at all. Only a story.",
    "",
]


@pytest.mark.issue(12)
@pytest.mark.parametrize("text", _BOUND_ROWS)
def test_notices_bound_is_never_under_the_notice_spans(text: str) -> None:
    # a line is searched sentence by sentence only when the sentences its cues fall in could make half of it
    # (#12, speed): the bound is never under what the search finds
    from newsprism.clean.notices import notice_bound
    from newsprism.clean.resources import NOTICE_STRONG, NOTICE_WEAK

    cues = [m.span() for pattern in (NOTICE_STRONG, NOTICE_WEAK) for m in pattern.finditer(text)]
    assert notice_bound(text, cues) >= sum(end - start for start, end in notice_spans(text))


@pytest.mark.issue(12)
def test_notices_long_line_naming_cookies_twice_is_not_searched_by_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.clean import furniture

    searched: list[str] = []

    def counted(text: str) -> list[tuple[int, int]]:
        searched.append(text)
        return notice_spans(text)

    monkeypatch.setattr(furniture, "notice_spans", counted)
    story = " ".join(f"The baker sold {n} boxes of cookies on the market square this week." if n in (3, 40)
                     else f"The council met for the {n}th time to talk about the harbour wall." for n in range(60))
    notice = "We use cookies to improve your experience. Accept all cookies. Learn more about cookies."
    lines = [furniture.make_line(i, 0, len(text), text) for i, text in enumerate([story, notice])]
    furniture.classify(lines, scraped=False)
    assert [line.kind for line in lines] == [None, "cookie"]
    assert searched == []  # the notice line is told by its cue pattern first
