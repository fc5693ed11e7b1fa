from __future__ import annotations

from dataclasses import replace

import pytest
from _link_corpus import FLOOD, STRIKE

from newsprism.link.claims import ClaimRow, align_claims, quantity_of
from newsprism.model import Article, Claim, Entity, Mention, Place


@pytest.mark.parametrize(("text", "needle", "counted", "verb", "quantity"), [
    (FLOOD, "about 42,000", "people", "forcing", "evacuated"),   # from the words after the figure
    (FLOOD, "four", None, None, "dead"),
    ("Some 115,000 residents were evacuated.", "115,000", "residents evacuated", "evacuated", "evacuated"),
    ("At least 11 people were killed.", "11", "people killed", "killed", "dead"),
    (STRIKE, "3,500", None, None, "strikers"),
    ("The index rose by 12 points.", "12", None, None, None),    # nothing to align
    ("The number killed rose to nine, seven in Romania and 80,000 were evacuated.", "seven", None, None, "dead"),
    ("Some 50,000 people gathered, 185 miles from Beijing.", "50,000", "people", "gathered", None),  # no event named
    # a bare figure joined to another clause by the parse: its own words say what it counts (#17)
    ("Police said 18 people had been injured in the violence and 12 arrested for carrying weapons.", "12", None,
     "injured", "arrested"),
])
def test_claims_quantity(text: str, needle: str, counted: str | None, verb: str | None,
                         quantity: str | None) -> None:
    start = text.index(needle)
    claim = Claim(start=start, end=start + len(needle), text=needle, value=0.0, value_text=needle,
                  counted=counted, verb=verb)
    assert quantity_of(claim, text) == quantity


def _article(aid: str, site: str, published: str, text: str, *claims: tuple[str, float, dict[str, object]],
             entities: tuple[Entity, ...] = (), places: tuple[Place, ...] = ()) -> Article:
    made = []
    for needle, value, extra in claims:
        start = text.index(needle)
        made.append(Claim(start=start, end=start + len(needle), text=needle, value=value, value_text=needle,
                          **extra))  # type: ignore[arg-type]
    return Article(id=aid, text=text, site=site, published=published, claims=tuple(made), entities=entities,
                   places=places)


def _groups(*articles: Article) -> dict[str, list[ClaimRow]]:
    rows = align_claims({"s": [a.id for a in articles]}, {a.id: a for a in articles})
    found: dict[str, list[ClaimRow]] = {}
    for row in rows:
        found.setdefault(row.quantity, []).append(row)
    return found


@pytest.mark.issue(11)
def test_claims_money_percent_and_counts_never_share_a_group() -> None:
    a = _article("a", "one.example", "2019-11-19", "A 25% tariff on $250bn of goods cost 195,600 jobs.",
                 ("25%", 25, {"unit": "%", "what": "tariff"}), ("$250bn", 250e9, {"unit": "USD", "what": "tariff"}),
                 ("195,600", 195600, {"counted": "jobs", "what": "job"}))
    b = _article("b", "two.example", "2019-11-19", "The 25% tariff on $250bn of goods cost 195,600 jobs.",
                 ("25%", 25, {"unit": "%", "what": "tariff"}), ("$250bn", 250e9, {"unit": "USD", "what": "tariff"}),
                 ("195,600", 195600, {"counted": "jobs", "what": "job"}))
    groups = _groups(a, b)
    assert set(groups) == {"tariff (%)", "tariff (USD) (at 25%)", "job"}
    assert all(len({r.unit for r in g}) == 1 and g[0].verdict == "agree" for g in groups.values())


@pytest.mark.issue(11)
def test_claims_a_figure_nobody_names_is_set_beside_nothing() -> None:
    a = _article("a", "one.example", "2019-11-19", "The epicentre was 185 miles northwest of Beijing; 8 were hurt.",
                 ("185 miles", 185, {"unit": "mi"}), ("8", 8, {}))
    b = _article("b", "two.example", "2019-11-19", "Some 50,000,000 people, and 12 more, were there.",
                 ("50,000,000", 5e7, {"counted": "people", "what": "people"}), ("12", 12, {}))
    assert not _groups(a, b)  # a distance, a crowd and a figure of nothing: no quantity two articles share


@pytest.mark.issue(11)
@pytest.mark.parametrize(("first", "second", "verdict"), [
    ((115000, "about", "2022-11-09"), (115000, "exact", "2022-11-09"), "agree"),
    ((115000, "exact", "2022-11-09"), (114600, "exact", "2022-11-09"), "rounding"),
    ((4, "exact", "2023-04-10"), (9, "exact", "2023-04-12"), "rising"),     # the toll rose (#17)
    ((20, "more_than", "2023-04-10"), (30, "more_than", "2023-04-12"), "rising"),  # and so did its bound
    ((26000, "more_than", "2023-04-12"), (31000, "more_than", "2023-04-12"), "bounds"),  # two bounds, no one figure
    ((26000, "at_least", "2023-04-12"), (31000, "exact", "2023-04-12"), "bounds"),
    ((115000, "about", "2022-11-09"), (112000, "exact", "2022-11-09"), "rounding"),
    ((80000, "exact", "2023-04-12"), (57000, "exact", "2023-04-12"), "disagreement"),
    ((115000, "more_than", "2022-11-09"), (70000, "about", "2022-11-10"), "disagreement"),  # a tally cannot fall
    ((115000, "exact", "2022-11-01"), (70000, "exact", "2022-11-09"), "lower"),
])
def test_claims_verdict(first: tuple[float, str, str], second: tuple[float, str, str], verdict: str) -> None:
    a = _article("a", "one.example", first[2], "In all 115000 residents were evacuated.",
                 ("115000", first[0], {"bound": first[1], "counted": "residents evacuated", "verb": "evacuated",
                                       "what": "resident", "as_of": first[2]}))
    b = _article("b", "two.example", second[2], "In all 115000 residents were evacuated.",
                 ("115000", second[0], {"bound": second[1], "counted": "residents evacuated", "verb": "evacuated",
                                        "what": "resident", "as_of": second[2]}))
    (group,) = _groups(a, b).values()
    assert {r.verdict for r in group} == {verdict}


@pytest.mark.issue(17)
def test_claims_the_base_of_one_rate_is_not_all_the_goods_revised() -> None:
    # Real lines of two outlets on the US-China tariffs: all the goods under tariff, and the tranche under
    # the 15% rate; the same words about the same rate from another outlet still set side by side.
    extra = {"unit": "USD", "counted": "worth of Chinese goods", "what": "worth"}
    nyt = _article("a", "nytimes.com", "2019-11-18", "But Mr. Trump continues to give mixed signals about whether "
                   "any of his tariffs on $360 billion worth of Chinese goods will ever be removed.",
                   ("$360 billion", 360e9, extra))
    deccan = _article("b", "deccanherald.com", "2019-11-20", "Beijing also wants Trump to eliminate the 15% tariffs "
                      "on about $125 billion worth of Chinese goods imposed on Sept. 1.",
                      ("about $125 billion", 125e9, {**extra, "bound": "about"}))
    nyt, deccan = (replace(a, mentions=(Mention(a.text.index("Trump"), a.text.index("Trump") + 5, "Trump", "PERSON"),))
                   for a in (nyt, deccan))  # both sentences name whose tariffs they are
    assert not _groups(nyt, deccan)  # two sets of goods: nothing to set side by side
    other = _article("c", "reuters.com", "2019-11-21", "China wants the 15 percent tariffs on $125 billion of "
                     "Chinese goods lifted.", ("$125 billion", 125e9, extra))
    (group,) = _groups(nyt, deccan, other).values()
    assert [(r.site, r.value, r.verdict) for r in group] == [("deccanherald.com", 125e9, "agree"),
                                                             ("reuters.com", 125e9, "agree")]
    assert group[0].quantity == "worth (USD) (at 15%)"


@pytest.mark.issue(17)
def test_claims_two_lower_bounds_of_a_toll_are_bounds_not_agreement() -> None:
    # Real lines of two outlets on the same day, each recalling an earlier earthquake's toll.
    extra = {"counted": "people killed", "verb": "killed", "what": "people", "bound": "more_than", "as_of": "2003-12"}
    bbc = _article("a", "news.bbc.co.uk", "2005-11-28", "A 6.7-strength quake killed more than 26,000 people in the "
                   "ancient city of Bam in December 2003.", ("more than 26,000", 26000, extra))
    payvand = _article("b", "payvand.com", "2005-11-28", "Iranians are still haunted by harrowing images of the "
                       "world's worst disaster in December 2003, in which more than 31,000 people were killed in the "
                       "ancient city of Bam.", ("more than 31,000", 31000, extra))
    (group,) = _groups(bbc, payvand).values()
    assert [(r.value, r.verdict) for r in group] == [(26000, "bounds"), (31000, "bounds")]
    assert group[1].note == "a bound, consistent with the other figures"


def test_claims_a_part_is_not_the_total() -> None:
    romania = Place(0, 0, "Romania", name="Romania", gazetteer_id="gn:798549", country="RO")
    text = "About 57,000 people were evacuated in Romania and 80,000 in all."
    at = text.index("Romania")
    place = Place(at, at + 7, "Romania", name="Romania", gazetteer_id=romania.gazetteer_id, country="RO")
    extra = {"counted": "people evacuated", "verb": "evacuated", "what": "people"}
    a = _article("a", "one.example", "2023-04-12", text, ("57,000", 57000, extra), ("80,000", 80000, {}), places=(place,))
    b = _article("b", "two.example", "2023-04-12", text, ("57,000", 57000, extra), ("80,000", 80000, {}), places=(place,))
    groups = _groups(a, b)
    assert {r.value for r in groups["evacuated in Romania"]} == {57000}
    assert {r.value for r in groups["evacuated"]} == {80000}


def test_claims_two_owners_are_two_quantities() -> None:
    text = "Biden won 1,357 delegates and Sanders won 1,076 delegates."
    entities = (Entity("e1", "Joe Biden", "PERSON"), Entity("e2", "Bernie Sanders", "PERSON"))
    extra = {"counted": "delegates", "what": "delegate"}
    claims = [("1,357", 1357, {**extra, "about": "e1"}), ("1,076", 1076, {**extra, "about": "e2"})]
    a = _article("a", "one.example", "2020-03-17", text, *claims, entities=entities)
    b = _article("b", "two.example", "2020-03-17", text, *claims, entities=entities)
    groups = _groups(a, b)
    assert sorted(sorted(r.value for r in g) for g in groups.values()) == [[1076, 1076], [1357, 1357]]
    assert {r.verdict for g in groups.values() for r in g} == {"agree"}


@pytest.mark.issue(11)
def test_claims_a_figure_naming_no_owner_beside_two_owners_is_set_beside_nothing() -> None:
    text = "Thomas ran for 269 yards and Bush for 404 yards; a rookie had 716 yards."
    entities = (Entity("e1", "Pierre Thomas", "PERSON"), Entity("e2", "Reggie Bush", "PERSON"))
    extra = {"counted": "yards", "what": "yard"}
    claims = [("269", 269, {**extra, "about": "e1"}), ("404", 404, {**extra, "about": "e2"}), ("716", 716, extra)]
    a = _article("a", "one.example", "2011-01-05", text, *claims, entities=entities)
    b = _article("b", "two.example", "2011-01-05", text.replace("716", "440"),
                 *claims[:2], ("440", 440, extra), entities=entities)
    groups = _groups(a, b)
    assert sorted(sorted(r.value for r in g) for g in groups.values()) == [[269, 269], [404, 404]]


@pytest.mark.issue(17)
def test_claims_a_total_over_several_events_is_not_one_events_figure() -> None:
    # Real lines of three outlets on one anti-piracy operation: 300 rounds seized in it, 923 in five.
    extra = {"counted": "rounds of ammunition", "what": "round"}
    one = "During the operation, six AK-47 rifles, 12 magazines and about 300 rounds of ammunition were found."
    a = _article("a", "ndtv.com", "2011-11-11", one, ("300", 300, {**extra, "bound": "about"}))
    b = _article("b", "indianexpress.com", "2011-11-11", one.replace("about 300", "300"), ("300", 300, extra))
    c = _article("c", "rediff.com", "2011-11-11", "So far, the Indian Navy has confiscated 14 AK 47 Rifles, "
                 "31 magazines and 923 rounds of ammunition from pirates.", ("923", 923, extra))
    d = _article("d", "thehindu.com", "2011-11-11", "In their five operations so far, the personnel on board the "
                 "warship have confiscated 14 AK-47 Rifles, 31 magazines and 923 rounds of ammunition, he said.",
                 ("923", 923, extra))
    groups = _groups(a, b, c, d)
    assert {q: sorted(r.value for r in g) for q, g in groups.items()} == {"round": [300, 300],
                                                                           "round (all told)": [923, 923]}
    assert {r.verdict for g in groups.values() for r in g} == {"agree"}


def _poll(aid: str, site: str, published: str, text: str, *figures: str) -> Article:
    """An article whose persons are mentioned where their names stand, with a share claim per figure."""
    people = [("Mrs. Clinton", "Hillary Clinton"), ("Mr. Sanders", "Bernie Sanders"), ("Clinton", "Hillary Clinton"),
              ("Sanders", "Bernie Sanders")]
    mentions, taken = [], set[int]()
    for written, name in people:
        at = text.find(written)
        while at != -1:
            if not taken & set(range(at, at + len(written))):
                mentions.append(Mention(at, at + len(written), written, "PERSON",
                                        entity="e1" if "Clinton" in name else "e2"))
                taken |= set(range(at, at + len(written)))
            at = text.find(written, at + 1)
    entities = (Entity("e1", "Hillary Clinton", "PERSON"), Entity("e2", "Bernie Sanders", "PERSON"))
    article = _article(aid, site, published, text, *[(f, float(f.split()[0]), {"unit": "%", "what": "lead"})
                                                     for f in figures], entities=entities)
    return replace(article, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


@pytest.mark.issue(17)
def test_claims_poll_shares_of_two_holders_and_two_groups_are_no_revisions() -> None:
    # Real lines of two outlets on one California primary poll: the first figure of a pair is the
    # leader's share, the second the rival's, and "among" names the voters the shares are of.
    a = _poll("a", "nyt", "2016-05-25", "The poll showed Mrs. Clinton leading Mr. Sanders among likely voters, "
              "46 percent to 44 percent - within the margin of sampling error. A survey by the organization in "
              "March found Mrs. Clinton with a lead of 48 percent to 41 percent over Mr. Sanders.",
              "46 percent", "44 percent", "48 percent", "41 percent")
    b = _poll("b", "politico", "2016-05-26", "The PPIC poll shows Clinton leading Sanders among likely voters, "
              "46 percent to 44 percent. Sanders holds a large advantage among younger voters — leading "
              "66 percent to 27 percent among voters under age 45 — while Clinton leads, 59 percent to 28 "
              "percent, among voters 45 and older.",
              "46 percent", "44 percent", "66 percent", "27 percent", "59 percent", "28 percent")
    groups = _groups(a, b)
    assert sorted(sorted(r.value for r in g) for g in groups.values()) == [[44, 44], [46, 46]]
    assert all(g[0].verdict == "agree" and "among likely voters" in q for q, g in groups.items())


@pytest.mark.issue(11)
def test_claims_a_part_of_the_people_counted_is_another_quantity() -> None:
    text = "Three bank workers died in the fire, a man and two women."
    dead = {"counted": "bank workers died", "verb": "died", "what": "bank worker"}
    women = {"counted": "women", "verb": "died", "what": "woman"}
    a = _article("a", "one.example", "2010-05-05", text, ("Three", 3, dead), ("two", 2, women))
    b = _article("b", "two.example", "2010-05-05", text, ("Three", 3, dead), ("two", 2, women))
    groups = _groups(a, b)
    assert {label: sorted(r.value for r in g) for label, g in groups.items()} == {
        "dead": [3, 3], "dead (woman)": [2, 2]}
    assert {r.verdict for g in groups.values() for r in g} == {"agree"}


@pytest.mark.issue(11)
def test_claims_a_figure_of_no_known_time_is_not_set_beside_dated_ones() -> None:
    extra = {"counted": "people injured", "verb": "injured", "what": "people"}
    a = _article("a", "one.example", "2010-05-05", "Police said 12 people were injured.", ("12", 12, extra))
    b = _article("b", "two.example", "2010-05-05", "Police said 18 people were injured.", ("18", 18, extra))
    undated = Article(id="c", text="At least 70 people were injured.", site="three.example", claims=(
        Claim(start=9, end=11, text="70", value=70, value_text="70", bound="at_least", **extra),))  # type: ignore[arg-type]
    (group,) = _groups(a, b, undated).values()
    assert [(r.site, r.value) for r in group] == [("one.example", 12), ("two.example", 18)]
    assert {r.verdict for r in group} == {"disagreement"}


@pytest.mark.issue(11)
def test_claims_figures_that_are_no_tally_need_the_same_figure_or_the_same_holder_named() -> None:
    extra = {"counted": "offer", "what": "offer", "unit": "USD"}

    def offer(aid: str, site: str, day: str, text: str, needle: str, value: float, *names: str) -> Article:
        mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, "ORG") for n in names)
        return replace(_article(aid, site, day, text, (needle, value, extra)), mentions=mentions)

    red_sox = offer("a", "one.example", "2008-12-15", "The Red Sox made an offer of $200 million.", "$200 million",
                    2e8, "Red Sox")
    nationals = offer("b", "two.example", "2008-12-16", "The Nationals made an offer of $160 million.",
                      "$160 million", 1.6e8, "Nationals")
    assert not _groups(red_sox, nationals)  # two teams' offers are two quantities
    again = offer("c", "three.example", "2008-12-17", "The Red Sox raised their offer to $170 million.",
                  "$170 million", 1.7e8, "Red Sox")
    (group,) = _groups(red_sox, nationals, again).values()
    assert [(r.site, r.value) for r in group] == [("one.example", 2e8), ("three.example", 1.7e8)]
    same = offer("d", "four.example", "2008-12-16", "An offer of $160 million was made.", "$160 million", 1.6e8)
    (group,) = _groups(nationals, same).values()  # the same figure backs itself
    assert {r.verdict for r in group} == {"agree"}


@pytest.mark.issue(17)
def test_claims_a_name_both_sentences_give_backs_no_two_holders() -> None:
    """Real lines of two outlets: the player is named in both, each team in one; two offers, no revision."""
    extra = {"counted": "offer", "what": "offer", "unit": "USD"}

    def offer(aid: str, site: str, text: str, needle: str, value: float, *names: tuple[str, str]) -> Article:
        mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, label, n.split()[-1]) for n, label in names)
        return replace(_article(aid, site, "2008-12-15", text, (needle, value, extra)), mentions=mentions)

    def groups(*articles: Article) -> list[list[ClaimRow]]:  # "Mark Teixeira" and "Teixeira": one corpus entity
        entity_of = {(a.id, m.entity or ""): f"corpus:{m.entity}" for a in articles for m in a.mentions}
        rows = align_claims({"s": [a.id for a in articles]}, {a.id: a for a in articles}, entity_of=entity_of)
        return [[r for r in rows if r.quantity == q] for q in sorted({r.quantity for r in rows})]

    red_sox = offer("a", "ocregister.com", "Dan Patrick reported on his show that the Boston Red Sox have made first "
                    "baseman Mark Teixeira an eight-year, $200 million offer.", "$200 million", 2e8,
                    ("Dan Patrick", "PERSON"), ("Boston Red Sox", "ORG"), ("Mark Teixeira", "PERSON"))
    nationals = offer("b", "mlb.com", "Last week at the Winter Meetings, the Washington Nationals made Teixeira an "
                      "eight-year, $160 million offer.", "$160 million", 1.6e8,
                      ("Washington Nationals", "ORG"), ("Teixeira", "PERSON"))
    assert not groups(red_sox, nationals)
    again = offer("c", "boston.com", "The Boston Red Sox raised their offer to Mark Teixeira to $170 million.",
                  "$170 million", 1.7e8, ("Boston Red Sox", "ORG"), ("Mark Teixeira", "PERSON"))
    (group,) = groups(red_sox, nationals, again)  # the team and the player in both: one holder's offer
    assert [(r.site, r.value) for r in group] == [("ocregister.com", 2e8), ("boston.com", 1.7e8)]


@pytest.mark.issue(17)
def test_claims_two_figures_one_sentence_compares_are_set_beside_nothing() -> None:
    """Real lines of two outlets on three debates' audiences: each sentence compares two of them."""
    extra = {"counted": "viewers", "what": "viewer"}
    text = ("But early ratings data suggests that sponsor ABC News probably got around 8 million viewers, less than "
            "half of the 18 million viewers for CNN's Republican debate four days earlier.")
    cnn = Entity("e1", "CNN", "ORG")
    wash = _article("a", "wash-post", "2015-12-22", text, ("8 million", 8e6, {**extra, "bound": "about"}),
                    ("18 million", 1.8e7, {**extra, "about": "e1"}), entities=(cnn,))
    usa = _article("b", "usa-today", "2015-12-23", "As a result, the GOP debate audiences have been much larger -- "
                   "as many as 24 million viewers for the top-rated GOP debate, compared with fewer than 8 million "
                   "for Saturday's Democratic encounter.", ("24 million", 2.4e7, {**extra, "bound": "at_most"}),
                   ("fewer than 8 million", 8e6, {"bound": "less_than"}))
    assert not _groups(wash, usa)  # CNN's debate's 18 million is CNN's; the figures of no owner, compared
    again = _article("c", "cnn.com", "2015-12-16", "The Republican debate drew 18 million viewers for CNN.",
                     ("18 million", 1.8e7, {**extra, "about": "e1"}), entities=(cnn,))
    (group,) = _groups(wash, usa, again).values()
    assert sorted((r.site, r.value) for r in group) == [("cnn.com", 1.8e7), ("wash-post", 1.8e7)]
    toll = {"counted": "people killed", "verb": "killed", "what": "people"}
    ranged = _article("c", "one.example", "2015-12-22", "More than 20 and fewer than 30 people were killed.",
                      ("20", 20, {**toll, "bound": "more_than"}), ("30", 30, {**toll, "bound": "less_than"}))
    other = _article("d", "two.example", "2015-12-22", "At least 25 people were killed.",
                     ("25", 25, {**toll, "bound": "at_least"}))
    (group,) = _groups(ranged, other).values()  # a range's two ends are one figure
    assert sorted(r.value for r in group) == [20, 25, 30]


def test_claims_audit_finds_a_group_mixing_units() -> None:
    from newsprism.link.audit import claim_groups_mixing_units

    row = ClaimRow("s", "cost", "a", 0, 5.0, "exact", None, None, None, None, unit="USD")
    assert not claim_groups_mixing_units([row, ClaimRow(**{**_fields(row), "article_id": "b", "value": 6.0})])
    mixed = claim_groups_mixing_units([row, ClaimRow(**{**_fields(row), "article_id": "b", "unit": "%"})])
    assert [(c.name, c.values) for c in mixed] == [("cost", ("%", "USD"))]


def _fields(row: ClaimRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in ClaimRow.__dataclass_fields__}


@pytest.mark.issue(17)
def test_claims_a_change_is_not_set_beside_the_level_it_moves() -> None:
    """"down ... just over two rebounds" says by how much a player's rebounds fell, not how many he takes."""
    a = _article("a", "one.example", "2012-12-22", "Dalembert is down just over two rebounds per contest.",
                 ("just over two", 2, {"counted": "rebounds", "what": "rebound", "change": "down"}))
    b = _article("b", "two.example", "2012-12-22", "Dalembert takes 8 rebounds per contest.",
                 ("8", 8, {"counted": "rebounds", "what": "rebound"}))
    c = _article("c", "three.example", "2012-12-22", "Dalembert is down two rebounds per contest.",
                 ("two", 2, {"counted": "rebounds", "what": "rebound", "change": "down"}))
    groups = _groups(a, b, c)
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {"rebound (fall)": ["a", "c"]}


@pytest.mark.issue(17)
def test_claims_a_part_of_a_larger_number_is_not_set_beside_the_whole() -> None:
    """"30 of the 80 wounded remained in hospital": the 30 are some of the wounded, not another count of them."""
    text = "He said 30 of the 80 wounded remained in hospital after the tremor."
    a = _article("a", "one.example", "2005-02-23", text, ("30", 30, {"counted": "80 wounded", "what": "wounded"}),
                 ("80", 80, {}))
    b = _article("b", "two.example", "2005-02-23", "The quake left 80 people wounded, officials said.",
                 ("80", 80, {"counted": "people", "what": "people"}))
    groups = _groups(a, b)
    assert {q: sorted((r.article_id, r.value) for r in rows) for q, rows in groups.items()} == {
        "injured": [("a", 80), ("b", 80)]}


@pytest.mark.issue(17)
def test_claims_a_place_where_stands_for_and_more_beyond_a_figure_are_other_quantities() -> None:
    """Three ECB+ reports of one strike: the marchers in Athens, and "another 20,000" in Thessaloniki."""
    athens = "Police said as many as 20,000 people marched in Athens during the strike."
    a = _article("a", "one.example", "2010-05-05", athens, ("as many as 20,000", 20000, {"counted": "people",
                 "what": "people", "verb": "marched", "bound": "at_most"}),
                 places=(Place(athens.index("Athens"), athens.index("Athens") + 6, "Athens", name="Athens"),))
    north = "Violence also broke out in the northern city of Thessaloniki, where 20,000 people marched."
    b = _article("b", "two.example", "2010-05-05", north, ("20,000", 20000, {"counted": "people", "what": "people",
                 "verb": "marched"}),
                 places=(Place(north.index("Thessaloniki"), north.index("Thessaloniki") + 12, "Thessaloniki",
                               name="Thessaloniki"),))
    more = "Violence also broke out in the north, where another 20,000 people marched."
    c = _article("c", "three.example", "2010-05-05", more, ("20,000", 20000, {"counted": "people", "what": "people",
                 "verb": "marched"}))
    d = _article("d", "four.example", "2010-05-05", "As many as 20,000 people marched in Athens, police said.",
                 ("As many as 20,000", 20000, {"counted": "people", "what": "people", "verb": "marched",
                                               "bound": "at_most"}),
                 places=(Place(29, 35, "Athens", name="Athens"),))
    groups = _groups(a, b, c, d)
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {"protesters in Athens": ["a", "d"]}


@pytest.mark.issue(17)
def test_claims_a_nationality_word_in_a_figures_clause_is_its_country() -> None:
    """ "Three killed as rioters bomb Greek bank" and "killed at least three people in Greece": one scope."""
    headline = "Three killed as rioters bomb Greek bank"
    a = _article("a", "one.example", "2010-05-05", headline, ("Three", 3, {"verb": "killed"}),
                 places=(Place(29, 34, "Greek", name="Greek", country="GR", type="demonym"),))
    lead = "A firebomb attack on a bank in Greece killed three people today."
    b = _article("b", "two.example", "2010-05-05", lead, ("three", 3, {"counted": "people", "what": "people",
                 "verb": "killed"}), places=(Place(31, 37, "Greece", name="Greece", country="GR", type="country"),))
    assert list(_groups(a, b)) == ["dead in Greece"]


@pytest.mark.issue(17)
def test_claims_a_forecast_is_not_set_beside_what_is() -> None:
    """"will have more than 4.7 million shares" after a split is not the 5.9 million outstanding now."""
    a = _article("a", "one.example", "1989-10-27", "The company has about 5.9 million shares outstanding.",
                 ("about 5.9 million", 5.9e6, {"counted": "shares", "what": "share", "bound": "about"}))
    b = _article("b", "two.example", "1989-10-27", "It will have more than 4.7 million shares outstanding.",
                 ("more than 4.7 million", 4.7e6, {"counted": "shares", "what": "share", "bound": "more_than",
                                                   "outlook": "expected"}))
    c = _article("c", "three.example", "1989-10-27", "It will have 4.8 million shares outstanding.",
                 ("4.8 million", 4.8e6, {"counted": "shares", "what": "share", "outlook": "expected"}))
    groups = _groups(a, b, c)
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {"share (expected)": ["b", "c"]}


@pytest.mark.issue(17)
def test_claims_the_whole_a_part_is_of_is_not_counted_in_the_parts_event() -> None:
    """Read in the real mixed corpus: "two of the three victims died" gave three dead beside "One victim died"."""
    text = "Local evening news in Michigan originally reported that two of the three victims died."
    a = _article("a", "one.example", "2007-04-12", text, ("three", 3, {"counted": "victims", "what": "victim"}))
    b = _article("b", "two.example", "2007-04-09", "One victim died in the Monday morning attack.",
                 ("One", 1, {"counted": "victim died", "verb": "died", "what": "victim"}))
    c = _article("c", "three.example", "2007-04-10", "A victim died; in all one victim died.",
                 ("one", 1, {"counted": "victim died", "verb": "died", "what": "victim"}))
    groups = _groups(a, b, c)
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {"dead": ["b", "c"]}


@pytest.mark.issue(17)
def test_claims_undated_figures_stand_beside_each_other_only_when_another_source_agrees() -> None:
    """With no time for any figure, two reports' different figures may be two events' (a sit-down in Athens,
    a march elsewhere on another day): only figures another source gives the same, or within a bound, stay."""
    extra = {"counted": "people marched", "verb": "marched", "what": "people"}

    def undated(aid: str, text: str, needle: str, value: float, bound: str = "exact") -> Article:
        start = text.index(needle)
        return Article(id=aid, text=text, site=None, claims=(Claim(
            start=start, end=start + len(needle), text=needle, value=value, value_text=needle, bound=bound,
            **extra),))  # type: ignore[arg-type]

    sit_down = undated("a", "About 1,000 people marched to a sit-down in Athens.", "1,000", 1000, "about")
    square = undated("b", "In the square 10,000 people marched against the government.", "10,000", 10000)
    march = undated("c", "More than 10,000 people marched through the city.", "10,000", 10000, "more_than")
    (group,) = _groups(sit_down, square, march).values()
    assert sorted((r.article_id, r.value) for r in group) == [("b", 10000), ("c", 10000)]
    assert {r.verdict for r in group} == {"agree"}
    assert _groups(sit_down, square) == {}  # two different figures, no time to tell them apart: nothing to show


@pytest.mark.issue(17)
def test_claims_a_figure_its_sentence_ties_to_another_day_is_no_revision() -> None:
    """A running back's yards are measured again at every game: the figure one report ties to a game's day is
    no earlier version of another report's figure of ten days later; a later report's figure with no day of
    its own beside one dated by its report alone is still a revision."""
    extra = {"counted": "yards", "what": "yard"}
    text_63 = "In the Saints 17-14 victory over the Falcons on Dec. 27, Pierre Thomas rushed for 63 yards."
    text_102 = "Pierre Thomas had 102 yards from scrimmage and a touchdown in Week 16."

    def report(aid: str, site: str, published: str, text: str, needle: str, value: float, as_of: str) -> Article:
        found = _article(aid, site, published, text, (needle, value, {**extra, "as_of": as_of}))
        name = "Pierre Thomas"
        return replace(found, mentions=(Mention(text.index(name), text.index(name) + len(name), name, "PERSON"),))

    game = report("a", "one.example", "2011-01-05", text_63, "63", 63, "2010-12-27")
    later = report("b", "two.example", "2011-01-06", text_102, "102", 102, "2011-01-06")
    assert not _groups(game, later)
    earlier = report("c", "three.example", "2010-12-28", text_102.replace("102", "94"), "94", 94, "2010-12-28")
    (group,) = _groups(earlier, later).values()
    assert [(r.value, r.verdict) for r in group] == [(94, "revision"), (102, "revision")]


@pytest.mark.issue(17)
def test_claims_a_figure_giving_no_place_is_the_figure_of_the_one_place_given_for_it() -> None:
    """ "125 seats" and "125 seats in the parliament of Turkmenistan": one figure, the place left out in one."""
    placed = "Voters chose among 283 candidates for the 125 seats in the parliament of Turkmenistan."
    at = placed.index("Turkmenistan")
    turkmenistan = Place(at, at + 12, "Turkmenistan", name="Turkmenistan", country="TM", type="country")
    seats = {"counted": "seats", "what": "seat"}
    a = _article("a", "one.example", "2008-12-14", placed, ("125", 125, seats), places=(turkmenistan,))
    b = _article("b", "two.example", "2008-12-14", placed, ("125", 125, seats), places=(turkmenistan,))
    c = _article("c", "three.example", "2008-12-15", "Candidates ran for 125 seats, officials said.",
                 ("125", 125, seats))
    d = _article("d", "four.example", "2008-12-15", "All 125 seats went to candidates loyal to the president.",
                 ("125", 125, seats))
    groups = _groups(a, b, c, d)
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {
        "seat in Turkmenistan": ["a", "b", "c", "d"]}
    assert {r.verdict for r in groups["seat in Turkmenistan"]} == {"agree"}


@pytest.mark.issue(17)
def test_claims_a_figure_giving_no_place_stays_apart_where_two_places_have_figures() -> None:
    """The same figure for two countries: a report that names neither cannot be told to be either's."""
    def placed(aid: str, site: str, country: str) -> Article:
        text = f"Some 5,000 people were evacuated in {country} on Sunday."
        at = text.index(country)
        return _article(aid, site, "2023-04-12", text, ("5,000", 5000, {"counted": "people evacuated",
                        "verb": "evacuated", "what": "people"}),
                        places=(Place(at, at + len(country), country, name=country, type="country"),))
    bare = "Some 5,000 people were evacuated on Sunday."
    extra = {"counted": "people evacuated", "verb": "evacuated", "what": "people"}
    groups = _groups(placed("a", "one.example", "Romania"), placed("b", "two.example", "Romania"),
                     placed("c", "three.example", "Ukraine"), placed("d", "four.example", "Ukraine"),
                     _article("e", "five.example", "2023-04-12", bare, ("5,000", 5000, extra)),
                     _article("f", "six.example", "2023-04-12", bare, ("5,000", 5000, extra)))
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {
        "evacuated": ["e", "f"], "evacuated in Romania": ["a", "b"], "evacuated in Ukraine": ["c", "d"]}


@pytest.mark.issue(17)
def test_claims_a_multiplier_is_set_beside_multipliers_only() -> None:
    """ "five times the legal limit" is a ratio: beside the same ratio, never as a count of legal limits."""
    text = "His blood alcohol level was five times the legal limit."
    ratio = {"unit": "times", "what": "legal limit", "counted": "legal limit"}
    a = _article("a", "one.example", "2023-04-12", text, ("five times", 5, ratio))
    b = _article("b", "two.example", "2023-04-12", text, ("five times", 5, ratio))
    assert list(_groups(a, b)) == ["legal limit (ratio)"]


@pytest.mark.issue(17)
def test_claims_a_figure_of_a_country_and_of_a_city_in_it_are_one_when_the_same() -> None:
    """ "Three killed in Greece", "three died in an Athens bank", "3 dead": one figure; 12 across Greece is more."""
    def told(aid: str, site: str, text: str, needle: str, value: int, where: str = "", kind: str = "city",
             country: str = "GR") -> Article:
        places = ()
        if where:
            at = text.index(where)
            places = (Place(at, at + len(where), where, name=where, country=country, type=kind),)
        return _article(aid, site, "2010-05-05", text, (needle, value, {"verb": "killed"}), places=places)

    groups = _groups(
        told("a", "one.example", "A firebomb attack on a bank in Greece killed three people.", "three", 3,
             "Greece", "country"),
        told("b", "two.example", "A fire-bomb attack on a bank in Greece killed three people.", "three", 3,
             "Greece", "country"),
        told("c", "three.example", "A petrol bomb hurled at an Athens bank killed three people.", "three", 3,
             "Athens"),
        told("d", "four.example", "A petrol bomb thrown into an Athens bank killed three people.", "three", 3,
             "Athens"),
        told("e", "five.example", "Riots killed 3 people on Wednesday.", "3", 3),
        told("f", "six.example", "In all, riots killed 12 people in Greece.", "12", 12, "Greece", "country"),
        told("g", "seven.example", "Riots across Greece killed 12 people this week.", "12", 12, "Greece", "country"))
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {
        "dead in Athens": ["a", "b", "c", "d", "e"], "dead in Greece": ["f", "g"]}


@pytest.mark.issue(17)
def test_claims_a_country_named_beside_a_place_in_it_says_where_the_place_is() -> None:
    """ "Three die in an Athens bank during Greek riots": the figure is Athens's, as in a report naming Athens."""
    both = "Three die in an Athens bank during Greek riots."
    places = (Place(16, 22, "Athens", name="Athens", country="GR", type="city"),
              Place(37, 42, "Greek", name="Greek", country="GR", type="demonym"))
    a = _article("a", "one.example", "2010-05-05", both, ("Three", 3, {"verb": "die"}), places=places)
    city = "Three people died when an Athens bank went up in flames."
    b = _article("b", "two.example", "2010-05-05", city, ("Three", 3, {"counted": "people", "what": "people",
                 "verb": "died"}), places=(Place(26, 32, "Athens", name="Athens", country="GR", type="city"),))
    assert list(_groups(a, b)) == ["dead in Athens"]


@pytest.mark.issue(17)
def test_claims_a_figure_giving_no_place_keeps_its_own_owner() -> None:
    """The place's figure is the FBI's and the figure with no place the ATF's: two owners, nothing moved."""
    fbi = Entity("e1", "FBI", "ORG")
    atf = Entity("e1", "ATF", "ORG")
    oregon = "The FBI offered a $35,000 reward in Oregon."
    at = oregon.index("Oregon")
    a = _article("a", "one.example", "2009-01-03", oregon, ("$35,000", 35000, {"unit": "USD", "what": "reward",
                 "verb": "offered", "about": "e1"}), entities=(fbi,),
                 places=(Place(at, at + 6, "Oregon", name="Oregon", country="US", type="region"),))
    plain = "The ATF offered a $35,000 reward."
    b = _article("b", "two.example", "2009-01-03", plain, ("$35,000", 35000, {"unit": "USD", "what": "reward",
                 "verb": "offered", "about": "e1"}), entities=(atf,))
    c = _article("c", "three.example", "2009-01-03", "A $35,000 reward was offered.",
                 ("$35,000", 35000, {"unit": "USD", "what": "reward", "verb": "offered"}))
    groups = _groups(a, b, c)
    assert {q: sorted(r.article_id for r in rows) for q, rows in groups.items()} == {"reward (offer) (USD)": ["b", "c"]}


@pytest.mark.issue(17)
def test_claims_a_sentence_runs_past_a_title_so_rival_holders_stay_apart() -> None:
    """Two teams' offers to one player: the sentence of each figure names its team, although "Mr." comes between
    (a stop after a title ends no sentence), so the two offers are no one holder's figures."""
    extra = {"counted": "offer", "what": "offer", "unit": "USD"}

    def offer(aid: str, site: str, text: str, needle: str, value: float, team: str) -> Article:
        mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, label, n.split()[-1])
                         for n, label in ((team, "ORG"), ("Teixeira", "PERSON")))
        return replace(_article(aid, site, "2008-12-15", text, (needle, value, extra)), mentions=mentions)

    red_sox = offer("a", "one.example", "The Boston Red Sox made Mr. Teixeira an eight-year, $200 million offer.",
                    "$200 million", 2e8, "Boston Red Sox")
    nationals = offer("b", "two.example", "Last week the Washington Nationals made Mr. Teixeira an eight-year, "
                      "$160 million offer.", "$160 million", 1.6e8, "Washington Nationals")
    entity_of = {(a.id, m.entity or ""): f"corpus:{m.entity}" for a in (red_sox, nationals) for m in a.mentions}
    assert not align_claims({"s": ["a", "b"]}, {"a": red_sox, "b": nationals}, entity_of=entity_of)
