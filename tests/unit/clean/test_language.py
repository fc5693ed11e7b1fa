"""Per-paragraph language: trusted on sentences, never guessed on a few words."""

from __future__ import annotations

import pytest

from newsprism.clean.language import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("The government said on Monday that the talks would resume next week in Geneva.", "en"),
    ("Putin declara la ley marcial en las regiones anexionadas mientras evacúa la ciudad de Jersón", "es"),
    ("Le gouvernement a annoncé lundi que les négociations reprendraient la semaine prochaine.", "fr"),
    ("Die Regierung hat am Montag angekündigt, dass die Gespräche nächste Woche weitergehen.", "de"),
    # too short to judge: no language rather than a wrong one
    ("farewell banner", None),
    ("Alexei Pavlisak", None),
    ("Russian-Ukrainian War", None),
])
def test_language_detect(text: str, lang: str | None) -> None:
    assert detect_language(text)[0] == lang


_ENGLISH = ("The central bank raised interest rates on Thursday for the third time this year, saying that "
            "inflation was still far above its target.\n\nEconomists had expected the move, which was "
            "approved by seven of the nine members of the rate-setting committee.")
_GERMAN = ("Die Zentralbank hat am Donnerstag zum dritten Mal in diesem Jahr die Zinsen erhöht, weil die "
           "Inflation noch immer weit über ihrem Ziel liegt.\n\nÖkonomen hatten den Schritt erwartet, dem sieben "
           "der neun Mitglieder des Ausschusses zugestimmt haben.")
_CHINESE = ("中国人民银行周四宣布下调存款准备金率，以支持实体经济发展。这是今年以来的第二次降准。\n\n"
            "经济学家表示，此举将释放大约五千亿元的长期资金，有助于降低企业的融资成本，稳定市场预期。")


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "declared", "lang", "noted"), [
    (_ENGLISH, "de", "en", True),     # an English page declared German: the text wins, the declared value kept
    (_GERMAN, "de", "de", False),
    (_ENGLISH, None, "en", False),
    (_CHINESE, "utf", "zh", True),    # "UTF-8" from a Content-Language header is no language
    ("Kurz gesagt: the bank raised rates.", "de", "de", False),  # too short to overrule the page
])
def test_language_from_the_text_beats_the_declared_one(text: str, declared: str | None, lang: str,
                                                        noted: bool) -> None:
    from newsprism.clean import clean_article
    from newsprism.codes import Code
    from newsprism.model import Article

    article = clean_article(Article(id="l1", text=text, raw_text=text, lang=declared))
    notes = [issue for issue in article.issues if issue.code == Code.LANGUAGE_NOT_DECLARED_ONE]
    assert article.lang == lang
    assert bool(notes) == noted and all(repr(declared) in issue.message for issue in notes)


@pytest.mark.issue(12)
@pytest.mark.parametrize(("head", "lang"), [
    ('<html lang="de"><head>', "en"),
    ('<html><head><meta http-equiv="Content-Language" content="UTF-8">', "en"),
])
def test_language_of_an_html_page_is_its_text_s(head: str, lang: str) -> None:
    from newsprism.config import Settings
    from newsprism.pipeline import Pipeline

    body = "".join(f"<p>{paragraph}</p>" for paragraph in _ENGLISH.split("\n\n"))
    page = f"{head}<title>Rates rise</title></head><body><article>{body}</article></body></html>"
    article = Pipeline(Settings(stages=("clean.text",))).process(page)
    assert article.lang == lang


@pytest.mark.issue(12)
def test_language_lines_take_the_language_of_a_block_that_agrees_with_the_document() -> None:
    from newsprism.clean.language import line_languages

    lines = ["Nesta página você terá sempre a classificação atualizada da corrida.",
             "Coloque nos seus favoritos e venha sempre conferir a classificação!",
             "O calendário da Cup é composto por 36 corridas neste ano."]
    assert detect_language(lines[2])[0] is None  # alone, the identifier is unsure of the last line
    found = line_languages(lines, doc_lang="pt")
    assert [lang for lang, _ in found] == ["pt", "pt", "pt"]
    assert len({score for _, score in found}) == 1  # one answer for the block
    # with no document language there is nothing to agree with: each line alone, as detect_language says
    assert line_languages(lines, doc_lang=None) == [detect_language(line) for line in lines]


@pytest.mark.issue(12)
def test_language_line_of_another_language_inside_an_english_block_is_asked_alone() -> None:
    from newsprism.clean.language import line_languages

    lines = ["Residents along Harbor Street reported flooding in basements, garages and gardens overnight.",
             "Danke für die Mühe, das wollte ich finden und lese es gerne wieder.",  # a comment under the story
             "City crews pumped water out of storm drains near Central Park until early morning.",
             "Emergency shelters opened in two schools, one church and a community centre downtown."]
    found = line_languages(lines, doc_lang="en")
    assert [lang for lang, _ in found] == ["en", "de", "en", "en"]
    assert line_languages(["Breaking news", "Short line here"], doc_lang="en") == [(None, None), (None, None)]
