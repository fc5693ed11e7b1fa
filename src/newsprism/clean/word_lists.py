"""Word frequencies in a compact form, read straight from wordfreq's files (#17, memory).

wordfreq keeps every language it is asked about as a dict of its whole list for the life of the process
(634,502 German words, about 60 MB; 311,419 French, about 30 MB), and glued-word repair asks about the
story's language and the language of each line written in another (rule 5 of ``glued_words``): an ingest
worker of a mixed corpus held several such dicts. Here a language's list is one sorted array of 64-bit
numbers, a word's hash in the high 52 bits and its frequency band (wordfreq's centibels) in the low 12:
8 bytes a word. The file is read one word at a time, so the whole list never sits in memory as strings.

A look-up gives what :func:`wordfreq.zipf_frequency` gives (the same tokenizer, the same rounding); two words
whose hashes share their high 52 bits would share a frequency, about one chance in 10,000 for a list of
600,000 words, and only if both are looked up. Languages that need a segmenter (Chinese, Japanese, Korean)
are left to wordfreq itself.
"""

from __future__ import annotations

import gzip
import math
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

_BAND_BITS = 12  # wordfreq's lists go down to 900 centibels below 1 (Zipf 0): 12 bits hold the band
_BAND_MASK = (1 << _BAND_BITS) - 1
_HASH_MASK = (1 << (64 - _BAND_BITS)) - 1
_UNKNOWN = 1e-9  # wordfreq's floor for a word it does not list: Zipf 0


class FrequencyTable:
    """One language's word list: the frequency band of each word, by its hash.

    Built in the process that uses it: Python salts its string hash per process, so a table sent to another
    process (pickled for a worker) would answer for other words. Nothing sends one; each worker builds its own.
    """

    __slots__ = ("lang", "_entries")

    def __init__(self, lang: str, entries: array[int]) -> None:
        self.lang = lang
        self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> int:
        """The bytes the table's entries take."""
        return self._entries.itemsize * len(self._entries)

    def band(self, token: str) -> int | None:
        """The centibels below 1 of ``token`` as listed (0 is the commonest), or None if it is not listed."""
        key = (hash(token) & _HASH_MASK) << _BAND_BITS
        at = bisect_right(self._entries, key | _BAND_MASK) - 1  # the last entry of that hash: wordfreq's own
        if at >= 0 and self._entries[at] & ~_BAND_MASK == key:  # dict keeps a word's last band
            return int(self._entries[at] & _BAND_MASK)
        return None

    def zipf(self, word: str) -> float:
        """What ``wordfreq.zipf_frequency(word, lang)`` returns, from this table."""
        from wordfreq.numbers import digit_freq, smash_numbers
        from wordfreq.tokens import lossy_tokenize

        tokens = lossy_tokenize(word, self.lang)
        freq = _UNKNOWN
        if tokens:
            one_over = 0.0
            for token in tokens:
                smashed = smash_numbers(token)
                band = self.band(smashed)
                if band is None:
                    one_over = 0.0
                    break
                token_freq = 10 ** (-band / 100)
                if smashed != token:
                    token_freq *= digit_freq(token)
                one_over += 1.0 / token_freq
            if one_over:
                unrounded = max(1.0 / one_over, _UNKNOWN)
                freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
        return round(math.log(freq, 10) + 9, 2)


class CommonWords:
    """The commonest words of a list made of letters alone, as a set to test words against, held by the
    :class:`FrequencyTable`: a word is among them when its band is above the band the cut falls in, or it is one
    of the words of that band before the cut (wordfreq lists a band's words in alphabetical order)."""

    __slots__ = ("_table", "_band", "_boundary")

    def __init__(self, table: FrequencyTable, band: int, boundary: frozenset[str]) -> None:
        self._table, self._band, self._boundary = table, band, boundary

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isalpha():
            return False
        band = self._table.band(word)
        return band is not None and (band < self._band or (band == self._band and word in self._boundary))


def common_words(table: FrequencyTable, size: int) -> tuple[CommonWords, list[str]]:
    """The first ``size`` entries of ``table``'s list: as a set, and as the list of those made of letters alone,
    commonest first (the list is the caller's to drop once read)."""
    words: list[str] = []
    band, band_words, count = -1, list[str](), 0
    for listed_band, listed in iter_bands(table.lang):
        band, listed = listed_band, listed[: size - count]
        count += len(listed)
        band_words = [word for word in listed if word.isalpha()]
        words += band_words
        if count >= size:
            break
    return CommonWords(table, band, frozenset(band_words)), words


def _list_path(lang: str) -> tuple[str, str] | None:
    """The file of wordfreq's best list for ``lang`` and the language it is for, as wordfreq matches them."""
    import langcodes
    from wordfreq import available_languages

    available = available_languages("best")
    best, _distance = langcodes.closest_match(lang, list(available), max_distance=60)
    return (available[best], best) if best != "und" else None


def iter_bands(lang: str) -> Iterator[tuple[int, list[str]]]:
    """The bands of ``lang``'s list, commonest first, each with its words, read from the file one band at a time
    (none if wordfreq has no list for ``lang``)."""
    import msgpack  # type: ignore[import-untyped]  # msgpack ships no stubs; wordfreq depends on it

    found = _list_path(lang)
    if found is None:
        return
    with gzip.open(found[0], "rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False)
        bands = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{found[0]} is not a word list in wordfreq's format: reinstall wordfreq")
        for band in range(bands - 1):
            yield band, unpacker.unpack()


def segmented(lang: str) -> bool:
    """Whether wordfreq needs a word segmenter for ``lang`` (Chinese, Japanese, Korean): left to wordfreq."""
    from wordfreq.language_info import get_language_info

    return bool(get_language_info(lang)["tokenizer"] != "regex")


@lru_cache(maxsize=16)
def frequency_table(lang: str) -> FrequencyTable | None:
    """``lang``'s word list as a :class:`FrequencyTable`, once per process; None if wordfreq has none for it or
    it needs a segmenter."""
    if segmented(lang):
        return None
    found = _list_path(lang)
    if found is None:
        return None
    keys: list[int] = []
    for band, words in iter_bands(lang):
        keys.extend([((key & _HASH_MASK) << _BAND_BITS) | band for key in map(hash, words)])
    keys.sort()
    entries = array("Q", keys)
    return FrequencyTable(lang, entries)
