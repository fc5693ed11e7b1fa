"""The extract.quotes stage: quote marks, scare quotes, speakers and cues."""

from __future__ import annotations

import pytest

from newsprism.config import Settings
from newsprism.extract.quotes import find_direct_quotes, paragraph_spans, quoted_fragments
from newsprism.model import Article, Quote
from newsprism.pipeline import Pipeline
from newsprism.registry import get_factory


def direct(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_direct_quotes(text, paragraph_spans(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not retreat," the mayor said.', ["We will not retreat,"]),
        ("“We will not retreat,” the mayor said.", ["We will not retreat,"]),
        ("‘It was not an easy decision’He conceded.", ["It was not an easy decision"]),
        ("Il a dit: «Nous ne partirons pas d’ici».", ["Nous ne partirons pas d’ici"]),
        ("Moscow’s forces left. “The city is ours again,” he said.", ["The city is ours again,"]),
        # nested quote inside a quote stays inside
        ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left,"]),
        # scare quotes of 1-3 words are not speech ...
        ("since the “special military operations” began", []),
        ("a “difficult” situation in the region", []),
        # ... unless they read as speech
        ("“Never,” she said.", ["Never,"]),
        ('"No comment" said the spokesman.', ["No comment"]),
        # a stray mark must not swallow the paragraph, nor the next one
        ("He said “ and then left.\n\n“We stay here for good,” she said.", ["We stay here for good,"]),
        ("The 5” screen broke.\n\n“It broke twice this year,” he said.", ["It broke twice this year,"]),
        # apostrophes are not closers
        ("‘Putin’s army won’t come back here,’ she said.", ["Putin’s army won’t come back here,"]),
        # no quotes at all: unchanged
        ("The army withdrew from the city on Wednesday.", []),
    ],
)
def test_quotes_find_direct(text: str, expected: list[str]) -> None:
    assert direct(text) == expected


def test_quotes_multi_paragraph() -> None:
    text = ("“We held the line for eight months.\n\n"
            "“Nobody expected the order to come so soon,” the officer said.\n\n"
            "The officer declined to give his name.")
    (quote,) = find_direct_quotes(text, paragraph_spans(text))
    assert text[quote.start:quote.end].startswith("We held the line")
    assert text[quote.start:quote.end].endswith("so soon,")


def test_quotes_unclosed_paragraph_quote_is_kept_with_low_confidence() -> None:
    text = "“We will rebuild every school in the region by spring\n\nThe minister left."
    (quote,) = find_direct_quotes(text, paragraph_spans(text))
    assert text[quote.start:quote.end] == "We will rebuild every school in the region by spring"
    assert quote.confidence < 1.0


@pytest.fixture(scope="module")
def stages():  # type: ignore[no-untyped-def]
    settings = Settings()
    return get_factory("extract.entities")(settings), get_factory("extract.quotes")(settings)


def quotes_of(stages, text: str) -> tuple[Article, list[Quote]]:  # type: ignore[no-untyped-def]
    entities, quotes = stages
    article = next(iter(quotes.pipe(entities.pipe([Article(id="t", text=text)]))))
    return article, list(article.quotes)


def speaker_name(article: Article, quote: Quote) -> str | None:
    names = {e.id: e.name for e in article.entities}
    return names.get(quote.speaker or "")


SPEAKER_CASES = [
    # speaker after the quote
    ("“The bridge will reopen next week,” said Transport Minister Anna Kovalenko.",
     "The bridge will reopen next week,", "Anna Kovalenko", "said"),
    # speaker before the quote, with a colon
    ("Mayor John Tory told reporters: “We are doing everything we can for the families.”",
     "We are doing everything we can for the families.", "John Tory", "told"),
    # speaker inside, between two halves
    ("“The water is rising,” Governor Maria Lopez warned, “and it will keep rising until Friday.”",
     "The water is rising,", "Maria Lopez", "warned"),
    # appositive
    ("“Russian flag disappears from the building,” Alexander Coates, a war correspondent for Komsomolskaya "
     "Pravda, wrote in his channel.", "Russian flag disappears from the building,", "Alexander Coates", "wrote"),
    # inverted cue with a title and an appositive name
    ("“Continue to withdraw the troops across the river,” ordered the Defense Minister, Sergei Shoigu.",
     "Continue to withdraw the troops across the river,", "Sergei Shoigu", "ordered"),
    # pronoun resolved to the nearest person who was a subject
    ("Sergei Surovikin commanded the forces in the region. “It was not an easy decision,” he conceded.",
     "It was not an easy decision,", "Sergei Surovikin", "conceded"),
    # role noun resolved through the appositive seen earlier
    ("Olena Shevchenko, a local official, met Mark Reed on Monday. “We need more generators,” the official said.",
     "We need more generators,", "Olena Shevchenko", "said"),
    # the listener or the medium is not the speaker
    ("Mendez once told The Washington Post he considered himself “an artist first.” He worked as a draftsman.",
     "an artist first.", None, "told"),
    ("“We were stunned,” Maria Lopez said in an interview with National Geographic.",
     "We were stunned,", "Maria Lopez", "said"),
    ("Anna Kovalenko told Reuters: “The statement was prepared before anyone saw the film.”",
     "The statement was prepared before anyone saw the film.", "Anna Kovalenko", "told"),
    # continuation: the second quote has no cue of its own; it goes on under the first one's
    ("“We are safe,” said Devin Oldman, who runs the shelter. “We have food for a month.”",
     "We have food for a month.", "Devin Oldman", "said"),
    ("“There should be a lot of systems, beyond databases,” the businessman replied. “We should have a lot of "
     "systems, and today you can do it.”", "We should have a lot of systems, and today you can do it.", None,
     "replied"),
    ("“A slow economy, in combination with out-migration, has us on an unsustainable path,” the website explains. "
     "“The truth is we welcome all, no matter the ideology.”", "The truth is we welcome all, no matter the ideology.",
     None, "explains"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), SPEAKER_CASES)
def test_quotes_speaker(stages, text: str, content: str, speaker: str | None, cue: str | None) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    # the quote whose quoted words these are: direct, or mixed when they are a fragment of reported speech
    quote = next(q for q in quotes if content in (text[s:e] for s, e in quoted_fragments(text, q)))
    assert speaker_name(article, quote) == speaker
    if speaker is None:  # the small model does not label the speaker: no entity, but never the listener
        assert quote.speaker_text not in (None, "The Washington Post", "Washington Post")
    if cue is not None:
        assert quote.cue == cue
        assert text[quote.cue_start:quote.cue_end].lower() == cue  # type: ignore[misc]
    assert quote.speaker_start is not None and quote.speaker_text == text[quote.speaker_start:quote.speaker_end]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Stremusov said in a message that Russian troops had repelled the attack on Kherson.",
         "Russian troops had repelled the attack on Kherson", "Stremusov"),
        ("According to the agency Reuters, the cause was a car accident.", "the cause was a car accident", "Reuters"),
        ("Angela Merkel told reporters that the talks would resume in March.",
         "the talks would resume in March", "Angela Merkel"),
    ],
)
def test_quotes_reported_speech(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.kind == "indirect")
    assert quote.text == content
    assert speaker_name(article, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The city is quiet. Residents know that the army will not return.",   # a fact the writer vouches for
        "The “special military operation” began in February.",                    # scare quote
        "Prices rose by 5% in March, the highest rate since 2008.",
        "The guide pointed at the old bridge that the army had blown up.",  # "point" alone reports nothing
        "The mayor added a new bus line to the city's network last year.",  # a thing added, no words
        "The governor told reporters at the bridge about the repairs.",  # the listener is no content
        "The governor spoke to reporters at the bridge on Monday.",  # a listener, no topic
        "The governor did not talk about the repairs to the old bridge.",  # nothing was said
        "Bernie Sanders attacked him again.",  # a short phrase that is no name says nothing of its own
    ],
)
def test_quotes_none(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(stages, text)[1] == []


def test_quotes_kherson_example(kherson_text: str) -> None:
    settings = Settings(stages=("clean.text", "extract.entities", "extract.quotes"))
    article = Pipeline(settings).process(kherson_text, published="2022-11-09")
    names = {e.id: e for e in article.entities}

    def find(fragment: str) -> Quote:
        return next(q for q in article.quotes if q.kind == "direct" and fragment in q.text)

    shoigu = find("Continue to withdraw troops")
    assert names[shoigu.speaker or ""].name.endswith("Shoigu") and shoigu.cue == "ordered"
    decision = find("It was not an easy decision")
    assert decision.cue == "conceded"
    assert {"Surovikin", "Surovkin"} <= {v.split()[-1] for v in names[decision.speaker or ""].variants}
    flag = find("Russian flag disappears from Kherson administration building")
    assert names[flag.speaker or ""].name == "Alexander Coates" and flag.cue == "wrote"
    for quote in article.quotes:
        assert article.text[quote.start:quote.end] == quote.text
    # scare quotes are not quotes
    assert not any(q.text in {"difficult", "special military operations"} for q in article.quotes)


# -- speakers across paragraphs, pronouns, generic noun phrases, mixed quotes (#13) ------------------------------


def quote_with(article: Article, fragment: str) -> Quote:
    return next(q for q in article.quotes if fragment in q.text)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the next paragraphs of a statement keep its speaker ...
        ("“We will reopen the mill by March,” Helen Ashby said on Monday.\n\n"
         "“Nobody believed us a year ago. Now the orders are coming back.”\n\n"
         "“This town has waited long enough.”", "This town has waited", "Helen Ashby"),
        # ... so does a quote paragraph after one that ends with a colon
        ("Governor Rita Moss closed her speech with a promise:\n\n"
         "“We will cut the sales tax by half a point and pay for it by closing loopholes.”",
         "We will cut the sales tax", "Rita Moss"),
        # ... and one after a paragraph whose last sentence has the speech verb
        ("Mayor Lena Ortiz answered the critics on Monday, saying the budget was balanced.\n\n"
         "“Every school will stay open, and not one teacher will lose a job this year.”",
         "Every school will stay open", "Lena Ortiz"),
        # a cue in a gerund after a preposition takes the clause's subject
        ("Paul Ortega ended the meeting by saying “We are done here for today.”", "We are done here", "Paul Ortega"),
        # the agent of a passive "asked" speaks; the one asked listens
        ("Dana Whitfield was asked by the moderator, Carl Jensen, “Will you raise taxes in your first year?”",
         "Will you raise taxes", "Carl Jensen"),
    ],
)
def test_quotes_speaker_carried_and_introduced(stages, text: str, fragment: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, fragment)) == speaker


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a paragraph that is all quote, with no cue, after narration whose last sentence a person is the subject of
        ("Mayor Lena Ortiz has opposed the plan for years.\n\n"
         "“It is a disaster for the city and for everyone who lives in it.”", "It is a disaster", "Lena Ortiz"),
        # ... a pronoun subject resolved as for a cue
        ("Mayor Lena Ortiz met the residents on Monday. She was angry.\n\n"
         "“It is a disaster for the city and for everyone who lives in it.”", "It is a disaster", "Lena Ortiz"),
        # ... and the sentence before, in the quote's own paragraph
        ("On Sunday, Senator Paul Grady named exhaustion with bigotry as one of the reasons to vote. "
         "“The younger people are more than any generation in our history sick of it.”", "The younger people",
         "Paul Grady"),
        # a quote with no cue after a mixed quote of its paragraph keeps that quote's speaker
        ("Senator Ana Ruiz called the bill “a disgrace to this chamber and to the voters.” “Nobody who reads it "
         "can vote for it in good conscience.”", "Nobody who reads it", "Ana Ruiz"),
        # "put it" cues speech, in the doubled apostrophes of archive text too
        ("As Steven Moss, a tax lawyer at the Urban Policy Center, recently put it, ''Did the firm lower its taxes "
         "through legal tax avoidance, or illegal tax evasion?''", "Did the firm lower", "Steven Moss"),
    ],
)
def test_quotes_speaker_named_in_the_narration_before(stages, text: str, fragment: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, fragment)) == speaker


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a name that only says whose person speaks is not the speaker: the manager speaks, not Clinton
        ("Mary Jones spoke first. “It is a disaster for the city and everyone in it,” said Clinton's campaign "
         "manager.", "It is a disaster", None),
        # a role whose only modifier is a name refers back to the person it fits, not to that name
        ("Karen Alley studies ice at the college. “These effects matter a great deal,” the Wooster professor said.",
         "These effects matter", "Karen Alley"),
        # a pronoun object of the cue is what it names, not who speaks
        ("Wojciech Polak said, “I am deeply disturbed.” Calling it “just another apology”, Anna Franowska of "
         "“Have no fear”, an abuse victim support charity, told Reuters “it almost appears as if the statement was "
         "prepared before the church officials saw the movie”.", "it almost appears", "Anna Franowska"),
    ],
)
def test_quotes_speaker_is_the_person_not_whose(stages, text: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, fragment)) == speaker


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # a paragraph of narration breaks the run
        ("“We will reopen the mill by March,” Helen Ashby said on Monday.\n\n"
         "The mill closed in 2019 after its biggest customer left.\n\n"
         "“Nobody believed us a year ago. Now the orders are coming back.”", "Nobody believed us"),
        # another person named in the quote's paragraph: not carried over
        ("“We will reopen the mill by March,” Helen Ashby said on Monday.\n\n"
         "“That is what they said last year too,” a neighbour told Victor Lindqvist.", "That is what they said"),
    ],
)
def test_quotes_speaker_not_carried(stages, text: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, fragment)) != "Helen Ashby"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # gender agreement, read from the article: "her children" makes Lopez a woman, so "he" is Baker
        ("Tom Baker met Maria Lopez at the station. Lopez had flown in from Madrid with her two children. "
         "“It was a long wait,” he said.", "Tom Baker"),
        ("Ms. Grace Holm sat next to Peter Vance at the hearing. Vance spoke first. "
         "“I have nothing to hide,” she said.", "Grace Holm"),
        # the nearest person who agrees, not the nearest person
        ("Mr. Oliver Grant introduced Sarah Kline to the board. “We need two more years,” he said.", "Oliver Grant"),
    ],
)
def test_quotes_pronoun_agrees_in_gender(stages, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    assert speaker_name(article, next(q for q in quotes if q.kind == "direct")) == speaker


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "speaker", "label"),
    [
        # "they" is never one named person; "she" is never an organisation
        ("Karl Brenner left the Harbor Authority in May. “We were never told,” they said.", None, "they"),
        ("The Harbor Authority met on Friday. “The vote was clear,” she said.", None, "she"),
    ],
)
def test_quotes_pronoun_agrees_in_number_and_kind(stages, text: str, speaker: str | None, label: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.kind == "direct")
    assert quote.speaker_text == label
    names = {e.id: e for e in article.entities}
    entity = names.get(quote.speaker or "")
    assert entity is None or (label == "they" and entity.label != "PERSON")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Harbor Authority approved the new terminal on Friday. "
         "“The terminal will double our capacity,” the authority said.", "Harbor Authority"),
        ("The Riverside Tigers signed two defenders in January. “Both will play on Saturday,” the team said.",
         "Riverside Tigers"),
    ],
)
def test_quotes_generic_noun_phrase_is_the_organisation(stages, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    assert speaker_name(article, next(q for q in quotes if q.kind == "direct")) == speaker


@pytest.mark.issue(13)
def test_quotes_generic_noun_phrase_ambiguous_is_no_one(stages) -> None:  # type: ignore[no-untyped-def]
    text = ("The Harbor Authority and the Transit Commission met on Friday. "
            "“The terminal will double our capacity,” the agency said.")
    article, quotes = quotes_of(stages, text)
    assert speaker_name(article, next(q for q in quotes if q.kind == "direct")) is None


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        "Photo: Anna Berg\n\nThe storm hit the coast overnight. “We lost everything in one night,” she said.",
        "Anna Berg\n\nThe storm hit the coast overnight. “We lost everything in one night,” she said.",
        "Lisbon (AFP) – The storm hit the coast overnight. “We lost everything in one night,” she said.",
    ],
)
def test_quotes_no_speaker_from_credit_or_dateline(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    assert speaker_name(article, next(q for q in quotes if q.kind == "direct")) is None


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "fragment", "speaker"),
    [
        ("Senator Mark Ellison said the new tax plan would “hurt every family in this state”.",
         "the new tax plan would “hurt every family in this state”", "hurt every family in this state",
         "Mark Ellison"),
        ("Ruth Calder said the proposal was “dead on arrival” in the council.",
         "the proposal was “dead on arrival” in the council", None, "Ruth Calder"),
    ],
)
def test_quotes_mixed(stages, text: str, content: str, fragment: str | None, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes  # one mixed quote, no separate direct quote of the fragment
    assert (quote.kind, quote.text, speaker_name(article, quote)) == ("mixed", content, speaker)
    assert [text[s:e] for s, e in quoted_fragments(text, quote)] == ([fragment] if fragment else [])


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        # a quote that opens the content is the direct quote, not a mixed one
        "Nina Petrov wrote of the mayor, “I noticed then that he never gave up on anyone”, recalling their first meeting.",
        # two halves of one direct quote around their cue stay two direct quotes
        "“We will win this seat,” Nina Petrov said, “and we will win it by a wide margin.”",
    ],
)
def test_quotes_not_mixed(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert quotes and all(q.kind == "direct" for q in quotes if "“" not in q.text)
    assert not any(q.kind == "mixed" for q in quotes)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a gerund complement
        ("Coach Peter DeBoer said having Karlsson back was a big boost for the team.",
         "having Karlsson back was a big boost for the team", "Peter DeBoer"),
        # a sentence-final cue
        ("The bridge will not reopen before the spring, Mayor Anna Kovalenko says.",
         "The bridge will not reopen before the spring", "Anna Kovalenko"),
        # a parenthetical cue
        ("The repairs, Anna Kovalenko said, will take at least two more years.",
         "The repairs, Anna Kovalenko said, will take at least two more years", "Anna Kovalenko"),
        # a gerund after a speech verb is what it reports
        ("Governor John Kasich reported having $1.3 million in cash on hand at the beginning of March.",
         "having $1.3 million in cash on hand at the beginning of March", "John Kasich"),
        # "point out" reports what it points out, as "note" does
        ("Mayor Anna Kovalenko pointed out that the bridge had been closed twice before.",
         "the bridge had been closed twice before", "Anna Kovalenko"),
    ],
)
def test_quotes_reported_cues(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.kind == "indirect")
    assert (quote.text, speaker_name(article, quote)) == (content, speaker)


@pytest.mark.issue(13)
def test_quotes_name_after_quote_known_from_elsewhere(stages) -> None:  # type: ignore[no-untyped-def]
    text = ("Megan Keller asked Donald Trump about the debate.\n\n"
            "“You know, it happens, right?” Trump went on, as if he did not hear her.")
    article, quotes = quotes_of(stages, text)
    assert speaker_name(article, next(q for q in quotes if q.kind == "direct")) == "Donald Trump"


@pytest.mark.issue(13)
def test_quotes_first_person_narrator(stages) -> None:  # type: ignore[no-untyped-def]
    text = "The judge turned to me. “Your Honor,” I said, “I would like to answer the question you raised.”"
    _, quotes = quotes_of(stages, text)
    assert [(q.speaker_text, q.speaker) for q in quotes] == [("I", None), ("I", None)]


@pytest.mark.issue(13)
def test_quotes_unclosed_quote_before_a_name(stages) -> None:  # type: ignore[no-untyped-def]
    # a quote whose closing mark was lost runs to its paragraph's end: the look for a name after it
    # must stay inside the paragraph (it raised on such a text)
    text = "Anna Berg spoke first.\n“We stay here, whatever they decide in the capital\nBerg left the hall."
    _, quotes = quotes_of(stages, text)
    assert [q.text for q in quotes if q.kind == "direct"] == ["We stay here, whatever they decide in the capital"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        "He signed the letter with “Carpe diem, my dear friends,” Latin for “seize the day.”",
        "The fans sang “We will be back here next year.” Paris hosted the final on Sunday.",
    ],
)
def test_quotes_no_place_or_nationality_by_adjacency(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    labels = {e.id: e.label for e in article.entities}
    quote = next(q for q in quotes if q.kind == "direct")
    assert labels.get(quote.speaker or "") not in {"GPE", "NORP", "LOC"}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("Delegates cheered on the floor. “This is fantastic!” beamed Donald Hartley of Madison.", "Donald Hartley"),
        ("As Trump attacked Clinton, the attendees chanted, “Lock her up, lock her up now!”", "the attendees"),
        ("Maria Lopez read the note aloud. “We will never forget what you did for us,” it reads.", "it"),
    ],
)
def test_quotes_framing_verb_gives_speaker(stages, text: str, speaker_text: str) -> None:  # type: ignore[no-untyped-def]
    # no speech verb: the verb the quote hangs from, with its subject outside the quote, gives the speaker
    _, quotes = quotes_of(stages, text)
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker_text == speaker_text


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        # a speech verb that does not govern the quote yields to the verb that does
        ("While Marco Rubio said it was great to be home, a man in the crowd yelled “Stay right there!”", "a man"),
        # the cue's own unnamed subject speaks; the name after it is the listener
        ("“The agents involved are upset,” an intelligence source told Fox News.", "an intelligence source"),
        # a text that ends on the speaker, with no full stop (a caption, a cut-off excerpt)
        ("“The agents involved are upset,” said an intelligence source", "an intelligence source"),
    ],
)
def test_quotes_unnamed_subject_of_the_governing_verb(stages, text: str, speaker_text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert (quote.speaker_text, quote.speaker) == (speaker_text, None)


@pytest.mark.issue(13)
def test_quotes_object_of_a_cue_before_the_quote_is_not_the_speaker(stages) -> None:  # type: ignore[no-untyped-def]
    # "describing it as “…”": what the cue names is not its speaker
    text = "Mark Early joined the call. Asked about the lean, he described it as “news to me, honestly.”"
    _, quotes = quotes_of(stages, text)
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker_text != "it"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma or full stop inside the marks is typography: a term or title mid-sentence is no quote
        ("Cruz faulted his rivals for not campaigning “the Iowa way.” He left for Des Moines.", []),
        ("She spoke on Sunday on “Fox News Sunday,” a week after the vote.", []),
        # ... but it is speech when it opens the sentence, after a naming verb, or in reported speech
        ("The mayor paused. “Never.” Then he left the room.", ["Never."]),
        ("Former Governor Jeb Bush called Trump “unhinged.”", ["unhinged."]),
        ("Mendez told the Post he considered himself “an artist first.”", ["an artist first."]),
        # a noun named right after "called" is a term, not someone's words
        ("They flew a glider called “Sky Fox.”", []),
    ],
)
def test_quotes_scare_quotes_with_inner_punctuation(text: str, expected: list[str]) -> None:
    assert direct(text) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a named time after the cue is when, not who; the name the cue follows is its subject
        ("“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.",
         "We will achieve justice in this case,", "Chuck Jordan"),
        # a name that signs the quote after a dash
        ("The readers wrote in.\n“Maybe we can build a wall around the stadium.” ― Jorge Falcon\n",
         "Maybe we can build a wall around the stadium.", "Jorge Falcon"),
        # reported speech stays in its paragraph: the quote after the break keeps its own cue and speaker
        ("Candidate Maria Lopez has said that the city cannot afford the plan\n"
         "“Bad things are going to happen,” Lopez warned in Everett recently. “This could be the worst deal of all time.”",
         "This could be the worst deal of all time.", "Maria Lopez"),
        # a quote whose closing mark the cue follows is the cue's direct quote, not a fragment of a clause before it
        ("Senator Claire McCaskill scolded him: “The scientific community is against you,” she said. "
         "“I do not understand why you need to go there.”", "The scientific community is against you,", "Claire McCaskill"),
    ],
)
def test_quotes_speaker_by_word_order_and_sign_off(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert (quote.kind, speaker_name(article, quote)) == ("direct", speaker)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title in quote marks is no one's speech
        ("Pence spoke on Sunday on CNN’s “State of the Union,” and said little.", []),
        ("The “Orange is the New Black” star spoke about her career.", []),
        ("Supporters wore “Make America Great Again” hats at the rally.", []),
        # ... but capitals after a cue, a naming verb, a full stop or an exclamation are speech
        ("“Merry Christmas,” she said to the crowd.", ["Merry Christmas,"]),
        ("Trump called the 1996 winner “Miss Piggy” in an interview.", ["Miss Piggy"]),
        ("“It is bad,” Burton told delegates. “Donald Trump.”", ["It is bad,", "Donald Trump."]),
        ("The crowd chanted “Lock Her Up!” for minutes.", ["Lock Her Up!"]),
        # a headline in title case: its quotes stay
        ("Ryan: ‘Anti-Semitic Images’ Have ‘No Place In A Presidential Campaign’", ["Anti-Semitic Images",
                                                                                    "No Place In A Presidential Campaign"]),
    ],
)
def test_quotes_titles_are_not_speech(text: str, expected: list[str]) -> None:
    assert direct(text) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        # a short clause with no object after the closing mark, cut off by the parse as its own sentence
        ("Sean Hannity hosted the show. “Would it be negotiable about the wall?” Hannity pressed. “Maybe not.”",
         "Would it be negotiable about the wall?", "Hannity"),
        # a surname after an inverted cue, whatever the tagger made of it
        ("Bill Skelly joined the team in May. “Having access to the file is valuable,” said Skelly, explaining "
         "his role.", "Having access to the file is valuable,", "Skelly"),
    ],
)
def test_quotes_speaker_in_a_short_clause_after_the_quote(stages, text: str, content: str, speaker_text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert quote.speaker_text == speaker_text


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a gerund cue hanging from the object of the verb whose subject speaks
        ("Bernie Sanders spoke in Vermont. The senator emailed supporters saying: “The struggle continues.”",
         "The struggle continues.", "Bernie Sanders"),
        # the sentence before the quote, in the same paragraph, names the speaker through a speech verb
        ("The race tightened in Iowa. Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are "
         "running out of time to find an alternative.\"", "Mainstream Republicans are running out of time to find an "
         "alternative.", "Dianne Bystrom"),
    ],
)
def test_quotes_speaker_of_gerund_and_preceding_sentence(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert speaker_name(article, quote) == speaker


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # "according to" before a direct quote names its source
        ("Bob Woodward is writing a book. According to Bob Woodward, “We are doing articles about every phase of "
         "his life.”", "We are doing articles about every phase of his life.", "Bob Woodward"),
    ],
)
def test_quotes_according_to_before_a_direct_quote(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert (speaker_name(article, quote), quote.cue) == (speaker, "according to")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text", "cue"),
    [
        # capitalised names before the colon that opens a quote, where the entity stage tagged no one
        ("The columnist weighed in on the race.\n- Philip Bump: “The numbers do not add up for the campaign.”\n",
         "The numbers do not add up for the campaign.", "Philip Bump", None),
        ("The race tightened.\nContinued Stone: “We will win this state.”\n", "We will win this state.", "Stone",
         "continued"),
        # "according to" after a direct quote names its source too
        ("Rubio spoke in Iowa. The building was full. “We will win,” according to a campaign statement.",
         "We will win,", "a campaign statement", "according to"),
    ],
)
def test_quotes_speaker_before_a_colon_or_after_according_to(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker_text: str, cue: str | None) -> None:
    _, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert (quote.speaker_text, quote.cue) == (speaker_text, cue)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        # a headline opening with its speaker's name and a colon speaks the rest of the line, its quoted words
        # fragments of one mixed quote
        ("Darrell Issa: Hillary Clinton’s ‘Honesty Is In Question.’\n\nOn Sunday the congressman spoke on television.",
         "Hillary Clinton’s ‘Honesty Is In Question.’", "Darrell Issa"),
        ("Bill Clinton: Hillary ‘Better Qualified to Be President Than I Was.’\n\nHe spoke in New York.",
         "Hillary ‘Better Qualified to Be President Than I Was.’", "Bill Clinton"),
    ],
)
def test_quotes_headline_speaker_before_a_colon(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker_text: str) -> None:
    _, quotes = quotes_of(stages, text)
    (quote,) = (q for q in quotes if q.start < text.index("\n"))
    assert (quote.kind, quote.text, quote.speaker_text) == ("mixed", content, speaker_text)


@pytest.mark.issue(13)
def test_quotes_a_place_before_a_colon_does_not_speak(stages) -> None:  # type: ignore[no-untyped-def]
    text = "Update: The city council voted on the ‘Safe Streets Act.’\n\nThe vote was close."
    _, quotes = quotes_of(stages, text)
    assert all(q.speaker_text is None for q in quotes)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text", "speaker"),
    [
        # a relative pronoun subject stands for the noun its clause describes, as "he" stands for a name
        ("The crowd cheered for Senator Jane Smith, who said, “We will win this state.”",
         "We will win this state.", "who", "Jane Smith"),
        ("Voters in Ohio listened to Governor Tom Ridge, who told them, “Nothing will stop us now.”",
         "Nothing will stop us now.", "who", "Tom Ridge"),
        # "who" hung on the last noun of a longer phrase stands for the person the phrase names, not the league
        ("Marc H. Morial, the chief executive of the National Urban League, who said this is not the first "
         "generation to be frustrated, urged people to vote.",
         "this is not the first generation to be frustrated", "who", "Marc H. Morial"),
        ("Susan Rice, the national security adviser to President Obama, who said the talks would resume, left.",
         "the talks would resume", "who", "Susan Rice"),
        # "which" stands for a thing or a group: the company the clause describes speaks
        ("A spokesman for Google, which said the deal would close soon, declined to comment.",
         "the deal would close soon", "which", "Google"),
    ],
)
def test_quotes_relative_pronoun_speaker(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker_text: str, speaker: str) -> None:
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert (quote.speaker_text, speaker_name(article, quote)) == (speaker_text, speaker)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        # a cue's own subject that names no one and resolves to nothing is still who speaks
        ("The senators sent a letter to the director. “We do not understand the need for this,” the two said.",
         "We do not understand the need for this,", "the two"),
        ("She defended her husband. “He is an amazing leader,” said the 46-year-old.",
         "He is an amazing leader,", "the 46-year-old"),
    ],
)
def test_quotes_unresolved_subject_of_the_cue_speaks(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker_text: str) -> None:
    _, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert quote.speaker_text == speaker_text


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scraped text mixes curly and straight marks: either double mark closes, so the cue stays outside
        ("“Our roads are crumbling,\" she said. \"Families endure blackouts.”",
         ["Our roads are crumbling,", "Families endure blackouts."]),
        ("\"We are not done yet,” he said. “The count goes on.\"", ["We are not done yet,", "The count goes on."]),
        # a quote of the other kind inside one stays inside it
        ("“The so-called \"deal\" is dead,” he said.", ["The so-called \"deal\" is dead,"]),
        ("\"He read the question: “Do you agree?” Forty-three said yes.\"",
         ["He read the question: “Do you agree?” Forty-three said yes."]),
    ],
)
def test_quotes_mixed_curly_and_straight_marks(text: str, expected: list[str]) -> None:
    assert direct(text) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text", "cue"),
    [
        # the parse tags the cue a noun or hangs the phrase elsewhere: word order names the speaker
        ("The last question came from a young child.\n“How big is that wall?” asked the boy, who was wearing a red"
         " hat, as the audience laughed.", "How big is that wall?", "the boy", "asked"),
        ("The group released an ad on Tuesday.\n“They know she is the only one strong enough to stop Wall Street"
         " abuses,” a voice-over in the ad states.", "They know she is the only one", "a voice-over in the ad", "states"),
        ("The campaign sent an email on Saturday.\n\"Our political revolution has already forced a former senator to"
         " change her mind,\" read the email.", "Our political revolution", "the email", "read"),
    ],
)
def test_quotes_speaker_by_word_order_after_the_quote(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker_text: str, cue: str) -> None:
    _, quotes = quotes_of(stages, text)
    (quote,) = [q for q in quotes if q.text.startswith(content)]
    assert (quote.speaker_text, quote.cue) == (speaker_text, cue)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the parse runs the clause before the colon into the quote: the clause's own verb names the speaker
        ("After the attack, Donald Trump issued the following statement:\n\n“Our prayers are with all those"
         " affected by the horrible attacks in Munich. This cannot continue.”", "Our prayers", "Donald Trump"),
        ("Hillary Clinton has since apologized for what happened: \"Yes, I should have used two email addresses,"
         " one for personal matters and one for my work. Not doing so was a mistake.\"", "Yes, I should",
         "Hillary Clinton"),
        # a speech verb before the colon: unchanged
        ("Bernie Sanders, a senator from Vermont, told supporters in Ohio: \"We will keep fighting until the last"
         " vote is counted in every state.\"", "We will keep fighting", "Bernie Sanders"),
    ],
)
def test_quotes_speaker_of_a_clause_run_into_its_quote(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    (quote,) = [q for q in quotes if q.text.startswith(content)]
    assert speaker_name(article, quote) == speaker


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire and archive text writes double quotes as two apostrophes or two backticks
        ("''We will not leave this city until the last family is safe,'' said Mayor Anne Hidalgo.",
         ["We will not leave this city until the last family is safe,"]),
        ("Yeltsin denied it. ``I have not lost my grip on the country,'' he told reporters.",
         ["I have not lost my grip on the country,"]),
        # an apostrophe inside stays inside; a short term in such marks is still a scare quote
        ("''We don't know yet who sent the letters,'' he said.",
         ["We don't know yet who sent the letters,"]),
        ("the debate over the so-called ''death tax'' went on", []),
        # three apostrophes: a single quote closing (or opening) together with the double one
        ("''She looked at me and said, 'You were not in line,''' the senator recalled.",
         ["She looked at me and said, 'You were not in line,'"]),
        ("'''Sir, we have no more seats,' the usher told me,'' she wrote.",
         ["'Sir, we have no more seats,' the usher told me,"]),
    ],
)
def test_quotes_doubled_apostrophes_are_quote_marks(text: str, expected: list[str]) -> None:
    assert direct(text) == expected


@pytest.mark.issue(13)
def test_quotes_doubled_apostrophes_speaker(stages) -> None:  # type: ignore[no-untyped-def]
    text = ("Donald Trump did not deny it during the debate.\n''I pay my taxes like everyone else,'' Mr. Trump said,"
            " and the crowd laughed.")
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes
    assert (quote.kind, quote.text, speaker_name(article, quote)) == (
        "direct", "I pay my taxes like everyone else,", "Donald Trump")


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a verb that names or judges something in the speaker's own quoted words: one mixed quote of its
        # objects and the fragment, the verb's subject speaking, not a direct quote of the fragment
        ("Hillary Clinton called half of Donald Trump’s supporters “deplorables” at a fundraiser in New York.",
         "half of Donald Trump’s supporters “deplorables”", "Hillary Clinton"),
        ("New Jersey Gov. Chris Christie described Hillary Clinton as a “disgrace” in a radio interview.",
         "Hillary Clinton as a “disgrace”", "Chris Christie"),
        ("Bill Clinton criticized the Affordable Care Act as a “crazy system” on Monday.",
         "the Affordable Care Act as a “crazy system”", "Bill Clinton"),
    ],
)
def test_quotes_naming_verb_is_a_mixed_quote(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes
    assert (quote.kind, speaker_name(article, quote)) == ("mixed", speaker)
    assert quote.text.startswith(content)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        "A process called “exfiltration” was used to move the files abroad.",   # no one calls it so here
        "Christie called Clinton a liar in a radio interview on Wednesday.",      # no quoted words
        "Oz was called a “charlatan” by fellow physicians for his weight-loss remedies.",  # the named one
    ],
)
def test_quotes_naming_verb_without_a_speaker_or_marks(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert not [q for q in quotes if q.kind == "mixed"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        # a cue set off by commas in the middle of its content reports the words on both sides of it
        ("Rick Rubin joined the network in 2010.\nThe difference now, he told me on Friday, is that he is the host of"
         " a news program.", "The difference now, he told me on Friday, is that he is the host of a news program", "he"),
        ("Households in the middle paid 9 percent of their income, the office said in its report, and the poorest"
         " paid less than 1 percent.",
         "Households in the middle paid 9 percent of their income, the office said in its report, and the poorest"
         " paid less than 1 percent", "the office"),
        # a clause the words before the cue do not need is the writer's
        ("Donald Trump’s attacks on the president’s birth are an insult to all black Americans, lawmakers said on"
         " Friday, as they criticised the questions about his legitimacy.",
         "Donald Trump’s attacks on the president’s birth are an insult to all black Americans", "lawmakers"),
        # a participle that cues more speech starts another content
        ("Sen. David Perdue said the attacks did not cost Romney the election, arguing that divisions in his party"
         " were a bigger hurdle.", "the attacks did not cost Romney the election", "David Perdue"),
        ("Analysts said the border dispute has raised the country's standing in Washington, citing its long"
         " frontier with China.", "the border dispute has raised the country's standing in Washington", "Analysts"),
    ],
)
def test_quotes_reported_content_around_its_cue(stages, text: str, content: str, speaker_text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.kind == "indirect" and q.speaker_text == speaker_text)
    assert quote.text == content


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a quote that goes on with the words before it, its cue after it: one mixed quote, not a direct one
        ("Not paying federal taxes “makes me smart,” Donald Trump said during the debate.",
         "Not paying federal taxes “makes me smart,”", "Donald Trump"),
        ("With thousands of separate counting systems, “there is no single point of failure,” Jeh Johnson said on"
         " Monday.", "With thousands of separate counting systems, “there is no single point of failure,”",
         "Jeh Johnson"),
        # a quote that opens the content and that the content's clause goes on from
        ("Jeh Johnson told MSNBC on Friday that “exactly who did it” remains under investigation.",
         "“exactly who did it” remains under investigation", "Jeh Johnson"),
    ],
)
def test_quotes_fragment_ending_reported_content_before_its_cue(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker: str) -> None:
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes
    assert (quote.kind, quote.text, speaker_name(article, quote)) == ("mixed", content, speaker)


def _one_indirect(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """``text`` holds one quote, reported speech of ``content`` by ``speaker``."""
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes
    assert (quote.kind, quote.text, speaker_name(article, quote)) == ("indirect", content, speaker)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # what a speech verb asks for, orders or promises through an infinitive, or what it calls for
        ("Lindsey Graham urged Republicans to join the ranks of those who accept climate science.",
         "Republicans to join the ranks of those who accept climate science", "Lindsey Graham"),
        ("Hillary Clinton pledged to push for a constitutional amendment on campaign finance.",
         "to push for a constitutional amendment on campaign finance", "Hillary Clinton"),
        ("Donald Trump called for steep new tariffs on goods from China and Mexico.",
         "steep new tariffs on goods from China and Mexico", "Donald Trump"),
        # who is called for, with what they are to do
        ("Hillary Clinton is calling for the United States to take a stronger role in the conflict.",
         "the United States to take a stronger role in the conflict", "Hillary Clinton"),
        # who is called on, and what they are to do
        ("Adam Schiff called on President Obama to retaliate against Russia for the hacking.",
         "President Obama to retaliate against Russia for the hacking", "Adam Schiff"),
    ],
)
def test_quotes_request_or_promise_is_reported_speech(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    _one_indirect(stages, text, content, speaker)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        "The senator was asked to resign by his party.",   # the subject is who was asked
        "She called for help.",                            # too short to be anyone's words
        "Adam Schiff called on the governor at his home in Sacramento.",  # a visit, nothing asked of anyone
    ],
)
def test_quotes_request_without_content(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(stages, text)[1] == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a stated aim or position through an infinitive is reported as requests and promises are
        ("Hillary Clinton wants to make tuition at state universities free for most families.",
         "to make tuition at state universities free for most families", "Hillary Clinton"),
        ("Donald Trump proposed to cut the corporate tax rate to 15 percent.",
         "to cut the corporate tax rate to 15 percent", "Donald Trump"),
        # "hopes" is no form of "hop" here, whatever the tagger's lemma says
        ("Nancy Pelosi hopes to win back the House in November.",
         "to win back the House in November", "Nancy Pelosi"),
    ],
)
def test_quotes_stated_aim_is_reported_speech(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    _one_indirect(stages, text, content, speaker)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        "The mayor plans to visit the flooded streets on Sunday.",   # a schedule, not a stated position
        "The driver refused to drop the gun when officers arrived.",  # an act
    ],
)
def test_quotes_acts_and_schedules_are_not_reported_speech(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(stages, text)[1] == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # what a named subject believes, fears or expects through a clause is attributed to it
        ("Barack Obama believes his efforts to slow global warming will be his most consequential legacy.",
         "his efforts to slow global warming will be his most consequential legacy", "Barack Obama"),
        ("Joe Manchin worries that the cost of cleaning up the mines could fall to taxpayers.",
         "the cost of cleaning up the mines could fall to taxpayers", "Joe Manchin"),
    ],
)
def test_quotes_belief_with_a_clause_is_reported(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    _one_indirect(stages, text, content, speaker)


@pytest.mark.issue(13)
def test_quotes_a_lasting_preference_is_not_reported(stages) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(stages, "Most young voters support the plan to cut the cost of college.")[1] == []


@pytest.mark.issue(13)
def test_quotes_belief_in_the_passive_names_no_one(stages) -> None:  # type: ignore[no-untyped-def]
    assert quotes_of(stages, "It is widely believed that the election will be close in Ohio.")[1] == []
    # a group that holds the belief is its source, as PolNeAR annotates it, though it names no one
    (quote,) = quotes_of(stages, "The city is quiet. Residents believe that the army will not return.")[1]
    assert (quote.text, quote.speaker_text, quote.cue) == ("the army will not return", "Residents", "believe")


@pytest.mark.issue(13)
def test_quotes_question_is_reported_speech(stages) -> None:  # type: ignore[no-untyped-def]
    text = "Jake Tapper asked whether Republicans would be able to hold on to the House in November."
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes
    assert (quote.kind, quote.text, speaker_name(article, quote)) == (
        "indirect", "whether Republicans would be able to hold on to the House in November", "Jake Tapper")
    # with no subject of its own the cue names who was asked, not who asks
    assert quotes_of(stages, "When asked whether he would run again, the governor declined to answer.")[1] == []


@pytest.mark.issue(13)
def test_quotes_cue_tokens_are_the_verbs_and_according(stages) -> None:  # type: ignore[no-untyped-def]
    from newsprism.extract._speakers import SpeakerIndex

    text = ("According to the mayor, the bridge will reopen in May.\n\nShe said the repairs cost $2 million, and"
            " residents who had waited for a year cheered.")
    entities, _ = stages
    article = next(iter(entities.pipe([Article(id="t", text=text)])))
    doc = entities.parses.parse([text], model=entities.settings.spacy_model)[0]
    expected = [t.i for t in doc if t.pos_ == "VERB" or t.lower_ == "according"]
    assert [t.i for t in SpeakerIndex(article, doc, []).cue_tokens()] == expected
    assert expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker_text"),
    [
        # a poll, a study or a video reports a finding through "show" or "find"
        ("A new Quinnipiac University poll shows that Clinton leads Trump by five points in Pennsylvania.",
         "Clinton leads Trump by five points in Pennsylvania", "A new Quinnipiac University poll"),
        ("A 2014 study by the Brennan Center found that cases of voter impersonation were extremely rare.",
         "cases of voter impersonation were extremely rare", "A 2014 study by the Brennan Center"),
        # a speaker who agrees with a claim reports it
        ("Economists at both banks agreed that the proposal would raise taxes on the wealthiest households.",
         "the proposal would raise taxes on the wealthiest households", "Economists"),
    ],
)
def test_quotes_finding_or_agreement_is_reported_speech(stages, text: str, content: str, speaker_text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.kind == "indirect")
    assert quote.text == content
    assert quote.speaker_text is not None and quote.speaker_text in speaker_text  # the source or the name it holds


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # no title and no pronoun says who is a man: the first names do ("Kevin" is a man's, "Melanie" a woman's)
        ("Melanie Austin drove from Ohio to see the rally. Kevin Brady stayed at the hotel.\n"
         "“It was worth every mile,” she said.", "Melanie Austin"),
        ("Kevin Brady waited at the gate. Melanie Austin stayed at the hotel.\n"
         "“We came too early,” he said.", "Kevin Brady"),
    ],
)
def test_quotes_pronoun_agrees_with_the_first_name(stages, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    assert speaker_name(article, next(q for q in quotes if q.kind == "direct")) == speaker


@pytest.mark.issue(13)
def test_first_name_gender_needs_a_full_name() -> None:
    from newsprism.extract._antecedents import name_gender

    assert (name_gender("Donald Trump"), name_gender("Hillary Clinton")) == ("m", "f")
    # a surname alone may be a first name too; a first name given to both sexes says nothing
    assert (name_gender("Clinton"), name_gender("Jordan Peele"), name_gender("Chris Christie")) == (None, None, None)


@pytest.mark.issue(13)
def test_quotes_speaker_described_by_an_appositive_before_the_cue(stages) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs the name on the date before it and leaves the cue with no subject
    text = ("But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad,"
            " said, “I mean, a raid is a combat operation. There is no way around that.”")
    article, quotes = quotes_of(stages, text)
    assert [speaker_name(article, q) for q in quotes] == ["Steven H. Warren"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # what a speaker cites is reported, with what it is cited as
        ("At Monday's debate, Hillary Clinton cited derogatory comments Donald Trump had made about the pageant"
         " winner.", "derogatory comments Donald Trump had made about the pageant winner", "Hillary Clinton"),
        ("John McCain said the anger was real, citing low economic growth and rising inequality.",
         "low economic growth and rising inequality", "John McCain"),
    ],
)
def test_quotes_what_a_speaker_cites_is_reported(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert (quote.kind, speaker_name(article, quote)) == ("indirect", speaker)



@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # what a speaker criticises, praises, defends or accuses someone of is reported, marks or none
        ("In an interview on Thursday, Paul Ryan criticized the president's foreign policy in the Middle East.",
         "the president's foreign policy in the Middle East", "Paul Ryan"),
        ("Michelle Fields accused the campaign manager of grabbing her arm after a news conference.",
         "the campaign manager of grabbing her arm after a news conference", "Michelle Fields"),
        # a public statement of a position on something: endorsing, rejecting or denouncing it
        ("Mitch McConnell rejected the House version of the spending bill.",
         "the House version of the spending bill", "Mitch McConnell"),
        ("Bernie Sanders denounced the attacks on police officers in Dallas.",
         "the attacks on police officers in Dallas", "Bernie Sanders"),
        ("Hillary Clinton endorsed the plan to raise the minimum wage.",
         "the plan to raise the minimum wage", "Hillary Clinton"),
        # a speech verb with no clause: its object is what is said
        ("On Monday, Senator Rand Paul announced his candidacy for the Republican nomination.",
         "his candidacy for the Republican nomination", "Rand Paul"),
        ("Hillary Clinton denied the allegations about her private email server.",
         "the allegations about her private email server", "Hillary Clinton"),
        # a poll's finding with no clause
        ("A new Quinnipiac University poll shows Hillary Clinton leading Donald Trump in Ohio by five points.",
         "Hillary Clinton leading Donald Trump in Ohio by five points", "Quinnipiac University"),
        # what a speaker talks about, or refers or points to
        ("At the rally, Donald Trump talked about how he would build a wall on the southern border.",
         "how he would build a wall on the southern border", "Donald Trump"),
        ("Hillary Clinton pointed to her record on health care for children in Arkansas.",
         "her record on health care for children in Arkansas", "Hillary Clinton"),
        # a name alone is what a stance is about
        ("New Jersey Governor Chris Christie endorsed Donald Trump on Friday.", "Donald Trump", "Chris Christie"),
        # public attack and praise, with no quoted words
        ("In Ohio, Bernie Sanders attacked the trade record of his rival for the nomination.",
         "the trade record of his rival for the nomination", "Bernie Sanders"),
        ("Angela Merkel hailed the agreement on refugees as a breakthrough for Europe.",
         "the agreement on refugees as a breakthrough for Europe", "Angela Merkel"),
        # what a speaker proposes, discusses or describes
        ("Senator Ted Cruz proposed a flat tax of ten percent on all income.",
         "a flat tax of ten percent on all income", "Ted Cruz"),
        ("At the event, Donald Trump discussed his commitment to improving mental health services for veterans.",
         "his commitment to improving mental health services for veterans", "Donald Trump"),
    ],
)
def test_quotes_what_a_speaker_criticises_or_accuses_is_reported(  # type: ignore[no-untyped-def]
        stages, text: str, content: str, speaker: str) -> None:
    article, quotes = quotes_of(stages, text)
    quote = next(q for q in quotes if q.text == content)
    assert (quote.kind, speaker_name(article, quote)) == ("indirect", speaker)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text"),
    [
        # read in the real mixed corpus, where 32 quotes of "US officials said" were the United States'
        ("“We will leave by May,” US officials said.", None, "US officials"),
        ("“The strikes will go on,” Russian officials said on Monday.", None, "Russian officials"),
        # a country that speaks, or its state, is still the country
        ("“The strikes will go on,” Russia said on Monday.", "Russia", "Russia"),
        ("“We are ready to talk,” said the Chinese government.", "Chinese", "Chinese"),
    ],
)
def test_quotes_a_place_that_only_says_whose_officials_does_not_speak(  # type: ignore[no-untyped-def]
        stages, text: str, speaker: str | None, speaker_text: str) -> None:
    article, (quote,) = quotes_of(stages, text)
    assert (speaker_name(article, quote), quote.speaker_text) == (speaker, speaker_text)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Mayor Lena Ortiz demanded that the police release the video of the shooting.",
         "the police release the video of the shooting", "Lena Ortiz"),
        ("Senator Paul Grady joked that his rival ranks fourth in a two-way race.",
         "his rival ranks fourth in a two-way race", "Paul Grady"),
        # a speech verb conjoined with no subject of its own is the speaker's next statement, not this content
        ("Donald Trump, speaking to a veterans group in Virginia, said he would order a thorough review of the "
         "nation’s computer defenses and warned against potential hackers from China, Russia and North Korea.",
         "he would order a thorough review of the nation’s computer defenses", "Donald Trump"),
    ],
)
def test_quotes_reported_by_speech_verbs_with_a_clause(stages, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert (quote.text, speaker_name(article, quote)) == (content, speaker)


@pytest.mark.issue(13)
def test_quotes_mixed_in_doubled_apostrophes(stages) -> None:  # type: ignore[no-untyped-def]
    # archive text writes quote marks as doubled apostrophes: the words before the fragment are the same mixed quote
    # as with curly marks, not a direct quote of the fragment
    text = "The debate turned to taxes. Not paying taxes ''makes me smart,'' said Donald J. Trump."
    article, quotes = quotes_of(stages, text)
    (quote,) = quotes
    assert (quote.kind, quote.text, speaker_name(article, quote)) == (
        "mixed", "Not paying taxes ''makes me smart,''", "Donald J. Trump")
    assert [text[s:e] for s, e in quoted_fragments(text, quote)] == ["makes me smart,"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a headline that opens with its speaker's name and a colon, the name untagged in the headline's capitals
        ("Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp\n\n"
         "Republican vice presidential nominee Mike Pence spoke on Sunday.",
         "Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp", "Mike Pence"),
        # quoted words in the rest of the line are fragments of its one quote
        ("McCain: Populist Anger Appeals to ‘the bad angels of our nature,’ and Voters Should Resist It\n\n"
         "Senator John McCain spoke in Phoenix on Friday.",
         "Populist Anger Appeals to ‘the bad angels of our nature,’ and Voters Should Resist It", "John McCain"),
        # a line opening with a word that is no one's name reports nothing
        ("Update: the roads are closed again after the storm.", None, None),
        ("Photo: John Smith, the mayor, at the opening of the new bridge.", None, None),
    ],
)
def test_quotes_line_opening_with_a_speaker_and_a_colon(  # type: ignore[no-untyped-def]
        stages, text: str, content: str | None, speaker: str | None) -> None:
    article, quotes = quotes_of(stages, text)
    assert [(q.text, speaker_name(article, q)) for q in quotes] == ([(content, speaker)] if content else [])


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a speech noun's "that" clause is what its owner said
        ("PolitiFact checked Donald Trump's claim that there have been “thousands of shootings” in Chicago this year.",
         "there have been “thousands of shootings” in Chicago this year", "Donald Trump"),
        ("Hillary Clinton repeated her warning that the deal would fail within a year.",
         "the deal would fail within a year", "Hillary Clinton"),
        # a relative clause describes the noun, and a noun with no owner names no one
        ("Donald Trump repeated the claim that he made on Monday about the wall.", None, None),
        ("The claim that the vote was rigged has been rejected by every court.", None, None),
    ],
)
def test_quotes_reported_by_a_speech_noun(stages, text: str, content: str | None, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    article, quotes = quotes_of(stages, text)
    assert [(q.text, speaker_name(article, q)) for q in quotes] == ([(content, speaker)] if content else [])


@pytest.mark.issue(13)
def test_quotes_an_interview_turn_label_is_no_antecedent(stages) -> None:  # type: ignore[no-untyped-def]
    """Read in the demo's Wikinews interviews, which label each turn "((WN))" or "((Name))": the interviewer
    "WN" was the speaker of 24 quotes its guests told within their own answers."""
    text = ("((WN)) Had the federation ever warned you to cover your hair?\n\n"
            "((Dorsa Derakhshani)) Well, I quote, they said \"Even if you are not wearing the headscarf, at least "
            "have it around your neck.\"")
    article, quotes = quotes_of(stages, text)
    speakers = {speaker_name(article, q) for q in quotes if "headscarf" in article.text[q.start:q.end]}
    assert speakers and "WN" not in speakers, speakers


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a semicolon ends the reported clause: what follows is the writer's
        ("Republicans said the timing of the immunity news was not intentional; they only learned on Friday of "
         "the arrangements.", "the timing of the immunity news was not intentional"),
        # two complements the parse hung on one cue, the second's subject swallowed by the first: one content
        ("But Flynn said Trump has “enormous respect” for the military and his rubble comment was instead an "
         "expression of frustration with the strategy.",
         "Trump has “enormous respect” for the military and his rubble comment was instead an expression of "
         "frustration with the strategy"),
        # a verb after the content's closing comma is the sentence's own, not a second content
        ("Susan Rice, the national security adviser to President Obama, who said the talks would resume, left.",
         "the talks would resume"),
    ],
)
def test_quotes_reported_content_ends(stages, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert [q.text for q in quotes if q.kind != "direct"] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a clause before a cue set off by commas, hung on the cue by the parse, opens the content
        ("John Smith spoke on Monday. Though that transition was relatively seamless, he said, replacing Clinton "
         "would be much more acrimonious and could lead to intense lobbying.",
         "Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious "
         "and could lead to intense lobbying"),
    ],
)
def test_quotes_clause_before_a_parenthetical_cue_opens_content(stages, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert [q.text for q in quotes] == [content]



@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "call" with an object and what it is called reports a judgement, marks or not
        ("The Trump campaign called the charges unsubstantiated and fabricated by disgruntled former employees.",
         "the charges unsubstantiated and fabricated by disgruntled former employees"),
        ("Critics called the decision a mistake.", "the decision a mistake"),
    ],
)
def test_quotes_call_that_judges_reports(stages, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert [q.text for q in quotes] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "His parents called him John.",               # a name given, no judgement reported
        "The company, called Acme Corp., makes tools.",  # a participle naming a thing
        "She called the office on Monday.",           # a telephone call
    ],
)
def test_quotes_call_that_names_reports_nothing(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert quotes == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a number that names no one is the name its appositive gives, for a mixed quote (not the next quote's speaker) ...
        ("One of these groups, the Syrian Democratic Forces (SDF), opposed the withdrawal and said it was previously "
         "given “assurances from the US that it would not allow any Turkish military operations against the region.” "
         "Kino Gabriel said, “The statement was a surprise.”", "assurances from the US", "Syrian Democratic Forces"),
        # ... and for reported speech
        ("One of the authors of that 2013 report, Ari Fleischer, said the nomination will test their conclusions.",
         "the nomination will test", "Ari Fleischer"),
    ],
)
def test_quotes_speaker_named_by_an_appositive(stages, text: str, fragment: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, fragment)) == speaker


@pytest.mark.issue(13)
def test_quotes_participle_cue_hung_on_a_quote_takes_the_narration_subject(stages) -> None:  # type: ignore[no-untyped-def]
    # the parse makes "makes" of the first quote the sentence's root, with "asserting" under it
    text = ("Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a compliment -- "
            "“That makes me smart” -- and, when questioned after the debate, asserting, “Of course, I pay federal taxes.”")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "I pay federal taxes")) == "Trump"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "speaker_text"),
    [
        # "it" stands for the letter, the subject just before it, not for the company named further back
        ("Exxon Mobil sent a letter to Columbia University on Monday. The letter accuses one of the journalists of "
         "ignoring information favorable to the company. It also says that another reporter misrepresented herself.",
         "another reporter misrepresented", None, "It"),
        # "they" stands for the officials, a plural subject that names no one, not for the party named before
        ("The Democratic Party held its meeting on Tuesday. Several party officials attended the session. They said "
         "the rules for the convention would not change.", "the rules for the convention", None, "They"),
    ],
)
def test_quotes_it_and_they_stand_for_the_nearest_subject(stages, text: str, fragment: str, speaker: str | None,  # type: ignore[no-untyped-def]
                                                        speaker_text: str) -> None:
    article, _ = quotes_of(stages, text)
    quote = quote_with(article, fragment)
    assert (speaker_name(article, quote), quote.speaker_text) == (speaker, speaker_text)


@pytest.mark.issue(13)
def test_quotes_they_said_in_the_middle_speaks_without_a_name(stages) -> None:  # type: ignore[no-untyped-def]
    # "they" stands for no one the article names; the name inside the content it reports is not its speaker
    text = ("Former Navy SEALs who worked with the CIA base described the night to reporters. "
            "Bob, they said, ordered them to wait before leaving the compound.")
    article, _ = quotes_of(stages, text)
    quote = quote_with(article, "ordered them to wait")
    assert quote.speaker_text == "they" and speaker_name(article, quote) != "Bob"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "text",
    [
        # an "it" that holds the place of the clause after it says nothing, and no name after it speaks instead
        "Hillary Clinton came under heavy criticism when it was revealed in March that she had used a personal email "
        "account as secretary of state.",
        "Even in Iowa, it is premature to assume Mr. Cruz has victory locked down.",
        "The Federal Reserve meets on Friday. It is expected to show another solid gain of 200,000 jobs.",
    ],
)
def test_quotes_placeholder_it_reports_nothing(stages, text: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = quotes_of(stages, text)
    assert quotes == []


@pytest.mark.issue(13)
def test_quotes_untagged_surname_subject_speaks(stages) -> None:  # type: ignore[no-untyped-def]
    # the tagger leaves this "Steele" untagged; as the subject of "said" it is the one Steele the article names,
    # not Perez, named after it inside the relative clause
    text = ("Thomas Perez was born in Buffalo. \"He is not a showboater, not flash, an everyday guy,\" said Michael "
            "Steele, the former head of the Republican National Committee. Steele, who was lieutenant governor of "
            "Maryland when Perez was on the council, said Perez could help smooth Clinton's relationship with many "
            "Republicans.")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "Perez could help smooth")) == "Michael Steele"


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the parse hangs the name on the quote or on a participle; word order makes it the quote's signature
        ("Not everyone was claiming success.\n\n“We’ve had more successful conventions than this one,” Texas delegate "
         "Bill Eastland, wearing a cowboy hat and campaign pins, said matter-of-factly as confetti flew.",
         "more successful conventions", "Bill Eastland"),
        ("Mr. Reagan was criticized for the trade.\n\n''If Reagan had gone with Kemp, I would have been sitting in "
         "Siberia for a long time,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass., said by telephone this week.",
         "sitting in Siberia", "Daniloff"),
    ],
)
def test_quotes_name_with_its_title_after_the_quote_signs_it(stages, text: str, fragment: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, fragment)) == speaker


@pytest.mark.issue(13)
def test_quotes_owner_before_a_title_does_not_sign(stages) -> None:  # type: ignore[no-untyped-def]
    # "the Post's senior politics editor Steven Ginsberg": the paper only says whose editor speaks
    text = ("Carson turned the story back on the Post.\n\n\"Dr. Carson invited both Bob and me to his house today,\" "
            "the Post's senior politics editor Steven Ginsberg said in a statement.")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "invited both Bob")) != "Post"


@pytest.mark.issue(13)
def test_quotes_dash_line_after_the_quote_signs_it(stages) -> None:  # type: ignore[no-untyped-def]
    # a fact-check prints who spoke on the line after the quote; a list item after a dash names no one
    text = ("Hillary Clinton and Bernie Sanders met in New Hampshire.\n\n"
            "\"Boeing and GE and other multinationals . . . pay zero taxes.\"\n\n- Sanders.\n\n"
            "\"Great speech. She's tested. She's ready.\"\n\n-President Obama, tweeting after the speech.\n\n"
            "\"Here is the plan.\"\n\n- Lower the corporate income tax.")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "pay zero taxes")) == "Bernie Sanders"
    assert quote_with(article, "She's tested").speaker_text == "President Obama"
    assert quote_with(article, "Here is the plan").speaker_text is None


@pytest.mark.issue(13)
def test_quotes_object_after_a_verb_with_no_subject_is_not_the_speaker(stages) -> None:  # type: ignore[no-untyped-def]
    # "endorsed" shares its subject with "appeared"; "Clinton" right after it is its object, not its subject
    text = ("Elizabeth Warren met Hillary Clinton on Friday. On Thursday, Warren appeared with MSNBC’s Rachel Maddow "
            "and officially endorsed Clinton, saying, “I think having a fighter in the lead is exactly what this "
            "country needs.”")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "having a fighter")) == "Elizabeth Warren"


@pytest.mark.issue(13)
def test_quotes_listener_before_the_colon_is_not_the_speaker(stages) -> None:  # type: ignore[no-untyped-def]
    text = ("Donald Trump lost support in the Senate this week.\n\nSenate Majority Leader Mitch McConnell, R-Ky., "
            "delivered a blunt message to Trump: \"It's time to quit attacking various people that you competed with "
            "and get on message.\"")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "time to quit")) != "Donald Trump"


@pytest.mark.issue(13)
def test_quotes_clause_ending_in_a_colon_introduces_the_quote(stages) -> None:  # type: ignore[no-untyped-def]
    # "suggested" is a speech verb of another clause; the clause that ends in the colon says who speaks
    text = ("Marco Rubio and Donald Trump met in Miami.\n\nWhen Trump suggested that Cuba would sue the U.S. for "
            "reneging on the deal, Rubio fired back forcefully: “If they sue us in a court in Miami, they’re going to "
            "lose,” referencing the large number of Cuban immigrants in the region.")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "going to lose")) == "Marco Rubio"


@pytest.mark.issue(13)
def test_quotes_relative_who_after_a_list_is_its_last_name(stages) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs "who" on an earlier name of the list; word order makes it the name right before it
    text = ("President Obama dedicated the museum on Saturday, in a ceremony featuring the civil rights leader John "
            "Lewis, a Democratic congressman from Georgia, as well as celebrities like Oprah Winfrey, Will Smith, "
            "Robert DeNiro, Patti LaBelle and Stevie Wonder, who joked of the museum, ''I haven't seen it yet, but I'm "
            "going to.''")
    article, _ = quotes_of(stages, text)
    assert speaker_name(article, quote_with(article, "I haven't seen it yet")) == "Stevie Wonder"
