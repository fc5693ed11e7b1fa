"""Site notices in any language, and the story sentences that must stay."""

from __future__ import annotations

import pytest

from newsprism.clean.notices import is_notice, strip_notices


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
