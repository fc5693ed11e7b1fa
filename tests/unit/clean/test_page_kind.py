"""Shop, product and listing pages are told from news by what they declare and by their form (#17)."""

from __future__ import annotations

import random
import re

import pytest

from newsprism.clean.html import extract_html
from newsprism.clean.page_kind import has_price
from newsprism.codes import Code
from newsprism.link.features import features
from newsprism.link.stories import cluster_stories
from newsprism.model import Article, Issue

#: Lines of a real product page of a Japanese bag shop, in a web archive (its menu, its price, its
#: description): a product description is prose too, so the form of the page tells.
_SHOP_MENU = "<p>トップ│ご紹介│利用案内│会員登録/修正│買い物カゴ│注文照会│お問合せ</p>"
_SHOP_BODY = ("<div id='item'><h2>アイテム詳細情報</h2><p>Ａ４ノートサイズのノートパソコンが収納可能なＰＣ対応のブリーフケース、"
              "表側にはジップ式（入り口はカバー付き）の２つのポケット、サイドには網目の携帯入れ、裏側には大きなジップ式ポケット"
              "１個、内側には大きめのジップ式ポケットひとつとポケット２つにペン差し用２つと非常に機能的で、ビジネスバッグとしても"
              "おすすめ さらにショルダー用のベルトも付いています。</p><p>価格 : 32,800円(税込)</p></div>")
_STORY = " ".join(["Police said 12 people were hurt when the train stopped near the station on Tuesday night."] * 20)


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Page</title>{head}</head><body>{body}</body></html>"


def _issues(html: str) -> set[str]:
    return {issue.code for issue in extract_html(html, url="http://shop.example/item/1").issues}


@pytest.mark.issue(17)
@pytest.mark.parametrize(("html", "shop"), [
    (_page(_SHOP_MENU + _SHOP_BODY), True),  # cart words and a price around a product description
    (_page(f"<article><p>{_STORY}</p></article>", '<meta property="og:type" content="product">'), True),
    (_page(f"<article><p>{_STORY}</p></article>",
           '<script type="application/ld+json">{"@type": "Product", "name": "Bag", '
           '"offers": {"@type": "Offer", "price": "19.99"}}</script>'), True),
    # Rows that must not change: a story with a shop link and a price in its menu, a review that names
    # a product, a story that declares itself an article.
    (_page(f"<nav>Shop │ Add to cart │ Subscribe for $1 a week</nav><article><p>{_STORY}</p></article>"), False),
    (_page(f"<article><p>{_STORY}</p></article>",
           '<script type="application/ld+json">{"@type": "Review", "itemReviewed": {"@type": "Product"}}</script>'),
     False),
    (_page(_SHOP_MENU + _SHOP_BODY, '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
           '<meta property="og:type" content="article">'), False),
])
def test_page_kind_shop_pages_are_not_news(html: str, shop: bool) -> None:
    assert (Code.NOT_NEWS in _issues(html)) is shop


@pytest.mark.issue(17)
def test_page_kind_shop_pages_make_no_story() -> None:
    # Two pages of one shop share their template's words; as news they would be one story.
    text = "アイテム詳細情報 ヘッドポーター 吉田カバン PORTER ブリーフケース Tokyo Harajuku"
    pages = [Article(id=f"p{i}", text=f"{text} {i}", title="ヘッドポーター 吉田カバン PORTER 限定品 取扱専門 通販店",
                     site="uraharajuku.st") for i in range(3)]
    assert cluster_stories([features(a) for a in pages])  # without the issue: a "story" of one shop
    marked = [a.replace(issues=(Issue(Code.NOT_NEWS, "not a news page", "clean.text"),)) for a in pages]
    assert cluster_stories([features(a) for a in marked]) == []


@pytest.mark.issue(17)
def test_page_kind_copies_of_a_shop_page_make_no_story(tmp_path: object) -> None:
    # One product page of a real shop under two URLs (".../order/" and ".../price/"): copies of each
    # other, which the link stage always puts in one story, unless the page is not news.
    from newsprism.link.run import link_corpus
    from newsprism.store import open_store

    text = ("アイテム詳細情報\nＡ４ノートサイズのノートパソコンが収納可能なＰＣ対応のブリーフケース、表側にはジップ式の２つのポケット、"
            "サイドには網目の携帯入れ、裏側には大きなジップ式ポケット１個。\n（縦２９ｃｍ 横４０ｃｍ 奥行８.５ｃｍ）")
    urls = ("http://www.uraharajuku.st/shopdetail/001005000005/019/000/order/",
            "http://www.uraharajuku.st/shopdetail/001005000005/030/006/price/")
    stories = []
    for shop in (False, True):
        issues = (Issue(Code.NOT_NEWS, "not a news page", "clean.text"),) if shop else ()
        store = open_store(f"{tmp_path}/{shop}.db")
        store.add([Article(id=f"s{i}", text=text, url=url, site="uraharajuku.st", lang="ja", issues=issues)
                   for i, url in enumerate(urls)])
        summary = link_corpus(store)
        store.close()
        assert summary.duplicate_groups == 1  # copies either way
        stories.append(summary.stories)
    assert stories == [1, 0]


#: The price pattern as one search, before it was split by the character each form begins with.
_ONE_PRICE_PATTERN = re.compile(
    r"(?:[$€£¥₩₹₽₺]|US\$|R\$|CHF|zł)\s?\d[\d,.\s]{0,12}\d|"
    r"\d[\d,.]{0,12}\s?(?:円|元|원|€|zł|руб|₽|TL|kr|Kč)(?:\s?\(税込\))?")


@pytest.mark.parametrize("text", [
    "価格 : 32,800円(税込)", "US$ 5", "R$12,50", "CHF 1'200", "CHF 120", "zł 3", "3 zł", "19,99 €", "€ 19,99",
    "1.234.567.890.123 kr", "12345678901234567 kr", "Ukraine", "TLDR 7", "7 TL", "5руб", "no price here",
    "$", "$a1", "1 2 kr", "1  kr", "\u00a09\u00a0€",
])
def test_a_price_is_found_as_one_pattern_found_it(text: str) -> None:
    assert has_price(text) == bool(_ONE_PRICE_PATTERN.search(text))


def test_a_price_is_found_as_one_pattern_found_it_in_random_text() -> None:
    rng = random.Random(12)
    alphabet = "0123456789,. \u00a0\t$€£¥₩₹₽₺CHFzłруб円元원TLkrKčUSR(税込)ab\n"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert has_price(text) == bool(_ONE_PRICE_PATTERN.search(text)), text
