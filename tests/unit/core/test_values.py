"""The rules for user values (newsprism.validate) and the Python API refusing what they refuse (#15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import newsprism
from newsprism import BadValueError, ConfigError, InputError, Settings, load_settings
from newsprism.clean import clean_text
from newsprism.model import Article
from newsprism.store import SearchFilters, Store
from newsprism.validate import failure_code, iso_date, language_code, main_language, output_file

FAST = Settings(stages=("clean.text",))


@pytest.mark.parametrize(("value", "expected"), [
    # accepted: ISO 8601 dates, and dates with a time, with or without a zone
    ("2022-11-09", "2022-11-09"),
    (" 2022-11-09 ", "2022-11-09"),
    ("2022-11-09T14:30", "2022-11-09T14:30"),
    ("2022-11-09 14:30", "2022-11-09T14:30"),  # written as stored dates are
    ("2022-11-09T14:30:05.250", "2022-11-09T14:30:05.250"),
    ("2022-11-09T14:30Z", "2022-11-09T14:30Z"),
    ("2022-11-09T14:30:00+02:00", "2022-11-09T14:30:00+02:00"),
    ("2024-02-29", "2024-02-29"),
    # refused: words, other orders and separators, days and times that do not exist, partial dates
    ("yesterday", None),
    ("Nov 9, 2022", None),
    ("2022/11/09", None),
    ("09-11-2022", None),
    ("20221109", None),
    ("2022-11", None),
    ("2022-13-45", None),
    ("2023-02-29", None),
    ("2022-11-09T25:00", None),
    ("2022-11-09Z", None),
    ("", None),
])
def test_values_iso_date(value: str, expected: str | None) -> None:
    if expected is not None:
        assert iso_date(value) == expected
        return
    with pytest.raises(BadValueError, match=r"^\[E170\] --from: .* is not a date.*use ISO 8601") as caught:
        iso_date(value, name="--from")
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, InputError)
    assert repr(value[:60]) in str(caught.value)


@pytest.mark.parametrize(("value", "expected"), [
    ("en", "en"), ("EN", "en"), (" uk ", "uk"), ("fil", "fil"),
    ("xx", None), ("english", None), ("en-GB", None), ("e", None), ("", None),
])
def test_values_language_code(value: str, expected: str | None) -> None:
    if expected is not None:
        assert language_code(value) == expected
    else:
        with pytest.raises(BadValueError, match=r"^\[E171\] lang: .* is not a language code"):
            language_code(value)


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), ("DE", "de"), ("xx", None), ("sw", None), ("", None)])
def test_values_main_language(value: str, expected: str | None) -> None:
    if expected is not None:
        assert main_language(value) == expected
    else:
        with pytest.raises(BadValueError, match=r"^\[E171\] .* is not a language cleaning supports; supported: ar, "):
            main_language(value)


@pytest.mark.parametrize(("value", "expected"), [("E104", "E104"), ("w301", "W301"), ("104", None), ("E10", None)])
def test_values_failure_code(value: str, expected: str | None) -> None:
    if expected is not None:
        assert failure_code(value) == expected
    else:
        with pytest.raises(BadValueError, match=r"^\[E176\]"):
            failure_code(value)


def test_values_output_file(tmp_path: Path) -> None:
    assert output_file(tmp_path / "x.jsonl") == tmp_path / "x.jsonl"
    (tmp_path / "old.jsonl").write_text("")
    assert output_file(tmp_path / "old.jsonl") == tmp_path / "old.jsonl"  # overwriting is fine
    with pytest.raises(BadValueError, match=r"^\[E172\] output: .* is a folder"):
        output_file(tmp_path)
    with pytest.raises(BadValueError, match=r"^\[E172\] output: .* the folder .* does not exist"):
        output_file(tmp_path / "missing" / "x.jsonl")
    with pytest.raises(BadValueError, match=r"^\[E172\] output: .* is not a folder"):
        output_file(tmp_path / "old.jsonl" / "x.jsonl")


# -- the Python API ---------------------------------------------------------------------


@pytest.mark.issue(15)
@pytest.mark.parametrize("published", ["yesterday", "2022-13-45", "Nov 9, 2022", "2022/11/09"])
def test_values_process_refuses_a_bad_publication_date(published: str) -> None:
    with pytest.raises(ValueError, match=r"\[E170\] published: .* is not a date"):
        newsprism.process("The mayor said on Wednesday that the bridge would reopen.", published=published,
                          settings=FAST)
    assert newsprism.process("The bridge reopened.", published="2022-11-09", settings=FAST).published == "2022-11-09"


@pytest.mark.issue(15)
@pytest.mark.parametrize(("filters", "code"), [
    ({"date_from": "2022-13-01"}, "E170"),
    ({"date_to": "yesterday"}, "E170"),
    ({"lang": "english"}, "E171"),
    ({"sort": "newest"}, "E177"),
])
def test_values_search_filters_refuse_what_would_match_nothing(filters: dict[str, str], code: str) -> None:
    with pytest.raises(ValueError, match=rf"^\[{code}\] "):
        SearchFilters(**filters)


@pytest.mark.issue(15)
def test_values_search_filters_keep_good_values() -> None:
    filters = SearchFilters(date_from="2022-11-09 10:00", date_to="2022-11-10", lang="EN", sort="date")
    assert (filters.date_from, filters.date_to, filters.lang) == ("2022-11-09T10:00", "2022-11-10", "en")


@pytest.mark.issue(15)
def test_values_store_id_prefixes(store: Store) -> None:
    ids = ["abc1000000000000", "abc2000000000000", "abd3000000000000", "a_c4000000000000"]
    store.add([Article(id=aid, text=f"Text {aid}.", title=aid, published=f"2022-11-0{n + 1}T10:00:00")
               for n, aid in enumerate(ids)])
    assert store.get("abd").id == ids[2]  # type: ignore[union-attr]  # three characters are enough
    assert store.get("abc2").id == ids[1]  # type: ignore[union-attr]
    assert store.get("ab") is None  # too short to be a prefix
    assert store.get("zzz") is None
    assert store.get("a_c").id == ids[3]  # type: ignore[union-attr]  # '_' is a character, not a wildcard
    with pytest.raises(BadValueError, match=r"^\[E173\] article id prefix 'abc' is ambiguous: it starts "
                                            r"abc1000000000000, abc2000000000000; give more characters"):
        store.get("abc")
    assert store.get("ab%") is None  # '%' is a character too: no id starts with 'ab%'
    # a date includes its whole day; a date and time bounds to the minute
    assert store.search("text", filters=SearchFilters(date_to="2022-11-02")).total == 2
    assert store.search("text", filters=SearchFilters(date_to="2022-11-02T09:59")).total == 1
    assert store.search("text", filters=SearchFilters(date_to="2022-11-02T10:00")).total == 2


@pytest.mark.issue(15)
def test_values_cleaning_language_is_checked_before_any_document() -> None:
    with pytest.raises(BadValueError, match=r"^\[E171\] main_language: 'xx'"):
        clean_text("Some text.", main_language="xx")
    with pytest.raises(ConfigError, match=r"^\[E201\] setting main_language: 'xx'"):
        load_settings(overrides={"main_language": "xx"}, environ={})
    with pytest.raises(ConfigError, match=r"^\[E201\] setting main_language: 'xx'"):
        newsprism.get_pipeline(Settings(stages=("clean.text",), main_language="xx"))
    assert load_settings(overrides={"main_language": "DE"}, environ={}).main_language == "de"


@pytest.mark.issue(15)
def test_values_parquet_path_is_checked_before_reading(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from newsprism.export import write_parquet

    def articles() -> Iterator[Article]:
        raise AssertionError("read before the path was checked")
        yield

    with pytest.raises(BadValueError, match=r"^\[E172\] path: .* does not exist"):
        write_parquet(articles(), tmp_path / "no" / "x.parquet")
