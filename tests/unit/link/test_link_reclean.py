from __future__ import annotations

from newsprism.clean import clean_article
from newsprism.config import Settings
from newsprism.link.reclean import recleaned
from newsprism.link.run import link_corpus
from newsprism.model import Article
from newsprism.store import Store

SLOGAN = "Read the Harbour Ledger every morning for the latest port news from our own reporters."
BODIES = [
    "Dockworkers at the port walked out on Monday over pay, the union said in a statement to members.",
    "Ships queued off the coast on Tuesday as the strike at the container terminals entered a second day.",
    "Employers said the stoppage was costing thirty million euros a day and asked the union to talk.",
    "The strike ended on Saturday after a late-night deal on pay, and work resumed at the terminals.",
]


def _articles() -> list[Article]:
    return [clean_article(Article(id=f"r{i}", text="", raw_text=f"{body}\n\n{SLOGAN}\n\nMore on the story {i} "
                                  "follows in the next edition of the paper tomorrow morning.",
                                  url=f"https://ledger.example/{i}", published=f"2023-06-0{i + 1}"))
            for i, body in enumerate(BODIES)]


def test_reclean_drops_learned_furniture(store: Store) -> None:
    articles = _articles()
    assert all(SLOGAN in a.text for a in articles)  # the generic cleaner cannot know this line
    store.add(articles)
    assert link_corpus(store).furniture_lines == 1
    settings = Settings(stages=("clean.text",))
    changed = recleaned(store, settings=settings)
    assert [a.id for a in changed] == ["r0", "r1", "r2", "r3"]
    assert store.replace_articles(changed) == 4
    stored = [store.get(f"r{i}") for i in range(4)]
    assert all(a is not None and SLOGAN not in a.text and BODIES[i] in a.text for i, a in enumerate(stored))
    assert store.count() == 4 and store.search("terminals").total >= 2
    assert recleaned(store, settings=settings) == []  # a second run changes nothing
