"""The compact word lists give what wordfreq gives, for a fraction of its memory (#17)."""

from __future__ import annotations

from itertools import islice

import pytest
from wordfreq import iter_wordlist, zipf_frequency

from newsprism.clean.word_lists import common_words, frequency_table, segmented


@pytest.mark.issue(17)
@pytest.mark.parametrize("lang", ["en", "de", "pt"])
def test_word_lists_zipf_is_wordfreqs(lang: str) -> None:
    table = frequency_table(lang)
    assert table is not None
    # listed words of every band, words wordfreq tokenizes or folds, and words it does not list
    words = [*islice(iter_wordlist(lang), 0, 300_000, 997), "Kherson", "Webseitenund", "theybelieve", "Straße",
             "don't", "e-mail", "zzqxv", ""]
    assert [table.zipf(word) for word in words] == [zipf_frequency(word, lang) for word in words]


@pytest.mark.issue(17)
def test_word_lists_common_words_are_the_lists_first_words() -> None:
    table = frequency_table("fr")
    assert table is not None
    listed, words = common_words(table, 20_000)
    first = [word for word in islice(iter_wordlist("fr"), 20_000) if word.isalpha()]
    assert words == first
    assert all(word in listed for word in first)
    later = [word for word in islice(iter_wordlist("fr"), 20_000, 60_000) if word.isalpha() and word not in first]
    assert not any(word in listed for word in later)


@pytest.mark.issue(17)
def test_word_lists_hold_eight_bytes_a_word() -> None:
    table = frequency_table("de")
    assert table is not None and len(table) > 600_000
    assert table.nbytes == 8 * len(table)


def test_word_lists_segmented_languages_are_left_to_wordfreq() -> None:
    assert segmented("ja") and segmented("zh") and not segmented("de")
    assert frequency_table("ja") is None
