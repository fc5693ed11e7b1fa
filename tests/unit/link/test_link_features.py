from __future__ import annotations

import pytest

from newsprism.link.features import fold_name, site_of
from newsprism.model import Article


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Surovikin", "Surovykin", True),
    ("Surovikin", "Surovikin", True),
    ("Kherson", "Jersón", True),
    ("Hrytsenko", "Gritsenko", True),
    ("Stremousov", "Stremusov", True),
    ("Ștefan Dumitrescu", "Ştefan Dumitrescu", True),
    ("Kovalenko", "Kuipers", False),          # must not fold together
    ("Galați", "Brăila", False),
])
def test_features_fold_name(a: str, b: str, same: bool) -> None:
    assert (fold_name(a) == fold_name(b)) is same


@pytest.mark.parametrize(("site", "url", "expected"), [
    (None, "https://www.dailyharbor.example/2023/x", "dailyharbor.example"),
    ("The Daily Harbor", "https://www.dailyharbor.example/x", "The Daily Harbor"),
    (None, None, None),
])
def test_features_site_of(site: str | None, url: str | None, expected: str | None) -> None:
    assert site_of(Article(id="x", text="", site=site, url=url)) == expected
