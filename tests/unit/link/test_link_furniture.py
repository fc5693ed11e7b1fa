from __future__ import annotations

import pytest

from newsprism.link.furniture import learn_furniture, strip_furniture

COOKIE = "We use cookies to personalise content and ads. Accept all"
BODY = "The Danube burst its banks near Galati on Tuesday, officials said."


@pytest.mark.parametrize(("docs", "expected"), [
    ([(f"a{i}", "site.example", f"{COOKIE}\nStory number {i} about floods.\n{BODY if i == 0 else ''}")
      for i in range(4)], [COOKIE]),
    ([(f"a{i}", "site.example", f"{COOKIE}\nStory {i}") for i in range(2)], []),          # too few articles
    ([(f"a{i}", "site.example", (COOKIE if i < 3 else "") + f"\nStory {i}") for i in range(12)], []),  # < 30 %
    ([(f"a{i}", f"site{i}.example", COOKIE) for i in range(5)], []),                       # other sites
    ([(f"a{i}", None, COOKIE) for i in range(5)], []),                                    # no site
    ([(f"a{i}", "site.example", "Share\nShare\nStory") for i in range(5)], []),            # too short
])
def test_furniture_learn(docs: list[tuple[str, str | None, str]], expected: list[str]) -> None:
    found = learn_furniture(docs)
    assert [f.line_text for f in found] == expected
    assert learn_furniture(list(reversed(docs))) == found


def test_furniture_strip() -> None:
    (line,) = learn_furniture([(f"a{i}", "s", f"{COOKIE}\n{i} x y") for i in range(3)])
    assert strip_furniture(f"{COOKIE}\n{BODY}", {line.line_hash}) == BODY


def test_furniture_sample_keeps_each_sites_most_recent_whatever_the_order() -> None:
    from newsprism.link.furniture import FurnitureSample

    offers = [(f"a{i}", "s" if i % 2 else "t", f"2024-01-{i + 1:02d}") for i in range(20)] + [("z", None, "2025")]
    samples = []
    for order in (offers, list(reversed(offers))):
        sample = FurnitureSample(size=3)
        for article_id, site, moment in order:
            sample.offer(article_id, site, moment)
        samples.append(sample.chosen())
    assert samples[0] == samples[1] == sorted([("a15", "s"), ("a17", "s"), ("a19", "s"),
                                               ("a14", "t"), ("a16", "t"), ("a18", "t")])
